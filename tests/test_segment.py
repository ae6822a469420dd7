"""Segmentation: paragraphs, headings, Arabic sentence ends, quotations, long-sentence pieces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from annotated import AnnotatedRun, segmentation_misses

from summarize.segmentation.sentences import segment_article, split_sentences
from summarize.translation.fit import split_to_fit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفع السعر بنسبة 2.5 في المئة. وانخفض الطلب.", 2),
        ("بلغ العدد 3.000 طالب. وهذا رقم قياسي.", 2),
        ("قال د. أحمد إن الوضع جيد. وأضاف أن العمل مستمر.", 2),
        ("وصل أ.د. سامي أمس. ثم غادر.", 2),
        ("هل انتهى الأمر؟ لا! ما زال مستمراً…", 3),
        ("The U.S. envoy met Dr. Smith. They talked.", 2),
        ("سطر بلا نقطة في النهاية", 1),
    ],
)
def test_sentence_ends(text: str, expected: int) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == expected, sentences
    assert " ".join(sentences) == text


def test_no_split_inside_open_quotation() -> None:
    text = "وقال الوزير: “هذا أمر خطير. ونحن نرفضه تماماً” ثم غادر القاعة. وانتهى الاجتماع."
    assert split_sentences(text) == [
        "وقال الوزير: “هذا أمر خطير. ونحن نرفضه تماماً” ثم غادر القاعة.",
        "وانتهى الاجتماع.",
    ]


@pytest.mark.parametrize(
    "quoted",
    [
        "«هذا أمر خطير. ونحن نرفضه»",
        "“هذا أمر خطير. ونحن نرفضه”",
        "”هذا أمر خطير. ونحن نرفضه”",  # ” used as the opening mark
        '"هذا أمر خطير. ونحن نرفضه"',
    ],
)
def test_quote_styles(quoted: str) -> None:
    text = f"وصفه بـ{quoted} أمس. وانتهى."
    assert split_sentences(text) == [f"وصفه بـ{quoted} أمس.", "وانتهى."]


def test_quotation_ending_with_terminator_ends_sentence() -> None:
    text = "قال: “نحن فخورون بهذا. وسنواصل العمل.” وأشارت الوزارة إلى ذلك."
    assert split_sentences(text) == [
        "قال: “نحن فخورون بهذا. وسنواصل العمل.”",
        "وأشارت الوزارة إلى ذلك.",
    ]


def test_unclosed_quote_does_not_swallow_paragraph() -> None:
    text = "قال المسؤول “إن الوضع صعب. وأضاف أن الحل قريب. وانتهى."
    assert len(split_sentences(text)) == 3


def test_headline_and_headings_are_single_units(fixture_article: Path) -> None:
    segments = segment_article(fixture_article.read_text("utf-8"))
    kinds = [(s.paragraph, s.kind) for s in segments]
    assert kinds[0] == (0, "headline")
    # the headline holds "..." but is one unit
    assert segments[0].text == "مستشفى جديد في المدينة... والوزارة تعد بالمزيد"
    assert (3, "heading") in kinds
    assert [s.paragraph for s in segments] == sorted(s.paragraph for s in segments)
    assert {s.paragraph for s in segments} == {0, 1, 2, 3, 4}


def test_markdown_headings_and_crlf() -> None:
    segments = segment_article("# عنوان المقال\r\n\r\nجملة أولى. جملة ثانية.\r\n## قسم\r\nنص.")
    assert [(s.kind, s.text) for s in segments] == [
        ("headline", "عنوان المقال"),
        ("body", "جملة أولى."),
        ("body", "جملة ثانية."),
        ("heading", "قسم"),
        ("body", "نص."),
    ]


def test_segmentation_keeps_every_word(fixture_article: Path) -> None:
    text = fixture_article.read_text("utf-8")
    segments = segment_article(text)
    assert " ".join(s.text for s in segments).split() == text.split()


def test_seed_article_segmentation(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "article-ar.txt").read_text("utf-8")
    annotated = json.loads((shared_dir / "devset" / "seed-deir-ez-zor.json").read_text("utf-8"))
    segments = segment_article(text)
    headings = [s.text for s in segments if s.kind == "heading"]
    for heading in annotated["headings_ar"]:
        assert heading in headings
    bodies = [s.text for s in segments if s.kind == "body"]
    # every annotated claim sentence is exactly one segment
    for claim in annotated["claims"]:
        assert claim["ar"] in bodies, claim["ar"][:40]
    assert " ".join(s.text for s in segments).split() == text.split()


def test_own_annotated_sentences_are_kept_as_units(own_runs: list[AnnotatedRun]) -> None:
    """Every annotated sentence is one body unit (the devset's count is in the ratchet)."""
    assert all(not segmentation_misses(r) for r in own_runs)


def _words(text: str) -> int:
    return len(text.split()) + 1  # a stand-in token count: one per word, plus </s>


def test_split_to_fit_prefers_clause_marks() -> None:
    text = "أ ب ج د ه و ز ح، ط ي ك ل م ن س ع"
    pieces = split_to_fit(text, _words, 10)
    assert pieces == ["أ ب ج د ه و ز ح،", "ط ي ك ل م ن س ع"]


def test_split_to_fit_long_unpunctuated_sentence_loses_nothing() -> None:
    words = [f"كلمة{i}" for i in range(1500)]
    pieces = split_to_fit(" ".join(words), _words, 50)
    assert all(_words(p) <= 50 for p in pieces)
    assert " ".join(pieces).split() == words


def test_split_to_fit_one_giant_word() -> None:
    word = "ا" * 300
    pieces = split_to_fit(word, lambda t: len(t) // 10 + 1, 8)
    assert "".join(pieces) == word
    assert all(len(p) // 10 + 1 <= 8 for p in pieces)
