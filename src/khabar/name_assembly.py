"""A person the article calls by one word is named in full where that word follows a first name.

News names a person in full once and by the family name after that. When the full name holds a
first name no list knows (بيرحسين كوليوند، لندي وليامز) or a family name that is also a common word
(أيمن دين، موفق جمعة), the rules find only the one-word mentions (وقال دين، وتابع جمعة), and the
first mention is lost or cut. Once the document itself shows the word to be a person's name (a
one-word person mention; a family name in ال right after a speech verb: وأشار الناصر; a word no
list holds, written out like a foreign family name, alone after a speech verb: وقال ياكوفينكو; a
family name that is a nationality word too: وأشار التركي), each place where a first name stands
right before it is that person's full name:

- the word before is a frequent given name (موفق، عبدالعزيز), a word no list holds that is written
  out like a foreign name (بيرحسين، لندي، أفيشاي), or, before a listed or nisba family name that
  speaks (الحسيني), a listed given name more often a name than a word (سامي، أمين، عمر); a
  frequent given name that is a nationality word too (تركي شبانة: an adjective never precedes
  its noun); a frequent given name behind ل or ب (لمنصور البلوي); a one-word place name right
  after a speech verb (وتقول فيكتوريا ديربيشير: no place stands there before a person's name); or
  a person mention made of first names only (بيدرو بابلو + كوتشينسكي). A nationality family name takes only a frequent
  given name (منصور التركي);
- an unlisted first name stands where news introduces people: after a speech verb, a title, a
  source noun, كان/كانت or a comma, after a role's nationality or complement (السفير الروسي أكساندر), or
  before an age in brackets;
- nothing but a space stands between them, and neither is inside another mention (a given name
  read alone as a person, موفق after اللواء, is taken into the full name); never a relative
  (الوالدان) nor a lexicon person (ترامب), whose full name the lexicon has.

A person mention of two words or more also takes an unlisted first name written right before it
where news introduces people (طالب جوسيب + ماريا بارتوميو).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.extractors.context import (
    FUNCTION_WORDS,
    NAME_LABELS,
    NOT_NAME_LABELS,
    RELATION_NOUNS,
    Context,
    abd_compound,
    not_a_name_shape,
)
from khabar.records import Entity
from khabar.text import normalize

_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
_VERB = re.compile(r"^س[يتن]..|^ت...+ت$")  # سيبقى: the future; تنازلت: a perfect verb in ت…ت
MIN_WORD = 3  # letters of a one-word person name the assembly starts from
MIN_UNLISTED = 4  # letters of a first name no list holds (سأل، عزل، صهر: short words are verbs and nouns)
# A first name no list holds is written out with a long vowel after its first letter (ريدلي، جونو،
# أرنولد، بيرحسين), which Arabic verbs of the perfect (قوض، أقنعت) mostly lack; endings of plurals,
# feminine nouns and nouns with a possessive are no names.
_LONG_VOWEL = re.compile("[اوي]")
_NOT_NAME_ENDINGS = ("ه", "ات", "وا", "ون", "ين", "تي")
MIN_FOREIGN = 6  # letters of a foreign family name shaped like a verb or a noun with a pronoun
_WAS = frozenset({"كان", "كانت", "وكان", "وكانت"})  # normalised, as written
MIN_PARTICIPLE = 5  # letters of an unlisted word in م read as a participle (مستدعي), no first name


def _first_name(ctx: Context, w: int) -> bool:
    """Token w can be the first name of a person whose family name follows it: a frequent given
    name that is not also a common word (موفق), or a word of a name's shape without the article
    that the lexicons know at most as a name part or a small town (بيرحسين، لندي)."""
    doc = ctx.doc
    norm = doc.norms[w]
    if not ctx.is_arabic_word(w) or doc.has_article(w) or not norm.isalpha():
        return False
    if ctx.is_common(w):
        return False  # (see _listed_given, for family names the document shows to speak)
    if "\u064b" in doc.words[w]:
        return False  # كياناً: an accusative with tanween, no name
    if norm in RELATION_NOUNS:
        return False  # خطيبة خاشقجي: a relative, named by the person's name
    if _given(ctx, w):
        return True
    if len(norm) < MIN_UNLISTED or not_a_name_shape(norm, True, doc.words[w]) or _VERB.match(norm):
        return False
    if not _LONG_VOWEL.search(norm, 1) or norm.endswith(_NOT_NAME_ENDINGS) or doc.words[w].endswith(("ى", "ت")):
        return False  # قوض، عزل، أقنعت، مراسلات: verbs and nouns; ريدلي، جونو، أرنولد: names written out
    blocking = {label for m in ctx.by_first.get(w, ()) if m.last == w for label in m.labels} - NAME_LABELS
    if blocking == {"LOC"} and ctx.weak_place(norm):
        blocking = set()  # لندي، هورست: small towns share their names with people
    return not blocking and (norm[0] not in _PROCLITICS or ctx.known_name_part(w))


def _listed_given(ctx: Context, w: int) -> bool:
    """Token w, read whole, is in the given-name list and is no title, speech verb, source noun or
    body's head: before a family name the document shows to speak, it is that person's first name."""
    doc = ctx.doc
    norm = doc.norms[w]
    if doc.has_article(w) or norm in FUNCTION_WORDS or norm in RELATION_NOUNS or not ctx.frequent_given(norm):
        return False
    common = ctx.gaz.common.get(norm)
    if common is not None and ctx.given_count(norm) < max(MIN_GIVEN_COUNT, _count(ctx.gaz.info(common))):
        return False  # أمر، حديث، نظر: more often the word than the name (سامي، أمين، عمر: more often the name)
    if not_a_name_shape(norm, True, doc.words[w]):
        return False  # اسمه، بيانه: a noun with its pronoun
    labels = {label for m in ctx.by_first.get(w, ()) if m.last == w and not m.stripped for label in m.labels}
    return "GIVEN" in labels and labels.isdisjoint(_NOT_FIRST_NAMES)


MIN_GIVEN_COUNT = 20  # bearers in the given-name list of a name that is a common word too


def _count(info) -> int:
    try:
        return int(info.attr("count") or 0)
    except ValueError:
        return 0


_NOT_FIRST_NAMES = frozenset({"TITLE", "CUE", "DESC", "ORG_TRIGGER", "LOC_TRIGGER", "ORG", "DEMONYM"})


def _given(ctx: Context, w: int) -> bool:
    """Token w is a frequent given name, or عبد + a name written as one word (عبدالعزيز)."""
    norm = ctx.doc.norms[w]
    return ctx.starts_given_name(w, norm) or (abd_compound(norm) and not ctx.is_common(w))


def _introduced(ctx: Context, w: int, j: int) -> bool:
    """The words w..j stand where news introduces a person: after a speech verb, a title, an
    unnamed-source noun, كان/كانت or a comma, or with an opening bracket right after them (لندي وليامز (60
    عاما)). Not at a sentence start nor only before a comma: verbs stand there (أومأ ترامب، …)."""
    doc = ctx.doc
    if w > 0 and doc.comma(w - 1) or doc.gap(j).strip()[:1] == "(":
        return True
    if w == 0 or not doc.joined(w - 1):
        return False
    if any(ctx.word_has(w - 1, label) for label in ("CUE", "TITLE", "DESC")) or doc.norms[w - 1] in _WAS:
        return True  # (كانت لندي وليامز تتابع: كان opens a sentence on the person as well)
    # a role's nationality or complement: السفير الروسي أكساندر ياكوفينكو، مدير الشركة جون سميث
    return w > 1 and doc.has_article(w - 1) and doc.joined(w - 2) and _role_word(ctx, w - 2)


def _place_as_first_name(ctx: Context, e: Entity) -> bool:
    """The one-word place mention e, right after a speech verb and before a person's family name
    the document shows to speak, is that person's first name (وتقول فيكتوريا ديربيشير): a place
    is never followed by a person's name there. Not a word with a proclitic or the article."""
    doc = ctx.doc
    norm = doc.norms[e.first]
    return e.start == doc.starts[e.first] and not doc.has_article(e.first) and len(norm) >= MIN_UNLISTED


