"""Compiled lexicons: normalised phrases → entries, layered, cached on disk.

Layers, later ones winning on the same normalised name and label: the built-in generated
lexicons, the built-in curated ones, then user lexicons (``--lexicon`` / ``KHABAR_LEXICONS``).
Entries that share an ``id`` are one entity (later names become aliases of the first).
``STOP`` entries suppress a name for every label, or for the label given in ``label=``.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
from pathlib import Path

from khabar import text as textmod
from khabar.lexicon import ENTITY_LABELS, Entry, lexicon_files, load_lexicons

CACHE_VERSION = "5"
MAX_CACHES = 8
BUILTIN_DIR = Path(__file__).resolve().parents[2] / "lexicons"
# Grammatical labels whose entries also match with / without the article ال.
# (TITLE is not: الفريق is a rank, فريق a team; titles.tsv lists both forms where both are titles.)
_ARTICLE_OPTIONAL = frozenset({"DEMONYM", "DESC", "ORG_TRIGGER", "LOC_TRIGGER", "COMMON"})


def builtin_dir() -> Path:
    """Folder of the built-in lexicons (installed as package data ``khabar.lexicons``)."""
    try:
        import khabar.lexicons as pkg

        return Path(pkg.__file__).resolve().parent
    except ImportError:  # running from a source tree without install
        return BUILTIN_DIR


class Info:
    """What a lexicon says about one normalised name under one label."""

    __slots__ = ("name", "label", "source", "attrs", "id", "_map", "get")

    def __init__(self, name: str, label: str, source: str, attrs: tuple[tuple[str, str], ...], id: str = "") -> None:
        self.name = name  # canonical name
        self.label = label
        self.source = source  # file:line
        self.attrs = attrs
        self.id = id
        self._map = dict(attrs)
        # get(key, default): the attribute as dict.get reads it, no Python frame (hot loops use it)
        self.get = self._map.get

    def attr(self, key: str, default: str = "") -> str:
        return self._map.get(key, default)

    def __repr__(self) -> str:
        return f"Info({self.name!r}, {self.label}, {self.source})"


class Gazetteer:
    """Normalised phrase lookup over all layers, built by :func:`compile_gazetteer`.

    Its state is plain dicts, lists and tuples so the disk cache loads with ``marshal`` in a
    fraction of the time pickling objects would take; :class:`Info` objects are made on demand.
    In the cache each record is kept as its own marshalled bytes, unpacked when first asked for:
    a document needs a few hundred of the 61,000 records, and unpacking them all took most of
    the start-up of a one-file run.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.phrases: dict[str, dict[str, int]] = {}  # normalised name -> label -> record index
        self.records: list[tuple | bytes] = []  # (name, label, source, attrs, id), or it marshalled
        self.first_len: dict[str, int] = {}
        self.stops: dict[str, tuple[str, ...]] = {}
        self.common: dict[str, int] = {}  # COMMON words: looked up, never matched as phrases
        self.norm_table = textmod.norm_table()
        self._infos: list[Info | None] = []
        self.common_cache: dict[str, bool] = {}
        self.given_cache: dict[str, bool] = {}  # word -> frequent given name? (bounded in Context)
        self.opener_cache: dict[str, bool] = {}  # word -> may open a name (Context.starts_given_name)
        self.weak_cache: dict[str, bool] = {}  # place entry -> needs a trigger? (keys of LOC entries only)
        self.word_cache: dict[str, tuple] = {}  # surface word -> its record (see document._word_records)
        # surface word -> Context.name_like, as a name's first word ([True]) or a later one ([False])
        self.name_like_cache: dict[bool, dict[str, bool]] = {True: {}, False: {}}
        self.word_has_cache: dict[str, dict[str, bool]] = {}  # label -> surface word -> Context.word_has
        self._stop_firsts: frozenset[str] | None = None
        self.bare_title_words: frozenset[str] | None = None  # Context.bare_titles, made once
        by_id: dict[tuple[str, str], int] = {}
        for entry in entries:
            if entry.label == "STOP":
                self._add_stop(entry)
                continue
            index = self._record(entry, by_id)
            for name in entry.names:
                self._add(textmod.normalize(name), entry.label, index)
        self._apply_stops()
        self._infos = [None] * len(self.records)
        self.prefixes = self._prefixes()

    def _record(self, entry: Entry, by_id: dict[tuple[str, str], int]) -> int:
        if entry.id and entry.label in ENTITY_LABELS and (entry.id, entry.label) in by_id:
            return by_id[(entry.id, entry.label)]
        self.records.append((entry.name, entry.label, entry.source, tuple(sorted(entry.attrs.items())), entry.id))
        index = len(self.records) - 1
        if entry.id:
            by_id[(entry.id, entry.label)] = index
        return index

    def _add(self, key: str, label: str, index: int) -> None:
        if not key:
            return
        keys = [key]
        if label in _ARTICLE_OPTIONAL:
            bare = textmod.strip_article(key)
            keys.append(bare if bare else "ال" + key)
        if label == "COMMON":
            for k in keys:
                self.common.setdefault(k, index)
            return
        for k in keys:
            slot = self.phrases.setdefault(k, {})
            if k != key and label in slot:
                continue  # a derived form never overrides an explicit one
            slot[label] = index
            first, _, _ = k.partition(" ")
            n = k.count(" ") + 1
            if label == "SURNAME" and n == 1:
                continue  # looked up by the name rules, never needed as a match of its own
            if self.first_len.get(first, 0) < n:
                self.first_len[first] = n

    def _prefixes(self) -> set[str]:
        """Word prefixes (2 words or more, not the whole) of the multi-word phrases: the scan
        stops extending a match as soon as no phrase continues that way."""
        out: set[str] = set()
        for key in self.phrases:
            words = key.split(" ")
            for n in range(2, len(words)):
                out.add(" ".join(words[:n]))
        return out

    def _add_stop(self, entry: Entry) -> None:
        only = entry.attrs.get("label") or "*"
        for name in entry.names:
            key = textmod.normalize(name)
            self.stops[key] = tuple(sorted({*self.stops.get(key, ()), only}))

    def _apply_stops(self) -> None:
        for key, labels in self.stops.items():
            slot = self.phrases.get(key)
            if not slot:
                continue
            for label in list(slot):
                if label in ENTITY_LABELS and ("*" in labels or label in labels):
                    del slot[label]

    def phrase_starts(self, splits) -> tuple[tuple[int, str, int, dict | None], ...]:
        """The clitic readings of a word that start a lexicon phrase, with the phrase's longest
        length in words and the reading's own entry (most words start none); documents cache
        this per surface word."""
        first_len, phrases = self.first_len, self.phrases
        return tuple((n, stem, first_len[stem], phrases.get(stem)) for n, stem in splits if stem in first_len)

    def record(self, index: int) -> tuple:
        """(name, label, source, attrs, id) of a record (``records`` may hold it marshalled)."""
        record = self.records[index]
        return marshal.loads(record) if type(record) is bytes else record

    def info(self, index: int) -> Info:
        info = self._infos[index]
        if info is None:
            info = self._infos[index] = Info(*self.record(index))
        return info

    def infos(self, slot: dict[str, int]) -> dict[str, Info]:
        return {label: self.info(i) for label, i in slot.items()}

    def stop_first_words(self) -> frozenset[str]:
        """First words of the STOP entries (a name whose first word is not here is never stopped)."""
        firsts = self._stop_firsts
        if firsts is None:
            firsts = self._stop_firsts = frozenset(key.split(" ", 1)[0] for key in self.stops)
        return firsts

    def stopped(self, key: str, label: str) -> bool:
        labels = self.stops.get(key)
        return bool(labels) and ("*" in labels or label in labels)

    def lookup(self, text: str) -> dict[str, Info]:
        """Entries for a name as written (normalised here), COMMON included."""
        key = textmod.normalize(text)
        found = self.infos(self.phrases.get(key, {}))
        if key in self.common:
            found["COMMON"] = self.info(self.common[key])
        return found

    def __getstate__(self) -> tuple:
        packed = [r if type(r) is bytes else marshal.dumps(r) for r in self.records]
        return (self.phrases, packed, self.first_len, self.stops, self.common, self.norm_table, self.prefixes)

    def __setstate__(self, state: tuple) -> None:
        self.phrases, self.records, self.first_len, self.stops, self.common, self.norm_table, self.prefixes = state
        self._infos = [None] * len(self.records)
        self.common_cache = {}
        self.given_cache = {}
        self.opener_cache = {}
        self.weak_cache = {}
        self.word_cache = {}
        self.name_like_cache = {True: {}, False: {}}
        self.word_has_cache = {}
        self._stop_firsts = None
        self.bare_title_words = None


