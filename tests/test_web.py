"""The web app through the in-process client: every route as HTML and JSON, exact numbers on
a hand-built store, hostile text escaped, clear errors, read-only, and the parts it is made of."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil

import builders
import duckdb
import pytest
from builders import coded, fill, story
from fastapi.testclient import TestClient
from test_store import ABE, TRUMP, meeting  # hand-built one-sentence articles

from detente.errors import StoreError, UsageError
from detente.records import Article
from detente.store import Store
from detente.web import create_app
from detente.web.app import safe_url
from detente.web.highlight import Span, segments, segments_html
from detente.web.queries import EventFilter, evidence, period_count, period_starts, truncate
from detente.web.search import snippet
from detente.web.validation import parse_ids, precision, to_csv, wilson_interval

PUTIN = ("vladimir-putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
ZELENSKY = ("volodymyr-zelensky", "Volodymyr Zelensky", "UKRGOV", "UKR", "GOV")


def attack(ref: str, date: str):
    return meeting(
        ref,
        date,
        verb="attacked",
        cameo="190",
        plover="ASSAULT",
        quad=4,
        goldstein=-10.0,
        source=PUTIN,
        target=ZELENSKY,
    )


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory):
    """Known events: JPN–USA meetings in Feb/Mar 2017 (one negated), and Russian attacks on
    Ukraine that jump in June 2020 against the months before."""
    db = tmp_path_factory.mktemp("hand") / "hand.duckdb"
    results = [
        meeting("m1", "2017-02-10"),
        meeting("m2", "2017-02-11"),
        meeting("m3", "2017-02-20", verb="praised", cameo="051", plover="SUPPORT"),
        meeting("m4", "2017-02-21", verb="denied", negated=True),
        meeting("m5", "2017-03-15", source=TRUMP, target=ABE),
        attack("a0", "2020-02-10"),
        *(attack(f"a{n}", f"2020-06-{10 + n:02d}") for n in range(1, 6)),
    ]
    with Store(db) as store:
        run_id = store.begin_run(command="test", args={})
        store.write_results(results, run_id=run_id)
        store.finish_run(run_id, status="finished", summary={"documents": len(results)})
    return db


@pytest.fixture(scope="module")
def hand(hand_store):
    with TestClient(create_app(hand_store)) as client:
        yield client


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as client:
        yield client


@pytest.fixture(scope="module")
def ids(web_store):
    """Real ids from the pipeline-coded store: an article with events, an actor, the hostile doc."""
    con = duckdb.connect(str(web_store), read_only=True)
    try:
        doc_id, event_id = con.execute(
            "SELECT doc_id, event_id FROM events ORDER BY event_id LIMIT 1"
        ).fetchone()
        (actor_id,) = con.execute(
            "SELECT source_actor_id FROM events WHERE source_actor_id IS NOT NULL "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        (hostile,) = con.execute("SELECT doc_id FROM documents WHERE ref = 'hostile-1'").fetchone()
    finally:
        con.close()
    return {"doc": doc_id, "event": event_id, "actor": actor_id, "hostile": hostile}


# -- every route, HTML and JSON ---------------------------------------------------------------


def pages(ids) -> list[tuple[str, str]]:
    """(HTML path, JSON path) of every view."""
    return [
        ("/", "/api/overview"),
        ("/dyad/JPN/USA", "/api/dyad/JPN/USA"),
        ("/dyad/JPN/USA/events?period=2017-02-01", "/api/dyad/JPN/USA/events?period=2017-02-01"),
        ("/map", "/api/map"),
        ("/map?mode=change", "/api/map?mode=change"),
        ("/network", "/api/network"),
        (f"/actor/{ids['actor']}", f"/api/actor/{ids['actor']}"),
        ("/actor/JPN", "/api/actor/JPN"),
        (f"/article/{ids['doc']}", f"/api/article/{ids['doc']}"),
        ("/search?q=Abe+summit", "/api/search?q=Abe+summit"),
        ("/search?actor=JPN", "/api/search?actor=JPN"),
        ("/validate?n=5", "/api/validate?n=5"),
        (f"/judgements?right={ids['event']}", f"/api/judgements?right={ids['event']}"),
    ]


def test_every_page_and_its_json(client, ids):
    for html_path, json_path in pages(ids):
        page = client.get(html_path)
        assert page.status_code == 200, (html_path, page.text[:300])
        assert page.headers["content-type"].startswith("text/html")
        assert "<main" in page.text and "Traceback" not in page.text
        data = client.get(json_path)
        assert data.status_code == 200, (json_path, data.text[:300])
        assert data.headers["content-type"].startswith("application/json")
        assert isinstance(data.json(), dict)


def test_page_scripts_and_styles_are_served_from_the_package(client, ids):
    html = "".join(client.get(p).text for p, _ in pages(ids))
    assets = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    assert "/static/vendor/vega/vega.min.js" in assets
    assert "/static/vendor/cytoscape/cytoscape.min.js" in assets
    for path in assets | {"/static/vendor/world-atlas/countries-110m.json"}:
        assert client.get(path).status_code == 200, path
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html), "a page loads something remote"


def test_openapi_lists_the_json_routes_only(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/overview", "/api/dyad/{a}/{b}", "/api/dyad/{a}/{b}/events", "/api/map",
                 "/api/network", "/api/actor/{key}", "/api/article/{doc_id}", "/api/search",
                 "/api/validate", "/api/judgements", "/judgements.csv"):  # fmt: skip
        assert path in paths
    assert not any(p.startswith(("/dyad", "/article", "/static")) for p in paths)
    index = client.get("/api")
    assert index.status_code == 200 and "/api/dyad/{a}/{b}" in index.text


def test_dyad_click_through_gives_each_events_sentence(client, web_store):
    series = client.get("/api/dyad/JPN/USA?freq=month").json()["series"]
    busiest = max(series, key=lambda row: row["events"])
    assert busiest["events"] > 0
    point = client.get(f"/api/dyad/JPN/USA/events?period={busiest['period']}&freq=month").json()
    assert len(point["events"]) == busiest["events"]
    with Store(web_store, read_only=True) as store:
        for event in point["events"]:
            text = store.documents(doc_id=event["doc_id"])["text"][0]
            assert event["sentence"] in text and event["trigger_text"] in event["sentence"]


def test_article_json_offsets_point_into_the_text(client, ids):
    data = client.get(f"/api/article/{ids['doc']}").json()
    text = data["document"]["text"]
    assert data["events"] and data["mentions"]
    for mention in data["mentions"]:
        assert text[mention["start_char"] : mention["end_char"]] == mention["text"]
    for event in data["events"]:
        assert text[event["trigger_start"] : event["trigger_end"]] == event["trigger_text"]


def test_article_page_highlights_every_fact(client, ids):
    page = client.get(f"/article/{ids['doc']}").text
    data = client.get(f"/api/article/{ids['doc']}").json()
    facts = json.loads(re.search(r'id="page-data">(.*?)</script>', page, re.S).group(1))["facts"]
    assert len(facts) == len(data["mentions"]) + len(data["quotes"]) + len(data["events"])
    marked = set(" ".join(re.findall(r'data-facts="([^"]+)"', page)).split())
    assert marked == set(facts)
    assert data["events"]
    for event in data["events"]:
        assert f'id="event-{event["event_id"]}"' in page
        assert "rule" in [row[0] for row in facts[f"e{event['event_id']}"]["rows"]]


# -- exact numbers on the hand-built store --------------------------------------------------


def test_dyad_counts_asserted_events_by_default(hand):
    data = hand.get("/api/dyad/JPN/USA?freq=month").json()
    assert [row["period"] for row in data["series"]] == ["2017-02-01", "2017-03-01"]
    feb, mar = data["series"]
    assert (feb["events"], feb["a_to_b"], feb["b_to_a"]) == (3, 3, 0)
    assert (feb["verbal_cooperation"], feb["material_conflict"]) == (3, 0)
    assert (mar["events"], mar["a_to_b"], mar["b_to_a"]) == (1, 0, 1)
    every = hand.get("/api/dyad/JPN/USA?freq=month&asserted=false").json()["series"]
    assert every[0]["events"] == 4  # the negated meeting counts too


def test_dyad_directed_dates_and_empty_periods(hand):
    directed = hand.get("/api/dyad/JPN/USA?freq=month&directed=true").json()["series"]
    assert [row["events"] for row in directed] == [3]
    weeks = hand.get("/api/dyad/JPN/USA?freq=week&from=2017-02-01&to=2017-02-28").json()
    periods = [row["period"] for row in weeks["series"]]
    assert periods == ["2017-01-30", "2017-02-06", "2017-02-13", "2017-02-20", "2017-02-27"]
    assert [row["events"] for row in weeks["series"]] == [0, 2, 0, 1, 0]
    by_person = hand.get("/api/dyad/shinzo-abe/donald-trump?freq=year").json()["series"]
    assert by_person[0]["events"] == 4


def test_change_map_flags_the_jump(hand):
    data = hand.get("/api/map?mode=change&end=2020-06-30&window=30&periods=6").json()
    ukraine = next(c for c in data["change"]["countries"] if c["iso3"] == "UKR")
    assert ukraine["current"] == 5 and ukraine["norm"] == pytest.approx(1 / 6, abs=0.01)
    assert ukraine["flagged"] is True
    quiet = hand.get("/api/map?mode=change&end=2020-02-28&window=30&periods=6").json()
    assert not any(c["flagged"] for c in quiet["change"]["countries"])


def test_map_places_events_at_country_centroids_without_locations(hand):
    counts = hand.get("/api/map").json()["counts"]
    assert counts["has_locations"] is False
    usa = next(c for c in counts["countries"] if c["iso3"] == "USA")
    assert usa["events"] == 3  # the asserted JPN -> USA meetings, placed in the target
    assert counts["placed"]["centroid"] == 10 and counts["placed"]["location"] == 0


def test_map_uses_event_locations_when_the_store_has_them(hand_store, tmp_path):
    db = tmp_path / "located.duckdb"
    shutil.copy(hand_store, db)
    con = duckdb.connect(str(db))
    for column, kind in (("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
                         ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE")):  # fmt: skip
        con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} {kind}")
    con.execute(
        "UPDATE events SET location_name = 'Mar-a-Lago', location_country = 'USA', "
        "location_lat = 26.68, location_lon = -80.04 WHERE cameo = '051'"
    )
    con.close()
    with TestClient(create_app(db)) as located:
        counts = located.get("/api/map").json()["counts"]
    assert counts["has_locations"] is True and counts["placed"]["location"] == 1
    assert {"name": "Mar-a-Lago", "lat": 26.68, "lon": -80.04, "events": 1,
            "method": "location"} in counts["points"]  # fmt: skip


def test_network_edges_link_to_dyads(hand):
    data = hand.get("/api/network?min_events=1").json()
    edges = {(e["a"], e["b"]): e["events"] for e in data["edges"]}
    assert edges == {("JPN", "USA"): 4, ("RUS", "UKR"): 6}
    page = hand.get("/network?min_events=1").text
    assert 'href="/dyad/JPN/USA"' in page


def test_actor_page_roles_quotes_events_partners(hand):
    data = hand.get("/api/actor/shinzo-abe").json()
    assert data["actor"]["name"] == "Shinzo Abe"
    assert data["as_source"]["total"] == 3 and data["as_target"]["total"] == 1
    assert [p["partner"] for p in data["partners"]] == ["donald-trump"]
    assert data["roles"][0]["code"] == "JPNGOV"
    assert hand.get("/api/actor/UKR").json()["as_target"]["total"] == 6


def test_search_ranks_articles_and_filters_events(hand):
    found = hand.get("/api/search?q=praised").json()
    assert found["articles"]["total"] == 1
    assert found["articles"]["hits"][0]["snippet"] == [["Desk m3\n\nAbe ", False],
                                                       ["praised", True], [" Trump on Friday.", False]]  # fmt: skip
    events = hand.get("/api/search?plover=ASSAULT").json()["events"]
    assert events["total"] == 6 and all(e["cameo"] == "190" for e in events["events"])
    assert hand.get("/api/search?q=nothingatall").json()["articles"]["total"] == 0


def test_validation_sample_is_reproducible(hand):
    first = hand.get("/api/validate?n=4&seed=3").json()["events"]
    again = hand.get("/api/validate?n=4&seed=3").json()["events"]
    other = hand.get("/api/validate?n=4&seed=4").json()["events"]
    assert [e["event_id"] for e in first] == [e["event_id"] for e in again]
    assert len(first) == 4 and [e["event_id"] for e in first] != [e["event_id"] for e in other]


def test_judgements_give_precision_with_a_wilson_interval_and_csv(hand):
    ids = [e["event_id"] for e in hand.get("/api/search?actor=RUS").json()["events"]["events"]]
    right, wrong = ids[:5], ids[5:]
    query = f"right={','.join(map(str, right))}&wrong={','.join(map(str, wrong))}"
    data = hand.get(f"/api/judgements?{query}").json()
    low, high = wilson_interval(5, 6)
    assert data["overall"]["precision"] == pytest.approx(5 / 6)
    assert (data["overall"]["ci_low"], data["overall"]["ci_high"]) == pytest.approx((low, high))
    assert data["by_plover"][0]["plover"] == "ASSAULT"
    exported = hand.get(f"/judgements.csv?{query}")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert sorted(int(r["event_id"]) for r in rows) == sorted(ids)
    assert {r["judgement"] for r in rows} == {"right", "wrong"}
    assert all(r["sentence"].startswith("Putin attacked") for r in rows)
    assert "83.3 %" in hand.get(f"/judgements?{query}").text


# -- deduplicated events: one definition on every page -------------------------------------

KISHIDA = ("person:fumio-kishida", "Fumio Kishida", "JPNGOV", "JPN", "GOV")


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """One meeting reported by two articles (each coding it both ways) and, the same day, a
    minister of the same government at it (the same codes: the same deduplicated event); a
    praise; a denied meeting."""
    db = tmp_path_factory.mktemp("reported") / "reported.duckdb"
    meet = coded(builders.ABE, builders.TRUMP, "040", both_ways=True)
    with Store(db) as store:
        fill(
            store,
            [
                story("a", "2017-02-10", [meet], outlet="Wire"),
                story("b", "2017-02-10", [meet], outlet="Paper"),
                story("c", "2017-02-10", [coded(KISHIDA, builders.TRUMP, "040")], outlet="Paper"),
                story("d", "2017-02-20", [coded(builders.ABE, builders.TRUMP, "051")]),
                story(
                    "e", "2017-02-21", [coded(builders.ABE, builders.TRUMP, "040", negated=True)]
                ),
            ],
        )
    return db


@pytest.fixture(scope="module")
def dedup(reported):
    with TestClient(create_app(reported)) as client:
        yield client


def test_every_view_counts_deduplicated_events_once(dedup, reported):
    feb = dedup.get("/api/dyad/JPN/USA").json()["series"][0]
    # the meeting (3 mentions in 3 articles, and its 2 mirrored mentions) and the praise
    assert (feb["events"], feb["a_to_b"], feb["b_to_a"], feb["articles"]) == (2, 2, 1, 4)
    assert (feb["verbal_cooperation"], feb["goldstein_mean"]) == (2, pytest.approx((1.0 + 3.4) / 2))
    with Store(reported, read_only=True) as store:  # the same numbers as the library's
        assert store.dyad("JPN", "USA")["events"].tolist() == [2]
        panel = store.panel("dyad-month", directed=False)
        assert panel["events"].tolist() == [2]
    assert [r["events"] for r in dedup.get("/api/dyad/JPN/USA?directed=true").json()["series"]] == [
        2
    ]
    assert dedup.get("/api/dyad/JPN/USA?asserted=false").json()["series"][0]["events"] == 3
    overview = dedup.get("/api/overview").json()
    assert (overview["counts"]["events"], overview["counts"]["deduplicated_events"]) == (7, 2)
    assert overview["counts"]["in_several_articles"] == 1
    assert [(d["a"], d["b"], d["events"], d["articles"]) for d in overview["top_dyads"]] == [
        ("JPN", "USA", 2, 4)
    ]
    assert sum(row["events"] for row in overview["timeline"]) == 2
    network = dedup.get("/api/network?min_events=1").json()
    assert [(e["a"], e["b"], e["events"]) for e in network["edges"]] == [("JPN", "USA", 2)]
    usa = next(c for c in dedup.get("/api/map").json()["counts"]["countries"] if c["iso3"] == "USA")
    assert usa["events"] == 2
    assert dedup.get("/api/search?actor=JPN").json()["events"]["total"] == 2


def test_people_sharing_a_code_are_told_apart(dedup):
    """Abe and Kishida at the same meeting are one deduplicated event (keyed by JPNGOV), but
    each person's dyad, partners and network links count the events they are in."""
    assert (
        dedup.get("/api/dyad/person:shinzo-abe/person:donald-trump").json()["series"][0]["events"]
        == 2
    )
    assert dedup.get("/api/dyad/Fumio Kishida/Donald Trump").json()["series"][0]["events"] == 1
    top = {a["key"]: a["events"] for a in dedup.get("/api/overview").json()["top_actors"]}
    assert top == {"person:shinzo-abe": 2, "person:donald-trump": 2, "person:fumio-kishida": 1}
    network = dedup.get("/api/network?level=actor&min_events=1").json()
    assert {(e["a"], e["b"]): e["events"] for e in network["edges"]} == {
        ("person:donald-trump", "person:shinzo-abe"): 2,
        ("person:donald-trump", "person:fumio-kishida"): 1,
    }
    abe = dedup.get("/api/actor/person:shinzo-abe").json()
    assert (abe["as_source"]["total"], abe["as_target"]["total"]) == (2, 1)
    assert [
        (p["partner"], p["events"], p["as_target"], p["as_source"]) for p in abe["partners"]
    ] == [("person:donald-trump", 2, 2, 1)]
    kishida = dedup.get("/api/actor/person:fumio-kishida").json()
    assert kishida["as_source"]["total"] == 1 and kishida["partners"][0]["events"] == 1


