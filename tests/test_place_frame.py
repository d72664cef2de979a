"""The place frame model (issue 10): a state's name is its land or an actor by one learned
decision over its frame. Features on hand-built parses, the decision both ways with its
reason, a weights file written here (none ships), and the training script's guards."""

from __future__ import annotations

import importlib
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from detente.actors.component import DocResolver
from detente.actors.matching import NameMatcher
from detente.errors import DictionaryError
from detente.knowledge import load_knowledge
from detente.places import is_place_mention
from detente.places.frame import (
    FrameModel,
    FrameSignals,
    frame_features,
    load_frame_model,
)
from detente.places.resolve import list_anchor

ENGLISH_VOCAB = spacy.blank("en").vocab
NO_SIGNALS = FrameSignals(
    locative=False, located=None, strikes=False, seat=False, rules_place=False
)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture(scope="module")
def matcher(knowledge):
    return NameMatcher(knowledge.kb.surface_forms())


def parse(words, heads, deps, pos, ents, lemmas, tags) -> Doc:
    return Doc(
        ENGLISH_VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas,
        tags=tags,
    )  # fmt: skip


def streets_of_mexico() -> Doc:
    return parse(
        ["Mexico", "'s", "streets", "emptied", "."],
        [2, 0, 3, 3, 3],
        ["poss", "case", "nsubj", "ROOT", "punct"],
        ["PROPN", "PART", "NOUN", "VERB", "PUNCT"],
        ["B-GPE", "O", "O", "O", "O"],
        ["Mexico", "'s", "street", "empty", "."],
        ["NNP", "POS", "NNS", "VBD", "."],
    )


def japan_said() -> Doc:
    return parse(
        ["Japan", "said", "no", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "INTJ", "PUNCT"],
        ["B-GPE", "O", "O", "O"],
        ["Japan", "say", "no", "."],
        ["NNP", "VBD", "UH", "."],
    )


def features_of(doc, knowledge, signals=NO_SIGNALS):
    lexicon = knowledge.place_lexicon
    span = doc[0:1]
    return frame_features(
        span, list_anchor(span.root, lexicon), signals,
        place_lexicon=lexicon, speech_verbs=knowledge.actor_lexicon.speech_verbs,
        kinds=frozenset({"country"}), population=0,
    )  # fmt: skip


def test_features_read_the_frame_and_never_the_name(knowledge):
    owned = features_of(streets_of_mexico(), knowledge)
    assert {"dep=poss", "head=locating", "poss&head_pos=NOUN", "head_plural", "ner=GPE"} <= set(
        owned
    )
    assert "listed" not in owned
    acts = features_of(japan_said(), knowledge)
    assert {"dep=nsubj", "head=speech", "nsubj&head_pos=VERB"} <= set(acts)
    for found in (owned, acts):
        assert not any("mexico" in k.lower() or "japan" in k.lower() for k in found)
    signals = FrameSignals(
        locative=True, located="movement", strikes=False, seat=True, rules_place=True
    )
    signalled = features_of(japan_said(), knowledge, signals)
    assert {"locative", "located=movement", "seat", "rules_place"} <= set(signalled)


def resolve(doc, knowledge, matcher, model):
    resolver = DocResolver(
        knowledge.kb, knowledge.actor_lexicon, matcher, doc, knowledge.place_lexicon,
        frame_model=model, collect_frames=True,
    )  # fmt: skip
    mentions = resolver.resolve()
    return next(m for m in mentions if m.start == 0), resolver.frame_log


def test_the_model_decides_both_ways_and_says_so(knowledge, matcher):
    # a model that reads every possessive as land and every subject as an actor
    model = FrameModel({"bias": 0.0, "dep=poss": 4.0, "dep=nsubj": -4.0}, 0.5, {})
    land, log = resolve(streets_of_mexico(), knowledge, matcher, model)
    assert is_place_mention(land) and land.country == "MEX"
    assert log and log[0][3] is True and log[0][4] is True  # the rules agree: their reason
    assert "+frame" not in land.resolved_by
    acts, _log = resolve(japan_said(), knowledge, matcher, model)
    assert acts.kind == "state" and not is_place_mention(acts)
    # the opposite model overrules the rules both ways, and the reason says so
    contrary = FrameModel({"bias": 0.0, "dep=poss": -4.0, "dep=nsubj": 4.0}, 0.5, {})
    actor, log = resolve(streets_of_mexico(), knowledge, matcher, contrary)
    assert actor.kind == "state" and not is_place_mention(actor)
    assert actor.resolved_by.endswith("+frame") and log[0][3] is True and log[0][4] is False
    place, _log = resolve(japan_said(), knowledge, matcher, contrary)
    assert is_place_mention(place) and place.country == "JPN"
    assert place.resolved_by.endswith("+frame")


