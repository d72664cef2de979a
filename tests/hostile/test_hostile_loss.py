"""Silent data loss (issue 14, findings 3, 4, 6, 7 and 20): every source record is either
stored or recorded as an error, and nothing is recorded twice."""

from __future__ import annotations

import json

from hostile import article, error_rows, invoke, query, stored_refs


def test_csv_unclosed_quote_loses_only_its_own_row(tmp_path, pipeline):
    """Finding 3: an unclosed quote used to swallow every later row into one document."""
    path = tmp_path / "unclosed.csv"
    path.write_text(
        "id,date,text\n"
        f'r2,2017-02-10,"{article(2)}"\n'
        f'r3,2017-02-10,"{article(3)}\n'  # the quote is never closed
        f'r4,2017-02-10,"{article(4)}"\n'
        f'r5,2017-02-10,"{article(5)}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "csv.duckdb"
    result = invoke(["run", path, "--db", db, "-q"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert stored_refs(db) == {"r2", "r4", "r5"}
    assert query(db, "SELECT ref, record, reason FROM errors") == [(str(path), "3", "csv-error")]
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert "line 3" in line and "quote" in line, line


def test_csv_row_with_unquoted_commas_is_an_error_not_a_cut_text(tmp_path, pipeline):
    """Finding 4: 'Abe met Trump, and ...' unquoted was stored as 'Abe met Trump'."""
    path = tmp_path / "commas.csv"
    path.write_text(
        "id,date,text\n"
        f'c2,2017-02-10,"{article(2)}"\n'
        "c3,2017-02-10,Abe met Trump in Washington, and the two leaders talked about trade\n"
        f'c4,2017-02-10,"{article(4)}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "commas.duckdb"
    result = invoke(["run", path, "--db", db, "-q"])
    assert result.exit_code == 1, result.output
    assert stored_refs(db) == {"c2", "c4"}
    assert not query(db, "SELECT 1 FROM documents WHERE text = 'Abe met Trump in Washington'")
    assert query(db, "SELECT ref, record, reason FROM errors") == [(str(path), "3", "csv-error")]
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert "line 3" in line and "4 fields" in line and "3 columns" in line, line


def test_json_array_over_long_value_skips_only_that_value(tmp_path, pipeline):
    """Finding 7: one over-long value used to end the file: every later record was lost."""
    from detente.ingest import MAX_DOCUMENT_CHARS
    from detente.ingest.records import max_record_chars

    too_long = "x" * (2 * max_record_chars(MAX_DOCUMENT_CHARS))
    records = [
        {"id": "j1", "text": article(1)},
        {"id": "j2", "text": too_long, "note": ["nested", {"a": "]}\\"}]},
        {"id": "j3", "text": article(3)},
        {"id": "j4", "text": article(4)},
    ]
    path = tmp_path / "array.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    db = tmp_path / "json.duckdb"
    result = invoke(["run", path, "--db", db, "-q"])
    assert result.exit_code == 1, result.output
    assert stored_refs(db) == {"j1", "j3", "j4"}
    assert error_rows(db) == [(str(path), "too-large")]
