"""Importing web pages (.html), Markdown (.md, with or without front matter), plain text (.txt), PDF and Word
(.docx) files as corpus documents, with one outcome per file. No Flask.

One module per step: `files` (which files, read by type), `html`, `text`, `pdf` and `docx` (one per
format), `dates`, `titles`, `identity` (is it a document we already have?), `fields` (options, file
values, suggestions), `run` (the import itself and its outcomes) and `model` (the dataclasses they
share). Measurements behind the choices: docs/import.md."""
from .dates import batch_date, find_date, parse_date_value
from .fields import Fields, choose_fields
from .files import MAX_BINARY_BYTES, MAX_BYTES, SUFFIXES, iter_files, max_bytes, read_path, save_as, too_big
from .html import html_to_markdown, read_html
from .identity import normalise_url
from .model import STATUS_LABELS, STATUSES, Draft, ImportProblem, Options, Outcome
from .run import BATCH, Importer, import_paths, review_summary, summarise
from .text import read_markdown, read_text, text_to_markdown

__all__ = ["BATCH", "MAX_BINARY_BYTES", "MAX_BYTES", "STATUSES", "STATUS_LABELS", "SUFFIXES", "Draft", "Fields", "ImportProblem",
           "Importer", "Options", "Outcome", "batch_date", "choose_fields", "find_date", "html_to_markdown", "import_paths",
           "iter_files", "max_bytes", "normalise_url", "parse_date_value", "read_html", "read_markdown", "read_path",
           "read_text", "review_summary", "save_as", "summarise", "text_to_markdown", "too_big"]
