"""What the compiled lexicons say about a phrase: its whole, and every entry found inside it.

Used by ``khabar lexicon lookup``: a query such as رئيس الوزراء الإسرائيلي has no entry of its
own, but contains the TITLE رئيس الوزراء and the DEMONYM إسرائيلي; listing those (with their
place in the query and the file:line they come from) says why the whole found nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Document
from khabar.gazetteer import Gazetteer, Info

MAX_WORDS = 8  # longest run of words looked up inside a query

# Why an entry of a word label does not make an entity by itself (shown next to partial matches).
ROLE = {
    "TITLE": "a title: it introduces a person's name, it is no entity by itself",
    "DEMONYM": "a nationality word: it names a country in a title or description, no entity by itself",
    "DESC": "a descriptive word of official names (وزارة الخارجية الأمريكية)",
    "ORG_TRIGGER": "a word that starts organization names",
    "LOC_TRIGGER": "a word that starts place names",
    "GIVEN": "a given name: persons are read from name parts by rules",
    "SURNAME": "a surname: persons are read from name parts by rules",
    "CUE": "a speech verb (a quote cue)",
    "COMMON": "a common word: never read as a name",
}


@dataclass(frozen=True)
class Inside:
    """An entry found on a run of words of the query; ``start``/``end`` index the query."""

    start: int
    end: int
    reading: str  # the normalised words looked up (after a proclitic was set aside, if any)
    proclitic: int  # letters of the first word set aside as proclitics (و، ب، ل …)
    label: str
    info: Info


def inside_matches(gaz: Gazetteer, text: str) -> list[Inside]:
    """Entries on every run of words of ``text`` but the whole as written, longest first."""
    doc = Document(text)
    whole = (0, doc.n - 1)
    found = []
    for i in range(doc.n):
        for stripped, stem in doc.splits[i]:
            for j in range(i, min(doc.n, i + MAX_WORDS)):
                if (i, j) == whole and not stripped:
                    continue
                key = " ".join([stem, *doc.norms[i + 1 : j + 1]])
                entries = gaz.infos(gaz.phrases.get(key, {}))
                if key in gaz.common:
                    entries["COMMON"] = gaz.info(gaz.common[key])
                for label, info in sorted(entries.items()):
                    found.append(Inside(doc.starts[i] + stripped, doc.ends[j], key, stripped, label, info))
    found.sort(key=lambda m: (-(m.end - m.start), m.start, m.label))
    return found
