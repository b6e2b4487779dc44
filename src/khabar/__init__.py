"""khabar: people, organizations, places and attributed quotes in Arabic news, as JSON lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Pipeline", "Result", "extract", "__version__"]

if TYPE_CHECKING:
    from khabar.pipeline import Pipeline, Result, extract


def __getattr__(name: str) -> object:
    """``khabar.Pipeline`` and friends load the pipeline on first use, so ``import khabar.cli``
    (the command's entry point) costs nothing before signals are handled."""
    if name in ("Pipeline", "Result", "extract"):
        from khabar import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")
