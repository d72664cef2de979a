"""Dask: a real LocalCluster of two worker processes, Parquet parts, loading, in-place queries.

The cluster tests are ``slow`` (``-m "not slow"`` leaves them out while working); CI runs them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import cloudpickle
import duckdb
import pytest
from typer.testing import CliRunner

import detente
from detente.cli.main import app
from detente.errors import StoreError, UsageError
from detente.ingest import read_inputs
from detente.pipeline import PipelineOptions, run
from detente.records import Article, DocResult, Mention, Problem
from detente.scale.cluster import ClusterSpec, connect
from detente.scale.load import load_parts
from detente.scale.parts import NOT_IN_PARTS, PART_TABLES, PartsDir, part_name, part_schema
from detente.scale.run import run_on_cluster
from detente.scale.views import PartsStore
from detente.scale.worker import write_part
from detente.store import Store
from detente.store.schema import SCHEMA_VERSION, TABLES, batch_schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()

# the pipeline builders below run on the workers, which cannot import this test module
cloudpickle.register_pickle_by_value(sys.modules[__name__])

PARAGRAPH = (
    "Japanese Prime Minister Shinzo Abe met President Donald Trump at the White House on {day}. "
    "Abe said the alliance was strong, and Trump praised Japan. "
    "China criticized the United States, a foreign ministry spokesman in Beijing said. "
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def write_corpus(path: Path, n: int, *, sentences: int = 1, extra: dict | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Story {i}. " + PARAGRAPH.format(day=DAYS[i % len(DAYS)]) * sentences
            record = {"id": f"a{i}", "date": f"2017-02-{10 + i % 5:02d}", "text": text}
            fh.write(json.dumps(record) + "\n")
        for ref, text in (extra or {}).items():
            fh.write(json.dumps({"id": ref, "date": "2017-02-10", "text": text}) + "\n")
        fh.write("{not json\n")  # a bad input: an errors row read on the client
    return path


# What a run leaves in a store, without what depends on the clock or the run.
COMPARED = {
    "documents": "doc_id",
    "document_refs": "doc_id, ref, record, path",
    "mentions": "doc_id, start_char, end_char, kind, actor_id",
    "quotes": "quote_id",
    "events": "event_id",
    "actors": "actor_id",
    "places": "place_id",
    "errors": "ref, record, reason, doc_id",
    "event_dedup": "event_id",
    "event_clusters": "cluster_id",
}


def dump(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    out = {}
    for table, order in COMPARED.items():
        columns = [
            col.name
            for col in TABLES[table]
            if col.name not in ("run_id", "added_at", "noted_at", "meta")
        ]
        out[table] = con.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
        ).fetchall()
    return out


def dump_store(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dump(con)
    finally:
        con.close()


def dump_parts(parts: Path | str) -> dict[str, list[tuple]]:
    with detente.open(parts) as store:
        store.deduplicated_events()  # builds the layer in memory
        return dump(store._con)


@pytest.fixture(scope="module")
def client():
    """Two worker processes, one thread each; a partition that kills a worker twice is
    a KilledWorker (Dask's default allows three deaths, which makes the test slow)."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with connect(ClusterSpec(workers=2), quiet=True) as dask_client:
            yield dask_client


# -- without a cluster ------------------------------------------------------------------------


def test_cluster_spec():
    assert ClusterSpec.parse("local:3") == ClusterSpec(workers=3)
    assert ClusterSpec.parse("local").workers >= 1
    assert ClusterSpec.parse("tcp://10.1.2.3:8786") == ClusterSpec(address="tcp://10.1.2.3:8786")
    for bad in ("local:0", "cluster", "tcp://host", "10.1.2.3:8786", "local:two"):
        with pytest.raises(UsageError, match="--cluster"):
            ClusterSpec.parse(bad)


def test_parts_have_the_store_schema():
    for table in PART_TABLES:
        schema = part_schema(table)
        assert schema.names == batch_schema(table).names
        assert schema.metadata[b"detente.schema_version"] == str(SCHEMA_VERSION).encode()
    # every table a document's records go to is in the parts
    from detente.store.batches import build_batches

    built = build_batches([DocResult(article=Article(ref="x", text="t"))], run_id=1, added_at=None)
    assert set(built) | {"document_refs"} == set(PART_TABLES)  # refs: write_part adds them
    # every table of the store is in the parts or derived/kept apart on purpose
    assert set(TABLES) == set(PART_TABLES) | set(NOT_IN_PARTS)


def hand_result(text: str, names: list[str]) -> DocResult:
    """A coded document built by hand: one person mention per name (no model)."""
    article = Article(ref=f"ref-{text[:8]}", text=text, date="2017-02-10")
    mentions = [
        Mention(article.doc_id, text.index(n), text.index(n) + len(n), n, "person", n.lower(),
                n, "USAGOV", "USA", "GOV", "kb")
        for n in names
    ]  # fmt: skip
    return DocResult(article=article, sentences=1, mentions=mentions)


def test_views_and_load_take_each_document_once_from_complete_partitions(tmp_path):
    parts = PartsDir(str(tmp_path / "parts"))
    parts.create()
    first = hand_result("Trump met Abe. Trump left.", ["Trump", "Abe"])
    second = hand_result("Putin spoke.", ["Putin"])
    key = "20260101T000000Z-aaaaaa"
    write_part(parts, part_name(key, 0), [first])
    write_part(parts, part_name(key, 1), [second, first])  # the same document again
    # a partition killed before its documents file: its records must not count
    orphan = hand_result("Xi waved.", ["Xi"])
    write_part(parts, part_name(key, 2), [orphan])
    (tmp_path / "parts" / "documents" / f"{part_name(key, 2)}.parquet").unlink()

    with PartsStore(tmp_path / "parts") as view:
        documents = view.documents()
        mentions = view.mentions()
    assert sorted(documents["doc_id"]) == sorted([first.article.doc_id, second.article.doc_id])
    assert sorted(mentions["text"]) == ["Abe", "Putin", "Trump"]

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        summary = load_parts(str(tmp_path / "parts"), store)
        again = load_parts(str(tmp_path / "parts"), store)
        assert len(store.documents()) == 2
        assert sorted(store.mentions()["text"]) == ["Abe", "Putin", "Trump"]
        assert list(store.runs()["command"]) == ["load"]
    assert (summary.documents, summary.already_stored) == (2, 1)
    assert (again.documents, again.runs) == (0, [])


@pytest.mark.parametrize("where", ["directory", "fsspec URL"])
def test_parts_in_place_and_loaded_equal_a_store_written_directly(tmp_path, where):
    """Hand-coded documents (no model): partitions in any split give the store's ids and
    deduplication, read in place, loaded, and served by the web app; in a local directory
    and behind an fsspec URL (its in-memory file system)."""
    from fastapi.testclient import TestClient
    from test_store import XI, meeting

    from detente.web import create_app

    results = [
        meeting("a", "2017-02-10"),
        meeting("b", "2017-02-10"),  # the same meeting, another outlet: one deduplicated event
        meeting("c", "2017-02-11", verb="criticized", cameo="111", plover="REJECT", quad=3),
        meeting("d", None, source=XI),
        meeting("e", "2017-03-01", target=None),
    ]
    direct = tmp_path / "direct.duckdb"
    with Store(direct) as store:
        run_id = store.begin_run(command="run", args={})
        store.write_results(results, run_id=run_id)
        store.finish_run(run_id, status="finished", summary={})
    expected = dump_store(direct)
    assert len(expected["events"]) == 5 and len(expected["event_clusters"]) == 4

    url = str(tmp_path / "parts") if where == "directory" else f"memory://{tmp_path.name}/parts"
    parts = PartsDir(url)
    parts.create()
    key = "20260101T000000Z-bbbbbb"
    for index, chunk in enumerate((results[:1], results[1:4], results[4:])):
        write_part(parts, part_name(key, index), chunk)
    parts.write_run(key, {"command": "run", "status": "finished"})
    assert dump_parts(url) == expected
    loaded = tmp_path / "loaded.duckdb"
    with Store(loaded) as store:
        load_parts(parts.url, store)
    assert dump_store(loaded) == expected

    with PartsStore(parts.url) as view, Store(direct, read_only=True) as store:
        stats = view.stats()
        assert (stats["documents"], stats["events"], stats["runs"]) == (5, 5, 1)
        assert view.dyad("JPN", "USA").equals(store.dyad("JPN", "USA"))
        assert view.panel("country-month").equals(store.panel("country-month"))
    with TestClient(create_app(parts.url)) as client:
        for path in ("/", "/api/overview", "/api/dyad/JPN/USA", "/map"):
            assert client.get(path).status_code == 200, path


def test_parts_refuse_what_they_cannot_read(tmp_path):
    with pytest.raises(StoreError, match="not a détente parts directory"):
        PartsDir(str(tmp_path)).check()
    (tmp_path / "_detente_parts.json").write_text(
        json.dumps({"format": "detente-parts", "schema_version": 99})
    )
    with pytest.raises(StoreError, match="parts of schema version 99"):
        detente.open(tmp_path)
    result = runner.invoke(app, ["load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "not a détente parts directory" in result.output


def test_cluster_flags_are_checked():
    result = runner.invoke(app, ["run", str(EXAMPLES), "--parts", "p"])
    assert result.exit_code == 2
    assert "--parts and --no-load go with --cluster" in result.output
    result = runner.invoke(app, ["run", str(EXAMPLES), "--cluster", "local:2", "--workers", "2"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", str(EXAMPLES), "--cluster", "somewhere"])
    assert result.exit_code == 2
    assert "tcp://HOST:PORT" in result.output


# -- on a LocalCluster ------------------------------------------------------------------------


@pytest.mark.slow
def test_same_ids_in_one_process_two_workers_and_on_dask(tmp_path, nlp, client):
    # the text of a0 again under another id: coded once, both records in document_refs
    repeat = {"a0-again": "Story 0. " + PARAGRAPH.format(day=DAYS[0])}
    corpus = write_corpus(tmp_path / "news.jsonl", 6, extra=repeat)
    inputs = [str(EXAMPLES), str(corpus)]

    one = tmp_path / "one.duckdb"
    with Store(one) as store:
        run(read_inputs(inputs), store, options=PipelineOptions(), nlp=nlp, batch_size=32)
    expected = dump_store(one)
    assert len(expected["events"]) > 20 and len(expected["quotes"]) > 10
    assert [r[2] for r in expected["errors"]] == ["malformed-json"]
    assert len(expected["documents"]) == 14 and len(expected["document_refs"]) == 15

    # --workers 2 in a process of its own (no fork of this process and its Dask threads)
    pool = tmp_path / "pool.duckdb"
    command = [sys.executable, "-m", "detente.cli.main", "run", *inputs, "--db", str(pool)]
    done = subprocess.run([*command, "--workers", "2", "-q"], capture_output=True, timeout=600)
    assert done.returncode == 1, done.stderr  # the malformed line
    assert dump_store(pool) == expected

    # two partitionings, partitions finishing in any order: the same ids
    for size in (1, 5):
        db = tmp_path / f"dask{size}.duckdb"
        with Store(db) as store:
            summary = run_on_cluster(
                read_inputs(inputs),
                client,
                parts=str(tmp_path / f"parts{size}"),
                store=store,
                options=PipelineOptions(),
                batch_size=size,
            )
        assert summary.partitions == -(-14 // size)
        assert dump_store(db) == expected
        # the parts alone, queried in place and loaded into an empty store
        assert dump_parts(tmp_path / f"parts{size}") == expected
        loaded = tmp_path / f"loaded{size}.duckdb"
        with Store(loaded) as store:
            load_parts(str(tmp_path / f"parts{size}"), store)
        assert dump_store(loaded) == expected

    # the command line, through the scheduler's address; a second run codes nothing
    cli_db = tmp_path / "cli.duckdb"
    address = client.scheduler.address
    command = ["run", *inputs, "--db", str(cli_db), "--cluster", address, "--batch-size", "4"]
    first = runner.invoke(app, command)
    assert first.exit_code == 1, first.output
    assert "Dask dashboard: http" in first.output
    assert dump_store(cli_db) == expected
    second = runner.invoke(app, [*command, "-q"])
    with Store(cli_db, read_only=True) as store:
        runs = store.runs()
        assert json.loads(runs["summary"].iloc[-1])["already_stored"] == 15
    assert list(runs["status"]) == ["finished", "finished"]
    assert second.exit_code == 1  # the malformed line again, recorded again as a local run does
    after = dump_store(cli_db)
    assert after["errors"] == expected["errors"] * 2
    assert {**after, "errors": expected["errors"]} == expected


@pytest.mark.slow
def test_parts_only_then_load(tmp_path, client):
    corpus = write_corpus(tmp_path / "news.jsonl", 4)
    parts = tmp_path / "parts"
    command = ["run", str(corpus), "--cluster", client.scheduler.address, "--parts", str(parts)]
    done = runner.invoke(app, [*command, "--no-load", "--batch-size", "2", "-q"])
    assert done.exit_code == 1, done.output
    assert not (tmp_path / "detente.duckdb").exists()
    again = runner.invoke(app, [*command, "--no-load", "-q"])  # already in the parts: skipped
    assert again.exit_code == 1
    assert len(PartsDir(str(parts)).partitions()) == 2
    db = tmp_path / "s.duckdb"
    loaded = runner.invoke(app, ["load", str(parts), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "4 documents loaded from 2 partitions" in loaded.output
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 4
        assert list(store.errors()["reason"]) == ["malformed-json"] * 2  # one per coding run
        provenance = store.runs()[["command", "model", "knowledge_hash"]]
    assert set(provenance["command"]) == {"load"}
    assert provenance["knowledge_hash"].notna().all()


def with_stage(options, name: str, word: str, action):
    """The actors pipeline plus a stage that does ``action`` on a document holding ``word``
    (a pipeline of its own: the cached ones stay clean). Runs on the workers."""
    from spacy.language import Language

    from detente.nlp import load

    def stage(doc):
        if word in doc.text:
            action()
        return doc

    Language.component(name, func=stage)
    nlp = load(options.model, stages=options.stages)
    nlp.add_pipe(name)
    return nlp


def build_with_boom(options):
    """A stage that raises on one document (a poisoned document)."""

    def boom():
        raise ValueError("stage failed on purpose")

    return with_stage(options, "test_scale_boom", "BOOM", boom)


def build_with_crash(options):
    """A stage that kills its worker process on one document (a segfault, an OOM kill)."""
    return with_stage(options, "test_scale_crash", "CRASH", lambda: os._exit(1))


def code_with(tmp_path, client, build, corpus: Path, batch_size: int):
    """Code ``corpus`` on the cluster with the pipeline ``build`` makes; the summary and
    the stored documents and errors."""
    with Store(tmp_path / "s.duckdb") as store:
        summary = run_on_cluster(
            read_inputs([str(corpus)]),
            client,
            parts=str(tmp_path / "parts"),
            store=store,
            options=PipelineOptions(stages=("actors",)),
            build=build,
            batch_size=batch_size,
        )
        return summary, store.documents(), store.errors(), store.mentions()


@pytest.mark.slow
def test_a_poisoned_document_is_an_error_row_and_its_partition_is_kept(tmp_path, client):
    corpus = write_corpus(tmp_path / "news.jsonl", 5, extra={"poison": "BOOM. Abe met Trump."})
    summary, documents, errors, mentions = code_with(tmp_path, client, build_with_boom, corpus, 6)
    assert summary.partitions == 1 and summary.documents == 6
    assert len(documents) == 6
    failed = errors[errors["reason"] == "coding-failed"]
    assert list(failed["ref"]) == [str(corpus)]
    assert "stage failed on purpose" in failed["detail"].iloc[0]
    poisoned = documents[documents["ref"] == "poison"].iloc[0]
    assert poisoned["skipped"] == "coding-failed"
    assert set(mentions["doc_id"]) == set(documents["doc_id"]) - {poisoned["doc_id"]}


@pytest.mark.slow
def test_a_document_that_kills_its_workers_is_stored_uncoded(tmp_path, client):
    corpus = write_corpus(tmp_path / "news.jsonl", 3, extra={"killer": "CRASH. Abe met Trump."})
    summary, documents, errors, _ = code_with(tmp_path, client, build_with_crash, corpus, 4)
    assert summary.split_partitions == 1
    assert sorted(documents["ref"]) == ["a0", "a1", "a2", "killer"]
    assert list(errors["reason"]).count("worker-died") == 1
    by_ref = documents.set_index("ref")
    assert by_ref.loc["killer", "skipped"] == "worker-died"
    assert by_ref.loc["a0", "sentences"] > 0


@pytest.mark.slow
def test_killing_a_worker_mid_run_loses_and_repeats_nothing(tmp_path, client):
    n = 24
    corpus = write_corpus(tmp_path / "news.jsonl", n, sentences=8)
    # an earlier test's killed workers are back (a bound: a nanny that never restarts one
    # fails the test instead of hanging the suite)
    client.wait_for_workers(2, timeout=180)
    killed: list[int] = []

    def kill_a_busy_worker(_n, summary) -> None:
        if killed or summary.documents == 0:
            return
        pids = client.run(os.getpid)
        busy = [address for address, keys in client.processing().items() if keys]
        busy = [address for address in busy if address in pids]
        if busy:
            killed.append(pids[busy[0]])
            os.kill(pids[busy[0]], signal.SIGKILL)

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        summary = run_on_cluster(
            read_inputs([str(corpus)]),
            client,
            parts=str(tmp_path / "parts"),
            store=store,
            options=PipelineOptions(),
            batch_size=2,
            on_progress=kill_a_busy_worker,
        )
    assert killed, "no worker was busy when the first partition was loaded"
    assert killed[0] not in client.run(os.getpid).values()
    stored = dump_store(db)
    doc_ids = [row[0] for row in stored["documents"]]
    assert len(doc_ids) == len(set(doc_ids)) == n == summary.documents
    assert len(stored["mentions"]) == len(set(map(repr, stored["mentions"])))
    assert dump_parts(tmp_path / "parts")["documents"] == stored["documents"]


def _worker_settings(dask_worker):
    import os

    import dask

    from detente.scale.cluster import MALLOC_TRIM

    return {
        "profiler": "profile" in dask_worker.periodic_callbacks,
        "tick": dask.config.get("distributed.admin.tick.interval"),
        "threads": dask_worker.state.nthreads,
        "malloc_trim": os.environ.get(MALLOC_TRIM),  # glibc reads it when the process starts
    }


def test_local_workers_run_without_the_profiler_and_with_slow_ticks(client):
    # --cluster local sets LOCAL_CLUSTER_CONFIG before its workers start: they inherit it
    # (a worker the kill test replaced started from the same settings; it may still be starting)
    # and the nanny does not set Dask's MALLOC_TRIM_THRESHOLD_=65536 for them (which makes
    # glibc give spaCy's batch arrays back to the OS and fault them in again every batch)
    settings = list(client.run(_worker_settings).values())
    assert settings
    for worker in settings:
        assert worker == {"profiler": False, "tick": "1s", "threads": 1, "malloc_trim": None}


def test_a_problem_row_round_trips_through_the_input_errors_part(tmp_path):
    from detente.scale.load import _problems
    from detente.store.batches import errors_table

    problem = Problem(ref="x.jsonl", reason="malformed-json", detail="bad", record="3")
    parts = PartsDir(str(tmp_path))
    parts.create()
    parts.write_input_errors("k", errors_table([problem], run_id=None, noted_at=None))
    assert _problems(parts.input_errors("k")) == [problem]


def test_one_plugin_per_pipeline():
    from detente.scale.worker import PipelinePlugin

    default = PipelinePlugin(PipelineOptions())
    assert default.name == PipelinePlugin(PipelineOptions()).name
    assert default.name != PipelinePlugin(PipelineOptions(model="en_core_web_sm")).name
    assert default.name != PipelinePlugin(PipelineOptions(), build_with_boom).name
