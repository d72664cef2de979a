"""The shared parse walks, on parses built by hand (no model): a red test here is the walk."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from detente.nlp.syntax import (
    CLAUSE_DEPS,
    governing_verb,
    has_own_subject,
    inherited_subject,
    is_passive,
    passive_agent,
    passive_subject,
    predicate_words,
    prepositional_objects,
    pruned_subtree,
    sentence_numbers,
    subject_of,
)

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def parse(words: str, heads: list[int], deps: str, pos: str) -> Doc:
    return Doc(VOCAB, words=words.split(), heads=heads, deps=deps.split(), pos=pos.split())


def test_passive_subject_and_agent():
    doc = parse(
        "Japan was attacked by Russia",
        [2, 2, 2, 2, 3],
        "nsubjpass auxpass ROOT agent pobj",
        "PROPN AUX VERB ADP PROPN",
    )
    verb = doc[2]
    assert subject_of(verb).text == "Japan" and passive_subject(verb).text == "Japan"
    assert is_passive(verb) and passive_agent(verb).text == "Russia"
    assert governing_verb(doc[4]) == verb


def test_a_verb_borrows_its_governors_subject():
    # "Trump stood and said it" : "said" has no subject of its own
    doc = parse(
        "Trump stood and said it",
        [1, 1, 1, 1, 3],
        "nsubj ROOT cc conj dobj",
        "PROPN VERB CCONJ VERB PRON",
    )
    said = doc[3]
    assert subject_of(said) is None and not has_own_subject(said)
    assert inherited_subject(said).text == "Trump"
    assert has_own_subject(doc[1])


def test_prepositional_objects_in_order_and_by_preposition():
    doc = parse(
        "Abe met Putin in Tokyo with aides",
        [1, 1, 1, 1, 3, 1, 5],
        "nsubj ROOT dobj prep pobj prep pobj",
        "PROPN VERB PROPN ADP PROPN ADP NOUN",
    )
    verb = doc[1]
    assert [(p.text, o.text) for p, o in prepositional_objects(verb)] == [
        ("in", "Tokyo"),
        ("with", "aides"),
    ]
    assert [o.text for _p, o in prepositional_objects(verb, {"with"})] == ["aides"]


def test_pruned_subtree_leaves_out_clauses():
    # "Abe said Trump agreed": the complement clause is not "said"'s own words
    doc = parse(
        "Abe said Trump agreed",
        [1, 1, 3, 1],
        "nsubj ROOT nsubj ccomp",
        "PROPN VERB PROPN VERB",
    )
    words = pruned_subtree(doc[1], lambda child, _parent: child.dep_ in CLAUSE_DEPS)
    assert [t.text for t in words] == ["Abe", "said"]


def test_sentence_numbers_follow_the_parse():
    doc = parse(
        "Abe spoke . Trump left .",
        [1, 1, 1, 4, 4, 4],
        "nsubj ROOT punct nsubj ROOT punct",
        "PROPN VERB PUNCT PROPN VERB PUNCT",
    )
    starts, number = sentence_numbers(doc)
    assert starts == [0, 3, 6] and number == [0, 0, 0, 1, 1, 1]
    assert sentence_numbers(Doc(VOCAB, words=[])) == ([0], [])


def test_predicate_words_are_subjectless_adjective_complements():
    # "Trump let loose on Mexico" / "Trump made Mexico angry" / "Trump spoke directly to Abe"
    loose = parse(
        "Trump let loose on Mexico",
        [1, 1, 1, 2, 3],
        "nsubj ROOT ccomp prep pobj",
        "PROPN VERB ADJ ADP PROPN",
    )
    assert [t.text for t in predicate_words(loose[1])] == ["loose"]
    angry = parse(
        "Trump made Mexico angry",
        [1, 1, 3, 1],
        "nsubj ROOT nsubj ccomp",
        "PROPN VERB PROPN ADJ",
    )
    assert predicate_words(angry[1]) == []
    directly = parse(
        "Trump spoke directly to Abe",
        [1, 1, 1, 1, 3],
        "nsubj ROOT advmod prep pobj",
        "PROPN VERB ADV ADP PROPN",
    )
    assert predicate_words(directly[1]) == []
