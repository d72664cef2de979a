"""Candidate event nouns: nominalisations of verbs the lexicon codes, ranked for hand review.

    .venv/bin/python scripts/derive_nominals.py [--stories CSV] [--min-count 5] > candidates.tsv

For every verb of the shipped lexicon (``data/events/verbs.json`` plus our extensions) whose
own or block code is a CAMEO code with a PLOVER category, forms its nominalisations by the
regular English suffixes (zero derivation "attack"; -ion/-ation "condemnation"; -ment
"agreement"; -al "withdrawal"; -ance/-ence "assistance"; -ure "seizure"; -ing "shelling";
-sion "invasion") and counts, in a corpus of news-like stories, how often each form is used
as a noun (after a determiner or possessive, or before "of", "by", "against", "on", "with",
"to", "for") and in which PLOVER category's stories (the corpus's document-level labels; by
default the synthetic NGEC stories in ``../shared/data/training/ngec_synthetic/``).

Prints one candidate per line: noun, verb, the verb's code and PLOVER category, the noun
count, and the share of its uses in stories labelled with that category (the verb's
category is a good guess for the noun only where the noun is enriched there). Nouns already
in ``nominals.tsv`` are marked. Nothing is written: every row that ships in
``nominals.tsv`` was reviewed by hand against the CAMEO manual (see the file's header).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from detente.events.lexicon import read_shipped_lexicon
from detente.knowledge import load_knowledge

STORIES = Path(__file__).resolve().parents[1] / (
    "../shared/data/training/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv"
)
_BEFORE = r"(?:the|a|an|its|their|his|her|our|this|new|further|latest)"
_AFTER = r"(?:of|by|against|on|with|to|for|into|between)"


def nominal_forms(verb: str) -> set[str]:
    """Regular nominalisations of a verb lemma (over-generated; the corpus filters)."""
    forms = {verb, verb + "ing", verb + "ment", verb + "al", verb + "ance", verb + "ence"}
    stem = verb[:-1] if verb.endswith("e") else verb
    forms |= {stem + "ion", stem + "ation", stem + "ure", stem + "ing", stem + "al"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ial", verb[:-1] + "ication"}
    if verb.endswith(("ize", "ise")):
        forms.add(verb[:-1] + "ation")
    if verb.endswith("de"):
        forms.add(verb[:-2] + "sion")  # invade -> invasion
    if verb.endswith("t"):
        forms.add(verb[:-1] + "ssion")  # admit -> admission
    if verb.endswith("el"):
        forms.add(verb[:-2] + "ulsion")  # expel -> expulsion
    if (
        len(verb) > 2
        and verb[-1] not in "aeiouwy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms.add(verb + verb[-1] + "ing")  # ban -> banning
    return forms


def verb_codes() -> dict[str, str]:
    """Verb lemma -> the CAMEO code its bare form carries (own code, else the block's)."""
    lexicon = read_shipped_lexicon()
    codes: dict[str, str] = {}
    for word, entries in lexicon.verbs.items():
        for entry in entries:
            if entry.before or entry.after or "_" in word or " " in word:
                continue
            spec = entry.code or lexicon.blocks[entry.block].code
            if spec is not None and spec.forward and word == (entry.base or word):
                codes.setdefault(word, spec.forward)
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=STORIES)
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args()
    knowledge = load_knowledge()
    cameo, known = knowledge.cameo, knowledge.clause_words.nominals
    csv.field_size_limit(10**8)
    with args.stories.open(encoding="utf-8") as f:
        stories = [(row["label"], row["text"].lower()) for row in csv.DictReader(f)]
    candidates: dict[str, tuple[str, str, str]] = {}
    for verb, code in sorted(verb_codes().items()):
        entry = cameo.lookup(code)
        plover = entry.plover if entry is not None else None
        if not plover:
            continue
        for form in nominal_forms(verb):
            candidates.setdefault(form, (verb, code, plover))
    pattern = re.compile(rf"\b(?:{_BEFORE}) ([a-z-]+?)s?\b|\b([a-z-]+?)s? {_AFTER}\b")
    counts: dict[str, Counter] = defaultdict(Counter)
    for label, text in stories:
        for match in pattern.finditer(text):
            word = match.group(1) or match.group(2)
            if word in candidates:
                counts[word][label] += 1
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(("noun", "verb", "code", "plover", "count", "share_in_plover", "known"))
    rows = []
    for noun, by_label in counts.items():
        total = sum(by_label.values())
        if total < args.min_count:
            continue
        verb, code, plover = candidates[noun]
        share = by_label[plover] / total
        rows.append(
            (noun, verb, code, plover, total, f"{share:.2f}", "yes" if noun in known else "")
        )
    for row in sorted(rows, key=lambda r: (r[3], -float(r[5]), -r[4])):
        writer.writerow(row)


if __name__ == "__main__":
    main()
