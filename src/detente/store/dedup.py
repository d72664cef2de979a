"""Deduplication: the same happening, reported many times, counted once, with its evidence.

Two levels, both rebuilt from ``events`` in SQL (``rebuild``):

- **story events**: within one document, events with the same source, target, CAMEO code,
  modality, negation and date are one event (a story repeats its lead in later paragraphs).
  ``event_dedup.story_id`` is the smallest ``event_id`` of the group.
- **deduplicated events** (GDELT-like): story events from different documents with the same
  source, target, code, modality and negation are one event when each comes less than
  ``window_days`` after the previous one (1 = the same day). ``event_clusters`` holds one row
  per deduplicated event with NumMentions/NumSources/NumArticles-style counts, IsRootEvent,
  and the list of its mentions (``event_ids``) and documents (``doc_ids``): the evidence.
  The panel layer (``detente.store.panel_layer``) is rebuilt from them in the same step.

Actors are compared by their CAMEO code, else their actor id, else their lower-cased text.
An event without a date (neither its own nor its document's) is never merged across stories.

A symmetric event (``events.is_symmetric``: "Abe met Trump", a mutual act coded once) is
grouped with its actors in a fixed order, so the same meeting reported as "Trump met Abe"
elsewhere is the same event. Mirrored events of older stores ("Abe met Trump" coded in both
directions from the same words) are linked (``event_dedup.mirror_id``) and share
``event_clusters.undirected_id``, so undirected counts see them once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb

from detente.errors import UsageError
from detente.store import panel_layer

DEFAULT_WINDOW_DAYS = 1
META_KEY = "dedup"

# The actor key deduplication compares (see the module doc).
_KEY = "coalesce(e.{side}_code, e.{side}_actor_id, lower(e.{side}_text))"

# Where a document's lead paragraph ends: the first line break after the body's first text.
_DOCUMENTS = """
SELECT doc_id, added_at,
       coalesce(source, nullif(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)', 1), ''),
                doc_id) AS outlet,
       body_start + (length(body) - length(lead)) +
           CASE WHEN strpos(lead, chr(10)) = 0 THEN length(lead)
                ELSE strpos(lead, chr(10)) - 1 END AS lead_end,
       date
FROM (
    SELECT *, ltrim(body, ' ' || chr(9) || chr(10) || chr(13)) AS lead
    FROM (SELECT *, substring(text, body_start + 1) AS body FROM documents)
)
"""

# A symmetric event's actors in a fixed order, so "Abe met Trump" in one story and "Trump
# met Abe" in another are the same happening.
_SWAP = (
    f"coalesce(e.is_symmetric, false) AND {_KEY.format(side='target')} "
    f"< {_KEY.format(side='source')}"
)

_EVENTS = f"""
CREATE OR REPLACE TEMP TABLE _dedup_events AS
SELECT e.event_id, e.doc_id, coalesce(e.date, d.date) AS day,
       CASE WHEN {_SWAP} THEN {_KEY.format(side="target")}
            ELSE {_KEY.format(side="source")} END AS source_key,
       CASE WHEN {_SWAP} THEN {_KEY.format(side="source")}
            ELSE {_KEY.format(side="target")} END AS target_key,
       e.cameo, e.modality, coalesce(e.negated, false) AS negated, e.trigger_start,
       e.sentence_start < d.lead_end AS in_lead, d.outlet
FROM events e JOIN ({_DOCUMENTS}) d USING (doc_id)
"""

_GROUP = "source_key, target_key, cameo, modality, negated"

_ASSIGN = f"""
CREATE OR REPLACE TEMP TABLE _dedup_ids AS
WITH stories AS (
    SELECT event_id,
           min(event_id) OVER (PARTITION BY doc_id, day, {_GROUP}) AS story_id
    FROM _dedup_events
),
heads AS (
    SELECT e.*, s.story_id FROM _dedup_events e JOIN stories s USING (event_id)
    WHERE e.event_id = s.story_id
),
starts AS (
    SELECT story_id, {_GROUP}, day,
           CASE WHEN day IS NULL
                  OR lag(day) OVER w IS NULL
                  OR date_diff('day', lag(day) OVER w, day) >= $window
                THEN 1 ELSE 0 END AS starts
    FROM heads
    WINDOW w AS (PARTITION BY {_GROUP} ORDER BY day NULLS LAST, story_id)
),
numbered AS (
    SELECT story_id, {_GROUP},
           sum(starts) OVER (PARTITION BY {_GROUP} ORDER BY day NULLS LAST, story_id
                             ROWS UNBOUNDED PRECEDING) AS seq
    FROM starts
),
clustered AS (
    SELECT story_id, min(story_id) OVER (PARTITION BY {_GROUP}, seq) AS cluster_id
    FROM numbered
),
mirrors AS (
    SELECT a.event_id, min(b.event_id) AS mirror_id
    FROM _dedup_events a JOIN _dedup_events b
      ON a.doc_id = b.doc_id AND a.trigger_start = b.trigger_start
     AND a.source_key = b.target_key AND a.target_key = b.source_key
     AND a.modality IS NOT DISTINCT FROM b.modality AND a.negated = b.negated
     AND a.event_id <> b.event_id
    GROUP BY a.event_id
)
SELECT s.event_id, s.story_id, c.cluster_id, m.mirror_id, e.in_lead
FROM stories s
JOIN clustered c USING (story_id)
JOIN _dedup_events e USING (event_id)
LEFT JOIN mirrors m USING (event_id)
"""


def _rep(column: str) -> str:
    """The column of the cluster's first mention (its representative)."""
    return f"arg_min(e.{column}, e.event_id) AS {column}"


