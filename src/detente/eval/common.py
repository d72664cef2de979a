"""Small pieces every evaluation module needs: where the shared gold data lives and
zero-safe precision/recall/F1 arithmetic."""

from __future__ import annotations

import json
import os
from pathlib import Path

from detente.errors import InputError, UsageError

SHARED_ENV = "DETENTE_SHARED"
# Gold data sits beside the repo, never inside the package: only eval code and tests read it.
# Outside a source checkout, $DETENTE_SHARED names that folder.
SHARED_DIR = Path(
    os.environ.get(SHARED_ENV) or Path(__file__).resolve().parents[3] / ".." / "shared"
)


def check_gold(path: Path, flag: str = "--gold") -> Path:
    """``path`` if it exists, else a usage error that says where gold data comes from."""
    if not Path(path).exists():
        raise UsageError(
            f"no gold data at {Path(path).resolve()}: the development gold sets are in the "
            f"shared/ folder beside a détente source checkout; pass {flag} PATH, or set "
            f"{SHARED_ENV} to that folder"
        )
    return Path(path)


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are zero."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(
    true_pos: float, predicted: float, gold: float, *, recalled: float | None = None
) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts. ``recalled`` (default ``true_pos``) is the
    number of gold items found, for scorers where that differs from correct predictions."""
    precision = ratio(true_pos, predicted)
    recall = ratio(true_pos if recalled is None else recalled, gold)
    return precision, recall, f1_score(precision, recall)


def read_gold_records(path: Path, what: str) -> list[dict]:
    """The records of a JSON gold file (a list of objects, at least one); anything else
    is an InputError naming the file, so ``detente eval`` fails in one clear line."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(str(path), "unreadable-gold", f"cannot read {what}: {e}") from e
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(str(path), "malformed-gold", f"{what} must be a JSON list of objects")
    if not records:
        raise InputError(str(path), "malformed-gold", f"{what} holds no records")
    return records
