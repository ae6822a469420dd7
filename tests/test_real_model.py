"""The real default model on the seed article; skipped when the weights are not cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import bundled_models_file, load_models_config
from summarize.pipeline import translate_document
from summarize.translation.hub import is_available
from summarize.translation.translator import Translator

pytestmark = pytest.mark.real_model


def test_seed_article_with_default_model(shared_dir: Path) -> None:
    config = load_models_config(bundled_models_file())
    spec = config.translators[config.default]
    if not is_available(spec):
        pytest.skip(f"{spec.id} is not cached (summarize models download {spec.name})")
    text = (shared_dir / "seed" / "article-ar.txt").read_text("utf-8")
    document = translate_document(text, Translator(spec))
    english = " ".join(s.translation for s in document.sentences).lower()
    assert all(s.translation for s in document.sentences)
    for name in ("deir ez-zor", "united states", "foreign ministry", "qamishli"):
        assert name.replace("-", "") in english.replace("-", ""), name
    assert not any(s.redecoded for s in document.sentences)
