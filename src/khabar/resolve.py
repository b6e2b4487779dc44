"""One pass over the candidates: overlap policy, short forms → full names."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from operator import attrgetter

from khabar.document import remember
from khabar.extractors.appositions import definite_behind
from khabar.extractors.clauses import SENTENCE_MARKS
from khabar.extractors.context import COLLIDING_FUNCTION_WORDS, NAME_LINKS, WESTERN_PARTICLES, Context
from khabar.org_propagation import context_over_lexicon, one_sense_per_document, org_short_forms
from khabar.person_evidence import unsupported_lone_names
from khabar.person_lists import list_members
from khabar.records import Entity
from khabar.text import clitic_forms

# Higher wins when two candidates cover exactly the same span.
_SOURCE_RANK = {"rule:acronym": 0, "rule:trigger+name": 1, "rule:cue": 1, "rule:given-name": 2, "rule:title": 3}


def _negated_rank(source: str) -> int:
    """-rank of a source: its _SOURCE_RANK, else 1 for another rule and 4 for a lexicon entry."""
    rank = _SOURCE_RANK.get(source)
    if rank is None:
        rank = 1 if source.startswith("rule:") else 4
    return remember(_NEGATED_RANKS, source, -rank)


_NEGATED_RANKS: dict[str, int] = {}  # source -> _negated_rank (bounded: see document.remember)
_END = attrgetter("end")
_START = attrgetter("start")


def filter_overlaps(candidates: Iterable[Entity]) -> list[Entity]:
    """Keep non-overlapping mentions: longest first, then earliest, then lexicon over rules."""
    # Order: longest first, then earliest, then the higher-ranked source. The keys are made in one
    # comprehension with the ranks cached per source (a key function would be one Python call per
    # candidate; a rank of 0 is only looked up again).
    ranks = _NEGATED_RANKS
    candidates = list(candidates)
    keys = [(e.start - e.end, e.start, ranks.get(e.source) or _negated_rank(e.source)) for e in candidates]
    ordered = [candidates[n] for n in sorted(range(len(candidates)), key=keys.__getitem__)]  # (stable)
    taken: list[Entity] = []
    used = bytearray(max(map(_END, ordered), default=0))
    for e in ordered:
        start, end = e.start, e.end
        if used.find(1, start, end) >= 0:  # (a C search, not any() over a slice)
            continue
        used[start:end] = b"\x01" * (end - start)
        taken.append(e)
    taken.sort(key=_START)
    return taken


MIN_AL_SURNAME = 5  # العناني may stand for خالد العناني; shorter al- words are too often common nouns


def person_names(ctx: Context, persons: list[Entity]) -> dict[str, str]:
    """Normalised full names and surnames in the document → canonical full name."""
    names: dict[str, str] = {}
    for e in sorted(persons, key=lambda e: e.start - e.end):
        words = ctx.doc.norms[e.first : e.last + 1]
        canonical = e.canonical
        names.setdefault(" ".join(words), canonical)
        last = words[-1]
        if len(words) >= 3 and words[-2] in NAME_LINKS:
            continue  # محمد بن سلمان، عبدالعزيز آل الشيخ: the last word alone is another person or a title
        if len(words) >= 2 and len(last) >= 3 and (not last.startswith("ال") or len(last) >= MIN_AL_SURNAME):
            names.setdefault(last, canonical)
    return names


def shared_surnames(ctx: Context, persons: list[Entity]) -> dict[str, list[tuple[int, str]]]:
    """Surnames that several people of the document carry (دونالد ترامب، ميلانيا ترامب) → the
    (offset, canonical) of each one's first full-name mention, in text order. A name whose first word
    could not open a name (السيد قبادي، فإن المطيري) is no one else; a shorter form of a longer name
    (خوزيه آبرو، خوزيه أنطونيو آبرو) is the same person."""
    doc = ctx.doc
    seen: dict[str, dict[str, int]] = {}
    for e in persons:
        if e.last > e.first and ctx.name_like(e.first, first=True) and not ctx.word_has(e.first, "TITLE"):
            first = seen.setdefault(doc.norms[e.last], {})
            first[e.canonical] = min(first.get(e.canonical, e.start), e.start)
    out = {}
    for word, found in seen.items():
        people = {c: start for c, start in found.items() if not any(_longer_form(c, o) for o in found)}
        for c, start in found.items():
            longer = next((o for o in people if _longer_form(c, o)), None)
            if longer is not None:
                people[longer] = min(people[longer], start)
        if len(people) > 1:
            out[word] = sorted((start, canonical) for canonical, start in people.items())
    return out


def _longer_form(name: str, other: str) -> bool:
    """``other`` is a longer form of ``name``: the same first and last word, more words."""
    a, b = name.split(), other.split()
    return len(b) > len(a) and a[0] == b[0] and a[-1] == b[-1]


def _named_by(options: list[tuple[int, str]] | None, canonical: str | None, pos: int) -> str | None:
    """``canonical`` (the longest full name with this surname), unless that person is first named
    after offset ``pos`` and another one before it: then the one last named before (ترامب after
    دونالد ترامب is Donald, though ميلانيا ترامب, named later, is the longer name)."""
    if options is None or canonical is None:
        return canonical
    first = min((start for start, c in options if c == canonical), default=None)
    before = [c for start, c in options if start < pos]
    return before[-1] if first is not None and first > pos and before else canonical


def first_names(ctx: Context, persons: list[Entity]) -> dict[str, str]:
    """First word → full name, for first words that only one person of the document carries
    (الأمير محمد → محمد بن سلمان when no other محمد is named)."""
    seen: dict[str, set[str]] = {}
    for e in persons:
        if e.last > e.first:
            seen.setdefault(ctx.doc.norms[e.first], set()).add(e.canonical)
    return {w: next(iter(c)) for w, c in seen.items() if len(c) == 1}


def given_name_fronts(ctx: Context, taken: list[Entity]) -> list[Entity]:
    """Full names for one-word persons: another occurrence right after a given name (هيذر نويرت);
    for a longer name, an unseen first name and a particle before its first occurrence (يوهانس فان
    در كلاوو)."""
    doc = ctx.doc
    out = _unseen_given_fronts(ctx, taken)
    singles = {doc.norms[e.first] for e in taken if e.label == "PER" and e.first == e.last}
    if not singles:
        return out
    hits = [i for i in compress(range(doc.n), map(singles.__contains__, doc.norms)) if i > 0]
    first_hit: dict[str, int] = {}
    for i in hits:
        first_hit.setdefault(doc.norms[i], i)
    # tokens read as a proclitic + the name (وكيم): another word before them is no first name
    behind_clitic = {doc.norms[e.first] for e in taken if e.label == "PER" and e.start > doc.starts[e.first]}
    for i in hits:
        if not doc.joined(i - 1) or ctx.is_common(i - 1) and not _given_after_role(ctx, i - 1, first_hit):
            continue
        readings = [m for m in ctx.by_first.get(i - 1, ()) if "GIVEN" in m.labels and m.last == i - 1]
        given = min(readings, key=lambda m: m.stripped, default=None)  # وارين as written, before و + ارين
        if given is None:
            plain = doc.norms[i] not in behind_clitic  # (not ترامب وكيم)
            if first_hit[doc.norms[i]] == i and plain and _unseen_given(ctx, i - 1):
                out.append(ctx.mention("PER", i - 1, i, "resolve:given+surname"))  # روب بورتر، دالي بليند
            continue
        if ctx.firm_place_or_org(i - 1) or given.stripped and "TITLE" in ctx.gaz.phrases.get(given.key, {}):
            continue  # لحاكم إيران خامنئي: a country, not the given name إيران; والسيد دانيال: a title
        if given.stripped and (doc.norms[i - 1][:1] not in ("و", "ف") or _opens_sentence(doc, i - 1)):
            continue  # لصالح ترامب: ل/ب + a word is no given name; ". وناشد ترامب": و + a verb
        start = ctx.name_after_clitic(i - 1, ("و", "ف")) if given.stripped else None
        out.append(ctx.mention("PER", i - 1, i, "resolve:given+surname", start=start))  # وميشيل: not و
    return out


def _given_after_role(ctx: Context, k: int, first_hit: dict[str, int]) -> bool:
    """Token k, a given name that is a common word too (شرف، جاري), opens the first occurrence of a
    surname of the document after a role's definite complement (رئيس المجلس البلدي للمحافظة شرف
    السعيدي): a bare noun cannot be the genitive of a definite one, so it starts the holder's name."""
    doc = ctx.doc
    if first_hit.get(doc.norms[k + 1]) != k + 1 or k == 0 or not doc.joined(k - 1):
        return False
    if doc.has_article(k) or not ctx.word_has(k, "GIVEN"):
        return False
    return definite_behind(doc, k - 1) and not ctx.word_has(k - 1, "CUE")


