"""Organizations: gazetteer names, unknown names after a trigger (حركة فتح → فتح), acronyms.

A trigger before a known organization adds nothing (حركة حماس → حماس, the lexicon match); a
trigger before a definite noun phrase (وزارة الخارجية، المجموعة الثانية) is a description, not a
name, and is left alone: on ANERcorp train such phrases are mostly untagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.document import find_chars
from khabar.extractors.bracketed import fixture_teams, parenthesized_short_names
from khabar.extractors.clubs import city_nisba_clubs, short_club_names
from khabar.extractors.context import FUNCTION_WORDS, Context, normalized_words
from khabar.extractors.places import trigger_name_end
from khabar.extractors.source_phrases import TO_OUTLET_WORDS
from khabar.records import Entity
from khabar.text import WORD_CHARS

# A whole token of 2-6 capital Latin letters (tokens are runs of word characters and marks).
_LATIN_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WORD_CHAR = re.compile(f"[{WORD_CHARS}]")
MAX_NAME = 3


def _name_end(ctx: Context, i: int) -> int | None:
    """Last token of an unknown proper name right after a trigger (حركة فتح، شركة توتال), or None."""
    doc = ctx.doc
    if doc.has_article(i) or ctx.by_first.get(i) or not ctx.name_like(i, first=True):
        return None
    j = i
    while j + 1 < doc.n and j - i + 1 < MAX_NAME and doc.joined(j) and ctx.name_like(j + 1, first=True):
        if ctx.by_first.get(j + 1) or ctx.word_has(j + 1, "GIVEN") and ctx.frequent_given(doc.norms[j + 1]):
            break  # (شرطة أوستن برايان مانلي: a person's given name starts after the body's name)
        j += 1
    return j


_GOVERNED_BY = normalized_words("على من عن في إلى الى مع")
_NOT_A_FIELD = normalized_words("للصحفيين للصحافيين للصحافة للمرة للعام للسنة للاعلام للإعلام")


def _purpose_end(ctx: Context, end: int) -> int:
    """Last token of a body's name that ends at ``end`` and may go on with لل + its field
    (معهد ليبنيز | للأبحاث الاقتصادية): the description after it, else ``end``."""
    doc = ctx.doc
    k = end + 1
    if k >= doc.n or not doc.joined(end) or doc.norms[k][:2] != "لل" or ctx.by_first.get(k):
        return end
    if _told_body(ctx, k) or doc.norms[k] in _NOT_A_FIELD:
        return end  # معهد بروكنغز للصحفيين: whom it was said to
    if any(
        m.last >= end for s in range(max(0, end - 3), end + 1) for m in ctx.by_first.get(s, ()) if "ORG" in m.labels
    ):
        return end  # حزب الله للنظام السوري: a listed body keeps its name
    last = k  # لل + the field, then its adjectives and و + another field (للدراسات والبحوث الاستراتيجية)
    while last + 1 < doc.n and doc.joined(last):
        nxt = last + 1
        norm = doc.norms[nxt]
        adjective = doc.has_article(nxt) and norm not in FUNCTION_WORDS and _adjective_shape(ctx, nxt)
        adjective = adjective and not ctx.longest(nxt, "LOC", "ORG")
        if adjective or norm[:3] in ("وال", "ولل"):
            last = nxt
        else:
            break
    if last + 1 < doc.n and doc.joined(last) and doc.norms[last + 1] in _GOVERNED_BY:
        return end  # منظمة الأمم المتحدة للحفاظ على: a verbal noun and its object, not a field
    return last


def _club_name(ctx: Context, i: int, club: str) -> bool:
    """Token i, a definite word after an indefinite club trigger, is the club's name although it
    is a common word or an adjective of nationality: after نادي (club=any) any such word (نادي
    الوحدة، نادي الهلال), after فريق (club=nisba) a masculine nisba only (فريق العربي، فريق
    الأهلي; فريق العمل، فريق التحقيق are a working party)."""
    doc = ctx.doc
    norm = doc.norms[i]
    if norm in FUNCTION_WORDS or norm in CLAUSE_WORDS or ctx.word_has(i, "TITLE") or ctx.word_has(i, "LOC_TRIGGER"):
        return False
    if club == "any":
        return True
    return club == "nisba" and doc.words[i].endswith("ي") and len(norm) >= 5


def _np_end(ctx: Context, i: int, club: str = "") -> int | None:
    """Last token of a definite noun phrase after a trigger marked np=any (حزب العمال, نادي
    الزمالك), without trailing demonyms (حزب الله اللبناني → حزب الله); with ``club`` (the
    trigger's club attr, indefinite trigger only) a common word may be the name (نادي الوحدة)."""
    doc = ctx.doc
    if not doc.has_article(i) or ctx.word_has(i, "ORG_TRIGGER") and not _heads_own_body(ctx, i):
        return None  # (فريق الدفاع "the defence team": الدفاع names a ministry only with a nationality)
    if ctx.word_has(i, "DEMONYM") or ctx.is_common(i) and not ctx.by_first.get(i):
        if not (club and _club_name(ctx, i, club)):
            return None
        return i
    if ctx.word_has(i, "TITLE") or ctx.word_has(i, "LOC_TRIGGER") and ctx.longest(i, "ORG", "LOC") is None:
        return None  # بالمعهد المهندس حافظ: a title and a name follow; بفريق العاصمة: a place
    j = i
    while j + 1 < doc.n and j - i + 1 < MAX_NAME and doc.joined(j) and doc.has_article(j + 1):
        if ctx.word_has(j + 1, "DEMONYM") or ctx.word_has(j + 1, "CUE") or ctx.word_has(j + 1, "TITLE"):
            break
        if doc.norms[j + 1] in FUNCTION_WORDS:
            break  # الى written without hamza looks like an article
        if _participle_with_complement(ctx, j + 1):
            break  # النادي المكناسي العائد من التجربة: "returning from", a clause, not the name
        if j > i and _adjective_shape(ctx, j) and not _adjective_shape(ctx, j + 1):
            break  # أدانت منظمة العفو الدولية | الحكم: after the name's adjective, the verb's object
        j += 1
    return j


_ACTIVE_PARTICIPLE = re.compile(r"^ال\wا\w\w$")  # العائد، القادم، الفائز (فاعل with the article)
_CLAUSE_PREPOSITIONS = frozenset({"من", "الي", "في", "علي", "عن"})  # normalised من، إلى، في، على، عن


def _participle_with_complement(ctx: Context, k: int) -> bool:
    """Token k is a definite active participle that a preposition follows (العائد من، الفائز على):
    a relative clause about the body, no word of its name."""
    doc = ctx.doc
    if not _ACTIVE_PARTICIPLE.match(doc.norms[k]) or ctx.by_first.get(k) or k + 1 >= doc.n or not doc.joined(k):
        return False
    return doc.norms[k + 1] in _CLAUSE_PREPOSITIONS


# Adjectives that make a definite trigger an institution's name (المحكمة العليا، الهيئة العامة
# للسياحة، المجلس الوطني); other adjectives leave it a description (الشركة الأمريكية، الوزارة المعنية).
INSTITUTIONAL = normalized_words(
    """العليا العامة العام الوطني الوطنية الدولية الدولي الاتحادية الاتحادي المركزي المركزية الجنائية
    الدستورية الاعلى الملكية الملكي التنفيذية التشريعي التشريعية الاستشاري الاستشارية القومي القومية
    المحلية المحلي التاسيسية الاهلية"""
)
MAX_DESCRIPTION = 5  # words after the trigger: منظمة حظر الأسلحة الكيميائية
# First words after a trigger that make a generic description, not a body's name: مجلس الإدارة
# (any company's board), مجلس إدارة البنك, الجهاز الفني (a team's coaching staff), and the devices
# after جهاز (جهاز الكمبيوتر، جهاز الهاتف النقال).
GENERIC_COMPLEMENTS = normalized_words(
    """الإدارة إدارة الادارة ادارة الفني الطبي الإداري الاداري الامناء الكمبيوتر الحاسوب الحاسب الهاتف
    التلفاز التلفزيون الراديو الآيفون"""
)


# The verbal noun تفعيل (تنظيم، تطوير، تعليم): after a trigger it is the body's task (هيئة تنظيم
# الإعلام، هيئة تطوير الرياض), not a given name, though a few people carry such names.
_MASDAR_II = re.compile(r"ت\w\wي\w")


def _descriptive_end(ctx: Context, i: int) -> int | None:
    """Last token of the description after a desc=1 trigger: definite nouns and adjectives, their
    genitives (حظر الأسلحة), nationality adjectives and known places, up to a function word, a
    title, a speech verb, a person or a comma (وزارة الخارجية الأمريكية، هيئة الرياضة السعودية).
    The name ends where a new noun phrase starts: a bare indefinite noun after a complete
    genitive (المركز الوطني لأبحاث النخيل | مهرجان), or لـ + an indefinite noun after a nationality
    adjective (وزارة النفط الليبية | لتصدير المواد)."""
    doc = ctx.doc
    if doc.norms[i] in GENERIC_COMPLEMENTS or doc.has_article(i) and _heads_own_body(ctx, i):
        return None  # (إدارة اللجنة البارالمبية: the body is the one its own trigger heads)
    if doc.norms[i][:1] in "لب" and not doc.has_article(i) and ctx.longest(i, "LOC", "ORG") is None:
        return None  # مؤسسة للطبع والنشر، مكتب للتجارة: "an office for trade", no name
    if not doc.has_article(i) and ctx.word_has(i, "DEMONYM") and ctx.longest(i, "LOC", "ORG") is None:
        return None  # تحالف عربي، شركة أمريكية: "an Arab coalition", no name
    last, j, national = None, i, False
    while j < doc.n and j - i < MAX_DESCRIPTION:
        definite = doc.has_article(j)
        head = ctx.longest(j, "LOC_TRIGGER")
        clitics = head is None or head.stripped > 0  # (ولاية is no و + ل + أية or آية)
        if (
            doc.norms[j] in FUNCTION_WORDS
            or clitics
            and len(doc.splits[j]) > 1
            and any(stem in FUNCTION_WORDS for _, stem in doc.splits[j][1:])
            or not ctx.is_arabic_word(j)
            or ctx.longest(j, "CUE", "TITLE", "PER")
            or clitics
            and not definite
            and ctx.word_has(j, "GIVEN")
            and not ctx.is_common(j)
            and (
                j > i or _MASDAR_II.fullmatch(doc.norms[j]) is None
            )  # (هيئة تنظيم الكهرباء: تنظيم is a rare given name)
        ):
            break  # (وكالة AFP: an acronym is the name; إدارة تعليم الليث: common and definite words stay)
        if j > i and _outside_description(ctx, j):
            break  # والحكومة، بالموافقة، الأسبوع، الجديد: a new phrase or a clause's word, not the name's
        if j > i and _told_body(ctx, j):
            break  # وزارة الصحة لوكالة فرانس برس، الشرطة المحلية لبي بي سي: the outlet told
        clitic_article = definite or any(s[1].startswith("ال") for s in doc.splits[j])
        place = ctx.longest(j, "LOC", "ORG")
        new_phrase = j > i and last == j - 1 and not definite and not clitic_article
        # a place after an indefinite head is its genitive (مديرية أمن إسطنبول); a word coordinated
        # inside a لـ complement belongs to it (للجبيل وينبع، للأرصاد وحماية البيئة)
        genitive = place is not None and not doc.has_article(j - 1) and doc.norms[j][:1] != "و"
        coordinated = doc.norms[j][:1] == "و" and (
            doc.norms[j - 1][:2] == "لل" or _coordinated_genitive(ctx, j) or _second_lam_genitive(ctx, i, j)
        )
        if (
            new_phrase
            and (doc.norms[j][:1] != "ل" or national and _has_field(ctx, i, j))
            and not coordinated
            and not genitive
        ):
            break  # a new noun phrase (مهرجان النخيل، لتصدير المواد), not the name's genitive (للجبيل وينبع)
        if definite and j > i and last == j - 1 and doc.has_article(j - 1) and not _adjective_shape(ctx, j):
            break  # after a complete definite genitive a noun is the clause's (أدان مجلس الوزراء | الهجوم)
        if place is not None and not definite:
            last = j = place.last  # وزارة خارجية قطر
            if place.first == j:
                last = j = trigger_name_end(ctx, j) or j  # شرطة مدينة تمبي: the trigger and its name
        elif definite or clitic_article or ctx.word_has(j, "DEMONYM"):
            last = j  # الخارجية، للسياحة، والري، السعودية
            national = national or ctx.word_has(j, "DEMONYM")
        elif not (j + 1 < doc.n and doc.joined(j) and (doc.has_article(j + 1) or _bare_place(ctx, j + 1, "ORG"))):
            break  # an indefinite word only as the head of a genitive (حظر الأسلحة، خارجية قطر، أنباء إنترفاكس)
        if not doc.joined(j):
            break
        j += 1
    return last


def _has_field(ctx: Context, i: int, j: int) -> bool:
    """The description from token i to before token j holds a noun of the body's field, not only
    institutional and nationality adjectives: after وزارة النفط الليبية a ل-phrase is a new phrase
    (لتصدير المواد), after اللجنة الوطنية الروسية it is the field (لمكافحة الإرهاب، لإدارة الكوارث)."""
    return any(ctx.doc.norms[k] not in INSTITUTIONAL and not ctx.word_has(k, "DEMONYM") for k in range(i, j))


# Words after a description that belong to the clause, not to the name: time words and
# evaluative or temporal adjectives (مجلس الوزراء الأسبوعية، مركز التدريب الجديد، الأسبوع الماضي).
CLAUSE_WORDS = normalized_words(
    """الاسبوع الاسبوعي الاسبوعية الماضي الماضية المقبل المقبلة القادم القادمة الجديد الجديدة الحالي
    الحالية السابق السابقة الاسبق البالغ البالغة المعني المعنية المذكور المذكورة اليوم امس الليلة الشهر
    الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت"""
)  # (… الرسمية الجمعة: the day of the report)
_YEAR = "العام"  # "the year" before a time adjective (العام الماضي), else "general" (الأمن العام)
_HEADS = frozenset({"ORG_TRIGGER", "TITLE"})  # و + one of these starts a second name


_ADJECTIVE_ENDINGS = ("ي", "ية", "ة", "ى", "ان", "ين")  # nisba, feminine, elative, dual forms


_TO_OUTLET = TO_OUTLET_WORDS | normalized_words("لبي")  # (لبي بي سي)


def _told_body(ctx: Context, j: int) -> bool:
    """Token j is ل + an outlet (لوكالة رويترز، لبي بي سي) or لـ + a name in Latin letters
    (لـCNN): whom it was said to, after a complete name (not اللجنة التنفيذية لمنظمة التحرير)."""
    doc = ctx.doc
    word = doc.words[j]
    if word[:1] != "ل":
        return False
    if word.startswith("لـ") and not ctx.is_arabic_word(j):
        return True
    return doc.norms[j] in _TO_OUTLET and ctx.longest(j, "ORG") is not None


def _adjective_shape(ctx: Context, j: int) -> bool:
    """Token j, a definite word after a definite one, may be its adjective (الأسلحة الكيميائية،
    الأمن العام، الأمم المتحدة) or a listed name (مجلس التعاون الخليجي): not a new noun."""
    doc = ctx.doc
    norm = doc.norms[j]
    if norm in INSTITUTIONAL or ctx.word_has(j, "DEMONYM") or ctx.longest(j, "LOC", "ORG"):
        return True
    return doc.words[j].endswith(_ADJECTIVE_ENDINGS)


def _bare_place(ctx: Context, k: int, *more: str) -> bool:
    """Token k starts a known place (or one of the labels ``more``: a listed body) written without
    a proclitic (قطر; not بمدينة)."""
    m = ctx.longest(k, "LOC", *more)
    return m is not None and not m.stripped


def _coordinated_genitive(ctx: Context, j: int) -> bool:
    """و + an indefinite noun heading a definite genitive and a nationality adjective that close the
    name (لجنة المساواة وحقوق الإنسان البريطانية), not و + a second body's trigger or a title
    (ووزارة الدفاع، ووزير الخارجية), nor a second noun phrase (مجلس الوزراء وحكومة الإقليم)."""
    doc = ctx.doc
    if doc.has_article(j) or j + 2 >= doc.n or not doc.joined(j) or not doc.has_article(j + 1):
        return False
    if not doc.joined(j + 1) or not ctx.word_has(j + 2, "DEMONYM"):
        return False
    return any(stripped for stripped, _ in doc.splits[j]) and not _clitic_head(ctx, j)


def _second_lam_genitive(ctx: Context, i: int, j: int) -> bool:
    """و + an indefinite noun heading a definite genitive, right after a ل + indefinite noun and its
    definite genitive (المؤسسة العامة لصوامع الغلال ومطاحن الدقيق): the body's second field, not
    و + a second body's trigger or a title."""
    doc = ctx.doc
    if j - 2 < i or j + 1 >= doc.n or doc.has_article(j) or not doc.joined(j) or not doc.has_article(j + 1):
        return False
    lam = doc.norms[j - 2]
    if lam[:1] != "ل" or lam[:2] == "لل" or doc.has_article(j - 2) or not doc.has_article(j - 1):
        return False
    return any(stripped for stripped, _ in doc.splits[j]) and not _clitic_head(ctx, j)


def _clitic_head(ctx: Context, j: int) -> bool:
    """Token j without its proclitic is a body's trigger or a title (والمركز، ووزير)."""
    phrases = ctx.gaz.phrases
    return any(not _HEADS.isdisjoint(phrases.get(stem, ())) for stripped, stem in ctx.doc.splits[j] if stripped)


def _outside_description(ctx: Context, j: int) -> bool:
    """Token j, inside a description after its first word, starts something else: a time word or
    an evaluative adjective; ب/ك + ال, a prepositional phrase (بالموافقة; not ب + a place, بالطائف;
    the genitive ل + ال, للسياحة, continues the name); و/ف + a body, a place or a title
    (والاتحاد الأفريقي، والمركز القومي; و + a noun may be the name's own: الموارد المائية والري)."""
    doc = ctx.doc
    norm = doc.norms[j]
    if norm in CLAUSE_WORDS:
        return True
    if norm == _YEAR:
        return j + 1 < doc.n and doc.norms[j + 1] in CLAUSE_WORDS
    if doc.has_article(j):
        return False
    if norm[:3] in ("بال", "كال"):
        return ctx.longest(j, "LOC") is None  # (الهيئة العامة للسياحة بالطائف: a branch's place stays)
    if norm[:3] not in ("وال", "فال"):
        return False
    head = _clitic_head(ctx, j)
    if head and ctx.word_has(j, "ORG_TRIGGER") and not _heads_own_body(ctx, j):
        head = False  # (لجنة الأمن والدفاع: الدفاع names a ministry only with a nationality)
    return head or ctx.firm_place_or_org(j) is not None


def _known_body_end(ctx: Context, last: int) -> int:
    """Last token of a known body ending at ``last`` with the nationality and institutional
    adjectives right after it (منظمة التحرير الفلسطينية، مجلس الأمن القومي): a description never
    lengthens a known name with other words (مجلس الأمن البالغ، جامعة الدول العربية بالتنسيق)."""
    doc, j = ctx.doc, last
    while j + 1 < doc.n and doc.joined(j) and doc.has_article(j + 1):
        if doc.norms[j + 1] not in INSTITUTIONAL and not ctx.word_has(j + 1, "DEMONYM"):
            break
        j += 1
    return j


_OPENING = re.compile(r"\s*[\"«“]\s*")
_CLOSING = re.compile(r"\s*[\"»”]")
MAX_QUOTED_NAME = 4


def _quoted_name_end(ctx: Context, trigger_last: int) -> int | None:
    """Last token of a name in quotation marks right after a trigger (صحيفة " نيويورك بوست "),
    of at most MAX_QUOTED_NAME words; None when no such quotation follows."""
    doc = ctx.doc
    first = trigger_last + 1
    if first >= doc.n or not _OPENING.fullmatch(doc.gap(trigger_last)):
        return None
    if doc.norms[first] in FUNCTION_WORDS:
        return None  # a quoted statement, not a name (مجلس " كان الاجتماع … ")
    for k in range(first, min(doc.n, first + MAX_QUOTED_NAME)):
        gap = doc.gap(k)
        if _CLOSING.match(gap):
            if k == first and doc.words[k].endswith("ية") and not doc.has_article(k):
                return None  # scare quotes round an adjective: مؤسسة "سياسية"، منظمة "إرهابية"
            return k
        if not doc.joined(k):
            return None
    return None


def _relational_adjective(ctx: Context, i: int) -> bool:
    """Token i is a definite masculine relational adjective (التجاري، الزراعي، المركزي) that is no
    nationality, function word, title or known place/body, and no genitive or adjective follows."""
    doc = ctx.doc
    norm = doc.norms[i]
    if not (doc.has_article(i) and norm.endswith("ي") and len(norm) >= 6) or norm in FUNCTION_WORDS:
        return False
    if ctx.longest(i, "DEMONYM", "TITLE", "LOC", "ORG", "ORG_TRIGGER"):
        return False
    return not (i + 1 < doc.n and doc.joined(i) and doc.has_article(i + 1))


_MINISTER = normalized_words("وزير وزيرة وزيري وزيرا وزراء")


def _after_minister(ctx: Context, i: int) -> bool:
    """Token i, a definite word, completes a minister's title (وزيرة الخارجية الأميركية)."""
    doc = ctx.doc
    if i == 0 or not doc.joined(i - 1) or not doc.has_article(i):
        return False
    return any(stem in _MINISTER for _, stem in doc.splits[i - 1])


def _names_a_body(ctx: Context, first: int, end: int, definite: bool) -> bool:
    """After a trigger that is also a verbal noun (إدارة، رئاسة: "managing", "presiding"), the
    description first..end names a body only with more than the noun's object: after the definite
    trigger an institutional adjective and a complement (الإدارة العامة للدفاع المدني, not
    للإدارة العامة), after the indefinite one an indefinite genitive head (إدارة تعليم الليث،
    إدارة مكافحة المخدرات; not إدارة الحرب، رئاسة الوفد) or a place at its end."""
    doc = ctx.doc
    if definite:
        return end > first
    return not doc.has_article(first) or ctx.longest(end, "LOC") is not None


def _leading_word(ctx: Context, i: int) -> bool:
    """Token i is a trigger marked lead=drop: a generic head left out of a listed name."""
    m = ctx.longest(i, "ORG_TRIGGER")
    return m is not None and m.last == i and m.info("ORG_TRIGGER").get("lead", "") == "drop"


def _trigger_in_name(ctx: Context, i: int) -> bool:
    m = ctx.longest(i, "ORG_TRIGGER")
    return m is not None and m.info("ORG_TRIGGER").get("span", "") == "with"


_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هاته", "هذي"})


def _common_reading(ctx: Context, m) -> bool:
    """A one-word organization match read as no body here: a people's name (الأكراد is a
    nationality plural, not a party), or a definite noun after a demonstrative (هذه القاعدة "this
    rule", not al-Qaeda)."""
    doc = ctx.doc
    if "DEMONYM" in m.labels:
        return True
    i = m.first
    return i > 0 and doc.joined(i - 1) and doc.has_article(i) and doc.norms[i - 1] in _DEMONSTRATIVES


def _heads_own_body(ctx: Context, i: int) -> bool:
    """Token i is a trigger that heads a body of its own: not one that names a ministry only with
    a nationality adjective (وزارة الخارجية: الخارجية is the ministry's genitive)."""
    m = ctx.longest(i, "ORG_TRIGGER")
    return m is not None and m.info("ORG_TRIGGER").get("national", "") in ("", "1")


def _national_end(ctx: Context, trigger_first: int, i: int, national: str, trigger_start: int) -> int | None:
    """Last token of a body named by its definite trigger and a nationality adjective at i
    (السفارة الروسية، القنصلية السعودية، الاتحاد السعودي، الخارجية الكندية), with the nationality
    and institutional adjectives after it; None when i is no nationality adjective, the phrase
    is a listed body or place (الاتحاد السوفيتي، الاتحاد الأوروبي), or it completes a minister's
    title (وزيرة الخارجية الأمريكية). A trigger that names a ministry only so (national=only:
    الخارجية، الداخلية، الدفاع, its head وزارة left out) needs an adjective that agrees with the
    elided feminine head (الدفاع الروسية; not الدفاع الجوي، وزير … الخارجية العراقي) and must not
    be the adjective or genitive of the noun before it (السياسة الخارجية، للمخابرات الخارجية
    البريطانية، قوات الدفاع النيوزيلندية)."""
    doc = ctx.doc
    if not (doc.joined(trigger_first) and doc.has_article(i) and ctx.word_has(i, "DEMONYM")):
        return None
    known = ctx.longest(trigger_first, "ORG", "LOC")
    if known is not None and known.last > trigger_first or _after_minister(ctx, trigger_first):
        return None  # (not الاتحاد السوفيتي; الاتحاد alone, the club, does not stop الاتحاد السعودي)
    if trigger_first > 0 and doc.joined(trigger_first - 1) and ctx.word_has(trigger_first - 1, "ORG_TRIGGER"):
        return None  # نادي الاتحاد السعودي: a club's name after its own trigger
    if national != "1" and (doc.words[i][-1] != "ة" or _modifies_noun_before(ctx, trigger_first, trigger_start)):
        return None
    return _known_body_end(ctx, i)


def _definite_before(ctx: Context, i: int) -> bool:
    """The token before i, joined to it, is definite (السياسة، بالشؤون، للمخابرات)."""
    doc, k = ctx.doc, i - 1
    if k < 0 or not doc.joined(k):
        return False
    return doc.has_article(k) or any(stem.startswith("ال") for _, stem in doc.splits[k][1:])


def _governed(ctx: Context, i: int, start: int) -> bool:
    """Token i, its word starting at ``start`` (after any proclitic), carries a preposition (اليومي
    للخارجية الأمريكية: ل governs it; و/ف may join a second adjective: الداخلية والخارجية)."""
    return any(c in "لبك" for c in ctx.doc.text[ctx.doc.starts[i] : start])


def _modifies_noun_before(ctx: Context, i: int, start: int) -> bool:
    """Token i, its word starting at ``start``, is the adjective of a definite noun right before it
    (السياسة الخارجية، بالشؤون الداخلية) or the genitive of a feminine noun in construct (قوات
    الدفاع، منظومة الدفاع، وزارة الخارجية), and no preposition governs it."""
    doc = ctx.doc
    if _governed(ctx, i, start):
        return False
    return _definite_before(ctx, i) or i > 0 and doc.joined(i - 1) and doc.words[i - 1].endswith(("ة", "ات"))


def _adjective_of_noun(ctx: Context, i: int) -> bool:
    """Token i, a trigger naming a ministry only with a nationality adjective (national=only), is
    with that adjective a listed body's name but here the adjective of the definite noun before it
    (السياسة الخارجية الأمريكية: the lexicon's الخارجية الأمريكية is no body here)."""
    doc = ctx.doc
    m = ctx.longest(i, "ORG_TRIGGER")
    if m is None or m.first != i or _heads_own_body(ctx, i) or i + 1 >= doc.n or not ctx.word_has(i + 1, "DEMONYM"):
        return False  # (عمليات الدفاع المدني: a listed body in construct stays)
    return not _governed(ctx, i, m.start) and _definite_before(ctx, i)


def organizations(ctx: Context, descriptive: bool = True) -> Iterator[Entity]:
    """ORG mentions from the lexicon, from trigger + noun phrase (``descriptive``: also trigger +
    description, وزارة الخارجية الأمريكية), from parentheses (bracketed.py) and from Latin acronyms."""
    doc = ctx.doc
    for m in ctx.labelled("ORG"):
        info = m.info("ORG")
        if info.get("ambiguous", "") == "1":
            continue
        if _after_minister(ctx, m.first) or _adjective_of_noun(ctx, m.first):
            continue  # وزيرة الخارجية الأميركية: the minister's title, not the ministry
        if m.first == m.last:  # (one word: no trigger or demonym to trim)
            # (not قال إن الأكراد، شذ عن هذه القاعدة: a people, a noun after a demonstrative)
            if not _common_reading(ctx, m):
                yield ctx.entry_mention("ORG", info, m.first, m.last, m.start)
            continue
        first, last = ctx.core(m, "ORG", "ORG_TRIGGER")
        if first > m.first and _trigger_in_name(ctx, m.first):
            first = m.first  # حزب الله: the party's trigger belongs to its name
        elif first == m.first < last and _leading_word(ctx, m.first):
            first += 1  # حركة المقاومة الإسلامية → المقاومة الإسلامية, as ANERcorp spans it
        start = m.start if first == m.first else doc.starts[first]
        yield ctx.entry_mention("ORG", info, first, last, start)
    for m in ctx.labelled("ORG_TRIGGER"):
        if m.last + 1 >= doc.n:
            continue
        first = m.last + 1
        definite = m.key.startswith("ال")  # الحزب، فالفريق، للمجلس
        # (a joining gap holds only spaces and hyphens: no opening quotation mark)
        quoted = None if definite or doc.joined(m.last) else _quoted_name_end(ctx, m.last)
        if quoted is not None:  # صحيفة " واشنطن تايمز "، قناة « تي في 5 »
            yield ctx.mention("ORG", first, quoted, "rule:trigger+quoted")
            continue
        if not doc.joined(m.last):
            continue
        trigger = m.info("ORG_TRIGGER")
        national = trigger.get("national", "")
        if national:  # السفارة الروسية، الاتحاد السعودي، الخارجية الكندية
            end = _national_end(ctx, m.first, first, national, m.start) if definite else None
            if end is not None:
                yield ctx.mention("ORG", m.first, end, "rule:trigger+nationality", start=m.start)
                continue
            if national != "1":
                continue  # (الخارجية، الدفاع: a body's name only so)
        place = ctx.longest(first, "LOC") if trigger.get("place", "") == "1" else None
        if place is not None and not ctx.longest(first, "ORG") and not definite:  # اتحاد طنجة، ريال مدريد
            yield ctx.mention("ORG", m.first, place.last, "rule:club", start=m.start)
            continue
        if definite and trigger.get("adjective", "") == "1" and _relational_adjective(ctx, first):
            yield ctx.mention("ORG", m.first, first, "rule:trigger+name", start=m.start)  # البنك التجاري
            continue
        # Only an indefinite trigger takes an unknown name (حزب X، شركة X); after a definite one
        # comes an adjective or a verb (الحزب التحالفية، المجلس سيناقش).
        # (an embassy or a federation is named by its country, not by an unknown name: سفارة خادم
        # الحرمين الشريفين is not سفارة + خادم)
        end = None if definite or national else _name_end(ctx, first)
        if end is None and trigger.get("np", "") == "any" and not (definite and trigger.get("span", "") != "with"):
            # (not الفريق الضيف، النادي الكاتالوني: after the article, an adjective)
            end = _np_end(ctx, first, "" if definite else trigger.get("club", ""))
        if (
            end is None
            and descriptive
            and trigger.get("desc", "") == "1"
            and (not definite or doc.norms[first] in INSTITUTIONAL)
        ):
            end = _descriptive_end(ctx, first)  # (الهيئة العامة للسياحة، المحكمة العليا)
            known = ctx.longest(m.first, "ORG")
            if end is not None and known is not None and known.last >= first:
                end = _known_body_end(ctx, known.last)  # مجلس الأمن البالغ → مجلس الأمن
            if end is not None and trigger.get("masdar", "") == "1" and not _names_a_body(ctx, first, end, definite):
                continue  # إدارة الحرب، رئاسة الوفد: an action and its object
            if end is not None:
                yield ctx.mention("ORG", m.first, end, "rule:trigger+description", start=m.start)
                continue
        if end is None:
            continue
        if trigger.get("span", "") == "with":
            if trigger.get("desc", "") == "1":
                end = _purpose_end(ctx, end)  # معهد ليبنيز للأبحاث الاقتصادية
            yield ctx.mention("ORG", m.first, end, "rule:trigger+name", start=m.start)
        else:
            yield ctx.mention("ORG", first, end, "rule:trigger+name")
    yield from fixture_teams(ctx)
    yield from city_nisba_clubs(ctx)
    yield from short_club_names(ctx)
    yield from parenthesized_short_names(ctx)
    for s, e in acronym_spans(doc.text):
        i = doc.first_token_from(s)
        if not ctx.by_first.get(i):
            word = doc.text[s:e]
            yield Entity("ORG", doc.starts[i], doc.ends[i], word, word, "rule:acronym", i, i)


def acronym_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every whole token of 2-6 Latin capitals (PKK, NATO): a run of capitals
    of that length with no word character on either side."""
    capitals = find_chars(text, _LATIN_CAPITALS)
    k = 0
    while k < len(capitals):
        s = e = capitals[k]
        k += 1
        while k < len(capitals) and capitals[k] == e + 1:
            e += 1
            k += 1
        e += 1
        if 2 <= e - s <= 6 and not (s and _WORD_CHAR.match(text, s - 1)) and not _WORD_CHAR.match(text, e):
            yield s, e
