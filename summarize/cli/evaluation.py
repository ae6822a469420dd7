"""`summarize eval`: attribution and summary scored on annotated articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import app
from .common import engine_options, make_summarizer, make_translator
from .flags import EvalFlags, ModelFlags, SummaryFlags, UiFlags, with_flags
from .ui import make_ui, progress_bar

if TYPE_CHECKING:
    from ..evaluation.scores import ArticleScore, Totals


def _print_text(scores: list[ArticleScore], per_mode: dict[str, Totals], misses: bool) -> None:
    from ..evaluation.scores import misses_by_construction

    print(f"{'article':34} mode  attribution  key-claims  leaks  loaded  inv  invented  outlet")
    for s in scores:
        print(
            f"{s.article[:34]:34} {s.mode:4}  {s.attributed_right:>4}/{s.sentences:<6}"
            f"  {s.key_claims_found:>4}/{s.key_claims:<5}  {s.boilerplate_leaks:>5}"
            f"  {s.loaded_outside_quotes:>6}  {s.inversions:>3}  {s.invented:>8}"
            f"  {'right' if s.outlet_right else 'wrong':>6}"
        )
        if misses:
            for miss in s.misses:
                print(f"    - {miss}")
    for m, t in per_mode.items():
        verdict = "targets met" if t.meets_targets() else "targets NOT met"
        print(
            f"total {m}: attribution {t.attribution:.3f}, key-claim recall "
            f"{t.key_claim_recall:.3f}, boilerplate leaks {t.boilerplate_leaks}, "
            f"loaded words outside quotes {t.loaded_outside_quotes}, inversions "
            f"{t.inversions}, invented speakers {t.invented}, outlet right "
            f"{t.outlet_accuracy:.3f} ({verdict})"
        )
        if misses:
            counts = misses_by_construction([s for s in scores if s.mode == m])
            listed = ", ".join(f"{name} {n}" for name, n in counts.most_common())
            print(f"  attribution misses by construction ({m}): {listed or 'none'}")


def _print_json(scores: list[ArticleScore], per_mode: dict[str, Totals]) -> None:
    import json
    from dataclasses import asdict

    report = {
        "articles": [asdict(s) for s in scores],
        "totals": {
            m: {**asdict(t), "meets_targets": t.meets_targets()} for m, t in per_mode.items()
        },
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


@app.command("eval")
@with_flags
def eval_command(
    folder: Annotated[Path, typer.Argument(help="Folder of annotated articles (*.json).")],
    *,
    scoring: EvalFlags,
    model: ModelFlags,
    summary: SummaryFlags,
    ui: UiFlags,
) -> None:
    """Score attribution and summary on annotated articles (e.g. ../shared/devset)."""
    from ..evaluation.run import MODES, evaluate
    from ..evaluation.scores import totals

    shown = make_ui(ui)
    if summary.outlet:
        from ..errors import InputError

        raise InputError(
            "--outlet goes with run and batch: eval scores the outlet each article names"
        )
    modes = MODES if scoring.mode == "both" else (scoring.mode,)
    engine = engine_options(model)
    translator = make_translator(model, engine, "ar") if "ar" in modes else None
    summarizer = make_summarizer(summary, engine)
    with progress_bar(shown, "Evaluating") as bar:

        def on_article(name: str, which: str) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], description=f"{name} ({which})")

        scores = evaluate(folder, modes, translator, on_article, summarizer)
    per_mode = {m: totals([s for s in scores if s.mode == m]) for m in modes}
    if scoring.fmt == "json":
        _print_json(scores, per_mode)
    else:
        _print_text(scores, per_mode, scoring.misses)
    if scoring.check and not all(t.meets_targets() for t in per_mode.values()):
        raise typer.Exit(code=1)
