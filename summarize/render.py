"""Output formats: plain text, markdown, and JSON following schema/document.schema.json."""

from __future__ import annotations

import json
from typing import Any

from .analysis import Analysis
from .document import Document

SCHEMA_VERSION = 1
FORMATS = ("text", "markdown", "json")


def _analysis_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "outlet": analysis.outlet,
        "claims": [
            {
                "id": c.id,
                "sentence_ids": list(c.sentence_ids),
                "voice": c.voice,
                "party": c.party,
                "party_source": c.party_source,
                "cue": c.cue,
                "kind": c.kind,
                "text": c.text,
                "quotes": list(c.quotes),
            }
            for c in analysis.claims
        ],
        "summary": [
            {
                "text": i.text,
                "party": i.party,
                "claim_ids": list(i.claim_ids),
                "sentence_ids": list(i.sentence_ids),
                "origin": i.origin,
            }
            for i in analysis.summary
        ],
        "loaded_terms": [
            {
                "term": t.term,
                "sentence_id": t.sentence_id,
                "used_by": t.used_by,
                "in_quotes": t.in_quotes,
            }
            for t in analysis.loaded_terms
        ],
    }


def to_dict(document: Document) -> dict[str, Any]:
    """The JSON form of a document (schema_version 1)."""
    data = _base_dict(document)
    if document.analysis is not None:
        data.update(_analysis_dict(document.analysis))
    return data


def _base_dict(document: Document) -> dict[str, Any]:
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


def _translation_blocks(
    document: Document, markdown: bool, skip_headline: bool = False
) -> list[str]:
    blocks = []
    for paragraph in document.paragraphs():
        if skip_headline and paragraph[0].kind == "headline":
            continue
        shown = [s.translation for s in paragraph if s.kind != "boilerplate" and s.translation]
        if not shown:
            continue
        prefix = {"headline": "# ", "heading": "## "}.get(paragraph[0].kind, "") if markdown else ""
        blocks.append(prefix + " ".join(shown))
    return blocks


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _who_said_what(analysis: Analysis, markdown: bool) -> list[str]:
    if markdown:
        rows = ["| party | cue | claim | sentence |", "|---|---|---|---|"]
        rows += [
            f"| {_cell(c.party)} | {_cell(c.cue or c.voice)} | {_cell(c.text)} | "
            f"{', '.join(map(str, c.sentence_ids))} |"
            for c in analysis.claims
        ]
        return rows
    return [
        f"[{', '.join(map(str, c.sentence_ids))}] {c.party} ({c.cue or c.voice}; {c.kind}): "
        f"{c.text}"
        for c in analysis.claims
    ]


def _with_analysis(document: Document, markdown: bool) -> str:
    analysis = document.analysis
    if analysis is None:
        return "\n\n".join(_translation_blocks(document, markdown)) + "\n"
    translation = _translation_blocks(document, markdown, skip_headline=True)
    title = [s.translation for s in document.sentences if s.kind == "headline" and s.translation]
    if markdown:
        summary = [
            f"- **{_cell(i.party)}**: {i.text} (sentences {', '.join(map(str, i.sentence_ids))})"
            for i in analysis.summary
        ]
        head = [f"# {t}" for t in title] + ["## Summary", "\n".join(summary), "## Translation"]
        tail = ["## Who said what", "\n".join(_who_said_what(analysis, True))]
    else:
        summary = [f"- {i.text} [{', '.join(map(str, i.sentence_ids))}]" for i in analysis.summary]
        head = [*title, "SUMMARY", "\n".join(summary), "TRANSLATION"]
        tail = ["WHO SAID WHAT", "\n".join(_who_said_what(analysis, False))]
    boilerplate = [s.source for s in document.sentences if s.kind == "boilerplate"]
    if boilerplate:
        label = "## Boilerplate (not translated)" if markdown else "BOILERPLATE (not translated)"
        tail += [label, "\n".join(f"- {line}" for line in boilerplate)]
    return "\n\n".join(head + translation + tail) + "\n"


def to_text(document: Document) -> str:
    """Plain text: the summary (when there is one), the translation, then who said what."""
    return _with_analysis(document, markdown=False)


def to_markdown(document: Document) -> str:
    """Markdown: like text, with '#' headings, the party in bold and a who-said-what table."""
    return _with_analysis(document, markdown=True)


def render(document: Document, fmt: str) -> str:
    """Render in one of FORMATS."""
    if fmt == "json":
        return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(document)
    if fmt == "text":
        return to_text(document)
    raise ValueError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")
