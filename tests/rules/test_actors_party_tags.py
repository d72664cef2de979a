"""A legislator's party tag after an unknown person's name (``actors/party_tags.tsv``), on
parses built by hand with the shipped knowledge base."""

from __future__ import annotations

import pytest
from parses import parse
from test_actors_resolution import at

from detente.actors.component import ActorResolver


@pytest.fixture(scope="module")
def resolve(knowledge):
    stage = ActorResolver(None, knowledge=knowledge)
    return lambda table, text: stage(parse(table, date="2019-10-16", text=text))


TABLE = """
    Jane       compound  Doe        PROPN NNP ent=PERSON
    Doe        nsubj     criticized PROPN NNP ent=PERSON
    (          punct     Doe        PUNCT -LRB-
    {tag}      appos     Doe        PROPN NNP
    )          punct     Doe        PUNCT -RRB-
    criticized ROOT      -          VERB  VBD lemma=criticize
    Turkey     dobj      criticized PROPN NNP ent=GPE
    .          punct     criticized PUNCT .
"""


@pytest.mark.parametrize("tag", ["R-S.C.", "D-Calif.", "I-Vt."])
def test_an_unknown_person_with_a_party_tag_sits_in_that_legislature(resolve, tag):
    doc = resolve(TABLE.format(tag=tag), f"Jane Doe ({tag}) criticized Turkey.")
    doe = at(doc, "Jane Doe")
    assert (doe.code, doe.country, doe.resolved_by) == ("USALEG", "USA", "party-tag")


def test_a_parenthesis_that_is_no_party_tag_gives_nothing(resolve):
    doc = resolve(TABLE.format(tag="pictured"), "Jane Doe (pictured) criticized Turkey.")
    doe = at(doc, "Jane Doe")
    assert doe is None or doe.code != "USALEG"
