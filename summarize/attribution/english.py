"""The English reader: who an English sentence attributes its claim to.

Used for English input (--source-lang en) and, for Arabic input, as a second signal on the
translation (engine.py keeps its reading only when it names a gazetteer party).
"""

from __future__ import annotations

import re

from ..lang.arabic import QUOTE_MARKS
from ..lang.gazetteer import match_english, party_name
from ..model import ClaimKind
from .discourse import OUTLET, Discourse, Entity, Mention, Reading

# A noun phrase up to punctuation; the period of an abbreviation (Dr., U.N.) does not end it.
_SPAN = r"(?:[^,.;:]|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bProf)\.|(?<=\b[A-Z])\.)+"
_DATELINE = re.compile(r"^[A-Z][\w' .-]{0,40}? [-–—] (\([^)]{1,30}\) [-–—] )?")
_PERSONAL_NAME = re.compile(r"\b[A-Z][a-z]+ (al-|el-)?[A-Z][a-z]+\b")
_LONGEST_SUBJECT = 28  # words before the cue
_LONGEST_SPAN = 20  # words of a speaker span


def content_words(span: str, stop: frozenset[str]) -> set[str]:
    """Content words of an English name, for matching later mentions."""
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", span.lower().replace("’", "'"))
    return {w.removesuffix("'s") for w in words if w not in stop}


class EnglishReader:
    """Attribution of one English sentence against the discourse so far."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        self.text = _DATELINE.sub("", text, count=1)
        self.discourse = discourse
        self.cues = discourse.cues

    def entity_for(self, span: str) -> Entity | None:
        """The party `span` names, registered in the discourse."""
        span = span.strip(' ,“”"«»')
        if not span:
            return None
        mentions = [e for _, e in match_english(span, self.discourse.gazetteer)]
        # English may name the head late ("the UN Office for ... (OCHA)"): the longest alias wins
        low = span.lower()
        longest = max(
            mentions,
            key=lambda e: max((len(a) for a in e.en if a in low), default=0),
            default=None,
        )
        entry, name = party_name(mentions, longest)
        person = bool(self.cues.en_person.search(span)) or bool(
            entry is None and _PERSONAL_NAME.search(span)
        )
        tokens = frozenset(content_words(span, self.cues.en_stop))
        return self.discourse.resolve(Mention(span, tokens, entry, name or span, person))

    def _said(self, entity: Entity | None, span: str | None, cue: str, kind: ClaimKind) -> Reading:
        if entity is None:
            return OUTLET
        self.discourse.said(entity, None)
        return Reading(entity, span, cue, kind)

    def _pronoun(self, pronoun: str, cue: str, kind: ClaimKind) -> Reading:
        sort = self.cues.en_pronouns[pronoun]
        person = None if sort == "p" else sort in {"m", "f"}
        entity = self.discourse.recent_speaker(None, person)
        return self._said(entity, None, cue, kind)

    def _according(self, text: str) -> Reading | None:
        for phrase in self.cues.en_according:
            match = re.search(
                rf"\b{re.escape(phrase)} ({_SPAN})(,\s*([A-Z][^,]{{0,40}}),)?",
                text,
                re.IGNORECASE,
            )
            if match and phrase in {"according to", "as reported by"}:
                # "a brief statement issued by X" / "a report by X": the party is X
                span = self.cues.en_issued_by.sub("", match.group(1))
                if match.group(3) and len(match.group(3).split()) <= 5:
                    span = f"{span}, {match.group(3)}"
                return self._said(
                    self.entity_for(span), span, match.group(0)[: len(phrase)], "report"
                )
        return None

    def _subject(self, subject: str) -> tuple[str, str | None]:
        """The speaker span before a cue, without introductory and filler segments; and the
        issuer named in one ("In a statement by the ministry, ..."), if any."""
        segments = [s.strip() for s in subject.split(",")]
        issuer = None
        while segments and (
            segments[0].lower() in self.cues.en_prefixes
            or self.cues.en_filler.match(segments[0])
            or not segments[0]
        ):
            by = re.search(r"\bby (the [\w ]+|[A-Z][\w ]+)$", segments[0])
            issuer = by.group(1) if by else issuer
            segments.pop(0)
        segments = [s for s in segments if s and not self.cues.en_filler.match(s)]
        return ", ".join(segments), issuer

    def _verb(self, text: str) -> Reading | None:
        """ "<speaker> <cue> ...": the subject before the first reporting verb."""
        match = self.cues.en_verb_pattern.search(text)
        if not match or len(text[: match.start()].split()) > _LONGEST_SUBJECT:
            return None
        span, issuer = self._subject(text[: match.start()])
        words = span.split()
        cue = match.group(1)
        kind = self.cues.en_verbs[cue.lower()]
        first = words[0].lower() if words else ""
        # "continued" is a cue only for someone already speaking ("He continued:"), not for
        # "Fighting continued".
        known = (
            first in self.cues.en_pronouns
            or bool(match_english(span, self.discourse.gazetteer))
            or any(
                content_words(span, self.cues.en_stop) <= e.tokens
                for e, _ in self.discourse.speakers
            )
        )
        if cue.lower() in self.cues.en_weak_cues and not known:
            return None
        if len(words) <= 2 and first in self.cues.en_pronouns:
            if issuer:
                return self._said(self.entity_for(issuer), issuer, cue, kind)
            return self._pronoun(first, cue, kind)
        if 0 < len(words) <= _LONGEST_SPAN and not self.cues.en_clause.search(span):
            return self._said(self.entity_for(span), span, cue, kind)
        return None

    def read(self) -> Reading:
        """The sentence's speaker, cue and kind (OUTLET when it names none)."""
        text = self.text
        low = text.lower()
        for phrase in self.cues.en_continuation:
            if low.startswith(phrase):
                return self._said(
                    self.discourse.recent_speaker(None), None, text[: len(phrase)], "statement"
                )
        if re.match(r"^(however, |but )?according to\b", low):
            found = self._according(text)
            if found:
                return found
        found = self._verb(text) or self._according(text)
        if found:
            return found
        if text[:1] in QUOTE_MARKS:
            return self._said(self.discourse.recent_speaker(None), None, "", "statement")
        return OUTLET

    def mentions(self) -> None:
        """Register the gazetteer parties a sentence names."""
        for _, entry in match_english(self.text, self.discourse.gazetteer):
            tokens = frozenset(content_words(" ".join(entry.en), self.cues.en_stop))
            self.discourse.resolve(Mention(entry.name, tokens, entry, entry.name))
