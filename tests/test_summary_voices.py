"""Who a summary owes an item (summary/standing.py) and the word budget that only voices brought
in for colour and parties already heard give way to. Every sentence is made up for its test."""

from __future__ import annotations

import dataclasses

import pytest

from summarize.model import Claim, Document, RunOptions, Sentence
from summarize.pipeline import analyze, run_document
from summarize.summary.rules import summarize_claims
from summarize.summary.settings import load_summary_rules
from summarize.summary.standing import voice_kind, voices


def _english(text: str) -> tuple[list[Claim], list[str]]:
    """The claims of a made-up English article, with their source sentences."""
    document = run_document(text, None, RunOptions("en"))
    assert document.analysis is not None
    return list(document.analysis.claims), [s.source for s in document.body()]


def _kinds(text: str) -> dict[str, str | None]:
    claims, sources = _english(text)
    return {c.party: voice_kind(c, sources[i]) for i, c in enumerate(claims)}


def _arabic(pairs: list[tuple[str, str]]) -> tuple[list[Claim], list[str]]:
    """The claims of Arabic body sentences read with their English (as a model gives it)."""
    document = analyze(
        Document("ar", tuple(Sentence(i, i, "body", a, e) for i, (a, e) in enumerate(pairs)))
    )
    assert document.analysis is not None
    return list(document.analysis.claims), [s.source for s in document.body()]


# -- the kinds of voice -------------------------------------------------------------------------


def test_a_vague_collective_is_read_from_the_head_of_its_span() -> None:
    kinds = _kinds(
        "Harbour closed\n"
        "The port authority said the harbour will stay closed until Friday.\n"
        "Observers believe the closure will push fish prices up.\n"
        "Eyewitnesses in the old quarter said the gates were chained overnight.\n"
    )
    assert kinds["The port authority"] is None
    assert kinds["Observers"] == "collective"
    assert kinds["eyewitnesses"] == "collective"  # ("in the old quarter": where they are)


def test_a_body_s_own_members_are_no_vague_collective() -> None:
    kinds = _kinds(
        "Vote counted\n"
        "The electoral board said turnout reached 61 percent.\n"
        "The mission's observers said they saw no ballot stuffing.\n"
        "UN experts said the count was orderly.\n"
    )
    assert kinds["The mission's observers"] is None
    assert kinds["UN experts"] is None


def test_a_name_with_an_apposition_of_ordinary_life_is_a_private_person() -> None:
    kinds = _kinds(
        "Camp flooded\n"
        "The camp administration said 300 tents were flooded.\n"
        "Samira Haddad, a mother of three from the lower camp, said the water reached her knees.\n"
        "Karim Nasser (41) said his shop was swept away.\n"
        "One of the fishermen said the boats were tied up in time.\n"
        "Ali Omar, the UN resident coordinator, said aid would arrive on Monday.\n"
    )
    assert kinds["Samira Haddad"] == "private person"
    assert kinds["Karim Nasser (41)"] == "private person"
    assert kinds["One of the fishermen"] == "private person"
    assert kinds["Ali Omar"] is None  # "resident" is part of a title here, not a way of life
    assert kinds["The camp administration"] is None


def test_arabic_voices_are_read_from_the_arabic_span() -> None:
    claims, sources = _arabic(
        [
            ("وقال مراقبون إن الإغلاق سيرفع أسعار السمك.", "Observers said prices will rise."),
            (
                "وقالت سميرة حداد، وهي أم لثلاثة أطفال، إن المياه بلغت ركبتيها.",
                "Samira Haddad, a mother of three, said the water reached her knees.",
            ),
            ("وقال أحد الصيادين إن القوارب ربطت في الوقت المناسب.", "A fisherman said the boats."),
            (
                "وقال مدير الميناء، خالد منصور، إن الميناء سيبقى مغلقا.",
                "The port director, Khaled Mansour, said the port will stay closed.",
            ),
        ]
    )
    kinds = [voice_kind(c, sources[i]) for i, c in enumerate(claims)]
    assert kinds == ["collective", "private person", "private person", None], [
        (c.party_source, k) for c, k in zip(claims, kinds, strict=True)
    ]


# -- who is owed an item ------------------------------------------------------------------------


def test_an_anonymous_source_is_owed_an_item_unless_only_relayed() -> None:
    claims, sources = _english(
        "Fuel shortage\n"
        "The energy ministry said fuel deliveries resumed on Sunday.\n"
        "The state agency quoted a security source as saying that two tankers were seized.\n"
        "A source at the refinery told the outlet that stocks will last a week.\n"
    )
    heard = voices(claims, sources)
    relayed = next(c.party for c in claims if "tankers" in c.text)
    assert relayed in heard.colour and relayed not in heard.owed
    assert "A source at the refinery" in heard.owed  # it spoke to the outlet itself


