"""Loading a backend: the one `EngineOptions` asks for, for the model a TranslatorSpec names."""

from __future__ import annotations

import logging

from ..config import TranslatorSpec
from ..errors import ModelError
from .base import Backend, EngineOptions, resolve_backend

log = logging.getLogger(__name__)


def load_backend(spec: TranslatorSpec, options: EngineOptions) -> Backend:
    """Load the model of `spec` with the backend `options` ask for."""
    backend = resolve_backend(options.backend)
    if backend == "ct2":
        from .ct2_backend import CT2MarianBackend

        return CT2MarianBackend(spec, options.device, options.compute_type, options.threads)
    if options.compute_type not in {"auto", "float32"}:
        raise ModelError("--compute-type applies to the ct2 backend only")
    from .hub import locate
    from .torch_backend import TorchMarianBackend

    path = locate(spec)
    log.info("loading %s from %s", spec.id, path)
    return TorchMarianBackend(path, options.device, spec.id, options.threads)
