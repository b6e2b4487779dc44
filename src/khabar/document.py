"""The Document: original text, word tokens with offsets, and their normalised matching forms.

Offsets are Python string indices into the original text; nothing here changes the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from khabar import text as textmod

_GAP_RE = re.compile(r"[ \t\u00a0\u200c-\u200f\-‐–]*")


_FORMS: dict[str, tuple[str, tuple[tuple[int, str], ...]]] = {}
MAX_CACHED_FORMS = 300_000  # distinct surface words kept between documents (bounded memory)


def word_forms(surface: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """(normalised word, its clitic splits) for a surface word; cached across documents."""
    forms = _FORMS.get(surface)
    if forms is None:
        if len(_FORMS) >= MAX_CACHED_FORMS:
            _FORMS.clear()
        norm = surface.translate(textmod.norm_table())  # a token has no spaces to squeeze
        forms = _FORMS[surface] = (norm, tuple(textmod.clitic_splits(norm)))
    return forms


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
        get = _FORMS.get
        forms = [get(w) or word_forms(w) for w in self.words]
        self.norms = [f[0] for f in forms]
        self.splits = [f[1] for f in forms]
        self.joins = self._joins()  # joins[i]: token i and i+1 belong to one phrase

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i: int) -> bool:
        """True when token i and i+1 are separated only by spaces or a hyphen (same phrase)."""
        return self.joins[i]

    def _joins(self) -> list[bool]:
        text, fullmatch = self.text, _GAP_RE.fullmatch
        flags = [
            (s - e == 1 and text[e] == " ") or fullmatch(text, e, s) is not None
            for e, s in zip(self.ends, self.starts[1:], strict=False)
        ]
        flags.append(False)
        return flags

    def gap(self, i: int) -> str:
        """The text between token i and token i+1 (or the end)."""
        end = self.starts[i + 1] if i + 1 < len(self.words) else len(self.text)
        return self.text[self.ends[i] : end]

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
        phrases = gazetteer.phrases
        norms = self.norms
        out: list[Match] = []
        n_tok = len(norms)
        starts_of = gazetteer.starts_cache
        joins = self.joins
        words = self.words
        prefixes = gazetteer.prefixes
        for i in range(n_tok):
            starts = starts_of.get(words[i])
            if starts is None:
                starts = gazetteer.phrase_starts(words[i], self.splits[i])
            for stripped, stem, max_len in starts:
                key = stem
                j = i
                while True:
                    slot = phrases.get(key)
                    if slot:
                        start = self.span_start(i, stripped)
                        out.append(Match(i, j, start, self.ends[j], key, slot, stripped, gazetteer))
                    if j - i + 1 >= max_len or not joins[j] or (j > i and key not in prefixes):
                        break
                    j += 1
                    key = f"{key} {norms[j]}"
                    if j - i == 1 and key not in prefixes and key not in phrases:
                        break  # no phrase goes on this way
        return out
