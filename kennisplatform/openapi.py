"""The OpenAPI 3.1 description of /api/v1, built from the same constants the code validates with."""
from __future__ import annotations

from .params import FACET_LABELS, FACETS, PERIODS, SORT_ALIASES, SORTS, UNKNOWN_YEAR, YEAR_PATTERN
from .taxonomy import Taxonomy

NULLABLE_STRING = {"type": ["string", "null"]}
# null: the document has no (known) date; it is listed under year=onbekend and last in a date sort.
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
VALUE = {"type": "object", "required": ["id", "label"],
         "properties": {"id": {"type": "string"}, "label": {"type": "string"}}}
BUCKET = {
    "type": "object", "required": ["value", "label", "count", "selected", "level", "parent"],
    "properties": {"value": {"type": "string"}, "label": {"type": "string"},
                   "count": {"type": "integer", "minimum": 0}, "selected": {"type": "boolean"},
                   "level": NULLABLE_STRING, "parent": NULLABLE_STRING},
}
HIT = {
    "type": "object",
    "required": ["id", "type", "type_label", "title", "date", "summary", "snippet", "themes", "regions",
                 "source_url", "score", "similar"],
    "properties": {
        "id": {"type": "string"}, "type": {"type": "string"}, "type_label": {"type": "string"},
        "title": {"type": "string"}, "date": NULLABLE_DATE,
        "summary": {"type": "string"},
        "snippet": {"type": "string", "description": "HTML: escaped text, matches in <mark>"},
        "themes": {"type": "array", "items": VALUE}, "regions": {"type": "array", "items": VALUE},
        "source_url": NULLABLE_STRING, "score": {"type": ["number", "null"]},
        "similar": {"type": "boolean", "description": "true: no match of the query but a page like the first hits, "
                    "listed after them on a first page they do not fill; counted in neither `total` nor the facets"},
    },
}
PROBLEM = {
    "type": "object", "required": ["type", "title", "status", "detail"],
    "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                   "status": {"type": "integer"}, "detail": {"type": "string"},
                   "parameter": {"type": "string"}, "instance": {"type": "string"}},
}


def build_spec(taxonomy: Taxonomy) -> dict:
    facet_params = [_facet_parameter(name, taxonomy) for name in FACETS]
    search_params = [
        {"name": "q", "in": "query", "required": False, "description":
         'Zoekvraag: woorden (alle), "zinnen", -uitsluiten, OR, voorvoegsel*. Leeg: alle documenten.',
         "schema": {"type": "string"}},
        *facet_params,
        {"name": "sort", "in": "query", "required": False,
         "description": "Leeg: relevance.",
         "schema": {"type": "string", "enum": ["", *SORTS, *SORT_ALIASES], "default": "relevance"}},
        {"name": "page", "in": "query", "required": False, "description": "Pagina, vanaf 1 (0 wordt 1).",
         "schema": _integer_or_empty(1)},
        {"name": "per_page", "in": "query", "required": False,
         "description": "Resultaten per pagina; meer dan 100 wordt 100.",
         "schema": _integer_or_empty(10)},
        {"name": "exact", "in": "query", "required": False,
         "description": "1: zoek op de woorden zoals getypt, zonder spellingcorrectie (links.as_typed).",
         "schema": {"type": "string", "enum": ["", "0", "1", "true", "false", "ja", "nee"], "default": "0"}},
    ]
    errors = {"400": _problem("Ongeldige parameter"), "422": _problem("Niet te verwerken verzoek")}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Kennisplatform CMK Zuid-Holland API", "version": "1.0.0",
                 "description": "Zoeken in verslagen, voorbeeldprojecten en artikelsamenvattingen over "
                                "cultuureducatie in Zuid-Holland. Dezelfde zoekresultaten als de website."},
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/search": {"get": {
                "operationId": "search", "summary": "Zoeken met facetten",
                "parameters": search_params,
                "responses": {"200": _json("Zoekresultaat", {"$ref": "#/components/schemas/SearchResult"}),
                              "304": {"description": "Niet gewijzigd (If-None-Match)"}, **errors},
            }},
            "/api/v1/facets": {"get": {
                "operationId": "facets", "summary": "Alleen de facetten (aantallen) van een zoekopdracht",
                "parameters": search_params,
                "responses": {"200": _json("Facetten", {"$ref": "#/components/schemas/Facets"}),
                              "304": {"description": "Niet gewijzigd"}, **errors},
            }},
            "/api/v1/documents/{doc_id}": {"get": {
                "operationId": "document", "summary": "Eén document: metadata, Markdown en veilige HTML",
                "parameters": [{"name": "doc_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _json("Document", {"$ref": "#/components/schemas/Document"}),
                              "304": {"description": "Niet gewijzigd"},
                              "404": _problem("Document bestaat niet")},
            }},
            "/api/v1/taxonomy": {"get": {
                "operationId": "taxonomy", "summary": "Thema's, disciplines, doelgroepen, soorten en regio's",
                "responses": {"200": _json("Taxonomie", {"$ref": "#/components/schemas/Taxonomy"}),
                              "304": {"description": "Niet gewijzigd"}},
            }},
        },
        "components": {"schemas": {
            "Hit": HIT, "Bucket": BUCKET, "Problem": PROBLEM,
            "Facets": {"type": "object", "required": list(FACETS),
                       "properties": {f: {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}}
                                      for f in FACETS}},
            "SearchResult": _search_result_schema(),
            "Document": _document_schema(),
            "Taxonomy": {"type": "object", "required": list(FACETS), "properties": {
                f: {"type": "array", "items": {"type": "object", "required": ["id", "label", "aliases", "parent"],
                                               "properties": {"id": {"type": "string"}, "label": {"type": "string"},
                                                              "aliases": {"type": "array", "items": {"type": "string"}},
                                                              "parent": NULLABLE_STRING,
                                                              "level": NULLABLE_STRING}}}
                for f in FACETS}},
        }},
    }


