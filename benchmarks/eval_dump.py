"""Per-sentence predictions on the PLOVER-GSR dev and PETRARCH dev sets, for before/after diffs.

    .venv/bin/python benchmarks/eval_dump.py --out now.jsonl
    PYTHONPATH=/other/checkout/src .venv/bin/python benchmarks/eval_dump.py --out base.jsonl
    .venv/bin/python benchmarks/eval_dump.py --diff base.jsonl now.jsonl

One JSON line per scored sentence: the set (plover | petrarch), its id and text, the gold, and
every event we emitted there (category, CAMEO, actors, trigger, rule, factuality, confidence)
with whether it is a hit. Each checkout is scored by the *current* scorer rules: a PLOVER
prediction counts when it occurred (asserted, not negated; with ``--not-negated``, the rule of
checkouts before factuality, when not negated) and has a PLOVER category; a
PETRARCH prediction is every event (symmetric ones both ways). ``--diff`` lists the
sentences where the second dump is worse (new false positive or lost hit) or better.
Reads ``../shared`` (a benchmark may). The other checkout must have
``detente.eval.events.load_petrarch_nlp`` (from commit e4292ca on).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PLOVER = SHARED / "data" / "gold" / "plover" / "plover_gsr_dev.json"
PETRARCH = SHARED / "data" / "gold" / "petrarch" / "unittest_dev.xml"
PETRARCH_DICTS = SHARED / "data" / "dictionaries" / "petrarch2"


def _event(e) -> dict:
    from detente.eval.events import gsr_category

    return {
        "cat": gsr_category(e.cameo),
        "cameo": e.cameo,
        "src": e.source.code if e.source else None,
        "src_text": e.source.text if e.source else None,
        "tgt": e.target.code if e.target else None,
        "tgt_text": e.target.text if e.target else None,
        "trigger": e.trigger.text,
        "rule": e.rule,
        "modality": e.modality,
        "negated": e.negated,
        "confidence": round(e.confidence, 3),
        "symmetric": getattr(e, "symmetric", False),
    }


COUNT_ALL_MODALITIES = False  # --not-negated: the scorer of checkouts before factuality


def _occurred(e) -> bool:
    if COUNT_ALL_MODALITIES:
        return not e.negated
    return e.modality == "asserted" and not e.negated


def _matches(gold, e) -> bool:
    from detente.eval.events import actor_matches, gsr_category

    if not _occurred(e) or gsr_category(e.cameo) != gold.category:
        return False

    def pair(s, t):
        if not any(actor_matches(s, c) for c in gold.sources):
            return False
        return not gold.targets or any(actor_matches(t, c) for c in gold.targets)

    return pair(e.source, e.target) or (getattr(e, "symmetric", False) and pair(e.target, e.source))


def dump_plover(nlp, out) -> None:
    from detente.eval.events import GoldEvent, _codes, gsr_category, read_plover_gold
    from detente.nlp import make_doc
    from detente.records import Article

    records = read_plover_gold(PLOVER)
    golds: dict[str, list] = {}
    dates: dict[str, str | None] = {}
    for r in records:
        golds.setdefault(r["text"], []).append(
            GoldEvent(r["id"], r["event"], _codes(r.get("source")), _codes(r.get("target")))
        )
        dates.setdefault(r["text"], r.get("date"))
    docs = (make_doc(nlp, Article(ref="plover", text=t, date=d)) for t, d in dates.items())
    for doc in nlp.pipe(docs, batch_size=64):
        gs = golds[doc.text]
        events = list(doc._.events or [])
        scored = [e for e in events if _occurred(e) and gsr_category(e.cameo)]
        line = {
            "set": "plover",
            "id": gs[0].record_id,
            "text": doc.text,
            "gold": [
                {
                    "key": f"{g.category} {'/'.join(g.sources)}->{'/'.join(g.targets) or '-'}",
                    "hit": any(_matches(g, e) for e in scored),
                }
                for g in gs
            ],
            "events": [
                {**_event(e), "scored": e in scored, "hit": any(_matches(g, e) for g in gs)}
                for e in events
            ],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def dump_petrarch(out, model=None) -> None:
    from detente.eval.events import (
        _event_triples,
        load_petrarch_nlp,
        petrarch_discards,
        read_petrarch_gold,
    )
    from detente.nlp import make_doc
    from detente.records import Article

    nlp = load_petrarch_nlp(PETRARCH_DICTS, model)
    discard_re = petrarch_discards(PETRARCH_DICTS)
    records = [
        r for r in read_petrarch_gold(PETRARCH) if not (r.error and r.error != "sentencediscard")
    ]
    to_code = [r for r in records if not (discard_re and discard_re.search(r.text.lower()))]
    docs = (make_doc(nlp, Article(ref=r.record_id, text=r.text, date=r.date)) for r in to_code)
    coded = dict(zip([r.record_id for r in to_code], nlp.pipe(docs, batch_size=64), strict=True))
    for r in records:
        doc = coded.get(r.record_id)
        events = list(doc._.events or []) if doc is not None else []
        gold = {"/".join(t) for t in r.events}
        line = {
            "set": "petrarch",
            "id": r.record_id,
            "text": r.text,
            "gold": [
                {"key": k, "hit": any(k == "/".join(t) for e in events for t in _event_triples(e))}
                for k in sorted(gold)
            ],
            "events": [
                {
                    **_event(e),
                    "scored": True,
                    "keys": ["/".join(t) for t in _event_triples(e)],
                    "hit": any("/".join(t) in gold for t in _event_triples(e)),
                }
                for e in events
            ],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _summary(lines: list[dict], name: str) -> str:
    rows = [x for x in lines if x["set"] == name]
    gold = sum(len(x["gold"]) for x in rows)
    rec = sum(g["hit"] for x in rows for g in x["gold"])
    if name == "petrarch":
        keys = [{k for e in x["events"] for k in e["keys"]} for x in rows]
        gset = [{g["key"] for g in x["gold"]} for x in rows]
        pred = sum(len(k) for k in keys)
        correct = sum(len(k & g) for k, g in zip(keys, gset, strict=True))
        rec = correct
    else:
        scored = [e for x in rows for e in x["events"] if e["scored"]]
        pred, correct = len(scored), sum(e["hit"] for e in scored)
    p = correct / pred if pred else 0.0
    r = rec / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name}: gold {gold} recalled {rec} predicted {pred} correct {correct} P {p:.3f} R {r:.3f} F1 {f:.3f}"


def _fp(x: dict) -> Counter:
    return Counter(
        (e["cat"], e["cameo"], e["src"], e["tgt"], e["trigger"])
        if x["set"] == "plover"
        else tuple(e["keys"]) + (e["trigger"],)
        for e in x["events"]
        if e["scored"] and not e["hit"]
    )


def diff(a_path: Path, b_path: Path) -> None:
    a = {(x["set"], x["id"], x["text"]): x for x in map(json.loads, a_path.open())}
    b = {(x["set"], x["id"], x["text"]): x for x in map(json.loads, b_path.open())}
    for name in ("plover", "petrarch"):
        print("A", _summary(list(a.values()), name))
        print("B", _summary(list(b.values()), name))
    for key in a:
        x, y = a[key], b.get(key)
        if y is None:
            continue
        lost = [
            g["key"] for g, h in zip(x["gold"], y["gold"], strict=True) if g["hit"] and not h["hit"]
        ]
        won = [
            g["key"] for g, h in zip(x["gold"], y["gold"], strict=True) if h["hit"] and not g["hit"]
        ]
        new_fp = _fp(y) - _fp(x)
        gone_fp = _fp(x) - _fp(y)
        if not (lost or won or new_fp or gone_fp):
            continue
        verdict = (
            "WORSE"
            if (lost or new_fp) and not (won or gone_fp)
            else ("BETTER" if not (lost or new_fp) else "MIXED")
        )
        print(f"\n### {verdict} {key[0]} {key[1]} :: {key[2][:260]}")
        for k in lost:
            print("   LOST", k)
        for k in won:
            print("   WON ", k)
        for k in new_fp:
            print("   +FP ", k)
        for k in gone_fp:
            print("   -FP ", k)
        for tag, z in (("A", x), ("B", y)):
            for e in z["events"]:
                print(
                    f"      {tag} {e['cat']}({e['cameo']}) {e['src']}->{e['tgt']} '{e['trigger']}' "
                    f"[{e['modality']}{' NEG' if e['negated'] else ''} c={e['confidence']} "
                    f"{'HIT' if e['hit'] else ''}] rule={e['rule'][:70]}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", choices=("plover", "petrarch"))
    parser.add_argument("--diff", nargs=2, type=Path)
    parser.add_argument("--not-negated", action="store_true", help="Count every non-negated event.")
    args = parser.parse_args()
    global COUNT_ALL_MODALITIES
    COUNT_ALL_MODALITIES = args.not_negated
    if args.diff:
        diff(*args.diff)
        return
    from detente.nlp import load

    with args.out.open("w", encoding="utf-8") as out:
        if args.only != "petrarch":
            dump_plover(load(), out)
            print("plover done", file=sys.stderr)
        if args.only != "plover":
            dump_petrarch(out)
            print("petrarch done", file=sys.stderr)


if __name__ == "__main__":
    main()
