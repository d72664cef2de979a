"""Run détente on a real-news split and keep its events and mentions for the other scripts.

Usage: python scripts/realnews/diag.py SPLIT   (train or dev; never test)
Writes /tmp/act2_preds_SPLIT.pkl: (events, {doc_id: [(start, end, text, code, country, kind,
resolved_by), ...]}) and prints how many asserted PLOVER gold events have a prediction in
their sentence, of the right category, at their trigger, and whether their actors are coded.
"""

import collections
import pickle
import sys

from detente import nlp as dnlp
from detente.eval.realnews import load_gold
from detente.nlp import make_doc

split = sys.argv[1]
if split == "test":
    sys.exit("never the test split")
g = load_gold("A")
arts = list(g.documents(split))
nlp = dnlp.load()
preds = []
docs_mentions = {}
for doc in nlp.pipe(make_doc(nlp, a) for a in arts):
    preds.extend(doc._.events or [])
    docs_mentions[doc._.doc_id] = [
        (m.start, m.end, m.text, m.code, m.country, m.kind, m.resolved_by) for m in doc._.mentions
    ]
with open(f"/tmp/act2_preds_{split}.pkl", "wb") as out:
    pickle.dump((preds, docs_mentions), out)
by_doc = collections.defaultdict(list)
for e in preds:
    by_doc[e.doc_id].append(e)
split_of = {a.key: a.split for a in g.articles}


def found(actor, mentions):
    if actor is None or actor.start is None:
        return None
    want = (actor.code or "")[:3]
    return any(
        m[0] < actor.end and actor.start < m[1] and (m[4] or (m[3] or "")[:3]) == want
        for m in mentions
    )


c = collections.Counter()
for ev in g.gold.events:
    if split_of[ev.article] != split or ev.factuality != "asserted" or not ev.plover:
        continue
    did = g.doc_ids[ev.article]
    ps = [p for p in by_doc[did] if ev.sentence_start <= p.start < ev.sentence_end]
    c["gold"] += 1
    c["any_pred_in_sentence"] += bool(ps)
    c["same_cat"] += any(p.plover == ev.plover for p in ps)
    c["same_trigger"] += any(abs(p.start - ev.start) < 3 for p in ps)
    c[f"src_mention_ok={found(ev.source, docs_mentions[did])}"] += 1
    c[f"tgt_mention_ok={found(ev.target, docs_mentions[did])}"] += 1
for k, v in sorted(c.items()):
    print(k, v)
