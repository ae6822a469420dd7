"""The data model: every value the stages pass along, frozen and commented.

A run starts from an `Article` (what a reader produced), becomes a `Document` (sentences, then
translations, then who said what and the summary) and ends in a writer. Nothing here imports
another module of the package: every layer may use these values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, get_args

SentenceKind = Literal["headline", "heading", "body", "boilerplate"]
ClaimKind = Literal[
    "statement",
    "accusation",
    "demand",
    "denial",
    "threat",
    "report",
    "assessment",
    "event",
    "commentary",  # the outlet's own opinion (evaluative words, questions): never stated as fact
]
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)  # the same list, for validation
Voice = Literal["attributed", "outlet"]
Gender = Literal["m", "f", "p"]  # of an Arabic verb: he, she (or a non-human plural), they
SummaryOrigin = Literal["rules", "llm"]
SOURCE_LANGUAGES = ("ar", "en")
DEVICES = ("auto", "cpu", "cuda")  # where translation runs; auto picks CUDA when present
BACKENDS = ("auto", "ct2", "torch")  # auto: ct2 when CTranslate2 is installed
Progress = Callable[[int, int], None]  # (units done, units in all), called as work goes on


@dataclass(frozen=True)
class SourceInfo:
    """Where an article came from, as its reader found it (JSON `source`)."""

    kind: str = "text"  # text, html, docx, pdf
    url: str | None = None  # the page's address (fetched, or its canonical link)
    site_name: str | None = None  # the site's name (names the outlet when the text does not)
    author: str | None = None
    date: str | None = None  # only when the page states it (YYYY-MM-DD)
    title: str | None = None


@dataclass(frozen=True)
class Article:
    """An article as a reader produced it, before any processing."""

    name: str  # where it came from, for messages ("stdin", a path)
    text: str  # the decoded text, line structure kept
    encoding: str = "utf-8"  # how its bytes were decoded
    warnings: tuple[str, ...] = ()  # what reading it found (bytes replaced, ...)
    source: SourceInfo = field(default_factory=SourceInfo)  # its type and page metadata


@dataclass(frozen=True)
class RunOptions:
    """What a run does, independent of where its input comes from."""

    source_lang: str = "ar"  # "ar" translates; "en" passes English through untranslated
    parties_file: str | None = None  # extra gazetteer (SUMMARIZE_PARTIES_FILE); None: env or none
    outlet: str | None = None  # the outlet's name, given by the user (--outlet); None: found
    max_sentences: int = 0  # refuse longer articles before translating (0: no limit)
    glossary: str | None = None  # a glossary file (--glossary, SUMMARIZE_GLOSSARY); None: none


@dataclass(frozen=True)
class Segment:
    """One unit of the source text, as segmentation found it."""

    paragraph: int  # index of the paragraph (0-based) the unit belongs to
    kind: SentenceKind  # headline (first-line title), heading, body sentence, or boilerplate
    text: str  # normalised source text


@dataclass(frozen=True)
class Sentence:
    """A source unit with its translation."""

    id: int  # position in the document (0-based), stable across formats
    paragraph: int  # paragraph index (0-based)
    kind: SentenceKind  # see Segment.kind
    source: str  # normalised source text
    translation: str  # English text ("" for boilerplate, which is not translated)
    pieces: int = 1  # how many pieces the unit was split into to fit the model's input limit
    redecoded: bool = False  # True when the repetition guard re-decoded this unit
    confidence: float | None = None  # the model's mean log-probability per token (None: none)
    low_confidence: bool = False  # under the model's min_confidence (models.yaml): double-check


@dataclass(frozen=True)
class Claim:
    """What one body sentence asserts, and on whose authority."""

    id: int  # position in the claims list
    sentence_ids: tuple[int, ...]  # the sentences it rests on
    voice: Voice  # attributed (a party said it) or outlet (the article's own voice)
    party: str  # neutral English name of the party; the outlet's name for outlet voice
    party_source: str | None  # the span naming the party in the source text (null for outlet)
    cue: str | None  # reporting verb or phrase as written in the source
    kind: ClaimKind  # statement, accusation, demand, denial, threat, report, assessment, event
    text: str  # the English sentence
    quotes: tuple[str, ...]  # quotations in the English text, verbatim
    via: str | None = None  # who relayed it ("the agency quoted a source"): the conduit's name
    also: str | None = None  # a second speaker in the same sentence, by name
    construction: str = "outlet"  # which construction decided the party (see ATTRIBUTION.md)
    cue_offsets: Offsets | None = None  # [start, end) of the cue in the source sentence
    party_offsets: Offsets | None = None  # [start, end) of the party's span in the source


@dataclass(frozen=True)
class DisputeAccount:
    """One party's side of a dispute."""

    party: str
    figure: str  # the number as the party gives it; for a denial, its position ("denied")
    claim_ids: tuple[int, ...]  # the claims it rests on


@dataclass(frozen=True)
class Dispute:
    """Parties giving different figures of one kind (deaths, injuries, ...), or a party
    denying what another said (what "statement")."""

    what: str  # kind of figure: deaths, injuries, arrests, trucks, displaced, prices; or statement
    label: str  # how an item names it ("Death toll")
    accounts: tuple[DisputeAccount, ...]  # each party's figure, in the article's order


@dataclass(frozen=True)
class SummaryItem:
    """One line of the summary."""

    text: str  # one sentence naming its party, neutral wording
    party: str  # whose claim it reports
    claim_ids: tuple[int, ...]  # claims it rests on
    sentence_ids: tuple[int, ...]  # sentences those claims rest on
    origin: SummaryOrigin = "rules"  # who wrote it: the rules, or the LLM (then it was verified)


