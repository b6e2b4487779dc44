"""Typer application: argument parsing and the mapping of errors to exit statuses."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import Annotated

import typer

from khabar import __version__
from khabar.cli.exits import Exit
from khabar.cli.help_types import plain_help_types
from khabar.errors import LexiconError

plain_help_types()
CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    help="khabar: people, organizations, places and attributed quotes in Arabic news, as JSON lines.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
    rich_markup_mode=None,
)
MAX_LEXICON_PROBLEMS = 20  # shown when a lexicon is refused; `lexicon check` prints every one
lexicon_app = typer.Typer(
    help="Validate and inspect lexicons.", no_args_is_help=True, context_settings=CONTEXT, rich_markup_mode=None
)
app.add_typer(lexicon_app, name="lexicon")
FORMATS = ("auto", "jsonl", "pretty", "conll", "brat", "html")
EXPORTS = ("conll", "brat")  # written by cli/export.py, from each document's text and records


def _export_sink(fmt: str, output: str | None):  # noqa: ANN202 - a ConllSink or a BratFolder
    from khabar.cli.export import open_export

    return open_export(fmt, output)


def _print_version(value: bool) -> None:
    if value:
        print(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """khabar: people, organizations, places and attributed quotes in Arabic news, as JSON lines."""


def _usage_error(message: str) -> typer.Exit:
    print(f"khabar: {message}", file=sys.stderr)
    return typer.Exit(Exit.USAGE)


def _check_encoding(encoding: str | None) -> None:
    """An unknown --encoding is one usage error, before any input is read."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _usage_error(f"--encoding: unknown encoding {encoding!r}") from None


def _refuse_output_onto_input(output: str | None, listed: list) -> None:
    """-o naming one of the inputs is refused before anything is opened for writing."""
    from khabar.cli.extract import output_is_an_input

    if output and (clash := output_is_an_input(output, listed)):
        raise _usage_error(f"-o {output}: is one of the inputs ({clash}); refusing to overwrite it")


LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon", "-l", metavar="PATH", help="Extra lexicon file or folder (repeatable); also KHABAR_LEXICONS."
    ),
]
NoPersonsOpt = Annotated[
    bool, typer.Option("--no-builtin-persons", help="Ignore the built-in PER entries (rules and your lexicons only).")
]


