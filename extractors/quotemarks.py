"""Quotation-mark spans: «…», “…”, "…" paired within a paragraph (or across paragraphs when the
next paragraph reopens the quote, the news convention for long quotes). Unbalanced marks are
left alone rather than guessed. A paragraph ends at a line break, or at a no-break space right
after sentence punctuation (". \xa0 و…": how several Saudi outlets separate paragraphs)."""

from __future__ import annotations

from khabar.document import find_chars
from khabar.extractors.clauses import nbsp_paragraph_end

OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
OPENING_MARKS = "".join(OPENERS)
_MARKS_AND_BREAK = '«»“”"„\n\xa0'


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each balanced pair of quotation marks (one pass over the
    marks and line breaks)."""
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset after the opening mark, expected closer)
    para_start = 0
    continuing = False  # a quote is open at the start of this paragraph
    for at in find_chars(text, _MARKS_AND_BREAK):
        ch = text[at]
        if ch == "\xa0":
            if nbsp_paragraph_end(text, at, ".!?؟:") is None:
                continue  # a no-break space inside a sentence
            ch = "\n"
        if ch == "\n":  # the paragraph ends after this break
            para_start = at + 1
            if opened is not None and not _reopens(text, para_start):
                opened = None  # unbalanced: give up on this mark
            continuing = opened is not None
            continue
        if continuing and not text[para_start:at].strip():
            continuing = False
            continue  # the mark that reopens a continued quote
        continuing = False
        if opened is None:
            if ch in OPENERS:
                opened = (at + 1, OPENERS[ch])
        elif ch == opened[1]:
            if not text[opened[0] : at].strip():
                opened = (at + 1, opened[1])  # a doubled opening mark (" "…): the quote starts here
                continue
            spans.append((opened[0], at))
            opened = None
    return spans


def _reopens(text: str, para_end: int) -> bool:
    rest = text[para_end : para_end + 200].lstrip()
    return bool(rest) and rest[0] in OPENERS
