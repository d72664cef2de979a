"""The DuckDB store: opening, writing batches of results, and notebook queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from detente.errors import NotFoundError, SchemaVersionError, StoreError, UsageError, require
from detente.records import Article, DocResult, Problem
from detente.store import dedup, dyads, panels
from detente.store import exports as exporting
from detente.store.batches import build_batches, errors_table, refs_table
from detente.store.factuality import Factuality
from detente.store.filters import DateLike, Where, actor_clause, like_escape, limit_sql, side_clause
from detente.store.migrations import pending
from detente.store.schema import (
    DERIVED,
    NEW_REFS,
    RUN_PROVENANCE,
    SCHEMA_VERSION,
    SEQUENCES,
    TABLES,
    create_statements,
)

# A warning already recorded for the same input and document.
_SAME_WARNING = (
    "SELECT 1 FROM errors e WHERE e.severity = 'warning' AND e.ref = b.ref "
    "AND e.reason = b.reason AND e.detail = b.detail AND e.record IS NOT DISTINCT FROM b.record "
    "AND e.doc_id IS NOT DISTINCT FROM b.doc_id"
)


def _first_line(error: BaseException) -> str:
    """DuckDB messages can run over several lines (a caret under the SQL): keep the first."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _utc_now() -> dt.datetime:
    # Stored as naive UTC (TIMESTAMP): tz-aware columns would make pandas depend on tz data.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _of_documents(batch: pa.Table, doc_ids: pa.Array) -> pa.Table:
    """The rows of ``batch`` that belong to ``doc_ids`` (rows without a doc_id stay)."""
    if "doc_id" not in batch.column_names:
        return batch
    column = batch.column("doc_id")
    keep = pc.or_(pc.is_null(column), pc.is_in(column, doc_ids))
    return batch.filter(keep)


def _for_run(batch: pa.Table, run_id: int) -> pa.Table:
    if "run_id" not in batch.column_names:
        return batch
    index = batch.column_names.index("run_id")
    value = pa.array([run_id] * batch.num_rows, batch.schema.field(index).type)
    return batch.set_column(index, batch.schema.field(index), value)


