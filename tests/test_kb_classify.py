"""The rules that make a dictionary block a person, an organization or a state
(``kb/classify.py``), used by the KB build and by user dictionaries alike: one rule a test,
on blocks written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from detente.kb.classify import (
    display_name,
    entry_kind,
    is_state_code,
    load_kb_vocabulary,
    pluralize,
    singular_candidates,
    state_code,
)
from detente.kb.petrarch import DictEntry, DictRole


@pytest.fixture(scope="module")
def vocabulary():
    return load_kb_vocabulary()


def block(name: str, *roles: tuple[str, date | None, date | None], comment: str = "") -> DictEntry:
    return DictEntry((name,), tuple(DictRole(*role) for role in roles), comment, 1)


def test_a_block_with_an_open_state_code_is_a_state(vocabulary):
    georgia = block(
        "GEORGIA", ("USRGEO", None, date(1991, 4, 9)), ("GEO", date(1991, 12, 21), None)
    )
    assert state_code(georgia, vocabulary) == "GEO"
    assert entry_kind(georgia, vocabulary) == "state"


def test_an_ended_or_non_state_code_makes_no_state(vocabulary):
    ended = block("HOBBITON", ("HOB", None, date(1995, 6, 1)))
    assert state_code(ended, vocabulary) is None and entry_kind(ended, vocabulary) == "person"
    assert not is_state_code("IGO", vocabulary) and not is_state_code("USAGOV", vocabulary)
    assert is_state_code("jpn", vocabulary)


def test_a_name_with_the_or_an_organization_word_is_an_organization(vocabulary):
    assert entry_kind(block("THE ELDERS", ("NGO", None, None)), vocabulary) == "organization"
    army = block("FREE SYRIAN ARMY", ("SYRREB", None, None))
    assert entry_kind(army, vocabulary) == "organization"  # "army" (org_words.txt)


def test_a_dated_role_or_a_rulers_note_makes_a_person(vocabulary):
    dated = block("KING STORK", ("MORGOV", date(2001, 1, 1), None))
    assert entry_kind(dated, vocabulary) == "person"
    noted = block("ACME WIDGETS", ("USABUS", None, None), comment="from the rulers list")
    assert entry_kind(noted, vocabulary) == "person"


def test_two_to_four_plain_words_are_a_person_unless_the_code_or_file_says_otherwise(vocabulary):
    assert entry_kind(block("JOHN SMITH", ("USAELI", None, None)), vocabulary) == "person"
    assert entry_kind(block("J. R. SMITH-JONES", ("USAELI", None, None)), vocabulary) == "person"
    # a company's or an NGO's code: an organization
    assert entry_kind(block("ACME WIDGETS", ("MNCUSA", None, None)), vocabulary) == "organization"
    # from a file of armed groups
    armed = block("BLACK HAND", ("SRBREB", None, None))
    assert entry_kind(armed, vocabulary, groups_file=True) == "organization"
    # five words, or words with digits: an organization
    five = block("ONE TWO THREE FOUR FIVE", ("USAELI", None, None))
    assert entry_kind(five, vocabulary) == "organization"
    assert entry_kind(block("GROUP 77", ("IGO", None, None)), vocabulary) == "organization"


def test_a_bare_word_without_a_code_is_a_person(vocabulary):
    assert entry_kind(block("BOROMIR"), vocabulary) == "person"
    assert entry_kind(block("HAMAS", ("PSEREB", None, None)), vocabulary) == "organization"


def test_display_names_from_upper_case_dictionary_names():
    assert display_name("SHINZO ABE") == "Shinzo Abe"
    assert display_name("MINISTRY OF THE INTERIOR") == "Ministry of the Interior"
    assert display_name("U.S. ARMY") == "U.S. Army"  # dots: an acronym
    assert display_name("NATO", short_acronym=True) == "NATO"
    assert display_name("NATO") == "Nato"
    assert display_name("COTE D'IVOIRE") == "Cote D'Ivoire"
    assert display_name("Already Mixed") == "Already Mixed"


def test_plurals_and_singulars_of_agent_words():
    assert pluralize("foreign minister") == "foreign ministers"
    assert pluralize("minister of defense") == "ministers of defense"
    assert pluralize("SPOKESMAN") == "SPOKESMEN"
    assert pluralize("human") == "humans"
    assert pluralize("embassy") == "embassies" and pluralize("church") == "churches"
    assert singular_candidates("embassies")[0] == "embassy"
    assert "spokesman" in singular_candidates("spokesmen")