def _unseen_given_fronts(ctx: Context, taken: list[Entity]) -> list[Entity]:
    """A person of two or more words whose first occurrence follows a particle of a Western name
    and a first name no list holds (وقال يوهانس فان در كلاوو …، وأضاف فان در كلاوو): the full
    name, at that occurrence only."""
    doc = ctx.doc
    seen: set[str] = set()
    out = []
    for e in taken:  # (in text order)
        if e.label != "PER" or e.first == e.last or e.canonical in seen:
            continue
        seen.add(e.canonical)
        k = e.first - 1  # يوهانس فان | در كلاوو: a particle of a Western name (فان، دي، فون) and the word before it
        if k < 1 or doc.norms[k] not in WESTERN_PARTICLES or not doc.joined(k):
            continue
        k -= 1
        if not doc.joined(k) or e.start > doc.starts[e.first] or ctx.is_common(k) or doc.norms[k] in NAME_LINKS:
            continue
        if _unlisted_word(ctx, k):
            out.append(ctx.mention("PER", k, e.last, "resolve:given+surname"))
    return out


def _unlisted_word(ctx: Context, k: int) -> bool:
    """Token k is an Arabic word of four letters or more that no lexicon holds, without the article
    or a proclitic letter (يوهانس before فان در كلاوو, whatever its first letter)."""
    doc = ctx.doc
    norm = doc.norms[k]
    if len(norm) < 4 or norm[:1] in "وفبلك" or doc.has_article(k) or not ctx.is_arabic_word(k):
        return False
    return k not in ctx.by_first and norm not in ctx.gaz.phrases


