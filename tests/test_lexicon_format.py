"""The lexicon format: parsing, `khabar lexicon check`, layering of user lexicons."""

from __future__ import annotations

import subprocess
import sys

import pytest

from khabar import Pipeline
from khabar.lexicon import parse_line, read_lexicon

HEADER = "# source: test\n# licence: CC0-1.0\n"


def khabar(*args, **kw):
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, **kw)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("نتنياهو", "missing field"),
        ("\tPER", "empty name"),
        ("نتنياهو\tPERSON", "unknown label"),
        ("Путин\tPER", "no Arabic or Latin letters"),
        ("Minister\tTITLE", "must be in Arabic script"),
        ("إسرائيلي\tDEMONYM", "needs attribute country"),
        ("قال\tCUE\t\t\tgender=m", "needs attribute lemma"),
        ("قال\tCUE\t\t\tlemma", "not key=value"),
        ("a\tPER\tb\tc\td\te", "at most 5"),
    ],
)
def test_bad_lines_are_named(line, problem):
    entry, got = parse_line(line)
    assert entry is None
    assert problem in got


def test_good_line_parses():
    entry, problem = parse_line("بنيامين نتنياهو\tPER\tنتنياهو|بيبي\tQ43723\trole=رئيس الوزراء;country=إسرائيل")
    assert problem is None
    assert entry.aliases == ("نتنياهو", "بيبي")
    assert entry.id == "Q43723"
    assert entry.attrs["country"] == "إسرائيل"


def test_check_reports_each_bad_line_with_its_number(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text(
        HEADER + "سالم الدوري\tPER\n"  # line 3: fine
        "نتنياهو\n"  # 4: missing field
        "\tORG\n"  # 5: empty name
        "حزب الخضر\tPARTY\n"  # 6: unknown label
        "Берлин\tLOC\n"  # 7: wrong script
        "الدوري\tLOC\n"  # 8: fine alone…
        "سالم الدوري\tORG\n",  # 9: …but conflicts with line 3 (PER)
        encoding="utf-8",
    )
    res = khabar("lexicon", "check", str(f))
    assert res.returncode != 0
    lines = res.stdout.splitlines()
    for lineno, words in [(4, "missing field"), (5, "empty name"), (6, "unknown label"), (7, "letters"), (9, "PER")]:
        assert any(ln.startswith(f"{f}:{lineno}: ") and words in ln for ln in lines), (lineno, res.stdout)
    assert not any(ln.startswith((f"{f}:3:", f"{f}:8:")) for ln in lines)


def test_check_wants_source_and_licence(tmp_path):
    f = tmp_path / "nohead.tsv"
    f.write_text("نتنياهو\tPER\n", encoding="utf-8")
    _, problems = read_lexicon(f)
    assert any("source" in p for p in problems) and any("licence" in p for p in problems)


def test_extract_refuses_a_bad_lexicon_before_processing(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text(HEADER + "نتنياهو\tPERSON\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = khabar("extract", "samples/rafah_meeting.txt", "-l", str(f), "-o", str(out))
    assert res.returncode == 3
    assert f"{f}:3: unknown label" in res.stderr
    assert not out.exists() or out.read_text() == ""


def _texts(records, label):
    return {r["text"] for r in records if r["type"] == "entity" and r["label"] == label}


def test_user_lexicon_adds_an_unknown_person(tmp_path):
    text = "التقى قطاف الزعبلاوي بالسفراء في عمّان."
    base = Pipeline(use_env=False).extract(text)
    assert "قطاف الزعبلاوي" not in _texts(base, "PER")
    f = tmp_path / "beat.tsv"
    f.write_text(HEADER + "قطاف الزعبلاوي\tPER\tالزعبلاوي\n", encoding="utf-8")
    got = Pipeline([f], use_env=False).extract(text)
    assert "قطاف الزعبلاوي" in _texts(got, "PER")


def test_env_variable_adds_lexicons(tmp_path, monkeypatch):
    f = tmp_path / "beat.tsv"
    f.write_text(HEADER + "جبهة الزعبلاوي للتحرير\tORG\n", encoding="utf-8")
    monkeypatch.setenv("KHABAR_LEXICONS", str(tmp_path))
    got = Pipeline().extract("أعلنت جبهة الزعبلاوي للتحرير مسؤوليتها.")
    assert "جبهة الزعبلاوي للتحرير" in _texts(got, "ORG")


def test_stop_entry_suppresses_a_builtin_hit(tmp_path):
    text = "وصل الوفد إلى القاهرة أمس."
    assert "القاهرة" in _texts(Pipeline(use_env=False).extract(text), "LOC")
    f = tmp_path / "stop.tsv"
    f.write_text(HEADER + "القاهرة\tSTOP\t\t\tlabel=LOC\n", encoding="utf-8")
    assert "القاهرة" not in _texts(Pipeline([f], use_env=False).extract(text), "LOC")


def test_same_id_adds_an_alias_to_the_builtin_entity(tmp_path):
    f = tmp_path / "alias.tsv"
    f.write_text(HEADER + "أم الدنيا\tLOC\t\tcldr:EG\n", encoding="utf-8")
    got = Pipeline([f], use_env=False).extract("سافر الوزير إلى أم الدنيا أمس.")
    hits = [r for r in got if r["type"] == "entity" and r["text"] == "أم الدنيا"]
    assert hits and hits[0]["known_as"] == "مصر"  # canonical is the article's own name for it
