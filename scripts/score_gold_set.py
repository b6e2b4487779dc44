"""Score khabar on a folder of hand-annotated articles (X.txt + X.gold.json), per article and in total.

usage: python scripts/score_gold_set.py [FOLDER] [--show]   (default: tests/data/quotes_gold)
Uses tests/tools/score_gold.py, the judges' scorer, on each article.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from khabar import Pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts" / "news_gold"))
from score import load_scorer, prf, score_one  # noqa: E402  (the news gold set's scorer glue)


def main(argv: list[str]) -> None:
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "quotes_gold"
    scorer = load_scorer()
    pipe = Pipeline()
    tot = {"qtp": 0, "qfp": 0, "qfn": 0, "spk_ok": 0}
    for gold in sorted(folder.glob("*.gold.json")):
        text = (folder / gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        records = pipe.extract(text, gold.name)
        _, out = score_one(scorer, json.loads(gold.read_text(encoding="utf-8")), records, show)
        counts = next(line for line in out.splitlines() if line.startswith("COUNTS"))
        for part in counts.split()[1:]:
            k, _, v = part.partition("=")
            tot[k] += int(v)
        print(f"{gold.name.replace('.gold.json', ''):40s} {counts}")
        if show:
            print("\n".join(ln for ln in out.splitlines() if ln.startswith("  Q") or ln.startswith("  SP")))
    tp, fp, fn, ok = tot["qtp"], tot["qfp"], tot["qfn"], tot["spk_ok"]
    p, r, f1 = prf(tp, fp, fn)
    print(f"TOTAL quotes P={p:.3f} R={r:.3f} F1={f1:.3f} speaker right {ok}/{tp + fn} = {ok / max(tp + fn, 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
