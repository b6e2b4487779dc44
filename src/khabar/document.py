"""The Document: original text, word tokens with offsets, and their normalised matching forms.

Offsets are Python string indices into the original text; nothing here changes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar import text as textmod

_GAP_RE = re.compile(r"[ \t\u00a0\u200c-\u200f\-‐–]*")
SENTENCE_END = frozenset(".!?؟\n")


@lru_cache(maxsize=300_000)
def word_forms(surface: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """(normalised word, its clitic splits) for a surface word; cached across documents."""
    norm = textmod.normalize(surface)
    return norm, tuple(textmod.clitic_splits(norm))


@dataclass(slots=True)
class Match:
    """A lexicon phrase found in the text: tokens [first, last], characters [start, end)."""

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
        return self.gazetteer.info(self.labels[label])


class Document:
    """Tokenised view of one text, with helpers the extractors share."""

    def __init__(self, text: str, doc_id: str = "") -> None:
        self.text = text
        self.id = doc_id
        spans = textmod.tokens(text)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.words = [text[s:e] for s, e in spans]
        forms = [word_forms(w) for w in self.words]
        self.norms = [f[0] for f in forms]
        self.splits = [f[1] for f in forms]
        self._tok_at: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i: int) -> bool:
        """True when token i and i+1 are separated only by spaces or a hyphen (same phrase)."""
        if i + 1 >= len(self.words):
            return False
        gap_start, gap_end = self.ends[i], self.starts[i + 1]
        return gap_end == gap_start or _GAP_RE.fullmatch(self.text, gap_start, gap_end) is not None

    def gap(self, i: int) -> str:
        """The text between token i and token i+1 (or the end)."""
        end = self.starts[i + 1] if i + 1 < len(self.words) else len(self.text)
        return self.text[self.ends[i] : end]

    def clause_break_after(self, i: int) -> bool:
        """Punctuation after token i that ends a noun phrase (comma, full stop, colon, quotes…)."""
        return bool(self.gap(i).strip(" \t\u00a0\u200c-\u200f"))

    def token_at(self, char: int) -> int | None:
        """Index of the token starting at character offset ``char``."""
        if self._tok_at is None:
            self._tok_at = {s: i for i, s in enumerate(self.starts)}
        return self._tok_at.get(char)

    def first_token_from(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        from bisect import bisect_left

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
        phrases = gazetteer.phrases
        first_len = gazetteer.first_len
        norms = self.norms
        out: list[Match] = []
        n_tok = len(norms)
        for i in range(n_tok):
            for stripped, stem in self.splits[i]:
                max_len = first_len.get(stem)
                if not max_len:
                    continue
                key = stem
                j = i
                while True:
                    slot = phrases.get(key)
                    if slot:
                        start = self.span_start(i, stripped)
                        out.append(Match(i, j, start, self.ends[j], key, slot, stripped, gazetteer))
                    if j - i + 1 >= max_len or not self.joined(j):
                        break
                    j += 1
                    key = f"{key} {norms[j]}"
        return out
