#!/usr/bin/env python3
"""Helpers for annotating the news gold set.

usage:
  gold_tool.py text ID                 print the article text with character offsets every line
  gold_tool.py find ID STRING          every occurrence of STRING: offsets and context
  gold_tool.py verify GOLD.json ...    check every span (text == doc[start:end]), kinds, labels
  gold_tool.py export ID               write WORK/ID.txt (the corpus text, exactly)

Texts are read from the corpus files in ../shared/data/news (or $KHABAR_SHARED/data/news).
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("KHABAR_SHARED", os.path.join(HERE, "../../../shared"))
FILES = ("ant_bbc_cnn.jsonl", "saudinewsnet_sample.jsonl")
LABELS = {"PER", "ORG", "LOC"}
KINDS = {"direct", "indirect", "mixed"}


def corpus_text(doc_id: str) -> dict:
    for name in FILES:
        with open(os.path.join(SHARED, "data/news", name), encoding="utf-8") as fh:
            for line in fh:
                if f'"{doc_id}"' in line:
                    d = json.loads(line)
                    if d["id"] == doc_id:
                        return d
    raise SystemExit(f"gold_tool: no article {doc_id}")


def check(errs, where, span, doc, allow_null=False):
    s, e, t = span.get("start"), span.get("end"), span.get("text")
    if allow_null and t is None and s is None and e is None:
        return
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(doc):
        errs.append(f"{where}: bad offsets {s}..{e}")
    elif t is not None and doc[s:e] != t:
        errs.append(f"{where}: text {t!r} != doc[{s}:{e}] {doc[s:e]!r}")


def verify(path: str, doc: str | None = None) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        g = json.load(fh)
    doc = doc if doc is not None else corpus_text(g["document"])["text"]
    errs: list[str] = []
    for i, e in enumerate(g.get("entities", [])):
        if e.get("label") not in LABELS:
            errs.append(f"entity {i}: label {e.get('label')!r}")
        check(errs, f"entity {i}", e, doc)
        for a in e.get("alt_spans", []):
            if not (isinstance(a, list) and len(a) == 2 and 0 <= a[0] < a[1] <= len(doc)):
                errs.append(f"entity {i}: bad alt_span {a}")
    for i, e in enumerate(g.get("optional_entities", [])):
        check(errs, f"optional entity {i}", e, doc)
    for i, q in enumerate(g.get("quotes", [])):
        if q.get("kind") not in KINDS:
            errs.append(f"quote {i}: kind {q.get('kind')!r}")
        check(errs, f"quote {i} cue", q["cue"], doc)
        check(errs, f"quote {i} quote", q["quote"], doc)
        check(errs, f"quote {i} speaker", q["speaker"], doc, allow_null=True)
        if not q["speaker"].get("canonical"):
            errs.append(f"quote {i}: speaker without canonical")
    spans = [(e["start"], e["end"]) for e in g.get("entities", [])]
    if len(spans) != len(set(spans)):
        errs.append("duplicate entity spans")
    return errs


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[0]
    if cmd == "text":
        text = corpus_text(argv[1])["text"]
        for k in range(0, len(text), 80):
            print(f"{k:6d} {text[k : k + 80]!r}")
    elif cmd == "find":
        text = corpus_text(argv[1])["text"]
        s = text.find(argv[2])
        while s >= 0:
            ctx = text[max(0, s - 25) : s + len(argv[2]) + 25].replace("\n", " ")
            print(f"{s}\t{s + len(argv[2])}\t{ctx}")
            s = text.find(argv[2], s + 1)
    elif cmd == "verify":
        bad = 0
        for path in argv[1:]:
            errs = verify(path)
            bad += bool(errs)
            for e in errs:
                print(f"{path}: {e}")
            print(f"{path}: {'OK' if not errs else str(len(errs)) + ' errors'}")
        return 1 if bad else 0
    elif cmd == "export":
        d = corpus_text(argv[1])
        print(json.dumps({k: d[k] for k in d if k != "text"}, ensure_ascii=False))
        out = os.path.join(argv[2] if len(argv) > 2 else ".", argv[1] + ".txt")
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(d["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
