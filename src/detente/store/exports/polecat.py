"""A POLECAT-style TSV: the 40 columns of the POLECAT weekly release files, one story event a line.

Rows are the story events of the PLOVER export (symmetric pairs merged, actors joined by
``;``). Event Type is the PLOVER category in lower case, Event Intensity the manual's PLOVER
score, Actor/Recipient COW the Correlates of War code from the crosswalk. Columns détente
does not code (titles, Wikipedia ids, districts) are empty; Version names the coder and the
knowledge hash.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from detente.crosswalk import country_codes
from detente.knowledge import load_knowledge
from detente.store.exports import stories
from detente.store.exports.plover import plover_scores
from detente.store.exports.provenance import coder_line
from detente.store.factuality import Factuality

COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip

_UNSAFE = re.compile(r"[\t\r\n]+")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return _UNSAFE.sub(" ", str(value))


def _sectors(sector: str | None) -> list[str]:
    return [sector[i : i + 3] for i in range(0, len(sector), 3)] if sector else []


def _side(rows: list[dict], side: str) -> list:
    """Actor or recipient cells (name, country, COW, primary sector, sectors, title, raw,
    wiki) for one or more entities (``rows``: (row, side) pairs flattened by the caller)."""
    if not rows:
        return [None] * 8
    codes = country_codes()
    names, countries, cows, primaries, sectors, raws = [], [], [], [], [], []
    for row in rows:
        country = row[f"{side}_country"]
        names.append(row[f"{side}_name"] or row[f"{side}_text"] or "")
        countries.append(country or "")
        cow = codes.get(country).cow_code if country in codes else None
        cows.append("" if cow is None else str(cow))
        parts = _sectors(row[f"{side}_sector"])
        primaries.append(parts[0] if parts else "")
        sectors.append(",".join(parts))
        raws.append(row[f"{side}_text"] or "")
    return [";".join(names), ";".join(countries), ";".join(cows), ";".join(primaries),
            ";".join(sectors), None, ";".join(raws), None]  # fmt: skip


def _line(row: dict) -> list:
    entry = load_knowledge().cameo.lookup(row["cameo"])
    mode = entry.plover_mode if entry is not None and entry.plover == row["plover"] else None
    contexts = []
    if entry is not None and entry.plover_context:
        contexts = [c.strip() for c in entry.plover_context.split(";") if c.strip()]
    scores = plover_scores()
    intensity = scores.get((row["plover"], mode or ""), scores.get((row["plover"], "")))
    has_target = row["target_text"] is not None or row["target_code"] is not None
    if row["reciprocal"] and has_target:
        actor = _side([row], "source")
        target_as_actor = _side([row], "target")
        actor = [
            f"{a};{b}" if a is not None and b is not None else a
            for a, b in zip(actor, target_as_actor, strict=True)
        ]
        recipient = [None] * 8
    else:
        actor = _side([row], "source")
        recipient = _side([row], "target") if has_target else [None] * 8
    iso3 = row["location_country"]
    place_id = row["location_place_id"] or ""
    geonames = place_id.rsplit(":", 1)[1] if place_id.startswith("place:geonames:") else None
    kind = row.get("place_kind")
    version = coder_line(row) or "detente"
    if row["knowledge_hash"]:
        version += f" knowledge {row['knowledge_hash']}"
    return [
        f"detente-{row['doc_id']}-{row['story_id']}",
        row["event_date"].isoformat(),
        row["plover"].lower(),
        mode,
        intensity,
        row["quad_class"],
        ";".join(contexts),
        *actor,
        *recipient,
        row["location_name"],
        row["location_name"] if kind == "city" else None,
        None,
        row["location_admin1"],
        country_codes()[iso3].name if iso3 in country_codes() else iso3,
        row["location_lat"],
        row["location_lon"],
        geonames,
        None,
        kind,
        row["outlet"],
        row["doc_date"].isoformat() if row["doc_date"] is not None else None,
        row["story_people"],
        row["story_organizations"],
        row["story_locations"],
        row["lang"],
        version,
    ]


def write(con: duckdb.DuckDBPyConnection, path: Path, *, request, factuality: Factuality) -> int:
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        if request.header:
            out.write("\t".join(COLUMNS) + "\n")
        for row in stories.rows(con, factuality, story_names=True):
            if row["plover"] is None:
                continue  # CAMEO root 01 (statements) has no PLOVER category
            out.write("\t".join(_cell(v) for v in _line(row)) + "\n")
            written += 1
    return written