def test_without_a_model_the_rules_decide(knowledge, matcher):
    land, log = resolve(streets_of_mexico(), knowledge, matcher, None)
    assert is_place_mention(land) and log[0][3] is log[0][4] is True
    acts, _log = resolve(japan_said(), knowledge, matcher, None)
    assert not is_place_mention(acts)


def test_a_model_file_loads_and_decides(tmp_path, knowledge, matcher):
    """The file the training script writes (its format) loads and decides as its weights
    say. No weights ship: on the place gold held out split by split the model did not beat
    the rules (scripts/train_place_frame.py), so the stage keeps the rules without a file."""
    path = tmp_path / "frame_model.json"
    weights = {"bias": -2.0, "dep=nsubj": 4.0, "head=speech": 0.5}
    path.write_text(
        json.dumps({"format": "detente-place-frame/1", "threshold": 0.5, "weights": weights})
    )
    model = load_frame_model(path)
    assert model.weights == weights and model.threshold == 0.5
    assert model.meta["format"] == "detente-place-frame/1"
    place, _log = resolve(japan_said(), knowledge, matcher, model)
    assert is_place_mention(place) and place.resolved_by.endswith("+frame")


def test_a_malformed_model_file_is_a_dictionary_error(tmp_path):
    path = tmp_path / "frame.json"
    path.write_text(json.dumps({"format": "detente-place-frame/1", "weights": {"bias": "x"}}))
    with pytest.raises(DictionaryError, match="weights"):
        load_frame_model(path)
    path.write_text("{not json")
    with pytest.raises(DictionaryError, match="cannot read"):
        load_frame_model(path)
    path.write_text(json.dumps({"format": "other", "weights": {}}))
    with pytest.raises(DictionaryError, match="not a"):
        load_frame_model(path)
    path.write_text(
        json.dumps({"format": "detente-place-frame/1", "threshold": 1.5, "weights": {}})
    )
    with pytest.raises(DictionaryError, match="threshold"):
        load_frame_model(path)


def test_the_frame_training_and_the_miss_table_never_read_the_fresh_split():
    """test10 is annotated blind to be scored once by the lead: neither the training script
    nor the miss table may run it."""
    from detente.eval.places import HELD_OUT_SPLITS

    root = Path(__file__).resolve().parent.parent
    folders = [str(root / "scripts"), str(root / "benchmarks")]
    sys.path[:0] = folders
    try:
        train = importlib.import_module("train_place_frame")
        misses = importlib.import_module("place_misses")
    finally:
        for folder in folders:
            sys.path.remove(folder)
    fresh = HELD_OUT_SPLITS[-1]
    assert fresh == "test10" and fresh not in train.SPLITS and fresh not in misses.ALLOWED
    assert misses.ALLOWED[-1] == "test9"  # seen since its one scoring (session 25)
    assert "test5" in train.SPLITS  # the least-fitted split the model is measured on
    # the stage decides by the weights file whenever it exists: the documented command
    # (make train) measures only, and writes it only when asked
    assert not train.parse_args([]).write and train.parse_args(["--write"]).write


def test_the_places_stage_loads_without_the_events_stage():
    """Places runs before events: its learned model shares the logistic through
    detente.learn, not through the acceptor of a later stage."""
    code = (
        "import sys, detente.places.frame, detente.places.resolve; "
        "print(sorted(m for m in sys.modules if m.startswith('detente.events')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_frame_probability_is_the_logistic_of_its_weighted_sum():
    model = FrameModel({"bias": -1.0, "dep=pobj": 2.0, "prep=in": 0.5}, 0.5, {})
    found = {"bias": 1.0, "dep=pobj": 1.0, "prep=in": 1.0, "unweighted": 1.0}
    assert model.probability(found) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert model.is_land(found) and not model.is_land({"bias": 1.0})
