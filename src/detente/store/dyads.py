"""Dyads: events between two actors per period, zero-filled (``Store.dyad``).

The same counts as the panels (``detente.store.panels``) for one pair of actors given as
codes, actor ids or names; an actor no event has is a NotFoundError with suggestions.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb
import pandas as pd

from detente.crosswalk import country_codes
from detente.errors import NotFoundError, UsageError
from detente.store.factuality import Factuality
from detente.store.filters import DateLike, Where, like_escape
from detente.store.panels import (
    PERIODS,
    QUADS,
    counts_sql,
    numbered,
    period_bounds,
    run_query,
    run_rows,
)


def looks_like_code(actor: str) -> bool:
    """ "JPN", "USAGOV", "IGOUNO": an ISO3 country or a CAMEO code prefix, typed in capitals."""
    return actor.isalnum() and actor.isupper() and len(actor) >= 3


def dyad_side(actor: Any, prefix: str) -> tuple[str, list[Any]]:
    """``actor`` on one side of an event (``prefix`` "e.source"): a code or country typed in
    capitals, else an actor id or whole words of a name ("Donald Trump", "person:xi-jinping")."""
    if not isinstance(actor, str) or not actor.strip():
        raise UsageError("dyad actors must be non-empty strings")
    actor = actor.strip()
    if looks_like_code(actor):
        return (
            f"({prefix}_country = ? OR {prefix}_code LIKE ? ESCAPE '\\')",
            [actor, like_escape(actor) + "%"],
        )
    words = r"(?:^|[^\pL\pN])" + re.escape(actor) + r"(?:$|[^\pL\pN])"
    return (
        f"({prefix}_actor_id = ? OR regexp_matches({prefix}_name, ?, 'i'))",
        [actor, words],
    )


def _pair_key(a: str, b: str) -> str | None:
    """``event_clusters.pair_key`` of two codes that start with a state ("USAGOV", "CHN")."""
    states = country_codes()
    countries = [code[:3] for code in (a, b)]
    if not all(country in states for country in countries):
        return None
    return "|".join(sorted(countries))


def check_actor_known(con: duckdb.DuckDBPyConnection, actor: str) -> None:
    """Raise NotFoundError, with suggestions, when no event has ``actor`` on either side."""
    source, source_params = dyad_side(actor, "e.source")
    target, target_params = dyad_side(actor, "e.target")
    found = run_rows(
        con,
        f"SELECT 1 FROM events e WHERE {source} OR {target} LIMIT 1",
        [*source_params, *target_params],
    )
    if found:
        return
    suggestions = _suggestions(con, actor)
    hint = (
        "dyad takes an ISO3 country (USA), a CAMEO code prefix (USAGOV), an actor id "
        "(person:donald-trump) or a name as stored (Donald Trump)"
    )
    if suggestions:
        hint += "; the store has: " + ", ".join(suggestions)
    raise NotFoundError(f"no event in the store has {actor!r} as source or target; {hint}")


def _suggestions(con: duckdb.DuckDBPyConnection, actor: str) -> list[str]:
    words = [w for w in actor.replace(":", " ").replace("-", " ").split() if len(w) >= 3]
    if not words:
        return []
    clause = (
        "(name ILIKE ? ESCAPE '\\' OR code ILIKE ? ESCAPE '\\' OR actor_id ILIKE ? ESCAPE '\\')"
    )
    params: list[Any] = []
    for word in words:
        params += ["%" + like_escape(word) + "%"] * 3
    rows = run_rows(
        con,
        f"SELECT actor_id, name, code FROM actors WHERE {' OR '.join([clause] * len(words))} "
        "ORDER BY actor_id LIMIT 5",
        params,
    )
    return [f"{name} ({code or actor_id})" for actor_id, name, code in rows]


def dyad(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    freq: str,
    both_directions: bool,
    factuality: Factuality,
    dedup: bool,
    date_from: DateLike,
    date_to: DateLike,
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per period (see ``Store.dyad``)."""
    if freq not in PERIODS:
        raise UsageError(f"freq={freq!r}: use one of {', '.join(PERIODS)}")
    part, step = PERIODS[freq]
    # Codes and countries are what deduplicated events are keyed by: match them there
    # directly; ids and names are matched on every mention (``e``), then mapped.
    on_clusters = dedup and all(isinstance(x, str) and looks_like_code(x.strip()) for x in (a, b))
    t = "c" if on_clusters else "e"
    a_src, a_src_p = dyad_side(a, f"{t}.source")
    b_tgt, b_tgt_p = dyad_side(b, f"{t}.target")
    b_src, b_src_p = dyad_side(b, f"{t}.source")
    a_tgt, a_tgt_p = dyad_side(a, f"{t}.target")
    # a symmetric event ("Abe met Trump", coded once) goes both ways
    mutual = f"coalesce({t}.is_symmetric, false)"
    a_to_b = f"(({a_src} AND {b_tgt}) OR ({mutual} AND {b_src} AND {a_tgt}))"
    b_to_a = f"(({b_src} AND {a_tgt}) OR ({mutual} AND {a_src} AND {b_tgt}))"
    a_to_b_params = [*a_src_p, *b_tgt_p, *b_src_p, *a_tgt_p]
    direction_params = [*a_to_b_params, *b_src_p, *a_tgt_p, *a_src_p, *b_tgt_p]
    keep = f"({a_to_b} OR {b_to_a})" if both_directions else a_to_b
    keep_params = direction_params if both_directions else a_to_b_params
    where = Where()
    if on_clusters:
        date_column = "c.date"
        where.add(factuality.sql("c", clusters=True))
        pair = _pair_key(a.strip(), b.strip())
        if pair is not None:  # the table is sorted by it: only that pair's rows are read
            where.add("c.pair_key = ?", pair)
        where.add(keep, *keep_params)
        rows = f"""
            SELECT c.cluster_id AS uid, c.undirected_id AS und, c.date, c.quad_class, c.plover,
                   c.goldstein, c.doc_ids, {a_to_b} AS is_a_to_b, {b_to_a} AS is_b_to_a
            FROM event_clusters c
        """
        params = list(direction_params)
    elif dedup:
        date_column = "c.date"
        where.add(factuality.sql("c", clusters=True))
        rows = f"""
            SELECT m.uid, c.undirected_id AS und, c.date, c.quad_class, c.plover, c.goldstein,
                   c.doc_ids, m.is_a_to_b, m.is_b_to_a
            FROM (SELECT x.cluster_id AS uid, bool_or({a_to_b}) AS is_a_to_b,
                         bool_or({b_to_a}) AS is_b_to_a
                  FROM events e JOIN event_dedup x USING (event_id)
                  WHERE {keep} GROUP BY x.cluster_id) m
            JOIN event_clusters c ON c.cluster_id = m.uid
        """
        params = [*direction_params, *keep_params]
    else:
        date_column = "coalesce(e.date, d.date)"
        where.add(factuality.sql("e"))
        where.add(keep, *keep_params)
        rows = f"""
            SELECT e.event_id AS uid, least(e.event_id, coalesce(x.mirror_id, e.event_id)) AS und,
                   {date_column} AS date, e.quad_class, e.plover, e.goldstein,
                   [e.doc_id] AS doc_ids, {a_to_b} AS is_a_to_b, {b_to_a} AS is_b_to_a
            FROM events e JOIN documents d USING (doc_id) LEFT JOIN event_dedup x USING (event_id)
        """
        params = list(direction_params)
    where.add(f"{date_column} IS NOT NULL")
    where.dates(date_column, date_from, date_to)
    params += where.params
    # A symmetric pair (A->B and B->A from the same words) is one event, counted through its
    # first event (uid = und); both of its directions count in a_to_b and b_to_a.
    only = "uid = und" if both_directions else None
    query = f"""
        WITH dyad_rows AS ({rows} {where.sql()}),
        per_event AS (
            SELECT CAST(date_trunc('{part}', date) AS DATE) AS period, * FROM dyad_rows
        ),
        bounds AS (
            SELECT coalesce(CAST($first AS DATE), min(period)) AS lo,
                   coalesce(CAST($last AS DATE), max(period)) AS hi
            FROM per_event
        ),
        periods AS (
            SELECT CAST(unnest(generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP),
                                               {step})) AS DATE) AS period
            FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL
        ),
        counted AS (
            SELECT period, {counts_sql(only)},
                   count(*) FILTER (WHERE is_a_to_b) AS a_to_b,
                   count(*) FILTER (WHERE is_b_to_a) AS b_to_a
            FROM per_event GROUP BY period
        ),
        articles AS (
            SELECT CAST(date_trunc('{part}', date) AS DATE) AS period,
                   count(DISTINCT doc) AS articles
            FROM (SELECT date, unnest(doc_ids) AS doc FROM dyad_rows) GROUP BY ALL
        )
        SELECT p.period, coalesce(k.events, 0) AS events,
               coalesce(k.a_to_b, 0) AS a_to_b, coalesce(k.b_to_a, 0) AS b_to_a,
               {", ".join(f"coalesce(k.{name}, 0) AS {name}" for name in QUADS.values())},
               coalesce(k.verbal_cooperation, 0) + coalesce(k.material_cooperation, 0)
                   AS cooperative,
               coalesce(k.verbal_conflict, 0) + coalesce(k.material_conflict, 0) AS conflictual,
               k.goldstein_mean, coalesce(k.goldstein_sum, 0) AS goldstein_sum,
               coalesce(a.articles, 0) AS articles
        FROM periods p LEFT JOIN counted k USING (period) LEFT JOIN articles a USING (period)
        ORDER BY p.period
    """
    first, last = period_bounds(con, part, date_from, date_to)
    named = {f"p{i}": value for i, value in enumerate(params)}
    named.update({"first": first, "last": last})
    frame = run_query(con, numbered(query, params), named)
    if frame.empty:
        check_actor_known(con, a)
        check_actor_known(con, b)
    return frame
