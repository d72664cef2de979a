"""Definite descriptions that point back: "the country", "the group", "the company".

A reader takes "the country" for the state the text named last, and "the group" for the
last organization or group. The head nouns and what they point to are data
(``data/actors/descriptions.tsv``); a description needs a definite determiner and no owner
of its own ("Nepal's government", "the Labour group" are not descriptions).

A description whose words name a kind of actor ("the militants", "the extremist group":
``data/actors/description_types.tsv``) points back only to an actor of that kind: the
latest one named before it whose code has one of the kind's CAMEO types (Al-Shabaab's
SOMREB, the Islamic State's IMGMUSISI), never to a state's army named in between. Only an
actor the text identifies counts: "militants" with no country of their own is no
antecedent, and the description never reaches past them to an actor named further back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors.coding import Resolution, code_blocks

BODY_KINDS = frozenset({"organization", "group"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})  # "Nepal's", "Labour", "Syrian"
NAME_MODIFIER_DEPS = frozenset({"amod", "compound", "appos", "nmod"})


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


def describes_name(head: Token) -> bool:
    """A description's head that describes a name beside it rather than point back: "the
    extremist ISIS" (a modifier of the name), "the militant group Hamas" (the name in
    apposition or compound)."""
    while head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN" and head.head != head:
        head = head.head  # "militant" in "the militant group Hamas": the group
    if head.dep_ in NAME_MODIFIER_DEPS and head.head.pos_ == "PROPN":
        return True
    return any(c.dep_ in NAME_MODIFIER_DEPS and c.pos_ == "PROPN" for c in head.rights)


def kinds_named(words: Iterable[str], table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The CAMEO types the (lowercase) ``words`` of a description name, none if it names no
    kind: "the extremist group" -> REB, UAF, IMG"""
    found: set[str] = set()
    for word in words:
        found |= table.get(word, frozenset())
    return frozenset(found)


def typed_antecedent(
    items: Iterable[tuple[int, int, Resolution, str | None]], before: int, types: frozenset[str]
) -> Resolution | None:
    """The latest group or organization before token ``before`` whose code has one of
    ``types`` and that the text identifies: a name (Al-Shabaab, the Islamic State), or a
    description with a country ("Syrian rebels"); None when the latest of the kind is
    unidentified ("rebels battling Assad"). Pronouns do not count, they point back
    themselves."""
    latest: tuple[int, Resolution | None] | None = None
    for start, _end, resolution, _label in items:
        if start >= before or (latest is not None and start < latest[0]):
            continue
        if resolution.kind not in BODY_KINDS or resolution.resolved_by.startswith("pronoun"):
            continue
        if not types.intersection(code_blocks(resolution.code or resolution.sector or "")):
            continue
        if resolution.country is None and resolution.resolved_by.startswith("role"):
            # "rebels battling Assad. The rebels ...": the antecedent is there but names
            # no one; the description stays as unidentified as it (no one further back)
            latest = (start, None)
            continue
        latest = (start, resolution)
    return latest[1] if latest is not None else None
