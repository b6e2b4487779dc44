"""Attribution: who speaks for each speech cue, and which entity of the document that is.

The subject noun phrase after a cue is resolved to a canonical name.

Tried in order at the subject position: a resolved entity, a title phrase (linked to the person
it introduced in this document), an unnamed source (مسؤول أميركي → DESC; المسؤولان → the last
source with the same stem), then a short noun phrase up to the complementizer.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from khabar import text as textmod
from khabar.extractors.clauses import PARTICIPLE
from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context, normalized_words
from khabar.extractors.persons import skip_modifiers, title_phrase
from khabar.records import Entity, Span, Speaker

# Words that may sit between a cue and its subject (وقال، الخميس، البيت الأبيض …).
SKIP_BEFORE_SUBJECT = normalized_words(
    """الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس اليوم مساء صباح ليله اول ايضا بدوره بدورها
    بالقول قائلا قائلة العام الماضي الأسبوع الشهر الجاري المقبل الحالي مؤخرا لاحقا"""
)
_ADJ_END = re.compile(r"(ي|يه|يون|يين|يان|يتان)$")
MAX_NP = 5
_OPENS_CONTENT = re.compile(r'[:«“"„]')  # after the cue: the content starts, no explicit subject
MIN_SUBJECT_LETTERS = 3
ACCORDING = normalized_words("وفقا وفقاً بحسب حسب نقلا نقلاً طبقا طبقاً")


class SpeakerFinder:
    """Resolves subjects within one document; remembers sources for anaphora (المسؤولان)."""

    def __init__(self, ctx: Context, entities: list[Entity], titles: dict[str, str]) -> None:
        self.ctx = ctx
        self.titles = titles
        self.by_token = {e.first: e for e in entities}
        self.by_last = {e.last: e for e in entities}
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.people = [e for e in entities if e.label == "PER"]

    def subject_start(self, i: int) -> int:
        doc = self.ctx.doc
        while i < doc.n and doc.norms[i] in SKIP_BEFORE_SUBJECT:
            i += 1
        return i

    def at(self, i: int, gender: str, named_only: bool = False) -> tuple[Speaker, int] | None:
        """The speaker whose mention starts at token i, with its last token; None if implied.

        ``named_only``: an entity, title or source noun, not any noun phrase.
        """
        ctx, doc = self.ctx, self.ctx.doc
        if i >= doc.n:
            return None
        ent = self.by_token.get(i)
        if ent is not None:
            return Speaker(Span(ent.text, ent.start, ent.end), ent.label, ent.canonical, gender), ent.last
        title = ctx.longest(i, "TITLE")
        if title is not None:
            return self._title(title, gender)
        desc = ctx.longest(i, "DESC")
        if desc is not None:
            return self._desc(desc, gender)
        if ctx.word_has(i, "ORG_TRIGGER") and not doc.has_article(i):
            return self._org_phrase(i, gender)  # وكالة الأنباء الإماراتية: a body named by its trigger
        if doc.has_article(i) and i + 1 < doc.n and doc.joined(i) and ctx.word_has(i + 1, "DEMONYM"):
            return self._body(i, gender)  # المخابرات التركية: a described body
        return None if named_only else self._noun_phrase(i, gender)

    def _body(self, i: int, gender: str) -> tuple[Speaker, int]:
        doc = self.ctx.doc
        last = self._after_adjectives(i, until=i + MAX_NP)
        span = self._span(doc.starts[i], last)
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last

    def before(self, cue_tok: int, gender: str) -> tuple[Speaker, int] | None:
        """A person or organization right before the cue, in the same phrase (subject-verb order)."""
        if cue_tok == 0 or not self.ctx.doc.joined(cue_tok - 1):
            return None
        ent = self.by_last.get(cue_tok - 1)
        if ent is None or ent.label not in ("PER", "ORG"):
            return None
        return Speaker(Span(ent.text, ent.start, ent.end), ent.label, ent.canonical, gender), ent.last

    def _org_phrase(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        """Trigger + one noun + its adjectives: وكالة الأنباء الإماراتية (not the object after it)."""
        doc = self.ctx.doc
        last = i
        if i + 1 < doc.n and doc.joined(i) and doc.norms[i + 1] not in FUNCTION_WORDS:
            last = self._after_adjectives(i + 1, until=i + MAX_NP)
        if last == i:
            return None
        span = self._span(doc.starts[i], last)
        return Speaker(span, "ORG", " ".join(span.text.split()), gender), last

    def _adjective(self, i: int) -> bool:
        norm = self.ctx.doc.norms[i]
        return norm not in FUNCTION_WORDS and (self.ctx.word_has(i, "DEMONYM") or bool(_ADJ_END.search(norm)))

    def _span(self, start: int, last: int) -> Span:
        doc = self.ctx.doc
        return Span(doc.text[start : doc.ends[last]], start, doc.ends[last])

    def _definite_trigger(self, i: int) -> str | None:
        """الشركة / الوزارة / الحركة as subject: the last organization named with that trigger."""
        norm = self.ctx.doc.norms[i]
        if not norm.startswith("ال") or not self.ctx.word_has(i, "ORG_TRIGGER"):
            return None
        bare = norm[2:]
        for e in reversed(self.orgs):
            if e.start < self.ctx.doc.starts[i] and bare in self.ctx.doc.norms[e.first : e.last + 1][:1]:
                return e.canonical
        return None

    def _title(self, m, gender: str) -> tuple[Speaker, int]:
        if m.key.endswith("باسم"):  # المتحدث باسم X: the spokesperson of X
            return self._spokesperson(m, gender)
        after = skip_modifiers(self.ctx, m.last + 1)
        ent = self.by_token.get(after)
        if ent is not None and ent.label == "PER" and self.ctx.doc.joined(after - 1):
            return Speaker(Span(ent.text, ent.start, ent.end), "PER", ent.canonical, gender), ent.last
        last = after - 1
        phrase = title_phrase(self.ctx, m, last)
        span = self._span(m.start, last)
        canonical = (
            self.titles.get(phrase) or self.titles.get(m.key) or self._by_role(m, last) or " ".join(span.text.split())
        )
        return Speaker(span, "PER", canonical, gender), last

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
            last += 1
        span = self._span(m.start, last)
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last

    def _desc(self, m, gender: str) -> tuple[Speaker, int]:
        """مسؤول أميركي → DESC; المسؤولان → the last indefinite source with the same stem."""
        last = self._desc_end(m)
        span = self._span(m.start, last)
        canonical = " ".join(span.text.split())
        if m.key.startswith("ال"):
            antecedent = self._antecedent(m)
            if antecedent is not None:
                canonical = antecedent
        return Speaker(span, "DESC", canonical, gender), last

    def _desc_end(self, m) -> int:
        return self._after_adjectives(m.last, until=m.last + 2)

    def _after_adjectives(self, last: int, until: int) -> int:
        """Token ``last`` extended over the adjectives right after it, up to token ``until``."""
        doc = self.ctx.doc
        while last < until and last + 1 < doc.n and doc.joined(last) and self._adjective(last + 1):
            last += 1
        return last

    def _antecedent(self, m) -> str | None:
        desc = m.info("DESC")
        stem = desc.attr("stem", desc.name)
        for prev in reversed(self.ctx.matches):
            if prev.first >= m.first or "DESC" not in prev.labels or prev.key.startswith("ال"):
                continue
            info = prev.info("DESC")
            if info.attr("stem", info.name) == stem:
                return " ".join(self._span(prev.start, self._desc_end(prev)).text.split())
        return None

    def _noun_phrase(self, i: int, gender: str) -> tuple[Speaker, int] | None:
        ctx, doc = self.ctx, self.ctx.doc
        if doc.norms[i] in FUNCTION_WORDS or not ctx.is_arabic_word(i) or ctx.word_has(i, "CUE"):
            return None
        if len(doc.norms[i]) < MIN_SUBJECT_LETTERS:
            return None  # لـ(CNN), و: not a subject
        org = self._definite_trigger(i)
        if org is not None:
            return Speaker(self._span(doc.starts[i], i), "ORG", org, gender), i
        last = i
        while last + 1 < doc.n and last - i + 1 < MAX_NP and doc.joined(last):
            nxt = doc.norms[last + 1]
            place = ctx.longest(last + 2, "LOC", "ORG") if nxt == "في" and doc.joined(last + 1) else None
            if place is not None:
                last = place.last  # السلطات المعنية في السعودية، مصدر في وزارة الدفاع
                break
            if nxt in FUNCTION_WORDS or nxt in SKIP_BEFORE_SUBJECT or nxt in COMPLEMENTIZERS or nxt in ACCORDING:
                break
            last += 1
        span = self._span(doc.starts[i], last)
        return Speaker(span, "DESC", " ".join(span.text.split()), gender), last


class Attribution:
    """Chooses and resolves the speaker of each cue in one document: the explicit subject, an
    entity right before the cue, or (implied) this sentence's last speaker, its opening subject,
    or the subject of the sentence before. Keeps the document's speaker history."""

    def __init__(self, ctx: Context, entities: list[Entity], titles: dict[str, str], marks: list[int]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.finder = SpeakerFinder(ctx, entities, titles)
        self.history: list[tuple[int, Speaker]] = []  # (cue token, explicit speaker)
        self._marks = marks  # offsets of sentence punctuation (clauses.SENTENCE_MARKS)
        self._sentence_starts: list[int] | None = None

    def remember(self, cue_tok: int, speaker: Speaker) -> None:
        """An explicit speaker: a later وأضاف / مضيفاً continues this subject."""
        self.history.append((cue_tok, speaker))

    def sentence_subject(self, cue_tok: int, gender: str, opening: int | None = None) -> Speaker | None:
        """The subject after the verb that opens the cue's sentence (وسلطت الوكالة …، قائلة), or
        the sentence starting at token ``opening``."""
        start = self._sentence_start(cue_tok) if opening is None else opening
        if start >= cue_tok - 1:
            return None
        found = self.finder.at(self.finder.subject_start(start + 1), gender, named_only=True)
        if found is None or found[1] >= cue_tok:
            return None
        speaker = found[0]
        return Speaker(None, speaker.label, speaker.canonical, speaker.gender)

    def _sentence_start(self, tok: int) -> int:
        """First token of the sentence holding token ``tok``."""
        if self._sentence_starts is None:
            doc = self.doc
            found = {doc.first_token_from(p + 1) for p in self._marks}
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
        return subject or last

    def implied(self, gender: str, since: int = 0) -> Speaker | None:
        """The last explicit speaker (with a cue at or after token ``since``) whose gender agrees."""
        for tok, prev in reversed(self.history):
            if tok < since:
                break
            if not gender or not prev.gender or prev.gender == gender:
                return Speaker(None, prev.label, prev.canonical, prev.gender)
        return None

    def speaker(self, m, info) -> tuple[Speaker | None, int, bool]:
        """(speaker, first token after the subject, was the subject explicit?) for a cue."""
        doc, gender = self.doc, info.attr("gender")
        subj = self.finder.subject_start(m.last + 1)
        via = info.attr("speaker_after")
        if via:
            window = range(m.last + 1, min(doc.n, m.last + 10))
            subj = next((j + 1 for j in window if doc.norms[j] == via), subj)
        participle = PARTICIPLE.fullmatch(m.key) is not None  # مضيفاً، واصفاً: what follows is the object
        explicit = subj < doc.n and doc.norms[subj] not in COMPLEMENTIZERS
        found = None
        before = self.finder.before(m.first, gender) if not participle else None
        if before is not None:
            found = before[0], m.last  # SVO: أن برويدي يصف قطر بأنها …
        elif explicit and not participle and not _OPENS_CONTENT.search(doc.gap(subj - 1)):
            found = self.finder.at(subj, gender)
        if found:
            return found[0], found[1] + 1, True
        # implied: this sentence's speaker, else its opening subject, else the one before
        start = self._sentence_start(m.first)
        in_sentence = self.implied(gender, since=start)
        speaker = in_sentence or self.sentence_subject(m.first, gender) or self._previous_subject(start, gender)
        return speaker, m.last + 1, False
