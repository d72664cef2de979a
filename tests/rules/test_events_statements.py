"""Statements from quotes (``events/statements.py``) on parses built by hand."""

from __future__ import annotations

import pytest
from parses import parse, with_mentions

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


def _announced(coder, speaker: str, table: str = ANNOUNCED, patient: str | None = "GBR"):
    doc = parse(table)
    text = doc.text  # "Iran said Britons would be released."
    quote = Quote(
        doc_id="d", start=text.index("Britons"), end=text.index("."),
        text=text[text.index("Britons") : text.index(".")], kind="indirect",
        cue="said", cue_start=5, cue_end=9,
        speaker="Iran", speaker_start=0, speaker_end=4,
        speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    mentions = {"Iran": speaker} | ({"Britons": patient} if patient else {})
    return coder.code_doc(with_mentions(doc, mentions, quotes=[quote]))


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
