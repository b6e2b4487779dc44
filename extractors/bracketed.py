"""Organizations that parentheses point out: teams of a fixture line, each with its country in
parentheses (بوردو ( فرنسا ) - أيندهوفن ( هولندا )), and a body's short name in parentheses after
its descriptive name (قوات المساعدة على إرساء الأمن ( إيساف ))."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from khabar.extractors.context import FUNCTION_WORDS, Context, normalized_words
from khabar.records import Entity

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
_CLOSE_DASH = re.compile(r"\s*\)\s*[-–]\s*")
_TEAM_BOUNDARY = re.compile(r"[-–:().،,]|\n")
MAX_TEAM = 3  # words of a team's name
MAX_BODY_BEFORE = 7  # words of the description before a short name in parentheses
_BODY_NOUNS = normalized_words("قوات قوة بعثة")  # bodies that are no trigger word (قوات الأمن)


def _after_openings(ctx: Context) -> Iterator[int]:
    """Tokens right after an opening parenthesis, with only spaces and the parenthesis between
    them and the token before."""
    doc, text = ctx.doc, ctx.doc.text
    offset = text.find("(")  # (str.find skips ahead faster than a pass over every character)
    while offset >= 0:
        k = doc.first_token_from(offset)
        if 0 < k < doc.n and _OPEN.fullmatch(doc.gap(k - 1)):
            yield k
        offset = text.find("(", offset + 1)


def _team_before(ctx: Context, last: int) -> int | None:
    """First token of the team name that ends at token ``last`` (just before "( country )"): the
    tokens back to a dash, a colon, a bracket, a line start or a common word, at most MAX_TEAM;
    None when a function word or a number is among them."""
    doc = ctx.doc
    first = last
    while first > 0 and last - first + 1 < MAX_TEAM and not _TEAM_BOUNDARY.search(doc.gap(first - 1)):
        if ctx.is_common(first - 1) and not ctx.by_first.get(first - 1):
            break  # المجموعة السادسة بنفيكا: a heading's words before the name
        first -= 1
    if any(doc.norms[k] in FUNCTION_WORDS or not ctx.is_arabic_word(k) for k in range(first, last + 1)):
        return None
    return first


def fixture_teams(ctx: Context) -> Iterator[Entity]:
    """Teams in a fixture or result line, each with its country in parentheses and a dash between
    them: ليفربول ( إنجلترا ) - غلطة سراي ( تركيا ). A city there is a club (ORG), not a place."""
    doc = ctx.doc
    teams = []  # (first, last, last token of the country)
    for k in _after_openings(ctx):
        country = ctx.longest(k, "LOC")
        if country is None or not _CLOSE.match(doc.gap(country.last)):
            continue
        first = _team_before(ctx, k - 1)
        if first is not None:
            teams.append((first, k - 1, country.last))
    paired = set()
    for (first1, last1, country1), (first2, last2, _) in pairwise(teams):
        if first2 == country1 + 1 and _CLOSE_DASH.fullmatch(doc.gap(country1)):
            paired.update({(first1, last1), (first2, last2)})
    for first, last in sorted(paired):
        yield ctx.mention("ORG", first, last, "rule:fixture")


def parenthesized_short_names(ctx: Context) -> Iterator[Entity]:
    """A one-word unknown name in parentheses right after a body's descriptive name (قوات
    المساعدة على إرساء الأمن ( إيساف )، منظمة الدول المصدرة للنفط ( أوبك )): its short name."""
    doc = ctx.doc
    for k in _after_openings(ctx):
        if not doc.gap(k).lstrip().startswith(")") or ctx.by_first.get(k) or doc.has_article(k):
            continue
        if len(doc.norms[k]) < 3 or ctx.is_common(k) or not ctx.name_like(k, first=True):
            continue  # (name_like: an Arabic word, not a verb or a noun with a pronoun)
        j = k - 1
        while j > 0 and k - j < MAX_BODY_BEFORE and doc.joined(j - 1):
            j -= 1
        if any(doc.norms[t] in _BODY_NOUNS or ctx.word_has(t, "ORG_TRIGGER") for t in range(j, k)):
            yield ctx.mention("ORG", k, k, "rule:parenthesized")
