"""Typed errors of the library; the CLI maps them to exit codes in one place."""

from __future__ import annotations


class KhabarError(Exception):
    """Base class: every error khabar raises on bad input."""


class InputError(KhabarError):
    """An input file or document cannot be read as text."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class LexiconError(KhabarError):
    """One or more lexicon lines are invalid; ``problems`` lists ``file:line: problem``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} lexicon problems")
        self.problems = problems
