"""Every PETRARCH dev record we do not reproduce exactly, with what we coded and why.

    .venv/bin/python benchmarks/petrarch_errors.py [--half A|B] [--id PATTERN-12]

Per record: the sentence, the gold triples (``+`` found, ``-`` missed), each of our events
(``ok`` or ``FP``) with its trigger, source and target text, rule and factuality, and the
coder's trace of the sentence's verbs that coded nothing (``EventCoder.trace``). The
records are coded with the suite's own dictionaries, as ``detente eval petrarch`` does.
Reads ``../shared`` (a benchmark may).
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from detente.eval.common import HALVES, halves, shared_path
from detente.eval.events import (
    PETRARCH_DICTS,
    PETRARCH_GOLD,
    _event_triples,
    load_petrarch_nlp,
    petrarch_discards,
    read_petrarch_gold,
)
from detente.nlp import make_doc
from detente.records import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES)
    parser.add_argument("--id", help="Only records whose id starts with this.")
    parser.add_argument("--all", action="store_true", help="Also the records we reproduce.")
    args = parser.parse_args()
    dicts = shared_path(*PETRARCH_DICTS)
    nlp = load_petrarch_nlp(dicts)
    coder = next(p.coder for _, p in nlp.pipeline if hasattr(p, "coder"))
    discard_re = petrarch_discards(dicts)
    records = [
        r
        for r in halves(
            read_petrarch_gold(shared_path(*PETRARCH_GOLD)), args.half, key=lambda r: r.record_id
        )
        if not (r.error and r.error != "sentencediscard")
        and (not args.id or r.record_id.startswith(args.id))
    ]
    for r in records:
        if discard_re and discard_re.search(r.text.lower()):
            events, trace, doc = [], [], None
        else:
            doc = nlp(make_doc(nlp, Article(ref=r.record_id, text=r.text, date=r.date)))
            events = list(doc._.events or [])
            coder.trace = []
            coder.code_doc(doc)
            trace, coder.trace = coder.trace, None
        ours = {t for e in events for t in _event_triples(e)}
        if ours == set(r.events) and not args.all:
            continue
        print(f"### {r.record_id}  {r.text}")
        for g in sorted(r.events):
            print(f"  gold {'+' if g in ours else '-'} {'/'.join(g)}")
        for e in events:
            keys = _event_triples(e)
            mark = "ok" if any(k in r.events for k in keys) else "FP"
            tgt = e.target.text if e.target else "-"
            print(
                f"  ours {mark} {'/'.join(keys[0])} '{e.trigger.text}' "
                f"[{e.source.text} -> {tgt}] {e.modality}{' NOT' if e.negated else ''} {e.rule}"
            )
        if doc is not None:
            why = defaultdict(list)
            for i, reason in trace:
                why[i].append(reason)
            for i, reasons in sorted(why.items()):
                print(f"  drop '{doc[i].text}' ({doc[i].pos_}/{doc[i].dep_}): {'; '.join(reasons)}")
            print("  parse: " + " ".join(f"{t.text}/{t.dep_}>{t.head.i}" for t in doc))
        print()


if __name__ == "__main__":
    main()
