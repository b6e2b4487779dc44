"""Built-in lexicon data files (see FORMAT.md)."""
