"""Whether a state's name stands for its land: one learned decision over the name's frame.

The phrase rules of :func:`detente.places.resolve.located_as` name the frames a state's name
is its land in ("visited Belize", "Mexico's women", "the Iraq war"); each was written from
the misses of a split and fits those misses better than fresh text. This module reads the
same parse as features that hold no word of the name itself (which state it is, how it is
spelt): the name's dependency, the class of the word it hangs on in our word lists
(place_words.tsv, the speech verbs), the preposition, the possessive, its place in a
compound, the parser's label, what the gazetteer and the actor KB know of the name (kinds,
population, a seat of government), the rule signals themselves; and a logistic regression
trained on the place gold (``scripts/train_place_frame.py``, ``make train``) weighs them.
No weights ship (held out, the model did not beat the rules: gold/places/README.md); the
training script writes ``data/places/frame_model.json`` only with ``--write``, and when that
file exists the actors stage decides by it, applied here in plain Python.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import DATA_DIR, read_words
from detente.learn import logistic, weighted_sum

FRAME_FILE = DATA_DIR / "places" / "frame_model.json"
FRAME_FORMAT = "detente-place-frame/1"

# the dependency labels kept as such; any other is "dep=other"
DEPS = frozenset(
    {"pobj", "poss", "compound", "nmod", "amod", "nsubj", "nsubjpass", "dobj", "conj",
     "appos", "ROOT", "npadvmod", "attr", "dative", "pcomp"}
)  # fmt: skip
LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})


@functools.cache
def frame_prepositions() -> frozenset[str]:
    """The prepositions kept as such (``data/places/frame_prepositions.txt``; any other is
    "prep=other"), read once, the first time a frame is read."""
    return frozenset(word.lower() for word in read_words(files.FRAME_PREPOSITIONS))


@dataclass(frozen=True)
class FrameSignals:
    """What the stage's own rules say of the name (passed in: they need its state)."""

    locative: bool  # after a locative preposition, or in the dateline
    located: str | None  # located_as: movement | locating | event | None
    strikes: bool  # an armed attack on it
    seat: bool  # the name is a seat of government (a capital, "the Kremlin")
    rules_place: bool  # the phrase rules' decision


def word_classes(token: Token, place_lexicon, speech_verbs: frozenset[str]) -> list[str]:
    """The classes of a word in our word lists: place_words.tsv kinds and speech verbs."""
    lemma, lower = token.lemma_.lower(), token.lower_
    found = []
    for name, words in (
        ("movement", place_lexicon.movement),
        ("locating", place_lexicon.locating),
        ("event", place_lexicon.events),
        ("armed", place_lexicon.armed),
        ("site", place_lexicon.sites),
        ("venue", place_lexicon.venues),
        ("document", place_lexicon.documents),
        ("sport", place_lexicon.sport),
        ("facility", place_lexicon.facilities),
        ("street", place_lexicon.streets),
    ):
        if lemma in words or lower in words:
            found.append(name)
    if lemma in speech_verbs:
        found.append("speech")
    return found or ["none"]


def frame_features(
    span: Span,
    anchor: Token,
    signals: FrameSignals,
    *,
    place_lexicon,
    speech_verbs: frozenset[str],
    kinds: frozenset[str],
    population: int,
) -> dict[str, float]:
    """The features of a state's name ``span`` whose sentence role is read at ``anchor``
    (the list's first name for a listed name). No word of the name is a feature."""
    found: dict[str, float] = {"bias": 1.0}
    root = span.root
    if anchor.i != root.i:
        found["listed"] = 1.0
    found.update(_syntax(anchor, place_lexicon, speech_verbs))
    label = root.ent_type_ if root.ent_type_ in LABELS else "none"
    found[f"ner={label}"] = 1.0
    for kind in sorted(kinds):
        found[f"gaz={kind}"] = 1.0
    if population > 0:
        found["log_population"] = math.log10(population) / 7.0
    if any(c.dep_ == "amod" and c.lower_ in place_lexicon.compass for c in root.children):
        found["compass"] = 1.0
    for name, on in (
        ("locative", signals.locative),
        ("strikes", signals.strikes),
        ("seat", signals.seat),
        ("rules_place", signals.rules_place),
    ):
        if on:
            found[name] = 1.0
    if signals.located is not None:
        found[f"located={signals.located}"] = 1.0
    return found


def _syntax(anchor: Token, place_lexicon, speech_verbs: frozenset[str]) -> dict[str, float]:
    """The name's dependency, the word it hangs on (and, after a preposition, the word the
    preposition hangs on): part of speech and word classes."""
    found: dict[str, float] = {}
    dep = anchor.dep_ if anchor.dep_ in DEPS else "other"
    found[f"dep={dep}"] = 1.0
    head = anchor.head
    for prefix, token in (("head", head), ("gov", head.head if dep == "pobj" else None)):
        if token is None:
            continue
        found[f"{prefix}_pos={token.pos_}"] = 1.0
        for name in word_classes(token, place_lexicon, speech_verbs):
            found[f"{prefix}={name}"] = 1.0
    if dep == "pobj":
        prep = head.lower_ if head.lower_ in frame_prepositions() else "other"
        found[f"prep={prep}"] = 1.0
        found[f"prep={prep}&gov_pos={head.head.pos_}"] = 1.0
    elif dep in ("poss", "compound", "nmod", "amod"):
        found[f"{dep}&head_pos={head.pos_}"] = 1.0
        if head.tag_ in ("NNS", "NNPS"):
            found["head_plural"] = 1.0
        if head.ent_type_:
            found["head_is_name"] = 1.0
    elif dep in ("nsubj", "nsubjpass", "dobj"):
        found[f"{dep}&head_pos={head.pos_}"] = 1.0
    return found


@dataclass(frozen=True)
class FrameModel:
    """Weights by feature name; ``probability`` is the logistic of their dot product."""

    weights: dict[str, float]
    threshold: float
    meta: dict

    def probability(self, found: dict[str, float]) -> float:
        return logistic(weighted_sum(self.weights, found))

    def is_land(self, found: dict[str, float]) -> bool:
        return self.probability(found) >= self.threshold


def load_frame_model(path: Path | None = None) -> FrameModel:
    """Read the weights file; a malformed one raises DictionaryError naming it."""
    path = Path(path) if path is not None else FRAME_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DictionaryError(str(path), None, f"cannot read the place frame model: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FRAME_FORMAT:
        raise DictionaryError(str(path), None, f"not a {FRAME_FORMAT} file")
    weights = data.get("weights")
    threshold = data.get("threshold", 0.5)
    if not isinstance(weights, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in weights.items()
    ):
        raise DictionaryError(str(path), None, "weights must map feature names to numbers")
    if not isinstance(threshold, int | float) or not 0.0 < threshold < 1.0:
        raise DictionaryError(str(path), None, "threshold must be a number between 0 and 1")
    meta = {k: v for k, v in data.items() if k not in ("weights", "threshold")}
    return FrameModel({k: float(v) for k, v in weights.items()}, float(threshold), meta)
