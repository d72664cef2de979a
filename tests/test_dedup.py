"""Deduplication on a real DuckDB file: story events, deduplicated events, evidence, mirrors."""

from __future__ import annotations

import pytest
from builders import ABE, TRUMP, UN, XI, coded, fill, story

from detente.errors import StoreError, UsageError
from detente.store import Store
from detente.store.factuality import Factuality


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "dedup.duckdb") as opened:
        yield opened


def clusters(store: Store, **kw):
    return store.deduplicated_events(**kw).to_dict("records")


def test_one_story_repeating_an_event_is_one_story_event(store):
    # the same (JPN, USA, 040) twice in one article, plus a different code
    fill(
        store,
        [story("a", "2017-02-10", [coded(ABE, TRUMP, "040")] * 2 + [coded(ABE, TRUMP, "051")])],
    )
    rows = clusters(store)
    assert [(r["cameo"], r["num_mentions"], r["num_stories"], r["num_articles"]) for r in rows] == [
        ("040", 2, 1, 1),
        ("051", 1, 1, 1),
    ]
    events = store.events().sort_values("event_id")
    dedup = store.sql("SELECT * FROM event_dedup ORDER BY event_id")
    assert dedup["story_id"].tolist() == [events["event_id"].iloc[0]] * 2 + [
        events["event_id"].iloc[2]
    ]


def test_reports_across_stories_merge_within_the_window(store):
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(ABE, TRUMP, "040")], outlet="Wire"),
            story("b", "2017-02-10", [coded(ABE, TRUMP, "040")], outlet="Paper"),
            story("c", "2017-02-10", [coded(ABE, TRUMP, "040")], outlet="Paper"),
            story("d", "2017-02-11", [coded(ABE, TRUMP, "040")], outlet="Wire"),
            story("e", "2017-02-10", [coded(TRUMP, ABE, "040")], outlet="Wire"),  # other direction
        ],
    )
    rows = clusters(store)
    same_day = next(
        r for r in rows if r["source_key"] == "JPNGOV" and str(r["date"])[:10] == "2017-02-10"
    )
    assert (same_day["num_mentions"], same_day["num_articles"], same_day["num_sources"]) == (
        3,
        3,
        2,
    )
    assert len(same_day["event_ids"]) == 3 and len(same_day["doc_ids"]) == 3  # the evidence
    assert len(rows) == 3  # 10 Feb, 11 Feb, and the reverse direction
    # a two-day window merges the next day's report into the same event
    summary = store.deduplicate(window_days=2)
    assert summary["window_days"] == 2 and summary["deduplicated_events"] == 2
    merged = next(r for r in clusters(store) if r["source_key"] == "JPNGOV")
    assert merged["num_articles"] == 4 and str(merged["last_date"])[:10] == "2017-02-11"
    # the window is kept: a later run deduplicates with it
    fill(store, [story("f", "2017-02-12", [coded(XI, TRUMP, "040")])])
    assert store.dedup_summary()["window_days"] == 2
    with pytest.raises(UsageError, match="window_days=0"):
        store.deduplicate(window_days=0)


def test_the_evidence_lists_the_mentions_of_each_event(store):
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(ABE, TRUMP, "040")]),
            story("b", "2017-02-10", [coded(ABE, TRUMP, "040")]),
        ],
    )
    (row,) = clusters(store)
    mentions = store.events(cluster_id=row["cluster_id"])
    assert sorted(mentions["event_id"]) == sorted(row["event_ids"])
    assert set(mentions["ref"]) == {"a", "b"}


def test_factuality_is_part_of_the_event_and_filters_it(store):
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(ABE, TRUMP, "040")]),
            story("b", "2017-02-10", [coded(ABE, TRUMP, "040", modality="intended")]),
            story("c", "2017-02-10", [coded(ABE, TRUMP, "040", negated=True)]),
            story(
                "d", "2017-02-10", [coded(ABE, TRUMP, "040", modality="possible")]
            ),  # a new value
        ],
    )
    assert [r["num_articles"] for r in clusters(store)] == [1]  # only the asserted one
    everything = clusters(store, asserted_only=False, include_negated=True)
    assert len(everything) == 4
    assert {r["modality"] for r in clusters(store, asserted_only=False)} == {
        "asserted",
        "intended",
        "possible",
    }
    summary = store.dedup_summary()
    assert (summary["events"], summary["occurred_events"]) == (4, 1)


def test_factuality_sql_keeps_only_asserted_and_not_negated():
    assert Factuality().sql("e") == "(e.modality = 'asserted' AND NOT coalesce(e.negated, false))"
    assert Factuality(asserted_only=False, include_negated=True).sql("e") == "TRUE"


