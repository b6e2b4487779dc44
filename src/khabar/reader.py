"""Read inputs: bytes → text, with every problem named (file, and line for JSON lines).

Inputs are files, folders (recursive glob), ``-`` for standard input, and JSON-lines archives
(``.jsonl``, ``.ndjson``, gzip-compressed or not) with one document per line.
Decoding: a BOM decides (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE);
otherwise UTF-16 without BOM is recognised by its byte pattern, then UTF-8 is tried, falling back
to Windows-1256 when the bytes are clearly Arabic in that code page; ``encoding`` forces one.
Binary data is refused; stray NUL bytes in text are kept (offsets stay exact). Big files that are
streamed in blocks take the same decision from their first block (:func:`stream_decoder`).
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


# High bytes of the UTF-16 code units of Arabic news: ASCII, Arabic, general punctuation
# (“ ” ‏), Arabic presentation forms.
_UTF16_HIGH = bytes([0x00, 0x06, 0x07, 0x08, 0x20, 0xFB, 0xFC, 0xFD, 0xFE])
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(head: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), None)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when nearly every code unit of the first block has the high
    byte of ASCII or Arabic text and its low bytes are not NUL (UTF-8 text never looks so)."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 4 or not (b"\x00" in head or b"\x06" in head):
        return None  # the common case (UTF-8 text) costs two scans in C
    units = len(head) // 2
    for enc, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        others = len(high.translate(None, _UTF16_HIGH))
        if others <= units // 20 and low.count(0) <= units // 20:
            return enc
    return None


def sniff_encoding(head: bytes) -> str | None:
    """The encoding the first bytes of an input declare or show (BOM, UTF-16 pattern), else None."""
    return _bom_encoding(head) or _utf16_without_bom(head[:SNIFF])


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a whole input or raise InputError naming it."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(name, f"cannot decode as {encoding}: {exc}") from None
    enc = sniff_encoding(data[:SNIFF])
    if enc is None:
        if _looks_binary(data[:SNIFF]):
            raise InputError(
                name, "binary data, not text (if it is text, name its encoding, e.g. --encoding utf-16-le)"
            )
        enc = "utf-8"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if enc == "utf-8" and _cp1256_plausible(data):
            return data.decode("cp1256", errors="replace")
        raise InputError(
            name,
            f"not valid {enc.upper().removesuffix('-SIG')} (bad byte at offset {exc.start}); "
            "pass --encoding if it is another encoding",
        ) from None


def stream_encoding(head: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Encoding and error handler for a file read in blocks, decided once from its first block
    as :func:`decode` decides for a whole file (a forced ``encoding`` wins)."""
    if encoding:
        return encoding, "strict"
    enc = sniff_encoding(head)
    if enc is not None:
        return enc, "strict"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        if _cp1256_plausible(head):
            return "cp1256", "replace"
    return "utf-8", "strict"


def stream_decoder(path: Path, encoding: str | None = None) -> codecs.IncrementalDecoder:
    """An incremental decoder for a streamed file: BOM, UTF-16 pattern, cp1256 or a forced
    encoding hold for every block, not only the first (``utf-8`` if the file cannot be read)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF)
    except OSError:
        head = b""  # the reading loop reports the error
    enc, errors = stream_encoding(head, encoding)
    return codecs.getincrementaldecoder(enc)(errors)


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
