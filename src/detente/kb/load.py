"""Load the shipped knowledge base (src/detente/data/kb/) and user dictionaries.

One pass over compact TSV files (read by :mod:`detente.knowledge.tables`, laid out in
:mod:`detente.knowledge.files`) builds every index. :func:`build_kb` builds afresh; the
knowledge layer (:attr:`detente.knowledge.Knowledge.kb`, or :func:`load_kb`) keeps one
knowledge base per configuration, so a process pays the cost once.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.errors import DictionaryError
from detente.kb.base import Agent, KBActor, KBPlace, KnowledgeBase, Role, normalize_name
from detente.kb.classify import (
    KBVocabulary,
    display_name,
    entry_kind,
    is_state_code,
    load_kb_vocabulary,
    pluralize,
    slug,
    state_code,
)
from detente.kb.petrarch import is_agent_file, parse_actor_file, parse_agent_file
from detente.kb.usercsv import CsvRole, is_csv_file, parse_csv_roles
from detente.knowledge import files
from detente.knowledge.tables import Table, iter_rows, iter_values, read_values, read_words


# -- reading ------------------------------------------------------------------------------
def _date(text: str) -> date | None:
    """A date column's value (the reader has checked its form)."""
    return date.fromisoformat(text) if text else None


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
    data: Path,
    drafts: dict[str, _Draft],
    kb: KnowledgeBase,
    places: list[KBPlace],
    capitals: dict[str, str],
) -> None:
    """States from states.tsv (ISO names + Phoenix block synonyms) and state_variants.tsv.

    Phoenix country blocks also list provinces and regions; those that are disputed
    territories (Crimea, Abkhazia...) are left out, since the territory is its own place.
    """
    variants: dict[str, tuple[list[str], list[str]]] = {}
    for iso3, names, adjectives in read_values(files.STATE_VARIANTS, folder=data):
        variants[iso3] = (_split(names), _split(adjectives))
    from detente.places.gazetteer import disputed_names  # places import the KB's records

    disputed = disputed_names()
    for iso3, name, names, phoenix, lat, lon, capital in iter_values(files.STATES, folder=data):
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
            capitals[iso3] = capital
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
    for actor_id, kind, name, country, source, aliases, keys in iter_values(
        files.ACTORS, folder=data
    ):
        alias_list = aliases.split("|")
        key_list = keys.split("|") if keys else None
        if key_list is not None and len(key_list) != len(alias_list):
            key_list = None
        drafts[actor_id] = _Draft(
            actor_id, name, kind, country or None, alias_list, [], source, key_list
        )
    path = files.ROLES.path(data)
    for number, (actor_id, code, start, end, title) in iter_rows(files.ROLES, folder=data):
        draft = drafts.get(actor_id)
        if draft is None:
            raise DictionaryError(str(path), number, f"role for unknown actor {actor_id!r}")
        draft.roles.append(Role(code, _date(start), _date(end), title or None))


def _load_orgs(data: Path, drafts: dict[str, _Draft]) -> None:
    """Hand-listed organizations (orgs.tsv: name, code, country, aliases).

    Phoenix often has one block per surface form of an organization ("UN_", "U.N._",
    "THE_UN_", "UNITED_NATIONS_"); a hand entry absorbs every Phoenix organization whose
    name is one of its aliases, so all those forms resolve to one actor.
    """
    rows = list(read_values(files.ORGS, folder=data))
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


def _load_leaders(
    table: Table,
    data: Path,
    drafts: dict[str, _Draft],
    by_name: dict[str, list[_Draft]],
    vocabulary: KBVocabulary,
) -> None:
    """Merge the curated 2014-2026 roles into the people, matched by normalized name.

    Open-ended Phoenix roles that a curated role with the same code overlaps are closed
    where the curated one starts, or dropped (see :func:`_clip_open_role`). A name with no
    Phoenix person becomes a new person (source "leaders").
    """
    rows: dict[str, list[list[str]]] = defaultdict(list)
    for fields in read_values(table, folder=data):
        rows[fields[0]].append(fields)
    for name, lines in rows.items():
        roles: list[Role] = []
        aliases: list[str] = []
        for _name, code, start, end, title, alias_text in lines:
            roles.append(Role(code, _date(start), _date(end), title or None))
            aliases.extend(_split(alias_text))
        country = roles[0].code[:3] if is_state_code(roles[0].code[:3], vocabulary) else None
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


