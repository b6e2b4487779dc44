"""Golden files: `khabar extract samples/X.txt` equals tests/golden/X.expected.jsonl, whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_golden(sample):
    expected = (ROOT / "tests" / "golden" / f"{sample.stem}.expected.jsonl").read_text(encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", "-q", f"samples/{sample.name}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "KHABAR_LEXICONS": ""},
    )
    assert res.returncode == 0, res.stderr
    got, want = res.stdout.splitlines(), expected.splitlines()
    diff = [f"- {w}\n+ {g}" for w, g in zip(want, got, strict=False) if w != g][:5]
    assert got == want, "output changed (run scripts/update_golden.py if intended):\n" + "\n".join(diff)


GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.expected.jsonl"))


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_golden_output_follows_the_json_schema(golden):
    """Every record of every golden file validates against schema/output.schema.json, and every
    span's text is the document's text at its offsets."""
    import json

    import jsonschema

    from khabar.output import schema

    validator = jsonschema.Draft202012Validator(schema())
    text = (ROOT / "samples" / golden.name.replace(".expected.jsonl", ".txt")).read_text(encoding="utf-8")
    records = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
    assert records
    for r in records:
        errors = [e.message for e in validator.iter_errors(r)]
        assert not errors, (r, errors)
        spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
        for s in spans:
            if s and s.get("start") is not None:
                assert text[s["start"] : s["end"]] == s["text"], s


def test_schema_version_is_the_schema_files():
    from khabar.output import schema
    from khabar.records import SCHEMA_VERSION

    assert schema()["$defs"]["entity"]["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema()["$defs"]["quote"]["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_schema_rejects_a_broken_record():
    """The schema is strict enough to fail: a speaker without its entity field, a wrong label."""
    import jsonschema

    from khabar.output import schema

    validator = jsonschema.Draft202012Validator(schema())
    entity = {
        "schema_version": 2,
        "type": "entity",
        "doc": "d",
        "label": "PER",
        "text": "x",
        "start": 0,
        "end": 1,
        "entity": "e1",
        "canonical": "x",
        "known_as": None,
        "source": "rule:title",
    }
    assert validator.is_valid(entity)
    assert not validator.is_valid({**entity, "label": "MISC"})
    assert not validator.is_valid({k: v for k, v in entity.items() if k != "entity"})


def test_every_entity_of_one_document_has_one_canonical_per_id():
    import json

    for golden in GOLDEN:
        by_id: dict[str, set[str]] = {}
        for line in golden.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["type"] == "entity":
                by_id.setdefault(r["entity"], set()).add(r["canonical"])
        assert by_id and all(len(c) == 1 for c in by_id.values()), (golden.name, by_id)
