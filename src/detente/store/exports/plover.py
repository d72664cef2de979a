"""PLOVER JSON lines: one record per story event, with the fields of the PLOVER manual's
"Data Fields" chapter (validated against ``data/exports/plover_event.schema.json``).

Required: ``id``, ``date``, ``actor`` (entity list), ``event`` (category list). Also filled:
``recipient``, ``event_text``, ``quad_code``, ``event_scale`` (the manual's PLOVER score of
the category and mode), ``mode``, ``context`` (from the CAMEO code; auxiliary modes such as
``future`` or ``negation`` when non-occurred events are exported), ``event_loc``, ``link``
(the deduplicated event: every story reporting the same happening shares it), ``text``,
``text_info``, ``cite_info``, ``coder``, ``coded_date``. The manual welcomes extra fields;
détente adds ``cameo``, ``goldstein``, ``modality``, ``negated``, ``confidence``,
``mentions``, ``trigger``, ``evidence`` and ``provenance``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import duckdb

from detente.crosswalk import country_codes
from detente.knowledge import files, load_knowledge
from detente.knowledge.tables import read_json, read_values
from detente.store.exports import stories
from detente.store.exports.provenance import PROVENANCE_COLUMNS, coder_line
from detente.store.factuality import OCCURRED_MODALITY, Factuality

SCHEMA_PATH = files.PLOVER_EVENT_SCHEMA.path()
CODEBOOK = "PLOVER manual (2021 draft), CAMEO-to-PLOVER conversion"

# Our factuality in PLOVER's auxiliary modes (carried in ``context``).
AUXILIARY = {
    "intended": "future",
    "wanted": "hypothetical",
    "demanded": "hypothetical",
    "possible": "hypothetical",
    "conditional": "hypothetical",
    "question": "hypothetical",
    "claimed": "claimed",
}
NEGATION = "negation"
# PLOVER's location resolution: 1 country, 2 first-level division, 3 district (a county), 4 city.
RESOLUTION = {"country": 1, "region": 2, "state": 2, "admin1": 2, "admin2": 3, "city": 4}


@functools.cache
def plover_scores() -> dict[tuple[str, str], float]:
    """PLOVER score by (category, mode); mode "" is the category's own score."""
    return {
        (category, mode): float(score) for category, mode, score in read_values(files.PLOVER_SCORES)
    }


def plover_schema() -> dict:
    """The JSON Schema of one exported PLOVER record."""
    return read_json(SCHEMA_PATH)


def _entity(row: dict, side: str) -> dict | None:
    text = row[f"{side}_text"]
    code = row[f"{side}_code"]
    if text is None and code is None:
        return None
    country = row[f"{side}_country"]
    entity: dict = {"entity_text": text}
    top = country or (code[:3] if code and len(code) >= 3 else None)
    if top:
        entity["code"] = top
    sector = row[f"{side}_sector"]
    if sector:
        entity["sector"] = sector[:6]
    if row[f"{side}_actor_id"]:
        entity["identifier_id"] = row[f"{side}_actor_id"]
    if row[f"{side}_name"]:
        entity["identifier_text"] = row[f"{side}_name"]
    if code:
        entity["cameo_code"] = code
    return entity


def _contexts(row: dict, entry) -> list[str]:
    contexts = []
    if entry is not None and entry.plover_context:
        contexts += [c.strip() for c in entry.plover_context.split(";") if c.strip()]
    auxiliary = AUXILIARY.get(row["modality"] or "")
    if auxiliary and row["modality"] != OCCURRED_MODALITY:
        contexts.append(auxiliary)
    if row["negated"]:
        contexts.append(NEGATION)
    return contexts


