"""CAMEO codes: names, Goldstein scores, quad classes and PLOVER categories (one table)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from detente.errors import DictionaryError
from detente.events.lexicon import data_path


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # keeps leading zero, e.g. "042"
    root: str  # "04"
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """``data/events/cameo.tsv`` (built by scripts/build_verbs.py), by code."""
    path = data_path("cameo.tsv")
    table: dict[str, CameoCode] = {}
    try:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                table[row["code"]] = CameoCode(
                    code=row["code"],
                    root=row["root"],
                    name=row["name"],
                    goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                    quad_class=int(row["quad_class"]),
                    plover=row["plover"] or None,
                    plover_mode=row["plover_mode"] or None,
                    plover_context=row["plover_context"] or None,
                )
    except (OSError, KeyError, ValueError) as e:
        raise DictionaryError(str(path), None, f"cannot read the CAMEO table: {e}") from e
    return table


def lookup(code: str) -> CameoCode | None:
    """The table entry of ``code``, falling back to its parent (``0421`` -> ``042`` -> ``04``)."""
    table = cameo_table()
    for prefix in (code, code[:3], code[:2]):
        entry = table.get(prefix)
        if entry is not None:
            return entry
    return None


def cameo_root(code: str) -> str:
    return code[:2]
