"""Record files: JSON Lines, JSON and CSV, one article per record, streamed.

Nothing here reads a whole file into memory: JSON Lines and CSV go line by
line (row by row), and a JSON array is decoded one element at a time.

Record numbers (``Article.record``, ``Problem.record``) are 1-based: the line
a record starts on for JSON Lines and CSV (what an editor shows), and the
position of the value for JSON arrays and concatenated JSON values.

A bad record costs only itself: a CSV row with an unclosed quote or more fields
than the header is an error row and parsing resumes on the next line; a JSON value
too long to read is skipped over without being held, and the values after it are read.
Files are decoded in their detected encoding (see ``decode``).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import astuple, dataclass, field, replace
from typing import Any, BinaryIO, TextIO

from detente.ingest.dates import is_missing, normalize_date
from detente.ingest.decode import (
    BINARY_SAMPLE_BYTES,
    ENCODING_SAMPLE_BYTES,
    UTF8,
    DecodedText,
    detect_encoding,
    looks_binary,
    replace_lone_surrogates,
)
from detente.ingest.language import detect_language
from detente.ingest.problems import (
    binary_file,
    decode_warning,
    empty_file,
    encoding_warning,
    too_large,
)
from detente.records import Article, Problem

# JSON escapes one character in at most 6 characters ("\uXXXX"); allow room for other fields.
_JSON_CHARS_PER_CHAR = 6
_RECORD_OVERHEAD_CHARS = 1 << 16
_READ_CHUNK_CHARS = 1 << 16
_CSV_DELIMITERS = ",;\t|"
# What matters while skipping an over-long JSON value: in a string, its end and escapes;
# outside, strings, brackets and the delimiters that end a bare scalar.
_STRING_STOP = re.compile(r'["\\]')
_VALUE_STOP = re.compile(r'["\[\]{},\s]')
_CSV_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}


def max_record_chars(max_chars: int) -> int:
    """The longest line (JSON Lines, CSV) or value (JSON) read for documents of at most
    ``max_chars`` characters; anything longer is too large and is skipped unread."""
    return max_chars * _JSON_CHARS_PER_CHAR + _RECORD_OVERHEAD_CHARS


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds what. Names match exactly first, then ignoring case."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    section: str = "section"
    url: str = "url"
    source: str = "source"


def _field(record: Mapping[str, object], name: str) -> object:
    if name in record:
        return record[name]
    lowered = name.lower()
    for key, value in record.items():  # records have a handful of keys
        if isinstance(key, str) and key.lower() == lowered:
            return value
    return None


def _extra_fields(record: Mapping[str, object], fields: FieldMap) -> dict[str, object] | None:
    """The record's fields that no ``FieldMap`` name maps (kept as ``Article.meta``)."""
    mapped = {name.lower() for name in astuple(fields)}
    extra = {
        key: value
        for key, value in record.items()
        if isinstance(key, str) and key.lower() not in mapped and not is_missing(value)
    }
    return extra or None


@dataclass
class MissingTextField:
    """Records of one file whose text field is absent: reported once, with the fields they have.

    A wrong ``--text-field`` would otherwise leave one error row per record."""

    numbers: list[str] = field(default_factory=list)
    fields_seen: dict[str, None] = field(default_factory=dict)

    def add(self, number: str, record: Mapping[str, object]) -> None:
        self.numbers.append(number)
        for key in record:
            if isinstance(key, str):
                self.fields_seen.setdefault(key, None)

    def problem(self, path: str, text_field: str, what: str) -> Problem | None:
        if not self.numbers:
            return None
        shown = ", ".join(self.numbers[:10]) + (" ..." if len(self.numbers) > 10 else "")
        count = len(self.numbers)
        which = f"{what} {shown} has" if count == 1 else f"{count} {what}s ({shown}) have"
        fields = ", ".join(self.fields_seen) or "none"
        return Problem(
            ref=path,
            record=self.numbers[0],
            reason="no-text",
            detail=(
                f"{path}: {which} no {text_field!r} field; the fields are: {fields}. "
                "Name the text field with --text-field"
            ),
        )


