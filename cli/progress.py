"""Progress on stderr: a rich bar when stderr is a terminal, nothing otherwise; a summary line."""

from __future__ import annotations

import sys
import time


class Progress:
    """Counts documents, bytes and errors; draws a rich bar only on a terminal."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.docs = self.bytes = self.errors = self.warnings = 0
        self.t0 = time.perf_counter()
        self.bar = None
        if enabled and sys.stderr.isatty():
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
            )
            self.task = self.bar.add_task("extract", total=total_bytes or None, docs=0, errors=0)
            self.bar.start()

    def advance(self, docs: int, nbytes: int, error: bool) -> None:
        self.docs += docs
        self.bytes += nbytes
        self.errors += error
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
        return (
            f"khabar: {self.docs} documents, {mb:.1f} MB in {secs:.1f} s "
            f"({mb / secs:.2f} MB/s), {self.errors} errors, {self.warnings} warnings"
        )
