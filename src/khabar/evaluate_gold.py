"""Scoring hand-annotated articles (``X.gold.json`` beside ``X.txt``): entities per label, quotes
and speakers, by the rules of ``tests/tools/score_gold.py`` (the judges' scorer; a test keeps the
two equal)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from khabar.evaluate import EvalError, prf, prf_dict, ratio

# Entities match on label and exact span (or an alt_span), and one overlapping an optional gold
# mention is not counted; a quote matches the unused gold quote it overlaps most, when the overlap
# is at least half their union; its speaker is right when the canonical name or the mention equals
# the gold canonical name or one of its alts after light normalisation. Optional gold quotes are
# neither credited nor penalised; quotes of kinds other than direct/indirect/mixed are not scored.

_DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
QUOTE_KINDS = (None, "direct", "indirect", "mixed")


def gold_norm(s: str | None) -> str:
    """The scorer's light normalisation: no diacritics or tatweel, one alef, ى→ي, ة→ه."""
    if not s:
        return ""
    s = _DIAC.sub("", s)
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"[\s\-‐–—_]+", " ", s).strip()


@dataclass
class GoldReport:
    """Counts over one or more articles; ``notes`` lists misses and false positives."""

    entities: dict[str, list[int]] = field(default_factory=dict)  # label → [tp, fp, fn]
    quotes: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn
    speakers_right: int = 0
    optional_matched: int = 0
    other_kinds: int = 0
    articles: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: GoldReport) -> None:
        for label, counts in other.entities.items():
            mine = self.entities.setdefault(label, [0, 0, 0])
            for k in range(3):
                mine[k] += counts[k]
        for k in range(3):
            self.quotes[k] += other.quotes[k]
        self.speakers_right += other.speakers_right
        self.optional_matched += other.optional_matched
        self.other_kinds += other.other_kinds
        self.articles += other.articles
        self.notes += other.notes


def score_gold(gold: dict, records: list[dict]) -> GoldReport:
    """Score one article's records against its gold annotation (the X.gold.json format)."""
    report = GoldReport(articles=1)
    _score_gold_entities(report, gold, [r for r in records if r.get("type") == "entity"])
    quotes = [r for r in records if r.get("type") == "quote"]
    report.other_kinds = sum(q.get("kind") not in QUOTE_KINDS for q in quotes)
    _score_gold_quotes(report, gold, [q for q in quotes if q.get("kind") in QUOTE_KINDS])
    return report


def _score_gold_entities(report: GoldReport, gold: dict, ents: list[dict]) -> None:
    stats = report.entities = {g["label"]: [0, 0, 0] for g in gold["entities"]}
    matched: set[int] = set()
    for e in ents:
        lab, s, t = e.get("label"), e.get("start"), e.get("end")
        hit = next(
            (
                i
                for i, g in enumerate(gold["entities"])
                if i not in matched
                and g["label"] == lab
                and [s, t] in [[g["start"], g["end"]], *g.get("alt_spans", [])]
            ),
            None,
        )
        if hit is not None:
            matched.add(hit)
            stats[lab][0] += 1
        elif not any(o["start"] < t and s < o["end"] for o in gold.get("optional_entities", [])):
            if lab in stats:
                stats[lab][1] += 1
            report.notes.append(f"entity FP {lab} {s} {t} {e.get('text')}")
    for i, g in enumerate(gold["entities"]):
        if i not in matched:
            stats[g["label"]][2] += 1
            report.notes.append(f"entity FN {g['label']} {g['start']} {g['end']} {g.get('text')}")


def _score_gold_quotes(report: GoldReport, gold: dict, quotes: list[dict]) -> None:
    used: set[int] = set()
    tp = spk_ok = opt_hits = 0
    for q in quotes:
        s, t = (q.get("quote") or {}).get("start"), (q.get("quote") or {}).get("end")
        if s is None or t is None:
            continue
        best, best_j = 0.0, None
        for j, g in enumerate(gold["quotes"]):
            if j in used:
                continue
            gs, gt = g["quote"]["start"], g["quote"]["end"]
            union = max(t, gt) - min(s, gs)
            share = max(0, min(t, gt) - max(s, gs)) / union if union else 0.0
            if share > best:
                best, best_j = share, j
        if best_j is None or best < 0.5:
            report.notes.append(f"quote FP {s} {t} {(q.get('quote') or {}).get('text', '')[:60]}")
            continue
        used.add(best_j)
        g = gold["quotes"][best_j]
        if g.get("optional"):
            opt_hits += 1
            continue
        tp += 1
        sp = q.get("speaker") or {}
        names = {gold_norm(sp.get("canonical")), gold_norm(sp.get("text"))} - {""}
        accepted = {gold_norm(g["speaker"]["canonical"])} | {gold_norm(a) for a in g["speaker"].get("alts", [])}
        if names & accepted:
            spk_ok += 1
        else:
            got = sp.get("canonical") or sp.get("text")
            report.notes.append(f"speaker wrong at {g['cue']['text']}: gold {g['speaker']['canonical']}, got {got}")
    required = [j for j, g in enumerate(gold["quotes"]) if not g.get("optional")]
    report.notes += [
        f"quote FN {gold['quotes'][j]['cue']['text']} {gold['quotes'][j]['quote'].get('text', '')[:60]}"
        for j in required
        if j not in used
    ]
    report.quotes = [tp, len(quotes) - tp - opt_hits, len(required) - tp]
    report.speakers_right, report.optional_matched = spk_ok, opt_hits


