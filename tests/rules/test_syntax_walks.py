"""The shared parse walks of ``nlp/syntax.py`` where they stop or find nothing (their main
cases: tests/test_syntax.py), on parses built by hand."""

from __future__ import annotations

from parses import parse

from detente.nlp.syntax import (
    CLAUSAL_SUBJECT_DEPS,
    PREDICATE_DEPS,
    child_with,
    first_conjunct,
    governing_verb,
    has_modal,
    has_own_subject,
    inherited_subject,
    is_bare_verb,
    is_copula,
    is_passive,
    is_to_infinitive,
    object_of_preposition,
    passive_agent,
    preposition_complement,
    prepositional_objects,
    subject_of,
)

# "That he came surprised us": a clausal subject
CLAUSAL = """
    That       mark   came       SCONJ
    he         nsubj  came       PRON
    came       csubj  surprised  VERB   VBD  lemma=come
    surprised  ROOT   -          VERB   VBD  lemma=surprise
    us         dobj   surprised  PRON
"""


def test_a_clausal_subject_counts_only_when_asked_for():
    doc = parse(CLAUSAL)
    assert subject_of(doc[3]) is None
    assert subject_of(doc[3], CLAUSAL_SUBJECT_DEPS).text == "came"
    assert child_with(doc[3], ("dobj",)).text == "us" and child_with(doc[3], ("iobj",)) is None


def test_a_subject_is_inherited_only_through_inheriting_labels():
    # a complement clause (ccomp) inherits no subject; infinitives, conjuncts ... do
    doc = parse(
        """
        Abe     nsubj  said    PROPN
        said    ROOT   -       VERB   VBD  lemma=say
        to      aux    leave   PART
        leave   ccomp  said    VERB   VB
        """
    )
    assert inherited_subject(doc[3]) is None


def test_inheriting_a_subject_stops_after_some_steps():
    # "Abe wanted to try to hope to leave": it looks at four verbs at the most
    doc = parse(
        """
        Abe     nsubj  wanted  PROPN
        wanted  ROOT   -       VERB   VBD  lemma=want
        to      aux    try     PART
        try     xcomp  wanted  VERB   VB
        to      aux    hope    PART
        hope    xcomp  try     VERB   VB
        to      aux    leave   PART
        leave   xcomp  hope    VERB   VB
        """
    )
    assert inherited_subject(doc[7]).text == "Abe"
    assert inherited_subject(doc[7], steps=2) is None


def test_a_subject_after_the_verb_is_no_own_subject():
    # '"...," said the official': an inverted subject does not open a clause of its own
    doc = parse(
        """
        said      ROOT   -     VERB   VBD  lemma=say
        the       det    official  DET
        official  nsubj  said  NOUN
        """
    )
    assert subject_of(doc[0]).text == "official" and not has_own_subject(doc[0])


def test_walks_that_find_nothing():
    doc = parse(
        """
        Japan   nsubj  left  PROPN
        left    ROOT   -     VERB   VBD  lemma=leave
        in      prep   left  ADP
        """
    )
    assert passive_agent(doc[1]) is None
    assert list(prepositional_objects(doc[1])) == []  # "in" has no object
    assert object_of_preposition(doc[2]) is None
    assert governing_verb(doc[1]) is None  # the root has no verb above it
    assert governing_verb(doc[2]).text == "left"


def test_a_verb_is_passive_by_its_auxiliary_or_its_passive_subject():
    # "Abe was told", "the talks, held in Oslo": quotes and statements ask the same question
    doc = parse(
        """
        Abe    nsubjpass  told  PROPN
        was    auxpass    told  AUX
        told   ROOT       -     VERB   VBN  lemma=tell
        """
    )
    assert is_passive(doc[2])
    held = parse(
        """
        talks  ROOT     -      NOUN
        held   acl      talks  VERB  VBN  lemma=hold
        in     prep     held   ADP
        Oslo   pobj     in     PROPN
        """
    )
    assert not is_passive(held[1])  # a participle alone is not marked passive
    assert not is_passive(doc[0])


def test_a_preposition_opens_an_object_or_a_clause_after_it():
    # "joked about moving": a clause (pcomp) counts as what the preposition opens
    doc = parse(
        """
        Trump   nsubj  joked   PROPN
        joked   ROOT   -       VERB   VBD  lemma=joke
        about   prep   joked   ADP
        moving  pcomp  about   VERB   VBG  lemma=move
        """
    )
    assert preposition_complement(doc[2]).text == "moving"
    assert object_of_preposition(doc[2]) is None  # no noun object


