"""Score khabar on the news gold set: entities (per label), quotes and speakers, per split.

usage: python scripts/news_gold/score.py [--gold DIR] [--split dev|heldout] [--outputs DIR] [--show]

Gold files are DIR/<id>.gold.json (default: scripts/news_gold/gold/, where the SaudiNewsNet files
carry offsets but no text); article texts come from ../shared/data/news (the corpus files), so
nothing research-only is stored in the repository. ``--outputs DIR`` scores saved JSON lines
(DIR/<id>.jsonl, e.g. an older version's output: a first look) instead of running khabar.
The scorer is tests/tools/score_gold.py, a copy of the judges' tool.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "news"
_COUNTS = re.compile(r"entity (\w+): .*\(tp=(\d+) fp=(\d+) fn=(\d+)\)")


def corpus() -> dict[str, str]:
    texts = {}
    for name in ("ant_bbc_cnn.jsonl", "saudinewsnet_sample.jsonl"):
        with open(SHARED / name, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                texts[d["id"]] = d["text"]
    return texts


def hydrate(gold: dict, text: str) -> dict:
    """Fill in every span's text from the article (the stored SaudiNewsNet gold has none)."""
    spans = [*gold["entities"], *gold.get("optional_entities", [])]
    for q in gold["quotes"]:
        spans += [q["cue"], q["quote"]] + ([q["speaker"]] if q["speaker"].get("start") is not None else [])
    for s in spans:
        s["text"] = text[s["start"] : s["end"]]
    return gold


def load_scorer():
    """tests/tools/score_gold.py (the judges' scorer) as a module."""
    spec = importlib.util.spec_from_file_location("score_gold", ROOT / "tests" / "tools" / "score_gold.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def score_one(scorer, gold: dict, records: list[dict], show: bool) -> tuple[dict, str]:
    with tempfile.TemporaryDirectory() as tmp:
        gpath, opath = Path(tmp) / "g.json", Path(tmp) / "o.jsonl"
        gpath.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        opath.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main([str(gpath), str(opath)] + (["--show"] if show else []))
    text = out.getvalue()
    counts = {}
    for part in next(ln for ln in text.splitlines() if ln.startswith("COUNTS")).split()[1:]:
        k, _, v = part.partition("=")
        counts[k] = int(v)
    for label, tp, fp, fn in _COUNTS.findall(text):
        counts[f"{label}_tp"], counts[f"{label}_fp"], counts[f"{label}_fn"] = int(tp), int(fp), int(fn)
    return counts, text


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main(argv: list[str]) -> None:
    opt = {a: argv[k + 1] for k, a in enumerate(argv[:-1]) if a in ("--gold", "--split", "--outputs")}
    show = "--show" in argv
    folder = Path(opt.get("--gold", Path(__file__).parent / "gold"))
    scorer = load_scorer()
    texts = corpus()
    pipe = None
    totals: dict[str, dict[str, int]] = {}
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if opt.get("--split") and gold.get("split") != opt["--split"]:
            continue
        doc = gold["document"]
        text = texts[doc]
        gold = hydrate(gold, text)
        if "--outputs" in opt:
            lines = (Path(opt["--outputs"]) / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines()
            records = [json.loads(ln) for ln in lines if ln.strip()]
        else:
            if pipe is None:
                from khabar import Pipeline

                pipe = Pipeline(use_env=False)
            records = pipe.extract(text, doc)
        counts, text_out = score_one(scorer, gold, records, show)
        family = "saudi" if doc.startswith("SNN-") else "bbc_cnn"
        for key in (family, "all"):
            t = totals.setdefault(key, {})
            for k, v in counts.items():
                t[k] = t.get(k, 0) + v
        print(
            f"{doc:36s} {gold.get('split', ''):8s} "
            + " ".join(f"{k}={v}" for k, v in counts.items() if "_" not in k or k == "spk_ok")
        )
        if show:
            print("\n".join(ln for ln in text_out.splitlines() if ln.startswith("  ")))
    for key, t in totals.items():
        qp, qr, qf = prf(t["qtp"], t["qfp"], t["qfn"])
        ents = [
            prf(t.get(f"{lab}_tp", 0), t.get(f"{lab}_fp", 0), t.get(f"{lab}_fn", 0)) for lab in ("PER", "ORG", "LOC")
        ]
        tp, fp, fn = (sum(t.get(f"{lab}_{k}", 0) for lab in ("PER", "ORG", "LOC")) for k in ("tp", "fp", "fn"))
        ep, er, ef = prf(tp, fp, fn)
        gold_q = t["qtp"] + t["qfn"]
        print(
            f"TOTAL {key:8s} quotes P={qp:.3f} R={qr:.3f} F1={qf:.3f} | speaker right {t['spk_ok']}/{gold_q} = "
            f"{t['spk_ok'] / max(gold_q, 1):.3f} | entities P={ep:.3f} R={er:.3f} F1={ef:.3f} "
            + " ".join(f"{lab}={f:.3f}(R={r:.3f})" for lab, (_, r, f) in zip(("PER", "ORG", "LOC"), ents, strict=True))
        )


if __name__ == "__main__":
    main(sys.argv[1:])
