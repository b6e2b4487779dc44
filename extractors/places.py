"""Places: gazetteer names, and unknown names introduced by a place trigger (مدينة، قطاع …)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.document import Match
from khabar.extractors.context import (
    FUNCTION_WORDS,
    NAME_LINKS,
    Context,
    minor_place,
    normalized_words,
    not_a_name_shape,
)
from khabar.records import Entity
from khabar.text import hamza_mismatch, normalize

# Words before a place that say "in, to, near, north of …": a weak one-word place after one of
# them is read as a place (في أبها، إلى حائل، شمال قندهار). من is left out: رسالة من ترامب.
LOCATIVES = normalized_words("في الى إلى نحو قرب شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي انحاء أنحاء ضواحي")


def _locative(ctx: Context, m: Match) -> bool:
    """The match, written without a proclitic, follows a locative word (ب + a town is left out:
    بتنا، بحجة، بنوك are words)."""
    doc = ctx.doc
    if m.stripped:
        return False
    i = m.first
    if i == 0 or not doc.joined(i - 1) or not any(stem in LOCATIVES for _, stem in doc.splits[i - 1]):
        return False
    k = m.last + 1  # a place or a name part right after it: رالي تركيا (an event), الى كولو توريه;
    if k >= doc.n or not doc.joined(m.last):  # an adjective: في الزاوية اليسرى (a corner)
        return True
    adjective = doc.has_article(k) and doc.words[k].endswith(("ى", "ية")) and not ctx.longest(k, "LOC", "ORG")
    return not (adjective or ctx.longest(k, "LOC") or ctx.known_name_part(k))


def _ambiguous(ctx: Context, m, info, evidence: bool = False) -> bool:
    """A place name (its LOC entry ``info``) that is also a common word, or a one-word small town:
    both need a trigger (مدينة، بلدة …) before them. Small towns share their names with clubs, firms
    and people; a town not marked ambiguous and no given name may also stand after a locative word
    (``evidence``: في أبها، شمال قندهار)."""
    if info.get("ambiguous", "") == "1":
        return True
    if m.first != m.last:
        return False
    if m.key in ctx.gaz.common or m.key in NAME_LINKS or (not m.stripped and ctx.is_common(m.first)):
        return True
    if not ctx.weak_place(m.key):
        return False
    if "ORG" in ctx.gaz.phrases.get(m.key, ()):
        return True  # ليفربول، برشلونة: the club's entry, unless a trigger makes it the town
    if not (evidence and _native_or_big(info) and _no_head_word(ctx, m)):
        return True
    return ctx.word_has(m.first, "GIVEN") or not _locative(ctx, m)


# Arab League members: their towns' Arabic names are native words, not transliterations that a
# foreign person's name may share (كيري the Italian town and John Kerry).
ARAB_COUNTRIES = frozenset("SA AE BH KW OM QA YE IQ SY JO LB PS EG SD LY TN DZ MA MR SO DJ KM".split())


def _no_head_word(ctx: Context, m: Match) -> bool:
    """The town's name is no place or body head word (دولة "state", الحي "the quarter")."""
    return not (ctx.word_has(m.first, "LOC_TRIGGER") or ctx.word_has(m.first, "ORG_TRIGGER"))


def _native_or_big(info) -> bool:
    """A town of an Arab country, or a foreign one that is not a minor place (ميامي، قندهار)."""
    return info.get("country", "") in ARAB_COUNTRIES or not minor_place(info)


def _club(ctx: Context, m, info) -> bool:
    """A city followed by a masculine demonym is a team: ليون الفرنسي، برشلونة الإسباني
    (a city takes the feminine: برشلونة الإسبانية)."""
    doc = ctx.doc
    if m.last + 1 >= doc.n or not doc.joined(m.last):
        return False
    nxt = doc.norms[m.last + 1]
    if not (nxt.startswith("ال") and nxt.endswith("ي") and ctx.word_has(m.last + 1, "DEMONYM")):
        return False
    if doc.words[m.last + 1].endswith("ى"):
        return False  # الزاوية اليمنى: "the right-hand corner" (اليمنى), not a Yemeni (اليمني) team
    # not a country, and not a title or common word (السفيرة الأمريكية is an ambassador, not a town)
    title_or_common = "TITLE" in m.labels or ctx.is_common(m.first) or m.key in ctx.gaz.common
    return info.get("kind", "") != "country" and not title_or_common


