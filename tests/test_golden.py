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
