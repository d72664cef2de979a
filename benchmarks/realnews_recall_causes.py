"""Every strict miss of the real-news gold, by cause, on any development split (issue 9).

    .venv/bin/python benchmarks/realnews_recall_causes.py train dev dev2 test2 test3 test4 \
        [--cache tmp] [--show CAUSE] [--cats ACCUSE,REQUEST]

For each asserted gold event with a PLOVER category and scorable actors that no asserted
prediction of its sentence matches (strict: category + source and target countries), the
first cause that applies:

* ``factuality``: a prediction of its category and countries, not asserted (or negated);
* ``sentence dropped``: the coder read nothing of the sentence (no actor in it, headline,
  furniture: ``EventCoder.trace`` at the sentence root);
* ``other category``: a prediction at the trigger, of another category (``01`` for a
  statement with no PLOVER category);
* ``participant``: a prediction at the trigger with the category, or a known verb that coded
  nothing for lack of a source or target; then the side and the gold actor's state: no
  coded mention (pronoun; description/agent noun; name or organization; place as actor),
  coded with another country, implicit or outside in gold, or coded but not chosen;
* ``trigger not recognised``: nothing at the trigger and no participant drop: the verb
  missing from the lexicon, a known verb dropped for another reason (the trace's), an
  event noun we do not know or know but did not code, another part of speech.

Prints one table of causes with a column per split, and with ``--show`` the misses whose
cause contains the text. Uses ``realnews_dev``'s cached parses. Never give it the fresh split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
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
    scorable,
)
from realnews_participants import PRONOUNS, traced  # noqa: E402

SENTENCE_DROPS = ("no actor in the sentence", "headline", "furniture sentence")
PARTICIPANT_DROPS = ("no source", "no target")


def actor_state(role: str, gold_actor, mentions) -> str:
    """What the actors stage made of the gold actor of one side."""
    if gold_actor is None:
        return f"{role} added (gold has none)"
    if gold_actor.implicit:
        return f"{role} implicit in gold"
    if gold_actor.outside:
        return f"{role} outside the sentence in gold"
    over = [m for m in mentions if overlaps(m.start, m.end, gold_actor.start, gold_actor.end)]
    coded = [m for m in over if m.code or m.country]
    text = gold_actor.text.strip()
    if not coded:
        if any(m.kind == "place" for m in over):
            return f"{role} missing: place as actor"
        if text.lower() in PRONOUNS:
            return f"{role} missing: pronoun"
        if text[:1].islower() or text.lower().startswith(("the ", "a ", "an ")):
            return f"{role} missing: description/agent noun"
        return f"{role} missing: name/organization"
    if not any(country(m) == gold_actor.key for m in coded):
        return f"{role} wrong country"
    return f"{role} coded, not chosen"


def side_at_fault(g, p) -> str:
    """The first side of prediction ``p`` whose country is not the gold one's."""
    if country(p.source) != g.source.key and not (
        g.symmetric and g.target is not None and country(p.source) == g.target.key
    ):
        return "source"
    return "target"


def trigger_kind(tok, coder, reasons) -> str:
    words = coder.words
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.lemma_.lower() in words.nominals:
            return "trigger: event noun known, not coded"
        return "trigger: event noun unknown"
    if tok.pos_ in ("VERB", "AUX"):
        if not coder.verb_codes.knows(tok):
            return "trigger: verb missing from lexicon"
        reason = reasons[-1] if reasons else "no trace"
        return f"trigger: verb known, dropped ({reason.split('(')[0].strip()})"
    return f"trigger: other POS ({tok.pos_})"


