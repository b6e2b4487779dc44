"""Start-up of a one-file run: what a shell loop calling khabar once per file pays each time.

usage: python benchmarks/startup.py [--runs N] [--as-is] [FILE]

Times whole `khabar extract -q FILE -o /dev/null` processes (the console script beside this
Python, and `python -m khabar`) with a warm lexicon cache: wall and CPU seconds, min / median /
max of N runs, the two commands interleaved. Then, in fresh processes, the parts: importing
the CLI, loading the compiled lexicons from the cache, and extracting the file.

Python's bytecode caches are used, as on a user's machine, even where
``PYTHONDONTWRITEBYTECODE`` is set (some sandboxes set it; with no ``__pycache__`` every run
then compiles khabar's ~45 modules from source, about 0.1 s more): the runs write and read them
under a private ``PYTHONPYCACHEPREFIX``. ``--as-is`` keeps the environment as it is.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = """
import time
t0 = time.perf_counter()
import khabar.cli.app, khabar.cli.extract, khabar.batch
t1 = time.perf_counter()
from khabar.pipeline import Pipeline
p = Pipeline()
t2 = time.perf_counter()
p.extract(open({file!r}, encoding="utf-8").read())
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(values: list[float]) -> str:
    return f"min {min(values):.3f}  median {statistics.median(values):.3f}  max {max(values):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(ROOT / "samples/rafah_meeting.txt"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--as-is", action="store_true", help="keep PYTHONDONTWRITEBYTECODE and the bytecode caches as set")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as pycache:
        env = dict(os.environ)
        if not a.as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pycache
        measure(a.file, a.runs, env)


def measure(file: str, runs: int, env: dict[str, str]) -> None:
    cached = "no" if env.get("PYTHONDONTWRITEBYTECODE") else "yes"
    script = Path(sys.executable).parent / "khabar"
    commands = {"python -m khabar": [sys.executable, "-m", "khabar"]}
    if script.exists():
        commands = {"khabar (console script)": [str(script)], **commands}
    args = ["extract", "-q", file, "-o", "/dev/null"]
    for cmd in commands.values():
        subprocess.run([*cmd, *args], check=True, env=env)  # warm the lexicon, bytecode and OS file caches
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            wall, cpu = timed([*cmd, *args], env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    print(f"one-file run ({Path(file).name}), {runs} runs each, warm lexicon cache, bytecode caches: {cached}")
    for name in commands:
        print(f"  {name}: wall s {summary(walls[name])} | CPU s {summary(cpus[name])}")
    parts = []
    for _ in range(max(3, runs // 3)):
        code = PARTS.format(file=file)
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)
        parts.append([float(x) for x in out.stdout.split()])
    for i, what in enumerate(("import the CLI", "load the lexicons (cache)", "extract the file")):
        print(f"  {what}: s {summary([p[i] for p in parts])}")


if __name__ == "__main__":
    main()
