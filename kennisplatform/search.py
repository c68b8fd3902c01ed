"""SearchParams -> SearchResult: matching strategy, ranking, relaxation, spelling and facets.

SearchEngine keeps one Whoosh searcher per process and refreshes it when another process has
committed to the index. Views and the CLI call `search()`; nothing outside this module and
index.py touches Whoosh objects."""
from __future__ import annotations

import gc
import math
import os
import re
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Callable

import numpy as np
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

from . import analysis, bitsets, highlight, index, postings, ranking, schema, sidecars, spelling
from .errors import IndexBusy, NotFound
from .facets import FacetIndex
from .params import FACETS, PER_PAGE_DEFAULT, SearchParams, year_label
from .query import (Clause, Expansion, Group, ParsedQuery, build_synonym_table, filler_stems, has_conjunction,
                    parse_query, without_quotes)
from .results import FilterDrop, Hit, PlaceFilter, PlaceWithin, Relaxation, SearchResult, Suggestion, Value
from .taxonomy import Place, Taxonomy, adjectives, normalise

TERM_CACHE_SIZE = 4096
CORRECTIONS_KEPT = 10_000  # spelling corrections (prefixes' words, words' document counts) remembered per reader
TITLES_KEPT = 10_000  # shown titles' words (_title_parts_words) remembered per reader, by document number
# A word in no word list that only this many documents have may still be a typo of a place name (one
# page's own misspelling, "Cappelle"); the corrected query is taken only when it finds documents (_correct).
RARE_DOCUMENTS = 1
# A document filed under the value a query names (theme, type, ...) scores like a word in the summary.
FACET_BOOST = 1.5
# ... but not under a target group ("basisschool": po). An import never files a page under one (review.THRESHOLDS:
# they wait for an editor), so the bonus lifted the bundled corpus's curated documents above imported pages that
# say the same (session 44: tuning runs +0.732, 36 up and 27 down; held-out half beside the bundled corpus 0.888
# unchanged; check sets beside 0.854 -> 0.855, questions 0.724 -> 0.729). Disciplines too, though imports leave
# them unfiled as well, gained more on the tuning runs (+0.908) but lowered the held-out compounds beside
# (0.850 -> 0.843), so they keep it.
UNBOOSTED_FACETS = frozenset({"audience"})
# ... and a document filed under the place a query names (or a municipality in it) PLACE_BOOST times the
# place's idf, in addition to the words' own scores: within a tier, the place's documents come first
# (measured on the tuning half: 1.5 flat 0.804, 8 x idf 0.850 for place queries; session 6, on all four
# tuning sets: 16 x idf raised field tune place 0.948 -> 0.951 and tune3 questions 0.985 -> 0.988, 12 less,
# 24 the same as 16; held-out and the check sets unchanged).
PLACE_BOOST = 16.0
# A compound query word also matches its parts written apart ("lessen in dans" for "danslessen"), scored
# at this share of their BM25F (as the index weighs a compound's parts), so that the compound ranks first.
COMPOUND_PARTS_WEIGHT = analysis.PART_BOOST
# In a document that also has the compound itself its parts count this share: a page that uses "dansscholen"
# gains more from "dans" and "school" than one that only has the two words apart, so that the compound's
# pages rise without a tier above the parts' (which put a best page that writes "subsidie ... regeling" last).
# On the tuning sets (docs/performance.md, session 6): 0.2 and 0.3 lowered field tune compound, 0.5 and 0.6
# raised the compound tuning queries (0.6 most, with tune4 topical), 0.7 and 0.8 no further.
# A compound with another of the heads that mean the same ("erfgoededucatie" for "erfgoedonderwijs",
# query.Clause kind "variant") counts for the word in the tiers, and weighs this share of the typed word: a page
# with the word as typed stays above one with its variant. 0.3 / 0.5 / 0.8 on the tuning sets: tune6 0.958 /
# 0.963 / 0.963, beside the bundled corpus 0.923 / 0.927 / 0.928, titles-tune5 0.961 / 0.963 / 0.963; the others
# alike (docs/performance.md, "Session 11: compounds with heads that mean the same").
HEAD_VARIANT_WEIGHT = 0.5
# A place typed by another name of its municipality, mostly a village or former municipality ("Noordwijkerhout" of
# Noordwijk, "Boskoop" of Alphen aan den Rijn): the municipality's name and its other places are wider than the
# place asked for, and weigh this share of the name typed. They still match (all are filed under the municipality),
# so a page about the municipality follows the pages about the place. The municipality typed weighs its places
# fully: they are in it. On the tuning sets (docs/performance.md, "Session 13: a village before its municipality"):
# 0.5 raised fresh11 "Noordwijkerhout onderwijs" 0.710 -> 1.000 alone and 0.728 -> 1.000 beside the bundled corpus,
# 0.8 only beside; nothing else moved. The same share for every synonym of the taxonomy moved many queries both ways
# and lowered held-out questions and multi beside the bundled corpus.
WIDER_PLACE_WEIGHT = 0.5
# A place name outside the taxonomy whose one term is a word this common (wordfreq's Zipf scale: "helder" 4.5, "huis"
# 5.7, "nagel" 3.7; "zwol" of Zwolle 2.6), or the stem of one ("geef" 5.3 of Geffen), is not searched as its
# municipality's place (_a_word_too).
COMMON_WORD_ZIPF = 3.0
# A municipality's part named by a compass point ("Rotterdam-Zuid", "Rotterdam Zuid", "Den Haag Zuidwest") is one of
# its places, as a village is: the phrase, and the pages filed under the municipality, which weigh WIDER_PLACE_WEIGHT.
# On the tuning sets (docs/performance.md, "Session 21: a district as a place"): fresh20 "Rotterdam-Zuid scholieren"
# 0.579 -> 0.917 alone; beside the bundled corpus only with the title rule of _add_title_cover (0.862 -> 0.968).
DISTRICT_POINTS = ("Noord", "Oost", "Zuid", "West", "Noordoost", "Noordwest", "Zuidoost", "Zuidwest", "Centrum")
# A relative of another word class (query.Clause kind "derived": "geadopteerd" for "adoptie", "educatief" for
# "educatie") counts for the word in the tiers and weighs this share of the typed word; a compound's parts with one
# part so replaced weigh it times COMPOUND_PARTS_WEIGHT. On the tuning sets (docs/performance.md, session 19:
# derived word forms): 6 query runs up, 3 down, summed +1.88 ("waarom worden de kerndoelen ... geactualiseerd"
# 0.631 -> 1.000, "monumentadoptie scholen" 0.232 -> 0.845); with tune11, made for derived forms and not looked at
# while this was made, 15 up, 6 down, +3.01 (bs_tune11 "participeren jongeren gemeente" 0.486 -> 0.878); the
# held-out half unchanged alone and beside. Scored only, outside the tiers: 4 up, 0 down, summed +0.41.
DERIVED_WEIGHT = 0.5
PARTS_WITH_WHOLE = 0.6
# Two words next to each other: in a query of two plain words, a document that has them adjacent in a field
# (in order, stop words aside: "muziekonderwijs op de pabo") scores them ADJACENT_WEIGHT times more there,
# so that the page about "brede school" or "Delftse cultuur" comes before one that has the words apart. On
# the tuning sets (docs/performance.md, "Session 7: a fifth tuning set (tune5)"): 1.0 raised tune3 place
# 0.915 -> 0.971, tune4 topical 0.908 -> 0.919, compound-field topical 0.792 -> 0.800 and typo-tune3 0.975
# -> 0.982, nothing fell (0.5 and 0.75 raised less; 1.5 and 2 lowered "kunstzinnige oriëntatie"; also for
# three-word queries it lowered a starter question); the held-out half did not move.
ADJACENT_WEIGHT = 1.0
# Question and filler words (query.filler_stems) count this much of their BM25F score.
FILLER_WEIGHT = 0.2
# ... unless the filler word and the content word next to it in the query make a fixed expression in the
# collection: together in at least COLLOCATION_MIN documents and in at least COLLOCATION_SHARE of those with the
# content word ("spoken word": "word" is a form of "worden" everywhere else). Then the filler word is content. On
# the tuning sets (docs/performance.md, "Session 12: a filler word in a fixed expression"): only the "spoken word"
# queries moved (fresh10 topical beside 0.877 -> 1.000, tune7's question beside 0.508 -> 0.898, alone 0.942 ->
# 0.928). With 2 documents enough (no share), "belangrijk voor kinderen", "waarom is dans" and "verschil tussen"
# made "belangrijk", "waarom" and "tussen" content: tune2 and tune4 questions and the held-out questions fell.
COLLOCATION_MIN = 2
COLLOCATION_SHARE = 0.5
# How many documents a query's listing is relaxed to reach ("until the page is full": _plan, _with_fill): a page
# as the site shows it, whatever page size a caller asks. With the page size asked, the API's facets (asked with one
# result), an export of 100 and a page of 5 each listed other documents than the search page, with other totals and
# facet counts, and page 2 of 5 could be empty where the page of 10 showed ten.
PAGE_TO_FILL = PER_PAGE_DEFAULT
# A related word of the field (query.Clause kind "related", data/related_words.tsv: "synagoge" for
# "levensbeschouwing") counts for the word in the tiers and weighs this share of the typed word's BM25F, its best
# related word only (_add_related_scores). Only for a word that few documents have (query.RELATED_BELOW and the
# thresholds after it, counted by _key_documents). On the tuning sets
# (docs/performance.md, "Session 22: related words of the field"): 35 up, 11 down, summed +7.29 (without fresh21,
# whose losses the list was first written for, 26 up, 9 down, +4.29); 0.2 / 0.3 / 0.7 summed +6.06 / +6.78 / +6.31;
# the held-out half unchanged alone and beside at each.
RELATED_WEIGHT = 0.5
# A related word of several words ("groep 1 en 2" for kleuters, "lokale geschiedenis" for heemkunde) matches where its
# words stand within RELATED_WINDOW positions of one another, in any order ("geschiedenis die heel lokaal is"): its
# words anywhere in a page meant nothing (in Chromium, a report with "groep 5 en 6", "Tafel 1" and a "2" elsewhere
# passed for a page about kleuters). Tuning runs with the kleuters line (docs/performance.md, "Session 51: a related
# word of several words near one another"): window 6 +0.449, 13 up, 8 down; 4 +0.415; next to each other, in order, as
# a phrase +0.344; the held-out half and the check sets unchanged.
RELATED_WINDOW = 6
MAX_RELATED_SHOWN = 5  # related words the page names ("Ook gevonden met verwante woorden: ...")
# A first page that the listing does not fill (fewer than PAGE_TO_FILL documents) is followed by pages like its first
# SIMILAR_FROM results: those with most of the SIMILAR_TERMS words that tell the lead of those results apart (Bo1, as
# Whoosh's key_terms weighs them; the query's own words left out), under the same filters, each marked `similar` and
# counted in neither the total nor the facets. A word that few pages have ("inclusie", "fablab makerspace") was a page
# of one or two results, while pages on the same subject in other words ("toegankelijk", "maakplaats") were on no page.
# Nothing listed moves: only the empty places of the page are filled. Three results and ten words as pseudo-relevance
# feedback is usually set, not tuned; the lead of SIMILAR_TEXT characters because reading whole texts made each web
# worker learn their words (1.51x the memory of one at three preloaded workers, 1.48x with the lead). On the tuning
# sets (docs/performance.md, "Session 30: a short listing followed by pages like it"): 60 up, none down, +3.796.
SIMILAR_FROM = 3
SIMILAR_TERMS = 10
SIMILAR_TEXT = 600
# A long query's compound that fewer documents than this have whole keeps its parts (query.parse_query drops them in
# queries of more than MAX_PARTS_GROUPS words), when its rarest part is in under this share of the documents: the
# parts are then the query's evidence ("waarom zijn architectuurlessen goed ..." 0.289 -> 0.645), where common parts
# ("schoolcultuur": school, cultuur) would list every page. Session 20: 15 tuning queries up, 10 down, summed +1.307,
# held-out unchanged; keeping every compound's parts: 83 up, 86 down, held-out multi 0.884 -> 0.873. Session 21: a
# share of 0.3 rather than 0.1, for collections about the part's subject (fresh21's "circusdag", where "circus" is in
# a tenth of the pages): 21 up, 8 down, summed +0.898; 0.2 +0.761 (17 / 7), 0.4 and 0.5 +0.900 with 15 and 17 down
# and the tuning half's questions 0.880 -> 0.879 beside; the held-out half unchanged at each. A compound that no
# document has keeps its parts whatever their share: "welke uitgangspunten hanteert een stadsmuseum bij lessen voor
# scholen?" lost the town museum's page, whose "museum" is in many pages. Session 36: 2 up, 2 down (by 0.003 at most),
# summed +0.287 (bs_fresh30 that question 0.031 -> 0.277); the held-out half unchanged.
RARE_COMPOUND_DOCS = 3
RARE_PART_SHARE = 0.3
# From this many content words up, documents are listed by the weighted evidence they contain (each word
# weighs its IDF) and, after those with every word, ranked by it: not in tiers by the number of words.
LONG_QUERY = 4
# A long query lists documents with at least this share of its content words' weight, fewer when that
# does not fill a page (MIN_SHOULD_MATCH times each of RELAX_STEPS in turn). Low, because the ranking (every
# word first, then BM25F times the share) already puts the fuller matches on top: at 0.5, a question's rare
# but incidental words ("welke rollen kan een cultuurcoördinator ... vervullen") filled the page with pages
# that happen to have them and left out the pages about its main word. On the tuning sets (docs/performance.md,
# "Session 8: a lower minimum for long queries"): 0.1 raised field tune multi 0.929 -> 0.942 and, beside the
# bundled corpus, tune2 0.926 -> 0.932, tune3 0.962 -> 0.965 and tune4 0.880 -> 0.886; tune4 and the starter
# questions fell by 0.004 alone. 0.3 and 0.25 did less; 0.0 the same as 0.1; a stronger COORDINATION with it
# lowered questions.
MIN_SHOULD_MATCH = 0.1
RELAX_STEPS = (1.0, 0.75, 0.5, 0.25, 0.0)
# A long query's documents with every content word come first (_tiers), but a light verb the question is carried by
# is not needed there: "welke vakken vallen onder kunst en cultuur in de onderbouw", "hoeveel geld per inwoner geeft
# het Rijk ...": a report that has every word, "vallen" or "geeft" among them, weakly, came before the page meant,
# which says it with another verb. The verb still counts in the score and the evidence. As filler words
# (docs/performance.md, session 11) they cost "hoe geven vo-scholen vorm aan ..."; here nothing fell: bs_tune6 and
# bs_tune7 questions and a starter question rose (docs/performance.md, "Session 12: light verbs"). "zet" since session
# 44: "hoe zet ik als school een doorlopende leerlijn kunst en cultuur op" (set up) had three starter reports that say
# "zet" in passing before the page about the leerlijn (tuning runs +0.645, 6 up, none down; the held-out half unchanged).
# Not "brengen": in "hoe breng je het dialect van je dorp over" it is half of "overbrengen", and its page fell.
LIGHT_VERBS = frozenset(analysis.stem(word) for word in (
    "geeft geven gaf gegeven valt vallen viel staat staan stond komt komen kwam helpt helpen hielp gaat gaan ging "
    "doet doen deed zit zitten zat ligt liggen lag zorgt zorgen zet zetten zette").split())