def _metadata(value: object) -> str | None:
    """A metadata field as a clean one-line string, or None."""
    if isinstance(value, bool) or is_missing(value):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return replace_lone_surrogates(" ".join(value.split())).text
    return None


def record_article(
    record: object,
    *,
    path: str,
    number: int,
    fields: FieldMap,
    date: str | None,
    max_chars: int,
    what: str = "record",
    missing: MissingTextField | None = None,
) -> Iterator[Article | Problem]:
    """The Article of one parsed record, or the Problems that stop it. A record without
    the text field is added to ``missing`` (reported once per file) when one is given."""
    n = str(number)
    if not isinstance(record, dict):
        yield Problem(
            ref=path,
            record=n,
            reason="malformed-json",
            detail=f"{path} {what} {n} is a JSON {type(record).__name__}, not an object",
        )
        return
    raw_text = _field(record, fields.text)
    if raw_text is None and missing is not None:
        missing.add(n, record)
        return
    if not isinstance(raw_text, str) or not raw_text.strip():
        found = "is missing" if raw_text is None else "is empty"
        if raw_text is not None and not isinstance(raw_text, str):
            found = f"is a {type(raw_text).__name__}, not a string"
        yield Problem(
            ref=path,
            record=n,
            reason="no-text",
            detail=f"{path} {what} {n}: the text field {fields.text!r} {found}",
        )
        return
    if len(raw_text) > max_chars:
        yield too_large(path, n, f"{len(raw_text):,} characters", max_chars)
        return
    decoded = replace_lone_surrogates(raw_text)
    record_id = _metadata(_field(record, fields.id))
    raw_date = _field(record, fields.date)
    bad_date: Problem | None = None
    article_date = date
    if not is_missing(raw_date):
        parsed = normalize_date(raw_date)
        if parsed is None:
            fallback = f"using the default date {date}" if date else "date left unknown"
            bad_date = Problem(
                ref=path,
                record=n,
                reason="bad-date",
                detail=f"{path} {what} {n}: cannot read date {str(raw_date)[:80]!r}; {fallback}",
                severity="warning",
            )
        else:
            article_date = parsed
    article = Article(
        ref=record_id if record_id is not None else f"{path}:{n}",
        text=decoded.text,
        title=_metadata(_field(record, fields.title)),
        section=_metadata(_field(record, fields.section)),
        date=article_date,
        source=_metadata(_field(record, fields.source)),
        url=_metadata(_field(record, fields.url)),
        record=n,
        lang=detect_language(decoded.text),
        meta=_extra_fields(record, fields),
        path=path,
    )
    if decoded.replaced:
        yield decode_warning(path, n, decoded, article.doc_id)
    if bad_date is not None:
        yield replace(bad_date, doc_id=article.doc_id)
    yield article


