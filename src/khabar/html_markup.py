"""Overlapping character ranges → well-formed HTML over a text.

Entity mentions, quotes, cues and speakers may nest or cross (a quote holds mentions; a speaker
may sit inside another quote). ``markup`` splits the text at every range boundary and keeps a
stack of open elements: ranges are ordered outermost first (earlier start, then later end, then
``rank``), and at each boundary the elements that are no longer a prefix of the active list are
closed and the missing ones opened. A range that crosses another is thereby broken into pieces
and reopened, so the markup always nests. Every piece carries ``data-start``/``data-end``: the
offsets of the text it holds, so its text content equals ``text[data-start:data-end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Range:
    """One highlighted span. ``attrs`` are raw values (escaped here); ``first_id`` goes on the
    first piece only (ids are unique); ``after`` is markup placed right after the last piece
    (it must be self-contained and hold no text, e.g. an empty link)."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    rank: int = 0  # among ranges with the same extent, the lower rank is the outer element
    first_id: str | None = None
    after: str = ""


def text_html(chunk: str) -> str:
    """Escaped text that an HTML parser turns back into exactly ``chunk`` (CR survives as &#13;)."""
    return escape(chunk, quote=False).replace("\r", "&#13;")


def markup(text: str, ranges: list[Range]) -> str:
    """The text as HTML with every range marked; ranges outside the text or empty are ignored."""
    valid = sorted((r for r in ranges if 0 <= r.start < r.end <= len(text)), key=lambda r: (r.start, -r.end, r.rank))
    starts: dict[int, list[int]] = {}
    for i, r in enumerate(valid):
        starts.setdefault(r.start, []).append(i)
    points = sorted({0, len(text), *(r.start for r in valid), *(r.end for r in valid)})
    out: list[str] = []
    stack: list[tuple[int, int, int]] = []  # (range index, piece start, index of its open tag in out)
    active: set[int] = set()
    opened: set[int] = set()
    for a, b in zip(points, points[1:], strict=False):
        active.difference_update(i for i in list(active) if valid[i].end <= a)
        active.update(starts.get(a, ()))
        want = sorted(active)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep][0] == want[keep]:
            keep += 1
        _close(out, stack, keep, a, valid, opened)
        for i in want[keep:]:
            stack.append((i, a, len(out)))
            out.append("")  # the open tag, written when the piece's end is known
        out.append(text_html(text[a:b]))
    _close(out, stack, 0, len(text), valid, opened)
    return "".join(out)


def _close(out: list[str], stack: list, keep: int, at: int, valid: list[Range], opened: set[int]) -> None:
    """Close the pieces above ``keep`` on the stack at offset ``at``, innermost first."""
    while len(stack) > keep:
        i, start, slot = stack.pop()
        r = valid[i]
        out[slot] = _open_tag(r, start, at, first=i not in opened, last=at == r.end)
        opened.add(i)
        out.append(f"</{r.tag}>" + (r.after if at == r.end else ""))


def _open_tag(r: Range, start: int, end: int, first: bool, last: bool) -> str:
    attrs = list(r.attrs)
    if first and r.first_id:
        attrs.insert(0, ("id", r.first_id))
    attrs += [("data-start", str(start)), ("data-end", str(end))]
    if not (start == r.start and end == r.end):
        attrs.append(("data-piece", f"{r.start}-{r.end}"))  # a piece of a range broken by a crossing one
    if last:
        attrs.append(("data-last", ""))
    body = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs)
    return f"<{r.tag}{body}>"
