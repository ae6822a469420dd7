"""models.yaml: the shipped file, strict validation, and how --model is resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import bundled_models_file, load_models_config, resolve_translator
from summarize.errors import ConfigError


def test_shipped_models_yaml() -> None:
    config = load_models_config(bundled_models_file())
    assert config.default == "quality"
    assert config.translators["quality"].id == "Helsinki-NLP/opus-mt-tc-big-ar-en"
    assert config.translators["fast"].id == "Helsinki-NLP/opus-mt-ar-en"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("translators:\n  a:\n    id: x/y\n    beams: 4\n", "unknown key.*beams.*valid keys"),
        ("translators:\n  a:\n    id: x/y\nextra: 1\n", "unknown key.*extra"),
        ("default: b\ntranslators:\n  a:\n    id: x/y\n", "default 'b'.*valid names: a"),
        ("translators:\n  a:\n    id: x/y\n    beam_size: four\n", "beam_size.*int"),
        ("translators:\n  a:\n    id: x/y\n    beam_size: 0\n", "positive"),
        ("translators:\n  a:\n    revision: main\n", "no 'id'"),
        ("translators: {}\n", "non-empty"),
        ("- a\n", "mapping"),
    ],
)
def test_invalid_models_yaml(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(body, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_models_config(path)


def test_resolve(models_file: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_translator(None).name == "tiny"
    assert resolve_translator("loop").name == "loop"
    adhoc = resolve_translator("Helsinki-NLP/opus-mt-ar-en")
    assert adhoc.id == "Helsinki-NLP/opus-mt-ar-en" and adhoc.beam_size == 1
    assert resolve_translator(str(tiny_model_dir)).is_local
    monkeypatch.setenv("SUMMARIZE_MODEL", "loop")
    assert resolve_translator(None).name == "loop"
    assert resolve_translator("tiny").name == "tiny"  # the flag wins over the environment
    with pytest.raises(ConfigError, match="unknown model 'tinny'; valid names: tiny, doubt, loop"):
        resolve_translator("tinny")
    with pytest.raises(ConfigError, match="not found"):
        resolve_translator("./no/such/dir")
