"""Normalise the date of a document to ISO ``YYYY-MM-DD``, never guessing "today"."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate
from functools import cache, lru_cache

from detente.knowledge import files
from detente.knowledge.tables import read_words

# Dates outside this range are placeholders or typos, not news dates.
MIN_YEAR = 1800
MAX_YEAR = 2200

# ISO dates with an optional time part: the date is the article's own local date.
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\S.*)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20170210

# dateparser fills missing parts from the current date ("March 5" -> this year) and
# reads relative phrases ("yesterday") against now; both would invent a date.
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


@cache
def missing_values() -> frozenset[str]:
    """Field values that mean "no value" ("None", "null", "n/a", ...), lower case."""
    return frozenset(value.lower() for value in read_words(files.MISSING_VALUES))


def is_missing(value: object) -> bool:
    """True for None, blank strings and placeholders such as "None" or "n/a"."""
    if value is None:
        return True
    if isinstance(value, str):
        stripped = value.strip()
        return not stripped or stripped.lower() in missing_values()
    return False


def _checked(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds since the epoch
        seconds /= 1000
    try:
        day = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return _checked(day.year, day.month, day.day)


@lru_cache(maxsize=4096)  # corpora repeat the same date strings
def _parse_date_string(value: str) -> str | None:
    match = _ISO_DATE.fullmatch(value) or _COMPACT_DATE.fullmatch(value)
    if match:
        return _checked(*(int(part) for part in match.groups()))
    rfc = parsedate(value)  # e-mail / RSS style: "Fri, 10 Feb 2017 12:00:00 GMT"
    if rfc is not None and rfc[0] and rfc[1] and rfc[2]:
        return _checked(rfc[0], rfc[1], rfc[2])
    if len(value) > 100 or not any(ch.isdigit() for ch in value):
        return None  # every full date has a number in it (the year)
    import dateparser  # slow to import; only some inputs need it

    try:
        parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, re.error):
        return None
    if parsed is None:
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def normalize_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD``, or None when it is not a full date.

    Accepts ISO dates and datetimes, e-mail style dates, anything dateparser
    reads in English with day, month and year present, ``datetime.date``
    objects and Unix timestamps (seconds or milliseconds). Relative dates
    ("yesterday") and partial ones ("March 5") are refused rather than
    completed from today's date.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, int | float):
        if value != value or value < 1e8:  # NaN, or too small for a timestamp
            return _parse_date_string(str(value)) if isinstance(value, int) else None
        return _from_timestamp(float(value))
    if isinstance(value, str):
        stripped = value.strip()
        return _parse_date_string(stripped) if stripped else None
    return None
