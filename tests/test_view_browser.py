"""`khabar view` in a real headless browser (Debian's chromium; skipped when none is installed).

One chromium call per test, on a small document: the screenshot shows right-to-left text, the
DOM after rendering keeps every highlighted element's offsets, and hostile strings stay text.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from test_html_view import IMG, SCRIPT, Spans

from khabar import Pipeline
from khabar.html_view import ViewDocument, render_page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)"),
]
HEADER = "# source: test\n# licence: CC0-1.0\n"
ARTICLE = (
    "الوضع في المدينة هادئ.\n\n"
    "وقال قطاف الزعبلاوي رئيس هيئة الزعبلاوي إن «الأمور في غزة تتحسن ببطء منذ أسابيع» للصحفيين.\n\n"
    "انتهى.\n"
)
TEXT_B = "قال محمد العلي إن «الرئيس سعيد وصل» أمس."


def chromium(*args: str) -> subprocess.CompletedProcess:
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,900"]
    return subprocess.run([*base, *args], capture_output=True, timeout=120, check=True)


def khabar(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, cwd=cwd)


def read_png(path: Path, max_rows: int) -> tuple[int, int, list[bytes]]:
    """(width, height, green channel of the first max_rows rows) of an 8-bit RGB(A) PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for y in range(min(height, max_rows)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind, line, prev, bpp)
        rows.append(bytes(line[1::bpp]))
        prev = line
    return width, height, rows


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    if kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev, strict=True))
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255


def ink_lines(rows: list[bytes], x0: int, y0: int) -> list[tuple[int, int]]:
    """(leftmost, rightmost) dark pixel x of each line of text right of x0: bands of rows with ink
    at least 8 pixels tall (a lone diacritic or rule between lines is not a line)."""
    bands, current, height = [], None, 0
    for row in [*rows[y0:], b""]:
        xs = [x for x in range(x0, len(row)) if row[x] < 90]
        if xs:
            current = [xs[0], xs[-1]] if current is None else [min(current[0], xs[0]), max(current[1], xs[-1])]
            height += 1
        elif current is not None:
            if height >= 8:
                bands.append(tuple(current))
            current, height = None, 0
    return bands


def test_view_page_renders_rtl_in_chromium(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    res = khabar("view", "article.txt", "-o", "page.html", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    png = tmp_path / "page.png"
    chromium(f"--screenshot={png}", (tmp_path / "page.html").as_uri())
    width, height, rows = read_png(png, 420)
    assert (width, height) == (1200, 900) and png.stat().st_size > 10_000
    lines = ink_lines(rows, 600, 100)  # the text column is on the right half of the page
    assert len(lines) >= 4, lines  # the document's name, then three paragraphs
    rights, lefts = [r for _, r in lines], [left for left, _ in lines]
    assert max(rights) - min(rights) <= 14, lines  # every line starts at the right edge …
    assert max(lefts) - min(lefts) >= 200, lines  # … and ends wherever its words run out
    assert min(rights) > 1000, lines


def test_view_dom_spans_equal_document_offsets(tmp_path):
    article = ARTICLE.replace("\n", "\r\n") + TEXT_B  # CRLF line ends must survive the parser
    records = Pipeline(use_env=False).extract(article, "a")
    assert any(r["type"] == "quote" for r in records)
    crossing = [  # a mention that crosses a quote (the pipeline rarely makes one; the view must cope)
        {"type": "entity", "label": "LOC", "start": 4, "end": 20, "entity": "e1", "canonical": "x", "source": "t"},
        {
            "type": "quote",
            "kind": "direct",
            "cue": {"text": "قال", "start": 0, "end": 3, "lemma": "قال"},
            "speaker": None,
            "quote": {"text": TEXT_B[15:36], "start": 15, "end": 36},
        },
    ]
    page = tmp_path / "page.html"
    page.write_text(render_page([ViewDocument("a", article, records), ViewDocument("b", TEXT_B, crossing)]), "utf-8")
    dom = chromium("--dump-dom", page.as_uri()).stdout.decode("utf-8")
    assert dom.startswith('<!DOCTYPE html>\n<html dir="rtl" lang="ar">'), dom[:80]
    p = Spans()
    p.feed(dom)
    texts = {"d0": article, "d1": TEXT_B}
    assert set(p.sections) == {"d0", "d1"}
    for section, (start, end, content, tag) in zip(p.sections, p.spans, strict=True):
        assert content == texts[section][start:end], (section, tag, start, end, content)
    in_a = [tag for section, (*_, tag) in zip(p.sections, p.spans, strict=True) if section == "d0"]
    assert in_a.count("mark") >= sum(r["type"] == "entity" for r in records)  # every mention is marked
    assert len(in_a) >= len(records) + 2  # and each quote's span and cue besides
    assert [s for s, (*_, tag) in zip(p.sections, p.spans, strict=True) if tag == "span"].count("d1") == 3


def test_view_escapes_script_in_article_and_lexicon(tmp_path):
    hostile_name = IMG + ".txt"  # a file name may hold markup too
    article = f"وقال قطاف الزعبلاوي إن «{SCRIPT} الوضع صعب». وأعلنت هيئة الزعبلاوي أن «{IMG}» صحيح.\n"
    (tmp_path / hostile_name).write_text(article, encoding="utf-8")
    lexicon = tmp_path / (IMG + ".tsv")  # its name is every entry's "source"
    lexicon.write_text(HEADER + "قطاف الزعبلاوي\tPER\tالزعبلاوي\nهيئة الزعبلاوي\tORG\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"  # markup in an entry's name: refused before anything is read
    bad.write_text(HEADER + f"{SCRIPT}\tPER\tقطاف\n{IMG}\tORG\tهيئة\n", encoding="utf-8")
    refused = khabar("view", hostile_name, "-l", str(bad), "-o", "no.html", cwd=tmp_path)
    assert refused.returncode == 3 and "bad.tsv:3:" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "no.html").exists()

    res = khabar("view", hostile_name, "-l", str(lexicon), "-o", "page.html", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert f"{lexicon.name}:3" not in html and "&quot;&gt;&lt;img" in html  # the source, escaped
    dom = chromium("--dump-dom", (tmp_path / "page.html").as_uri()).stdout.decode("utf-8")
    p = Spans()
    p.feed(dom)
    tags = [tag for tag, _ in p.tags]
    assert "script" not in tags and "img" not in tags  # the payloads made no element, so no alert ran
    assert not [k for _, attrs in p.tags for k in attrs if k.startswith("on")]
    text = "".join(p.text)
    assert SCRIPT in text and IMG in text and hostile_name in text  # shown as text
    titles = " ".join(attrs.get("title", "") for _, attrs in p.tags)
    assert f"{lexicon.name}:3" in titles  # the lexicon source reaches the hover text intact
