"""Turning records into JSON Lines and rich tables (the output contract, docs/output.md)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from rich.markup import escape
from rich.table import Table

from detente.records import DocResult


def plain(value: object) -> str:
    """User text (paths, dates, record fields, messages) for a Rich string, shown as it
    is: "[red]" or "[/x]" in it is text, not markup. Every CLI output goes through this."""
    return escape("" if value is None else str(value))


def record_dict(doc_ref: str, record: Any) -> dict:
    """``asdict`` of a record with the document's ``doc_ref`` first."""
    data = dataclasses.asdict(record)
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return {"doc_ref": doc_ref, **data}


def records_of(result: DocResult, what: str) -> list:
    return list(getattr(result, what))


def jsonl_lines(results: Iterable[DocResult], what: str) -> Iterable[str]:
    for result in results:
        for record in records_of(result, what):
            yield json.dumps(record_dict(result.article.ref, record), ensure_ascii=False)


TABLE_COLUMNS = {
    "mentions": ("start", "end", "text", "kind", "name", "code", "country", "resolved_by"),
    "quotes": ("start", "kind", "speaker_name", "speaker_actor", "cue", "text"),
    "events": ("date", "source", "cameo", "plover", "target", "goldstein", "trigger"),
}


def cell(record: Any, column: str) -> str:
    value = getattr(record, column)
    if column in ("source", "target"):
        if value is None:
            return ""
        return f"{value.code or '?'} ({value.text})"
    if column == "trigger":
        return value.text
    if column == "text" and isinstance(value, str) and len(value) > 90:
        return value[:87] + "..."
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def records_table(results: Iterable[DocResult], what: str) -> Table:
    columns = TABLE_COLUMNS[what]
    table = Table("doc", *columns, show_lines=False, header_style="bold")
    for result in results:
        short = (
            result.article.ref if len(result.article.ref) < 28 else "…" + result.article.ref[-27:]
        )
        for record in records_of(result, what):
            table.add_row(plain(short), *(plain(cell(record, c)) for c in columns))
    return table
