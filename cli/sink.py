"""Where JSON lines go: stdout or a file, one document's lines per write, never half a line.

``-o FILE`` is written to a temporary file in FILE's folder and renamed onto FILE only when the
run ends normally, so an interrupted or failed run never leaves FILE half-written (a previous
FILE stays as it was; an interrupted run keeps its whole records in ``FILE.partial``). Each write
runs with SIGINT and SIGTERM held back, so a signal cannot cut a line in two; a write that fails
(disk full, closed output) is cut back to the last whole block where the output is a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys

from khabar import signals


class OutputError(Exception):
    """Writing the output failed: ``where`` names the file (or standard output)."""

    def __init__(self, where: str, exc: OSError | None = None, problem: str | None = None) -> None:
        self.where = where
        self.errno = exc.errno if exc is not None else None
        self.problem = problem or (exc.strerror if exc is not None and exc.strerror else str(exc))
        super().__init__(str(self))

    def __str__(self) -> str:
        code = f" (errno {self.errno}, {errno.errorcode.get(self.errno, '?')})" if self.errno else ""
        return f"cannot write {self.where}: {self.problem}{code}"


class ExportError(Exception):
    """A CoNLL or brat export cannot be written (the message names the path; cli/export.py)."""


class Sink:
    """Writes whole-document blocks of JSON lines to ``path`` (via a temporary file) or stdout."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.committed = 0
        self.tmp: str | None = None
        self.target: str | None = None
        self.fd: int | None = None
        self.where = path or "standard output"
        self._base: int | None = None  # stdout's offset at start, when stdout is a regular file
        if path and _is_special(path):  # a device or a pipe (/dev/null, a FIFO): written in place
            try:
                self.fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            except OSError as exc:
                raise OutputError(path, exc) from None
        elif path:
            self.target = os.path.realpath(path)  # through a symlink, the file it names is replaced
            folder, name = os.path.split(self.target)
            try:
                self.fd, self.tmp = _create_beside(folder, name)
            except OSError as exc:
                raise OutputError(path, exc) from None
        else:
            if sys.stdout is None:
                raise OutputError(self.where, problem="it is closed", exc=OSError(errno.EBADF, "closed"))
            with contextlib.suppress(Exception):
                sys.stdout.flush()
            try:
                self.fd = sys.stdout.fileno()
                st = os.fstat(self.fd)
            except (OSError, ValueError) as exc:
                err = exc if isinstance(exc, OSError) else OSError(errno.EBADF, "closed")
                raise OutputError(self.where, err, problem="it is closed") from None
            if stat.S_ISREG(st.st_mode):
                with contextlib.suppress(OSError):
                    self._base = os.lseek(self.fd, 0, os.SEEK_CUR)

    def write(self, data: bytes) -> None:
        """Write one block whole; a signal arriving meanwhile is handled after it."""
        if not data:
            return
        with signals.held():
            view = memoryview(data)
            done = 0
            while done < len(view):
                try:
                    done += os.write(self.fd, view[done:])
                except InterruptedError:
                    continue
                except BrokenPipeError:
                    raise
                except OSError as exc:
                    self._cut_back()
                    raise OutputError(self.where, exc) from None
            self.committed += len(data)

    def _cut_back(self) -> None:
        """After a failed write to a file: drop the part of the block that did get written."""
        with contextlib.suppress(OSError):
            if self.tmp:
                os.ftruncate(self.fd, self.committed)
            elif self._base is not None:
                os.ftruncate(self.fd, self._base + self.committed)

    def finish(self) -> None:
        """The run ended normally: put the file in place."""
        if self.path and not self.tmp and self.fd is not None:  # a device or FIFO opened in place
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
        if not self.tmp:
            return
        try:
            os.fsync(self.fd)
            os.fchmod(self.fd, _mode_for(self.target))
            os.close(self.fd)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise OutputError(self.where, exc) from None
        self.tmp = None

    def keep_partial(self) -> str | None:
        """After an interrupt: keep the whole records written so far beside the target; its name."""
        if not self.tmp:
            return None
        partial = f"{self.target}.partial"
        try:
            os.close(self.fd)
            os.replace(self.tmp, partial)
        except OSError:
            self.discard()
            return None
        self.tmp = None
        return partial

    def discard(self) -> None:
        """Remove the temporary file (the target is left as it was)."""
        if self.tmp:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None


def _create_beside(folder: str, name: str) -> tuple[int, str]:
    """A new private file ``.NAME.XXXXXXXX.part`` in ``folder`` (what tempfile.mkstemp does,
    without importing tempfile on every run)."""
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.part")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def _is_special(path: str) -> bool:
    """An existing output that is not a regular file: a device, a FIFO or a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask, as open() would."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
