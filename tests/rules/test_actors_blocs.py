"""Groups of states named by their region (``actors/blocs.py``) and region words as a role's
owner, on parses built by hand with the shipped knowledge base."""

from __future__ import annotations

import pytest
from parses import parse
from test_actors_resolution import at

from detente.actors.blocs import find_blocs
from detente.actors.component import ActorResolver

REGIONS = {"western": "WST", "arab": "MEA", "european": "EUR", "asian": "ASA", "foreign": None}
NOUNS = frozenset({"country", "state", "ally", "partner", "power"})


@pytest.fixture(scope="module")
def resolve(knowledge):
    stage = ActorResolver(None, knowledge=knowledge)
    return lambda table: stage(parse(table, date="2008-01-14"))


def _bloc_parse(modifier: str, noun: str, lemma: str, *, ent: str = "NORP"):
    """ "Kerry met <modifier> <noun> ." with the modifier an amod of the plural noun."""
    return parse(
        f"""
        Kerry       nsubj  met   PROPN NNP  ent=PERSON
        met         ROOT   -     VERB  VBD  lemma=meet
        {modifier}  amod   {noun} ADJ  JJ   ent={ent}
        {noun}      dobj   met   NOUN  NNS  lemma={lemma}
        .           punct  met   PUNCT .
        """
    )


def _blocs(doc):
    lowers = [t.lower_ for t in doc]
    names = [1 if t.ent_type_ in ("NORP", "PERSON") else 0 for t in doc]
    return find_blocs(doc, lowers, NOUNS, REGIONS, names)


@pytest.mark.parametrize(
    ("modifier", "noun", "lemma", "region"),
    [
        ("Western", "countries", "country", "WST"),
        ("Arab", "allies", "ally", "MEA"),
        ("European", "powers", "power", "EUR"),
    ],
)
def test_a_plural_state_noun_with_a_region_word_is_a_bloc_of_that_region(
    modifier, noun, lemma, region
):
    (bloc,) = _blocs(_bloc_parse(modifier, noun, lemma))
    assert (bloc.start, bloc.end, bloc.region) == (2, 4, region)


@pytest.mark.parametrize(
    ("modifier", "noun", "lemma"),
    [
        ("foreign", "powers", "power"),  # a word that keeps the focus off names no region
        ("Western", "diplomats", "diplomat"),  # not a noun of states: the role phrases' job
        ("American", "allies", "ally"),  # a state's allies are no region
    ],
)
def test_no_bloc_without_a_region_word_and_a_state_noun(modifier, noun, lemma):
    assert _blocs(_bloc_parse(modifier, noun, lemma)) == []


def test_a_region_word_with_its_own_modifiers_names_a_sub_region_we_do_not_code():
    doc = parse(
        """
        Straw      nsubj     toured     PROPN NNP ent=PERSON
        toured     ROOT      -          VERB  VBD lemma=tour
        South      compound  Asian      PROPN NNP
        East       compound  Asian      PROPN NNP
        Asian      amod      countries  ADJ   JJ
        countries  dobj      toured     NOUN  NNS lemma=country
        .          punct     toured     PUNCT .
        """
    )
    assert _blocs(doc) == []


def test_a_state_named_beside_the_region_word_makes_no_bloc():
    # "the U.S. and European states": the U.S. is a state of its own, not in a bloc
    doc = parse(
        """
        Paris     nsubj     urged     PROPN NNP ent=GPE
        urged     ROOT      -         VERB  VBD lemma=urge
        the       det       states    DET   DT
        U.S.      compound  states    PROPN NNP ent=GPE
        and       cc        U.S.      CCONJ CC
        European  conj      U.S.      ADJ   JJ  ent=NORP
        states    dobj      urged     NOUN  NNS lemma=state
        .         punct     urged     PUNCT .
        """
    )
    lowers = [t.lower_ for t in doc]
    names = [1 if t.ent_type_ else 0 for t in doc]
    assert find_blocs(doc, lowers, NOUNS, REGIONS, names) == []


def test_a_bloc_is_one_group_mention_coded_with_its_region(resolve):
    doc = resolve(
        """
        Bush    nsubj  asked   PROPN NNP ent=PERSON
        asked   ROOT   -       VERB  VBD lemma=ask
        Arab    amod   allies  ADJ   JJ  ent=NORP
        allies  dobj   asked   NOUN  NNS lemma=ally
        .       punct  asked   PUNCT .
        """
    )
    allies = at(doc, "Arab allies")
    assert (allies.text, allies.kind, allies.code, allies.country) == (
        "Arab allies",
        "group",
        "MEA",
        None,
    )
    assert allies.resolved_by == "bloc"


def test_a_region_word_owning_a_role_gives_the_region_not_a_town_of_that_name(resolve):
    # "Arab" is also a town in Alabama: as the owner of "leaders" it names the region
    doc = resolve(
        """
        He       nsubj  told     PRON  PRP
        told     ROOT   -        VERB  VBD lemma=tell
        young    amod   leaders  ADJ   JJ
        Arab     amod   leaders  PROPN NNP ent=NORP
        leaders  dobj   told     NOUN  NNS lemma=leader
        .        punct  told     PUNCT .
        """
    )
    leaders = at(doc, "young Arab leaders")
    assert leaders is not None and leaders.code == "MEAGOV" and leaders.country is None
