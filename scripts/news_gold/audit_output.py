"""Count what users of other outlets would call junk in khabar's output over a corpus run.

usage: khabar extract -q CORPUS.jsonl > OUT.jsonl
       python scripts/news_gold/audit_output.py OUT.jsonl --corpus CORPUS.jsonl [--top 25] [--labels TSV]

Prints, for the run in OUT.jsonl:
- quotes whose speaker is a dateline place: a place named in the document's opening dateline
  ("دبي، الإمارات العربية المتحدة (CNN)--", "الرياض - واس"; found by clauses.dateline_end), with
  the speaker's own mention, if any, inside the dateline;
- quotes whose speaker is a bare role word (رئيس، مدير، عضو، وكيل، سموه، الوزارة …, the speaker text
  alone) left unresolved;
- PER mentions that are a single function word, a title, or a form with a proclitic kept
  (لترامب, whose first word is no name while the word without its first letter is; ل + ال
  contracted, للأسد → لأسد, is the written name and not counted), by class;
- with ``--labels scripts/news_gold/junk_labels.tsv``: the flagged mentions that are junk by hand
  judgement (the flag also catches names such as فريمان، كروز، برايس), and flagged forms not judged;
- the most frequent speakers and PER mentions (to read the top of each list for junk).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from khabar import Pipeline
from khabar.extractors.clauses import dateline_end
from khabar.extractors.context import FUNCTION_WORDS
from khabar.text import normalize

BARE_ROLES = {
    normalize(w)
    for w in """رئيس الرئيس مدير المدير عضو وكيل الوكيل نائب المتحدث الناطق الوزير وزير سموه معاليه سعادته
    الوزارة الشركة الصحيفة الوكالة الهيئة الفريق المدرب المشرف التقرير البيان الجامعة المحكمة""".split()
}


def main(argv: list[str]) -> None:
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25
    gaz = Pipeline(use_env=False).gazetteer
    speakers, pers = Counter(), Counter()
    dateline = bare = bare_resolved = quotes = 0
    junk = Counter()
    judged = _labels(argv[argv.index("--labels") + 1]) if "--labels" in argv else None
    real_junk, unjudged = 0.0, Counter()
    corpus = argv[argv.index("--corpus") + 1]
    texts = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    with open(argv[0], encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    in_dateline: dict[object, set[str]] = {}  # doc → canonical names of places inside its dateline
    ends = {doc: dateline_end(text, lambda: True) for doc, text in texts.items()}
    for r in records:
        if r["type"] == "entity" and r["label"] == "LOC" and r["end"] <= ends.get(r["doc"], 0):
            in_dateline.setdefault(r["doc"], set()).add(r["canonical"])
    for r in records:
        if r["type"] == "quote":
            quotes += 1
            sp = r["speaker"] or {}
            name = sp.get("canonical") or sp.get("text") or "(none)"
            speakers[name] += 1
            own_inside = sp.get("start") is None or sp["end"] <= ends.get(r["doc"], 0)
            if sp.get("label") == "LOC" and own_inside and sp.get("canonical") in in_dateline.get(r["doc"], ()):
                dateline += 1
            text = normalize(sp.get("text") or "")
            if text in BARE_ROLES:
                bare += 1
                bare_resolved += sp.get("resolved", False) or sp.get("canonical") != sp.get("text")
        elif r["type"] == "entity" and r["label"] == "PER":
            pers[r["text"]] += 1
            text = texts.get(r["doc"], "")
            contracted = r["start"] > 0 and text[r["start"] - 1 : r["start"] + 1] == "لل"  # للأسد → ل + لأسد
            kind = None if contracted else _junk_class(gaz, r["text"])
            junk[kind] += 1
            if kind and judged is not None:
                if (r["text"], kind) in judged:
                    real_junk += judged[r["text"], kind]
                else:
                    unjudged[r["text"]] += 1
    junk.pop(None, None)
    print(
        f"quotes {quotes}; speaker a dateline place: {dateline}; speaker a bare role word: {bare} "
        f"({bare_resolved} of them resolved to a named entity, {bare - bare_resolved} left as the word)"
    )
    print(
        "junk PER mentions: " + ", ".join(f"{k} {v}" for k, v in sorted(junk.items())) + f"; total {sum(junk.values())}"
    )
    if judged is not None:
        print(
            f"junk by hand judgement: about {real_junk:.0f} of {sum(junk.values())} flagged; "
            f"{sum(unjudged.values())} flagged mentions of forms not judged: "
            + "; ".join(f"{k} {v}" for k, v in unjudged.most_common(10))
        )
    print("top speakers: " + "; ".join(f"{k} {v}" for k, v in speakers.most_common(top)))
    print("top PER mentions: " + "; ".join(f"{k} {v}" for k, v in pers.most_common(top)))


def _labels(path: str) -> dict[tuple[str, str], float]:
    """(form, class) → junk fraction, from a junk_labels.tsv file."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    for form, kind, _, fraction, *_ in rows[1:]:
        out[form, kind] = float(fraction)
    return out


def _junk_class(gaz, text: str) -> str | None:
    norm = normalize(text)
    labels = gaz.phrases.get(norm, {})
    if " " not in norm and norm in FUNCTION_WORDS | {"لي", "ولي"}:
        return "function word"
    if "TITLE" in labels and "PER" not in labels and "GIVEN" not in labels:
        return "title"
    first = norm.split()[0]
    if first[:1] in "وفبلك" and len(first) > 3:
        own = gaz.phrases.get(first, {})  # فريد، بسام، لبنى are names themselves
        stem = gaz.phrases.get(first[1:], {})
        if not own.keys() & {"PER", "GIVEN", "SURNAME"} and stem.keys() & {"PER", "GIVEN", "SURNAME"}:
            return "proclitic kept"
    return None


if __name__ == "__main__":
    main(sys.argv[1:])
