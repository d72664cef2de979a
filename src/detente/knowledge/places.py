"""The words and weights of place resolution (``data/places/``), as one typed lexicon."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import read_rows, read_words
from detente.knowledge.words import FunctionWords

PLACE_WORD_KINDS = files.PLACE_WORD_KINDS
# The features of evidence_weights.tsv; a missing one would silently weigh nothing.
WEIGHT_FEATURES = (
    "country",
    "disputed",
    "region",
    "admin1_discount",
    "county",
    "capital",
    "fame",
    "unknown_size",
    "other_name",
    "fame_gap",
    "sentence",
    "listed",
    "document",
    "admin1",
    "dateline",
    "earlier",
    "apposition",
    "same-name",
    "small_town_population",
    "sports_story_words",
    "representative_reach",
    "person_town_population",
)


@dataclass(frozen=True, slots=True)
class DirectionalName:
    """ "the North" = North Korea where the document is about Korea (any cue)."""

    country: str
    cues: tuple[str, ...]  # lowercase


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    movement: frozenset[str]  # lemmas whose object is a location ("visited Belize")
    locating: frozenset[str]  # nouns "X's N" / "N of X" in the land ("Mexico's women")
    events: frozenset[str]  # event nouns a name locates ("the Iraq war")
    happenings: frozenset[str]  # what befalls a land: "X's" locates it ("Venezuela's crisis")
    armed: frozenset[str]  # armed attacks: "the air war on Yemen" hits the land
    unarmed: frozenset[str]  # "a trade war on China": no armed attack
    facilities: frozenset[str]  # last words of a building's name ("Hospital", "Palace")
    institutions: frozenset[str]  # "Center": a building, or a body people work for
    settlements: frozenset[str]  # "city": "the city of X" names a town
    sites: frozenset[str]  # words a name before them locates ("the Turkey-Syria border")
    venues: frozenset[str]  # things a state's name before them locates ("US record shops")
    surfaces: frozenset[str]  # last words of names one is "on" ("Capitol Hill", "Downing Street")
    sport: frozenset[str]  # lemmas of a sports story ("striker", "goal"): its towns may be clubs
    hosting: frozenset[str]  # "host": "Sydney will host a match" is the venue, not a club
    representatives: frozenset[str]  # "Sen.": "Sen. X of Ohio" names the state X represents
    compass: frozenset[str]  # "eastern": "over eastern Ukraine" is the land
    documents: frozenset[str]  # "agreement": "the Paris agreement" names no place
    streets: frozenset[str]  # "Street": "Norway Street" is a street, not the state
    parties: frozenset[str]  # "relations": "relations between Tokyo and Seoul" name who
    office_sectors: frozenset[str]  # "GOV": "Berlin mayor" names whose office, not where
    weights: dict[str, float]
    directional: dict[str, DirectionalName]  # "north" -> North Korea's reading
    locative_prepositions: frozenset[str]  # "in Iraq"
    movement_prepositions: frozenset[str]  # "to", "from", "into" after a movement word
    owner_prepositions: frozenset[str]  # "of": "the streets of Cairo"
    example_prepositions: frozenset[str]  # "such as", "including": "countries such as Chad"
    between_prepositions: frozenset[str]  # "the border between Chad and Sudan"
    surface_prepositions: frozenset[str]  # "on": "on Capitol Hill"
    opponent_prepositions: frozenset[str]  # "a draw with Everton", "victory over Leeds"
    origin_prepositions: frozenset[str]  # "they are from India", "out of Iraq"
    struck_prepositions: frozenset[str]  # "on", "against": "the air war on Yemen"
    span_prepositions: frozenset[str]  # "between": "towns between Beirut and Sidon"
    list_separators: frozenset[str]  # ",", "and", "or": "in London, Frankfurt and Paris"


def load_place_lexicon(function_words: FunctionWords, folder: Path | None = None) -> PlaceLexicon:
    """``folder``: a copy of ``data/places/`` to read instead of the shipped one."""
    words: dict[str, set[str]] = {kind: set() for kind in PLACE_WORD_KINDS}
    for _n, (word, kind) in read_rows(files.PLACE_WORDS, folder=folder):
        words[kind].add(word.lower())
    weights = {feature: float(weight) for _n, (feature, weight, _note) in read_rows(
        files.EVIDENCE_WEIGHTS, folder=folder
    )}  # fmt: skip
    missing = [feature for feature in WEIGHT_FEATURES if feature not in weights]
    if missing:
        path = files.EVIDENCE_WEIGHTS.path(folder)
        raise DictionaryError(str(path), None, f"no weight for {', '.join(missing)}")
    directional = {
        name.lower(): DirectionalName(country, tuple(c.strip().lower() for c in cues.split("|")))
        for _n, (name, country, cues) in read_rows(files.DIRECTIONAL_NAMES, folder=folder)
    }
    return PlaceLexicon(
        movement=frozenset(words["movement"]),
        locating=frozenset(words["locating"]),
        events=frozenset(words["event"]),
        happenings=frozenset(words["happening"]),
        armed=frozenset(words["armed"]),
        unarmed=frozenset(words["unarmed"]),
        facilities=frozenset(words["facility"]),
        institutions=frozenset(words["institution"]),
        settlements=frozenset(words["settlement"]),
        sites=frozenset(words["site"]),
        venues=frozenset(words["venue"]),
        surfaces=frozenset(words["surface"]),
        sport=frozenset(words["sport"]),
        hosting=frozenset(words["hosting"]),
        representatives=frozenset(words["representative"]),
        compass=frozenset(words["compass"]),
        documents=frozenset(words["document"]),
        streets=frozenset(words["street"]),
        parties=frozenset(words["party"]),
        office_sectors=frozenset(read_words(files.OFFICE_SECTORS, folder=folder)),
        weights=weights,
        directional=directional,
        locative_prepositions=function_words.of("preposition-locative"),
        movement_prepositions=function_words.of("preposition-movement"),
        owner_prepositions=function_words.of("preposition-owner"),
        example_prepositions=function_words.of("preposition-example"),
        between_prepositions=function_words.of("preposition-between"),
        surface_prepositions=function_words.of("preposition-surface"),
        opponent_prepositions=function_words.of("preposition-opponent"),
        origin_prepositions=function_words.of("preposition-origin"),
        struck_prepositions=function_words.of("preposition-struck"),
        span_prepositions=function_words.of("preposition-span"),
        list_separators=function_words.of("list-separator"),
    )
