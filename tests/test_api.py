"""The Python API an analyst uses: store queries with factuality, direction and partial dates;
``detente.code`` for a string; ``detente.to_frame`` for DataFrames; schema migrations."""

from __future__ import annotations

import duckdb
import pytest
from builders import ABE, TRUMP, XI, coded, fill, story

import detente
from detente.errors import SchemaVersionError, UsageError
from detente.store import SCHEMA_VERSION, Store
from detente.store.migrations import MIGRATIONS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as opened:
        fill(
            opened,
            [
                story("a", "2017-02-10", [coded(ABE, TRUMP, "040")]),
                story("b", "2018-03-01", [coded(TRUMP, XI, "163", modality="intended")]),
                story("c", "2018-07-01", [coded(XI, TRUMP, "111", negated=True)]),
                story("d", "2019-01-05", [coded(XI, ABE, "051")]),
            ],
        )
        yield opened


def refs(frame) -> list[str]:
    return frame["ref"].tolist()


def test_events_filter_factuality(store):
    assert refs(store.events()) == ["a", "b", "c", "d"]  # every stored event, as before
    assert refs(store.events(occurred=True)) == ["a", "d"]
    assert refs(store.events(occurred=False)) == ["b", "c"]
    assert refs(store.events(modality="intended")) == ["b"]
    assert refs(store.events(negated=True)) == ["c"]


def test_events_filter_direction_and_quad_class(store):
    assert refs(store.events(source="USA")) == ["b"]
    assert refs(store.events(target="USA")) == ["a", "c"]
    assert refs(store.events(source="Xi Jinping", target="JPN")) == ["d"]
    assert refs(store.events(quad_class=4)) == ["b"]
    assert refs(store.events(quad_class=[1, 3])) == ["a", "c", "d"]
    with pytest.raises(UsageError, match="quad_class=5"):
        store.events(quad_class=5)


def test_partial_dates_cover_their_year_or_month(store):
    assert refs(store.events(date_from="2018")) == ["b", "c", "d"]
    assert refs(store.events(date_from="2018", date_to="2018")) == ["b", "c"]
    assert refs(store.events(date_from="2018-07", date_to="2018-07")) == ["c"]
    assert refs(store.events(date_to="2018-02")) == ["a"]
    with pytest.raises(UsageError, match="date_from='2018-13'"):
        store.events(date_from="2018-13")


def test_events_carry_their_outlet_and_url(store):
    row = store.events().iloc[0]
    assert (row["outlet"], row["url"], row["title"]) == (
        "Wire",
        "https://news.example/a",
        "Title a",
    )


def test_code_a_string_from_python(nlp):
    result = detente.code(
        "Japanese Prime Minister Shinzo Abe met President Donald Trump in Washington on Friday.",
        date="2017-02-10",
    )
    assert any(event.cameo.startswith("04") for event in result.events)
    events = detente.to_frame(result.events)
    assert {"source_code", "target_code", "trigger_text", "cameo", "modality"} <= set(
        events.columns
    )
    assert events["cameo"].map(type).eq(str).all()
    mentions = detente.to_frame(result.mentions)
    assert "Shinzo Abe" in set(mentions["name"])
    with pytest.raises(UsageError, match="date='10/02/2017'"):
        detente.code("Abe met Trump.", date="10/02/2017")
    with pytest.raises(UsageError, match="non-empty text"):
        detente.code("   ")


V1_TABLES = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE SEQUENCE run_ids START 1; CREATE SEQUENCE quote_ids START 1; CREATE SEQUENCE event_ids START 1;
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, ref VARCHAR, record VARCHAR, title VARCHAR,
  section VARCHAR, date DATE, source VARCHAR, url VARCHAR, lang VARCHAR, body_start INTEGER,
  sentences INTEGER, skipped VARCHAR, text VARCHAR, run_id BIGINT, added_at TIMESTAMP);
CREATE TABLE events (event_id BIGINT, doc_id VARCHAR, start_char INTEGER, end_char INTEGER,
  sentence_start INTEGER, sentence_end INTEGER, trigger_text VARCHAR, trigger_start INTEGER,
  trigger_end INTEGER, date DATE, source_text VARCHAR, source_start INTEGER, source_end INTEGER,
  source_actor_id VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
  source_sector VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER,
  target_actor_id VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
  target_sector VARCHAR, cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, quad_class INTEGER,
  goldstein DOUBLE, negated BOOLEAN, modality VARCHAR, confidence DOUBLE, rule VARCHAR);
CREATE TABLE runs (run_id BIGINT PRIMARY KEY, command VARCHAR, args JSON, started_at TIMESTAMP,
  finished_at TIMESTAMP, status VARCHAR, summary JSON);
CREATE TABLE mentions (doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
  kind VARCHAR, actor_id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
  resolved_by VARCHAR, undated BOOLEAN, place_id VARCHAR, lat DOUBLE, lon DOUBLE,
  claimants VARCHAR[], ner_label VARCHAR);
CREATE TABLE actors (actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, code VARCHAR,
  country VARCHAR, sector VARCHAR);
CREATE TABLE places (place_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, names VARCHAR[],
  country VARCHAR, lat DOUBLE, lon DOUBLE, claimants VARCHAR[]);
CREATE TABLE quotes (quote_id BIGINT, doc_id VARCHAR, start_char INTEGER, end_char INTEGER,
  text VARCHAR, kind VARCHAR, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, speaker VARCHAR,
  speaker_start INTEGER, speaker_end INTEGER, speaker_name VARCHAR, speaker_actor VARCHAR,
  speaker_description VARCHAR, speaker_id VARCHAR, rule VARCHAR);
CREATE TABLE errors (run_id BIGINT, ref VARCHAR, record VARCHAR, reason VARCHAR, detail VARCHAR,
  severity VARCHAR, doc_id VARCHAR, noted_at TIMESTAMP);
"""


def test_a_version_1_store_is_migrated_on_first_writable_open(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_TABLES)
    con.close()
    with pytest.raises(SchemaVersionError, match="open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        fill(store, [story("a", "2017-02-10", [coded(ABE, TRUMP, "040")])])
        assert store.dedup_summary()["deduplicated_events"] == 1
    with Store(path, read_only=True) as store:
        assert "meta" in store.documents().columns


def test_migration_steps_are_ordered_and_idempotent(tmp_path):
    assert [step.version for step in MIGRATIONS] == sorted(step.version for step in MIGRATIONS)
    assert MIGRATIONS[-1].version == SCHEMA_VERSION
    con = duckdb.connect(str(tmp_path / "twice.duckdb"))
    con.execute(V1_TABLES)
    for _ in range(2):  # every statement may run again
        for step in MIGRATIONS:
            for statement in step.statements:
                con.execute(statement)
    con.close()