@dataclass(frozen=True)
class LoadedTerm:
    """A loaded word found in the article."""

    term: str  # as written (English in translations, Arabic in the source)
    sentence_id: int  # where
    used_by: str  # the party whose words they are, or the outlet's name
    in_quotes: bool  # inside quotation marks in that sentence


@dataclass(frozen=True)
class Analysis:
    """Who said what, and the summary."""

    outlet: str | None  # the outlet's English name when found; None: "the outlet" stands in
    claims: tuple[Claim, ...]  # one per body sentence, in order
    summary: tuple[SummaryItem, ...]  # most important first
    loaded_terms: tuple[LoadedTerm, ...]  # in reading order
    outlet_source: str | None = None  # how the text names the outlet (its own language)
    disputes: tuple[Dispute, ...] = ()  # parties giving different figures of one kind


@dataclass(frozen=True)
class Party:
    """A party the attribution found, before it has an English name."""

    key: str  # stable id within the article ("e1", ...)
    spans: tuple[str, ...]  # how the article named it, in order (Arabic for Arabic input)
    name: str | None  # neutral English name from the gazetteer; None until translated


Offsets = tuple[int, int]  # [start, end) character offsets in a sentence's source text


@dataclass(frozen=True)
class Attribution:
    """What the rules decided for one body sentence, and the evidence."""

    sentence_id: int  # the sentence
    party: str | None  # the Party's key; None: the outlet's own voice
    span: str | None  # the span naming the party in this sentence (None for a continuation)
    cue: str | None  # the reporting verb or phrase, as written
    kind: ClaimKind  # statement, accusation, ...
    construction: str = "outlet"  # the construction that decided (verb-subject, relay, ...)
    cue_offsets: Offsets | None = None  # where the cue is in the source sentence
    span_offsets: Offsets | None = None  # where the speaker's span is in the source sentence
    via: str | None = None  # key of the party that relayed the claim (a relay's conduit)
    also: str | None = None  # key of a second speaker in the same sentence


@dataclass(frozen=True)
class Attributions:
    """Who said what, as the attribution stage leaves it for naming and claims."""

    sentences: tuple[Attribution, ...]  # one per body sentence, in order
    parties: tuple[Party, ...]  # every party the discourse met, in order of first mention
    outlet_span: str | None  # how the article names its outlet (source language)
    outlet_known: str | None  # the outlet's English name when known without translation
    names: tuple[tuple[str, str], ...] = ()  # (party key, English name) once named
    outlet_name: str | None = None  # the outlet's English name once named


@dataclass(frozen=True)
class SummarizerReport:
    """How the summary was written: by the rules, or by an LLM with the rules filling in."""

    llm: str | None = None  # the LLM's model id when one was asked; None: the rules alone
    llm_items: int = 0  # items the LLM wrote that passed the verifier
    rules_items: int = 0  # items the rules filled in for the LLM
    rejected: int = 0  # LLM items (or malformed lines) rejected
    proposed: int = 0  # what `rejected` is counted out of
    skipped: str | None = None  # why the LLM was not asked ("article too long for the model")

    @property
    def label(self) -> str:
        """The JSON's `models.summarizer`: "rules", "llm:<id>", "llm:<id> + rules (...)"."""
        if self.llm is None:
            return "rules"
        if self.skipped:
            return f"rules (llm: {self.skipped})"
        if not self.rules_items:
            return f"llm:{self.llm}"
        note = f"llm: {self.rejected} of {self.proposed} items rejected"
        return f"llm:{self.llm} + rules ({note})" if self.llm_items else f"rules ({note})"

    @property
    def fell_back(self) -> bool:
        """True when an LLM was asked but the rules wrote some or all of the summary."""
        return self.llm is not None and bool(self.skipped or self.rules_items)


@dataclass(frozen=True)
class ModelsUsed:
    """The models behind a document (the JSON's `models`)."""

    translator: str | None = None  # translation model id; None when nothing was translated
    translator_engine: str | None = None  # "ct2 int8 cpu", "torch cpu"; None when not translated
    summarizer: SummarizerReport | None = None  # None until a summary is written


@dataclass(frozen=True)
class Document:
    """A processed article: what every output format is rendered from.

    The stages fill it in turn; `provided` says which facets are there ("text", "sentences",
    "translations", "attributions", "names", "claims", "summary").
    """

    source_language: str  # ISO 639-1 code of the input ("ar" or "en")
    sentences: tuple[Sentence, ...] = ()  # in reading order
    models: ModelsUsed = field(default_factory=ModelsUsed)  # what translated and summarized
    warnings: tuple[str, ...] = ()  # things the user should know (re-decodes, splits)
    analysis: Analysis | None = None  # claims and summary (`summarize run`), None for translation
    name: str = "input"  # the input's name, for messages
    text: str = ""  # the article as read (before segmentation)
    encoding: str | None = None  # how the input's bytes were decoded (None: given as text)
    source: SourceInfo = field(default_factory=SourceInfo)  # type and metadata of the input
    attributions: Attributions | None = None  # the attribution stage's findings
    provided: frozenset[str] = frozenset()  # facets the stages have filled in

    def paragraphs(self) -> list[list[Sentence]]:
        """Sentences grouped by paragraph, in order."""
        groups: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            groups.setdefault(sentence.paragraph, []).append(sentence)
        return [groups[key] for key in sorted(groups)]

    def body(self) -> list[Sentence]:
        """The body sentences, in order."""
        return [s for s in self.sentences if s.kind == "body"]
