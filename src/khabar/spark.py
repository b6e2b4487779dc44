"""khabar as a Spark job: a DataFrame of (id, text) in, entity, quote and error tables out.

Optional: ``pip install "khabar[spark]"`` (pyspark 4, pyarrow; Java 17+). Nothing on khabar's
normal path imports this module, and this module imports pyspark only inside its functions.

Each partition goes through ``mapInArrow`` in batches of documents; the Pipeline (compiled
lexicons) is built once per Python worker process and kept in a module-level cache, so a reused
worker (``spark.python.worker.reuse``, Spark's default) compiles nothing for its later tasks. User
lexicons travel with the job: the driver reads their files and broadcasts the contents; each
executor writes them once to a local folder named after their hash. One bad document becomes a
row of the error table, never a failed task.

Records are the JSON-lines records (schema version 2) as rows: the same columns in the same
order, nested ``cue``/``speaker``/``quote`` as structs. ``doc`` is a 64-bit integer column when
the id column is integral, else a string column (other id types are cast to string).

``python -m khabar.spark INPUT OUTPUT`` (or ``spark-submit .../khabar/spark.py INPUT OUTPUT``)
reads Parquet or JSON lines and writes Parquet datasets ``OUTPUT/entities``, ``OUTPUT/quotes``
and ``OUTPUT/errors``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from khabar.errors import KhabarError, LexiconError
from khabar.lexicon import env_lexicon_paths, lexicon_files
from khabar.spark_worker import Options, executor_pipeline, extract_batch

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

INSTALL_HINT = 'pyspark is not installed: pip install "khabar[spark]" (pyspark 4, Java 17+)'
BATCH_DOCS = 256  # documents per Arrow batch handed to the Python worker
TABLES = ("entities", "quotes", "errors")
SPLIT_BYTES = 2 * 1024 * 1024  # local input splits: about a second of extraction each, so small tasks balance the cores

# The output schema, field by field in the JSON-lines order ("doc" is the id column's type).
SPAN = [("text", "string"), ("start", "int"), ("end", "int")]
ENTITY = [
    ("schema_version", "int"),
    ("type", "string"),
    ("doc", "doc"),
    ("label", "string"),
    *SPAN,
    ("entity", "string"),
    ("canonical", "string"),
    ("known_as", "string"),
    ("source", "string"),
]
SPEAKER = [*SPAN, ("label", "string"), ("entity", "string"), ("canonical", "string"), ("known_as", "string")]
SPEAKER += [("role", "string"), ("resolved", "boolean")]
QUOTE = [
    ("schema_version", "int"),
    ("type", "string"),
    ("doc", "doc"),
    ("kind", "string"),
    ("cue", [*SPAN, ("lemma", "string")]),
    ("speaker", SPEAKER),
    ("quote", SPAN),
]
ERROR = [("doc", "doc"), ("error", "string")]


class SparkUnavailable(KhabarError):
    """pyspark (or pyarrow) is not installed."""


class JobError(KhabarError):
    """The job cannot start: a missing input, a missing column, an output that exists."""


class Extracted(NamedTuple):
    """The three tables of a job, and the persisted per-document table they are read from."""

    entities: DataFrame
    quotes: DataFrame
    errors: DataFrame
    documents: DataFrame


def require_pyspark() -> None:
    """Raise SparkUnavailable (with the install hint) when pyspark or pyarrow is missing."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable(INSTALL_HINT) from None


def spark_type(spec: Any, doc_type: str):
    """A Spark type from a field spec above ("int", "string", "boolean", "doc" or a field list)."""
    from pyspark.sql import types as T

    if isinstance(spec, list):
        return T.StructType([T.StructField(name, spark_type(s, doc_type), True) for name, s in spec])
    simple = {"int": T.IntegerType(), "string": T.StringType(), "boolean": T.BooleanType()}
    if spec == "doc":
        return T.LongType() if doc_type == "long" else T.StringType()
    return simple[spec]


def documents_schema(doc_type: str):
    """One row per document: its id, its entity and quote records, and an error or null."""
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField("doc", spark_type("doc", doc_type), True),
            T.StructField("entities", T.ArrayType(spark_type(ENTITY, doc_type), False), False),
            T.StructField("quotes", T.ArrayType(spark_type(QUOTE, doc_type), False), False),
            T.StructField("error", T.StringType(), True),
        ]
    )


def read_lexicons(paths: list[str | Path] | None, use_env: bool = True) -> tuple[tuple[str, bytes], ...]:
    """User lexicon files (folders expanded, KHABAR_LEXICONS first) as (file name, contents)."""
    wanted: list[str | Path] = [*(env_lexicon_paths() if use_env else []), *(paths or [])]
    try:
        return tuple((f.name, f.read_bytes()) for f in lexicon_files(wanted))
    except OSError as exc:
        raise JobError(f"{exc.filename}: cannot read lexicon: {exc.strerror or exc}") from None


