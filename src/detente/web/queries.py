"""Read-only queries behind the web app. Each returns plain rows (dicts) ready for a
template or for JSON; every value from a request reaches SQL as a parameter."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from detente.errors import NotFoundError, StoreError, UsageError
from detente.store import Store
from detente.store.factuality import OCCURRED
from detente.web.countries import countries, country_name

EVENTS = "events e JOIN documents d USING (doc_id)"
EVENT_DATE = "coalesce(e.date, d.date)"
# The events every count uses by default: said to have happened, and not denied (the
# store's one factuality rule, detente.store.factuality).
ASSERTED = OCCURRED.sql("e")
# The columns of an event in a list (dyad points, actor pages, search, validation); its
# sentence is cut from the text afterwards (see Explorer.events_list).
EVENT_COLUMNS = f"""e.event_id, e.doc_id, {EVENT_DATE} AS date, e.cameo, e.plover,
    e.quad_class, e.goldstein, e.modality, e.negated, e.confidence, e.rule, e.trigger_text,
    e.source_text, e.source_name, e.source_code, e.source_actor_id,
    e.target_text, e.target_name, e.target_code, e.target_actor_id,
    e.sentence_start, e.sentence_end, d.title, d.source AS outlet"""

MAX_PAGE = 200  # rows in any one list
MAX_PERIODS = 2000  # points on a time axis
PERIODS = ("day", "week", "month", "quarter", "year")
QUOTES_SHOWN = 10  # quotes by and about an actor on its page
CONFLICT = (3, 4)  # quad classes counted as conflict on the change map
_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a view counts: a date range (the event's date, else its document's),
    an actor on either side, a PLOVER category, a CAMEO code prefix, a quad class, and
    whether only asserted, non-negated events count (the default)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str | None = None
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    asserted: bool = True

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"from={self.date_from} is after to={self.date_to}")

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on ``events e JOIN documents d`` (always at least ``TRUE``)."""
        clauses, params = ["TRUE"], []
        if self.asserted:
            clauses.append(ASSERTED)
        if self.date_from is not None:
            clauses.append(f"{EVENT_DATE} >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append(f"{EVENT_DATE} <= ?")
            params.append(self.date_to)
        if self.actor:
            source, source_params = side_clause("source", self.actor)
            target, target_params = side_clause("target", self.actor)
            clauses.append(f"({source} OR {target})")
            params += source_params + target_params
        if self.plover:
            clauses.append("upper(e.plover) = ?")
            params.append(self.plover.strip().upper())
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo.strip())
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        return " AND ".join(clauses), params

    def query(self) -> dict[str, Any]:
        """The filter as URL query values (for links that keep it)."""
        values = {
            "from": self.date_from,
            "to": self.date_to,
            "actor": self.actor,
            "plover": self.plover,
            "cameo": self.cameo,
            "quad": self.quad_class,
        }
        query = {k: str(v) for k, v in values.items() if v not in (None, "")}
        if not self.asserted:
            query["asserted"] = "false"
        return query


def side_clause(side: str, key: str) -> tuple[str, list[Any]]:
    """One side of an event ("source"/"target") is ``key``: an ISO3 country, a code prefix
    ("USAGOV" also finds "USAGOVMIL") or an actor id ("shinzo-abe")."""
    key = key.strip()
    if not key:
        raise UsageError("an actor must not be empty")
    upper = key.upper()
    return (
        f"(e.{side}_country = ? OR starts_with(e.{side}_code, ?) OR e.{side}_actor_id = ?)",
        [upper, upper, key],
    )


