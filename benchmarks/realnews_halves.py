"""Strict-PLOVER scores of cached real-news runs, per half of a split (issue 9 overfitting guard).

Reads the events cached by ``benchmarks/realnews_errors.py SPLIT --tag TAG`` and scores them with
``detente.eval.realnews`` (the scorer of ``detente eval realnews``) on the whole split and on its
two halves by article (article keys sorted, odd and even positions). A mechanism is kept only
when it gains, or is neutral, on both halves. Several tags print side by side.

Run: .venv/bin/python benchmarks/realnews_halves.py train base after [...]  (never on test)
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from realnews_errors import CACHE

from detente.eval.realnews import (
    AnnotatorGold,
    _scorable,
    _units,
    load_gold,
    score_units,
    to_prediction,
)


def halves(keys: list[str]) -> dict[str, list[str]]:
    ordered = sorted(keys)
    return {"all": ordered, "odd": ordered[0::2], "even": ordered[1::2]}


def score(gold, events: list, keys: list[str]):
    preds = [to_prediction(e) for e in events]
    scorable = tuple(e for e in gold.gold.events if _scorable(e))
    subset = AnnotatorGold(gold.gold.annotator, gold.gold.articles, scorable)
    units = _units(subset, gold.sentences, gold.doc_ids, preds, keys)
    return score_units(units, annotator=gold.gold.annotator, split=None, resamples=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", choices=("train", "dev", "dev2"))
    parser.add_argument("tags", nargs="+")
    args = parser.parse_args()
    gold = load_gold("A")
    parts = halves(gold.article_keys(args.split))
    print(
        "| run | part | predicted | correct | gold | P | R | F1 |\n|---|---|---:|---:|---:|---:|---:|---:|"
    )
    for tag in args.tags:
        cache = Path(str(CACHE).format(tag=tag, split=args.split))
        events, _ = pickle.loads(cache.read_bytes())
        for name, keys in parts.items():
            s = score(gold, events, keys).variants["strict-plover"]
            print(
                f"| {tag} | {args.split} {name} | {s.predicted} | {s.correct} | {s.gold} "
                f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
            )


if __name__ == "__main__":
    main()