def classify(g, ps, doc, mentions, traces, coder) -> str:
    same = [p for p in ps if p.plover == g.plover]
    if any(pair_fits(g, p, by_mention=False) for p in same):
        return "factuality disagrees"
    span = doc.char_span(g.start, g.end, alignment_mode="expand")
    at = [p for p in ps if overlaps(p.start, p.end, g.start, g.end)]
    at_same = [p for p in at if p.plover == g.plover]
    if at_same:
        p = at_same[0]
        role = side_at_fault(g, p)
        return "participant: " + actor_state(role, getattr(g, role), mentions)
    if at:
        return f"other category (predicted {at[0].plover or '01'})"
    if span is None or not len(span):
        return "trigger not aligned"
    root = span.root
    dropped = [r for r in traces.get(root.sent.root.i, []) if r in SENTENCE_DROPS]
    if dropped:
        return f"sentence dropped ({dropped[0]})"
    reasons = traces.get(root.i, [])
    drop = next((r for r in reversed(reasons) if r.startswith(PARTICIPANT_DROPS)), None)
    if drop is not None:
        role = "target" if drop.startswith("no target") else "source"
        return "participant (uncoded): " + actor_state(role, getattr(g, role), mentions)
    if same:
        return "participant (other trigger): " + actor_state(
            side_at_fault(g, same[0]), getattr(g, side_at_fault(g, same[0])), mentions
        )
    return trigger_kind(root, coder, reasons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--cache", type=Path, default=Path("tmp"))
    parser.add_argument("--show", help="list the misses whose cause contains this")
    parser.add_argument("--cats", help="only these gold PLOVER categories (comma-separated)")
    parser.add_argument("--by-cat", action="store_true", help="a table of categories too")
    args = parser.parse_args()

    from detente.eval.realnews import DEVELOPMENT_SPLITS, load_gold
    from detente.nlp import load

    if bad := [s for s in args.splits if s not in DEVELOPMENT_SPLITS]:
        parser.error(f"not development splits: {bad}")
    cats = set(args.cats.split(",")) if args.cats else None
    gold = load_gold("A")
    nlp = load()
    coder = nlp.get_pipe("detente_events").coder
    table: dict[str, Counter] = defaultdict(Counter)
    by_cat: dict[str, Counter] = defaultdict(Counter)
    shown: list[str] = []
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        golds = gold_by_sentence(gold, split)
        preds = predictions_by_sentence(gold, split, events)
        by_doc = {d._.doc_id: d for d in docs}
        traces_of: dict[str, dict] = {}
        for (key, n), gs in sorted(golds.items()):
            doc = by_doc[gold.doc_ids[key]]
            ps = [p for p in preds.get((key, n), []) if p.plover]
            asserted = [p for p in ps if claims_fact(p)]
            for g in gs:
                if not (g.plover and g.factuality == "asserted" and scorable(g)):
                    continue
                if cats and g.plover not in cats:
                    continue
                table["gold"][split] += 1
                by_cat[g.plover]["gold " + split] += 1
                if any(
                    p.plover == g.plover and pair_fits(g, p, by_mention=False) for p in asserted
                ):
                    table["HIT"][split] += 1
                    by_cat[g.plover]["hit " + split] += 1
                    continue
                if key not in traces_of:
                    traces_of[key] = traced(coder, doc)
                # every prediction at the trigger (a statement of root 01 too)
                at_all = [p for p in preds.get((key, n), []) if not p.plover]
                cause = classify(g, ps + at_all, doc, doc._.mentions or [], traces_of[key], coder)
                table[cause][split] += 1
                if args.show is not None and args.show in cause:
                    sent = next(s for s in gold.sentences[key] if s.n == n)
                    text = gold.texts[key]["text"][sent.start : sent.end].replace("\n", " ")
                    tgt = f"{g.target.text}/{g.target.code}" if g.target else "-"
                    shown.append(
                        f"{split} {key} {n} {g.cameo} {g.plover} [{g.trigger}] "
                        f"{g.source.text}/{g.source.code} -> {tgt} :: {cause}\n    {text[:300]}"
                    )
        sys.stdout.flush()
    head = "| cause | " + " | ".join(args.splits) + " | all |"
    print(head + "\n|---|" + "---:|" * (len(args.splits) + 1))
    rows = sorted(table.items(), key=lambda kv: -sum(kv[1].values()))
    for cause, counts in rows:
        cells = " | ".join(str(counts[s]) for s in args.splits)
        print(f"| {cause} | {cells} | {sum(counts.values())} |")
    if args.by_cat:
        print("\n| category | " + " | ".join(args.splits) + " | (hit/gold) |")
        for cat, counts in sorted(by_cat.items(), key=lambda kv: -kv[1].total()):
            cells = " | ".join(f"{counts['hit ' + s]}/{counts['gold ' + s]}" for s in args.splits)
            print(f"| {cat} | {cells} |")
    if shown:
        print("\n" + "\n".join(shown))


if __name__ == "__main__":
    main()
