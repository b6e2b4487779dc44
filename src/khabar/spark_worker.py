"""What runs in Spark's Python workers: one Pipeline per process, Arrow batches of documents in,
Arrow batches of document rows out. Imports no pyspark (pyarrow only, inside extract_batch).

The Pipeline is kept in a module-level cache keyed by the options and the lexicons' hash, so a
reused worker (``spark.python.worker.reuse``, Spark's default) compiles nothing for later tasks.
Shipped user lexicons are written once per machine to a temp folder named after their hash.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

    from khabar.pipeline import Pipeline


@dataclass(frozen=True)
class Options:
    """Pipeline options, the same as ``khabar extract``'s."""

    builtin_persons: bool = True
    want_quotes: bool = True
    descriptive_orgs: bool = True


_PIPELINES: dict[tuple, Pipeline] = {}


def executor_pipeline(options: Options, lexicons: tuple[tuple[str, bytes], ...], digest: str) -> Pipeline:
    """This process's Pipeline for these options and lexicons: built on first use, then reused."""
    key = (options, digest)
    if key not in _PIPELINES:
        from khabar.batch import tune_gc
        from khabar.pipeline import Pipeline

        tune_gc()
        _PIPELINES[key] = Pipeline(
            _local_lexicons(lexicons, digest),
            builtin_persons=options.builtin_persons,
            use_env=False,
            want_quotes=options.want_quotes,
            descriptive_orgs=options.descriptive_orgs,
        )
    return _PIPELINES[key]


def _local_lexicons(lexicons: tuple[tuple[str, bytes], ...], digest: str) -> list[Path]:
    """The shipped lexicon files, written once per machine under a folder named by their hash
    (a stable path and mtime, so the compiled-lexicon cache is hit by every later worker)."""
    folder = Path(tempfile.gettempdir()) / f"khabar-spark-lexicons-{digest}"
    paths = [folder / str(i) / name for i, (name, _) in enumerate(lexicons)]
    for path, (_, data) in zip(paths, lexicons, strict=True):
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.part")
            tmp.write_bytes(data)
            os.replace(tmp, path)  # atomic: a concurrent worker never reads half a file
    return paths


def document_row(pipeline: Pipeline, doc: object, text: object, problem: str | None = None) -> dict:
    """One document → its row of the documents table; never raises."""
    row: dict = {"doc": doc, "entities": [], "quotes": [], "error": problem}
    if problem is not None:
        return row
    if not isinstance(text, str):
        row["error"] = "no text (null)" if text is None else f"text is {type(text).__name__}, not a string"
        return row
    if not text.strip():
        return row  # as the CLI: an empty document has no records (and is no error)
    try:
        records = pipeline.extract(text, doc)
    except Exception as exc:  # a bug must cost one document, not the job
        row["error"] = f"internal error: {exc!r}"
        return row
    row["entities"] = [r for r in records if r["type"] == "entity"]
    row["quotes"] = [r for r in records if r["type"] == "quote"]
    return row


def extract_batch(pipeline: Pipeline, batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """An Arrow batch of (doc, text[, problem]) → an Arrow batch of document rows."""
    columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
    problems = columns[2] if len(columns) > 2 else [None] * batch.num_rows
    rows = [document_row(pipeline, d, t, p) for d, t, p in zip(columns[0], columns[1], problems, strict=True)]
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(rows, schema=schema)