def _article_maker(
    path: str,
    fields: FieldMap,
    date: str | None,
    max_chars: int,
    what: str,
    missing: MissingTextField | None,
) -> Callable[..., Iterator[Article | Problem]]:
    """``record_article`` with what stays the same for every record of one file."""
    return functools.partial(
        record_article,
        path=path,
        fields=fields,
        date=date,
        max_chars=max_chars,
        what=what,
        missing=missing,
    )


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a buffered stream, without consuming them."""
    peek = getattr(stream, "peek", None)
    return peek(ENCODING_SAMPLE_BYTES)[:ENCODING_SAMPLE_BYTES] if peek is not None else b""


def _open_text(
    stream: BinaryIO, path: str, *, newline: str
) -> tuple[TextIO, list[Problem]] | Problem:
    """The records' text in their detected encoding, with a ``not-utf8`` warning when it
    is not UTF-8; or the Problem that stops the file (binary)."""
    head = _head(stream)
    if looks_binary(head[:BINARY_SAMPLE_BYTES]):
        return binary_file(path, "text")
    encoding = detect_encoding(head, complete=False)
    stream.read(encoding.bom)
    text = io.TextIOWrapper(stream, encoding=encoding.name, errors=encoding.errors, newline=newline)
    warnings = [encoding_warning(path, encoding)] if encoding.name != UTF8 else []
    return text, warnings


def _empty_problem(path: str) -> Problem:
    return empty_file(path, "holds no records")


def _skip_rest_of_line(text: TextIO) -> None:
    while True:
        chunk = text.readline(_READ_CHUNK_CHARS)
        if not chunk or chunk.endswith(("\n", "\r")):
            return


def read_jsonl(
    stream: BinaryIO, *, path: str, fields: FieldMap, date: str | None, max_chars: int
) -> Iterator[Article | Problem]:
    """JSON Lines: one object per line; blank lines are skipped."""
    opened = _open_text(stream, path, newline="\n")
    if isinstance(opened, Problem):
        yield opened
        return
    text, warnings = opened
    yield from warnings
    line_limit = max_record_chars(max_chars)
    records = 0
    number = 0
    missing = MissingTextField()
    article_of = _article_maker(path, fields, date, max_chars, "line", missing)
    while line := text.readline(line_limit + 1):
        number += 1
        if len(line) > line_limit and not line.endswith("\n"):
            _skip_rest_of_line(text)
            records += 1
            yield too_large(path, str(number), f"a line over {line_limit:,} characters", max_chars)
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:
            yield Problem(
                ref=path,
                record=str(number),
                reason="malformed-json",
                detail=f"{path} line {number} is not valid JSON: {_json_error(e)}",
            )
            continue
        yield from article_of(record, number=number)
    if (problem := missing.problem(path, fields.text, "line")) is not None:
        yield problem
    if records == 0:
        yield _empty_problem(path)
    text.detach()


def _json_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (column {error.colno})"
    return str(error)


class _JsonValues:
    """Decode JSON values one at a time from a text stream, with a bounded buffer."""

    def __init__(self, stream: io.TextIOBase, max_value_chars: int):
        self.stream = stream
        self.max_value_chars = max_value_chars
        self.decoder = json.JSONDecoder()
        self.buffer = ""
        self.pos = 0
        self.eof = False

    def _fill(self, at_least: int = _READ_CHUNK_CHARS) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(max(at_least, _READ_CHUNK_CHARS))
        if not chunk:
            self.eof = True
            return False
        if self.pos:
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        self.buffer += chunk
        return True

    def peek_char(self) -> str | None:
        """The next non-whitespace character (not consumed), or None at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos].isspace():
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._fill():
                return None

    def take_char(self) -> None:
        self.pos += 1

    def value(self) -> object:
        """Decode the next value; raises ValueError (malformed) or OverflowError (too large)."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as e:
                # An error well before the end of the buffer is real, not a cut value
                # (an unterminated string is reported where the string starts).
                cut = e.pos >= len(self.buffer) - 6 or e.msg.startswith("Unterminated string")
                if not cut:
                    raise
                end = None
            # A value that ends at the end of the buffer may be cut (a number, "tru").
            if end is not None and (end < len(self.buffer) or self.eof):
                self.pos = end
                return value
            if len(self.buffer) - self.pos > self.max_value_chars:
                raise OverflowError
            # Doubling the read keeps re-decoding of a long value linear overall.
            if not self._fill(len(self.buffer) - self.pos):
                if end is not None:
                    self.pos = end
                    return value
                # At the end of the input: decode again for the error message.
                self.decoder.raw_decode(self.buffer, self.pos)

    def skip_value(self) -> None:
        """Consume the value at ``pos`` without decoding or holding it (it is too long):
        scan for its end, counting brackets outside strings, chunk by chunk."""
        depth = 0
        in_string = False
        while True:
            buffer, i = self.buffer, self.pos
            keep = len(buffer)  # where the unscanned rest starts
            while True:
                match = (_STRING_STOP if in_string else _VALUE_STOP).search(buffer, i)
                if match is None:
                    break
                char, i = match.group(), match.end()
                if in_string:
                    if char == '"':
                        in_string = False
                        if depth == 0:
                            self.pos = i
                            return
                    elif i >= len(buffer):  # a backslash at the end: read its escape first
                        keep = i - 1
                        break
                    else:
                        i += 1  # the escaped character
                elif char == '"':
                    in_string = True
                elif char in "[{":
                    depth += 1
                elif depth and char in "]}":
                    depth -= 1
                    if depth == 0:
                        self.pos = i
                        return
                elif depth == 0:  # the delimiter after a bare scalar (or the array's end)
                    self.pos = i - 1
                    return
            self.buffer, self.pos = buffer[keep:], 0
            if not self._fill():
                self.pos = len(self.buffer)
                return


def read_json(
    stream: BinaryIO, *, path: str, fields: FieldMap, date: str | None, max_chars: int
) -> Iterator[Article | Problem]:
    """A JSON file: an array of objects, one object, or objects one after another (JSON Lines)."""
    opened = _open_text(stream, path, newline="")
    if isinstance(opened, Problem):
        yield opened
        return
    text_stream, warnings = opened
    yield from warnings
    values = _JsonValues(text_stream, max_record_chars(max_chars))
    first = values.peek_char()
    if first is None:
        yield _empty_problem(path)
        return
    in_array = first == "["
    if in_array:
        values.take_char()
    number = 0
    missing = MissingTextField()
    article_of = _article_maker(path, fields, date, max_chars, "record", missing)
    while True:
        char = values.peek_char()
        if in_array and char == "]":
            values.take_char()
            in_array = False
            char = values.peek_char()
        if char is None:
            if in_array:
                yield _json_stop(path, number + 1, "the array is not closed")
            break
        if not in_array and first == "[":
            yield _json_stop(path, number + 1, "unexpected data after the array")
            break
        number += 1
        record, stop = yield from _json_record(values, path, number, max_chars)
        if stop:
            break
        if record is not None:
            yield from article_of(record, number=number)
        if in_array and (problem := _array_separator(values, path, number)) is not None:
            yield problem
            break
    if (problem := missing.problem(path, fields.text, "record")) is not None:
        yield problem
    if number == 0:
        yield _empty_problem(path)
    text_stream.detach()


def _json_record(
    values: _JsonValues, path: str, number: int, max_chars: int
) -> Generator[Problem, None, tuple[Any, bool]]:
    """Reads the next value: returns ``(value or None, stop reading?)``, yielding the
    problem of a value too large (skipped) or not JSON (the rest of the file is lost)."""
    try:
        return values.value(), False
    except OverflowError:
        values.skip_value()
        yield too_large(
            path, str(number), f"a value over {values.max_value_chars:,} characters", max_chars
        )
        return None, False
    except (ValueError, RecursionError) as e:
        yield _json_stop(path, number, _json_error(e))
        return None, True


def _array_separator(values: _JsonValues, path: str, number: int) -> Problem | None:
    """After a value inside an array: a comma (taken) or the closing bracket, else a problem."""
    char = values.peek_char()
    if char == ",":
        values.take_char()
    elif char != "]":
        found = "the end of the file" if char is None else repr(char)
        return _json_stop(path, number + 1, f"expected ',' or ']' but found {found}")
    return None


def _json_stop(path: str, number: int, why: str) -> Problem:
    return Problem(
        ref=path,
        record=str(number),
        reason="malformed-json",
        detail=f"{path} value {number} is not valid JSON: {why}; the rest of the file was skipped",
    )


def _csv_delimiter(header_line: str, path: str) -> str:
    if path.lower().endswith(".tsv"):
        return "\t"
    # The header names the columns, so the delimiter is the separator it uses most.
    return max(_CSV_DELIMITERS, key=header_line.count)


class _LongLine(Exception):  # noqa: N818 - a signal between _Lines and read_csv
    def __init__(self, number: int):
        self.number = number


class _Lines:
    """Numbered lines of a text stream, for ``csv.reader``: each line bounded in length,
    and the lines of the row being parsed kept so that after a broken row (an unclosed
    quote that swallowed the lines after it) parsing resumes on the row's second line."""

    def __init__(self, text: TextIO, limit: int):
        self.text = text
        self.limit = limit
        self.read = 0  # lines read from the stream
        self.again: deque[tuple[int, str]] = deque()  # lines to parse again
        self.row: list[tuple[int, str]] = []  # lines of the row being parsed

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.again:
            number, line = self.again.popleft()
        else:
            line = self.text.readline(self.limit + 1)
            if not line:
                raise StopIteration
            self.read += 1
            number = self.read
            if len(line) > self.limit and not line.endswith(("\n", "\r")):
                _skip_rest_of_line(self.text)
                raise _LongLine(number)
        self.row.append((number, line))
        return line

    def start_row(self) -> None:
        self.row = []

    @property
    def first(self) -> int:
        return self.row[0][0] if self.row else self.read

    def parse_again_after_first(self) -> None:
        self.again.extendleft(reversed(self.row[1:]))
        self.row = []


