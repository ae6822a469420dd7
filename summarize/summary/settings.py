"""The summary's vocabulary and limits (data/summary.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..lang.arabic import fold
from ..lang.data import bundled, check_choice
from ..model import CLAIM_KINDS, ClaimKind


@dataclass(frozen=True)
class SummaryRules:
    """From data/summary.yaml."""

    min_items: int  # fewest items (when there are enough claims)
    max_items: int  # most items
    sentences_per_item: int  # about one item per this many body sentences
    background_share: float  # the article's closing claims (background), as a share of all
    background_weight: float  # what ranking takes off a closing claim's score
    target_words: int  # compression aims at this many words per item
    max_words: int  # and never leaves more
    max_share: float  # the summary's words: at most this share of the body's
    squeeze_floor: int  # fewest words an item is squeezed to, to fit that budget
    pair_words: int  # two claims of a party share an item when it stays this short
    duplicate_overlap: float  # content-word overlap at which two items say the same thing
    kind_weights: dict[ClaimKind, float]  # how much each kind of claim weighs in ranking
    first_claim_weight: float  # what a party's first claim adds (its main point comes first)
    side_taking_in_items: frozenset[str]  # reporting verbs an item replaces with "said"
    that_optional: frozenset[str]  # verbs an item writes without "that" ("said the ...")
    plain_wording: tuple[tuple[re.Pattern[str], str], ...]  # idioms with a side-taking word
    drop_phrases: tuple[re.Pattern[str], ...]  # adverbials compression drops anywhere
    short_forms: tuple[tuple[re.Pattern[str], str], ...]  # "the town of X" -> "X", when over
    place_refinements: tuple[re.Pattern[str], ...]  # a second place locating the first (`drop`)
    place_time_nouns: frozenset[str]  # a trailing phrase holding one is a place or time
    secondary_openers: tuple[str, ...]  # ", adding ...": clauses compression drops first
    not_participles: frozenset[str]  # -ing words that open no participle clause ("during")
    function_words: frozenset[str]  # not content words
    denied_accusations: frozenset[str]  # "denied these accusations": answers an accusation
    denied_accounts: frozenset[str]  # "denied these claims": answers what was said
    outlet_openers: tuple[str, ...]  # "However, ..." dropped in the outlet's voice
    lower_after_according: frozenset[str]  # lower-cased after "According to X, "
    side_taking_verbs: tuple[str, ...]  # never outside quotation marks (LLM verifier)
    verifier_function_words: frozenset[str]  # left out of the grounding check
    min_grounding: float  # share of an item's words that must come from its claims
    neutral_verbs: dict[ClaimKind, str]  # kind -> the verb an item uses when it has none


def _words(raw: dict[str, object], key: str) -> frozenset[str]:
    values = raw[key]
    if not isinstance(values, list):
        raise ConfigError(f"summary.yaml: '{key}' must be a list")
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def load_summary_rules() -> SummaryRules:
    """data/summary.yaml (read once per process)."""
    raw = bundled("summary.yaml")
    try:
        weights = {
            check_choice(k, CLAIM_KINDS, "claim kind", "summary.yaml: kind_weights"): float(v)
            for k, v in raw["kind_weights"].items()
        }
        return SummaryRules(
            min_items=int(raw["min_items"]),
            max_items=int(raw["max_items"]),
            sentences_per_item=int(raw["sentences_per_item"]),
            background_share=float(raw["background_share"]),
            background_weight=float(raw["background_weight"]),
            target_words=int(raw["target_words"]),
            max_words=int(raw["max_words"]),
            max_share=float(raw["max_share"]),
            squeeze_floor=int(raw["squeeze_floor"]),
            pair_words=int(raw["pair_words"]),
            duplicate_overlap=float(raw["duplicate_overlap"]),
            kind_weights=weights,
            first_claim_weight=float(raw["first_claim_weight"]),
            side_taking_in_items=_words(raw, "side_taking_in_items"),
            that_optional=_words(raw, "that_optional"),
            plain_wording=tuple(
                (re.compile(rf"\b{re.escape(str(k))}\b", re.IGNORECASE), str(v))
                for k, v in raw["plain_wording"].items()
            ),
            drop_phrases=tuple(re.compile(str(p), re.IGNORECASE) for p in raw["drop_phrases"]),
            short_forms=tuple((re.compile(str(k)), str(v)) for k, v in raw["short_forms"].items()),
            place_refinements=tuple(re.compile(str(p)) for p in raw["place_refinements"]),
            place_time_nouns=_words(raw, "place_time_nouns"),
            secondary_openers=tuple(
                sorted((str(w).lower() for w in raw["secondary_openers"]), key=len, reverse=True)
            ),
            not_participles=_words(raw, "not_participles"),
            function_words=_words(raw, "function_words"),
            denied_accusations=frozenset(fold(w) for w in _words(raw, "denied_accusations")),
            denied_accounts=frozenset(fold(w) for w in _words(raw, "denied_accounts")),
            outlet_openers=tuple(str(v).lower() for v in raw["outlet_openers"]),
            lower_after_according=_words(raw, "lower_after_according"),
            side_taking_verbs=tuple(str(v).lower() for v in raw["side_taking_verbs"]),
            verifier_function_words=_words(raw, "verifier_function_words"),
            min_grounding=float(raw["min_grounding"]),
            neutral_verbs={
                check_choice(k, CLAIM_KINDS, "claim kind", "summary.yaml: neutral_verbs"): str(v)
                for k, v in raw["neutral_verbs"].items()
            },
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise ConfigError(f"summary.yaml: invalid or missing key: {exc}") from None
