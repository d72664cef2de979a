"""Definite descriptions that point back: "the country", "the group", "the company".

A reader takes "the country" for the state the text named last, and "the group" for the
last organization or group. The head nouns and what they point to are data
(``data/actors/descriptions.tsv``); a description needs a definite determiner and no owner
of its own ("Nepal's government", "the Labour group" are not descriptions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.actors.coding import Resolution

BODY_KINDS = frozenset({"organization", "group"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})  # "Nepal's", "Labour", "Syrian"


@dataclass(frozen=True, slots=True)
class Description:
    start: int  # the determiner
    end: int  # after the head noun
    head: int
    refers_to: str  # state | body


def find_descriptions(
    doc: Doc,
    lowers: list[str],
    words: dict[str, str],
    determiners: frozenset[str],
    taken: list[bool],
) -> list[Description]:
    """The descriptions of ``doc`` outside names (``taken``), in text order."""
    found = []
    for i, word in enumerate(lowers):
        refers_to = words.get(word)
        if refers_to is None or taken[i] or doc[i].pos_ != "NOUN":
            continue
        children = list(doc[i].lefts)
        determiner = next((c for c in children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ not in determiners:
            continue
        if any(c.dep_ in OWNER_DEPS and c.pos_ in ("PROPN", "PRON") for c in children):
            continue
        found.append(Description(determiner.i, i + 1, i, refers_to))
    return found


def antecedent(
    items: Iterable[tuple[int, int, Resolution, str | None]], before: int, refers_to: str
) -> Resolution | None:
    """The latest actor before token ``before`` that a description of ``refers_to`` can
    point to: a state (a country named as a place counts), or an organization or group
    with a code."""
    latest: tuple[int, Resolution] | None = None
    for start, _end, resolution, _label in items:
        if start >= before or (latest is not None and start < latest[0]):
            continue
        if resolution.resolved_by.startswith("pronoun"):
            continue
        if refers_to == "state":
            fits = resolution.kind == "state" or (
                resolution.place is not None and resolution.place.kind == "country"
            )
        else:
            fits = resolution.kind in BODY_KINDS and bool(resolution.code or resolution.country)
        if fits:
            latest = (start, resolution)
    return latest[1] if latest is not None else None
