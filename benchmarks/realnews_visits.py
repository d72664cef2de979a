"""Visits and hosting on the real-news gold: every gold 042/043 event and what détente coded
at its trigger, by cause, and the 042/043 predictions that no gold event pairs with.

    PYTHONPATH=src python benchmarks/realnews_visits.py train dev dev2 test3 test4 [--cache DIR] [-v]

A gold visit (any factuality) is, by the first that applies: ``hit`` (a prediction at the
trigger with its CAMEO code's category, source and target countries and factuality),
``wrong factuality``, ``wrong target``, ``wrong source``, ``other code`` (the trigger coded,
as what), or ``nothing`` (with the coder's trace of why the trigger coded nothing). A
prediction of 042/043 (asserted) is false when no gold event of the sentence pairs with it on
category and countries (strict PLOVER). ``-v`` prints each case with its sentence. Uses
``realnews_dev``'s cached parses; never the fresh split.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import (  # noqa: E402
    claims_fact,
    code_split,
    country,
    gold_by_sentence,
    overlaps,
    pair_fits,
    predictions_by_sentence,
)

from detente.eval.realnews import DEVELOPMENT_SPLITS  # noqa: E402

VISIT_CODES = ("042", "043")


def factuality(event) -> str:
    return "negated" if event.negated else event.modality


def describe(event) -> str:
    return (
        f"{event.cameo} {country(event.source)}->{country(event.target)} "
        f"{factuality(event)} '{event.trigger.text}'"
    )


def gold_cause(g, in_sentence, at_trigger, trace_reasons) -> str:
    same = [p for p in in_sentence if p.plover == g.plover and pair_fits(g, p, by_mention=False)]
    if any(factuality(p) == g.factuality for p in same):
        return (
            "hit"
            if any(overlaps(p.start, p.end, g.start, g.end) for p in same)
            else "hit elsewhere"
        )
    if same:
        return "wrong factuality"
    visits = [p for p in at_trigger if (p.cameo or "")[:3] in VISIT_CODES]
    for p in visits:
        if country(p.source) == g.source.key:
            return "wrong target"
    if visits:
        return "wrong source"
    if at_trigger:
        return "other code"
    return "nothing" + (f" ({trace_reasons})" if trace_reasons else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=DEVELOPMENT_SPLITS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()

    from detente.eval.realnews import load_gold
    from detente.nlp import load

    gold, nlp = load_gold("A"), load()
    coder = nlp.get_pipe("detente_events").coder
    traces: dict[str, list] = {}
    code_doc = coder.code_doc

    def traced(doc):
        coder.trace = traces.setdefault(doc._.doc_id, [])
        try:
            return code_doc(doc)
        finally:
            coder.trace = None

    coder.code_doc = traced
    totals: Counter = Counter()
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        texts = {d._.doc_id: d for d in docs}
        preds = predictions_by_sentence(gold, split, events)
        causes: Counter = Counter()
        for where, gs in sorted(gold_by_sentence(gold, split).items()):
            ps = preds.get(where, [])
            doc = texts[gold.doc_ids[where[0]]]
            for g in gs:
                if g.cameo[:3] not in VISIT_CODES:
                    continue
                at = [p for p in ps if overlaps(p.start, p.end, g.start, g.end)]
                toks = {t.i for t in doc.char_span(g.start, g.end, alignment_mode="expand")}
                trace = traces.get(doc._.doc_id, [])
                reasons = "; ".join(sorted({r for i, r in trace if i in toks}))
                cause = gold_cause(g, ps, at, reasons)
                causes[cause.split(" (")[0]] += 1
                if args.v:
                    sent = " ".join(doc.text[g.sentence_start : g.sentence_end].split())
                    print(
                        f"{split} GOLD {g.cameo} {g.source.key}->{g.target.key if g.target else None}"
                        f" {g.factuality} '{g.trigger}': {cause}"
                        f" | at trigger: {[describe(p) for p in at]}"
                        f" | in sentence: {[describe(p) for p in ps if p not in at and p.plover]}"
                        f"\n    {sent[:300]}"
                    )
            for p in ps:
                if (p.cameo or "")[:3] not in VISIT_CODES or not claims_fact(p):
                    continue
                if any(g.plover == p.plover and pair_fits(g, p, by_mention=False) for g in gs):
                    continue
                causes["false 042/043 prediction"] += 1
                if args.v:
                    sent = " ".join(doc.text[p.sentence_start : p.sentence_end].split())
                    near = [
                        f"{g.cameo} {g.source.key}->{g.target.key if g.target else None}"
                        f" {g.factuality} '{g.trigger}'"
                        for g in gs
                        if overlaps(p.start, p.end, g.start, g.end)
                    ]
                    print(f"{split} FALSE {describe(p)} gold at trigger: {near}\n    {sent[:300]}")
        print(f"== {split}: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
        totals.update(causes)
    print("== all: " + ", ".join(f"{k} {v}" for k, v in totals.most_common()))


if __name__ == "__main__":
    main()
