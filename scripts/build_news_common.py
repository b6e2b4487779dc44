"""Build lexicons/generated/common_news.tsv: frequent words of real news that are not names.

A word is listed (label COMMON) when, in the ANT corpus (BBC/CNN Arabic 2018, 7,322 articles),
it occurs at least MIN_COUNT times, has at least 3 letters, is not already a lexicon entry of
another kind (name, place, organization, title, cue, …) nor a word of one, and is almost never preceded by a
word that introduces names — a given name, a title, a speech verb or a demonym — (at most
MAX_NAME_CONTEXT of its occurrences): names such as سالفيني follow them often (قال سالفيني،
ماتيو سالفيني), common nouns such as إدارة hardly ever. khabar's person rules never take a
COMMON word as part of a name.

usage: python scripts/build_news_common.py [NEWS.jsonl]   (default ../shared/data/news/ant_bbc_cnn.jsonl)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from khabar.document import Document
from khabar.gazetteer import compile_gazetteer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicons" / "generated" / "common_news.tsv"
DEFAULT_NEWS = ROOT.parent / "shared" / "data" / "news" / "ant_bbc_cnn.jsonl"
MIN_COUNT = 20
MAX_NAME_CONTEXT = 0.05
NAME_CONTEXT = {"GIVEN", "TITLE", "CUE", "DEMONYM"}  # words that come right before names
LABELLED = {"PER", "LOC", "ORG", "GIVEN", "TITLE", "CUE", "DEMONYM", "DESC", "ORG_TRIGGER", "LOC_TRIGGER"}


def count(news: Path) -> tuple[Counter, Counter, dict[str, Counter]]:
    gaz = compile_gazetteer([], use_cache=False)
    before_names = {key for key, slot in gaz.phrases.items() if slot.keys() & NAME_CONTEXT}
    freq: Counter = Counter()
    after_name: Counter = Counter()
    spellings: dict[str, Counter] = {}
    with open(news, encoding="utf-8") as fh:
        for line in fh:
            doc = Document(json.loads(line)["text"])
            for i, norm in enumerate(doc.norms):
                freq[norm] += 1
                spellings.setdefault(norm, Counter())[doc.words[i]] += 1
                if i and doc.joins[i - 1] and any(stem in before_names for _, stem in doc.splits[i - 1]):
                    after_name[norm] += 1
    labelled = {key for key, slot in gaz.phrases.items() if slot.keys() & LABELLED}
    # words inside multi-word names (تل أبيب، أديس أبابا) are parts of names, not common words
    labelled |= {w for key, slot in gaz.phrases.items() if " " in key and slot.keys() & LABELLED for w in key.split()}
    for key in list(freq):
        if key in labelled or len(key) < 3 or not ("\u0621" <= key[0] <= "\u064a"):
            del freq[key]
    return freq, after_name, spellings


def main(argv: list[str]) -> None:
    news = Path(argv[0]) if argv else DEFAULT_NEWS
    if not news.exists():
        sys.exit(f"build_news_common: {news} not found (the ANT corpus JSON lines; pass its path)")
    freq, after_name, spellings = count(news)
    rows = []
    for key, n in sorted(freq.items()):
        if n >= MIN_COUNT and after_name[key] <= MAX_NAME_CONTEXT * n:
            surface = spellings[key].most_common(1)[0][0]
            rows.append(f"{surface}\tCOMMON\t\t\tcount={n}")
    sha = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    header = [
        "# source: ANT corpus v2.1 (antcorpus/antcorpus.multisource.data; BBC Arabic and CNN Arabic, 2018; "
        "cite Chouigui et al.): words with at least "
        f"{MIN_COUNT} occurrences, at most {MAX_NAME_CONTEXT:.0%} of them right after a given name, title, "
        "speech verb or demonym, "
        "and no other lexicon label",
        "# licence: Apache-2.0",
        f"# generated-by: scripts/build_news_common.py sha256={sha}",
        "# format: lexicons/FORMAT.md; do not edit by hand, re-run the generator",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} common words to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
