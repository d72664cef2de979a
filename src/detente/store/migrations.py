"""Explicit schema migrations: ordered, small, idempotent steps keyed by the version they reach.

A store of version ``n`` is brought to ``SCHEMA_VERSION`` by running every step whose
``version`` is above ``n``, in order, each in its own transaction together with the
``schema_version`` update, so a crash leaves the store at one version or the next.
Every statement may run twice (``IF NOT EXISTS``), which keeps a step safe to repeat.
A step spells out its own DDL instead of reading ``schema.TABLES``: it must keep meaning
what it meant when it was written, whatever later versions add.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # the schema version the store has after this step
    name: str
    statements: tuple[str, ...]


def _add_columns(table: str, columns: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {sql}" for name, sql in columns
    )


_V2_CLUSTER_ACTOR = (
    "key VARCHAR",
    "code VARCHAR",
    "country VARCHAR",
    "sector VARCHAR",
    "actor_id VARCHAR",
    "name VARCHAR",
    "text VARCHAR",
)

# Issue 11: record metadata, event locations, run provenance, the deduplication layer.
_V2 = Migration(
    version=2,
    name="documents.meta, event locations, run provenance, deduplicated events",
    statements=(
        *_add_columns("documents", (("meta", "JSON"),)),
        *_add_columns(
            "events",
            (
                ("location_place_id", "VARCHAR"),
                ("location_name", "VARCHAR"),
                ("location_country", "VARCHAR"),
                ("location_admin1", "VARCHAR"),
                ("location_lat", "DOUBLE"),
                ("location_lon", "DOUBLE"),
                ("location_method", "VARCHAR"),
            ),
        ),
        *_add_columns(
            "runs",
            (
                ("detente_version", "VARCHAR"),
                ("model", "VARCHAR"),
                ("model_version", "VARCHAR"),
                ("knowledge_hash", "VARCHAR"),
                ("dictionaries_hash", "VARCHAR"),
            ),
        ),
        "CREATE TABLE IF NOT EXISTS event_dedup (event_id BIGINT, story_id BIGINT, "
        "cluster_id BIGINT, mirror_id BIGINT, in_lead BOOLEAN)",
        "CREATE TABLE IF NOT EXISTS event_clusters (cluster_id BIGINT, undirected_id BIGINT, "
        "date DATE, last_date DATE, "
        + ", ".join(f"source_{c}" for c in _V2_CLUSTER_ACTOR)
        + ", "
        + ", ".join(f"target_{c}" for c in _V2_CLUSTER_ACTOR)
        + ", cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, quad_class INTEGER, "
        "goldstein DOUBLE, modality VARCHAR, negated BOOLEAN, num_mentions INTEGER, "
        "num_stories INTEGER, num_articles INTEGER, num_sources INTEGER, "
        "is_root_event BOOLEAN, first_event_id BIGINT, first_doc_id VARCHAR, "
        "event_ids BIGINT[], doc_ids VARCHAR[], pair_key VARCHAR)",
        *_add_columns("event_clusters", (("pair_key", "VARCHAR"),)),
    ),
)

# Issue 14: every source record of a document (a record whose text is already stored
# keeps its id, date, source and url); the stored documents are their own first records.
_V3 = Migration(
    version=3,
    name="document_refs, filled from documents",
    statements=(
        "CREATE TABLE IF NOT EXISTS document_refs (doc_id VARCHAR, ref VARCHAR, "
        "record VARCHAR, path VARCHAR, date DATE, source VARCHAR, url VARCHAR, "
        "run_id BIGINT, added_at TIMESTAMP)",
        "INSERT INTO document_refs (doc_id, ref, record, path, date, source, url, run_id, "
        "added_at) SELECT doc_id, ref, record, NULL, date, source, url, run_id, added_at "
        "FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_refs r "
        "WHERE r.doc_id = d.doc_id AND r.ref = d.ref AND r.record IS NOT DISTINCT FROM d.record)",
    ),
)

# Issue 9: a mutual act ("Abe met Trump") is one event marked symmetric, not two mirrored
# ones; older rows are not symmetric (their mirrors are linked by deduplication).
_V4 = Migration(
    version=4,
    name="events.is_symmetric",
    statements=(
        *_add_columns("events", (("is_symmetric", "BOOLEAN DEFAULT false"),)),
        *_add_columns("event_clusters", (("is_symmetric", "BOOLEAN DEFAULT false"),)),
    ),
)

# Issue 11: the panel layer (panel queries over a million events in < 200 ms). Its tables
# are filled by the deduplication rebuild: marking the built layer out of date makes the
# next writable use (a run, `detente dedup`, a panel) rebuild both.
_PANEL_UNIT = "kind TINYINT, unit_a VARCHAR, unit_b VARCHAR"
_PANEL_EVENT = "plover VARCHAR, quad_class INTEGER, asserted BOOLEAN, negated BOOLEAN"
_PANEL_CLASSES = ("occurred", "asserted", "unnegated", "any")
_V5 = Migration(
    version=5,
    name="panel_rows, panel_months",
    statements=(
        f"CREATE TABLE IF NOT EXISTS panel_rows ({_PANEL_UNIT}, day DATE, {_PANEL_EVENT}, "
        "goldstein DOUBLE, counts BOOLEAN, "
        + ", ".join(f"prev_{name} DATE" for name in _PANEL_CLASSES)
        + ")",
        f"CREATE TABLE IF NOT EXISTS panel_months ({_PANEL_UNIT}, month DATE, {_PANEL_EVENT}, "
        "events BIGINT, goldstein_sum DOUBLE, goldstein_n BIGINT, "
        + ", ".join(
            f"articles_{period}_{name} BIGINT"
            for period in ("month", "quarter", "year")
            for name in _PANEL_CLASSES
        )
        + ")",
        "UPDATE meta SET value = json_merge_patch(value, '{\"events\": -1}') WHERE key = 'dedup'",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_V2, _V3, _V4, _V5)


def pending(found: int) -> list[Migration]:
    """The steps a store at version ``found`` needs, in order."""
    return [step for step in MIGRATIONS if step.version > found]
