"""Word files (.docx), read with python-docx: paragraphs in order, headings ("Title", "Heading N"
styles) as headings, tables row by row where they stand, footnotes at the end.

A .docx is a zip: one that holds no Word document, or whose parts would unpack to more than
MAX_UNPACKED bytes (a decompression bomb), is refused before it is opened.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..model import Article, SourceInfo

MAX_UNPACKED = 200 * 1024 * 1024  # bytes all parts may unpack to
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{name}: not a Word file (not a .docx zip)") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{name}: a zip that holds no Word document")
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise InputError(
                f"{name}: unpacks to {unpacked / 1048576:.0f} MB, more than "
                f"{MAX_UNPACKED // 1048576} MB (a decompression bomb?)"
            )


def _is_heading(style: str) -> bool:
    return style == "Title" or style.startswith("Heading")


def _blocks(document: object) -> list[str]:
    """The body's paragraphs and tables, in order, as lines ('#' before headings)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)  # type: ignore[arg-type]
            text = paragraph.text.strip()
            style = paragraph.style.name if paragraph.style is not None else ""
            if text:
                lines.append(f"# {text}" if _is_heading(style or "") else text)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:  # type: ignore[arg-type]
                cells = [c.text.strip() for c in row.cells]
                unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                if unique:
                    lines.append(" | ".join(unique))
    return lines


def _footnotes(document: object) -> list[str]:
    """The footnotes' text (python-docx has no API for them: read their part's XML)."""
    from lxml import etree

    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            notes = []
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in {"separator", "continuationSeparator"}:
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
                if text:
                    notes.append(text)
            return notes
    return []


def read(data: bytes, name: str) -> Article:
    """A Word document's article."""
    _check_zip(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise InputError(f"{name}: not a readable Word file ({type(exc).__name__})") from None
    lines = _blocks(document) + _footnotes(document)
    if not lines:
        raise InputError(f"{name}: the Word file has no text")
    properties = document.core_properties
    source = SourceInfo(
        kind="docx",
        author=properties.author or None,
        title=properties.title or None,  # (no date: "created" is often the template's)
    )
    return Article(name, "\n\n".join(lines) + "\n", "utf-8", (), source)
