"""Diverging accounts: two or more parties giving different figures of one kind (deaths,
injuries, arrests, aid trucks, displaced people, prices in one currency) are set side by side
in one item ("Death toll: 9 according to the monitoring group, 4 according to the ministry";
"Price: 35 piastres according to the ministry, 50 piastres according to the bakers"), citing
each claim, and listed in JSON `disputes`.

A figure is a number followed, within three words, by a word of its kind (data/summary.yaml
`disputes`), read in the source sentence (Arabic or English) and in its English; a party's first
figure of a kind is its account. The outlet's own figures count as the outlet's account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..attribution.lexicon_ar import load_arabic
from ..attribution.lexicon_en import load_english
from ..errors import ConfigError
from ..lang.arabic import fold, tokenize
from ..lang.data import bundled
from ..model import Claim, Dispute, DisputeAccount, SummaryItem
from .rules import content_words
from .settings import SummaryRules, load_summary_rules
from .wording import Article, clause, opening

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,.]\d{3})+|\d+)(?![\d])")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_WINDOW = 3  # words between a number and its kind


@dataclass(frozen=True)
class DisputeKind:
    """One kind of figure."""

    name: str  # deaths, injuries, ...
    label: str  # "Death toll"
    words: frozenset[str]  # English words and Arabic folded words that name it
    units: dict[str, str] = field(default_factory=dict)  # a word -> its unit ("ريال": riyals)


@lru_cache(maxsize=1)
def load_kinds() -> tuple[DisputeKind, ...]:
    """summary.yaml's `disputes`."""
    raw: dict[str, Any] = bundled("summary.yaml")
    try:
        return tuple(_kind(str(name), entry) for name, entry in raw["disputes"].items())
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"summary.yaml: invalid or missing key in disputes: {exc}") from None


def _kind(name: str, entry: dict[str, Any]) -> DisputeKind:
    """One entry of summary.yaml's `disputes`: its words, or its units and their words."""
    units = {
        (fold(str(w)) if not str(w).isascii() else str(w).lower()): str(unit)
        for unit, spelled in (entry.get("units") or {}).items()
        for w in spelled
    }
    words = frozenset(units) | frozenset(str(w).lower() for w in entry.get("en", ()))
    words |= frozenset(fold(str(w)) for w in entry.get("ar", ()))
    return DisputeKind(name, str(entry["label"]), words, units)


def _kind_at(
    words: list[str], index: int, kinds: Sequence[DisputeKind]
) -> tuple[DisputeKind, str] | None:
    """The kind of the figure at `index`, with the word that named it: the nearest word of a
    kind within _WINDOW words after it ("14 killed", "14 people killed") or two before it
    ("killed 14 people"); after wins a tie ("killed 14 and wounded 30": 30 is the wounded)."""
    best: tuple[int, int, DisputeKind, str] | None = None
    candidates = [(d, index + d) for d in range(1, _WINDOW + 1)] + [(d, index - d) for d in (1, 2)]
    for order, (distance, at) in enumerate(candidates):
        if not 0 <= at < len(words) or _NUMBER.fullmatch(words[at]):
            continue
        pair = " ".join(words[at : at + 2])
        for kind in kinds:
            for word in (words[at], pair):
                if word in kind.words and (best is None or (distance, order) < best[:2]):
                    best = (distance, order, kind, word)
    return (best[2], best[3]) if best else None


_MONTHS = frozenset(  # the words before a year ("in June 2024", "عام 2024")
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "in", "since", "of", "year", "عام", "العام", "سنه"}
)


