"""``--min-confidence``: the store's event queries, dyads, panels and exports keep only
events at least that likely to be right (a real store, hand-built events)."""

from __future__ import annotations

import csv
import json

import pytest
from builders import ABE, TRUMP, XI, coded, fill, story
from typer.testing import CliRunner

from detente.cli.main import app
from detente.errors import UsageError
from detente.store import Store
from detente.store.factuality import Factuality

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("confidence") / "confidence.duckdb"
    with Store(path) as store:
        fill(
            store,
            [
                # one meeting told by two outlets: one sure mention, one unsure
                story("a", "2017-01-10", [coded(ABE, TRUMP, "040", confidence=0.9)], outlet="W"),
                story("b", "2017-01-10", [coded(ABE, TRUMP, "040", confidence=0.2)], outlet="P"),
                # March: an unsure criticism only
                story("c", "2017-03-05", [coded(TRUMP, XI, "111", confidence=0.1)]),
                # April: a sure attack, and an unsure praise
                story(
                    "d",
                    "2017-04-02",
                    [
                        coded(XI, ABE, "190", confidence=0.7),
                        coded(TRUMP, ABE, "051", confidence=0.4),
                    ],
                ),
            ],
        )
    return path


@pytest.fixture
def store(db):
    with Store(db) as opened:
        yield opened


def test_events_keep_those_at_least_as_confident(store):
    assert len(store.events()) == 5
    kept = store.events(min_confidence=0.4)
    assert sorted(kept["confidence"].round(2).tolist()) == [0.4, 0.7, 0.9]
    assert store.events(min_confidence=0.95).empty


def test_a_deduplicated_event_is_kept_when_one_mention_is(store):
    assert store.dyad("JPN", "USA")["events"].tolist() == [1, 0, 0, 1]  # April: the praise
    trend = store.dyad("JPN", "USA", min_confidence=0.5)
    assert trend["events"].tolist() == [1] and trend["articles"].tolist() == [2]
    assert store.dyad("JPN", "USA", min_confidence=0.95).empty
    assert store.dyad("JPN", "USA", dedup=False, min_confidence=0.5)["events"].tolist() == [1]
    clusters = store.deduplicated_events(min_confidence=0.5)
    assert sorted(clusters["cameo"].tolist()) == ["040", "190"]


def test_panels_count_confident_events(store):
    months = {"date_from": "2017-01", "date_to": "2017-04", "role": "source"}
    every = store.panel("country-month", countries=["USA", "JPN"], **months)
    sure = store.panel("country-month", countries=["USA", "JPN"], min_confidence=0.5, **months)

    def counts(frame, country):
        return frame[frame["country"] == country]["events"].tolist()

    assert counts(every, "USA") == [0, 0, 1, 1] and counts(sure, "USA") == [0, 0, 0, 0]
    assert counts(every, "JPN") == [1, 0, 0, 0] and counts(sure, "JPN") == [1, 0, 0, 0]


def test_exports_keep_confident_events(store, tmp_path):
    path = tmp_path / "events.plover.jsonl"
    assert store.export("events", path, fmt="plover") == 5
    assert store.export("events", path, fmt="plover", force=True, min_confidence=0.5) == 2
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["confidence"] for r in records) == [0.7, 0.9]
    gdelt = tmp_path / "events.gdelt.tsv"
    assert store.export("events", gdelt, fmt="gdelt") == 4  # deduplicated events
    assert store.export("events", gdelt, fmt="gdelt", force=True, min_confidence=0.5) == 2


@pytest.mark.parametrize("value", [-0.1, 1.5, float("nan"), "0.5", True])
def test_a_bad_threshold_is_refused(store, value):
    with pytest.raises(UsageError, match="min_confidence"):
        store.events(min_confidence=value)
    with pytest.raises(UsageError, match="min_confidence"):
        Factuality(min_confidence=value)


def test_the_filter_says_what_it_keeps():
    assert Factuality(min_confidence=0.5).describe() == "asserted, not negated, confidence >= 0.5"
    assert Factuality().sql("e") == "(e.modality = 'asserted' AND NOT coalesce(e.negated, false))"


def test_cli_min_confidence(db, tmp_path):
    out = tmp_path / "panel.csv"
    result = runner.invoke(
        app,
        ["panel", "--unit", "country-month", "--min-confidence", "0.5", "--db", str(db)]
        + ["--from", "2017-01", "--to", "2017-04", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_country = {}
    for row in rows:
        by_country.setdefault(row["country"], []).append(row["events"])
    # January's meeting through its sure mention; April's sure attack, not the praise
    assert by_country == {
        "CHN": ["0", "0", "0", "1"],
        "JPN": ["1", "0", "0", "1"],
        "USA": ["1", "0", "0", "0"],
    }
    plover = tmp_path / "sure.plover.jsonl"
    result = runner.invoke(
        app, ["export", "events", str(plover), "--min-confidence", "0.8", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert len(plover.read_text(encoding="utf-8").splitlines()) == 1
    refused = runner.invoke(app, ["dyad", "JPN", "USA", "--min-confidence", "2", "--db", str(db)])
    assert refused.exit_code == 2
