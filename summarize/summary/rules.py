"""The rules summary: claims ranked by what makes them news, every party owed an item heard."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..attribution.lexicon_en import EnglishLexicon, load_english
from ..lang.arabic import tokenize
from ..lang.commentary import is_commentary, load_commentary
from ..lang.loaded import article_lexicon
from ..lang.quotes import inside, quote_spans
from ..model import Claim, SummaryItem
from .compress import CLAUSE_BREAK
from .settings import SummaryRules, load_summary_rules
from .standing import voices
from .wording import Article, item_text

_AR_SUFFIXES = ("ون", "ين", "ات", "ان", "ها", "ة")  # plural, dual, feminine, her/its
_AR_PREFIXES = ("وال", "فال", "بال", "لل", "ال")  # and/so/with/for + the article


def _stem(word: str) -> str:
    """A light stem, enough to match a word with its plural or its article-and-conjunction
    form ("المزارعون" with "المزارعين", "farmers" with "farmer"); never a dictionary lemma."""
    if not word.isascii():
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        for suffix in _AR_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def content_words(text: str, rules: SummaryRules) -> set[str]:
    """Content words of English or Arabic text, lightly stemmed (Arabic folded)."""
    words = set()
    for token in tokenize(text):
        word = token.norm
        if len(word) < 3 or not word.isalpha() or word in rules.function_words:
            continue
        words.add(_stem(word))
    return words


def _scores(
    claims: Sequence[Claim], headline: str, sources: Sequence[str] | None, rules: SummaryRules
) -> list[float]:
    heading_words = content_words(headline, rules)
    words = [content_words(text, rules) for text in (sources or [c.text for c in claims])]
    scores = []
    first = {c.party: rank for rank, c in reversed(list(enumerate(claims)))}
    closing = len(claims) - int(rules.background_share * len(claims))
    for rank, claim in enumerate(claims):
        lead = 3.0 / (1 + rank)
        kind = rules.kind_weights.get(claim.kind, 1.0)
        repeated = sum(len(words[rank] & other) for k, other in enumerate(words) if k != rank)
        echo = len(words[rank] & heading_words)
        numbers = 0.5 if re.search(r"\d", claim.text) else 0.0
        quotes = 0.3 if claim.quotes else 0.0
        opening = rules.first_claim_weight if first[claim.party] == rank else 0.0
        if claim.voice != "attributed":
            opening = 0.0  # the outlet's account is one voice throughout, led by the lead
        background = rules.background_weight if rank >= closing else 0.0
        scores.append(
            lead + kind + opening + 0.05 * repeated + 0.3 * echo + numbers + quotes - background
        )
    return scores


def _opinion_in_tail(source: str) -> bool:
    """True when the source sentence (Arabic) holds no opinion of its own, or holds it only
    after one of its commas, past its first 8 words."""
    if not is_commentary(source, ""):
        return True
    commas = [m.start() for m in re.finditer(r"[,،]", source)]
    return any(len(source[:p].split()) >= 8 and not is_commentary(source[:p], "") for p in commas)


def factual_core(claim: Claim, source: str | None = None) -> Claim | None:
    """An outlet's sentence whose opinion stands only in its tail ("Air defences confronted an
    attack on two bases, in a dangerous escalation that shows ..."): its report up to the
    comma before the first evaluative word, as an event, when that part holds no opinion and
    has 8 words or more, and the source sentence (`source`, when it is not the English) also
    holds its opinion only after a comma; None otherwise (a rhetorical question, or opinion
    from the start, or opinion the English does not show: the whole sentence stays
    commentary)."""
    text = claim.text
    if source is not None and source != text and not _opinion_in_tail(source):
        return None
    spans = quote_spans(text)
    if claim.kind != "commentary" or any(
        not inside(m.start(), spans) for m in re.finditer(r"\?", text)
    ):
        return None
    evaluative = [
        m.start() for m in load_commentary().english.finditer(text) if not inside(m.start(), spans)
    ]
    cut = text.rfind(",", 0, evaluative[0]) if evaluative else -1
    core = text[:cut].rstrip()
    last = core.rsplit(", ", 1)[-1] if ", " in core else ""
    if (
        cut <= 0
        or len(core.split()) < 8
        or is_commentary("", core)
        or re.match(r"(?:which|who|whose|whom|where|when|[a-z]+ing)\b", last)
    ):
        return None  # (too short, opinion from the start, or the comma closes an aside)
    quotes = tuple(q for q in claim.quotes if q in core)
    return replace(claim, text=f"{core}.", kind="event", quotes=quotes)


def _partners(
    index: int, claims: Sequence[Claim], placed: set[int], scores: list[float]
) -> list[int]:
    """The party's other claims still free (same voice), best first: the first that fits
    joins the item ("... and warned ..."), so a party's main claims read as one line."""
    mine = [
        j
        for j in range(len(claims))
        if j != index
        and j not in placed
        and claims[j].party == claims[index].party
        and claims[j].voice == claims[index].voice == "attributed"
    ]
    return sorted(mine, key=lambda j: (-scores[j], abs(j - index)))