def test_a_stranded_prepositions_object_before_it_is_no_complement():
    # "what he joked about": the object stands before the preposition
    doc = parse(
        """
        what   pobj   about   PRON
        he     nsubj  joked   PRON
        joked  ROOT   -       VERB  VBD  lemma=joke
        about  prep   joked   ADP
        """
    )
    assert preposition_complement(doc[3]) is None
    assert object_of_preposition(doc[3]).text == "what"


def test_a_bare_participle_has_no_auxiliary_and_no_subject():
    # "those detained were released": "detained" is bare, "were released" is not
    doc = parse(
        """
        those     nsubjpass  released  PRON
        detained  acl        those     VERB  VBN  lemma=detain
        were      auxpass    released  AUX
        released  ROOT       -         VERB  VBN  lemma=release
        """
    )
    assert is_bare_verb(doc[1])
    assert not is_bare_verb(doc[3])
    # a subject alone is enough for a clause of its own: "Abe met"
    met = parse(
        """
        Abe  nsubj  met  PROPN
        met  ROOT   -    VERB  VBD  lemma=meet
        """
    )
    assert not is_bare_verb(met[1])


def test_a_copula_is_a_verbal_be_whatever_its_case():
    # "Trump Is Ready": a verb "Is" (lemma "be") is a copula; "ready" is its predicate
    doc = parse(
        """
        Trump  nsubj  Is  PROPN
        Is     ROOT   -   AUX   VBZ  lemma=be
        ready  acomp  Is  ADJ
        """
    )
    assert is_copula(doc[1]) and doc[2].dep_ in PREDICATE_DEPS
    assert not is_copula(doc[0]) and not is_copula(doc[2])
    # a headline's "IS" tagged a proper noun is no verb; a capitalised lemma counts as "be"
    headline = parse(
        """
        IRAN   compound  IS  PROPN
        IS     ROOT      -   PROPN  NNP  lemma=IS
        Be     ROOT      -   AUX    VB   lemma=Be
        """
    )
    assert not is_copula(headline[1])
    assert is_copula(headline[2])


def test_the_first_conjunct_is_the_top_of_the_conj_chain():
    # "Japan, China and Korea met": Korea hangs on China, China on Japan
    doc = parse(
        """
        Japan  nsubj  met    PROPN
        ,      punct  Japan  PUNCT
        China  conj   Japan  PROPN
        and    cc     China  CCONJ
        Korea  conj   China  PROPN
        met    ROOT   -      VERB   VBD  lemma=meet
        """
    )
    assert first_conjunct(doc[4]).text == "Japan"
    assert first_conjunct(doc[0]).text == "Japan"  # no conjunct: itself
    assert first_conjunct(doc[5]).text == "met"


def test_the_to_of_an_infinitive_and_a_modal():
    """is_to_infinitive: the "to" the parser labels aux, or auxpass before a passive ("not to
    be tempted"); "going to Paris" has a preposition "to", no infinitive. has_modal: an
    auxiliary among the words given ("should stop"), not any auxiliary ("has stopped")."""
    tempted = """
        warned   ROOT     -        VERB   VBD
        Brown    dobj     warned   PROPN  NNP
        to       {dep}    tempted  PART   TO
        be       auxpass  tempted  AUX    VB
        tempted  xcomp    warned   VERB   VBN
    """
    for dep in ("aux", "auxpass"):
        doc = parse(tempted.format(dep=dep))
        assert is_to_infinitive(doc[4]) and not is_to_infinitive(doc[0])
    going = parse(
        """
        going  ROOT  -      VERB   VBG
        to     prep  going  ADP    IN
        Paris  pobj  to     PROPN  NNP
        """
    )
    assert not is_to_infinitive(going[0])
    stop = """
        Iran    nsubj  stop  PROPN  NNP
        {aux}   aux    stop  AUX    {tag}
        stop    ROOT   -     VERB   VB
    """
    obligations = {"should", "must"}
    assert has_modal(parse(stop.format(aux="should", tag="MD"))[2], obligations)
    assert not has_modal(parse(stop.format(aux="will", tag="MD"))[2], obligations)