def _is_person_phrase(phrase: str, person_heads: frozenset[str]) -> bool:
    head = phrase.split(" of ")[0].split()[-1] if phrase.split() else ""
    return head in person_heads


def _add_agent(
    kb: KnowledgeBase, phrase: str, code: str, prefix: bool, plurals, *, override: bool
) -> None:
    phrase = normalize_name(phrase)
    if not phrase:
        return
    singular = Agent(phrase, code, _is_person_phrase(phrase, kb.vocabulary.person_heads), prefix)
    group = Agent(phrase, code, False, prefix)
    for form, agent in [
        (phrase, singular),
        *((normalize_name(p), group) for p in _agent_forms(phrase, plurals)),
    ]:
        if override or form not in kb.agents:
            kb.agents[form] = agent


def _load_agents(data: Path, kb: KnowledgeBase) -> None:
    for phrase, code, prefix, plurals in iter_values(files.AGENTS, folder=data):
        plural_forms = (
            None if plurals == "" else (() if plurals == "{}" else tuple(_split(plurals)))
        )
        _add_agent(kb, phrase, code, prefix == "1", plural_forms, override=False)
    extra = files.AGENTS_EXTRA.path(data)
    if extra.exists():
        for entry in parse_agent_file(extra):
            _add_agent(kb, entry.phrase, entry.code, entry.prefix, entry.plurals, override=True)


def _load_seats(data: Path, kb: KnowledgeBase) -> None:
    """Hand-listed seats and buildings of governments: seats.tsv name, iso3, sector, note
    (iso3 "-" removes a capital that is no seat of its state's government, e.g. Brussels)."""
    for name, iso3, sector, _note in read_values(files.SEATS, folder=data):
        key = normalize_name(name)
        if iso3 == "-":
            kb.seats.pop(key, None)
        else:
            kb.seats[key] = (iso3, sector or None)
            kb.seat_names.setdefault(key, name)


# -- user dictionaries -------------------------------------------------------------------------
CSV_FILE = "csv"  # the kind of a CSV dictionary of people and roles (kb/usercsv.py)


def _parse_user_file(
    path: Path, warnings: list[str], vocabulary: KBVocabulary | None = None
) -> tuple[bool | str, list]:
    """(is_agent_file, entries), parsed before anything else so an unusable file fails fast.

    PETRARCH users bring dictionaries with a few malformed lines (a 7-digit date, a
    ``}`` for a ``]``): those lines are skipped and named in ``warnings``; only a file
    that cannot be read or yields no entry at all is an error.
    """
    if not path.is_file():
        raise DictionaryError(str(path), None, "user dictionary not found")
    found: list[str] = []
    if is_csv_file(path):  # people and dated roles, one row each (kb/usercsv.py)
        rows = parse_csv_roles(
            path,
            states=None,
            sectors=vocabulary.sectors if vocabulary is not None else None,
            errors=found,
        )
        if vocabulary is not None:
            for row in [r for r in rows if not is_state_code(r.country, vocabulary)]:
                found.append(f"{path}:{row.line}: {row.country!r} is no state code")
                rows.remove(row)
        if not rows:
            reason = f"; first problem: {found[0]}" if found else ""
            raise DictionaryError(str(path), None, f"no valid rows{reason}")
        warnings.extend(found)
        return CSV_FILE, rows
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
    if is_agents == CSV_FILE:
        _add_csv_roles(path, entries, drafts, order)
        return
    if is_agents:
        for entry in entries:
            _add_agent(kb, entry.phrase, entry.code, entry.prefix, entry.plurals, override=True)
        return
    for entry in entries:
        kind = entry_kind(entry, kb.vocabulary)
        name = display_name(entry.names[0], short_acronym=kind == "organization")
        roles = [Role(r.code, r.start, r.end) for r in entry.roles]
        country = None
        for role in roles:
            if is_state_code(role.code[:3], kb.vocabulary):
                country = role.code[:3]
                break
        if kind == "state":
            country = state_code(entry, kb.vocabulary)
        base_id = f"user:{slug(path.stem)}:{slug(name)}"
        actor_id, n = base_id, 2
        while actor_id in drafts:
            actor_id, n = f"{base_id}-{n}", n + 1
        drafts[actor_id] = _Draft(actor_id, name, kind, country, list(entry.names), roles, label)
        order.append(actor_id)
        if kind == "state":
            for alias in entry.names:
                kb.state_names[normalize_name(alias)] = country


