"""`summarize batch --engine ray`: a local Ray instance with 2 CPUs and the tiny model, compared
file for file with the local engine; resume, failures, interruption and bad settings."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_cli import _assert_one_line_error, _run

from summarize.batch import ray as raybatch
from summarize.errors import EngineError, InputError
from summarize.translation.base import EngineOptions

FIXTURES = Path(__file__).parent / "fixtures"


_RAY_LOG = re.compile(r"^\[\d{4}-\d\d-\d\d [\d:,]+ [IWE] \d+ \d+\] \w+\.cc:\d+: ")


def _ray(*args: str) -> tuple[int, str, str]:
    """The CLI in a child process, as a user runs it: Ray never starts inside the test process
    (a Ray session torn down in a process can take that process with it later, and with it the
    whole suite, silently). Ray's own C++ log lines (a known Ray 2.60 notice when actors start,
    see the README) are left out of stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy(),
        timeout=600,
        check=False,
    )
    err = "".join(line for line in done.stderr.splitlines(True) if not _RAY_LOG.match(line))
    return done.returncode, done.stdout, err


@pytest.fixture()
def ray_installed() -> None:
    pytest.importorskip("ray.data", reason="the ray extra is not installed")


def _archive(root: Path) -> Path:
    """Seven different articles (one cp1256, one in a sub-folder), a binary file and a PDF."""
    source = root / "in"
    (source / "sub").mkdir(parents=True)
    article = (FIXTURES / "article-ar.txt").read_text("utf-8")
    corpus = [line for line in (FIXTURES / "corpus.txt").read_text("utf-8").splitlines() if line]
    for number in range(5):
        lines = corpus[number * 7 : number * 7 + 7]
        text = f"{lines[0].rstrip('.')}\n" + "\n".join(" ".join(lines[i : i + 2]) for i in (1, 3))
        (source / f"{number:02d}.txt").write_text(text + "\n", "utf-8")
    (source / "feature.md").write_bytes(article.encode("cp1256"))
    (source / "sub" / "report.txt").write_text(article, "utf-8")
    (source / "broken.txt").write_bytes(b"\x00\x01binary" * 20)
    (source / "notes.csv").write_bytes(b"a,b")  # not an article type: left alone
    return source


def _tree(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "manifest.jsonl"
    }


def _manifest(out: Path) -> list[tuple[str, str, str | None]]:
    """(input, status, error) per manifest line, in order; outputs checked to lie in `out`."""
    rows = []
    for entry in map(json.loads, (out / "manifest.jsonl").read_text("utf-8").splitlines()):
        assert Path(entry["output"]).parent.resolve().is_relative_to(out.resolve())
        rows.append((entry["input"], entry["status"], entry["error"]))
    return rows


