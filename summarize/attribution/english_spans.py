"""English speaker spans: subjects before their verbs, appositions, auxiliaries, leading
adverbials, the cues that report, and the discourse's entities."""

from __future__ import annotations

import re

from ..lang import gazetteer as gz
from ..lang.dateline import english_dateline
from ..lang.gazetteer import english_country, match_english, party_name
from ..lang.quotes import closed, inside, quote_spans, trim_span
from ..model import ClaimKind
from .discourse import OUTLET, Discourse, Entity, Mention, Range, Reading
from .english_joint import joint_party
from .english_names import DETERMINERS as _DETERMINERS
from .english_names import titled_persons
from .lexicon_en import EnglishCue, content_words, load_english

_OWNER = re.compile(  # "the agency's figures", "a ministry statement": whose document
    r"^(?P<owner>(?:the |a |an )?[\w' -]{2,60}?)(?:'s|’s)(?: \w+){0,2} (?P<doc>\w+)$"
    r"|^(?:the |a |an )(?P<noun>[\w-]+(?: [\w-]+)?) (?P<doc2>\w+)$",
    re.I,
)
_WHAT_SAID = re.compile(
    r"^what (?:the |his |her |their |its )?(?P<who>.{2,60}?) (?:has |have |had )?"
    r"(?:announced|said|stated|reported|told|revealed|confirmed)\b",
    re.I,
)
_RELATIVE = re.compile(r"\s(?:who|which|that|whom)\s")
_PERSONAL_NAME = re.compile(r"\b[A-Z][a-z]+ (al-|el-)?[A-Z][a-z]+\b")
_PROPER_NAME = re.compile(  # (after an abbreviated honorific: "Dr. Rana Salim")
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Eng|Gen|Col|Lt)\.\s*)?"
    r"(?:(?:[A-Z][\w'’-]+|al-\w+|el-\w+|bin|ben|ould|Ould|de|van)\s*){2,5}"
)
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St|Gen|Col|Lt|Jr|Sr|Sheikh)$")
_WORD = re.compile(r"[\w'’-]+")
_LONGEST_SPAN = 20  # words
_LIST_ITEM = re.compile(r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")  # "Germany"


_PLACE = re.compile(r"\bin ((?:the )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s*$")  # "... in Gaza"


class EnglishSpans:
    """One English sentence: its spans and cues, against the discourse so far."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        dateline = english_dateline(text)
        self.start = dateline.end() if dateline else 0
        self.text = text
        self.discourse = discourse
        self.lex = load_english()
        self.quotes = quote_spans(text)

    def entity_for(self, span: str) -> Entity | None:
        """The party `span` names, registered in the discourse."""
        span = trim_span(span)
        if not span:
            return None
        mentions = [e for _, e in match_english(span, self.discourse.gazetteer)]
        if self.lex.anonymous_sources.match(span) or all(gz.owner_only(e, span) for e in mentions):
            mentions = []  # "sources in the Defence Ministry", "Lebanon's General Security"
        # English may name the head late ("the UN Office for ... (OCHA)"): the longest alias wins
        low = span.lower()
        longest = max(
            mentions,
            key=lambda e: max((len(a) for a in e.en if a in low), default=0),
            default=None,
        )
        entry, name = party_name(mentions, longest, english_country(span))
        joint = joint_party(low, mentions, span)
        if joint is not None:  # "Both UNHCR and the IOM": one joint party
            entry, name = None, joint or re.sub(r"^both\s+", "", span, flags=re.IGNORECASE)
        elif len(mentions) >= 2 and all(m.kind == "government" for m in mentions):
            entry, name = None, span  # "the embassies of France, Germany and Italy": theirs
        if not name and span[:1].islower() and span.split()[0] not in _DETERMINERS:
            name = None if span.endswith("s") else f"the {span}"  # his defence team: the ...
        place = _PLACE.search(span)
        if entry is not None and name and entry.kind == "ministry" and place:
            name = f"{name} in {place.group(1)}"  # "the Health Ministry in Gaza" keeps its place
        person = bool(self.lex.person_titles.search(span)) or bool(
            entry is None
            and _PERSONAL_NAME.search(span)
            and not self.lex.institutions.search(span)  # "the Valley Relief Committee": it
        )
        tokens = frozenset(content_words(span, self.lex.stop_words))
        words = set(re.findall(r"[a-z]+", low))  # "the same source": the latest speaker
        rest = words - self.lex.same - {"the"}
        if words & self.lex.same and rest and rest <= {"source", "sources"}:
            same = self.discourse.same_source(span, tokens)
            if same is not None:
                return same
        entity = self.discourse.resolve(Mention(span, tokens, entry, name or span, person))
        self.discourse.mention(entity)
        return entity

    def _said(
        self,
        entity: Entity | None,
        span: Range | None,
        cue: Range | None,
        kind: ClaimKind,
        construction: str,
        gender: str | None = None,
    ) -> Reading:
        if entity is None or entity is self.discourse.reporter:
            return OUTLET  # (the outlet's own reporter, continued: its voice)
        self.discourse.said(entity, gender)
        text = trim_span(self.text[span[0] : span[1]]) if span else None
        return Reading(
            entity,
            text or None,
            self.text[cue[0] : cue[1]] if cue else None,
            kind,
            construction,
            cue,
            span,
        )

    def _pronoun(
        self, pronoun: str, cue: Range, kind: ClaimKind, topic: Entity | None = None
    ) -> Reading:
        """he/she/it/they: the topic when there is one ("As for X, it said"), else the latest
        speaker who agrees (a person for he/she, an organisation for it)."""
        if topic is not None:
            return self._said(topic, None, cue, kind, "topic")
        sort = self.lex.pronouns[pronoun]
        person = None if sort == "p" else sort in {"m", "f"}
        entity = self.discourse.recent_speaker(None, person)
        return self._said(entity, None, cue, kind, "continuation")

    def _attributed_line(self, clause: int) -> Reading | None:
        """ "Health Ministry in Gaza: 14 killed": a known party or a titled person, a colon, its
        words; never a clause with a cue of its own ("The minister said: ...")."""
        colon = self.text.find(":", clause, clause + 60)
        if colon <= clause or len(self.text[clause:colon].split()) > 7:
            return None
        span = self._trim(clause, colon)
        if span is None or self.lex.pattern.search(self.text, span[0], span[1]):
            return None
        name = self.text[span[0] : span[1]]
        if not (
            match_english(name, self.discourse.gazetteer) or self.lex.person_titles.search(name)
        ):
            return None
        return self._said(self.entity_for(name), span, (colon, colon + 1), "statement", "headline")

    def _quoted(self, position: int) -> bool:
        return inside(position, self.quotes)

    def _trim(self, start: int, end: int) -> Range | None:
        """The noun phrase in text[start:end]: without surrounding punctuation, quote marks and
        a leading article-less filler; None when nothing is left."""
        while start < end and not self.text[start].isalnum():
            start += 1
        while end > start and not self.text[end - 1].isalnum() and self.text[end - 1] != ")":
            end -= 1
        # a bracket or quoted name opened inside closes inside: 'Mission (ATMIS)', 'firm "Blue"'
        while end < len(self.text) and self.text[end] in ')”"»':
            if trim_span(self.text[start : end + 1]) != self.text[start : end + 1] or (
                self.text[end] == ")"
                and self.text.count("(", start, end) <= self.text.count(")", start, end)
            ):
                break
            end += 1
        if start > 0 and self.text[start - 1] in '“"«' and closed(self.text[start - 1 : end], 0):
            start -= 1  # the “Tribal Army”
        return (start, end) if start < end else None

    def _strip_auxiliaries(self, start: int, end: int) -> tuple[int, bool, bool]:
        """End of a subject before its verb, without auxiliaries and adverbs ("had previously");
        and whether they made the verb passive or negated it."""
        passive = negated = False
        words = list(_WORD.finditer(self.text, start, end))
        while words:
            word = words[-1].group().lower()
            if "," in self.text[words[-1].end() : end]:
                break  # "X, which ... publicly, expressed": the adverb closes an aside
            if word in self.lex.passive:
                passive = True
            elif word in {"not", "never", "no"} or word.endswith("n't"):
                negated = True
            elif word not in self.lex.auxiliaries and word not in {"yet", "to"}:
                break
            end = words[-1].start()
            words.pop()
        return end, passive, negated

    def _leading(self, start: int, limit: int) -> int:
        """Skip leading adverbial segments ("In this context,", "On the other hand,")."""
        while True:
            comma = self.text.find(",", start, limit)
            if comma < 0:
                return start
            segment = self.text[start:comma].strip().lower()
            first = segment.split(" ", 1)[0] if segment else ""
            if segment in self.lex.prefixes or first in self.lex.leading_words:
                start = comma + 1
                continue
            return start

    def _tail(self, start: int, end: int) -> str:
        """The words between the last comma and the verb, without filler phrases ("for his
        part")."""
        last = self.text.rfind(",", start, end)
        tail = self.text[last + 1 : end].strip().lower() if last >= 0 else ""
        for prefix in self.lex.prefixes:
            if tail == prefix or tail.startswith(prefix + " "):
                tail = tail[len(prefix) :].strip()
        return tail

    def _head(self, start: int, end: int) -> Range | None:
        """The subject in text[start:end]. With no comma, all of it; when the verb follows a
        comma, the first segment (the others are appositions and relative clauses: "X, who
        ..., said"), or a personal name in apposition ("The minister, Alaa Marzouk, said");
        when words stand between the last comma and the verb, those words ("In Baqa'a camp,
        the largest camp, residents said"), unless they open a relative clause ("a source,
        who asked": the cue is not this clause's)."""
        last = self.text.rfind(",", start, end)
        if last < 0:
            return self._noun_phrase(self._trim(start, end))
        tail = self._tail(start, end)
        if tail:
            first_word = tail.split()[0]
            if first_word in self.lex.clause_words or first_word in self.lex.apposition_starts:
                return None
            listed = self._list_start(start, last) if " and " in f" {tail} " else None
            begin = listed if listed is not None else end - len(tail) - 1
            return self._noun_phrase(self._trim(begin, end))
        segments = [(a, b) for a, b in self._segments(start, last) if self.text[a:b].strip()]
        if len(segments) >= 2:
            name = self._trim(*segments[-1])
            if name is not None and _PROPER_NAME.fullmatch(self.text[name[0] : name[1]]):
                return name  # "The qaimmaqam of Amadiya, Sarbast Sabri, announced"
        return self._noun_phrase(self._trim(*segments[0])) if segments else None

    def _list_start(self, start: int, last: int) -> int | None:
        """Where a list of names before the verb starts ("Egypt, Jordan and Qatar", "the
        embassies of France, Germany and Italy"): the segments before the last comma that are
        short names, and the one they continue (ending with a name); None when there are none."""
        segments = [(a, b) for a, b in self._segments(start, last) if self.text[a:b].strip()]
        k = len(segments)
        while k > 0 and _LIST_ITEM.fullmatch(self.text[slice(*segments[k - 1])].strip()):
            first = self.text[slice(*segments[k - 1])].split()[0].lower()
            if first in self.lex.leading_words or first in self.lex.time_words:
                break  # "On Monday, Egypt and Jordan": an adverbial, not a list item
            k -= 1
        if k == len(segments):
            if k > 0 and re.search(  # "the Minister of Information, Culture and Tourism X"
                r"\b(?:of|for)\s+[A-Z][\w'’-]*\s*$", self.text[slice(*segments[k - 1])]
            ):
                return segments[k - 1][0]
            return None
        if k > 0 and re.search(
            r"\b(?:of|for)\s+[A-Z][\w'’-]*\s*$", self.text[slice(*segments[k - 1])]
        ):
            k -= 1  # "the embassies of France, Germany ...": the head the names continue
        return segments[k][0]

    def _segments(self, start: int, end: int) -> list[Range]:
        """Comma-separated ranges of text[start:end]."""
        found, at = [], start
        while True:
            comma = self.text.find(",", at, end)
            if comma < 0:
                found.append((at, end))
                return found
            found.append((at, comma))
            at = comma + 1

    def _noun_phrase(self, head: Range | None) -> Range | None:
        """`head` cut before a participle ("One of the nurses working at ..."), or None
        when it is not a noun phrase (a clause, an adverbial, too long)."""
        if head is None:
            return None
        words = list(_WORD.finditer(self.text, head[0], head[1]))
        if not words or len(words) > _LONGEST_SPAN:
            return None
        lowered = [w.group().lower() for w in words]
        while lowered and lowered[0] in self.lex.conjunctions:
            words, lowered = words[1:], lowered[1:]
        if not words or lowered[0] in self.lex.leading_words:
            return None
        if any(w in self.lex.clause_words or w in self.lex.main_verbs for w in lowered):
            return None  # "a man who saw it", "The case goes back to posts X": a clause
        for index, word in enumerate(lowered[2:], start=2):
            if word.endswith("ing") and len(word) > 5 and words[index].group()[0].islower():
                return self._trim(words[0].start(), words[index - 1].end())
        return self._trim(words[0].start(), words[-1].end())

    def _cue_ok(self, match: re.Match[str], cue: EnglishCue) -> bool:
        """A cue that reports: not inside a quotation, not part of a name ("the Algeria Press
        Service"), not after a determiner ("an informed source"), not an infinitive of another
        verb ("is scheduled to consider"), and with the word it needs ("held X responsible")."""
        if self._quoted(match.start()):
            return False
        word = match.group(1)
        before = self.text[: match.start()].split()
        if before and word[:1].isupper():
            return False
        previous = before[-1].lower() if before else ""
        if previous in _DETERMINERS:
            return False
        if previous == "to" and (
            len(before) < 2 or before[-2].lower() not in self.lex.infinitive_carriers
        ):
            return False
        speech = self.lex.replies_with.get(cue.lemma)
        after_words = self.text[match.end() :].lower().split()
        if speech and after_words and after_words[0] in {"with", "by"}:
            rest = " ".join(after_words[1:5])
            return any(rest.startswith(w) for w in speech)  # "responded with fire": an act
        needed = self.lex.needs.get(cue.lemma)
        if needed:
            after = " " + " ".join(self.text[match.end() :].lower().split()[:12])
            return any(f" {w}" in after for w in needed)
        return True

    def _cues(self, start: int) -> list[tuple[re.Match[str], EnglishCue]]:
        return [
            (m, self.lex.cues[m.group(1).lower()])
            for m in self.lex.pattern.finditer(self.text, start)
            if not self._quoted(m.start())
        ]

    def _document(self, words: list[str]) -> str | None:
        """The document a short phrase refers back to ("the statement", "the same report")."""
        if not words or len(words) > 4:
            return None
        found = next((w for w in words if w in self.lex.documents), None)
        others = [w for w in words if w != found]
        if found and all(w in self.lex.same or w in _DETERMINERS for w in others):
            return found
        return None

    def owner(self, begin: int, stop: int) -> tuple[int, int, str | None]:
        """Narrow an according-to or relayed span to whose words they are: the owner of a
        document ("the agency's figures", "a ministry statement": the agency, the ministry),
        the one in "what his lawyers announced", the head before a relative clause ("banking
        sources who spoke to ..."). Returns the new bounds and the document named, if any."""
        while begin < stop and self.text[begin].isspace():
            begin += 1
        text = self.text[begin:stop]
        said = _WHAT_SAID.match(text)
        if said:
            return begin + said.start("who"), begin + said.end("who"), None
        relative = _RELATIVE.search(text)
        if relative:
            stop = begin + relative.start()
            text = self.text[begin:stop]
        owned = _OWNER.match(text)
        if owned:
            document = (owned.group("doc") or owned.group("doc2") or "").lower()
            noun = (owned.group("noun") or "").lower().split()
            if document in self.lex.documents and not set(noun) & self.lex.same:
                group = "owner" if owned.group("owner") else "noun"
                return begin + owned.start(group), begin + owned.end(group), document
        return begin, stop, None

    def _stop(self, start: int) -> int:
        """The next comma or full stop after `start` that ends a phrase (not "Dr.", not 2.5)."""
        for match in re.finditer(r"[,.]", self.text[start:]):
            at = start + match.start()
            if 0 < at < len(self.text) - 1 and self.text[at - 1 : at + 2 : 2].isdigit():
                continue  # "21,000", "2.5": inside a figure
            if self.text[at] == "." and (
                _ABBREVIATION.search(self.text[:at])
                or (at + 1 < len(self.text) and self.text[at + 1].isalnum())
            ):
                continue
            return at
        return len(self.text)

    def mentions(self) -> None:
        """Register the gazetteer parties a sentence names, and the persons it introduces by
        title and name ("Italian Interior Minister Gianluca Moretti arrived ..."), so that later
        short forms ("Moretti", "the Italian minister", "For his part") resolve to them."""
        for _, entry in match_english(self.text, self.discourse.gazetteer):
            tokens = frozenset(content_words(" ".join(entry.en), self.lex.stop_words))
            entity = self.discourse.resolve(Mention(entry.name, tokens, entry, entry.name))
            self.discourse.mention(entity)
        for span in titled_persons(self.text, self.lex, self.discourse.gazetteer):
            if any(span in e.spans for e in self.discourse.entities):
                continue  # the speaker, registered already
            tokens = frozenset(content_words(span, self.lex.stop_words))
            entity = self.discourse.resolve(Mention(span, tokens, None, span, person=True))
            self.discourse.mention(entity)
