"""Text articles (.txt, .md, stdin): the encodings Arabic text arrives in, decided without
guessing silently, and refusing what is not text.

In order: a byte-order mark (UTF-8, UTF-16); UTF-16 without one (every other byte a NUL or an
Arabic high byte); strict UTF-8; UTF-8 with a few bad bytes (a truncated download), replaced and
counted in a warning; Windows-1256, the legacy encoding of Arabic, only when the result reads as
Arabic text. Anything else is refused with the offset of the first byte that is not UTF-8.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article

# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# At most one invalid UTF-8 sequence per this many bytes for a file to be read as damaged UTF-8
# (legacy Arabic read as UTF-8 has one every few bytes).
_BYTES_PER_BAD_UTF8 = 100
# Windows-1256 is accepted when this share of its non-ASCII characters are Arabic letters,
# digits or marks (legacy Arabic text is; UTF-8 or Latin-1 bytes read as 1256 are not).
_MIN_ARABIC_SHARE_1256 = 0.9
# UTF-16 without a BOM: this share of the high bytes are NUL (ASCII) or 0x06 (Arabic).
_MIN_UTF16_HIGH_SHARE = 0.9


@dataclass(frozen=True)
class Decoded:
    """An article's text and how it was decided."""

    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16, utf-16-le, utf-16-be, cp1256
    warnings: tuple[str, ...] = ()


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when the bytes look like UTF-16 text with no BOM."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        share = sum(1 for b in high if b in (0x00, 0x06)) / len(high)
        if share >= _MIN_UTF16_HIGH_SHARE:
            return encoding
    return None


def _arabic_1256(text: str) -> bool:
    """True when Windows-1256 decoding gave Arabic text, not mojibake."""
    wide = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    if not wide:
        return False
    arabic = sum(1 for ch in wide if "\u0600" <= ch <= "\u06ff")
    return arabic / len(wide) >= _MIN_ARABIC_SHARE_1256


def _damaged_utf8(data: bytes, name: str) -> Decoded | None:
    """Mostly UTF-8 with a few bad bytes: decoded with U+FFFD in their place, and a warning."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # invalid sequences
    if bad * _BYTES_PER_BAD_UTF8 > len(data):
        return None
    warning = (
        f"{name}: {bad} invalid UTF-8 sequence{'s' if bad != 1 else ''} "
        "(a damaged or truncated file?), shown as \ufffd"
    )
    return Decoded(text, "utf-8", (warning,))


def decode_bytes(data: bytes, name: str = "input") -> Decoded:
    """Decode an article's bytes (see the module's docstring); binary data and undecidable
    bytes raise InputError."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif (utf16 := _utf16_without_bom(data)) is not None:
        candidates = [utf16]
    elif b"\x00" in data:
        raise InputError(f"{name}: binary data, not a text article")
    else:
        candidates = ["utf-8"]
    decoded: Decoded | None = None
    first_bad: int | None = None
    for encoding in candidates:
        try:
            decoded = Decoded(data.decode(encoding), encoding)
            break
        except UnicodeDecodeError as exc:
            first_bad = exc.start if first_bad is None else first_bad
    if decoded is None and candidates == ["utf-8"]:
        decoded = _damaged_utf8(data, name)
        if decoded is None:
            text = data.decode("cp1256", errors="replace")
            decoded = Decoded(text, "cp1256") if _arabic_1256(text) else None
    if decoded is None:
        where = f" (byte {first_bad} is not UTF-8)" if first_bad is not None else ""
        raise InputError(
            f"{name}: cannot decode{where}: not UTF-8, UTF-16 or Windows-1256 Arabic; "
            "save it as UTF-8 and retry"
        )
    if _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary data, not a text article")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, decoded.encoding, decoded.warnings)


def read(data: bytes, name: str) -> Article:
    """A text or markdown article."""
    decoded = decode_bytes(data, name)
    return Article(
        name=name, text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings
    )
