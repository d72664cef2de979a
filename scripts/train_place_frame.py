"""Train the place frame model (``src/detente/data/places/frame_model.json``) and measure it.

Runs the actors stage with the phrase rules alone on the articles of the place gold's splits
(dev, test, test2 to test5; never a split annotated after them), collects, for every state
name the stage decides (place or actor), its frame features (:mod:`detente.places.frame`: no
word of the name) and labels it from gold A: a gold mention with role ``place`` on it is
land (1); a gold mention with another role, or none, in an annotated sentence is not (0);
names outside the annotated sentences are not used. Then:

* leave-one-split-out: for each split, fits a logistic regression on the other splits,
  runs the stage with that model on the held-out split and scores it as ``detente eval
  places`` does, beside the rules' score;
* fits on all the splits; writes the weights only with ``--write``. The actors stage loads
  that file whenever it exists and then decides every state name by the model, not the
  rules: writing it changes the pipeline (none ships: see gold/places/README.md).

Run: ``make train`` or ``.venv/bin/python scripts/train_place_frame.py [--drop PREFIX ...]
[--c 1.0] [--write]``. ``--drop`` leaves out features by prefix (``--drop rules_place
located`` trains without the rules' own signals). The parses are cached in
``tmp/place-misses/`` (shared with ``benchmarks/place_misses.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from place_misses import CACHE, parsed, run_stages  # noqa: E402

from detente.actors.component import FRAME_LOG  # noqa: E402
from detente.places.frame import FRAME_FILE, FRAME_FORMAT, FrameModel  # noqa: E402

SPLITS = ("dev", "test", "test2", "test3", "test4", "test5")
METRICS = ("accuracy", "recall", "precision", "on_actors")


def label_frames(gold, keys, docs) -> list[tuple[dict[str, float], int, bool, str]]:
    """(features, label, the rules' decision, the name in its sentence) for the decided
    state names inside the annotated sentences."""
    by_article: dict = {}
    for sentence in gold:
        by_article.setdefault(sentence.article, []).append(sentence)
    rows = []
    for key, doc in zip(keys, docs, strict=True):
        for start, end, found, rules, _land in doc.user_data.get(FRAME_LOG, ()):
            first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            for sentence in by_article.get(key, ()):
                if not (sentence.start <= first and last <= sentence.end):
                    continue
                over = [g for g in sentence.mentions if g.start < last and first < g.end]
                label = int(any(g.role == "place" for g in over))
                shown = f"{doc.text[sentence.start : first]}[{doc.text[first:last]}]"
                shown += doc.text[last : sentence.end]
                rows.append((found, label, rules, f"{sentence.id} {shown}"))
    return rows


def run(nlp, model: FrameModel | None, split: str, gold, articles, cache: Path):
    """The split run with ``model`` (None: the rules): its docs and place scores."""
    from detente.eval.places import score_places

    nlp.get_pipe("detente_actors").frame_model = model
    keys, docs = parsed(nlp, split, articles, cache)
    predictions = {}
    for key, doc in zip(keys, docs, strict=True):
        run_stages(nlp, doc, articles[key])
        predictions[key] = list(doc._.mentions or [])
    return keys, docs, score_places(gold, predictions, resamples=0)[split]


def fit(rows, drop: tuple[str, ...], c: float) -> FrameModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def kept(found):
        return {k: v for k, v in found.items() if k != "bias" and not k.startswith(drop)}

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([kept(row[0]) for row in rows])
    labels = [row[1] for row in rows]
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, labels)
    weights = {"bias": float(model.intercept_[0])}
    for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True):
        if abs(weight) > 1e-6:
            weights[str(name)] = round(float(weight), 6)
    return FrameModel(weights, 0.5, {})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: the weights are written only when ``--write`` asks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop", nargs="*", default=[], help="feature prefixes left out")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"write the weights to {FRAME_FILE.relative_to(ROOT)}: the pipeline then uses them",
    )
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--dump", type=Path, help="write the labelled frames (JSON) here")
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    drop = tuple(args.drop)

    from detente.eval.places import gold_articles, read_gold
    from detente.nlp import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = load(stages=["actors"])
    nlp.get_pipe("detente_actors").collect_frames = True
    data = {}
    for split in SPLITS:
        gold = [s for s in read_gold() if s.split == split]
        articles = gold_articles(gold)
        keys, docs, rules = run(nlp, None, split, gold, articles, args.cache)
        data[split] = (gold, articles, label_frames(gold, keys, docs), rules)
        rows = data[split][2]
        right = sum(r[1] == r[2] for r in rows)
        print(
            f"{split}: {len(rows)} state names in gold sentences, {sum(r[1] for r in rows)} "
            f"land; the rules decide {right} right"
        )
    if args.dump:
        args.dump.write_text(json.dumps({split: data[split][2] for split in SPLITS}))

    print("\n| held out | frames | rules right | model right | rules acc | model acc | rules recall | model recall "
          "| rules prec | model prec | rules on actors | model on actors |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for held in SPLITS:
        train = [row for split in SPLITS if split != held for row in data[split][2]]
        model = fit(train, drop, args.c)
        gold, articles, rows, rules = data[held]
        _keys, _docs, scored = run(nlp, model, held, gold, articles, args.cache)
        r, m = rules.counts.metrics(), scored.counts.metrics()
        cells = " | ".join(f"{r[name]:.3f} | {m[name]:.3f}" for name in METRICS)
        right = sum(model.is_land(r[0]) == bool(r[1]) for r in rows)
        print(f"| {held} | {len(rows)} | {sum(r[1] == r[2] for r in rows)} | {right} | {cells} |")

    rows = [row for split in SPLITS for row in data[split][2]]
    model = fit(rows, drop, args.c)
    print(f"\nall splits: {len(rows)} frames, {sum(r[1] for r in rows)} land")
    if not args.write:
        return
    FRAME_FILE.write_text(
        json.dumps(
            {
                "format": FRAME_FORMAT,
                "model": f"logistic regression (scikit-learn, L2, C={args.c:g})",
                "trained": dt.date.today().isoformat(),
                "splits": list(SPLITS),
                "n": len(rows),
                "n_land": sum(r[1] for r in rows),
                "dropped": list(drop),
                "label": "a gold place mention (role place) on a state's name",
                "threshold": 0.5,
                "weights": dict(sorted(model.weights.items())),
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {FRAME_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
