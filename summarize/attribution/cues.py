"""Reporting cues and the vocabulary of speaker spans (data/reporting.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..lang.arabic import fold, tokenize
from ..lang.data import bundled, check_choice
from ..model import CLAIM_KINDS, ClaimKind, Gender

GENDERS: tuple[Gender, ...] = ("m", "f", "p")
PRONOUN_SORTS = ("m", "f", "o", "p")  # he, she, it (an organisation), they


@dataclass(frozen=True)
class Cues:
    """Everything the readers match, from data/reporting.yaml."""

    ar_verbs: dict[str, tuple[ClaimKind, Gender]]  # folded verb form -> (kind, gender)
    ar_object_taking: frozenset[ClaimKind]  # kinds whose verbs take an object (طالب X بـ)
    ar_according: tuple[tuple[str, ...], ...]  # "according to" phrases, folded tokens
    ar_continuation: tuple[tuple[str, ...], ...]  # "the statement said" phrases
    ar_stops: frozenset[str]  # words that end a speaker span
    ar_fillers: tuple[tuple[str, ...], ...]  # words dropped from speaker spans
    ar_speaker_heads: frozenset[str]  # nouns that start a speaker span (titles, sources)
    ar_object_heads: frozenset[str]  # words that start a non-speaker noun phrase
    ar_function: frozenset[str]  # function words left out of name comparison
    ar_conjunctions: frozenset[str]  # كما، ثم before a continuing verb
    ar_name_words_with_b: frozenset[str]  # باسم، بن: not a complement
    ar_documents: frozenset[str]  # بيان، تقرير: a document whose issuer speaks
    ar_issuer_verbs: tuple[str, ...]  # أصدرته، نشرته: the issuer follows
    ar_source_words: frozenset[str]  # مصادر، مصدر
    ar_according_stops: frozenset[str]  # فإن: the end of an according-to party
    en_verbs: dict[str, ClaimKind]  # English cue (may be several words) -> kind
    en_verb_pattern: re.Pattern[str]  # every English cue, longest first
    en_according: tuple[str, ...]  # "according to" phrases
    en_continuation: tuple[str, ...]  # "the statement read" phrases
    en_pronouns: dict[str, str]  # pronoun -> m, f, o (organisation) or p
    en_prefixes: tuple[str, ...]  # introductory phrases, longest first
    en_weak_cues: frozenset[str]  # "continued": a cue only for someone already speaking
    en_stop: frozenset[str]  # words left out of English name comparison
    en_clause: re.Pattern[str]  # a word that makes a speaker span a clause (that, who, ...)
    en_issued_by: re.Pattern[str]  # "a statement issued by " before the issuer
    en_person: re.Pattern[str]  # a title that makes the speaker a person
    en_filler: re.Pattern[str]  # segments before a cue that are not the speaker
    neutral_verbs: dict[ClaimKind, str]  # kind -> neutral reporting verb for summaries


def _folded(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in raw[key])


def _arabic_verbs(raw: dict[str, Any]) -> dict[str, tuple[ClaimKind, Gender]]:
    verbs: dict[str, tuple[ClaimKind, Gender]] = {}
    for name, forms in raw["arabic_verbs"].items():
        kind = check_choice(name, CLAIM_KINDS, "claim kind", "reporting.yaml: arabic_verbs")
        for gender in GENDERS:
            for form in forms.get(gender, []):
                verbs.setdefault(fold(str(form)), (kind, gender))
    return verbs


def _english_verbs(raw: dict[str, Any]) -> dict[str, ClaimKind]:
    verbs: dict[str, ClaimKind] = {}
    for kind, forms in raw["english_verbs"].items():
        checked = check_choice(kind, CLAIM_KINDS, "claim kind", "reporting.yaml: english_verbs")
        for verb in forms:
            verbs[str(verb).lower()] = checked
    return verbs


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _neutral_verbs(raw: dict[str, Any]) -> dict[ClaimKind, str]:
    return {
        check_choice(k, CLAIM_KINDS, "claim kind", "reporting.yaml: neutral_verbs"): str(v)
        for k, v in raw["neutral_verbs"].items()
    }


def _build(raw: dict[str, Any]) -> Cues:
    en_verbs = _english_verbs(raw)
    pronouns = {str(k): str(v) for k, v in raw["english_pronouns"].items()}
    for pronoun, sort in pronouns.items():
        check_choice(sort, PRONOUN_SORTS, "pronoun sort", f"reporting.yaml: {pronoun}")
    titles = [str(t) for t in raw["english_person_titles"]]
    return Cues(
        ar_verbs=_arabic_verbs(raw),
        ar_object_taking=frozenset(
            check_choice(k, CLAIM_KINDS, "claim kind", "reporting.yaml: arabic_object_taking")
            for k in raw["arabic_object_taking"]
        ),
        ar_according=tuple(_folded(p) for p in raw["arabic_according_to"]),
        ar_continuation=tuple(_folded(p) for p in raw["arabic_statement_continuation"]),
        ar_stops=_words(raw, "arabic_subject_stops"),
        ar_fillers=tuple(_folded(p) for p in raw["arabic_fillers"]),
        ar_speaker_heads=_words(raw, "arabic_speaker_heads"),
        ar_object_heads=_words(raw, "arabic_object_heads"),
        ar_function=_words(raw, "arabic_function_words"),
        ar_conjunctions=_words(raw, "arabic_conjunctions"),
        ar_name_words_with_b=_words(raw, "arabic_name_words_with_b"),
        ar_documents=_words(raw, "arabic_document_words"),
        ar_issuer_verbs=tuple(fold(str(w)) for w in raw["arabic_issuer_verbs"]),
        ar_source_words=_words(raw, "arabic_source_words"),
        ar_according_stops=_words(raw, "arabic_according_stops"),
        en_verbs=en_verbs,
        en_verb_pattern=re.compile(rf"\b({_alternation(list(en_verbs))})\b", re.IGNORECASE),
        en_according=tuple(str(p).lower() for p in raw["english_according_to"]),
        en_continuation=tuple(str(p).lower() for p in raw["english_statement_continuation"]),
        en_pronouns=pronouns,
        en_prefixes=tuple(
            sorted((str(p).lower() for p in raw["english_prefixes"]), key=len, reverse=True)
        ),
        en_weak_cues=frozenset(str(w).lower() for w in raw["english_weak_cues"]),
        en_stop=frozenset(str(w).lower() for w in raw["english_stop_words"]),
        en_clause=re.compile(
            rf"\b({_alternation([str(w) for w in raw['english_clause_words']])})\b", re.IGNORECASE
        ),
        en_issued_by=re.compile(
            r"^(?:an? |the )?(?:[\w-]+ ){0,2}?"
            rf"(?:{_alternation([str(w) for w in raw['english_document_words']])})s?"
            rf" (?:(?:{_alternation([str(w) for w in raw['english_issuing_verbs']])}) )?by ",
            re.IGNORECASE,
        ),
        en_person=re.compile(rf"\b({_alternation(titles)})\b", re.IGNORECASE),
        en_filler=re.compile(
            "^(?:" + "|".join(f"(?:{p})" for p in raw["english_filler_segments"]) + r")\b",
            re.IGNORECASE,
        ),
        neutral_verbs=_neutral_verbs(raw),
    )


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """data/reporting.yaml (read once per process)."""
    raw = bundled("reporting.yaml")
    try:
        return _build(raw)
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"reporting.yaml: invalid or missing key: {exc}") from None
