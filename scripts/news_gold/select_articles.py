#!/usr/bin/env python3
"""Reproducible selection of the news gold set (60 articles, two outlet families).

Rule: within each stratum (ANT source+category, or SaudiNewsNet outlet) keep articles whose text
is 700-3,200 characters long, has at least 3 speech-cue matches (CUE) and is not a duplicate
text; rank the kept articles by SHA-1 of their id and take the first N of each stratum. Articles
already in tests/data/quotes_gold/ (the set the quote rules were written on) are never taken.
Within each stratum the first-ranked third of the picks goes to the `dev` split (rules may be
tuned on it), the rest to `heldout` (scored, never read for tuning). The split is fixed here,
before any article is read.

usage: python3 select_articles.py [--shared ../shared] > selection.tsv
       python3 select_articles.py --batch N > selection_batchN.tsv   (N = 2 … 25)

Batch 2 (24 articles, all `dev2`: annotated after batch 1 was tuned on, scored at first look, then
tuned on) takes, by the same rule, the next-ranked article of each batch-1 SaudiNewsNet outlet,
two of each of three outlets batch 1 did not have (3alyoum, alweeam, arreyadi), and BBC/CNN
sections batch 1 did not have (BBC technology, sport, culture; CNN economy, technology).
"""

import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ANT_QUOTA = {
    ("BBC", "middleEast"): 6,
    ("BBC", "internationalNews"): 6,
    ("BBC", "economy"): 3,
    ("CNN", "middleEast"): 6,
    ("CNN", "internationalNews"): 6,
    ("CNN", "sport"): 3,
}
SNN_QUOTA = {
    s: 3
    for s in ("aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alyaum", "okaz", "sabq", "was")
}
CUE = re.compile(
    r"(?:^|[\s«\"(])(?:و|ف)?(?:قال|قالت|يقول|تقول|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|"
    r"أشار|أشارت|ذكر|ذكرت|أفاد|أفادت|صرح|صرّح|أعلن|أعلنت|نفى|نفت|تابع|تابعت|"
    r"شدد|شددت|لفت|لفتت|كشف|كشفت|حذر|حذّر|حذرت|اعتبر|اعتبرت|رأى|رأت|نقل|نقلت|"
    r"مضيفا|مضيفة|مشيرا|مشيرة|مؤكدا|مؤكدة)(?=[\s،:,])"
)


def rank(ids):
    return sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())


