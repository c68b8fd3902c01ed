"""Exception types, one per kind of failure, each carrying a Dutch message for the user."""
from __future__ import annotations

from dataclasses import dataclass


class KennisplatformError(Exception):
    """Base class: `message` is Dutch and safe to show to a user."""

    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidParameter(KennisplatformError):
    """A search or URL parameter that cannot be used (HTTP 400). `value`: the one value that is wrong, when
    the others of the address are fine (an unknown filter value), so the error page can offer the address
    without it; `suggestion`: a value it is close to ("bedoelde u ...?")."""

    status = 400

    def __init__(self, name: str, message: str, value: str | None = None, suggestion: str | None = None):
        super().__init__(message)
        self.name = name
        self.value = value
        self.suggestion = suggestion


class NotFound(KennisplatformError):
    status = 404


class IndexBusy(KennisplatformError):
    """The index writer lock could not be taken in time (HTTP 503)."""

    status = 503


@dataclass(frozen=True)
class Problem:
    """One problem with one corpus file: where, which field, what, the closest valid value, and whether the
    value was still used in another form (`kept`: a title cut short) rather than left out."""

    path: str
    field: str
    message: str
    suggestion: str | None = None
    kept: bool = False

    def __str__(self) -> str:
        text = f"{self.path}: {self.field}: {self.message}"
        if self.suggestion:
            text += f" (bedoelde u '{self.suggestion}'?)"
        return text


class DocumentError(KennisplatformError):
    """A corpus file that cannot be read as a document."""

    status = 422

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


# errno -> what it means, in Dutch: the operating system's own text (strerror) is English.
_OS_REASONS = {
    "ENOENT": "bestaat niet",
    "EACCES": "geen toegang (rechten)",
    "EPERM": "geen toegang (rechten)",
    "EISDIR": "is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is geen map",
    "ENAMETOOLONG": "de naam is te lang",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijfruimte (quotum) is op",
    "EROFS": "het bestandssysteem is alleen-lezen",
    "EEXIST": "bestaat al",
    "ENOTEMPTY": "de map is niet leeg",
    "ELOOP": "te veel symbolische koppelingen (een kring?)",
    "EIO": "lees- of schrijffout van de schijf",
    "EMFILE": "te veel open bestanden",
    "EXDEV": "ligt op een ander bestandssysteem",
}


def os_reason(exc: OSError) -> str:
    """An OSError's reason in Dutch ('bestaat niet', 'de schijf is vol'); an unusual one as the system
    says it, with its code."""
    import errno

    name = errno.errorcode.get(exc.errno or 0)
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    return f"{exc.strerror or exc} ({name})" if name else str(exc.strerror or exc)


def yaml_position(exc: Exception, first_line: int = 1) -> str:
    """Where a YAML error is, in Dutch (" op regel 3, kolom 7"), or "" when the parser does not say: its
    own English explanation is not shown. `first_line`: the file's line number of the text's first line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return ""
    return f" op regel {mark.line + first_line}, kolom {mark.column + 1}"
