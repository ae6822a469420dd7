"""PDF files with a text layer, read with pypdfium2 (the PDFium engine of Chrome).

Characters are taken with their positions and put back in reading order: lines by baseline,
right to left for Arabic with runs of Latin letters and digits kept left to right, the lam-alef
ligature in logical order (some writers map it reversed), presentation forms normalised (NFKC).
Lines are joined into paragraphs (a line ending a sentence, a wider gap or a larger font ends
one; larger type is a heading); page headers and footers (a line repeated at the top or bottom
of most pages, page numbers) and hyphenation at line ends are dropped. A PDF with no text layer
(a scan), an encrypted or a broken one is refused with one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from ..errors import InputError
from ..model import Article, SourceInfo

_ENDS = (".", "!", "?", "؟", ":", "…", "»", "”", '"')
_ALEFS = {"ا", "أ", "إ", "آ"}
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u0660-\u0669][A-Za-z0-9\u0660-\u0669.,%/:\-+' ]*[A-Za-z0-9\u0660-\u0669]"
    r"|[A-Za-z0-9\u0660-\u0669]"
)
_MIRRORED = str.maketrans("()[]«»", ")(][»«")
_PAGE_NUMBER = re.compile(r"^[\W\d٠-٩]*(?:(?:صفحة|page|ص)\W*)?[\d٠-٩]+[\W\d٠-٩]*$", re.I)


@dataclass
class _Char:
    text: str
    x: float  # the glyph's origin on its baseline
    y: float
    right: float  # the glyph's box
    left: float
    size: float


@dataclass
class _Line:
    text: str
    y: float
    size: float


def _chars(page: object) -> list[_Char]:
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    x, y = ctypes.c_double(), ctypes.c_double()
    found = []
    for i in range(textpage.count_chars()):
        text = textpage.get_text_range(i, 1)
        if not text.strip():
            continue  # spaces and line breaks PDFium guessed: rebuilt from positions
        raw.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        left, _bottom, right, _top = textpage.get_charbox(i)
        size = raw.FPDFText_GetFontSize(textpage.raw, i)
        found.append(_Char(text, x.value, y.value, right, left, size))
    return found


def _order(chars: list[_Char], rtl: bool) -> str:
    """One line's characters in reading order, with spaces where the glyphs stand apart."""
    ordered = sorted(chars, key=lambda c: -c.x if rtl else c.x)
    text: list[str] = []
    for i, char in enumerate(ordered):
        if i:
            before = ordered[i - 1]
            gap = (before.left - char.right) if rtl else (char.left - before.right)
            if gap > 0.2 * max(char.size, 1.0):
                text.append(" ")
            if (  # lam-alef written as one glyph and mapped alef first
                before.text in _ALEFS and char.text == "ل" and abs(before.x - char.x) < 0.01
            ):
                text[-1], char = char.text, _Char(before.text, 0, 0, 0, 0, 0)
        text.append(char.text)
    line = "".join(text)
    if rtl:  # runs of Latin letters and digits read left to right inside the line
        line = _LTR_RUN.sub(lambda m: m.group(0)[::-1], line)
        line = line.translate(_MIRRORED)
    return unicodedata.normalize("NFKC", " ".join(line.split()))


def _lines(chars: list[_Char], rtl: bool) -> list[_Line]:
    """Characters grouped into lines by baseline, top of the page first."""
    rows: list[list[_Char]] = []
    for char in sorted(chars, key=lambda c: -c.y):
        if rows and abs(rows[-1][0].y - char.y) <= max(char.size, 1.0) * 0.3:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        text = _order(row, rtl)
        if text:
            size = Counter(round(c.size) for c in row).most_common(1)[0][0]
            lines.append(_Line(text, row[0].y, float(size)))
    return lines


def _furniture(pages: list[list[_Line]]) -> set[str]:
    """Page headers and footers: the first or last line of most pages, digits aside."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        ends = {re.sub(r"[\d٠-٩]+", "#", line.text) for line in (*lines[:1], *lines[-1:])}
        counts.update(ends)
    return {key for key, n in counts.items() if n * 2 > len(pages)}


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    furniture = _furniture(pages)
    kept = [
        line
        for lines in pages
        for line in lines
        if re.sub(r"[\d٠-٩]+", "#", line.text) not in furniture
        and not _PAGE_NUMBER.match(line.text)
    ]
    if not kept:
        return []
    body = Counter(round(line.size) for line in kept).most_common(1)[0][0]
    steps = Counter(round(a.y - b.y) for lines in pages for a, b in pairwise(lines) if a.y > b.y)
    pitch = steps.most_common(1)[0][0] if steps else 1.2 * body  # the usual line spacing
    paragraphs: list[str] = []
    current = ""
    previous: _Line | None = None
    for line in kept:
        heading = line.size > body * 1.15
        gap = previous is not None and (previous.y - line.y) > 1.4 * pitch
        if (
            heading
            or gap
            or not current
            or current.endswith(_ENDS)
            or previous is None
            or (previous.size > body * 1.15)
        ):
            if current:
                paragraphs.append(current)
            current = f"# {line.text}" if heading else line.text
        elif current.endswith("-") and current[-2:-1].isalpha() and current[-2:-1].isascii():
            current = current[:-1] + line.text  # a hyphenated word, joined
        else:
            current = f"{current} {line.text}"
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def read(data: bytes, name: str) -> Article:
    """A PDF's article."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(f"{name}: an encrypted PDF; save it without a password") from None
        raise InputError(f"{name}: not a readable PDF ({exc})") from None
    try:
        chars = [_chars(page) for page in document]
        letters = [c.text for page in chars for c in page if c.text.isalpha()]
        rtl = sum(1 for c in letters if c >= "\u0600") * 2 >= len(letters)
        pages = [_lines(page, rtl) for page in chars]
        title = (document.get_metadata_dict().get("Title") or "").strip() or None
        author = (document.get_metadata_dict().get("Author") or "").strip() or None
    finally:
        document.close()
    if not any(pages):
        raise InputError(f"{name}: the PDF has no text layer (a scan?); run OCR on it first")
    paragraphs = _paragraphs(pages)
    if not paragraphs:
        raise InputError(f"{name}: the PDF has no text apart from page headers and numbers")
    source = SourceInfo(kind="pdf", author=author, title=title)
    return Article(name, "\n\n".join(paragraphs) + "\n", "utf-8", (), source)
