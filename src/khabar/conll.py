"""Records → CoNLL: one ``token TAG`` line per whitespace token, ANERcorp's BIO tags.

Each line of the text is a sentence (a blank line follows it; empty lines give none), a token
is a run of non-whitespace characters, and a token that an entity mention overlaps takes the
mention's label, B- on the mention's first token and I- after (PER is written PERS, as in
ANERcorp). Mentions are taken in text order, longest first at one start; one that would relabel
an already labelled token is skipped. This is how ``shared/tools/eval_conll.py`` labels tokens,
so for text rebuilt from CoNLL tokens (joined by one space, sentences by a newline) the tokens
written are the gold tokens, and scoring the file gives that tool's numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TOKEN = re.compile(r"\S+")
TAGS = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}


def sentences(text: str) -> list[list[tuple[int, int]]]:
    """(start, end) of every token, line by line; lines without a token are left out."""
    out, pos = [], 0
    for line in text.split("\n"):
        toks = [(pos + m.start(), pos + m.end()) for m in TOKEN.finditer(line)]
        if toks:
            out.append(toks)
        pos += len(line) + 1
    return out


def token_tags(spans: list[tuple[int, int]], entities: Iterable[dict]) -> list[str]:
    """A BIO tag per token span (ANERcorp labels) from entity records."""
    tags = ["O"] * len(spans)
    starts = [s for s, _ in spans]
    for e in sorted(entities, key=lambda e: (e["start"], -e["end"])):
        label = TAGS.get(e.get("label", ""))
        if label is None:
            continue
        toks = _overlapped(spans, starts, e["start"], e["end"])
        if not toks or any(tags[i] != "O" for i in toks):
            continue
        for k, i in enumerate(toks):
            tags[i] = ("B-" if k == 0 else "I-") + label
    return tags


def _overlapped(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> list[int]:
    from bisect import bisect_left

    i = max(bisect_left(starts, start) - 1, 0)
    out = []
    while i < len(spans) and spans[i][0] < end:
        if start < spans[i][1]:
            out.append(i)
        i += 1
    return out


def to_conll(text: str, records: Iterable[dict], doc_id: object = None) -> str:
    """The document as CoNLL lines, headed by ``# doc: ID`` when an id is given."""
    sents = sentences(text)
    flat = [span for sent in sents for span in sent]
    tags = iter(token_tags(flat, [r for r in records if r.get("type") == "entity"]))
    out = [f"# doc: {doc_id}\n"] if doc_id is not None else []
    for sent in sents:
        out.extend(f"{text[s:e]} {next(tags)}\n" for s, e in sent)
        out.append("\n")
    return "".join(out)
