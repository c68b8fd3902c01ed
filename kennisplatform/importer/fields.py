"""The one place where an imported file's facet values are chosen: the run's options first, then what the
file itself says (front matter), then values suggested from its text. Whoever changes how suggestions
are applied (confidence thresholds, a review list) changes `choose_fields` and nothing else."""
from __future__ import annotations

from dataclasses import dataclass

from .. import review, suggest
from ..documents import Document, plain_text
from ..taxonomy import Taxonomy
from .model import Draft, Options


@dataclass(frozen=True)
class Fields:
    """The document built from a draft, and which of its fields were given suggested values; the
    suggestions below their facet's threshold wait in `document.suggestions` for an editor."""

    document: Document
    suggested: tuple[str, ...] = ()


def choose_fields(draft: Draft, options: Options, taxonomy: Taxonomy) -> Fields:
    """The Document (without id) for a draft: values from the options, else from the file, else
    suggested from the text."""
    found = suggest.suggest(taxonomy, draft.title, plain_text(draft.body), site=draft.source.publication)
    decision = review.decide(found)  # confident values are applied, the rest wait for review
    suggested: list[str] = []
    open_keys: list[str] = []

    def pick(key: str, facet: str, option: tuple[str, ...], own: tuple[str, ...]) -> tuple[str, ...]:
        if option:
            return tuple(dict.fromkeys(taxonomy.resolve(facet, v) for v in option))
        if own:
            return own
        open_keys.append(key)
        values = decision.applied.get(key, ())
        if values:
            suggested.append(key)
        return values

    doc_type = taxonomy.resolve("type", options.type) if options.type else draft.type
    if not doc_type:
        doc_type = decision.type
        open_keys.append("type")
        if decision.applied.get("type"):
            suggested.append("type")
    doc = Document(
        id="", type=doc_type, title=draft.title, date=draft.date, body=draft.body, summary=draft.summary,
        themes=pick("themes", "theme", options.themes, draft.themes),
        regions=pick("regions", "region", options.regions, draft.regions),
        disciplines=pick("disciplines", "discipline", (), draft.disciplines),
        audience=pick("audience", "audience", (), draft.audience),
        organisations=draft.organisations, source=draft.source, suggestions=decision.pending_for(open_keys))
    return Fields(doc, tuple(suggested))
