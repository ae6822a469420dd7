"""The local batch engine: this process, one article at a time, the next read ahead."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..model import Article, Progress
from ..readers import read_article
from ..writers.files import write_atomic
from .plan import (
    BatchOptions,
    FileResult,
    Status,
    failure,
    open_manifest,
    pending,
    record,
    render_article,
)
from .reports import save_digest, title, write_overviews
from .urls import PageReader

if TYPE_CHECKING:
    from ..translation.translator import Translator


def _process(
    output: Path,
    translator: Translator | None,
    options: BatchOptions,
    progress: Progress | None,
    reading: Future[Article],
) -> tuple[str, ...]:
    article = reading.result()  # read (and decoded) in the background while the previous file ran
    rendered, warnings, found = render_article(article, translator, options, progress)
    write_atomic(output, rendered)
    save_digest(options.out_dir, output, found)
    return warnings


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
    At the end, index.html and claims.csv list every article done, in this run or before.
    (raybatch.py runs the same work on Ray.)
    """
    pairs = pending(options)
    done: list[FileResult] = []
    reads: dict[int, Future[Article]] = {}
    pages = PageReader(options.out_dir, options.delay) if options.urls else None
    # an address as given (a Path would fold its "//"), else the file
    names = list(options.urls) if options.urls else [str(p[0]) for p in pairs]

    def read_ahead(index: int) -> None:
        if index < len(pairs) and pairs[index][2] and index not in reads:
            read = pages.read if pages is not None else read_article
            reads[index] = reader.submit(read, names[index])

    with (
        open_manifest(options) as manifest,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="read") as reader,
        closing(pages) if pages is not None else nullcontext(),
    ):
        for index, (source, output, todo) in enumerate(pairs):
            read_ahead(index)
            read_ahead(index + 1)  # the next file is read while this one translates
            if on_start:
                on_start(source, index + 1, len(pairs))
            started = time.perf_counter()
            status: Status = "ok" if todo else "skipped"
            error = None
            warnings: tuple[str, ...] = ()
            if todo:
                try:
                    warnings = _process(output, translator, options, progress, reads.pop(index))
                except ModelError:
                    raise
                except Exception as exc:  # a bad file (or a bug on one) must not end the folder
                    status, error = "failed", failure(exc, source)
            seconds = round(time.perf_counter() - started, 3)
            result = FileResult(names[index], str(output), status, error, seconds, warnings)
            record(manifest, result)
            done.append(result)
            yield result
    named = title(options.urls, options.in_dir)
    write_overviews(options.out_dir, done, named, with_claims=options.summary)