def item_count(claims: Sequence[Claim], rules: SummaryRules, owed: int) -> int:
    """As many items as the article needs: about one per `sentences_per_item` claims (one
    claim per body sentence), between min_items and max_items, at least one per party owed
    an item (`owed` of them, see standing.py)."""
    wanted = max(-(-len(claims) // rules.sentences_per_item), rules.min_items, owed)
    return min(wanted, rules.max_items, len(claims))


def _order(claims: Sequence[Claim], scores: list[float], owed: Sequence[str]) -> list[int]:
    """The claims in the order they are considered, best first: the best claim of every party
    owed an item first, so every side is heard, then the rest by rank (a voice brought in for
    colour among them); the outlet's commentary never (it is not stated as fact)."""
    order = sorted(
        (i for i in range(len(claims)) if claims[i].kind != "commentary"),
        key=lambda i: (-scores[i], i),
    )
    chosen: list[int] = []
    for index in order:
        party = claims[index].party
        if party in owed and party not in {claims[c].party for c in chosen}:
            chosen.append(index)
    return chosen + [i for i in order if i not in chosen]


def _duplicate(text: str, kept: list[str], rules: SummaryRules) -> bool:
    """True when `text` says what an item already kept says (near-duplicates too)."""
    mine = content_words(text, rules)
    for other in kept:
        theirs = content_words(other, rules)
        union = mine | theirs
        if union and len(mine & theirs) / len(union) >= rules.duplicate_overlap:
            return True
    return False


def summarize_claims(
    claims: Sequence[Claim],
    headline: str = "",
    sources: Sequence[str] | None = None,
    cues: EnglishLexicon | None = None,
    rules: SummaryRules | None = None,
    extra: int = 0,
    unpaired: frozenset[int] = frozenset(),
) -> list[SummaryItem]:
    """3 to 8 items (about one per three claims), most important first; every party owed an
    item (standing.py) heard, within a word budget.

    Importance: the lead, the kind of claim, words shared with other claims and with the
    headline and sub-headings, numbers, quotations; the article's closing claims (background
    and colour) weigh less. Word features read `sources` (each claim's
    source text) when given, so they do not depend on the translation.

    A party's next best claim that fits may join its item ("... and accused ...") when the two
    fit in `pair_words` words together and the pair is cut nowhere the first item was not,
    or only where a claim has a comma or a clause begins. Claims whose ids are in `unpaired`
    (a claim and its denial, to be set side by side) join no pair; `extra` items are added to
    the count (where other items will be merged).
    """
    cues = cues or load_english()
    rules = rules or load_summary_rules()
    if not claims:
        return []
    claims = [  # a report with an opinionated tail
        factual_core(c, sources[i] if sources else None) or c for i, c in enumerate(claims)
    ]
    scores = _scores(claims, headline, sources, rules)
    names = sorted({c.party for c in claims}, key=len, reverse=True)
    # near-duplicates are judged on the source text when given: a rough translation of two
    # different sentences can share its few words, the source cannot
    texts = list(sources) if sources else [c.text for c in claims]
    lower = frozenset(w for c in claims for w in re.findall(r"\b[a-z][a-z'-]+\b", c.text))
    # the lead's words: a later claim's place phrase made of them repeats the lead
    loaded = article_lexicon([headline, *(c.text for c in claims)])
    lead = frozenset(re.findall(r"[\w'’-]+", claims[0].text.lower()))
    after_lead = Article(names, lead, lower, loaded)

    def text_of(group: list[int], most: int | None = None) -> str:
        members = [claims[i] for i in group]
        article = after_lead if group[0] != 0 else Article(names, frozenset(), lower, loaded)
        return item_text(members[0].party, members, cues, rules, article, most)

    kept: list[str] = []
    placed: set[int] = set()
    groups: list[list[int]] = []
    chosen: list[str] = []
    heard = voices(claims, sources, headline)
    count = min(item_count(claims, rules, len(heard.owed)) + extra, len(claims))
    for index in _order(claims, scores, heard.owed):
        if len(groups) == count:
            break
        if index in placed or _duplicate(texts[index], kept, rules):
            continue  # (an article that repeats its lead: one item)
        group = [index]
        text = text_of([index])
        partners = [] if claims[index].id in unpaired else _partners(index, claims, placed, scores)
        for partner in partners:
            if claims[partner].id in unpaired or _duplicate(texts[partner], [texts[index]], rules):
                continue
            pair = sorted([index, partner])
            joined = text_of(pair)
            if len(joined.split()) <= rules.pair_words and (
                _cuts(joined) <= _cuts(text) or _clean_cuts(joined, [claims[i] for i in pair])
            ):
                group, text = pair, joined  # (too long together, or cut badly: the next one)
                break
        placed.update(group)
        kept += [texts[i] for i in group]
        groups.append(group)
        chosen.append(text)
    budget = rules.max_share * sum(len(c.text.split()) for c in claims)
    _squeeze(chosen, budget, rules, lambda k, most: text_of(groups[k], most))
    parties = [claims[g[0]].party for g in groups]
    _within_budget(groups, chosen, budget, rules.min_items + extra, parties, heard.colour)
    return [
        SummaryItem(
            text=text,
            party=claims[group[0]].party,
            claim_ids=tuple(claims[i].id for i in group),
            sentence_ids=tuple(s for i in group for s in claims[i].sentence_ids),
        )
        for group, text in zip(groups, chosen, strict=True)
    ]


def _cuts(text: str) -> int:
    """How many cuts inside a phrase `text` has: each "…" but that of a quotation kept to its
    first sentence ('"We live without power. …"', which reads whole)."""
    return len(re.findall(r"…(?![”\"»])|(?<![.?!] )…", text))


# The words kept before a cut's "…", and the quotation marks that close them
_BEFORE_CUT = re.compile(r"((?:[\w'’%.-]+\W{0,3}\s){0,3}[\w'’%.-]+)[”\"»]?\s…")


def _clean_cuts(text: str, claims: Sequence[Claim]) -> bool:
    """True when every cut of an item (its "…") falls where the claim it shortens has a
    comma, a colon or the start of a clause ("targeted the ship with two missiles … and
    warned ..."), never inside a phrase ("within a short …", "at about …" losing 4,800)."""
    for found in _BEFORE_CUT.finditer(text):
        kept = found.group(1)  # (a cut keeps the start: the words' first place in a claim)
        ends = [(c.text, c.text.find(kept) + len(kept)) for c in claims if kept in c.text]
        if not any(
            re.match(r"[”\"»]?\s*[,;:.]", claim[end:]) or CLAUSE_BREAK.match(claim, end)
            for claim, end in ends
        ):
            return False
    return True


def _at_clause(shorter: str, text: str, rules: SummaryRules) -> bool:
    """True when `shorter` has no cut ("…") that `text` had not, or is `text` (cut already or
    not) cut at one of its commas where a clause of its own or a quotation's next part begins,
    or before a subordinate clause ("because ..."); never inside a phrase or before the verb's
    complement."""
    if shorter.count("…") <= text.count("…") and "…" not in shorter:
        return True
    if not shorter.endswith(" …") or "…" in text.removesuffix(" …"):
        return False  # (an item cut already may be cut again, earlier)
    kept = shorter[:-2].rstrip('”"»')
    if not text.startswith(kept):
        return False
    if CLAUSE_BREAK.match(text, len(kept)):
        return True  # before "because ...", "due to ...", "which ..."
    if text[len(kept) : len(kept) + 1] not in {",", ";"}:
        return False
    if inside(len(kept), quote_spans(text)):
        return True  # a quotation shortened at one of its commas
    rest = text[len(kept) + 1 :].lstrip(' ”"»').lower()  # a clause of its own ("adding ...")
    opener = re.match(r"[a-z]+ing\b|(?:and|but)\b", rest)
    return bool(opener) or any(
        re.match(rf"{re.escape(o)}\b", rest) for o in rules.secondary_openers
    )


def _within_budget(
    groups: list[list[int]],
    texts: list[str],
    budget: float,
    floor: int,
    parties: list[str],
    colour: frozenset[str],
) -> None:
    """While the items' words are still over `budget` (squeezed already), the lowest-ranked
    item that adds nothing owed goes: a party's second item, or a voice brought in for colour
    (standing.py); never a party's only item otherwise, never below `floor` items; in place."""
    while sum(len(t.split()) for t in texts) > budget and len(texts) > floor:
        spare = [k for k in range(len(texts)) if parties[k] in colour or parties[k] in parties[:k]]
        if not spare:
            return
        k = spare[-1]
        del groups[k], texts[k], parties[k]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _squeeze(
    texts: list[str], budget: float, rules: SummaryRules, render: Callable[[int, int], str]
) -> None:
    """While the items' words are over `budget`, the longest item is written again a few words
    shorter (`render(index, most)`: a trailing place or time phrase goes), never below
    `squeeze_floor` words, never cut inside a phrase (only at a comma, "…") and never losing a
    figure; in place."""
    done: set[int] = set()
    while sum(len(t.split()) for t in texts) > budget:
        open_ = [k for k in range(len(texts)) if k not in done]
        if not open_:
            return
        k = max(open_, key=lambda j: len(texts[j].split()))
        length = len(texts[k].split())
        most = length - 3
        shorter = render(k, most) if most >= rules.squeeze_floor else texts[k]
        numbers = len(_NUMBER.findall(shorter)) >= len(_NUMBER.findall(texts[k]))
        if len(shorter.split()) < length and numbers and _at_clause(shorter, texts[k], rules):
            texts[k] = shorter
        else:
            done.add(k)
