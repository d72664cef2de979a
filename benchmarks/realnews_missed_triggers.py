"""Real-news gold events with no prediction at their trigger, grouped by the kind of trigger.

    .venv/bin/python benchmarks/realnews_missed_triggers.py --split train [--show KIND]

For every asserted gold event with a PLOVER category whose trigger no predicted event
overlaps (of any factuality): the trigger's head word in our parse, and its kind - an
event noun we know (``nominals.tsv``) or not, a verb the lexicon knows or not, a light verb
construction ("take part", "gave support"), a passive verb without an agent, a word the
parser did not take for a verb or noun. Never run on the test split.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from detente.eval.realnews import load_gold
from detente.events.coder import EventCoder
from detente.knowledge import load_knowledge
from detente.nlp import load, make_doc
from detente.nlp.syntax import passive_agent


def kind_of(tok, coder: EventCoder) -> str:
    words = coder.words
    if tok.pos_ in ("NOUN", "PROPN"):
        known = tok.lemma_.lower() in words.nominals
        governor = tok.head if tok.dep_ == "dobj" else None
        if governor is not None and governor.lemma_.lower() in words.light_verbs:
            return "noun of a light verb" + (" (known noun)" if known else "")
        return "event noun known" if known else "event noun unknown"
    if tok.pos_ in ("VERB", "AUX"):
        if not coder.verb_codes.knows(tok):
            return "verb missing from lexicon"
        if (
            tok.tag_ == "VBN"
            and passive_agent(tok) is None
            and (any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.dep_ == "acl")
        ):
            return "passive verb without agent"
        return "verb known, not coded"
    return f"other POS ({tok.pos_})"


def missed_triggers(split: str):
    """Parse ``split``'s articles and yield ``(event, doc, span)`` for every asserted gold
    event with a PLOVER category that no predicted event overlaps (``span``: its trigger in
    our parse, None when it does not align), with the coder whose knowledge the kinds
    use. Returns ``(coder, docs by id, the misses)``."""
    gold = load_gold("A")
    nlp = load()
    coder = EventCoder(load_knowledge())
    keys = set(gold.article_keys(split))
    docs = {doc._.doc_id: doc for doc in nlp.pipe(make_doc(nlp, a) for a in gold.documents(split))}

    def walk():
        for event in gold.gold.events:
            if event.article not in keys or event.factuality != "asserted" or not event.plover:
                continue
            doc = docs[gold.doc_ids[event.article]]
            if any(e.start < event.end and event.start < e.end for e in doc._.events or ()):
                continue
            span = doc.char_span(event.start, event.end, alignment_mode="expand")
            yield event, doc, span if span is not None and len(span) else None

    return coder, docs, walk()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--show", help="List the misses of this kind.")
    args = parser.parse_args()
    coder, _, missed = missed_triggers(args.split)
    kinds: Counter = Counter()
    shown = defaultdict(list)
    for event, doc, span in missed:
        if span is None:
            kinds["trigger not aligned"] += 1
            continue
        kind = kind_of(span.root, coder)
        kinds[kind] += 1
        sentence = doc.text[event.sentence_start : event.sentence_end].replace("\n", " ")
        shown[kind].append(
            f"{event.cameo} '{event.trigger}' [{span.root.lemma_}] :: {sentence[:160]}"
        )
    print(f"| kind of trigger ({args.split}) | missed |\n|---|---:|")
    for kind, n in kinds.most_common():
        print(f"| {kind} | {n} |")
    for line in shown.get(args.show, ()):
        print(line)


if __name__ == "__main__":
    main()
