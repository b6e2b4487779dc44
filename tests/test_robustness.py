"""No input crashes extraction, and offsets stay exact: seeded random texts of Arabic words,
loose letters, diacritics, tatweel, quotation marks, bidi marks, NUL and BOM characters."""

from __future__ import annotations

import random

import pytest

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


# Issue 18 item 7: encodings. UTF-32 with BOM was read as UTF-16 (0 records, exit 0), files
# streamed in blocks lost their BOM or --encoding after the first block, and UTF-16 without BOM
# was called binary with no hint.

NEWS = "وقال الرئيس الأميركي جو بايدن إن «الاتفاق قريب» من غزة.\n"


def _records(path, encoding=None):
    import json

    from khabar import Pipeline, batch
    from khabar.reader import expand

    outcomes = list(batch.run(Pipeline(use_env=False), iter(expand([str(path)])), encoding=encoding))
    assert [o.error for o in outcomes if o.error] == []
    return [json.loads(line) for o in outcomes for line in o.data.splitlines()]


def _spans_hold(records, text):
    for r in records:
        spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
        for s in spans:
            if s and s.get("start") is not None:
                assert text[s["start"] : s["end"]] == s["text"]


def test_utf32_with_bom_is_not_read_as_utf16(tmp_path):
    import subprocess
    import sys

    expected = _records(_write(tmp_path / "a.txt", NEWS.encode("utf-8")))
    for enc in ("utf-32", "utf-32-le", "utf-32-be"):
        data = NEWS.encode(enc)
        if enc != "utf-32":
            data = ("\ufeff" + NEWS).encode(enc)
        f = _write(tmp_path / f"{enc}.txt", data)
        assert _without_doc(_records(f)) == _without_doc(expected), enc
    res = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", "-q", str(tmp_path / "utf-32-le.txt")], capture_output=True
    )
    assert res.returncode == 0 and res.stdout.count(b"\n") == len(expected) > 0


def _without_doc(records):
    return [{k: v for k, v in r.items() if k != "doc"} for r in records]


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_utf16_without_bom_is_decoded(tmp_path):
    from khabar.reader import decode

    text = NEWS * 3
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(enc), "x") == text
        assert decode("Reuters reported from Gaza.\n".encode(enc), "x") == "Reuters reported from Gaza.\n"
    expected = _records(_write(tmp_path / "a.txt", text.encode("utf-8")))
    assert _without_doc(_records(_write(tmp_path / "le.txt", text.encode("utf-16-le")))) == _without_doc(expected)


def test_binary_error_hints_at_encoding():
    from khabar.errors import InputError
    from khabar.reader import decode

    with pytest.raises(InputError, match="--encoding utf-16-le"):
        decode(bytes([0, 0, 0, 0x9C, 0x41, 0x13]) * 500, "x.txt")
    assert decode("ab".encode("utf-32-le"), "x", "utf-32-le") == "ab"


def _streamed(tmp_path, monkeypatch, data: bytes, encoding=None):
    from khabar import batch

    monkeypatch.setattr(batch, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(batch, "BLOCK_BYTES", 1_501)  # odd: blocks cut UTF-16 code units in two
    return _records(_write(tmp_path / "big.txt", data), encoding)


@pytest.mark.parametrize(
    "encoding, forced",
    [
        ("utf-16", None),  # BOM
        ("utf-16-le", None),  # no BOM: the pattern
        ("utf-16-le", "utf-16-le"),
        ("utf-32", None),
        ("cp1256", None),  # detected
        ("cp1256", "cp1256"),
        ("utf-8-sig", None),
    ],
)
def test_streamed_file_keeps_its_encoding_across_blocks(tmp_path, monkeypatch, encoding, forced):
    text = NEWS * 200
    data = text.encode(encoding)
    assert len(data) > 2_000 * 5
    records = _streamed(tmp_path, monkeypatch, data, forced)
    assert len([r for r in records if r["type"] == "quote"]) == 200
    _spans_hold(records, text)
