"""Per-category real-news scores on train halves and dev, strict and category-only (issue 9).

    .venv/bin/python benchmarks/realnews_cats.py [--cats ASSAULT,CONSULT] [--list] [--tag T]

Parses are cached in ``.cache/`` of the worktree (realnews_dev.parsed_split); ``--tag`` also
writes the coded events' scores to ``.cache/cats-TAG.txt``. ``--list`` prints every train gold
event of the categories with no same-category prediction (category-only misses) and every
prediction of them with no gold match (category-only FPs), with the sentence. Never on test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_dev import code_split  # noqa: E402

import detente.eval.realnews as rn  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CATS = "ASSAULT,CONSULT,COOPERATE,RETREAT,AID"


def scores(gold, events, keys, category_only: bool):
    preds = [rn.to_prediction(e) for e in events]
    scorable = tuple(e for e in gold.gold.events if rn._scorable(e))
    subset = rn.AnnotatorGold(gold.gold.annotator, gold.gold.articles, scorable)
    saved = rn._same_actors
    if category_only:
        rn._same_actors = lambda g, p: True
    try:
        units = rn._units(subset, gold.sentences, gold.doc_ids, preds, keys)
        return rn.score_units(units, annotator="A", split=None, resamples=0)
    finally:
        rn._same_actors = saved


def line(name, s):
    return (
        f"{name:10} {s.correct:3}/{s.predicted:3}/{s.gold:3} P {s.precision:.2f} R {s.recall:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cats", default=CATS)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--tag")
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    args = parser.parse_args()
    cats = args.cats.split(",")
    from detente.nlp import load

    gold = rn.load_gold("A")
    nlp = load()
    out = []
    coded = {}
    for split in ("train", "dev"):
        events, docs = code_split(nlp, gold, split, ROOT / ".cache")
        coded[split] = (events, docs)
        keys = sorted(gold.article_keys(split))
        parts = {"dev": keys} if split == "dev" else {"odd": keys[0::2], "even": keys[1::2]}
        for part, ks in parts.items():
            for mode in ("strict", "catonly"):
                s = scores(gold, events, ks, mode == "catonly")
                row = [f"{part:5} {mode:8} ALL " + line("", s.strict)]
                for c in cats:
                    b = s.by_category.get(c)
                    if b is not None:
                        row.append(f"   {line(c, b)}")
                out.append("\n".join(row))
    text = "\n".join(out)
    print(text)
    if args.tag:
        (ROOT / ".cache" / f"cats-{args.tag}.txt").write_text(text + "\n")
    if args.list:
        listing(gold, coded[args.split], set(cats), args.split)


def listing(gold, coded, cats, split="train") -> None:
    events, docs = coded
    by_id = {d._.doc_id: d for d in docs}
    keys = set(gold.article_keys(split))
    golds = [
        e for e in gold.gold.events
        if e.article in keys and e.factuality == "asserted" and e.plover in cats
    ]  # fmt: skip
    for ev in golds:
        doc = by_id[gold.doc_ids[ev.article]]
        sent = [
            e for e in events
            if e.doc_id == doc._.doc_id and ev.sentence_start <= e.start < ev.sentence_end
        ]  # fmt: skip
        same = [
            e for e in sent if e.plover == ev.plover and not e.negated and e.modality == "asserted"
        ]
        if same:
            ok = any(
                (rn._key_of(e.source), rn._key_of(e.target))
                == (ev.source.key, ev.target.key if ev.target else None)
                or (
                    ev.symmetric
                    and (rn._key_of(e.target), rn._key_of(e.source))
                    == (ev.source.key, ev.target.key if ev.target else None)
                )
                for e in same
            )
            if ok:
                continue
            tag = "ACT " + ";".join(
                f"{rn._key_of(e.source)}->{rn._key_of(e.target)}@{e.trigger.text}" for e in same
            )
        else:
            other = [e for e in sent if e.start < ev.end and ev.start < e.end]
            tag = "MISS" + (
                " over " + ",".join(f"{e.plover}/{e.modality}/{e.negated}" for e in other)
                if other
                else ""
            )
        text = doc.text[ev.sentence_start : ev.sentence_end].replace("\n", " ")
        tgt = ev.target.code if ev.target else None
        print(
            f"G {ev.plover} {ev.cameo} '{ev.trigger}' {ev.source.code}({ev.source.text})->{tgt}({ev.target.text if ev.target else ''}) [{tag}] :: {text[:240]}"
        )
    sents = {}
    for ev in gold.gold.events:
        if ev.article in keys:
            sents.setdefault(
                (gold.doc_ids[ev.article], ev.sentence_start, ev.sentence_end), []
            ).append(ev)
            pass
    for e in events:
        if e.plover not in cats or e.negated or e.modality != "asserted":
            continue
        doc = by_id[e.doc_id]
        hits = [
            (k, g)
            for k, gs in sents.items()
            if k[0] == e.doc_id and k[1] <= e.start < k[2]
            for g in gs
        ]
        if not hits:
            continue  # outside the lead
        gs = [g for _, g in hits]
        same = [g for g in gs if g.plover == e.plover and g.factuality == "asserted"]
        src, tgt = rn._key_of(e.source), rn._key_of(e.target)
        if same and any(
            (g.source.key, g.target.key if g.target else None)
            in ((src, tgt), (tgt, src) if g.symmetric else (src, tgt))
            for g in same
        ):
            continue
        k = hits[0][0]
        text = doc.text[k[1] : k[2]].replace("\n", " ")
        kind = "FPACT" if same else "FPCAT"
        others = ",".join(
            f"{g.trigger}:{g.plover}/{g.factuality}"
            for g in gs
            if g.start < e.end and e.start < g.end
        )
        print(
            f"{kind} {e.plover} {e.cameo} '{e.trigger.text}' {src}->{tgt} rule={e.rule if hasattr(e, 'rule') else ''} gold@trig=[{others}] :: {text[:240]}"
        )


if __name__ == "__main__":
    main()
