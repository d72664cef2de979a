"""Every false positive of strict PLOVER on real-news splits, with its sentence, rule and gold.

    PYTHONPATH=src python benchmarks/realnews_fp_list.py train dev dev2 --cache .cache [--table]

For each asserted prediction with a PLOVER category that strict scoring (country-level actors)
does not pair: the split, article, sentence, the predicted event (trigger, code, actors, rule),
every gold event of the sentence, and the cause ``realnews_dev.false_positive_cause`` gives it.
Never run on test. ``--table``: instead, a table of causes x split, where "no gold event at the
trigger" is split by the hand labels of ``realnews_fp_labels.tsv`` (article, trigger start).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from realnews_dev import (  # noqa: E402
    asserted_predictions,
    code_split,
    gold_by_sentence,
    split_setup,
)
from realnews_fp_causes import read_labels  # noqa: E402


def actor_text(a) -> str:
    if a is None:
        return "-"
    return f"{a.text}/{a.code}"


KINDS = {
    "same trigger, wrong category": "right trigger, wrong category",
    "same trigger+category, wrong mentions": "right category, wrong source/target (mentions)",
    "right mentions, actor coded wrong": "right category and mentions, actor coded wrong",
    "gold not asserted": "factuality disagreement (gold not asserted)",
    "other trigger, same category": "gold event at another trigger (duplicate / other report)",
}


def cause_table(gold, events_by_split: dict) -> str:
    labels = read_labels()
    table: dict[str, Counter] = defaultdict(Counter)
    for split, events in events_by_split.items():
        for (key, _), p, cause in asserted_predictions(gold, split, events):
            if cause == "TP":
                continue
            if cause.startswith("no gold"):
                cause = "no gold event: " + labels.get((key, p.start), "unlabelled")
            table[KINDS.get(cause, cause)][split] += 1
    splits = list(events_by_split)
    lines = ["| cause | " + " | ".join(splits) + " |", "|---|" + "---:|" * len(splits)]
    for cause in sorted(table, key=lambda c: -sum(table[c].values())):
        lines.append(f"| {cause} | " + " | ".join(str(table[cause][s]) for s in splits) + " |")
    totals = " | ".join(str(sum(t[s] for t in table.values())) for s in splits)
    lines.append(f"| total | {totals} |")
    return "\n".join(lines)


def fp_lines(gold, split: str, events) -> list[str]:
    golds = gold_by_sentence(gold, split)
    out = []
    for (key, n), p, cause in asserted_predictions(gold, split, events, in_order=True):
        if cause == "TP":
            continue
        sent = next(s for s in gold.sentences[key] if s.n == n)
        text = gold.texts[key]["text"][sent.start : sent.end]
        out.append(f"\n## {split} {key} {n} @{p.start} [{cause}]\n  S: {text[:500]}")
        out.append(
            f"  P: {p.cameo} {p.plover} [{p.trigger.text}] {actor_text(p.source)} -> "
            f"{actor_text(p.target)} | {p.rule}"
        )
        for g in golds.get((key, n), ()):
            out.append(
                f"  G: {g.cameo} {g.plover} {g.factuality} [{g.trigger}] "
                f"{actor_text(g.source)} -> {actor_text(g.target)}"
            )
    return out


def main() -> None:
    def configure(parser):
        parser.add_argument("--table", action="store_true", help="causes x split only")
        parser.set_defaults(cache=Path(".cache"))

    args, gold, nlp = split_setup(__doc__.splitlines()[0], configure)
    coded = {split: code_split(nlp, gold, split, args.cache)[0] for split in args.splits}
    if args.table:
        print(cause_table(gold, coded))
        return
    for split, events in coded.items():
        print("\n".join(fp_lines(gold, split, events)))


if __name__ == "__main__":
    main()
