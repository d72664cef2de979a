"""Read-only queries behind the web app. Each returns plain rows (dicts) ready for a
template or for JSON; every value from a request reaches SQL as a parameter.

What an event is, here as in the CLI and notebooks: a **deduplicated event** (one row of
``event_clusters``, ``detente.store.dedup``) that passes the store's factuality rule
(``detente.store.factuality``). Every count, chart, network link and map point counts those;
views without a direction (the timeline, top dyads, the network, the map, lists) count a
symmetric pair ("Abe met Trump", coded both ways from the same words) once. Dyad charts come
from the store's own ``dyad`` query. Lists show each event with its first mention's sentence
and lead to every mention (``/event/ID``); the article page and the validation sample are about
mentions (one coded sentence each).
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from detente.errors import NotFoundError, StoreError, UsageError
from detente.store import Store
from detente.store import dyads as store_dyads
from detente.store.dyads import dyad_side, looks_like_code
from detente.store.factuality import EVERYTHING, OCCURRED, Factuality
from detente.web.countries import countries, country_name
from detente.web.labels import code_label, code_of_id, is_code

MENTIONS = "events e JOIN documents d USING (doc_id)"
EVENT_DATE = "coalesce(e.date, d.date)"
# Undirected views: a deduplicated event and its mirror (B -> A from the same words) once.
ONCE = "c.cluster_id = c.undirected_id"
CONFLICT = (3, 4)  # quad classes counted as conflict (the change map, network links)


def _sides(alias: str) -> str:
    return ", ".join(
        f"{alias}.{side}_{field}"
        for side in ("source", "target")
        for field in ("text", "name", "code", "actor_id")
    )


# Where a mention's words are: its source, trigger and target (the sentence shown is cut to them).
SPAN = """least(e.trigger_start, e.source_start, e.target_start) AS span_start,
    greatest(e.trigger_end, e.source_end, e.target_end) AS span_end"""
# A deduplicated event in a list: its own columns, and its first mention's words and article
# (the sentence is cut from the text afterwards, see Explorer._finish).
CLUSTER_LIST = f"""
    SELECT c.cluster_id, c.date, c.last_date, c.cameo, c.plover, c.quad_class, c.goldstein,
           c.modality, c.negated, c.num_mentions, c.num_stories, c.num_articles, c.num_sources,
           c.is_root_event, {_sides("c")},
           e.event_id, e.doc_id, e.trigger_text, e.rule, e.confidence, e.start_char, e.end_char,
           {SPAN},
           e.sentence_start, e.sentence_end, d.title, d.source AS outlet
    FROM event_clusters c JOIN events e ON e.event_id = c.first_event_id
    JOIN documents d ON d.doc_id = e.doc_id
"""
# A mention (one coded sentence) in a list, with the deduplicated event it belongs to.
MENTION_LIST = f"""
    SELECT e.event_id, e.doc_id, {EVENT_DATE} AS date, e.cameo, e.plover, e.quad_class,
           e.goldstein, e.modality, e.negated, e.confidence, e.rule, e.trigger_text,
           {_sides("e")}, e.start_char, e.end_char, {SPAN}, e.sentence_start, e.sentence_end,
           d.title, d.source AS outlet, x.cluster_id, c.num_mentions, c.num_articles
    FROM {MENTIONS} LEFT JOIN event_dedup x USING (event_id)
    LEFT JOIN event_clusters c ON c.cluster_id = x.cluster_id
