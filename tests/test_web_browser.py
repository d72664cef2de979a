"""What a person sees: the web app in Debian's Chromium driven by Playwright.

Chromium comes from apt (`.ci/run` installs it when missing); Playwright never downloads a
browser. Screenshots of every page go to tests/artifacts/ (git-ignored). Any console error,
page error or dialog (an XSS that ran) fails the test that caused it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)"
    ),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        yield context
        context.close()


class Watched:
    """A page whose console errors, page errors and dialogs are recorded."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: self.problems.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", self._dialog)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str, *, full_page: bool = True) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


@pytest.fixture
def watched(browser, live_server):
    page = browser.new_page()
    watched = Watched(page, live_server)
    yield watched
    page.close()
    assert not watched.problems, watched.problems


def test_overview_draws_its_chart(watched):
    watched.open("/")
    page = watched.page
    assert page.locator("h1").inner_text() == "What the store holds"
    page.locator("#timeline svg .mark-rect path").first.wait_for(state="attached")
    assert page.locator("#timeline svg .mark-rect path").count() > 0
    watched.shot("overview")


def test_dyad_point_through_to_the_article(watched):
    watched.open("/dyad/JPN/USA?freq=month")
    page = watched.page
    bars = page.locator("#dyad-chart svg .mark-rect path")
    bars.first.wait_for(state="attached")
    watched.shot("dyad")
    bars.first.click()
    events = page.locator("#point-list > li")
    events.first.wait_for(state="attached")
    assert page.locator("#point-events").is_visible()
    sentence = events.first.locator(".sentence").inner_text()
    assert sentence
    watched.shot("dyad-point")
    events.first.locator("a[href^='/article/']").click()
    page.wait_for_url(re.compile(r"/article/[0-9a-f]+#event-\d+$"))
    page.wait_for_load_state("networkidle")
    selected = page.locator(".event-card.selected")
    selected.wait_for()
    assert page.locator("#fact-details dl").count() >= 1
    assert " ".join(sentence.split())[:30] in " ".join(page.locator("#text").inner_text().split())
    watched.shot("article-from-dyad")


def test_map_counts_and_change_view(watched):
    watched.open("/map")
    page = watched.page
    page.locator("#map svg .mark-shape path").first.wait_for(state="attached")
    assert page.locator("#map svg .mark-shape path").count() > 150  # every country
    assert page.locator("#map svg .mark-symbol path").count() > 0  # places
    assert "centre of their target's country" in page.locator("main").inner_text()
    watched.shot("map")
    page.get_by_role("link", name="Show the change view").click()
    page.wait_for_load_state("networkidle")
    page.locator("#map svg .mark-shape path").first.wait_for(state="attached")
    assert "Where conflict events jump" in page.locator("h1").inner_text()
    watched.shot("map-change")


def test_network_edge_opens_its_dyad(watched):
    watched.open("/network?min_events=1")
    page = watched.page
    page.wait_for_function("window.detenteNetwork && window.detenteNetwork.edges().length > 0")
    watched.shot("network")
    # Click the middle of the heaviest link, as a person would.
    x, y, a, b = page.evaluate(
        """(() => { const e = window.detenteNetwork.edges().max(e => e.data('width')).ele;
                   const p = e.renderedMidpoint(); return [p.x, p.y, e.data('a'), e.data('b')]; })()"""
    )
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/dyad/"))
    assert page.url.endswith(f"/dyad/{a}/{b}")


def test_search_from_the_form(watched):
    watched.open("/search")
    page = watched.page
    page.get_by_label("Words in articles and quotes").fill("Abe summit")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"/search\?.*q=Abe"))
    hits = page.locator("#art-h + ul > li a")
    assert hits.count() > 0
    assert page.locator(".hit mark").count() > 0
    watched.shot("search")


