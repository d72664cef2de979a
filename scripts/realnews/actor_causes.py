import sys, pickle, collections
from detente.eval.realnews import load_gold
split = sys.argv[1]
g = load_gold("A")
preds, dm = pickle.load(open(f"/tmp/act2_preds_{split}.pkl","rb"))
idx = {a.key: a for a in g.articles}
c = collections.Counter(); ex = collections.defaultdict(collections.Counter)
PRON = {"he","she","they","it","we","i","his","her","its","their","our","them","us","him"}
for ev in g.gold.events:
    if idx[ev.article].split != split or not ev.plover: continue
    ms = dm[g.doc_ids[ev.article]]
    for actor in (ev.source, ev.target):
        if actor is None or actor.code is None: continue
        want = actor.code[:3]
        if actor.implicit: c["implicit (own country)"] += 1; continue
        over = [m for m in ms if m[0] < actor.end and actor.start < m[1]]
        if any((m[4] or (m[3] or '')[:3]) == want for m in over): c["ok"] += 1; continue
        t = actor.text.lower()
        if not over:
            k = "no mention: pronoun" if t in PRON else ("no mention: outside" if actor.outside else "no mention: other")
        elif all(m[3] is None and m[4] is None for m in over):
            k = "mention uncoded: pronoun" if t in PRON else f"mention uncoded: {over[0][5]}"
        else:
            k = "mention wrong country"
        c[k] += 1; ex[k][actor.text if len(actor.text) < 40 else actor.text[:40]] += 1
print(split, sum(c.values()))
for k, v in c.most_common(): print(f"  {k}: {v}   e.g. {', '.join(x for x, _ in ex[k].most_common(12))}")
