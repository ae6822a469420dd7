"""Text articles (.txt, .md, stdin): the encodings Arabic text arrives in, and refusing what is
not text."""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..model import Article

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


def read(data: bytes, name: str) -> Article:
    """A text or markdown article."""
    text, encoding = decode_bytes(data, name)
    return Article(name=name, text=text, encoding=encoding)
