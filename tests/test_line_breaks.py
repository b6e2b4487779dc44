"""A line break reads as a space for names and speakers: a text gives the same entities and the
same cues and speakers whether its paragraphs end in line breaks or in spaces (one-line
documents: scraped pages, PDF dumps); only what was said ends with its paragraph. A long document
read in windows gives the records of one whole-document run."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _flat(records: list[dict], spans_only: bool = False, said: bool = True) -> list[str]:
    """Records as sorted strings, line breaks read as spaces; ``spans_only``: entity spans and
    quote kind/cue/quote (what does not depend on how far linking reaches); ``said=False``: quotes
    without what was said (its span and kind)."""
    out = []
    for r in records:
        if not said and r["type"] == "quote":
            r = {k: v for k, v in r.items() if k not in ("quote", "kind")}
        if spans_only:
            r = {"type": r["type"], "start": r.get("start"), "end": r.get("end"), "label": r.get("label")} | (
                {"kind": r["kind"], "cue": r["cue"], "quote": r["quote"]} if r["type"] == "quote" else {}
            )
        out.append(json.dumps(r, ensure_ascii=False, sort_keys=True).replace("\\n", " "))
    return sorted(out)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_one_line_text_gives_the_records_of_the_lined_text(pipeline, path):
    text = path.read_text(encoding="utf-8")
    lined = pipeline.extract(text)
    assert any(r["type"] == "quote" for r in lined)
    assert _flat(pipeline.extract(text.replace("\n", " ")), said=False) == _flat(lined, said=False)


def test_samples_joined_on_one_line_give_the_records_of_the_lined_text(pipeline):
    text = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in SAMPLE_FILES)
    one_line = _flat(pipeline.extract(text.replace("\n", " ")), said=False)
    assert one_line == _flat(pipeline.extract(text), said=False)


def test_what_was_said_ends_with_its_paragraph(pipeline):
    """A paragraph that ends without a full stop (CNN's paragraphs often do) ends what was said
    in it: the next paragraph is the narrator's, not more of the statement."""
    text = (
        "وقال المتحدث باسم الوزارة إن الحكومة ستواصل دعم المزارعين هذا العام\n"
        "أعلنت الشركة عن أرباح قياسية في الربع الأول."
    )
    quotes = [r for r in pipeline.extract(text) if r["type"] == "quote"]
    assert [q["quote"]["text"] for q in quotes] == ["الحكومة ستواصل دعم المزارعين هذا العام"]
    # on one line the two sentences read as one (no sentence end between them)
    quotes = [r for r in pipeline.extract(text.replace("\n", " ")) if r["type"] == "quote"]
    assert quotes[0]["quote"]["text"].endswith("الربع الأول")


@pytest.mark.parametrize("brk", ["\n", " "])
def test_windows_give_the_records_of_the_whole_run(pipeline, brk):
    from khabar import windows

    text = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in SAMPLE_FILES * 3).replace("\n", brk)
    whole = pipeline.run(text).records()
    windowed = windows.extract(pipeline, text, size=8000, overlap=1500)
    assert len({r["quote"]["start"] for r in whole if r["type"] == "quote"}) > 10
    assert _flat(windowed, spans_only=True) == _flat(whole, spans_only=True)


# (text with line breaks, the speaker of its quotation in both forms)
_SPEAKERS = [
    # a headline line with no punctuation, then و + verb + named subject: the name after the verb
    # speaks, not the name that ends the headline (when the line break is a space)
    (
        "ممثلة الأفلام ستورمي دانييلز تقاضي محامي ترامب\nوقالت ليندزي والترز، المتحدثة باسم البيت الأبيض،"
        ' إن "سنشاين ستنضم لموظفي البيت الأبيض".',
        "ليندزي والترز",
    ),
    # an implied speaker reaches over an unpunctuated headline line to the sentence before it
    ('وصل الوزير إلى الرياض أمس.\nالحكومة تعلن خطة جديدة للنقل\nوقال إن "الخطة ستبدأ الشهر المقبل".', "الوزير"),
    # negative: a verb without و keeps a subject before it (SVO)
    (
        'التقى الرئيس الفرنسي إيمانويل ماكرون نظيره دونالد ترامب أمس.\nماكرون قال إن "المحادثات كانت مثمرة".',
        "إيمانويل ماكرون",
    ),
]


@pytest.mark.parametrize("text, speaker", _SPEAKERS)
def test_a_line_break_is_no_sentence_end_for_the_speaker(pipeline, text, speaker):
    for form in (text, text.replace("\n", " ")):
        quotes = [r for r in pipeline.extract(form) if r["type"] == "quote"]
        assert [q["speaker"]["canonical"] for q in quotes] == [speaker], form
