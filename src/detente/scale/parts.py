"""Parquet parts: what Dask workers write, with the store's schema, to a directory or fsspec URL.

Layout of a parts directory (``--parts DIR``)::

    DIR/_detente_parts.json              marks the directory (format, schema version)
    DIR/runs/<key>.parquet               one row per coding run (its args and provenance)
    DIR/<table>/<key>-p0000012.parquet   one file per partition and table
    DIR/errors/<key>-inputs.parquet      problems found while reading the inputs (client side)

``<key>`` names one run (``20261201T101500Z-3f9a1c``: UTC start, then random hex), so runs
into the same directory never collide and sort by start time. A partition's file names sort
in input order; a partition split after it killed its workers becomes ``-p0000012-d0003``
(one document each), which sorts in the same place.

A partition is complete when its ``documents`` file exists: workers write it last, each file
under a temporary name first, so a reader never sees half a file or a partition without its
records. The column types come from ``detente.store.schema`` (``batch_schema``): a column
added to the store appears in the parts without a change here. Ids the store hands out
(``event_id``, ``quote_id``, ``run_id``) are not in the parts; they are given at load time in
part order, which is input order, so a load gives the same ids as a run in one process.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq

from detente.errors import ClusterError, StoreError
from detente.store.schema import DERIVED, SCHEMA_VERSION, batch_schema

MARKER = "_detente_parts.json"
FORMAT = "detente-parts"
# Tables a partition may write, in write order: ``documents`` last marks it complete.
PART_TABLES = (
    "mentions", "actors", "places", "quotes", "events", "errors", "document_refs", "documents"
)  # fmt: skip
INPUT_ERRORS = "inputs"
_META_VERSION = b"detente.schema_version"
_PART_NAME = re.compile(r"^(?P<key>.+)-p(?P<index>\d{7})(?:-d(?P<doc>\d{4}))?$")

# The store's tables that parts leave out: the schema marker, the runs (own layout) and the
# tables SQL derives from events (rebuilt after loading, or in memory over the parts).
NOT_IN_PARTS = ("meta", "runs", *DERIVED)


def part_schema(table: str) -> pa.Schema:
    """The Parquet schema of ``table`` in parts: the store's batch schema, tagged with its
    schema version so a reader of another version refuses it instead of guessing."""
    return batch_schema(table).with_metadata({_META_VERSION: str(SCHEMA_VERSION).encode()})


def utc_now() -> dt.datetime:
    """Now in UTC without a time zone, as the store keeps times."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_run_key(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(3)}"


def part_name(key: str, index: int, doc: int | None = None) -> str:
    return f"{key}-p{index:07d}" + ("" if doc is None else f"-d{doc:04d}")


def run_key_of(part: str) -> str | None:
    """The run key of a part name (``None`` for names that are not partitions)."""
    match = _PART_NAME.match(part)
    return match.group("key") if match else None


def _filesystem(url: str):
    try:
        import fsspec
    except ImportError as e:  # pragma: no cover - fsspec comes with the dask extra
        raise ClusterError(
            "reading or writing parts needs fsspec: pip install 'detente[dask]'"
        ) from e
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise ClusterError(f"{url}: cannot use this location for parts: {e}") from e


def _is_local(fs) -> bool:
    protocol = fs.protocol
    return "file" in (protocol if isinstance(protocol, tuple) else (protocol,))


