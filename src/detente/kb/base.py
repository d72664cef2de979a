"""The knowledge base's records and the lookup object the resolution stage uses.

Everything is indexed once by :func:`normalize_name` when the KB is built (see
:mod:`detente.kb.load`); lookups are dictionary reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from detente.kb.classify import KBVocabulary, singular_candidates
from detente.knowledge.words import load_char_folds

if TYPE_CHECKING:
    from detente.places.gazetteer import Gazetteer

# Apostrophes and hyphens written in several ways (kb/char_folds.tsv), read once.
CHAR_FOLDS = load_char_folds()


def normalize_name(text: str) -> str:
    """The key of every lookup: casefold, straight apostrophes, hyphens and PETRARCH's
    underscores as spaces ("Kim Jong-un" = "Kim Jong Un", "al-Bashir" = "al Bashir",
    "Dol_Amroth" = "Dol Amroth"), no leading "the ", collapsed spaces, no trailing
    possessive "'s"."""
    if not text.isascii():
        text = text.translate(CHAR_FOLDS)
    key = " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2].rstrip()
    elif key.endswith("s'"):
        key = key[:-1]  # plural possessive: "the Philippines'"
    return key


@dataclass(frozen=True, slots=True)
class Role:
    """One dated CAMEO code of an actor; it holds on dates ``start <= d < end``."""

    code: str
    start: date | None
    end: date | None
    title: str | None = None

    def holds_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class KBActor:
    actor_id: str
    name: str
    kind: str  # person | organization | state | group
    roles: tuple[Role, ...]
    country: str | None
    aliases: tuple[str, ...]
    source: str  # phoenix | leaders | phoenix+leaders | states | hand | user:<filename>


@dataclass(frozen=True, slots=True)
class KBPlace:
    """A gazetteer entry (:mod:`detente.places.gazetteer`)."""

    place_id: str
    name: str
    kind: str  # country | admin1 | city | region | sea | disputed
    names: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    claimants: tuple[str, ...] = ()
    population: int = 0
    admin1: str | None = None  # GeoNames first-level division code ("ENG", "08", "VA")
    alternates: int = 0  # names in other languages (GeoNames): how widely a city is known


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str  # normalized singular, e.g. "foreign minister"
    code: str  # sector code without country, e.g. "GOV"
    person: bool  # names one person ("president") rather than a group ("officials")
    prefix: bool = False  # PETRARCH "[NGO~]": code goes before the country (NGOUSA)


def sector_of(code: str, country: str | None) -> str:
    """The sector part of an actor code: ``JPNGOV`` -> ``GOV``; ``IGOUNO`` -> ``IGOUNO``."""
    if country and code.startswith(country):
        return code[len(country) :]
    return code


@dataclass(slots=True)
class KnowledgeBase:
    """Actors, places, agents and state words, indexed by normalized name."""

    actors: dict[str, KBActor] = field(default_factory=dict)
    actor_index: dict[str, list[KBActor]] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    states: dict[str, KBActor] = field(default_factory=dict)  # ISO3 (or user code) -> state
    state_names: dict[str, str] = field(default_factory=dict)  # normalized name -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # "japanese" -> JPN
    seats: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (ISO3, sector)
    seat_names: dict[str, str] = field(default_factory=dict)  # normalized -> as written
    surnames: dict[str, list[KBActor]] = field(default_factory=dict)  # "mugabe" -> people
    family_first: frozenset[str] = frozenset()  # ISO3 of states that write the family name first
    vocabulary: KBVocabulary | None = None  # the word lists and non-state codes it was built with
    gazetteer: Gazetteer | None = None  # places (detente.places.gazetteer)
    surfaces: list[tuple[str, str]] | None = None  # built on first surface_forms() call
    surface_builder: object = None  # callable that builds ``surfaces``
    # malformed user-dictionary lines that were skipped: "file:line: reason"
    warnings: list[str] = field(default_factory=list)

    # -- lookups ---------------------------------------------------------------------------
    def actors_by_name(self, name: str) -> list[KBActor]:
        """Every actor with this full surface form (user dictionaries first); [] if none."""
        return list(self.actor_index.get(normalize_name(name), ()))

    def people_by_surname(self, surname: str) -> list[KBActor]:
        """People whose name ends with this word ("Mugabe" -> Robert Mugabe): for a title
        plus surname ("President Mugabe") met without the full name; often ambiguous, so
        choose by country and by a role that holds on the date."""
        return list(self.surnames.get(normalize_name(surname), ()))

    def family_name(self, name: str, country: str | None) -> str | None:
        """The family name in a full name: the last word, or the first for states that
        write it first ("Kim Jong Un" -> "Kim"); None for a single word."""
        words = name.split()
        if len(words) < 2:
            return None
        return words[0] if country in self.family_first else words[-1]

    def family_names(self, name: str, country: str | None) -> tuple[str, ...]:
        """The words of a full name that may stand alone for the person later: the family
        name, and for states that write it first the last word too, since their people
        often go by a Western given name before it ("Carrie Lam" -> Lam, as "Xi Jinping"
        -> Xi). () for a single word."""
        words = name.split()
        if len(words) < 2:
            return ()
        if country in self.family_first:
            return (words[0], words[-1])
        return (words[-1],)

    def places_by_name(self, name: str) -> list[KBPlace]:
        """Every place with this name (a country, a city, a first-level division, a
        disputed area...), the likeliest reading first."""
        return self.gazetteer.lookup(name) if self.gazetteer is not None else []

    def agent(self, phrase: str) -> Agent | None:
        """The agent named by a role word, singular or plural: "officials" -> GOV."""
        key = normalize_name(phrase)
        found = self.agents.get(key)
        if found is None and key:
            words = key.split()
            for singular in singular_candidates(words[-1]):
                found = self.agents.get(" ".join([*words[:-1], singular]))
                if found is not None:
                    return Agent(found.phrase, found.code, False, found.prefix)
        return found

    def state_for_word(self, word: str) -> str | None:
        """ISO3 for a state name, a demonym/adjective or a seat of government."""
        key = normalize_name(word)
        return self.state_names.get(key) or self.demonyms.get(key) or self.seat_state(key)

    def seat_state(self, word: str) -> str | None:
        seat = self.seats.get(normalize_name(word))
        return seat[0] if seat else None

    def seat(self, word: str) -> tuple[str, str | None] | None:
        """(ISO3, sector or None) for a seat of government: "Pentagon" -> ("USA", "MIL")."""
        return self.seats.get(normalize_name(word))

    def state(self, iso3: str) -> KBActor | None:
        return self.states.get(iso3.upper())

    def code_at(self, actor: KBActor, when: date | None) -> tuple[str | None, bool]:
        """The actor's code on a date: ``(code, undated)``.

        With a date, in order: (1) the dated role that holds on it (latest start wins,
        then the longer, more specific code); (2) for a person whose most recently ended
        role is a government one (``...GOV...``) or an IGO office, ``<ISO3>ELI`` (former
        leaders are elites, as in Phoenix: Obama in 2017 is USAELI); (3) the undated default role
        (Phoenix's code for the person outside their dated offices); (4) for a person, the
        most recently ended role, or before any role their country's code (a citizen);
        for others the earliest role.
        Without a date: the role with the latest start (undated roles last), ``undated=True``.
        """
        roles = actor.roles
        if not roles:
            return None, when is None
        if when is None:
            dated = [r for r in roles if r.dated]
            if dated:
                latest = max(dated, key=_latest_key)
                return latest.code, True
            return _most_specific(roles).code, True
        holding = [r for r in roles if r.dated and r.holds_on(when)]
        if holding:
            return max(holding, key=_latest_key).code, False
        default = [r for r in roles if not r.dated]
        if actor.kind == "person":
            ended = [r for r in roles if r.end is not None and r.end <= when]
            if ended:
                last = max(ended, key=lambda r: (r.end, len(r.code)))
                former = _former(last.code, actor.country)
                if former != last.code or not default:
                    return former, False
        if default:
            return _most_specific(default).code, False
        # before any known role: a person is a citizen of their country
        first = min(roles, key=lambda r: r.start or date.max)
        if actor.kind == "person" and actor.country:
            return actor.country, False
        return first.code, False

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, tag) pairs to build phrase matchers once; tags: actor, place,
        seat, demonym, agent, state."""
        if self.surfaces is None:
            self.surfaces = self.surface_builder() if callable(self.surface_builder) else []
        return iter(self.surfaces)


def _latest_key(role: Role) -> tuple[date, int]:
    return (role.start or date.min, len(role.code))


def _most_specific(roles: tuple[Role, ...] | list[Role]) -> Role:
    return max(roles, key=lambda r: len(r.code))


def _former(code: str, country: str | None) -> str:
    """An ended government role becomes the country's elite code (USAGOV -> USAELI); so
    does an ended office in an international organization for a person with a country
    (a former UN Secretary-General is an elite of his country: IGOUNO -> KORELI)."""
    if country and len(country) == 3 and country.isalpha():
        if code.startswith("IGO") and not country.startswith("IGO"):
            return country + "ELI"
    prefix = country if country and code.startswith(country) else code[:3]
    if "GOV" in code[len(prefix) :] and prefix.isalpha() and len(prefix) == 3:
        return prefix + "ELI"
    return code
