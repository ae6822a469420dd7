"""Writers: a Document into an output format, chosen by the format's name.

`WRITERS` maps a format to the module of this package that renders it and the suffix batch mode
gives its files; each such module has `render(document: Document) -> str`. Modules are imported
only when their format is asked for.

To add an output format: write summarize/writers/<module>.py with `render`, and add it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ..model import Document


@dataclass(frozen=True)
class Writer:
    """One output format."""

    module: str  # the module of this package with `render(document) -> str`
    suffix: str  # file suffix in batch mode


WRITERS: dict[str, Writer] = {
    "text": Writer("plain", ".txt"),  # the summary, the translation, who said what
    "markdown": Writer("markdown", ".md"),  # the same with headings, bold parties, a table
    "json": Writer("json", ".json"),  # everything, following schema/document.schema.json
    "html": Writer("html", ".html"),  # a self-contained bilingual report (templates/)
    "csv": Writer("csv", ".csv"),  # one row per claim, for spreadsheets
}
FORMATS = tuple(WRITERS)


def render(document: Document, fmt: str) -> str:
    """`document` in the format `fmt` (one of FORMATS)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")
    text: str = import_module(f"{__name__}.{writer.module}").render(document)
    return text
