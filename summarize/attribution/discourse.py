"""The discourse: the parties an article has named so far, and who spoke last.

Later mentions ("الوزارة", "the ministry", a surname) resolve to a party named earlier, and
continuations ("وأضاف", "He added") to the latest speaker that agrees in gender and number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..errors import ConfigError
from ..lang.data import bundled, section
from ..lang.gazetteer import Gazetteer, PartyEntry
from ..model import ClaimKind, Party


@dataclass(eq=False)
class Entity:
    """A party the article mentions, as the discourse knows it so far."""

    key: str  # stable id within the article ("e1", ...)
    spans: list[str]  # how it was named, in order (Arabic for Arabic input)
    tokens: set[str]  # content words of those names (folded), for matching later mentions
    entry: PartyEntry | None  # the gazetteer entry, when known
    name: str | None  # neutral English name, when known without translation
    gender: str | None = None  # m, f, p (Arabic verbs) or m, f, o, p (English pronouns)
    person: bool = False  # named by a title or a personal name (English pronoun agreement)


Range = tuple[int, int]  # character offsets [start, end) in the sentence


@dataclass(frozen=True)
class Reading:
    """What a reader decided for one sentence, and the evidence."""

    entity: Entity | None  # None: the outlet's own voice
    span: str | None  # the span naming the party in this sentence (None for a continuation)
    cue: str | None  # the reporting verb or phrase, as written
    kind: ClaimKind  # statement, accusation, ...
    construction: str = "outlet"  # which construction decided (verb-subject, relay, ...)
    cue_range: Range | None = None  # where the cue is in the sentence
    span_range: Range | None = None  # where the speaker's span is in the sentence
    via: Entity | None = None  # the conduit of a relay ("the agency quoted a source")
    also: Entity | None = None  # a second speaker in the same sentence


OUTLET = Reading(None, None, None, "event")  # no party found: the outlet's voice

# The kinds a circumstantial participle after a statement gives its claim ("X added that ...,
# denying ..."; "وأضاف أن…، نافياً…"): the claim accuses, denies, demands or threatens.
PARTICIPLE_KINDS: frozenset[ClaimKind] = frozenset({"denial", "accusation", "demand", "threat"})


@dataclass(frozen=True)
class Mention:
    """How a sentence names a party: what `Discourse.resolve` needs."""

    span: str  # the span as written
    tokens: frozenset[str]  # its content words (folded)
    entry: PartyEntry | None  # the gazetteer entry it names, if any
    name: str | None  # the neutral English name, when known without translation
    person: bool = False  # a person (title or personal name), for English pronouns


@dataclass(frozen=True)
class Saved:
    """A discourse's state, to restore after a rejected reading."""

    entities: list[Entity]  # copies of the entities
    speakers: list[tuple[Entity, str | None]]  # the speakers, pointing at those copies
    documents: dict[str, str]  # documents and their issuers
    mentioned: list[str]  # parties in order of mention


