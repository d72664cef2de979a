"""Recall misses and false positives of chosen PLOVER categories on real news (issue 9).

    .venv/bin/python benchmarks/realnews_cat_recall.py train REQUEST,COERCE,PROTEST,THREATEN [-v]
    .venv/bin/python benchmarks/realnews_cat_recall.py dev REQUEST,COERCE

Uses ``realnews_dev.code_split`` (spaCy parses cached in ``tmp/`` of the worktree, ignored by git). Prints,
for the split's two halves by article (doc ids sorted, even/odd) and the whole, per category:
gold asserted events, predicted asserted events, correct category-only (a same-category
asserted prediction in the sentence, actors ignored) and correct strict (source and target
countries too); that summary alone without ``-v``; with it, also every missed gold event
with its trigger and sentence, and every false positive of the categories. Never give it
``test``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_dev import (  # noqa: E402
    claims_fact,
    code_split,
    gold_by_sentence,
    pair_fits,
    predictions_by_sentence,
    scorable,
)

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["train", "dev", "dev2"])
    parser.add_argument("cats")
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    from detente.eval.realnews import load_gold
    from detente.nlp import load

    cats = set(args.cats.split(","))
    gold = load_gold("A")
    nlp = load()
    cache = ROOT / "tmp"  # ignored by git (.gitignore: /tmp/)
    cache.mkdir(exist_ok=True)
    events, _docs = code_split(nlp, gold, args.split, cache)
    golds = gold_by_sentence(gold, args.split)
    preds = predictions_by_sentence(gold, args.split, events)
    keys = sorted(gold.article_keys(args.split), key=lambda k: gold.doc_ids[k])
    half = {k: i % 2 for i, k in enumerate(keys)}
    table = defaultdict(Counter)  # (part, cat) -> counts
    misses, fps = [], []
    for where in sorted(set(golds) | set(preds)):
        gs = [g for g in golds.get(where, ()) if g.plover in cats and g.factuality == "asserted"]
        ps = [p for p in preds.get(where, ()) if p.plover in cats and claims_fact(p)]
        allg = [g for g in golds.get(where, ()) if g.plover]
        text = gold.texts[where[0]]["text"]
        sent = next(s for s in gold.sentences[where[0]] if s.n == where[1])
        sentence = text[sent.start : sent.end].replace("\n", " ")
        for part in (f"half{half[where[0]]}", "all"):
            for g in gs:
                c = table[(part, g.plover)]
                c["gold"] += 1
                same = [p for p in ps if p.plover == g.plover]
                c["cat"] += bool(same)
                c["strict"] += scorable(g) and any(pair_fits(g, p, by_mention=False) for p in same)
            for p in ps:
                table[(part, p.plover)]["pred"] += 1
                ok = any(
                    g.plover == p.plover and scorable(g) and pair_fits(g, p, by_mention=False)
                    for g in gs
                )
                table[(part, p.plover)]["pred_ok"] += ok
        for g in gs:
            same = [p for p in ps if p.plover == g.plover]
            strict = any(pair_fits(g, p, by_mention=False) for p in same)
            if not strict:
                t = f"{g.target.text}/{g.target.code}" if g.target else "-"
                t += " (target outside)" if g.target and g.target.outside else ""
                s_out = " (source outside)" if g.source.outside else ""
                other = [
                    f"{p.plover or p.cameo}:{p.modality}{'/neg' if p.negated else ''}[{p.trigger.text}]"
                    for p in preds.get(where, ())
                ]
                misses.append(
                    f"{'CAT ' if same else 'MISS'} {g.plover} {g.cameo} [{g.trigger}] "
                    f"{g.source.text}/{g.source.code}{s_out} -> {t} :: {sentence[:260]}\n"
                    f"      preds: {' '.join(other)}"
                )
        for p in ps:
            ok = any(g.plover == p.plover and pair_fits(g, p, by_mention=False) for g in gs)
            if not ok:
                t = f"{p.target.text}/{p.target.code}" if p.target else "-"
                gl = " ".join(f"{g.plover}:{g.factuality}[{g.trigger}]" for g in allg)
                fps.append(
                    f"FP {p.plover} {p.cameo} [{p.trigger.text}] {p.source.text}/{p.source.code} -> {t}"
                    f" ({p.rule[:50]}) :: {sentence[:200]}\n      gold: {gl}"
                )
    print("| part | category | gold | cat-only R | strict R | pred | strict P |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for part in ("half0", "half1", "all"):
        tot = Counter()
        for cat in sorted(cats):
            c = table[(part, cat)]
            tot.update(c)
            print(
                f"| {part} | {cat} | {c['gold']} | {c['cat']} | {c['strict']} | {c['pred']} "
                f"| {c['pred_ok']} |"
            )
        print(
            f"| {part} | total | {tot['gold']} | {tot['cat']} | {tot['strict']} | {tot['pred']} "
            f"| {tot['pred_ok']} |"
        )
    if args.v:
        print("\n".join(misses))
        print("\n".join(fps))


if __name__ == "__main__":
    main()
