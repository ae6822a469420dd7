"""Reading articles: encodings Arabic text arrives in, and refusing what is not text."""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError, OutputError

# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls / len(text)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are detected; bytes that are not UTF-8 are
    read as Windows-1256, the usual legacy encoding of Arabic. Binary data raises InputError.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise InputError(f"{name}: binary data, not a text article")
    else:
        candidates = ["utf-8", "cp1256"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise InputError(f"{name}: binary data, not a text article")
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise InputError(
        f"{name}: cannot decode as UTF-8, UTF-16 or Windows-1256; save it as UTF-8 and retry"
    )


def read_article(path: str | Path) -> str:
    """Read an article from a file path, or from stdin when the path is '-'."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        file = Path(path)
        name = str(file)
        if not file.exists():
            raise InputError(f"{name}: no such file")
        if file.is_dir():
            raise InputError(f"{name}: is a directory (use `summarize batch` for folders)")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror}") from exc
    text, _ = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return text


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` through a temporary file and a rename: never a half file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
