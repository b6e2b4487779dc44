"""No input crashes extraction, and offsets stay exact: seeded random texts of Arabic words,
loose letters, diacritics, tatweel, quotation marks, bidi marks, NUL and BOM characters."""

from __future__ import annotations

import random

ALPHABET = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    + list(' \n\t،,.:؛!?؟"«»“”„()-–—0123456789ABCxyz')
    + ["\u200f", "\u200e", "\x00", "\ufeff"]
)
WORDS = (
    "قال وقال أضاف وأضافت إن أن بأن الرئيس وزير الخارجية مسؤول أميركي نتنياهو بنيامين حماس حركة غزة "
    "قطاع مدينة رفح البيت الأبيض جو بايدن عن نقل معتبرا وتابع بحسب وفقا للمدينة والرئيس فيه"
).split()


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        r = rng.random()
        if r < 0.6:
            parts.append(rng.choice(WORDS))
        elif r < 0.9:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6))))
        else:
            parts.append(rng.choice(['"', "«", "»", "“", "”", ":", "\n", "، ", ". "]))
    return rng.choice([" ", "", "\n"]).join(parts)


def test_random_texts_never_crash_and_offsets_hold(pipeline):
    rng = random.Random(2026)
    for _ in range(400):
        text = random_text(rng)
        for r in pipeline.extract(text):
            spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
            for s in spans:
                if s and s.get("start") is not None:
                    assert text[s["start"] : s["end"]] == s["text"], (text, s)


def test_a_one_megabyte_document_without_newlines(pipeline):
    text = ("قال الرئيس إن «الوضع صعب» في غزة، " * 30_000)[:1_000_000]
    records = pipeline.extract(text)
    assert any(r["type"] == "quote" for r in records)


def test_threads_with_two_pipelines_give_the_sequential_results(pipeline):
    """Per-word caches belong to each gazetteer: two pipelines used from threads at once give
    exactly what each gives alone (a shared cache would mix their lexicon entries)."""
    from concurrent.futures import ThreadPoolExecutor

    from khabar import Pipeline

    rules_only = Pipeline(builtin_persons=False, use_env=False)
    rnd = random.Random(11)
    words = "قال الرئيس الأمريكي دونالد ترامب إن وزير الخارجية جيك سوليفان وصل إلى غزة ولرفح وحماس".split()
    texts = [" ".join(rnd.choice(words) for _ in range(40)) + "." for _ in range(60)]
    jobs = [(p, t) for t in texts for p in (pipeline, rules_only)]
    expected = [p.extract(t) for p, t in jobs]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda job: job[0].extract(job[1]), jobs))
    assert got == expected
