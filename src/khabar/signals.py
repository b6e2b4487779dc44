"""Holding back Ctrl-C and SIGTERM for the few steps that must not be cut in two."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def held() -> Iterator[None]:
    """Run the block with SIGINT and SIGTERM blocked; one that arrives meanwhile is delivered
    (and raised) as soon as the block ends. Used around writing a block of records, which must
    land whole, and around forking workers, where a KeyboardInterrupt inside the interpreter's
    fork hooks is printed as "Exception ignored" and lost. Outside the main thread it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def release_in_child() -> None:
    """In a forked worker: the parent held the signals while forking; let them through again."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
