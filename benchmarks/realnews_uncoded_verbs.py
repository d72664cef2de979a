"""Why the coder emitted nothing at real-news gold triggers that are verbs it knows.

    .venv/bin/python benchmarks/realnews_uncoded_verbs.py --split train|dev|dev2 [--passives] [--coarse] [--show REASON]

For every asserted gold event with a PLOVER category whose trigger no predicted event
overlaps, and whose trigger is a verb the lexicon knows (the "verb known, not coded" row of
``realnews_missed_triggers.py``, plus passives without an agent): re-runs the event coder
on the parsed document with its trace on (``EventCoder.trace``) and reports the reason it
recorded at the trigger; a missing source or target is refined by what the parse has there
(a pronoun, a description, an uncoded name, no subject at all) and by where the gold
actor is (in the sentence, outside it, implicit). Never run on the test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from detente.events.clauses import verb_subject
from detente.nlp.syntax import inherited_subject, is_passive, passive_agent

sys.path.insert(0, str(Path(__file__).parent))
from realnews_missed_triggers import kind_of, missed_triggers  # noqa: E402

PRONOUNS = frozenset("he she they it we i you this that who which these those one".split())


def subject_kind(verb, doc) -> str:
    """What stands where the verb's doer should be."""
    if passive_agent(verb) is None and is_passive(verb):
        return "passive, no agent"
    subject = verb_subject(verb)
    inherited = ""
    if subject is None:
        subject = inherited_subject(verb)
        inherited = "inherited "
        if subject is None or subject.i == verb.i:
            return f"no subject (dep {verb.dep_} of {verb.head.pos_})"
    mentions = [m for m in doc._.mentions or () if m.start <= subject.idx < m.end]
    if subject.lower_ in PRONOUNS:
        if not mentions:
            return f"{inherited}subject pronoun, no mention ({subject.lower_})"
        return f"{inherited}subject pronoun, mention uncoded ({subject.lower_})"
    if mentions:
        return f"{inherited}subject mention uncoded ({mentions[0].kind})"
    if subject.pos_ == "PROPN":
        return f"{inherited}subject name, no mention"
    return f"{inherited}subject description, no mention"


COARSE = (  # (reason prefix or fragment, group), first match wins
    ("no actor in the sentence", "no source: no coded actor in the whole sentence"),
    ("passive, no agent", "no source: passive without agent"),
    ("subject pronoun", "no source: subject pronoun the actors stage left unresolved"),
    ("subject description", "no source: subject description/name not a coded mention"),
    ("subject name", "no source: subject description/name not a coded mention"),
    ("subject mention uncoded", "no source: subject description/name not a coded mention"),
    ("no subject", "no source: no subject in the parse to inherit"),
    ("no target", "no target: the root needs one, none found"),
    (
        "unasserted infinitive",
        "clause gate: participle, purpose/noun infinitive, relative or background clause",
    ),
    (
        "default code, unmatched object",
        "verb sense: block default with an unmatched object, no target",
    ),
    ("null code", "verb sense: a pattern codes nothing (null)"),
    ("argument sense", "verb sense: its sense needs an actor or place argument, none found"),
    ("reporting verb", "reporting verb: the content is coded as a statement, not the verb"),
)


def coarse(reason: str) -> str:
    return next((group for key, group in COARSE if key in reason), f"other: {reason}")


def gold_where(actor) -> str:
    if actor is None:
        return "gold: none"
    if actor.implicit:
        return "gold: implicit"
    if actor.outside:
        return "gold: outside sentence"
    if actor.text.strip().lower() in PRONOUNS:
        return "gold: pronoun"
    return "gold: in sentence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "dev2"), default="train")
    parser.add_argument("--show", help="List the misses whose reason starts with this.")
    parser.add_argument("--passives", action="store_true", help="Also passives without agent.")
    parser.add_argument("--coarse", action="store_true", help="Group the reasons.")
    args = parser.parse_args()
    coder, docs, missed = missed_triggers(args.split)
    traces: dict[str, dict[int, list[str]]] = {}
    for doc_id, doc in docs.items():
        coder.trace = []
        coder.code_doc(doc)
        by_token: dict[int, list[str]] = defaultdict(list)
        for i, reason in coder.trace:
            by_token[i].append(reason)
        traces[doc_id] = by_token
    coder.trace = None
    kinds = ["verb known, not coded"] + (["passive verb without agent"] if args.passives else [])
    reasons: Counter = Counter()
    shown = defaultdict(list)
    for event, doc, span in missed:
        if span is None or kind_of(span.root, coder) not in kinds:
            continue
        verb = span.root
        trace = traces[doc._.doc_id]
        found = trace.get(verb.i) or trace.get(verb.sent.root.i, [])
        sentence_level = [
            r for r in found if r in ("no actor in the sentence", "furniture sentence")
        ]
        reason = (sentence_level or found or ["coded, but no event kept"])[-1]
        if reason == "no actor in the sentence" or reason.startswith("no source"):
            reason = f"{reason}: {subject_kind(verb, doc)}; {gold_where(event.source)}"
        elif reason.startswith("no target"):
            reason = f"{reason}; {gold_where(event.target)}"
        if args.coarse:
            reason = coarse(reason)
        reasons[reason] += 1
        sentence = doc.text[event.sentence_start : event.sentence_end].replace("\n", " ")
        src = event.source.text if event.source else None
        tgt = event.target.text if event.target else None
        shown[reason].append(
            f"{event.cameo} '{event.trigger}' [{src} -> {tgt}] :: {sentence[:200]}"
        )
    print(f"| why nothing was coded ({args.split}) | missed |\n|---|---:|")
    for reason, n in reasons.most_common():
        print(f"| {reason} | {n} |")
    print(f"| total | {sum(reasons.values())} |")
    if args.show is not None:
        for reason, lines in shown.items():
            if reason.startswith(args.show):
                print(f"\n## {reason}")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
