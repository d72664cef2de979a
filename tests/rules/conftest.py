"""Fixtures of the rule tests: the shipped knowledge, loaded once, and no spaCy model
(the parses are built by hand, see ``parses.py``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def knowledge():
    """The shipped knowledge object the stages share (one load per session)."""
    from detente.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def words(knowledge):
    """The events stage's clause words."""
    return knowledge.clause_words
