"""Exit statuses of the khabar command, in one place."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    INPUT_ERRORS = 1  # some inputs could not be read; the others were processed
    USAGE = 2
    LEXICON = 3  # a lexicon is invalid: nothing was processed
    OUTPUT = 4  # the output could not be written (disk full, closed stdout, permission denied)
    INTERRUPTED = 130
    BROKEN_PIPE = 141
    TERMINATED = 143  # SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so a run stops the way it does on Ctrl-C."""


class Stop:
    """How a run was stopped by a signal, for the one line main() prints when nothing else did."""

    terminated = False  # SIGTERM arrived
    interrupted = False  # a stop raised where it could not propagate (see entry.stop_in_a_callback)
    reported = False  # the stop was already explained on stderr
