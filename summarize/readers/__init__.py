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
}
DEFAULT = "text"  # stdin, and files of any other type given by name


def suffixes() -> tuple[str, ...]:
    """The suffixes batch mode picks up."""
    return tuple(READERS)


def _read_bytes(path: str | Path) -> tuple[bytes, str]:
    if str(path) == "-":
        return sys.stdin.buffer.read(), "stdin"
    file = Path(path)
    name = str(file)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name}: is a directory (use `summarize batch` for folders)")
    try:
        return file.read_bytes(), name
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from exc


def read_article(path: str | Path) -> Article:
    """Read an article from a file path, or from stdin when the path is '-'."""
    data, name = _read_bytes(path)
    module = DEFAULT if name == "stdin" else READERS.get(Path(name).suffix.lower(), DEFAULT)
    article: Article = import_module(f"{__name__}.{module}").read(data, name)
    if not article.text.strip():
        raise InputError(f"{name}: empty input")
    return article
