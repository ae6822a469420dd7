"""Folder mode: every article translated once, atomically, resumable, failing per file."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from .errors import InputError, ModelError, OutputError, SummarizeError
from .pipeline import PipelineOptions, run_document, translate_document
from .render import render
from .textio import read_article, write_atomic
from .translator import Progress, Translator

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".txt", ".md")
OUTPUT_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json"}
MANIFEST = "manifest.jsonl"

Status = Literal["ok", "skipped", "failed"]


@dataclass(frozen=True)
class BatchOptions:
    """A folder run."""

    in_dir: Path  # folder of articles
    out_dir: Path  # folder for the outputs (mirrors in_dir); must not be inside in_dir
    fmt: str = "text"  # output format: text, markdown or json
    recursive: bool = False  # descend into sub-folders
    force: bool = False  # redo files whose output is already newer than the input
    pipeline: PipelineOptions = field(
        default_factory=PipelineOptions
    )  # what each article goes through
    summary: bool = True  # attribute claims and summarize (False: translation only)


@dataclass(frozen=True)
class FileResult:
    """One line of the manifest."""

    input: str  # input path
    output: str  # output path
    status: Status  # ok, skipped (output newer than input), or failed
    error: str | None  # the one-line reason when failed
    seconds: float  # time spent on the file


def check_folders(options: BatchOptions) -> None:
    """Refuse a missing input folder and an output folder inside the input folder."""
    in_dir, out_dir = options.in_dir.resolve(), options.out_dir.resolve()
    if not in_dir.is_dir():
        raise InputError(f"{options.in_dir}: no such folder")
    if out_dir == in_dir or in_dir in out_dir.parents:
        raise OutputError(
            f"{options.out_dir}: the output folder is inside the input folder; choose another"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{options.out_dir}: exists and is not a folder")


def plan(options: BatchOptions) -> list[tuple[Path, Path]]:
    """(input, output) pairs, sorted; outputs mirror the input tree with the format's suffix.

    Two inputs that would share an output name (a.txt and a.md as JSON) keep their full name
    (a.txt.json, a.md.json).
    """
    pattern = "**/*" if options.recursive else "*"
    inputs = sorted(
        p
        for p in options.in_dir.glob(pattern)
        if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith(".")
    )
    suffix = OUTPUT_SUFFIX[options.fmt]
    outputs = [options.out_dir / p.relative_to(options.in_dir).with_suffix(suffix) for p in inputs]
    clashes = {o for o in outputs if outputs.count(o) > 1}
    return [
        (i, o.with_name(i.name + suffix) if o in clashes else o)
        for i, o in zip(inputs, outputs, strict=True)
    ]


def is_fresh(source: Path, output: Path) -> bool:
    """True when the output exists and is at least as new as its input."""
    return output.exists() and output.stat().st_mtime >= source.stat().st_mtime


def _process(
    source: Path,
    output: Path,
    translator: Translator | None,
    options: BatchOptions,
    progress: Progress | None,
    reading: Future[str],
) -> None:
    text = reading.result()  # read (and decoded) in the background while the previous file ran
    process = run_document if options.summary else translate_document
    document = process(text, translator, options.pipeline, str(source), progress)
    write_atomic(output, render(document, options.fmt))


def run_batch(
    options: BatchOptions,
    translator: Translator | None,
    on_start: Callable[[Path, int, int], None] | None = None,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """Translate a folder; yields one FileResult per input, writing the manifest as it goes.

    A bad file is recorded and skipped; a model that cannot be loaded stops the run (every
    file would fail the same way). Outputs are written atomically, so a killed run resumes.
    The next file is read and decoded in a background thread while the current one translates.
    """
    check_folders(options)
    pairs = plan(options)
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        manifest = (options.out_dir / MANIFEST).open("w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{options.out_dir}: cannot write: {exc.strerror}") from exc
    todo = [options.force or not is_fresh(source, output) for source, output in pairs]
    reads: dict[int, Future[str]] = {}

    def read_ahead(index: int) -> None:
        if index < len(pairs) and todo[index] and index not in reads:
            reads[index] = reader.submit(read_article, pairs[index][0])

    with manifest, ThreadPoolExecutor(max_workers=1, thread_name_prefix="read") as reader:
        for index, (source, output) in enumerate(pairs):
            read_ahead(index)
            read_ahead(index + 1)  # the next file is read while this one translates
            if on_start:
                on_start(source, index + 1, len(pairs))
            started = time.perf_counter()
            status: Status = "ok"
            error = None
            if not todo[index]:
                status = "skipped"
            else:
                try:
                    _process(source, output, translator, options, progress, reads.pop(index))
                except ModelError:
                    raise
                except SummarizeError as exc:
                    status, error = "failed", str(exc)
                except Exception as exc:  # a bug on one file must not end the folder
                    log.exception("unexpected error on %s", source)
                    status, error = "failed", f"internal error: {type(exc).__name__}: {exc}"
            result = FileResult(
                str(source), str(output), status, error, round(time.perf_counter() - started, 3)
            )
            manifest.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
            manifest.flush()
            yield result
