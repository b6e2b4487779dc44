"""Persons: gazetteer names and rules for unseen names.

Rules: a title (الرئيس، وزير الخارجية …) then modifiers (demonyms, ال-complements, known
places/organizations) then a run of name-like words; a speech verb then a name run; a given
name then name words. Short forms and title mentions are linked to full names in resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.extractors.context import (
    COLLIDING_FUNCTION_WORDS,
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    NAME_LINKS,
    NOT_NAME_LABELS,
    VERB_SHAPE,
    Context,
    not_a_name_shape,
)
from khabar.records import Entity

MAX_RUN = 4  # name words in a run, not counting links (بن، آل، أبو)
_COMMA = re.compile(r"^\s*[،,]\s*$")
MAX_MODIFIERS = 4
REGNAL_ORDINALS = frozenset("الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split())
ROLE_MODIFIERS = frozenset("السابق السابقه الاسبق الحالي الحاليه الجديد الجديده المقبل المستقيل المنتخب عام".split())
_COMPOUND_SECONDS = frozenset({"الله", "الدين", "الرحمن", "الرحيم"})  # second words of compound given names
# Labels of words that are no names (a small town's name behind ب is no evidence: بور = ب + ور).
_WORD_LABELS = frozenset({"COMMON", "ORG_TRIGGER", "LOC_TRIGGER", "TITLE", "CUE", "DESC", "DEMONYM", "ORG"})
_FAMILY = "ال"  # آل (the family of), normalised
_TOLD = frozenset({"لي", "لنا", "له", "لها", "لهم"})  # after a speech verb: "told me/him …"
_LEADING_LINKS = frozenset({"ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ام", "عبد"})  # before a given name
_PLACE_PREPOSITIONS = frozenset({"لدي", "في"})  # normalised لدى، في


def name_run(ctx: Context, i: int, max_len: int = MAX_RUN, introduced: bool = False, given: bool = False) -> int | None:
    """Last token of a person-name run starting at token i, or None if i cannot start one.

    ``introduced``: a title precedes, so a first word that is also a common word (جو، أمل) may
    start the name when a name-like word follows it. ``given``: token i is a given name read
    without its proclitic (ومحمد), so it starts a name whatever its first letters.
    """
    doc = ctx.doc
    if not given and _conjoined(ctx, i):
        return None
    if ctx.firm_place_or_org(i) and not ctx.longest(i, "PER") and not ctx.frequent_given(doc.norms[i]):
        return None  # كوريا الشمالية starts a place, not a name (جان, a town too, is a given name)
    if not given and not ctx.name_like(i, first=True) and not (introduced and _common_first_name(ctx, i)):
        return None
    j = i
    words = 1  # name words so far (links such as بن/آل do not count)
    while j + 1 < doc.n and words < max_len and doc.joined(j):
        nxt = j + 1
        if doc.norms[j] in NAME_LINKS:
            j = nxt  # بن/أبو/عبد always take the next word
            words += 1
            continue
        if doc.norms[nxt] in NAME_LINKS and nxt + 1 < doc.n and doc.joined(nxt):
            family = (
                doc.norms[nxt] == _FAMILY and ctx.is_arabic_word(nxt + 1) and doc.norms[nxt + 1] not in FUNCTION_WORDS
            )
            if ctx.name_like(nxt + 1, first=False) or ctx.known_name_part(nxt + 1) or family:
                j = nxt  # محمد بن سلمان: the link, then its word on the next turn (آل الشيخ: any word)
                continue
            break
        if doc.norms[nxt] in ROLE_MODIFIERS:
            break  # رئيس أوروغواي السابق: "former" ends the phrase, it is no name
        if doc.norms[nxt] in REGNAL_ORDINALS:
            if words == 1 and introduced:
                j = nxt  # الملك محمد الخامس: the ordinal ends the name (not اللاعب محمد صلاح الثاني)
            break
        if _conjoined(ctx, nxt):
            break  # متعب وأسامة: the conjunction starts another name
        if _without_preposition(ctx, nxt) is None:
            break  # بليند لموقع يونايتد: ل/ب + a known word ends the name
        if not ctx.name_like(nxt, first=False) and not _town_as_surname(ctx, nxt):
            if introduced and words == 1 and _nisba_before_role(ctx, nxt):
                j = nxt  # الدكتور أشرف العربي وزير التخطيط: a nisba family name, then the role
            break
        title = ctx.longest(nxt, "TITLE")
        if title is not None and (not ctx.known_name_part(nxt) or title.last > nxt):
            break  # محمد بن زايد آل نهيان ولي العهد (ولي is a given name too, ولي العهد a title)
        if _accusative_participle(ctx, nxt) or doc.norms[nxt] in _SUBJECT_ENDS or doc.norms[nxt] in _ADVERBS:
            break  # ترامب متحدثا، ماي ردا على، بوتين اليوم: an adverbial, not a surname
        if doc.words[nxt].endswith("ة") and not ctx.known_name_part(nxt):
            break  # بركات مطمئنة: an unknown word in ة after a name is an adjective or a noun
        if ctx.longest(nxt, "ORG") or (ctx.firm_place_or_org(nxt) and not _town_as_surname(ctx, nxt)):
            break
        if words >= 2 and not ctx.known_name_part(nxt) and not _given_pair(ctx, j - 1, j):
            break  # a third word must be a known name part (سوليفان اجتمع) unless two given names precede
        j = nxt
        words += 1
    if doc.norms[j] in NAME_LINKS:
        j -= 1
    return j if j >= i else None


def _given_reading(ctx: Context, m) -> bool:
    """A given-name match that may start a name: not a reading of a known place or organization
    (كوريا is not ك + وريا), and not behind the preposition ك."""
    if m.stripped and (ctx.doc.norms[m.first][:1] == "ك" or ctx.longest(m.first, "LOC", "ORG")):
        return False
    return ctx.starts_given_name(m.first, m.key)


def _al_surname(ctx: Context, i: int) -> bool:
    """Token i is an al- family name standing alone (وقال البدري): a nisba shape (ال…ي) that is
    no common word, nationality, title, description, place, organization or trigger (النادي)."""
    doc = ctx.doc
    norm = doc.norms[i]
    if not (doc.has_article(i) and doc.words[i].endswith("ي") and len(norm) >= 5) or ctx.is_common(i):
        return False  # (الدعوى ends in ى: no nisba)
    if ctx.longest(i, *NOT_NAME_LABELS):
        return False  # the word is, or starts, a title, place, nationality … (المدعي العام)
    return not (i + 1 < doc.n and doc.joined(i) and ctx.name_like(i + 1, first=False))  # a longer name


def _link_before(ctx: Context, i: int) -> int:
    """1 + the proclitic letters of token i when it is a name link (أبو، أبي، لأبي، ابن), else 0."""
    for stripped, stem in ctx.doc.splits[i]:
        if stem in _LEADING_LINKS:
            return stripped + 1
    return 0


def _given_pair(ctx: Context, a: int, b: int) -> bool:
    """Two given names in a row (جان مارك): a compound first name, a surname follows."""
    phrases, norms = ctx.gaz.phrases, ctx.doc.norms
    return a >= 0 and all("GIVEN" in phrases.get(norms[k], {}) for k in (a, b))


def _conjoined(ctx: Context, i: int) -> bool:
    """Token i is و + a word (وأسامة), not a name that starts with و (وليد، وائل)."""
    norm = ctx.doc.norms[i]
    return norm.startswith("و") and len(norm) > 3 and not ctx.known_name_part(i)


def _common_first_name(ctx: Context, i: int) -> bool:
    doc = ctx.doc
    return (
        ctx.word_has(i, "GIVEN")
        and doc.norms[i] not in FUNCTION_WORDS
        and i + 1 < doc.n
        and doc.joined(i)
        and ctx.name_like(i + 1, first=False)
    )


def _accusative_participle(ctx: Context, i: int) -> bool:
    """Token i is an indefinite accusative participle or noun (متحدثا، منشورا، مضيفا): م…ا, five
    letters or more, no listed name part."""
    norm = ctx.doc.norms[i]
    return len(norm) >= 5 and norm[0] == "م" and norm[-1] == "ا" and not ctx.known_name_part(i)


def _nisba_before_role(ctx: Context, i: int) -> bool:
    """Token i is an al-nisba (العربي، المصري) standing right before a title or a comma: after a
    title and a given name it is the family name, not a nationality."""
    doc = ctx.doc
    if not (doc.has_article(i) and doc.words[i].endswith("ي")) or i + 1 >= doc.n:
        return False
    return doc.comma(i) or doc.joined(i) and bool(ctx.longest(i + 1, "TITLE"))


def _town_as_surname(ctx: Context, i: int) -> bool:
    """A one-word small town that is also a listed name (بار) may end a name run."""
    m = ctx.longest(i, "LOC")
    if m is None or m.last != i or not m.labels.keys() & {"GIVEN", "SURNAME"}:
        return False
    info = m.info("LOC")
    return info.attr("kind") == "city" and not ctx.is_common(i)


def skip_modifiers(ctx: Context, i: int) -> int:
    """First token after the modifiers that may follow a title (demonyms, ال-words, known names)."""
    doc = ctx.doc
    for _ in range(MAX_MODIFIERS):
        if i >= doc.n or not doc.joined(i - 1):
            return i
        known = ctx.longest(i, "LOC", "ORG", "DEMONYM", "TITLE")
        given = known is not None and ctx.frequent_given(doc.norms[i]) and ctx.weak_place(doc.norms[i])
        if given and not known.labels.keys() & {"DEMONYM", "TITLE"}:
            return i  # جان (a town in Cameroon) after a title is the given name (not إيران: a country)
        placed = ctx.longest(i + 1, "LOC", "ORG") if doc.norms[i] in _PLACE_PREPOSITIONS else None
        if known is not None:
            i = known.last + 1
        elif placed is not None and doc.joined(i):
            i = placed.last + 1  # السفيرة لدى الأمم المتحدة، السفير في القاهرة
        elif doc.has_article(i) and not ctx.word_has(i, "GIVEN"):
            i += 1
        else:
            return i
    return i


def title_phrase(ctx: Context, m, last: int) -> str:
    """Normalised text of a title match and its modifiers up to token ``last``."""
    return " ".join([m.key, *ctx.doc.norms[m.last + 1 : last + 1]])


def titled_persons(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """(person, title key, normalised title phrase) for every title (and its modifiers) followed by a name."""
    doc = ctx.doc
    for m in ctx.labelled("TITLE"):
        if m.last + 1 >= doc.n or not doc.joined(m.last):
            continue
        if ctx.longest(m.first, "TITLE") is not m:
            continue  # المتحدثة باسم, not المتحدثة + the name باسم
        i = skip_modifiers(ctx, m.last + 1)
        if i >= doc.n:
            continue
        comma = _COMMA.search(doc.gap(i - 1)) is not None  # الرئيس الأمريكي، دونالد ترامب،
        if not doc.joined(i - 1) and not comma:
            continue
        inner = ctx.longest(i, "TITLE")
        if inner is not None and inner.last > i:
            continue  # سمو ولي العهد: a second title follows, not a name (ولي is a given name too)
        start = _without_preposition(ctx, i)
        if start is None:
            continue  # لأمانة نجران، بتعليم القريات: a preposition and a noun, not a name
        if m.info("TITLE").attr("name") == "known" and not ctx.known_name_part(i):
            continue  # الفريق جاهز: "the team", not the rank, when no listed name follows
        j = name_run(ctx, i, introduced=True)
        if j is not None and start > doc.starts[i] and j == i and not ctx.word_has(i, "PER"):
            continue  # السابق بفتح تحقيقات: ب + one given name alone is a preposition and a noun
        if j is not None and (not comma or j > i):
            yield ctx.mention("PER", i, j, "rule:title", start=start), m.key, title_phrase(ctx, m, i - 1)
    yield from appositions(ctx)


def _without_preposition(ctx: Context, i: int) -> int | None:
    """Where a name starting at token i starts (the token's start), or None when the token is ل/ب
    + a known word and no name itself: a complement (المشرف لمثلث، لأمانة نجران، بتعليم) or the
    one spoken to (وقال الرئيس لترامب)."""
    doc = ctx.doc
    if doc.norms[i][:1] not in ("ل", "ب") or ctx.known_name_part(i):
        return doc.starts[i]
    dative = doc.norms[i][:1] == "ل"  # ل + a name is "to X"; ب + a given name is often a name (برويد)
    for stripped, stem in doc.splits[i]:
        labels = ctx.gaz.phrases.get(stem, {}).keys() if stripped else frozenset()
        if labels and (dative or not labels.isdisjoint(_WORD_LABELS) or "LOC" in labels and not ctx.weak_place(stem)):
            return None
    after = ctx.name_after_clitic(i, ("ب",))  # بميشيل باشيليت: ب + a name (the name without ب)
    return doc.starts[i] if after is None else after  # (بورتر، برويدي، بور: no other word behind ب)


def appositions(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """A name followed by a comma and a title: هيذر نويرت، المتحدثة باسم الخارجية."""
    doc = ctx.doc
    for m in ctx.labelled("TITLE"):
        if m.first < 2:
            continue
        if not _COMMA.search(doc.gap(m.first - 1)):
            if _name_before_role(ctx, m) is not None:
                first, last = _name_before_role(ctx, m)
                start = ctx.name_after_clitic(first, ("و",))
                yield (
                    ctx.mention("PER", first, last, "rule:apposition", start=start),
                    m.key,
                    title_phrase(ctx, m, m.last),
                )
            continue
        last = m.first - 1
        first = last
        while first - 1 >= 0 and last - first < 2 and doc.joined(first - 1) and ctx.name_like(first - 1, first=False):
            first -= 1
        while first < last and not ctx.name_like(first, first=True):
            first += 1
        given = next((k for k in range(first, last) if ctx.starts_given_name(k, doc.norms[k])), None)
        first = given if given is not None else first  # فاجأت كارين كنايسل، وزيرة …: the name opens at the given name
        known = any(ctx.firm_place_or_org(k) or ctx.longest(k, "PER") for k in range(first, last + 1))
        if last > first and ctx.name_like(first, first=True) and not known:
            start = ctx.name_after_clitic(first, ("و", "ف"))
            yield ctx.mention("PER", first, last, "rule:apposition", start=start), m.key, title_phrase(ctx, m, m.last)


def _name_before_role(ctx: Context, m) -> tuple[int, int] | None:
    """(first, last) of an unseen two- or three-word name right before a role with no comma,
    opening its phrase (بعد لقاء نجم الدين كريم محافظ كركوك مع كريستوس ستايليانيدس المفوض
    الأوروبي): every word name-like and unknown to the lexicons, the word before it a function
    word, a speech verb or punctuation."""
    doc = ctx.doc
    if not doc.joined(m.first - 1) or m.last + 1 >= doc.n:
        return None
    if doc.has_article(m.first) and not ctx.word_has(m.last + 1, "DEMONYM"):
        return None  # (a definite role needs its nationality: المفوض الأوروبي, not the الشيخ of a name)
    last = m.first - 1
    first = last
    while first - 1 >= 0 and last - first < 2 and doc.joined(first - 1) and ctx.name_like(first - 1, first=False):
        first -= 1
    while first < last and not (ctx.name_like(first, first=True) and _opens_phrase(ctx, first)):
        first += 1
    if last == first or any(ctx.by_first.get(k) or doc.has_article(k) for k in range(first, last + 1)):
        return None
    if not all(ctx.name_like(k, first=k == first) for k in range(first, last + 1)):
        return None
    for k in range(first, last + 1):
        norm, known = doc.norms[k], ctx.known_name_part(k)
        if norm[:1] in "وبل" and not known and (k > first or ctx.name_after_clitic(k, ("و",)) is None):
            return None  # تعازي ومواساة، ببرقية تهنئة، أعتز بإهدائي: a conjunction or a preposition
        if k == first and not known and norm[:1] in "تني" and norm[1:2] not in ("ي", "و", "ا", "ش"):
            return None  # تدعم ميليشيات، نتعهد: an imperfect verb (not تيموثي، نيكولاس، تشارلز)
        if doc.words[k].endswith(("اً", "ًا", "نا", "وا")) and not known:
            return None  # إقصاء مجحفا، نكرر شكرنا
    return first, last


def _opens_phrase(ctx: Context, i: int) -> bool:
    """Token i opens a phrase: after punctuation, a function word or a speech verb."""
    doc = ctx.doc
    if i == 0 or not doc.joined(i - 1):
        return True
    return doc.norms[i - 1] in FUNCTION_WORDS or ctx.word_has(i - 1, "CUE")


def demonym_persons(ctx: Context) -> Iterator[Entity]:
    """A singular nationality used as a noun, then a name: أضاف البرازيلي روبيرتو فيرمينيو،
    للتشيكي توماس روزيكي. The demonym must not be modifying a noun before it (الجيش الإسرائيلي
    داهمت): it opens the clause, carries a proclitic, follows a function word or speech verb, or
    a known given name follows it."""
    doc = ctx.doc
    for m in ctx.labelled("DEMONYM"):
        if m.first != m.last or not m.key.startswith("ال"):
            continue
        if not m.key.endswith(("ي", "يه")) or "LOC" in m.labels:
            continue  # a plural (الروس، الإيرانيون) or a country's name too (السعودية)
        i = m.first
        if i + 1 >= doc.n or not doc.joined(i) or ctx.longest(i + 1, "LOC", "ORG", "TITLE", "DEMONYM"):
            continue
        nxt = doc.norms[i + 1]
        if nxt in COLLIDING_FUNCTION_WORDS:
            continue  # الصحف العراقية علي صدر صفحاتها: على written without its ى
        known = ctx.known_name_part(i + 1)
        if not known and (m.key.endswith("يه") or nxt.endswith(("ون", "ين"))):
            continue  # a feminine demonym mostly follows a noun (الشركة الروسية مقاتلة): a listed name only
        opens = i == 0 or not doc.joined(i - 1) or m.stripped or doc.norms[i - 1] in FUNCTION_WORDS
        opens = opens or _no_head_before(ctx, i - 1)
        if not opens and not ctx.word_has(i - 1, "CUE") and not ctx.starts_given_name(i + 1, nxt):
            continue
        j = name_run(ctx, i + 1)
        if j is not None:
            yield ctx.mention("PER", i + 1, j, "rule:demonym")


# A word with one of these labels may be the noun a nationality adjective describes (ليون الفرنسي);
# a reading behind a proclitic counts only as a place, a body or a person (وسجل is a given name too).
_HEAD_LABELS = frozenset({"LOC", "ORG", "PER", "TITLE", "DEMONYM", "GIVEN", "SURNAME", "ORG_TRIGGER", "LOC_TRIGGER"})
_CLITIC_HEAD_LABELS = frozenset({"LOC", "ORG", "PER"})
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "نا", "كم")


def _no_head_before(ctx: Context, k: int) -> bool:
    """Token k cannot be the noun a following definite nationality adjective describes, so that
    adjective is a noun itself (وسجل البرازيلي دودو سيلفا، قام الفرنسي وليام غالاس، عرقلة الياباني
    شونسوكي ناكامورا): k is an Arabic word without the article or an attached pronoun (منافسيه
    الفنلندي: a noun with a pronoun is definite and takes the adjective), and no name or title."""
    doc = ctx.doc
    norm, word = doc.norms[k], doc.words[k]
    if doc.has_article(k) or not ctx.is_arabic_word(k) or len(norm) < 3 or word.endswith(_PRONOUN_ENDINGS):
        return False
    if not_a_name_shape(norm, False, word) and not VERB_SHAPE.match(norm):
        return False  # a pronoun suffix or an accusative (a verb, يسجل البرازيلي, has no head)
    return not any(
        not m.labels.keys().isdisjoint(_CLITIC_HEAD_LABELS if m.stripped else _HEAD_LABELS)
        for m in ctx.by_first.get(k, ())
    )


_VERB_PREPOSITIONS = frozenset({"إلى", "الى", "على"})
_SUBJECT_MARKS = '،,:«“"'  # a comma, a colon or an opening quotation mark after a subject
# حديثه، كلمته، كلمتها (as written: ة is no ه): a noun + pronoun; a bare ه only after ت/ث, since
# foreign names end in ـيه، ـنه، ـكه (خوسيه، زنغنه، فراوكه), and ها/هم on six letters (not سودها)
POSSESSED = re.compile(r"(?:.{3}[تث]ه|.{4}(?:ها|هم|هما|هن))$")
MAX_SUBJECT_EXTENSION = 2  # words a given name in the subject slot may take
PHRASE_GAP = re.compile(r"[\s،,«»\"“”]*")  # inside a subject or role phrase: spaces, commas, quotation marks
_SUBJECT_ENDS = frozenset(
    {"في", "لدي", "خلال", "عقب", "بعد", "قبل", "امام", "اثناء", "ردا", "لوكاله", "لصحيفه", "للصحفيين"}
)
_ADVERBS = frozenset({"اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "ايضا"})
MAX_SUBJECT = 14  # tokens from the cue to the end of its subject phrase
MAX_SUBJECT_NAME = 6  # عبدالرحمن بن رجاء الله السلمي


def subject_ends(ctx: Context, cue_last: int) -> list[int]:
    """Tokens that may end the subject phrase after a speech verb: the word before a
    complementizer, a comma, a colon, or an adverbial (في، خلال، اليوم …): وقال مدير عام تعليم جدة
    عبدالله الثقفي، أن …; وأكد الرئيس الأفغاني أشرف غاني في وقت لاحق إن …"""
    doc = ctx.doc
    ends = []
    j = cue_last + 1
    while j < doc.n and j - cue_last <= MAX_SUBJECT and PHRASE_GAP.fullmatch(doc.gap(j - 1)):
        norm = doc.norms[j]
        if norm in COMPLEMENTIZERS or ctx.word_has(j, "CUE"):
            return ends + [j - 1] if j > cue_last + 1 else ends
        if norm in _SUBJECT_ENDS or norm in _ADVERBS or doc.comma(j - 1):
            ends.append(j - 1)
        j += 1
    if j < doc.n and j > cue_last + 1 and doc.gap(j - 1).strip()[:1] in ("،", ",", ":"):
        ends.append(j - 1)  # … الثقفي، / … الثقفي: "…"
    return ends


def subject_persons(ctx: Context) -> Iterator[Entity]:
    """A name that ends the subject phrase of a speech verb, after a role and its complements and
    an honorific or a comma (أكد مدير عام التعليم بمنطقة نجران ناصر بن سليمان المنيع أن …، قال
    عضو اللجنة … المهندس جديع القحطاني، …): the subject slot is evidence enough for an unseen name."""
    doc = ctx.doc
    for m in ctx.labelled("CUE"):
        if not doc.joined(m.last) or not ctx.longest(m.last + 1, "TITLE", "DESC"):
            continue  # the subject must open with a role
        for end in subject_ends(ctx, m.last):
            found = _name_before(ctx, m.last + 1, end)
            if found is not None:
                yield ctx.mention("PER", found, end, "rule:subject")
                break


def _name_before(ctx: Context, role: int, end: int) -> int | None:
    """First token of a name that ends at token ``end`` and follows the role opening at ``role``."""
    doc = ctx.doc
    first = end
    while (
        first - 1 > role and end - first + 1 < MAX_SUBJECT_NAME and _name_part(ctx, first - 1) and doc.joined(first - 1)
    ):
        second = doc.norms[first - 1] in _COMPOUND_SECONDS  # رجاء الله، نور الدين
        if doc.has_article(first - 1) and not second and doc.norms[first - 2] not in NAME_LINKS:
            break  # an ال-word ends the role (الرئيس الأفغاني), unless a link takes it (آل الشيخ)
        first -= 1
    while first <= end and not _after_role(ctx, first):
        first += 1  # the name starts right after an honorific, a role word, a nationality or a comma
    if first > end or first <= role or doc.has_article(first):
        return None
    if _without_preposition(ctx, first) != doc.starts[first]:
        return None  # وقال الرئيس لترامب: ل + a name is the one spoken to
    if not ctx.name_like(first, first=True) and (first == end or doc.norms[first][:1] in ("ل", "ب")):
        return None  # an unknown first word needs a second one (، ديميتري بيسكوف), not a preposition (لنصرة)
    if any(not _name_part(ctx, k) for k in range(first, end + 1)):
        return None
    if ctx.longest(first, "LOC", "ORG") and not ctx.word_has(first, "GIVEN"):
        return None  # a place or body, not a name (أشرف is both: a given name wins)
    return first


CALLED_WRITTEN = frozenset({"يدعى", "تدعى", "ويدعى", "وتدعى"})  # "is called" (not يدعي, "claims")


def called_persons(ctx: Context) -> Iterator[Entity]:
    """The name after يدعى ("is called", written with alef maqsura), a title between allowed: ناج
    آخر يدعى وائل فرجاني، المتحدث باسم الجبهة ويدعى القارئ حمزة."""
    doc = ctx.doc
    for k in range(doc.n - 1):
        if not doc.joined(k) or re.sub("[\u064b-\u0652]", "", doc.words[k]) not in CALLED_WRITTEN:
            continue
        i = k + 1
        title = ctx.longest(i, "TITLE")
        if title is not None and title.last + 1 < doc.n and doc.joined(title.last):
            i = title.last + 1
        elif doc.has_article(i) and i + 1 < doc.n and doc.joined(i):
            i += 1  # ويدعى القارئ حمزة: an honorific the lexicons lack
        j = name_run(ctx, i, introduced=True)
        if j is not None and not doc.has_article(i):
            yield ctx.mention("PER", i, j, "rule:called")


def _kunya_after(ctx: Context, i: int) -> Entity | None:
    """أم + a given name in the subject slot (وأوضحت أم محمد، وتأمل أم خالد): a mother's kunya,
    the name women are often quoted by."""
    doc = ctx.doc
    if i + 1 >= doc.n or doc.norms[i] != "ام" or not doc.joined(i):
        return None
    given = doc.norms[i + 1]
    compound = given.startswith("عبد") and len(given) > 5  # عبدالعزيز، عبدالله (one word here)
    listed = "GIVEN" in ctx.gaz.phrases.get(given, {}) and ctx.frequent_given(given)
    if not (listed or compound) or ctx.is_common(i + 1):
        return None
    return ctx.mention("PER", i, i + 1, "rule:cue")


def _subject_name_end(ctx: Context, first: int, last: int) -> int:
    """A given name opening the subject of a speech verb takes up to two more words when a clear
    subject end follows them (وقال أحمد شرف «…»، وقال رضوان لقديم إن، وأشار يحيى العبيد إلى أن): the
    slot is the evidence for a family name no list holds. A word that cannot be a name part (a
    title, a role, a word in ة, with an attached pronoun or behind ب, an adverbial accusative) or
    no clear end, and the name stays as found (``last``)."""
    doc = ctx.doc
    given = "GIVEN" in ctx.gaz.phrases.get(doc.norms[first], {})
    if last != first or not given or not ctx.frequent_given(doc.norms[first]):
        return last  # (a longer run is the name the lists gave)
    k = last
    while k + 1 < doc.n and k - last < MAX_SUBJECT_EXTENSION and doc.joined(k) and not _subject_boundary(ctx, k + 1):
        if doc.has_article(k) and k > last:
            return last  # an ال-word ends a name (يحيى العبيد): more words after it are no name
        if not _family_word(ctx, k + 1):
            return last
        k += 1
    if (
        k > last
        and k + 1 < doc.n
        and (not doc.joined(k) and _subject_mark(doc.gap(k)) or _subject_boundary(ctx, k + 1))
    ):
        return k
    return last


def _subject_mark(gap: str) -> bool:
    """The text after a subject opens with a comma, a colon or an opening quotation mark."""
    mark = gap.strip()[:1]
    return bool(mark) and mark in _SUBJECT_MARKS


def _family_word(ctx: Context, k: int) -> bool:
    """Token k may be a family name after a given name in the subject slot."""
    doc = ctx.doc
    norm, word = doc.norms[k], doc.words[k]
    if not _name_part(ctx, k) or ctx.longest(k, *NOT_NAME_LABELS):
        return False
    if norm in _SUBJECT_ENDS or norm in _ADVERBS:
        return False  # قالت ماي ردا على: an adverbial
    if ctx.known_name_part(k):
        return not word.endswith("ة") or ctx.word_has(k, "GIVEN")  # طالبة (a surname too) is a role
    if doc.has_article(k) and not word.endswith("ي"):
        return False  # an unknown ال-word is a family name only as a nisba (الرياضي), not أسماء المعتقلين
    if word.endswith(("ة", "ًا", "اً")) or norm[:1] == "ب" or _possessed(ctx, k):
        return False  # طالبة، بارتكاب، مشاركته، كلمته
    return not _accusative_participle(ctx, k) and not (len(norm) == 5 and norm[1] == "ا" and norm[-1] == "ا")


def _possessed(ctx: Context, k: int) -> bool:
    """Token k is a noun with an attached pronoun (حديثه، كلمتها), as written: not ال… (الله), not
    a compound with الله (عبدالله), not a listed name part."""
    doc = ctx.doc
    word = doc.words[k]
    if POSSESSED.search(word) is None or doc.has_article(k) or word.endswith("له"):
        return False
    return not firm_name_part(ctx, k)


def firm_name_part(ctx: Context, k: int) -> bool:
    """Token k is a person name or surname in the lexicons, not only a given name of the long
    generated list (حديثه is one)."""
    slot = ctx.gaz.phrases.get(ctx.doc.norms[k], {})
    return "PER" in slot or "SURNAME" in slot


def _subject_boundary(ctx: Context, k: int) -> bool:
    """Token k opens what follows a subject: a complementizer, a speech verb, إلى/على, or ل + a
    known word (لموقع، للصحفيين)."""
    norm = ctx.doc.norms[k]
    if norm in COMPLEMENTIZERS or ctx.word_has(k, "CUE") or ctx.doc.words[k] in _VERB_PREPOSITIONS:
        return True  # (إلى، على as written: علي is a given name)
    return norm[:1] == "ل" and _without_preposition(ctx, k) is None


def _stands_as_subject(ctx: Context, first: int, last: int) -> bool:
    """A name after a speech verb: a one-word name the lists do not know must end the subject
    (وقال كوتس إن، وقال كوتس، …), not open a longer noun phrase (وقال فرع وزارة التجارة، أوضح عميد
    المعهد)."""
    doc = ctx.doc
    if ctx.known_name_part(first):
        return True
    if last > first:  # not كتبت برذاذ الطلاء، نتساءل بمنتهى الصدق: ب + a noun + its genitive
        return doc.norms[first][:1] != "ب" or not doc.has_article(first + 1)
    if last + 1 >= doc.n:
        return True
    gap = doc.gap(last)
    nxt = doc.norms[last + 1]
    told = nxt[:1] == "ل" and _without_preposition(ctx, last + 1) is None  # قال بليند لموقع يونايتد
    ends = nxt in COMPLEMENTIZERS or nxt in _SUBJECT_ENDS or nxt in _ADVERBS or told
    return not doc.joined(last) or gap.strip() != "" or ends


def _name_part(ctx: Context, k: int) -> bool:
    """Token k may be a word of a name in the subject slot: an Arabic word that is no function
    word, speech verb, title (unless also a name part), place or body (غاني، العربي are)."""
    norm = ctx.doc.norms[k]
    if norm in FUNCTION_WORDS or not ctx.is_arabic_word(k) or ctx.word_has(k, "CUE") or len(norm) < 2:
        return False  # (م. before a name: an abbreviated title)
    if _conjoined(ctx, k) or _without_preposition(ctx, k) is None or norm in ROLE_MODIFIERS:
        return False  # تبوك والشارقة، بليند لموقع يونايتد، مدير عام
    if _possessed(ctx, k):
        return False  # المدرب الهلالي حديثه بقوله: a noun with a pronoun attached is no name
    if norm in NAME_LINKS or ctx.known_name_part(k) and (ctx.word_has(k, "GIVEN") or not ctx.firm_place_or_org(k)):
        return True  # (not إيران of مرشد إيران خامنئي: a country, although a family name too)
    if ctx.word_has(k, "TITLE") or ctx.word_has(k, "ORG_TRIGGER") or ctx.word_has(k, "LOC_TRIGGER"):
        return False  # (شرطة أوستن برايان مانلي: the body's head is no name)
    return not ctx.firm_place_or_org(k)


def _after_role(ctx: Context, k: int) -> bool:
    """Token k follows a title or honorific (العميد، المهندس), a nationality, a comma, a place or
    body name, or (for a known given name) a definite word."""
    doc = ctx.doc
    if k == 0:
        return False
    if doc.comma(k - 1) or ctx.word_has(k - 1, "TITLE") or ctx.word_has(k - 1, "DEMONYM"):
        return True
    if doc.has_article(k - 1) and ctx.word_has(k, "GIVEN") and ctx.frequent_given(doc.norms[k]):
        return True  # المحامي المتخصص بحقوق الملكية | جاستن هيوز: a given name after the role's complement
    return any(  # after a place or body name: مدير شرطة أوستن | برايان مانلي
        (m := ctx.longest(s, "LOC", "ORG")) is not None and m.last == k - 1 for s in range(max(0, k - 4), k)
    )


def _trimmed(ctx: Context, e: Entity) -> Entity | None:
    """A rule's person without a leading ل/ب + known word or title (بتخدير أندريا كونستاند →
    أندريا كونستاند, القاضي ستفين أونيل → ستفين أونيل); None when nothing is left."""
    first, doc = e.first, ctx.doc
    while first <= e.last and (_without_preposition(ctx, first) is None or ctx.longest(first, "TITLE")):
        if ctx.known_name_part(first) and not ctx.longest(first, "TITLE"):
            break
        first += 1
    lead = first == e.first and e.last - e.first >= 2 and doc.norms[first][:1] in ("ل", "ب")
    if lead and not ctx.known_name_part(first) and ctx.known_name_part(first + 1):
        first += 1  # بتخدير أندريا كونستاند: an unknown ب-word before a known given name
    if first == e.first:
        return e
    return ctx.mention("PER", first, e.last, e.source) if first < e.last else None


def persons(ctx: Context, titled: list[tuple[Entity, str, str]] | None = None) -> Iterator[Entity]:
    """PER mentions from the lexicon and the rules; a rule's mention loses a leading preposition
    word or title (see _trimmed)."""
    for e in _persons(ctx, titled):
        if e.source.startswith("rule:"):
            e = _trimmed(ctx, e)
        if e is not None:
            yield e


def _persons(ctx: Context, titled: list[tuple[Entity, str, str]] | None = None) -> Iterator[Entity]:
    """PER mentions from the lexicon and from the title, cue and given-name rules
    (``titled``: the output of :func:`titled_persons`, when the caller already has it)."""
    doc = ctx.doc
    for m in ctx.labelled("PER"):
        info = m.info("PER")
        if m.stripped and doc.norms[m.first] in FUNCTION_WORDS:
            continue  # لصالح ("in favour of") is no ل + صالح
        if info.attr("ambiguous") != "1":
            yield ctx.entry_mention("PER", info, m.first, m.last, m.start)
    for person, _, _ in titled if titled is not None else titled_persons(ctx):
        yield person
    yield from demonym_persons(ctx)
    yield from subject_persons(ctx)
    yield from called_persons(ctx)
    for m in ctx.labelled("CUE"):
        if m.last + 1 >= doc.n or not doc.joined(m.last) or doc.norms[m.last + 1] in _TOLD:
            continue  # قال لي: "told me", not the name لي
        if m.info("CUE").attr("names") == "no":
            continue  # أظهرت مذكرات خلخالي: a document's verb
        kunya = _kunya_after(ctx, m.last + 1)
        if kunya is not None:
            yield kunya  # وأوضحت أم محمد أنها …
            continue
        if not ctx.longest(m.last + 1, "TITLE"):
            j = name_run(ctx, m.last + 1, max_len=3)  # (not قال ولي العهد: a title, not the name ولي)
            object_of = _without_preposition(ctx, m.last + 1) is None  # ودعا لبشار …، قال لأمانة …
            if j is not None and not object_of and not doc.has_article(m.last + 1):
                if m.info("CUE").attr("needs", "any") == "any":  # (كشف، أعلن take objects)
                    j = _subject_name_end(ctx, m.last + 1, j)
                if _stands_as_subject(ctx, m.last + 1, j):  # (كتب برويد: a name may start with ب)
                    yield ctx.mention("PER", m.last + 1, j, "rule:cue")
            elif _al_surname(ctx, m.last + 1):
                yield ctx.mention("PER", m.last + 1, m.last + 1, "rule:cue")
    for m in ctx.labelled("GIVEN"):
        # a name needs a second word in the same phrase (name_run would stop at token m.first)
        if m.first != m.last or m.first + 1 == doc.n or not doc.joined(m.first) or not _given_reading(ctx, m):
            continue
        j = name_run(ctx, m.first, given=True)
        if j is None or j == m.first:
            continue
        if m.key in COLLIDING_FUNCTION_WORDS and not ctx.known_name_part(m.first + 1):
            continue  # علي صفد، علي شعوبنا: على written without its ى
        first, start = m.first, m.start
        while first > 0 and doc.joined(first - 1) and (link := _link_before(ctx, first - 1)):
            first -= 1  # أبو خليل القباني، لأبي زكريا الحفصي (the span leaves out ل)
            start = doc.span_start(first, link - 1)
        yield ctx.mention("PER", first, j, "rule:given-name", start=start)
