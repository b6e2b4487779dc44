"""`khabar view` (and `extract --format html`): inputs → one HTML page of marked documents.

Each input's text is read here and extracted in this process (the page needs the text, which
the batch workers do not send back). The page is bounded: after MAX_DOCS documents or
MAX_CHARS characters of text the rest are left out, with a warning; a file over MAX_FILE_BYTES is an
input error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.cli.exits import Exit
from khabar.cli.progress import plural
from khabar.cli.sink import OutputError, Sink
from khabar.errors import InputError
from khabar.html_view import ViewDocument, render_page
from khabar.pipeline import Pipeline
from khabar.reader import Source, read_file, read_stdin

MAX_DOCS = 500
MAX_CHARS = 5_000_000
MAX_FILE_BYTES = 16 * 1024 * 1024  # a bigger file is refused before it is read (extract streams it)


@dataclass
class _Run:
    """What reading the inputs left behind: the exit status and whether the page was cut short."""

    status: Exit = Exit.OK
    cut_short: bool = False


def run_view(
    pipeline: Pipeline,
    inputs: Iterable[Source],
    output: str | None,
    encoding: str | None,
    quiet: bool,
    fail_fast: bool,
) -> Exit:
    """Extract every input, write one page to ``output`` (or stdout); errors go to stderr, one line each."""
    if not output and sys.stdout.isatty():
        print("khabar: the page is HTML: give -o page.html (or redirect stdout to a file)", file=sys.stderr)
        return Exit.USAGE
    run = _Run()
    docs = _documents(pipeline, inputs, encoding, quiet, fail_fast, run)
    note = " — the page was cut short (see the warning)" if run.cut_short else ""
    try:
        _write(render_page(docs, title="khabar view", note=note), output)
    except OutputError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.OUTPUT
    if not quiet:
        print(f"khabar: {plural(len(docs), 'document')} in {output or 'stdout'}", file=sys.stderr)
    return run.status


def _documents(
    pipeline: Pipeline, inputs: Iterable[Source], encoding: str | None, quiet: bool, fail_fast: bool, run: _Run
) -> list[ViewDocument]:
    docs: list[ViewDocument] = []
    chars = 0
    for source in inputs:
        if len(docs) >= MAX_DOCS or chars >= MAX_CHARS:
            print(f"khabar: warning: page full; {source.name} and the inputs after it left out", file=sys.stderr)
            run.cut_short = True
            break
        try:
            text = _read(source, encoding)
            records = pipeline.extract(text, source.doc_id)
        except InputError as exc:
            problem = str(exc)
        except Exception as exc:  # a bug must cost one document, not the page
            problem = f"{source.name}: internal error: {exc!r}"
        else:
            if not text.strip() and not quiet:
                print(f"khabar: warning: {source.name}: empty input, nothing to extract", file=sys.stderr)
            chars += len(text)
            docs.append(ViewDocument(source.name, text, records))
            continue
        print(f"khabar: error: {problem}", file=sys.stderr)
        run.status = Exit.INPUT_ERRORS
        if fail_fast:
            break
    return docs


def _read(source: Source, encoding: str | None) -> str:
    if source.error:
        raise InputError(source.name, source.error)
    if source.text is not None:
        return source.text
    if source.size > MAX_FILE_BYTES:
        raise InputError(source.name, f"too big for a page ({source.size // 2**20} MB; the view takes up to 16 MB)")
    if source.path is None:
        return read_stdin(encoding)
    return read_file(source.path, source.name, encoding)


def _write(page: str, output: str | None) -> None:
    """To stdout, or to a temporary file renamed over ``output`` (never a half-written page)."""
    sink = Sink(output)
    try:
        sink.write(page.encode("utf-8"))
        sink.finish()
    except BaseException:
        sink.discard()
        raise
