"""Load the shipped knowledge base (src/detente/data/kb/) and user dictionaries.

One pass over compact TSV files builds every index; :func:`load_kb` caches the
result per arguments, so a process pays the cost once.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from detente.errors import DictionaryError
from detente.kb.base import Agent, KBActor, KBPlace, KnowledgeBase, Role, normalize_name
from detente.kb.classify import (
    DATA_DIR,
    display_name,
    entry_kind,
    is_state_code,
    person_heads,
    pluralize,
    slug,
    state_code,
)
from detente.kb.petrarch import is_agent_file, parse_actor_file, parse_agent_file

LEADERS_FILE = "leaders_2014_2026.tsv"
NOTABLE_PEOPLE_FILE = "notable_people.tsv"  # same format: people Phoenix lacks
US_STATE_WEIGHT = 500_000  # rank of a US state among same-named cities (see _build)


# -- reading ------------------------------------------------------------------------------
def read_tsv(
    path: Path, columns: int, *, required: bool = True, strip: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields padded to ``columns``) for each data line; skips the header,
    blank lines and ``#`` comments. ``strip`` trims fields (hand-written files)."""
    if not path.exists():
        if required:
            raise DictionaryError(
                str(path), None, "knowledge file is missing (run scripts/build_kb.py)"
            )
        return
    with path.open(encoding="utf-8") as lines:
        next(lines, None)  # header
        for number, line in enumerate(lines, start=2):
            line = line.rstrip("\n\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if strip:
                fields = [field.strip() for field in fields]
            if len(fields) < columns:
                fields.extend([""] * (columns - len(fields)))
            yield number, fields


def read_rows(
    path: Path, columns: int, *, required: bool = True, strip: bool = False
) -> Iterator[list[str]]:
    """The first ``columns`` fields of each data line of ``read_tsv`` (extra fields dropped)."""
    for _number, fields in read_tsv(path, columns, required=required, strip=strip):
        yield fields[:columns]


def parse_iso_date(text: str, path: Path, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise DictionaryError(str(path), line, f"invalid date {text!r} (want YYYY-MM-DD)") from e


def _float(text: str) -> float | None:
    return float(text) if text else None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


class _Draft:
    """A mutable actor while the KB is assembled."""

    __slots__ = ("actor_id", "name", "kind", "country", "aliases", "roles", "source", "keys")

    def __init__(self, actor_id, name, kind, country, aliases, roles, source, keys=None):
        self.actor_id = actor_id
        self.name = name
        self.kind = kind
        self.country = country
        self.aliases = aliases
        self.roles = roles
        self.source = source
        self.keys = keys  # normalized aliases when prebuilt (actors.tsv); None once edited

    def add_aliases(self, aliases: list[str]) -> None:
        self.aliases.extend(aliases)
        self.keys = None

    def freeze(self) -> tuple[KBActor, list[str]]:
        """The frozen actor and the normalized keys of its aliases."""
        if self.keys is not None and self.aliases and self.aliases[0] == self.name:
            actor = KBActor(
                self.actor_id,
                self.name,
                self.kind,
                tuple(self.roles),
                self.country,
                tuple(self.aliases),
                self.source,
            )
            return actor, self.keys
        keys: dict[str, str] = {}
        for alias in [self.name, *self.aliases]:
            key = normalize_name(alias)
            if key and key not in keys:
                keys[key] = alias
        actor = KBActor(
            self.actor_id,
            self.name,
            self.kind,
            tuple(self.roles),
            self.country,
            tuple(keys.values()),
            self.source,
        )
        return actor, list(keys)


# -- the shipped base -----------------------------------------------------------------------
def _load_states(
    data: Path, drafts: dict[str, _Draft], kb: KnowledgeBase, places: list[KBPlace]
) -> None:
    """States from states.tsv (ISO names + Phoenix block synonyms) and state_variants.tsv.

    Phoenix country blocks also list provinces and regions; those that are disputed
    territories (Crimea, Abkhazia...) are left out, since the territory is its own place.
    """
    variants: dict[str, tuple[list[str], list[str]]] = {}
    for iso3, names, adjectives in read_rows(
        data / "state_variants.tsv", 3, required=False, strip=True
    ):
        variants[iso3] = (_split(names), _split(adjectives))
    disputed = {
        normalize_name(name)
        for _n, fields in read_tsv(data / "disputed.tsv", 7, required=False, strip=True)
        for name in [fields[1], *_split(fields[2])]
    }
    for iso3, name, names, phoenix, lat, lon, capital in read_rows(data / "states.tsv", 7):
        extra_names, adjectives = variants.get(iso3, ([], []))
        own_names = [name, *extra_names, *_split(names)]
        block_names = [n for n in _split(phoenix) if normalize_name(n) not in disputed]
        drafts[f"state:{iso3}"] = _Draft(
            f"state:{iso3}",
            name,
            "state",
            iso3,
            [*own_names, *block_names, *adjectives],
            [Role(iso3, None, None)],
            "states",
        )
        for alias in (*own_names, *block_names):
            kb.state_names.setdefault(normalize_name(alias), iso3)
        for adjective in adjectives:
            kb.demonyms.setdefault(normalize_name(adjective), iso3)
        if capital:
            kb.seats.setdefault(normalize_name(capital), (iso3, None))
            kb.seat_names.setdefault(normalize_name(capital), capital)
        places.append(
            KBPlace(
                f"place:country:{iso3}",
                name,
                "country",
                tuple(dict.fromkeys(own_names)),
                iso3,
                _float(lat),
                _float(lon),
            )
        )


def _load_actors(data: Path, drafts: dict[str, _Draft]) -> None:
    for actor_id, kind, name, country, source, aliases, keys in read_rows(data / "actors.tsv", 7):
        alias_list = aliases.split("|")
        key_list = keys.split("|") if keys else None
        if key_list is not None and len(key_list) != len(alias_list):
            key_list = None
        drafts[actor_id] = _Draft(
            actor_id, name, kind, country or None, alias_list, [], source, key_list
        )
    path = data / "roles.tsv"
    for number, (actor_id, code, start, end, title) in ((n, f[:5]) for n, f in read_tsv(path, 5)):
        draft = drafts.get(actor_id)
        if draft is None:
            raise DictionaryError(str(path), number, f"role for unknown actor {actor_id!r}")
        draft.roles.append(
            Role(
                code,
                parse_iso_date(start, path, number),
                parse_iso_date(end, path, number),
                title or None,
            )
        )


def _load_orgs(data: Path, drafts: dict[str, _Draft]) -> None:
    """Hand-listed organizations (orgs.tsv: name, code, country, aliases).

    Phoenix often has one block per surface form of an organization ("UN_", "U.N._",
    "THE_UN_", "UNITED_NATIONS_"); a hand entry absorbs every Phoenix organization whose
    name is one of its aliases, so all those forms resolve to one actor.
    """
    rows = list(read_rows(data / "orgs.tsv", 4, required=False, strip=True))
    if not rows:
        return
    by_key: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts.values():
        if draft.kind == "organization":
            by_key[draft.keys[0] if draft.keys else normalize_name(draft.name)].append(draft)
    for name, code, country, aliases in rows:
        alias_list = [name, *_split(aliases)]
        actor_id = f"org:{slug(name)}"
        target = _Draft(
            actor_id,
            name,
            "organization",
            country or None,
            list(alias_list),
            [Role(code, None, None)],
            "hand",
        )
        for alias in alias_list:
            for found in by_key.pop(normalize_name(alias), ()):
                if found.kind == "organization" and drafts.get(found.actor_id) is found:
                    del drafts[found.actor_id]
                    target.aliases.extend(found.aliases)
        drafts[actor_id] = target


def _load_leaders(path: Path, drafts: dict[str, _Draft], by_name: dict[str, list[_Draft]]) -> None:
    """Merge the curated 2014-2026 roles into the people, matched by normalized name.

    Open-ended Phoenix roles that a curated role with the same code overlaps are closed
    where the curated one starts, or dropped (see :func:`_clip_open_role`). A name with no
    Phoenix person becomes a new person (source "leaders").
    """
    rows: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for number, fields in read_tsv(path, 6, required=False, strip=True):
        rows[fields[0].strip()].append((number, fields))
    for name, lines in rows.items():
        if not name:
            continue
        roles: list[Role] = []
        aliases: list[str] = []
        for number, (_name, code, start, end, title, alias_text) in ((n, f[:6]) for n, f in lines):
            code = code.strip().upper()
            if not code:
                raise DictionaryError(str(path), number, f"no code for {name!r}")
            roles.append(
                Role(
                    code,
                    parse_iso_date(start.strip(), path, number),
                    parse_iso_date(end.strip(), path, number),
                    title.strip() or None,
                )
            )
            aliases.extend(_split(alias_text))
        country = roles[0].code[:3] if is_state_code(roles[0].code[:3]) else None
        candidates = _people_named(by_name, [name], country=None)
        if not candidates:
            # "Moon Jae-in" is "MOON_JAE_IN" in Phoenix: try the full-name aliases, same country
            full_names = [a for a in aliases if len(a.split()) > 1]
            candidates = _people_named(by_name, full_names, country=country)
        same_country = [d for d in candidates if d.country == country] or candidates
        if same_country:
            draft = same_country[0]
            kept = [clipped for r in draft.roles if (clipped := _clip_open_role(r, roles))]
            draft.roles = kept + roles
            draft.add_aliases([name, *aliases])
            draft.source = "phoenix+leaders" if draft.source == "phoenix" else draft.source
            draft.name = name  # the curated spelling ("Ban Ki-moon", not "Ban Ki Moon")
        else:
            actor_id = f"person:{slug(name)}"
            if actor_id in drafts:
                actor_id = f"{actor_id}-{(country or 'x').lower()}"
            drafts[actor_id] = _Draft(
                actor_id, name, "person", country, [name, *aliases], roles, "leaders"
            )


def _people_named(
    by_name: dict[str, list[_Draft]], names: list[str], *, country: str | None
) -> list[_Draft]:
    found: list[_Draft] = []
    for name in names:
        for draft in by_name.get(normalize_name(name), ()):
            if (
                draft.kind == "person"
                and draft not in found
                and (country is None or draft.country == country)
            ):
                found.append(draft)
    return found


def _clip_open_role(old: Role, new_roles: list[Role]) -> Role | None:
    """A Phoenix role open only because the data stops in 2014 (``[RUSGOV >080508]``) ends
    where a curated role with the same code that overlaps it begins; when the curated role
    starts as early, the old one is dropped (the leaders file knows both ends)."""
    if old.start is None or old.end is not None:
        return old
    overlapping = [
        r for r in new_roles if r.code == old.code and (r.end is None or r.end > old.start)
    ]
    if not overlapping:
        return old
    cut = min(r.start or date.min for r in overlapping)
    return Role(old.code, old.start, cut, old.title) if cut > old.start else None


def _agent_forms(entry_phrase: str, plurals: tuple[str, ...] | None) -> list[str]:
    if plurals is None:
        return [pluralize(entry_phrase)]
    return list(plurals)


def _is_person_phrase(phrase: str) -> bool:
    head = phrase.split(" of ")[0].split()[-1] if phrase.split() else ""
    return head in person_heads()


def _add_agent(
    kb: KnowledgeBase, phrase: str, code: str, prefix: bool, plurals, *, override: bool
) -> None:
    phrase = normalize_name(phrase)
    if not phrase:
        return
    singular = Agent(phrase, code, _is_person_phrase(phrase), prefix)
    group = Agent(phrase, code, False, prefix)
    for form, agent in [
        (phrase, singular),
        *((normalize_name(p), group) for p in _agent_forms(phrase, plurals)),
    ]:
        if override or form not in kb.agents:
            kb.agents[form] = agent


def _load_agents(data: Path, kb: KnowledgeBase) -> None:
    for phrase, code, prefix, plurals in read_rows(data / "agents.tsv", 4):
        plural_forms = (
            None if plurals == "" else (() if plurals == "{}" else tuple(_split(plurals)))
        )
        _add_agent(kb, phrase, code, prefix == "1", plural_forms, override=False)
    extra = data / "agents_extra.txt"
    if extra.exists():
        for entry in parse_agent_file(extra):
            _add_agent(kb, entry.phrase, entry.code, entry.prefix, entry.plurals, override=True)


def _load_places(
    data: Path, places: list[KBPlace], population: dict[str, int], keyed: dict[str, list[str]]
) -> None:
    for place_id, kind, name, names, country, lat, lon, pop, keys in read_rows(
        data / "places.tsv", 9
    ):
        name_list = names.split("|") if names else [name]
        places.append(
            KBPlace(
                place_id, name, kind, tuple(name_list), country or None, _float(lat), _float(lon)
            )
        )
        if pop and pop != "0":
            population[place_id] = int(pop)
        if keys:
            keyed[place_id] = keys.split("|")
    for place_id, kind, name, names, country, lat, lon in read_rows(
        data / "regions.tsv", 7, required=False, strip=True
    ):
        places.append(
            KBPlace(
                place_id,
                name,
                kind,
                tuple(dict.fromkeys([name, *_split(names)])),
                country or None,
                _float(lat),
                _float(lon),
            )
        )
    for place_id, name, names, country, claimants, lat, lon in read_rows(
        data / "disputed.tsv", 7, required=False, strip=True
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


def _load_seats(data: Path, kb: KnowledgeBase) -> None:
    """Hand-listed seats and buildings of governments: seats.tsv name, iso3, sector, note
    (iso3 "-" removes a capital that is no seat of its state's government, e.g. Brussels)."""
    for name, iso3, sector in read_rows(data / "seats.tsv", 3, required=False, strip=True):
        key = normalize_name(name)
        if iso3 == "-":
            kb.seats.pop(key, None)
        else:
            kb.seats[key] = (iso3, sector or None)
            kb.seat_names.setdefault(key, name)


# -- user dictionaries -------------------------------------------------------------------------
def _parse_user_file(path: Path, warnings: list[str]) -> tuple[bool, list]:
    """(is_agent_file, entries), parsed before anything else so an unusable file fails fast.

    PETRARCH users bring dictionaries with a few malformed lines (a 7-digit date, a
    ``}`` for a ``]``): those lines are skipped and named in ``warnings``; only a file
    that cannot be read or yields no entry at all is an error.
    """
    if not path.is_file():
        raise DictionaryError(str(path), None, "user dictionary not found")
    found: list[str] = []
    agents = is_agent_file(path)
    parse = parse_agent_file if agents else parse_actor_file
    entries = parse(path, strict=False, warnings=found)
    if not entries:
        reason = f"; first problem: {found[0]}" if found else ""
        raise DictionaryError(str(path), None, f"no valid dictionary entries{reason}")
    warnings.extend(found)
    return agents, entries


def _add_user_entries(
    path: Path,
    is_agents: bool,
    entries: list,
    drafts: dict[str, _Draft],
    kb: KnowledgeBase,
    order: list[str],
) -> None:
    label = f"user:{path.name}"
    if is_agents:
        for entry in entries:
            _add_agent(kb, entry.phrase, entry.code, entry.prefix, entry.plurals, override=True)
        return
    for entry in entries:
        kind = entry_kind(entry)
        name = display_name(entry.names[0], short_acronym=kind == "organization")
        roles = [Role(r.code, r.start, r.end) for r in entry.roles]
        country = None
        for role in roles:
            if is_state_code(role.code[:3]):
                country = role.code[:3]
                break
        if kind == "state":
            country = state_code(entry)
        base_id = f"user:{slug(path.stem)}:{slug(name)}"
        actor_id, n = base_id, 2
        while actor_id in drafts:
            actor_id, n = f"{base_id}-{n}", n + 1
        drafts[actor_id] = _Draft(actor_id, name, kind, country, list(entry.names), roles, label)
        order.append(actor_id)
        if kind == "state":
            for alias in entry.names:
                kb.state_names[normalize_name(alias)] = country


# -- assembly ---------------------------------------------------------------------------------
def build_kb(
    user_files: Sequence[str | Path] = (), *, shipped: bool = True, data_dir: Path = DATA_DIR
) -> KnowledgeBase:
    """Build a knowledge base (uncached; :func:`load_kb` is the cached entry point)."""
    # The KB is ~300k long-lived objects: pausing the cyclic collector while they are
    # created avoids repeated full scans (about a third of the load time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(user_files, shipped=shipped, data_dir=data_dir)
    finally:
        if was_enabled:
            gc.enable()


def _build(user_files: Sequence[str | Path], *, shipped: bool, data_dir: Path) -> KnowledgeBase:
    warnings: list[str] = []
    parsed = [(Path(f), *_parse_user_file(Path(f), warnings)) for f in user_files]
    kb = KnowledgeBase()
    kb.warnings = warnings
    drafts: dict[str, _Draft] = {}
    places: list[KBPlace] = []
    population: dict[str, int] = {}
    place_keys: dict[str, list[str]] = {}  # prebuilt normalized names (places.tsv)
    if shipped:
        _load_states(data_dir, drafts, kb, places)
        _load_actors(data_dir, drafts)
        _load_orgs(data_dir, drafts)
        by_name: dict[str, list[_Draft]] = defaultdict(list)
        for draft in drafts.values():
            if draft.kind == "person":
                keys = (
                    draft.keys
                    if draft.keys is not None
                    else [normalize_name(a) for a in draft.aliases]
                )
                for key in keys:
                    by_name[key].append(draft)
        _load_leaders(data_dir / LEADERS_FILE, drafts, by_name)
        _load_leaders(data_dir / NOTABLE_PEOPLE_FILE, drafts, by_name)
        _load_agents(data_dir, kb)
        _load_places(data_dir, places, population, place_keys)
        _load_seats(data_dir, kb)
    stoplist = _word_set(data_dir / "name_stoplist.txt") if shipped else frozenset()
    for word in stoplist:
        kb.state_names.pop(word, None)
    user_ids: list[str] = []
    for path, is_agents, entries in parsed:
        _add_user_entries(path, is_agents, entries, drafts, kb, user_ids)

    frozen = {actor_id: draft.freeze() for actor_id, draft in drafts.items()}
    actors = {actor_id: actor for actor_id, (actor, _keys) in frozen.items()}
    kb.actors = actors
    user_index: dict[str, list[KBActor]] = defaultdict(list)
    for actor_id in user_ids:
        actor, keys = frozen[actor_id]
        for key in keys:
            user_index[key].append(actor)
        if actor.kind == "state":
            kb.states.setdefault(actor.country, actor)
    index: dict[str, list[KBActor]] = defaultdict(list)
    for actor, keys in frozen.values():
        if actor.source.startswith("user:"):
            continue
        if actor.kind == "state":
            kb.states[actor.country] = actor
        for key in keys:
            # a user entry with the same name wins; common words are no names
            if key not in user_index and key not in stoplist:
                index[key].append(actor)
    for found in index.values():
        if len(found) > 1:  # states first, then people and organizations in file order
            found.sort(key=lambda a: a.kind != "state")
    index.update(user_index)
    kb.actor_index = dict(index)
    kb.surnames = _surname_index(frozen.values(), data_dir)
    kb.family_first = frozenset(
        row[0]
        for _n, row in read_tsv(data_dir / "surname_first.txt", 1, required=False, strip=True)
    )

    place_index: dict[str, list[KBPlace]] = defaultdict(list)
    for place in places:
        keys = place_keys.get(place.place_id)
        if keys is None or len(keys) != len(place.names):
            keys = {normalize_name(name) for name in place.names}
        for key in set(keys):
            place_index[key].append(place)
    # Most likely reading first: disputed areas, countries, seas and hand-listed regions,
    # then cities and US states by population, a US state counting as a city of
    # US_STATE_WEIGHT people ("Washington" the capital, then the state, then small towns).
    rank = {"disputed": 0, "country": 1, "sea": 2, "region": 3, "city": 4}

    def likelihood(place: KBPlace) -> tuple[int, int]:
        if place.kind == "region" and place.place_id.startswith("place:geonames:"):
            return 4, -US_STATE_WEIGHT
        return rank.get(place.kind, 5), -population.get(place.place_id, 0)

    for found in place_index.values():
        if len(found) > 1:
            found.sort(key=likelihood)
    kb.place_index = dict(place_index)
    kb.surface_builder = lambda: _surfaces(kb, actors, places, stoplist)
    return kb


def _word_set(path: Path) -> frozenset[str]:
    """One normalized word or phrase a line; ``#`` comments."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalize_name(line) for line in lines if line.strip() and not line.startswith("#")
    )


def _surname_index(frozen, data_dir: Path) -> dict[str, list[KBActor]]:
    """Family name -> people. The last word of the canonical name, or the first for states
    that name family first (surname_first.txt); role phrases ("Vice President") are no
    family names."""
    family_first = {
        row[0]
        for _n, row in read_tsv(data_dir / "surname_first.txt", 1, required=False, strip=True)
    }
    heads = person_heads()
    surnames: dict[str, list[KBActor]] = defaultdict(list)
    for actor, keys in frozen:
        if actor.kind != "person" or not keys:
            continue
        words = keys[0].split()
        if len(words) < 2 or words[-1] in heads:
            continue
        family = words[0] if actor.country in family_first else words[-1]
        if len(family) > 1:
            surnames[family].append(actor)
    return dict(surnames)


def _surfaces(
    kb: KnowledgeBase, actors: dict[str, KBActor], places: list[KBPlace], stoplist: frozenset[str]
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, tag: str) -> None:
        key = (normalize_name(text), tag)
        if key[0] and key not in seen:
            seen.add(key)
            out.append((text, tag))

    for actor in actors.values():
        tag = "state" if actor.kind == "state" else "actor"
        shipped_actor = not actor.source.startswith("user:")
        for alias in actor.aliases:
            key = normalize_name(alias)
            if shipped_actor and key in stoplist:
                continue  # common words are no names (name_stoplist.txt)
            add(alias, "demonym" if tag == "state" and key in kb.demonyms else tag)
    for word in kb.demonyms:
        add(word, "demonym")
    for key in kb.seats:
        add(kb.seat_names.get(key, key), "seat")
    for place in places:
        for name in place.names:
            add(name, "place")
    for form in kb.agents:
        add(form, "agent")
    return out


@lru_cache(maxsize=8)
def _cached(user_files: tuple[str, ...], shipped: bool) -> KnowledgeBase:
    return build_kb(user_files, shipped=shipped)


def load_kb(user_files: Sequence[str | Path] = (), *, shipped: bool = True) -> KnowledgeBase:
    """The knowledge base: shipped data plus user PETRARCH dictionaries (which override it).

    Cached per (files, shipped): every stage of a process shares one instance.
    """
    # keyed by the paths as given, so errors name the file the way the user wrote it
    return _cached(tuple(str(f) for f in user_files), shipped)
