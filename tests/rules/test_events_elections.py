"""Electoral competition codes no event (``events/elections.py``, ``electoral_words.tsv``,
``cameo_roots.tsv`` ``contest_object``), on parses built by hand."""

from __future__ import annotations

import pytest
from parses import parse, with_mentions

from detente.events.coder import EventCoder, _Coding
from detente.events.elections import campaigns_for_nothing, contest_heads, contests_office
from detente.events.lexicon import CodeSpec
from detente.events.participants import DocActors


@pytest.fixture(scope="module")
def coder(knowledge):
    return EventCoder(knowledge)


def triples(events) -> set[tuple[str, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def seeks(noun: str) -> str:
    # "Clinton seeks the Democrats' <noun> ."
    return f"""
        Clinton    nsubj  seeks  PROPN  NNP
        seeks      ROOT   -      VERB   VBZ  lemma=seek
        the        det    Democrats DET
        Democrats  poss   {noun} PROPN  NNPS
        '          case   Democrats PART POS
        {noun}     dobj   seeks  NOUN   NN
        .          punct  seeks  PUNCT  .
    """


ACTORS = {"Clinton": "USAELI", "Democrats": "USAPTY", "Blair": "GBRGOV", "Howard": "GBRPTY"}


def test_seeking_a_nomination_is_no_intent_to_cooperate_with_its_party(coder):
    doc = with_mentions(parse(seeks("nomination")), ACTORS)
    assert coder.code_doc(doc) == []
    # the same verb and owner with a thing that is no office: the intent (030) stays
    doc = with_mentions(parse(seeks("friendship")), ACTORS)
    assert ("USAELI", "USAPTY", "030") in triples(coder.code_doc(doc))


STEP_UP = """
    Blair        nsubj  step         PROPN  NNP
    and          cc     Blair        CCONJ  CC
    Howard       conj   Blair        PROPN  NNP
    step         ROOT   -            VERB   VBP
    up           prt    step         ADP    RP
    {gerund}     advcl  step         VERB   VBG  lemma={lemma}
    .            punct  step         PUNCT  .
"""


def test_stepping_up_campaigning_is_no_cooperation_between_the_candidates(coder):
    doc = with_mentions(parse(STEP_UP.format(gerund="campaigning", lemma="campaign")), ACTORS)
    (step,) = [t for t in doc if t.text == "step"]
    assert [t.text for t in contest_heads(step, frozenset())] == ["campaigning"]
    assert not any(e.trigger.text == "step" for e in coder.code_doc(doc))


def test_a_share_of_the_vote_is_the_vote():
    # "Duckworth garnered 44 % of the vote ."
    doc = parse(
        """
        Duckworth  nsubj   garnered  PROPN  NNP
        garnered   ROOT    -         VERB   VBD  lemma=garner
        44         nummod  %         NUM    CD
        %          dobj    garnered  NOUN   NN
        of         prep    %         ADP    IN
        the        det     vote      DET    DT
        vote       pobj    of        NOUN   NN
        .          punct   garnered  PUNCT  .
        """
    )
    garnered = doc[1]
    assert [t.text for t in contest_heads(garnered, frozenset())] == ["vote"]
    assert contests_office(garnered, frozenset({"vote"}), frozenset(), lambda tok: False)
    # the vote named as an actor (a mention) is no contest
    assert not contests_office(garnered, frozenset({"vote"}), frozenset(), lambda tok: True)


def campaigned(after: str, pobj: str, lemma: str) -> str:
    # "Activists campaigned <after> the <pobj> ."
    return f"""
        Activists   nsubj  campaigned  NOUN   NNS  lemma=activist
        campaigned  ROOT   -           VERB   VBD  lemma=campaign
        {after}     prep   campaigned  ADP    IN
        the         det    {pobj}      DET    DT
        {pobj}      pobj   {after}     NOUN   NN   lemma={lemma}
        .           punct  campaigned  PUNCT  .
    """


def test_campaigning_codes_an_act_only_for_a_cause(words):
    verbs, nouns = words.electoral_verbs, words.electoral_nouns
    # "campaigned for the release", "campaigned against the war": a cause
    for after, pobj in (("for", "release"), ("against", "war")):
        doc = parse(campaigned(after, pobj, pobj))
        assert not campaigns_for_nothing(doc[1], verbs, nouns), after
    # "campaigned ahead of the election" (no cause), "campaigned for the re-election" (the
    # contest itself)
    for after, pobj in (("before", "election"), ("for", "re-election")):
        doc = parse(campaigned(after, pobj, pobj))
        assert campaigns_for_nothing(doc[1], verbs, nouns), (after, pobj)
    # "voted down the bill": a thing voted on (a particle, or an object) is no contest
    voted_down = """
        MPs     nsubj  voted  NOUN   NNS  lemma=mp
        voted   ROOT   -      VERB   VBD  lemma=vote
        down    prt    voted  ADP    RP
        the     det    bill   DET    DT
        bill    dobj   voted  NOUN   NN
        .       punct  voted  PUNCT  .
    """
    assert not campaigns_for_nothing(parse(voted_down)[1], verbs, nouns)
    # not a verb of campaigning
    doc = parse(campaigned("for", "election", "election").replace("lemma=campaign", "lemma=push"))
    assert not campaigns_for_nothing(doc[1], verbs, nouns)


def test_only_roots_done_to_their_object_are_competing_for_an_office(coder):
    doc = with_mentions(parse(seeks("nomination")), ACTORS)
    actors = DocActors.build(doc)
    verb = doc[1]

    def electoral(code):
        return coder._electoral(verb, _Coding(CodeSpec(code), "", 0.7, None), actors)

    assert electoral("030")  # an intent (03): competing
    assert electoral("190")  # force (19): "dominated the primaries"
    assert not electoral("111")  # criticism (11) is about the nomination
    assert not electoral("100")  # a demand (10) asks for it: "demanded a new election"
    # a pattern naming a noun of its own keeps its sense
    seek = coder.verb_codes.lexicon.blocks["SEARCH"]
    named = next(p for p in seek.patterns if p.text.startswith("- * CITIZENSHIP"))
    assert not coder._electoral(verb, _Coding(CodeSpec("020"), "", 0.9, named), actors)