# --- driver side -----------------------------------------------------------------------------


def doc_type_of(df: DataFrame, id_col: str) -> str:
    """'long' when the id column is integral, else 'string'."""
    from pyspark.sql import types as T

    integral = (T.ByteType, T.ShortType, T.IntegerType, T.LongType)
    return "long" if isinstance(df.schema[id_col].dataType, integral) else "string"


def _check_columns(df: DataFrame, id_col: str, text_col: str) -> None:
    from pyspark.sql import types as T

    for col in (id_col, text_col):
        if col not in df.columns:
            raise JobError(f"no column {col!r} (columns: {', '.join(df.columns) or 'none'})")
    if not isinstance(df.schema[text_col].dataType, T.StringType):
        raise JobError(f"column {text_col!r} is {df.schema[text_col].dataType.simpleString()}, not string")


def extract_documents(
    df: DataFrame,
    id_col: str = "id",
    text_col: str = "text",
    lexicons: list[str | Path] | None = None,
    options: Options | None = None,
    partitions: int | None = None,
    use_env: bool = True,
) -> DataFrame:
    """One row per input document: ``doc``, ``entities`` and ``quotes`` (arrays of record
    structs) and ``error`` (null, or why the document gave no records). Lazy, like any DataFrame."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import to_arrow_schema

    _check_columns(df, id_col, text_col)
    doc_type = doc_type_of(df, id_col)
    columns = [F.col(id_col).cast(doc_type).alias("doc"), F.col(text_col).alias("text")]
    if "_corrupt_record" in df.columns:  # Spark's JSON reader: a line that is not JSON
        corrupt = F.col("_corrupt_record")
        columns.append(F.when(corrupt.isNotNull(), F.concat(F.lit("not JSON: "), F.substring(corrupt, 1, 80))))
    source = df.select(*columns)
    if partitions:
        source = source.repartition(partitions)
    shipped = read_lexicons(lexicons, use_env)
    digest = hashlib.sha256(repr(shipped).encode()).hexdigest()[:16]
    carried = df.sparkSession.sparkContext.broadcast(shipped)
    schema = documents_schema(doc_type)
    arrow_schema = to_arrow_schema(schema)
    opts = options or Options()

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pipeline = executor_pipeline(opts, carried.value, digest)
        for batch in batches:
            yield extract_batch(pipeline, batch, arrow_schema)

    return source.mapInArrow(run, schema)


def extract_dataframe(df: DataFrame, id_col: str = "id", text_col: str = "text", **kwargs: Any) -> Extracted:
    """Entity, quote and error tables of a DataFrame of articles (see ``extract_documents`` for
    the keyword arguments). The per-document table is persisted so the three tables share one
    extraction; call ``result.documents.unpersist()`` when done."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    docs = extract_documents(df, id_col, text_col, **kwargs).persist(StorageLevel.MEMORY_AND_DISK)
    entities = docs.select(F.explode("entities").alias("r")).select("r.*")
    quotes = docs.select(F.explode("quotes").alias("r")).select("r.*")
    errors = docs.where(F.col("error").isNotNull()).select("doc", "error")
    return Extracted(entities, quotes, errors, docs)


# --- the job: read, extract, write -----------------------------------------------------------

JSON_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")


def input_format(path: str, fmt: str = "auto") -> str:
    """'parquet' or 'json': as asked, else from the name (a local folder: from its files)."""
    if fmt != "auto":
        return "json" if fmt in ("json", "jsonl") else fmt
    name = path.rstrip("/").lower()
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(".parquet"):
        return "parquet"
    local = Path(path)
    if local.is_dir() and any(local.rglob("*.parquet")):
        return "parquet"
    if local.is_dir() and any(q.name.lower().endswith(JSON_SUFFIXES) for q in local.rglob("*")):
        return "json"
    raise JobError(f"{path}: cannot tell Parquet from JSON lines; give --input-format parquet or jsonl")


