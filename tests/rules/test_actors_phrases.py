"""The references to actors before they are resolved (``actors/phrases.py``): names from
the dictionary merged with named entities, agent words, role phrases around them. Parses
and dictionary matches are built by hand; agent words and role nouns are the shipped ones."""

from __future__ import annotations

import pytest
from parses import parse

from detente.actors.matching import NameMatch
from detente.actors.phrases import (
    AgentWord,
    NamePhrase,
    build_roles,
    find_agents,
    find_names,
    is_subject,
)

COORDINATORS = frozenset({"and", "or", "&", ","})


def names_in(doc, matches, *, agents=(), groups=()) -> list[tuple[str, frozenset, str | None]]:
    found = find_names(doc, matches, set(agents), set(groups), COORDINATORS)
    return [(doc[n.start : n.end].text, n.tags, n.label) for n in found]


def kb(start: int, end: int, *tags: str) -> NameMatch:
    return NameMatch(start, end, set(tags))


# ---------------------------------------------------------------- names


def test_a_dictionary_name_and_an_entity_on_the_same_words_are_one_name():
    doc = parse("Shinzo compound Abe PROPN NNP ent=PERSON\nAbe ROOT - PROPN NNP ent=PERSON")
    assert names_in(doc, [kb(0, 2, "actor")]) == [("Shinzo Abe", {"actor"}, "PERSON")]


def test_the_longer_of_overlapping_names_wins_and_a_dictionary_name_wins_a_tie():
    doc = parse(
        """
        New    compound  York   PROPN  NNP  ent=GPE
        York   compound  Times  PROPN  NNP  ent=GPE
        Times  ROOT      -      PROPN  NNP
        """
    )
    # the dictionary knows "New York"; the NER saw "New York" too: one name, both kinds
    assert names_in(doc, [kb(0, 2, "place")]) == [("New York", {"place"}, "GPE")]
    assert names_in(doc, [kb(0, 2, "place"), kb(0, 3, "actor")]) == [
        ("New York Times", {"actor"}, None)
    ]


def test_an_entity_sheds_determiners_possessives_and_a_leading_title():
    doc = parse(
        """
        President  compound  Trump   PROPN  NNP  ent=PERSON
        Trump      poss      policy  PROPN  NNP  ent=PERSON
        's         case      Trump   PART   POS  ent=PERSON
        policy     ROOT      -       NOUN   NN
        """
    )
    assert names_in(doc, [], agents=[0]) == [("Trump", frozenset(), "PERSON")]
    doc = parse("the det Hague DET DT ent=GPE\nHague ROOT - PROPN NNP ent=GPE")
    assert names_in(doc, []) == [("Hague", frozenset(), "GPE")]


def test_an_entity_sheds_the_quote_mark_or_dash_it_begins_with():
    # "calling itself the “Syrian Electronic Army”": the NER took the opening quote in,
    # which hid the demonym that starts the name
    doc = parse(
        """
        “           punct     Army  PUNCT  ``   ent=ORG
        Syrian      amod      Army  PROPN  NNP  ent=ORG
        Electronic  compound  Army  PROPN  NNP  ent=ORG
        Army        ROOT      -     PROPN  NNP  ent=ORG
        ”           punct     Army  PUNCT  ''
        """
    )
    assert names_in(doc, []) == [("Syrian Electronic Army", frozenset(), "ORG")]
    doc = parse("— punct Trump PUNCT : ent=PERSON\nTrump ROOT - PROPN NNP ent=PERSON")
    assert names_in(doc, []) == [("Trump", frozenset(), "PERSON")]


def test_a_capitalised_common_word_is_no_dictionary_name():
    # "May" the month is some town's name: a place name alone needs the NER to agree
    doc = parse("In prep met ADP\nMay pobj In PROPN NNP\nmet ROOT - VERB VBD")
    assert names_in(doc, [kb(1, 2, "place")]) == []
    doc = parse("Both nsubj met DET DT\nmet ROOT - VERB VBD")
    assert names_in(doc, [kb(0, 1, "actor")]) == []  # a person's name must be a proper noun
    doc = parse("Japanese amod officials ADJ JJ\nofficials ROOT - NOUN NNS")
    assert names_in(doc, [kb(0, 1, "demonym")]) == [("Japanese", {"demonym"}, None)]


def test_a_town_the_ner_missed_is_a_name_where_only_a_place_goes():
    doc = parse(
        """
        to      aux     visit   PART   TO
        visit   ROOT    -       VERB   VB
        Soma    dobj    visit   PROPN  NNP
        instead advmod  visit   ADV    RB
        """
    )
    where = [kb(2, 3, "place")]
    slot = lambda span: span.root.dep_ == "dobj"  # noqa: E731 - the caller's test, by hand
    found = find_names(doc, where, set(), set(), COORDINATORS, place_slot=slot)
    assert [(doc[n.start : n.end].text, n.tags) for n in found] == [("Soma", {"place"})]
    assert names_in(doc, where) == []  # without a place slot the NER must agree
    assert find_names(doc, where, set(), set(), COORDINATORS, place_slot=lambda s: False) == []
    glued = parse(
        """
        Allies  nsubj   At      PROPN  NNP
        At      ROOT    -       ADP    IN
        NATO    compound Summit PROPN  NNP
        Summit  pobj    At      PROPN  NNP
        """
    )  # a headline in title case
    assert (
        find_names(
            glued, [kb(3, 4, "place")], set(), set(), COORDINATORS, place_slot=lambda s: True
        )
        == []
    )


