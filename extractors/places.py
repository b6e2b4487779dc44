"""Places: gazetteer names, and unknown names introduced by a place trigger (مدينة، قطاع …)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.extractors.context import NAME_LINKS, Context
from khabar.records import Entity


def _ambiguous(ctx: Context, m) -> bool:
    """A place name that is also a common word, or a one-word small town: both need a trigger
    (مدينة، بلدة …) before them. Small towns share their names with clubs, firms and people."""
    info = m.info("LOC")
    if info.attr("ambiguous") == "1":
        return True
    if m.first != m.last:
        return False
    if m.key in ctx.gaz.common or (not m.stripped and ctx.is_common(m.first)) or m.key in NAME_LINKS:
        return True
    return ctx.weak_place(m.key)


def _club(ctx: Context, m, info) -> bool:
    """A city followed by a masculine demonym is a team: ليون الفرنسي، برشلونة الإسباني
    (a city takes the feminine: برشلونة الإسبانية)."""
    doc = ctx.doc
    if m.last + 1 >= doc.n or not doc.joined(m.last):
        return False
    nxt = doc.norms[m.last + 1]
    if not (nxt.startswith("ال") and nxt.endswith("ي") and ctx.word_has(m.last + 1, "DEMONYM")):
        return False
    # not a country, and not a title or common word (السفيرة الأمريكية is an ambassador, not a town)
    title_or_common = "TITLE" in m.labels or ctx.is_common(m.first) or m.key in ctx.gaz.common
    return info.attr("kind") != "country" and not title_or_common


def _after_trigger(ctx: Context, i: int) -> bool:
    return i > 0 and ctx.doc.joined(i - 1) and ctx.word_has(i - 1, "LOC_TRIGGER")


def places(ctx: Context) -> Iterator[Entity]:
    """LOC mentions: lexicon matches (ambiguous ones only after a trigger), trigger + name."""
    doc = ctx.doc
    for m in ctx.labelled("LOC"):
        info = m.info("LOC")
        club = _club(ctx, m, info)
        if not club and _ambiguous(ctx, m) and not _after_trigger(ctx, m.first):
            continue
        if club:
            yield Entity(
                "ORG", m.start, m.end, doc.text[m.start : m.end], info.name, "rule:city+demonym", m.first, m.last
            )
            continue
        first, last = ctx.core(m, "LOC", "LOC_TRIGGER")  # قطاع غزة: the name is غزة
        start = m.start if first == m.first else doc.starts[first]
        yield ctx.entry_mention("LOC", info, first, last, start)
    for m in ctx.labelled("LOC_TRIGGER"):
        if m.last + 1 >= doc.n or not doc.joined(m.last):
            continue
        i = m.last + 1
        if ctx.by_first.get(i) or not ctx.name_like(i, first=True):
            continue
        start, end = doc.starts[i], doc.ends[i]
        text = doc.text[start:end]
        yield Entity("LOC", start, end, text, text, "rule:trigger+name", i, i)
