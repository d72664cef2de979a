"""Country names, ISO numeric codes and centroids (``data/web/countries.tsv``, built by
``scripts/build_web_assets.py``): the map's country shapes and its fallback event places."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from detente.knowledge import files
from detente.knowledge.tables import read_values


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    numeric: str  # ISO 3166-1 numeric: the feature id in world-atlas
    name: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country by ISO3 code."""
    table = {}
    for iso3, numeric, name, lat, lon, _source in read_values(files.WEB_COUNTRIES):
        table[iso3] = Country(iso3, numeric, name, float(lat), float(lon))
    return table


def country_name(iso3: str | None) -> str | None:
    """The country's short name, or None for codes that are not countries (IGOs, regions)."""
    country = countries().get(iso3 or "")
    return country.name if country else None