BATCH2_ANT = {
    ("BBC", "technology"): 2,
    ("BBC", "sport"): 2,
    ("BBC", "culture"): 1,
    ("CNN", "economy"): 2,
    ("CNN", "technology"): 1,
}
BATCH2_SNN = {**{s: 1 for s in SNN_QUOTA}, "3alyoum": 2, "alweeam": 2, "arreyadi": 2}
# Batch 3 (30 articles, `dev3`, same procedure as batch 2): two more of each SaudiNewsNet outlet
# (arriyadiyah, the fourteenth, once), and BBC/CNN middle-east and international news.
BATCH3_ANT = {
    ("BBC", "middleEast"): 2,
    ("BBC", "internationalNews"): 1,
    ("CNN", "middleEast"): 2,
    ("CNN", "internationalNews"): 1,
}
BATCH3_SNN = {**{s: 2 for s in SNN_QUOTA}, "3alyoum": 1, "alweeam": 1, "arreyadi": 1, "arriyadiyah": 1}
# Batch 4 (22 articles, `dev4`, same procedure, annotated at stop 21): one more of each of the
# fourteen SaudiNewsNet outlets, two of each BBC/CNN news section.
BATCH4_ANT = {
    ("BBC", "middleEast"): 2,
    ("BBC", "internationalNews"): 2,
    ("CNN", "middleEast"): 2,
    ("CNN", "internationalNews"): 2,
}
BATCH4_SNN = {**{s: 1 for s in SNN_QUOTA}, "3alyoum": 1, "alweeam": 1, "arreyadi": 1, "arriyadiyah": 1}
# Batch 5 (24 articles, `dev5`, chosen at the start of stop 23 and annotated blind while the rules
# were being changed on dev-dev4; scored at first look with the stop-22 code, never tuned on): one
# more of each SaudiNewsNet outlet, BBC/CNN news sections and one economy and one sport article.
BATCH5_ANT = {
    ("BBC", "middleEast"): 2,
    ("BBC", "internationalNews"): 2,
    ("BBC", "economy"): 1,
    ("CNN", "middleEast"): 2,
    ("CNN", "internationalNews"): 2,
    ("CNN", "sport"): 1,
}
BATCH5_SNN = {**{s: 1 for s in SNN_QUOTA}, "3alyoum": 1, "alweeam": 1, "arreyadi": 1, "arriyadiyah": 1}
# Batch 6 (24 articles, `dev6`, chosen at the start of stop 24's second half with the same quotas
# as batch 5, its khabar output saved before annotation, annotated blind, scored at first look).
BATCH6_ANT = dict(BATCH5_ANT)
BATCH6_SNN = dict(BATCH5_SNN)
# Batch 7 (24 articles, `dev7`, chosen at the start of stop 25 with the same quotas, its khabar
# output saved from stop 24's code before any rule change, annotated blind, scored at first look).
BATCH7_ANT = dict(BATCH5_ANT)
BATCH7_SNN = dict(BATCH5_SNN)
# Batch 8 (24 articles, `dev8`, chosen at the start of stop 26 with the same quotas, its khabar
# output saved from stop 25's code before any rule change, annotated blind, scored at first look).
BATCH8_ANT = dict(BATCH5_ANT)
BATCH8_SNN = dict(BATCH5_SNN)
# Batch 9 (24 articles, `dev9`, chosen in stop 26 with the same quotas and annotated blind while
# that stop's rules were written; scored once, with the stop's final code, before any rule was
# changed in view of it: the first look of the code as it ships).
BATCH9_ANT = dict(BATCH5_ANT)
BATCH9_SNN = dict(BATCH5_SNN)
# Batch 10 (24 articles, `dev10`, chosen at the start of stop 27 with the same quotas, its khabar
# output saved from stop 26's code before any rule change, annotated blind while that stop's rules
# were written, scored once with the stop's final code: the first look of the code as it ships).
BATCH10_ANT = dict(BATCH5_ANT)
BATCH10_SNN = dict(BATCH5_SNN)
# Batch 11 (24 articles, `dev11`, chosen in stop 27 with the same quotas, annotated blind while that
# stop's rules were written and scored once with its final code, beside batch 10).
BATCH11_ANT = dict(BATCH5_ANT)
BATCH11_SNN = dict(BATCH5_SNN)
# Batches 12 and 13 (24 articles each, `dev12`, `dev13`, chosen at the start of stop 28 with the
# same quotas, khabar output saved from stop 27's code before any rule change, annotated blind while
# that stop's rules were written, scored once with the stop's final code).
BATCH12_ANT = dict(BATCH5_ANT)
BATCH12_SNN = dict(BATCH5_SNN)
BATCH13_ANT = dict(BATCH5_ANT)
BATCH13_SNN = dict(BATCH5_SNN)
# Batches 14 and 15 (24 articles each, `dev14`, `dev15`, chosen at the start of stop 29 with the
# same quotas, khabar output saved from stop 28's code before any rule change, annotated blind while
# that stop's rules were written, scored once with the stop's final code).
BATCH14_ANT = dict(BATCH5_ANT)
BATCH14_SNN = dict(BATCH5_SNN)
BATCH15_ANT = dict(BATCH5_ANT)
BATCH15_SNN = dict(BATCH5_SNN)
# Batches 16 and 17 (`dev16`, `dev17`, chosen in stop 29 after batches 14 and 15 had been scored
# once, annotated blind while the stop's later rules were written, scored once with its final code).
BATCH16_ANT = dict(BATCH5_ANT)
BATCH16_SNN = dict(BATCH5_SNN)
BATCH17_ANT = dict(BATCH5_ANT)
BATCH17_SNN = dict(BATCH5_SNN)
# Batches 18 and 19 (`dev18`, `dev19`, chosen at the start of stop 30 with the same quotas, khabar
# output saved from stop 29's code before any rule change, annotated blind while that stop's rules
# were written, scored once with the stop's final code).
BATCH18_ANT = dict(BATCH5_ANT)
BATCH18_SNN = dict(BATCH5_SNN)
BATCH19_ANT = dict(BATCH5_ANT)
BATCH19_SNN = dict(BATCH5_SNN)
# Batches 20 and 21 (`dev20`, `dev21`, chosen in stop 30 after batches 18 and 19 had been scored
# once with stop 29's code, annotated blind while the stop's rules were written, scored once with
# its final code).
BATCH20_ANT = dict(BATCH5_ANT)
BATCH20_SNN = dict(BATCH5_SNN)
BATCH21_ANT = dict(BATCH5_ANT)
BATCH21_SNN = dict(BATCH5_SNN)
# Batches 22 and 23 (`dev22`, `dev23`, chosen in stop 30 after batches 20 and 21 had been scored
# once with the stop's code of then; annotated blind while the stop's last rules were written,
# scored once with its final code).
BATCH22_ANT = dict(BATCH5_ANT)
BATCH22_SNN = dict(BATCH5_SNN)
BATCH23_ANT = dict(BATCH5_ANT)
BATCH23_SNN = dict(BATCH5_SNN)
# Batches 24 and 25 (`dev24`, `dev25`, chosen in stop 30 after batches 22 and 23 had been scored
# once with its final code of then; annotated blind while its document-level linking was written,
# scored once with that code).
BATCH24_ANT = dict(BATCH5_ANT)
BATCH24_SNN = dict(BATCH5_SNN)
BATCH25_ANT = dict(BATCH5_ANT)
BATCH25_SNN = dict(BATCH5_SNN)
# Batches 26 and 27 (`dev26`, `dev27`, chosen at the start of stop 31, before any rule of that stop;
# khabar's output of 810eb2b saved at once, annotated blind while the stop's rules were written).
BATCH26_ANT = dict(BATCH5_ANT)
BATCH26_SNN = dict(BATCH5_SNN)
BATCH27_ANT = dict(BATCH5_ANT)
BATCH27_SNN = dict(BATCH5_SNN)
# Batches 28 and 29 (`dev28`, `dev29`, chosen in stop 31 after batches 26 and 27 had been scored once
# with its code of then (74c0d76); annotated blind while its last rules were written).
BATCH28_ANT = dict(BATCH5_ANT)
BATCH28_SNN = dict(BATCH5_SNN)
BATCH29_ANT = dict(BATCH5_ANT)
BATCH29_SNN = dict(BATCH5_SNN)
# Batches 30 and 31 (`dev30`, `dev31`, chosen in stop 31 after batches 28 and 29 had been scored once
# with its code of then (d80ed7b); annotated blind while its very last rules were written).
BATCH30_ANT = dict(BATCH5_ANT)
BATCH30_SNN = dict(BATCH5_SNN)
BATCH31_ANT = dict(BATCH5_ANT)
BATCH31_SNN = dict(BATCH5_SNN)
# Batches 32 and 33 (`dev32`, `dev33`, chosen at the start of stop 32, before any rule of that stop;
# khabar's output of 1ef2cf9 saved at once, annotated blind while the stop's first rules were written).
BATCH32_ANT = dict(BATCH5_ANT)
BATCH32_SNN = dict(BATCH5_SNN)
BATCH33_ANT = dict(BATCH5_ANT)
BATCH33_SNN = dict(BATCH5_SNN)
# Batches 34 and 35 (`dev34`, `dev35`, chosen mid stop 32 with the output of ce66696 saved at once;
# annotated blind while the stop's later rules were written).
BATCH34_ANT = dict(BATCH5_ANT)
BATCH34_SNN = dict(BATCH5_SNN)
BATCH35_ANT = dict(BATCH5_ANT)
BATCH35_SNN = dict(BATCH5_SNN)
# Batches 36 and 37 (`dev36`, `dev37`, chosen in stop 32 after batches 32 and 33 had been scored, with
# the output of 6040262 saved at once; annotated blind while the stop's last rules were written).
BATCH36_ANT = dict(BATCH5_ANT)
BATCH36_SNN = dict(BATCH5_SNN)
BATCH37_ANT = dict(BATCH5_ANT)
BATCH37_SNN = dict(BATCH5_SNN)
# Batches 38 and 39 (`dev38`, `dev39`, chosen at the start of stop 33, before any rule of that stop;
# khabar's output of 14e510a saved at once, annotated blind while the stop's first rules were written).
BATCH38_ANT = dict(BATCH5_ANT)
BATCH38_SNN = dict(BATCH5_SNN)
BATCH39_ANT = dict(BATCH5_ANT)
BATCH39_SNN = dict(BATCH5_SNN)
# Batches 40 and 41 (`dev40`, `dev41`, chosen in stop 33 after batches 38 and 39 had been scored, with
# the output of 9fcc6d0 saved at once; annotated blind while the stop's later rules were written).
BATCH40_ANT = dict(BATCH5_ANT)
BATCH40_SNN = dict(BATCH5_SNN)
BATCH41_ANT = dict(BATCH5_ANT)
BATCH41_SNN = dict(BATCH5_SNN)
# Batches 42 and 43 (`dev42`, `dev43`, chosen in stop 33 after batches 40 and 41 had been scored, with
# the output of f7e1970 saved at once; annotated blind while the stop's last rules were written).
BATCH42_ANT = dict(BATCH5_ANT)
BATCH42_SNN = dict(BATCH5_SNN)
BATCH43_ANT = dict(BATCH5_ANT)
BATCH43_SNN = dict(BATCH5_SNN)
# Batches 44 and 45 (`dev44`, `dev45`, chosen in stop 33 after batches 42 and 43 had been scored, with
# the output of 6570d14 saved at once; annotated blind while the stop's last rules were written).
BATCH44_ANT = dict(BATCH5_ANT)
BATCH44_SNN = dict(BATCH5_SNN)
BATCH45_ANT = dict(BATCH5_ANT)
BATCH45_SNN = dict(BATCH5_SNN)
# Batches 46 and 47 (`dev46`, `dev47`, chosen at the start of stop 34, before any rule of that stop;
# khabar's output of e715030 saved at once, annotated blind while the stop's first rules were written).
# From batch 46 on, a text already chosen in an earlier batch under another id is skipped (batch 45
# had repeated one of batch 21, batch 43 one of batch 42).
BATCH46_ANT = dict(BATCH5_ANT)
BATCH46_SNN = dict(BATCH5_SNN)
BATCH47_ANT = dict(BATCH5_ANT)
BATCH47_SNN = dict(BATCH5_SNN)
# Batches 48 and 49 (`dev48`, `dev49`, chosen in stop 34 after its first rules, with the output of
# 12bebe4 saved at once; annotated blind while the stop's later rules were written).
BATCH48_ANT = dict(BATCH5_ANT)
BATCH48_SNN = dict(BATCH5_SNN)
BATCH49_ANT = dict(BATCH5_ANT)
BATCH49_SNN = dict(BATCH5_SNN)
# Batches 50 to 53 (`dev50` … `dev53`, chosen at the start of stop 35, before any rule of that stop;
# khabar's output of 16320d3 saved at once, annotated blind while the stop's rules were written).
BATCH50_ANT = dict(BATCH5_ANT)
BATCH50_SNN = dict(BATCH5_SNN)
BATCH51_ANT = dict(BATCH5_ANT)
BATCH51_SNN = dict(BATCH5_SNN)
BATCH52_ANT = dict(BATCH5_ANT)
BATCH52_SNN = dict(BATCH5_SNN)
BATCH53_ANT = dict(BATCH5_ANT)
BATCH53_SNN = dict(BATCH5_SNN)
# Batches 54 to 57 (`dev54` … `dev57`, chosen at the start of stop 36, before any rule of that stop;
# khabar's output of 26f4e33 saved at once, annotated blind while the stop's rules were written).
BATCH54_ANT = dict(BATCH5_ANT)
BATCH54_SNN = dict(BATCH5_SNN)
BATCH55_ANT = dict(BATCH5_ANT)
BATCH55_SNN = dict(BATCH5_SNN)
BATCH56_ANT = dict(BATCH5_ANT)
BATCH56_SNN = dict(BATCH5_SNN)
BATCH57_ANT = dict(BATCH5_ANT)
BATCH57_SNN = dict(BATCH5_SNN)
# Batches 58 to 61 (`dev58` … `dev61`, chosen at the start of stop 37, before any rule of that stop;
# khabar's output of cf867cb saved at once, annotated blind while the stop's rules were written).
BATCH58_ANT = dict(BATCH5_ANT)
BATCH58_SNN = dict(BATCH5_SNN)
BATCH59_ANT = dict(BATCH5_ANT)
BATCH59_SNN = dict(BATCH5_SNN)
BATCH60_ANT = dict(BATCH5_ANT)
BATCH60_SNN = dict(BATCH5_SNN)
BATCH61_ANT = dict(BATCH5_ANT)
BATCH61_SNN = dict(BATCH5_SNN)
BATCHES = {
    "2": (BATCH2_ANT, BATCH2_SNN),
    "3": (BATCH3_ANT, BATCH3_SNN),
    "4": (BATCH4_ANT, BATCH4_SNN),
    "5": (BATCH5_ANT, BATCH5_SNN),
    "6": (BATCH6_ANT, BATCH6_SNN),
    "7": (BATCH7_ANT, BATCH7_SNN),
    "8": (BATCH8_ANT, BATCH8_SNN),
    "9": (BATCH9_ANT, BATCH9_SNN),
    "10": (BATCH10_ANT, BATCH10_SNN),
    "11": (BATCH11_ANT, BATCH11_SNN),
    "12": (BATCH12_ANT, BATCH12_SNN),
    "13": (BATCH13_ANT, BATCH13_SNN),
    "14": (BATCH14_ANT, BATCH14_SNN),
    "15": (BATCH15_ANT, BATCH15_SNN),
    "16": (BATCH16_ANT, BATCH16_SNN),
    "17": (BATCH17_ANT, BATCH17_SNN),
    "18": (BATCH18_ANT, BATCH18_SNN),
    "19": (BATCH19_ANT, BATCH19_SNN),
    "20": (BATCH20_ANT, BATCH20_SNN),
    "21": (BATCH21_ANT, BATCH21_SNN),
    "22": (BATCH22_ANT, BATCH22_SNN),
    "23": (BATCH23_ANT, BATCH23_SNN),
    "24": (BATCH24_ANT, BATCH24_SNN),
    "25": (BATCH25_ANT, BATCH25_SNN),
    "26": (BATCH26_ANT, BATCH26_SNN),
    "27": (BATCH27_ANT, BATCH27_SNN),
    "28": (BATCH28_ANT, BATCH28_SNN),
    "29": (BATCH29_ANT, BATCH29_SNN),
    "30": (BATCH30_ANT, BATCH30_SNN),
    "31": (BATCH31_ANT, BATCH31_SNN),
    "32": (BATCH32_ANT, BATCH32_SNN),
    "33": (BATCH33_ANT, BATCH33_SNN),
    "34": (BATCH34_ANT, BATCH34_SNN),
    "35": (BATCH35_ANT, BATCH35_SNN),
    "36": (BATCH36_ANT, BATCH36_SNN),
    "37": (BATCH37_ANT, BATCH37_SNN),
    "38": (BATCH38_ANT, BATCH38_SNN),
    "39": (BATCH39_ANT, BATCH39_SNN),
    "40": (BATCH40_ANT, BATCH40_SNN),
    "41": (BATCH41_ANT, BATCH41_SNN),
    "42": (BATCH42_ANT, BATCH42_SNN),
    "43": (BATCH43_ANT, BATCH43_SNN),
    "44": (BATCH44_ANT, BATCH44_SNN),
    "45": (BATCH45_ANT, BATCH45_SNN),
    "46": (BATCH46_ANT, BATCH46_SNN),
    "47": (BATCH47_ANT, BATCH47_SNN),
    "48": (BATCH48_ANT, BATCH48_SNN),
    "49": (BATCH49_ANT, BATCH49_SNN),
    "50": (BATCH50_ANT, BATCH50_SNN),
    "51": (BATCH51_ANT, BATCH51_SNN),
    "52": (BATCH52_ANT, BATCH52_SNN),
    "53": (BATCH53_ANT, BATCH53_SNN),
    "54": (BATCH54_ANT, BATCH54_SNN),
    "55": (BATCH55_ANT, BATCH55_SNN),
    "56": (BATCH56_ANT, BATCH56_SNN),
    "57": (BATCH57_ANT, BATCH57_SNN),
    "58": (BATCH58_ANT, BATCH58_SNN),
    "59": (BATCH59_ANT, BATCH59_SNN),
    "60": (BATCH60_ANT, BATCH60_SNN),
    "61": (BATCH61_ANT, BATCH61_SNN),
}
NO_REPEATED_TEXT_FROM = 46


