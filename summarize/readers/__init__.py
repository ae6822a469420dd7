"""Readers: an input file (or stdin) into an Article, chosen by the file's type.

`READERS` maps a file suffix to the module of this package that reads it; each such module
has `read(data: bytes, name: str) -> Article`. Modules are imported only when a file of their
type is read, so a reader's libraries cost nothing to the others.

To add an input type: write summarize/readers/<module>.py with `read`, and add its suffixes here.
"""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..model import Article

READERS: dict[str, str] = {
    ".txt": "text",  # plain text, one paragraph per line (UTF-8, UTF-16, Windows-1256)
    ".md": "text",  # markdown: '#' lines are headings
    ".html": "html",  # a saved web page: its main content (trafilatura)
    ".htm": "html",
    ".docx": "docx",  # a Word file: paragraphs, headings, tables, footnotes (python-docx)
    ".pdf": "pdf",  # a PDF with a text layer (pypdfium2)
}
DEFAULT = "text"  # stdin, and files of any other type given by name
MAX_BYTES = 20 * 1024 * 1024  # larger inputs are refused before they are read


def suffixes() -> tuple[str, ...]:
    """The suffixes batch mode picks up."""
    return tuple(READERS)


def _too_big(name: str, size: int) -> InputError:
    return InputError(
        f"{name}: {size / 1048576:.0f} MB, more than the {MAX_BYTES // 1048576} MB an article "
        "may be; split it"
    )


def _read_bytes(path: str | Path) -> tuple[bytes, str]:
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _too_big("stdin", len(data))
        return data, "stdin"
    file = Path(path)
    name = str(file)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name}: is a directory (use `summarize batch` for folders)")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(name, size)
        return file.read_bytes(), name
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from exc


def is_url(path: str | Path) -> bool:
    """True when `path` is a web address (any scheme://; only http and https are fetched)."""
    return "://" in str(path) and str(path).split("://", 1)[0].isalpha()


def read_bytes(data: bytes, name: str, suffix: str) -> Article:
    """An article from bytes, read as a file with `suffix` would be."""
    module = READERS.get(suffix.lower(), DEFAULT)
    article: Article = import_module(f"{__name__}.{module}").read(data, name)
    if not article.text.strip():
        raise InputError(f"{name}: empty input")
    return article


def read_article(path: str | Path) -> Article:
    """Read an article from a file path, a web address, or stdin when the path is '-'."""
    if is_url(path):
        from .url import fetch_article

        return fetch_article(str(path))
    data, name = _read_bytes(path)
    return read_bytes(data, name, "" if name == "stdin" else Path(name).suffix)
