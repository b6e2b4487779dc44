"""What every extractor reads: the Document, its lexicon matches, and word tests on tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence

from khabar.document import Document, Match, remember
from khabar.gazetteer import Gazetteer
from khabar.records import Entity

# Imperfect verbs (يعمل), Form X (استقدم), future verbs with a consonant after the prefix (سيقرر،
# ستكون; names such as ستيفن، ستيوارت، سيف have a long vowel or are too short, سيرغي ends in ي).
VERB_SHAPE = re.compile(r"^ي\w{3,}$|^است\w{3,}$|^س[يتن][^يوا]\w{1,3}[^ي]$")
_PRONOUN_SUFFIX = re.compile(r"\w{2,}(?:تها|تهم|تهما|يها|يهم|تنا|تكم)$")  # خارجيتها، حكومتنا
# plurals of people: مختصون، مسؤولون (participles), علماء، خبراء، أطباء (فعلاء، أفعلاء)
_PARTICIPLE_PLURAL = re.compile(r"^م\w{3,}ون$|^ا?\w{3}اء$")
# ف + a verb (فسيجد، فاحتسب، فاستقبل); ب/ك + the article + a noun in ة (كالصاعقة، بالمدينة);
# an accusative verbal noun of form IV or X (اظهارا، استقبالا)
_CLITIC_VERB_OR_NOUN = re.compile(
    r"^ف(?:س[يتن]\w{2,}|ا\w[تطد]\w\w|است\w{3,})$|^[وف]?[بك]ال\w{2,}ه$|^ا\w\wا\wا$|^است\w\wا\wا$"
)
# Read on the word as written (ة is not ه there): an attached pronoun (اكتشافه، ذكرها، سعيهما) or
# the indefinite accusative ending اً / short ا (محضرا، نفقا، مرجعا): nouns, not names.
_WRITTEN_NOT_NAME = re.compile(r"\w{2,}(?:(?<!ي)ه|ها|هما|هم|هن)|\w+اً")  # (…يه: أندريه، خوسيه)
_VERBAL_NOUN_II = re.compile(r"^ت\w\wي\w$")  # تعليم، تطوير، تنظيم (listed names such as توفيق pass)
SHORT_ACCUSATIVE = re.compile(r"\w{2,4}ا")  # نفقا، محضرا: not a first name (surnames: ماسا، لوا)
_MARKS_BUT_TANWIN = re.compile("[\u064c-\u065f\u0670\u0640]")


def not_a_name_shape(norm: str, first: bool, written: str = "") -> bool:
    """Word shapes that are not names unless a name list says so: imperfect verbs (يعمل، يلعب),
    words with a possessive suffix (خارجيتها، اكتشافه), indefinite accusatives (محضرا),
    ل + article (للجبهة), plural participles (مختصون), participles in ة (مسيئة), ف + a verb
    (فسيجد) and ب/ك + the article + a noun in ة (كالصاعقة)."""
    if VERB_SHAPE.match(norm) or _PRONOUN_SUFFIX.match(norm) or _PARTICIPLE_PLURAL.match(norm):
        return True
    if norm.startswith("لل") or _CLITIC_VERB_OR_NOUN.match(norm):
        return True
    if not written or norm.endswith("الله"):  # عطاء الله، فرج الله
        return False
    if written.endswith("ة") and norm.startswith("م") and len(norm) >= 5:
        return True  # مسيئة، مطمئنة: a participle in ة
    if first and _VERBAL_NOUN_II.match(norm):
        return True  # مدير تعليم الليث: a verbal noun (تفعيل) opens no name
    bare = _MARKS_BUT_TANWIN.sub("", written)
    return _WRITTEN_NOT_NAME.fullmatch(bare) is not None or (first and SHORT_ACCUSATIVE.fullmatch(bare) is not None)


BIG_CITY = 1_000_000  # GeoNames-only one-word names below this need a trigger
MINOR_POPULATION = 100_000  # smaller towns need cleaner evidence than capitals and countries


def minor_place(info) -> bool:
    population = info.get("population", "")
    return info.get("kind", "") == "city" and population.isdigit() and int(population) < MINOR_POPULATION


def weak_place_info(info) -> bool:
    """A place entry that is reported only after a trigger (مدينة، بلدة …): marked ambiguous, a
    small town, or a one-word name known only from GeoNames (a long tail of towns whose names are
    also people's names and common words: هورست، اندرسون)."""
    if info.get("ambiguous", "") == "1" or minor_place(info):
        return True
    return info.source.startswith("places_geonames.tsv") and int(info.get("population", "") or 0) < BIG_CITY


_LIGHT = str.maketrans("أإآىة", "ااايه")


def abd_compound(norm: str) -> bool:
    """``norm`` is عبد + a name written as one word (عبدالعزيز، عبدالرحمن، عبدالله)."""
    return norm.startswith("عبد") and len(norm) > 5


def normalized_words(words: str) -> frozenset[str]:
    """A closed word list written naturally, in the matching form (ى→ي, ة→ه, أإآ→ا)."""
    return frozenset(words.translate(_LIGHT).split())


# Closed-class words that never start or continue a name (small list: kept in code).
FUNCTION_WORDS = normalized_words(
    """في من الى على عن مع ان انه انها بان لان لا لم لن قد ما ماذا هذا هذه ذلك تلك هؤلاء الذي التي
    الذين اللذين اللتين كان كانت كانوا يكون تكون هو هي هم هما نحن انا انت بعد قبل خلال بين حول ضد
    عند منذ حتى او ام ثم لكن لكنه كما ايضا كل غير عبر لدى نحو امس اليوم غدا حيث اذا اذ لو وقد فقد
    لقد الا سوى دون مثل بينما عندما كيف اين متى لماذا هل يا اي اية بل ليس ليست مما عما فيما لما
    إلى لدى أمام وراء داخل خارج عبر تجاه بشأن بسبب إثر عقب لدى بالقول باسم باسمه باسمها باسمهم لصالح
    فيه فيها فيهم عليه عليها عليهم منه منها منهم له لها لهم عنه عنها عنهم إليه إليها أثناء بدون"""
)
# إن/أن/بأن and their pronoun forms: what follows is the content of a statement.
COMPLEMENTIZERS = normalized_words(
    "إن أن إنه أنه إنها أنها أنهم أنهما أنهن أننا أنني بأن بأنه بأنها بأنهم بأنهما بأننا وأن وأنه"
)


# Function words whose normalised form is also a name, with a test (surface, does the document
# write final ى at all?) that says "this is the function word": على (on) vs علي (Ali) — a text
# that never writes ى spells على as علي; إلى / الى (to) vs ألي (a name).
def _ali_is_preposition(ctx: Context, i: int) -> bool:
    """علي at token i is على (on) written without its ى: the text never writes ى, or a noun
    follows that a preposition governs and a name does not (علي الاطلاق، أكد علي تطلعه، المشرف
    العام علي كرة القدم، ردت علي بعنف، نقل علي لسانه). A function word, a verb, a listed name part
    or nothing after it leaves the name (وقال علي في بيان، الأمير علي يهاجم، علي عبد العال)."""
    doc = ctx.doc
    if doc.words[i].endswith("ى") or not ctx.writes_alef_maksura:
        return True
    if i + 1 >= doc.n or not doc.joined(i):
        return False
    if doc.has_article(i + 1):  # علي الاطلاق; but وقال علي القرة داغي، علي المزروعي: after قال
        # or before a nisba, the name
        return ctx.is_common(i + 1) or not (_after_saying(ctx, i) or _nisba_written(doc.words[i + 1]))
    nxt = doc.norms[i + 1]
    if nxt in FUNCTION_WORDS or nxt in COLLIDING_FUNCTION_WORDS or VERB_SHAPE.match(nxt) or ctx.known_name_part(i + 1):
        return False
    if ctx.word_has(i + 1, "CUE") or ctx.is_common(i + 1):
        return True  # علي أهمية، ردت علي قائلة، زادت علي شهر
    return not_a_name_shape(nxt, False, doc.words[i + 1])  # علي تطلعه، علي لسانه


# Speech verbs that take على as their complement (أكد على أهمية، شدد على، رد على، علق على):
# after the others (قال، أضاف، أوضح) a word علي opens the subject, the given name.
_TAKES_ALA = normalized_words("أكد شدد حث رد علق عقب اعترض حرص أثنى أصر وافق نص اتفق")


def _after_saying(ctx: Context, i: int) -> bool:
    """Token i follows a speech verb that does not govern على."""
    if i == 0 or not ctx.doc.joined(i - 1):
        return False
    cue = ctx.longest(i - 1, "CUE")
    return cue is not None and cue.last == i - 1 and cue.info("CUE").attr("lemma").translate(_LIGHT) not in _TAKES_ALA


def _nisba_written(word: str) -> bool:
    """ال + a word of four or more letters ending in ي as written (not ى, not ية): a family
    nisba (المزروعي، القرني) rather than what على governs (الاطلاق، المستوى، الصعيد)."""
    return len(word) >= 6 and word.endswith("ي") and not word.endswith(("وي", "اي"))


def _listed_person_word(ctx: Context, i: int) -> bool:
    return ctx.word_has(i, "PER") or ctx.word_has(i, "GIVEN")


COLLIDING_FUNCTION_WORDS = {
    "علي": _ali_is_preposition,
    "الي": lambda ctx, i: not ctx.doc.words[i].startswith("أ"),
    # مني (from me) vs منى (Mona): in a text that writes ى, مني with ي is the preposition unless a
    # listed person or given name follows (not a rare surname: سرق مني صحتي)
    "مني": lambda ctx, i: (
        ctx.writes_alef_maksura
        and ctx.doc.words[i].endswith("ي")
        and not (i + 1 < ctx.doc.n and ctx.doc.joined(i) and _listed_person_word(ctx, i + 1))  # مني مناوي
    ),
}
MIN_GIVEN_COUNT = 3  # given names rarer than this (in the source list) never start a name on their own
WESTERN_PARTICLES = normalized_words("فان فون دي دو دا")  # the name links of Western names (دا: da Silva)
NAME_LINKS = normalized_words("بن ابن بنت أبو أبي عبد آل ولد") | WESTERN_PARTICLES


NAME_LABELS = frozenset({"GIVEN", "SURNAME", "PER"})
# A word with one of these labels is no name part unless it is also a PER entry, and a given name
# that is also one of them (جبل، وادي: place triggers) does not start a name alone.
# Given names whose first letters ال are no article (إلياس written الياس, ألبرت, أليستر): they open
# a name like any other given name (عضو الأمانة العامة الياس الزغبي، قال اليستر بيرت)
# Pronoun-like honorifics that stand for a person named before (سموه، معاليه): never a name.
HONORIFIC_PRONOUNS = normalized_words(
    "سموه سموها معاليه معاليها سعادته سعادتها فخامته دولته سماحته جلالته عطوفته فضيلته فضيلتها"
)
# Nouns of kinship and relation (زوجة، خطيبة، والد): before a name they name someone else's
# relative (خطيبة خاشقجي), never a first name.
RELATION_NOUNS = normalized_words(
    "زوجة زوج والد والدة ابن ابنة نجل نجلة شقيق شقيقة عم عمة خال خالة جد جدة حفيد حفيدة أرملة خطيبة خطيب صديقة زميلة"
)
AL_GIVEN_NAMES = normalized_words("الياس اليستر البرت البير الكسندر اليكس الفريد اليسا اليزابيث الهام الطاف الاء")
NOT_NAME_LABELS = frozenset({"TITLE", "CUE", "DESC", "DEMONYM", "ORG_TRIGGER", "LOC_TRIGGER", "LOC", "ORG"})


class Context:
    """Per-document index of lexicon matches by first token, with word-class tests."""

    def __init__(self, doc: Document, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gazetteer
        # by_first: first token -> its matches; by_span: (first, last) -> the first such match;
        # by_label: label -> the matches carrying it (all in text order)
        self.matches, self.by_first, self.by_span, self.by_label = doc.scan_indexed(gazetteer)
        self.writes_alef_maksura = "ى" in doc.text
        self._word_set: frozenset[str] | None = None  # the document's words (used_as_noun)
        self._nouns: dict[str, bool] = {}  # word -> used_as_noun
        self.facts: dict[str, object] = {}  # per-document facts a rule computes once (clubs: sports text)
        # (the hot word tests below read these with one attribute look-up instead of two)
        self._words, self._norms, self._splits = doc.words, doc.norms, doc.splits
        self._phrases, self._word_has = gazetteer.phrases, gazetteer.word_has_cache

    def labelled(self, label: str) -> Sequence[Match]:
        """The matches carrying ``label``, in text order."""
        return self.by_label.get(label, ())

    def mention(self, label: str, first: int, last: int, source: str, start: int | None = None) -> Entity:
        """A rule's mention of tokens first..last (from ``start`` when proclitics are left out);
        its canonical name is its text with runs of spaces collapsed."""
        doc = self.doc
        start = doc.starts[first] if start is None else start
        text = doc.text[start : doc.ends[last]]
        return Entity(label, start, doc.ends[last], text, " ".join(text.split()), source, first, last)

    def entry_mention(self, label: str, info, first: int, last: int, start: int) -> Entity:
        """A mention of tokens first..last (from ``start``) matched to the lexicon entry ``info``:
        its canonical and ``known_as`` are the entry's name, its source the entry's file and line."""
        doc = self.doc
        text = doc.text[start : doc.ends[last]]
        return Entity(label, start, doc.ends[last], text, info.name, info.source, first, last, known_as=info.name)

    def behind_preposition(self, i: int, letters: tuple[str, ...]) -> bool:
        """Token i is one of the proclitics ``letters`` + a word the lexicons know (بتعطل، لموقع)."""
        doc = self.doc
        phrases = self.gaz.phrases
        return doc.norms[i][:1] in letters and any(s and phrases.get(stem) for s, stem in doc.splits[i])

    def has_match(self, first: int, last: int, label: str) -> bool:
        """Tokens first..last are a lexicon entry with ``label`` that is not marked ambiguous."""
        m = self.by_span.get((first, last))
        return m is not None and label in m.labels and m.info(label).get("ambiguous", "") != "1"

    def core(self, m: Match, label: str, trigger: str, demonyms: bool = True) -> tuple[int, int]:
        """Tokens of the name inside a lexicon match: a leading trigger word (حركة حماس، قطاع
        غزة) and, with ``demonyms``, trailing demonyms (حزب الله اللبناني، ليون الفرنسي) go when
        what remains is itself an entry (for an organization, a place name too: a club named after
        its city). A place entry keeps its adjective (الخليج العربي، الإمارات العربية)."""
        first, last = m.first, m.last
        kept = (label, "LOC") if label == "ORG" else (label,)
        while first < last and self.word_has(first, trigger) and self.has_match(first + 1, last, label):
            first += 1
        while demonyms and last > first and self.word_has(last, "DEMONYM"):
            if not any(self.has_match(first, last - 1, k) for k in kept):
                break
            last -= 1
        return first, last

    def longest(self, i: int, *labels: str) -> Match | None:
        """Longest match starting at token i carrying one of ``labels``."""
        matches = self.by_first.get(i)
        if not matches:
            return None
        best = None
        if len(labels) == 1:  # (most calls: one label, no inner loop)
            label = labels[0]
            for m in matches:
                if label in m.labels and (best is None or m.last > best.last):
                    best = m
            return best
        for m in matches:
            found = m.labels
            for label in labels:
                if label in found:
                    if best is None or m.last > best.last:
                        best = m
                    break
        return best

    def word_has(self, i: int, label: str) -> bool:
        """Token i alone (in any clitic reading) is a lexicon word with this label. The answer
        depends on the word alone (its readings come from its record): cached per word."""
        cache = self._word_has.get(label)
        if cache is None:
            cache = self._word_has[label] = {}
        word = self._words[i]
        found = cache.get(word)
        if found is None:
            phrases = self._phrases
            found = False
            for _, stem in self._splits[i]:
                slot = phrases.get(stem)
                if slot and label in slot:
                    found = True
                    break
            remember(cache, word, found)
        return found

    def is_common(self, i: int) -> bool:
        """A function word, a number, or a COMMON lexicon word (in any clitic reading)."""
        norm = self._norms[i]
        colliding = COLLIDING_FUNCTION_WORDS.get(norm)
        if colliding is not None:  # its COMMON entry is the function word's: the test decides
            return colliding(self, i)
        word = self._words[i]
        cached = self.gaz.common_cache.get(word)
        if cached is None:
            common = self.gaz.common
            readings = self.doc.splits[i]
            if norm in FUNCTION_WORDS or norm.isdigit() or norm in common:
                cached = True
            elif not NAME_LABELS.isdisjoint(self.gaz.phrases.get(norm, ())):
                cached = False  # كوفي is a name, not ك + وفي
            else:
                # (a stem of two letters behind two clitic letters is no word: فليك is no ف + ل + يك)
                cached = any(
                    stem in FUNCTION_WORDS or stem in common and (cut == 1 or len(stem) > 2)
                    for cut, stem in readings[1:]
                )
            remember(self.gaz.common_cache, word, cached)
        return cached

    def given_count(self, key: str, missing: int = 0) -> int:
        """How many people of the source list bear the given name ``key``: 0 when it is no given
        name, ``missing`` when its entry states no count."""
        slot = self.gaz.phrases.get(key, {})
        if "GIVEN" not in slot:
            return 0
        count = self.gaz.info(slot["GIVEN"]).get("count", str(missing))
        return int(count) if count.isdigit() else 0

    def frequent_given(self, key: str) -> bool:
        """``key`` is a given name carried by at least MIN_GIVEN_COUNT people in the source list
        (an entry without a count counts as frequent)."""
        cache = self.gaz.given_cache
        found = cache.get(key)
        if found is None:
            found = remember(cache, key, self.given_count(key, missing=99) >= MIN_GIVEN_COUNT)
        return found

    def frequent_given_word(self, i: int) -> bool:
        """Token i, as written or behind a proclitic (ومحمد), is a frequent given name."""
        for _, stem in self.doc.splits[i]:  # noqa: SIM110 (a loop, not any(): no generator frame)
            if self.frequent_given(stem):
                return True
        return False

    def starts_given_name(self, i: int, key: str) -> bool:
        """Token i (read as ``key``) is a frequent given name, not also a common word or place/org."""
        cache = self.gaz.opener_cache  # key -> no place/org/word label and a frequent given name
        opens = cache.get(key)
        if opens is None:
            blocked = not NOT_NAME_LABELS.isdisjoint(self.gaz.phrases.get(key, ()))
            opens = remember(cache, key, not blocked and self.frequent_given(key))
        return opens and not self.is_common(i)

    def known_name_part(self, i: int) -> bool:
        """Token i is a given name, surname or person name in the lexicons (or a name link)."""
        norm = self._norms[i]
        if norm in NAME_LINKS:
            return True
        slot = self._phrases.get(norm)
        return slot is not None and not NAME_LABELS.isdisjoint(slot)

    def name_after_clitic(self, i: int, letters: tuple[str, ...]) -> int | None:
        """Where the name in token i starts when the token is one of the proclitics ``letters`` +
        a listed name and no name itself (وميشيل، بإيفانكا، والطيب), else None. A plain alef after و
        is the name's own (وارين، والتر): a name after the conjunction is written with its hamza
        (وأحمد), or it is the article of a listed name (والطيب صالح)."""
        doc = self.doc
        word = doc.words[i]
        if doc.norms[i][:1] not in letters or self.known_name_part(i) or word[1:2] == "ا" and word[1:3] != "ال":
            return None
        for stripped, stem in doc.splits[i][1:2]:
            if not NAME_LABELS.isdisjoint(self.gaz.phrases.get(stem, ())):
                return doc.span_start(i, stripped)
        return None

    def used_as_noun(self, i: int) -> bool:
        """Token i, a word no name list holds, is written elsewhere in the document with the
        article (برنامجا … البرنامج، شنت … الشنت): a common noun there, so no name here. Names
        that the lists do not hold (كوسبي، زامبولي) never take the article."""
        norm = self.doc.norms[i]
        found = self._nouns.get(norm)  # (the answer depends on the word alone: once per document)
        if found is None:
            found = self._nouns[norm] = not self.known_name_part(i) and self._with_article(norm)
        return found

    def word_set(self) -> frozenset[str]:
        """The document's distinct words (normalised), made once."""
        words = self._word_set
        if words is None:
            words = self._word_set = frozenset(self.doc.norms)
        return words

    def _with_article(self, norm: str) -> bool:
        words = self._word_set
        if words is None:
            words = self.word_set()
        for p in _ARTICLE_PREFIXES:  # (a loop, not any(): no generator frame)
            if p + norm in words:
                return True
        if norm.endswith("ا") and len(norm) > 3:
            bare = norm[:-1]
            for p in _ARTICLE_PREFIXES:
                if p + bare in words:
                    return True
        return False

    def weak_place(self, key: str) -> bool:
        """The one-word place entry ``key`` is reported only after a trigger (see weak_place_info)."""
        cache = self.gaz.weak_cache
        weak = cache.get(key)
        if weak is None:
            slot = self.gaz.phrases.get(key)
            weak = cache[key] = bool(slot) and "LOC" in slot and weak_place_info(self.gaz.info(slot["LOC"]))
        return weak

    def firm_place_or_org(self, i: int) -> Match | None:
        """The longest LOC/ORG match at token i, unless it is only a weak one-word place."""
        if i not in self.by_first:
            return None  # (most tokens start no match: no call)
        m = self.longest(i, "LOC", "ORG")
        if m is not None and "ORG" not in m.labels and m.first == m.last and self.weak_place(m.key):
            return None
        return m

    def is_arabic_word(self, i: int) -> bool:
        w = self.doc.norms[i]
        return bool(w) and "\u0621" <= w[0] <= "\u064a"

    def name_like(self, i: int, first: bool) -> bool:
        """Could token i be part of a person's name (first: may it start one)? The answer depends
        on the word alone (so it is cached per word), except for على/إلى written as علي/الي."""
        doc = self.doc
        if i >= doc.n:
            return False
        cache = self.gaz.name_like_cache[first]
        word = doc.words[i]
        found = cache.get(word)
        if found is None:
            found = self._name_like(i, first)
            if doc.norms[i] not in COLLIDING_FUNCTION_WORDS:
                remember(cache, word, found)
        return found

    def _name_like(self, i: int, first: bool) -> bool:
        doc = self.doc
        if not self.is_arabic_word(i) or len(doc.norms[i]) < 2:
            return False
        norm = doc.norms[i]
        if not norm.isalpha() or self.is_common(i):
            return False  # (و5900, من12: a number with a clitic)
        slot = self.gaz.phrases.get(norm, {})
        blocking = NOT_NAME_LABELS.intersection(slot) if slot else ()
        if blocking == {"LOC"} and self.weak_place(norm):
            blocking = set()  # هورست، اندرسون: small towns share their names with people
        if blocking:
            return "PER" in slot
        if not self.known_name_part(i) and not_a_name_shape(norm, first, doc.words[i]):
            return False
        if norm.startswith(("بال", "وبال", "فبال", "كال")) and not self.known_name_part(i):
            stem = "ال" + norm.split("ال", 1)[1]
            if stem in self.gaz.phrases:
                return False  # بالنادي، وبالمملكة: a preposition and a known definite noun
        if doc.has_article(i) and norm not in NAME_LINKS and norm not in AL_GIVEN_NAMES:
            return not first  # al- family names (البرادعي) continue a name, never start one
        # اختصاصي، مفوضة: a title listed with the article, written bare (not ليدي of ليدي غاغا)
        return self.known_name_part(i) or not self.bare_title(i) or self.gaz.first_len.get(norm, 0) > 1

    def bare_titles(self) -> frozenset[str]:
        """The words that read as a bare title (bare_title): a one-word TITLE key with the article,
        without it, when that word is no given name or person. Made once per lexicon."""
        gaz = self.gaz
        found = gaz.bare_title_words
        if found is None:
            phrases = gaz.phrases
            found = frozenset(
                key[2:]
                for key, slot in phrases.items()
                if "TITLE" in slot and key[:2] == "ال" and " " not in key
                if "GIVEN" not in phrases.get(key[2:], ()) and "PER" not in phrases.get(key[2:], ())
            )
            gaz.bare_title_words = found
        return found

    def bare_title(self, i: int) -> bool:
        """Token i is a title the lexicon lists with the article (المفوضة، الاختصاصي), written
        bare as the head of a construct (مفوضة شؤون المنافسة), and no given name (not سلطان، رائد)."""
        return self.doc.norms[i] in self.bare_titles()


_ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")
