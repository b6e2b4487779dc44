"""The library entry point: text in, records out. No CLI or terminal code here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khabar import windows
from khabar.document import Document
from khabar.extractors.context import Context
from khabar.extractors.named_after import named_after
from khabar.extractors.organizations import organizations
from khabar.extractors.persons import persons, titled_persons
from khabar.extractors.places import places
from khabar.extractors.quotes import quotes
from khabar.gazetteer import Gazetteer, compile_gazetteer
from khabar.lexicon import env_lexicon_paths
from khabar.linking import document_entities, link_speakers
from khabar.name_assembly import assemble_names
from khabar.records import Entity, Quote
from khabar.resolve import resolve_entities


@dataclass
class Result:
    """Everything found in one document."""

    doc_id: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def records(self) -> list[dict]:
        """JSON-ready records (schema version 2): entities then quotes, each in text order."""
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
        descriptive_orgs: bool = True,
    ) -> None:
        paths = list(lexicons or [])
        if use_env:
            paths = env_lexicon_paths() + paths
        self.lexicon_paths = paths
        self.want_quotes = want_quotes
        # وزارة الخارجية الأمريكية، هيئة الرياضة السعودية as ORG (news usage); off = ANERcorp's usage
        self.descriptive_orgs = descriptive_orgs
        self.gazetteer: Gazetteer = compile_gazetteer(paths, builtin_persons=builtin_persons, use_cache=use_cache)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        from khabar import text

        text.set_norm_table(self.gazetteer.norm_table)

    def run(self, text: str, doc_id: str = "") -> Result:
        """Entities and quotes of one document."""
        ctx = Context(Document(text, doc_id, self.gazetteer), self.gazetteer)  # tokens, lexicon matches
        titled = list(titled_persons(ctx))  # persons introduced by a title, with the title
        candidates = [*places(ctx), *organizations(ctx, self.descriptive_orgs), *persons(ctx, titled)]  # extractors
        candidates.extend(named_after(ctx, titled))  # مستشفى الملك فهد: a body named after a person
        mentions = resolve_entities(ctx, candidates)  # overlap policy, short forms → full names
        mentions = assemble_names(ctx, mentions)  # وقال دين … أيمن دين: a first name before a one-word person
        entities = document_entities(ctx, mentions)  # one entity per person, body, place
        found = list(quotes(ctx, mentions, titled)) if self.want_quotes else []  # quotes + attribution
        link_speakers(ctx, entities, mentions, found)  # each speaker → its entity
        return Result(doc_id, mentions, found)

    def extract(self, text: str, doc_id: str = "") -> list[dict]:
        """Records of one document as dicts (the JSON-lines schema); a document longer than
        ``windows.WINDOW_CHARS`` is read in windows (memory bounded, time linear)."""
        if len(text) > windows.WINDOW_CHARS:
            return windows.extract(self, text, doc_id)
        return self.run(text, doc_id).records()


_DEFAULT: Pipeline | None = None


def extract(text: str, doc_id: str = "") -> list[dict]:
    """Extract with the default pipeline (built-in lexicons plus ``KHABAR_LEXICONS``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text, doc_id)
