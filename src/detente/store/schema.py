"""The store's tables, declared once: SQL DDL and the Arrow batch schemas come from here,
and the migrations that bring a store of an older schema version up to this one."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql: str  # DuckDB type
    arrow: pa.DataType | None  # type in a write batch; None = filled by SQL (ids)


def _col(name: str, sql: str) -> Column:
    arrow = {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
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
    ),
    # Every source record of a document: the first one and each later record with the
    # same text (another wire, another file), with its own id, date, source and url.
    "document_refs": (
        _col("doc_id", "VARCHAR"),
        _col("ref", "VARCHAR"),
        _col("record", "VARCHAR"),
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


# Source records not yet in document_refs (same document, ref and record), for inserts that
# must stay idempotent: re-runs, resumed runs, a migration applied twice.
NEW_REFS = (
    "NOT EXISTS (SELECT 1 FROM document_refs r WHERE r.doc_id = {alias}.doc_id "
    "AND r.ref = {alias}.ref AND r.record IS NOT DISTINCT FROM {alias}.record)"
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step from ``version - 1`` to ``version``: small, idempotent statements run in
    one transaction with the version bump. Steps are applied in order; later branches
    append theirs (the next one is version 3)."""

    version: int
    what: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        2,
        "document_refs: every source record of a document, filled from documents",
        (
            table_ddl("document_refs"),
            "INSERT INTO document_refs (doc_id, ref, record, date, source, url, run_id, "
            "added_at) SELECT doc_id, ref, record, date, source, url, run_id, added_at "
            f"FROM documents d WHERE {NEW_REFS.format(alias='d')}",
        ),
    ),
)


def migrations_after(version: int) -> list[Migration]:
    """The steps that bring a store of schema ``version`` up to ``SCHEMA_VERSION``."""
    steps = [m for m in MIGRATIONS if m.version > version]
    expected = list(range(version + 1, SCHEMA_VERSION + 1))
    if [m.version for m in steps] != expected:
        raise ValueError(f"no migration path from schema version {version} to {SCHEMA_VERSION}")
    return steps


def batch_schema(table: str) -> pa.Schema:
    """Arrow schema of a write batch for ``table`` (columns SQL fills itself are left out)."""
    return pa.schema([(col.name, col.arrow) for col in TABLES[table] if col.arrow is not None])
