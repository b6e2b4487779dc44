"""Where output goes and what the command line promises around it: -o is replaced only on
success and never onto an input, write failures are one line, help and usage follow the
habits of click tools. Each test is named after a finding of issues 15, 17 or 18."""

from __future__ import annotations

import gzip
import json
import os
import pty
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import many_docs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "rafah_meeting.txt"
ARABIC = "وقال الرئيس الأميركي جو بايدن إن الاتفاق قريب.\n"
COMMANDS = [[], ["extract"], ["view"], ["eval"], ["spark"], ["schema"], ["lexicon"], ["lexicon", "check"]]
COMMANDS += [["lexicon", "lookup"]]


def khabar(*args, **kw):
    kw.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "khabar", *args], text=True, cwd=ROOT, **kw)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def whole_json_lines(data: bytes) -> int:
    assert not data or data.endswith(b"\n"), data[-200:]
    for line in data.splitlines():
        json.loads(line)
    return len(data.splitlines())


# --- -o: refused before any work, replaced only on success -------------------------------------


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(ARABIC, encoding="utf-8")
    res = khabar("extract", str(a), "-o", str(a))
    assert res.returncode == 2
    assert "is one of the inputs" in one_error_line(res.stderr)
    assert a.read_text(encoding="utf-8") == ARABIC
    # also when the input is found in a folder, or reached through a symbolic link
    link = tmp_path / "link.jsonl"
    link.symlink_to(a)
    res = khabar("extract", str(tmp_path), "-o", str(link))
    assert res.returncode == 2 and a.read_text(encoding="utf-8") == ARABIC


def test_output_into_a_directory_or_a_missing_folder_is_one_line(tmp_path):
    res = khabar("extract", str(SEED), "-o", str(tmp_path))
    assert res.returncode == 2 and "is a directory" in one_error_line(res.stderr)
    res = khabar("extract", str(SEED), "-o", str(tmp_path / "missing" / "dir" / "x.jsonl"))
    line = one_error_line(res.stderr)
    assert res.returncode == 4 and "missing/dir/x.jsonl" in line and "errno 2" in line


def test_pretty_format_with_output_is_refused_before_any_work(tmp_path):
    out = tmp_path / "p.out"
    res = khabar("extract", str(SEED), "-o", str(out), "-f", "pretty")
    assert res.returncode == 2 and "pretty" in one_error_line(res.stderr)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_output_file_is_replaced_only_when_the_run_ends(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    os.chmod(out, 0o640)
    res = khabar("extract", "-q", str(SEED), "-o", str(out))
    assert res.returncode == 0
    assert whole_json_lines(out.read_bytes()) > 10
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)  # the file's permissions are kept
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left


def test_ctrl_c_keeps_the_previous_output_and_the_whole_records_aside(tmp_path):
    d = many_docs(tmp_path, 3000)
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar", "extract", "-q", "-j", "2", str(d), "-o", str(out)],
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.stat().st_size > 2000 for p in tmp_path.glob(".out.jsonl.*.part")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 130
    assert out.read_text(encoding="utf-8") == "previous results\n"
    partial = tmp_path / "out.jsonl.partial"
    assert whole_json_lines(partial.read_bytes()) > 0
    assert "out.jsonl.partial" in proc.stderr.read().decode()
    assert not list(tmp_path.glob(".out.jsonl.*.part"))


# --- write failures: one line naming the file and errno, distinct exit, whole lines -------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_disk_full_is_one_line_with_output_and_with_stdout(tmp_path):
    res = khabar("extract", "-q", str(SEED), "-o", "/dev/full")
    line = one_error_line(res.stderr)
    assert res.returncode == 4 and "/dev/full" in line and "errno 28" in line
    with open("/dev/full", "wb") as full:
        res = khabar("extract", "-q", str(SEED), stdout=full, stderr=subprocess.PIPE, capture_output=False)
    line = one_error_line(res.stderr)
    assert res.returncode == 4 and "standard output" in line and "errno 28" in line
    assert os.path.exists("/dev/full") and not os.path.isfile("/dev/full")  # a device is written, never replaced


def _limit_file_size(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_write_that_fails_midway_leaves_only_whole_lines(tmp_path):
    """A file-size limit stands in for a disk that fills up during the run."""
    d = many_docs(tmp_path, 40)
    redirected = tmp_path / "redirected.jsonl"
    with open(redirected, "wb") as fh:
        res = subprocess.run(
            [sys.executable, "-m", "khabar", "extract", "-q", str(d)],
            stdout=fh,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            preexec_fn=_limit_file_size(6000),
        )
    line = one_error_line(res.stderr)
    assert res.returncode == 4 and "standard output" in line and "errno 27" in line
    assert whole_json_lines(redirected.read_bytes()) > 0
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", "-q", str(d), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_limit_file_size(6000),
    )
    assert res.returncode == 4 and str(out) in one_error_line(res.stderr)
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_closed_stdout_is_one_line():
    res = subprocess.run(
        f"{sys.executable} -m khabar extract -q {SEED} >&-", shell=True, capture_output=True, text=True, cwd=ROOT
    )
    line = one_error_line(res.stderr)
    assert res.returncode == 4 and "standard output" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_permission_denied_on_output_is_one_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    res = khabar("extract", "-q", str(SEED), "-o", str(ro / "x.jsonl"))
    assert res.returncode == 4 and "errno 13" in one_error_line(res.stderr)


