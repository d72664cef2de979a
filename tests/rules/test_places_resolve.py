"""The place rules of ``places/resolve.py`` that read a name's place in its sentence, with
the shipped place words, on parses built by hand: a red test here is a rule or its words,
not the parser."""

from __future__ import annotations

import pytest
from parses import parse, span_of

from detente.places.resolve import located_as, strikes_land, written_list_first


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


def _state_before(modifier: str, noun: str, state: str):
    """ "The <state> <modifier> <noun> failed." ("The China trade war"); ``modifier`` may be
    empty."""
    first = f"{modifier}  compound  {noun}  NOUN  NN\n" if modifier else ""
    return parse(
        f"""
        The  det  {noun}  DET  DT
        {state}  compound  {noun}  PROPN  NNP  ent=GPE
        {first}{noun}  nsubj  failed  NOUN  NN
        failed  ROOT  -  VERB  VBD  lemma=fail
        .  punct  failed  PUNCT  .
        """
    )


@pytest.mark.parametrize(
    ("modifier", "noun", "located"),
    [
        ("", "war", "event"),  # "the Iraq war": its land
        ("", "invasion", "event"),
        ("trade", "war", None),  # "the China trade war": the state, no war on its land
        ("pressure", "campaign", None),  # "the Iran pressure campaign"
        ("sanction", "campaign", None),
    ],
)
def test_an_event_noun_a_state_names_is_its_land_unless_no_war(lexicon, modifier, noun, located):
    doc = _state_before(modifier, noun, "Iraq")
    assert located_as(span_of(doc, "Iraq"), lexicon) == located


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


# -- a written list the parser did not join (written_list_first) -----------------------------

PRICES_IN_LONDON_FRANKFURT_AND_PARIS = """
    Prices     nsubj   closed     NOUN   NNS  lemma=price
    in         prep    Prices     ADP    IN
    London     pobj    in         PROPN  NNP  ent=GPE
    ,          punct   closed     PUNCT  ,
    Frankfurt  nsubj   closed     PROPN  NNP  ent=GPE
    and        cc      Frankfurt  CCONJ  CC
    Paris      conj    Frankfurt  PROPN  NNP  ent=GPE
    closed     ROOT    -          VERB   VBD  lemma=close
    higher     advmod  closed     ADV    RBR
    .          punct   closed     PUNCT  .
"""


def _first(doc, name: str, lexicon):
    first = written_list_first(span_of(doc, name).root, lexicon)
    return None if first is None else first.text


def test_a_name_between_two_listed_names_takes_the_first_names_place(lexicon):
    doc = parse(PRICES_IN_LONDON_FRANKFURT_AND_PARIS)
    assert _first(doc, "Frankfurt", lexicon) == "London"
    assert located_as(span_of(doc, "Frankfurt"), lexicon) == "locating"  # "in London"
    assert _first(doc, "Paris", lexicon) is None  # the parse lists it: its conjunct is asked


def test_a_name_after_two_listed_names_is_the_lists_last(lexicon):
    doc = parse(
        """
        Banks     nsubj     reopened  NOUN   NNS  lemma=bank
        in        prep      Banks     ADP    IN
        London    pobj      in        PROPN  NNP  ent=GPE
        ,         punct     London    PUNCT  ,
        Frankfurt conj      London    PROPN  NNP  ent=GPE
        and       cc        Frankfurt CCONJ  CC
        Paris     nsubj     reopened  PROPN  NNP  ent=GPE
        reopened  ROOT      -         VERB   VBD  lemma=reopen
        .         punct     reopened  PUNCT  .
        """
    )
    assert _first(doc, "Paris", lexicon) == "London"


def test_a_listed_name_of_several_words_is_found_by_its_first_word(lexicon):
    doc = parse(
        """
        Markets  nsubj     rose   NOUN   NNS  lemma=market
        in       prep      Markets ADP   IN
        New      compound  York   PROPN  NNP  ent=GPE
        York     pobj      in     PROPN  NNP  ent=GPE
        ,        punct     rose   PUNCT  ,
        Hong     compound  Kong   PROPN  NNP  ent=GPE
        Kong     nsubj     rose   PROPN  NNP  ent=GPE
        or       cc        Kong   CCONJ  CC
        Tokyo    conj      Kong   PROPN  NNP  ent=GPE
        rose     ROOT      -      VERB   VBD  lemma=rise
        .        punct     rose   PUNCT  .
        """
    )
    assert _first(doc, "Hong Kong", lexicon) == "New"


def test_a_name_after_one_name_and_a_comma_starts_a_clause_not_a_list(lexicon):
    doc = parse(
        """
        Talks   nsubj  ended  NOUN   NNS  lemma=talk
        ended   ROOT   -      VERB   VBD  lemma=end
        in      prep   ended  ADP    IN
        Geneva  pobj   in     PROPN  NNP  ent=GPE
        ,       punct  ended  PUNCT  ,
        and     cc     ended  CCONJ  CC
        Russia  nsubj  said   PROPN  NNP  ent=GPE
        said    conj   ended  VERB   VBD  lemma=say
        .       punct  said   PUNCT  .
        """
    )
    assert _first(doc, "Russia", lexicon) is None


def test_and_stands_only_before_a_lists_last_name(lexicon):
    doc = parse(
        """
        With       prep   grew       ADP    IN
        wars       pobj   With       NOUN   NNS  lemma=war
        in         prep   wars       ADP    IN
        Syria      pobj   in         PROPN  NNP  ent=GPE
        and        cc     Syria      CCONJ  CC
        Lebanon    conj   Syria      PROPN  NNP  ent=GPE
        ,          punct  grew       PUNCT  ,
        Iran       poss   influence  PROPN  NNP  ent=GPE
        's         case   Iran       PART   POS
        influence  nsubj  grew       NOUN   NN
        grew       ROOT   -          VERB   VBD  lemma=grow
        .          punct  grew       PUNCT  .
        """
    )
    assert _first(doc, "Iran", lexicon) is None  # "Syria and Lebanon, Iran" is no list
