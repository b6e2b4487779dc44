"""Roles given to named persons in one document (رئيس الوزراء الإسرائيلي بنيامين نتنياهو): a bare
role later (رئيس الوزراء) resolves to the person who held it earlier."""

from __future__ import annotations

from khabar.extractors.context import COMPLEMENTIZERS, FUNCTION_WORDS, Context
from khabar.records import Entity

MAX_ROLE = 12  # tokens of a role phrase (مدير عام الشؤون الصحية بمنطقة الرياض)


class RoleBook:
    """Roles given to named persons in one document, in text order (رئيس الوزراء الإسرائيلي
    بنيامين نتنياهو): a later bare role resolves to the nearest earlier holder, never a later one."""

    def __init__(self, entries: list[tuple[int, str, str, str, str]]) -> None:
        self.entries = sorted(entries)  # (person's offset, role phrase, role head, canonical, role text)
        self._starts = {e[0] for e in entries}

    def add(self, start: int, phrase: str, head: str, canonical: str, role: str) -> None:
        """A role given to a person at offset ``start`` (found while reading the speakers)."""
        if start not in self._starts:
            self.entries.append((start, phrase, head, canonical, role))
            self.entries.sort()
            self._starts.add(start)

    def holder(self, phrase: str, head: str, before: int) -> str | None:
        """The person who last held ``phrase`` (else a role with the same ``head``) before offset ``before``."""
        earlier = [e for e in self.entries if e[0] < before]
        for want, k in ((phrase, 1), (head, 2)):
            found = [e[3] for e in earlier if e[k] == want]
            if found:
                return found[-1]
        word = _head_word(head)  # الوزير → the last person introduced as وزير …
        found = [e[3] for e in earlier if _head_word(e[2]) == word]
        return found[-1] if found else None

    def role_of(self, canonical: str, before: int) -> str | None:
        """The role last given to the person ``canonical`` before offset ``before`` (or at it)."""
        found = [e[4] for e in self.entries if e[0] <= before and e[3] == canonical]
        return found[-1] if found else None

    def titled(self, start: int) -> bool:
        """A person mention at offset ``start`` was introduced by a title."""
        return start in self._starts


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
