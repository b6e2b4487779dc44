"""Organizations: gazetteer names, trigger + noun phrase (حركة حماس، وزارة الخارجية), acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.extractors.context import Context

from khabar.records import Entity

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
MAX_NP = 4


def _np_end(ctx: Context, i: int) -> int | None:
    """Last token of the noun phrase that follows a trigger at token i-1, or None."""
    doc = ctx.doc
    known = ctx.longest(i, "ORG", "LOC")
    if known is not None:
        j = known.last
    elif doc.norms[i].startswith("ال") and not ctx.is_common(i) or ctx.name_like(i, first=True):
        j = i
    elif doc.norms[i].startswith("ال"):
        j = i  # definite complement: وزارة الخارجية
    else:
        return None
    while j + 1 < len(doc) and j - i + 1 < MAX_NP and doc.joined(j) and doc.norms[j + 1].startswith("ال"):
        if ctx.word_has(j + 1, "CUE") or ctx.word_has(j + 1, "TITLE"):
            break
        j += 1
    return j


def organizations(ctx: Context) -> Iterator[Entity]:
    """ORG mentions from the lexicon, from trigger + noun phrase, and from Latin acronyms."""
    doc = ctx.doc
    for m in ctx.matches:
        if "ORG" in m.labels:
            info = m.info("ORG")
            if info.attr("ambiguous") == "1":
                continue
            yield Entity("ORG", m.start, m.end, doc.text[m.start : m.end], info.name, info.source, m.first, m.last)
    for m in ctx.matches:
        if "ORG_TRIGGER" not in m.labels or m.last + 1 >= len(doc) or not doc.joined(m.last):
            continue
        if m.info("ORG_TRIGGER").attr("np") == "no":
            continue
        end = _np_end(ctx, m.last + 1)
        if end is None:
            continue
        text = doc.text[m.start : doc.ends[end]]
        known = ctx.longest(m.last + 1, "ORG")
        canonical = known.info("ORG").name if known and known.last == end else " ".join(text.split())
        yield Entity("ORG", m.start, doc.ends[end], text, canonical, "rule:trigger+np", m.first, end)
    for i, word in enumerate(doc.words):
        if word.isascii() and word.isupper() and _ACRONYM.fullmatch(word) and not ctx.by_first.get(i):
            yield Entity("ORG", doc.starts[i], doc.ends[i], word, word, "rule:acronym", i, i)