def test_ray_engine_writes_what_the_local_engine_writes(
    ray_installed: None, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _archive(tmp_path)
    local, ray = tmp_path / "local", tmp_path / "ray"
    common = ("--recursive", "--format", "json")
    code, out, err = _run(capsys, "batch", str(source), "-o", str(local), *common)
    assert code == 1 and "broken.txt" in err  # the binary file failed, the others went on
    code, out, err = _ray(
        "batch", str(source), "-o", str(ray), *common, "--engine", "ray", "--workers", "2"
    )
    assert code == 1 and out == ""
    assert "failed" in err and "broken.txt: binary data" in err
    assert "7 translated, 0 skipped, 1 failed" in err

    tree = _tree(ray)
    assert tree == _tree(local)  # byte for byte, index.html, claims.csv and digests too
    assert {"index.html", "claims.csv"} <= set(tree)
    produced = {k: v for k, v in tree.items() if k.endswith(".json") and k[0] != "."}
    assert len(produced) == 7 and "sub/report.json" in produced
    assert _manifest(ray) == _manifest(local)  # same files, statuses and errors, in input order
    statuses = {Path(name).name: status for name, status, _ in _manifest(ray)}
    assert statuses["broken.txt"] == "failed" and "notes.csv" not in statuses
    texts = {json.loads(data)["sentences"][0]["translation"] for data in produced.values()}
    assert len(texts) > 1  # different articles, not one output copied seven times

    stamps = {p: p.stat().st_mtime_ns for p in ray.rglob("*.json")}
    code, _, err = _ray(
        "batch", str(source), "-o", str(ray), *common, "--engine", "ray", "--workers", "2"
    )
    assert code == 1 and "0 translated, 7 skipped, 1 failed" in err
    assert {p: p.stat().st_mtime_ns for p in ray.rglob("*.json")} == stamps  # nothing redone
    assert [s for _, s, _ in _manifest(ray)].count("skipped") == 7


def test_llm_summaries_are_the_same_through_both_engines(
    ray_installed: None, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(FIXTURES / "article-ar.txt", source / "a.txt")
    (source / "b.txt").write_text(
        "\n".join((FIXTURES / "article-ar.txt").read_text("utf-8").splitlines()[1:3]), "utf-8"
    )
    llm = ("--summarizer", "llm", "--llm-model", "tinyllm", "-f", "json")
    local, ray = tmp_path / "local", tmp_path / "ray"
    assert _run(capsys, "batch", str(source), "-o", str(local), *llm)[0] == 0
    code, _, err = _ray("batch", str(source), "-o", str(ray), *llm, "--engine", "ray")
    assert code == 0, err
    assert _tree(ray) == _tree(local)
    outputs = {k: v for k, v in _tree(ray).items() if k in ("a.json", "b.json")}
    assert len(outputs) == 2
    for data in outputs.values():  # the tiny LM's garbage was refused; the rules filled in
        assert "llm:" in json.loads(data)["models"]["summarizer"]


def test_interrupted_ray_run_keeps_what_it_wrote_and_resumes(
    ray_installed: None, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C (SIGINT) in the middle of a run: one line saying so, exit 130, every output
    written is whole, and the rerun resumes. (In a child process, as a user's Ctrl-C: Ray
    sessions torn down by an interrupt are not reused in one process.)"""
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for number in range(40):
        shutil.copy(FIXTURES / "article-ar.txt", source / f"{number:02d}.txt")
    command = [sys.executable, "-m", "summarize", "batch", str(source), "-o", str(out)]
    run = subprocess.Popen(
        [*command, "--engine", "ray"], stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    deadline = time.monotonic() + 240
    while len(list(out.glob("*.txt"))) < 2 and run.poll() is None:
        assert time.monotonic() < deadline, "no output within 4 minutes"
        time.sleep(0.1)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "interrupted" in err, err[-500:]
    done = sorted(out.glob("*.txt"))
    assert 2 <= len(done) < 40
    assert not [p for p in out.rglob(".*") if p.name != ".digests"]  # no temporary files
    statuses = [s for _, s, _ in _manifest(out)]
    assert statuses and set(statuses) == {"ok"}  # a line per output written, none for the rest
    code, _, err = _ray("batch", str(source), "-o", str(out), "--engine", "ray")
    assert code == 0 and f"{40 - len(done)} translated, {len(done)} skipped" in err
    assert not [p for p in out.rglob(".*") if p.name != ".digests"]  # the rerun cleaned up


def test_killed_ray_run_loses_nothing(
    ray_installed: None, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 in the middle of a run: every output there is whole, and the rerun skips them."""
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for number in range(40):
        shutil.copy(FIXTURES / "article-ar.txt", source / f"{number:02d}.txt")
    command = [sys.executable, "-m", "summarize", "batch", str(source), "-o", str(out), "-q"]
    run = subprocess.Popen([*command, "--engine", "ray"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while len(list(out.glob("*.txt"))) < 3 and run.poll() is None:
        assert time.monotonic() < deadline, "no output within 4 minutes"
        time.sleep(0.1)
    run.send_signal(signal.SIGKILL)
    run.wait()
    done = sorted(out.glob("*.txt"))
    assert 3 <= len(done) < 40
    # a kill -9 between writing and renaming may leave a temporary file: never an output
    hidden = [p for p in out.rglob(".*") if p.name != ".digests"]
    assert all(p.name.endswith(".tmp") for p in hidden), hidden
    first = done[0].read_text("utf-8")
    assert first.strip() and all(p.read_text("utf-8") == first for p in done)  # the same article
    for entry in map(json.loads, (out / "manifest.jsonl").read_text("utf-8").splitlines()):
        assert Path(entry["output"]).is_file()  # a manifest line is written after its output

    code, _, err = _ray("batch", str(source), "-o", str(out), "--engine", "ray")
    assert code == 0 and f"{40 - len(done)} translated, {len(done)} skipped" in err


def test_ray_engine_refuses_bad_settings_in_one_line(
    ray_installed: None, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _archive(tmp_path), str(tmp_path / "out")
    code, _, err = _run(capsys, "batch", str(source), "-o", out, "--workers", "2")
    _assert_one_line_error(code, err, "--workers: only with --engine ray")
    code, _, err = _run(capsys, "batch", str(source), "-o", out, "--engine", "ray", "-m", "no/such")
    _assert_one_line_error(code, err, "not available")  # found out before Ray starts
    for address, message in (
        ("127.0.0.1:1", "cannot connect to Ray at 127.0.0.1:1"),
        ("nowhere", "expected auto or HOST:PORT"),
        ("ray://head:10001", "Ray Client is not supported"),
    ):
        code, _, err = _run(
            capsys, "batch", str(source), "-o", out, "--engine", "ray", "--address", address
        )
        _assert_one_line_error(code, err, message)
    code, _, err = _run(
        capsys, "batch", str(source), "-o", out, "--engine", "ray", "--device", "cuda"
    )
    _assert_one_line_error(code, err, "--gpus-per-worker")


def test_model_failing_in_the_actors_stops_the_run_in_one_line(
    ray_installed: None, models_file: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "marian"}', "utf-8")  # and no weights
    # The torch backend: the driver only finds the folder (as on a cluster, where only the
    # actors load the model); the actors then fail to load it.
    source, out = _archive(tmp_path), tmp_path / "out"
    args = ("batch", str(source), "-o", str(out), "--engine", "ray", "--backend", "torch")
    code, _, err = _ray(*args, "-m", str(broken))
    # the line is printed before Ray is torn down (which now and then ends the process after
    # actors failed to start), and only once
    _assert_one_line_error(code, err, "cannot load the model: an incomplete model folder")
    assert not list(out.glob("*.txt"))


def test_ray_engine_without_ray_says_how_to_install(
    models_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    source = _archive(tmp_path)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(tmp_path / "o"), "--engine", "ray")
    _assert_one_line_error(code, err, "pip install 'summarize[ray]'")


def _cluster(cpus: float, gpus: float = 0) -> Any:
    return SimpleNamespace(cluster_resources=lambda: {"CPU": cpus, "GPU": gpus})


def test_pool_size_follows_the_resources() -> None:
    options = raybatch.RayOptions
    assert raybatch.size_pool(_cluster(8), options(), files=100, local=True) == 8
    assert raybatch.size_pool(_cluster(8), options(cpus_per_worker=2), 100, True) == 4
    assert raybatch.size_pool(_cluster(8), options(), files=3, local=True) == 3
    assert raybatch.size_pool(_cluster(16, 2), options(gpus_per_worker=0.5), 100, True) == 4
    assert raybatch.size_pool(_cluster(1), options(cpus_per_worker=2), 100, local=False) == 1
    with pytest.raises(EngineError, match="need 2 CPUs, Ray has 1 CPUs"):
        raybatch.size_pool(_cluster(1), options(cpus_per_worker=2), 100, local=True)
    with pytest.raises(EngineError, match=r"3 worker\(s\) need 3 CPUs, Ray has 2 CPUs"):
        raybatch.size_pool(_cluster(2), options(workers=3), 100, local=True)
    with pytest.raises(EngineError, match="need 1 CPUs and 1 GPUs, Ray has 2 CPUs and 0 GPUs"):
        raybatch.size_pool(_cluster(2), options(workers=1, gpus_per_worker=1), 100, local=True)
    # a cluster may be growing: asking for more than it has now is allowed there
    assert raybatch.size_pool(_cluster(2), options(workers=3), 100, local=False) == 3


def test_blocks_balance_small_runs_and_batch_large_ones() -> None:
    assert raybatch.blocks(7, workers=2) == 7  # one article a block
    assert raybatch.blocks(100, workers=2) == 16  # 8 blocks per worker
    assert raybatch.blocks(30_000, workers=32) == 3750  # 8 articles a block
    assert raybatch.blocks(0, workers=2) == 1


def test_worker_engine_follows_the_resources() -> None:
    engine = EngineOptions()
    cpu = raybatch.worker_engine(engine, raybatch.RayOptions(cpus_per_worker=3))
    assert (cpu.device, cpu.threads) == ("cpu", 3)
    gpu = raybatch.worker_engine(engine, raybatch.RayOptions(gpus_per_worker=1))
    assert (gpu.device, gpu.threads) == ("cuda", 1)
    assert raybatch.worker_engine(EngineOptions(threads=2), raybatch.RayOptions()).threads == 2
    with pytest.raises(InputError, match="--gpus-per-worker"):
        raybatch.worker_engine(EngineOptions(device="cuda"), raybatch.RayOptions())
    with pytest.raises(InputError, match="above 0"):
        raybatch.worker_engine(engine, raybatch.RayOptions(cpus_per_worker=0))
