"""Strict PLOVER and real-news actor accuracy on development splits, one line each.

    .venv/bin/python benchmarks/realnews_participant_scores.py train dev ... [--cache DIR]

The two numbers a participant change moves: strict PLOVER (category + source and target
countries; correct / predicted / gold, P, R) as ``detente eval realnews`` scores it, and the
real-news actor accuracy of ``detente eval actors --gold realnews`` (all mentioned gold
actors), both on ``realnews_dev``'s cached parses. Never give it the fresh split.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import code_split, split_setup  # noqa: E402


def main() -> None:
    from detente.eval.actors import pronoun_words, score_realnews_actors
    from detente.eval.realnews import score_realnews
    from detente.knowledge import load_knowledge

    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    pronouns = pronoun_words(load_knowledge())
    print("| split | strict c/pred/gold | P | R | F1 | actors right/n | accuracy |")
    print("|---|---|---:|---:|---:|---|---:|")
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        strict = score_realnews(gold, events, split=split, resamples=0).strict
        mentions = {doc._.doc_id: list(doc._.mentions or ()) for doc in docs}
        actors = score_realnews_actors(
            gold, mentions, pronouns=pronouns, split=split, resamples=1
        ).counts["all"]
        print(
            f"| {split} | {strict.correct}/{strict.predicted}/{strict.gold} | "
            f"{strict.precision:.3f} | {strict.recall:.3f} | {strict.f1:.3f} | "
            f"{actors.correct}/{actors.gold} | {actors.correct / max(actors.gold, 1):.3f} |"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
