"""Arabic reporting verbs in all their forms, produced from a lemma's four principal parts.

A lemma is given (data/arabic.yaml) by its perfect, imperfect, active participle and verbal noun,
third person masculine singular. The affix rules below produce what news prose uses of them:

    perfect      قال قالت قالوا قالا قالتا         (defective دعا: دعت دعوا دعتا)
    imperfect    يقول تقول يقولون يقولوا يقولان تقولان (defective يدعو: يدعون)
    future       سيقول ستقول ...                     (س or سوف before the imperfect)
    participle   قائلا قائلة قائلين قائلون قائلات      (the circumstantial مؤكداً، مضيفةً)
    verbal noun  قوله قولها قولهم القول              (في تأكيده أن، وختم بالقول)

All forms are folded (no diacritics, one alef, ه for ة, ي for ى) as tokens are. Prefixed clitics
(و ف ل ب س) are removed when a token is looked up. Rules, not a morphology package: the four parts
pin down the weak verbs' stems, and the rest is regular (see README, "Attribution").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..lang.arabic import fold
from ..model import ClaimKind, Gender

FormKind = Literal["perfect", "imperfect", "participle", "noun"]
_WEAK_ENDINGS = ("ا", "ي", "و")  # folded ى is ي
_CLITICS = ("وس", "فس", "ول", "فل", "وب", "فب", "و", "ف", "س", "ل", "ب")


@dataclass(frozen=True)
class CueForm:
    """One surface form of a reporting cue."""

    lemma: str  # the lemma's perfect, folded (قال)
    kind: ClaimKind  # statement, assessment, accusation, ...
    gender: Gender | None  # who the form agrees with: m, f, p; None for a bare verbal noun
    form: FormKind  # perfect, imperfect, participle or noun


def _perfect(stem: str) -> Iterator[tuple[str, Gender]]:
    weak = stem.endswith(_WEAK_ENDINGS)
    base = stem[:-1] if weak else stem
    yield stem, "m"
    yield base + "ت", "f"
    yield base + "وا", "p"
    yield base + "تا", "p"  # two women, or two organisations
    if not weak:
        yield stem + "ا", "p"  # two men


def _imperfect(stem: str) -> Iterator[tuple[str, Gender]]:
    if not stem.startswith("ي"):
        return
    she = "ت" + stem[1:]
    base = stem[:-1] if stem.endswith(("و", "ي")) else stem
    yield stem, "m"
    yield she, "f"
    yield base + "ون", "p"
    yield base + "وا", "p"
    yield stem + "ان", "p"
    yield she + "ان", "p"


def _participle(stem: str) -> Iterator[tuple[str, Gender]]:
    yield stem + "ا", "m"  # accusative: مؤكداً
    yield stem, "m"
    yield stem + "ه", "f"  # مؤكدةً
    yield stem + "ين", "p"
    yield stem + "ون", "p"
    yield stem + "ات", "p"


def _noun(stem: str) -> Iterator[tuple[str, Gender | None]]:
    base = stem[:-1] + "ت" if stem.endswith("ه") else stem  # اشاره -> اشارته
    yield base + "ه", "m"
    yield base + "ها", "f"
    yield base + "هم", "p"
    yield base + "هما", "p"
    yield "ال" + stem, None  # وختم بالقول


def lemma_forms(parts: str) -> tuple[str, list[tuple[str, FormKind, Gender | None]]]:
    """The folded lemma and every (form, form kind, gender) of "perfect imperfect participle
    noun" ("-" for a part that is missing)."""
    words = parts.split()
    words += ["-"] * (4 - len(words))
    perfect, imperfect, participle, noun = (fold(w) if w != "-" else "" for w in words[:4])
    forms: list[tuple[str, FormKind, Gender | None]] = []
    if perfect:
        forms += [(f, "perfect", g) for f, g in _perfect(perfect)]
    if imperfect:
        forms += [(f, "imperfect", g) for f, g in _imperfect(imperfect)]
    if participle:
        forms += [(f, "participle", g) for f, g in _participle(participle)]
    if noun:
        forms += [(f, "noun", g) for f, g in _noun(noun)]
    return perfect or imperfect, forms


def candidates(norm: str) -> list[tuple[str, str]]:
    """(clitics, rest) readings of a folded token: itself, then without each clitic prefix."""
    found = [("", norm)]
    for clitic in _CLITICS:
        if norm.startswith(clitic) and len(norm) > len(clitic) + 1:
            found.append((clitic, norm[len(clitic) :]))
    if norm.startswith(("وسوف", "فسوف")):
        found.append((norm[:4], norm[4:]))
    return found
