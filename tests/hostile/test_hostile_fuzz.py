"""Fuzzing (issue 14, "keep it fixed"): the readers on arbitrary bytes and records, the
store writer on arbitrary records, and the CLI on random argument combinations. Whatever
comes in: never a traceback, never an internal error, nothing that was read gets lost."""

from __future__ import annotations

import codecs
import io
import json
import re

import pytest
from hostile import article, invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import StoreError
from detente.ingest import read_inputs
from detente.records import Article, DocResult, Mention, Problem, Quote
from detente.store import Store

REASONS = {
    "not-found", "unreadable", "not-a-file", "empty-file", "empty-directory", "binary-file",
    "unsupported-extension", "decode-replaced", "not-utf8", "too-large", "malformed-json",
    "no-text", "bad-date", "csv-error", "html-no-text", "html-error",
}  # fmt: skip

# --- readers ---------------------------------------------------------------------------------

PREFIXES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
STRUCTURE = st.lists(
    st.sampled_from(
        [b'"', b",", b";", b"\t", b"\n", b"\r\n", b"{", b"}", b"[", b"]", b":", b"\\",
         b'"text"', b"id,text\n", b'{"text": "', b"\xe9", b"\x93", b"\xff", b"\x00", b"a b c"]
    ),
    max_size=60,
).map(b"".join)  # fmt: skip


def check_items(items: list, max_chars: int) -> None:
    assert items, "every input yields an Article or a Problem"
    for item in items:
        assert isinstance(item, Article | Problem)
        if isinstance(item, Problem):
            assert item.reason in REASONS, item
            assert item.detail.strip() and "\n" not in item.detail.strip("\n")
        else:
            assert item.text.strip() and len(item.text) <= max_chars
            assert not any("\ud800" <= ch <= "\udfff" for ch in item.text)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.one_of(STRUCTURE, st.binary(max_size=400)),
    extension=st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv", ".html"]),
)
def test_readers_never_raise_on_structured_bytes(tmp_path_factory, prefix, body, extension):
    path = tmp_path_factory.mktemp("fuzz") / f"input{extension}"
    path.write_bytes(prefix + body)
    check_items(list(read_inputs([path], max_chars=500)), 500)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=600))
