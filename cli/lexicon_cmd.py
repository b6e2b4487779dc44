"""`khabar lexicon check` and `khabar lexicon lookup`."""

from __future__ import annotations

from pathlib import Path

from khabar import text as textmod
from khabar.cli.exits import Exit
from khabar.lexicon import lexicon_files, validate


def check(paths: list[Path]) -> Exit:
    """Print ``file:line: problem`` for every bad line; non-zero exit when there are any.

    The same :func:`khabar.lexicon.validate` decides whether ``extract -l`` loads a file."""
    files = lexicon_files(paths)
    entries, problems = validate(files, textmod.normalize)
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(entries)} entries, {len(problems)} problems")
    return Exit.LEXICON if problems else Exit.OK


def lookup(pipeline, text: str) -> Exit:
    """What the compiled lexicons say about ``text`` and about the words in it."""
    from khabar.document import Document

    gaz = pipeline.gazetteer
    key = textmod.normalize(text)
    print(f"normalised: {key}")
    found = False
    for label, info in sorted(gaz.lookup(text).items()):
        found = True
        attrs = ";".join(f"{k}={v}" for k, v in info.attrs)
        print(f"  {label}\t{info.name}\t{info.source}\t{attrs}")
    for label in sorted(gaz.stops.get(key, ())):
        found = True
        print(f"  suppressed by a STOP entry ({'all labels' if label == '*' else label})")
    result = pipeline.run(text)
    for e in result.entities:
        found = True
        print(f"  in context: {e.label} {e.text!r} → {e.canonical} ({e.source})")
    doc = Document(text)
    for i, word in enumerate(doc.words):
        for stripped, stem in doc.splits[i]:
            for label, info in sorted(gaz.lookup(stem).items()):
                print(
                    f"  word {word!r} as {stem!r} (+{stripped} proclitic letters): {label} {info.name} ({info.source})"
                )
    if not found:
        print("  no entry matches the whole text and no rule finds an entity in it")
    return Exit.OK if found else Exit.INPUT_ERRORS
