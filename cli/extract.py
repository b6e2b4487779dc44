"""`khabar extract`: inputs → JSON lines, with progress, errors per input, and clean stops."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from khabar import batch
from khabar.cli.exits import Exit
from khabar.cli.export import EXPORTS, ExportError, open_export
from khabar.cli.progress import Progress
from khabar.cli.sink import Sink
from khabar.pipeline import Pipeline
from khabar.reader import Source, expand, jsonl_documents


def sources(
    paths: list[str], glob: str, as_jsonl: bool, id_field: str, text_field: str, encoding: str | None
) -> list[Source] | Iterator[Source]:
    """Expand the paths; JSON-lines archives become one Source per line (lazily)."""
    listed = list(expand(paths, glob))
    if not any(as_jsonl or s.name.endswith(".jsonl") for s in listed):
        return listed

    def lazy() -> Iterator[Source]:
        for s in listed:
            if s.error is None and (as_jsonl or s.name.endswith(".jsonl")):
                yield from jsonl_documents(s, id_field, text_field, encoding)
            else:
                yield s

    return lazy()


def run_extract(
    pipeline: Pipeline,
    inputs: list[Source] | Iterator[Source],
    total_bytes: int,
    output: str | None,
    fmt: str,
    jobs: int,
    encoding: str | None,
    quiet: bool,
    fail_fast: bool,
) -> Exit:
    """Process every input; write records; report errors on stderr; return the exit status."""
    pretty = fmt == "pretty" or (fmt == "auto" and output is None and sys.stdout.isatty())
    try:
        sink = None if pretty else open_export(fmt, output) if fmt in EXPORTS else Sink(output)
    except ExportError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.USAGE
    progress = Progress(total_bytes, enabled=not quiet)
    status = Exit.OK
    try:
        for outcome in batch.run(pipeline, iter(inputs), jobs=jobs, encoding=encoding, keep_text=fmt in EXPORTS):
            progress.advance(outcome.docs, outcome.size, outcome.error is not None)
            if outcome.error:
                progress.log(f"khabar: error: {outcome.error}")
                status = Exit.INPUT_ERRORS
                if fail_fast:
                    break
                continue
            if outcome.warning:
                progress.warnings += 1
                if not quiet:
                    progress.log(f"khabar: warning: {outcome.warning}")
            if pretty:
                from khabar.cli.render import render

                progress.stop()
                render(outcome.data)
            elif fmt in EXPORTS:
                sink.write_outcome(outcome)
            else:
                sink.write(outcome.data)
    except KeyboardInterrupt:
        progress.stop()
        if sink:
            sink.rollback()
        print("khabar: interrupted; output holds only whole records", file=sys.stderr)
        return Exit.INTERRUPTED
    except ExportError as exc:
        progress.stop()
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.INPUT_ERRORS
    except BrokenPipeError:
        progress.stop()
        _silence_stdout()
        return Exit.BROKEN_PIPE
    finally:
        progress.stop()
        if sink:
            try:
                sink.close()
            except BrokenPipeError:
                _silence_stdout()
    if not quiet:
        print(progress.summary(), file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """After the reader went away (| head), make the interpreter's final flush a no-op."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def total_size(items: list[Source] | Iterator[Source], paths: list[str]) -> int:
    if isinstance(items, list):
        return sum(s.size for s in items)
    return sum(Path(p).stat().st_size for p in paths if p != "-" and Path(p).is_file())
