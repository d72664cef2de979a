"""Real-news precision by the kind of rule that coded each event (strict PLOVER scoring).

    .venv/bin/python benchmarks/realnews_families.py --split train

For every event in scope of strict PLOVER scoring (asserted, not negated, with a PLOVER
category) whose trigger lies in a gold sentence: its rule family (``events.acceptor``'s
``rule_family``) and whether the scorer matched it to a gold event. Prints predicted /
correct / precision per family, and with ``--show FAMILY`` the events of a family.
Never run on the test split.
"""

from __future__ import annotations

import argparse
from collections import Counter

from detente.eval.realnews import load_gold, score_realnews, to_prediction
from detente.events.acceptor import rule_family
from detente.nlp import load, make_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--show", help="List the events of this family (OK or FP).")
    parser.add_argument(
        "--untargeted", action="store_true", help="Only untargeted events, by CAMEO root."
    )
    parser.add_argument(
        "--detail", action="store_true", help="Split families by quad class and target kind."
    )
    args = parser.parse_args()
    gold = load_gold("A")
    nlp = load()
    events = []
    texts = {}
    for doc in nlp.pipe(make_doc(nlp, a) for a in gold.documents(args.split)):
        events.extend(doc._.events or [])
        texts[doc._.doc_id] = doc.text
    scores = score_realnews(gold, events, split=args.split)
    spurious = Counter(p for err in scores.errors for p in err.spurious)
    spans = {
        gold.doc_ids[key]: [(s.start, s.end) for s in gold.sentences[key]]
        for key in gold.article_keys(args.split)
    }
    predicted: Counter = Counter()
    wrong: Counter = Counter()
    shown = []
    for event in events:
        pred = to_prediction(event)
        if not (pred.asserted and pred.plover):
            continue
        if not any(a <= event.start < b for a, b in spans.get(event.doc_id, ())):
            continue  # outside the gold sentences: not scored
        family = rule_family(event.rule)
        if args.detail:
            target = (
                "no-target"
                if event.target is None
                else "own-country"
                if event.target.code == event.source.country
                else "target"
            )
            family = f"{family} q{event.quad_class} {target}"
        if args.untargeted:
            if event.target is not None:
                continue
            family = f"root {event.cameo_root}"
        right = not spurious[pred]
        if not right:
            spurious[pred] -= 1
            wrong[family] += 1
        if family == args.show:
            sentence = texts[event.doc_id][event.sentence_start : event.sentence_end]
            target = event.target.code if event.target else None
            shown.append(
                f"{'OK ' if right else 'FP '}{event.rule[:60]} | {event.cameo} "
                f"{event.source.code}->{target} '{event.trigger.text}' :: {sentence[:200]}"
            )
        predicted[family] += 1
    print(scores.strict)
    print("| family | predicted | wrong | P |\n|---|---:|---:|---:|")
    for family, n in predicted.most_common():
        print(f"| {family} | {n} | {wrong[family]} | {(n - wrong[family]) / n:.2f} |")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
