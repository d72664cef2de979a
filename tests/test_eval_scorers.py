"""The scorers behind the published event and actor numbers (``detente eval events``,
``detente eval petrarch``, ``detente eval actors``): small gold and prediction sets built
by hand, every number computed by hand. No model: the scorers take coded output."""

from __future__ import annotations

import json

import pytest

from detente.errors import InputError, UsageError
from detente.eval.actors import GoldActor, code_matches, locate, read_gold, score_actors
from detente.eval.common import halves, reliability, reliability_markdown
from detente.eval.events import (
    PetrarchRecord,
    actor_matches,
    gsr_category,
    read_discards,
    read_petrarch_gold,
    read_plover_gold,
    score_petrarch,
    score_plover,
)
from detente.records import Event, EventActor, Mention, TextSpan

# ---------------------------------------------------------------- PLOVER-GSR


def actor(code: str | None, country: str | None) -> EventActor:
    return EventActor("x", 0, 1, None, None, code, country, None)


def event(cameo: str, source: EventActor, target: EventActor | None, *, negated=False) -> Event:
    return Event(
        doc_id="d", start=0, end=1, sentence_start=0, sentence_end=9,
        trigger=TextSpan("x", 0, 1), date=None, source=source, target=target,
        cameo=cameo, cameo_root=cameo[:2], plover=None, quad_class=None, goldstein=None,
        negated=negated,
    )  # fmt: skip


def gold(record_id, text, category, sources, targets=()) -> dict:
    return {
        "id": record_id,
        "text": text,
        "event": category,
        "source": [{"actorText": "x", "code": c} for c in sources],
        "target": [{"actorText": "x", "code": c} for c in targets],
    }


USA, IRN, ITA, SYR = (actor(c, c) for c in ("USA", "IRN", "ITA", "SYR"))
UN, FRA = actor("IGOUNO", None), actor("FRA", "FRA")

PLOVER_GOLD = [
    gold("r1", "S1", "DEMAND", ["USA"], ["IRN"]),
    gold("r2", "S1", "THREATEN", ["USA"]),  # a second gold event of the same sentence
    gold("r3", "S2", "ASSAULT", ["ITL"], ["SYR"]),  # the GSR's ITL is Italy
    gold("r4", "S3", "AGREE", ["IGO"], ["FRA"]),  # a sector code: an IGO source
]
OURS = {
    "S1": [
        event("100", USA, IRN),  # DEMAND: recalls r1
        event("111", USA, IRN),  # DISAPPROVE: no gold event of the sentence
        event("010", USA, IRN),  # a statement: no PLOVER category, not scored
        event("130", USA, None, negated=True),  # negated: not scored, so r2 is missed
    ],
    "S2": [event("180", ITA, SYR)],  # ASSAULT: recalls r3
    "S3": [event("036", UN, FRA), event("036", UN, None)],  # the second lacks r4's target
    "elsewhere": [event("100", USA, IRN)],  # not a gold sentence: not scored
}


@pytest.fixture(scope="module")
def plover():
    return score_plover(PLOVER_GOLD, OURS)


def test_plover_counts(plover):
    overall = plover.overall
    assert plover.sentences == 3
    assert (overall.gold, overall.recalled, overall.predicted, overall.correct) == (4, 3, 5, 3)
    assert plover.precision == pytest.approx(3 / 5)
    assert plover.recall == pytest.approx(3 / 4)
    assert plover.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_plover_counts_by_category(plover):
    by = {
        name: (s.gold, s.recalled, s.predicted, s.correct) for name, s in plover.by_category.items()
    }
    assert by == {
        "DEMAND": (1, 1, 1, 1),
        "THREATEN": (1, 0, 0, 0),
        "DISAPPROVE": (0, 0, 1, 0),
        "ASSAULT": (1, 1, 1, 1),
        "AGREE": (1, 1, 2, 1),
    }