# --- usage: help, version, completion, options checked once ------------------------------------


@pytest.mark.parametrize("cmd", COMMANDS)
def test_short_help_and_no_python_types_in_help(cmd):
    res = khabar(*cmd, "-h")
    assert res.returncode == 0 and "Usage" in res.stdout
    for python_type in ("<bool>", "<str>", "<int>", "<list[", "<Path>", "{paths}", "{"):
        assert python_type not in res.stdout, (cmd, python_type)


def test_version_and_completion_options():
    from khabar import __version__

    res = khabar("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"khabar {__version__}"
    assert "--install-completion" in khabar("-h").stdout


def test_unknown_encoding_is_one_usage_error_not_one_per_file(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(ARABIC, encoding="utf-8")
    res = khabar("extract", str(tmp_path), "--encoding", "nosuch")
    assert res.returncode == 2 and "nosuch" in one_error_line(res.stderr)


def test_negative_jobs_are_refused():
    res = khabar("extract", str(SEED), "-j", "-3")
    assert res.returncode == 2 and not res.stdout


# --- inputs: archives by name, empty selections, broken links, the summary ---------------------


def test_ndjson_and_gzipped_archives_are_read_as_json_lines(tmp_path):
    lines = "".join(json.dumps({"id": f"d{i}", "text": ARABIC}, ensure_ascii=False) + "\n" for i in range(3))
    (tmp_path / "a.ndjson").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    for name in ("a.ndjson", "b.jsonl.gz"):
        res = khabar("extract", "-q", str(tmp_path / name))
        assert res.returncode == 0, res.stderr
        docs = {json.loads(line)["doc"] for line in res.stdout.splitlines()}
        assert docs == {"d0", "d1", "d2"}, name  # the JSON keys are not read as text


def test_a_folder_where_the_glob_finds_nothing_says_so_and_fails(tmp_path):
    (tmp_path / "a.md").write_text(ARABIC, encoding="utf-8")
    res = khabar("extract", str(tmp_path))
    assert res.returncode == 1
    assert "matches --glob '*.txt'" in res.stderr and "0 documents" in res.stderr


def test_broken_symbolic_links_are_reported_not_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    res = khabar("extract", str(tmp_path))
    assert res.returncode == 1
    assert "dangling.txt: broken symbolic link" in res.stderr
    assert {json.loads(line)["doc"] for line in res.stdout.splitlines()} == {str(tmp_path / "good.txt")}


def test_summary_names_the_failed_inputs_in_the_right_number(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)
    res = khabar("extract", str(tmp_path), "-f", "jsonl")
    summary = res.stderr.splitlines()[-1]
    assert "2 documents" not in summary  # the binary file is no document
    assert "1 document," in summary and "1 error," in summary and "0 warnings" in summary
    assert summary.endswith(f"failed: {tmp_path / 'bad.txt'}")


# --- progress: never on the same line as data ---------------------------------------------------


def test_progress_never_shares_a_terminal_line_with_piped_data(tmp_path):
    """stdout piped (to jq, say) and stderr on a terminal: the reader may print to that terminal
    at any moment, so no live bar is drawn; only the summary line comes."""
    d = many_docs(tmp_path, 300)
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar", "extract", "-j", "1", str(d)],
        stdout=subprocess.PIPE,
        stderr=secondary,
        cwd=ROOT,
    )
    os.close(secondary)
    out = proc.stdout.read()
    proc.wait(timeout=120)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert whole_json_lines(out) > 0
    assert "━" not in terminal and "\x1b[" not in terminal  # no bar, no cursor movement
    assert terminal.strip().startswith("khabar: 300 documents")


def test_progress_bar_is_drawn_only_where_it_cannot_meet_data(monkeypatch, tmp_path):
    from khabar.cli import progress

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(progress.sys, "stderr", Tty())
    read, write = os.pipe()
    with open(write, "wb") as piped:
        monkeypatch.setattr(progress.sys, "stdout", piped)
        assert not progress.bar_allowed(None, pretty=False)  # records into a pipe
        assert progress.bar_allowed("out.jsonl", pretty=False)  # records into -o
    os.close(read)
    with open(tmp_path / "f.jsonl", "wb") as regular:
        monkeypatch.setattr(progress.sys, "stdout", regular)
        assert progress.bar_allowed(None, pretty=False)  # stdout redirected to a file
