"""How often each actor-resolution rule gives the gold country, over the gold participants.

For every participant of a gold event (any factuality) with a code, the mentions overlapping
it are grouped by ``resolved_by`` and counted right (gold country) or wrong.
Usage: python scripts/realnews/rule_accuracy.py SPLIT [-v RULE]   (after diag.py SPLIT)
"""

import collections
import pickle
import sys

from detente.eval.realnews import load_gold

split = sys.argv[1]
g = load_gold("A")
preds, dm = pickle.load(open(f"/tmp/act2_preds_{split}.pkl", "rb"))
idx = {a.key: a for a in g.articles}
ok = collections.Counter()
bad = collections.Counter()
ex = collections.defaultdict(list)
seen = set()
for ev in g.gold.events:
    if idx[ev.article].split != split:
        continue
    ms = dm[g.doc_ids[ev.article]]
    for actor in (ev.source, ev.target):
        if actor is None or actor.code is None or actor.start is None:
            continue
        for m in ms:
            if not (m[0] < actor.end and actor.start < m[1]) or m[5] == "place":
                continue
            if (ev.article, m[0]) in seen:
                continue
            seen.add((ev.article, m[0]))
            got = m[4] or (m[3] or "")[:3] or None
            rule = m[6]
            if got == actor.code[:3]:
                ok[rule] += 1
            else:
                bad[rule] += 1
                ex[rule].append((m[2], m[3], actor.code, ev.article))
rules = sorted(set(ok) | set(bad), key=lambda r: -(ok[r] + bad[r]))
print(f"{split}: mentions of gold participants by rule (right / wrong)")
for r in rules:
    print(f"  {r:32s} {ok[r]:4d} {bad[r]:4d}")
if "-v" in sys.argv:
    want = sys.argv[sys.argv.index("-v") + 1]
    for r in rules:
        if want in r:
            print("==", r)
            for x in ex[r]:
                print("   ", x)
