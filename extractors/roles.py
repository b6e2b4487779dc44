"""Roles given to named persons in one document (رئيس الوزراء الإسرائيلي بنيامين نتنياهو): a bare
role later (رئيس الوزراء) resolves to the person who held it earlier."""

from __future__ import annotations

from bisect import bisect_left, insort

from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context
from khabar.records import Entity

MAX_ROLE = 12  # tokens of a role phrase (مدير عام الشؤون الصحية بمنطقة الرياض)


class RoleBook:
    """Roles given to named persons in one document, in text order (رئيس الوزراء الإسرائيلي
    بنيامين نتنياهو): a later bare role resolves to the nearest earlier holder, never a later one.
    Entries are indexed by role phrase, head, head word and person, so a lookup bisects one short
    list instead of reading every role of the document."""

    def __init__(self, entries: list[tuple[int, str, str, str, str]]) -> None:
        # (person's offset, role phrase, role head, canonical, role text), in text order
        self.entries: list[tuple[int, str, str, str, str]] = []
        self._starts: set[int] = set()
        self._by: tuple[dict[str, list], ...] = ({}, {}, {}, {})  # phrase, head, head word, canonical → entries
        for e in sorted(entries):  # (in order: each entry goes at the end of its lists)
            self.entries.append(e)
            for index, key in zip(self._by, (e[1], e[2], _head_word(e[2]), e[3]), strict=True):
                index.setdefault(key, []).append(e)
        self._starts = {e[0] for e in entries}

    def _index(self, e: tuple[int, str, str, str, str]) -> None:
        insort(self.entries, e)
        for index, key in zip(self._by, (e[1], e[2], _head_word(e[2]), e[3]), strict=True):
            insort(index.setdefault(key, []), e)

    def add(self, start: int, phrase: str, head: str, canonical: str, role: str) -> None:
        """A role given to a person at offset ``start`` (found while reading the speakers)."""
        if start not in self._starts:
            self._index((start, phrase, head, canonical, role))
            self._starts.add(start)

    def _last(self, index: dict[str, list], key: str, before: int) -> tuple | None:
        """The last entry under ``key`` whose offset is below ``before``."""
        found = index.get(key)
        k = bisect_left(found, (before,)) if found else 0
        return found[k - 1] if k else None

    def holder(self, phrase: str, head: str, before: int) -> str | None:
        """The person who last held ``phrase`` (else a role with the same ``head`` whose complements
        agree: رئيس الهلال is not رئيس الاتحاد، الوزير الإسرائيلي not وزير الخارجية الأمريكي)
        before offset ``before``."""
        e = self._last(self._by[0], phrase, before)
        if e is not None:
            return e[3]
        own = _complements(phrase, head)
        for index, key in ((self._by[1], head), (self._by[2], _head_word(head))):
            found = index.get(key)
            k = bisect_left(found, (before,)) if found else 0
            for e in reversed(found[:k] if found else ()):
                theirs = _complements(e[1], e[2])
                if not own or not theirs or own & theirs:
                    return e[3]
        return None

    def role_of(self, canonical: str, before: int) -> str | None:
        """The role last given to the person ``canonical`` before offset ``before`` (or at it)."""
        e = self._last(self._by[3], canonical, before + 1)
        return e[4] if e is not None else None

    def titled(self, start: int) -> bool:
        """A person mention at offset ``start`` was introduced by a title."""
        return start in self._starts


def _complements(phrase: str, head: str) -> frozenset[str]:
    """Words of a role phrase after its head, without the article and a feminine ending (رئيس
    نادي الهلال → نادي، هلال; الوزيرة الإسرائيلية → اسرائيلي)."""
    words = phrase.split()[len(head.split()) :]
    return frozenset(w.removeprefix("ال").removesuffix("ه") for w in words if w not in FUNCTION_WORDS)


def _head_word(role: str) -> str:
    """First word of a role without the article: وزير الخارجية → وزير, الوزير → وزير."""
    return role.split()[0].removeprefix("ال") if role else ""


def role_book(ctx: Context, titled: list[tuple[Entity, str, str]], entities: list[Entity]) -> RoleBook:
    """The RoleBook of a document from the title rule's (person, title head, title phrase) triples;
    the role text is the title's words as written, before the name or after it (apposition)."""
    doc = ctx.doc
    by_start = {e.start: e for e in entities if e.label == "PER"}
    entries = []
    for person, head, phrase in titled:
        final = by_start.get(person.start, person)
        n = len(phrase.split())
        if person.first >= n and doc.norms[person.first - 1] == phrase.split()[-1]:
            text = doc.text[doc.starts[person.first - n] : doc.ends[person.first - 1]]
        elif person.last + n < doc.n:  # apposition: ديف باتلر، الناطق باسم القوات الأمريكية،
            last = person.last + n
            while last + 1 < doc.n and last - person.last < MAX_ROLE and doc.joined(last):
                nxt = doc.norms[last + 1]
                if nxt in COMPLEMENTIZERS or nxt in FUNCTION_WORDS and nxt != "باسم" or ctx.word_has(last + 1, "CUE"):
                    break
                last += 1
            text = doc.text[doc.starts[person.last + 1] : doc.ends[last]]
        else:
            text = phrase
        entries.append((person.start, phrase, head, final.canonical, " ".join(text.split())))
    return RoleBook(entries)
