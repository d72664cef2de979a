"""Turn pipeline records into columnar Arrow batches, one table per store table.

Rows are built as tuples with C-level ``attrgetter`` and transposed once, so a batch
of thousands of mentions costs milliseconds and is inserted with one SQL statement.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

import pyarrow as pa

from detente.errors import StoreError
from detente.records import Article, DocResult, Event, EventActor, Mention, Problem, Quote
from detente.store.schema import batch_schema

# A lone surrogate (from bytes decoded with ``surrogateescape``) is not valid UTF-8 and
# DuckDB cannot hold it. Replacing it by U+FFFD keeps every character offset valid:
# one code point in, one code point out. ``doc_id`` stays the hash of the original text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_MENTION_FIELDS = attrgetter(
    "doc_id", "start", "end", "text", "kind", "actor_id", "name", "code", "country",
    "sector", "resolved_by", "undated", "place_id", "lat", "lon", "claimants", "ner_label",
)  # fmt: skip
_ACTOR_FIELDS = attrgetter("actor_id", "name", "kind", "code", "country", "sector")
_PLACE_FIELDS = attrgetter(
    "place_id", "name", "kind", "names", "country", "lat", "lon", "claimants"
)
_QUOTE_FIELDS = attrgetter(
    "doc_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker",
    "speaker_start", "speaker_end", "speaker_name", "speaker_actor", "speaker_description",
    "speaker_id", "rule",
)  # fmt: skip
_EVENT_ACTOR_FIELDS = attrgetter(
    "text", "start", "end", "actor_id", "name", "code", "country", "sector"
)
_NO_EVENT_ACTOR = (None,) * 8
_NO_LOCATION = (None,) * 7


def _location_row(event: Event) -> tuple:
    """The location columns of an event: ``Event.location`` once the events stage sets it
    (place id, name, country, admin1, lat, lon, how it was chosen), else all NULL."""
    location = getattr(event, "location", None)
    if location is None:
        return _NO_LOCATION
    method = getattr(location, "method", None) or getattr(location, "resolved_by", None)
    return (
        getattr(location, "place_id", None),
        getattr(location, "name", None),
        getattr(location, "country", None),
        getattr(location, "admin1", None),
        getattr(location, "lat", None),
        getattr(location, "lon", None),
        method,
    )


def _meta_json(meta: Any) -> str | None:
    """Extra record fields as a JSON object (None when there are none)."""
    if not meta:
        return None
    return json.dumps(meta, ensure_ascii=False, default=str)


def _storable_text(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list | tuple):
        return [_storable_text(item) for item in value]
    return value


def _array(table: str, column: str, values: Sequence[Any], arrow_type: pa.DataType) -> pa.Array:
    try:
        try:
            return pa.array(values, arrow_type)
        except UnicodeEncodeError:
            return pa.array([_storable_text(value) for value in values], arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        # A record field of the wrong type is a bug upstream; name where it is.
        raise StoreError(f"cannot store {table}.{column} (expected {arrow_type}): {e}") from e


def to_table(table: str, rows: Sequence[tuple]) -> pa.Table:
    """Arrow table for ``table`` from row tuples ordered like its batch schema."""
    schema = batch_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    if len(columns) != len(schema):
        raise StoreError(
            f"internal: {table} rows have {len(columns)} fields, expected {len(schema)}"
        )
    arrays = [
        _array(table, field.name, values, field.type)
        for values, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """ISO ``YYYY-MM-DD`` (or a date) to a date; raises ValueError on anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _checked_date(value: str | None, *, what: str, result: DocResult, warnings: list[Problem]):
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        # A malformed date must not sink the batch: store NULL and say so in errors.
        article = result.article
        warnings.append(
            Problem(
                ref=article.ref,
                reason="invalid-date",
                detail=f"{what} {value!r} is not an ISO date (YYYY-MM-DD); stored as unknown",
                record=article.record,
                severity="warning",
                doc_id=article.doc_id,
            )
        )
        return None


def _event_row(event: Event, date: dt.date | None) -> tuple:
    target = event.target
    return (
        event.doc_id,
        event.start,
        event.end,
        event.sentence_start,
        event.sentence_end,
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        date,
        *_EVENT_ACTOR_FIELDS(event.source),
        *(_EVENT_ACTOR_FIELDS(target) if isinstance(target, EventActor) else _NO_EVENT_ACTOR),
        event.cameo,
        event.cameo_root,
        event.plover,
        event.quad_class,
        event.goldstein,
        event.negated,
        event.modality,
        event.confidence,
        event.rule,
        *_location_row(event),
        event.symmetric,
    )


