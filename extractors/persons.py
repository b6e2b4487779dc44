"""Persons: gazetteer names and rules for unseen names.

Rules: a title (الرئيس، وزير الخارجية …) then modifiers (demonyms, ال-complements, known
places/organizations) then a run of name-like words; a speech verb then a name run; a given
name then name words. Short forms and title mentions are linked to full names in resolve.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from khabar.extractors.appositions import unknown_name_word
from khabar.extractors.bylines import byline_persons
from khabar.extractors.context import (
    AL_GIVEN_NAMES,
    COLLIDING_FUNCTION_WORDS,
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    RELATION_NOUNS,
    VERB_SHAPE,
    Context,
    normalized_words,
    not_a_name_shape,
)
from khabar.extractors.name_runs import (
    BLESSED_ONES,
    COMMA,
    ROLE_MODIFIERS,
    SON_OF,
    TOLD,
    al_surname,
    genitive_follows,
    given_reading,
    link_before,
    name_run,
    nasab_after,
    skip_modifiers,
    title_phrase,
    without_preposition,
)
from khabar.extractors.subject_names import (
    called_persons,
    kunya_after,
    stands_as_subject,
    subject_name_end,
    subject_persons,
)
from khabar.extractors.verb_subjects import verb_subject_persons
from khabar.records import Entity
from khabar.text import hamza_mismatch, normalize


def titled_persons(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """(person, title key, normalised title phrase) for every title (and its modifiers) followed by a name."""
    doc = ctx.doc
    for m in ctx.labelled("TITLE"):
        if m.last + 1 >= doc.n or not (doc.joined(m.last) or doc.comma(m.last)):
            continue  # الوزير محمد، المدعي العام، أفيشاي مندلبليت،
        if ctx.longest(m.first, "TITLE") is not m:
            continue  # المتحدثة باسم, not المتحدثة + the name باسم
        if m.first == m.last and nasab_after(ctx, m.first):
            continue  # الأستاذ مساعد بن ضيف الله: the given name مساعد, not the title "assistant"
        i = skip_modifiers(ctx, m.last + 1)
        if i == m.last + 2 and _lone_family_name(ctx, m, m.last + 1):
            i = m.last + 1  # الدكتور البار أن: a family name, not a modifier of the title
        if i >= doc.n:
            continue
        joined = doc.joined(i - 1)  # (a joining gap holds no comma: no gap text to search)
        comma = not joined and COMMA.search(doc.gap(i - 1)) is not None  # الرئيس الأمريكي، دونالد ترامب،
        if not joined and not comma:
            continue
        inner = ctx.longest(i, "TITLE")
        if inner is not None and inner.last > i:
            continue  # سمو ولي العهد: a second title follows, not a name (ولي is a given name too)
        if doc.norms[i][:1] == "و" and _conjoined_noun(ctx, i):
            continue  # أول رئيس وزراء مصري ورسام الكاريكاتير: "and" + a noun, a second description
        start = without_preposition(ctx, i)
        if start is None:
            continue  # لأمانة نجران، بتعليم القريات: a preposition and a noun, not a name
        if m.info("TITLE").get("name", "") == "known" and not ctx.known_name_part(i):
            continue  # الفريق جاهز: "the team", not the rank, when no listed name follows
        j = name_run(ctx, i, introduced=True)
        if j is None and not comma and _lone_family_name(ctx, m, i):
            j = i  # وأوضح الدكتور البار أن: a listed al- family name alone, then the clause goes on
        if (j is None or j == i) and comma and _unknown_pair_between_commas(ctx, i):
            j = i + 1  # المدعي العام، أفيشاي مندلبليت، أعلن: two unknown name words set off by commas
        if j == i and doc.norms[i] in TOLD:
            continue  # العرض المقدم لي: "to me" after a rank, no name
        if j is not None and _trigger_after_title(ctx, i):
            continue  # رئيس ديوان المظالم، مدير جامعة الملك سعود: the head of a body, not a name
        if j == i + 1 and _subject_of_study(ctx, m, i):
            continue  # أستاذ علم النفس، أستاذ علم الوراثة: a professor's field, not a name
        if j is not None and i - 1 >= m.last and _place_trigger_before(ctx, i):
            continue  # المدعي العام في مدينة كشمار: the place's name, after its trigger (مدينة)
        if j == i and doc.norms[i] in AL_GIVEN_NAMES:
            continue  # السفير الكسندر ياكوفنكو: a given name alone is too little to name anyone
        if j == i and _noun_after_title(ctx, i):
            continue  # مدير فرع هيئة، مدير تعليم الليث، الوزير تساؤلا: a noun, not a name
        if (
            j == i
            and doc.words[i].endswith("ت")
            and m.info("TITLE").get("gender", "") == "f"
            and not ctx.known_name_part(i)
        ):
            continue  # الفتاة استشهدت: a verb after a feminine noun
        if j == i and _needs_full_name(ctx, m, i):
            continue  # زوجته نتج عنها: after a relation, one unknown word is no name
        if j is not None and start > doc.starts[i] and j == i and not ctx.word_has(i, "PER"):
            continue  # السابق بفتح تحقيقات: ب + one given name alone is a preposition and a noun
        if j is not None and (not comma or j > i):
            yield ctx.mention("PER", i, j, "rule:title", start=start), m.key, title_phrase(ctx, m, i - 1)
    yield from appositions(ctx)
    yield from bare_title_appositions(ctx)


def _conjoined_noun(ctx: Context, i: int) -> bool:
    """Token i is و + a common word or a title (ورسام، والمدير), and no listed given name or person."""
    doc, phrases = ctx.doc, ctx.gaz.phrases
    if doc.norms[i][:1] != "و" or ctx.word_has(i, "PER") or ctx.frequent_given_word(i):
        return False
    for stripped, stem in doc.splits[i]:
        titled = "TITLE" in phrases.get(stem, ()) or "TITLE" in phrases.get("ال" + stem, ())
        if stripped and (stem in ctx.gaz.common or titled):
            return True
    return False


def _first_name_aliases(ctx: Context) -> Iterator[Entity]:
    """A one-word person alias that is the first word of its entry's name (ميلانيا of ميلانيا
    ترامب) is a given name: before an unlisted surname-like word it opens a longer name of its
    own (الاسم الحقيقي لها هو "ميلانيا كنافس")."""
    doc = ctx.doc
    for m in ctx.labelled("PER"):
        i = m.first
        if m.last != i or m.stripped or i + 1 >= doc.n or not doc.joined(i):
            continue
        info = m.info("PER")
        if " " not in info.name or normalize(info.name).split()[0] != m.key:
            continue
        nxt = i + 1
        if doc.has_article(nxt) or ctx.gaz.phrases.get(doc.norms[nxt]) or ctx.is_common(nxt):
            continue  # a listed word (ميلانيا ترامب is the entry itself) or a common one
        if ctx.name_like(nxt, first=False) and not ctx.used_as_noun(nxt):
            yield ctx.mention("PER", i, nxt, "rule:given-name")


def _noun_after_title(ctx: Context, i: int) -> bool:
    """The one word at i after a title is a noun: the first of a construct chain before a body, a
    trigger or a definite genitive (مدير فرع هيئة حقوق الإنسان، رئيس فرع البحث الجنائي), a place
    with the article (مدير تعليم الليث), or an unlisted accusative (أثار الوزير تساؤلا)."""
    doc = ctx.doc
    if ctx.longest(i, "PER"):
        return False
    chained = ("ORG_TRIGGER", "LOC_TRIGGER", "ORG")
    genitive = i + 1 < doc.n and doc.joined(i) and not ctx.known_name_part(i)
    bodies = ctx.by_first.get(i + 1, ()) if genitive else ()
    if any(not m.stripped and not m.labels.keys().isdisjoint(chained) for m in bodies):
        return True  # (not آية الله خميني للسلطة: ل + a body is no genitive)
    if doc.has_article(i) and ctx.word_has(i, "LOC"):
        return True
    if i + 1 < doc.n and doc.joined(i) and doc.has_article(i + 1) and not ctx.frequent_given(doc.norms[i]):
        return True  # رئيس فرع البحث الجنائي: the name stopped before a definite genitive
    return not ctx.known_name_part(i) and doc.words[i].endswith("ا") and len(doc.norms[i]) >= 5


def _named_before_son(ctx: Context, k: int) -> bool:
    """Token k, before بن/بنت, opens the nasab: a word that may start a name, or a listed given name
    that is also a common word (حمد بن عبدالله الشنيبر: حمد is "praise" too), not behind the
    article or a preposition."""
    if ctx.name_like(k, first=True):
        return True
    doc = ctx.doc
    return ctx.word_has(k, "GIVEN") and not doc.has_article(k) and doc.norms[k] not in FUNCTION_WORDS


def _subject_of_study(ctx: Context, m, i: int) -> bool:
    """After a title in construct (no article: أستاذ، مدير), a common word that few people bear as
    a given name and a definite word are its genitive (أستاذ علم النفس), not a given name and a
    family name."""
    doc = ctx.doc
    if doc.has_article(m.first) or not doc.has_article(i + 1) or not ctx.is_common(i):
        return False
    return not ctx.frequent_given(doc.norms[i])  # (الوزيرة نادية السقاف، المهندس عمر المهنا: names)


def _lone_family_name(ctx: Context, m, i: int) -> bool:
    """Token i, right after an honorific that takes a family name alone (family=alone: الدكتور
    البار، المهندس الفارس), is such a name: listed only as a surname, not in the nisba form
    (التنفيذي، السعودي are adjectives as often), no common noun, and a complementizer or a speech
    verb right after it ends the subject."""
    doc = ctx.doc
    norm = doc.norms[i]
    if m.info("TITLE").get("family", "") != "alone" or i + 1 >= doc.n or not doc.joined(i):
        return False
    if not doc.has_article(i) or norm[-1:] in ("ي", "ه") or ctx.is_common(i) or ctx.by_first.get(i):
        return False
    if set(ctx.gaz.phrases.get(norm, ())) != {"SURNAME"}:
        return False
    return doc.norms[i + 1] in COMPLEMENTIZERS or ctx.word_has(i + 1, "CUE")


def _unknown_pair_between_commas(ctx: Context, i: int) -> bool:
    """Tokens i and i + 1 are two Arabic words no lexicon knows, without the article, and a comma
    follows them: after a title and its comma, a name no list holds (أفيشاي مندلبليت)."""
    doc = ctx.doc
    if i + 2 >= doc.n or not doc.joined(i) or not doc.comma(i + 1):
        return False
    for k in (i, i + 1):
        if not ctx.is_arabic_word(k) or len(doc.norms[k]) < 3 or not unknown_name_word(ctx, k):
            return False  # (a place, a body, a title or a word of the lexicons)
        if doc.norms[k].endswith(_OBJECT_PRONOUNS) and len(doc.norms[k]) > 5:
            return False  # مسؤول في الشرطة، مطاردتهم للسائحات،: a noun with its pronoun, the object
    norm = doc.norms[i]
    if norm in RELATION_NOUNS:
        return False  # خطيبة خاشقجي: a relative, named by the person's name
    if norm[:1] in ("و", "ف", "ب", "ل") and not ctx.known_name_part(i):
        rest = norm[1:]  # بيرحسين: a written-out name (a long vowel second), not ب + a known word
        written_out = norm[:1] in ("ب", "ل") and norm[1:2] in ("ي", "و", "ا")
        return written_out and rest not in ctx.gaz.phrases and rest not in ctx.gaz.common
    return True


_OBJECT_PRONOUNS = ("هم", "ها", "هما", "كم")


MAX_ROLE_BEFORE_COMMA = 6  # words from a source noun to the comma that sets off its holder's name


def source_noun_appositions(ctx: Context) -> Iterator[Entity]:
    """Two unknown name words set off by commas right after a phrase headed by a source noun
    (وكان مسؤول الطوارئ الإيرانية، بيرحسين كوليوند، قد أكد …) or ending in a nationality or
    "former" (والكشاف الإسباني السابق، كارليس ريتشاك،): the holder, named where no title list holds
    the role and no speech verb reads its subject."""
    doc = ctx.doc
    for c in _described_commas(ctx):
        if _unknown_pair_between_commas(ctx, c + 1):
            yield ctx.mention("PER", c + 1, c + 2, "rule:apposition")
    for m in ctx.labelled("DESC"):
        for c in range(m.last, min(doc.n - 3, m.last + MAX_ROLE_BEFORE_COMMA)):
            if doc.comma(c):
                if _unknown_pair_between_commas(ctx, c + 1):
                    yield ctx.mention("PER", c + 1, c + 2, "rule:apposition")
                break
            if not doc.joined(c) or ctx.word_has(c + 1, "CUE") or doc.norms[c + 1] in COMPLEMENTIZERS:
                break


def _described_commas(ctx: Context) -> list[int]:
    """Tokens before a comma that end a description of a person: a nationality or "former" (والكشاف
    الإسباني السابق، كارليس ريتشاك،), the words news sets a newcomer's name after."""
    doc = ctx.doc
    candidates = {m.last for m in ctx.labelled("DEMONYM")}
    candidates.update(compress(range(doc.n), map(ROLE_MODIFIERS.__contains__, doc.norms)))
    return sorted(c for c in candidates if 0 < c < doc.n - 3 and doc.has_article(c) and doc.comma(c))


