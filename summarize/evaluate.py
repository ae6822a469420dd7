"""The evaluator: runs the pipeline on annotated articles and scores attribution and summary.

An annotated article is a JSON file with `ar`, `en` (line-aligned texts), `parties` (id, name,
aliases_en, aliases_ar), `claims` (party id or "outlet", `ar`, `en`, `key`), `loaded_terms` and
`boilerplate_ar` (see ../shared/devset). Modes: "en" runs `--source-lang en` on the English text;
"ar" translates the Arabic text, and only sentence ids and Arabic spans count there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .lang.arabic import fold
from .lang.loaded import english_matches
from .lang.normalize import normalize_line
from .lang.quotes import inside, quote_spans
from .model import Claim, Document, RunOptions
from .pipeline import Stage, run_document

if TYPE_CHECKING:
    from .translation.translator import Translator

MODES = ("en", "ar")
TARGETS = {"attribution": 0.95, "key_claim_recall": 0.90}  # and zero leaks, zero loaded words


@dataclass(frozen=True)
class ArticleScore:
    """How one article fared in one mode."""

    article: str  # the annotated article's id
    mode: str  # "en" or "ar"
    sentences: int  # annotated body sentences
    attributed_right: int  # of those, sentences whose claims all name the gold party
    key_claims: int  # annotated key claims
    key_claims_found: int  # key claims a summary item cites, naming the right party
    boilerplate_leaks: int  # boilerplate lines translated, claimed or summarised
    loaded_outside_quotes: int  # loaded words outside quotation marks in the summary
    misses: tuple[str, ...]  # one line per miss, for whoever improves the rules


@dataclass(frozen=True)
class Totals:
    """Micro-averaged figures over articles."""

    attribution: float  # share of gold sentences attributed right
    key_claim_recall: float  # share of key claims found in the summary
    boilerplate_leaks: int
    loaded_outside_quotes: int

    def meets_targets(self) -> bool:
        """The issue's targets: attribution >= 0.95, recall >= 0.90, no leaks, no loaded words."""
        return (
            self.attribution >= TARGETS["attribution"]
            and self.key_claim_recall >= TARGETS["key_claim_recall"]
            and self.boilerplate_leaks == 0
            and self.loaded_outside_quotes == 0
        )


def totals(scores: list[ArticleScore]) -> Totals:
    """Micro averages over `scores`."""
    sentences = sum(s.sentences for s in scores) or 1
    keys = sum(s.key_claims for s in scores) or 1
    return Totals(
        attribution=sum(s.attributed_right for s in scores) / sentences,
        key_claim_recall=sum(s.key_claims_found for s in scores) / keys,
        boilerplate_leaks=sum(s.boilerplate_leaks for s in scores),
        loaded_outside_quotes=sum(s.loaded_outside_quotes for s in scores),
    )


def _key(text: str) -> str:
    return normalize_line(text)


def _en(text: str) -> str:
    return " " + re.sub(r"[^\w.' -]", " ", text.lower().replace("’", "'")) + " "


def gold_party(claim: Claim, parties: list[dict[str, Any]], mode: str) -> str | None:
    """The gold party id a predicted claim names: "outlet", a party id, or None."""
    if claim.voice == "outlet":
        return "outlet"
    best: tuple[int, str] | None = None
    if mode == "en":
        candidates = [_en(c) for c in (claim.party, claim.party_source or "")]
        for party in parties:
            for alias in [*party["aliases_en"], party["name"]]:
                needle = _en(alias).strip()
                if any(f" {needle} " in c for c in candidates) and (
                    best is None or len(needle) > best[0]
                ):
                    best = (len(needle), party["id"])
    else:
        source = f" {fold(claim.party_source or '')} "
        for party in parties:
            for alias in party["aliases_ar"]:
                needle = fold(alias)
                if f" {needle} " in source and (best is None or len(needle) > best[0]):
                    best = (len(needle), party["id"])
    return best[1] if best else None


