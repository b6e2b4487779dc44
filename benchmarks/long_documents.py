"""Peak memory and time of `khabar extract` on one long document, and the one-file start-up time.

usage: python benchmarks/long_documents.py [SOURCE] [--sizes 5 20 100] [--lines] [--runs 5]

Builds one document per size (MB of UTF-8) by repeating article text: SOURCE is a .txt file or a
.jsonl file of articles (their "text" fields); default samples/*.txt. Without --lines every line
break becomes a space (one line, as scraped pages and PDF dumps arrive); with --lines the articles
keep their lines. Each document is extracted by a separate `khabar extract -q FILE > /dev/null`
process; its peak RSS comes from getrusage(RUSAGE_CHILDREN) in a small wrapper process, so each
figure is that one run's. Then the median wall time of --runs one-file runs on
samples/rafah_meeting.txt (start-up: the lexicons load from the cache).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def articles(source: Path | None) -> list[str]:
    if source is None:
        return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    if source.suffix == ".jsonl":
        with open(source, encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line, _ in zip(fh, range(2000), strict=False)]
    return [source.read_text(encoding="utf-8")]


def write_document(path: Path, texts: list[str], megabytes: float, lines: bool) -> int:
    """Repeat ``texts`` up to ``megabytes`` MB; returns the size in bytes."""
    want, size = int(megabytes * 1_000_000), 0
    sep = "\n\n" if lines else " "
    with open(path, "w", encoding="utf-8") as fh:
        while size < want:
            for text in texts:
                part = (text.strip() if lines else " ".join(text.split())) + sep
                fh.write(part)
                size += len(part.encode("utf-8"))
                if size >= want:
                    break
    return size


def measure(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one process running ``args``."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True)
    rc, seconds, rss_kb = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"{' '.join(args)} exited {rc}")
    return float(seconds), int(rss_kb) / 1024


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path)
    ap.add_argument("--sizes", nargs="+", type=float, default=[5, 20, 100])
    ap.add_argument("--lines", action="store_true", help="keep the articles' line breaks")
    ap.add_argument("--runs", type=int, default=5, help="runs of the one-file start-up measure")
    opt = ap.parse_args(argv)
    texts = articles(opt.source)
    khabar = [sys.executable, "-m", "khabar"]
    shape = "with line breaks" if opt.lines else "one line"
    with tempfile.TemporaryDirectory() as tmp:
        for mb in opt.sizes:
            path = Path(tmp) / f"doc_{mb:g}MB.txt"
            size = write_document(path, texts, mb, opt.lines)
            seconds, rss = measure([*khabar, "extract", "-q", str(path)])  # output to /dev/null
            print(f"{size / 1e6:7.1f} MB {shape}: {seconds:6.1f} s, peak RSS {rss:6.0f} MB", flush=True)
            path.unlink()
    sample = ROOT / "samples" / "rafah_meeting.txt"
    times = []
    for _ in range(opt.runs):
        start = time.perf_counter()
        subprocess.run([*khabar, "extract", "-q", str(sample)], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    print(f"start-up: khabar extract {sample.name}, median of {opt.runs}: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
