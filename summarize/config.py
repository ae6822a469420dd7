"""models.yaml: loading, strict validation, and model resolution (flag > env > file > default)."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from . import settings
from .errors import ConfigError
from .lang.data import read_yaml


@dataclass(frozen=True)
class TranslatorSpec:
    """Settings of one translation model (one entry of models.yaml `translators`)."""

    name: str  # the name in models.yaml, or the id/path itself for ad-hoc models
    id: str  # hub id ("org/model") or a local directory
    revision: str = "main"  # hub revision; unused for local directories
    beam_size: int = 4  # beams (1 = greedy)
    max_input_tokens: int = 256  # longest piece sent to the model, in tokens (with </s>)
    min_confidence: float = -1.0  # sentences scored below (mean log-probability) are flagged
    max_new_tokens: int = 512  # hard cap on generated tokens per piece
    length_ratio: float = 3.0  # output > ratio * input + slack tokens counts as degenerate
    length_slack: int = 10  # see length_ratio
    batch_tokens: int = 4096  # token budget of one batch (padded length x rows)
    no_repeat_ngram_size: int = 3  # used by the repetition guard's re-decode
    repetition_penalty: float = 1.3  # used by the repetition guard's re-decode

    @property
    def is_local(self) -> bool:
        """True when `id` names a directory on this machine."""
        return Path(self.id).expanduser().is_dir()


@dataclass(frozen=True)
class LLMSpec:
    """Settings of one summarizer model (models.yaml `summarizer.models`)."""

    name: str  # the name in models.yaml, or the id/path itself for ad-hoc models
    id: str  # hub id ("org/model") or a local directory
    revision: str = "main"  # hub revision; unused for local directories
    max_new_tokens: int = 700  # cap on the answer, in tokens
    max_input_tokens: int = 8000  # longer prompts are not sent: the rules summary is used

    @property
    def is_local(self) -> bool:
        """True when `id` names a directory on this machine."""
        return Path(self.id).expanduser().is_dir()


Spec = TypeVar("Spec", "TranslatorSpec", "LLMSpec")


@dataclass(frozen=True)
class ModelsConfig:
    """The whole of models.yaml."""

    default: str  # name of the default translator
    translators: dict[str, TranslatorSpec]  # name -> settings
    path: Path  # the file it was read from
    default_summarizer: str | None = None  # name of the default summarizer model
    summarizers: dict[str, LLMSpec] | None = None  # name -> settings


_TOP_KEYS = {"default", "translators", "summarizer"}


def bundled_models_file() -> Path:
    """The models.yaml shipped with the package (or the repository's, in a source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / "models.yaml", here.parent / "models.yaml"):
        if candidate.is_file():
            return candidate
    raise ConfigError("models.yaml is missing from the installation; reinstall summarize")


def models_file() -> Path:
    """The models.yaml in force: $SUMMARIZE_MODELS_FILE if set, else the bundled one."""
    path = settings.path("models_file")
    if path is not None:
        if not path.is_file():
            env = settings.SETTINGS["models_file"].env
            raise ConfigError(f"{env} points to {path}, which is not a file")
        return path
    return bundled_models_file()


def _check_keys(where: str, data: dict[str, Any], valid: set[str]) -> None:
    unknown = sorted(set(data) - valid)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}; valid keys: {', '.join(sorted(valid))}"
        )


