"""Descriptions given to named persons in one document, for speakers that only describe them.

A person is often introduced with a description no title list holds: after the name and a comma
(خديجة جنكيز، خطيبة الصحفي السعودي جمال خاشقجي), or right before it (محاميه بيتر كريستيانسين،
المستثمر الأمريكي جورج سوروس). A later speaker phrase with the same head noun (خطيبة خاشقجي،
محامي اللاعب البرتغالي، المستثمر العملاق) names that person when their other words do not
disagree: the nearest person so described earlier in the article, never one described later.
Called by linking.link_speakers for speakers nothing else resolved.
"""

from __future__ import annotations

from bisect import bisect_left

from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context
from khabar.records import Entity
from khabar.text import normalize

MAX_DESCRIPTION = 8  # words of a description after a name and a comma
MAX_BEFORE = 3  # words of a description right before a name (a noun and its adjectives)
_PRONOUNS = ("ها", "ه")  # a possessive pronoun on the head (محاميه، خطيبته)
_CLITICS = "وفلبك"  # proclitic letters
_ENDS = '،,.:؛;!?؟()"«»“”\n'  # marks that end a description


def _role_noun(ctx: Context, stem: str) -> bool:
    """``stem`` (a word without its clitics) is a title or a source noun of the lexicons."""
    slot = ctx.gaz.phrases.get(normalize("ال" + stem), {})
    return len(stem) >= 3 and ("TITLE" in slot or "DESC" in slot)


def _possessed_role(ctx: Context, word: str) -> str | None:
    """The role noun of a word made of a proclitic, the noun and a pronoun (لمدربه → مدرب)."""
    stem = word[: -2 if word.endswith("ها") else -1] if word.endswith(_PRONOUNS) else ""
    if stem[:1] and stem[0] in _CLITICS and _role_noun(ctx, stem[1:]):
        return normalize(stem[1:])
    return None


def _head(word: str) -> str:
    """A head noun as written, without the article or a possessive pronoun, ت of a feminine noun
    restored (الخطيبة، خطيبته → خطيبة; محاميه → محامي; محامية stays), in normalised spelling."""
    word = word.removeprefix("ال")
    for suffix in _PRONOUNS:
        if word.endswith("ت" + suffix):
            word = word[: -len(suffix) - 1] + "ة"
            break
    else:
        if word.endswith("يه") and len(word) > 4:
            word = word[:-1]  # محاميه → محامي
    return normalize(word)


def _complements(words: list[str]) -> frozenset[str]:
    """The words of a description after its head, without the article or function words."""
    return frozenset(w.removeprefix("ال") for w in words[1:] if w not in FUNCTION_WORDS and len(w) > 2)


class Descriptions:
    """(offset, head, complements, person mention) of each description, by head, in text order."""

    def __init__(self, ctx: Context, persons: list[Entity]) -> None:
        self._by_head: dict[str, list[tuple[int, frozenset[str], Entity]]] = {}
        doc = ctx.doc
        for e in sorted(persons, key=lambda e: e.start):
            for first, last in (_after(ctx, e), _before(ctx, e)):
                if first is None or last is None:
                    continue
                words = list(doc.norms[first : last + 1])
                head = _head(doc.words[first])
                if first == last == e.first - 1:
                    head = _possessed_role(ctx, doc.words[first]) or head  # لمدربه → مدرب
                if len(head) < 3 or head in FUNCTION_WORDS:
                    continue
                self._by_head.setdefault(head, []).append((e.start, _complements(words), e))

    def holder(self, ctx: Context, phrase: str, start: int) -> Entity | None:
        """The person described before offset ``start`` by a phrase with the head noun of the
        speaker ``phrase`` (as written) and no disagreeing words."""
        written = phrase.split()
        if not written or not _definite(ctx, written):
            return None  # مصدر في التحالف، مسؤولة: an anonymous source keeps its phrase
        found = self._by_head.get(_head(written[0]))
        if not found:
            return None
        own = _complements(normalize(phrase).split())
        for _offset, theirs, person in reversed(found[: bisect_left(found, (start,))]):
            if not own or not theirs or own & theirs:
                return person
        return None


def _definite(ctx: Context, written: list[str]) -> bool:
    """A definite phrase: its head has the article, a pronoun, or a genitive that is definite (a
    word with the article or a name: خطيبة خاشقجي، محامي اللاعب), not an indefinite source."""
    head = written[0]
    if head.startswith(("ال", "وال", "فال")) or head.endswith(_PRONOUNS) and len(head) > 4:
        return True
    if len(written) < 2:
        return False
    second, norm = written[1], normalize(written[1])
    if second.startswith("ال"):
        return True
    return norm not in FUNCTION_WORDS and norm not in ctx.gaz.common and not second.endswith(("ة", "ي", "ون", "ين"))