def test_article_facts_keyboard_and_judgements(watched, web_store):
    import duckdb

    con = duckdb.connect(str(web_store), read_only=True)
    (doc_id,) = con.execute(
        "SELECT doc_id FROM events GROUP BY doc_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    con.close()
    watched.open(f"/article/{doc_id}")
    page = watched.page
    trigger = page.locator("#text mark.trigger").first
    trigger.click()
    assert "rule" in page.locator("#fact-details").inner_text()
    page.locator("#text mark.actor").first.focus()
    page.keyboard.press("Enter")
    titles = page.locator("#fact-details h3").all_inner_texts()
    assert any(title.startswith("actor: ") for title in titles), titles
    watched.shot("article")
    cards = page.locator(".event-card")
    assert cards.count() >= 2
    cards.nth(0).get_by_role("button", name="right").click()
    cards.nth(1).get_by_role("button", name="wrong").click()
    assert cards.nth(0).get_by_role("button", name="right").get_attribute("aria-pressed") == "true"
    page.locator("#judgements-link").click()
    page.wait_for_url(re.compile(r"/judgements\?right=\d+&wrong=\d+"))
    assert "50.0 %" in page.locator("#precision").inner_text()
    assert page.locator("#csv-link").get_attribute("href").startswith("/judgements.csv?")
    watched.shot("judgements")


def test_hostile_article_runs_no_script(watched, web_store):
    import duckdb

    con = duckdb.connect(str(web_store), read_only=True)
    (doc_id,) = con.execute("SELECT doc_id FROM documents WHERE ref = 'hostile-1'").fetchone()
    con.close()
    watched.open(f"/article/{doc_id}")
    page = watched.page
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("#text mark").count() > 0
    for mark in page.locator("#text mark").all()[:20]:
        mark.click()
    watched.shot("article-hostile")
    # the fixture fails the test if any dialog opened


def test_validate_page_tallies_judgements(watched):
    watched.open("/validate?n=5&seed=2")
    page = watched.page
    page.evaluate("localStorage.clear()")  # judgements made by the other tests
    page.reload()
    page.locator(".event-card").first.get_by_role("button", name="wrong").click()
    assert "1 judged" in page.locator("#tally").inner_text()
    watched.shot("validate")


def test_phone_width_and_keyboard(browser, live_server):
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    watched = Watched(page, live_server)
    try:
        for path, name in (("/", "phone-overview"), ("/dyad/JPN/USA", "phone-dyad"),
                           ("/map", "phone-map"), ("/search?q=Trump", "phone-search")):  # fmt: skip
            watched.open(path)
            page.wait_for_timeout(300)
            overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px"
            watched.shot(name)
        watched.open("/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        page.close()
    assert not watched.problems, watched.problems


STORE_PAGES = [
    ("overview", "/"),
    ("dyad", "/dyad/{a}/{b}"),
    ("dyad-weekly", "/dyad/{a}/{b}?freq=week&from=2019-01-01&to=2019-12-31"),
    ("map", "/map"),
    ("map-change", "/map?mode=change&window=90&periods=6"),
    ("network", "/network"),
    ("network-actors", "/network?level=actor&min_events=3"),
    ("actor", "/actor/{actor}"),
    ("actor-country", "/actor/{a}"),
    ("article", "/article/{doc}"),
    ("event", "/event/{event}"),
    ("search", "/search?q=sanctions+Iran"),
    ("search-events", "/search?plover=ASSAULT"),
    ("validate", "/validate?n=20"),
    ("api", "/api"),
]


@pytest.mark.skipif(
    "DETENTE_SCREENSHOT_DB" not in __import__("os").environ,
    reason="set DETENTE_SCREENSHOT_DB=store.duckdb to photograph every page of a real store",
)
def test_every_page_of_a_real_store(browser):
    """Every page of another store (e.g. 500 AllSides articles), photographed into
    tests/artifacts/store/, with no console error."""
    import os
    import threading
    import time

    import uvicorn

    from detente.web import create_app

    app = create_app(os.environ["DETENTE_SCREENSHOT_DB"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    (ARTIFACTS / "store").mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    watched = Watched(page, base)
    try:
        overview = page.request.get(base + "/api/overview").json()
        sample = page.request.get(base + "/api/validate?n=50").json()["events"]
        dyad = overview["top_dyads"][0]
        keys = {
            "a": dyad["a"],
            "b": dyad["b"],
            "actor": next(a["key"] for a in overview["top_actors"] if ":" in a["key"]),
            "doc": max(sample, key=lambda e: len(e["sentence"]))["doc_id"],
            # the deduplicated event with the most mentions in the sample
            "event": max(sample, key=lambda e: e["num_mentions"] or 0)["cluster_id"],
        }
        for name, path in STORE_PAGES:
            watched.open(path.format(**keys))
            page.wait_for_timeout(500)
            watched.shot(f"store/{name}")
    finally:
        page.close()
        server.should_exit = True
        thread.join(timeout=10)
    assert not watched.problems, watched.problems
