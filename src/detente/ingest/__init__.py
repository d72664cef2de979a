"""Reading articles: files, directories and stdin to ``Article`` records.

``read_inputs`` turns paths into a stream of ``Article`` (one per document)
and ``Problem`` (one per bad input, or a warning about a kept one), in input
order, never reading a whole record file into memory.

Formats, chosen by extension:

- ``.txt`` (and any file named explicitly with an unknown extension): one
  document; the desk / headline / body layout is recognised (see ``text``).
- ``.jsonl``/``.ndjson``, ``.json``, ``.csv``/``.tsv``: one article per
  record; ``FieldMap`` names the fields (see ``records``).
- ``.html``/``.htm``: text and metadata via trafilatura; offsets refer to the
  extracted text (see ``html``).
- a directory: every file with one of these extensions below it, recursively,
  sorted; hidden files and directories and other files are ignored.
- ``-``: stdin, as JSON Lines when its first non-empty line is a JSON object,
  else as one text.

Offsets of every later record refer to ``Article.text``: the original decoded
text of the file or record (an HTML page's extracted text).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from detente.errors import UsageError
from detente.ingest.dates import normalize_date
from detente.ingest.decode import BINARY_SAMPLE_BYTES, MAX_BYTES_PER_CHAR, looks_binary
from detente.ingest.html import HTML_BYTES_PER_TEXT_CHAR, read_html_bytes
from detente.ingest.language import detect_language
from detente.ingest.problems import empty_file, too_large
from detente.ingest.records import FieldMap, read_csv, read_json, read_jsonl
from detente.ingest.text import TextLayout, read_text_bytes, split_layout
from detente.records import Article, Problem

__all__ = [
    "DEFAULT_FIELDS",
    "FieldMap",
    "SUPPORTED_EXTENSIONS",
    "TextLayout",
    "detect_language",
    "read_inputs",
    "split_layout",
]

STDIN_REF = "-"
DEFAULT_FIELDS = FieldMap()  # frozen, so one shared default is safe

# Extension -> reader kind. Directories are searched for exactly these.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
}

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_RECORD_READERS = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv}
_STDIN_CHUNK = 1 << 20


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    date: str | None = None,
    fields: FieldMap = DEFAULT_FIELDS,
    stdin: TextIO | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Article | Problem]:
    """Stream the Articles and Problems of ``paths``, in input order.

    ``date`` (``YYYY-MM-DD``) is the date of documents whose own metadata has
    none; without it such documents have no date (never "today"). ``stdin``
    is read for the path ``-`` (default ``sys.stdin``). Documents longer than
    ``max_chars`` characters (spaCy's ``nlp.max_length``) are refused.

    Raises UsageError at once (before reading anything) for a malformed
    ``date`` or a non-positive ``max_chars``; bad inputs never raise, they
    become Problems.
    """
    if date is not None and (not _ISO_DAY.fullmatch(date) or normalize_date(date) != date):
        raise UsageError(f"--date must be a real date as YYYY-MM-DD, got {date!r}")
    if max_chars < 1:
        raise UsageError(f"the maximum document length must be positive, got {max_chars}")
    return _read_paths(list(paths), date=date, fields=fields, stdin=stdin, max_chars=max_chars)


def _read_paths(
    paths: list[str | os.PathLike[str]],
    *,
    date: str | None,
    fields: FieldMap,
    stdin: TextIO | None,
    max_chars: int,
) -> Iterator[Article | Problem]:
    for path in map(os.fspath, paths):  # pathlib paths welcome; refs are strings
        if path == STDIN_REF:
            yield from _read_stdin(
                stdin if stdin is not None else sys.stdin,
                date=date,
                fields=fields,
                max_chars=max_chars,
            )
        elif os.path.isdir(path):
            yield from _read_directory(path, date=date, fields=fields, max_chars=max_chars)
        elif os.path.exists(path):
            kind = SUPPORTED_EXTENSIONS.get(_extension(path))
            yield from _read_file(
                path,
                kind or "text",
                date=date,
                fields=fields,
                max_chars=max_chars,
                unknown_extension=kind is None,
            )
        elif _URL.match(path):
            yield Problem(
                ref=path,
                reason="url",
                detail=(
                    f"{path}: détente reads files, not web addresses (it never downloads); "
                    "save the page first (curl -o page.html URL) and pass the file"
                ),
            )
        else:
            yield Problem(ref=path, reason="not-found", detail=f"{path}: no such file or directory")


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _read_directory(
    directory: str, *, date: str | None, fields: FieldMap, max_chars: int
) -> Iterator[Article | Problem]:
    found = 0
    for item in _walk_sorted(directory):
        if isinstance(item, Problem):
            yield item
            continue
        path, kind = item
        found += 1
        yield from _read_file(path, kind, date=date, fields=fields, max_chars=max_chars)
    if not found:
        extensions = ", ".join(SUPPORTED_EXTENSIONS)
        yield Problem(
            ref=directory,
            reason="empty-directory",
            detail=f"{directory} holds no files with a known extension ({extensions})",
        )


def _walk_sorted(directory: str) -> Iterator[tuple[str, str] | Problem]:
    """Files with a known extension below ``directory``, in sorted path order.

    Files and subdirectories are merged by name (like ``find | sort``), hidden
    ones are skipped, and symbolic links to directories are not followed (no loops).
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield _unreadable(e, directory)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_sorted(entry.path)
            continue
        kind = SUPPORTED_EXTENSIONS.get(_extension(entry.name))
        if kind is not None:
            yield entry.path, kind


def _unreadable(error: OSError, path: str | None = None) -> Problem:
    ref = path or error.filename or "?"
    return Problem(
        ref=str(ref),
        reason="unreadable",
        detail=f"{ref}: cannot read ({error.strerror or type(error).__name__})",
    )


def _read_file(
    path: str,
    kind: str,
    *,
    date: str | None,
    fields: FieldMap,
    max_chars: int,
    unknown_extension: bool = False,
) -> Iterator[Article | Problem]:
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size == 0 and os.path.isfile(path):
                yield empty_file(path)
                return
            record_reader = _RECORD_READERS.get(kind)
            if record_reader is not None:
                yield from record_reader(
                    stream, path=path, fields=fields, date=date, max_chars=max_chars
                )
                return
            bytes_per_char = HTML_BYTES_PER_TEXT_CHAR if kind == "html" else MAX_BYTES_PER_CHAR
            byte_limit = max_chars * bytes_per_char
            if size > byte_limit:
                yield too_large(path, None, f"{size:,} bytes", max_chars)
                return
            data = stream.read(byte_limit + 1)  # bounded even for pipes and devices
    except OSError as e:
        yield _unreadable(e, path)
        return
    if kind == "html":
        yield from read_html_bytes(data, ref=path, date=date, max_chars=max_chars)
    elif unknown_extension and looks_binary(data[:BINARY_SAMPLE_BYTES]):
        yield Problem(
            ref=path,
            reason="unsupported-extension",
            detail=(
                f"{path}: {_extension(path) or 'files without an extension'} is not a "
                f"supported format and the file is binary; détente reads "
                f"{', '.join(SUPPORTED_EXTENSIONS)} files"
            ),
        )
    else:
        yield from read_text_bytes(data, ref=path, date=date, max_chars=max_chars)


def _read_stdin(
    stdin: TextIO, *, date: str | None, fields: FieldMap, max_chars: int
) -> Iterator[Article | Problem]:
    """Spool stdin to a temporary file (flat memory), deciding JSON Lines or text on the way.

    Stdin is JSON Lines when its first non-blank line is a JSON object; later lines that
    do not parse are then reported one by one (``malformed-json``), as in a .jsonl file.
    """
    byte_source: BinaryIO | None = getattr(stdin, "buffer", None)
    with tempfile.TemporaryFile() as spool:
        first_is_object: bool | None = None
        line_complete = True  # False while inside a line longer than one chunk
        while True:
            if byte_source is not None:
                piece = byte_source.readline(_STDIN_CHUNK)
            else:
                piece = stdin.readline(_STDIN_CHUNK).encode("utf-8", "surrogateescape")
            if not piece:
                break
            spool.write(piece)
            starts_line, line_complete = line_complete, piece.endswith(b"\n")
            if first_is_object is not None or not piece.strip():
                continue
            # a first record over a chunk is too large anyway: read as text
            first_is_object = starts_line and line_complete and _is_json_object(piece)
        size = spool.tell()
        spool.seek(0)
        if first_is_object:
            yield from read_jsonl(
                spool,  # type: ignore[arg-type]  # a buffered binary file
                path=STDIN_REF,
                fields=fields,
                date=date,
                max_chars=max_chars,
            )
            return
        if size > max_chars * MAX_BYTES_PER_CHAR:
            yield too_large(STDIN_REF, None, f"{size:,} bytes", max_chars)
            return
        yield from read_text_bytes(spool.read(), ref=STDIN_REF, date=date, max_chars=max_chars)


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8", "surrogateescape")), dict)
    except (ValueError, RecursionError):
        return False
