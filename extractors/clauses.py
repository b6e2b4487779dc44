"""Clause segmentation: where sentences and clauses end (sentence punctuation, "according to"
phrases, a new clause after a comma). Quote content and attribution both read it. A line break
is only a space for sentences: a text ends them at the same offsets whether its paragraphs end
in line breaks or in spaces (one-line documents, scraped pages, windows). Only what was said
ends with its paragraph (:func:`paragraph_ends`): over the gold set, 10 of 5,953 quotes run
past a line break, against 33 of khabar's before the rule, most of them into a CNN paragraph
that ends with no full stop."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING

from khabar.document import Document, find_chars

if TYPE_CHECKING:
    from khabar.extractors.context import Context

ACCORDING_TO = ("بحسب", "حسب", "حسبما", "وحسب", "وفقا", "وفقاً", "وفق", "نقلا", "نقلاً", "طبقا", "طبقاً")
NEW_CLAUSE = ("إذ", "وذلك", "معربا", "معرباً", "معربة")  # start a clause after a comma
# Words that may end a clause (whole tokens): they do when only a comma and/or spaces precede
# them and a space follows (see clause_ends). على counts only as the start of على حد, في only as
# the start of في إشارة after a comma.
_NEW_CLAUSE_TOKENS = frozenset(NEW_CLAUSE)
_QUOTING = frozenset({"نقلا", "نقلاً"})  # "quoting": a clause of its own only after a comma
# …، في إشارة إلى …: "referring to", the narrator's gloss (gold set: 7 such commas end a reported
# clause, 1 falls inside); في counts only before إشارة and after a comma.
_SECOND_WORDS = {"على": frozenset({"حد"}), "في": frozenset({"إشارة", "اشارة"})}  # two-word openers
_CLAUSE_TOKENS = frozenset(ACCORDING_TO) | _NEW_CLAUSE_TOKENS | frozenset(_SECOND_WORDS)
_AFTER_COMMA_ONLY = _NEW_CLAUSE_TOKENS | _QUOTING | {"في"}  # a clause of their own only after a comma
# مضيفا، لافتا، قائلا (not أكدوا: a plural verb) and the feminine مؤكدة، قائلة (normalised ة → ه; not
# the verb ينوه) and the plural مؤكدين، قائلين end the clause before them
PARTICIPLE = re.compile(r"\w{3,}[^\Wو]ا|(?:م\w{2,}|\w[اأ]\w{2,})(?:ه|ين)")


def participle_cue(m) -> bool:
    """The cue match ``m`` is a circumstantial participle (مضيفاً، قائلة، مؤكدين), not a verb with its
    object pronoun attached (تصفها، وصفها: the cue entry says pronoun=1)."""
    return PARTICIPLE.fullmatch(m.key) is not None and m.info("CUE").attr("pronoun") != "1"


SENTENCE_MARKS = ".!?؟\n"  # where resolve lets a sentence open (a line break too)
SENTENCE_PUNCT = ".!?؟"  # a sentence ends at each of these …
_AFTER_SENTENCE = "\"'»”)"  # … before a space, one of these, or the end


def sentence_ends(text: str, marks: list[int] | None = None) -> list[int]:
    """Offsets of sentence punctuation before a space, a closing mark or the end (``marks``: the
    offsets of SENTENCE_PUNCT in the text, when the caller has them)."""
    if marks is None:
        marks = find_chars(text, SENTENCE_PUNCT)
    last = len(text) - 1
    return [p for p in marks if p == last or text[p + 1].isspace() or text[p + 1] in _AFTER_SENTENCE]


_RULE = "-_=ـ—–"  # a run of three or more of these between spaces is a separator line (-----)


RULE_STARTS = "-_"  # a separator line starts with one of these


def rule_ends(text: str, starts: list[int] | None = None) -> list[int]:
    """Offsets where a separator (a whitespace-delimited run of 3+ dashes or underscores, as
    before a BBC footer) starts, with the spaces before it: a sentence ends there (``starts``:
    find_chars(text, RULE_STARTS), when the caller has it)."""
    out, skip_to = [], -1
    for at in find_chars(text, RULE_STARTS) if starts is None else starts:
        if at < skip_to or (at > 0 and not text[at - 1].isspace()):
            continue
        end = at
        while end < len(text) and text[end] in _RULE:
            end += 1
        skip_to = end
        if end - at >= 3 and (end == len(text) or text[end].isspace()):
            while at > 0 and text[at - 1].isspace():
                at -= 1
            out.append(at)
    return out


def paragraph_ends(text: str) -> list[int]:
    """Offsets where a paragraph's words end (before its trailing spaces) at each line break
    followed by more text: what was said in a paragraph does not run into the next one."""
    out, at = [], text.find("\n")
    while at >= 0:
        end = at
        while end > 0 and text[end - 1] in " \t\r\xa0":
            end -= 1
        if end > 0 and text[end - 1] != "\n" and text[at:].strip():
            out.append(end)
        at = text.find("\n", at + 1)
    return out


def closed_sentence_ends(text: str, quotations: list[tuple[int, int]]) -> list[int]:
    """Offsets just after the closing mark of each quotation whose own last sentence ended inside
    it, before a space or the end (…الإنسانية." وكتب): the sentence ends with the quotation."""
    n = len(text)
    return [
        e + 1
        for s, e in quotations
        if e > s and text[e - 1] in SENTENCE_PUNCT and (e + 1 == n or text[e + 1].isspace())
    ]


def clause_ends(doc: Document, sentences: list[int] | None = None) -> list[int]:
    """Offsets where a clause ends: sentence punctuation (``sentences``, the document's
    :func:`sentence_ends`), or the comma/space before "according to" (بحسب، وفقا …) or, after a
    comma, a new clause (إذ، وهو …).

    The same offsets as one regex ``[.!?؟](?=…)|[،,\\s]\\s*(?:according|(?<=[،,])\\s*new)(?=\\s)``
    would find, from the tokens (that regex stops at every space).
    """
    text, words, starts, ends, n = doc.text, doc.words, doc.starts, doc.ends, doc.n
    found = sentence_ends(text) if sentences is None else sentences
    extra: list[int] = []
    for i in compress(range(n), map(_CLAUSE_TOKENS.__contains__, words)):
        word, end = words[i], ends[i]
        second = _SECOND_WORDS.get(word)
        if second is not None:  # على حد، في إشارة
            if i + 1 == n or words[i + 1] not in second or starts[i + 1] != end + 1 or text[end] != " ":
                continue
            end = ends[i + 1]
        if end == len(text) or not text[end].isspace():
            continue
        word_start = k = starts[i]
        while k > 0 and text[k - 1].isspace():
            k -= 1
        comma = k > 0 and text[k - 1] in "،,"
        first = k - 1 if comma else k
        if not comma and (word in _AFTER_COMMA_ONLY or first == word_start):
            continue  # no separator before the word (قالت الوكالة نقلا عن مصدر إن …: still the attribution;
            # وذلك في إشارة إلى: no comma, the statement goes on)
        if word in _IN_ACCORDANCE and i + 1 < n and _accordance_noun(words[i + 1]):
            continue  # ليست ملزمة وفقا للقواعد الدستورية: "in accordance with" a rule, not a source
        if comma and word in _EXPLAINING and not _new_clause_after(doc, word, i + 1):
            continue  # …، وذلك بالنظر إلى أنه …، إذ تبلغ قيمته …: the speaker's own explanation goes on
        extra.append(first)
    return sorted(found + extra) if extra else found


# "In accordance with" + a rule, a law, a plan or a measure (وفقا للقانون، حسب فصول السنة، وفق الشريعة)
# is part of what was said; "according to" + a source (وفقا لرويترز، حسب ما نقلت) ends it.
_IN_ACCORDANCE = frozenset({"حسب", "وفقا", "وفقاً", "وفق", "طبقا", "طبقاً"})
_ACCORDANCE_NOUNS = frozenset(
    "قانون قوانين قواعد قاعدة إجراءات اجراءات نظام أنظمة انظمة لوائح لائحة شريعة معايير معيار ضوابط خطة "
    "اتفاق اتفاقية دستور تقويم ترتيب احتياجات متطلبات شروط أسس اسس آلية الية جدول برنامج مادة قرار قرارات "
    "أحكام احكام تعليمات توجيهات مواصفات مقاييس أولويات اولويات ظروف طبيعة نوع فصول حجم درجة نسبة متوسط "
    "قضاء نص نصوص مبدأ مبادئ رؤية استراتيجية منهج منهجية تصنيف مراحل مرحلة".split()
)


# After a comma, وذلك and إذ open the narrator's frame only before a setting (وذلك في مقابلة، وذلك
# خلال زيارته، وذلك بعد الإعلان) or a speech verb (إذ قال، إذ أشارت); otherwise they go on with what was said
# (وذلك بالنظر إلى، وذلك عبر، إذ تبلغ قيمته، إذ يكررون); a verb that needs a statement after it (تبلغ)
# counts only with its أن/إن or colon a few words on: gold counts over 749 articles, 41 ends and
# 46 continuations of وذلك, 8 and 21 of إذ, split this way but for a few.
_EXPLAINING = frozenset({"وذلك", "إذ"})
_SETTING = frozenset(
    {"في", "خلال", "عندما", "وسط", "وفقا", "وفقاً", "وفق", "حين", "أثناء", "اثناء", "لدى", "بعد", "قبل", "عقب"}
)


_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم"})  # normalised أن/إن (+ pronoun)
_CUE_TO_CONTENT = 5  # words from the speech verb after إذ to its أن/إن or colon (إذ قال لـ(CNN) إنه)


def _new_clause_after(doc: Document, word: str, k: int) -> bool:
    """The word at token k, after وذلك or إذ, opens the narrator's frame (see _EXPLAINING)."""
    if k >= doc.n:
        return False  # (nothing follows to frame)
    if word == "وذلك":
        return doc.words[k] in _SETTING
    slot = doc.gazetteer.phrases.get(doc.norms[k], {}) if doc.gazetteer is not None else {}
    if "CUE" not in slot:
        return False
    info = doc.gazetteer.info(slot["CUE"])
    if info.attr("needs") != "quote" or info.attr("describes") == "1":
        return True  # إذ قال بوتين، في المنتدى …، إن …، إذ وصف المسؤولين بـ"…": a speech verb of its own
    window = doc.norms[k + 1 : k + 1 + _CUE_TO_CONTENT]  # إذ تبلغ قيمته …: a weak cue, only with أن/إن
    return not _THAT.isdisjoint(window) or ":" in doc.text[doc.ends[k] : doc.ends[min(doc.n - 1, k + _CUE_TO_CONTENT)]]


def _accordance_noun(word: str) -> bool:
    """``word`` (after وفقا/حسب) is ل + article + a noun of rules or measures (للقانون، لمتوسط، القضاء)."""
    return any(word.startswith(p) and word[len(p) :] in _ACCORDANCE_NOUNS for p in ("لل", "ل", "ال", ""))


# …، مشيدا بحضور / …، مقدما التهنئة / …، معربين عن / …، شاكرا السلطات / …، سائلا المولى / …، داعيا إلى:
# after a comma, an indefinite active participle in the accusative (derived م…ا، م…ين, or the
# base form فاعلا، فاعلين، فاعيا) with its complement opens a circumstantial clause (حال): the
# narrator's. Over the gold set's reported clauses, such a comma ends 284 of them and falls inside
# 2 (the base form alone: 68 and 0, once verbs in …وا، …ها and nouns such as بابا are left out).
_CIRCUMSTANTIAL = re.compile(r"م\w{3,}(?:ا|ين)|[^\Wف]ا\w[^\Wوه](?:ا|ين)|[^\Wف]ا\wيا")
_NOT_CIRCUMSTANTIAL = frozenset(
    "مؤخرا مجددا مسبقا مبدئيا مجانا معا مطلقا مثلا مستقبلا مساء مباشرا مرارا مبكرا متأخرا مسلمين مواطنين "
    "دائما طالما غالبا سابقا لاحقا حاليا تاليا عاليا كاملا واضحا خاصا وايضا قادرا قادرين".split()
)
_COMPLEMENT_HEADS = frozenset("إلى الى عن على في أن ان بأن بان أنه انه".split())


def circumstantial_ends(doc: Document, commas: list[int]) -> list[int]:
    """Offsets of the commas (``commas``: offsets of ، and ,) before a circumstantial participle
    clause (…العربي، مشيدا بحضور …)."""
    out, text, n = [], doc.text, len(doc.text)
    for c in commas:
        at = c + 2 if c + 2 < n and text[c + 1].isspace() else c + 1  # the word right after, or after one space
        if at + 1 >= n or text[at] != "م" and text[at + 1] != "ا":
            continue
        i = doc.first_token_from(c + 1)
        if i + 1 >= doc.n or doc.starts[i] != at or not doc.joined(i):
            continue
        word, nxt = doc.words[i].replace("ً", ""), doc.words[i + 1]
        if word in _NOT_CIRCUMSTANTIAL or word[:3] in ("وال", "فال") or _CIRCUMSTANTIAL.fullmatch(word) is None:
            continue
        if nxt in _COMPLEMENT_HEADS or nxt[:2] == "ال" or nxt[:1] in ("ب", "ل"):
            out.append(c)
    return out


# …، لكنه رفض التعليق / ولكنه لم يحدد / إلا أنها استبعدت: after a comma, "but he/she" and a verb
# of what the speaker did not say or how he went on (refused, did not specify, ruled out, went
# back and said) is the narrator's. The verbs are listed (normalised, perfect, with لم + the
# imperfect where it is negated): the same opener before other verbs goes on with what was said
# (لكنه سيعزز أيضا، لكنها لم تكن كبيرة). Gold set: 10 such commas end a reported clause, 0 fall inside.
_CONTRAST_OPENERS = frozenset("لكنه لكنها لكنهم ولكنه ولكنها ولكنهم".split())
_NARRATOR_VERBS = frozenset(
    "رفض رفضت رفضوا امتنع امتنعت استبعد استبعدت اعرب اعربت عاد عادت قدر قدرت استدرك استدركت".split()
)
_NEGATED_NARRATOR_VERBS = frozenset(
    "يحدد تحدد يستبعد تستبعد يكشف تكشف يوضح توضح يقدم تقدم يذكر تذكر يفصح تفصح يعلق تعلق".split()
)


def contrast_ends(doc: Document, commas: list[int]) -> list[int]:
    """Offsets of the commas (``commas``) before "but he/she" and a narrator's verb (…، لكنه رفض
    التعليق، ولكنه لم يحدد تاريخ التسليم)."""
    out = []
    for c in commas:
        i = doc.first_token_from(c + 1)
        if i + 1 >= doc.n or doc.starts[i] - c > 3:
            continue
        k = i + 1
        if doc.norms[i] not in _CONTRAST_OPENERS:
            if doc.norms[i] not in ("الا", "والا") or doc.norms[k] not in _THAT or k + 1 >= doc.n:
                continue
            k += 1  # إلا أنه
        verb = doc.norms[k]
        if verb in _NARRATOR_VERBS or verb == "لم" and k + 1 < doc.n and doc.norms[k + 1] in _NEGATED_NARRATOR_VERBS:
            out.append(c)
    return out


# A dateline or credit line opening the text: "دبي، الإمارات العربية المتحدة (CNN)--", "الرياض - واس",
# "جدة ـ عبدالغني الشريف  " (city, dash, reporter), "لندن: «الشرق الأوسط»". Its words never speak.
_CREDITED = re.compile(
    r"\s*(?:[^\n]{0,80}?\((?:CNN|سي إن إن|[A-Za-z. ]{2,20})\)\s*[-–—ـ]*"  # … (CNN)--
    r"|[^\n]{0,90}?(?<!\w)(?:واس|يو بي آي|أ ف ب|د ب أ)(?!\w))"  # … واس (agency credit)
)
_PLACED = re.compile(
    r"\s*(?:[^\n:\-–—ـ]{0,40}?:\s*«[^»\n]{2,30}»"  # لندن: «الشرق الأوسط»
    r"|[^\n\-–—ـ.،:]{0,40}?\s[-–—ـ]{1,2}(?:\s*[^\n\-–—ـ.،:]{2,30}?(?=\n|\s{2,}))?)"  # جدة ـ (reporter)
)
MAX_DATELINE_WORDS = 12
# A chain of short pieces closed by dashes at the head of the text: "سبق- الطائف:"،
# "عبدالله البرقاوي- سبق- الرياض:"، "عين اليوم – جنيف قال …"، "عمر إبراهيم – عين اليوم  أجبرت".
_PIECES = r"\s*((?:[^\n\-–—ـ.،:]{1,30}?\s*[-–—ـ]{1,2}\s*){1,3})"  # pieces, each closed by a dash
_LAST = r"([^\n\-–—ـ.،:\s][^\n\-–—ـ.،:]{0,30}?)"  # the last piece …
_CHAIN_CLOSED = re.compile(_PIECES + _LAST + r"(\s*:|\s*\n|\s{2,}|\xa0)")  # … closed by a colon or a wide space
_CHAIN_OPEN = re.compile(_PIECES + _LAST + r"(?=\s)")  # … or followed by the first word of the text
_CHAIN_PIECE_WORDS = 4
_CREDIT_WORDS = frozenset(("وكالات", "الوكالات", "متابعات", "خاص"))  # "… – متابعات", "الرياضي ـ وكالات"


def _chain_end(text: str, is_name: Callable[[int, int], bool]) -> int:
    """End of a dash-separated credit chain at the head of the text, or 0. Each piece is at most
    four words and one piece is a place, an outlet or a credit word (``is_name(start, end)``
    says whether text[start:end] is a known place or body); a chain closed by no colon or wide
    space ("عين اليوم – جنيف قال …") must end in such a piece."""
    for pattern in (_CHAIN_CLOSED, _CHAIN_OPEN):
        m = pattern.match(text)
        if m is None:
            continue
        pieces = [
            (m.start(1) + p.start(), m.start(1) + p.end())
            for p in re.finditer(r"[^\s\-–—ـ][^\-–—ـ]*[^\s\-–—ـ]|[^\s\-–—ـ]", m.group(1))
        ]
        pieces.append((m.start(2), m.start(2) + len(m.group(2).rstrip())))
        if any(len(text[a:b].split()) > _CHAIN_PIECE_WORDS for a, b in pieces):
            continue
        named = [text[a:b] in _CREDIT_WORDS or is_name(a, b) for a, b in pieces]
        if named[-1] or pattern is _CHAIN_CLOSED and any(named):
            return m.end()
    return 0


def dateline_end(
    text: str, opens_with_place: Callable[[], bool], is_name: Callable[[int, int], bool] | None = None
) -> int:
    """Offset where an opening dateline or credit line ends, or 0 when the text has none. A line
    without a credit (CNN, واس) counts only when ``opens_with_place()`` says the text starts
    with a place name; with ``is_name`` (is text[start:end] a known place or body?) a chain of
    short dash-separated pieces naming an outlet or a place counts too (سبق- الطائف:)."""
    chain = _chain_end(text, is_name) if is_name is not None else 0
    m = _CREDITED.match(text)
    if m is None:
        m = _PLACED.match(text)
        if m is not None and not opens_with_place():
            m = None
    if m is None or len(m.group().split()) > MAX_DATELINE_WORDS:
        return chain
    return max(m.end(), chain)


def nbsp_paragraph_end(text: str, at: int, marks: str, lowest: int = 0) -> int | None:
    """The no-break space at offset ``at`` ends a paragraph when sentence punctuation (one of
    ``marks``) stands before it, spaces between (". \xa0 و…": how several Saudi outlets write a
    paragraph break): the offset just after that punctuation, else None. The search back stops
    at ``lowest``."""
    k = at - 1
    while k >= lowest and text[k] == " ":
        k -= 1
    return k + 1 if k >= lowest and text[k] in marks else None


_EXCEPT = ("الا", "غير", "بيد")  # إلا/غير/بيد + أن: "but" (normalised)


def clause_opener(doc: Document, k: int, words: frozenset[str], that: frozenset[str]) -> int | None:
    """First token of a clause opener that ends at token k: one of ``words`` (لكن، بينما), or
    إلا/غير + one of ``that`` (أن، أنه); None when token k ends none."""
    if doc.norms[k] in words:
        return k
    if doc.norms[k] in that and k > 0 and doc.joined(k - 1) and doc.norms[k - 1] in _EXCEPT:
        return k - 1
    return None


# قد/لقد open a verbal clause: right after a speech verb they begin what was said, the writer
# having left out إن/أن and the colon (قال لقد سررت بنجاح المسيرة، يقول قد يكون السبب). Future
# verbs would do the same (قال سيتبع), but without morphology سيرغي، ستالون، ستيفن read as them.
_VERB_PARTICLES = frozenset(("قد", "لقد", "وقد"))  # (their matching form is as written)


def reported_verb(ctx: Context, i: int) -> bool:
    """Token i is قد/لقد: after a speech verb it opens what was said and is never the speaker."""
    return ctx.doc.norms[i] in _VERB_PARTICLES
