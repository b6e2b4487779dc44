"""Quotation-mark spans: «…», “…”, "…" paired by what stands around each mark, never by line
breaks (a text reads the same whether its paragraphs end in line breaks or spaces).

A straight quote ``"`` opens when a space, the start or a colon/comma stands before it and a word
after it (ـ "نص، قال:"نص), closes when something else stands before it and a space, punctuation
or the end after it (نص" ـ);
otherwise it toggles. An opening mark met while a quotation is open either continues it (right
after sentence punctuation: the news convention of reopening a long quote at each new
paragraph) or, elsewhere, opens a quotation inside it (when no sentence ended since the open
mark; otherwise the open mark was never closed and is given up); if the outer one is never
closed, the pairs inside it stand on their own. A quotation still open at a paragraph end is given up unless the next
paragraph reopens it; a paragraph ends where sentence punctuation is followed by two or more
spaces or line breaks ("… .\n\n", ". \xa0": how many outlets separate paragraphs), the same
whether those are line breaks or spaces. Unbalanced marks are left alone rather than guessed.
"""

from __future__ import annotations

import re

from khabar.document import find_chars

OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
OPENING_MARKS = "".join(OPENERS)
MARK_CHARS = '«»“”"„'  # every quotation mark
_SENTENCE_PUNCT = ".!?؟"
_PARAGRAPH_END = re.compile(r"[.!?؟]\s\s")
_SENTENCE_END = re.compile(r"[.!?؟][\s\"'»”)]")
_LEADS = ":،,(«“؛"  # punctuation that leads into a quotation (قال:" …)


def _shape(text: str, at: int) -> str:
    """ "open", "close" or "" (either) for the straight quote at ``at``, from its neighbours."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    space_before, space_after = before.isspace(), after.isspace()
    if (space_before or before in _LEADS) and not space_after and after.isalnum():
        return "open"
    if not space_before and (space_after or not after.isalnum()) and before not in _LEADS:
        return "close"
    return ""


def _after_sentence(text: str, at: int) -> bool:
    """Sentence punctuation (then only spaces) stands right before offset ``at``."""
    k = at - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and k < at - 1 and text[k] in _SENTENCE_PUNCT


def _open_past_paragraphs(text: str, lo: int, hi: int) -> bool:
    """An open quotation stays open over the paragraph ends (sentence punctuation, then two or more
    whitespace characters) in ``text[lo:hi]``: each is followed by a reopening mark."""
    m = _PARAGRAPH_END.search(text, lo, hi)
    while m is not None:
        if not _reopens(text, m.start() + 1):
            return False
        m = _PARAGRAPH_END.search(text, m.end(), hi)
    return True


def _reopens(text: str, after: int) -> bool:
    rest = text[after : after + 200].lstrip()
    return bool(rest) and rest[0] in OPENERS


def quote_spans(text: str, marks: list[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the text inside each balanced pair of quotation marks, outermost pairs
    only (one pass over the marks). A quotation opened inside an open
    one nests in it (قالت «وجدت … «انتظام» …»); when the outer one is given up, the pairs
    closed inside it are kept. ``marks``: find_chars(text, MARK_CHARS), when the caller has it."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str, list]] = []  # open quotations: (offset after the mark, closer, pairs inside)
    last = 0
    for at in find_chars(text, MARK_CHARS) if marks is None else marks:
        if stack and not _open_past_paragraphs(text, last, at):
            spans.extend(_given_up(stack))
            stack = []
        last = at
        ch = text[at]
        shape = _shape(text, at) if ch == '"' else ""
        if not stack:
            if ch in OPENERS and shape != "close":
                stack.append((at + 1, OPENERS[ch], []))
            continue
        start, closer, inner = stack[-1]
        empty = not text[start:at].strip()
        if ch == closer and shape != "open" and not empty:
            stack.pop()
            (stack[-1][2] if stack else spans).append((start, at))
        elif ch in OPENERS and (empty or shape != "close"):
            if empty:
                stack[-1] = (at + 1, OPENERS[ch], inner)  # a doubled opening mark (" "…): the quote starts here
            elif not _after_sentence(text, at):  # (after a full stop: the quote continues, reopened)
                if _SENTENCE_END.search(text, start, at):  # a sentence ended inside: it was never closed
                    spans.extend(_given_up(stack))
                    stack = []
                stack.append((at + 1, OPENERS[ch], []))
    spans.extend(_given_up(stack))
    return sorted(spans)


def _given_up(stack: list[tuple[int, str, list]]) -> list[tuple[int, int]]:
    """The pairs closed inside quotations that are never closed."""
    return [span for _, _, inner in stack for span in inner]
