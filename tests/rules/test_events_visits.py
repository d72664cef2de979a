"""Visits: the travel verbs of extensions.verbs.txt ("made a visit to Baghdad", "traveled
to Moscow"), on parses built by hand."""

from __future__ import annotations

import pytest
from parses import mention, parse, with_mentions

from detente.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder(knowledge):
    return EventCoder(knowledge)


def coded(coder, table: str, codes: dict[str, str], places: dict[str, str] = {}):  # noqa: B006
    doc = with_mentions(parse(table, date="2017-02-10"), codes)
    for words, country in places.items():
        doc._.mentions.append(mention(doc, words, None, kind="place", country=country))
    doc._.mentions.sort(key=lambda m: m.start)
    return {
        (e.source.code, e.target.country if e.target else None, e.cameo, e.modality)
        for e in coder.code_doc(doc)
    }


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
