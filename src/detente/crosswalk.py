"""Country code crosswalk: COW, Gleditsch–Ward and FIPS 10-4 codes beside ISO 3166 alpha-3.

Panels carry these columns so they join other political science data sets directly;
the GDELT export uses FIPS for its geographic country columns. The table is
``data/crosswalk/country_codes.tsv`` (built by ``scripts/build_crosswalk.py``, sources in
NOTICE). The codes are today's: a state's code in a past year can differ (COW 260 was
West Germany before 1990).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyarrow as pa

from detente.knowledge import files
from detente.knowledge.tables import read_values


@dataclass(frozen=True, slots=True)
class CountryCodes:
    iso3: str
    iso2: str | None
    fips: str | None
    cow_code: int | None
    cow_alpha: str | None
    gw_code: int | None
    gw_alpha: str | None
    name: str


def _int(text: str) -> int | None:
    return int(text) if text else None


@functools.cache
def country_codes() -> dict[str, CountryCodes]:
    """Every state détente knows, by ISO3."""
    return {
        iso3: CountryCodes(
            iso3=iso3,
            iso2=iso2 or None,
            fips=fips or None,
            cow_code=_int(cow_code),
            cow_alpha=cow_alpha or None,
            gw_code=_int(gw_code),
            gw_alpha=gw_alpha or None,
            name=name,
        )
        for iso3, iso2, fips, cow_code, cow_alpha, gw_code, gw_alpha, name in read_values(
            files.COUNTRY_CODES
        )
    }


@functools.cache
def crosswalk_table() -> pa.Table:
    """The crosswalk as an Arrow table (iso3, iso2, fips, cow_code, cow_alpha, gw_code,
    gw_alpha, name), ready to join in SQL or to turn into a DataFrame."""
    rows = list(country_codes().values())
    return pa.table(
        {
            "iso3": pa.array([r.iso3 for r in rows], pa.string()),
            "iso2": pa.array([r.iso2 for r in rows], pa.string()),
            "fips": pa.array([r.fips for r in rows], pa.string()),
            "cow_code": pa.array([r.cow_code for r in rows], pa.int32()),
            "cow_alpha": pa.array([r.cow_alpha for r in rows], pa.string()),
            "gw_code": pa.array([r.gw_code for r in rows], pa.int32()),
            "gw_alpha": pa.array([r.gw_alpha for r in rows], pa.string()),
            "name": pa.array([r.name for r in rows], pa.string()),
        }
    )
