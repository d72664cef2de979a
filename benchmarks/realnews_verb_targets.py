"""Why gold events at *verb* triggers lose their target: where the gold target sits in the parse.

    PYTHONPATH=src python benchmarks/realnews_verb_targets.py train|dev|dev2 [--walk [--domestic]]
        [--coarse] [--cache DIR] [--show CAUSE]

For every asserted gold event with a PLOVER category and a gold target that no asserted
prediction matches (strict), whose trigger's root is a verb: what the coder did there (a
prediction with the right category and which target, or the reason it traced for coding
nothing) and the dependency path from the verb to the gold target's mention (``dobj``,
``prep:on>pobj``, ``xcomp>dobj`` ...), with whether the gold target is of the gold source's
own country (domestic acts) and whether a coded mention covers it. ``--walk``: at every
such verb, what ``Participants.targets`` alone finds from the sources it finds (the reach of
any verb coding, learned or not); ``--domestic`` walks as for domestic acts (only the source
itself refused), to count what the same-country guard costs; ``--coarse`` groups the paths. Uses ``realnews_dev``'s
cached parses. Never run on a test split.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from detente.events.participants import DocActors

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
from realnews_participants import traced  # noqa: E402


def path_to(verb, tok) -> str | None:
    """The dependency path down from ``verb`` to ``tok`` (None when ``tok`` is not below it)."""
    steps = []
    node = tok
    while node.i != verb.i:
        if node.head.i == node.i:
            return None
        label = node.dep_
        if node.dep_ == "pobj":
            label = f"{node.head.lower_}>pobj"
            node = node.head
        steps.append(label)
        node = node.head
        if len(steps) > 6:
            return None
    return ">".join(reversed(steps)) or "self"


def where(verb, doc, gold_target) -> str:
    span = doc.char_span(gold_target.start, gold_target.end, alignment_mode="expand")
    if span is None or not len(span):
        return "no span"
    path = path_to(verb, span.root)
    if path is None:
        up = verb
        for _ in range(3):
            if up.head.i == up.i:
                break
            up = up.head
            p = path_to(up, span.root)
            if p is not None:
                return f"above: {verb.dep_}^ {p}"
        return "not below the verb"
    return path


CLAUSE_BELOW = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "parataxis"})


def coarse(loc: str) -> str:
    """The kind of place a gold target holds relative to the verb."""
    if loc.startswith("above"):
        return "in a governing or sibling clause"
    if loc.startswith(("gold", "not", "no ")):
        return loc.replace("not below the verb", "elsewhere in the sentence")
    steps = loc.split(">")
    if steps[0] in CLAUSE_BELOW:
        return "inside a clause below the verb"
    if steps[1:2] == ["pobj"] or steps[0] == "prep":
        return "the verb's prepositional phrase"
    if steps[0] in ("dobj", "nsubj", "nsubjpass", "dative"):
        return "the verb's own object/subject"
    return steps[0]


def what_was_done(
    g, verb, asserted, traces, coder, actors, *, walk: bool, domestic: bool = False
) -> str | None:
    """What the coder (``walk``: the participants walk alone) did at the gold trigger's verb
    when the gold target is missed; None when the miss is not the target's."""
    same = [
        p for p in asserted if p.plover == g.plover and overlaps(p.start, p.end, g.start, g.end)
    ]
    if walk:
        # what the participants walk finds at the verb, whatever the lexicon says
        srcs = coder.participants.sources(verb, actors)[0]
        if not any(country(s) == g.source.key for s in srcs):
            return None  # a source problem
        tgts = coder.participants.targets(
            verb, actors, srcs, place_targets=True, domestic=domestic
        )[0]
        if any(country(t) == g.target.key for t in tgts):
            return None
        return "walk: target " + ("none" if not tgts else "other")
    if same:
        p = same[0]
        if country(p.source) != g.source.key:
            return None  # a source problem
        return "coded, target " + ("none" if p.target is None else "other")
    reasons = traces.get(verb.i, []) or ["no event, no trace"]
    did = reasons[-1].split("(")[0].strip()
    return did if did.startswith("no target") else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["train", "dev", "dev2"])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument(
        "--walk", action="store_true", help="Every verb trigger: the participants walk alone."
    )
    parser.add_argument(
        "--domestic",
        action="store_true",
        help="With --walk: walk as for domestic acts (only the source itself refused).",
    )
    parser.add_argument("--coarse", action="store_true", help="Group the places.")
    parser.add_argument("--show", help="List the misses whose cause contains this.")
    args = parser.parse_args()

    from detente.eval.realnews import load_gold
    from detente.nlp import load

    gold = load_gold("A")
    nlp = load()
    events, docs = code_split(nlp, gold, args.split, args.cache)
    coder = nlp.get_pipe("detente_events").coder
    golds = gold_by_sentence(gold, args.split)
    preds = predictions_by_sentence(gold, args.split, events)
    by_doc = {d._.doc_id: d for d in docs}
    causes: Counter = Counter()
    shown = defaultdict(list)
    for (key, n), gs in sorted(golds.items()):
        doc = by_doc[gold.doc_ids[key]]
        mentions = doc._.mentions or []
        asserted = [p for p in preds.get((key, n), []) if p.plover and claims_fact(p)]
        missed = [
            g
            for g in gs
            if g.plover and g.factuality == "asserted" and scorable(g) and g.target is not None
            if not any(p.plover == g.plover and pair_fits(g, p, by_mention=False) for p in asserted)
        ]
        if not missed:
            continue
        traces = traced(coder, doc)
        actors = DocActors.build(doc)
        for g in missed:
            span = doc.char_span(g.start, g.end, alignment_mode="expand")
            if span is None or not len(span) or span.root.pos_ not in ("VERB", "AUX"):
                continue
            verb = span.root
            did = what_was_done(
                g, verb, asserted, traces, coder, actors, walk=args.walk, domestic=args.domestic
            )
            if did is None:
                continue
            if g.target.implicit:
                loc = "gold implicit"
            elif g.target.outside:
                loc = "gold outside"
            else:
                path = where(verb, doc, g.target)
                loc = coarse(path) if args.coarse else path.split(">")[0]
                if path.startswith(("above", "not", "no ")) and not args.coarse:
                    loc = path
            covered = g.target.start is not None and any(
                overlaps(m.start, m.end, g.target.start, g.target.end) and (m.code or m.country)
                for m in mentions
            )
            domestic = "domestic" if g.source.key == g.target.key else "foreign"
            cause = f"{did} | {loc} | {domestic} | {'mention' if covered else 'no mention'}"
            causes[cause] += 1
            sent = next(s for s in gold.sentences[key] if s.n == n)
            text = gold.texts[key]["text"][sent.start : sent.end].replace("\n", " ")
            shown[cause].append(
                f"  {key} {n} {g.cameo} [{g.trigger}] {g.source.text}/{g.source.code} -> "
                f"{g.target.text}/{g.target.code}\n      {text[:240]}"
            )
    print(f"| verb trigger target miss ({args.split}) | n |\n|---|---:|")
    for cause, count in causes.most_common():
        print(f"| {cause} | {count} |")
    print(f"| total | {sum(causes.values())} |")
    if args.show is not None:
        for cause, lines in sorted(shown.items()):
            if args.show in cause:
                print(f"\n## {cause}")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
