"""Progress on stderr: a rich bar when it cannot share a line with data, nothing otherwise; a summary."""

from __future__ import annotations

import os
import stat
import sys
import time

FAILED_LISTED = 10  # the summary names up to this many failed inputs


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 document``, ``2 documents`` (``many`` for irregular plurals: entry, entries)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}"


def bar_allowed(output: str | None, pretty: bool) -> bool:
    """Draw a live bar only where no data reaches the terminal while it is drawn: stderr is a
    terminal and the records go to a file (``-o``, or stdout redirected to a file or /dev/null),
    or they are drawn as tables after the bar is gone. A pipe's reader (jq, less) may write to
    the same terminal at any moment, and so may records written to a terminal."""
    if not sys.stderr or not sys.stderr.isatty():
        return False
    if output or pretty:
        return True
    try:
        fd = sys.stdout.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISREG(mode) or (stat.S_ISCHR(mode) and not os.isatty(fd))


class Progress:
    """Counts documents, bytes and errors; draws a rich bar only where ``enabled``."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.docs = self.bytes = self.errors = self.warnings = 0
        self.failed: list[str] = []
        self.t0 = time.perf_counter()
        self.bar = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                TextColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(
                TextColumn("[bold]{task.fields[docs]}[/] docs"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                TextColumn("[red]{task.fields[errors]} errors"),
                console=Console(stderr=True),
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.task = self.bar.add_task("extract", total=total_bytes or None, docs=0, errors=0)
            self.bar.start()

    def advance(self, docs: int, nbytes: int, failed: str | None = None) -> None:
        """Count an outcome; ``failed`` names the input when it could not be processed."""
        self.docs += docs
        self.bytes += nbytes
        if failed is not None:
            self.errors += 1
            self.failed.append(failed)
        if self.bar is not None:
            self.bar.update(self.task, advance=nbytes, docs=self.docs, errors=self.errors)

    def log(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def summary(self) -> str:
        secs = max(time.perf_counter() - self.t0, 1e-9)
        mb = self.bytes / 1e6
        line = (
            f"khabar: {plural(self.docs, 'document')}, {mb:.1f} MB in {secs:.1f} s "
            f"({mb / secs:.2f} MB/s), {plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        )
        if self.failed:
            shown = ", ".join(self.failed[:FAILED_LISTED])
            more = len(self.failed) - FAILED_LISTED
            line += f"; failed: {shown}" + (f" and {more} more" if more > 0 else "")
        return line
