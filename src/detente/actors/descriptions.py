"""Definite descriptions that point back: "the country", "the group", "the company".

A reader takes "the country" for the state the text named last, and "the group" for the
last organization or group. The head nouns and what they point to are data
(``data/actors/descriptions.tsv``); a description needs a definite determiner and no owner
of its own ("Nepal's government", "the Labour group" are not descriptions).

A description whose words name a kind of actor ("the militants", "the extremist group":
``data/actors/description_types.tsv``) points back only to an actor of that kind: the
latest one named before it whose code has one of the kind's CAMEO types (Al-Shabaab's
SOMREB, the Islamic State's IMGMUSISI), never to a state's army named in between. Only an
actor the text identifies counts: "militants" with no country and no code beyond their
type is no antecedent ("Islamist militants", MUSUAF, are), and the description never
reaches past them to an actor named further back. The kind is read from the head and its
own modifiers only, never from part of a hyphenated word ("the terror-hit country", "the
militia-backed government") nor after a blocking prefix ("the anti-terror group"), and a
description of a state never takes it.
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


def _identified(resolution: Resolution, types: frozenset[str]) -> bool:
    """A group the text identifies: a country, or a code with a block beyond its type (an
    identity or a region: "Islamist militants" MUSUAF); a bare type (REB) names no one."""
    if resolution.country is not None:
        return True
    blocks = code_blocks(resolution.code or "")
    return any(b != resolution.sector and b not in types for b in blocks)


def describes_name(head: Token) -> bool:
    """A description's head that describes a name beside it rather than point back: "the
    extremist ISIS" (a modifier of the name), "the militant group Hamas" (the name in
    apposition or compound)."""
    while head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN" and head.head != head:
        head = head.head  # "militant" in "the militant group Hamas": the group
    if head.dep_ in NAME_MODIFIER_DEPS and head.head.pos_ == "PROPN":
        return True
    return any(c.dep_ in NAME_MODIFIER_DEPS and c.pos_ == "PROPN" for c in head.rights)


BLOCKING = "-"  # the type of a prefix that undoes the kind word after it ("anti", "counter")
KIND_DEPS = frozenset({"amod", "compound"})


def kinds_named(words: Iterable[str], table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The CAMEO types the (lowercase) ``words`` of a description name, none if it names no
    kind: "the extremist group" -> REB, UAF, IMG"""
    found: set[str] = set()
    for word in words:
        found |= table.get(word, frozenset())
    return frozenset(found - {BLOCKING})


def kind_words(doc: Doc, head: int, table: dict[str, frozenset[str]]) -> list[str]:
    """The words of a description that can name its kind: the head noun and its own
    ``amod``/``compound`` dependents ("the extremist group"), never a word of a hyphenated
    compound ("the terror-hit country", "the militia-backed government", "the
    anti-terror group") nor one after a blocking prefix of the table ("the anti terror
    group"), nor a word describing something else in the phrase."""
    return [
        word.lower_
        for word in _modifiers(doc, head)
        if not _hyphenated(doc, word.i) and not _blocked(doc, word.i, table)
    ]


def negated_kinds(doc: Doc, head: int, table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The kinds a description opposes: its words after a blocking prefix ("the anti-terror
    group", "the counter-terrorist unit"), whose antecedent is never one of that kind."""
    words = [w.lower_ for w in _modifiers(doc, head, deep=True) if _blocked(doc, w.i, table)]
    return kinds_named(words, table)


def _modifiers(doc: Doc, head: int, *, deep: bool = False) -> list[Token]:
    """The head and its own ``amod``/``compound`` dependents before it (``deep``: every word
    of the phrase before the head)."""
    token = doc[head]
    if deep:
        return [t for t in token.subtree if t.i <= head]
    return [token] + [c for c in token.lefts if c.dep_ in KIND_DEPS]


def _blocked(doc: Doc, i: int, table: dict[str, frozenset[str]]) -> bool:
    """Token ``i`` follows a blocking prefix, directly or through a hyphen ("anti-terror")."""
    j = i - 1
    if j >= 0 and doc[j].text == "-":
        j -= 1
    return j >= 0 and BLOCKING in table.get(doc[j].lower_, frozenset())


def _hyphenated(doc: Doc, i: int) -> bool:
    """Token ``i`` is part of a hyphenated compound: a hyphen joined to it on either side."""
    token = doc[i]
    if "-" in token.text.strip("-"):
        return True
    if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        return True
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_


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
        if not _identified(resolution, types) and resolution.resolved_by.startswith("role"):
            # "rebels battling Assad. The rebels ...": the antecedent is there but names
            # no one; the description stays as unidentified as it (no one further back)
            latest = (start, None)
            continue
        latest = (start, resolution)
    return latest[1] if latest is not None else None
