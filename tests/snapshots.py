"""Output snapshots: the bytes `summarize` writes for known inputs, recorded as SHA-256 digests.

A restructuring must not change them; a change of behaviour must come with a new recording, so
that it is visible in review. The inputs are the suite's own articles, the seed article and the
devset (both modes: Arabic through the tiny test model on the torch backend, float32, greedy;
English with --source-lang en), each rendered as text, markdown and JSON by the CLI.

    python tests/snapshots.py --update        # record (needs ../shared for the devset part)
    python tests/snapshots.py --write DIR     # write the outputs themselves, to diff two trees
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECORD = HERE / "fixtures" / "snapshots.json"
FORMATS = ("text", "markdown", "json")
MODEL_PLACEHOLDER = "<tiny-model>"


def inputs(shared: Path | None) -> Iterator[tuple[str, str, str]]:
    """(key, mode, text) of every snapshotted article; mode is "ar" or "en"."""
    yield "fixture-article", "ar", (HERE / "fixtures" / "article-ar.txt").read_text("utf-8")
    for path in sorted((HERE / "fixtures" / "eval").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        for mode in ("ar", "en"):
            yield f"eval/{path.stem}", mode, gold[mode]
    if shared is None:
        return
    yield "seed", "ar", (shared / "seed" / "article-ar.txt").read_text("utf-8")
    for path in sorted((shared / "devset").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        for mode in ("ar", "en"):
            yield f"devset/{path.stem}", mode, gold[mode]


def _cli(args: list[str]) -> tuple[int, str]:
    from summarize.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return code, out.getvalue()


def _library(mode: str, text: str, translator: object) -> list[str]:
    """One article through the library (as `summarize run`), rendered in every format."""
    from summarize.pipeline import PipelineOptions, run_document
    from summarize.render import render

    document = run_document(text, translator if mode == "ar" else None, PipelineOptions(mode))  # type: ignore[arg-type]
    return [render(document, fmt) for fmt in FORMATS]


def outputs(shared: Path | None, model_dir: Path) -> Iterator[tuple[str, str]]:
    """(key, output) for every input, command and format; the model's path is replaced by a
    placeholder so that the outputs do not depend on where the tiny model was built.

    The suite's article and the seed go through the CLI (reading, options, writing); the
    annotated articles through the library, with one model load for all of them.
    """
    from summarize import Translator, resolve_translator
    from summarize.backends import EngineOptions

    translator = Translator(resolve_translator(None), EngineOptions(device="cpu", backend="torch"))
    with tempfile.TemporaryDirectory() as tmp:
        for key, mode, text in inputs(shared):
            if not key.startswith(("fixture", "seed")):
                for fmt, output in zip(FORMATS, _library(mode, text, translator), strict=True):
                    output = output.replace(str(model_dir), MODEL_PLACEHOLDER)
                    yield f"{key}|{mode}|run|{fmt}", f"exit 0\n{output}"
                continue
            source = Path(tmp) / "article.txt"
            source.write_text(text, "utf-8")
            for command in ("run", "translate"):
                for fmt in FORMATS:
                    args = [command, str(source), "-f", fmt, "--backend", "torch"]
                    args += ["--device", "cpu", "--source-lang", mode]
                    code, output = _cli(args)
                    output = output.replace(str(model_dir), MODEL_PLACEHOLDER)
                    yield f"{key}|{mode}|{command}|{fmt}", f"exit {code}\n{output}"


def digests(shared: Path | None, model_dir: Path) -> dict[str, str]:
    """key -> SHA-256 of the output."""
    return {
        key: hashlib.sha256(output.encode("utf-8")).hexdigest()
        for key, output in outputs(shared, model_dir)
    }


@contextlib.contextmanager
def tiny_environment(workdir: Path) -> Iterator[Path]:
    """Build the tiny models and point SUMMARIZE_MODELS_FILE at them (as the tests' fixture)."""
    sys.path.insert(0, str(HERE))
    from tinymodels import TINY_MODELS_YAML, build_tiny_causal_lm, build_tiny_marian

    tiny = build_tiny_marian(workdir / "models" / "tiny")
    loop = build_tiny_marian(workdir / "models" / "loop", loop_token="▁the")
    llm = build_tiny_causal_lm(workdir / "models" / "tinyllm")
    models = workdir / "models.yaml"
    models.write_text(TINY_MODELS_YAML.format(tiny=tiny, loop=loop, llm=llm), "utf-8")
    saved = dict(os.environ)
    os.environ.update(
        SUMMARIZE_MODELS_FILE=str(models),
        SUMMARIZE_CACHE=str(workdir / "cache"),
        HF_HUB_OFFLINE="1",
    )
    for name in ("SUMMARIZE_MODEL", "SUMMARIZE_BACKEND", "SUMMARIZE_DEVICE", "SUMMARIZE_LLM_MODEL"):
        os.environ.pop(name, None)
    try:
        yield tiny
    finally:
        os.environ.clear()
        os.environ.update(saved)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help=f"record into {RECORD}")
    parser.add_argument("--write", type=Path, help="write every output into this folder")
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args()
    shared = args.shared if args.shared.is_dir() else None
    with tempfile.TemporaryDirectory() as tmp, tiny_environment(Path(tmp)) as model_dir:
        if args.write:
            for key, output in outputs(shared, model_dir):
                target = args.write / (key.replace("|", "__").replace("/", "__") + ".out")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output, "utf-8")
        found = digests(shared, model_dir)
    if args.update:
        RECORD.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"recorded {len(found)} outputs in {RECORD}")
        return 0
    recorded = json.loads(RECORD.read_text("utf-8")) if RECORD.is_file() else {}
    changed = sorted(k for k in found if recorded.get(k) != found[k])
    print("\n".join(changed) or f"all {len(found)} outputs as recorded")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
