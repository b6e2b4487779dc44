"""Build lexicons/generated/common_news.tsv: frequent words of real news that are not names.

A word is listed (label COMMON) when, in the ANT corpus (BBC/CNN Arabic 2018, 7,322 articles),
it occurs at least MIN_COUNT times, has at least 3 letters, is not already a lexicon entry of
another kind (a name, place, organization, title, cue, …; given names may be listed) nor a person,
place or organization behind a proclitic (وفرنسا، لإيران), and is almost never preceded by a
word that introduces names — a given name, a speech verb, a demonym or a name link (بن، آل) — (at most
MAX_NAME_CONTEXT of its occurrences): names such as سالفيني follow them often (قال سالفيني،
ماتيو سالفيني), common nouns such as إدارة hardly ever. Titles are not counted: they are
followed as often by the rest of a compound title (مدير إدارة، رئيس مجلس) as by names.
khabar's person rules never take a COMMON word as part of a name.

usage: python scripts/build_news_common.py [NEWS.jsonl]   (default ../shared/data/news/ant_bbc_cnn.jsonl)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from khabar.document import Document
from khabar.extractors.context import FUNCTION_WORDS, MIN_GIVEN_COUNT, NAME_LINKS
from khabar.gazetteer import Gazetteer, builtin_files
from khabar.lexicon import load_lexicons
from khabar.text import clitic_splits, normalize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicons" / "generated" / "common_news.tsv"
DEFAULT_NEWS = ROOT.parent / "shared" / "data" / "news" / "ant_bbc_cnn.jsonl"
MIN_COUNT = 20
MAX_NAME_CONTEXT = 0.05
NAME_CONTEXT = {"GIVEN", "CUE", "DEMONYM"}  # words that come right before names
# Given names are not excluded: سبيل (على سبيل المثال) and أمل are words first, names in context.
PROPER = {"PER", "LOC", "ORG"}
LABELLED = {"PER", "LOC", "ORG", "TITLE", "CUE", "DEMONYM", "DESC", "ORG_TRIGGER", "LOC_TRIGGER"}


def _introduces_names(gaz, key: str, slot: dict) -> bool:
    """A title, speech verb or demonym; or a given name that is not also a common word."""
    if slot.keys() & (NAME_CONTEXT - {"GIVEN"}):
        return True
    if "GIVEN" not in slot or key in gaz.common:
        return False
    return int(gaz.info(slot["GIVEN"]).attr("count", "0") or 0) >= MIN_GIVEN_COUNT


def _function_word(doc: Document, i: int) -> bool:
    """على (normalised like the name علي), في, من …: never a name introducer."""
    return doc.norms[i] in FUNCTION_WORDS or doc.words[i].endswith("ى")


def count(news: Path) -> tuple[Counter, Counter, dict[str, Counter]]:
    # Every built-in lexicon but this generator's own output, so re-running gives the same bytes.
    files = [f for f in builtin_files() if f.name != OUT.name]
    gaz = Gazetteer(load_lexicons(files, normalize))
    before_names = {key for key, slot in gaz.phrases.items() if _introduces_names(gaz, key, slot)}
    freq: Counter = Counter()
    after_name: Counter = Counter()
    spellings: dict[str, Counter] = {}
    with open(news, encoding="utf-8") as fh:
        for line in fh:
            doc = Document(json.loads(line)["text"])
            for i, norm in enumerate(doc.norms):
                freq[norm] += 1
                spellings.setdefault(norm, Counter())[doc.words[i]] += 1
                prev = i - 1
                introduced = i and doc.joins[prev] and not _function_word(doc, prev)
                if introduced and any(stem in before_names for _, stem in doc.splits[prev]):
                    after_name[norm] += 1
                elif introduced and doc.norms[prev] in NAME_LINKS:
                    after_name[norm] += 1  # سلمان بن عبدالعزيز، آل الشيخ: a name link is name context
    labelled = {key for key, slot in gaz.phrases.items() if slot.keys() & LABELLED}
    proper = {key for key, slot in gaz.phrases.items() if slot.keys() & PROPER}
    for key in list(freq):
        if key in labelled or len(key) < 3 or not ("\u0621" <= key[0] <= "\u064a"):
            del freq[key]
        elif any(stem in proper for _, stem in clitic_splits(key)[1:]):
            del freq[key]  # وفرنسا، لإيران: a name behind a proclitic
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
        f"{MIN_COUNT} occurrences, at most {MAX_NAME_CONTEXT:.0%} of them right after a given name, "
        "speech verb, demonym or name link (بن، آل، أبو), "
        "and no other lexicon label",
        "# licence: Apache-2.0",
        f"# generated-by: scripts/build_news_common.py sha256={sha}",
        "# format: lexicons/FORMAT.md; do not edit by hand, re-run the generator",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} common words to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
