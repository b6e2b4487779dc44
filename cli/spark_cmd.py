"""`khabar spark`: the Spark job (khabar.spark.run_job) with the CLI's errors and exit statuses."""

from __future__ import annotations

import sys
from pathlib import Path

from khabar.cli.exits import Exit
from khabar.errors import LexiconError
from khabar.spark import Options


def run(
    input_path: str,
    output: str,
    id_field: str,
    text_field: str,
    input_format: str,
    lexicon: list[Path] | None,
    options: Options,
    partitions: int | None,
    master: str | None,
    overwrite: bool,
) -> int:
    """Run the job; a one-line error and a non-zero status on bad input, never a traceback."""
    from khabar import spark as ks

    try:
        ks.require_pyspark()
        spark = ks.session(master)
        counts = ks.run_job(
            spark, input_path, output, id_field, text_field, input_format, lexicon, options, partitions, overwrite
        )
    except ks.SparkUnavailable as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.USAGE
    except LexiconError as exc:
        for problem in exc.problems:
            print(f"khabar: lexicon error: {problem}", file=sys.stderr)
        return Exit.LEXICON
    except ks.JobError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.INPUT_ERRORS
    print(f"khabar: {ks.summary(counts)} (errors in {output.rstrip('/')}/errors)", file=sys.stderr)
    return Exit.OK
