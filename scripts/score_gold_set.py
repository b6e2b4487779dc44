"""Score khabar on a folder of hand-annotated articles (X.txt + X.gold.json), per article and in total.

usage: python scripts/score_gold_set.py [FOLDER] [--show]   (default: tests/data/quotes_gold)
The scoring is khabar.evaluate_gold (the rules of tests/tools/score_gold.py, the judges' scorer;
tests/test_formats.py keeps the two equal); `khabar eval FOLDER` prints the totals alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from khabar import Pipeline
from khabar.evaluate import prf
from khabar.evaluate_gold import GoldReport, gold_files, load_gold, score_gold

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "quotes_gold"
    pipe = Pipeline()
    total = GoldReport()
    for path in gold_files(folder):
        gold, text = load_gold(path)
        one = score_gold(gold, pipe.extract(text, path.name))
        total.add(one)
        tp, fp, fn = one.quotes
        name = path.name.removesuffix(".gold.json")
        print(f"{name:40s} COUNTS qtp={tp} qfp={fp} qfn={fn} spk_ok={one.speakers_right}")
        if show:
            print("\n".join(f"  {note}" for note in one.notes if not note.startswith("entity")))
    tp, fp, fn = total.quotes
    ok = total.speakers_right
    p, r, f1 = prf(tp, fp, fn)
    print(f"TOTAL quotes P={p:.3f} R={r:.3f} F1={f1:.3f} speaker right {ok}/{tp + fn} = {ok / max(tp + fn, 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