def _role_word(ctx: Context, i: int) -> bool:
    return ctx.word_has(i, "TITLE") or ctx.word_has(i, "DESC")


def _first_name_before(ctx: Context, at: dict[int, Entity], j: int) -> Entity | None:
    """The person mention of two words or more that starts at token j, widened to the first name
    no list holds right before it where news introduces people (طالب جوسيب ماريا بارتوميو، نائبة
    الرئيس، هيلين ماري كلارك), else None."""
    here = at.get(j)
    w = j - 1
    if here is None or here.label != "PER" or here.first != j or here.last == j or w in at:
        return None
    if here.start != ctx.doc.starts[j] or _participle(ctx, w) or not _first_name(ctx, w):
        return None
    if ctx.known_name_part(w) and not ctx.word_has(w, "GIVEN"):
        return None  # (a family name before a full name is another person's: … رونالدو ليونيل ميسي)
    if ctx.doc.norms[w].endswith("نا"):
        return None  # زميلنا غازي الصويغ: a noun with the pronoun "our"
    return ctx.mention("PER", w, here.last, "resolve:assembled") if _introduced(ctx, w, here.last) else None


def _participle(ctx: Context, w: int) -> bool:
    """An unlisted word in م of five letters or more: a participle (مستدعي، متطلعا), no first name."""
    norm = ctx.doc.norms[w]
    return norm.startswith("م") and len(norm) >= MIN_PARTICIPLE


