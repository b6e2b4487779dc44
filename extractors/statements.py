"""Speakers read from what was said or written: the author of a statement, tweet or report named
beside it (جاء ذلك في بيان لوزارة …؛ نشرت مدرسة … تغريدة تقول؛ وأضاف التقرير), for Attribution."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from khabar.extractors.clauses import SENTENCE_MARKS
from khabar.extractors.context import normalized_words
from khabar.extractors.subjects import MAX_NP
from khabar.records import Speaker

_CUE_TOKEN = itemgetter(0)  # a history entry's cue token
MAX_OWNER_REACH = 12  # tokens back from a relative pronoun to the statement it describes
STATEMENT_NOUNS = normalized_words(
    """بيان تقرير دراسة رسالة مذكرة تغريدة تغريدات تدوينة مقال مقالة كلمة تصريح تصريحات خطاب حديث
    مقابلة حوار منشور"""
)


class StatementSpeakers:
    """Methods of Attribution (its ``doc``, ``finder``, ``history``, ``opening`` and sentence
    starts) that find who issued a statement."""

    def _statement_before(self, k: int) -> bool:
        """Token k is an indefinite statement noun (تغريدة، بيانا، رسالة): a verb after it describes it."""
        norm = self.doc.norms[k]
        return not self.doc.has_article(k) and (norm in STATEMENT_NOUNS or norm.removesuffix("ا") in STATEMENT_NOUNS)

    def _statement_author(self, k: int) -> Speaker | None:
        """The subject of the verb whose object is the statement noun at token k: the phrase after the
        verb that opens the sentence (نشرت مدرسة عامة في المنطقة تغريدة), ending right before it."""
        doc = self.doc
        start = max(self._sentence_start(k), doc.first_token_from(self.opening))
        # the verb opens the sentence or follows a comma (وفي وقت سابق، نشرت …): its subject after it
        openings = [start + 1] + [c + 2 for c in range(start, k - 2) if doc.comma(c)]
        for first in reversed(openings):
            if first >= k or any(doc.comma(c) for c in range(first, k - 1)):
                continue
            found = self.finder.at(first, "")
            if found is not None and found[1] < k:
                return Speaker(None, found[0].label, found[0].canonical)
        return None

    def _author_before(self, start: int, cue_tok: int) -> Speaker | None:
        """The author of a statement, tweet or interview named in the cue's sentence right after
        the word, behind ل (جاء ذلك في بيان للاتحاد الأوروبي، داعيا …؛ في تغريدة للوزير X، قال
        فيها): the nearest such before the cue."""
        doc, by_token = self.doc, self.finder.by_token
        for k in range(cue_tok - 2, start - 1, -1):
            ent = by_token.get(k + 1)  # (an entity after the word first: the cheaper test)
            if ent is None or not doc.joined(k) or ent.label not in ("PER", "ORG") or ent.last >= cue_tok:
                continue
            if doc.norms[k] not in STATEMENT_NOUNS and not any(s in STATEMENT_NOUNS for _, s in doc.splits[k][1:]):
                continue
            if doc.norms[k + 1][:1] == "ل" and ent.start > doc.starts[k + 1]:
                return Speaker(None, ent.label, ent.canonical)
        return None

    def _statement_owner(self, relative: int) -> Speaker | None:
        """The person or body whose statement a relative clause describes (تصريحات الشيرازي والتي قال
        فيها؛ تصريحات رئيس الوزراء اللبناني، سعد الحريري، والتي قال فيها): the first one named after
        the nearest statement noun before the relative pronoun at token ``relative``."""
        doc = self.doc
        lowest = max(0, relative - MAX_OWNER_REACH)
        for k in range(relative - 1, lowest - 1, -1):
            if doc.norms[k] in STATEMENT_NOUNS or any(s in STATEMENT_NOUNS for _, s in doc.splits[k][1:]):
                for j in range(k + 1, relative):
                    ent = self.finder.by_token.get(j)
                    if ent is not None and ent.label in ("PER", "ORG") and ent.last < relative:
                        return Speaker(None, ent.label, ent.canonical)
                j = k + 1  # تصريحات الشيرازي: a family name no list holds, linked to the person later
                ctx = self.ctx
                if j == relative - 1 and doc.has_article(j) and not ctx.is_common(j) and ctx.name_like(j, False):
                    return Speaker(None, "PER", doc.words[j])
                return None
            if any(mark in doc.gap(k) for mark in SENTENCE_MARKS):
                return None
        return None

    def _document_speaker(self, i: int, sp: Speaker) -> Speaker:
        """The document word at token i (التقرير) whose issuer is no entity: the speaker of the cue
        beside its earlier mention (وقال مؤتمر الإيغور في تقرير إن …), else ``sp`` unchanged."""
        doc = self.doc
        stem = doc.norms[i][2:]
        mentions = self._statement_mentions.get(stem)
        if mentions is None:  # (تقرير، بتقرير، تقريره: first mentions, not the same definite word)
            same = doc.norms[i]
            mentions = [k for k, norm in enumerate(doc.norms) if stem in norm and norm != same]
            self._statement_mentions[stem] = mentions
        j = bisect_left(mentions, i)
        if not j:
            return sp
        k = mentions[j - 1]  # the nearest earlier mention: a cue within MAX_NP + 1 tokens before it
        history = self.history  # (cue token, speaker), in cue order: tokens increasing
        c = bisect_left(history, k, key=_CUE_TOKEN)
        if c and history[c - 1][0] >= k - MAX_NP - 1:
            c = bisect_right(history, history[c - 1][0], lo=c - 1, key=_CUE_TOKEN)  # (that cue's last entry)
            prev = history[c - 1][1]
            return Speaker(sp.span, prev.label, prev.canonical, sp.gender)
        return sp
