"""`khabar eval`: score a CoNLL file (entities) or hand-annotated articles (quotes, speakers)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from khabar.cli.exits import Exit
from khabar.errors import KhabarError


def is_gold_json(gold: Path) -> bool:
    """A ``.json`` file or a folder: the article gold format; anything else is CoNLL."""
    return gold.is_dir() or gold.suffix.lower() == ".json"


def run_eval(
    gold: Path,
    pred: Path | None,
    make_pipeline: Callable[[], object],
    doc_sentences: int,
    errors: int,
    as_json: bool,
) -> Exit:
    """Score, print the report (or one JSON object), return the exit status."""
    from khabar import evaluate, evaluate_gold

    quotes = is_gold_json(gold)
    try:
        if quotes:
            report = evaluate_gold.evaluate_gold(None if pred else make_pipeline(), gold, pred)
            summary = {"gold": str(gold), "kind": "quotes", **evaluate_gold.gold_summary(report)}
            text = evaluate_gold.format_gold_report(report, errors)
        else:
            if pred:
                report = evaluate.evaluate_predicted(gold, pred, doc_sentences)
            else:
                report = evaluate.evaluate_conll(make_pipeline(), gold, doc_sentences)
            summary = {"gold": str(gold), "kind": "entities", **evaluate.conll_summary(report)}
            text = evaluate.format_report(report, errors)
    except KhabarError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.INPUT_ERRORS
    except OSError as exc:
        print(f"khabar: {exc.filename or gold}: {exc.strerror or exc}", file=sys.stderr)
        return Exit.INPUT_ERRORS
    if pred:
        summary["pred"] = str(pred)
    print(json.dumps(summary, ensure_ascii=False) if as_json else text)
    return Exit.OK