def figures(text: str, kinds: Sequence[DisputeKind]) -> dict[str, int]:
    """The first figure of each kind in `text` (English or Arabic); a price is keyed by its
    unit ("prices riyals"), so that only prices in one unit are compared. A year ("in June
    2024") is no figure."""
    words = [fold(w).lower().strip(".,;:()«»“”\"'") for w in text.translate(_ARABIC_DIGITS).split()]
    words = [w[1:] if w[:1] in "وب" and w[1:2].isdigit() else w for w in words]  # و30، ب30
    found: dict[str, int] = {}
    for index, word in enumerate(words):
        number = _NUMBER.fullmatch(word)
        if not number:
            continue
        value = int(re.sub(r"[,.]", "", number.group(1)))
        if 1900 <= value <= 2100 and index > 0 and words[index - 1] in _MONTHS:
            continue
        named = _kind_at(words, index, kinds)
        if named is None:
            continue
        kind, by = named
        key = f"{kind.name} {kind.units[by]}" if by in kind.units else kind.name
        found.setdefault(key, value)
    return found


_CUMULATIVE = re.compile(
    r"\b(?:since (?:the )?(?:beginning|start)|so far this|this year|last (?:month|year)|"
    r"over the past|in total|altogether|plan to|will|would)\b|منذ بداية|منذ مطلع|العام الماضي",
    re.IGNORECASE,
)
_SHARED_WORDS = 3  # content words two accounts share: they speak of the same event
_MAX_RATIO = 10.0  # figures further apart count different things


def _content(text: str, kinds: Sequence[DisputeKind]) -> set[str]:
    vocabulary = set().union(*(k.words for k in kinds))
    return {
        w
        for w in (fold(x).lower().strip(".,;:()«»“”\"'") for x in text.split())
        if len(w) > 3 and not w.isdigit() and w not in vocabulary and w not in _FUNCTION
    }


_FUNCTION = frozenset(
    {
        "that", "with", "from", "this", "these", "those", "their", "there", "which", "were",
        "have", "has", "had", "been", "they", "said", "says", "according", "about", "after",
        "before", "into", "over", "more", "than", "also", "will", "would",
    }
)  # fmt: skip


def _same_event(
    first: tuple[int, str], second: tuple[int, str], kinds: Sequence[DisputeKind]
) -> bool:
    (a, text_a), (b, text_b) = first, second
    if min(a, b) == 0 or max(a, b) / min(a, b) > _MAX_RATIO:
        return False
    return len(_content(text_a, kinds) & _content(text_b, kinds)) >= _SHARED_WORDS


def find_disputes(claims: Sequence[Claim], sources: Sequence[str] | None = None) -> list[Dispute]:
    """Kinds of figures on which parties differ about the same event (the accounts share
    words, the figures are within a factor of ten, none is a running total), each party's
    first figure with the claims it rests on."""
    kinds = load_kinds()
    accounts: dict[str, dict[str, tuple[int, list[int]]]] = {}
    texts: dict[int, str] = {}
    for index, claim in enumerate(claims):
        text = claim.text if sources is None else f"{sources[index]} {claim.text}"
        if claim.kind == "commentary" or _CUMULATIVE.search(text):
            continue
        texts[claim.id] = claim.text
        found = figures(claim.text, kinds)
        if sources is not None:
            found = {**found, **figures(sources[index], kinds)}  # the source decides
        for what, value in found.items():
            per_party = accounts.setdefault(what, {})
            if claim.party not in per_party:
                per_party[claim.party] = (value, [claim.id])
            elif per_party[claim.party][0] == value:
                per_party[claim.party][1].append(claim.id)
    disputes = []
    for key, per_party in accounts.items():
        sides = [(value, texts[ids[0]]) for value, ids in per_party.values()]
        differ = any(
            x[0] != y[0] and _same_event(x, y, kinds)
            for i, x in enumerate(sides)
            for y in sides[i + 1 :]
        )
        if len(per_party) >= 2 and differ:
            name, _, unit = key.partition(" ")
            label = next(k.label for k in kinds if k.name == name)
            disputes.append(
                Dispute(
                    name,
                    label,
                    tuple(
                        DisputeAccount(party, f"{value} {unit}".strip(), tuple(ids))
                        for party, (value, ids) in per_party.items()
                    ),
                )
            )
    order = {k.name: i for i, k in enumerate(kinds)}
    return sorted(disputes, key=lambda d: order[d.what])
    return disputes


