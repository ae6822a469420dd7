"""The Arabic reader's vocabulary (data/arabic.yaml), loaded once, with the cue forms it implies."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..lang.arabic import Token, fold, tokenize
from ..lang.data import bundled, check_choice
from ..model import CLAIM_KINDS, ClaimKind
from .morphology import CueForm, candidates, lemma_forms

Phrase = tuple[str, ...]  # folded tokens


@dataclass(frozen=True)
class ArabicLexicon:
    """Cues, their forms, and the words that shape speaker spans."""

    cues: dict[str, tuple[CueForm, ...]]  # folded form -> its readings
    clause_initial_only: frozenset[str]  # forms that are cues only at the start of a clause
    object_taking: frozenset[ClaimKind]  # kinds whose verbs take an object (طالب X بـ)
    relay_lemmas: frozenset[str]  # نقل، أورد: "X نقل عن Y"
    relay_preposition: str  # عن
    according: tuple[Phrase, ...]  # "according to" phrases
    relaying_according: tuple[Phrase, ...]  # "نقلا عن": relays
    documents: frozenset[str]  # بيان، تقرير
    same: frozenset[str]  # نفسه، ذاته
    speaker_documents: frozenset[str]  # بيان: with no issuer known, the latest speaker's
    issuer_verbs: tuple[str, ...]  # أصدرته، نشرته
    issued_by: frozenset[str]  # صادر (عن)
    continuation: tuple[Phrase, ...]  # "وجاء في البيان"
    span_stops: frozenset[str]  # words that end a speaker span
    affiliations: frozenset[str]  # في، لدى، باسم، ب
    institutions: frozenset[str]  # وزارة، هيئة، ...
    speaker_heads: frozenset[str]  # titles and sources
    object_heads: frozenset[str]  # جميع، كل: never a speaker
    demanded_acts: frozenset[str]  # التدخل after ناشد X: X is the one asked
    fillers: tuple[Phrase, ...]  # بدوره، أيضا
    anaphoric_leads: tuple[Phrase, ...]  # من جانبه،
    function_words: frozenset[str]  # left out of name comparison
    conjunctions: frozenset[str]  # كما، ثم، لكن
    topic: str  # أما
    auxiliaries: frozenset[str]  # كان، كانت
    particle: str  # قد
    impersonal: tuple[Phrase, ...]  # يعتقد، من المقرر
    own_correspondent: frozenset[str]  # مراسلنا
    told_media: frozenset[str]  # وكالة، قناة: "لوكالة ..." is the medium told
    correspondent: frozenset[str]  # مراسل
    second_speaker: tuple[Phrase, ...]  # فيما، بينما
    occasions: frozenset[str]  # ختام، اجتماع: before a source, not the source
    leading_words: frozenset[str]  # في، أمس: a leading phrase is an adverbial, not a subject
    circles: frozenset[str]  # أوساط: vague sources
    not_reporting: frozenset[str]  # لم، بعدما: a cue after them reports nothing
    needs_preposition: dict[str, frozenset[str]]  # lemma -> words it reports with (شدد على)
    plurals: frozenset[str]  # شهود، مصادر: plural subjects
    adjectives: frozenset[str]  # الأحمر، العليا: adjectives after a definite noun
    quantifiers: frozenset[str]  # ثلاثة، أحد: "من" after them belongs to the span
    time_words: frozenset[str]  # مساء، يوم: after في they end a span
    for_party: frozenset[str]  # المتحدث، مصدر: titles that speak for a party named after them
    name_particles: frozenset[str]  # عبد، أبو، بن: parts of a personal name
    speech_nouns: frozenset[str]  # كلمة، إحاطة: with a possessive, the verb's object
    relatives: frozenset[str]  # زوجته، ابنتها: a plain name in apposition follows
    replies_with: dict[str, frozenset[str]]  # lemma -> the بـ complements that make it speech
    contrast_openers: tuple[Phrase, ...]  # بينما، في حين: a subordinate clause of contrast
    demonstratives: frozenset[str]  # هذا، هذه: they end a span, and open a thing's name
    anonymous_sources: frozenset[str]  # مصدر، مصادر: "مصادر في الوزارة" are not the ministry
    places: frozenset[str]  # محافظة، مدينة: where, never who

    def cue(self, token: Token, clause_start: bool = False) -> CueForm | None:
        """The cue `token` is, if any (clitics removed; forms that are also common words only at
        the start of a clause)."""
        found = self.reading(token, clause_start)
        return found[1] if found is not None else None

    def reading(self, token: Token, clause_start: bool = False) -> tuple[str, CueForm] | None:
        """(clitics, cue) when `token` is a cue."""
        for clitic, rest in candidates(token.norm):
            readings = self.cues.get(rest)
            if not readings:
                continue
            if rest in self.clause_initial_only and not clause_start:
                continue
            nunated = any(mark in token.text for mark in _TANWEEN)
            for reading in readings:
                if nunated and reading.form in {"perfect", "imperfect"}:
                    continue  # "هدوءاً حذراً": a noun or an adverb, never a finite verb
                if "س" in clitic and reading.form != "imperfect":
                    continue
                if clitic.endswith("ل") and reading.form not in {"imperfect", "noun"}:
                    continue
                if clitic.endswith("ب") and reading.form != "noun":
                    continue
                return clitic, reading
        return None

    def verb(self, token: Token, clause_start: bool = False) -> CueForm | None:
        """`cue`, when it is a finite verb (perfect or imperfect)."""
        found = self.cue(token, clause_start)
        return found if found is not None and found.form in {"perfect", "imperfect"} else None


_TANWEEN = ("\u064b", "\u064c", "\u064d")  # ً ٌ ٍ


def _folded(phrase: str) -> Phrase:
    return tuple(t.norm for t in tokenize(phrase))


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in raw[key])


def _phrases(raw: dict[str, Any], key: str) -> tuple[Phrase, ...]:
    return tuple(_folded(str(p)) for p in raw[key])


def _cue_forms(raw: dict[str, Any], excluded: frozenset[str]) -> dict[str, tuple[CueForm, ...]]:
    forms: dict[str, list[CueForm]] = {}
    for name, entries in raw["cues"].items():
        kind = check_choice(name, CLAIM_KINDS, "claim kind", "arabic.yaml: cues")
        for entry in entries:
            lemma, produced = lemma_forms(str(entry))
            for form, form_kind, gender in produced:
                if form not in excluded:
                    forms.setdefault(form, []).append(CueForm(lemma, kind, gender, form_kind))
    return {form: tuple(readings) for form, readings in forms.items()}


def _build(raw: dict[str, Any]) -> ArabicLexicon:
    return ArabicLexicon(
        cues=_cue_forms(raw, _words(raw, "not_cues")),
        clause_initial_only=_words(raw, "clause_initial_only"),
        object_taking=frozenset(
            check_choice(k, CLAIM_KINDS, "claim kind", "arabic.yaml: object_taking")
            for k in raw["object_taking"]
        ),
        relay_lemmas=_words(raw, "relay_lemmas"),
        relay_preposition=fold(str(raw["relay_preposition"])),
        according=_phrases(raw, "according_to"),
        relaying_according=_phrases(raw, "relaying_according_to"),
        documents=_words(raw, "documents"),
        same=_words(raw, "same"),
        speaker_documents=_words(raw, "speaker_documents"),
        issuer_verbs=tuple(fold(str(w)) for w in raw["issuer_verbs"]),
        issued_by=_words(raw, "issued_by"),
        continuation=_phrases(raw, "continuation"),
        span_stops=_words(raw, "span_stops"),
        affiliations=_words(raw, "affiliations"),
        institutions=_words(raw, "institutions"),
        speaker_heads=_words(raw, "speaker_heads"),
        object_heads=_words(raw, "object_heads"),
        demanded_acts=_words(raw, "demanded_acts"),
        fillers=_phrases(raw, "fillers"),
        anaphoric_leads=_phrases(raw, "anaphoric_leads"),
        function_words=_words(raw, "function_words"),
        conjunctions=_words(raw, "conjunctions"),
        topic=fold(str(raw["topic"])),
        auxiliaries=_words(raw, "auxiliaries"),
        particle=fold(str(raw["particle"])),
        impersonal=_phrases(raw, "impersonal"),
        own_correspondent=_words(raw, "own_correspondent"),
        told_media=_words(raw, "told_media"),
        correspondent=_words(raw, "correspondent"),
        second_speaker=_phrases(raw, "second_speaker"),
        occasions=_words(raw, "occasions"),
        leading_words=_words(raw, "leading_words"),
        circles=_words(raw, "circles"),
        not_reporting=_words(raw, "not_reporting"),
        needs_preposition={
            fold(str(k)): frozenset(fold(str(w)) for w in v)
            for k, v in raw["needs_preposition"].items()
        },
        plurals=_words(raw, "plurals"),
        adjectives=_words(raw, "adjectives"),
        quantifiers=_words(raw, "quantifiers"),
        time_words=_words(raw, "time_words"),
        for_party=_words(raw, "for_party"),
        name_particles=_words(raw, "name_particles"),
        speech_nouns=_words(raw, "speech_nouns"),
        relatives=_words(raw, "relatives"),
        replies_with={
            fold(str(k)): frozenset(fold(str(w)) for w in v) for k, v in raw["replies_with"].items()
        },
        contrast_openers=_phrases(raw, "contrast_openers"),
        demonstratives=_words(raw, "demonstratives"),
        anonymous_sources=_words(raw, "anonymous_sources"),
        places=_words(raw, "places"),
    )


@lru_cache(maxsize=1)
def load_arabic() -> ArabicLexicon:
    """data/arabic.yaml (read once per process)."""
    try:
        return _build(bundled("arabic.yaml"))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"arabic.yaml: invalid or missing key: {exc}") from None
