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
    """A search or URL parameter that cannot be used (HTTP 400)."""

    status = 400

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


class NotFound(KennisplatformError):
    status = 404


class IndexBusy(KennisplatformError):
    """The index writer lock could not be taken in time (HTTP 503)."""

    status = 503


@dataclass(frozen=True)
class Problem:
    """One problem with one corpus file: where, which field, what, and the closest valid value."""

    path: str
    field: str
    message: str
    suggestion: str | None = None

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
