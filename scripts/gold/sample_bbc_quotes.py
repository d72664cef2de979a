"""Sample the BBC articles of the quote gold (issue 15) and write the annotators' work files.

Deterministic: the same corpus and seed give the same sample. The procedure:

1. eligible = records of ``bbc_news_2004_2005.jsonl`` in ``politics`` or ``business`` whose
   ``text`` has at least 150 whitespace-separated words, in record-id order, without
   repeats: a record whose title or text equals an earlier record's is left out (the
   dataset holds re-filed versions of one story, which must not land in both splits);
2. ``random.Random(SEED)`` draws 45 politics and 25 business records (``rng.sample``);
3. each category's draw is shuffled with the same generator and cut into dev and test
   (politics 23/22, business 12/13: 35 articles in each split);
4. 6 dev and 6 test articles are drawn (same generator) for double annotation.

Writes ``gold/quotes_bbc/articles.tsv`` (committed: ids, category, split, double, SHA-1 of
the text; no text) and, under the git-ignored ``gold/quotes_bbc/work/``, one text file per
article with numbered paragraphs for the annotators. ``--check`` only verifies that the
committed ``articles.tsv`` is what the procedure gives.

    .venv/bin/python scripts/gold/sample_bbc_quotes.py [--corpus PATH] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from detente.eval.quotes_gold import (
    ARTICLE_COLUMNS,
    ARTICLES_FILE,
    DEFAULT_CORPUS,
    DEFAULT_GOLD_DIR,
    paragraph_spans,
    record_file_name,
    short_hash,
)

SEED = 15  # the issue number
MIN_WORDS = 150
DRAW = {"politics": 45, "business": 25}
DEV_SHARE = {"politics": 23, "business": 12}
DOUBLE_PER_SPLIT = 6


def eligible_records(corpus: Path) -> dict[str, list[dict]]:
    with corpus.open(encoding="utf-8") as lines:
        records = sorted((json.loads(line) for line in lines), key=lambda record: record["id"])
    by_category: dict[str, list[dict]] = {category: [] for category in DRAW}
    seen: set[str] = set()
    for record in records:
        repeat = record["title"] in seen or record["text"] in seen
        seen.update((record["title"], record["text"]))
        if (
            not repeat
            and record["category"] in by_category
            and len(record["text"].split()) >= MIN_WORDS
        ):
            by_category[record["category"]].append(record)
    return by_category


def draw_sample(by_category: dict[str, list[dict]]) -> list[dict]:
    """The sampled records with ``split`` and ``double`` set, in record-id order."""
    rng = random.Random(SEED)
    sample = []
    for category, size in DRAW.items():
        chosen = rng.sample(by_category[category], size)
        rng.shuffle(chosen)
        for position, record in enumerate(chosen):
            split = "dev" if position < DEV_SHARE[category] else "test"
            sample.append({**record, "split": split, "double": False})
    sample.sort(key=lambda record: record["id"])
    for split in ("dev", "test"):
        in_split = [record for record in sample if record["split"] == split]
        for record in rng.sample(in_split, DOUBLE_PER_SPLIT):
            record["double"] = True
    return sample


def articles_table(sample: list[dict]) -> str:
    lines = ["\t".join(ARTICLE_COLUMNS)]
    for record in sample:
        double = "yes" if record["double"] else "no"
        lines.append(
            "\t".join(
                (
                    record["id"],
                    record["category"],
                    record["split"],
                    double,
                    short_hash(record["text"]),
                )
            )
        )
    return "\n".join(lines) + "\n"


def work_file(record: dict) -> str:
    """The article as annotators read it: a header, then ``[P<n>]`` before each paragraph."""
    text = record["text"]
    header = (
        f"# {record['id']}  split={record['split']}  double={'yes' if record['double'] else 'no'}\n"
        f"# title (context only, not annotated): {record['title']}\n"
        "# paragraphs are numbered as in the guideline; annotate every one.\n"
    )
    body = "\n\n".join(
        f"[P{n}] {text[start:end]}" for n, (start, end) in enumerate(paragraph_spans(text), 1)
    )
    return header + "\n" + body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--check", action="store_true", help="only verify articles.tsv")
    args = parser.parse_args(argv)
    sample = draw_sample(eligible_records(args.corpus))
    table = articles_table(sample)
    articles_path = args.gold_dir / ARTICLES_FILE
    if args.check:
        if not articles_path.is_file() or articles_path.read_text(encoding="utf-8") != table:
            print(f"{articles_path} differs from the seeded sample", file=sys.stderr)
            return 1
        print(f"{articles_path} matches the seeded sample ({len(sample)} articles)")
        return 0
    args.gold_dir.mkdir(parents=True, exist_ok=True)
    articles_path.write_text(table, encoding="utf-8")
    work_dir = args.gold_dir / "work"
    work_dir.mkdir(exist_ok=True)
    for record in sample:
        (work_dir / f"{record_file_name(record['id'])}.txt").write_text(
            work_file(record), encoding="utf-8"
        )
    counts = {
        (split, category): sum(
            1 for r in sample if r["split"] == split and r["category"] == category
        )
        for split in ("dev", "test")
        for category in DRAW
    }
    print(f"wrote {articles_path} and {len(sample)} work files under {work_dir}")
    for (split, category), n in counts.items():
        print(f"  {split} {category}: {n}")
    print(f"  double: {sum(r['double'] for r in sample)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
