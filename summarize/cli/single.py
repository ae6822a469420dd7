"""`summarize run` and `summarize translate`: one article, from a file or stdin."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError, Interrupted
from .app import app
from .common import engine_options, glossary_path, make_summarizer, make_translator
from .flags import DocumentFlags, ModelFlags, SummaryFlags, UiFlags, with_flags
from .ui import make_ui, progress_bar

if TYPE_CHECKING:
    from ..model import Article, Document, Progress

InputArg = Annotated[str, typer.Argument(help="Article file, or - for stdin.", show_default=False)]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
FollowOpt = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks", help="When -o is a symbolic link, write to its target (else refused)."
    ),
]
Process = Callable[["Article", "Progress"], "Document"]  # the pipeline an article goes through


def _single(
    file: str,
    output: Path | None,
    follow: bool,
    doc: DocumentFlags,
    ui_flags: UiFlags,
    process: Process,
) -> None:
    """Check where the result goes, read the article, run `process` on it with a progress bar,
    write the result."""
    ui = make_ui(ui_flags)
    if file == "-" and sys.stdin.isatty():
        raise InputError("no input: give a FILE, or pipe an article on stdin")
    from ..readers import read_article
    from ..writers import render
    from ..writers.files import OutputTarget, check_output, write_output

    target = check_output(output, [Path(file)], follow) if output else OutputTarget(Path("-"), True)
    article = read_article(file)
    seen = [0, 0]
    with progress_bar(ui, "Translating") as bar:

        def report(done: int, total: int) -> None:
            seen[:] = [done, total]
            if bar is not None:
                bar.update(bar.task_ids[0], completed=done, total=total)

        try:
            document = process(article, report)
        except KeyboardInterrupt:
            where = f" after {seen[0]} of {seen[1]} pieces" if seen[1] else ""
            kept = "" if output is None else f"; {output} left as it was"
            raise Interrupted(f"interrupted{where}: nothing written{kept}") from None
    write_output(target, render(document, doc.fmt))


@app.command()
@with_flags
def run(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    doc: DocumentFlags,
    output: OutputOpt = None,
    follow_symlinks: FollowOpt = False,
    summary: SummaryFlags,
    ui: UiFlags,
) -> None:
    """Translate an article, then write a neutral summary of who said what."""
    from ..model import RunOptions
    from ..pipeline import run_document

    engine = engine_options(model)
    summarizer = make_summarizer(summary, engine)
    glossary = glossary_path(doc)

    def process(article: Article, report: Progress) -> Document:
        translator = make_translator(model, engine, doc.source_lang)
        options = RunOptions(
            source_lang=doc.source_lang,
            outlet=summary.outlet,
            max_sentences=doc.max_sentences,
            glossary=glossary,
        )
        return run_document(article, translator, options, article.name, report, summarizer)

    _single(file, output, follow_symlinks, doc, ui, process)


@app.command()
@with_flags
def translate(
    file: InputArg = "-",
    *,
    model: ModelFlags,
    doc: DocumentFlags,
    output: OutputOpt = None,
    follow_symlinks: FollowOpt = False,
    ui: UiFlags,
) -> None:
    """Translate an article only."""
    from ..model import RunOptions
    from ..pipeline import translate_document

    engine = engine_options(model)
    glossary = glossary_path(doc)

    def process(article: Article, report: Progress) -> Document:
        translator = make_translator(model, engine, doc.source_lang)
        options = RunOptions(
            source_lang=doc.source_lang, max_sentences=doc.max_sentences, glossary=glossary
        )
        return translate_document(article, translator, options, article.name, report)

    _single(file, output, follow_symlinks, doc, ui, process)
