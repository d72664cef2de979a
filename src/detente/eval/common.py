"""Small pieces every evaluation module needs: where the shared gold data lives,
zero-safe precision/recall/F1 arithmetic, the halves of a gold set, and the reliability
table of confidences."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from detente.errors import GoldDataError, InputError, UsageError

T = TypeVar("T")

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


# A change tuned on a gold set must gain on both halves: the guard against rules that fit a
# few texts or records.
HALVES = ("A", "B")


def check_half(half: str | None) -> None:
    """``--half`` is A, B or not given; checked before any gold is read."""
    if half is not None and half not in HALVES:
        raise UsageError(f"--half {half!r} is not one of {', '.join(HALVES)}")


def halves(
    items: Sequence[T], half: str | None, *, key: Callable[[T], Any] | None = None
) -> list[T]:
    """One half of ``items``: sorted (by ``key``), even positions are half ``A``, odd ones
    ``B``; ``None``: all of them, in their order."""
    check_half(half)
    if half is None:
        return list(items)
    return sorted(items, key=key)[HALVES.index(half) :: 2]


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


# (lowest, highest, events, mean confidence, share right) of a group of events
ReliabilityRow = tuple[float, float, int, float, float]


def reliability(
    confidences: Sequence[float], correct: Sequence[bool], bins: int
) -> list[ReliabilityRow]:
    """A :data:`ReliabilityRow` per equal-width bin of confidence (``bins`` of them, the
    last one closed at 1.0) that holds events: does the confidence say how often the
    events are right?"""
    table: list[ReliabilityRow] = []
    for number in range(bins):
        low, high = number / bins, (number + 1) / bins
        inside = [
            i
            for i, c in enumerate(confidences)
            if low <= c < high or (number == bins - 1 and c == 1.0)
        ]
        if inside:
            mean = sum(confidences[i] for i in inside) / len(inside)
            share = sum(correct[i] for i in inside) / len(inside)
            table.append((low, high, len(inside), mean, share))
    return table


def reliability_markdown(rows: Sequence[ReliabilityRow]) -> str:
    """The rows as a Markdown table, with the gap between share right and confidence."""
    lines = [
        "| confidence | events | mean confidence | share right | gap |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {low:.3f}–{high:.3f} | {n} | {mean:.3f} | {share:.3f} | {share - mean:+.3f} |"
        for low, high, n, mean, share in rows
    ]
    return "\n".join(lines)


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
