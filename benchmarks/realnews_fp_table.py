"""False positives of event coding across real-news splits, side by side (issue 9, precision).

Reads the events cached by ``benchmarks/realnews_errors.py SPLIT --tag TAG`` for each split and
prints, for strict PLOVER (country-level actors, asserted):

* causes x split: the cause ``realnews_fp_causes.fp_cause`` gives each false positive, grouped
  into the four kinds the precision work separates (no gold event at all; right trigger wrong
  category; right category wrong participants; factuality), then the detailed cause;
* category-only false positives x split: predictions whose sentence has no gold event of their
  PLOVER category at all (any actors, any factuality);
* rule kind x split: correct / predicted for the kind of rule that coded the event (a verb by
  its block's default code (or its own), a verb by a pattern, an event noun with or without a named doer,
  an intent, an obligation, a statement), to see which kinds of rule cost precision.

Run: .venv/bin/python benchmarks/realnews_fp_table.py --tag TAG [--splits train dev dev2]
(never on test).
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter

from realnews_errors import CACHE, asserted, sentence_units
from realnews_fp_causes import fp_cause, read_labels

from detente.eval.realnews import DEVELOPMENT_SPLITS, load_gold
from detente.events.acceptor import rule_family


def kind_of_cause(cause: str) -> str:
    if cause.startswith("no gold event"):
        return "no gold event at the trigger (sense, non-political, hypothetical, background)"
    if cause.startswith(("right trigger", "other trigger")):
        return "right trigger or category, wrong category or trigger"
    if cause.startswith(("right category", "duplicate")):
        return "right category, wrong participants"
    if cause.startswith("factuality"):
        return "factuality (gold not asserted)"
    return cause


def rule_kind(event) -> str:
    family = rule_family(event.rule)
    if family == "nominal":
        return "event noun, doer named" if event.source.text else "event noun, no doer named"
    if family in ("block", "verb"):
        return "verb, its own or its block's default code"
    return family


def rows_of(gold, split: str, tag: str, labels) -> list[tuple[str, str, str, bool]]:
    """(cause or 'TP', rule kind, category-only verdict, ...) per asserted PLOVER prediction."""
    events, _ = pickle.loads(CACHE.with_name(CACHE.name.format(tag=tag, split=split)).read_bytes())
    out = []
    for (article, _n), (golds, preds) in sentence_units(gold, split, events).items():
        categories = {g.plover for g in golds}
        for pred in preds:
            if not asserted(pred):
                continue
            cause = fp_cause(pred, golds, labels, article) or "TP"
            out.append((cause, rule_kind(pred), pred.plover in categories))
    return out


def table(title: str, counts: dict[str, Counter], splits: list[str]) -> None:
    names = sorted(
        {k for c in counts.values() for k in c}, key=lambda k: -sum(counts[s][k] for s in splits)
    )
    print(f"\n| {title} | " + " | ".join(splits) + " |")
    print("|---|" + "---:|" * len(splits))
    for name in names:
        print(f"| {name} | " + " | ".join(str(counts[s][name]) for s in splits) + " |")


def cached_runs_parser(description: str) -> argparse.ArgumentParser:
    """The command line of a script over cached runs: ``--tag``, ``--splits`` (never a test
    split)."""
    parser = argparse.ArgumentParser(description=description.split("\n")[0])
    parser.add_argument("--tag", required=True)
    parser.add_argument(
        "--splits", nargs="+", choices=DEVELOPMENT_SPLITS, default=list(DEVELOPMENT_SPLITS)
    )
    return parser


def cached_runs(description: str) -> tuple[argparse.Namespace, object, dict]:
    """The command line of a script over cached runs, the gold and the hand labels of false
    positives."""
    args = cached_runs_parser(description).parse_args()
    return args, load_gold(), read_labels()


def main() -> None:
    args, gold, labels = cached_runs(__doc__)
    kinds, causes, cat_only, rules = {}, {}, {}, {}
    for split in args.splits:
        rows = rows_of(gold, split, args.tag, labels)
        fps = [r for r in rows if r[0] != "TP"]
        kinds[split] = Counter(kind_of_cause(r[0]) for r in fps)
        kinds[split]["(correct)"] = len(rows) - len(fps)
        causes[split] = Counter(r[0] for r in fps)
        cat_only[split] = Counter(
            "category-only FP" if not r[2] else "category in the sentence's gold" for r in rows
        )
        rules[split] = Counter()
        for cause, kind, _ in rows:
            rules[split][f"{kind}: predicted"] += 1
            rules[split][f"{kind}: correct"] += cause == "TP"
    table("kind of false positive (strict PLOVER)", kinds, args.splits)
    table("cause (strict PLOVER)", causes, args.splits)
    table("category-only", cat_only, args.splits)
    table("rule kind", rules, args.splits)


if __name__ == "__main__":
    main()
