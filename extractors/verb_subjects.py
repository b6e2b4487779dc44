"""Unseen names in the subject slot of verbs that take a person as subject (VSO order).

News opens many sentences with a verb whose subject is a person: وسجل كيني ميلر هدف الفوز،
ووعد عبدالسلام جمعة الجماهير، كما أعربت ريناته شميت عن أسفها. Speech verbs are handled with the
quotes (the CUE lexicon); these verbs report acts, so they are a word class of their own here.
The name must be two or three name-like words (or one listed name part) that the lists do not
give another label, and the slot must end it (a preposition, an object, a role, punctuation).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from khabar.extractors.context import Context, normalized_words, not_a_name_shape
from khabar.extractors.name_runs import name_run, without_preposition
from khabar.extractors.subject_names import stands_as_subject
from khabar.records import Entity

# Past forms, masculine and feminine, of verbs whose subject in news is mostly a person.
ACT_VERBS = normalized_words(
    """أعرب أعربت توقع توقعت أيد أيدت وعد وعدت تحدث تحدثت رفض رفضت ناشد ناشدت سجل سجلت مرر
    طالب طالبت دعا دعت اعتبر اعتبرت رأى رأت قرر قررت استقبل استقبلت التقى التقت زار زارت وصل
    وصلت غادر غادرت ترأس ترأست افتتح افتتحت شارك شاركت حضر حضرت فاز فازت هنأ هنأت أشاد أشادت
    تلقى تلقت تابع تابعت انتقد انتقدت اتهم اتهمت حذر حذرت تعهد تعهدت استبعد استبعدت وقعت
    أثنى أثنت عبر عبرت أبدى أبدت تمنى تمنت اختتم اختتمت أنهى أنهت قاد قادت أحرز أحرزت"""
)
_LEADS = ("و", "ف")


_FORMS = ACT_VERBS | {lead + verb for verb in ACT_VERBS for lead in _LEADS}


def _act_verb(ctx: Context, i: int) -> bool:
    """Token i (one of _FORMS) opens its clause."""
    doc = ctx.doc
    if i == 0 or not doc.joined(i - 1):
        return True
    return doc.norms[i][:1] in _LEADS or doc.norms[i - 1] in ("و", "ف", "كما", "ثم", "وقد", "فقد", "قد")


def _may_open_name(ctx: Context, k: int) -> bool:
    """Token k may open a name here: a given name, or a word of a name's shape, listed as a
    surname or not (not وأبدى دعمه: a pronoun attached)."""
    doc = ctx.doc
    slot = ctx.gaz.phrases.get(doc.norms[k], {})
    return "GIVEN" in slot or not not_a_name_shape(doc.norms[k], True, doc.words[k])


def _without_object(ctx: Context, k: int, j: int) -> int:
    """The name k..j without a trailing object the run took along: ب/ل + an unlisted word
    (واتهم بوديكين بتحريض), or an unlisted accusative (تلقت تشكوس تحذيرا)."""
    doc = ctx.doc
    for w in range(k + 1, j + 1):
        if ctx.known_name_part(w):
            continue
        if doc.norms[w][:1] in ("ب", "ل") or (doc.words[w].endswith(("ا", "اً")) and len(doc.norms[w]) >= 5):
            return w - 1
    return j


def verb_subject_persons(ctx: Context) -> Iterator[Entity]:
    doc = ctx.doc
    if _FORMS.isdisjoint(ctx.word_set()):
        return  # (the word set, made once per document, spares a test per token)
    for i in compress(range(doc.n - 1), map(_FORMS.__contains__, doc.norms)):
        if not doc.joined(i) or not _act_verb(ctx, i):
            continue
        k = i + 1
        if ctx.longest(k, "TITLE", "PER", "ORG", "LOC", "DESC", "DEMONYM") or doc.has_article(k):
            continue  # a title, a listed name or body: other rules read them
        if doc.norms[k][:1] in ("ب", "ل") and not ctx.known_name_part(k):
            continue  # تعهد بمقاضاة: a preposition and a noun
        if without_preposition(ctx, k) is None or ctx.is_common(k) or not _may_open_name(ctx, k):
            continue
        j = name_run(ctx, k, max_len=3)
        if j is not None:
            j = _without_object(ctx, k, j)
        if j is None or (j == k and not ctx.known_name_part(k)):
            continue  # one unknown word is too little evidence (ورفض جوزيه is left to the lists)
        if any(ctx.is_common(w) or ctx.used_as_noun(w) for w in range(k, j + 1)):
            continue
        if stands_as_subject(ctx, k, j):
            yield ctx.mention("PER", k, j, "rule:verb-subject")
