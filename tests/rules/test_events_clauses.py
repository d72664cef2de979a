"""The clause structure event coding reads (``events/clauses.py``), on parses built by hand."""

from __future__ import annotations

from parses import parse

from detente.events.clauses import (
    clause_tokens,
    coordinated,
    embedded_subject,
    has_unmatched_object,
    is_date_phrase,
    place_scope,
    relative_antecedent,
    relative_clauses,
    verb_subject,
)

RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})


def texts(found) -> list[str]:
    return [t.text for t in found]


PRAISED_AND_PLEDGED = """
    Trump    nsubj  praised  PROPN
    praised  ROOT   -        VERB   VBD  lemma=praise
    Japan    dobj   praised  PROPN
    on       prep   praised  ADP
    Friday   pobj   on       PROPN  NNP  ent=DATE
    and      cc     praised  CCONJ
    pledged  conj   praised  VERB   VBD  lemma=pledge
    to       aux    defend   PART
    defend   xcomp  pledged  VERB   VB
    it       dobj   defend   PRON
"""


def test_a_clause_leaves_out_its_subject_and_coordinated_verbs():
    doc = parse(PRAISED_AND_PLEDGED)
    assert texts(clause_tokens(doc[1])) == ["praised", "Japan", "on", "Friday", "and"]


def test_a_clause_may_leave_out_its_time_phrases_and_take_in_its_infinitives():
    doc = parse(PRAISED_AND_PLEDGED)
    assert texts(clause_tokens(doc[1], skip_dates=True)) == ["praised", "Japan", "and"]
    assert texts(clause_tokens(doc[6])) == ["pledged"]
    assert texts(clause_tokens(doc[6], include_xcomp=True)) == ["pledged", "to", "defend", "it"]


CALLED_FOR = """
    Britain   nsubj      called    PROPN
    called    ROOT       -         VERB   VBD  lemma=call
    for       {for_dep}  {for_head}  {for_pos}
    an        det        body      DET
    independent amod     body      ADJ
    body      nsubjpass  set       NOUN   NN
    to        aux        set       PART
    be        auxpass    set       AUX
    set       advcl      called    VERB   VBN
    up        prt        set       ADP
    .         punct      called    PUNCT  .
"""


def test_a_for_clause_gives_the_verb_its_for_and_the_clauses_subject():
    """ "called for an independent body to be set up": "for" is the mark of the infinitive
    clause; with its infinitives, the verb's words are "for" and the clause's subject, as
    in "called for measures"; not a "for" that marks a clause without "to"."""
    doc = parse(CALLED_FOR.format(for_dep="mark", for_head="set", for_pos="SCONJ"))
    assert texts(clause_tokens(doc[1], include_xcomp=True)) == [
        "called", "for", "an", "independent", "body", ".",
    ]  # fmt: skip
    assert texts(clause_tokens(doc[1])) == ["called", "."]
    no_infinitive = CALLED_FOR.format(for_dep="mark", for_head="set", for_pos="SCONJ").replace(
        "to        aux        set       PART", "now       advmod     set       ADV"
    )
    assert "for" not in texts(clause_tokens(parse(no_infinitive)[1], include_xcomp=True))


def test_a_nouns_clause_keeps_its_own_words():
    doc = parse(
        """
        security  ROOT   -         NOUN
        of        prep   security  ADP
        Japan     pobj   of        PROPN
        """
    )
    assert texts(clause_tokens(doc[0])) == ["security", "of", "Japan"]


def test_time_phrases():
    doc = parse(PRAISED_AND_PLEDGED)
    assert is_date_phrase(doc[3]) and not is_date_phrase(doc[2])
    yesterday = parse("met ROOT - VERB VBD lemma=meet\nyesterday npadvmod met NOUN NN ent=DATE")
    assert is_date_phrase(yesterday[1])


def test_where_an_act_lands_is_its_phrase_and_participles_not_its_subject_or_clauses():
    # "Refugees in Chad said aid to people fleeing the war in Sudan arrived"
    doc = parse(
        """
        aid       nsubj  arrived  NOUN
        to        prep   aid      ADP
        people    pobj   to       NOUN   NNS
        fleeing   acl    people   VERB   VBG  lemma=flee
        Sudan     dobj   fleeing  PROPN
        arrived   ROOT   -        VERB   VBD  lemma=arrive
        in        prep   arrived  ADP
        Chad      pobj   in       PROPN
        which     nsubj  borders  PRON   WDT
        borders   relcl  Chad     VERB   VBZ  lemma=border
        Libya     dobj   borders  PROPN
        """
    )
    assert texts(place_scope(doc[5])) == ["arrived", "in", "Chad"]
    assert texts(place_scope(doc[0])) == ["aid", "to", "people", "fleeing", "Sudan"]