_ANSWERS = frozenset({"accusation", "statement", "report", "assessment"})  # what can be denied


def find_denials(claims: Sequence[Claim], sources: Sequence[str] | None = None) -> list[Dispute]:
    """ "X said ..., Y denied": a party's denial whose complement (what follows its cue) names a
    party that made a claim before it ("نفت قوات الدعم السريع ... متهمة الجيش", "the SDF rejected
    the Turkish account"): one dispute per denial, resting on the denial and on the claim it
    answers (an accusation before any other kind, then the most words of the party's name, then
    the first: a party's main account comes first; a vow or a demand is not denied). A party is
    named by the first words of its name and span (what describes it does not count), the
    denier's own name never counts (its span may hold another party's name: "sources in the
    Turkish Defence Ministry"), nor does a party named like the denier, one name holding the
    other ("Jama", "Minister Jama"); two names sharing a word ("قوات الدعم السريع", "المتحدث
    باسم القوات المسلحة") are two parties."""
    rules = load_summary_rules()
    disputes: list[Dispute] = []
    for index, denial in enumerate(claims):
        if denial.kind != "denial" or denial.voice != "attributed":
            continue
        source = sources[index] if sources is not None else denial.text
        after = _denied_from(source, denial)
        own = content_words(f"{denial.party} {denial.party_source or ''}", rules)
        said = content_words(_bare(source[after:]), rules) - own
        answered: list[tuple[tuple[int, int, int], Claim]] = []
        for claim in claims[:index]:
            if claim.voice != "attributed" or claim.kind not in _ANSWERS:
                continue
            names = content_words(f"{_head(claim.party, 6)} {_head(claim.party_source)}", rules)
            if claim.party == denial.party or names <= own or (bool(own) and own <= names):
                continue  # the same party, or one named twice ("Jama", "Minister Jama")
            if not names & said:
                continue  # (the denial does not name this party)
            rank = (int(claim.kind == "accusation"), len(names & said), -claim.id)
            answered.append((rank, claim))
        back = _answers_back(source, denial, rules) if not answered else None
        if back is not None:  # "denied these accusations": the latest one of another party
            answered = [
                ((0, 0, claim.id), claim)
                for claim in claims[:index]
                if claim.voice == "attributed"
                and claim.kind in back
                and claim.party != denial.party
            ]
        if not answered:
            continue
        claim = max(answered, key=lambda pair: pair[0])[1]
        disputes.append(
            Dispute(
                "statement",
                "Disputed",
                (
                    DisputeAccount(claim.party, (claim.cue or claim.kind).strip(), (claim.id,)),
                    DisputeAccount(denial.party, "denied", (denial.id,)),
                ),
            )
        )
    return disputes


def _denied_from(source: str, denial: Claim) -> int:
    """Where what the denial denies starts in `source`: after its cue, or, when its cue only
    reports ("added that ..., denying ..."), after the participle that denies."""
    after = denial.cue_offsets[1] if denial.cue_offsets else 0
    if denial.cue is None or _denies(denial.cue):
        return after
    for token in tokenize(source[after:]):
        if _denies(token.text):
            return after + token.end
    return len(source)


def _denies(word: str) -> bool:
    """True when `word` (English or Arabic, as written) is a form of a denial verb."""
    english = load_english().cues.get(word.strip().lower())
    if english is not None:
        return english.kind == "denial"
    tokens = tokenize(word)
    arabic = load_arabic().cue(tokens[-1]) if tokens else None
    return arabic is not None and arabic.kind == "denial"


