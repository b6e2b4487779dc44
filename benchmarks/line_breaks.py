"""Does khabar's output depend on whether a line break is '\\n' or ' '? (issue 17: a long one-line
document must give, record for record, the output of the same text with its line breaks.)

usage: python benchmarks/line_breaks.py [CORPUS.jsonl] [-n 700] [--per-article] [--windows] [--show 5]

Takes the first N BBC/CNN articles (default ../shared/data/news/ant_bbc_cnn.jsonl; articles of the
gold batches still being annotated or held out are skipped) and joins them with blank lines into
one document, the "lined" text. The "one-line" text is the same with every line break replaced by a
space: same length, same offsets. Both are extracted whole (``Pipeline.extract``: in windows when
longer than ``windows.WINDOW_CHARS``), and the records are compared with each text field's line
breaks read as spaces. Prints the records found only in the lined text and only in the one-line
text, per record type, then the same without the quotes' speakers (quote finding alone) and without
the entities' ``source`` (the evidence that found them). ``--per-article`` runs each article alone
instead (faster to read); ``--windows`` also compares the windowed run of the lined text with one
whole-document run (``Pipeline.run``): quotes (kind, cue, quote), then quotes with their speakers
(speaker choice and linking reach one window by design, and a joined document's whole run links
across articles)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from khabar.pipeline import Pipeline  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant_bbc_cnn.jsonl"
GOLD = ROOT / "scripts" / "news_gold"
_SKIPPED_SPLITS = (
    "heldout",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "dev19",
    "dev20",
    "dev21",
    "dev22",
    "dev23",
    "dev24",
    "dev25",
    "dev26",
    "dev27",
    "dev28",
    "dev29",
    "dev30",
    "dev31",
    "dev32",
    "dev33",
    "dev34",
    "dev35",
    "dev36",
    "dev37",
)  # never read or tuned on


def skipped_ids() -> set[str]:
    out = set()
    for tsv in GOLD.glob("selection*.tsv"):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 1 and cols[1] in _SKIPPED_SPLITS:
                out.add(cols[0])
    return out


def articles(corpus: Path, n: int) -> list[tuple[str, str]]:
    skip, out = skipped_ids(), []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] not in skip and d["text"].strip():
                out.append((d["id"], d["text"].strip()))
            if len(out) >= n:
                break
    return out


def _provenance_free(records: list[dict]) -> list[dict]:
    """Records without ``source``, which says what evidence found an entity (a line break is evidence:
    لانفان الفرنسي جنيفر هدسون reads as a nationality and a name only when no line break parts them)."""
    return [{k: v for k, v in r.items() if k != "source"} for r in records]


def key(record: dict, spans_only: bool = False) -> str:
    """The record as a string, line breaks read as spaces; ``spans_only``: a quote's kind, cue and
    quote alone (what quote finding decides), without its speaker."""

    def flat(value):
        if isinstance(value, str):
            return value.replace("\n", " ")
        if isinstance(value, dict):
            return {k: flat(v) for k, v in value.items() if not (spans_only and k == "speaker")}
        if isinstance(value, list):
            return [flat(v) for v in value]
        return value

    return json.dumps(flat(record), ensure_ascii=False, sort_keys=True)


def compare(lined: list[dict], oneline: list[dict], spans_only: bool = False) -> tuple[list[dict], list[dict]]:
    """(records only in ``lined``, records only in ``oneline``), as multisets."""
    a = Counter(key(r, spans_only) for r in lined)
    b = Counter(key(r, spans_only) for r in oneline)
    only_a = [json.loads(k) for k in (a - b).elements()]
    only_b = [json.loads(k) for k in (b - a).elements()]
    return only_a, only_b


def by_type(records: list[dict]) -> str:
    counts = Counter(r["type"] for r in records)
    return " ".join(f"{t}={counts[t]}" for t in ("entity", "quote")) or "none"


def show(label: str, records: list[dict], limit: int) -> None:
    for r in records[:limit]:
        span = r.get("quote") or r
        print(f"  {label} {r['type']} {span.get('start')}-{span.get('end')}: {span.get('text', '')[:160]}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-n", type=int, default=700)
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--windows", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    texts = articles(args.corpus, args.n)
    docs = texts if args.per_article else [("joined", "\n\n".join(t for _, t in texts))]
    only_lined, only_oneline, total, spans, unsourced = [], [], 0, [0, 0], [0, 0]
    for doc_id, text in docs:
        lined = pipeline.extract(text, doc_id)
        oneline = pipeline.extract(text.replace("\n", " "), doc_id)
        total += len(lined)
        for k, side in enumerate(compare(lined, oneline, spans_only=True)):
            spans[k] += len(side)
        a, b = compare(lined, oneline)
        only_lined += a
        only_oneline += b
        for k, side in enumerate(compare(_provenance_free(a), _provenance_free(b))):
            unsourced[k] += len(side)
        if args.show and (a or b):
            print(doc_id)
            show("-lined", a, args.show)
            show("+oneline", b, args.show)
    print(f"{len(texts)} articles, {sum(len(t) for _, t in docs)} characters, {total} records (lined)")
    print(f"only in the lined text:    {len(only_lined)} ({by_type(only_lined)})")
    print(f"only in the one-line text: {len(only_oneline)} ({by_type(only_oneline)})")
    print(f"without the quotes' speakers: only in the lined text {spans[0]}, only in the one-line text {spans[1]}")
    print(f"without entities' source: only in the lined text {unsourced[0]}, only in the one-line text {unsourced[1]}")
    if args.windows:
        for doc_id, text in docs:
            whole = [r for r in pipeline.run(text, doc_id).records() if r["type"] == "quote"]
            windowed = [r for r in pipeline.extract(text, doc_id) if r["type"] == "quote"]
            a, b = compare(whole, windowed, spans_only=True)
            c, d = compare(whole, windowed)
            print(f"windows vs whole ({doc_id}): quotes (kind, cue, quote) only in the whole run {len(a)},", end=" ")
            print(f"only in windows {len(b)}")
            print(f"  with their speakers: only in the whole run {len(c)}, only in windows {len(d)}")
            if args.show:
                show("-whole", a, args.show)
                show("+windows", b, args.show)


if __name__ == "__main__":
    main(sys.argv[1:])
