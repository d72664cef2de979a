"""Two actors named again as a pair (``actors/pairs.py``): "Rice and Straw ... the pair",
"Tehran and Riyadh ... the two countries", on parses built by hand with the shipped
knowledge base."""

from __future__ import annotations

import pytest
from parses import parse, span_of

from detente.actors.component import ActorResolver
from detente.actors.pairs import find_pair_references
from detente.knowledge.actors import PairNoun

NOUNS = {
    "pair": PairNoun("any", True),
    "country": PairNoun("state", False),
    "leader": PairNoun("person", False),
    "man": PairNoun("person", False),
}
QUANTIFIERS = frozenset({"two", "both"})
DEFINITE = frozenset({"the"})


@pytest.fixture(scope="module")
def resolve(knowledge):
    stage = ActorResolver(None, knowledge=knowledge)
    return lambda table: stage(parse(table, date="2017-02-10"))


def covering(doc, words: str):
    span = span_of(doc, words)
    return [m for m in doc._.mentions if m.start <= span.start_char and span.end_char <= m.end]


def _references(table: str):
    doc = parse(table)
    lowers = [t.lower_ for t in doc]
    return find_pair_references(doc, lowers, NOUNS, QUANTIFIERS, DEFINITE, [0] * len(doc))


def _phrase(opening: str, noun: str, lemma: str, tag: str):
    """ "<opening> <noun> met ." with each opening word a determiner or a number of the noun."""
    rows = "\n".join(
        f"{word}  {'nummod' if word == 'two' else 'det'}  {noun}  "
        f"{'NUM' if word == 'two' else 'DET'}  {'CD' if word == 'two' else 'DT'}"
        for word in opening.split()
    )
    return f"""
        {rows}
        {noun}  nsubj  met  NOUN  {tag}  lemma={lemma}
        met     ROOT   -    VERB  VBD   lemma=meet
        .       punct  met  PUNCT .
        """


@pytest.mark.parametrize(
    ("opening", "noun", "lemma", "tag"),
    [
        ("The", "pair", "pair", "NN"),
        ("the two", "countries", "country", "NNS"),
        ("both", "leaders", "leader", "NNS"),
    ],
)
def test_a_pair_noun_or_a_plural_one_counted_two_points_back(opening, noun, lemma, tag):
    (reference,) = _references(_phrase(opening, noun, lemma, tag))
    assert (reference.start, reference.end) == (0, len(opening.split()) + 1)
    assert reference.antecedents == NOUNS[lemma].antecedents


@pytest.mark.parametrize(
    ("opening", "noun", "lemma", "tag"),
    [
        ("two", "countries", "country", "NNS"),  # indefinite: two new ones
        ("the", "countries", "country", "NNS"),  # not counted
        ("the", "leader", "leader", "NN"),  # one person
        ("a", "pair", "pair", "NN"),  # a new pair
    ],
)
def test_a_phrase_that_does_not_count_two_known_actors_is_no_pair(opening, noun, lemma, tag):
    assert _references(_phrase(opening, noun, lemma, tag)) == []


def test_a_pair_of_kinds_joined_by_and_is_no_pair():
    assert (
        _references(
            """
            both   det    men    DET   DT
            men    nsubj  spoke  NOUN  NNS  lemma=man
            and    cc     men    CCONJ CC
            women  conj   men    NOUN  NNS  lemma=woman
            spoke  ROOT   -      VERB  VBD  lemma=speak
            .      punct  spoke  PUNCT .
            """
        )
        == []
    )


TEHRAN_AND_WASHINGTON = """
    The        det    dispute     DET   DT
    dispute    nsubj  deepened    NOUN  NN
    between    prep   dispute     ADP   IN
    Tehran     pobj   between     PROPN NNP  ent=GPE
    and        cc     Tehran      CCONJ CC
    Washington conj   Tehran      PROPN NNP  ent=GPE
    deepened   ROOT   -           VERB  VBD  lemma=deepen
    .          punct  deepened    PUNCT .
    """


def test_the_two_countries_are_the_two_states_just_joined_by_and(resolve):
    doc = resolve(
        TEHRAN_AND_WASHINGTON
        + """
        The        det    countries   DET   DT
        two        nummod countries   NUM   CD
        countries  nsubj  talked      NOUN  NNS  lemma=country
        talked     ROOT   -           VERB  VBD  lemma=talk
        .          punct  talked      PUNCT .
        """
    )
    pair = covering(doc, "The two countries")
    assert sorted(m.country for m in pair) == ["IRN", "USA"]
    assert {m.resolved_by for m in pair} == {"pair"}


def test_the_pair_is_the_two_people_just_joined_by_and(resolve):
    doc = resolve(
        """
        Shinzo   compound  Abe      PROPN  NNP  ent=PERSON
        Abe      nsubj     arrived  PROPN  NNP  ent=PERSON
        and      cc        Abe      CCONJ  CC
        Vladimir compound  Putin    PROPN  NNP  ent=PERSON
        Putin    conj      Abe      PROPN  NNP  ent=PERSON
        arrived  ROOT      -        VERB   VBD  lemma=arrive
        .        punct     arrived  PUNCT  .
        The      det       pair     DET    DT
        pair     nsubj     spoke    NOUN   NN
        spoke    ROOT      -        VERB   VBD  lemma=speak
        .        punct     spoke    PUNCT  .
        """
    )
    assert sorted(m.country for m in covering(doc, "The pair")) == ["JPN", "RUS"]


def test_the_two_leaders_are_no_pair_of_states(resolve):
    doc = resolve(
        TEHRAN_AND_WASHINGTON
        + """
        The        det    leaders   DET   DT
        two        nummod leaders   NUM   CD
        leaders    nsubj  talked    NOUN  NNS  lemma=leader
        talked     ROOT   -         VERB  VBD  lemma=talk
        .          punct  talked    PUNCT .
        """
    )
    assert not any(m.resolved_by == "pair" for m in doc._.mentions)


def test_a_pair_named_two_sentences_back_is_out_of_reach(resolve):
    doc = resolve(
        TEHRAN_AND_WASHINGTON
        + """
        Talks      nsubj  stalled   NOUN  NNS  lemma=talk
        stalled    ROOT   -         VERB  VBD  lemma=stall
        .          punct  stalled   PUNCT .
        Both       det    countries DET   DT
        countries  nsubj  waited    NOUN  NNS  lemma=country
        waited     ROOT   -         VERB  VBD  lemma=wait
        .          punct  waited    PUNCT .
        """
    )
    assert covering(doc, "Both countries") == []


def test_three_actors_joined_are_no_pair(resolve):
    doc = resolve(
        """
        Iran     nsubj  protested  PROPN NNP  ent=GPE
        ,        punct  Iran       PUNCT ,
        Iraq     conj   Iran       PROPN NNP  ent=GPE
        and      cc     Iraq       CCONJ CC
        Syria    conj   Iraq       PROPN NNP  ent=GPE
        protested ROOT  -          VERB  VBD  lemma=protest
        .        punct  protested  PUNCT .
        The      det    countries  DET   DT
        two      nummod countries  NUM   CD
        countries nsubj talked     NOUN  NNS  lemma=country
        talked   ROOT   -          VERB  VBD  lemma=talk
        .        punct  talked     PUNCT .
        """
    )
    assert not any(m.resolved_by == "pair" for m in doc._.mentions)