def _after(ctx: Context, e: Entity) -> tuple[int | None, int | None]:
    """The description after the person's name and a comma (جنكيز، خطيبة الصحفي …،): a noun
    phrase up to the next mark, complementizer or speech verb."""
    doc = ctx.doc
    k = e.last + 1
    if k < doc.n and doc.joined(e.last):
        return _construct_role_after(ctx, k)
    if k >= doc.n or doc.gap(e.last).strip() not in ("،", ","):
        return None, None
    if e.first > 0 and doc.gap(e.first - 1).strip() in ("،", ","):
        return (
            None,
            None,
        )  # الرئيس الأمريكي، دونالد ترامب، الحكومة السورية: the name is the apposition, the verb's object follows
    if doc.norms[k] in FUNCTION_WORDS or doc.norms[k] in COMPLEMENTIZERS or not ctx.is_arabic_word(k):
        return None, None
    rest = doc.norms[k][1:]
    if doc.words[k][:1] in _CLITICS and (rest in ctx.gaz.phrases or rest in ctx.gaz.common):
        return None, None  # ووزير التجارة، للترويج: a conjunction or a preposition opens no description
    if doc.words[k].startswith(("لل", "بال", "وال", "فال")):
        return None, None
    if k in ctx.by_first and ctx.longest(k, "ORG", "LOC", "PER", "ORG_TRIGGER", "LOC_TRIGGER") is not None:
        return None, None  # ترامب، الحكومة السورية …: a list of names or bodies, not a description
    last = k
    while last + 1 < doc.n and doc.joined(last):
        nxt = doc.norms[last + 1]
        if nxt in COMPLEMENTIZERS or nxt in FUNCTION_WORDS or ctx.word_has(last + 1, "CUE"):
            return (k, last) if last > k else (None, None)  # خطيبة الصحفي … جمال خاشقجي | من الرئيس
        if last - k + 1 >= MAX_DESCRIPTION:
            return None, None
        last += 1
    if last + 1 < doc.n and not any(c in _ENDS for c in doc.gap(last)):
        return None, None
    return (k, last) if last > k else (None, None)  # (one word after a comma: ربما، a list)


def _construct_role_after(ctx: Context, k: int) -> tuple[int | None, int | None]:
    """A bare title or source noun right after the name, heading a construct (نجم الدين كريم محافظ
    كركوك، بارتوميو رئيس نادي برشلونة): the person's role, up to the end of its genitive."""
    doc = ctx.doc
    if doc.has_article(k) or not (ctx.word_has(k, "TITLE") or ctx.word_has(k, "DESC")):
        return None, None
    if k + 1 >= doc.n or not doc.joined(k) or doc.norms[k + 1] in FUNCTION_WORDS:
        return None, None
    last = k + 1
    while last + 1 < doc.n and last - k + 1 < MAX_BEFORE + 1 and doc.joined(last) and doc.has_article(last + 1):
        last += 1
    return k, last


def _before(ctx: Context, e: Entity) -> tuple[int | None, int | None]:
    """The description right before the name, with no mark between (محاميه بيتر …، المستثمر
    الأمريكي جورج سوروس): a noun with a possessive pronoun, or a definite noun and its
    adjectives."""
    doc = ctx.doc
    k = e.first - 1
    if k < 0 or not doc.joined(k) or e.start > doc.starts[e.first]:
        return None, None
    norm, word = doc.norms[k], doc.words[k]
    if word.endswith(_PRONOUNS) and not doc.has_article(k) and norm not in FUNCTION_WORDS:
        stem = word[: -2 if word.endswith("ها") else -1]
        if stem[:1] in _CLITICS and _role_noun(ctx, stem[1:]):
            return k, k  # لمدربه مانويل بليجريني: a preposition, then the role with its pronoun
        if len(stem) < 4 or stem[:1] in _CLITICS:
            return None, None  # دخلها، وقال له: a verb or a preposition with its pronoun
        return k, k  # محاميه بيتر كريستيانسين، خطيبته خديجة
    if not doc.has_article(k):
        return None, None
    first = k
    while first - 1 >= 0 and e.first - first < MAX_BEFORE and doc.joined(first - 1) and doc.has_article(first - 1):
        first -= 1
    if not doc.has_article(first) or first == k or ctx.word_has(first, "TITLE"):
        return None, None  # (a title's holder is in the role book already; one noun may be the verb's object)
    if ctx.word_has(first, "ORG_TRIGGER") or ctx.word_has(first, "LOC_TRIGGER"):
        return None, None  # الشرطة البريطانية جورج …: a body, not a description of the person
    if first > 0 and doc.joined(first - 1) and not ctx.word_has(first - 1, "CUE"):
        return None, None  # في البرلمان الروسي ليونيد سلوتسكي: the end of a longer phrase, not its start
    return first, k
