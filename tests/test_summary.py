"""The neutral summary: structure, coverage of parties, wording, loaded words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from annotated import AnnotatedRun

from summarize.lang.arabic import tokenize
from summarize.lang.loaded import (
    arabic_matches,
    article_lexicon,
    english_matches,
    neutralize,
    quote_loaded,
)
from summarize.lang.quotes import outside_quotes
from summarize.model import Document, RunOptions, Sentence
from summarize.pipeline import analyze, run_document

FIXTURE = Path(__file__).parent / "fixtures" / "eval" / "fixture-jordan-water.json"
FORBIDDEN = re.compile(r"\b(claimed|admitted|revealed|exposed|insisted)\b", re.IGNORECASE)


@pytest.fixture(params=["own", "devset"])
def documents(request: pytest.FixtureRequest) -> list[Document]:
    """The English-mode documents of the suite's annotated article, then of the devset."""
    runs: list[AnnotatedRun] = request.getfixturevalue(f"{request.param}_runs")
    return [r.documents["en"] for r in runs]


def test_summary_shape_and_traceability(documents: list[Document]) -> None:
    for document in documents:
        analysis = document.analysis
        assert analysis is not None
        assert 3 <= len(analysis.summary) <= 8
        claims = {c.id: c for c in analysis.claims}
        body = {s.id for s in document.sentences if s.kind == "body"}
        for item in analysis.summary:
            assert item.claim_ids and set(item.claim_ids) <= set(claims)
            assert set(item.sentence_ids) == {
                s for c in item.claim_ids for s in claims[c].sentence_ids
            }
            assert set(item.sentence_ids) <= body
            parties = item.party.split("; ")  # a dispute's item names each side
            assert all(claims[c].party in parties for c in item.claim_ids)
    # that every party is heard is followed by the ratchet (tests/annotated.py)


def test_summary_wording_is_neutral(documents: list[Document]) -> None:
    for document in documents:
        assert document.analysis is not None
        for item in document.analysis.summary:
            outside = outside_quotes(item.text)
            assert not FORBIDDEN.search(outside), item.text
            assert not english_matches(outside), item.text
            claims = [c for c in document.analysis.claims if c.id in item.claim_ids]
            if claims[0].voice == "outlet":  # attributed: "According to X, ..." or "X found ..."
                assert item.text.startswith((f"According to {item.party},", item.party)), item.text
            else:
                assert all(p.lower() in item.text.lower() for p in item.party.split("; "))


def test_boilerplate_is_listed_not_translated_or_summarised(documents: list[Document]) -> None:
    for document in documents:
        assert document.analysis is not None
        boilerplate = {s.id for s in document.sentences if s.kind == "boilerplate"}
        assert all(not s.translation for s in document.sentences if s.id in boilerplate)
        cited = {s for c in document.analysis.claims for s in c.sentence_ids}
        cited |= {s for i in document.analysis.summary for s in i.sentence_ids}
        assert not cited & boilerplate


def test_loaded_words_outlet_voice_and_party_voice() -> None:
    text = "Forces of the regime shelled the town, and militias looted “criminal” shops."
    assert neutralize(text) == (
        "Forces of the government shelled the town, and armed groups looted “criminal” shops."
    )
    assert quote_loaded("the regime and its militias attacked") == (
        "the “regime” and its “militias” attacked"
    )
    # inflections and compounds are caught too (the evaluator counts them the same way)
    assert neutralize("in regime-controlled areas, pro-regime militias and the regime's aims") == (
        "in government-controlled areas, pro-government armed groups and the government's aims"
    )
    # inside a name or a title a loaded word is quoted as the writer's, never rewritten
    assert neutralize("the occupation army said") == "the “occupation” army said"
    assert neutralize("the Martyrs Brigade said", protect=["the Martyrs Brigade"]) == (
        "the “Martyrs” Brigade said"
    )
    assert [m[2] for m in english_matches("Regime-held towns")] == ["government"]
    # territory named by the side that holds it, and a euphemism for a price rise
    assert neutralize("Prices rose in the liberated areas.") == "Prices rose in the areas."
    assert neutralize("The price adjustment hit bakeries.") == "The price increase hit bakeries."
    assert quote_loaded("he said the price adjustment was late") == (
        "he said the “price adjustment” was late"
    )
    # a state named by its rulers' slogan is the country in the outlet's voice, quoted in a party's
    assert neutralize("Investors look to the new Libya for contracts.") == (
        "Investors look to Libya for contracts."
    )
    assert quote_loaded("the minister said the New Iraq would rebuild") == (
        "the minister said “the New Iraq” would rebuild"
    )
    assert neutralize("the new Iraqi cabinet met") == "the new Iraqi cabinet met"
    sentence = "وتمضي ليبيا الجديدة نحو الانتخابات"
    assert [sentence[a:b] for a, b in arabic_matches(tokenize(sentence))] == ["ليبيا الجديدة"]