def _stems(norm: str) -> tuple[str, ...]:
    """A word in ه without its pronoun: معاليه → معالي، فضيلته → فضيلة."""
    return (norm[:-1], norm[:-2] + "ة") if norm.endswith("ته") else (norm[:-1],)


def _given_names_only(ctx: Context, e: Entity) -> bool:
    """Each word of the person mention e is a first name (بيدرو بابلو، كارل هينز): no family name yet."""
    return e.start == ctx.doc.starts[e.first] and all(_first_of_many(ctx, i) for i in range(e.first, e.last + 1))


def _first_of_many(ctx: Context, i: int) -> bool:
    """Token i is a frequent given name, a family name the lists know (بابلو), or a first name no
    list holds; not a rare listed given name, more often a word (اسمي), nor a participle."""
    if _given(ctx, i):
        return True
    unlisted = not ctx.known_name_part(i) and not _participle(ctx, i)
    return (unlisted or ctx.word_has(i, "SURNAME")) and _first_name(ctx, i)


def _after_preposition(ctx: Context, w: int) -> int | None:
    """Where the given name in token w starts when w is ل or ب + a frequent given name (لمنصور،
    بمحمد), else None."""
    doc = ctx.doc
    start = ctx.name_after_clitic(w, ("ل", "ب"))
    if start is None:
        return None
    stem = doc.text[start : doc.ends[w]]
    key = normalize(stem)
    return start if ctx.starts_given_name(w, key) and key not in ctx.gaz.common else None  # (not بحق، لإله)


def _relatives(norm: str) -> bool:
    """A relation noun, with or without the article, in the dual or plural (الوالدان، والده)."""
    stem = norm.removeprefix("ال")
    return any(stem.endswith(end) and stem[: len(stem) - len(end)] in RELATION_NOUNS for end in ("ان", "ين", "ه", ""))


