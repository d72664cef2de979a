"""One clear line, never a traceback (issue 14, findings 8-13, 18, 19, 22 and 24)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from hostile import (
    article,
    assert_one_clear_line,
    cli,
    error_rows,
    invoke,
    nonblank,
    open_to_everyone,
    stored_refs,
    unprivileged_user,
    write_jsonl,
)

import detente
from detente.errors import StoreError, UsageError
from detente.records import Article, DocResult, Problem
from detente.store import Store

# --- 8. unreadable inputs ------------------------------------------------------------------------


def locked(path, content: str):
    path.write_text(content, encoding="utf-8")
    path.chmod(0)
    return path


def test_unreadable_record_files_are_error_rows_with_the_progress_bar(tmp_path):
    """Finding 8: the progress bar's counter used to raise PermissionError."""
    open_to_everyone(tmp_path)
    named = locked(tmp_path / "named.jsonl", json.dumps({"text": article(1)}) + "\n")
    folder = tmp_path / "dir"
    folder.mkdir()
    folder.chmod(0o755)
    inside = locked(folder / "inside.csv", f'id,text\nx,"{article(2)}"\n')
    db = tmp_path / "locked.duckdb"
    done = cli(["run", named, folder, "--db", db], user=unprivileged_user(), timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in nonblank(done.stderr) if line.startswith("error")]
    assert len(lines) == 2 and all("cannot read (Permission denied)" in x for x in lines), lines
    assert error_rows(db) == [(str(inside), "unreadable"), (str(named), "unreadable")]


# --- 9. Rich markup in user text -------------------------------------------------------------


MARKUP = "[/x] [red]"


def markup_folder(tmp_path: Path) -> Path:
    """A folder whose path holds both "[red]" and "[/x]": .../[red]a[/x]b/."""
    folder = tmp_path / "[red]a[" / "x]b"
    folder.mkdir(parents=True)
    assert "[red]a[/x]b" in str(folder)
    return folder


def test_markup_in_paths_dates_and_dictionary_lines_is_printed_as_is(tmp_path, pipeline):
    """Finding 9: '[/x]' in a path, a date or a dictionary line crashed Rich; '[red]' vanished."""
    folder = markup_folder(tmp_path)
    empty = folder / "empty.txt"
    empty.write_text("")
    records = write_jsonl(
        folder / "records.jsonl", [{"id": "m1", "date": f"{MARKUP} 2017", "text": article(1)}]
    )
    db = tmp_path / "markup.duckdb"
    result = invoke(["run", empty, records, "--db", db])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{empty} is empty" in result.stderr
    assert f"cannot read date '{MARKUP} 2017'" in result.stderr
    assert stored_refs(db) == {"m1"}

    errors = invoke(["errors", "--db", db])  # used to crash on every call once stored
    assert errors.exit_code == 0, errors.output
    flat = " ".join(errors.stdout.split())
    assert MARKUP in flat.replace("│ ", "").replace(" │", "")

    dictionary = tmp_path / "actors.txt"
    dictionary.write_text(f"SHINZO_ABE [JPNGOV]\nBROKEN_LINE {MARKUP} [[\n", encoding="utf-8")
    actors = invoke(["actors", "--actors", dictionary, records, "--format", "table"])
    assert actors.exit_code == 0, actors.output
    assert "Traceback" not in actors.output
    assert MARKUP in actors.stderr


def test_markup_in_a_dictionary_error_is_not_eaten(tmp_path):
    """Finding 9: "pattern without a [code]" lost its "[code]"."""
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- MEET [040] ---\nMEET\n- * bad pattern\n", encoding="utf-8")
    result = invoke(["events", "--verbs", verbs, "-"], input="Abe met Trump.")
    line = assert_one_clear_line(result, 2, str(verbs))
    assert "[code]" in line


def test_markup_in_the_store_path_and_stats(tmp_path, pipeline):
    source = tmp_path / "a.txt"
    source.write_text(article(3), encoding="utf-8")
    db = markup_folder(tmp_path) / "store.duckdb"
    assert invoke(["run", source, "--db", db, "-q"]).exit_code == 0
    stats = invoke(["stats", "--db", db])
    assert stats.exit_code == 0, stats.output
    assert "[red]a[/x]b" in stats.stdout


# --- 10 and 11. broken stores -----------------------------------------------------------------