def test_an_entity_joining_a_known_name_splits_into_its_names():
    doc = parse(
        """
        Gondor     ROOT  -       PROPN  NNP  ent=GPE
        and        cc    Gondor  CCONJ  CC   ent=GPE
        Osgiliath  conj  Gondor  PROPN  NNP  ent=GPE
        """
    )
    # the known conjunct keeps its dictionary match, the other the entity's label
    assert names_in(doc, [kb(0, 1, "state")]) == [
        ("Gondor", {"state"}, None),
        ("Osgiliath", frozenset(), "GPE"),
    ]
    # no conjunct known: a name that is a coordination ("Bosnia and Herzegovina") stays whole
    assert names_in(doc, []) == [("Gondor and Osgiliath", frozenset(), "GPE")]


def test_an_acronym_defined_in_parentheses_is_a_name_wherever_it_occurs():
    doc = parse(
        """
        Front  nsubj  said   PROPN  NNP
        (      punct  RUF#1  PUNCT  -LRB-
        RUF    appos  Front  PROPN  NNP
        )      punct  RUF#1  PUNCT  -RRB-
        said   ROOT   -      VERB   VBD  lemma=say
        RUF    dobj   said   PROPN  NNP
        """
    )
    assert names_in(doc, []) == [("RUF", frozenset(), "ORG"), ("RUF", frozenset(), "ORG")]


def test_a_dictionary_name_ending_in_a_body_is_left_to_the_role_phrase():
    doc = parse("Obama compound administration PROPN NNP\nadministration ROOT - NOUN NN")
    matches = [kb(0, 1, "actor"), kb(0, 2, "actor")]
    assert names_in(doc, matches, agents=[1], groups=[1]) == [("Obama", {"actor"}, None)]


# ---------------------------------------------------------------- agent words


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.actor_lexicon


def agents_in(doc, knowledge, matches) -> list[tuple[str, str, bool]]:
    lowers = [t.lower_ for t in doc]
    found = find_agents(
        doc, matches, knowledge.kb, knowledge.actor_lexicon, [False] * len(doc), lowers
    )
    return [(doc[a.start : a.end].text, a.sector, a.person) for a in found]


def test_an_agent_word_has_its_sector_and_is_one_person_only_in_the_singular(knowledge):
    doc = parse(
        """
        the        det     president  DET
        president  nsubj   met        NOUN  NN
        met        ROOT    -          VERB  VBD  lemma=meet
        officials  dobj    met        NOUN  NNS
        """
    )
    assert agents_in(doc, knowledge, [kb(1, 2, "agent"), kb(3, 4, "agent")]) == [
        ("president", "GOV", True),
        ("officials", "GOV", False),
    ]


def test_a_generic_head_takes_the_sector_of_the_agent_word_before_it(knowledge):
    doc = parse(
        """
        opposition  compound  leaders  NOUN  NN
        leaders     ROOT      -        NOUN  NNS  lemma=leader
        """
    )
    assert agents_in(doc, knowledge, [kb(0, 1, "agent"), kb(1, 2, "agent")]) == [
        ("opposition leaders", "OPP", False)
    ]


def test_agent_words_inside_a_vehicles_name_are_no_agents(knowledge):
    doc = parse(
        """
        Air    compound  One  PROPN  NNP  ent=PRODUCT
        Force  compound  One  PROPN  NNP  ent=PRODUCT
        One    ROOT      -    PROPN  NNP  ent=PRODUCT
        """
    )
    assert agents_in(doc, knowledge, [kb(1, 2, "agent")]) == []


# ---------------------------------------------------------------- role phrases


def roles_in(doc, lexicon, agents, names):
    name_at: list[NamePhrase | None] = [None] * len(doc)
    for name in names:
        name_at[name.start : name.end] = [name] * (name.end - name.start)
    tokens = {i for a in agents for i in range(a.start, a.end)}
    return build_roles(doc, agents, name_at, lexicon, tokens)


def test_a_role_phrase_takes_in_its_modifiers_and_its_owner(lexicon):
    doc = parse(
        """
        the        det   leader  DET
        new        amod  leader  ADJ
        Japanese   amod  leader  ADJ   JJ
        leader     ROOT  -       NOUN  NN
        """
    )
    japanese = NamePhrase(2, 3, frozenset({"demonym"}), "NORP")
    (role,) = roles_in(doc, lexicon, [AgentWord(3, 4, "GOV", True)], [japanese])
    assert (role.start, role.end, role.owner, role.owner_outside, role.determiner) == (
        1, 4, japanese, False, "the",
    )  # fmt: skip