def _check_doc_ids(
    records: Iterable[Any], doc_id: str, kind: str, ref: str, record_type: type
) -> None:
    for record in records:
        if not isinstance(record, record_type):
            raise StoreError(
                f"{ref}: a {kind} must be a {record_type.__name__}, not {type(record).__name__}"
            )
        if record.doc_id != doc_id:
            raise StoreError(
                f"{ref}: a {kind} carries doc_id {record.doc_id!r} but belongs to document {doc_id!r}"
            )


def _last_by_key(rows: Iterable[tuple]) -> list[tuple]:
    # One row per primary key (the last one wins): DuckDB refuses to upsert a key twice
    # in one statement.
    return list({row[0]: row for row in rows}.values())


def build_batches(
    results: Sequence[DocResult], *, run_id: int, added_at: dt.datetime
) -> dict[str, pa.Table]:
    """Arrow tables for every store table touched by ``results`` (already deduplicated)."""
    documents: list[tuple] = []
    mentions: list[tuple] = []
    actors: list[tuple] = []
    places: list[tuple] = []
    quotes: list[tuple] = []
    events: list[tuple] = []
    problems: list[Problem] = []
    for result in results:
        article = result.article
        doc_id = article.doc_id
        _check_doc_ids(result.mentions, doc_id, "mention", article.ref, Mention)
        _check_doc_ids(result.quotes, doc_id, "quote", article.ref, Quote)
        _check_doc_ids(result.events, doc_id, "event", article.ref, Event)
        date = _checked_date(article.date, what="date", result=result, warnings=problems)
        documents.append(
            (
                doc_id,
                article.ref,
                article.record,
                article.title,
                article.section,
                date,
                article.source,
                article.url,
                article.lang,
                article.body_start,
                result.sentences,
                result.skipped,
                article.text,
                run_id,
                added_at,
                _meta_json(getattr(article, "meta", None)),
            )
        )
        mentions.extend(map(_MENTION_FIELDS, result.mentions))
        actors.extend(map(_ACTOR_FIELDS, result.actors))
        places.extend(map(_PLACE_FIELDS, result.places))
        quotes.extend(map(_QUOTE_FIELDS, result.quotes))
        for event in result.events:
            event_date = _checked_date(
                event.date, what="event date", result=result, warnings=problems
            )
            events.append(_event_row(event, event_date))
        problems.extend(_for_document(problem, article) for problem in result.problems)
    return {
        "documents": to_table("documents", documents),
        "mentions": to_table("mentions", mentions),
        "actors": to_table("actors", _last_by_key(actors)),
        "places": to_table("places", _last_by_key(places)),
        "quotes": to_table("quotes", quotes),
        "events": to_table("events", events),
        "errors": errors_table(problems, run_id=run_id, noted_at=added_at),
    }


def refs_table(articles: Sequence[Article], *, run_id: int, added_at: dt.datetime) -> pa.Table:
    """Rows of ``document_refs``: where each article came from (a malformed date is NULL,
    as in ``documents``, where its warning is recorded)."""
    rows = [
        (
            a.doc_id,
            a.ref,
            a.record,
            a.path,
            _quiet_date(a.date),
            a.source,
            a.url,
            run_id,
            added_at,
        )
        for a in articles
    ]
    return to_table("document_refs", rows)


def _quiet_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        return None


def _for_document(problem: Problem, article) -> Problem:
    """A problem of a stored document as an ``errors`` row: its ``doc_id``, and the file
    (not the record id) as ``ref`` with the record number, as for problems found on reading."""
    from_record = article.path is not None and problem.ref == article.ref
    return Problem(
        ref=article.path if from_record else problem.ref,
        reason=problem.reason,
        detail=problem.detail,
        record=article.record if from_record else problem.record,
        severity=problem.severity,
        doc_id=problem.doc_id if problem.doc_id is not None else article.doc_id,
    )


def errors_table(problems: Sequence[Problem], *, run_id: int, noted_at: dt.datetime) -> pa.Table:
    rows = [
        (run_id, p.ref, p.record, p.reason, p.detail, p.severity, p.doc_id, noted_at)
        for p in problems
    ]
    return to_table("errors", rows)
