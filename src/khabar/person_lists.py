"""Persons named in a list: an unknown name next to a known person in a comma or و list (محمد
سعد، ومحمد هنيدي، وأشرف عبد الباقي) is a person too. Called by resolve.py."""

from __future__ import annotations

import re

from khabar.extractors.context import COLLIDING_FUNCTION_WORDS, FUNCTION_WORDS, NAME_LINKS, Context, not_a_name_shape
from khabar.records import Entity

_SEPARATOR = re.compile(r"\s*[،,]\s*")
_MEMBER_END = re.compile(r"[،,.:؛;\n]")
MAX_MEMBER = 3  # words of one member
_NAME_LABELS = frozenset({"GIVEN", "SURNAME", "PER"})


def _conjunct(ctx: Context, i: int) -> bool:
    """Token i is و + a word (ومحمد، وعلي): the start of the next member of a list."""
    norm = ctx.doc.norms[i]
    return norm[:1] == "و" and len(norm) > 3 and any(stripped == 1 for stripped, _ in ctx.doc.splits[i])


def _member_from(ctx: Context, a: int) -> tuple[int, int] | None:
    """The member starting at token a: up to MAX_MEMBER words to a comma, a full stop or the next
    و-conjunct; None when it runs longer."""
    doc = ctx.doc
    b = a
    while b + 1 < doc.n:
        if doc.joined(b):  # (a joining gap holds only spaces and hyphens: no gap text to search)
            if _conjunct(ctx, b + 1):
                break
        elif _MEMBER_END.search(doc.gap(b)):
            break
        if not doc.joined(b) or b - a + 1 >= MAX_MEMBER:
            return None
        b += 1
    return a, b


def _member_before(ctx: Context, first: int) -> tuple[int, int] | None:
    """The member ending right before the member that starts at token ``first`` (after a comma, or
    as a و-conjunct), or None."""
    doc = ctx.doc
    if first == 0 or not _separated(ctx, first - 1):
        return None
    b = a = first - 1
    while a > 0 and b - a + 1 < MAX_MEMBER and doc.joined(a - 1) and not _conjunct(ctx, a):
        a -= 1
    if _conjunct(ctx, a) or a == 0 or _MEMBER_END.search(doc.gap(a - 1)):
        return a, b
    return None


def _member_after(ctx: Context, last: int) -> tuple[int, int] | None:
    """The member starting after a comma or as a و-conjunct right after token ``last``, or None."""
    if last + 1 >= ctx.doc.n or not _separated(ctx, last):
        return None
    return _member_from(ctx, last + 1)


def _separated(ctx: Context, i: int) -> bool:
    """A list separator stands between tokens i and i+1: a comma alone, or و on token i+1."""
    doc = ctx.doc
    if doc.joined(i):  # (a joining gap holds only spaces and hyphens: no comma to search for)
        return doc.norms[i + 1][:1] == "و" and _conjunct(ctx, i + 1)
    return _SEPARATOR.fullmatch(doc.gap(i)) is not None


def _listed_name(ctx: Context, stem: str) -> bool:
    """``stem`` is a given name, a surname, a person entry or a name link (بن، أبو)."""
    return stem in NAME_LINKS or not _NAME_LABELS.isdisjoint(ctx.gaz.phrases.get(stem, ()))


def _name_shaped(ctx: Context, a: int, b: int) -> bool:
    """Tokens a..b (the و of a conjunct left out) may be a person's name: Arabic words of a name's
    shape (no verb, pronoun suffix or accusative), no function word, title, speech verb, nationality,
    place or body; the first without the article, unknown or a listed name part; the later ones
    unknown, listed or al- words."""
    doc = ctx.doc
    for k in range(a, b + 1):
        stem, written = doc.norms[k], doc.words[k]
        if k == a and _conjunct(ctx, a):
            stem, written = stem[1:], written[1:]
        if len(stem) < 2 or not ctx.is_arabic_word(k) or k == a and stem.startswith("ال"):
            return False
        if stem in FUNCTION_WORDS and stem not in COLLIDING_FUNCTION_WORDS:
            return False
        if ctx.longest(k, "TITLE", "CUE", "DEMONYM") or ctx.firm_place_or_org(k):
            return False
        if _listed_name(ctx, stem):
            continue
        if not_a_name_shape(stem, k == a, written) or k == a and stem.startswith(("بال", "كال")):
            return False  # (بالجهود: a preposition and a noun)
        if ctx.is_common(k) and (k == a or not stem.startswith("ال")):
            return False
        if k > a and (ctx.is_common(k) or k in ctx.by_first) and not _listed_name(ctx, doc.norms[k - 1]):
            return False  # كبير مفوضي اللجنة: an unknown bare word and a common noun, a construct
    return True


def list_members(ctx: Context, taken: list[Entity]) -> list[Entity]:
    """Unknown members of a list of persons (محمد سعد، ومحمد هنيدي، وأشرف عبد الباقي; حسن أبو
    السعود، جيهان الناصر، عنتر هلال): a name-shaped member next to a person in a comma or و list
    is a person, and extends the list in turn. A one-word member needs a person on both sides
    (ابوتريكة ومتعب وأسامة حسني)."""
    doc = ctx.doc
    queue = [(e.first, e.last) for e in taken if e.label == "PER"]
    seen = set(queue)
    covered: set[int] | None = None  # tokens of the mentions, firsts and lasts of the members:
    firsts: set[int] = set()  # made when the first member is found (most documents have none)
    lasts: set[int] = set()
    out = []
    while queue:
        first, last = queue.pop()
        for member in (_member_before(ctx, first), _member_after(ctx, last)):
            if member is None or member in seen:
                continue
            seen.add(member)
            a, b = member
            if covered is None:
                covered = {k for e in taken for k in range(e.first, e.last + 1)}
                persons = [(e.first, e.last) for e in taken if e.label == "PER"]
                firsts, lasts = {f for f, _ in persons}, {la for _, la in persons}
            if any(k in covered for k in range(a, b + 1)) or not _name_shaped(ctx, a, b):
                continue
            if a == b and not (a - 1 in lasts and a + 1 in firsts):
                continue
            queue.append(member)
            firsts.add(a)
            lasts.add(b)
            start = doc.span_start(a, 1) if _conjunct(ctx, a) else None
            out.append(ctx.mention("PER", a, b, "resolve:list", start=start))
    return out
