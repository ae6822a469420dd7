"""`summarize models list|download`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .app import models_app
from .flags import UiFlags
from .ui import make_ui


@models_app.command("list")
def models_list() -> None:
    """Show the configured models and whether each is cached."""
    from rich.console import Console
    from rich.table import Table

    from .. import settings
    from ..config import load_models_config
    from ..translation.hub import is_available

    config = load_models_config()
    table = Table("role", "name", "id", "revision", "cached", box=None)
    roles: list[tuple[str, dict[str, Any], str | None]] = [
        ("translator", dict(config.translators), config.default),
        ("summarizer", dict(config.summarizers or {}), config.default_summarizer),
    ]
    for role, specs, default in roles:
        for name, spec in specs.items():
            label = f"{name} (default)" if name == default else name
            cached = "yes" if is_available(spec) else "no"
            table.add_row(role, label, spec.id, spec.revision, cached)
    console = Console(no_color=settings.no_color())
    if console.is_terminal:
        console.print(table)
    else:  # piped: whole values, one tab-separated row per model
        for row in zip(*(column.cells for column in table.columns), strict=True):
            print("\t".join(row))


@models_app.command("download")
def models_download(
    name: Annotated[
        str, typer.Argument(help="Translator or summarizer name from models.yaml, or a hub id.")
    ],
) -> None:
    """Download a model into the Hugging Face cache (needs network)."""
    from ..config import load_models_config, resolve_summarizer, resolve_translator
    from ..translation.hub import download

    make_ui(UiFlags())
    config = load_models_config()
    is_summarizer = name in (config.summarizers or {})
    spec = resolve_summarizer(name, config) if is_summarizer else resolve_translator(name, config)
    print(download(spec))
