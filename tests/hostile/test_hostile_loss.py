"""Silent data loss (issue 14, findings 3, 4, 6, 7 and 20): every source record is either
stored or recorded as an error, and nothing is recorded twice."""

from __future__ import annotations

import json

import duckdb
from hostile import article, error_rows, invoke, query, stored_refs, summary_value, write_jsonl


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


def test_same_text_from_another_source_keeps_its_record(tmp_path, pipeline):
    """Finding 6: a record whose text is already stored keeps its id, date, source and url
    in document_refs, and the run summary counts it."""
    text = article(6)
    first = write_jsonl(
        tmp_path / "reuters.jsonl",
        [
            {
                "id": "a1",
                "date": "2017-02-10",
                "source": "Reuters",
                "url": "http://r/1",
                "text": text,
            }
        ],
    )
    second = write_jsonl(
        tmp_path / "ap.jsonl",
        [
            {"id": "b1", "date": "2017-02-11", "source": "AP", "url": "http://ap/9", "text": text},
            {"id": "b2", "date": "2017-02-11", "source": "AP", "text": article(7)},
        ],
    )
    db = tmp_path / "refs.duckdb"
    assert invoke(["run", first, "--db", db, "-q"]).exit_code == 0
    result = invoke(["run", second, "--db", db])
    assert result.exit_code == 0, result.output
    assert summary_value(result.stdout, "duplicates") == 1
    assert summary_value(result.stdout, "documents stored") == 1
    doc_id = query(db, "SELECT doc_id FROM documents WHERE ref = 'a1'")[0][0]
    refs = query(
        db,
        "SELECT ref, record, CAST(date AS VARCHAR), source, url FROM document_refs "
        "WHERE doc_id = ? ORDER BY ref",
        [doc_id],
    )
    assert refs == [
        ("a1", "1", "2017-02-10", "Reuters", "http://r/1"),
        ("b1", "1", "2017-02-11", "AP", "http://ap/9"),
    ]
    runs = query(db, "SELECT summary->>'duplicates' FROM runs ORDER BY run_id")
    assert runs == [("0",), ("1",)]
    # a re-run of the same file is not a duplicate: nothing new to keep
    again = invoke(["run", second, "--db", db])
    assert summary_value(again.stdout, "duplicates") == 0
    assert summary_value(again.stdout, "already in store") == 2
    assert query(db, "SELECT count(*) FROM document_refs")[0][0] == 3


OLD_VERSION = 2  # the schema version before document_refs


def test_store_of_the_previous_version_is_migrated_with_its_references(tmp_path, pipeline):
    """Finding 6: stores written before document_refs get the table, filled from documents."""
    from detente.store import SCHEMA_VERSION

    db = tmp_path / "old.duckdb"
    corpus = write_jsonl(
        tmp_path / "one.jsonl", [{"id": "o1", "source": "AFP", "text": article(1)}]
    )
    assert invoke(["run", corpus, "--db", db, "-q"]).exit_code == 0
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE document_refs")  # as a store of the version before it
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(OLD_VERSION)])
    con.close()
    stats = invoke(["stats", "--db", db])  # read-only commands say how to upgrade
    assert stats.exit_code == 1 and f"schema version {OLD_VERSION}" in stats.stderr
    result = invoke(["run", corpus, "--db", db, "-q"])  # a writer upgrades it
    assert result.exit_code == 0, result.output
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert query(db, "SELECT ref, source FROM document_refs") == [("o1", "AFP")]


def test_rerun_adds_no_duplicate_warnings(tmp_path, pipeline):
    """Finding 20: warnings about stored documents (bad bytes, another encoding) are
    recorded once, not again on every re-run."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(f"{article(1)} Tōkyō".encode() + b" caf\xe9.\n")
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(f'id,text\nl1,"{article(2)} caf\u00e9"\n'.encode("cp1252"))
    db = tmp_path / "warn.duckdb"
    for _ in range(3):
        result = invoke(["run", bad, legacy, "--db", db, "-q"])
        assert result.exit_code == 0, result.output
    rows = query(db, "SELECT ref, reason FROM errors ORDER BY reason")
    assert rows == [(str(bad), "decode-replaced"), (str(legacy), "not-utf8")]
