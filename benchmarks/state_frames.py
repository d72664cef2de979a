"""Where the state names read as actors stand: frame x gold role (issue 10, places12).

    PYTHONPATH=src .venv/bin/python benchmarks/state_frames.py [--splits dev,test,...] [--list]

Runs the actors stage (with the frame log of ``collect_frames``) on the articles of the chosen
place-gold splits and counts, for every state or seat name it decided inside a gold sentence
and read as an actor (no place), its frame (the dependency after ``list_anchor``, the
preposition) against the gold role on it (place, actor, other, none). ``--list`` prints each
name in its sentence. Only the worn splits of ``place_misses.py`` may be run; the parses are
cached there.
"""

from __future__ import annotations

import argparse
import collections

from place_misses import ALLOWED, CACHE, actors_pipeline, parsed, run_stages, worn_splits

ROLES = ("place", "actor", "other", "none")


def frame_of(found: dict[str, float]) -> str:
    """The frame key of a name's features: its dependency and preposition."""
    dep = next((k for k in found if k.startswith("dep=")), "dep=?")
    prep = [k for k in found if k.startswith("prep=") and "&" not in k]
    return dep + (f" {prep[0]}" if prep else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(ALLOWED))
    parser.add_argument("--list", action="store_true", help="print every name in its sentence")
    args = parser.parse_args()
    splits = worn_splits(args.splits)

    from detente.actors.component import FRAME_LOG
    from detente.eval.places import gold_articles, read_gold

    nlp = actors_pipeline()
    nlp.get_pipe("detente_actors").collect_frames = True
    counts: collections.Counter = collections.Counter()
    decided = 0
    for split in splits:
        gold = [s for s in read_gold() if s.split == split]
        articles = gold_articles(gold)
        keys, docs = parsed(nlp, split, articles, CACHE)
        by_article: dict = {}
        for sentence in gold:
            by_article.setdefault(sentence.article, []).append(sentence)
        for key, doc in zip(keys, docs, strict=True):
            run_stages(nlp, doc, articles[key])
            for start, end, found, _rules, land in doc.user_data.get(FRAME_LOG, ()):
                first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
                for sentence in by_article.get(key, ()):
                    if not (sentence.start <= first and last <= sentence.end):
                        continue
                    decided += 1
                    if land:
                        continue
                    over = [g for g in sentence.mentions if g.start < last and first < g.end]
                    role = over[0].role if over else "none"
                    counts[(frame_of(found), role)] += 1
                    if args.list:
                        text = doc.text[sentence.start : sentence.end].replace("\n", " ")
                        a, b = first - sentence.start, last - sentence.start
                        print(f"{split} {sentence.id} {role} {frame_of(found)} | "
                              f"{text[:a]}[{text[a:b]}]{text[b:]}"[:300])  # fmt: skip
    frames = sorted({f for f, _ in counts}, key=lambda f: -sum(counts[(f, r)] for r in ROLES))
    print(f"\n{decided} state names decided, {sum(counts.values())} read as actors\n")
    print("| frame | " + " | ".join(f"gold {r}" for r in ROLES) + " |")
    print("|---" * (len(ROLES) + 1) + "|")
    for frame in frames:
        print(f"| {frame} | " + " | ".join(str(counts[(frame, r)]) for r in ROLES) + " |")


if __name__ == "__main__":
    main()
