"""Small pieces every evaluation module needs: where the shared gold data lives and
zero-safe precision/recall/F1 arithmetic."""

from __future__ import annotations

from pathlib import Path

from detente.errors import InputError

# Gold data sits beside the repository, never inside the package: only evaluation code and
# tests read it. The default is the folder ``shared`` next to the checkout that holds this
# source tree (``<checkout>/../shared``); every evaluation also takes the path itself.
DEFAULT_SHARED_DIR = Path(__file__).resolve().parents[4] / "shared"


def shared_path(*parts: str, shared_dir: str | Path | None = None) -> Path:
    """A file or folder of the shared gold data, under ``shared_dir`` (by default
    :data:`DEFAULT_SHARED_DIR`); a clear error when it is not there."""
    root = Path(shared_dir) if shared_dir is not None else DEFAULT_SHARED_DIR
    path = root.joinpath(*parts)
    if not path.exists():
        where = "the default shared folder beside the source tree" if shared_dir is None else root
        raise InputError(
            str(path),
            "missing-gold",
            f"no gold data here ({where}); pass the path of the gold data to use",
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