def _place_trigger_before(ctx: Context, i: int) -> bool:
    """Token i follows an indefinite place trigger in construct (مدينة كشمار), not a definite
    place noun closing the title (رئيس وزراء الإقليم نيكولاي بارزان)."""
    doc = ctx.doc
    return doc.joined(i - 1) and not doc.has_article(i - 1) and ctx.word_has(i - 1, "LOC_TRIGGER")


def _trigger_after_title(ctx: Context, i: int) -> bool:
    """Token i, right after a title, opens a listed body's name, or a word that opens an
    organization's or a place's name with a definite genitive after it (ديوان المظالم، جامعة الملك
    سعود): a construct, not a name."""
    doc = ctx.doc
    if doc.has_article(i) or i + 1 >= doc.n or not doc.joined(i):
        return False
    body = ctx.longest(i, "ORG")
    if body is not None and body.last > i and not body.stripped:
        return True
    return doc.has_article(i + 1) and (ctx.word_has(i, "ORG_TRIGGER") or ctx.word_has(i, "LOC_TRIGGER"))


def _needs_full_name(ctx: Context, m, i: int) -> bool:
    """The title right before token i (m, or the last title among its modifiers: رئيس النادي
    لنظيره) is a relation (name=full), and the one word at i is not a name by itself: it has the
    article (a club's adjective: لنظيره الهلالي), or it is a word no list holds that is short (a
    past verb: زوجته نتج عنها; not مواطنه جونينيو) or opens with ب/ل (زوجها السابق بتمرير سيارة)."""
    doc = ctx.doc
    last = m
    for k in range(max(m.last + 1, i - 3), i):
        for t in ctx.by_first.get(k, ()):
            if t.last == i - 1 and "TITLE" in t.labels:
                last = t
    if last.info("TITLE").get("name", "") != "full":
        return False
    if doc.has_article(i):
        return True
    norm = doc.norms[i]
    return not ctx.known_name_part(i) and (len(norm) <= 3 or norm[:1] in "بل")  # نتج؛ زوجها بتمرير