def _speaking_family_names(ctx: Context, definite: list[int]) -> dict[str, bool]:
    """Family names in ال the document shows to be persons: the subject right after a speech verb
    (``definite``: وأشار الناصر إلى، وأكد الجار …), a word no list holds as a common word, title,
    body or place; each with whether it is a listed family name or a nisba (الحسيني), not maybe a
    plural noun (وقال الدراويش)."""
    doc = ctx.doc
    out: dict[str, bool] = {}
    for k in definite:
        if len(doc.norms[k]) < MIN_UNLISTED + 2 or ctx.is_common(k):
            continue
        if not NOT_NAME_LABELS.isdisjoint(label for found in ctx.by_first.get(k, ()) for label in found.labels):
            continue
        out[doc.words[k]] = ctx.word_has(k, "SURNAME") or doc.norms[k].endswith("ي")  # (listed or a nisba)
    return out


def _right_after_cues(ctx: Context) -> Iterator[int]:
    """The token right after each speech verb, with nothing but a space between."""
    doc = ctx.doc
    for m in ctx.labelled("CUE"):
        k = m.last + 1
        if k < doc.n and doc.joined(m.last):
            yield k


def _after_cues(ctx: Context, after_cue: list[int]) -> Iterator[int]:
    """Of the tokens right after a speech verb (``after_cue``), the words in ال not followed by
    another word in ال (وأكد المدير العام: a noun and its adjective)."""
    doc = ctx.doc
    for k in after_cue:
        if doc.has_article(k) and not (k + 1 < doc.n and doc.joined(k) and doc.has_article(k + 1)):
            yield k


def _speaking_nisbas(ctx: Context, definite: list[int]) -> set[str]:
    """Family names that are nationality words too (التركي، المصري), right after a speech verb
    (``definite``: وأشار التركي إلى): a person's name where a frequent given name stands before
    them elsewhere."""
    doc = ctx.doc
    return {doc.words[k] for k in definite if ctx.word_has(k, "DEMONYM") and ctx.word_has(k, "SURNAME")}


def _given_not_nationality(ctx: Context, w: int) -> bool:
    """Token w, without the article, is a frequent given name that is a nationality word too
    (تركي، مصري …): before a person's name it is the first name, as an adjective never precedes
    its noun (تركي شبانة)."""
    doc = ctx.doc
    return not doc.has_article(w) and ctx.word_has(w, "DEMONYM") and ctx.frequent_given(doc.norms[w])


def _speaking_unlisted(ctx: Context, after_cue: list[int]) -> set[str]:
    """Words no list holds that stand alone right after a speech verb (``after_cue``) and are
    written out like a foreign family name (وقال ياكوفينكو، وأضاف رومنيجه): the document shows them
    to be a person's name. Not a word followed by another such word (وقال جوسيب ماريا: the name
    goes on)."""
    doc = ctx.doc
    out: set[str] = set()
    for k in after_cue:
        if doc.has_article(k) or not _unlisted_name(ctx, k):
            continue
        if k + 1 < doc.n and doc.joined(k) and not ctx.is_common(k + 1) and not ctx.by_first.get(k + 1):
            continue
        out.add(doc.words[k])
    return out


def _unlisted_name(ctx: Context, k: int) -> bool:
    """Token k is a word of a name's shape that no list holds, as a word or as anything else."""
    doc = ctx.doc
    norm = doc.norms[k]
    if len(norm) < MIN_UNLISTED + 1 or not norm.isalpha() or not ctx.is_arabic_word(k) or ctx.is_common(k):
        return False
    if "\u064b" in doc.words[k] or norm[0] in _PROCLITICS or _VERB.match(norm) or norm.endswith(_NOT_NAME_ENDINGS[1:]):
        return False
    if ctx.by_first.get(k) or ctx.used_as_noun(k):
        return False
    if norm.endswith("ه") and any(stem in ctx.gaz.phrases or stem in ctx.gaz.common for stem in _stems(norm)):
        return False  # معاليه، سموه، فضيلته: a title or word with its pronoun
    if not_a_name_shape(norm, True, doc.words[k]):  # ياكوفينكو، رومنيجه: foreign names look like verbs
        return len(norm) >= MIN_FOREIGN and len(_LONG_VOWEL.findall(norm, 1)) >= 2  # (يستعرض: no long vowel)
    return True


