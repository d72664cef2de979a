"""The acceptor's parse features on hand-built parses: where the trigger hangs, whether
source and target stand in its clause, whether it is quoted, how full its sentence is."""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path

from parses import parse

from detente.events.acceptor import (
    PARSE_FEATURES,
    Acceptor,
    clause_head,
    event_features,
    features,
    in_group,
    parse_features,
)
from detente.records import Event, EventActor, Quote, TextSpan

RELATIVE = """
    Japan      nsubj  criticized  PROPN  NNP
    criticized ROOT   -           VERB   VBD  lemma=criticize
    Russia     dobj   criticized  PROPN  NNP
    ,          punct  Russia      PUNCT  ,
    which      nsubj  attacked    PRON   WDT
    attacked   relcl  Russia      VERB   VBD  lemma=attack
    Ukraine    dobj   attacked    PROPN  NNP
    .          punct  criticized  PUNCT  .
"""


def _actor(token) -> EventActor:
    return EventActor(
        text=token.text,
        start=token.idx,
        end=token.idx + len(token.text),
        actor_id=f"state:{token.text[:3].upper()}",
        name=None,
        code=token.text[:3].upper(),
        country=token.text[:3].upper(),
        sector=None,
    )


def _event(doc, trigger: int, source: int, target: int | None) -> Event:
    tok = doc[trigger]
    return Event(
        doc_id="d",
        start=tok.idx,
        end=tok.idx + len(tok.text),
        sentence_start=0,
        sentence_end=len(doc.text),
        trigger=TextSpan(tok.text, tok.idx, tok.idx + len(tok.text)),
        date=None,
        source=_actor(doc[source]),
        target=_actor(doc[target]) if target is not None else None,
        cameo="111",
        cameo_root="11",
        plover="DISAPPROVE",
        quad_class=3,
        goldstein=-2.0,
    )


def test_a_main_verb_with_both_actors_in_its_clause():
    doc = parse(RELATIVE)
    sent = doc[:]
    found = parse_features(_event(doc, 1, 0, 2), sent, sentence_events=2)
    assert found == {
        "log_sentence_events": math.log(2),
        "log_sentence_tokens": math.log(8),
        "trigger_pos=verb": 1.0,
        "trigger_dep=root": 1.0,
        "source_same_clause": 1.0,
        "target_same_clause": 1.0,
    }


def test_a_relative_clause_trigger_whose_source_stands_outside_it():
    """ "Russia, which attacked Ukraine": the source is the relative clause's antecedent,
    in the main clause, not in the trigger's own."""
    doc = parse(RELATIVE)
    assert (clause_head(doc[6]).i, clause_head(doc[2]).i, clause_head(doc[1]).i) == (5, 1, 1)
    found = parse_features(_event(doc, 5, 2, 6), doc[:], sentence_events=2)
    assert found["trigger_dep=clause"] == 1.0
    assert (found["source_same_clause"], found["target_same_clause"]) == (0.0, 1.0)


def test_an_actor_outside_the_sentence_is_not_in_the_clause():
    doc = parse(RELATIVE)
    outside = _event(doc, 1, 0, 2)
    far = EventActor("Abe", 500, 503, "shinzo-abe", None, "JPNGOV", "JPN", "GOV")
    event = Event(**{**{f: getattr(outside, f) for f in outside.__slots__}, "source": far})
    found = parse_features(event, doc[:], sentence_events=1)
    assert found["source_same_clause"] == 0.0 and found["log_sentence_events"] == 0.0


