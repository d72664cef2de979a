"""The store's tables, declared once: SQL DDL and the Arrow batch schemas come from here.

A new store is created at ``SCHEMA_VERSION`` directly; an older one is brought up to it by
the ordered steps in ``detente.store.migrations``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 5


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql: str  # DuckDB type
    arrow: pa.DataType | None  # type in a write batch; None = filled by SQL (ids)


def _col(name: str, sql: str) -> Column:
    arrow = {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),
        "TINYINT": pa.int8(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
        "BIGINT[]": pa.list_(pa.int64()),
    }[sql]
    return Column(name, sql, arrow)


def _id(name: str) -> Column:
    return Column(name, "BIGINT", None)


def _event_actor(side: str) -> tuple[Column, ...]:
    return (
        _col(f"{side}_text", "VARCHAR"),
        _col(f"{side}_start", "INTEGER"),
        _col(f"{side}_end", "INTEGER"),
        _col(f"{side}_actor_id", "VARCHAR"),
        _col(f"{side}_name", "VARCHAR"),
        _col(f"{side}_code", "VARCHAR"),
        _col(f"{side}_country", "VARCHAR"),
        _col(f"{side}_sector", "VARCHAR"),
    )


def _cluster_actor(side: str) -> tuple[Column, ...]:
    return (
        _col(f"{side}_key", "VARCHAR"),  # what deduplication compares: code, else id, else text
        _col(f"{side}_code", "VARCHAR"),
        _col(f"{side}_country", "VARCHAR"),
        _col(f"{side}_sector", "VARCHAR"),
        _col(f"{side}_actor_id", "VARCHAR"),
        _col(f"{side}_name", "VARCHAR"),
        _col(f"{side}_text", "VARCHAR"),
    )


# Where an event happened (``Event.location``, filled when the events stage sets it; NULL before).
EVENT_LOCATION = (
    _col("location_place_id", "VARCHAR"),
    _col("location_name", "VARCHAR"),
    _col("location_country", "VARCHAR"),
    _col("location_admin1", "VARCHAR"),
    _col("location_lat", "DOUBLE"),
    _col("location_lon", "DOUBLE"),
    _col("location_method", "VARCHAR"),
)

# What coded a run (``detente.provenance``): carried into every export.
RUN_PROVENANCE = (
    _col("detente_version", "VARCHAR"),
    _col("model", "VARCHAR"),
    _col("model_version", "VARCHAR"),
    _col("knowledge_hash", "VARCHAR"),
    _col("dictionaries_hash", "VARCHAR"),
)

# The panel layer's unit and event columns, its factuality classes and monthly periods
# (``detente.store.panel_layer``).
PANEL_UNIT = (_col("kind", "TINYINT"), _col("unit_a", "VARCHAR"), _col("unit_b", "VARCHAR"))
PANEL_EVENT = (
    _col("plover", "VARCHAR"),
    _col("quad_class", "INTEGER"),
    _col("asserted", "BOOLEAN"),
    _col("negated", "BOOLEAN"),
)
PANEL_CLASSES = ("occurred", "asserted", "unnegated", "any")
PANEL_MONTHLY = ("month", "quarter", "year")

TABLES: dict[str, tuple[Column, ...]] = {
    "meta": (_col("key", "VARCHAR"), _col("value", "VARCHAR")),
    "documents": (
        _col("doc_id", "VARCHAR"),
        _col("ref", "VARCHAR"),
        _col("record", "VARCHAR"),
        _col("title", "VARCHAR"),
        _col("section", "VARCHAR"),
        _col("date", "DATE"),
        _col("source", "VARCHAR"),
        _col("url", "VARCHAR"),
        _col("lang", "VARCHAR"),
        _col("body_start", "INTEGER"),
        _col("sentences", "INTEGER"),
        _col("skipped", "VARCHAR"),
        _col("text", "VARCHAR"),
        _col("run_id", "BIGINT"),
        _col("added_at", "TIMESTAMP"),
        _col("meta", "JSON"),  # record fields détente does not map (AllSides bias_text, topic ...)
    ),
    # Every source record of a document: the first one and each later record with the
    # same text (another wire, another file), with its own id, date, source and url.
    "document_refs": (
        _col("doc_id", "VARCHAR"),
        _col("ref", "VARCHAR"),
        _col("record", "VARCHAR"),
        _col("path", "VARCHAR"),  # the record file of a record input
        _col("date", "DATE"),
        _col("source", "VARCHAR"),
        _col("url", "VARCHAR"),
        _col("run_id", "BIGINT"),
        _col("added_at", "TIMESTAMP"),
    ),
    "mentions": (
        _col("doc_id", "VARCHAR"),
        _col("start_char", "INTEGER"),
        _col("end_char", "INTEGER"),
        _col("text", "VARCHAR"),
        _col("kind", "VARCHAR"),
        _col("actor_id", "VARCHAR"),
        _col("name", "VARCHAR"),
        _col("code", "VARCHAR"),
        _col("country", "VARCHAR"),
        _col("sector", "VARCHAR"),
        _col("resolved_by", "VARCHAR"),
        _col("undated", "BOOLEAN"),
        _col("place_id", "VARCHAR"),
        _col("lat", "DOUBLE"),
        _col("lon", "DOUBLE"),
        _col("claimants", "VARCHAR[]"),
        _col("ner_label", "VARCHAR"),
    ),
    "actors": (
        _col("actor_id", "VARCHAR"),
        _col("name", "VARCHAR"),
        _col("kind", "VARCHAR"),
        _col("code", "VARCHAR"),
        _col("country", "VARCHAR"),
        _col("sector", "VARCHAR"),
    ),
    "places": (
        _col("place_id", "VARCHAR"),
        _col("name", "VARCHAR"),
        _col("kind", "VARCHAR"),
        _col("names", "VARCHAR[]"),
        _col("country", "VARCHAR"),
        _col("lat", "DOUBLE"),
        _col("lon", "DOUBLE"),
        _col("claimants", "VARCHAR[]"),
    ),
    "quotes": (
        _id("quote_id"),
        _col("doc_id", "VARCHAR"),
        _col("start_char", "INTEGER"),
        _col("end_char", "INTEGER"),
        _col("text", "VARCHAR"),
        _col("kind", "VARCHAR"),
        _col("cue", "VARCHAR"),
        _col("cue_start", "INTEGER"),
        _col("cue_end", "INTEGER"),
        _col("speaker", "VARCHAR"),
        _col("speaker_start", "INTEGER"),
        _col("speaker_end", "INTEGER"),
        _col("speaker_name", "VARCHAR"),
        _col("speaker_actor", "VARCHAR"),
        _col("speaker_description", "VARCHAR"),
        _col("speaker_id", "VARCHAR"),
        _col("rule", "VARCHAR"),
    ),
    "events": (
        _id("event_id"),
        _col("doc_id", "VARCHAR"),
        _col("start_char", "INTEGER"),
        _col("end_char", "INTEGER"),
        _col("sentence_start", "INTEGER"),
        _col("sentence_end", "INTEGER"),
        _col("trigger_text", "VARCHAR"),
        _col("trigger_start", "INTEGER"),
        _col("trigger_end", "INTEGER"),
        _col("date", "DATE"),
        *_event_actor("source"),
        *_event_actor("target"),
        _col("cameo", "VARCHAR"),
        _col("cameo_root", "VARCHAR"),
        _col("plover", "VARCHAR"),
        _col("quad_class", "INTEGER"),
        _col("goldstein", "DOUBLE"),
        _col("negated", "BOOLEAN"),
        _col("modality", "VARCHAR"),
        _col("confidence", "DOUBLE"),
        _col("rule", "VARCHAR"),
        *EVENT_LOCATION,
        _col("is_symmetric", "BOOLEAN"),  # Event.symmetric (SYMMETRIC is an SQL keyword)
    ),
    "errors": (
        _col("run_id", "BIGINT"),
        _col("ref", "VARCHAR"),
        _col("record", "VARCHAR"),
        _col("reason", "VARCHAR"),
        _col("detail", "VARCHAR"),
        _col("severity", "VARCHAR"),
        _col("doc_id", "VARCHAR"),
        _col("noted_at", "TIMESTAMP"),
    ),
    "runs": (
        _col("run_id", "BIGINT"),
        _col("command", "VARCHAR"),
        _col("args", "JSON"),
        _col("started_at", "TIMESTAMP"),
        _col("finished_at", "TIMESTAMP"),
        _col("status", "VARCHAR"),
        _col("summary", "JSON"),
        *RUN_PROVENANCE,
    ),
    # The deduplication layer (``detente.store.dedup``), rebuilt from ``events`` after each run.
    # One row per stored event: which story event and which deduplicated event it is a mention of.
    "event_dedup": (
        _col("event_id", "BIGINT"),
        _col("story_id", "BIGINT"),  # smallest event_id of its within-story group
        _col("cluster_id", "BIGINT"),  # its deduplicated event (event_clusters)
        _col("mirror_id", "BIGINT"),  # the reverse event coded from the same words, if any
        _col("in_lead", "BOOLEAN"),  # its sentence starts in the lead paragraph
    ),
    # One row per deduplicated event, with the evidence: every mention's event_id and document.
    "event_clusters": (
        _col("cluster_id", "BIGINT"),
        _col("undirected_id", "BIGINT"),  # shared by a cluster and its mirror (A->B, B->A)
        _col("date", "DATE"),
        _col("last_date", "DATE"),
        *_cluster_actor("source"),
        *_cluster_actor("target"),
        _col("cameo", "VARCHAR"),
        _col("cameo_root", "VARCHAR"),
        _col("plover", "VARCHAR"),
        _col("quad_class", "INTEGER"),
        _col("goldstein", "DOUBLE"),
        _col("modality", "VARCHAR"),
        _col("negated", "BOOLEAN"),
        _col("num_mentions", "INTEGER"),
        _col("num_stories", "INTEGER"),
        _col("num_articles", "INTEGER"),
        _col("num_sources", "INTEGER"),
        _col("is_root_event", "BOOLEAN"),
        _col("first_event_id", "BIGINT"),
        _col("first_doc_id", "VARCHAR"),
        _col("event_ids", "BIGINT[]"),
        _col("doc_ids", "VARCHAR[]"),
        # "CHN|USA": the two countries in order, NULL unless both are known; rows are stored
        # sorted by it, so a dyad query reads only its pair's part of the table
        _col("pair_key", "VARCHAR"),
        _col("is_symmetric", "BOOLEAN"),  # a mutual act: counts in both directions
    ),
    # The panel layer (``detente.store.panel_layer``), rebuilt with the deduplication layer:
    # one row per panel unit, deduplicated event and document, sorted by kind and day ...
    "panel_rows": (
        *PANEL_UNIT,
        _col("day", "DATE"),
        *PANEL_EVENT,
        _col("goldstein", "DOUBLE"),
        _col("counts", "BOOLEAN"),  # the row that counts its event (its first document)
        *(_col(f"prev_{name}", "DATE") for name in PANEL_CLASSES),
    ),
    # ... and the same summed per month, with the documents counted per period and class.
    "panel_months": (
        *PANEL_UNIT,
        _col("month", "DATE"),
        *PANEL_EVENT,
        _col("events", "BIGINT"),
        _col("goldstein_sum", "DOUBLE"),
        _col("goldstein_n", "BIGINT"),
        *(
            _col(f"articles_{period}_{name}", "BIGINT")
            for period in PANEL_MONTHLY
            for name in PANEL_CLASSES
        ),
    ),
}

PRIMARY_KEYS = {
    "meta": "key",
    "documents": "doc_id",
    "actors": "actor_id",
    "places": "place_id",
    "runs": "run_id",
}

# Integer ids handed out by DuckDB sequences (gaps after a rolled-back batch are harmless).
SEQUENCES = {"runs": "run_ids", "quotes": "quote_ids", "events": "event_ids"}

# Tables filled by SQL from other tables, never from write batches.
DERIVED = ("event_dedup", "event_clusters", "panel_rows", "panel_months")


def table_ddl(table: str) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one table of this schema version."""
    lines = [f"{col.name} {col.sql}" for col in TABLES[table]]
    if table in PRIMARY_KEYS:
        lines.append(f"PRIMARY KEY ({PRIMARY_KEYS[table]})")
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(lines) + "\n)"


def create_statements() -> list[str]:
    """DDL that creates an empty store of this schema version."""
    statements = [f"CREATE SEQUENCE IF NOT EXISTS {name} START 1" for name in SEQUENCES.values()]
    statements += [table_ddl(table) for table in TABLES]
    statements.append(
        f"INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}') ON CONFLICT DO NOTHING"
    )
    return statements


# Source records not yet in document_refs (same document, ref, record and file), for inserts
# that must stay idempotent: re-runs, resumed runs, a migration step applied twice. A row
# without a file (text inputs, rows filled in by the version 3 migration) matches any file.
NEW_REFS = (
    "NOT EXISTS (SELECT 1 FROM document_refs r WHERE r.doc_id = {alias}.doc_id "
    "AND r.ref = {alias}.ref AND r.record IS NOT DISTINCT FROM {alias}.record "
    "AND (r.path IS NULL OR r.path IS NOT DISTINCT FROM {alias}.path))"
)


def batch_schema(table: str) -> pa.Schema:
    """Arrow schema of a write batch for ``table`` (columns SQL fills itself are left out)."""
    return pa.schema([(col.name, col.arrow) for col in TABLES[table] if col.arrow is not None])
