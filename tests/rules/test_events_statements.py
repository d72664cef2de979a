"""Statements from quotes (``events/statements.py``) on parses built by hand."""

from __future__ import annotations

import pytest
from parses import mention, parse, with_mentions

from detente.events.coder import EventCoder
from detente.records import Quote

TOLD = """
    Putin   nsubj  told    PROPN
    told    ROOT   -       VERB   VBD  lemma=tell
    Abe     dobj   told    PROPN
    that    mark   failed  SCONJ
    talks   nsubj  failed  NOUN   NNS  lemma=talk
    failed  ccomp  told    VERB   VBD  lemma=fail
    .       punct  told    PUNCT  .
"""


@pytest.fixture(scope="module")
def coder(knowledge):
    return EventCoder(knowledge)


def _told(coder, speaker: str, addressee: str):
    doc = parse(TOLD)
    text = doc.text  # "Putin told Abe that talks failed."
    quote = Quote(
        doc_id="d", start=text.index("talks"), end=text.index("."),
        text="talks failed", kind="indirect",
        cue="told", cue_start=6, cue_end=10,
        speaker="Putin", speaker_start=0, speaker_end=5,
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    return coder.code_doc(with_mentions(doc, {"Putin": speaker, "Abe": addressee}, quotes=[quote]))


def test_a_quoted_speaker_makes_a_statement_to_the_addressee(coder):
    (event,) = _told(coder, "RUSGOV", "JPNGOV")
    assert (event.source.code, event.target.code, event.cameo) == ("RUSGOV", "JPNGOV", "010")
    assert event.trigger.text == "told" and event.plover is None
    assert event.modality == "asserted" and not event.negated
    assert event.rule.startswith("statement: quote indirect [20:32] cue 'told'")


def test_media_make_no_statement_and_are_no_addressee(coder):
    assert _told(coder, "USAMED", "JPNGOV") == []  # "Reuters told ...": attribution
    (event,) = _told(coder, "RUSGOV", "JPNMED")  # "told reporters"
    assert event.target is None


def test_no_statement_without_a_coded_speaker(coder):
    doc = parse(TOLD)
    quote = Quote(
        doc_id="d", start=20, end=32, text="talks failed", kind="indirect",
        cue="told", cue_start=6, cue_end=10,
        speaker="Putin", speaker_start=0, speaker_end=5,
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    assert coder.code_doc(with_mentions(doc, {"Abe": "JPNGOV"}, quotes=[quote])) == []


ANNOUNCED = """
    Iran      nsubj      said      PROPN
    said      ROOT       -         VERB   VBD  lemma=say
    Britons   nsubjpass  released  PROPN  NNPS lemma=Briton
    would     aux        released  AUX    MD
    be        auxpass    released  AUX    VB
    released  ccomp      said      VERB   VBN  lemma=release
    .         punct      said      PUNCT  .
"""


def _quote(doc, speaker: str) -> Quote:
    text = doc.text  # "Iran said Britons would be released."
    cue = text.index(" said") + 1
    return Quote(
        doc_id="d", start=text.index("Britons"), end=text.index("."),
        text=text[text.index("Britons") : text.index(".")], kind="indirect",
        cue="said", cue_start=cue, cue_end=cue + 4,
        speaker=speaker, speaker_start=0, speaker_end=len(speaker),
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip


def _announced(
    coder, code: str, table: str = ANNOUNCED, patient: str | None = "GBR", speaker: str = "Iran"
):
    doc = parse(table)
    mentions = {speaker: code} | ({"Britons": patient} if patient else {})
    return coder.code_doc(with_mentions(doc, mentions, quotes=[_quote(doc, speaker)]))


def test_an_authority_announcing_an_agentless_cooperative_act_announces_its_intent(coder):
    # "Iran said Britons would be released": the release is Iran's own, announced: 03x
    for speaker in ("IRN", "IRNGOV"):
        (event,) = [e for e in _announced(coder, speaker) if e.trigger.text == "said"]
        assert event.cameo.startswith("03") and event.plover == "AGREE", speaker
        assert (event.source.code, event.target.code) == (speaker, "GBR")
        assert event.modality == "asserted" and "announces 'released'" in event.rule
    # no counterpart ("stimulus will be stepped up"), or its own side: a plain statement
    for patient in (None, "IRN"):
        (event,) = [
            e for e in _announced(coder, "IRN", patient=patient) if e.trigger.text == "said"
        ]
        assert event.cameo == "010", patient
    # the opposition announces no act of its own: a plain statement
    (event,) = [e for e in _announced(coder, "IRNOPP") if e.trigger.text == "said"]
    assert event.cameo == "010"
    # a doer named ("by the rebels") is not the speaker's state
    by_rebels = ANNOUNCED.replace(
        "    .         punct      said      PUNCT  .\n",
        "    by        agent      released  ADP    IN\n"
        "    rebels    pobj       by        NOUN   NNS  lemma=rebel\n"
        "    .         punct      said      PUNCT  .\n",
    )
    (event,) = [e for e in _announced(coder, "IRN", by_rebels) if e.trigger.text == "said"]
    assert event.cameo == "010"


def test_an_announced_act_on_the_speakers_own_country_is_no_intent(coder):
    # "the Pentagon said U.S. troops would be withdrawn": another sector of the speaker's own
    # country is its own policy, not a counterpart
    (event,) = [
        e for e in _announced(coder, "IRNGOV", patient="IRNMIL") if e.trigger.text == "said"
    ]
    assert event.cameo == "010"


def test_people_only_placed_in_a_state_announce_no_intent(coder):
    # "Iranians said Britons would be released": the state's people (coded IRN, the state,
    # by the actors stage) or a group placed in it announce no act of the state's
    people = ANNOUNCED.replace(
        "Iran      nsubj      said      PROPN",
        "Iranians  nsubj      said      PROPN  NNPS ent=NORP lemma=Iranian",
    )
    (event,) = [
        e for e in _announced(coder, "IRN", people, speaker="Iranians") if e.trigger.text == "said"
    ]
    assert event.cameo == "010"
    doc = parse(ANNOUNCED)
    with_mentions(doc, {"Britons": "GBR"}, quotes=[_quote(doc, "Iran")])
    doc._.mentions = sorted(
        [*doc._.mentions, mention(doc, "Iran", "IRN", kind="group")], key=lambda m: m.start
    )
    (event,) = [e for e in coder.code_doc(doc) if e.trigger.text == "said"]
    assert event.cameo == "010"
