"""A readable terminal view of records (used when stdout is a terminal, or --format pretty)."""

from __future__ import annotations

import orjson
from rich.console import Console
from rich.table import Table

_console = Console()


def render(data: bytes) -> None:
    """Print one document's records: an entity table and a quote table."""
    records = [orjson.loads(line) for line in data.splitlines() if line.strip()]
    if not records:
        return
    doc = records[0]["doc"]
    ents = Table(title=f"{doc}: entities", show_lines=False)
    for col in ("label", "text", "canonical", "start", "end", "source"):
        ents.add_column(col)
    quotes = Table(title=f"{doc}: quotes", show_lines=True)
    for col in ("kind", "cue", "speaker", "quote"):
        quotes.add_column(col, overflow="fold")
    for r in records:
        if r["type"] == "entity":
            ents.add_row(r["label"], r["text"], r["canonical"], str(r["start"]), str(r["end"]), r["source"])
        else:
            sp = r["speaker"] or {}
            who = sp.get("canonical") or "?"
            quotes.add_row(r["kind"], r["cue"]["text"], who, r["quote"]["text"])
    _console.print(ents)
    if quotes.row_count:
        _console.print(quotes)
