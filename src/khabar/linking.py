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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from khabar import role_holders
from khabar import text as textmod
from khabar.described import Descriptions
from khabar.extractors.context import Context, normalized_words
from khabar.records import Entity, Quote, Span, Speaker
from khabar.tag_lines import tag_line_start

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


def _first_start(g: DocEntity) -> int:
    return g.mentions[0].start


def _words(s: str) -> list[str]:
    return textmod.normalize(s).split()


def _name_words(words: list[str]) -> list[str]:
    """A person's name words with its links written one way: ابن → بن (ابن زومه of راشد بن زومه),
    أبو or عبد + a word as one (أبو عباة، أبوعباة; عبد الله، عبدالله)."""
    out: list[str] = []
    for w in words:
        if out and out[-1] in ("ابو", "عبد"):
            out[-1] += w  # أبو عباة، أبوعباة; عبد الله، عبدالله
        else:
            out.append("بن" if w == "ابن" else w)
    return out


def _fullest(mentions: list[Entity], ctx: Context | None = None, tags: int | None = None) -> str:
    """The mention with the most words (then characters, then the earliest), spaces collapsed,
    from those before offset ``tags`` (the closing tag line, whose runs of words are no names)
    where there are any; a mention cut out of ل + the article (للأمم المتحدة → لأمم المتحدة) gets
    its article back (الأمم المتحدة), unless it is a name of its own that begins with ل (لليفربول)."""
    if tags is not None and len(mentions) > 1 and mentions[-1].start >= tags:
        mentions = [e for e in mentions if e.start < tags] or mentions
    best = mentions[0] if len(mentions) == 1 else max(mentions, key=_fullness)
    text = " ".join(best.text.split())
    if ctx is None or text[:1] != "ل" or not ctx.doc.words[best.first].startswith("لل"):
        return text
    doc = ctx.doc
    first = textmod.normalize(text.split()[0])
    known = first in ctx.gaz.phrases or first in ctx.gaz.common or textmod.normalize(text) in ctx.gaz.phrases
    if best.start == doc.starts[best.first] + 1 and not known:
        return "ا" + text  # (not للجنة → لجنة: a word of its own)
    return text


def _with_lead(ctx: Context, mentions: list[Entity], canonical: str, tags: int | None) -> str:
    """A body's canonical with the generic head the article writes before it (حركة حماس، شركة
    جوجل، صحيفة واشنطن بوست: a trigger marked lead=drop, which the mention's span leaves out), when
    a mention of the canonical's own words follows such a head."""
    doc, key = ctx.doc, textmod.normalize(canonical)
    for e in mentions:
        if tags is not None and e.start >= tags:
            break
        k = e.first - 1
        if k < 0 or e.start != doc.starts[e.first] or not doc.joined(k) or textmod.normalize(e.text) != key:
            continue
        m = ctx.longest(k, "ORG_TRIGGER")
        if m is not None and m.first == k and not m.stripped and m.info("ORG_TRIGGER").get("lead", "") == "drop":
            return doc.words[k] + " " + canonical
    return canonical


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


def _body_or_place(ctx: Context, short: list[str], long: list[str]) -> bool:
    """``short`` names the place or body ``long`` names: without some head words at its edges
    (غزة in قطاع غزة), or with its last head word definite for the name after it (شرطة الولاية for
    شرطة ولاية بنسلفانيا, الولاية standing for ولاية بنسلفانيا)."""
    if _inside(ctx, short, long):
        return True
    n, head = len(short), short[-1].removeprefix("ال")
    return (
        1 < n < len(long)
        and head != short[-1]
        and long[: n - 1] == short[:-1]
        and long[n - 1] == head
        and not ctx.gaz.phrases.get(head, {}).keys().isdisjoint(_TRIGGERS)
    )


_TRIGGERS = frozenset({"LOC_TRIGGER", "ORG_TRIGGER"})


def _part_of_name(ctx: Context, short: list[str], long: list[str]) -> bool:
    """``short`` opens or ends the longer name ``long`` (أشرف / آل الشيخ / سيد المحدثين in أشرف
    غاني، تركي آل الشيخ، محمد سيد المحدثين), or gives its first and last word when the middle is a
    nasab (أحمد العمودي in أحمد بن علي العمودي)."""
    n = len(short)
    if n < len(long) and long[:n] == short:
        return True
    if n < len(long) and long[-n:] == short and long[-n - 1] != "بن":
        return True  # (not فيصل بن عبدالعزيز in تركي بن فيصل بن عبدالعزيز: the father, another person)
    # أحمد العمودي in أحمد بن علي العمودي: the given and the family name, the nasab left out
    if n == 2 and len(long) >= 4 and long[1] == "بن" and short == [long[0], long[-1]]:
        return True
    # بن عبدالله in راشد بن عبدالله آل خليفة: a person called by the nasab inside the name
    return n >= 2 and short[0] == "بن" and any(long[k : k + n] == short for k in range(1, len(long) - n + 1))


