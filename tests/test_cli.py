"""The CLI as a user runs it: file, stdin and folder modes, output formats, and every bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.batch import local as batch_module
from summarize.cli import main
from summarize.segmentation.sentences import segment_article

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "summarize" / "schema" / "document.schema.json"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(code: int, err: str, fragment: str) -> None:
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and fragment in lines[0], lines[0]
    assert "Traceback" not in err


def test_file_stdin_and_run_agree(
    models_file: Path,
    fixture_article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, by_file, _ = _run(capsys, str(fixture_article), "-f", "json")
    assert code == 0
    code, by_run, _ = _run(capsys, "run", str(fixture_article), "--format", "json")
    assert code == 0
    _stdin(monkeypatch, fixture_article.read_bytes())
    code, by_stdin, _ = _run(capsys, "-f", "json")  # `cat FILE | summarize -f json`
    assert code == 0
    assert by_file == by_run
    source = json.loads(by_stdin)["source"]
    assert (source["name"], source["type"], source["encoding"]) == ("stdin", "text", "utf-8")
    assert by_stdin == by_file.replace(json.dumps(str(fixture_article)), '"stdin"', 1)
    _stdin(monkeypatch, fixture_article.read_bytes())
    code, by_translate, _ = _run(capsys, "translate", "-", "-f", "json")
    assert code == 0
    translated, full = json.loads(by_translate), json.loads(by_file)
    assert "claims" not in translated and "summary" in full
    assert translated["sentences"] == full["sentences"]


def test_json_output_follows_schema(
    models_file: Path, fixture_article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    code, out, _ = _run(capsys, "translate", str(fixture_article), "-f", "json")
    assert code == 0
    jsonschema.validate(json.loads(out), schema)
    code, out, _ = _run(capsys, "run", str(fixture_article), "-f", "json")
    assert code == 0
    document = json.loads(out)
    jsonschema.validate(document, schema)
    assert document["claims"] and 1 <= len(document["summary"]) <= 8
    assert document["schema_version"] == 1 and document["source_language"] == "ar"
    assert document["sentences"][0]["kind"] == "headline"
    assert {s["paragraph"] for s in document["sentences"]} == {0, 1, 2, 3, 4}


def test_text_and_markdown_and_output_file(
    models_file: Path, fixture_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "translate", str(fixture_article), "-f", "markdown")
    assert code == 0 and out.startswith("# ") and "## Summary" not in out
    target = tmp_path / "out.md"
    code, out, _ = _run(capsys, str(fixture_article), "-f", "markdown", "-o", str(target))
    assert code == 0 and out == ""
    written = target.read_text("utf-8")
    assert written.startswith("# ")
    for section in ("## Summary", "## Translation", "## Who said what"):
        assert f"\n{section}\n" in written


def test_source_lang_en_passes_english_through(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "en.txt"
    article.write_text(
        "The ministry said the talks will resume.\n\nSources reported calm.", "utf-8"
    )
    code, out, _ = _run(capsys, str(article), "--source-lang", "en", "-f", "json")
    document = json.loads(out)
    assert code == 0 and document["source_language"] == "en"
    assert [s["translation"] for s in document["sentences"]] == [
        "The ministry said the talks will resume.",
        "Sources reported calm.",
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file"),
        (b"", "empty input"),
        (b"\x00\x01\x02binary\xff" * 50, "binary"),
        (b"The minister said the talks would resume.", "--source-lang en"),
    ],
)
def test_bad_inputs_are_one_line(
    models_file: Path,
    tmp_path: Path,
    content: bytes | None,
    fragment: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsys, str(path))
    _assert_one_line_error(code, err, fragment)
    assert out == ""


def test_bad_model_and_options_are_one_line(
    models_file: Path, fixture_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, str(fixture_article), "--model", "tinny")
    _assert_one_line_error(code, err, "valid names: tiny, doubt, loop")
    code, _, err = _run(capsys, str(fixture_article), "--model", "nobody/not-cached")
    _assert_one_line_error(code, err, "not available")
    code, _, err = _run(capsys, str(fixture_article), "--format", "pdf")
    _assert_one_line_error(code, err, "pdf")
    assert code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run(capsys, str(fixture_article), "-o", str(blocker / "out.txt"))
    _assert_one_line_error(code, err, "is not a folder")


def test_debug_shows_traceback(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, str(tmp_path / "missing.txt"), "--debug")
    assert code == 1 and "Traceback" in err


def _folder(root: Path) -> Path:
    source = root / "in"
    (source / "sub").mkdir(parents=True)
    article = (Path(__file__).parent / "fixtures" / "article-ar.txt").read_bytes()
    (source / "a.txt").write_bytes(article)
    (source / "b.md").write_bytes(article.decode("utf-8").encode("cp1256"))
    (source / "sub" / "c.txt").write_bytes(article)
    (source / "bad.txt").write_bytes(b"\x00\x01binary" * 20)
    (source / "notes.csv").write_bytes(b"a,b")  # not an article type: left alone
    return source


def _manifest(out: Path) -> dict[str, str]:
    lines = (out / "manifest.jsonl").read_text("utf-8").splitlines()
    return {Path(e["input"]).name: e["status"] for e in map(json.loads, lines)}


def test_batch_mirrors_tree_skips_done_and_reports_failures(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _folder(tmp_path), tmp_path / "out"
    code, stdout, err = _run(
        capsys, "batch", str(source), "-o", str(out), "--recursive", "-f", "json"
    )
    assert code == 1  # bad.txt failed
    assert "bad.txt" in err and stdout == ""
    assert _manifest(out) == {"a.txt": "ok", "b.md": "ok", "bad.txt": "failed", "c.txt": "ok"}
    assert (out / "a.json").is_file() and (out / "b.json").is_file()
    assert (out / "sub" / "c.json").is_file()
    from_cp1256, from_utf8 = (
        json.loads((out / n).read_text("utf-8")) for n in ("b.json", "a.json")
    )
    assert (from_cp1256.pop("source")["encoding"], from_utf8.pop("source")["encoding"]) == (
        "cp1256",
        "utf-8",
    )
    assert from_cp1256 == from_utf8  # cp1256 and UTF-8 inputs give the same result

    code, _, _ = _run(capsys, "batch", str(source), "-o", str(out), "--recursive", "-f", "json")
    assert code == 1
    assert _manifest(out) == {
        "a.txt": "skipped",
        "b.md": "skipped",
        "bad.txt": "failed",
        "c.txt": "skipped",
    }
    code, _, _ = _run(capsys, "batch", str(source), "-o", str(out), "-f", "json", "--force")
    assert _manifest(out) == {"a.txt": "ok", "b.md": "ok", "bad.txt": "failed"}  # not recursive


def test_killed_batch_run_resumes_and_loses_nothing(
    models_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, out = _folder(tmp_path), tmp_path / "out"
    (source / "bad.txt").unlink()
    real_process = batch_module._process
    calls: list[Path] = []

    def killed_on_second(src: Path, *args: object) -> None:
        calls.append(src)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_process(src, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "_process", killed_on_second)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(out))
    assert code == 130 and "interrupted" in err
    assert sorted(p.name for p in out.iterdir()) == [".digests", "a.txt", "manifest.jsonl"]
    assert [p.name for p in (out / ".digests").iterdir()] == ["a.txt.json"]  # no temp files
    monkeypatch.setattr(batch_module, "_process", real_process)
    code, _, _ = _run(capsys, "batch", str(source), "-o", str(out))
    assert code == 0
    assert _manifest(out) == {"a.txt": "skipped", "b.md": "ok"}
    claims = (out / "claims.csv").read_text("utf-8")  # the article done before is listed too
    assert str(source / "a.txt") in claims and str(source / "b.md") in claims


def test_batch_folder_errors(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _folder(tmp_path)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(source / "out"))
    _assert_one_line_error(code, err, "inside the input folder")
    code, _, err = _run(capsys, "batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o"))
    _assert_one_line_error(code, err, "no such folder")
    code, _, err = _run(capsys, "batch", str(source))
    _assert_one_line_error(code, err, "--output")
    code, _, err = _run(
        capsys,
        "batch",
        str(source),
        "-o",
        str(tmp_path / "o"),
        "--translate-only",
        "--summarizer",
        "llm",
    )
    _assert_one_line_error(code, err, "--translate-only writes none")
    code, _, err = _run(
        capsys,
        "batch",
        str(source),
        "-o",
        str(tmp_path / "o"),
        "--summarizer",
        "llm",
        "--llm-model",
        "no/such-llm",
    )
    _assert_one_line_error(code, err, "not available")  # before any file is translated


def _python(
    code: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *code.split("\0")],
        capture_output=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


# What `summarize --help` and an argument error may import of the package: the CLI, the data
# model and registries it shows choices from, the error family and the settings (NO_COLOR).
# Nothing that reads data files, models or YAML.
CLI_LAYER = (
    "summarize",
    "summarize.cli",
    "summarize.model",
    "summarize.writers",
    "summarize.errors",
    "summarize.settings",
)
LIBRARY_ONLY = ("torch", "transformers", "ctranslate2", "yaml", "summarize.pipeline")


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["run", "--format", "pdf", "x"]])
def test_help_and_argument_errors_import_only_the_cli_layer(args: list[str]) -> None:
    probe = (
        f"-c\0import sys, summarize.cli; sys.argv=['summarize', *{args!r}]\n"
        "try:\n    summarize.cli.main()\nexcept SystemExit:\n    pass\n"
        f"heavy = [m for m in {LIBRARY_ONLY!r} if m in sys.modules]\n"
        "ours = [m for m in sys.modules if m.startswith('summarize')]\n"
        f"layer = {CLI_LAYER!r}\n"
        "extra = [m for m in ours if m not in layer and not m.startswith('summarize.cli.')]\n"
        "assert not heavy and not extra, (heavy, extra)"
    )
    result = _python(probe)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Usage" in result.stdout or b"error" in result.stderr


def test_python_dash_m_and_real_pipe(models_file: Path, fixture_article: Path) -> None:
    env = {"SUMMARIZE_MODELS_FILE": str(models_file), "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"}
    piped = _python("-m\0summarize\0-f\0json", env, stdin=fixture_article.read_bytes())
    assert piped.returncode == 0, piped.stderr.decode()
    # not a terminal: plain lines only, progress (every few seconds, at the end) and warnings
    for line in piped.stderr.decode().splitlines():
        assert line.startswith(("Translating: ", "WARNING: stdin: ")), line
    expected = len(segment_article(fixture_article.read_text("utf-8")))
    assert len(json.loads(piped.stdout)["sentences"]) == expected
    english = _python("-m\0summarize\0-", env, stdin=b"Plain English text here.")
    assert english.returncode == 1
    assert english.stderr.decode().count("\n") == 1 and b"not Arabic" in english.stderr


def test_ct2_hot_path_imports_neither_torch_nor_transformers(
    models_file: Path, fixture_article: Path, ct2_cache: Path
) -> None:
    from summarize.config import resolve_translator
    from summarize.translation.ct2_backend import ensure_converted

    ensure_converted(resolve_translator("tiny"), "int8")  # the first run converts, once
    probe = (
        "-c\0import sys, summarize.cli\n"
        f"code = summarize.cli.main(['translate', {str(fixture_article)!r}, '--backend', 'ct2'])\n"
        "assert code == 0, code\n"
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy"
    )
    env = {
        "SUMMARIZE_MODELS_FILE": str(models_file),
        "SUMMARIZE_CACHE": str(ct2_cache),
        "HF_HUB_OFFLINE": "1",
    }
    result = _python(probe, env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.strip()  # the translation was printed


def test_help_keeps_bracketed_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich markup must not eat "[env: ...]" or "summarize[ray]" from the help."""
    monkeypatch.setenv("COLUMNS", "250")
    main(["run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "[env: SUMMARIZE_DEVICE]" in out and "[env: SUMMARIZE_LLM_MODEL]" in out
    main(["batch", "--help"])
    assert "pip install 'summarize[ray]'" in " ".join(capsys.readouterr().out.split())


def test_readme_library_example_runs(
    models_file: Path, fixture_article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's library example, as written (with the tiny model and the suite's article)."""
    import summarize.pipeline
    import summarize.writers.json  # submodules imported first must not shadow the exports

    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Library use", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert "from summarize import" in code and 'resolve_translator("fast")' in code
    code = code.replace('"fast"', '"tiny"').replace('"article.txt"', repr(str(fixture_article)))
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert '"schema_version": 1' in out and "headline" in out
    import summarize

    assert callable(summarize.render) and callable(summarize.run_document)
    assert all(
        not isinstance(getattr(summarize, name), type(summarize)) for name in summarize.__all__
    )


@pytest.mark.parametrize("group", ["models", "cache"])
def test_a_command_group_alone_shows_its_help_without_an_empty_error(
    group: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main([group])
    captured = capsys.readouterr()
    assert "Commands" in captured.out + captured.err
    assert "error:" not in captured.err
