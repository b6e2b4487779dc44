"""`khabar extract`: inputs → JSON lines, with progress, errors per input, and clean stops."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from khabar import batch
from khabar.cli.exits import Exit, Stop, Terminated
from khabar.cli.progress import Progress, bar_allowed
from khabar.cli.sink import ExportError, OutputError, Sink
from khabar.pipeline import Pipeline
from khabar.reader import Source, expand, jsonl_documents

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_jsonl_name(name: str) -> bool:
    """JSON-lines archives by name: .jsonl and .ndjson, gzip-compressed or not."""
    return name.lower().endswith(JSONL_SUFFIXES)


def list_inputs(paths: list[str], glob: str) -> list[Source]:
    """The files named or found in folders (each problem a Source carrying its error)."""
    return list(expand(paths, glob))


def sources(
    listed: list[Source], as_jsonl: bool, id_field: str, text_field: str, encoding: str | None
) -> list[Source] | Iterator[Source]:
    """JSON-lines archives become one Source per line (lazily); other inputs stay as listed."""
    if not any(as_jsonl or is_jsonl_name(s.name) for s in listed):
        return listed

    def lazy() -> Iterator[Source]:
        for s in listed:
            if s.error is None and (as_jsonl or is_jsonl_name(s.name)):
                yield from jsonl_documents(s, id_field, text_field, encoding)
            else:
                yield s

    return lazy()


def output_is_an_input(output: str, listed: list[Source]) -> str | None:
    """The input that ``-o output`` would overwrite, if any."""
    if not os.path.exists(output):
        return None
    for s in listed:
        if s.path is not None and s.error is None:
            with contextlib.suppress(OSError):
                if os.path.samefile(s.path, output):
                    return s.name
    return None


def run_extract(
    pipeline: Pipeline,
    inputs: list[Source] | Iterator[Source],
    total_bytes: int,
    sink: Sink | None,
    jobs: int,
    encoding: str | None,
    quiet: bool,
    fail_fast: bool,
    keep_text: bool = False,
) -> Exit:
    """Process every input; write records (tables when ``sink`` is None; CoNLL or brat through
    the sink's ``write_outcome`` when ``keep_text``); report errors on stderr; return the exit
    status."""
    pretty = sink is None
    progress = Progress(total_bytes, enabled=not quiet and bar_allowed(sink and sink.path, pretty))
    status = Exit.OK
    outcomes = batch.run(pipeline, iter(inputs), jobs=jobs, encoding=encoding, keep_text=keep_text)
    try:
        for outcome in outcomes:
            progress.advance(outcome.docs, outcome.size, outcome.name if outcome.error else None)
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
            elif keep_text:
                sink.write_outcome(outcome)
            else:
                sink.write(outcome.data)
    except KeyboardInterrupt as exc:
        outcomes.close()  # stop the workers before anything else
        progress.stop()
        where = "output holds only whole records"
        if sink is not None and sink.tmp:
            partial = sink.keep_partial()
            kept = f"; the whole records written so far are in {partial}" if partial else ""
            where = f"{sink.path} left as it was{kept}"
        print(f"khabar: {'terminated' if isinstance(exc, Terminated) else 'interrupted'}; {where}", file=sys.stderr)
        Stop.reported = True
        return Exit.TERMINATED if isinstance(exc, Terminated) else Exit.INTERRUPTED
    except BrokenPipeError:
        outcomes.close()
        progress.stop()
        _silence_stdout()
        return Exit.BROKEN_PIPE
    except (OutputError, ExportError) as exc:
        outcomes.close()
        progress.stop()
        sink.discard()
        print(f"khabar: {exc}", file=sys.stderr)
        return Exit.OUTPUT
    finally:
        outcomes.close()
        progress.stop()
    if sink is not None:
        try:
            sink.finish()
        except OutputError as exc:
            print(f"khabar: {exc}", file=sys.stderr)
            return Exit.OUTPUT
    if not quiet:
        print(progress.summary(), file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """After the reader went away (| head), make the interpreter's final flush a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def total_size(items: list[Source] | Iterator[Source], paths: list[str]) -> int:
    if isinstance(items, list):
        return sum(s.size for s in items)
    return sum(Path(p).stat().st_size for p in paths if p != "-" and Path(p).is_file())
