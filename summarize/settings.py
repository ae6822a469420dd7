"""Where every setting comes from: the flag, then the environment, then a file, then a default.

This is the only module that reads SUMMARIZE_* variables. A caller passes what the user gave on
the command line (None when nothing was given); `value` answers with the flag, else the
environment variable, else the built-in default. Defaults that live in a file (models.yaml's
`default` translator and summarizer) are applied by config.py when `value` answers None.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable and built-in default."""

    env: str  # the environment variable that sets it
    default: str | None  # the built-in default; None: a file decides (or nothing is set)
    help: str  # what it is, for documentation


SETTINGS: dict[str, Setting] = {
    "model": Setting("SUMMARIZE_MODEL", None, "translator: models.yaml name, hub id or folder"),
    "llm_model": Setting("SUMMARIZE_LLM_MODEL", None, "LLM summarizer: name, hub id or folder"),
    "device": Setting("SUMMARIZE_DEVICE", "auto", "auto, cpu or cuda"),
    "backend": Setting("SUMMARIZE_BACKEND", "auto", "auto (ct2 when installed), ct2 or torch"),
    "models_file": Setting("SUMMARIZE_MODELS_FILE", None, "models.yaml in force"),
    "parties_file": Setting("SUMMARIZE_PARTIES_FILE", None, "extra party gazetteer (YAML)"),
    "cache": Setting("SUMMARIZE_CACHE", None, "the tool's cache folder"),
    "glossary": Setting("SUMMARIZE_GLOSSARY", None, "a glossary file (YAML): terms and names"),
    "no_cache": Setting("SUMMARIZE_NO_CACHE", None, "set (to anything): no translation memory"),
}


def value(name: str, flag: str | None = None) -> str | None:
    """The setting `name`: `flag` when given, else its environment variable, else the default."""
    setting = SETTINGS[name]
    if flag is not None and flag != "":
        return flag
    from_env = os.environ.get(setting.env)
    if from_env:
        return from_env
    return setting.default


def path(name: str, flag: str | Path | None = None) -> Path | None:
    """`value` as a path (with ~ expanded), or None."""
    found = value(name, None if flag is None else str(flag))
    return Path(found).expanduser() if found else None


def cache_root() -> Path:
    """The tool's cache: SUMMARIZE_CACHE, else $XDG_CACHE_HOME/summarize, else
    ~/.cache/summarize."""
    explicit = path("cache")
    if explicit is not None:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarize"


def forwarded_environment(prefixes: tuple[str, ...]) -> dict[str, str]:
    """The variables of this process whose names start with one of `prefixes` (for workers)."""
    return {k: v for k, v in os.environ.items() if k.startswith(prefixes)}


def no_color() -> bool:
    """True when NO_COLOR asks for plain output (https://no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))
