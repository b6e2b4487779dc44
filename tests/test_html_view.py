"""The HTML view without a browser: nesting of crossing ranges, offsets on every piece, escaping."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from khabar.html_markup import Range, markup
from khabar.html_view import ViewDocument, render_page

ROOT = Path(__file__).resolve().parent.parent
VOID = {"meta", "br", "img", "input", "link", "hr"}
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


class Spans(HTMLParser):
    """Checks that tags nest, and collects (start, end, text content, tag) of every element with data-start."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict, list[str]]] = []
        self.spans: list[tuple[int, int, str, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.section: str | None = None  # the id of the <section> being read
        self.sections: list[str | None] = []  # the section of each entry of spans

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "section":
            self.section = dict(attrs).get("id")
        if tag not in VOID:
            self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0]}>: not well-formed"
        _, attrs, parts = self.stack.pop()
        content = "".join(parts)
        if "data-start" in attrs:
            self.spans.append((int(attrs["data-start"]), int(attrs["data-end"]), content, tag))
            self.sections.append(self.section)
        if self.stack:
            self.stack[-1][2].append(content)

    def handle_data(self, data):
        self.text.append(data)
        if self.stack:
            self.stack[-1][2].append(data)


def parse(html: str) -> Spans:
    p = Spans()
    p.feed(f"<div>{html}</div>")
    p.close()
    assert not p.stack, "unclosed elements"
    return p


TEXT = "قال محمد العلي إن «الرئيس سعيد وصل» أمس."


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 3), (4, 14)],  # side by side
        [(18, 36), (19, 30), (19, 25)],  # a quote holding a name holding a shorter one
        [(4, 20), (15, 36)],  # two ranges crossing
        [(0, 10), (5, 20), (15, 30), (2, 40)],  # a chain of crossings inside a long range
        [(4, 14), (4, 14), (0, len(TEXT))],  # equal extents, and the whole text
        [(3, 3), (-1, 5), (30, 99)],  # empty or outside the text: ignored
    ],
)
def test_markup_nests_and_every_piece_holds_its_offsets(ranges):
    html = markup(TEXT, [Range(a, b, "span", (("class", "x"),), rank=i) for i, (a, b) in enumerate(ranges)])
    p = parse(html)
    assert "".join(p.text) == TEXT  # the marked text reads as the document
    for start, end, content, _ in p.spans:
        assert content == TEXT[start:end]
    valid = [(a, b) for a, b in ranges if 0 <= a < b <= len(TEXT)]
    covered = {(a, b) for a, b, _, _ in p.spans}
    for a, b in valid:  # each range is covered by its pieces, end to end
        assert a in {s for s, _ in covered} and b in {e for _, e in covered}


def test_markup_breaks_a_crossing_range_and_keeps_its_id_on_the_first_piece():
    html = markup(TEXT, [Range(4, 20, "mark", first_id="m0"), Range(15, 36, "span", first_id="q0")])
    assert html.count('id="q0"') == 1 and html.count('id="m0"') == 1
    assert 'data-piece="15-36"' in html  # the quote continues after the mention closes
    assert html.count("data-last") == 2


def test_markup_keeps_carriage_returns_and_escapes_text():
    text = "a\r\n<b>&\r"
    p = parse(markup(text, [Range(0, len(text), "span")]))
    assert "".join(p.text) == text
    assert not [t for t, _ in p.tags if t == "b"]


def _doc(name: str, text: str, canonical: str, source: str) -> ViewDocument:
    start = text.index("محمد")
    ent = {"type": "entity", "label": "PER", "text": "محمد", "start": start, "end": start + 4}
    ent.update(entity="e1", canonical=canonical, known_as=canonical, source=source)
    speaker = {"text": "محمد", "start": start, "end": start + 4, "entity": "e1", "canonical": canonical}
    qs = text.index("«") + 1
    quote = {"type": "quote", "kind": "direct", "cue": {"text": "قال", "start": 0, "end": 3, "lemma": "قال"}}
    quote.update(speaker=speaker, quote={"text": text[qs : qs + 5], "start": qs, "end": qs + 5})
    return ViewDocument(name, text, [ent, quote])


