"""Each construction of ../shared/ATTRIBUTION.md, on sentences written for it (not the devset).

For every construction: who speaks, which construction decided, and the evidence (cue and span
offsets point at the cue and the speaker in the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from summarize.attribution.engine import read_sentences
from summarize.attribution.lexicon_ar import load_arabic
from summarize.attribution.lexicon_en import inflect
from summarize.attribution.morphology import lemma_forms
from summarize.lang.arabic import tokenize


@dataclass(frozen=True)
class Read:
    party: str | None  # the speaker's first span (or gazetteer name)
    construction: str
    via: str | None
    also: str | None
    cue: str | None
    span: str | None


def read(sentences: list[str], language: str = "ar") -> list[Read]:
    results, discourse = read_sentences(sentences, language)

    def name(key: str | None) -> str | None:
        if key is None:
            return None
        entity = discourse.entity(key)
        return entity.name if entity.entry is not None and entity.name else entity.spans[0]

    found = []
    for text, r in zip(sentences, results, strict=True):
        if r.cue_offsets:
            assert text[r.cue_offsets[0] : r.cue_offsets[1]].strip() == (r.cue or "").strip()
        if r.span_offsets:
            shown = text[r.span_offsets[0] : r.span_offsets[1]]
            assert r.span and r.span.strip('«»"“” ').removeprefix("ال") in shown
        found.append(Read(name(r.party), r.construction, name(r.via), name(r.also), r.cue, r.span))
    return found


def last(sentences: list[str], language: str = "ar") -> Read:
    return read(sentences, language)[-1]


# --- morphology -------------------------------------------------------------------------------


def test_a_lemma_yields_every_form_news_uses() -> None:
    lemma, forms = lemma_forms("قال يقول قائل قول")
    words = {f for f, _, _ in forms}
    assert lemma == "قال"
    assert {"قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "قائلا", "قائله", "قوله"} <= words
    _, defective = lemma_forms("دعا يدعو داعي -")
    assert {"دعت", "دعوا", "يدعون", "تدعو"} <= {f for f, _, _ in defective}


@pytest.mark.parametrize(
    ("word", "kind", "gender", "form"),
    [
        ("وأضافت", "statement", "f", "perfect"),
        ("سيؤكد", "statement", "m", "imperfect"),
        ("مؤكداً", "statement", "m", "participle"),
        ("معتبرين", "assessment", "p", "participle"),
        ("لتحذر", "threat", "f", "imperfect"),
        ("بالقول", "statement", None, "noun"),
        ("نفوا", "denial", "p", "perfect"),
    ],
)
def test_cue_forms_by_lemma(word: str, kind: str, gender: str | None, form: str) -> None:
    cue = load_arabic().cue(tokenize(word)[0])
    assert cue is not None and (cue.kind, cue.gender, cue.form) == (kind, gender, form)


def test_a_nunated_word_is_never_a_finite_verb() -> None:
    lex = load_arabic()
    (token,) = tokenize("حذراً")
    assert lex.verb(token) is None  # "cautious", not "the two warned"
    (token,) = tokenize("حذرا")
    assert lex.verb(token) is not None


def test_common_words_are_not_cues() -> None:
    lexicon = load_arabic()
    for word in ("بين", "يعد"):
        assert lexicon.cue(tokenize(word)[0], clause_start=True) is None
    # ذكر is "mention", ثمن "price", except at the start of a clause
    for word in ("ذكر", "ثمن"):
        assert lexicon.cue(tokenize(word)[0]) is None
        assert lexicon.cue(tokenize("و" + word)[0], clause_start=True) is not None


def test_english_inflection() -> None:
    assert inflect("say said")[1] == [
        ("say", "base"),
        ("says", "present"),
        ("said", "past"),
        ("saying", "gerund"),
    ]
    assert ("pointed out", "past") in inflect("point out")[1]
    assert ("denied", "past") in inflect("deny")[1]


# --- Arabic: where the speaker stands ----------------------------------------------------------


def test_verb_subject_and_its_span() -> None:
    found = last(["وقال مسؤول في برنامج الأغذية العالمي إن المخزون ينفد."])
    assert found.construction == "verb-subject"
    assert found.span == "مسؤول في برنامج الأغذية العالمي"  # the affiliation belongs to the span


def test_span_names_and_places() -> None:
    # the parts of a personal name go on after a definite part
    found = last(["وقال عبد الكريم أبو سالم، وهو مزارع من البلدة، إن المياه انقطعت."])
    assert found.span == "عبد الكريم أبو سالم"
    # an institution's place belongs to it; the occasion after the comma does not
    found = last(["وأعلنت مديرية التربية في حلب، في بلاغ قصير، أن المدارس ستفتح."])
    assert found.span == "مديرية التربية في حلب"


def test_subject_verb_with_a_parenthetical() -> None:
    found = last(["الرابطة، وهي أقدم جمعية حقوقية في البلاد، استنكرت الاعتقالات الأخيرة."])
    assert (found.construction, found.span) == ("subject-verb", "الرابطة")
    found = last(["الغرفة التجارية، من ناحيتها، نبّهت إلى ارتفاع أسعار الأعلاف."])
    assert found.span == "الغرفة التجارية"


def test_topicalised_speaker() -> None:
    found = last(["أما الهلال الأحمر فذكر أن المساعدات وصلت إلى القرى."])
    assert (found.construction, found.span) == ("topic", "الهلال الأحمر")
    # the topic's own source, named after its verb, speaks
    found = last(["أما البلدية، فقد أكد مصدر مسؤول فيها أن الأشغال ستستأنف."])
    assert found.span == "مصدر مسؤول فيها"


def test_anaphoric_lead_points_back() -> None:
    found = read(["أعلنت نقابة المعلمين إضراباً مفتوحاً.", "من جانبها، أكدت أن الإضراب مستمر."])
    assert found[1].party == found[0].party == "نقابة المعلمين"


def test_pluperfect_both_orders() -> None:
    assert last(["وكانت السفارة قد أعلنت أن القنصلية ستغلق."]).span == "السفارة"
    assert last(["وكان قد أعلن المتحدث العسكري أن القوات انسحبت."]).span == "المتحدث العسكري"


def test_object_of_accusation_is_never_the_speaker() -> None:
    found = last(["اتهمت الحكومة الحركة بتخريب المفاوضات."])
    assert found.span == "الحكومة"
    found = last(["وحمّلت اللجنة الوزارة مسؤولية التأخير في صرف التعويضات."])
    assert found.span == "اللجنة"
    found = last(["وناشد محافظ المدينة الحكومة الاتحادية التدخل لإنقاذ الموسم."])
    assert found.span == "محافظ المدينة"
    # after a personal name, a definite noun is the object
    found = last(["وحمّل أبو خليل المصنع المسؤولية عن تلوث النهر."])
    assert found.span == "أبو خليل"


def test_two_speakers_in_one_sentence() -> None:
    found = last(["أعلنت وزارة الداخلية أن الهدوء عاد، فيما قال ناشطون إن الاشتباكات مستمرة."])
    assert found.party == "the Interior Ministry" and found.also == "activists"


def test_joint_party() -> None:
    found = last(["وكانت كل من مصر والأردن قد دعتا إلى وقف فوري لإطلاق النار."])
    assert found.span == "كل من مصر والأردن"
    found = last(["وحذرت كل من النقابة والجمعية، في بيان مشترك، من انهيار القطاع."])
    assert found.span == "كل من النقابة والجمعية"  # verb-subject too


# --- Arabic: sources behind sources -------------------------------------------------------------


def test_relay_keeps_the_conduit() -> None:
    found = read(
        [
            "ونقلت وكالة الأنباء الرسمية عن مصدر عسكري قوله إن الهجوم صُدّ.",
            "وأضاف المصدر أن الخسائر محدودة.",
            "وأضاف أن التعزيزات وصلت.",
        ]
    )
    assert (found[0].party, found[0].via, found[0].construction) == (
        "مصدر عسكري",
        "وكالة الأنباء الرسمية",
        "relay",
    )
    assert found[2].party == "مصدر عسكري"  # a continuation after a relay: the inner speaker


def test_relay_from_a_document_and_with_the_conduit_first() -> None:
    found = last(["ونقلت الإذاعة الرسمية عن بيان للنقابة أن الإضراب علّق."])
    assert (found.party, found.via) == ("للنقابة", "الإذاعة الرسمية")  # the issuer speaks
    found = last(["وكانت صحيفة محلية قد نقلت أمس عن مصادر أمنية أن الحدود ستغلق."])
    assert (found.party, found.via, found.construction) == (
        "security sources",
        "صحيفة محلية",
        "relay",
    )


def test_relay_by_according_phrase() -> None:
    found = last(["وأفادت قناة محلية، نقلاً عن قيادة الشرطة، بأن المشتبه به اعتقل."])
    assert (found.party, found.via) == ("قيادة الشرطة", "قناة محلية")


def test_document_anaphor_resolves_to_its_issuer() -> None:
    found = read(
        [
            "وقالت منظمة العفو الدولية في بيان إن السجون مكتظة.",
            "ووفقاً للبيان، فإن عدد المعتقلين تضاعف.",
            "وجاء في البيان أن الزيارات منعت.",
        ]
    )
    assert found[1].party == found[0].party == found[2].party
    assert found[1].construction == "according-to" and found[1].span is None
    found = read(
        [
            "وأصدرت النقابة بياناً طالبت فيه بالإفراج عن المعتقلين.",
            "وبحسب البيان، فإن 12 عضواً اعتقلوا.",
        ]
    )
    assert found[1].party == found[0].party == "النقابة"  # an indefinite بيان (بـ is no clitic)


def test_according_to_names_no_speaker_for_a_common_noun() -> None:
    found = last(["وتقرر رفع الرسوم وفق أحكام النظام الداخلي للنقابة."])
    assert found.party is None  # بموجب/وفق the statutes: no speaker, not "the Syrian government"


def test_according_to_what_was_announced() -> None:
    found = last(["قررت البلدية إغلاق السوق، وفق ما أُعلن في نهاية اجتماع المجلس البلدي أمس."])
    assert found.construction == "according-to" and found.span == "المجلس البلدي"


def test_outlet_as_interviewer_is_not_the_speaker() -> None:
    found = last(["وقال مصدر في الوزارة لـ«الصباح» إن التعيينات جُمّدت."])
    assert found.span == "مصدر في الوزارة"
    assert last(["وأفاد مراسلنا بأن الطريق أعيد فتحه."]).party is None
    assert last(["وأفادت مراسلة القناة في حمص بأن القصف توقف."]).party is None  # its reporter


def test_impersonal_sourcing() -> None:
    assert last(["وأُفيد بأن الطريق أغلق."]).party is None
    found = last(["وتردد في الأوساط السياسية أن الوزير سيستقيل."])
    assert (found.construction, found.span) == ("impersonal", "الأوساط السياسية")
    assert last(["وتردد في المدينة أن السوق سيغلق."]).party is None  # a place is not a source
    assert last(["وأُعلن الحداد في بلدية المدينة ثلاثة أيام."]).party is None  # nor an institution


def test_negated_or_subordinate_cue_reports_nothing() -> None:
    assert last(["ولم تعلن الوزارة حتى الآن عن أي تعويضات."]).party is None
    assert last(["وارتفعت الأسعار بعدما شدد البنك الرقابة على التحويلات."]).party is None
    # without the word they report with, these verbs report nothing
    assert last(["وكان الوزير قد أصدر القرار عدد 12 في مارس."]).party is None
    assert last(["وردّت الفصائل بقصف المواقع."]).party is None
    assert last(["وأصدرت النقابة بياناً طالبت فيه بالإفراج عنهم."]).party == "النقابة"


# --- Arabic: continuations and agreement ----------------------------------------------------------


def test_continuations_agree_in_gender_and_number() -> None:
    found = read(
        [
            "وقال شهود عيان إن الطائرة حلقت فوق البلدة.",
            "وأعلنت الوزارة أن التحقيق بدأ.",
            "وأضافوا أن الانفجار سُمع من بعيد.",  # they: the witnesses (قال شهود: singular verb)
            "وتابعت أن النتائج ستعلن قريباً.",  # she: the ministry
        ]
    )
    assert found[2].party == "eyewitnesses" and found[3].party == found[1].party


def test_quotation_inverted_and_going_on() -> None:
    found = read(["«لن نتراجع عن مطالبنا»، قال رئيس النقابة سامي علي.", "«ولن نقبل بأقل من ذلك»."])
    assert found[0].construction == "quote-inverted"
    assert found[0].span == "رئيس النقابة سامي علي"  # علي the name, not على
    assert found[1].party == found[0].party and found[1].construction == "continuation"


def test_serial_verb_and_participle() -> None:
    assert last(["وتعود سلمى لتؤكد أن الامتحان كان صعباً."]).span == "سلمى"
    found = last(["واكتفى الحزب بنعي القتلى، مؤكداً أن الرد سيأتي."])
    assert (found.construction, found.span) == ("participle", "الحزب")


def test_attributed_line() -> None:
    found = last(["وزارة الخارجية: لا صحة للأنباء عن إغلاق السفارة"])
    assert found.construction == "headline" and found.party == "the Foreign Ministry"


def test_span_ends_before_objects_ages_and_appositions() -> None:
    assert last(["وحذر المبعوث الخاص للأمين العام من التصعيد."]).span == (
        "المبعوث الخاص للأمين العام"
    )
    assert last(["ورفضت «الهيئة» الاتهامات الموجهة إليها."]).span == "«الهيئة»".strip("«»")
    assert last(["ونفت مصادر في الشركة الوطنية استخدام مواد سامة."]).span == (
        "مصادر في الشركة الوطنية"
    )
    assert last(["وقالت سعاد حسن (40 عاماً)، وهي أم لثلاثة، إن البيت دُمّر."]).span == "سعاد حسن"
    assert last(["وقال سليم باحارث، وهو صياد، إن القارب غرق."]).span == "سليم باحارث"
    assert last(["الجمعية الوطنية للدفاع عن المستهلك، في بيان، حذرت من الغلاء."]).span == (
        "الجمعية الوطنية للدفاع عن المستهلك"
    )
    assert last(["وأوضح عاملون في القطاع الصحي أن الأدوية نفدت."]).span == (
        "عاملون في القطاع الصحي"
    )


def test_dateline_is_not_a_speaker() -> None:
    assert last(["بغداد-واع أعلنت وزارة النقل تعليق الرحلات."]).party == "وزارة النقل"
    assert last(["طرابلس - (وكالات) - قال المتحدث الرسمي إن الاجتماع تأجل."]).span == (
        "المتحدث الرسمي"
    )
    found = last(["عمّان - «النهار»، وكالات: أعلنت نقابة الأطباء إضراباً مفتوحاً."])
    assert found.span == "نقابة الأطباء"
    assert last(["النهار نت| عمّان: أعلنت نقابة الأطباء إضراباً."]).span == "نقابة الأطباء"


# --- English -----------------------------------------------------------------------------------


def test_english_constructions() -> None:
    found = read(
        [
            "The Teachers' Union, which represents 40,000 members, said the strike would go on.",
            "As for the municipality, it rejected the demands.",
            "The state agency quoted a security official as saying that the road was closed.",
            "Local media reported, citing a hospital director, that six people were hurt.",
            "“We will not back down,” said union leader Rami Haddad.",
            "It was reported that the border crossing reopened.",
            "According to the statement, the talks will resume on Monday.",
            "No compensation has been offered to the farmers so far.",
        ],
        "en",
    )
    assert found[0].span == "The Teachers' Union"
    assert (found[1].party, found[1].construction) == ("the municipality", "topic")
    assert (found[2].party, found[2].via) == ("a security official", "The state agency")
    assert (found[3].party, found[3].via) == ("a hospital director", "local media")
    assert found[4].construction == "quote-inverted" and "Rami Haddad" in (found[4].span or "")
    assert found[5].party is None
    assert found[6].construction == "according-to" and found[6].party is not None
    assert found[7].party is None


def test_english_according_to_whose_words() -> None:
    found = read(
        [
            "The port authority said traffic had resumed.",
            "Exports rose by a third, according to the authority's monthly figures.",
            "Fees will fall, according to what the union's lawyers announced on Monday.",
            "The talks will resume, according to diplomatic sources who spoke to the paper.",
            "The state radio quoted an army statement as saying the bridge had reopened.",
            "Harbourtown (The Daily Tide) – The port authority announced on Friday that the "
            "quay was repaired.",
            "Tide Net| Harbourtown: The port authority announced that cranes were back.",
        ],
        "en",
    )
    assert found[1].party == found[0].party  # the owner of the figures
    assert found[2].span == "union's lawyers"
    assert found[3].span == "diplomatic sources"
    assert found[4].span == "army" and found[4].via == "The state radio"
    assert found[5].party == found[6].party == found[0].party  # datelines are not speakers


def test_english_pronouns_agree_and_appositions_name() -> None:
    found = read(
        [
            "The ministry of health announced new measures.",
            "The director of the hospital, Samia Khoury, said supplies were short.",
            "It added that vaccines would arrive.",
            "She warned of shortages.",
        ],
        "en",
    )
    assert found[1].span == "Samia Khoury"  # a name in apposition names the speaker
    assert found[2].party == found[0].party and found[3].party == found[1].party


def test_a_person_introduced_by_title_and_name_is_one_party_later() -> None:
    # the outlet introduces a person by title and name; the surname and the title that follow
    # are that person, named in full
    found = read(
        [
            "Portuguese Agriculture Minister Marco Silva landed in Amman on Sunday for talks on "
            "grain.",
            "Silva said his country would double its shipments.",
            "The Portuguese minister also promised a new credit line.",
        ],
        "en",
    )
    full = "Portuguese Agriculture Minister Marco Silva"
    assert found[0].party is None and found[1].party == found[2].party == full
    found = read(
        [
            "وصل وزير الزراعة البرتغالي ماركو سيلفا الأحد إلى عمّان لبحث صادرات الحبوب.",
            "وقال سيلفا إن بلاده ستضاعف شحناتها.",
            "ووعد الوزير البرتغالي أيضاً بخط ائتمان جديد.",
        ]
    )
    full = "وزير الزراعة البرتغالي ماركو سيلفا"
    assert found[0].party is None and found[1].party == found[2].party == full
    # the name ends before a weekday; a name after an indefinite title is none ("official
    # security"); Arabic has no capitals, so a word after a title ("بحث", discussed) is a name
    # only if a later speaker repeats it: the title alone stays its own party
    found = read(
        [
            "وصل مسؤول أمني ورئيس البلدية سامي الحداد الإثنين إلى الموقع.",
            "وقال الحداد إن الأضرار كبيرة.",
            "وأفادت البلدية بأن المحافظ الجديد بحث مع السكان خطة الإيواء.",
            "وقال المحافظ الجديد إن الخطة جاهزة.",
        ]
    )
    assert found[1].party == "رئيس البلدية سامي الحداد"
    assert found[3].party == "المحافظ الجديد"
    # a name in apposition after the title (past a place phrase too) is the speaker's: a later
    # mention by that name, with or without a conjunction, is the same party; an occasion
    # between commas is no name
    found = read(
        [
            "وقال الناطق باسم بلدية الميناء، رامي سلوم، في مؤتمر صحفي، إن البلدية وفت بوعودها.",
            "وتابع سلوم أن الرواتب ستصرف قريباً.",
            "وقال منسق مشاريع المنظمة في المدينة، سامر الخطيب، إن الفرق عالجت 400 طفل.",
            "والخطيب، الذي يعمل في المنطقة منذ سنوات، يرى أن الاستجابة بطيئة.",
            "وقال مدير المستشفى في المدينة، خلال مؤتمر صحفي، إن الأدوية نفدت.",
        ]
    )
    assert found[1].party == found[0].party == "الناطق باسم بلدية الميناء"
    assert found[3].party == found[2].party == "منسق مشاريع المنظمة"
    assert found[4].party == "مدير المستشفى في المدينة"
    # an anonymous source has no name in apposition: its party keeps the source's own words
    _, discourse = read_sentences(
        ["وقال مصدر مسؤول في البلدية، فضّل عدم ذكر اسمه، إن المياه ستعود."], "ar"
    )
    assert [e.spans for e in discourse.entities] == [["مصدر مسؤول في البلدية"]]
    # after a span that holds a name, the apposition is a role, not a second name
    _, discourse = read_sentences(
        ["وقالت المحامية ليلى حداد، عضوة فريق الدفاع، في حديث للصحفيين، إن الجلسة أرجئت."], "ar"
    )
    assert discourse.entities[0].spans == ["المحامية ليلى حداد"]
    # English: a capitalised title needs a personal name after it; a body is no person
    found = read(
        [
            "Lebanon's General Security said the crossing reopened.",
            "The spokesman Monday said nothing.",
            "General Security added that 300 families returned.",
        ],
        "en",
    )
    assert found[2].party == found[0].party


def test_english_cues_that_are_nouns_or_names() -> None:
    found = read(
        [
            "The Warning Centre issued an alert on Sunday.",
            "An informed source said the list was incomplete.",
            "The floods claimed the lives of five people.",
        ],
        "en",
    )
    assert found[0].party is None  # "Warning" inside a name is no cue
    assert found[1].span == "An informed source"  # "informed" after a determiner is no cue
    assert found[2].party is None  # "claimed the lives" reports nothing


def test_a_ministry_keeps_its_country() -> None:
    found = read(
        ["وقالت وزارة الخارجية المصرية إن السفير استدعي.", "وأضافت الوزارة أن الرد سيأتي."]
    )
    assert found[0].party == found[1].party == "the Egyptian Foreign Ministry"
    english = last(["The Egyptian Foreign Ministry said the ambassador was summoned."], "en")
    assert english.party == "the Egyptian Foreign Ministry"
    # with its government named, the government is kept instead
    assert last(["وقالت وزارة الخارجية في حكومة دمشق إن السفير استدعي."]).party == (
        "the Foreign Ministry (the Syrian government)"
    )


# --- speaker spans: what ends them, what belongs to them ----------------------------------------


def test_a_demonstrative_starts_the_object_or_names_a_thing() -> None:
    found = last(["ونفى الناطق باسم الشرطة هذه الأنباء جملة وتفصيلاً."])
    assert found.span == "الناطق باسم الشرطة"  # "these reports" is what he denied
    assert last(["وتكشف هذه الحادثة حجم الإهمال في المؤسسات."]).party is None  # a thing
    assert last(["وأكد هذا المسؤول أن التحقيق مستمر."]).span == "المسؤول"  # a person


def test_a_speech_noun_with_a_pronoun_is_the_object() -> None:
    found = read(
        [
            "وقالت الممرضة سعاد إن المرضى ينتظرون منذ الصباح.",
            "وختم مدير المستشفى حديثه بالقول إن الأدوية نفدت.",
            "وختمت كلمتها بالتأكيد على أن الطواقم منهكة.",
        ]
    )
    assert found[1].span == "مدير المستشفى"  # not "مدير المستشفى حديثه"
    assert (found[2].construction, found[2].party) == ("continuation", found[0].party)


def test_a_bare_quoted_name_ends_at_its_quote() -> None:
    found = last(["كذّبت «الجبهة» الرواية الرسمية، واتهمت الحكومة بالتضليل."])
    assert found.span == "الجبهة"  # "الرواية الرسمية" is the account denied
    found = last(["وقالت حركة «النهضة» التونسية إن الانتخابات مزورة."])
    assert found.span == "حركة «النهضة» التونسية"  # after a head noun, its adjective follows


def test_a_reply_by_an_act_is_not_speech() -> None:
    assert last(["ردت الفصائل بإطلاق صواريخ على البلدة."]).party is None
    assert last(["وردّ الوزير على الانتقادات بالقول إن الخطة ناجحة."]).span == "الوزير"
    assert last(["The militia responded with artillery fire on the villages."], "en").party is None
    assert last(["The minister responded by saying the plan works."], "en").span == "The minister"


def test_a_relative_takes_the_name_in_apposition() -> None:
    found = last(['وكتبت زوجته، ليلى الخطيب، على فيسبوك: "سنواصل المطالبة بالإفراج عنه".'])
    assert found.span == "زوجته، ليلى الخطيب"
    # a time phrase after a comma is no apposition
    assert last(["وقالت الوزارة، أمس الأحد، إن الطريق أغلق."]).span == "الوزارة"


def test_asides_between_subject_and_verb() -> None:
    found = last(["والمحامي سامر، الذي يتابع القضية منذ سنوات طويلة، يرى أن الحكم قاسٍ."])
    assert (found.construction, found.span) == ("subject-verb", "والمحامي سامر")
    found = last(["والخطيب، الذي يعمل في المخيم منذ بداية الأزمة، يرى أن الوضع كارثي."])
    assert found.span == "والخطيب"  # a bare name introduced by its aside
    found = last(
        [
            "أما تنسيقية الأطباء في المدينة، وهي هيئة نقابية تتابع أوضاع المستشفيات منذ سنوات، "
            "فأفادت بوفاة ثلاثة مرضى."
        ]
    )
    assert (found.construction, found.span) == ("topic", "تنسيقية الأطباء في المدينة")
    english = last(
        [
            "The teachers' union, which rarely criticises the ministry publicly, expressed "
            "its concern."
        ],
        "en",
    )
    assert english.span == "The teachers' union"  # "criticises" is the aside's verb


def test_a_number_opens_a_plural_speaker() -> None:
    found = last(["وكانت خمس منظمات حقوقية قد طالبت بالإفراج عن المعتقلين."])
    assert (found.construction, found.span) == ("pluperfect", "خمس منظمات حقوقية")


def test_a_subordinate_clause_of_contrast() -> None:
    found = last(["وبينما تقول الشركة إن المياه صالحة للشرب، يؤكد سكان الحي أنهم أصيبوا بتسمم."])
    assert (found.span, found.also) == ("سكان الحي", "الشركة")  # the main clause's speaker
    # "فيما" opening a sentence with no main clause after it: its own speaker
    assert last(["فيما قال ناشطون إن القصف استمر طوال الليل."]).span == "ناشطون"


def test_impersonal_clauses_name_their_according_to_source() -> None:
    found = read(
        [
            "قالت مصادر في الدفاع المدني إن فرق الإنقاذ انتشلت ثلاث جثث.",
            "ويُرجَّح أن يرتفع عدد الضحايا، بحسب المصادر ذاتها.",
            "ويُتوقع أن ترتفع الأسعار الشهر المقبل، وفقاً لخبراء اقتصاديين.",
        ]
    )
    assert (found[1].construction, found[1].party) == ("according-to", found[0].party)
    assert found[2].span == "خبراء اقتصاديين"
    assert read(["ويُعتقد أن الحريق اندلع بسبب تماس كهربائي."])[0].party is None


def test_a_document_names_its_issuer_in_a_construct() -> None:
    found = last(["ووصل أكثر من ألف مهاجر إلى الجزيرة، وفق أرقام وزارة الداخلية."])
    assert (found.construction, found.span) == ("according-to", "وزارة الداخلية")


# --- party names --------------------------------------------------------------------------------


def test_anonymous_sources_are_not_the_institution() -> None:
    found = read(
        [
            "ونفت مصادر في وزارة الدفاع التركية استهداف المدنيين.",
            "وقال المتحدث باسم وزارة الدفاع التركية إن العملية مستمرة.",
        ]
    )
    assert found[0].party == "مصادر في وزارة الدفاع التركية"  # the sources, as named
    assert found[1].party == "the Turkish Defence Ministry"  # its spokesman speaks for it
    english = last(["Sources in the Turkish Defence Ministry denied the report."], "en")
    assert english.party == "Sources in the Turkish Defence Ministry"


def test_english_joint_parties_and_places() -> None:
    assert last(["Egypt and Jordan condemned the raid."], "en").party == "Egypt and Jordan"
    joint = last(["Both UNHCR and the Migrants Office said returns must be voluntary."], "en")
    assert joint.party == "Both UNHCR and the Migrants Office"  # not UNHCR alone
    assert last(["The Ministry of Youth and Sports said the board was suspended."], "en").party
    gaza = last(["The Health Ministry in Gaza said 20 people were killed."], "en")
    assert gaza.party == "the Health Ministry in Gaza"  # the place is kept


def test_english_framing_verbs_before_the_cue() -> None:
    found = last(["Dr Salma Idris ended her remarks by warning that hospitals are full."], "en")
    assert found.span == "Dr Salma Idris"


def test_joint_parties_are_one_claim_and_one_name() -> None:
    results, discourse = read_sentences(
        [
            "وأدانت كل من مصر والأردن الهجوم على القافلة.",
            "وطالبت المفوضية السامية للأمم المتحدة لشؤون اللاجئين والمنظمة الدولية للهجرة "
            "الحكومات بتوفير ملاجئ للعائدين.",
        ],
        "ar",
    )
    assert results[0].span == "كل من مصر والأردن"  # "كل" here opens the subject
    assert results[1].span == (
        "المفوضية السامية للأمم المتحدة لشؤون اللاجئين والمنظمة الدولية للهجرة"
    )  # a name is never cut, and the second party is no object
    joint = discourse.entity(str(results[1].party))
    assert joint.entry is None
    assert joint.name == "UNHCR and IOM"  # each by its short form
    results, discourse = read_sentences(
        ["UNHCR and the IOM called for more rescue boats off the coast."],
        "en",
    )
    assert discourse.entity(str(results[0].party)).name == joint.name


def test_a_report_is_its_authors_or_its_own_source() -> None:
    # the author named with the report ("الصادر اليوم عن"), not the party that welcomed it
    found = read(
        [
            "رحبت وزارة الخارجية بالتقرير الصادر اليوم عن فريق التحقيق التابع للمنظمة.",
            "وبحسب التقرير، فإن المروحية ألقت البرميل على الحي.",
        ]
    )
    assert found[1].party == "فريق التحقيق التابع للمنظمة"
    english = read(
        [
            "The trade ministry praised the study released on Monday by the inquiry panel.",
            "According to the study, prices of flour doubled in two months.",
        ],
        "en",
    )
    assert english[1].party == "the inquiry panel"
    # no author named before: the report itself is the source, never the last speaker
    alone = read(["قال المرصد إن 20 شخصاً قتلوا.", "وبحسب التقرير، فإن القصف استمر."])
    assert alone[1].span == "التقرير" and alone[1].party != alone[0].party
    # a statement with no issuer named is the last speaker's own
    statement = read(
        [
            "The observatory said 20 people were killed.",
            "According to the statement, the shelling went on all night.",
        ],
        "en",
    )
    assert statement[1].party == statement[0].party


def test_places_participles_and_writing() -> None:
    # an impersonal clause "في محافظة X" names a place, not a source
    assert last(["وأُعلن الإضراب الشامل في محافظة جنين حداداً على الضحايا."]).party is None
    assert last(["وتردد في أوساط التجار أن الأسعار سترتفع."]).span == "أوساط التجار"
    # a participle with its complement belongs to the speaker ("الخاضع لسيطرة ...")
    found = last(["كذّب المجلس الخاضع لسيطرة الفصائل اتهامات الحكومة."])
    assert found.span == "المجلس الخاضع لسيطرة الفصائل"
    # "wrote" reports only with what was written: "posts X wrote on his page" reports nothing
    assert last(["The case goes back to posts the blogger wrote on his page."], "en").party is None
    assert last(["The blogger wrote on his page that the verdict was unjust."], "en").span == (
        "The blogger"
    )


def test_a_document_issued_by_a_party_is_that_partys() -> None:
    found = read(
        [
            "A bulletin issued by the water authority stated that more than 12,500 homes were "
            "reconnected.",
            "According to the same bulletin, the remaining homes lie in the hills.",
        ],
        "en",
    )
    assert found[0].span == "the water authority"
    assert found[1].party == found[0].party  # and the figure's comma cut nothing


# --- the outlet (ATTRIBUTION.md §9: bylines, datelines, source and credit lines) ---------------


def _outlet(lines: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    from summarize.attribution.outlet import find_outlet
    from summarize.model import Sentence

    sentences = [Sentence(i, i, kind, text, "") for i, (kind, text) in enumerate(lines)]  # type: ignore[arg-type]
    found = find_outlet(sentences, "ar")
    return found.source, found.clue


def test_a_quotation_in_the_first_line_names_no_outlet() -> None:
    assert _outlet([("body", "حذّرت النقابة من “تداعيات خطيرة” لتأخر صرف الرواتب.")]) == (None, None)
    assert _outlet([("body", 'المرصد نت| عمّان: أعلنت الشركة إطلاق السفينة "نجمة البحر".')]) == (
        "المرصد نت",
        "opening line",
    )
    assert _outlet([("body", "عدن «الأيام» خاص: أعلنت السلطات المحلية.")])[0] == "الأيام"


def test_datelines_follow_and_credit_lines() -> None:
    # a name ending in نا is no "our" (قناتنا is)
    assert _outlet([("body", "دمشق-سانا رحبت الوزارة بالقرار.")])[0] == "سانا"
    assert _outlet([("boilerplate", "تابعوا قناتنا على تلغرام")]) == (None, None)
    subscribe = "لمتابعة كل جديد اشترك في قناة صحيفة الضياء على واتساب اضغط هنا"
    assert _outlet([("boilerplate", subscribe)])[0] == "صحيفة الضياء"
    # an agency after the place, in brackets; a closing credit line names the publisher
    assert (
        _outlet([("body", "كسلا (السودان) (أ ف ب) - أعلنت المنظمة وصول مئات اللاجئين.")])[0]
        == "أ ف ب"
    )
    credited = _outlet([("body", "تونس (أ ف ب) - وصل الوزير."), ("boilerplate", "الضياء24/ أ ف ب")])
    assert credited == ("الضياء24", "credit line")


def test_whom_the_sources_told_names_the_outlet() -> None:
    told = "وأكد موظف في المحكمة، فضّل عدم ذكر اسمه، للضياء نيوز إن الجلسة أُجّلت."
    assert _outlet([("body", "قضت المحكمة بسجن المدون."), ("body", told)])[0] is None  # "لل..."
    told = "وأكد موظف في المحكمة، فضّل عدم ذكر اسمه، لصوت الساحل إن الجلسة أُجّلت."
    assert _outlet([("body", "قضت المحكمة بسجن المدون."), ("body", told)])[0] == "صوت الساحل"
    interview = "وأوضح المحامي، في تصريح لمرصد الجنوب أمام قصر العدالة، أن موكله بريء."
    assert _outlet([("body", interview)])[0] == "مرصد الجنوب"  # the name ends before "أمام"
    assert _outlet([("body", "وقال الوزير للصحفيين إن الرواتب ستصرف.")]) == (None, None)
    assert _outlet([("body", "وقال الوزير لنا إن الخطة جاهزة.")]) == (None, None)


def test_english_outlet_clues() -> None:
    from summarize.attribution.outlet import find_outlet
    from summarize.model import Sentence

    def outlet(lines: list[tuple[str, str]]) -> str | None:
        sentences = [Sentence(i, i, k, text, "") for i, (k, text) in enumerate(lines)]  # type: ignore[arg-type]
        return find_outlet(sentences, "en").source

    # a quotation after "to" is what the measure aims at, not whom a source told
    aims = 'The agency said the scheme seeks to "close the deficit" by spring.'
    assert outlet([("body", aims)]) is None
    told = "A court clerk, speaking anonymously, told the Courier that the case was shelved."
    assert outlet([("body", "The court jailed the blogger."), ("body", told)]) == "Courier"
    follow = "To follow all the news, subscribe to the Dawn Post channel on WhatsApp, click here"
    assert outlet([("boilerplate", follow)]) == "Dawn Post"
    assert outlet([("boilerplate", "To follow the latest news, follow us on Telegram")]) is None
    own = "To follow all the news, subscribe to the Dawn Post's channel on WhatsApp"
    assert outlet([("boilerplate", own)]) == "Dawn Post"
    # the dateline after a photo caption still names the outlet
    caption = "Refugees crossing the border towards Syria (AFP)"
    dateline = 'Beirut – "The Gulf Daily", agencies: The agency announced that 400 returned.'
    assert outlet([("body", caption), ("body", dateline)]) == "The Gulf Daily"


def test_joint_parties_after_kull_min_end_before_the_object() -> None:
    for sentence, span in [
        (
            "وطالبت كل من نقابة المحامين ورابطة القضاة الحكومة بسحب القانون.",
            "كل من نقابة المحامين ورابطة القضاة",  # a construct goes on ("رابطة القضاة")
        ),
        (
            "وطالبت كل من هيومن رايتس ووتش ومنظمة العفو الدولية الحكومة بإطلاق سراح الصحفيين.",
            "كل من هيومن رايتس ووتش ومنظمة العفو الدولية",  # "الحكومة" is whom they urged
        ),
    ]:
        assert last([sentence]).span == span
    results, discourse = read_sentences(
        ["وطالبت كل من هيومن رايتس ووتش ومنظمة العفو الدولية الحكومة بإطلاق سراحه."], "ar"
    )
    assert discourse.entity(str(results[0].party)).name == "HRW and Amnesty International"


def test_english_lists_of_names_are_one_subject() -> None:
    assert last(["Oman, Kuwait and Bahrain welcomed the truce."], "en").span == (
        "Oman, Kuwait and Bahrain"
    )
    found = last(
        ["Earlier, the ambassadors of Spain, Norway, Ireland and Belgium urged an inquiry."], "en"
    )
    assert found.span == "the ambassadors of Spain, Norway, Ireland and Belgium"
    # an adverbial before the list is no item of it
    assert last(["On Sunday, Oman and Kuwait welcomed the truce."], "en").span == "Oman and Kuwait"


def test_english_spans_keep_brackets_and_quoted_names_whole() -> None:
    found = last(
        ["The European Union Border Mission in Libya (EUBAM) affirmed that it left."], "en"
    )
    assert found.span == "The European Union Border Mission in Libya (EUBAM)"
    found = last(['An engineer at the Cypriot firm "Blue Keel" said the hull held.'], "en")
    assert found.span == 'An engineer at the Cypriot firm "Blue Keel"'
    # a stray mark is no part of a name
    assert last(["“The hull held,” the engineer said."], "en").span == "the engineer"


def test_an_english_ministry_listing_its_portfolios_is_one_title() -> None:
    found = last(["The Minister of Youth, Sport and Culture Hana Deeb said the games go on."], "en")
    assert found.span == "The Minister of Youth, Sport and Culture Hana Deeb"


def test_an_english_attributed_line_names_its_party() -> None:
    found = last(["UNICEF: two schools in the camp were damaged by the storm"], "en")
    assert (found.party, found.construction, found.cue) == ("UNICEF", "headline", ":")
    # a cue before the colon is the clause's own; a common word is no party
    assert last(["The minister said: the schools reopen."], "en").construction == "subject-verb"
    assert last(["Note: the figures are preliminary."], "en").party is None


def test_an_english_body_named_like_a_person_is_it() -> None:
    found = last(
        [
            "State radio said the road was cut.",
            "The Kassala Relief Coordination said 12 people were hurt.",
            "It appealed for blood donors.",
        ],
        "en",
    )
    assert (found.party, found.construction) == ("The Kassala Relief Coordination", "continuation")


def test_a_continuation_after_the_outlets_reporter_stays_in_its_voice() -> None:
    english = read(
        [
            "The ministry said three people were killed.",
            "Our correspondent reported that troops entered the town.",
            "He added that two homes were razed.",
        ],
        "en",
    )
    assert [r.party for r in english] == ["The ministry", None, None]
    arabic = read(
        [
            "وقالت الوزارة إن ثلاثة أشخاص قتلوا.",
            "وأفاد مراسلنا بأن القوات اقتحمت البلدة.",
            "وأضاف أن الجرافات هدمت منزلين.",
        ]
    )
    assert arabic[2].party is None


def test_a_masculine_verb_keeps_a_name_ending_in_ta_marbuta_masculine() -> None:
    found = read(
        [
            "وقال حمزة الساعدي، وهو تاجر في السوق، إن الأسعار ارتفعت.",
            "وقالت الوزارة إن الأسعار مستقرة.",
            "وأضاف أن المحلات أغلقت أبوابها.",
        ]
    )
    assert found[2].party == found[0].party == "حمزة الساعدي"
    assert found[2].construction == "continuation"


def test_an_english_background_clause_before_a_cue_is_nobody_speaking() -> None:
    for sentence in (
        "The row goes back to a letter the governor wrote to the council in May.",
        "The dispute dates back to remarks the mayor said on local radio.",
    ):
        assert last([sentence], "en").party is None, sentence
    assert last(["Residents of the camp said the water was cut."], "en").span == (
        "Residents of the camp"
    )


def test_gazetteer_names_longest_first_with_clitics() -> None:
    from summarize.lang.gazetteer import load_gazetteer, match_arabic

    tokens = tokenize("وقالت ميليشيا قسد إن قوات النظام السوري ولقوات سوريا الديمقراطية مواقع")
    found = [(s, e, entry.name) for s, e, entry in match_arabic(tokens, load_gazetteer())]
    assert found == [
        (1, 3, "Syrian Democratic Forces (SDF)"),  # ميليشيا قسد, not قسد alone
        (4, 7, "the Syrian army"),  # قوات النظام السوري, longer than قوات النظام
        (7, 10, "Syrian Democratic Forces (SDF)"),  # ولقوات: with its clitics
    ]


def test_an_english_common_noun_party_keeps_an_article() -> None:
    sentences = [
        "The judge fined the poet, according to what his legal team told reporters.",
        "Activists said the roads were closed.",
    ]
    results, discourse = read_sentences(sentences, "en")
    names = [discourse.entity(r.party).name for r in results if r.party]
    assert names == ["the legal team", "activists"]  # a plural needs none


def test_a_speakers_own_document_with_its_pronoun_is_theirs() -> None:
    found = read(
        [
            "وأشادت هيئة الرقابة في تقريرها السنوي بتحسن الخدمات في المستشفيات.",
            "وبحسب التقرير، فإن عدد الشكاوى انخفض إلى النصف.",
        ]
    )
    assert found[1].party == found[0].party == "هيئة الرقابة"
    assert found[1].construction == "according-to"


def test_a_participle_keeps_its_complement_in_the_span() -> None:
    found = last(["الهيئة المنبثقة عن مجلس الشيوخ، ومقرها العاصمة، انتقدت الموازنة بشدة."])
    assert (found.span, found.construction) == ("الهيئة المنبثقة عن مجلس الشيوخ", "subject-verb")
    found = last(["وقال المستشار المقرب من رئيس الوزراء إن المحادثات توقفت."])
    assert found.span == "المستشار المقرب من رئيس الوزراء"
    # a preposition after a noun still ends the span
    assert last(["وقال الوزير من جهته إن المحادثات توقفت."]).span == "الوزير"


def test_a_name_opening_with_alef_madda_is_no_article() -> None:
    # آلاء folds like الاء: it is a name, and the surname after it belongs to the span
    assert last(["وقالت آلاء حسن إن الطريق ما زال مغلقاً."]).span == "آلاء حسن"
    found = last(["«الطريق مغلق منذ أسبوع»، قال آلان سعيد، مسؤول البلدية، للإذاعة."])
    assert (found.span, found.construction) == ("آلان سعيد", "quote-inverted")


def test_a_subject_before_its_verb_holds_no_object() -> None:
    # before the verb, a word after a definite one is the name going on, not an object
    found = last(["الهادي بوزيد، وهو فلاح من القرية، يؤكد أن المساعدات لم تصل."])
    assert (found.span, found.construction) == ("الهادي بوزيد", "subject-verb")
    # after the verb, the object still ends the span
    assert last(["وبرّر المتحدث ساعات القطع بارتفاع الأحمال."]).span == "المتحدث"


def test_according_to_what_x_announced_with_an_object_pronoun() -> None:
    found = last(["أغلقت البلدية السوق ثلاثة أيام، وفق ما أعلنته نقابة التجار."])
    assert (found.span, found.construction) == ("نقابة التجار", "according-to")
    # an occasion described by a nisba ("اجتماع تنسيقي") before the one who held it
    found = last(["وتنطلق القافلة غداً، وفق ما أُعلن خلال لقاء تنسيقي نظمه الأمن الوطني مع البلدية."])
    assert (found.span, found.construction) == ("الأمن الوطني", "according-to")


def test_english_what_was_announced_at_a_meeting_held_by_x_with_y() -> None:
    found = last(
        [
            "The market reopens on Sunday, according to what was said after a security session "
            "chaired by the border police with the army near the bridge."
        ],
        "en",
    )
    assert (found.span, found.construction) == ("border police", "according-to")


def test_english_word_spread_among_a_group_is_that_group() -> None:
    found = last(["Word spread among fishermen that the port would close on Friday."], "en")
    assert (found.span, found.construction) == ("fishermen", "impersonal")
    # with no source the outlet speaks; a fire that spreads says nothing
    assert last(["Rumours spread that the minister resigned."], "en").party is None
    assert last(["The fire spread among the tents near the river."], "en").party is None


def test_the_one_asked_before_what_is_asked_is_the_object() -> None:
    # ناشدت X التدخل: X is asked to intervene; the speaker is the one before (feminine)
    found = read(
        [
            "وقالت لجنة الإغاثة المحلية إن المياه غمرت الحي.",
            "وناشدت الفرق الدولية الإسراع في إرسال المضخات.",
        ]
    )
    assert (found[1].party, found[1].construction) == ("لجنة الإغاثة المحلية", "continuation")
    # with its own object after it, the noun phrase is the speaker
    assert last(["وناشدت الفرق الدولية الحكومة التدخل."]).span == "الفرق الدولية"


def test_a_declaration_that_performs_an_act_is_the_outlets_event() -> None:
    # "declared a state of emergency / the villages disaster areas": an act, not a claim
    acts = read(
        [
            "وكانت البلدية قد أعلنت، صباح الأحد، القرى الأربع «مناطق منكوبة» ورصدت مبالغ للإغاثة.",
            "أعلنت وزارة الداخلية حالة الطوارئ في المحافظة بعد السيول.",
            "وأعلن المجلس الحداد ثلاثة أيام على الضحايا.",
        ]
    )
    assert [r.party for r in acts] == [None, None, None], acts
    assert {r.construction for r in acts} == {"outlet"}
    english = read(
        [
            "The port authority declared a state of emergency along the coast after the storm.",
            'The council had declared the four villages "disaster areas" on Sunday.',
        ],
        "en",
    )
    assert [r.party for r in english] == [None, None], english
    # a claim about a state, with a complementiser, stays the speaker's
    claims = read(["أعلن الجيش أن المنطقة عسكرية مغلقة حتى إشعار آخر."])
    assert claims[0].party is not None and claims[0].construction == "verb-subject", claims
    said = read(["The army declared that the valley was a closed military zone."], "en")
    assert said[0].party is not None, said


def test_a_names_own_lam_is_no_preposition() -> None:
    # لجنة، ليبيا، ليث، لواء begin with ل: the span keeps it; وفقاً لـ governs its ل
    for sentence, span in [
        ("قالت لجنة الانتخابات إن النتائج ستعلن غداً.", "لجنة الانتخابات"),
        ("قال ليث الحمدان إن الطريق مغلق.", "ليث الحمدان"),
        ("أعلن لواء المشاة أن الهجوم صُد.", "لواء المشاة"),
        ("وفقاً لمكتب الإعلام، فإن الطريق مفتوح.", "مكتب الإعلام"),
        ("وفقاً للسفارة، فإن الرعايا بخير.", "السفارة"),
        ("وفقاً للجنة الانتخابات، فإن المشاركة بلغت 40 بالمئة.", "لجنة الانتخابات"),  # ل + لجنة
    ]:
        assert last([sentence]).span == span, sentence


def test_a_party_only_in_a_second_clause_leaves_the_sentence_to_the_outlet() -> None:
    # the main clause is the outlet's account; "فيما يطالب X" is background
    found = last(["وصلت القافلة إلى البلدة صباحاً، بينما حذرت الأمم المتحدة من نقص الوقود."])
    assert (found.party, found.construction) == (None, "outlet")
    # a speaker in the main clause keeps the sentence, the second is `also`
    both = last(["أكدت البلدية أن الطريق مفتوح، فيما قال سكان إن الجسر مغلق."])
    assert both.span == "البلدية" and both.also is not None
    # according-to at the end covers both clauses
    toll = last(["وأودى الحريق بحياة ثلاثة أشخاص، فيما أصيب عشرة، بحسب حصيلة أعلنتها الصحة."])
    assert toll.construction == "according-to"


def test_states_speak_and_their_lists_are_one_party() -> None:
    assert last(["أدانت قطر الهجوم."]).party == "Qatar"  # the object is not the span
    joint = last(["رحبت كل من الكويت والجزائر بالاتفاق."])
    assert (joint.span, joint.construction) == ("كل من الكويت والجزائر", "verb-subject")
    assert last(["Egypt welcomed the truce."], "en").party == "Egypt"
    # a construct head before a list of states: one party, the object after it
    embassies = last(["حذّرت سفارات فرنسا وألمانيا وإيطاليا رعاياها من السفر."])
    assert embassies.span == "سفارات فرنسا وألمانيا وإيطاليا"
    # after a definite subject, the listed states are the object
    assert last(["اتهمت الحكومة إيران وتركيا بدعم الهجوم."]).span == "الحكومة"


def test_a_named_spokesperson_speaks_for_themselves() -> None:
    named = last(["قال المتحدث باسم حماس، حازم قاسم، إن الحركة ترفض العرض."])
    assert named.party == "المتحدث باسم حماس"  # the person, not Hamas itself
    assert last(["قال المتحدث باسم حماس إن الحركة ترفض العرض."]).party == "Hamas"
    # an adverbial between commas is no name
    aside = last(["قال المتحدث باسم حماس، خلال مؤتمر صحفي، إن الحركة ترفض العرض."])
    assert aside.party == "Hamas"


def test_a_profession_before_a_name_keeps_the_name() -> None:
    assert last(["قال المهندس خالد العلي إن الجسر آمن."]).span == "المهندس خالد العلي"
    found = last(["استبعد المحلل الاقتصادي سامر الخطيب أن تنخفض الأسعار."])
    assert found.span == "المحلل الاقتصادي سامر الخطيب"


def test_thamman_is_a_cue_at_the_start_of_a_clause_only() -> None:
    # ثمّن "praised" and ثمن "price" fold alike: a cue only where a clause begins
    assert last(["وثمنت الوزارة تعاون الأهالي."]).span == "الوزارة"
    assert last(["ارتفع ثمن الخبز إلى خمسة جنيهات."]).party is None


def test_after_a_closed_construct_a_verb_that_takes_an_object_has_it() -> None:
    # the object follows a subject closed by its definite genitive
    assert last(["استهجن أهالي القرية تأخر وصول المساعدات."]).span == "أهالي القرية"
    assert last(["حمّل رئيس البلدية شركة الكهرباء المسؤولية."]).span == "رئيس البلدية"
    # after a person's title a name goes on
    named = last(["اتهم وزير الداخلية أحمد السعدي، المعارضة بالتحريض."])
    assert named.span == "وزير الداخلية أحمد السعدي"
    titled = last(["وحمّل الناطق باسم البلدية خالد سعيد الشركة المسؤولية."])
    assert (titled.span or "").startswith("الناطق باسم البلدية خالد سعيد"), titled


def test_english_passive_relay_and_citing_asides() -> None:
    quoted = last(
        ["The mayor was quoted by the local radio as saying the bridge had reopened."], "en"
    )
    assert (quoted.span, quoted.construction, quoted.via) == (
        "The mayor",
        "relay",
        "the local radio",
    )
    bare = last(["The mayor was quoted as saying the bridge had reopened."], "en")
    assert (bare.span, bare.construction, bare.via) == ("The mayor", "relay", None)
    # a medium citing someone before its verb relays them; a party citing witnesses reports
    medium = last(
        ["A local radio station, citing the fire brigade, reported the blaze was out."], "en"
    )
    assert (medium.span, medium.via) == ("the fire brigade", "A local radio station")
    own = last(["The relief committee, citing witnesses, reported that the market burned."], "en")
    assert (own.span, own.construction) == ("The relief committee", "subject-verb")
    # what is cited may be no one: "citing security reasons"
    reasons = last(["The army said the road was closed, citing security reasons."], "en")
    assert (reasons.span, reasons.via) == ("The army", None)


def test_english_issuer_of_a_statement_and_possessive_owners() -> None:
    issued = read(
        [
            "The water authority issued a statement on the outage.",
            "According to the statement, repairs will take a week.",
        ],
        "en",
    )
    assert issued[1].party == "The water authority", issued
    assert last(["Egypt's foreign ministry said it rejected the plan."], "en").party == (
        "the Foreign Ministry (Egypt)"
    )
    owned = last(["Lebanon's General Security said the convoy had left."], "en")
    assert owned.party == "Lebanon's General Security"  # the service, not the state
    listed = last(["The embassies of Chile, Peru and Spain warned their citizens."], "en")
    assert listed.span == "The embassies of Chile, Peru and Spain"
    assert last(["أدانت وزارة الخارجية السعودية الهجوم."]).party == "the Saudi Foreign Ministry"


def test_english_ruled_out_is_a_cue_but_rules_the_noun_is_not() -> None:
    assert last(["Analyst Rami Saad ruled out a quick deal."], "en").cue == "ruled out"
    assert last(["The committee's rules out of date were replaced."], "en").party is None


def test_the_medium_told_after_a_definite_noun_is_no_speaker() -> None:
    found = last(["وصرّح مصدر مسؤول في الرئاسة لوكالة الأنباء الرسمية بأن الزيارة ستتم."])
    assert found.span == "مصدر مسؤول في الرئاسة"


def test_a_quotation_then_hakadha_and_its_speaker() -> None:
    found = last(["«الوضع كارثي»، هكذا وصف أحد الأطباء المشهد في المستشفى."])
    assert (found.span, found.construction) == ("أحد الأطباء", "quote-inverted")
    # a plural adjective agrees with the group and stays
    assert last(["وقال أحد المعلمين المشاركين في الوقفة إن الرواتب تأخرت."]).span == (
        "أحد المعلمين المشاركين في الوقفة"
    )


def test_an_institution_then_a_colon_is_an_attributed_line() -> None:
    found = last(["الرئاسة الفلسطينية: الاحتلال يتحمل المسؤولية."])
    assert (found.span, found.construction) == ("الرئاسة الفلسطينية", "headline")
    assert last(["الحصيلة: عشرون قتيلاً."]).party is None


def test_a_bare_head_noun_names_the_latest_party_of_its_kind() -> None:
    found = read(["وقالت الأمم المتحدة إن المساعدات تأخرت.", "واعتبرت المنظمة أن الوضع خطير."])
    assert [r.party for r in found] == ["the United Nations", "the United Nations"]
    english = read(
        ["The UN refugee agency said 5,000 people crossed.", "The agency said camps were full."],
        "en",
    )
    assert english[1].party == "UN refugee agency (UNHCR)"
    # a head with its own words is a party of its own
    other = read(["قال الجيش الإسرائيلي إن العملية انتهت.", "وقالت حركة مدنية إن الأهالي عادوا."])
    assert other[1].party == "حركة مدنية"


def test_a_demand_opening_with_wa_has_its_subject_when_no_one_is_continued() -> None:
    # "ودعت الحكومة إلى ...": with no earlier speaker to continue, the noun phrase is the subject
    assert last(["ودعت الحكومة إلى احترام القانون."]).span == "الحكومة"
    assert last(["وطالبت مصر في بيان باحترام القانون."]).party == "Egypt"
    # after a speaker who agrees, it is the one asked ("she demanded the government act")
    found = read(["قالت الوزيرة إن الوضع صعب.", "وطالبت الحكومة بالتدخل."])
    assert found[1].construction == "continuation"


def test_a_known_state_joined_to_an_unknown_name_is_a_joint_party() -> None:
    joint = last(["ودعت جنوب أفريقيا وموزمبيق في بيان مشترك إلى احترام القانون."])
    assert joint.party == "جنوب أفريقيا وموزمبيق"  # both, named from the span, not South Africa
    ministry = last(["وقالت وزارة الخارجية والمغتربين إن الوضع صعب."])
    assert ministry.party == "the Foreign Ministry"  # a ministry's portfolios: one name
    english = last(["South Africa and Mozambique called for respect of the law."], "en")
    assert english.span == "South Africa and Mozambique"


def test_arabic_a_medium_citing_relays_a_party_citing_keeps_the_report() -> None:
    medium = last(["أفادت قناة محلية، نقلاً عن قيادة الشرطة، بأن الحريق أُخمد."])
    assert (medium.span, medium.construction, medium.via) == (
        "قيادة الشرطة",
        "relay",
        "قناة محلية",
    )
    media = last(["وأفادت وسائل إعلام محلية، نقلاً عن مصادر طبية، بأن ثلاثة أصيبوا."])
    assert media.construction == "relay"
    own = last(["وأفادت غرفة الطوارئ، وهي مجموعة تطوعية، نقلاً عن شهود عيان، بأن السوق احترق."])
    assert (own.span, own.construction) == ("غرفة الطوارئ", "verb-subject")
    assert own.also is not None  # the witnesses are kept as the second source


def test_english_call_with_an_evaluative_complement_is_a_claim() -> None:
    # "called X lies / illegal": describing, a claim; "called his brother": no claim
    found = last(["The port authority called the union's accusations lies."], "en")
    assert (found.span, found.cue) == ("The port authority", "called")
    assert last(["The mayor called the decision illegal."], "en").span == "The mayor"
    assert last(["He called his brother yesterday."], "en").party is None


def test_english_overlapping_aliases_take_the_longer() -> None:
    # "the UN High Commissioner for Refugees" is UNHCR, not "the UN" and UNHCR
    results, discourse = read_sentences(
        ["The UN High Commissioner for Refugees and the IOM said returns must wait."], "en"
    )
    assert results[0].party is not None
    assert discourse.entity(results[0].party).name == "UNHCR and IOM"


def test_the_voices_of_a_group_are_that_group_speaking() -> None:
    arabic = last(["وارتفعت أصوات المزارعين تطالب بتعويضات عاجلة عن خسائر الموسم."])
    assert (arabic.span, arabic.construction) == ("المزارعين", "voices")
    english = last(["The voices of fishermen demanding new nets are growing louder."], "en")
    assert (english.span, english.construction) == ("fishermen", "voices")
    # the voices of things are sounds: no one speaks
    assert last(["وتتعالى أصوات الانفجارات في المدينة."]).party is None
    assert last(["The voices of the sirens echoed in the city."], "en").party is None


def test_an_elative_adjective_belongs_to_the_name() -> None:
    # الأوسط، الأقصى، الأدنى describe the noun before them: "صحيفة الشرق الأوسط" is one name
    assert last(["وأشارت صحيفة الشرق الأوسط إلى أن المفاوضات متعثرة."]).span == (
        "صحيفة الشرق الأوسط"
    )
    assert last(["وقال متحدث باسم المسجد الأقصى إن الأبواب أغلقت."]).span == (
        "متحدث باسم المسجد الأقصى"
    )


def test_an_abbreviated_honorific_belongs_to_the_apposed_name() -> None:
    # د. (doctor) and Dr. before a name in apposition: its period ends no span, and a later
    # mention by the surname is the same party (ATTRIBUTION.md §3: "name, possibly with د.")
    assert [t.norm for t in tokenize("قالت د. سهام")] == ["قالت", "د", "سهام"]
    assert [t.text for t in tokenize("الوحدة 3.5. وقال")][-2:] == [".", "وقال"]
    found = read(
        [
            "وقال مدير مستشفى الرحمة، د. نبيل عيسى، إن غرف العمليات امتلأت.",
            "وأضاف عيسى أن المولدات تعمل بنصف طاقتها.",
        ]
    )
    assert found[0].party == "مدير مستشفى الرحمة، د. نبيل عيسى"
    assert found[1].party == found[0].party
    # a name that starts with the letter و (وسيم، وداد) is no conjunction
    found = read(
        [
            "وقالت مديرة المدرسة، وداد الحلبي، إن الصفوف مكتظة.",
            "وأضافت الحلبي أن المعلمين يعملون دون رواتب.",
        ]
    )
    assert found[1].party == found[0].party
    # a medical profession heads a span like any title, with its place of work
    found = read(
        ["«أغلقنا جناح الأطفال»، قال جرّاح العظام في مستشفى الأمل، د. هاني نصر، لـ«الشروق»."]
    )
    surgeon = ("جرّاح العظام في مستشفى الأمل", "quote-inverted")
    assert (found[0].span, found[0].construction) == surgeon
    found = read(
        [
            "The spokeswoman for the council, Dr. Rana Salim, said the roads were shut.",
            "Salim added that crews were out clearing them.",
        ],
        "en",
    )
    assert found[0].party == found[1].party == "Dr. Rana Salim"


def test_a_participle_that_denies_demands_or_threatens_gives_the_kind() -> None:
    # "X said ..., denying ...": the claim denies; a participle of a plain statement changes
    # nothing, and neither does one inside a quotation
    def kinds(sentences: list[str], language: str) -> list[str]:
        return [r.kind for r in read_sentences(sentences, language)[0]]

    arabic = [
        "وقال المتحدث باسم البلدية إن الشاحنات وصلت، نافياً وجود أي نقص في الوقود.",
        "وأضاف مدير المدرسة أن الدوام سيستمر، داعياً الأهالي إلى الهدوء.",
        "وقال المتحدث إن الشاحنات وصلت، مؤكداً أن الوقود متوفر.",
        'وقال المتحدث إن "الشاحنات وصلت، محذراً الجميع" في رسالة قديمة.',
    ]
    assert kinds(arabic, "ar") == ["denial", "demand", "statement", "statement"]
    english = [
        "The municipality spokesman said the trucks arrived, denying any fuel shortage.",
        "The head teacher added that classes would continue, urging parents to stay calm.",
        "The spokesman said the trucks arrived, stressing that fuel is available.",
        'The spokesman read out the note: "the trucks arrived, warning everyone."',
    ]
    assert kinds(english, "en") == ["denial", "demand", "statement", "statement"]


def one_party(first: str, later: str, language: str = "ar") -> Read:
    """Reads an introducing sentence and a later one; the later names the same party. Returns
    the first reading."""
    found = read([first, later], language)
    assert found[1].party == found[0].party, found
    return found[0]


def test_a_title_with_definite_words_behind_clitics_still_takes_its_apposed_name() -> None:
    # ATTRIBUTION.md §3, apposition: "بالمستشفى", "والإغاثة", "للتنمية" carry the article behind
    # a clitic; they complete the title and are no personal name, so the name after the comma
    # is the speaker's and the surname alone later is the same party
    first = one_party(
        "وقال مدير قسم الطوارئ والإغاثة بالمستشفى، سامر قدورة، إن الأسرّة نفدت.",
        "وأضاف قدورة أن الأدوية تكفي ليومين.",
    )
    assert first.party == "مدير قسم الطوارئ والإغاثة بالمستشفى"
    first = one_party(
        "رئيس الصندوق الوطني للتنمية، منير العطار، رفض من جهته هذه الأرقام.",
        "وشدد العطار على أن القروض صرفت كاملة.",
    )
    assert first.party == "رئيس الصندوق الوطني للتنمية"


def test_wuld_son_of_is_part_of_a_mauritanian_name() -> None:
    # ولد ("son of") joins the parts of a name like بن; it is no conjunction و + لد
    first = one_party(
        "وقال رئيس البلدية، سيدي ولد أحمدو، إن المياه انحسرت.",
        "وأوضح ولد أحمدو أن الطرق ما زالت مغلقة.",
    )
    assert first.party == "رئيس البلدية"


def test_a_place_after_the_title_then_an_apposed_name() -> None:
    # "الناطق باسم المحكمة بالعاصمة، فلان،": the place phrase (بـ + a definite word) between
    # the span and the comma leaves the apposed name the speaker's
    one_party(
        "ونقلت الإذاعة عن الناطق باسم المحكمة بالعاصمة، يوسف الدباغ، قوله إن الجلسة أجلت.",
        "وأوضح الدباغ أن الموعد الجديد لم يحدد.",
    )


def test_a_state_after_an_institution_and_fi_is_where_its_office_is() -> None:
    # "ممثل المنظمة في الأردن": the organisation's representative there, not Jordan speaking;
    # the state is no medium told either (after في, لبنان is no لـ + بنان)
    first = one_party(
        "وقالت ممثلة المنظمة في لبنان، رنا فخري، إن المساعدات تأخرت.",
        "وأضافت فخري أن المخازن فارغة.",
    )
    assert first.span == first.party == "ممثلة المنظمة في لبنان"


def test_a_noun_with_bi_before_a_quotation_opens_the_complement() -> None:
    # "أقر فلان بوجود «...»": بوجود is no part of the name (a name is never quoted on)
    found = read(
        [
            "وقال مدير الميناء، كمال ولد سيدي، إن الرافعات تعمل.",
            'وأقر ولد سيدي بوجود "نقص في العمال" خلال الليل.',
        ]
    )
    assert found[1].span == "ولد سيدي"
    assert found[1].party == found[0].party


def test_after_a_title_and_a_name_an_institution_is_the_object() -> None:
    # ATTRIBUTION.md §2: the object of حمّل is never the speaker, also after a person's name
    found = read(["وحمّل الناطق باسم البلدية سليم حداد شركة المياه مسؤولية الانقطاع."])
    assert found[0].span == "الناطق باسم البلدية سليم حداد"


def test_a_place_word_in_the_title_leaves_the_apposed_name_the_speakers() -> None:
    # "بجنين" after a definite word reads like a name's part, yet what stands between the
    # commas has no title: it is the person's name, not a role ("المحامية هالة، عضوة ...،")
    one_party(
        "وقال مدير الطوارئ في جمعية الإغاثة الطبية بجنين، عماد صوافطة، إن الطواقم منعت.",
        "وأضاف صوافطة أن سيارتين احتجزتا.",
    )


def test_an_accusative_ending_is_no_part_of_the_word() -> None:
    # after إنّ / غير أنّ the subject is accusative ("مسؤولاً محلياً"): its alef of tanween is
    # the case, so "المسؤول المحلي" later is the same party
    first = one_party(
        "غير أن مسؤولاً محلياً في البلدية، فضّل عدم كشف هويته، قال إن الطريق سيفتح.",
        "وأضاف المسؤول المحلي أن الجسر يحتاج إلى ترميم.",
    )
    assert first.party == "مسؤولاً محلياً في البلدية"


def test_the_same_source_points_back_at_the_latest_speaker() -> None:
    # ATTRIBUTION.md, according-to with an anaphor: "وحسب المصدر ذاته" / "According to the
    # same source" names no one; where no earlier party is a source, it is the latest speaker
    one_party(
        "وقال المتحدث باسم الدفاع المدني، العقيد سامي ناصر، إن الفرق أخلت الحي.",
        "وحسب المصدر ذاته، فإن ثلاثة مبانٍ انهارت.",
    )
    first = one_party(
        "Police spokesman Colonel Sami Nasser said that crews evacuated the district.",
        "According to the same source, three buildings collapsed.",
        "en",
    )
    assert first.party == "Police spokesman Colonel Sami Nasser"
    # sources named before are those sources, even with a speaker between
    found = read(
        [
            "وذكرت مصادر محلية أن الطريق أغلق.",
            "وقال رئيس البلدية إن الفرق تعمل.",
            "وحسب المصادر ذاتها، فإن الجسر تضرر.",
        ]
    )
    assert found[2].party == found[0].party != found[1].party
