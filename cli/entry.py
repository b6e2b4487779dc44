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


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminate)
    code: object = 0
    try:
        from khabar.cli.app import app

        app()
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except SystemExit as exc:
        code = exc.code
    finally:  # the run is over: a signal now would only interrupt the interpreter's own exit
        _ignore_stop_signals()
    if code == Exit.INTERRUPTED or Stop.terminated:
        if not Stop.reported:
            print(f"khabar: {'terminated' if Stop.terminated else 'interrupted'}", file=sys.stderr)
        _exit_now(Exit.TERMINATED if Stop.terminated else Exit.INTERRUPTED)
    batch = sys.modules.get("khabar.batch")
    if batch is not None and batch.STUCK_THREADS:  # after | head, say: workers were stopped midway
        _exit_now(code if isinstance(code, int) else 1)
    sys.exit(code)


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
