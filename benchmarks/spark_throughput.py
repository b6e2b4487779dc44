"""Throughput of the Spark job in local mode next to `khabar extract --jobs 2`, and the session's start-up.

usage: python benchmarks/spark_throughput.py [NEWS.jsonl] [--docs N] [--runs R] [--cores C]

Writes the id and text of each article of NEWS.jsonl (default ../shared/data/news/ant_bbc_cnn.jsonl)
to one JSON-lines file, starts a local[C] Spark session (timed: the start-up cost), then R times,
interleaved: a whole `khabar extract --jsonl -q -j C` process writing JSON lines, and one Spark
job on the same file (khabar.spark.run_job: read JSON lines, extract, write the three Parquet tables;
Spark's own overhead included: schema inference, Arrow transfer, shuffle, Parquet writing). MB/s
counts the UTF-8 bytes of the texts. The first Spark job also starts the Python workers and builds
their pipelines; it is reported apart, and the later ones (warm workers, as in a long job) make the
median. Needs Java 17+ and ``pip install ".[spark]"``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import summary  # the same min/median/max line as the --jobs benchmark

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(src: Path, dest: Path, limit: int | None) -> tuple[int, int]:
    n = nbytes = 0
    with open(src, encoding="utf-8") as fh, open(dest, "w", encoding="utf-8") as out:
        for line in fh:
            if limit and n >= limit:
                break
            doc = json.loads(line)
            out.write(json.dumps({"id": doc.get("id", n), "text": doc["text"]}, ensure_ascii=False) + "\n")
            n += 1
            nbytes += len(doc["text"].encode("utf-8"))
    return n, nbytes


def cli_run(news: Path, out: Path, cores: int) -> float:
    cmd = [sys.executable, "-m", "khabar", "extract", "--jsonl", "-q", "-f", "jsonl", "-j", str(cores), str(news)]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "-o", str(out)], check=True)
    return time.perf_counter() - t0


def spark_run(spark, news: Path, out: Path, partitions: int | None) -> tuple[float, dict]:
    from khabar.spark import run_job

    t0 = time.perf_counter()
    counts = run_job(spark, str(news), str(out), partitions=partitions, overwrite=True)
    return time.perf_counter() - t0, counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("news", nargs="?", default=str(ROOT.parent / "shared/data/news/ant_bbc_cnn.jsonl"))
    ap.add_argument("--docs", type=int, default=None, help="only the first N articles")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cores", type=int, default=2, help="local[C] and --jobs C")
    ap.add_argument("--partitions", type=int, default=None, help="repartition the input (default: khabar's)")
    args = ap.parse_args()

    from khabar.spark import session
    from khabar.spark import summary as table_counts

    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp) / "news.jsonl"
        n, nbytes = write_corpus(Path(args.news), news, args.docs)
        mb = nbytes / 1e6
        print(f"corpus: {n} documents, {mb:.1f} MB of UTF-8 text")
        t0 = time.perf_counter()
        spark = session(f"local[{args.cores}]", "khabar-benchmark")
        startup = time.perf_counter() - t0
        print(f"Spark session start-up (local[{args.cores}], JVM included), s: {startup:.2f}")
        first, counts = spark_run(spark, news, Path(tmp) / "spark", args.partitions)
        print(
            f"first Spark job (starts the Python workers, builds their pipelines): {first:.2f} s, {mb / first:.2f} MB/s"
        )
        print(f"tables: {table_counts(counts)}")
        cli, jobs = [], []
        for _ in range(args.runs):
            cli.append(cli_run(news, Path(tmp) / "cli.jsonl", args.cores))
            jobs.append(spark_run(spark, news, Path(tmp) / "spark", args.partitions)[0])
        spark.stop()
    print(f"khabar extract --jobs {args.cores}: wall s {summary(cli)} | MB/s {summary([mb / t for t in cli])}")
    print(f"Spark local[{args.cores}] job:      wall s {summary(jobs)} | MB/s {summary([mb / t for t in jobs])}")
    ratios = [c / s for c, s in zip(cli, jobs, strict=True)]
    print(f"Spark throughput / --jobs {args.cores}, run by run: {summary(ratios)}")
    print(f"with the session start-up and the first job (one cold run): {mb / (startup + first):.2f} MB/s")


if __name__ == "__main__":
    main()
