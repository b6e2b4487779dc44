"""The one place records become bytes: JSON lines, UTF-8, unescaped, stable field order."""

from __future__ import annotations

from collections.abc import Iterable

import orjson


def jsonl(records: Iterable[dict]) -> bytes:
    """Records as JSON lines (each ends with a newline); field order is the records' own."""
    return b"".join([orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records])