def period_starts(first: dt.date, last: dt.date, freq: str) -> Iterator[dt.date]:
    """Every period start from ``first`` to ``last`` (both already period starts)."""
    months = {"month": 1, "quarter": 3, "year": 12}.get(freq)
    day = first
    while day <= last:
        yield day
        if months is None:
            day += dt.timedelta(days=1 if freq == "day" else 7)
        else:
            index = day.year * 12 + day.month - 1 + months
            day = dt.date(index // 12, index % 12 + 1, 1)


def truncate(day: dt.date, freq: str) -> dt.date:
    """The start of the period holding ``day`` (weeks start on Monday, as in DuckDB)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit={limit}: use 1 to {MAX_PAGE}")
    return limit


class TextCache:
    """Document texts by doc_id, the most recently used kept up to ``max_chars`` in all.

    DuckDB stores texts compressed in large blocks, so fetching a few scattered texts costs
    a block each (milliseconds apiece); lists of events with their sentences read the same
    articles again and again.
    """

    def __init__(self, max_chars: int = 50_000_000):
        self.max_chars = max_chars
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, doc_ids: Sequence[str], fetch) -> dict[str, str]:
        """The texts of ``doc_ids``; ``fetch(missing_ids)`` reads the ones not cached."""
        found: dict[str, str] = {}
        with self._lock:
            for doc_id in doc_ids:
                if doc_id in self._texts:
                    self._texts.move_to_end(doc_id)
                    found[doc_id] = self._texts[doc_id]
        missing = sorted(set(doc_ids) - set(found))
        if missing:
            fetched = fetch(missing)
            found.update(fetched)
            with self._lock:
                for doc_id, text in fetched.items():
                    if doc_id not in self._texts:
                        self._texts[doc_id] = text
                        self._size += len(text)
                while self._size > self.max_chars and len(self._texts) > 1:
                    _, dropped = self._texts.popitem(last=False)
                    self._size -= len(dropped)
        return found


class Explorer:
    """The queries of the web app over one store opened read-only.

    Safe to share between threads: each thread queries through its own cursor.
    """

    def __init__(self, store: Store):
        self.store = store
        self._local = threading.local()
        self._texts = TextCache()
        # The store is read-only while served: names and categories never change.
        self._labels: dict[str, str] = {}
        self._plover: list[str] | None = None
        self._overviews: dict[EventFilter, dict[str, Any]] = {}
        self._lock = threading.Lock()
        columns = {
            row["column_name"]
            for row in self.rows(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
            )
        }
        # Event locations (issue 10) are nullable columns (schema 2), filled once the events
        # stage chooses locations; until some event has one, the map places events at their
        # countries' centroids.
        self.has_locations = {"location_country", "location_lat", "location_lon"} <= columns and (
            self.one("SELECT 1 AS found FROM events WHERE location_lat IS NOT NULL LIMIT 1")
            is not None
        )

    # -- plumbing ----------------------------------------------------------------------------

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self.store.cursor()
        return cursor

    def rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._cursor()
        try:
            cursor.execute(query, list(params))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as e:
            raise StoreError(f"{self.store.path}: query failed: {e}") from e

    def one(self, query: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(query, params)
        return found[0] if found else None

    def texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Document texts by doc_id (cached)."""

        def fetch(missing: list[str]) -> dict[str, str]:
            rows = self.rows(
                "SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id)", [missing]
            )
            return {row["doc_id"]: row["text"] for row in rows}

        return self._texts.get(doc_ids, fetch)

    def events_list(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query selecting ``EVENT_COLUMNS``, each with its ``sentence``."""
        rows = self.rows(query, params)
        texts = self.texts(sorted({row["doc_id"] for row in rows}))
        for row in rows:
            start, end = row.pop("sentence_start"), row.pop("sentence_end")
            text = texts.get(row["doc_id"], "")
            row["sentence"] = text[start:end] if start is not None and end is not None else ""
        return rows

    # -- labels ----------------------------------------------------------------------------

    def label(self, key: str) -> str:
        """A readable name for an actor key: a country's name, an actor's name, or the
        code with its country spelled out ("JPNGOV" -> "Japan GOV")."""
        if key not in self._labels:
            self._labels[key] = self._find_label(key)
        return self._labels[key]

    def _find_label(self, key: str) -> str:
        name = country_name(key.upper())
        if name:
            return name
        row = self.one("SELECT name FROM actors WHERE actor_id = ?", [key])
        if row and row["name"]:
            return row["name"]
        upper = key.upper()
        if _CODE.match(upper) and country_name(upper[:3]):
            return f"{country_name(upper[:3])} {upper[3:]}".strip()
        return key

    def plover_categories(self) -> list[str]:
        if self._plover is None:
            rows = self.rows(
                "SELECT DISTINCT plover FROM events WHERE plover IS NOT NULL ORDER BY 1"
            )
            self._plover = [row["plover"] for row in rows]
        return self._plover

    # -- overview ----------------------------------------------------------------------------

    def overview(self, filt: EventFilter) -> dict[str, Any]:
        """Counts, the timeline, top actors and dyads, runs and errors (kept per filter: the
        landing page, and a read-only store cannot change while it is open)."""
        with self._lock:
            cached = self._overviews.get(filt)
        if cached is None:
            cached = self._overview(filt)
            with self._lock:
                if len(self._overviews) >= 32:
                    self._overviews.pop(next(iter(self._overviews)))
                self._overviews[filt] = cached
        return cached

    def _overview(self, filt: EventFilter) -> dict[str, Any]:
        where, params = filt.where()
        counts = self.one(
            "SELECT (SELECT count(*) FROM documents) AS documents, "
            "(SELECT count(*) FROM mentions) AS mentions, "
            "(SELECT count(*) FROM quotes) AS quotes, "
            "(SELECT count(*) FROM events) AS events, "
            f"(SELECT count(*) FROM {EVENTS} WHERE {ASSERTED}) AS asserted_events, "
            "(SELECT count(*) FROM errors WHERE severity = 'error') AS errors, "
            "(SELECT min(date) FROM documents) AS date_from, "
            "(SELECT max(date) FROM documents) AS date_to"
        )
        # The timeline covers the articles' dates; events they date years before (history
        # recalled in a story) would stretch it to decades of empty bars.
        lo = filt.date_from or counts["date_from"]
        hi = filt.date_to or counts["date_to"]
        freq = "week"
        if lo and hi and (hi - lo).days > 3 * 366:
            freq = "month"  # a readable number of bars
        timeline = self.rows(
            f"SELECT CAST(date_trunc('{freq}', {EVENT_DATE}) AS DATE) AS period, e.quad_class, "
            f"count(*) AS events FROM {EVENTS} WHERE {where} AND {EVENT_DATE} BETWEEN ? AND ? "
            "GROUP BY ALL ORDER BY period, e.quad_class",
            [*params, lo, hi],
        )
        return {
            "counts": counts,
            "freq": freq,
            "timeline_from": lo,
            "timeline_to": hi,
            "timeline": timeline,
            "top_actors": self.top_actors(filt),
            "top_dyads": self.top_dyads(filt),
            "runs": self.runs(),
            "errors": self.recent_errors(),
        }

    def top_actors(self, filt: EventFilter, limit: int = 15) -> list[dict[str, Any]]:
        where, params = filt.where()
        rows = self.rows(
            f"""WITH ev AS (SELECT e.* FROM {EVENTS} WHERE {where}),
            sides AS (
                SELECT coalesce(source_actor_id, source_code) AS key, source_name AS name FROM ev
                UNION ALL
                SELECT coalesce(target_actor_id, target_code) AS key, target_name AS name FROM ev
            )
            SELECT key, any_value(name) AS name, count(*) AS events FROM sides
            WHERE key IS NOT NULL GROUP BY key ORDER BY events DESC, key LIMIT ?""",
            [*params, limit],
        )
        for row in rows:
            # The canonical name: an event actor's own name may be a metonym ("Washington").
            name = row.pop("name")
            label = self.label(row["key"])
            row["label"] = label if label != row["key"] else name or label
        return rows

    def top_dyads(self, filt: EventFilter, limit: int = 15) -> list[dict[str, Any]]:
        where, params = filt.where()
        rows = self.rows(
            f"""SELECT least(e.source_country, e.target_country) AS a,
                   greatest(e.source_country, e.target_country) AS b,
                   count(*) AS events, avg(e.goldstein) AS goldstein_mean
            FROM {EVENTS} WHERE {where} AND e.source_country IS NOT NULL
              AND e.target_country IS NOT NULL AND e.source_country <> e.target_country
            GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?""",
            [*params, limit],
        )
        for row in rows:
            row["a_label"], row["b_label"] = self.label(row["a"]), self.label(row["b"])
        return rows

    def runs(self, limit: int = 10) -> list[dict[str, Any]]:
        return self.rows(
            """SELECT r.run_id, r.command, r.status, r.started_at, r.finished_at,
                   CAST(json_extract(r.summary, '$.documents') AS BIGINT) AS documents,
                   (SELECT count(*) FROM errors x WHERE x.run_id = r.run_id
                      AND x.severity = 'error') AS errors,
                   (SELECT count(*) FROM errors x WHERE x.run_id = r.run_id
                      AND x.severity = 'warning') AS warnings
            FROM runs r ORDER BY r.run_id DESC LIMIT ?""",
            [limit],
        )

    def recent_errors(self, limit: int = 20) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT run_id, ref, record, reason, detail, severity, noted_at FROM errors "
            "ORDER BY noted_at DESC, ref LIMIT ?",
            [limit],
        )

    # -- dyads -------------------------------------------------------------------------------

    def _directions(self, a: str, b: str) -> tuple[str, str, list[Any], list[Any]]:
        a_src, a_src_p = side_clause("source", a)
        b_tgt, b_tgt_p = side_clause("target", b)
        b_src, b_src_p = side_clause("source", b)
        a_tgt, a_tgt_p = side_clause("target", a)
        return (
            f"({a_src} AND {b_tgt})",
            f"({b_src} AND {a_tgt})",
            a_src_p + b_tgt_p,
            b_src_p + a_tgt_p,
        )

    def _dyad_scope(self, a: str, b: str, directed: bool, filt: EventFilter):
        a_to_b, b_to_a, ab_p, ba_p = self._directions(a, b)
        keep, keep_p = (a_to_b, ab_p) if directed else (f"({a_to_b} OR {b_to_a})", ab_p + ba_p)
        where, params = filt.where()
        return (a_to_b, b_to_a, ab_p + ba_p), (f"{keep} AND {where}", keep_p + params)

    def dyad(
        self, a: str, b: str, *, freq: str, directed: bool, filt: EventFilter
    ) -> dict[str, Any]:
        """Events between ``a`` and ``b`` per period: counts by quad class and direction,
        mean Goldstein. Periods without events are listed with zero counts."""
        if freq not in PERIODS:
            raise UsageError(f"freq={freq!r}: use one of {', '.join(PERIODS)}")
        (a_to_b, b_to_a, direction_p), (scope, scope_p) = self._dyad_scope(a, b, directed, filt)
        # Each event's direction is worked out once, in the inner query.
        rows = self.rows(
            f"""SELECT period, count(*) AS events,
                   count(*) FILTER (WHERE is_a_to_b) AS a_to_b,
                   count(*) FILTER (WHERE is_b_to_a) AS b_to_a,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   avg(goldstein) AS goldstein_mean
            FROM (SELECT CAST(date_trunc('{freq}', {EVENT_DATE}) AS DATE) AS period,
                         e.quad_class, e.goldstein, {a_to_b} AS is_a_to_b, {b_to_a} AS is_b_to_a
                  FROM {EVENTS} WHERE {EVENT_DATE} IS NOT NULL AND {scope})
            GROUP BY period ORDER BY period""",
            [*direction_p, *scope_p],
        )
        return {
            "a": a,
            "b": b,
            "a_label": self.label(a),
            "b_label": self.label(b),
            "freq": freq,
            "directed": directed,
            "series": self._fill_periods(rows, freq, filt),
        }

    def _fill_periods(
        self, rows: list[dict[str, Any]], freq: str, filt: EventFilter
    ) -> list[dict[str, Any]]:
        if not rows and not (filt.date_from and filt.date_to):
            return []
        first = truncate(filt.date_from, freq) if filt.date_from else rows[0]["period"]
        last = truncate(filt.date_to, freq) if filt.date_to else rows[-1]["period"]
        by_period = {row["period"]: row for row in rows}
        series = []
        for number, start in enumerate(period_starts(first, last, freq), 1):
            if number > MAX_PERIODS:
                raise UsageError(
                    f"more than {MAX_PERIODS} {freq}s: narrow the dates or use a longer freq"
                )
            series.append(by_period.get(start) or _empty_period(start))
        return series

    def dyad_events(
        self,
        a: str,
        b: str,
        *,
        period: dt.date,
        freq: str,
        directed: bool,
        filt: EventFilter,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """The events behind one point of the dyad chart, each with its sentence."""
        if freq not in PERIODS:
            raise UsageError(f"freq={freq!r}: use one of {', '.join(PERIODS)}")
        _, (scope, scope_p) = self._dyad_scope(a, b, directed, filt)
        return self.events_list(
            f"""SELECT {EVENT_COLUMNS} FROM {EVENTS}
            WHERE CAST(date_trunc('{freq}', {EVENT_DATE}) AS DATE) = ? AND {scope}
            ORDER BY date, e.doc_id, e.start_char LIMIT ?""",
            [truncate(period, freq), *scope_p, check_limit(limit)],
        )

    # -- lists of events ---------------------------------------------------------------------

    def events(
        self, filt: EventFilter, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of events matching ``filt`` (newest first) and how many match in all."""
        where, params = filt.where()
        if offset < 0:
            raise UsageError("offset must be zero or more")
        total = self.one(f"SELECT count(*) AS n FROM {EVENTS} WHERE {where}", params)["n"]
        rows = self.events_list(
            f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE {where} "
            "ORDER BY date DESC NULLS LAST, e.doc_id, e.start_char LIMIT ? OFFSET ?",
            [*params, check_limit(limit), offset],
        )
        return rows, total

    def events_by_id(self, event_ids: Sequence[int]) -> list[dict[str, Any]]:
        if not event_ids:
            return []
        return self.events_list(
            f"SELECT {EVENT_COLUMNS}, e.start_char, e.end_char FROM {EVENTS} "
            "WHERE list_contains(?, e.event_id) ORDER BY e.event_id",
            [list(event_ids)],
        )

    def sample(self, filt: EventFilter, *, size: int, seed: int) -> list[dict[str, Any]]:
        """A reproducible random sample of events for validation (same seed, same sample)."""
        where, params = filt.where()
        return self.events_list(
            f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE {where} "
            "ORDER BY hash(e.event_id, ?), e.event_id LIMIT ?",
            [*params, seed, check_limit(size)],
        )

    # -- map ---------------------------------------------------------------------------------

    def _place_country(self) -> str:
        if self.has_locations:
            return "coalesce(e.location_country, e.target_country, e.source_country)"
        return "coalesce(e.target_country, e.source_country)"

    def map_counts(self, filt: EventFilter) -> dict[str, Any]:
        """Events per country and per place. An event's place is its location when the
        store has one, else the centroid of its target's (or source's) country."""
        where, params = filt.where()
        located = (
            "e.location_name, e.location_lat, e.location_lon"
            if self.has_locations
            else "NULL AS location_name, NULL AS location_lat, NULL AS location_lon"
        )
        rows = self.rows(
            f"""SELECT {self._place_country()} AS iso3, {located}, count(*) AS events,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
                   avg(e.goldstein) AS goldstein_mean
            FROM {EVENTS} WHERE {where} GROUP BY ALL""",
            params,
        )
        table = countries()
        by_country: dict[str, dict[str, Any]] = {}
        points: dict[tuple, dict[str, Any]] = {}
        placed = {"location": 0, "centroid": 0, "none": 0}
        for row in rows:
            country = table.get(row["iso3"] or "")
            if row["location_lat"] is not None:
                key = (row["location_lat"], row["location_lon"], row["location_name"])
                method = "location"
            elif country is not None:
                key = (country.lat, country.lon, country.name)
                method = "centroid"
            else:
                placed["none"] += row["events"]
                continue
            placed[method] += row["events"]
            point = points.setdefault(
                key, {"lat": key[0], "lon": key[1], "name": key[2], "events": 0, "method": method}
            )
            point["events"] += row["events"]
            if country is not None:
                total = by_country.setdefault(
                    country.iso3,
                    {
                        "iso3": country.iso3,
                        "id": country.numeric,
                        "name": country.name,
                        "events": 0,
                        "conflict": 0,
                    },
                )
                total["events"] += row["events"]
                total["conflict"] += row["conflict"]
        return {
            "countries": sorted(by_country.values(), key=lambda r: (-r["events"], r["iso3"])),
            "points": sorted(points.values(), key=lambda r: -r["events"]),
            "placed": placed,
            "has_locations": self.has_locations,
        }

    def map_change(
        self,
        filt: EventFilter,
        *,
        end: dt.date | None,
        window: int,
        periods: int,
        factor: float = 2.0,
        min_events: int = 3,
    ) -> dict[str, Any]:
        """Conflict events per country in the last ``window`` days up to ``end`` against the
        norm (mean) of the ``periods`` windows before; a country is flagged when its count is
        at least ``min_events`` and at least ``factor`` times its norm (ACLED-style)."""
        if not 1 <= window <= 366 or not 1 <= periods <= 24:
            raise UsageError("window must be 1 to 366 days and periods 1 to 24")
        where, params = filt.where()
        if end is None:
            last = self.one(f"SELECT max({EVENT_DATE}) AS day FROM {EVENTS} WHERE {where}", params)
            end = last["day"] if last and last["day"] else dt.date.today()
        current_start = end - dt.timedelta(days=window)
        baseline_start = current_start - dt.timedelta(days=window * periods)
        rows = self.rows(
            f"""SELECT {self._place_country()} AS iso3,
                   count(*) FILTER (WHERE {EVENT_DATE} > ?) AS current,
                   count(*) FILTER (WHERE {EVENT_DATE} <= ?) AS baseline
            FROM {EVENTS} WHERE {where} AND e.quad_class IN (3, 4)
              AND {EVENT_DATE} > ? AND {EVENT_DATE} <= ? GROUP BY ALL""",
            [current_start, current_start, *params, baseline_start, end],
        )
        table = countries()
        changes = []
        for row in rows:
            country = table.get(row["iso3"] or "")
            if country is None:
                continue
            norm = row["baseline"] / periods
            changes.append(
                {
                    "iso3": country.iso3,
                    "id": country.numeric,
                    "name": country.name,
                    "current": row["current"],
                    "norm": round(norm, 2),
                    "change": round(row["current"] - norm, 2),
                    "flagged": row["current"] >= min_events and row["current"] >= factor * norm,
                }
            )
        changes.sort(key=lambda r: (-r["change"], r["iso3"]))
        return {
            "current_from": current_start + dt.timedelta(days=1),
            "current_to": end,
            "baseline_from": baseline_start + dt.timedelta(days=1),
            "baseline_to": current_start,
            "window": window,
            "periods": periods,
            "factor": factor,
            "min_events": min_events,
            "countries": changes,
        }

    # -- network -----------------------------------------------------------------------------

    def network(
        self, filt: EventFilter, *, level: str, min_events: int, limit: int
    ) -> dict[str, Any]:
        """Actors as nodes, undirected edges weighted by event count and mean Goldstein."""
        keys = {
            "country": "e.{side}_country",
            "code": "e.{side}_code",
            "actor": "coalesce(e.{side}_actor_id, e.{side}_code)",
        }
        if level not in keys:
            raise UsageError(f"level={level!r}: use one of {', '.join(keys)}")
        if min_events < 1:
            raise UsageError("min_events must be at least 1")
        source, target = (keys[level].format(side=side) for side in ("source", "target"))
        where, params = filt.where()
        edges = self.rows(
            f"""SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
                   avg(goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual
            FROM (SELECT {source} AS s, {target} AS t, e.goldstein, e.quad_class
                  FROM {EVENTS} WHERE {where})
            WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
            GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT ?""",
            [*params, min_events, check_limit(limit)],
        )
        weight: dict[str, int] = {}
        for edge in edges:
            for key in (edge["a"], edge["b"]):
                weight[key] = weight.get(key, 0) + edge["events"]
        nodes = [
            {"id": key, "label": self.label(key), "events": events}
            for key, events in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return {"level": level, "nodes": nodes, "edges": edges}

    # -- actors ------------------------------------------------------------------------------

    def actor(self, key: str, filt: EventFilter, *, limit: int = 20) -> dict[str, Any]:
        """An actor (an actor id) or a code (``JPNGOV``, ``JPN``): its codes over time, quotes
        by and about it, events as source and as target, and its partners."""
        row = self.one("SELECT * FROM actors WHERE actor_id = ?", [key])
        if row is not None:
            match = {"mention": "m.actor_id = ?", "speaker": "q.speaker_id = ?"}
            value = key
        elif _CODE.match(key.upper()):
            match = {
                "mention": "starts_with(m.code, ?)",
                "speaker": "starts_with(q.speaker_actor, ?)",
            }
            value = key.upper()
            row = {
                "actor_id": None,
                "name": self.label(value),
                "kind": "code",
                "code": value,
                "country": value[:3] if country_name(value[:3]) else None,
                "sector": value[3:] or None,
            }
        else:
            raise NotFoundError(f"no actor {key!r} in this store")
        roles = self.rows(
            f"""SELECT m.code, min(d.date) AS first_date, max(d.date) AS last_date,
                   count(*) AS mentions, count(DISTINCT m.doc_id) AS documents
            FROM mentions m JOIN documents d USING (doc_id) WHERE {match["mention"]}
            GROUP BY m.code ORDER BY first_date NULLS LAST, m.code""",
            [value],
        )
        as_source, as_target = (
            self._actor_events(side, value, filt, limit) for side in ("source", "target")
        )
        if not roles and not as_source["total"] and not as_target["total"]:
            raise NotFoundError(f"nothing in this store is coded {key!r}")
        return {
            "actor": row,
            "key": value,
            "roles": roles,
            "quotes_by": self._quotes(match["speaker"], value, min(limit, QUOTES_SHOWN)),
            "quotes_about": self._quotes_about(match, value, min(limit, QUOTES_SHOWN)),
            "as_source": as_source,
            "as_target": as_target,
            "partners": self._partners(value, filt),
        }

    def _actor_events(self, side: str, key: str, filt: EventFilter, limit: int) -> dict[str, Any]:
        clause, clause_p = side_clause(side, key)
        where, params = filt.where()
        total = self.one(
            f"SELECT count(*) AS n FROM {EVENTS} WHERE {clause} AND {where}", clause_p + params
        )["n"]
        rows = self.events_list(
            f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE {clause} AND {where} "
            "ORDER BY date DESC NULLS LAST, e.doc_id, e.start_char LIMIT ?",
            [*clause_p, *params, limit],
        )
        return {"total": total, "events": rows}

    def _quotes(self, clause: str, value: str, limit: int) -> list[dict[str, Any]]:
        return self.rows(
            f"""SELECT q.quote_id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_name,
                   d.date, d.title
            FROM quotes q JOIN documents d USING (doc_id) WHERE {clause}
            ORDER BY d.date DESC NULLS LAST, q.doc_id, q.start_char LIMIT ?""",
            [value, limit],
        )

    def _quotes_about(self, match: dict[str, str], value: str, limit: int) -> list[dict]:
        # Quotes whose words mention the actor, said by someone else.
        return self.rows(
            f"""SELECT q.quote_id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_name,
                   d.date, d.title
            FROM quotes q JOIN documents d USING (doc_id)
            WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id
                          AND m.start_char >= q.start_char AND m.end_char <= q.end_char
                          AND {match["mention"]})
              AND NOT coalesce({match["speaker"]}, FALSE)
            ORDER BY d.date DESC NULLS LAST, q.doc_id, q.start_char LIMIT ?""",
            [value, value, limit],
        )

    def _partners(self, key: str, filt: EventFilter, limit: int = 20) -> list[dict[str, Any]]:
        a_to_b_source, source_p = side_clause("source", key)
        target_side, target_p = side_clause("target", key)
        where, params = filt.where()
        rows = self.rows(
            f"""WITH ev AS (SELECT e.* FROM {EVENTS} WHERE {where}),
            partners AS (
                SELECT coalesce(e.target_actor_id, e.target_code) AS partner, e.target_name AS name,
                       e.goldstein, 'target' AS role FROM ev e WHERE {a_to_b_source}
                UNION ALL
                SELECT coalesce(e.source_actor_id, e.source_code), e.source_name,
                       e.goldstein, 'source' FROM ev e WHERE {target_side}
            )
            SELECT partner, any_value(name) AS name, count(*) AS events,
                   count(*) FILTER (WHERE role = 'target') AS as_target,
                   count(*) FILTER (WHERE role = 'source') AS as_source,
                   avg(goldstein) AS goldstein_mean
            FROM partners WHERE partner IS NOT NULL GROUP BY partner
            ORDER BY events DESC, partner LIMIT ?""",
            [*params, *source_p, *target_p, limit],
        )
        for row in rows:
            name = row.pop("name")
            label = self.label(row["partner"])
            row["label"] = label if label != row["partner"] else name or label
        return rows

    # -- articles ----------------------------------------------------------------------------

    def article(self, doc_id: str) -> dict[str, Any]:
        document = self.one(
            "SELECT doc_id, ref, title, section, date, source, url, lang, body_start, "
            "skipped FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        if document is None:
            raise NotFoundError(f"no article {doc_id!r} in this store")
        document["text"] = self.texts([doc_id])[doc_id]
        mentions = self.rows(
            "SELECT start_char, end_char, text, kind, actor_id, name, code, country, sector, "
            "resolved_by, undated, place_id, lat, lon, claimants, ner_label FROM mentions "
            "WHERE doc_id = ? ORDER BY start_char, end_char",
            [doc_id],
        )
        quotes = self.rows(
            "SELECT * EXCLUDE (doc_id) FROM quotes WHERE doc_id = ? ORDER BY start_char",
            [doc_id],
        )
        events = self.rows(
            "SELECT * EXCLUDE (doc_id) FROM events WHERE doc_id = ? ORDER BY start_char, event_id",
            [doc_id],
        )
        return {"document": document, "mentions": mentions, "quotes": quotes, "events": events}


def _empty_period(start: dt.date) -> dict[str, Any]:
    return {
        "period": start,
        "events": 0,
        "a_to_b": 0,
        "b_to_a": 0,
        "verbal_cooperation": 0,
        "material_cooperation": 0,
        "verbal_conflict": 0,
        "material_conflict": 0,
        "goldstein_mean": None,
    }
