"""The DuckDB store: opening, writing batches of results, and notebook queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from detente.errors import SchemaVersionError, StoreError, UsageError, require
from detente.records import Article, DocResult, Problem
from detente.store import export as exporting
from detente.store.batches import build_batches, errors_table, parse_date, refs_table
from detente.store.schema import (
    NEW_REFS,
    SCHEMA_VERSION,
    SEQUENCES,
    TABLES,
    create_statements,
    migrations_after,
)

# date_trunc part and the step between consecutive periods, for dyad().
_PERIODS = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 7 DAY"),
    "month": ("month", "INTERVAL 1 MONTH"),
    "quarter": ("quarter", "INTERVAL 3 MONTH"),
    "year": ("year", "INTERVAL 1 YEAR"),
}

DateLike = str | dt.date | None


def _utc_now() -> dt.datetime:
    # Stored as naive UTC (TIMESTAMP): tz-aware columns would make pandas depend on tz data.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _Filter:
    """WHERE clauses and their parameters, built up by the query methods."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def where(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def dates(self, column: str, date_from: DateLike, date_to: DateLike) -> None:
        if date_from is not None:
            self.add(f"{column} >= ?", _date_arg("date_from", date_from))
        if date_to is not None:
            self.add(f"{column} <= ?", _date_arg("date_to", date_to))


def _date_arg(name: str, value: DateLike) -> dt.date:
    try:
        parsed = parse_date(value)
    except (ValueError, TypeError) as e:
        raise UsageError(f"{name}={value!r} is not a date (use YYYY-MM-DD)") from e
    if parsed is None:
        raise UsageError(f"{name} is not a date")
    return parsed


