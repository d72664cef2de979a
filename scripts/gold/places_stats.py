"""Counts of the place gold, as Markdown: sentences and mentions per split, mentions by
type and role, countries left null, and the ambiguous names the sample was drawn for.

    .venv/bin/python scripts/gold/places_stats.py [ANNOTATOR]
"""

from __future__ import annotations

import sys
from collections import Counter

from places_corpus import GOLD_DIR, read_sentence_table

from detente.eval.places import PLACE_TYPES, ROLES, SPLITS, read_gold


def main(argv: list[str]) -> int:
    annotator = argv[0] if argv else "A"
    gold = read_gold(GOLD_DIR / f"gold.{annotator}.jsonl")
    rows = read_sentence_table()
    lines = [f"Annotator {annotator}: {len(gold)} sentences.", ""]
    lines += ["| | " + " | ".join(SPLITS) + " | all |", "|---" * (len(SPLITS) + 2) + "|"]

    def row(label: str, count) -> None:
        values = [count(s) for s in SPLITS]
        lines.append(f"| {label} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")

    by_split = {split: [s for s in gold if s.split == split] for split in SPLITS}
    row("sentences", lambda sp: len(by_split[sp]))
    row("articles", lambda sp: len({s.article for s in by_split[sp]}))
    row("double-annotated sentences", lambda sp: sum(s.double for s in by_split[sp]))
    row("sentences without a place", lambda sp: sum(not s.mentions for s in by_split[sp]))
    row("mentions", lambda sp: sum(len(s.mentions) for s in by_split[sp]))
    row("scored gold places (role place, country)", lambda sp: _count(by_split[sp], "scored"))
    for kind in PLACE_TYPES:
        row(f"type {kind}", lambda sp, k=kind: _count(by_split[sp], "type", k))
    for role in ROLES:
        row(f"role {role}", lambda sp, r=role: _count(by_split[sp], "role", r))
    row(
        "country null: multinational",
        lambda sp: _count(by_split[sp], "no_country", "multinational"),
    )
    row("country null: undecidable", lambda sp: _count(by_split[sp], "no_country", "undecidable"))
    row(
        "with claimants",
        lambda sp: sum(bool(m.claimants) for s in by_split[sp] for m in s.mentions),
    )
    row("with geonameid", lambda sp: _count(by_split[sp], "geonameid", None, negate=True))
    corpora = Counter(r.corpus for r in rows)
    lines += [
        "",
        "Sentences per corpus: " + ", ".join(f"{c} {n}" for c, n in sorted(corpora.items())),
    ]
    names = Counter(name for r in rows for name in r.names)
    lines += [
        "",
        f"Ambiguous names the sentences were sampled for ({len(names)} names, "
        "sentences containing each):",
        "",
        ", ".join(f"{name} {n}" for name, n in sorted(names.items(), key=lambda i: (-i[1], i[0]))),
    ]
    undecidable = [
        f"- `{s.id}` {m.text}: {m.note}"
        for s in gold
        for m in s.mentions
        if m.no_country == "undecidable"
    ]
    lines += ["", "Undecidable countries:", ""] + (undecidable or ["none"])
    print("\n".join(lines))
    return 0


def _count(sentences, field: str, value=True, *, negate: bool = False) -> int:
    total = 0
    for sentence in sentences:
        for mention in sentence.mentions:
            got = getattr(mention, field)
            total += (got != value) if negate else (got == value)
    return total


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
