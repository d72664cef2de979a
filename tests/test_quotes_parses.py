"""Reported-speech rules on parses built by hand (no model): a red test here is the rule."""

from __future__ import annotations

from dataclasses import replace

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
    coarse |= {"CD": "NUM", "WDT": "PRON", "NNPS": "PROPN", "PRP$": "PRON"}
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


# --- 'according to' --------------------------------------------------------------------


def test_according_to_after_a_clause_opener_attributes_that_clause_only(lexicon):
    # 'Because, according to the minister, the army had left, the town fell': the phrase
    # attributes the subordinate clause it opens, which ends before the main clause
    doc = parse(
        "Because , according to the minister , the army had left , the town fell .",
        [10, 10, 10, 2, 5, 3, 10, 8, 10, 10, 14, 14, 13, 14, 14, 14],
        "mark punct prep prep det pobj punct det nsubj aux advcl punct det nsubj ROOT punct",
        "IN , VBG IN DT NN , DT NN VBD VBN , DT NN VBD .",
        "because , accord to the minister , the army have leave , the town fall .",
    )
    assert reported(doc, lexicon) == [("the army had left", "the minister")]


def test_according_to_before_a_coordinator_attributes_the_clause_before(lexicon):
    # the longer side is after the phrase, but ', and' after it closes what it attributes
    doc = parse(
        "The senator leads in Ohio , according to the poll , and trails the governor in Iowa .",
        [1, 2, 2, 2, 3, 2, 2, 6, 9, 7, 2, 2, 2, 14, 12, 12, 15, 2],
        "det nsubj ROOT prep pobj punct prep prep det pobj punct cc conj det dobj prep pobj punct",
        "DT NN VBZ IN NNP , VBG IN DT NN , CC VBZ DT NN IN NNP .",
        "the senator lead in Ohio , accord to the poll , and trail the governor in Iowa .",
    )
    assert reported(doc, lexicon) == [("The senator leads in Ohio", "the poll")]


def test_according_to_after_a_relative_clause_attributes_that_clause(lexicon):
    doc = parse(
        "He closed the gap , which stood at 263 , according to the AP .",
        [1, 1, 3, 1, 3, 6, 3, 6, 7, 1, 1, 10, 13, 11, 1],
        "nsubj ROOT det dobj punct nsubj relcl prep pobj punct prep prep det pobj punct",
        "PRP VBD DT NN , WDT VBD IN CD , VBG IN DT NNP .",
        "he close the gap , which stand at 263 , accord to the AP .",
    )
    assert reported(doc, lexicon) == [("which stood at 263", "the AP")]


# 'He says it closes the gap, which stood at 263, <cue> the AP.', the cue's words hung on
# the reported verb one by one (its last word, the preposition, holds the source)
CUES = {
    ("according", "to"): (
        "according to the AP",
        [3, 12, 15, 13],
        "prep prep det pobj",
        "VBG IN DT NNP",
        "accord to the AP",
    ),
    ("in", "the", "words", "of"): (
        "in the words of the AP",
        [3, 14, 12, 3, 17, 15],
        "prep det pobj prep det pobj",
        "IN DT NNS IN DT NNP",
        "in the word of the AP",
    ),
}


@pytest.mark.parametrize("cue", list(CUES), ids=" ".join)
def test_a_report_stops_before_a_trailing_attribution_of_any_length(lexicon, cue):
    words, heads, deps, tags, lemmas = CUES[cue]
    lexicon = replace(lexicon, prepositional_cues=(("according", "to"), cue))
    doc = parse(
        f"He says it closes the gap , which stood at 263 , {words} .",
        [1, 1, 3, 1, 5, 3, 5, 8, 5, 8, 9, 3, *heads, 1],
        "nsubj ROOT nsubj ccomp det dobj punct nsubj relcl prep pobj punct " + deps + " punct",
        "PRP VBZ PRP VBZ DT NN , WDT VBD IN CD , " + tags + " .",
        "he say it close the gap , which stand at 263 , " + lemmas + " .",
    )
    assert reported(doc, lexicon) == [
        ("it closes the gap , which stood at 263", "He"),
        ("which stood at 263", "the AP"),
    ]