def _csv_reader(lines: _Lines, delimiter: str):
    # strict: an unclosed quote is an error at the end of the input, not a silent field
    return csv.reader(lines, delimiter=delimiter, strict=True)


def _broken_row(path: str, lines: _Lines, error: csv.Error) -> Problem:
    number = lines.first
    message = str(error)
    if len(lines.row) > 1 or "end of data" in message or "field limit" in message:
        message = (
            f"a quoted field that starts on this line is not closed where its row ends "
            f'({message}); double quotes inside a quoted field are written ""'
        )
    return Problem(
        ref=path,
        record=str(number),
        reason="csv-error",
        detail=f"{path} line {number}: {message}; the row was skipped",
    )


def _too_many_fields(path: str, number: int, row: list[str], columns: list[str], delimiter: str):
    separator = _CSV_DELIMITER_NAMES.get(delimiter, repr(delimiter))
    return Problem(
        ref=path,
        record=str(number),
        reason="csv-error",
        detail=(
            f"{path} line {number} has {len(row)} fields but the header names "
            f"{len(columns)} columns: quote fields that contain {separator}; the row was skipped"
        ),
    )


def read_csv(
    stream: BinaryIO, *, path: str, fields: FieldMap, date: str | None, max_chars: int
) -> Iterator[Article | Problem]:
    """A CSV (or TSV) file with a header row naming the fields."""
    opened = _open_text(stream, path, newline="")
    if isinstance(opened, Problem):
        yield opened
        return
    text_stream, warnings = opened
    yield from warnings
    try:
        yield from _csv_rows(text_stream, path=path, fields=fields, date=date, max_chars=max_chars)
    finally:
        text_stream.detach()


