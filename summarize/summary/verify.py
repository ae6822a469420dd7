"""Checks on summary items a language model wrote: every item must be traceable and neutral.

An item passes only when the claims it cites exist and belong to one party, it names that party,
its quotations appear verbatim in the translation, its numbers appear in the cited sentences, it
uses no loaded word or side-taking verb outside quotation marks, it names no party the article
does not mention, and its words come from the claims it cites.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..lang.gazetteer import Gazetteer, load_gazetteer, match_english
from ..lang.loaded import article_lexicon, english_matches
from ..lang.quotes import outermost, outside_quotes, quote_spans
from ..model import Analysis, Claim, Document
from .settings import SummaryRules, load_summary_rules

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z][a-z'-]{2,}")


@dataclass(frozen=True)
class Proposal:
    """One summary item as the model proposed it."""

    text: str  # the sentence
    claim_ids: tuple[int, ...]  # claims it says it rests on


def parse_items(output: str) -> tuple[list[Proposal], list[str]]:
    """Items from the model's answer: one JSON object per line, {"text": ..., "claims": [...]}.

    Returns the items and one message per line that is not a well-formed item.
    """
    proposals, problems = [], []
    for line in output.splitlines():
        line = line.strip().strip(",")
        if not line or line in {"[", "]", "```", "```json", "```jsonl"}:
            continue
        try:
            data = json.loads(line)
            text = data["text"]
            ids = data["claims"]
            if not isinstance(text, str) or not text.strip():
                raise ValueError("empty text")
            if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
                raise ValueError("claims must be a list of claim ids")
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"malformed line ({exc}): {line[:80]}")
            continue
        proposals.append(Proposal(" ".join(text.split()), tuple(ids)))
    return proposals, problems


def _content(text: str, rules: SummaryRules) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in rules.verifier_function_words]


def _named(party: str, text: str) -> bool:
    bare = re.sub(r"^the\s+", "", party.strip(), flags=re.I).lower()
    return bare in text.lower()


def verify(item: Proposal, document: Document, gazetteer: Gazetteer | None = None) -> list[str]:
    """The rules `item` breaks (empty when it passes)."""
    gazetteer = gazetteer or load_gazetteer()
    rules = load_summary_rules()
    analysis = document.analysis
    assert analysis is not None, "verify() needs a document with claims"
    claims = {c.id: c for c in analysis.claims}
    problems: list[str] = []
    missing = [i for i in item.claim_ids if i not in claims]
    if not item.claim_ids:
        problems.append("cites no claim")
    if missing:
        problems.append(f"cites claims that do not exist: {missing}")
    cited = [claims[i] for i in item.claim_ids if i in claims]
    parties = sorted({c.party for c in cited})
    if len(parties) > 1:
        problems.append(f"mixes the claims of several parties: {', '.join(parties)}")
    elif parties and not _named(parties[0], item.text):
        problems.append(f"does not name the party of its claims, {parties[0]}")
    length = len(item.text.split())
    if length > rules.max_words:
        problems.append(f"has {length} words, more than {rules.max_words}")
    if any(c.kind == "commentary" for c in cited):
        problems.append("states the outlet's commentary (its opinion) as a summary item")
    problems += _quotes_and_numbers(item, document, cited)
    problems += _wording(item, analysis, document, gazetteer, rules)
    if cited:
        problems += _grounding(item, cited, rules)
    return problems


def _quotes_and_numbers(item: Proposal, document: Document, cited: list[Claim]) -> list[str]:
    problems = []
    translation = " ".join(s.translation for s in document.sentences)
    for start, end in outermost(quote_spans(item.text)):
        quote = item.text[start + 1 : end - 1].strip()
        if quote and quote not in translation:
            problems.append(f"quotes words the article does not contain: “{quote[:60]}”")
    cited_text = " ".join(c.text for c in cited)
    for number in _NUMBER.findall(item.text):
        if number not in cited_text:
            problems.append(f"gives a number its claims do not: {number}")
    return problems


def _wording(
    item: Proposal,
    analysis: Analysis,
    document: Document,
    gazetteer: Gazetteer,
    rules: SummaryRules,
) -> list[str]:
    problems = []
    outside = outside_quotes(item.text)
    body = [s.translation for s in document.sentences if s.kind != "boilerplate"]
    for start, end, _ in english_matches(outside, article_lexicon(body)):
        problems.append(f"uses the loaded word '{outside[start:end]}' outside quotation marks")
    side_taking = re.compile(rf"\b({'|'.join(rules.side_taking_verbs)})\b", re.IGNORECASE)
    for match in side_taking.finditer(outside):
        problems.append(f"uses the side-taking verb '{match.group()}'")
    article = " ".join(
        [s.translation for s in document.sentences] + [c.party for c in analysis.claims]
    ).lower()
    for _, entry in match_english(outside, gazetteer):
        aliases = [entry.name.lower(), *entry.en]
        if not any(alias in article for alias in aliases):
            problems.append(f"names {entry.name}, who is not in the article")
    return problems


def _grounding(item: Proposal, cited: list[Claim], rules: SummaryRules) -> list[str]:
    source = set(_content(" ".join(c.text + " " + c.party for c in cited), rules))
    words = _content(outside_quotes(item.text), rules)
    if not words:
        return []
    share = sum(w in source for w in words) / len(words)
    if share < rules.min_grounding:
        return [f"only {share:.0%} of its words come from the claims it cites"]
    return []
