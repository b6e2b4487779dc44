"""The tag line some outlets end an article with: a marker word, then keywords without punctuation.

    … لاستكمال الإجراءات النظامية. سمات ابها خميس مشيط سائق فتيات

Its words are no sentence: names in it stand side by side (سمات بيتوركا منصور البلوي مونتاري نايف)
and a run of them is no one's full name. Mentions there are kept, but they never name an entity
that the article names elsewhere.
"""

from __future__ import annotations

import re

MAX_TAG_LINE = 400  # characters at the end of the text searched for a tag line
_TAG_LINE = re.compile(
    r"(?:^|(?<=[.!؟\n\u00a0]))\s*(?:سمات|الوسوم|وسوم|كلمات مفتاحية|الكلمات الدالة)\s+[^.،,:؛!؟\"«»“”\n]*\s*\Z"
)


def tag_line_start(text: str) -> int:
    """Offset where the text's closing tag line starts, or len(text) when it has none."""
    tail = max(0, len(text) - MAX_TAG_LINE)
    m = _TAG_LINE.search(text, tail)
    return m.start() if m else len(text)
