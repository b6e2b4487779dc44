"""Attribution: who speaks for each speech cue, and which entity of the document that is.

The explicit subject (read by subjects.SpeakerFinder), a subject before the verb, or the speaker
implied by the discourse: this sentence's last speaker, its opening subject, or the one before.
The current speaker is remembered across cues.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from khabar.extractors.clauses import clause_opener, dateline_end, participle_cue, reported_verb
from khabar.extractors.context import (
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    NAME_LINKS,
    RELATION_NOUNS,
    Context,
    normalized_words,
)
from khabar.extractors.name_runs import blessing_at, name_run
from khabar.extractors.statements import StatementSpeakers
from khabar.extractors.subject_names import SIDE_WORDS
from khabar.extractors.subjects import (
    DOCUMENT_NOUNS,
    IN_IT,
    MAX_NP,
    MAX_QUOTED_BODY,
    PREPOSITIONS,
    QUANTIFIERS,
    RELATIVES,
    SACRED,
    SpeakerFinder,
    opens_content,
    quoted_name_end,
)
from khabar.records import Entity, Span, Speaker

# Clause openers after which the subject may precede its verb: لكن، بينما … and غير/إلا أن
_OPENERS, _THAT = normalized_words("لكن ولكن بينما وبينما فيما"), frozenset({"ان"})


_CLAUSE_CONJUNCTIONS = "وف"  # a verb carrying one opens its own clause


_AMMA = frozenset({"أما", "وأما", "اما", "واما"})  # "as for" (not إما "either"), with its hamza or bare
TOLD_AS_NAME = normalized_words("لي")  # لي: "to me", and the name Lee (غاريث لي)
MAX_BEFORE_COMPLEMENTIZER = 5  # words after a name in marks before إن/أن (في بيان، الشهر الماضي)
RESUMPTIVES = normalized_words("عليه عليها عليهم فيه فيها عنه عنها له لها به بها")

MAX_DESCRIBED = 3  # words of an unnamed subject taken from the sentence's opening verb (_described_subject)


_VERB_READINGS = frozenset({"عبر", "وعبر"})  # prepositions that open a sentence as a verb


def _opens_clause(doc, k: int) -> bool:
    return clause_opener(doc, k, _OPENERS, _THAT) is not None


# Words for what someone said or wrote: "في بيان للجيش" names its author after ل.
WAS = normalized_words("كان كانت كانوا وكان وكانت وكانوا")  # كان … قد + verb: the subject between
MAX_BACK = 4  # sentences back to an implied cue's subject when no speaker was named yet
EXPLICIT, IMPLIED, NEAREST = "explicit", "implied", "nearest"  # how a cue's speaker was found


# من جهته / ومن جانبه before a verb (the quote finder reads them before a cue too); a sentence may
# open with the plural forms as well (ومن جهتهم أكد …)
FROM_WORDS = normalized_words("من ومن")
_IMPERSONAL = normalized_words("يذكر ويذكر يشار ويشار بالذكر")
RELATIVE_WINDOW = 8  # إسرائيل التي قالت في بيان أمس إنها …: words between a relative's verb and its إن
_SIDE = SIDE_WORDS | normalized_words("جهتهم جانبهم ناحيتهم")
_OPENING_PARTICLES = normalized_words("كما ثم وقد قد لقد فقد كذلك وكذلك")  # before a sentence's verb
_IN_TURN = normalized_words("بدوره وبدوره بدورها وبدورها بدورهم وبدورهم")

# قال عنها، قال عنه: "said of it", a relative clause on the noun before; the subject follows.
ABOUT_IT = normalized_words("عنه عنها عنهم عنهما")


def _blessing_before(doc, verb: int) -> int:
    """Number of tokens of a blessing right before token ``verb`` (رضي الله عنهما: 3, رحمه الله: 2)."""
    if blessing_at(doc, verb - 3) == 3:
        return 3
    return 2 if blessing_at(doc, verb - 2) == 2 else 0


class Attribution(StatementSpeakers):
    """Chooses and resolves the speaker of each cue in one document: the explicit subject, an
    entity right before the cue, or (implied) this sentence's last speaker, its opening subject,
    or the subject of the sentence before. Keeps the document's speaker history."""

    def __init__(
        self,
        ctx: Context,
        entities: list[Entity],
        titled: list[tuple[Entity, str, str]],
        marks: list[int],
        in_quote: Callable[[int], bool] = lambda pos: False,
    ) -> None:
        self.ctx = ctx
        self.in_quote = in_quote  # is a character offset inside a quotation?
        self.doc = doc = ctx.doc
        self.opening = dateline_end(doc.text, lambda: bool(doc.n and ctx.longest(0, "LOC")), self._names)
        self.finder = SpeakerFinder(ctx, entities, titled, self.opening)
        self.history: list[tuple[int, Speaker]] = []  # (cue token, explicit speaker)
        self._statement_mentions: dict[str, list[int]] = {}  # document word → its other mentions
        self._marks = marks  # offsets of sentence punctuation (clauses.SENTENCE_MARKS)
        self._sentence_starts: list[int] | None = None
        self._canonicals: set[str] | None = None  # canonicals of the document's mentions (_entity_speaker)

    def _names(self, start: int, end: int) -> bool:
        """Is text[start:end] exactly a place or a body the lexicons know (a dateline's pieces)?"""
        doc = self.doc
        i = doc.first_token_from(start)
        if i >= doc.n or doc.starts[i] != start:
            return False
        m = self.ctx.longest(i, "LOC", "ORG")
        return m is not None and doc.ends[m.last] == end

    def remember(self, cue_tok: int, speaker: Speaker | None, how: str, quoted: bool) -> None:
        """The current speaker after a cue: a later وأضاف / مضيفاً continues it. A quote's speaker
        found as the subject or from the discourse is remembered (not the nearest-name guess); a
        cue that introduced no quote leaves its named subject (أكد الوزير أهمية …، ثم قال: …)."""
        if speaker is None or how == NEAREST or speaker.canonical in SACRED:
            return  # (قال الله تعالى: scripture quoted, the article's speaker goes on)
        if quoted or how == EXPLICIT and speaker.label in ("PER", "ORG"):
            self.history.append((cue_tok, speaker))

    def sentence_subject(self, cue_tok: int, gender: str, opening: int | None = None) -> Speaker | None:
        """The subject after the verb that opens the cue's sentence (وسلطت الوكالة …، قائلة), or
        the sentence starting at token ``opening``."""
        start = self._sentence_start(cue_tok) if opening is None else opening
        if start >= cue_tok - 1 or self.doc.starts[start] < self.opening:
            return None  # (a dateline has no subject)
        start = self._after_side_opener(start, cue_tok)
        subj = self.finder.subject_start(start + 1)
        head = self.doc.norms[start]
        # وأمام الكونجرس …: a preposition's object, not a subject (but عبر opening a sentence without
        # a fronted phrase closed by a comma is the verb عبّر: عبر اللاعب عن سعادته)
        fronted = head in PREPOSITIONS or head[1:] in PREPOSITIONS
        found = None if fronted else self.finder.at(subj, gender, named_only=True)
        if fronted and head in _VERB_READINGS:
            found = self._subject_after_topic(start, cue_tok, gender) or self.finder.at(subj, gender, named_only=True)
        if found is None and not fronted and head not in FUNCTION_WORDS:
            found = self._named_in_subject(subj, cue_tok, gender)  # (not وحول موافقة الوزير …: a fronted topic)
        if found is None and subj < self.doc.n and self.doc.norms[subj] in QUANTIFIERS:
            found = self.finder.at(subj, gender)  # وأجمل عدد من الطلاب …، وزادوا أن: a group
        if found is None and fronted:
            found = self._subject_after_topic(start, cue_tok, gender)  # وعلى وسائل التواصل، سخر بعض …
        if found is None or found[1] >= cue_tok or found[0].canonical in SACRED:
            return None  # (قال صلى الله عليه وسلم: "…". وأفاد: the article's speaker, not the one quoted)
        speaker = found[0]
        return Speaker(None, speaker.label, speaker.canonical, speaker.gender)

    def _after_side_opener(self, start: int, cue_tok: int) -> int:
        """The verb's token when the sentence opens with ومن ناحيته / من جهته / ومن جانبه / بدوره
        before it (ومن ناحيته دعا النائب …، من جهتها، رفضت الوزارة …): the subject follows that verb."""
        doc = self.doc
        k = start
        if k + 2 < cue_tok and doc.norms[k] in FROM_WORDS and doc.norms[k + 1] in _SIDE and doc.joined(k):
            k += 2
        elif doc.norms[k] in _IN_TURN or doc.norms[k] in _OPENING_PARTICLES:
            k += 1  # بدوره رد …، كما شكر البابا فرنسيس …: the verb follows the particle
        return k if k < cue_tok - 1 else start

    def _subject_after_topic(self, start: int, cue_tok: int, gender: str) -> tuple[Speaker, int] | None:
        """A sentence opening with a fronted prepositional phrase and a comma (وعلى وسائل التواصل
        الاجتماعي، سخر بعض المستخدمين …): the subject after the verb that follows the comma."""
        doc = self.doc
        comma = next((c for c in range(start, min(cue_tok - 2, start + MAX_NP + 3)) if doc.comma(c)), None)
        if comma is None:
            return None
        subj = self.finder.subject_start(comma + 2)
        if subj >= cue_tok:
            return None
        found = self.finder.at(subj, gender, named_only=True)
        if found is None and doc.norms[subj] in QUANTIFIERS:
            found = self.finder.at(subj, gender)
        return found

    def _named_in_subject(self, subj: int, cue_tok: int, gender: str) -> tuple[Speaker, int] | None:
        """A person named at the end of the opening subject phrase, after words of a role the
        lexicons do not hold (أثارت سيدة الولايات المتحدة الأولى ميلانيا ترامب …): no function word,
        preposition or punctuation before the name."""
        doc = self.doc
        if subj < doc.n and doc.norms[subj] in RELATION_NOUNS:
            return None  # وروت خطيبة خاشقجي: a relative of the person named, not that person
        for k in range(subj, min(cue_tok, subj + MAX_NP + 1)):
            ent = self.finder.by_token.get(k)
            if ent is not None and ent.label == "PER":
                return Speaker(Span(ent.text, ent.start, ent.end), "PER", ent.canonical, gender), ent.last
            if not doc.joined(k) or doc.norms[k] in FUNCTION_WORDS or doc.norms[k][:1] in ("ب", "ل"):
                return None
        return None

    def _sentence_start(self, tok: int) -> int:
        """First token of the sentence holding token ``tok``."""
        if self._sentence_starts is None:
            doc = self.doc
            found = {doc.first_token_from(p + 1) for p in self._marks}
            if self.opening:
                found.add(doc.first_token_from(self.opening))  # the dateline is a sentence of its own
            self._sentence_starts = sorted({0} | {i for i in found if i < doc.n})
        k = bisect_right(self._sentence_starts, tok)
        return self._sentence_starts[k - 1]

    def _previous_subject(self, start: int, gender: str) -> Speaker | None:
        """وأشاد بول ريان بالخطة. وكتب: "…" — the subject of the sentence before, when it is named
        and more recent than the last speaker; else the last speaker."""
        last = self.implied(gender)
        if start == 0:
            return last
        prev_start = self._sentence_start(start - 1)
        recent = self.history[-1][0] if self.history else -1
        if recent >= prev_start:
            return last
        subject = self.sentence_subject(start, gender, opening=prev_start)
        return subject or last or self._earlier_subject(prev_start, gender)

    def _earlier_subject(self, start: int, gender: str) -> Speaker | None:
        """No speaker yet and no subject in the sentence before: the named subject of an earlier
        sentence (up to MAX_BACK sentences; the lead's subject: حذرت مقررة الأمم المتحدة … هلال
        إيلفر من …. … وقالت: "…"), whose gender agrees."""
        for _ in range(MAX_BACK):
            if start == 0:
                return None
            end, start = start, self._sentence_start(start - 1)
            verb = self.ctx.longest(start, "CUE")
            own = verb.info("CUE").attr("gender") if verb is not None else ""
            if gender and own and own != gender:
                continue  # أعلنت قطر …. وأضاف: the earlier verb's subject is feminine
            subject = self.sentence_subject(end, gender, opening=start)
            if subject is not None and (start > 0 or subject.label in ("PER", "ORG")):
                return subject  # (not a place opening the text: عين اليوم – بغداد اعلنت …, a dateline)
        return None

    def implied(self, gender: str, since: int = 0) -> Speaker | None:
        """The last explicit speaker (with a cue at or after token ``since``) whose gender agrees."""
        for tok, prev in reversed(self.history):
            if tok < since:
                break
            if not gender or not prev.gender or prev.gender == gender:
                return Speaker(None, prev.label, prev.canonical, prev.gender)
        return None

    def antecedent(self, relative: int) -> Entity | None:
        """The named person, body or place right before the relative pronoun at token
        ``relative`` (إسرائيل التي قالت), or None."""
        doc = self.doc
        ent = self.finder.by_last.get(relative - 1)
        gap = doc.gap(relative - 1).strip() if relative > 0 else ""
        if gap in ("،", ","):
            if ent is None:
                ent = self._apposed_antecedent(relative - 1)  # جون هايتن، قائد القوة النووية، الذي قال
            elif ent.label == "LOC":
                ent = None  # (… في نيويورك، التي: a place set off by a comma is rarely who speaks)
        elif gap:
            return None  # (بالولايات المتحدة - الذين: a dash between)
        if ent is None or ent.start > doc.starts[ent.first]:
            return None  # (behind a preposition)
        return ent

    def _apposed_antecedent(self, last: int) -> Entity | None:
        """The person or body before a role set off by commas that ends at token ``last`` (جون
        هايتن، قائد القوة النووية الأمريكية، الذي …): the role is in apposition to the name."""
        doc = self.doc
        k = last
        while k > 0 and last - k < MAX_NP and doc.joined(k - 1):
            k -= 1
        if k == 0 or doc.gap(k - 1).strip() not in ("،", ",") or self.ctx.longest(k, "TITLE") is None:
            return None
        ent = self.finder.by_last.get(k - 1)
        return ent if ent is not None and ent.label == "PER" else None

    def _first_antecedent(self, m) -> Entity | None:
        """For a cue after a conjoined relative pronoun (والذي) and before إن/أن: the person or body
        before the sentence's first relative pronoun (أبو سليم، الذي يرفض …، والذي يقول إن)."""
        doc = self.doc
        conjoined = m.first - 1
        if m.first == 0 or m.stripped or doc.norms[conjoined][:1] != "و" or doc.norms[conjoined][1:] not in RELATIVES:
            return None
        if m.last + 1 >= doc.n or doc.norms[m.last + 1] not in COMPLEMENTIZERS:
            return None
        start = self._sentence_start(conjoined)
        first = next((k for k in range(start + 1, conjoined) if doc.norms[k] == doc.norms[conjoined][1:]), None)
        if first is None:
            return None
        ent = self.finder.by_last.get(first - 1)
        if ent is None or ent.label not in ("PER", "ORG") or doc.gap(first - 1).strip() not in ("", "،", ","):
            return None
        return ent

    def named_at(self, i: int) -> bool:
        """A person or body is named, or a role opens, at token i (… الذي قال فيه وزير الداخلية)."""
        ent = self.finder.by_token.get(i)
        return ent is not None and ent.label in ("PER", "ORG") or self.ctx.longest(i, "TITLE") is not None

    def speaker(self, m, info) -> tuple[Speaker | None, int, str]:
        """(speaker, first token after the subject, how it was found) for a cue: EXPLICIT (the
        subject), IMPLIED (a speaker or subject of the discourse) or NEAREST (the nearest name
        before the cue in its sentence: a guess, not remembered as the current speaker)."""
        doc, gender = self.doc, info.attr("gender")
        relative = m.first > 0 and doc.norms[m.first - 1] in RELATIVES and not m.stripped
        if m.first > 0 and not m.stripped and doc.joined(m.first - 1) and self._statement_before(m.first - 1):
            author = self._statement_author(m.first - 1)  # نشرت مدرسة عامة في المنطقة تغريدة تقول …
            if author is not None:
                return author, m.last + 1, IMPLIED
        ent = self._first_antecedent(m) if not relative else None  # أبو سليم، الذي يرفض …، والذي يقول إن
        if ent is not None:
            return Speaker(None, ent.label, ent.canonical, gender), m.last + 1, IMPLIED
        if relative and m.last + 1 < doc.n and self._complement_near(m.last + 1):
            ent = self.antecedent(m.first - 1)  # إسرائيل التي قالت (أمس) إن …: the antecedent speaks
            if ent is not None:
                return (
                    Speaker(Span(ent.text, ent.start, ent.end), ent.label, ent.canonical, gender),
                    m.last + 1,
                    EXPLICIT,
                )
        if relative and m.last + 2 < doc.n and doc.norms[m.last + 1] in IN_IT:
            subj = m.last + 2  # اليوم الذي قال فيه وزير الداخلية إن …
        elif m.last + 2 < doc.n and doc.norms[m.last + 1] in ABOUT_IT and not info.attr("speaker_after"):
            subj = self.finder.subject_start(m.last + 2)  # في حملة قال عنها رئيس الوزراء …
        else:
            subj = self.finder.subject_start(m.last + 1)
        via = info.attr("speaker_after")
        if via:
            window = range(m.last + 1, min(doc.n - 1, m.last + 10))
            after = next((j + 1 for j in window if doc.norms[j] == via or self._relayed_from(j)), None)
            if after is not None:  # نقلت القناة عن النائب العام: the verb agrees with the outlet
                subj, gender = after, ""
        participle = participle_cue(m)  # مضيفاً، واصفاً: what follows is the object
        explicit = subj < doc.n and doc.norms[subj] not in COMPLEMENTIZERS
        explicit = explicit and not doc.comma(m.last)  # وأكد، ردا على …
        explicit = explicit and not (subj == m.last + 1 and reported_verb(self.ctx, subj))  # قال سيتبع
        found = None
        before = self.finder.before(m.first, gender, subj) if not participle else None
        if before is not None and m.stripped and m.first > 0 and doc.comma(m.first - 1):
            before = None  # …، بالعدواني، وقال: a verb joined by و after a comma takes no subject before it
        if (
            before is not None
            and explicit
            and m.stripped
            and doc.words[m.first][:1] in _CLAUSE_CONJUNCTIONS
            and self.named_at(subj)
            and self.finder.at(subj, gender) is not None
        ):
            before = None  # … محامي ترامب وقالت ليندزي والترز إن: و opens a clause, its subject follows
        if (
            before is not None
            and explicit
            and not m.stripped
            and subj == m.last + 1
            and before[0].label == "PER"
            and not info.attr("object")
            and self._person_at(subj)
        ):
            before = None  # ريتشارد غيتس أقر ريتشارد غيتس …: a name right after the verb is its subject
        if before is not None and m.last + 1 < doc.n and doc.norms[m.last + 1] in IN_IT | ABOUT_IT:
            before = None  # نشر تغريدة على تويتر قال فيها: a relative clause on the document, its author speaks
        takes_object = info.attr("object") == "1" and info.attr("pronoun") != "1"  # (وصفها: the object is attached)
        if before is not None:
            found = before[0], m.last  # SVO: أن برويدي يصف قطر بأنها …
        elif explicit and not participle and not opens_content(doc.gap(subj - 1)):
            found = self.finder.at(subj, gender, object_next=takes_object)
            if found is not None and takes_object and self._only_object(subj, found):
                found = None  # ووصفت بيع كوستا بأنه …: the one noun phrase is the object
        elif explicit and not participle and self._quoted_subject(subj):
            found = self.finder.at(subj, gender)  # وقال "يويفا" لبي بي سي إن …
        if (
            found
            and found[0].label in ("DESC", "ORG")
            and found[1] + 1 < doc.n
            and not takes_object
            and not self._entity_speaker(found)
        ):
            found = self._named_in_marks(found, gender)  # المنظمة التابعة له "التحالف من أجل القيم المشتركة"
        if found:
            sp = found[0]
            if (
                subj < doc.n
                and sp.span is not None
                and sp.canonical == sp.span.text
                and doc.norms[subj] in DOCUMENT_NOUNS
            ):
                sp = self._document_speaker(subj, sp)  # وقال مؤتمر الإيغور في تقرير …، وأضاف التقرير
            return sp, found[1] + 1, EXPLICIT
        before = doc.norms[m.first - 1] if m.first > 0 and not m.stripped else ""
        if (before in RELATIVES or before[1:] in RELATIVES) and m.last + 1 < doc.n and doc.norms[m.last + 1] in IN_IT:
            owner = self._statement_owner(m.first - 1)  # تصريحات الشيرازي والتي قال فيها: "…"
            if owner is not None:
                return Speaker(None, owner.label, owner.canonical, gender), m.last + 1, IMPLIED
        fronted = self._preverbal(m.first, gender) if not (participle or m.stripped) else None
        if fronted is None and m.stripped and doc.words[m.first][:1] == "ف":
            fronted = self._topic(m.first, gender)  # أما غاريث لي فقال: the topic is the subject
        if fronted is not None:
            return fronted, m.last + 1, EXPLICIT  # ولكن مسؤولين أكدوا أن …
        # implied: this sentence's speaker, else its opening subject, else the one before
        start = self._sentence_start(m.first)
        speaker = self._clause_subject(start, m.first, gender, strict=True) if participle else None
        speaker = speaker or (self._opening_subject(start, m.first, gender) if participle else None)
        speaker = speaker or (self._titled_subject(start, m.first, gender) if participle else None)
        speaker = speaker or self.implied(gender, since=start) or self.sentence_subject(m.first, gender)
        if speaker is None:
            speaker = self._author_before(start, m.first)  # جاء ذلك في تغريدة للقرضاوي، حيث قال
        if speaker is None and participle:
            speaker = self._clause_subject(start, m.first, gender)  # رد ترامب على كتاب وودوارد نافيا
        if speaker is None:
            nearest = self._named_before(start, m.first)
            if nearest is not None:
                return nearest, m.last + 1, NEAREST
            speaker = self._previous_subject(start, gender)
        if speaker is None:
            speaker = self._described_subject(start, m.first, gender)  # وتوقعت المنظمة …، مشيرة
        return speaker, m.last + 1, IMPLIED

    def _relayed_from(self, j: int) -> bool:
        """Token j ends the words before the one whose speech a relaying verb carries, besides its
        عن: على لسان (ونقلت الوكالة على لسان صفوي قوله) or قول + a name (ونقلت الأناضول قول أوغلو)."""
        doc = self.doc
        norm = doc.norms[j]
        if norm == "لسان":
            return j > 0 and doc.norms[j - 1] == "علي" and doc.joined(j - 1)
        return norm == "قول" and doc.joined(j) and self.named_at(j + 1)

    def _described_subject(self, start: int, cue_tok: int, gender: str) -> Speaker | None:
        """Nothing named speaks: the definite role, source or body that is the subject of the
        sentence's opening verb (وكتبت العارضة على موقعها …، تقول إن; وتوقعت المنظمة …، مشيرة), as
        the article says it; not a dateline, nor a phrase of more than MAX_DESCRIBED words."""
        doc = self.doc
        if start >= cue_tok - 1 or doc.starts[start] < self.opening:
            return None
        start = self._after_side_opener(start, cue_tok)
        if not self.ctx.word_has(start, "CUE") and doc.norms[start][:1] != "و" and start > 0:
            return None  # (the sentence must open with its verb)
        subj = start + 1
        if subj >= cue_tok or not doc.has_article(subj) or not doc.joined(start):
            return None
        ctx = self.ctx
        if not (ctx.longest(subj, "TITLE", "DESC") or ctx.word_has(subj, "ORG_TRIGGER")):
            return None  # (a role, a source or a body: not وتراوحت أعمار السيدات، وتصاعد الغضب)
        found = self.finder.at(subj, gender)
        if found is None or found[1] >= cue_tok or found[1] - subj >= MAX_DESCRIBED:
            return None
        sp = found[0]
        return Speaker(None, sp.label, sp.canonical, sp.gender)

    def _complement_near(self, i: int) -> bool:
        """A complementizer at token i, or a few words on with no name in between (التي تنفي تماما
        أن، الذي قال في نوفمبر الماضي إنه)."""
        doc = self.doc
        for k in range(i, min(doc.n, i + RELATIVE_WINDOW)):
            if doc.norms[k] in COMPLEMENTIZERS:
                return True
            if k in self.finder.by_token or not doc.joined(k):
                return False
        return False

    def _person_at(self, i: int) -> bool:
        ent = self.finder.by_token.get(i)
        return ent is not None and ent.label == "PER"

    def _only_object(self, subj: int, found: tuple[Speaker, int]) -> bool:
        """The phrase read as the subject of a verb that takes an object is followed by أن/بأن:
        it is that object, unless a person's phrase took in a body or place after its first word."""
        if not self._complementizer_at(found[1] + 1):
            return False
        return found[0].label != "PER" or not self._object_inside(subj, found[1])

    def _object_inside(self, first: int, last: int) -> bool:
        """A person's phrase at tokens first..last takes in a body or place after its first word (وصف
        الأمير الوليد سنابشات بأنها): the object was read into it, and the person is the subject."""
        return any(e.label != "PER" and e.first > first for e in self.finder.named_between(first, last))

    def _complementizer_at(self, k: int) -> bool:
        """Token k is أن/إن, with or without ب (بأن، بأنه), or a bare ب before what the phrase is
        described as, right after the phrase before it."""
        doc = self.doc
        if k >= doc.n or not doc.joined(k - 1):
            return False
        norm = doc.norms[k]
        if norm in COMPLEMENTIZERS or norm[:1] == "ب" and norm[1:] in COMPLEMENTIZERS:
            return True
        return doc.words[k].rstrip("ـ") == "ب" and k + 1 < doc.n  # تصف مادة السكر بـ"الرائعة": the description

    def _clause_subject(self, start: int, cue_tok: int, gender: str, strict: bool = False) -> Speaker | None:
        """A participle's subject is that of the nearest speech verb before it in its sentence when a
        name follows that verb (رد ترامب على كتاب وودوارد …، نافيا): the verb need not have a
        quotation of its own. Its gender must agree; a verb inside a quotation does not count.

        ``strict`` (tried before the discourse's speakers): not a verb inside what was reported
        (أوضح بالخير أن الشعب هو الذي طالب …، لافتا: بالخير speaks), nor one that may take an
        object (دعا فريق العمل إلى …: the team is called on), nor بين with no و (علاقة بين: "between")."""
        doc = self.doc
        for k in range(cue_tok - 1, start - 1, -1):
            verb = self.ctx.longest(k, "CUE")
            if verb is None or verb.first != k or verb.last >= cue_tok or self.in_quote(doc.starts[k]):
                continue
            info = verb.info("CUE")
            own = info.attr("gender")
            if participle_cue(verb) or gender and own and own != gender:
                continue
            if strict and (doc.words[k] == "بين" or self._reported(self._line_start(start, k), k)):
                continue
            if strict and k > 0 and doc.norms[k - 1] in RELATIVES and not self._resumptive(verb.last + 1):
                continue  # الدعوات التي طالبت جونسون: a relative clause's verb (not الذي رد عليه روحاني)
            found = self.finder.at(self.finder.subject_start(verb.last + 1), gender, named_only=True)
            if found is not None and strict and info.attr("object") and found[0].label != "PER":
                continue  # (a body after دعا may be its object)
            said = next((sp for tok, sp in reversed(self.history) if tok == k), None) if strict else None
            if said is not None and said.label == "PER" and found is not None and not self._entity_speaker(found):
                return Speaker(None, "PER", said.canonical, gender)  # شيخ جامع الأزهر، الإمام أحمد الطيب
            if found is not None and found[1] < cue_tok and found[0].label in ("PER", "ORG"):
                return Speaker(None, found[0].label, found[0].canonical, gender)
        return None

    def _entity_speaker(self, found: tuple[Speaker, int]) -> bool:
        """The subject read is a mention of a document entity (not a role phrase the lexicons do
        not hold: the verb's attribution, which links roles to holders, knows better then)."""
        if self._canonicals is None:
            self._canonicals = {e.canonical for e in self.finder.by_token.values()}
        return found[0].canonical in self._canonicals

    def _resumptive(self, k: int) -> bool:
        """Token k (right after the verb), or the verb match's own last token k - 1 (رد عليه as one
        cue), is a preposition with a pronoun pointing back to the relative pronoun (عليه، فيها):
        the relative is the verb's complement, and the verb's subject follows."""
        norms = self.doc.norms
        return (k < self.doc.n and norms[k] in RESUMPTIVES) or norms[k - 1] in RESUMPTIVES

    def _line_start(self, start: int, k: int) -> int:
        """First token of the line holding token ``k``, not before token ``start``."""
        doc = self.doc
        return next((j + 1 for j in range(k - 1, start - 1, -1) if "\n" in doc.gap(j)), start)

    def _quoted_subject(self, subj: int) -> bool:
        """وقال "يويفا" لبي بي سي إنه، وذكرت "وايمو" بأنها: a short name in quotation marks, then the
        rest of the attribution (a complementizer, ل + the one told, في), not the quotation itself."""
        doc = self.doc
        last = quoted_name_end(doc, subj)
        if last is None or last + 1 >= doc.n or doc.gap(last).strip()[1:].strip():
            return False  # (punctuation after the closing mark: "…": or "…"،)
        nxt = doc.norms[last + 1]
        return nxt in COMPLEMENTIZERS or nxt == "في" or nxt[:1] == "ل" or nxt[:1] == "ب" and nxt[1:] in COMPLEMENTIZERS

    def _preverbal(self, cue_tok: int, gender: str) -> Speaker | None:
        """ولكن مسؤولين أكدوا، لكن الفيفا تقول، المصممة المغربية أوضحت: a subject phrase right before
        the verb, opening its sentence or after a clause opener (لكن، بينما، غير أن، إلا أن); not a
        fronted topic (وحول إقامة البطولة قال)."""
        doc = self.doc
        start = max(self._sentence_start(cue_tok), doc.first_token_from(self.opening))
        verb = cue_tok - 1 if cue_tok - 1 > start and doc.norms[cue_tok - 1] == "قد" else cue_tok  # X قد أوردت
        verb -= _blessing_before(doc, verb)  # عن ابن عباس رضي الله عنهما قال: the blessing is the name's
        first = verb
        while first > start and verb - first <= MAX_NP and doc.joined(first - 1):
            if _opens_clause(doc, first - 1):
                break
            first -= 1
        if doc.norms[first] == "عن" and first + 1 < verb and (first == start or doc.comma(first - 1)):
            return self._narrator(first + 1, verb - 1, gender)  # عن ابن عمر قال: an isnad's narrator
        if first == start and first < verb - 1 and doc.norms[first] in WAS:
            first += 1  # وكانت تقارير إخبارية قد أوردت: the subject after كان
        elif first == verb or first > start and not _opens_clause(doc, first - 1):
            return None
        head = doc.norms[first]
        if head in FUNCTION_WORDS or head in PREPOSITIONS or head[:1] == "و" and head[1:] in PREPOSITIONS:
            return None
        found = self.finder.at(first, gender)
        return found[0] if found is not None and found[1] == verb - 1 else None

    def _narrator(self, first: int, last: int, gender: str) -> Speaker | None:
        """The name at tokens first..last (عن ابن عباس رضي الله عنهما قال): the narrator who says
        what follows, a name run of its own (ابن عباس، أبي هريرة) or a person mention."""
        doc = self.doc
        end = name_run(self.ctx, first, introduced=True, given=doc.norms[first] in NAME_LINKS)  # (ابن عباس)
        if end != last:
            found = self.finder.at(first, gender, named_only=True)
            return found[0] if found is not None and found[1] == last else None
        span = Span(doc.text[doc.starts[first] : doc.ends[last]], doc.starts[first], doc.ends[last])
        return Speaker(span, "PER", " ".join(span.text.split()), gender)

    def _named_in_marks(self, found: tuple[Speaker, int], gender: str) -> tuple[Speaker, int]:
        """A subject phrase followed by a short name in quotation marks and then (a few words on) the
        complementizer (قالت المنظمة التابعة له "التحالف من أجل القيم المشتركة" في بيان إن …): the
        name in marks is who speaks, the phrase its description."""
        doc = self.doc
        phrase = found[0].span
        if phrase is None or any(c in phrase.text for c in '"«»“”'):
            return found  # (a name in marks is in the phrase already: صحيفة "غلوبال تايمز")
        k = found[1] + 1
        if doc.norms[k] in RESUMPTIVES and k + 1 < doc.n:
            k += 1  # التابعة له
        elif not doc.has_article(found[1]) and (found[1] > doc.first_token_from(phrase.start) + 1):
            return found  # منتقدو قرار مطعم "ريد هين": the name is the genitive's, not the subject's
        if self.ctx.longest(doc.first_token_from(phrase.start), "DESC") is not None:
            return found  # مصدر بوزارة الدفاع "البنتاغون": an anonymous source keeps its phrase
        last = quoted_name_end(doc, k, most=MAX_QUOTED_BODY)
        words = doc.norms[k : last + 1] if last is not None else ()
        if not words or words[0][:1] == "ل" or any(w in FUNCTION_WORDS and w != "من" for w in words):
            return found  # "في رد على استفسار"، لـ«المدينة»، "انتبهي على نفسك": no name
        if not any(
            doc.norms[j] in COMPLEMENTIZERS for j in range(last + 1, min(doc.n, last + MAX_BEFORE_COMPLEMENTIZER))
        ):
            return found
        start = doc.starts[k]
        name = doc.text[start : doc.ends[last]]
        role = found[0].span.text if found[0].span is not None else found[0].canonical
        return Speaker(Span(name, start, doc.ends[last]), "ORG", name, gender, role=role), last

    def _topic(self, cue_tok: int, gender: str) -> Speaker | None:
        """أما + a noun phrase + ف + the verb (أما غاريث لي فقال، أما الوزارة فأكدت): the phrase
        between أما and the verb is its subject, when it is a person, a body or a described one."""
        doc = self.doc
        for k in range(cue_tok - 1, max(-1, cue_tok - MAX_NP - 2), -1):
            if doc.norms[k] in ("اما", "واما") and doc.words[k] in _AMMA and k + 1 < cue_tok:
                found = self.finder.at(k + 1, gender)
                if found is not None and found[1] == cue_tok - 1:
                    return found[0]
                words = range(k + 1, cue_tok)
                if len(words) > MAX_NP or any(doc.norms[j] in FUNCTION_WORDS - TOLD_AS_NAME for j in words):
                    return None  # وأما عن الاقتصاد فقال الوزير: a topic, and the subject after the verb
                text = doc.text[doc.starts[k + 1] : doc.ends[cue_tok - 1]]
                return Speaker(Span(text, doc.starts[k + 1], doc.ends[cue_tok - 1]), "DESC", text, gender)
            if not doc.joined(k) and k < cue_tok - 1:
                return None  # (a mark between: another clause)
        return None

    def _opening_subject(self, start: int, cue_tok: int, gender: str) -> Speaker | None:
        """A participle in a sentence with no speech cue before it takes the named subject of the
        verb opening the sentence (شكر الرئيس التركي، رجب طيب أردوغان، … الشيخ تميم بن حمد …
        مؤكدا: the one who thanks, not the one thanked)."""
        if self.history and self.history[-1][0] >= start:
            return None
        found = self.sentence_subject(cue_tok, gender)
        if found is None and gender == "pl":
            found = self._group_subject(start, cue_tok)  # عبر الزائرون عن إعجابهم …، مؤكدين
        return found if found is not None and (found.label in ("PER", "ORG") or gender == "pl") else None

    def _group_subject(self, start: int, cue_tok: int) -> Speaker | None:
        """An unnamed plural subject after the verb opening the sentence (عبر الزائرون …، يتمنى
        أهالي الحي …، مؤكدين): a plural participle's group, though the lexicons name no one."""
        doc = self.doc
        k = self._after_side_opener(start, cue_tok)
        if k == start and doc.norms[k] == "في" and k + 2 < cue_tok and doc.has_article(k + 1):
            k += 2  # في المقابل يتمنى أهالي الحي: a fronted phrase, then the verb
        subj = self.finder.subject_start(k + 1)
        if subj >= cue_tok:
            return None
        found = self.finder.at(subj, "pl")
        if found is None or found[1] >= cue_tok or found[0].label != "DESC":
            return None
        return Speaker(None, "DESC", found[0].canonical, "pl")

    def _titled_subject(self, start: int, cue_tok: int, gender: str) -> Speaker | None:
        """A participle's subject introduced with its role after the sentence's last speaker (…،
        وهو ما رد عليه الرئيس الإيراني، حسن روحاني قائلا؛ أعرب وزير الخارجية مايك بومبيو عن
        تفاؤله بإطلاق سراح برونسون قائلا): the nearest person of the sentence named with a role,
        not inside a quotation nor behind a preposition, when it comes after the last speaker's cue."""
        recent = self.history[-1][0] if self.history else -1
        if recent >= start and self._takes_object(recent):
            return None  # وصف السديس … ولي العهد الأمير محمد بن سلمان بـ"…"، مشددا: the one described
        for e in self.finder.named_before(cue_tok):
            if e.last >= cue_tok:
                continue
            if e.first < max(start, recent + 1):
                return None
            if e.label != "PER" or not self.finder.roles.titled(e.start) or self.in_quote(e.start):
                continue
            if self._role_governed(e.first) or self._reported(max(start, recent + 1), e.first):
                continue
            return Speaker(None, "PER", e.canonical, gender)
        return None

    def _takes_object(self, cue_tok: int) -> bool:
        """The speech verb at token ``cue_tok`` always takes a direct object (وصف، أبلغ)."""
        verb = self.ctx.longest(cue_tok, "CUE")
        return verb is not None and verb.info("CUE").attr("object") == "1"

    def _role_governed(self, first: int) -> bool:
        """The role phrase before the name at token ``first`` is the object of a preposition (مع
        وزير الخارجية، لخادم الحرمين الشريفين الملك …)."""
        doc, ctx = self.doc, self.ctx
        k = first - 1
        while k >= 0 and first - k <= MAX_NP and doc.joined(k) or k == first - 1 and doc.comma(k):
            norm = doc.norms[k]
            if norm in PREPOSITIONS or ctx.behind_preposition(k, ("ل", "ب")) and not ctx.word_has(k, "CUE"):
                return True  # (not ليعلق وزير الدفاع …: ل + a speech verb)
            if norm in FUNCTION_WORDS:
                return False  # رد عليه الرئيس الإيراني: a verb's complement before its subject
            k -= 1
        return False

    def _reported(self, lo: int, first: int) -> bool:
        """A complementizer outside quotation marks between token ``lo`` and ``first``: the name is
        inside what someone reported (… أن رئيس المؤسسة المهندس X تابع الموقف، مشيرا)."""
        doc = self.doc
        return any(
            doc.norms[k] in COMPLEMENTIZERS and not self.in_quote(doc.starts[k]) and doc.norms[k - 1] not in _IMPERSONAL
            for k in range(max(lo, 1), first)
        )  # (ويذكر أن …: the narrator's "it is noted that", no one's report)

    def _named_before(self, start: int, cue_tok: int) -> Speaker | None:
        """The nearest person or body named earlier in the cue's sentence, not as the object of a
        preposition (أصدر سورنسن بيانا، قال فيه …)."""
        doc = self.doc
        for e in self.finder.named_before(cue_tok):
            if e.last >= cue_tok:
                continue
            if e.first < start:
                return None
            if e.first == 0 or not doc.joined(e.first - 1) or doc.norms[e.first - 1] in FUNCTION_WORDS:
                continue  # مع سورنسن، "…، تويتر،": an object or an aside, not the subject
            if doc.words[e.first][:1] in "لب" and e.start > doc.starts[e.first]:
                continue  # لسورنسن: an object
            if self.in_quote(e.start):
                continue  # "… عن دعم الأسد الحيوان،" لافتا: a name inside the quotation does not speak
            if e.first > 0 and doc.joined(e.first - 1) and doc.norms[e.first - 1] in RELATION_NOUNS:
                continue  # وروت خطيبة خاشقجي …، إذ كتبت: the relative speaks, not the one named
            if e.first >= 2 and doc.joined(e.first - 2) and doc.norms[e.first - 2] in PREPOSITIONS:
                continue  # في وجه أدولف هتلر: the complement of a prepositional phrase
            return Speaker(None, e.label, e.canonical)
        return None
