"""Exit statuses of the khabar command, in one place."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    INPUT_ERRORS = 1  # some inputs could not be read; the others were processed
    USAGE = 2
    LEXICON = 3  # a lexicon is invalid: nothing was processed
    INTERRUPTED = 130
    BROKEN_PIPE = 141
