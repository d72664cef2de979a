"""The command line through Typer's CliRunner: exit codes, messages, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

runner = CliRunner()

ARTICLE = (
    "Tokyo\n\nAbe and Trump meet at the White House\n\n"
    "Japanese Prime Minister Shinzo Abe met President Donald Trump in Washington on Friday. "
    "\u201cThe alliance is the cornerstone of peace,\u201d Abe said.\n"
)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "abe.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_actors_jsonl_carries_the_contract(article, nlp):
    result = runner.invoke(
        app, ["actors", str(article), "--format", "jsonl", "--date", "2017-02-10"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows
    for row in rows:
        assert row["doc_ref"] == str(article)
        assert len(row["doc_id"]) == 16
        assert ARTICLE[row["start"] : row["end"]] == row["text"]


def jsonl_rows(command: str, article: Path) -> list[dict]:
    result = runner.invoke(app, [command, str(article), "--date", "2017-02-10"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows, f"detente {command} printed no rows"
    for row in rows:
        assert row["doc_ref"] == str(article)
        evidence = row["trigger"]["text"] if command == "events" else row["text"]
        assert ARTICLE[row["start"] : row["end"]] == evidence
    return rows


def test_quotes_and_events_print_jsonl(article, nlp):
    quotes = jsonl_rows("quotes", article)
    assert [(q["text"], q["speaker"]) for q in quotes] == [
        ("The alliance is the cornerstone of peace", "Abe")
    ]
    events = jsonl_rows("events", article)
    assert any(
        (e["source"]["code"], e["target"]["code"], e["cameo_root"], e["date"])
        == ("JPNGOV", "USAGOV", "04", "2017-02-10")
        for e in events
        if e["target"]
    ), events


def test_run_stats_export_and_rerun(tmp_path, article, nlp):
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["run", str(article), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["run", str(article), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "already in store" in again.stdout
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0, stats.output
    out = tmp_path / "mentions.csv"
    exported = runner.invoke(
        app, ["export", "mentions", str(out), "--format", "csv", "--db", str(db)]
    )
    assert exported.exit_code == 0, exported.output
    assert out.read_text().count("\n") > 1


def test_bad_input_exit_code_one_and_error_recorded(tmp_path, article, nlp):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    db = tmp_path / "bad.duckdb"
    result = runner.invoke(app, ["run", str(article), str(bad), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    errors = runner.invoke(app, ["errors", "--db", str(db)])
    assert "malformed-json" in errors.stdout


def test_usage_errors_are_one_line_exit_two(tmp_path, article):
    result = runner.invoke(
        app, ["run", str(article), "--date", "10/02/2017", "--db", str(tmp_path / "x.duckdb")]
    )
    assert result.exit_code == 2
    assert "--date '10/02/2017' is not a date" in result.stderr
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["actors", str(article), "--actors", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert "--actors" in missing.stderr and "no such file" in missing.stderr
    # a missing path is a bad input (a not-found error row, exit 1), not a usage error
    nopath = runner.invoke(
        app, ["run", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "y.duckdb")]
    )
    assert nopath.exit_code == 1
    assert "nothing-here" in nopath.stderr


def test_brief_shows_one_article(article, nlp):
    result = runner.invoke(app, ["brief", str(article), "--date", "2017-02-10"])
    assert result.exit_code == 0, result.output
    assert "Abe and Trump meet at the White House" in result.stdout
    assert "Actors" in result.stdout and "Events" in result.stdout


def test_examples_run_cleanly(tmp_path, nlp):
    db = tmp_path / "ex.duckdb"
    result = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output


def test_eval_actors_prints_its_report(nlp, shared_dir):
    result = runner.invoke(app, ["eval", "actors"])
    assert result.exit_code == 0, result.output
    assert "recall" in result.stdout and "precision" in result.stdout


def test_eval_quotes_scores_the_bbc_gold_when_given_its_folder(nlp, shared_dir):
    gold = Path(__file__).resolve().parents[1] / "gold" / "quotes_bbc"
    args = ["eval", "quotes", "--gold", str(gold), "--split", "dev", "--limit", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Quotes on BBC News 2004-2005 (détente gold) dev: 2 texts" in result.stdout
    result = runner.invoke(app, [*args[:4], "--split", "train"])
    assert result.exit_code != 0 and "split 'train' is not one of dev, test" in result.output
    result = runner.invoke(app, [*args, "--half", "A"])
    assert result.exit_code != 0 and "apply to PolNeAR only" in result.output


def test_eval_quotes_rejects_a_bad_half_before_reading_the_gold(tmp_path):
    result = runner.invoke(app, ["eval", "quotes", "--gold", str(tmp_path / "none"), "--half", "C"])
    assert result.exit_code == 2
    assert "--half 'C' is not one of A, B" in result.output
    assert "no PolNeAR split" not in result.output


def test_eval_petrarch_rejects_a_bad_half_as_eval_quotes_does(shared_dir):
    result = runner.invoke(app, ["eval", "petrarch", "--half", "C"])
    assert result.exit_code == 2
    assert "--half 'C' is not one of A, B" in result.output


def test_eval_with_a_missing_gold_file_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["eval", "events", "--gold", str(tmp_path / "none.json")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "none.json" in result.output + result.stderr


def test_library_errors_name_the_flag_at_fault(article):
    result = runner.invoke(app, ["actors", str(article), "--model", "no_such_model"])
    assert result.exit_code == 1
    assert "cannot load spaCy pipeline 'no_such_model'" in result.output
    assert "(see --model)" in result.output


def test_debug_shows_the_traceback(article):
    from detente.errors import ModelError

    result = runner.invoke(app, ["--debug", "actors", str(article), "--model", "no_such_model"])
    assert isinstance(result.exception, ModelError)