def _location(row: dict) -> dict | None:
    if all(row[f"location_{f}"] is None for f in ("place_id", "name", "country", "lat")):
        return None
    loc: dict = {}
    if row["location_name"]:
        loc["resolved_place"] = row["location_name"]
    place_id = row["location_place_id"] or ""
    if place_id.startswith("place:geonames:") and place_id.rsplit(":", 1)[1].isdigit():
        loc["geonameid"] = int(place_id.rsplit(":", 1)[1])
    if place_id:
        loc["place_id"] = place_id
    for ours, theirs in (("lat", "lat"), ("lon", "lon"), ("admin1", "province")):
        if row[f"location_{ours}"] is not None:
            loc[theirs] = row[f"location_{ours}"]
    iso3 = row["location_country"]
    if iso3:
        loc["country_code"] = iso3
        codes = country_codes().get(iso3)
        if codes is not None:
            loc["country"] = codes.name
    if row.get("place_kind") in RESOLUTION:
        loc["resolution"] = RESOLUTION[row["place_kind"]]
    if row["location_method"]:
        loc["method"] = row["location_method"]
    return loc


def record(row: dict) -> dict:
    """One story event as a PLOVER record."""
    entry = load_knowledge().cameo.lookup(row["cameo"])
    mode = entry.plover_mode if entry is not None and entry.plover == row["plover"] else None
    source, target = _entity(row, "source"), _entity(row, "target")
    actors = [source] if source else []
    recipients = [target] if target else []
    if row["reciprocal"] and target:
        actors, recipients = [*actors, target], []
    scores = plover_scores()
    scale = scores.get((row["plover"], mode or ""), scores.get((row["plover"], "")))
    provenance = {name: row[name] for name in PROVENANCE_COLUMNS}
    coded = row["coded_at"]
    out: dict = {
        "id": f"detente-{row['doc_id']}-{row['story_id']}",
        "date": row["event_date"].isoformat(),
        "actor": actors,
        "event": [row["plover"]],
        "event_text": [row["trigger_text"]],
        "quad_code": row["quad_class"],
        "mode": [mode] if mode else [],
        "context": _contexts(row, entry),
        "link": f"detente-event-{row['cluster_id']}",
        "text": row["sentence"],
        "text_info": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "cite_info": _citation(row),
        "coder": coder_line(row) or "detente",
    }
    if recipients:
        out["recipient"] = recipients
    if scale is not None:
        out["event_scale"] = scale
    location = _location(row)
    if location is not None:
        out["event_loc"] = location
    if coded is not None:
        out["coded_date"] = coded.date().isoformat()
        out["coded_time"] = coded.strftime("%H:%M:%SZ")
    out.update(
        {
            "cameo": row["cameo"],
            "goldstein": row["goldstein"],
            "modality": row["modality"],
            "negated": bool(row["negated"]),
            "confidence": row["confidence"],
            "mentions": row["story_mentions"],
            "trigger": {
                "text": row["trigger_text"],
                "start": row["trigger_start"],
                "end": row["trigger_end"],
            },
            "evidence": {
                "doc_id": row["doc_id"],
                "doc_ref": row["ref"],
                "event_id": row["event_id"],
                "rule": row["rule"],
            },
            "provenance": provenance,
        }
    )
    return out


def _citation(row: dict) -> dict:
    cite: dict = {"citation": row["ref"], "codebook": CODEBOOK}
    for ours, theirs in (
        ("url", "url"),
        ("title", "title"),
        ("lang", "language"),
        ("outlet", "publication"),
    ):
        if row[ours]:
            cite[theirs] = row[ours]
    coder = coder_line(row)
    if coder:
        cite["coder"] = coder
    if row["knowledge_hash"]:
        cite["version"] = f"knowledge {row['knowledge_hash']}"
    return cite


def write(con: duckdb.DuckDBPyConnection, path: Path, *, request, factuality: Factuality) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for row in stories.rows(con, factuality):
            if row["plover"] is None:
                continue  # CAMEO root 01 (statements) has no PLOVER category
            out.write(json.dumps(record(row), ensure_ascii=False) + "\n")
            written += 1
    return written
