"""Clubs named by a noun and the nisba of their city, in sports text: المغرب التطواني، الكوكب
المراكشي، الدفاع الجديدي، النادي المكناسي (the Maghreb's usual club names). The nisba is read
back to its town (التطواني → تطوان, الجديدي → الجديدة); a nationality (المغربي) is no city nisba.
Outside sports text such a phrase is a description (الحرم المكي، المطبخ الحلبي), so the document
must read as sports first: a few of its words are sports words."""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from khabar.extractors.context import FUNCTION_WORDS, Context, minor_place, normalized_words
from khabar.records import Entity
from khabar.text import strip_article

SPORTS_WORDS = normalized_words(
    """مباراة المباراة مباريات المباريات الدوري دوري الدورة ملعب الملعب فريق الفريق هدف هدفا الهدف
    البطولة الجولة المنتخب لاعب اللاعب لاعبي اللاعبين الشوط مدرب المدرب النادي نادي الأندية الموسم
    التعاقد كرة الكرة القدم كأس الكأس نقاط نقطة رصيده المسابقة"""
)
MIN_SPORTS_WORDS = 3  # distinct sports words that make a document sports text
MIN_NISBA = 6  # letters of a city nisba with its article (الفاسي)


def _city_of(ctx: Context, i: int) -> bool:
    """Token i is a definite masculine nisba of a known town, and no nationality."""
    doc = ctx.doc
    norm = doc.norms[i]
    if not (doc.has_article(i) and norm.endswith("ي") and len(norm) >= MIN_NISBA) or norm in FUNCTION_WORDS:
        return False
    if ctx.word_has(i, "DEMONYM") or ctx.is_common(i):
        return False  # (الرياضي، الدولي: common adjectives that look like الرياض، دول)
    stem = norm[2:-1]
    phrases, common = ctx.gaz.phrases, ctx.gaz.common
    for town in (stem, "ال" + stem, stem + "ه", "ال" + stem + "ه"):
        slot = phrases.get(town)
        if slot and "LOC" in slot and town not in common and strip_article(town) not in common:
            info = ctx.gaz.info(slot["LOC"])
            return info.get("ambiguous", "") != "1" and not minor_place(info)  # (الحديدي، الميداني: hamlets)
    return False


def _sports_text(ctx: Context) -> bool:
    sports = ctx.facts.get("sports")
    if sports is None:  # (both club rules ask: once per document)
        sports = ctx.facts["sports"] = len(SPORTS_WORDS & ctx.word_set()) >= MIN_SPORTS_WORDS
    return sports


def city_nisba_clubs(ctx: Context) -> Iterator[Entity]:
    """ORG mentions of noun + city nisba (المغرب التطواني، الكوكب المراكشي) in sports text; the
    noun is a one-word place or a definite word that is no title, nationality or function word."""
    doc = ctx.doc
    if not _sports_text(ctx):
        return
    joins = doc.joins
    for k, norm in enumerate(doc.norms):  # (a nisba's shape first: no call for most words)
        j = k - 1
        if not k or not norm.endswith("ي") or len(norm) < MIN_NISBA or not joins[j] or not _city_of(ctx, k):
            continue
        start = _noun_start(ctx, j)
        if start is None:
            continue
        text = doc.text[start : doc.ends[k]]
        yield Entity("ORG", start, doc.ends[k], text, " ".join(text.split()), "rule:city-nisba-club", j, k)


# Nouns that head a club's name before a town's nisba (الكوكب المراكشي، الدفاع الجديدي، النادي
# المكناسي، النجم الساحلي); other nouns before a nisba make a description (الرجل الحديدي، العمل الميداني).
CLUB_HEADS = normalized_words(
    """النادي الكوكب الدفاع الرجاء الوداد الجيش الاتحاد النجم الترجي النهضة الشباب المولودية الجمعية
    الفتح الاولمبي الملعب الهلال الاهلي النصر الشبيبة الاتفاق الفيصلي"""
)


def _noun_start(ctx: Context, j: int) -> int | None:
    """Where the club's noun in token j starts (after its proclitics: للمغرب، والدفاع): a one-word
    firm place or a club head word; else None."""
    doc = ctx.doc
    place = ctx.firm_place_or_org(j)
    if place is not None and place.first == place.last and "LOC" in place.labels:
        return place.start
    for stripped, stem in doc.splits[j]:
        if stripped <= 2 and stem in CLUB_HEADS:
            return doc.span_start(j, stripped)
    return None


