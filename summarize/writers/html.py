"""HTML: one self-contained report (inline CSS and JS, nothing fetched) from templates/.

The template (templates/report.html.j2, with report.css and report.js inlined) is Jinja2 with
autoescaping: every piece of article text is escaped, so an article holding markup shows it as
text. This module only builds the values the template shows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Claim, Document, LoadedTerm, Sentence

if TYPE_CHECKING:
    from jinja2 import Environment

_AR_RANGE = re.compile(r"[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report templates (packaged with summarize), autoescaped."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("summarize", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def party_colour(party: str) -> str:
    """A stable, light background colour for a party (the same name, the same colour, in every
    report); dark text on it keeps a contrast ratio above 7:1."""
    hue = int(hashlib.sha256(party.encode("utf-8")).hexdigest()[:4], 16) % 360
    return f"hsl({hue} 70% 86%)"


@dataclass(frozen=True)
class Piece:
    """A run of sentence text, loaded (highlighted, with who used it) or not."""

    text: str
    loaded_by: str | None = None


def pieces(text: str, terms: list[LoadedTerm]) -> list[Piece]:
    """`text` cut around the loaded terms it holds (each escaped by the template)."""
    spots = []
    for term in terms:
        for match in re.finditer(re.escape(term.term), text, re.IGNORECASE):
            spots.append((match.start(), match.end(), term.used_by))
    spots.sort()
    out, last = [], 0
    for start, end, who in spots:
        if start < last:
            continue
        if start > last:
            out.append(Piece(text[last:start]))
        out.append(Piece(text[start:end], who))
        last = end
    if last < len(text):
        out.append(Piece(text[last:]))
    return out


def _warnings(sentence: Sentence) -> list[str]:
    notes = []
    if sentence.redecoded:
        notes.append("re-decoded by the repetition guard")
    if sentence.pieces > 1:
        notes.append(f"translated in {sentence.pieces} pieces (longer than the model's limit)")
    if sentence.low_confidence:
        notes.append(f"low translation confidence ({sentence.confidence:.2f}): double-check it")
    return notes


def _rows(document: Document) -> list[dict[str, Any]]:
    analysis = document.analysis
    claims: dict[int, Claim] = {}
    terms: dict[int, list[LoadedTerm]] = {}
    if analysis is not None:
        claims = {s: c for c in analysis.claims for s in c.sentence_ids}
        for term in analysis.loaded_terms:
            terms.setdefault(term.sentence_id, []).append(term)
    rows = []
    for sentence in document.sentences:
        mine = terms.get(sentence.id, [])
        claim = claims.get(sentence.id)
        rows.append(
            {
                "sentence": sentence,
                "claim": claim,
                "colour": party_colour(claim.party) if claim else None,
                "english": pieces(sentence.translation or sentence.source, mine),
                "source": pieces(sentence.source, mine),
                "warnings": _warnings(sentence),
                "loaded": sorted({t.term for t in mine}),
            }
        )
    return rows


def values(document: Document) -> dict[str, Any]:
    """What the report shows, from the Document alone (the same one JSON writes)."""
    analysis = document.analysis
    headline = next((s for s in document.sentences if s.kind == "headline"), None)
    title = (headline.translation or headline.source) if headline else document.name
    parties = []
    if analysis is not None:
        for name in [c.party for c in analysis.claims] + [i.party for i in analysis.summary]:
            if name not in parties:
                parties.append(name)
    arabic = document.source_language == "ar" or bool(_AR_RANGE.search(document.text[:2000]))
    return {
        "document": document,
        "analysis": analysis,
        "title": title,
        "rows": _rows(document),
        "parties": [{"name": p, "colour": party_colour(p)} for p in parties],
        "colours": {p: party_colour(p) for p in parties},
        "kinds": sorted({c.kind for c in analysis.claims}) if analysis else [],
        "bilingual": document.source_language != "en",  # English input: one column
        "source_dir": "rtl" if arabic else "ltr",
        "source_lang": "ar" if arabic else document.source_language,
        "outlet": (analysis.outlet or "the outlet (not named in the text)") if analysis else None,
        "summarizer": document.models.summarizer.label if document.models.summarizer else None,
    }


def render(document: Document) -> str:
    """The document as one self-contained HTML page."""
    return environment().get_template("report.html.j2").render(**values(document))


def render_index(entries: list[dict[str, Any]], title: str) -> str:
    """A batch's index.html: one row per article (see batch/reports.py for the entries)."""
    colours = {p: party_colour(p) for e in entries for p in e.get("parties", [])}
    return (
        environment()
        .get_template("index.html.j2")
        .render(entries=entries, title=title, colours=colours)
    )
