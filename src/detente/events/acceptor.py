"""The acceptor: an event's calibrated confidence, the probability that it is right.

A logistic regression over general features of the coded event (the rule family and its
own score, the kind of act, factuality, how its actors were resolved, where it stands in
the article), trained on the real-news train split by ``scripts/train_acceptor.py``. Only
the weights ship (``data/events/acceptor.json``); they are applied here in plain Python.
No feature is a word: the weights say how far each kind of rule can be trusted.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path

from detente.errors import DictionaryError
from detente.knowledge.tables import DATA_DIR
from detente.records import Event, EventActor

ACCEPTOR_FILE = DATA_DIR / "events" / "acceptor.json"

# how a mention was resolved (Mention.resolved_by, before any +context suffix), by kind
_NAMED = frozenset({"ner", "kb", "alias", "title", "user-dictionary"})
_WEAK = frozenset({"pronoun", "description", "role"})


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
    """Weights by feature name; ``probability`` is the logistic of their dot product."""

    weights: dict[str, float]
    meta: dict

    def probability(self, found: dict[str, float]) -> float:
        score = sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        if score >= 0:
            return 1.0 / (1.0 + math.exp(-score))
        odds = math.exp(score)
        return odds / (1.0 + odds)

    def calibrate(
        self,
        event: Event,
        *,
        sentence_index: int,
        source_by: str | None,
        target_by: str | None,
    ) -> Event:
        """The event with its confidence replaced by the acceptor's probability."""
        found = features(
            event, sentence_index=sentence_index, source_by=source_by, target_by=target_by
        )
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
    meta = {key: value for key, value in raw.items() if key != "weights"}
    return Acceptor(weights, meta)
