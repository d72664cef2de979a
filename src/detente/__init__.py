"""détente: political event data from news, with evidence."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.store import Store

__version__ = "0.1.0"


def open(path: str | os.PathLike = "detente.duckdb", *, read_only: bool = True) -> Store:  # noqa: A001 - the notebook entry point
    """Open a détente store; its queries return pandas DataFrames."""
    from detente.api import open as open_store

    return open_store(path, read_only=read_only)
