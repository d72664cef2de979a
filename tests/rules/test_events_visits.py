"""Visits and their host (``events/visits.py``, the travel verbs of extensions.verbs.txt):
"made a visit to Baghdad", "traveled to Moscow", "his Middle East trip", "is in South Africa
on an official visit", own troops abroad - on parses built by hand."""

from __future__ import annotations

import pytest
from parses import mention, parse, with_mentions

from detente.events.coder import EventCoder
from detente.events.nominal import NominalCoder
from detente.events.participants import DocActors, Participants
from detente.events.patterns import VerbCodes
from detente.events.visits import is_visit, own_forces_abroad
from detente.records import EventActor


@pytest.fixture(scope="module")
def coder(knowledge):
    return EventCoder(knowledge)


@pytest.fixture(scope="module")
def nominals(knowledge):
    words = knowledge.clause_words
    return NominalCoder(
        words, knowledge.cameo, VerbCodes(knowledge.verbs, words.roles), Participants(words)
    )


def coded(coder, table: str, codes: dict[str, str], places: dict[str, str] | None = None):
    doc = with_mentions(parse(table, date="2017-02-10"), codes)
    for words, country in (places or {}).items():
        doc._.mentions.append(mention(doc, words, None, kind="place", country=country))
    doc._.mentions.sort(key=lambda m: m.start)
    return {
        (e.source.code, e.target.country if e.target else None, e.cameo, e.modality)
        for e in coder.code_doc(doc)
    }


def test_a_visit_is_the_plover_mode_of_042_and_043(knowledge):
    assert is_visit(knowledge.cameo, "042") and is_visit(knowledge.cameo, "043")
    assert not is_visit(knowledge.cameo, "040") and not is_visit(knowledge.cameo, None)


MADE_A_VISIT = """
    Rice      nsubj  made   PROPN
    made      ROOT   -      VERB   VBD  lemma=make
    a         det    visit  DET
    surprise  compound visit NOUN
    visit     dobj   made   NOUN
    to        prep   visit  ADP
    Baghdad   pobj   to     PROPN
    .         punct  made   PUNCT  .
"""


def test_a_visit_made_is_a_visit_to_the_places_country_not_an_intent_to_meet(coder):
    # CAMEO's "- * VISIT [036]" (MAKE) read "made a visit" as an intent to meet
    events = coded(coder, MADE_A_VISIT, {"Rice": "USAGOV"}, {"Baghdad": "IRQ"})
    assert events == {("USAGOV", "IRQ", "042", "asserted")}


TRAVELED = """
    Kerry     nsubj  traveled  PROPN
    traveled  ROOT   -         VERB   VBD  lemma=travel
    to        prep   traveled  ADP
    Moscow    pobj   to        PROPN
    .         punct  traveled  PUNCT  .
"""


def test_travel_to_a_place_is_a_visit_to_its_country(coder):
    events = coded(coder, TRAVELED, {"Kerry": "USAGOV"}, {"Moscow": "RUS"})
    assert events == {("USAGOV", "RUS", "042", "asserted")}  # CAMEO's GO_SOMEWHERE: 040


def test_travel_announced_is_an_intent_and_the_visit_intended(coder):
    table = """
        Kerry   nsubj  travel  PROPN
        will    aux    travel  AUX    MD
        travel  ROOT   -       VERB   VB   lemma=travel
        to      prep   travel  ADP
        Moscow  pobj   to      PROPN
        .       punct  travel  PUNCT  .
    """
    events = coded(coder, table, {"Kerry": "USAGOV"}, {"Moscow": "RUS"})
    assert events == {("USAGOV", "RUS", "036", "asserted"), ("USAGOV", "RUS", "042", "intended")}


def test_arriving_for_talks_stays_a_visit(coder):
    # "arrived in Iraq for talks": CAMEO's ARRIVE "(FOR TALKS) [046:046]" coded the trip
    # as the negotiation; the talks are their noun's own act
    table = """
        Obama    nsubj  arrived  PROPN
        arrived  ROOT   -        VERB   VBD  lemma=arrive
        in       prep   arrived  ADP
        Iraq     pobj   in       PROPN
        for      prep   arrived  ADP
        talks    pobj   for      NOUN   NNS  lemma=talk
        .        punct  arrived  PUNCT  .
    """
    events = coded(coder, table, {"Obama": "USAGOV"}, {"Iraq": "IRQ"})
    assert events == {("USAGOV", "IRQ", "042", "asserted")}


