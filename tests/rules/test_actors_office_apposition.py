"""A person named in apposition to an office of an organization without a country acts for
the organization (``ActorResolver._office_in_apposition``), on parses built by hand with the
shipped knowledge base."""

from __future__ import annotations

import pytest
from parses import parse
from test_actors_resolution import at

from detente.actors.component import ActorResolver


@pytest.fixture(scope="module")
def resolve(knowledge):
    stage = ActorResolver(None, knowledge=knowledge)
    return lambda table, date: stage(parse(table, date=date))


def _envoy(first: str, last: str, owner: str, owner_tag: str, role: str) -> str:
    """ "The <owner> <role>, <first> <last>, met Assad." with the name in apposition."""
    return f"""
        The      det       {role}  DET   DT
        {owner}  compound  {role}  PROPN {owner_tag} ent=ORG
        {role}   nsubj     met     NOUN  NN
        ,        punct     {role}  PUNCT ,
        {first}  compound  {last}  PROPN NNP ent=PERSON
        {last}   appos     {role}  PROPN NNP ent=PERSON
        ,        punct     {role}  PUNCT ,
        met      ROOT      -       VERB  VBD lemma=meet
        Assad    dobj      met     PROPN NNP ent=PERSON
        .        punct     met     PUNCT .
    """


def test_a_former_official_named_as_an_organizations_officer_acts_for_it(resolve):
    # the KB knows Barnier only as a former French minister (FRAELI) in 2018
    doc = resolve(_envoy("Michel", "Barnier", "EU", "NNP", "negotiator"), "2018-07-19")
    barnier = at(doc, "Michel Barnier")
    assert (barnier.code, barnier.country) == ("IGOEUREEC", None)


def test_an_unknown_person_named_as_an_organizations_officer_acts_for_it(resolve):
    doc = resolve(_envoy("Jane", "Doe", "UN", "NNP", "envoy"), "2016-01-01")
    doe = at(doc, "Jane Doe")
    assert (doe.code, doe.country) == ("IGOUNO", None)


def test_a_person_in_national_office_keeps_it_beside_an_organizations_office(resolve):
    # Merkel chaired the EU Council in 2007 but stays Germany's chancellor (DEUGOV)
    doc = resolve(_envoy("Angela", "Merkel", "EU", "NNP", "president"), "2007-03-01")
    merkel = at(doc, "Angela Merkel")
    assert merkel.code == "DEUGOV"
