"""Shared fixtures: the real spaCy pipeline, loaded once per test session; the tiers.

Tiers (``make test-fast`` runs neither ``slow`` nor ``model`` tests; ``make test`` all):

* ``model``: an integration test through the spaCy model. Every test that uses one of
  :data:`MODEL_FIXTURES` is marked so here; a test that loads the model another way (the
  CLI builds its own pipeline) carries the mark itself.
* ``slow``: kill/resume, workers, big streams, memory, evaluations, the browser, load.

Tests that read ``../shared`` (gold data, the seed article) take the ``shared_dir``
fixture: a missing folder is a failure, as in CI, unless ``DETENTE_ALLOW_NO_SHARED=1``
says a local run may skip them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from detente.eval.common import DEFAULT_SHARED_DIR

ROOT = Path(__file__).resolve().parent.parent
SHARED = DEFAULT_SHARED_DIR
SEED = SHARED / "seed" / "000_bcaaf4654188c388.txt"
ALLOW_NO_SHARED = "DETENTE_ALLOW_NO_SHARED"

# Fixtures that load the spaCy model: a test using one is an integration test.
MODEL_FIXTURES = frozenset({"nlp", "pipeline", "validate_nlp"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


def _loaded_models() -> set[str]:
    from detente.nlp import MODEL_PACKAGES

    return {package for package in MODEL_PACKAGES.values() if package in sys.modules}


@pytest.fixture(autouse=True)
def _model_loads_are_marked(request):
    """A test without the ``model`` mark that loads the model (in this process) fails, so
    ``make test-fast`` stays free of it. (Once an earlier test loaded the model, a later
    load cannot be seen: ``make test-fast`` runs no marked test, so there it always is.)"""
    if request.node.get_closest_marker("model"):
        yield
        return
    before = _loaded_models()
    yield
    if loaded := _loaded_models() - before:
        pytest.fail(
            f"{request.node.nodeid} loads the spaCy model ({', '.join(sorted(loaded))}): "
            "mark it @pytest.mark.model (or use the nlp fixture)",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def nlp():
    """The full détente pipeline on the default model (one load per session)."""
    from detente.nlp import load

    return load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder beside the checkout (or where $DETENTE_SHARED says)."""
    if not SHARED.is_dir():
        message = f"no shared data folder at {SHARED}"
        if os.environ.get(ALLOW_NO_SHARED) == "1":
            pytest.skip(f"{message} ({ALLOW_NO_SHARED}=1)")
        pytest.fail(
            f"{message}: tests that read it fail without it (as in CI); "
            f"set {ALLOW_NO_SHARED}=1 to skip them in a local run",
            pytrace=False,
        )
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


# -- the web app ---------------------------------------------------------------------------

# Articles written to attack the pages: markup in the text, title, outlet and a script URL.
HOSTILE_ARTICLES = [
    {
        "id": "hostile-1",
        "date": "2018-03-01",
        "title": "<script>alert('title')</script> \"><img src=x onerror=alert(1)>",
        "url": "javascript:alert(document.cookie)",
        "source": "<b onmouseover=alert(5)>Evil</b> Wire",
        "text": (
            "Russian President Vladimir Putin criticized Japanese Prime Minister Shinzo Abe "
            "in Moscow on Thursday. \"<script>alert('quote')</script> is our answer,\" Putin "
            'said. Abe met Putin again on Friday " onmouseover="alert(3) and '
            "</textarea><svg onload=alert(4)> was written on a sign."
        ),
    },
]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, nlp) -> Path:
    """A store coded by the real pipeline from examples/ and the hostile articles."""
    import json

    from detente.ingest import read_inputs
    from detente.pipeline import PipelineOptions, run
    from detente.store import Store

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(a) + "\n" for a in HOSTILE_ARTICLES), encoding="utf-8")
    db = folder / "web.duckdb"
    examples = ROOT / "examples"
    # As `make demo`: the two .txt examples carry no date of their own.
    runs = [
        ([examples / "abe_trump_2017.txt"], "2017-02-10"),
        ([examples / "singapore_summit_2018.txt"], "2018-06-12"),
        ([examples, hostile], None),
    ]
    with Store(db) as store:
        for paths, date in runs:
            run(read_inputs(paths, date=date), store, options=PipelineOptions(), nlp=nlp)
    return db


@pytest.fixture(scope="session")
def live_server(web_store):
    """``detente serve`` on the web store: uvicorn on a free loopback port, in a thread."""
    import threading
    import time

    import uvicorn

    from detente.web import create_app

    server = uvicorn.Server(
        uvicorn.Config(create_app(web_store), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