def _trigger_name(ctx: Context, i: int, definite: bool) -> bool:
    """Token i may be the name after a place trigger: an unknown name-like word or, when
    ``definite`` (حي الدورة، نهر الليطاني، بلدتي الباذان), an unknown definite word that no other
    definite word follows and that is no nationality, title, function word or adjective in ـية."""
    doc = ctx.doc
    if i >= doc.n or ctx.by_first.get(i):
        return False
    if ctx.name_like(i, first=True):
        return True
    if not definite or not doc.has_article(i) or doc.norms[i] in FUNCTION_WORDS or doc.words[i].endswith("ية"):
        return False
    if i + 1 < doc.n and doc.joined(i) and doc.has_article(i + 1) and not ctx.by_first.get(i + 1):
        return False  # (حي الطبقة الوسطى: a noun and its adjective)
    return ctx.is_arabic_word(i) and not ctx.word_has(i, "DEMONYM") and not ctx.word_has(i, "TITLE")


MAX_PLACE_NAME = 3  # words of an unknown place name after a trigger (مدينة نوفو ميستو)


def _name_tail(ctx: Context, i: int) -> int:
    """Last token of an unknown place name starting at token i (after a trigger): the unknown,
    undefined, name-like words joined to it (مدينة نوفو ميستو، ولاية نيو مكسيكو)."""
    doc = ctx.doc
    last = i
    while last + 1 < doc.n and last - i + 1 < MAX_PLACE_NAME and doc.joined(last) and not doc.has_article(i):
        k = last + 1
        word = doc.words[k]
        if word[:1] in "وفبل" or word.endswith(("ة", "ا", "اً")) or doc.has_article(k):
            break  # a conjunction, a preposition, a feminine noun or adjective (طفرة عمرانية)
        if ctx.by_first.get(k) or ctx.is_common(k) or not ctx.name_like(k, first=False):
            break
        if ctx.word_has(k, "GIVEN") and ctx.frequent_given(doc.norms[k]):
            break  # (بلدة ميرون ديفيد: a person's name after the town)
        last = k
    return last


def trigger_name_end(ctx: Context, k: int) -> int | None:
    """Last token of an unknown place named by the bare place trigger at token k (مدينة تمبي،
    منطقة بويبلو), which the lexicons may also hold as a place of its own (مدينة): the name a
    description or a source phrase that reaches the trigger takes in; None when no name follows."""
    doc = ctx.doc
    trigger = ctx.longest(k, "LOC_TRIGGER")
    if trigger is None or trigger.first != k or trigger.last != k or trigger.stripped or doc.has_article(k):
        return None
    if trigger.info("LOC_TRIGGER").get("dual", "") == "1" or k + 1 >= doc.n or not doc.joined(k):
        return None
    return _name_tail(ctx, k + 1) if _trigger_name(ctx, k + 1, False) else None


def _takes_definite(ctx: Context, m: Match) -> bool:
    """The place trigger ``m`` may take a definite name: marked definite=1 or dual=1, and written
    in the construct state, without the article or an attached pronoun (not الحي الواقع، بلده)."""
    info = m.info("LOC_TRIGGER")
    if info.get("definite", "") != "1" and info.get("dual", "") != "1":
        return False
    return not m.key.startswith("ال") and not (m.key.endswith("ه") and ctx.doc.words[m.last].endswith("ه"))


def _second_name(ctx: Context, k: int) -> Entity | None:
    """After a dual trigger and its first name, token k (و + a word) as the second name (بلدتي
    الباذان وطلوزة), or None when it is a known name or no name."""
    doc = ctx.doc
    norm = doc.norms[k]
    if len(norm) <= 3 or ctx.by_first.get(k):
        return None
    stem = norm[1:]
    if stem in ctx.gaz.common or stem in FUNCTION_WORDS or not_a_name_shape(stem, True, doc.words[k][1:]):
        return None
    return ctx.mention("LOC", k, k, "rule:trigger+name", start=doc.span_start(k, 1))


def _after_trigger(ctx: Context, i: int) -> bool:
    return i > 0 and ctx.doc.joined(i - 1) and ctx.word_has(i - 1, "LOC_TRIGGER")


