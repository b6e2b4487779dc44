"""khabar as a Spark job: the same records as `khabar extract`, bad documents in the error table.

The tests marked ``spark`` start a local Spark session (Java 17+ and ``pip install ".[spark]"``);
``pytest -q`` leaves them out (pyproject's addopts), ``pytest -q -m spark`` runs them (.ci/run).
The articles are made from files the repository ships: samples/*.txt and the news and quote gold
sets' texts (tests/data/*/*.txt), whole and cut into paragraphs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from khabar import spark as ks
from khabar import spark_worker

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
NEW_NAME = "التقى قطاف الزعبلاوي بوفد من كتائب الفجر الجديد في البلدة."
LEXICON = (
    "# source: test, 2026\n# licence: CC0-1.0\n"
    "قطاف الزعبلاوي\tPER\tالزعبلاوي\ttest:p1\n"
    "كتائب الفجر الجديد\tORG\tالفجر الجديد\ttest:o1\n"
)


def articles() -> list[str]:
    """A few hundred documents: each shipped text whole, then each of its longer paragraphs."""
    files = sorted(ROOT.glob("samples/*.txt")) + sorted(DATA.glob("news_gold/*.txt"))
    files += sorted(DATA.glob("quotes_gold/*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    paragraphs = [p for t in texts for p in t.split("\n") if len(p) > 80]
    return [*texts, *paragraphs, NEW_NAME]


def cli_records(jsonl: Path, *args: str) -> list[bytes]:
    res = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", "--jsonl", "-f", "jsonl", "-q", "-j", "2", *args, str(jsonl)],
        capture_output=True,
        cwd=ROOT,
    )
    assert res.returncode in (0, 1), res.stderr  # 1: the broken article is reported and skipped
    return sorted(res.stdout.splitlines())


def parquet_records(folder: Path) -> list[bytes]:
    """Spark's rows back as JSON lines: structs become objects, keys in the columns' order."""
    import pyarrow.parquet as pq

    return sorted(orjson.dumps(row) for row in pq.read_table(folder).to_pylist())


# --- without Spark: the per-document function ------------------------------------------------


class Exploding:
    def extract(self, text: str, doc_id: object) -> list[dict]:
        raise ValueError("boom")


def test_a_document_that_makes_the_pipeline_raise_becomes_an_error_row():
    row = spark_worker.document_row(Exploding(), "a7", "نص")
    assert row == {"doc": "a7", "entities": [], "quotes": [], "error": "internal error: ValueError('boom')"}


@pytest.mark.parametrize("text, error", [(None, "no text (null)"), (5, "text is int, not a string"), ("  \n", None)])
def test_documents_without_text(pipeline, text, error):
    row = spark_worker.document_row(pipeline, 1, text)
    assert (row["entities"], row["quotes"], row["error"]) == ([], [], error)


def test_records_are_split_into_entities_and_quotes(pipeline):
    row = spark_worker.document_row(pipeline, "s", (ROOT / "samples" / "rafah_meeting.txt").read_text(encoding="utf-8"))
    assert row["error"] is None and row["entities"] and row["quotes"]
    assert {r["type"] for r in row["entities"]} == {"entity"} and {r["type"] for r in row["quotes"]} == {"quote"}


def test_importing_khabar_spark_does_not_import_pyspark():
    code = "import sys, khabar.spark, khabar.cli.app; print(any(m.startswith('pyspark') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_khabar_spark_has_help_without_pyspark_loaded():
    code = (
        "import sys; sys.argv = ['khabar', 'spark', '--help']; from khabar.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    print(any(m.startswith('pyspark') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Usage" in out and "OUTPUT" in out and out.strip().endswith("False")


def test_without_pyspark_the_command_says_how_to_install_it(tmp_path):
    code = "import sys; sys.modules['pyspark'] = None; from khabar.cli.entry import main; main()"
    args = ["spark", str(tmp_path / "in.jsonl"), str(tmp_path / "out")]
    res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr == 'khabar: pyspark is not installed: pip install "khabar[spark]" (pyspark 4, Java 17+)\n'


def test_input_format_from_the_name(tmp_path):
    assert ks.input_format("s3://bucket/news.jsonl.gz") == "json"
    assert ks.input_format("hdfs:///archive/2018.parquet") == "parquet"
    (tmp_path / "part-0.parquet").write_bytes(b"")
    assert ks.input_format(str(tmp_path)) == "parquet"
    with pytest.raises(ks.JobError, match="--input-format"):
        ks.input_format(str(tmp_path / "nothing"))


# --- in a local Spark session ----------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark tests need Java 17+ (no java on PATH, no JAVA_HOME)")
    pytest.importorskip("pyspark", reason='Spark tests need pip install ".[spark]"')
    pytest.importorskip("pyarrow", reason='Spark tests need pip install ".[spark]"')
    session = ks.session("local[2]", "khabar-tests")
    session.conf.set("spark.sql.shuffle.partitions", "2")
    yield session
    session.stop()


def run_cli(*args: str):
    from typer.testing import CliRunner

    from khabar.cli.app import app

    return CliRunner().invoke(app, ["spark", *args])


@pytest.mark.spark
def test_spark_output_equals_the_cli_record_for_record(spark, tmp_path):
    docs = [{"id": f"a{i}", "text": t} for i, t in enumerate(articles())]
    assert len(docs) >= 300
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    lines += [json.dumps({"id": "broken", "text": None}), "{not json"]
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "beat").mkdir()
    (tmp_path / "beat" / "beat.tsv").write_text(LEXICON, encoding="utf-8")
    out = tmp_path / "out"

    res = run_cli(str(news), str(out), "-l", str(tmp_path / "beat"))
    assert res.exit_code == 0, res.output  # the broken articles do not fail the job

    expected = cli_records(news, "-l", str(tmp_path / "beat"))
    got = parquet_records(out / "entities") + parquet_records(out / "quotes")
    assert len(got) == len(expected) > 3000
    assert sorted(got) == expected
    assert any(b'"source":"beat.tsv:3"' in line for line in got)  # the user lexicon reached the workers
    errors = {r["doc"]: r["error"] for r in json.loads(b"[" + b",".join(parquet_records(out / "errors")) + b"]")}
    assert errors.pop("broken") == "no text (null)"
    assert list(errors) == [None] and errors[None].startswith("not JSON: {not json")


@pytest.mark.spark
def test_integer_ids_from_parquet_keep_their_type(spark, tmp_path):
    docs = [{"id": 1000 + i, "text": t} for i, t in enumerate(articles()[:12])]
    spark.createDataFrame(docs, "id long, text string").write.parquet(str(tmp_path / "in.parquet"))
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")

    result = ks.extract_dataframe(spark.read.parquet(str(tmp_path / "in.parquet")), partitions=2)
    assert result.entities.schema["doc"].dataType.simpleString() == "bigint"
    ks.write_tables(result, str(tmp_path / "out"))
    got = parquet_records(tmp_path / "out" / "entities") + parquet_records(tmp_path / "out" / "quotes")
    assert sorted(got) == cli_records(news)
    assert result.errors.count() == 0


@pytest.mark.spark
@pytest.mark.parametrize(
    "args, message",
    [
        (["{tmp}/missing.jsonl", "{tmp}/out"], "missing.jsonl: [PATH_NOT_FOUND]"),
        (["{tmp}/in.jsonl", "{tmp}/out", "--text-field", "body"], "no column 'body' (columns: id, text)"),
        (["{tmp}/in.jsonl", "{tmp}/taken"], "taken/entities: [PATH_ALREADY_EXISTS]"),
    ],
)
def test_bad_job_input_is_one_line_and_exit_1(spark, tmp_path, args, message):
    (tmp_path / "in.jsonl").write_text('{"id": "x", "text": "قال الرئيس"}\n', encoding="utf-8")
    (tmp_path / "taken" / "entities").mkdir(parents=True)
    res = run_cli(*[a.format(tmp=tmp_path) for a in args])
    assert res.exit_code == 1
    assert message in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.spark
def test_a_bad_user_lexicon_stops_the_job_on_the_driver(spark, tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": "x", "text": "قال الرئيس"}\n', encoding="utf-8")
    (tmp_path / "bad.tsv").write_text("قطاف الزعبلاوي\tPERSON\n", encoding="utf-8")
    res = run_cli(str(tmp_path / "in.jsonl"), str(tmp_path / "out"), "-l", str(tmp_path / "bad.tsv"))
    assert res.exit_code == 3
    assert res.output.startswith(f"khabar: lexicon error: {tmp_path / 'bad.tsv'}:1:")
    assert "'PERSON'" in res.output
    assert not (tmp_path / "out").exists()


@pytest.mark.spark
def test_python_m_khabar_spark_runs_the_same_job(spark, tmp_path, capsys):
    docs = [{"id": i, "text": t} for i, t in enumerate(articles()[:5])]
    spark.createDataFrame(docs, "id int, text string").write.parquet(str(tmp_path / "in"))
    assert ks.main([str(tmp_path / "in"), str(tmp_path / "out"), "--no-quotes"]) == 0
    assert "5 documents" in capsys.readouterr().err
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"entities", "quotes", "errors"}
    assert parquet_records(tmp_path / "out" / "quotes") == []
    assert len(parquet_records(tmp_path / "out" / "entities")) > 20


@pytest.mark.spark
def test_without_java_the_command_fails_in_one_line(tmp_path):
    pytest.importorskip("pyspark", reason='needs pip install ".[spark]"')
    (tmp_path / "in.jsonl").write_text('{"id": "x", "text": "قال الرئيس"}\n', encoding="utf-8")
    env = {**os.environ, "JAVA_HOME": str(tmp_path / "no-java")}
    cmd = [sys.executable, "-m", "khabar", "spark", str(tmp_path / "in.jsonl"), str(tmp_path / "out")]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 1
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("khabar: cannot start Spark (") and last.endswith(
        "it needs Java 17+ (JAVA_HOME or java on PATH)"
    )
    assert "Traceback" not in res.stderr
