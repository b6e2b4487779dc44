"""Read inputs: bytes → text, with every problem named (file, and line for JSON lines).

Inputs are files, folders (recursive glob), ``-`` for standard input, and JSON-lines archives
(``.jsonl``, ``.ndjson``, gzip-compressed or not) with one document per line.
Decoding: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8,
falling back to Windows-1256 when the bytes are clearly Arabic in that code page; ``encoding``
forces one. Binary data is refused; stray NUL bytes in text are kept (offsets stay exact).
"""

from __future__ import annotations

import codecs
import gzip
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from khabar.errors import InputError

SNIFF = 8192
_CP1256_ARABIC = set(range(0xC1, 0xFF)) - {
    0xD7,
    0xE0,
    0xE2,
    0xE7,
    0xE8,
    0xE9,
    0xEA,
    0xEB,
    0xEE,
    0xEF,
    0xF4,
    0xF7,
    0xF9,
    0xFB,
    0xFC,
}


@dataclass(frozen=True)
class Source:
    """One input to process: a file, standard input, or one line of a JSON-lines archive."""

    name: str  # what records carry as "doc" and errors name
    path: Path | None = None
    text: str | None = None
    error: str | None = None
    size: int = 0
    doc: object = None  # the "doc" value of records (a JSON-lines id keeps its JSON type)

    @property
    def doc_id(self) -> object:
        return self.name if self.doc is None else self.doc


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(head: bytes) -> bool:
    """Many NULs or control bytes in the first block (counted in C: this runs once per file)."""
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return head.count(0) > len(head) // 10 or controls > len(head) // 5


def _cp1256_plausible(data: bytes) -> bool:
    high = [b for b in data[:SNIFF] if b >= 0x80]
    return bool(high) and sum(b in _CP1256_ARABIC for b in high) / len(high) > 0.7


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a whole input or raise InputError naming it."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(name, f"cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        data, enc = data[3:], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        if _looks_binary(data[:SNIFF]):
            raise InputError(name, "binary data, not text")
        enc = "utf-8"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if enc == "utf-8" and _cp1256_plausible(data):
            return data.decode("cp1256", errors="replace")
        raise InputError(
            name, f"not valid {enc.upper()} (bad byte at offset {exc.start}); pass --encoding if it is another encoding"
        ) from None


def read_file(path: Path, name: str, encoding: str | None = None) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file (it may have been removed during the run)") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, name, encoding)


def expand(paths: list[str], glob: str = "*.txt") -> Iterator[Source]:
    """Inputs in order: folders expand to their matching files (sorted, recursive). A folder
    with no match, a broken symbolic link and a missing path each become a Source with an error."""
    for raw in paths:
        if raw == "-":
            yield Source("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = []  # (path, size, error) of the regular files and broken links, one stat each
            for q in p.rglob(glob):
                try:
                    st = q.stat()
                except OSError:
                    if q.is_symlink():
                        found.append((q, 0, _broken_link(q)))
                    continue  # else it vanished while listing
                if stat.S_ISREG(st.st_mode):
                    found.append((q, st.st_size, None))
            if not found:
                yield Source(raw, error=f"no file in this folder matches --glob {glob!r}")
            for f, size, error in sorted(found, key=lambda item: item[0].parts):  # the order of sorted(Paths)
                yield Source(str(f), path=None if error else f, size=size, error=error)
        elif p.exists():
            yield Source(raw, path=p, size=_size(p))
        elif p.is_symlink():
            yield Source(raw, error=_broken_link(p))
        else:
            yield Source(raw, error="no such file or directory")


def _broken_link(p: Path) -> str:
    try:
        return f"broken symbolic link (to {os.readlink(p)}, which does not exist)"
    except OSError:
        return "broken symbolic link"


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def read_stdin(encoding: str | None = None) -> str:
    return decode(sys.stdin.buffer.read(), "-", encoding)


def jsonl_documents(
    source: Source, id_field: str = "id", text_field: str = "text", encoding: str | None = None
) -> Iterator[Source]:
    """One Source per line of a JSON-lines archive; bad lines become Sources with an error."""
    stream = sys.stdin.buffer if source.path is None else None
    try:
        fh = stream or _open_archive(source.path)
    except OSError as exc:
        yield Source(source.name, error=f"cannot read: {exc.strerror or exc}")
        return
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{source.name}:{lineno}"
            try:
                obj = orjson.loads(decode(raw, where, encoding).strip().lstrip("\ufeff"))
            except InputError as exc:
                yield Source(where, error=exc.problem)
                continue
            except orjson.JSONDecodeError as exc:
                yield Source(where, error=f"not JSON: {exc}")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
                yield Source(where, error=f"no string field {text_field!r}")
                continue
            doc_id = obj.get(id_field)
            name = where if doc_id is None else f"{source.name}:{lineno} ({doc_id})"
            yield Source(name, text=obj[text_field], size=len(raw), doc=where if doc_id is None else doc_id)
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError; EOFError: cut-off .gz
        yield Source(source.name, error=f"read failed: {getattr(exc, 'strerror', None) or exc}")
    finally:
        if stream is None:
            fh.close()


def _open_archive(path: Path):  # noqa: ANN202 - a binary file object
    """A JSON-lines archive, gunzipped on the fly when its name ends in .gz."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")  # noqa: SIM115 - the caller closes it
