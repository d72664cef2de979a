import sys, pickle, collections
from detente.eval.realnews import load_gold, to_prediction
from detente import nlp as dnlp
from detente.nlp import make_doc
split = sys.argv[1]
g = load_gold("A")
arts = list(g.documents(split))
nlp = dnlp.load()
preds = []
docs_mentions = {}
for doc in nlp.pipe(make_doc(nlp, a) for a in arts):
    preds.extend(doc._.events or [])
    docs_mentions[doc._.doc_id] = [(m.start, m.end, m.text, m.code, m.country, m.kind, m.resolved_by) for m in doc._.mentions]
pickle.dump((preds, docs_mentions), open(f"/tmp/act2_preds_{split}.pkl","wb"))
by_doc = collections.defaultdict(list)
for e in preds: by_doc[e.doc_id].append(e)
c = collections.Counter()
for ev in g.gold.events:
    if g.articles[[a.key for a in g.articles].index(ev.article)].split != split: continue
    if ev.factuality != "asserted" or not ev.plover: continue
    did = g.doc_ids[ev.article]
    ps = [p for p in by_doc[did] if ev.sentence_start <= p.start < ev.sentence_end]
    c["gold"] += 1
    if ps: c["any_pred_in_sentence"] += 1
    if any(p.plover == ev.plover for p in ps): c["same_cat"] += 1
    if any(abs(p.start - ev.start) < 3 for p in ps): c["same_trigger"] += 1
    # actor found as mention?
    ms = docs_mentions[did]
    def found(actor):
        if actor is None or actor.start is None: return None
        return any(m[0] < actor.end and actor.start < m[1] and (m[4] or (m[3] or '')[:3]) == (actor.code or '')[:3] for m in ms)
    fs = found(ev.source); ft = found(ev.target)
    c[f"src_mention_ok={fs}"] += 1
    c[f"tgt_mention_ok={ft}"] += 1
for k,v in sorted(c.items()): print(k, v)
