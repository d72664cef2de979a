"""Error analysis of event coding on the real-news gold (issue 9): scores and a table of causes.

Codes the articles of a split (train or dev; never test) with the full pipeline, then prints:

* the strict/lenient scores of ``detente.eval.realnews`` (country-level actors);
* the same strict PLOVER score with **actors as given**: a predicted actor counts as the gold
  one when its mention overlaps the gold mention or its country agrees, so the number says
  whether the event was found with the right category and the right mentions, whatever the
  actor stage coded them as;
* the causes of each miss and each false positive (strict PLOVER, country-level).

Run: .venv/bin/python benchmarks/realnews_errors.py train [--verbose N] [--cached]
``--cached`` re-scores the events of the last run of that split (``/tmp``) without coding.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from detente.eval.realnews import DEVELOPMENT_SPLITS, load_gold, score_realnews

# DETENTE_RN_CACHE: another place for the cache (e.g. inside a worktree), same placeholders
CACHE = Path(os.environ.get("DETENTE_RN_CACHE", "/tmp/detente_realnews_{tag}_{split}.pkl"))


def code_split(gold, split: str) -> tuple[list, dict]:
    from detente import nlp as detente_nlp
    from detente.nlp import make_doc

    nlp = detente_nlp.load()
    start = time.perf_counter()
    events, mentions = [], {}
    for doc in nlp.pipe((make_doc(nlp, a) for a in gold.documents(split)), batch_size=16):
        events.extend(doc._.events or [])
        mentions[doc._.doc_id] = [
            (m.start, m.end, m.country or (m.code or "")[:3]) for m in doc._.mentions
        ]
    print(f"coded in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return events, mentions


def country(actor) -> str | None:
    if actor is None:
        return None
    return actor.country or (actor.code or "")[:3] or None


def asserted(event) -> bool:
    return event.plover is not None and not event.negated and event.modality == "asserted"


def actor_given(gold_actor, pred_actor) -> bool:
    """The predicted actor is the gold one: same mention (overlap), or same country."""
    if gold_actor is None or pred_actor is None:
        return gold_actor is None and pred_actor is None
    if gold_actor.start is not None and not gold_actor.outside:
        if pred_actor.start < gold_actor.end and gold_actor.start < pred_actor.end:
            return True
    return gold_actor.key is not None and gold_actor.key == country(pred_actor)


def actors_match(gold, pred, same) -> bool:
    if same(gold.source, pred.source) and same(gold.target, pred.target):
        return True
    symmetric = gold.symmetric or getattr(pred, "symmetric", False)
    return (
        symmetric
        and gold.target is not None
        and same(gold.target, pred.source)
        and same(gold.source, pred.target)
    )


def by_country(gold_actor, pred_actor) -> bool:
    if gold_actor is None or pred_actor is None:
        return gold_actor is None and pred_actor is None
    return gold_actor.key == country(pred_actor)


def sentence_units(gold, split: str, events: list):
    """(article, n) -> (gold events, predicted events) of every lead sentence of the split."""
    by_doc = defaultdict(list)
    for event in events:
        by_doc[event.doc_id].append(event)
    gold_by = defaultdict(list)
    for event in gold.gold.events:
        gold_by[(event.article, event.n)].append(event)
    units = {}
    for key in gold.article_keys(split):
        preds = by_doc[gold.doc_ids[key]]
        for s in gold.sentences[key]:
            units[(key, s.n)] = (
                gold_by.get((key, s.n), []),
                [p for p in preds if s.start <= p.start < s.end],
            )
    return units


def matched_count(golds, preds, same) -> int:
    """Greedy one-to-one pairs on category + actors (enough for a diagnostic)."""
    used: set[int] = set()
    hits = 0
    for g in golds:
        for j, p in enumerate(preds):
            if j not in used and p.plover == g.plover and actors_match(g, p, same):
                used.add(j)
                hits += 1
                break
    return hits


def given_actor_score(units) -> str:
    correct = predicted = total = 0
    for golds, preds in units.values():
        golds = [g for g in golds if g.plover and g.factuality == "asserted" and g.source.key]
        preds = [p for p in preds if asserted(p)]
        correct += matched_count(golds, preds, actor_given)
        predicted += len(preds)
        total += len(golds)
    p = correct / predicted if predicted else 0.0
    r = correct / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"actors as given, strict PLOVER: P {p:.3f} R {r:.3f} F1 {f:.3f} ({correct}/{predicted} predicted, {total} gold)"


def mention_ok(actor, mentions) -> bool:
    if actor is None:
        return True
    if actor.start is None or actor.key is None:
        return False
    return any(s < actor.end and actor.start < e and c == actor.key for s, e, c in mentions)


def recall_causes(gold, units, mentions) -> Counter:
    causes = Counter()
    for (key, _n), (golds, preds) in units.items():
        found = mentions.get(gold.doc_ids[key], [])
        for g in golds:
            if g.factuality != "asserted" or not g.plover or not g.source.key:
                continue
            same_cat = [p for p in preds if p.plover == g.plover]
            at_trigger = [p for p in preds if p.start < g.end and g.start < p.end]
            if any(asserted(p) and actors_match(g, p, by_country) for p in same_cat):
                causes["HIT"] += 1
            elif any(actors_match(g, p, by_country) for p in same_cat):
                causes["factuality/negation"] += 1
            elif any(asserted(p) and actors_match(g, p, actor_given) for p in same_cat):
                causes["right mentions, actor coded wrong"] += 1
            elif not (mention_ok(g.source, found) and mention_ok(g.target, found)):
                causes["actor not coded right"] += 1
            elif same_cat:
                causes["right category, wrong actors"] += 1
            elif at_trigger:
                causes["trigger found, wrong category"] += 1
            else:
                causes["no prediction at the gold trigger"] += 1
    return causes


def precision_causes(units) -> Counter:
    causes = Counter()
    for golds, preds in units.values():
        for p in preds:
            if not asserted(p):
                continue
            same_cat = [g for g in golds if g.plover == p.plover and g.source.key]
            at_trigger = [g for g in golds if p.start < g.end and g.start < p.end]
            if any(g.factuality == "asserted" and actors_match(g, p, by_country) for g in same_cat):
                causes["TP"] += 1
            elif any(actors_match(g, p, by_country) for g in same_cat):
                causes["gold not asserted"] += 1
            elif any(g.plover == p.plover for g in at_trigger):
                causes["same trigger+category, wrong actors"] += 1
            elif at_trigger:
                causes["same trigger, wrong category"] += 1
            elif same_cat:
                causes["other trigger, same category"] += 1
            else:
                causes["no gold event at the trigger"] += 1
    return causes


def show_errors(gold, units, limit: int) -> None:
    shown = 0
    for (key, n), (golds, preds) in units.items():
        golds = [g for g in golds if g.plover and g.factuality == "asserted"]
        preds_a = [p for p in preds if asserted(p)]
        misses = [
            g
            for g in golds
            if not any(p.plover == g.plover and actors_match(g, p, by_country) for p in preds_a)
        ]
        fps = [
            p
            for p in preds_a
            if not any(p.plover == g.plover and actors_match(g, p, by_country) for g in golds)
        ]
        if not (misses or fps):
            continue
        sentence = gold.sentences[key][n]
        text = gold.texts[key]["text"][sentence.start : sentence.end]
        print(f"\n### {key} [{n}] {' '.join(text.split())[:400]}")
        for g in misses:
            target = g.target.code if g.target else None
            print(f"  MISS {g.plover} {g.cameo} {g.source.code} -> {target} | {g.trigger!r}")
        for p in fps:
            print(
                f"  FP   {p.plover} {p.cameo} {p.source.code} -> {p.target.code if p.target else None} | {p.trigger.text!r} {p.rule}"
            )
        others = [p for p in preds if not asserted(p)]
        for p in others:
            print(
                f"  (non-asserted) {p.plover} {p.cameo} {p.source.code} -> {p.target.code if p.target else None} {p.modality}{' neg' if p.negated else ''} | {p.trigger.text!r}"
            )
        shown += 1
        if shown >= limit:
            break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", choices=DEVELOPMENT_SPLITS)
    parser.add_argument("--verbose", type=int, default=0, help="print N sentences with errors")
    parser.add_argument("--cached", action="store_true")
    parser.add_argument("--tag", default="run", help="names the cache file of this run")
    args = parser.parse_args()
    gold = load_gold("A")
    cache = Path(str(CACHE).format(tag=args.tag, split=args.split))
    if args.cached and cache.exists():
        events, mentions = pickle.loads(cache.read_bytes())
    else:
        events, mentions = code_split(gold, args.split)
        cache.write_bytes(pickle.dumps((events, mentions)))
    scores = score_realnews(gold, events, split=args.split, resamples=200)
    print(scores.to_markdown())
    units = sentence_units(gold, args.split, events)
    print()
    print(given_actor_score(units))
    print("\nRECALL CAUSES")
    for cause, count in recall_causes(gold, units, mentions).most_common():
        print(f"  {cause}: {count}")
    print("PRECISION CAUSES")
    for cause, count in precision_causes(units).most_common():
        print(f"  {cause}: {count}")
    if args.verbose:
        show_errors(gold, units, args.verbose)


if __name__ == "__main__":
    main()
