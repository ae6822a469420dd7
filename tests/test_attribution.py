"""Attribution rules on sentences written for the tests (not the devset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.attribution.discourse import Discourse
from summarize.attribution.engine import read_sentences
from summarize.model import Attribution


def attribute(sentences: list[str], language: str) -> tuple[list[Attribution], Discourse]:
    results, discourse = read_sentences(sentences, language)
    _names.update({id(r): _party_name(r, discourse) for r in results})
    return results, discourse


_names: dict[int, str | None] = {}


def _party_name(result: Attribution, discourse: Discourse) -> str | None:
    if result.party is None:
        return None
    entity = discourse.entity(result.party)
    return entity.name or entity.spans[0]


def _parties(sentences: list[str], language: str = "ar") -> list[str | None]:
    results, _ = attribute(sentences, language)
    return [_name(r) for r in results]


def _name(result: Attribution) -> str | None:
    return _names[id(result)]


def test_verb_first_subject_first_and_dateline() -> None:
    results, _ = attribute(
        [
            "بيروت - قال الجيش اللبناني إن الوضع على الحدود هادئ.",
            "وزارة الصحة أكدت أن عدد الإصابات ارتفع إلى 40.",
        ],
        "ar",
    )
    assert _name(results[0]) == "the Lebanese army" and results[0].kind == "statement"
    assert results[0].span == "الجيش اللبناني" and results[0].cue == "قال"
    assert _name(results[1]) == "the Health Ministry"


def test_continuations_agree_in_gender_across_another_speaker() -> None:
    parties = _parties(
        [
            "أعلنت منظمة الصحة العالمية أن الوباء انحسر في المنطقة.",
            "وقال وزير الصحة سامر حداد إن المستشفيات جاهزة.",
            "وأضافت أن اللقاحات ستصل الأسبوع المقبل.",  # she: the WHO, not the minister
            "وتابع أن الحكومة خصصت ميزانية إضافية.",  # he: the minister
        ]
    )
    assert parties[2] == "World Health Organization (WHO)"
    assert parties[3] == parties[1] and parties[1] is not None and "وزير" in parties[1]


def test_according_to_and_report_issuer() -> None:
    results, _ = attribute(
        [
            "وبحسب مصادر طبية، فإن عدد الجرحى تجاوز العشرين.",
            "ووفقاً لتقرير صادر عن البنك الدولي، فإن النمو سيتباطأ.",
            "وذكر تقرير لمنظمة العفو الدولية أن السجون مكتظة.",
        ],
        "ar",
    )
    assert _name(results[0]) == "medical sources" and results[0].kind == "report"
    assert results[1].party is not None and "البنك الدولي" in (results[1].span or "")


def test_object_of_demand_is_not_the_speaker() -> None:
    parties = _parties(
        [
            "طالبت الأمم المتحدة بوقف القتال فوراً.",
            "ودعت جميع الأطراف إلى ضبط النفس.",
            "وطالبت الحكومة السورية بفتح المعابر.",  # the UN asks the government
        ]
    )
    assert parties == ["the United Nations"] * 3


def test_vso_cuts_the_object_party() -> None:
    results, _ = attribute(["اتهمت حماس الجيش الإسرائيلي بقصف المستشفى."], "ar")
    assert _name(results[0]) == "Hamas" and results[0].kind == "accusation"
    assert results[0].span == "حماس"


def test_outlet_voice_and_quote_continuation() -> None:
    parties = _parties(
        [
            "وشهدت المدينة اشتباكات عنيفة أمس.",
            "قال المتحدث باسم الشركة: «نحن ملتزمون بالعقد».",
            "«ولن نتراجع عن ذلك مهما حدث».",
        ]
    )
    assert parties[0] is None
    assert parties[2] == parties[1] and parties[1] is not None


def test_short_mentions_resolve_to_the_named_party() -> None:
    results, discourse = attribute(
        ["قال رئيس البلدية سامي خوري إن المياه ستعود غداً.", "وأكد خوري أن الأعمال مستمرة."],
        "ar",
    )
    assert results[0].party == results[1].party is not None
    assert len([e for e in discourse.entities if "خوري" in " ".join(e.spans)]) == 1


def test_user_gazetteer_extends_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "parties.yaml"
    extra.write_text(
        "parties:\n  - name: Jordan Valley Authority\n    kind: agency\n"
        "    ar: [سلطة وادي الأردن]\n    en: [jordan valley authority]\n",
        "utf-8",
    )
    monkeypatch.setenv("SUMMARIZE_PARTIES_FILE", str(extra))
    assert _parties(["وأعلنت سلطة وادي الأردن تقنين المياه."]) == ["Jordan Valley Authority"]
    assert _parties(["The Jordan Valley Authority said water is short."], "en") == [
        "Jordan Valley Authority"
    ]
    monkeypatch.delenv("SUMMARIZE_PARTIES_FILE")
    assert _parties(["وأعلنت سلطة وادي الأردن تقنين المياه."]) != ["Jordan Valley Authority"]


def test_english_rules() -> None:
    parties = _parties(
        [
            "Beirut - The Lebanese army said the border was calm.",
            "Health minister Samer Haddad said hospitals were ready.",
            "It added that patrols would continue.",  # it: the army, not the minister
            "He also called for calm.",  # he: the minister
            "According to medical sources, 20 people were wounded.",
            "Fighting continued on Sunday.",  # not a speaker
        ],
        "en",
    )
    assert parties[0] == "the Lebanese army"
    assert parties[2] == "the Lebanese army"
    assert parties[3] == parties[1] and "Haddad" in str(parties[1])
    assert parties[4] == "medical sources"
    assert parties[5] is None


def test_ministry_takes_its_government_and_leaves_the_object() -> None:
    results, _ = attribute(["طالبت وزارة الخارجية في حكومة دمشق الأمم المتحدة بالتحرك."], "ar")
    assert _name(results[0]) == "the Foreign Ministry (the Syrian government)"
    assert results[0].span == "وزارة الخارجية في حكومة دمشق"
    english, _ = attribute(["The Foreign Ministry of the Damascus government urged the UN."], "en")
    assert _name(english[0]) == "the Foreign Ministry (the Syrian government)"
