"""Score khabar on a folder of hand-annotated articles (X.txt + X.gold.json), per article and in total.

usage: python scripts/score_gold_set.py [FOLDER] [--show]   (default: tests/data/quotes_gold)
Uses tests/tools/score_gold.py, the judges' scorer, on each article.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

from khabar import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "quotes_gold"
    spec = importlib.util.spec_from_file_location("score_gold", ROOT / "tests" / "tools" / "score_gold.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pipe = Pipeline()
    tot = {"qtp": 0, "qfp": 0, "qfn": 0, "spk_ok": 0}
    for gold in sorted(folder.glob("*.gold.json")):
        text = (folder / gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
            for r in pipe.extract(text, gold.name):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main([str(gold), fh.name] + (["--show"] if show else []))
        counts = next(line for line in out.getvalue().splitlines() if line.startswith("COUNTS"))
        for part in counts.split()[1:]:
            k, _, v = part.partition("=")
            tot[k] += int(v)
        print(f"{gold.name.replace('.gold.json', ''):40s} {counts}")
        if show:
            print("\n".join(ln for ln in out.getvalue().splitlines() if ln.startswith("  Q") or ln.startswith("  SP")))
    tp, fp, fn, ok = tot["qtp"], tot["qfp"], tot["qfn"], tot["spk_ok"]
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(
        f"TOTAL quotes P={p:.3f} R={r:.3f} F1={2 * p * r / max(p + r, 1e-9):.3f} "
        f"speaker right {ok}/{tp + fn} = {ok / max(tp + fn, 1):.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
