"""Visits: who the host is.

A visit (CAMEO 042 "make a visit", 043 "host a visit": PLOVER mode ``visit`` in cameo.tsv)
is done to its host, and a place stands for its country (docs/gold/events-guideline.md,
section 5: "visited Iraq" targets Iraq, "Abe visited Washington" the United States). Besides
the phrases a verb's or noun's target comes from ("visited Iraq", "a visit to Iraq"), the
host is named by

* a place modifying a visit noun: "his Middle East trip", "her Asia tour" - the place the
  trip goes to, never its doer;
* the place a copula puts the doer of a visit noun in: "Singh is in South Africa on an
  official visit" (a verb's places say where its own act is: "arrived in Paris on a state
  visit" is the arrival's, coded by the verb);
* and a leader visiting his own troops abroad visits the host country named in the clause
  ("visited U.S. troops in Afghanistan": Afghanistan; section 12, own troops abroad).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.participants import (
    DocActors,
    Participants,
    event_actor,
    is_armed,
    place_actor,
)
from detente.knowledge.events import Cameo
from detente.records import EventActor

# the dependents of a noun that may name the place it goes to ("his Middle East trip")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def is_visit(cameo: Cameo, code: str | None) -> bool:
    """Is ``code`` a visit or the hosting of one (PLOVER mode ``visit``)?"""
    entry = cameo.lookup(code) if code else None
    return entry is not None and entry.plover_mode == "visit"


def place_modifier(tok: Token, actors: DocActors) -> EventActor | None:
    """The place (a place with a country, or a region the actors stage codes, "Middle
    East") that ``tok`` heads, as the actor that stands for it; None for anything else."""
    place = actors.place_by_token.get(tok.i)
    if place is not None:
        return place_actor(place)
    number = actors.by_token[tok.i]
    if number != -1 and actors.mentions[number].kind == "place":
        return event_actor(actors.mentions[number])
    return None


def modifier_host(noun: Token, actors: DocActors) -> list[EventActor]:
    """ "His Middle East trip", "her Asia tour": a place modifying a visit noun."""
    for child in noun.children:
        if child.dep_ in _MODIFIER_DEPS:
            host = place_modifier(child, actors)
            if host is not None:
                return [host]
    return []


def clause_host(
    clause: Token | None,
    participants: Participants,
    actors: DocActors,
    visitors: list[EventActor],
) -> list[EventActor]:
    """ "Singh is in South Africa on an official visit", "visited U.S. troops in
    Afghanistan": the place of another country than the visitors' in the phrases of
    ``clause`` (a verb, a copula or a visit noun)."""
    if clause is None:
        return []
    host = participants.host_place(clause, actors, visitors)
    return [host] if host is not None else []


def own_forces_abroad(
    targets: list[EventActor],
    visitors: list[EventActor],
    host: list[EventActor],
    armed_sectors: frozenset[str],
) -> list[EventActor]:
    """The targets of a visit, with the visitors' own armed forces ("visited U.S. troops in
    Afghanistan") replaced by the host country the clause names; unchanged when it names
    none (the verb coder then drops a visit to its own forces alone: guideline, section 12)."""
    own = own_forces(targets, visitors, armed_sectors)
    if not own or not host:
        return targets
    return [t for t in targets if t not in own] + host


def own_forces(
    targets: list[EventActor], visitors: list[EventActor], armed_sectors: frozenset[str]
) -> list[EventActor]:
    """The targets that are the visitors' own armed forces (same country, armed sector)."""
    return [
        t
        for t in targets
        if t.country
        and is_armed(t, armed_sectors)
        and any(t.country == v.country for v in visitors)
    ]
