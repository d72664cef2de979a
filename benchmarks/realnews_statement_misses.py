"""Statement misses on the real-news gold (issue 9): ACCUSE / SUPPORT / AGREE / REJECT events
no prediction finds, one line each with the coder's trace at the trigger.

    .venv/bin/python benchmarks/realnews_statement_misses.py train dev2 [--cache DIR]

For every asserted gold event of those categories: *category-only* miss = no predicted event
of the same category in its sentence; *strict* miss = no prediction of that category with the
gold's source and target countries. Each category-only miss prints the gold trigger, the
kind of word (``realnews_missed_triggers.kind_of``), the reasons ``EventCoder.trace`` recorded
at the trigger (a known verb that coded nothing), whether it sits in a relative / participle
/ adverbial clause or in the content of a reporting verb, and the sentence. Runs on the
cached parses of ``realnews_dev.py``. Never run on the test split.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import code_split, split_setup  # noqa: E402
from realnews_missed_triggers import kind_of  # noqa: E402

CATEGORIES = frozenset({"ACCUSE", "SUPPORT", "AGREE", "REJECT"})
REPORTING = frozenset("say tell add state claim insist argue note warn announce write".split())


def where(tok) -> str:
    """The clause the trigger sits in."""
    if tok.dep_ == "relcl":
        return "relative clause"
    if tok.dep_ in ("acl", "advcl") and tok.tag_ in ("VBG", "VBN"):
        return f"{tok.dep_} participle"
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING:
        return f"content of '{tok.head.lemma_}'"
    if tok.dep_ == "conj" and tok.head.dep_ == "ccomp":
        return "content (conj)"
    return tok.dep_


def main() -> None:
    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    coder = nlp.get_pipe("detente_events").coder
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        by_doc = {d._.doc_id: d for d in docs}
        # the coder's trace: token indices of one document, so re-code each one traced
        traces: dict[str, dict[int, list[str]]] = {}
        for doc in docs:
            coder.trace = []
            coder.code_doc(doc)
            t = defaultdict(list)
            for i, reason in coder.trace:
                t[i].append(reason)
            traces[doc._.doc_id] = t
        coder.trace = None
        keys = set(gold.article_keys(split))
        by_cat: Counter = Counter()
        strict_miss: Counter = Counter()
        causes: Counter = Counter()
        lines = []
        for ev in gold.gold.events:
            if ev.article not in keys or ev.factuality != "asserted" or ev.plover not in CATEGORIES:
                continue
            doc = by_doc[gold.doc_ids[ev.article]]
            sent = [e for e in events if e.doc_id == doc._.doc_id]
            sent = [
                e
                for e in sent
                if ev.sentence_start <= e.start < ev.sentence_end
                and e.modality == "asserted"
                and not e.negated
            ]
            same = [e for e in sent if e.plover == ev.plover]
            src = ev.source.code[:3] if ev.source and ev.source.code else None
            tgt = ev.target.code[:3] if ev.target and ev.target.code else None
            strict = [
                e
                for e in same
                if (e.source.country if e.source else None) == src
                and (e.target.country if e.target else None) == tgt
            ]
            if not strict:
                strict_miss[ev.plover] += 1
            if same:
                continue
            by_cat[ev.plover] += 1
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None or not len(span):
                kind, place, why = "unaligned", "-", ""
            else:
                root = span.root
                kind, place = kind_of(root, coder), where(root)
                why = "; ".join(dict.fromkeys(traces[doc._.doc_id].get(root.i, [])))
            over = [e for e in sent if e.start < ev.end and ev.start < e.end]
            if over:
                kind = "other category at trigger: " + ",".join(e.plover or e.cameo for e in over)
            causes[
                (kind, place if place.startswith(("rel", "acl", "advcl", "content")) else "")
            ] += 1
            text = doc.text[ev.sentence_start : ev.sentence_end].replace("\n", " ")
            lines.append(
                f"{ev.plover} {ev.cameo} '{ev.trigger}' [{ev.source.text if ev.source else None}"
                f" -> {ev.target.text if ev.target else None}] | {kind} | {place} | {why} :: "
                f"{text[:220]}"
            )
        print(
            f"\n# {split}: category-only misses {sum(by_cat.values())} {dict(by_cat)}; "
            f"strict misses {sum(strict_miss.values())} {dict(strict_miss)}"
        )
        print("| kind | clause | misses |\n|---|---|---:|")
        for (kind, place), n in causes.most_common():
            print(f"| {kind} | {place} | {n} |")
        print()
        print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main()
