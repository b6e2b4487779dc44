"""Throughput, peak memory and start-up time of `khabar extract`.

usage: python benchmarks/throughput.py [NEWS.jsonl] [--docs N] [--runs R]

Writes the article bodies of NEWS.jsonl (default ../shared/data/news/ant_bbc_cnn.jsonl) as a
folder of .txt files, then times whole `khabar extract` processes over that folder with --jobs 1
and --jobs 2, interleaved (min / median / max of R runs), reports MB/s of input text (UTF-8 bytes),
documents/s and peak RSS (the largest single process, parent or worker, from getrusage),
then the wall time of a one-file run on samples/rafah_meeting.txt (warm lexicon cache).
It also says whether the optional C loops (khabar._native) are in use.
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
    native = subprocess.run(
        [sys.executable, "-c", "from khabar import document; print(document._native is not None)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"C loops (khabar._native) in use: {native}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n, nbytes = write_corpus(Path(a.news), folder, a.docs)
        print(f"corpus: {n} documents, {nbytes / 1e6:.1f} MB of UTF-8 text")
        walls: dict[int, list[float]] = {1: [], 2: []}
        peaks: list[float] = []
        for _ in range(a.runs):  # interleaved (1, 2, 1, 2 …) so a drifting machine hits both alike
            for jobs in (1, 2):
                wall, peak = timed([*exe, "-j", str(jobs), str(folder)])
                walls[jobs].append(wall)
                peaks.append(peak)
        for jobs in (1, 2):
            mbs = [nbytes / 1e6 / w for w in walls[jobs]]
            print(
                f"--jobs {jobs}: wall s {summary(walls[jobs])} | MB/s {summary(mbs)} | "
                f"docs/s median {n / statistics.median(walls[jobs]):.0f}"
            )
        ratios = [w1 / w2 for w1, w2 in zip(walls[1], walls[2], strict=True)]
        print(f"speed-up --jobs 2 over --jobs 1, run by run: {summary(ratios)}")
        print(f"peak RSS of the largest process, MB: {max(peaks):.0f}")
    walls = [timed([*exe, str(ROOT / "samples/rafah_meeting.txt")])[0] for _ in range(5)]
    print(f"one file (samples/rafah_meeting.txt), wall s: {summary(walls)}")


if __name__ == "__main__":
    main()
