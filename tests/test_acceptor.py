"""The event acceptor: features of hand-built events, its exact arithmetic, the weights
file, and the confidence of events the real pipeline codes."""

from __future__ import annotations

import json
import math

import pytest

from detente.errors import DictionaryError
from detente.eval.realnews import DEVELOPMENT_SPLITS, FRESH_SPLIT
from detente.events.acceptor import (
    Acceptor,
    features,
    load_acceptor,
    resolution,
    rule_family,
)
from detente.records import Event, EventActor, TextSpan


def _actor(text: str, start: int, code: str | None, actor_id: str | None) -> EventActor:
    return EventActor(
        text=text,
        start=start,
        end=start + len(text),
        actor_id=actor_id,
        name=None,
        code=code,
        country=code[:3] if code else None,
        sector=code[3:6] or None if code else None,
    )


# "Japan criticized Russia over the islands."
#  0     6          17
def _event(**changes) -> Event:
    fields = dict(
        doc_id="d",
        start=6,
        end=16,
        sentence_start=0,
        sentence_end=40,
        trigger=TextSpan("criticized", 6, 16),
        date=None,
        source=_actor("Japan", 0, "JPN", "state:JPN"),
        target=_actor("Russia", 17, "RUS", "state:RUS"),
        cameo="111",
        cameo_root="11",
        plover="DISAPPROVE",
        quad_class=3,
        goldstein=-2.0,
        confidence=0.75,
        rule="criticize [111] (cameo)",
    )
    fields.update(changes)
    return Event(**fields)


def test_rule_family_is_read_from_the_evidence():
    assert rule_family("criticize [111] (cameo)") == "verb"
    assert rule_family("* RUSSIA (cameo)") == "pattern"
    assert rule_family("--- CONSULT [040] --- (cameo)") == "block"
    assert rule_family("nominal: meeting [040]") == "nominal"
    assert rule_family("intent: meet [040] (cameo)") == "intent"
    assert rule_family("wanted (wants): intent: meet [040] (cameo)") == "intent"
    assert rule_family("obligation (say ... must withdraw): withdraw [0874]") == "obligation"
    assert rule_family("xcomp: agree + meet [040] (cameo)") == "embedded"


def test_resolution_kinds():
    assert resolution("kb") == "named"
    assert resolution("title") == "named"
    assert resolution("pronoun") == "weak"
    assert resolution("description+antecedent") == "context"
    assert resolution(None) == "none"


def test_features_of_a_hand_built_event():
    found = features(_event(), sentence_index=2, source_by="kb", target_by="pronoun")
    assert found == {
        "bias": 1.0,
        "rule_score": 0.75,
        "family=verb": 1.0,
        "quad=3": 1.0,
        "asserted": 1.0,
        "modality=asserted": 1.0,
        "category=DISAPPROVE": 1.0,
        "negated": 0.0,
        "symmetric": 0.0,
        "has_target": 1.0,
        "no_plover": 0.0,
        "source=named": 1.0,
        "source_person": 0.0,
        "source_coded": 1.0,
        "source_sector": 0.0,
        "first_sentence": 0.0,
        "log_sentence": math.log1p(2),
        "source_distance": 0.01,  # "Japan" ends at 5, the trigger starts at 6
        "target=weak": 1.0,
        "target_coded": 1.0,
        "target_distance": 0.01,
        "domestic": 0.0,
        "own_country_target": 0.0,
    }


def test_the_doers_own_country_on_its_own_mention_is_flagged():
    """The domestic fallback (participants.own_country) targets the doer's state on the
    doer's own mention: a feature of its own, far less often right."""
    own = _actor("Japan", 0, "JPN", "state:JPN")
    found = features(_event(target=own), sentence_index=0, source_by="kb", target_by="kb")
    assert found["own_country_target"] == 1.0 and found["domestic"] == 1.0


def test_features_without_target_and_actor_outside_the_sentence():
    event = _event(
        target=None,
        source=_actor("Abe", 100, "JPNGOV", "shinzo-abe"),
        modality="intended",
        negated=True,
        plover=None,
        quad_class=None,
    )
    found = features(event, sentence_index=0, source_by=None, target_by=None)
    assert found["source_distance"] == 3.0
    assert found["source=none"] == 1.0
    assert found["source_person"] == 1.0
    assert found["source_sector"] == 1.0
    assert (found["asserted"], found["negated"], found["no_plover"]) == (0.0, 1.0, 1.0)
    assert found["quad=0"] == 1.0 and found["first_sentence"] == 1.0
    # no PLOVER category: the CAMEO root stands for the kind of act
    assert found["category=root11"] == 1.0 and found["modality=intended"] == 1.0
    assert "has_target" in found and found["has_target"] == 0.0
    assert not any(name.startswith("target") for name in found)


def test_probability_is_the_logistic_of_the_weighted_sum():
    acceptor = Acceptor({"bias": -1.0, "rule_score": 2.0, "family=verb": 0.5}, {})
    assert acceptor.probability({"bias": 1.0, "rule_score": 0.5}) == 0.5
    assert acceptor.probability({"bias": 1.0, "rule_score": 1.0}) == pytest.approx(
        1 / (1 + math.exp(-1.0)), abs=1e-15
    )
    # a name without a weight adds nothing; a large negative sum does not overflow
    assert acceptor.probability({"bias": 1.0, "rule_score": 0.25, "unknown": 9.0}) == (
        pytest.approx(1 / (1 + math.exp(0.5)), abs=1e-15)
    )
    assert acceptor.probability({"bias": 1000.0}) == 0.0
    assert acceptor.probability({"rule_score": 1000.0}) == 1.0


