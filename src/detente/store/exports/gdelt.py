"""The GDELT 2.0 event table: 61 tab-separated columns, no header, one deduplicated event a row.

Rows are deduplicated events (``event_clusters``) that occurred (by default) and have a date.
GLOBALEVENTID is the cluster id; NumMentions/NumSources/NumArticles and IsRootEvent come from
deduplication; the actor columns are parsed from the CAMEO actor codes
(``data/exports/cameo_actor_parts.tsv``); ActionGeo comes from the event's location (when the
events stage chose one) with FIPS 10-4 country codes from the crosswalk. Columns détente
does not code (AvgTone, the actors' own locations) are empty; *Geo_Type is 0 without a place.
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb
import pyarrow as pa

from detente.crosswalk import country_codes, crosswalk_table
from detente.knowledge import files
from detente.knowledge.tables import read_values
from detente.store.factuality import Factuality


def _clean(expression: str) -> str:
    """Text for a tab-separated file without quoting: no tabs or line breaks inside."""
    return f"regexp_replace({expression}, '[\\t\\n\\r]+', ' ', 'g')"


def _actor(number: int, side: str) -> list[str]:
    p = f"a{number}"
    return [
        f"c.{side}_code AS Actor{number}Code",
        f"{_clean(f'upper(coalesce(c.{side}_name, c.{side}_text))')} AS Actor{number}Name",
        f"coalesce(c.{side}_country, {p}.country) AS Actor{number}CountryCode",
        f"{p}.known_group AS Actor{number}KnownGroupCode",
        f"{p}.ethnic AS Actor{number}EthnicCode",
        f"{p}.religion1 AS Actor{number}Religion1Code",
        f"{p}.religion2 AS Actor{number}Religion2Code",
        f"{p}.type1 AS Actor{number}Type1Code",
        f"{p}.type2 AS Actor{number}Type2Code",
        f"{p}.type3 AS Actor{number}Type3Code",
    ]


def _no_geo(prefix: str) -> list[str]:
    names = ("FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    return [f"0 AS {prefix}_Type"] + [f"NULL AS {prefix}_{name}" for name in names]


_GEO_TYPE = """
CASE WHEN f.location_place_id IS NULL AND f.location_name IS NULL
          AND f.location_country IS NULL AND f.location_lat IS NULL THEN 0
     WHEN f.place_kind = 'country' THEN 1
     WHEN f.place_kind IN ('region', 'state', 'admin1', 'admin2')
          AND f.location_country = 'USA' THEN 2
     WHEN f.place_kind = 'city' AND f.location_country = 'USA' THEN 3
     WHEN f.place_kind IN ('region', 'state', 'admin1', 'admin2') THEN 5
     WHEN f.location_lat IS NULL AND f.location_admin1 IS NULL THEN 1
     ELSE 4 END"""

_ACTION_GEO = [
    f"{_GEO_TYPE} AS ActionGeo_Type",
    f"{_clean('f.location_name')} AS ActionGeo_FullName",
    "cw.fips AS ActionGeo_CountryCode",
    "CASE WHEN regexp_matches(f.location_admin1, '^[A-Z0-9]{1,3}$') THEN cw.fips || "
    "f.location_admin1 ELSE cw.fips END AS ActionGeo_ADM1Code",
    "NULL AS ActionGeo_ADM2Code",
    "f.location_lat AS ActionGeo_Lat",
    "f.location_lon AS ActionGeo_Long",
    "coalesce(nullif(regexp_extract(f.location_place_id, 'geonames:([0-9]+)', 1), ''), "
    "cw.fips) AS ActionGeo_FeatureID",
]

COLUMNS_SQL = [
    "c.cluster_id AS GLOBALEVENTID",
    "CAST(strftime(c.date, '%Y%m%d') AS INTEGER) AS SQLDATE",
    "CAST(strftime(c.date, '%Y%m') AS INTEGER) AS MonthYear",
    'year(c.date) AS "Year"',
    "round(year(c.date) + ((month(c.date) - 1) * 30 + day(c.date)) / 365.0, 4) AS FractionDate",
    *_actor(1, "source"),
    *_actor(2, "target"),
    "CAST(c.is_root_event AS INTEGER) AS IsRootEvent",
    "c.cameo AS EventCode",
    "left(c.cameo, 3) AS EventBaseCode",
    "c.cameo_root AS EventRootCode",
    "c.quad_class AS QuadClass",
    "c.goldstein AS GoldsteinScale",
    "c.num_mentions AS NumMentions",
    "c.num_sources AS NumSources",
    "c.num_articles AS NumArticles",
    "NULL AS AvgTone",
    *_no_geo("Actor1Geo"),
    *_no_geo("Actor2Geo"),
    *_ACTION_GEO,
    "CAST(strftime(f.added_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
    f"{_clean('f.url')} AS SOURCEURL",
]

# The 61 columns of the GDELT 2.0 event table, in file order.
COLUMNS = tuple(sql.rsplit(" AS ", 1)[1].strip('"') for sql in COLUMNS_SQL)


def query(factuality: Factuality) -> str:
    return f"""
        WITH c AS (
            SELECT * FROM event_clusters c WHERE {factuality.sql("c", clusters=True)} AND c.date IS NOT NULL
        ),
        f AS (
            SELECT c.cluster_id, d.added_at, d.url, p.kind AS place_kind,
                   e.location_place_id, e.location_name, e.location_country,
                   e.location_admin1, e.location_lat, e.location_lon
            FROM c JOIN events e ON e.event_id = c.first_event_id
            JOIN documents d ON d.doc_id = e.doc_id
            LEFT JOIN places p ON p.place_id = e.location_place_id
        )
        SELECT {", ".join(COLUMNS_SQL)}
        FROM c JOIN f USING (cluster_id)
        LEFT JOIN _actor_parts a1 ON a1.code = c.source_code
        LEFT JOIN _actor_parts a2 ON a2.code = c.target_code
        LEFT JOIN _crosswalk cw ON cw.iso3 = f.location_country
        ORDER BY c.cluster_id
    """


@functools.cache
def part_kinds() -> dict[str, str]:
    """Three-letter CAMEO actor code parts that are not states: part -> kind."""
    return {part: kind for part, kind, _name in read_values(files.CAMEO_ACTOR_PARTS)}


def parse_actor_code(code: str) -> dict[str, str | None]:
    """The GDELT actor attribute columns of one CAMEO actor code.

    "USAGOV" -> country USA, type1 GOV; "IGOWSTNAT" -> country WST (a region), type1 IGO,
    known group NAT; "IRQREBSHI" -> country IRQ, type1 REB, religion1 SHI.
    """
    kinds = part_kinds()
    states = country_codes()
    out: dict[str, str | None] = dict.fromkeys(
        ("country", "known_group", "ethnic", "religion1", "religion2", "type1", "type2", "type3")
    )
    types: list[str] = []
    religions: list[str] = []
    # three letters a part; a shorter last part ("G7" in "IGOG7") is a part of its own
    for i in range(0, len(code), 3):
        part = code[i : i + 3]
        kind = kinds.get(part)
        if kind is None and part in states and out["country"] is None and not types:
            out["country"] = part
        elif kind == "region" and out["country"] is None:
            out["country"] = part
        elif kind == "type":
            types.append(part)
        elif kind == "religion":
            religions.append(part)
        elif kind == "ethnic" and out["ethnic"] is None:
            out["ethnic"] = part
        elif kind is None and out["known_group"] is None:
            out["known_group"] = part
    for slot, value in zip(("type1", "type2", "type3"), types, strict=False):
        out[slot] = value
    for slot, value in zip(("religion1", "religion2"), religions, strict=False):
        out[slot] = value
    return out


def actor_parts_table(codes: list[str]) -> pa.Table:
    parsed = [parse_actor_code(code) for code in codes]
    columns = {"code": pa.array(codes, pa.string())}
    for key in (
        "country",
        "known_group",
        "ethnic",
        "religion1",
        "religion2",
        "type1",
        "type2",
        "type3",
    ):
        columns[key] = pa.array([p[key] for p in parsed], pa.string())
    return pa.table(columns)


def write(con: duckdb.DuckDBPyConnection, path: Path, *, request, factuality: Factuality) -> int:
    from detente.store.exports import sql_path

    codes = [
        row[0]
        for row in con.execute(
            "SELECT source_code FROM event_clusters WHERE source_code IS NOT NULL UNION "
            "SELECT target_code FROM event_clusters WHERE target_code IS NOT NULL"
        ).fetchall()
    ]
    con.register("_actor_parts", actor_parts_table(codes))
    con.register("_crosswalk", crosswalk_table())
    try:
        header = "true" if request.header else "false"
        rows = con.execute(
            f"COPY ({query(factuality)}) TO {sql_path(path)} "
            f"(FORMAT CSV, DELIMITER '\t', HEADER {header}, QUOTE '')"
        ).fetchall()
    finally:
        con.unregister("_actor_parts")
        con.unregister("_crosswalk")
    return int(rows[0][0]) if rows else 0
