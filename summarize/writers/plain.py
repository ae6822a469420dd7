"""Plain text: the headline, the summary, the translation, who said what, the boilerplate.

A sentence the model translated with low confidence ends with "[low confidence]".

markdown.py renders the same layout with markdown headings, bold parties and a table.
"""

from __future__ import annotations

from ..model import Analysis, Document


def _translation_blocks(
    document: Document, markdown: bool, skip_headline: bool = False
) -> list[str]:
    blocks = []
    for paragraph in document.paragraphs():
        if skip_headline and paragraph[0].kind == "headline":
            continue
        shown = [
            s.translation + (" [low confidence]" if s.low_confidence else "")
            for s in paragraph
            if s.kind != "boilerplate" and s.translation
        ]
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


def layout(document: Document, markdown: bool) -> str:
    """The text layout (markdown: with headings, bold parties and a who-said-what table)."""
    analysis = document.analysis
    if analysis is None:
        return "\n\n".join(_translation_blocks(document, markdown)) + "\n"
    translation = _translation_blocks(document, markdown, skip_headline=True)
    title = [
        s.translation + (" [low confidence]" if s.low_confidence else "")
        for s in document.sentences
        if s.kind == "headline" and s.translation
    ]
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


def render(document: Document) -> str:
    """Plain text: the summary (when there is one), the translation, then who said what."""
    return layout(document, markdown=False)
