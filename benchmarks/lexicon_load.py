"""Load time of a 100,000-entry user lexicon: cold (parse + compile + write cache) and cached.

usage: python benchmarks/lexicon_load.py [--entries N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def write_lexicon(path: Path, n: int) -> None:
    rng = random.Random(7)
    seen = set()
    labels: dict[str, str] = {}  # name or alias -> its label: one label per name, as validation wants
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# source: generated for the load benchmark\n# licence: CC0-1.0\n")
        while len(seen) < n:
            words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(1, 3))]
            name, alias = " ".join(words), words[-1] + "ي"
            label = rng.choice(("PER", "ORG", "LOC"))
            if name in seen or labels.get(name, label) != label or labels.get(alias, label) != label:
                continue
            seen.add(name)
            labels[name] = labels[alias] = label
            fh.write(f"{name}\t{label}\t{alias}\tQ{len(seen)}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KHABAR_CACHE_DIR"] = str(Path(tmp) / "cache")
        from khabar.gazetteer import compile_gazetteer

        lex = Path(tmp) / "big.tsv"
        write_lexicon(lex, a.entries)
        for builtin in (False, True):
            what = f"{a.entries} entries" + (" + the built-in lexicons" if builtin else " alone")
            t0 = time.perf_counter()
            compile_gazetteer([lex], builtin=builtin, use_cache=True)
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(5):
                t0 = time.perf_counter()
                compile_gazetteer([lex], builtin=builtin, use_cache=True)
                warm.append(time.perf_counter() - t0)
            print(
                f"{what}: first load (parse, compile, cache) {cold:.2f} s; cached load "
                f"min {min(warm):.2f} median {statistics.median(warm):.2f} max {max(warm):.2f} s"
            )


if __name__ == "__main__":
    main()
