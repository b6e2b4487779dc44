"""`khabar lexicon check` and `khabar lexicon lookup`."""

from __future__ import annotations

from pathlib import Path

from khabar import text as textmod
from khabar.cli.exits import Exit
from khabar.cli.progress import plural
from khabar.lexicon import lexicon_files, validate


def check(paths: list[Path]) -> Exit:
    """Print ``file:line: problem`` for every bad line; non-zero exit when there are any.

    The same :func:`khabar.lexicon.validate` decides whether ``extract -l`` loads a file."""
    files = lexicon_files(paths)
    entries, problems = validate(files, textmod.normalize)
    for p in problems:
        print(p)
    print(
        f"{plural(len(files), 'file')}, {plural(len(entries), 'entry', 'entries')}, {plural(len(problems), 'problem')}"
    )
    return Exit.LEXICON if problems else Exit.OK


def lookup(pipeline, text: str) -> Exit:
    """What the compiled lexicons say about ``text`` and about the words in it. Exit 0 when the
    whole text matched (an entry, or a rule finds an entity in it) or entries were found inside
    it; 1 when nothing but common words matched."""
    from khabar.lookup import ROLE, inside_matches

    gaz = pipeline.gazetteer
    key = textmod.normalize(text)
    print(f"normalised: {key}")
    entries = gaz.lookup(text)
    for label, info in sorted(entries.items()):
        attrs = ";".join(f"{k}={v}" for k, v in info.attrs)
        print(f"  {label}\t{info.name}\t{info.source}\t{attrs}")
    stops = sorted(gaz.stops.get(key, ()))
    for label in stops:
        print(f"  suppressed by a STOP entry ({'all labels' if label == '*' else label})")
    in_context = pipeline.run(text).entities
    for e in in_context:
        print(f"  in context: {e.label} {e.text!r} → {e.canonical} ({e.source})")
    whole = bool(stops or in_context or set(entries) - {"COMMON"})
    inside = inside_matches(gaz, text)
    if not whole:
        why = "only a common word as a whole" if entries else "no entry for the whole text"
        print(f"  {why}, and no rule finds an entity in it" + ("; found inside:" if inside else ""))
    elif inside:
        print("  found inside:")
    for m in inside:
        clitic = f" (after {m.proclitic} proclitic letters)" if m.proclitic else ""
        role = f" — {ROLE[m.label]}" if m.label in ROLE else ""
        span = f"[{m.start}:{m.end}] {text[m.start : m.end]!r}{clitic}"
        print(f"    {span}: {m.label} {m.info.name} ({m.info.source}){role}")
    partial = any(m.label != "COMMON" for m in inside)
    return Exit.OK if whole or partial else Exit.INPUT_ERRORS
