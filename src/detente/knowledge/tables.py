"""The one reader of détente's knowledge files (everything under ``src/detente/data/``).

Tables (``.tsv`` and ``.txt`` files) are UTF-8 text, one row a line, fields separated by a
TAB. A line whose first non-blank character is ``#`` is a comment; blank lines are
skipped; ``#`` inside a row is data. Every file's layout is declared once
(:mod:`detente.knowledge.files`): its columns, and whether it has a header. A header is
the first line that is not a comment, and it must name the declared columns in order,
so a file and the code that reads it cannot drift apart. A row holds every declared
column; optional columns at its end may be left out (they read as ""). Values are
stripped of surrounding spaces and checked by their column's check; the big tables a
script writes (``generated``) are streamed as written, their values checked by the
data-contract test (``check_all``) rather than at every start-up. JSON files have one
reader too. Every problem is a :class:`~detente.errors.DictionaryError` naming the file
and the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def data_dir() -> Path:
    """The folder of the shipped knowledge files (inside the installed package)."""
    return DATA_DIR


@dataclass(frozen=True, slots=True)
class Check:
    """A test of one value, and what it expects (for the error message). ``all_pass``,
    when given, tests many values at once, faster (the big generated tables); ``test``
    then finds the one at fault."""

    test: Callable[[str], object]
    expects: str
    all_pass: Callable[[set[str]], bool] | None = None


def pattern(regex: str, expects: str) -> Check:
    return Check(re.compile(regex).fullmatch, expects)  # a match is true, None false


def one_of(*values: str) -> Check:
    allowed = frozenset(values)
    return Check(allowed.__contains__, "one of " + ", ".join(values))


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _converts(convert: Callable[[str], object]) -> Callable[[set[str]], bool]:
    """A test of many values at once: ``convert`` accepts them all."""

    def all_pass(values: set[str]) -> bool:
        try:
            for _ in map(convert, values):
                pass
        except ValueError:
            return False
        return True

    return all_pass


def _converter_check(convert: Callable[[str], object], expects: str) -> Check:
    all_pass = _converts(convert)
    return Check(lambda value: all_pass({value}), expects, all_pass)


def _all_dates(values: set[str]) -> bool:
    return all(len(value) == 10 for value in values) and _converts(date.fromisoformat)(values)


CAMEO_EVENT = pattern(r"\d{2,4}", "a CAMEO event code (2 to 4 digits)")
ISO3 = pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 code")
ACTOR_CODE = pattern(r"[A-Z0-9]{3,}", "a CAMEO actor code (upper-case letters)")
SECTOR = pattern(r"[A-Z]{3}", "a three-letter CAMEO sector code")
FLAG = one_of("0", "1")
INTEGER = _converter_check(int, "a whole number")
NUMBER = _converter_check(float, "a number")
DATE = Check(_is_date, "a date as YYYY-MM-DD", _all_dates)
WORD = pattern(r"\S+", "one word (no spaces)")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, an optional check of its values, and whether it
    may be empty (an optional column may also be left out at the end of a row)."""

    name: str
    check: Check | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """The declared layout of one tab-separated knowledge file."""

    name: str  # path under the data folder, e.g. "kb/seats.tsv"
    columns: tuple[Column, ...]
    header: bool  # the first line that is not a comment names the columns
    required: bool = True  # a missing file is an error (else it reads as no rows)
    # written by a script (scripts/build_kb.py): read as written, its values checked by the
    # data-contract test rather than at every start-up (they are ~100k rows)
    generated: bool = False

    def path(self, folder: Path | None = None) -> Path:
        return _path(self.name, folder)


@dataclass(frozen=True, slots=True)
class JsonFile:
    """A shipped JSON file (read whole by :func:`read_json`)."""

    name: str

    def path(self, folder: Path | None = None) -> Path:
        return _path(self.name, folder)


@dataclass(frozen=True, slots=True)
class PetrarchFile:
    """A shipped dictionary in PETRARCH's own format (read by its parser, which opens it
    through :func:`read_text`); ``kind`` is actors, agents or verbs."""

    name: str
    kind: str

    def path(self, folder: Path | None = None) -> Path:
        return _path(self.name, folder)


def _path(name: str, folder: Path | None) -> Path:
    """A file in ``folder`` (a copy of one data sub-folder), else in the shipped data."""
    if folder is not None:
        return Path(folder) / Path(name).name
    return DATA_DIR / name


def read_text(path: str | Path, *, errors: str = "strict") -> str:
    """The whole text of a knowledge or dictionary file."""
    try:
        return Path(path).read_text(encoding="utf-8", errors=errors)
    except FileNotFoundError as e:
        raise DictionaryError(str(path), None, "cannot read: no such file") from e
    except UnicodeDecodeError as e:
        raise DictionaryError(str(path), None, f"not UTF-8 text: {e.reason}") from e
    except OSError as e:
        raise DictionaryError(str(path), None, f"cannot read: {e.strerror}") from e