CLUB_WORD = "نادي "  # the lexicon lists a club whose name is a common word as "نادي X" (نادي الهلال)


SPORTS_WINDOW = 30  # tokens on either side of a bare club name where sports words must stand
MIN_SPORTS_NEAR = 2


def _sports_near(ctx: Context, i: int) -> bool:
    norms = ctx.doc.norms[max(0, i - SPORTS_WINDOW) : i + SPORTS_WINDOW + 1]
    return len(SPORTS_WORDS.intersection(norms)) >= MIN_SPORTS_NEAR


def _introduced_clubs(ctx: Context) -> dict[str, str]:
    """Definite names the document itself introduces after a club word (فريق العربي، نادي
    الوحدة: the trigger's club attr): normalised name → name as written."""
    doc = ctx.doc
    out: dict[str, str] = {}
    for m in ctx.labelled("ORG_TRIGGER"):
        k = m.last + 1
        club = m.info("ORG_TRIGGER").get("club", "")
        if m.key.startswith("ال") or not club or k >= doc.n or not doc.joined(m.last) or not doc.has_article(k):
            continue
        if club == "nisba" and not doc.words[k].endswith("ي") or ctx.word_has(k, "LOC_TRIGGER"):
            continue  # (فريق العمل، بفريق العاصمة)
        if doc.norms[k] not in FUNCTION_WORDS and not ctx.word_has(k, "TITLE"):
            out.setdefault(doc.norms[k], doc.words[k])
    return out


def _adjective_slot(ctx: Context, i: int) -> bool:
    """Token i, a nisba, follows a definite word it may qualify (العالم العربي), or it precedes a definite
    adjective (التعاون الاقتصادي)."""
    doc = ctx.doc
    if doc.words[i].endswith("ي") and i > 0 and doc.joined(i - 1) and doc.has_article(i - 1):
        return True  # (a nisba only: الهلال والنصر is two clubs)
    return i + 1 < doc.n and doc.joined(i) and doc.has_article(i + 1) and not ctx.by_first.get(i + 1)


def _after_place_head(ctx: Context, i: int) -> bool:
    """Token i names a place: a place head stands right before it (مدينة الجونة)."""
    return i > 0 and ctx.doc.joined(i - 1) and ctx.word_has(i - 1, "LOC_TRIGGER")


_CLUB_STEMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _club_stems(gaz) -> dict[str, str]:
    """Names X of the lexicon's "نادي X" clubs → the club's canonical name (once per lexicon)."""
    stems = _CLUB_STEMS.get(gaz)
    if stems is None:
        stems = {}
        for key, slot in gaz.phrases.items():
            if key.startswith(CLUB_WORD) and "ORG" in slot and key.count(" ") == 1:
                stems[key[len(CLUB_WORD) :]] = gaz.info(slot["ORG"]).name
        _CLUB_STEMS[gaz] = stems
    return stems


def short_club_names(ctx: Context) -> Iterator[Entity]:
    """A club's bare name that is a common word (الهلال "the crescent", النصر "victory"), when the
    lexicon knows the club as "نادي X" or the document introduced it after a club word (فريق
    العربي … هدفي العربي), sports words stand near it and it stands in no adjective's slot
    (التعاون الدولي is cooperation, العالم العربي the Arab world): ORG mentions. Places are left to
    their own entries."""
    doc = ctx.doc
    if not _sports_text(ctx):
        return
    phrases = ctx.gaz.phrases
    known, introduced = _club_stems(ctx.gaz), _introduced_clubs(ctx)
    for i in range(doc.n):
        for stripped, stem in doc.splits[i]:
            if stripped > 2 or (stem not in known and stem not in introduced):
                continue
            if stem in SPORTS_WORDS or "LOC" in phrases.get(stem, ()):
                continue  # (الدوري "the league")
            name = known.get(stem) if not ctx.word_has(i, "DEMONYM") else None  # (النادي المصري: not المصري)
            name = name or introduced.get(stem)
            if name is None:
                continue
            if _adjective_slot(ctx, i) or _after_place_head(ctx, i) or not _sports_near(ctx, i):
                break
            start = doc.span_start(i, stripped)
            text = doc.text[start : doc.ends[i]]
            yield Entity("ORG", start, doc.ends[i], text, name, "rule:sports-club", i, i)
            break
