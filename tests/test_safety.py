"""Nothing lost, nothing silently wrong: outputs that never destroy, checked before any work;
settings bounded; warnings that name their file."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from test_cli import _assert_one_line_error, _run

from summarize.cli import main

ARTICLE = "اشتباكات في البلدة\n\nقال المتحدث باسم الجيش إن الهدوء عاد إلى البلدة.\n"


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_output_never_overwrites_the_input_or_a_hard_link_to_it(
    models_file: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "run", str(article), "-o", str(article))
    _assert_one_line_error(code, err, "is the input file")
    link = article.with_name("hard.txt")
    os.link(article, link)
    code, _, err = _run(capsys, "run", str(article), "-o", str(link))
    _assert_one_line_error(code, err, "is the input file")
    assert article.read_text("utf-8") == ARTICLE


def test_a_symlink_is_refused_unless_followed(
    models_file: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "target.txt"
    target.write_text("keep", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, _, err = _run(capsys, "run", str(article), "-o", str(link))
    _assert_one_line_error(code, err, "is a symbolic link")
    assert link.is_symlink() and target.read_text("utf-8") == "keep"
    code, _, _ = _run(capsys, "run", str(article), "-o", str(link), "--follow-symlinks", "-q")
    assert code == 0 and link.is_symlink()  # written through the link, the link kept
    assert "TRANSLATION" in target.read_text("utf-8")


def test_fifos_and_devices_are_streams_not_replaced(
    models_file: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text("utf-8")))
    reader.start()
    code, _, _ = _run(capsys, "run", str(article), "-o", str(fifo), "-q")
    reader.join(timeout=30)
    assert code == 0 and stat.S_ISFIFO(fifo.stat().st_mode) and "TRANSLATION" in received[0]
    code, _, _ = _run(capsys, "run", str(article), "-o", "/dev/null", "-q")
    assert code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if Path("/dev/full").exists():
        code, _, err = _run(capsys, "run", str(article), "-o", "/dev/full", "-q")
        _assert_one_line_error(code, err, "/dev/full: cannot write")
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_outputs_respect_the_umask_and_keep_a_replaced_files_mode(
    models_file: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o027)
    try:
        out = tmp_path / "new.txt"
        assert _run(capsys, "run", str(article), "-o", str(out), "-q")[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        out.chmod(0o604)
        assert _run(capsys, "run", str(article), "-o", str(out), "-q")[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o604
    finally:
        os.umask(old)


def test_the_output_is_checked_before_any_model_or_translation(
    models_file: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a model that does not exist: the output's error comes first, so no work was done
    for output, fragment in [
        (tmp_path, "is a folder"),
        (article / "x.txt", "is not a folder"),
        (Path("/proc/summary.txt"), "cannot write there"),
    ]:
        code, _, err = _run(capsys, "run", str(article), "-o", str(output), "-m", "/nope/model")
        _assert_one_line_error(code, err, fragment)
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = _run(capsys, "run", str(article), "-o", str(locked / "x.txt"))
        _assert_one_line_error(code, err, "cannot write there")


def test_threads_are_bounded_by_the_machine(
    models_file: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "run", str(article), "--threads", "100000")
    _assert_one_line_error(code, err, f"this machine has {os.cpu_count()} CPUs")


def test_batch_manifest_keeps_reading_warnings_and_logs_name_the_file(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    damaged = (ARTICLE * 3).encode("utf-8")
    at = damaged.index(b" ", 20)
    (folder / "damaged.txt").write_bytes(damaged[:at] + b"\xff" + damaged[at:])
    (folder / "clean.txt").write_text(ARTICLE, "utf-8")
    code, _, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"))
    assert code == 0
    lines = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()]
    by_name = {Path(x["input"]).name: x for x in lines}
    assert by_name["damaged.txt"]["status"] == "ok"
    assert "1 invalid UTF-8 sequence" in by_name["damaged.txt"]["warnings"][0]
    assert by_name["clean.txt"]["warnings"] == [] or all(
        "clean.txt" not in w for w in by_name["clean.txt"]["warnings"]
    )
    assert "damaged.txt: 1 invalid UTF-8 sequence" in err
    # every warning line on stderr names its file
    for line in err.splitlines():
        if "re-decoded" in line or "pieces" in line:
            assert "damaged.txt" in line or "clean.txt" in line, line


def test_a_killed_runs_temporary_files_are_removed_by_the_next(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 between writing a temporary file and renaming it leaves the temporary file: the
    next batch run removes such leftovers (only write_atomic's), beside outputs and digests."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (out / ".digests").mkdir(parents=True)
    stale = [out / ".a.txt.k3j9x_2q.tmp", out / ".digests" / ".a.txt.json.abcdefgh.tmp"]
    kept = [out / ".notes", out / "draft.tmp", out / ".a.txt.short.tmp"]  # not ours
    for path in (*stale, *kept):
        path.write_text("half", "utf-8")
    code, _, _ = _run(capsys, "batch", str(folder), "-o", str(out))
    assert code == 0 and (out / "a.txt").is_file()
    assert not any(p.exists() for p in stale)
    assert all(p.read_text("utf-8") == "half" for p in kept)


def test_main_is_importable() -> None:
    assert callable(main)


def test_a_mixed_article_translates_arabic_and_keeps_english(models_file: Path) -> None:
    from summarize import RunOptions, run_document
    from summarize.config import resolve_translator
    from summarize.translation.base import EngineOptions
    from summarize.translation.translator import Translator

    english = "The minister said on Monday that the border would reopen within a week."
    text = f"اشتباكات في البلدة\n\nقال المتحدث إن الهدوء عاد.\n\n{english}\n"
    translator = Translator(resolve_translator("tiny"), EngineOptions(device="cpu"))
    document = run_document(text, translator, RunOptions("ar"))
    kept = [s for s in document.sentences if s.source == english]
    assert kept and kept[0].translation == english
    assert f"sentence {kept[0].id}: in English, kept as written (not translated)" in (
        document.warnings
    )
    arabic = [s for s in document.sentences if s.source.startswith("قال")]
    assert arabic[0].translation != arabic[0].source  # the Arabic went to the model


def test_progress_and_warnings_off_a_terminal_and_quiet(
    models_file: Path, article: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    damaged = tmp_path / "damaged.txt"
    data = (ARTICLE * 3).encode("utf-8")
    at = data.index(b" ", 20)
    damaged.write_bytes(data[:at] + b"\xff" + data[at:])
    env = {**os.environ, "SUMMARIZE_MODELS_FILE": str(models_file), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "summarize", "run", str(damaged)]
    shown = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    lines = shown.stderr.splitlines()
    assert f"WARNING: {damaged}: 1 invalid UTF-8 sequence" in lines[0]
    assert any(line.startswith("Translating: ") and "(100%)" in line for line in lines)
    quiet = subprocess.run([*command, "-q"], env=env, capture_output=True, text=True, check=True)
    assert quiet.stderr == "" and quiet.stdout == shown.stdout


def test_long_articles_are_refused_before_any_translation(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / "long.txt"
    long.write_text("عنوان\n\n" + "قال المتحدث إن الهدوء عاد.\n" * 40, "utf-8")
    code, _, err = _run(capsys, "run", str(long), "--max-sentences", "20")
    _assert_one_line_error(code, err, "41 sentences, more than --max-sentences 20")
    assert _run(capsys, "translate", str(long), "--max-sentences", "0", "-q")[0] == 0


def test_ctrl_c_stops_promptly_and_says_what_was_kept(models_file: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    long = tmp_path / "long.txt"
    long.write_text("عنوان\n\n" + "قال المتحدث إن الهدوء عاد إلى البلدة بعد اشتباكات.\n" * 2500)
    out = tmp_path / "out.txt"
    out.write_text("earlier result", "utf-8")
    env = {**os.environ, "SUMMARIZE_MODELS_FILE": str(models_file), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "summarize", "translate", str(long), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--max-sentences", "0", "--backend", "torch"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    before = ""
    while not before.endswith("%)\n"):  # translating: its first progress line (about 10 s in;
        line = process.stderr.readline()  # a loaded machine takes longer to get there)
        assert line, f"ended before translating: {before}"
        before += line
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    err = before + rest
    assert time.monotonic() - sent < 5
    assert process.returncode == 130
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: interrupted after ") and "nothing written" in last, err
    assert out.read_text("utf-8") == "earlier result"


def test_per_sentence_warnings_are_grouped_in_the_log() -> None:
    from summarize.translation.stage import grouped

    warnings = [
        f"sentence {i}: re-decoded by the repetition guard (repeated token)" for i in range(20)
    ]
    warnings.append("sentence 30: longer than the model's input limit, translated in 2 pieces")
    assert grouped(warnings) == [
        "sentences 0, 1, 2, 3, 4, 5, 6, 7 and 12 more: re-decoded by the repetition guard",
        "sentence 30: longer than the model's input limit, translated in 2 pieces",
    ]
