"""The panel layer: what panels count, laid out so that a panel is one pass of sums.

Rebuilt from ``event_clusters`` with the deduplication layer (``detente.store.dedup``), in
the same transaction, so it always matches the deduplicated events.

- ``panel_rows``: one row per panel unit, deduplicated event and document of that event.
  ``kind`` says which panel the row belongs to (``KINDS``): a country panel with role
  any, source or target (``unit_a`` the country), a directed or an undirected dyad panel
  (``unit_a``, ``unit_b``); a symmetric event has its reversed row in directed dyads, as
  panels count it. ``counts`` marks one row per event (its first document), which the event
  counts and Goldstein sums add up. Distinct articles are not additive, so each row
  carries, for each factuality class (``CLASSES``), the day of the previous row of the same
  kind, unit and document in that class (``prev_occurred`` ...): for a unit, the days of
  one document fall in a period as one run, so the document is counted once in a period,
  on the row whose previous day is in another period (or before the panel's first day,
  or absent). Exact for any period and date range, with plain counts.
- ``panel_months``: ``panel_rows`` summed per month: ``events``, ``goldstein_sum``,
  ``goldstein_n`` (events with a Goldstein value) and, per period of a month or longer and
  per factuality class, the documents counted there (``articles_month_occurred`` ...). A
  panel by month, quarter or year whose first day starts a period and whose last day ends
  a month reads these sums instead of the rows.

Both tables are sorted by kind and day (month), so a date range reads only its part.
"""

from __future__ import annotations

import duckdb

from detente.store.factuality import OCCURRED_MODALITY
from detente.store.schema import PANEL_MONTHLY

# (unit, role or direction) -> kind
KINDS = {
    ("country", "any"): 0,
    ("country", "source"): 1,
    ("country", "target"): 2,
    ("dyad", "directed"): 3,
    ("dyad", "undirected"): 4,
}

# Factuality classes (``Factuality`` switches asserted_only, include_negated): the rows
# each one keeps.
CLASSES = {
    (True, False): ("occurred", "asserted AND NOT negated"),
    (True, True): ("asserted", "asserted"),
    (False, False): ("unnegated", "NOT negated"),
    (False, True): ("any", "TRUE"),
}

_CLUSTERS = f"""
SELECT date AS day, source_country AS s, target_country AS t, plover, quad_class, goldstein,
       coalesce(modality = '{OCCURRED_MODALITY}', false) AS asserted,
       coalesce(negated, false) AS negated, cluster_id = undirected_id AS once,
       coalesce(is_symmetric, false) AS mutual, doc_ids
FROM event_clusters
WHERE date IS NOT NULL AND (source_country IS NOT NULL OR target_country IS NOT NULL)
"""

# The unit rows of each kind, as the panels count them (see ``detente.store.panels``):
# a country's own event once, a symmetric pair once per country or undirected dyad
# (through its first event: ``once``), a symmetric event in both directed dyads.
_UNITS = {
    0: [
        ("s", "NULL", "s IS NOT NULL AND once"),
        ("t", "NULL", "t IS NOT NULL AND s IS DISTINCT FROM t AND once"),
    ],
    1: [("s", "NULL", "s IS NOT NULL")],
    2: [("t", "NULL", "t IS NOT NULL")],
    3: [
        ("s", "t", "s IS NOT NULL AND t IS NOT NULL"),
        ("t", "s", "s IS NOT NULL AND t IS NOT NULL AND mutual AND s <> t"),
    ],
    4: [("least(s, t)", "greatest(s, t)", "s IS NOT NULL AND t IS NOT NULL AND once")],
}

_KEEP = "day, plover, quad_class, goldstein, asserted, negated, doc_ids"


def _prev_columns() -> str:
    return ",\n       ".join(
        f"max(day) FILTER (WHERE {condition}) OVER w AS prev_{name}"
        for name, condition in CLASSES.values()
    )


def _units() -> str:
    return "\nUNION ALL ".join(
        f"SELECT CAST({kind} AS TINYINT) AS kind, {_KEEP}, {a} AS unit_a, "
        f"CAST({b} AS VARCHAR) AS unit_b FROM c WHERE {where}"
        for kind, sides in _UNITS.items()
        for a, b, where in sides
    )


_ROWS = f"""
INSERT INTO panel_rows BY NAME
WITH c AS ({_CLUSTERS}),
units AS ({_units()}),
documents AS (
    SELECT * EXCLUDE (doc_ids), unnest(doc_ids) AS doc_id,
           generate_subscripts(doc_ids, 1) = 1 AS counts
    FROM units
)
SELECT kind, day, unit_a, unit_b, plover, quad_class, goldstein, asserted, negated, counts,
       {_prev_columns()}
FROM documents
WINDOW w AS (PARTITION BY kind, unit_a, unit_b, doc_id ORDER BY day
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
ORDER BY kind, day
"""


def new_document(prev: str, part: str, *, first_day: str | None = None) -> str:
    """SQL true on the row that counts its document in its ``part`` period (see the module
    doc); ``first_day``: the panel's first day, when it has one (an SQL expression)."""
    before = f" OR {prev} < {first_day}" if first_day else ""
    return f"({prev} IS NULL{before} OR date_trunc('{part}', {prev}) <> date_trunc('{part}', day))"


def _month_articles() -> str:
    return ",\n       ".join(
        f"count(*) FILTER (WHERE {condition} AND {new_document(f'prev_{name}', part)}) "
        f"AS articles_{part}_{name}"
        for part in PANEL_MONTHLY
        for name, condition in CLASSES.values()
    )


_MONTHS = f"""
INSERT INTO panel_months BY NAME
SELECT kind, CAST(date_trunc('month', day) AS DATE) AS month, unit_a, unit_b, plover,
       quad_class, asserted, negated,
       count(*) FILTER (WHERE counts) AS events,
       sum(goldstein) FILTER (WHERE counts) AS goldstein_sum,
       count(goldstein) FILTER (WHERE counts) AS goldstein_n,
       {_month_articles()}
FROM panel_rows
GROUP BY ALL
ORDER BY kind, month
"""


def month_article_columns() -> list[str]:
    """The ``articles_<period>_<class>`` columns of ``panel_months``."""
    return [f"articles_{part}_{name}" for part in PANEL_MONTHLY for name, _ in CLASSES.values()]


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild both tables from ``event_clusters`` (the caller holds the transaction)."""
    con.execute("DELETE FROM panel_rows")
    con.execute("DELETE FROM panel_months")
    con.execute(_ROWS)
    con.execute(_MONTHS)