def session(master: str | None = None, app_name: str = "khabar") -> SparkSession:
    """A session for the job (local[*] unless spark-submit or ``master`` says otherwise)."""
    require_pyspark()
    from pyspark.sql import SparkSession

    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # run by spark-submit: its master and settings
    local = master.startswith("local") if master else not submitted
    if local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_DOCS))
    if local:  # (under spark-submit, its --conf decide)
        builder = builder.config("spark.ui.enabled", "false")
        builder = builder.config("spark.sql.files.maxPartitionBytes", str(SPLIT_BYTES))
    try:
        spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    except Exception as exc:  # no Java, a bad master URL …: one line, not a Py4J traceback
        raise JobError(
            f"cannot start Spark ({_first_line(exc)}); it needs Java 17+ (JAVA_HOME or java on PATH)"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_input(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """The input as a DataFrame; JobError when it is missing or unreadable."""
    from pyspark.errors import AnalysisException

    kind = input_format(path, fmt)
    try:
        return spark.read.parquet(path) if kind == "parquet" else spark.read.json(path)
    except AnalysisException as exc:
        raise JobError(f"{path}: {_first_line(exc)}") from None


def write_tables(result: Extracted, output: str, overwrite: bool = False) -> None:
    """Parquet datasets OUTPUT/entities, OUTPUT/quotes and OUTPUT/errors."""
    from pyspark.errors import AnalysisException

    for name, table in zip(TABLES, result[:3], strict=True):
        where = f"{output.rstrip('/')}/{name}"
        try:
            table.write.mode("overwrite" if overwrite else "errorifexists").parquet(where)
        except AnalysisException as exc:
            raise JobError(f"{where}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    java = getattr(exc, "java_exception", None)  # a Py4JJavaError: the Java exception says what failed
    text = (str(java.toString()) if java is not None else str(exc)).strip().splitlines()
    return text[0] if text else type(exc).__name__


def run_job(
    spark: SparkSession,
    input_path: str,
    output: str,
    id_col: str = "id",
    text_col: str = "text",
    input_fmt: str = "auto",
    lexicons: list[str | Path] | None = None,
    options: Options | None = None,
    partitions: int | None = None,
    overwrite: bool = False,
) -> dict[str, int]:
    """Read, extract, write; returns the row count of each table (documents included)."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    if lexicons or env_lexicon_paths():  # a bad lexicon stops the job here, not in every task
        from khabar.pipeline import Pipeline

        Pipeline(lexicons, builtin_persons=(options or Options()).builtin_persons)
    df = read_input(spark, input_path, input_fmt)
    if partitions is None and df.rdd.getNumPartitions() < spark.sparkContext.defaultParallelism:
        partitions = spark.sparkContext.defaultParallelism  # a small input still keeps every core busy
    result = extract_dataframe(df, id_col, text_col, lexicons=lexicons, options=options, partitions=partitions)
    try:
        write_tables(result, output, overwrite)
        counts = table_counts(result.documents)
    except (PySparkException, Py4JError) as exc:  # a task failed for good (not one bad document)
        raise JobError(f"the Spark job failed: {_first_line(exc)}") from None
    finally:
        result.documents.unpersist()
    return counts


def table_counts(documents: DataFrame) -> dict[str, int]:
    """Rows of each table, counted on the (persisted) per-document table in one pass."""
    from pyspark.sql import functions as F

    row = documents.agg(
        F.count(F.lit(1)).alias("documents"),
        F.sum(F.size("entities")).alias("entities"),
        F.sum(F.size("quotes")).alias("quotes"),
        F.count("error").alias("errors"),
    ).first()
    return {k: int(row[k] or 0) for k in ("documents", *TABLES)}


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m khabar.spark", description=__doc__.splitlines()[0])
    ap.add_argument("input", help="Parquet or JSON lines (a file or a folder; any Spark path)")
    ap.add_argument("output", help="folder for the Parquet datasets entities/, quotes/, errors/")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--input-format", default="auto", choices=["auto", "parquet", "jsonl"])
    ap.add_argument("--lexicon", "-l", action="append", help="extra lexicon file or folder (repeatable)")
    ap.add_argument("--no-builtin-persons", action="store_true")
    ap.add_argument("--no-descriptive-orgs", action="store_true")
    ap.add_argument("--no-quotes", action="store_true")
    ap.add_argument(
        "--partitions", type=int, default=None, help="repartition the input (default: its splits, at least 1 a core)"
    )
    ap.add_argument("--master", default=None, help="default: spark-submit's, else local[*]")
    ap.add_argument("--overwrite", action="store_true", help="replace existing output tables")
    return ap


def main(argv: list[str] | None = None) -> int:
    """``python -m khabar.spark`` / ``spark-submit khabar/spark.py``: 0, or 1 with a one-line error."""
    args = parser().parse_args(argv)
    options = Options(not args.no_builtin_persons, not args.no_quotes, not args.no_descriptive_orgs)
    try:
        spark = session(args.master)
        counts = run_job(
            spark,
            args.input,
            args.output,
            args.id_field,
            args.text_field,
            args.input_format,
            args.lexicon,
            options,
            args.partitions,
            args.overwrite,
        )
    except LexiconError as exc:
        print("\n".join(f"khabar: lexicon error: {problem}" for problem in exc.problems), file=sys.stderr)
        return 3
    except KhabarError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return 1
    print(summary(counts), file=sys.stderr)
    return 0


def summary(counts: dict[str, int]) -> str:
    """``1 document, 12 entities, 1 quote, 0 errors``: each count with its noun in the right number."""
    one = {"documents": "document", "entities": "entity", "quotes": "quote", "errors": "error"}
    return ", ".join(f"{counts[k]:,} {one.get(k, k) if counts[k] == 1 else k}" for k in ("documents", *TABLES))


if __name__ == "__main__":
    sys.exit(main())
