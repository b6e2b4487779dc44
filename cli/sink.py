"""Where JSON lines go: stdout or a file, one document's lines per write, never half a line."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import BinaryIO


class Sink:
    """Writes whole-document blocks of JSON lines; ``rollback`` drops an unfinished block."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.fh: BinaryIO = open(path, "wb") if path else sys.stdout.buffer  # noqa: SIM115
        self.committed = 0

    def write(self, data: bytes) -> None:
        if not data:
            return
        self.fh.write(data)
        self.fh.flush()
        self.committed += len(data)

    def rollback(self) -> None:
        """After an interrupt: cut a file back to the last whole block written."""
        if self.path:
            with contextlib.suppress(OSError):
                self.fh.flush()
            os.truncate(self.path, self.committed)

    def close(self) -> None:
        if self.path:
            self.fh.close()
        else:
            with contextlib.suppress(BrokenPipeError):
                self.fh.flush()
