"""Where model weights come from: a local directory, the Hugging Face cache, or the hub."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..config import LLMSpec, TranslatorSpec
from ..errors import ModelError

ModelSpec = TranslatorSpec | LLMSpec

log = logging.getLogger(__name__)

# What a Marian checkpoint needs; framework duplicates (TF, Flax, Rust) are never fetched, and
# pytorch_model.bin only when the repository has no safetensors.
_FILES = ["*.json", "*.spm", "*.txt", "*.model", "*.safetensors"]
_PICKLE = ["pytorch_model.bin"]


def offline() -> bool:
    """True when HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) asks not to touch the network."""
    return any(
        os.environ.get(var, "").strip().lower() in {"1", "true", "yes", "on"}
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _not_available(spec: ModelSpec, why: str) -> ModelError:
    flag = "--llm-model" if isinstance(spec, LLMSpec) else "--model"
    return ModelError(
        f"model '{spec.name}' ({spec.id}) is not available: {why}. Fix: run "
        f"`summarize models download {spec.name}` on a connected machine and copy the cache, "
        f"point HF_HOME at a cache that has it, or pass {flag} PATH to a saved model directory"
    )


def cached_snapshot(spec: ModelSpec) -> Path | None:
    """The local snapshot of a hub model when it is fully cached, else None."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        path = Path(snapshot_download(spec.id, revision=spec.revision, local_files_only=True))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    return path if (path / "config.json").is_file() else None


def is_available(spec: ModelSpec) -> bool:
    """True when the model can be loaded without the network."""
    if spec.is_local:
        return (Path(spec.id).expanduser() / "config.json").is_file()
    return cached_snapshot(spec) is not None


def download(spec: ModelSpec) -> Path:
    """Fetch a hub model into the Hugging Face cache (safetensors only when the repo has them)."""
    if spec.is_local:
        return Path(spec.id).expanduser()
    if offline():
        raise _not_available(spec, "HF_HUB_OFFLINE is set, so nothing can be downloaded")
    from huggingface_hub import snapshot_download

    try:
        log.info("downloading %s@%s", spec.id, spec.revision)
        path = Path(snapshot_download(spec.id, revision=spec.revision, allow_patterns=_FILES))
        if not any(path.glob("*.safetensors")):
            path = Path(snapshot_download(spec.id, revision=spec.revision, allow_patterns=_PICKLE))
        return path
    except Exception as exc:  # hub errors come in many types; all mean "not fetched"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _not_available(spec, f"download failed ({reason})") from exc


def locate(spec: ModelSpec) -> Path:
    """A local directory holding the model: the given path, the cache, or (online) a download."""
    if spec.is_local:
        path = Path(spec.id).expanduser()
        if not (path / "config.json").is_file():
            raise ModelError(f"{path}: not a saved model directory (no config.json)")
        return path
    snapshot = cached_snapshot(spec)
    if snapshot is not None:
        return snapshot
    if offline():
        raise _not_available(spec, "the weights are not cached and HF_HUB_OFFLINE is set")
    return download(spec)
