"""Hangs (issue 14, findings 1, 2 and 23): a run always finishes, frees the store and
says what happened."""

from __future__ import annotations

import os

from conftest import article, error_rows, invoke_unblocking, run_statuses, stored_refs


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
