"""Places: the gazetteer (:mod:`.gazetteer`), the evidence of a document
(:mod:`.evidence`) and the resolution of place names in context (:mod:`.resolve`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.records import Mention


def is_place_mention(mention: Mention) -> bool:
    """A mention that names a location: a place, or a state whose name stands for its
    land where it may still take part in an event ("visited Belize", "Mexico's women":
    kind ``state`` with the country's ``place_id``). A state that acts ("Japan said") has
    no ``place_id`` and is no place."""
    return mention.kind == "place" or (mention.kind == "state" and mention.place_id is not None)
