"""Lone one-word names from the lexicons need evidence in the document.

A lexicon entry that is a single word which is also a given name, a title or a common word (محمد،
صالح، عبدالله، الخطيب from ANERcorp's training names) is a person only with support: a title or a
speech verb right before it (الملك عبدالله، وقال صالح), or a longer name of the document that holds
it (علي عبدالله صالح … صالح). Otherwise it is an adjective (غذاء صالح للاستهلاك، من أجل صالح
المجتمع), a place (مدائن صالح) or a partial name the rules could not complete.
"""

from __future__ import annotations

from khabar.extractors.context import Context
from khabar.records import Entity
from khabar.text import normalize

_SUPPORT_LABELS = frozenset({"TITLE", "CUE"})


def _ambiguous_word(ctx: Context, key: str) -> bool:
    """The word ``key`` is also a given name, a title or a common word."""
    slot = ctx.gaz.phrases.get(key, {})
    return "GIVEN" in slot or "TITLE" in slot or key in ctx.gaz.common


def _supported(ctx: Context, i: int) -> bool:
    """A title or a speech verb ends right before token i (الملك عبدالله، وقال صالح)."""
    doc = ctx.doc
    if i == 0 or not doc.joined(i - 1):
        return False
    for k in range(max(0, i - 4), i):
        for m in ctx.by_first.get(k, ()):
            if m.last == i - 1 and not _SUPPORT_LABELS.isdisjoint(m.labels):
                return True
    return False


def unsupported_lone_names(ctx: Context, taken: list[Entity]) -> set[int]:
    """Indices into ``taken`` of one-word lexicon persons (the entry itself one word) that are
    ambiguous words without support in the document."""
    in_longer: set[str] | None = None  # words of the longer names (made when first needed)
    out = set()
    for n, e in enumerate(taken):
        if e.label != "PER" or e.first != e.last or e.source.startswith(("rule:", "resolve:")):
            continue
        key = normalize(e.known_as or " ")
        if " " in key:
            continue
        if in_longer is None:
            in_longer = {
                stem
                for other in taken
                if other.label == "PER" and other.last > other.first
                for i in range(other.first, other.last + 1)
                for _, stem in ctx.doc.splits[i]
            }
        if key in in_longer:
            continue  # an alias of a full name (مبارك → حسني مبارك), or a short form of a longer one
        if _ambiguous_word(ctx, key) and not _supported(ctx, e.first):
            out.add(n)
    return out
