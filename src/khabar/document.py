"""The Document: original text, word tokens with offsets, and their normalised matching forms.

Offsets are Python string indices into the original text; nothing here changes the text.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, compress, groupby
from operator import attrgetter, itemgetter, not_

from khabar import text as textmod

_GAP_RE = re.compile(r"[ \t\u00a0\u200c-\u200f\-‐–]*")


# surface word -> (normalised word, clitic readings, readings that start a lexicon phrase with
# the phrase's longest length and the reading's own entry): one look-up per token. The cache lives
# on its gazetteer (phrase starts depend on it); words of documents made without one go here.
_PLAIN_WORDS: dict[str, tuple] = {}
_NORM, _READINGS, _STARTS = itemgetter(0), itemgetter(1), itemgetter(2)
_FIRST = attrgetter("first")
_JOINS: dict[str, bool] = {}  # text between two tokens -> same phrase?
MAX_CACHED_FORMS = 300_000  # distinct surface words kept between documents (bounded memory)
_SPLIT_RE = re.compile(f"({textmod.WORD_RE.pattern})")

# The same per-token loops in C (khabar/_native.c), when built; KHABAR_PURE_PYTHON=1 turns them off.
NATIVE_API = 7  # the _native.API this code calls (a stale build of an older _native.c is not used)
_native = None
if not os.environ.get("KHABAR_PURE_PYTHON"):
    try:
        from khabar import _native
    except ImportError:  # installed without a C compiler: the pure-Python code below
        _native = None
    if getattr(_native, "API", None) != NATIVE_API:
        _native = None


_CHAR_CLASSES: dict[str, re.Pattern] = {}


def find_chars(text: str, chars: str) -> list[int]:
    """Offsets of the characters of ``text`` that are one of ``chars``."""
    if _native is not None:
        return _native.find_chars(text, chars)
    pattern = _CHAR_CLASSES.get(chars)
    if pattern is None:
        pattern = _CHAR_CLASSES[chars] = re.compile(f"[{re.escape(chars)}]")
    return [m.start() for m in pattern.finditer(text)]


def find_char_sets(text: str, sets: tuple[str, ...]) -> list[list[int]]:
    """``[find_chars(text, chars) for chars in sets]``, in one pass over the text."""
    if _native is not None:
        return _native.find_char_sets(text, sets)
    return [find_chars(text, chars) for chars in sets]


def _word_records(words: list[str], gazetteer) -> list[tuple]:
    """The cached record of every word, computing those not seen before (the result never
    depends on the shared cache staying intact, so threads may share a gazetteer)."""
    cache = _cache_of(gazetteer)
    try:
        return list(map(cache.__getitem__, words))  # the common case: every word seen before
    except KeyError:
        pass
    records = list(map(cache.get, words))
    new = _new_records(list(set(compress(words, map(not_, records)))), gazetteer)
    return [found if found is not None else new[word] for found, word in zip(records, words, strict=True)]


def _cache_of(gazetteer) -> dict[str, tuple]:
    cache = gazetteer.word_cache if gazetteer is not None else _PLAIN_WORDS
    if len(cache) >= MAX_CACHED_FORMS:
        cache.clear()
    return cache


def _new_records(missing: list[str], gazetteer) -> dict[str, tuple]:
    """Records of words not in the cache (distinct), added to the cache and returned."""
    # One translate call for all new words (tokens hold no spaces, so the join is reversible).
    table = textmod.norm_table()
    norms = " ".join(missing).translate(table).split(" ")
    if len(norms) != len(missing):  # a table that maps a letter to a space
        norms = [surface.translate(table) for surface in missing]
    first_len = gazetteer.first_len if gazetteer is not None else {}
    phrases = gazetteer.phrases if gazetteer is not None else {}
    new: dict[str, tuple] = {}
    # Phrase starts as Gazetteer.phrase_starts computes them, inlined: calling it once per new word
    # cost 2% of all instructions over 1,000 articles (callgrind).
    for surface, norm in zip(missing, norms, strict=True):
        if len(norm) > 2 and norm[0] in textmod.PROCLITICS:
            splits = tuple(textmod.clitic_splits(norm))
            hits = [(n, stem) for n, stem in splits if stem in first_len]  # mostly none
            starts = tuple([(n, stem, first_len[stem], phrases.get(stem)) for n, stem in hits]) if hits else ()
        else:
            splits = ((0, norm),)
            starts = ((0, norm, first_len[norm], phrases.get(norm)),) if norm in first_len else ()
        new[surface] = (norm, splits, starts)
    _cache_of(gazetteer).update(new)
    return new


def remember(cache: dict, key, value):
    """``cache[key] = value``, emptying the cache first when it holds MAX_CACHED_FORMS entries
    (the per-word caches stay bounded however many documents pass); returns ``value``."""
    if len(cache) >= MAX_CACHED_FORMS:
        cache.clear()
    cache[key] = value
    return value


def _joining(gap: str) -> bool:
    joined = _JOINS.get(gap)
    if joined is None:
        joined = remember(_JOINS, gap, _GAP_RE.fullmatch(gap) is not None)
    return joined


@dataclass(slots=True)
class Match:
    """A lexicon phrase found in the text: tokens [first, last], characters [start, end).

    The C scan fills these slots directly, in this order, without calling ``__init__`` (a
    ``__post_init__`` or another field order makes it call the class instead)."""

    first: int
    last: int
    start: int
    end: int
    key: str
    labels: dict  # label -> record index in the gazetteer
    stripped: int  # proclitic letters left out of the span
    gazetteer: object

    def info(self, label: str):
        """The lexicon entry behind this match for ``label``."""
        gazetteer = self.gazetteer
        index = self.labels[label]
        info = gazetteer._infos[index]  # (made once per record: skip the call when it is)
        return info if info is not None else gazetteer.info(index)


class Document:
    """Tokenised view of one text, with helpers the extractors share."""

    words: list[str]
    starts: list[int]  # character offset of each token
    ends: list[int]
    joins: list[bool]  # joins[i]: token i and i+1 are one phrase apart (only spaces or a hyphen between)
    norms: list[str]  # matching form of each token
    splits: list[tuple[tuple[int, str], ...]]  # clitic readings (letters stripped, stem) of each token
    _phrase_starts: list[tuple]  # readings of each token that start a lexicon phrase

    def __init__(self, text: str, doc_id: str = "", gazetteer=None) -> None:
        """Tokenise ``text``; with a ``gazetteer``, also note which words start its phrases
        (then :meth:`scan` with that gazetteer needs no further lookups per word)."""
        self.text = text
        self.id = doc_id
        self.gazetteer = gazetteer
        if _native is not None:
            self.words, self.starts, self.ends, self.joins = _native.tokenize(text)
            records, missing = _native.lookup(self.words, _cache_of(gazetteer))
            if missing:
                _native.fill(records, self.words, _new_records(missing, gazetteer))
            self.norms, self.splits, self._phrase_starts = _native.columns(records)
        else:
            self._tokenize(text, gazetteer)
        self.n = len(self.words)  # number of tokens (len(doc), without a method call)
        self.joined = self.joins.__getitem__  # (joined(i) without a Python frame: it is joins[i])

    def _tokenize(self, text: str, gazetteer) -> None:
        """words, starts, ends, norms, splits, phrase starts and joins, in Python."""
        # One C-level split gives words and the gaps between them; offsets are running lengths.
        parts = _SPLIT_RE.split(text)
        ends = list(accumulate(map(len, parts)))
        self.words = parts[1::2]
        self.starts = ends[0:-1:2]
        self.ends = ends[1::2]
        records = _word_records(self.words, gazetteer)
        self.norms = list(map(_NORM, records))
        self.splits = list(map(_READINGS, records))
        self._phrase_starts = list(map(_STARTS, records))
        gaps = parts[2:-1:2]
        joins = list(map(_JOINS.get, gaps))
        if None in joins:
            joins = list(map(_joining, gaps))
        joins.append(False)
        self.joins = joins

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i: int) -> bool:
        """True when token i and i+1 are separated only by spaces or a hyphen (same phrase)."""
        return self.joins[i]

    def gap(self, i: int) -> str:
        """The text between token i and token i+1 (or the end)."""
        end = self.starts[i + 1] if i + 1 < self.n else len(self.text)
        return self.text[self.ends[i] : end]

    def comma(self, i: int) -> bool:
        """A comma (، or ,) stands between token i and token i+1."""
        if self.joins[i]:
            return False  # (a joining gap holds only spaces and hyphens)
        end = self.starts[i + 1] if i + 1 < self.n else len(self.text)
        gap = self.text[self.ends[i] : end]
        return "،" in gap or "," in gap

    def first_token_from(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def has_article(self, i: int) -> bool:
        """Token i starts with the article ال as written (إليوت، ألمانيا do not: hamza marks a
        radical alef, never the article)."""
        word = self.words[i]
        return word.startswith(("ال", "ٱل")) and self.norms[i].startswith("ال")

    def span_start(self, i: int, stripped: int) -> int:
        """Character offset of token i after its first ``stripped`` proclitic letters."""
        if not stripped:
            return self.starts[i]
        return self.starts[i] + textmod.skip_letters(self.words[i], stripped)

    def scan(self, gazetteer) -> list[Match]:
        """Every lexicon phrase in the text (all lengths, every clitic reading)."""
        return self.scan_indexed(gazetteer)[0]

    def scan_indexed(
        self, gazetteer
    ) -> tuple[list[Match], dict[int, list[Match]], dict[tuple[int, int], Match], dict[str, list[Match]]]:
        """(matches, by_first, by_span, by_label): every lexicon phrase in the text (all lengths,
        every clitic reading) in text order; first token -> its matches; (first, last) -> the
        first match with that span; label -> the matches carrying it, in text order."""
        phrases = gazetteer.phrases
        norms = self.norms
        out: list[Match] = []
        joins = self.joins
        prefixes = gazetteer.prefixes
        if gazetteer is self.gazetteer:
            found = self._phrase_starts
        else:
            found = [gazetteer.phrase_starts(splits) for splits in self.splits]
        if _native is not None:
            return _native.scan(
                found, norms, joins, self.starts, self.ends, self.words, phrases, prefixes, Match, gazetteer
            )
        ends = self.ends
        for i in compress(range(len(found)), found):  # only the tokens that start a phrase
            for stripped, stem, max_len, slot in found[i]:
                start = self.span_start(i, stripped)
                if slot:
                    out.append(Match(i, i, start, ends[i], stem, slot, stripped, gazetteer))
                if max_len == 1 or not joins[i]:
                    continue
                j = i + 1
                key = f"{stem} {norms[j]}"
                while True:
                    slot = phrases.get(key)
                    if slot:
                        out.append(Match(i, j, start, ends[j], key, slot, stripped, gazetteer))
                    if j - i + 1 >= max_len or not joins[j] or key not in prefixes:
                        break  # no longer phrase goes on this way
                    j += 1
                    key = f"{key} {norms[j]}"
        by_first = {i: list(ms) for i, ms in groupby(out, _FIRST)}  # out is grouped by first token
        by_span = {(m.first, m.last): m for m in reversed(out)}
        by_label: dict[str, list[Match]] = {}
        for m in out:
            for label in m.labels:
                by_label.setdefault(label, []).append(m)
        return out, by_first, by_span, by_label
