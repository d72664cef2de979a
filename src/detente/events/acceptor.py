"""The acceptor: an event's calibrated confidence, the probability that it is right.

A logistic regression over general features of the coded event (the rule family and its
own score, its PLOVER category, factuality, how its actors were resolved and whether they
stand in the trigger's clause, the trigger's part of speech and dependency role, whether
it is quoted, how many events its sentence holds, where it stands in the article; the
training script chooses which groups the weights use), then a calibration map (Platt: the logistic of ``a * score + b``, ``a > 0``) fitted on
out-of-fold scores. ``scripts/train_acceptor.py`` fits both on the real-news development
splits. Only the numbers ship (``data/events/acceptor.json``); they are applied here in
plain Python. No feature is a word: the weights say how far each kind of rule can be
trusted.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from detente.errors import DictionaryError
from detente.knowledge.tables import DATA_DIR
from detente.learn import logistic, weighted_sum
from detente.nlp.syntax import CLAUSE_DEPS, COMPLEMENT_DEPS, NOMINAL_POS, VERBAL_POS
from detente.records import Event, EventActor, Quote

ACCEPTOR_FILE = DATA_DIR / "events" / "acceptor.json"

# the names of the features parse_features gives (a name ending in "=" stands for every
# value of the feature; see in_group): read from the parse only when the shipped weights
# name one of them
PARSE_FEATURES = (
    "log_sentence_events",
    "log_sentence_tokens",
    "trigger_pos=",
    "trigger_dep=",
    "source_same_clause",
    "target_same_clause",
    "quoted=",
)

# how a mention was resolved (Mention.resolved_by, before any +context suffix), by kind
_NAMED = frozenset({"ner", "kb", "alias", "title", "user-dictionary"})
_WEAK = frozenset({"pronoun", "description", "role"})


def in_group(name: str, group: tuple[str, ...]) -> bool:
    """Whether the feature ``name`` belongs to ``group``: an entry names one feature
    exactly, or ends in "=" and stands for each of its values ("family=" holds
    "family=verb"). Never a bare prefix: "log_sentence" is not "log_sentence_events"."""
    return any(name == entry or (entry.endswith("=") and name.startswith(entry)) for entry in group)


def rule_family(rule: str) -> str:
    """Which kind of rule coded the event, read from its evidence string."""
    if rule.startswith("statement:"):
        return "statement"
    if "nominal:" in rule:
        return "nominal"
    if rule.startswith("intent:") or ": intent:" in rule:
        return "intent"
    if "obligation (" in rule:
        return "obligation"
    if " + " in rule:
        return "embedded"
    if "--- " in rule:
        return "block"
    if "[" in rule.split("(")[0]:
        return "verb"
    return "pattern"


def resolution(resolved_by: str | None) -> str:
    """named | weak | context | none: how surely a mention's actor is known."""
    if not resolved_by:
        return "none"
    base, _, suffix = resolved_by.partition("+")
    if suffix:
        return "context"
    if base in _NAMED:
        return "named"
    if base in _WEAK:
        return "weak"
    return "other"


def features(
    event: Event,
    *,
    sentence_index: int,
    source_by: str | None,
    target_by: str | None,
) -> dict[str, float]:
    """The event's features by name (absent names are 0). ``event.confidence`` is the
    rule's own score; ``source_by``/``target_by`` are the mentions' ``resolved_by``."""
    found: dict[str, float] = {
        "bias": 1.0,
        "rule_score": event.confidence,
        f"family={rule_family(event.rule)}": 1.0,
        f"quad={event.quad_class or 0}": 1.0,
        "asserted": float(event.modality == "asserted"),
        f"modality={event.modality}": 1.0,
        # the kind of act: a shrunk per-category prior (L2 on the indicator pulls it to the mean)
        f"category={event.plover or 'root' + event.cameo_root}": 1.0,
        "negated": float(event.negated),
        "symmetric": float(event.symmetric),
        "has_target": float(event.target is not None),
        "no_plover": float(event.plover is None),
        f"source={resolution(source_by)}": 1.0,
        "source_person": float(_person(event.source)),
        "source_coded": float(bool(event.source.code)),
        "source_sector": float(bool(event.source.sector)),
        "first_sentence": float(sentence_index == 0),
        "log_sentence": math.log1p(sentence_index),
        "source_distance": _distance(event, event.source),
    }
    if event.target is not None:
        found[f"target={resolution(target_by)}"] = 1.0
        found["target_coded"] = float(bool(event.target.code))
        found["target_distance"] = _distance(event, event.target)
        # the doer's own country standing in for a target the sentence does not name (the
        # domestic fallback, on the source's own mention): right far less often
        found["own_country_target"] = float(
            (event.target.start, event.target.end) == (event.source.start, event.source.end)
        )
        found["domestic"] = float(
            bool(event.source.country) and event.source.country == event.target.country
        )
    return found


def parse_features(
    event: Event, sent: Span, *, sentence_events: int, quotes: list[Quote] | tuple = ()
) -> dict[str, float]:
    """Features the parse of the event's sentence gives: the trigger's part of speech and
    dependency role, whether source and target stand in the trigger's clause, whether the
    trigger is inside a quote, how many events (``sentence_events``) and tokens the
    sentence holds."""
    doc = sent.doc
    found: dict[str, float] = {
        "log_sentence_events": math.log(max(sentence_events, 1)),
        "log_sentence_tokens": math.log(max(len(sent), 1)),
    }
    trigger = _token_at(doc, event.trigger.start, event.trigger.end)
    if trigger is None:
        return found
    found[f"trigger_pos={_pos_kind(trigger)}"] = 1.0
    found[f"trigger_dep={_dep_kind(trigger)}"] = 1.0
    clause = clause_head(trigger)
    for role, actor in (("source", event.source), ("target", event.target)):
        if actor is None:
            continue
        token = _token_at(doc, actor.start, actor.end)
        inside = token is not None and sent.start <= token.i < sent.end
        found[f"{role}_same_clause"] = float(inside and clause_head(token).i == clause.i)
    kind = _quote_kind(event.trigger.start, quotes)
    if kind:
        found[f"quoted={kind}"] = 1.0
    return found