def _merge_contained(ctx: Context, groups: list[DocEntity]) -> list[DocEntity]:
    """Merge an entity into the one longer entity of its label that contains it: a place or body
    whose name (as written, or as its lexicon entry) only adds head words, a person's given name
    or family name alone. Groups are taken shortest name first, so chains end at the fullest.
    A body or place that no resolved name contains may be contained in a form the article writes
    for a lexicon entry (مؤسسة النقد in مؤسسة النقد العربي السعودي, the entry البنك المركزي السعودي)."""
    by_names = _hosting(groups, lambda h: h.keys)
    by_written = _hosting(
        [h for h in groups if h.label != "PER"], lambda h: {textmod.normalize(e.text) for e in h.mentions} - h.keys
    )
    if not by_names[2] and not by_written[2]:
        return groups
    merged: set[int] = set()
    size = by_names[1]
    for g in sorted(groups, key=lambda g: size[id(g)]):
        fits = _part_of_name if g.label == "PER" else _body_or_place
        own = _name_words(_words(g.canonical)) if g.label == "PER" else _words(g.canonical)
        if g.label == "PER" and len(own) == 1 and own[0].startswith("ال") and len(own[0]) > 4:
            own = [own[0][2:]] if (g.label, own[0]) not in by_names[2] else own  # الفرجاني → وائل فرجاني
        if not own:
            continue
        for forms, sizes, holding in (by_names, by_written):
            hosts = [
                h
                for h in holding.get((g.label, own[0]), ())
                if h is not g
                and id(h) not in merged
                and sizes[id(h)] > len(own)
                and any(fits(ctx, own, f) for f in forms[id(h)])
            ]
            if hosts:
                break
        if len(hosts) == 1:
            hosts[0].mentions.extend(g.mentions)
            hosts[0].keys |= g.keys
            merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


def _hosting(groups: list[DocEntity], names_of: Callable[[DocEntity], set[str]]) -> tuple[dict, dict, dict]:
    """For the groups' names (``names_of(group)``, normalised): each group's names of more than
    one word as word lists, each group's longest name length, and (label, word) → the groups
    holding that word in such a name."""
    forms: dict[int, list[list[str]]] = {}  # host → its names, as words
    size: dict[int, int] = {}
    holding: dict[tuple[str, str], list[DocEntity]] = {}  # (label, word) → entities with it in a name
    for h in groups:
        names = [_name_words(k.split()) if h.label == "PER" else k.split() for k in names_of(h)]
        size[id(h)] = n = max(map(len, names), default=0)
        if n > 1:  # a host has a longer name than what it takes in
            forms[id(h)] = names
            for name in names:
                for word in name:
                    hosts = holding.setdefault((h.label, word), [])
                    if not hosts or hosts[-1] is not h:
                        hosts.append(h)
    return forms, size, holding


def document_entities(ctx: Context, mentions: list[Entity]) -> list[DocEntity]:
    """Group the document's mentions into entities; sets each mention's ``entity`` id and its
    ``canonical`` (the entity's fullest name in the article)."""
    normalize = textmod.normalize
    by_key: dict[tuple[str, str], DocEntity] = {}  # (label, resolved name, normalised) → its entity
    for e in mentions:  # (in text order: each entity's mentions stay in text order)
        key = normalize(e.canonical)
        group = by_key.get((e.label, key))
        if group is None:
            by_key[e.label, key] = DocEntity("", e.label, "", [e], {key})
        else:
            group.mentions.append(e)
    groups = list(by_key.values())
    tags = tag_line_start(ctx.doc.text)
    for g in groups:
        g.canonical = _fullest(g.mentions, ctx, tags)
    if len(groups) > 1:
        merged = _merge_contained(ctx, groups)
        if len(merged) < len(groups):  # (mentions appended: re-sorted and re-measured)
            groups = merged
            for g in groups:
                if len(g.mentions) > 1:
                    g.mentions.sort(key=_START)
                    g.canonical = _fullest(g.mentions, ctx, tags)
    groups.sort(key=_first_start)
    for g in groups:
        if g.label == "ORG":
            g.canonical = _with_lead(ctx, g.mentions, g.canonical, tags)
    for k, g in enumerate(groups, 1):
        g.id = gid = f"e{k}"
        g.known_as = known = next((e.known_as for e in g.mentions if e.known_as), None)
        canonical = g.canonical
        g.keys.add(normalize(canonical))
        for e in g.mentions:
            e.entity, e.canonical, e.known_as = gid, canonical, known
    return groups


