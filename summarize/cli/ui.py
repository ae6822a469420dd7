"""Where progress, logs and errors go: stderr, through rich, only on a terminal unless --debug."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import settings
from .flags import UiFlags


@dataclass(frozen=True)
class Ui:
    """Where progress and logs go (stderr, only on a terminal unless --debug)."""

    console: Console  # stderr console
    show: bool  # progress and info logs are shown


def stderr_console() -> Console:
    """A console on stderr, without colour when NO_COLOR is set."""
    return Console(stderr=True, no_color=settings.no_color())


def make_ui(flags: UiFlags) -> Ui:
    """The run's UI; the library's logger ("summarize") gets a handler on stderr."""
    console = stderr_console()
    show = (console.is_terminal and not flags.quiet) or flags.debug
    level = logging.DEBUG if flags.debug else logging.INFO if show else logging.ERROR
    logger = logging.getLogger("summarize")
    logger.handlers[:] = [RichHandler(console=console, show_time=False, show_path=False)]
    logger.setLevel(level)
    logger.propagate = False
    return Ui(console, show)


@contextmanager
def progress_bar(ui: Ui, label: str) -> Iterator[Progress | None]:
    """A transient progress bar with one task named `label` (None when progress is hidden)."""
    if not ui.show:
        yield None
        return
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=ui.console,
        transient=True,
    )
    with bar:
        bar.add_task(label, total=None)
        yield bar


def print_error(message: str) -> None:
    """One red "error: ..." line on stderr (markup in the message is shown as written)."""
    stderr_console().print(
        f"[bold red]error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True
    )


def print_failure(ui: Ui, message: str) -> None:
    """One "failed ..." line of a folder run."""
    ui.console.print(f"[red]failed[/red] {escape(message)}", highlight=False, soft_wrap=True)
