"""Real-news gold events lost on their participants alone, grouped by cause.

    .venv/bin/python benchmarks/realnews_participants.py train dev ... [--show CAUSE]

For every asserted gold event with a PLOVER category that no asserted prediction matches
(strict: category + source country + target country), when the coder either found the
trigger with the right category but other actors, or knows the verb and coded nothing for
lack of a source or target (``EventCoder.trace``): the first side that is wrong and why -
the gold actor is a description or name with no coded mention ("rebels", "Syrian security
forces"), a pronoun the actors stage left unresolved, implicit or outside the sentence, a
mention coded with another country, a coded mention the coder did not pick (another
mention chosen, a conjunct not expanded), or a target missing or added. Uses
``realnews_dev``'s cached parses. Never run on the test split.
"""

from __future__ import annotations

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
    split_setup,
)

PRONOUNS = frozenset("he she they it we i you his her its their our them us him".split())
PARTICIPANT_DROPS = ("no source", "no target", "no actor in the sentence")


def side_cause(role: str, gold_actor, predicted, mentions) -> str:
    """Why the predicted actor on one side (``role``) does not match the gold one."""
    if gold_actor is None:
        return f"{role}: added, gold has none"
    if gold_actor.implicit:
        return f"{role}: implicit in gold (own country / unnamed doer)"
    if gold_actor.outside:
        return f"{role}: outside the sentence in gold"
    over = [m for m in mentions if overlaps(m.start, m.end, gold_actor.start, gold_actor.end)]
    coded = [m for m in over if m.code or m.country]
    text = gold_actor.text.strip().lower()
    if not coded:
        if text in PRONOUNS:
            return f"{role}: pronoun not resolved"
        return f"{role}: description/name with no coded mention"
    if not any(country(m) == gold_actor.key for m in coded):
        return f"{role}: mention coded with another country"
    if predicted is None:
        return f"{role}: coded mention there, none chosen"
    return f"{role}: coded mention there, another chosen"


