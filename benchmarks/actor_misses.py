"""The real-news actor misses of the development splits, one row each (issue 10).

    .venv/bin/python benchmarks/actor_misses.py [--splits train,dev,dev2,...] [--out FILE]

Scores the actors stage on the real-news gold as ``detente eval actors --gold realnews``
does (same scorer, same numbers) for several splits with one model load, prints the accuracy
per split and writes every missed gold actor (its class, the gold code, what détente emitted
over it and the sentence) to ``--out``, to be grouped by cause by hand. The parse (every pipe
before détente's own stages) is cached in ``tmp/actor-misses/`` (git-ignored), as
``place_misses`` does. The fresh split (``FRESH_SPLIT``) is refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from place_misses import actors_pipeline, parsed, run_stages

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "tmp" / "actor-misses"


def main() -> None:
    from detente.eval.actors import pronoun_words, score_realnews_actors
    from detente.eval.realnews import DEVELOPMENT_SPLITS, load_gold
    from detente.knowledge import load_knowledge

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,dev,dev2,test,test2,test3,test4")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    splits = args.splits.split(",")
    if bad := [s for s in splits if s not in DEVELOPMENT_SPLITS]:
        sys.exit(f"refused: {', '.join(bad)} (only {', '.join(DEVELOPMENT_SPLITS)})")

    gold = load_gold("A")
    pronouns = pronoun_words(load_knowledge())
    nlp = actors_pipeline()
    rows = []
    for split in splits:
        articles = {(f"{i:04d}", a.ref): a for i, a in enumerate(gold.documents(split))}
        keys, docs = parsed(nlp, split, articles, CACHE)
        mentions = {}
        for key, doc in zip(keys, docs, strict=True):
            run_stages(nlp, doc, articles[key])
            mentions[doc._.doc_id] = list(doc._.mentions or ())
        scores = score_realnews_actors(gold, mentions, pronouns=pronouns, split=split)
        counts = scores.counts["all"]
        print(f"{split}\t{counts.correct}/{counts.gold}\t{scores.accuracy():.3f}", flush=True)
        for miss in scores.misses:
            actor = miss.actor
            found = "; ".join(miss.found) or "nothing"
            rows.append(
                f"{split}\t{actor.article}\t{actor.n}\t{actor.kind}\t{actor.text}\t{actor.code}"
                f"\t{found}\t{miss.sentence}"
            )
    if args.out:
        args.out.write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
