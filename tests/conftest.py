"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_bcaaf4654188c388.txt"


@pytest.fixture(scope="session")
def nlp():
    """The full détente pipeline on the default model (one load per session)."""
    from detente.nlp import load

    return load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir) -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    """The user's example article, processed with --date 2017-02-10."""
    from detente.nlp import make_doc
    from detente.records import Article

    article = Article(ref=str(SEED), text=seed_text, date="2017-02-10")
    return nlp(make_doc(nlp, article))


@pytest.fixture
def code(nlp):
    """Process a small text: ``code("Abe met Trump.", date="2017-02-10")`` -> Doc."""
    from detente.nlp import make_doc
    from detente.records import Article

    def run(text: str, *, date: str | None = None):
        return nlp(make_doc(nlp, Article(ref="<test>", text=text, date=date)))

    return run
