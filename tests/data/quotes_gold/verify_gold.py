#!/usr/bin/env python3
"""Check every *.gold.json in this folder against its document.

For each gold file: the document exists, is UTF-8 without BOM, and every span
(cue, speaker when not null, quote) satisfies text == doc[start:end]; kinds
are direct/indirect/mixed; a null speaker text has null offsets and every
speaker has a canonical name. Prints one line per file and a total; exits 1 on
any problem.

usage: python3 verify_gold.py [--corpus path/to/ant_bbc_cnn.jsonl]
  --corpus also checks that each document equals the "text" field of the
  corpus article with the same id.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"direct", "indirect", "mixed"}


def check_span(errs, where, span, doc, need_text=True):
    s, e, t = span.get("start"), span.get("end"), span.get("text")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(doc):
        errs.append(f"{where}: bad offsets {s}..{e}")
        return
    if need_text and doc[s:e] != t:
        errs.append(f"{where}: text {t!r} != doc[{s}:{e}] {doc[s:e]!r}")


def main(argv):
    corpus = None
    if "--corpus" in argv:
        path = argv[argv.index("--corpus") + 1]
        corpus = {}
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            corpus[d["id"]] = d["text"]
    files = sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    errs, nq, kinds, nopt = [], 0, {k: 0 for k in sorted(KINDS)}, 0
    for f in files:
        name = os.path.basename(f)
        g = json.load(open(f, encoding="utf-8"))
        docpath = os.path.join(HERE, g["document"])
        raw = open(docpath, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            errs.append(f"{g['document']}: has a BOM")
        doc = raw.decode("utf-8")
        if corpus is not None:
            did = g["document"][: -len(".txt")]
            if corpus.get(did) != doc:
                errs.append(f"{g['document']}: differs from the corpus text of {did}")
        for key in ("source", "conventions", "entities", "optional_entities", "quotes"):
            if key not in g:
                errs.append(f"{name}: missing {key}")
        for i, q in enumerate(g.get("quotes", [])):
            w = f"{name} quote {i}"
            if q.get("kind") not in KINDS:
                errs.append(f"{w}: kind {q.get('kind')!r}")
            check_span(errs, w + " cue", q["cue"], doc)
            check_span(errs, w + " quote", q["quote"], doc)
            sp = q["speaker"]
            if not sp.get("canonical"):
                errs.append(f"{w}: speaker without canonical")
            if sp.get("text") is None:
                if sp.get("start") is not None or sp.get("end") is not None:
                    errs.append(f"{w}: null speaker text with offsets")
            else:
                check_span(errs, w + " speaker", sp, doc)
            if "optional" in q and not isinstance(q["optional"], bool):
                errs.append(f"{w}: optional is not a bool")
            nq += 1
            if q.get("kind") in kinds:
                kinds[q["kind"]] += 1
            nopt += bool(q.get("optional"))
        print(f"{name}: {len(g.get('quotes', []))} quotes")
    for e in errs:
        print("ERROR", e)
    print(f"{len(files)} gold files, {nq} quotes ({nopt} optional); "
          + ", ".join(f"{k}={v}" for k, v in kinds.items())
          + f"; {len(errs)} errors")
    return 1 if errs or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
