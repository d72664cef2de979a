"""Train the event acceptor (``src/detente/data/events/acceptor.json``) and measure it.

Codes the real-news gold articles of the ``--fit`` splits (default: every development split,
all but the fresh test split) with the full pipeline, the acceptor replaced by a recorder so each event
keeps its rule's own score and the features the pipeline computes for it at run time
(``detente.events.acceptor.features`` and ``parse_features``: no word identities). Labels
every event in an annotated sentence right or wrong against gold A (same sentence, same
PLOVER category — the CAMEO root for codes without one — same source and target keys, same
factuality; one gold event matches at most one prediction).

The model: a logistic regression whose L2 strength is chosen by inner cross-validation
(log-loss), then a Platt map (the logistic of ``a * score + b``) fitted on the inner
out-of-fold scores; folds are by article, seeded. ``--cv K`` measures the whole procedure
honestly: K outer folds by article over the pooled fit splits, every event scored by a
model (regularisation and calibration included) that never saw its article; prints the
reliability table (equal-count and equal-width), Brier, log-loss and strict-PLOVER P/R by
``--min-confidence``, for the new acceptor, the earlier features without calibration
(``baseline``) and the rules' own scores. ``--loso`` measures what a new split sees: each
fit split held out in turn and scored by the whole procedure fitted on the others, with
per split Brier, the equal-count groups within 0.1 and how many a calibrated acceptor would
have within 0.1 on that many events (``expected_within``). Then fits on all the fit
splits and writes the weights, the calibration map and the out-of-fold numbers.

Run: ``make train`` or ``.venv/bin/python scripts/train_acceptor.py [--cv 5] [--seed 9]
[--fit train dev dev2] [--measure SPLIT ...] [--loso] [--cache FILE] [--no-write]``. ``--cache``
keeps the coded events in a pickle to iterate fast (delete it after a rule change). A test
split is never fitted on, and is coded only when it is named in ``--measure``: do that
once, at the end, with ``--no-write`` (required then: no weights are written after a look
at a test split).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import pickle
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente.eval.common import reliability, reliability_markdown  # noqa: E402
from detente.eval.realnews import (  # noqa: E402
    DEVELOPMENT_SPLITS,
    SPLITS,
    _max_matching,
    _same_actors,
    _same_type,
    _scorable,
    load_gold,
    score_realnews,
    to_prediction,
)
from detente.events.acceptor import (  # noqa: E402
    ACCEPTOR_FILE,
    PARSE_FEATURES,
    Acceptor,
    in_group,
    load_acceptor,
)

THRESHOLDS = (0.0, 0.3, 0.5, 0.7)
C_GRID = (0.3, 1.0, 3.0, 10.0)  # inverse L2 strengths the inner cross-validation tries
# the features of the acceptor shipped before calibration and parse features (the
# baseline): each a feature's exact name, or its name and "=" for all its values (in_group)
BASELINE = (
    "rule_score", "family=", "quad=", "asserted", "negated", "symmetric", "has_target",
    "no_plover", "source=", "source_person", "source_coded", "source_sector", "first_sentence",
    "log_sentence", "source_distance", "target=", "target_coded", "target_distance",
    "own_country_target", "domestic",
)  # fmt: skip
# groups of features beyond the baseline that --features may add
FEATURE_GROUPS = {
    "category": ("category=",),  # the PLOVER category (CAMEO root without one)
    "modality": ("modality=",),  # the factuality, beyond asserted or not
    "parse": PARSE_FEATURES,  # clause, trigger role, quote, sentence load
    # how full the sentence is (two of the parse features; the baseline held them by mistake
    # before fix-a: BENCHMARKS.md)
    "load": ("log_sentence_events", "log_sentence_tokens"),
}
DEFAULT_GROUPS: list[str] = []  # no group gained out-of-fold over two fold seeds (BENCHMARKS.md)


def select(found: dict, groups: list[str]) -> dict:
    """The baseline features and those of ``groups``."""
    chosen = ("bias", *BASELINE, *(entry for g in groups for entry in FEATURE_GROUPS[g]))
    return {n: v for n, v in found.items() if in_group(n, chosen)}


class Recorder:
    """Stands in for the acceptor while coding: keeps each event's features, and its
    rule's own score as its confidence."""

    reads_parse = True  # every feature, so any set of them can be fitted

    def __init__(self) -> None:
        self.found: dict[tuple, dict[str, float]] = {}

    def accept(self, event, found: dict[str, float]):
        self.found[event_key(event)] = found
        return event