def test_a_quoted_trigger_and_an_event_without_target():
    doc = parse(RELATIVE)
    quote = Quote(
        doc_id="d", start=0, end=len(doc.text) - 1, text=doc.text[:-1], kind="direct",
        cue=None, cue_start=None, cue_end=None, speaker=None, speaker_start=None,
        speaker_end=None, speaker_name=None, speaker_actor=None,
    )  # fmt: skip
    found = parse_features(_event(doc, 1, 0, None), doc[:], sentence_events=1, quotes=[quote])
    assert found["quoted=direct"] == 1.0
    assert "target_same_clause" not in found
    indirect = Quote(**{**{f: getattr(quote, f) for f in quote.__slots__}, "kind": "indirect"})
    found = parse_features(_event(doc, 1, 0, 2), doc[:], sentence_events=1, quotes=[indirect])
    assert found["quoted=indirect"] == 1.0 and "quoted=direct" not in found
    assert not any(
        name.startswith("quoted=")
        for name in parse_features(_event(doc, 1, 0, 2), doc[:], sentence_events=1)
    )


def test_a_noun_trigger_in_an_object():
    doc = parse(
        """
        Abe      nsubj  held     PROPN  NNP
        held     ROOT   -        VERB   VBD  lemma=hold
        talks    dobj   held     NOUN   NNS  lemma=talk
        with     prep   talks    ADP    IN
        Putin    pobj   with     PROPN  NNP
        .        punct  held     PUNCT  .
        """
    )
    found = parse_features(_event(doc, 2, 0, 4), doc[:], sentence_events=1)
    assert found["trigger_pos=noun"] == 1.0 and found["trigger_dep=other"] == 1.0
    assert found["source_same_clause"] == 1.0 and found["target_same_clause"] == 1.0


def _train_acceptor():
    folder = str(Path(__file__).resolve().parents[2] / "scripts")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module("train_acceptor")
    finally:
        sys.path.remove(folder)


def test_the_baseline_group_holds_no_parse_feature():
    """The trainer's baseline is the run-time features alone: its "log_sentence" (the
    sentence's place in the article) names that feature, not every name it begins."""
    doc = parse(RELATIVE)
    event = _event(doc, 1, 0, 2)
    parsed = parse_features(event, doc[:], sentence_events=2)
    assert {"log_sentence_events", "log_sentence_tokens"} <= set(parsed)
    found = {**features(event, sentence_index=3, source_by="kb", target_by="kb"), **parsed}
    select = _train_acceptor().select
    baseline = select(found, [])
    assert (
        "log_sentence" in baseline and "family=pattern" in baseline and "target=named" in baseline
    )
    assert not set(baseline) & set(parsed)
    assert not Acceptor(baseline, {}).reads_parse
    assert set(select(found, ["parse"])) == set(baseline) | set(parsed)
    load = {"log_sentence_events", "log_sentence_tokens"}
    assert set(select(found, ["load"])) == set(baseline) | load
    assert Acceptor(parsed, {}).reads_parse


def test_a_group_entry_is_a_name_or_a_name_and_its_values():
    assert in_group("family=verb", ("family=",)) and in_group("rule_score", ("rule_score",))
    assert not in_group("log_sentence_events", ("log_sentence",))
    assert not in_group("rule_score_extra", ("rule_score",))
    assert all(in_group(name, PARSE_FEATURES) for name in ("trigger_dep=root", "quoted=direct"))


def test_the_pipelines_features_read_the_parse_when_the_weights_do():
    """event_features is what the pipeline (events.emit) gives the acceptor: the parse
    features join only for weights that name one, and then change the confidence."""
    doc = parse(RELATIVE)
    event = _event(doc, 5, 4, 6)  # "attacked", in the relative clause
    acceptor = Acceptor({"bias": -1.0, "rule_score": 2.0, "trigger_dep=clause": 1.0}, {})
    options = dict(sentence_index=0, source_by="kb", target_by="kb", sentence_events=2)
    found = event_features(event, doc[:], **options, parse=acceptor.reads_parse)
    assert found == {
        **features(event, sentence_index=0, source_by="kb", target_by="kb"),
        **parse_features(event, doc[:], sentence_events=2),
    }
    # -1 + 2 * 1.0 (the rule's own score) + 1 = 2
    assert acceptor.accept(event, found).confidence == round(1 / (1 + math.exp(-2.0)), 3)
    assert set(event_features(event, doc[:], **options, parse=False)) == set(
        features(event, sentence_index=0, source_by="kb", target_by="kb")
    )