TROOPS = """
    Obama    nsubj     visited  PROPN
    visited  ROOT      -        VERB   VBD  lemma=visit
    U.S.     compound  troops   PROPN
    troops   dobj      visited  NOUN   NNS  lemma=troop
    {place}
    .        punct     visited  PUNCT  .
"""
IN_AFGHANISTAN = """in  prep  visited  ADP
    Afghanistan  pobj  in  PROPN"""


def test_own_troops_abroad_make_a_visit_to_the_host_country(coder):
    table = TROOPS.format(place=IN_AFGHANISTAN)
    events = coded(
        coder, table, {"Obama": "USAGOV", "U.S. troops": "USAMIL"}, {"Afghanistan": "AFG"}
    )
    assert events == {("USAGOV", "AFG", "042", "asserted")}


def test_own_troops_with_no_host_named_are_not_coded(coder):
    # abroad or at home, the clause does not say: the guideline codes the visit to a named host only
    events = coded(coder, TROOPS.format(place=""), {"Obama": "USAGOV", "U.S. troops": "USAMIL"})
    assert events == set()


def _actor(code: str, country: str | None) -> EventActor:
    return EventActor(code, 0, 1, None, None, code, country, code[3:6] or None)


def test_own_forces_abroad_keeps_other_targets_and_others_forces(knowledge):
    armed = knowledge.clause_words.armed_sectors
    obama, host = _actor("USAGOV", "USA"), [_actor("AFG", "AFG")]
    ours, theirs = _actor("USAMIL", "USA"), _actor("AFGMIL", "AFG")
    assert own_forces_abroad([ours], [obama], host, armed) == host
    assert own_forces_abroad([theirs], [obama], host, armed) == [theirs]
    assert own_forces_abroad([ours], [obama], [], armed) == [ours]
    # an armed group and a visitor of no country are not of one country ("a UN envoy
    # visited Hezbollah fighters in Lebanon": the fighters stay the target)
    envoy, fighters = _actor("IGOUNO", None), _actor("IMGHEZ", None)
    assert own_forces_abroad([fighters], [envoy], host, armed) == [fighters]


TRIP = """
    At      prep      said    ADP
    the     det       end     DET
    end     pobj      At      NOUN
    of      prep      end     ADP
    his     poss      trip    PRON   PRP$
    Middle  compound  East    PROPN
    East    compound  trip    PROPN
    trip    pobj      of      NOUN
    ,       punct     said    PUNCT  ,
    Blair   nsubj     said    PROPN
    said    ROOT      -       VERB   VBD  lemma=say
    .       punct     said    PUNCT  .
"""


def test_a_place_modifying_a_visit_noun_is_its_host_not_its_doer(nominals):
    doc = with_mentions(parse(TRIP), {"his": "GBRGOV", "Blair": "GBRGOV"})
    doc._.mentions.append(mention(doc, "Middle East", "MEA", kind="place"))
    doc._.mentions.sort(key=lambda m: m.start)
    act = nominals.code(doc[7], DocActors.build(doc), set())
    assert [s.code for s in act.sources] == ["GBRGOV"]
    assert [t.code for t in act.targets] == ["MEA"] and act.code.forward == "042"


ON_A_VISIT = """
    Singh     nsubj  is      PROPN
    is        ROOT   -       AUX    VBZ  lemma=be
    in        prep   is      ADP
    {place}   pobj   in      PROPN
    on        prep   is      ADP
    an        det    visit   DET
    official  amod   visit   ADJ
    visit     pobj   on      NOUN
    .         punct  is      PUNCT  .
"""


def test_the_place_a_visit_nouns_clause_puts_its_doer_in_is_the_host(nominals):
    doc = with_mentions(parse(ON_A_VISIT.format(place="Pretoria")), {"Singh": "INDGOV"})
    doc._.mentions.append(mention(doc, "Pretoria", None, kind="place", country="ZAF"))
    act = nominals.code(doc[7], DocActors.build(doc), set())
    assert [s.code for s in act.sources] == ["INDGOV"] and [t.code for t in act.targets] == ["ZAF"]