@dataclass(frozen=True, slots=True)
class DictionaryCheck:
    """What ``detente kb check`` reports on one user dictionary."""

    path: str
    kind: str  # csv | actors | agents
    entries: int  # valid entries (rows of a CSV)
    problems: tuple[str, ...]  # "file:line: reason", one per malformed line or row

    def to_markdown(self) -> str:
        lines = [f"{self.path}: {self.kind} dictionary, {self.entries} valid entries, "
                 f"{len(self.problems)} problems"]  # fmt: skip
        return "\n".join([*lines, *self.problems]) + "\n"


def check_dictionary(path: str | Path) -> DictionaryCheck:
    """Validate a user dictionary (a CSV of people and roles, or a PETRARCH actor or agent
    file) against the shipped codes; every malformed line is a problem with its number."""
    path = Path(path)
    problems: list[str] = []
    try:
        kind, entries = _parse_user_file(path, problems, load_kb_vocabulary())
    except DictionaryError as e:
        if not path.is_file():
            raise
        return DictionaryCheck(str(path), _kind(path), 0, (*problems, str(e)))
    return DictionaryCheck(str(path), _kind(path), len(entries), tuple(problems))


def _kind(path: Path) -> str:
    if is_csv_file(path):
        return CSV_FILE
    return "agents" if is_agent_file(path) else "actors"


def _add_csv_roles(path: Path, rows: list[CsvRole], drafts: dict[str, _Draft], order: list[str]):
    """People of a CSV dictionary: a person the KB knows by the row's full name (or by a
    full-name alias, in the same country) keeps the built-in roles until the CSV's first start date, then
    takes the CSV's; anyone else is a new person."""
    label = f"user:{path.name}"
    groups: dict[str, list[CsvRole]] = defaultdict(list)
    for row in rows:
        groups[row.name].append(row)
    by_name: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts.values():
        if draft.kind == "person":
            for alias in [draft.name, *draft.aliases]:
                by_name[normalize_name(alias)].append(draft)
    for name, group in groups.items():
        roles = [Role(r.code, r.start, r.end, r.title) for r in group]
        aliases = list(dict.fromkeys(a for r in group for a in r.aliases))
        country = group[0].country
        # the same person by full name; a one-word alias ("Vance") is no evidence of that
        candidates = _people_named(by_name, [name], country=None) or _people_named(
            by_name, [a for a in aliases if len(a.split()) > 1], country=country
        )
        same_country = [d for d in candidates if d.country == country] or candidates
        if same_country:
            draft = same_country[0]
            first = min(r.start or date.min for r in roles)
            kept = [clipped for r in draft.roles if (clipped := _clip_at(r, first))]
            draft.roles = kept + roles
            draft.add_aliases([name, *aliases])
            draft.source = f"{label}+{draft.source}"
        else:
            actor_id = f"user:{slug(path.stem)}:{slug(name)}"
            draft = _Draft(actor_id, name, "person", country, [name, *aliases], roles, label)
            drafts[actor_id] = draft
        order.append(draft.actor_id)


def _clip_at(role: Role, first: date) -> Role | None:
    """A built-in role as far as it holds before ``first`` (a user's role starts there)."""
    if role.start is not None and role.start >= first:
        return None
    if role.end is not None and role.end <= first:
        return role
    return Role(role.code, role.start, first, role.title) if first > date.min else None


