"""Export formats (CoNLL, brat), `khabar eval` on saved output, quotes and --json, lexicon lookup."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SAMPLES, score

from khabar.brat import to_ann
from khabar.conll import to_conll
from khabar.evaluate import build_documents, read_conll
from khabar.evaluate_gold import evaluate_gold, load_gold, score_gold

ROOT = Path(__file__).resolve().parent.parent
MINI = DATA / "formats" / "mini_gold.conll"
# ../shared beside the checkout (or KHABAR_SHARED): development data, never required by the tests
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
ANERCORP_DEV = SHARED / "data" / "anercorp" / "dev.txt"


def khabar(*args, **kw):
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def _docs_jsonl(gold: Path, out: Path, doc_sentences: int = 20) -> Path:
    """The documents eval_conll.py builds from a CoNLL file, as a JSON-lines archive."""
    with open(out, "w", encoding="utf-8") as fh:
        for i, (text, _, _) in enumerate(build_documents(read_conll(gold), doc_sentences)):
            fh.write(json.dumps({"id": f"d{i:05d}", "text": text}, ensure_ascii=False) + "\n")
    return out


# ---- CoNLL ---------------------------------------------------------------------------------------


def test_conll_writer_labels_tokens_like_eval_conll():
    text = "وقال الرئيس جو بايدن\r\n\n  ووصل وفد حماس إلى القاهرة.\n"
    records = [
        {"type": "entity", "label": "PER", "start": 12, "end": 20},  # جو بايدن: two tokens
        {"type": "entity", "label": "ORG", "start": 33, "end": 37},  # حماس
        {"type": "entity", "label": "LOC", "start": 42, "end": 49},  # القاهرة inside the token القاهرة.
        {"type": "entity", "label": "LOC", "start": 33, "end": 36},  # overlaps a labelled token: skipped
        {"type": "quote"},
    ]
    out = to_conll(text, records, "d1")
    assert out == (
        "# doc: d1\nوقال O\nالرئيس O\nجو B-PERS\nبايدن I-PERS\n\nووصل O\nوفد O\nحماس B-ORG\nإلى O\nالقاهرة. B-LOC\n\n"
    )


def test_conll_export_round_trips_through_eval(tmp_path):
    docs = _docs_jsonl(MINI, tmp_path / "docs.jsonl", doc_sentences=2)
    pred = tmp_path / "pred.conll"
    res = khabar("extract", "-q", "-f", "conll", str(docs), "-o", str(pred))
    assert res.returncode == 0, res.stderr
    gold_tokens = [[t for t, _ in s] for s in read_conll(MINI)]
    assert [[t for t, _ in s] for s in read_conll(pred)] == gold_tokens
    assert pred.read_text(encoding="utf-8").count("# doc: ") == 3
    scored = khabar("eval", str(MINI), "--pred", str(pred), "--doc-sentences", "2")
    direct = khabar("eval", str(MINI), "--doc-sentences", "2")
    assert scored.returncode == direct.returncode == 0, scored.stderr
    assert scored.stdout == direct.stdout
    assert "PER: P=1.000 R=1.000 F1=1.000 (tp=2 fp=0 fn=0)" in scored.stdout


def test_conll_names_each_document_by_its_id(tmp_path):
    docs = tmp_path / "docs.jsonl"
    lines = [{"id": 7, "text": "هذا نص بلا أسماء ."}, {"id": "b", "text": "وقال جو بايدن إن الاتفاق قريب ."}]
    docs.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), encoding="utf-8")
    res = khabar("extract", "-q", "-f", "conll", str(docs))
    assert res.returncode == 0, res.stderr
    assert [ln for ln in res.stdout.splitlines() if ln.startswith("#")] == ["# doc: 7", "# doc: b"]
    assert "جو B-PERS\nبايدن I-PERS\n" in res.stdout


def test_eval_pred_names_the_first_token_that_differs(tmp_path):
    pred = tmp_path / "pred.conll"
    pred.write_text(MINI.read_text(encoding="utf-8").replace("بايدن I-PERS", "بايد I-PERS"), encoding="utf-8")
    res = khabar("eval", str(MINI), "--pred", str(pred))
    assert res.returncode == 1
    assert res.stderr.strip() == f"khabar: {pred}: sentence 1, token 5 is 'بايد' where the gold has 'بايدن'"
    assert "Traceback" not in res.stderr


@pytest.mark.skipif(not ANERCORP_DEV.exists(), reason="needs ../shared/data/anercorp (or KHABAR_SHARED)")
def test_conll_export_scores_anercorp_dev_like_eval_conll(tmp_path):
    """The issue's done-when: extract --format conll + khabar eval --pred = eval_conll.py."""
    docs = _docs_jsonl(ANERCORP_DEV, tmp_path / "dev.jsonl")
    pred = tmp_path / "dev.conll"
    assert khabar("extract", "-q", "-f", "conll", str(docs), "-o", str(pred)).returncode == 0
    ours = khabar("eval", str(ANERCORP_DEV), "--pred", str(pred))
    cmd = f"{sys.executable} -m khabar extract {{input}}"
    tool = SHARED / "tools" / "eval_conll.py"
    ref = subprocess.run([sys.executable, str(tool), str(ANERCORP_DEV), "--cmd", cmd], capture_output=True, text=True)
    assert ours.returncode == 0, ours.stderr
    wanted = [ln for ln in ref.stdout.splitlines() if re.match(r"(PER|LOC|ORG|micro)", ln)]
    assert ours.stdout.splitlines() == wanted


