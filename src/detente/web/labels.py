"""Readable names for actor codes and actor ids in lists, charts and the network.

A code reads as its country and the names of its parts ("USAJUD" -> "United States
judiciary", from ``data/exports/cameo_actor_parts.tsv``). A state or a group is named by its
code, never by the words of a mention: the actors table keeps the last mention's words for
them ("Flynn's lawyers" for ``group:USAJUD``, "Washington" for a metonym).
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.knowledge import files
from detente.knowledge.tables import read_values
from detente.web.countries import country_name

_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
# Actor ids named by their code (the part after the colon), not by their stored name.
CODE_NAMED = ("state:", "group:")


@lru_cache(maxsize=1)
def _part_names() -> dict[str, str]:
    return {part: name for part, _kind, name in read_values(files.CAMEO_ACTOR_PARTS)}


def is_code(key: str) -> bool:
    return bool(_CODE.match(key))


def code_label(code: str) -> str | None:
    """ "JPNGOV" -> "Japan government", "USA" -> "United States", "IGOUNO" -> None (no
    country: an organization, named by the actors table); None for what is not a code."""
    if not is_code(code) or len(code) % 3:
        return None
    country = country_name(code[:3])
    if country is None:
        return None
    parts = _part_names()
    words = [country] + [
        parts.get(code[i : i + 3], code[i : i + 3]) for i in range(3, len(code), 3)
    ]
    return " ".join(words)


def code_of_id(actor_id: str) -> str | None:
    """The code a state or group actor id stands for (``group:USAJUD`` -> ``USAJUD``)."""
    for prefix in CODE_NAMED:
        if actor_id.startswith(prefix):
            return actor_id.removeprefix(prefix)
    return None
