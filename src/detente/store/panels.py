"""Panels and dyads: event counts per unit and period, zero-filled, as DataFrames.

Both read the deduplicated events (``event_clusters``) by default, or every stored event
with ``dedup=False``, and keep the events the factuality filter lets through
(``detente.store.factuality``). Events without a date are left out. Deduplicated panels
read the same counts from the panel layer (``detente.store.panel_layer``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from detente.crosswalk import crosswalk_table
from detente.errors import StoreError, UsageError
from detente.knowledge import load_knowledge
from detente.store import panel_layer
from detente.store.factuality import Factuality
from detente.store.filters import DateLike, Where, date_bound
from detente.store.schema import PANEL_MONTHLY

# date_trunc part and the step between consecutive periods.
PERIODS = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 7 DAY"),
    "month": ("month", "INTERVAL 1 MONTH"),
    "quarter": ("quarter", "INTERVAL 3 MONTH"),
    "year": ("year", "INTERVAL 1 YEAR"),
}
UNITS = ("country", "dyad")
ROLES = ("any", "source", "target")
QUADS = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
DEFAULT_MAX_ROWS = 5_000_000


@functools.cache
def plover_categories() -> tuple[str, ...]:
    """PLOVER categories in the order of the CAMEO table (one count column each)."""
    seen: dict[str, None] = {}
    for entry in load_knowledge().cameo.codes.values():
        if entry.plover:
            seen.setdefault(entry.plover, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class PanelSpec:
    unit: str  # country | dyad
    freq: str  # day | week | month | quarter | year
    directed: bool = True
    role: str = "any"  # country panels: count events where the country is source, target or either

    @classmethod
    def parse(cls, unit: str, *, directed: bool, role: str) -> PanelSpec:
        """``unit`` is "country-month", "dyad-day" ... (``UNITS`` x ``PERIODS``)."""
        if not isinstance(unit, str) or unit.count("-") != 1:
            raise UsageError(f"unit={unit!r}: use {_unit_choices()}")
        kind, freq = unit.split("-")
        if kind not in UNITS or freq not in PERIODS:
            raise UsageError(f"unit={unit!r}: use {_unit_choices()}")
        if role not in ROLES:
            raise UsageError(f"role={role!r}: use one of {', '.join(ROLES)}")
        if kind == "dyad" and role != "any":
            raise UsageError("role applies to country panels only")
        return cls(kind, freq, directed, role)


def _unit_choices() -> str:
    return ", ".join(f"{u}-{p}" for u in UNITS for p in PERIODS)


def _base_rows(factuality: Factuality, dedup: bool, where: Where) -> str:
    """One row per counted event: uid, und (undirected id), date, countries, class, docs."""
    if dedup:
        where.add(factuality.sql("c", clusters=True))
        where.add("c.date IS NOT NULL")
        return f"""
            SELECT c.cluster_id AS uid, c.undirected_id AS und, c.date,
                   c.source_country, c.target_country, c.quad_class, c.plover, c.goldstein,
                   c.doc_ids, coalesce(c.is_symmetric, false) AS is_symmetric
            FROM event_clusters c {where.sql()}
        """
    where.add(factuality.sql("e"))
    where.add("coalesce(e.date, d.date) IS NOT NULL")
    return f"""
        SELECT e.event_id AS uid, least(e.event_id, coalesce(x.mirror_id, e.event_id)) AS und,
               coalesce(e.date, d.date) AS date,
               e.source_country, e.target_country, e.quad_class, e.plover, e.goldstein,
               [e.doc_id] AS doc_ids, coalesce(e.is_symmetric, false) AS is_symmetric
        FROM events e JOIN documents d USING (doc_id) LEFT JOIN event_dedup x USING (event_id)
        {where.sql()}
    """


def counts_sql(only: str | None = None) -> str:
    """Aggregates shared by panels and dyads: events by quad class and PLOVER category,
    Goldstein sum and mean; ``only`` restricts every one of them to rows where it holds."""
    keep = f"{only} AND " if only else ""

    def count(condition: str | None = None) -> str:
        test = f"{keep}{condition}" if condition else only
        return f"count(*) FILTER (WHERE {test})" if test else "count(*)"

    parts = [f"{count()} AS events"]
    parts += [f"{count(f'quad_class = {q}')} AS {name}" for q, name in QUADS.items()]
    parts += [
        f"{count(f'plover = {chr(39)}{category}{chr(39)}')} AS {category.lower()}"
        for category in plover_categories()
    ]
    goldstein = f"CASE WHEN {only} THEN goldstein END" if only else "goldstein"
    parts += [f"sum({goldstein}) AS goldstein_sum", f"avg({goldstein}) AS goldstein_mean"]
    return ",\n ".join(parts)


def _count_columns() -> list[str]:
    return [
        "events",
        *QUADS.values(),
        *(c.lower() for c in plover_categories()),
        "goldstein_sum",
        "goldstein_mean",
    ]


def _unit_rows(spec: PanelSpec) -> tuple[str, list[str]]:
    """SQL turning base rows into unit rows (unit columns + period), and the unit columns."""
    part = PERIODS[spec.freq][0]
    period = f"CAST(date_trunc('{part}', date) AS DATE) AS period"
    keep = "uid, und, quad_class, plover, goldstein, doc_ids"
    if spec.unit == "country":
        sides = []
        first_only = " AND uid = und" if spec.role == "any" else ""
        if spec.role in ("any", "source"):
            sides.append(
                f"SELECT {period}, source_country AS country, {keep} FROM base "
                f"WHERE source_country IS NOT NULL{first_only}"
            )
        if spec.role in ("any", "target"):
            # with role "any", a country's own event counts once, and a symmetric pair
            # (A->B, B->A from the same words) counts once, through its first event
            extra = (
                " AND source_country IS DISTINCT FROM target_country" if spec.role == "any" else ""
            )
            sides.append(
                f"SELECT {period}, target_country AS country, {keep} FROM base "
                f"WHERE target_country IS NOT NULL{extra}{first_only}"
            )
        return " UNION ALL ".join(sides), ["country"]
    both = "source_country IS NOT NULL AND target_country IS NOT NULL"
    if spec.directed:
        # a symmetric event ("Abe met Trump", coded once) counts in both directions
        return (
            f"SELECT {period}, source_country, target_country, {keep} FROM base WHERE {both} "
            f"UNION ALL SELECT {period}, target_country, source_country, {keep} FROM base "
            f"WHERE {both} AND is_symmetric AND source_country <> target_country",
            ["source_country", "target_country"],
        )
    # Undirected: a symmetric pair counts once, through its first event (uid = und).
    return (
        f"""SELECT {period}, least(source_country, target_country) AS country_a,
                   greatest(source_country, target_country) AS country_b, {keep}
            FROM base WHERE {both} AND uid = und""",
        ["country_a", "country_b"],
    )


def _countries_arg(countries: Any) -> list[str] | None:
    if countries is None:
        return None
    if isinstance(countries, str) or not all(isinstance(c, str) for c in countries):
        raise UsageError("countries must be a list of ISO3 codes, e.g. ['USA', 'CHN']")
    cleaned = sorted({c.strip().upper() for c in countries if c.strip()})
    if not cleaned:
        raise UsageError("countries must name at least one ISO3 code")
    return cleaned


def _grid_units(spec: PanelSpec, unit_columns: list[str], countries: list[str] | None) -> str:
    """All units of the zero-filled panel: those observed, or every listed country (pair)."""
    if countries is None:
        return f"SELECT DISTINCT {', '.join(unit_columns)} FROM _counted"
    listed = "SELECT unnest(CAST($countries AS VARCHAR[])) AS c"
    if spec.unit == "country":
        return f"SELECT c AS country FROM ({listed})"
    a, b = unit_columns
    pairs = f"SELECT x.c AS {a}, y.c AS {b} FROM ({listed}) x CROSS JOIN ({listed}) y"
    return pairs if spec.directed else pairs + " WHERE x.c <= y.c"


def _crosswalk_stem(column: str) -> str:
    """Prefix of the COW/GW columns of a unit column: "" (country), "source_", "a_" ..."""
    if column == "country":
        return ""
    if column.startswith("country_"):
        return column.removeprefix("country_") + "_"
    return column.removesuffix("_country") + "_"


def _crosswalk_columns(unit_columns: list[str]) -> tuple[list[str], str, str]:
    names, selects, joins = [], [], []
    for i, column in enumerate(unit_columns):
        stem = _crosswalk_stem(column)
        names += [f"{stem}cow_code", f"{stem}gw_code"]
        selects.append(f"cw{i}.cow_code AS {stem}cow_code, cw{i}.gw_code AS {stem}gw_code")
        joins.append(f"LEFT JOIN _crosswalk cw{i} ON cw{i}.iso3 = g.{column}")
    return names, ", ".join(selects), " ".join(joins)


def panel(
    con: duckdb.DuckDBPyConnection,
    spec: PanelSpec,
    *,
    factuality: Factuality,
    dedup: bool,
    date_from: DateLike,
    date_to: DateLike,
    countries: Any = None,
    articles: bool = True,
    max_rows: int = DEFAULT_MAX_ROWS,
    layer: bool = True,
) -> pd.DataFrame:
    """The zero-filled panel (see ``Store.panel``).

    Deduplicated counts come from the panel layer (``detente.store.panel_layer``), unless
    ``layer=False`` or ``min_confidence`` asks for the mentions; then from a scan of
    ``event_clusters`` (``events`` with ``dedup=False``). Both give the same numbers.
    """
    listed = _countries_arg(countries)
    unit_columns = _unit_columns(spec)
    keys = ["period", *unit_columns]
    cw_names, cw_select, cw_join = _crosswalk_columns(unit_columns)
    count_columns = _count_columns()
    part = PERIODS[spec.freq][0]
    first, last = period_bounds(con, part, date_from, date_to)
    if layer and dedup and factuality.min_confidence == 0:
        query, params = _layer_counts(spec, factuality, date_from, date_to, listed, articles)
    else:
        query, params = _scan_counts(spec, factuality, dedup, date_from, date_to, listed, articles)
    counted = run_arrow(con, query, params)
    units = ", ".join(unit_columns)
    if first is None or last is None or listed is None:
        # what the arguments leave open: the range, the units
        ((low, high, n_units),) = run_rows(
            con,
            f"SELECT min(period), max(period), (SELECT count(*) FROM (SELECT DISTINCT {units} "
            "FROM _counted)) FROM _counted",
            {},
            tables={"_counted": counted},
        )
        first = first or low
        last = last or high
    if first is None or last is None:
        return pd.DataFrame(columns=[*keys, *cw_names, *count_columns, *(["articles"] * articles)])
    if first > last:
        raise UsageError(f"date_from {date_from} is after date_to {date_to}")
    if listed is not None:
        n = len(listed)
        n_units = n if spec.unit == "country" else (n * n if spec.directed else n * (n + 1) // 2)
    periods = run_rows(
        con,
        "SELECT count(*) FROM (SELECT unnest(generate_series(CAST(? AS TIMESTAMP), "
        f"CAST(? AS TIMESTAMP), {PERIODS[spec.freq][1]})))",
        [first, last],
    )[0][0]
    if periods * n_units > max_rows:
        raise UsageError(
            f"the zero-filled panel would have {periods * n_units:,} rows ({n_units:,} units x "
            f"{periods:,} periods), over max_rows={max_rows:,}; narrow the dates, list the "
            "countries, or use a longer period"
        )
    filled = ", ".join(
        f"k.{c}" if c == "goldstein_mean" else f"coalesce(k.{c}, 0) AS {c}" for c in count_columns
    )
    query = f"""
        WITH periods AS (
            SELECT CAST(unnest(generate_series(CAST($first AS TIMESTAMP),
                   CAST($last AS TIMESTAMP), {PERIODS[spec.freq][1]})) AS DATE) AS period
        ),
        grid AS (SELECT * FROM periods CROSS JOIN ({_grid_units(spec, unit_columns, listed)}))
        SELECT g.period, {", ".join("g." + c for c in unit_columns)}, {cw_select}, {filled}
               {", coalesce(k.articles, 0) AS articles" if articles else ""}
        FROM grid g
        LEFT JOIN _counted k USING ({", ".join(keys)})
        {cw_join}
        ORDER BY {", ".join("g." + c for c in unit_columns)}, g.period
    """
    params = {"first": first, "last": last}
    if listed is not None:
        params["countries"] = listed
    return run_query(con, query, params, tables={"_counted": counted})


def _unit_columns(spec: PanelSpec) -> list[str]:
    if spec.unit == "country":
        return ["country"]
    return ["source_country", "target_country"] if spec.directed else ["country_a", "country_b"]


def _scan_counts(
    spec: PanelSpec,
    factuality: Factuality,
    dedup: bool,
    date_from: DateLike,
    date_to: DateLike,
    listed: list[str] | None,
    articles: bool,
) -> tuple[str, dict[str, Any]]:
    """Counts per period and unit from the deduplicated events (or every mention)."""
    where = Where()
    date_column = "c.date" if dedup else "coalesce(e.date, d.date)"
    where.dates(date_column, date_from, date_to)
    if listed is not None:
        alias = "c" if dedup else "e"
        where.add(
            f"(list_contains(?, {alias}.source_country) OR list_contains(?, {alias}.target_country))",
            listed,
            listed,
        )
    base = _base_rows(factuality, dedup, where)
    rows_sql, unit_columns = _unit_rows(spec)
    if listed is not None:
        # a pair of one listed and one other country is not part of the panel
        rows_sql = f"SELECT * FROM ({rows_sql}) WHERE " + " AND ".join(
            f"list_contains($countries, {c})" for c in unit_columns
        )
    units = ", ".join(unit_columns)
    params: dict[str, Any] = {f"p{i}": value for i, value in enumerate(where.params)}
    if listed is not None:
        params["countries"] = listed
    articles_sql = f"""
        SELECT period, {units}, count(DISTINCT doc) AS articles
        FROM (SELECT period, {units}, unnest(doc_ids) AS doc FROM unit_rows)
        GROUP BY period, {units}"""
    query = f"""
        WITH base AS ({numbered(base, where.params)}),
        unit_rows AS ({rows_sql}),
        counted AS (SELECT period, {units}, {counts_sql()} FROM unit_rows GROUP BY period, {units})
        SELECT * FROM counted
        {f"JOIN ({articles_sql}) USING (period, {units})" if articles else ""}
    """
    return query, params


def _layer_kind(spec: PanelSpec) -> tuple[str, str]:
    if spec.unit == "country":
        return ("country", spec.role)
    return ("dyad", "directed" if spec.directed else "undirected")


def _period_start(part: str, day: dt.date) -> dt.date:
    """The first day of the month, quarter or year ``day`` falls in."""
    if part == "year":
        return day.replace(month=1, day=1)
    if part == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(day=1)


def _layer_counts(
    spec: PanelSpec,
    factuality: Factuality,
    date_from: DateLike,
    date_to: DateLike,
    listed: list[str] | None,
    articles: bool,
) -> tuple[str, dict[str, Any]]:
    """Counts per period and unit from the panel layer (``panel_months`` for whole months,
    quarters and years; else ``panel_rows``)."""
    part = PERIODS[spec.freq][0]
    kind = panel_layer.KINDS[_layer_kind(spec)]
    name, condition = panel_layer.CLASSES[(factuality.asserted_only, factuality.include_negated)]
    unit_columns = _unit_columns(spec)
    layer_columns = ("unit_a", "unit_b")[: len(unit_columns)]
    units = ", ".join(f"{a} AS {b}" for a, b in zip(layer_columns, unit_columns, strict=True))
    where = [f"kind = {kind}", condition]
    params: dict[str, Any] = {}
    start = date_bound("date_from", date_from) if date_from is not None else None
    end = date_bound("date_to", date_to, end=True) if date_to is not None else None
    if listed is not None:
        params["countries"] = listed
        where += [f"list_contains($countries, {c})" for c in layer_columns]
    monthly = (
        part in PANEL_MONTHLY
        and (start is None or start == _period_start(part, start))  # a whole first period
        and (end is None or (end + dt.timedelta(days=1)).day == 1)  # a whole last month
    )
    date_column = "month" if monthly else "day"
    if start is not None:
        where.append(f"{date_column} >= $start")
        params["start"] = start
    if end is not None:
        where.append(f"{date_column} <= $end")
        params["end"] = end
    if not monthly:
        new = panel_layer.new_document(
            f"prev_{name}", part, first_day="$start" if start is not None else None
        )
        # one row per unit, event and document: counted in one pass
        return _pivot(
            "panel_rows",
            where,
            f"CAST(date_trunc('{part}', day) AS DATE) AS period, {units}",
            unit_columns,
            events="CASE WHEN counts{} THEN 1 ELSE 0 END",
            goldstein="CASE WHEN counts THEN goldstein END",
            articles=f"CASE WHEN {new} THEN 1 ELSE 0 END" if articles else None,
        ), params
    # one row per month, unit, category and factuality: summed as they are
    return _pivot(
        "panel_months",
        where,
        f"CAST(date_trunc('{part}', month) AS DATE) AS period, {units}",
        unit_columns,
        events="CASE WHEN true{} THEN events ELSE 0 END",
        goldstein="goldstein_sum",
        goldstein_n="goldstein_n",
        articles=f"articles_{part}_{name}" if articles else None,
    ), params


def _pivot(
    table: str,
    where: list[str],
    keys: str,
    unit_columns: list[str],
    *,
    events: str,
    goldstein: str,
    goldstein_n: str | None = None,
    articles: str | None,
) -> str:
    """One aggregation over the panel layer: ``events`` (a template for a condition) summed
    per quad class and PLOVER category, Goldstein sum and mean, articles."""
    # sums of CASE, not filtered sums: DuckDB sums a CASE about twice as fast
    total = "CAST(sum({}) AS BIGINT) AS {}"
    columns = [total.format(events.format(""), "events")]
    columns += [
        total.format(events.format(f" AND quad_class = {q}"), quad) for q, quad in QUADS.items()
    ]
    columns += [
        total.format(events.format(f" AND plover = '{category}'"), category.lower())
        for category in plover_categories()
    ]
    if goldstein_n is None:
        columns += [f"sum({goldstein}) AS goldstein_sum", f"avg({goldstein}) AS goldstein_mean"]
    else:
        columns += [
            f"sum({goldstein}) AS goldstein_sum",
            f"sum({goldstein}) / nullif(sum({goldstein_n}), 0) AS goldstein_mean",
        ]
    if articles:
        columns.append(total.format(articles, "articles"))
    return f"""
        SELECT {keys}, {", ".join(columns)}
        FROM {table} WHERE {" AND ".join(where)}
        GROUP BY period, {", ".join(unit_columns)}
    """


def numbered(sql: str, params: list[Any]) -> str:
    """Turn ``?`` placeholders into ``$p0, $p1 ...`` so one statement can mix both kinds."""
    parts = sql.split("?")
    if len(parts) - 1 != len(params):
        raise StoreError("internal: placeholder count does not match the parameters")
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += f"$p{i}" + part
    return out


def run_query(
    con: duckdb.DuckDBPyConnection,
    query: str,
    params: Any,
    *,
    tables: dict[str, pa.Table] | None = None,
) -> pd.DataFrame:
    """``query`` as a DataFrame, with the crosswalk and ``tables`` registered by name."""
    with _registered(con, {"_crosswalk": crosswalk_table(), **(tables or {})}):
        try:
            return con.execute(query, params).df()
        except duckdb.Error as e:
            raise StoreError(f"panel query failed: {e}") from e


def run_arrow(con: duckdb.DuckDBPyConnection, query: str, params: Any) -> pa.Table:
    try:
        return con.sql(query, params=params).to_arrow_table()
    except duckdb.Error as e:
        raise StoreError(f"panel query failed: {e}") from e


def run_rows(
    con: duckdb.DuckDBPyConnection,
    query: str,
    params: Any,
    *,
    tables: dict[str, pa.Table] | None = None,
) -> list[tuple]:
    with _registered(con, tables or {}):
        try:
            return con.execute(query, params).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"panel query failed: {e}") from e


@contextlib.contextmanager
def _registered(con: duckdb.DuckDBPyConnection, tables: dict[str, Any]) -> Iterator[None]:
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


def period_bounds(
    con: duckdb.DuckDBPyConnection, part: str, date_from: DateLike, date_to: DateLike
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last period the dates given fall in (None for a date not given)."""
    first = truncate(con, part, date_bound("date_from", date_from)) if date_from else None
    last = truncate(con, part, date_bound("date_to", date_to, end=True)) if date_to else None
    return first, last


def truncate(con: duckdb.DuckDBPyConnection, part: str, value: dt.date) -> dt.date:
    rows = run_rows(con, f"SELECT CAST(date_trunc('{part}', CAST(? AS DATE)) AS DATE)", [value])
    return rows[0][0]
