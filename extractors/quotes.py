"""Attributed quotes: a speech cue (قال، أضاف، مؤكداً …), its speaker, and what was said.

For each cue (not inside a quotation, not in a relative clause such as ما قاله):
the speaker is the subject after the cue (``nqlt … ʿan X`` takes X), or, when only implied
(وتابع، معتبراً), the previous speaker whose gender agrees with the verb. The content is the
first of, within the sentence: a quotation (direct), a complementizer إن/أن/بأن (indirect to
the end of the clause; mixed when it contains a quotation), a colon (direct); otherwise a
quotation right before the cue ("…"، قال الوزير).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace

from khabar.document import Match, find_char_sets
from khabar.extractors.attribution import FROM_WORDS, RELATIVE_WINDOW, SIDE_WORDS, Attribution
from khabar.extractors.clauses import (
    ACCORDING_TO,
    RULE_STARTS,
    SENTENCE_PUNCT,
    circumstantial_ends,
    clause_ends,
    clause_opener,
    closed_sentence_ends,
    contrast_ends,
    nbsp_paragraph_end,
    paragraph_ends,
    participle_cue,
    reported_verb,
    rule_ends,
    sentence_ends,
)
from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context, normalized_words
from khabar.extractors.quotemarks import MARK_CHARS, OPENING_MARKS, quote_spans
from khabar.extractors.source_phrases import complement_end
from khabar.extractors.subject_names import VERB_PREPOSITIONS, written_called
from khabar.extractors.subjects import IN_IT, RELATIVES, with_closing_mark
from khabar.records import Entity, Quote, Span, Speaker
from khabar.text import normalize

COORDINATED = frozenset("""وان وانه وانها وانهم وبان وبانه وبانها""".split())
# A relative pronoun, a preposition or a negating noun before a cue word makes it a noun or a relative
# clause (ما قاله، في رد فعل، عدم ذكر) when nothing but spaces stands between them (not "… عن بعد.
# وقال": a sentence ends between).
# Before a cue with its own و/ف only a relative word counts: ما ورد في (the verb ورد, not و + رد);
# a preposition does not govern وقال (منذ أعوام بعد وقال).
_RELATIVE_WORDS = frozenset("ما الذي التي الذين اللذين اللتين مما عما لما".split())
RELATIVE_BEFORE_CUE = _RELATIVE_WORDS | frozenset(
    "في وفي من على عن الي بعد قبل خلال عدم دون بدون لم ولم لن ولن".split()
)  # (… عدم ذكر اسمه: a noun, not a verb; لم يعتبر: a negated report is no quote)
_ANY_MARK = MARK_CHARS + "″'`"  # (and marks that stand for one: sport24″)
# بهذه الكلمات، بهاتين الكلمتين، بهذه العبارة: "with these words", pointing back to a quotation
_THESE_WORDS = (
    normalized_words("بهذه بهاتين بتلك بهذين"),
    normalized_words("الكلمات الكلمتين الكلمه العباره العبارات الجمله الكلمتان"),
)
MAX_BETWEEN = 5  # words from بين to the وبين that closes "between X and Y"
_BETWEEN = frozenset({"بين", "بينه", "بينها", "بينهم", "بينهما", "بينك", "بيننا"})
MAX_CONTENT_GAP = 45  # tokens between cue and complementizer / quotation
NEAR_COMPLEMENTIZER = 4  # needs=quote cues: how close after the subject إن/أن must come
MAX_ADJUNCT_WORDS = 10  # words between the subject and a colon (لبرنامج في المرمى مع الإعلامي …:)
MAX_QUOTED_NAME_WORDS = 5  # words of a name in quotation marks inside the subject ("كي أل أم")
MAX_DESCRIBED_OBJECT = 10  # words of a describing verb's subject and object before بأنه (_described_as)
MAX_NAME_TO_CONTENT = 9  # words after a name in marks to إن/أن or a colon, past commas (الحالية، لبي بي سي إن)
_COMPLEMENT_PREPOSITIONS = normalized_words("إلى الى من على عن")  # دعا إلى، حذر من، حث على: the verb's complement
_SUBJECT_WINDOW = 8  # a verb-first clause: its complementizer within this many words after the subject's first
MAX_APPOSITION = 10  # words of an apposition between commas after the subject (، وكيل الوزارة …،)
_CUE_PROCLITICS = frozenset({"و", "ف"})
MIN_DIRECT_WORDS = 3  # shorter quotations are names or titles ("أكسيوس")
_WORD = re.compile(r"\w+")
# At least MIN_DIRECT_WORDS words (runs of \w): the last character of the first word, the words
# between, the first character of the last; found from the start, listing no word of a quotation.
_ENOUGH_WORDS = re.compile(r"\w" + r"\W+\w+" * (MIN_DIRECT_WORDS - 2) + r"\W+\w")
_ACCORDING = re.compile(rf"[،,]?\s*(?:{'|'.join(ACCORDING_TO)})\s")


# Words that open a new clause whose verb may follow them directly (لكنه أوضح، بينما أكد، إلا أنها أشارت)
_CLAUSE_OPENERS = normalized_words(
    "لكن ولكن لكنه ولكنه لكنها ولكنها بينما وبينما فيما كما وكما حيث بدوره وبدوره بدورها وبدورها"
)
# Openers after a comma that end a statement before a later cue's clause (…، ولكن وزارة الدفاع أكدت)
_CONTRAST = normalized_words("لكن ولكن لكنه ولكنه لكنها ولكنها بينما وبينما")
_EXCEPT_THAT = normalized_words("انه انها ان")  # إلا أنه/أنها: "but"
_BEFORE_CUE = " \t\n\xa0،,-–"  # what may stand between a quotation and the cue after it
_ADDRESSEE_MARKS = ' \t\xa0-ـ"«»“”()'  # between the words before a colon: وقال لـ"الوطن": …
_AS = normalized_words("بأنه بأنها بأنهم بأنهما بأنهن بأن بانه بانها بانهم")  # وصفه بأنه "…"
_WAS_FORMS = normalized_words("كان كانت كانوا كانا")
_VERB_OPENERS = normalized_words("حيث كما ثم قد لقد وقد بل لكنه لكنها ولكنه ولكنها فيما بينما إذ عندما حين")
_PRONOUNS = normalized_words("أنا نحن هو هي هما هم هن")
_MARKED = ':"«»“”'
_DONE = normalized_words("تم وتم")
_FUTURE = re.compile(r"^س[نأاتي]\w{2,}$")  # سنلاحقهم، سأغادر، سيظل: a future verb opens a statement
_BARE_MIN_WORDS = 5  # a statement left without colon or إن is a clause, not a word or two
_NARRATION = ("و", "ف")  # a sentence opening with these after a statement is the narrator's


def _side_opener(doc, k: int) -> bool:
    """Tokens k, k+1 are من ناحيته / من جهتها (the other side's turn)."""
    return k + 1 < doc.n and doc.norms[k] in FROM_WORDS and doc.norms[k + 1] in SIDE_WORDS and doc.joined(k)


def _opener_before(doc, cue_tok: int) -> int | None:
    """First token of the clause opener right before the cue at ``cue_tok`` (لكنه، إلا أنها، وبدوره،
    ومن جهته), or None."""
    k = cue_tok - 1
    if k < 1 or not doc.joined(k):
        return None
    if _side_opener(doc, k - 1):
        return k - 1
    return clause_opener(doc, k, _CLAUSE_OPENERS, _EXCEPT_THAT)


def _inside(starts: list[int], spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test whether a character offset falls inside one of ``spans`` (sorted, never
    overlapping; ``starts``: their starts). A closure over the lists, not a method of the finder:
    the finder's Attribution keeps it, and a bound method would tie finder and attribution into a
    reference cycle that holds the whole document (Context, matches: ~400 objects) until the
    cyclic garbage collector runs (those collections took ~10% of the run time)."""

    def in_quote(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k][1]

    return in_quote


class QuoteFinder:
    def __init__(self, ctx: Context, entities: list[Entity], titled: list[tuple[Entity, str, str]]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        text = self.doc.text
        # the characters the finder looks for, found in one pass over the text
        self._marks, quote_marks, self._commas, self._rule_starts = find_char_sets(
            text, (SENTENCE_PUNCT, MARK_CHARS, "،,", RULE_STARTS)
        )
        self.all_marks = quote_spans(text, quote_marks)  # every quotation, names and scare quotes too
        self.marks = [(s, e) for s, e in self.all_marks if _ENOUGH_WORDS.search(text, s, e)]
        self._mark_ends = [e for _, e in self.marks]
        # Sorted indexes (quotations never overlap), so no lookup walks every quotation.
        self._all_starts = [s for s, _ in self.all_marks]
        self._starts = [s for s, _ in self.marks]
        self._ends_at = [e for _, e in self.marks]
        self._opened_at = {s - 1: (s, e) for s, e in self.marks}  # opening mark offset -> quotation
        self._marks_set = set(self.marks)
        self.claimed: set[tuple[int, int]] = set()
        self._ends: dict[bool, list[int]] = {}  # clause/sentence ends outside quotations
        self._sentences: list[int] | None = None  # sentence_ends() of the text
        self._paragraphs = paragraph_ends(text)
        self.in_quote = _inside(self._all_starts, self.all_marks)  # is an offset inside a quotation?
        # attribution opens sentences at the same punctuation (a line break is a space there too)
        self.attribution = Attribution(ctx, entities, titled, self._marks, self.in_quote)
        self.breaks = sorted(self._cue_breaks())
        self._text_end = len(text.rstrip())

    def _cue_breaks(self) -> set[int]:
        """Clause ends before a following cue: "…، مضيفاً أن", "… لافتا إلى", "…، قال"."""
        doc, out = self.doc, set()
        cues = self.ctx.labelled("CUE")
        cue_tokens = {m.last for m in cues}
        for m in cues:
            if m.first == 0 or self.in_quote(m.start):
                continue  # (…، "أعلنت روسيا …": a verb inside a quotation opens no clause outside it)
            if m.first - 1 in cue_tokens and doc.joined(m.first - 1):
                continue  # وتابع قائلا: one cue phrase
            if self._called(m):
                continue  # ويدعى القارئ حمزة: no speech verb
            if self._second_of_between(m):
                continue  # الخلاف بينه وبين مجلس الإدارة: "and between", no speech verb
            participle = participle_cue(m)
            needs_quote = m.info("CUE").attr("needs", "any") == "quote" and not participle
            if (
                needs_quote
                and not self._right_after(m.last + 1, NEAR_COMPLEMENTIZER + 1)
                and not self._colon_after(m.last)
            ):
                continue  # يبلغ، تابع: too often not speech to end a clause (unless أن or a colon follows)
            opener = _opener_before(doc, m.first) if not m.stripped else None
            first = m.first if opener is None else opener  # …، لكنه أوضح / … بينما أكد: a new clause
            gap = doc.gap(first - 1)
            comma = max(gap.find("،"), gap.find(","))
            if comma >= 0:
                at = doc.ends[first - 1] + comma
                if self.in_quote(at):  # …التالية،" مضيفاً: the comma closes a quotation, the clause ends after its mark
                    at = doc.ends[first - 1] + len(gap.rstrip())
                out.add(at)
            elif (
                participle
                or opener is not None
                or self._new_sentence_verb(m)
                or self._verb_then_colon(m)
                or self._verb_named_subject(m)
            ):
                out.add(doc.ends[first - 1])
        return out

    def _outside_quotes(self, offsets: list[int]) -> list[int]:
        """The ``offsets`` that no quotation covers."""
        return [e for e in offsets if not self.in_quote(e)] if self.all_marks else offsets

    def clause_end(self, pos: int) -> int:
        """End of the clause starting at ``pos``: sentence punctuation, "according to", or a following
        cue; quotations are skipped."""
        end = self._punctuation_end(pos)
        k = bisect_right(self.breaks, pos)
        return min(end, self.breaks[k]) if k < len(self.breaks) and not self.in_quote(self.breaks[k]) else end

    def _punctuation_end(self, pos: int, clause: bool = True) -> int:
        """First clause end (``clause``) or sentence end at or after ``pos`` outside quotations."""
        ends = self._ends.get(clause)
        if ends is None:
            if self._sentences is None:
                text = self.doc.text
                ends = sentence_ends(text, self._marks) + closed_sentence_ends(text, self.all_marks)
                self._sentences = sorted(ends + rule_ends(text, self._rule_starts) + self._paragraphs)
            found = self._sentences
            if clause:
                found = sorted(
                    clause_ends(self.doc, found)
                    + circumstantial_ends(self.doc, self._commas)
                    + contrast_ends(self.doc, self._commas)
                )
            ends = self._ends[clause] = self._outside_quotes(found)
        k = bisect_left(ends, pos)
        return ends[k] if k < len(ends) else self._text_end

    def content(self, after_tok: int, limit: int) -> tuple[str, Span] | None:
        """(kind, span) of what was said, looking forward from token ``after_tok``."""
        doc, text = self.doc, self.doc.text
        pos = doc.ends[after_tok - 1] if after_tok > 0 else 0
        for k in range(bisect_left(self._starts, pos + 1), len(self.marks)):
            s, e = self.marks[k]
            if s - 1 >= limit:
                break
            if (s, e) not in self.claimed and self._before_complementizer(e):
                break  # أوضحت أم محمد «أرملة وأم لطفلين» أنها …: a description in marks, the content follows أن
            if (s, e) not in self.claimed:
                comp = self._complementizer(after_tok, s)
                if comp is None or not text[doc.ends[comp] : s - 1].strip():
                    self.claimed.add((s, e))
                    end = self.clause_end(e + 1)
                    if comp is not None and _WORD.match(text[e + 1 : end].lstrip()):
                        return "mixed", Span(text[s - 1 : end], s - 1, end)  # إنه "…" إرسال فرق …
                    return "direct", Span(text[s:e], s, e)
                break
        comp = self._complementizer(after_tok, limit)
        colon = self._colon_near(after_tok, pos, limit)
        if colon >= 0 and comp is not None and doc.starts[comp] > colon and not self._opens_with(colon, comp):
            comp = None  # قال المدرب: نيفيز لاعب مهم ولا أرى أن …: the statement after the colon holds أن
        if comp is not None and comp + 1 < doc.n:
            start = doc.starts[comp + 1]
            end = self.clause_end(start)
            if end > start:
                k = bisect_left(self._all_starts, start)
                inner = k < len(self.all_marks) and self.all_marks[k][1] <= end
                kind = "mixed" if inner else "indirect"
                return kind, Span(text[start:end], start, end)
        if colon >= 0:
            start = len(text) - len(text[colon + 1 :].lstrip())
            quoted = self._take_quotation_at(start)
            if quoted is not None:  # وقال: "…"
                return quoted
            end = self._statement_end(start)
            if end > start:
                return "direct", Span(text[start:end], start, end)
        unclosed = self._unclosed_statement(after_tok, limit)
        if unclosed is not None:
            return "direct", unclosed  # وأضاف تايلور "بالنسبة لأولئك … (the mark never closes)
        if after_tok > 0 and doc.joined(after_tok - 1) and reported_verb(self.ctx, after_tok):
            start = doc.starts[after_tok]
            end = self.clause_end(start)
            if end > start:
                return "indirect", Span(text[start:end], start, end)
        return None

    def _unclosed_statement(self, after_tok: int, limit: int) -> Span | None:
        """The words after an opening quotation mark right after the cue and its subject that no
        mark closes (a paragraph ends first): the statement runs to the end of its sentence."""
        doc, text = self.doc, self.doc.text
        if after_tok <= 0 or after_tok >= doc.n:
            return None
        gap = doc.gap(after_tok - 1)
        opener = max(gap.rfind(c) for c in OPENING_MARKS)
        if opener <= 0 or opener + 1 < len(gap) or not gap[opener - 1].isspace():
            return None  # (an opening mark touches the word after it, not the word before it)
        at = doc.ends[after_tok - 1] + opener
        if self.in_quote(at + 1) or doc.starts[after_tok] > limit + 2:
            return None  # (a quotation that closes was read above)
        start = doc.starts[after_tok]
        end = self._punctuation_end(start, clause=False)
        if end <= start or any(c in _ANY_MARK for c in text[start:end]):
            return None  # (“sport24″ عن …: a name closed by a mark the pairing does not know)
        return Span(text[start:end], start, end)

    def _before_complementizer(self, end: int) -> bool:
        """A complementizer follows the closing mark of the quotation ending at ``end``."""
        doc = self.doc
        k = doc.first_token_from(end + 1)
        gap = doc.text[end + 1 : doc.starts[k]] if k < doc.n else ""
        if k >= doc.n or gap.strip(' »”"،,'):
            return False
        comma = "،" in gap or "," in gap  # (…بمؤسسة "جي بي إتش إنسايتس"، إن: only a short name, below)
        if k + 1 < doc.n and doc.words[k] in VERB_PREPOSITIONS and doc.joined(k) and not comma:
            k += 1  # أشارت أم عبدالعزيز «أرملة» إلى أنها
        if doc.norms[k] in COMPLEMENTIZERS and not comma:
            return True
        if len(doc.text[self._opening_of(end) : end].split()) > MAX_QUOTED_NAME_WORDS:
            return False  # (a name in marks is short; a longer quotation is what was said)
        # قالت الخطوط الجوية الهولندية "كي أل أم" الشهر الماضي إنها …: a few words, then إن/أن
        return self._content_opens_after(end, k, any_that=not comma)

    def _content_opens_after(self, end: int, k: int, any_that: bool = True) -> bool:
        """The short quotation closing at offset ``end`` names a body or describes the subject, and
        what was said opens after it: a complementizer or a colon comes within MAX_NAME_TO_CONTENT
        words, past commas and other short quotations but no sentence end, speech verb or
        circumstantial participle (وقال إيفز، مسؤول التخطيط بمؤسسة "جي بي إتش إنسايتس"، إن …؛ وقال
        مارتن سوثرلاند رئيس شركة "دي لا رو" المنتجة الحالية …، لبي بي سي إن …؛ وقال بارتوميو
        لهيئة الإذاعة البريطانية "بي.بي.سي": "…"). When a comma follows the mark itself (``any_that``
        False), only إن/أن right after it (not وأن: a second clause of what was said) or إن as written
        further on counts, and no colon further on (not … "…"، دون أن، …"، ولكنهم … وهم:).
        Speech verbs and sentence ends stop the search."""
        doc, text = self.doc, self.doc.text
        if ":" in text[end + 1 : doc.starts[k]]:
            return True  # "بي.بي.سي": "…"
        for j in range(k, min(doc.n, k + MAX_NAME_TO_CONTENT)):
            first = j == k and doc.words[j][:1] != "و"
            if doc.norms[j] in COMPLEMENTIZERS and (any_that or first or doc.words[j].startswith("إن")):
                return True  # after a comma that follows the mark: إن as written (not دون أن، "سي أن أن")
            if doc.words[j] in VERB_PREPOSITIONS and j + 1 < doc.n and doc.norms[j + 1] in COMPLEMENTIZERS:
                return True  # إلى أن
            if self.ctx.word_has(j, "CUE") or j + 1 >= doc.n:
                return False
            gap = doc.gap(j)
            if ":" in gap and any_that:
                return True
            if any(c in SENTENCE_PUNCT for c in gap) or "\n" in gap:
                return False
        return False

    def _opening_of(self, end: int) -> int:
        """Start of the quotation whose closing mark is at offset ``end`` (``end`` if none)."""
        k = bisect_left(self._mark_ends, end)
        return self.marks[k][0] if k < len(self.marks) and self.marks[k][1] == end else end

    def _new_sentence_verb(self, m) -> bool:
        """The cue at ``m`` is و + a verb with its own complementizer or colon a few words on
        (… بين مصر وليبيا وقال حسين، إن …): a new statement although no comma precedes it."""
        doc = self.doc
        if not m.stripped or doc.words[m.first][:1] != "و" or participle_cue(m):
            return False
        return self._right_after(m.last + 1, NEAR_COMPLEMENTIZER + 1) or self._colon_after(m.last)

    def _verb_named_subject(self, m) -> bool:
        """The cue at ``m`` is a bare past verb whose subject, a named person or body or a role,
        follows it, then the verb's own complementizer (… سياسية قال وزير الخارجية، عادل الجبير،
        إن …): a verb-first clause opens a new statement. A verb after its subject (إن المسؤولين
        أكدوا أن، الحكومة ذكرت للجنة أن) stays inside the statement."""
        doc = self.doc
        if m.stripped or m.first == 0 or m.last + 1 >= doc.n or doc.norms[m.first - 1] in FUNCTION_WORDS:
            return False
        lemma = normalize(m.info("CUE").attr("lemma", ""))
        if not lemma or not m.key.startswith(lemma) or not doc.joined(m.last):
            return False
        if doc.words[m.last + 1][:1] == "ل":  # قال لرويترز إن: the addressee; the subject came before
            return False
        return self.attribution.named_at(m.last + 1) and self._right_after(m.last + 2, _SUBJECT_WINDOW)

    def _verb_then_colon(self, m) -> bool:
        """The cue at ``m`` is a bare verb right before a colon (… يوما؟ ثم أجاب: "…"), after words
        of the statement before it (not right after a colon: قال: قال: …): a new statement opens,
        line break or not (see also :meth:`_verb_named_subject`)."""
        doc = self.doc
        return not m.stripped and m.first > 0 and ":" in doc.gap(m.last) and ":" not in doc.gap(m.first - 1)

    def _colon_near(self, after_tok: int, pos: int, limit: int) -> int:
        """Offset of a colon right at ``pos`` (وقال:) or closing one of the few words after it
        (واختتم المدرب حديثه بقوله:), before ``limit``; -1 when there is none."""
        doc, text = self.doc, self.doc.text
        colon = text.find(":", pos, min(limit, pos + 3))
        if colon >= 0 or after_tok >= doc.n:
            return colon
        for j in range(after_tok, min(doc.n - 1, after_tok + MAX_ADJUNCT_WORDS)):
            gap = doc.gap(j)
            if ":" in gap:
                return -1 if doc.ends[j] >= limit else doc.ends[j] + gap.index(":")
            if doc.ends[j] >= limit or doc.norms[j] in COMPLEMENTIZERS or gap.strip(_ADDRESSEE_MARKS):
                break
        return self._colon_after_apposition(after_tok, limit)

    def _colon_after_apposition(self, after_tok: int, limit: int) -> int:
        """A colon after an apposition set off by commas that opens at token ``after_tok`` (وقال
        سعيد مموزيني، مسؤول إعلام الحزب …، لـ«الشرق الأوسط»: «…): searched after its closing comma."""
        doc = self.doc
        if after_tok == 0 or not doc.comma(after_tok - 1) or doc.norms[after_tok][:1] == "و":
            return -1
        if doc.norms[after_tok] in COMPLEMENTIZERS:
            return -1  # (قال الوزير، إن …: what was said, no apposition)
        for j in range(after_tok, min(doc.n - 1, after_tok + MAX_APPOSITION)):
            gap = doc.gap(j)
            if doc.ends[j] >= limit or ":" in gap:
                return -1
            if doc.comma(j):
                return self._colon_near(j + 1, doc.ends[j] + gap.index("،" if "،" in gap else ","), limit)
        return -1

    def _opens_with(self, colon: int, tok: int) -> bool:
        """Token ``tok`` is the first word after the colon at offset ``colon`` (قال: إن …)."""
        return not self.doc.text[colon + 1 : self.doc.starts[tok]].strip(' \t\n«"“')

    def _statement_end(self, start: int) -> int:
        """End of an unmarked statement after a colon (قالت: في نظرها … .. أنا لا أهتم …): its
        sentences run on until one opens with و/ف (narration goes on: وأضاف، وكان) or the clause
        before the next speech cue, whichever comes first."""
        text = self.doc.text
        para = self._narration_after(start)
        k = bisect_right(self.breaks, start)
        cue_break = self.breaks[k] if k < len(self.breaks) else len(text)
        end = min(para, cue_break, self._paragraph_nbsp(start), self._line_break_after(start))
        if end == cue_break:  # … يوما؟ ثم أجاب: — the sentence end just before the next cue's clause
            sentences = self._ends[False]
            k = bisect_left(sentences, end) - 1
            if (
                k >= 0
                and sentences[k] > start
                and self.doc.first_token_from(end) - self.doc.first_token_from(sentences[k]) <= 2
            ):
                end = sentences[k]
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,"):
            end -= 1
        return end

    def _narration_after(self, start: int) -> int:
        """End of the first sentence after ``start`` that the next sentence does not continue (it
        opens with و or ف, or with من ناحيته / من جهتها: another side speaks), or the end of the text."""
        doc = self.doc
        at = start
        while True:
            end = self._punctuation_end(at, clause=False)
            if end >= self._text_end:
                return len(doc.text)
            k = doc.first_token_from(end + 1)
            if k >= doc.n or doc.words[k][:1] in _NARRATION or _side_opener(doc, k):
                return end
            at = end + 1

    def _line_break_after(self, start: int) -> int:
        """Offset where the paragraph holding ``start`` ends (its last word's end), or the end."""
        ends = self._paragraphs
        k = bisect_left(ends, start + 1)
        return ends[k] if k < len(ends) else len(self.doc.text)

    def _paragraph_nbsp(self, start: int) -> int:
        """Offset of the first no-break-space paragraph break (". \xa0") after ``start``, or the end."""
        text = self.doc.text
        at = text.find("\xa0", start)
        while at >= 0:
            end = nbsp_paragraph_end(text, at, ".!?؟", lowest=start)
            if end is not None:
                return end
            at = text.find("\xa0", at + 1)
        return len(text)

    def _complementizer(self, i: int, limit: int) -> int | None:
        doc = self.doc
        for j in range(i, min(doc.n, i + MAX_CONTENT_GAP)):
            if doc.starts[j] >= limit:
                return None
            if doc.norms[j] in COMPLEMENTIZERS:
                return j
        return None

    def coordinated(self, quote: Quote) -> Quote | None:
        """The next statement joined to ``quote`` by و + complementizer in the same sentence
        (… بأنها "…"، في إشارة إلى …، وأنها "…")."""
        doc = self.doc
        i = doc.first_token_from(quote.quote.end)
        sentence_end = self._punctuation_end(quote.quote.end, clause=False)
        stop = min(doc.n, i + MAX_CONTENT_GAP)
        while i < stop and doc.starts[i] < sentence_end:
            if self.ctx.word_has(i, "CUE") and not self.in_quote(doc.starts[i]):
                return None  # …، مؤكدة أن …، وكشفت المنظمة أنه …، وأن …: a later cue's statement
            if doc.norms[i] in COORDINATED and not self.in_quote(doc.starts[i]):
                got = self.content(i, sentence_end)
                if got is None:
                    return None
                return Quote(got[0], quote.cue, quote.lemma, quote.speaker, got[1])
            i += 1
        return None

    def after_attribution(self, after_tok: int, limit: int) -> tuple[str, Span] | None:
        """وأوضح X وفقا لما نقلته الوكالة: "…" — a quotation behind an "according to" phrase."""
        text = self.doc.text
        if not _ACCORDING.match(text, limit):
            return None
        end = self._punctuation_end(limit + 1, clause=False)
        colon = text.find(":", limit, end)
        if colon < 0:
            return None
        return self._take_quotation_at(len(text) - len(text[colon + 1 :].lstrip()))

    def _colon_after(self, cue_last: int) -> bool:
        """A colon closes one of the few words after the cue (واختتم المدرب حديثه بقوله: …)."""
        doc = self.doc  # (tokens hold no colon: one search over the gaps after the cue's words)
        last = min(doc.n - 1, cue_last + NEAR_COMPLEMENTIZER + 1)
        return doc.text.find(":", doc.ends[cue_last], doc.starts[last]) >= 0

    def _after_apposition(self, m, i: int) -> bool:
        """An apposition closed by a comma stands between the cue's subject (ending before token
        ``i``) and a complementizer (لفت الدكتور محمد، وكيل الوزارة لشؤون المساجد، إلى أنه …; the
        first comma may be missing). Not a complement (دعا إلى الوحدة …، باعتبار أن …)."""
        doc = self.doc
        if i <= m.last + 1 or i >= doc.n or doc.norms[i] in _COMPLEMENT_PREPOSITIONS or doc.norms[i][:1] in "بل":
            return False
        for j in range(i, min(doc.n - 1, i + MAX_APPOSITION)):
            if doc.comma(j):
                return self._right_after(j + 1)
            if not doc.joined(j):
                return False
        return False

    def _right_after(self, i: int, window: int = NEAR_COMPLEMENTIZER) -> bool:
        """A complementizer within ``window`` words from token i (أعلنت الشركة أنها، وصفه بأنه)."""
        return not COMPLEMENTIZERS.isdisjoint(self.doc.norms[i : i + window])

    def opens_statement(self, m) -> bool:
        """A complementizer or a colon follows the cue within a few words (أكدت أن، قال:)."""
        return self._right_after(m.last + 1, NEAR_COMPLEMENTIZER + 1) or self._colon_after(m.last)

    def quotation_at_cue(self, m) -> Quote | None:
        """The quote of a cue inside another statement, only when it is a quotation in marks
        that opens a few words after the cue (… ترامب يصف الصحيفة بأنها "…"): each quotation is
        taken once, so these stay linear in the text."""
        k = bisect_left(self._starts, m.end)
        if k == len(self._starts) or self.doc.first_token_from(self._starts[k]) - m.last > NEAR_COMPLEMENTIZER + 2:
            return None
        if self.marks[k] in self.claimed:
            return None
        quote = self.at_cue(m)
        if quote is None or (quote.quote.start, quote.quote.end) not in self._marks_set:
            return None
        return quote

    def ended_before(self, quote: Quote, opener: int) -> Quote | None:
        """``quote`` cut at the comma before token ``opener`` (a new clause: …، ولكن …); None
        when nothing of it is left."""
        doc, text = self.doc, self.doc.text
        gap = doc.gap(opener - 1)
        end = doc.ends[opener - 1] + max(gap.find("،"), gap.find(","))
        start = quote.quote.start
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        kind = quote.kind
        if kind == "mixed":
            k = bisect_left(self._all_starts, start)
            kind = "mixed" if k < len(self.all_marks) and self.all_marks[k][1] <= end else "indirect"
        return Quote(kind, quote.cue, quote.lemma, quote.speaker, Span(text[start:end], start, end))

    def named_as_these_words(self, cue_tok: int) -> Span | None:
        """A quotation that the words before the cue point back to ("لأسباب شخصية بحتة".. بهذه
        الكلمات أعلن …، "…".. بهاتين الكلمتين وصف …): the cue's statement, though it came first."""
        doc, text = self.doc, self.doc.text
        if cue_tok < 2 or not doc.joined(cue_tok - 1) or doc.norms[cue_tok - 1] not in _THESE_WORDS[1]:
            return None
        if doc.norms[cue_tok - 2] not in _THESE_WORDS[0] or not doc.joined(cue_tok - 2):
            return None
        start = doc.starts[cue_tok - 2]
        k = bisect_left(self._all_starts, start) - 1  # (however short: "these words" say it is a quotation)
        if k < 0:
            return None
        s, e = self.all_marks[k]
        if e >= start or text[e + 1 : start].strip(_BEFORE_CUE + ".…") or (s, e) in self.claimed:
            return None
        self.claimed.add((s, e))
        return Span(text[s:e], s, e)

    def before(self, cue_tok: int) -> Span | None:
        """A quotation that ends just before the cue ("…"، قال), in its sentence (not "…". وقال)."""
        text = self.doc.text
        start = self.doc.starts[cue_tok]
        k = bisect_left(self._ends_at, start) - 1  # the last quotation that ends before the cue
        if k < 0:
            return None
        s, e = self.marks[k]
        if e < start and not text[e + 1 : start].strip(_BEFORE_CUE) and (s, e) not in self.claimed:
            self.claimed.add((s, e))
            return Span(text[s:e], s, e)
        return None

    def _description(self, after_tok: int, limit: int) -> tuple[str, Span] | None:
        """("direct", the words in quotation marks) a describing verb gives its object, after بـ or
        بأنه/بأنها (+ كان): ووصفتها بـ"غبية"، وصف الاتفاق بأنه "هائل" — however short the quotation."""
        doc, text = self.doc, self.doc.text
        pos = doc.ends[after_tok - 1]
        for k in range(bisect_left(self._all_starts, pos + 1), len(self.all_marks)):
            s, e = self.all_marks[k]
            if s - 1 >= limit:
                break
            tok = doc.first_token_from(s) - 1  # the word before the opening mark
            if tok < after_tok or (s, e) in self.claimed or not text[s:e].strip():
                continue
            if doc.norms[tok] in _WAS_FORMS and tok - 1 >= after_tok:
                tok -= 1  # بأنها كانت "صريحة"
            if doc.norms[tok] in _AS or text[doc.starts[tok] : s - 1].rstrip().rstrip("ـ") == "ب":
                self.claimed.add((s, e))
                return "direct", Span(text[s:e], s, e)
        return None

    def _described_as(self, after: int, said: Span) -> bool:
        """What a describing verb reports opens with بأن/بأنه/بأنها after its object, within
        MAX_DESCRIBED_OBJECT words (وصف روحاني المواقف الأمريكية ضد الاتفاق النووي بأنها تمثل …):
        gold set, 20 such quotes without quotation marks, 12 more marked optional."""
        doc = self.doc
        comp = doc.first_token_from(said.start) - 1
        return comp >= after and comp - after <= MAX_DESCRIBED_OBJECT and doc.norms[comp] in _AS

    def _take_quotation_at(self, offset: int) -> tuple[str, Span] | None:
        """("direct", the quotation whose opening mark is at ``offset``), claimed for this cue;
        None when there is none or another cue already took it."""
        marked = self._opened_at.get(offset)
        if marked is None or marked in self.claimed:
            return None
        self.claimed.add(marked)
        return "direct", Span(self.doc.text[marked[0] : marked[1]], *marked)

    def at_cue(self, m) -> Quote | None:
        doc = self.doc
        info = m.info("CUE")
        if self.in_quote(m.start):
            return None
        if (
            m.first > 0
            and doc.joined(m.first - 1)
            and doc.norms[m.first - 1] in (_RELATIVE_WORDS if m.stripped else RELATIVE_BEFORE_CUE)
            and not self._named_relative(m)
        ):
            return None
        if info.attr("opens") == "clause" and not m.stripped and self._after_noun(m.first):
            return None  # التواصل بين أفراد المجتمع: بين after a noun is "between"
        if self._second_of_between(m):
            return None  # الخلاف بينه وبين مجلس الإدارة: "between him and", no speech verb
        if self._called(m):
            return None  # المتحدث باسم الجبهة ويدعى القارئ حمزة: "is called", not "claims"
        if info.attr("pronoun") == "1" and self._verbal_noun(m):
            return None  # السبب من وراء وصفه للمرشد بـ"…": "his describing", a noun
        speaker, after, how = self.attribution.speaker(m, info)
        needs = info.attr("needs", "any")
        got = self._said(m, needs, after)
        if got is not None or needs == "any":  # (not بين مستويات الهرمونات: no speaker)
            self.attribution.remember(m.first, speaker, how, quoted=got is not None)
        if got is None:
            return None
        cue = Span(doc.text[m.start : m.end], m.start, m.end)
        if speaker is not None and got[0] != "direct":
            speaker = self._phrase_to_complementizer(m, speaker, got[1])
        return Quote(got[0], cue, info.attr("lemma", info.name), speaker, got[1])

    def _phrase_to_complementizer(self, m, speaker: Speaker, said: Span) -> Speaker:
        """An unresolved source phrase after the verb, carried on to the إن/أن of what was said
        when only its own complements stand between (source_phrases.complement_end)."""
        doc, sp = self.doc, speaker.span
        if sp is None or sp.start < m.end or speaker.label != "DESC" or speaker.canonical != " ".join(sp.text.split()):
            return speaker  # (implied, before the verb, a name, or resolved to one)
        comp = doc.first_token_from(said.start) - 1
        if comp < 0 or doc.norms[comp] not in COMPLEMENTIZERS or doc.starts[comp] < sp.end:
            return speaker
        last = doc.first_token_from(sp.end) - 1
        end = complement_end(self.ctx, last, comp, self.attribution.finder.by_token)
        if end is None:
            return speaker
        stop = with_closing_mark(doc.text, sp.start, doc.ends[end])  # مصادر في بلدة "بيت امر"
        span = Span(doc.text[sp.start : stop], sp.start, stop)
        return replace(speaker, span=span, canonical=" ".join(span.text.split()))

    def _named_relative(self, m) -> bool:
        """A relative clause whose verb reports a named body's or person's speech: إسرائيل التي
        قالت إن …، اليوم الذي قال فيه وزير الداخلية إن … (the antecedent is a named entity, or a
        subject follows فيه)."""
        doc = self.doc
        if m.stripped or doc.norms[m.first - 1] not in _RELATIVE_WORDS or m.last + 1 >= doc.n:
            return False
        if doc.norms[m.last + 1] in COMPLEMENTIZERS:
            return True  # ما قالت إنه تحركات …، التي قالت إنه سيجعل …: what was said follows at once
        if self._subject_named_at(m.last + 1) and self._right_after(m.last + 1, RELATIVE_WINDOW):
            return True  # ما تقول الولايات المتحدة إنه …، التي قال المرصد السوري لحقوق الإنسان إن …
        if doc.norms[m.first - 1] not in RELATIVES:
            return False
        if self.attribution.antecedent(m.first - 1) is not None:
            return doc.norms[m.last + 1] in COMPLEMENTIZERS or self._right_after(m.last + 1, RELATIVE_WINDOW)
        if doc.norms[m.last + 1] not in IN_IT or m.last + 2 >= doc.n:
            return False
        return self.attribution.named_at(m.last + 2) or doc.norms[m.last + 2] in COMPLEMENTIZERS

    def _subject_named_at(self, i: int) -> bool:
        """A person, body or country is named, or a role or a source phrase opens, at token i."""
        ent = self.attribution.finder.by_token.get(i)
        return ent is not None or self.ctx.longest(i, "TITLE", "DESC") is not None

    def _called(self, m) -> bool:
        """The cue is يدعى/تدعى written with alef maqsura ("is called") and a name, not أن, follows."""
        doc = self.doc
        nxt = m.last + 1
        return written_called(doc, m.first) and (nxt >= doc.n or doc.norms[nxt] not in COMPLEMENTIZERS)

    def _verbal_noun(self, m) -> bool:
        """A past verb with its object pronoun (وصفه، وصفتها) that reads as a verbal noun with a
        possessive, joined to a word before it that opens no clause (وراء وصفه، في وصفها), or that
        stands in a relative clause (فيما وصفه بـ"…": "in what he called")."""
        doc = self.doc
        if m.key[:1] in ("ي", "ت") or m.first == 0 or not doc.joined(m.first - 1):
            return False
        before = doc.norms[m.first - 1]
        return before in _RELATIVE_WORDS or before == "فيما" or not m.stripped and before not in _VERB_OPENERS

    def _second_of_between(self, m) -> bool:
        """The cue match ``m`` (و + بين, a verb only where a clause opens) closes "between X and Y"
        opened by بين (with its pronoun: بينه، بينها) a few words before it in the same clause."""
        doc, i = self.doc, m.first
        if not m.stripped or doc.norms[i] != "وبين" or m.info("CUE").attr("opens") != "clause":
            return False
        for k in range(i - 1, max(-1, i - 1 - MAX_BETWEEN), -1):
            if not doc.joined(k):
                return False  # (a mark between: another clause)
            if doc.norms[k] in _BETWEEN:
                return True
        return False

    def _after_noun(self, i: int) -> bool:
        """Token i follows another word of its phrase that is no function word or complementizer."""
        doc = self.doc
        if i == 0 or not doc.joined(i - 1):
            return False
        return doc.norms[i - 1] not in FUNCTION_WORDS and doc.norms[i - 1] not in COMPLEMENTIZERS

    def _said(self, m, needs: str, after: int) -> tuple[str, Span] | None:
        """(kind, span) of what the cue at ``m`` introduces, or None."""
        pointed = self.named_as_these_words(m.first)
        if pointed is not None:
            return "direct", pointed
        sentence_end = self.clause_end(self.doc.ends[m.last])
        describes = m.info("CUE").attr("describes")
        if describes:
            described = self._description(m.last + 1, sentence_end)
            if described is not None or describes == "only":
                return described
        got = self.content(after, sentence_end)
        quoted = got is not None and (got[0] == "direct" or got[1].text[:1] in OPENING_MARKS)
        if (
            got
            and needs == "quote"
            and not quoted
            and not self._right_after(after)
            and not self._after_apposition(m, after)
            and not (describes and self._described_as(after, got[1]))
        ):
            got = None  # دعا إلى الوحدة …، باعتبار أن …: not what was called for
        if got is None:
            got = self.after_attribution(after, sentence_end)
        if got is None and needs == "any":
            prior = self.before(m.first)
            got = ("direct", prior) if prior else None
        if got is None and needs == "any":
            got = self._bare_statement(m, after)
        return got

    def _bare_statement(self, m, after: int) -> tuple[str, Span] | None:
        """("direct", the words right after a past قال and its subject up to the clause end) when the
        writer left out the colon and إن and a pronoun, تم or a future verb opens them (قال الصولي
        هما تعتبران …، قال الأحمري سيظل وطني …). Other first words were tried: half the quotes they
        gave were captions and appositions (تقول فلانة محررة الشؤون …)."""
        doc = self.doc
        if not m.key.startswith("قال") or after >= doc.n or after == 0 or not doc.joined(after - 1):
            return None
        norm = doc.norms[after]
        if not (norm in _PRONOUNS or norm in _DONE or _FUTURE.match(norm)) or self.ctx.word_has(after, "CUE"):
            return None  # (سيقول: another speech verb)
        start = doc.starts[after]
        end = self.clause_end(start)
        if end <= start or len(_WORD.findall(doc.text, start, end)) < _BARE_MIN_WORDS:
            return None
        if any(c in _MARKED for c in doc.text[start:end]):
            return None  # a colon or quotation marks further on: the statement is marked there
        return "direct", Span(doc.text[start:end], start, end)


def quotes(ctx: Context, entities: list[Entity], titled: list[tuple[Entity, str, str]]) -> Iterator[Quote]:
    """Every attributed quote in the document, in text order. Quotes do not nest: a cue inside
    the statement the previous cue read is part of it (قال أغلبهم يقولون إن …), unless a new
    clause opens before it (…، ولكن وزارة الدفاع أكدت أن …: the statement ends at the comma) or
    it introduces a quotation of its own (جاء في الرسائل أن ترامب يصف الصحيفة بأنها "…": that
    quotation is reported too). So the output stays linear in the text whatever the input."""
    cues = cue_phrases(ctx)
    if not cues:
        return  # no speech verb: nothing to index
    finder = QuoteFinder(ctx, entities, titled)
    doc = ctx.doc
    spans: set[tuple[int, int]] = set()
    held: Quote | None = None  # the last statement read after its cue, not yet written
    nested: list[Quote] = []  # quotations introduced inside it, written after it
    scanned = 0  # tokens of ``held`` already searched for a new clause
    for m in cues:
        if held is not None and m.start < held.quote.end:
            opener = None
            for j in range(max(scanned, doc.first_token_from(held.quote.start) + 1), m.first):
                if doc.norms[j] in _CONTRAST and doc.comma(j - 1):
                    opener = j
            scanned = max(scanned, m.first)
            if opener is not None and (held.kind == "direct" or not finder.opens_statement(m)):
                opener = None  # a speaker's own words go on (قال: … لكن دراستنا تؤكد ضرورة …)
            if opener is None:
                quote = finder.quotation_at_cue(m)
                if quote is not None and (quote.quote.start, quote.quote.end) not in spans:
                    spans.add((quote.quote.start, quote.quote.end))
                    nested.append(quote)
                continue  # otherwise part of the statement
            held = finder.ended_before(held, opener)
        quote = finder.at_cue(m)
        while quote is not None and (quote.quote.start, quote.quote.end) not in spans:
            spans.add((quote.quote.start, quote.quote.end))
            yield from _written(held, nested)
            held, nested = None, []
            if quote.quote.start > m.start:
                held, scanned = quote, 0
            else:
                yield quote
            quote = finder.coordinated(quote)  # قال إن … وإن …: one cue, several statements
    yield from _written(held, nested)


def _written(held: Quote | None, nested: list[Quote]) -> list[Quote]:
    return ([held] if held is not None else []) + nested


def cue_phrases(ctx: Context) -> list[Match]:
    """Cue matches in text order, the longest at each token, adjacent cues joined into one
    phrase (وتابع قائلا، تابع بالقول) that keeps the first cue's lemma and agreement."""
    doc = ctx.doc
    longest: dict[int, Match] = {}
    for m in ctx.labelled("CUE"):
        if m.stripped and not _cue_proclitic(doc.norms[m.first][: m.stripped], m.key):
            continue  # كيري is no ك + يري
        if m.first not in longest or m.last > longest[m.first].last:
            longest[m.first] = m
    phrases: list[Match] = []
    for first in sorted(longest):
        m = longest[first]
        prev = phrases[-1] if phrases else None
        if prev is not None and prev.last + 1 == m.first and doc.joined(prev.last) and _continues(m):
            phrases[-1] = replace(prev, last=m.last, end=m.end)
        elif prev is None or m.first > prev.last:
            phrases.append(m)
    return phrases


def _continues(m) -> bool:
    """A cue that continues the one before it into one phrase: a participle, بالقول or a present
    verb (وتابع قائلا، تابع بالقول، وتابع يقول), not a past verb or a noun (قال طالب آخر: طالب is
    "a student" there)."""
    return participle_cue(m) or m.key.startswith("بال") or m.key[:1] in ("ي", "ت")


def _cue_proclitic(letters: str, key: str) -> bool:
    """A speech verb takes و/ف, and ل before a present verb (ليضيف، لتعلن: "then to add"); ب, ك or
    ل before any other form is another word (كيري is no ك + يري)."""
    if letters in _CUE_PROCLITICS:
        return True
    return letters in ("ل", "ول", "فل") and key[:1] in ("ي", "ت")