def test_plover_confusion_misses_and_false_events(plover):
    assert dict(plover.confusion) == {
        ("DEMAND", "DEMAND"): 1,
        ("THREATEN", "DEMAND"): 1,  # a missed gold event counts against each of our categories
        ("THREATEN", "DISAPPROVE"): 1,
        ("ASSAULT", "ASSAULT"): 1,
        ("AGREE", "AGREE"): 1,
    }
    (miss,) = plover.misses
    assert (miss.record_id, miss.gold) == ("r2", "THREATEN USA->-")
    assert [(f.record_id, f.gold) for f in plover.false_events] == [
        ("r1", "DEMAND; THREATEN"),
        ("r4", "AGREE"),
    ]
    assert "| **all** | 4 | 3 | 5 | 3 | 0.600 | 0.750 | 0.667 |" in plover.to_markdown()


def test_plover_names_and_actor_codes():
    assert [gsr_category(c) for c in ("042", "0874", "190", "191", "010")] == [
        "CONSULT", "RETREAT", "FIGHT", "COERCE", None,
    ]  # fmt: skip
    assert actor_matches(ITA, "ITL") and actor_matches(ITA, "ITA")
    assert actor_matches(actor("USAGOV", "USA"), "USA")
    assert actor_matches(UN, "IGO") and not actor_matches(UN, "IGOUNO")  # sectors are 3 letters
    assert not actor_matches(None, "USA")