"""

MAX_PAGE = 200  # rows in any one list
MAX_PERIODS = 2000  # points on a time axis
PERIODS = ("day", "week", "month", "quarter", "year")
QUOTES_SHOWN = 10  # quotes by and about an actor on its page


def _in_mentions(clause: str) -> str:
    """Deduplicated events with at least one mention where ``clause`` (on ``e``) holds."""
    return (
        "c.cluster_id IN (SELECT x.cluster_id FROM events e JOIN event_dedup x "
        f"USING (event_id) WHERE {clause})"
    )


def mention_side(key: str, prefix: str, *, by_id: bool = False) -> tuple[str, list[Any]]:
    """``key`` on one side of a mention (``prefix`` "e.source"): the store's dyad rule, or
    its actor id only (``by_id``: a key known to be an actor id, no name to search for)."""
    if by_id:
        return f"{prefix}_actor_id = ?", [key]
    return dyad_side(key, prefix)


def side_clause(key: str, side: str, *, by_id: bool = False) -> tuple[str, list[Any]]:
    """Deduplicated events ``c`` whose ``side`` ("source"/"target") is ``key``, by the rule of
    the store's dyads (``detente.store.dyads.dyad_side``): a country or code prefix typed in
    capitals ("JPN", "USAGOV") on the event itself; an actor id or whole words of a name on any
    of its mentions (two people with the same code can share a deduplicated event)."""
    key = key.strip()
    if looks_like_code(key) and not by_id:
        return dyad_side(key, f"c.{side}")
    clause, params = mention_side(key, f"e.{side}", by_id=by_id)
    return _in_mentions(clause), params


def either_side(key: str) -> tuple[str, list[Any]]:
    key = key.strip()
    prefix = "c" if looks_like_code(key) else "e"
    source, source_p = dyad_side(key, f"{prefix}.source")
    target, target_p = dyad_side(key, f"{prefix}.target")
    clause = f"({source} OR {target})"
    return (clause if prefix == "c" else _in_mentions(clause)), source_p + target_p


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

    def factuality(self) -> Factuality:
        return OCCURRED if self.asserted else EVERYTHING

    def narrows_events(self) -> bool:
        """True when the filter asks for some events only (beyond dates and factuality)."""
        return any(
            value is not None for value in (self.actor, self.plover, self.cameo, self.quad_class)
        )

    def clusters(self, *, dated: bool = False) -> tuple[str, list[Any]]:
        """SQL conditions on deduplicated events ``event_clusters c``; ``dated`` leaves out
        events without a date (as charts and the store's panels and dyads do)."""
        clauses, params = [self.factuality().sql("c")], []
        if dated:
            clauses.append("c.date IS NOT NULL")
        if self.date_from is not None:
            clauses.append("c.date >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append("c.date <= ?")
            params.append(self.date_to)
        if self.actor:
            clause, actor_params = either_side(self.actor)
            clauses.append(clause)
            params += actor_params
        for column, value in self._codes("c"):
            clauses.append(column)
            params.append(value)
        return " AND ".join(clauses), params

    def mentions(self) -> tuple[str, list[Any]]:
        """SQL conditions on mentions ``events e JOIN documents d`` (the validation sample)."""
        clauses, params = [self.factuality().sql("e")], []
        if self.date_from is not None:
            clauses.append(f"{EVENT_DATE} >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append(f"{EVENT_DATE} <= ?")
            params.append(self.date_to)
        if self.actor:
            source, source_p = dyad_side(self.actor, "e.source")
            target, target_p = dyad_side(self.actor, "e.target")
            clauses.append(f"({source} OR {target})")
            params += source_p + target_p
        for column, value in self._codes("e"):
            clauses.append(column)
            params.append(value)
        return " AND ".join(clauses), params

    def _codes(self, alias: str) -> list[tuple[str, Any]]:
        conditions: list[tuple[str, Any]] = []
        if self.plover:
            conditions.append((f"upper({alias}.plover) = ?", self.plover.strip().upper()))
        if self.cameo:
            conditions.append((f"starts_with({alias}.cameo, ?)", self.cameo.strip()))
        if self.quad_class is not None:
            conditions.append((f"{alias}.quad_class = ?", self.quad_class))
        return conditions

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


def period_count(first: dt.date, last: dt.date, freq: str) -> int:
    """How many periods of ``freq`` from the one holding ``first`` to the one holding ``last``."""
    first, last = truncate(first, freq), truncate(last, freq)
    if first > last:
        return 0
    if freq in ("day", "week"):
        return (last - first).days // (1 if freq == "day" else 7) + 1
    months = (last.year - first.year) * 12 + last.month - first.month
    return months // {"month": 1, "quarter": 3, "year": 12}[freq] + 1


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


def _plain(value: Any) -> Any:
    """A DataFrame cell as a JSON-ready value: dates, ints, None for NaN."""
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def evidence(
    text: str, start: int | None, end: int | None, event_start: int | None, event_end: int | None
) -> str:
    """The sentence of an event (``start``, ``end``) as a list shows it: cut to the lines that
    hold the event (``event_start``, ``event_end``: its source, trigger and target) when the sentence runs over line breaks
    (a headline, a caption or the end of the paragraph before, which would read as glued
    to it once the line break is shown as a space)."""
    if start is None or end is None:
        return ""
    if event_start is not None and event_end is not None and start <= event_start <= event_end:
        before = text.rfind("\n", start, event_start)
        if before != -1:
            start = before + 1
        after = text.find("\n", max(event_end, start), end)
        if after != -1:
            end = after
    return text[start:end].strip()


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


class Memo:
    """Results by key, the ``size`` most recently used kept (safe to share between threads).

    The store is read-only while served, so a result never goes stale. Two threads asking
    for the same missing key at once may both compute it; the second result is kept.
    """

    def __init__(self, size: int):
        self.size = size
        self._results: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = compute()
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result


# How many results of each kind an Explorer keeps (``Explorer.cached``).
MEMO_SIZES = {"overview": 32, "dyad": 512, "actor": 128, "article": 128, "article page": 128}


class Explorer:
    """The queries of the web app over one store opened read-only.

    Safe to share between threads: each thread queries through its own cursor.
    """

    def __init__(self, store: Store):
        self.store = store
        self._local = threading.local()
        self._texts = TextCache()
        # Every count reads the deduplicated events: a store whose last run did not finish
        # has them out of date, and a read-only store cannot rebuild them (StoreError says how).
        self.dedup = store.dedup_summary()
        # The store is read-only while served: names and categories never change.
        self._labels: dict[str, str] = {}
        self._plover: list[str] | None = None
        self._memos = {kind: Memo(size) for kind, size in MEMO_SIZES.items()}
        # Event locations (issue 10) are filled once the events stage chooses them; until
        # some event has one, the map places events at their countries' centroids.
        self.has_locations = (
            self.one("SELECT 1 AS found FROM events WHERE location_lat IS NOT NULL LIMIT 1")
            is not None
        )

    # -- plumbing ----------------------------------------------------------------------------

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self.store.cursor()
        return cursor

    def cached(self, kind: str, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, or its result kept from an earlier call with the same ``kind`` (one of
        ``MEMO_SIZES``) and ``key``. Results are shared: callers must not change them."""
        return self._memos[kind].get(key, compute)

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

    def _finish(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows of ``CLUSTER_LIST`` or ``MENTION_LIST``: each gets its ``sentence`` and, for
        each side, the key its links use and a readable label."""
        texts = self.texts(sorted({row["doc_id"] for row in rows}))
        for row in rows:
            start, end = row.pop("sentence_start"), row.pop("sentence_end")
            text = texts.get(row["doc_id"], "")
            span = row.pop("span_start"), row.pop("span_end")
            row["sentence"] = evidence(text, start, end, *span)
            for side in ("source", "target"):
                row[f"{side}_key"], row[f"{side}_label"] = self.side_label(row, side)
        return rows

    def events_list(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._finish(self.rows(query, params))

    # -- labels ----------------------------------------------------------------------------

    def label(self, key: str) -> str:
        """A readable name for an actor key: a country's name, a code read out ("USAJUD" ->
        "United States judiciary"), a person's or organization's name, else the key."""
        if key not in self._labels:
            self._labels[key] = self._find_label(key)
        return self._labels[key]

    def _find_label(self, key: str) -> str:
        code = code_of_id(key) or key.upper()
        named = code_label(code)
        if named:
            return named
        if code_of_id(key) is None:
            row = self.one("SELECT name FROM actors WHERE actor_id = ?", [key])
            if row and row["name"]:
                return row["name"]
        return key

    def side_label(self, row: dict[str, Any], side: str) -> tuple[str | None, str]:
        """The key (actor id or code) and label of one side of an event row. A person or an
        organization by its name; a state or group by its code, not by the mention's words
        (a metonym like "Washington" or "the White House" reads "United States government")."""
        actor_id, code = row[f"{side}_actor_id"], row[f"{side}_code"]
        text = row[f"{side}_name"] or row[f"{side}_text"] or ("?" if side == "source" else "—")
        if actor_id and code_of_id(actor_id) is None:
            return actor_id, self.label(actor_id)
        if code:
            return code, code_label(code) or text
        return actor_id, text

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
        return self.cached("overview", filt, lambda: self._overview(filt))

    def _overview(self, filt: EventFilter) -> dict[str, Any]:
        where, params = filt.clusters(dated=True)
        counted, counted_params = filt.clusters()
        counts = self.one(
            "SELECT (SELECT count(*) FROM documents) AS documents, "
            "(SELECT count(*) FROM mentions) AS mentions, "
            "(SELECT count(*) FROM quotes) AS quotes, "
            "(SELECT count(*) FROM events) AS events, "
            f"(SELECT count(*) FROM event_clusters c WHERE {counted} AND {ONCE}) "
            "AS deduplicated_events, "
            f"(SELECT count(*) FROM event_clusters c WHERE {counted} AND {ONCE} "
            "AND c.num_articles > 1) AS in_several_articles, "
            "(SELECT count(*) FROM errors WHERE severity = 'error') AS errors, "
            "(SELECT min(date) FROM documents) AS date_from, "
            "(SELECT max(date) FROM documents) AS date_to",
            [*counted_params, *counted_params],
        )
        # The timeline covers the articles' dates; events they date years before (history
        # recalled in a story) would stretch it to decades of empty bars.
        lo = filt.date_from or counts["date_from"]
        hi = filt.date_to or counts["date_to"]
        freq = "week"
        if lo and hi and (hi - lo).days > 3 * 366:
            freq = "month"  # a readable number of bars
        timeline = self.rows(
            f"SELECT CAST(date_trunc('{freq}', c.date) AS DATE) AS period, c.quad_class, "
            f"count(*) AS events FROM event_clusters c WHERE {where} AND {ONCE} "
            "AND c.date BETWEEN ? AND ? GROUP BY ALL ORDER BY period, c.quad_class",
            [*params, lo, hi],
        )
        return {
            "counts": counts,
            "dedup_window_days": self.dedup["window_days"],
            "freq": freq,
            "timeline_from": lo,
            "timeline_to": hi,
            "timeline": timeline,
            "top_actors": self.top_actors(filt),
            "top_dyads": self.top_dyads(filt),
            "runs": self.runs(),
            "errors": self.recent_errors(),
        }

    def _mentioned(self, filt: EventFilter) -> tuple[str, list[Any]]:
        """A CTE ``mentioned``: each mention of a counted deduplicated event, with the
        event's ids, Goldstein score and quad class, the mention's sides, and their actor
        keys ``source`` and ``target`` (actor id, else code). A deduplicated event is keyed
        by codes, so its mentions can name different people with the same code."""
        where, params = filt.clusters(dated=True)
        return (
            f"""mentioned AS (
                SELECT c.cluster_id, c.undirected_id, c.goldstein, c.quad_class,
                       {_sides("e")}, e.source_country, e.target_country,
                       coalesce(e.source_actor_id, e.source_code) AS source,
                       coalesce(e.target_actor_id, e.target_code) AS target
                FROM event_clusters c JOIN event_dedup x ON x.cluster_id = c.cluster_id
                JOIN events e ON e.event_id = x.event_id
                WHERE {where})""",
            params,
        )

    def top_actors(self, filt: EventFilter, limit: int = 15) -> list[dict[str, Any]]:
        """Actors by the number of deduplicated events they take part in (a symmetric pair
        once)."""
        mentioned, params = self._mentioned(filt)
        rows = self.rows(
            f"""WITH {mentioned},
            keys AS (SELECT undirected_id, source AS key FROM mentioned
                     UNION SELECT undirected_id, target FROM mentioned)
            SELECT key, count(*) AS events FROM keys WHERE key IS NOT NULL
            GROUP BY key ORDER BY events DESC, key LIMIT ?""",
            [*params, limit],
        )
        for row in rows:
            row["label"] = self.label(row["key"])
        return rows

    def top_dyads(self, filt: EventFilter, limit: int = 15) -> list[dict[str, Any]]:
        """Pairs of countries by their deduplicated events, either way (as the dyad page)."""
        where, params = filt.clusters(dated=True)
        rows = self.rows(
            f"""SELECT least(c.source_country, c.target_country) AS a,
                   greatest(c.source_country, c.target_country) AS b,
                   count(*) AS events,
                   len(list_distinct(flatten(list(c.doc_ids)))) AS articles,
                   avg(c.goldstein) AS goldstein_mean
            FROM event_clusters c WHERE {where} AND {ONCE} AND c.source_country IS NOT NULL
              AND c.target_country IS NOT NULL AND c.source_country <> c.target_country
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

    @staticmethod
    def check_dyad_filter(filt: EventFilter) -> None:
        if filt.narrows_events():
            raise UsageError(
                "a dyad counts every event between its two actors, by quad class; actor, "
                "plover, cameo and quad do not apply here (search lists events by them)"
            )

    def _check_periods(self, filt: EventFilter, freq: str) -> None:
        if filt.date_from and filt.date_to:
            if period_count(filt.date_from, filt.date_to, freq) > MAX_PERIODS:
                raise UsageError(
                    f"more than {MAX_PERIODS} {freq}s: narrow the dates or use a longer freq"
                )

    def dyad(
        self, a: str, b: str, *, freq: str, directed: bool, filt: EventFilter
    ) -> dict[str, Any]:
        """Deduplicated events between ``a`` and ``b`` per period, from the store's dyad query
        (``detente.store.dyads``): counts by quad class and direction, mean
        Goldstein, articles. Periods without events are listed with zero counts (kept: the
        dyad API is what clients poll)."""
        key = (a, b, freq, directed, filt)
        return self.cached("dyad", key, lambda: self._dyad(a, b, freq, directed, filt))

    def _dyad(self, a: str, b: str, freq: str, directed: bool, filt: EventFilter) -> dict[str, Any]:
        if freq not in PERIODS:
            raise UsageError(f"freq={freq!r}: use one of {', '.join(PERIODS)}")
        self.check_dyad_filter(filt)
        self._check_periods(filt, freq)
        frame = store_dyads.dyad(
            self._cursor(),
            a,
            b,
            freq=freq,
            both_directions=not directed,
            factuality=filt.factuality(),
            dedup=True,
            date_from=filt.date_from,
            date_to=filt.date_to,
        )
        if len(frame) > MAX_PERIODS:
            raise UsageError(
                f"more than {MAX_PERIODS} {freq}s: narrow the dates or use a longer freq"
            )
        series = [
            {name: _plain(value) for name, value in row.items()} for row in frame.to_dict("records")
        ]
        return {
            "a": a,
            "b": b,
            "a_label": self.label(a),
            "b_label": self.label(b),
            "freq": freq,
            "directed": directed,
            "series": series,
        }

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
        """The deduplicated events behind one point of the dyad chart (the same ones the
        store's dyad query counts there), each with its first mention's sentence."""
        if freq not in PERIODS:
            raise UsageError(f"freq={freq!r}: use one of {', '.join(PERIODS)}")
        self.check_dyad_filter(filt)
        codes = all(looks_like_code(key.strip()) for key in (a, b))
        t = "c" if codes else "e"
        a_src, a_src_p = dyad_side(a, f"{t}.source")
        b_tgt, b_tgt_p = dyad_side(b, f"{t}.target")
        keep, keep_p = f"({a_src} AND {b_tgt})", [*a_src_p, *b_tgt_p]
        if not directed:
            b_src, b_src_p = dyad_side(b, f"{t}.source")
            a_tgt, a_tgt_p = dyad_side(a, f"{t}.target")
            keep = f"({keep} OR ({b_src} AND {a_tgt}))"
            keep_p += [*b_src_p, *a_tgt_p]
        if not codes:
            keep = _in_mentions(keep)
        where, params = filt.clusters(dated=True)
        once = f" AND {ONCE}" if not directed else ""
        return self.events_list(
            f"""{CLUSTER_LIST}
            WHERE CAST(date_trunc('{freq}', c.date) AS DATE) = ? AND {keep} AND {where}{once}
            ORDER BY c.date, c.cluster_id LIMIT ?""",
            [truncate(period, freq), *keep_p, *params, check_limit(limit)],
        )

    # -- lists of events ---------------------------------------------------------------------

    def events(
        self, filt: EventFilter, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of deduplicated events matching ``filt`` (newest first, a symmetric pair
        once) and how many match in all."""
        where, params = filt.clusters()
        if offset < 0:
            raise UsageError("offset must be zero or more")
        total = self.one(
            f"SELECT count(*) AS n FROM event_clusters c WHERE {where} AND {ONCE}", params
        )["n"]
        rows = self.events_list(
            f"{CLUSTER_LIST} WHERE {where} AND {ONCE} "
            "ORDER BY c.date DESC NULLS LAST, c.cluster_id LIMIT ? OFFSET ?",
            [*params, check_limit(limit), offset],
        )
        return rows, total

    def event(self, cluster_id: int, *, limit: int = MAX_PAGE) -> dict[str, Any]:
        """One deduplicated event and its mentions (the evidence: each sentence and article)."""
        found = self.events_list(f"{CLUSTER_LIST} WHERE c.cluster_id = ?", [cluster_id])
        if not found:
            raise NotFoundError(f"no deduplicated event {cluster_id} in this store")
        event = found[0]
        mirror = self.one(
            "SELECT min(cluster_id) AS id FROM event_clusters "
            "WHERE undirected_id = (SELECT undirected_id FROM event_clusters WHERE cluster_id = ?) "
            "AND cluster_id <> ?",
            [cluster_id, cluster_id],
        )
        mentions = self.events_list(
            f"{MENTION_LIST} WHERE x.cluster_id = ? ORDER BY date, e.doc_id, e.start_char LIMIT ?",
            [cluster_id, check_limit(limit)],
        )
        return {"event": event, "mirror_id": mirror["id"], "mentions": mentions}

    def events_by_id(self, event_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Mentions (coded events) by their event ids, for judgements."""
        if not event_ids:
            return []
        return self.events_list(
            f"{MENTION_LIST} WHERE list_contains(?, e.event_id) ORDER BY e.event_id",
            [list(event_ids)],
        )

    def sample(self, filt: EventFilter, *, size: int, seed: int) -> list[dict[str, Any]]:
        """A reproducible random sample of mentions for validation (same seed, same sample):
        a coder judges one coded sentence at a time."""
        where, params = filt.mentions()
        return self.events_list(
            f"{MENTION_LIST} WHERE {where} ORDER BY hash(e.event_id, ?), e.event_id LIMIT ?",
            [*params, seed, check_limit(size)],
        )

    # -- map ---------------------------------------------------------------------------------

    def _placed(self, filt: EventFilter, extra: str = "TRUE") -> tuple[str, list[Any]]:
        """Counted events (a symmetric pair once) with where they are placed: the location
        of the first mention (as the GDELT export's ActionGeo), else the target's country,
        else the source's."""
        where, params = filt.clusters(dated=True)
        return (
            f"""SELECT c.*, coalesce(e.location_country, c.target_country, c.source_country)
                       AS iso3, e.location_name, e.location_lat, e.location_lon
                FROM event_clusters c JOIN events e ON e.event_id = c.first_event_id
                WHERE {where} AND {ONCE} AND {extra}""",
            params,
        )

    def map_counts(self, filt: EventFilter) -> dict[str, Any]:
        """Events per country and per place. An event's place is its location when the
        store has one, else the centroid of its target's (or source's) country."""
        placed_sql, params = self._placed(filt)
        rows = self.rows(
            f"""SELECT iso3, location_name, location_lat, location_lon, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN {CONFLICT}) AS conflict
            FROM ({placed_sql}) GROUP BY ALL""",
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
        if end is None:
            where, params = filt.clusters(dated=True)
            last = self.one(
                f"SELECT max(c.date) AS day FROM event_clusters c WHERE {where}", params
            )
            end = last["day"] if last and last["day"] else dt.date.today()
        current_start = end - dt.timedelta(days=window)
        baseline_start = current_start - dt.timedelta(days=window * periods)
        placed_sql, params = self._placed(
            filt, f"c.quad_class IN {CONFLICT} AND c.date > ? AND c.date <= ?"
        )
        rows = self.rows(
            f"""SELECT iso3, count(*) FILTER (WHERE date > ?) AS current,
                   count(*) FILTER (WHERE date <= ?) AS baseline
            FROM ({placed_sql}) GROUP BY ALL""",
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
        """Actors as nodes, undirected links weighted by deduplicated events (a symmetric pair
        once) and coloured by their mean Goldstein score."""
        if level not in ("country", "code", "actor"):
            raise UsageError(f"level={level!r}: use one of country, code, actor")
        if min_events < 1:
            raise UsageError("min_events must be at least 1")
        if level == "actor":
            # people are told apart on the mentions (see _mentioned)
            mentioned, params = self._mentioned(filt)
            pairs = f"WITH {mentioned} SELECT * FROM mentioned"
        else:
            where, params = filt.clusters(dated=True)
            pairs = (
                f"SELECT c.cluster_id, c.undirected_id, c.goldstein, c.quad_class, "
                f"c.source_{level} AS source, c.target_{level} AS target "
                f"FROM event_clusters c WHERE {where}"
            )
        edges = self.rows(
            f"""SELECT a, b, count(*) AS events, avg(goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative,
                   count(*) FILTER (WHERE quad_class IN {CONFLICT}) AS conflictual
            FROM (SELECT DISTINCT undirected_id, goldstein, quad_class,
                         least(source, target) AS a, greatest(source, target) AS b
                  FROM ({pairs}) WHERE source IS NOT NULL AND target IS NOT NULL
                    AND source <> target)
            GROUP BY a, b HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT ?""",
            [*params, min_events, check_limit(limit)],
        )
        weight: dict[str, int] = {}
        for edge in edges:
            for key in (edge["a"], edge["b"]):
                weight[key] = weight.get(key, 0) + edge["events"]
            edge["a_label"], edge["b_label"] = self.label(edge["a"]), self.label(edge["b"])
        nodes = [
            {"id": key, "label": self.label(key), "events": events}
            for key, events in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return {"level": level, "nodes": nodes, "edges": edges}

    # -- actors ------------------------------------------------------------------------------

    def actor(self, key: str, filt: EventFilter, *, limit: int = 20) -> dict[str, Any]:
        """An actor (an actor id) or a code (``JPNGOV``, ``JPN``): its codes over time, quotes
        by and about it, events as source and as target, and its partners (kept)."""
        return self.cached("actor", (key, filt, limit), lambda: self._actor(key, filt, limit))

    def _actor(self, key: str, filt: EventFilter, limit: int) -> dict[str, Any]:
        row = self.one("SELECT * FROM actors WHERE actor_id = ?", [key])
        if row is not None:
            match = {"mention": "m.actor_id = ?", "speaker": "q.speaker_id = ?"}
            value = key
            row["name"] = self.label(key)
        elif is_code(key.upper()):
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
        by_id = row["actor_id"] is not None
        as_source, as_target = (
            self._actor_events(side, value, filt, limit, by_id=by_id)
            for side in ("source", "target")
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
            "partners": self._partners(value, filt, by_id=by_id),
        }

    def _actor_events(
        self, side: str, key: str, filt: EventFilter, limit: int, *, by_id: bool
    ) -> dict[str, Any]:
        clause, clause_p = side_clause(key, side, by_id=by_id)
        where, params = filt.clusters()
        total = self.one(
            f"SELECT count(*) AS n FROM event_clusters c WHERE {clause} AND {where}",
            clause_p + params,
        )["n"]
        rows = self.events_list(
            f"{CLUSTER_LIST} WHERE {clause} AND {where} "
            "ORDER BY c.date DESC NULLS LAST, c.cluster_id LIMIT ?",
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

    def _partners(
        self, key: str, filt: EventFilter, limit: int = 20, *, by_id: bool = False
    ) -> list[dict[str, Any]]:
        """Who the actor deals with: deduplicated events per partner (a symmetric pair once,
        as on the dyad page), with how many have the partner as target and as source."""
        mentioned, params = self._mentioned(filt)
        source, source_p = mention_side(key, "e.source", by_id=by_id)
        target, target_p = mention_side(key, "e.target", by_id=by_id)
        rows = self.rows(
            f"""WITH {mentioned},
            partners AS (
                SELECT DISTINCT cluster_id, undirected_id, goldstein, target AS partner,
                       'target' AS role FROM mentioned e WHERE {source}
                UNION
                SELECT DISTINCT cluster_id, undirected_id, goldstein, source, 'source'
                FROM mentioned e WHERE {target}
            ),
            per_event AS (
                SELECT partner, undirected_id, any_value(goldstein) AS goldstein,
                       count(DISTINCT cluster_id) FILTER (WHERE role = 'target') AS as_target,
                       count(DISTINCT cluster_id) FILTER (WHERE role = 'source') AS as_source
                FROM partners WHERE partner IS NOT NULL GROUP BY partner, undirected_id
            )
            SELECT partner, count(*) AS events, sum(as_target) AS as_target,
                   sum(as_source) AS as_source, avg(goldstein) AS goldstein_mean
            FROM per_event GROUP BY partner ORDER BY events DESC, partner LIMIT ?""",
            [*params, *source_p, *target_p, limit],
        )
        for row in rows:
            row["label"] = self.label(row["partner"])
            row["as_target"], row["as_source"] = int(row["as_target"]), int(row["as_source"])
        return rows

    # -- articles ----------------------------------------------------------------------------

    def article(self, doc_id: str) -> dict[str, Any]:
        """An article's text and every fact in it with its offsets (kept per article)."""
        return self.cached("article", doc_id, lambda: self._article(doc_id))

    def _article(self, doc_id: str) -> dict[str, Any]:
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
            "SELECT e.* EXCLUDE (doc_id), x.cluster_id, c.num_mentions, c.num_articles "
            "FROM events e LEFT JOIN event_dedup x USING (event_id) "
            "LEFT JOIN event_clusters c ON c.cluster_id = x.cluster_id "
            "WHERE e.doc_id = ? ORDER BY e.start_char, e.event_id",
            [doc_id],
        )
        for event in events:
            for side in ("source", "target"):
                event[f"{side}_key"], event[f"{side}_label"] = self.side_label(event, side)
        return {"document": document, "mentions": mentions, "quotes": quotes, "events": events}
