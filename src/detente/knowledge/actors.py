"""The word lists of in-document actor resolution (``data/actors/`` and the shared English
words), as one typed lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.knowledge import files
from detente.knowledge.tables import read_rows, read_words
from detente.knowledge.words import FunctionWords, SpeechVerbs


@dataclass(frozen=True, slots=True)
class RoleNoun:
    sector: str
    person: bool


@dataclass(frozen=True, slots=True)
class PairNoun:
    antecedents: str  # person | state | any
    alone: bool  # "the pair": two by itself; "countries" needs "the two" or "both"


@dataclass(frozen=True, slots=True)
class AmbiguousName:
    name: str  # lowercase
    reading: str  # place | person
    country: str | None
    cues: tuple[str, ...]  # lowercase context cues


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]  # his, her: a person's
    group_pronouns: frozenset[str]  # they, them, their: a group, an organization, a state
    thing_pronouns: frozenset[str]  # it, its: an organization, a state, a body
    first_person: frozenset[str]  # I, we, our ...: inside quoted words, the speaker
    role_nouns: dict[str, RoleNoun]
    definite_determiners: frozenset[str]
    indefinite_determiners: frozenset[str]
    locative_prepositions: frozenset[str]
    acting_prepositions: frozenset[str]
    owner_prepositions: frozenset[str]
    employer_prepositions: frozenset[str]  # "a spokeswoman for the NSC": an organization's
    name_prepositions: frozenset[str]  # "Bank of Japan": a state word inside a name after these
    coordinators: frozenset[str]  # words that join two names in one entity
    generic_role_heads: frozenset[str]
    speech_verbs: frozenset[str]
    ambiguous_names: dict[str, AmbiguousName]
    leader_words: frozenset[str]
    opaque_entity_labels: frozenset[str]
    new_states: dict[str, tuple[date, str]]  # "SSD" -> (2011-07-09, "SDN")
    descriptions: dict[str, str]  # "country" -> "state", "group" -> "body": what "the X" is
    outlets: dict[str, str]  # web domain -> the outlet's home country ("cnn.com" -> USA)
    domestic_sectors: frozenset[str]  # sectors that take the outlet's country as a last resort
    region_words: dict[str, str | None]  # "european" -> EUR; "foreign" -> None (no country)
    # "mr", "herr": a surname after these is a man; never "mrs", "ms" (the KB has no gender)
    male_honorifics: frozenset[str] = frozenset()
    # "militants" -> {REB, INS, UAF, ...}: the types a description's antecedent must have
    description_types: dict[str, frozenset[str]] = field(default_factory=dict)
    # "country", "ally": plural nouns that, with a region word, name a bloc of states
    bloc_nouns: frozenset[str] = frozenset()
    # "the pair", "the two countries": nouns that point back to two actors joined by "and"
    pair_nouns: dict[str, PairNoun] = field(default_factory=dict)
    pair_quantifiers: frozenset[str] = frozenset()  # "two", "both"
    # "(R-S.C.)" after a name -> USALEG: a legislator's party tag and the code it gives
    party_tags: tuple[tuple[re.Pattern[str], str], ...] = ()
    # gazetteer region -> its CAMEO region code ("place:europe" -> EUR) when named as an actor
    region_codes: dict[str, str] = field(default_factory=dict)


def load_actor_lexicon(
    function_words: FunctionWords, speech_verbs: SpeechVerbs, folder: Path | None = None
) -> ActorLexicon:
    """``folder``: a copy of ``data/actors/`` to read instead of the shipped one."""
    ambiguous: dict[str, AmbiguousName] = {}
    for _n, (name, reading, country, cues) in read_rows(files.AMBIGUOUS_NAMES, folder=folder):
        ambiguous[name.lower()] = AmbiguousName(
            name.lower(),
            reading,
            None if country == "-" else country,
            tuple(c.strip().lower() for c in cues.split("|") if c.strip()),
        )
    words = function_words.of
    return ActorLexicon(
        subject_pronouns=words("personal-subject"),
        object_pronouns=words("personal-object"),
        possessive_pronouns=words("personal-possessive"),
        group_pronouns=words("group-pronoun"),
        thing_pronouns=words("thing-pronoun"),
        first_person=words("first-person"),
        male_honorifics=words("honorific-male"),
        role_nouns={
            word: RoleNoun(sector, person == "1")
            for _n, (word, sector, person) in read_rows(files.ROLE_NOUNS, folder=folder)
        },
        definite_determiners=words("determiner-definite"),
        indefinite_determiners=words("determiner-indefinite"),
        locative_prepositions=words("preposition-locative"),
        acting_prepositions=words("preposition-acting"),
        owner_prepositions=words("preposition-owner"),
        employer_prepositions=words("preposition-employer"),
        name_prepositions=words("preposition-name"),
        coordinators=words("coordinator"),
        generic_role_heads=frozenset(read_words(files.GENERIC_ROLE_HEADS, folder=folder)),
        speech_verbs=speech_verbs.lemmas,
        ambiguous_names=ambiguous,
        leader_words=frozenset(read_words(files.LEADER_WORDS, folder=folder)),
        opaque_entity_labels=frozenset(read_words(files.OPAQUE_ENTITY_LABELS, folder=folder)),
        new_states={
            iso3: (date.fromisoformat(first_day), before)
            for _n, (iso3, first_day, before) in read_rows(files.NEW_STATES, folder=folder)
        },
        descriptions={
            word.lower(): kind for _n, (word, kind) in read_rows(files.DESCRIPTIONS, folder=folder)
        },
        description_types={
            word.lower(): frozenset(types.split())
            for _n, (word, types) in read_rows(files.DESCRIPTION_TYPES, folder=folder)
        },
        outlets={
            domain.lower(): iso3 for _n, (domain, iso3) in read_rows(files.OUTLETS, folder=folder)
        },
        domestic_sectors=frozenset(read_words(files.DOMESTIC_SECTORS, folder=folder)),
        region_words={
            word.lower(): None if region == "-" else region
            for _n, (word, region) in read_rows(files.REGION_WORDS, folder=folder)
        },
        bloc_nouns=frozenset(read_words(files.BLOC_NOUNS, folder=folder)),
        pair_nouns={
            word.lower(): PairNoun(antecedents, alone == "1")
            for _n, (word, antecedents, alone) in read_rows(files.PAIR_NOUNS, folder=folder)
        },
        pair_quantifiers=words("pair-quantifier"),
        party_tags=tuple(
            (re.compile(regex), code)
            for _n, (regex, code) in read_rows(files.PARTY_TAGS, folder=folder)
        ),
        region_codes=dict(
            (place_id, region)
            for _n, (place_id, region) in read_rows(files.REGION_CODES, folder=folder)
        ),
    )