def test_plover_gold_file_keeps_the_event_records(tmp_path):
    path = tmp_path / "gold.json"
    records = [{"id": "doc", "event": "DOCUMENT", "text": "S0"}, *PLOVER_GOLD[:2], {"id": "x"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert [r["id"] for r in read_plover_gold(path)] == ["r1", "r2"]
    path.write_text(json.dumps([{"id": "doc", "event": "DOCUMENT"}]), encoding="utf-8")
    with pytest.raises(InputError, match="holds no event records"):
        read_plover_gold(path)


# ---------------------------------------------------------------- PETRARCH


def record(record_id, events=(), *, expect_none=False, error=None) -> PetrarchRecord:
    return PetrarchRecord(record_id, "cat", None, "text", frozenset(events), expect_none, error)


PETRARCH_GOLD = [
    record("p1", [("AAA", "BBB", "042")]),
    record("p2", [("CCC", "DDD", "1122")]),
    record("p3", expect_none=True),
    record("p4", expect_none=True),
    record("p5", [("GGG", "HHH", "190")], error="dateline"),  # PETRARCH's own input check
    record("p6", expect_none=True, error="sentencediscard"),
]
PETRARCH_OURS = {
    "p1": {("AAA", "BBB", "042"), ("BBB", "AAA", "043")},  # the paired reverse is extra
    "p2": {("CCC", "DDD", "112")},  # the right root, not the right code
    "p4": {("EEE", "FFF", "010")},  # an event where there should be none
    "p5": {("GGG", "HHH", "190")},  # skipped whatever we say
}


def test_petrarch_exact_and_root_scores():
    scores = score_petrarch(PETRARCH_GOLD, PETRARCH_OURS)
    assert (scores.records, scores.skipped) == (5, 1)
    assert (scores.gold_events, scores.predicted_events) == (2, 4)
    assert (scores.exact_tp, scores.root_tp) == (1, 2)
    assert scores.exact == pytest.approx((1 / 4, 1 / 2, 1 / 3))
    assert scores.root == pytest.approx((2 / 4, 2 / 2, 2 / 3))


def test_petrarch_records_reproduced_and_no_event_records():
    scores = score_petrarch(PETRARCH_GOLD, PETRARCH_OURS)
    assert scores.records_exact == 2  # p3 and p6: nothing expected, nothing found
    assert (scores.no_event_records, scores.false_event_records) == (3, 1)
    assert [m.record_id for m in scores.misses] == ["p1", "p2", "p4"]
    assert scores.misses[0].ours == ("AAA/BBB/042", "BBB/AAA/043")
    assert "Records reproduced exactly: 2/5." in scores.to_markdown()


PETRARCH_XML = """<Sentences>
<Sentence date="20170210" id="T1-1" category="MEET">
<Text>
Gondor   met
Mordor.
</Text>
<EventCoding sourcecode="GON" targetcode="MOR" eventcode="040"/>
<EventCoding sourcecode="MOR" targetcode="GON" eventcode="040"/>
</Sentence>
<Sentence date="bad" id="T1-2" category="NONE">
<Text>Nothing happened.</Text>
<EventCoding noevents="True"/>
</Sentence>
<Sentence id="T1-3" category="ERR">
<Text>GONDOR, Dateline.</Text>
<EventCoding error="dateline"/>
</Sentence>
<Sentence id="T1-4"><Text>   </Text></Sentence>
</Sentences>
"""


def test_petrarch_gold_reads_records_events_dates_and_marks(tmp_path):
    path = tmp_path / "unittest.xml"
    path.write_text(PETRARCH_XML, encoding="utf-8")
    first, second, third = read_petrarch_gold(path)  # a record without text is left out
    assert (first.record_id, first.date, first.text) == ("T1-1", "2017-02-10", "Gondor met Mordor.")
    assert first.events == {("GON", "MOR", "040"), ("MOR", "GON", "040")}
    assert (second.date, second.expect_none, second.events) == (None, True, frozenset())
    assert (third.error, third.expect_none) == ("dateline", False)


def test_petrarch_repeated_record_id_is_scored_on_its_own(tmp_path):
    path = tmp_path / "unittest.xml"
    path.write_text(
        '<Sentences><Sentence id="A-1"><Text>Gondor met Mordor.</Text>'
        '<EventCoding sourcecode="GON" targetcode="MOR" eventcode="040"/></Sentence>'
        '<Sentence id="A-1"><Text>Rohan met Arnor.</Text>'
        '<EventCoding sourcecode="ROH" targetcode="ARN" eventcode="040"/></Sentence>'
        "</Sentences>",
        encoding="utf-8",
    )
    first, second = read_petrarch_gold(path)
    assert (first.record_id, second.record_id) == ("A-1", "A-1#2")
    ours = {"A-1": {("GON", "MOR", "040")}, "A-1#2": {("ROH", "ARN", "040")}}
    assert score_petrarch([first, second], ours).exact_tp == 2


def test_petrarch_halves_alternate_sorted_ids():
    # the halves of `detente eval petrarch --half` (and of the PolNeAR texts, test_quotes.py)
    records = [record(i) for i in ("c", "a", "d", "b", "e")]
    half_a = [r.record_id for r in halves(records, "A", key=lambda r: r.record_id)]
    half_b = [r.record_id for r in halves(records, "B", key=lambda r: r.record_id)]
    assert (half_a, half_b) == (["a", "c", "e"], ["b", "d"])
    assert halves(records, None) == records  # all of them, in their order
    with pytest.raises(UsageError, match="--half 'C' is not one of A, B"):
        halves(records, "C")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<Sentences><Sentence>", "cannot read PETRARCH records"),
        ("<Sentences></Sentences>", "no <Sentence> records with a <Text>"),
    ],
)
def test_petrarch_gold_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as raised:
        read_petrarch_gold(path)
    assert raised.value.ref == str(path)


def test_petrarch_discard_phrases(tmp_path):
    path = tmp_path / "discards.txt"
    path.write_text("# comment\n+SOCCER_MATCH  # story level\nbasketball\n\n", encoding="utf-8")
    assert read_discards(path) == ["soccer match", "basketball"]


# ---------------------------------------------------------------- actors


ACTOR_GOLD = [
    {"id": "doc", "event": "DOCUMENT"},
    {
        "id": "a1",
        "text": "Japanese officials met Russian  President Putin.",
        "event": "CONSULT",
        "source": [{"actorText": "Japanese officials", "code": "jpn"}],
        "target": [{"actorText": "Russian President Putin", "code": "RUS"}],
    },
    {
        "id": "a2",
        "text": "The UN envoy visited Kabul.",
        "event": "CONSULT",
        "source": [{"actorText": "UN envoy", "code": "IGO"}, {"actorText": "", "code": "X"}],
        "target": [{"actorText": "Afghan government", "code": "AFG"}],
    },
]


