"""`summarize batch`: every article of a folder, on this process or on Ray."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from .app import app
from .common import engine_options, glossary_path, make_summarizer, make_translator
from .flags import (
    DocumentFlags,
    FolderFlags,
    ModelFlags,
    RayFlags,
    SummaryFlags,
    UiFlags,
    with_flags,
)
from .ui import Bar, Ui, make_ui, print_error, print_failure, progress_bar

if TYPE_CHECKING:
    from ..batch.plan import BatchOptions, FileResult
    from ..batch.ray import RayOptions
    from ..translation.base import EngineOptions


def _ray_options(flags: RayFlags, debug: bool) -> RayOptions | None:
    """None for the local engine (which takes none of the Ray options)."""
    if flags.engine == "local":
        given = flags.given()
        if given:
            raise InputError(f"{', '.join(given)}: only with --engine ray")
        return None
    from ..batch.ray import RayOptions

    return RayOptions(
        flags.address, flags.workers, flags.cpus_per_worker, flags.gpus_per_worker, debug
    )


def _results(
    options: BatchOptions,
    model: ModelFlags,
    engine: EngineOptions,
    ray_options: RayOptions | None,
    bar: Bar | None,
) -> Iterator[FileResult]:
    """The run's results as they come, on the engine asked for; the progress bar follows."""
    sentences = bar.add_task("Sentences", total=None) if bar is not None else None

    def on_start(path: Path, number: int, total: int) -> None:
        if bar is not None and sentences is not None:
            bar.update(bar.task_ids[0], completed=number - 1, total=total)
            bar.update(sentences, completed=0, total=None, description=path.name)

    def report(done: int, total: int) -> None:
        if bar is not None and sentences is not None:
            bar.update(sentences, completed=done, total=total)

    def on_ready(pool: int, files: int) -> None:
        if bar is not None and sentences is not None:
            bar.update(sentences, visible=False)
            bar.update(bar.task_ids[0], total=files, description=f"Files ({pool} Ray workers)")

    if ray_options is None:
        from ..batch.local import run_batch

        translator = make_translator(model, engine, options.run.source_lang)
        return run_batch(options, translator, on_start, report)
    from ..batch.ray import run_batch_ray
    from ..config import resolve_translator

    if not ray_options.debug:  # Ray's advice on tuning its plan is noise to someone translating
        warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    spec = None if options.run.source_lang == "en" else resolve_translator(model.model)
    return run_batch_ray(options, spec, engine, ray_options, on_ready, report_now)


def report_now(message: str) -> None:
    """The error line at once, flushed (see run_batch_ray's on_fatal)."""
    print_error(message)
    sys.stderr.flush()


def _report(ui: Ui, results: Iterator[FileResult], bar: Bar | None, ray: bool) -> dict[str, int]:
    counts = {"ok": 0, "skipped": 0, "failed": 0}
    for result in results:
        counts[result.status] += 1
        if bar is not None and ray:
            bar.update(bar.task_ids[0], completed=sum(counts.values()))
        if result.status == "failed":
            print_failure(ui, result.error or "")
    return counts


@app.command()
@with_flags
def batch(
    in_dir: Annotated[
        Path | None,
        typer.Argument(
            help="Folder of articles (.txt .md .html .htm .docx .pdf).", show_default=False
        ),
    ] = None,
    *,
    folder: FolderFlags,
    ray: RayFlags,
    model: ModelFlags,
    doc: DocumentFlags,
    summary: SummaryFlags,
    ui: UiFlags,
) -> None:
    """Translate and summarize every article in a folder; the output tree mirrors the input."""
    from ..batch.plan import MANIFEST, BatchOptions
    from ..model import RunOptions

    shown = make_ui(ui)
    urls = folder.urls
    if (in_dir is None) == (urls is None):
        raise InputError("give a folder, or --urls FILE (one of the two)")
    engine = engine_options(model)
    ray_options = _ray_options(ray, ui.debug)
    if urls is not None and ray_options is not None:
        raise InputError("--urls runs on the local engine (fetching politely, one page at a time)")
    from ..batch.urls import read_urls

    addresses = tuple(read_urls(urls)) if urls is not None else ()
    if folder.translate_only and summary.summarizer == "llm":
        raise InputError("--summarizer llm writes a summary; --translate-only writes none")
    # On a cluster the summarizer need not be on this machine: the actors load it.
    here = ray_options is None or ray_options.address is None
    options = BatchOptions(
        in_dir or Path(),
        folder.out_dir,
        doc.fmt,
        folder.recursive,
        folder.force,
        RunOptions(
            doc.source_lang,
            outlet=summary.outlet,
            max_sentences=doc.max_sentences,
            glossary=glossary_path(doc),
        ),
        summary=not folder.translate_only,
        summarizer=make_summarizer(summary, engine, check=here),
        urls=addresses,
        delay=folder.delay,
    )
    with progress_bar(shown, "Files") as bar:
        results = _results(options, model, engine, ray_options, bar)
        counts = _report(shown, results, bar, ray_options is not None)
    line = (
        f"{counts['ok']} translated, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; manifest: {folder.out_dir / MANIFEST}"
    )
    if not ui.quiet:
        shown.console.print(line, highlight=False, markup=False, soft_wrap=True)
    if counts["failed"]:
        raise typer.Exit(code=1)
