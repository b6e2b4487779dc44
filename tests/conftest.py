from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Tests never read a user's cache or KHABAR_LEXICONS."""
    os.environ["KHABAR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("KHABAR_LEXICONS", None)


@pytest.fixture(scope="session")
def pipeline():
    from khabar import Pipeline

    return Pipeline()


def many_docs(tmp_path: Path, n: int) -> Path:
    """A folder ``many/`` of n small articles (doc0000.txt …), each with a quote and a name."""
    d = tmp_path / "many"
    d.mkdir()
    for i in range(n):
        (d / f"doc{i:04d}.txt").write_text(f"وقال الوزير محمد العلي{i} إن الوضع صعب.\n" * 3, encoding="utf-8")
    return d


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_gold", ROOT / "tests" / "tools" / "score_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(gold_path: Path, records: list[dict]) -> dict:
    """Run the judges' scorer on records; returns the numbers of its COUNTS/SUMMARY lines."""
    import contextlib
    import io
    import json
    import tempfile

    mod = load_scorer()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        mod.main([str(gold_path), fh.name])
    os.unlink(fh.name)
    values = {}
    for line in out.getvalue().splitlines():
        if line.startswith(("COUNTS", "SUMMARY")):
            for part in line.split()[1:]:
                k, _, v = part.partition("=")
                values[k] = float(v)
    values["report"] = out.getvalue()
    return values
