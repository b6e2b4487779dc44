#!/usr/bin/env python3
"""Reproducible selection of the 14 articles of the quote gold set.

Rule: within each (source, category) stratum, keep articles whose text is
1,500-5,000 characters long, contains at least 3 speech-cue matches (CUE below)
and at least one pair of quotation marks ("..." or «...»); order the kept
articles by the SHA-1 of their id and take the first N of each stratum
(QUOTA). Texts that duplicate an earlier article's text are skipped.
Articles that on reading turned out not to be news reports with attributed
speech are skipped in rank order (EXCLUDED, with the reason); the next ranked
article of the stratum takes their place.

usage: python3 select_articles.py [path/to/ant_bbc_cnn.jsonl]
"""
import hashlib
import json
import re
import sys

QUOTA = {
    ("BBC", "middleEast"): 3, ("BBC", "internationalNews"): 2,
    ("BBC", "economy"): 1, ("BBC", "culture"): 1,
    ("CNN", "middleEast"): 3, ("CNN", "internationalNews"): 2,
    ("CNN", "economy"): 1, ("CNN", "sport"): 1,
}
EXCLUDED = {
    "CN-economy-58-20180317": "sponsored survey write-up (Bayt.com); its 'speakers' are percentages of respondents",
}
CUE = re.compile(r"(?:^|[\s«\"(])(?:و|ف)?(?:قال|قالت|يقول|تقول|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|"
                 r"أشار|أشارت|ذكر|ذكرت|أفاد|أفادت|صرح|صرّح|أعلن|أعلنت|نفى|نفت|تابع|تابعت|"
                 r"شدد|شددت|لفت|لفتت|كشف|كشفت|حذر|حذّر|حذرت|اعتبر|اعتبرت|رأى|رأت|نقل|نقلت|"
                 r"مضيفا|مضيفة|مشيرا|مشيرة|مؤكدا|مؤكدة)(?=[\s،:,])")
QPAIR = re.compile(r"\"[^\"\n]{3,}\"|«[^»\n]{3,}»")


def main(path):
    kept, seen = {}, set()
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        key = (d["source"], d["category"])
        if key not in QUOTA:
            continue
        t = d["text"]
        if t in seen:
            continue
        seen.add(t)
        if not 1500 <= len(t) <= 5000:
            continue
        if len(CUE.findall(t)) < 3 or not QPAIR.search(t):
            continue
        kept.setdefault(key, []).append(d["id"])
    chosen = []
    for key, n in QUOTA.items():
        ids = sorted(kept.get(key, []), key=lambda i: hashlib.sha1(i.encode()).hexdigest())
        print(key[0], key[1], len(ids), "candidates; ranked:", " ".join(ids[: n + 3]))
        for i in ids:
            if len([c for c in chosen if c[0] == key]) == n:
                break
            if i in EXCLUDED:
                print("  skipped", i, "-", EXCLUDED[i])
                continue
            chosen.append((key, i))
    print("selected:")
    for key, i in chosen:
        print(" ", i)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/news/ant_bbc_cnn.jsonl")
