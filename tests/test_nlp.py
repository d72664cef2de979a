"""The pipeline loader, and a regression check on the default model across spaCy versions."""

from __future__ import annotations

import warnings

import pytest

from detente.errors import ModelError
from detente.nlp import DEFAULT_MODEL, load, make_doc
from detente.records import Article


@pytest.mark.model
def test_default_model_loads_without_the_version_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load(stages=())
    assert not [w for w in caught if "W095" in str(w.message)]
    assert nlp.meta["name"] == DEFAULT_MODEL.removeprefix("en_")
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


@pytest.mark.model
def test_md_model_output_is_stable_on_spacy_38():
    # en_core_web_md 3.7.1 runs on spaCy 3.8 across a minor version; these are its
    # outputs on a fixed sentence, which a broken load (wrong vectors, bad config) changes.
    nlp = load(stages=())
    doc = nlp(
        "Japanese Prime Minister Shinzo Abe met President Donald Trump in Washington on Friday."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Shinzo Abe", "PERSON") in ents
    assert ("Donald Trump", "PERSON") in ents
    assert ("Washington", "GPE") in ents
    met = doc[5]
    assert met.text == "met" and met.dep_ == "ROOT" and met.pos_ == "VERB"
    assert doc[4].dep_ == "nsubj" and doc[4].head.i == met.i
    assert doc.vocab.vectors.shape[1] == 300


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load spaCy pipeline 'no_such_model'"):
        load("no_such_model")


def test_stages_are_added_in_order(nlp):
    ours = [name for name in nlp.pipe_names if name.startswith("detente_")]
    # sentence boundaries are set before the parser, which keeps them
    assert nlp.pipe_names.index("detente_segments") < nlp.pipe_names.index("parser")
    assert ours == [
        "detente_segments",
        "detente_doc",
        "detente_actors",
        "detente_quotes",
        "detente_events",
    ]
    doc = nlp(make_doc(nlp, Article(ref="t", text="Abe met Trump.", date="2017-02-10")))
    assert doc._.doc_id == Article(ref="t", text="Abe met Trump.").doc_id
    assert str(doc._.date) == "2017-02-10"


@pytest.mark.model
def test_quotation_marks_glued_to_words_are_split():
    nlp = load(stages=())
    words = [t.text for t in nlp.make_doc('He said,“Look.”Then she said:"No"and left.')]
    assert words[:5] == ["He", "said", ",", "“", "Look"]
    assert "”" in words and "Then" in words
    assert words[-8:-1] == ["said", ":", '"', "No", '"', "and", "left"]
    assert [t.text for t in nlp.make_doc("Abe’s visit to the U.S.")] == [
        "Abe",
        "’s",
        "visit",
        "to",
        "the",
        "U.S.",
    ]


def test_stages_declare_what_they_read_and_write(nlp):
    """spaCy's pipeline analysis finds every attribute a stage requires assigned before it."""
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not missing for missing in problems.values()), problems


def test_nlp_of_a_bare_text_gives_every_record_the_same_doc_id(nlp):
    doc = nlp("Shinzo Abe met Donald Trump in Washington. \u201cWe agree,\u201d Abe said.")
    ids = {r.doc_id for r in [*doc._.mentions, *doc._.quotes, *doc._.events]}
    assert doc._.mentions and doc._.quotes and doc._.events
    assert ids == {Article(ref="t", text=doc.text).doc_id}
