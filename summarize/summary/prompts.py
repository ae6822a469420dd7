"""Prompt templates as data: a system and a user part with named variables."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lang.data import read_yaml

VARIABLES = ("outlet", "count", "sentences", "claims")
_KEYS = {"system", "user"}


@dataclass(frozen=True)
class PromptTemplate:
    """A chat prompt: system and user parts, each a str.format template."""

    system: str  # instructions
    user: str  # the article and claims, fenced as data
    path: Path  # where it was read from

    def render(self, **values: Any) -> list[dict[str, str]]:
        """Chat messages with the variables filled in."""
        return [
            {"role": "system", "content": self.system.format(**values)},
            {"role": "user", "content": self.user.format(**values)},
        ]


def bundled_prompt() -> Path:
    """prompts/summary.yaml as installed with the package (or in a source checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (
        package / "_bundled" / "prompts" / "summary.yaml",
        package.parent / "prompts" / "summary.yaml",
    ):
        if candidate.is_file():
            return candidate
    raise ConfigError("prompts/summary.yaml is missing from the installation; reinstall")


def _fields(text: str, where: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc} (write literal braces as {{{{ and }}}})") from exc


def load_prompt(path: Path | None = None) -> PromptTemplate:
    """Read and check a template: both parts present, every variable used, no unknown one."""
    path = path or bundled_prompt()
    raw = read_yaml(path, "prompt")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in _KEYS):
        raise ConfigError(f"{path}: a prompt needs 'system' and 'user' text")
    unknown_keys = sorted(set(raw) - _KEYS)
    if unknown_keys:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown_keys)}; valid: system, user")
    used = _fields(raw["system"], str(path)) | _fields(raw["user"], str(path))
    unknown = sorted(used - set(VARIABLES))
    missing = [v for v in VARIABLES if v not in used]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"unknown variable(s) {', '.join(unknown)}")
        if missing:
            parts.append(f"missing variable(s) {', '.join(missing)}")
        raise ConfigError(f"{path}: {'; '.join(parts)}; the variables are {', '.join(VARIABLES)}")
    return PromptTemplate(raw["system"], raw["user"], path)