def _unseen_given(ctx: Context, k: int) -> bool:
    """Token k, right before the first occurrence of a surname of the document, is a first name no
    list holds (روب بورتر، دالي بليند: news give the full name at the first mention): a word no
    lexicon knows (or only as a surname), name-shaped, without the article or a proclitic letter."""
    doc = ctx.doc
    norm, word = doc.norms[k], doc.words[k]
    if norm[:1] in "وفبلك" or doc.has_article(k) or len(norm) < 3 or word.endswith(("ة", "ات", "ت")):
        return False  # (قابلت، عينت: a perfect verb)
    labels = {label for m in ctx.by_first.get(k, ()) for label in m.labels}
    if labels - _NAME_PARTS or not labels and word[:1] in _DERIVED_FIRST and word[1:2] not in _LONG_VOWELS:
        return False  # إشراك روني، تعيين، مشاركة: a verbal noun or participle, not a first name
    return ctx.name_like(k, first=True)


_NAME_PARTS = frozenset({"SURNAME"})
_DERIVED_FIRST = "إأتيمن"  # first letters of verbal nouns and participles (إفعال، تفعيل، مفعل)
_LONG_VOWELS = "يوا"  # …unless a long vowel follows, as in a foreign first name (تيموثي، يوري، مارتي)


def _opens_sentence(doc, i: int) -> bool:
    """Token i is the first of the text or follows a sentence end or a line break."""
    return i == 0 or any(mark in doc.gap(i - 1) for mark in SENTENCE_MARKS + ":")


# Second parts of compound given names (شمس الدين، عبد الله): never a surname on their own.
COMPOUND_SECONDS = frozenset({"الدين", "الله", "الرحمن", "الرحيم"})


def _may_stand_alone(stem: str) -> bool:
    """A surname whose bare occurrences may be taken for the person: not a function word's
    spelling (علي = على), not a compound's second part."""
    return stem not in COLLIDING_FUNCTION_WORDS and stem not in COMPOUND_SECONDS


def short_forms(ctx: Context, names: dict[str, str], taken: list[Entity]) -> list[Entity]:
    """Every other occurrence of a known surname as a PER mention (clitics stripped; a name link
    before it comes along: أبي وقاص)."""
    doc = ctx.doc
    words = {
        stem: canonical
        for stem, canonical in names.items()
        if " " not in stem and _may_stand_alone(stem) and not ctx.gaz.stopped(stem, "PER")
    }
    if not words:
        return []
    covered = {i for e in taken for i in range(e.first, e.last + 1)}
    # Only tokens written as a surname with or without proclitics need their readings tested.
    forms = {form for stem in words for form in clitic_forms(stem)}
    out = []
    for i in compress(range(doc.n), map(forms.__contains__, doc.norms)):
        if i in covered or ctx.is_common(i) or ctx.longest(i, "LOC", "ORG"):
            continue  # (دارفور after a name that ended in it)
        for stripped, stem in doc.splits[i]:
            if stem in words:
                first, start = i, doc.span_start(i, stripped)
                while first > 0 and doc.joined(first - 1) and doc.norms[first - 1] in NAME_LINKS:
                    first -= 1
                    start = doc.starts[first]
                if first < i and any(k in covered for k in range(first, i)):
                    break
                if first == i and ctx.word_has(i, "TITLE"):
                    break  # الشيخ صالح: a title alone (not the family name of آل الشيخ)
                text = doc.text[start : doc.ends[i]]
                out.append(Entity("PER", start, doc.ends[i], text, words[stem], "resolve:short-form", first, i))
                break
    return out