def _csv_rows(
    text_stream: TextIO, *, path: str, fields: FieldMap, date: str | None, max_chars: int
) -> Iterator[Article | Problem]:
    limit = max_record_chars(max_chars)
    lines = _Lines(text_stream, limit)
    try:
        header_line = next(lines, "")
    except _LongLine:
        yield too_large(path, "1", f"a header line over {limit:,} characters", max_chars)
        return
    if not header_line.strip():
        yield _empty_problem(path)
        return
    delimiter = _csv_delimiter(header_line, path)
    # Articles are longer than csv's default field limit (128 KiB); raise it once.
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    columns = [name.strip() for name in header]
    if _field(dict.fromkeys(columns, True), fields.text) is None:
        yield Problem(
            ref=path,
            reason="no-text",
            detail=(
                f"{path} has no {fields.text!r} column (columns: {', '.join(columns)[:200]}); "
                "say which column holds the text"
            ),
        )
        return
    records = 0
    article_of = _article_maker(path, fields, date, max_chars, "line", None)
    reader = _csv_reader(lines, delimiter)
    while True:
        lines.start_row()
        try:
            row = next(reader)
        except StopIteration:
            break
        except _LongLine as e:
            records += 1
            yield too_large(path, str(e.number), f"a line over {limit:,} characters", max_chars)
            reader = _csv_reader(lines, delimiter)
            continue
        except csv.Error as e:
            records += 1
            yield _broken_row(path, lines, e)
            lines.parse_again_after_first()
            reader = _csv_reader(lines, delimiter)
            continue
        if not any(cell.strip() for cell in row):
            continue
        records += 1
        number = lines.first
        if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
            yield _too_many_fields(path, number, row, columns, delimiter)
            continue
        yield from article_of(dict(zip(columns, row, strict=False)), number=number)
    if records == 0:
        yield _empty_problem(path)


__all__ = [
    "FieldMap",
    "DecodedText",
    "max_record_chars",
    "read_csv",
    "read_json",
    "read_jsonl",
    "record_article",
]
