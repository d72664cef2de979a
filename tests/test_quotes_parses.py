"""Reported-speech rules on parses built by hand (no model): a red test here is the rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from detente.knowledge import load_knowledge
from detente.nlp.extensions import register_extensions
from detente.quotes.extract import extract_quotes

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct), no model


@pytest.fixture(scope="module")
def lexicon():
    register_extensions()
    return load_knowledge().quote_lexicon


def parse(words: str, heads: list[int], deps: str, tags: str, lemmas: str) -> Doc:
    """A parse by hand; the coarse tag of each word follows from its Penn tag."""
    coarse = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "PRP": "PRON", "DT": "DET"}
    coarse |= {"VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBZ": "VERB"}
    coarse |= {"MD": "AUX", "TO": "PART", "IN": "ADP", "JJ": "ADJ", ",": "PUNCT", ".": "PUNCT"}
    coarse |= {"CC": "CCONJ", "RB": "ADV", "WRB": "SCONJ", "VBP": "VERB"}
    tags_ = tags.split()
    return Doc(
        VOCAB,
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        tags=tags_,
        pos=[coarse[tag] for tag in tags_],
        lemmas=lemmas.split(),
    )


def reported(doc: Doc, lexicon) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(doc, lexicon) if q.kind == "indirect"]


def test_an_object_after_the_verb_is_no_reporter_of_what_follows(lexicon):
    # 'confirm' speaks ('confirmed the report'), but here its object is what is done, and
    # the only "reporter" found is that object: no report
    doc = parse(
        "Clinton would need a majority to confirm the justices .",
        [2, 2, 2, 4, 2, 6, 4, 8, 6, 2],
        "nsubj aux ROOT det dobj aux acl det dobj punct",
        "NNP MD VB DT NN TO VB DT NNS .",
        "Clinton would need a majority to confirm the justice .",
    )
    assert reported(doc, lexicon) == []


def test_the_object_of_a_speech_verb_with_its_subject_is_reported(lexicon):
    # the same object with a subject of its own is a report ('The minister confirmed the
    # talks'), the object is not the reporter
    doc = parse(
        "The minister confirmed the talks .",
        [1, 2, 2, 4, 2, 2],
        "det nsubj ROOT det dobj punct",
        "DT NN VBD DT NNS .",
        "the minister confirm the talk .",
    )
    assert reported(doc, lexicon) == [("the talks", "The minister")]


@pytest.mark.parametrize("dep", ["csubj", "acl"])
def test_a_gerund_describing_who_does_something_reports_no_noun_object(lexicon, dep):
    # 'taxpayers reporting capital gains would pay more': who would pay, not what was said
    # (the parser makes the gerund a clause subject or a noun's modifier)
    doc = parse(
        "taxpayers reporting capital gains would pay more .",
        [1, 5, 3, 1, 5, 5, 5, 5] if dep == "csubj" else [5, 0, 3, 1, 5, 5, 5, 5],
        f"nsubj {dep} compound dobj aux ROOT dobj punct",
        "NNS VBG NN NNS MD VB JJ .",
        "taxpayer report capital gain would pay more .",
    )
    assert reported(doc, lexicon) == []


def test_reported_reports_its_noun_object(lexicon):
    doc = parse(
        "Police reported no arrests .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT det dobj punct",
        "NNS VBD DT NNS .",
        "police report no arrest .",
    )
    assert reported(doc, lexicon) == [("no arrests", "Police")]