@dataclass(frozen=True)
class PartsDir:
    """A parts directory at ``url`` (a local path or any fsspec URL)."""

    url: str

    @property
    def fs(self):
        return _filesystem(self.url)[0]

    @property
    def local(self) -> bool:
        return _is_local(self.fs)

    @property
    def root(self) -> str:
        return _filesystem(self.url)[1].rstrip("/")

    def _path(self, *names: str) -> str:
        return "/".join((self.root, *names))

    # -- the marker and runs ---------------------------------------------------------------

    def create(self) -> None:
        """Make the directory a parts directory (or check that it is one of this version)."""
        fs = self.fs
        if fs.exists(self._path(MARKER)):
            self.check()
            return
        if fs.exists(self.root) and fs.isfile(self.root):
            raise ClusterError(f"{self.url}: a file, not a directory for parts")
        fs.makedirs(self.root, exist_ok=True)
        self._write_bytes(
            self._path(MARKER),
            json.dumps({"format": FORMAT, "schema_version": SCHEMA_VERSION}).encode(),
        )

    def check(self) -> None:
        """Refuse what is not a parts directory of this schema version, with the reason."""
        try:
            with self.fs.open(self._path(MARKER), "rb") as fh:
                marker = json.loads(fh.read())
        except FileNotFoundError:
            raise StoreError(
                f"{self.url}: not a détente parts directory (no {MARKER}; parts are written "
                "by `detente run --cluster ... --parts DIR`)"
            ) from None
        except (OSError, ValueError) as e:
            raise StoreError(f"{self.url}: cannot read {MARKER}: {e}") from e
        version = marker.get("schema_version") if isinstance(marker, dict) else None
        if not isinstance(marker, dict) or marker.get("format") != FORMAT:
            raise StoreError(f"{self.url}: {MARKER} does not describe détente parts")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.url}: parts of schema version {version}, but this détente reads "
                f"schema version {SCHEMA_VERSION}; load them with the détente that wrote them"
            )

    def write_run(self, key: str, row: dict) -> None:
        """The run record of ``key`` (rewritten when the run finishes)."""
        schema = batch_schema("runs")
        values = {name: [row.get(name)] for name in schema.names}
        self.write_table(f"runs/{key}", pa.table(values, schema=schema))

    def run_records(self) -> dict[str, dict]:
        """Run key -> its run record, oldest first."""
        records = {}
        for name in self.names("runs"):
            table = self.read_table(f"runs/{name}")
            rows = table.to_pylist()
            if rows:
                records[name] = rows[0]
        return records

    # -- partitions ------------------------------------------------------------------------

    def write_partition(self, part: str, batches: dict[str, pa.Table]) -> None:
        """Write one partition's tables, ``documents`` last (it marks the partition complete)."""
        for table in PART_TABLES:
            batch = batches.get(table)
            if batch is not None and (batch.num_rows or table == "documents"):
                self.write_table(f"{table}/{part}", batch.cast(part_schema(table)))

    def partitions(self, key: str | None = None) -> list[str]:
        """Complete partitions (of run ``key``, or all), in load order."""
        parts = [name for name in self.names("documents") if run_key_of(name) is not None]
        return [p for p in parts if key is None or run_key_of(p) == key]

    def read_partition(self, part: str) -> dict[str, pa.Table]:
        return {
            table: self.read_table(f"{table}/{part}")
            for table in PART_TABLES
            if table == "documents" or self.exists(f"{table}/{part}")
        }

    def input_errors(self, key: str) -> pa.Table | None:
        name = f"errors/{key}-{INPUT_ERRORS}"
        return self.read_table(name) if self.exists(name) else None

    def write_input_errors(self, key: str, table: pa.Table) -> None:
        self.write_table(f"errors/{key}-{INPUT_ERRORS}", table.cast(part_schema("errors")))

    def input_refs(self, key: str) -> pa.Table | None:
        """Source records of documents the run did not code (their text was stored or coded
        before: ``document_refs`` rows, kept when the parts are loaded)."""
        name = f"document_refs/{key}-{INPUT_ERRORS}"
        return self.read_table(name) if self.exists(name) else None

    def write_input_refs(self, key: str, table: pa.Table) -> None:
        self.write_table(
            f"document_refs/{key}-{INPUT_ERRORS}", table.cast(part_schema("document_refs"))
        )

    def doc_ids(self) -> Iterator[str]:
        """The doc_id of every document in complete partitions (one column read per part)."""
        for part in self.partitions():
            table = pq.read_table(self._file(f"documents/{part}"), columns=["doc_id"])
            yield from table.column("doc_id").to_pylist()

    def pattern(self, table: str) -> str:
        """``table``'s part files as a glob DuckDB reads (a URL for other file systems)."""
        path = self._path(f"{table}/*.parquet")
        return path if _is_local(self.fs) else self.fs.unstrip_protocol(path)

    # -- files -----------------------------------------------------------------------------

    def names(self, table: str) -> list[str]:
        """Sorted names (no ``.parquet``) of the files under ``table``."""
        directory = self._path(table)
        fs = self.fs
        if not fs.exists(directory):
            return []
        names = []
        for path in fs.ls(directory, detail=False):
            base = path.rstrip("/").rsplit("/", 1)[-1]
            if base.endswith(".parquet") and not base.startswith("."):
                names.append(base.removesuffix(".parquet"))
        return sorted(names)

    def exists(self, name: str) -> bool:
        return self.fs.exists(self._path(f"{name}.parquet"))

    def _file(self, name: str):
        return self.fs.open(self._path(f"{name}.parquet"), "rb")

    def read_table(self, name: str) -> pa.Table:
        try:
            with self._file(name) as fh:
                table = pq.read_table(fh)
        except (OSError, pa.ArrowException) as e:
            raise StoreError(f"{self.url}: cannot read part {name}: {e}") from e
        found = (table.schema.metadata or {}).get(_META_VERSION)
        if found != str(SCHEMA_VERSION).encode() and not name.startswith("runs/"):
            version = found.decode() if found else "unknown"
            raise StoreError(
                f"{self.url}: part {name} has schema version {version}, "
                f"this détente reads {SCHEMA_VERSION}"
            )
        return table

    def write_table(self, name: str, table: pa.Table) -> None:
        """Write under a temporary name, then move into place: never half a file."""
        fs = self.fs
        final = self._path(f"{name}.parquet")
        directory = final.rsplit("/", 1)[0]
        fs.makedirs(directory, exist_ok=True)
        temporary = f"{directory}/.{uuid.uuid4().hex}.tmp"
        try:
            with fs.open(temporary, "wb") as fh:
                pq.write_table(table, fh)
            fs.mv(temporary, final)
        except OSError as e:
            raise ClusterError(f"{self.url}: cannot write part {name}: {e}") from e

    def _write_bytes(self, path: str, data: bytes) -> None:
        try:
            with self.fs.open(path, "wb") as fh:
                fh.write(data)
        except OSError as e:
            raise ClusterError(f"{self.url}: cannot write {path}: {e}") from e
