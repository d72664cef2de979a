"""Any store table as Parquet, CSV or JSON Lines (DuckDB's COPY), in a stable row order.

Events come with their document's date, ref, title, url and outlet, their story and
deduplicated-event ids, and the provenance of the run that coded them. Parquet files also
carry the provenance of every run involved in their key-value metadata (key ``detente``).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from detente.store.exports.provenance import PROVENANCE_COLUMNS, export_provenance

# Stable row order per table, so exports of the same store are identical files.
ORDER = {
    "meta": "key",
    "documents": "date NULLS LAST, ref, doc_id",
    "document_refs": "doc_id, added_at, ref, record",
    "mentions": "doc_id, start_char, end_char",
    "actors": "actor_id",
    "places": "place_id",
    "quotes": "quote_id",
    "events": "event_id",
    "errors": "noted_at, ref",
    "runs": "run_id",
    "event_dedup": "event_id",
    "event_clusters": "cluster_id",
}

EVENTS_QUERY = f"""
SELECT e.*, d.date AS doc_date, d.ref, d.title, d.url, d.source AS outlet,
       x.story_id, x.cluster_id, d.run_id, {", ".join("r." + c for c in PROVENANCE_COLUMNS)}
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN event_dedup x USING (event_id)
LEFT JOIN runs r ON r.run_id = d.run_id
ORDER BY e.event_id
"""


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write(con: duckdb.DuckDBPyConnection, path: Path, *, request) -> int:
    from detente.store.exports import sql_path

    table = request.table
    query = EVENTS_QUERY if table == "events" else f"SELECT * FROM {table} ORDER BY {ORDER[table]}"
    if request.fmt == "parquet":
        metadata = json.dumps(export_provenance(con, table), ensure_ascii=False, default=str)
        options = f"FORMAT PARQUET, KV_METADATA {{detente: {_sql_text(metadata)}}}"
    elif request.fmt == "csv":
        options = f"FORMAT CSV, HEADER {'true' if request.header else 'false'}"
    else:
        options = "FORMAT JSON"
    rows = con.execute(f"COPY ({query}) TO {sql_path(path)} ({options})").fetchall()
    return int(rows[0][0]) if rows else 0