def score(gold: dict[str, Any], document: Document, mode: str) -> ArticleScore:
    """Score one processed article against its annotation."""
    analysis = document.analysis
    assert analysis is not None, "score() needs a document from run_document"
    by_text = {_key(s.source): s for s in document.sentences}
    claims_of: dict[int, list[Claim]] = {}
    for claim in analysis.claims:
        for sid in claim.sentence_ids:
            claims_of.setdefault(sid, []).append(claim)
    misses: list[str] = []
    right = found = 0
    for entry in gold["claims"]:
        sentence = by_text.get(_key(entry[mode]))
        claims = claims_of.get(sentence.id, []) if sentence else []
        named = [gold_party(c, gold["parties"], mode) for c in claims]
        ok = bool(claims) and all(n == entry["party"] for n in named)
        right += ok
        if not ok:
            misses.append(
                f"attribution: gold {entry['party']}, got {named or 'no claim'}: {entry[mode][:70]}"
            )
        if entry.get("key"):
            cited = sentence is not None and any(
                sentence.id in item.sentence_ids and any(c.party == item.party for c in claims)
                for item in analysis.summary
            )
            found += cited and ok
            if not (cited and ok):
                misses.append(f"key claim not in the summary: {entry[mode][:70]}")
    return ArticleScore(
        article=str(gold.get("id", "?")),
        mode=mode,
        sentences=len(gold["claims"]),
        attributed_right=right,
        key_claims=sum(1 for c in gold["claims"] if c.get("key")),
        key_claims_found=found,
        boilerplate_leaks=_leaks(gold, document, mode, misses),
        loaded_outside_quotes=_loaded_outside(gold, document, misses),
        misses=tuple(misses),
    )


def _leaks(gold: dict[str, Any], document: Document, mode: str, misses: list[str]) -> int:
    lines = gold.get("boilerplate_ar", [])
    if mode == "en":  # the English text is line-aligned with the Arabic
        arabic, english = gold["ar"].split("\n"), gold["en"].split("\n")
        lines = [english[arabic.index(b)] for b in lines if b in arabic]
    analysis = document.analysis
    assert analysis is not None
    cited = {s for c in analysis.claims for s in c.sentence_ids}
    cited |= {s for i in analysis.summary for s in i.sentence_ids}
    leaks = 0
    for line in lines:
        matches = [s for s in document.sentences if _key(line) in _key(s.source)]
        leaked = not matches or any(
            s.kind != "boilerplate" or s.translation or s.id in cited for s in matches
        )
        if leaked:
            leaks += 1
            misses.append(f"boilerplate leak: {line[:70]}")
    return leaks


def _loaded_outside(gold: dict[str, Any], document: Document, misses: list[str]) -> int:
    analysis = document.analysis
    assert analysis is not None
    count = 0
    gold_terms = [t["en"].lower() for t in gold.get("loaded_terms", [])]
    for item in analysis.summary:
        spans = quote_spans(item.text)
        outside = [item.text[s:e] for s, e, _ in english_matches(item.text) if not inside(s, spans)]
        low = item.text.lower()
        for term in gold_terms:
            at = low.find(term)
            while at >= 0:
                if not inside(at, spans):
                    outside.append(term)
                at = low.find(term, at + 1)
        count += len(outside)
        misses.extend(f"loaded word outside quotes: {w!r} in {item.text[:60]}" for w in outside)
    return count


def load_annotations(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The annotated articles of a folder, sorted by name."""
    files = sorted(folder.glob("*.json"))
    if not folder.is_dir() or not files:
        raise InputError(f"{folder}: no annotated articles (*.json) found")
    for path in files:
        try:
            yield path, json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a readable annotation: {exc}") from exc


def evaluate(
    folder: Path,
    modes: tuple[str, ...],
    translator: Translator | None,
    on_article: Callable[[str, str], None] | None = None,
    summarizer: Stage | None = None,
) -> list[ArticleScore]:
    """Run and score every annotated article of `folder` in each mode."""
    scores = []
    for path, gold in load_annotations(folder):
        for mode in modes:
            if on_article:
                on_article(path.name, mode)
            options = RunOptions(source_lang="en" if mode == "en" else "ar")
            document = run_document(
                gold[mode],
                translator if mode == "ar" else None,
                options,
                name=path.name,
                summarizer=summarizer,
            )
            scores.append(score(gold, document, mode))
    return scores