def test_a_one_word_cue_takes_its_own_object_as_the_source(lexicon):
    lexicon = replace(lexicon, prepositional_cues=(("according", "to"), ("per",)))
    doc = parse(
        "Prices will rise , per the bank .",
        [2, 2, 2, 2, 2, 6, 4, 2],
        "nsubj aux ROOT punct prep det pobj punct",
        "NNS MD VB , IN DT NN .",
        "price will rise , per the bank .",
    )
    quotes = extract_quotes(doc, lexicon)
    assert [(q.text, q.cue, q.speaker) for q in quotes] == [("Prices will rise", "per", "the bank")]


def test_a_reported_noun_object_takes_the_as_phrase_that_says_what_it_is(lexicon):
    # 'mentioned China as a possible suspect': the "as" phrase is what is said of China
    doc = parse(
        "Lawmakers had mentioned China as a possible suspect .",
        [2, 2, 2, 2, 2, 7, 7, 4, 2],
        "nsubj aux ROOT dobj prep det amod pobj punct",
        "NNS VBD VBN NNP IN DT JJ NN .",
        "lawmaker have mention China as a possible suspect .",
    )
    assert reported(doc, lexicon) == [("China as a possible suspect", "Lawmakers")]
    # a circumstance after the object is not part of it
    doc = parse(
        "Trump announced his position during an interview .",
        [1, 1, 3, 1, 1, 6, 4, 1],
        "nsubj ROOT poss dobj prep det pobj punct",
        "NNP VBD PRP NN IN DT NN .",
        "Trump announce his position during an interview .",
    )
    assert reported(doc, lexicon) == [("his position", "Trump")]


def test_an_object_controlled_infinitive_is_reported_with_its_object(lexicon):
    # both golds: 'urged members to reject the offer' reports 'members to reject the offer'
    doc = parse(
        "The union urged members to reject the offer .",
        [1, 2, 2, 2, 5, 2, 7, 5, 2],
        "det nsubj ROOT dobj aux xcomp det dobj punct",
        "DT NN VBD NNS TO VB DT NN .",
        "the union urge member to reject the offer .",
    )
    assert reported(doc, lexicon) == [("members to reject the offer", "The union")]
    # a first-person object stays out: inside the quote it would read as the speaker
    doc = parse(
        "The president asked me to stay on .",
        [1, 2, 2, 2, 5, 2, 5, 2],
        "det nsubj ROOT dobj aux xcomp prt punct",
        "DT NN VBD PRP TO VB RB .",
        "the president ask I to stay on .",
    )
    assert reported(doc, lexicon) == [("to stay on", "The president")]


def test_a_that_clause_the_parser_hung_on_an_adjunct_is_what_the_verb_reports(lexicon):
    # 'He said during his speech that taxes will rise': the parser makes the clause a
    # relative clause of "speech"; a relative "that" is no marker, so it is the report
    doc = parse(
        "He said during his speech that taxes will rise .",
        [1, 1, 1, 4, 2, 8, 8, 8, 4, 1],
        "nsubj ROOT prep poss pobj mark nsubj aux acl punct",
        "PRP VBD IN PRP NN IN NNS MD VB .",
        "he say during his speech that tax will rise .",
    )
    assert reported(doc, lexicon) == [("taxes will rise", "He")]
    # 'said in a statement that …': the verb's report, not a second one of the noun's
    doc = parse(
        "The ministry said in a statement that the talks had failed .",
        [1, 2, 2, 2, 5, 3, 10, 8, 10, 10, 5, 2],
        "det nsubj ROOT prep det pobj mark det nsubj aux acl punct",
        "DT NN VBD IN DT NN IN DT NNS VBD VBN .",
        "the ministry say in a statement that the talk have fail .",
    )
    assert reported(doc, lexicon) == [("the talks had failed", "The ministry")]


