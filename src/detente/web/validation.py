"""Coders' right/wrong judgements of events: the judged events, a CSV export, and the
precision they estimate with its Wilson score interval."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from detente.errors import UsageError

MAX_JUDGEMENTS = 2000
Z_95 = 1.959964  # two-sided 95 %
CSV_COLUMNS = (
    "event_id", "judgement", "doc_id", "date", "cameo", "plover", "quad_class", "goldstein",
    "source_code", "source_text", "trigger_text", "target_code", "target_text",
    "modality", "negated", "confidence", "rule", "start_char", "end_char", "sentence",
)  # fmt: skip


def parse_ids(text: str | None, name: str) -> list[int]:
    """``"3,17,42"`` -> [3, 17, 42]; a clear 400 for anything else."""
    if not text:
        return []
    ids = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise UsageError(f"{name}={text!r}: give event ids separated by commas")
        ids.append(int(part))
    return ids


def check_judgements(right: list[int], wrong: list[int]) -> None:
    if len(right) + len(wrong) > MAX_JUDGEMENTS:
        raise UsageError(f"at most {MAX_JUDGEMENTS} judgements at once")
    both = set(right) & set(wrong)
    if both:
        raise UsageError(f"event {min(both)} is judged both right and wrong")


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (sound for small samples and p near 0 or 1)."""
    if trials == 0:
        return (0.0, 1.0)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def precision(right: int, wrong: int) -> dict[str, Any]:
    judged = right + wrong
    low, high = wilson_interval(right, judged)
    return {
        "right": right,
        "wrong": wrong,
        "judged": judged,
        "precision": right / judged if judged else None,
        "ci_low": low if judged else None,
        "ci_high": high if judged else None,
        "confidence_level": 0.95,
    }


def report(events: list[dict[str, Any]], right: list[int], wrong: list[int]) -> dict[str, Any]:
    """Judged events (those still in the store) with the precision overall and per PLOVER
    category; ids the store does not hold are listed as missing."""
    verdict = {event_id: "right" for event_id in right} | {i: "wrong" for i in wrong}
    rows = [{**event, "judgement": verdict[event["event_id"]]} for event in events]
    found = {row["event_id"] for row in rows}
    by_category: dict[str, list[int]] = {}
    for row in rows:
        tally = by_category.setdefault(row["plover"] or "(none)", [0, 0])
        tally[0 if row["judgement"] == "right" else 1] += 1
    return {
        "overall": precision(
            sum(r["judgement"] == "right" for r in rows),
            sum(r["judgement"] == "wrong" for r in rows),
        ),
        "by_plover": [
            {"plover": name, **precision(*tally)} for name, tally in sorted(by_category.items())
        ],
        "events": rows,
        "missing": sorted(set(verdict) - found),
    }


def to_csv(rows: list[dict[str, Any]]) -> str:
    """The judgements as CSV; text cells that a spreadsheet would run as a formula are
    prefixed with an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def _formula_like(text: str) -> bool:
    # "=cmd|..." or "@SUM(...)" would run in a spreadsheet; "-2+3" too, but a rule such as
    # "--- SAY" or "- x" is text.
    if text[:1] in ("=", "+", "@", "\t", "\r"):
        return True
    return text[:1] == "-" and text[1:2] not in ("", "-", " ")
