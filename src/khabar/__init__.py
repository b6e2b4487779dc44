"""khabar: people, organizations, places and attributed quotes in Arabic news, as JSON lines."""

from khabar.pipeline import Pipeline, Result, extract

__version__ = "0.1.0"
__all__ = ["Pipeline", "Result", "extract", "__version__"]