def test_a_contested_name_is_loaded_only_where_the_article_names_the_group_otherwise() -> None:
    # "the displaced" for people the article calls refugees is the speaker's framing; in a
    # report on people displaced inside their own country it is the plain word
    refugees = article_lexicon(["Some 5,000 refugees crossed back over the border."])
    assert quote_loaded("it urged the return of the displaced", refugees) == (
        "it urged the return of “the displaced”"
    )
    assert neutralize("the return of the displaced began", refugees) == (
        "the return of the refugees began"
    )
    assert quote_loaded("the rains may leave them displaced again", refugees) == (
        "the rains may leave them displaced again"  # (a verb: no name for anyone)
    )
    at_home = article_lexicon(["The floods drove 2,000 families from the valley."])
    assert quote_loaded("it urged the return of the displaced", at_home) == (
        "it urged the return of the displaced"
    )
    article = (
        "Returns from the camps\n"
        "Some 5,000 Syrian refugees crossed back over the border this month, the agency said.\n"
        "The interior ministry said that the return of the displaced is now safe.\n"
    )
    document = run_document(article, None, RunOptions("en"))
    assert document.analysis is not None
    items = " ".join(i.text for i in document.analysis.summary)
    assert "“the displaced”" in items, items
    terms = {t.term: (t.used_by, t.in_quotes) for t in document.analysis.loaded_terms}
    assert terms["the displaced"] == ("the Interior Ministry", False)


def test_loaded_terms_are_recorded_with_who_used_them() -> None:
    document = run_document(json.loads(FIXTURE.read_text("utf-8"))["en"], None, RunOptions("en"))
    assert document.analysis is not None
    terms = {(t.term.lower(), t.in_quotes): t.used_by for t in document.analysis.loaded_terms}
    assert terms[("mafias", False)] == "the outlet"  # the outlet's own voice, unnamed


def _document(pairs: list[tuple[str, str]]) -> Document:
    return Document("ar", tuple(Sentence(i, i, "body", ar, en) for i, (ar, en) in enumerate(pairs)))


def test_outlet_from_a_dateline_agency() -> None:
    document = analyze(
        _document(
            [
                (
                    "دمشق - (رويترز) - شهدت المدينة هدوءاً حذراً اليوم.",
                    "Damascus - (Reuters) - The city saw cautious calm today.",
                ),
                ("وانتشرت دوريات في الشوارع.", "Patrols were deployed in the streets."),
            ]
        )
    )
    assert document.analysis is not None and document.analysis.outlet == "Reuters"
    assert all(c.party == "Reuters" for c in document.analysis.claims)


def test_english_translation_is_a_second_signal() -> None:
    # غرّد ("tweeted") is not an Arabic cue; the English names a gazetteer party.
    document = analyze(
        _document(
            [
                (
                    "غرّدت الأمم المتحدة عن خطة جديدة للإغاثة.",
                    "The United Nations said it had a new relief plan.",
                ),
                ("وغرّد السكان عن مخاوفهم.", "Residents of the city voiced fears."),
            ]
        )
    )
    assert document.analysis is not None
    first, second = document.analysis.claims
    assert first.voice == "attributed" and first.party == "the United Nations"
    assert second.voice == "outlet"  # no reporting verb in the English either
