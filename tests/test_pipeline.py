"""The run: idempotence, bad inputs, and a real kill -9 followed by a resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from detente.ingest import read_inputs
from detente.pipeline import PipelineOptions, run
from detente.store import Store

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPH = (
    "Japanese Prime Minister Shinzo Abe met President Donald Trump at the White House on Friday. "
    "The two leaders discussed trade and security, and Abe said the alliance was strong. "
    "China rejected the statement, a foreign ministry spokesman in Beijing said. "
)


def write_articles(path: Path, n: int, *, sentences: int = 1) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Story {i}. " + PARAGRAPH * sentences
            fh.write(json.dumps({"id": f"a{i}", "date": "2017-02-10", "text": text}) + "\n")


def test_run_stores_once_and_records_bad_inputs(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    write_articles(tmp_path / "in" / "good.jsonl", 5)
    (tmp_path / "in" / "broken.jsonl").write_text(
        '{"id": "x", "text": "fine text here"}\n{not json\n'
    )
    (tmp_path / "in" / "empty.txt").write_text("")
    db = tmp_path / "s.duckdb"
    options = PipelineOptions()
    with Store(db) as store:
        first = run(read_inputs([str(tmp_path / "in")]), store, options=options, nlp=nlp)
    assert first.documents == 6
    assert first.errors == 2  # the malformed line and the empty file
    assert first.mentions > 0
    with Store(db) as store:
        again = run(read_inputs([str(tmp_path / "in")]), store, options=options, nlp=nlp)
        assert again.documents == 0
        assert again.already_stored == 6
        assert len(store.documents()) == 6
        reasons = set(store.errors()["reason"])
    assert {"malformed-json", "empty-file"} <= reasons


def stored_ids(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()]
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.model
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path):
    total = 120
    corpus = tmp_path / "corpus.jsonl"
    write_articles(corpus, total, sentences=6)
    db = tmp_path / "kill.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "detente.cli.main",
        "run",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "4",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 240
    # Wait until at least one batch has been committed (DuckDB writes the WAL on commit),
    # then give it a moment more so the kill lands in the middle of the run.
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    time.sleep(1.0)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    partial = stored_ids(db)
    assert 0 < len(partial) < total
    assert len(partial) == len(set(partial))

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    ids = stored_ids(db)
    assert len(ids) == total
    assert len(set(ids)) == total
    con = duckdb.connect(str(db), read_only=True)
    try:
        # every stored document has its mentions: no half-written document survived the kill
        orphans = con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.doc_id = d.doc_id)"
        ).fetchone()[0]
        statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY run_id").fetchall()]
    finally:
        con.close()
    assert orphans == 0
    assert statuses == ["killed", "finished"]


@pytest.mark.model
def test_a_stage_that_raises_loses_no_document(tmp_path):
    """A bug in one stage on one document stores that document uncoded and codes the rest."""
    from spacy.language import Language

    from detente.records import Article

    @Language.component("test_explode_on_boom")
    def explode(doc):
        if "BOOM" in doc.text:
            raise ValueError("stage failed on purpose")
        return doc

    from detente.nlp import load

    nlp = load(stages=("actors",))  # a pipeline of its own: the cached ones stay clean
    nlp.add_pipe("test_explode_on_boom")
    articles = [
        Article(ref=f"a{i}", text=t)
        for i, t in enumerate(
            ["Abe met Trump in Tokyo.", "BOOM went the talks in Seoul.", "Putin visited Beijing."]
        )
    ]
    db = tmp_path / "boom.duckdb"
    with Store(db) as store:
        summary = run(iter(articles), store, options=PipelineOptions(), nlp=nlp, batch_size=8)
        docs = store.documents()
        errors = store.errors()
    assert summary.documents == 3
    assert summary.errors == 1
    assert set(docs["ref"]) == {"a0", "a1", "a2"}
    assert list(errors["reason"]) == ["coding-failed"]
    assert summary.mentions > 0


def test_a_stage_that_fails_is_stored_uncoded_and_logged_with_its_traceback(caplog):
    """The batch goes on one document at a time; the failure's traceback is logged (the
    CLI shows it with --debug), its message stored as the document's problem."""
    import logging

    import spacy
    from spacy.language import Language

    from detente.pipeline import extract
    from detente.records import Article

    @Language.component("test_fails_on_boom")
    def fails_on_boom(doc):
        if "BOOM" in doc.text:
            raise ValueError("the test stage went boom")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_boom")
    articles = [Article(ref="a", text="Fine words."), Article(ref="b", text="BOOM here.")]
    with caplog.at_level(logging.DEBUG, logger="detente"):
        results = list(extract(nlp, articles))
    assert [r.skipped for r in results] == [None, "coding-failed"]
    assert "ValueError: the test stage went boom" in results[1].problems[0].detail
    logged = [r for r in caplog.records if r.exc_info is not None]
    assert logged and all(isinstance(r.exc_info[1], ValueError) for r in logged)
