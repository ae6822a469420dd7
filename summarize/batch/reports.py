"""A batch's overviews: index.html (one row per article, linking to its output) and claims.csv
(every article's claims, with the file), beside the outputs.

Each article that is written leaves a digest in OUT/.digests/ (atomically, like its output), so
a resumed run rebuilds both overviews from every article done so far, not only from this run's.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Document
from ..writers.csv import COLUMNS, rows, table
from ..writers.files import write_atomic

DIGESTS = ".digests"
INDEX = "index.html"
CLAIMS = "claims.csv"
OVERVIEWS = (INDEX, CLAIMS)  # names an article's output never takes (batch/plan.py)


def title(urls: tuple[str, ...], in_dir: Path) -> str:
    """The index's title: the input folder's name, or the number of web pages."""
    return f"summarize: {len(urls)} web pages" if urls else f"summarize: {in_dir.resolve().name}"


def digest(document: Document) -> dict[str, Any]:
    """What the overviews need of one article."""
    analysis = document.analysis
    headline = next((s for s in document.sentences if s.kind == "headline"), None)
    claims = Counter(c.party for c in analysis.claims) if analysis else Counter()
    return {
        "headline": (headline.translation or headline.source) if headline else "",
        "outlet": analysis.outlet if analysis else None,
        "parties": list(claims),
        "claims": dict(claims),
        "rows": rows(document),
    }


def digest_path(out_dir: Path, output: Path) -> Path:
    """Where an output's digest is kept."""
    relative = output.resolve().relative_to(out_dir.resolve())
    return out_dir / DIGESTS / relative.with_name(relative.name + ".json")


def save_digest(out_dir: Path, output: Path, found: dict[str, Any]) -> None:
    """Keep one article's digest (atomically)."""
    write_atomic(digest_path(out_dir, output), json.dumps(found, ensure_ascii=False))


def _load(out_dir: Path, output: Path) -> dict[str, Any] | None:
    try:
        loaded: dict[str, Any] = json.loads(digest_path(out_dir, output).read_text("utf-8"))
    except (OSError, ValueError):
        return None  # written before digests existed, or failed: listed without details
    return loaded


def write_overviews(
    out_dir: Path, results: Iterable[Any], title: str, with_claims: bool = True
) -> None:
    """index.html (titled `title`) and, when the run summarized, claims.csv in `out_dir`, from
    the run's results (FileResult) in input order."""
    from ..writers.html import render_index

    entries, claim_rows = [], []
    for result in results:
        output = Path(result.output)
        found = _load(out_dir, output) if result.status != "failed" else None
        link = os.path.relpath(output, out_dir) if output.exists() else None
        entries.append(
            {
                "input": result.input,
                "status": result.status,
                "error": result.error,
                "link": link,
                "warnings": len(result.warnings),
                **(found or {"headline": "", "outlet": None, "parties": [], "claims": {}}),
            }
        )
        if found:
            claim_rows += [[result.input, *row] for row in found["rows"]]
    for entry in entries:
        entry.pop("rows", None)
    write_atomic(out_dir / INDEX, render_index(entries, title))
    if with_claims:
        write_atomic(out_dir / CLAIMS, table(("file", *COLUMNS), claim_rows))