def test_the_calibration_map_is_applied_to_the_score():
    acceptor = Acceptor({"bias": -1.0, "rule_score": 2.0}, {}, (2.0, 0.5))
    found = {"bias": 1.0, "rule_score": 1.0}
    assert acceptor.score(found) == 1.0
    assert acceptor.probability(found) == pytest.approx(1 / (1 + math.exp(-2.5)), abs=1e-15)


def test_accept_replaces_the_confidence():
    acceptor = Acceptor({"bias": -2.0, "rule_score": 4.0, "target=weak": -1.0}, {})
    event = _event()
    found = features(event, sentence_index=0, source_by="kb", target_by="pronoun")
    calibrated = acceptor.accept(event, found)
    # -2 + 4 * 0.75 - 1 = 0
    assert calibrated.confidence == 0.5
    assert calibrated.rule == event.rule and calibrated.cameo == event.cameo


def test_the_shipped_weights_load_and_name_real_features():
    acceptor = load_acceptor()
    assert acceptor.meta["n"] > 0 and acceptor.meta["split"].startswith("realnews train")
    # fitted on development splits only: the fresh test split is scored once, never fitted
    assert acceptor.meta["fit_splits"] and FRESH_SPLIT not in acceptor.meta["fit_splits"]
    assert set(acceptor.meta["fit_splits"]) <= set(DEVELOPMENT_SPLITS)
    assert FRESH_SPLIT not in acceptor.meta["split"]
    names = set(features(_event(), sentence_index=1, source_by="kb", target_by="kb"))
    assert {"bias", "rule_score", "has_target"} <= set(acceptor.weights)
    assert set(acceptor.weights) - {"bias"} and names & set(acceptor.weights)
    assert 0.0 < acceptor.probability(dict.fromkeys(names, 1.0)) < 1.0


def test_the_shipped_calibration_is_monotone_and_maps_into_the_unit_interval():
    acceptor = load_acceptor()
    slope, _ = acceptor.calibration
    assert slope > 0
    # every shipped feature switched on alone, and sums far beyond the fitted range
    singles = [{"bias": 1.0, name: 1.0} for name in acceptor.weights]
    values = [acceptor.probability(found) for found in singles]
    assert all(0.0 <= value <= 1.0 for value in values)
    scores = sorted(acceptor.score(found) for found in singles)
    mapped = [acceptor.calibrated(s) for s in [-50.0, *scores, 50.0]]
    assert mapped == sorted(mapped) and mapped[0] < mapped[-1]
    assert 0.0 <= mapped[0] and mapped[-1] <= 1.0


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("{not json", "not JSON"),
        ('["weights"]', "'weights' object"),
        ('{"weights": [1, 2]}', "'weights' object"),
        ('{"weights": {"bias": "high"}}', "'bias' is not a finite number"),
        ('{"weights": {"bias": true}}', "'bias' is not a finite number"),
        ('{"weights": {"bias": NaN}}', "'bias' is not a finite number"),
        ('{"weights": {}, "calibration": [1, 0]}', "'calibration' must be an object"),
        ('{"weights": {}, "calibration": {"a": 1}}', "'calibration' must be an object"),
        ('{"weights": {}, "calibration": {"a": -1, "b": 0}}', "positive 'a' (monotone)"),
        ('{"weights": {}, "calibration": {"a": 0, "b": 0}}', "positive 'a' (monotone)"),
    ],
)
def test_a_malformed_weights_file_names_itself(tmp_path, content, detail):
    path = tmp_path / "acceptor.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError) as raised:
        load_acceptor(path)
    assert str(path) in str(raised.value) and detail in str(raised.value)


def test_a_missing_weights_file_names_itself(tmp_path):
    with pytest.raises(DictionaryError, match="nowhere.json"):
        load_acceptor(tmp_path / "nowhere.json")


def test_a_written_weights_file_round_trips(tmp_path):
    path = tmp_path / "acceptor.json"
    path.write_text(json.dumps({"n": 3, "weights": {"bias": 0, "rule_score": 1.5}}))
    acceptor = load_acceptor(path)
    assert acceptor.weights == {"bias": 0.0, "rule_score": 1.5} and acceptor.meta == {"n": 3}
    assert acceptor.calibration == (1.0, 0.0)  # no map: the regression's own probability
    path.write_text(json.dumps({"weights": {"bias": 0}, "calibration": {"a": 0.8, "b": -0.2}}))
    assert load_acceptor(path).calibration == (0.8, -0.2)


@pytest.mark.model
def test_coded_events_carry_the_acceptors_confidence(seed_doc):
    events = seed_doc._.events
    assert events
    assert all(0.0 <= e.confidence <= 1.0 for e in events)
    # the acceptor, not the rules' fixed scores (0.9, 0.75, 0.7 ...), set them
    assert len({e.confidence for e in events}) > 3
    assert all(round(e.confidence, 3) == e.confidence for e in events)


def test_the_parse_is_read_only_when_a_weight_names_a_parse_feature():
    assert not Acceptor({"bias": -1.0, "rule_score": 2.0}, {}).reads_parse
    assert Acceptor({"bias": -1.0, "trigger_dep=root": 0.3}, {}).reads_parse
    assert Acceptor({"source_same_clause": 0.3}, {}).reads_parse


def test_the_shipped_weights_hold_only_the_groups_they_name():
    """A group the trainer left out has no weight: without "parse" among the file's
    feature groups the pipeline never reads the parse for the acceptor."""
    acceptor = load_acceptor()
    if "parse" not in acceptor.meta["feature_groups"]:
        assert not acceptor.reads_parse
    for group, prefix in (("category", "category="), ("modality", "modality=")):
        if group not in acceptor.meta["feature_groups"]:
            assert not any(name.startswith(prefix) for name in acceptor.weights)