def test_click_through_reaches_every_mention(dedup, reported):
    point = dedup.get("/api/dyad/JPN/USA/events?period=2017-02-01").json()["events"]
    meeting_event = next(e for e in point if e["cameo"] == "040")
    assert [e["num_mentions"] for e in point] == [3, 1]
    assert (meeting_event["num_articles"], meeting_event["num_sources"]) == (3, 2)
    page = dedup.get(f"/api/event/{meeting_event['cluster_id']}").json()
    mentions = page["mentions"]
    assert len(mentions) == 3 and page["mirror_id"] is not None
    assert {m["source_name"] for m in mentions} == {"Shinzo Abe", "Fumio Kishida"}
    with Store(reported, read_only=True) as store:
        evidence = store.events(cluster_id=meeting_event["cluster_id"])
        assert sorted(m["event_id"] for m in mentions) == sorted(evidence["event_id"])
        texts = dict(zip(store.documents()["doc_id"], store.documents()["text"], strict=True))
    for mention in mentions:
        assert mention["sentence"] in texts[mention["doc_id"]]
        assert mention["trigger_text"] in mention["sentence"]
    html = dedup.get(f"/event/{meeting_event['cluster_id']}").text
    assert "3 mentions" in html and f'href="/event/{page["mirror_id"]}"' in html
    for mention in mentions:
        assert f'href="/article/{mention["doc_id"]}#event-{mention["event_id"]}"' in html
    # each list leads to the event's mentions
    assert f'href="/event/{meeting_event["cluster_id"]}"' in dedup.get("/search?actor=JPN").text
    article = dedup.get(f"/article/{meeting_event['doc_id']}").text
    assert f'href="/event/{meeting_event["cluster_id"]}"' in article
    assert dedup.get("/api/event/999999").status_code == 404


