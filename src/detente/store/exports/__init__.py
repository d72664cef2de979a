"""Export store tables: Parquet, CSV, JSON Lines, GDELT 2.0, PLOVER JSON, POLECAT-style TSV.

``ExportRequest.build`` checks everything before a byte is written: the table, the format
(from the file name unless given, and never contradicting it), and the target (an existing
file is kept unless ``force``; a DuckDB file is never overwritten). Files are written to a
temporary name beside the target and renamed into place, so a failed export leaves what
was there before. docs/exports.md describes every format.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb

from detente.errors import StoreError, UsageError
from detente.store.factuality import Factuality
from detente.store.schema import TABLES

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover", "polecat")
EVENT_FORMATS = ("gdelt", "plover", "polecat")

# File name endings that name a format, longest first (checked case-insensitively).
SUFFIX_FORMATS = {
    ".gdelt.tsv": "gdelt",
    ".export.csv": "gdelt",  # GDELT's own file names: tab-separated despite the name
    ".plover.jsonl": "plover",
    ".plover.json": "plover",
    ".polecat.tsv": "polecat",
    ".polecat.txt": "polecat",
    ".gdelt": "gdelt",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Further endings a format accepts when it is named explicitly.
ALSO_ACCEPTED = {
    "gdelt": (".tsv", ".txt", ".csv"),
    "plover": (".jsonl", ".json", ".ndjson"),
    "polecat": (".tsv", ".txt"),
    "jsonl": (".json",),
}
# Formats whose first line is a header unless asked otherwise.
HEADER_DEFAULT = {"csv": True, "gdelt": False, "polecat": True}

_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def format_of(name: str) -> str | None:
    lowered = name.lower()
    for suffix, fmt in SUFFIX_FORMATS.items():
        if lowered.endswith(suffix):
            return fmt
    return None


def _accepts(fmt: str, name: str) -> bool:
    lowered = name.lower()
    suffixes = [s for s, f in SUFFIX_FORMATS.items() if f == fmt] + list(ALSO_ACCEPTED.get(fmt, ()))
    return any(lowered.endswith(s) for s in suffixes)


def is_duckdb_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(12)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class ExportRequest:
    table: str
    fmt: str
    path: Path | None  # None when writing to ``stream``
    stream: BinaryIO | None
    header: bool
    store_path: Path | None = None

    @classmethod
    def build(
        cls,
        table: str,
        out: str | os.PathLike[str] | BinaryIO,
        *,
        fmt: str | None,
        force: bool,
        header: bool | None,
        store_path: Path | None = None,
    ) -> ExportRequest:
        if table not in TABLES:
            raise UsageError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        stream = out if hasattr(out, "write") else None
        path = None if stream is not None else Path(os.fspath(out))  # type: ignore[arg-type]
        fmt = cls._format(fmt, path)
        if fmt in EVENT_FORMATS and table != "events":
            raise UsageError(f"format {fmt!r} exports events only, not {table!r}")
        if header is not None and fmt not in HEADER_DEFAULT:
            raise UsageError(f"--header applies to csv, gdelt and polecat, not {fmt}")
        if path is not None:
            cls._check_target(path, force=force, store_path=store_path)
        return cls(
            table=table,
            fmt=fmt,
            path=path,
            stream=stream,  # type: ignore[arg-type]
            header=HEADER_DEFAULT.get(fmt, False) if header is None else header,
            store_path=store_path,
        )

    @staticmethod
    def _format(fmt: str | None, path: Path | None) -> str:
        if fmt is not None:
            if fmt not in FORMATS:
                raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
            named = format_of(path.name) if path is not None else None
            if named is not None and named != fmt and not _accepts(fmt, path.name):
                raise UsageError(
                    f"--format {fmt} does not match the file name {path.name!r} (a {named} "
                    f"name); rename the file or drop --format"
                )
            return fmt
        if path is None:
            raise UsageError(f"name the format for standard output: --format {'|'.join(FORMATS)}")
        named = format_of(path.name)
        if named is None:
            endings = ", ".join(SUFFIX_FORMATS)
            raise UsageError(
                f"cannot tell the export format from {path.name!r}: end the name with one of "
                f"{endings}, or pass --format"
            )
        return named

    @staticmethod
    def _check_target(path: Path, *, force: bool, store_path: Path | None) -> None:
        if not path.parent.is_dir():
            raise StoreError(f"{path}: its folder does not exist")
        if path.is_dir():
            raise UsageError(f"{path} is a directory; name a file to export to")
        if not path.exists():
            return
        if store_path is not None and path.resolve() == store_path.resolve():
            raise UsageError(f"{path} is the store being exported; choose another file")
        if is_duckdb_file(path):
            raise UsageError(f"{path} is a DuckDB database; détente never overwrites one")
        if not force:
            raise UsageError(f"{path} exists; pass --force to overwrite it")


@contextlib.contextmanager
def target_file(request: ExportRequest) -> Iterator[Path]:
    """A temporary path to write to; moved to the target (or copied to the stream) on success."""
    if request.path is not None:
        folder = request.path.parent
        handle, name = tempfile.mkstemp(prefix=f".{request.path.name}.", dir=folder)
    else:
        folder = None
        handle, name = tempfile.mkstemp(prefix="detente-export-")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if request.path is not None:
            os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
            os.replace(temporary, request.path)
        else:
            with temporary.open("rb") as source:
                shutil.copyfileobj(source, request.stream)  # type: ignore[arg-type]
            request.stream.flush()  # type: ignore[union-attr]
    except OSError as e:
        raise StoreError(
            f"{request.path or 'standard output'}: cannot write the export: {e}"
        ) from e
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(
    con: duckdb.DuckDBPyConnection, request: ExportRequest, *, factuality: Factuality
) -> int:
    """Write ``request``; returns the number of rows (records) written."""
    from detente.store.exports import gdelt, plover, polecat, tables

    writers = {
        "gdelt": gdelt.write,
        "plover": plover.write,
        "polecat": polecat.write,
    }
    try:
        with target_file(request) as path:
            if request.fmt in writers:
                return writers[request.fmt](con, path, request=request, factuality=factuality)
            return tables.write(con, path, request=request)
    except duckdb.Error as e:
        where = request.path or "standard output"
        raise StoreError(f"{where}: cannot export {request.table} as {request.fmt}: {e}") from e


def write_frame(frame, path: Path, *, force: bool) -> None:
    """A DataFrame (a panel) to ``.csv`` or ``.parquet``, with the export rules for the target."""
    fmt = format_of(path.name)
    if fmt not in ("csv", "parquet"):
        raise UsageError(f"{path.name}: write a panel to a .csv or .parquet file")
    request = ExportRequest(
        table="panel", fmt=fmt, path=path, stream=None, header=True, store_path=None
    )
    ExportRequest._check_target(path, force=force, store_path=None)
    with target_file(request) as temporary:
        if fmt == "csv":
            frame.to_csv(temporary, index=False, date_format="%Y-%m-%d")
        else:
            frame.to_parquet(temporary, index=False)
