"""Records → brat standoff (``.ann``) for a document whose text is written, unchanged, as ``.txt``.

Entities are text-bound annotations ``T1<TAB>PER start end<TAB>text``; each quote is a ``Quote``
span and a ``Cue`` span joined by a ``Cue_of`` relation, and a ``Speaker`` relation goes from the
quote to the entity mention the quote is attributed to (or, when the speaker phrase is no entity
mention, e.g. a role such as وزير الخارجية, to a ``SpeakerPhrase`` span). The entity id, canonical name
and lexicon name are ``AnnotatorNotes``; a quote's kind is its ``Kind`` attribute. The types are
declared in ``annotation.conf`` (shipped beside the output schema; the CLI copies it into the
output folder).

Offsets are Python string indices, i.e. Unicode code points, which is what brat counts. A span
that crosses a line break (or a tab) is written as fragments ``s1 e1;s2 e2`` around it, because
brat keeps one annotation per line; the text field is then the fragments joined by a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

CONF_FILE = Path(__file__).parent / "schema" / "annotation.conf"
_BREAK = re.compile(r"[^\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")  # brat's line splitting + tab


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks and tabs (empty pieces dropped)."""
    return [(m.start(), m.end()) for m in _BREAK.finditer(text, start, end)]


class _Ann:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.counts = {"T": 0, "R": 0, "A": 0, "#": 0}

    def next_id(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def span(self, label: str, start: int, end: int) -> str | None:
        frags = fragments(self.text, start, end)
        if not frags:
            return None
        tid = self.next_id("T")
        where = ";".join(f"{s} {e}" for s, e in frags)
        shown = " ".join(self.text[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{label} {where}\t{shown}")
        return tid

    def note(self, target: str, note: str) -> None:
        note = " ".join(note.split())
        self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {target}\t{note}")

    def relation(self, label: str, arg1: str, arg2: str) -> None:
        self.lines.append(f"{self.next_id('R')}\t{label} Arg1:{arg1} Arg2:{arg2}")

    def attribute(self, label: str, target: str, value: str) -> None:
        self.lines.append(f"{self.next_id('A')}\t{label} {target} {value}")


def to_ann(text: str, records: Iterable[dict]) -> str:
    """The ``.ann`` file for ``text`` (written as is to the ``.txt``) and its records."""
    ann = _Ann(text)
    mentions: dict[tuple[int, int], str] = {}
    records = list(records)
    for r in records:
        if r.get("type") != "entity":
            continue
        tid = ann.span(r["label"], r["start"], r["end"])
        if tid is None:
            continue
        mentions.setdefault((r["start"], r["end"]), tid)
        ann.note(tid, _entity_note(r))
    for r in records:
        if r.get("type") == "quote":
            _quote(ann, r, mentions)
    return "".join(line + "\n" for line in ann.lines)


def _entity_note(r: dict) -> str:
    parts = [f"entity={r['entity']}" if r.get("entity") else "", f"canonical={r.get('canonical')}"]
    if r.get("known_as"):
        parts.append(f"known_as={r['known_as']}")
    parts.append(f"source={r.get('source')}")
    return "; ".join(p for p in parts if p)


def _quote(ann: _Ann, r: dict, mentions: dict[tuple[int, int], str]) -> None:
    q, cue, sp = r["quote"], r["cue"], r.get("speaker")
    qid = ann.span("Quote", q["start"], q["end"])
    if qid is None:
        return
    ann.attribute("Kind", qid, r["kind"])
    cid = ann.span("Cue", cue["start"], cue["end"])
    if cid is not None:
        ann.relation("Cue_of", cid, qid)
    if not sp:
        return
    ann.note(qid, _speaker_note(sp))
    if sp.get("start") is None:
        return
    target = mentions.get((sp["start"], sp["end"])) or ann.span("SpeakerPhrase", sp["start"], sp["end"])
    if target is not None:
        ann.relation("Speaker", qid, target)


def _speaker_note(sp: dict) -> str:
    implied = " (implied)" if sp.get("start") is None else ""
    parts = [f"speaker{implied}={sp.get('canonical')}", f"label={sp.get('label')}"]
    if sp.get("entity"):
        parts.append(f"entity={sp['entity']}")
    if sp.get("role"):
        parts.append(f"role={sp['role']}")
    return "; ".join(parts)


def annotation_conf() -> str:
    """brat's ``annotation.conf`` for khabar's types and relations."""
    return CONF_FILE.read_text(encoding="utf-8")