def test_a_store_whose_deduplication_is_stale_is_refused(tmp_path):
    db = tmp_path / "stale.duckdb"
    with Store(db) as store:  # a run that wrote its results but never finished
        run_id = store.begin_run(command="run", args={})
        store.write_results(
            [story("a", "2017-02-10", [coded(KISHIDA, builders.TRUMP, "040")])], run_id=run_id
        )
    with pytest.raises(StoreError, match="out of date.*detente dedup"):
        create_app(db)


# -- hostile text ---------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(client, ids):
    page = client.get(f"/article/{ids['hostile']}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<svg onload" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page.lower()
    assert "javascript:alert(document.cookie)" in page  # shown as text, not as a link
    assert "onmouseover=alert(5)" not in page.replace("&lt;b onmouseover=alert(5)&gt;", "")
    # page data for the scripts cannot close its <script> element
    data = re.search(r'id="page-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data
    for path in ("/search?q=script+alert", "/validate?n=200&asserted=false", "/"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<svg onload" not in html, path


def test_hostile_url_and_title_in_json_stay_data(client, ids):
    document = client.get(f"/api/article/{ids['hostile']}").json()["document"]
    assert document["url"] == "javascript:alert(document.cookie)"
    assert document["title"].startswith("<script>")


def test_safe_url_allows_only_http_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
                "//evil.example", "", None, "http://[::1"):  # fmt: skip
        assert safe_url(bad) is None


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"].split("style-src")[0]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/article/nope", 404, "no article 'nope'"),
        ("/actor/not-an-actor", 404, "no actor 'not-an-actor'"),
        ("/actor/ZZZ", 404, "nothing in this store is coded"),
        ("/no/such/page", 404, "no page at /no/such/page"),
        ("/dyad/JPN/USA?freq=fortnight", 400, "freq"),
        ("/dyad/JPN/USA?from=2017-13-01", 400, "from='2017-13-01' is not a date"),
        ("/dyad/JPN/USA?from=2017-03-01&to=2017-01-01", 400, "is after"),
        ("/dyad/JPN/USA?freq=day&from=1900-01-01&to=2017-01-01", 400, "narrow the dates"),
        ("/dyad/JPN/USA/events", 400, "period"),
        ("/dyad/JPN/USA?plover=ASSAULT", 400, "do not apply here"),
        ("/event/0", 400, "cluster_id"),
        ("/event/12345", 404, "no deduplicated event 12345"),
        ("/search?limit=100000", 400, "limit"),
        ("/search?q=" + "x" * 201, 400, "q"),
        ("/network?level=galaxy", 400, "level"),
        ("/map?mode=change&window=0", 400, "window"),
        ("/judgements?right=1,x", 400, "event ids separated by commas"),
        ("/judgements?right=1&wrong=1", 400, "both right and wrong"),
        ("/dyad?a=JPN", 400, "choose two actors"),
    ],
)
def test_errors_are_clear_pages_and_json(hand, path, status, message):
    page = hand.get(path)
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert message in page.text.replace("&#39;", "'") and "Traceback" not in page.text
    if not path.startswith(("/no/", "/dyad?")):
        data = hand.get("/api" + path)
        assert data.status_code == status
        assert message in data.json()["error"]["message"]


