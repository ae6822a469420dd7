"""The typer application and its sub-applications; the commands register themselves on them."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__

COMMANDS = {"run", "translate", "batch", "models", "eval", "cache"}

app = typer.Typer(
    name="summarize",
    help="Translate Arabic news into English (MarianMT) and summarize who said what.\n\n"
    "`summarize FILE` and `cat FILE | summarize` are short for `summarize run`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="List and download translation models.", no_args_is_help=True)
app.add_typer(models_app, name="models")
cache_app = typer.Typer(help="Show or empty the translation memory.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _version(value: bool) -> None:
    if value:
        print(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Translate Arabic news into English (MarianMT) and summarize who said what."""