def test_a_relative_clause_in_an_adjunct_is_no_report_after_an_object(lexicon):
    # the verb reports its object; a "that" the parser marked in a relative clause of an
    # adjunct does not replace it
    doc = parse(
        "The poll predicted victory in states that Republicans lost .",
        [1, 2, 2, 2, 2, 4, 8, 8, 5, 2],
        "det nsubj ROOT dobj prep pobj mark nsubj relcl punct",
        "DT NN VBD NN IN NNS IN NNPS VBD .",
        "the poll predict victory in state that Republicans lose .",
    )
    assert [text for text, _ in reported(doc, lexicon)] == ["victory"]


# --- passives ----------------------------------------------------------------------------


def test_a_passive_report_with_a_predicate_reports_subject_and_predicate(lexicon):
    # 'Sanders was declared the winner in Rhode Island': 'Sanders is the winner' was said
    doc = parse(
        "Sanders was declared the winner in Rhode Island .",
        [2, 2, 2, 4, 2, 4, 7, 5, 2],
        "nsubjpass auxpass ROOT det oprd prep compound pobj punct",
        "NNP VBD VBN DT NN IN NNP NNP .",
        "Sanders be declare the winner in Rhode Island .",
    )
    assert reported(doc, lexicon) == [("Sanders was declared the winner in Rhode Island", None)]


def test_a_shared_subject_leaves_the_predicate_alone_reported(lexicon):
    # 'Mr. Effron is a donor and has been mentioned as a potential secretary': the subject
    # sits before another verb; what was said of him is the predicate
    doc = parse(
        "Effron is a donor and has been mentioned as a potential secretary .",
        [1, 1, 3, 1, 1, 7, 7, 1, 7, 11, 11, 8, 1],
        "nsubj ROOT det attr cc aux auxpass conj prep det amod pobj punct",
        "NNP VBZ DT NN CC VBZ VBN VBN IN DT JJ NN .",
        "Effron be a donor and have be mention as a potential secretary .",
    )
    assert reported(doc, lexicon) == [("a potential secretary", None)]


def test_a_passive_report_without_a_predicate_reports_no_bare_subject(lexicon):
    # 'The deal was announced': a noun phrase with no agent, which our guideline leaves out
    doc = parse(
        "The deal was announced .",
        [1, 3, 3, 3, 3],
        "det nsubjpass auxpass ROOT punct",
        "DT NN VBD VBN .",
        "the deal be announce .",
    )
    assert reported(doc, lexicon) == []


def test_a_finding_passive_with_a_predicate_is_no_report(lexicon):
    # 'When terrorists are revealed as part of the front': found out, not said
    doc = parse(
        "Terrorists are revealed as part of the front .",
        [2, 2, 2, 2, 3, 4, 7, 5, 2],
        "nsubjpass auxpass ROOT prep pobj prep det pobj punct",
        "NNS VBP VBN IN NN IN DT NN .",
        "terrorist be reveal as part of the front .",
    )
    assert reported(doc, lexicon) == []


def test_an_evidential_passive_reports_its_subject_with_the_infinitive(lexicon):
    # 'Some advisers are said to be urging the governor': the subject is the infinitive's
    # own, so both are the statement; no one is named as its speaker
    doc = parse(
        "Some advisers are said to be urging the governor .",
        [1, 3, 3, 3, 6, 6, 3, 8, 6, 3],
        "det nsubjpass auxpass ROOT aux aux xcomp det dobj punct",
        "DT NNS VBP VBN TO VB VBG DT NN .",
        "some adviser be say to be urge the governor .",
    )
    assert reported(doc, lexicon) == [("Some advisers are said to be urging the governor", None)]


def test_an_expletive_passive_infinitive_is_no_evidential_report(lexicon):
    # 'It is said to matter': an expletive subject says nothing the infinitive is about
    doc = parse(
        "It is said to matter .",
        [2, 2, 2, 4, 2, 2],
        "nsubjpass auxpass ROOT aux xcomp punct",
        "PRP VBZ VBN TO VB .",
        "it be say to matter .",
    )
    assert reported(doc, lexicon) == []
