"""Entity evaluation on CoNLL files (``token TAG``), computed exactly like
``shared/tools/eval_conll.py``: tokens joined by one space, sentences by a newline, every
``doc_sentences`` sentences one document; each token a mention overlaps takes its label
(B- on the first token), and CoNLL exact-match P/R/F1 per type and micro over PER, LOC, ORG.
``evaluate_predicted`` scores a CoNLL file of predicted tags (``khabar extract --format conll``)
against the gold tokens the same way, without running the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import KhabarError

GOLD_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "GPE": "LOC"}
TYPES = ("PER", "LOC", "ORG")
DOC_MARKS = ("# doc:", "-DOCSTART-")


class EvalError(KhabarError):
    """A gold or predicted file cannot be scored (e.g. its tokens differ from the gold's)."""


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag); ``# doc: ID`` and ``-DOCSTART-`` lines only separate documents."""
    sents, cur = [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith(DOC_MARKS):
                line = ""
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            parts = line.split()
            cur.append((parts[0], parts[-1]) if len(parts) > 1 else (parts[0], "O"))
    if cur:
        sents.append(cur)
    return sents


def spans_from_tags(tags: list[str]) -> list[tuple[str, int, int]]:
    out, cur = [], None
    for i, tag in enumerate([*tags, "O"]):
        pre, _, typ = tag.partition("-")
        typ = GOLD_MAP.get(typ.upper()) if typ else None
        if pre.upper() == "B" or (pre.upper() == "I" and (cur is None or cur[0] != typ)):
            if cur:
                out.append(tuple(cur))
            cur = [typ, i, i] if typ else None
        elif pre.upper() == "I" and cur:
            cur[2] = i
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    return [s for s in out if s[0] in TYPES]


@dataclass
class Report:
    stats: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in TYPES})
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def build_documents(sents, doc_sentences: int):
    docs = []
    for d in range(0, len(sents), doc_sentences):
        parts, offs, tags, pos = [], [], [], 0
        for s in sents[d : d + doc_sentences]:
            for j, (tok, tag) in enumerate(s):
                if j:
                    parts.append(" ")
                    pos += 1
                offs.append((pos, pos + len(tok)))
                parts.append(tok)
                pos += len(tok)
                tags.append(tag)
            parts.append("\n")
            pos += 1
        docs.append(("".join(parts), offs, tags))
    return docs


def _system_tags(entities, offs) -> list[str]:
    tags = ["O"] * len(offs)
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        toks = [i for i, (s, t) in enumerate(offs) if s < e.end and e.start < t]
        if not toks or any(tags[i] != "O" for i in toks):
            continue
        for k, i in enumerate(toks):
            tags[i] = ("B-" if k == 0 else "I-") + e.label
    return tags


def evaluate_conll(pipeline, path: str | Path, doc_sentences: int = 20) -> Report:
    """Run the pipeline's entity extraction over a CoNLL file and score it."""
    report = Report()
    for text, offs, gold_tags in build_documents(read_conll(path), doc_sentences):
        ents = [e for e in pipeline.run(text).entities if e.label in TYPES]
        _score_document(report, text, offs, gold_tags, _system_tags(ents, offs))
    return report


def evaluate_predicted(gold_path: str | Path, pred_path: str | Path, doc_sentences: int = 20) -> Report:
    """Score predicted tags (a CoNLL file over the gold's tokens) against the gold tags."""
    gold, pred = read_conll(gold_path), read_conll(pred_path)
    _check_aligned(gold, pred, pred_path)
    report = Report()
    gold_docs, pred_docs = build_documents(gold, doc_sentences), build_documents(pred, doc_sentences)
    for (text, offs, gold_tags), (_, _, pred_tags) in zip(gold_docs, pred_docs, strict=True):
        _score_document(report, text, offs, gold_tags, pred_tags)
    return report


def _check_aligned(gold: list, pred: list, pred_path: str | Path) -> None:
    for n, (g, p) in enumerate(zip(gold, pred, strict=False), 1):
        if [t for t, _ in g] != [t for t, _ in p]:
            k = next((k for k, (a, b) in enumerate(zip(g, p, strict=False)) if a[0] != b[0]), min(len(g), len(p)))
            got = p[k][0] if k < len(p) else "(end of sentence)"
            want = g[k][0] if k < len(g) else "(end of sentence)"
            raise EvalError(f"{pred_path}: sentence {n}, token {k + 1} is {got!r} where the gold has {want!r}")
    if len(gold) != len(pred):
        raise EvalError(f"{pred_path}: {len(pred)} sentences where the gold has {len(gold)}")


def _score_document(report: Report, text: str, offs: list, gold_tags: list[str], pred_tags: list[str]) -> None:
    gold = set(spans_from_tags(gold_tags))
    pred = set(spans_from_tags(pred_tags))
    for t in TYPES:
        g = {s for s in gold if s[0] == t}
        p = {s for s in pred if s[0] == t}
        report.stats[t][0] += len(g & p)
        report.stats[t][1] += len(p - g)
        report.stats[t][2] += len(g - p)

    def show(sp):
        a, b = offs[sp[1]][0], offs[sp[2]][1]
        return f"{sp[0]} {text[a:b]}  | {text[max(0, a - 40) : b + 40]!r}"

    report.false_positives += [show(s) for s in pred - gold]
    report.misses += [show(s) for s in gold - pred]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def format_report(report: Report, errors: int = 0) -> str:
    lines = []
    for t in TYPES:
        p, r, f = prf(*report.stats[t])
        tp, fp, fn = report.stats[t]
        lines.append(f"{t}: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    if errors:
        lines += ["-- false positives", *report.false_positives[:errors], "-- misses", *report.misses[:errors]]
    tot = [sum(report.stats[t][k] for t in TYPES) for k in range(3)]
    p, r, f = prf(*tot)
    lines.append(f"micro PER+LOC+ORG: P={p:.3f} R={r:.3f} F1={f:.3f}")
    return "\n".join(lines)


def conll_summary(report: Report) -> dict:
    """The numbers of a CoNLL run as one JSON-ready object (per type and micro)."""
    out = {t: prf_dict(*report.stats[t]) for t in TYPES}
    out["micro"] = prf_dict(*[sum(report.stats[t][k] for t in TYPES) for k in range(3)])
    return out


def prf_dict(tp: int, fp: int, fn: int) -> dict:
    p, r, f = prf(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0
