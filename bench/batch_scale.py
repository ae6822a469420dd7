#!/usr/bin/env python3
"""Folder throughput, side by side in one run: the local engine, and the Ray engine with 1 and 2
workers, on a folder of N synthetic articles and a random-weight Marian model at the real
dimensions of opus-mt-ar-en (the fast model).

Each engine translates, attributes and summarizes the same folder into its own output folder,
through the same code `summarize batch` runs. Reported per engine: wall time (with Ray's start
and each actor's model load), articles/s over the wall time, and the rate between the first
and the last finished article (start-up excluded, but it reads high when results come back a
block at a time). The scaling ratio is articles/s of 2 Ray workers over 1, wall time included.

    python bench/batch_scale.py                 # 16 articles (about 9 minutes on 2 cores)
    python bench/batch_scale.py --articles 6    # quicker, noisier

The last line is machine-readable:
    ray2_over_ray1=X.XX ray2_over_local=Y.YY identical_outputs=True
Timings on shared machines are noisy: compare the ratios within one run, not absolute seconds.
Needs the ray extra: pip install '.[ray]'.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from translate_speed import MODELS, build_model  # noqa: E402  (the bench's model builder)

MAX_NEW_TOKENS = 48  # random weights never end a sentence: every piece decodes this many tokens


def write_articles(folder: Path, count: int) -> None:
    """`count` articles of a headline and 3 paragraphs of 2 sentences, 12 to 24 words each,
    reported speech included so that attribution and the summary have work too."""
    corpus = (REPO / "tests" / "fixtures" / "corpus.txt").read_text("utf-8").splitlines()
    words = [
        w for line in corpus for w in line.split() if any("\u0600" <= c <= "\u06ff" for c in w)
    ]
    cues = ["قال المتحدث إن", "أكدت الوزارة أن", "أفادت مصادر محلية بأن", "وأضاف أن"]
    rng = random.Random(11)

    def sentence() -> str:
        body = " ".join(rng.choice(words) for _ in range(rng.randint(12, 24)))
        return f"{rng.choice(cues)} {body}."

    folder.mkdir(parents=True)
    for number in range(count):
        headline = " ".join(rng.choice(words) for _ in range(6))
        paragraphs = [f"{sentence()} {sentence()}" for _ in range(3)]
        (folder / f"{number:04d}.txt").write_text("\n".join([headline, *paragraphs]) + "\n")


def timed(results: Iterator[Any]) -> dict[str, float]:
    """Consume a batch run; wall time, articles/s and the steady rate between first and last."""
    started = time.perf_counter()
    stamps = []
    for result in results:
        if result.status != "ok":
            raise SystemExit(f"{result.input}: {result.status} {result.error}")
        stamps.append(time.perf_counter())
    wall = stamps[-1] - started
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return {"wall": wall, "rate": len(stamps) / wall, "steady": steady}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=16)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    workdir = Path(tempfile.mkdtemp(prefix="batch-scale-"))
    os.environ["SUMMARIZE_CACHE"] = str(workdir / "cache")
    os.environ["HF_HUB_OFFLINE"] = "1"

    from summarize.batch.local import run_batch
    from summarize.batch.plan import BatchOptions
    from summarize.batch.ray import RayOptions, run_batch_ray
    from summarize.config import TranslatorSpec
    from summarize.translation.base import EngineOptions
    from summarize.translation.translator import Translator

    print(f"building a random opus-mt-ar-en-sized model and {args.articles} articles in {workdir}")
    model = build_model(workdir / "model", MODELS["opus-mt-ar-en"], eos_bias=-1e4)
    spec = TranslatorSpec(name="bench", id=str(model), max_new_tokens=MAX_NEW_TOKENS)
    folder = workdir / "articles"
    write_articles(folder, args.articles)
    engine = EngineOptions(device="cpu", backend="ct2")
    cores = os.cpu_count() or 1
    Translator(spec, engine).backend  # convert once, outside the timings  # noqa: B018

    runs: dict[str, Callable[[BatchOptions], Iterator[Any]]] = {
        f"local engine ({cores} cores, one process)": lambda o: run_batch(
            o, Translator(spec, engine)
        ),
        "ray, 1 worker x 1 CPU": lambda o: run_batch_ray(o, spec, engine, RayOptions(workers=1)),
        "ray, 2 workers x 1 CPU": lambda o: run_batch_ray(o, spec, engine, RayOptions(workers=2)),
    }
    figures = {}
    for number, (label, run) in enumerate(runs.items()):
        options = BatchOptions(folder, workdir / f"out{number}", fmt="json")
        figures[label] = timed(run(options))
        print(f"  {label}: done", file=sys.stderr)

    print(f"\n{args.articles} articles, {cores} cores\n")
    print("| engine | wall s | articles/s | steady articles/s |\n|---|---:|---:|---:|")
    for label, f in figures.items():
        print(f"| {label} | {f['wall']:.1f} | {f['rate']:.2f} | {f['steady']:.2f} |")
    outputs = [
        {p.name: p.read_bytes() for p in (workdir / f"out{n}").glob("*.json")}
        for n in range(len(runs))
    ]
    identical = all(o == outputs[0] for o in outputs)
    # Ratios of articles/s over the wall time, Ray's start-up included: the steady rate reads
    # high when results come back in blocks (several at once), so it is shown, not compared.
    local, ray1, ray2 = (f["rate"] for f in figures.values())
    print(
        f"\nray2_over_ray1={ray2 / ray1:.2f} ray2_over_local={ray2 / local:.2f} "
        f"identical_outputs={identical}"
    )


if __name__ == "__main__":
    main()
