"""Writers for ``--format conll`` (a stream, like JSON lines) and ``--format brat`` (a folder)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import orjson

from khabar.batch import Outcome
from khabar.brat import annotation_conf, to_ann
from khabar.cli.sink import ExportError, Sink
from khabar.conll import to_conll

CONF_HEADER = "# brat configuration for khabar's export"


def _records(outcome: Outcome) -> list[dict]:
    return [orjson.loads(line) for line in outcome.data.splitlines() if line.strip()]


def _doc_id(outcome: Outcome) -> object:
    return outcome.name if outcome.doc is None else outcome.doc


def check_brat_folder(folder: str | None, inputs: list[str]) -> str | None:
    """Why ``folder`` cannot take a brat export of ``inputs`` (None when it can): it must be
    given, be a folder, and be neither an input folder nor the folder of an input file, so that
    no ID.txt or ID.ann lands on an input."""
    if not folder or folder == "-":
        return "--format brat writes files: give the output folder with -o FOLDER"
    out = Path(folder)
    if out.exists() and not out.is_dir():
        return f"{folder}: not a folder (--format brat writes ID.txt and ID.ann files into one)"
    for name in inputs:
        path = Path(name)
        home = path if path.is_dir() else path.parent
        if name != "-" and out.resolve() == home.resolve():
            return f"{folder}: holds the inputs ({name}); choose another -o folder"
    return None


class ConllSink(Sink):
    """CoNLL lines on stdout or in a file, a ``# doc: ID`` line before each document."""

    def write_outcome(self, outcome: Outcome) -> None:
        if not (outcome.text or "").strip():
            return  # an empty input (warned about): nothing to write, as for JSON lines
        records = _records(outcome)
        self.write(to_conll(outcome.text or "", records, _doc_id(outcome)).encode("utf-8"))


class BratFolder:
    """``ID.txt`` (the text as read, UTF-8, newlines untouched) and ``ID.ann`` per document,
    plus brat's ``annotation.conf``, in one folder; never written onto an input file."""

    def __init__(self, folder: str | None) -> None:
        problem = check_brat_folder(folder, [])
        if problem:
            raise ExportError(problem)
        self.folder = Path(folder)
        self.path = folder
        conf = self.folder / "annotation.conf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not conf.exists() or conf.read_text(encoding="utf-8").startswith(CONF_HEADER):
                conf.write_text(annotation_conf(), encoding="utf-8")  # never replaces a conf of your own
        except OSError as exc:
            raise ExportError(f"{folder}: {exc.strerror or exc}") from None
        self.used: set[str] = set()

    def write_outcome(self, outcome: Outcome) -> None:
        if not (outcome.text or "").strip():
            return  # an empty input (warned about): nothing to annotate
        records = _records(outcome)
        stem = self._stem(_doc_id(outcome), outcome.name)
        txt, ann = self.folder / f"{stem}.txt", self.folder / f"{stem}.ann"
        for target in (txt, ann):
            if target.exists() and Path(outcome.name).exists() and os.path.samefile(target, outcome.name):
                raise ExportError(f"{target}: is an input; choose another -o folder")
        text = outcome.text or ""
        try:
            for target, content in ((txt, text), (ann, to_ann(text, records))):
                part = target.with_name(f".{target.name}.part")
                with open(part, "w", encoding="utf-8", newline="") as fh:
                    fh.write(content)
                os.replace(part, target)
        except OSError as exc:
            raise ExportError(f"{txt}: {exc.strerror or exc}") from None

    def _stem(self, doc_id: object, source: str) -> str:
        """A file name from the document id (a file's base name without .txt; a JSON-lines id
        whole), unsafe characters as _, and -2, -3 … when two documents would get the same name."""
        name = str(doc_id)
        name = "stdin" if name == "-" else Path(name).name if name == source else name
        name = re.sub(r"\.txt$", "", name, flags=re.IGNORECASE)
        stem = re.sub(r"[^\w.-]", "_", name).lstrip(".") or "doc"
        n, candidate = 1, stem
        while candidate.lower() in self.used:
            n += 1
            candidate = f"{stem}-{n}"
        self.used.add(candidate.lower())
        return candidate

    # The sink protocol of cli/extract.py. Each document's two files are written under temporary
    # names and renamed into place, so an interrupt leaves no half-written .ann: nothing to
    # finish, keep aside or discard at the end.
    tmp = None

    def finish(self) -> None:
        """Every document is in place as soon as it is written."""

    def keep_partial(self) -> None:
        return None

    def discard(self) -> None:
        """Documents already written stay: each is whole."""


def open_export(fmt: str, output: str | None) -> ConllSink | BratFolder:
    """The writer for ``--format conll`` or ``--format brat`` (cli.app.EXPORTS)."""
    return ConllSink(output) if fmt == "conll" else BratFolder(output)
