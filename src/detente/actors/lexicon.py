"""The word lists of in-document actor resolution, read once from ``data/actors/``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from detente.errors import DictionaryError
from detente.quotes.lexicon import load_quote_lexicon

DATA_DIR = Path(str(resources.files("detente") / "data" / "actors"))


@dataclass(frozen=True, slots=True)
class RoleNoun:
    sector: str
    person: bool


@dataclass(frozen=True, slots=True)
class AmbiguousName:
    name: str  # lowercase
    reading: str  # place | person
    country: str | None
    cues: tuple[str, ...]  # lowercase context cues


@dataclass(frozen=True, slots=True)
class Lexicon:
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    role_nouns: dict[str, RoleNoun]
    definite_determiners: frozenset[str]
    indefinite_determiners: frozenset[str]
    locative_prepositions: frozenset[str]
    acting_prepositions: frozenset[str]
    owner_prepositions: frozenset[str]
    generic_role_heads: frozenset[str]
    speech_verbs: frozenset[str]
    ambiguous_names: dict[str, AmbiguousName]
    leader_words: frozenset[str]
    opaque_entity_labels: frozenset[str]
    new_states: dict[str, tuple[date, str]]  # "SSD" -> (2011-07-09, "SDN")


def _rows(name: str, width: int) -> list[list[str]]:
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DictionaryError(str(path), None, f"cannot read word list: {e}") from e
    rows = []
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != width:
            raise DictionaryError(str(path), number, f"expected {width} tab-separated fields")
        rows.append(fields)
    return rows


@functools.cache
def load_lexicon() -> Lexicon:
    """The resolution word lists (cached: read once per process)."""
    pronouns = _rows("pronouns.tsv", 3)
    determiners = _rows("determiners.tsv", 2)
    ambiguous: dict[str, AmbiguousName] = {}
    for name, reading, country, cues in _rows("ambiguous_names.tsv", 4):
        ambiguous[name.lower()] = AmbiguousName(
            name.lower(),
            reading,
            None if country == "-" else country,
            tuple(c.strip().lower() for c in cues.split("|") if c.strip()),
        )
    return Lexicon(
        subject_pronouns=frozenset(w for w, _, case in pronouns if case == "subj"),
        object_pronouns=frozenset(w for w, _, case in pronouns if case == "obj"),
        role_nouns={w: RoleNoun(s, p == "1") for w, s, p in _rows("role_nouns.tsv", 3)},
        definite_determiners=frozenset(w for w, d in determiners if d == "1"),
        indefinite_determiners=frozenset(w for w, d in determiners if d == "0"),
        locative_prepositions=frozenset(w for (w,) in _rows("locative_prepositions.txt", 1)),
        acting_prepositions=frozenset(w for (w,) in _rows("acting_prepositions.txt", 1)),
        owner_prepositions=frozenset(w for (w,) in _rows("owner_prepositions.txt", 1)),
        generic_role_heads=frozenset(w for (w,) in _rows("generic_role_heads.txt", 1)),
        # one speech-verb list for both stages: the quote lexicon's
        speech_verbs=load_quote_lexicon().speech_lemmas,
        ambiguous_names=ambiguous,
        leader_words=frozenset(w for (w,) in _rows("leader_words.txt", 1)),
        opaque_entity_labels=frozenset(w for (w,) in _rows("opaque_entity_labels.txt", 1)),
        new_states=_new_states(),
    )


def _new_states() -> dict[str, tuple[date, str]]:
    states = {}
    for number, (iso3, first_day, before) in enumerate(_rows("new_states.tsv", 3), 1):
        try:
            states[iso3] = (date.fromisoformat(first_day), before)
        except ValueError as e:
            raise DictionaryError(str(DATA_DIR / "new_states.tsv"), number, str(e)) from e
    return states
