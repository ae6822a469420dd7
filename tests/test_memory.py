"""The translation memory: reuse, keys, eviction, concurrent writers, damaged files, the CLI."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from summarize.cli import main
from summarize.config import load_models_config
from summarize.translation.base import EngineOptions
from summarize.translation.memory import FILE_NAME, TranslationMemory, unit_key
from summarize.translation.translator import Translator

UNITS = ["قال الوزير إن المحادثات مستمرة.", "أعلنت الوزارة خفض الحصص.", "وصل الوفد إلى عمان."]


@pytest.fixture()
def memory_home(models_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The memory on, in a cache folder of this test's own."""
    home = tmp_path / "cache"
    monkeypatch.setenv("SUMMARIZE_CACHE", str(home))
    monkeypatch.delenv("SUMMARIZE_NO_CACHE")
    return home


def _translator(models_file: Path, memory: bool = True, **spec: Any) -> Translator:
    base = load_models_config(models_file).translators["tiny"]
    from dataclasses import replace

    engine = EngineOptions(device="cpu", backend="ct2", memory=memory)
    return Translator(replace(base, **spec), engine)


def _refuse(translator: Translator, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the model unusable: what is translated now must come from the memory."""

    def no_model(*_: Any, **__: Any) -> Any:
        raise AssertionError("the model was asked to translate")

    monkeypatch.setattr(translator.backend, "submit", no_model)
    monkeypatch.setattr(translator.backend, "translate_batch", no_model)


def test_units_translated_before_are_reused(
    memory_home: Path, models_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _translator(models_file).translate(UNITS)
    assert (memory_home / FILE_NAME).is_file()
    again = _translator(models_file)
    _refuse(again, monkeypatch)
    assert again.translate(UNITS) == first  # text, pieces, re-decodes: all as before
    assert again.translate([UNITS[1], UNITS[1]]) == [first[1], first[1]]


def test_other_settings_or_text_are_not_answered_from_the_memory(
    memory_home: Path, models_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _translator(models_file).translate(UNITS)
    base = load_models_config(models_file).translators["tiny"]
    other = _translator(models_file, repetition_penalty=base.repetition_penalty + 0.5)
    _refuse(other, monkeypatch)
    with pytest.raises(AssertionError, match="asked to translate"):
        other.translate(UNITS[:1])
    keys = {unit_key(("m", 1), "a  b"), unit_key(("m", 1), "a b"), unit_key(("m", 2), "a b")}
    assert len(keys) == 2  # spacing is normalised; settings are not


def test_off_means_off(memory_home: Path, models_file: Path) -> None:
    _translator(models_file, memory=False).translate(UNITS)
    assert not (memory_home / FILE_NAME).exists()


def test_least_recently_used_units_go_past_capacity(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / FILE_NAME, capacity=3)
    memory.put([("a", {"v": 1}), ("b", {"v": 2}), ("c", {"v": 3})])
    assert memory.get(["a"]) == {"a": {"v": 1}}  # a is now the most recently used
    memory.put([("d", {"v": 4})])
    assert set(memory.get(["a", "b", "c", "d"])) == {"a", "c", "d"}  # b was the oldest
    assert memory.stats().units == 3


def _writer(path: str, start: int) -> None:
    memory = TranslationMemory(Path(path))
    for n in range(start, start + 200, 10):
        memory.put([(f"k{i}", {"v": i}) for i in range(n, n + 10)])
    memory.close()


def test_concurrent_writers_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), k * 200)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    memory = TranslationMemory(path)
    found = memory.get([f"k{i}" for i in range(800)])
    assert len(found) == 800 and found["k799"] == {"v": 799}
    assert memory.problem is None


def test_a_file_another_process_holds_while_opening_is_waited_for(tmp_path: Path) -> None:
    # switching a new file to WAL needs it to itself, and SQLite answers "locked" at once
    # (no busy wait) while another connection holds it: the memory tries again, never gives up
    # the memory for it
    path = tmp_path / FILE_NAME
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    memory = TranslationMemory(path)
    memory.put([("k", {"v": 1})])
    release.join()
    assert memory.problem is None
    assert memory.get(["k"]) == {"k": {"v": 1}}
    holder.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "a folder in its place"])
def test_a_damaged_memory_is_a_warning_and_a_run_without_it(
    damage: str, memory_home: Path, models_file: Path, tmp_path: Path
) -> None:
    expected = _translator(models_file, memory=False).translate(UNITS)
    path = memory_home / FILE_NAME
    if damage == "a folder in its place":
        path.mkdir(parents=True)
    else:
        _translator(models_file).translate(UNITS[:2])
        TranslationMemory(path).close()
        data = path.read_bytes()
        path.write_bytes(b"this is not a database" * 50 if damage == "garbage" else data[:1500])
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)
    translator = _translator(models_file)
    assert translator.translate(UNITS) == expected  # never a wrong translation
    memory = translator.memory
    assert memory is not None
    if damage != "truncated":  # a cut file may still read as a (smaller) database
        assert memory.problem and "translating without it" in memory.problem


def test_a_damaged_entry_is_translated_again(
    memory_home: Path, models_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _translator(models_file).translate(UNITS)
    with sqlite3.connect(memory_home / FILE_NAME) as connection:
        connection.execute("UPDATE units SET value = '{\"text\": 1}'")
    assert _translator(models_file).translate(UNITS) == first


def test_cli_warns_and_goes_on_and_cache_commands(
    memory_home: Path, fixture_article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(fixture_article), "-q"]) == 0
    first = capsys.readouterr().out
    assert main(["cache", "stats"]) == 0
    stats = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert int(stats["units"]) > 5 and stats["path"].endswith(FILE_NAME)
    assert main(["run", str(fixture_article), "-q"]) == 0
    assert capsys.readouterr().out == first  # from the memory, the same bytes
    (memory_home / FILE_NAME).write_bytes(b"\x00" * 4096)
    for extra in memory_home.glob(f"{FILE_NAME}-*"):
        extra.unlink()
    assert main(["run", str(fixture_article)]) == 0
    captured = capsys.readouterr()
    assert captured.out == first and "translation memory" in captured.err
    assert main(["cache", "clear"]) == 0
    assert "cleared" in capsys.readouterr().out
    assert not (memory_home / FILE_NAME).exists()
    assert main(["run", str(fixture_article), "-q", "--no-cache"]) == 0
    assert not (memory_home / FILE_NAME).exists()
