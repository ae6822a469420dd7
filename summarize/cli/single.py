"""`summarize run` and `summarize translate`: one article, from a file or stdin."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from .app import app
from .common import emit, engine_options, make_summarizer, make_translator
from .flags import FormatFlags, InputFlags, ModelFlags, SummaryFlags, UiFlags, with_flags
from .ui import make_ui, progress_bar

if TYPE_CHECKING:
    from ..pipeline import Stage
    from ..translation.base import EngineOptions

InputArg = Annotated[str, typer.Argument(help="Article file, or - for stdin.", show_default=False)]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


def _single(
    file: str,
    model: ModelFlags,
    engine: EngineOptions,
    source: InputFlags,
    out: FormatFlags,
    output: Path | None,
    ui_flags: UiFlags,
    summarize: bool,
    summarizer: Stage | None = None,
) -> None:
    ui = make_ui(ui_flags)
    if file == "-" and sys.stdin.isatty():
        raise InputError("no input: give a FILE, or pipe an article on stdin")
    from ..model import RunOptions
    from ..pipeline import run_document, translate_document
    from ..readers import read_article
    from ..writers import render

    article = read_article(file)
    translator = make_translator(model, engine, source.source_lang)
    options = RunOptions(source_lang=source.source_lang)
    with progress_bar(ui, "Translating") as bar:

        def report(done: int, total: int) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], completed=done, total=total)

        if summarize:
            document = run_document(article, translator, options, article.name, report, summarizer)
        else:
            document = translate_document(article, translator, options, article.name, report)
    emit(render(document, out.fmt), output)


@app.command()
@with_flags
def run(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    source: InputFlags,
    out: FormatFlags,
    output: OutputOpt = None,
    summary: SummaryFlags,
    ui: UiFlags,
) -> None:
    """Translate an article, then write a neutral summary of who said what."""
    engine = engine_options(model)
    summarizer = make_summarizer(summary, engine)
    _single(file, model, engine, source, out, output, ui, True, summarizer)


@app.command()
@with_flags
def translate(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    source: InputFlags,
    out: FormatFlags,
    output: OutputOpt = None,
    ui: UiFlags,
) -> None:
    """Translate an article only."""
    _single(file, model, engine_options(model), source, out, output, ui, False)