def test_symmetric_pairs_share_an_undirected_id(store):
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(ABE, TRUMP, "040", both_ways=True)]),
            story(
                "b", "2017-02-10", [coded(ABE, TRUMP, "042", both_ways=True, reverse_cameo="043")]
            ),
        ],
    )
    rows = clusters(store)
    assert len(rows) == 4
    by_code = {}
    for row in rows:
        by_code.setdefault(row["cameo"], []).append(row)
    meet = by_code["040"]
    assert len(meet) == 2 and meet[0]["undirected_id"] == meet[1]["undirected_id"]
    visit, host = by_code["042"][0], by_code["043"][0]
    assert visit["undirected_id"] == host["undirected_id"] != meet[0]["undirected_id"]


def test_a_symmetric_event_is_one_event_in_either_direction(store):
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(ABE, TRUMP, "040", symmetric=True)]),
            story("b", "2017-02-10", [coded(TRUMP, ABE, "040", symmetric=True)]),
            story("c", "2017-02-10", [coded(TRUMP, ABE, "051")]),  # directed: its own
            story("d", "2017-02-10", [coded(ABE, TRUMP, "051")]),
        ],
    )
    rows = clusters(store)
    meet = [r for r in rows if r["cameo"] == "040"]
    assert len(meet) == 1 and meet[0]["num_articles"] == 2
    # the representative is the first report, with its own actors
    assert (meet[0]["source_key"], meet[0]["target_key"]) == ("JPNGOV", "USAGOV")
    assert meet[0]["source_code"] == "JPNGOV"
    assert len([r for r in rows if r["cameo"] == "051"]) == 2
    events = store.events()
    assert sorted(zip(events["cameo"], events["is_symmetric"], strict=True)) == [
        ("040", True),
        ("040", True),
        ("051", False),
        ("051", False),
    ]


def test_the_lead_paragraph_makes_a_root_event(store):
    fill(
        store,
        [
            story("lead", "2017-02-10", [coded(ABE, TRUMP, "051")], in_lead=True),
            story("later", "2017-02-10", [coded(XI, TRUMP, "051")]),
        ],
    )
    roots = {r["source_key"]: r["is_root_event"] for r in clusters(store)}
    assert roots == {"JPNGOV": True, "CHNGOV": False}


def test_undated_events_are_never_merged_across_stories(store):
    fill(
        store,
        [
            story("a", None, [coded(ABE, TRUMP, "040")]),
            story("b", None, [coded(ABE, TRUMP, "040")]),
        ],
    )
    rows = clusters(store)
    assert [r["num_articles"] for r in rows] == [1, 1]


def test_actors_without_a_code_are_compared_by_id(store):
    nameless = ("person:someone", "Someone", None, None, None)
    fill(
        store,
        [
            story("a", "2017-02-10", [coded(nameless, UN, "040")]),
            story("b", "2017-02-10", [coded(nameless, UN, "040")]),
        ],
    )
    (row,) = clusters(store)
    assert row["source_key"] == "person:someone" and row["target_key"] == "IGOUNO"
    assert row["num_articles"] == 2


def test_a_finished_run_leaves_the_layer_current_and_a_stale_one_is_refused_read_only(tmp_path):
    path = tmp_path / "stale.duckdb"
    with Store(path) as store:
        fill(store, [story("a", "2017-02-10", [coded(ABE, TRUMP, "040")])])
        run_id = store.begin_run(command="run", args={})
        store.write_results([story("b", "2017-02-10", [coded(ABE, TRUMP, "040")])], run_id=run_id)
        # killed here: the run never finishes
    with Store(path, read_only=True) as reader, pytest.raises(StoreError, match="detente dedup"):
        reader.panel("country-month")
    with Store(path) as writer:  # a writable store rebuilds on demand
        assert writer.dedup_summary()["events"] == 2
    with Store(path, read_only=True) as reader:
        assert reader.deduplicated_events()["num_articles"].tolist() == [2]


def test_a_failing_rebuild_reports_its_own_error_and_keeps_the_old_layer(store):
    fill(store, [story("a", "2017-02-10", [coded(ABE, TRUMP, "040")])])
    store._con.execute("ALTER TABLE event_clusters DROP COLUMN num_sources")  # break the table
    with pytest.raises(StoreError, match="num_sources") as caught:
        store.deduplicate()
    assert "transaction is aborted" not in str(caught.value)
    assert store.sql("SELECT count(*) AS n FROM event_dedup")["n"].iloc[0] == 1  # rolled back