def read_json(path: str | Path) -> Any:
    """A JSON knowledge file, parsed; malformed JSON names its line."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DictionaryError(str(path), e.lineno, f"malformed JSON: {e.msg}") from e


def iter_rows(
    table: Table, *, folder: Path | None = None, check_all: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, values)`` for each row of ``table``, values in column order.

    ``folder`` reads the file of that name from another folder (tests, a local copy);
    ``check_all`` checks the values of a generated table too. A generated table is read
    as a stream (its ~100k rows never held at once); the others whole, then checked.
    """
    path = table.path(folder)
    if not table.required and not path.exists():
        return iter(())
    if table.generated and not check_all:
        return _stream(table, path)
    rows = _parse(table, str(path), read_text(path).splitlines())
    _check_values(table, str(path), rows)
    return iter(rows)


def read_rows(
    table: Table, *, folder: Path | None = None, check_all: bool = False
) -> list[tuple[int, list[str]]]:
    """The rows of :func:`iter_rows` as a list."""
    return list(iter_rows(table, folder=folder, check_all=check_all))


def iter_values(table: Table, *, folder: Path | None = None) -> Iterator[list[str]]:
    """The values of each row of ``table`` (as :func:`iter_rows`, without line numbers)."""
    return (values for _number, values in iter_rows(table, folder=folder))


def read_values(table: Table, *, folder: Path | None = None) -> list[list[str]]:
    return list(iter_values(table, folder=folder))


def read_words(table: Table, *, folder: Path | None = None) -> list[str]:
    """The single column of a word list, in file order."""
    return [values[0] for values in iter_values(table, folder=folder)]


def _parse(table: Table, where: str, lines: list[str]) -> list[tuple[int, list[str]]]:
    """The rows of a whole file, values trimmed, header and column counts checked."""
    rows = [
        (number, [value.strip() for value in line.split("\t")])
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if table.header:
        if not rows:
            raise DictionaryError(where, None, "no header line")
        _check_header(table, where, *rows.pop(0))
    elif rows and rows[0][1] == [column.name for column in table.columns]:
        number = rows[0][0]  # a word list is read without a header: its name would be a word
        raise DictionaryError(where, number, "a header line in a file read without one")
    counts = _RowCounts(table, where)
    for number, values in rows:
        counts.check(number, values)
    return rows


def _stream(table: Table, path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a generated table, read as written, one line at a time."""
    where = str(path)
    counts = _RowCounts(table, where)
    expect_header = table.header
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line[0] == "#" or line.isspace():
                    continue
                values = line.rstrip("\r\n").split("\t")
                if expect_header:
                    _check_header(table, where, number, values)
                    expect_header = False
                    continue
                if len(values) != counts.width:
                    counts.check(number, values)
                yield number, values
    except UnicodeDecodeError as e:
        raise DictionaryError(where, None, f"not UTF-8 text: {e.reason}") from e
    except OSError as e:
        raise DictionaryError(where, None, f"cannot read: {e.strerror}") from e
    if expect_header:
        raise DictionaryError(where, None, "no header line")


def _check_header(table: Table, where: str, number: int, values: list[str]) -> None:
    names = [column.name for column in table.columns]
    if values != names:
        found = "\t".join(values)
        raise DictionaryError(
            where, number, f"header should be {' TAB '.join(names)}, found {found!r}"
        )


class _RowCounts:
    """Every row has every column; optional ones at the end may be left out (read as "")."""

    def __init__(self, table: Table, where: str) -> None:
        columns = table.columns
        self.where = where
        self.width = len(columns)
        needed = self.width
        while needed and columns[needed - 1].optional:
            needed -= 1
        self.needed = needed

    def check(self, number: int, values: list[str]) -> None:
        count = len(values)
        if count == self.width:
            return
        if not self.needed <= count < self.width:
            expected = f"{self.needed} to {self.width}" if self.needed < self.width else self.width
            raise DictionaryError(
                self.where, number, f"expected {expected} tab-separated fields, found {count}"
            )
        values.extend([""] * (self.width - count))


def _check_values(table: Table, where: str, rows: list[tuple[int, list[str]]]) -> None:
    """No required value is empty, every value passes its column's check."""
    # column by column over the distinct values: most columns repeat a few values
    for i, column in enumerate(table.columns):
        if not column.optional and not all(values[i] for _n, values in rows):
            number = next(n for n, values in rows if not values[i])
            raise DictionaryError(where, number, f"column {column.name!r} is empty")
        check = column.check
        if check is None:
            continue
        distinct = {values[i] for _n, values in rows}
        distinct.discard("")
        if check.all_pass is not None and check.all_pass(distinct):
            continue
        for value in distinct:
            if not check.test(value):
                number = next(n for n, values in rows if values[i] == value)
                raise DictionaryError(
                    where, number, f"column {column.name!r}: {value!r} is not {check.expects}"
                )
