#!/usr/bin/env python3
"""Score khabar's JSON-lines output for one document against a hand-annotated gold file.

usage: khabar extract shared/fixtures/rafah_meeting.txt | python3 score_gold.py shared/fixtures/rafah_meeting.gold.json
       python3 score_gold.py GOLD.json OUTPUT.jsonl [--show]

Entities match on label and exact span (or one of the gold alt_spans); system entities that
overlap an optional gold mention are neither credited nor penalised. A quote matches when its
quote span overlaps a gold quote span by at least half of their union; its speaker is right when
the speaker's canonical name (or its text) equals the gold canonical name after light Arabic
normalisation (or one of the gold speaker's "alts", other names accepted for the same source).
Gold quotes marked "optional" are neither credited nor penalised. Only quote records of kind
direct, indirect or mixed (or with no kind) are scored; other kinds, such as attributions by
"according to", are counted apart and not scored. Prints per-label precision/recall/F1, quote
P/R/F1 and speaker accuracy; the last line is a one-line summary. Exit status 0 always (it
measures; it does not judge).
"""

import json
import re
import sys

DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def norm(s):
    if not s:
        return ""
    s = DIAC.sub("", s)
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    s = re.sub(r"[\s\-‐–—_]+", " ", s).strip()
    return s


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv):
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    if not args:
        print(__doc__)
        return 2
    gold = json.load(open(args[0], encoding="utf-8"))
    src = open(args[1], encoding="utf-8") if len(args) > 1 else sys.stdin
    ents, quotes, bad, other_kinds = [], [], 0, 0
    for line in src:
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if rec.get("type") == "entity":
            ents.append(rec)
        elif rec.get("type") == "quote":
            if rec.get("kind") in (None, "direct", "indirect", "mixed"):
                quotes.append(rec)
            else:
                other_kinds += 1

    # entities
    labels = sorted({g["label"] for g in gold["entities"]})
    stats = {l: [0, 0, 0] for l in labels}
    matched = set()
    for e in ents:
        lab, s, t = e.get("label"), e.get("start"), e.get("end")
        hit = None
        for i, g in enumerate(gold["entities"]):
            if i in matched or g["label"] != lab:
                continue
            spans = [[g["start"], g["end"]]] + g.get("alt_spans", [])
            if [s, t] in spans:
                hit = i
                break
        if hit is not None:
            matched.add(hit)
            stats[lab][0] += 1
            continue
        optional = any(o["start"] < t and s < o["end"] for o in gold.get("optional_entities", []))
        if optional:
            continue
        if lab in stats:
            stats[lab][1] += 1
        if show:
            print("  FP", lab, s, t, e.get("text"))
    for i, g in enumerate(gold["entities"]):
        if i not in matched:
            stats[g["label"]][2] += 1
            if show:
                print("  FN", g["label"], g["start"], g["end"], g["text"])
    tot = [sum(v[k] for v in stats.values()) for k in range(3)]
    for l in labels:
        p, r, f = prf(*stats[l])
        print(f"entity {l}: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={stats[l][0]} fp={stats[l][1]} fn={stats[l][2]})")
    ep, er, ef = prf(*tot)
    print(f"entity all: P={ep:.3f} R={er:.3f} F1={ef:.3f}")

    # quotes
    def span(q):
        d = q.get("quote") or {}
        return d.get("start"), d.get("end")

    used, qtp, spk_ok, opt_hits = set(), 0, 0, 0
    required = [g for g in gold["quotes"] if not g.get("optional")]
    for q in quotes:
        s, t = span(q)
        if s is None or t is None:
            continue
        best, best_j = 0.0, None
        for j, g in enumerate(gold["quotes"]):
            if j in used:
                continue
            gs, gt = g["quote"]["start"], g["quote"]["end"]
            inter = max(0, min(t, gt) - max(s, gs))
            union = max(t, gt) - min(s, gs)
            ratio = inter / union if union else 0.0
            if ratio > best:
                best, best_j = ratio, j
        if best_j is not None and best >= 0.5:
            used.add(best_j)
            g = gold["quotes"][best_j]
            if g.get("optional"):
                opt_hits += 1
                continue
            qtp += 1
            sp = q.get("speaker") or {}
            names = {norm(sp.get("canonical")), norm(sp.get("text"))} - {""}
            accepted = {norm(g["speaker"]["canonical"])} | {norm(a) for a in g["speaker"].get("alts", [])}
            if names & accepted:
                spk_ok += 1
            elif show:
                print(
                    "  SPEAKER",
                    g["cue"]["text"],
                    "gold:",
                    g["speaker"]["canonical"],
                    "got:",
                    sp.get("canonical") or sp.get("text"),
                )
        elif show:
            print("  QFP", s, t, (q.get("quote") or {}).get("text", "")[:60])
    if show:
        for j, g in enumerate(gold["quotes"]):
            if j not in used and not g.get("optional"):
                print("  QFN", g["cue"]["text"], g["quote"]["text"][:60])
    qfp = len(quotes) - qtp - opt_hits
    qp, qr, qf = prf(qtp, qfp, len(required) - qtp)
    sacc = spk_ok / len(required) if required else 0.0
    print(
        f"quotes: P={qp:.3f} R={qr:.3f} F1={qf:.3f} (tp={qtp} fp={qfp} of {len(required)} gold, {len(quotes)} output, {opt_hits} optional matched)"
    )
    print(f"speakers right: {spk_ok} of {len(required)} gold quotes ({sacc:.3f})")
    print(f"COUNTS qtp={qtp} qfp={qfp} qfn={len(required) - qtp} spk_ok={spk_ok}")
    if other_kinds:
        print(f"quote records of other kinds (not scored): {other_kinds}")
    if bad:
        print(f"lines that were not JSON: {bad}")
    print(f"SUMMARY entity_f1={ef:.3f} quote_f1={qf:.3f} speaker_acc={sacc:.3f} invalid_lines={bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