def _text_arg(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{name}={value!r} must be a non-empty string")
    return value.strip()


def _bool_arg(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"{name}={value!r} must be True or False")
    return value


def _quad_classes(value: Any) -> list[int]:
    values = (
        [value]
        if isinstance(value, int)
        else list(value)
        if isinstance(value, list | tuple | set)
        else None
    )
    if not values or not all(
        isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 4 for v in values
    ):
        raise UsageError(f"quad_class={value!r}: use 1, 2, 3 or 4, or a list of them")
    return sorted(set(values))


def _event_filters(
    where: Where,
    alias: str,
    actor: str | None,
    source: str | None,
    target: str | None,
    cameo: str | None,
    plover: str | None,
    quad_class: Any,
) -> None:
    """The filters ``events`` and ``deduplicated_events`` share, on table ``alias``."""
    if actor is not None:
        sides = [side_clause(actor, f"{alias}.{side}") for side in ("source", "target")]
        where.add(f"({sides[0][0]} OR {sides[1][0]})", *sides[0][1], *sides[1][1])
    for value, side in ((source, "source"), (target, "target")):
        if value is not None:
            clause, params = side_clause(value, f"{alias}.{side}")
            where.add(clause, *params)
    if cameo is not None:
        code = like_escape(_text_arg("cameo", cameo)) + "%"
        where.add(f"{alias}.cameo LIKE ? ESCAPE '\\'", code)
    if plover is not None:
        where.add(f"upper({alias}.plover) = ?", _text_arg("plover", plover).upper())
    if quad_class is not None:
        where.add(f"list_contains(?, {alias}.quad_class)", _quad_classes(quad_class))


class Store:
    """A détente store: one DuckDB file holding documents and everything coded from them.

    Writable stores are created on first open. Only one process may have a store
    open for writing; DuckDB's file lock also keeps readers in other processes out
    while a run writes.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False):
        require("path", path, (str, os.PathLike), "a path (str or pathlib.Path)")
        require("read_only", read_only, bool, "True or False")
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no détente store here (create one with `detente run`)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: a directory, not a détente store file")
        if not read_only:
            self._check_writable_folder()
        self._con = self._connect()
        try:
            self._check_schema()
            if read_only:
                self._seal()
        except duckdb.Error as e:
            self._con.close()
            raise self._damaged(e) from e
        except BaseException:
            self._con.close()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _check_writable_folder(self) -> None:
        folder = self.path.parent
        if not folder.is_dir():
            raise StoreError(f"{self.path}: its folder {folder} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(
                f"{self.path}: its folder {folder} is not writable, and writing needs it "
                f"(DuckDB keeps {self.path.name}.wal next to the store); choose a store file "
                "in a writable folder"
            )

    def _seal(self) -> None:
        """A read-only store reaches nothing outside itself: no ``COPY ... TO``, no
        ``ATTACH``, no ``read_csv``. DuckDB cannot turn this back on while the database
        is open, so notebook SQL (``sql()``) cannot write files."""
        ((enabled,),) = self._con.execute(
            "SELECT current_setting('enable_external_access')"
        ).fetchall()
        if enabled:
            self._con.execute("SET enable_external_access = false")

    def _damaged(self, error: duckdb.Error) -> StoreError:
        return StoreError(
            f"{self.path}: the store cannot be read ({_first_line(error)}); the file is "
            "damaged or not a détente store: restore it from a copy, or code the articles "
            "again into a new store file"
        )

    def _fetch(self, query: str, params: Sequence[Any] | None = None, *, doing: str) -> list:
        """Rows of one statement; a DuckDB failure becomes a StoreError saying what failed."""
        try:
            return self._con.execute(query, params).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot {doing}: {_first_line(e)}") from e

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as e:
            message = str(e)
            if "not a valid DuckDB database" in message:
                raise StoreError(f"{self.path}: not a détente store (not a DuckDB file)") from e
            if "Could not set lock" in message:
                pid = re.search(r"PID (\d+)", message)
                holder = f" (PID {pid.group(1)})" if pid else ""
                raise StoreError(
                    f"{self.path}: the store is in use by another process{holder}; "
                    "wait for it to finish or choose another store file"
                ) from e
            if "different configuration" in message:
                raise StoreError(
                    f"{self.path}: already open in this process with read_only="
                    f"{not self.read_only}; close that store first"
                ) from e
            if isinstance(e, duckdb.IOException | duckdb.SerializationException) or any(
                word in message for word in ("Corrupt", "checksum", "Could not read")
            ):
                raise self._damaged(e) from e
            raise StoreError(f"{self.path}: cannot open the store: {_first_line(e)}") from e
        # no progress bar: DuckDB would draw one on the terminal during long queries
        # (a dedup rebuild, a big panel), and the library never prints
        con.execute("SET enable_progress_bar = false")
        return con

    def _tables(self) -> set[str]:
        rows = self._con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_catalog = current_database()"
        ).fetchall()
        return {row[0] for row in rows}

    def _check_schema(self) -> None:
        tables = self._tables()
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: a DuckDB database, but not a détente store")
            if self.read_only:
                raise StoreError(f"{self.path}: an empty database, not a détente store")
            self._create_schema()
            return
        rows = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        found = rows[0][0] if rows else None
        if found == str(SCHEMA_VERSION):
            return
        version = int(found) if found is not None and found.isdigit() else None
        if version is not None and version < SCHEMA_VERSION:
            if self.read_only:
                raise SchemaVersionError(
                    f"{self.path}: the store has schema version {version}, older than this "
                    f"détente's {SCHEMA_VERSION}; open it once for writing to upgrade it "
                    "(`detente dedup` or Store.deduplicate() does)"
                )
            self._migrate(version)
            return
        raise SchemaVersionError(
            f"{self.path}: the store has schema version {found}, but this détente "
            f"reads schema version {SCHEMA_VERSION}; open it with the détente that "
            "wrote it, or code the articles again into a new store file"
        )

    def _migrate(self, version: int) -> None:
        """Bring an older store up to ``SCHEMA_VERSION``, one step (and transaction) at a time."""
        for step in pending(version):
            with self._transaction(
                f"upgrade the store to schema version {step.version} ({step.name})"
            ):
                for statement in step.statements:
                    self._con.execute(statement)
                self._con.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step.version)]
                )

    def _create_schema(self) -> None:
        with self._transaction("create the store"):
            for statement in create_statements():
                self._con.execute(statement)

    @contextlib.contextmanager
    def _transaction(self, doing: str) -> Iterator[None]:
        """One transaction: committed whole, or rolled back with a StoreError saying what
        could not be done (and the first line of DuckDB's reason)."""
        self._con.begin()
        try:
            yield
            self._con.commit()
        except duckdb.Error as e:
            self._rollback()
            raise StoreError(f"{self.path}: cannot {doing}: {_first_line(e)}") from e
        except BaseException:
            self._rollback()
            raise

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new DuckDB connection to this store for another thread (a connection must not be
        shared between threads); it has the store's mode and sees the same data."""
        return self._con.cursor()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        return f"<détente Store {str(self.path)!r} {mode}>"

    # -- low level -------------------------------------------------------------------------

    def _query(self, query: str, params: Sequence[Any] | dict | None = None) -> pd.DataFrame:
        try:
            cursor = self._con.execute(query, params)
            if cursor.description is None:
                return pd.DataFrame()
            return cursor.df()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: query failed: {_first_line(e)}") from e

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(
                f"{self.path}: opened read-only; open it with read_only=False to write"
            )

    def _unregister(self, name: str) -> None:
        """Drop a registered batch. After a failed statement the transaction is aborted
        and unregistering fails too ("Current transaction is aborted"): that second error
        must not replace the real one, and the view goes with the rollback anyway."""
        try:
            self._con.unregister(name)
        except duckdb.Error:
            pass

    def _rollback(self) -> None:
        try:
            self._con.rollback()
        except duckdb.Error:
            # The transaction is already gone (a failed commit ends it); the error that
            # brought us here is the one worth reporting.
            pass

    def _insert(self, table: str, batch: pa.Table, *, upsert: bool = False) -> None:
        if batch.num_rows == 0:
            return
        names = ", ".join(batch.column_names)
        source = f"SELECT {names} FROM _detente_batch"
        if table in SEQUENCES and table != "runs":
            id_column = TABLES[table][0].name
            names = f"{id_column}, {names}"
            source = f"SELECT nextval('{SEQUENCES[table]}'), * FROM ({source})"
        verb = "INSERT OR REPLACE INTO" if upsert else "INSERT INTO"
        self._con.register("_detente_batch", batch)
        try:
            self._con.execute(f"{verb} {table} ({names}) {source}")
        finally:
            self._unregister("_detente_batch")

    # -- writing ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        require("doc_id", doc_id, str, "a string")
        rows = self._fetch(
            "SELECT 1 FROM documents WHERE doc_id = ?", [doc_id], doing="look up a document"
        )
        return bool(rows)

    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of ``doc_ids`` are stored (one query for the whole lot)."""
        wanted = pa.table({"doc_id": pa.array(list(set(doc_ids)), pa.string())})
        if wanted.num_rows == 0:
            return set()
        self._con.register("_detente_ids", wanted)
        try:
            rows = self._fetch(
                "SELECT d.doc_id FROM documents d JOIN _detente_ids w ON d.doc_id = w.doc_id",
                doing="look up stored documents",
            )
        finally:
            self._unregister("_detente_ids")
        return {row[0] for row in rows}

    def begin_run(self, *, command: str, args: dict, provenance: dict | None = None) -> int:
        """Record a run (status "running") and return its id.

        ``provenance`` (``detente.provenance.Provenance.as_dict()``) says what codes the
        run: détente's version, the model and the knowledge and dictionary hashes.
        A writer holds DuckDB's file lock, so a run still marked "running" when a new
        one begins belongs to a process that died (``kill -9``, power loss): mark it.
        """
        self._require_writable()
        provenance = provenance or {}
        names = [col.name for col in RUN_PROVENANCE]
        unknown = set(provenance) - set(names)
        if unknown:
            raise UsageError(f"unknown provenance fields: {', '.join(sorted(unknown))}")
        doing = "write to the store"
        self._fetch("UPDATE runs SET status = 'killed' WHERE status = 'running'", doing=doing)
        rows = self._fetch(
            f"INSERT INTO runs (run_id, command, args, started_at, status, {', '.join(names)}) "
            f"VALUES (nextval('run_ids'), ?, ?, ?, 'running', {', '.join('?' for _ in names)}) "
            "RETURNING run_id",
            [
                command,
                json.dumps(args, default=str, ensure_ascii=False),
                _utc_now(),
                *(provenance.get(name) for name in names),
            ],
            doing=doing,
        )
        return int(rows[0][0])

    def finish_run(self, run_id: int, *, status: str, summary: dict) -> None:
        """Close a run: ``status`` is e.g. "finished", "failed" or "interrupted".

        The deduplication layer is brought up to date first, so every reader of a
        finished run sees its events deduplicated.
        """
        self._require_writable()
        self._refresh_dedup()
        rows = self._fetch(
            "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE run_id = ? "
            "RETURNING run_id",
            [_utc_now(), status, json.dumps(summary, default=str, ensure_ascii=False), run_id],
            doing="close the run",
        )
        if not rows:
            raise StoreError(f"{self.path}: there is no run {run_id}")

    def write_results(self, results: Sequence[DocResult], *, run_id: int) -> int:
        """Store a batch of documents with everything coded from them, in one transaction.

        Documents already stored (same text, same ``doc_id``) are skipped with their
        records and problems, so writing the same batch twice adds nothing; where each
        result came from is kept in ``document_refs`` either way.
        Returns the number of documents added.
        """
        self._require_writable()
        if not results:
            return 0
        with self._transaction("write a batch of results"):
            known = self.known_doc_ids(result.article.doc_id for result in results)
            new: dict[str, DocResult] = {}
            for result in results:
                doc_id = result.article.doc_id
                if doc_id not in known and doc_id not in new:
                    new[doc_id] = result
            now = _utc_now()
            if new:
                batches = build_batches(list(new.values()), run_id=run_id, added_at=now)
                self._insert_batches(batches)
            # every source record is kept, also of a document stored before or twice here
            articles = [result.article for result in results]
            self._insert_refs(refs_table(articles, run_id=run_id, added_at=now))
        return len(new)

    def write_batches(self, batches: Mapping[str, pa.Table], *, run_id: int) -> int:
        """Store batches built elsewhere (a partition read from Parquet parts) in one
        transaction, exactly once by ``doc_id``: documents already stored are skipped with
        every row that carries their ``doc_id`` (their ``document_refs`` rows are kept, as
        ``write_results`` keeps them), and ``run_id`` replaces the batches' own.
        Returns the number of documents added."""
        self._require_writable()
        documents = batches["documents"]
        with self._transaction("write a batch of parts"):
            known = self.known_doc_ids(documents.column("doc_id").to_pylist())
            new_ids = pc.unique(
                documents.column("doc_id").filter(
                    pc.invert(
                        pc.is_in(documents.column("doc_id"), pa.array(sorted(known), pa.string()))
                    )
                )
            )
            if len(new_ids):
                self._insert_batches(
                    {
                        table: _for_run(_of_documents(b, new_ids), run_id)
                        for table, b in batches.items()
                        if table != "document_refs"
                    }
                )
            if "document_refs" in batches:
                self._insert_refs(_for_run(batches["document_refs"], run_id))
        return len(new_ids)

    def _insert_batches(self, batches: Mapping[str, pa.Table]) -> None:
        for table, batch in batches.items():
            self._insert(table, batch, upsert=table in ("actors", "places"))

    def add_refs(self, articles: Sequence[Article], *, run_id: int) -> int:
        """Keep the source records of articles whose text is already stored (``document_refs``);
        returns how many were new (a re-run of the same record adds nothing)."""
        self._require_writable()
        if not articles:
            return 0
        return self.add_ref_rows(
            refs_table(articles, run_id=run_id, added_at=_utc_now()), run_id=run_id
        )

    def add_ref_rows(self, refs: pa.Table, *, run_id: int) -> int:
        """``add_refs`` for rows built elsewhere (``refs_table``, e.g. read from Parquet
        parts); ``run_id`` replaces the rows' own. Returns how many were new."""
        self._require_writable()
        with self._transaction("write document references"):
            return self._insert_refs(_for_run(refs, run_id))

    def _insert_refs(self, batch: pa.Table) -> int:
        if batch.num_rows == 0:
            return 0
        names = ", ".join(batch.column_names)
        self._con.register("_detente_refs", batch)
        try:
            rows = self._con.execute(
                f"INSERT INTO document_refs ({names}) SELECT DISTINCT ON (doc_id, ref, record, "
                f"path) {names} FROM _detente_refs b WHERE {NEW_REFS.format(alias='b')}"
            ).fetchall()
        finally:
            self._unregister("_detente_refs")
        return int(rows[0][0]) if rows else 0

    def write_problems(self, problems: Sequence[Problem], *, run_id: int) -> None:
        """Store problems (one transaction). A warning already recorded for the same input
        (same ref, record, reason, detail and document) is not recorded again: re-runs add
        none."""
        self._require_writable()
        if not problems:
            return
        batch = errors_table(problems, run_id=run_id, noted_at=_utc_now())
        names = ", ".join(batch.column_names)
        with self._transaction("write problems"):
            self._con.register("_detente_errors", batch)
            try:
                self._con.execute(
                    f"INSERT INTO errors ({names}) SELECT {names} FROM _detente_errors b "
                    f"WHERE b.severity <> 'warning' OR NOT EXISTS ({_SAME_WARNING}) "
                    "QUALIFY b.severity <> 'warning' OR row_number() OVER (PARTITION BY "
                    "b.ref, b.record, b.reason, b.detail, b.doc_id) = 1"
                )
            finally:
                self._unregister("_detente_errors")

    # -- the deduplication layer -----------------------------------------------------------

    def deduplicate(self, *, window_days: int | None = None) -> dict:
        """Rebuild the deduplicated events (``detente.store.dedup``) and return their counts.

        ``window_days``: story events of the same source, target and code less than this
        many days apart are one event (default: the store's current window, else 1). The
        window is kept in the store and reused by later runs.
        """
        self._require_writable()
        if window_days is None:
            state = dedup.stored_state(self._con)
            window_days = state.window_days if state else dedup.DEFAULT_WINDOW_DAYS
        self._rebuild_dedup(window_days)
        return self.dedup_summary()

    def _rebuild_dedup(self, window_days: int) -> None:
        with self._transaction("deduplicate events"):
            dedup.rebuild(self._con, window_days=window_days)

    def _refresh_dedup(self) -> None:
        if not dedup.is_current(self._con):
            state = dedup.stored_state(self._con)
            self._rebuild_dedup(state.window_days if state else dedup.DEFAULT_WINDOW_DAYS)

    def _dedup_ready(self) -> None:
        """Make sure the deduplicated events reflect every stored event."""
        if dedup.is_current(self._con):
            return
        if self.read_only:
            raise StoreError(
                f"{self.path}: the deduplicated events are out of date (a run did not finish); "
                "rebuild them once with `detente dedup` (or Store.deduplicate())"
            )
        self._refresh_dedup()

    def dedup_summary(self) -> dict:
        """How much deduplication removes: mentions, story events and deduplicated events,
        overall and for occurred events (asserted, not negated), and the window used."""
        self._dedup_ready()
        occurred_e = Factuality().sql("e")
        occurred_c = Factuality().sql("c")
        ((events, occurred, stories, occurred_stories),) = self._con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {occurred_e}), "
            "count(DISTINCT x.story_id), "
            f"count(DISTINCT x.story_id) FILTER (WHERE {occurred_e}) "
            "FROM events e LEFT JOIN event_dedup x USING (event_id)"
        ).fetchall()
        ((clusters, occurred_clusters, multi),) = self._con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {occurred_c}), "
            f"count(*) FILTER (WHERE {occurred_c} AND num_articles > 1) FROM event_clusters c"
        ).fetchall()
        state = dedup.stored_state(self._con)
        return {
            "window_days": state.window_days if state else dedup.DEFAULT_WINDOW_DAYS,
            "events": int(events),
            "story_events": int(stories),
            "deduplicated_events": int(clusters),
            "occurred_events": int(occurred),
            "occurred_story_events": int(occurred_stories),
            "occurred_deduplicated_events": int(occurred_clusters),
            "occurred_in_several_articles": int(multi),
        }

    # -- queries for notebooks -------------------------------------------------------------

    def documents(
        self,
        *,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored documents, oldest first (undated last). ``meta`` holds the record fields
        détente does not map, as JSON (AllSides ``bias_text``, ``topic`` ...)."""
        where = Where()
        if doc_id is not None:
            require("doc_id", doc_id, str, "a string")
            where.add("doc_id = ?", doc_id)
        where.dates("date", date_from, date_to)
        return self._query(
            f"SELECT * FROM documents {where.sql()} ORDER BY date NULLS LAST, ref, doc_id"
            f"{limit_sql(limit)}",
            where.params,
        )

    def mentions(
        self,
        *,
        actor: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Actor and place mentions, with their document's ``ref``, ``title`` and ``date``.

        ``actor`` matches an actor_id ("shinzo-abe"), a code prefix ("JPNGOV", "JPN"),
        an ISO3 country, or whole words of the canonical name ("abe", "Shinzo Abe").
        """
        where = Where()
        if actor is not None:
            clause, params = actor_clause(
                actor, actor_id="m.actor_id", name="m.name", code="m.code", country="m.country"
            )
            where.add(clause, *params)
        return self._rows_with_documents(
            "mentions m", "d.ref, d.title, d.date", where, doc_id, date_from, date_to, limit=limit
        )

    def quotes(
        self,
        *,
        actor: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Quotes with their document's ``ref``, ``title`` and ``date``; ``actor`` matches
        the speaker by id, code prefix, or whole words of the name or of the speaker text."""
        where = Where()
        if actor is not None:
            clause, params = actor_clause(
                actor,
                actor_id="q.speaker_id",
                name="q.speaker_name",
                code="q.speaker_actor",
                country=None,
                text="q.speaker",
            )
            where.add(clause, *params)
        return self._rows_with_documents(
            "quotes q", "d.ref, d.title, d.date", where, doc_id, date_from, date_to, limit=limit
        )

    def events(
        self,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        cameo: str | None = None,
        plover: str | None = None,
        quad_class: int | Sequence[int] | None = None,
        modality: str | None = None,
        negated: bool | None = None,
        occurred: bool | None = None,
        cluster_id: int | None = None,
        min_confidence: float = 0.0,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Every stored event (each mention), with its document's date, ref, title, url and outlet.

        ``actor`` matches source or target, ``source``/``target`` one side (an actor id, a
        code prefix, an ISO3 country or whole words of a name, as in ``mentions``);
        ``cameo`` is a code prefix ("04" finds "042"), ``plover`` a category (any case),
        ``quad_class`` one class or several. Factuality: ``occurred=True`` keeps asserted,
        non-negated events (what panels count), ``occurred=False`` the others;
        ``modality`` ("intended") and ``negated`` filter on one field each.
        ``cluster_id`` gives the mentions of one deduplicated event (its evidence).
        ``min_confidence`` keeps events whose confidence (the acceptor's probability that
        the event is right) is at least that, here and in every query below.
        Dates filter on the event's date, or its document's date when it has none.
        """
        where = Where()
        _event_filters(where, "e", actor, source, target, cameo, plover, quad_class)
        if modality is not None:
            where.add("e.modality = ?", _text_arg("modality", modality).lower())
        if negated is not None:
            where.add("e.negated = ?", _bool_arg("negated", negated))
        if occurred is not None:
            test = Factuality().sql("e")
            where.add(test if _bool_arg("occurred", occurred) else f"NOT {test}")
        if min_confidence:
            where.add(
                Factuality(
                    asserted_only=False, include_negated=True, min_confidence=min_confidence
                ).sql("e")
            )
        if cluster_id is not None:
            self._dedup_ready()
            where.add(
                "e.event_id IN (SELECT event_id FROM event_dedup WHERE cluster_id = ?)",
                int(cluster_id),
            )
        return self._rows_with_documents(
            "events e",
            "d.date AS doc_date, d.ref, d.title, d.url, d.source AS outlet",
            where,
            doc_id,
            date_from,
            date_to,
            date_column="coalesce(e.date, d.date)",
            limit=limit,
        )

    def deduplicated_events(
        self,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        cameo: str | None = None,
        plover: str | None = None,
        quad_class: int | Sequence[int] | None = None,
        asserted_only: bool = True,
        include_negated: bool = False,
        min_confidence: float = 0.0,
        min_articles: int | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Deduplicated events (``event_clusters``): one row per happening, with
        ``num_mentions``, ``num_stories``, ``num_articles``, ``num_sources``,
        ``is_root_event`` and the evidence (``event_ids``, ``doc_ids``). Filters as in
        ``events``; occurred events only unless ``asserted_only``/``include_negated`` say
        otherwise. Undated events come last."""
        self._dedup_ready()
        where = Where()
        where.add(
            Factuality(asserted_only, include_negated, min_confidence).sql("c", clusters=True)
        )
        _event_filters(where, "c", actor, source, target, cameo, plover, quad_class)
        if min_articles is not None:
            where.add("c.num_articles >= ?", int(min_articles))
        where.dates("c.date", date_from, date_to)
        return self._query(
            f"SELECT c.* FROM event_clusters c {where.sql()} "
            f"ORDER BY c.date NULLS LAST, c.cluster_id{limit_sql(limit)}",
            where.params,
        )

    def _rows_with_documents(
        self,
        table_alias: str,
        document_columns: str,
        where: Where,
        doc_id: str | None,
        date_from: DateLike,
        date_to: DateLike,
        *,
        date_column: str = "d.date",
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Rows of ``table_alias`` ("mentions m") joined to their documents, narrowed to one
        doc and a date range, in date then text order (shared by mentions/quotes/events)."""
        alias = table_alias.split()[1]
        if doc_id is not None:
            require("doc_id", doc_id, str, "a string")
            where.add(f"{alias}.doc_id = ?", doc_id)
        where.dates(date_column, date_from, date_to)
        return self._query(
            f"SELECT {alias}.*, {document_columns} FROM {table_alias} JOIN documents d "
            f"USING (doc_id) {where.sql()} "
            f"ORDER BY {date_column} NULLS LAST, {alias}.doc_id, {alias}.start_char"
            f"{limit_sql(limit)}",
            where.params,
        )

    def actors(self, *, actor: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Canonical actors with how many mentions each has in the store."""
        where = Where()
        if actor is not None:
            clause, params = actor_clause(
                actor, actor_id="a.actor_id", name="a.name", code="a.code", country="a.country"
            )
            where.add(clause, *params)
        return self._query(
            "SELECT a.*, coalesce(m.mentions, 0) AS mentions FROM actors a LEFT JOIN "
            "(SELECT actor_id, count(*) AS mentions FROM mentions GROUP BY actor_id) m "
            f"USING (actor_id) {where.sql()} ORDER BY mentions DESC, a.actor_id{limit_sql(limit)}",
            where.params,
        )

    def places(self, *, limit: int | None = None) -> pd.DataFrame:
        """Canonical places with how many mentions each has in the store."""
        return self._query(
            "SELECT p.*, coalesce(m.mentions, 0) AS mentions FROM places p LEFT JOIN "
            "(SELECT place_id, count(*) AS mentions FROM mentions GROUP BY place_id) m "
            f"USING (place_id) ORDER BY mentions DESC, p.place_id{limit_sql(limit)}"
        )

    def errors(self, *, run_id: int | None = None, limit: int | None = None) -> pd.DataFrame:
        where = Where()
        if run_id is not None:
            require("run_id", run_id, int, "an integer")
            where.add("run_id = ?", run_id)
        return self._query(
            f"SELECT * FROM errors {where.sql()} ORDER BY noted_at, ref{limit_sql(limit)}",
            where.params,
        )

    def runs(self, *, limit: int | None = None) -> pd.DataFrame:
        return self._query(f"SELECT * FROM runs ORDER BY run_id{limit_sql(limit)}")

    def dyad(
        self,
        a: str,
        b: str,
        *,
        freq: str = "month",
        both_directions: bool = True,
        date_from: DateLike = None,
        date_to: DateLike = None,
        dedup: bool = True,
        asserted_only: bool = True,
        include_negated: bool = False,
        min_confidence: float = 0.0,
    ) -> pd.DataFrame:
        """Events between two actors per period, zero-filled.

        ``a`` and ``b``: an ISO3 country or a CAMEO code prefix typed in capitals ("JPN",
        "USAGOV"), an actor id ("person:shinzo-abe") or whole words of a stored name
        ("Donald Trump"); an actor no event has raises NotFoundError with suggestions.
        Counts deduplicated events (``dedup=False``: every mention) that occurred
        (``asserted_only``/``include_negated`` widen that); a symmetric pair ("Abe met
        Trump" coded both ways) counts once. Events without a date are left out.
        Columns: period, events, a_to_b, b_to_a, verbal_cooperation, material_cooperation,
        verbal_conflict, material_conflict, cooperative, conflictual, goldstein_mean,
        goldstein_sum, articles (distinct documents).
        """
        if dedup:
            self._dedup_ready()
        return dyads.dyad(
            self._con,
            a,
            b,
            freq=freq,
            both_directions=both_directions,
            factuality=Factuality(asserted_only, include_negated, min_confidence),
            dedup=dedup,
            date_from=date_from,
            date_to=date_to,
        )

    def panel(
        self,
        unit: str = "country-month",
        *,
        directed: bool = True,
        role: str = "any",
        date_from: DateLike = None,
        date_to: DateLike = None,
        countries: Sequence[str] | None = None,
        dedup: bool = True,
        asserted_only: bool = True,
        include_negated: bool = False,
        min_confidence: float = 0.0,
        articles: bool = True,
        max_rows: int = panels.DEFAULT_MAX_ROWS,
    ) -> pd.DataFrame:
        """A zero-filled panel of event counts: ``unit`` is ``country-`` or ``dyad-`` with
        ``day``, ``week``, ``month``, ``quarter`` or ``year`` ("country-month", "dyad-day").

        Rows: every period from ``date_from`` (else the first event) to ``date_to`` (else
        the last) for every unit seen in that range, or for every listed country (and pair
        of listed countries, itself included). Dyads are directed (``source_country``,
        ``target_country``) or undirected (``country_a`` < ``country_b``; a symmetric pair
        counts once). Country panels count the events a country takes part in (``role``:
        any, source or target; a symmetric pair is one event for each country). Each unit carries its COW and Gleditsch–Ward codes.
        Columns: events, the four quad classes, one per PLOVER category, goldstein_sum,
        goldstein_mean (NULL without events), articles (distinct documents; ``articles=False``
        leaves that column out). Deduplicated panels read the panel layer
        (``detente.store.panel_layer``); ``min_confidence`` or ``dedup=False`` scan the events.
        Counts deduplicated, occurred events by default (see ``dyad``); events whose
        country is unknown (international organizations, unresolved actors) are left out.
        """
        spec = panels.PanelSpec.parse(unit, directed=directed, role=role)
        if dedup:
            self._dedup_ready()
        return panels.panel(
            self._con,
            spec,
            factuality=Factuality(asserted_only, include_negated, min_confidence),
            dedup=dedup,
            date_from=date_from,
            date_to=date_to,
            countries=countries,
            articles=articles,
            max_rows=max_rows,
        )

    def document_result(self, key: str) -> DocResult:
        """A stored document with its records (as the pipeline produced them), found by
        ``doc_id`` or by ``ref``; for ``detente brief --db``."""
        from detente.store.readback import doc_result

        rows = self._con.execute(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR ref = ? ORDER BY doc_id LIMIT 2",
            [key, key],
        ).fetchall()
        if not rows:
            raise NotFoundError(f"{self.path}: no stored document has doc_id or ref {key!r}")
        if len(rows) > 1:
            raise UsageError(f"{self.path}: several documents have ref {key!r}; give the doc_id")
        return doc_result(self._con, rows[0][0])

    def stats(self) -> dict:
        """What the store holds, as one flat dict (easy to print as a two-column table).

        Keys: ``path``, ``schema_version``, the row count of every table (``documents``,
        ``mentions``, ``actors``, ``places``, ``quotes``, ``events``, ``errors``, ``runs``),
        ``date_from``/``date_to`` (documents' date range), ``undated_documents``, and
        ``last_run_id``/``last_run_command``/``last_run_status``/``last_run_started_at``/
        ``last_run_finished_at`` (None when the store has no run yet).
        """
        counts = {table: self._count(table) for table in TABLES if table != "meta"}
        ((first, last, undated),) = self._fetch(
            "SELECT min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM documents",
            doing="read the store",
        )
        last_runs = self._fetch(
            "SELECT run_id, command, status, started_at, finished_at FROM runs "
            "ORDER BY run_id DESC LIMIT 1",
            doing="read the store",
        )
        last_run = last_runs[0] if last_runs else (None,) * 5
        fields = ("id", "command", "status", "started_at", "finished_at")
        return {
            "path": str(self.path),
            "schema_version": SCHEMA_VERSION,
            **counts,
            "date_from": first,
            "date_to": last,
            "undated_documents": int(undated),
            **{f"last_run_{field}": value for field, value in zip(fields, last_run, strict=True)},
        }

    def _count(self, table: str) -> int:
        ((count,),) = self._fetch(f"SELECT count(*) FROM {table}", doing="read the store")
        return int(count)

    def sql(self, query: str, params: Sequence[Any] | dict | None = None) -> pd.DataFrame:
        """Run any SQL on the store; the result as a DataFrame. A read-only store cannot
        reach files outside itself (``COPY ... TO``, ``ATTACH``, ``read_csv`` are refused)."""
        require("query", query, str, "an SQL string")
        if params is not None:
            require("params", params, list | tuple | dict, "a list, tuple or dict")
        return self._query(query, params)

    def export(
        self,
        table: str,
        out: str | Path | BinaryIO,
        *,
        fmt: str | None = None,
        force: bool = False,
        header: bool | None = None,
        asserted_only: bool = True,
        include_negated: bool = False,
        min_confidence: float = 0.0,
    ) -> int:
        """Write a table to a file (or a binary stream); returns the number of rows written.

        ``fmt``: parquet | csv | jsonl for any table; gdelt (GDELT 2.0 event table), plover
        (PLOVER JSON lines) and polecat (POLECAT-style TSV) for ``events``. Without ``fmt``
        the format comes from the file name (``.parquet``, ``.csv``, ``.jsonl``,
        ``.gdelt.tsv``/``.export.csv``, ``.plover.jsonl``, ``.polecat.tsv``); a format that
        contradicts the file name is refused. An existing file is kept unless ``force``;
        a DuckDB file (a store) is never overwritten. The GDELT, PLOVER and POLECAT exports
        hold occurred events only unless ``asserted_only``/``include_negated`` say otherwise.
        See docs/exports.md.
        """
        require("table", table, str, "a table name")
        if fmt is not None:
            require("fmt", fmt, str, "a format name")
        request = exporting.ExportRequest.build(
            table, out, fmt=fmt, force=force, header=header, store_path=self.path
        )
        if request.fmt in exporting.EVENT_FORMATS or table in ("events", *DERIVED):
            self._dedup_ready()
        factuality = Factuality(asserted_only, include_negated, min_confidence)
        if not self.read_only:
            return exporting.export(self._con, request, factuality=factuality)
        # A sealed read-only connection cannot write files: exports (our own SQL, to the
        # file asked for) use a private connection to the same file, read-only too.
        with self._export_connection() as con:
            return exporting.export(con, request, factuality=factuality)

    @contextlib.contextmanager
    def _export_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            con = duckdb.connect(":memory:")
            con.execute("SET enable_progress_bar = false")
            con.execute(f"ATTACH {_sql_string(str(self.path))} AS detente_store (READ_ONLY)")
            con.execute("USE detente_store")
        except duckdb.Error as e:
            raise StoreError(
                f"{self.path}: cannot open the store to export: {_first_line(e)}"
            ) from e
        try:
            yield con
        finally:
            con.close()
