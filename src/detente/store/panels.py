"""Panels and dyads: event counts per unit and period, zero-filled, as DataFrames.

Both read the deduplicated events (``event_clusters``) by default, or every stored event
with ``dedup=False``, and keep the events the factuality filter lets through
(``detente.store.factuality``). Events without a date are left out.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from detente.crosswalk import crosswalk_table
from detente.errors import StoreError, UsageError
from detente.knowledge import load_knowledge
from detente.store.factuality import Factuality
from detente.store.filters import DateLike, Where, date_bound

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
        where.add(factuality.sql("c"))
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
        return f"SELECT DISTINCT {', '.join(unit_columns)} FROM counted"
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
) -> pd.DataFrame:
    """The zero-filled panel (see ``Store.panel``)."""
    listed = _countries_arg(countries)
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
    keys = ["period", *unit_columns]
    cw_names, cw_select, cw_join = _crosswalk_columns(unit_columns)
    count_columns = _count_columns()
    units = ", ".join(unit_columns)
    head = f"""
        WITH base AS ({numbered(base, where.params)}),
        unit_rows AS ({rows_sql})
    """
    params: dict[str, Any] = {f"p{i}": value for i, value in enumerate(where.params)}
    if listed is not None:
        params["countries"] = listed
    part = PERIODS[spec.freq][0]
    first, last = period_bounds(con, part, date_from, date_to)
    n_units = None
    if first is None or last is None or listed is None:
        # one pass over the rows for what the arguments leave open: the range, the units
        ((low, high, n_units),) = run_rows(
            con,
            f"{head} SELECT min(period), max(period), "
            f"(SELECT count(*) FROM (SELECT DISTINCT {units} FROM unit_rows)) FROM unit_rows",
            params,
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
    articles_cte = f"""
        articles AS (
            SELECT period, {units}, count(DISTINCT doc) AS articles
            FROM (SELECT period, {units}, unnest(doc_ids) AS doc FROM unit_rows)
            GROUP BY period, {units}
        ),"""
    query = f"""{head},
        counted AS (SELECT period, {units}, {counts_sql()} FROM unit_rows GROUP BY period, {units}),
        {articles_cte if articles else ""}
        periods AS (
            SELECT CAST(unnest(generate_series(CAST($first AS TIMESTAMP),
                   CAST($last AS TIMESTAMP), {PERIODS[spec.freq][1]})) AS DATE) AS period
        ),
        grid AS (SELECT * FROM periods CROSS JOIN ({_grid_units(spec, unit_columns, listed)}))
        SELECT g.period, {", ".join("g." + c for c in unit_columns)}, {cw_select}, {filled}
               {", coalesce(a.articles, 0) AS articles" if articles else ""}
        FROM grid g
        LEFT JOIN counted k USING ({", ".join(keys)})
        {f"LEFT JOIN articles a USING ({', '.join(keys)})" if articles else ""}
        {cw_join}
        ORDER BY {", ".join("g." + c for c in unit_columns)}, g.period
    """
    params.update({"first": first, "last": last})
    return run_query(con, query, params)


def numbered(sql: str, params: list[Any]) -> str:
    """Turn ``?`` placeholders into ``$p0, $p1 ...`` so one statement can mix both kinds."""
    parts = sql.split("?")
    if len(parts) - 1 != len(params):
        raise StoreError("internal: placeholder count does not match the parameters")
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += f"$p{i}" + part
    return out


def run_query(con: duckdb.DuckDBPyConnection, query: str, params: Any) -> pd.DataFrame:
    con.register("_crosswalk", crosswalk_table())
    try:
        return con.execute(query, params).df()
    except duckdb.Error as e:
        raise StoreError(f"panel query failed: {e}") from e
    finally:
        con.unregister("_crosswalk")


def run_rows(con: duckdb.DuckDBPyConnection, query: str, params: Any) -> list[tuple]:
    try:
        return con.execute(query, params).fetchall()
    except duckdb.Error as e:
        raise StoreError(f"panel query failed: {e}") from e


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
