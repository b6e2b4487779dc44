"""Quotation-mark spans: «…», “…”, "…" paired within a paragraph (or across paragraphs when the
next paragraph reopens the quote, the news convention for long quotes). Unbalanced marks are
left alone rather than guessed."""

from __future__ import annotations

import re

OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_MARK_RE = re.compile(r'[«»“”"„]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each balanced pair of quotation marks."""
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset after the opening mark, expected closer)
    pos = 0
    for para_end in _paragraph_ends(text):
        continuing = opened is not None
        for m in _MARK_RE.finditer(text, pos, para_end):
            ch = m.group()
            if continuing and not text[pos : m.start()].strip():
                continuing = False
                continue  # the mark that reopens a continued quote
            continuing = False
            if opened is None:
                if ch in OPENERS:
                    opened = (m.end(), OPENERS[ch])
            elif ch == opened[1]:
                if not text[opened[0] : m.start()].strip():
                    opened = (m.end(), opened[1])  # a doubled opening mark (" "…): the quote starts here
                    continue
                spans.append((opened[0], m.start()))
                opened = None
        if opened is not None and not _reopens(text, para_end):
            opened = None  # unbalanced: give up on this mark
        pos = para_end
    return spans


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.end() for m in re.finditer(r"\n", text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


def _reopens(text: str, para_end: int) -> bool:
    rest = text[para_end : para_end + 200].lstrip()
    return bool(rest) and rest[0] in OPENERS
