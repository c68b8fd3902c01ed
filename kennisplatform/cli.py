"""The `kennisplatform` command: thin wrappers over the library."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from . import config
from .corpus import read_corpus, taxonomy_for
from .errors import KennisplatformError
from .params import SearchParams
from .taxonomy import TaxonomyError


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", type=click.Path(file_okay=False), help="Corpusmap (standaard: corpus/ of $KENNISPLATFORM_CORPUS).")
@click.option("--index", "index_", type=click.Path(file_okay=False), help="Indexmap (standaard: index/ of $KENNISPLATFORM_INDEX).")
@click.pass_context
def main(ctx: click.Context, corpus: str | None, index_: str | None) -> None:
    """Kennisplatform Cultuureducatie met Kwaliteit: index, zoeken en corpuscontrole."""
    ctx.obj = Context(config.corpus_dir(corpus), config.index_dir(index_))


def _taxonomy(obj: Context):
    try:
        return taxonomy_for(obj.corpus)
    except (TaxonomyError, OSError) as exc:
        raise click.ClickException(f"Taxonomie niet leesbaar: {exc}") from exc


@main.command("index")
@click.option("--rebuild", is_flag=True, help="Bouw de index helemaal opnieuw op.")
@click.pass_obj
def index_command(obj: Context, rebuild: bool) -> None:
    """Werk de index bij met het corpus (alleen gewijzigde bestanden, tenzij --rebuild)."""
    from .index import update_index

    try:
        with _progress_bar("Indexeren", "doc") as progress:
            report = update_index(obj.corpus, obj.index, rebuild=rebuild, progress=progress,
                                  taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    for problem in report.problems:
        click.echo(f"probleem: {problem}", err=True)
    click.echo(report.summary())


@main.command()
@click.argument("query", nargs=-1)
@click.option("--type", "type_", multiple=True, help="verslag, voorbeeldproject of artikel.")
@click.option("--theme", multiple=True)
@click.option("--region", multiple=True)
@click.option("--discipline", multiple=True)
@click.option("--audience", multiple=True)
@click.option("--year", multiple=True, help="Jaar (2023), CMK-periode (2021-2024) of 'onbekend' (zonder datum).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--page", default="1")
@click.option("--per-page", default="10")
@click.option("--json", "as_json", is_flag=True, help="Druk het zoekresultaat af als JSON.")
@click.pass_obj
def search(obj: Context, query, type_, theme, region, discipline, audience, year, sort, page, per_page,
           as_json: bool) -> None:
    """Zoek in de index en toon resultaten en facetten."""
    from .index import is_current, update_index
    from .search import SearchEngine

    taxonomy = _taxonomy(obj)
    values = {"q": " ".join(query), "type": list(type_), "theme": list(theme), "region": list(region),
              "discipline": list(discipline), "audience": list(audience), "year": list(year),
              "sort": sort, "page": page, "per_page": per_page}
    try:
        params = SearchParams.from_mapping(values, taxonomy)
        if not is_current(obj.index, taxonomy):
            update_index(obj.corpus, obj.index, taxonomy=taxonomy)
        result = SearchEngine(obj.index, taxonomy).search(params)
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
        click.echo(f"Bedoelde u: {result.suggestion.query} ({result.suggestion.total} resultaten)?")
    click.echo(f"{result.total} resultaten (pagina {result.page} van {result.pages})\n")
    for number, hit in enumerate(result.hits, (result.page - 1) * result.per_page + 1):
        click.echo(f"{number:>3}. [{hit.type_label}] {hit.title} ({hit.date or 'datum onbekend'})  id={hit.id}")
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
    """Controleer alle corpusbestanden; sluit af met code 1 als er problemen zijn."""
    documents, problems = read_corpus(obj.corpus, _taxonomy(obj))
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
    app_config = {"CORPUS_DIR": str(obj.corpus), "INDEX_DIR": str(obj.index)}
    if debug:
        _serve_debug(app_config, host, port)
        return
    from .index import update_index
    from .server import Server, ServerOptions

    try:  # once, here in the master: the workers find the index current
        report = update_index(obj.corpus, obj.index, taxonomy=_taxonomy(obj))
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(report.summary())
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


def _instance_path() -> Path:
    """The web app's instance folder (where create_app keeps its secret and the accounts), without
    building the app and its index: $KENNISPLATFORM_INSTANCE as in create_app, else Flask's default."""
    from flask import Flask

    return config.instance_dir() or Path(Flask("kennisplatform", instance_relative_config=True).instance_path)


@user_group.command("add")
@click.argument("name")
@click.option("--replace", is_flag=True, help="Zet een nieuw wachtwoord voor een bestaand account.")
@click.option("--instance", type=click.Path(file_okay=False), help="Instance-map (standaard die van de webapp).")
def user_add(name: str, replace: bool, instance: str | None) -> None:
    """Maak een redacteursaccount; het wachtwoord wordt gevraagd en gehasht opgeslagen."""
    from .users import UserError, add_user, check_name

    try:
        check_name(name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    password = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt="Herhaal het wachtwoord")
    try:
        created = add_user(Path(instance) if instance else _instance_path(), name, password, replace=replace)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Account '{created}' {'bijgewerkt' if replace else 'aangemaakt'}.")


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
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
            outcomes = Importer(obj.corpus, obj.index, taxonomy, options).run([Path(p) for p in paths], progress)
    except KennisplatformError as exc:
        raise click.ClickException(exc.message) from exc
    for outcome in outcomes:
        click.echo(outcome.line())
    click.echo(("Proefdraai: " if dry_run else "") + summarise(outcomes) + ".")
    if review_summary(outcomes) and not dry_run:
        click.echo(f"{review_summary(outcomes)}: Te beoordelen, /redactie/te-beoordelen.")
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
