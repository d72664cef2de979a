"""Show sampled sentences for annotation: id, corpus, date, title, the sentence, and its
article around it (the sentence in ``⟦ ⟧``), from the git-ignored work file.

    .venv/bin/python scripts/gold/show_places.py p001 p002 ...   # or p001-p010
    .venv/bin/python scripts/gold/show_places.py p001 --context 0  # whole article
"""

from __future__ import annotations

import argparse
import json

from places_corpus import WORK_DIR


def expand(ids: list[str]) -> list[str]:
    wanted = []
    for item in ids:
        first, _, last = item.partition("-")
        if last:
            wanted += [f"p{n:03d}" for n in range(int(first[1:]), int(last[1:]) + 1)]
        else:
            wanted.append(first)
    return wanted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ids", nargs="+")
    parser.add_argument("--context", type=int, default=900, help="characters each side; 0 = all")
    parser.add_argument("--lead", type=int, default=500, help="characters of the article start")
    args = parser.parse_args()
    items = {}
    with (WORK_DIR / "sentences.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            items[item["id"]] = item
    for sentence_id in expand(args.ids):
        item = items[sentence_id]
        article = item["article"]
        print(f"=== {sentence_id} | {item['corpus'][:8]} {item['record_id']} | {item['date']}")
        print(f"TITLE: {item['title']}")
        print(f"SENTENCE: {item['sentence']}")
        if args.context == 0:
            print(article)
        else:
            mark = article.index("⟦")
            start = max(0, mark - args.context)
            if start > args.lead:
                print(article[: args.lead].replace("\n", " / ") + " [...]")
            else:
                start = 0
            end = article.index("⟧") + 1 + args.context
            print(
                article[start:end].replace("\n", " / ") + (" [...]" if end < len(article) else "")
            )
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
