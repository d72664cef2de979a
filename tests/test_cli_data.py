"""The command line an analyst uses on a store: each defect of issue 11 has its test here.

Store contents are hand-built (tests/builders.py) and written with the real store; commands
run through Typer's CliRunner, which is not a terminal (like a notebook's ``!detente``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from builders import ABE, TRUMP, XI, coded, fill, story
from typer.testing import CliRunner

from detente.cli.main import app
from detente.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-data") / "news.duckdb"
    with Store(path) as store:
        fill(
            store,
            [
                story("a", "2017-01-10", [coded(ABE, TRUMP, "040", both_ways=True)]),
                story("b", "2017-02-20", [coded(TRUMP, XI, "111")]),
                story("c", "2017-03-02", [coded(XI, TRUMP, "051")]),
            ],
        )
    return path


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env)


# -- help, version, DETENTE_DB --------------------------------------------------------------------


def test_version_names_the_coder():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("detente ")


def test_flags_are_shown_without_a_value():
    result = invoke("run", "--help")
    assert result.exit_code == 0
    assert "--quiet" in result.stdout and "<bool>" not in result.stdout


def test_detente_db_names_the_store(db, tmp_path):
    result = invoke("stats", "--format", "jsonl", env={"DETENTE_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 3


# -- tables that fit, and output formats ---------------------------------------------------------


def test_dyad_table_keeps_headers_and_dates_whole(db):
    result = invoke("dyad", "JPN", "USA", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "verbal_cooperation" in result.stdout and "2017-01-01" in result.stdout


@pytest.mark.parametrize("command", [["dyad", "USA", "CHN"], ["stats"], ["errors"]])
def test_store_commands_print_csv_and_jsonl(db, command):
    as_csv = invoke(*command, "--db", str(db), "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    as_jsonl = invoke(*command, "--db", str(db), "--format", "jsonl")
    assert as_jsonl.exit_code == 0, as_jsonl.output
    records = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert len(rows) == len(records)
    if command[0] == "dyad":
        assert records[0]["period"] == "2017-02-01" and rows[0]["events"] == "1"


# -- dyad with names, unknown actors -------------------------------------------------------------


def test_dyad_by_name(db):
    result = invoke("dyad", "Donald Trump", "Xi Jinping", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert sum(json.loads(line)["events"] for line in result.stdout.splitlines()) == 2


def test_dyad_with_an_unknown_actor_says_so(db):
    result = invoke("dyad", "XYZ", "USA", "--db", str(db))
    assert result.exit_code == 1
    assert "no event in the store has 'XYZ'" in result.stderr and "ISO3" in result.stderr


# -- panels, dedup ---------------------------------------------------------------------------------


def test_panel_command_writes_a_zero_filled_panel(db, tmp_path):
    out = tmp_path / "panel.csv"
    result = invoke(
        "panel", "--unit", "dyad-month", "--undirected", "--db", str(db), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    jpn_usa = [r for r in rows if (r["country_a"], r["country_b"]) == ("JPN", "USA")]
    assert [r["events"] for r in jpn_usa] == ["1", "0", "0"]  # both directions count once
    again = invoke("panel", "--db", str(db), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr


def test_dedup_command_reports_the_reduction(db):
    result = invoke("dedup", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["events"] == 4 and summary["deduplicated_events"] == 4


# -- export -----------------------------------------------------------------------------------------


def test_export_takes_the_format_from_the_extension(db, tmp_path):
    out = tmp_path / "e.csv"
    result = invoke("export", "events", str(out), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("event_id,")  # CSV, not Parquet


def test_export_dash_writes_to_stdout(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "events", "-", "--format", "gdelt", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()[0].split("\t")) == 61
    assert not (tmp_path / "-").exists()


def test_export_refuses_to_overwrite_and_mismatched_formats(db, tmp_path):
    out = tmp_path / "e.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    refused = invoke("export", "events", str(out), "--db", str(db))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep\n"
    forced = invoke("export", "events", str(out), "--db", str(db), "--force")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("{")
    mismatch = invoke(
        "export", "events", str(tmp_path / "x.csv"), "--format", "parquet", "--db", str(db)
    )
    assert mismatch.exit_code == 2 and "does not match the file name" in mismatch.stderr
    store_target = invoke(
        "export", "events", str(db), "--format", "csv", "--force", "--db", str(db)
    )
    assert store_target.exit_code == 2


# -- errors ----------------------------------------------------------------------------------------


def test_errors_with_nothing_recorded_says_so(db):
    result = invoke("errors", "--db", str(db))
    assert result.exit_code == 0
    assert "no problems recorded" in result.stderr and result.stdout == ""


# -- run, brief (these code text with the real pipeline) --------------------------------------------

ARTICLE = "Japanese Prime Minister Shinzo Abe met President Donald Trump in Washington on Friday."


def test_run_with_a_missing_path_codes_the_rest_and_exits_one(tmp_path, nlp):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "run.duckdb"
    result = invoke("run", str(tmp_path / "missing.txt"), str(good), "--db", str(db), "--quiet")
    assert result.exit_code == 1
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == 1
        assert store.errors()["reason"].tolist() == ["not-found"]


def test_run_on_a_url_explains_that_it_reads_files(tmp_path):
    db = tmp_path / "url.duckdb"
    result = invoke("run", "https://example.org/news.html", "--db", str(db), "--quiet")
    assert result.exit_code == 1
    assert "not web addresses" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.errors()["reason"].tolist() == ["url"]


def test_a_wrong_text_field_lists_the_fields_once(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        "".join(
            json.dumps({"ID": str(i), "body": ARTICLE, "bias_text": "left"}) + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    db = tmp_path / "field.duckdb"
    result = invoke("run", str(records), "--db", str(db), "--quiet")
    assert result.exit_code == 1
    with Store(db, read_only=True) as store:
        errors = store.errors()
    assert len(errors) == 1  # one row for the file, not one per record
    assert (
        "ID, body, bias_text" in errors["detail"].iloc[0]
        and "--text-field" in errors["detail"].iloc[0]
    )


def test_extra_record_fields_reach_the_store(tmp_path, nlp):
    records = tmp_path / "allsides.jsonl"
    record = {
        "ID": "x1",
        "text": ARTICLE,
        "date": "2017-02-10",
        "bias_text": "left",
        "topic": "asia",
    }
    records.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "meta.duckdb"
    result = invoke("run", str(records), "--db", str(db), "--quiet", "--id-field", "ID")
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        meta = json.loads(store.documents()["meta"].iloc[0])
        runs = store.runs()
    assert meta == {"bias_text": "left", "topic": "asia"}
    assert runs["detente_version"].iloc[0] and len(runs["knowledge_hash"].iloc[0]) == 16


def test_brief_picks_a_record_by_id_and_field(tmp_path, nlp):
    records = tmp_path / "records.jsonl"
    lines = [
        {"id": "first", "body": "Xi Jinping praised Vladimir Putin on Monday."},
        {"id": "second", "body": ARTICLE},
    ]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    result = invoke(
        "brief", str(records), "--id", "second", "--text-field", "body", "--date", "2017-02-10"
    )
    assert result.exit_code == 0, result.output
    assert "Shinzo Abe" in result.stdout and "Putin" not in result.stdout
    first = invoke("brief", str(records), "--text-field", "body")
    assert first.exit_code == 0 and "choose one with --id" in first.stderr
    missing = invoke("brief", str(records), "--id", "third", "--text-field", "body")
    assert missing.exit_code == 1 and "third" in missing.stderr


def test_brief_shows_a_stored_document(db):
    result = invoke("brief", "--db", str(db), "--id", "b")
    assert result.exit_code == 0, result.output
    assert "Title b" in result.stdout and "111" in result.stdout
    unknown = invoke("brief", "--db", str(db), "--id", "nope")
    assert unknown.exit_code == 1 and "nope" in unknown.stderr


def test_eval_outside_a_source_tree_says_where_gold_data_comes_from(tmp_path):
    import os
    import subprocess
    import sys

    env = {"DETENTE_SHARED": str(tmp_path / "nowhere"), "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # the same détente as the test run
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    result = subprocess.run(
        [sys.executable, "-m", "detente.cli.main", "eval", "events"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "DETENTE_SHARED" in result.stderr and "--gold" in result.stderr
    assert "Traceback" not in result.stderr


def test_errors_name_the_file_and_line_of_a_record(tmp_path, nlp):
    records = tmp_path / "mixed.jsonl"
    french = (
        "Le président de la République a rencontré hier soir le chancelier allemand à Paris "
        "pour discuter de l'avenir de l'Europe et de la défense commune."
    )
    lines = [{"id": "en-1", "text": ARTICLE}, {"id": "fr-1", "text": french}]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    db = tmp_path / "refs.duckdb"
    result = invoke("run", str(records), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        errors = store.errors()
        documents = store.documents()
    row = errors[errors["reason"] == "non-english"].iloc[0]
    assert (row["ref"], row["record"]) == (str(records), "2")  # the file, not the record id
    assert set(documents["ref"]) == {"en-1", "fr-1"}
