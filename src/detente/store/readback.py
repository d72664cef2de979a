"""A stored document back as the records the pipeline produced (``DocResult``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from detente.records import Article, DocResult, Event, EventActor, Mention, Quote, TextSpan


def _rows(con: duckdb.DuckDBPyConnection, query: str, doc_id: str) -> list[dict[str, Any]]:
    cursor = con.execute(query, [doc_id])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _event_actor(row: dict[str, Any], side: str) -> EventActor | None:
    if row[f"{side}_start"] is None:
        return None
    return EventActor(
        *(row[f"{side}_{f}"] for f in ("text", "start", "end", "actor_id", "name", "code")),
        row[f"{side}_country"],
        row[f"{side}_sector"],
    )


def doc_result(con: duckdb.DuckDBPyConnection, doc_id: str) -> DocResult:
    (doc,) = _rows(con, "SELECT * FROM documents WHERE doc_id = ?", doc_id)
    article = Article(
        ref=doc["ref"],
        text=doc["text"],
        title=doc["title"],
        section=doc["section"],
        date=_iso(doc["date"]),
        source=doc["source"],
        url=doc["url"],
        body_start=doc["body_start"] or 0,
        record=doc["record"],
        lang=doc["lang"],
        meta=json.loads(doc["meta"]) if doc.get("meta") else None,
    )
    mentions = [
        Mention(
            doc_id=row["doc_id"],
            start=row["start_char"],
            end=row["end_char"],
            text=row["text"],
            kind=row["kind"],
            actor_id=row["actor_id"],
            name=row["name"],
            code=row["code"],
            country=row["country"],
            sector=row["sector"],
            resolved_by=row["resolved_by"],
            undated=bool(row["undated"]),
            place_id=row["place_id"],
            lat=row["lat"],
            lon=row["lon"],
            claimants=tuple(row["claimants"] or ()),
            ner_label=row["ner_label"],
        )
        for row in _rows(
            con, "SELECT * FROM mentions WHERE doc_id = ? ORDER BY start_char, end_char", doc_id
        )
    ]
    quote_fields = (
        "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start", "speaker_end",
        "speaker_name", "speaker_actor", "speaker_description", "speaker_id", "rule",
    )  # fmt: skip
    quotes = [
        Quote(row["doc_id"], row["start_char"], row["end_char"], *(row[f] for f in quote_fields))
        for row in _rows(con, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY quote_id", doc_id)
    ]
    events = [
        Event(
            doc_id=row["doc_id"],
            start=row["start_char"],
            end=row["end_char"],
            sentence_start=row["sentence_start"],
            sentence_end=row["sentence_end"],
            trigger=TextSpan(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
            date=_iso(row["date"]),
            source=_event_actor(row, "source"),
            target=_event_actor(row, "target"),
            cameo=row["cameo"],
            cameo_root=row["cameo_root"],
            plover=row["plover"],
            quad_class=row["quad_class"],
            goldstein=row["goldstein"],
            negated=bool(row["negated"]),
            modality=row["modality"],
            confidence=row["confidence"],
            rule=row["rule"],
            symmetric=bool(row["is_symmetric"]),
        )
        for row in _rows(con, "SELECT * FROM events WHERE doc_id = ? ORDER BY event_id", doc_id)
    ]
    return DocResult(
        article=article,
        sentences=doc["sentences"] or 0,
        mentions=mentions,
        quotes=quotes,
        events=events,
        skipped=doc["skipped"],
    )
