"""Shared fixtures: tiny models, a models.yaml pointing at them, and the shared data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotated import OWN, AnnotatedRun, run_folder
from tinymodels import FIXTURES, TINY_MODELS_YAML, build_tiny_causal_lm, build_tiny_marian

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random Marian model saved with save_pretrained."""
    return build_tiny_marian(tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def loop_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model whose greedy output repeats one token: a planted loop."""
    return build_tiny_marian(tmp_path_factory.mktemp("models") / "loop", loop_token="▁the")


@pytest.fixture(scope="session")
def tiny_llm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random causal LM with a chat template: garbage out, through the real code path."""
    return build_tiny_causal_lm(tmp_path_factory.mktemp("models") / "tinyllm")


@pytest.fixture(scope="session")
def ct2_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where CTranslate2 conversions go during the tests (shared, so each converts once)."""
    return tmp_path_factory.mktemp("ct2-cache")


@pytest.fixture()
def models_file(
    tmp_path: Path,
    tiny_model_dir: Path,
    loop_model_dir: Path,
    tiny_llm_dir: Path,
    ct2_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Path]:
    """A models.yaml naming the tiny models, in force through SUMMARIZE_MODELS_FILE."""
    path = tmp_path / "models.yaml"
    path.write_text(
        TINY_MODELS_YAML.format(tiny=tiny_model_dir, loop=loop_model_dir, llm=tiny_llm_dir),
        "utf-8",
    )
    monkeypatch.setenv("SUMMARIZE_MODELS_FILE", str(path))
    monkeypatch.setenv("SUMMARIZE_CACHE", str(ct2_cache))
    for name in ("SUMMARIZE_MODEL", "SUMMARIZE_BACKEND", "SUMMARIZE_DEVICE", "SUMMARIZE_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # the translation memory would let one test's translations answer another's (and hide a
    # planted failure): off, except in tests/test_memory.py (on, in a folder of its own)
    monkeypatch.setenv("SUMMARIZE_NO_CACHE", "1")
    yield path


@pytest.fixture(params=["torch", "ct2"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each engine-level test runs on both backends."""
    return str(request.param)


@pytest.fixture()
def fixture_article() -> Path:
    return FIXTURES / "article-ar.txt"


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def _tiny_translator(model_dir: Path) -> object:
    from summarize import EngineOptions, Translator
    from summarize.config import load_models_config

    models = model_dir.parent / "annotated-models.yaml"
    models.write_text(TINY_MODELS_YAML.format(tiny=model_dir, loop=model_dir, llm=model_dir))
    spec = load_models_config(models).translators["tiny"]
    return Translator(spec, EngineOptions(device="cpu", backend="torch"))


@pytest.fixture(scope="session")
def own_runs(tiny_model_dir: Path) -> list[AnnotatedRun]:
    """The suite's annotated articles, run once per session in both modes."""
    return run_folder(OWN, _tiny_translator(tiny_model_dir))


@pytest.fixture(scope="session")
def devset_runs(tiny_model_dir: Path) -> list[AnnotatedRun]:
    """The devset's articles, run once per session in both modes (skipped without ../shared)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return run_folder(SHARED / "devset", _tiny_translator(tiny_model_dir))