def _actor_clause(
    actor: str,
    *,
    actor_id: str,
    name: str,
    code: str,
    country: str | None,
    text: str | None = None,
) -> tuple[str, list[Any]]:
    """SQL matching ``actor`` as an actor_id, a code prefix, an ISO3 country, or whole
    words of a name ("abe" finds "Shinzo Abe" but not "Abed"; "usa" not "Jerusalem")."""
    require("actor", actor, str, "a string")
    actor = actor.strip()
    if not actor:
        raise UsageError("actor must not be empty")
    upper = actor.upper()
    # Word edges by Unicode letters and digits (RE2's \b knows only ASCII words).
    words = r"(?:^|[^\pL\pN])" + re.escape(actor) + r"(?:$|[^\pL\pN])"
    parts = [f"{actor_id} = ?", f"{code} LIKE ? ESCAPE '\\'", f"regexp_matches({name}, ?, 'i')"]
    params: list[Any] = [actor, _like_escape(upper) + "%", words]
    if country is not None:
        parts.append(f"{country} = ?")
        params.append(upper)
    if text is not None:
        parts.append(f"regexp_matches({text}, ?, 'i')")
        params.append(words)
    return "(" + " OR ".join(parts) + ")", params


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
                f"(DuckDB keeps {self.path.name}.wal next to the store); choose a --db in a "
                "writable folder"
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
            "again into a new --db"
        )

    def _fetch(self, query: str, params: Sequence[Any] | None = None, *, doing: str) -> list:
        """Rows of one statement; a DuckDB failure becomes a StoreError saying what failed."""
        try:
            return self._con.execute(query, params).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot {doing}: {_first_line(e)}") from e

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as e:
            message = str(e)
            if "not a valid DuckDB database" in message:
                raise StoreError(f"{self.path}: not a détente store (not a DuckDB file)") from e
            if "Could not set lock" in message:
                pid = re.search(r"PID (\d+)", message)
                holder = f" (PID {pid.group(1)})" if pid else ""
                raise StoreError(
                    f"{self.path}: the store is in use by another process{holder}; "
                    "wait for it to finish or choose another --db"
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
        older = found is not None and found.isdigit() and int(found) < SCHEMA_VERSION
        if older and not self.read_only:
            self._migrate(int(found))
            return
        if older:
            raise SchemaVersionError(
                f"{self.path}: the store has schema version {found}, and this détente reads "
                f"schema version {SCHEMA_VERSION}; open it for writing once to upgrade it "
                "(any `detente run --db` on it, or detente.open(path, read_only=False))"
            )
        raise SchemaVersionError(
            f"{self.path}: the store has schema version {found}, but this détente "
            f"reads schema version {SCHEMA_VERSION}; open it with the détente that "
            "wrote it, or code the articles again into a new --db"
        )

    def _migrate(self, version: int) -> None:
        """Bring a store of an older schema ``version`` up to date, one step per version,
        each in its own transaction with its version bump (a crash keeps whole steps)."""
        for step in migrations_after(version):
            doing = f"upgrade the store to schema version {step.version} ({step.what})"
            with self._transaction(doing):
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

    def begin_run(self, *, command: str, args: dict) -> int:
        """Record a run (status "running") and return its id.

        A writer holds DuckDB's file lock, so a run still marked "running" when a new
        one begins belongs to a process that died (``kill -9``, power loss): mark it.
        """
        self._require_writable()
        doing = "write to the store"
        self._fetch("UPDATE runs SET status = 'killed' WHERE status = 'running'", doing=doing)
        rows = self._fetch(
            "INSERT INTO runs (run_id, command, args, started_at, status) "
            "VALUES (nextval('run_ids'), ?, ?, ?, 'running') RETURNING run_id",
            [command, json.dumps(args, default=str, ensure_ascii=False), _utc_now()],
            doing=doing,
        )
        return int(rows[0][0])

    def finish_run(self, run_id: int, *, status: str, summary: dict) -> None:
        """Close a run: ``status`` is e.g. "finished", "failed" or "interrupted"."""
        self._require_writable()
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
                for table, batch in batches.items():
                    self._insert(table, batch, upsert=table in ("actors", "places"))
            # every source record is kept, also of a document stored before or twice here
            articles = [result.article for result in results]
            self._insert_refs(refs_table(articles, run_id=run_id, added_at=now))
        return len(new)

    def add_refs(self, articles: Sequence[Article], *, run_id: int) -> int:
        """Keep the source records of articles whose text is already stored (``document_refs``);
        returns how many were new (a re-run of the same record adds nothing)."""
        self._require_writable()
        if not articles:
            return 0
        batch = refs_table(articles, run_id=run_id, added_at=_utc_now())
        with self._transaction("write document references"):
            return self._insert_refs(batch)

    def _insert_refs(self, batch: pa.Table) -> int:
        if batch.num_rows == 0:
            return 0
        names = ", ".join(batch.column_names)
        self._con.register("_detente_refs", batch)
        try:
            rows = self._con.execute(
                f"INSERT INTO document_refs ({names}) SELECT DISTINCT ON (doc_id, ref, record) "
                f"{names} FROM _detente_refs b WHERE {NEW_REFS.format(alias='b')}"
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

    # -- queries for notebooks -------------------------------------------------------------

    def documents(
        self,
        *,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored documents, oldest first (undated last)."""
        where = _Filter()
        if doc_id is not None:
            require("doc_id", doc_id, str, "a string")
            where.add("doc_id = ?", doc_id)
        where.dates("date", date_from, date_to)
        tail = ""
        if limit is not None:
            require("limit", limit, int, "an integer")
            if limit < 0:
                raise UsageError(f"limit={limit} must be zero or more")
            tail = f" LIMIT {int(limit)}"
        return self._query(
            f"SELECT * FROM documents {where.where()} ORDER BY date NULLS LAST, ref, doc_id{tail}",
            where.params,
        )

    def mentions(
        self,
        *,
        actor: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
    ) -> pd.DataFrame:
        """Actor and place mentions, with their document's ``ref``, ``title`` and ``date``.

        ``actor`` matches an actor_id ("shinzo-abe"), a code prefix ("JPNGOV", "JPN"),
        an ISO3 country, or whole words of the canonical name ("abe", "Shinzo Abe").
        """
        where = _Filter()
        if actor is not None:
            clause, params = _actor_clause(
                actor, actor_id="m.actor_id", name="m.name", code="m.code", country="m.country"
            )
            where.add(clause, *params)
        return self._rows_with_documents(
            "mentions m", "d.ref, d.title, d.date", where, doc_id, date_from, date_to
        )

    def quotes(
        self,
        *,
        actor: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
    ) -> pd.DataFrame:
        """Quotes with their document's ``ref``, ``title`` and ``date``; ``actor`` matches
        the speaker by id, code prefix, or whole words of the name or of the speaker text."""
        where = _Filter()
        if actor is not None:
            clause, params = _actor_clause(
                actor,
                actor_id="q.speaker_id",
                name="q.speaker_name",
                code="q.speaker_actor",
                country=None,
                text="q.speaker",
            )
            where.add(clause, *params)
        return self._rows_with_documents(
            "quotes q", "d.ref, d.title, d.date", where, doc_id, date_from, date_to
        )

    def events(
        self,
        *,
        actor: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        cameo: str | None = None,
        plover: str | None = None,
    ) -> pd.DataFrame:
        """Events; ``actor`` matches source or target (as in ``mentions``), ``cameo`` is a
        code prefix ("04" finds "042"), ``plover`` a category (any case).

        Dates filter on the event's date, or its document's date when it has none.
        """
        where = _Filter()
        if actor is not None:
            sides = [
                _actor_clause(
                    actor,
                    actor_id=f"e.{side}_actor_id",
                    name=f"e.{side}_name",
                    code=f"e.{side}_code",
                    country=f"e.{side}_country",
                )
                for side in ("source", "target")
            ]
            where.add(f"({sides[0][0]} OR {sides[1][0]})", *sides[0][1], *sides[1][1])
        if cameo is not None:
            require("cameo", cameo, str, 'a string ("04", "042")')
            where.add("e.cameo LIKE ? ESCAPE '\\'", _like_escape(cameo.strip()) + "%")
        if plover is not None:
            require("plover", plover, str, "a string")
            where.add("upper(e.plover) = ?", plover.strip().upper())
        return self._rows_with_documents(
            "events e",
            "d.date AS doc_date, d.ref, d.title, d.url",
            where,
            doc_id,
            date_from,
            date_to,
            date_column="coalesce(e.date, d.date)",
        )

    def _rows_with_documents(
        self,
        table_alias: str,
        document_columns: str,
        where: _Filter,
        doc_id: str | None,
        date_from: DateLike,
        date_to: DateLike,
        *,
        date_column: str = "d.date",
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
            f"USING (doc_id) {where.where()} "
            f"ORDER BY {date_column} NULLS LAST, {alias}.doc_id, {alias}.start_char",
            where.params,
        )

    def actors(self, *, actor: str | None = None) -> pd.DataFrame:
        """Canonical actors with how many mentions each has in the store."""
        where = _Filter()
        if actor is not None:
            clause, params = _actor_clause(
                actor, actor_id="a.actor_id", name="a.name", code="a.code", country="a.country"
            )
            where.add(clause, *params)
        return self._query(
            "SELECT a.*, coalesce(m.mentions, 0) AS mentions FROM actors a LEFT JOIN "
            "(SELECT actor_id, count(*) AS mentions FROM mentions GROUP BY actor_id) m "
            f"USING (actor_id) {where.where()} ORDER BY mentions DESC, a.actor_id",
            where.params,
        )

    def places(self) -> pd.DataFrame:
        """Canonical places with how many mentions each has in the store."""
        return self._query(
            "SELECT p.*, coalesce(m.mentions, 0) AS mentions FROM places p LEFT JOIN "
            "(SELECT place_id, count(*) AS mentions FROM mentions GROUP BY place_id) m "
            "USING (place_id) ORDER BY mentions DESC, p.place_id"
        )

    def errors(self, *, run_id: int | None = None) -> pd.DataFrame:
        where = _Filter()
        if run_id is not None:
            require("run_id", run_id, int, "an integer")
            where.add("run_id = ?", run_id)
        return self._query(
            f"SELECT * FROM errors {where.where()} ORDER BY noted_at, ref", where.params
        )

    def runs(self) -> pd.DataFrame:
        return self._query("SELECT * FROM runs ORDER BY run_id")

    def dyad(
        self, a: str, b: str, *, freq: str = "month", both_directions: bool = True
    ) -> pd.DataFrame:
        """Events between two actors per period: counts by quad class and mean Goldstein.

        ``a`` and ``b`` are ISO3 countries, code prefixes ("USAGOV") or actor ids.
        Periods without events appear with zero counts. Negated events and events
        with no date (neither their own nor their document's) are left out.
        Columns: period, events, a_to_b, b_to_a, verbal_cooperation,
        material_cooperation, verbal_conflict, material_conflict, cooperative,
        conflictual, goldstein_mean.
        """
        require("a", a, str, "a string")
        require("b", b, str, "a string")
        require("both_directions", both_directions, bool, "True or False")
        if not isinstance(freq, str) or freq not in _PERIODS:
            raise UsageError(f"freq={freq!r}: use one of {', '.join(_PERIODS)}")
        part, step = _PERIODS[freq]

        def side(prefix: str, actor: str) -> tuple[str, list[Any]]:
            if not actor.strip():
                raise UsageError("dyad actors must not be empty")
            upper = actor.strip().upper()
            return (
                f"(e.{prefix}_country = ? OR e.{prefix}_code LIKE ? ESCAPE '\\' "
                f"OR e.{prefix}_actor_id = ?)",
                [upper, _like_escape(upper) + "%", actor.strip()],
            )

        a_src, a_src_p = side("source", a)
        b_tgt, b_tgt_p = side("target", b)
        b_src, b_src_p = side("source", b)
        a_tgt, a_tgt_p = side("target", a)
        a_to_b = f"({a_src} AND {b_tgt})"
        b_to_a = f"({b_src} AND {a_tgt})"
        direction_params = [*a_src_p, *b_tgt_p, *b_src_p, *a_tgt_p]
        keep = f"({a_to_b} OR {b_to_a})" if both_directions else a_to_b
        keep_params = direction_params if both_directions else [*a_src_p, *b_tgt_p]
        query = f"""
            WITH dyad_events AS (
                SELECT CAST(date_trunc('{part}', coalesce(e.date, d.date)) AS DATE) AS period,
                       e.quad_class, e.goldstein,
                       {a_to_b} AS is_a_to_b, {b_to_a} AS is_b_to_a
                FROM events e JOIN documents d USING (doc_id)
                WHERE NOT e.negated AND coalesce(e.date, d.date) IS NOT NULL AND {keep}
            ),
            periods AS (
                SELECT CAST(unnest(generate_series(
                    CAST(min(period) AS TIMESTAMP), CAST(max(period) AS TIMESTAMP), {step}
                )) AS DATE) AS period
                FROM dyad_events
            )
            SELECT p.period,
                   count(de.period) AS events,
                   count(*) FILTER (WHERE de.is_a_to_b) AS a_to_b,
                   count(*) FILTER (WHERE de.is_b_to_a) AS b_to_a,
                   count(*) FILTER (WHERE de.quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE de.quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE de.quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE de.quad_class = 4) AS material_conflict,
                   count(*) FILTER (WHERE de.quad_class IN (1, 2)) AS cooperative,
                   count(*) FILTER (WHERE de.quad_class IN (3, 4)) AS conflictual,
                   avg(de.goldstein) AS goldstein_mean
            FROM periods p LEFT JOIN dyad_events de ON de.period = p.period
            GROUP BY p.period ORDER BY p.period
        """
        return self._query(query, [*direction_params, *keep_params])

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

    def export(self, table: str, path: str | Path, *, fmt: str) -> int:
        """Write a table to a file; returns the number of rows written.

        ``fmt``: parquet | csv | jsonl for any table; gdelt (tab-separated, GDELT
        event columns) and plover (JSON lines) for ``events``.
        """
        require("table", table, str, "a table name")
        require("path", path, (str, os.PathLike), "a path (str or pathlib.Path)")
        require("fmt", fmt, str, "a format name")
        if not self.read_only:
            return exporting.export_table(self._con, table, Path(path), fmt=fmt)
        # A sealed read-only connection cannot write files: exports (our own SQL, to the
        # file asked for) use a private connection to the same file, read-only too.
        try:
            con = duckdb.connect(":memory:")
            con.execute(f"ATTACH {_sql_string(str(self.path))} AS detente_store (READ_ONLY)")
            con.execute("USE detente_store")
        except duckdb.Error as e:
            raise StoreError(
                f"{self.path}: cannot open the store to export: {_first_line(e)}"
            ) from e
        try:
            return exporting.export_table(con, table, Path(path), fmt=fmt)
        finally:
            con.close()