def pick(path, key_of, quota, exclude, split=None, skip_repeats=False):
    kept, seen = {}, set()
    with open(path, encoding="utf-8") as fh:
        lines = list(fh)
    if skip_repeats:
        seen = {json.loads(line)["text"] for line in lines if json.loads(line)["id"] in exclude}
    for line in lines:
        d = json.loads(line)
        key = key_of(d)
        if key not in quota or d["id"] in exclude:
            continue
        t = d["text"]
        if t in seen or not 700 <= len(t) <= 3200 or len(CUE.findall(t)) < 3:
            continue
        seen.add(t)
        kept.setdefault(key, []).append(d["id"])
    rows = []
    for key, n in quota.items():
        for k, i in enumerate(rank(kept.get(key, []))[:n]):
            part = split or ("dev" if k < n // 3 else "heldout")
            rows.append((i, part, key if isinstance(key, str) else "/".join(key)))
    return rows


def main(argv):
    shared = argv[argv.index("--shared") + 1] if "--shared" in argv else os.path.join(HERE, "../../../shared")
    old = os.path.join(HERE, "../../tests/data/quotes_gold")
    exclude = {f[: -len(".gold.json")] for f in os.listdir(old) if f.endswith(".gold.json")}
    news = os.path.join(shared, "data/news")
    batch = argv[argv.index("--batch") + 1] if "--batch" in argv else "1"
    if batch in BATCHES:
        earlier_files = ["selection.tsv"] + [f"selection_batch{n}.tsv" for n in range(2, int(batch))]
        for earlier in earlier_files:
            with open(os.path.join(HERE, earlier), encoding="utf-8") as fh:
                exclude |= {line.split("\t")[0] for line in fh}
        ant, snn = BATCHES[batch]
        part = "dev" + batch
        skip = int(batch) >= NO_REPEATED_TEXT_FROM
        ant_path = os.path.join(news, "ant_bbc_cnn.jsonl")
        rows = pick(ant_path, lambda d: (d["source"], d["category"]), ant, exclude, part, skip)
        snn_path = os.path.join(news, "saudinewsnet_sample.jsonl")
        rows += pick(snn_path, lambda d: d["source"], snn, exclude, part, skip)
        for row in rows:
            print("\t".join(row))
        return
    rows = pick(os.path.join(news, "ant_bbc_cnn.jsonl"), lambda d: (d["source"], d["category"]), ANT_QUOTA, exclude)
    rows += pick(os.path.join(news, "saudinewsnet_sample.jsonl"), lambda d: d["source"], SNN_QUOTA, exclude)
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1:])
