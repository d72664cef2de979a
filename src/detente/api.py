"""The notebook entry point: ``detente.open(path)``."""

from __future__ import annotations

from pathlib import Path

from detente.store import Store


def open(path: str | Path = "detente.duckdb", *, read_only: bool = True) -> Store:  # noqa: A001
    """Open a détente store; its queries (documents, mentions, quotes, events, dyad ...)
    return pandas DataFrames. Read-only by default, so a notebook cannot damage a store."""
    return Store(path, read_only=read_only)