def event_key(event) -> tuple:
    target = event.target
    return (
        event.doc_id,
        event.start,
        event.end,
        event.cameo,
        event.negated,
        event.modality,
        (event.source.start, event.source.end, event.source.code),
        (target.start, target.end, target.code) if target else None,
    )


def code_split(gold, split: str) -> list[tuple]:
    """(event, features) per event coded in the split's articles, the features as the
    pipeline computes them at run time."""
    from detente import nlp as dnlp
    from detente.nlp import make_doc

    nlp = dnlp.load()
    recorder = Recorder()
    nlp.get_pipe("detente_events").coder.emitter.acceptor = recorder
    rows = []
    for doc in nlp.pipe(make_doc(nlp, article) for article in gold.documents(split)):
        rows += [(event, recorder.found[event_key(event)]) for event in doc._.events or ()]
        recorder.found.clear()
    return rows


def labels(gold, split: str, events: list) -> list[bool | None]:
    """Whether each event matches a gold event of its sentence (see the module doc); None
    for an event outside the annotated sentences (the gold covers each article's lead)."""
    preds = [to_prediction(event) for event in events]
    keys = set(gold.article_keys(split))
    by_sentence: dict[tuple[str, int], list] = {}
    for event in gold.gold.events:
        if event.article in keys and _scorable(event):
            by_sentence.setdefault((event.article, event.n), []).append(event)
    doc_key = {gold.doc_ids[key]: key for key in keys}
    groups: dict[tuple[str, int], list[int]] = {}
    for number, pred in enumerate(preds):
        key = doc_key.get(pred.doc_id)
        sentence = next(
            (s for s in gold.sentences.get(key, ()) if s.start <= pred.start < s.end), None
        )
        if sentence is not None:
            groups.setdefault((key, sentence.n), []).append(number)
    correct: list[bool | None] = [None] * len(preds)
    for unit, members in groups.items():
        for number in members:
            correct[number] = False
        golds = by_sentence.get(unit, [])
        edges = [
            [
                j
                for j, number in enumerate(members)
                if _same_type(g, preds[number], "plover" if preds[number].plover else "root")
                and _same_actors(g, preds[number])
                and g.factuality == preds[number].factuality
            ]
            for g in golds
        ]
        for j, owner in enumerate(_max_matching(edges, len(members))):
            if owner != -1:
                correct[members[j]] = True
    return correct