def _actor_columns(side: str) -> str:
    return ", ".join(
        # the representative's own actors (a symmetric event's group key may be swapped)
        [f"arg_min({_KEY.format(side=side)}, e.event_id) AS {side}_key"]
        + [_rep(f"{side}_{c}") for c in ("code", "country", "sector", "actor_id", "name", "text")]
    )


_CLUSTERS = f"""
INSERT INTO event_clusters BY NAME
WITH undirected AS (
    SELECT i.cluster_id, min(m.cluster_id) AS mirror_cluster
    FROM _dedup_ids i JOIN _dedup_ids m ON m.event_id = i.mirror_id
    GROUP BY i.cluster_id
)
SELECT i.cluster_id,
       least(i.cluster_id, coalesce(any_value(u.mirror_cluster), i.cluster_id)) AS undirected_id,
       min(x.day) AS date, max(x.day) AS last_date,
       {_actor_columns("source")},
       {_actor_columns("target")},
       {_rep("cameo")}, {_rep("cameo_root")}, {_rep("plover")}, {_rep("quad_class")},
       {_rep("goldstein")}, {_rep("modality")}, arg_min(x.negated, e.event_id) AS negated,
       count(*) AS num_mentions,
       count(DISTINCT i.story_id) AS num_stories,
       count(DISTINCT e.doc_id) AS num_articles,
       count(DISTINCT x.outlet) AS num_sources,
       bool_or(i.in_lead) AS is_root_event,
       min(e.event_id) AS first_event_id,
       arg_min(e.doc_id, e.event_id) AS first_doc_id,
       list(e.event_id ORDER BY e.event_id) AS event_ids,
       list(DISTINCT e.doc_id ORDER BY e.doc_id) AS doc_ids,
       CASE WHEN arg_min(e.source_country, e.event_id) IS NOT NULL
             AND arg_min(e.target_country, e.event_id) IS NOT NULL
            THEN least(arg_min(e.source_country, e.event_id), arg_min(e.target_country, e.event_id))
                 || '|' ||
                 greatest(arg_min(e.source_country, e.event_id),
                          arg_min(e.target_country, e.event_id))
       END AS pair_key,
       bool_or(coalesce(e.is_symmetric, false)) AS is_symmetric
FROM _dedup_ids i
JOIN events e USING (event_id)
JOIN _dedup_events x USING (event_id)
LEFT JOIN undirected u USING (cluster_id)
GROUP BY i.cluster_id
ORDER BY pair_key NULLS LAST, date
"""


@dataclass(frozen=True, slots=True)
class DedupState:
    """What the deduplication layer was built from (kept in ``meta`` under ``dedup``)."""

    window_days: int
    events: int
    max_event_id: int | None

    def to_json(self) -> str:
        return json.dumps(
            {
                "window_days": self.window_days,
                "events": self.events,
                "max_event_id": self.max_event_id,
            }
        )

    @classmethod
    def from_json(cls, text: str | None) -> DedupState | None:
        if not text:
            return None
        data = json.loads(text)
        return cls(int(data["window_days"]), int(data["events"]), data.get("max_event_id"))


def check_window(window_days: int) -> int:
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 1:
        raise UsageError(f"window_days={window_days!r}: use a whole number of days, 1 or more")
    return window_days


def events_state(con: duckdb.DuckDBPyConnection) -> tuple[int, int | None]:
    ((count, max_id),) = con.execute("SELECT count(*), max(event_id) FROM events").fetchall()
    return int(count), (int(max_id) if max_id is not None else None)


def stored_state(con: duckdb.DuckDBPyConnection) -> DedupState | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchall()
    return DedupState.from_json(rows[0][0]) if rows else None


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the layer was built from exactly the events the store holds now."""
    state = stored_state(con)
    return state is not None and (state.events, state.max_event_id) == events_state(con)


def rebuild(con: duckdb.DuckDBPyConnection, *, window_days: int) -> DedupState:
    """Rebuild ``event_dedup`` and ``event_clusters`` (the caller holds the transaction)."""
    window_days = check_window(window_days)
    con.execute("DELETE FROM event_dedup")
    con.execute("DELETE FROM event_clusters")
    # On an error the caller rolls the transaction back, temporary tables included; no
    # clean-up here, which would only hide that error behind "transaction is aborted".
    con.execute(_EVENTS)
    con.execute(_ASSIGN, {"window": window_days})
    con.execute("INSERT INTO event_dedup BY NAME SELECT * FROM _dedup_ids")
    con.execute(_CLUSTERS)
    con.execute("DROP TABLE _dedup_ids")
    con.execute("DROP TABLE _dedup_events")
    panel_layer.rebuild(con)
    count, max_id = events_state(con)
    state = DedupState(window_days, count, max_id)
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [META_KEY, state.to_json()],
    )
    return state
