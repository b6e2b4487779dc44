"""Bodies and places named after a person: a trigger word, then a title and a name (مستشفى الملك
فهد، مركز الملك فهد الثقافي، جامعة الأمير سلطان، شارع الملك عبدالعزيز). The whole phrase is the
organization or place; the person inside it is not mentioned as a person (the overlap policy keeps
the longer span)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.extractors.context import Context
from khabar.records import Entity

MAX_COMPLEMENTS = 2  # مركز الملك فهد الثقافي، مدينة الملك عبدالعزيز للعلوم
# Titles of the people bodies and places are named after (not الدكتور …: جامعة الدكتور فلان is a
# university's president), normalised as the title matches are.
NAMING_TITLES = frozenset(
    {"الملك", "الامير", "الاميره", "الملكه", "الشيخ", "الامام", "السلطان", "خادم الحرمين الشريفين"}
)
_LABELS = {"ORG_TRIGGER": "ORG", "LOC_TRIGGER": "LOC"}
_ACTION_NOUNS = frozenset({"رئاسه", "برئاسه", "ادارة", "اداره", "رعايه", "برعايه"})  # (normalised)


def named_after(ctx: Context, titled: list[tuple[Entity, str, str]]) -> Iterator[Entity]:
    """An ORG (or LOC, after a place trigger) from a trigger word right before a titled person."""
    doc = ctx.doc
    for person, key, _phrase in titled:
        if key not in NAMING_TITLES:
            continue  # (the cheap test first: most titles name nothing)
        title = _title_before(ctx, person.first)
        if title is None or title == 0 or not doc.joined(title - 1) or ctx.behind_preposition(title, ("ب", "ل")):
            continue  # (جولة خارجية للأمير …: "a foreign tour for the prince", no name)
        trigger = title - 1
        label = next((_LABELS[lab] for lab in _LABELS if ctx.word_has(trigger, lab)), None)
        if label is None or doc.has_article(trigger) or doc.norms[trigger] in _ACTION_NOUNS:
            continue  # (المستشفى الملك …: a definite head is no name's head; برئاسة الأمير: "chaired by")
        last = person.last
        while last > person.first and ctx.behind_preposition(last, ("ب", "ل")):
            last -= 1  # مستشفى الملك خالد بحائل: the place after ب is not part of the name
        for _ in range(MAX_COMPLEMENTS):
            k = last + 1
            if k >= doc.n or not doc.joined(last):
                break
            if not _complement(ctx, k):
                break  # (not و + ال: مركز الملك سلمان للشباب | والجهات …)
            last = k
            if doc.norms[k].startswith("لل"):
                label = "ORG"  # مدينة الملك عبدالعزيز للعلوم والتقنية: an institution, not a town
        start = doc.span_start(trigger, _proclitic_letters(ctx, trigger))
        yield ctx.mention(label, trigger, last, "rule:named-after", start=start)


def _title_before(ctx: Context, first: int) -> int | None:
    """First token of the title match that ends right before token ``first``."""
    for k in range(max(0, first - 3), first):
        m = ctx.longest(k, "TITLE")
        if m is not None and m.last == first - 1:
            return k
    return None


def _complement(ctx: Context, k: int) -> bool:
    """A word of the name after the person: a definite relational adjective (الثقافي، الجامعي،
    العامة) or a ل + ال genitive (للإغاثة، للعلوم), no entity or title."""
    doc = ctx.doc
    word, norm = doc.words[k], doc.norms[k]
    if ctx.longest(k, "LOC", "ORG", "PER", "TITLE"):
        return False
    return doc.has_article(k) and word.endswith(("ي", "ية")) or norm.startswith("لل") and len(norm) > 4


def _proclitic_letters(ctx: Context, k: int) -> int:
    """Letters of a proclitic (و، ب، ل) before a trigger read without it (بمستشفى → مستشفى)."""
    for stripped, stem in ctx.doc.splits[k]:
        if stripped and any(lab in ctx.gaz.phrases.get(stem, {}) for lab in _LABELS):
            return stripped
    return 0
