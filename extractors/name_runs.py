"""Name runs: where a person's name starts and ends among the words (name-like words, links
such as بن/آل/أبو, compound given names), and the modifiers and prepositions around it."""

from __future__ import annotations

import re

from khabar.extractors.context import (
    COLLIDING_FUNCTION_WORDS,
    FUNCTION_WORDS,
    HONORIFIC_PRONOUNS,
    NAME_LINKS,
    NOT_NAME_LABELS,
    RELATION_NOUNS,
    SHORT_ACCUSATIVE,
    VERB_SHAPE,
    Context,
    normalized_words,
    not_a_name_shape,
)
from khabar.extractors.source_phrases import in_statement
from khabar.text import normalize

MAX_RUN = 4  # name words in a run, not counting links (بن، آل، أبو)
COMMA = re.compile(r"^\s*[،,]\s*$")
MAX_MODIFIERS = 4
REGNAL_ORDINALS = frozenset("الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split())
ROLE_MODIFIERS = frozenset("السابق السابقه الاسبق الحالي الحاليه الجديد الجديده المقبل المستقيل المنتخب عام".split())
COMPOUND_SECONDS = frozenset({"الله", "الدين", "الرحمن", "الرحيم"})  # second words of compound given names
# Verbs of a blessing said after a name (رضي الله عنه، رحمه الله، حفظه الله): not a compound name in الله
BLESSINGS = frozenset({"رضي", "رحمه", "رحمها", "رحمهم", "يرحمه", "يرحمها", "حفظه", "حفظها", "رعاه", "رعاها"})
BLESSED_ONES = normalized_words("عنه عنها عنهما عنهم")  # the object of رضي الله


def blessing_at(doc, i: int) -> int:
    """Number of tokens of a blessing starting at token i (رضي الله عنهما: 3, رحمه الله: 2; else 0)."""
    norms = doc.norms
    if i < 0 or i + 1 >= doc.n or norms[i] not in BLESSINGS or norms[i + 1] != "الله":
        return 0
    return 3 if i + 2 < doc.n and norms[i + 2] in BLESSED_ONES else 2


# Labels of words that are no names (a small town's name behind ب is no evidence: بور = ب + ور).
_WORD_LABELS = frozenset({"COMMON", "ORG_TRIGGER", "LOC_TRIGGER", "TITLE", "CUE", "DESC", "DEMONYM", "ORG"})
_FAMILY = "ال"  # آل (the family of), normalised
TOLD = frozenset({"لي", "لنا", "له", "لها", "لهم"})  # after a speech verb: "told me/him …"
_LEADING_LINKS = frozenset({"ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ام", "عبد"})  # before a given name
_PLACE_PREPOSITIONS = frozenset({"لدي", "في"})  # normalised لدى، في
# Latin initials as Arabic news spells them, inside a Western name (جورج دبليو بوش، ديفيد جيه ريدل)
# (matched as written: the normalised إم، إيه are أم "or", أية "any")
_INITIALS = frozenset("جيه جي إتش اتش إف اف إس اس إم دي بي سي تي كيه آر أر دبليو إيه".split())
_VERBAL_NOUN_IV = re.compile(r"ا[^ا]{2}ا[^ا]")  # إفعال, normalised: إحراق، إصدار، إطلاق
_ONE_OF = frozenset({"احد", "احدي"})  # أحد، إحدى (not function words: أحد المسؤولين is a speaker phrase)


def name_run(ctx: Context, i: int, max_len: int = MAX_RUN, introduced: bool = False, given: bool = False) -> int | None:
    """Last token of a person-name run starting at token i, or None if i cannot start one.

    ``introduced``: a title precedes, so a first word that is also a common word (جو، أمل) may
    start the name when a name-like word follows it. ``given``: token i is a given name read
    without its proclitic (ومحمد), so it starts a name whatever its first letters.
    """
    doc = ctx.doc
    norms, joins, by_first = doc.norms, doc.joins, ctx.by_first
    # (cheap letter and index tests guard the calls below: most words fail them)
    if not given and norms[i][:1] == "و" and conjoined(ctx, i):
        return None
    place = ctx.firm_place_or_org(i)
    if place and introduced and place.stripped and norms[i][:1] == "ك":
        place = None  # للسفير كلاوس ايبرمان: a name after a title, not ك + لاوس ("like Laos")
    if place and not ctx.longest(i, "PER") and not ctx.frequent_given(norms[i]):
        return None  # كوريا الشمالية starts a place, not a name (جان, a town too, is a given name)
    if (
        not given
        and not ctx.name_like(i, first=True)
        and not (introduced and (_common_first_name(ctx, i) or _foreign_first_name(ctx, i)))
        and not nasab_after(ctx, i)
    ):
        return None
    if norms[i] in _ONE_OF:
        return None  # زعيم أحد الأجنحة: "one of", no name
    if not given and accusative_participle(ctx, i) and not (joins[i] and ctx.name_like(i + 1, first=False)):
        return None  # وتساءل مستنكرا، وقال متحدثا: the manner of saying, no name (not مارثا ستيوارت)
    if blessing_at(doc, i):
        return None  # علي بن أبي طالب رضي الله عنه: a blessing, no name
    if norms[i] in RELATION_NOUNS and not given or norms[i] in HONORIFIC_PRONOUNS:
        return None  # وروت خطيبة خاشقجي: the fiancée of a person; وأوضح معاليه: "his excellency"
    if not given and ctx.used_as_noun(i):
        return None  # الرئيس اظهارا … الإظهار: a noun the document writes with the article
    j = i
    words = 1  # name words so far (links such as بن/آل do not count)
    while j + 1 < doc.n and words < max_len and joins[j]:
        nxt = j + 1
        if _hyphened(ctx, j):
            j = nxt  # مون جيه-إن، جان-بول: a hyphen inside a word joins its two parts
            continue
        if words == 1 and doc.words[nxt] in _INITIALS and _initial_inside(ctx, i, nxt):
            j = nxt + 1  # ديفيد جيه ريدل، جون إف كينيدي: an initial between the given name and the surname
            words += 1
            continue
        if blessing_at(doc, nxt):
            break  # ابن عباس رضي الله عنهما، الطنطاوي رحمه الله: a blessing after the name, no part of it
        if norms[nxt] in COMPOUND_SECONDS and _listed_compound(ctx, j, nxt):
            j = nxt  # ضيف الله، نور الدين: the second word of a listed compound name
            continue
        if "-" in doc.gap(j):
            break  # قاسم الخبراني- عبدالرحمن الفيفي: a dash with a space beside it separates names
        if norms[j] in NAME_LINKS:
            j = nxt  # بن/أبو/عبد always take the next word
            words += 1
            continue
        if norms[nxt] in NAME_LINKS and nxt + 1 < doc.n and joins[nxt]:
            family = norms[nxt] == _FAMILY and ctx.is_arabic_word(nxt + 1) and norms[nxt + 1] not in FUNCTION_WORDS
            if ctx.name_like(nxt + 1, first=False) or ctx.known_name_part(nxt + 1) or family:
                j = nxt  # محمد بن سلمان: the link, then its word on the next turn (آل الشيخ: any word)
                continue
            break
        if norms[nxt] in ROLE_MODIFIERS:
            break  # رئيس أوروغواي السابق: "former" ends the phrase, it is no name
        if norms[nxt] in REGNAL_ORDINALS:
            if words == 1 and introduced:
                j = nxt  # الملك محمد الخامس: the ordinal ends the name (not اللاعب محمد صلاح الثاني)
            break
        if j > i and norms[j - 1] in NAME_LINKS and norms[nxt][:2] == "ال" and nisba(ctx, nxt):
            j = nxt  # محمد بن سالم البقيصي: after a nasab, an unlisted nisba is the family name
            break
        first_letter = norms[nxt][:1]
        if first_letter == "و" and conjoined(ctx, nxt) and not (words == 1 and _waw_surname(ctx, i, nxt)):
            break  # متعب وأسامة: the conjunction starts another name
        if first_letter in ("ل", "ب") and without_preposition(ctx, nxt) is None:
            break  # بليند لموقع يونايتد: ل/ب + a known word ends the name
        matched = nxt in by_first  # (a token that starts no lexicon match is no title, place or body)
        if not ctx.name_like(nxt, first=False) and not (
            matched
            and _town_as_surname(ctx, nxt)
            or norms[nxt][:2] == "ال"
            and _listed_al_surname(ctx, j, words, introduced)
        ):
            if introduced and words == 1 and _nisba_before_role(ctx, nxt):
                j = nxt  # الدكتور أشرف العربي وزير التخطيط: a nisba family name, then the role
            elif (words == 1 or words == 2 and _given_pair(ctx, j - 1, j)) and _common_surname_at_end(ctx, j, nxt):
                j = nxt  # غياب محمد صديق للإنذار، السادة محمد خميس وعباس: a listed surname that is a noun too
            break
        known = ctx.known_name_part(nxt)  # (asked once for the tests below)
        title = ctx.longest(nxt, "TITLE") if matched else None
        if matched and title is None and not known and doc.has_article(nxt) and ctx.longest(nxt, "DESC"):
            break  # بوب بوسنر المسؤول في لجنة الانتخابات: an unnamed-source noun is the role, no surname
        if title is not None and (not known or title.last > nxt):
            break  # محمد بن زايد آل نهيان ولي العهد (ولي is a given name too, ولي العهد a title)
        if title is not None and words >= 2 and genitive_follows(ctx, nxt):
            break  # بنيامين محمد وكيل أعمال اللاعب: a bare title heading a construct ends the name
        if accusative_participle(ctx, nxt) or norms[nxt] in SUBJECT_ENDS or norms[nxt] in ADVERBS:
            break  # ترامب متحدثا، ماي ردا على، بوتين اليوم: an adverbial, not a surname
        if doc.words[nxt].endswith("ة") and not known:
            break  # بركات مطمئنة: an unknown word in ة after a name is an adjective or a noun
        if not known and not_name_word(ctx, nxt):
            break  # فرانسيس تعديلا، رستم المتخصص: a word of the clause, not a name
        if matched and (ctx.longest(nxt, "ORG") or _place_not_surname(ctx, nxt, known)):
            break
        if words >= 2 and not known and not _given_pair(ctx, j - 1, j):
            break  # a third word must be a known name part (سوليفان اجتمع) unless two given names precede
        if not known and _unknown_word_ends_name(ctx, i, j, words):
            break
        j = nxt
        words += 1
    if norms[j] in NAME_LINKS:
        j -= 1
    return j if j >= i else None


def not_name_word(ctx: Context, k: int) -> bool:
    """Token k, no listed name part, cannot go on a person's name: a common noun in the indefinite
    accusative (تعديلا، حزنا: the word without its final ا is a common word), or a definite
    participle in الم… that is a common word (المتخصص; a nisba family name in …ي, المطيري،
    المقدشي, is not one)."""
    norm = ctx.doc.norms[k]
    if ctx.known_name_part(k):
        return False
    if len(norm) >= 5 and norm[-1] == "ا" and norm[-2] != "ا" and norm[:-1] in ctx.gaz.common:
        return True
    return definite_participle(ctx, k)


def definite_participle(ctx: Context, k: int) -> bool:
    """Token k is a common word in الم… of six letters or more, no nisba in …ي and no listed name
    part, not in ة (المنطقة, a noun): a participle describing the person (المتخصص، المكلف)."""
    norm = ctx.doc.norms[k]
    if not norm.startswith("الم") or len(norm) < 6 or norm[-1] in "يه" or ctx.known_name_part(k):
        return False
    return norm in ctx.gaz.common


def genitive_follows(ctx: Context, k: int) -> bool:
    """A genitive follows token k in the same phrase: a definite word, or a bare one and then a
    definite word (وكيل أعمال اللاعب، رئيس شبكة قنوات روتانا)."""
    doc = ctx.doc
    if k + 1 >= doc.n or not doc.joined(k):
        return False
    return doc.has_article(k + 1) or (k + 2 < doc.n and doc.joined(k + 1) and doc.has_article(k + 2))


_PRONOUN_END = ("ه", "ها", "هم", "هما", "نا", "كم")


def _waw_surname(ctx: Context, i: int, k: int) -> bool:
    """Token k, which begins with و, is the surname of the given name at i, not "and" + a word:
    و then و or ي (Wo-, Wi-: وودبيرن، ويلكينسون), nothing after و that the lexicons know, no
    pronoun at its end (وشقيقه), a listed given name that is no common word before it (not نزيه
    ومستقل), and the run ends after it (a mark, a verb, a complementizer or a title)."""
    doc = ctx.doc
    norm = doc.norms[k]
    rest = norm[1:]
    wa = rest[:1] == "ا" and _set_off(doc, k)  # Wa- (مايكل واردلو، كبير …): only where a mark ends the name
    if len(rest) < 4 or rest[:1] not in ("و", "ي") and not wa or norm.endswith(_PRONOUN_END):
        return False  # (Wo-, Wi-, We- as Arabic writes them: وودبيرن، ويلكينسون)
    if not ctx.word_has(i, "GIVEN") or doc.has_article(i) or ctx.is_common(i) or ctx.is_common(k):
        return False  # (نزيه ومستقل: an adjective, and another)
    if rest in ctx.gaz.phrases or rest in ctx.gaz.common:
        return False  # ومكة، وزير، وشركة: a word after the conjunction
    if ctx.longest(k, "LOC", "ORG", "TITLE", "CUE") is not None if k in ctx.by_first else False:
        return False
    if k + 1 >= doc.n or not doc.joined(k):
        return True
    return not ctx.name_like(k + 1, first=False) or ctx.longest(k + 1, "TITLE") is not None


def _set_off(doc, k: int) -> bool:
    """A comma or a colon follows token k (the name's end, set off from its role)."""
    return k + 1 < doc.n and not doc.joined(k) and doc.gap(k).strip()[:1] in ("،", ",", ":")


def _place_not_surname(ctx: Context, k: int, known: bool) -> bool:
    """Token k is a place (or body) rather than the surname of the name before it: not a town that
    is a surname too, and not a listed name part whose place reading needs a proclitic cut off
    (روبرت وود, not و + the town ود)."""
    place = ctx.firm_place_or_org(k)
    if place is None or _town_as_surname(ctx, k):
        return False
    return not (known and place.stripped)


def _initial_inside(ctx: Context, i: int, k: int) -> bool:
    """Token k, a Latin initial (جيه، إف), stands between the listed given name at i and a surname
    word: no article, no function word, not another initial."""
    doc = ctx.doc
    if not ctx.word_has(i, "GIVEN") or k + 1 >= doc.n or not doc.joined(k) or not doc.joined(i):
        return False
    after = doc.norms[k + 1]
    if doc.has_article(k + 1) or after in FUNCTION_WORDS or doc.words[k + 1] in _INITIALS:
        return False
    if after[:1] == "و" and conjoined(ctx, k + 1):
        return False  # نسيم بي وغابرييل: "and" starts another name
    return ctx.name_like(k + 1, first=False)


def _listed_compound(ctx: Context, j: int, nxt: int) -> bool:
    """Tokens j, nxt are a compound given name or family name the name lists hold (ضيف الله، عوض
    الله، نور الدين), and no body or place starts at j or is named with it."""
    matches = ctx.by_first.get(j, ())
    if any(m.labels.keys() & {"ORG", "LOC"} for m in matches):
        return False
    named_after = j > 0 and not ctx.doc.gap(j - 1).strip(' \t\n«»"“”')
    if named_after and (ctx.word_has(j - 1, "ORG_TRIGGER") or ctx.word_has(j - 1, "LOC_TRIGGER")):
        return False  # كتائب «عز الدين القسام»، مسجد نور الدين: the body or place named after someone
    return any(m.last == nxt and m.labels.keys() & {"GIVEN", "SURNAME"} for m in matches)


def _hyphened(ctx: Context, j: int) -> bool:
    """Tokens j and j + 1 are one name's parts (كيم جونغ-أون، ستيفس-غريدنيف): a hyphen between
    them and no space, and the part after it an Arabic word that is no verb, no longer common word,
    nor a place or a body (عبدالله البرقاوي-سبق-الرياض: a byline's pieces)."""
    doc, nxt = ctx.doc, j + 1
    if doc.ends[j] + 1 != doc.starts[nxt] or doc.text[doc.ends[j]] not in "-‐" or doc.has_article(j):
        return False  # (البرقاوي-سبق: an al- family name, then the outlet)
    norm = doc.norms[nxt]
    if not ctx.is_arabic_word(nxt) or doc.has_article(nxt):
        return False
    if VERB_SHAPE.match(norm) and not ctx.known_name_part(nxt):
        return False  # (عبدالعزيز-يرحمه الله: a verb; not هانسون-يونغ)
    if ctx.is_common(nxt) and len(norm) > 3:
        return False  # (a short syllable may be a common word too: جيه-إن، جونغ-أون)
    return not ctx.firm_place_or_org(nxt)


def given_reading(ctx: Context, m) -> bool:
    """A given-name match that may start a name: not a reading of a known place or organization
    (كوريا is not ك + وريا), and not behind the preposition ك."""
    if m.stripped and (ctx.doc.norms[m.first][:1] == "ك" or ctx.longest(m.first, "LOC", "ORG")):
        return False
    return ctx.starts_given_name(m.first, m.key)


def al_surname(ctx: Context, i: int) -> bool:
    """Token i is an al- family name standing alone (وقال البدري): a nisba shape (ال…ي) that is
    no common word, nationality, title, description, place, organization or trigger (النادي)."""
    doc = ctx.doc
    if not nisba(ctx, i):
        return False
    return not (i + 1 < doc.n and doc.joined(i) and ctx.name_like(i + 1, first=False))  # a longer name


def nisba(ctx: Context, i: int) -> bool:
    """Token i has a family name's nisba shape (ال…ي) and is no common word, nationality, title,
    description, place, organization or trigger."""
    doc = ctx.doc
    if not (doc.has_article(i) and doc.words[i].endswith("ي") and len(doc.norms[i]) >= 5) or ctx.is_common(i):
        return False  # (الدعوى ends in ى: no nisba)
    return not ctx.longest(i, *NOT_NAME_LABELS)  # (المدعي العام: the word is, or starts, a title)


def link_before(ctx: Context, i: int) -> int:
    """1 + the proclitic letters of token i when it is a name link (أبو، أبي، لأبي، ابن), else 0."""
    for stripped, stem in ctx.doc.splits[i]:
        if stem in _LEADING_LINKS:
            return stripped + 1
    return 0


def _given_pair(ctx: Context, a: int, b: int) -> bool:
    """Two given names in a row (جان مارك، ومحمد مصطفى): a compound first name or a nasab, a
    surname follows."""
    phrases, splits = ctx.gaz.phrases, ctx.doc.splits
    return a >= 0 and all(any("GIVEN" in phrases.get(stem, {}) for _, stem in splits[k]) for k in (a, b))


# ل + a verbal noun (لإبداء، لتضييق، لاستقبال): "in order to", never a family name
PURPOSE_NOUN = re.compile(r"^ل(?:ا\w\wا\w|ت\w\wي\w|است\w\wا\w)$")


def _unknown_word_ends_name(ctx: Context, i: int, j: int, words: int) -> bool:
    """An unknown word after tokens i..j of a name is no part of it: the name so far is a listed
    person whose last word is no given name (الرئيس شيراك شذ، بن لادن مصمم: what follows is the
    predicate), the word is ف + a verb (شوفكوفسكيي فاحتسب) or a noun the document writes with
    the article elsewhere (برنامجا … البرنامج), or a third word in the accusative after two given
    names (مها أحمد برنامجا)."""
    doc = ctx.doc
    norm = doc.norms[j + 1]
    if not_a_name_shape(norm, False) or ctx.used_as_noun(j + 1) or PURPOSE_NOUN.match(norm):
        return True
    if words >= 2 and doc.words[j + 1].endswith(("ا", "اً", "ًا")) and len(norm) >= 5:
        return True
    if "GIVEN" in ctx.gaz.phrases.get(doc.norms[j], {}):
        return False
    for k in range(max(0, i - 2), j + 1):  # (بن لادن: a link before the run's first word)
        for m in ctx.by_first.get(k, ()):
            if m.last == j and "PER" in m.labels and _ends_full_entry(m.info("PER"), doc.norms[j]):
                return True
    return False


def _ends_full_entry(info, norm: str) -> bool:
    """The lexicon entry is a full name of two words or more whose last word is ``norm`` (جاك
    شيراك، أسامة بن لادن), not a one-word entry (شون, a given name alone in ANERcorp)."""
    if info.get("ambiguous", "") == "1":
        return False
    words = normalize(info.name).split()
    return len(words) >= 2 and words[-1] == norm


def _listed_al_surname(ctx: Context, j: int, words: int, introduced: bool) -> bool:
    """Token j + 1 is a family name with the article that the surname list holds although it is
    also a common word (محمود الحربي، عبدالرحمن الصانع، يحيى العبيد، سوار الذهب): it ends the name
    (a comma, a sentence end or a role follows), or it goes on a frequent given name that a title
    or a speech verb introduced or that it follows as a nisba (…ي). Titles, nationalities, places, adverbs and
    ة-adjectives never do (أثار حفيظة الجمهور: a noun and its complement)."""
    doc = ctx.doc
    nxt = j + 1
    if not doc.has_article(nxt) or doc.words[nxt].endswith("ة"):
        return False
    norm = doc.norms[nxt]
    slot = ctx.gaz.phrases.get(norm, {})
    blocking = NOT_NAME_LABELS.intersection(slot)
    if blocking == {"LOC"} and ctx.weak_place(norm):
        blocking = set()  # القصير: a small town too
    if "SURNAME" not in slot or blocking or norm in _NOT_SURNAMES:
        return False
    given = words == 1 and ctx.frequent_given_word(j)
    spoken = j > 0 and doc.joined(j - 1) and ctx.word_has(j - 1, "CUE")  # ويقول محمد القصير
    if given and (introduced or spoken or norm.endswith("ي")):
        return True
    return nxt + 1 >= doc.n or not doc.joined(nxt) or ctx.longest(nxt + 1, "TITLE") is not None


def conjoined(ctx: Context, i: int) -> bool:
    """Token i is و + a word (وأسامة), not a name that starts with و (وليد، وائل)."""
    norm = ctx.doc.norms[i]
    return norm.startswith("و") and len(norm) > 3 and not ctx.known_name_part(i)


def _common_first_name(ctx: Context, i: int) -> bool:
    """Token i is a common word that is also a given name borne by enough people to open a name
    after a title (جو، أمل), not a noun that one person in the list bears (مدير تعليم الليث)."""
    doc = ctx.doc
    return (
        ctx.frequent_given_word(i)
        and doc.norms[i] not in FUNCTION_WORDS
        and i + 1 < doc.n
        and doc.joined(i)
        and ctx.name_like(i + 1, first=False)
    )


def nasab_after(ctx: Context, i: int) -> bool:
    """Token i, a listed given name that is also a title or a common word (مساعد، نائل), opens a
    name when بن + a name word follows it (الأستاذ مساعد بن ضيف الله الجابري), or a frequent given
    name and a family name with the article (مساعد غالي العنزي: a three-part name, not "the
    assistant of غالي العنزي")."""
    doc = ctx.doc
    if i + 2 >= doc.n or doc.has_article(i) or not doc.joined(i) or not doc.joined(i + 1):
        return False
    if not ctx.word_has(i, "GIVEN"):
        return False
    if doc.norms[i + 1] not in SON_OF:
        return i in ctx.by_first and ctx.longest(i, "TITLE") is not None and _given_and_family_after(ctx, i)
    return ctx.name_like(i + 2, first=False) or ctx.known_name_part(i + 2)


def _given_and_family_after(ctx: Context, i: int) -> bool:
    doc = ctx.doc
    nxt, family = i + 1, i + 2
    if doc.has_article(nxt) or not ctx.word_has(nxt, "GIVEN") or ctx.longest(nxt, "TITLE"):
        return False
    if not doc.has_article(family) or ctx.longest(family, "TITLE", "ORG", "LOC"):
        return False
    return ctx.known_name_part(family) or nisba(ctx, family)


def _foreign_first_name(ctx: Context, i: int) -> bool:
    """Token i, after a title, has the shape of a short indefinite accusative (جوشوا، باولا; such
    words are no first names on their own), and an unknown name-like word without the article and
    not in that shape follows it: a name no list holds (الباحث الأمني جوشوا دريك)."""
    doc = ctx.doc
    word, nxt = doc.words[i], i + 1
    if not (SHORT_ACCUSATIVE.fullmatch(word) and nxt < doc.n and doc.joined(i)) or ctx.is_common(i):
        return False
    if word.endswith(("ها", "نا")) or doc.norms[i] in FUNCTION_WORDS:
        return False  # حينها، عندنا: a pronoun suffix
    after = doc.norms[nxt]
    if doc.has_article(nxt) or after.endswith("ا") or after[1:3] == "ال" or ctx.longest(nxt, "TITLE"):
        return False  # طعنا بالسكين: a preposition and a noun
    if not (ctx.name_like(nxt, first=False) and ctx.name_like(nxt, first=True)):
        return False
    third = nxt + 1  # (a third unknown name word would be cut off: no half name)
    return not (third < doc.n and doc.joined(nxt) and ctx.name_like(third, first=False) and not doc.has_article(third))


def accusative_participle(ctx: Context, i: int) -> bool:
    """Token i is an indefinite accusative participle or noun (متحدثا، منشورا، مضيفا، مستنكرا): م…ا
    of five to MAX_PARTICIPLE letters (ما… only in five: مازحا), no listed name part (a longer
    word in م…ا, or in ما…ا, is a foreign name written out: موسكالكوفا، مارتينا)."""
    norm = ctx.doc.norms[i]
    shaped = MIN_PARTICIPLE <= len(norm) <= MAX_PARTICIPLE and norm[0] == "م" and norm[-1] == "ا"
    if not shaped or norm[1] == "ا" and len(norm) > MIN_PARTICIPLE:
        return False  # (مارتينا، مايورغا: a long word in ما… is a name; مازحا، مادحا are فاعلا)
    return not ctx.known_name_part(i)


MIN_PARTICIPLE, MAX_PARTICIPLE = 5, 7  # مضيفا … مستفعلا، متفاعلا: the longest derived patterns


def _nisba_before_role(ctx: Context, i: int) -> bool:
    """Token i is an al-nisba (العربي، المصري) standing right before a title or a comma: after a
    title and a given name it is the family name, not a nationality."""
    doc = ctx.doc
    if not (doc.has_article(i) and doc.words[i].endswith("ي")) or i + 1 >= doc.n:
        return False
    return doc.comma(i) or doc.joined(i) and bool(ctx.longest(i + 1, "TITLE"))


# Adjectives and plurals after a noun (سند قانوني، أسد أبيض، أهداف): a nisba in ي, أفعل, أفعال
_ADJECTIVE_SHAPE = re.compile(r"^\w{3,}ي$|^ا\w\w\w$|^ا\w\wا\w$")
MIN_SURNAME_EVIDENCE = 100  # bearers of a given name in the source list before a noun may be its surname
MIN_TITLED_SURNAME_EVIDENCE = 20  # the same when a role follows the noun (عاصم جهاد المتحدث باسم …)


def _common_surname_at_end(ctx: Context, j: int, k: int) -> bool:
    """Token k, a listed name part that is also a common noun (صديق، خميس), is the family name of
    the frequent given name at token j when the phrase ends right after it: punctuation, the end
    of the text, و + a name-like word (the next name of a list) or لل + a noun (صديق للإنذار).
    The word has no article, no verb or adjective shape, no accusative ending, and no reading
    as a place, body, title or nationality."""
    doc = ctx.doc
    norm = doc.norms[k]
    if not ctx.known_name_part(k) or norm in NAME_LINKS or norm in FUNCTION_WORDS or doc.has_article(k):
        return False
    given = doc.norms[j]
    role_after = k + 1 < doc.n and doc.joined(k) and _role_at(ctx, k + 1)
    evidence = MIN_TITLED_SURNAME_EVIDENCE if role_after and norm not in _BEFORE_A_ROLE else MIN_SURNAME_EVIDENCE
    if ctx.given_count(given) < evidence or given in COLLIDING_FUNCTION_WORDS or len(norm) < 3:
        return False  # a given name many people bear, as written (not وادي = و + ادي, not فتح/دين); علي may be على
    if norm[:1] == "و":
        return False  # (هادي وصل: و + a verb)
    if ctx.longest(k, *NOT_NAME_LABELS) or VERB_SHAPE.match(norm) or _ADJECTIVE_SHAPE.match(norm):
        return False
    if "TITLE" in ctx.gaz.phrases.get("ال" + norm, {}):
        return False  # محمد صلاح نجم ليفربول: a role noun (النجم) in apposition, no surname
    if doc.words[k].endswith(("ا", "اً", "ة")):
        return False
    after = k + 1
    if after >= doc.n or not doc.joined(k):
        return True
    if _role_at(ctx, after) and norm not in _BEFORE_A_ROLE:
        return True  # الدكتور حسن محمد سفر أستاذ السياسة: the name, then the role in apposition
    nxt = doc.norms[after]
    return (nxt[:1] == "و" and len(nxt) > 3 and ctx.name_like(after, first=False)) or nxt.startswith("لل")


def _role_at(ctx: Context, i: int) -> bool:
    """A title opens at token i, with or without its article (المتحدث باسم، نجم، أستاذ)."""
    return ctx.longest(i, "TITLE") is not None or "TITLE" in ctx.gaz.phrases.get("ال" + ctx.doc.norms[i], {})


def _town_as_surname(ctx: Context, i: int) -> bool:
    """A one-word small town that is also a listed name (بار) may end a name run."""
    m = ctx.longest(i, "LOC")
    if m is None or m.last != i or not m.labels.keys() & {"GIVEN", "SURNAME"}:
        return False
    info = m.info("LOC")
    return info.get("kind", "") == "city" and not ctx.is_common(i)


def skip_modifiers(ctx: Context, i: int) -> int:
    """First token after the modifiers that may follow a title (demonyms, ال-words, known names)."""
    doc = ctx.doc
    for _ in range(MAX_MODIFIERS):
        if i >= doc.n or not doc.joined(i - 1):
            return i
        if doc.norms[i] in FUNCTION_WORDS and doc.norms[i] not in _PLACE_PREPOSITIONS:
            return i  # الإعلامية التركية التي شنت: a relative pronoun ends the modifiers
        if in_statement(ctx, i):
            return i  # المتحدث في بيانه: where it was said
        known = ctx.longest(i, "LOC", "ORG", "DEMONYM", "TITLE") if i in ctx.by_first else None
        if known is not None and known.stripped and doc.norms[i][:1] == "ك":
            return i  # السفير كلاوس: a name, not ك + لاوس (no title is modified by "like Laos")
        if known is not None and nasab_after(ctx, i):
            return i  # الأستاذ مساعد بن ضيف الله: a given name (a title too) before بن, not a second title
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


def without_preposition(ctx: Context, i: int) -> int | None:
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
        if not dative and stripped and _noun_after_bi(ctx, i, stem):
            return None  # سترايغر بتصريح، وليامز بإحراق: ب + a common or verbal noun ends the name
    after = ctx.name_after_clitic(i, ("ب",))  # بميشيل باشيليت: ب + a name (the name without ب)
    return doc.starts[i] if after is None else after  # (بورتر، برويدي، بور: no other word behind ب)


def _noun_after_bi(ctx: Context, i: int, stem: str) -> bool:
    """Token i is ب + a common noun of five letters or more (بتصريح) or a verbal noun of the form
    إفعال written with its hamza (بإحراق): no name (a name written با… keeps its plain alef: باومان)."""
    if len(stem) >= 5 and stem in ctx.gaz.common:
        return True
    return ctx.doc.words[i][1:2] == "إ" and _VERBAL_NOUN_IV.fullmatch(stem) is not None


SUBJECT_ENDS = frozenset(
    {"في", "لدي", "خلال", "عقب", "بعد", "قبل", "امام", "اثناء", "ردا", "لوكاله", "لصحيفه", "للصحفيين", "ل"}
)


ADVERBS = frozenset({"اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "ايضا"})
_NOT_SURNAMES = ADVERBS | ROLE_MODIFIERS | REGNAL_ORDINALS
SON_OF = frozenset({"بن", "ابن", "بنت"})  # the links of a nasab
# Nouns listed as family names that stand before a role noun in another sense: an ordinal (أول لاعب),
# a post (منصب رئيس الوزراء), a relation (نجل الرئيس)
_BEFORE_A_ROLE = normalized_words(
    "أول ثاني ثالث رابع خامس آخر أخير منصب مناصب نجل نجلة ابن ابنة شقيق شقيقة زوج زوجة والد والدة"
)
