"""False positives of event coding on the real-news gold, by cause (issue 9).

Reads the events cached by ``benchmarks/realnews_errors.py SPLIT --tag TAG`` and sorts every
predicted asserted event with a PLOVER category that strict PLOVER scoring does not pair
(country-level actors) into one cause:

* ``right trigger, wrong category`` - a gold event at the trigger has another category (or is a
  root-01 statement, which PLOVER leaves out);
* ``right category, wrong source|target|both|swapped`` - a gold event at the trigger has the
  category; which side differs;
* ``factuality disagrees (gold X)`` - category and actors agree, the gold event is not asserted;
* ``duplicate: coded by another trigger`` - the sentence's gold has the event at another word;
* ``other trigger, same category, other actors``;
* ``no gold event at the trigger`` - split further by the hand labels in
  ``benchmarks/realnews_fp_labels.tsv`` (article, trigger start, label) when present: not an
  event, opinion/modal, background/past reference, wrong sense, not a political actor, ...

Run: .venv/bin/python benchmarks/realnews_fp_causes.py train --tag base [--show CAUSE] [--dump]
(never on test). ``--dump`` prints every FP with its sentence and gold, for labelling.
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path

from realnews_errors import CACHE, actors_match, asserted, by_country, sentence_units

from detente.eval.realnews import load_gold

LABELS = Path(__file__).with_name("realnews_fp_labels.tsv")


def read_labels() -> dict[tuple[str, int], str]:
    labels = {}
    if LABELS.exists():
        for line in LABELS.read_text().splitlines()[1:]:
            if line.strip():
                article, start, label = line.split("\t")[:3]
                labels[(article, int(start))] = label
    return labels


def side_cause(gold_event, pred) -> str:
    src = by_country(gold_event.source, pred.source)
    tgt = by_country(gold_event.target, pred.target)
    swapped = (
        gold_event.target is not None
        and by_country(gold_event.source, pred.target)
        and by_country(gold_event.target, pred.source)
    )
    if swapped:
        return "right category, source/target swapped"
    if src and not tgt:
        return "right category, wrong target" + (
            " (gold none)" if gold_event.target is None else ""
        )
    if tgt and not src:
        return "right category, wrong source"
    return "right category, wrong source and target"


def fp_cause(pred, golds, labels, article) -> str | None:
    """None when the prediction is a true positive."""
    same_cat = [g for g in golds if g.plover == pred.plover and g.source.key]
    if any(g.factuality == "asserted" and actors_match(g, pred, by_country) for g in same_cat):
        return None
    at_trigger = [g for g in golds if pred.start < g.end and g.start < pred.end]
    match_any = [g for g in same_cat if actors_match(g, pred, by_country)]
    if match_any and any(g in at_trigger for g in match_any):
        return f"factuality disagrees (gold {match_any[0].factuality})"
    cat_at = [g for g in at_trigger if g.plover == pred.plover]
    if cat_at:
        return side_cause(cat_at[0], pred)
    if at_trigger:
        if all(g.plover is None for g in at_trigger):
            return "right trigger, gold is a statement (01)"
        return "right trigger, wrong category"
    if match_any:
        if match_any[0].factuality == "asserted":
            return "duplicate: coded by another trigger"
        return f"factuality disagrees (gold {match_any[0].factuality}, other trigger)"
    if same_cat:
        return "other trigger, same category, other actors"
    label = labels.get((article, pred.start))
    return "no gold event: " + (label or "unlabelled")


def describe(gold_event) -> str:
    tgt = gold_event.target
    return (
        f"{gold_event.cameo} {gold_event.plover} {gold_event.factuality} "
        f"{gold_event.source.text!r}/{gold_event.source.code} -> "
        f"{(tgt.text, tgt.code) if tgt else None} | {gold_event.trigger!r}@{gold_event.start}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", choices=("train", "dev", "dev2"))
    parser.add_argument("--tag", default="run")
    parser.add_argument("--show", help="print the FPs whose cause starts with this")
    parser.add_argument("--dump", action="store_true")
    args = parser.parse_args()
    gold = load_gold("A")
    cache = Path(str(CACHE).format(tag=args.tag, split=args.split))
    events, _mentions = pickle.loads(cache.read_bytes())
    units = sentence_units(gold, args.split, events)
    labels = read_labels()
    causes: Counter = Counter()
    for (article, n), (golds, preds) in units.items():
        for pred in preds:
            if not asserted(pred):
                continue
            cause = fp_cause(pred, golds, labels, article)
            causes[cause or "TP"] += 1
            if cause is None:
                continue
            if args.dump or (args.show and cause.startswith(args.show)):
                sentence = gold.sentences[article][n]
                text = gold.texts[article]["text"][sentence.start : sentence.end]
                tgt = pred.target
                print(f"\n{article}\t{pred.start}\t{cause}")
                print(f"  S: {' '.join(text.split())[:300]}")
                print(
                    f"  P: {pred.cameo} {pred.plover} '{pred.trigger.text}' "
                    f"{pred.source.text!r}/{pred.source.code} -> "
                    f"{(tgt.text, tgt.code) if tgt else None} conf {pred.confidence:.2f} | {pred.rule}"
                )
                for g in golds:
                    print(f"  G: {describe(g)}")
    total = sum(v for k, v in causes.items() if k != "TP")
    print(f"\n| cause ({args.split}, {total} false positives, {causes['TP']} TP) | n |\n|---|---:|")
    for cause, count in causes.most_common():
        if cause != "TP":
            print(f"| {cause} | {count} |")


if __name__ == "__main__":
    main()