def test_a_place_of_the_visitors_own_country_is_no_host(nominals):
    doc = with_mentions(parse(ON_A_VISIT.format(place="Delhi")), {"Singh": "INDGOV"})
    doc._.mentions.append(mention(doc, "Delhi", None, kind="place", country="IND"))
    assert nominals.code(doc[7], DocActors.build(doc), set()) is None


FLEW_TO_MEET = """
    Kerry    nsubj  {verb}     PROPN
    {neg}
    {verb}  ROOT   -        VERB   VBD  lemma={lemma}
    to       prep   {verb}     ADP
    Beijing  pobj   to#1     PROPN
    to       aux    meet     PART   TO
    meet     advcl  {verb}     VERB   VB   lemma=meet
    Li       dobj   meet     PROPN
    .        punct  {verb}     PUNCT  .
"""


def test_the_purpose_of_a_trip_is_its_own_act_intended(coder):
    table = FLEW_TO_MEET.format(neg="", verb="flew", lemma="fly")
    events = coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}, {"Beijing": "CHN"})
    assert events == {("USAGOV", "CHN", "042", "asserted"), ("USAGOV", "CHN", "040", "intended")}


def test_the_purpose_of_a_trip_not_made_and_of_other_acts_is_not_coded(coder):
    table = FLEW_TO_MEET.format(
        neg="did  aux  fly  AUX  VBD  lemma=do\n    not  neg  fly  PART  RB",
        verb="fly",
        lemma="fly",
    )
    events = coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}, {"Beijing": "CHN"})
    assert {e[2] for e in events} == {"042"}
    # "Kerry wrote to Beijing to meet Li": a letter's purpose is no act of its own
    table = FLEW_TO_MEET.format(neg="", verb="wrote", lemma="write")
    events = coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}, {"Beijing": "CHN"})
    assert "040" not in {e[2] for e in events}


def test_the_purpose_of_a_trip_only_possible_or_conditional_is_not_coded(coder):
    # "Kerry might fly to Beijing to meet Li": the trip is possible, its purpose no act
    table = FLEW_TO_MEET.format(neg="might  aux  fly  AUX  MD", verb="fly", lemma="fly")
    events = coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}, {"Beijing": "CHN"})
    assert "040" not in {e[2] for e in events}, events
    # "If Kerry flies to Beijing to meet Li, he will raise trade": a condition, no trip
    table = """
        If       mark   flies  SCONJ
        Kerry    nsubj  flies  PROPN
        flies    advcl  raise  VERB   VBZ  lemma=fly
        to       prep   flies  ADP
        Beijing  pobj   to#1   PROPN
        to       aux    meet   PART   TO
        meet     advcl  flies  VERB   VB   lemma=meet
        Li       dobj   meet   PROPN
        ,        punct  raise  PUNCT  ,
        he       nsubj  raise  PRON
        will     aux    raise  AUX    MD
        raise    ROOT   -      VERB   VB   lemma=raise
        trade    dobj   raise  NOUN
        .        punct  raise  PUNCT  .
    """
    events = coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}, {"Beijing": "CHN"})
    assert "040" not in {e[2] for e in events}, events


def test_a_verbs_places_are_its_own_acts_not_its_visit_nouns(nominals):
    # "Xi arrived in Paris on a state visit": the arrival codes the visit
    table = ON_A_VISIT.format(place="Paris").replace(
        "is        ROOT   -       AUX    VBZ  lemma=be",
        "arrived   ROOT   -       VERB   VBD  lemma=arrive",
    )
    table = table.replace(" is ", " arrived ").replace(" is\n", " arrived\n")
    doc = with_mentions(parse(table), {"Singh": "INDGOV"})
    doc._.mentions.append(mention(doc, "Paris", None, kind="place", country="FRA"))
    assert nominals.code(doc[7], DocActors.build(doc), set()) is None


def test_a_verb_of_travel_with_no_destination_has_no_purpose_coded(coder):
    # "Kerry went on to accuse Li": going on is no trip
    table = """
        Kerry   nsubj  went    PROPN
        went    ROOT   -       VERB   VBD  lemma=go
        on      prt    went    ADP
        to      aux    accuse  PART   TO
        accuse  advcl  went    VERB   VB   lemma=accuse
        Li      dobj   accuse  PROPN
        .       punct  went    PUNCT  .
    """
    assert coded(coder, table, {"Kerry": "USAGOV", "Li": "CHNGOV"}) == set()