def deciles(confidences: list[float], correct: list[bool], groups: int) -> list[tuple]:
    """(lowest, highest, n, mean confidence, share correct) per group of events of equal
    size, in order of confidence (deciles when ``groups`` is 10)."""
    order = sorted(range(len(confidences)), key=lambda i: confidences[i])
    table = []
    for number in range(groups):
        inside = order[number * len(order) // groups : (number + 1) * len(order) // groups]
        if inside:
            values = [confidences[i] for i in inside]
            share = sum(correct[i] for i in inside) / len(inside)
            table.append((values[0], values[-1], len(inside), sum(values) / len(values), share))
    return table


def print_table(title: str, rows: list[tuple]) -> None:
    print(f"### {title}\n\n{reliability_markdown(rows)}\n")


def brier(values: list[float], correct: list[bool]) -> float:
    return sum((v - c) ** 2 for v, c in zip(values, correct, strict=True)) / len(values)


def log_loss(values: list[float], correct: list[bool]) -> float:
    eps = 1e-6
    return -sum(
        math.log(min(max(v if c else 1 - v, eps), 1.0))
        for v, c in zip(values, correct, strict=True)
    ) / len(values)


def split_of(article: str) -> str:
    """The split of an article key ("split:doc_id", as ``labelled`` writes them)."""
    return article.partition(":")[0]


def expected_within(confidences: list[float], groups: int, tolerance: float = 0.1) -> float:
    """How many of the equal-count groups (``deciles``) would be within ``tolerance`` of
    their mean confidence if every event were right with exactly its confidence: the
    count a perfectly calibrated acceptor reaches on average, the yardstick for a small
    split (a group of 10 events misses 0.1 about a third of the time by chance alone)."""
    order = sorted(range(len(confidences)), key=lambda i: confidences[i])
    total = 0.0
    for number in range(groups):
        inside = order[number * len(order) // groups : (number + 1) * len(order) // groups]
        if not inside:
            continue
        # the number right is Poisson-binomial: its distribution, event by event
        odds = [1.0]
        for i in inside:
            p = confidences[i]
            odds = [
                (odds[k] if k < len(odds) else 0.0) * (1 - p) + (odds[k - 1] * p if k else 0.0)
                for k in range(len(odds) + 1)
            ]
        mean = sum(confidences[i] for i in inside) / len(inside)
        total += sum(
            chance
            for right, chance in enumerate(odds)
            if abs(right / len(inside) - mean) <= tolerance + 1e-9
        )
    return total


def folds_by_article(articles: list[str], k: int, seed: int) -> list[int]:
    """A fold number per row: the articles shuffled by ``seed``, dealt round-robin."""
    unique = sorted(set(articles))
    random.Random(seed).shuffle(unique)
    fold = {article: number % k for number, article in enumerate(unique)}
    return [fold[article] for article in articles]


class Model:
    """L2 logistic regression on feature dicts (scikit-learn at training time only)."""

    def __init__(self, found: list[dict], correct: list[bool], c: float) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = DictVectorizer(sparse=False)
        matrix = self.vectorizer.fit_transform([without_bias(f) for f in found])
        self.model = LogisticRegression(C=c, max_iter=5000).fit(matrix, correct)

    def scores(self, found: list[dict]) -> list[float]:
        matrix = self.vectorizer.transform([without_bias(f) for f in found])
        return [float(v) for v in self.model.decision_function(matrix)]

    def weights(self) -> dict[str, float]:
        weights = {"bias": round(float(self.model.intercept_[0]), 6)}
        names = self.vectorizer.feature_names_
        weights.update(
            {n: round(float(w), 6) for n, w in zip(names, self.model.coef_[0], strict=True)}
        )
        return weights


def without_bias(found: dict) -> dict:
    return {name: value for name, value in found.items() if name != "bias"}


def platt(scores: list[float], correct: list[bool]) -> tuple[float, float]:
    """(a, b) of the logistic of ``a * score + b`` that best fits the labels (barely
    regularised); the identity map when the fitted slope is not positive."""
    from sklearn.linear_model import LogisticRegression

    if len(set(correct)) < 2:
        return (1.0, 0.0)
    fit = LogisticRegression(C=1e4, max_iter=5000).fit([[s] for s in scores], correct)
    slope = float(fit.coef_[0][0])
    return (slope, float(fit.intercept_[0])) if slope > 0 else (1.0, 0.0)


def out_of_fold_scores(found, correct, articles, k, seed, c) -> list[float]:
    """Each row's raw score from a model fitted on the other folds (by article)."""
    folds = folds_by_article(articles, k, seed)
    scores = [0.0] * len(found)
    for fold in range(k):
        inside = [i for i, f in enumerate(folds) if f != fold]
        held = [i for i, f in enumerate(folds) if f == fold]
        if not held:
            continue
        model = Model([found[i] for i in inside], [correct[i] for i in inside], c)
        for i, score in zip(held, model.scores([found[i] for i in held]), strict=True):
            scores[i] = score
    return scores


def fit(found, correct, articles, k, seed, *, calibrate: bool = True, grid=C_GRID) -> tuple:
    """(Acceptor, chosen C, its inner log-loss): C by inner K-fold log-loss of the
    calibrated out-of-fold probabilities, the Platt map fitted on those scores."""
    from detente.learn import logistic

    best = None
    for c in grid:
        scores = out_of_fold_scores(found, correct, articles, k, seed + 1, c)
        a, b = platt(scores, correct) if calibrate else (1.0, 0.0)
        loss = log_loss([logistic(a * s + b) for s in scores], correct)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, c, (a, b))
    loss, c, calibration = best
    model = Model(found, correct, c)
    return Acceptor(model.weights(), {}, calibration), c, loss


def cross_validate(found, correct, articles, k, seed, **options) -> tuple[list[float], list]:
    """Each row's probability from the whole procedure (C, weights and calibration)
    fitted on the other outer folds, and the C each fold chose."""
    folds = folds_by_article(articles, k, seed)
    values = [0.0] * len(found)
    chosen = []
    for fold in range(k):
        inside = [i for i, f in enumerate(folds) if f != fold]
        held = [i for i, f in enumerate(folds) if f == fold]
        acceptor, c, _ = fit(
            [found[i] for i in inside],
            [correct[i] for i in inside],
            [articles[i] for i in inside],
            k,
            seed,
            **options,
        )
        chosen.append(c)
        for i in held:
            values[i] = acceptor.probability(found[i])
    return values, chosen


def leave_one_split_out(found, correct, articles, k, seed) -> list[float]:
    """Each row's probability from the whole procedure fitted on the other splits: how
    the acceptor fares on text unlike what it was fitted on (a new split), which folds
    by article, drawn across splits, do not show."""
    values = [0.0] * len(found)
    splits = [split_of(article) for article in articles]
    for held_split in dict.fromkeys(splits):
        inside = [i for i, s in enumerate(splits) if s != held_split]
        acceptor, _, _ = fit(
            [found[i] for i in inside],
            [correct[i] for i in inside],
            [articles[i] for i in inside],
            k,
            seed,
        )
        for i, s in enumerate(splits):
            if s == held_split:
                values[i] = acceptor.probability(found[i])
    return values


def split_table(values, correct, articles, bins: int) -> list[tuple]:
    """Per split: (split, events, share right, mean confidence, Brier, groups within 0.1,
    groups expected within 0.1 if calibrated, smallest and largest group)."""
    rows = []
    splits = [split_of(article) for article in articles]
    for split in dict.fromkeys(splits):
        held = [i for i, s in enumerate(splits) if s == split]
        mine, right = [values[i] for i in held], [correct[i] for i in held]
        groups = deciles(mine, right, bins)
        rows.append(
            (
                split,
                len(held),
                sum(right) / len(held),
                sum(mine) / len(held),
                brier(mine, right),
                sum(abs(share - mean) <= 0.1 + 1e-9 for *_, mean, share in groups),
                expected_within(mine, bins),
                min(g[2] for g in groups),
                max(g[2] for g in groups),
            )
        )
    return rows


def print_split_table(rows: list[tuple], bins: int) -> None:
    print(
        f"| held-out split | events | share right | mean confidence | Brier | {bins}-groups "
        "within 0.1 | expected if calibrated | events per group |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for split, n, share, mean, score, within, expected, low, high in rows:
        print(
            f"| {split} | {n} | {share:.3f} | {mean:.3f} | {score:.4f} | {within} | "
            f"{expected:.1f} | {low}–{high} |"
        )
    scores, withins = [r[4] for r in rows], [r[5] for r in rows]
    print(
        f"| mean | | | | {sum(scores) / len(scores):.4f} | {sum(withins) / len(withins):.2f} | "
        f"{sum(r[6] for r in rows) / len(rows):.1f} | |"
    )
    print(f"| worst | | | | {max(scores):.4f} | {min(withins)} | | |\n")


def threshold_table(gold, events: list, values: list[float], splits: list[str]) -> None:
    print("| min confidence | predicted | correct | gold | P | R | F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    calibrated = [replace(e, confidence=v) for e, v in zip(events, values, strict=True)]
    for threshold in THRESHOLDS:
        kept = [e for e in calibrated if e.confidence >= threshold]
        scores = [score_realnews(gold, kept, split=split, resamples=0).strict for split in splits]
        predicted = sum(s.predicted for s in scores)
        right = sum(s.correct for s in scores)
        total = sum(s.gold for s in scores)
        p = right / predicted if predicted else 0.0
        r = right / total if total else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"| {threshold:.1f} | {predicted} | {right} | {total} | {p:.3f} | {r:.3f} | {f:.3f} |"
        )
    print()


def report(gold, title: str, events, values, correct, splits, bins: int) -> dict:
    """Print the reliability tables, Brier, log-loss and P/R by threshold; return the
    summary numbers."""
    print_table(f"{title}: {bins} equal-count groups", deciles(values, correct, bins))
    print_table(f"{title}: equal-width bins", reliability(values, correct, bins))
    numbers = {
        "brier": round(brier(values, correct), 4),
        "log_loss": round(log_loss(values, correct), 4),
    }
    print(f"{title}: Brier {numbers['brier']:.4f}, log-loss {numbers['log_loss']:.4f}\n")
    print(f"Strict PLOVER ({title}) by --min-confidence, {'+'.join(splits)}:\n")
    threshold_table(gold, events, values, splits)
    return numbers


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; a test split is never fitted on, and weights are never written
    after a run that measured one."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="pickle of the coded events (read/written)")
    parser.add_argument("--no-write", action="store_true", help="do not write the weights")
    parser.add_argument(
        "--cv", type=int, default=5, help="folds by article (0: no measure; the fit uses 5)"
    )
    parser.add_argument("--seed", type=int, default=9, help="seeds the folds")
    parser.add_argument("--bins", type=int, default=10)
    parser.add_argument(
        "--loso",
        action="store_true",
        help="measure leave-one-split-out: each fit split held out in turn, fitted on the rest",
    )
    parser.add_argument(
        "--features",
        nargs="*",
        choices=sorted(FEATURE_GROUPS),
        default=DEFAULT_GROUPS,
        help="feature groups added to the baseline ones",
    )
    parser.add_argument(
        "--fit",
        nargs="+",
        choices=DEVELOPMENT_SPLITS,
        default=list(DEVELOPMENT_SPLITS),
        help="splits to fit on (pooled; the out-of-fold measure runs over them)",
    )
    parser.add_argument(
        "--measure", nargs="+", choices=SPLITS, default=[], help="held-out splits to measure on"
    )
    args = parser.parse_args(argv)
    if set(args.fit) & set(args.measure):
        parser.error("--fit and --measure must not share a split")
    held_out = [split for split in args.measure if split not in DEVELOPMENT_SPLITS]
    if held_out and not args.no_write:
        parser.error(f"--measure names the test split {held_out[0]}: add --no-write")
    if args.loso and len(args.fit) < 2:
        parser.error("--loso needs at least two --fit splits")
    if args.cv == 1 or args.cv < 0:
        parser.error("--cv needs at least 2 folds (0 skips the measure)")
    return args


def labelled(gold, coded: dict, splits: list[str]) -> tuple[list, list, list, list]:
    """The events in annotated sentences of the splits: events, features, labels and
    article keys, split after split."""
    events, found, correct, articles = [], [], [], []
    for split in splits:
        rows = coded[split]
        judged = labels(gold, split, [row[0] for row in rows])
        for (event, features), label in zip(rows, judged, strict=True):
            if label is not None:
                events.append(event)
                found.append(features)
                correct.append(label)
                articles.append(f"{split}:{event.doc_id}")
    return events, found, correct, articles


def main() -> None:
    args = parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    gold = load_gold("A")
    wanted = (*args.fit, *args.measure)
    coded = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    if missing := [split for split in wanted if split not in coded]:
        coded.update({split: code_split(gold, split) for split in missing})
        if args.cache:
            args.cache.write_bytes(pickle.dumps(coded))
    coding = time.perf_counter() - started, time.process_time() - cpu
    events, everything, correct, articles = labelled(gold, coded, args.fit)
    found = [select(f, args.features) for f in everything]
    fitted = "+".join(args.fit)
    print(
        f"{fitted}: {len(events)} events in annotated sentences of {len(set(articles))} "
        f"articles, {sum(correct)} right\n"
    )
    measured = {}
    if args.cv:
        print(f"## Out-of-fold, {args.cv} folds by article (seed {args.seed})\n")
        values, chosen = cross_validate(found, correct, articles, args.cv, args.seed)
        print(f"C chosen per outer fold: {', '.join(f'{c:g}' for c in chosen)}\n")
        measured = report(gold, "acceptor", events, values, correct, args.fit, args.bins)
        base, _ = cross_validate(
            [select(f, []) for f in found], correct, articles, args.cv, args.seed,
            calibrate=False, grid=(1.0,),
        )  # fmt: skip
        report(
            gold,
            "baseline (earlier features, C=1, no calibration)",
            events,
            base,
            correct,
            args.fit,
            args.bins,
        )
        raw = [event.confidence for event in events]
        report(gold, "rule score", events, raw, correct, args.fit, args.bins)
    if args.loso:
        print(
            f"## Leave one split out (inner folds: {args.cv or 5} by article, seed {args.seed})\n"
        )
        values = leave_one_split_out(found, correct, articles, args.cv or 5, args.seed)
        print_split_table(split_table(values, correct, articles, args.bins), args.bins)
        pooled = deciles(values, correct, args.bins)
        print(
            f"pooled: Brier {brier(values, correct):.4f}, "
            f"{sum(abs(g[4] - g[3]) <= 0.1 + 1e-9 for g in pooled)} of {len(pooled)} groups "
            f"within 0.1 ({expected_within(values, args.bins):.1f} expected if calibrated)\n"
        )
    acceptor, c, loss = fit(found, correct, articles, args.cv or 5, args.seed)
    if args.measure:
        shipped = load_acceptor()
        held = labelled(gold, coded, args.measure)
        print(
            f"## Held out: {'+'.join(args.measure)}, {len(held[0])} events, {sum(held[2])} right\n"
        )
        report(
            gold,
            "acceptor",
            held[0],
            [acceptor.probability(f) for f in held[1]],
            held[2],
            args.measure,
            args.bins,
        )
        report(
            gold,
            "shipped acceptor",
            held[0],
            [shipped.probability(f) for f in held[1]],
            held[2],
            args.measure,
            args.bins,
        )
    wall, cpu_used = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"time: coding {coding[0]:.0f} s wall / {coding[1]:.0f} s CPU; "
        f"total {wall:.0f} s wall / {cpu_used:.0f} s CPU"
    )
    if not args.no_write:
        a, b = acceptor.calibration
        payload = {
            "format": "detente-acceptor/2",
            "model": f"logistic regression (scikit-learn, L2, C={c:g} by inner {args.cv or 5}-fold CV by article) + Platt calibration",
            "trained": dt.date.today().isoformat(),
            "split": f"realnews {fitted} (gold A)",
            "fit_splits": list(args.fit),
            "feature_groups": ["baseline", *args.features],
            "n": len(events),
            "n_correct": sum(correct),
            "label": "same sentence, PLOVER category (CAMEO root without one), actors, factuality",
            "cv": {"folds": args.cv, "seed": args.seed, **measured},
            "calibration": {"a": round(a, 6), "b": round(b, 6)},
            "weights": acceptor.weights,
        }
        ACCEPTOR_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {ACCEPTOR_FILE.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