def test_the_outlet_is_owed_an_item_only_for_its_lead() -> None:
    opening = (
        "Harbour closed\n"
        "The harbour was closed on Sunday after a storm sank two boats.\n"
        "The port authority said the harbour will stay closed until Friday.\n"
    )
    claims, sources = _english(opening)
    assert claims[0].voice == "outlet" and claims[0].party in voices(claims, sources).owed
    later = (
        "Harbour closed\n"
        "The port authority said the harbour will stay closed until Friday.\n"
        "The fishermen's union said 40 boats were kept ashore.\n"
        "The harbour was last closed for a week in 2019.\n"
    )
    claims, sources = _english(later)
    outlet = next(c.party for c in claims if c.voice == "outlet")
    assert outlet not in voices(claims, sources).owed  # background, heard only by rank
    kicker = (  # a kicker before the lead sentence, which carries the dateline
        "Harbour closed\n"
        "The port authority said the harbour stays closed until Friday.\n"
        "Tyre - The harbour was closed on Sunday after a storm sank two boats.\n"
        "The fishermen's union said 40 boats were kept ashore.\n"
    )
    claims, sources = _english(kicker)
    assert [c.voice for c in claims] == ["attributed", "outlet", "attributed"]
    assert claims[1].party in voices(claims, sources).owed
    claims, sources = _english(kicker.replace("Tyre - The", "The"))
    assert claims[1].party not in voices(claims, sources).owed  # no dateline: no lead


def test_voices_brought_in_for_colour_take_no_slot_from_a_party_owed_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roomy = dataclasses.replace(load_summary_rules(), max_share=1.0)  # (no word budget here)
    monkeypatch.setattr("summarize.summary.rules.load_summary_rules", lambda: roomy)
    text = (
        "Bread price raised\n"
        "The supply ministry announced that it raised the price of bread to 30 piastres.\n"
        "The bakers' syndicate said the new price does not cover the cost of flour.\n"
        "The consumer association called for the decision to be frozen.\n"
        "Analysts say the rise will hit the poorest families hardest.\n"
        "Mona Fahmy, a mother of four from the old city, said she now buys half as much bread.\n"
        "The ministry said the subsidy bill had doubled in two years.\n"
        "Residents said queues formed outside bakeries before dawn.\n"
        "The syndicate said bakers will meet on Thursday.\n"
        "The association said it received hundreds of complaints.\n"
    )
    document = run_document(text, None, RunOptions("en"))
    assert document.analysis is not None
    parties = {i.party for i in document.analysis.summary}
    assert {"The supply ministry", "The bakers' syndicate", "The consumer association"} <= (
        parties
    ), [i.text for i in document.analysis.summary]
    assert len(document.analysis.summary) == 3  # 9 claims: about 3 items, one per party owed


def test_a_colour_voice_quoted_in_the_headline_is_owed_its_item() -> None:
    text = (
        'Flood in the valley: "the water took the whole orchard in minutes"\n'
        "The civil defence said 300 families were evacuated from the valley.\n"
        "Hassan Saleh, a farmer from the upper village, said the water took the whole orchard in "
        "minutes.\n"
        "Nadia Karam, a mother of two, said her children sleep at a neighbour's house.\n"
    )
    claims, sources = _english(text)
    heard = voices(claims, sources, text.split("\n", 1)[0])
    assert "Hassan Saleh" in heard.owed and "Hassan Saleh" not in heard.colour
    assert "Nadia Karam" in heard.colour  # her words are not the headline's
    assert "Hassan Saleh" in voices(claims, sources).colour  # (without the headline)


# -- the word budget ----------------------------------------------------------------------------


def _claim(index: int, party: str, text: str) -> Claim:
    return Claim(index, (index,), "attributed", party, party, "said", "statement", text, ())


def test_over_its_budget_a_summary_drops_second_items_and_colour_first() -> None:
    claims = [
        _claim(0, "The water authority", "The water authority said the main pipe burst overnight."),
        _claim(1, "The mayor", "The mayor said repair crews will work through the weekend."),
        _claim(2, "The water authority", "The water authority said tankers will serve the north."),
        _claim(3, "The mayor", "The mayor said schools in the district will close on Monday."),
        _claim(4, "Residents", "Residents said the taps ran dry before the morning prayers."),
        _claim(5, "The hospital", "The hospital said it has water for two more days only."),
    ]
    roomy = dataclasses.replace(
        load_summary_rules(),
        min_items=3,
        max_items=6,
        sentences_per_item=1,
        max_share=1.0,
        pair_words=0,  # (one claim an item)
    )
    loose = summarize_claims(claims, "Pipe burst", rules=roomy)
    assert len(loose) == 6, [i.text for i in loose]
    tight = dataclasses.replace(roomy, max_share=0.5)
    items = summarize_claims(claims, "Pipe burst", rules=tight)
    parties = [i.party for i in items]
    assert sorted(parties) == ["The hospital", "The mayor", "The water authority"], parties
    tightest = dataclasses.replace(roomy, max_share=0.1)  # never below the owed parties
    assert len(summarize_claims(claims, "Pipe burst", rules=tightest)) == 3
