"""Typer application: argument parsing and the mapping of errors to exit statuses."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from khabar.cli.exits import Exit
from khabar.errors import LexiconError

app = typer.Typer(
    help="khabar: people, organizations, places and attributed quotes in Arabic news, as JSON lines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
lexicon_app = typer.Typer(help="Validate and inspect lexicons.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")

LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option("--lexicon", "-l", help="Extra lexicon file or folder (repeatable); also KHABAR_LEXICONS."),
]
NoPersonsOpt = Annotated[
    bool, typer.Option("--no-builtin-persons", help="Ignore the built-in PER entries (rules and your lexicons only).")
]


NoDescriptiveOpt = Annotated[
    bool,
    typer.Option(
        "--no-descriptive-orgs",
        help="Do not report descriptive official names (وزارة الخارجية الأمريكية) as ORG, as ANERcorp's annotation.",
    ),
]


def _pipeline(
    lexicon: list[Path] | None, no_builtin_persons: bool = False, want_quotes: bool = True, descriptive: bool = True
):
    from khabar.pipeline import Pipeline

    try:
        return Pipeline(
            lexicon, builtin_persons=not no_builtin_persons, want_quotes=want_quotes, descriptive_orgs=descriptive
        )
    except LexiconError as exc:
        for problem in exc.problems:
            print(f"khabar: lexicon error: {problem}", file=sys.stderr)
        raise typer.Exit(Exit.LEXICON) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl archives, or - for stdin.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write JSON lines here.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, pretty, or auto (pretty on a terminal).")] = "auto",
    glob: Annotated[str, typer.Option(help="Files to take from folders.")] = "*.txt",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read inputs as JSON lines (one document a line).")] = False,
    id_field: Annotated[str, typer.Option(help="JSON-lines field holding the document id.")] = "id",
    text_field: Annotated[str, typer.Option(help="JSON-lines field holding the text.")] = "text",
    encoding: Annotated[str | None, typer.Option(help="Force an input encoding (e.g. cp1256).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad input.")] = False,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Entities only.")] = False,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """Extract entities and attributed quotes from Arabic news as JSON lines."""
    from khabar import batch
    from khabar.cli.extract import run_extract, sources, total_size

    if fmt not in ("auto", "jsonl", "pretty"):
        print(f"khabar: --format must be auto, jsonl or pretty, not {fmt!r}", file=sys.stderr)
        raise typer.Exit(Exit.USAGE)
    pipeline = _pipeline(lexicon, no_builtin_persons, want_quotes=not no_quotes, descriptive=not no_descriptive_orgs)
    batch.tune_gc()
    items = sources(paths, glob, jsonl, id_field, text_field, encoding)
    jobs = jobs or batch.default_jobs()
    if isinstance(items, list) and len(items) < 2:
        jobs = 1
    status = run_extract(pipeline, items, total_size(items, paths), output, fmt, jobs, encoding, quiet, fail_fast)
    raise typer.Exit(status)


@lexicon_app.command("check")
def lexicon_check(paths: Annotated[list[Path], typer.Argument(help="Lexicon files or folders.")]) -> None:
    """Validate lexicon files: prints file:line: problem for each bad line."""
    from khabar.cli.lexicon_cmd import check

    raise typer.Exit(check(paths))


@lexicon_app.command("lookup")
def lexicon_lookup(
    text: Annotated[str, typer.Argument(help="A name or phrase as written in text.")],
    lexicon: LexiconOpt = None,
) -> None:
    """Show which lexicon entries and rules match a name, after normalisation."""
    from khabar.cli.lexicon_cmd import lookup

    raise typer.Exit(lookup(_pipeline(lexicon), text))


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="CoNLL file: token TAG per line, blank line between sentences.")],
    errors: Annotated[int, typer.Option(help="List up to N false positives and N misses.")] = 0,
    doc_sentences: Annotated[int, typer.Option(help="Sentences grouped into one document.")] = 20,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """Entity P/R/F1 per type and micro-averaged on a CoNLL file (ANERcorp tags)."""
    from khabar.evaluate import evaluate_conll, format_report

    pipeline = _pipeline(lexicon, no_builtin_persons, want_quotes=False, descriptive=not no_descriptive_orgs)
    try:
        report = evaluate_conll(pipeline, gold, doc_sentences)
    except OSError as exc:
        print(f"khabar: {gold}: {exc.strerror or exc}", file=sys.stderr)
        raise typer.Exit(Exit.INPUT_ERRORS) from None
    print(format_report(report, errors))


@app.command("spark")
def spark_cmd(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="Parquet or JSON lines: a file or folder.")],
    output: Annotated[
        str, typer.Argument(metavar="OUTPUT", help="Folder for the Parquet tables entities/, quotes/, errors/.")
    ],
    id_field: Annotated[str, typer.Option(help="Column holding the document id.")] = "id",
    text_field: Annotated[str, typer.Option(help="Column holding the text.")] = "text",
    input_format: Annotated[str, typer.Option(help="auto, parquet or jsonl.")] = "auto",
    partitions: Annotated[
        int, typer.Option(help="Repartition the input (default: its splits, at least 1 a core).")
    ] = 0,
    master: Annotated[str | None, typer.Option(help="Spark master (default: local[*]).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace existing output tables.")] = False,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Entities only.")] = False,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """Run extraction as a Spark job (needs the spark extra): Parquet tables of entities, quotes, errors."""
    from khabar.cli.spark_cmd import run
    from khabar.spark import Options

    if input_format not in ("auto", "parquet", "jsonl"):
        print(f"khabar: --input-format must be auto, parquet or jsonl, not {input_format!r}", file=sys.stderr)
        raise typer.Exit(Exit.USAGE)
    options = Options(not no_builtin_persons, not no_quotes, not no_descriptive_orgs)
    args = (input_path, output, id_field, text_field, input_format, lexicon, options, partitions or None)
    raise typer.Exit(run(*args, master, overwrite))


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the output records (schema version 2)."""
    from khabar.output import SCHEMA_FILE

    sys.stdout.write(SCHEMA_FILE.read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        sys.exit(Exit.INTERRUPTED)
