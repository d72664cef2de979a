"""The DuckDB store on real files: round-trips, idempotence, crash safety, queries, exports."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import detente
from detente.errors import SchemaVersionError, StoreError, UsageError
from detente.records import (
    Actor,
    Article,
    DocResult,
    Event,
    EventActor,
    Mention,
    Place,
    Problem,
    Quote,
    TextSpan,
)
from detente.store import SCHEMA_VERSION, Store
from detente.store.exports import gdelt

ROOT = Path(__file__).resolve().parent.parent

ABE = ("shinzo-abe", "Shinzo Abe", "JPNGOV", "JPN", "GOV")
TRUMP = ("donald-trump", "Donald Trump", "USAGOV", "USA", "GOV")
XI = ("xi-jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")


# -- building results by hand ---------------------------------------------------------------


def span_of(text: str, word: str, after: int = 0) -> tuple[int, int]:
    start = text.index(word, after)
    return start, start + len(word)


def event_actor(text: str, word: str, who: tuple) -> EventActor:
    start, end = span_of(text, word)
    return EventActor(word, start, end, *who)


def meeting(
    ref: str,
    date: str | None,
    *,
    verb: str = "met",
    cameo: str = "040",
    plover: str | None = "CONSULT",
    quad: int = 1,
    goldstein: float = 1.0,
    source: tuple = ABE,
    target: tuple | None = TRUMP,
    negated: bool = False,
) -> DocResult:
    """A one-sentence article "<Source> <verb> <Target> on Friday." fully coded."""
    source_word = source[1].split()[-1]
    target_word = target[1].split()[-1] if target else "reporters"
    sentence = f"{source_word} {verb} {target_word} on Friday."
    text = f"Desk {ref}\n\n{sentence}"
    article = Article(
        ref=ref, text=text, title=f"Story {ref}", date=date, url=f"https://example.org/{ref}"
    )
    doc_id = article.doc_id
    sent_start = text.index(sentence)
    trigger = TextSpan(verb, *span_of(text, verb, sent_start))
    mentions = [
        Mention(
            doc_id, *span_of(text, source_word, sent_start), source_word, "person", *source, "kb"
        ),
    ]
    if target:
        mentions.append(
            Mention(
                doc_id,
                *span_of(text, target_word, sent_start),
                target_word,
                "person",
                *target,
                "kb",
            )
        )
    event = Event(
        doc_id=doc_id,
        start=trigger.start,
        end=trigger.end,
        sentence_start=sent_start,
        sentence_end=len(text),
        trigger=trigger,
        date=date,
        source=event_actor(text, source_word, source),
        target=event_actor(text, target_word, target) if target else None,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover,
        quad_class=quad,
        goldstein=goldstein,
        negated=negated,
        rule=f"{verb}-pattern",
    )
    actors = [Actor(who[0], who[1], "person", *who[2:]) for who in (source, target) if who]
    return DocResult(article, sentences=1, mentions=mentions, actors=actors, events=[event])


def rich_result() -> DocResult:
    """One article with a record of every type, all fields filled."""
    text = (
        "White House\n\nAbe and Trump meet\n\n"
        'Prime Minister Shinzo Abe said on Friday that Japan "will stand with the United States" '
        "in the South China Sea."
    )
    article = Article(
        ref="seed.txt",
        text=text,
        title="Abe and Trump meet",
        section="White House",
        date="2017-02-10",
        source="Wire",
        url="https://example.org/abe",
        body_start=text.index("Prime"),
        record="7",
        lang="en",
    )
    doc_id = article.doc_id
    abe = span_of(text, "Shinzo Abe")
    japan = span_of(text, "Japan")
    sea = span_of(text, "South China Sea")
    quote_span = span_of(text, "will stand with the United States")
    said = span_of(text, "said")
    mentions = [
        Mention(doc_id, *abe, "Shinzo Abe", "person", *ABE, "kb", ner_label="PERSON"),
        Mention(
            doc_id,
            *japan,
            "Japan",
            "state",
            "state:JPN",
            "Japan",
            "JPN",
            "JPN",
            None,
            "kb",
            undated=True,
            ner_label="GPE",
        ),
        Mention(
            doc_id,
            *sea,
            "South China Sea",
            "place",
            None,
            "South China Sea",
            None,
            None,
            None,
            "kb",
            place_id="south-china-sea",
            lat=12.0,
            lon=113.5,
            claimants=("CHN", "VNM", "PHL"),
            ner_label="LOC",
        ),
    ]
    quote = Quote(
        doc_id=doc_id,
        start=quote_span[0],
        end=quote_span[1],
        text="will stand with the United States",
        kind="mixed",
        cue="said",
        cue_start=said[0],
        cue_end=said[1],
        speaker="Shinzo Abe",
        speaker_start=abe[0],
        speaker_end=abe[1],
        speaker_name="Shinzo Abe",
        speaker_actor="JPNGOV",
        speaker_description="Prime Minister",
        speaker_id="shinzo-abe",
        rule="said-that-quote",
    )
    trigger = TextSpan("stand with", *span_of(text, "stand with"))
    event = Event(
        doc_id=doc_id,
        start=trigger.start,
        end=trigger.end,
        sentence_start=article.body_start,
        sentence_end=len(text),
        trigger=trigger,
        date="2017-02-10",
        source=EventActor("Japan", *japan, "state:JPN", "Japan", "JPN", "JPN", None),
        target=EventActor(
            "the United States",
            *span_of(text, "the United States"),
            "state:USA",
            "United States",
            "USA",
            "USA",
            None,
        ),
        cameo="051",
        cameo_root="05",
        plover="COOPERATE",
        quad_class=1,
        goldstein=3.4,
        negated=False,
        modality="intended",
        confidence=0.8,
        rule="stand-with",
    )
    return DocResult(
        article,
        sentences=1,
        mentions=mentions,
        actors=[
            Actor(*ABE[:2], "person", *ABE[2:]),
            Actor("state:JPN", "Japan", "state", "JPN", "JPN", None),
        ],
        places=[
            Place(
                "south-china-sea",
                "South China Sea",
                "sea",
                ("South China Sea", "West Philippine Sea"),
                None,
                12.0,
                113.5,
                ("CHN", "VNM", "PHL"),
            )
        ],
        quotes=[quote],
        events=[event],
        problems=[
            Problem(
                ref="seed.txt",
                reason="long-sentence",
                detail="a sentence is over 200 words",
                severity="warning",
            )
        ],
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as opened:
        yield opened


def fill(store: Store, results: list[DocResult], command: str = "run") -> int:
    run_id = store.begin_run(command=command, args={"paths": ["x"]})
    store.write_results(results, run_id=run_id)
    store.finish_run(run_id, status="finished", summary={"documents": len(results)})
    return run_id


# -- round trips ------------------------------------------------------------------------------


def test_every_record_type_round_trips(store):
    result = rich_result()
    run_id = fill(store, [result])
    article = result.article

    doc = store.documents().iloc[0]
    assert doc["doc_id"] == article.doc_id
    assert (doc["ref"], doc["record"], doc["title"], doc["section"]) == (
        "seed.txt",
        "7",
        "Abe and Trump meet",
        "White House",
    )
    assert (doc["source"], doc["url"], doc["lang"], doc["body_start"]) == (
        "Wire",
        "https://example.org/abe",
        "en",
        article.body_start,
    )
    assert doc["date"] == pd.Timestamp("2017-02-10") and doc["text"] == article.text
    assert doc["run_id"] == run_id and doc["sentences"] == 1 and pd.isna(doc["skipped"])

    mentions = store.mentions(doc_id=article.doc_id)
    assert len(mentions) == 3
    for stored, mention in zip(mentions.to_dict("records"), result.mentions, strict=True):
        assert (
            article.text[stored["start_char"] : stored["end_char"]]
            == stored["text"]
            == mention.text
        )
        for field in (
            "kind",
            "actor_id",
            "name",
            "code",
            "country",
            "sector",
            "resolved_by",
            "undated",
            "place_id",
            "ner_label",
        ):
            assert (stored[field] if not pd.isna(stored[field]) else None) == getattr(
                mention, field
            ), field
    sea = mentions.iloc[2]
    assert list(sea["claimants"]) == ["CHN", "VNM", "PHL"] and (sea["lat"], sea["lon"]) == (
        12.0,
        113.5,
    )

    actors = store.actors()
    assert actors["actor_id"].tolist() == ["shinzo-abe", "state:JPN"]
    assert actors["mentions"].tolist() == [1, 1] and actors["code"].tolist() == ["JPNGOV", "JPN"]
    assert store.actors(actor="japan")["actor_id"].tolist() == ["state:JPN"]
    place = store.places().iloc[0]
    assert place["mentions"] == 1
    assert (
        list(place["names"]) == ["South China Sea", "West Philippine Sea"]
        and place["kind"] == "sea"
    )

    quote = store.quotes(doc_id=article.doc_id).iloc[0]
    expected = result.quotes[0]
    assert article.text[quote["start_char"] : quote["end_char"]] == expected.text == quote["text"]
    assert article.text[quote["cue_start"] : quote["cue_end"]] == "said"
    assert article.text[quote["speaker_start"] : quote["speaker_end"]] == "Shinzo Abe"
    for field in (
        "kind",
        "speaker_name",
        "speaker_actor",
        "speaker_description",
        "speaker_id",
        "rule",
    ):
        assert quote[field] == getattr(expected, field)
    assert quote["quote_id"] >= 1

    event = store.events(doc_id=article.doc_id).iloc[0]
    expected = result.events[0]
    assert event["cameo"] == "051" and event["cameo_root"] == "05"  # leading zero kept
    assert (
        article.text[event["trigger_start"] : event["trigger_end"]]
        == event["trigger_text"]
        == "stand with"
    )
    assert (event["start_char"], event["end_char"]) == (expected.start, expected.end)
    assert article.text[event["source_start"] : event["source_end"]] == "Japan"
    assert (event["source_actor_id"], event["source_code"], event["target_country"]) == (
        "state:JPN",
        "JPN",
        "USA",
    )
    assert (event["plover"], event["quad_class"], event["goldstein"]) == ("COOPERATE", 1, 3.4)
    assert (event["modality"], event["confidence"], event["negated"], event["rule"]) == (
        "intended",
        0.8,
        False,
        "stand-with",
    )
    assert event["date"] == pd.Timestamp("2017-02-10")

    problems = store.errors(run_id=run_id)
    assert problems[["reason", "severity", "doc_id"]].values.tolist() == [
        ["long-sentence", "warning", article.doc_id]
    ]


def test_event_without_target_is_stored_with_null_target(store):
    fill(store, [meeting("a", "2017-03-01", target=None, verb="spoke")])
    event = store.events().iloc[0]
    assert event["source_code"] == "JPNGOV"
    assert all(pd.isna(event[f"target_{field}"]) for field in ("text", "start", "code", "actor_id"))


def test_skipped_and_undated_document_is_stored(store):
    article = Article(ref="fr.txt", text="Le président a parlé.", date=None, lang="fr")
    fill(store, [DocResult(article, skipped="non-english")])
    doc = store.documents().iloc[0]
    assert doc["skipped"] == "non-english" and pd.isna(doc["date"])
    assert store.stats()["undated_documents"] == 1


def test_invalid_date_is_stored_as_unknown_with_a_warning(store):
    result = meeting("baddate", "10/02/2017")
    run_id = fill(store, [result])
    assert pd.isna(store.documents().iloc[0]["date"])
    problems = store.errors(run_id=run_id)
    assert set(problems["reason"]) == {"invalid-date"} and len(problems) == 2  # document + event
    assert "'10/02/2017' is not an ISO date" in problems.iloc[0]["detail"]


def test_lone_surrogate_is_stored_as_replacement_keeping_offsets(store):
    text = "Abe \udcff met Trump."
    article = Article(ref="bytes.txt", text=text, title="t\udc80")
    doc_id = article.doc_id
    mention = Mention(doc_id, 10, 15, "Trump", "person", *TRUMP, "kb")
    fill(store, [DocResult(article, mentions=[mention])])
    doc = store.documents().iloc[0]
    assert doc["doc_id"] == doc_id  # still the hash of the original text
    assert doc["text"] == "Abe \ufffd met Trump." and doc["title"] == "t\ufffd"
    stored = store.mentions().iloc[0]
    assert doc["text"][stored["start_char"] : stored["end_char"]] == "Trump"


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    # One store for all hypothesis examples: opening a DuckDB file per example is slow.
    with Store(tmp_path_factory.mktemp("hypothesis") / "store.duckdb") as opened:
        yield opened


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300),
    title=st.one_of(st.none(), st.text(max_size=80)),
    cut=st.integers(0, 300),
)
def test_arbitrary_unicode_round_trips(shared_store, text, title, cut):
    article = Article(ref="h.txt", text=text, title=title, section=title)
    start = min(cut, len(text) - 1)
    end = len(text)
    mention = Mention(
        article.doc_id, start, end, text[start:end], "group", None, title, None, None, None, "ner"
    )
    assume(not shared_store.has_document(article.doc_id))  # a text seen in an earlier example
    assert shared_store.write_results([DocResult(article, mentions=[mention])], run_id=0) == 1
    assert shared_store.write_results([DocResult(article, mentions=[mention])], run_id=0) == 0
    doc = shared_store.documents(doc_id=article.doc_id).iloc[0]
    assert doc["text"] == text
    assert (None if pd.isna(doc["title"]) else doc["title"]) == title
    stored = shared_store.mentions(doc_id=article.doc_id).iloc[0]
    assert (
        doc["text"][stored["start_char"] : stored["end_char"]] == stored["text"] == text[start:end]
    )


# -- idempotence and transactions -------------------------------------------------------------


def test_same_batch_twice_adds_nothing(store):
    batch = [rich_result(), meeting("a", "2017-02-10"), meeting("b", "2017-03-10", source=XI)]
    run_id = store.begin_run(command="run", args={})
    assert store.write_results(batch, run_id=run_id) == 3
    counts = store.stats()
    assert store.write_results(batch, run_id=run_id) == 0
    assert store.write_results(list(reversed(batch)) + [meeting("c", None)], run_id=run_id) == 1
    after = store.stats()
    assert after["documents"] == counts["documents"] + 1
    assert after["mentions"] == counts["mentions"] + 2 and after["events"] == counts["events"] + 1
    assert after["errors"] == counts["errors"]  # the known document's problems are not repeated
    assert store.known_doc_ids([batch[0].article.doc_id, "nope"]) == {batch[0].article.doc_id}
    assert store.has_document(batch[1].article.doc_id) and not store.has_document("nope")


def test_duplicate_text_within_one_batch_is_stored_once(store):
    first = meeting("a", "2017-02-10")
    twin = DocResult(Article(ref="copy.txt", text=first.article.text), mentions=first.mentions)
    assert store.write_results([first, twin], run_id=0) == 1
    assert store.documents()["ref"].tolist() == ["a"]
    assert len(store.mentions()) == 2


def test_a_failing_batch_leaves_nothing(store):
    good = meeting("good", "2017-02-10")
    bad = meeting("bad", "2017-02-10")
    bad.mentions.append(
        Mention("someone-else", 0, 1, "x", "group", None, None, None, None, None, "ner")
    )
    with pytest.raises(StoreError, match="bad: a mention carries doc_id 'someone-else'"):
        store.write_results([good, bad], run_id=0)
    assert store.stats()["documents"] == 0 and store.stats()["mentions"] == 0
    assert store.write_results([good], run_id=0) == 1  # the store is still usable


def test_a_field_of_the_wrong_type_is_named(store):
    result = meeting("typo", "2017-02-10")
    result.mentions.append(
        Mention(
            result.article.doc_id,
            0,
            4,
            "Desk",
            "place",
            None,
            None,
            None,
            None,
            None,
            "ner",
            lat="north",
        )
    )
    with pytest.raises(StoreError, match=r"cannot store mentions.lat \(expected double\)"):
        store.write_results([result], run_id=0)
    assert store.stats()["documents"] == 0


def test_actors_and_places_are_upserted(store):
    store.write_results([meeting("a", "2016-12-01")], run_id=0)
    later = meeting("b", "2017-02-10")
    later.actors[1] = Actor("donald-trump", "Donald J. Trump", "person", "USAELI", "USA", "ELI")
    store.write_results([later], run_id=0)
    trump = store.sql("SELECT * FROM actors WHERE actor_id = 'donald-trump'")
    assert (
        len(trump) == 1
        and trump.iloc[0]["name"] == "Donald J. Trump"
        and trump.iloc[0]["code"] == "USAELI"
    )


def test_writing_500_documents_of_50_mentions(store):
    """(Its time, < 2 s, is measured by benchmarks/timings.py.)"""
    results = []
    for i in range(500):
        text = f"Report {i}: " + "Abe met Trump in Tokyo. " * 50
        article = Article(ref=f"r{i}", text=text, date="2017-02-10")
        mentions = [
            Mention(article.doc_id, 10 + 24 * k, 13 + 24 * k, "Abe", "person", *ABE, "kb")
            for k in range(50)
        ]
        results.append(DocResult(article, sentences=50, mentions=mentions))
    assert store.write_results(results, run_id=0) == 500
    assert store.stats()["mentions"] == 25_000


# -- opening ----------------------------------------------------------------------------------


def test_schema_version_mismatch_names_path_and_both_versions(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaVersionError) as error:
        Store(path)
    message = str(error.value)
    assert str(path) in message and "schema version 99" in message
    assert f"reads schema version {SCHEMA_VERSION}" in message
    # the failed open released the file
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    Store(path, read_only=True).close()


def test_files_that_are_not_stores_are_refused_clearly(tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    with pytest.raises(StoreError, match=r"notes.txt: not a détente store \(not a DuckDB file\)"):
        Store(text_file)
    with pytest.raises(StoreError, match="missing.duckdb: no détente store here"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE sales (x INTEGER)")
    with pytest.raises(
        StoreError, match="other.duckdb: a DuckDB database, but not a détente store"
    ):
        Store(other)


def test_store_locked_by_another_process_is_refused_clearly(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(
                StoreError,
                match=rf"busy.duckdb: the store is in use by another process \(PID {holder.pid}\)",
            ):
                Store(path, read_only=read_only)
    finally:
        holder.kill()
        holder.wait()
    Store(path).close()


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    with Store(path) as store:
        fill(store, [meeting("a", "2017-02-10")])
    with detente.open(path) as store:
        assert store.read_only and len(store.documents()) == 1
        with pytest.raises(StoreError, match="opened read-only"):
            store.write_results([meeting("b", "2017-02-10")], run_id=1)
        with pytest.raises(StoreError, match="opened read-only"):
            store.begin_run(command="run", args={})
        with pytest.raises(StoreError, match="already open in this process with read_only=True"):
            Store(path)
        assert store.export("documents", tmp_path / "docs.parquet", fmt="parquet") == 1


# -- runs and errors --------------------------------------------------------------------------


def test_runs_and_problems_are_recorded(store):
    run_id = store.begin_run(command="run", args={"paths": ["a.txt"], "date": dt.date(2017, 2, 10)})
    store.write_problems(
        [
            Problem(ref="empty.txt", reason="empty-file", detail="the file is empty"),
            Problem(
                ref="x.jsonl", reason="malformed-json", detail="line 3 is not JSON", record="3"
            ),
        ],
        run_id=run_id,
    )
    store.finish_run(run_id, status="finished", summary={"documents": 0, "errors": 2})
    second = store.begin_run(command="run", args={})
    assert second == run_id + 1

    runs = store.runs()
    assert runs["status"].tolist() == ["finished", "running"]
    assert json.loads(runs.iloc[0]["args"]) == {"paths": ["a.txt"], "date": "2017-02-10"}
    assert json.loads(runs.iloc[0]["summary"])["errors"] == 2
    assert runs.iloc[0]["finished_at"] >= runs.iloc[0]["started_at"]

    errors = store.errors(run_id=run_id)
    assert errors[["ref", "reason"]].values.tolist() == [
        ["empty.txt", "empty-file"],
        ["x.jsonl", "malformed-json"],
    ]
    assert pd.isna(errors.iloc[0]["record"]) and errors.iloc[1]["record"] == "3"
    assert store.errors(run_id=second).empty
    with pytest.raises(StoreError, match="there is no run 999"):
        store.finish_run(999, status="finished", summary={})


# -- queries ----------------------------------------------------------------------------------


@pytest.fixture
def corpus(store):
    fill(
        store,
        [
            meeting("jan", "2017-01-15"),
            meeting(
                "feb",
                "2017-02-10",
                verb="praised",
                cameo="051",
                plover="COOPERATE",
                quad=1,
                goldstein=3.4,
            ),
            meeting(
                "feb2",
                "2017-02-20",
                source=TRUMP,
                target=ABE,
                verb="criticized",
                cameo="111",
                plover="ACCUSE",
                quad=3,
                goldstein=-2.0,
            ),
            meeting(
                "apr",
                "2017-04-02",
                verb="sanctioned",
                cameo="163",
                plover="SANCTION",
                quad=4,
                goldstein=-8.0,
            ),
            meeting(
                "neg",
                "2017-04-05",
                verb="threatened",
                cameo="130",
                plover="THREATEN",
                quad=3,
                goldstein=-4.4,
                negated=True,
            ),
            meeting(
                "xi",
                "2017-04-07",
                source=XI,
                verb="hosted",
                cameo="042",
                plover="CONSULT",
                quad=1,
                goldstein=1.9,
            ),
            meeting("undated", None, source=XI, target=ABE),
        ],
    )
    return store


def test_mentions_filter_by_actor_id_name_code_country(corpus):
    by_id = corpus.mentions(actor="shinzo-abe")
    assert len(by_id) == 6 and set(by_id["actor_id"]) == {"shinzo-abe"}
    assert len(corpus.mentions(actor="abe")) == 6  # name, case-insensitive
    assert set(corpus.mentions(actor="CHN")["name"]) == {"Xi Jinping"}  # country / code prefix
    assert set(corpus.mentions(actor="usagov")["name"]) == {"Donald Trump"}
    assert corpus.mentions(actor="100%").empty  # LIKE wildcards are literal
    assert {"ref", "title", "date"} <= set(by_id.columns)
    with pytest.raises(UsageError, match="actor must not be empty"):
        corpus.mentions(actor=" ")


def test_actor_names_match_whole_words(store):
    text = "Abed Rabbo, Łukasz Żak and Shinzo Abe were in Jerusalem (USA)."
    article = Article(ref="words", text=text)

    def mention(word: str, actor_id: str | None, code: str | None) -> Mention:
        start, end = span_of(text, word)
        return Mention(
            article.doc_id, start, end, word, "person", actor_id, word, code, None, None, "ner"
        )

    mentions = [
        mention("Abed Rabbo", "abed-rabbo", "PSEGOV"),
        mention("Łukasz Żak", None, None),
        mention("Shinzo Abe", "shinzo-abe", "JPNGOV"),
        mention("Jerusalem", None, None),
    ]
    fill(store, [DocResult(article, mentions=mentions)])
    assert store.mentions(actor="abe")["name"].tolist() == ["Shinzo Abe"]
    assert store.mentions(actor="USA").empty  # not "Jer-usa-lem"
    assert store.mentions(actor="żak")["name"].tolist() == ["Łukasz Żak"]  # Unicode case and edges
    assert store.mentions(actor="Łukasz Ż").empty
    assert store.mentions(actor="rabbo")["code"].tolist() == ["PSEGOV"]


def test_date_and_document_filters(corpus):
    docs = corpus.documents(date_from="2017-02-01", date_to=dt.date(2017, 2, 28))
    assert docs["ref"].tolist() == ["feb", "feb2"]
    assert corpus.documents()["ref"].tolist()[-1] == "undated"  # undated last
    assert len(corpus.documents(limit=2)) == 2
    feb = docs.iloc[0]["doc_id"]
    assert corpus.documents(doc_id=feb)["ref"].tolist() == ["feb"]
    assert len(corpus.mentions(doc_id=feb)) == 2
    assert len(corpus.mentions(actor="Xi", date_from="2017-04-01")) == 1  # the undated one is out
    with pytest.raises(UsageError, match="date_from='last week' is not a date"):
        corpus.events(date_from="last week")


def test_event_filters(corpus):
    assert len(corpus.events()) == 7
    assert set(corpus.events(actor="Trump")["doc_id"]) == set(corpus.events(actor="USA")["doc_id"])
    assert len(corpus.events(actor="USA")) == 6  # as source or target
    assert corpus.events(actor="Xi")["ref"].tolist() == ["xi", "undated"]
    assert corpus.events(cameo="04")["cameo"].tolist() == ["040", "042", "040"]
    assert corpus.events(cameo="1")["cameo"].tolist() == ["111", "163", "130"]
    assert corpus.events(plover="sanction")["ref"].tolist() == ["apr"]
    assert corpus.events(actor="JPN", date_from="2017-02-01", date_to="2017-03-31")[
        "ref"
    ].tolist() == ["feb", "feb2"]
    assert "doc_date" in corpus.events().columns


def test_quotes_filter_by_speaker(store):
    result = rich_result()
    fill(store, [result])
    assert len(store.quotes(actor="shinzo-abe")) == 1
    assert len(store.quotes(actor="JPN")) == 1  # code prefix of the speaker's code
    assert len(store.quotes(actor="abe")) == 1
    assert store.quotes(actor="Trump").empty
    assert store.quotes(date_from="2018-01-01").empty


def test_dyad_trend_per_month(corpus):
    trend = corpus.dyad("JPN", "USA")
    assert trend["period"].dt.strftime("%Y-%m").tolist() == [
        "2017-01",
        "2017-02",
        "2017-03",
        "2017-04",
    ]
    assert trend["events"].tolist() == [1, 2, 0, 1]  # March has none; the negated threat is out
    assert trend["a_to_b"].tolist() == [1, 1, 0, 1] and trend["b_to_a"].tolist() == [0, 1, 0, 0]
    feb = trend.iloc[1]
    assert (
        feb["verbal_cooperation"],
        feb["verbal_conflict"],
        feb["cooperative"],
        feb["conflictual"],
    ) == (1, 1, 1, 1)
    assert feb["goldstein_mean"] == pytest.approx((3.4 - 2.0) / 2)
    assert trend.iloc[3]["material_conflict"] == 1 and pd.isna(trend.iloc[2]["goldstein_mean"])

    one_way = corpus.dyad("USA", "JPN", both_directions=False)
    assert one_way["events"].tolist() == [1]
    by_year = corpus.dyad("shinzo-abe", "USAGOV", freq="year")
    assert by_year["events"].tolist() == [4]
    assert corpus.dyad("CHN", "USA")["events"].tolist() == [1]
    assert corpus.dyad("CHN", "JPN").empty  # their only event has no date
    with pytest.raises(UsageError, match="freq='fortnight'"):
        corpus.dyad("JPN", "USA", freq="fortnight")


def test_stats_and_sql(corpus):
    stats = corpus.stats()
    assert stats["documents"] == 7 and stats["events"] == 7 and stats["mentions"] == 14
    assert (stats["date_from"], stats["date_to"]) == (dt.date(2017, 1, 15), dt.date(2017, 4, 7))
    assert stats["runs"] == 1 and stats["last_run_status"] == "finished"
    assert stats["last_run_command"] == "run" and stats["undated_documents"] == 1
    assert stats["schema_version"] == SCHEMA_VERSION
    frame = corpus.sql(
        "SELECT cameo, count(*) AS n FROM events WHERE quad_class = ? GROUP BY cameo ORDER BY cameo",
        [1],
    )
    assert frame.values.tolist() == [["040", 2], ["042", 1], ["051", 1]]
    with pytest.raises(StoreError, match="query failed"):
        corpus.sql("SELECT nope FROM events")


# -- exports ----------------------------------------------------------------------------------


def test_export_parquet_csv_jsonl(corpus, tmp_path):
    assert corpus.export("events", tmp_path / "events.parquet", fmt="parquet") == 7
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 7 and table.column("cameo").to_pylist()[:2] == ["040", "051"]

    assert corpus.export("mentions", tmp_path / "mentions.csv", fmt="csv") == 14
    mentions = pd.read_csv(tmp_path / "mentions.csv", dtype={"code": str})
    assert len(mentions) == 14 and {"start_char", "end_char", "actor_id"} <= set(mentions.columns)

    assert corpus.export("documents", tmp_path / "documents.jsonl", fmt="jsonl") == 7
    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0]["date"] == "2017-01-15" and records[-1]["date"] is None
    assert all(record["text"].startswith("Desk ") for record in records)
    assert len(corpus.documents()) == 7  # the store is still usable after an export


def test_export_gdelt_columns(corpus, tmp_path):
    path = tmp_path / "events.gdelt.tsv"
    # deduplicated, occurred, dated events: the negated threat and the undated meeting are out
    assert corpus.export("events", path) == 5
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(len(row) == 61 for row in rows)  # no header line, 61 columns
    first = dict(zip(gdelt.COLUMNS, rows[0], strict=True))
    assert (
        first["SQLDATE"],
        first["Actor1Code"],
        first["Actor1Name"],
        first["Actor2CountryCode"],
    ) == ("20170115", "JPNGOV", "SHINZO ABE", "USA")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert (first["QuadClass"], float(first["GoldsteinScale"])) == ("1", 1.0)
    assert first["SOURCEURL"] == "https://example.org/jan" and len(first["DATEADDED"]) == 14


def test_export_plover_json_lines(corpus, tmp_path):
    path = tmp_path / "events.plover.jsonl"
    assert corpus.export("events", path, fmt="plover") == 5
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    sanction = next(record for record in records if record["event"] == ["SANCTION"])
    assert sanction["date"] == "2017-04-02" and sanction["cameo"] == "163"
    assert sanction["actor"][0]["entity_text"] == "Abe" and sanction["actor"][0]["code"] == "JPN"
    assert sanction["recipient"][0]["code"] == "USA" and sanction["quad_code"] == 4
    assert sanction["text"] == "Abe sanctioned Trump on Friday."
    assert sanction["trigger"]["text"] == "sanctioned"
    assert (
        sanction["evidence"]["doc_ref"] == "apr"
        and sanction["evidence"]["rule"] == "sanctioned-pattern"
    )


def test_export_refuses_bad_requests(corpus, tmp_path):
    with pytest.raises(UsageError, match="unknown export format 'xml'"):
        corpus.export("events", tmp_path / "x", fmt="xml")
    with pytest.raises(UsageError, match="format 'gdelt' exports events only"):
        corpus.export("mentions", tmp_path / "x", fmt="gdelt")
    with pytest.raises(UsageError, match="no table 'users'"):
        corpus.export("users", tmp_path / "x", fmt="csv")
    with pytest.raises(StoreError, match="its folder does not exist"):
        corpus.export("events", tmp_path / "no" / "x.csv", fmt="csv")


# -- crash safety -----------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from detente.records import Article, DocResult, Mention
    from detente.store import Store

    path, batches, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

    def result(i):
        article = Article(ref=f"doc{i}", text=f"Article {i}: " + "Abe met Trump. " * 60)
        mentions = [Mention(article.doc_id, 0, 7, "Article", "group", None, None, None, None, None,
                            "ner") for _ in range(40 + i % 7)]
        return DocResult(article, sentences=60, mentions=mentions)

    with Store(path) as store:
        run_id = store.begin_run(command="run", args={})
        for b in range(batches):
            print("writing", b, flush=True)
            store.write_results([result(b * size + k) for k in range(size)], run_id=run_id)
            print("committed", b, flush=True)
        store.finish_run(run_id, status="finished", summary={})
    """
)


