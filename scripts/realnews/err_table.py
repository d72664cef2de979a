import sys, pickle, collections
from detente.eval.realnews import load_gold, to_prediction
split = sys.argv[1]
g = load_gold("A")
preds, dm = pickle.load(open(f"/tmp/act2_preds_{split}.pkl","rb"))
idx = {a.key: a for a in g.articles}
by_doc = collections.defaultdict(list)
for e in preds: by_doc[e.doc_id].append(e)
def ck(a): 
    return None if a is None else (a.country or (a.code or '')[:3] or None)
def actor_ok(actor, ms):
    if actor is None: return True
    if actor.start is None or actor.code is None: return False
    return any(m[0] < actor.end and actor.start < m[1] and (m[4] or (m[3] or '')[:3]) == actor.code[:3] for m in ms)
miss = collections.Counter(); fp = collections.Counter()
golds_by_sent = collections.defaultdict(list)
for ev in g.gold.events:
    if idx[ev.article].split != split: continue
    golds_by_sent[(ev.article, ev.n)].append(ev)
for key, evs in golds_by_sent.items():
    pass
# recall causes
sent_ranges = {}
for key in g.article_keys(split):
    for s in g.sentences[key]: sent_ranges[(key, s.n)] = (s.start, s.end)
for ev in g.gold.events:
    if idx[ev.article].split != split or ev.factuality != "asserted" or not ev.plover: continue
    did = g.doc_ids[ev.article]; ms = dm[did]
    ps = [p for p in by_doc[did] if ev.sentence_start <= p.start < ev.sentence_end]
    gs, gt = ev.source.key, ev.target.key if ev.target else None
    def actors_match(p):
        s, t = ck(p.source), ck(p.target)
        return (s, t) == (gs, gt) or (ev.symmetric and (t, s) == (gs, gt))
    trig = [p for p in ps if p.start < ev.end and ev.start < p.end]
    if any(p.plover == ev.plover and actors_match(p) and not p.negated and p.modality == "asserted" for p in ps): miss["HIT"] += 1; continue
    if any(p.plover == ev.plover and actors_match(p) for p in ps): miss["factuality/negation"] += 1; continue
    if not (actor_ok(ev.source, ms) and actor_ok(ev.target, ms)): miss["actor not coded right"] += 1; continue
    if any(p.plover == ev.plover for p in ps): miss["right category, wrong actors"] += 1; continue
    if trig: miss["trigger found, wrong category"] += 1; continue
    miss["no prediction for trigger"] += 1
print("RECALL CAUSES", split, sum(miss.values())); [print(f"  {k}: {v}") for k, v in miss.most_common()]
for did_key in g.article_keys(split):
    did = g.doc_ids[did_key]
    for p in by_doc[did]:
        r = next(((k, n) for (k, n), (s, e) in sent_ranges.items() if k == did_key and s <= p.start < e), None)
        if r is None or not p.plover or p.negated or p.modality != "asserted": continue
        gevs = golds_by_sent.get(r, [])
        s, t = ck(p.source), ck(p.target)
        def am(ev):
            gs, gt = ev.source.key, ev.target.key if ev.target else None
            return (s, t) == (gs, gt) or (ev.symmetric and (t, s) == (gs, gt))
        if any(ev.plover == p.plover and am(ev) and ev.factuality == "asserted" for ev in gevs): fp["TP"] += 1; continue
        if any(ev.plover == p.plover and am(ev) for ev in gevs): fp["gold non-asserted"] += 1; continue
        trig = [ev for ev in gevs if p.start < ev.end and ev.start < p.end]
        if trig and any(ev.plover == p.plover for ev in trig): fp["same trigger+cat, wrong actors"] += 1; continue
        if trig: fp["same trigger, wrong category"] += 1; continue
        if any(ev.plover == p.plover for ev in gevs): fp["other trigger same cat"] += 1; continue
        fp["no gold event at trigger"] += 1
print("PRECISION CAUSES", sum(fp.values())); [print(f"  {k}: {v}") for k, v in fp.most_common()]
