"""From coded acts to event records (``events/emit.py``): directions of paired and mutual
codes, one account of each act, the CAMEO table's columns."""

from __future__ import annotations

import pytest
from parses import parse

from detente.events.emit import CodedAct, Emitter, drop_subsumed
from detente.events.lexicon import CodeSpec
from detente.records import EventActor

ABE = EventActor("Abe", 0, 3, "person:abe", "Shinzo Abe", "JPNGOV", "JPN", "GOV")
TRUMP = EventActor("Trump", 8, 13, "person:trump", "Donald Trump", "USAGOV", "USA", "GOV")
RUSSIA = EventActor("Russia", 8, 14, "state:RUS", "Russia", "RUS", "RUS", None)

SENTENCE = """
    Abe    nsubj  met  PROPN
    met    ROOT   -    VERB   VBD  lemma=meet
    Trump  dobj   met  PROPN
    .      punct  met  PUNCT  .
"""


@pytest.fixture(scope="module")
def emitter(knowledge):
    return Emitter(knowledge.cameo, knowledge.date_words, states=knowledge.kb.states)


def emit(emitter, *acts_of, date: str | None = "2017-02-10"):
    doc = parse(SENTENCE, date=date)
    acts = [make(doc) for make in acts_of]
    return emitter.events(doc, next(doc.sents), acts)


def act(sources, targets, code: CodeSpec, *, rule="r", reciprocal=False, negated=False):
    def make(doc):
        return CodedAct(
            trigger=doc[1],
            clause_verb=doc[1],
            sources=sources,
            targets=targets,
            code=code,
            rule=rule,
            negated=negated,
            modality="asserted",
            confidence=0.9,
            reciprocal=reciprocal,
        )

    return make


def triples(events) -> list[tuple[str, str | None, str]]:
    return [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]


def test_a_one_sided_pair_codes_only_its_forward_direction(emitter):
    # 042:043 (a visit, hosted) is one act seen from both sides (cameo one-sided pairs)
    events = emit(emitter, act([ABE], [RUSSIA], CodeSpec("042", "043")))
    assert triples(events) == [("JPNGOV", "RUS", "042")]
    assert not events[0].symmetric


def test_each_source_acts_on_each_target(emitter):
    events = emit(emitter, act([ABE, TRUMP], [RUSSIA], CodeSpec("111")))
    assert triples(events) == [("JPNGOV", "RUS", "111"), ("USAGOV", "RUS", "111")]


def test_an_actor_coded_as_several_acts_as_each_of_them(emitter):
    # a dictionary entry "THE_SHIRE [FRO/BIL/SAM]" names three actors: one event per pair
    shire = EventActor("Shire", 0, 3, "user:shire", "The Shire", "FRO/BIL/SAM", None, None)
    lorien = EventActor("Lorien", 8, 13, "user:lorien", "Lorien", "ELR/GAL", None, None)
    events = emit(emitter, act([shire], [lorien], CodeSpec("064")))
    assert sorted(triples(events)) == [
        (s, t, "064") for s in ("BIL", "FRO", "SAM") for t in ("ELR", "GAL")
    ]


def test_each_code_of_an_actor_coded_as_several_has_its_own_country_and_sector(emitter):
    # "ALLIES [USAGOV/GBRMIL/IGONAT]": the actor as resolved kept the first code's country
    # and sector
    allies = EventActor(
        "the allies", 0, 3, "user:allies", "Allies", "USAGOV/GBRMIL/IGONAT", "USA", "GOV"
    )
    events = emit(emitter, act([allies], [RUSSIA], CodeSpec("111")))
    assert [(e.source.code, e.source.country, e.source.sector) for e in events] == [
        ("USAGOV", "USA", "GOV"),
        ("GBRMIL", "GBR", "MIL"),
        ("IGONAT", None, None),  # no state's code
    ]


def test_partners_of_a_mutual_act_meet_each_other(emitter):
    # "Trump and Abe met": 04 is mutual (cameo_roots.tsv)
    events = emit(emitter, act([ABE, TRUMP], [], CodeSpec("040")))
    assert triples(events) == [("JPNGOV", "USAGOV", "040")]  # one symmetric event a pair
    assert events[0].symmetric
    # "Abe and Trump criticized ..." with no target: 11 is not mutual
    events = emit(emitter, act([ABE, TRUMP], [], CodeSpec("111")))
    assert triples(events) == [("JPNGOV", None, "111"), ("USAGOV", None, "111")]


def test_each_other_makes_any_act_mutual(emitter):
    events = emit(emitter, act([ABE, TRUMP], [], CodeSpec("111"), reciprocal=True))
    assert triples(events) == [("JPNGOV", "USAGOV", "111")]
    assert events[0].symmetric


def test_an_event_carries_the_cameo_tables_columns_and_the_triggers_offsets(emitter):
    (event,) = emit(emitter, act([ABE], [TRUMP], CodeSpec("051")))
    assert (event.cameo_root, event.plover, event.quad_class, event.goldstein) == (
        "05", "SUPPORT", 1, 3.4,
    )  # fmt: skip
    assert (event.trigger.text, event.start, event.end) == ("met", 4, 7)
    assert (event.sentence_start, event.sentence_end, event.date) == (0, 14, "2017-02-10")
    assert event.confidence == 0.9


def test_an_untargeted_event_says_less(emitter):
    (event,) = emit(emitter, act([ABE], [], CodeSpec("111")))
    assert event.target is None and event.confidence == 0.8


def test_the_same_event_twice_in_a_sentence_is_one(emitter):
    once = act([ABE], [TRUMP], CodeSpec("051"))
    assert len(emit(emitter, once, once)) == 1


def test_a_targeted_account_subsumes_an_untargeted_one_of_the_same_root(emitter):
    events = emit(
        emitter,
        act([ABE], [], CodeSpec("100"), rule="nominal: demand [100]"),
        act([ABE], [TRUMP], CodeSpec("102")),
    )
    assert triples(events) == [("JPNGOV", "USAGOV", "102")]


def test_a_verb_account_subsumes_a_noun_account_of_the_same_act(emitter):
    events = emit(
        emitter,
        act([ABE], [TRUMP], CodeSpec("040", "040"), rule="nominal: meeting [040:040]"),
        act([ABE], [TRUMP], CodeSpec("046", "046"), rule="- * (WITH) [046]"),
    )
    assert {e.rule for e in events} == {"- * (WITH) [046]"}
    # different roots are different acts
    events = emit(
        emitter,
        act([ABE], [TRUMP], CodeSpec("111"), rule="nominal: x [111]"),
        act([ABE], [TRUMP], CodeSpec("051")),
    )
    assert len(drop_subsumed(events)) == 2


def test_a_negated_and_an_asserted_account_are_two(emitter):
    events = emit(
        emitter,
        act([ABE], [], CodeSpec("040"), negated=True),
        act([ABE], [TRUMP], CodeSpec("040")),
    )
    assert sorted(e.negated for e in events) == [False, True]
