"""Statements (CAMEO 01x) from quotes: hand-built parses, then small texts with the real model."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from detente.events.coder import EventCoder
from detente.knowledge import load_knowledge
from detente.nlp.extensions import register_extensions
from detente.records import Mention, Quote


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(load_knowledge())


def _parse(words, heads, deps, pos, lemmas) -> Doc:
    register_extensions()
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.doc_id = "t"
    doc._.date = dt.date(2017, 2, 10)
    return doc


def _mention(doc: Doc, i: int, code: str) -> Mention:
    tok = doc[i]
    end = tok.idx + len(tok.text)
    return Mention("t", tok.idx, end, tok.text, "person", tok.lower_, tok.text, code, code[:3],
                   code[3:] or None, "kb")  # fmt: skip


def _quote(doc: Doc, content: tuple[int, int], cue: int, speaker: Mention) -> Quote:
    start, end = doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1].text)
    return Quote("t", start, end, doc.text[start:end], "indirect", doc[cue].text, doc[cue].idx,
                 doc[cue].idx + len(doc[cue].text), speaker.text, speaker.start, speaker.end,
                 speaker.name, speaker.code)  # fmt: skip


def _told() -> Doc:
    # Putin told Abe that talks failed .
    return _parse(
        ["Putin", "told", "Abe", "that", "talks", "failed", "."],
        [1, 1, 1, 5, 5, 1, 1],
        ["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "punct"],
        ["PROPN", "VERB", "PROPN", "SCONJ", "NOUN", "VERB", "PUNCT"],
        ["Putin", "tell", "Abe", "that", "talk", "fail", "."],
    )


def test_a_quoted_speaker_makes_a_statement_to_the_addressee(coder):
    doc = _told()
    putin, abe = _mention(doc, 0, "RUSGOV"), _mention(doc, 2, "JPNGOV")
    doc._.mentions = [putin, abe]
    doc._.quotes = [_quote(doc, (4, 6), 1, putin)]
    (event,) = coder.code_doc(doc)
    assert (event.source.code, event.target.code, event.cameo) == ("RUSGOV", "JPNGOV", "010")
    assert event.trigger.text == "told" and event.plover is None
    assert event.modality == "asserted" and not event.negated
    assert event.rule.startswith("statement: quote indirect")


def test_no_statement_without_a_coded_speaker(coder):
    doc = _told()
    abe = _mention(doc, 2, "JPNGOV")
    doc._.mentions = [abe]
    doc._.quotes = [_quote(doc, (4, 6), 1, Mention("t", 0, 5, "Putin", "person", "putin",
                                                     None, None, None, None, "kb"))]  # fmt: skip
    assert coder.code_doc(doc) == []


def test_media_make_no_statement_and_are_no_addressee(coder):
    doc = _told()
    outlet, abe = _mention(doc, 0, "USAMED"), _mention(doc, 2, "JPNMED")
    doc._.mentions = [outlet, abe]
    doc._.quotes = [_quote(doc, (4, 6), 1, outlet)]
    assert coder.code_doc(doc) == []
    putin = _mention(doc, 0, "RUSGOV")
    doc._.mentions = [putin, abe]
    doc._.quotes = [_quote(doc, (4, 6), 1, putin)]
    (event,) = coder.code_doc(doc)
    assert event.target is None  # "told reporters"


# ---- the real model, the real quotes stage


def _statements(doc):
    return [e for e in doc._.events if e.cameo_root == "01"]


def test_said_is_a_statement(code):
    doc = code("Russian President Vladimir Putin said the talks with Japan had failed.")
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
