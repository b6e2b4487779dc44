"""No input crashes extraction, and offsets stay exact: seeded random texts of Arabic words,
loose letters, diacritics, tatweel, quotation marks, bidi marks, NUL and BOM characters."""

from __future__ import annotations

import random

import pytest

from khabar.output import jsonl

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


# Hostile inputs (issue 18): a storm of speech cues must give output linear in the input.
STORMS = ["قال: ", "قال إن ", "وقال إن ", "، مضيفا أن ", "قال: «", "قال الرئيس إن ", "«نص طويل هنا»، قال. "]


@pytest.mark.parametrize("unit", STORMS)
def test_a_quote_storm_gives_output_linear_in_the_input(pipeline, unit):
    """'قال: ' * N once gave N quotes, each running to the end of the text (80 KB in, 402 MB
    out): quotes do not nest, so no quote holds another quote's cue and the output stays small."""
    text = unit * 6000
    records = pipeline.extract(text)
    assert len(jsonl(records)) < 10 * len(text.encode("utf-8"))
    quotes = [r for r in records if r["type"] == "quote"]
    for q in quotes:
        inside = [o for o in quotes if o is not q and q["quote"]["start"] <= o["cue"]["start"] < q["quote"]["end"]]
        assert not inside, (q["quote"]["text"][:60], inside[0]["cue"])


ARTICLE = [
    "قال الرئيس الأمريكي جو بايدن إن الاتفاق مع حركة حماس قريب في غزة.",
    "وأضاف وزير الخارجية أنتوني بلينكن أن المحادثات في القاهرة مستمرة منذ أسبوع.",
    "وأكدت وزارة الخارجية المصرية في بيان أن الوفد الإسرائيلي وصل إلى القاهرة.",
    "من جهته، قال المتحدث باسم الأمم المتحدة: «نحن ندعم كل جهد يوقف القتال».",
]


def _spans(records: list[dict]) -> list[tuple]:
    """What a record says, without entity ids: its kind and the offsets of its spans."""
    out = []
    for r in records:
        if r["type"] == "entity":
            out.append(("entity", r["label"], r["start"], r["end"]))
        else:
            sp = r["speaker"] or {}
            out.append(("quote", r["kind"], r["cue"]["start"], r["quote"]["start"], r["quote"]["end"], sp.get("start")))
    return sorted(out)


def _exact(text: str, records: list[dict]) -> None:
    for r in records:
        for s in [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]:
            if s and s.get("start") is not None:
                assert text[s["start"] : s["end"]] == s["text"], s


def test_a_long_one_line_document_gives_the_records_of_its_lined_version(pipeline, monkeypatch):
    """A document over the window size is read in windows cut at sentence ends: the one-line
    text (line breaks as spaces) gives the same records, at the same exact offsets, as the text
    with its line breaks, and the same as reading it whole."""
    from khabar import windows

    monkeypatch.setattr(windows, "WINDOW_CHARS", 1_500)
    monkeypatch.setattr(windows, "OVERLAP_CHARS", 300)
    lined = "\n".join(ARTICLE[k % 4] for k in range(120)) + "\n"
    one_line = lined.replace("\n", " ")
    got_lined, got_one = pipeline.extract(lined, "d"), pipeline.extract(one_line, "d")
    _exact(lined, got_lined)
    _exact(one_line, got_one)
    assert _spans(got_one) == _spans(got_lined)
    assert _spans(got_lined) == _spans(pipeline.run(lined, "d").records())  # nothing lost or repeated at seams
    assert len([r for r in got_one if r["type"] == "quote"]) == 120


def test_an_entity_across_a_window_seam_is_kept_whole(pipeline):
    """Without sentence ends the windows are cut at spaces, possibly inside a name: the mention
    is taken whole from the window whose core holds its start, never cut or lost."""
    from khabar import windows

    text = " ".join(f"{'كلمة ' * (k % 7)}الرئيس جو بايدن" for k in range(200))
    got = windows.extract(pipeline, text, "d", size=400, overlap=100)
    _exact(text, got)
    assert _spans(got) == _spans(pipeline.run(text, "d").records())
    persons = [r for r in got if r["type"] == "entity" and r["text"] == "جو بايدن"]
    assert len(persons) == 200


def test_windowed_entity_ids_are_unique_and_carried_across_seams(pipeline):
    """Entity ids stay unique in a windowed document: an entity met in the overlap keeps its
    id, and every speaker's entity id is one the entity records carry."""
    from khabar import windows

    text = " ".join(ARTICLE[k % 4] for k in range(80))
    got = windows.extract(pipeline, text, "d", size=1_200, overlap=300)
    by_id: dict[str, set[str]] = {}
    for r in got:
        if r["type"] == "entity":
            by_id.setdefault(r["entity"], set()).add(r["label"])
    assert all(len(labels) == 1 for labels in by_id.values())
    speakers = {r["speaker"]["entity"] for r in got if r["type"] == "quote" and r["speaker"]["entity"]}
    assert speakers and speakers <= set(by_id)
    assert len(by_id) < len([r for r in got if r["type"] == "entity"])  # one id per entity, not per mention


def test_a_streamed_document_is_read_a_window_at_a_time(pipeline):
    """Windows are extracted as the text arrives: the first window's records come before most
    of the text has been read (memory holds about one window, not the document)."""
    from khabar import windows

    taken = []

    def pieces():
        for k in range(200):
            taken.append(k)
            yield ARTICLE[k % 4] + " "

    stream = windows.stream(pipeline, pieces(), "d", size=1_000, overlap=200)
    first = next(stream)
    assert first and len(taken) < 40
    assert sum(len(part) for part in stream) > 100


def test_a_long_document_with_lines_is_never_extracted_whole(pipeline, monkeypatch):
    """Issue 18.5: one long document cost memory and time growing faster than its size. Every
    extraction now reads at most one window and its context, so the cost per character is that
    of a window whatever the document's length (and offsets still index the whole text)."""
    from khabar import Pipeline, windows

    monkeypatch.setattr(windows, "WINDOW_CHARS", 3_000)
    monkeypatch.setattr(windows, "OVERLAP_CHARS", 500)
    sizes = []
    run = Pipeline.run

    def spy(self, text, doc_id=""):
        sizes.append(len(text))
        return run(self, text, doc_id)

    monkeypatch.setattr(Pipeline, "run", spy)
    text = "\n".join(ARTICLE[k % 4] for k in range(600))
    records = pipeline.extract(text, "d")
    _exact(text, records)
    assert len(sizes) > 10 and max(sizes) <= 3_000 + 4 * 500
    assert len([r for r in records if r["type"] == "quote"]) == 600
