"""Baseline for issue 3: textacy's ``direct_quotations`` through détente's PolNeAR scorer.

    .venv/bin/python benchmarks/quotes_baseline.py --split dev [--limit N] [--ours]

Prints a Markdown table (textacy, and détente with ``--ours``) for BENCHMARKS.md.
textacy finds direct quotes only, so its ``reported`` row is zero by construction.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

from detente.eval.quotes import (
    PredictedTuple,
    evaluate_predictor,
    evaluate_quotes,
)


def textacy_predictor(model: str | None = None):
    """``predict(text)`` running textacy's direct-quotation rules on the same spaCy model."""
    from textacy.extract.triples import direct_quotations

    from detente.nlp import load

    nlp = load(model, stages=[])  # the bare spaCy pipeline détente builds on
    bailed: list[str] = []

    def predict(text: str) -> list[PredictedTuple]:
        doc = nlp(text)
        found: list[PredictedTuple] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                triples = list(direct_quotations(doc))
            except ValueError:  # textacy bails out on unbalanced marks: no quotes for the text
                bailed.append(text[:40])
                triples = []
            for triple in triples:
                content = triple.content
                speaker = triple.speaker
                found.append(
                    (
                        content.start_char,
                        content.end_char,
                        "direct",
                        speaker[0].idx if speaker else None,
                        speaker[-1].idx + len(speaker[-1]) if speaker else None,
                        None,
                    )
                )
        return found

    predict.bailed = bailed  # type: ignore[attr-defined]
    return predict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=None, help="default: ../shared's PolNeAR")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--ours", action="store_true", help="also score détente's pipeline")
    args = parser.parse_args()
    predict = textacy_predictor(args.model)
    baseline = evaluate_predictor(
        predict, gold_dir=args.gold_dir, split=args.split, limit=args.limit, model=args.model
    )
    print(baseline.to_markdown(label="textacy 0.13 direct_quotations"))
    print(f"textacy bailed out (unbalanced marks) on {len(predict.bailed)} texts.")
    if args.ours:
        ours = evaluate_quotes(
            gold_dir=args.gold_dir, split=args.split, model=args.model, limit=args.limit
        )
        print()
        print(ours.to_markdown(label="détente"))


if __name__ == "__main__":
    main()
