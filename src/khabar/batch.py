"""Many documents: a bounded window of work over a process pool, results in input order.

Workers turn chunks of a few Sources into their JSON-lines bytes (or error messages); the
parent only lists inputs and writes. At most ``jobs * WINDOW_PER_JOB`` chunks are in flight,
so memory stays bounded however many inputs there are. Files larger than ``STREAM_BYTES`` are
processed in the parent, read in blocks and extracted in windows (khabar.windows), so a 100 MB
file never sits in memory as one string; a long document given as text (or a JSON-lines
document) is windowed the same way by ``Pipeline.extract``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from khabar import signals, windows
from khabar.errors import InputError
from khabar.output import jsonl
from khabar.pipeline import Pipeline
from khabar.reader import Source, read_file, read_stdin, stream_decoder

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

WINDOW_PER_JOB = 4  # chunks in flight per worker
CHUNK_DOCS = 32
CHUNK_BYTES = 256 * 1024
STREAM_BYTES = 8 * 1024 * 1024  # bigger files stream in the parent (peak memory flat); smaller ones go to workers whole
BLOCK_BYTES = 64 * 1024  # a streamed file is read in blocks of this size (and extracted in windows)


@dataclass(slots=True)
class Outcome:
    """What one input produced: JSON-lines bytes, or an error line; ``size`` in bytes of input."""

    name: str
    data: bytes = b""
    error: str | None = None
    size: int = 0
    docs: int = 1
    warning: str | None = None
    text: str | None = None  # the document's text and id, when asked for (the conll and brat writers need them)
    doc: object = None


_WORKER: Pipeline | None = None
STUCK_THREADS = 0  # pool manager threads left blocked by _stop_workers (see there)
# Collector thresholds for a process that only runs extraction (the CLI and its workers; never set
# by the library): a young collection every 20,000 new containers instead of 700, and full ones
# rarer. Extraction makes no reference cycles, and full collections walk every cached word record
# (2% fewer instructions over 1,000 articles, callgrind; with the default thresholds the collector
# caused about a tenth of the L1 data-cache misses, cachegrind).
GC_THRESHOLDS = (20_000, 20, 100)


def tune_gc() -> None:
    """Collector thresholds for a batch process (see GC_THRESHOLDS)."""
    gc.set_threshold(*GC_THRESHOLDS)


def _init_worker(pipeline: Pipeline | None) -> None:
    """In each worker: Ctrl-C is left to the parent (which stops the workers), SIGTERM ends it at
    once, and the pipeline is the parent's (inherited when forked, else passed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signals.release_in_child()
    _set_worker(pipeline)


def _set_worker(pipeline: Pipeline | None) -> None:
    global _WORKER
    tune_gc()
    if pipeline is not None:
        _WORKER = pipeline


def process(pipeline: Pipeline, source: Source, encoding: str | None = None, keep_text: bool = False) -> Outcome:
    """One input → Outcome (with its text when ``keep_text``); never raises for bad input."""
    if source.error:
        return Outcome(source.name, error=f"{source.name}: {source.error}", docs=0)
    try:
        if source.text is not None:
            text = source.text
        elif source.path is None:
            text = read_stdin(encoding)
        else:
            text = read_file(source.path, source.name, encoding)
    except InputError as exc:
        return Outcome(source.name, error=str(exc), size=source.size, docs=0)
    warning = f"{source.name}: empty input, nothing to extract" if not text.strip() else None
    try:
        data = extract_jsonl(pipeline, text, source.doc_id) if not warning else b""
    except Exception as exc:  # a bug must cost one document, not the batch
        return Outcome(source.name, error=f"{source.name}: internal error: {exc!r}", size=source.size, docs=0)
    size = source.size or len(text.encode("utf-8", "replace"))
    if keep_text:
        return Outcome(source.name, data, size=size, warning=warning, text=text, doc=source.doc_id)
    return Outcome(source.name, data, size=size, warning=warning)


def extract_jsonl(pipeline: Pipeline, text: str, doc_id: object = "") -> bytes:
    """One document's JSON lines; a long one is turned into bytes window by window, so its
    records never all sit in memory as dicts."""
    if len(text) <= windows.WINDOW_CHARS:
        return jsonl(pipeline.extract(text, doc_id))
    return b"".join(jsonl(part) for part in windows.stream(pipeline, windows.pieces(text), doc_id))


def stream_large(pipeline: Pipeline, source: Source, encoding: str | None = None) -> Iterator[Outcome]:
    """A big file read in blocks and extracted in windows (khabar.windows): offsets index the
    whole file's text, and only about one window of it is held at a time."""
    read = _Reader(source, encoding)
    try:
        for records in windows.stream(pipeline, read.pieces(), source.doc_id):
            yield Outcome(source.name, jsonl(records), size=read.take_size(), docs=0)
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"not valid UTF-8 near byte {read.offset}" if isinstance(exc, UnicodeDecodeError) else str(exc)
        yield Outcome(source.name, error=f"{source.name}: {problem}; records before this point were written", docs=0)
        return
    yield Outcome(source.name, b"", size=read.take_size(), docs=1)


