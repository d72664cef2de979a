"""Where the participants of missed event nouns stand in the parse (issue 9, event nouns).

    PYTHONPATH=src python benchmarks/realnews_noun_frames.py train dev dev2 [--cache DIR] [-v]

For each gold asserted PLOVER event whose trigger is a noun and that strict PLOVER scoring
misses (``score_realnews``' errors: no prediction in its sentence with its category and actor
countries; a trigger-overlap test would also count as missed the acts coded right on their light
verb, "began an assault on", which the scorer matches),
the frame that links the gold source (and target) mention to the noun: a possessor or
modifier of the noun, the object of one of its prepositions (by name), the subject of the
verb the noun is the object of ("X held talks", "X condemned the attack"), the subject of the
clause above, an apposition, elsewhere in the sentence, or outside it. Counts per split, and
how many of the nouns ``nominals.tsv`` knows. Runs on the cached parses of
``realnews_dev.py``; never on test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realnews_dev import code_split, split_setup  # noqa: E402

from detente.eval.realnews import score_realnews  # noqa: E402
from detente.nlp.syntax import VERBAL_POS, governing_verb  # noqa: E402


def _tokens(doc, actor):
    if actor is None or actor.start is None or actor.outside or actor.implicit:
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return {t.i for t in span} if span is not None and len(span) else None


def _inside(token, mention: set[int]) -> bool:
    return any(t.i in mention for t in token.subtree)


def _on_noun(noun, mention: set[int]) -> str | None:
    """The noun's own dependent that holds the mention."""
    for child in noun.children:
        if not _inside(child, mention):
            continue
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            return f"mod:{child.dep_}"
        if child.dep_ in ("prep", "agent"):
            return f"prep:{child.lower_}"
        if child.dep_ in ("acl", "relcl"):
            return f"clause-on-noun:{child.dep_}"
        return f"child:{child.dep_}"
    return "noun-in-mention" if noun.i in mention else None


def _on_governor(noun, gov, mention: set[int]) -> str | None:
    """A dependent of the verb governing the noun that holds the mention."""
    for child in gov.children:
        if not _inside(child, mention):
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "agent"):
            via = "" if noun.head.i == gov.i else f"/{noun.dep_}<{noun.head.lemma_}"
            return f"gov-subj[{child.dep_}] via {noun.dep_}{via}"
        if child.dep_ == "prep":
            return f"gov-prep:{child.lower_} via {noun.dep_}"
        if child.dep_ in ("dobj", "dative"):
            return f"gov-obj via {noun.dep_}"
    return None


def _higher_subject(gov, mention: set[int]) -> str | None:
    """The subject of a verb up to three steps above the governing verb."""
    up = gov
    for _ in range(3):
        if up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ in VERBAL_POS and any(
            c.dep_ in ("nsubj", "nsubjpass") and _inside(c, mention) for c in up.children
        ):
            return f"higher-subj ({gov.dep_})"
    return None


def frame(noun, mention: set[int] | None) -> str:
    """The parse link from the noun to the mention."""
    if mention is None:
        return "outside/implicit"
    found = _on_noun(noun, mention)
    gov = governing_verb(noun)
    if found is None and gov is not None:
        found = _on_governor(noun, gov, mention) or _higher_subject(gov, mention)
    if found is not None:
        return found
    if noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children):
        return "appos"
    return "elsewhere-in-sentence"


def main() -> None:
    verbose = "-v" in sys.argv
    if verbose:
        sys.argv.remove("-v")
    args, gold, nlp = split_setup(__doc__.splitlines()[0])
    from detente.knowledge import load_knowledge

    nominals = load_knowledge().clause_words.nominals
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        scores = score_realnews(gold, events, split=split, resamples=0)
        missed = {id(ev) for err in scores.errors for ev in err.missed}
        by_doc = {d._.doc_id: d for d in docs}
        keys = set(gold.article_keys(split))
        src: Counter = Counter()
        tgt: Counter = Counter()
        known: Counter = Counter()
        n = 0
        for ev in gold.gold.events:
            if ev.article not in keys or ev.factuality != "asserted" or not ev.plover:
                continue
            if id(ev) not in missed:
                continue
            doc = by_doc[gold.doc_ids[ev.article]]
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            noun = next((t for t in reversed(span) if t.pos_ == "NOUN"), None)
            if noun is None:
                continue
            n += 1
            fs = frame(noun, _tokens(doc, ev.source))
            ft = frame(noun, _tokens(doc, ev.target)) if ev.target else "-"
            src[fs] += 1
            tgt[ft] += 1
            known["known" if noun.lemma_.lower() in nominals else "unknown"] += 1
            if verbose:
                sent = doc.text[ev.sentence_start : ev.sentence_end].replace("\n", " ")
                print(
                    f"{split}\t{ev.plover}\t{noun.lemma_}\t"
                    f"{'K' if noun.lemma_.lower() in nominals else '-'}\t"
                    f"S={fs}\tT={ft}\t[{ev.source.text}->{ev.target.text if ev.target else ''}]"
                    f"\t{sent[:220]}"
                )
        print(f"# {split}: {n} missed events with a noun trigger; {dict(known)}")
        print("#   source frames:", ", ".join(f"{k} {v}" for k, v in src.most_common()))
        print("#   target frames:", ", ".join(f"{k} {v}" for k, v in tgt.most_common()))


if __name__ == "__main__":
    main()
