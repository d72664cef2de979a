"""Event nouns in background frames: predicted nominal events and gold noun-triggered events.

    PYTHONPATH=src python benchmarks/realnews_background.py train dev dev2 --cache .cache

For every asserted nominal prediction with a PLOVER category (TP or not, by strict PLOVER) and
every gold event whose trigger is a noun, the frame the noun stands in: the preposition that
governs it (and the noun that preposition hangs on), a year or date modifier, a possessive or
"of" phrase that makes it the topic of another noun. Used to check that a background rule
costs no gold event. Never run on test.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from realnews_dev import (  # noqa: E402
    asserted_predictions,
    code_split,
    gold_by_sentence,
    split_setup,
)


def frame(tok) -> str:
    bits = []
    head = tok.head
    if tok.dep_ == "pobj":
        bits.append(f"pobj<{head.lower_}<{head.head.lower_}/{head.head.pos_}")
    else:
        bits.append(f"{tok.dep_}<{head.lower_}/{head.pos_}")
    for c in tok.children:
        if c.ent_type_ == "DATE" or c.dep_ in ("poss", "det", "nummod"):
            bits.append(f"{c.dep_}:{c.text}:{c.ent_type_}")
        if c.dep_ == "prep":
            bits.append(f"prep:{c.lower_}")
    return " ".join(bits)


def main() -> None:
    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        by_id = {d._.doc_id: d for d in docs}
        for _, p, cause in asserted_predictions(gold, split, events, in_order=True):
            if not p.rule.startswith("nominal"):
                continue
            doc = by_id[p.doc_id]
            tok = doc.char_span(p.start, p.end, alignment_mode="expand")[-1]
            print(
                f"P {split} {'TP' if cause == 'TP' else 'FP'} [{tok.text}] {frame(tok)}"
                f" | {tok.sent.text[:160]!r}"
            )
        golds = gold_by_sentence(gold, split)
        for key in gold.article_keys(split):
            doc = by_id[gold.doc_ids[key]]
            for s in gold.sentences[key]:
                for g in golds.get((key, s.n), ()):
                    span = doc.char_span(g.start, g.end, alignment_mode="expand")
                    if span is None:
                        continue
                    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
                    if not nouns or any(t.pos_ == "VERB" for t in span):
                        continue
                    tok = nouns[-1]
                    print(
                        f"G {split} {g.factuality} {g.plover} [{g.trigger}] {frame(tok)}"
                        f" | {tok.sent.text[:160]!r}"
                    )


if __name__ == "__main__":
    main()
