"""Organizations a rule found from their context, carried through the document: the context beats a
place entry for the same words (فريق الجزيرة is a club, not the region), the name keeps that sense
in its other mentions, and its bare repetitions are mentions too (صحيفة تايمز … وقالت تايمز).
Called by resolve.py."""

from __future__ import annotations

from dataclasses import replace
from itertools import compress

from khabar.extractors.context import Context
from khabar.records import Entity
from khabar.text import clitic_forms

# Rules whose ORG reading of a name comes from its context (فريق الجزيرة، a fixture line): it
# beats a place entry for the same span, and the document's other mentions of that name follow it.
_CONTEXT_ORG = frozenset({"rule:trigger+name", "rule:fixture", "rule:club"})
# Rules whose names the document may repeat bare (صحيفة تايمز … وقالت تايمز، قوات المساعدة على
# إرساء الأمن ( إيساف ) … تكليف إيساف).
_REPEATED_ORG = frozenset({"rule:trigger+name", "rule:trigger+quoted", "rule:fixture", "rule:parenthesized"})


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


def _repeated_names(ctx: Context, taken: list[Entity]) -> dict[tuple[str, ...], str]:
    """Normalised words → canonical name of the ORG mentions a context rule found that may stand
    bare: no article, not one common or short word, not a person's last name in the document."""
    doc = ctx.doc
    names: dict[tuple[str, ...], str] = {}
    for e in taken:
        if e.label != "ORG" or e.source not in _REPEATED_ORG or doc.has_article(e.first):
            continue
        if e.first == e.last and (ctx.is_common(e.first) or len(doc.norms[e.first]) < 3):
            continue
        names.setdefault(tuple(doc.norms[e.first : e.last + 1]), e.canonical)
    for e in taken:
        if e.label == "PER" and e.last > e.first:
            names.pop((doc.norms[e.last],), None)  # (شركة X … الرئيس Y X)
    return names


def _guessed_person(e: Entity) -> bool:
    return e.label == "PER" and e.first == e.last and e.source.startswith("rule:")


def org_short_forms(ctx: Context, taken: list[Entity]) -> list[Entity]:
    """Other occurrences (proclitics left out) of the names of ``_repeated_names`` that no mention
    covers, as ORG mentions of the same name. A one-word person that a rule guessed from the slot
    alone (وأكدت إيساف: a speech verb's subject) does not count as covering: the name the document
    introduced as a body's wins the overlap (resolve:… outranks rule:…)."""
    names = _repeated_names(ctx, taken)
    if not names:
        return []
    doc = ctx.doc
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in names:
        by_first.setdefault(key[0], []).append(key)
    forms = {form for stem in by_first for form in clitic_forms(stem)}  # only these tokens may match
    covered = {k for e in taken if not _guessed_person(e) for k in range(e.first, e.last + 1)}
    out = []
    for i in compress(range(doc.n), map(forms.__contains__, doc.norms)):
        readings = ((stripped, key) for stripped, stem in doc.splits[i] for key in by_first.get(stem, ()))
        for stripped, key in readings:
            last = i + len(key) - 1
            if last >= doc.n or tuple(doc.norms[i + 1 : last + 1]) != key[1:]:
                continue
            if any(k in covered for k in range(i, last + 1)):
                continue
            start = doc.span_start(i, stripped)
            text = doc.text[start : doc.ends[last]]
            out.append(Entity("ORG", start, doc.ends[last], text, names[key], "resolve:org-short-form", i, last))
            covered.update(range(i, last + 1))
            break
    return out
