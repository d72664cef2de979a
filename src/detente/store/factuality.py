"""Which events count as having happened: the one filter every consumer of the store uses.

The events stage decides each event's ``modality`` and ``negated``. An event *occurred*
when its modality is ``asserted`` and it is not negated. "asserted" is the only occurrence
value, so a modality the events stage adds later (``possible``, ``conditional`` ...) is
left out of counts until someone decides otherwise here.

Panels, dyads, deduplication counts and the GDELT/PLOVER/POLECAT exports keep occurred
events by default; ``asserted_only=False`` keeps every modality and ``include_negated=True``
keeps negated events too.
"""

from __future__ import annotations

from dataclasses import dataclass

OCCURRED_MODALITY = "asserted"


@dataclass(frozen=True, slots=True)
class Factuality:
    """The switches, with the defaults every consumer shares."""

    asserted_only: bool = True
    include_negated: bool = False

    def sql(self, alias: str) -> str:
        """A SQL condition on the table ``alias`` (its ``modality`` and ``negated`` columns)."""
        parts = []
        if self.asserted_only:
            parts.append(f"{alias}.modality = '{OCCURRED_MODALITY}'")
        if not self.include_negated:
            parts.append(f"NOT coalesce({alias}.negated, false)")
        return "(" + " AND ".join(parts) + ")" if parts else "TRUE"

    def describe(self) -> str:
        kept = "asserted" if self.asserted_only else "every modality"
        return kept + (", negated included" if self.include_negated else ", not negated")


OCCURRED = Factuality()
EVERYTHING = Factuality(asserted_only=False, include_negated=True)


def occurred(event) -> bool:
    """The same test on a record (``detente.records.Event``) instead of a table row."""
    return event.modality == OCCURRED_MODALITY and not event.negated
