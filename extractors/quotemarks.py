"""Quotation-mark spans: «…», “…”, "…" paired within a paragraph (or across paragraphs when the
next paragraph reopens the quote, the news convention for long quotes). Unbalanced marks are
left alone rather than guessed."""

from __future__ import annotations

import re

OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_MARK_OR_BREAK_RE = re.compile(r'[«»“”"„\n]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each balanced pair of quotation marks (one pass over the
    marks and line breaks)."""
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset after the opening mark, expected closer)
    para_start = 0
    continuing = False  # a quote is open at the start of this paragraph
    for m in _MARK_OR_BREAK_RE.finditer(text):
        ch = m.group()
        if ch == "\n":  # the paragraph ends after this break
            para_start = m.end()
            if opened is not None and not _reopens(text, para_start):
                opened = None  # unbalanced: give up on this mark
            continuing = opened is not None
            continue
        if continuing and not text[para_start : m.start()].strip():
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
    return spans


def _reopens(text: str, para_end: int) -> bool:
    rest = text[para_end : para_end + 200].lstrip()
    return bool(rest) and rest[0] in OPENERS
