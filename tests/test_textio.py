"""Reading: encodings, binary and empty input, atomic writes; normalisation; language checks."""

from __future__ import annotations

import codecs
import json
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
    decoded = decode_bytes(data)
    assert decoded.text == ARABIC and not decoded.warnings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(encoding: str) -> None:
    decoded = decode_bytes((ARABIC + " CNN 2024").encode(encoding))
    assert (decoded.text, decoded.encoding) == (ARABIC + " CNN 2024", encoding)


def test_a_few_bad_bytes_are_replaced_and_counted_not_guessed() -> None:
    # a truncated download: valid UTF-8 but for one byte (it used to become 1256 gibberish)
    data = (ARABIC * 5).encode("utf-8")
    at = data.index(b" ", 40)  # between two characters
    damaged = data[:at] + b"\xff" + data[at:]
    decoded = decode_bytes(damaged, "a.txt")
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", "") == ARABIC * 5
    assert decoded.warnings == (
        "a.txt: 1 invalid UTF-8 sequence (a damaged or truncated file?), shown as \ufffd",
    )


def test_undecidable_bytes_are_refused_with_the_offset() -> None:
    french = "Le ministère a déclaré que la réunion aura lieu demain.".encode("latin-1")
    with pytest.raises(InputError, match=r"fr.txt: cannot decode \(byte 9 is not UTF-8\)"):
        decode_bytes(french, "fr.txt")


def test_reading_records_the_encoding_and_the_warning_in_json(tmp_path: Path) -> None:
    from summarize import RunOptions, run_document
    from summarize.writers import render

    path = tmp_path / "damaged.txt"
    text = "اشتباكات\n\nThe army said the town was calm. Officials said talks went on.\n" * 3
    path.write_bytes(text.encode("utf-8").replace(b"calm", b"c\xffalm", 1))
    article = read_article(path)
    document = run_document(article, None, RunOptions("en"))
    data = json.loads(render(document, "json"))
    assert (data["source"]["name"], data["source"]["encoding"]) == (str(path), "utf-8")
    assert any("1 invalid UTF-8 sequence" in w for w in data["warnings"])
    cp1256 = tmp_path / "legacy.txt"
    cp1256.write_bytes(ARABIC.encode("cp1256"))
    assert read_article(cp1256).encoding == "cp1256"


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
    with pytest.raises(InputError, match="looks like Arabic"):
        check_language("هذا نص عربي", "en")
    # names what it is honestly; suggests --source-lang en only for English
    with pytest.raises(InputError, match="--source-lang en to summarize English"):
        check_language("The ministry said on Monday that the talks were over.", "ar")
    french = "Le ministère a déclaré lundi que les négociations étaient terminées."
    with pytest.raises(InputError, match=r"Latin-script text \(not English\), not Arabic") as info:
        check_language(french, "ar")
    assert "summarize English text" not in str(info.value)
    with pytest.raises(InputError, match="looks like Latin-script text"):
        check_language(french, "en")
    with pytest.raises(InputError, match="text with no letters"):
        check_language("... --- 2024 !!!", "ar")


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_atomic(target, "نص")
    assert target.read_text("utf-8") == "نص"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        write_atomic(blocker / "out.txt", "نص")


def test_ctrl_c_in_the_middle_of_a_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_source: str, _target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("summarize.writers.files.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.txt", "نص")
    assert not list(tmp_path.iterdir())  # neither the output nor its temporary file
