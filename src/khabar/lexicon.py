"""Lexicon files: parse and validate the TSV format described in ``lexicons/FORMAT.md``."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import LexiconError

ENTITY_LABELS = frozenset({"PER", "ORG", "LOC"})
WORD_LABELS = frozenset({"GIVEN", "SURNAME", "TITLE", "ORG_TRIGGER", "LOC_TRIGGER", "DEMONYM", "DESC", "CUE", "COMMON"})
LABELS = ENTITY_LABELS | WORD_LABELS | {"STOP"}
REQUIRED_ATTRS = {"DEMONYM": ("country",), "CUE": ("lemma",)}
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_FOREIGN_SCRIPT = re.compile(r"[^\s\u0600-\u06ff\u0750-\u077f\u200c-\u200fA-Za-z0-9.'’&+\-()/]")
# Size limits (lexicons/FORMAT.md). The longest built-in name has 70 characters and 10 words, the
# longest alias list 47 names, the biggest file 0.8 MB; compiling stores every word prefix of a
# name, so a name's cost grows with the square of its length and the limits keep it small.
MAX_LINE_CHARS = 16_384
MAX_NAME_CHARS = 200
MAX_NAME_WORDS = 20
MAX_ALIASES = 256
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One lexicon line."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    id: str = ""
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    file: str = ""
    line: int = 0
    licence: str = ""

    @property
    def source(self) -> str:
        return f"{Path(self.file).name}:{self.line}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def lexicon_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders (``*.tsv``, recursively, sorted) into a list of files."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.tsv") if q.is_file()))
        else:
            out.append(p)
    return out


def env_lexicon_paths() -> list[str]:
    """Paths named by ``KHABAR_LEXICONS`` (separated like PATH)."""
    raw = os.environ.get("KHABAR_LEXICONS", "")
    return [p for p in raw.split(os.pathsep) if p.strip()]


def _check_size(name: str) -> str | None:
    if len(name) > MAX_NAME_CHARS:
        return f"name {name[:30]!r}… has {len(name)} characters, at most {MAX_NAME_CHARS}"
    words = len(name.split())
    if words > MAX_NAME_WORDS:
        return f"name {name[:30]!r}… has {words} words, at most {MAX_NAME_WORDS}"
    return None


def _check_script(name: str, label: str) -> str | None:
    if not (_ARABIC.search(name) or _LATIN.search(name)):
        return f"name {name!r} has no Arabic or Latin letters"
    if label in WORD_LABELS and not _ARABIC.search(name):
        return f"{label} entry {name!r} must be in Arabic script"
    bad = _FOREIGN_SCRIPT.search(name)
    if bad:
        return f"name {name!r} contains {bad.group()!r} (U+{ord(bad.group()):04X}), not Arabic or Latin"
    return None


def _parse_attrs(raw: str) -> tuple[dict[str, str], str | None]:
    attrs: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in raw.split(";"))):
        key, eq, value = part.partition("=")
        if not eq or not key.strip():
            return attrs, f"attribute {part!r} is not key=value"
        attrs[key.strip()] = value.strip()
    return attrs, None


def parse_line(raw: str) -> tuple[Entry | None, str | None]:
    """Parse one non-comment line into an Entry, or return the problem."""
    if len(raw) > MAX_LINE_CHARS:
        return None, f"line has {len(raw):,} characters, at most {MAX_LINE_CHARS:,}"
    cols = [c.strip() for c in raw.rstrip("\r\n").split("\t")]
    if len(cols) < 2 or not cols[1]:
        return None, "missing field: need name<TAB>label (columns are name, label, aliases, id, attrs)"
    if len(cols) > 5:
        return None, f"{len(cols)} columns, at most 5 (name, label, aliases, id, attrs)"
    name, label = cols[0], cols[1]
    if not name:
        return None, "empty name"
    if label not in LABELS:
        return None, f"unknown label {label!r} (one of {', '.join(sorted(LABELS))})"
    aliases = tuple(a.strip() for a in (cols[2] if len(cols) > 2 else "").split("|") if a.strip())
    if len(aliases) > MAX_ALIASES:
        return None, f"{len(aliases)} aliases, at most {MAX_ALIASES}"
    for n in (name, *aliases):
        problem = _check_size(n) or _check_script(n, label)
        if problem:
            return None, problem
    attrs, problem = _parse_attrs(cols[4] if len(cols) > 4 else "")
    if problem:
        return None, problem
    missing = [k for k in REQUIRED_ATTRS.get(label, ()) if not attrs.get(k)]
    if missing:
        return None, f"{label} entry needs attribute {missing[0]}="
    return Entry(name, label, aliases, cols[3] if len(cols) > 3 else "", attrs), None


def read_lexicon(path: str | Path) -> tuple[list[Entry], list[str]]:
    """All entries of one file and its problems as ``file:line: problem`` strings."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [f"{path}:1: file has {size:,} bytes, at most {MAX_FILE_BYTES:,} (split it into several files)"]
        data = path.read_bytes()
    except OSError as exc:
        return [], [f"{path}: cannot read: {exc.strerror or exc}"]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [f"{path}:{line}: not UTF-8 text"]
    entries: list[Entry] = []
    problems: list[str] = []
    header: dict[str, str] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            key, colon, value = stripped.lstrip("#").strip().partition(":")
            if colon and key.strip().lower() in ("source", "licence", "license"):
                header[key.strip().lower().replace("license", "licence")] = value.strip()
            continue
        entry, problem = parse_line(raw)
        if problem:
            problems.append(f"{path}:{lineno}: {problem}")
        elif entry is not None:
            entries.append(_with_origin(entry, str(path), lineno, header.get("licence", "")))
    for key in ("source", "licence"):
        if key not in header:
            problems.insert(0, f"{path}:1: missing '# {key}: …' header line")
    return entries, problems


def _with_origin(entry: Entry, file: str, line: int, licence: str) -> Entry:
    return Entry(entry.name, entry.label, entry.aliases, entry.id, entry.attrs, file, line, licence)


def check_conflicts(entries: list[Entry], normalize) -> list[str]:
    """Within one file: the same normalised name given two entity labels by different entities.

    Across files this is layering (a later file may relabel a name), not a problem.
    """
    seen: dict[tuple[str, str], Entry] = {}
    problems = []
    for e in entries:
        if e.label not in ENTITY_LABELS:
            continue
        for n in e.names:
            key = (e.file, normalize(n))
            other = seen.get(key)
            if other is None:
                seen[key] = e
            elif other.label != e.label and (not e.id or e.id != other.id):
                problems.append(f"{e.file}:{e.line}: {n!r} is {e.label} here but {other.label} at {other.source}")
    return problems


def validate(files: list[Path], normalize) -> tuple[list[Entry], list[str]]:
    """Entries and problems of lexicon files: the one judgement that ``khabar lexicon check``
    prints and that loading (``extract -l``) refuses on."""
    entries: list[Entry] = []
    problems: list[str] = []
    for f in files:
        if not f.exists():
            problems.append(f"{f}: no such lexicon file")
            continue
        got, bad = read_lexicon(f)
        entries.extend(got)
        problems.extend(bad)
    problems.extend(check_conflicts(entries, normalize))
    return entries, problems


def load_lexicons(paths: list[str | Path], normalize) -> list[Entry]:
    """Read every file; raise LexiconError listing all problems if any line is bad."""
    entries, problems = validate(lexicon_files(paths), normalize)
    if problems:
        raise LexiconError(problems)
    return entries
