"""Hangs (issue 14, findings 1, 2 and 23): a run always finishes, frees the store and
says what happened."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import (
    article,
    cli_python,
    error_rows,
    invoke_unblocking,
    query,
    run_statuses,
    stored_refs,
    wait_for,
    write_jsonl,
)

from detente.store import Store


def test_fifo_among_inputs_is_an_error_row_not_a_hang(tmp_path, pipeline):
    """Finding 1: a FIFO named on the command line or found in a directory."""
    good = tmp_path / "a.txt"
    good.write_text(article(1), encoding="utf-8")
    named = tmp_path / "b.txt"
    os.mkfifo(named)
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "c.txt").write_text(article(2), encoding="utf-8")
    found = folder / "d.jsonl"
    os.mkfifo(found)
    db = tmp_path / "fifo.duckdb"

    result = invoke_unblocking(["run", good, named, folder, "--db", db, "-q"], [named, found])

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert stored_refs(db) == {str(good), str(folder / "c.txt")}
    assert error_rows(db) == [(str(named), "not-a-file"), (str(found), "not-a-file")]
    assert run_statuses(db) == ["finished"]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 2 and all("not a regular file" in line for line in lines), lines


# A pipeline stage that kills its own worker process on a marked document: what the
# OOM killer does to a worker, on cue. The script runs in a subprocess so that a run
# that waits forever fails the test instead of stalling the suite.
KILLER_SCRIPT = r"""
import json, os, signal, sys
from pathlib import Path

import spacy
from spacy.language import Language

from detente.ingest import read_inputs
from detente.pipeline import PipelineOptions, run
from detente.store import Store

MAIN = os.getpid()

@Language.component("hostile_killer")
def hostile_killer(doc):
    if os.getpid() != MAIN:
        if "KILL-ALWAYS" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "KILL-ONCE" in doc.text:
            flag = Path(doc.text.split("KILL-ONCE:")[1].split()[0])
            if not flag.exists():
                flag.touch()
                os.kill(os.getpid(), signal.SIGKILL)
    return doc

corpus, db, model = sys.argv[1:4]
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
nlp.add_pipe("hostile_killer")
nlp.to_disk(model)
options = PipelineOptions(model=model, stages=())
with Store(db) as store:
    summary = run(read_inputs([corpus]), store, options=options, workers=2, batch_size=3)
print(json.dumps({"errors": summary.errors, "documents": summary.documents}))
"""


@pytest.mark.slow
@pytest.mark.model
def test_a_worker_killed_mid_run_is_replaced_and_nothing_waits(tmp_path):
    """Finding 2: a worker killed while coding (once: its documents are retried and coded;
    again on the retry: that one document is stored uncoded as worker-died)."""
    flag = tmp_path / "killed-once"
    texts = [article(i) for i in range(10)]
    texts[2] = f"{texts[2]} KILL-ONCE:{flag} marker."
    texts[7] = f"{texts[7]} KILL-ALWAYS marker."
    corpus = write_jsonl(
        tmp_path / "corpus.jsonl", [{"id": f"k{i}", "text": t} for i, t in enumerate(texts)]
    )
    db = tmp_path / "killed.duckdb"
    script = tmp_path / "killer.py"
    script.write_text(KILLER_SCRIPT, encoding="utf-8")

    done = cli_python([script, corpus, db, tmp_path / "model"], timeout=180)

    assert done.returncode == 0, done.stderr
    assert flag.exists()  # the first worker really was killed
    rows = dict(query(db, "SELECT ref, coalesce(skipped, 'coded') FROM documents"))
    assert rows == {f"k{i}": ("worker-died" if i == 7 else "coded") for i in range(10)}
    # the error row names the file and the record's line (k7 is on line 8)
    assert query(db, "SELECT ref, record, reason, severity FROM errors") == [
        (str(corpus), "8", "worker-died", "error")
    ]
    assert run_statuses(db) == ["finished"]
    assert '"errors": 1' in done.stdout


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def state(pid: int) -> str:
    """A process's scheduler state: R running, S sleeping ..."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "?"


@pytest.mark.model
@pytest.mark.slow
def test_cli_run_survives_kill_9_of_a_worker(tmp_path):
    """Finding 2 as the tester did it: `detente run --workers 2`, then kill -9 one worker."""
    corpus = write_jsonl(
        tmp_path / "corpus.jsonl", [{"id": f"c{i}", "text": article(i)} for i in range(60)]
    )
    db = tmp_path / "cli-kill.duckdb"
    cmd = [sys.executable, "-m", "detente.cli.main", "run", str(corpus), "--db", str(db),
           "--workers", "2", "--batch-size", "2", "-q", "--model", "en_core_web_sm"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        # documents committed: the workers have loaded the pipeline and hold work
        wal = Path(f"{db}.wal")
        wait_for(
            lambda: wal.exists() and wal.stat().st_size > 20_000,
            timeout=180,
            what="the first stored documents",
        )
        # kill a worker while it codes (running, not waiting for work): what it holds
        # must be coded again by another worker, not waited for
        busy: list[int] = []
        wait_for(
            lambda: bool(busy.extend(p for p in children(proc.pid) if state(p) == "R") or busy),
            timeout=60,
            what="a busy worker",
        )
        os.kill(busy[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("`detente run --workers 2` waited forever after a worker was killed")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert stored_refs(db) == {f"c{i}" for i in range(60)}
    assert run_statuses(db) == ["finished"]


@pytest.mark.slow
@pytest.mark.model
def test_sigterm_is_handled_like_ctrl_c(tmp_path):
    """Finding 23: SIGTERM while a run reads its input (a producer piped into stdin)
    marks the run interrupted, frees the store and says so in one line."""
    db = tmp_path / "term.duckdb"
    cmd = [sys.executable, "-m", "detente.cli.main", "run", "-", "--db", str(db), "-q"]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        proc.stdin.write(json.dumps({"id": "t1", "text": article(1)}) + "\n")
        proc.stdin.flush()
        # the run has begun (its row is written) and waits for more input
        wal = Path(f"{db}.wal")
        wait_for(lambda: wal.exists() or db.exists(), timeout=60, what="the run to start")
        time.sleep(2)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("`detente run -` did not stop on SIGTERM")
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "terminated" in lines[0], stderr
    assert run_statuses(db) == ["interrupted"]  # not left "running"
    Store(db).close()  # the lock is free: a writer can open the store at once
