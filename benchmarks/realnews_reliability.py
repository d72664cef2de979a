"""Does ``confidence`` separate right from wrong events? Reliability of cached real-news runs.

Reads the events cached by ``benchmarks/realnews_errors.py SPLIT --tag TAG`` and labels each
asserted event with a PLOVER category right (strict PLOVER: ``realnews_fp_causes.fp_cause``
finds no cause) or wrong, then prints, over the chosen splits pooled and per split:

* the reliability table by confidence decile (ten equal-width bins, 0-0.1 ... 0.9-1): events,
  mean confidence, share right, and their gap (issue 9 asks for |gap| <= 0.1 per decile);
* strict-PLOVER precision of the events kept at a few confidence floors (what
  ``--min-confidence`` would give a user).

Run: .venv/bin/python benchmarks/realnews_reliability.py --tag TAG [--splits train dev dev2]
(never on test). The acceptor was trained on train: dev and dev2 are the honest rows.
"""

from __future__ import annotations

import pickle

from realnews_errors import CACHE, asserted, sentence_units
from realnews_fp_causes import fp_cause
from realnews_fp_table import cached_runs

from detente.eval.common import reliability, reliability_markdown

FLOORS = (0.0, 0.2, 0.3, 0.4, 0.5)
DECILES = 10


def labelled(gold, split: str, tag: str, labels) -> list[tuple[float, bool]]:
    events, _ = pickle.loads(CACHE.with_name(CACHE.name.format(tag=tag, split=split)).read_bytes())
    rows = []
    for (article, _n), (golds, preds) in sentence_units(gold, split, events).items():
        for pred in preds:
            if asserted(pred):
                rows.append((pred.confidence, fp_cause(pred, golds, labels, article) is None))
    return rows


def print_reliability(title: str, rows: list[tuple[float, bool]]) -> None:
    print(f"\n{title}: {len(rows)} events, {sum(r for _, r in rows)} right")
    confidences, right = [c for c, _ in rows], [r for _, r in rows]
    print(reliability_markdown(reliability(confidences, right, DECILES)))
    floors = []
    for floor in FLOORS:
        kept = [r for c, r in rows if c >= floor]
        share = sum(kept) / len(kept) if kept else 0.0
        floors.append(f">= {floor:.1f}: {sum(kept)}/{len(kept)} = {share:.3f}")
    print("precision kept at confidence " + "; ".join(floors))


def main() -> None:
    args, gold, labels = cached_runs(__doc__)
    by_split = {split: labelled(gold, split, args.tag, labels) for split in args.splits}
    print_reliability(" + ".join(args.splits), [r for rows in by_split.values() for r in rows])
    for split, rows in by_split.items():
        print_reliability(split, rows)


if __name__ == "__main__":
    main()
