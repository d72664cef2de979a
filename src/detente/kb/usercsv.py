"""People and roles from a plain CSV a user keeps current (issue 10).

One row per role: ``name, aliases, country, sector, role, start, end``::

    name,aliases,country,sector,role,start,end
    Mark Carney,Carney|Prime Minister Carney,CAN,GOV,Prime Minister,2025-03-14,

``aliases`` are ``|``-separated other names; ``country`` an ISO3 (or a CAMEO state) code;
``sector`` a CAMEO sector code (GOV, MIL, OPP, ...), empty for a plain citizen; ``role`` is
free text kept as evidence (the title); ``start`` and ``end`` ISO dates (``YYYY-MM-DD``),
empty for open. The role holds on ``start <= date < end``. Several rows of one name are
one person with several roles.

A row names a person the shipped knowledge base may already know: the CSV **overrides the
built-in codes from its start date** (a shipped role still open then ends there); before
that date the built-in roles hold. Malformed rows are reported with their line numbers and
skipped; the other rows load.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.errors import DictionaryError

COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end")
CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class CsvRole:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    title: str | None
    start: date | None
    end: date | None
    line: int

    @property
    def code(self) -> str:
        return self.country + (self.sector or "")


def is_csv_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".csv"


def parse_csv_roles(
    path: str | Path,
    *,
    states: frozenset[str] | None = None,
    sectors: frozenset[str] | None = None,
    errors: list[str] | None = None,
) -> list[CsvRole]:
    """The valid rows of a CSV dictionary. Each malformed row is skipped and reported as
    ``"file:line: reason"`` in ``errors``; ``states``/``sectors`` (when given) are the
    codes a country and a sector may take. A file without the header is an error."""
    path = Path(path)
    found: list[CsvRole] = []
    problems = errors if errors is not None else []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DictionaryError(str(path), None, f"cannot read the CSV dictionary: {e}") from e
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if tuple(header) != COLUMNS:
        raise DictionaryError(
            str(path), 1, f"the first line must be the header {','.join(COLUMNS)}"
        )
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        try:
            found.append(_row(row, number, states, sectors))
        except ValueError as e:
            problems.append(f"{path}:{number}: {e}")
    return found


def _row(
    row: list[str], line: int, states: frozenset[str] | None, sectors: frozenset[str] | None
) -> CsvRole:
    if len(row) != len(COLUMNS):
        raise ValueError(f"expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(row)}")
    name, aliases, country, sector, title, start, end = (cell.strip() for cell in row)
    if not name:
        raise ValueError("empty name")
    country, sector = country.upper(), sector.upper().lstrip("~")
    if not CODE.fullmatch(country) or (states is not None and country not in states):
        raise ValueError(f"unknown country code {country!r} (an ISO3 code such as CAN)")
    if sector and (not CODE.fullmatch(sector) or (sectors is not None and sector not in sectors)):
        raise ValueError(f"unknown sector code {sector!r} (a CAMEO sector such as GOV)")
    first, last = _date(start, "start"), _date(end, "end")
    if first is not None and last is not None and last <= first:
        raise ValueError(f"end {end} is not after start {start}")
    return CsvRole(
        name,
        tuple(a.strip() for a in aliases.split("|") if a.strip()),
        country,
        sector or None,
        title or None,
        first,
        last,
        line,
    )


def _date(text: str, column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"invalid {column} date {text!r}: expected YYYY-MM-DD") from None
