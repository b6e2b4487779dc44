"""Organizations a rule found from their context, carried through the document: the context beats a
place entry for the same words (فريق الجزيرة is a club, not the region), and the name keeps that
sense in its other mentions. Called by resolve.py."""

from __future__ import annotations

from dataclasses import replace

from khabar.extractors.context import Context
from khabar.records import Entity

# Rules whose ORG reading of a name comes from its context (فريق الجزيرة، a fixture line): it
# beats a place entry for the same span, and the document's other mentions of that name follow it.
_CONTEXT_ORG = frozenset({"rule:trigger+name", "rule:fixture", "rule:club"})


def _context_spans(candidates: list[Entity]) -> set[tuple[int, int]]:
    return {(e.start, e.end) for e in candidates if e.label == "ORG" and e.source in _CONTEXT_ORG}


def context_over_lexicon(candidates: list[Entity]) -> list[Entity]:
    """The candidates without the LOC ones whose exact span a context rule reads as an ORG."""
    spans = _context_spans(candidates)
    if not spans:
        return candidates
    return [e for e in candidates if e.label != "LOC" or (e.start, e.end) not in spans]


def _readings(ctx: Context, e: Entity) -> set[str]:
    """Normalised texts of a mention with each clitic reading of its first word (الجزيرة، للجزيرة)."""
    rest = ctx.doc.norms[e.first + 1 : e.last + 1]
    return {" ".join((stem, *rest)) for _, stem in ctx.doc.splits[e.first]}


def one_sense_per_document(ctx: Context, taken: list[Entity], candidates: list[Entity]) -> list[Entity]:
    """A name that a context rule among the ``candidates`` read as an ORG although a place entry
    knows it (a club: فريق الجزيرة، بوردو ( فرنسا ) - …) is an ORG in its other mentions too: they
    lose the place entry's name (``known_as``) and take the source ``resolve:one-sense``."""
    spans = _context_spans(candidates)
    if not spans:
        return taken
    norms = ctx.doc.norms
    clubs = {
        " ".join(norms[e.first : e.last + 1])
        for e in taken
        if e.label == "ORG" and (e.start, e.end) in spans and ctx.longest(e.first, "LOC") is not None
    }
    if not clubs:
        return taken
    return [
        replace(e, label="ORG", canonical=" ".join(e.text.split()), source="resolve:one-sense", known_as=None)
        if e.label == "LOC" and not _readings(ctx, e).isdisjoint(clubs)
        else e
        for e in taken
    ]