def test_coordinated_heads_take_in_appositions_of_names():
    # the parser often makes the second name an apposition and hangs the rest on it
    doc = parse(
        """
        Mordor  ROOT   -       PROPN
        ,       punct  Mordor  PUNCT
        Rohan   appos  Mordor  PROPN
        and     cc     Rohan   CCONJ
        Bree    conj   Rohan   PROPN
        """
    )
    assert texts(coordinated(doc[0])) == ["Mordor", "Rohan", "Bree"]
    assert texts(coordinated(doc[4])) == ["Bree"]  # a conjunct alone is itself


def test_the_object_of_a_relative_clause_is_its_antecedent():
    # "islands that Japan controls"
    doc = parse(
        """
        islands   ROOT   -         NOUN   NNS
        that      dobj   controls  PRON   WDT
        Japan     nsubj  controls  PROPN
        controls  relcl  islands   VERB   VBZ  lemma=control
        """
    )
    assert relative_antecedent(doc[3], RELATIVES).text == "islands"
    assert texts(relative_clauses(doc[0])) == ["controls"]


def test_a_verb_after_but_shares_the_relative_clauses_antecedent():
    # "islands that Japan controls but China claims", "claims" hung on the main verb
    doc = parse(
        """
        US        nsubj  defends   PROPN
        defends   ROOT   -         VERB   VBZ  lemma=defend
        islands   dobj   defends   NOUN   NNS
        that      dobj   controls  PRON   WDT
        Japan     nsubj  controls  PROPN
        controls  relcl  islands   VERB   VBZ  lemma=control
        but       cc     defends   CCONJ
        China     nsubj  claims    PROPN
        claims    conj   defends   VERB   VBZ  lemma=claim
        """
    )
    assert relative_antecedent(doc[8], RELATIVES).text == "islands"
    assert relative_antecedent(doc[1], RELATIVES) is None  # it has an object of its own


def test_the_subject_of_a_complement_clause():
    doc = parse(
        """
        Trump     nsubj  want      PROPN
        want      ROOT   -         VERB   VBP
        Russia    nsubj  creating  PROPN
        creating  ccomp  want      VERB   VBG  lemma=create
        bloc      dobj   creating  NOUN
        """
    )
    assert embedded_subject(doc[1]).text == "Russia"
    assert embedded_subject(doc[3]) is None
    assert verb_subject(doc[1]).text == "Trump"


def test_an_object_that_is_not_a_pronoun_may_change_a_verbs_sense():
    took = parse(
        "Japan nsubj took PROPN\ntook ROOT - VERB VBD lemma=take\nsteps dobj took NOUN NNS"
    )
    assert has_unmatched_object(took[1])
    discuss = parse(
        "Japan nsubj discussed PROPN\ndiscussed ROOT - VERB VBD lemma=discuss\nit dobj discussed PRON"
    )
    assert not has_unmatched_object(discuss[1])


def test_a_nouns_infinitive_does_not_say_where_the_act_lands():
    # "In an effort to win a Pennsylvania seat, Trump imposed tariffs on steel in Ohio"
    doc = parse(
        """
        In            prep      imposed  ADP
        an            det       effort   DET
        effort        pobj      In       NOUN
        to            aux       win      PART
        win           acl       effort   VERB   VB
        a             det       seat     DET
        Pennsylvania  compound  seat     PROPN
        seat          dobj      win      NOUN
        ,             punct     imposed  PUNCT
        Trump         nsubj     imposed  PROPN
        imposed       ROOT      -        VERB   VBD  lemma=impose
        tariffs       dobj      imposed  NOUN   NNS
        in            prep      imposed  ADP
        Ohio          pobj      in       PROPN
        """
    )
    scope = texts(place_scope(doc[10]))
    assert "Pennsylvania" not in scope and "win" not in scope
    assert scope == ["In", "an", "effort", ",", "imposed", "tariffs", "in", "Ohio"]