def classify(g, preds, mentions, traces, doc) -> str | None:
    """The participant cause of missing gold event ``g``, None when not a participant miss."""
    same = [p for p in preds if p.plover == g.plover and overlaps(p.start, p.end, g.start, g.end)]
    if same:
        if any(pair_fits(g, p, by_mention=False) for p in same):
            return None  # factuality, not participants
        p = same[0]
        if country(p.source) != g.source.key and not (
            g.symmetric and g.target is not None and country(p.source) == g.target.key
        ):
            return side_cause("source", g.source, p.source, mentions)
        return side_cause("target", g.target, p.target, mentions)
    span = doc.char_span(g.start, g.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    reasons = traces.get(span.root.i, [])
    if "no actor in the sentence" in traces.get(span.root.sent.root.i, []):
        reasons = ["no actor in the sentence"]
    reason = next((r for r in reversed(reasons) if r.startswith(PARTICIPANT_DROPS)), None)
    if reason is None:
        return None
    if reason.startswith("no target"):
        return "uncoded: " + side_cause("target", g.target, None, mentions)
    if reason.startswith("no source (passive") or (
        reason == "no source" and span.root.tag_ == "VBN" and not g.source.implicit
    ):
        return "uncoded, passive: " + side_cause("source", g.source, None, mentions)
    return "uncoded: " + side_cause("source", g.source, None, mentions)


def coordination(g, gold_events, preds) -> bool:
    """Another gold event at the same trigger and category that a prediction matches: the
    conjuncts of a coordinated actor, of which only one was coded."""
    return any(
        o is not g
        and o.plover == g.plover
        and overlaps(o.start, o.end, g.start, g.end)
        and any(p.plover == o.plover and pair_fits(o, p, by_mention=False) for p in preds)
        for o in gold_events
    )


def fp_cause(p, gs, mentions) -> str | None:
    """The participant cause of asserted prediction ``p`` that strict scoring does not pair,
    None unless a gold event at its trigger has its category (a participant FP)."""
    same = [g for g in gs if g.plover == p.plover and overlaps(p.start, p.end, g.start, g.end)]
    if not same or any(pair_fits(g, p, by_mention=False) for g in same):
        return None  # not a participant error (another category, or factuality)
    g = same[0]
    if g.target is not None and (
        country(p.source) == g.target.key and country(p.target) == g.source.key
    ):
        return "swapped"
    if country(p.source) != g.source.key and not (
        g.symmetric and g.target is not None and country(p.source) == g.target.key
    ):
        return side_cause("source", g.source, p.source, mentions)
    if p.target is None:
        return side_cause("target", g.target, None, mentions).replace(
            "none chosen", "none chosen (predicted none)"
        )
    if g.target is None:
        return "target: added, gold has none"
    return side_cause("target", g.target, p.target, mentions)


def traced(coder, doc) -> dict[int, list[str]]:
    """Token index -> the reasons the coder recorded there for coding nothing."""
    coder.trace = []
    coder.code_doc(doc)
    traces: dict[int, list[str]] = defaultdict(list)
    for i, reason in coder.trace:
        traces[i].append(reason)
    coder.trace = None
    return traces


def tabulate(gold, split, events, docs, coder):
    """(participant causes, states of the missed events' actors, examples by cause)."""
    golds = gold_by_sentence(gold, split)
    preds = predictions_by_sentence(gold, split, events)
    by_doc = {d._.doc_id: d for d in docs}
    causes: Counter = Counter()
    states: Counter = Counter()  # every missed gold event's actors, whatever the trigger did
    shown = defaultdict(list)
    fps: Counter = Counter()
    for (key, n), gs in sorted(golds.items()):
        doc = by_doc[gold.doc_ids[key]]
        mentions = doc._.mentions or []
        ps = preds.get((key, n), [])
        asserted = [p for p in ps if p.plover and claims_fact(p)]
        missed = [
            g
            for g in gs
            if g.plover and g.factuality == "asserted" and scorable(g)
            if not any(p.plover == g.plover and pair_fits(g, p, by_mention=False) for p in asserted)
        ]
        for p in asserted:
            if any(
                g.plover == p.plover and pair_fits(g, p, by_mention=False)
                for g in gs
                if g.factuality == "asserted" and scorable(g)
            ):
                continue
            cause = fp_cause(p, [g for g in gs if scorable(g)], mentions)
            if cause is not None:
                fps[cause] += 1
                tgt = f"{p.target.text}/{p.target.code}" if p.target else "-"
                shown["FP " + cause].append(
                    f"  {key} {n} {p.cameo} [{p.trigger.text}] {p.source.text}/{p.source.code}"
                    f" -> {tgt}"
                )
        traces = traced(coder, doc) if missed else {}
        for g in missed:
            for role, actor in (("source", g.source), ("target", g.target)):
                if actor is not None:
                    state = side_cause(role, actor, object(), mentions)
                    states[state.replace("another chosen", "coded right")] += 1
            cause = classify(g, ps, mentions, traces, doc)
            if cause is None:
                continue
            if "another chosen" in cause and coordination(g, gs, asserted):
                cause = cause.replace("another chosen", "conjunct not expanded")
            causes[cause] += 1
            sent = next(s for s in gold.sentences[key] if s.n == n)
            text = gold.texts[key]["text"][sent.start : sent.end].replace("\n", " ")
            tgt = f"{g.target.text}/{g.target.code}" if g.target else "-"
            shown[cause].append(
                f"  {key} {n} {g.cameo} [{g.trigger}] {g.source.text}/{g.source.code} -> {tgt}"
                f"\n      {text[:220]}"
            )
    return causes, states, shown, fps


def main() -> None:
    args, gold, nlp = split_setup(
        __doc__.splitlines()[0],
        lambda parser: parser.add_argument(
            "--show", help="List the misses whose cause contains this."
        ),
    )
    coder = nlp.get_pipe("detente_events").coder
    tables = [Counter(), Counter(), Counter()]
    shown = defaultdict(list)
    for split in args.splits:
        events, docs = code_split(nlp, gold, split, args.cache)
        causes, states, split_shown, fps = tabulate(gold, split, events, docs, coder)
        for table, counts in zip(tables, (causes, fps, states), strict=True):
            for key, count in counts.items():
                table[key, split] += count
        for cause, lines in split_shown.items():
            shown[cause].extend(f"{split}{line}" for line in lines)
    titles = (
        "participant cause",
        "participant cause of false positives",
        "actors of every missed gold event",
    )
    for title, table in zip(titles, tables, strict=True):
        totals = Counter()
        for (key, _), count in table.items():
            totals[key] += count
        print(f"\n| {title} | " + " | ".join(args.splits) + " | all |")
        print("|---|" + "---:|" * (len(args.splits) + 1))
        for key, total in totals.most_common():
            cells = " | ".join(str(table[key, split]) for split in args.splits)
            print(f"| {key} | {cells} | {total} |")
        cells = " | ".join(
            str(sum(c for (_, s), c in table.items() if s == split)) for split in args.splits
        )
        print(f"| total | {cells} | {sum(totals.values())} |")
    if args.show:
        for cause, lines in sorted(shown.items()):
            if args.show in cause:
                print(f"\n## {cause}")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
