"""Where progress, logs and errors go: stderr. On a terminal: a rich progress bar and info logs;
elsewhere (a log file, a pipe, a CI job): warnings, and a plain progress line every few seconds;
with -q: errors only."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from .. import settings
from .flags import UiFlags


@dataclass(frozen=True)
class Ui:
    """Where progress and logs go (stderr, only on a terminal unless --debug)."""

    console: Console  # stderr console
    show: bool  # the progress bar and info logs are shown (a terminal, or --debug)
    plain: bool = False  # plain progress lines (stderr is not a terminal, no -q)


PLAIN_EVERY = 10.0  # seconds between plain progress lines


class PlainProgress:
    """Progress as plain lines on stderr ("Translating: 120/300 (40%)"), at most one every
    PLAIN_EVERY seconds and one when a task completes: the subset of rich's Progress the
    commands use."""

    def __init__(self, label: str, every: float = PLAIN_EVERY) -> None:
        self.every = every
        self.tasks: dict[TaskID, dict[str, object]] = {}
        self.task_ids: list[TaskID] = []
        self.last = time.monotonic()
        self.add_task(label, total=None)

    def add_task(self, description: str, total: int | None = None) -> TaskID:
        task = TaskID(len(self.tasks))
        self.tasks[task] = {"description": description, "completed": 0, "total": total}
        self.task_ids.append(task)
        return task

    def update(self, task: TaskID, **changes: object) -> None:
        state = self.tasks[task]
        state.update({k: v for k, v in changes.items() if k in state})
        done, total = state["completed"], state["total"]
        finished = isinstance(total, int) and total > 0 and done == total and task == 0
        now = time.monotonic()
        if not (finished or now - self.last >= self.every) or not isinstance(done, int):
            return
        self.last = now
        share = f" ({100 * done // total}%)" if isinstance(total, int) and total else ""
        count = f"{done}/{total}" if isinstance(total, int) else str(done)
        sys.stderr.write(f"{state['description']}: {count}{share}\n")
        sys.stderr.flush()


def stderr_console() -> Console:
    """A console on stderr, without colour when NO_COLOR is set."""
    return Console(stderr=True, no_color=settings.no_color())


def make_ui(flags: UiFlags) -> Ui:
    """The run's UI; the library's logger ("summarize") gets a handler on stderr."""
    console = stderr_console()
    show = (console.is_terminal and not flags.quiet) or flags.debug
    plain = not show and not flags.quiet
    level = (
        logging.DEBUG
        if flags.debug
        else logging.INFO
        if show
        else logging.WARNING
        if plain
        else logging.ERROR
    )
    logger = logging.getLogger("summarize")
    if show:
        handler: logging.Handler = RichHandler(console=console, show_time=False, show_path=False)
    else:  # one line per message, never wrapped: logs and pipes read them
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
    return Ui(console, show, plain)


Bar = Progress | PlainProgress  # what progress_bar yields


@contextmanager
def progress_bar(ui: Ui, label: str) -> Iterator[Bar | None]:
    """A transient progress bar with one task named `label` (plain lines when stderr is not a
    terminal; None with -q)."""
    if not ui.show:
        yield PlainProgress(label) if ui.plain else None
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