_TOLD = frozenset({"ل", "لـ", "ل-", "ل ـ"})  # the preposition "to" written apart: وقال لـ« …


def _quoted_outlet(ctx: Context, m: Match) -> bool:
    """A place name that is the whole of a «…» quotation after a dateline colon or after لـ
    ("told"): the newspaper named after it (« الشرق الأوسط »), not the place."""
    text = ctx.doc.text
    if text.find("«", max(0, m.start - 12), m.start) < 0:
        return False  # (most places: no opening mark right before)
    before = text[max(0, m.start - 12) : m.start].rstrip()
    if not before.endswith("«") or not text[m.end : m.end + 3].lstrip().startswith("»"):
        return False
    lead = before[:-1].rstrip()
    words = lead.split()
    return lead.endswith(":") or " ".join(words[-2:]) in _TOLD or bool(words) and words[-1] in _TOLD


def _agreeing_adjective(ctx: Context, m: Match) -> bool:
    """A one-word place that is also a nationality adjective (السعودية) agreeing with the
    feminine definite noun right before it: اللجنة البارالمبية السعودية، الحكومة السعودية."""
    doc = ctx.doc
    i = m.first
    if m.last != i or m.stripped or i == 0 or not doc.joins[i - 1] or not doc.words[i - 1].endswith(("ة", "ات")):
        return False  # (زار الوفد السعودية: a masculine subject, the country its object)
    if doc.norms[i - 1] in FUNCTION_WORDS or not ctx.word_has(i, "DEMONYM"):
        return False
    return any(stem.startswith("ال") and stem not in FUNCTION_WORDS for _, stem in doc.splits[i - 1])


def _written_with_ha(ctx: Context, m: Match, info) -> bool:
    """A one-word place (its LOC entry ``info``) written with ه where its name ends in ة, and a
    common word without the ه: a pronoun suffix on that word (وجده "found him", not وجدة; لشبونه
    stays Lisbon)."""
    doc = ctx.doc
    if m.first != m.last or not doc.words[m.first].endswith("ه"):
        return False
    return info.name.endswith("ة") and m.key[:-1] in ctx.gaz.common  # (و + جده "his grandfather")


_PLACE_PREPOSITIONS = normalized_words("في على إلى الى من عن قرب نحو")


def _alias_of_a_body(ctx: Context, m: Match) -> bool:
    """The match is only an alias of the place (الجزيره, an old name of Algiers) and the main name
    of an organization (الجزيرة, the channel), with no preposition of place before it (على
    الجزيرة stays a place): a body's own name beats another entry's alias."""
    if "ORG" not in m.labels or m.stripped:
        return False
    i = m.first
    if i > 0 and ctx.doc.joined(i - 1) and ctx.doc.norms[i - 1] in _PLACE_PREPOSITIONS:
        return False
    org = m.info("ORG")
    return org.get("ambiguous", "") != "1" and normalize(org.name) == m.key != normalize(m.info("LOC").name)


# Definite heads that stand in apposition before a bare name (العاصمة سكوبيا "the capital, Skopje").
_APPOSITIVE_HEADS = normalized_words("العاصمة")


def _lexicon_places(ctx: Context, held: list[Match], read: set[str]) -> Iterator[tuple[Match, object, bool]]:
    """The LOC matches to report, with their LOC entry: those a trigger, a locative or their own
    standing allows, then the held-back mentions of a weak town that the document reads as a place
    elsewhere (رنية after في once: every later رنية too). Common words and ambiguous entries are
    never carried."""
    words, joins = ctx.doc.words, ctx.doc.joins
    # (cheap tests guard the calls: a proclitic, a gap or a final letter rules most of them out)
    for m in ctx.labelled("LOC"):
        labels = m.labels
        one_word = m.first == m.last
        if not one_word and "DEMONYM" in labels:
            continue  # صحيفة رودونغ سينمون الكورية الشمالية: a nationality adjective, not the country
        info = m.info("LOC")  # (looked up once per match)
        if one_word and (
            not m.stripped
            and _agreeing_adjective(ctx, m)
            or words[m.first].endswith("ه")
            and _written_with_ha(ctx, m, info)
        ):
            continue
        if "ORG" in labels and _alias_of_a_body(ctx, m):
            continue
        if one_word and "GIVEN" in labels and _given_before_name(ctx, m, info):
            continue
        club = joins[m.last] and _club(ctx, m, info)  # (a club's demonym follows in its phrase)
        if club or not _ambiguous(ctx, m, info, evidence=True) or _after_trigger(ctx, m.first):
            read.add(m.key)
            yield m, info, club  # (whether it is a club: read once)
        elif ctx.weak_place(m.key):
            held.append(m)  # (a plain town? asked only when the document reads the name)
    for m in held:
        if m.key in read and _plain_town(ctx, m):
            yield m, m.info("LOC"), False


