"""Statements (CAMEO 01x) from quotes through the real model and quotes stage (the rules on
hand-built parses: tests/rules/test_events_statements.py)."""

from __future__ import annotations


def _statements(doc):
    return [e for e in doc._.events if e.cameo_root == "01"]


def test_said_is_a_statement(code):
    doc = code("Russian President Vladimir Putin said the economy had recovered.")
    (event,) = _statements(doc)
    assert event.source.code == "RUSGOV" and event.target is None
    assert (event.cameo, event.trigger.text, event.modality) == ("010", "said", "asserted")


def test_a_more_specific_speech_verb_keeps_its_own_event(code):
    doc = code('President Donald Trump criticized China, saying "they are cheating".')
    assert {e.cameo for e in doc._.events} == {"111"}


def test_a_statement_only_as_real_as_its_speech_act(code):
    doc = code("Russian President Vladimir Putin may say that the talks failed.")
    assert [e.modality for e in _statements(doc)] == ["possible"]


def test_a_root_01_cue_gives_its_own_code(code):
    doc = code("The Iranian foreign minister acknowledged that mistakes were made.")
    assert [e.cameo for e in _statements(doc)] == ["015"]


def test_news_attribution_is_no_statement(code):
    assert _statements(code("According to Reuters, the talks in Moscow failed.")) == []
