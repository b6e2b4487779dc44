"""Names in the subject slot of a speech verb: the slot is evidence for a name no list holds
(أكد مدير عام التعليم … ناصر بن سليمان المنيع أن …، وقال أحمد شرف «…»، ويدعى القارئ حمزة، أم محمد),
and the tests of what may stand there (a name part, a family word, the end of the subject)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from khabar.extractors.context import (
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    NAME_LINKS,
    NOT_NAME_LABELS,
    Context,
    abd_compound,
    normalized_words,
)
from khabar.extractors.name_runs import (
    ADVERBS,
    COMPOUND_SECONDS,
    ROLE_MODIFIERS,
    SUBJECT_ENDS,
    accusative_participle,
    conjoined,
    definite_participle,
    name_run,
    without_preposition,
)
from khabar.records import Entity

VERB_PREPOSITIONS = frozenset({"إلى", "الى", "على"})  # as written (علي is a given name): أشار إلى أن
_SUBJECT_MARKS = '،,:«“"'  # a comma, a colon or an opening quotation mark after a subject
# حديثه، كلمته، كلمتها (as written: ة is no ه): a noun + pronoun; a bare ه only after ت/ث, since
# foreign names end in ـيه، ـنه، ـكه (خوسيه، زنغنه، فراوكه), and ها/هم on six letters (not سودها)
POSSESSED = re.compile(r"(?:.{3}[تث]ه|.{4}(?:ها|هم|هما|هن))$")
MAX_SUBJECT_EXTENSION = 2  # words a given name in the subject slot may take
PHRASE_GAP = re.compile(r"[\s،,«»\"“”]*")  # inside a subject or role phrase: spaces, commas, quotation marks
MAX_SUBJECT = 14  # tokens from the cue to the end of its subject phrase
MAX_SUBJECT_NAME = 6  # عبدالرحمن بن رجاء الله السلمي
# "non-", "without": the speech verb's form after them is its verbal noun (طلب عدم ذكر اسمه، دون ذكر)
_NEGATING_NOUNS = normalized_words("عدم دون بدون")


def subject_ends(ctx: Context, cue_last: int) -> list[int]:
    """Tokens that may end the subject phrase after a speech verb: the word before a
    complementizer, a comma, a colon, or an adverbial (في، خلال، اليوم …): وقال مدير عام تعليم جدة
    عبدالله الثقفي، أن …; وأكد الرئيس الأفغاني أشرف غاني في وقت لاحق إن …"""
    doc = ctx.doc
    ends = []
    j = cue_last + 1
    while j < doc.n and j - cue_last <= MAX_SUBJECT and PHRASE_GAP.fullmatch(doc.gap(j - 1)):
        norm = doc.norms[j]
        if norm in COMPLEMENTIZERS or ctx.word_has(j, "CUE") and doc.norms[j - 1] not in _NEGATING_NOUNS:
            return ends + [j - 1] if j > cue_last + 1 else ends  # (not عدم ذكر اسمه: a verbal noun)
        if norm in SUBJECT_ENDS or norm in ADVERBS or doc.comma(j - 1):
            ends.append(j - 1)
        j += 1
    if j < doc.n and j > cue_last + 1 and doc.gap(j - 1).strip()[:1] in ("،", ",", ":"):
        ends.append(j - 1)  # … الثقفي، / … الثقفي: "…"
    return ends


def subject_persons(ctx: Context) -> Iterator[Entity]:
    """A name that ends the subject phrase of a speech verb, after a role and its complements and
    an honorific or a comma (أكد مدير عام التعليم بمنطقة نجران ناصر بن سليمان المنيع أن …، قال
    عضو اللجنة … المهندس جديع القحطاني، …): the subject slot is evidence enough for an unseen name."""
    doc, by_first = ctx.doc, ctx.by_first
    for m in ctx.labelled("CUE"):
        if not doc.joined(m.last) or m.last + 1 not in by_first or not ctx.longest(m.last + 1, "TITLE", "DESC"):
            continue  # the subject must open with a role (a lexicon match: most tokens start none)
        for end in subject_ends(ctx, m.last):
            if end > m.last + 2 and definite_participle(ctx, end) and not _definite_noun(ctx, end - 1):
                end -= 1  # المحامي جون هاردي المتخصص في …: the participle opens the name's description
            found = _name_before(ctx, m.last + 1, end)
            if found is not None:
                yield ctx.mention("PER", found, end, "rule:subject")
                break


def _definite_noun(ctx: Context, k: int) -> bool:
    """Token k has the article and is no listed family name: a noun (تارو أسو الزي المقترح)."""
    return ctx.doc.has_article(k) and not ctx.word_has(k, "SURNAME")


def _name_before(ctx: Context, role: int, end: int) -> int | None:
    """First token of a name that ends at token ``end`` and follows the role opening at ``role``."""
    doc = ctx.doc
    first = end
    while (
        first - 1 > role and end - first + 1 < MAX_SUBJECT_NAME and _name_part(ctx, first - 1) and doc.joined(first - 1)
    ):
        second = doc.norms[first - 1] in COMPOUND_SECONDS  # رجاء الله، نور الدين
        if doc.has_article(first - 1) and not second and doc.norms[first - 2] not in NAME_LINKS:
            break  # an ال-word ends the role (الرئيس الأفغاني), unless a link takes it (آل الشيخ)
        if _place_not_name(ctx, first - 1):
            break  # مدير فنون أبها أحمد بن إبراهيم السروي: the place ends the role's complement
        first -= 1
    while first <= end and not _after_role(ctx, first):
        first += 1  # the name starts right after an honorific, a role word, a nationality or a comma
    if first > end or first <= role or doc.has_article(first):
        return None
    if without_preposition(ctx, first) != doc.starts[first]:
        return None  # وقال الرئيس لترامب: ل + a name is the one spoken to
    if not ctx.name_like(first, first=True) and (first == end or doc.norms[first][:1] in ("ل", "ب")):
        return None  # an unknown first word needs a second one (، ديميتري بيسكوف), not a preposition (لنصرة)
    if any(not _name_part(ctx, k) or doc.norms[k] in ADVERBS for k in range(first, end + 1)):
        return None  # (المسؤول الأوروبي، يوم الجمعة إن: a day, not a name)
    if ctx.longest(first, "LOC", "ORG") and not ctx.word_has(first, "GIVEN"):
        return None  # a place or body, not a name (أشرف is both: a given name wins)
    return first


def _place_not_name(ctx: Context, k: int) -> bool:
    """Token k is a listed place or body and no listed name part (أبها; not أشرف، عسير as a name)."""
    if not ctx.longest(k, "LOC", "ORG"):
        return False
    return not any(ctx.word_has(k, label) for label in ("GIVEN", "SURNAME", "PER"))


CALLED_WRITTEN = frozenset({"يدعى", "تدعى", "ويدعى", "وتدعى"})  # "is called" (not يدعي, "claims")
CALLED_NORMS = normalized_words(" ".join(CALLED_WRITTEN))  # as the document's norms (ى → ي)
_DIACRITICS = re.compile("[\u064b-\u0652]")


def written_called(doc, k: int) -> bool:
    """Token k is يدعى/تدعى ("is called") as written, with alef maqsura and without diacritics;
    the active يدعي ("claims") ends in ya."""
    return doc.norms[k] in CALLED_NORMS and _DIACRITICS.sub("", doc.words[k]) in CALLED_WRITTEN


# "his/her name (is)" and "bears the name", before a person's name like يدعى
_NAMED = normalized_words("اسمه اسمها واسمه واسمها")
_BEARS = normalized_words("يحمل تحمل ويحمل وتحمل")
_NAMING = CALLED_NORMS | _NAMED | {"اسم"}


def called_persons(ctx: Context) -> Iterator[Entity]:
    """The name after يدعى ("is called", written with alef maqsura), اسمه/اسمها or يحمل اسم, a title
    between allowed: ناج آخر يدعى وائل فرجاني، المتحدث باسم الجبهة ويدعى القارئ حمزة، المشتبه به
    ويحمل اسم نيكولاس كروز."""
    doc = ctx.doc
    norms = doc.norms
    if _NAMING.isdisjoint(ctx.word_set()):
        return  # (most documents: the word set, made once, spares a test per token)
    for k in compress(range(doc.n - 1), map(_NAMING.__contains__, norms)):
        if not doc.joined(k) or norms[k] in CALLED_NORMS and not written_called(doc, k):
            continue  # (يدعي with ya: "claims")
        if norms[k] == "اسم" and not (k > 0 and doc.joined(k - 1) and norms[k - 1] in _BEARS):
            continue  # اسم alone: "the name of" a thing; يحمل اسم: "bears the name"
        i = k + 1
        title = ctx.longest(i, "TITLE")
        if title is not None and title.last + 1 < doc.n and doc.joined(title.last):
            i = title.last + 1
        elif doc.has_article(i) and i + 1 < doc.n and doc.joined(i):
            i += 1  # ويدعى القارئ حمزة: an honorific the lexicons lack
        j = name_run(ctx, i, introduced=True)
        if j is not None and norms[k] not in CALLED_NORMS and j == i and not ctx.known_name_part(i):
            continue  # يحمل اسم + one unknown word: a thing's name as often as a person's
        if j is not None and not doc.has_article(i):
            yield ctx.mention("PER", i, j, "rule:called")


def kunya_after(ctx: Context, i: int) -> Entity | None:
    """أم + a given name in the subject slot (وأوضحت أم محمد، وتأمل أم خالد): a mother's kunya,
    the name women are often quoted by."""
    doc = ctx.doc
    if i + 1 >= doc.n or doc.norms[i] != "ام" or not doc.joined(i):
        return None
    given = doc.norms[i + 1]
    compound = abd_compound(given)  # عبدالعزيز، عبدالله (one word here)
    listed = "GIVEN" in ctx.gaz.phrases.get(given, {}) and ctx.frequent_given(given)
    if not (listed or compound) or ctx.is_common(i + 1):
        return None
    return ctx.mention("PER", i, i + 1, "rule:cue")


def subject_name_end(ctx: Context, first: int, last: int) -> int:
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
    while k + 1 < doc.n and k - last < MAX_SUBJECT_EXTENSION and doc.joined(k) and not subject_boundary(ctx, k + 1):
        if doc.has_article(k) and k > last:
            return last  # an ال-word ends a name (يحيى العبيد): more words after it are no name
        if not _family_word(ctx, k + 1):
            return last
        k += 1
    if k > last and k + 1 < doc.n and (not doc.joined(k) and _subject_mark(doc.gap(k)) or subject_boundary(ctx, k + 1)):
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
    if norm in SUBJECT_ENDS or norm in ADVERBS:
        return False  # قالت ماي ردا على: an adverbial
    if ctx.known_name_part(k):
        return not word.endswith("ة") or ctx.word_has(k, "GIVEN")  # طالبة (a surname too) is a role
    if doc.has_article(k) and not word.endswith("ي"):
        return False  # an unknown ال-word is a family name only as a nisba (الرياضي), not أسماء المعتقلين
    if word.endswith(("ة", "ًا", "اً")) or norm[:1] == "ب" or possessed(ctx, k):
        return False  # طالبة، بارتكاب، مشاركته، كلمته
    return not accusative_participle(ctx, k) and not (len(norm) == 5 and norm[1] == "ا" and norm[-1] == "ا")


def possessed(ctx: Context, k: int) -> bool:
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


def subject_boundary(ctx: Context, k: int) -> bool:
    """Token k opens what follows a subject: a complementizer, a speech verb, إلى/على, or ل + a
    known word (لموقع، للصحفيين)."""
    norm = ctx.doc.norms[k]
    if norm in COMPLEMENTIZERS or ctx.word_has(k, "CUE") or ctx.doc.words[k] in VERB_PREPOSITIONS:
        return True  # (إلى، على as written: علي is a given name)
    return norm[:1] == "ل" and without_preposition(ctx, k) is None


# من جهته / ومن جانبه / من ناحيته: the other side's turn (also read by attribution and the quote finder)
SIDE_WORDS = normalized_words("جهته جهتها جانبه جانبها ناحيته ناحيتها")


# ل + an outlet's head noun after a one-word subject: the outlet told (وقال بليند لموقع يونايتد)
_OUTLETS_TOLD = frozenset("لموقع لقناه لشبكه لمجله لاذاعه لتلفزيون لصحيفه لوكاله لبرنامج".split())


def stands_as_subject(ctx: Context, first: int, last: int) -> bool:
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
    told = nxt[:1] == "ل" and (without_preposition(ctx, last + 1) is None or nxt in _OUTLETS_TOLD)  # قال بليند لموقع
    ends = nxt in COMPLEMENTIZERS or nxt in SUBJECT_ENDS or nxt in ADVERBS or told
    aside = nxt == "من" and last + 2 < doc.n and doc.norms[last + 2] in SIDE_WORDS  # واشار هاربر من جهته
    return not doc.joined(last) or gap.strip() != "" or ends or aside


def _name_part(ctx: Context, k: int) -> bool:
    """Token k may be a word of a name in the subject slot: an Arabic word that is no function
    word, speech verb, title (unless also a name part), place or body (غاني، العربي are)."""
    norm = ctx.doc.norms[k]
    if norm in FUNCTION_WORDS or not ctx.is_arabic_word(k) or ctx.word_has(k, "CUE") or len(norm) < 2:
        return False  # (م. before a name: an abbreviated title)
    if conjoined(ctx, k) or without_preposition(ctx, k) is None or norm in ROLE_MODIFIERS:
        return False  # تبوك والشارقة، بليند لموقع يونايتد، مدير عام
    if possessed(ctx, k):
        return False  # المدرب الهلالي حديثه بقوله: a noun with a pronoun attached is no name
    if norm in NAME_LINKS or ctx.known_name_part(k) and (ctx.word_has(k, "GIVEN") or not ctx.firm_place_or_org(k)):
        return True  # (not إيران of مرشد إيران خامنئي: a country, although a family name too)
    if ctx.word_has(k, "TITLE") or ctx.word_has(k, "ORG_TRIGGER") or ctx.word_has(k, "LOC_TRIGGER"):
        return False  # (شرطة أوستن برايان مانلي: the body's head is no name)
    if ctx.bare_title(k):
        return False  # الميجور جنرال: a title listed with the article, written bare
    return not ctx.firm_place_or_org(k)


def _al_surname(ctx: Context, k: int) -> bool:
    """Token k is a listed family name with the article (a rarer given name before it still opens
    a name: نشوان الحسام)."""
    return k < ctx.doc.n and ctx.doc.has_article(k) and ctx.word_has(k, "SURNAME")


def _after_role(ctx: Context, k: int) -> bool:
    """Token k follows a title or honorific (العميد، المهندس), a nationality, a comma, a place or
    body name, or (for a known given name) a definite word."""
    doc = ctx.doc
    if k == 0:
        return False
    if doc.comma(k - 1) or ctx.word_has(k - 1, "TITLE") or ctx.word_has(k - 1, "DEMONYM"):
        return True
    if (
        doc.has_article(k - 1)
        and ctx.word_has(k, "GIVEN")
        and (ctx.frequent_given(doc.norms[k]) or _al_surname(ctx, k + 1))
    ):
        return True  # المحامي المتخصص بحقوق الملكية | جاستن هيوز، المسؤول عن الطوارئ | نشوان الحسام
    return any(  # after a place or body name: مدير شرطة أوستن | برايان مانلي
        (m := ctx.longest(s, "LOC", "ORG")) is not None and m.last == k - 1 for s in range(max(0, k - 4), k)
    )