@pytest.fixture
def actor_gold(tmp_path) -> list[tuple[dict, list[GoldActor]]]:
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(ACTOR_GOLD), encoding="utf-8")
    return list(read_gold(path))


def test_actor_gold_locates_each_actor_in_its_sentence(actor_gold):
    (first, first_actors), (second, second_actors) = actor_gold
    assert [(a.text, a.code, a.start, a.end, a.located) for a in first_actors] == [
        ("Japanese officials", "JPN", 0, 18, True),  # codes read in upper case
        ("Russian President Putin", "RUS", 23, 47, True),  # any spacing between the words
    ]
    # an actor text missing from the sentence is unlocated (no word of it occurs: no span)
    assert [(a.text, a.start, a.end, a.located) for a in second_actors] == [
        ("UN envoy", 4, 12, True),
        ("Afghan government", 0, 0, False),
    ]


def test_locate_ignores_case_only_when_it_must():
    assert locate("the Talks and the talks", "talks") == (18, 23)
    assert locate("the Talks", "talks") == (4, 9)
    assert locate("the Talks", "meeting") is None


def mention(record: dict, text: str, country: str | None, code: str | None) -> Mention:
    start = record["text"].index(text)
    return Mention("d", start, start + len(text), text, "x", None, None, code, country, None, "kb")


def test_actor_scores(actor_gold):
    (a1, _), (a2, _) = actor_gold
    mentions = [
        [
            mention(a1, "Japanese officials", "JPN", "JPNGOV"),  # right
            mention(a1, "Putin", "RUS", "RUSGOV"),  # right
            mention(a1, "Russian", "UKR", "UKR"),  # on a gold actor, wrong country
        ],
        [
            mention(a2, "UN envoy", None, "IGOUNO"),  # a sector code matches the code's prefix
            mention(a2, "Kabul", "AFG", None),  # coded, on no located gold actor
            mention(a2, "The", None, None),  # uncoded: not scored
        ],
    ]
    scores = score_actors(actor_gold, mentions)
    assert (scores.sentences, scores.gold_actors, scores.unlocated, scores.found) == (2, 4, 1, 3)
    assert (scores.coded_overlapping, scores.right_overlapping) == (4, 3)
    assert (scores.coded_all, scores.right_all) == (5, 3)
    assert (scores.recall, scores.precision, scores.precision_all) == (0.75, 0.75, 0.6)
    assert [m.actor_text for m in scores.misses] == ["Afghan government"]
    assert [(w.text, w.gold) for w in scores.wrong] == [("Russian", "Russian President Putin=RUS")]
    assert [w.text for w in scores.extra] == ["Kabul"]


def test_actor_codes_match_by_country_or_sector_prefix():
    def coded(country, code):
        return Mention("d", 0, 1, "x", "x", None, None, code, country, None, "kb")

    assert code_matches(coded("JPN", "JPNGOV"), "JPN")
    assert code_matches(coded(None, "IGOUNO"), "IGO")
    assert not code_matches(coded("USA", "USAGOV"), "GOV")  # a sector after a country
    assert not code_matches(coded(None, "IGOUNO"), "IGOUNO")


def test_the_reliability_table_bins_confidences_and_closes_the_last_bin_at_one():
    # the table of scripts/train_acceptor.py and benchmarks/realnews_reliability.py
    confidences = [0.05, 0.15, 0.25, 0.75, 0.8, 1.0]
    correct = [False, False, True, True, False, True]
    rows = reliability(confidences, correct, 2)
    assert [(low, high, n) for low, high, n, _mean, _share in rows] == [
        (0.0, 0.5, 3),
        (0.5, 1.0, 3),
    ]
    assert rows[0][3:] == pytest.approx((0.15, 1 / 3))
    assert rows[1][3:] == pytest.approx((0.85, 2 / 3))
    table = reliability_markdown(rows).splitlines()
    assert table[2] == "| 0.000–0.500 | 3 | 0.150 | 0.333 | +0.183 |"
    assert table[3] == "| 0.500–1.000 | 3 | 0.850 | 0.667 | -0.183 |"
