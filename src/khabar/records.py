"""Typed records produced by the extractors, and their JSON shape (schema version 2,
``schema/output.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 2  # equal to the const in schema/output.schema.json (tests check it)


@dataclass(slots=True)
class Entity:
    """A person, organization or place mention. ``first``/``last`` are token indices."""

    label: str
    start: int
    end: int
    text: str
    canonical: str
    source: str
    first: int = -1
    last: int = -1
    entity: str = ""  # document-local id of the entity this mention belongs to (linking.py)
    known_as: str | None = None  # the lexicon entry's name for the entity, the same in every document

    def as_dict(self, doc: str) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "type": "entity",
            "doc": doc,
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entity": self.entity or None,
            "canonical": self.canonical,
            "known_as": self.known_as,
            "source": self.source,
        }


@dataclass(slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to; ``span`` is None when the subject is only implied."""

    span: Span | None
    label: str
    canonical: str
    gender: str = ""
    role: str | None = None  # the role phrase given with or instead of a name (وزير الخارجية)
    entity: str | None = None  # the document entity it was linked to, when any
    known_as: str | None = None  # that entity's lexicon name, when it has one

    def as_dict(self) -> dict:
        s = self.span
        return {
            "text": s.text if s else None,
            "start": s.start if s else None,
            "end": s.end if s else None,
            "label": self.label,
            "entity": self.entity,
            "canonical": self.canonical,
            "known_as": self.known_as,
            "role": self.role,
            "resolved": self.entity is not None,
        }


@dataclass(slots=True)
class Quote:
    """An attributed statement: kind is direct, indirect or mixed."""

    kind: str
    cue: Span
    lemma: str
    speaker: Speaker | None
    quote: Span

    def as_dict(self, doc: str) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "type": "quote",
            "doc": doc,
            "kind": self.kind,
            "cue": {"text": self.cue.text, "start": self.cue.start, "end": self.cue.end, "lemma": self.lemma},
            "speaker": self.speaker.as_dict() if self.speaker else None,
            "quote": {"text": self.quote.text, "start": self.quote.start, "end": self.quote.end},
        }
