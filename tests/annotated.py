"""Annotated articles run once per test session, in both modes, and the devset's ratchet.

The suite's own annotated article (tests/fixtures/eval/) must meet the targets; the devset
(../shared/devset) is scored against figures recorded in tests/fixtures/devset-baseline.json,
which may only improve: a change that lowers one fails, and a change that raises one records it
(`python tests/annotated.py --update`).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OWN = HERE / "fixtures" / "eval"
BASELINE = HERE / "fixtures" / "devset-baseline.json"
MODES = ("en", "ar")
HIGHER_IS_BETTER = ("attribution", "key_claim_recall", "outlet_accuracy")
LOWER_IS_BETTER = (
    "inversions",
    "invented",
    "boilerplate_leaks",
    "loaded_outside_quotes",
    "segmentation_misses",
    "unheard_parties",
)


@dataclass(frozen=True)
class AnnotatedRun:
    """One annotated article and what the pipeline made of it in each mode."""

    name: str  # the file's stem
    gold: dict[str, Any]  # the annotation
    documents: dict[str, Any]  # mode -> Document


def run_folder(folder: Path, translator: Any) -> list[AnnotatedRun]:
    """Every annotated article of `folder`, through the pipeline in both modes."""
    from summarize import RunOptions, run_document

    runs = []
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        documents = {
            mode: run_document(gold[mode], translator if mode == "ar" else None, RunOptions(mode))
            for mode in MODES
        }
        runs.append(AnnotatedRun(path.stem, gold, documents))
    return runs


def segmentation_misses(run: AnnotatedRun) -> list[str]:
    """Annotated body sentences that segmentation did not keep as one body unit."""
    bodies = {s.source for s in run.documents["ar"].sentences if s.kind == "body"}
    return [c["ar"] for c in run.gold["claims"] if c["ar"] not in bodies]


def unheard_parties(run: AnnotatedRun, mode: str) -> list[str]:
    """Parties with an annotated key claim whom the summary leaves out (a party the rules find
    in a sentence with no key claim does not count: finding more parties is no fault)."""
    from summarize.lang.normalize import normalize_line

    document = run.documents[mode]
    analysis = document.analysis
    by_id = {c.id: c.party for c in analysis.claims}  # an item naming two parties hears both
    heard = {i.party for i in analysis.summary} | {
        by_id[c] for i in analysis.summary for c in i.claim_ids if c in by_id
    }
    keys = {normalize_line(c[mode]) for c in run.gold["claims"] if c.get("key")}
    sentences = {s.id for s in document.sentences if normalize_line(s.source) in keys}
    parties = {
        c.party
        for c in analysis.claims
        if c.voice == "attributed" and set(c.sentence_ids) & sentences
    }
    return sorted(parties - heard)


def figures(runs: list[AnnotatedRun]) -> dict[str, dict[str, float]]:
    """Per mode: the evaluator's totals and the counts the ratchet follows."""
    from summarize.evaluation.scores import score, totals

    found: dict[str, dict[str, float]] = {}
    for mode in MODES:
        total = totals([score(r.gold, r.documents[mode], mode) for r in runs])
        found[mode] = {
            "attribution": round(total.attribution, 4),
            "key_claim_recall": round(total.key_claim_recall, 4),
            "outlet_accuracy": round(total.outlet_accuracy, 4),
            "inversions": total.inversions,
            "invented": total.invented,
            "boilerplate_leaks": total.boilerplate_leaks,
            "loaded_outside_quotes": total.loaded_outside_quotes,
            "segmentation_misses": sum(len(segmentation_misses(r)) for r in runs),
            "unheard_parties": sum(len(unheard_parties(r, mode)) for r in runs),
        }
    return found


def fallen(found: dict[str, dict[str, float]], recorded: dict[str, dict[str, float]]) -> list[str]:
    """The figures that are worse than recorded, one line each."""
    worse = []
    for mode, values in recorded.items():
        for key, before in values.items():
            now = found[mode][key]
            if (key in HIGHER_IS_BETTER and now < before - 1e-9) or (
                key in LOWER_IS_BETTER and now > before
            ):
                worse.append(f"{mode} {key}: {before} -> {now}")
    return worse


def main() -> int:
    parser = argparse.ArgumentParser(description="Record the devset's figures (the ratchet).")
    parser.add_argument("--update", action="store_true", help=f"write {BASELINE}")
    parser.add_argument(
        "--reset",
        action="store_true",
        help=(
            "record even figures that are worse: only when what a figure counts changed (the "
            "evaluator, or how parties are told apart), saying so in the commit"
        ),
    )
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args()
    import tempfile

    from snapshots import tiny_environment, tiny_translator

    with tempfile.TemporaryDirectory() as tmp, tiny_environment(Path(tmp)):
        found = figures(run_folder(args.shared / "devset", tiny_translator()))
    print(json.dumps(found, indent=1))
    recorded = json.loads(BASELINE.read_text("utf-8")) if BASELINE.is_file() else {}
    worse = fallen(found, recorded) if recorded and not args.reset else []
    if worse:
        print("worse than recorded:\n" + "\n".join(worse))
        return 1
    if args.update or args.reset:
        BASELINE.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"recorded in {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