def stored(tmp_path, pipeline) -> Path:
    source = tmp_path / "a.txt"
    source.write_text(article(4), encoding="utf-8")
    db = tmp_path / "good.duckdb"
    result = invoke(["run", source, "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("damage", ["truncated", "scribbled"])
def test_damaged_store_is_one_line_on_every_command(tmp_path, pipeline, damage):
    """Finding 10: a truncated or corrupted store gave a raw DuckDB traceback."""
    db = stored(tmp_path, pipeline)
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    else:
        for start in range(4096, len(data), 8192):
            data[start : start + 512] = os.urandom(512)
    db.write_bytes(bytes(data))
    source = tmp_path / "b.txt"
    source.write_text(article(5), encoding="utf-8")
    for args in (
        ["stats", "--db", db],
        ["errors", "--db", db],
        ["dyad", "JPN", "USA", "--db", db],
        ["export", "documents", tmp_path / "out.parquet", "--db", db],
        ["run", source, "--db", db, "-q"],
    ):
        result = invoke(args)
        assert_one_clear_line(result, 1, str(db))


def test_store_in_a_read_only_folder_is_one_line(tmp_path):
    """Finding 11: no WAL can be written next to the store: a traceback from begin_run."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.duckdb"
    Store(db).close()
    user = unprivileged_user()
    open_to_everyone(tmp_path)
    db.chmod(0o666)  # the file itself is writable ...
    folder.chmod(0o755 if user is not None else 0o555)  # ... its folder is not
    source = tmp_path / "a.txt"
    source.write_text("")
    source.chmod(0o644)
    done = cli(["run", source, "--db", db, "-q"], user=user, timeout=120)
    line = assert_one_clear_line(done, 1, str(db))
    assert "not writable" in line


# --- 12. eval gold files ------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["events", "petrarch", "actors", "quotes"])
@pytest.mark.parametrize("gold", ["missing", "malformed"])
def test_eval_with_a_bad_gold_is_one_line(tmp_path, command, gold):
    """Finding 12: a missing or malformed --gold raised TypeError/AttributeError."""
    path = tmp_path / ("gold" if command == "quotes" else "gold.json")
    if gold == "malformed":
        if command == "quotes":
            (path / "dev" / "text").mkdir(parents=True)
            (path / "dev" / "attributions").mkdir()
            (path / "dev" / "text" / "a.txt").write_text("Abe said it.", encoding="utf-8")
            (path / "dev" / "attributions" / "a_x.ann").write_text("T1\tbroken", encoding="utf-8")
        elif command == "petrarch":
            path.write_text("<Sentences><Sentence><Text>x</Sentence>", encoding="utf-8")
        else:
            path.write_text(json.dumps({"not": "a list"}), encoding="utf-8")
    result = invoke(["eval", command, "--gold", path])
    assert_one_clear_line(result, 1, str(path))


# --- 13. the Python API with wrong argument types ----------------------------------------------


def test_api_calls_with_wrong_types_raise_our_usage_error(tmp_path, pipeline):
    db = stored(tmp_path, pipeline)
    with pytest.raises(UsageError):
        detente.open(123)
    from detente.ingest import read_inputs

    with pytest.raises(UsageError, match="list of paths"):
        read_inputs(str(db))
    with detente.open(db) as store:
        calls = [
            lambda: store.events(actor=5),
            lambda: store.mentions(actor=["JPN"]),
            lambda: store.quotes(doc_id=3),
            lambda: store.documents(limit="3"),
            lambda: store.documents(date_from=20170210),
            lambda: store.dyad(1, "JPN"),
            lambda: store.dyad("JPN", "USA", freq=None),
            lambda: store.events(cameo=4),
            lambda: store.sql(5),
            lambda: store.errors(run_id="one"),
            lambda: store.export(None, tmp_path / "x.csv", fmt="csv"),
        ]
        for call in calls:
            with pytest.raises(UsageError):
                call()


# --- 18. a failed insert names its real cause ------------------------------------------------


def test_failed_insert_shows_the_real_error(tmp_path):
    """Finding 18: "Current transaction is aborted (please ROLLBACK)" hid the cause."""
    db = tmp_path / "constraint.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE errors ALTER COLUMN detail SET NOT NULL")
    con.execute("ALTER TABLE documents ALTER COLUMN title SET NOT NULL")
    con.close()
    with Store(db) as store:
        run_id = store.begin_run(command="test", args={})
        with pytest.raises(StoreError) as problem_error:
            store.write_problems([Problem(ref="x", reason="r", detail=None)], run_id=run_id)
        untitled = DocResult(article=Article(ref="y", text="Abe met Trump."))
        with pytest.raises(StoreError) as result_error:
            store.write_results([untitled], run_id=run_id)
    for error in (problem_error.value, result_error.value):
        assert "NOT NULL" in str(error) and "aborted" not in str(error), error


# --- 19. --strict records the input that stopped it --------------------------------------------


def test_strict_stop_is_recorded_in_errors(tmp_path, pipeline):
    good = tmp_path / "a.txt"
    good.write_text(article(1), encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("")
    db = tmp_path / "strict.duckdb"
    result = invoke(["run", good, empty, "--db", db, "--strict", "-q"])
    assert_one_clear_line(result, 1, str(empty))
    assert stored_refs(db) == {str(good)}
    assert error_rows(db) == [(str(empty), "empty-file")]


# --- 22. messages say things once and right -------------------------------------------------


def test_error_lines_name_the_path_once(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke(["run", empty, "--db", tmp_path / "once.duckdb", "-q"])
    line = assert_one_clear_line(result, 1)
    assert line.count(str(empty)) == 1, line


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_record_files_are_read_not_called_invalid_utf8(tmp_path, bom):
    from detente.ingest import read_inputs

    encoding = "utf-16" if bom else "utf-16-le"
    tsv = tmp_path / "excel.tsv"
    tsv.write_bytes(f"id\ttext\r\nu1\t{article(1)} \u201cYes\u201d\r\n".encode(encoding))
    jsonl = tmp_path / "wide.jsonl"
    jsonl.write_bytes((json.dumps({"id": "u2", "text": article(2)}) + "\n").encode(encoding))
    txt = tmp_path / "wide.txt"
    txt.write_bytes(article(3).encode(encoding))
    items = list(read_inputs([tsv, jsonl, txt]))
    texts = {item.ref: item.text for item in items if isinstance(item, Article)}
    assert texts == {
        "u1": f"{article(1)} \u201cYes\u201d",
        "u2": article(2),
        str(txt): article(3),
    }
    problems = [item for item in items if isinstance(item, Problem)]
    assert {p.reason for p in problems} == {"not-utf8"}
    assert all("utf-16" in p.detail and "not valid" not in p.detail for p in problems)


def test_cp1252_file_keeps_its_curly_quotes(tmp_path):
    from detente.ingest import read_inputs

    path = tmp_path / "legacy.txt"
    text = "Abe said \u201cthe alliance is strong\u201d \u2013 and Trump agreed. Caf\u00e9."
    path.write_bytes(text.encode("cp1252"))
    items = list(read_inputs([path]))
    (found,) = [item for item in items if isinstance(item, Article)]
    assert found.text == text
    (warning,) = [item for item in items if isinstance(item, Problem)]
    assert warning.reason == "not-utf8" and "cp1252" in warning.detail


@pytest.mark.parametrize("kind", ["binary", "actors", "verbs-as-actors"])
def test_dictionary_flags_refuse_files_of_the_wrong_kind(tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    flag, expected = "--verbs", "no verb"
    if kind == "binary":
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
        expected = "binary"
    elif kind == "actors":
        path.write_text("SHINZO_ABE [JPNGOV]\nDONALD_TRUMP [USAGOV]\n", encoding="utf-8")
    else:
        path.write_text("--- MEET [040] ---\nMEET\n- * WITH + [041]\n", encoding="utf-8")
        flag, expected = "--actors", "verb dictionary"
    result = invoke(["actors", flag, path, "-"], input="Abe met Trump.")
    line = assert_one_clear_line(result, 2, str(path), flag)
    assert expected in line


# --- 24. the notebook API cannot write outside a read-only store -------------------------------


def test_read_only_store_cannot_copy_to_files(tmp_path, pipeline):
    db = stored(tmp_path, pipeline)
    target = tmp_path / "leak.csv"
    with detente.open(db) as store:
        with pytest.raises(StoreError):
            store.sql(f"COPY documents TO '{target}'")
        with pytest.raises(StoreError):
            store.sql(f"ATTACH '{tmp_path / 'other.duckdb'}' AS other")
        assert len(store.sql("SELECT * FROM documents")) == 1
        # exports still work: they are the store's own, not arbitrary SQL
        assert store.export("documents", tmp_path / "docs.csv", fmt="csv") == 1
    assert not target.exists()