def gold_summary(report: GoldReport) -> dict:
    """The numbers of a gold-set run as one JSON-ready object."""
    tp, fp, fn = report.quotes
    qp, qr, qf = prf(tp, fp, fn)
    ents = {lab: prf_dict(*c) for lab, c in sorted(report.entities.items())}
    tot = [sum(c[k] for c in report.entities.values()) for k in range(3)]
    return {
        "articles": report.articles,
        "quotes": {"precision": qp, "recall": qr, "f1": qf, "tp": tp, "fp": fp, "fn": fn},
        "speakers": {
            "right": report.speakers_right,
            "gold": tp + fn,
            "accuracy": ratio(report.speakers_right, tp + fn),
        },
        "entities": {**ents, "all": prf_dict(*tot)} if ents else {},
        "optional_matched": report.optional_matched,
        "other_kinds": report.other_kinds,
    }


def format_gold_report(report: GoldReport, errors: int = 0) -> str:
    s = gold_summary(report)
    lines = [
        f"entity {lab}: P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f} "
        f"(tp={v['tp']} fp={v['fp']} fn={v['fn']})"
        for lab, v in s["entities"].items()
        if lab != "all"
    ]
    q, sp, e = s["quotes"], s["speakers"], s["entities"].get("all")
    if e:  # gold sets of quotes only have no entity annotation
        lines.append(f"entity all: P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f}")
    if errors:
        lines += ["-- errors", *report.notes[:errors]]
    lines.append(
        f"quotes: P={q['precision']:.3f} R={q['recall']:.3f} F1={q['f1']:.3f} "
        f"(tp={q['tp']} fp={q['fp']} fn={q['fn']}; {report.articles} articles)"
    )
    lines.append(f"speakers right: {sp['right']} of {sp['gold']} gold quotes ({sp['accuracy']:.3f})")
    return "\n".join(lines)


def gold_files(path: str | Path) -> list[Path]:
    """A ``.gold.json`` file, or every one in a folder."""
    path = Path(path)
    return sorted(path.glob("*.gold.json")) if path.is_dir() else [path]


def load_gold(path: Path) -> tuple[dict, str]:
    """The gold annotation and its article's text (``X.txt`` beside ``X.gold.json``, or the
    gold's ``document`` name in the same folder)."""
    from khabar.reader import read_file

    try:
        gold = json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as exc:
        raise EvalError(f"{path}: not a JSON gold file ({exc})") from None
    if not isinstance(gold, dict) or "quotes" not in gold or "entities" not in gold:
        raise EvalError(f"{path}: not a gold file (needs 'entities' and 'quotes' lists)")
    candidates = [path.with_name(path.name.removesuffix(".gold.json") + ".txt")]
    if gold.get("document"):
        candidates.append(path.with_name(Path(str(gold["document"])).name))
    article = next((c for c in candidates if c.is_file()), None)
    if article is None:
        raise EvalError(f"{path}: no article text beside it (looked for {candidates[0].name})")
    return gold, read_file(article, str(article))


def evaluate_gold(pipeline, path: str | Path, pred: str | Path | None = None) -> GoldReport:
    """Score hand-annotated articles: run the pipeline on each, or read saved records (``pred``,
    JSON lines; with several articles, a record goes to the article its ``doc`` names)."""
    files = gold_files(path)
    if not files:
        raise EvalError(f"{path}: no *.gold.json files")
    saved = _read_records(Path(pred)) if pred else None
    report = GoldReport()
    for f in files:
        gold, text = load_gold(f)
        if saved is None:
            records = pipeline.extract(text, f.name)
        elif len(files) == 1:
            records = saved
        else:
            names = {f.name.removesuffix(".gold.json"), Path(str(gold.get("document", ""))).stem}
            records = [r for r in saved if Path(str(r.get("doc"))).name.removesuffix(".txt") in names]
        report.add(score_gold(gold, records))
    return report


def _read_records(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError:
                    raise EvalError(f"{path}:{n}: not a JSON line") from None
    return records
