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


def code(text: str, **options):
    """Code one English text (no store): ``detente.code("Abe met Trump.", date="2017-02-10")``
    returns a ``DocResult`` with ``mentions``, ``quotes`` and ``events``; see ``detente.api.code``."""
    from detente.api import code as code_text

    return code_text(text, **options)


def to_frame(records):
    """Records (``result.events`` ...) as a pandas DataFrame, nested fields flattened."""
    from detente.api import to_frame as records_frame

    return records_frame(records)