def test_stdin_never_raises(data):
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))
    check_items(list(read_inputs(["-"], stdin=stdin, max_chars=500)), 500)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["text", "id", "date", "title", "source", "url", "TEXT", "x"]),
            JSON_VALUES,
            max_size=5,
        ),
        max_size=6,
    )
)
def test_every_json_record_is_an_article_or_a_problem(tmp_path_factory, records):
    """Nothing lost: each line of a JSON Lines file is accounted for (one Article or at
    least one error naming its line), whatever its fields hold."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read_inputs([path], max_chars=500))
    check_items(items, 500)
    if not records:
        return
    missing_text = [  # records without the field: one error row per file lists them
        item.detail.removeprefix(str(path))
        for item in items
        if isinstance(item, Problem) and item.reason == "no-text"
    ]
    for number, record in enumerate(records, start=1):
        text = record.get("text", next((v for k, v in record.items() if k.lower() == "text"), None))
        if text is None:  # no text field (or null): counted in the file's one no-text row
            assert any(re.search(rf"\b{number}\b", d) for d in missing_text), (number, items)
            continue
        found = [
            item
            for item in items
            if item.record == str(number)
            and (isinstance(item, Article) or item.severity == "error")
        ]
        assert len(found) == 1, (number, record, items)


# --- the store writer ------------------------------------------------------------------------

TEXTS = st.text(min_size=1, max_size=120).filter(str.strip)
OPTIONAL = st.one_of(st.none(), st.text(max_size=30))


@st.composite
def doc_results(draw):
    text = draw(TEXTS)
    article_ = Article(
        ref=draw(st.text(min_size=1, max_size=20)),
        text=text,
        title=draw(OPTIONAL),
        date=draw(st.one_of(st.none(), st.sampled_from(["2017-02-10", "1999-12-31"]), OPTIONAL)),
        source=draw(OPTIONAL),
        url=draw(OPTIONAL),
        record=draw(OPTIONAL),
    )
    doc_id = article_.doc_id
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    mention = Mention(
        doc_id, start, end, text[start:end], "person", None, None, None, None, None, "ner"
    )
    quote = Quote(doc_id, start, end, text[start:end], "direct", None, None, None, None, None,
                  None, None, None)  # fmt: skip
    problem = Problem(
        ref=article_.ref,
        reason=draw(st.sampled_from(["bad-date", "x", "[/x]"])),
        detail=draw(st.text(min_size=1, max_size=60)),
        severity=draw(st.sampled_from(["warning", "error"])),
    )
    return DocResult(article_, mentions=[mention], quotes=[quote], problems=[problem])


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(batch=st.lists(doc_results(), min_size=1, max_size=4))
def test_store_writer_round_trips_arbitrary_records(tmp_path_factory, batch):
    db = tmp_path_factory.mktemp("writer") / "fuzz.duckdb"
    with Store(db) as store:
        run_id = store.begin_run(command="fuzz", args={})
        added = store.write_results(batch, run_id=run_id)
        again = store.add_refs([r.article for r in batch], run_id=run_id)
        store.write_problems([p for r in batch for p in r.problems], run_id=run_id)
        store.write_problems([p for r in batch for p in r.problems], run_id=run_id)
        store.finish_run(run_id, status="finished", summary={})
        unique = {r.article.doc_id for r in batch}
        assert added == len(unique)
        assert again == 0  # every source record of the batch is already kept
        documents = store.documents()
        assert set(documents["doc_id"]) == unique
        texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
        mentions = store.mentions()
        assert len(mentions) > 0  # every generated result carries a mention
        for row in mentions.itertuples():
            assert texts[row.doc_id][row.start_char : row.end_char] == row.text
        warnings = store.errors().query("severity == 'warning'")
        keys = warnings[["ref", "record", "reason", "detail", "doc_id"]].astype(str)
        assert not keys.duplicated().any()  # a warning is recorded once


# --- the CLI -----------------------------------------------------------------------------------


@st.composite
def command_lines(draw, paths: dict[str, str]):
    command = draw(
        st.sampled_from(
            ["run", "actors", "quotes", "events", "brief", "stats", "errors", "export", "dyad",
             "eval events", "eval petrarch", "eval actors", "eval quotes"]
        )
    )  # fmt: skip
    args = command.split()
    path = st.sampled_from(list(paths.values()) + ["-", "", "[/x]", "nope/missing.txt"])
    if command in ("run", "actors", "quotes", "events", "brief"):
        args += draw(st.lists(path, min_size=1, max_size=2))
    if command == "export":
        args += [draw(st.sampled_from(["documents", "events", "nope", ""])), paths["out"]]
    if command == "dyad":
        args += draw(st.lists(st.sampled_from(["JPN", "USA", "", "[red]"]), min_size=2, max_size=2))
    if command.startswith("eval"):
        args += ["--gold", draw(st.sampled_from([paths["bad_json"], paths["missing"]]))]
    options = {
        "--db": st.sampled_from([paths["db"], paths["text"], paths["missing_db"], paths["dir"]]),
        "--date": st.sampled_from(["2017-02-10", "2017-02-30", "[/x]", "yesterday", ""]),
        "--workers": st.sampled_from(["0", "1", "-3", "abc", "64"]),
        "--batch-size": st.sampled_from(["0", "1", "x"]),
        "--format": st.sampled_from(["jsonl", "table", "csv", "parquet", "nope"]),
        "--actors": st.sampled_from([paths["binary"], paths["missing"], paths["actors"]]),
        "--verbs": st.sampled_from([paths["binary"], paths["actors"], paths["missing"]]),
        "--text-field": st.sampled_from(["text", "body", ""]),
        "--freq": st.sampled_from(["month", "decade", ""]),
        "--run": st.sampled_from(["1", "-5", "x"]),
    }
    for flag in draw(st.lists(st.sampled_from(sorted(options)), max_size=3, unique=True)):
        args += [flag, draw(options[flag])]
    if draw(st.booleans()):
        args.append(draw(st.sampled_from(["-q", "--strict", "--force-workers", "--nope"])))
    return args


def fuzz_paths(folder) -> dict[str, str]:
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "actors.txt").write_text("SHINZO_ABE [JPNGOV]\n", encoding="utf-8")
    (folder / "bad.json").write_text('{"not": "a list"}', encoding="utf-8")
    (folder / "dir").mkdir(exist_ok=True)
    return {
        "good": str(folder / "good.txt"),
        "empty": str(folder / "empty.txt"),
        "text": str(folder / "good.txt"),
        "binary": str(folder / "binary.bin"),
        "actors": str(folder / "actors.txt"),
        "bad_json": str(folder / "bad.json"),
        "missing": str(folder / "missing.txt"),
        "missing_db": str(folder / "new.duckdb"),
        "db": str(folder / "store.duckdb"),
        "dir": str(folder / "dir"),
        "out": str(folder / "out.csv"),
    }


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_cli_argument_combinations_never_give_a_traceback(tmp_path_factory, pipeline, data):
    folder = tmp_path_factory.getbasetemp() / "cli-fuzz"
    folder.mkdir(exist_ok=True)
    paths = fuzz_paths(folder)
    args = data.draw(command_lines(paths))
    result = invoke(args)
    output = result.output
    assert "Traceback" not in output, (args, output)
    assert "internal error" not in output, (args, output)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, output)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))


def test_store_errors_are_store_errors(tmp_path):
    """What the writer cannot store is a StoreError (the CLI's one line), nothing else."""
    with Store(tmp_path / "s.duckdb") as store:
        run_id = store.begin_run(command="t", args={})
        bad = DocResult(Article(ref="x", text="Abe."), mentions=["not a mention"])  # type: ignore[list-item]
        try:
            store.write_results([bad], run_id=run_id)
        except StoreError:
            pass
        except Exception as e:  # noqa: BLE001
            raise AssertionError(f"{type(e).__name__} instead of StoreError: {e}") from e
