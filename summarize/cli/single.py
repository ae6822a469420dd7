"""`summarize run` and `summarize translate`: one article, from a file or stdin."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from .app import app
from .common import emit, engine_options, make_summarizer, make_translator
from .flags import DocumentFlags, ModelFlags, SummaryFlags, UiFlags, with_flags
from .ui import make_ui, progress_bar

if TYPE_CHECKING:
    from ..model import Article, Document, Progress

InputArg = Annotated[str, typer.Argument(help="Article file, or - for stdin.", show_default=False)]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
Process = Callable[["Article", "Progress"], "Document"]  # the pipeline an article goes through


def _single(
    file: str, output: Path | None, doc: DocumentFlags, ui_flags: UiFlags, process: Process
) -> None:
    """Read the article, run `process` on it with a progress bar, write the result."""
    ui = make_ui(ui_flags)
    if file == "-" and sys.stdin.isatty():
        raise InputError("no input: give a FILE, or pipe an article on stdin")
    from ..readers import read_article
    from ..writers import render

    article = read_article(file)
    with progress_bar(ui, "Translating") as bar:

        def report(done: int, total: int) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], completed=done, total=total)

        document = process(article, report)
    emit(render(document, doc.fmt), output)


@app.command()
@with_flags
def run(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    doc: DocumentFlags,
    output: OutputOpt = None,
    summary: SummaryFlags,
    ui: UiFlags,
) -> None:
    """Translate an article, then write a neutral summary of who said what."""
    from ..model import RunOptions
    from ..pipeline import run_document

    engine = engine_options(model)
    summarizer = make_summarizer(summary, engine)

    def process(article: Article, report: Progress) -> Document:
        translator = make_translator(model, engine, doc.source_lang)
        options = RunOptions(source_lang=doc.source_lang, outlet=summary.outlet)
        return run_document(article, translator, options, article.name, report, summarizer)

    _single(file, output, doc, ui, process)


@app.command()
@with_flags
def translate(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    doc: DocumentFlags,
    output: OutputOpt = None,
    ui: UiFlags,
) -> None:
    """Translate an article only."""
    from ..model import RunOptions
    from ..pipeline import translate_document

    engine = engine_options(model)

    def process(article: Article, report: Progress) -> Document:
        translator = make_translator(model, engine, doc.source_lang)
        options = RunOptions(source_lang=doc.source_lang)
        return translate_document(article, translator, options, article.name, report)

    _single(file, output, doc, ui, process)