def event_features(
    event: Event,
    sent: Span,
    *,
    sentence_index: int,
    source_by: str | None,
    target_by: str | None,
    sentence_events: int,
    quotes: list[Quote] | tuple = (),
    parse: bool,
) -> dict[str, float]:
    """Every feature the pipeline gives an event: :func:`features`, and with ``parse``
    (an acceptor that ``reads_parse``) those of :func:`parse_features` too."""
    found = features(event, sentence_index=sentence_index, source_by=source_by, target_by=target_by)
    if parse:
        found.update(parse_features(event, sent, sentence_events=sentence_events, quotes=quotes))
    return found


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` stands in: the nearest token at or above it that
    heads a clause of its own (the root, a clausal dependent, a complement, a conjoined
    verb)."""
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_DEPS or token.dep_ in COMPLEMENT_DEPS:
            return token
        if token.dep_ == "conj" and token.pos_ in VERBAL_POS:
            return token
        token = token.head
    return token


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _pos_kind(token: Token) -> str:
    if token.pos_ in VERBAL_POS:
        return "verb"
    return "noun" if token.pos_ in NOMINAL_POS else "other"


def _dep_kind(token: Token) -> str:
    """root | complement | clause | conj | other: where the trigger hangs."""
    if token.dep_ == "ROOT":
        return "root"
    if token.dep_ in COMPLEMENT_DEPS:
        return "complement"
    if token.dep_ in CLAUSE_DEPS:
        return "clause"
    return "conj" if token.dep_ == "conj" else "other"


def _quote_kind(position: int, quotes: list[Quote] | tuple) -> str | None:
    """direct | indirect: the kind of the quote whose content holds ``position``."""
    for quote in quotes:
        parts = quote.parts or ((quote.start, quote.end),)
        if any(start <= position < end for start, end in parts):
            return "indirect" if quote.kind == "indirect" else "direct"
    return None


def _person(actor: EventActor) -> bool:
    return bool(actor.actor_id) and not actor.actor_id.startswith(("state:", "org:"))


def _distance(event: Event, actor: EventActor) -> float:
    """Characters between the trigger and the actor's mention, in hundreds, capped at 3;
    an actor outside the sentence (a quote's speaker, an earlier antecedent) counts 3."""
    if not event.sentence_start <= actor.start < event.sentence_end:
        return 3.0
    gap = max(actor.start - event.end, event.start - actor.end, 0)
    return min(gap / 100.0, 3.0)


@dataclass(frozen=True, slots=True)
class Acceptor:
    """Weights by feature name and a calibration map ``(a, b)``: ``probability`` is the
    logistic of ``a * score + b``, ``score`` the dot product of weights and features
    (``a = 1, b = 0``: the regression's own probability)."""

    weights: dict[str, float]
    meta: dict
    calibration: tuple[float, float] = (1.0, 0.0)
    _reads_parse: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # asked once per coded sentence: decided once, when the weights are set
        parse = any(in_group(name, PARSE_FEATURES) for name in self.weights)
        object.__setattr__(self, "_reads_parse", parse)

    @property
    def reads_parse(self) -> bool:
        """Whether a weight names a feature of :func:`parse_features`."""
        return self._reads_parse

    def score(self, found: dict[str, float]) -> float:
        return weighted_sum(self.weights, found)

    def calibrated(self, score: float) -> float:
        """The calibration map: a probability for a score, increasing with it."""
        slope, intercept = self.calibration
        return logistic(slope * score + intercept)

    def probability(self, found: dict[str, float]) -> float:
        return self.calibrated(self.score(found))

    def accept(self, event: Event, found: dict[str, float]) -> Event:
        """The event with its confidence replaced by the probability of its features
        (:func:`event_features`, as the pipeline computes them)."""
        return replace(event, confidence=round(self.probability(found), 3))


def load_acceptor(path: Path | None = None) -> Acceptor:
    """Read the weights file; a malformed one raises DictionaryError naming it."""
    path = Path(path) if path is not None else ACCEPTOR_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read the acceptor weights: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DictionaryError(str(path), exc.lineno, f"not JSON: {exc.msg}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        raise DictionaryError(str(path), None, "expected an object with a 'weights' object")
    weights: dict[str, float] = {}
    for name, value in raw["weights"].items():
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise DictionaryError(str(path), None, f"weight {name!r} is not a finite number")
        weights[name] = float(value)
    calibration = raw.get("calibration", {"a": 1.0, "b": 0.0})
    try:
        slope, intercept = float(calibration["a"]), float(calibration["b"])
    except (TypeError, KeyError, ValueError) as exc:
        raise DictionaryError(
            str(path), None, "'calibration' must be an object with numbers 'a' and 'b'"
        ) from exc
    if not (math.isfinite(slope) and math.isfinite(intercept)) or slope <= 0:
        raise DictionaryError(
            str(path), None, "'calibration' needs a finite 'b' and a positive 'a' (monotone)"
        )
    meta = {key: value for key, value in raw.items() if key not in ("weights", "calibration")}
    return Acceptor(weights, meta, (slope, intercept))
