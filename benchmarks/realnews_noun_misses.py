"""Event-noun misses on the real-news gold (issue 9): gold asserted PLOVER events whose
trigger is a noun and that no prediction overlaps, with the noun's modifiers and governor.

    PYTHONPATH=src python benchmarks/realnews_noun_misses.py train dev dev2 [--cache DIR]

One line per miss: category, code, trigger, whether ``nominals.tsv`` knows the noun, its
dependency and governing word, its prepositions and possessor (where its participants would
come from), and the sentence. Runs on the cached parses of ``realnews_dev.py``; never on test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import code_split, split_setup  # noqa: E402


def main() -> None:
    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    from detente.knowledge import load_knowledge

    nominals = load_knowledge().clause_words.nominals
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        by_doc = {d._.doc_id: d for d in docs}
        keys = set(gold.article_keys(split))
        kinds: Counter = Counter()
        for ev in gold.gold.events:
            if ev.article not in keys or ev.factuality != "asserted" or not ev.plover:
                continue
            doc = by_doc[gold.doc_ids[ev.article]]
            if any(
                e.doc_id == doc._.doc_id and e.start < ev.end and ev.start < e.end for e in events
            ):
                continue
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tok = next((t for t in span if t.pos_ == "NOUN"), span.root)
            if tok.pos_ != "NOUN":
                continue
            known = tok.lemma_.lower() in nominals
            mods = " ".join(
                f"{c.dep_}:{c.text}"
                + (
                    f">{c.children.__next__().text}"
                    if c.dep_ == "prep" and list(c.children)
                    else ""
                )
                for c in tok.children
                if c.dep_ in ("poss", "prep", "compound", "amod", "nmod")
            )
            kinds["known" if known else "unknown"] += 1
            sent = doc.text[ev.sentence_start : ev.sentence_end].replace("\n", " ")
            print(
                f"{split}\t{ev.plover}\t{ev.cameo}\t{tok.lemma_}\t{'K' if known else '-'}\t"
                f"{tok.dep_}<{tok.head.lemma_}\t{mods}\t"
                f"[{ev.source.text}->{ev.target.text if ev.target else ''}]\t{sent[:200]}"
            )
        print(f"# {split}: {dict(kinds)}")


if __name__ == "__main__":
    main()
