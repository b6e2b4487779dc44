"""Scores on hand-annotated gold, with the judges' scorer: the seed article and the quote set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, SAMPLES, score

from khabar import Pipeline

SEED_GOLD = DATA / "seed" / "rafah_meeting.gold.json"
QUOTE_GOLD = sorted((DATA / "quotes_gold").glob("*.gold.json"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (SAMPLES / "rafah_meeting.txt").read_text(encoding="utf-8")


def test_seed_article_scores(pipeline, seed_text):
    s = score(SEED_GOLD, pipeline.extract(seed_text, "rafah_meeting.txt"))
    assert s["entity_f1"] >= 0.95, s["report"]
    assert s["quote_f1"] >= 0.90, s["report"]
    assert s["spk_ok"] >= 12, s["report"]


def test_seed_persons_found_by_rules_alone(seed_text):
    """With the built-in person entries off, titles, cues and resolution still find the people."""
    records = Pipeline(builtin_persons=False, use_env=False).extract(seed_text, "rafah_meeting.txt")
    assert not any(r.get("source", "").startswith("persons.tsv") for r in records)
    report = score(SEED_GOLD, records)["report"]
    per = next(line for line in report.splitlines() if line.startswith("entity PER"))
    f1 = float(per.split("F1=")[1].split()[0])
    assert f1 >= 0.80, report


def test_quote_gold_set(pipeline):
    """Totals over the hand-annotated BBC/CNN quote set (tests/data/quotes_gold)."""
    tp = fp = fn = spk = 0
    for gold in QUOTE_GOLD:
        text = (gold.parent / gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        s = score(gold, pipeline.extract(text, gold.name))
        tp, fp, fn, spk = tp + s["qtp"], fp + s["qfp"], fn + s["qfn"], spk + s["spk_ok"]
    precision, recall, speakers = tp / (tp + fp), tp / (tp + fn), spk / (tp + fn)
    assert len(QUOTE_GOLD) >= 12
    assert precision >= 0.85 and recall >= 0.80 and speakers >= 0.85, (precision, recall, speakers)


def test_offsets_are_exact_everywhere(pipeline):
    texts = [SAMPLES / "rafah_meeting.txt", *(g.parent / g.name.replace(".gold.json", ".txt") for g in QUOTE_GOLD)]
    for path in texts:
        text = Path(path).read_text(encoding="utf-8")
        for r in pipeline.extract(text, path.name):
            spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
            for s in spans:
                if s and s.get("start") is not None:
                    assert text[s["start"] : s["end"]] == s["text"], (path.name, s)


NEWS_GOLD = sorted((DATA / "news_gold").glob("*.gold.json"))


def _news_totals(pipeline, split: str) -> dict[str, float]:
    tot = {"qtp": 0.0, "qfp": 0.0, "qfn": 0.0, "spk_ok": 0.0}
    for gold in NEWS_GOLD:
        if json.loads(gold.read_text(encoding="utf-8"))["split"] != split:
            continue
        text = (gold.parent / gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        s = score(gold, pipeline.extract(text, gold.name))
        for k in tot:
            tot[k] += s[k]
    return tot


@pytest.mark.parametrize(
    "split, min_speakers, min_recall",
    [
        ("dev", 0.65, 0.75),
        ("dev2", 0.55, 0.85),
        ("dev3", 0.70, 0.90),
        ("dev4", 0.60, 0.85),
        ("dev5", 0.75, 0.80),
        ("dev6", 0.70, 0.80),
        ("dev7", 0.65, 0.85),
        ("dev8", 0.70, 0.90),
        ("dev9", 0.65, 0.75),
        ("dev10", 0.80, 0.90),
        ("dev11", 0.65, 0.80),
        ("dev12", 0.60, 0.80),
        ("dev13", 0.55, 0.90),
        ("dev14", 0.70, 0.90),
        ("dev15", 0.80, 0.90),
        ("dev16", 0.70, 0.90),
        ("dev17", 0.70, 0.85),
        ("dev18", 0.80, 0.90),
        ("dev19", 0.60, 0.85),
        ("dev20", 0.70, 0.75),
        ("dev21", 0.75, 0.90),
        ("dev22", 0.70, 0.85),
        ("dev23", 0.65, 0.85),
        ("dev24", 0.55, 0.80),
        ("dev25", 0.65, 0.85),
        ("dev26", 0.70, 0.85),
        ("dev27", 0.65, 0.80),
        ("dev28", 0.80, 0.90),
        ("dev29", 0.60, 0.80),
        ("dev30", 0.70, 0.90),
        ("dev31", 0.70, 0.85),
        ("dev32", 0.70, 0.80),
        ("dev33", 0.65, 0.85),
        ("dev34", 0.65, 0.90),
        ("dev35", 0.75, 0.90),
        ("dev36", 0.55, 0.75),
        ("dev37", 0.65, 0.90),
        ("dev38", 0.70, 0.85),
        ("dev39", 0.75, 0.90),
        ("dev40", 0.80, 0.90),
        ("dev41", 0.75, 0.80),
        ("dev42", 0.75, 0.90),
        ("dev43", 0.70, 0.85),
        ("dev44", 0.75, 0.90),
        ("dev45", 0.75, 0.85),
        ("dev46", 0.55, 0.90),
        ("dev47", 0.70, 0.90),
        ("dev48", 0.85, 0.90),
        ("dev49", 0.75, 0.90),
        ("dev50", 0.75, 0.90),
        ("dev51", 0.75, 0.90),
        ("dev52", 0.55, 0.80),
        ("dev53", 0.65, 0.75),
        ("dev54", 0.80, 0.90),
        ("dev55", 0.80, 0.90),
        ("dev56", 0.70, 0.90),
        ("dev57", 0.75, 0.90),
        ("dev58", 0.70, 0.90),
        ("dev59", 0.75, 0.90),
        ("dev60", 0.75, 0.85),
        ("dev61", 0.60, 0.85),
        ("heldout", 0.60, 0.80),
    ],
)
def test_news_gold_speakers(pipeline, split, min_speakers, min_recall):
    """The BBC/CNN half of the news gold set (tests/data/news_gold): the speaker of each gold
    quote and the quotes found, per split; floors a little under the measured values."""
    t = _news_totals(pipeline, split)
    gold = t["qtp"] + t["qfn"]
    assert len(NEWS_GOLD) == 622 and gold >= 40
    assert t["spk_ok"] / gold >= min_speakers, t
    assert t["qtp"] / gold >= min_recall, t


def test_news_gold_offsets_are_exact(pipeline):
    for gold in NEWS_GOLD:
        path = gold.parent / gold.name.replace(".gold.json", ".txt")
        text = path.read_text(encoding="utf-8")
        for r in pipeline.extract(text, path.name):
            spans = [r] if r["type"] == "entity" else [r["cue"], r["quote"], r["speaker"]]
            for s in spans:
                if s and s.get("start") is not None:
                    assert text[s["start"] : s["end"]] == s["text"], (path.name, s)
