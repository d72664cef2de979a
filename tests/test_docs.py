"""The docs tell the truth: every command is documented, and the output examples match the files they cite."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from detente.cli.main import app, eval_app
from detente.records import Event, Mention, Quote, make_doc_id
from detente.store.exports import FORMATS
from detente.store.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
OUTPUT_DOC = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")


def command_names(typer_app) -> list[str]:
    return [c.name or c.callback.__name__ for c in typer_app.registered_commands]


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


@pytest.mark.parametrize("name", command_names(app))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"detente {name}\b", README), f"`detente {name}` is not in README.md"


@pytest.mark.parametrize("name", command_names(eval_app))
def test_every_eval_command_is_in_the_readme(name):
    assert re.search(rf"detente eval .*\b{name}\b", README), (
        f"`detente eval {name}` is not in README.md"
    )


def example_lines() -> list[dict]:
    rows = []
    for block in re.findall(r"```json\n(.*?)```", OUTPUT_DOC, re.S):
        rows += [json.loads(line) for line in block.strip().splitlines()]
    return rows


def record_type(row: dict):
    if "trigger" in row:
        return Event
    if "cue" in row:
        return Quote
    return Mention


def test_the_output_doc_shows_a_record_of_each_kind():
    assert {record_type(row) for row in example_lines()} == {Mention, Quote, Event}


@pytest.mark.parametrize("row", example_lines(), ids=lambda r: f"{r['doc_ref']}:{r['start']}")
def test_output_examples_match_their_files_and_records(row):
    text = (ROOT / row["doc_ref"]).read_text(encoding="utf-8")
    assert row["doc_id"] == make_doc_id(text)
    kind = record_type(row)
    assert set(row) == {"doc_ref"} | {f.name for f in dataclasses.fields(kind)}
    expected = row["trigger"]["text"] if kind is Event else row["text"]
    assert text[row["start"] : row["end"]] == expected
    for key in ("cue", "speaker"):
        if row.get(key):
            assert text[row[f"{key}_start"] : row[f"{key}_end"]] == row[key]
    for key in ("source", "target"):
        if row.get(key):
            assert text[row[key]["start"] : row[key]["end"]] == row[key]["text"]


STORE_DOC = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
EXPORTS_DOC = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")


def test_readme_examples_name_their_store():
    """Commands after `detente run` must not silently read another store (issue 11)."""
    use = README.split("## Use")[1].split("```sh")[1].split("```")[0]
    lines = [line for line in use.splitlines() if line.startswith(("detente", "export"))]
    assert lines[0].startswith("export DETENTE_DB=")


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_store_column_is_documented(table):
    section = (
        STORE_DOC.split(f"### `{table}`")[1].split("\n### ")[0]
        if f"### `{table}`" in STORE_DOC
        else None
    )
    if section is None:  # documented together with another table ("`actors` and `places`")
        section = next(
            part for part in STORE_DOC.split("\n### ") if f"`{table}`" in part.splitlines()[0]
        )
    for column in TABLES[table]:
        stem = column.name
        found = f"`{stem}`" in section or any(
            f"`{prefix}_…`" in section and stem.startswith(prefix + "_")
            for prefix in ("target", "source")
        )
        assert found, f"{table}.{stem} is not documented in docs/store.md"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format_is_documented(fmt):
    assert fmt.upper() in EXPORTS_DOC.upper()
    assert re.search(r"detente export events \S+", EXPORTS_DOC)


def test_every_error_reason_is_documented():
    source = (ROOT / "src" / "detente" / "ingest").rglob("*.py")
    reasons = set()
    for path in source:
        reasons |= set(re.findall(r'reason="([a-z-]+)"', path.read_text(encoding="utf-8")))
    for reason in reasons:
        assert f"`{reason}`" in OUTPUT_DOC, f"error reason {reason} is not in docs/output.md"


BENCHMARKS = sorted((ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_a_benchmarks_usage_lines_name_only_its_own_flags(script):
    # a usage line ("python benchmarks/x.py dev [--flag]") names flags its parser defines,
    # or the parser of a sibling benchmark it imports ("from realnews_fp_table import ...")
    source = script.read_text(encoding="utf-8")
    docstring = source.split('"""')[1] if source.startswith('"""') else ""
    usage = [line for line in docstring.splitlines() if f"benchmarks/{script.name}" in line]
    named = {flag for line in usage for flag in re.findall(r"(?<![\w-])--[a-z][\w-]*", line)}
    siblings = [
        script.with_name(f"{module}.py")
        for module in re.findall(r"^from (\w+) import", source, flags=re.M)
        if script.with_name(f"{module}.py").is_file()
    ]
    defined = {
        flag
        for text in (source, *(sibling.read_text(encoding="utf-8") for sibling in siblings))
        for flag in re.findall(r"add_argument\([^)]*[\"'](--[a-z][\w-]*)[\"']", text)
    }
    assert named <= defined, f"{script.name} documents {sorted(named - defined)}"
