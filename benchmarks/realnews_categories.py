"""Real-news scores of chosen PLOVER categories, strict and category-only, per train half and dev.

Reads the events cached by ``benchmarks/realnews_errors.py SPLIT --tag TAG`` (run it for
``train`` and ``dev``) and prints, for each tag and each part (train odd and even halves by
article, as ``realnews_halves.py`` splits them, and dev): the strict-PLOVER
correct/predicted/gold with P and R, and correct/predicted/gold of each chosen category. The
category-only table counts an event right when its category is in the gold sentence,
whoever its actors are (the trigger side of a mechanism, apart from the actors stage).

Run: .venv/bin/python benchmarks/realnews_categories.py TAG [TAG ...]
         [--categories ACCUSE,SUPPORT,REJECT,AGREE]   (never on test)
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from realnews_errors import CACHE
from realnews_halves import halves, score

import detente.eval.realnews as realnews
from detente.eval.realnews import load_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tags", nargs="+")
    parser.add_argument("--categories", default="ACCUSE,SUPPORT,REJECT,AGREE")
    args = parser.parse_args()
    categories = args.categories.split(",")
    gold = load_gold("A")
    train = halves(gold.article_keys("train"))
    parts = {
        "train odd": ("train", train["odd"]),
        "train even": ("train", train["even"]),
        "dev": ("dev", sorted(gold.article_keys("dev"))),
    }
    same_actors = realnews._same_actors
    for title, any_actors in (("strict", False), ("category-only", True)):
        print(f"\n{title}\n\n| run | part | all (c/p/g) | P | R | " + " | ".join(categories) + " |")
        print("|---|---|---:|---:|---:|" + "---:|" * len(categories))
        for tag in args.tags:
            for name, (split, keys) in parts.items():
                cache = Path(str(CACHE).format(tag=tag, split=split))
                events, _ = pickle.loads(cache.read_bytes())
                if any_actors:
                    realnews._same_actors = lambda gold_event, pred: True
                try:
                    scores = score(gold, events, keys)
                finally:
                    realnews._same_actors = same_actors
                s = scores.variants["strict-plover"]
                cells = [
                    f"{c.correct}/{c.predicted}/{c.gold}" if c else "0/0/0"
                    for c in (scores.by_category.get(category) for category in categories)
                ]
                print(
                    f"| {tag} | {name} | {s.correct}/{s.predicted}/{s.gold} "
                    f"| {s.precision:.3f} | {s.recall:.3f} | " + " | ".join(cells) + " |"
                )


if __name__ == "__main__":
    main()
