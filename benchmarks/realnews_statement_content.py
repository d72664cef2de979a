"""What our plain statements (010) say, against the gold at the same trigger (issue 9).

    PYTHONPATH=src python benchmarks/realnews_statement_content.py train dev dev2 [--cache DIR]

For every predicted ``010`` event: the gold events at its trigger (code, factuality) and the
other predicted events of its sentence (code, modality, source), so the statements the gold
codes as a more specific act (accusation, intent, appeal, denial) can be grouped by what
their content clause holds. Runs on the cached parses of ``realnews_dev.py``; never on test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import code_split, split_setup  # noqa: E402


def main() -> None:
    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        keys = set(gold.article_keys(split))
        ids = {gold.doc_ids[k]: k for k in keys}
        texts = {d._.doc_id: d.text for d in docs}
        golds = [g for g in gold.gold.events if g.article in keys]
        tally: Counter = Counter()
        for ev in events:
            if ev.cameo != "010":
                continue
            art = ids[ev.doc_id]
            at = [g for g in golds if g.article == art and g.start < ev.end and ev.start < g.end]
            label = ",".join(sorted({g.cameo + ":" + g.factuality for g in at})) or "-"
            root = ",".join(sorted({g.cameo[:2] for g in at})) or "-"
            tally[root] += 1
            others = [
                f"{e.cameo}/{e.modality}{'/neg' if e.negated else ''}"
                f"[{e.source.text}->{e.target.text if e.target else ''}]"
                for e in events
                if e.doc_id == ev.doc_id and e.sentence_start == ev.sentence_start and e is not ev
            ]
            sent = texts[ev.doc_id][ev.sentence_start : ev.sentence_end].replace("\n", " ")
            print(
                f"{split}\t{label}\t{ev.trigger.text}\t{ev.source.text}\t{' '.join(others)}\t{sent[:220]}"
            )
        print(f"# {split}: gold roots at our 010 triggers {dict(tally.most_common())}")


if __name__ == "__main__":
    main()
