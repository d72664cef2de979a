"""A state's name is its land unless it acts (issue 10, places12): the decision on
hand-built parses (:func:`detente.actors.component.state_acts`) and on the real pipeline."""

from __future__ import annotations

import pytest
from test_actors import at
from test_places import parse_with_ents as parse

from detente.actors.component import agent_noun, state_acts
from detente.knowledge import load_knowledge
from detente.places import is_place_mention


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def acts(knowledge, doc, start, end) -> bool:
    return state_acts(
        doc[start:end],
        knowledge.place_lexicon,
        agent_noun=lambda t: agent_noun(t, knowledge.kb, knowledge.actor_lexicon),
        names_person=lambda t: t.ent_type_ == "PERSON",
    )


def test_subjects_objects_and_owners_act(knowledge):
    doc = parse(
        ["Japan", "criticized", "China", "'s", "ability", "and", "warned", "Korea", "."],
        [1, 1, 4, 2, 1, 1, 1, 6, 1],
        ["nsubj", "ROOT", "poss", "case", "dobj", "cc", "conj", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PART", "NOUN", "CCONJ", "VERB", "PROPN", "PUNCT"],
        ["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
        ["Japan", "criticize", "China", "'s", "ability", "and", "warn", "Korea", "."],
    )
    assert acts(knowledge, doc, 0, 1)  # the subject
    assert acts(knowledge, doc, 2, 3)  # the owner of an ability
    assert acts(knowledge, doc, 7, 8)  # the object of "warn"


def test_a_list_after_from_is_the_land_unless_its_noun_is_an_agent(knowledge):
    clubgoers = parse(
        ["Clubgoers", "from", "Jordan", "and", "France", "died", "."],
        [5, 0, 1, 2, 2, 5, 5],
        ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
        ["O", "O", "B-GPE", "O", "B-GPE", "O", "O"],
        ["clubgoer", "from", "Jordan", "and", "France", "die", "."],
    )
    assert not acts(knowledge, clubgoers, 2, 3)
    assert not acts(knowledge, clubgoers, 4, 5)  # listed: where its list stands
    officials = parse(
        ["Officials", "from", "Jordan", "said", "."],
        [3, 0, 1, 3, 3],
        ["nsubj", "prep", "pobj", "ROOT", "punct"],
        ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        ["O", "O", "B-GPE", "O", "O"],
        ["official", "from", "Jordan", "say", "."],
    )
    assert acts(knowledge, officials, 2, 3)


def test_between_names_the_land_unless_a_relation_has_them_as_parties(knowledge):
    def between(noun, lemma):
        return parse(
            ["the", noun, "between", "Syria", "and", "Jordan", "grew", "."],
            [1, 6, 1, 2, 3, 3, 6, 6],
            ["det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"],
            ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"],
            ["the", lemma, "between", "Syria", "and", "Jordan", "grow", "."],
        )

    towns = between("towns", "town")
    assert not acts(knowledge, towns, 3, 4) and not acts(knowledge, towns, 5, 6)
    relations = between("relations", "relation")
    assert acts(knowledge, relations, 3, 4) and acts(knowledge, relations, 5, 6)


def test_the_target_of_an_armed_attack_is_the_land(knowledge):
    def verb(word, lemma):
        return parse(
            ["they", word, "Syria", "."],
            [1, 1, 1, 1],
            ["nsubj", "ROOT", "dobj", "punct"],
            ["PRON", "VERB", "PROPN", "PUNCT"],
            ["O", "O", "B-GPE", "O"],
            ["they", lemma, "Syria", "."],
        )

    assert not acts(knowledge, verb("attacked", "attack"), 2, 3)
    assert acts(knowledge, verb("urged", "urge"), 2, 3)


def test_examples_of_a_noun_are_the_land_a_persons_apposition_acts(knowledge):
    republics = parse(
        ["the", "focus", "is", "republics", "like", "Ukraine", "and", "Georgia", "."],
        [1, 2, 2, 2, 3, 4, 5, 5, 2],
        ["det", "nsubj", "ROOT", "attr", "prep", "pobj", "cc", "conj", "punct"],
        ["DET", "NOUN", "AUX", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    assert not acts(knowledge, republics, 5, 6) and not acts(knowledge, republics, 7, 8)
    squad = parse(
        ["Reserves", ":", "B", "Lima", "(", "Samoa", ")"],
        [0, 0, 3, 0, 5, 3, 5],
        ["ROOT", "punct", "compound", "appos", "punct", "appos", "punct"],
        ["NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT"],
        ["O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"],
    )
    assert acts(knowledge, squad, 5, 6)


def test_a_demonym_is_never_the_land(knowledge):
    doc = parse(
        ["the", "Syrian", "border", "town", "."],
        [3, 3, 3, 3, 3],
        ["det", "amod", "compound", "ROOT", "punct"],
        ["DET", "ADJ", "NOUN", "NOUN", "PUNCT"],
        ["O", "B-NORP", "O", "O", "O"],
    )
    assert acts(knowledge, doc, 1, 2)


@pytest.mark.parametrize(
    ("text", "name", "land"),
    [
        (
            "Clubgoers from Jordan, Kuwait and France are thought to have been killed.",
            "Kuwait",
            True,
        ),
        ("The pontiff told reporters as he flew home from Armenia.", "Armenia", True),
        ("The attack came after incursions from Lebanon.", "Lebanon", True),
        ("Rebels were planning to burn Lebanon.", "Lebanon", True),
        (
            "The late calls bridge the time zones between Washington and Switzerland.",
            "Switzerland",
            True,
        ),
        ("Jets bombed Damascus overnight.", "Damascus", True),
        ("Russia said it would not attend the talks.", "Russia", False),
        ("The minister warned Damascus again.", "Damascus", False),
        ("Tensions between Washington and Moscow rose again.", "Moscow", False),
    ],
)
def test_states_are_their_land_unless_they_act(code, text, name, land):
    doc = code(text, date="2017-02-10")
    mention = at(doc, name)
    assert mention is not None
    assert is_place_mention(mention) == land
    if mention.kind == "state":
        assert mention.code  # the state keeps its code where it is its land