def full_name_repeats(ctx: Context, taken: list[Entity]) -> list[Entity]:
    """Every other occurrence of a person's full name that a rule found once from its context
    (الممثلة جنيفر هدسون … and, in a caption or heading with no context, جنيفر هدسون): the same
    words, joined, the first with or without proclitics, on tokens no mention covers."""
    doc = ctx.doc
    names: dict[str, dict[tuple[str, ...], str]] = {}
    for e in taken:
        if e.label == "PER" and e.last > e.first and e.source.startswith("rule:"):
            words = doc.norms[e.first : e.last + 1]
            names.setdefault(words[0], {}).setdefault(tuple(words[1:]), e.canonical)
    if not names:
        return []
    covered = {i for e in taken for i in range(e.first, e.last + 1)}
    forms = {form for first in names for form in clitic_forms(first)}
    out = []
    for i in compress(range(doc.n), map(forms.__contains__, doc.norms)):
        if i in covered:
            continue
        for stripped, stem in doc.splits[i]:
            for rest, canonical in names.get(stem, {}).items():
                last = i + len(rest)
                if last >= doc.n or tuple(doc.norms[i + 1 : last + 1]) != rest:
                    continue
                if not all(map(doc.joined, range(i, last))) or any(k in covered for k in range(i + 1, last + 1)):
                    continue
                if not all(
                    _name_word(ctx, k, k == i and not stripped) for k in range(i + stripped.__bool__(), last + 1)
                ):
                    continue  # مساء السبت، مشروع القانون: a rule's one mistake is not repeated
                start = doc.span_start(i, stripped)
                text = doc.text[start : doc.ends[last]]
                out.append(Entity("PER", start, doc.ends[last], text, canonical, "resolve:repeat", i, last))
                covered.update(range(i, last + 1))
                break
            else:
                continue
            break
    return out


def _name_word(ctx: Context, k: int, first: bool) -> bool:
    norm = ctx.doc.norms[k]
    return norm in NAME_LINKS or norm in COMPOUND_SECONDS or ctx.name_like(k, first)


def resolve_entities(ctx: Context, candidates: list[Entity]) -> list[Entity]:
    """Final entity list: overlaps removed (a context's ORG over a place entry, kept through the
    document: org_propagation.py), short forms and list members (person_lists.py) added, and
    linked to full names."""
    stopped, stop_firsts = ctx.gaz.stopped, ctx.gaz.stop_first_words()
    norms = ctx.doc.norms
    candidates = [
        e
        for e in candidates
        if norms[e.first] not in stop_firsts  # (no STOP entry starts with this word: nothing to test)
        or not stopped(" ".join(norms[e.first : e.last + 1]), e.label)
        and not (e.source.startswith("rule:") and stopped(norms[e.first], e.label))
    ]
    taken = filter_overlaps(context_over_lexicon(candidates))
    taken = one_sense_per_document(ctx, taken, candidates)
    lone = unsupported_lone_names(ctx, taken)
    if lone:
        taken = [e for n, e in enumerate(taken) if n not in lone]
    fronts = given_name_fronts(ctx, taken)
    if fronts:
        taken = filter_overlaps(taken + fronts)
    bodies = org_short_forms(ctx, taken)
    if bodies:
        taken = filter_overlaps(taken + bodies)
    members = list_members(ctx, taken)
    if members:
        taken = filter_overlaps(taken + members)
    repeats = full_name_repeats(ctx, taken)
    if repeats:
        taken = sorted(taken + repeats, key=_START)
    persons = [e for e in taken if e.label == "PER"]
    names = person_names(ctx, persons)
    firsts = first_names(ctx, persons)
    shared = shared_surnames(ctx, persons)
    for e in taken:
        if e.label == "PER" and e.first == e.last:
            word = ctx.doc.norms[e.first]
            full = _named_by(shared.get(word), names.get(word), e.start)
            if full in (None, e.canonical) and (e.source == "rule:title" or ctx.word_has(e.first, "GIVEN")):
                full = firsts.get(word)
            e.canonical = full or e.canonical
    shorts = short_forms(ctx, names, taken)  # only tokens no mention covers
    for e in shorts:
        e.canonical = _named_by(shared.get(ctx.doc.norms[e.last]), e.canonical, e.start) or e.canonical
    return sorted(taken + shorts, key=lambda e: e.start) if shorts else taken
