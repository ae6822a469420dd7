"""Reading: encodings, binary and empty input, atomic writes; normalisation; language checks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from summarize.errors import InputError, OutputError
from summarize.lang.langid import check_language
from summarize.lang.normalize import normalize_line, normalize_text
from summarize.readers import read_article
from summarize.readers.text import decode_bytes
from summarize.writers.files import write_atomic

ARABIC = "قال المتحدث إن الاجتماع سيعقد غداً.\nوأضاف أن “الوضع مستقر”."


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
        ARABIC.encode("cp1256"),
        ARABIC.replace("\n", "\r\n").encode("utf-8"),
        ARABIC.replace("\n", "\r\n").encode("cp1256"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    text, _ = decode_bytes(data)
    assert text == ARABIC


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 4, "x.bin")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x01\x02\x03\x04" * 100 + b"abc", "x.bin")


def test_read_article_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ", "utf-8")
    with pytest.raises(InputError, match="empty"):
        read_article(empty)
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_normalisation_removes_marks_and_keeps_letters() -> None:
    raw = "\ufeff\u200fقال\u200b  المتحدث\u061c\u00a0إنّ\t الأمرَ \u200eمهم"
    assert normalize_line(raw) == "قال المتحدث إنّ الأمرَ مهم"
    assert normalize_text("أ\r\nب\rج") == "أ\nب\nج"


def test_language_check() -> None:
    check_language("هذا نص عربي مع كلمة English واحدة", "ar")
    with pytest.raises(InputError, match="English"):
        check_language("This is an English article about the economy.", "ar")
    with pytest.raises(InputError, match="not English"):
        check_language("هذا نص عربي", "en")


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_atomic(target, "نص")
    assert target.read_text("utf-8") == "نص"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        write_atomic(blocker / "out.txt", "نص")
