"""Bylines: the reporter's name at the head of a line, before or after the dateline place.

    كتب ـ خليفة أدهم :             (a writing verb, a dash, the name, a colon)
    الخرطوم ـ عبدالواحد لبيني ـ     (a place, a dash, the name, a dash)
    غزة ـ من أشرف أبوالهول :        (a place, a dash, من, the name, a colon)
    محمد أبو شعر- سبق- متابعة:      (the name, a dash, the outlet)

The name is two or three name-like words that the punctuation closes; a byline is never a speaker
(quotes do not read it), but its name is a person of the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from khabar.document import find_chars
from khabar.extractors.context import NAME_LINKS, Context
from khabar.records import Entity

_WRITES = frozenset({"كتب", "كتبت", "بقلم", "اعداد", "تقرير"})
_DASHES = ("ـ", "-", "–", "—")
_DASH_CHARS = "".join(_DASHES)
_CLOSERS = (":", "\n", *_DASHES)
MAX_NAME = 3


def byline_persons(ctx: Context) -> Iterator[Entity]:
    doc = ctx.doc
    dashes = find_chars(doc.text, _DASH_CHARS)
    if not dashes:
        return  # every byline has a dash
    lines = list(_line_starts(ctx))
    for n, i in enumerate(lines):
        # a byline's dash stands on its line or right after it, before the next line's first word ends
        end = doc.ends[lines[n + 1]] if n + 1 < len(lines) else len(doc.text)
        at = bisect_left(dashes, doc.starts[i])
        if at == len(dashes) or dashes[at] >= end:
            continue
        k = _after_dateline(ctx, i)
        if k is None:
            continue
        if k == i and not _opens_with_given_name(ctx, i):
            continue  # وسيقضي ترامب - …، وتحاكم المرأتان -: a clause, not a byline
        last = _closed_name(ctx, k, dash_only=k == i)
        if last is not None:
            yield ctx.mention("PER", k, last, "rule:byline")


def _line_starts(ctx: Context) -> Iterator[int]:
    """Tokens that open a line (a byline opens its line)."""
    doc, text = ctx.doc, ctx.doc.text
    if doc.n:
        yield 0
    pos = text.find("\n")
    last = 0
    while pos != -1:
        i = doc.first_token_from(pos)
        if i >= doc.n:
            return
        if i > last:
            yield i
            last = i
        pos = text.find("\n", doc.starts[i])


def _opens_with_given_name(ctx: Context, i: int) -> bool:
    """Token i, as written, is a listed given name (a byline alone on its line opens with one)."""
    return "GIVEN" in ctx.gaz.phrases.get(ctx.doc.norms[i], {}) and not ctx.word_has(i, "CUE")


def _after_dateline(ctx: Context, i: int) -> int | None:
    """Where the name starts on a line opening at token i: after كتب/a place and a dash (and من),
    or at i itself."""
    doc = ctx.doc
    k = None
    if doc.norms[i] in _WRITES:
        k = i + 1
    else:
        place = ctx.longest(i, "LOC")
        if place is not None:
            k = place.last + 1
    if k is None:
        return i
    if k < doc.n and doc.words[k] in _DASHES:
        k += 1
    elif not any(d in doc.gap(k - 1) for d in _DASHES):
        return None
    if k < doc.n and doc.norms[k] == "من":
        k += 1
    return k if k < doc.n else None


def _closed_name(ctx: Context, k: int, dash_only: bool) -> int | None:
    """Last token of a two- or three-word name starting at token k that a colon, a dash or the
    line's end closes (``dash_only``: a dash, for a name that opens the line); None otherwise."""
    doc = ctx.doc
    words = 0
    for j in range(k, min(doc.n, k + MAX_NAME + 1)):
        link = doc.norms[j] in NAME_LINKS
        after_link = j > k and doc.norms[j - 1] in NAME_LINKS and ctx.is_arabic_word(j)  # أبو شعر
        if not (link or after_link or ctx.known_name_part(j) or ctx.name_like(j, first=j == k)):
            return None
        if ctx.longest(j, "LOC", "ORG", "TITLE") and not ctx.known_name_part(j):
            return None
        words += not link
        gap = doc.gap(j)
        closers = _DASHES if dash_only else _CLOSERS
        closed = any(c in gap for c in closers) or (j + 1 < doc.n and doc.words[j + 1] in _DASHES)
        if closed:
            return j if words >= 2 and not link else None
        if not doc.joined(j) or words > MAX_NAME:
            return None
    return None
