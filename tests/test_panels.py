"""Panels and dyads over a real store: zero-filled, deduplicated, factuality-filtered."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest
from builders import ABE, PUTIN, TRUMP, UN, XI, coded, fill, story

from detente.errors import NotFoundError, UsageError
from detente.store import Store, panels
from detente.store.factuality import Factuality
from detente.store.panels import plover_categories


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("panels") / "panels.duckdb"
    with Store(path) as opened:
        fill(
            opened,
            [
                # January: one meeting reported by two outlets, coded both ways in each
                story("a", "2017-01-10", [coded(ABE, TRUMP, "040", both_ways=True)], outlet="Wire"),
                story(
                    "b", "2017-01-10", [coded(ABE, TRUMP, "040", both_ways=True)], outlet="Paper"
                ),
                # February: nothing. March: criticism, a plan, a denial
                story(
                    "c",
                    "2017-03-05",
                    [
                        coded(TRUMP, XI, "111"),
                        coded(TRUMP, XI, "163", modality="intended"),
                        coded(XI, TRUMP, "190", negated=True),
                    ],
                ),
                # April: Xi praises Putin; Abe praises himself (domestic)
                story("d", "2017-04-02", [coded(XI, PUTIN, "051"), coded(ABE, ABE, "051")]),
                story("undated", None, [coded(ABE, XI, "040")]),
            ],
        )
        yield opened


def month(frame: pd.DataFrame) -> list[str]:
    return frame["period"].dt.strftime("%Y-%m").tolist()


def test_country_month_panel_is_zero_filled(store):
    panel = store.panel("country-month")
    assert sorted(set(panel["country"])) == ["CHN", "JPN", "RUS", "USA"]
    assert month(panel[panel["country"] == "RUS"]) == ["2017-01", "2017-02", "2017-03", "2017-04"]
    usa = panel[panel["country"] == "USA"]
    usa = usa.set_index(usa["period"].dt.strftime("%Y-%m"))
    # the January meeting, coded both ways and reported twice, is one event, from two articles
    assert usa.loc["2017-01", "events"] == 1 and usa.loc["2017-01", "articles"] == 2
    assert usa.loc["2017-02", "events"] == 0 and pd.isna(usa.loc["2017-02", "goldstein_mean"])
    # March: only the asserted criticism; the intended sanction and the denied attack are out
    assert (usa.loc["2017-03", "events"], usa.loc["2017-03", "verbal_conflict"]) == (1, 1)
    assert usa.loc["2017-03", "accuse"] == 1 and usa.loc["2017-03", "sanction"] == 0
    assert (usa.iloc[0]["cow_code"], usa.iloc[0]["gw_code"]) == (2, 2)
    columns = set(panel.columns)
    assert {c.lower() for c in plover_categories()} <= columns
    assert {"verbal_cooperation", "material_conflict", "goldstein_sum", "articles"} <= columns


def test_domestic_events_count_once_for_their_country(store):
    panel = store.panel("country-month", date_from="2017-04", date_to="2017-04")
    jpn = panel[panel["country"] == "JPN"].iloc[0]
    assert jpn["events"] == 1 and jpn["support"] == 1


def test_directed_and_undirected_dyads(store):
    directed = store.panel("dyad-month")
    pairs = {
        (r.source_country, r.target_country, r.period.strftime("%Y-%m")): r.events
        for r in directed.itertuples()
    }
    assert pairs[("JPN", "USA", "2017-01")] == 1 and pairs[("USA", "JPN", "2017-01")] == 1
    assert pairs[("JPN", "JPN", "2017-04")] == 1  # domestic pairs are kept
    undirected = store.panel("dyad-month", directed=False)
    key = (undirected["country_a"] == "JPN") & (undirected["country_b"] == "USA")
    jan_pair = undirected[key & (undirected["period"] == "2017-01-01")].iloc[0]
    assert jan_pair["events"] == 1  # "Abe met Trump" both ways counts once
    assert jan_pair["articles"] == 2
    assert {"a_cow_code", "b_gw_code"} <= set(undirected.columns)


def test_listed_countries_give_a_balanced_panel(store):
    panel = store.panel(
        "dyad-month", countries=["USA", "CHN", "FRA"], date_from="2017-03", date_to="2017-04"
    )
    assert len(panel) == 9 * 2  # every ordered pair of the three, themselves included, x 2 months
    assert panel[(panel["source_country"] == "FRA")]["events"].sum() == 0
    usa_chn = panel[(panel["source_country"] == "USA") & (panel["target_country"] == "CHN")]
    assert usa_chn["events"].tolist() == [1, 0]
    undirected = store.panel("dyad-year", directed=False, countries=["USA", "CHN", "FRA"])
    assert len(undirected) == 6  # pairs with a <= b


def test_switches_widen_what_counts(store):
    everything = store.panel(
        "dyad-year", countries=["USA", "CHN"], asserted_only=False, include_negated=True
    )
    usa_chn = everything[
        (everything["source_country"] == "USA") & (everything["target_country"] == "CHN")
    ].iloc[0]
    assert usa_chn["events"] == 2 and usa_chn["sanction"] == 1
    chn_usa = everything[
        (everything["source_country"] == "CHN") & (everything["target_country"] == "USA")
    ].iloc[0]
    assert chn_usa["assault"] == 1
    raw = store.panel("country-year", dedup=False)
    assert raw[raw["country"] == "USA"]["events"].iloc[0] == 3  # every mention: 2 meetings + 1


def test_articles_can_be_left_out(store):
    panel = store.panel("country-month", articles=False)
    assert "articles" not in panel.columns
    assert panel["events"].sum() == store.panel("country-month")["events"].sum()


def test_roles_and_daily_panels(store):
    sources = store.panel("country-month", role="source", date_from="2017-03", date_to="2017-03")
    assert sources.set_index("country")["events"].to_dict() == {"USA": 1}
    daily = store.panel("dyad-day", date_from="2017-01-09", date_to="2017-01-11")
    assert sorted(set(daily["period"].dt.strftime("%d"))) == ["09", "10", "11"]


def test_bad_panel_requests_are_clear(store):
    with pytest.raises(UsageError, match="unit='dyad-fortnight'"):
        store.panel("dyad-fortnight")
    with pytest.raises(UsageError, match="over max_rows"):
        store.panel("dyad-day", countries=["USA", "CHN", "JPN"], max_rows=100)
    with pytest.raises(UsageError, match="is after"):
        store.panel("country-month", date_from="2018", date_to="2017")
    with pytest.raises(UsageError, match="countries must be a list"):
        store.panel("country-month", countries="USA")


def test_dyad_counts_deduplicated_occurred_events(store):
    trend = store.dyad("JPN", "USA")
    assert month(trend) == ["2017-01"]
    row = trend.iloc[0]
    assert (row["events"], row["a_to_b"], row["b_to_a"], row["articles"]) == (1, 1, 1, 2)
    assert store.dyad("JPN", "USA", dedup=False)["events"].tolist() == [2]
    assert store.dyad("USA", "CHN", asserted_only=False)["events"].tolist() == [2]
    ranged = store.dyad("USA", "CHN", date_from="2017-02", date_to="2017-04")
    assert month(ranged) == ["2017-02", "2017-03", "2017-04"]
    assert ranged["events"].tolist() == [0, 1, 0]


def test_dyad_takes_names_and_ids_and_says_what_it_does_not_know(store):
    by_name = store.dyad("Donald Trump", "Xi Jinping")
    assert by_name["events"].sum() == 1
    assert store.dyad("person:shinzo-abe", "USA")["events"].sum() == 1
    with pytest.raises(NotFoundError, match="'XYZ'.*ISO3") as caught:
        store.dyad("XYZ", "USA")
    assert "dyad takes" in str(caught.value)
    with pytest.raises(NotFoundError, match="Shinzo Abe"):
        store.dyad("Abe Shinzo", "USA")  # a suggestion from the stored actors
    assert store.dyad("RUS", "JPN").empty  # both known, nothing between them: no error


def test_a_symmetric_event_counts_in_both_directions(tmp_path):
    with Store(tmp_path / "symmetric.duckdb") as store:
        # one meeting, coded once as a symmetric event, reported "Abe met Xi" and "Xi met Abe"
        fill(
            store,
            [
                story("a", "2017-05-10", [coded(ABE, XI, "040", symmetric=True)], outlet="Wire"),
                story("b", "2017-05-10", [coded(XI, ABE, "040", symmetric=True)], outlet="Paper"),
            ],
        )
        row = store.dyad("JPN", "CHN").iloc[0]
        assert (row["events"], row["a_to_b"], row["b_to_a"], row["articles"]) == (1, 1, 1, 2)
        assert store.dyad("CHN", "JPN", both_directions=False)["events"].tolist() == [1]
        assert store.dyad("JPN", "CHN", dedup=False)["events"].tolist() == [2]
        directed = store.panel("dyad-month")
        pairs = {(r.source_country, r.target_country): r.events for r in directed.itertuples()}
        assert pairs == {("JPN", "CHN"): 1, ("CHN", "JPN"): 1}
        undirected = store.panel("dyad-month", directed=False)
        assert undirected["events"].tolist() == [1]


# -- the panel layer gives the numbers of a straightforward scan ---------------------------


def _random_stories(seed: int) -> list:
    """Stories over three years: re-reports of earlier happenings on other days, symmetric
    and mirrored events, every modality and negation, domestic and country-less events."""
    rng = random.Random(seed)
    people = [ABE, TRUMP, XI, PUTIN, UN]
    codes = ["040", "042", "051", "057", "111", "163", "190"]
    start = dt.date(2016, 12, 20)
    stories, earlier = [], []
    for n in range(120):
        day = start + dt.timedelta(days=rng.randrange(760))
        events = []
        for _ in range(rng.randint(1, 4)):
            if earlier and rng.random() < 0.35:
                source, target, code, when = rng.choice(earlier)
            else:
                source, target = rng.choice(people), rng.choice(people)
                code, when = rng.choice(codes), day - dt.timedelta(days=rng.choice([0, 0, 3, 40]))
                earlier.append((source, target, code, when))
            events.append(
                coded(
                    source,
                    target,
                    code,
                    date=when.isoformat(),
                    modality=rng.choice(["asserted"] * 4 + ["intended"]),
                    negated=rng.random() < 0.15,
                    both_ways=code == "040" and rng.random() < 0.3,
                    symmetric=code == "057" and rng.random() < 0.5,
                )
            )
        stories.append(story(f"r{n}", day.isoformat(), events, outlet=f"Outlet {n % 7}"))
    return stories


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("layer") / "layer.duckdb") as opened:
        fill(opened, _random_stories(11))
        yield opened


LAYER_CASES = [
    *(
        {"unit": f"{kind}-{freq}", **dates}
        for kind in ("country", "dyad")
        for freq in ("day", "week", "month", "quarter", "year")
        for dates in (
            {},
            {"date_from": "2017", "date_to": "2018-06"},  # whole periods
            {"date_from": "2017-02-14", "date_to": "2018-05-03"},  # cut periods
        )
    ),
    {"unit": "country-month", "role": "source", "date_from": "2017-03"},
    {"unit": "country-quarter", "role": "target", "date_to": "2018-08-09"},
    {"unit": "dyad-month", "directed": False},
    {"unit": "dyad-quarter", "directed": False, "date_from": "2017-05-06"},
    {"unit": "dyad-month", "countries": ["JPN", "USA", "CHN"], "date_from": "2017-04"},
    {"unit": "country-year", "countries": ["RUS", "USA"], "date_from": "2017-07-01"},
    {"unit": "country-month", "asserted_only": False},
    {"unit": "country-month", "include_negated": True, "date_from": "2017-01-20"},
    {"unit": "dyad-month", "asserted_only": False, "include_negated": True},
    {"unit": "dyad-week", "directed": False, "include_negated": True},
    {"unit": "country-year", "articles": False},
]


@pytest.mark.parametrize("case", LAYER_CASES, ids=lambda case: "-".join(map(str, case.values())))
def test_the_panel_layer_gives_the_numbers_of_a_scan(varied, case):
    case = dict(case)
    spec = panels.PanelSpec.parse(
        case.pop("unit"), directed=case.pop("directed", True), role=case.pop("role", "any")
    )
    factuality = Factuality(case.pop("asserted_only", True), case.pop("include_negated", False))
    arguments = {"date_from": None, "date_to": None, **case}

    def panel(layer: bool) -> pd.DataFrame:
        return panels.panel(
            varied.cursor(), spec, factuality=factuality, dedup=True, layer=layer, **arguments
        )

    fast, scanned = panel(True), panel(False)
    assert fast["events"].sum() > 0
    goldstein = ["goldstein_sum", "goldstein_mean"]
    # sums of the same numbers in another order: equal to the last bits
    pd.testing.assert_frame_equal(fast.drop(columns=goldstein), scanned.drop(columns=goldstein))
    pd.testing.assert_frame_equal(fast[goldstein], scanned[goldstein], rtol=1e-12)


def test_the_panel_layer_counts_what_a_plain_query_counts(varied):
    """Country-month events and distinct articles, from event_clusters in plain SQL."""
    expected = varied.sql(
        """
        WITH counted AS (
            SELECT date_trunc('month', date) AS period, cluster_id, undirected_id,
                   source_country, target_country, doc_ids
            FROM event_clusters
            WHERE modality = 'asserted' AND NOT negated AND date IS NOT NULL
              AND cluster_id = undirected_id
        ),
        sides AS (
            SELECT period, source_country AS country, cluster_id, doc_ids FROM counted
            WHERE source_country IS NOT NULL
            UNION
            SELECT period, target_country, cluster_id, doc_ids FROM counted
            WHERE target_country IS NOT NULL
        )
        SELECT period, country, count(DISTINCT cluster_id) AS events,
               count(DISTINCT doc) AS articles
        FROM (SELECT *, unnest(doc_ids) AS doc FROM sides)
        GROUP BY period, country ORDER BY country, period
        """
    )
    panel = varied.panel("country-month")
    observed = panel[panel["events"] > 0].reset_index(drop=True)
    assert len(observed) == len(expected) > 20
    assert observed["events"].tolist() == expected["events"].tolist()
    assert observed["articles"].tolist() == expected["articles"].tolist()
    assert observed["country"].tolist() == expected["country"].tolist()


def test_a_version_4_store_gets_its_panel_layer_on_upgrade(tmp_path):
    path = tmp_path / "v4.duckdb"
    with Store(path) as store:
        fill(store, _random_stories(5)[:30])
        before = store.panel("dyad-month", directed=False)
        store.sql("DROP TABLE panel_rows")
        store.sql("DROP TABLE panel_months")
        store.sql("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.sql("SELECT count(*) AS n FROM panel_rows")["n"][0] == 0  # out of date
        pd.testing.assert_frame_equal(store.panel("dyad-month", directed=False), before)
        assert store.sql("SELECT count(*) AS n FROM panel_rows")["n"][0] > 0
