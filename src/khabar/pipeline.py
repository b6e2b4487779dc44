"""The library entry point: text in, records out. No CLI or terminal code here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khabar.document import Document
from khabar.extractors.context import Context
from khabar.extractors.organizations import organizations
from khabar.extractors.persons import persons, titled_persons
from khabar.extractors.places import places
from khabar.extractors.quotes import quotes
from khabar.gazetteer import Gazetteer, compile_gazetteer
from khabar.lexicon import env_lexicon_paths
from khabar.records import Entity, Quote
from khabar.resolve import resolve_entities, title_map


@dataclass
class Result:
    """Everything found in one document."""

    doc_id: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def records(self) -> list[dict]:
        """JSON-ready records (schema version 1): entities then quotes, each in text order."""
        out = [e.as_dict(self.doc_id) for e in self.entities]
        out.extend(q.as_dict(self.doc_id) for q in self.quotes)
        return out


class Pipeline:
    """A reusable, picklable extractor: compile lexicons once, call per document."""

    def __init__(
        self,
        lexicons: list[str | Path] | None = None,
        builtin_persons: bool = True,
        use_env: bool = True,
        want_quotes: bool = True,
        use_cache: bool = True,
    ) -> None:
        paths = list(lexicons or [])
        if use_env:
            paths = env_lexicon_paths() + paths
        self.lexicon_paths = paths
        self.want_quotes = want_quotes
        self.gazetteer: Gazetteer = compile_gazetteer(paths, builtin_persons=builtin_persons, use_cache=use_cache)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        from khabar import text

        text.set_norm_table(self.gazetteer.norm_table)

    def run(self, text: str, doc_id: str = "") -> Result:
        """Entities and quotes of one document."""
        ctx = Context(Document(text, doc_id, self.gazetteer), self.gazetteer)
        titled = list(titled_persons(ctx))
        candidates = [*places(ctx), *organizations(ctx), *persons(ctx, titled)]
        entities = resolve_entities(ctx, candidates)
        found = list(quotes(ctx, entities, title_map(titled, entities))) if self.want_quotes else []
        return Result(doc_id, entities, found)

    def extract(self, text: str, doc_id: str = "") -> list[dict]:
        """Records of one document as dicts (the JSON-lines schema)."""
        return self.run(text, doc_id).records()


_DEFAULT: Pipeline | None = None


def extract(text: str, doc_id: str = "") -> list[dict]:
    """Extract with the default pipeline (built-in lexicons plus ``KHABAR_LEXICONS``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text, doc_id)
