"""CSV: one row per claim, for spreadsheets (UTF-8 with a byte-order mark, so spreadsheet
programs open Arabic correctly). A translation without claims has one row per sentence."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..model import Document

COLUMNS = ("sentence_id", "party", "via", "cue", "kind", "english", "source", "confidence")
BOM = "\ufeff"


def rows(document: Document) -> list[list[str]]:
    """The document's claim rows (without a header)."""
    sentences = {s.id: s for s in document.sentences}
    if document.analysis is None:
        return [
            [str(s.id), "", "", "", "", s.translation, s.source, _confidence([s.confidence])]
            for s in document.sentences
            if s.kind != "boilerplate"
        ]
    return [
        [
            " ".join(map(str, c.sentence_ids)),
            c.party,
            c.via or "",
            c.cue or "",
            c.kind,
            c.text,
            " ".join(sentences[i].source for i in c.sentence_ids),
            _confidence([sentences[i].confidence for i in c.sentence_ids]),
        ]
        for c in document.analysis.claims
    ]


def _confidence(values: list[float | None]) -> str:
    """The lowest confidence of the sentences ("" when not translated)."""
    known = [v for v in values if v is not None]
    return f"{min(known):.4f}" if known else ""


def table(header: Iterable[str], body: Iterable[list[str]]) -> str:
    """CSV text with the BOM, the header and the rows (line ends as RFC 4180: CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(body)
    return BOM + out.getvalue()


def render(document: Document) -> str:
    """The document's claims as CSV."""
    return table(COLUMNS, rows(document))
