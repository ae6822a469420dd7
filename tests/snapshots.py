"""Output snapshots: the bytes `summarize` writes for known inputs, recorded as SHA-256 digests.

A restructuring must not change them; a change of behaviour must come with a new recording, so
that it is visible in review. The inputs are the suite's own articles, the seed article and the
devset (both modes: Arabic through the tiny test model on the torch backend, float32, greedy;
English with --source-lang en), each rendered as text, markdown and JSON.

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
from typing import Any

HERE = Path(__file__).resolve().parent
RECORD = HERE / "fixtures" / "snapshots.json"
FORMATS = ("text", "markdown", "json")
MODEL_PLACEHOLDER = "<tiny-model>"


def _cli(args: list[str]) -> tuple[int, str]:
    from summarize.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return code, out.getvalue()


def cli_outputs(shared: Path | None) -> Iterator[tuple[str, str]]:
    """(key, output) of `run` and `translate` in every format, through the CLI (reading,
    options, writing), on the suite's article and the seed article."""
    articles = [("fixture-article", HERE / "fixtures" / "article-ar.txt")]
    if shared is not None:
        articles.append(("seed", shared / "seed" / "article-ar.txt"))
    for key, path in articles:
        for command in ("run", "translate"):
            for fmt in FORMATS:
                args = [command, str(path), "-f", fmt, "--backend", "torch", "--device", "cpu"]
                code, output = _cli(args)
                output = output.replace(json.dumps(str(path))[1:-1], f"<{key}>")  # where it lies
                yield f"{key}|ar|{command}|{fmt}", f"exit {code}\n{output}"


def annotated_outputs(runs: list[Any], prefix: str) -> Iterator[tuple[str, str]]:
    """(key, output) of every annotated run (tests/annotated.py) in every mode and format."""
    from summarize import render

    for run in runs:
        for mode, document in run.documents.items():
            for fmt in FORMATS:
                yield f"{prefix}/{run.name}|{mode}|run|{fmt}", f"exit 0\n{render(document, fmt)}"


def digest(output: str, model_dir: Path) -> str:
    """SHA-256 of an output, the model's path replaced by a placeholder."""
    output = output.replace(str(model_dir), MODEL_PLACEHOLDER)
    return hashlib.sha256(output.encode("utf-8")).hexdigest()


def tiny_translator() -> Any:
    """The tiny model of the models.yaml in force, on the torch backend (float32, greedy)."""
    from summarize import EngineOptions, Translator, resolve_translator

    return Translator(resolve_translator(None), EngineOptions(device="cpu", backend="torch"))


def all_outputs(shared: Path | None) -> Iterator[tuple[str, str]]:
    """Every snapshotted output (the models.yaml in force must name the tiny models)."""
    from annotated import OWN, run_folder

    translator = tiny_translator()
    yield from cli_outputs(shared)
    yield from annotated_outputs(run_folder(OWN, translator), "eval")
    if shared is not None:
        yield from annotated_outputs(run_folder(shared / "devset", translator), "devset")


@contextlib.contextmanager
def tiny_environment(workdir: Path) -> Iterator[Path]:
    """Build the tiny models and point SUMMARIZE_MODELS_FILE at them (as the tests' fixture)."""
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
    parser = argparse.ArgumentParser(description="Record or check the output snapshots.")
    parser.add_argument("--update", action="store_true", help=f"record into {RECORD}")
    parser.add_argument("--write", type=Path, help="write every output into this folder")
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args()
    shared = args.shared if args.shared.is_dir() else None
    found = {}
    with tempfile.TemporaryDirectory() as tmp, tiny_environment(Path(tmp)) as model_dir:
        for key, output in all_outputs(shared):
            found[key] = digest(output, model_dir)
            if args.write:
                target = args.write / (key.replace("|", "__").replace("/", "__") + ".out")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output.replace(str(model_dir), MODEL_PLACEHOLDER), "utf-8")
    if args.update:
        RECORD.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"recorded {len(found)} outputs in {RECORD}")
        return 0
    recorded = json.loads(RECORD.read_text("utf-8")) if RECORD.is_file() else {}
    changed = sorted(k for k in found if recorded.get(k) != found[k])
    print("\n".join(changed) or f"all {len(found)} outputs as recorded")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
