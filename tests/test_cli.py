"""The command-line contract: help, stdout/stderr, exit codes, bad inputs, pipes, order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import many_docs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "rafah_meeting.txt"
ARABIC = "وقال الرئيس الأميركي جو بايدن إن الاتفاق قريب.\n"


def khabar(*args, **kw):
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, cwd=ROOT, **kw)


@pytest.mark.parametrize(
    "cmd", [[], ["extract"], ["eval"], ["schema"], ["lexicon"], ["lexicon", "check"], ["lexicon", "lookup"]]
)
def test_every_command_has_help(cmd):
    res = khabar(*cmd, "--help")
    assert res.returncode == 0
    assert "Usage" in res.stdout


def test_stdout_is_json_lines_only():
    res = khabar("extract", str(SEED))
    assert res.returncode == 0
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert records and all(r["schema_version"] == 2 for r in records)
    assert "khabar: 1 document," in res.stderr  # the summary goes to stderr, in the singular


def test_quiet_prints_nothing_on_stderr():
    res = khabar("extract", "-q", str(SEED))
    assert res.returncode == 0 and res.stderr == ""


def test_stdin_and_jsonl_ids(tmp_path):
    res = khabar("extract", "-q", "-", input=ARABIC)
    assert {json.loads(line)["doc"] for line in res.stdout.splitlines()} == {"-"}
    arch = tmp_path / "docs.jsonl"
    arch.write_text(json.dumps({"key": 7, "body": ARABIC}, ensure_ascii=False) + "\n" + "{not json\n", encoding="utf-8")
    res = khabar("extract", "-q", str(arch), "--id-field", "key", "--text-field", "body")
    docs = {json.loads(line)["doc"] for line in res.stdout.splitlines()}
    assert docs == {7}
    assert res.returncode == 1
    assert f"{arch}:2" in res.stderr and "not JSON" in res.stderr


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = {
        "a_good": ARABIC.encode("utf-8"),
        "b_empty": b"",
        "c_binary": bytes(range(256)) * 8,
        "d_invalid_utf8": ARABIC.encode("utf-8") + b"\xff\xfe\xfd abc \xc3",
        "e_utf16": "\ufeff".encode("utf-16-le") + ARABIC.encode("utf-16-le"),
        "f_cp1256": ARABIC.encode("cp1256"),
        "g_nul": ARABIC.encode("utf-8") + b"\x00" + ARABIC.encode("utf-8"),
        "h_bom": b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
        "i_long_line": ("كلمة " * 200_000 + ARABIC).encode("utf-8"),
    }
    paths = {}
    for name, data in files.items():
        p = d / f"{name}.txt"
        p.write_bytes(data)
        paths[name] = p
    return paths


def test_bad_inputs_are_named_and_the_run_goes_on(tmp_path):
    paths = _bad_inputs(tmp_path)
    res = khabar("extract", str(paths["a_good"].parent), "--jobs", "2")
    assert res.returncode == 1
    errors = [ln for ln in res.stderr.splitlines() if "error:" in ln]
    assert len(errors) == 2, res.stderr
    assert any("c_binary.txt" in ln and "binary" in ln for ln in errors)
    assert any("d_invalid_utf8.txt" in ln and "UTF-8" in ln for ln in errors)
    assert any("b_empty.txt" in ln and "empty" in ln for ln in res.stderr.splitlines())
    by_doc: dict[str, list] = {}
    for line in res.stdout.splitlines():
        r = json.loads(line)
        by_doc.setdefault(Path(r["doc"]).stem, []).append(r)
    for name in ("a_good", "e_utf16", "f_cp1256", "g_nul", "h_bom", "i_long_line"):
        speakers = [r["speaker"]["canonical"] for r in by_doc.get(name, []) if r["type"] == "quote"]
        assert speakers == ["جو بايدن"] * len(speakers) and speakers, (name, by_doc.get(name))


def test_offsets_point_into_the_decoded_text(tmp_path):
    paths = _bad_inputs(tmp_path)
    res = khabar("extract", "-q", str(paths["g_nul"]), str(paths["e_utf16"]), str(paths["h_bom"]))
    texts = {
        str(paths["g_nul"]): paths["g_nul"].read_bytes().decode("utf-8"),
        str(paths["e_utf16"]): paths["e_utf16"].read_bytes().decode("utf-16"),
        str(paths["h_bom"]): paths["h_bom"].read_bytes().decode("utf-8-sig"),
    }
    for line in res.stdout.splitlines():
        r = json.loads(line)
        text = texts[r["doc"]]
        spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
        for s in spans:
            if s and s.get("start") is not None:
                assert text[s["start"] : s["end"]] == s["text"]


def test_fail_fast_stops_at_first_bad_input(tmp_path):
    paths = _bad_inputs(tmp_path)
    res = khabar("extract", "-q", "--fail-fast", str(paths["c_binary"]), str(paths["a_good"]))
    assert res.returncode == 1
    assert res.stdout == ""


def test_missing_file_is_named(tmp_path):
    res = khabar("extract", "-q", str(tmp_path / "nope.txt"), str(SEED))
    assert res.returncode == 1
    assert "nope.txt" in res.stderr
    assert res.stdout.strip()  # the good file was still processed


def test_parallel_output_is_in_input_order_and_identical(tmp_path):
    d = many_docs(tmp_path, 60)
    one = khabar("extract", "-q", "-j", "1", str(d))
    two = khabar("extract", "-q", "-j", "2", str(d))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    docs = [json.loads(line)["doc"] for line in two.stdout.splitlines()]
    assert docs == sorted(docs)


def test_broken_pipe_exits_quietly(tmp_path):
    d = many_docs(tmp_path, 200)
    proc = subprocess.run(
        f"{sys.executable} -m khabar extract -j 2 {d} | head -1", shell=True, capture_output=True, text=True, cwd=ROOT
    )
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr
    pipe = subprocess.Popen(
        [sys.executable, "-m", "khabar", "extract", "-q", str(d)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    pipe.stdout.readline()
    pipe.stdout.close()
    assert pipe.wait(timeout=60) in (0, 141)
    assert b"Traceback" not in pipe.stderr.read()


def test_vanished_file_is_reported(tmp_path):
    from khabar import Pipeline, batch
    from khabar.reader import expand

    d = many_docs(tmp_path, 3)
    sources = list(expand([str(d)]))
    os.unlink(sources[1].path)
    outcomes = list(batch.run(Pipeline(use_env=False), iter(sources)))
    assert [o.error is None for o in outcomes] == [True, False, True]
    assert "doc0001.txt" in outcomes[1].error


def test_big_file_streams_in_blocks_with_exact_offsets(tmp_path, monkeypatch):
    """Files over STREAM_BYTES are read block by block and extracted in windows; offsets still
    index the whole text, and no quote is lost or repeated at a seam."""
    from khabar import Pipeline, batch, windows
    from khabar.reader import expand

    monkeypatch.setattr(batch, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(batch, "BLOCK_BYTES", 1_500)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 1_000)
    monkeypatch.setattr(windows, "OVERLAP_CHARS", 200)
    paragraph = "وقال الرئيس الأميركي جو بايدن إن الاتفاق قريب من غزة.\n"
    big = tmp_path / "big.txt"
    big.write_text(paragraph * 200, encoding="utf-8")
    outcomes = list(batch.run(Pipeline(use_env=False), iter(expand([str(big)]))))
    assert len([o for o in outcomes if o.data]) > 10  # many windows, not one
    text = big.read_text(encoding="utf-8")
    records = [json.loads(line) for o in outcomes for line in o.data.splitlines()]
    assert len([r for r in records if r["type"] == "quote"]) == 200
    for r in records:
        spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
        for s in spans:
            if s and s.get("start") is not None:
                assert text[s["start"] : s["end"]] == s["text"]


def test_eval_on_a_conll_file(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text(
        "وقال O\nالرئيس O\nالأميركي O\nجو B-PERS\nبايدن I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n"
        "وصل O\nالوفد O\nإلى O\nالقاهرة B-ORG\n. O\n",
        encoding="utf-8",
    )
    res = khabar("eval", str(gold))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert "PER: P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)" in lines
    assert "LOC: P=0.500 R=1.000 F1=0.667 (tp=1 fp=1 fn=0)" in lines  # القاهرة is LOC for khabar
    assert "ORG: P=0.000 R=0.000 F1=0.000 (tp=0 fp=0 fn=1)" in lines
    assert lines[-1] == "micro PER+LOC+ORG: P=0.667 R=0.667 F1=0.667"


def test_schema_command_prints_the_json_schema():
    res = khabar("schema")
    assert res.returncode == 0
    assert json.loads(res.stdout)["$defs"]["quote"]["properties"]["schema_version"]["const"] == 2


def test_no_descriptive_orgs_leaves_descriptions_out():
    """وزارة الخارجية الأمريكية is one ORG by default; --no-descriptive-orgs follows ANERcorp's usage."""
    text = "وقالت وزارة الخارجية الأمريكية إن الاجتماع انتهى.\n"
    on = [json.loads(line) for line in khabar("extract", "-q", "-f", "jsonl", "-", input=text).stdout.splitlines()]
    off = khabar("extract", "-q", "-f", "jsonl", "--no-descriptive-orgs", "-", input=text).stdout.splitlines()
    assert any(r["type"] == "entity" and r["text"] == "وزارة الخارجية الأمريكية" for r in on)
    assert not any(json.loads(line).get("text") == "وزارة الخارجية الأمريكية" for line in off)
