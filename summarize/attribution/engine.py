"""Attribution over a document: every body sentence read in order, as one discourse."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.gazetteer import Gazetteer
from ..model import Attribution
from .arabic import ArabicReader
from .cues import Cues
from .discourse import Discourse, Reading
from .english import EnglishReader


def _english_signal(english: str, discourse: Discourse) -> Reading | None:
    """The English reading of a sentence, kept only when it names a gazetteer party; a rejected
    reading leaves the discourse as it was."""
    saved = discourse.snapshot()
    result = EnglishReader(english, discourse).read()
    if result.entity is not None and result.entity.entry is not None and result.span:
        return result
    discourse.restore(saved)
    return None


def read_sentences(
    texts: Sequence[str],
    language: str,
    translations: Sequence[str] | None = None,
    parties_file: str | None = None,
) -> tuple[list[Attribution], Discourse]:
    """`attribute` over plain texts (sentence ids 0, 1, ...), with the bundled data and the
    user's parties file: the rules on sentences of your own."""
    from ..lang.gazetteer import load_gazetteer
    from .cues import load_cues

    sentences = list(enumerate(texts))
    return attribute(sentences, language, load_cues(), load_gazetteer(parties_file), translations)


def attribute(
    sentences: Sequence[tuple[int, str]],
    language: str,
    cues: Cues,
    gazetteer: Gazetteer,
    translations: Sequence[str] | None = None,
) -> tuple[list[Attribution], Discourse]:
    """Attribution for each (sentence id, text), in order (they form one discourse).

    For Arabic, `translations` (the English of each sentence) are a second signal: when the
    Arabic rules find no speaker but the English names a gazetteer party as the subject of a
    reporting verb, that party is taken.
    """
    discourse = Discourse(cues, gazetteer)
    results = []
    for index, (sentence_id, text) in enumerate(sentences):
        reader: ArabicReader | EnglishReader = (
            ArabicReader(text, discourse) if language == "ar" else EnglishReader(text, discourse)
        )
        reading = reader.read()
        if reading.entity is None and language == "ar" and translations:
            reading = _english_signal(translations[index], discourse) or reading
        reader.mentions()
        key = reading.entity.key if reading.entity is not None else None
        results.append(Attribution(sentence_id, key, reading.span, reading.cue, reading.kind))
    return results, discourse
