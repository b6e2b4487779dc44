"""Arabic text handling shared by every stage: normalisation for matching, tokens, clitics.

Normalisation is for matching only; offsets always point into the original text.
The character table is derived from camel-tools (dediacritisation, alef / alef maksura /
teh marbuta normalisation) by :func:`build_norm_table` and cached with the compiled
lexicons, so a one-file run never pays for importing ``camel_tools.utils.charsets``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters that may sit inside a word: letters/digits plus Arabic marks and tatweel.
WORD_CHARS = r"\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
WORD_RE = re.compile(f"[{WORD_CHARS}]+")
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_MARK_RE = re.compile(f"[{_MARKS}]")

PROCLITICS = "وفبلك"
ARTICLE = "ال"

# Letters outside the Arabic-language alphabet that Persian/Urdu keyboards put into Arabic text.
_KEYBOARD_VARIANTS = {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06d5": "\u0647"}


def build_norm_table() -> dict[int, str | None]:
    """Derive the matching table from camel-tools (slow import: call once, then cache)."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    table: dict[int, str | None] = {}
    for code in list(range(0x0600, 0x0700)) + list(range(0x0750, 0x0780)):
        ch = chr(code)
        out = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(ch))))
        if out != ch:
            table[code] = out or None
    table[0x0640] = None  # tatweel
    for code in range(0x0610, 0x061B):  # Quranic annotation signs
        table[code] = None
    for src, dst in _KEYBOARD_VARIANTS.items():
        table[ord(src)] = dst
    return table


_TABLE: dict[int, str | None] | None = None


def set_norm_table(table: dict[int, str | None]) -> None:
    """Install a table (from the lexicon cache) so that normalisation needs no camel-tools import."""
    global _TABLE
    _TABLE = table
    normalize.cache_clear()


def norm_table() -> dict[int, str | None]:
    global _TABLE
    if _TABLE is None:
        _TABLE = build_norm_table()
    return _TABLE


@lru_cache(maxsize=200_000)
def normalize(word: str) -> str:
    """Matching form of a word or phrase: no diacritics/tatweel, ا for أإآٱ, ي for ى, ه for ة."""
    return " ".join(word.translate(norm_table()).split())


def tokens(text: str) -> list[tuple[int, int]]:
    """Word tokens as (start, end) offsets into ``text``."""
    return [m.span() for m in WORD_RE.finditer(text)]


def skip_letters(word: str, count: int) -> int:
    """Index in ``word`` just after its first ``count`` letters (marks after a letter go with it)."""
    i = seen = 0
    while i < len(word) and seen < count:
        i += 1
        seen += 1
        while i < len(word) and _MARK_RE.match(word[i]):
            i += 1
    return i


def clitic_splits(norm_word: str, max_prefix: int = 2) -> list[tuple[int, str]]:
    """Ways to read a normalised word as proclitics + stem: [(letters_stripped, stem)].

    The unsplit word comes first. و/ف may precede ب/ل/ك; ل+ال contracts to لل (للرئيس =
    ل + الرئيس), for which the stem is given back with its article.
    """
    out = [(0, norm_word)]
    n = 0
    word = norm_word
    while n < max_prefix and len(word) > 2 and word[0] in PROCLITICS:
        first = word[0]
        if n == 1 and first in "وف":
            break
        word = word[1:]
        n += 1
        out.append((n, word))
        if first == "ل" and word.startswith("ل") and len(word) > 2:
            out.append((n, "ا" + word))
        if first in "بلك":
            break
    return out


_PROCLITIC_RUNS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def clitic_forms(stem: str) -> list[str]:
    """Every written form whose clitic readings (clitic_splits) include ``stem``: the proclitic
    runs before it, and ل + ال contracted (للرئيس, وللرئيس)."""
    forms = [run + stem for run in _PROCLITIC_RUNS]
    if stem.startswith("ال"):
        forms += [run + "ل" + stem[1:] for run in ("", "و", "ف")]
    return forms


def strip_article(norm_word: str) -> str | None:
    if norm_word.startswith(ARTICLE) and len(norm_word) > 3:
        return norm_word[2:]
    return None


_HAMZAS = frozenset("أإؤئآء")
_INNER_HAMZAS = frozenset("أؤئ")  # (a set test, not a generator over the letters)


def hamza_mismatch(word: str, name: str) -> bool:
    """The word is written with a hamza inside it (ترأس) where the listed name has none at all
    (ليز تراس): normalisation folds the two together, but a writer who spells the hamza means
    another word."""
    return not _INNER_HAMZAS.isdisjoint(word[1:]) and _HAMZAS.isdisjoint(name)
