"""Scoring one processed article against its annotation.

An annotated article is a JSON file with `ar`, `en` (line-aligned texts), `parties` (id, name,
aliases_en, aliases_ar), `claims` (party id or "outlet", `ar`, `en`, `key`), `loaded_terms`,
`boilerplate_ar`, `outlet` and `outlet_ar` (see ../shared/devset). Modes: "en" runs
`--source-lang en` on the English text; "ar" translates the Arabic text, and only sentence ids
and Arabic spans count there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..lang.loaded import english_matches
from ..lang.normalize import normalize_line
from ..lang.quotes import inside, quote_spans
from ..model import Claim, Document
from .matching import gold_party, outlet_right

TARGETS = {"attribution": 0.95, "key_claim_recall": 0.90}  # and zero of every count below


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
    inversions: int  # claims named after another annotated party (the accused as accuser)
    invented: int  # claims given to a party that is not annotated where the outlet speaks
    outlet_right: bool  # the outlet named as annotated (or not named where the text never does)
    misses: tuple[str, ...]  # one line per miss, for whoever improves the rules
    miss_constructions: tuple[str, ...] = ()  # the construction behind each attribution miss


@dataclass(frozen=True)
class Totals:
    """Micro-averaged figures over articles."""

    attribution: float  # share of gold sentences attributed right
    key_claim_recall: float  # share of key claims found in the summary
    boilerplate_leaks: int
    loaded_outside_quotes: int
    inversions: int = 0
    invented: int = 0
    outlet_accuracy: float = 1.0  # share of articles whose outlet is right

    def meets_targets(self) -> bool:
        """Attribution >= 0.95, recall >= 0.90, every outlet right, and no leak, loaded word
        outside quotes, inversion or invented speaker."""
        return (
            self.attribution >= TARGETS["attribution"]
            and self.key_claim_recall >= TARGETS["key_claim_recall"]
            and self.boilerplate_leaks == 0
            and self.loaded_outside_quotes == 0
            and self.inversions == 0
            and self.invented == 0
            and self.outlet_accuracy == 1.0
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
        inversions=sum(s.inversions for s in scores),
        invented=sum(s.invented for s in scores),
        outlet_accuracy=sum(s.outlet_right for s in scores) / (len(scores) or 1),
    )


def misses_by_construction(scores: list[ArticleScore]) -> Counter[str]:
    """How many attribution misses each construction made ("outlet": no party found)."""
    return Counter(c for s in scores for c in s.miss_constructions)


def _key(text: str) -> str:
    return normalize_line(text)


def _claims_by_sentence(document: Document) -> dict[int, list[Claim]]:
    analysis = document.analysis
    assert analysis is not None, "score() needs a document from run_document"
    found: dict[int, list[Claim]] = {}
    for claim in analysis.claims:
        for sid in claim.sentence_ids:
            found.setdefault(sid, []).append(claim)
    return found


def score(gold: dict[str, Any], document: Document, mode: str) -> ArticleScore:
    """Score one processed article against its annotation."""
    analysis = document.analysis
    assert analysis is not None, "score() needs a document from run_document"
    by_text = {_key(s.source): s for s in document.sentences}
    claims_of = _claims_by_sentence(document)
    annotated = {str(p["id"]) for p in gold["parties"]}
    misses: list[str] = []
    constructions: list[str] = []
    right = found = inversions = invented = 0
    for entry in gold["claims"]:
        sentence = by_text.get(_key(entry[mode]))
        claims = claims_of.get(sentence.id, []) if sentence else []
        named = [gold_party(c, gold["parties"], mode) for c in claims]
        ok = bool(claims) and all(n == entry["party"] for n in named)
        right += ok
        if not ok:
            how = claims[0].construction if claims else "unsegmented"
            constructions.append(how)
            misses.append(
                f"attribution [{how}]: gold {entry['party']}, got {named or 'no claim'}: "
                f"{entry[mode][:70]}"
            )
        inversions += sum(1 for n in named if n in annotated and n != entry["party"])
        invented += sum(
            1
            for c, n in zip(claims, named, strict=True)
            if c.voice == "attributed" and n is None and entry["party"] == "outlet"
        )
        if entry.get("key"):
            cited = sentence is not None and any(  # an item citing the claim names its party
                sentence.id in item.sentence_ids
                and any(c.id in item.claim_ids or c.party == item.party for c in claims)
                for item in analysis.summary
            )
            found += cited and ok
            if not (cited and ok):
                misses.append(f"key claim not in the summary: {entry[mode][:70]}")
    outlet_ok = outlet_right(gold, analysis.outlet, analysis.outlet_source, mode)
    if not outlet_ok:
        misses.append(
            f"outlet: annotated {gold.get('outlet_ar') or 'none named'}, "
            f"found {analysis.outlet_source or analysis.outlet or 'none'}"
        )
    return ArticleScore(
        article=str(gold.get("id", "?")),
        mode=mode,
        sentences=len(gold["claims"]),
        attributed_right=right,
        key_claims=sum(1 for c in gold["claims"] if c.get("key")),
        key_claims_found=found,
        boilerplate_leaks=_leaks(gold, document, mode, misses),
        loaded_outside_quotes=_loaded_outside(gold, document, misses),
        inversions=inversions,
        invented=invented,
        outlet_right=outlet_ok,
        misses=tuple(misses),
        miss_constructions=tuple(constructions),
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
