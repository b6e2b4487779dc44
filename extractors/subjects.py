"""Subjects: the noun phrase a speech cue attributes its quote to, read from the words after
(or right before) the cue and resolved to a canonical name.

Tried in order at the subject position: a resolved entity, a title phrase (linked to the person
it introduced in this document), an unnamed source (مسؤول أميركي → DESC; المسؤولان → the last
source with the same stem), a document and its issuer, then a short noun phrase up to the
complementizer. The one told (لـ«عكاظ») and adverbials before the subject are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache

from khabar import text as textmod
from khabar.document import Match
from khabar.extractors.appositions import definite_behind, unknown_name_word, unlisted_name
from khabar.extractors.context import (
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    HONORIFIC_PRONOUNS,
    NAME_LINKS,
    Context,
    normalized_words,
)
from khabar.extractors.name_runs import (
    ADVERBS,
    PURPOSE_NOUN,
    ROLE_MODIFIERS,
    accusative_participle,
    blessing_at,
    conjoined,
    name_run,
    skip_modifiers,
    title_phrase,
)
from khabar.extractors.organizations import CLAUSE_WORDS
from khabar.extractors.places import trigger_name_end
from khabar.extractors.quotemarks import OPENING_MARKS
from khabar.extractors.roles import MAX_ROLE, role_book
from khabar.extractors.source_phrases import (
    GENITIVE_MOST,
    SAYING,
    SKIP_BEFORE_SUBJECT,
    TO_OUTLET_WORDS,
    adjective,
    after_adjectives,
    genitive_end,
    in_statement,
)
from khabar.extractors.source_phrases import (
    POSSESSED as _POSSESSED,
)
from khabar.extractors.subject_names import CALLED_NORMS, PHRASE_GAP, POSSESSED, firm_name_part, possessed
from khabar.records import Entity, Span, Speaker

MAX_NP = 5
MIN_SUBJECT_LETTERS = 3
ACCORDING = normalized_words("وفقا وفقاً بحسب حسب نقلا نقلاً طبقا طبقاً")
# Documents that "say" what their issuer says: resolved to the issuer named beside them.
DOCUMENT_NOUNS = normalized_words("البيان التقرير الدراسة الرسالة المذكرة الوثيقة الإعلان التعميم")
PREPOSITIONS = normalized_words("في على عن من إلى مع عبر لدى حول ضد عند بعد قبل خلال منذ عقب وسط إثر رغم ضمن أمام")
DOCUMENT_HEADS = frozenset(w.removeprefix("ال") for w in DOCUMENT_NOUNS)  # بيان X، تقرير X
MAX_ISSUER_LOOKBACK = 600  # tokens back to the document word's first mention
ISSUED = normalized_words("صادر صادرة الصادر الصادرة")  # بيان صادر عن …
_WHICH = normalized_words("الذي التي")
_CAME_OUT = normalized_words("صدر صدرت")  # التقرير الذي صدر عن …
ISSUER_WINDOW = 6  # tokens around it where the issuer is named
MAX_APPOSITION = 6  # words of "، نجم تشيلسي السابق،" between a subject and its verb
# Nouns that bear a name in quotation marks as speakers (موقع «ليبيا المستقبل»، تقرير "تي إم زد").
_BEARERS = normalized_words("موقع صحيفة قناة وكالة شبكة مجلة إذاعة تلفزيون برنامج مشروع حساب تقرير دراسة بيانات")
MAX_LONG_ROLE = 16  # tokens from a role's head to its holder's name (a long role, _distant_holder)
_COMPANY = normalized_words("مع خلال اثناء لدى عند بين امام قبل بعد حول بشأن")  # not inside a role phrase
_ROLE_PREPOSITIONS = normalized_words("على عن في من لدى")  # inside a role phrase (المشرف على، مسؤول عن)
# محللون، مسؤولان: a sound plural or dual keeps its nun only out of construct (not سكان)
_SOUND_PLURAL = re.compile(r"^.{3,}(?:ون|ين|ان)$")
_OF_NEWS = normalized_words("للأنباء للانباء")  # وكالة X للأنباء
_SOURCE_PLACE = normalized_words("في من داخل")  # مسؤولون في …، مصادر داخل …
# Adjectives and participles that take a preposition, and that preposition (normalised): a source
# phrase ending in one runs over its complement (مسؤول في الجيش الموالي للحكومة، مصدر مطلع على …)
_GOVERNING = {
    **dict.fromkeys(normalized_words("موال الموالي موالية الموالية الموالين موالون التابع التابعة"), "ل"),
    **dict.fromkeys(normalized_words("مطلع مطلعة المطلع المطلعة مطلعون مطلعين المطلعين"), "علي"),
    **dict.fromkeys(normalized_words("مقرب مقربة المقرب المقربة مقربون مقربين المقربين قريب قريبة"), "من"),
    **dict.fromkeys(normalized_words("المسؤول المسؤولة"), "عن"),
}
_NEAR = normalized_words("قريب قريبة قريبون مقرب مقربة مقربون")  # kept with their من + body only
_TRUSTED = normalized_words("موثوق موثوقة موثوقون")  # + به/بها/بهم: "trusted", its pronoun kept
_TRUSTED_PRONOUNS = normalized_words("به بها بهم بهما")
SOURCE_QUALIFIERS = normalized_words(
    "مسؤول مسؤولة مسؤولون مطلع مطلعة مطلعون رفيع رفيعة رفيعو كبير كبار بارز آخر أخرى آخرون آخرين ثان ثاني "
    "ثالث قريب قريبة قريبون مقرب مقربة مقربون موثوق موثوقة خاص خاصة مختلفة مختلف عديدة عدة"
)
QUANTIFIERS = normalized_words(
    "عدد بعض أحد احد إحدى احدى كثير كثيرون معظم غالبية أغلب مجموعة أكثر أقل"
)  # + من + a group (أكثر من نصف المشاركين)
# الأمين العام، الرئيس الحالي، لواء أول: adjectives of a role, not dates
_IN_ROLES = normalized_words("العام الحالي أول")
# Adverbs that may stand right after a speech verb and never speak (قالت سابقا إن، أكد أيضا أن)
_YEAR_WORDS = normalized_words("عام العام سنة السنة")
_NEVER_SUBJECT = normalized_words("سابقا سابقاً لاحقا لاحقاً مؤخرا مؤخراً حاليا حالياً أيضا أيضاً مجددا مجدداً كذلك")
# وقال وهو يبتسم: a circumstantial clause (و + a pronoun) after the verb; the subject is left implied
_NEVER_SUBJECT |= normalized_words("وهو وهي وهم وهن وهما")
# Relational nouns: their genitive is whom they relate to, and a name after it is that person's, not
# the speaker's (زوجة الرئيس السوري بشار الأسد، والد السجين عزمي نفاع، أحد أقارب الشهيد عبدالله)
_RELATIONAL = normalized_words(
    """والد والدة أب أم ابن ابنة نجل نجلة زوج زوجة أرملة شقيق شقيقة أخ أخت خطيب خطيبة عم عمة خال خالة
    جد جدة حفيد حفيدة صديق صديقة أصدقاء أقارب أقرباء أبناء بنات أشقاء أسرة عائلة ذوو ذوي أهل محامي
    محامية محامو شريك شريكة زميل زميلة رفيق رفيقة"""
)
_OTHER = normalized_words("آخر أخرى آخرون آخرين")  # ناج آخر يدعى …
RELATIVES = normalized_words("الذي التي الذين")
IN_IT = normalized_words("فيه فيها")  # قال فيها: "said in it" (a tweet, a statement)
_TOLD_OPENERS = OPENING_MARKS + "("  # وقال لـ«عكاظ»، لـ(اليوم): the outlet told, in marks or brackets
_TOLD_CLOSERS = '»”")'
# News outlets named bare after a speaker, as the ones told (لبي بي سي، لرويترز): facts, not grammar
_OUTLETS = ("بي بي سي", "سي إن إن", "سي ان ان", "CNN", "BBC", "رويترز", "فرانس برس", "أسوشيتد برس", "الجزيرة")


@cache
def _outlet_names() -> frozenset[str]:
    """_OUTLETS in the matching form (made on first use: normalising loads its table)."""
    return frozenset(textmod.normalize(n) for n in _OUTLETS)


_AUDIENCE = normalized_words("للصحفيين للصحافيين للصحافة للإعلاميين للمراسلين")  # the ones told, alone
# "… لوكالة الأنباء", "للصحفيين": who the role holder spoke to, not part of the role.
_TOLD_DEFINITE = normalized_words(
    "للصحيفة للوكالة للقناة للموقع للمجلة للشبكة للنواب للجزيرة للعربية للشرق للحياة للوطن للرياض للمدينة للأهرام"
)  # outlets and people told (قال الوزير للصحيفة)
# ل + a verbal noun (لإدارة، لتنظيم: name_runs.PURPOSE_NOUN) or of the form مفاعلة (لمكافحة)
_PURPOSE = re.compile(r"^لم\w{1,2}ا\w\w?ه$|" + PURPOSE_NOUN.pattern)
_TO_MEDIA = TO_OUTLET_WORDS | normalized_words("للصحفيين للصحافيين للصحافة للتلفزيون للإذاعة")


# Definite triggers whose bodies are mostly named without them (فيسبوك، رايان أير: الشركة), read
# as the nearest earlier body named bare, within _BARE_BODY_REACH characters.
_BARE_NAMED_BODIES = normalized_words("الشركة")
_TRIGGER_REACH = 600  # tokens back to the writing of a body that a definite trigger stands for
_BARE_BODY_REACH = 600


class SpeakerFinder:
    """Resolves subjects within one document; remembers sources for anaphora (المسؤولان)."""

    def __init__(
        self, ctx: Context, entities: list[Entity], titled: list[tuple[Entity, str, str]], opening: int
    ) -> None:
        self.ctx = ctx
        spoken = [e for e in entities if e.start >= opening]  # a dateline's names never speak
        self.by_token = {e.first: e for e in spoken}
        self.by_last = {e.last: e for e in spoken}
        self.named = [e for e in spoken if e.label in ("ORG", "PER")]  # persons and bodies, in text order
        firsts = [e.first for e in self.named]
        # their first tokens, for bisect (lookups near a cue stay local: per-document cost linear)
        self._named_firsts = firsts if all(a <= b for a, b in zip(firsts, firsts[1:], strict=False)) else None
        self.people = [e for e in spoken if e.label == "PER"]
        self.by_surname: dict[str, list[Entity]] = {}  # last word of a longer name → its mentions
        for e in self.people:
            if e.last > e.first:
                self.by_surname.setdefault(ctx.doc.norms[e.last], []).append(e)
        self.roles = role_book(ctx, titled, entities)
        self._sources: _MatchIndex | None = None  # (_earlier_source)
        self._spokes: _MatchIndex | None = None  # (_earlier_spokesperson)
        self._beside: dict[tuple, tuple[int, str | None]] = {}  # role → (tokens read up to, holder)
        self._by_stem: _MatchIndex | None = None  # (_antecedent)
        self._object_next = False  # the verb of the subject being read takes a direct object
        self._issuers: dict[str, tuple[int, Entity | None, int]] = {}  # word → (read up to, issuer, at)

    def subject_start(self, i: int) -> int:
        """First token of the subject after token i: adverbials (اليوم، أمس، بدوره) and the one
        told (لـ«عكاظ»، لـ CNN، لوكالة الأنباء الألمانية) come before it."""
        doc = self.ctx.doc
        while i < doc.n:
            if doc.norms[i] in SKIP_BEFORE_SUBJECT or self._ben(i):
                i += 1
                continue
            blessing = blessing_at(doc, i)
            if blessing:
                i += blessing
                continue  # يقول رحمه الله "…": a blessing of the one named before, no subject
            told = self._told_end(i)
            if told is None:
                break
            i = told + 1
        return i

    def _ben(self, i: int) -> bool:
        """بين right before a person named alone is the given name Ben (وقال بين ستانتون، المحلل …),
        not "between", which takes two (بين ترامب وأوباما)."""
        doc = self.ctx.doc
        if doc.norms[i] != "بين" or i + 1 >= doc.n or not doc.joined(i):
            return False
        person = self.by_token.get(i + 1)
        if person is None or person.label != "PER" or person.last + 1 >= doc.n:
            return False
        return not (doc.joined(person.last) and doc.norms[person.last + 1][:1] == "و")

    def _told_end(self, i: int) -> int | None:
        """Last token of "to the newspaper" at token i (وقال لـ«عكاظ» مدير …، أكد ل"الرياض" الشيخ …،
        لـ(اليوم)، لـ CNN، لوكالة الأنباء الألمانية), or None."""
        doc = self.ctx.doc
        if doc.norms[i] == "ل" and i + 1 < doc.n:
            if _told_mark(doc, i):
                for j in range(i + 1, min(doc.n, i + 1 + MAX_QUOTED_NAME)):
                    closed = doc.gap(j).strip()
                    if closed and closed[0] in _TOLD_CLOSERS:
                        return j
                return None
            return i + 1 if not self.ctx.is_arabic_word(i + 1) else None
        ent = self.by_token.get(i)
        if doc.norms[i][:1] == "ل" and ent is not None and ent.label == "ORG" and ent.start > doc.starts[i]:
            return self._outlet_tail(ent.last)  # لوكالة الأنباء الألمانية، لصحيفة الرياض
        if doc.norms[i] in _AUDIENCE:
            return i  # قال للصحفيين: the ones told, then the subject (or none: it is implied)
        if doc.norms[i] in _TO_MEDIA and i + 1 < doc.n:
            outlet = self.by_token.get(i + 1)
            if outlet is not None and outlet.label == "ORG" and doc.joined(i):
                return self._outlet_tail(outlet.last)  # قالت لصحيفة نيويورك تايمز: the paper told
            return quoted_name_end(doc, i + 1)  # قال لصحيفة «عكاظ»
        return None

    def _outlet_tail(self, last: int) -> int:
        """An outlet's name extended over what describes it (لشبكة فوكس نيوز الإخبارية، لوكالة
        أسوشيتد برس للأنباء)."""
        doc = self.ctx.doc
        last = after_adjectives(self.ctx, last, until=last + 2)
        if last + 1 < doc.n and doc.joined(last) and doc.norms[last + 1] in _OF_NEWS:
            last += 1
        return last

    def _named_basim(self, j: int, m) -> bool:
        """باسم at token j after a role that already has its complement, before no body or
        definite noun (رئيس بعثة الفريق باسم أبوداود): the given name Basim, not "on behalf of"."""
        doc = self.ctx.doc
        if doc.norms[j] != "باسم" or j <= m.last + 1 or j + 1 >= doc.n or not doc.joined(j):
            return False
        if doc.has_article(j + 1) or self.ctx.longest(j + 1, "ORG", "LOC", "TITLE", "DESC"):
            return False
        return self.ctx.name_like(j + 1, first=False) and not self.ctx.is_common(j + 1)

    def _told_outlet(self, j: int) -> bool:
        """Token j is ل + a news outlet in quotation marks (لـ"الوطن") or named bare (لبي بي سي،
        لرويترز): whom the speaker told, after a role (not لصحة مكة: a body the role serves)."""
        if self.ctx.doc.norms[j] == "ل":
            return _told_mark(self.ctx.doc, j)
        ent = self.by_token.get(j)
        return ent is not None and ent.label == "ORG" and textmod.normalize(ent.canonical) in _outlet_names()

    def at(
        self, i: int, gender: str, named_only: bool = False, object_next: bool = False
    ) -> tuple[Speaker, int] | None:
        """The speaker whose mention starts at token i, with its last token; None if implied.

        ``named_only``: an entity, title or source noun, not any noun phrase. ``object_next``: the
        verb takes a direct object, so a noun right after a source noun is that object, not its
        genitive (أبلغ مسؤول الصحفيين).
        """
        ctx, doc = self.ctx, self.ctx.doc
        if i >= doc.n:
            return None
        self._object_next = object_next  # (read by _role_end: the verb's object may follow the role)
        ent = self.by_token.get(i)
        if ent is not None:
            role = self.roles.role_of(ent.canonical, doc.starts[i]) if ent.label == "PER" else None
            return Speaker(Span(ent.text, ent.start, ent.end), ent.label, ent.canonical, gender, role=role), ent.last
        if doc.words[i].endswith(("\u064e", "\u064b")):
            return None  # الشبابَ السعودي: a noun marked accusative is an object, not the subject
        if doc.norms[i] in _NEVER_SUBJECT or doc.norms[i] in ACCORDING or self._time_phrase(i):
            return None  # وكانت الولايات المتحدة قالت سابقا إن، قالت وفقا لما ترجمته: an adverb
        if self._our_source(i):  # وقال مراسلنا: the outlet's own source, as written
            return Speaker(self._span(doc.starts[i], i), "DESC", doc.words[i], gender), i
        if accusative_participle(ctx, i):
            return None  # وتساءل مستنكرا: "…"، وقال متحدثا لـ…: the manner of saying, not who says it
        named = self._surname(i)
        if named is not None:
            return Speaker(self._span(doc.starts[i], i), "PER", named.canonical, gender), i
        named = self._son_of(i)
        if named is not None:  # وأضاف ابن زومه: راشد بن زومه
            return Speaker(self._span(doc.starts[i], i + 1), "PER", named.canonical, gender), i + 1
        if doc.norms[i] in HONORIFIC_PRONOUNS:
            return self._honorific(i, gender), i
        sacred = _sacred_formula(doc, i)
        if sacred is not None:  # قال تعالى، قال صلى الله عليه وسلم: scripture, who is named by the formula
            canonical, last = sacred
            return Speaker(self._span(doc.starts[i], last), "PER", canonical, gender), last
        title = ctx.longest(i, "TITLE")
        if title is not None:
            found = self._title(title, gender)
            unresolved = found is not None and (found[0].label == "DESC" or found[0].canonical == found[0].role)
            return self._called(found, gender) if unresolved else found  # المتحدث باسم الجبهة ويدعى حمزة
        if doc.norms[i] in DOCUMENT_HEADS and i + 1 < doc.n and doc.joined(i):
            issuer = self._issued_by(i, gender)  # بيان الخارجية السعودية، بيان للجيش، بيان صادر عن …
            if issuer is not None:
                sp, last = issuer
                return Speaker(self._span(doc.starts[i], last), sp.label, sp.canonical, gender), last
        if doc.norms[i] in DOCUMENT_NOUNS:
            # التقرير الـ 51 لمؤسسة النقد، التقرير الذي صدر عن المؤسسة: the issuer after the number
            # or the relative clause
            numbered = self._ordinal_end(i)
            if numbered + 3 < doc.n and doc.norms[numbered + 1] in _WHICH and doc.norms[numbered + 2] in _CAME_OUT:
                numbered += 3 if doc.norms[numbered + 3] in ("عن", "من") else 0
            issued = self._issued_by(numbered, gender) if numbered > i and numbered + 1 < doc.n else None
            if issued is not None:
                sp, last = issued
                return Speaker(self._span(doc.starts[i], last), sp.label, sp.canonical, gender), last
            issuer = self._issuer(i)
            if issuer is not None:
                return Speaker(self._span(doc.starts[i], i), issuer.label, issuer.canonical, gender), i
        desc = ctx.longest(i, "DESC")
        if desc is not None and desc.stripped and doc.norms[i][:1] in ("ل", "ب"):
            return None  # تقول للمسؤول: the one spoken to
        if desc is not None:
            found = self._role_holder(desc, gender) or self._desc(desc, gender, genitive=not object_next)
            return self._called(found, gender) if found is not None and found[0].label == "DESC" else found
        if ctx.word_has(i, "ORG_TRIGGER") and not doc.has_article(i):
            return self._org_phrase(i, gender)  # وكالة الأنباء الإماراتية: a body named by its trigger
        if doc.has_article(i) and i + 1 < doc.n and doc.joined(i) and ctx.word_has(i + 1, "DEMONYM"):
            org = self._definite_trigger(i, written=False)  # الوكالة الأمريكية: the agency named before
            body = self._body(i, gender)  # المخابرات التركية: a described body
            return (Speaker(body[0].span, "ORG", org, gender), body[1]) if org is not None else body
        if named_only:
            return None
        found = self._noun_phrase(i, gender)
        return self._called(found, gender) if found is not None else None

    def _our_source(self, i: int) -> bool:
        """Token i is a source noun with "our" attached (مراسلنا، مصادرنا), not a participle in م…ا."""
        norm = self.ctx.doc.norms[i]
        slot = self.ctx.gaz.phrases.get(norm[:-2], {}) if norm.endswith("نا") else {}
        return "DESC" in slot or "TITLE" in slot

    def _called(self, found: tuple[Speaker, int], gender: str) -> tuple[Speaker, int]:
        """A described subject followed by يدعى + a name (ناج آخر يدعى وائل فرجاني، المتحدث باسم
        الجبهة ويدعى القارئ حمزة): the named person speaks, the description is the role."""
        doc = self.ctx.doc
        desc, last = found
        k = last + 1
        if k + 1 < doc.n and doc.norms[k] in _OTHER and doc.joined(last):
            last, k = k, k + 1  # ناج آخر يدعى
        if k + 1 >= doc.n or doc.norms[k] not in CALLED_NORMS or not doc.joined(last) or not doc.joined(k):
            return found
        ent = self.by_token.get(k + 1)
        if ent is None or ent.label != "PER":
            title = self.ctx.longest(k + 1, "TITLE")
            after = title.last + 1 if title is not None else k + 2 if doc.has_article(k + 1) else None
            ent = self.by_token.get(after) if after is not None else None  # يدعى القارئ حمزة
        if ent is None or ent.label != "PER":
            return found
        role = " ".join(doc.text[desc.span.start : doc.ends[last]].split()) if desc.span else desc.canonical
        return Speaker(Span(ent.text, ent.start, ent.end), "PER", ent.canonical, gender, role=role), ent.last

    def _issued_by(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        """The issuer named right after the document word at token i: بيان الخارجية السعودية،
        بيان لوزارة الدفاع، بيان للجيش الإسرائيلي، بيان صادر عن القوات الأمريكية."""
        doc = self.ctx.doc
        j = i + 1
        if doc.norms[j] in ISSUED and j + 2 < doc.n and doc.joined(j) and doc.norms[j + 1] in ("عن", "من"):
            j += 2
        issuer = self.at(j, gender, named_only=True)
        whole = self.ctx.gaz.phrases.get(doc.norms[j], {})  # لجنة، بلدية: a word of its own, no ل/ب behind it
        if issuer is not None and (not doc.words[j].startswith(("ل", "ب")) or "ORG_TRIGGER" in whole):
            return issuer
        org = self._definite_trigger(j) if issuer is None else None
        if org is not None:
            return Speaker(self._span(doc.starts[j], j), "ORG", org, gender), j  # بيان صادر عن الوزارة
        if issuer is None and doc.norms[j][:1] != "ل":
            return None
        body = doc.norms[j][1:]  # لوزارة، للجيش (لل = ل + ال)
        body = "ال" + body[1:] if body.startswith("ل") else body
        if issuer is not None:
            sp, last = issuer
            if sp.canonical != self._span(doc.starts[j], last).text:
                return issuer  # an entity's own canonical name
        elif not body.startswith("ال") or not (
            self.ctx.gaz.phrases.get(body) or (doc.joined(j) and self.ctx.word_has(j + 1, "DEMONYM"))
        ):
            return None  # بيان للقوات الأمريكية: a described body; not بيان لها، بيان للرد
        last = after_adjectives(self.ctx, j, until=j + MAX_NP)
        written = doc.words[j][1:]  # as the article spells it (للجمعية → الجمعية)
        written = "ا" + written if written.startswith("ل") else written
        words = [written] + doc.words[j + 1 : last + 1]
        label = issuer[0].label if issuer is not None else "DESC"
        return Speaker(self._span(doc.starts[j], last), label, " ".join(words), gender), last

    def _body(self, i: int, gender: str) -> tuple[Speaker, int]:
        doc = self.ctx.doc
        last = after_adjectives(self.ctx, i, until=i + MAX_NP)
        if last + 1 < doc.n and doc.joined(last) and doc.norms[last + 1] in ROLE_MODIFIERS:
            last += 1  # العسكري الفرنسي السابق: a former one is a person, and "former" is part of it
        last = self._governed_complement(last)  # الداخلية التابعة لحماس
        span = self._span(doc.starts[i], last)
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last

    def before(self, cue_tok: int, gender: str, subj: int = -1) -> tuple[Speaker, int] | None:
        """A person or organization right before the cue, in the same phrase (subject-verb order),
        or before an apposition between commas (غير أن فرانك لامبارد، نجم تشيلسي السابق، وصف …)."""
        if cue_tok == 0:
            return None
        doc = self.ctx.doc
        end = cue_tok - 1
        if not doc.joined(end) and (self.by_token.get(subj) or self.ctx.longest(subj, "TITLE", "DESC")):
            return None  # …، قال كلوب: the subject follows the verb
        named = self.by_last.get(end)
        if not doc.joined(end) and not (named is not None and named.label == "PER" and "،" in doc.gap(end)):
            end = self._apposition_start(end)  # (الدور، هيذر نوريت، قالت: the name itself is the subject)
            if end is None:
                return None
        ent = self.by_last.get(end)
        if ent is None or ent.label not in ("PER", "ORG", "LOC"):
            return None
        if ent.label == "LOC" and (ent.first == 0 or doc.norms[ent.first - 1] not in COMPLEMENTIZERS):
            return None  # a country speaks only as the subject of its clause: أن الولايات المتحدة ترى
        if ent.first > 0 and doc.joined(ent.first - 1) and doc.norms[ent.first - 1] in PREPOSITIONS:
            return None  # على تويتر قالت الوزارة: the object of a preposition is no subject
        return Speaker(Span(ent.text, ent.start, ent.end), ent.label, ent.canonical, gender), ent.last

    def _apposition_start(self, last: int) -> int | None:
        """Token before "، apposition،" that ends at token ``last`` (a comma after it), or None."""
        doc = self.ctx.doc
        if not doc.comma(last):
            return None
        k = last
        while k > 0 and last - k < MAX_APPOSITION and doc.joined(k - 1):
            k -= 1
        if k == 0 or last - k >= MAX_APPOSITION or not doc.comma(k - 1):
            return None
        return k - 1

    def _org_phrase(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        """Trigger + one noun + its adjectives: وكالة الأنباء الإماراتية (not the object after it)."""
        doc = self.ctx.doc
        last = i
        quoted = quoted_name_end(doc, i + 1)
        if quoted is None:
            quoted = _bracketed_name_end(doc, i)  # شركة (ديستريس أليرت) للإسعاف
        if quoted is not None:  # شركة «إيني»: the trigger and the name in marks
            end = _after_close_mark(doc, quoted)
            text = doc.text[doc.starts[i] : end]
            name = " ".join(text.translate(_NO_MARKS).split())
            return Speaker(Span(text, doc.starts[i], end), "ORG", name, gender), quoted
        named = self.by_token.get(i + 1) if i + 1 < doc.n and doc.joined(i) else None
        if named is not None and named.label == "ORG" and named.start == doc.starts[i + 1]:
            last = after_adjectives(self.ctx, named.last, until=named.last + 2)  # صحيفة نيويورك تايمز
        elif i + 1 < doc.n and doc.joined(i) and doc.norms[i + 1] not in FUNCTION_WORDS:
            last = after_adjectives(self.ctx, i + 1, until=i + MAX_NP)
        if last == i:
            return None
        last = self._governed_complement(last)  # المركز الإعلامي للمقاومة
        span = self._span(doc.starts[i], last)
        return Speaker(span, "ORG", " ".join(span.text.split()), gender), last

    def _span(self, start: int, last: int) -> Span:
        """Text from offset ``start`` to the end of token ``last``, with the closing mark of a name
        opened inside it (متحدث باسم "وايمو")."""
        text = self.ctx.doc.text
        end = with_closing_mark(text, start, self.ctx.doc.ends[last])
        return Span(text[start:end], start, end)

    def named_before(self, tok: int) -> Iterator[Entity]:
        """The persons and bodies whose first token is before ``tok``, nearest first."""
        named = self.named
        k = len(named) if self._named_firsts is None else bisect_left(self._named_firsts, tok)
        return (named[j] for j in range(k - 1, -1, -1))

    def named_between(self, lo: int, hi: int) -> list[Entity]:
        """The persons and bodies whose first token is in ``[lo, hi]``, in text order."""
        if self._named_firsts is None:
            return [e for e in self.named if lo <= e.first <= hi]
        return self.named[bisect_left(self._named_firsts, lo) : bisect_right(self._named_firsts, hi)]

    def _definite_trigger(self, i: int, written: bool = True) -> str | None:
        """الشركة / الوزارة / الحركة as subject: the last organization named with that trigger, else
        (``written``) the body's nearest earlier writing (_first_written)."""
        norm = self.ctx.doc.norms[i]
        if not norm.startswith("ال") or not self.ctx.word_has(i, "ORG_TRIGGER"):
            return None
        doc = self.ctx.doc
        heads = {norm, norm[2:]}  # الوكالة: وكالة الأنباء، لوكالة الأنباء، الوكالة الرسمية
        for e in self.named_before(i):
            if e.label != "ORG" or e.start >= doc.starts[i]:
                continue
            if self._headed_by(e.first, heads) or e.first > 0 and self._headed_by(e.first - 1, heads):
                return e.canonical
        if norm in _BARE_NAMED_BODIES:  # أسهم فيسبوك … وقالت الشركة: a company goes by its bare name
            for e in self.named_before(i):
                if e.label == "ORG" and e.start < doc.starts[i] and not self.ctx.word_has(e.first, "ORG_TRIGGER"):
                    return e.canonical if doc.starts[i] - e.end <= _BARE_BODY_REACH else None
        return self._first_written(i, heads) if written else None

    def _first_written(self, i: int, heads: set[str]) -> str | None:
        """The nearest earlier writing of the body that the definite trigger at token i stands for,
        when no recognised name holds it: the trigger and the name after it (اعترفت شركة نيسان …
        وأضافت الشركة), or the definite trigger and its nationality (أفادت الشرطة العراقية … وأوضحت
        الشرطة)."""
        doc, ctx = self.ctx.doc, self.ctx
        bare = doc.norms[i][2:]
        for k in range(i - 1, max(-1, i - _TRIGGER_REACH), -1):
            if doc.norms[k] == bare and k + 1 < i and doc.joined(k):
                if ctx.word_has(k + 1, "CUE") or ctx.is_common(k + 1) and not ctx.known_name_part(k + 1):
                    continue  # جماعة قالت، شركة كبرى: no name after the trigger
                found = self._org_phrase(k, "")
            elif doc.norms[k] in heads and k + 1 < i and doc.joined(k) and ctx.word_has(k + 1, "DEMONYM"):
                found = self._body(k, "")
            else:
                continue
            if found is None or found[1] >= i or found[1] == k:
                return None  # (the nearest writing of the trigger reads as no body's name)
            return found[0].canonical
        return None

    def _headed_by(self, k: int, heads: set[str]) -> bool:
        """Token k is one of ``heads``, as written or behind a proclitic (لوكالة، بالوزارة)."""
        doc = self.ctx.doc
        return doc.norms[k] in heads or any(stem in heads for _, stem in doc.splits[k][1:])

    def _title(self, m, gender: str) -> tuple[Speaker, int] | None:
        """A role as subject: the person it names in apposition (وزير الخارجية عادل الجبير، مدير
        عام تعليم جدة عبدالله الثقفي، رئيس أوروغواي السابق، خوسيه موخيكا), else the person who
        held that role earlier in the document, else the whole role phrase, unresolved."""
        named = self._role_holder(m, gender)
        if named is not None:
            return named
        own = m.info("TITLE").attr("gender")
        if gender and own and own != gender:
            return None  # اعتبرت السفير …: a feminine verb, a masculine role: the role is the object
        if m.key.endswith("باسم"):  # المتحدث باسم X: the spokesperson of X
            return self._spokesperson(m, gender)
        last, _ = self._role_end(m)
        role = " ".join(self.ctx.doc.text[m.start : self.ctx.doc.ends[last]].split())
        span = self._span(m.start, last)
        phrase = title_phrase(self.ctx, m, last)
        canonical = self.roles.holder(phrase, m.key, m.start) or self._by_role(m, last)
        canonical = canonical or (self._named_beside(m) if m.key.startswith("ال") else None)
        if canonical is None and m.key.startswith("ال") and last == m.last:
            canonical = self._earlier_source(m)  # متحدث باسم الصندوق … وأشار المتحدث: the same unnamed source
        if canonical is None and m.key.startswith("ال") and last == m.last:
            canonical = self._earlier_spokesperson(m)  # المتحدث باسم القوات المسلحة … وقال المتحدث
        return Speaker(span, "PER", canonical or role, gender, role=role), last

    def _named_beside(self, m) -> str | None:
        """A definite bare role (المحافظ، الوزير) → the person named beside the same role word
        earlier in the document, right before it (نجم الدين كريم محافظ كركوك) or in apposition
        after its phrase (محافظ كركوك، نجم الدين كريم): the nearest such earlier mention."""
        words = m.key.split()
        head = words[0].removeprefix("ال")
        # Cues come in text order: the tokens before an earlier call with the same role were read
        # then, and its answer stands unless a nearer mention lies between (time stays linear).
        key = (head, tuple(words[1:]))
        upto, found = self._beside.get(key, (0, None))
        if m.first < upto:
            upto, found = 0, None  # (asked out of order: read from the start)
        nearer = self._beside_between(head, words[1:], upto, m.first)
        found = nearer if nearer is not None else found
        self._beside[key] = (m.first, found)
        return found

    def _beside_between(self, head: str, rest: list[str], lo: int, hi: int) -> str | None:
        """The nearest holder of the role ``head`` + ``rest`` named beside it at a token in [lo, hi)."""
        doc = self.ctx.doc
        forms = {head, "ال" + head}
        tail = head[1:]  # (every reading in ``forms`` ends so: a cheap test first)
        for k in range(hi - 1, lo - 1, -1):
            if not doc.norms[k].endswith(tail):
                continue
            if doc.norms[k] not in forms and not any(stem in forms for _, stem in doc.splits[k][1:]):
                continue
            if doc.norms[k + 1 : k + 1 + len(rest)] != rest:
                continue
            before = self.by_last.get(k - 1)
            if before is not None and before.label == "PER" and PHRASE_GAP.fullmatch(doc.gap(k - 1)):
                return before.canonical
            earlier = self.ctx.longest(k, "TITLE", "DESC")
            if earlier is not None and earlier.first == k:
                _, ent = self._role_end(earlier)
                if ent is not None:
                    return ent.canonical
        return None

    def _before_honorifics(self, m, j: int) -> int:
        """Last token of the role phrase of match m whose holder is named at token j: before any
        honorific that introduces the name (… بالمعهد المهندس حافظ العنزي: المهندس is not part of it)."""
        last = j - 1
        while last > m.last and self.ctx.longest(last, "TITLE") is not None:
            last -= 1
        return last

    def _role_holder(self, m, gender: str) -> tuple[Speaker, int] | None:
        """The person named in apposition after a role or source phrase starting with match m."""
        last, ent = self._role_end(m)
        if ent is None:
            return None
        role = " ".join(self.ctx.doc.text[m.start : self.ctx.doc.ends[last]].split())
        self.roles.add(ent.start, title_phrase(self.ctx, m, last), m.key, ent.canonical, role)
        return Speaker(Span(ent.text, ent.start, ent.end), "PER", ent.canonical, gender, role=role), ent.last

    def _role_end(self, m) -> tuple[int, Entity | None]:
        """(last token of the role phrase, the person named right after it or None). The phrase
        runs over complements (عام، الهيئة العامة للسياحة بالطائف، في المدينة المنورة) up to a
        complementizer, a clause mark, a function word or a speech verb."""
        ctx, doc = self.ctx, self.ctx.doc
        last = skip_modifiers(ctx, m.last + 1) - 1
        last = next((k - 1 for k in range(m.last + 1, last + 1) if doc.norms[k] in SAYING), last)  # (… قوله)
        j = m.last + 1
        governed = False  # باسم + a person's title: the name after it is whom the role speaks for
        after = self.by_token.get(m.last + 1)
        if doc.norms[m.last] == "باسم" and after is not None and after.label == "PER":
            governed = True  # المتحدث باسم ترامب: Trump does not speak here
        while j < doc.n and j - m.last <= MAX_ROLE and PHRASE_GAP.fullmatch(doc.gap(j - 1)):
            if _opens_quotation(doc, j) and _quotation_end(doc, j, MAX_QUOTED_BODY) is None:
                break  # وقال المدرب "الموسم الجيد …": a quotation, not a name in marks (متحدث باسم "وايمو")
            ent = self.by_token.get(j)
            comma = doc.comma(j - 1)
            if ent is not None and ent.label == "PER" and governed and not comma:
                governed = False  # متحدث باسم الرئيس الروسي فلاديمير بوتين: Putin does not speak here
            elif (
                ent is not None
                and ent.label == "PER"
                and (self._opens_apposition(j, m) or definite_behind(doc, j - 1) or self._after_body(j))
            ):
                return self._before_honorifics(m, j), ent
            elif ent is None and not governed and self._named_basim(j, m):
                end = name_run(ctx, j + 1, introduced=True)
                return j - 1, ctx.mention("PER", j, end if end is not None else j + 1, "rule:role-apposition")
            elif (
                ent is None and not governed and (comma or self._opens_apposition(j, m) or definite_behind(doc, j - 1))
            ):
                named = unlisted_name(
                    self.ctx, self.by_token, j
                )  # الرئيس التنفيذي للمهرجان عبدالعزيز المهوس: no list has him
                if named is None:
                    named = self._quoted_holder(j)  # مدير فرع الجمعية في بيشة “سياف آل خشيل”، أن
                if named is not None:
                    return self._before_honorifics(m, j), named
            norm = doc.norms[j]
            if norm in COMPLEMENTIZERS or norm in ACCORDING or norm in _TO_MEDIA or norm in SAYING:
                break
            if in_statement(ctx, j):
                break  # المتحدث في البيان: where it was said, no part of the role
            if ent is None and not comma and self._object_next and self._after_adjective(j):
                break  # ووصف الرئيس الأمريكي الاتفاق بأنه: no genitive after an adjective; the object
            if j > m.last + 1 and norm[:1] == "ل" and self._told_outlet(j):
                break  # متحدث باسم الحكومة في بنما لبي بي سي: the outlet told is not part of the role
            if norm in SKIP_BEFORE_SUBJECT and norm not in _IN_ROLES:
                break
            if ent is None and ctx.word_has(j, "CUE") or norm in FUNCTION_WORDS and not self._role_link(j):
                break
            if norm in CALLED_NORMS:
                break  # المتحدث باسم الجبهة ويدعى …: the name follows "is called"
            if ent is None and self._object_with_pronoun(j):
                break  # واختتم المدرب الهلالي حديثه بقوله: the verb's object, not the role's complement
            if comma and not self._honorific_name(j):
                break  # a comma not followed by a name ends the phrase (… السعودي، الأمير محمد: one is)
            governed = governed or norm == "باسم" and j + 1 < doc.n and bool(ctx.longest(j + 1, "TITLE"))
            last = j = (ent.last if ent is not None else j) + 1
            last -= 1
        distant = self._distant_holder(m, last)
        return distant if distant is not None else self._quoted_after(last)

    def _distant_holder(self, m, last: int) -> tuple[int, Entity] | None:
        """A long role whose phrase ran past what _role_end reads, then its holder's name before the
        verb's complement (المشرف العام على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي
        أن …، أمين منطقة جازان رئيس اللجنة المحلية … المهندس محمد الشايع أن …): the first person
        named after a definite word, a title or a body, with no mark, verb, pronoun-bearing noun or
        preposition of company (مع، خلال) before it; a person right after an indefinite noun is a
        genitive (مستشار خامنئي) and is passed over. The name must end the subject (_ends_subject)
        and be firm (_firm_name)."""
        ctx, doc = self.ctx, self.ctx.doc
        if ctx.longest(m.first, "TITLE") is not m and not self._construct_source(m):
            return None  # (an unnamed source, مصادر مقربة من عائلة الإعلامي …, names nobody)
        for k in range(last + 1, min(doc.n, m.last + MAX_LONG_ROLE)):
            if not PHRASE_GAP.fullmatch(doc.gap(k - 1)) and not doc.comma(k - 1):
                return None
            norm = doc.norms[k]
            ent = self.by_token.get(k)
            if ent is not None and ent.label == "PER":
                before = k - 1
                governed = not doc.has_article(before) and not definite_behind(doc, before)
                governed = governed and self.by_last.get(before) is None and not ctx.longest(before, "TITLE")
                if not governed and self._ends_subject(ent.last) and self._firm_name(ent):
                    return before, ent
                if not governed:
                    return None
                continue  # مستشار خامنئي: a genitive, whose adviser speaks
            if ent is None and (norm in COMPLEMENTIZERS or norm in _COMPANY or norm in SAYING or norm in _TO_MEDIA):
                return None
            if ent is None and (ctx.word_has(k, "CUE") or norm in FUNCTION_WORDS and norm not in _ROLE_PREPOSITIONS):
                return None
            if ent is None and POSSESSED.search(norm) and not doc.has_article(k):
                return None  # خلال لقائه نظيره: the verb's object, with its pronoun
            if _opens_quotation(doc, k):
                return None
        return None

    def _construct_source(self, m) -> bool:
        """A singular source word in construct with a definite noun (مسؤول الرقابة): a post one
        person holds, not an anonymous source (مصادر مقربة، مسؤولون)."""
        doc = self.ctx.doc
        if m.last + 1 >= doc.n or not doc.joined(m.last) or not doc.has_article(m.last + 1):
            return False
        return not doc.has_article(m.first) and m.info("DESC").attr("gender") in ("m", "f")

    def _firm_name(self, ent: Entity) -> bool:
        """A person mention firm enough to hold a role met far from it: listed, or two name words
        or more, not opening with the conjunction (وأنا أريد، وعراب دراسة: no names)."""
        doc = self.ctx.doc
        if doc.norms[ent.first][:1] == "و" and conjoined(self.ctx, ent.first):
            return False
        return ent.last > ent.first or not ent.source.startswith("rule:")

    def _ends_subject(self, last: int) -> bool:
        """Token ``last`` ends a subject: a colon, a comma, an opening quotation mark or a
        complementizer follows it."""
        doc = self.ctx.doc
        if last + 1 >= doc.n:
            return False
        mark = doc.gap(last).strip()[:1]
        return bool(mark) and (mark in ":،," or mark in OPENING_MARKS) or doc.norms[last + 1] in COMPLEMENTIZERS

    def _after_adjective(self, j: int) -> bool:
        """Token j is a definite noun right after a definite nationality adjective (الرئيس الأمريكي
        الاتفاق): a construct chain does not go on past an adjective, so j opens another phrase
        (not a second adjective: الأمريكي السابق، الأمريكية الكوميدية, nor a title: … الأمريكي الرئيس)."""
        ctx, doc = self.ctx, self.ctx.doc
        if not (doc.has_article(j) and doc.has_article(j - 1) and ctx.word_has(j - 1, "DEMONYM")):
            return False
        norm = doc.norms[j]
        if ctx.word_has(j, "DEMONYM") or norm in _IN_ROLES or norm in ROLE_MODIFIERS or norm.endswith(("ي", "يه")):
            return False  # (الأمريكية الكوميدية: a nisba adjective goes on describing)
        return ctx.longest(j, "TITLE") is None

    def _honorific_name(self, j: int) -> bool:
        """An honorific or title opens at token j and a person is named right after it (الأمير محمد بن
        سلمان، العقيد أوماراو ألوا)."""
        title = self.ctx.longest(j, "TITLE")
        if title is None or title.first != j or not self.ctx.doc.joined(title.last):
            return False
        ent = self.by_token.get(title.last + 1)
        return ent is not None and ent.label == "PER"

    def _time_phrase(self, i: int) -> bool:
        """Token i opens a time phrase, which never speaks: الآن، اليوم، أمس، a weekday, or عام / سنة +
        a number (وقال عام 2015 "…")."""
        doc = self.ctx.doc
        norm = doc.norms[i]
        if norm in ADVERBS or doc.words[i] == "الآن":
            return True  # (الآن as written: ألان/آلان is a given name)
        return norm in _YEAR_WORDS and i + 1 < doc.n and doc.joined(i) and doc.words[i + 1][:1].isdigit()

    def _relation_or_name(self, i: int) -> bool:
        """Token i, a noun with a pronoun attached, is a relative (والدته، خطيبته، محاميه) or opens a
        name with a name-like word after it (مارجريته فيستدجر)."""
        doc = self.ctx.doc
        norm = doc.norms[i]
        if any(norm.startswith(stem[:-1] if stem.endswith("ه") else stem) for stem in _RELATIONAL if len(stem) > 2):
            return True  # (عائلته: the stem عائلة with ة written ت)
        return i + 1 < doc.n and doc.joined(i) and self.ctx.name_like(i + 1, first=False)

    def _after_body(self, j: int) -> bool:
        """Token j follows the last word of a named body or place (عضو الأمانة العامة لقوى 14 آذار
        الياس الزغبي): the role's complement ends there, and a person named next holds the role."""
        before = self.by_last.get(j - 1)
        return before is not None and before.label in ("ORG", "LOC") and self.ctx.doc.joined(j - 1)

    def _apposed_person(self, j: int) -> Entity | None:
        """The person named at token j, or after a title there (المواطن هادي حسن), with no
        preposition before them (المؤيدون لترامب، السكرتير الخاص للرئيس هادي: whose, not who)."""
        doc = self.ctx.doc
        ent = self.by_token.get(j)
        if ent is None:
            title = self.ctx.longest(j, "TITLE")
            if title is None or title.first != j or title.stripped or not doc.joined(title.last):
                return None
            ent = self.by_token.get(title.last + 1)
        if ent is None or ent.label != "PER" or ent.start != doc.starts[ent.first]:
            return None
        return ent

    def _title_agrees_apart(self, last: int, gender: str) -> bool:
        """A title after token ``last`` agrees with the verb (``gender``) and token ``last`` does not:
        in والد الطفلة المواطن هادي the title is the father's, in أحد أقارب الشهيد العريف عبدالله
        the martyr's."""
        title = self.ctx.longest(last + 1, "TITLE")
        if gender not in ("m", "f") or title is None or title.info("TITLE").attr("gender", "") != gender:
            return False
        own = self.ctx.longest(last, "TITLE")
        if own is not None and own.last == last:
            return own.info("TITLE").attr("gender", "") not in ("", gender)
        return ("f" if self.ctx.doc.words[last].endswith("ة") else "m") != gender

    def _ends_title(self, i: int, last: int) -> bool:
        """A title among tokens i..last ends at ``last``."""
        return any((t := self.ctx.longest(k, "TITLE")) is not None and t.last == last for k in range(i, last + 1))

    def _quoted_after(self, last: int) -> tuple[int, Entity | None]:
        """The role phrase ending at token ``last``, and the name in quotation marks at most two
        words on that ends the subject (مدير فرع الجمعية في بيشة “سياف آل خشيل”، أن …)."""
        doc = self.ctx.doc
        for k in range(last + 1, min(doc.n, last + 4)):
            if _opens_quotation(doc, k):
                named = self._quoted_holder(k)
                return (k - 1, named) if named is not None else (last, None)
            if not doc.joined(k - 1) or doc.norms[k] in COMPLEMENTIZERS or self.ctx.word_has(k, "CUE"):
                break
            if doc.norms[k][:1] == "ل" or doc.norms[k] in _AUDIENCE:
                break  # المسؤول الأمريكي لوكالة "فرانس برس": the agency told, not the holder
        return last, None

    def _quoted_holder(self, j: int) -> Entity | None:
        """A name in quotation marks right after a role phrase, ending the subject (a comma or أن
        after the closing mark): the role's holder, as Saudi outlets mark names (“سياف آل خشيل”)."""
        ctx, doc = self.ctx, self.ctx.doc
        if not _opens_quotation(doc, j):
            return None
        last = quoted_name_end(doc, j)
        if last is None or last == j or last - j >= MAX_QUOTED_NAME:
            return None
        if not all(ctx.name_like(k, first=k == j) or doc.norms[k] in NAME_LINKS for k in range(j, last + 1)):
            return None
        after = doc.gap(last).strip()[1:].strip()
        ends = after[:1] in ("،", ",") or last + 1 < doc.n and doc.norms[last + 1] in COMPLEMENTIZERS
        return ctx.mention("PER", j, last, "rule:role-quoted") if ends else None

    def _noun_after_cue(self, i: int) -> bool:
        """Token i, right after a speech verb, is a cue word that is also a noun (cue attribute
        noun=1, its own form, no proclitic: قال طالب آخر, طالب = a student), not a second verb
        (أضافت قالت، ليعلق فقال، نوه)."""
        ctx, doc = self.ctx, self.ctx.doc
        if i == 0 or not doc.joined(i - 1) or not ctx.word_has(i - 1, "CUE"):
            return False
        m = ctx.longest(i, "CUE")
        if m is None or m.stripped:
            return False
        info = m.info("CUE")
        return info.attr("noun") == "1" and m.key == info.attr("lemma")  # the entry's own form

    def _object_with_pronoun(self, j: int) -> bool:
        """Token j is an indefinite noun with an attached pronoun (حديثه، كلمتها، تصريحاتهم), as
        written (ة is no ه), and no باسمه: after a subject it is the verb's object."""
        doc = self.ctx.doc
        word = doc.words[j]
        if POSSESSED.search(word) is None or doc.has_article(j) or word.endswith("له"):
            return False  # (الله، عبدالله)
        return not word.startswith("باسم") and not firm_name_part(self.ctx, j)

    def _opens_apposition(self, j: int, m) -> bool:
        """A name at token j stands in apposition to the role (not a genitive: مدير مكتب ترامب)."""
        doc, ctx = self.ctx.doc, self.ctx
        if doc.comma(j - 1):
            return True
        if j == m.last + 1:  # (محامي برونسون: whose lawyer; رئيس الوزراء بنيامين نتنياهو: who holds it)
            return not self._genitive_name(j, m)
        k = j - 1
        if doc.has_article(k) or _conjunction(doc.words[k]):
            return True  # مدير إدارة التخطيط والتطوير عبدالعزيز الناصر: a definite word takes no genitive
        return any(ctx.word_has(k, lab) for lab in ("LOC", "ORG", "DEMONYM", "TITLE"))

    def _genitive_name(self, j: int, m) -> bool:
        """The one-word name right after an indefinite role word is its genitive, whose role it is
        (محامي برونسون، مدرب وليامز، مستشار خامنئي), not the holder (رئيس الوزراء بنيامين نتنياهو،
        زميله ممدوح: a definite or possessed role, or a full name, is in apposition)."""
        doc = self.ctx.doc
        if not doc.joined(m.last) or any(doc.has_article(k) for k in range(m.first, m.last + 1)):
            return False
        if POSSESSED.search(doc.norms[m.last]):
            return False
        ent = self.by_token.get(j)
        return ent is not None and ent.first == ent.last

    def _role_link(self, j: int) -> bool:
        """A function word inside a role phrase: باسم (المتحدث باسم الانتخابات), على/عن after a role
        word (المشرف على البرنامج، المسؤول عن الملف), or في/لدى + a place."""
        norm = self.ctx.doc.norms[j]
        if norm in ("علي", "عن") and j > 0 and self.ctx.longest(j - 1, "TITLE", "DESC"):
            return True
        return norm == "باسم" or self._place_after(j)

    def _place_after(self, j: int) -> bool:
        """في / لدى + a place, a body or a definite noun: a complement of the role (السفير لدى الأمم
        المتحدة، رئيس المركز في الجيش الإيراني)."""
        doc = self.ctx.doc
        if doc.norms[j] not in ("في", "لدي", "عن") or j + 1 >= doc.n:
            return False
        if doc.norms[j] == "عن":  # عضو مجلس الشيوخ عن ولاية فلوريدا: the place a member represents
            k = j + 2 if j + 2 < doc.n and self.ctx.word_has(j + 1, "LOC_TRIGGER") else j + 1  # عن ولاية …
            return self.ctx.longest(k, "LOC") is not None and bool(self.ctx.firm_place_or_org(k))
        if doc.has_article(j + 1) or self.ctx.firm_place_or_org(j + 1):
            return True  # (not في بيان: a small town)
        if doc.norms[j] == "في" and j + 2 < doc.n and doc.joined(j + 1) and self.ctx.word_has(j + 1, "ORG_TRIGGER"):
            return True  # مديرة الاستثمار في شركة راثبونزيس: a body named by its trigger noun
        # في عاصمة النيجر، في مدينة جدة: a place named by its trigger noun
        return j + 2 < doc.n and self.ctx.word_has(j + 1, "LOC_TRIGGER") and bool(self.ctx.firm_place_or_org(j + 2))

    def _surname(self, i: int) -> Entity | None:
        """A word in the subject slot that is the last name of a person of the document (وقال العربي
        with الدكتور أشرف العربي), even where the word alone is a common word or a nationality."""
        doc = self.ctx.doc
        if i + 1 < doc.n and doc.joined(i) and self.ctx.name_like(i + 1, first=False):
            return None  # the start of a longer name
        found = self.by_surname.get(doc.norms[i], ())
        earlier = [e for e in found if e.end <= doc.starts[i]]
        if earlier:
            return earlier[-1]
        # a family name whose full form the article gives only later is still that person (the
        # same name, not a role: roles and honorifics never link forward)
        return found[0] if len({e.canonical for e in found}) == 1 else None

    def _son_of(self, i: int) -> Entity | None:
        """ابن/بن + a word at token i that ends the nasab of a person named before (ابن زومه after
        راشد بن زومه), not the start of a longer name."""
        doc = self.ctx.doc
        if doc.norms[i] not in ("ابن", "بن") or i + 1 >= doc.n or not doc.joined(i):
            return None
        if i + 2 < doc.n and doc.joined(i + 1) and self.ctx.name_like(i + 2, first=False):
            return None
        found = [
            e
            for e in self.by_surname.get(doc.norms[i + 1], ())
            if e.end <= doc.starts[i] and e.last - 1 > e.first and doc.norms[e.last - 1] in ("بن", "ابن")
        ]
        return found[-1] if found else None

    def _honorific(self, i: int, gender: str) -> Speaker:
        """سموه، معاليه: the nearest person named before it with a title, else the nearest person."""
        doc = self.ctx.doc
        before = [e for e in self.people if e.end <= doc.starts[i]]
        titled = [e for e in before if self.roles.titled(e.start)]
        fitting = [e for e in titled if not self._other_rank(doc.norms[i], e)]
        own = _OWN_RANK.get(doc.norms[i].removesuffix("ا"), frozenset())
        ranked = [e for e in fitting if own & self._words_before(e)]  # صاحب السمو الملكي الأمير … → سموه
        ent = (ranked or fitting or titled or before or [None])[-1]
        span = self._span(doc.starts[i], i)
        if ent is None:
            return Speaker(span, "PER", span.text, gender)
        return Speaker(span, "PER", ent.canonical, gender)

    def _words_before(self, e: Entity) -> set[str]:
        """The words of the title phrase right before the person's mention (صاحب السمو الملكي الأمير،
        معالي وزير الصحة المهندس), up to a sentence mark or a comma."""
        doc = self.ctx.doc
        words: set[str] = set()
        for k in range(e.first - 1, max(-1, e.first - 1 - _TITLE_REACH), -1):
            if doc.gap(k).strip(" \u00a0"):
                break
            words.add(doc.norms[k])
        return words

    def _other_rank(self, honorific: str, e: Entity) -> bool:
        """The person ``e`` was introduced with a title another honorific goes with (سموه is a
        prince's, not the king's: خادم الحرمين الشريفين الملك سلمان is جلالته)."""
        role = self.roles.role_of(e.canonical, e.start)
        words = set(textmod.normalize(role).split()) if role else set()
        return bool(words & _RANKS_APART.get(honorific.removesuffix("ا"), frozenset()))

    def _ordinal_end(self, i: int) -> int:
        """Last token of a number after the document word at token i, with its adjectives and the
        article before it (التقرير السنوي الـ 51، التقرير الـ51), or i when none follows."""
        doc = self.ctx.doc
        k = i + 1
        while k < doc.n and k - i <= 2 and doc.joined(k - 1) and doc.has_article(k) and not doc.norms[k][2:3].isdigit():
            if doc.norms[k] == "ال" and k + 1 < doc.n and doc.norms[k + 1].isdigit():
                return k + 1  # الـ 51
            k += 1  # السنوي
        if k < doc.n and doc.joined(k - 1) and doc.norms[k][:2] == "ال" and doc.norms[k][2:].isdigit():
            return k  # الـ51
        return i

    def _issuer(self, i: int) -> Entity | None:
        """البيان / التقرير as subject: the body or person named beside the same document word
        earlier (أصدرت الوزارة بيانا، في بيان لوزارة الداخلية، بيان صادر عن …)."""
        doc = self.ctx.doc
        stem = doc.norms[i][2:]
        written = {stem, stem + "ا", "ال" + stem} | {stem.removesuffix("ه") + "ت" + p for p in ("ه", "ها", "هم")}
        written |= {stem + p for p in ("ه", "ها", "هم")}  # بيانه، تقريرها (ة → ت before a pronoun)
        core = stem.removesuffix("ه")[:3]  # (every written form holds it: a cheap test first)
        norms = doc.norms
        lowest = max(0, i - MAX_ISSUER_LOOKBACK + 1)
        # Subjects come in text order: tokens before an earlier call with the same word were read
        # then; its answer stands while it is within reach, unless a nearer one lies between.
        upto, found, at = self._issuers.get(stem, (0, None, -1))
        if i < upto:
            upto, found, at = 0, None, -1  # (asked out of order: read the whole reach)
        for k in range(i - 1, max(lowest, upto) - 1, -1):
            if core not in norms[k]:
                continue
            forms = {s for _, s in doc.splits[k]} | {norms[k]}
            if forms & written:  # بيان، بيانا، البيان، ببيان، في تقريرها
                near = [
                    e
                    for e in self.named_between(k - ISSUER_WINDOW - MAX_NP, k + ISSUER_WINDOW)
                    if e.first != k
                    and min(abs(e.first - k), abs(e.last - k)) <= ISSUER_WINDOW
                    and not _SENTENCE_END.search(doc.text, min(e.end, doc.ends[k]), max(e.start, doc.starts[k]))
                ]
                if near:
                    found, at = min(near, key=lambda e: min(abs(e.first - k), abs(e.last - k))), k
                    break
        self._issuers[stem] = (i, found, at)
        return found if at >= lowest else None

    def _by_role(self, m, last: int) -> str | None:
        """الرئيس الأمريكي → the one person of this document whose lexicon entry has that role
        and country (role=رئيس;country=الولايات المتحدة)."""
        ctx = self.ctx
        role = textmod.normalize(m.key)
        role = role[2:] if role.startswith("ال") else role
        countries = {
            ctx.gaz.info(d.labels["DEMONYM"]).attr("country")
            for i in range(m.last + 1, last + 1)
            for d in ctx.by_first.get(i, ())
            if "DEMONYM" in d.labels
        }
        if not countries:
            return None
        found = set()
        for e in self.people:
            info = ctx.gaz.lookup(e.canonical).get("PER")
            if info is None:
                continue
            roles = {textmod.normalize(r).removeprefix("ال") for r in info.attr("role").split("|")}
            if role in roles and info.attr("country") in countries:
                found.add(e.canonical)
        return found.pop() if len(found) == 1 else None

    def _spokesperson(self, m, gender: str) -> tuple[Speaker, int]:
        doc = self.ctx.doc
        last = m.last
        while last + 1 < doc.n and last - m.last < MAX_NP - 1 and doc.joined(last):
            if doc.norms[last + 1] in FUNCTION_WORDS or doc.norms[last + 1] in COMPLEMENTIZERS:
                break
            if doc.norms[last + 1] in CALLED_NORMS or doc.norms[last + 1] in SAYING:
                break  # المتحدث باسم الجبهة ويدعى …
            if doc.norms[last + 1] in _TO_MEDIA or self._told_end(last + 1) is not None:
                break  # المتحدث باسم الصرح لوكالة فرانس برس: the agency told
            if in_statement(self.ctx, last + 1):
                break  # المتحدث في البيان: where it was said
            if last > m.last and self.ctx.word_has(last, "DEMONYM") and not self.ctx.word_has(last + 1, "DEMONYM"):
                break  # المتحدث باسم القوات المسلحة المصرية الحصيلة: a nationality ends the body's name
            last += 1
        span = self._span(m.start, last)
        holder = self.roles.holder(title_phrase(self.ctx, m, last), m.key, m.start) if m.key.startswith("ال") else None
        if holder is not None:  # المتحدث باسم الانتخابات, after the spokesperson was named
            return Speaker(span, "PER", holder, gender, role=" ".join(span.text.split())), last
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last

    def _desc(self, m, gender: str, genitive: bool = True) -> tuple[Speaker, int]:
        """مسؤول أميركي → DESC; المسؤولان → the last indefinite source with the same stem; متحدث
        باسم X → the whole phrase."""
        last = self._desc_end(m, genitive)
        if gender == "m" and m.info("DESC").attr("gender") == "pl":
            gender = "pl"  # قال الباحثون …. وأضافوا: a masculine verb before its plural subject is singular
            # (a feminine one keeps its gender: قالت مصادر …. وأضافت)
        if m.last + 1 < self.ctx.doc.n and self.ctx.doc.norms[m.last + 1] == "باسم":
            last = max(last, self._role_end(m)[0])
        span = self._span(m.start, last)
        canonical = " ".join(span.text.split())
        if m.key.startswith("ال"):
            antecedent = self._antecedent(m)
            if antecedent is not None:
                canonical = antecedent
        return Speaker(span, "DESC", canonical, gender), last

    def _desc_end(self, m, genitive: bool = True) -> int:
        """Last token of a source phrase (source_phrases.py): its adjectives, a genitive or a name in
        quotation marks right after an indefinite head (ممثلو الادعاء، مؤذن مسجد الهداية، موقع «ليبيا
        المستقبل»), then في/من/داخل or ب + a place, a body or a genitive chain (مسؤولون في البيت
        الأبيض، مسؤولون في قطاع الطاقة، مسؤول بقطاع الطاقة)."""
        ctx, doc = self.ctx, self.ctx.doc
        last = after_adjectives(ctx, m.last, until=m.last + 2)
        while last + 1 < doc.n and doc.joined(last) and doc.norms[last + 1] in SOURCE_QUALIFIERS:
            last += 1  # مصدر أمني مسؤول، مصادر مطلعة
        if doc.norms[last] in _TRUSTED and last + 1 < doc.n and doc.joined(last):
            last += doc.norms[last + 1] in _TRUSTED_PRONOUNS  # مصدر موثوق به في الاتحاد الدولي
        indefinite = not m.key.startswith("ال")
        if last == m.last and indefinite and last + 1 < doc.n:
            mark = doc.gap(last).strip()
            quoted = quoted_name_end(doc, last + 1) if len(mark) == 1 else None
            if quoted is not None:
                return quoted  # موقع «ليبيا المستقبل»، مصادر "الوطن"
            if genitive and doc.joined(last) and not _SOUND_PLURAL.search(doc.norms[last]):
                last = genitive_end(ctx, last + 1, persons=self.by_token) or last  # ممثلو الادعاء، مؤذن مسجد الهداية
            if last == m.last and genitive and doc.norms[last].endswith("و") and self._bare_noun(last + 1):
                last += 1  # مسؤولو صحة: a plural in construct (its ن dropped) has its genitive after it
            elif last == m.last and genitive and doc.joined(last):
                last = self._indefinite_genitive(last) or last  # خبراء أسلحة وذخائر إن
        if last + 1 < doc.n and doc.joined(last) and doc.norms[last + 1][:1] == "و":
            other = ctx.longest(last + 1, "DESC")
            if other is not None and other.stripped and other.first == last + 1:
                last = after_adjectives(ctx, other.last, until=other.last + 2)  # نشطاء ومسعفون
        if last + 2 < doc.n and doc.joined(last) and doc.norms[last + 1] in _SOURCE_PLACE and doc.joined(last + 1):
            place = genitive_end(ctx, last + 2, most=GENITIVE_MOST if indefinite else 1, persons=self.by_token)
            if place is not None:
                return self._located(
                    self._governed_complement(place)
                )  # مسؤولون في البيت الأبيض، مصادر داخل حزب الله، مختصون في قطاع الطاقة
        if last + 1 < doc.n and doc.joined(last) and doc.words[last + 1][:1] == "ب":
            place = ctx.longest(last + 1, "LOC", "ORG")
            if place is not None and place.stripped == 1:
                return place.last  # مصدر بالأمم المتحدة، مسؤول بوزارة الخارجية
            within = self._within(last + 1) if indefinite else None
            if within is not None:
                return within  # مسؤول بقطاع الطاقة، مصدر بالشرطة (not المتظاهرون بالاحتجاج)
        last = self._governed_complement(last)
        while last > m.last and doc.norms[last] in _NEAR:
            last -= 1  # مصادر مقربة من فريق (8 آذار): "close to" without the body it is close to
        return last

    def _lam_genitive(self, last: int) -> int | None:
        """Last token of a ل-phrase after the definite word at ``last`` that belongs to the subject
        (المكتب الإعلامي للحكومة، الوكالة الماليزية لمكافحة الفساد): ل + a definite noun that is
        no outlet and no group of people told (للصحفيين، للمشاركين), or ل + a verbal noun and its
        definite object; None when it says to whom."""
        ctx, doc = self.ctx, self.ctx.doc
        k = last + 1
        norm = doc.norms[k]
        if not doc.joined(last) or norm in _TO_MEDIA or norm in _TOLD_DEFINITE:
            return None
        if norm.startswith("لل") and len(norm) >= 5 and not norm.endswith(("ين", "ون")):
            body = ctx.longest(k, "ORG", "LOC")
            if body is not None:
                return body.last  # للأمم المتحدة
            while k + 1 < doc.n and doc.joined(k) and self._lam_adjective(k + 1):
                k += 1  # للقوات المسلحة الإماراتية، للحماية البيئية: the genitive's adjectives
            return k  # للحكومة، للمقاومة
        if ctx.longest(k, "ORG", "LOC", "PER") is not None:
            return None  # لرويترز، لبي بي سي، لترامب: the one spoken to
        if _PURPOSE.match(norm) and k + 1 < doc.n and doc.joined(k) and doc.has_article(k + 1):
            return k + 1  # لمكافحة الفساد
        return None

    def _lam_adjective(self, k: int) -> bool:
        """Token k, after a ل + definite noun, is its adjective: a definite word in ي/ية/ة or a
        nationality, no time word (الماضية، المقبلة) and no body, place or person of its own."""
        ctx, doc = self.ctx, self.ctx.doc
        norm = doc.norms[k]
        if not doc.has_article(k) or norm in CLAUSE_WORDS or norm in FUNCTION_WORDS:
            return False
        if ctx.longest(k, "ORG", "LOC", "PER", "TITLE"):
            return False
        return ctx.word_has(k, "DEMONYM") or doc.words[k].endswith(("ي", "ية", "ة"))

    def _governed_complement(self, last: int) -> int:
        """A source phrase ending at ``last`` in an adjective that takes a preposition (الموالي
        للحكومة، مطلع على الاستخبارات، المقربة من الرئاسة): its complement, when that is a
        genitive chain or a named body or place."""
        ctx, doc = self.ctx, self.ctx.doc
        prep = _GOVERNING.get(doc.norms[last])
        if prep is None and last + 1 < doc.n and doc.has_article(last) and doc.norms[last + 1][:1] == "ل":
            return self._lam_genitive(last) or last  # الوكالة الماليزية لمكافحة الفساد
        if prep is None or last + 1 >= doc.n or not doc.joined(last):
            return last
        k = last + 1
        if prep == "ل":
            if not doc.norms[k].startswith("ل") or len(doc.norms[k]) < 4:
                return last
        elif doc.norms[k] != prep or not doc.joined(k):
            return last
        else:
            k += 1
        body = self.by_token.get(k)
        if body is not None and body.label in ("ORG", "LOC"):
            return body.last  # التابعة لحماس: the body named after the preposition
        end = genitive_end(ctx, k, most=2, persons=self.by_token)
        if end is None and prep == "ل" and doc.norms[k].startswith("لل"):
            end = after_adjectives(ctx, k, until=k + 2)  # الموالي للحكومة
        return end if end is not None else last

    def _indefinite_genitive(self, last: int) -> int | None:
        """The genitive right after an indefinite source word: a person named there (محامي برونسون:
        whose lawyer), or an indefinite noun (and a second one joined by و) right before the
        complementizer or a colon (خبراء أسلحة وذخائر إن، خبراء اقتصاد:)."""
        ctx, doc = self.ctx, self.ctx.doc
        k = last + 1
        person = self.by_token.get(k)
        if person is not None and person.label == "PER" and person.start == doc.starts[k]:
            return person.last  # محامي برونسون: whose lawyer (the lawyer speaks, not Brunson)
        if not self._bare_noun(k) or doc.has_article(k) or adjective(ctx, k) or k in self.by_token:
            return None
        norm = doc.norms[k]
        if norm in SOURCE_QUALIFIERS or norm in SKIP_BEFORE_SUBJECT or norm[:1] in ("ل", "ب") or norm.endswith("ا"):
            return None  # (شهود للمحكمة: whom they told; مصادر خصوصا: an adverb)
        end = k
        joined = end + 1 < doc.n and doc.joined(end) and doc.norms[end + 1][:1] == "و"
        if joined and self._bare_noun(end + 1) and not doc.has_article(end + 1) and not adjective(ctx, end + 1):
            end += 1  # وذخائر
        if end + 1 >= doc.n:
            return None
        mark = doc.gap(end).strip()[:1]
        closes = doc.norms[end + 1] in COMPLEMENTIZERS and mark in ("", "،", ",") or mark == ":"
        return end if closes else None  # (خبراء أسلحة وذخائر، إن)

    def _bare_noun(self, k: int) -> bool:
        """Token k is a plain word that can be a genitive: Arabic, no function word,
        complementizer, speech verb or word of saying, not said to an outlet."""
        ctx, doc = self.ctx, self.ctx.doc
        if k >= doc.n or not ctx.is_arabic_word(k) or ctx.word_has(k, "CUE"):
            return False
        norm = doc.norms[k]
        return not (norm in FUNCTION_WORDS or norm in COMPLEMENTIZERS or norm in SAYING or norm in _TO_MEDIA)

    def _located(self, last: int) -> int:
        """Last token of a source phrase ending at ``last`` with the places that locate it
        (مسؤولون في منطقة بويبلو في كولورادو، مختصون في القطاع السياحي بالمملكة)."""
        doc = self.ctx.doc
        for _ in range(2):
            if last + 1 >= doc.n or not doc.joined(last):
                break
            k = last + 2 if doc.norms[last + 1] == "في" and doc.joined(last + 1) else last + 1
            place = self.by_token.get(k) if k < doc.n else None
            if place is None or place.label != "LOC" or (k == last + 1 and doc.words[k][:1] != "ب"):
                break
            last = place.last
        return last

    def _within(self, k: int) -> int | None:
        """ب + a noun at token k opening a genitive chain (بقطاع الطاقة، بالقطاع الخاص): its last
        token; not ب + a clause or a manner (بأن، بصراحة)."""
        ctx, doc = self.ctx, self.ctx.doc
        norm = doc.norms[k]
        if norm in FUNCTION_WORDS or norm in COMPLEMENTIZERS or norm[1:] in COMPLEMENTIZERS or len(norm) < 4:
            return None
        if norm.startswith("بال"):
            return after_adjectives(ctx, k, until=k + 2)
        if k + 1 >= doc.n or not doc.joined(k) or not doc.has_article(k + 1):
            return None
        return genitive_end(ctx, k + 1, most=1, persons=self.by_token)

    def _earlier_source(self, m) -> str | None:
        """A bare definite role (المتحدث، المتحدثة) whose holder the article never names: the
        phrase of the nearest earlier indefinite source with the same word (متحدث باسم صندوق الأمم
        المتحدة للسكان), so both quotes have one speaker."""
        if self._sources is None:  # source word → its matches (built once)
            self._sources = _index_by(self.ctx.labelled("DESC"), lambda d: d.key)
        prev = _nearest_before(self._sources, m.key[2:], m.first)
        if prev is None:
            return None
        last = self._desc_end(prev)
        if prev.last + 1 < self.ctx.doc.n and self.ctx.doc.norms[prev.last + 1] == "باسم":
            last = max(last, self._role_end(prev)[0])
        return " ".join(self._span(prev.start, last).text.split())

    def _earlier_spokesperson(self, m) -> str | None:
        """A bare definite role (المتحدث) after the same role was given with باسم and no name
        (المتحدث باسم القوات المسلحة المصرية): that earlier phrase, or the person it resolved to."""
        if self._spokes is None:  # title key → its matches (built once)
            self._spokes = _index_by(self.ctx.labelled("TITLE"), lambda t: t.key)
        prev = _nearest_before(self._spokes, m.key + " باسم", m.first)
        if prev is None:
            return None
        named = self._role_holder(prev, "")  # المتحدث باسم الكرملين ديميتري بيسكوف … وقال المتحدث
        if named is not None:
            return named[0].canonical
        phrase = self._spokesperson(prev, "")[0].canonical
        return phrase if len(phrase.split()) > len(prev.key.split()) else None  # (not المتحدثة باسم alone)

    def _name_before_role(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        """A name of two or more words no list holds, then its role (وأوضح بيشي الصرخي المتحدث
        باسم الهلال الأحمر، وقال تركي شبانة رئيس شبكة قنوات روتانا): the name is the speaker, the
        role its role, not one description of them both."""
        ctx, doc = self.ctx, self.ctx.doc
        if doc.has_article(i):
            return None
        j = name_run(ctx, i, introduced=True)
        if j is None and i + 2 < doc.n and doc.joined(i) and ctx.word_has(i, "GIVEN") and unknown_name_word(ctx, i + 1):
            j = i + 1  # بوب بوسنر المسؤول: a given name that is a common word too, then an unlisted surname
        if j is None or j == i or j + 1 >= doc.n or not doc.joined(j):
            return None
        role = ctx.longest(j + 1, "TITLE", "DESC")
        if role is None or any(ctx.longest(k, "LOC", "ORG", "TITLE", "DESC") for k in range(i, j + 1)):
            return None
        last = self._desc_end(role) if "DESC" in role.labels else self._role_end(role)[0]
        span = self._span(doc.starts[i], j)
        role_text = " ".join(doc.text[doc.starts[j + 1] : doc.ends[last]].split())
        return Speaker(span, "PER", " ".join(span.text.split()), gender, role=role_text), j

    def _antecedent(self, m) -> str | None:
        if self._by_stem is None:  # stem → the indefinite sources (built once)
            indefinite = [d for d in self.ctx.labelled("DESC") if not d.key.startswith("ال")]
            self._by_stem = _index_by(indefinite, _desc_stem)
        prev = _nearest_before(self._by_stem, _desc_stem(m), m.first)  # the same stem, nearest earlier
        if prev is None:
            return None
        return " ".join(self._span(prev.start, self._desc_end(prev)).text.split())

    def _noun_phrase(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        ctx, doc = self.ctx, self.ctx.doc
        if doc.norms[i] in FUNCTION_WORDS or doc.norms[i] in SAYING or not ctx.is_arabic_word(i):
            return None  # (وأضاف قوله: "…": "his saying", the verb's object)
        if ctx.word_has(i, "CUE") and not self._noun_after_cue(i):
            return None  # (a second verb is no subject)
        if len(doc.norms[i]) < MIN_SUBJECT_LETTERS:
            return None  # لـ(CNN), و: not a subject
        if possessed(ctx, i) and not self._relation_or_name(i):
            return None  # وتابع حديثه بالقول: the verb's object, with its pronoun (not والدته, his mother)
        if _POSSESSED.search(doc.norms[i]) and not doc.has_article(i):
            return None  # أعلنت مسؤوليتها، قال فيه: a noun with a pronoun attached is the object
        if ctx.behind_preposition(i, ("ل", "ب")):
            return None  # بلاغ بتعطل قارب، بفتح قنوات: a preposition opens no subject
        if doc.norms[i].startswith(("بال", "لل")) and len(doc.norms[i]) >= 6 and not ctx.known_name_part(i):
            return None  # وصفه بالجاحد: ب/ل + the article, a prepositional phrase
        org = self._definite_trigger(i)
        if org is not None:
            return Speaker(self._span(doc.starts[i], i), "ORG", org, gender), i
        bearer = doc.norms[i] in _BEARERS and i + 1 < doc.n and len(doc.gap(i).strip()) == 1
        quoted = quoted_name_end(doc, i + 1) if bearer else None
        if quoted is not None:
            span = self._span(doc.starts[i], quoted)  # موقع «ليبيا المستقبل»: a noun and the name it bears
            return Speaker(span, "DESC", " ".join(span.text.split()), gender), quoted
        named = self._name_before_role(i, gender)
        if named is not None:
            return named
        last = i
        relational = any(doc.norms[k] in _RELATIONAL for k in range(i, min(i + 2, doc.n)))
        while last + 1 < doc.n and last - i + 1 < MAX_NP and doc.joined(last):
            holder = self._apposed_person(last + 1) if doc.has_article(last) else None
            if holder is not None and relational and not self._title_agrees_apart(last, gender):
                holder = None
            if holder is not None and holder.first == last + 1 and self._ends_title(i, last):
                holder = None  # منتقدو الرئيس أردوغان: the title is the name's, and the noun governs both
            if holder is not None:  # والد الطفلة المواطن هادي الفيفي: a definite description, then the name
                role = " ".join(doc.text[doc.starts[i] + _conjunction(doc.words[i]) : doc.ends[last]].split())
                span = Span(holder.text, holder.start, holder.end)
                return Speaker(span, "PER", holder.canonical, gender, role=role), holder.last
            nxt = doc.norms[last + 1]
            if in_statement(ctx, last + 1):
                break  # الشركة في بيانها: where it was said
            place = ctx.longest(last + 2, "LOC", "ORG") if nxt == "في" and doc.joined(last + 1) else None
            if place is not None:
                last = place.last  # السلطات المعنية في السعودية، مصدر في وزارة الدفاع
                if place.first == last:
                    last = trigger_name_end(ctx, last) or last  # السلطات في مدينة ويفانغ
                break
            if nxt == "من" and last == i and doc.norms[i] in QUANTIFIERS:
                last += 1  # عدد من جيران المبنى، بعض من الطلاب
                continue
            if nxt in FUNCTION_WORDS or nxt in SKIP_BEFORE_SUBJECT or nxt in COMPLEMENTIZERS or nxt in ACCORDING:
                break
            if nxt in SAYING:
                break  # نقلت الوكالة عن مسؤول قوله: "his saying", the object of نقل
            if nxt in CALLED_NORMS:
                break  # طالب آخر يدعى …: the name follows
            if nxt[:1] == "ل" and doc.has_article(last) and self._lam_genitive(last) is not None:
                break  # المكتب الإعلامي للحكومة: "of", not "to" (taken as the governed complement below)
            if nxt in _TO_MEDIA or nxt == "ل" or ctx.behind_preposition(last + 1, ("ل",)):
                break  # بليند لموقع يونايتد، عدد من الجيران لـ«عكاظ»: whom it was said to
            if doc.has_article(last) and not doc.has_article(last + 1) and not self.by_token.get(last + 1):
                break  # وصف العلماء عقار …: an adjective agrees in definiteness, an indefinite word is the object
            if nxt[:1] == "و" and nxt[1:] in FUNCTION_WORDS:
                break  # زوج المعلمة والتي توفيت: a conjoined relative clause
            if self._object_with_pronoun(last + 1) and doc.norms[last] not in QUANTIFIERS:
                break  # واختتم الوزير كلمته قائلا: the object (not إحدى زميلاتها, one of her colleagues)
            last += 1
        last = self._governed_complement(last)  # تحقيقات الداخلية التابعة لحماس
        span = self._span(doc.starts[i] + _conjunction(doc.words[i]), last)  # فالسيرة النبوية تشير
        if doc.norms[i] in QUANTIFIERS and doc.norms[i] not in ("احد", "احدي"):
            gender = ""  # عدد من الطلاب أكد … مؤكدين: a group, whatever the verb's agreement
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last


# Eulogies that stand for the one they praise when nothing else names him (قال تعالى، قال صلى الله
# عليه وسلم): (formula as normalised words, canonical name). Scripture quoted by the article's
# speaker, who stays the current speaker (Attribution.remember).
SACRED_FORMULAS = (
    (("صلي", "الله", "عليه", "وسلم"), "النبي محمد"),
    (("سبحانه", "وتعالي"), "الله"),
    (("عز", "وجل"), "الله"),
    (("تعالي",), "الله"),
)
SACRED = frozenset({"الله", "النبي محمد"})


def _sacred_formula(doc, i: int) -> tuple[str, int] | None:
    """(canonical, last token) of a eulogy starting at token i, else None."""
    for words, canonical in SACRED_FORMULAS:
        last = i + len(words) - 1
        if last < doc.n and tuple(doc.norms[i : last + 1]) == words:
            return canonical, last
    return None


def _conjunction(word: str) -> int:
    """1 when the word is و/ف + a definite noun (فالسيرة، والواقع), whose phrase starts after it;
    not والد، والدته، والش (words of their own: too little left after ال, or a pronoun suffix)."""
    if word[:1] not in "وف" or word[1:3] != "ال":
        return 0
    rest = word[3:]
    return int(len(rest) >= 3 and not rest.endswith(("ته", "ها", "هم", "نا")))


_MatchIndex = dict[str, tuple[list[int], list[Match]]]  # key → (first tokens, matches), in text order


def _index_by(matches: list[Match], key_of: Callable[[Match], str]) -> _MatchIndex:
    """Matches (in text order) grouped by ``key_of``, with their first tokens for bisecting."""
    out: _MatchIndex = {}
    for d in matches:
        firsts, found = out.setdefault(key_of(d), ([], []))
        firsts.append(d.first)
        found.append(d)
    return out


def _nearest_before(index: _MatchIndex, key: str, tok: int) -> Match | None:
    """The last match under ``key`` whose first token is before ``tok``."""
    firsts, found = index.get(key, ((), ()))
    k = bisect_left(firsts, tok)
    return found[k - 1] if k else None


def _desc_stem(m: Match) -> str:
    info = m.info("DESC")
    return info.attr("stem", info.name)


def _told_mark(doc, i: int) -> bool:
    """Token i (a lone ل) stands before an opening mark or bracket: لـ«عكاظ»، لـ"الوطن"، لـ(اليوم)."""
    opened = doc.gap(i).strip()
    return bool(opened) and opened[-1] in _TOLD_OPENERS


_SENTENCE_END = re.compile(r"[.!?؟\n]")  # (the issuer is named in the document word's sentence)
MAX_QUOTED_NAME = 4  # words of a name written in quotation marks: "يويفا"، شركة «إيني»، منظمة "إس أو إس المتوسط"
MAX_QUOTED_BODY = 6  # words of a body's name in marks inside a role (مدير "مهرجان أبها للتسوق")
# The title words that go with each honorific (سموه: a prince, معاليه: a minister …).
_OWN_RANK = {
    "سموه": normalized_words("سمو السمو الأمير امير الأميرة"),
    "معاليه": normalized_words("معالي وزير الوزير"),
    "فخامته": normalized_words("فخامة الرئيس"),
    "جلالته": normalized_words("جلالة الملك"),
}
_TITLE_REACH = 12  # words of a title phrase before a name (معالي رئيس ديوان المظالم رئيس مجلس … الشيخ الدكتور)
# Titles that another honorific goes with: سموه (a prince's) is not the king's or a minister's.
_RANKS_APART = {
    "سموه": normalized_words("الملك ملك خادم جلالة معالي فخامة الرئيس"),
    "معاليه": normalized_words("الملك ملك خادم جلالة الأمير امير سمو فخامة"),
    "فخامته": normalized_words("الأمير امير سمو معالي الملك"),
    "جلالته": normalized_words("الأمير امير سمو معالي الرئيس"),
}
_CLOSE_MARKS = '»”")'
_NO_MARKS = str.maketrans("", "", OPENING_MARKS + _CLOSE_MARKS + "(")


def with_closing_mark(text: str, start: int, end: int) -> int:
    """``end``, or one past it when a closing mark stands there for a name opened in
    text[start:end] (متحدث باسم "وايمو")."""
    return end + 1 if end < len(text) and text[end] in _CLOSE_MARKS and _opened(text[start:end]) else end


def _opened(text: str) -> bool:
    """``text`` opens a quotation mark it does not close ("وايمو)."""
    opened = sum(text.count(c) for c in "«“")
    closed = sum(text.count(c) for c in "»”")
    return opened > closed or text.count('"') % 2 == 1


def opens_content(gap: str) -> bool:
    """The text between the cue (or the one told) and the next word opens the content: a colon,
    or an opening mark after a space or attached to the next word (قال "…، قال " …), not a closing
    one attached to the word before (ل"الرياض" الشيخ)."""
    if ":" in gap:
        return True
    mark = gap.strip()[:1]
    return bool(mark) and mark in OPENING_MARKS and (gap[:1].isspace() or gap.endswith(mark))


def _quotation_end(doc, i: int, most: int) -> int | None:
    """Last token of the quotation opening at token i if it closes within ``most`` tokens."""
    for j in range(i, min(doc.n, i + most)):
        closed = doc.gap(j).strip()
        if closed and closed[0] in _CLOSE_MARKS:
            return j
    return None


def _opens_quotation(doc, i: int) -> bool:
    """An opening quotation mark stands right before token i, touching it (not حماس" صلاح: a
    straight mark closing the word before)."""
    gap = doc.gap(i - 1) if i > 0 else ""
    return bool(gap) and gap[-1] in OPENING_MARKS


def quoted_name_end(doc, i: int, most: int = MAX_QUOTED_NAME) -> int | None:
    """The last token of a short name in quotation marks opening at token i ("يويفا"، «سرنوشت
    الأفغانية»), or None: no mark before it, a colon (a quotation), or no closing mark within
    ``most`` words."""
    if i == 0 or i >= doc.n:
        return None
    gap = doc.gap(i - 1).strip()
    if not gap or gap[-1] not in OPENING_MARKS or ":" in gap:
        return None
    for j in range(i, min(doc.n, i + most)):
        if doc.gap(j).strip()[:1] in _CLOSE_MARKS and doc.gap(j).strip():
            return j
        if not doc.joined(j):
            return None
    return None


def _bracketed_name_end(doc, i: int) -> int | None:
    """The last token of a short name in brackets right after the trigger at token i (شركة
    (ديستريس أليرت)), or None."""
    if i + 1 >= doc.n or doc.gap(i).strip() != "(":
        return None
    for j in range(i + 1, min(doc.n, i + 1 + MAX_QUOTED_NAME)):
        if doc.gap(j).strip()[:1] == ")":
            return j
        if not doc.joined(j):
            return None
    return None


def _after_close_mark(doc, j: int) -> int:
    """Offset just after the closing mark that follows token j."""
    gap = doc.gap(j)
    return doc.ends[j] + len(gap) - len(gap.lstrip()) + 1
