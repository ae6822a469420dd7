"""Folder mode: every article translated once, atomically, resumable, failing per file."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from .errors import InputError, ModelError, OutputError, SummarizeError
from .pipeline import PipelineOptions, Summarizer, run_document, translate_document
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
    summarizer: Summarizer | None = None  # writes the summary (llm.py's); None: the rules one


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


def pending(options: BatchOptions) -> list[tuple[Path, Path, bool]]:
    """Check the folders and plan the run: (input, output, to do) for every input, in order.

    A file is to do when --force is given or its output is missing or older than the input.
    """
    check_folders(options)
    return [
        (source, output, options.force or not is_fresh(source, output))
        for source, output in plan(options)
    ]


@contextmanager
def open_manifest(options: BatchOptions) -> Iterator[TextIO]:
    """The output folder's manifest.jsonl, written anew (the output folder is created)."""
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        manifest = (options.out_dir / MANIFEST).open("w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{options.out_dir}: cannot write: {exc.strerror}") from exc
    with manifest:
        yield manifest


def manifest_line(result: FileResult) -> str:
    """One JSON line of manifest.jsonl."""
    return json.dumps(asdict(result), ensure_ascii=False) + "\n"


def record(manifest: TextIO, result: FileResult) -> None:
    """Append one result to the manifest, flushed: a killed run keeps every line written."""
    manifest.write(manifest_line(result))
    manifest.flush()


def render_article(
    source: Path,
    text: str,
    translator: Translator | None,
    options: BatchOptions,
    progress: Progress | None = None,
) -> str:
    """One article through the pipeline, rendered in the run's format (what is written)."""
    name = str(source)
    if options.summary:
        document = run_document(
            text, translator, options.pipeline, name, progress, options.summarizer
        )
    else:
        document = translate_document(text, translator, options.pipeline, name, progress)
    return render(document, options.fmt)


def failure(exc: Exception, source: Path) -> str:
    """The manifest's one-line reason for a file that failed (ModelError is not a file's fault:
    callers let it stop the run)."""
    if isinstance(exc, SummarizeError):
        return str(exc)
    log.error("unexpected error on %s", source, exc_info=exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def _process(
    source: Path,
    output: Path,
    translator: Translator | None,
    options: BatchOptions,
    progress: Progress | None,
    reading: Future[str],
) -> None:
    text = reading.result()  # read (and decoded) in the background while the previous file ran
    write_atomic(output, render_article(source, text, translator, options, progress))


def run_batch(
    options: BatchOptions,
    translator: Translator | None,
    on_start: Callable[[Path, int, int], None] | None = None,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """Translate a folder in this process; yields one FileResult per input, in order, writing
    the manifest as it goes.

    A bad file is recorded and skipped; a model that cannot be loaded stops the run (every
    file would fail the same way). Outputs are written atomically, so a killed run resumes.
    The next file is read and decoded in a background thread while the current one translates.
    (raybatch.py runs the same work on Ray.)
    """
    pairs = pending(options)
    reads: dict[int, Future[str]] = {}

    def read_ahead(index: int) -> None:
        if index < len(pairs) and pairs[index][2] and index not in reads:
            reads[index] = reader.submit(read_article, pairs[index][0])

    with (
        open_manifest(options) as manifest,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="read") as reader,
    ):
        for index, (source, output, todo) in enumerate(pairs):
            read_ahead(index)
            read_ahead(index + 1)  # the next file is read while this one translates
            if on_start:
                on_start(source, index + 1, len(pairs))
            started = time.perf_counter()
            status: Status = "ok" if todo else "skipped"
            error = None
            if todo:
                try:
                    _process(source, output, translator, options, progress, reads.pop(index))
                except ModelError:
                    raise
                except Exception as exc:  # a bad file (or a bug on one) must not end the folder
                    status, error = "failed", failure(exc, source)
            result = FileResult(
                str(source), str(output), status, error, round(time.perf_counter() - started, 3)
            )
            record(manifest, result)
            yield result
