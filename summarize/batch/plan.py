"""What both batch engines share: the run's options, the plan, the manifest, one article."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from ..errors import InputError, OutputError, SummarizeError
from ..model import Article, Progress, RunOptions
from ..pipeline import Stage, run_document, translate_document
from ..readers import suffixes
from ..writers import WRITERS, render
from ..writers.files import remove_stale_temporaries
from .reports import DIGESTS, OVERVIEWS, digest

if TYPE_CHECKING:
    from ..translation.translator import Translator

log = logging.getLogger(__name__)

MANIFEST = "manifest.jsonl"

Status = Literal["ok", "skipped", "failed"]


@dataclass(frozen=True)
class BatchOptions:
    """A folder run."""

    in_dir: Path  # folder of articles
    out_dir: Path  # folder for the outputs (mirrors in_dir); must not be inside in_dir
    fmt: str = "text"  # output format: text, markdown, json, html or csv
    recursive: bool = False  # descend into sub-folders
    force: bool = False  # redo files whose output is already newer than the input
    run: RunOptions = field(default_factory=RunOptions)  # what each article goes through
    summary: bool = True  # attribute claims and summarize (False: translation only)
    summarizer: Stage | None = None  # rewrites the rules summary (the LLM's); None: the rules one
    urls: tuple[str, ...] = ()  # web addresses to fetch instead of a folder (in_dir unused)
    delay: float = 1.0  # seconds between two requests to the same host


@dataclass(frozen=True)
class FileResult:
    """One line of the manifest."""

    input: str  # input path
    output: str  # output path
    status: Status  # ok, skipped (output newer than input), or failed
    error: str | None  # the one-line reason when failed
    seconds: float  # time spent on the file
    warnings: tuple[str, ...] = ()  # what the user should know (bytes replaced, re-decodes)


def check_folders(options: BatchOptions) -> None:
    """Refuse a missing input folder and an output folder inside the input folder."""
    in_dir, out_dir = options.in_dir.resolve(), options.out_dir.resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{options.out_dir}: exists and is not a folder")
    if options.urls:
        return
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
    (a.txt.json, a.md.json), and so does one that would take the name of the run's index.html or
    claims.csv (index.html as HTML: index.html.html). With addresses: each address (as a Path
    of its text) and its output, named from the address, in the list's order.
    """
    if options.urls:
        from .urls import output_stem

        suffix = WRITERS[options.fmt].suffix
        return [(Path(u), options.out_dir / f"{output_stem(u)}{suffix}") for u in options.urls]
    pattern = "**/*" if options.recursive else "*"
    inputs = sorted(
        p
        for p in options.in_dir.glob(pattern)
        if p.is_file() and p.suffix.lower() in suffixes() and not p.name.startswith(".")
    )
    suffix = WRITERS[options.fmt].suffix
    outputs = [options.out_dir / p.relative_to(options.in_dir).with_suffix(suffix) for p in inputs]
    # two inputs with one output name, or an output named like the run's own files (a saved
    # page index.html would else be overwritten by the batch's index)
    reserved = {options.out_dir / name for name in (MANIFEST, *OVERVIEWS)}
    clashes = {o for o in outputs if outputs.count(o) > 1 or o in reserved}
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
    for folder in (options.out_dir, options.out_dir / DIGESTS):  # a killed run's leftovers
        remove_stale_temporaries(folder)
    if options.urls:  # a page once done is done: its output exists
        return [(s, o, options.force or not o.exists()) for s, o in plan(options)]
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
    article: Article,
    translator: Translator | None,
    options: BatchOptions,
    progress: Progress | None = None,
) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """One article through the pipeline, rendered in the run's format (what is written), its
    warnings (for the manifest) and its digest (for index.html and claims.csv)."""
    if options.summary:
        document = run_document(
            article, translator, options.run, article.name, progress, options.summarizer
        )
    else:
        document = translate_document(article, translator, options.run, article.name, progress)
    return render(document, options.fmt), document.warnings, digest(document)


def failure(exc: Exception, source: Path) -> str:
    """The manifest's one-line reason for a file that failed (ModelError is not a file's fault:
    callers let it stop the run)."""
    if isinstance(exc, SummarizeError):
        return str(exc)
    log.error("unexpected error on %s", source, exc_info=exc)
    return f"internal error: {type(exc).__name__}: {exc}"