def test_a_title_before_a_name_introduces_that_person(lexicon):
    doc = parse(
        """
        President  compound  Trump  PROPN  NNP
        Donald     compound  Trump  PROPN  NNP  ent=PERSON
        Trump      ROOT      -      PROPN  NNP  ent=PERSON
        """
    )
    trump = NamePhrase(1, 3, frozenset({"actor"}), "PERSON")
    (role,) = roles_in(doc, lexicon, [AgentWord(0, 1, "GOV", True)], [trump])
    assert (role.person, role.end) == (trump, 3)


def test_an_owner_after_of_is_outside_the_phrase(lexicon):
    doc = parse(
        """
        the        det   president  DET
        president  ROOT  -          NOUN   NN
        of         prep  president  ADP
        Armenia    pobj  of         PROPN  NNP  ent=GPE
        """
    )
    armenia = NamePhrase(3, 4, frozenset({"state"}), "GPE")
    (role,) = roles_in(doc, lexicon, [AgentWord(1, 2, "GOV", True)], [armenia])
    assert (role.owner, role.owner_outside, role.end) == (armenia, True, 4)


def test_one_person_in_a_country_is_not_its_agent(lexicon):
    # "an investor in Russia" is not Russia's
    doc = parse(
        """
        an         det   minister  DET
        minister   ROOT  -         NOUN   NN
        in         prep  minister  ADP
        Russia     pobj  in        PROPN  NNP  ent=GPE
        """
    )
    russia = NamePhrase(3, 4, frozenset({"state"}), "GPE")
    (role,) = roles_in(doc, lexicon, [AgentWord(1, 2, "GOV", True)], [russia])
    assert role.owner is None and role.determiner == "an"
    # many people in a country are
    (role,) = roles_in(doc, lexicon, [AgentWord(1, 2, "GOV", False)], [russia])
    assert role.owner is russia


def test_an_organization_after_for_employs_a_persons_role_word(lexicon):
    # "a spokeswoman for the Council": the Council's; "the envoy for Gondor" serves elsewhere
    doc = parse(
        """
        a            det       spokeswoman  DET
        spokeswoman  ROOT      -            NOUN   NN
        for          prep      spokeswoman  ADP
        the          det       Council      DET
        Security     compound  Council      PROPN  NNP  ent=ORG
        Council      pobj      for          PROPN  NNP  ent=ORG
        """
    )
    council = NamePhrase(4, 6, frozenset({"actor"}), "ORG")
    (role,) = roles_in(doc, lexicon, [AgentWord(1, 2, "GOV", True)], [council])
    assert (role.owner, role.owner_outside, role.end) == (council, True, 2)
    doc = parse(
        """
        the     det   envoy  DET
        envoy   ROOT  -      NOUN   NN
        for     prep  envoy  ADP
        Gondor  pobj  for    PROPN  NNP  ent=GPE
        """
    )
    gondor = NamePhrase(3, 4, frozenset({"state"}), "GPE")
    (role,) = roles_in(doc, lexicon, [AgentWord(1, 2, "GOV", True)], [gondor])
    assert role.owner is None
    # a group's word is no employee: "funds for the Council" are not the Council's
    (role,) = roles_in(
        parse(
            """
            troops   ROOT  -       NOUN   NNS
            for      prep  troops  ADP
            Gondor   pobj  for     PROPN  NNP  ent=ORG
            """
        ),
        lexicon,
        [AgentWord(0, 1, "MIL", False)],
        [NamePhrase(2, 3, frozenset({"actor"}), "ORG")],
    )
    assert role.owner is None


def test_names_joined_to_the_owner_share_the_agent(lexicon):
    doc = parse(
        """
        the          det       governments  DET
        Gondor       compound  governments  PROPN  NNP  ent=GPE
        and          cc        Gondor       CCONJ
        Osgiliath    conj      Gondor       PROPN  NNP  ent=GPE
        governments  ROOT      -            NOUN   NNS  lemma=government
        """
    )
    gondor = NamePhrase(1, 2, frozenset({"state"}), "GPE")
    osgiliath = NamePhrase(3, 4, frozenset({"state"}), "GPE")
    (role,) = roles_in(doc, lexicon, [AgentWord(4, 5, "GOV", False)], [gondor, osgiliath])
    assert role.owner is osgiliath and role.co_owners == [gondor]


def test_an_agent_word_modifying_another_agent_word_is_no_role_of_its_own(lexicon):
    doc = parse(
        """
        administration  compound  official  NOUN  NN
        official        ROOT      -         NOUN  NN
        """
    )
    agents = [AgentWord(0, 1, "GOV", False), AgentWord(1, 2, "GOV", True)]
    (role,) = roles_in(doc, lexicon, agents, [])
    assert role.agent is agents[1] and role.start == 0


def test_a_subject_for_the_memory_of_who_acted():
    doc = parse(
        """
        Abe    nsubj  met   PROPN
        and    cc     Abe   CCONJ
        Trump  conj   Abe   PROPN
        met    ROOT   -     VERB   VBD  lemma=meet
        Putin  dobj   met   PROPN
        """
    )
    assert is_subject(doc[0]) and is_subject(doc[2]) and not is_subject(doc[4])
    assert is_subject(parse("Abe ROOT - PROPN")[0])  # a verbless parse: still the topic
