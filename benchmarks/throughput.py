"""Throughput, peak memory and start-up time of `khabar extract`.

usage: python benchmarks/throughput.py [NEWS.jsonl] [--docs N] [--runs R]

Writes the article bodies of NEWS.jsonl (default ../shared/data/news/ant_bbc_cnn.jsonl) as a
folder of .txt files, then times whole `khabar extract` processes over that folder with --jobs 1
and --jobs 2 (min / median / max of R runs), reports MB/s of input text (UTF-8 bytes),
documents/s and peak RSS (of the process tree: parent + workers, from resource.getrusage),
then the wall time of a one-file run on samples/rafah_meeting.txt (warm lexicon cache).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(src: Path, folder: Path, limit: int | None) -> tuple[int, int]:
    n = nbytes = 0
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if limit and n >= limit:
                break
            doc = json.loads(line)
            data = doc["text"].encode("utf-8")
            (folder / f"{n:05d}.txt").write_bytes(data)
            n += 1
            nbytes += len(data)
    return n, nbytes


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of the command's tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def summary(values: list[float]) -> str:
    return f"min {min(values):.2f}  median {statistics.median(values):.2f}  max {max(values):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("news", nargs="?", default=str(ROOT.parent / "shared/data/news/ant_bbc_cnn.jsonl"))
    ap.add_argument("--docs", type=int, default=None, help="only the first N articles")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    exe = [sys.executable, "-m", "khabar", "extract", "-q"]
    subprocess.run([*exe, str(ROOT / "samples/rafah_meeting.txt")], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n, nbytes = write_corpus(Path(a.news), folder, a.docs)
        print(f"corpus: {n} documents, {nbytes / 1e6:.1f} MB of UTF-8 text")
        rates = {}
        for jobs in (1, 2):
            walls, peaks = [], []
            for _ in range(a.runs):
                wall, peak = timed([*exe, "-j", str(jobs), str(folder)])
                walls.append(wall)
                peaks.append(peak)
            mbs = [nbytes / 1e6 / w for w in walls]
            rates[jobs] = statistics.median(mbs)
            print(
                f"--jobs {jobs}: wall s {summary(walls)} | MB/s {summary(mbs)} | "
                f"docs/s median {n / statistics.median(walls):.0f} | peak RSS MB max {max(peaks):.0f}"
            )
        print(f"speed-up --jobs 2 / --jobs 1 (medians): {rates[2] / rates[1]:.2f}x")
    walls = [timed([*exe, str(ROOT / "samples/rafah_meeting.txt")])[0] for _ in range(5)]
    print(f"one file (samples/rafah_meeting.txt), wall s: {summary(walls)}")


if __name__ == "__main__":
    main()