@dataclass
class Discourse:
    """Parties known so far and who spoke last: what continuations resolve against."""

    gazetteer: Gazetteer  # known parties
    entities: list[Entity] = field(default_factory=list)
    speakers: list[tuple[Entity, str | None]] = field(default_factory=list)  # with verb gender
    documents: dict[str, str] = field(default_factory=dict)  # "بيان" -> key of its issuer
    mentioned: list[str] = field(default_factory=list)  # keys of parties, in order of mention
    # persons named by title and name in passing ("وصل وزير الداخلية الإيطالي جانلوكا موريتي"),
    # with the words of their personal name: a party once a later span names them by that name
    introduced: list[tuple[Mention, frozenset[str]]] = field(default_factory=list)
    # the outlet's own reporter ("our correspondent"): a speaker whom continuations continue
    # ("He added that ...": the outlet's voice), never a party
    reporter: Entity = field(
        default_factory=lambda: Entity("outlet", [], set(), None, None, person=True)
    )

    def recent_speaker(self, gender: str | None, person: bool | None = None) -> Entity | None:
        """The latest speaker agreeing with `gender` (and person/organisation when asked)."""
        for entity, spoke_as in reversed(self.speakers):
            if gender is not None and spoke_as is not None and spoke_as != gender:
                continue
            if person is not None and entity.person != person:
                continue
            return entity
        return self.speakers[-1][0] if self.speakers else None

    def said(self, entity: Entity, gender: str | None) -> None:
        """`entity` spoke, with a verb of `gender`."""
        self.speakers.append((entity, gender))
        if gender is not None:
            entity.gender = gender

    def reporter_spoke(self, gender: str | None) -> None:
        """The outlet's own reporter spoke ("أفاد مراسلنا", "our correspondent reported")."""
        self.speakers.append((self.reporter, gender))

    def same_source(self, span: str, tokens: frozenset[str] | set[str]) -> Entity | None:
        """ "the same source" (المصدر ذاته) where no earlier party is a source: the latest
        speaker, whom the phrase points back at, with `span` registered; None otherwise."""
        if any(tokens <= e.tokens for e in self.entities):
            return None  # ("المصادر ذاتها" after "مصادر محلية": those sources)
        speaker = self.recent_speaker(None)
        if speaker is not None:
            speaker.spans.append(span)
            self.mention(speaker)
        return speaker

    def _new(self, mention: Mention) -> Entity:
        entity = Entity(
            f"e{len(self.entities) + 1}",
            [mention.span],
            set(mention.tokens),
            mention.entry,
            mention.name,
            person=mention.person,
        )
        self.entities.append(entity)
        return entity

    def _by_recency(self) -> list[Entity]:
        spoken = [e for e, _ in reversed(self.speakers) if e is not self.reporter]
        return list(dict.fromkeys(spoken + list(reversed(self.entities))))

    def resolve(self, mention: Mention) -> Entity:
        """The entity `mention` names: the gazetteer's, an earlier one it shortens, or a new one."""
        entry, name = mention.entry, mention.name
        if entry is not None:
            for entity in self._by_recency():
                if entity.entry == entry and (entity.name == name or name == entry.name):
                    entity.spans.append(mention.span)
                    entity.tokens |= mention.tokens
                    return entity
            return self._new(mention)
        if mention.tokens:
            introduced = self._introduced(mention)
            if introduced is not None:
                return introduced
            kinds = (
                _head_kinds().get(next(iter(mention.tokens)), ())
                if len(mention.tokens) == 1
                else ()
            )
            for entity in self._by_recency():
                kind = entity.entry.kind if entity.entry is not None else None
                if mention.tokens <= entity.tokens or kind in kinds:
                    entity.spans.append(mention.span)
                    return entity
        return self._new(mention)

    def introduce(self, mention: Mention, name: frozenset[str]) -> None:
        """A person named in passing by `mention` (title and name), `name` the words of the
        personal name: not a party yet."""
        self.introduced.append((mention, name))

    def _introduced(self, mention: Mention) -> Entity | None:
        """The person introduced earlier whose personal name `mention` repeats ("موريتي" after
        "وزير الداخلية الإيطالي جانلوكا موريتي"), made a party under the full introduction; None
        when the mention names no one known by an earlier entity or introduction."""
        if any(mention.tokens <= e.tokens for e in self.entities):
            return None  # an entity known already (resolved as before)
        for introduction, name in reversed(self.introduced):
            if mention.tokens <= name:
                entity = self._new(introduction)
                entity.spans.append(mention.span)
                return entity
        return None

    def snapshot(self) -> Saved:
        """The state now, to try a reading on; `restore` takes it back if it is rejected."""
        copies = {
            id(e): replace(e, spans=list(e.spans), tokens=set(e.tokens)) for e in self.entities
        }
        speakers = [(copies.get(id(e), e), gender) for e, gender in self.speakers]
        return Saved(list(copies.values()), speakers, dict(self.documents), list(self.mentioned))

    def restore(self, saved: Saved) -> None:
        """Undo everything done since `saved = self.snapshot()`: new parties, new speakers, and
        what was added to the parties known before."""
        self.entities, self.speakers = saved.entities, saved.speakers
        self.documents, self.mentioned = saved.documents, saved.mentioned

    def issued(self, document: str, entity: Entity) -> None:
        """`entity` issued a document of this kind ("بيان", "تقرير", "statement")."""
        self.documents[document] = entity.key

    def issuer(self, document: str | None, fallback: bool = True) -> Entity | None:
        """Who issued the document an anaphor names ("وفقا للبيان"): the issuer of the latest such
        document, else (with `fallback`: a speaker's own document, such as a statement) the
        latest speaker; None when unknown ("بحسب التقرير" with no report's author named
        before: the report itself is the source)."""
        key = self.documents.get(document or "")
        if key is not None:
            return self.entity(key)
        return self.speakers[-1][0] if self.speakers and fallback else None

    def mention(self, entity: Entity) -> None:
        """`entity` was named (a candidate for "من جانبه" and "for its part")."""
        self.mentioned.append(entity.key)

    def latest_mention(self, gender: str | None = None) -> Entity | None:
        """The party named last (agreeing with `gender` when it is known)."""
        for key in reversed(self.mentioned):
            entity = self.entity(key)
            if gender is None or entity.gender in {None, gender}:
                return entity
        return None

    def entity(self, key: str) -> Entity:
        """The entity with `key`."""
        return next(e for e in self.entities if e.key == key)

    def parties(self) -> tuple[Party, ...]:
        """The parties met, as frozen values."""
        return tuple(Party(e.key, tuple(e.spans), e.name) for e in self.entities)


@lru_cache(maxsize=1)
def _head_kinds() -> dict[str, tuple[str, ...]]:
    """data/references.yaml: a bare head noun -> the gazetteer kinds of the party it names."""
    raw = section(bundled("references.yaml"), "heads", "references.yaml")
    if not isinstance(raw, dict):
        raise ConfigError("references.yaml: 'heads' must map nouns to lists of kinds")
    return {str(k): tuple(str(v) for v in values) for k, values in raw.items()}