def test_wrong_method_and_sql_in_parameters(hand):
    assert hand.post("/api/overview").status_code == 405
    injected = hand.get("/api/search", params={"actor": "' OR 1=1 --"}).json()
    assert injected["events"]["total"] == 0
    unknown = hand.get("/api/dyad/JPN' OR '1'='1/USA")
    assert unknown.status_code == 404
    assert "no event in the store has \"JPN' OR '1'='1\"" in unknown.json()["error"]["message"]
    assert hand.get("/api/search", params={"q": "'; DROP TABLE events; --"}).status_code == 200
    assert hand.get("/api/search?plover=ASSAULT").json()["events"]["total"] == 6


def test_dyad_form_redirects_to_the_dyad(hand):
    response = hand.get("/dyad?a=JPN&b=USA", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyad/JPN/USA"


def test_the_store_is_opened_read_only(hand):
    store = hand.app.state.store
    assert store.read_only
    with pytest.raises(duckdb.Error):
        store.cursor().execute("DELETE FROM events")


def test_serve_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from detente.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no such store" in result.output


def test_serve_checks_workers_and_the_store_before_starting_processes(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from detente.cli.main import app
    from detente.web.app import DB_VARIABLE, app_from_environment

    db = tmp_path / "stale.duckdb"
    with Store(db) as store:  # results written, the run never finished: dedup out of date
        run_id = store.begin_run(command="run", args={})
        store.write_results(
            [story("a", "2017-02-10", [coded(KISHIDA, builders.TRUMP, "040")])], run_id=run_id
        )
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--workers", "0"])
    assert result.exit_code == 2 and "--workers 0" in result.output
    # several processes: the store is checked here, before any process starts
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--workers", "2"])
    assert result.exit_code != 0 and "out of date" in result.output
    monkeypatch.delenv(DB_VARIABLE, raising=False)
    with pytest.raises(UsageError, match=DB_VARIABLE):
        app_from_environment()


def test_loopback_detection():
    from detente.cli.serve import is_loopback

    assert all(map(is_loopback, ("127.0.0.1", "127.8.0.1", "localhost", "::1", "[::1]")))
    assert not any(map(is_loopback, ("0.0.0.0", "192.168.1.4", "example.org", "::")))


# -- the parts ------------------------------------------------------------------------------


def test_segments_cover_the_text_once_with_overlapping_facts():
    text = "Abe met Trump in Florida."
    spans = [
        Span(0, 3, "m0", "actor"),
        Span(0, 3, "e1", "source"),
        Span(4, 7, "e1", "trigger"),
        Span(8, 13, "e1", "target"),
        Span(8, 13, "m1", "actor"),
        Span(0, 24, "q2", "quote"),
        Span(17, 99, "m2", "place"),  # runs past the end: clipped
    ]
    pieces = segments(text, spans)
    assert "".join(p.text for p in pieces) == text
    first = pieces[0]
    assert (first.text, set(first.facts), set(first.roles)) == (
        "Abe",
        {"m0", "e1", "q2"},
        {"actor", "source", "quote"},
    )
    assert [p.text for p in pieces if "place" in p.roles] == ["Florida", "."]
    assert segments("", spans) == []


def test_segments_html_escapes_every_piece():
    text = 'A <script>x</script> & "Trump" met.'
    pieces = segments(text, [Span(2, 20, "e1", "trigger"), Span(23, 30, "m0", "actor")])
    html = str(segments_html(pieces))
    assert html == (
        'A <mark class="trigger" data-facts="e1" tabindex="0">&lt;script&gt;x&lt;/script&gt;'
        '</mark> &amp; <mark class="actor" data-facts="m0" tabindex="0">&#34;Trump&#34;</mark> met.'
    )


def test_evidence_cuts_a_sentence_to_the_lines_of_its_event():
    text = "Leaders meet\nAbe met Trump in Florida.\n\nNext."
    start, end = 0, text.index("Next")  # a headline glued to the sentence, and the blank line
    assert evidence(text, start, end, 13, 26) == "Abe met Trump in Florida."
    # an event across the line break keeps both lines; no span or no sentence
    assert evidence(text, start, end, 8, 20) == "Leaders meet\nAbe met Trump in Florida."
    assert evidence(text, start, end, None, None) == text[:end].strip()
    assert evidence(text, None, None, 13, 26) == ""


def test_wilson_interval_known_values():
    assert wilson_interval(8, 10) == pytest.approx((0.4902, 0.9433), abs=1e-4)
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert precision(0, 0)["precision"] is None


def test_ids_and_csv_cells():
    assert parse_ids("3, 17,42,", "right") == [3, 17, 42]
    assert parse_ids(None, "right") == []
    text = to_csv([{"event_id": 1, "rule": "--- SAY", "sentence": '=HYPERLINK("x")'}])
    row = list(csv.DictReader(io.StringIO(text)))[0]
    assert row["rule"] == "--- SAY" and row["sentence"] == '\'=HYPERLINK("x")'


def test_snippet_marks_whole_words_only():
    pieces = snippet("Sanctions on Iran; Iranian oil and iran.", ["iran"])
    assert [p for p, hit in pieces if hit] == ["Iran", "iran"]
    assert "".join(p for p, _ in pieces) == "Sanctions on Iran; Iranian oil and iran."


def test_periods_and_truncation():
    day = dt.date(2020, 11, 18)  # a Wednesday
    assert truncate(day, "week") == dt.date(2020, 11, 16)
    assert truncate(day, "quarter") == dt.date(2020, 10, 1)
    months = list(period_starts(dt.date(2020, 11, 1), dt.date(2021, 2, 1), "month"))
    assert months[-1] == dt.date(2021, 2, 1) and len(months) == 4
    assert period_count(dt.date(2020, 11, 18), dt.date(2021, 2, 1), "month") == len(months)
    assert period_count(day, day + dt.timedelta(days=13), "week") == 3
    assert period_count(day, day - dt.timedelta(days=1), "day") == 0
    # the dyad rule: a code in capitals on the deduplicated event, an actor id on its mentions
    where, params = EventFilter(actor="JPN").clusters()
    assert "c.source_country = ?" in where and params == ["JPN", "JPN%", "JPN", "JPN%"]
    where, params = EventFilter(actor="person:shinzo-abe").clusters()
    assert "event_dedup" in where and params[0] == "person:shinzo-abe"


def test_article_highlighting_uses_hand_built_offsets(hand_store):
    with TestClient(create_app(hand_store)) as client:
        doc_id = Article(ref="m1", text="Desk m1\n\nAbe met Trump on Friday.").doc_id
        page = client.get(f"/article/{doc_id}").text
    assert re.search(r'<mark class="[^"]*trigger[^"]*" data-facts="e\d+"[^>]*>met</mark>', page)
    assert re.search(r'<mark class="actor source" data-facts="m0 e\d+"[^>]*>Abe</mark>', page)