# Nor does a long question's light verb add to its pages' scores: it counts in the evidence (what is listed, and the
# share of the weight a page matches), not in BM25F, where a page with "geven" or "staat" in its title and summary as
# well as its text outscored pages with the question's telling words ("waarom zou een schutterij muziekles geven op een
# basisschool": "Westland zingt: leerkrachten geven zelf weer muziekles" before the page about the schutterij).
# Questions only (a filler or question word, or a "?"): a title typed as keywords keeps its verb ("in musea komt
# onderwijs tot leven"), and "zorg" is a noun in "cultuurcoach sinds 2019 zorg welzijn mbo". On the tuning sets
# (docs/performance.md, "Session 36: a question's light verb"): 17 up, 3 down, summed +0.891 (bs_tune12 "hoeveel geld
# staat er voor een mbo-student op de cultuurkaart" 0.201 -> 0.460, bs_fresh24 "welk fonds geeft geld voor een
# cultuurproject van een stichting" 0.307 -> 0.526; the schutterij question only 0.513 -> 0.522, its page still third);
# at 0.2 / 0.35 / 0.5 of their score +0.800 / +0.745 / +0.704, in every long query +0.872 (22 up, 7 down); the
# held-out half unchanged at each.
# In a question, a word whose synonyms widen it many times ("mediakunst", which the taxonomy gives the other names
# of Media en film: "media", "film") counts for the first tier only as typed: a starter report that has every word
# of "hoe kunnen leerlingen met mediakunst creatief werken in de klas", "film" among them, weakly, came before the
# page about media art. Only when fewer than TYPED_SHARE of the documents with the word or a synonym have the word
# itself; else the synonyms count, as in every other query. On the tuning sets (docs/performance.md, "Session 13: a
# question's words as typed"): bs_fresh11 that question 0.572 -> 0.916, bs_tune6 "hoeveel geld per inwoner krijgen
# gemeenten voor cultuureducatie met kwaliteit" 0.703 -> 0.941, bs_tune2 "hoe geef je mediawijsheid een vaste plek
# in het primair onderwijs?" 0.700 -> 0.911, bs_tune4 0.333 -> 0.543; 6 up, none down; the held-out half unchanged.
# For every long query (not only questions) it lowered one held-out multi query beside the bundled corpus; without
# the share, a question about "basisscholen" (whose synonyms say the same) fell.
TYPED_SHARE = 0.5
# A long query's page with every content word (its first tier) that scores under this share of the best page without
# every word goes down among those (_weak_first_down), a question's under WEAK_FIRST_QUESTION: a meeting report that
# names each word once, among a thousand others, is not more about the question than the page that says three of its
# words throughout. Beside the bundled corpus, "hoe krijgen leerlingen zonder auditie een rol in de schoolmusical?"
# listed a Zoetermeer network meeting (score 3.8) before the page about a school musical (11.2), which never says
# "auditie". On the tuning sets (docs/performance.md, "Session 46"): 1/3, and 1/2 for questions, +1.09 summed over
# 3,768 query runs, 21 up and 6 down, nearly all beside the bundled corpus (that query 0.620 -> 0.883, bs_tune15
# "hoe leren pabostudenten om zelf muziekles te geven op de basisschool?" 0.818 -> 0.936; bs_fresh11 "wat leren kinderen
# over de geschiedenis van hun eigen stad" 0.789 -> 0.725); the held-out half: multi alone 0.909 -> 0.910, titles
# beside 0.932 -> 0.934. 1/2 for every long query (+1.45) lowered held-out multi alone 0.909 -> 0.890; 0.7, +0.56, lost
# tune2's and tune3's questions.
WEAK_FIRST = 1 / 3
WEAK_FIRST_QUESTION = 0.5
# A long query's BM25F score is multiplied by (share of its weight matched) ** COORDINATION.
COORDINATION = 1.0
# A long query of keywords (no filler word, not a question: "cultuurcoördinator uren taken school") asks for
# pages about all of its words, so each word's BM25F in a document saturates at GROUP_SATURATION times the
# word's idf (s -> cap * s / (s + cap)): a page with one of the words in its title ("Taken volgens
# competentieprofiel") no longer outranks the page that has every word in good measure. Not when a listed
# page's title covers the query (Plan.title_first): then the keywords may be a remembered title, which
# BM25F's title weight finds. Questions and queries with a filler word keep plain BM25F (saturating them lowered
# tune2 and tune4 questions). On the tuning sets (docs/performance.md, "Session 7: multi"): 3, 5 and 7 raised tune5
# multi 0.912 -> 0.926 and field tune multi beside the bundled corpus 0.901 -> 0.920, lowered nothing; 7
# raised field tune multi most (0.924 -> 0.929). Stop words among the keywords ("games maken met leerlingen speciaal
# onderwijs", "ouders zingen met jonge kinderen taalontwikkeling") no longer make a query a sentence (session 23): 12
# up, 8 down, summed +0.55 (bs_fresh12 that query 0.635 -> 0.961, fresh17 "Vlaardingse en Maassluise monumenten voor
# kinderen" 0.834 -> 1.000; bs_tune4 the title "muziekonderwijs keert terug naar de basisschool" 0.948 -> 0.909); the
# held-out half unchanged. At most one stop word: 5 up, 4 down, +0.36.
GROUP_SATURATION = 7.0
# A long query's words are scored with BM25's own idf (ranking.classic_idf) instead of Whoosh's, as its
# evidence already weighs them (_idf_weights): a word that nearly every document has ("cultuur", "school",
# "kinderen") adds nearly nothing, where Whoosh's idf (at least 1) let a page that repeats such words outscore
# the page with the question's telling words. Shorter queries keep Whoosh's idf: a compound's common parts and
# a two-word phrase ("gespecialiseerd onderwijs") rank as tuned. From 4 content words (LONG_QUERY): on the
# tuning sets, 4 lowered nothing; 3 lowered a tune4 title, 2 field topical and place (docs/performance.md,
# "Session 6: questions, multi and places").
CLASSIC_IDF_FROM = LONG_QUERY
# From this many content words up, each two words next to each other in the query (stop words between them
# left out, as the index leaves them out) count ADJACENT_WEIGHT times again where a page has them next to each
# other, as two-word queries do: "kerndoelen voor kunst" in a page that writes "kerndoelen kunst en cultuur",
# "per leerling". A long question says more than its words one by one; the pairs find the page that says it
# the same way. On the tuning sets (docs/performance.md, "Session 7: questions"): from 5 words, weights 0.5
# to 1.5 raised tune2 and tune5 questions and lowered nothing; from 4 words a common pair ("vaste plek",
# "cultuuronderwijs op school") lifted a wrong page in field tune and tune4.
PROXIMITY_FROM = 5
# A short query of this many content words or more ranks the documents without every word by weight, not first by
# how many of its words they have: BM25 with its own idf times the share of the query's weight they match
# (_weight_share), as a long query's are. In tiers by count, "makerspace bibliotheek" listed pages with only the common
# "bibliotheek" beside those about a makerspace, and a page about Zeeland that says "Zeeuws" once and lacks "kunst"
# came after every page with "basisschool" and "kunst" anywhere. First for places (session 14), then questions of
# three words (session 23); for every query of two or three content words since session 27 (docs/performance.md,
# "Session 27: every short query's partial matches by weight"): on 39 tuning sets, 3,246 query runs, 146 up, 87
# down, summed +5.167 with the compound change below (two words alone +2.1, three words +0.7); held-out multi 0.884 ->
# 0.890 alone and 0.846 -> 0.857 beside, no kind down. In session 14, on the few sets there were then, every query
# of three words moved as many queries down as up (27 up, 24 down).
PARTIAL_BY_WEIGHT_FROM = 2
# A compound searched as its parts (ParsedQuery.compound_apart) ranks its partial matches by the share of its weight
# to this power: its parts are two words of one idea, and the rare, telling part ("architectuur" of
# "architectuureducatie", "kook" of "kinderkookles") says more than the common one ("educatie", "kinderen") repeated.
# Session 27, with the line above off: power 1: 28 up, 17 down, +1.754; 2: +1.775; 3: 42 up, 31 down, +2.360 (fresh25
# "architectuureducatie" 0.431 -> 1.000, bs_fresh25 "kinderkookles" 0.496 -> 0.952, bs_fresh20 "poezielessen" 0.288 ->
# 0.557; fresh10 "dichtlessen" 0.747 -> 0.528, whose "dicht" is rarer than "lessen" in another sense); 4: +2.240.
COMPOUND_SHARE_POWER = 3
# A long query's page with every word comes first (_together_first) only when its text has the words together: within
# NEAR_WINDOW positions of one another (about two paragraphs), the words its title or summary has (or its facets, a
# place it is filed under) aside. A long report that names each word somewhere ("gemeenteraad" in one section, "muziek"
# in another) is not the page about them all; it is ranked with the pages that lack a word, by BM25F times the weight
# it matches. On the tuning sets (docs/performance.md, "Session 16: a long query's words together"): 150 raised 7
# queries and lowered 1, summed +0.09 (bs_field "hoe krijgt cultuureducatie een vaste plek in het mbo?" 0.922 ->
# 0.946, starter "hoe leer je leerkrachten zelf muziekles geven" 0.928 -> 0.948); 125 and 200 summed +0.07 and +0.09,
# 100 +0.28, but 75 -0.37 and 50 -1.01 (a question's weak words, "belangrijk", stand further off): 150 keeps away from
# that edge. The held-out half unchanged from 100 to 200 (at 75 and 50, a kind or two rose by 0.002).
NEAR_WINDOW = 150
# A short query's first tier (every word) counts a compound's parts written apart ("media" ... "coach" for
# "mediacoach") only where the text has them within PARTS_WINDOW positions of one another (about half a sentence),
# or a title or summary has one of them: a long report that says "media" in one section and "coach" in another does
# not have the word. Such a page goes one tier down, with the pages that lack a word, and is ranked there by its
# score. A one-word query keeps every page with the parts. On the tuning sets (docs/performance.md, "Session 19: a
# compound's parts together"): 10 raised 14 queries and lowered 2, summed +0.47 (bs_tune10 "wat is een mediacoach en
# waar werkt zo iemand meestal" 0.690 -> 0.852, bs_tune8 "boskoop kunsteducatie" 0.838 -> 0.942); 5 +0.49 (14 up,
# 5 down), 20 +0.33 (11 up, 1 down), 40 +0.22; session 13's "side by side" only cost compounds. The held-out half
# unchanged at each.
PARTS_WINDOW = 10
# The pages whose positions are read at once, at least (_together_first): positions cost per page, so a long query
# over 100,000 documents reads those of the pages that may fill its page, not of every page with every word.
NEAR_CHUNK = 40
# A long query's pages are ranked by how much of the query one passage of their text holds, not only by how much of it
# they have somewhere (_Nearness): BM25F times the share of the query's weight matched (Plan.evidence), times
# (the most weight one stretch of NEAR_SHARE_WINDOW positions holds / that share) ** NEAR_SHARE_POWER. A page that
# answers a question has its words in one paragraph; a long report that has them all, each in a section of its own,
# holds about as much as a page with half of them together. Words of the title or summary, and a place the page is
# filed under, count in every stretch (as for NEAR_WINDOW). On the tuning sets (docs/performance.md, "Session 34: a
# long query's words in one passage"): 66 query runs up, 58 down, summed +1.822 (bs_tune14 "waarom droegen jonge
# vrouwen in scheveningen na de oorlog geen klederdracht meer?" 0.710 -> 1.000; questions beside the bundled corpus
# +0.409, titles -0.169); both tiers (+1.680 with the pages lacking a word only), power 1 +1.826 with 83 down, a window
# of 20 +1.869 but the held-out multi alone 0.899 -> 0.896, 100 +1.053; the held-out half's multi rose alone and
# beside (0.899 -> 0.902, 0.854 -> 0.856), nothing fell.
NEAR_SHARE_WINDOW = 50
NEAR_SHARE_POWER = 0.5
# Title coverage: the share of the query's content weight (each group its idf) that a document's title
# contains. A document whose title covers at least TITLE_COVERAGE of it (with a word of the topic, not only
# a place; and two groups of a query of three or more) is listed and ranked with the documents that contain
# every word: a title remembered with a word wrong ("provincie blij met geld voor cultuur in de klas"), a
# question its title answers. Queries of one content word: no effect. Measured on the tuning queries
# (field tune half + tune2, nDCG@10): off 0.919, 0.4 0.929, 0.5 0.933, 0.6 0.928, 0.7 0.923; a score
# factor 1 + w * coverage instead (w 0.5, 1) lowered it (docs/performance.md, "Session 4: relevance").
TITLE_COVERAGE = 0.5
# Typed titles: the index drops stop words, but people remember a title with its function words ("voor
# ieder talent is er iets te doen"). When the query as typed keeps function words, the first
# TYPED_TITLE_CANDIDATES documents are re-read and those whose stored title holds at least TYPED_TITLE_SHARE
# of the typed words, in order, come first (most of them first). Queries without function words ("Hoeksche
# Waard cultuur") are not touched: their word order says little. Chosen on the tuning queries (field tune
# half + tune2): share 0.6-0.75 lowered tune places, 0.8-0.875 raised tune2 titles 0.973 -> 0.997 and
# changed nothing else, 0.9 did nothing; 10, 30 or 50 candidates and 1 or 2 stop words alike. Two words are
# enough ("Erfgoed doen", "De muziekles"), and of titles that hold the typed words alike the shorter comes
# first ("Cultuur en onderwijs" before "Programma 2: Sport, cultuur en onderwijs"): no judged tuning query
# moved, and a known-item probe on the tuning pages of tune3 and tune4 (each page's title, whole or a word
# short, as the query) rose, MRR 0.953 -> 0.969 and 0.960 -> 0.980 for whole titles (docs/performance.md,
# "Session 6: a fourth tuning set (tune4) and titles").
# Typed in another order, all the typed words in the shown title (or a part of it between TITLE_SEPARATORS)
# and NEAR_TITLE_SHARE of its words, they come next (reordered_title: "doen Erfgoed", "cultuuraanbieder ben
# Ik"). No judged query moved; the title probe's MRR rose alone for tune3 0.993 -> 0.997, tune4 0.991 -> 0.994,
# tune5 0.976 -> 0.979, and beside the bundled corpus for tune4 0.985 -> 0.994 (docs/performance.md, "Session
# 10: titles").
TYPED_TITLE_SHARE = 0.8
TYPED_TITLE_CANDIDATES = 30
TYPED_TITLE_MIN_WORDS = 2
TYPED_TITLE_MIN_STOP = 1
# Whole titles: a query of two or more content words and no function word ("Training Cultuurcoördinator VO",
# "Cultuurmenu VO") that is a page's shown title, or a part of it between TITLE_SEPARATORS, word for word
# (stems, in order, function words aside), brings that page to the front of the first TYPED_TITLE_CANDIDATES:
# BM25F put longer pages that repeat the words ("Pilot nieuwe training voor Cultuurcoördinator in het
# Voortgezet Onderwijs") and pages with the words in their site's name above it. Only pages whose title
# covers the query (Plan.title_first) are read. No judged tuning query moved; the known-item probe on the
# tuning pages (each page's title as the query) rose: MRR for whole titles tune4 0.980 -> 1.000, tune5
# 0.923 -> 0.939 (0.972 -> 0.988 with query.ELISION_AFTER), tune3 unchanged (docs/performance.md, "Session 7:
# a fifth tuning set (tune5)"). The words in another order count too, after the titles in the typed order
# ("VO Cultuurmenu" for "Cultuurmenu VO | Cultuurmenu Den Haag"): no judged query moved, the title probe's
# MRR rose for tune4 0.988 -> 0.991 and tune5 0.969 -> 0.972 ("Session 9: whole titles in any order").
# And a title typed a word short counts too, after the whole ones: a query whose words are all the title's and
# make at least NEAR_TITLE_SHARE of it ("Training VO" for "Training Cultuurcoördinator VO", "Programma
# Onderwijs" for "Programma 4 Onderwijs", above the longer titles that hold the same words). No judged query
# moved at 2/3 or 1/2; the title probe's MRR rose for tune3 0.991 -> 0.993 and tune5 0.972 -> 0.976, beside the
# bundled corpus tune5 0.969 -> 0.976 ("Session 9: titles typed a word short"). A query that is one group of
# several words (a name: "Cultuureducatie Kwaliteit" for "Over Cultuureducatie met Kwaliteit") has no title
# cover, which weighs groups against each other; the pages with it in their title are the candidates then
# (_one_group_in_titles). No judged query moved; the probe's MRR rose alone for tune3 0.993 -> 0.997 and tune4
# 0.991 -> 0.993, beside the bundled corpus for tune3 0.992 -> 0.996 ("Session 10: titles").
NEAR_TITLE_SHARE = 2 / 3
TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+|:\s+")
OPEN_TRIES = 5  # a searcher opened while segments are merged away is opened again
RETIRE_AFTER = 60.0  # seconds a replaced searcher stays open for requests still using it
SCORED_SHARE = 4  # _ranked: tiers that fill the page with under 1/4 of all documents are scored alone
SPARSE_SHARE = 8  # _weight_share: sets of under 1/8 of all documents are added document by document
RACY_SECONDS = 2.0  # a folder changed this recently may change again within its clock tick (_folder_stamp)
MAX_PREFIX_TERMS = 50  # a prefix expands to at most this many words (the most frequent ones)
# A query word that no document has, whole or split, may be a part of compounds the index holds whole: the splitter
# knows only parts common enough in wordfreq's list, so a page's "schoolschutterij" was one term, and "schutterij"
# found nothing (and was corrected to "schutterig", shy). Such a word (of at least WHOLE_COMPOUND_MIN letters: shorter
# ones end too many words by chance) matches the compounds that have it as their first or last part
# (analysis.has_part), at most MAX_PREFIX_TERMS of them, each weighing as a compound's part (COMPOUND_PARTS_WEIGHT).
# Only a word of wordfreq's Dutch list: a typo is corrected as before ("toneeel", whose stem "toneel" begins the
# index's "toneelles", meant "toneel"; tuning runs, session 48: tune8 "brugklassen toneeel" 0.961 -> 0.917 without it).
WHOLE_COMPOUND_MIN = 5
# A compound that no document has may be one the index holds with another link between the same parts: "klasenorkest"
# for a page's "klassenorkest", "klasenfotos" for "klassenfoto's", "dansenles" for "dansles". The spelling corrector
# left the first two (a compound of real words is spelled right), and their parts alone matched every page with
# "klassen" and "orkest" anywhere; it corrected the third to "danseres". Such a compound matches the index's words
# that split into the same parts, as the word itself (_with_other_links), and is corrected only to such a compound
# (SearchEngine._corrected_word). Tuning runs (docs/performance.md, "Session 60"): +0.944, 3 up, 3 down (fresh54
# "klasenorkest" 0.631 -> 1.000 alone, fresh39 "klasenfotos" 0.622 -> 1.000 beside; fresh42 "... een schoolreisje naar
# een museum?", whose "schoolreisjes" now counts, 0.630 -> 0.608 beside).
MAX_LINK_LETTERS = 3  # the two links differ by at most this many letters: -s-, -e-, -en-, -er-, -sen- or none


@dataclass
class Plan:
    """How a parsed query is matched: the documents listed, and the groups they had to contain."""

    matched: int  # bitset of listed documents (before facet filters)
    min_groups: int  # documents matched at least this many content groups
    excluded: int = 0
    complete: int = 0  # documents that match every content group (long queries: enough of the weight)
    evidence: np.ndarray | None = None  # long queries: per document, the share of the weight it matches
    title_first: int = 0  # documents whose title covers at least TITLE_COVERAGE: ranked with `complete`
    fill: PageFill | None = None  # documents listed after all these, ranked by the words of `fill.query`


@dataclass
class PageFill:
    """A page that too few documents fill, filled after them with documents that have a multi-word place's first
    word or a compound's parts (SearchEngine._with_fill): that query, and how it was planned."""

    query: ParsedQuery
    plan: Plan
    parts: bool = False  # the compound's parts, not a place's first word


@dataclass
class _Marks:
    """What the snippets of a page mark (SearchEngine._highlight_terms): terms wherever they stand, phrases where
    they stand, and related words of several words where their words stand near one another."""

    terms: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    near: set[tuple[str, ...]] = field(default_factory=set)

    def __or__(self, other: _Marks) -> _Marks:
        return _Marks(self.terms | other.terms, self.phrases | other.phrases, self.near | other.near)


@dataclass
class _Query:
    """A query as parsed, and as spelling-corrected (None: nothing to correct)."""

    parsed: ParsedQuery
    corrected: ParsedQuery | None
    overall: _Listing | None = None  # its listing over every document (SearchEngine._listing), decided once
    decided: dict = field(default_factory=dict)  # (filters, exact) -> its listing decided again under them


@dataclass
class _Listing:
    """What a search lists under its filters (SearchEngine._listing): the query as searched, its plan, what was
    done to it, the corrected query's plan (for "Bedoelde u"), the filters and the documents listed."""

    parsed: ParsedQuery
    plan: Plan
    relaxation: Relaxation | None
    corrected_plan: Plan | None
    filters: int
    listed: int
    complete: bool  # documents have every word of the query, as typed or spelling-corrected (none dropped)
    more: tuple[_Listing, ...] = ()  # listings decided again for selected values, listed after this one's own
    own: int | None = None  # with `more`: this listing's own documents (`listed` is the union of them all)

    def segments(self) -> list[tuple[ParsedQuery, Plan, int]]:
        """The query as searched, its plan and the documents it ranks, for this listing and each of `more` in
        turn: a document listed once, in the first."""
        if not self.more:
            return [(self.parsed, self.plan, self.listed)]
        segments, seen = [], 0
        for listing in (self, *self.more):
            own = listing.listed if listing is not self else self.own
            segments.append((listing.parsed, listing.plan, own & ~seen))
            seen |= own
        return segments


@dataclass
class _Nearness:
    """A long query's words as a page's text holds them (NEAR_SHARE_WINDOW): per content group its terms and the pages
    that need not place it (SearchEngine._words_to_place), its share of the query's weight, and per page the share it
    matches (Plan.evidence). Scores each page once, however often it is looked at."""

    words: list[tuple[list[str], np.ndarray]]
    weights: list[float]
    evidence: np.ndarray
    factors: np.ndarray | None = None  # per page, the factor found (1.0: none yet)
    found: np.ndarray | None = None  # per page, whether its factor was found

    def rescore(self, state: _State, docs: np.ndarray, scores: np.ndarray) -> None:
        """The scores of `docs` (docnums, ascending) times (the most weight one stretch of their text holds / the
        weight they match) ** NEAR_SHARE_POWER, for those not rescored before; never more than the score."""
        if self.factors is None:
            self.factors = np.ones(state.ranker.size, dtype=np.float64)
            self.found = np.zeros(state.ranker.size, dtype=bool)
        docs = docs[~self.found[docs] & (scores[docs] > 0)]
        if not len(docs):
            return
        held = state.ranker.arrays.near_shares(schema.BODY_FIELD, [terms for terms, _ in self.words], self.weights,
                                               docs, NEAR_SHARE_WINDOW, [elsewhere[docs] for _, elsewhere in self.words])
        matched = np.maximum(self.evidence[docs].astype(np.float64), 1e-9)
        self.factors[docs] = np.minimum(held / matched, 1.0) ** NEAR_SHARE_POWER
        self.found[docs] = True
        scores[docs] *= self.factors[docs]

    def again(self, scores: np.ndarray) -> None:
        """Scores computed anew: the factors found so far, again."""
        if self.factors is not None:
            scores *= self.factors


