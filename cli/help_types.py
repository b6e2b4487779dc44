"""Help screens in the usual click style: ``-o FILE``, ``PATH...``, and no Python types.

typer prints the usage line as ``{paths}...`` or ``{PATH}`` (0.28) and, from 0.29, a
parameter's Python annotation (``<bool>`` for every flag, ``<list[str]>``, ``<str>``). This
swaps in the metavars the commands declare, nothing for flags, and ``PATH...`` in the usage
line; the app uses click's plain help layout. It only changes how help is drawn; the hooks are
looked up by name and left alone on typer versions without them.
"""

from __future__ import annotations

import inspect
from typing import Any


def _option_type(self: Any, ctx: Any) -> str | None:
    if getattr(self, "is_flag", False) or getattr(self, "count", False):
        return None
    name = self.metavar if self.metavar is not None else self.type.name.upper()
    return f"{name}..." if self.nargs != 1 else name


_TYPE_NAMES = {"str": "TEXT", "text": "TEXT", "int": "INTEGER", "integer": "INTEGER", "float": "FLOAT"}


def _option_metavar(self: Any, ctx: Any) -> str:
    """What follows an option that takes a value: its metavar, else the type as click names it."""
    if self.metavar is not None:
        return self.metavar
    name = str(getattr(self.type, "name", "text")).strip("<>")
    return _TYPE_NAMES.get(name.lower(), name.upper())


def _argument_type(self: Any, ctx: Any) -> str | None:
    return None  # the name column already shows the argument's metavar


def _usage_name(self: Any) -> str:
    name = self.metavar or self.name.upper()
    if not self.required:
        name = f"[{name}]"
    return f"{name}..." if self.nargs != 1 else name


def _argument_metavar(self: Any, ctx: Any, *, usage: bool = False) -> str:
    name = _usage_name(self) if usage else (self.metavar or self.name.upper())
    return name if usage or self.nargs == 1 else f"{name}..."


def plain_help_types() -> None:
    """Apply the click-style help drawing to typer's parameter classes (idempotent)."""
    from typer import core

    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is not None and hasattr(option, "display_type_rich"):  # typer 0.29
        option.display_type_rich = _option_type
    elif option is not None and hasattr(option, "make_metavar"):  # up to 0.28 (<str> on click 8.2+)
        option.make_metavar = _option_metavar
    if argument is not None and hasattr(argument, "display_type_rich"):
        argument.display_type_rich = _argument_type
    if argument is not None and hasattr(argument, "_usage_display_name"):  # typer 0.29
        argument._usage_display_name = _usage_name
    elif argument is not None and "usage" in inspect.signature(argument.make_metavar).parameters:  # up to 0.28
        argument.make_metavar = _argument_metavar
