"""The parser contract, and the walks over a parse that every stage shares.

Our rules are written against the labels of spaCy's English pipelines: ClearNLP
dependency labels, Universal POS tags, Penn Treebank tags and OntoNotes entity labels.
They are named here once, so a change of parser is a change of this module. The walks
are pure functions of tokens: they work the same on a model's parse and on a ``Doc``
built by hand (``Doc(vocab, words=..., heads=..., deps=..., pos=...)``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

# -- dependency labels (ClearNLP) -----------------------------------------------------------------
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # nominal subjects, active and passive
CLAUSAL_SUBJECT_DEPS = SUBJECT_DEPS | {"csubj"}  # and "That he came surprised us"
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
# Dependents that are clauses of their own (their words are not their head's).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})  # a verb's clausal complements
# Dependents inside a noun phrase that say whose or which it is ("Japan's navy", "U.S. officials").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
# What a copula says its subject is: "is [ready]" (acomp), "is [a hero]" (attr).
PREDICATE_DEPS = frozenset({"acomp", "attr"})
# A verb without a subject of its own borrows the one of the verb it hangs from through these
# ("Trump stood and said", "Trump tweeted, saying").
SUBJECT_INHERITING_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acl"})
# Dependents that stay inside the noun phrase of a role word ("the [new] [Japanese] leader").
ROLE_MODIFIER_DEPS = frozenset(
    {"amod", "compound", "advmod", "nummod", "npadvmod", "nmod", "quantmod", "punct"}
)
# Dependents that belong inside a speaker's noun phrase ("the senior administration official").
SPEAKER_PHRASE_DEPS = frozenset(
    {"compound", "det", "amod", "poss", "nmod", "nummod", "case", "quantmod"}
)
# Where the parser hangs an inverted speaker it missed as a subject ('“…,” said the official').
INVERTED_SPEAKER_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "dative", "oprd"})

# -- part-of-speech tags (Universal) and fine tags (Penn) -----------------------------------------
VERBAL_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})  # words that can name who speaks
ROLE_MODIFIER_POS = frozenset({"ADJ", "NOUN", "ADV", "NUM", "PROPN", "VERB", "PUNCT"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})

# -- entity labels (OntoNotes) --------------------------------------------------------------------
NAMED_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def is_to_infinitive(verb: Token) -> bool:
    """The verb has the "to" of an infinitive ("to release", "not to be tempted"; the parser
    labels it aux, or auxpass before a passive)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children)


def has_modal(verb: Token, modals: Collection[str]) -> bool:
    """An auxiliary of ``verb`` is one of ``modals`` ("must return", "should stop")."""
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def child_with(token: Token, deps: Collection[str]) -> Token | None:
    """The first child of ``token`` whose dependency label is one of ``deps``."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def subject_of(verb: Token, deps: Collection[str] = SUBJECT_DEPS) -> Token | None:
    """The verb's own subject (``deps``: which labels count as one)."""
    return child_with(verb, deps)


def inherited_subject(verb: Token, *, steps: int = 4) -> Token | None:
    """The verb's subject, or, for a verb without one, the subject of the verb it hangs
    from (through ``SUBJECT_INHERITING_DEPS``, at most ``steps`` verbs up)."""
    token = verb
    for _ in range(steps):
        found = child_with(token, SUBJECT_DEPS)
        if found is not None:
            return found
        if token.dep_ not in SUBJECT_INHERITING_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def has_own_subject(verb: Token) -> bool:
    """A subject to the left of the verb: a clause of its own, not a bare verb phrase."""
    return any(child.dep_ in SUBJECT_DEPS for child in verb.lefts)


def passive_subject(verb: Token) -> Token | None:
    return child_with(verb, ("nsubjpass",))


def is_copula(verb: Token) -> bool:
    """A form of "be" used as a verb ("Trump [is] on the right path", "who [were] there").
    The lemmatizer lowercases the lemma of every verb, so "Is", "WAS" count; a token
    tagged otherwise (a proper noun "IS" in a headline) does not. (The copies this replaced
    in events/coder.py, quotes/speakers.py and actors/component.py read ``lemma_ == "be"``
    alone: they answer otherwise only for a token lemmatised "be" and tagged as no verb,
    the word "be" misread, which ``benchmarks/regression_dump.py`` does not meet.)"""
    return verb.lemma_.lower() == "be" and verb.pos_ in VERBAL_POS


def is_passive(verb: Token) -> bool:
    return child_with(verb, PASSIVE_DEPS) is not None


# A verb with one of these dependents has a clause of its own ("who were arrested", "has been
# indicted"); a verb with none is a bare participle or infinitive ("those detained").
CLAUSE_MARKER_DEPS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass"})


def is_bare_verb(verb: Token) -> bool:
    """No auxiliary and no nominal subject of its own: a bare participle or infinitive
    ("those [detained] by the police", "were injured or [killed]", "[Asked] about Putin")."""
    return not any(child.dep_ in CLAUSE_MARKER_DEPS for child in verb.children)


