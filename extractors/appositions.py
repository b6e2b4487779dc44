"""Appositions after a role: the name that follows a role phrase and speaks for it, also when no
list holds it (الرئيس التنفيذي للمهرجان عبدالعزيز المهوس، … ، الدكتور عبد اللطيف الزياني،)."""

from __future__ import annotations

from khabar.extractors.context import NAME_LABELS, NAME_LINKS, Context, abd_compound
from khabar.extractors.name_runs import SUBJECT_ENDS, name_run
from khabar.extractors.subject_names import subject_boundary
from khabar.records import Entity

MAX_NAME = 5  # words of an unlisted name after a role
MAX_HONORIFICS = 3  # الدكتور، الشيخ، المهندس … between the role and the name
NAME_ENDS = '،,:«“".('  # marks that may follow a name ending its subject


def definite_behind(doc, k: int) -> bool:
    """Token k is ل/ب + a definite noun (للمهرجان، بالجامعة): a role's complement, after which a name
    is in apposition, not a genitive."""
    norm = doc.norms[k]
    return norm.startswith("لل") or norm[:1] in "بل" and norm[1:3] == "ال"


def unlisted_name(ctx: Context, by_token: dict[int, Entity], j: int) -> Entity | None:
    """A name no list holds in apposition after a role, at token j or after honorifics there
    (، الدكتور عبد اللطيف الزياني،): a frequent given name (or عبد + a name) and at least one more
    name word, ending the subject (a complementizer, a mark, a speech verb or another role)."""
    doc = ctx.doc
    k = j
    while (
        k < doc.n
        and k - j < MAX_HONORIFICS
        and ctx.word_has(k, "TITLE")
        and not ctx.known_name_part(k)
        and doc.joined(k)
    ):
        k += 1  # honorifics: الدكتور، الشيخ، المهندس
    if k >= doc.n or doc.has_article(k) or by_token.get(k) is not None:
        return None
    norm = doc.norms[k]
    compound = abd_compound(norm)  # عبدالعزيز، عبدالرحمن
    if not (compound or norm in NAME_LINKS or ctx.starts_given_name(k, norm)):
        return _between_commas(ctx, by_token, j, k)
    end = name_run(ctx, k, introduced=True)
    if end is None or end == k or doc.norms[end] in NAME_LINKS:
        return None
    while end + 1 < doc.n and end - k < MAX_NAME and doc.joined(end) and doc.has_article(end + 1):
        if ctx.longest(end + 1, "TITLE", "LOC", "ORG") or not ctx.name_like(end + 1, first=False):
            break
        end += 1  # صباح بن عايد الزمهري: a family name in ال after the run
    nxt = end + 1
    known = by_token.get(nxt)
    if known is not None and known.label == "PER" and doc.joined(end):  # رجب طيب | أردوغان
        mention = ctx.mention("PER", k, known.last, "rule:role-apposition")
        mention.canonical = known.canonical if len(known.canonical) > len(mention.canonical) else mention.canonical
        return mention
    if nxt < doc.n and doc.joined(end):
        if not (subject_boundary(ctx, nxt) or ctx.longest(nxt, "TITLE") or doc.norms[nxt] in SUBJECT_ENDS):
            return None
    elif nxt < doc.n and doc.gap(end).strip()[:1] not in NAME_ENDS:
        return None  # (رجب طيب #أردوغان: the name goes on)
    return ctx.mention("PER", k, end, "rule:role-apposition")


def _between_commas(ctx: Context, by_token: dict[int, Entity], j: int, k: int) -> Entity | None:
    """Two or three words no list knows, name-shaped, set between commas right after a role (مدير
    معسكر أرتيك، أليكساي كاسبارزاك، لخدمة بي بي سي): the role's holder, though no given-name list
    has the first of them."""
    doc = ctx.doc
    if k != j or j == 0 or not doc.comma(j - 1):
        return None
    end = name_run(ctx, k, introduced=True)
    if end is None or end == k or end - k > 2 or end + 1 >= doc.n or not doc.comma(end):
        return None
    for w in range(k, end + 1):
        known = by_token.get(w)  # (the surname alone may be a person already: أفيشاي مندلبليت)
        inside = known is not None and known.label == "PER" and known.first > k and known.last <= end
        if known is not None and not inside or not unknown_name_word(ctx, w):
            return None
    return ctx.mention("PER", k, end, "rule:role-apposition")


def unknown_name_word(ctx: Context, w: int) -> bool:
    """Token w is a word the lexicons know at most as a name part: no article, no common word, and
    no label but a name's (not a place, a body, a title)."""
    labels = {label for m in ctx.by_first.get(w, ()) for label in m.labels}
    return not (ctx.doc.has_article(w) or ctx.is_common(w) or labels - NAME_LABELS)
