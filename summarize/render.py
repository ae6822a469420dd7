"""Output formats: plain text, markdown, and JSON following schema/document.schema.json."""

from __future__ import annotations

import json
from typing import Any

from .document import Document

SCHEMA_VERSION = 1
FORMATS = ("text", "markdown", "json")


def to_dict(document: Document) -> dict[str, Any]:
    """The JSON form of a document (schema_version 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source_language": document.source_language,
        "models": dict(document.models),
        "sentences": [
            {
                "id": s.id,
                "paragraph": s.paragraph,
                "kind": s.kind,
                "source": s.source,
                "translation": s.translation,
                "pieces": s.pieces,
                "redecoded": s.redecoded,
            }
            for s in document.sentences
        ],
        "warnings": list(document.warnings),
    }


def to_text(document: Document) -> str:
    """Plain text: one paragraph per block, headings on their own line."""
    blocks = []
    for paragraph in document.paragraphs():
        shown = [s.translation for s in paragraph if s.kind != "boilerplate" and s.translation]
        if shown:
            blocks.append(" ".join(shown))
    return "\n\n".join(blocks) + "\n"


def to_markdown(document: Document) -> str:
    """Markdown: the headline as '#', headings as '##', paragraphs as text."""
    blocks = []
    for paragraph in document.paragraphs():
        first = paragraph[0]
        shown = [s.translation for s in paragraph if s.kind != "boilerplate" and s.translation]
        if not shown:
            continue
        prefix = {"headline": "# ", "heading": "## "}.get(first.kind, "")
        blocks.append(prefix + " ".join(shown))
    return "\n\n".join(blocks) + "\n"


def render(document: Document, fmt: str) -> str:
    """Render in one of FORMATS."""
    if fmt == "json":
        return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(document)
    if fmt == "text":
        return to_text(document)
    raise ValueError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")
