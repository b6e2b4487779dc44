"""Extractors: one module per concern, each a generator of typed records over a Context."""