def _integer_or_empty(default: int) -> dict:
    """A whole number, or empty (an empty form field means the default)."""
    return {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 999_999_999},
                      {"type": "string", "enum": [""]}], "default": default}


def _facet_parameter(name: str, taxonomy: Taxonomy) -> dict:
    if name == "year":
        items = {"type": "string", "pattern": "^(" + "|".join([YEAR_PATTERN, *PERIODS, UNKNOWN_YEAR]) + ")?$"}
        description = (f"Jaar (2023), CMK-periode (2021-2024) of '{UNKNOWN_YEAR}' (documenten zonder datum); "
                       "meerdere waarden: OF; leeg telt niet.")
    else:
        items = {"type": "string", "enum": ["", *(t.id for t in taxonomy.terms(name))]}
        description = f"{FACET_LABELS[name]} (id; labels en aliassen werken ook); meerdere waarden: OF; leeg telt niet."
    return {"name": name, "in": "query", "required": False, "description": description,
            "style": "form", "explode": True, "schema": {"type": "array", "maxItems": 50, "items": items}}


def _search_result_schema() -> dict:
    nullable_object = lambda props: {"type": ["object", "null"], "properties": props}  # noqa: E731
    return {
        "type": "object",
        "required": ["query", "total", "page", "per_page", "pages", "hits", "facets", "relaxation",
                     "suggestion", "filter_drops", "query_error", "place_filter", "place_within",
                     "complete", "related", "links"],
        "properties": {
            "query": {"type": "object"},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
            "pages": {"type": "integer", "minimum": 1},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"$ref": "#/components/schemas/Bucket"}}},
            "relaxation": nullable_object({"kind": {"type": "string"}, "original": {"type": "string"},
                                           "used": {"type": "string"}, "message": {"type": "string"},
                                           "shown": {"type": "string"}}),
            "suggestion": nullable_object({"query": {"type": "string"}, "total": {"type": "integer"}}),
            "filter_drops": {"type": "array", "items": {"type": "object"}},
            "query_error": NULLABLE_STRING,
            "place_filter": nullable_object({"value": {"type": "string"}, "label": {"type": "string"},
                                             "total": {"type": "integer"}}),
            "place_within": nullable_object({"name": {"type": "string"}, "value": {"type": "string"},
                                             "label": {"type": "string"}}),
            "complete": {"type": ["integer", "null"], "minimum": 0},
            "related": {"type": "array", "items": {"type": "string"},
                        "description": "verwante woorden waarmee ook resultaten zonder het zoekwoord zijn gevonden"},
            "links": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
        },
    }


def _document_schema() -> dict:
    strings = {"type": "array", "items": {"type": "string"}}
    values = {"type": "array", "items": VALUE}
    return {
        "type": "object",
        "required": ["id", "type", "type_guessed", "title", "date", "summary", "themes", "regions", "disciplines",
                     "audience", "organisations", "source", "markdown", "html", "url"],
        "properties": {
            "id": {"type": "string"}, "type": {"type": "string"},
            "type_guessed": {"type": "boolean", "description": "the import only guessed the type; an editor has "
                                                               "not confirmed it yet (the page says 'vermoedelijk')"},
            "title": {"type": "string"},
            "date": NULLABLE_DATE, "summary": {"type": "string"},
            "themes": values, "regions": values, "disciplines": values, "audience": values,
            "organisations": strings,
            "source": {"type": "object", "properties": {"url": NULLABLE_STRING, "authors": strings,
                                                        "publication": NULLABLE_STRING}},
            "markdown": {"type": "string"}, "html": {"type": "string"}, "url": {"type": "string"},
        },
    }


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problem(description: str) -> dict:
    return {"description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
