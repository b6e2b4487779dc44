"""Where a source phrase ends: the words an unnamed source or a described speaker carries after
its head noun (مسؤول أمريكي كبير، مختصون في القطاع السياحي، مسؤولون في قطاع الطاقة، مسؤول بقطاع
الطاقة، مؤذن مسجد الهداية، ممثلو الادعاء). The phrase is the speaker the article gives when it names
no one, so it is kept whole: a cut phrase (مسؤولون، مؤذن) is a role word, not the source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context, normalized_words
from khabar.records import Entity

# Words that may sit between a cue and its subject (وقال، الخميس، البيت الأبيض …).
SKIP_BEFORE_SUBJECT = normalized_words(
    """الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس اليوم مساء صباح ليله اول ايضا بدوره بدورها
    بالقول قائلا قائلة العام الماضي الأسبوع الشهر الجاري المقبل الحالي مؤخرا لاحقا نفس ذات يوم"""
)
_ADJ_END = re.compile(r"(ي|يه|يون|يين|يان|يتان)$")
POSSESSED = re.compile(r"..(?:ها|هم|هما|هن|كم|نا)$")  # a noun with an attached pronoun (مسؤوليتها)
# Statements and their occasions: في بيان، في تصريحات، في مقابلة الثلاثاء — where, not who.
_OCCASIONS = normalized_words(
    "بيان تصريح تصريحات حديث مقابلة مؤتمر رسالة تغريدة كلمة خطاب لقاء اتصال تقرير مداخلة ندوة حوار"
)
# ل + an outlet's head word: whom something was said to (قال لوكالة رويترز، لصحيفة …)
TO_OUTLET_WORDS = normalized_words("لوكالة لصحيفة لقناة لموقع لشبكة لتلفزيون لإذاعة")
# نقل عن مصدر قوله: "his saying", the object of the verb after the one quoted.
SAYING = normalized_words("قوله قولها قولهم قولهما")
GENITIVE_MOST = 3  # words of a genitive chain: up to two indefinite nouns, then a definite one


# Adjectives of bodies' names that have no nisba ending (الهيئة العامة، المحكمة العليا، الأمم المتحدة).
BODY_ADJECTIVES = normalized_words(
    "العام العامة العليا الكبرى العظمى الأعلى الدائم الدائمة الموحد الموحدة المستقلة المتحدة المشتركة"
)

_YEAR_ADJECTIVES = normalized_words("الماضي المقبل الجاري الحالي القادم المنصرم")


def adjective(ctx: Context, i: int) -> bool:
    """Token i reads as an adjective: a nationality, or a word in ي/ية/يون … that is not a
    body or place behind a proclitic (لبي بي سي)."""
    norm = ctx.doc.norms[i]
    if norm in FUNCTION_WORDS or norm.startswith("لل"):
        return False  # (للصحفيين: ل + a definite noun, whom it was said to, is no adjective)
    if norm in BODY_ADJECTIVES:
        nxt = ctx.doc.norms[i + 1] if i + 1 < ctx.doc.n else ""
        return nxt not in _YEAR_ADJECTIVES  # (العام الماضي: "last year", no adjective of the body)
    if ctx.word_has(i, "DEMONYM"):
        return True
    if not _ADJ_END.search(norm):
        return False
    named = ctx.longest(i, "ORG", "LOC")
    return named is None or not named.stripped


def after_adjectives(ctx: Context, last: int, until: int) -> int:
    """Token ``last`` extended over the adjectives right after it, up to token ``until``."""
    doc = ctx.doc
    while last < until and last + 1 < doc.n and doc.joined(last) and adjective(ctx, last + 1):
        if doc.has_article(last) and not (doc.has_article(last + 1) or doc.norms[last + 1].startswith("وال")):
            break  # كشفت الشرطة الهولندية هوية …: an adjective agrees in definiteness, this is the object
        last += 1
    return last


def genitive_end(
    ctx: Context, j: int, most: int = GENITIVE_MOST, persons: Mapping[int, Entity] | None = None
) -> int | None:
    """Last token of a genitive chain that starts at token j: a listed place or body, or up to two
    indefinite nouns then a definite one, with its adjectives (قطاع الطاقة، مسجد الهداية، الادعاء،
    القطاع السياحي). None when no such chain starts there (a date, a statement, a clause) or when
    it reaches a person (``persons``: entities by first token; مكتب صالح الصماد is whose office,
    and the source is not that person)."""
    doc = ctx.doc
    k = j
    while k < doc.n and k - j < most:
        if _stop_word(ctx, k):
            return None
        person = persons.get(k) if persons is not None else None
        if person is not None and person.label == "PER":
            return None
        named = ctx.longest(k, "LOC", "ORG")
        common = named is not None and named.last == k and (ctx.is_common(k) or _trigger(ctx, k))
        if named is not None and not named.stripped and not (common and _construct_head(ctx, k)):
            return named.last  # (مسجد listed alone is still the head of مسجد الهداية)
        own = persons.get(k) if persons is not None else None
        if own is not None and own.start > doc.starts[k]:
            return None  # مصادر لبي بي سي: a preposition before the name, whom it was said to
        if own is not None and own.label in ("LOC", "ORG"):
            return own.last  # بلدية ترير: a body or place the document names
        trigger = ctx.longest(k, "LOC_TRIGGER", "ORG_TRIGGER") if persons is not None else None
        if trigger is not None and not trigger.stripped and not doc.has_article(k) and doc.joined(k):
            named_after = persons.get(k + 1)  # بلدية ترير، منطقة بويبلو: a trigger and the name after it
            if (
                named_after is not None
                and named_after.label in ("LOC", "ORG")
                and named_after.start == doc.starts[k + 1]
            ):
                return named_after.last
        if not _chain_noun(ctx, k):
            return None
        if doc.has_article(k):
            return after_adjectives(ctx, k, until=k + 2)
        if not doc.joined(k) or adjective(ctx, k):
            return None  # (مسؤول كبير: an adjective, not a noun in construct)
        k += 1
    return None


def _trigger(ctx: Context, k: int) -> bool:
    return ctx.word_has(k, "LOC_TRIGGER") or ctx.word_has(k, "ORG_TRIGGER")


def _construct_head(ctx: Context, k: int) -> bool:
    doc = ctx.doc
    return k + 1 < doc.n and doc.joined(k) and doc.has_article(k + 1) and _chain_noun(ctx, k + 1)


_PRONOUN_SUFFIX = re.compile(r"(?:ه|ها|هم|هما)$")


def in_statement(ctx: Context, k: int) -> bool:
    """Token k is في and a statement or an occasion follows (في البيان، في بيانه، في مؤتمر): the
    phrase before it has ended; the words say where it was said."""
    doc = ctx.doc
    if doc.norms[k] != "في" or k + 1 >= doc.n or not doc.joined(k):
        return False
    word = doc.norms[k + 1].removeprefix("ال")
    return word in _OCCASIONS or _PRONOUN_SUFFIX.sub("", word) in _OCCASIONS


def _stop_word(ctx: Context, k: int) -> bool:
    """A word that ends a phrase: a function word, a date, a statement (في بيان), قوله, a number."""
    norm = ctx.doc.norms[k]
    if not ctx.is_arabic_word(k) or len(norm) < 2 or norm.isdigit():
        return True
    if norm in FUNCTION_WORDS or norm in COMPLEMENTIZERS or norm in SKIP_BEFORE_SUBJECT or norm in SAYING:
        return True
    return norm in _OCCASIONS or norm.removeprefix("ال") in _OCCASIONS


def _chain_noun(ctx: Context, k: int) -> bool:
    doc = ctx.doc
    norm = doc.norms[k]
    if _stop_word(ctx, k):
        return False
    if ctx.word_has(k, "CUE") or POSSESSED.search(norm) and not doc.has_article(k):
        return False  # (قال مسؤول أوضح …، مسؤوليتها: a verb, an object with its pronoun)
    return not ctx.behind_preposition(k, ("ل", "ب", "ك"))  # (لوكالة، بأن: the one told, a clause)


# A source phrase's complements can run on to the complementizer of its statement (قال مسؤول أمني
# مطلع على قضية سرقة الطائرة إن …، أكدت مصادر في المقاومة الشعبية بمحافظة مأرب أن …): between the
# verb's subject and إن/أن stand only the subject's words, the ones told (لرويترز، للصحفيين), the
# occasion (في بيان) and the time; any of the last three, a comma or a dash ends the phrase where it was.
MAX_COMPLEMENT = 10  # words between the phrase and the complementizer
_ANONYMITY = normalized_words("طلب طالبا فضل مفضلا رفض رافضا شريطة مشترطا اشترط")  # طلب عدم ذكر اسمه
_COMPLEMENT_HEADS = normalized_words("في من على عن لدى مع حول ضد")
_STATEMENT_MARKS = "،,.:؛!?؟\n-–—("
# a preposition with its pronoun stays inside (الحكومة المعترف بها دوليا)
_PREPOSITION_PRONOUNS = normalized_words("به بها بهم فيه فيها فيهم عليه عليها عليهم منه منها منهم عنه عنها عنهم")
_ASIDES = normalized_words(
    "وقت الوقت وقتها وقته حينها آنذاك جانبه جانبها جانبهم بعد قبل برفقة خلال عبر امام"
)  # في وقت سابق، من جانبها، في الوقت ذاته


def complement_end(ctx: Context, last: int, comp: int, persons: Mapping[int, Entity]) -> int | None:
    """Token before the complementizer at token ``comp`` when every word from token ``last + 1``
    on belongs to the source phrase that ends at token ``last``, else None."""
    doc = ctx.doc
    first = last + 1
    if not 0 < comp - first <= MAX_COMPLEMENT or not doc.joined(last):
        return None
    if any(c in _STATEMENT_MARKS for c in doc.text[doc.ends[last] : doc.starts[comp]]):
        return None  # (a comma: an apposition or an aside, read elsewhere)
    head = doc.norms[first]
    if not (head in _COMPLEMENT_HEADS or head[:1] == "ب" or adjective(ctx, first) or doc.gap(last).strip()):
        return None  # (قال مسؤول أمني طلب عدم …: a verb, not a complement)
    if doc.norms[comp - 1] in _COMPLEMENT_HEADS or doc.norms[comp - 1] in ("الي", "الى"):
        return None  # حذر … من أن، شدد … على أن: the verb's own preposition
    for k in range(first, comp):
        norm = doc.norms[k]
        if ctx.word_has(k, "CUE") or norm in _ANONYMITY or norm in SKIP_BEFORE_SUBJECT or norm in SAYING:
            return None
        if norm[:1] == "ل" or norm in _ASIDES or norm in FUNCTION_WORDS and norm not in _COMPLEMENT_HEADS:
            return None  # لرويترز، للصحفيين، لـ«عكاظ»: whom it was said to; في وقت سابق، الذي …
        possessed = POSSESSED.search(norm) or len(norm) > 3 and doc.words[k].endswith("ه")  # (ه, not ة)
        if possessed and norm not in _PREPOSITION_PRONOUNS:
            return None  # في رسالتهم، على صفحتهم، في قرارها: its own statement or channel, an adjunct
        if norm in _OCCASIONS or norm.removeprefix("ال") in _OCCASIONS or in_statement(ctx, k):
            return None  # في بيان: where it was said
        named = persons.get(k)
        if named is not None and named.label == "PER":
            return None  # a person: an apposition, read elsewhere
        if norm.isdigit() or not ctx.is_arabic_word(k) and not doc.text[doc.starts[k] : doc.ends[k]].isalpha():
            return None
    return comp - 1
