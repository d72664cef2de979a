"""Train the event acceptor (``src/detente/data/events/acceptor.json``) and measure it.

Codes the real-news gold articles of the train and dev splits with the full pipeline (the
acceptor switched off, so each event keeps its rule's own score), labels every predicted
event right or wrong against gold A (same sentence, same PLOVER category — the CAMEO root
for codes without one — same source and target keys, same factuality; one gold event
matches at most one prediction), turns each event into the acceptor's features
(``detente.events.acceptor.features``: no word identities) and fits a logistic regression
on the ``--fit`` splits (default ``train``). Writes the weights with their feature names,
date, splits and counts; then prints, on the ``--measure`` splits pooled (default ``dev``),
the reliability table and strict-PLOVER P/R/F1 at a few confidence thresholds.

Run: ``make train`` or ``.venv/bin/python scripts/train_acceptor.py [--fit train]
[--measure dev dev2] [--cache FILE] [--no-write]``. ``--cache`` keeps the coded events in a
pickle to iterate fast (one pickle per set of splits). A test split is never fitted on,
and is coded only when it is named in ``--measure``: do that once, at the end, with
``--no-write`` (required then: no weights are written after a look at a test split).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
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
from detente.events.acceptor import ACCEPTOR_FILE, Acceptor, features, load_acceptor  # noqa: E402

THRESHOLDS = (0.0, 0.3, 0.5, 0.7)


def code_split(gold, split: str) -> list[tuple]:
    """(event, sentence index, source resolved_by, target resolved_by) per coded event."""
    from detente import nlp as dnlp
    from detente.nlp import make_doc

    nlp = dnlp.load()
    nlp.get_pipe("detente_events").coder.emitter.acceptor = None  # the rules' own scores
    rows = []
    for doc in nlp.pipe(make_doc(nlp, article) for article in gold.documents(split)):
        starts = [sent.start_char for sent in doc.sents]
        resolved = {(m.start, m.end): m.resolved_by for m in doc._.mentions or ()}
        for event in doc._.events or ():
            index = sum(1 for start in starts if start < event.sentence_start)
            target = event.target
            rows.append(
                (
                    event,
                    index,
                    resolved.get((event.source.start, event.source.end)),
                    resolved.get((target.start, target.end)) if target else None,
                )
            )
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


def pooled(data: dict, splits: list[str]) -> tuple[list, list, list]:
    """The events, features and labels of several splits, one after the other."""
    events, found, correct = [], [], []
    for split in splits:
        events += data[split][0]
        found += data[split][1]
        correct += data[split][2]
    return events, found, correct


def print_table(title: str, rows: list[tuple]) -> None:
    print(f"### {title}\n\n{reliability_markdown(rows)}\n")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; a test split is never fitted on, and weights are never written
    after a run that measured one."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="pickle of the coded events (read/written)")
    parser.add_argument("--no-write", action="store_true", help="do not write the weights")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--bins", type=int, default=10)
    parser.add_argument(
        "--fit", nargs="+", choices=DEVELOPMENT_SPLITS, default=["train"], help="splits to fit on"
    )
    parser.add_argument(
        "--measure", nargs="+", choices=SPLITS, default=["dev"], help="splits to measure on, pooled"
    )
    args = parser.parse_args(argv)
    if set(args.fit) & set(args.measure):
        parser.error("--fit and --measure must not share a split")
    held_out = [split for split in args.measure if split not in DEVELOPMENT_SPLITS]
    if held_out and not args.no_write:
        parser.error(f"--measure names the test split {held_out[0]}: add --no-write")
    return args


def main() -> None:
    args = parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    gold = load_gold("A")
    if args.cache and args.cache.exists():
        coded = pickle.loads(args.cache.read_bytes())
    else:
        coded = {split: code_split(gold, split) for split in (*args.fit, *args.measure)}
        if args.cache:
            args.cache.write_bytes(pickle.dumps(coded))
    missing = [split for split in (*args.fit, *args.measure) if split not in coded]
    if missing:
        sys.exit(f"{args.cache} has no coded events for {', '.join(missing)}: remove it")
    data = {}
    for split in (*args.fit, *args.measure):
        rows = coded[split]
        events = [row[0] for row in rows]
        found = [
            features(event, sentence_index=i, source_by=s, target_by=t) for event, i, s, t in rows
        ]
        judged = labels(gold, split, events)
        keep = [i for i, label in enumerate(judged) if label is not None]
        data[split] = (
            [events[i] for i in keep],
            [found[i] for i in keep],
            [judged[i] for i in keep],
        )

    events, found, correct = pooled(data, args.fit)
    vectorizer = DictVectorizer(sparse=False)
    matrix = vectorizer.fit_transform([{k: v for k, v in f.items() if k != "bias"} for f in found])
    model = LogisticRegression(C=args.c, max_iter=2000).fit(matrix, correct)
    weights = {"bias": float(model.intercept_[0])}
    weights.update(
        {
            name: round(float(w), 6)
            for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
        }
    )
    acceptor = Acceptor(weights, {})
    fitted, measured = "+".join(args.fit), "+".join(args.measure)
    print(f"{fitted}: {len(events)} events in gold sentences, {sum(correct)} right\n")

    dev_events, dev_found, dev_correct = pooled(data, args.measure)
    confidences = [acceptor.probability(f) for f in dev_found]
    raw = [event.confidence for event in dev_events]
    shipped = load_acceptor()  # the weights in the package before this run writes new ones
    before = [shipped.probability(f) for f in dev_found]
    print(f"{measured}: {len(dev_events)} events in gold sentences, {sum(dev_correct)} right\n")
    for title, values in (
        ("acceptor", confidences),
        ("shipped acceptor (before retraining)", before),
        ("rule score (before)", raw),
    ):
        print_table(
            f"{measured}, {title}: {args.bins} equal-count groups",
            deciles(values, dev_correct, args.bins),
        )
        print_table(
            f"{measured}, {title}: equal-width bins", reliability(values, dev_correct, args.bins)
        )
        brier = sum((v - c) ** 2 for v, c in zip(values, dev_correct, strict=True)) / len(values)
        print(f"Brier score ({title}): {brier:.4f}\n")
    print(f"### Strict PLOVER on {measured} by --min-confidence\n")
    print("| min confidence | predicted | correct | gold | P | R | F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    calibrated = [replace(e, confidence=c) for e, c in zip(dev_events, confidences, strict=True)]
    for threshold in THRESHOLDS:
        kept = [e for e in calibrated if e.confidence >= threshold]
        scores = [
            score_realnews(gold, kept, split=split, resamples=0).strict for split in args.measure
        ]
        predicted = sum(s.predicted for s in scores)
        right = sum(s.correct for s in scores)
        total = sum(s.gold for s in scores)
        p = right / predicted if predicted else 0.0
        r = right / total if total else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"| {threshold:.1f} | {predicted} | {right} | {total} | {p:.3f} | {r:.3f} | {f:.3f} |"
        )
    if not args.no_write:
        payload = {
            "format": "detente-acceptor/1",
            "model": f"logistic regression (scikit-learn, L2, C={args.c:g})",
            "trained": dt.date.today().isoformat(),
            "split": f"realnews {fitted} (gold A)",
            "n": len(events),
            "n_correct": sum(correct),
            "label": "same sentence, PLOVER category (CAMEO root without one), actors, factuality",
            "weights": weights,
        }
        ACCEPTOR_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {ACCEPTOR_FILE.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
