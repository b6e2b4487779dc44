"""Records + text → one self-contained right-to-left HTML page (``khabar view``).

Entities are marked by label with a chip (displaCy's ``ent`` style), each quote's span and cue
are marked and linked to the speaker, and a side panel per document lists who said what. The
page needs no network: inline CSS, no script (a Content-Security-Policy forbids any), hover
details in ``title`` attributes, and links between anchors. Every string from a document, a
lexicon or a file name is escaped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from khabar.html_markup import Range, markup

LABELS = ("PER", "ORG", "LOC")
QUOTE_LIST_CHARS = 160  # a quote longer than this is cut short in the side panel

CSS = """
body{margin:0;font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Arial,sans-serif;
 background:#f6f6f4;color:#222}
header{padding:.8rem 1.5rem;background:#2d2d38;color:#fff}
header h1{margin:0;font-size:1.3rem}
header p{margin:.2rem 0 0;font-size:.9rem;color:#ddd}
section.doc{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.2rem;margin:1.2rem;
 padding:1rem 1.2rem;background:#fff;border:1px solid #ddd;border-radius:.4rem}
section.doc>h2{grid-column:1/-1;margin:0;font-size:1.05rem;direction:ltr;text-align:right;
 font-family:monospace;color:#555}
.text{white-space:pre-wrap;line-height:2.3;font-size:1.05rem}
mark.ent{padding:.15em .3em;border-radius:.35em;color:inherit;box-decoration-break:clone}
mark.ent[data-last]::after{content:attr(data-label);font-size:.55em;font-weight:bold;
 font-family:Arial,sans-serif;vertical-align:middle;margin-inline-start:.4em;
 padding:0 .25em;border-radius:.25em;background:rgba(0,0,0,.15)}
mark.PER{background:#ddd5ff}mark.ORG{background:#c8f4f4}mark.LOC{background:#ffd6bd}
.quote{background:#fff4c2;border-bottom:2px solid #d9a400}
.cue{font-weight:bold;text-decoration:underline dotted #8a4b00;color:#8a4b00}
.speaker{outline:2px solid #6a5acd;outline-offset:1px;border-radius:.3em}
a.said-by{text-decoration:none;color:#8a4b00;font-size:.8em}
a.said-by::before{content:"◂"}
:target{box-shadow:0 0 0 3px #e8590c}
aside{border-inline-start:1px solid #ddd;padding-inline-start:1rem;font-size:.92rem}
aside h3{margin:.2rem 0 .6rem;font-size:1rem}
aside .who{margin:0 0 .8rem}
aside .count{display:inline-block;min-width:1.4em;text-align:center;background:#eee;border-radius:.6em;
 font-size:.8em;margin-inline-start:.3em}
aside ol{margin:.2rem 0;padding-inline-start:1.4rem}
aside li{margin:.2rem 0;line-height:1.6}
aside a{color:#1a4f8b;text-decoration:none}
aside a:hover{text-decoration:underline}
.legend mark{margin-inline-end:.6rem;color:#222}
.legend .quote{color:#222}
"""


@dataclass(frozen=True, slots=True)
class ViewDocument:
    """One document to show: its name, its text, and its records (the JSON-lines dicts)."""

    name: str
    text: str
    records: list[dict]


def render_page(documents: Iterable[ViewDocument], title: str = "khabar", note: str = "") -> str:
    """The whole page: one section per document, in order."""
    sections, n_docs, n_ents, n_quotes = [], 0, 0, 0
    for i, doc in enumerate(documents):
        sections.append(render_document(doc, i))
        n_docs += 1
        n_ents += sum(r.get("type") == "entity" for r in doc.records)
        n_quotes += sum(r.get("type") == "quote" for r in doc.records)
    summary = f"{n_docs} document(s), {n_ents} entity mention(s), {n_quotes} quote(s)"
    legend = "".join(f'<mark class="ent {lab}" data-label="{lab}" data-last="">{lab}</mark>' for lab in LABELS)
    return (
        '<!DOCTYPE html>\n<html dir="rtl" lang="ar">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{escape(title)}</h1><p class="legend" dir="ltr">{escape(summary)} {legend} '
        f'<span class="quote">quote</span> <span class="cue">cue</span>{escape(note)}</p></header>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def render_document(doc: ViewDocument, index: int) -> str:
    """One document's section: its name, its marked text and the who-said-what panel."""
    prefix = f"d{index}"
    ents = [r for r in doc.records if r.get("type") == "entity"]
    quotes = [r for r in doc.records if r.get("type") == "quote"]
    ranges = _entity_ranges(ents, prefix) + _quote_ranges(quotes, prefix)
    return (
        f'<section class="doc" id="{prefix}">\n<h2 dir="auto">{escape(doc.name)}</h2>\n'
        f'<div class="text" dir="auto">{markup(doc.text, ranges)}</div>\n'
        f"{_panel(quotes, ents, prefix)}\n</section>"
    )


def _entity_ranges(ents: list[dict], prefix: str) -> list[Range]:
    out = []
    for n, e in enumerate(ents):
        label = str(e.get("label", ""))
        hover = " · ".join(
            str(x) for x in (label, e.get("canonical"), e.get("entity"), e.get("known_as"), e.get("source")) if x
        )
        attrs = (("class", f"ent {label}"), ("data-label", label), ("data-entity", str(e.get("entity") or "")))
        out.append(Range(e["start"], e["end"], "mark", (*attrs, ("title", hover)), rank=1, first_id=f"{prefix}-m{n}"))
    return out


def _quote_ranges(quotes: list[dict], prefix: str) -> list[Range]:
    out: list[Range] = []
    speakers: dict[tuple[int, int], str] = {}  # one element per speaker span, shared by its quotes
    for n, q in enumerate(quotes):
        sp = q.get("speaker") or {}
        if sp.get("start") is not None and (sp["start"], sp["end"]) not in speakers:
            sid = f"{prefix}-s{len(speakers)}"
            speakers[(sp["start"], sp["end"])] = sid
            attrs = (("class", "speaker"), ("data-entity", str(sp.get("entity") or "")), ("title", _who(sp)))
            out.append(Range(sp["start"], sp["end"], "span", attrs, rank=2, first_id=sid))
        target = speakers.get((sp.get("start"), sp.get("end"))) or f"{prefix}-who-{_group(q)[0]}"
        said = f"{q.get('kind', '')} quote · {_who(sp)}"
        link = f'<a class="said-by" href="#{target}" title="{escape(said)}"></a>'
        attrs = (("class", "quote"), ("data-quote", f"q{n}"), ("data-speaker", str(sp.get("entity") or "")))
        qs = q["quote"]
        out.append(Range(qs["start"], qs["end"], "span", (*attrs, ("title", said)), 0, f"{prefix}-q{n}", link))
        cue = q["cue"]
        cattrs = (("class", "cue"), ("data-quote", f"q{n}"), ("title", f"cue: {cue.get('lemma', '')} → {_who(sp)}"))
        out.append(Range(cue["start"], cue["end"], "span", cattrs, rank=3))
    return out


def _who(sp: dict) -> str:
    if not sp:
        return "no speaker found"
    name = sp.get("canonical") or sp.get("text") or sp.get("role") or "?"
    return f"{name} ({sp['entity']})" if sp.get("entity") else str(name)


def _group(q: dict) -> tuple[str, str]:
    """(anchor-safe key, shown name) of the quote's speaker: its entity, else its name, else none."""
    sp = q.get("speaker") or {}
    if sp.get("entity"):
        return str(sp["entity"]), str(sp.get("canonical") or sp["entity"])
    name = sp.get("canonical") or sp.get("text") or sp.get("role")
    if name:
        return f"n{zlib.crc32(str(name).encode())}", str(name)
    return "none", "—"


def _panel(quotes: list[dict], ents: list[dict], prefix: str) -> str:
    groups: dict[str, tuple[str, list[int]]] = {}
    for n, q in enumerate(quotes):
        key, name = _group(q)
        groups.setdefault(key, (name, []))[1].append(n)
    first_mention = {}
    for n, e in enumerate(ents):
        first_mention.setdefault(e.get("entity"), n)
    items = []
    for key, (name, ns) in sorted(groups.items(), key=lambda kv: (kv[0] == "none", -len(kv[1][1]), kv[1][1][0])):
        m = first_mention.get(key)
        shown = f'<a href="#{prefix}-m{m}">{escape(name)}</a>' if m is not None else escape(name)
        tip = f"entity {key}" if m is not None else "speaker not linked to an entity"
        lis = "".join(f'<li><a href="#{prefix}-q{n}">{escape(_short(quotes[n]["quote"]["text"]))}</a></li>' for n in ns)
        items.append(
            f'<div class="who" id="{prefix}-who-{key}" title="{escape(tip)}"><strong>{shown}</strong>'
            f'<span class="count">{len(ns)}</span><ol>{lis}</ol></div>'
        )
    body = "".join(items) if items else "<p>لا اقتباسات (no quotes found)</p>"
    return f'<aside><h3>من قال ماذا <small dir="ltr">(who said what)</small></h3>{body}</aside>'


def _short(s: str) -> str:
    return s if len(s) <= QUOTE_LIST_CHARS else s[: QUOTE_LIST_CHARS - 1] + "…"
