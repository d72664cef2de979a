"""Provenance in exports: which détente, model and knowledge coded the exported rows."""

from __future__ import annotations

import duckdb

import detente
from detente.store.schema import RUN_PROVENANCE, SCHEMA_VERSION

PROVENANCE_COLUMNS = tuple(col.name for col in RUN_PROVENANCE)


def export_provenance(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    """What an export file says about itself: the exporting détente, the store's schema,
    and the provenance of every run whose documents it holds."""
    cursor = con.execute(
        f"SELECT run_id, command, started_at, finished_at, {', '.join(PROVENANCE_COLUMNS)} "
        "FROM runs WHERE run_id IN (SELECT DISTINCT run_id FROM documents) ORDER BY run_id"
    )
    names = [column[0] for column in cursor.description]
    runs = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return {
        "exported_by": f"detente {detente.__version__}",
        "schema_version": SCHEMA_VERSION,
        "table": table,
        "runs": runs,
    }


def coder_line(row: dict) -> str | None:
    """``detente 0.2.0 (en_core_web_md 3.7.1)`` from a row with the provenance columns."""
    version = row.get("detente_version")
    if not version:
        return None
    model = row.get("model") or "?"
    if row.get("model_version"):
        model += f" {row['model_version']}"
    return f"detente {version} ({model})"
