"""The rules summary: claims ranked by what makes them news, every party heard, in order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..attribution.lexicon_en import EnglishLexicon, load_english
from ..lang.arabic import tokenize
from ..model import Claim, SummaryItem
from .settings import SummaryRules, load_summary_rules
from .wording import item_text


def content_words(text: str, rules: SummaryRules) -> set[str]:
    """Content words of English or Arabic text (Arabic folded, without the article)."""
    words = set()
    for token in tokenize(text):
        word = token.norm
        if len(word) < 3 or not word.isalpha() or word in rules.function_words:
            continue
        words.add(word[2:] if word.startswith("ال") and len(word) > 4 else word)
    return words


def _scores(
    claims: Sequence[Claim], headline: str, sources: Sequence[str] | None, rules: SummaryRules
) -> list[float]:
    heading_words = content_words(headline, rules)
    words = [content_words(text, rules) for text in (sources or [c.text for c in claims])]
    scores = []
    for rank, claim in enumerate(claims):
        lead = 3.0 / (1 + rank)
        kind = rules.kind_weights.get(claim.kind, 1.0)
        repeated = sum(len(words[rank] & other) for k, other in enumerate(words) if k != rank)
        echo = len(words[rank] & heading_words)
        numbers = 0.5 if re.search(r"\d", claim.text) else 0.0
        quotes = 0.3 if claim.quotes else 0.0
        scores.append(lead + kind + 0.05 * repeated + 0.3 * echo + numbers + quotes)
    return scores


def _partner(index: int, claims: Sequence[Claim], placed: set[int]) -> int | None:
    """The claim of the same party and voice in the sentence next to `index`, if free."""
    for j in (index + 1, index - 1):
        if (
            0 <= j < len(claims)
            and j not in placed
            and claims[j].party == claims[index].party
            and claims[j].voice == claims[index].voice
        ):
            return j
    return None


def _groups(claims: Sequence[Claim], scores: list[float], rules: SummaryRules) -> list[list[int]]:
    """Which claims make each item, best first: every party's best claim first."""
    order = sorted(range(len(claims)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for index in order:  # the best claim of each party first: every side is heard
        if claims[index].party not in {claims[c].party for c in chosen}:
            chosen.append(index)
    chosen += [i for i in order if i not in chosen]
    groups: list[list[int]] = []
    placed: set[int] = set()
    for index in chosen:
        if index in placed:
            continue
        group = [index]
        partner = _partner(index, claims, placed)
        if partner is not None and len(groups) + 1 >= rules.min_items:
            group = sorted([index, partner])
        placed.update(group)
        groups.append(group)
        if len(groups) == rules.max_items:
            break
    return groups


def summarize_claims(
    claims: Sequence[Claim],
    headline: str = "",
    sources: Sequence[str] | None = None,
    cues: EnglishLexicon | None = None,
    rules: SummaryRules | None = None,
) -> list[SummaryItem]:
    """4 to 8 items, most important first; every party's main claim is in.

    Importance: the lead, the kind of claim, words shared with other claims and with the
    headline and sub-headings, numbers, quotations. Word features read `sources` (each claim's
    source text) when given, so they do not depend on the translation.

    A party's claim from the sentence right after another of its claims may join that item
    ("... and accused ..."), so related statements read as one.
    """
    cues = cues or load_english()
    rules = rules or load_summary_rules()
    if not claims:
        return []
    items = []
    for group in _groups(claims, _scores(claims, headline, sources, rules), rules):
        members = [claims[i] for i in group]
        items.append(
            SummaryItem(
                text=item_text(members[0].party, members, cues, rules),
                party=members[0].party,
                claim_ids=tuple(c.id for c in members),
                sentence_ids=tuple(s for c in members for s in c.sentence_ids),
            )
        )
    return items