# -- assembly ---------------------------------------------------------------------------------
def build_kb(
    user_files: Sequence[str | Path] = (), *, shipped: bool = True, data_dir: Path | None = None
) -> KnowledgeBase:
    """Build a knowledge base afresh (:func:`load_kb` keeps one per configuration).

    ``data_dir``: a copy of ``data/kb/`` to read instead of the shipped one.
    """
    # The KB is ~300k long-lived objects: pausing the cyclic collector while they are
    # created avoids repeated full scans (about a third of the load time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(user_files, shipped=shipped, data=data_dir or files.STATES.path().parent)
    finally:
        if was_enabled:
            gc.enable()


class _Parts:
    """What the shipped files give before the indexes are built."""

    def __init__(self) -> None:
        self.drafts: dict[str, _Draft] = {}
        self.places: list[KBPlace] = []  # the countries (the gazetteer adds the rest)
        self.capitals: dict[str, str] = {}  # ISO3 -> capital name


def _build(user_files: Sequence[str | Path], *, shipped: bool, data: Path) -> KnowledgeBase:
    warnings: list[str] = []
    vocabulary = load_kb_vocabulary(data)
    parsed = [(Path(f), *_parse_user_file(Path(f), warnings, vocabulary)) for f in user_files]
    kb = KnowledgeBase()
    kb.warnings = warnings
    kb.vocabulary = vocabulary
    parts = _Parts()
    if shipped:
        _load_shipped(data, kb, parts)
    stoplist = (
        frozenset(normalize_name(word) for word in read_words(files.NAME_STOPLIST, folder=data))
        if shipped
        else frozenset()
    )
    for word in stoplist:
        kb.state_names.pop(word, None)
    user_ids: list[str] = []
    for path, is_agents, entries in parsed:
        _add_user_entries(path, is_agents, entries, parts.drafts, kb, user_ids)

    frozen = {actor_id: draft.freeze() for actor_id, draft in parts.drafts.items()}
    actors = {actor_id: actor for actor_id, (actor, _keys) in frozen.items()}
    kb.actors = actors
    _index_actors(kb, frozen, user_ids, stoplist)
    kb.family_first = frozenset(read_words(files.SURNAME_FIRST, folder=data))
    kb.surnames = _surname_index(frozen.values(), kb.family_first, kb.vocabulary.person_heads)
    from detente.places.gazetteer import build_gazetteer

    kb.gazetteer = build_gazetteer(parts.places, parts.capitals, shipped=shipped)
    kb.surface_builder = lambda: _surfaces(kb, actors, stoplist)
    return kb


def _load_shipped(data: Path, kb: KnowledgeBase, parts: _Parts) -> None:
    drafts = parts.drafts
    _load_states(data, drafts, kb, parts.places, parts.capitals)
    _load_actors(data, drafts)
    _load_orgs(data, drafts)
    by_name: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts.values():
        if draft.kind == "person":
            keys = (
                draft.keys if draft.keys is not None else [normalize_name(a) for a in draft.aliases]
            )
            for key in keys:
                by_name[key].append(draft)
    _load_leaders(files.LEADERS, data, drafts, by_name, kb.vocabulary)
    _load_leaders(files.NOTABLE_PEOPLE, data, drafts, by_name, kb.vocabulary)
    _load_agents(data, kb)
    _load_seats(data, kb)


def _index_actors(
    kb: KnowledgeBase,
    frozen: dict[str, tuple[KBActor, list[str]]],
    user_ids: list[str],
    stoplist: frozenset[str],
) -> None:
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


def _surname_index(
    frozen, family_first: frozenset[str], heads: frozenset[str]
) -> dict[str, list[KBActor]]:
    """Family name -> people. The last word of the canonical name, or the first for states
    that name family first (surname_first.txt); role phrases ("Vice President") are no
    family names."""
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
    kb: KnowledgeBase, actors: dict[str, KBActor], stoplist: frozenset[str]
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
    for name in kb.gazetteer.matched_names():
        add(name, "place")
    for form in kb.agents:
        add(form, "agent")
    return out


def load_kb(user_files: Sequence[str | Path] = (), *, shipped: bool = True) -> KnowledgeBase:
    """The knowledge base: shipped data plus user PETRARCH dictionaries (which override it).

    The knowledge layer's: built once per (files, shipped), shared by every stage.
    """
    from detente.knowledge import load_knowledge

    return load_knowledge(actor_files=user_files, shipped=shipped).kb
