"""Places: gazetteer names, and unknown names introduced by a place trigger (مدينة، قطاع …)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.extractors.context import NAME_LINKS, Context

from khabar.records import Entity

MINOR_POPULATION = 100_000  # smaller towns need cleaner evidence than capitals and countries


def _minor(info) -> bool:
    population = info.attr("population")
    return info.attr("kind") == "city" and population.isdigit() and int(population) < MINOR_POPULATION


def _ambiguous(ctx: Context, m) -> bool:
    """A place name that is also a common word, or a one-word small town: both need a trigger
    (مدينة، بلدة …) before them. Small towns share their names with clubs, firms and people."""
    info = m.info("LOC")
    if info.attr("ambiguous") == "1":
        return True
    if m.first != m.last:
        return False
    if m.key in ctx.gaz.common or ctx.is_common(m.first) or m.key in NAME_LINKS:
        return True
    return _minor(info)


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
