"""The C loops (khabar._native) give exactly what the pure-Python code gives: the same tokens,
offsets, joins, word readings and lexicon matches, on real news and on seeded random text."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from khabar import document
from khabar.document import Document
from khabar.extractors.context import Context

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
native = document._native
needs_native = pytest.mark.skipif(native is None, reason="khabar._native not built (no C compiler?)")

# Word characters of every kind, marks and tatweel, every joining gap character and other
# separators, astral and lone-surrogate code points, NUL.
PIECES = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةپکی")
    + list("\u064b\u064c\u064e\u0650\u0651\u0652\u0670\u0640\u0610\u06d6")
    + list(' \t\u00a0\u200c\u200d\u200e\u200f-\u2010\u2013\u2014\n،,.:"«»_')
    + list("0123456789٣٤abcXYZéß")
    + ["😀", "\ud800", "\x00", "  ", " - "]
)


def test_native_is_built_where_ci_requires_it() -> None:
    if os.environ.get("KHABAR_REQUIRE_NATIVE"):
        assert native is not None, "khabar._native did not build"


def _columns(doc: Document) -> tuple:
    return doc.words, doc.starts, doc.ends, doc.joins, doc.norms, doc.splits, doc._phrase_starts


def _matches(doc: Document, gazetteer) -> tuple[list, dict, dict, dict]:
    """The scan, and Context's three indexes of it, as plain values."""
    ctx = Context(doc, gazetteer)

    def view(m):
        return (m.first, m.last, m.start, m.end, m.key, m.labels, m.stripped)

    by_first = {i: [view(m) for m in ms] for i, ms in ctx.by_first.items()}
    by_span = {span: view(m) for span, m in ctx.by_span.items()}
    by_label = {label: [view(m) for m in ms] for label, ms in ctx.by_label.items()}
    return [view(m) for m in ctx.matches], by_first, by_span, by_label


def _both(text: str, gazetteer, monkeypatch) -> tuple[tuple, tuple]:
    fast = Document(text, "", gazetteer)
    fast_view = (_columns(fast), _matches(fast, gazetteer) if gazetteer else None)
    with monkeypatch.context() as m:
        m.setattr(document, "_native", None)
        slow = Document(text, "", gazetteer)
        slow_view = (_columns(slow), _matches(slow, gazetteer) if gazetteer else None)
    return fast_view, slow_view


def _lexicon_text(rng: random.Random, phrases: list[str]) -> str:
    """Words of lexicon phrases, in order or mixed, with proclitics, marks and separators that do
    or do not join a phrase."""
    words = [w for p in phrases for w in p.split()]
    if rng.random() < 0.5:
        rng.shuffle(words)
    out = []
    for word in words:
        if rng.random() < 0.3:
            word = rng.choice(["و", "ب", "ل", "وب", "فل", "لل"]) + word
        if rng.random() < 0.2:
            k = rng.randrange(len(word) + 1)
            word = word[:k] + rng.choice("\u064e\u0651\u0640") + word[k:]
        out.append(word)
        out.append(rng.choice([" "] * 12 + ["  ", "-", "\u200c ", "، ", ". ", "\n", " و"]))
    return "".join(out)


@needs_native
def test_same_tokens_and_matches_on_samples(pipeline, monkeypatch) -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        fast, slow = _both(path.read_text(encoding="utf-8"), pipeline.gazetteer, monkeypatch)
        assert fast == slow, path.name


@needs_native
def test_same_tokens_on_random_characters(monkeypatch) -> None:
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        fast, slow = _both(text, None, monkeypatch)
        assert fast == slow, repr(text)


@needs_native
def test_same_character_offsets_on_random_characters(monkeypatch) -> None:
    rng = random.Random(17)
    sets = [".!?؟\n", '«»“”"„\n', "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "😀ـ\x00", "]^-\\"]
    for _ in range(2000):
        text = "".join(rng.choice(PIECES + ["]", "^", "\\", "A", "Z"]) for _ in range(rng.randint(0, 40)))
        latin = text.encode("latin-1", "ignore").decode("latin-1")  # a one-byte string too
        for t in (text, latin):
            fast = [document.find_chars(t, chars) for chars in sets]
            assert document.find_char_sets(t, tuple(sets)) == fast, repr(t)  # (one pass for all)
            with monkeypatch.context() as m:
                m.setattr(document, "_native", None)
                assert [document.find_chars(t, chars) for chars in sets] == fast, repr(t)
                assert document.find_char_sets(t, tuple(sets)) == fast, repr(t)


@needs_native
def test_same_matches_on_random_lexicon_phrases(pipeline, monkeypatch) -> None:
    rng = random.Random(11)
    gaz = pipeline.gazetteer
    multi = sorted(k for k in gaz.phrases if " " in k)
    found = 0
    for _ in range(300):
        fast, slow = _both(_lexicon_text(rng, rng.sample(multi, 8)), gaz, monkeypatch)
        assert fast == slow
        found += sum(1 for m in fast[1][0] if m[1] > m[0])
    assert found > 100  # the texts did exercise multi-word phrases


@needs_native
def test_same_records_from_the_pipeline(pipeline, monkeypatch) -> None:
    text = (SAMPLES / "rafah_meeting.txt").read_text(encoding="utf-8")
    fast = pipeline.extract(text, "x")
    monkeypatch.setattr(document, "_native", None)
    assert pipeline.extract(text, "x") == fast


@needs_native
def test_scan_fills_match_slots_as_its_init_would(pipeline) -> None:
    """scan fills a Match's slots in place; a type it must call (here a function) gives equal matches."""
    gaz = pipeline.gazetteer
    doc = Document((SAMPLES / "rafah_meeting.txt").read_text(encoding="utf-8"), "", gaz)
    args = (doc._phrase_starts, doc.norms, doc.joins, doc.starts, doc.ends, doc.words, gaz.phrases, gaz.prefixes)
    filled = native.scan(*args, document.Match, gaz)[0]
    called = native.scan(*args, lambda *fields: document.Match(*fields), gaz)[0]
    assert filled and filled == called
    assert all(type(m) is document.Match for m in filled)


@needs_native
def test_same_word_characters_over_the_whole_bmp(monkeypatch) -> None:
    """Every BMP character (and a few astral ones) is a word character in C exactly when re's
    pattern says so (the C tokenizer has fast paths for ASCII and the Arabic letters)."""
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000] + ["😀", "\U0001d400", "\U00020000"]
    fast, slow = _both(" ".join(chars), None, monkeypatch)
    assert fast == slow
