"""The real default summarizer on the seed article; skipped when its weights are not cached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.config import bundled_models_file, load_models_config, resolve_summarizer
from summarize.model import RunOptions
from summarize.pipeline import run_document
from summarize.summary.llm import LLM, llm_summary
from summarize.summary.verify import Proposal, verify
from summarize.translation.hub import is_available

pytestmark = pytest.mark.real_model


def test_llm_summary_of_the_seed_article(shared_dir: Path) -> None:
    config = load_models_config(bundled_models_file())
    spec = resolve_summarizer(None, config)
    if not is_available(spec):
        pytest.skip(f"{spec.id} is not cached (summarize models download {spec.name})")
    annotated = json.loads((shared_dir / "devset" / "seed-deir-ez-zor.json").read_text("utf-8"))
    document = run_document(annotated["en"], None, RunOptions("en"))
    outcome = llm_summary(document, LLM(spec))
    assert 3 <= len(outcome.items) <= 8
    for item in outcome.items:
        if item.origin == "llm":
            assert verify(Proposal(item.text, item.claim_ids), document) == []
