"""Story events for the PLOVER and POLECAT exports: one row per event per story.

A row is the head of a within-story group (``event_dedup.story_id``) that passes the
factuality filter and has a date, joined to its document, its run's provenance and its
location. A symmetric pair coded from the same words with the same PLOVER category
("Abe met Trump": A->B and B->A) becomes one row whose actors are both sides and which has
no recipient, as the PLOVER manual prescribes for reciprocal events; ``reciprocal`` is true.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

from detente.store.exports.provenance import PROVENANCE_COLUMNS
from detente.store.factuality import Factuality

# The people, organizations and places a story names (POLECAT's "Story ..." columns).
_STORY_NAMES = """
    SELECT doc_id,
           string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE kind = 'person') AS story_people,
           string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE kind = 'organization')
               AS story_organizations,
           string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE kind = 'place')
               AS story_locations
    FROM mentions WHERE name IS NOT NULL GROUP BY doc_id
"""


def query(factuality: Factuality, *, story_names: bool = False) -> str:
    names_columns = ", sn.story_people, sn.story_organizations, sn.story_locations"
    names_join = f"LEFT JOIN ({_STORY_NAMES}) sn ON sn.doc_id = h.doc_id"
    return f"""
        WITH heads AS (
            SELECT e.*, x.story_id, x.cluster_id, coalesce(e.date, d.date) AS event_date,
                   xm.story_id AS mirror_story, em.plover AS mirror_plover
            FROM events e
            JOIN event_dedup x USING (event_id)
            JOIN documents d USING (doc_id)
            LEFT JOIN event_dedup xm ON xm.event_id = x.mirror_id
            LEFT JOIN events em ON em.event_id = xm.story_id
            WHERE x.event_id = x.story_id AND {factuality.sql("e")}
              AND coalesce(e.date, d.date) IS NOT NULL
        ),
        sizes AS (SELECT story_id, count(*) AS story_mentions FROM event_dedup GROUP BY story_id)
        SELECT h.*, s.story_mentions,
               (h.mirror_story IS NOT NULL AND h.mirror_story <> h.story_id
                AND h.mirror_plover IS NOT DISTINCT FROM h.plover) AS reciprocal,
               d.ref, d.title, d.url, d.source AS outlet, d.lang, d.date AS doc_date,
               d.run_id, r.finished_at AS coded_at, cl.num_articles AS cluster_articles,
               {", ".join("r." + c for c in PROVENANCE_COLUMNS)},
               substring(d.text, h.sentence_start + 1, h.sentence_end - h.sentence_start)
                   AS sentence,
               p.kind AS place_kind {names_columns if story_names else ""}
        FROM heads h
        JOIN sizes s USING (story_id)
        JOIN documents d USING (doc_id)
        LEFT JOIN runs r ON r.run_id = d.run_id
        LEFT JOIN event_clusters cl ON cl.cluster_id = h.cluster_id
        LEFT JOIN places p ON p.place_id = h.location_place_id
        {names_join if story_names else ""}
        -- the second event of a merged symmetric pair is written with the first
        WHERE NOT (h.mirror_story IS NOT NULL AND h.mirror_story < h.story_id
                   AND h.mirror_plover IS NOT DISTINCT FROM h.plover)
        ORDER BY h.story_id
    """


def rows(
    con: duckdb.DuckDBPyConnection, factuality: Factuality, *, story_names: bool = False
) -> Iterator[dict]:
    """Story event rows as dicts, fetched in chunks (a large store is never held at once)."""
    cursor = con.execute(query(factuality, story_names=story_names))
    names = [column[0] for column in cursor.description]
    while chunk := cursor.fetchmany(10_000):
        for values in chunk:
            yield dict(zip(names, values, strict=True))
