"""The one place records become bytes: JSON lines, UTF-8, unescaped, stable field order."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import orjson

SCHEMA_FILE = Path(__file__).parent / "schema" / "output.schema.json"


@cache
def schema() -> dict:
    """The JSON Schema every output record follows (``schema/output.schema.json``)."""
    import json

    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def jsonl(records: Iterable[dict]) -> bytes:
    """Records as JSON lines (each ends with a newline); field order is the records' own."""
    return b"".join([orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records])