def _body_named_in_full(
    ctx: Context, names: dict[tuple[str, ...], list[DocEntity]], by_word: dict[str, list[tuple[str, ...]]], phrase: str
) -> DocEntity | None:
    """The one body of the document (``names``: a body's name as words → bodies; ``by_word``: a
    word → the names holding it) whose name is ``phrase`` plus head words (الخارجية السعودية →
    وزارة الخارجية السعودية), if there is exactly one."""
    own = tuple(_words(phrase))
    candidates = by_word.get(own[0], ()) if own else names  # (only names holding its first word)
    found = {id(g): g for words in candidates if _inside(ctx, own, words) for g in names[words]}
    return next(iter(found.values())) if len(found) == 1 else None


def link_speakers(ctx: Context, groups: list[DocEntity], mentions: list[Entity], quotes: list[Quote]) -> None:
    """Give each speaker the entity whose mention it is, or whose name it resolved to (a role,
    an honorific or an implied subject carries the resolved name); its canonical becomes that
    entity's canonical."""
    if not quotes:
        return
    by_span = {(e.start, e.end): e for e in mentions}
    by_key: dict[str, DocEntity] = {}
    bodies: dict[tuple[str, ...], list[DocEntity]] = {}  # a body's name, as words → the bodies
    for g in groups:  # its names, then its mentions' own texts (a title's holder as first written)
        keys = [*g.keys, *(textmod.normalize(t) for t in {e.text for e in g.mentions})]
        for key in keys:
            by_key.setdefault(key, g)
        if g.label == "ORG":
            for key in dict.fromkeys(keys):
                bodies.setdefault(tuple(key.split()), []).append(g)
    by_id = {g.id: g for g in groups}
    named_tokens: set[int] | None = None  # tokens of body and place mentions (when needed)
    ends: dict[int, Entity] = {}  # end offset → the person mention ending there
    for e in mentions:
        if e.label == "PER":
            ends[e.end] = e
    by_word: dict[str, list[tuple[str, ...]]] | None = None  # a word → the body names holding it (when needed)
    surnames: dict[str, list[DocEntity]] | None = None  # a person's last name word → the persons (when needed)
    given: dict[str, list[DocEntity]] | None = None  # a person's first name word → the persons (when needed)
    described: Descriptions | None = None  # descriptions given to persons (when needed)
    persons_at: dict[int, Entity] | None = None  # first token → the person mention starting there
    holder_cache: dict = {}  # the document's word index (role_holders.word_index), when needed
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
            if by_word is None:
                by_word = {}
                for words in bodies:
                    for w in dict.fromkeys(words):
                        by_word.setdefault(w, []).append(words)
            group = _body_named_in_full(ctx, bodies, by_word, sp.canonical)
        if group is None and sp.label in ("PER", "DESC"):
            if surnames is None:
                surnames = _surnames(groups)
            group = _by_surname(surnames, textmod.normalize(sp.canonical))
            if group is not None and _first_start(group) > (sp.span.start if sp.span is not None else q.cue.start):
                group = None  # never a person first named later in the article
        if group is None and sp.label in ("PER", "DESC"):
            if given is None:
                given = _given_names(groups)
            at = sp.span.start if sp.span is not None else q.cue.start
            group = _by_given_name(given, textmod.normalize(sp.canonical), at)
        if group is None and sp.span is not None and not (sp.role and sp.role not in sp.span.text):
            if named_tokens is None:
                named_tokens = _named_tokens(mentions)
            named = _person_closing(ctx, sp.span.start, sp.span.end, ends, named_tokens)
            if named is not None:  # الناطق الإعلامي بصحة عسير سعيد النقير: the role, then its holder
                group = by_id.get(named.entity)
                if group is not None:
                    by_key.setdefault(textmod.normalize(sp.canonical), group)  # (implied repeats of the phrase)
                    sp.role = ctx.doc.text[sp.span.start : named.start].rstrip(" ،,")
                    sp.span = Span(named.text, named.start, named.end)  # the mention: the name
        if group is None and sp.label in ("DESC", "PER") and sp.canonical:
            if named_tokens is None:
                named_tokens = _named_tokens(mentions)
            if persons_at is None:
                persons_at = {e.first: e for e in mentions if e.label == "PER"}
            named = _holder_after_role(ctx, sp, q.cue.start, persons_at, ends, named_tokens, holder_cache)
            if named is not None:  # بدأ العالم الأسترالي ديفيد غودال: the role, then more of it, then its holder
                group = by_id.get(named.entity)
                if group is not None:
                    by_key.setdefault(textmod.normalize(sp.canonical), group)
                    sp.role = " ".join(sp.canonical.split())
                    if sp.span is not None:
                        sp.span = Span(named.text, named.start, named.end)
        if group is None and (
            sp.label == "DESC" or sp.label == "PER" and sp.role is not None and sp.role == sp.canonical
        ):
            if described is None:
                described = Descriptions(ctx, [e for e in mentions if e.label == "PER"])
            phrase = sp.span.text if sp.span is not None else sp.canonical
            at = sp.span.start if sp.span is not None else q.cue.start
            holder = described.holder(ctx, phrase, at)  # خطيبة خاشقجي → خديجة جنكيز
            group = by_id.get(holder.entity) if holder is not None else None
            if group is not None:
                by_key.setdefault(textmod.normalize(sp.canonical), group)  # (implied repeats of the phrase)
                sp.role = " ".join(phrase.split())
        if group is not None and (sp.label in (group.label, "DESC") or sp.span is None):
            sp.entity, sp.canonical, sp.label, sp.known_as = group.id, group.canonical, group.label, group.known_as


