"""Click's own messages in Dutch: usage errors, help headings and prompts of the `kennisplatform` command.

Click marks every message it prints with gettext, but ships no Dutch catalog, and gettext reads catalogs
only from compiled files in locale folders chosen by environment variables. Each click module binds
`_` and `ngettext` at import, so `install()` points those names at this catalog instead; a message that
is not in it (a newer click's) stays English rather than failing.
"""
from __future__ import annotations

import importlib

import click

from .corpus import shown_path  # cli.py has loaded it already

# click's message ids (the English text, with its format fields) -> Dutch, same format fields.
MESSAGES: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Error: {message}": "Fout: {message}",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een commando.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Value must be an iterable.": "Geef een reeks waarden.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "file": "Bestand",
    "directory": "Map",
    "path": "Pad",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden verschillen.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "unknown error": "onbekende fout",
}

# (singular, plural) message ids -> (Dutch singular, Dutch plural).
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoelde u {possibility}?", "(Bedoelde u een van: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Optie {name!r} vraagt een waarde.", "Optie {name!r} vraagt {nargs} waarden."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} past niet bij de vorm {format}.", "{value!r} past niet bij de vormen {formats}."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Neemt {nargs} waarden, maar kreeg er 1.", "Neemt {nargs} waarden, maar kreeg er {len}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("{len_type} waarden nodig, maar kreeg er {len_value}.", "{len_type} waarden nodig, maar kreeg er {len_value}."),
}

# click's type names, which it puts into messages without marking them ("is not a valid integer").
TYPE_NAMES = {"integer": "geheel getal", "float": "getal", "boolean": "ja/nee-waarde", "text": "tekst",
              "integer range": "geheel getal", "float range": "getal"}

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    dutch = PLURALS.get((singular, plural))
    if dutch is None:
        return singular if n == 1 else plural
    return dutch[0] if n == 1 else dutch[1]


def install() -> None:
    """Make click speak Dutch in this process (idempotent)."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    types = importlib.import_module("click.types")
    for param_type in (types.INT, types.FLOAT, types.BOOL, types.STRING):
        param_type.name = TYPE_NAMES.get(param_type.name, param_type.name)
    for range_type in (types.IntRange, types.FloatRange):  # a class name: `serve --port abc` said "integer range"
        range_type.name = TYPE_NAMES.get(range_type.name, range_type.name)


class Utf8Text(click.ParamType):
    """An argument that must be readable text: the shell passes bytes, and bytes that are not UTF-8 (a
    Latin-1 'é' typed in an old terminal) reach Python as lone surrogates, which no id, version or file
    name of the platform can hold, and which fail deep inside when written anywhere."""

    name = "tekst"

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = shown_path(value)
            self.fail(f"'{shown}' is geen geldige UTF-8-tekst (controleer de tekenset van de terminal).", param, ctx)
        return value


UTF8 = Utf8Text()


def os_error_message(exc: OSError) -> str:
    """A file-system error of any command, in Dutch, naming the path ('/proc/nope: bestaat niet.')."""
    import errno

    from .errors import os_reason

    where = exc.filename if exc.filename is not None else None
    if isinstance(where, bytes):
        where = where.decode("utf-8", "backslashreplace")
    elif isinstance(where, str):
        where = shown_path(where)
    reason = os_reason(exc)
    if exc.errno == errno.ENOENT and where:  # also what creating a folder in a missing one says
        reason = "bestaat niet (of een map erboven bestaat niet)"
    return f"{where}: {reason}." if where else f"Lees- of schrijffout: {reason}."


class DutchCommand(click.Command):
    """A command whose usage line says [OPTIES] instead of [OPTIONS]."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    """A group whose usage line, commands and subgroups speak Dutch too."""

    command_class = DutchCommand
    group_class = type  # subgroups are DutchGroups as well

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        """A folder that does not exist or cannot be written (--index /proc/nope), a full disk: whatever
        command meets it, a Dutch message with the path and exit code 1, not a traceback."""
        import errno

        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # click's own handling of a closed pipe (| head)
                raise
            raise click.ClickException(os_error_message(exc)) from exc