class _Reader:
    """The decoded text of a file in pieces of about BLOCK_BYTES, counting the bytes read."""

    def __init__(self, source: Source, encoding: str | None) -> None:
        self.source, self.encoding = source, encoding
        self.offset = 0  # bytes read so far
        self._reported = 0

    def pieces(self) -> Iterator[str]:
        dec = stream_decoder(self.source.path, self.encoding)
        with open(self.source.path, "rb") as fh:
            while block := fh.read(BLOCK_BYTES):
                self.offset += len(block)
                yield dec.decode(block)
            yield dec.decode(b"", final=True)

    def take_size(self) -> int:
        """Bytes read since the last call (for the progress line)."""
        size, self._reported = self.offset - self._reported, self.offset
        return size


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(
    pipeline: Pipeline,
    sources: Iterator[Source],
    jobs: int = 1,
    encoding: str | None = None,
    on_start: Callable[[Source], None] | None = None,
    keep_text: bool = False,
) -> Iterator[Outcome]:
    """Outcomes in input order; big files stream in the parent, the rest go to ``jobs`` workers
    in chunks of a few documents (one round trip per chunk, not per document)."""
    if jobs <= 1:
        for source in sources:
            if on_start:
                on_start(source)
            yield from _single(pipeline, source, encoding, keep_text)
        return
    import multiprocessing  # here, not at the top: a one-file run never pays for the pool
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    initarg = None if ctx.get_start_method() == "fork" else pipeline
    _set_worker(pipeline)  # inherited by forked workers
    window: deque[tuple[list[Source], Future | None]] = deque()
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(initarg,))
    try:
        for chunk in _chunks(sources, on_start):
            big = not keep_text and len(chunk) == 1 and _is_big(chunk[0])  # text kept: read whole
            with signals.held():  # the first submit forks the workers
                window.append((chunk, None if big else pool.submit(_work_chunk, chunk, encoding, keep_text)))
            while len(window) >= jobs * WINDOW_PER_JOB:
                yield from _drain_one(pipeline, window, encoding)
        while window:
            yield from _drain_one(pipeline, window, encoding)
    except BaseException:  # Ctrl-C, SIGTERM, the consumer stopping early (GeneratorExit): stop now
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers without waiting for their chunks. Waiting
    (``shutdown(wait=True)``) after an interrupt can hang (CPython gh-107219), and a worker left
    running would outlive the command. The pool's manager thread is then given two seconds to
    notice. It may never: when a worker was killed while sending a result, the thread waits for
    the rest of that message for ever, and the interpreter's exit would wait for the thread.
    STUCK_THREADS counts those; the command then leaves with ``os._exit`` (cli/entry.py)."""
    from concurrent.futures import process

    workers = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        with contextlib.suppress(Exception):
            proc.terminate()
    for proc in workers:
        with contextlib.suppress(Exception):
            proc.join(5)
            if proc.is_alive():
                proc.kill()
    if manager is not None:
        manager.join(2)
        if manager.is_alive():  # stuck reading a result a killed worker left half-written
            global STUCK_THREADS
            STUCK_THREADS += 1
            with contextlib.suppress(Exception):
                process._threads_wakeups.pop(manager, None)


def _is_big(source: Source) -> bool:
    return source.path is not None and source.size > STREAM_BYTES and not source.error


def _chunks(sources: Iterator[Source], on_start: Callable[[Source], None] | None) -> Iterator[list[Source]]:
    """Consecutive sources grouped up to CHUNK_DOCS documents or CHUNK_BYTES; big files alone."""
    chunk: list[Source] = []
    size = 0
    for source in sources:
        if on_start:
            on_start(source)
        if _is_big(source):
            if chunk:
                yield chunk
            chunk, size = [], 0
            yield [source]
            continue
        chunk.append(source)
        size += source.size or len(source.text or "")
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _work_chunk(chunk: list[Source], encoding: str | None, keep_text: bool = False) -> list[Outcome]:
    assert _WORKER is not None
    return [process(_WORKER, source, encoding, keep_text) for source in chunk]


def _single(pipeline: Pipeline, source: Source, encoding: str | None, keep_text: bool = False) -> Iterator[Outcome]:
    if not keep_text and _is_big(source):
        yield from stream_large(pipeline, source, encoding)
    else:
        yield process(pipeline, source, encoding, keep_text)


def _drain_one(pipeline: Pipeline, window: deque, encoding: str | None) -> Iterator[Outcome]:
    chunk, future = window.popleft()
    if future is None:
        yield from stream_large(pipeline, chunk[0], encoding)
        return
    try:
        yield from future.result()
    except Exception as exc:  # a worker died (e.g. killed): report each input, keep going
        for source in chunk:
            yield Outcome(source.name, error=f"{source.name}: worker failed: {exc!r}", docs=0)
