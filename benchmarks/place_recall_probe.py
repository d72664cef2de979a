"""Unlabelled recall probe for place detection (issue 10), on corpus articles outside the gold.

    .venv/bin/python benchmarks/place_recall_probe.py [--n 40] [--seed 5] [--samples 6]

Takes N articles from each corpus of ``../shared/data/corpora/`` that have no sentence in
``gold/places/sentences.tsv`` (seeded, texts of at most 6,000 characters), runs the actors
stage on each, and looks at every occurrence of a well-known place name: the primary name
of a gazetteer country, first-level division or city of a million people or more, as a
whole word not glued to another capitalised word ("New York" holds no "York"). Each
occurrence gets an outcome:

* ``place``: a place mention (``is_place_mention``) overlaps it;
* ``actor``: an actor mention on exactly the name ("Japan said", "Moscow rejected") --
  right where the name acts, a miss where it locates;
* ``in-actor``: the name inside a longer actor mention ("the Iraqi government" is none;
  "Syria's president" is the owner);
* ``nothing``: no mention overlaps it, grouped by cause: the name crosses a token boundary
  (``tokenisation``), lies inside a longer entity of another label (``inside <LABEL>``:
  "the Paris Agreement", "Bank of England"), or the parser's label on it (``NER <LABEL>``,
  ``NER none``) -- a place-labelled name with no mention was dropped by a rule.

Every outcome is broken down by the name's place in its sentence (dependency and the
preposition or head word): ``actor`` on "pobj in" is a locative name read as a state that
acts. A second table counts the other names the parser labels GPE, LOC or FAC (towns, buildings,
streets, regions) the same way. The precision side is the ``place`` outcome on names inside a longer entity of
another label (organisations, people, laws, works) -- the guideline's "not place
mentions". No label is right or wrong here: read the samples.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
SENTENCES = ROOT / "gold" / "places" / "sentences.tsv"
BIG_CITY = 1_000_000
MAX_CHARS = 6000
PLACE_LABELS = ("GPE", "LOC", "FAC")
# an EVENT is left out: "the Iraq war" is a place mention (an event located by its name)
NOT_PLACE_LABELS = ("ORG", "PERSON", "LAW", "WORK_OF_ART", "PRODUCT", "NORP")


def gold_articles() -> set[tuple[str, str]]:
    rows = SENTENCES.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    corpus, record = header.index("corpus"), header.index("record_id")
    return {(r.split("\t")[corpus], r.split("\t")[record]) for r in rows[1:] if r}


def pick_articles(n: int, seed: int):
    from detente.ingest import read_inputs
    from detente.records import Article

    taken = gold_articles()
    chosen = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        pool = [
            a
            for a in read_inputs([path])
            if isinstance(a, Article)
            and (path.name, a.ref) not in taken
            and len(a.text) <= MAX_CHARS
        ]
        random.Random(seed).shuffle(pool)
        for article in pool[:n]:
            date = article.date or ("2005-01-15" if path.name.startswith("bbc") else None)
            chosen.append((path.name, article if date == article.date else _dated(article, date)))
    return chosen


def _dated(article, date):
    from dataclasses import replace

    return replace(article, date=date)


def well_known_names(gazetteer, min_city: int = BIG_CITY) -> re.Pattern:
    names = set()
    for place in gazetteer.by_id.values():
        if place.kind in ("country", "admin1") or (
            place.kind == "city" and place.population >= min_city
        ):
            if len(place.name) >= 4 and place.name[0].isupper():
                names.add(place.name)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


def glued(text: str, start: int, end: int) -> bool:
    """Next to another capitalised word on either side ("New York", "Paris Hilton")."""
    before = re.search(r"([A-Z][\w.]*) $", text[max(0, start - 30) : start])
    after = re.match(r" ([A-Z]\w*)", text[end : end + 30])
    if before and before.group(1) not in ("The", "In", "At", "To", "From", "For", "And"):
        line_start = text.rfind("\n", 0, start)
        sentence_start = max(text.rfind(". ", 0, start), line_start)
        if start - len(before.group(0)) > sentence_start + 2:
            return True
    return bool(after)


def context_of(doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "?"
    root = span.root
    anchor = root
    while anchor.dep_ in ("conj", "appos") and anchor.head.i < anchor.i:
        anchor = anchor.head
    if anchor.dep_ == "pobj":
        return f"pobj {anchor.head.lower_}"
    if anchor.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss"):
        return f"{anchor.dep_} ({anchor.head.lemma_.lower()})"
    return anchor.dep_


def nothing_cause(doc, start: int, end: int) -> str:
    span = doc.char_span(start, end)
    if span is None:
        return "tokenisation"
    for ent in doc.ents:
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return f"inside {ent.label_}"
    labels = {t.ent_type_ for t in span if t.ent_type_}
    return f"NER {'/'.join(sorted(labels)) or 'none'}"


class Probe:
    """The outcomes of one run, by name occurrence and by other place-labelled entity."""

    def __init__(self, pattern: re.Pattern, is_place) -> None:
        self.pattern, self.is_place = pattern, is_place
        self.counts: Counter = Counter()
        self.groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.wrong_side: list[str] = []
        self.rows: list[tuple[str, str, str]] = []
        self.entities: Counter = Counter()  # (NER label, outcome) of other place names
        self.entity_rows: dict[tuple[str, str], list[str]] = defaultdict(list)

    def add(self, doc) -> None:
        mentions = list(doc._.mentions or [])
        for match in self.pattern.finditer(doc.text):
            if not glued(doc.text, *match.span()):
                self._name(doc, mentions, *match.span())
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and not self.pattern.fullmatch(
                ent.text.removeprefix("the ")
            ):
                self._entity(doc, mentions, ent)

    def _name(self, doc, mentions, start: int, end: int) -> None:
        text = doc.text
        over = [m for m in mentions if m.start < end and start < m.end]
        places = [m for m in over if self.is_place(m)]
        if places:
            outcome = "place"
            cause = nothing_cause(doc, start, end)
            if cause.startswith("inside ") and cause.split()[1] in NOT_PLACE_LABELS:
                self.wrong_side.append(_show(text, start, end, f"{cause} -> {places[0].country}"))
        elif any(m.start == start and m.end == end for m in over):
            outcome = "actor"
        elif over:
            outcome = "in-actor"
        else:
            outcome = "nothing: " + nothing_cause(doc, start, end)
        where = context_of(doc, start, end)
        self.counts[outcome] += 1
        self.groups[(outcome, where)].append(_show(text, start, end, ""))
        self.rows.append((outcome, where, _show(text, start, end, "")))

    def _entity(self, doc, mentions, ent) -> None:
        over = [m for m in mentions if m.start < ent.end_char and ent.start_char < m.end]
        if any(self.is_place(m) for m in over):
            outcome = "place"
        else:
            outcome = "actor" if over else "nothing"
        self.entities[(ent.label_, outcome)] += 1
        if outcome != "place":
            self.entity_rows[(ent.label_, outcome)].append(
                _show(doc.text, ent.start_char, ent.end_char, "")
            )

    def report(self, articles: int, samples: int) -> None:
        total = sum(self.counts.values())
        print(f"{articles} articles, {total} occurrences of well-known place names\n")
        print("| outcome | n | share |\n|---|---|---|")
        for outcome, n in self.counts.most_common():
            print(f"| {outcome} | {n} | {n / total:.3f} |")
        print("\nother names the parser labels GPE, LOC or FAC:\n")
        print("| label | place | actor | nothing |\n|---|---|---|---|")
        for label in PLACE_LABELS:
            row = [self.entities[(label, o)] for o in ("place", "actor", "nothing")]
            print(f"| {label} | {' | '.join(map(str, row))} |")
        print(f"\nplace emitted inside a longer non-place entity: {len(self.wrong_side)}")
        _sample(self.wrong_side, samples * 2)
        for (label, outcome), lines in sorted(self.entity_rows.items()):
            print(f"\n{label} {outcome}: {len(lines)}")
            _sample(lines, samples)
        print("\nby outcome and the name's place in its sentence (not place outcomes):")
        for (outcome, where), lines in sorted(self.groups.items(), key=lambda i: -len(i[1])):
            if outcome != "place" and len(lines) >= 2:
                print(f"\n{outcome} / {where}: {len(lines)}")
                _sample(lines, samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="articles per corpus")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--samples", type=int, default=6, help="examples shown per group")
    parser.add_argument(
        "--min-city", type=int, default=BIG_CITY, help="smallest city population counted"
    )
    parser.add_argument("--dump", type=Path, help="write every occurrence here (TSV)")
    args = parser.parse_args()

    from detente.nlp import load, make_doc
    from detente.places import is_place_mention

    articles = pick_articles(args.n, args.seed)
    nlp = load(stages=["actors"])
    gazetteer = nlp.get_pipe("detente_actors").kb.gazetteer
    probe = Probe(well_known_names(gazetteer, args.min_city), is_place_mention)
    for doc in nlp.pipe((make_doc(nlp, a) for _c, a in articles), batch_size=16):
        probe.add(doc)
    if args.dump:
        args.dump.write_text("".join("\t".join(r) + "\n" for r in probe.rows), encoding="utf-8")
    probe.report(len(articles), args.samples)


def _sample(lines: list[str], n: int) -> None:
    for line in lines[:n]:
        print("   ", line)


def _show(text: str, start: int, end: int, note: str) -> str:
    left = text[max(0, start - 60) : start].replace("\n", " ")
    right = text[end : end + 40].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}... {note}".rstrip()


if __name__ == "__main__":
    main()
