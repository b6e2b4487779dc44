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
    assert lines[-1].startswith("1 file, ")  # not "1 files"


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
    text = "رافق قطاف الزعبلاوي السفراء في عمّان."  # (التقى + two unknown words is a name by rule)
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


# Issue 18 item 6: a 132 KB lexicon line took 2.6 GB and wrote an 800 MB cache (every word prefix
# of a name is stored), and `extract -l` loaded a file in which `lexicon check` found conflicts.


def _words(n: int) -> str:
    return " ".join("كلمة" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[i % 28] for i in range(n))


@pytest.mark.parametrize(
    "line, problem",
    [
        (_words(21) + "\tORG", "21 words, at most 20"),
        ("ا" * 201 + "\tORG", "201 characters, at most 200"),
        ("جبهة\tORG\t" + _words(1) + "|" + "ا" * 300, "300 characters"),
        ("جبهة\tORG\t" + "|".join(["جبهة"] * 257), "257 aliases, at most 256"),
        ("جبهة\tORG\t\t\tnote=" + "ا" * 17_000, "at most 16,384"),
    ],
)
def test_lexicon_limits_reject_oversized_names(line, problem):
    entry, got = parse_line(line)
    assert entry is None
    assert problem in got


def test_lexicon_limits_accept_the_longest_builtin_shapes():
    entry, problem = parse_line(_words(20) + "\tORG\t" + "|".join(["جبهة"] * 256))
    assert problem is None and len(entry.aliases) == 256


def test_lexicon_132kb_line_is_refused_quickly_by_check_and_extract(tmp_path):
    f = tmp_path / "huge.tsv"
    f.write_text(HEADER + "جبهة النصر\tORG\n" + _words(22_000) + "\tORG\n", encoding="utf-8")
    assert f.stat().st_size > 132_000
    checked = khabar("lexicon", "check", str(f), timeout=60)
    assert checked.returncode == 3
    assert f"{f}:4: line has" in checked.stdout
    out = str(tmp_path / "o.jsonl")
    res = khabar("extract", "-q", "samples/rafah_meeting.txt", "-l", str(f), "-o", out, timeout=60)
    assert res.returncode == 3
    assert f"khabar: lexicon error: {f}:4: line has" in res.stderr
    assert "Traceback" not in res.stderr


def test_lexicon_file_over_the_size_limit_is_named(tmp_path, monkeypatch):
    from khabar import lexicon

    f = tmp_path / "big.tsv"
    f.write_text(HEADER + "جبهة النصر\tORG\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "MAX_FILE_BYTES", 10)
    entries, problems = read_lexicon(f)
    assert entries == [] and problems[0].startswith(f"{f}:1: file has") and "at most 10 (split" in problems[0]


def test_lexicon_conflicts_refused_by_extract_as_by_check(tmp_path):
    f = tmp_path / "conflict.tsv"
    rows = [f"{_words(2)}{i}\t{label}" for i in range(30) for label in ("PER", "ORG")]
    f.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    checked = khabar("lexicon", "check", str(f))
    assert checked.returncode == 3
    assert checked.stdout.splitlines()[-1] == "1 file, 60 entries, 30 problems"
    first = checked.stdout.splitlines()[0]
    assert first.startswith(f"{f}:4: ") and "is ORG here but PER at conflict.tsv:3" in first
    res = khabar("extract", "-q", "samples/rafah_meeting.txt", "-l", str(f), "-o", str(tmp_path / "o.jsonl"))
    assert res.returncode == checked.returncode
    shown = res.stderr.splitlines()
    assert shown[0] == f"khabar: lexicon error: {first}"
    assert len(shown) == 21 and "10 more lexicon problems" in shown[-1]


def test_lexicon_same_id_is_no_conflict_for_check_or_extract(tmp_path):
    f = tmp_path / "same.tsv"
    f.write_text(HEADER + "جبهة الزعبلاوي\tORG\t\tQ1\nجبهة الزعبلاوي\tLOC\t\tQ1\n", encoding="utf-8")
    assert khabar("lexicon", "check", str(f)).returncode == 0
    res = khabar("extract", "-q", "samples/rafah_meeting.txt", "-l", str(f), "-o", str(tmp_path / "o.jsonl"))
    assert res.returncode == 0, res.stderr
