"""Rewrite tests/golden/X.expected.jsonl from samples/X.txt (review the git diff afterwards)."""

from __future__ import annotations

from pathlib import Path

from khabar import Pipeline
from khabar.output import jsonl

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    pipe = Pipeline(use_env=False)
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        out = ROOT / "tests" / "golden" / f"{sample.stem}.expected.jsonl"
        out.write_bytes(jsonl(pipe.extract(text, f"samples/{sample.name}")))
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
