"""Document entities: every PER/ORG/LOC mention belongs to exactly one entity of the document.

Runs once per document, after the extractors and the overlap/short-form pass (resolve.py):

- mentions with the same label and the same resolved name form one entity (a surname and the
  full name it was resolved to; a lexicon alias and its entry);
- a place or body named with and without its head word or nationality (غزة / قطاع غزة,
  الخارجية / وزارة الخارجية الأمريكية), and a person named by a first or last part of a fuller
  name (آل الشيخ / تركي آل الشيخ), are one entity when only one longer form fits;
- each entity gets a document-local id (e1, e2 … in order of first mention) and, as canonical
  name, its fullest mention in the article's own spelling;
- each quote's speaker is linked to the entity whose mention it is, or whose name it resolved to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

from khabar import text as textmod
from khabar.extractors.context import Context
from khabar.records import Entity, Quote

# Words that may stand before or after a name without changing what it names: place heads,
# organization heads and nationality adjectives (lexicon labels).
_HEAD_LABELS = frozenset({"LOC_TRIGGER", "ORG_TRIGGER", "DEMONYM"})


@dataclass(slots=True)
class DocEntity:
    """One person, organization or place of the document and its mentions."""

    id: str
    label: str
    canonical: str
    mentions: list[Entity] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # normalised names that refer to it
    known_as: str | None = None  # the lexicon entry's name (the first mention matched to an entry)


_START = attrgetter("start")


def _words(s: str) -> list[str]:
    return textmod.normalize(s).split()


def _fullest(mentions: list[Entity]) -> str:
    """The mention with the most words (then characters, then the earliest), spaces collapsed."""
    best = mentions[0] if len(mentions) == 1 else max(mentions, key=_fullness)
    return " ".join(best.text.split())


def _fullness(e: Entity) -> tuple[int, int, int]:
    return e.last - e.first, e.end - e.start, -e.start


def _is_head(ctx: Context, word: str) -> bool:
    labels = ctx.gaz.phrases.get(word, {}).keys() | ctx.gaz.phrases.get(word.removeprefix("ال"), {}).keys()
    return not labels.isdisjoint(_HEAD_LABELS)


def _inside(ctx: Context, short: list[str], long: list[str]) -> bool:
    """``short`` is ``long`` without some head words at its edges (غزة in قطاع غزة)."""
    n = len(short)
    for k in range(len(long) - n + 1):
        if long[k : k + n] == short:
            extra = long[:k] + long[k + n :]
            return bool(extra) and all(_is_head(ctx, w) for w in extra)
    return False


def _part_of_name(ctx: Context, short: list[str], long: list[str]) -> bool:
    """``short`` opens or ends the longer name ``long`` (أشرف / آل الشيخ / سيد المحدثين in أشرف
    غاني، تركي آل الشيخ، محمد سيد المحدثين)."""
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def _merge_contained(ctx: Context, groups: list[DocEntity]) -> list[DocEntity]:
    """Merge an entity into the one longer entity of its label that contains it: a place or body
    whose name (as written, or as its lexicon entry) only adds head words, a person's given name
    or family name alone. Groups are taken shortest name first, so chains end at the fullest."""
    forms = {id(g): [k.split() for k in g.keys] for g in groups}
    size = {id(g): max(len(f) for f in forms[id(g)]) for g in groups}
    holding: dict[tuple[str, str], list[DocEntity]] = {}  # (label, word) → entities with it in a name
    for h in groups:
        if size[id(h)] > 1:  # a host has a longer name than what it takes in
            for word in {w for f in forms[id(h)] for w in f}:
                holding.setdefault((h.label, word), []).append(h)
    if not holding:
        return groups
    merged: set[int] = set()
    for g in sorted(groups, key=lambda g: size[id(g)]):
        fits = _part_of_name if g.label == "PER" else _inside
        own = _words(g.canonical)
        hosts = [
            h
            for h in holding.get((g.label, own[0]), ())
            if own
            if h is not g
            and id(h) not in merged
            and size[id(h)] > len(own)
            and any(fits(ctx, own, f) for f in forms[id(h)])
        ]
        if len(hosts) == 1:
            hosts[0].mentions.extend(g.mentions)
            hosts[0].keys |= g.keys
            merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


def document_entities(ctx: Context, mentions: list[Entity]) -> list[DocEntity]:
    """Group the document's mentions into entities; sets each mention's ``entity`` id and its
    ``canonical`` (the entity's fullest name in the article)."""
    by_name: dict[tuple[str, str], list[Entity]] = {}  # (label, resolved name as given) → mentions
    for e in mentions:
        found = by_name.get((e.label, e.canonical))
        if found is None:
            by_name[e.label, e.canonical] = [e]
        else:
            found.append(e)
    by_key: dict[tuple[str, str], DocEntity] = {}  # spelling variants of one name meet here
    for (label, name), found in by_name.items():
        key = textmod.normalize(name)
        group = by_key.get((label, key))
        if group is None:
            by_key[label, key] = DocEntity("", label, "", found, {key})
        else:
            group.mentions = sorted(group.mentions + found, key=_START)
    groups = list(by_key.values())
    for g in groups:
        g.canonical = _fullest(g.mentions)
    if len(groups) > 1:
        groups = _merge_contained(ctx, groups)  # (mentions appended: re-sorted and re-measured below)
        for g in groups:
            if len(g.mentions) > 1:
                g.mentions.sort(key=_START)
                g.canonical = _fullest(g.mentions)
    groups.sort(key=lambda g: g.mentions[0].start)
    for k, g in enumerate(groups, 1):
        g.id = f"e{k}"
        g.known_as = next((e.known_as for e in g.mentions if e.known_as), None)
        g.keys.add(textmod.normalize(g.canonical))
        for e in g.mentions:
            e.entity, e.canonical, e.known_as = g.id, g.canonical, g.known_as
    return groups


def _body_named_in_full(ctx: Context, names: dict[str, list[DocEntity]], phrase: str) -> DocEntity | None:
    """The one body of the document (``names``: normalised name → entities) whose name is ``phrase``
    plus head words (الخارجية السعودية → وزارة الخارجية السعودية), if there is exactly one."""
    own = _words(phrase)
    found = {id(g): g for k, gs in names.items() for g in gs if g.label == "ORG" and _inside(ctx, own, k.split())}
    return next(iter(found.values())) if len(found) == 1 else None


def link_speakers(ctx: Context, groups: list[DocEntity], mentions: list[Entity], quotes: list[Quote]) -> None:
    """Give each speaker the entity whose mention it is, or whose name it resolved to (a role,
    an honorific or an implied subject carries the resolved name); its canonical becomes that
    entity's canonical."""
    if not quotes:
        return
    by_span = {(e.start, e.end): e for e in mentions}
    by_key: dict[str, DocEntity] = {}
    names: dict[str, list[DocEntity]] = {}
    for g in groups:  # its names, then its mentions' own texts (a title's holder as first written)
        for key in [*g.keys, *(textmod.normalize(t) for t in {e.text for e in g.mentions})]:
            by_key.setdefault(key, g)
            names.setdefault(key, []).append(g)
    by_id = {g.id: g for g in groups}
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        group = None
        if sp.span is not None and (sp.span.start, sp.span.end) in by_span:
            group = by_id.get(by_span[sp.span.start, sp.span.end].entity)
        if group is None:
            group = by_key.get(textmod.normalize(sp.canonical))
        if group is None and sp.label in ("DESC", "ORG"):
            group = _body_named_in_full(ctx, names, sp.canonical)
        if group is not None and (sp.label in (group.label, "DESC") or sp.span is None):
            sp.entity, sp.canonical, sp.label, sp.known_as = group.id, group.canonical, group.label, group.known_as
