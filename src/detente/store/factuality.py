"""Which events count as having happened: the one filter every consumer of the store uses.

The events stage decides each event's ``modality`` and ``negated``. An event *occurred*
when its modality is ``asserted`` and it is not negated. "asserted" is the only occurrence
value, so a modality the events stage adds later (``possible``, ``conditional`` ...) is
left out of counts until someone decides otherwise here.

Panels, dyads, deduplication counts and the GDELT/PLOVER/POLECAT exports keep occurred
events by default; ``asserted_only=False`` keeps every modality and ``include_negated=True``
keeps negated events too. ``min_confidence`` (0 by default: no filter) keeps events whose
``confidence`` (the acceptor's probability that the event is right) is at least that; a
deduplicated event is kept when one of its mentions is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from detente.errors import UsageError

OCCURRED_MODALITY = "asserted"


@dataclass(frozen=True, slots=True)
class Factuality:
    """The switches, with the defaults every consumer shares."""

    asserted_only: bool = True
    include_negated: bool = False
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        value = self.min_confidence
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not 0.0 <= value <= 1.0
        ):
            raise UsageError(f"min_confidence={value!r} must be a number from 0 to 1")

    def sql(self, alias: str, *, clusters: bool = False) -> str:
        """A SQL condition on the table ``alias`` (its ``modality`` and ``negated`` columns);
        ``clusters``: ``alias`` is ``event_clusters``, whose mentions carry the confidence."""
        parts = []
        if self.asserted_only:
            parts.append(f"{alias}.modality = '{OCCURRED_MODALITY}'")
        if not self.include_negated:
            parts.append(f"NOT coalesce({alias}.negated, false)")
        if self.min_confidence > 0:
            threshold = repr(float(self.min_confidence))  # a checked number: safe to inline
            if clusters:
                parts.append(
                    f"{alias}.cluster_id IN (SELECT x.cluster_id FROM event_dedup x "
                    f"JOIN events ev USING (event_id) WHERE ev.confidence >= {threshold})"
                )
            else:
                parts.append(f"coalesce({alias}.confidence, 0) >= {threshold}")
        return "(" + " AND ".join(parts) + ")" if parts else "TRUE"

    def describe(self) -> str:
        kept = "asserted" if self.asserted_only else "every modality"
        kept += ", negated included" if self.include_negated else ", not negated"
        if self.min_confidence > 0:
            kept += f", confidence >= {self.min_confidence:g}"
        return kept


OCCURRED = Factuality()
EVERYTHING = Factuality(asserted_only=False, include_negated=True)


def occurred(event) -> bool:
    """The same test on a record (``detente.records.Event``) instead of a table row."""
    return event.modality == OCCURRED_MODALITY and not event.negated