@pytest.mark.slow
def test_killed_writer_leaves_whole_batches_and_a_rerun_completes(tmp_path):
    path = tmp_path / "crash.duckdb"
    batches, size = 8, 150
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(batches), str(size)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    committed = -1
    try:
        for line in writer.stdout:
            verb, number = line.split()
            if verb == "committed":
                committed = int(number)
            elif int(number) == 4:
                time.sleep(0.05)  # land inside the fifth batch's transaction
                break
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert committed >= 3

    def check_consistent(store: Store) -> int:
        per_doc = store.sql(
            "SELECT d.ref, count(m.doc_id) AS n FROM documents d LEFT JOIN mentions m USING (doc_id) GROUP BY d.ref"
        )
        expected = per_doc["ref"].str.removeprefix("doc").astype(int) % 7 + 40
        assert (per_doc["n"] == expected).all(), "a stored document lacks some of its mentions"
        assert store.stats()["mentions"] == int(per_doc["n"].sum())  # no orphans
        return len(per_doc)

    with Store(path) as store:
        stored = check_consistent(store)
        assert stored % size == 0 and stored >= (committed + 1) * size
        assert store.runs()["status"].tolist() == ["running"]

    # Running the same input again finishes the rest, each document exactly once.
    subprocess.run(
        [sys.executable, "-c", WRITER, str(path), str(batches), str(size)],
        check=True,
        capture_output=True,
        env=env,
    )
    with Store(path, read_only=True) as store:
        assert check_consistent(store) == batches * size
        assert store.runs()["status"].tolist() == ["killed", "finished"]


def test_every_query_takes_a_limit(corpus):
    for query in (corpus.mentions, corpus.quotes, corpus.events, corpus.actors, corpus.places):
        everything = query()
        assert query(limit=0).empty and len(query(limit=1)) == min(1, len(everything))
        if len(everything) > 1:
            assert query(limit=1).iloc[0].equals(everything.iloc[0])  # the same order, cut
    assert len(corpus.runs(limit=1)) == 1 and corpus.errors(limit=0).empty
    with pytest.raises(UsageError, match="limit=-1 must be a whole number"):
        corpus.events(limit=-1)


def test_open_is_annotated_with_the_store_it_returns():
    import inspect

    import detente.api

    assert inspect.signature(detente.open).return_annotation == "Store"
    assert inspect.signature(detente.api.open).return_annotation == "Store"
