"""The English reader's vocabulary (data/english.yaml): cues in all their forms, and the words
that shape speaker spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..lang.data import bundled, check_choice
from ..model import CLAIM_KINDS, ClaimKind

_VOWELS = set("aeiou")
_PARTICLES = {"out", "on", "for", "up", "off"}


@dataclass(frozen=True)
class EnglishCue:
    """One surface form of an English reporting verb."""

    lemma: str  # "say", "point out"
    kind: ClaimKind  # statement, assessment, ...
    tense: str  # base, present, past, gerund


def inflect(entry: str) -> tuple[str, list[tuple[str, str]]]:
    """The lemma of "lemma [past]" and its (form, tense) list: says, said, saying."""
    words = entry.split()
    irregular = words[-1] if len(words) > 1 and words[-1] not in _PARTICLES else None
    lemma_words = words[:-1] if irregular else words
    lemma = " ".join(lemma_words)
    head, rest = lemma_words[0], lemma_words[1:]
    tail = (" " + " ".join(rest)) if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if irregular:
        past = irregular
    elif head.endswith("e"):
        past = head + "d"
    elif head.endswith("y") and head[-2] not in _VOWELS:
        past = head[:-1] + "ied"
    else:
        past = head + "ed"
    if irregular and irregular.endswith("ed") and irregular[-3] == irregular[-4]:
        gerund = irregular[:-2] + "ing"  # admitted -> admitting
    elif head.endswith("ie"):
        gerund = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee"):
        gerund = head[:-1] + "ing"
    else:
        gerund = head + "ing"
    forms = [(head, "base"), (third, "present"), (past, "past"), (gerund, "gerund")]
    return lemma, [(f + tail, tense) for f, tense in forms]


@dataclass(frozen=True)
class EnglishLexicon:
    """Everything the English reader matches."""

    cues: dict[str, EnglishCue]  # lower-case form -> cue
    pattern: re.Pattern[str]  # every form, longest first
    conjunctions: frozenset[str]  # "But" before a subject
    infinitive_carriers: frozenset[str]  # "went on to say": to after them is not an infinitive
    time_words: frozenset[str]  # not a source
    correspondents: frozenset[str]  # the outlet's reporters
    relative_pronoun: re.Pattern[str]  # "in which he": the subject goes on
    rumour: re.Pattern[str]  # "Word spread among X that": impersonal sourcing
    needs: dict[str, tuple[str, ...]]  # lemma -> words one of which must follow
    relay_lemmas: frozenset[str]
    relay_markers: tuple[str, ...]
    according: tuple[str, ...]
    relaying: tuple[str, ...]
    documents: frozenset[str]
    same: frozenset[str]
    speaker_documents: frozenset[str]  # statement: with no issuer known, the latest speaker's
    issued_by: tuple[str, ...]
    continuation: tuple[str, ...]
    pronouns: dict[str, str]
    prefixes: tuple[str, ...]
    leading_words: frozenset[str]
    apposition_starts: frozenset[str]
    clause_words: frozenset[str]
    main_verbs: frozenset[str]  # a subject holding one is a clause ("The case goes back to")
    negations: tuple[str, ...]
    auxiliaries: frozenset[str]
    passive: frozenset[str]
    impersonal_sources: frozenset[str]
    person_titles: re.Pattern[str]
    institutions: re.Pattern[str]  # words that make a capitalised name a body, not a person
    stop_words: frozenset[str]
    own_correspondent: tuple[str, ...]
    second_speaker: tuple[str, ...]
    anonymous_sources: re.Pattern[str]  # "sources in the ministry": not the ministry's voice
    media_words: re.Pattern[str]  # "agency", "radio": a subject that relays what it cites
    joint_words: frozenset[str]  # "Both X and Y": words joining a joint party's names
    replies_with: dict[str, tuple[str, ...]]  # respond -> what after with/by makes it speech
    past_forms: dict[str, str]  # lemma -> its past form ("warn" -> "warned")
    framing: re.Pattern[str]  # "X ended her": X is the subject of "... briefing by warning"


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw[key])


def _ordered(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(sorted((str(w).lower() for w in raw[key]), key=len, reverse=True))


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _cues(raw: dict[str, Any]) -> dict[str, EnglishCue]:
    nouns = _words(raw, "noun_lemmas")
    forms: dict[str, EnglishCue] = {}
    for name, entries in raw["cues"].items():
        kind = check_choice(name, CLAIM_KINDS, "claim kind", "english.yaml: cues")
        for entry in entries:
            lemma, produced = inflect(str(entry).lower())
            for form, tense in produced:
                if lemma in nouns and tense in {"base", "present"}:
                    continue  # "a claim", "reports": nouns
                forms.setdefault(form, EnglishCue(lemma, kind, tense))
    return forms


def _build(raw: dict[str, Any]) -> EnglishLexicon:
    cues = _cues(raw)
    titles = [str(t).lower() for t in raw["person_titles"]]
    return EnglishLexicon(
        cues=cues,
        pattern=re.compile(rf"\b({_alternation(list(cues))})\b", re.IGNORECASE),
        conjunctions=_words(raw, "conjunctions"),
        infinitive_carriers=_words(raw, "infinitive_carriers"),
        time_words=_words(raw, "time_words"),
        correspondents=_words(raw, "correspondents"),
        relative_pronoun=re.compile(str(raw["relative_pronoun_clause"]), re.IGNORECASE),
        rumour=re.compile(str(raw["rumour"]), re.IGNORECASE),
        needs={str(k).lower(): tuple(str(w).lower() for w in v) for k, v in raw["needs"].items()},
        relay_lemmas=_words(raw, "relay_lemmas"),
        relay_markers=_ordered(raw, "relay_markers"),
        according=_ordered(raw, "according_to"),
        relaying=_ordered(raw, "relaying"),
        documents=_words(raw, "documents"),
        same=_words(raw, "same"),
        speaker_documents=_words(raw, "speaker_documents"),
        issued_by=_ordered(raw, "issued_by"),
        continuation=_ordered(raw, "continuation"),
        pronouns={str(k).lower(): str(v) for k, v in raw["pronouns"].items()},
        prefixes=_ordered(raw, "prefixes"),
        leading_words=_words(raw, "leading_words"),
        apposition_starts=_words(raw, "apposition_starts"),
        clause_words=_words(raw, "clause_words"),
        main_verbs=_words(raw, "main_verbs"),
        negations=_ordered(raw, "negations"),
        auxiliaries=_words(raw, "auxiliaries"),
        passive=_words(raw, "passive"),
        impersonal_sources=_words(raw, "impersonal_sources"),
        person_titles=re.compile(rf"\b({_alternation(titles)})\b", re.IGNORECASE),
        institutions=re.compile(
            rf"\b({_alternation([str(w).lower() for w in raw['institution_words']])})\b",
            re.IGNORECASE,
        ),
        stop_words=_words(raw, "stop_words"),
        own_correspondent=_ordered(raw, "own_correspondent"),
        second_speaker=_ordered(raw, "second_speaker"),
        anonymous_sources=re.compile(str(raw["anonymous_sources"]), re.IGNORECASE),
        media_words=re.compile(
            rf"\b({_alternation([str(w).lower() for w in raw['media_words']])})\b", re.IGNORECASE
        ),
        joint_words=_words(raw, "joint_words"),
        past_forms={c.lemma: form for form, c in cues.items() if c.tense == "past"},
        replies_with={
            str(k).lower(): tuple(str(w).lower() for w in v) for k, v in raw["replies_with"].items()
        },
        framing=re.compile(
            rf"^(.+?)\s+(?:{_alternation([str(w) for w in raw['framing_verbs']])})"
            r"\s+(?:his|her|its|their)(?:\s+[\w-]+){0,2}?(?:\s+by)?$",
            re.IGNORECASE,
        ),
    )


@lru_cache(maxsize=1)
def load_english() -> EnglishLexicon:
    """data/english.yaml (read once per process)."""
    try:
        return _build(bundled("english.yaml"))
    except (KeyError, TypeError, AttributeError, IndexError, re.error) as exc:
        raise ConfigError(f"english.yaml: invalid or missing key: {exc}") from None


def content_words(span: str, stop: frozenset[str]) -> set[str]:
    """Content words of an English name, for matching later mentions."""
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", span.lower().replace("’", "'"))
    return {w.removesuffix("'s") for w in words if w not in stop}
