"""Many documents: a bounded window of work over a process pool, results in input order.

Workers turn chunks of a few Sources into their JSON-lines bytes (or error messages); the
parent only lists inputs and writes. At most ``jobs * WINDOW_PER_JOB`` chunks are in flight,
so memory stays bounded however many inputs there are. Files larger than ``STREAM_BYTES`` are
processed in the parent, in blocks of whole paragraphs, so a 100 MB file never sits in memory
as one string (each block is treated as one document: quotes and name resolution do not reach
across blocks).
"""

from __future__ import annotations

import codecs
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from khabar.errors import InputError
from khabar.output import jsonl
from khabar.pipeline import Pipeline
from khabar.reader import Source, read_file, read_stdin

WINDOW_PER_JOB = 4  # chunks in flight per worker
CHUNK_DOCS = 32
CHUNK_BYTES = 256 * 1024
STREAM_BYTES = 16 * 1024 * 1024
BLOCK_BYTES = 64 * 1024  # a streamed file is read, and extracted, in blocks of whole lines this size


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
        data = jsonl(pipeline.extract(text, source.doc_id)) if not warning else b""
    except Exception as exc:  # a bug must cost one document, not the batch
        return Outcome(source.name, error=f"{source.name}: internal error: {exc!r}", size=source.size, docs=0)
    size = source.size or len(text.encode("utf-8", "replace"))
    if keep_text:
        return Outcome(source.name, data, size=size, warning=warning, text=text, doc=source.doc_id)
    return Outcome(source.name, data, size=size, warning=warning)


def stream_large(pipeline: Pipeline, source: Source, encoding: str | None = None) -> Iterator[Outcome]:
    """A big file in paragraph blocks; offsets are shifted so they index the whole file's text."""
    dec = codecs.getincrementaldecoder(encoding or "utf-8-sig")()
    base, pending, offset = 0, "", 0
    try:
        with open(source.path, "rb") as fh:
            while True:
                block = fh.read(BLOCK_BYTES)
                offset += len(block)
                pending += dec.decode(block, final=not block)
                cut = pending.rfind("\n") + 1 if block else len(pending)
                if cut:
                    chunk, pending = pending[:cut], pending[cut:]
                    yield Outcome(source.name, jsonl(_shifted(pipeline, chunk, base, source)), size=len(block), docs=0)
                    base += len(chunk)
                if not block:
                    break
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"not valid UTF-8 near byte {offset}" if isinstance(exc, UnicodeDecodeError) else str(exc)
        yield Outcome(source.name, error=f"{source.name}: {problem}; records before this point were written", docs=0)
        return
    yield Outcome(source.name, b"", size=0, docs=1)


def _shifted(pipeline: Pipeline, chunk: str, base: int, source: Source) -> list[dict]:
    records = pipeline.extract(chunk, source.doc_id)
    for r in records:
        for span in (r, r.get("cue"), r.get("speaker"), r.get("quote")):
            if isinstance(span, dict) and span.get("start") is not None:
                span["start"] += base
                span["end"] += base
    return records


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
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    initarg = None if ctx.get_start_method() == "fork" else pipeline
    _init_worker(pipeline)  # inherited by forked workers
    window: deque[tuple[list[Source], Future | None]] = deque()
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(initarg,)) as pool:
        try:
            for chunk in _chunks(sources, on_start):
                big = not keep_text and len(chunk) == 1 and _is_big(chunk[0])  # text kept: read whole
                window.append((chunk, None if big else pool.submit(_work_chunk, chunk, encoding, keep_text)))
                while len(window) >= jobs * WINDOW_PER_JOB:
                    yield from _drain_one(pipeline, window, encoding)
            while window:
                yield from _drain_one(pipeline, window, encoding)
        finally:
            for _, future in window:
                if future is not None:
                    future.cancel()


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