def _cache_dir() -> Path:
    base = os.environ.get("KHABAR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "khabar"
    )
    return Path(base)


def _fingerprint(files: list[Path], options: tuple) -> str:
    h = hashlib.sha256(f"{CACHE_VERSION}|{options}".encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(textmod.__file__).read_bytes())
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def _read_cache(path: Path) -> Gazetteer | None:
    gc.disable()  # the collector would walk the many fresh containers again and again
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    finally:
        gc.enable()
        gc.freeze()  # long-lived: keep the lexicon out of later collections
    gaz = Gazetteer.__new__(Gazetteer)
    try:
        gaz.__setstate__(state)
    except (TypeError, ValueError):
        return None
    return gaz


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    import tempfile  # only when compiling: a run that loads the cache never needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(gaz.__getstate__(), fh)
        os.replace(tmp, path)
        _prune(path.parent, keep=path)
    except OSError:
        pass  # a cache is an optimisation: an unwritable cache dir only costs time


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest MAX_CACHES compiled lexicons (each lexicon set or edit makes a new one)."""
    old = sorted(folder.glob("gazetteer-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in old[MAX_CACHES:]:
        if stale != keep:
            stale.unlink(missing_ok=True)


# Within the generated layer, later files win: small GeoNames towns must not relabel a CLDR
# country (فلسطين the Texas town vs Palestine), and ANERcorp usage overrides both.
_GENERATED_ORDER = ("places_geonames.tsv", "places_cldr.tsv")


def builtin_files() -> list[Path]:
    """Built-in lexicon files in layer order: generated (GeoNames, CLDR, the rest), then curated."""
    root = builtin_dir()
    generated = lexicon_files([root / "generated"]) if (root / "generated").is_dir() else []
    generated.sort(
        key=lambda f: (
            f.name not in _GENERATED_ORDER,
            _GENERATED_ORDER.index(f.name) if f.name in _GENERATED_ORDER else 0,
            f.name,
        )
    )
    curated = lexicon_files([root / "curated"]) if (root / "curated").is_dir() else []
    return generated + curated


def compile_gazetteer(
    user_paths: list[str | Path] | None = None,
    builtin_persons: bool = True,
    builtin: bool = True,
    use_cache: bool = True,
) -> Gazetteer:
    """Load built-in and user lexicons into one Gazetteer (from the cache when it is fresh)."""
    base = builtin_files() if builtin else []
    user = lexicon_files(list(user_paths or []))
    files = base + user
    missing = [f for f in user if not f.exists()]
    if missing:
        from khabar.errors import LexiconError

        raise LexiconError([f"{f}: no such lexicon file" for f in missing])  # as lexicon.validate says
    key = _fingerprint(files, (builtin_persons, builtin))
    cache = _cache_dir() / f"gazetteer-{key}.marshal"
    if use_cache:
        gaz = _read_cache(cache)
        if gaz is not None:
            textmod.set_norm_table(gaz.norm_table)
            return gaz
    entries = load_lexicons(files, textmod.normalize)
    if not builtin_persons:
        user_set = {str(f) for f in user}
        entries = [e for e in entries if e.label != "PER" or e.file in user_set]
    gaz = Gazetteer(entries)
    if use_cache:
        _write_cache(cache, gaz)
    return gaz
