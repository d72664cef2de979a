import sys, pickle, collections
from detente.eval.realnews import load_gold
split = sys.argv[1]
g = load_gold("A")
preds, dm = pickle.load(open(f"/tmp/act2_preds_{split}.pkl","rb"))
idx = {a.key: a for a in g.articles}
c = collections.Counter(); ex = collections.defaultdict(list)
for ev in g.gold.events:
    if idx[ev.article].split != split: continue
    if ev.factuality != "asserted" or not ev.plover: continue
    did = g.doc_ids[ev.article]
    ms = dm[did]
    for role, actor in (("src", ev.source), ("tgt", ev.target)):
        if actor is None or actor.start is None or actor.code is None: continue
        over = [m for m in ms if m[0] < actor.end and actor.start < m[1]]
        want = actor.code[:3]
        if any((m[4] or (m[3] or '')[:3]) == want for m in over):
            c["ok"] += 1; continue
        if not over: 
            kind = "outside" if actor.outside else ("pron" if actor.text.lower() in ("he","she","they","it","we","i","his","her","its","their") else "nomention")
            c[kind] += 1; ex[kind].append((actor.text, actor.code))
        else:
            c["wrongcode"] += 1; ex["wrongcode"].append((actor.text, actor.code, [(m[2], m[3], m[4], m[5]) for m in over]))
print(c)
for k, v in ex.items():
    print("==", k)
    for x in v[:40]: print("  ", x)
