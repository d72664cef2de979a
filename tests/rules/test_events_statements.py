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
