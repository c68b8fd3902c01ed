"""Relevance benchmark: nDCG@10, MRR and Recall@10 of our engine and two plain peers on judged queries.

    python benchmarks/relevance/evaluate.py [--per-query]            # the starter corpus, judgments.yaml
    python benchmarks/relevance/evaluate.py --field [--per-query]    # real pages, judgments_field.yaml
    python benchmarks/relevance/evaluate.py --fresh [--per-query]    # the fresh check set, never tuned on
    python benchmarks/relevance/evaluate.py --tune2 [--per-query]    # real pages, judgments_tune2.yaml (tuning)
    python benchmarks/relevance/evaluate.py --fresh2 [--per-query]   # a second fresh check set, never tuned on
    python benchmarks/relevance/evaluate.py --tune3 [--per-query]    # pages of its own, judgments_tune3.yaml (tuning)
    python benchmarks/relevance/evaluate.py --fresh3 [--per-query]   # a third fresh check set, never tuned on
    python benchmarks/relevance/evaluate.py --fresh4 [--per-query]   # a fourth fresh check set, run once at the end
    python benchmarks/relevance/evaluate.py --fresh5 [--per-query]   # a fifth fresh check set, run once at the end
    python benchmarks/relevance/evaluate.py --fresh6 [--per-query]   # a sixth, with queries of its own, run once
    python benchmarks/relevance/evaluate.py --fresh7 [--per-query]   # a seventh, with queries of its own, run once
    python benchmarks/relevance/evaluate.py --fresh8 [--beside-starter]   # an eighth, also beside the bundled corpus
    python benchmarks/relevance/evaluate.py --fresh9 [--beside-starter]   # a ninth, made like fresh8 (session 10)
    python benchmarks/relevance/evaluate.py --fresh10 [--beside-starter]  # a tenth, made like fresh8 (session 11)
    python benchmarks/relevance/evaluate.py --fresh11 [--beside-starter]  # an eleventh, made like fresh8 (session 12)
    python benchmarks/relevance/evaluate.py --fresh12 [--beside-starter]  # a twelfth, made like fresh8 (session 13; tuning since)
    python benchmarks/relevance/evaluate.py --fresh13 [--beside-starter]  # a thirteenth, made like fresh8 (session 13)
    python benchmarks/relevance/evaluate.py --fresh14 [--beside-starter]  # a fourteenth, made like fresh8 (session 14)
    python benchmarks/relevance/evaluate.py --fresh15 [--beside-starter]  # a fifteenth, made like fresh8 (session 15)
    python benchmarks/relevance/evaluate.py --fresh16 [--beside-starter]  # a sixteenth, made like fresh8 (session 16)
    python benchmarks/relevance/evaluate.py --fresh17 [--beside-starter]  # a seventeenth, made like fresh8 (session 17; tuning since)
    python benchmarks/relevance/evaluate.py --fresh18 [--beside-starter]  # an eighteenth, made like fresh8 (session 18)
    python benchmarks/relevance/evaluate.py --fresh19 [--beside-starter]  # a nineteenth, made like fresh8 (session 19)
    python benchmarks/relevance/evaluate.py --fresh20 [--beside-starter]  # a twentieth, made like fresh8 (session 20)
    python benchmarks/relevance/evaluate.py --fresh21 [--beside-starter]  # a twenty-first, made like fresh8 (session 21)
    python benchmarks/relevance/evaluate.py --fresh22 [--beside-starter]  # a twenty-second, made like fresh8 (session 22)
    python benchmarks/relevance/evaluate.py --fresh23 [--beside-starter]  # a twenty-third, made like fresh8 (session 23)
    python benchmarks/relevance/evaluate.py --fresh24 [--beside-starter]  # a twenty-fourth, made like fresh8 (session 24)
    python benchmarks/relevance/evaluate.py --fresh25 [--beside-starter]  # a twenty-fifth, made like fresh8 (session 25)
    python benchmarks/relevance/evaluate.py --fresh26 [--beside-starter]  # a twenty-sixth, 20 pages (session 28); later ones:
    python benchmarks/relevance/evaluate.py --help                        # every set, each with the session that made it
    python benchmarks/relevance/evaluate.py --tune4 [--per-query]    # pages of its own, judgments_tune4.yaml (tuning)
    python benchmarks/relevance/evaluate.py --tune5 [--per-query]    # pages of its own, judgments_tune5.yaml (tuning)
    python benchmarks/relevance/evaluate.py --tune6 [--beside-starter]   # titles beside the bundled corpus (tuning)
    python benchmarks/relevance/evaluate.py --tune7 [--beside-starter]   # topics and titles beside it (tuning)
    python benchmarks/relevance/evaluate.py --tune8 [--beside-starter]   # queries as people type them (tuning)
    python benchmarks/relevance/evaluate.py --tune9 [--beside-starter]   # long questions and keywords (tuning)
    python benchmarks/relevance/evaluate.py --tune10 [--beside-starter]  # questions and places (tuning)
    python benchmarks/relevance/evaluate.py --tune11 [--beside-starter]  # titles and derived forms (tuning)
    python benchmarks/relevance/evaluate.py --tune12 [--beside-starter]  # every kind, real typos and multi (tuning)
    python benchmarks/relevance/evaluate.py --tune13 [--beside-starter]  # titles and several topical words (tuning)
    python benchmarks/relevance/evaluate.py --tune14 [--beside-starter]  # topical words the pages do not use (tuning)
    python benchmarks/relevance/evaluate.py --tune15 [--beside-starter]  # several topical words, long questions (tuning)
    python benchmarks/relevance/evaluate.py --typo-field | --typo-tune3 | --typo-starter   # derived typo tuning sets
    python benchmarks/relevance/evaluate.py --typo-tune10 | --typo-tune11   # the same over tune10, tune11 (session 19)
    python benchmarks/relevance/evaluate.py --compound-field         # compound/topical tuning queries, field pages
    python benchmarks/relevance/evaluate.py --compound-tune3         # compound/topical tuning queries, tune3 pages
    python benchmarks/relevance/evaluate.py --elided-field           # elided-compound tuning queries, field pages
    python benchmarks/relevance/evaluate.py --elided-tune5           # elided-compound tuning queries, tune5 pages
    python benchmarks/relevance/evaluate.py --titles-tune3 | --titles-tune4 | --titles-tune5   # half-remembered titles
    python benchmarks/relevance/evaluate.py --collection DIR --judgments FILE [--engine NAME]...
    python benchmarks/relevance/evaluate.py --tune3 --peer-losses title   # tuning queries a peer ranks better
    python benchmarks/relevance/evaluate.py --tune4 --beside-starter      # imported beside the bundled corpus

Starter set: the judgments were made by reading the starter corpus (corpus/); relevant documents are named
by their id.

Field set (--field): the real pages of benchmarks/relevance/collection/ are first imported into an empty
temporary corpus through the real importer (importer.import_paths, what `kennisplatform import` runs),
with the project's taxonomy; every engine then indexes that imported corpus. Judged pages are named by
their source address and found again through the imported documents' `source.url` (normalised as the
importer does), never by file name. A judged page the import did not create (refused, or skipped as very
similar to another) stays in the ideal ranking, so every engine loses it alike; the run lists such pages.
The queries carry a fixed `split` (tune / heldout): figures are reported per kind for each half and for
all. Tune on `tune` only; `heldout` says whether a change generalises. --tune2 judges more queries over the
same pages (half-remembered titles and questions, all tuning material: the field set's tune titles are all
at the ceiling, so they cannot tell ranking changes apart). --fresh and --fresh2 are check sets over pages of
their own (collection_fresh/, collection_fresh2/) that nobody tunes on: fresh2 was judged to check a change
proposed after the field set's held-out half had been seen. --tune3 is tuning material over pages of its own
(collection_tune3/), aimed at the kinds where our margin over plain BM25 was thinnest (titles, multi).
--tune4 (collection_tune4/, session 6) is tuning material whose pages share words in their titles, so that
half-remembered titles are not all at the ceiling, with one- and two-word topics, compounds and questions.
--tune5 (collection_tune5/, session 7) is tuning material of kinds of pages the other sets have few of (policy
texts and advice, PDF reports, school culture plans, council pieces), several sharing title words, with questions,
one- and two-word topics, half-remembered titles and several topical words (the tuning sets were near their
ceiling on those kinds while the held-out half and the check sets were not).
--tune6 (collection_tune6/, session 11) is tuning material for half-remembered titles, the kind where ours is closest
to plain BM25, above all beside the bundled corpus: its pages' titles share words with each other and with the
starter documents' titles (Cultuureducatie met Kwaliteit, netwerkbijeenkomst, verslag, subsidieregeling, music,
heritage; short generic titles, site names after " | " or " - ", PDFs), with questions, compounds and typos besides.
Its starter documents are pooled and graded like the other tuning sets' (run it alone and with --beside-starter).
--tune7 (collection_tune7/, session 12) is tuning material for one- and two-word topics and half-remembered titles,
the kinds where ours is closest to plain BM25 beside the bundled corpus: its pages are on the starter documents'
subjects (dance, music and visual art at school, heritage education, CMK financing, the Jeugdfonds, culture and the
elderly, amateur arts, spoken word, parents) and places of Zuid-Holland, so that the starter documents compete for
the first places, with some noise; 16 topical and 12 title queries, with places and questions besides. Its starter
documents are pooled and graded like the other tuning sets' (run it alone and with --beside-starter).
--tune8 (collection_tune8/, session 13) is tuning material for queries written the way people type them into a search
box: abbreviations (ckv, po, vo, vmbo, pabo), all lowercase without accents, English loanwords (fablab, makerspace,
storytelling, skills), a year or a school year, a "?" at the end, "voorbeelden ..." and "hoe ...", plurals the pages
write otherwise, and places typed as a village inside a municipality (Naaldwijk, Boskoop, Oud-Beijerland), as an
adjective or as a name of several words; its pages are on the starter documents' subjects with places of Zuid-Holland
written that way, so that the starter documents compete, with some noise; 8 queries of each kind (topical, title,
place, question, multi, typo). Its starter documents are pooled and graded like the other tuning sets' (run it alone
and with --beside-starter).
--tune9 (collection_tune9/, session 14) is tuning material for long queries beside the bundled corpus, where the 63
starter documents share many small and medium words with the query: questions of 8-12 words as a teacher, an icc'er
or a policy officer asks them ("hoeveel ...", "hoe ...", "wat gebeurt er als ...", "tot wanneer ...", "waar vind ik
..."), most answered by exactly one or two pages, and keyword queries of three to six words (an abbreviation, a year
or a date in some); its pages are practical pages on the starter documents' subjects (the lumpsum per pupil, subsidy
schemes, terms of booking and cancelling a culture menu, the Jeugdcultuurfonds, the Cultuurkaart, the cultuurcoach,
a school's culture plan, heritage and museum lessons, music, culture for the elderly), with some noise; 18 questions,
16 multi, 6 topical, 4 place, 4 title. Its starter documents are pooled and graded like the other tuning sets' (run
it alone and with --beside-starter).
--tune10 (collection_tune10/, session 18) is tuning material for the two kinds that lag on unseen pages: questions of
8-12 words as a teacher, a parent or a cultuurcoordinator asks them ("wat kost een cultuurcoach de gemeente en wie
betaalt de rest", "kan een school een cultuurmenu activiteit nog verzetten bij verhindering"), and place queries (an
adjective "haagse", "westlandse", "zoetermeerse", "voorburgse", "zeeuwse", a name of several words "voorne aan zee",
"hoek van holland", "berkel en rodenrijs", a municipality asked for by a page that names only a village in it, a place
with a topic); its pages are on museum visits and lessons for schools, school libraries and reading, media literacy,
subsidies and culture menus, cultuurcoaches and leerlijnen, with places of Zuid-Holland written as pages write them,
several competing for the same query, and some noise; 16 questions, 16 place, 16 others (topical, title, multi,
compound, typo). Its starter documents are pooled and graded like the other tuning sets' (run it alone and with
--beside-starter).
--tune11 (collection_tune11/, session 19) is tuning material for half-remembered titles (words left out, reordered,
a word in another form, misspelt, a subtitle only, a title on two sites; several like the starter reports' titles:
"samenhang kunsteducatie en ontwerpen", "netwerkbijeenkomst combinatiefunctionarissen cultuurmakelaars") and derived
word forms that a Snowball stemmer keeps apart ("participeren jongeren gemeente" for jongerenparticipatie,
"filosofie kleuterklas" for gefilosofeerd, "digitalisering erfgoed lesmateriaal" for digitaal erfgoed, "musiceren
onder schooltijd" for muziekles; compounds with a derived part: "filosofiegesprek", "instrumentuitleen"); its pages
are on dance and theatre education, the Leerorkest, design and architecture education, philosophy with children,
youth councils and children's mayors, makers education and digital heritage, several competing for the same query,
and some noise; 22 title, 12 morphology (a derived form), 6 compound, 12 others (question, place, topical). Its
starter documents are pooled and graded like the other tuning sets' (run it alone and with --beside-starter).
--tune12 (collection_tune12/, session 20) is tuning material of every kind, 8 queries each, above all typos as
people really make them (two mistakes in one query "sinterklaas intoght molelanden", a word spelt by ear "katwyk",
"tekord", compounds written apart "film educatie basis school" or run together "immaterieelerfgoed", a misspelt place
of several words "hendrik ido ambagt") and several topical words (multi: 3-6 content words, some not on the best
page); its pages are on crafts, intangible heritage and traditions (carnival, Sinterklaas in Zuid-Holland villages),
children's choirs, film education and film heritage, museum visits, special education and vmbo/mbo, and games,
several competing for the same query, and some noise. Its starter documents are pooled and graded like the other
tuning sets' (run it alone and with --beside-starter).
--tune13 (collection_tune13/, session 21) is tuning material above all for half-remembered titles (12: words left
out, reordered, a word in another form or a synonym, "projectregeling talentontwikkeling dicht" for "gesloten",
among pages whose titles are alike: two vmbo culture schemes, two talent schemes of one fund, two news items on one
poetry contest, two Zilveren Camera junior prizes, a call and the book it became) and several topical words (12
multi: 3-6 content words, some not on the best page, some spread over a long page), beside 8 questions, 6 places, 6
typos, 6 topical and 6 compound queries; its pages are on theatre and drama in school, cultural policy and talent
schemes, local and oral history and the war, storytelling and poetry contests, design in technology and photography,
several competing for the same query, and some noise. Its starter documents are pooled and graded like the other
tuning sets' (run it alone and with --beside-starter).
--tune14 (collection_tune14/, session 22) is tuning material above all for short topical queries (20, one to three
words) whose words the best pages do not use: twelve ask with an umbrella or related word of the field that no page
they grade 3 writes ("immaterieel erfgoed" for a school's costume day, "windmolens" for pages that say "molen" and
"wieken", "eetcultuur", "watererfgoed", "handwerken", "mediaeducatie", "wetenschapsoriëntatie", ...), the others
have the plain word on a best page; beside them 8 multi, 8 questions, 6 places, 6 titles, 4 typos and 4 compounds.
Its pages are on intangible heritage and costume, windmills, water and polders, food heritage, fashion and textile,
comics and illustration, radio and podcasts with children and science and philosophy for children, several
competing for the same query, and some noise. Its starter documents are pooled and graded like the other tuning
sets' (run it alone and with --beside-starter).
--tune15 (collection_tune15/, session 23) is tuning material above all for multi queries (20, four to six topical
words as people type them, several with words that are common in meeting reports: school, gemeente, leerlingen,
cultuur, ouders, project) and long questions (12, 11 to 14 words), the kinds where a long starter report that has
every word in passing ranks before the page that is about the subject; beside them 6 topical, 4 place, 3 title and 3
typo queries. Its pages are on children's participation and play (children designing playgrounds, children's
councils and mayors, young people's councils), design, technology and art, youth culture and pop talent, holiday
and after-school culture, teacher training in the arts and singing with young children at home, several competing
for the same query, and some noise. Its starter documents are pooled and graded like the other tuning sets' (run it
alone and with --beside-starter).
--fresh3 (collection_fresh3/) is a third check set, made in session 5 because fresh2 had been looked at during
that session: it stands in for the unseen pages and queries the project is judged on, so it is run, never tuned on.
--fresh5 (collection_fresh5/) is a fifth check set, made in session 6 beside fresh4 (below) so that the measurement
on unseen material rests on two clean sets; its pages are of other kinds and places (libraries, music schools,
heritage, VO and mbo, council pieces, towns outside the big cities). Like fresh4, the lead runs it once at the end.
--fresh4 (collection_fresh4/) is a fourth check set, made in session 6 because fresh3 had been run once and some of
its per-query scores read: nobody runs it while working, the lead runs it once after everything is merged.
--fresh6 (collection_fresh6/) is a sixth check set, made in session 7 like fresh4 and fresh5 and run the same way,
once, by the lead, at the end. Its queries are its own too: 11 of the 100 queries of fresh4 and fresh5 had the
analysed terms of a tuning query, so they measured unseen pages but not unseen query words; no fresh6 query has
the terms of any query of another judgments file (a data test keeps that so for the tuning queries).
--fresh7 (collection_fresh7/) is a seventh check set, made in session 7 after fresh6 and run the same way, once,
by the lead, at the end; its queries are its own too. Its pages are of subjects and places the other sets hardly
have (visual arts, design, theatre, reading in VO, provincial policy, monitors; small Zuid-Holland municipalities).
--fresh8 (collection_fresh8/) is an eighth check set, made in session 8 the same way and run the same way, once, by
the lead, at the end; its queries are its own too. It stands in for what outsiders will do: import unseen pages into
the bundled corpus and search them there, so it is measured alone and with --beside-starter, where the starter
documents the three engines put in their first 10 were pooled blind and graded (its own key, check, in
beside_starter_grades.yaml; pool_beside_starter.py --check fresh8). Its pages are of subjects and places the other
sets hardly have (media education, games, architecture, circus, newcomers, war and slavery heritage, the extended
school day, the mbo; Barendrecht, Molenlanden, Ridderkerk, Capelle aan den IJssel, Rotterdam's districts).
--fresh9 (collection_fresh9/) is a ninth check set, made in session 10 exactly as fresh8 was and run the same way,
once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its pooled starter
documents are graded under the same key check, beside fresh8's, each under its judgments file's name
(pool_beside_starter.py --check fresh9). Its pages are of subjects and places the other sets hardly have (the
Leerorkest and music agreements, museums such as the Lakenhal and the Mauritshuis, archives, school libraries,
special education, theatre in classrooms, cultuurcoaches, kindcentra; Kaag en Braassem, Gorinchem, Vlaardingen,
Pijnacker-Nootdorp, Nissewaard, Voorne aan Zee).
--fresh10 (collection_fresh10/) is a tenth check set, made in session 11 exactly as fresh8 and fresh9 were and run
the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside fresh8's and fresh9's, each under its
judgments file's name (pool_beside_starter.py --check fresh10). Its pages are of subjects and places the other sets
hardly have (film education, design and maakonderwijs, poetry in class, spoken word and urban arts, circus, the
pabo, talent development, evaluation and monitoring, parents, culture and nature, Limburg; Ridderkerk,
Midden-Delfland, the Westland, Maassluis, Zuidplas, Krimpen aan den IJssel, Bodegraven-Reeuwijk, Escamp,
Feijenoord, Hendrik-Ido-Ambacht). After that one run (its figures are in docs/performance.md) it became tuning
material in session 12, the first check set to do so: its per-query figures were read, and fresh11 took its place
as the check set nobody looks at. Its grades stay where they were (check, by its judgments file's name).
--fresh11 (collection_fresh11/) is an eleventh check set, made in session 12 exactly as fresh8 to fresh10 were and
run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside the others', each under its judgments file's
name (pool_beside_starter.py --check fresh11). Its pages are of subjects and places the other sets hardly have (the
arts exams of the vmbo, havo and vwo, the CJP Cultuurkaart and its budget, newcomers and azc schools, heritage and
local history, music societies teaching in schools, media art, visual arts lessons, dance; Alphen aan den Rijn,
Schiedam, Katwijk, Noordwijkerhout, Zeeland, Overijssel). After that one run (its figures are in
docs/performance.md) it became tuning material in session 13, as fresh10 did in session 12: its per-query figures
were read, and fresh12 took its place as the check set nobody looks at. Its grades stay where they were (check, by
its judgments file's name).
--fresh12 (collection_fresh12/) is a twelfth check set, made in session 13 exactly as fresh8 to fresh11 were and run
the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its pooled
starter documents are graded under the same key check, beside the others', each under its judgments file's name
(pool_beside_starter.py --check fresh12). Its pages are of subjects and places the other sets hardly have
(cultuurmenu and kunstmenu programmes, games and digital making, the Jeugdfonds Sport & Cultuur and poverty,
architecture lessons, culture for toddlers and in childcare, the icc course, inclusion and accessibility, poetry with
schools, after-school culture, local history; Friesland, Drenthe, Flevoland, Limburg, Noord-Brabant, Veenendaal,
Voorhout, Streefkerk, the Hoeksche Waard, Lisse). It was run once at the end of session 13 (figures in
docs/performance.md); its per-query figures were then read in the same session, so it is tuning material too, and
fresh13, made later in session 13, took its place as the check set nobody looks at. Its grades stay where they were
(check, by its judgments file's name).
--fresh13 (collection_fresh13/) is a thirteenth check set, made in session 13 exactly as fresh8 to fresh12 were and
run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside the others', each under its judgments file's
name (pool_beside_starter.py --check fresh13; it is one of CHECK_SETS, and its grades join only its own queries,
split fresh13). Its pages are of subjects and places the other sets hardly have (singing and choirs at school, dance
teachers' training, photography with pupils, the heritage of migration, cultural entrepreneurship in the arts
academies, music societies and orchestras in schools, culture and sport combined, young refugees making art, funds
and subsidies for schools; Zeeland, Den Helder, Purmerend, Alkmaar, Zaanstad, Haarlem, Nijmegen, the Achterhoek,
Groningen, Alblasserdam).
--fresh14 (collection_fresh14/) is a fourteenth check set, made in session 14 exactly as fresh8 to fresh13 were and
run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside the others', each under its judgments file's
name (pool_beside_starter.py --check fresh14; it is one of CHECK_SETS, and its grades join only its own queries,
split fresh14). Its pages are of subjects and places the other sets hardly have (children and the elderly making
art together, archaeology lessons, fanfares and harmonies in primary schools, storytelling, game design,
architecture and design lessons, youth theatre, toddlers in day care, community arts with schools, newcomer classes,
the arts in mbo; Limburg, Overijssel, Tilburg, Vlaardingen, Noordwijk, Teylingen, Westland, The Hague's districts).
--fresh15 (collection_fresh15/) is a fifteenth check set, made in session 15 exactly as fresh8 to fresh14 were and
run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside the others', each under its judgments file's
name (pool_beside_starter.py --check fresh15; it is one of CHECK_SETS, and its grades join only its own queries,
split fresh15). Its pages are of subjects and places the other sets hardly have (puppetry at school, school
concerts and brass bands, choirs and singing in primary school, Keti Koti and slavery's history in class, war
memorials adopted by schools, fashion and textiles lessons, photography in secondary school, dance in special
education, summer programmes, a council's budget amendment; Texel, Zeeland, Zwartewaterland, Zuidplas, Drenthe).
--fresh16 (collection_fresh16/) is a sixteenth check set, made in session 16 exactly as fresh8 to fresh15 were and
run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and its
pooled starter documents are graded under the same key check, beside the others', each under its judgments file's
name (pool_beside_starter.py --check fresh16; it is one of CHECK_SETS, and its grades join only its own queries,
split fresh16). Its pages are of subjects and places the other sets hardly have (looking at art with a class,
music lessons by bus, regional language and dialect in class, carnival at school, the groep 8 farewell musical,
architecture lessons, graffiti with children, ICC courses, talent classes, school libraries and illustrators;
the Krimpenerwaard, Voorne aan Zee, Oud-Beijerland, Zwijndrecht, Lansingerland, Drenthe, the Achterhoek).
--fresh17 (collection_fresh17/) is a seventeenth check set, made in session 17 exactly as fresh8 to fresh16 were
and run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and
its pooled starter documents are graded under the same key check, beside the others', each under its judgments
file's name (pool_beside_starter.py --check fresh17; it is one of CHECK_SETS, and its grades join only its own
queries, split fresh17). Its pages are of subjects and places the other sets hardly have (philosophy with
children, war memorials adopted by classes, archaeology in class, puppetry and shadow play, a children's choir
school, hip-hop and rap for young people, old and young, STEAM, cultuurprofielscholen and CKV, culture in the mbo,
young people making radio, open-air museums; Midden-Delfland, the Hoeksche Waard, Hendrik-Ido-Ambacht, Maassluis,
Vlaardingen, Papendrecht, Leidschendam). Since session 18, after its one run, it is tuning material (its queries
were read one by one), as fresh10 to fresh12 became; fresh18 took its place.
--fresh18 (collection_fresh18/) is an eighteenth check set, made in session 18 exactly as fresh8 to fresh17 were
and run the same way, once, by the lead, at the end, alone and with --beside-starter; its queries are its own, and
its pooled starter documents are graded under the same key check, beside the others', each under its judgments
file's name (pool_beside_starter.py --check fresh18; it is one of CHECK_SETS, and its grades join only its own
queries, split fresh18). Its pages are of subjects and places the other sets hardly have (the organ and the
carillon for children, the Oude Hollandse Waterlinie and the Rampjaar, the Atlantikwall, the flood of 1953, the
Romans and the Limes, Kinderdijk's mills, films made by pupils, the silver trade school, restoration crafts,
regional costume, circus, land art, glass; Schoonhoven, Gorinchem, Gouda, Katwijk, Goeree-Overflakkee, the
Alblasserwaard, Sliedrecht, Barendrecht).
--fresh19 (collection_fresh19/) is a nineteenth check set, made in session 18 exactly as fresh8 to fresh18 were, for
the end of session 19, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh19; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh19). Its pages are of subjects and places the other sets hardly have
(astronomy, planetaria and observatories, space travel and André Kuipers, pumping stations and water management,
letterpress printing, comics and cartoons; Noordwijk, Katwijk, Haastrecht and the Krimpenerwaard, Driebruggen,
Capelle aan den IJssel, Rijswijk, Oegstgeest, Sommelsdijk, Boven-Hardinxveld).
--fresh20 (collection_fresh20/) is a twentieth check set, made in session 19 exactly as fresh8 to fresh19 were, for
the end of session 20, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh20; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh20). Its pages are of subjects and places the other sets hardly have (cheese,
farms, markets and bulbs for schools, dialect and Frisian, Frisian sports, Moluccan, Indies and migrant heritage,
fashion and textiles, photography and film heritage, poetry contests and spoken word; Gouda, Lisse, Katwijk, the
Westland, Boskoop, Oude Wetering, Gorinchem, Rotterdam-Charlois, Friesland's villages and towns).
--fresh21 (collection_fresh21/) is a twenty-first check set, made in session 20 exactly as fresh8 to fresh20 were, for
the end of session 21, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh21; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh21). Its pages are of subjects and places the other sets hardly have (circus,
street theatre, churches, synagogues, mosques and monasteries, archaeology with schools, castles and estates, fishing
and shipbuilding, science and technology days, art of litter and of nature; Voorburg, Schiedam, Goedereede, Rhoon,
Voorschoten, Bleskensgraaf, Barendrecht, Bergschenhoek, Scheveningen, Groningen's and Brabant's villages).
--fresh22 (collection_fresh22/) is a twenty-second check set, made in session 21 exactly as fresh8 to fresh21 were, for
the end of session 22, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh22; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh22). Its pages are of subjects and places the other sets hardly have (hip-hop,
breaking and dance in class, media literacy and fake news, school orchestras, blazersklassen, fanfares and brass
bands, art and music for elderly people and in care, architecture and play areas designed with children, BoekStart
and reading aloud, drawing and painting in class; Krimpen aan de Lek, Hoornaar, Zoeterwoude, Bleiswijk, Sassenheim,
Naaldwijk, Maassluis, Ferwert, Schoonoord, Heeze, Wilnis, Koewacht, Schagen).
--fresh23 (collection_fresh23/) is a twenty-third check set, made in session 22 exactly as fresh8 to fresh22 were, for
the end of session 23, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh23; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh23). Its pages are of subjects and places the other sets hardly have (film,
animation and film festivals with schools, museum lessons and school visits, choirs, open podia and talent shows,
newcomers' classes and special schools, cultuurcoaches and cultuurmakelaars, CKV, the mbo and the arts exams, game
design, programming and makerspaces; Gouda, Vlaardingen, Voorburg, Papendrecht, Zwijndrecht, Gorinchem, Hillegom,
Zoetermeer, Leiderdorp, Katwijk, Delft, Coevorden, Elburg, Dokkum, Schouwen-Duiveland).
--fresh24 (collection_fresh24/) is a twenty-fourth check set, made in session 23 exactly as fresh8 to fresh23 were, for
the end of session 24, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh24; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh24). Its pages are of subjects and places the other sets hardly have (youth
theatre, school plays and puppetry, poetry, spoken word and writing contests, photography, archives, oudheidkamers
and local history, youth circus and street theatre, art in public space and land art, cultural funds and cultuurnota's;
Oud-Beijerland, Bleskensgraaf, Nieuwveen, Schiedam, Voorschoten, Nootdorp, Alphen aan den Rijn, Uithoorn, Volendam,
Schalkwijk, Woerden, Wolvega, Oldenzaal, Hollands Kroon).
--fresh25 (collection_fresh25/) is a twenty-fifth check set, made in session 24 exactly as fresh8 to fresh24 were, for
the end of session 25, and run the same way, once, by the lead, at the end, alone and with --beside-starter; its
queries are its own, and its pooled starter documents are graded under the same key check, beside the others', each
under its judgments file's name (pool_beside_starter.py --check fresh25; it is one of CHECK_SETS, and its grades
join only its own queries, split fresh25). Its pages are of subjects and places the other sets hardly have (dance,
reading aloud and libraries, crafts and intangible heritage, architecture workshops, nature and culture, special
education, intergenerational projects, fashion, food culture, water heritage, pupils' own media; Maassluis, Schiedam,
Leidschendam-Voorburg, Zoetermeer, Goeree-Overflakkee, Alphen aan den Rijn, Katwijk, Oostvoorne, Gouda, Volendam,
Uithoorn, Halfweg, Voorthuizen, Doetinchem, Enter, Kampen, Sint-Oedenrode, Etten-Leur, Herpen, Almere, Leeuwarden).
--fresh26 (collection_fresh26/) is a twenty-sixth check set, made in session 28 as fresh8 to fresh25 were but smaller
(20 pages, all of Zuid-Holland, and 28 queries, 4 of each kind), never tuned on and read as summaries only; its pooled
starter documents are graded under the key check by its judgments file's name (pool_beside_starter.py --check
fresh26; it is one of CHECK_SETS, split fresh26). Its pages are of subjects the other sets hardly have (shipbuilding
lessons, a school song contest, fairy tales, stained glass drawn as comics, herring fishery, archaeology, stars,
paper-making, a community opera, Rembrandt and Vermeer for children, a pop-up museum, sand castles, the Waterlinie).
--fresh27 (collection_fresh27/) is a twenty-seventh check set, made in session 28 for session 29 as fresh26 was (20
pages of the Netherlands outside Zuid-Holland, 28 queries, 4 of each kind), never tuned on; its pooled starter
documents are graded under the key check by its judgments file's name (pool_beside_starter.py --check fresh27; it is
one of CHECK_SETS, split fresh27). Its pages: coal-mining heritage, carnival, school opera, maritime heritage, glass
art, clay and pebbles, a carillon, aviation, a pop class, the Gronings regional language, a Gruffalo play, a museum.
--fresh28 (collection_fresh28/) is a twenty-eighth check set, made in session 29 for session 30 (20 pages, 10 of
Zuid-Holland and 10 elsewhere, 28 queries, 4 of each kind), pooled and graded the same way. fresh26, fresh27 and
fresh28 were run at the end of every session from their first run to session 32; since session 33 they are tuning
material, as fresh10 to fresh25 became before them (judged_sets.py).
--fresh29 (collection_fresh29/) is a twenty-ninth, made in session 30 for session 31 the same way, and every --freshN
after it (collection_freshN/) one more, one per session: its row of judged_sets.py (and --help) says the session that
made it. fresh29, fresh30 and fresh31 were run at the end of every session from their first run to session 35; since
session 36 they are tuning material (judged_sets.py). fresh32 to fresh35 were run at the end of every session from
their first run to session 44, where they became tuning material too.
--typo-starter, --typo-field and --typo-tune3 (session 6) are derived tuning material: tuning queries of the
starter set, of the field set's tune half with tune2, and of tune3, each written once more with a realistic
typo or spacing error, keeping its source's judgments (judgments_typo_*.yaml; the rules are in their headers).
--typo-tune10 and --typo-tune11 (session 19) are made the same way from every tune10 and tune11 query of the kinds
topical, compound, morphology, multi, place, title and question, each set over its own collection (tune10's and
tune11's pages are two collections, judged apart); none has the analysed terms of another judged query. Their
starter documents were never pooled: with --beside-starter they count as not relevant, as for the other typo sets.
--compound-field and --compound-tune3 (session 6) are tuning queries of the kinds compound and topical over the
field collection's and tune3's pages: plurals, compounds, derived forms and compounds written apart, judged by
reading the pages before any engine ran on them (the weakest kind on tuning material had only 8 + 7 queries).
--titles-tune3, --titles-tune4 and --titles-tune5 (session 11) are derived tuning material: half-remembered titles
over the pages of tune3, tune4 and tune5, written as people type them weeks after reading a page (a few of the
title's words in their own order, a synonym or another word form, the place's adjective, the place or organisation
added or dropped, a small typo in a few), not title_probe.py's mechanical variants, none with the analysed terms of
another judged query; the page meant is 3, other pages whose title or subject the query fits 2 or 1, judged by
reading the pages before any engine ran on them (judgments_titles_*.yaml). Title queries are where we are closest to
plain BM25, above all beside the starter corpus, and the tuning sets had few of them.

--beside-starter imports a collection into a copy of the bundled corpus instead of an empty one, as someone who
follows the README and runs `kennisplatform import` on the default corpus/ would: its 63 documents (written for
the project, many on the same topics) join the judged pages. For the tuning queries (field tune half, tune2, tune3,
tune4, tune5, tune6, since session 11 the derived title sets titles-tune3, -tune4, -tune5, since session 12 tune7,
since session 13 tune8, since session 14 tune9, since session 18 tune10, since session 19 tune11, since
session 20 tune12, since session 21 tune13, since session 22 tune14 and since session 23 tune15)
the starter documents any of the three engines puts in its first 10 were pooled and graded by reading
(beside_starter_grades.yaml, session 7, tune6 and the title sets in session 11, tune7 in session 12, tune8 in
session 13, tune9 in session 14, tune10 in session 18, tune11 in session 19, tune12 in session 20, tune13 in
session 21, tune14 in session 22, tune15 in session 23;
pool_beside_starter.py prints the pool) and count with their grades. The
field set's held-out half was pooled and graded the same way, separately (its own key, held_out, in the same file;
pool_beside_starter.py --held-out), from the blind pool listing only: its grades join only held-out queries. The
check sets of CHECK_SETS (fresh8 to fresh27) were pooled and graded the same way (sessions 8, 10 to 24, 28),
separately again (their own key, check, each set under its judgments file's name; pool_beside_starter.py --check
NAME), from the blind pool listing only: each set's grades join only its own queries (split fresh8, fresh9,
fresh10, fresh11, fresh12, fresh13, fresh14, fresh15, fresh16, fresh17, fresh18, fresh19, fresh20, fresh21,
fresh22, fresh23, fresh24, fresh25, fresh26, fresh27). For the
other check sets (fresh to fresh7) and the other derived sets (typo, compound, elided) they are unjudged, so they count
as not relevant for every engine: there an engine that finds more of the starter documents that are on topic loses
points for them, so compare engines, not figures with and without it. --no-starter-grades leaves them unjudged
everywhere (the figures before the pooling).

Grades: 3 = exactly what was asked, 2 = clearly relevant, 1 = partly relevant; unlisted = 0.

Peers, each over the same title, summary and plain-text body, words ORed, title 3 / summary 1.8 / body 1:
    sqlite-fts5       SQLite FTS5, unicode61 tokenizer with diacritics removed, bm25.
    bm25-snowball-nl  Whoosh BM25F (its defaults, B 0.75, K1 1.2) with a plain analyzer: regex words,
                      lowercase and the Dutch Snowball stemmer that ships with Whoosh; no stop words, no
                      compound splitting, no synonyms, no places. "What a plain BM25 with a Dutch stemmer
                      gives", the bar issue 11 sets per kind of query."""