def _parse_spec(where: str, name: str, data: Any, kind: type[Spec]) -> Spec:
    role = "translator" if kind is TranslatorSpec else "summarizer"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: {role} '{name}' must be a mapping")
    _check_keys(f"{where}: {role} '{name}'", data, {f.name for f in fields(kind)} - {"name"})
    if "id" not in data:
        raise ConfigError(f"{where}: {role} '{name}' has no 'id'")
    defaults = kind(name=name, id=str(data["id"]))
    values: dict[str, Any] = {}
    for key, value in data.items():
        expected = type(getattr(defaults, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(
                f"{where}: {role} '{name}' key '{key}' must be {expected.__name__}, got {value!r}"
            )
        if expected in (int, float) and value <= 0 and key not in _MAY_BE_NEGATIVE:
            raise ConfigError(f"{where}: {role} '{name}' key '{key}' must be positive")
        values[key] = value
    return replace(defaults, **values)


_MAY_BE_NEGATIVE = {"min_confidence"}  # a log-probability: 0 or below


def load_models_config(path: Path | None = None) -> ModelsConfig:
    """Read and validate models.yaml (the one in force unless `path` is given)."""
    path = path or models_file()
    raw = read_yaml(path, "models file")
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    _check_keys(str(path), raw, _TOP_KEYS)
    entries = raw.get("translators")
    if not isinstance(entries, dict) or not entries:
        raise ConfigError(f"{path}: 'translators' must be a non-empty mapping")
    translators = {
        str(n): _parse_spec(str(path), str(n), d, TranslatorSpec) for n, d in entries.items()
    }
    default = str(raw.get("default", next(iter(translators))))
    if default not in translators:
        raise ConfigError(
            f"{path}: default '{default}' is not a translator; valid names: "
            f"{', '.join(translators)}"
        )
    default_summarizer, summarizers = _parse_summarizers(str(path), raw.get("summarizer"))
    return ModelsConfig(default, translators, path, default_summarizer, summarizers)


def _parse_summarizers(where: str, raw: Any) -> tuple[str | None, dict[str, LLMSpec] | None]:
    if raw is None:
        return None, None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'summarizer' must be a mapping")
    _check_keys(f"{where}: summarizer", raw, {"default", "models"})
    entries = raw.get("models")
    if not isinstance(entries, dict) or not entries:
        raise ConfigError(f"{where}: 'summarizer.models' must be a non-empty mapping")
    models = {str(n): _parse_spec(where, str(n), d, LLMSpec) for n, d in entries.items()}
    default = str(raw.get("default", next(iter(models))))
    if default not in models:
        raise ConfigError(
            f"{where}: summarizer default '{default}' is not a summarizer; valid names: "
            f"{', '.join(models)}"
        )
    return default, models


def _looks_like_path(value: str) -> bool:
    return value.startswith((".", "/", "~")) or (os.sep in value and Path(value).exists())


def resolve_translator(choice: str | None, config: ModelsConfig | None = None) -> TranslatorSpec:
    """Turn --model (or $SUMMARIZE_MODEL, or the file's default) into settings.

    A name from models.yaml gets its settings; a local directory or a hub id ("org/name") gets
    the default entry's settings with that id.
    """
    config = config or load_models_config()
    value = settings.value("model", choice) or config.default
    return _resolve(value, config.translators, config.default, "model")


def resolve_summarizer(choice: str | None, config: ModelsConfig | None = None) -> LLMSpec:
    """Turn --llm-model (or $SUMMARIZE_LLM_MODEL, or the file's default) into settings."""
    config = config or load_models_config()
    if not config.summarizers or config.default_summarizer is None:
        raise ConfigError(f"{config.path}: has no 'summarizer' section")
    value = settings.value("llm_model", choice) or config.default_summarizer
    return _resolve(value, config.summarizers, config.default_summarizer, "summarizer model")


def _resolve(value: str, named: dict[str, Spec], default: str, what: str) -> Spec:
    if value in named:
        return named[value]
    base = named[default]
    candidate = Path(value).expanduser()
    if candidate.is_dir():
        return replace(base, name=value, id=str(candidate.resolve()), revision="main")
    if _looks_like_path(value):
        raise ConfigError(f"model directory not found: {value}")
    parts = value.split("/")
    if len(parts) == 2 and all(parts):
        return replace(base, name=value, id=value, revision="main")
    raise ConfigError(
        f"unknown {what} '{value}'; valid names: {', '.join(named)} "
        "(or a hub id like org/name, or a local directory)"
    )
