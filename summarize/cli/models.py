"""`summarize models list|download` and `summarize cache stats|clear`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .app import cache_app, models_app
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


@cache_app.command("stats")
def cache_stats() -> None:
    """Where the translation memory is, how many units it holds and its size on disk."""
    from .. import settings
    from ..translation.memory import FILE_NAME, TranslationMemory

    memory = TranslationMemory(settings.cache_root() / FILE_NAME)
    stats = memory.stats()
    memory.close()
    print(f"path\t{stats.path}")
    print(f"units\t{stats.units}")
    print(f"bytes\t{stats.bytes}")
    print(f"capacity\t{stats.capacity} units (the least recently used go beyond it)")
    if memory.problem:
        raise typer.Exit(code=1)


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete the translation memory (the next run starts a new one)."""
    from .. import settings
    from ..errors import OutputError
    from ..translation.memory import FILE_NAME, clear

    path = settings.cache_root() / FILE_NAME
    try:
        freed = clear(path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot delete: {exc.strerror}") from exc
    print(f"cleared {path} ({freed} bytes)")
