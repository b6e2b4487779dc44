"""The ``khabar`` command's entry point: signals are handled before anything heavy is imported.

A stop by Ctrl-C or SIGTERM ends with one line on stderr and status 130 or 143, wherever it
lands: during start-up, inside a command (where typer turns it into a silent exit 130), or in a
run (which explains what the output holds).
"""

from __future__ import annotations

import signal
import sys

from khabar.cli.exits import Exit, Stop, Terminated


def _terminate(signum: int, frame: object) -> None:
    Stop.terminated = True
    raise Terminated()


def stop_in_a_callback(unraisable: object) -> None:
    """``sys.unraisablehook``: a stop raised where Python cannot let it propagate (Ctrl-C or SIGTERM
    landing in a weakref callback of the import machinery) would print "Exception ignored in …"
    and a traceback, and the run would go on as if nothing came. It is noted instead, silently, and
    the command ends as stopped (one line, status 130 or 143) when the run is over; anything else
    goes to the default hook."""
    exc = getattr(unraisable, "exc_value", None)
    if isinstance(exc, KeyboardInterrupt):
        Stop.interrupted = True
        return
    sys.__unraisablehook__(unraisable)  # type: ignore[arg-type]


def main() -> None:
    """Console-script entry point."""
    sys.unraisablehook = stop_in_a_callback
    signal.signal(signal.SIGTERM, _terminate)
    code: object = 0
    try:
        _load_extension_modules()
        from khabar.cli.app import app

        app()
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # an interrupt CPython wrapped on its way out (e.g. in __set_name__ during an import)
        if not _caused_by_a_stop(exc):
            raise
        code = Exit.INTERRUPTED
    finally:  # the run is over: a signal now would only interrupt the interpreter's own exit
        _ignore_stop_signals()
    if code == Exit.INTERRUPTED or Stop.terminated or Stop.interrupted:
        if not Stop.reported:
            print(f"khabar: {'terminated' if Stop.terminated else 'interrupted'}", file=sys.stderr)
        _exit_now(Exit.TERMINATED if Stop.terminated else Exit.INTERRUPTED)
    batch = sys.modules.get("khabar.batch")
    if batch is not None and batch.STUCK_THREADS:  # after | head, say: workers were stopped midway
        _exit_now(code if isinstance(code, int) else 1)
    sys.exit(code)


# C extension modules every extracting command loads. Their initialisation must not be interrupted:
# Ctrl-C landing inside orjson's module init crashed the process with SIGSEGV (seen 2 times in 70
# interrupted runs under load, faulthandler stack in orjson/__init__.py).
EXTENSION_MODULES = ("orjson", "regex", "khabar._native")


def _load_extension_modules() -> None:
    """Import the C extension modules with SIGINT/SIGTERM held (delivered right after)."""
    import contextlib
    import importlib

    from khabar.signals import held

    with held():
        for name in EXTENSION_MODULES:
            with contextlib.suppress(ImportError):  # khabar._native is optional (no compiler at install)
                importlib.import_module(name)


def _caused_by_a_stop(exc: BaseException) -> bool:
    """Whether a KeyboardInterrupt (Ctrl-C, or SIGTERM's Terminated) is in the exception's chain."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


def _ignore_stop_signals() -> None:
    """Block, then ignore, SIGINT and SIGTERM; one landing while this runs is retried, not raised."""
    while True:
        try:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            return
        except KeyboardInterrupt:
            continue


def _exit_now(code: int) -> None:
    """After a stop, leave without the interpreter's exit hooks: they join the process pool's
    manager thread, which can hang once workers were killed (see batch._stop_workers). The
    workers are already gone and every record written is whole; only the streams need flushing."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
