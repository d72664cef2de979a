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

import contextlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, TextIO

from detente.errors import UsageError, require
from detente.ingest.dates import normalize_date
from detente.ingest.decode import BINARY_SAMPLE_BYTES, MAX_BYTES_PER_CHAR, looks_binary
from detente.ingest.html import HTML_BYTES_PER_TEXT_CHAR, read_html_bytes
from detente.ingest.language import detect_language
from detente.ingest.problems import empty_file, not_a_file, too_large
from detente.ingest.records import FieldMap, max_record_chars, read_csv, read_json, read_jsonl
from detente.ingest.text import TextLayout, read_text_bytes, split_layout
from detente.records import Article, Problem

__all__ = [
    "DEFAULT_FIELDS",
    "FieldMap",
    "MAX_DOCUMENT_CHARS",
    "count_records",
    "SUPPORTED_EXTENSIONS",
    "TextLayout",
    "detect_language",
    "read_inputs",
    "split_layout",
]

STDIN_REF = "-"
DEFAULT_FIELDS = FieldMap()  # frozen, so one shared default is safe
# The longest document coded. Memory grows with a document's length (about 3.5 kB per
# character through the full pipeline: 1.45 GB peak for 250,000 characters, 2.2 GB for
# 500,000), so this keeps a worker under 2 GB; longer documents are too-large errors.
MAX_DOCUMENT_CHARS = 200_000

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
_STDIN_CHUNK = 1 << 16


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    date: str | None = None,
    fields: FieldMap = DEFAULT_FIELDS,
    stdin: TextIO | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Iterator[Article | Problem]:
    """Stream the Articles and Problems of ``paths``, in input order.

    ``date`` (``YYYY-MM-DD``) is the date of documents whose own metadata has
    none; without it such documents have no date (never "today"). ``stdin``
    is read for the path ``-`` (default ``sys.stdin``). Documents longer than
    ``max_chars`` characters are refused (``too-large``).

    Raises UsageError at once (before reading anything) for a malformed
    ``date`` or a non-positive ``max_chars``; bad inputs never raise, they
    become Problems.
    """
    if isinstance(paths, str | bytes | os.PathLike) or not isinstance(paths, Iterable):
        raise UsageError(f"read_inputs takes a list of paths, not {type(paths).__name__}")
    paths = list(paths)
    for path in paths:
        require("each path", path, (str, os.PathLike), "a str or pathlib.Path")
    if date is not None:
        require("date", date, str, "a string YYYY-MM-DD")
    require("fields", fields, FieldMap, "a FieldMap")
    require("max_chars", max_chars, int, "an integer")
    if date is not None and (not _ISO_DAY.fullmatch(date) or normalize_date(date) != date):
        raise UsageError(f"date must be a real date as YYYY-MM-DD, got {date!r}")
    if max_chars < 1:
        raise UsageError(f"the maximum document length must be positive, got {max_chars}")
    return _read_paths(paths, date=date, fields=fields, stdin=stdin, max_chars=max_chars)


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
        opened = _open_regular(path)
        if isinstance(opened, Problem):
            yield opened
            return
        with opened as stream:
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
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


_COUNT_BLOCK = 1 << 20


def count_records(paths: Sequence[str | os.PathLike[str]]) -> int | None:
    """A quick estimate of how many articles ``paths`` hold, for a progress bar's ETA:
    one per document file, one per line of a record file (counted in blocks: no line is
    ever held whole). What cannot be read counts as one; None when stdin is among them."""
    total = 0
    for path in map(os.fspath, paths):
        if path == STDIN_REF:
            return None
        if os.path.isdir(path):
            files = [item for item in _walk_sorted(path) if not isinstance(item, Problem)]
        else:
            files = [(path, SUPPORTED_EXTENSIONS.get(_extension(path), "text"))]
        total += sum(_count_file(file, kind) for file, kind in files)
    return total


def _count_file(path: str, kind: str) -> int:
    if kind not in ("jsonl", "csv"):
        return 1
    try:
        opened = _open_regular(path)
        if isinstance(opened, Problem):
            return 1
        lines, last = 0, b"\n"
        with opened as stream:
            while block := stream.read(_COUNT_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 1
    lines += last != b"\n"  # a last line without a line end
    return max(1, lines - (kind == "csv"))  # a CSV's header is not a record


def _open_regular(path: str) -> BinaryIO | Problem:
    """``path`` opened for binary reading, or a ``not-a-file`` Problem for a FIFO, socket
    or device: opening without blocking and checking what was opened means neither a
    FIFO without a writer nor a file swapped in between can make the run wait forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            return not_a_file(path, mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def _read_stdin(
    stdin: TextIO, *, date: str | None, fields: FieldMap, max_chars: int
) -> Iterator[Article | Problem]:
    """Stream stdin: JSON Lines when its first non-blank line is a JSON object (later lines
    that do not parse are reported one by one, as in a .jsonl file), else one text.

    Nothing is copied aside: only the first lines are held while deciding, records are
    read as they come, and a text is read up to its size limit and no further, so an
    endless stream can neither fill a disk nor keep the run waiting once it is too large.
    """
    source: BinaryIO = getattr(stdin, "buffer", None) or io.BufferedReader(_EncodedText(stdin))
    line_limit = max_record_chars(max_chars)
    head: list[bytes] = []
    held = 0
    first_is_object = False
    while held <= line_limit:
        piece = source.readline(line_limit + 1)
        if not piece:
            break
        head.append(piece)
        held += len(piece)
        if piece.strip():
            # a first line longer than any record could be is read as text (too large)
            whole = piece.endswith(b"\n") or len(piece) <= line_limit
            first_is_object = whole and _is_json_object(piece)
            break
    stream = io.BufferedReader(_Prepended(b"".join(head), source))
    if first_is_object:
        yield from read_jsonl(stream, path=STDIN_REF, fields=fields, date=date, max_chars=max_chars)
        return
    byte_limit = max_chars * MAX_BYTES_PER_CHAR
    data = stream.read(byte_limit + 1)
    if len(data) > byte_limit:
        yield too_large(STDIN_REF, None, f"more than {byte_limit:,} bytes", max_chars)
        return
    yield from read_text_bytes(data, ref=STDIN_REF, date=date, max_chars=max_chars)


class _Prepended(io.RawIOBase):
    """Bytes already read (the lines that decided the format), then the rest of a stream."""

    def __init__(self, first: bytes, rest: BinaryIO):
        self.first = first
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.first:
            n = min(len(buffer), len(self.first))
            buffer[:n] = self.first[:n]
            self.first = self.first[n:]
            return n
        data = (
            self.rest.read1(len(buffer))
            if hasattr(self.rest, "read1")
            else self.rest.read(len(buffer))
        )
        buffer[: len(data)] = data
        return len(data)


class _EncodedText(io.RawIOBase):
    """A text stream without a byte buffer (``io.StringIO``) read as UTF-8 bytes."""

    def __init__(self, text: TextIO):
        self.text = text
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            chunk = self.text.read(_STDIN_CHUNK)
            if not chunk:
                return 0
            self.pending = chunk.encode("utf-8", "surrogateescape")
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8", "surrogateescape")), dict)
    except (ValueError, RecursionError):
        return False