def _named_tokens(mentions: list[Entity]) -> set[int]:
    """Tokens of the body and place mentions."""
    return {i for e in mentions if e.label != "PER" for i in range(e.first, e.last + 1)}


def _holder_after_role(
    ctx: Context,
    sp: Speaker,
    cue_start: int,
    persons_at: dict[int, Entity],
    ends: dict[int, Entity],
    named_tokens: set[int],
    cache: dict,
) -> Entity | None:
    """The person named right after the speaker's role phrase (role_holders.holder_after): after
    the speaker's own mention, or for an implied speaker after the latest writing of the phrase
    before the cue; only when that name is the phrase's holder, not its complement."""
    doc = ctx.doc
    if sp.span is not None:
        firsts = [doc.first_token_from(sp.span.start)]
        n = doc.first_token_from(sp.span.end) - firsts[0]
    else:
        words = textmod.normalize(sp.canonical).split()
        n = len(words)
        if "index" not in cache:
            cache["index"] = role_holders.word_index(ctx)
        firsts = role_holders.occurrences(ctx, words, cue_start, cache["index"])[:3]
    for first in firsts:
        if n < 1 or first + n - 1 >= doc.n:
            continue
        named = role_holders.holder_after(ctx, first + n - 1, persons_at, named_tokens)
        if named is not None and _person_closing(ctx, doc.starts[first], named.end, ends, named_tokens) is named:
            return named
    return None


def _person_index(groups: list[DocEntity], forms: Callable[[list[str]], Iterable[str]]) -> dict[str, list[DocEntity]]:
    """``forms(words)`` of each person's names of two words or more → the persons holding them."""
    out: dict[str, list[DocEntity]] = {}
    for g in groups:
        if g.label == "PER":
            for form in {f for key in g.keys if " " in key for f in forms(key.split())}:
                out.setdefault(form, []).append(g)
    return out


def _surnames(groups: list[DocEntity]) -> dict[str, list[DocEntity]]:
    """The last word of each person's longer names, with and without its article → the persons."""
    return _person_index(groups, lambda words: (words[-1], words[-1].removeprefix("ال")))


def _given_names(groups: list[DocEntity]) -> dict[str, list[DocEntity]]:
    """The first word of each person's longer names (عبد الله as one) → the persons."""
    return _person_index(groups, lambda words: (_name_words(words)[0],))


def _by_given_name(given: dict[str, list[DocEntity]], name: str, at: int) -> DocEntity | None:
    """The one person named in full before offset ``at`` whose given name the one-word speaker
    ``name`` is (المعلمة "زهراء محمد" … وذكرت "زهراء"); None when it is no one's or several's."""
    if " " in name or len(name) < 3:
        return None
    found = [g for g in given.get(name, ()) if _first_start(g) < at]
    return found[0] if len(found) == 1 else None


