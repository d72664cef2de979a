"""The place-gold scorer (issue 10): hand-made gold and predictions, and the committed gold."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.eval.places import (
    GOLD_DIR,
    HELD_OUT_SPLITS,
    SPLITS,
    GoldMention,
    GoldSentence,
    agreement,
    check_texts,
    evaluate_places,
    gold_articles,
    mention_problem,
    predicted_places,
    read_gold,
    score_places,
    sentence_hash,
    to_markdown,
)
from detente.records import Mention

# Article texts the hand-made gold points into (offsets computed from them, not typed).
TEXTS = {
    ("c.jsonl", "a1"): "Protests in Paris. Moscow said Georgia must talk.",
    ("c.jsonl", "a2"): "He flew to Tripoli on Monday.",
    ("c.jsonl", "a3"): "Rain fell on Perth, Australia.",
}


def span(article: tuple[str, str], text: str) -> tuple[int, int]:
    start = TEXTS[article].index(text)
    return start, start + len(text)


def mention(article, text, country, *, role="place", kind="city", **extra) -> GoldMention:
    return GoldMention(*span(article, text), text, kind, role, country, **extra)


def sentence(sentence_id, article, first, last, split, mentions) -> GoldSentence:
    start = TEXTS[article].index(first)
    end = TEXTS[article].index(last) + len(last)
    return GoldSentence(
        id=sentence_id,
        corpus=article[0],
        record_id=article[1],
        date="2020-01-01",
        split=split,
        double=False,
        start=start,
        end=end,
        sha1_8=sentence_hash(TEXTS[article][start:end]),
        mentions=tuple(mentions),
    )


A1, A2, A3 = TEXTS
GOLD = [
    sentence("s1", A1, "Protests", "Paris.", "dev", [mention(A1, "Paris", "FRA")]),
    sentence(
        "s2",
        A1,
        "Moscow",
        "talk.",
        "dev",
        [
            mention(A1, "Moscow", "RUS", role="actor"),
            mention(A1, "Georgia", "GEO", role="actor", kind="country"),
        ],
    ),
    sentence("s3", A2, "He", "Monday.", "dev", [mention(A2, "Tripoli", "LBY")]),
    sentence(
        "s4",
        A3,
        "Rain",
        "Australia.",
        "test",
        [
            mention(A3, "Perth", "AUS"),
            mention(A3, "Australia", "AUS", kind="country"),
        ],
    ),
]


def place(article, text, country, *, kind="place") -> Mention:
    start, end = span(article, text)
    return Mention("doc", start, end, text, kind, None, None, None, country, None, "kb")


def test_a_found_place_with_the_right_country_is_right():
    scores = score_places(GOLD, {A1: [place(A1, "Paris", "FRA")]}, resamples=0)
    dev = scores["dev"].counts
    assert (dev.gold_places, dev.found, dev.right) == (2, 1, 1)
    assert scores["dev"].accuracy == 0.5  # Tripoli was missed: a miss counts as wrong
    assert scores["dev"].metric("accuracy_found") == 1.0
    assert [e.text for e in scores["dev"].errors] == ["Tripoli"]


def test_a_wrong_country_is_found_but_not_right():
    scores = score_places(GOLD, {A3: [place(A3, "Perth", "GBR")]}, resamples=0)
    test = scores["test"]
    assert (test.counts.found, test.counts.right) == (1, 0)
    assert test.metric("recall") == 0.5
    wrong = test.errors[0]
    assert (wrong.text, wrong.gold_country, wrong.predicted_country) == ("Perth", "AUS", "GBR")


def test_actor_mentions_count_only_in_all_roles_accuracy():
    predictions = {A1: [place(A1, "Georgia", "USA"), place(A1, "Moscow", "RUS")]}
    dev = score_places(GOLD, predictions, resamples=0)["dev"]
    assert dev.counts.gold_places == 2  # Paris and Tripoli; the actors are not scored
    assert dev.counts.gold_with_country == 4
    assert dev.counts.right_all_roles == 1  # Moscow right, Georgia in the wrong country
    assert dev.metric("precision") == 1.0  # both overlap a gold mention
    assert dev.counts.predicted_on_actor == 2  # ... of the actor role: shown, not hidden
    assert dev.metric("on_actors") == 1.0
    paris = score_places(GOLD, {A1: [place(A1, "Paris", "FRA")]}, resamples=0)["dev"]
    assert paris.metric("on_actors") == 0.0


def test_precision_counts_predictions_in_the_sentence_that_touch_no_gold_mention():
    predictions = {A2: [place(A2, "Tripoli", "LBY"), place(A2, "Monday", "USA")]}
    dev = score_places(GOLD, predictions, resamples=0)["dev"]
    assert dev.counts.predicted == 2
    assert dev.metric("precision") == 0.5


def test_predictions_outside_gold_sentences_are_ignored():
    scores = score_places([GOLD[0]], {A1: [place(A1, "Georgia", "GEO")]}, resamples=0)
    assert scores["dev"].counts.predicted == 0


def test_the_prediction_that_overlaps_most_decides():
    start, end = span(A3, "Perth")
    predictions = {
        A3: [
            {"start": start, "end": start + 2, "country": "GBR"},
            {"start": start, "end": end, "country": "AUS"},
        ]
    }
    test = score_places(GOLD, predictions, resamples=0)["test"]
    assert test.counts.right == 1


def test_only_place_mentions_are_predictions():
    mentions = [place(A1, "Paris", "FRA"), place(A1, "Moscow", "RUS", kind="state")]
    assert [p.text for p in predicted_places(mentions)] == ["Paris"]


def test_a_place_without_country_is_counted_not_scored():
    start, end = span(A3, "Perth")
    unknown = GoldMention(start, end, "Perth", "city", "place", None, no_country="undecidable")
    gold = [sentence("u", A3, "Rain", "Australia.", "test", [unknown])]
    test = score_places(gold, {}, resamples=0)["test"]
    assert test.counts.gold_places == 0
    assert test.counts.no_country == {"undecidable": 1}


def test_bootstrap_intervals_are_seeded_and_bracket_a_perfect_score():
    perfect = {
        A1: [place(A1, "Paris", "FRA")],
        A2: [place(A2, "Tripoli", "LBY")],
        A3: [place(A3, "Perth", "AUS"), place(A3, "Australia", "AUS")],
    }
    scores = score_places(GOLD, perfect, resamples=200, seed=1)
    assert scores["all"].intervals["accuracy"] == (1.0, 1.0)
    half = score_places(GOLD, {A1: perfect[A1]}, resamples=200, seed=1)
    again = score_places(GOLD, {A1: perfect[A1]}, resamples=200, seed=1)
    low, high = half["all"].intervals["accuracy"]
    assert low < half["all"].accuracy < high
    assert half["all"].intervals == again["all"].intervals
    assert half["all"].articles == 3


def test_agreement_matches_spans_exactly_and_by_overlap():
    a = GOLD[3]
    b_mentions = (
        GoldMention(a.mentions[0].start, a.mentions[0].end + 1, "Perth,", "city", "place", "AUS"),
        GoldMention(*span(A3, "Australia"), "Australia", "country", "actor", "AUS"),
        GoldMention(*span(A3, "Rain"), "Rain", "other", "place", "GBR"),
    )
    b = replace(a, mentions=b_mentions)
    result = agreement([a], [b])
    assert (result.exact, result.overlapping) == (1, 2)
    assert result.span_f1_overlap == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert result.country_agreement == 1.0
    assert result.role_agreement == 0.5
    assert {(d.a, d.b) for d in result.disagreements} == {
        ("Australia country place AUS", "Australia country actor AUS"),
        ("", "Rain other place GBR"),
    }


def test_agreement_uses_only_sentences_both_annotated():
    assert agreement(GOLD, GOLD[:1]).sentences == 1


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"type": "town"}, "type 'town'"),
        ({"role": "agent"}, "role 'agent'"),
        ({"country": "XYZ"}, "unknown country code 'XYZ'"),
        ({"country": "SCG"}, "withdrawn country code 'SCG' needs a note"),
        ({"country": None}, "no_country must be one of"),
        ({"country": None, "no_country": "undecidable"}, "needs a note"),
        ({"no_country": "multinational"}, "given with country"),
        ({"claimants": ["RUS", "XX"]}, "claimant"),
        ({"geonameid": "2988507"}, "geonameid"),
    ],
)
def test_mention_problems_are_named(changes, problem):
    good = {"type": "city", "role": "place", "country": "FRA", "claimants": []}
    assert mention_problem(good) is None
    assert problem in mention_problem({**good, **changes})


def test_kosovo_and_withdrawn_codes_with_a_note_are_accepted():
    assert mention_problem({"type": "country", "role": "place", "country": "XKX"}) is None
    scg = {"type": "country", "role": "place", "country": "SCG", "note": "until 2006"}
    assert mention_problem(scg) is None


def _gold_line(**fields) -> dict:
    """One sentence of a place gold file (a dev sentence of 18 characters, no mentions)."""
    return {
        "id": "s1",
        "corpus": "c.jsonl",
        "record_id": "a1",
        "date": "2020-01-01",
        "split": "dev",
        "double": False,
        "start": 0,
        "end": 18,
        "sha1_8": "00000000",
        "mentions": [],
    } | fields


def test_read_gold_names_the_file_and_line(tmp_path):
    record = _gold_line(
        mentions=[
            {"start": 12, "end": 17, "text": "Paris", "type": "city", "role": "place"}
            | {"country": "FRA"}
        ]
    )
    bad = {**record, "mentions": [{**record["mentions"][0], "type": "town"}]}
    path = tmp_path / "gold.X.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.X\.jsonl.*line 2: mention 'Paris': type"):
        read_gold(path)
    path.write_text(json.dumps({**record, "split": "train"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: split 'train'"):
        read_gold(path)
    with pytest.raises(InputError, match="cannot read the place gold"):
        read_gold(tmp_path / "missing.jsonl")


def test_check_texts_finds_missing_and_changed_articles():
    check_texts(GOLD, TEXTS)
    changed = {**TEXTS, A2: TEXTS[A2].replace("Tripoli", "Tripoly")}
    with pytest.raises(InputError, match="text changed: s3"):
        check_texts(GOLD, changed)
    with pytest.raises(InputError, match="article not found: s4"):
        check_texts(GOLD, {A1: TEXTS[A1], A2: TEXTS[A2]})


def test_the_report_has_a_row_per_split_and_the_errors():
    report = to_markdown(score_places(GOLD, {}, resamples=10))
    assert "| dev | 3 | 2 | 2 | 0.000" in report
    assert "- `s4` **Perth** = AUS: missed" in report


def test_test2_is_a_split_of_its_own_and_counts_in_all():
    s5 = sentence("s5", A2, "He", "Monday.", "test2", [mention(A2, "Tripoli", "LBY")])
    gold = [*GOLD[:2], s5]  # s3 (dev) also lies in A2: the split is the sentence's
    scores = score_places(gold, {A2: [place(A2, "Tripoli", "GBR")]}, resamples=0)
    assert scores["test2"].counts.gold_places == 1 and scores["test2"].counts.found == 1
    assert scores["test2"].counts.right == 0
    assert [e.sentence_id for e in scores["test2"].errors] == ["s5"]
    assert scores["dev"].counts.gold_places == 1  # Paris only
    assert scores["test"].counts.sentences == 0
    assert scores["all"].counts.gold_places == 2
    assert {e.sentence_id for e in scores["all"].errors} == {"s1", "s5"}
    assert "| test2 | 1 | 1 | 1 | 0.000" in to_markdown(scores)
    assert "test2" not in score_places(GOLD, {}, resamples=0)  # no row without test2 gold


def test_each_held_out_split_is_scored_on_its_own():
    s5 = sentence("s5", A2, "He", "Monday.", "test2", [mention(A2, "Tripoli", "LBY")])
    s6 = sentence("s6", A3, "Rain", "Australia.", "test3", [mention(A3, "Perth", "AUS")])
    georgia = mention(A1, "Georgia", "GEO", kind="country")
    s7 = sentence("s7", A1, "Moscow", "talk.", "test4", [georgia])
    australia = mention(A3, "Australia", "AUS", kind="country")
    s8 = sentence("s8", A3, "Rain", "Australia.", "test5", [australia])
    s9 = sentence("s9", A2, "He", "Monday.", "test6", [mention(A2, "Tripoli", "LBY")])
    s10 = sentence("s10", A3, "Rain", "Australia.", "test7", [mention(A3, "Perth", "AUS")])
    s11 = sentence("s11", A2, "He", "Monday.", "test8", [mention(A2, "Tripoli", "LBY")])
    s12 = sentence("s12", A3, "Rain", "Australia.", "test9", [mention(A3, "Perth", "AUS")])
    s13 = sentence("s13", A2, "He", "Monday.", "test10", [mention(A2, "Tripoli", "LBY")])
    predictions = {
        A1: [place(A1, "Georgia", "GEO")],
        A2: [place(A2, "Tripoli", "LBY")],
        A3: [place(A3, "Perth", "USA")],
    }
    scored = [GOLD[0], s5, s6, s7, s8, s9, s10, s11, s12, s13]
    scores = score_places(scored, predictions, resamples=0)
    splits = ["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8"]
    splits += ["test9", "test10", "all"]
    assert list(scores) == splits
    assert (scores["test2"].counts.right, scores["test2"].errors) == (1, ())
    test3 = scores["test3"]
    assert (test3.counts.sentences, test3.counts.gold_places, test3.counts.found) == (1, 1, 1)
    assert test3.counts.right == 0
    assert [(e.sentence_id, e.predicted_country) for e in test3.errors] == [("s6", "USA")]
    test4 = scores["test4"]
    assert (test4.counts.sentences, test4.counts.gold_places, test4.counts.right) == (1, 1, 1)
    assert scores["dev"].counts.right == 0  # Paris (s1) was missed
    test5 = scores["test5"]  # Australia missed (only Perth was predicted)
    assert (test5.counts.sentences, test5.counts.gold_places, test5.counts.found) == (1, 1, 0)
    assert [e.sentence_id for e in test5.errors] == ["s8"]
    test6 = scores["test6"]  # Tripoli found in Libya
    assert (test6.counts.sentences, test6.counts.gold_places, test6.counts.right) == (1, 1, 1)
    test7 = scores["test7"]  # Perth put in the USA
    assert (test7.counts.sentences, test7.counts.gold_places, test7.counts.right) == (1, 1, 0)
    assert [(e.sentence_id, e.predicted_country) for e in test7.errors] == [("s10", "USA")]
    test8 = scores["test8"]  # Tripoli found in Libya
    assert (test8.counts.sentences, test8.counts.gold_places, test8.counts.right) == (1, 1, 1)
    test9 = scores["test9"]  # Perth put in the USA
    assert (test9.counts.sentences, test9.counts.gold_places, test9.counts.right) == (1, 1, 0)
    assert [(e.sentence_id, e.predicted_country) for e in test9.errors] == [("s12", "USA")]
    test10 = scores["test10"]  # Tripoli found in Libya
    assert (test10.counts.sentences, test10.counts.gold_places, test10.counts.right) == (1, 1, 1)
    assert scores["all"].counts.gold_places == 10 and scores["all"].counts.right == 5
    assert "| test3 | 1 | 1 | 1 | 0.000" in to_markdown(scores)
    assert "| test4 | 1 | 1 | 1 | 1.000" in to_markdown(scores)
    assert "test3" not in score_places([GOLD[0], s5], predictions, resamples=0)
    assert "test4" not in score_places([GOLD[0], s5, s6], predictions, resamples=0)
    assert "| test5 | 1 | 1 | 1 | 0.000" in to_markdown(scores)
    assert "test5" not in score_places([GOLD[0], s5, s6, s7], predictions, resamples=0)
    assert "| test6 | 1 | 1 | 1 | 1.000" in to_markdown(scores)
    assert "test6" not in score_places([GOLD[0], s5, s6, s7, s8], predictions, resamples=0)
    assert "| test7 | 1 | 1 | 1 | 0.000" in to_markdown(scores)
    assert "test7" not in score_places([GOLD[0], s5, s6, s7, s8, s9], predictions, resamples=0)
    assert "| test8 | 1 | 1 | 1 | 1.000" in to_markdown(scores)
    assert "test8" not in score_places(scored[:7], predictions, resamples=0)
    assert "| test9 | 1 | 1 | 1 | 0.000" in to_markdown(scores)
    assert "test9" not in score_places(scored[:8], predictions, resamples=0)
    assert "| test10 | 1 | 1 | 1 | 1.000" in to_markdown(scores)
    assert "test10" not in score_places(scored[:9], predictions, resamples=0)


def _gold_file(tmp_path, sentences) -> Path:
    path = tmp_path / "gold.X.jsonl"
    lines = []
    for s in sentences:
        record = {f.name: getattr(s, f.name) for f in fields(GoldSentence) if f.name != "mentions"}
        record["mentions"] = [asdict(m) for m in s.mentions]
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("split", HELD_OUT_SPLITS)
def test_read_gold_accepts_the_held_out_splits(tmp_path, split):
    s5 = sentence("s5", A2, "He", "Monday.", split, [mention(A2, "Tripoli", "LBY")])
    assert [s.split for s in read_gold(_gold_file(tmp_path, [GOLD[0], s5]))] == ["dev", split]


def test_read_gold_refuses_an_unknown_split(tmp_path):
    s5 = sentence("s5", A2, "He", "Monday.", "test11", [mention(A2, "Tripoli", "LBY")])
    with pytest.raises(InputError, match=f"split 'test11' is not one of {', '.join(SPLITS)}"):
        read_gold(_gold_file(tmp_path, [s5]))


@pytest.mark.model
def test_evaluate_places_runs_test2_only_when_named(tmp_path, nlp):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": r, "text": TEXTS[(c, r)]}) + "\n" for c, r in TEXTS),
        encoding="utf-8",
    )
    s5 = sentence("s5", A2, "He", "Monday.", "test2", [mention(A2, "Tripoli", "LBY")])
    path = _gold_file(tmp_path, [GOLD[0], GOLD[3], s5])
    run = {"gold_path": path, "corpora_dir": tmp_path, "nlp": nlp}
    both = evaluate_places(split="all", **run).scores
    assert list(both) == ["dev", "test"]
    assert both["dev"].counts.sentences + both["test"].counts.sentences == 2
    test2 = evaluate_places(split="test2", **run).scores
    assert list(test2) == ["test2"]
    assert test2["test2"].counts.sentences == 1 and test2["test2"].counts.gold_places == 1
    s6 = sentence("s6", A3, "Rain", "Australia.", "test3", [mention(A3, "Perth", "AUS")])
    test3 = evaluate_places(split="test3", **{**run, "gold_path": _gold_file(tmp_path, [s5, s6])})
    assert list(test3.scores) == ["test3"] and test3.scores["test3"].counts.sentences == 1
    with pytest.raises(InputError, match=f"split 'test11' is not {', '.join(SPLITS)} or all"):
        evaluate_places(split="test11", **run)


@pytest.mark.slow
def test_the_committed_gold_matches_the_corpus_text(shared_dir):
    gold = read_gold(GOLD_DIR / "gold.A.jsonl")
    assert len(gold) >= 150
    assert {s.split for s in gold} <= set(SPLITS)
    for split in HELD_OUT_SPLITS:  # a held-out sample reuses no article of another split
        held_out = {s.article for s in gold if s.split == split}
        assert not held_out & {s.article for s in gold if s.split != split}
    articles = gold_articles(gold, shared_dir / "data" / "corpora")
    assert len(articles) == len({s.article for s in gold})
    for s in gold:
        assert articles[s.article].date == (s.date or None)  # test7's p738: no date
        for m in s.mentions:
            assert articles[s.article].text[m.start : m.end] == m.text


def test_gold_articles_refuses_a_corpus_without_the_articles(tmp_path):
    (tmp_path / GOLD[0].corpus).write_text(
        json.dumps({"id": "a1", "text": TEXTS[A1].replace("Paris", "Lyon.")}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"article not found: s3, s4; text changed: s1"):
        gold_articles(GOLD, tmp_path)


def test_a_split_the_gold_file_lacks_is_named_before_the_model_loads(tmp_path):
    from detente.eval.places import evaluate_places

    path = tmp_path / "gold.B.jsonl"
    path.write_text(json.dumps(_gold_line()) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.B\.jsonl has no test2 sentences"):
        evaluate_places(split="test2", gold_path=path, corpora_dir=tmp_path)