from __future__ import annotations

import argparse
import math
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from whoosh import fields as wfields
from whoosh import query as wquery
from whoosh.analysis import StemmingAnalyzer
from whoosh.filedb.filestore import FileStorage
from whoosh.lang import stemmer_for_language
from whoosh.scoring import BM25F

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from kennisplatform.corpus import TAXONOMY_FILE, read_corpus, start_corpus, taxonomy_for  # noqa: E402
from kennisplatform.documents import plain_text  # noqa: E402
from kennisplatform.importer import import_paths, normalise_url, summarise  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402
from kennisplatform.params import SearchParams, clean_query  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402
from judged_sets import BY_NAME, CHECK_SETS, HERE, NAMED_SETS, NEVER_READ, STARTER_CORPUS, JudgedSet  # noqa: E402,F401

K = 10
# Starter documents graded for the tuning queries (and, apart, the field set's held-out queries and a check set's
# queries) of the sets measured beside the bundled corpus (sessions 7 and 8). Not named judgments*.yaml: those are
# sets of judged queries; these are grades added to theirs.
BESIDE_STARTER_JUDGMENTS = HERE / "beside_starter_grades.yaml"
# Its three top-level keys: the tuning queries' grades, the held-out queries' (pooled separately, session 7), and
# the check sets' (each set of judged_sets.CHECK_SETS pooled separately, from session 8 on, under its judgments
# file's name).
TUNING_KEY = "judgments"
HELD_OUT_KEY = "held_out"
CHECK_KEY = "check"
# The peers' field weights (FTS5's bm25 and the BM25F of the Snowball peer): ours as they were until session 31, kept
# fixed, so that a peer's figures change only with the pages it reads, never with our tuning.
TEXT_BOOSTS = {"title": 3.0, "summary": 1.8, "body": 1.0}
ALL = "all"


