"""Small pieces every evaluation module needs: where the shared gold data lives and
zero-safe precision/recall/F1 arithmetic."""

from __future__ import annotations

import json
import os
from pathlib import Path

from detente.errors import GoldDataError, InputError

SHARED_ENV = "DETENTE_SHARED"
# Gold data sits beside the repository, never inside the package: only evaluation code and
# tests read it. The default is the folder $DETENTE_SHARED names, else ``shared`` next to
# the checkout that holds this source tree (``<checkout>/../shared``); every evaluation
# also takes the path itself.
DEFAULT_SHARED_DIR = Path(
    os.environ.get(SHARED_ENV) or Path(__file__).resolve().parents[4] / "shared"
)


def shared_path(*parts: str, shared_dir: str | Path | None = None) -> Path:
    """A file or folder of the shared gold data, under ``shared_dir`` (by default
    :data:`DEFAULT_SHARED_DIR`); a clear error when it is not there."""
    path = (Path(shared_dir) if shared_dir is not None else DEFAULT_SHARED_DIR).joinpath(*parts)
    if not path.exists():
        raise GoldDataError(
            f"no gold data at {path.resolve()}: the development gold sets are in the shared "
            f"folder beside a détente source checkout, or where ${SHARED_ENV} says; "
            "or pass the path of the gold data to use"
        )
    return path


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
