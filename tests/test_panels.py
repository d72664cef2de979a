"""Panels and dyads over a real store: zero-filled, deduplicated, factuality-filtered."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import ABE, PUTIN, TRUMP, XI, coded, fill, story

from detente.errors import NotFoundError, UsageError
from detente.store import Store
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
