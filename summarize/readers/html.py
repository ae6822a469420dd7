"""Saved web pages (.html, .htm) and fetched ones: the article's main content, extracted with
trafilatura (navigation, widgets, related links, comments, share bars and scripts left out), its
title as the headline, sub-headings and paragraphs kept, and what the page states about itself
(site name, author, date, canonical address).

Charset: the HTTP header's (for a fetched page), else the page's meta tag, else detected as for
text files; a declared charset that does not decode the page is overridden, with a warning.
A date is kept only when the page states it (no guess from a copyright year).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from ..errors import InputError
from ..model import Article, SourceInfo
from .text import Decoded, decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def declared_charset(data: bytes) -> str | None:
    """The charset a page's meta tag declares (in its first 4 KB)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def _decode(data: bytes, name: str, charset: str | None) -> Decoded:
    declared = charset or declared_charset(data)
    if declared:
        try:
            encoding = codecs.lookup(declared).name
            return Decoded(data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError):
            found = decode_bytes(data, name)
            warning = f"{name}: the page says its charset is {declared}, but it is {found.encoding}"
            return replace(found, warnings=(*found.warnings, warning))
    return decode_bytes(data, name)


def _plain(markdown: str) -> str:
    """trafilatura's markdown without emphasis marks ('#' headings are kept: they are the
    text reader's headings)."""
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), markdown)


def read_page(
    data: bytes, name: str, charset: str | None = None, url: str | None = None
) -> Article:
    """A web page's article."""
    from trafilatura import bare_extraction

    decoded = _decode(data, name, charset)
    extracted = bare_extraction(
        decoded.text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _plain(str(getattr(extracted, "text", "") or "")).strip() if extracted else ""
    if not text:
        raise InputError(f"{name}: no article text found in the page")
    title = (getattr(extracted, "title", None) or "").strip() or None
    if title and not text.startswith("#") and text.splitlines()[0].strip() != title:
        text = f"# {title}\n\n{text}"  # the title is the headline
    source = SourceInfo(
        kind="html",
        url=url or getattr(extracted, "url", None) or None,
        site_name=getattr(extracted, "sitename", None) or None,
        author=getattr(extracted, "author", None) or None,
        date=getattr(extracted, "date", None) or None,
        title=title,
    )
    return Article(name, text + "\n", decoded.encoding, decoded.warnings, source)


def read(data: bytes, name: str) -> Article:
    """A saved page (.html, .htm)."""
    return read_page(data, name)
