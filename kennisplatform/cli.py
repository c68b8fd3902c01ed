"""The `kennisplatform` command: thin wrappers over the library."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from . import cli_messages, config
from .corpus import TAXONOMY_FILE, is_new_corpus, read_corpus, start_corpus, taxonomy_for
from .errors import KennisplatformError, os_reason
from .params import SearchParams, format_count
from .taxonomy import TaxonomyError

cli_messages.install()


@contextmanager
def _progress_bar(description: str, unit: str):
    """A progress bar on stderr (off when stderr is not a terminal) and the (done, total) callback the
    library calls."""
    from tqdm import tqdm

    bar = tqdm(total=0, unit=unit, desc=description, disable=None, file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.reset(total=total)
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()


@dataclass
class Context:
    corpus: Path
    index: Path
    instance: Path


@click.group(cls=cli_messages.DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", type=click.Path(file_okay=False), help="Corpusmap (standaard: corpus/ of $KENNISPLATFORM_CORPUS).")
@click.option("--index", "index_", type=click.Path(file_okay=False), help="Indexmap (standaard: index/ of $KENNISPLATFORM_INDEX).")
@click.option("--instance", type=click.Path(file_okay=False),
              help="Instance-map met accounts, geheime sleutel en zoeklog (standaard: instance/ of $KENNISPLATFORM_INSTANCE).")
@click.pass_context
def main(ctx: click.Context, corpus: str | None, index_: str | None, instance: str | None) -> None:
    """Kennisplatform Cultuureducatie met Kwaliteit: index, zoeken en corpuscontrole."""
    ctx.obj = Context(config.corpus_dir(corpus), config.index_dir(index_), config.instance_dir(instance))


def _taxonomy(obj: Context):
    try:
        return taxonomy_for(obj.corpus)
    except TaxonomyError as exc:
        raise click.ClickException(f"Taxonomie niet leesbaar: {exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"Taxonomie niet leesbaar: {cli_messages.os_error_message(exc)}") from exc


@main.command("index")
@click.option("--rebuild", is_flag=True, help="Bouw de index helemaal opnieuw op.")
@click.pass_obj
def index_command(obj: Context, rebuild: bool) -> None:
    """Werk de index bij met het corpus (alleen gewijzigde bestanden, tenzij --rebuild)."""
    from .index import update_index
    from .versions import prepare

    taxonomy = _taxonomy(obj)  # first: a corpus folder that is not there is said as such
    try:
        prepare(obj.corpus, obj.index, outside=True)  # adopt the corpus into history, commit outside edits
        with _progress_bar("Indexeren", "doc") as progress:
            report = update_index(obj.corpus, obj.index, rebuild=rebuild, progress=progress, taxonomy=taxonomy)
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    for problem in report.problems:
        click.echo(f"probleem: {problem}", err=True)
    click.echo(report.summary())


@main.command()
@click.argument("query", nargs=-1, metavar="[ZOEKVRAAG]...", type=cli_messages.UTF8)
@click.option("--type", "type_", multiple=True, help="verslag, voorbeeldproject of artikel.")
@click.option("--theme", multiple=True)
@click.option("--region", multiple=True)
@click.option("--discipline", multiple=True)
@click.option("--audience", multiple=True)
@click.option("--year", multiple=True, help="Jaar (2023), CMK-periode (2021-2024) of 'onbekend' (zonder datum).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--page", default="1")
@click.option("--per-page", default="10")
@click.option("--exact", is_flag=True, help="Zoek op de woorden zoals getypt, zonder spellingcorrectie.")
@click.option("--json", "as_json", is_flag=True, help="Druk het zoekresultaat af als JSON.")
@click.pass_obj
def search(obj: Context, query, type_, theme, region, discipline, audience, year, sort, page, per_page,
           exact: bool, as_json: bool) -> None:
    """Zoek in de index en toon resultaten en facetten."""
    from .index import is_current, update_index
    from .search import SearchEngine

    taxonomy = _taxonomy(obj)
    values = {"q": " ".join(query), "type": list(type_), "theme": list(theme), "region": list(region),
              "discipline": list(discipline), "audience": list(audience), "year": list(year),
              "sort": sort, "page": page, "per_page": per_page, "exact": "1" if exact else ""}
    try:
        params = SearchParams.from_mapping(values, taxonomy)
        if not is_current(obj.index, taxonomy):
            update_index(obj.corpus, obj.index, taxonomy=taxonomy)
        result = SearchEngine(obj.index, taxonomy).search(params, with_similar=True)  # as the search page lists it
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    _print_result(result)


def _print_result(result) -> None:
    import html
    import re

    if result.relaxation:
        click.echo(result.relaxation.message)
    if result.suggestion:
        click.echo(f"Bedoelde u: {result.suggestion.query} ({format_count(result.suggestion.total)})?")
    if result.place_within:
        click.echo(f"{result.place_within.name} ligt in {result.place_within.label}.")
    click.echo(f"{format_count(result.total)} (pagina {result.page} van {result.pages})")
    notes = [note for note in (result.complete_note, result.related_note) if note]
    click.echo("".join(f"{note}\n" for note in notes))
    first = (result.page - 1) * result.per_page + 1
    for i, hit in enumerate(result.hits):
        if hit.similar and not result.hits[i - 1].similar:  # similar pages only follow the results
            click.echo("\nVergelijkbare pagina's, zonder uw zoekwoorden:")
        click.echo(f"{first + i:>3}. [{hit.type_label}] {hit.title} ({hit.date or 'datum onbekend'})  id={hit.id}")
        snippet = html.unescape(re.sub(r"</?mark>", "*", hit.snippet))
        click.echo(f"     {snippet[:200]}")
    for facet in (f for f in result.facets.values() if f.buckets):
        shown = ", ".join(f"{'[x] ' if b.selected else ''}{b.label} ({b.count})" for b in facet.buckets[:12])
        click.echo(f"\n{facet.label}: {shown}")
    for drop in result.filter_drops:
        click.echo(f"Zonder filter {drop.label}: {drop.total} resultaten")


@main.command()
@click.pass_obj
def check(obj: Context) -> None:
    """Controleer alle corpusbestanden en de geschiedenis; sluit af met code 1 als er problemen zijn."""
    from .history import exists, verify

    documents, problems = read_corpus(obj.corpus, _taxonomy(obj))
    problems += verify(obj.corpus)
    if not exists(obj.corpus):
        click.echo("Nog geen geschiedenis: de eerste start of `kennisplatform index` legt het corpus vast.")
    for problem in problems:
        click.echo(str(problem))
    undated = sum(1 for doc in documents if doc.date is None)
    click.echo(f"{len(documents)} documenten gelezen, {len(problems)} problemen."
               + (f" {undated} zonder datum (geen probleem; de redactie ziet ze op /redactie/zonder-datum)."
                  if undated else ""))
    if problems:
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", type=click.IntRange(1, 64),
              help="Aantal werkprocessen (standaard 2 × processorkernen + 1, hooguit 8).")
@click.option("--debug", is_flag=True, help="Flasks ontwikkelserver met debugger, alleen voor ontwikkelaars.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, workers: int | None, debug: bool) -> None:
    """Start de webapplicatie met gunicorn (bouwt of werkt de index eerst bij)."""
    app_config = {"CORPUS_DIR": str(obj.corpus), "INDEX_DIR": str(obj.index), "INSTANCE_PATH": str(obj.instance)}
    if debug:
        _serve_debug(app_config, host, port)
        return
    from .index import update_index
    from .search import prepare_process
    from .server import Server, ServerOptions

    try:  # once, here in the master: the workers find the index current
        report = update_index(obj.corpus, obj.index, taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(report.summary())
    # The Dutch word list, the spelling corrector and the taxonomy's synonym table load once here, in the
    # master: the forked workers share their pages (docs/performance.md, sessions 3, 4 and 33).
    prepare_process(_taxonomy(obj))
    server = Server(ServerOptions(app_config, host, port, workers))
    click.echo(f"Kennisplatform draait op http://{host}:{port}/ met {server.cfg.workers} werkprocessen "
               "(stoppen: Ctrl+C)")
    server.run()


def _serve_debug(app_config: dict, host: str, port: int) -> None:
    """Flask's development server, with the interactive debugger: it runs code typed in the browser, so
    it listens only on this machine."""
    from . import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        raise click.ClickException("De ontwikkelserver (--debug) luistert alleen op 127.0.0.1.")
    app = create_app(app_config)
    click.echo(f"Ontwikkelserver op http://{host}:{port}/  (stoppen: Ctrl+C)")
    app.run(host=host, port=port, debug=True, threaded=True)


# -- editors: accounts and imports (thin wrappers over users.py and importer.py) --------------------------
@main.group("user")
def user_group() -> None:
    """Redacteuren: accounts in de instance-map."""


@user_group.command("add")
@click.argument("name", metavar="NAAM")
@click.option("--replace", is_flag=True, help="Zet een nieuw wachtwoord voor een bestaand account.")
@click.option("--instance", type=click.Path(file_okay=False), help="Instance-map (ook vóór het commando te geven).")
@click.pass_obj
def user_add(obj: Context, name: str, replace: bool, instance: str | None) -> None:
    """Maak een redacteursaccount; het wachtwoord wordt gevraagd en gehasht opgeslagen."""
    from .users import AccountsUnreadable, UserError, add_user, check_accounts, check_name

    # The same folder the web app reads (config.instance_dir: --instance, $KENNISPLATFORM_INSTANCE).
    folder = Path(instance) if instance else obj.instance
    try:
        check_name(name)
        check_accounts(folder)  # a damaged users.json: say so before asking for a password
        password = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt="Herhaal het wachtwoord")
        created = add_user(folder, name, password, replace=replace)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    except AccountsUnreadable as exc:
        raise click.ClickException(f"Accounts niet leesbaar: {exc.detail}") from exc
    except OSError as exc:
        raise click.ClickException(f"Account niet opgeslagen in {exc.filename or folder}: {os_reason(exc)}.") from exc
    click.echo(f"Account '{created}' {'bijgewerkt' if replace else 'aangemaakt'}.")


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True), metavar="BESTANDEN...")
@click.option("--type", "type_", help="verslag, voorbeeldproject of artikel (anders voorgesteld uit de tekst).")
@click.option("--theme", multiple=True, help="Thema (herhaalbaar; anders voorgesteld uit de tekst).")
@click.option("--region", multiple=True, help="Regio (herhaalbaar; anders voorgesteld uit de tekst).")
@click.option("--date", "date_", metavar="JJJJ-MM-DD",
              help="Datum voor de bestanden waarin geen datum staat (anders: datum onbekend).")
@click.option("--dry-run", is_flag=True, help="Laat zien wat er zou gebeuren, zonder iets op te slaan.")
@click.pass_obj
def import_command(obj: Context, paths, type_, theme, region, date_, dry_run: bool) -> None:
    """Importeer .html-, .md-, .txt-, .pdf- en .docx-bestanden (mappen recursief) als documenten."""
    from .importer import Importer, Options, batch_date, review_summary, summarise
    from .index import is_current, update_index

    bundled = config.BUNDLED_CORPUS / TAXONOMY_FILE
    if is_new_corpus(obj.corpus) and bundled.is_file():
        # A folder of one's own: a platform without the example documents, on the bundled taxonomy.
        if dry_run:
            raise click.ClickException(f"Corpusmap {obj.corpus} bestaat nog niet of is leeg; zonder --dry-run "
                                       "wordt die aangemaakt met de taxonomie van het startcorpus.")
        start_corpus(obj.corpus, bundled)
        click.echo(f"Nieuwe corpusmap {obj.corpus}, met de taxonomie van het startcorpus ({bundled}).")
    taxonomy = _taxonomy(obj)
    try:
        date = batch_date(date_)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from None
    options = Options(type=type_, themes=tuple(theme), regions=tuple(region), date=date, dry_run=dry_run)
    try:
        if not is_current(obj.index, taxonomy):
            update_index(obj.corpus, obj.index, taxonomy=taxonomy)
        with _progress_bar("Importeren", "bestand") as progress:
            importer = Importer(obj.corpus, obj.index, taxonomy, options)
            outcomes = importer.run([Path(p) for p in paths], progress)
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    for outcome in outcomes:
        click.echo(outcome.line())
    click.echo(("Proefdraai: " if dry_run else "") + summarise(outcomes) + ".")
    if review_summary(outcomes) and not dry_run:
        click.echo(f"{review_summary(outcomes)}: Te beoordelen, /redactie/te-beoordelen.")
    if not dry_run and any(o.status in ("created", "updated") for o in outcomes):
        click.echo(f"Importbatch {importer.batch} (terugdraaien: kennisplatform undo-import {importer.batch}).")
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)



# -- history, backup and restore (thin wrappers over versions.py and backup.py) ------------------------------
def _fail(exc: KennisplatformError):
    return click.ClickException(exc.message)


@main.command("history")
@click.argument("doc_id", metavar="DOCUMENT", type=cli_messages.UTF8)
@click.pass_obj
def history_command(obj: Context, doc_id: str) -> None:
    """Toon de versies van een document (nummer, tijd, door wie, waarom)."""
    from .versions import versions_of

    try:
        found = versions_of(obj.corpus, doc_id)
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    if not found:
        raise click.ClickException(f"Document '{doc_id}' heeft geen geschiedenis.")
    for version in found:
        state = "verwijderd" if version.deleted else version.change.path
        click.echo(f"{version.number:>4}  {version.time:%Y-%m-%d %H:%M}  {version.short}  {version.author}: "
                   f"{version.reason}  [{state}]")


@main.command("revert")
@click.argument("doc_id", metavar="DOCUMENT", type=cli_messages.UTF8)
@click.argument("version", metavar="VERSIE", type=cli_messages.UTF8)
@click.pass_obj
def revert_command(obj: Context, doc_id: str, version: str) -> None:
    """Zet een eerdere versie van een document terug (nummer uit `history`, of de versiecode)."""
    from .versions import revert

    try:
        restored, saved = revert(obj.corpus, obj.index, doc_id, version, taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    what = "teruggezet" if saved.changed else "was al gelijk aan die versie"
    click.echo(f"'{doc_id}' {what}: versie {restored.number} ({restored.short}).")


@main.command("undelete")
@click.argument("doc_id", metavar="DOCUMENT", type=cli_messages.UTF8)
@click.pass_obj
def undelete_command(obj: Context, doc_id: str) -> None:
    """Haal een verwijderd document terug uit de prullenbak, onder dezelfde id."""
    from .versions import undelete

    try:
        saved = undelete(obj.corpus, obj.index, doc_id, taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    click.echo(f"'{saved.document.id}' is teruggezet ({saved.document.path}).")


@main.command("undo-import")
@click.argument("batch", required=False, metavar="[IMPORT]", type=cli_messages.UTF8)
@click.pass_obj
def undo_import_command(obj: Context, batch: str | None) -> None:
    """Draai een import terug (standaard de laatste): nieuwe documenten naar de prullenbak, bijgewerkte
    terug naar hun vorige versie. Wat een redacteur sindsdien wijzigde, blijft staan."""
    from .versions import undo_import

    try:
        report = undo_import(obj.corpus, obj.index, batch, taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    for doc_id in report.removed:
        click.echo(f"verwijderd: {doc_id}")
    for doc_id in report.reverted:
        click.echo(f"teruggezet: {doc_id}")
    for kept in report.kept:
        click.echo(f"behouden: {kept.doc_id} ({kept.why})")
    click.echo(report.summary())


@main.command("backup")
@click.argument("target", type=click.Path(dir_okay=False), metavar="ARCHIEF")
@click.pass_obj
def backup_command(obj: Context, target: str) -> None:
    """Schrijf een back-up (corpus met geschiedenis, accounts, zoeklog, sleutel) naar een .tar.gz-bestand,
    ook terwijl de site draait."""
    from .backup import create_backup

    try:
        made = create_backup(obj.corpus, obj.index, obj.instance, Path(target))
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    click.echo(made.summary())


@main.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False), metavar="ARCHIEF")
@click.pass_obj
def restore_command(obj: Context, archive: str) -> None:
    """Zet een back-up terug in een lege corpus- en instance-map en bouw de index opnieuw op."""
    from .backup import restore_backup

    try:
        restored = restore_backup(Path(archive), obj.corpus, obj.index, obj.instance)
    except KennisplatformError as exc:
        raise _fail(exc) from exc
    click.echo(restored.summary())


if __name__ == "__main__":  # pragma: no cover
    main()
