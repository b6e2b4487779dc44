"""Long documents in windows: bounded memory and linear time however long the text.

A document longer than ``WINDOW_CHARS`` is cut into cores of at most that many characters, at
the last sentence end (``.!?؟`` and any closing marks, then whitespace) before the limit, failing
that at the last whitespace, failing that (no whitespace at all) at the limit. Each core is
extracted with ``OVERLAP_CHARS`` of context on each side (the context also starts and ends at
such a boundary), offsets are shifted to index the whole document, and a record is kept from the
window whose core holds its anchor (an entity's start, a quote's cue), so no record is lost or
repeated at a seam: an entity or a quote shorter than the overlap is whole in the window that
keeps it.

Cuts depend only on sentence ends and whitespace, and a line break counts as whitespace, so a
text is cut at the same offsets whether its sentences end in line breaks or in spaces.

Entity ids (e1, e2 …) stay unique in the document: each window's ids are renumbered, and an
entity with a mention in the overlap shared with the previous window keeps that window's id.
Linking (short forms, canonical names, a speaker's entity) reaches no further than one window
and its overlap. Records come window by window: each window's entities, then its quotes.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from khabar.pipeline import Pipeline

WINDOW_CHARS = 100_000  # a document longer than this is processed in windows (cores) of at most this size
OVERLAP_CHARS = 5_000  # context read on each side of a core (at least this, up to twice this)
_SENTENCE_END = re.compile(r"[.!?؟][\"'»”)]*\s+")
_SPACE = re.compile(r"\s+")


def boundary(text: str, lo: int, hi: int) -> int:
    """The best place in ``text[lo:hi]`` to cut (the offset where the next part starts): after
    the last sentence end, else after the last whitespace, else ``hi``."""
    for pattern in (_SENTENCE_END, _SPACE):
        last = deque(pattern.finditer(text, lo, hi), maxlen=1)
        if last and last[0].end() > lo:
            return last[0].end()
    return hi


def extract(pipeline: Pipeline, text: str, doc_id: str = "", size: int = 0, overlap: int = 0) -> list[dict]:
    """Records of one document read in windows (see the module docstring)."""
    return [r for part in stream(pipeline, pieces(text, size), doc_id, size, overlap) for r in part]


def pieces(text: str, size: int = 0) -> Iterator[str]:
    """``text`` in window-sized pieces, for :func:`stream` (which then never copies the whole text)."""
    step = size or WINDOW_CHARS
    return (text[i : i + step] for i in range(0, len(text), step))


def stream(
    pipeline: Pipeline, parts: Iterable[str], doc_id: str = "", size: int = 0, overlap: int = 0
) -> Iterator[list[dict]]:
    """Records of one document whose text arrives in ``parts``, one list per window; at most
    about ``size + 4 * overlap`` characters of the text are held at once."""
    size = size or WINDOW_CHARS
    overlap = overlap or OVERLAP_CHARS
    overlap = min(overlap, size // 4)  # the context of one cut never reaches the cut before it
    parts = iter(parts)
    buf, base = "", 0  # buf holds the text from offset base
    ctx, core = 0, 0  # the next window's context start and core start
    ids = _Ids()
    done = False
    while True:
        need = core + size + 2 * overlap - base
        while not done and len(buf) < need:
            piece = next(parts, None)
            if piece is None:
                done = True
            else:
                buf += piece
        end = base + len(buf)
        if done and end - core <= size:
            yield _window(pipeline, buf[ctx - base :], doc_id, ctx, core, end, ids, None)
            return
        cut = base + boundary(buf, core + size // 2 - base, core + size - base)
        ctx_end = base + boundary(buf, cut + overlap - base, min(cut + 2 * overlap, end) - base)
        next_ctx = base + boundary(buf, cut - 2 * overlap - base, cut - overlap - base)
        yield _window(pipeline, buf[ctx - base : ctx_end - base], doc_id, ctx, core, cut, ids, next_ctx)
        buf, base = buf[next_ctx - base :], next_ctx
        ctx, core = next_ctx, cut


class _Ids:
    """Entity ids across windows: a fresh number for each new entity; an entity met again in the
    overlap with the previous window (the same mention) keeps its id."""

    def __init__(self) -> None:
        self.count = 0
        self.seen: dict[tuple[int, int, str], str] = {}  # mention in the shared overlap -> its global id

    def mapping(self, entities: list[dict], first: bool) -> dict[str, str]:
        out: dict[str, str] = {}
        for r in entities:
            local = r["entity"]
            if local is None or local in out:
                continue
            known = self.seen.get((r["start"], r["end"], r["label"]))
            if first:
                out[local] = local
                self.count = max(self.count, int(local[1:]))
            elif known is not None:
                out[local] = known
            else:
                self.count += 1
                out[local] = f"e{self.count}"
        return out

    def remember(self, entities: list[dict], mapping: dict[str, str], shared_from: int | None) -> None:
        """The mentions from ``shared_from`` on, which the next window reads again."""
        self.seen = {}
        if shared_from is None:
            return
        for r in entities:
            if r["start"] >= shared_from and r["entity"] is not None:
                self.seen.setdefault((r["start"], r["end"], r["label"]), mapping[r["entity"]])


def _window(
    pipeline: Pipeline, text: str, doc_id: str, base: int, lo: int, hi: int, ids: _Ids, shared_from: int | None
) -> list[dict]:
    """Records of the window ``text`` (starting at ``base``) whose anchor lies in ``[lo, hi)``,
    offsets and entity ids made the document's."""
    records = pipeline.run(text, doc_id).records()
    for r in records:
        _shift(r, base)
    entities = [r for r in records if r["type"] == "entity"]
    mapping = ids.mapping(entities, first=base == 0 and lo == 0)
    ids.remember(entities, mapping, shared_from)
    kept = []
    for r in records:
        anchor = r["start"] if r["type"] == "entity" else r["cue"]["start"]
        if lo <= anchor < hi:
            _rename(r, mapping, ids)
            kept.append(r)
    return kept


def _shift(record: dict, base: int) -> None:
    if not base:
        return
    for span in (record, record.get("cue"), record.get("speaker"), record.get("quote")):
        if isinstance(span, dict) and span.get("start") is not None:
            span["start"] += base
            span["end"] += base


def _rename(record: dict, mapping: dict[str, str], ids: _Ids) -> None:
    holder = record if record["type"] == "entity" else record.get("speaker")
    if holder and holder.get("entity") is not None:
        if holder["entity"] not in mapping:  # (every speaker's entity has a mention; never new in practice)
            ids.count += 1
            mapping[holder["entity"]] = f"e{ids.count}"
        holder["entity"] = mapping[holder["entity"]]
