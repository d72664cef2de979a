"""The notebook entry points: ``detente.open(path)`` for a store, ``detente.code(text)`` for a
string, ``detente.to_frame(records)`` for DataFrames of records."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from detente.errors import UsageError, require
from detente.records import Article, DocResult, EventActor
from detente.store import Store


def open(path: str | Path = "detente.duckdb", *, read_only: bool = True) -> Store:  # noqa: A001
    """Open a détente store; its queries (documents, mentions, quotes, events, dyad ...)
    return pandas DataFrames. Read-only by default, so a notebook cannot damage a store.

    ``path`` may also be a directory (or fsspec URL) of Parquet parts written by
    ``detente run --cluster``: they are queried in place, read-only (docs/scale.md)."""
    from detente.scale.views import PartsStore, is_parts_dir

    require("path", path, (str, os.PathLike), "a path (str or pathlib.Path)")
    if is_parts_dir(path):
        if not read_only:
            raise UsageError(f"{path}: parts are read-only; load them with `detente load`")
        return PartsStore(path)
    return Store(path, read_only=read_only)


def code(
    text: str,
    *,
    date: str | None = None,
    title: str | None = None,
    ref: str = "<text>",
    model: str | None = None,
    actors: Sequence[str] = (),
    verbs: Sequence[str] = (),
) -> DocResult:
    """Code one English text without a store: its mentions, quotes and events.

    ``date`` (YYYY-MM-DD) dates the events and picks each person's code as of that day;
    ``actors``/``verbs`` are user dictionaries as for ``detente run``. The pipeline is
    loaded once per process and reused. ``to_frame(result.events)`` gives a DataFrame.
    """
    from detente.ingest.dates import normalize_date
    from detente.pipeline import PipelineOptions, extract

    if not isinstance(text, str) or not text.strip():
        raise UsageError("code() needs a non-empty text")
    if date is not None and (not isinstance(date, str) or normalize_date(date) != date):
        raise UsageError(f"date={date!r} is not a date in the form YYYY-MM-DD")
    options = PipelineOptions(model=model, actor_files=tuple(actors), verb_files=tuple(verbs))
    article = Article(ref=ref, text=text, title=title, date=date)
    return next(extract(options.build(), [article]))


def _flat(record) -> dict:
    """A record as one flat row: nested records become prefixed columns (``source_code``,
    ``trigger_text``), as in the store's tables."""
    row: dict = {}
    for key, value in dataclasses.asdict(record).items():
        if isinstance(value, dict):
            row.update({f"{key}_{inner}": v for inner, v in value.items()})
        elif value is None and key == "target":  # an event without a target: NULL columns
            row.update({f"target_{f.name}": None for f in dataclasses.fields(EventActor)})
        else:
            row[key] = list(value) if isinstance(value, tuple) else value
    return row


def to_frame(records: Iterable) -> pd.DataFrame:
    """Records (``result.events``, ``result.mentions``, ``result.quotes`` ...) as a DataFrame."""
    rows = [_flat(record) for record in records]
    return pd.DataFrame(rows)