@dataclass
class _State:
    """Everything tied to one open reader; replaced as a whole when the index changes."""

    searcher: object
    facet_index: FacetIndex
    ranker: ranking.Ranker
    term_bits: OrderedDict = field(default_factory=OrderedDict)
    corrections: dict[str, str | None] = field(default_factory=dict)
    prefixes: dict[str, list[str]] = field(default_factory=dict)  # prefix -> its words (_prefix_terms)
    documents: dict[str, int] = field(default_factory=dict)  # term -> _documents
    title_parts: dict[tuple, list] = field(default_factory=dict)  # a document's title's words (_title_parts)
    stamp: int | None = None  # _folder_stamp of the index folder when the reader was last found current
    lock: threading.Lock = field(default_factory=threading.Lock)

    def remembered(self, table: dict, key, compute: Callable[[], object], kept: int = CORRECTIONS_KEPT):
        """table[key] (one of this reader's tables), computed on the first ask; a table that holds `kept`
        answers is emptied first. Computed outside the lock: two requests may both compute the same key."""
        with self.lock:
            if key in table:
                return table[key]
        found = compute()
        with self.lock:
            if len(table) >= kept:
                table.clear()
            table[key] = found
        return found


class SearchEngine:
    def __init__(self, index_dir: Path, taxonomy: Taxonomy):
        self.index_dir = Path(index_dir)
        self.taxonomy = taxonomy
        self._state: _State | None = None
        self._lock = threading.Lock()
        self._ix = None
        self._retired: list[tuple[float, object]] = []
        self._arrays: sidecars.ReaderArrays | None = None  # the current reader's, reused by the next
        self._prepared = False  # prepare() has run
        self._marked: dict[str, list[tuple[int, str, str]]] = {}  # awaiting_review's, per segment id

    @cached_property
    def synonyms(self) -> dict:
        """The query's synonym table (query.build_synonym_table) for this engine's taxonomy: built once per process and
        taxonomy (_shared_synonyms), in `kennisplatform serve`'s master before the workers fork (prepare_process)."""
        return _shared_synonyms(self.taxonomy, self._synonym_table)

    def _synonym_table(self) -> dict:
        table = build_synonym_table(self.taxonomy.synonym_groups() + self._place_name_groups(), self._value_names,
                                    self._place_parts())
        # An umbrella phrase with related words of the field ("immaterieel erfgoed") is one unit of the query, as a
        # taxonomy's phrase is, so that its related words (klederdracht, ambachten) stand for the whole phrase, not
        # for one of its words beside the other ("erfgoed" in every starter report). Session 25 (docs/performance.md,
        # "umbrella phrases with related words"): 7 up, 1 down, summed +2.18 for the four phrases; the held-out half
        # unchanged.
        umbrellas = {phrase: Expansion() for phrase in analysis.related_phrases() if phrase not in table}
        return table | self._districts(table) | self._areas(table) | umbrellas

    def _districts(self, table: dict) -> dict:
        """A municipality's parts by compass point (DISTRICT_POINTS) as places within it: the phrase, then the
        municipality's names (wider) and its documents. Only one way: the municipality typed does not also search
        its districts' phrases, which its name finds already."""
        districts = {}
        for term in self.taxonomy.terms("region"):
            whole = tuple(analysis.analyze_query(term.label))
            expansion = table.get(whole)
            if term.level != "gemeente" or expansion is None:
                continue
            for point in DISTRICT_POINTS:
                key = tuple(analysis.analyze_query(f"{term.label} {point}"))
                if key not in table:
                    districts[key] = replace(expansion, phrases=(whole, *expansion.phrases), part=True)
        return districts

    def _areas(self, table: dict) -> dict:
        """An area outside the taxonomy ("Twente", "Achterhoekse": taxonomy.place_areas) as its other forms and its
        municipalities with their places, as a region of the taxonomy finds its municipalities' pages: the importer
        files a page about Enschede under Overijssel only. One way: "Enschede" does not search "Twente". A
        municipality left out of _municipalities_elsewhere (searched as an everyday word) is left out here too."""
        places = {group[0]: group for group in self._municipalities_elsewhere}
        areas = {}
        for area in self.taxonomy.place_areas:
            keys = [tuple(analysis.analyze_query(form)) for form in area.forms]
            names = [tuple(analysis.analyze_query(name)) for municipality in area.municipalities
                     for name in places.get(municipality.lower(), ())]
            for form, key in zip(area.forms, keys):
                if key and key not in table:  # "Gooi en Vechtstreek" is one name, conjunction and all
                    areas[key] = Expansion(tuple(dict.fromkeys(k for k in keys + names if k and k != key)),
                                           conjoined=has_conjunction(form))
        return areas

    def _place_name_groups(self) -> list[tuple[str, ...]]:
        """A place's label with its adjectives and, for a municipality, the places in it that the taxonomy does not
        name (CBS's woonplaatsen): "Den Haag" also finds a text that only says "Haagse", "Capelse" one that says
        "Capelle aan den IJssel", and "Hoeksche Waard" one that names only Numansdorp (a page about the village is
        about the municipality too, as one that names an alias village is)."""
        names: dict[str, list[str]] = {}
        for form, ids in self.taxonomy.place_forms.items():
            if len(ids) == 1:
                names.setdefault(ids[0], []).append(form.lower())
        for place in self._villages():
            names.setdefault(place.region, []).append(place.name.lower())
        groups = [(self.taxonomy.label("region", region).lower(), *forms) for region, forms in names.items()]
        return groups + self._municipalities_elsewhere

    @cached_property
    def _municipalities_elsewhere(self) -> list[tuple[str, ...]]:
        """A municipality outside the taxonomy with its places, as the taxonomy's own are: "Borger-Odoorn" finds
        a page that names only Exloo. A name that the analyzer makes the same as another name ("Heerle" and
        "Heerlen") or as a name of the taxonomy is left out: groups that share a phrase are one
        (query.build_synonym_table), and it would make two places one. So is a name searched as an everyday word
        (_a_word_too)."""
        elsewhere = [(name, *self._adjectives_elsewhere(name), *places)
                     for name, places in self.taxonomy.places_of_municipalities.items()]
        terms = {name: tuple(analysis.analyze_query(name)) for group in elsewhere for name in group}
        taken = Counter(terms[name] for group in elsewhere for name in group)
        taxonomy_names = [name for group in self.taxonomy.synonym_groups() for name in group] + list(self._value_names)
        ours = {tuple(analysis.analyze_query(name)) for name in taxonomy_names}
        commonest = analysis.commonest_with_stems(one for one, *more in terms.values() if not more)

        def kept(name: str, of: str | None = None) -> bool:
            # A name of the municipality `of` (an adjective) whose term is the municipality's name as written
            # ("Eindhovense": eindhoven) is no everyday word, however common the name is.
            return taken[terms[name]] == 1 and terms[name] not in ours and \
                (of is not None and terms[name] == (analysis.fold(of).lower(),) or
                 not _a_word_too(name, terms[name], commonest))
        return [(name.lower(), *(place.lower() for place in places if kept(place, name)))
                for name, *places in elsewhere if kept(name)]

    @staticmethod
    def _adjectives_elsewhere(name: str) -> tuple[str, ...]:
        """A municipality's adjectives (taxonomy.adjectives) that the analyzer does not make its name already:
        "Eindhovense" (eindhoven) for Eindhoven (eindhof), "Bredase" for Breda; not "Amersfoortse", which is
        Amersfoort's own term. As the taxonomy's municipalities have theirs ("Goudse")."""
        own = tuple(analysis.analyze_query(name))
        return tuple(form for form in adjectives(name) if tuple(analysis.analyze_query(form)) != own)

    @cached_property
    def _name_parts(self) -> dict[str, tuple[str, ...]]:
        """The index's compound parts of the taxonomy's place names, each with the regions so named: "kerk" ->
        (ridderkerk,). The index splits "Ridderkerk" into ridder + kerk, so a related word "kerk" would find every
        page about Ridderkerk (_in_place_names)."""
        parts: dict[str, list[str]] = {}
        for term in self.taxonomy.terms("region"):
            for name in (term.label, *term.aliases):
                for word in name.replace("-", " ").split():
                    terms = analysis.word_terms(analysis.fold(word))
                    for part in terms[1] if terms else ():
                        parts.setdefault(part, []).append(term.id)
        return {part: tuple(dict.fromkeys(ids)) for part, ids in parts.items()}

    def _in_place_names(self, state: _State, clause: Clause) -> int:
        """The documents filed under a place whose name has one of a related word's terms as a compound part: there
        the word is the place's name ("kerk" in Ridderkerk), not its subject."""
        bits = 0
        for term in clause.terms:
            for region in self._name_parts.get(term, ()):
                bits |= state.facet_index.value_bits("region", region)
        return bits

    def _villages(self) -> list[Place]:
        return [place for place in self.taxonomy.places.values() if place.in_municipality]

    def _place_parts(self) -> list[str]:
        """The other names of municipalities: mostly their villages and former municipalities ("Noordwijkerhout"
        of Noordwijk, "Boskoop" of Alphen aan den Rijn), a few other spellings ("Gorkum")."""
        municipalities = [term for term in self.taxonomy.terms("region") if term.level == "gemeente"]
        elsewhere = [place for _, *places in self._municipalities_elsewhere for place in places]
        return [alias for term in municipalities for alias in term.aliases] + \
            [place.name for place in self._villages()] + elsewhere

    @cached_property
    def _value_names(self) -> dict[str, list[tuple[str, str]]]:
        """Phrase -> the taxonomy values it names: a query for "dans" or "Holland Rijnland" also finds
        the documents filed under that value, whatever words they use."""
        names: dict[str, list[tuple[str, str]]] = {}
        for facet in ("type", "theme", "discipline", "audience", "region"):
            for term in self.taxonomy.terms(facet):
                for name in (term.label, term.plural, *term.aliases):
                    if name:
                        names.setdefault(name.lower(), []).append((facet, term.id))
        for form, ids in self.taxonomy.place_forms.items():
            names.setdefault(form.lower(), []).extend(("region", region) for region in ids)
        for place in self._villages():
            names.setdefault(place.name.lower(), []).append(("region", place.region))
        return names

    # -- the open reader --------------------------------------------------------------------------
    def state(self) -> _State:
        """The current reader; reopened when the index has a newer generation (another process saved)."""
        with self._lock:
            state = self._state
            stamp = _folder_stamp(self.index_dir)
            if state is not None and (stamp is not None and stamp == state.stamp or state.searcher.up_to_date()):
                state.stamp = stamp
                return state
            if self._ix is None:
                self._ix = index.open_index(self.index_dir)
                self.prepare()
            # A fresh searcher, not Searcher.refresh(): refresh() reuses segment readers whose segment id
            # is unchanged, and so misses deletions committed to those segments since.
            searcher = self._open_searcher()
            # Segments the previous reader had keep their mapped arrays; only new ones (a save's) are read.
            arrays = sidecars.ReaderArrays(searcher.reader(), self.index_dir, self._arrays)
            self._arrays = arrays
            self._state = _State(searcher, FacetIndex.build(arrays), ranking.Ranker(arrays, schema.TEXT_FIELDS),
                                 stamp=stamp)
            self._retire(state)
            return self._state

    def prepare(self) -> None:
        """Once per engine, not paid by the first visitor: prepare_process(), the synonym table, the
        place-name corrector, the parts of place names and the taxonomy's place patterns (a word the index lacks is
        checked for a place). The app calls it when it is created; else the first open does it."""
        if self._prepared:
            return
        self._prepared = True
        prepare_process()
        self.synonyms  # noqa: B018 - computes the cached property
        self._place_names  # noqa: B018 - computes the cached property
        self._names_elsewhere  # noqa: B018
        self._name_parts  # noqa: B018 - computes the cached property
        self.taxonomy.prepare_text_search()
        gc.freeze()

    def _open_searcher(self):
        """A searcher whose stored fields stay readable while other processes save and merge segments."""
        for _ in range(OPEN_TRIES):
            searcher = self._ix.searcher(weighting=BM25F())
            if postings.pin_stored_fields(searcher.reader()):
                return searcher
            searcher.close()  # a commit merged a segment away between listing and opening: a newer one
        raise IndexBusy("De index verandert te snel om te lezen; probeer het zo opnieuw.")

    def _retire(self, old: _State | None) -> None:
        """Close replaced searchers once no request can still be using them (their files stay open
        until then, also when a rebuild has deleted them)."""
        now = time.monotonic()
        if old is not None:
            self._retired.append((now, old.searcher))
        while self._retired and now - self._retired[0][0] > RETIRE_AFTER:
            self._retired.pop(0)[1].close()

    def close(self) -> None:
        with self._lock:
            for _, searcher in self._retired:
                searcher.close()
            self._retired = []
            if self._state:
                self._state.searcher.close()
            self._state = None

    @property
    def version(self) -> str:
        """Changes whenever the index does (a commit by any process) or its analysis: for ETags."""
        reader = self.state().searcher.reader()
        return f"{reader.generation()}-{schema.version_stamp(self.taxonomy)}"

    @property
    def generation(self) -> int:
        """The index's commit generation: it grows with every change (the health check reports it)."""
        return self.state().searcher.reader().generation()

    @property
    def doc_count(self) -> int:
        return self.state().facet_index.live.bit_count()

    # -- search -----------------------------------------------------------------------------------
    def search(self, params: SearchParams, with_facets: bool = True, with_similar: bool = False) -> SearchResult:
        """One page of hits with facet counts. `with_facets=False` skips counting (benchmarks, feeds);
        `with_similar=True` follows a first page that the listing does not fill with pages like its first results
        (_similar), as the search page and the API show it."""
        state = self.state()
        query = self._query(state, params)
        listing = self._listing(state, query, params)
        query, listing = self._phrases_apart(state, query, listing, params)
        parsed = listing.parsed
        stored = postings.StoredFields(state.searcher.reader())  # one read of a document for the page and _similar
        hits = self._page(state, listing, params, stored)
        result = SearchResult(
            params=params,
            total=listing.listed.bit_count(),
            hits=hits + self._similar(state, listing, params, hits, stored) if with_similar else hits,
            facets=self._facets(state, query, params, listing) if with_facets else {},
            relaxation=listing.relaxation,
            query_error=" ".join(parsed.notes) or None,
        )
        if listing.relaxation is None and query.corrected is not None:
            result.suggestion = _suggestion(query.corrected, listing.corrected_plan, listing.filters, result.total)
        result.complete = _complete(listing, self._with_own_words(state, listing.parsed, listing.plan.complete))
        result.related = self._related_found(state, listing)
        result.place_filter = self._place_filter(state, query, listing, params)
        result.place_within = self._place_within(listing.parsed)
        if result.total == 0 and params.has_filters:
            result.filter_drops = self._filter_drops(state, query, params)
        return result

    def _phrases_apart(self, state: _State, query: _Query, listing: _Listing,
                       params: SearchParams) -> tuple[_Query, _Listing]:
        """No document has a quoted phrase as typed: its words anywhere, as the query without the quotes finds
        them, rather than nothing or the other words alone ('muziek "op maandag"' listed "muziek" only)."""
        loose = None if listing.complete or params.exact else without_quotes(params.q)
        if loose is None:
            return query, listing
        unquoted, phrases = loose
        apart = replace(params, q=unquoted)
        other_query = self._query(state, apart)
        other = self._listing(state, other_query, apart)
        if other.listed.bit_count() < max(listing.listed.bit_count(), 1):
            return query, listing
        other.relaxation = _phrase_relaxation(params.q, unquoted, phrases, other.relaxation)
        return other_query, other

    def _query(self, state: _State, params: SearchParams) -> _Query:
        """The query parsed, and spelling-corrected: what every listing of it starts from, whatever its filters."""
        parsed = self._parse(state, params.q)
        return _Query(parsed, None if parsed.is_empty else self._corrected(state, parsed))

    def _listing(self, state: _State, query: _Query, params: SearchParams) -> _Listing:
        """What a search with `params` lists. The query is planned, spelling-corrected or relaxed over every document
        (to fill a page, _decide) once per search, and the filters take what they select of that listing, as a shop's
        filters do: a facet value lists what its count said (its count is that listing's documents with the value),
        in the order the whole listing has. Only where the filters keep nothing of it is the query decided again
        under them, so that a filter is no dead end; where they keep only documents that lack a word, the page
        says so. There each combination of one selected value per facet (FacetIndex.cells) is decided on its own,
        one after the other: decided for the whole selection at once, a value ticked beside the others gave the
        query more documents to fill a page with, less relaxed, and the page listed fewer (session 21). Its page,
        and what the page offers (a facet value, a filter less, a place), are each counted over the listing of the
        search they lead to."""
        facet_index = state.facet_index
        filters = facet_index.filter_bits(params)
        if query.overall is None:
            query.overall = self._decided(state, query, params.exact, facet_index.live)
        overall = query.overall
        if not overall.listed & filters:
            cells = facet_index.cells(params) or [filters]
            parts = [part for part in (self._decided(state, query, params.exact, cell) for cell in cells)
                     if part.listed]
            return _joined(parts[0], parts[1:]) if parts else replace(self._decided(state, query, params.exact,
                                                                                    filters))
        listing = replace(overall, filters=filters, listed=overall.listed & filters)
        if overall.complete and not overall.plan.complete & filters:
            # Only documents that lack a word (or a compound's documents with some of its parts) pass the filters:
            # those that fill the page of the whole listing. The page says so, as it does for a query that nothing
            # has whole.
            fill = overall.plan.fill
            if len(overall.parsed.groups) > 1:
                listing.complete = False
                listing.relaxation = self._any_words(state, overall.parsed, filters)
            elif fill is not None and fill.parts:
                listing.complete = False
                found = [g.text for g in fill.query.groups if self._group_bits(state, g) & listing.listed]
                listing.relaxation = self._parts_relaxation(state, overall.parsed, fill.query, found, filters)
        return listing

    def _decided(self, state: _State, query: _Query, exact: bool, filters: int) -> _Listing:
        """_decide, once per search for the same filters."""
        key = (filters, exact)
        if key not in query.decided:
            query.decided[key] = self._decide(state, query, exact, filters)
        return query.decided[key]

    def _decide(self, state: _State, query: _Query, exact: bool, filters: int) -> _Listing:
        """The query planned, spelling-corrected or relaxed to fill a page of the documents in `filters`."""
        parsed, corrected = query.parsed, query.corrected
        plan = self._plan(state, parsed, filters)
        # Planned once: _correct decides with it, and "Bedoelde u" counts it when the correction is not taken
        # (nor ever for a query searched as typed, which is only offered it: no dead end either).
        corrected_plan = self._plan(state, corrected, filters) if corrected else None
        parsed, plan, relaxation = (parsed, plan, None) if exact else \
            _correct(parsed, plan, corrected, corrected_plan, filters, partial(self._found_nowhere, state))
        complete = bool(plan.complete & filters)
        if relaxation is None and not parsed.is_empty and not complete:
            parsed, plan, relaxation = self._relax(state, parsed, plan, filters, corrected)
        elif (relaxation is None or relaxation.kind == "corrected" and complete) and \
                (plan.matched & filters).bit_count() < PAGE_TO_FILL:
            self._with_fill(state, parsed, plan, filters)
        return _Listing(parsed, plan, relaxation, corrected_plan, filters, plan.matched & filters, complete)

    def _facets(self, state: _State, query: _Query, params: SearchParams, listing: _Listing) -> dict:
        bases = self._facet_bases(state, query, params, listing)
        return state.facet_index.facets(params, bases, listing.listed, self.taxonomy, self._ticking(state, query, params))

    def _ticking(self, state: _State, query: _Query, params: SearchParams) -> dict[str, Callable[[str], int]]:
        """Per facet with a selection, the listing with a value added to it, where the page or the search without a
        facet's selection was decided again (_listing): there a value's documents in the base are not what ticking
        it gives. Elsewhere they are, and the base counts them all at once."""
        if len(query.decided) <= 1:  # the listing over every document alone
            return {}
        return {facet: partial(self._ticked, state, query, params, facet) for facet in FACETS if params.selected(facet)}

    def _ticked(self, state: _State, query: _Query, params: SearchParams, facet: str, value: str) -> int:
        return self._listing(state, query, params.toggle(facet, value)).listed

    def _facet_bases(self, state: _State, query: _Query, params: SearchParams, listing: _Listing) -> dict[str, int]:
        """Per facet, the documents its values are counted over: those the search without its own selection lists
        (disjunctive facets). That is the page's listing for a facet with nothing selected; for one with a
        selection, the listing of the search without it (_listing: mostly the same listing over every document,
        filtered otherwise; but where the filters made the query be decided again, a listing of its own: counted
        over the page's, the region facet said Nederland 40 where unticking the region listed 5)."""
        return {facet: self._listing(state, query, params.with_changes(**{facet: ()})).listed
                if params.selected(facet) else listing.listed for facet in FACETS}

    def _parse(self, state: _State, text: str) -> ParsedQuery:
        """The query as searched: parsed with the synonyms, and a filler word that makes a fixed expression in
        this collection a content word (the query as typed, and as spelling-corrected)."""
        parsed = parse_query(text, self.synonyms, partial(self._rare_compound, state),
                             partial(self._key_documents, state))
        return self._with_collocations(state, self._in_whole_compounds(
            state, self._with_other_links(state, _without_absent(state, parsed))))

    def _with_other_links(self, state: _State, parsed: ParsedQuery) -> ParsedQuery:
        """The query with each compound that no document has also matching the index's words of the same parts
        with another link between them (see MAX_LINK_LETTERS)."""
        groups = list(parsed.groups)
        for i, group in enumerate(groups):
            parts = next((clause.terms for clause in group.alternatives if clause.kind == "parts"), None)
            whole = _single_term(group)
            if not parts or whole is None or _documents(state, whole):
                continue
            found = tuple(Clause("terms", (term,), group.text)
                          for term in self._same_parts(state, group.text, whole, parts))
            if found:
                groups[i] = replace(group, alternatives=group.alternatives[:1] + found + group.alternatives[1:])
        return parsed if groups == parsed.groups else replace(parsed, groups=groups)

    def _same_parts(self, state: _State, word: str, whole: str, parts: tuple[str, ...]) -> list[str]:
        """The index's words (stems) other than `whole` (the stem of `word`) that begin as its first part does and split
        into the same `parts`, most frequent first, at most MAX_PREFIX_TERMS; remembered per reader."""
        def compute() -> list[str]:
            # What the first part as written and its stem share: "cult" of "cultuur" (stem "cultur", which begins no
            # compound of it), "dans" of "dansen" (as "dansenles" splits, for the index's "dansles").
            first = os.path.commonprefix([analysis.compound_query_words(word)[0], parts[0]])
            if len(first) < analysis.MIN_PART:
                return []
            terms: dict[str, int] = {}
            for name in schema.TEXT_FIELDS:
                for term, frequency in state.ranker.arrays.prefixed(name, first).items():
                    # Only the link differs (a few letters): a cheap test before the splitter's.
                    if term != whole and abs(len(term) - len(whole)) <= MAX_LINK_LETTERS and \
                            analysis.compound_query_parts(term) == parts:
                        terms[term] = terms.get(term, 0) + frequency
            return sorted(terms, key=lambda term: -terms[term])[:MAX_PREFIX_TERMS]
        return state.remembered(state.prefixes, ("links", whole), compute)

    def _key_documents(self, state: _State, key: str) -> int:
        """How many documents have the term, or the phrase of several terms (most in any one field): whether its
        related words of the field count (query._related_below)."""
        if " " not in key:
            return _documents(state, key)
        terms = tuple(key.split())
        return max(self._phrase_bits(state, name, terms).bit_count() for name in schema.TEXT_FIELDS)

    @staticmethod
    def _rare_compound(state: _State, term: str, parts: tuple[str, ...]) -> bool:
        """Whether a compound's parts still count in a long query (RARE_COMPOUND_DOCS, RARE_PART_SHARE); always
        for a compound that no document has, whose parts are then all the evidence of it."""
        documents = _documents(state, term)
        if documents == 0:
            return True
        return (documents < RARE_COMPOUND_DOCS
                and min(_documents(state, part) for part in parts) < RARE_PART_SHARE * state.ranker.size)

    def _in_whole_compounds(self, state: _State, parsed: ParsedQuery) -> ParsedQuery:
        """The query with each word that no document has also matching the compounds it is a part of
        (WHOLE_COMPOUND_MIN)."""
        groups = list(parsed.groups)
        for i, group in enumerate(groups):
            term = _single_term(group)
            if term is None or self._group_bits(state, group):
                continue
            found = tuple(Clause("compound", (compound,), group.text)
                          for compound in self._compounds_with(state, group.text, term))
            if found:
                groups[i] = replace(group, alternatives=group.alternatives + found)
        return parsed if groups == parsed.groups else replace(parsed, groups=groups)

    def _compounds_with(self, state: _State, word: str, term: str) -> list[str]:
        """The index's words that are compounds with the term (of `word`, as typed) as their first or last part, most
        frequent first, at most MAX_PREFIX_TERMS; remembered per reader. Nothing for a word shorter than
        WHOLE_COMPOUND_MIN letters or not in wordfreq's Dutch list (a typo)."""
        if len(term) < WHOLE_COMPOUND_MIN or not analysis.word_zipf(analysis.fold(word)):
            return []

        def compute() -> list[str]:
            arrays = state.ranker.arrays
            compounds: dict[str, int] = {}
            for name in schema.TEXT_FIELDS:
                for found in (arrays.prefixed(name, term), arrays.ending_with(name, term)):
                    for compound, frequency in found.items():
                        if analysis.has_part(compound, term):
                            compounds[compound] = compounds.get(compound, 0) + frequency
            return sorted(compounds, key=lambda c: -compounds[c])[:MAX_PREFIX_TERMS]
        return state.remembered(state.prefixes, ("compound", term), compute)

    def _with_collocations(self, state: _State, parsed: ParsedQuery) -> ParsedQuery:
        """The query with its filler words that make a fixed expression with the content word next to them
        (COLLOCATION_SHARE) as content words."""
        groups = list(parsed.groups)
        for i, group in enumerate(groups):
            term = _single_term(group)
            if not group.filler or term is None:
                continue
            for j in (i - 1, i + 1):
                other = _single_term(groups[j]) if 0 <= j < len(groups) and not groups[j].filler else None
                if other is not None and self._collocation(state, term, other, filler_first=j > i):
                    groups[i] = replace(group, filler=False)
                    break
        return parsed if groups == parsed.groups else replace(parsed, groups=groups)

    def _collocation(self, state: _State, filler: str, content: str, filler_first: bool) -> bool:
        """Whether the two words are next to each other, in the query's order, in enough documents
        (COLLOCATION_MIN, COLLOCATION_SHARE of those with `content`). The documents with both words bound that
        count: only when they could be enough are the words' positions read."""
        with_content = self._any_field(state, content)
        needed = max(COLLOCATION_MIN, COLLOCATION_SHARE * with_content.bit_count())
        if (with_content & self._any_field(state, filler)).bit_count() < needed:
            return False
        pair = (filler, content) if filler_first else (content, filler)
        return self._clause_bits(state, Clause("phrase", pair, "")).bit_count() >= needed

    def _plan(self, state: _State, parsed: ParsedQuery, filters: int) -> Plan:
        """Documents with all content groups first. When fewer than a page of them match, documents with
        fewer groups follow, most groups first, until the page is full (Algolia's optional words): a
        question typed in plain Dutch still finds its answers, and the best matches stay on top.
        Filler words never decide what is listed; long queries are planned by weight (_weighted_plan)."""
        live = state.facet_index.live
        excluded = 0
        for clause in parsed.excluded:
            excluded |= self._clause_bits(state, clause)
        if parsed.is_empty:  # nothing to look for: everything (but what is excluded) is listed
            everything = live & ~excluded
            return Plan(matched=everything, min_groups=0, excluded=excluded, complete=everything)
        universe = live & ~excluded
        content = parsed.content_groups
        group_bits = [self._group_bits(state, parsed.groups[i]) & universe for i in content]
        if len(content) >= LONG_QUERY:
            plan = self._weighted_plan(state, group_bits, universe, filters, excluded)
        else:
            n = len(group_bits)
            at_least = _at_least(group_bits, universe)
            min_groups = n
            while min_groups > 1 and (at_least[min_groups] & filters).bit_count() < PAGE_TO_FILL:
                min_groups -= 1
            # A page about the place the query names is listed even with none of the other words, after those
            # that have more of them ("voorschotense basisscholen cultuur": a school page filed under Voorschoten).
            listed = at_least[min_groups] | (_place_docs(parsed, group_bits) if n > 1 else 0)
            if min_groups < n and _partial_by_weight(parsed):
                # Ranked by weight, so listed by weight too (_as_heavy): a page with only the question's rarest word
                # was not listed at all while pages with two of its common words filled a page. Tuning sets,
                # session 25: bs_fresh23 "wat doet een cultuurcoach precies voor scholen en verenigingen" 0.314 ->
                # 0.604 and bs_fresh24 "hoe kan ik met mijn klas een archief bezoeken" 0.266 -> 0.695 (the pages
                # about a cultuurcoach, an archive's treasure hunt, unlisted before, on the first page); nothing
                # else moved; the held-out half unchanged.
                listed |= _as_heavy(group_bits, min_groups, state.ranker.size) & universe
            plan = Plan(matched=listed, min_groups=min_groups, excluded=excluded, complete=at_least[n])
        if len(content) > 1:
            self._add_title_cover(state, [parsed.groups[i] for i in content], group_bits, universe, plan)
        return plan

    def _add_title_cover(self, state: _State, groups: list[Group], group_bits: list[int], universe: int,
                         plan: Plan) -> None:
        """Per document, the share of the query's content weight (each group its idf) found in its title;
        documents whose title covers at least TITLE_COVERAGE are listed and ranked first."""
        size = state.ranker.size
        in_titles = [self._group_bits_in(state, group, schema.TITLE_FIELD) & universe for group in groups]
        cover = _weight_share(in_titles, _idf_weights(group_bits, size), size)
        if not cover.any():
            return
        plan.title_first = bitsets.from_array(np.flatnonzero(cover >= TITLE_COVERAGE - 1e-6), size) & universe
        if len(groups) > 2:
            # Of three or more aspects, one in the title is a page about that aspect, not the query's page.
            plan.title_first &= _at_least(in_titles, universe)[2]
        topics = [bits for bits, group in zip(in_titles, groups) if not _places(group)]
        if topics and len(topics) < len(groups):
            # A place in the title says where, not what: the title must also have a word of the topic.
            plan.title_first &= _at_least(topics, universe)[1]
            # And a title that says what, of a page that is not about the place (neither names it nor is filed
            # under it), is another place's page: "Basisscholieren ..." in Friesland for "Rotterdam-Zuid scholieren".
            # Tuning sets: 11 up, 4 down (by under 0.01), summed +0.455; the held-out half unchanged.
            for bits, group in zip(group_bits, groups):
                if _places(group):
                    plan.title_first &= bits
        plan.matched |= plan.title_first

    def _weighted_plan(self, state: _State, group_bits: list[int], universe: int, filters: int,
                       excluded: int) -> Plan:
        """A long query: each content group weighs its IDF, and a document's evidence is the share of
        the total weight it matches. Listed: evidence >= MIN_SHOULD_MATCH, lowered step by step until a
        page is full, so that a question's rare, telling words count more than its common ones."""
        size = state.ranker.size
        evidence = _weight_share(group_bits, _idf_weights(group_bits, size), size)
        complete = matched = 0
        for step in RELAX_STEPS:
            threshold = MIN_SHOULD_MATCH * step
            matched = bitsets.from_array(np.flatnonzero(evidence >= threshold if step else evidence > 0), size)
            matched &= universe
            if step == RELAX_STEPS[0]:
                complete = matched
            if (matched & filters).bit_count() >= PAGE_TO_FILL:
                break
        return Plan(matched=matched, min_groups=1, excluded=excluded, complete=complete, evidence=evidence)

    def _place_filter(self, state: _State, query: _Query, listing: _Listing,
                      params: SearchParams) -> PlaceFilter | None:
        """The offer "Alleen Den Haag?": the first place the query names, as the region filter, when it would
        narrow the results: when no region is chosen, or one above the place is (the offer replaces it; beside
        another region it would add a value, OR, and narrow nothing). Not when the place, or a region below it,
        is chosen already. Its count is what following it lists."""
        chosen = set(params.region)
        listed = listing.listed.bit_count()
        groups = listing.parsed.groups
        # The places the query names first; then, for a place that no listed document has ("Hillegom dans" lists pages
        # about dance elsewhere), the nearest region around it that has some of them.
        candidates = [regions[0] for regions in map(_places, groups) if len(regions) == 1] + \
            [region for group in groups if not self._group_bits(state, group) & listing.listed
             for region in self._around(group)]
        for region in dict.fromkeys(candidates):
            offer = self._offer(state, query, listing, params, region, chosen, listed)
            if offer is not None:
                return offer
        return None

    def _offer(self, state: _State, query: _Query, listing: _Listing, params: SearchParams, region: str,
               chosen: set[str], listed: int) -> PlaceFilter | None:
        """The region as the place filter offered, if choosing it narrows the listing (see _place_filter)."""
        if chosen & {region, *self.taxonomy.descendants(region)}:
            return None
        if chosen and not chosen & set(self.taxonomy.ancestors(region)):
            return None
        if not listing.listed & state.facet_index.value_bits("region", region):
            return None
        total = self._listing(state, query, params.only_region(region)).listed.bit_count()
        return PlaceFilter(region, self.taxonomy.label("region", region), total) if 0 < total < listed else None

    def _place_within(self, parsed: ParsedQuery) -> PlaceWithin | None:
        """The first place the query names that lies in a region (a village or former municipality, whose group
        also searches its municipality: "numansdorp" -> Numansdorp, in Hoeksche Waard), as it is written."""
        for group in parsed.groups:
            regions = _places(group)
            if len(regions) != 1 or not any(clause.wider for clause in group.alternatives):
                continue
            key = normalise(group.text)
            place = self.taxonomy.places.get(key)
            term = self.taxonomy.get("region", regions[0])
            name = place.name if place else next((a for a in term.aliases if normalise(a) == key), group.text)
            return PlaceWithin(name, regions[0], term.label)
        return None

    def _relax(self, state: _State, parsed: ParsedQuery, plan: Plan, filters: int,
               corrected: ParsedQuery | None = None):
        """No document has every word (nor has the spelling-corrected query, _correct): the documents with
        some of the words, or of the region around a place, and the page says so."""
        if not plan.matched & filters:
            split = _place_words(parsed)
            split_plan = self._plan(state, split, filters) if split else None
            if split_plan and split_plan.matched & filters:
                # A place name that is no document's place nor in any text as a whole ("Krimpen aan den
                # IJssel" where a page says "Stem van Krimpen" ... "aan den IJssel"): its words, apart.
                places = ", ".join(f"‘{g.text}’" for g in parsed.groups if _places(g))
                return split, split_plan, Relaxation(
                    "any-words", parsed.text, " ".join(split.words()),
                    f"Geen resultaten voor {places} als plaats; wel met de woorden ervan.", parsed.text)
            # Over every document only: under filters the region chosen would depend on them, and a facet's count
            # would not be what choosing its value lists (facet_oracle.py: "click (replace) total != count" 1 -> 8).
            # The filters take what they select of the widened listing (_listing).
            wider = None if filters != state.facet_index.live else \
                self._wider_place(state, parsed, filters) or self._wider_place(state, corrected, filters, parsed.text)
            if wider is not None:
                return wider
        split = _compound_words(parsed, self._found_nowhere(state, parsed, filters), not plan.matched & filters)
        found = [g for g in split.groups if g not in parsed.groups and self._group_bits(state, g) & filters] \
            if split else []
        if found:
            # A compound that no document has, whole or with all its parts ("jeugdtheaterles", "certificaatuitreiking"):
            # the documents with some of its parts ("theaterles voor de jeugd", "reikt certificaten uit"), as a query
            # of several words lists those with some of them, not nothing.
            return split, self._plan(state, split, filters), \
                self._parts_relaxation(state, parsed, split, [g.text for g in found], filters)
        if plan.matched & filters and len(parsed.groups) > 1:
            return parsed, plan, self._any_words(state, parsed, filters)
        return parsed, plan, None

    def _wider_place(self, state: _State, parsed: ParsedQuery | None, filters: int, typed: str | None = None):
        """A place the query names that no listed document has ("Zoeterwoude", "Twente"), where no document has any
        word of the query, replaced by the nearest place around it that has documents: its region, else its
        province, never the whole country. A shop with nothing in one town shows what it has nearby, and says so.
        Where other words of the query found something, those are listed (_any_words) and the page offers the
        region as a filter (_place_filter): listing the region's documents first lowered place queries of three
        check sets (fresh34 alone 0.936 -> 0.922), whose page was elsewhere or named the place no way the index
        knows. None where no such place helps. `typed`: the query as typed, when `parsed` is its spelling
        correction ("Zoetrwoude")."""
        for i, group in enumerate(parsed.groups if parsed else ()):
            if self._group_bits(state, group) & filters:
                continue
            for region in self._around(group):
                label = self.taxonomy.label("region", region)
                place = Group((Clause("facet", ("region", region), label),), label)
                widened = replace(parsed, groups=[*parsed.groups[:i], place, *parsed.groups[i + 1:]])
                plan = self._plan(state, widened, filters)
                if plan.complete & filters:
                    used = " ".join(widened.words())
                    nothing = f"Geen resultaten voor ‘{typed}’, ook niet voor ‘{parsed.text}’" if typed else \
                        f"Niets gevonden over ‘{group.text}’"
                    message = f"{nothing}; hieronder de resultaten uit {label}, waar het ligt."
                    return widened, plan, Relaxation("wider-place", typed or parsed.text, used, message, used)
        return None

    def _around(self, group: Group) -> list[str]:
        """The regions around the place a group names, nearest first, down to a province: a municipality of the
        taxonomy's region and province; a village's municipality, region and province; a town or area elsewhere
        its province (taxonomy.places)."""
        named = _places(group)
        if len(named) == 1:
            around = self.taxonomy.ancestors(named[0])
        else:
            place = self.taxonomy.places.get(normalise(group.text))
            around = [place.region, *self.taxonomy.ancestors(place.region)] if place else []
        terms = [self.taxonomy.get("region", region) for region in around]
        return [term.id for term in terms if term and term.level not in ("land", "overig") and term.id not in named]

    def _any_words(self, state: _State, parsed: ParsedQuery, filters: int) -> Relaxation:
        """What the page says when it lists documents with some of the query's words."""
        return Relaxation("any-words", parsed.text, " OR ".join(parsed.words()),
                          _partial_message(parsed.text, self._found_nowhere(state, parsed, filters), parsed.words()),
                          parsed.text)

    def _parts_relaxation(self, state: _State, parsed: ParsedQuery, split: ParsedQuery, parts: list[str],
                          filters: int) -> Relaxation:
        """What the page says when compounds were searched as their parts (_compound_words), of which `parts` were
        found: no document has all of a compound's parts (or the compound would have found it), so the results have
        some of them."""
        compounds = [g.text for g in parsed.groups if g not in split.groups]
        added = {g.text for g in split.groups if g not in parsed.groups}
        others = [word for word in self._found_nowhere(state, split, filters) if word not in added]
        words = "het woord" if len(compounds) == 1 else "de woorden"
        message = (f"Geen resultaten voor {_quoted(compounds)}; hieronder de resultaten met een deel van {words}: "
                   f"{_quoted(parts, 'of')}." + (f" Niets gevonden voor {_quoted(others)}." if others else ""))
        return Relaxation("parts", parsed.text, " OR ".join(split.words()), message, " ".join(split.words()))

    def _found_nowhere(self, state: _State, parsed: ParsedQuery, filters: int) -> list[str]:
        """The query's words that no listed document has (of a query that found some of its words)."""
        return [g.text for g in parsed.groups if not self._group_bits(state, g) & filters]

    def _with_fill(self, state: _State, parsed: ParsedQuery, plan: Plan, filters: int) -> None:
        """Fewer documents than a page match, as a short query's page is filled with documents that have fewer of
        its words (_plan), after them the page lists:
        - for a multi-word place the query names ("Krimpen aan den IJssel": filed under it, or with its name
          whole), the documents that have the name's first word ("Stem van Krimpen"). The first word names the
          town; the rest ("aan den IJssel") says where it lies and is another place's too (a text about the river
          is not about Krimpen);
        - for a query of one compound ("waterbeheer", "drukkersambacht"), the documents with some of its parts,
          most parts first: its words as a query of several words would list them ("water" in a page about a
          pumping station). A page with the word keeps its place above them;
        - for a query of one known phrase (a taxonomy name or synonym: "beeldend onderwijs"), which is searched as
          that phrase and its equivalents, the documents with its words apart, both words first, as a query of the
          words would list them ("beeldend" and "onderwijs" in a page on art weeks at a school).
        The query's own documents keep their order, first."""
        split = _place_words(parsed, heads_only=True) or _one_phrase_apart(parsed)
        parts = split is None
        split = split or _one_compound_apart(parsed)
        if split is None:
            return
        split_plan = self._plan(state, split, filters)
        if split_plan.matched & ~plan.matched:
            plan.fill = PageFill(split, split_plan, parts)
            plan.matched |= split_plan.matched

    def _corrected(self, state: _State, parsed: ParsedQuery) -> ParsedQuery | None:
        """The query with two words typed apart that the documents write as one joined (_joined_words), and each
        unknown word of its positive part replaced by the place it misspells (_misspelled_place), else by the
        closest common Dutch word (_corrected_word)."""
        places = {word for group in parsed.groups if _places(group) for word in group.text.split()}
        # Joined first: a word typed apart whose second half is no word ("voor schoolse") is likelier than a place
        # misspelled in two words (Voorschotse).
        words, joined = self._joined_words(state, parsed.text.split(), places)
        words, changed = self._misspelled_place_runs(state, words)
        changed = changed or bool(joined)
        prefixes = {c.text: c.terms[0] for group in parsed.groups for c in group.alternatives if c.kind == "prefix"}
        for i, word in enumerate(words):
            if word.startswith("-") or i and words[i - 1] == "NOT":
                continue  # excluded as typed: corrected, it could hide documents the user did not exclude
            core = word.strip('"-*()')
            bare = core.strip("?!.,;:")  # a question's last word is corrected without its question mark
            if bare in places:
                continue  # part of a place name ("IJssel" in "Capelle aan den IJssel"): one unit
            if bare in joined:
                continue  # two words joined: a word the documents have
            if word in prefixes and self._prefix_terms(state, prefixes[word]):
                continue  # a prefix that indexed words start with ("gest*": gesteld, gestart) is no typo
            better = (self._misspelled_place(state, bare, analysis.analyze_query(bare))
                      or self._corrected_word(state, bare))
            if better:
                words[i] = word.replace(bare, better)
                changed = True
        if not changed:
            return None
        return self._parse(state, " ".join(words))

    def _joined_words(self, state: _State, words: list[str], places: set[str]) -> tuple[list[str], set[str]]:
        """The words with each two that a document writes as one word joined, when the second is no word on its
        own ("voor schoolse educatie" -> voorschoolse educatie, "buiten schoolse opvang"): the stemmer makes
        "schoolse" school, so the query found every page about school and none about voorschoolse educatie.
        A second word that is a word ("voor school") is left apart: the two words are what was meant."""
        out, joined, i = [], set(), 0
        pairs = dict(analysis.joined_words(words, places))
        while i < len(words):
            word = pairs.get(i)
            if word and _in_corpus(state, analysis.analyze_query(word)[0]):
                out.append(word)
                joined.add(word)
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out, joined

    def _corrected_word(self, state: _State, word: str) -> str | None:
        """The closest common Dutch word for a word no document has; each part of a hyphenated word on
        its own ("icc-sertificaat" -> "icc-certificaat"); None when there is nothing to correct."""
        parts = word.split("-")
        if len(parts) > 1:
            fixed = [self._corrected_word(state, part) for part in parts]
            return "-".join(f or part for f, part in zip(fixed, parts)) if any(fixed) else None
        terms = analysis.analyze_query(word)
        if len(terms) != 1 or len(terms[0]) < 4 or not terms[0].isalpha():
            return None
        if self._is_place(word):
            return None
        # Only words the corpus does not contain at all: a rare word (a place, a project's name)
        # is what the user meant, not a typo of a frequent one ("Goudse" is not "goede"); unless it is
        # that word misspelled in a way the stemmer hides.
        if _in_corpus(state, terms[0]):
            return spelling.same_stem_word(analysis.fold(word))
        if self._compounds_with(state, word, terms[0]):
            return None  # a part of compounds the documents have (_in_whole_compounds): found as typed
        if any(all(_in_corpus(state, term) for term in relative) for relative in analysis.derived_terms(word)):
            return None  # a relative the documents have ("bezuinigt": bezuinigingen, query._derived): found as typed
        parts = analysis.compound_query_parts(word)
        links = self._same_parts(state, word, terms[0], parts) if parts else []
        if links:
            # The documents' compound of these parts with another link (_with_other_links): the corrector's word when
            # it is that compound ("cultuurseducatie": cultuureducatie, with its synonyms and the page's note), else
            # the word is found as typed through it ("dansenles" is no "danseres").
            closest = self._closest_word(state, analysis.fold(word))
            return closest if closest and set(analysis.analyze_query(closest)) & set(links) else None
        if spelling.is_word(analysis.fold(word)) or analysis.related_words(terms[0]):
            # Spelled right, only no document has it: no other word is what was meant. A word with related words of
            # the field is one too, whatever the word list says ("boetseren" is no "beteren", "versjes" no "versies").
            return None
        return self._closest_word(state, analysis.fold(word))

    def _closest_word(self, state: _State, word: str) -> str | None:
        """spelling.closest_word, remembered per reader: the relaxation and the "Bedoelde u" suggestion
        both ask, and the same typos come back."""
        return state.remembered(state.corrections, word, lambda: spelling.closest_word(
            word, lambda term: _documents(state, term), lambda terms: _documents_many(state, terms)))

    @cached_property
    def _place_names(self) -> spelling.NameCorrector:
        """The places of the taxonomy by every name a query may use: label, aliases and adjectives."""
        names: dict[str, str] = {}
        for term in self.taxonomy.terms("region"):
            for name in (term.label, *term.aliases):
                names.setdefault(name, term.id)
        for form, ids in self.taxonomy.place_forms.items():
            names.setdefault(form, " ".join(ids))
        return spelling.NameCorrector(names)

    @cached_property
    def _names_elsewhere(self) -> spelling.NameCorrector:
        """The municipalities and areas elsewhere that a query finds as places (_municipalities_elsewhere, _areas):
        "Enchede" -> "Enschede", "Twnete" -> "Twente", which no Dutch word list has. One edit only: some 350 names
        lie closer to everyday words than the taxonomy's do ("scholeren" is two edits from Someren, "middelbare"
        from Middelburg), and a typo of a word is more often meant than a town far away."""
        written = {name.lower(): name for name in self.taxonomy.places_of_municipalities}
        names = {written[municipality]: written[municipality] for municipality, *_ in self._municipalities_elsewhere}
        for area in self.taxonomy.place_areas:
            names.update((form, area.forms[0]) for form in area.forms)
        return spelling.NameCorrector(names, max_edits=1)

    def _misspelled_place_runs(self, state: _State, words: list[str]) -> tuple[list[str], bool]:
        """The words with each run of two to four that misspells a place of as many words replaced by
        it ("Kaag en Braasem" -> "Kaag en Braassem"); and whether one was."""
        out: list[str] = []
        changed = False
        i = 0
        while i < len(words):
            for length in range(min(4, len(words) - i), 1, -1):
                run = " ".join(words[i:i + length]).strip('"-*()?!.,;:')
                place = self._misspelled_place(state, run, analysis.analyze_query(run), phrase=True)
                # As many words, or the same letters with a space in another place ("voorne aanzee").
                if place and (len(place.split()) == length or _squashed(place) == _squashed(run)):
                    out.append(place)
                    changed = True
                    i += length
                    break
            else:
                out.append(words[i])
                i += 1
        return out, changed

    def _misspelled_place(self, state: _State, word: str, terms: list[str], phrase: bool = False) -> str | None:
        """A place name one edit off (two for long names), when the corpus lacks a term of the word (or
        has it in at most RARE_DOCUMENTS documents: "Cappelle"), it is in no word list, and it is no
        place already: "Nisewaard" -> "Nissewaard", "Pijnaker-Nootdorp" -> "Pijnacker-Nootdorp". With
        `phrase`, words of which no document has the run ("Hoekse Waard": hoek and waard are common words,
        "hoek waard" is in no text) count as lacking too."""
        if not terms or spelling.is_word(analysis.fold(word)):
            # A word, rare or missing here, is no misspelled place: "leider" is not Leiden, and "voorschot" (an
            # advance payment), "tweelingen" or "veranderen" that no page has are not Voorschoten, Teylingen or
            # Vlaanderen, one letter off.
            return None
        counts = [_documents(state, term) for term in terms]
        if min(counts) > RARE_DOCUMENTS and not (phrase and len(terms) > 1 and self._misspelled_run(state, word, terms)):
            return None
        # A listed name itself is no typo (closest says None); one that only contains a place
        # ("Leidschendam-Voorbrug" has "Leidschendam") is still corrected as a whole.
        return self._place_names.closest(word) or self._names_elsewhere.closest(word)

    def _misspelled_run(self, state: _State, run: str, terms: list[str]) -> bool:
        """Whether a run of words that the corpus has may be a place of as many words typed wrong: a name of
        its letter and length is listed, and no text has the words together. Asked for every run of every
        query, so the cheap test first (the phrase's documents and closest() cost a few ms a run)."""
        return self._place_names.may_name(run) and not self._clause_bits(state, Clause("phrase", tuple(terms), run))

    def _is_place(self, word: str) -> bool:
        return (self.taxonomy.resolve("region", word) is not None or normalise(word) in self.taxonomy.places
                or bool(self.taxonomy.find_in_text("region", word)))

    def _filter_drops(self, state: _State, query: _Query, params: SearchParams) -> list[FilterDrop]:
        """On an empty page, per selected value what the search without it lists ("Zonder regio ‘Papendrecht’: 11"):
        that search's own listing (_listing), not the empty page's."""
        drops = []
        for facet in ("type", "theme", "region", "discipline", "audience", "year"):
            for value in params.selected(facet):
                total = self._listing(state, query, params.toggle(facet, value)).listed.bit_count()
                drops.append(FilterDrop(facet, value, self._label(facet, value), total))
        return sorted(drops, key=lambda d: -d.total)

    def _label(self, facet: str, value: str) -> str:
        if facet == "year":
            return year_label(value)
        return self.taxonomy.label(facet, value)

    # -- bitsets for clauses ------------------------------------------------------------------------
    def _cached_bits(self, state: _State, key: tuple, compute: Callable[[], int]) -> int:
        with state.lock:
            bits = state.term_bits.get(key)
            if bits is not None:
                state.term_bits.move_to_end(key)
                return bits
        bits = compute()
        with state.lock:
            state.term_bits[key] = bits
            if len(state.term_bits) > TERM_CACHE_SIZE:
                state.term_bits.popitem(last=False)
        return bits

    def _term_bits(self, state: _State, field_name: str, term: str) -> int:
        return self._cached_bits(state, (field_name, term), lambda: bitsets.from_array(
            state.ranker.term(field_name, term).docs, state.ranker.size))

    def _phrase_bits(self, state: _State, field_name: str, terms: tuple[str, ...], near: bool = False) -> int:
        """Documents with the words next to each other in this field, in this order; `near`: within RELATED_WINDOW
        positions of one another, in any order (a related word of several words)."""
        def compute() -> int:
            bits = state.facet_index.live
            for term in terms:
                bits &= self._term_bits(state, field_name, term)
            if not bits or near and len(terms) == 1:
                return bits
            # Bitsets say which documents have all the words; the sidecars' positions say where.
            size = state.ranker.size
            candidates = bitsets.to_array(bits, size)
            if near:
                # Every word must stand in the stretch: none is exempt (as a long query's title words are).
                exempt = [np.zeros(len(candidates), dtype=bool)] * len(terms)
                found = state.ranker.arrays.near_docs(field_name, [[term] for term in terms], candidates,
                                                      RELATED_WINDOW, exempt)
            else:
                found = state.ranker.arrays.phrase_docs(field_name, terms, candidates)
            return bitsets.from_array(found, size)
        return self._cached_bits(state, ("near" if near else "phrase", field_name, *terms), compute)

    def _phrase_docs(self, state: _State, field_name: str, terms: tuple[str, ...], near: bool = False) -> np.ndarray:
        """_phrase_bits as docnums (ascending), remembered too: the documents a phrase or an adjacent pair
        scores, without an array over all documents per query."""
        def compute() -> np.ndarray:
            bits = self._phrase_bits(state, field_name, terms, near)
            return bitsets.to_array(bits, state.ranker.size) if bits else np.zeros(0, dtype=np.int64)
        return self._cached_bits(state, ("near docs" if near else "phrase docs", field_name, *terms), compute)

    def _any_field(self, state: _State, term: str) -> int:
        bits = 0
        for name in schema.TEXT_FIELDS:
            bits |= self._term_bits(state, name, term)
        return bits

    def _clause_bits(self, state: _State, clause: Clause) -> int:
        if clause.kind == "facet":
            return state.facet_index.value_bits(*clause.terms)
        if clause.kind == "prefix":
            return self._cached_bits(state, ("prefix", clause.terms[0]),
                                     lambda: self._prefix_bits(state, clause.terms[0]))
        if clause.kind in ("phrase", "related"):
            related = clause.kind == "related"
            bits = 0
            for name in schema.TEXT_FIELDS:
                bits |= self._phrase_bits(state, name, tuple(clause.terms), near=related)
            return bits & ~self._in_place_names(state, clause) if related else bits
        bits = state.facet_index.live
        for term in clause.terms:
            bits &= self._any_field(state, term)
        return bits

    def _group_bits_in(self, state: _State, group: Group, field_name: str) -> int:
        """Documents in which this one field matches the group (its words, phrase, parts or prefix)."""
        bits = 0
        for clause in group.alternatives:
            if clause.kind == "facet":
                continue
            if clause.kind == "phrase":
                bits |= self._phrase_bits(state, field_name, tuple(clause.terms))
            elif clause.kind == "related":
                bits |= self._phrase_bits(state, field_name, clause.terms, near=True) & \
                    ~self._in_place_names(state, clause)
            elif clause.kind == "prefix":
                for term in self._prefix_terms(state, clause.terms[0]):
                    bits |= self._term_bits(state, field_name, term)
            else:
                found = state.facet_index.live
                for term in clause.terms:
                    found &= self._term_bits(state, field_name, term)
                bits |= found
        return bits

    def _group_bits(self, state: _State, group: Group) -> int:
        bits = 0
        for clause in group.alternatives:
            bits |= self._clause_bits(state, clause)
        return bits

    def _prefix_bits(self, state: _State, prefix: str) -> int:
        """Documents with a word starting with the prefix in a text field: one set from all the words'
        postings (a set per word and field cost more than the rest of a cold prefix query)."""
        docs = [state.ranker.term(name, term).docs
                for term in self._prefix_terms(state, prefix) for name in schema.TEXT_FIELDS]
        return bitsets.from_array(np.concatenate(docs), state.ranker.size) if docs else 0

    def _prefix_terms(self, state: _State, prefix: str) -> list[str]:
        """Words in the index starting with the prefix, most frequent first, capped; remembered per
        reader (a query asks for its bits, its scores and its spelling)."""
        def compute() -> list[str]:
            arrays = state.ranker.arrays  # the sidecars' term tables: no Whoosh term reads
            words: dict[str, int] = {}
            for name in schema.TEXT_FIELDS:
                for word, frequency in sorted(arrays.prefixed(name, prefix).items()):
                    words[word] = words.get(word, 0) + frequency
                    if len(words) > 20 * MAX_PREFIX_TERMS:
                        break
            return sorted(words, key=lambda w: -words[w])[:MAX_PREFIX_TERMS]
        return state.remembered(state.prefixes, prefix, compute)

    # -- scores ------------------------------------------------------------------------------------
    def _scores(self, state: _State, parsed: ParsedQuery, within: np.ndarray | None = None,
                saturated: bool = False, classic: bool | None = None) -> np.ndarray:
        """BM25F of every document over all groups: each matching alternative of each group adds its
        score in each field (as an Or of the alternatives' per-field queries would in Whoosh). With
        `within` (a mask), only those documents are scored, to the same floats; the others stay 0.
        `saturated`: each content group's score saturates at GROUP_SATURATION times its idf. `classic`:
        BM25's own idf (default: from CLASSIC_IDF_FROM words)."""
        scores = state.ranker.zeros()
        classic = _classic_idf(parsed) if classic is None else classic
        within_docs = None if within is None else np.flatnonzero(within)
        quiet_verbs = len(parsed.content_groups) >= LONG_QUERY and _asked(parsed)
        for group in parsed.groups:
            if quiet_verbs and not group.filler and _light_verb(group):
                continue  # counted in the evidence only (LIGHT_VERBS)
            into = state.ranker.zeros() if group.filler or saturated else scores
            for clause in group.alternatives:
                if clause.kind == "parts":
                    self._add_parts_scores(state, group, clause, into, within, classic, within_docs)
                elif clause.kind != "related":
                    self._add_clause_scores(state, clause, into, within, classic, within_docs)
            self._add_related_scores(state, group, into, within, classic, within_docs)
            if group.filler:
                scores += FILLER_WEIGHT * into
            elif saturated:
                cap = GROUP_SATURATION * _idf(self._group_bits(state, group).bit_count(), state.ranker.size)
                scores += cap * into / (into + cap) if cap > 0 else into
        for pair in _adjacent_pairs(parsed):
            self._add_adjacent_scores(state, pair, scores, within, classic)
        return scores

    def _add_adjacent_scores(self, state: _State, pair: tuple[str, str], into: np.ndarray,
                             within: np.ndarray | None, classic: bool) -> None:
        """ADJACENT_WEIGHT more of the two words' BM25F in each field where a document has them next to
        each other, in the query's order (stop words aside, as in a phrase)."""
        # Only the documents with the pair in some field: their sum over the fields (in the fields' order,
        # as a phrase clause adds them), then added to `into` once, as a whole array of them was.
        found = [(docs, scores) for docs, scores in (self._phrase_scores(state, name, pair, within, classic)
                                                     for name in schema.TEXT_FIELDS) if len(docs)]
        if not found:
            return
        docs, adjacent = found[0]
        if len(found) > 1:
            # Not np.unique: its first call imports numpy.ma, 3 ms of a cold process's p95 at 100k.
            docs = sidecars.distinct(np.sort(np.concatenate([field_docs for field_docs, _ in found])))
            adjacent = np.zeros(len(docs), dtype=np.float64)
            for field_docs, field_scores in found:
                adjacent[np.searchsorted(docs, field_docs)] += field_scores
        into[docs] += ADJACENT_WEIGHT * adjacent

    def _phrase_scores(self, state: _State, field_name: str, terms: tuple[str, ...], within: np.ndarray | None,
                       classic: bool, near: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """The documents (of `within`, a mask) with the words next to each other in this field (`near`: as
        _phrase_bits), and the words' BM25F there, summed. They have every word: their scores are looked up, not
        intersected."""
        docs = self._phrase_docs(state, field_name, terms, near)
        if within is not None and len(docs):
            docs = docs[within[docs]]
        if not len(docs):
            return docs, np.zeros(0, dtype=np.float64)
        return docs, ranking.scores_at([state.ranker.term(field_name, term, classic_idf=classic) for term in terms],
                                       docs)

    def _add_parts_scores(self, state: _State, group: Group, clause: Clause, into: np.ndarray,
                          within: np.ndarray | None, classic: bool = False,
                          within_docs: np.ndarray | None = None) -> None:
        """A compound query word's parts: COMPOUND_PARTS_WEIGHT of their BM25F in every document that has
        them, raised to PARTS_WITH_WHOLE in those that also have the word itself (see PARTS_WITH_WHOLE)."""
        whole = 0
        for other in group.alternatives:
            if other.kind == "terms":
                whole |= self._clause_bits(state, other)
        weight: float | ranking.DocWeights = COMPOUND_PARTS_WEIGHT
        if whole:
            # One pass over the parts' common documents, each with its own weight.
            weight = ranking.DocWeights(bitsets.to_mask(whole, state.ranker.size), PARTS_WITH_WHOLE,
                                        COMPOUND_PARTS_WEIGHT)
        for name in schema.TEXT_FIELDS:
            terms = [state.ranker.term(name, term, classic_idf=classic) for term in clause.terms]
            ranking.add_all(into, terms, weight, within, within_docs)

    def _add_related_scores(self, state: _State, group: Group, into: np.ndarray, within: np.ndarray | None,
                            classic: bool, within_docs: np.ndarray | None) -> None:
        """The group's related words of the field: RELATED_WEIGHT of the best one's BM25F in each document, not their
        sum, so that a page that lists many of them (every religion) does not outweigh the page about one."""
        related = [clause for clause in group.alternatives if clause.kind == "related"]
        if not related:
            return
        best = state.ranker.zeros()
        for clause in related:
            one = state.ranker.zeros()
            self._add_clause_scores(state, clause, one, within, classic, within_docs)
            named = self._in_place_names(state, clause)
            if named:
                one[bitsets.to_mask(named, state.ranker.size)] = 0.0
            np.maximum(best, one, out=best)
        into += RELATED_WEIGHT * best

    def _add_clause_scores(self, state: _State, clause: Clause, into: np.ndarray,
                           within: np.ndarray | None = None, classic: bool = False,
                           within_docs: np.ndarray | None = None) -> None:
        ranker = state.ranker
        scored = partial(ranker.term, classic_idf=classic)
        if clause.kind == "facet":
            # A document filed under the value the query names: a flat bonus, like a keyword match.
            if clause.terms[0] in UNBOOSTED_FACETS:
                return
            bits = state.facet_index.value_bits(*clause.terms)
            boost = FACET_BOOST
            if clause.terms[0] == "region":
                # A place weighs as much as its rarity says: a municipality more than the province.
                boost = PLACE_BOOST * _idf(bits.bit_count(), ranker.size)
            into += boost * bitsets.to_mask(bits, ranker.size)
            return
        for name in schema.TEXT_FIELDS:
            if clause.kind == "prefix":
                for term in self._prefix_terms(state, clause.terms[0]):
                    ranking.add_all(into, [scored(name, term)], within=within, within_docs=within_docs)
            elif clause.kind == "phrase":
                docs, scores = self._phrase_scores(state, name, tuple(clause.terms), within, classic)
                into[docs] += WIDER_PLACE_WEIGHT * scores if clause.wider else scores
            elif clause.kind == "related" and len(clause.terms) > 1:
                docs, scores = self._phrase_scores(state, name, clause.terms, within, classic, near=True)
                into[docs] += scores
            else:
                weight = {"variant": HEAD_VARIANT_WEIGHT, "compound": COMPOUND_PARTS_WEIGHT}.get(clause.kind, 1.0)
                if clause.kind == "derived":
                    weight = DERIVED_WEIGHT * (COMPOUND_PARTS_WEIGHT if len(clause.terms) > 1 else 1.0)
                weight *= WIDER_PLACE_WEIGHT if clause.wider else 1.0
                ranking.add_all(into, [scored(name, term) for term in clause.terms], weight, within=within,
                                within_docs=within_docs)

    # -- one page of hits -----------------------------------------------------------------------------
    def _page(self, state: _State, listing: _Listing, params: SearchParams,
              stored: postings.StoredFields) -> list[Hit]:
        """One page of the listing: by date, or by relevance, each of its segments (_Listing.segments) ranked by its
        own query and plan after those before it."""
        listed = listing.listed
        start = (params.page - 1) * params.per_page
        end = start + params.per_page
        if listed == 0 or start >= listed.bit_count():
            return []
        segments = listing.segments()
        if listing.parsed.is_empty or params.sort != "relevance":
            docnums = self._by_date(state, listed, start, end, oldest=params.sort == "oldest")
            scores = {}
        else:
            docnums, scores = [], {}
            for parsed, plan, own in segments:
                if own and len(docnums) < end:
                    found, found_scores = self._by_relevance(state, parsed, plan, own, end - len(docnums), stored)
                    docnums += found
                    scores |= found_scores
            docnums = docnums[start:end]
        marks = _Marks()
        for parsed, _, _ in segments:
            marks |= self._highlight_terms(parsed)
        marks = self._on_page(state, docnums, marks)
        return [self._hit(stored[n], marks, scores.get(n)) for n in docnums]

    def _on_page(self, state: _State, docnums: list[int], marks: _Marks) -> _Marks:
        """The terms and phrases to mark that a document of the page has: an area's query ("Twentse") searches some
        seventy names of its towns and villages, and looking for each in ten texts took three times the search."""
        page = sum(1 << n for n in docnums)

        def on_page(term: str) -> bool:
            return bool(self._any_field(state, term) & page)
        return _Marks({t for t in marks.terms if on_page(t)}, {p for p in marks.phrases if all(map(on_page, p))},
                      {p for p in marks.near if all(map(on_page, p))})

    def _similar(self, state: _State, listing: _Listing, params: SearchParams, hits: list[Hit],
                 stored: postings.StoredFields) -> list[Hit]:
        """Pages like the first results, for the empty places of a first page ranked by relevance (SIMILAR_FROM):
        by the words that tell those results apart, without the query's own words, under the page's filters and
        never a document the listing has."""
        wanted = min(params.per_page, PAGE_TO_FILL) - len(hits)
        allowed = listing.filters & ~listing.listed
        if wanted <= 0 or not hits or not allowed or params.page != 1 or params.sort != "relevance" \
                or listing.parsed.is_empty:
            return []
        searcher = state.searcher
        first = [searcher.document_number(**{schema.ID_FIELD: hit.id}) for hit in hits[:SIMILAR_FROM]]
        own = {term for group in listing.parsed.groups for clause in group.alternatives for term in clause.terms}
        scores = state.ranker.zeros()
        for term in self._telling_terms(state, [stored[n] for n in first], own):
            ranking.add_all(scores, [state.ranker.term(schema.BODY_FIELD, term, keep=False)])
        candidates = bitsets.to_array(allowed, state.ranker.size)
        candidates = candidates[scores[candidates] > 0]
        return [replace(self._hit(stored[n], _Marks(), None), similar=True)
                for n, _ in ranking.top(scores, candidates, wanted)]

    @staticmethod
    def _telling_terms(state: _State, documents: list[dict], own: set[str]) -> list[str]:
        """The SIMILAR_TERMS index terms of the documents' bodies that tell them apart from the collection, as
        Whoosh's key_terms weighs them (Bo1), with a term's document frequency for its frequency in the collection:
        Whoosh's own lookups, one per term and segment, took 25 ms for three documents of 10,000."""
        weights: Counter = Counter()
        for document in documents:
            lead = schema.stored_view(document)["body"][:SIMILAR_TEXT]
            for term, (_, weight) in analysis.index_postings(lead).items():
                if term not in own:
                    weights[term] += weight
        if not weights:
            return []
        terms = list(weights)
        share = np.maximum(state.ranker.arrays.doc_frequencies(schema.BODY_FIELD, terms), 1) / state.ranker.size
        bo1 = np.fromiter(weights.values(), dtype=np.float64) * np.log2((1 + share) / share) + np.log2(1 + share)
        return [terms[i] for i in np.argsort(-bo1, kind="stable")[:SIMILAR_TERMS]]

    def _by_date(self, state: _State, listed: int, start: int, end: int, oldest: bool) -> list[int]:
        members = bitsets.Membership(listed)
        seen, page = 0, []
        for docnum in state.facet_index.by_date(oldest):
            if docnum in members:
                if seen >= start:
                    page.append(docnum)
                    if len(page) == end - start:
                        break
                seen += 1
        return page

    def _by_relevance(self, state: _State, parsed: ParsedQuery, plan: Plan, listed: int, needed: int,
                      stored: postings.StoredFields) -> tuple[list[int], dict[int, float]]:
        """_ranked, with documents whose title is the one typed (function words and all) moved to the
        front of the first TYPED_TITLE_CANDIDATES."""
        typed = typed_title_words(parsed.text)
        if typed is None:
            return self._whole_title_first(state, parsed, plan, listed, needed, stored)
        docnums, scores = self._ranked(state, parsed, plan, listed, max(needed, TYPED_TITLE_CANDIDATES))
        head = docnums[:TYPED_TITLE_CANDIDATES]
        weights = _place_unit_weights(parsed)
        # The title field as stored holds the site's name too (schema.title_text), as the page's own title
        # bar did: "Capelle hoort te bruisen! - D66 Capelle aan den IJssel". Compared with the shown title
        # alone, the tuning half's place queries drop 0.941 -> 0.919 (docs/performance.md, session 4).
        shares = {n: typed_title_share(typed, stored[n].get(schema.TITLE_FIELD, ""), weights) for n in head}
        # Of titles that hold the typed words alike, the one whose own title (not its site's name) holds more of
        # them comes first: "Interview met schooldirecteur Linda Kuijt | Méér Muziek in de Klas" holds "met méér
        # muziek in de klas" by its site's name, "Doe mee met Méér Muziek in de Klas!" by itself. Not for a query
        # that names a place: a place's own site ("... - Gemeente Capelle aan den IJssel") is about that place.
        first = [n for n in head if shares[n] >= TYPED_TITLE_SHARE - 1e-9]
        own = {} if any(_places(g) for g in parsed.groups) else \
            {n: typed_title_share(typed, schema.stored_view(stored[n])["title"]) for n in first}
        first.sort(key=lambda n: (-shares[n], -own.get(n, 0.0), _shown_title_words(stored[n])))
        # Then the titles typed whole in another order ("doen Erfgoed" for "Erfgoed doen"), the shorter first.
        reordered = sorted((n for n in head if shares[n] < TYPED_TITLE_SHARE - 1e-9
                            and reordered_title(typed, schema.stored_view(stored[n])["title"])),
                           key=lambda n: _shown_title_words(stored[n]))
        return _to_front(docnums, first + reordered)[:needed], scores

    def _whole_title_first(self, state: _State, parsed: ParsedQuery, plan: Plan, listed: int, needed: int,
                           stored: postings.StoredFields) -> tuple[list[int], dict[int, float]]:
        """_ranked, with the documents whose shown title the query types whole or nearly (all its words are
        the title's, function words aside, in order or not, and make NEAR_TITLE_SHARE of it) moved to the
        front of the first TYPED_TITLE_CANDIDATES."""
        whole = whole_title_words(parsed.text)
        titled = (plan.title_first or self._one_group_in_titles(state, parsed)) & listed if whole else 0
        if not titled:
            return self._ranked(state, parsed, plan, listed, needed)
        docnums, scores = self._ranked(state, parsed, plan, listed, max(needed, TYPED_TITLE_CANDIDATES))
        candidates = bitsets.Membership(titled)
        order: dict[int, tuple[float, bool]] = {}  # the most of its title typed first, in the typed order first
        for n in docnums[:TYPED_TITLE_CANDIDATES]:
            if n in candidates:
                parts = self._title_parts(state, stored, n)
                share = max((title_share(whole, part) for part in parts if part), default=0.0)
                if share >= NEAR_TITLE_SHARE - 1e-9:
                    order[n] = (-share, whole not in parts)
        return _to_front(docnums, sorted(order, key=order.__getitem__))[:needed], scores

    def _one_group_in_titles(self, state: _State, parsed: ParsedQuery) -> int:
        """The documents with the query in their title when it is one content group of several words (a name:
        "Cultuureducatie Kwaliteit", "Hoeksche Waard"), which has no title cover (_add_title_cover weighs
        groups against each other): the candidates of the whole-title rule then."""
        content = parsed.content_groups
        if len(content) != 1:
            return 0
        return self._group_bits_in(state, parsed.groups[content[0]], schema.TITLE_FIELD)

    def _title_parts(self, state: _State, stored: postings.StoredFields, docnum: int) -> list[list[str] | None]:
        """_title_parts_words of the document's shown title, remembered per reader (a document number names
        the same document for as long as its reader is open): the whole-title rule reads up to
        TYPED_TITLE_CANDIDATES stored documents per query, and the same ones come back. Kept with the
        separators they were split by, so that another TITLE_SEPARATORS (as a test sets) is not answered
        from what the old one split."""
        return state.remembered(state.title_parts, (docnum, TITLE_SEPARATORS),
                                lambda: _title_parts_words(schema.stored_view(stored[docnum])["title"]), TITLES_KEPT)

    def _ranked(self, state: _State, parsed: ParsedQuery, plan: Plan, listed: int,
                needed: int) -> tuple[list[int], dict[int, float]]:
        """Short queries: tiers by the number of content groups matched (all words first), BM25F within
        a tier. Long queries: documents with every content word, together (_together_first) and not weakly
        (_weak_first_down), first, then the others; within each, BM25F times the share of the query's weight
        matched. Either way a document whose title covers the query (Plan.title_first) is ranked with those that have
        every word. Only the documents of the tiers that fill the page are scored."""
        size = state.ranker.size
        tiers = self._tiers(state, parsed, plan, listed)
        reached, count = 0, 0
        for tier in tiers:
            reached |= tier
            count += tier.bit_count()
            if count >= needed:
                break
        first = plan.title_first & listed
        saturated = _keywords_only(parsed) and not first
        within = bitsets.to_mask(reached, size) if count * SCORED_SHARE < size else None
        scores = self._scores(state, parsed, within, saturated)
        if plan.evidence is not None:
            weight = plan.evidence.astype(np.float64) ** COORDINATION
            scores *= weight
            nearness = self._nearness(state, parsed, plan)
            tiers = self._together_first(state, parsed, tiers, first, scores, needed, nearness)
            weak_below = WEAK_FIRST_QUESTION if parsed.is_question else WEAK_FIRST
            tiers = _weak_first_down(state, tiers, first, scores, weak_below)
            if tiers[0].bit_count() < needed and within is not None and \
                    not within[bitsets.to_array(tiers[1], size)].all():
                # Pages moved down fill the page with others that were not scored yet: score them all.
                within = None
                scores = self._scores(state, parsed, None, saturated) * weight
                nearness.again(scores)
            _best_near(state, nearness, tiers[1], scores, needed - tiers[0].bit_count())
        # A short query's documents without every word (the tiers below the first) are ranked with BM25's own idf
        # (as long queries are, CLASSIC_IDF_FROM): there the question is which word a document has, and Whoosh's idf
        # (1 + log) weighs a rare, telling word little more than a common one: "naschoolse muziekles", which no page
        # has whole, listed pages with "muziekles" before the one page with "naschoolse". The first tier keeps
        # Whoosh's idf, as tuned. On the tuning sets (docs/performance.md, "Partial matches by BM25's idf", session
        # 13): tune8 0.949 -> 0.958, tune6 "penvoerderschap cmk" 0.699 -> 0.910; 17 queries up, 16 down (most by
        # under 0.02), summed +0.75 over 1,310 query runs; the held-out half unchanged, kind by kind.
        partial_scores = None
        ranked: list[tuple[int, float]] = []
        for n, tier in enumerate(tiers):
            if tier:
                tier_scores = scores
                if n and plan.evidence is None:
                    if partial_scores is None:
                        partial_scores = self._scores(state, parsed, within, saturated, classic=True)
                        if _partial_by_weight(parsed):
                            share = self._query_weight_share(state, parsed)
                            partial_scores *= share ** COMPOUND_SHARE_POWER if parsed.compound_apart else share
                    tier_scores = partial_scores
                ranked += ranking.top(tier_scores, bitsets.to_array(tier, size), needed - len(ranked))
            if len(ranked) >= needed:
                break
        docnums = [docnum for docnum, _ in ranked]
        if plan.fill is not None and len(docnums) < needed:
            rest = listed & ~bitsets.from_array(np.array(docnums, dtype=np.int64), size)
            more, more_scores = self._ranked(state, plan.fill.query, plan.fill.plan, rest, needed - len(docnums))
            return docnums + more, dict(ranked) | more_scores
        return docnums, dict(ranked)

    def _query_weight_share(self, state: _State, parsed: ParsedQuery) -> np.ndarray:
        """Per document, the share of the query's content weight (each group its idf) that it matches."""
        group_bits = [self._group_bits(state, parsed.groups[i]) for i in parsed.content_groups]
        return _weight_share(group_bits, _idf_weights(group_bits, state.ranker.size), state.ranker.size)

    def _tiers(self, state: _State, parsed: ParsedQuery, plan: Plan, listed: int) -> list[int]:
        """The listed documents in the order of their tiers (bitsets, best first; see _ranked)."""
        first = plan.title_first & listed
        if plan.evidence is not None:
            # Documents with every content word still come first, as for short queries (a title someone
            # half remembers); the weight orders the rest.
            top = listed & (self._every_word(state, parsed, plan, listed) | first)
            return [top, listed & ~top]
        group_bits = [self._group_bits(state, parsed.groups[i]) for i in parsed.content_groups]
        n = len(group_bits)
        levels = _at_least(group_bits, listed)
        top = levels[n]
        if n > 1:
            for i in parsed.content_groups:
                if any(clause.kind == "parts" for clause in parsed.groups[i].alternatives):
                    top &= self._parts_together(state, parsed.groups[i], top)
        tiers = [top | first]
        if _partial_by_weight(parsed):  # the rest as one, by weight (PARTIAL_BY_WEIGHT_FROM)
            return [tiers[0], listed & ~tiers[0]]
        lower = [levels[matched] & ~levels[matched + 1] & ~first
                 for matched in range(n - 1, max(plan.min_groups, 1) - 1, -1)] or [0]
        lower[0] |= levels[n] & ~tiers[0]  # every word, but a compound's parts apart: one tier down
        place_only = listed & _place_docs(parsed, group_bits) & ~levels[max(plan.min_groups, 1)] & ~first
        return tiers + lower + ([place_only] if place_only else [])  # listed by _plan for the place alone

    def _parts_together(self, state: _State, group: Group, among: int) -> int:
        """Of `among`, the documents that match the group with its parts together: its word (or another
        alternative), or a compound's parts within PARTS_WINDOW positions of one another in the text, a part that
        the title or summary has needing no place there (PARTS_WINDOW)."""
        size = state.ranker.size
        kept = 0
        for clause in group.alternatives:
            if clause.kind != "parts":
                kept |= self._clause_bits(state, clause) & among
        for clause in group.alternatives:
            apart = self._clause_bits(state, clause) & among & ~kept if clause.kind == "parts" else 0
            if apart:
                docs = bitsets.to_array(apart, size)
                elsewhere = [bitsets.to_mask(self._term_bits(state, schema.TITLE_FIELD, term)
                                             | self._term_bits(state, schema.SUMMARY_FIELD, term), size)[docs]
                             for term in clause.terms]
                kept |= bitsets.from_array(state.ranker.arrays.near_docs(
                    schema.BODY_FIELD, [[term] for term in clause.terms], docs, PARTS_WINDOW, elsewhere), size)
        return kept

    def _together_first(self, state: _State, parsed: ParsedQuery, tiers: list[int], first: int, scores: np.ndarray,
                        needed: int, nearness: _Nearness) -> list[int]:
        """A long query's tiers ([every word or title, the rest]) with the every-word pages whose text does not have
        the words together (_words_together) moved down to the rest, and the pages looked at scored by nearness
        (_Nearness). Positions cost per page, so the pages are looked at best first, in chunks, until the top tier's
        first `needed` are certain: the pages not looked at score no higher than those (nearness only lowers a
        score), so they cannot reach this page from either tier, and go with the rest."""
        top, rest = tiers
        size = state.ranker.size
        titled = bitsets.to_array(top & first, size)
        nearness.rescore(state, titled, scores)
        kept = top & first

        def look(docs: np.ndarray) -> np.ndarray:
            nonlocal kept
            nearness.rescore(state, docs, scores)
            together = _words_together(state, nearness.words, docs)
            kept |= bitsets.from_array(together, size)
            return together

        _best_first(bitsets.to_array(top & ~first, size), scores, scores[titled], needed, look)
        return [kept, rest | (top & ~kept)]

    def _nearness(self, state: _State, parsed: ParsedQuery, plan: Plan) -> _Nearness:
        """A long query's words as pages must have them together (_words_to_place), each group with its share of the
        query's weight, as the plan's evidence counts it (_weighted_plan)."""
        universe = state.facet_index.live & ~plan.excluded
        group_bits = [self._group_bits(state, parsed.groups[i]) & universe for i in parsed.content_groups]
        weights = _idf_weights(group_bits, state.ranker.size)
        total = sum(weights) or 1.0
        return _Nearness(self._words_to_place(state, parsed, group_bits), [weight / total for weight in weights],
                         plan.evidence)

    def _words_to_place(self, state: _State, parsed: ParsedQuery,
                        group_bits: list[int]) -> list[tuple[list[str], np.ndarray]]:
        """A long query's words that a page's text must have together (_words_together): per content group, its
        terms, and the pages (a mask) that need not place it, as their title or summary has it, or their facets (a
        place they are filed under). A light verb (LIGHT_VERBS) needs no place in any page: no terms, and every
        page with it."""
        words = []
        for i, bits in zip(parsed.content_groups, group_bits):
            group = parsed.groups[i]
            if _light_verb(group):
                words.append(([], bitsets.to_mask(bits, state.ranker.size)))
                continue
            elsewhere = self._group_bits_in(state, group, schema.TITLE_FIELD) | \
                self._group_bits_in(state, group, schema.SUMMARY_FIELD)
            for clause in group.alternatives:
                if clause.kind == "facet":
                    elsewhere |= self._clause_bits(state, clause)
            words.append(([c.terms[0] for c in group.alternatives if c.kind in ("terms", "phrase")],
                          bitsets.to_mask(elsewhere, state.ranker.size)))
        return words

    def _every_word(self, state: _State, parsed: ParsedQuery, plan: Plan, listed: int) -> int:
        """A long query's documents with every content word, a light verb (LIGHT_VERBS) aside; in a question, each
        word as typed where its synonyms widen it (_as_typed)."""
        needed = [i for i in parsed.content_groups if not _light_verb(parsed.groups[i])]
        if not needed or (len(needed) == len(parsed.content_groups) and not parsed.is_question):
            return bitsets.from_array(np.flatnonzero(plan.evidence >= 1.0 - 1e-6), state.ranker.size)
        every = listed
        for i in needed:
            group = parsed.groups[i]
            every &= self._as_typed(state, group, listed) if parsed.is_question else self._group_bits(state, group)
        return every

    def _as_typed(self, state: _State, group: Group, listed: int) -> int:
        """The listed documents with the group's word as typed (or a form of it: its parts, a variant), not only a
        synonym of it, when the synonyms widen it: when fewer than TYPED_SHARE of the listed documents with the group
        have the word typed. Else all of the group's documents."""
        bits = typed = 0
        for clause in group.alternatives:  # each clause's documents read once, for both
            clause_bits = self._clause_bits(state, clause)
            bits |= clause_bits
            if clause.kind != "facet" and not clause.synonym:
                typed |= clause_bits
        bits &= listed
        typed &= listed
        return typed if typed and typed.bit_count() < TYPED_SHARE * bits.bit_count() else bits

    def _own_bits(self, state: _State, group: Group) -> int:
        """Documents that match the group by its own words, not only by a related word of the field."""
        bits = 0
        for clause in group.alternatives:
            if clause.kind != "related":
                bits |= self._clause_bits(state, clause)
        return bits

    def _with_own_words(self, state: _State, parsed: ParsedQuery, bits: int) -> int:
        """Of `bits`, the documents that match each group with related words by its own words too."""
        for group in parsed.groups:
            if any(clause.kind == "related" for clause in group.alternatives):
                bits &= self._own_bits(state, group)
        return bits

    def _related_found(self, state: _State, listing: _Listing) -> list[str]:
        """The related words of the field (as the list writes them) through which listed documents without the
        query's own word were found, at most MAX_RELATED_SHOWN: what the page says it also searched for."""
        found: list[str] = []
        for group in listing.parsed.groups:
            related = [clause for clause in group.alternatives if clause.kind == "related"]
            if related:
                without = listing.listed & ~self._own_bits(state, group)
                found += [clause.text for clause in related if without and self._clause_bits(state, clause) & without]
        return list(dict.fromkeys(found))[:MAX_RELATED_SHOWN]

    def _highlight_terms(self, parsed: ParsedQuery) -> _Marks:
        """The terms a snippet marks wherever they stand, the phrases it marks only where they stand, and the
        related words of several words it marks only where their words stand near one another, as the search
        found them (RELATED_WINDOW): "groep 1 en 2" for kleuters does not mark every "groep" of a page, and
        "geschiedenis die heel lokaal is" is marked for heemkunde ("lokale geschiedenis")."""
        marks = _Marks()
        for group in parsed.groups:
            for clause in group.alternatives:
                if clause.kind == "phrase" and len(clause.terms) > 1:
                    marks.phrases.add(clause.terms)
                elif clause.kind == "related" and len(clause.terms) > 1:
                    marks.near.add(clause.terms)
                elif clause.kind in ("terms", "phrase", "parts", "variant", "derived", "related", "compound"):
                    marks.terms.update(clause.terms)
        return marks

    def _hit(self, stored: dict, marks: _Marks, score: float | None) -> Hit:
        view = schema.stored_view(stored)
        type_term = self.taxonomy.get("type", view["type"])
        return Hit(
            id=view["id"],
            type=view["type"],
            type_label=type_term.label if type_term else view["type"],
            title=view["title"],
            date=view["date"],
            summary=view["summary"],
            snippet=highlight.snippet(view["body"], marks.terms, title=view["title"], phrases=marks.phrases,
                                      near=marks.near, near_window=RELATED_WINDOW),
            themes=[Value(t, self.taxonomy.label("theme", t)) for t in view["themes"]],
            regions=[Value(r, self.taxonomy.label("region", r)) for r in view["regions"]],
            source_url=view["source_url"],
            score=round(score, 4) if score is not None else None,
        )

    def listing(self) -> list[tuple[str, str]]:
        """(id, ISO date or "") of every live document, newest first: what a sitemap lists."""
        state = self.state()
        reader = state.searcher.reader()
        listed = []
        for docnum in state.facet_index.by_date(oldest=False):  # undated documents last
            view = schema.stored_view(reader.stored_fields(docnum))
            listed.append((view["id"], view["date"] or ""))
        return listed

    def awaiting_review(self) -> list[tuple[str, str]]:
        """(id, corpus path) of every live document whose front matter lists suggestions for an editor,
        as the index holds it (schema.SUGGESTED_FIELD): the files review.PendingList reads. A segment's
        marked documents are read once (a segment never changes but for deletions, applied here each
        time): after a save only the new segment's (at 100,000 documents with 1,000 marked, reading them
        all again took 21 ms)."""
        state = self.state()
        reader = state.searcher.reader()
        live = state.ranker.arrays.live_mask
        stored = postings.StoredFields(reader)
        known, kept, listed = self._marked, {}, []
        for segment, offset in reader.leaf_readers():
            if not hasattr(segment, "segment") or not segment.doc_count_all():
                continue  # an empty index's reader
            segment_id = segment.segment().segment_id()
            marked = known.get(segment_id)
            if marked is None:
                try:
                    docs, _ = postings.segment_postings(segment, schema.SUGGESTED_FIELD, schema.SUGGESTED)
                except TermNotFound:
                    docs = ()
                marked = [(int(docnum), stored[offset + int(docnum)]) for docnum in docs]
                marked = [(docnum, view["id"], view["path"]) for docnum, view in marked]
            kept[segment_id] = marked
            listed.extend((doc_id, path) for docnum, doc_id, path in marked if live[offset + docnum])
        self._marked = kept
        return listed

    # -- single documents -------------------------------------------------------------------------
    def stored(self, doc_id: str) -> dict:
        """The stored fields of one document (see schema.stored_view); NotFound if absent."""
        state = self.state()
        docnum = state.searcher.document_number(**{schema.ID_FIELD: doc_id})
        if docnum is None:
            raise NotFound(f"Document '{doc_id}' bestaat niet (meer).")
        return schema.stored_view(state.searcher.stored_fields(docnum))

    def more_like(self, doc_id: str, limit: int = 5) -> list[Hit]:
        """Similar documents by the document's key terms ("Vergelijkbare documenten")."""
        state = self.state()
        docnum = state.searcher.document_number(**{schema.ID_FIELD: doc_id})
        if docnum is None:
            return []
        stored = state.searcher.stored_fields(docnum)
        results = state.searcher.more_like(docnum, "body", text=stored.get("body", ""), top=limit, numterms=12)
        return [self._hit(hit.fields(), _Marks(), hit.score) for hit in results]


def _typed_key(word: str) -> str:
    """A typed word as a title word is compared with it: its stem, or a stop word folded as written."""
    terms = analysis.query_word_terms(word)
    return terms[0] if terms else analysis.fold(word)


def _shown_title_words(stored: dict) -> int:
    """How many words the title a page shows has (without its site's name): of two titles that hold the
    typed words alike, the shorter is the closer match."""
    return len(analysis.tokenize(schema.stored_view(stored)["title"]))


def typed_title_words(query: str) -> list[str] | None:
    """The query's words as comparison keys when it reads like a remembered title: at least
    TYPED_TITLE_MIN_WORDS words of which at least TYPED_TITLE_MIN_STOP are function (stop) words;
    otherwise None."""
    words = analysis.tokenize(query)
    if len(words) < TYPED_TITLE_MIN_WORDS:
        return None
    if sum(analysis.word_terms(w) is None for w in words) < TYPED_TITLE_MIN_STOP:
        return None
    return [_typed_key(w) for w in words]


def _to_front(docnums: list[int], first: list[int]) -> list[int]:
    """`first`, in its order, then the other documents in theirs."""
    chosen = set(first)
    return first + [n for n in docnums if n not in chosen]


def whole_title_words(text: str) -> list[str] | None:
    """The content words of a query or title as comparison keys (stems), in order; None for fewer than
    two."""
    keys = [terms[0] for terms in map(analysis.query_word_terms, analysis.tokenize(text)) if terms]
    return keys if len(keys) >= 2 else None


def title_share(query: list[str], title: list[str]) -> float:
    """The share of the title's words (whole_title_words) that the query's are, when every query word is one
    of the title's (as often as typed); 0 when one is not."""
    if len(query) > len(title) or not set(query).issubset(title):
        return 0.0  # most titles read: a query word not in the title (no Counter made)
    if len(set(query)) < len(query) and Counter(query) - Counter(title):
        return 0.0  # a word typed twice must be in the title twice
    return len(query) / len(title)


def _title_parts_words(title: str) -> list[list[str] | None]:
    """whole_title_words of a shown title and of each part of it between separators ("Cultuurmenu VO |
    Cultuurmenu Den Haag", "Kerndoelen - Leerplankader kunstzinnige oriëntatie", "Adviesraad: cultuur op
    school ...")."""
    parts = TITLE_SEPARATORS.split(title)
    return [whole_title_words(title)] + ([whole_title_words(part) for part in parts] if len(parts) > 1 else [])


def typed_title_share(typed: list[str], title: str, weights: list[float] | None = None) -> float:
    """The share of the typed words that the title holds in the same order (their longest common
    subsequence), each word compared by _typed_key; `weights` (one per typed word, as typed_title_words reads the
    query; else 1 each) say how much each counts (_place_unit_weights)."""
    if not typed:
        return 0.0
    weights = weights or [1.0] * len(typed)
    keys = [_typed_key(w) for w in analysis.tokenize(title)]
    previous = [0.0] * (len(keys) + 1)
    for word, weight in zip(typed, weights):
        row = [0.0]
        for j, key in enumerate(keys):
            row.append(previous[j] + weight if word == key else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1] / sum(weights)


def _place_unit_weights(parsed: ParsedQuery) -> list[float] | None:
    """Per typed word (analysis.tokenize of the query), how much it counts in a typed title: a place name of
    several words counts as one word ("alphen aan den rijn kinderburgemeester" is two things, a place and a topic),
    each of its words 1/n; None when the query names no such place. A report whose title ends "in Alphen aan den
    Rijn" held four of the five words typed and came before the pages about the Alphen kinderburgemeester."""
    words = [analysis.fold(w) for w in analysis.tokenize(parsed.text)]
    weights = [1.0] * len(words)
    found = False
    for group in parsed.groups:
        name = [analysis.fold(w) for w in analysis.tokenize(group.text)]
        if len(name) < 2 or not _places(group):
            continue
        for start in range(len(words) - len(name) + 1):
            if words[start:start + len(name)] == name:
                weights[start:start + len(name)] = [1.0 / len(name)] * len(name)
                found = True
                break
    return weights if found else None


def reordered_title(typed: list[str], title: str) -> bool:
    """Whether the typed words (typed_title_words) are the shown title's, or a part's of it between
    TITLE_SEPARATORS, in any order: every one of them in it (as often as typed), and together NEAR_TITLE_SHARE
    of its words or more."""
    parts = TITLE_SEPARATORS.split(title)
    for part in [title] + (parts if len(parts) > 1 else []):  # a title without separators is read once
        keys = [_typed_key(w) for w in analysis.tokenize(part)]
        if len(keys) >= len(typed) >= NEAR_TITLE_SHARE * len(keys) - 1e-9 and not Counter(typed) - Counter(keys):
            return True
    return False


def _correct(parsed: ParsedQuery, plan: Plan, corrected: ParsedQuery | None, corrected_plan: Plan | None,
             filters: int, found_nowhere: Callable[[ParsedQuery, int], list[str]]
             ) -> tuple[ParsedQuery, Plan, Relaxation | None]:
    """The spelling-corrected query (words no document has, corrected) replaces the query when
    documents have all its words, also when the query as typed found some: a word no document has
    added nothing to them ("Massluis" in a long question; "erfgoet OR films"). The page says so, and
    which of its words still found nothing (`found_nowhere`: SearchEngine._found_nowhere)."""
    if corrected is None:
        return parsed, plan, None
    if corrected_plan.complete & filters:
        if plan.complete & filters:
            message = f"Resultaten voor ‘{corrected.text}’; u zocht op ‘{parsed.text}’."
        else:
            message = f"Geen resultaten voor ‘{parsed.text}’; wel voor ‘{corrected.text}’."
        return corrected, corrected_plan, Relaxation("corrected", parsed.text, corrected.text, message)
    if plan.complete & filters or not corrected_plan.matched & filters:
        return parsed, plan, None
    # Neither has all the words: the corrected words' partial matches ("Wesland" is no word of the
    # corpus; "Westland" is, in some of the documents with the other words).
    # A word that is no word and has no correction ("xyzzy") is said to have found nothing, not offered as found.
    message = _partial_message(parsed.text, found_nowhere(corrected, filters), corrected.words(), corrected.text)
    return corrected, corrected_plan, Relaxation("corrected", parsed.text, " OR ".join(corrected.words()), message,
                                                 corrected.text)


def _phrase_relaxation(typed: str, unquoted: str, phrases: list[str], then: Relaxation | None) -> Relaxation:
    """What the page says when a quoted phrase was searched as its words (SearchEngine.search); `then`: what was
    done to the query without quotes (a word dropped or corrected), said after it."""
    named = f"de woordgroep {phrases[0]}" if len(phrases) == 1 else \
        f"de woordgroepen {', '.join(phrases[:-1])} en {phrases[-1]}"
    if then is None:
        return Relaxation("phrase", typed, unquoted, f"Geen resultaten voor {named}; wel met de woorden ervan los van "
                                                     "elkaar.")
    return Relaxation("phrase", typed, then.used, f"Niets gevonden met {named}. {then.message}", then.shown)


def _partial_message(text: str, nowhere: list[str], words: list[str], corrected: str | None = None) -> str:
    """What the page says when it lists documents with some of the query's words: which words no document
    has, as a shop says "Ontbreekt: ruimtevaart", rather than the words as a list of alternatives. `words` are
    those of the query searched: of `corrected`, the spelling-corrected query, when there is one."""
    found = [w for w in words if w not in nowhere]
    if not nowhere or not found:
        part = f"van ‘{corrected}’" if corrected else "ervan"
        return f"Geen resultaten met alle woorden van ‘{text}’; wel met een deel {part}: {', '.join(words)}."
    searched = f"; gezocht op ‘{corrected}’" if corrected else ""
    return (f"Geen resultaten met alle woorden van ‘{text}’{searched}: niets gevonden voor {_quoted(nowhere)}. "
            f"Hieronder de resultaten voor {_quoted(found, 'of')}.")


def _quoted(words: list[str], last: str = "en") -> str:
    """‘a’, ‘b’ en ‘c’: words as a Dutch sentence names them."""
    quoted = [f"‘{w}’" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {last} {quoted[-1]}"


def _suggestion(corrected: ParsedQuery, corrected_plan: Plan, filters: int, total: int) -> Suggestion | None:
    """'Bedoelde u ...?' when the better-spelled query (not taken: _correct) finds more."""
    other = (corrected_plan.matched & filters).bit_count()
    return Suggestion(corrected.text, other) if other > total else None


def _partial_by_weight(parsed: ParsedQuery) -> bool:
    """Whether a short query's documents without every word are ranked by weight: a query of PARTIAL_BY_WEIGHT_FROM
    content words or more (a long query always is: _weighted_plan)."""
    return PARTIAL_BY_WEIGHT_FROM <= len(parsed.content_groups) < LONG_QUERY


def _as_heavy(group_bits: list[int], groups: int, size: int) -> int:
    """The documents whose share of the query's weight (_weight_share) is at least that of its `groups` lightest
    groups together, or that of its heaviest group: a page with a question's one rare word ("archief" in "hoe kan ik
    met mijn klas een archief bezoeken") is listed beside those with two of its common words."""
    weights = _idf_weights(group_bits, size)
    floor = min(sum(sorted(weights)[:groups]), max(weights)) / (sum(weights) or 1.0)
    share = _weight_share(group_bits, weights, size)
    return bitsets.from_array(np.flatnonzero(share >= floor - 1e-6), size)


def _squashed(name: str) -> str:
    """A name's letters without its spaces, folded: "Voorne aan Zee" and "voorne aanzee" alike."""
    return analysis.fold(name).replace(" ", "")


def _classic_idf(parsed: ParsedQuery) -> bool:
    """Whether the query's words are scored with BM25's own idf (CLASSIC_IDF_FROM)."""
    return len(parsed.content_groups) >= CLASSIC_IDF_FROM


def _weak_first_down(state: _State, tiers: list[int], first: int, scores: np.ndarray, share: float) -> list[int]:
    """A long query's tiers ([every word, the rest]) with the every-word pages that score under `share` of the best page
    of the rest moved down to it (WEAK_FIRST). A page whose title covers the query (`first`) stays. The rest counts as
    far as it is scored: in a large collection _ranked scores only the tiers that fill the page, and when the first
    does that alone, nothing moves."""
    top, rest = tiers
    size = state.ranker.size
    if not top or not rest:
        return tiers
    best = scores[bitsets.to_array(rest, size)].max()
    candidates = bitsets.to_array(top & ~first, size)
    weak = candidates[scores[candidates] < share * best] if best > 0 else candidates[:0]
    if not len(weak):
        return tiers
    moved = bitsets.from_array(weak, size)
    return [top & ~moved, rest | moved]


def _best_near(state: _State, nearness: _Nearness, tier: int, scores: np.ndarray, needed: int) -> None:
    """The tier's pages rescored by nearness (_Nearness.rescore), best first, until its first `needed` are certain
    (_best_first). A tier that the tiers before it leave no place on the page (`needed` <= 0) is not looked at."""
    if needed <= 0:
        return
    candidates = bitsets.to_array(tier, state.ranker.size)
    candidates = candidates[scores[candidates] > 0]

    def look(docs: np.ndarray) -> np.ndarray:
        nearness.rescore(state, docs, scores)
        return docs

    _best_first(candidates, scores, np.zeros(0, dtype=np.float64), needed, look)


def _best_first(candidates: np.ndarray, scores: np.ndarray, certain: np.ndarray, needed: int,
                look: Callable[[np.ndarray], np.ndarray]) -> None:
    """Looks at the candidates (docnums) best score first, in chunks (`look`: the chunk, ascending; returns those it
    keeps), until the first `needed` of those kept, with the scores `certain` found before, are certain: looking may
    lower a score, never raise it, so a candidate not looked at scores no higher than they do. Positions cost per
    page: a long query over 100,000 documents reads those of the pages that may reach its page."""
    candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
    start, chunk = 0, max(needed, NEAR_CHUNK)
    while start < len(candidates):
        if len(certain) >= needed and scores[candidates[start]] <= np.partition(certain, -needed)[-needed]:
            break
        kept = look(np.sort(candidates[start:start + chunk]))
        certain = np.concatenate([certain, scores[kept]])
        start, chunk = start + chunk, 2 * chunk


def _words_together(state: _State, words: list[tuple[list[str], np.ndarray]], docs: np.ndarray) -> np.ndarray:
    """Of `docs` (docnums, ascending: pages with every word of a long query), those whose body has the words
    (_words_to_place) within NEAR_WINDOW positions of one another."""
    return state.ranker.arrays.near_docs(schema.BODY_FIELD, [terms for terms, _ in words], docs, NEAR_WINDOW,
                                         [elsewhere[docs] for _, elsewhere in words])


def _single_term(group: Group) -> str | None:
    """The group's one term, when it is a plain word (one terms clause of one term, maybe with other forms)."""
    first = group.alternatives[0]
    return first.terms[0] if first.kind == "terms" and len(first.terms) == 1 else None


def _light_verb(group: Group) -> bool:
    """Whether a group is one of LIGHT_VERBS, typed as one word."""
    return _single_term(group) in LIGHT_VERBS


def _asked(parsed: ParsedQuery) -> bool:
    """Whether a query is put as a question: it has a filler or question word, or a question mark."""
    return parsed.is_question or any(group.filler for group in parsed.groups)


def _keywords_only(parsed: ParsedQuery) -> bool:
    """A long query typed as keywords: at least LONG_QUERY content words, no filler word and not asked as a
    question; stop words between them do not make it a sentence (see GROUP_SATURATION)."""
    return len(parsed.content_groups) >= LONG_QUERY and not _asked(parsed)


def _adjacent_pairs(parsed: ParsedQuery) -> list[tuple[str, str]]:
    """The terms of each two content words next to each other in a query of two words ("brede school",
    "Delftse cultuur") or of PROXIMITY_FROM content words or more: each a single word as typed (its first
    alternative; not a phrase, prefix or known phrase, whose synonyms' phrases are matched as phrases
    already), neither a filler word, which breaks a pair."""
    if len(parsed.groups) != 2 and len(parsed.content_groups) < PROXIMITY_FROM:
        return []
    pairs = []
    for first, second in zip(parsed.groups, parsed.groups[1:]):
        if first.filler or second.filler:
            continue
        a, b = first.alternatives[0], second.alternatives[0]
        if a.kind == b.kind == "terms" and len(a.terms) == len(b.terms) == 1:
            pairs.append((a.terms[0], b.terms[0]))
    return pairs


def _places(group: Group) -> list[str]:
    """The region ids a group of the query names ("Haagse", "Capelle aan den IJssel")."""
    return [c.terms[1] for c in group.alternatives if c.kind == "facet" and c.terms[0] == "region"]


def _place_docs(parsed: ParsedQuery, group_bits: list[int]) -> int:
    """Of the content groups' documents (`group_bits`, in the order of parsed.content_groups), those of the groups
    that name a place."""
    docs = 0
    for i, bits in zip(parsed.content_groups, group_bits):
        if _places(parsed.groups[i]):
            docs |= bits
    return docs


_GENITIVE_PREFIX = re.compile(r"^'[st]-")  # 's-Hertogenbosch, 's-Heerenberg, 's-Gravenzande


def _a_word_too(name: str, terms: tuple[str, ...], commonest: dict[str, tuple[tuple[float, str], ...]]) -> bool:
    """Whether a place name is searched as an everyday word: one term, which is a more common word than the name
    ("Den Helder" -> helder, "Huissen" -> huis, "Oude Meer" -> oud) or the stem of one ("Geffen" and "geef" -> gef,
    "Lent" and "lente" -> lent, "De Steeg" and "steeg" -> steg; `commonest`: analysis.commonest_with_stems). A query
    with that word would otherwise search the place's municipality ("helder uitleggen", "geef je mening"). A name's
    "'s-" is no word of its own: "'s-Hertogenbosch" is the word hertogenbosch, no more common than itself."""
    folded = _GENITIVE_PREFIX.sub("", analysis.fold(name).lower())
    if len(terms) != 1:
        return False
    word = max(analysis.word_zipf(terms[0]) if terms[0] != folded else 0.0,
               next((zipf for zipf, other in commonest.get(terms[0], ()) if other != folded), 0.0))
    # A name of several words that searches as one ("Den Helder") is that word.
    return word >= COMMON_WORD_ZIPF and (" " in folded or word > analysis.word_zipf(folded))


def _place_words(parsed: ParsedQuery, heads_only: bool = False) -> ParsedQuery | None:
    """The query with each multi-word place name replaced by its words as separate groups (heads_only:
    by its first word alone); None when it names no such place."""
    def words_of(group: Group) -> list[str]:
        words = [w for w in group.text.split() if analysis.analyze_query(w)] if _places(group) else []
        return (words[:1] if heads_only else words) if len(words) > 1 else []
    return _groups_apart(parsed, words_of)


def _joined(first: _Listing, more: list[_Listing]) -> _Listing:
    """`first`, followed by the documents of `more` that it does not list."""
    if not more:
        return replace(first)  # a listing of its own: the page may say more on it (_phrases_apart)
    listed = first.listed
    for listing in more:
        listed |= listing.listed
    return replace(first, listed=listed, own=first.listed, more=tuple(more),
                   complete=first.complete and all(listing.complete for listing in more))


def _complete(listing: _Listing, complete: int) -> int | None:
    """How many listed documents have every word of a short query (a compound's: the word, or all its parts; of
    `complete`, the plan's complete documents less those with only a related word), when fewer than are listed and
    the page does not already say why (a relaxation); None otherwise. Long queries are listed by the share of their
    weight (_weighted_plan): there "every word" is not what lists a page."""
    if listing.relaxation is not None or listing.parsed.is_empty or listing.plan.evidence is not None:
        return None
    complete = (complete & listing.listed).bit_count()
    return complete if complete < listing.listed.bit_count() else None


def _one_phrase_apart(parsed: ParsedQuery) -> ParsedQuery | None:
    """A query of one content group that is a known phrase of several words (one with equivalents: never a phrase
    the user quoted), not a place, with its words as separate groups; else None."""
    content = [parsed.groups[i] for i in parsed.content_groups]
    if len(content) != 1 or _places(content[0]):
        return None
    typed, *others = content[0].alternatives
    if typed.kind != "phrase" or len(typed.terms) < 2 or not any(c.synonym or c.kind == "facet" for c in others):
        return None
    return _groups_apart(parsed, lambda group: [w for w in group.text.split() if analysis.analyze_query(w)]
                         if group is content[0] else [])


def _one_compound_apart(parsed: ParsedQuery) -> ParsedQuery | None:
    """A query of one content word that is a compound, with the compound's parts as separate groups; else None."""
    content = [parsed.groups[i] for i in parsed.content_groups]
    if len(content) != 1:
        return None
    return _compound_words(parsed, [content[0].text])


def _compound_words(parsed: ParsedQuery, nowhere: list[str], found_nothing: bool = False) -> ParsedQuery | None:
    """The query with each compound that no document has, whole or with its parts (a group of `nowhere` with a
    'parts' clause), replaced by its parts as separate groups; None when it has no such compound. `found_nothing`:
    the query found no document at all, and its one word counts without a 'parts' clause too: a word with synonyms
    has none (its synonyms say what it means), and where no document had any of them, "makeronderwijs" (with
    makersonderwijs and maakonderwijs) listed nothing; now the documents with "maker" or "onderwijs", and the page
    says so."""
    def words_of(group: Group) -> list[str]:
        if group.text not in nowhere or not (found_nothing and len(parsed.groups) == 1 or
                                             any(clause.kind == "parts" for clause in group.alternatives)):
            return []
        words = [w for w in analysis.compound_query_words(group.text) if analysis.analyze_query(w)]
        return words if len(words) > 1 else []
    split = _groups_apart(parsed, words_of)
    return replace(split, compound_apart=True) if split else None


def _groups_apart(parsed: ParsedQuery, words_of: Callable[[Group], list[str]]) -> ParsedQuery | None:
    """The query with each group for which `words_of` gives words replaced by those words, each a group of its
    own (its stems; a filler word as parse_query marks it); None when it gives words for no group."""
    groups: list[Group] = []
    split = False
    for group in parsed.groups:
        words = words_of(group)
        if not words:
            groups.append(group)
            continue
        split = True
        for word in words:
            terms = tuple(analysis.analyze_query(word))
            groups.append(Group((Clause("terms", terms, word),), word, terms[0] in filler_stems()))
    return ParsedQuery(parsed.text, groups, parsed.excluded, parsed.notes) if split else None


def prepare_process(taxonomy: Taxonomy | None = None) -> None:
    """What every search engine of a process shares, loaded before the first query needs it: the word
    list of query analysis and spelling (~0.5 s, ~40 MB), the filler words' stems and the spelling
    corrector over the word list, and with a taxonomy its synonym table (~4 MB: its places, the country's
    municipalities and theirs). `kennisplatform serve` calls it in gunicorn's master, so that the
    forked workers share these pages. What was loaded stays for the life of the process, out of the
    garbage collector's sight: a full collection walked the word list's entries, 45 ms at a random
    moment of some visitor's search, and touching them would copy the shared pages into every worker."""
    analysis.prepare()
    filler_stems()
    spelling.prepare()
    if taxonomy is not None:
        SearchEngine(Path(), taxonomy).synonyms  # noqa: B018 - kept by _shared_synonyms for the engines to come
    gc.freeze()


# The synonym table depends on the taxonomy alone, not on the index: one copy per process, with the version of the
# taxonomy it was built for, which the workers forked from a master that built it share (prepare_process). Only the
# newest is kept: a taxonomy changes seldom, and an engine of another one builds its own.
_SYNONYMS: tuple[str, dict] | None = None


def _shared_synonyms(taxonomy: Taxonomy, build: Callable[[], dict]) -> dict:
    global _SYNONYMS
    kept = _SYNONYMS  # read once: another thread's engine may replace it meanwhile
    if kept is None or kept[0] != taxonomy.version:
        kept = _SYNONYMS = (taxonomy.version, build())
    return kept[1]


def _folder_stamp(index_dir: Path) -> int | None:
    """The index folder's modification time, when it is old enough to tell that nothing changed since:
    every commit writes a new table of contents into the folder (a new generation is a new file), so an
    unchanged time means an unchanged index, without Whoosh's listing of the folder (a sixth of a
    millisecond per search). A time within the last RACY_SECONDS is no proof (None): a commit in the same
    tick of the file system's clock could leave it as it was."""
    try:
        changed = os.stat(index_dir).st_mtime_ns
    except OSError:
        return None
    return changed if time.time_ns() - changed > RACY_SECONDS * 1e9 else None


def _in_corpus(state: _State, term: str) -> bool:
    """Whether any document has the term (spelling's test)."""
    return _documents(state, term) > 0


def _without_absent(state: _State, parsed: ParsedQuery) -> ParsedQuery:
    """The query without the equivalents that no document has: an area's query ("Twentse") searches some seventy names
    of its towns and villages, most in no page, and each cost its lookups in every step of the search (bits, scores,
    the page's marks) for nothing. Only plain equivalents go; a place's wider names stay, which say where it lies."""
    def present(clause: Clause) -> bool:
        return not (clause.synonym and not clause.wider and clause.kind in ("terms", "phrase")) or \
            all(_documents(state, term) for term in clause.terms)
    groups = [replace(g, alternatives=tuple(filter(present, g.alternatives))) for g in parsed.groups]
    return replace(parsed, groups=groups) if groups != parsed.groups else parsed


def _documents(state: _State, term: str) -> int:
    """How many documents have the term (at least: the most of any one text field; a word only a title
    has, "kunstles", is no typo), from the sidecars' term tables: Whoosh's doc_frequency reads every
    segment's term index and was a sixth of a warm query at 100,000 documents. Remembered per reader: the
    spelling checks ask for every word and run of words of every query (each lookup a search per segment)."""
    return state.remembered(state.documents, term, lambda: max(
        state.ranker.arrays.doc_frequency(name, term) for name in schema.TEXT_FIELDS))


def _documents_many(state: _State, terms: list[str]) -> np.ndarray:
    """_documents of many terms, each text field's lookups in one pass (ReaderArrays.doc_frequencies)."""
    arrays = state.ranker.arrays
    return np.maximum.reduce([arrays.doc_frequencies(name, terms) for name in schema.TEXT_FIELDS])


def _idf_weights(group_bits: list[int], size: int) -> list[float]:
    """Each content group's weight: the idf of the documents it matches."""
    return [_idf(bits.bit_count(), size) for bits in group_bits]


def _weight_share(sets: list[int], weights: list[float], size: int) -> np.ndarray:
    """Per document, the share of the total weight of the sets (bitsets) it is in."""
    total = sum(weights) or 1.0
    share = np.zeros(size, dtype=np.float32)
    for bits, weight in zip(sets, weights):
        if not bits:
            continue
        if bits.bit_count() * SPARSE_SHARE < size:  # a title word's few documents: only theirs change
            docs = bitsets.to_array(bits, size)
            share[docs] = share[docs] + np.float64(weight / total)  # float64 sum, as the dense step adds
        else:
            share += (weight / total) * bitsets.to_mask(bits, size)
    return share


def _idf(doc_frequency: int, size: int) -> float:
    """BM25's idf (never negative): how much matching a group says about a document."""
    return math.log(1 + (size - doc_frequency + 0.5) / (doc_frequency + 0.5))


def _at_least(group_bits: list[int], universe: int) -> list[int]:
    """levels[k] = documents in `universe` matching at least k of the groups (levels[n+1] = 0)."""
    n = len(group_bits)
    levels = [universe] + [0] * (n + 1)
    for bits in group_bits:
        for k in range(n, 0, -1):
            levels[k] |= levels[k - 1] & bits
    return levels