def _by_surname(surnames: dict[str, list[DocEntity]], name: str) -> DocEntity | None:
    """The one person whose family name the one-word speaker ``name`` is, written with or without
    the article (ونفى سومه … → عمر السومه named before); None when it is no one's or several's."""
    if " " in name or len(name) < 3:
        return None
    holders = surnames.get(name) or surnames.get(name.removeprefix("ال"))
    return holders[0] if holders is not None and len(holders) == 1 else None


# Words before a name that make it a complement (المتحدث باسم ترامب، مستشار لبايدن، نقلا عن)
_LINKING_WORDS = normalized_words("باسم عن من في مع لدى إلى الى على")

# Heads of a phrase that names someone else's relative, helper or group (زوجة الرئيس ترامب،
# والد اللاعب محمد صلاح، أحد مستشاري بايدن): the person named at its end is not the one speaking.
_NOT_THE_HOLDER = normalized_words(
    "زوجة زوج والد والدة أب أم ابن ابنة نجل نجلة شقيق شقيقة أخ أخت عم عمة خال خالة جد جدة "
    "حفيد حفيدة صديق صديقة عائلة أسرة آل أحد إحدى بعض أنصار أفراد محامي محامية مساعد مساعدة "
    "مستشار مستشارة أقارب أصدقاء رفاق زملاء زميل زميلة حارس مدرب أرملة مكتب حملة فريق خطيبة "
    "خطيب وصيفة منتقدو منتقدون معارضو معارضون أتباع مؤيدو مؤيدون السلطات البعض"
)


_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن")  # attached pronouns (not ه: فاتسكه، خوسيه end so)
MIN_PRONOUN_WORD = 4  # letters of a word with its pronoun (بغيرها), more than a preposition's (لها، بهم)


def _person_closing(
    ctx: Context, start: int, end: int, ends: dict[int, Entity], named_tokens: set[int]
) -> Entity | None:
    """The person named at the end of an unresolved speaker phrase that describes its holder
    first (رئيس فريق الإعلام والتوعية شادي كابلي، صاحب المزرعة محمد السماعيل، المستثمر العقاري
    معتز الخياط). Not when the name, with its titles, is the complement of the word before them
    (سياسة الرئيس ترامب، متحدث باسم الرئيس بوتين، وصيفة الأمير ديانا: an indefinite noun or a
    linking word), nor under a relative's, helper's or critic's head (_NOT_THE_HOLDER)."""
    named = ends.get(end)
    if named is None or named.start <= start:
        return None
    doc = ctx.doc
    first = doc.first_token_from(start)
    if named.first <= first or named.start > doc.starts[named.first]:
        return None  # (لترامب: a name behind a proclitic is a complement)
    if doc.comma(named.first - 1):
        return named  # والد الشهيد، دواس آل منصور: a name set off by a comma is the phrase's apposition
    if doc.norms[first] in _NOT_THE_HOLDER:
        return None  # والد اللاعب محمد صلاح: a relative's or helper's phrase, the name its complement
    k = named.first - 1
    while k >= first and (ctx.word_has(k, "TITLE") or ctx.word_has(k, "DEMONYM")):
        if doc.norms[k].startswith(("لل", "بال")):
            return None  # المؤيدون للرئيس السيسي: a title behind a preposition, a complement
        k -= 1  # the name's own titles and nationality: الرئيس الروسي، الإعلامي السعودي
    if k < first or doc.gap(k).strip() or k in named_tokens:
        return named  # titles alone, a mark or comma, or a body's name before them (رئيس شركة تيسلا إيلون موسك)
    if doc.norms[k] in _LINKING_WORDS:
        return None  # المتحدث باسم الرئيس بوتين
    if doc.has_article(k):
        return named  # صاحب المزرعة محمد السماعيل: a definite complement closes the role
    if k - first >= 2 and not ctx.is_common(k) and not ctx.known_name_part(k):
        return named  # رئيس شركة تيسلا إيلون ماسك، بصحة عسير: a proper name closes it
    if k - first >= 2 and doc.norms[k].endswith(_PRONOUN_ENDINGS) and len(doc.norms[k]) > MIN_PRONOUN_WORD:
        return named  # عميد معهد … للناطقين بغيرها الدكتور عادل باناعمة: a word with its pronoun takes no genitive
    return None  # تحقيق مولر، منتقدو الرئيس أردوغان، اليستر بيرت: the name completes the word before it
