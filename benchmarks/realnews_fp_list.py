"""Every false positive of strict PLOVER on real-news splits, with its sentence, rule and gold.

    PYTHONPATH=src python benchmarks/realnews_fp_list.py train dev dev2 --cache .cache [--pickle P]

For each asserted prediction with a PLOVER category that strict scoring (country-level actors)
does not pair: the split, article, sentence, the predicted event (trigger, code, actors, rule),
every gold event of the sentence, and the cause ``realnews_dev.false_positive_cause`` gives it.
Never run on test. ``--pickle`` keeps the coded events so a later run can re-read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from realnews_dev import (  # noqa: E402
    claims_fact,
    code_split,
    false_positive_cause,
    gold_by_sentence,
    predictions_by_sentence,
    scorable,
)


def actor_text(a) -> str:
    if a is None:
        return "-"
    return f"{a.text}/{a.code}"


def fp_lines(gold, split: str, events) -> list[str]:
    golds = gold_by_sentence(gold, split)
    preds = predictions_by_sentence(gold, split, events)
    out = []
    for (key, n), ps in sorted(preds.items()):
        gs = [g for g in golds.get((key, n), ()) if scorable(g)]
        for p in ps:
            if not (p.plover and claims_fact(p)):
                continue
            cause = false_positive_cause(p, gs)
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=["train", "dev", "dev2"])
    parser.add_argument("--cache", type=Path, default=Path(".cache"))
    args = parser.parse_args()
    from detente.eval.realnews import load_gold
    from detente.nlp import load

    gold = load_gold("A")
    nlp = load()
    for split in args.splits:
        events, _docs = code_split(nlp, gold, split, args.cache)
        print("\n".join(fp_lines(gold, split, events)))


if __name__ == "__main__":
    main()