def infinitive_complement(verb: Token) -> Token | None:
    """The "to" infinitive after the verb that says what is to be done, when someone other
    than the verb's subject is to do it: the verb's object ("encouraged Iran to release",
    "challenged the opposition to announce", "warned Brown not to be tempted") or the
    infinitive's own subject ("encouraged senior officials to be interviewed"). An advcl is
    taken too: the parser labels so the infinitive of "The Government has challenged the
    Labor opposition to announce their tax policy" (real-news train, a demand, 100) as well
    as the purpose infinitive of "challenged the ruling to protect its authority" (110);
    telling them apart needs to know whether the object can act (an actor), not the label."""
    has_object = child_with(verb, OBJECT_DEPS) is not None
    for child in verb.rights:
        if child.dep_ not in ("xcomp", "ccomp", "advcl") or child.pos_ not in VERBAL_POS:
            continue
        if not is_to_infinitive(child):
            continue
        if has_object or child_with(child, SUBJECT_DEPS) is not None:
            return child
    return None


def finite_complement(verb: Token) -> Token | None:
    """The clause after the verb that says what is claimed, with a subject of its own and
    no "to" ("argued that ministers should not have the right", "suggested that Brown
    would meet his rule", "arguing he had to protect")."""
    for child in verb.rights:
        if child.dep_ != "ccomp" or child.pos_ not in VERBAL_POS:
            continue
        if is_to_infinitive(child):
            continue
        if child_with(child, CLAUSAL_SUBJECT_DEPS) is not None:
            return child
    return None


def is_subjunctive(verb: Token) -> bool:
    """A clause verb in its base form after a subject of its own, without an auxiliary:
    "suggested that Iran stop the tests", "demanded that he resign"."""
    return (
        verb.tag_ == "VB"
        and child_with(verb, SUBJECT_DEPS) is not None
        and child_with(verb, ("aux", "auxpass")) is None
    )


def prepositional_objects(
    token: Token, prepositions: Collection[str] | None = None
) -> Iterator[tuple[Token, Token]]:
    """``(preposition, its object)`` for each prepositional phrase on ``token`` ("talks
    [with] [Russia]"), optionally only those opened by one of ``prepositions``."""
    for prep in token.children:
        if prep.dep_ != "prep" or (prepositions is not None and prep.lower_ not in prepositions):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                yield prep, pobj


# dependencies the parser gives an adjective completing a predicate ("let [loose] on",
# "went [easy] on", "was [critical] of"); an adverb ("spoke [directly] to") only modifies
PREDICATE_WORD_DEPS = frozenset({"ccomp", "xcomp", "acomp", "oprd"})


def predicate_words(verb: Token) -> list[Token]:
    """The adjectives completing ``verb``'s predicate without a clause of their own: "Trump
    let [loose] on Mexico", "Iran was [critical] of Riyadh", "the army stayed [loyal] to
    Maduro". The parser hangs the predicate's prepositional phrase on the adjective; it is
    still the verb's (an adjective with its own subject is a small clause, not this)."""
    return [
        child
        for child in verb.children
        if child.dep_ in PREDICATE_WORD_DEPS and child.pos_ == "ADJ" and not has_own_subject(child)
    ]


def object_of_preposition(prep: Token) -> Token | None:
    return child_with(prep, ("pobj",))


PREPOSITION_COMPLEMENT_DEPS = frozenset({"pobj", "pcomp"})


def preposition_complement(prep: Token) -> Token | None:
    """What a preposition opens after it: its object ("accused [of] [crimes]") or the clause
    it introduces ("joked [about] [moving] to New Zealand"). Only what follows the word: a
    stranded preposition's object before it ("what he joked about") is not taken, unlike
    :func:`object_of_preposition`, which takes the object on either side but no clause."""
    for child in prep.rights:
        if child.dep_ in PREPOSITION_COMPLEMENT_DEPS:
            return child
    return None


def passive_agent(verb: Token) -> Token | None:
    """The doer of a passive verb: the object of its "by" phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            found = object_of_preposition(child)
            if found is not None:
                return found
    return None


def first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with ``token`` ("Japan and [China]" -> "Japan",
    "decent, fair minded and [dedicated]" -> "decent"): up its ``conj`` links to the top;
    ``token`` itself when it is no conjunct. It follows the links whichever way they point
    (the parser hangs a conjunct on an earlier one, but a misparse may not)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token``."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERBAL_POS:
            return ancestor
    return None


def pruned_subtree(head: Token, skip: Callable[[Token, Token], bool]) -> list[Token]:
    """``head``'s subtree in text order, leaving out every ``child`` (and what hangs on it)
    for which ``skip(child, parent)`` is true."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(child for child in tok.children if not skip(child, tok))
    out.sort(key=lambda t: t.i)
    return out


def sentence_numbers(doc: Doc) -> tuple[list[int], list[int]]:
    """``(starts, number)``: the first token of each sentence, followed by ``len(doc)``, and
    each token's sentence number (from the sentence starts the parser set, read as one
    array: iterating ``doc.sents`` costs more)."""
    n = len(doc)
    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    if n:
        starts[0] = True
    return numpy.flatnonzero(starts).tolist() + [n], (numpy.cumsum(starts) - 1).tolist()
