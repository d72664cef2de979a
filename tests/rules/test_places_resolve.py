"""The place rules of ``places/resolve.py`` that read a name's place in its sentence, with
the shipped place words, on parses built by hand: a red test here is a rule or its words,
not the parser."""

from __future__ import annotations

import pytest
from parses import parse, span_of

from detente.places.resolve import strikes_land


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.place_lexicon


AIR_WAR_ON_YEMEN = """
    The     det    war     DET    DT
    air     compound war   NOUN   NN
    war     nsubj  killed  NOUN   NN
    on      prep   war     ADP    IN
    Yemen   pobj   on      PROPN  NNP  ent=GPE
    killed  ROOT   -       VERB   VBD  lemma=kill
    .       punct  killed  PUNCT  .
"""


def _war_on(modifier: str, noun: str, preposition: str, state: str, *, dep: str = "compound"):
    """ "The <modifier> <noun> <preposition> <state> failed."; ``modifier`` may be empty."""
    pos = "ADJ" if dep == "amod" else "NOUN"
    first = f"{modifier}  {dep}  {noun}  {pos}  NN\n" if modifier else ""
    return parse(
        f"""
        The  det  {noun}  DET  DT
        {first}{noun}  nsubj  failed  NOUN  NN
        {preposition}  prep  {noun}  ADP  IN
        {state}  pobj  {preposition}  PROPN  NNP  ent=GPE
        failed  ROOT  -  VERB  VBD  lemma=fail
        .  punct  failed  PUNCT  .
        """
    )


def test_a_state_an_armed_attack_is_waged_on_is_its_land(lexicon):
    doc = parse(AIR_WAR_ON_YEMEN)
    assert strikes_land(span_of(doc, "Yemen"), lexicon)


@pytest.mark.parametrize(
    ("modifier", "noun", "preposition", "struck"),
    [
        ("hybrid", "warfare", "against", True),
        ("", "invasion", "of", False),  # "the invasion of Iraq" is an event's place, not struck
        ("", "sanctions", "on", False),  # no war
    ],
)
def test_only_an_armed_noun_and_a_struck_preposition_hit_the_land(
    lexicon, modifier, noun, preposition, struck
):
    doc = _war_on(modifier, noun, preposition, "Georgia", dep="amod")
    assert strikes_land(span_of(doc, "Georgia"), lexicon) is struck


def test_an_armed_noun_before_a_campaign_makes_it_an_attack(lexicon):
    doc = _war_on("bombing", "campaign", "against", "Laos")
    assert strikes_land(span_of(doc, "Laos"), lexicon)


@pytest.mark.parametrize(
    ("modifier", "noun", "dep"),
    [
        ("pressure", "campaign", "compound"),  # "the maximum pressure campaign against Iran"
        ("diplomatic", "campaign", "amod"),
        ("", "campaign", "compound"),
        ("", "crisis", "compound"),
        ("trade", "war", "compound"),  # "a trade war on China": no land is hit
        ("economic", "warfare", "amod"),
        ("cyber", "attack", "compound"),
    ],
)
def test_a_campaign_a_crisis_or_a_trade_war_hits_no_land(lexicon, modifier, noun, dep):
    doc = _war_on(modifier, noun, "against", "Iran", dep=dep)
    assert not strikes_land(span_of(doc, "Iran"), lexicon)


def test_a_listed_state_is_struck_where_its_list_stands(lexicon):
    doc = parse(
        """
        He        nsubj     condemned  PRON   PRP
        condemned ROOT      -          VERB   VBD  lemma=condemn
        the       det       warfare    DET    DT
        hybrid    amod      warfare    ADJ    JJ
        warfare   dobj      condemned  NOUN   NN
        against   prep      warfare    ADP    IN
        Moldova   pobj      against    PROPN  NNP  ent=GPE
        and       cc        Moldova    CCONJ  CC
        Armenia   conj      Moldova    PROPN  NNP  ent=GPE
        .         punct     condemned  PUNCT  .
        """
    )
    assert strikes_land(span_of(doc, "Armenia"), lexicon)
