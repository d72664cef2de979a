"""How many of the invented place sentences (tests/place_sentences.tsv) détente gets right.

    .venv/bin/python benchmarks/place_sentences.py [--show-all]

Each row names one name and what it must be (a place mention in a country, or no place).
Prints the misses and the count per case kind.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "place_sentences.tsv"
DATE = "2017-02-10"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-all", action="store_true")
    args = parser.parse_args()

    from detente.eval.places import check_place_case, read_place_cases
    from detente.nlp import load, make_doc
    from detente.records import Article

    cases = read_place_cases(CASES)
    nlp = load(stages=["actors"])
    texts = list(dict.fromkeys(case.text for case in cases))
    docs = nlp.pipe(
        make_doc(nlp, Article(ref=f"case-{i}", text=t, date=DATE)) for i, t in enumerate(texts)
    )
    mentions = {text: list(doc._.mentions or []) for text, doc in zip(texts, docs, strict=True)}
    right, total = Counter(), Counter()
    for case in cases:
        ok, got = check_place_case(case, mentions[case.text])
        total[case.case] += 1
        right[case.case] += ok
        if args.show_all or not ok:
            print(
                f"{'ok ' if ok else 'ERR'} {case.name!r:20} want {case.expect or '-'} got {got}  | {case.text}"
            )
    print()
    for kind in total:
        print(f"{right[kind]:3d}/{total[kind]:<3d} {kind}")
    print(f"{sum(right.values()):3d}/{sum(total.values()):<3d} all")


if __name__ == "__main__":
    main()