PathsArg = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Files, folders, .jsonl/.ndjson(.gz) archives, or - for stdin.")
]
GlobOpt = Annotated[str, typer.Option(metavar="PATTERN", help="Files to take from folders.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Read inputs as JSON lines (one document a line).")]
IdFieldOpt = Annotated[str, typer.Option(metavar="FIELD", help="JSON-lines field holding the document id.")]
TextFieldOpt = Annotated[str, typer.Option(metavar="FIELD", help="JSON-lines field holding the text.")]
EncodingOpt = Annotated[str | None, typer.Option(metavar="NAME", help="Force an input encoding (e.g. cp1256).")]
FailFastOpt = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad input.")]
NoQuotesOpt = Annotated[bool, typer.Option("--no-quotes", help="Entities only.")]
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
        for problem in exc.problems[:MAX_LEXICON_PROBLEMS]:
            print(f"khabar: lexicon error: {problem}", file=sys.stderr)
        if len(exc.problems) > MAX_LEXICON_PROBLEMS:
            more = len(exc.problems) - MAX_LEXICON_PROBLEMS
            print(f"khabar: … and {more:,} more lexicon problems (lexicon check lists them all)", file=sys.stderr)
        raise typer.Exit(Exit.LEXICON) from None


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here (replaced only when the run ends; a folder for brat)."
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl, pretty, conll, brat, html (one page, as `khabar view`), or auto.",
        ),
    ] = "auto",
    glob: GlobOpt = "*.txt",
    jsonl: JsonlOpt = False,
    id_field: IdFieldOpt = "id",
    text_field: TextFieldOpt = "text",
    encoding: EncodingOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", min=0, help="Worker processes (0, the default: all cores).")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")] = False,
    fail_fast: FailFastOpt = False,
    no_quotes: NoQuotesOpt = False,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """Extract entities and attributed quotes from Arabic news as JSON lines."""
    from khabar import batch
    from khabar.cli.extract import list_inputs, run_extract, sources, total_size
    from khabar.cli.sink import ExportError, OutputError, Sink

    if fmt not in FORMATS:
        raise _usage_error(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    _check_encoding(encoding)
    if output == "-":
        output = None
    pretty = fmt == "pretty" or (fmt == "auto" and output is None and sys.stdout is not None and sys.stdout.isatty())
    if output and fmt == "pretty":
        raise _usage_error("--format pretty draws tables on the terminal and is not written to -o; use -f jsonl")
    listed = list_inputs(paths, glob)
    if fmt == "html":  # one page, written (safely) by the view command's code
        from khabar.cli.view import run_view

        _refuse_output_onto_input(output, listed)
        pipeline = _pipeline(
            lexicon, no_builtin_persons, want_quotes=not no_quotes, descriptive=not no_descriptive_orgs
        )
        items = sources(listed, jsonl, id_field, text_field, encoding)
        raise typer.Exit(run_view(pipeline, items, output, encoding, quiet, fail_fast))
    if fmt == "brat":
        from khabar.cli.export import check_brat_folder

        if problem := check_brat_folder(output, paths):
            raise _usage_error(problem)
    elif output:
        if Path(output).is_dir():
            raise _usage_error(f"-o {output}: is a directory; -o takes a file name")
        _refuse_output_onto_input(output, listed)
    try:
        sink = None if pretty else _export_sink(fmt, output) if fmt in EXPORTS else Sink(output)
    except ExportError as exc:
        raise _usage_error(str(exc)) from None
    except OutputError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        raise typer.Exit(Exit.OUTPUT) from None
    try:
        pipeline = _pipeline(
            lexicon, no_builtin_persons, want_quotes=not no_quotes, descriptive=not no_descriptive_orgs
        )
    except typer.Exit:
        if sink is not None:
            sink.discard()
        raise
    batch.tune_gc()
    items = sources(listed, jsonl, id_field, text_field, encoding)
    jobs = jobs or batch.default_jobs()
    if isinstance(items, list) and len(items) < 2:
        jobs = 1
    keep_text = fmt in EXPORTS
    status = run_extract(pipeline, items, total_size(items, paths), sink, jobs, encoding, quiet, fail_fast, keep_text)
    raise typer.Exit(status)


@app.command("view")
def view(
    paths: PathsArg,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the HTML page here.")
    ] = None,
    glob: GlobOpt = "*.txt",
    jsonl: JsonlOpt = False,
    id_field: IdFieldOpt = "id",
    text_field: TextFieldOpt = "text",
    encoding: EncodingOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or summary.")] = False,
    fail_fast: FailFastOpt = False,
    no_quotes: NoQuotesOpt = False,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """One self-contained right-to-left HTML page: entities and quotes marked, who said what."""
    from khabar.cli.extract import list_inputs, sources
    from khabar.cli.view import run_view

    _check_encoding(encoding)
    listed = list_inputs(paths, glob)
    _refuse_output_onto_input(output, listed)
    pipeline = _pipeline(lexicon, no_builtin_persons, want_quotes=not no_quotes, descriptive=not no_descriptive_orgs)
    items = sources(listed, jsonl, id_field, text_field, encoding)
    raise typer.Exit(run_view(pipeline, items, output, encoding, quiet, fail_fast))


@lexicon_app.command("check")
def lexicon_check(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Lexicon files or folders.")],
) -> None:
    """Validate lexicon files: prints file:line: problem for each bad line."""
    from khabar.cli.lexicon_cmd import check

    raise typer.Exit(check(paths))


@lexicon_app.command("lookup")
def lexicon_lookup(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A name or phrase as written in text.")],
    lexicon: LexiconOpt = None,
) -> None:
    """Show which lexicon entries and rules match a name, after normalisation."""
    from khabar.cli.lexicon_cmd import lookup

    raise typer.Exit(lookup(_pipeline(lexicon), text))


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="CoNLL file (token TAG per line, blank line between sentences), or X.gold.json "
            "(X.txt beside it) or a folder of them for quotes.",
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Score saved output instead of running khabar: CoNLL for a CoNLL gold, JSON lines else.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object with the numbers.")] = False,
    errors: Annotated[int, typer.Option(metavar="N", help="List up to N false positives and N misses.")] = 0,
    doc_sentences: Annotated[int, typer.Option(metavar="N", min=1, help="Sentences grouped into one document.")] = 20,
    lexicon: LexiconOpt = None,
    no_builtin_persons: NoPersonsOpt = False,
    no_descriptive_orgs: NoDescriptiveOpt = False,
) -> None:
    """Entity P/R/F1 on a CoNLL file (ANERcorp tags); quote P/R/F1 and speaker accuracy on gold articles."""
    from khabar.cli.eval_cmd import is_gold_json, run_eval

    quotes = is_gold_json(gold)

    def make_pipeline():
        return _pipeline(lexicon, no_builtin_persons, want_quotes=quotes, descriptive=not no_descriptive_orgs)

    raise typer.Exit(run_eval(gold, pred, make_pipeline, doc_sentences, errors, as_json))


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
