"""Speaker spans, descriptions and their actors (``quotes/speakers.py``), on parses built
by hand."""

from __future__ import annotations

from parses import parse

from detente.quotes.speakers import MentionIndex, speaker_description, speaker_noun_phrase
from detente.records import Mention

RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})


def test_the_speaker_phrase_is_the_head_and_its_left_modifiers():
    doc = parse(
        """
        said            ROOT      -         VERB   VBD  lemma=say
        the             det       official  DET    DT
        senior          amod      official  ADJ    JJ
        administration  compound  official  NOUN   NN
        official        nsubj     said      NOUN   NN
        """
    )
    assert speaker_noun_phrase(doc[4]).text == "the senior administration official"


def test_a_possessor_and_coordinated_speakers_are_part_of_the_phrase():
    doc = parse(
        """
        Japan   poss   envoy  PROPN  NNP
        's      case   Japan  PART   POS
        envoy   nsubj  said   NOUN   NN
        and     cc     envoy  CCONJ
        Putin   conj   envoy  PROPN  NNP
        said    ROOT   -      VERB   VBD  lemma=say
        """
    )
    assert speaker_noun_phrase(doc[2]).text == "Japan's envoy and Putin"


def test_words_after_the_head_other_than_a_conjunct_stay_out():
    doc = parse(
        """
        Haddad   nsubj  said    PROPN  NNP
        ,        punct  Haddad  PUNCT  ,
        adviser  appos  Haddad  NOUN   NN
        said     ROOT   -       VERB   VBD  lemma=say
        """
    )
    assert speaker_noun_phrase(doc[0]).text == "Haddad"


APPOSITIVE = """
    said     ROOT   -        VERB   VBD  lemma=say
    Omar     compound  Haddad PROPN NNP
    Haddad   nsubj  said     PROPN  NNP
    ,        punct  Haddad   PUNCT  ,
    a        det    adviser  DET
    senior   amod   adviser  ADJ
    adviser  appos  Haddad   NOUN   NN
    to       prep   adviser  ADP
    the      det    minister DET
    minister pobj   to       NOUN   NN
    .        punct  said     PUNCT  .
"""


def test_an_appositive_describes_the_speaker():
    doc = parse(APPOSITIVE)
    assert speaker_description(doc[2], RELATIVES) == "a senior adviser to the minister"


def test_an_appositive_inside_the_description_describes_its_own_word():
    # "Snyder, head of the Mansfield Foundation, a Washington think tank"
    doc = parse(
        """
        Snyder      nsubj     said        PROPN  NNP
        ,           punct     Snyder      PUNCT  ,
        head        appos     Snyder      NOUN   NN
        of          prep      head        ADP
        Mansfield   pobj      of          PROPN  NNP
        ,           punct     Mansfield   PUNCT  ,
        a           det       tank        DET
        think       compound  tank        NOUN
        tank        appos     Mansfield   NOUN   NN
        ,           punct     Snyder      PUNCT  ,
        said        ROOT      -           VERB   VBD  lemma=say
        """
    )
    assert speaker_description(doc[0], RELATIVES) == "head of Mansfield"


def test_a_relative_clause_describes_the_speaker_by_its_predicate():
    doc = parse(
        """
        Gonzalez   nsubj  said       PROPN  NNP
        ,          punct  Gonzalez   PUNCT  ,
        who        nsubj  is         PRON   WP
        is         relcl  Gonzalez   AUX    VBZ  lemma=be
        a          det    professor  DET
        professor  attr   is         NOUN   NN
        of         prep   professor  ADP
        law        pobj   of         NOUN   NN
        ,          punct  Gonzalez   PUNCT  ,
        said       ROOT   -          VERB   VBD  lemma=say
        """
    )
    assert speaker_description(doc[0], RELATIVES) == "a professor of law"
    doc = parse(
        """
        Gonzalez   nsubj  said       PROPN  NNP
        ,          punct  Gonzalez   PUNCT  ,
        who        nsubj  teaches    PRON   WP
        teaches    relcl  Gonzalez   VERB   VBZ  lemma=teach
        law        dobj   teaches    NOUN   NN
        ,          punct  Gonzalez   PUNCT  ,
        said       ROOT   -          VERB   VBD  lemma=say
        """
    )
    assert speaker_description(doc[0], RELATIVES) == "teaches law"
    assert speaker_description(doc[2], RELATIVES) is None


def mention(start: int, end: int, actor_id: str | None) -> Mention:
    return Mention(
        "d", start, end, "x" * (end - start), "person", actor_id, None, None, None, None, "kb"
    )


def test_the_speakers_actor_is_the_mention_over_its_head_word():
    # "Japanese Prime Minister Shinzo Abe": the role phrase and the name overlap the speaker
    index = MentionIndex([mention(0, 8, None), mention(9, 34, "person:shinzo-abe")])
    assert index.best(0, 34, 29, 34).actor_id == "person:shinzo-abe"
    assert index.best(0, 8, 0, 8).actor_id is None  # only the uncoded one overlaps
    assert index.best(40, 50, 40, 45) is None
    assert MentionIndex(None).best(0, 5, 0, 5) is None
