"""Export store tables to files: Parquet, CSV, JSON Lines, GDELT-style TSV, PLOVER-style JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from detente.errors import StoreError, UsageError
from detente.store.schema import TABLES

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
EVENT_FORMATS = ("gdelt", "plover")

# Stable row order per table, so exports of the same store are identical files.
_ORDER = {
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
}

# GDELT event columns we can fill, in GDELT's order (a subset of the 2.0 event table);
# the event date falls back to the document's date.
_GDELT_SELECT = """
WITH ev AS (
    SELECT e.*, coalesce(e.date, d.date) AS event_date, d.added_at, coalesce(d.url, d.ref) AS link
    FROM events e JOIN documents d USING (doc_id)
    WHERE NOT e.negated
)
SELECT
    event_id AS GLOBALEVENTID,
    CAST(strftime(event_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(event_date, '%Y%m') AS INTEGER) AS MonthYear,
    year(event_date) AS "Year",
    round(year(event_date) + (dayofyear(event_date) - 1) / 365.0, 4) AS FractionDate,
    source_code AS Actor1Code,
    upper(coalesce(source_name, source_text)) AS Actor1Name,
    source_country AS Actor1CountryCode,
    source_sector AS Actor1Type1Code,
    target_code AS Actor2Code,
    upper(coalesce(target_name, target_text)) AS Actor2Name,
    target_country AS Actor2CountryCode,
    target_sector AS Actor2Type1Code,
    cameo AS EventCode,
    left(cameo, 3) AS EventBaseCode,
    cameo_root AS EventRootCode,
    quad_class AS QuadClass,
    goldstein AS GoldsteinScale,
    1 AS NumMentions,
    1 AS NumSources,
    1 AS NumArticles,
    CAST(strftime(added_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    link AS SOURCEURL
FROM ev ORDER BY event_id
"""

_PLOVER_SELECT = """
SELECT e.*, coalesce(e.date, d.date) AS event_date, d.ref, d.url,
       substring(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM events e JOIN documents d USING (doc_id)
WHERE NOT e.negated AND e.plover IS NOT NULL
ORDER BY e.event_id
"""


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_table(con: duckdb.DuckDBPyConnection, table: str, path: Path, *, fmt: str) -> int:
    """Write ``table`` to ``path`` in ``fmt``; returns rows written."""
    if table not in TABLES:
        raise UsageError(f"no table {table!r}; tables: {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in EVENT_FORMATS and table != "events":
        raise UsageError(f"format {fmt!r} exports events only, not {table!r}")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: its folder does not exist")
    try:
        if fmt == "plover":
            return _export_plover(con, path)
        if fmt == "gdelt":
            query = _GDELT_SELECT
            options = "FORMAT CSV, DELIMITER '\t', HEADER"
        else:
            query = f"SELECT * FROM {table} ORDER BY {_ORDER[table]}"
            options = {
                "parquet": "FORMAT PARQUET",
                "csv": "FORMAT CSV, HEADER",
                "jsonl": "FORMAT JSON",
            }[fmt]
        rows = con.execute(f"COPY ({query}) TO {_sql_path(path)} ({options})").fetchall()
    except (duckdb.Error, OSError) as e:
        raise StoreError(f"{path}: cannot export {table} as {fmt}: {e}") from e
    return int(rows[0][0]) if rows else 0


def _event_actor(row: dict, side: str) -> dict | None:
    if row[f"{side}_text"] is None and row[f"{side}_code"] is None:
        return None
    return {
        "text": row[f"{side}_text"],
        "start": row[f"{side}_start"],
        "end": row[f"{side}_end"],
        "actor_id": row[f"{side}_actor_id"],
        "name": row[f"{side}_name"],
        "code": row[f"{side}_code"],
        "country": row[f"{side}_country"],
        "sector": row[f"{side}_sector"],
    }


def plover_record(row: dict) -> dict:
    """One event as a PLOVER-style record: category, actors, date and text evidence."""
    date = row["event_date"]
    return {
        "id": f"{row['doc_id']}-{row['event_id']}",
        "date": date.isoformat() if date is not None else None,
        "event": row["plover"],
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "confidence": row["confidence"],
        "source": _event_actor(row, "source"),
        "target": _event_actor(row, "target"),
        "trigger": {
            "text": row["trigger_text"],
            "start": row["trigger_start"],
            "end": row["trigger_end"],
        },
        "text": row["sentence"],
        "evidence": {
            "doc_id": row["doc_id"],
            "doc_ref": row["ref"],
            "url": row["url"],
            "sentence_start": row["sentence_start"],
            "sentence_end": row["sentence_end"],
            "rule": row["rule"],
        },
    }


def _export_plover(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    cursor = con.execute(_PLOVER_SELECT)
    names = [column[0] for column in cursor.description]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        # Fetch in chunks so a large store is never held in memory at once.
        while rows := cursor.fetchmany(10_000):
            for values in rows:
                record = plover_record(dict(zip(names, values, strict=True)))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(rows)
    return written
