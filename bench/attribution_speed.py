#!/usr/bin/env python3
"""Attribution and summary speed, side by side in one run.

1. English mode, no model: articles of 10, 100 and 1,000 sentences (built by repeating the
   sentences of ../shared/devset, or of the suite's own annotated article when ../shared is
   absent) go through `run_document` (segmentation, attribution, the rules summary); the bench
   reports milliseconds per sentence at each size. Linear work gives about the same figure at
   every size; the last line gives the ratio of the 1,000-sentence figure to the 10-sentence one.
2. Arabic mode with the tiny test model: the share of a whole `run` spent outside translation
   (segmentation, attribution of the Arabic, naming parties, the summary). The translator's
   calls are timed from the outside; the tiny model is far faster than a real one, so this share
   is an upper bound for real weights.

    python bench/attribution_speed.py            # sizes 10, 100, 1000
    python bench/attribution_speed.py --quick    # sizes 10, 100

Machine-readable last line:
    ms_per_sentence_10=X ms_per_sentence_100=Y [ms_per_sentence_1000=Z] growth=R outside_share=S
Timings on shared machines are noisy: compare figures within one run, not absolute times.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

SHARED = REPO.parent / "shared"


def _annotated() -> list[dict[str, Any]]:
    folder = SHARED / "devset"
    if not folder.is_dir():
        folder = REPO / "tests" / "fixtures" / "eval"
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


def _article(sentences: list[str], size: int) -> str:
    """A headline and `size` body sentences, one paragraph per three sentences."""
    body = [sentences[i % len(sentences)] for i in range(size)]
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return "Clashes and claims: a long article\n\n" + "\n\n".join(paragraphs) + "\n"


def english_per_sentence(sizes: list[int], repeats: int) -> dict[int, float]:
    from summarize import RunOptions, run_document

    sentences = [str(claim["en"]) for article in _annotated() for claim in article["claims"]]
    figures: dict[int, float] = {}
    run_document(_article(sentences, 10), None, RunOptions("en"))  # load data files once
    for size in sizes:
        text = _article(sentences, size)
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            document = run_document(text, None, RunOptions("en"))
            best = min(best, time.perf_counter() - started)
        if document.analysis is None or not document.analysis.claims:
            raise SystemExit(f"no claims on the {size}-sentence article: the bench is broken")
        figures[size] = 1000 * best / len(document.sentences)
        print(
            f"en, {size:>5} sentences: {figures[size]:.2f} ms per sentence "
            f"({len(document.sentences)} sentences)",
            file=sys.stderr,
        )
    return figures


def outside_translation_share() -> float:
    """Share of an Arabic `run` with the tiny model spent outside the translator's calls."""
    from tinymodels import TINY_MODELS_YAML, build_tiny_marian

    from summarize import EngineOptions, RunOptions, Translator, run_document
    from summarize.config import load_models_config

    logging.getLogger("summarize").setLevel(logging.ERROR)  # re-decode warnings, not figures
    with tempfile.TemporaryDirectory() as tmp:
        model = build_tiny_marian(Path(tmp) / "tiny")
        models = Path(tmp) / "models.yaml"
        models.write_text(TINY_MODELS_YAML.format(tiny=model, loop=model, llm=model), "utf-8")
        translator = Translator(
            load_models_config(models).translators["tiny"],
            EngineOptions(device="cpu", backend="torch"),
        )
        spent = [0.0]
        translate = translator.translate

        def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return translate(*args, **kwargs)  # type: ignore[arg-type]
            finally:
                spent[0] += time.perf_counter() - started

        translator.translate = timed  # type: ignore[method-assign,assignment]
        articles = [str(a["ar"]) for a in _annotated()]
        run_document(articles[0], translator, RunOptions("ar"))  # warm up
        spent[0] = 0.0
        started = time.perf_counter()
        for text in articles:
            run_document(text, translator, RunOptions("ar"))
        total = time.perf_counter() - started
    share = 1 - spent[0] / total
    print(
        f"ar with the tiny model, {len(articles)} articles: {total:.1f} s in all, "
        f"{spent[0]:.1f} s translating, {100 * share:.0f}% outside translation",
        file=sys.stderr,
    )
    return share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 100 only")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size (best is kept)")
    args = parser.parse_args()
    sizes = [10, 100] if args.quick else [10, 100, 1000]
    figures = english_per_sentence(sizes, args.repeats)
    share = outside_translation_share()
    growth = figures[sizes[-1]] / figures[sizes[0]]
    fields = " ".join(f"ms_per_sentence_{size}={figures[size]:.2f}" for size in sizes)
    print(f"{fields} growth={growth:.2f} outside_share={share:.2f}")


if __name__ == "__main__":
    main()
