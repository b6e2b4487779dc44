"""The text layer: normalisation agrees with camel-tools, clitics split, offsets stay exact."""

from __future__ import annotations

import pytest

from khabar import text
from khabar.document import Document


def test_table_agrees_with_camel_tools():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

    sample = "أَحْمَد إِلى آمِنة مُسْتَشْفىً قُرآن ٱلرَّحْمٰن"
    expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(sample))))
    assert text.normalize(sample) == " ".join(expected.split())


@pytest.mark.parametrize(
    "word, normal",
    [
        ("إسرائيل", "اسرائيل"),
        ("مستشفى", "مستشفي"),
        ("حماسـة", "حماسه"),  # tatweel
        ("مُحَمَّدٌ", "محمد"),  # diacritics
        ("ی", "ي"),  # Persian yeh typed in Arabic text
    ],
)
def test_normalize(word, normal):
    assert text.normalize(word) == normal


@pytest.mark.parametrize(
    "word, stems",
    [
        ("لرفح", ["لرفح", "رفح"]),
        ("برئيس", ["برئيس", "رئيس"]),
        ("والرئيس", ["والرئيس", "الرئيس"]),
        ("للرئيس", ["للرئيس", "لرئيس", "الرئيس"]),
        ("وبغزه", ["وبغزه", "بغزه", "غزه"]),
        ("وكالة", ["وكالة", "كالة", "الة"]),
    ],
)
def test_clitic_splits(word, stems):
    assert [stem for _, stem in text.clitic_splits(word)] == stems


def test_tokens_keep_original_offsets():
    raw = "وقالَ نتنياهـو: «نحن»"
    doc = Document(raw)
    for start, end, word in zip(doc.starts, doc.ends, doc.words, strict=True):
        assert raw[start:end] == word
    assert doc.words == ["وقالَ", "نتنياهـو", "نحن"]
    assert doc.norms[1] == "نتنياهو"


def test_span_start_skips_proclitics_and_their_marks():
    doc = Document("وَلِرَفَح")
    assert doc.text[doc.span_start(0, 2) :] == "رَفَح"
