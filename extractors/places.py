"""Places: gazetteer names, and unknown names introduced by a place trigger (مدينة، قطاع …)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.extractors.context import Context

from khabar.records import Entity


def _ambiguous(ctx: Context, m) -> bool:
    info = m.info("LOC")
    if info.attr("ambiguous") == "1":
        return True
    return m.first == m.last and (m.key in ctx.gaz.common or ctx.is_common(m.first))


def _after_trigger(ctx: Context, i: int) -> bool:
    return i > 0 and ctx.doc.joined(i - 1) and ctx.word_has(i - 1, "LOC_TRIGGER")


def places(ctx: Context) -> Iterator[Entity]:
    """LOC mentions: lexicon matches (ambiguous ones only after a trigger), trigger + name."""
    doc = ctx.doc
    for m in ctx.matches:
        if "LOC" not in m.labels:
            continue
        if _ambiguous(ctx, m) and not _after_trigger(ctx, m.first):
            continue
        info = m.info("LOC")
        yield Entity("LOC", m.start, m.end, doc.text[m.start : m.end], info.name, info.source, m.first, m.last)
    for m in ctx.matches:
        if "LOC_TRIGGER" not in m.labels or m.last + 1 >= len(doc) or not doc.joined(m.last):
            continue
        i = m.last + 1
        if ctx.by_first.get(i) or not ctx.name_like(i, first=True):
            continue
        start, end = doc.starts[i], doc.ends[i]
        text = doc.text[start:end]
        yield Entity("LOC", start, end, text, text, "rule:trigger+name", i, i)