def assemble_names(ctx: Context, mentions: list[Entity]) -> list[Entity]:
    """``mentions`` with each first name + one-word person name of the document made one mention
    (a new one, or a one-word mention widened to take the first name in)."""
    doc = ctx.doc
    single = {
        e.text
        for e in mentions
        if e.label == "PER"
        and e.first == e.last
        and e.start == doc.starts[e.first]
        and len(e.text) >= MIN_WORD
        and e.known_as is None  # (a lexicon's person has its full name already: ترامب)
    }
    after_cue = list(_right_after_cues(ctx))  # (read once: the three sources below and the places)
    definite = list(_after_cues(ctx, after_cue))
    speaking = _speaking_family_names(ctx, definite)
    nisbas = _speaking_nisbas(ctx, definite) - single
    single |= set(speaking) | _speaking_unlisted(ctx, after_cue) | nisbas
    single = {word for word in single if not _relatives(normalize(word))}
    if not single:
        return mentions
    cue_next = set(after_cue)
    at: dict[int, Entity] = {}
    for e in mentions:
        for i in range(e.first, e.last + 1):
            at[i] = e
    replaced: dict[int, Entity | None] = {}  # id of a mention → its widened form (None: absorbed)
    added: list[Entity] = []
    for j in range(1, doc.n):
        if not doc.joined(j - 1):
            continue
        if doc.words[j] not in single:
            longer = _first_name_before(ctx, at, j)  # جوسيب + ماريا بارتوميو
            if longer is not None:
                replaced[id(at[j])] = None
                added.append(longer)
            continue
        w = j - 1
        before = at.get(w)
        listed = speaking.get(doc.words[j], False) and _listed_given(ctx, w)  # سامي الحسيني: a word too
        placed = before is not None and before.label == "LOC" and before.first == before.last == w
        if placed and not listed and w in cue_next and _place_as_first_name(ctx, before):
            listed = True  # وتقول فيكتوريا ديربيشير: a place's name right after the verb, then the person
        if placed and listed:
            replaced[id(before)] = None  # a given name read as a place, before a speaking family name
            before = None
        here = at.get(j)
        if here is not None and not (here.label == "PER" and here.first == here.last == j):
            continue
        first, start = w, None  # where the full name starts: token, and offset behind a proclitic
        evidenced = False  # the first name stands on evidence that needs no introducing word before it
        if doc.words[j] in nisbas and not (_given(ctx, w) and (before is None or before.first == before.last)):
            continue  # (منصور التركي: only a frequent given name makes a nationality word a family name)
        if before is None and _given_not_nationality(ctx, w):
            listed = True  # تركي شبانة
        if before is not None and before.label == "PER" and before.last == w and before.first < w:
            if not _given_names_only(ctx, before):
                continue  # (a full name already: a family name after it is another person's)
            first, evidenced = before.first, True  # بيدرو بابلو + كوتشينسكي: listed first names, then the family name
        elif before is not None and not (before.label == "PER" and before.first == before.last == w):
            continue  # (inside a longer name, a place or a body)
        elif before is None and not (_first_name(ctx, w) or listed):
            start = _after_preposition(ctx, w)  # لمنصور البلوي: a listed given name behind ل or ب
            if start is None:
                continue
            evidenced = True
        elif before is not None and not (_given(ctx, w) or not ctx.known_name_part(w) and _first_name(ctx, w)):
            continue  # (a one-word person: a frequent given name, or a first name no list holds)
        if not (evidenced or _introduced(ctx, w, j) or _given(ctx, w) or listed):
            continue  # (a frequent given name needs no more: عبدالعزيز الناصر after a long role)
        full = ctx.mention("PER", first, j, "resolve:assembled", start)
        if before is not None:
            replaced[id(before)] = None
        if here is not None:
            replaced[id(here)] = None
        added.append(full)
    if not added:
        return mentions
    kept = [e for e in mentions if replaced.get(id(e), e) is not None]
    kept.extend(added)
    kept.sort(key=lambda e: e.start)
    return kept