# ---- brat ----------------------------------------------------------------------------------------


def _brat_spans(ann: str) -> list[tuple[str, list[tuple[int, int]], str]]:
    out = []
    for line in ann.splitlines():
        if line.startswith("T"):
            _, middle, shown = line.split("\t")
            label, _, where = middle.partition(" ")
            frags = [tuple(int(x) for x in part.split()) for part in where.split(";")]
            out.append((label, frags, shown))
    return out


def test_brat_offsets_equal_text(tmp_path):
    """Every T annotation names exactly the characters of the .txt as written (CRLF kept, a quote
    across a line break cut into fragments), for files and JSON-lines documents alike."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    crlf = 'وقال الرئيس الأميركي جو بايدن إن الاتفاق قريب.\r\nوأضاف بايدن: "سنواصل العمل\r\nمع الشركاء".\r\n'
    (inputs / "crlf.txt").write_bytes(crlf.encode("utf-8"))
    (inputs / "bom.txt").write_bytes(b"\xef\xbb\xbf" + crlf.encode("utf-8"))  # offsets count from after the BOM
    archive = inputs / "docs.jsonl"
    archive.write_text(json.dumps({"id": "a/b 1", "text": crlf.replace("\r\n", "\n")}, ensure_ascii=False) + "\n")
    out = tmp_path / "brat"
    res = khabar(
        "extract",
        "-q",
        "-f",
        "brat",
        "-o",
        str(out),
        str(SAMPLES),
        str(inputs / "crlf.txt"),
        str(inputs / "bom.txt"),
        str(archive),
    )
    assert res.returncode == 0, res.stderr
    anns = sorted(out.glob("*.ann"))
    assert len(anns) == len(list(SAMPLES.glob("*.txt"))) + 3
    assert (out / "annotation.conf").exists() and (out / "a_b_1.ann").exists()
    assert (out / "crlf.txt").read_bytes() == (out / "bom.txt").read_bytes() == crlf.encode("utf-8")
    labels = set()
    for ann in anns:
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        spans = _brat_spans(ann.read_text(encoding="utf-8"))
        assert spans, ann
        for label, frags, shown in spans:
            labels.add(label)
            assert shown == " ".join(text[s:e] for s, e in frags), (ann, label, frags)
    assert {"PER", "LOC", "Quote", "Cue"} <= labels


def test_brat_links_each_quote_to_its_speaker_mention():
    text = "وقال الرئيس الأميركي جو بايدن إن الاتفاق قريب."
    records = [
        {"type": "entity", "label": "PER", "start": 21, "end": 29, "entity": "e1", "canonical": "جو بايدن"},
        {
            "type": "quote",
            "kind": "indirect",
            "cue": {"text": "قال", "start": 1, "end": 4},
            "speaker": {"start": 21, "end": 29, "canonical": "جو بايدن", "label": "PER", "entity": "e1"},
            "quote": {"text": "الاتفاق قريب", "start": 33, "end": 45},
        },
    ]
    lines = to_ann(text, records).splitlines()
    assert "T1\tPER 21 29\tجو بايدن" in lines
    assert "T2\tQuote 33 45\tالاتفاق قريب" in lines and "A1\tKind T2 indirect" in lines
    assert "T3\tCue 1 4\tقال" in lines and "R1\tCue_of Arg1:T3 Arg2:T2" in lines
    assert "R2\tSpeaker Arg1:T2 Arg2:T1" in lines


def test_brat_never_writes_onto_an_input(tmp_path):
    src = tmp_path / "article.txt"
    data = "وقال الرئيس جو بايدن إن الاتفاق قريب.\n".encode("cp1256")
    src.write_bytes(data)
    for inputs in ([str(src)], [str(tmp_path)]):
        res = khabar("extract", "-q", "-f", "brat", "-o", str(tmp_path), *inputs)
        assert res.returncode == 2
        assert res.stderr.strip() == f"khabar: {tmp_path}: holds the inputs ({inputs[0]}); choose another -o folder"
    assert src.read_bytes() == data and sorted(tmp_path.iterdir()) == [src]


def test_brat_keeps_an_annotation_conf_of_your_own(tmp_path):
    conf = tmp_path / "annotation.conf"
    conf.write_text("[entities]\nPER\n", encoding="utf-8")
    res = khabar("extract", "-q", "-f", "brat", "-o", str(tmp_path), str(SAMPLES / "rafah_meeting.txt"))
    assert res.returncode == 0, res.stderr
    assert conf.read_text(encoding="utf-8") == "[entities]\nPER\n"
    assert (tmp_path / "rafah_meeting.ann").read_text(encoding="utf-8").startswith("T1\t")


def test_brat_needs_an_output_folder():
    res = khabar("extract", "-q", "-f", "brat", str(SAMPLES / "rafah_meeting.txt"))
    assert res.returncode == 2
    assert res.stderr.strip() == "khabar: --format brat writes files: give the output folder with -o FOLDER"


# ---- eval: quotes and --json ---------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["quotes_gold", "news_gold"])
def test_gold_scoring_equals_the_judges_scorer(pipeline, folder):
    """khabar.evaluate_gold counts exactly what tests/tools/score_gold.py counts, article by article."""
    for path in sorted((DATA / folder).glob("*.gold.json")):
        gold, text = load_gold(path)
        records = pipeline.extract(text, path.name)
        ours = score_gold(gold, records)
        theirs = score(path, records)
        assert ours.quotes == [theirs["qtp"], theirs["qfp"], theirs["qfn"]], path.name
        assert ours.speakers_right == theirs["spk_ok"], path.name
        ents = [sum(c[k] for c in ours.entities.values()) for k in range(3)]
        tp, fp, fn = ents
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        # the scorer prints F1 to 3 places from P and R (0.9375 can come out as 0.937)
        assert abs(f1 - theirs["entity_f1"]) <= 0.0005 + 1e-9, path.name


def test_eval_quotes_json(tmp_path, pipeline):
    res = khabar("eval", str(DATA / "quotes_gold"), "--json")
    assert res.returncode == 0, res.stderr
    [line] = res.stdout.splitlines()  # one JSON object, nothing else on stdout
    got = json.loads(line)
    want = evaluate_gold(pipeline, DATA / "quotes_gold")
    assert got["kind"] == "quotes" and got["articles"] == 14
    assert [got["quotes"][k] for k in ("tp", "fp", "fn")] == want.quotes
    assert got["speakers"]["right"] == want.speakers_right and got["speakers"]["gold"] == 111
    assert 0 < got["quotes"]["f1"] <= 1 and got["entities"] == {}
    # the same article scored from saved output gives the same numbers
    article = DATA / "news_gold" / "BB-culture-305-20180926"
    saved = tmp_path / "out.jsonl"
    khabar("extract", "-q", str(article.with_suffix(".txt")), "-o", str(saved))
    ran = json.loads(khabar("eval", f"{article}.gold.json", "--json").stdout)
    read = json.loads(khabar("eval", f"{article}.gold.json", "--pred", str(saved), "--json").stdout)
    assert {k: v for k, v in read.items() if k != "pred"} == ran
    assert set(ran["entities"]) == {"PER", "ORG", "LOC", "all"}


def test_eval_entities_json():
    res = khabar("eval", str(MINI), "--json")
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    assert got["kind"] == "entities"
    assert got["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert got["micro"]["tp"] == got["PER"]["tp"] + got["LOC"]["tp"] + got["ORG"]["tp"]


def test_eval_names_a_bad_gold_file(tmp_path):
    bad = tmp_path / "x.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    res = khabar("eval", str(bad))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.startswith(f"khabar: {bad}: not a JSON gold file")
    missing = tmp_path / "nothing.conll"
    res = khabar("eval", str(missing))
    assert res.returncode == 1 and res.stderr.strip() == f"khabar: {missing}: No such file or directory"


# ---- lexicon lookup ------------------------------------------------------------------------------


def test_lexicon_lookup_explains_partial_match():
    res = khabar("lexicon", "lookup", "رئيس الوزراء الإسرائيلي")
    assert res.returncode == 0, res.stderr
    assert "no entry for the whole text, and no rule finds an entity in it; found inside:" in res.stdout
    assert re.search(r"\[0:12\] 'رئيس الوزراء': TITLE رئيس الوزراء \(titles\.tsv:\d+\) — a title", res.stdout)
    assert re.search(r"\[13:23\] 'الإسرائيلي': DEMONYM إسرائيلي \(demonyms\.tsv:\d+\)", res.stdout)


def test_lexicon_lookup_exit_status():
    whole = khabar("lexicon", "lookup", "جو بايدن")
    assert whole.returncode == 0 and "found inside:" in whole.stdout
    clitic = khabar("lexicon", "lookup", "وبايدن")
    assert clitic.returncode == 0 and "(after 1 proclitic letters)" in clitic.stdout
    nothing = khabar("lexicon", "lookup", "xyzzy")
    assert nothing.returncode == 1 and "found inside" not in nothing.stdout
