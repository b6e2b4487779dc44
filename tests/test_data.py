"""Every built-in lexicon line parses, files record source and licence, generated files are fresh."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from khabar.gazetteer import builtin_files
from khabar.lexicon import read_lexicon

ROOT = Path(__file__).resolve().parent.parent
FILES = builtin_files()


def test_there_are_builtin_lexicons():
    names = {f.name for f in FILES}
    assert {"places_cldr.tsv", "given_names.tsv", "cues.tsv", "titles.tsv", "organizations.tsv"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_parses(path):
    entries, problems = read_lexicon(path)
    assert problems == []
    assert entries


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_duplicate_entries(path):
    entries, _ = read_lexicon(path)
    seen = set()
    for e in entries:
        key = (e.name, e.label, e.id)
        assert key not in seen, f"{e.source}: duplicate {e.name} {e.label}"
        seen.add(key)


def test_generated_files_are_not_stale():
    """Each generated file names its generator and that script's sha256: editing a generator
    without re-running it fails here."""
    for f in FILES:
        if f.parent.name != "generated":
            continue
        m = re.search(r"^# generated-by: (scripts/\S+\.py) sha256=([0-9a-f]+)", f.read_text("utf-8"), re.M)
        assert m, f"{f.name} has no generated-by line"
        digest = hashlib.sha256((ROOT / m.group(1)).read_bytes()).hexdigest()
        assert m.group(2) == digest, f"{f.name} is stale: re-run {m.group(1)}"
