"""Every event coded on real-news development splits, one line each, to diff two versions
of the coder (e.g. the branch's base against the branch: run it with each ``src``).

    PYTHONPATH=src python benchmarks/realnews_event_dump.py train dev dev2 --cache .cache > out.tsv

Columns: split, doc id, trigger start, trigger text, code, modality, negated, source code,
target code, rule, sentence. Never run on test.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from realnews_dev import code_split, split_setup  # noqa: E402


def main() -> None:
    args, gold, nlp = split_setup(__doc__)
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        texts = {doc._.doc_id: doc.text for doc in docs}
        for ev in sorted(events, key=lambda e: (e.doc_id, e.start, e.cameo)):
            text = texts[ev.doc_id]
            sentence = " ".join(text[ev.sentence_start : ev.sentence_end].split())
            row = [
                split,
                ev.doc_id,
                str(ev.start),
                ev.trigger.text,
                ev.cameo or "-",
                ev.modality,
                str(ev.negated),
                (ev.source.code if ev.source else None) or "-",
                (ev.target.code if ev.target else None) or "-",
                " ".join(ev.rule.split()),
                sentence,
            ]
            print("\t".join(row))


if __name__ == "__main__":
    main()
