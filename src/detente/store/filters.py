"""Pieces of WHERE clauses the store's queries share: dates, actors, parameters."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from detente.errors import UsageError

DateLike = str | dt.date | None

_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def date_bound(name: str, value: DateLike, *, end: bool = False) -> dt.date:
    """A date argument: a date, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    A month or a year stands for its first day as a lower bound and its last day as an
    upper bound (``end=True``), so ``date_from="2018", date_to="2018"`` is all of 2018.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if _YEAR.fullmatch(text):
                year = int(text)
                return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
            if month := _MONTH.fullmatch(text):
                year, number = int(month.group(1)), int(month.group(2))
                last = calendar.monthrange(year, number)[1] if 1 <= number <= 12 else 1
                return dt.date(year, number, last if end else 1)
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise UsageError(f"{name}={value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")


class Where:
    """WHERE clauses and their parameters, built up by the query methods."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self, keyword: str = "WHERE") -> str:
        return (f"{keyword} " + " AND ".join(self.clauses)) if self.clauses else ""

    def dates(self, column: str, date_from: DateLike, date_to: DateLike) -> None:
        if date_from is not None:
            self.add(f"{column} >= ?", date_bound("date_from", date_from))
        if date_to is not None:
            self.add(f"{column} <= ?", date_bound("date_to", date_to, end=True))


def actor_clause(
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
    if not isinstance(actor, str):
        raise UsageError(f"actor={actor!r} must be a string")
    actor = actor.strip()
    if not actor:
        raise UsageError("actor must not be empty")
    upper = actor.upper()
    # Word edges by Unicode letters and digits (RE2's \b knows only ASCII words).
    words = r"(?:^|[^\pL\pN])" + re.escape(actor) + r"(?:$|[^\pL\pN])"
    parts = [f"{actor_id} = ?", f"{code} LIKE ? ESCAPE '\\'", f"regexp_matches({name}, ?, 'i')"]
    params: list[Any] = [actor, like_escape(upper) + "%", words]
    if country is not None:
        parts.append(f"{country} = ?")
        params.append(upper)
    if text is not None:
        parts.append(f"regexp_matches({text}, ?, 'i')")
        params.append(words)
    return "(" + " OR ".join(parts) + ")", params


def side_clause(actor: str, prefix: str) -> tuple[str, list[Any]]:
    """``actor`` on one side of an event (``prefix`` "e.source" or "e.target")."""
    return actor_clause(
        actor,
        actor_id=f"{prefix}_actor_id",
        name=f"{prefix}_name",
        code=f"{prefix}_code",
        country=f"{prefix}_country",
    )


def limit_sql(limit: int | None) -> str:
    if limit is None:
        return ""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise UsageError(f"limit={limit!r} must be a whole number, zero or more")
    return f" LIMIT {limit}"
