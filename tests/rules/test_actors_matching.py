"""Finding dictionary names in a ``Doc`` (``actors/matching.py``), with a small dictionary
and parses built by hand."""

from __future__ import annotations

import pytest
from parses import parse

from detente.actors.matching import NameMatcher, normalize_form

FORMS = [
    ("Shinzo Abe", "actor"),
    ("Abe", "actor"),
    ("Japan", "state"),
    ("the Kremlin", "seat"),
    ("official", "agent"),
    ("officials", "agent"),
    ("O'Neill", "actor"),
    ("Dol Amroth", "place"),
    ("Georgia", "state"),
    ("Georgia", "place"),
]


@pytest.fixture(scope="module")
def matcher():
    return NameMatcher(FORMS)


def found(matches) -> list[tuple[int, int, set[str]]]:
    return [(m.start, m.end, m.tags) for m in matches]


def flat(words: str, **kw):
    """A sentence of words hanging on the first one (the matcher reads no parse)."""
    table = "\n".join(
        f"{w} {'ROOT' if i == 0 else 'dep'} {'-' if i == 0 else '@0'} X"
        for i, w in enumerate(words.split())
    )
    return parse(table, **kw)


def test_every_form_starting_at_a_token_is_found(matcher):
    names, agents = matcher(flat("Shinzo Abe met Japan"))
    assert found(names) == [(0, 2, {"actor"}), (1, 2, {"actor"}), (3, 4, {"state"})]
    assert agents == []


def test_a_name_must_be_capitalised_in_the_text(matcher):
    names, _ = matcher(flat("made in japan"))
    assert names == []


def test_agent_words_match_in_any_case_and_apart_from_names(matcher):
    _, agents = matcher(flat("Officials and officials"))
    assert found(agents) == [(0, 1, {"agent"}), (2, 3, {"agent"})]


def test_one_form_may_carry_several_tags(matcher):
    names, _ = matcher(flat("Georgia voted"))
    assert found(names) == [(0, 1, {"state", "place"})]


def test_a_leading_the_is_dropped_from_forms(matcher):
    names, _ = matcher(flat("the Kremlin said"))
    assert found(names) == [(1, 2, {"seat"})]


def test_typographic_apostrophes_and_petrarch_underscores_fold(matcher):
    names, _ = matcher(flat("O’Neill visited Dol_Amroth"))
    assert found(names) == [(0, 1, {"actor"}), (2, 3, {"place"})]


def test_a_form_does_not_run_over_a_paragraph_break(matcher):
    names, _ = matcher(flat("Shinzo Abe", text="Shinzo\n\nAbe"))
    assert found(names) == [(2, 3, {"actor"})]  # "Abe" alone, after the break token


def test_forms_are_compared_casefolded_with_plain_punctuation_and_single_spaces():
    assert normalize_form("  Côte  d’Ivoire ") == "côte d'ivoire"
    assert normalize_form("ABE") == "abe"
