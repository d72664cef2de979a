"""Printing query results: a table for people, CSV or JSON Lines for programs.

Tables never cut headers or values: on a terminal they use its width, elsewhere (a
notebook's ``!detente``, a pipe) they take the width they need instead of 80 columns.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from typing import Any

import pandas as pd
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from detente.cli.output import plain
from detente.errors import UsageError

OUTPUT_FORMATS = ("table", "csv", "jsonl")


def check_format(fmt: str) -> str:
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"--format {fmt!r}: choose {', '.join(OUTPUT_FORMATS)}")
    return fmt


def cell(value: Any) -> str:
    """A table cell: blanks for missing values, 2 decimals for floats, dates without time."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)


def _json_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if not isinstance(value, str | list | tuple | dict) and pd.isna(value):
        return None
    return value


def rich_table(frame: pd.DataFrame, *, title: str | None = None) -> Table:
    table = Table(title=_title(title), header_style="bold", title_justify="left")
    for column in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        table.add_column(plain(column), no_wrap=True, justify="right" if numeric else "left")
    for row in frame.itertuples(index=False):
        table.add_row(*(Text(cell(value)) for value in row))
    return table


def _title(title: str | None) -> str | None:
    # titles name stores and actors the user typed: text, not Rich markup
    return None if title is None else plain(title)


def print_table(console: Console, table: Table) -> None:
    """Print ``table`` whole: wider than the console when it is not a terminal."""
    if console.is_terminal:
        console.print(table)
        return
    wide = console.options.update_width(1_000_000)  # measure without the 80-column limit
    width = max(console.width, Measurement.get(console, wide, table).maximum)
    Console(file=console.file, width=width, soft_wrap=False, no_color=console.no_color).print(table)


def print_frame(
    console: Console, frame: pd.DataFrame, fmt: str, *, title: str | None = None
) -> None:
    """``frame`` as a table, CSV (with a header) or JSON Lines on standard output."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False, date_format="%Y-%m-%d")
        sys.stdout.flush()
    elif fmt == "jsonl":
        columns = [str(c) for c in frame.columns]
        for row in frame.itertuples(index=False):
            record = {k: _json_value(v) for k, v in zip(columns, row, strict=True)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()
    else:
        print_table(console, rich_table(frame, title=title))


def print_pairs(console: Console, data: dict, fmt: str, *, title: str | None = None) -> None:
    """A flat dict as a two-column table, or one CSV/JSON record."""
    if fmt == "table":
        table = Table(title=_title(title), show_header=False, title_justify="left")
        table.add_column(style="bold", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        for key, value in data.items():
            table.add_row(
                plain(key), f"{value:,}" if isinstance(value, int) else plain(cell(value))
            )
        print_table(console, table)
        return
    print_frame(console, pd.DataFrame([{k: _json_value(v) for k, v in data.items()}]), fmt)
