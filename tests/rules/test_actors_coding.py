"""CAMEO codes of resolved references (``actors/coding.py``): dated codes of known actors,
states joined with agents the way PETRARCH composes them."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.coding import (
    Resolution,
    join_code,
    resolve_agent,
    resolve_known,
    resolve_state,
    split_code,
)

JAPAN = Resolution("state", "state:JPN", "Japan", "JPN", "JPN", None, "kb")
UN = Resolution("organization", "org:un", "United Nations", "IGOUNO", None, None, "kb")


def test_a_code_splits_into_country_and_sector():
    assert split_code("JPNGOV", "JPN") == ("JPN", "GOV")
    assert split_code("JPNGOVMIL", "JPN") == ("JPN", "GOV")  # the first sector
    assert split_code("IGOUNO", None) == (None, None)
    assert split_code(None, "JPN") == ("JPN", None)


def test_joining_a_sector_never_doubles_it():
    assert join_code("JPN", "GOV") == "JPNGOV"
    assert join_code("JPNGOV", "GOV") == "JPNGOV"
    assert join_code("JPN", None) == "JPN"


def test_a_states_agents_are_the_state_and_the_agents_sector():
    officials = resolve_agent(
        JAPAN, "GOV", person=False, name="Japanese officials", resolved_by="kb"
    )
    assert (officials.kind, officials.code, officials.country, officials.sector) == (
        "group", "JPNGOV", "JPN", "GOV",
    )  # fmt: skip
    assert officials.actor_id == "group:JPNGOV"
    envoy = resolve_agent(JAPAN, "GOV", person=True, name="a Japanese envoy", resolved_by="role")
    assert (envoy.kind, envoy.actor_id, envoy.code) == ("person", None, "JPNGOV")


def test_a_prefix_agent_goes_before_the_country():
    # PETRARCH's "[NGO~]": "Gondor human rights body" -> NGOGON
    gondor = Resolution("state", "state:GON", "Gondor", "GON", "GON", None, "kb")
    body = resolve_agent(gondor, "NGO", person=False, name="x", resolved_by="kb", prefix=True)
    assert body.code == "NGOGON"


def test_an_organizations_agents_are_the_organization_a_bare_type_code_is_extended():
    assert resolve_agent(UN, "GOV", person=True, name="a U.N. official", resolved_by="kb").code == (
        "IGOUNO"
    )
    # a code that names the body already takes no second sector (one sector per code)
    activists = resolve_agent(UN, "OPP", person=False, name="x", resolved_by="kb")
    assert (activists.code, activists.country) == ("IGOUNO", None)
    # a bare type code is extended by the agent's sector
    movement = Resolution("group", "group:x", "the movement", "NGM", None, None, "kb")
    members = resolve_agent(movement, "OPP", person=False, name="x", resolved_by="kb")
    assert (members.code, members.country) == ("NGMOPP", None)


def test_an_agent_of_nobody_known_has_only_its_sector():
    alone = resolve_agent(None, "MIL", person=False, name="soldiers", resolved_by="role")
    assert (alone.code, alone.country, alone.sector) == (None, None, "MIL")


@pytest.fixture(scope="module")
def kb(knowledge):
    return knowledge.kb


def test_a_state_acting_through_its_seat_is_its_government(kb):
    kremlin = resolve_state(kb, "RUS", sector="GOV")
    assert (kremlin.kind, kremlin.code, kremlin.actor_id) == ("state", "RUSGOV", "state:RUS")
    assert resolve_state(kb, "RUS").code == "RUS"


@pytest.mark.parametrize(
    ("when", "code", "undated"),
    [
        (dt.date(2017, 2, 10), "JPNGOV", False),  # prime minister
        (dt.date(2021, 6, 1), "JPNELI", False),  # out of office: an elite
        (None, "JPNGOV", True),  # no date: his latest role, marked undated
    ],
)
def test_a_known_persons_code_is_the_one_held_on_the_article_date(kb, when, code, undated):
    (abe,) = kb.actors_by_name("Shinzo Abe")
    found = resolve_known(kb, abe, when, "kb")
    assert (found.code, found.undated, found.country) == (code, undated, "JPN")
    assert found.sector == code[3:]


def test_a_person_acting_for_an_organization_has_no_country(kb):
    (guterres,) = [a for a in kb.actors_by_name("Antonio Guterres") if a.kind == "person"]
    found = resolve_known(kb, guterres, dt.date(2019, 1, 1), "kb")
    assert found.code.startswith("IGOUNO") and found.country is None
