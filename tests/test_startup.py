"""Start-up of a one-file run (issue 17): it loads only what it uses, and the compiled-lexicon
cache it loads answers exactly as freshly compiled lexicons do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Heavy modules a one-file run has no use for: typer 0.29's pydantic coercion, camel-tools (the
# normalisation table comes from the cache), the process pool, rich (no terminal view with -o).
UNUSED = ("pydantic", "camel_tools", "multiprocessing", "concurrent", "rich", "tempfile", "torch")


def test_one_file_run_imports_nothing_it_does_not_use(tmp_path):
    cmd = [sys.executable, "-X", "importtime", "-m", "khabar", "extract", "-q", "samples/rafah_meeting.txt"]
    cmd += ["-o", str(tmp_path / "out.jsonl")]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)  # warm the lexicon cache
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in res.stderr.splitlines() if "|" in line}
    assert "khabar" in imported
    assert imported.isdisjoint(UNUSED), sorted(imported & set(UNUSED))
    assert (tmp_path / "out.jsonl").read_bytes()


def test_cached_lexicons_answer_as_freshly_compiled_ones(tmp_path, monkeypatch):
    from khabar.gazetteer import compile_gazetteer

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    fresh = compile_gazetteer(use_cache=True)  # compiles and writes the cache
    assert list(tmp_path.glob("gazetteer-*"))
    cached = compile_gazetteer(use_cache=True)
    assert cached is not fresh
    for name in ("القاهرة", "بنيامين نتنياهو", "حماس", "الأمم المتحدة", "قال"):
        got = {label: (i.name, i.source, i.attrs, i.id) for label, i in cached.lookup(name).items()}
        want = {label: (i.name, i.source, i.attrs, i.id) for label, i in fresh.lookup(name).items()}
        assert got == want and got, name
    assert cached.first_len == fresh.first_len and cached.prefixes == fresh.prefixes