def _answers_back(source: str, denial: Claim, rules: SummaryRules) -> frozenset[str] | None:
    """The kinds of claim the denial answers when its object points back at what was said
    ("these accusations": an accusation; "the claims", الرواية: any), right after its cue and
    its speaker, with a demonstrative or an article; None when it does not."""
    ends = [o[1] for o in (denial.cue_offsets, denial.party_offsets) if o is not None]
    ends.append(_denied_from(source, denial))
    rest = source[max(ends) :]
    aside = re.match(r"\s*[,،]([^,،]{1,40})[,،]", rest)  # ("نفى العميد، فلان، الاتهامات")
    words = [t.norm for t in tokenize(rest[aside.end() if aside else 0 :]) if t.norm.isalpha()]
    pointed = bool(words) and words[0] in _POINTERS
    noun = words[1] if pointed and len(words) > 1 else words[0] if words else ""
    if not (pointed or noun.startswith("ال")):
        return None  # ("denied reports circulated online": none said before)
    if noun in rules.denied_accusations:
        return frozenset({"accusation"})
    return _ANSWERS if noun in rules.denied_accounts else None


_POINTERS = frozenset({"these", "those", "the", "such", "all", "هذه", "تلك", "كل", "كافه"})


def _bare(text: str) -> str:
    """English possessives off ("the ministry's account": ministry)."""
    return re.sub(r"['’]s\b", "", text)


def _head(span: str | None, words: int = 4) -> str:
    """The first words of a party's span: its name, not what describes it ("متحدث باسم شركة
    هيلاس" of "... المشغلة للسفينة": the ship is no name of the party)."""
    return " ".join(_bare(span or "").split()[:words])


def dispute_item(dispute: Dispute, claims: Sequence[Claim]) -> SummaryItem:
    """ "Death toll: 9 according to the monitoring group, 4 according to the ministry."; for a
    denial: "The army spokesman accused the RSF of shelling the market; the RSF denied it." """
    if dispute.what == "statement":
        return _denial_item(dispute, claims)
    sides = ", ".join(f"{a.figure} according to {a.party}" for a in dispute.accounts)
    ids = tuple(i for a in dispute.accounts for i in a.claim_ids)
    sentences = tuple(s for i in ids for s in claims[i].sentence_ids)
    return SummaryItem(
        text=f"{dispute.label}: {sides}.",
        party="; ".join(a.party for a in dispute.accounts),
        claim_ids=ids,
        sentence_ids=sentences,
    )


def _denial_item(dispute: Dispute, claims: Sequence[Claim]) -> SummaryItem:
    first, denier = dispute.accounts
    claim = claims[first.claim_ids[0]]
    rules = load_summary_rules()
    verb, content = clause(claim, load_english(), rules, budget=12, limit=20)
    said = opening(first.party, verb, content, rules, Article())
    ids = (*first.claim_ids, *denier.claim_ids)
    return SummaryItem(
        text=f"{said.rstrip(' .')}; {_mid(denier.party)} denied it.",  # (a cut keeps its "…")
        party=f"{first.party}; {denier.party}",
        claim_ids=ids,
        sentence_ids=tuple(s for i in ids for s in claims[i].sentence_ids),
    )


def with_denial(item: SummaryItem, dispute: Dispute, claims: Sequence[Claim]) -> SummaryItem:
    """The item that holds a denied claim with another claim of its party ("X announced ...
    and said ..."), with the denial after it: "...; the defence team denied it." """
    denier = dispute.accounts[-1]
    ids = (*item.claim_ids, *denier.claim_ids)
    return SummaryItem(
        text=f"{item.text.rstrip(' .')}; {_mid(denier.party)} denied it.",
        party=f"{item.party}; {denier.party}",
        claim_ids=ids,
        sentence_ids=tuple(s for i in ids for s in claims[i].sentence_ids),
    )


def _mid(name: str) -> str:
    """A party's name inside a sentence: "The Valley Brigades" -> "the Valley Brigades"."""
    return "the" + name[3:] if name.startswith("The ") else name
