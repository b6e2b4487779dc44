"""A role phrase whose holder is named right after it, in the same noun phrase.

A speaker read as a role (العالم الأسترالي، البريغادير، المستشار بالديوان الملكي عضو هيئة كبار
العلماء) is often only the head of a longer apposition that ends with the person's name:

    بدأ العالم الأسترالي ديفيد غودال رحلة …  → ديفيد غودال
    أوصى المستشار بالديوان الملكي عضو هيئة كبار العلماء إمام وخطيب المسجد الحرام الشيخ الدكتور
    صالح بن عبدالله بن حميد …  → صالح بن عبدالله بن حميد

The subject reader stops at the first complete role; this module looks past it, across further
role words, titles and named bodies, for a person mention, at the occurrence the speaker was read
from or, for an implied speaker (وأكد، مشيرا), at the latest occurrence of the same phrase before
the cue. Whether the name found is the role's holder and not its complement (المتحدث باسم الرئيس
بوتين) is decided by linking.person_closing, the test used for a name inside the phrase.
"""

from __future__ import annotations

from khabar.extractors.context import RELATION_NOUNS, VERB_SHAPE, Context, normalized_words
from khabar.extractors.subjects import quoted_name_end
from khabar.records import Entity

MAX_GAP = 10  # words between the end of the role phrase and the name
MAX_CONSTRUCT = 3  # coordinated heads of one construct (إمام وخطيب)
# Words that end the noun phrase: complementizers, relatives, particles, verbs of saying' objects
_PHRASE_ENDS = normalized_words(
    "إن أن أنه أنها إنه إنها قد لقد كان كانت الذي التي الذين اللذين اللتين اللواتي اللاتي ما لم لن "
    "لا كما حيث إذ بينما خلال بعد قبل عند عندما حين مع وهو وهي وقد أمس اليوم بأن بأنه بأنها لأن كون"
)
_VERB_COMPLEMENTS = normalized_words("عن على إلى من")  # prepositions that open a verb's complement
_LED_BY = normalized_words("بزعامة بقيادة برئاسة")  # "led by": the name after it leads the body named before
_BREAKS = frozenset(".:؟?!؛;\n")
_QUOTE_MARKS = frozenset('"«»“”„')


def occurrences(ctx: Context, words: list[str], before: int, index: dict[str, list[int]]) -> list[int]:
    """Token indices where the normalised ``words`` occur in a row, starting before character
    ``before``, latest first (``index``: each normalised word → its token indices, see word_index)."""
    doc = ctx.doc
    n = len(words)
    if not n:
        return []
    found = [i for i in index.get(words[0], ()) if doc.starts[i] < before and doc.norms[i : i + n] == words]
    found.reverse()
    return found


def word_index(ctx: Context) -> dict[str, list[int]]:
    """Each normalised word of the document → the indices of its tokens, in text order."""
    index: dict[str, list[int]] = {}
    for i, norm in enumerate(ctx.doc.norms):
        index.setdefault(norm, []).append(i)
    return index


def _role_word(ctx: Context, k: int, named_tokens: set[int]) -> bool:
    """Token k can continue a role phrase: a title, an unnamed-source noun or a nationality, a word
    of a named body or place, or a definite word; not a word behind a proclitic preposition
    (للرئيس، لصحفيين، بأن: a complement or a new constituent)."""
    doc = ctx.doc
    norm = doc.norms[k]
    if norm.startswith(("لل", "بال", "بان", "لـ")) or doc.words[k].startswith("لـ"):
        return False
    if k in named_tokens or doc.has_article(k):
        return True
    if ctx.word_has(k, "TITLE") or ctx.word_has(k, "DESC") or ctx.word_has(k, "DEMONYM"):
        return True
    return _construct_head(ctx, k)


def _construct_head(ctx: Context, k: int) -> bool:
    """Token k heads a construct, alone or coordinated, before a definite word (إمام وخطيب المسجد
    الحرام): a noun of the role, not a verb (يرافقون وزير الدفاع)."""
    doc = ctx.doc
    j = k
    while j < doc.n and j - k < MAX_CONSTRUCT and doc.joined(j):
        if VERB_SHAPE.match(doc.norms[j]) or ctx.word_has(j, "CUE") or doc.norms[j] in _PHRASE_ENDS:
            return False
        if doc.has_article(j + 1):
            return True
        if doc.norms[j + 1][:1] != "و":
            return False
        j += 1  # إمام وخطيب: a second noun coordinated with the first
    return False


def _honorific_before(ctx: Context, k: int) -> bool:
    """A one-word title (الدكتور، الشيخ، المهندس، اللواء) stands right before token k with only a
    space between, and no comma before it: a name it introduces, after a long role, is the role's
    holder."""
    doc = ctx.doc
    if k == 0 or not doc.joined(k - 1):
        return False
    title = ctx.longest(k - 1, "TITLE")
    if title is None or title.first != k - 1 or title.last != k - 1 or not doc.has_article(k - 1):
        return False
    return k < 2 or not doc.comma(k - 2)  # (… وزير خارجيتها، الشيخ خالد: after a comma, an apposition)


def holder_after(ctx: Context, last: int, persons_at: dict[int, Entity], named_tokens: set[int]) -> Entity | None:
    """The person mention that starts within MAX_GAP words after token ``last`` (the end of a role
    phrase), with no sentence mark, quotation mark, speech verb, complementizer or relative
    (_PHRASE_ENDS) before it: right after words that continue the phrase (_role_word), or after
    other words (its complements: عن فرض القانون في البلاد) when set off by commas on both sides
    or introduced by a title (… للناطقين بغيرها الدكتور عادل باناعمة), but never after "led by"
    (الحكومة الكندية بزعامة رئيس الوزراء ستيفن هاربر: the leader, not the phrase's holder)."""
    doc = ctx.doc
    loose = False  # a word no role phrase holds was passed: only a name set off by commas or titled may follow
    quoted = -1  # last token of a body's name in quotation marks being passed (باسم «مدن»)
    for k in range(last + 1, min(doc.n, last + 2 + MAX_GAP)):
        gap = doc.gap(k - 1)
        if not _BREAKS.isdisjoint(gap):
            return None
        if not _QUOTE_MARKS.isdisjoint(gap) and k - 1 != quoted:
            end = quoted_name_end(doc, k)
            if end is None:
                return None  # a quotation, not a name in marks (المتحدث الرسمي باسم «مدن» سامي الحسيني)
            quoted = end
        named = persons_at.get(k)
        if named is not None:
            set_off = doc.comma(k - 1) and named.last + 1 < doc.n and doc.comma(named.last)
            if loose and not set_off and not _honorific_before(ctx, k):
                return None  # (… بغيرها الدكتور عادل باناعمة: an honorific right before opens the name)
            return named
        if doc.norms[k] in _PHRASE_ENDS or doc.norms[k] in _LED_BY or ctx.word_has(k, "CUE"):
            return None
        if k > quoted and not _role_word(ctx, k, named_tokens):
            if doc.comma(k - 1) or doc.norms[k] in RELATION_NOUNS:
                return None  # (a comma and no name; a relative's phrase: زوجة الرئيس، بشار الأسد)
            if doc.norms[k] in _VERB_COMPLEMENTS and not (ctx.word_has(k - 1, "DESC") or ctx.word_has(k - 1, "TITLE")):
                return None  # أعلنت الرئاسة عن بدء …: the verb's complement (not المسؤولين عن فرض القانون)
            loose = True  # كبير المسؤولين عن فرض القانون في البلاد، زهاو كيجي،
    return None
