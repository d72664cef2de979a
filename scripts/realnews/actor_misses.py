"""List the failing participants of gold events missed because an actor is not coded right.

Reads /tmp/act2_preds_SPLIT.pkl written by diag.py. For every asserted gold event with a
PLOVER category whose source or target has no overlapping mention with the gold country,
prints a cause class, the gold text and code, and the overlapping mentions.
Usage: python scripts/realnews/actor_misses.py SPLIT [-v]
"""

import collections
import pickle
import sys

from detente.eval.realnews import load_gold

PRON = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "our",
    "them",
    "us",
    "him",
    "you",
}
DETS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "both",
    "two",
    "some",
    "several",
    "many",
    "all",
}


def cause(actor, over):
    t = actor.text.strip()
    words = t.split()
    low = t.lower()
    if actor.implicit:
        return "implicit (own country / unknown)"
    if actor.outside:
        return "outside the sentence"
    if low in PRON:
        return "pronoun" + (" (mention wrong)" if over else " (no mention)")
    content = [w for w in words if w.lower() not in DETS]
    lowercase = content and all(w[:1].islower() for w in content)
    if over and all(m[3] is None and m[4] is None for m in over):
        base = "mention without code"
    elif over:
        base = "mention wrong country"
    else:
        base = "no mention"
    if lowercase:
        kind = (
            "description (the minister, officials)"
            if words[0].lower() in DETS
            else "bare agent noun (officials, troops)"
        )
    else:
        kind = "name"
    return f"{base}: {kind}"


split = sys.argv[1]
g = load_gold("A")
preds, dm = pickle.load(open(f"/tmp/act2_preds_{split}.pkl", "rb"))
idx = {a.key: a for a in g.articles}
c = collections.Counter()
rows = collections.defaultdict(list)
for ev in g.gold.events:
    if idx[ev.article].split != split or ev.factuality != "asserted" or not ev.plover:
        continue
    ms = dm[g.doc_ids[ev.article]]
    for role, actor in (("src", ev.source), ("tgt", ev.target)):
        if actor is None or actor.code is None:
            continue
        if actor.start is None:
            k = cause(actor, [])
            c[k] += 1
            rows[k].append((role, actor.text, actor.code, [], ev.article, ev.n, ev.trigger))
            continue
        over = [m for m in ms if m[0] < actor.end and actor.start < m[1]]
        if any((m[4] or (m[3] or "")[:3]) == actor.code[:3] for m in over):
            continue
        k = cause(actor, over)
        c[k] += 1
        rows[k].append(
            (
                role,
                actor.text,
                actor.code,
                [(m[2], m[3], m[4], m[5]) for m in over],
                ev.article,
                ev.n,
                ev.trigger,
            )
        )
print(split, "failing participants of asserted PLOVER gold events:", sum(c.values()))
for k, v in c.most_common():
    print(f"  {v:4d}  {k}")
if "-v" in sys.argv:
    for k, _n in c.most_common():
        print("==", k)
        for r in rows[k]:
            print("   ", r)
