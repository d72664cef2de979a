"""Query Parquet parts in place: ``detente.open(parts_dir)`` without loading them.

A ``PartsStore`` is a read-only ``Store`` whose tables are DuckDB views over the part files,
so every query of a store (documents, events, dyads, panels, exports) works on the parts.
The views keep a load's rules: a document once by ``doc_id`` (its first partition), only
complete partitions, ``event_id``/``quote_id`` numbered in part order as a load into an
empty store numbers them, ``run_id`` numbered by run. The deduplicated events are built in
memory the first time a query needs them. Views read the files on every query: for heavy
work, load the parts into a store (``detente load``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb

from detente.errors import StoreError
from detente.scale.parts import INPUT_ERRORS, MARKER, NOT_IN_PARTS, PartsDir
from detente.store import dedup
from detente.store.schema import DERIVED, SCHEMA_VERSION, TABLES, table_ddl
from detente.store.store import Store

# The run key of a part file's name (``<key>-p0000012``, ``<key>-p0000012-d0003``,
# ``<key>-inputs``).
_KEY = rf"regexp_extract(_part, '^(.+)-(p[0-9]{{7}}(-d[0-9]{{4}})?|{INPUT_ERRORS})$', 1)"


def is_parts_dir(path: str | os.PathLike) -> bool:
    """True for a parts directory: a local one with the marker file, or any URL."""
    text = os.fspath(path)
    if "://" in text and not text.startswith("file://"):
        return True
    return (Path(text.removeprefix("file://")) / MARKER).is_file()


class PartsStore(Store):
    """A read-only store over the Parquet parts at ``url`` (a directory or fsspec URL)."""

    def __init__(self, url: str | os.PathLike):
        self.url = os.fspath(url)
        self.path = Path(self.url)
        self.read_only = True
        self.parts = PartsDir(self.url)
        self.parts.check()
        self._con = duckdb.connect(":memory:")
        # the web app asks for cursors from several threads at once; the main connection
        # serves one call at a time (DuckDB refuses a second instead of waiting)
        self._con_lock = threading.RLock()
        try:
            self._con.execute("SET enable_progress_bar = false")
            if not self.parts.local:
                self._con.register_filesystem(self.parts.fs)
            self._create_views()
        except duckdb.Error as e:
            self._con.close()
            raise StoreError(f"{self.url}: cannot read the parts: {e}") from e
        except BaseException:
            self._con.close()
            raise

    def __repr__(self) -> str:
        return f"<détente PartsStore {self.url!r} read-only>"

    def _require_writable(self) -> None:
        raise StoreError(
            f"{self.url}: parts are read in place; load them into a store to write "
            f"(detente load {self.url} --db FILE)"
        )

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._con_lock:
            self._dedup_ready()  # readers over cursors (the web app) query the layer directly
            return super().cursor()

    def stats(self) -> dict:
        with self._con_lock:
            self._dedup_ready()  # as in a store, whose runs leave the layer built
            return super().stats()

    def _dedup_ready(self) -> None:
        # built in memory, from the views, the first time a query needs it
        if not dedup.is_current(self._con):
            self._refresh_dedup()

    # -- the views -------------------------------------------------------------------------

    def _create_views(self) -> None:
        con = self._con
        for table in ("meta", *DERIVED):
            con.execute(table_ddl(table))
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self._create_runs()
        for table in TABLES:
            if table not in NOT_IN_PARTS:
                con.execute(f"CREATE VIEW _all_{table} AS {self._files_sql(table)}")
        con.execute(
            "CREATE VIEW _chosen AS SELECT doc_id, min(_part) AS _part "
            "FROM _all_documents GROUP BY doc_id"
        )
        for table in TABLES:
            if table not in NOT_IN_PARTS:
                con.execute(f"CREATE VIEW {table} AS {self._view_sql(table)}")

    def _create_runs(self) -> None:
        """Runs are few: one in-memory row each, numbered by start (key) order."""
        con = self._con
        con.execute(table_ddl("runs"))
        con.execute("CREATE TABLE _run_keys (key VARCHAR, run_id BIGINT)")
        for run_id, (key, record) in enumerate(self.parts.run_records().items(), start=1):
            row = {**record, "run_id": run_id}
            names = [col.name for col in TABLES["runs"]]
            con.execute(
                f"INSERT INTO runs ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                [row.get(name) for name in names],
            )
            con.execute("INSERT INTO _run_keys VALUES (?, ?)", [key, run_id])

    def _files_sql(self, table: str) -> str:
        if not self.parts.names(table):
            columns = ", ".join(
                f"NULL::{col.sql} AS {col.name}" for col in TABLES[table] if col.arrow is not None
            )
            return f"SELECT {columns}, NULL::VARCHAR AS _part, NULL::BIGINT AS _row WHERE false"
        pattern = self.parts.pattern(table).replace("'", "''")
        return (
            "SELECT * EXCLUDE (filename, file_row_number), "
            "parse_filename(filename, true) AS _part, file_row_number AS _row "
            f"FROM read_parquet('{pattern}', filename = true, file_row_number = true)"
        )

    @staticmethod
    def _view_sql(table: str) -> str:
        """One table as a load would leave it (see the module doc)."""
        columns = []
        for col in TABLES[table]:
            if col.arrow is None:  # an id the store hands out in insert order
                columns.append(f"row_number() OVER (ORDER BY t._part, t._row) AS {col.name}")
            elif col.name == "run_id":
                columns.append(f"(SELECT k.run_id FROM _run_keys k WHERE k.key = {_KEY}) AS run_id")
            else:
                columns.append(f"t.{col.name}")
        select = f"SELECT {', '.join(columns)} FROM _all_{table} t"
        names = {col.name for col in TABLES[table]}
        if table == "errors":
            return (
                f"{select} WHERE t._part LIKE '%-{INPUT_ERRORS}' OR EXISTS (SELECT 1 FROM "
                "_chosen c WHERE c.doc_id = t.doc_id AND c._part = t._part)"
            )
        if table == "document_refs":
            # every source record once, from the first part that names it (as a load keeps it)
            return (
                f"{select} QUALIFY row_number() OVER (PARTITION BY t.doc_id, t.ref, t.record, "
                "t.path ORDER BY t._part, t._row) = 1"
            )
        if "doc_id" in names:
            return f"{select} SEMI JOIN _chosen c ON c.doc_id = t.doc_id AND c._part = t._part"
        # actors, places: the latest row of each key wins, as the store's upsert
        key = TABLES[table][0].name
        return (
            f"{select} WHERE t._part IN (SELECT _part FROM _chosen) QUALIFY row_number() "
            f"OVER (PARTITION BY t.{key} ORDER BY t._part DESC, t._row DESC) = 1"
        )