@dataclass
class Judged:
    query: str
    kind: str
    grades: dict[str, int]  # document id -> grade
    split: str = ALL
    # A derived query (a typo set's): the judgments file and query it was derived from, whose judgments it keeps,
    # and so whose pooled starter grades too (with_starter_grades).
    source: tuple[str, str] | None = None


@dataclass
class Collection:
    """The corpus the engines index, and how a judged page's address becomes a document id."""

    corpus: Path
    ids_by_url: dict[str, str] = field(default_factory=dict)
    import_summary: str = ""


# -- judgments and the corpus they refer to ------------------------------------------------------------
def load_judgments(path: Path) -> list[Judged]:
    """Judged queries whose relevant documents are named by id (the starter set)."""
    judged, _ = load_judged(path, None)
    return judged


def load_judged(path: Path, ids_by_url: dict[str, str] | None) -> tuple[list[Judged], list[str]]:
    """The judged queries, and the judged addresses no document came from (they keep their place in the
    ideal ranking under a key no engine can return). Without ids_by_url the keys are document ids."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing: set[str] = set()
    judged = []
    for item in data["queries"]:
        grades = {}
        for key, grade in item["relevant"].items():
            doc_id = str(key) if ids_by_url is None else ids_by_url.get(normalise_url(str(key)) or str(key))
            if doc_id is None:
                missing.add(str(key))
                doc_id = f"niet-geimporteerd:{key}"
            grades[doc_id] = int(grade)
        source = (str(item["source_file"]), str(item["source"])) if "source_file" in item else None
        judged.append(Judged(str(item["query"]), item["kind"], grades, str(item.get("split", ALL)), source))
    return judged, sorted(missing)


def starter_grades(key: str, pooled: Path = BESIDE_STARTER_JUDGMENTS) -> dict[str, dict[str, dict[str, int]]]:
    """judgments file name -> query -> starter id -> grade, under `key` of the pooled grades (TUNING_KEY,
    HELD_OUT_KEY or CHECK_KEY); empty when nothing was pooled."""
    return _pools(pooled).get(key) or {}


def _pools(pooled: Path) -> dict:
    """The pooled grades file as read: its keys, each a pool."""
    if not pooled.exists():
        return {}
    return yaml.safe_load(pooled.read_text(encoding="utf-8")) or {}


def with_starter_grades(judged: list[Judged], judgments: Path, pooled: Path = BESIDE_STARTER_JUDGMENTS) -> int:
    """Beside the bundled corpus: the starter documents graded for these queries (pooled from the three
    engines' first 10, judged by reading) join each query's grades. Three pools, kept apart in the file: the
    tuning queries' grades (key `judgments`) join only a tuning query (split tune, or a file without halves),
    the held-out queries' grades (key `held_out`, pooled separately) only a held-out query (split heldout), and
    a check set's grades (key `check`, pooled separately) only a query of a check set (a split of its own, such
    as fresh8 and every later one), each under its judgments file's name. A derived query that is not pooled itself
    (a typo set's: graded as the query it meant) takes its source query's tuning grades. Queries of no pool (the check
    sets never pooled) keep their starter documents unjudged. Returns how many queries got starter grades."""
    pools = _pools(pooled)  # read once for the three pools
    by_key = {key: (pools.get(key) or {}).get(judgments.name, {}) for key in (TUNING_KEY, HELD_OUT_KEY, CHECK_KEY)}
    covered = 0
    for item in judged:
        key = TUNING_KEY if item.split in ("tune", ALL) else HELD_OUT_KEY if item.split == "heldout" else CHECK_KEY
        grades = by_key[key].get(item.query)
        if grades is None and item.source is not None and key == TUNING_KEY:
            source_file, source_query = item.source
            grades = ((pools.get(TUNING_KEY) or {}).get(source_file) or {}).get(source_query)
        if grades is None:
            continue
        item.grades.update({str(doc_id): int(grade) for doc_id, grade in grades.items()})
        covered += 1
    return covered


def starter_grades_if_beside(judged: list[Judged], judgments: Path, beside_starter: bool, graded: bool,
                             pooled: Path = BESIDE_STARTER_JUDGMENTS) -> int | None:
    """The starter grades join only when the collection is imported beside the bundled corpus (and not
    --no-starter-grades): alone there are no starter documents to grade. Returns how many queries got them,
    or None when none were merged by choice."""
    if not (beside_starter and graded):
        return None
    return with_starter_grades(judged, judgments, pooled)


def import_collection(collection: Path, workdir: Path, beside_starter: bool = False) -> Collection:
    """The collection's pages imported into an empty corpus as an editor would import them. Only the
    pages: SOURCES.md beside them is documentation, and as a document it would list every address.
    beside_starter: into a copy of the bundled corpus instead, as someone who follows the README and
    imports into the default corpus/ would; its documents count as not relevant unless graded
    (with_starter_grades)."""
    corpus = workdir / "corpus"
    if beside_starter:
        shutil.copytree(STARTER_CORPUS, corpus, ignore=shutil.ignore_patterns(".git", "README.md"))
    else:
        start_corpus(corpus, STARTER_CORPUS / TAXONOMY_FILE)  # what `kennisplatform --corpus NEW import` does
    pages = sorted(collection.glob("*.html"))
    outcomes = import_paths(corpus, workdir / "import-index", pages, taxonomy=taxonomy_for(corpus))
    documents, _ = read_corpus(corpus)
    ids_by_url = {normalise_url(d.source.url): d.id for d in documents if d.source.url}
    return Collection(corpus, ids_by_url, f"{len(pages)} pages imported: {summarise(outcomes)}")


def documents_of(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(id, title, summary, plain body) of every document: what the peers index."""
    documents, _ = read_corpus(corpus)
    return [(d.id, d.title, d.summary, plain_text(d.body)) for d in documents]


# -- measures ----------------------------------------------------------------------------------------
def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def ndcg(ranking: list[str], grades: dict[str, int], k: int = K) -> float:
    gains = [(2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranking[:k])]
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return sum(gains) / best if best else 0.0


def reciprocal_rank(ranking: list[str], grades: dict[str, int]) -> float:
    for i, doc in enumerate(ranking):
        if grades.get(doc, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def recall(ranking: list[str], grades: dict[str, int], k: int = K) -> float:
    relevant = {d for d, g in grades.items() if g > 0}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


# -- engines -----------------------------------------------------------------------------------------
class Ours:
    name = "kennisplatform"

    def __init__(self, corpus: Path, workdir: Path):
        taxonomy = taxonomy_for(corpus)
        update_index(corpus, workdir / "index", rebuild=True, taxonomy=taxonomy)
        self.engine = SearchEngine(workdir / "index", taxonomy)

    def rank(self, query: str) -> list[str]:
        # As the search page and the API list them: a short listing followed by pages like it (marked `similar`).
        result = self.engine.search(SearchParams(q=clean_query(query), per_page=K), with_facets=False,
                                    with_similar=True)
        return [hit.id for hit in result.hits]


class Fts5:
    """The plain peer: what a developer gets from SQLite in an afternoon."""

    name = "sqlite-fts5"

    def __init__(self, corpus: Path, workdir: Path):
        self.db = sqlite3.connect(workdir / "fts.db")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, body, "
                        "tokenize = 'unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", documents_of(corpus))
        self.db.commit()

    def rank(self, query: str) -> list[str]:
        words = re.findall(r"\w+", query.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        weights = ", ".join(str(TEXT_BOOSTS[f]) for f in ("title", "summary", "body"))
        rows = self.db.execute(f"SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, {weights}) "
                               "LIMIT ?", (match, K)).fetchall()
        return [row[0] for row in rows]


class Bm25SnowballNl:
    """Plain BM25 with a Dutch stemmer and nothing else (issue 11's bar per kind of query). Whoosh's own
    Snowball port, so the peer needs no package beyond what the app installs."""

    name = "bm25-snowball-nl"

    def __init__(self, corpus: Path, workdir: Path):
        # stoplist=None: StemmingAnalyzer's default stop list is English; a plain peer has none.
        self.analyzer = StemmingAnalyzer(stoplist=None, stemfn=stemmer_for_language("nl"))
        text = wfields.TEXT(analyzer=self.analyzer)
        schema = wfields.Schema(id=wfields.ID(stored=True, unique=True), title=text, summary=text, body=text)
        # On disk in this run's own folder: a RamStorage's commit spills to tempfile.gettempdir()/MAIN.tmp, one
        # path for every process, and two runs at once deleted each other's spill file (FileNotFoundError).
        folder = workdir / "bm25-snowball-nl"
        folder.mkdir(parents=True, exist_ok=True)
        self.index = FileStorage(str(folder)).create_index(schema)
        with self.index.writer() as writer:
            for doc_id, title, summary, body in documents_of(corpus):
                writer.add_document(id=doc_id, title=title, summary=summary, body=body)
        self.searcher = self.index.searcher(weighting=BM25F())

    def rank(self, query: str) -> list[str]:
        terms = {token.text for token in self.analyzer(query)}
        if not terms:
            return []
        q = wquery.Or([wquery.Term(f, t, boost=b) for f, b in TEXT_BOOSTS.items() for t in sorted(terms)])
        return [hit["id"] for hit in self.searcher.search(q, limit=K)]


ENGINES = {cls.name: cls for cls in (Ours, Fts5, Bm25SnowballNl)}


# -- running and reporting ---------------------------------------------------------------------------
@dataclass
class Scores:
    ndcg: float
    rr: float
    recall: float
    ranking: list[str] = field(default_factory=list)  # the first K document ids


def run(engine, judged: list[Judged]) -> dict[str, Scores]:
    """query -> scores; queries are unique within a judgments file."""
    out = {}
    for item in judged:
        ranking = engine.rank(item.query)
        out[item.query] = Scores(ndcg(ranking, item.grades), reciprocal_rank(ranking, item.grades),
                                 recall(ranking, item.grades), ranking[:K])
    return out


def evaluate(engine, judged: list[Judged]) -> dict[str, dict]:
    """Per kind (and 'overall') the mean nDCG@10, MRR and Recall@10 with n; and per query the three
    scores. The shape other benchmark scripts (morphology.py) read."""
    scores = run(engine, judged)
    per_kind: dict[str, list[Scores]] = defaultdict(list)
    for item in judged:
        per_kind[item.kind].append(scores[item.query])
        per_kind["overall"].append(scores[item.query])
    table = {kind: {"nDCG@10": mean([s.ndcg for s in rows]), "MRR": mean([s.rr for s in rows]),
                    "Recall@10": mean([s.recall for s in rows]), "n": len(rows)}
             for kind, rows in per_kind.items()}
    return {"table": table, "per_query": {q: (s.ndcg, s.rr, s.recall) for q, s in scores.items()}}


def groups(judged: list[Judged]) -> list[tuple[str, str, list[Judged]]]:
    """(kind, half, queries) for every kind (and 'overall') and every half (and 'all')."""
    halves = sorted({j.split for j in judged} - {ALL}, key=lambda h: (h != "tune", h))  # tune first
    columns = halves + [ALL] if halves else [ALL]
    kinds = ["overall"] + sorted({j.kind for j in judged})
    out = []
    for kind in kinds:
        of_kind = [j for j in judged if kind == "overall" or j.kind == kind]
        for half in columns:
            out.append((kind, half, [j for j in of_kind if half == ALL or j.split == half]))
    return out


def print_table(judged: list[Judged], results: dict[str, dict[str, Scores]]) -> None:
    names = list(results)
    table = defaultdict(dict)  # kind -> half -> (n, {engine: nDCG})
    for kind, half, items in groups(judged):
        table[kind][half] = (len(items), {n: mean([results[n][j.query].ndcg for j in items]) for n in names})
    halves = list(next(iter(table.values())))
    width = max(max(len(n) for n in names), 8 * len(halves))
    print(f"nDCG@10 per kind of query; per engine the columns {' / '.join(halves)}")
    print(f"{'':<10}{'n':>12}" + "".join(f"  {n:>{width}}" for n in names))
    print(f"{'kind':<10}{'/'.join(halves):>12}"
          + "".join(f"  {''.join(f'{h:>8}' for h in halves):>{width}}" for _ in names))
    for kind, by_half in table.items():
        counts = "/".join(str(by_half[h][0]) for h in halves)
        cells = "".join(f"  {''.join(f'{by_half[h][1][n]:>8.3f}' for h in halves):>{width}}" for n in names)
        print(f"{kind:<10}{counts:>12}{cells}")
    print("\nall queries: MRR / Recall@10")
    for n in names:
        scores = list(results[n].values())
        print(f"  {n:<18} MRR {mean([s.rr for s in scores]):.3f}   R@10 {mean([s.recall for s in scores]):.3f}")


def variant_source(field: bool, corpus: Path, judgments: Path, workdir: Path) -> tuple[Path, list[Judged]]:
    """What the variant scripts (ablation, morphology) judge: the real pages imported into `workdir`
    (--field), or a corpus with its judgments."""
    if field:
        field_set = BY_NAME["field"]
        source = import_collection(field_set.pages, workdir)
        judged, _ = load_judged(field_set.judgments, source.ids_by_url)
        return source.corpus, judged
    return corpus, load_judgments(judgments)


def print_variants(judged: list[Judged], results: dict[str, dict[str, Scores]], width: int = 10) -> None:
    """One row per kind and half, one column per variant of our engine (the ablation and morphology scripts)."""
    print(f"{'kind':<10}{'half':<9}" + "".join(f"{name:>{width}}" for name in results))
    for kind, half, items in groups(judged):
        print(f"{kind:<10}{half:<9}" + "".join(
            f"{mean([results[n][j.query].ndcg for j in items]):>{width}.3f}" for n in results))


def readable(item: Judged, judged_set: JudgedSet | None) -> bool:
    """Whether a query may be shown one by one: not one of the held-out half, nor of a check set (judged_set None:
    judgments of no named set, whose held-out queries are still hidden)."""
    return item.split != "heldout" and (judged_set is None or judged_set.readable)


def set_of(judgments: Path) -> JudgedSet | None:
    """The named set whose judgments file this is, if any (also when given as --judgments)."""
    return next((s for s in BY_NAME.values() if s.judgments.resolve() == judgments.resolve()), None)


def print_per_query(judged: list[Judged], results: dict[str, dict[str, Scores]],
                    judged_set: JudgedSet | None = None) -> None:
    """Each readable query's nDCG@10 per engine; the others (held-out, check sets) are only counted."""
    names = list(results)
    print(f"\nper query: nDCG@10 {' / '.join(names)}")
    hidden = 0
    for item in judged:
        if not readable(item, judged_set):
            hidden += 1
            continue
        values = [results[n][item.query].ndcg for n in names]
        best_peer = max(values[1:]) if len(values) > 1 else values[0]
        flag = "  <-- a peer is better" if best_peer > values[0] + 1e-9 else ""
        print(f"  [{item.kind}/{item.split}] {item.query!r}: {' / '.join(f'{v:.3f}' for v in values)}{flag}")
    if hidden:
        print(f"  ({hidden} queries of the held-out half or of a check set not shown: nobody tunes on them; "
              "their per-kind figures are above)")


def print_peer_losses(judged: list[Judged], results: dict[str, dict[str, Scores]], titles: dict[str, str],
                      kinds: set[str], judged_set: JudgedSet | None = None) -> None:
    """For each readable query (a tuning query) of the kinds asked where a peer's nDCG@10 beats ours (the first
    engine): the judged pages, then the rankings side by side, each row the grade and the title. Queries of
    the held-out half and of the check sets are never shown one by one: they judge changes, nobody tunes on
    them."""
    names = list(results)
    width = 38
    for item in judged:
        if not readable(item, judged_set) or (kinds and item.kind not in kinds):
            continue
        scores = [results[n][item.query].ndcg for n in names]
        if max(scores[1:], default=scores[0]) <= scores[0] + 1e-9:
            continue
        print(f"\n[{item.kind}] {item.query!r}: " + " / ".join(f"{n} {v:.3f}" for n, v in zip(names, scores)))
        judged_pages = sorted(item.grades.items(), key=lambda kv: -kv[1])
        print("  judged: " + "; ".join(f"{grade} {titles.get(doc, doc)[:width]}" for doc, grade in judged_pages))
        for rank in range(K):
            cells = []
            for n in names:
                ranking = results[n][item.query].ranking
                doc = ranking[rank] if rank < len(ranking) else None
                cell = f"{item.grades.get(doc, 0)} {titles.get(doc, doc)[:width]}" if doc else ""
                cells.append(f"{' '.join(cell.split()):<{width + 2}}")
            print(f"  {rank + 1:>2} " + " | ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus", help="a corpus whose documents are judged")
    parser.add_argument("--collection", type=Path, help="a folder of pages to import first (judged by address)")
    parser.add_argument("--judgments", type=Path, default=HERE / "judgments.yaml")
    for name, (collection, judgments, purpose) in NAMED_SETS.items():
        where = "--corpus" if collection == STARTER_CORPUS else "--collection"
        parser.add_argument(f"--{name}", action="store_true",
                            help=f"{purpose}: {where} {collection.relative_to(REPO)} "
                                 f"--judgments {judgments.relative_to(REPO)}")
    parser.add_argument("--engine", action="append", choices=list(ENGINES),
                        help="only these engines (repeatable); ours first when present")
    parser.add_argument("--beside-starter", action="store_true",
                        help="import the collection into a copy of the bundled corpus; its 63 documents count with "
                             "the grades of beside_starter_grades.yaml (tuning queries; the field set's "
                             "held-out queries and the queries of each of the check sets "
                             f"{', '.join(CHECK_SETS)} each from their own pool), else as not relevant")
    parser.add_argument("--no-starter-grades", action="store_true",
                        help="with --beside-starter: every starter document unjudged (the figures before pooling)")
    parser.add_argument("--per-query", action="store_true", help="print each query's scores")
    parser.add_argument("--peer-losses", nargs="*", metavar="KIND",
                        help="tuning queries (of these kinds; all when none given) where a peer beats ours, "
                             "with the rankings side by side")
    args = parser.parse_args()
    for name, (collection, judgments, _) in NAMED_SETS.items():
        if getattr(args, name.replace("-", "_")):
            if collection == STARTER_CORPUS:
                args.corpus, args.judgments = collection, judgments
            else:
                args.collection, args.judgments = collection, judgments
    chosen = [ENGINES[n] for n in ENGINES if not args.engine or n in args.engine]
    with tempfile.TemporaryDirectory() as tmp:
        if args.collection:
            source = import_collection(args.collection, Path(tmp), args.beside_starter)
            judged, missing = load_judged(args.judgments, source.ids_by_url)
            print(source.import_summary)
            covered = starter_grades_if_beside(judged, args.judgments, args.beside_starter,
                                               not args.no_starter_grades)
            if covered is not None:
                print(f"starter documents graded for {covered} of {len(judged)} queries "
                      f"({BESIDE_STARTER_JUDGMENTS.name}); the others count them as not relevant")
        else:
            source, (judged, missing) = Collection(args.corpus), load_judged(args.judgments, None)
        results = {}
        for cls in chosen:
            workdir = Path(tmp) / cls.name
            workdir.mkdir()
            results[cls.name] = run(cls(source.corpus, workdir), judged)
        titles = {doc_id: title for doc_id, title, _, _ in documents_of(source.corpus)}
    shown = args.judgments.relative_to(REPO) if args.judgments.is_relative_to(REPO) else args.judgments
    print(f"{len(judged)} judged queries ({shown}), corpus {args.collection or args.corpus}")
    for url in missing:
        print(f"  judged but not imported (counts as not found for every engine): {url}")
    print_table(judged, results)
    judged_set = set_of(args.judgments)
    if args.per_query:
        print_per_query(judged, results, judged_set)
    if args.peer_losses is not None:
        print_peer_losses(judged, results, titles, set(args.peer_losses), judged_set)
    return 0


if __name__ == "__main__":
    sys.exit(main())