def appositions(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """A name followed by a comma and a title: هيذر نويرت، المتحدثة باسم الخارجية."""
    doc = ctx.doc
    for m in ctx.labelled("TITLE"):
        if m.first < 2:
            continue
        if doc.joined(m.first - 1) or not COMMA.search(doc.gap(m.first - 1)):  # (joined: no comma)
            if (found := _name_before_role(ctx, m)) is not None:
                first, last = found
                start = ctx.name_after_clitic(first, ("و",))
                yield (
                    ctx.mention("PER", first, last, "rule:apposition", start=start),
                    m.key,
                    title_phrase(ctx, m, m.last),
                )
            continue
        last = m.first - 1
        first = last
        while (
            first - 1 >= 0
            and last - first < 2
            and doc.joined(first - 1)
            and (ctx.name_like(first - 1, first=False) or _given_after_cue(ctx, first - 1))
        ):
            first -= 1
        while first < last and not (ctx.name_like(first, first=True) or _given_after_cue(ctx, first)):
            first += 1
        given = next((k for k in range(first, last) if ctx.starts_given_name(k, doc.norms[k])), None)
        first = given if given is not None else first  # فاجأت كارين كنايسل، وزيرة …: the name opens at the given name
        known = any(ctx.firm_place_or_org(k) or ctx.longest(k, "PER") for k in range(first, last + 1))
        opens = ctx.name_like(first, first=True) or _given_after_cue(ctx, first)
        if last > first and opens and not known:
            start = ctx.name_after_clitic(first, ("و", "ف"))
            yield ctx.mention("PER", first, last, "rule:apposition", start=start), m.key, title_phrase(ctx, m, m.last)


def bare_title_appositions(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """An unseen name before a title written bare as the head of a construct, the article's
    definite title (المفوضة) as the role: قالت مارجريته فيستدجر مفوضة شؤون المنافسة الأوروبية."""
    doc = ctx.doc
    titles = ctx.bare_titles()
    if titles.isdisjoint(ctx.word_set()):
        return  # (most documents hold none: one set test instead of a test per token)
    for k in compress(range(doc.n - 1), map(titles.__contains__, doc.norms)):
        if k < 2 or not (doc.joined(k) and doc.joined(k - 1) and genitive_follows(ctx, k)):
            continue
        if ctx.by_first.get(k) or ctx.known_name_part(k):
            continue  # (a lexicon phrase opens here, or the word is a listed name part: سلطان)
        role = _BareTitle(k, "ال" + doc.norms[k])
        if (found := _name_before_role(ctx, role)) is not None:
            first, last = found
            start = ctx.name_after_clitic(first, ("و",))
            yield ctx.mention("PER", first, last, "rule:apposition", start=start), role.key, role.key


class _BareTitle:
    """A title read from one bare word (first = last = its token, key = the definite form)."""

    __slots__ = ("first", "last", "key")

    def __init__(self, k: int, key: str) -> None:
        self.first = self.last = k
        self.key = key


def _given_after_cue(ctx: Context, k: int) -> bool:
    """Token k is a given name that is a common word too (جمال، أمل) right after a speech verb:
    the subject slot, then a name set off from its role by a comma (قال جمال باوزير، القاضي …)."""
    doc = ctx.doc
    if k == 0 or k + 1 >= doc.n or not doc.joined(k - 1) or doc.has_article(k + 1):
        return False  # (قال صانع المسلة الأصلي: a noun and its genitive)
    return ctx.word_has(k, "GIVEN") and ctx.word_has(k - 1, "CUE")


def _name_before_role(ctx: Context, m) -> tuple[int, int] | None:
    """(first, last) of an unseen two- or three-word name right before a role with no comma,
    opening its phrase (بعد لقاء نجم الدين كريم محافظ كركوك مع كريستوس ستايليانيدس المفوض
    الأوروبي): every word name-like and unknown to the lexicons, the word before it a function
    word, a speech verb or punctuation."""
    doc = ctx.doc
    if not doc.joined(m.first - 1) or m.last + 1 >= doc.n:
        return None
    if ctx.by_first.get(m.first - 1) or doc.has_article(m.first - 1):
        return None  # (the word before the role must be unlisted and bare: tested below, here first)
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
        if i + 1 >= doc.n or not doc.joined(i):
            continue
        if i + 1 in ctx.by_first and ctx.longest(i + 1, "LOC", "ORG", "TITLE", "DEMONYM"):
            continue  # (a listed place, body, title or nationality: the index test first)
        nxt = doc.norms[i + 1]
        if nxt in COLLIDING_FUNCTION_WORDS:
            continue  # الصحف العراقية علي صدر صفحاتها: على written without its ى
        known = ctx.known_name_part(i + 1)
        if not known and (m.key.endswith("يه") or nxt.endswith(("ون", "ين"))):
            continue  # a feminine demonym mostly follows a noun (الشركة الروسية مقاتلة): a listed name only
        opens = i == 0 or not doc.joined(i - 1) or m.stripped or doc.norms[i - 1] in FUNCTION_WORDS
        opens = opens or _no_head_before(ctx, i - 1)
        introduced = opens or ctx.word_has(i - 1, "CUE") or ctx.starts_given_name(i + 1, nxt)
        if not introduced and not _given_and_surname(ctx, i + 1):
            continue
        j = name_run(ctx, i + 1)
        if j is not None:
            yield ctx.mention("PER", i + 1, j, "rule:demonym")


def _given_and_surname(ctx: Context, i: int) -> bool:
    """Tokens i, i+1 are a listed given name (however rare: ماركوس، كزافييه) and a surname-like
    word without the article (عن أقرب منافسيه الفنلندي ماركوس غرونهولم)."""
    doc = ctx.doc
    if i + 1 >= doc.n or not doc.joined(i) or doc.has_article(i + 1) or ctx.is_common(i):
        return False
    if not ctx.word_has(i, "GIVEN") or ctx.longest(i + 1, "LOC", "ORG", "TITLE", "DEMONYM"):
        return False
    return ctx.name_like(i + 1, first=False) and not ctx.used_as_noun(i + 1)


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
    if doc.has_article(k) or not ctx.is_arabic_word(k) or len(norm) < 3:
        return False
    if word.endswith(_PRONOUN_ENDINGS) and not VERB_SHAPE.match(norm):
        return False  # (يمررها الإسباني فابريغاس: a verb and its object pronoun, no head)
    if not_a_name_shape(norm, False, word) and not VERB_SHAPE.match(norm):
        return False  # a pronoun suffix or an accusative (a verb, يسجل البرازيلي, has no head)
    return not any(
        not m.labels.keys().isdisjoint(_CLITIC_HEAD_LABELS if m.stripped else _HEAD_LABELS)
        for m in ctx.by_first.get(k, ())
    )


_DIVINE = frozenset({"الله", "سبحانه"})
_DONE = frozenset({"تم", "يتم", "سيتم", "وتم", "ويتم", "وسيتم"})  # تم + a verbal noun (the passive)
_DIVINE_OR_DONE = _DIVINE | _DONE
_BLESSED = BLESSED_ONES | normalized_words("ثراه ثراها روحه روحها")


def _prayer(doc, i: int) -> bool:
    """Tokens i.. are a verb, الله and its object (طيب الله ثراه، رضي الله عنه، رحم الله)."""
    return i + 2 < doc.n and doc.norms[i + 1] == "الله" and doc.norms[i + 2] in _BLESSED


_PREPOSITIONS = frozenset({"في", "من", "علي", "الي", "عن", "بعد", "قبل", "دون"})


def _cue_is_verb(ctx: Context, m, cue) -> bool:
    """The speech-verb match (its CUE entry ``cue``) is a verb here: not a noun after a
    preposition (في رد ضمني), not a participle in ة written with the pronoun ه (امام مضيفه ليون:
    his host)."""
    doc = ctx.doc
    if m.first == m.last and m.first > 0 and doc.norms[m.first - 1] in _PREPOSITIONS:
        return False
    word = doc.words[m.last]
    if ctx.writes_alef_maksura and word.endswith("ي") and cue.name.endswith("ى"):
        return False  # رأي مغاير: the noun رأي, not the verb رأى
    return not (word.endswith("ه") and m.key.endswith("ه") and cue.get("gender", "") == "f")


def _trimmed(ctx: Context, e: Entity) -> Entity | None:
    """A rule's person without a leading ل/ب + known word or title (بتخدير أندريا كونستاند →
    أندريا كونستاند, القاضي ستفين أونيل → ستفين أونيل); None when nothing is left."""
    first, doc, by_first = e.first, ctx.doc, ctx.by_first
    # (letter and index tests first: without_preposition is None only for ل/ب words, a title
    # starts a match)
    while first <= e.last and (
        doc.norms[first][:1] in ("ل", "ب")
        and without_preposition(ctx, first) is None
        or first in by_first
        and ctx.longest(first, "TITLE")
    ):
        if ctx.known_name_part(first) and not ctx.longest(first, "TITLE") or nasab_after(ctx, first):
            break  # (مساعد بن ضيف الله: a given name before بن, though a title too)
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
            if e is not None and _dual_construct(ctx, e):
                continue
        if e is not None:
            yield e


def _dual_construct(ctx: Context, e: Entity) -> bool:
    """A rule's one-word person that is a noun in the dual construct before its genitive: a common
    noun + ي, no listed name, a definite word after it (بين قدمي الحارس، وسجل هدفي العربي)."""
    doc, i = ctx.doc, e.first
    norm = doc.norms[i]
    if e.last != i or not norm.endswith("ي") or len(norm) < 4 or ctx.word_has(i, "PER") or ctx.word_has(i, "GIVEN"):
        return False  # (a surname list may hold the word: قدمي)
    if norm[:-1] not in ctx.gaz.common or i + 1 >= doc.n or not doc.joined(i):
        return False
    return doc.has_article(i + 1)


def _persons(ctx: Context, titled: list[tuple[Entity, str, str]] | None = None) -> Iterator[Entity]:
    """PER mentions from the lexicon and from the title, cue and given-name rules
    (``titled``: the output of :func:`titled_persons`, when the caller already has it)."""
    doc, by_first = ctx.doc, ctx.by_first
    for m in ctx.labelled("PER"):
        info = m.info("PER")
        if m.stripped and doc.norms[m.first] in FUNCTION_WORDS:
            continue  # لصالح ("in favour of") is no ل + صالح
        if m.stripped and "ك" in doc.norms[m.first][: m.stripped]:
            continue  # كبرى ("major") is no ك + بري: a person is seldom "like" someone in news
        nxt = m.first + 1  # (a place after it starts a match there: that cheap test first)
        if m.first == m.last and nxt in by_first and ctx.word_has(m.first, "LOC_TRIGGER") and ctx.longest(nxt, "LOC"):
            continue  # وخاصة ولايتي خوست وبكتيكا: the dual "the two provinces", not ولايتي the person
        if m.first == m.last and hamza_mismatch(doc.words[m.first][m.stripped :], info.name):
            continue  # قد ترأس الاجتماع: the verb "chaired", not تراس (ليز تراس) without its hamza
        if info.get("ambiguous", "") != "1":
            yield ctx.entry_mention("PER", info, m.first, m.last, m.start)
    for person, _, _ in titled if titled is not None else titled_persons(ctx):
        yield person
    yield from demonym_persons(ctx)
    yield from source_noun_appositions(ctx)
    yield from subject_persons(ctx)
    yield from called_persons(ctx)
    yield from byline_persons(ctx)
    yield from verb_subject_persons(ctx)
    for m in ctx.labelled("CUE"):
        if m.last + 1 >= doc.n or not doc.joined(m.last) or doc.norms[m.last + 1] in TOLD:
            continue  # قال لي: "told me", not the name لي
        cue = m.info("CUE")  # (looked up once per match)
        if cue.get("names", "") == "no":
            continue  # أظهرت مذكرات خلخالي: a document's verb
        if not _cue_is_verb(ctx, m, cue):
            continue
        after = m.last + 1
        kunya = kunya_after(ctx, after) if doc.norms[after] == "ام" else None  # (a kunya opens with أم)
        if kunya is not None:
            yield kunya  # وأوضحت أم محمد أنها …
            continue
        if after not in by_first or not ctx.longest(after, "TITLE"):
            j = name_run(ctx, m.last + 1, max_len=3)  # (not قال ولي العهد: a title, not the name ولي)
            object_of = without_preposition(ctx, m.last + 1) is None  # ودعا لبشار …، قال لأمانة …
            if (
                j is not None
                and not object_of
                and (not doc.has_article(m.last + 1) or doc.norms[m.last + 1] in AL_GIVEN_NAMES)
            ):
                if cue.get("needs", "any") == "any":  # (كشف، أعلن take objects)
                    j = subject_name_end(ctx, m.last + 1, j)
                if stands_as_subject(ctx, m.last + 1, j):  # (كتب برويد: a name may start with ب)
                    yield ctx.mention("PER", m.last + 1, j, "rule:cue")
            elif al_surname(ctx, m.last + 1):
                yield ctx.mention("PER", m.last + 1, m.last + 1, "rule:cue")
    yield from _first_name_aliases(ctx)
    openers = ctx.gaz.opener_cache  # given name -> may it open a name (see Context.starts_given_name)
    for m in ctx.labelled("GIVEN"):
        # a name needs a second word in the same phrase (name_run would stop at token m.first)
        if m.first != m.last or m.first + 1 == doc.n or not doc.joined(m.first):
            continue
        if openers.get(m.key) is False:
            continue  # (known to open no name: given_reading says no without a call)
        if m.stripped and (ctx.word_has(m.first, "LOC_TRIGGER") or ctx.word_has(m.first, "ORG_TRIGGER")):
            continue  # وادي الدواسر: a place's first word, not و + the given name ادي
        if _prayer(doc, m.first):
            continue  # طيب الله ثراه، رضي الله عنه: a blessing, a verb with God as its subject
        if m.first > 0 and doc.norms[m.first - 1] in _DIVINE_OR_DONE:
            continue  # الله العلي القدير: God's attributes; تم فتح فروع: a verbal noun after تم
        if not given_reading(ctx, m):
            continue
        j = name_run(ctx, m.first, given=True)
        if j is None or j == m.first:
            continue
        if m.key in COLLIDING_FUNCTION_WORDS and not ctx.known_name_part(m.first + 1):
            continue  # علي صفد، علي شعوبنا: على written without its ى
        first, start = m.first, m.start
        while first > 0 and doc.joined(first - 1):
            if link := link_before(ctx, first - 1):
                first -= 1  # أبو خليل القباني، لأبي زكريا الحفصي (the span leaves out ل)
                start = doc.span_start(first, link - 1)
            elif doc.norms[first] in SON_OF and _named_before_son(ctx, first - 1):
                first -= 1  # محمد بن سلمان بن عبدالعزيز: the nasab starts at the name before بن
                start = doc.starts[first]
                start = ctx.name_after_clitic(first, ("و", "ف")) or start  # ومحمد بن …
            else:
                break
        yield ctx.mention("PER", first, j, "rule:given-name", start=start)