def test_page_escapes_names_canonicals_sources_and_text():
    text = f"قال محمد «{SCRIPT} {IMG}»"
    page = render_page([_doc(IMG + SCRIPT, text, SCRIPT + IMG, IMG)])
    p = Spans()
    p.feed(page)
    tags = {t for t, _ in p.tags}
    assert "script" not in tags and "img" not in tags
    assert not any(k.startswith("on") for _, attrs in p.tags for k in attrs)
    assert SCRIPT in "".join(p.text) and IMG in "".join(p.text)  # shown as text, not dropped


def test_page_is_rtl_arabic_and_self_contained():
    page = render_page([_doc("a.txt", "قال محمد «نعم نعم»", "محمد", "persons.tsv:1")])
    assert page.startswith('<!DOCTYPE html>\n<html dir="rtl" lang="ar">')
    assert '<meta charset="utf-8">' in page
    for outside in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert outside not in page
    assert 'data-speaker="e1"' in page and 'href="#d0-s0"' in page  # the quote points at its speaker
    assert 'id="d0-who-e1"' in page and '<span class="count">1</span>' in page  # who said what


def khabar(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, cwd=cwd)


def test_view_has_help_and_extract_offers_html():
    assert khabar("view", "--help").returncode == 0
    assert "html" in khabar("extract", "--help").stdout


def test_extract_format_html_writes_the_view_page(tmp_path):
    sample = str(ROOT / "samples" / "rafah_meeting.txt")
    viewed = khabar("view", sample, "-o", str(tmp_path / "view.html"))
    extracted = khabar("extract", sample, "--format", "html", "-o", str(tmp_path / "extract.html"))
    assert viewed.returncode == extracted.returncode == 0, (viewed.stderr, extracted.stderr)
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert page == (tmp_path / "extract.html").read_text(encoding="utf-8")
    assert page.count('class="ent ') > 20 and 'class="quote"' in page and "البيت الأبيض" in page


def test_view_names_a_bad_input_in_one_line_and_still_writes_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("قال محمد العلي إن «الوضع صعب».\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = khabar("view", str(good), str(tmp_path / "bin.txt"), "missing.txt", "-o", str(tmp_path / "p.html"))
    assert res.returncode == 1
    errors = [ln for ln in res.stderr.splitlines() if "error" in ln]
    assert len(errors) == 2 and "bin.txt: binary data" in errors[0] and "missing.txt: no such file" in errors[1]
    assert "Traceback" not in res.stderr
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 1 and "good.txt" in page


def test_view_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("قال محمد العلي إن «الوضع صعب».\n", encoding="utf-8")
    res = khabar("view", str(src), "-o", str(src))
    assert res.returncode == 2 and "is one of the inputs" in res.stderr
    assert src.read_text(encoding="utf-8").startswith("قال")


def test_view_refuses_a_file_too_big_for_a_page(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(17 * 2**20)  # sparse: costs no disk
    res = khabar("view", str(big), "-o", str(tmp_path / "p.html"))
    assert res.returncode == 1 and "big.txt: too big for a page (17 MB" in res.stderr


def test_view_page_stops_at_its_document_limit_with_a_warning(tmp_path, monkeypatch, capsys, pipeline):
    from khabar.cli import view
    from khabar.reader import Source

    monkeypatch.setattr(view, "MAX_DOCS", 2)
    inputs = [Source(f"doc{i}", text="قال محمد العلي إن «الوضع صعب».") for i in range(3)]
    assert view.run_view(pipeline, inputs, str(tmp_path / "p.html"), None, False, False) == 0
    assert "doc2 and the inputs after it left out" in capsys.readouterr().err
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 2 and "the page was cut short" in page