def _given_before_name(ctx: Context, m: Match, info) -> bool:
    """A one-word place written without the article its entry's name has (رياض for الرياض) that
    is also a given name, followed by a family name (رياض حداد): a person, not the city."""
    doc = ctx.doc
    if m.stripped or doc.has_article(m.first) or not info.name.startswith("ال") or not doc.joined(m.first):
        return False
    k = m.first + 1
    if k >= doc.n or doc.has_article(k) or ctx.longest(k, "LOC", "ORG") is not None:
        return False
    return ctx.word_has(k, "SURNAME") or ctx.word_has(k, "PER")


def _plain_town(ctx: Context, m: Match) -> bool:
    """A one-word weak town that is no common word, name link or ambiguous entry."""
    key = m.key
    if m.info("LOC").get("ambiguous", "") == "1" or key in ctx.gaz.common or key in NAME_LINKS:
        return False
    if "ORG" in ctx.gaz.phrases.get(key, ()) or not _no_head_word(ctx, m):
        return False  # (ليفربول the club; دولة)
    return bool(m.stripped) or not ctx.is_common(m.first)


def places(ctx: Context) -> Iterator[Entity]:
    """LOC mentions: lexicon matches (ambiguous ones only after a trigger), trigger + name."""
    doc = ctx.doc
    held: list[Match] = []  # weak towns with no evidence here: read if the document names them elsewhere
    read: set[str] = set()
    outlets = "«" in doc.text  # (no opening mark in the text: no quoted outlet; most documents)
    for m, info, club in _lexicon_places(ctx, held, read):
        if club:
            yield Entity(
                "ORG", m.start, m.end, doc.text[m.start : m.end], info.name, "rule:city+demonym", m.first, m.last
            )
            continue
        if outlets and _quoted_outlet(ctx, m):  # لندن : « الشرق الأوسط »، وقال لـ« الشرق الأوسط »: the paper
            text = doc.text[m.start : m.end]
            yield Entity("ORG", m.start, m.end, text, info.name, "rule:quoted-outlet", m.first, m.last)
            continue
        if m.first == m.last:  # (one word: nothing to trim)
            yield ctx.entry_mention("LOC", info, m.first, m.last, m.start)
            continue
        first, last = ctx.core(m, "LOC", "LOC_TRIGGER", demonyms=False)  # قطاع غزة: the name is غزة
        start = m.start if first == m.first else doc.starts[first]
        yield ctx.entry_mention("LOC", info, first, last, start)
    for m in ctx.labelled("LOC_TRIGGER"):
        if m.last + 1 >= doc.n or not doc.joined(m.last):
            continue
        if hamza_mismatch(doc.words[m.first][m.stripped :], m.info("LOC_TRIGGER").name):
            continue  # وأدى انحسار: the verb أدى after و, not وادي
        i = m.last + 1
        definite_head = m.first == m.last and doc.has_article(m.first) and doc.norms[m.first] not in _APPOSITIVE_HEADS
        if definite_head and not doc.has_article(i):
            continue  # رئيس وزراء الإقليم نتشيرفان، المملكة تثمن: a definite head takes no bare name
        dual = m.info("LOC_TRIGGER").get("dual", "") == "1"
        if dual and not (i + 1 < doc.n and doc.joined(i) and doc.norms[i + 1][:1] == "و"):
            continue  # مدينتي الجميلة: "my city"; the dual names two places (مدينتي حلب وحمص)
        if not _trigger_name(ctx, i, _takes_definite(ctx, m)):
            continue
        last = i if dual else _name_tail(ctx, i)
        start, end = doc.starts[i], doc.ends[last]
        text = doc.text[start:end]
        yield Entity("LOC", start, end, text, " ".join(text.split()), "rule:trigger+name", i, last)
        second = _second_name(ctx, i + 1) if dual else None
        if second is not None:
            yield second
