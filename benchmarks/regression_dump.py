"""Dump every record détente extracts from a fixed set of texts, for before/after diffs.

    .venv/bin/python benchmarks/regression_dump.py --out before.jsonl
    ... change the code ...
    .venv/bin/python benchmarks/regression_dump.py --out after.jsonl
    diff before.jsonl after.jsonl   # empty when behaviour is unchanged

One JSON line per document: its set, ref and doc_id, then the mentions, actors, places,
quotes, events and problems the full pipeline wrote (``dataclasses.asdict``). The texts:
the seed article (dated 2017-02-10), ``examples/``, the PLOVER-GSR dev sentences, the
PolNeAR dev texts, the PETRARCH validation records (coded with that suite's dictionaries
alone, as ``detente eval petrarch`` does) and the first ``--corpus-n`` articles of each
corpus under ``../shared/data/corpora``. Reads ``../shared`` (a benchmark may).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_bcaaf4654188c388.txt"
EXAMPLE_DATES = {"abe_trump_2017.txt": "2017-02-10", "singapore_summit_2018.txt": "2018-06-12"}
CORPORA = (
    "allsides_international_politics.jsonl",
    "bbc_news_2004_2005.jsonl",
    "wikinews_politics_2004_2009.jsonl",
)
PETRARCH_DICTS = SHARED / "data" / "dictionaries" / "petrarch2"


def articles_of(paths: Iterable[Path], *, date: str | None = None, n: int | None = None):
    from detente.ingest import read_inputs
    from detente.records import Article

    count = 0
    for item in read_inputs([str(p) for p in paths], date=date):
        if isinstance(item, Article):
            yield item
            count += 1
            if n is not None and count >= n:
                return


def sets(corpus_n: int) -> Iterator[tuple[str, bool, list]]:
    """(set name, shipped knowledge?, articles) in a fixed order."""
    from detente.eval.events import read_petrarch_gold, read_plover_gold
    from detente.records import Article

    yield "seed", True, list(articles_of([SEED], date="2017-02-10"))
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix != ".md")
    yield (
        "examples",
        True,
        [a for p in examples for a in articles_of([p], date=EXAMPLE_DATES.get(p.name))],
    )
    plover = read_plover_gold(SHARED / "data" / "gold" / "plover" / "plover_gsr_dev.json")
    texts: dict[str, str | None] = {}
    for record in plover:
        texts.setdefault(record["text"], record.get("date"))
    yield "plover", True, [Article(ref="plover", text=t, date=d) for t, d in texts.items()]
    polnear = sorted((SHARED / "data" / "gold" / "polnear" / "dev" / "text").glob("*.txt"))
    yield (
        "polnear",
        True,
        [Article(ref=p.name, text=p.read_text(encoding="utf-8")) for p in polnear],
    )
    for name in CORPORA:
        yield name, True, list(articles_of([SHARED / "data" / "corpora" / name], n=corpus_n))
    records = read_petrarch_gold(SHARED / "data" / "gold" / "petrarch" / "unittest_dev.xml")
    yield (
        "petrarch",
        False,
        [Article(ref=r.record_id, text=r.text, date=r.date) for r in records if not r.error],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus-n", type=int, default=100)
    parser.add_argument("--only", nargs="*", help="Only these sets (seed, examples, plover ...).")
    args = parser.parse_args()

    from detente.nlp import load, make_doc

    shipped_nlp = None
    petrarch_nlp = None
    started = time.perf_counter()
    documents = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, shipped, articles in sets(args.corpus_n):
            if args.only and name not in args.only:
                continue
            if shipped:
                shipped_nlp = shipped_nlp or load()
                nlp = shipped_nlp
            else:
                petrarch_nlp = petrarch_nlp or load(
                    actor_files=[
                        str(PETRARCH_DICTS / "PETR.Validate.actors.txt"),
                        str(PETRARCH_DICTS / "PETR.Validate.agents.txt"),
                    ],
                    verb_files=[str(PETRARCH_DICTS / "PETR.Validate.verbs.txt")],
                    shipped_kb=False,
                )
                nlp = petrarch_nlp
            docs = (make_doc(nlp, article) for article in articles)
            for article, doc in zip(articles, nlp.pipe(docs, batch_size=32), strict=True):
                line = {"set": name, "ref": article.ref, "record": article.record}
                line["doc_id"] = doc._.doc_id
                for field in ("mentions", "actors", "places", "quotes", "events", "problems"):
                    line[field] = [dataclasses.asdict(r) for r in getattr(doc._, field) or ()]
                out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                documents += 1
            print(f"{name}: {len(articles)} documents", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"{documents} documents in {seconds:.0f} s -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
