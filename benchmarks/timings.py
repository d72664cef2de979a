"""Timing targets of single parts: knowledge loads, the quotes stage's share of the parse,
store writes. (They were asserts in the unit suite, where a loaded machine made them flaky
and a red test said nothing about the code.)

    python benchmarks/timings.py [--repeat 3] [--write BENCHMARKS.md]

Each measure is the fastest of ``--repeat`` runs:

* ``knowledge base``: CPU seconds of ``build_kb()`` (every shipped actor, place and agent
  table, read and indexed; target < 2 s);
* ``verb lexicon``: CPU seconds of ``read_shipped_lexicon()`` (target < 2 s);
* ``quotes stage``: the quotes stage's time over the bare spaCy parse's, on the user's
  example article three times over (target < 5 %);
* ``store write``: wall seconds of ``Store.write_results`` for 500 documents of 50
  mentions each into a fresh DuckDB file (target < 2 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from report import machine, markers, write_section

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_bcaaf4654188c388.txt"
MARK_BEGIN, MARK_END = markers("timings")
ABE = ("person:shinzo-abe", "Shinzo Abe", "JPNGOV", "JPN", "GOV")


def cpu_seconds(work, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def knowledge_base(repeat: int) -> float:
    from detente.kb.load import build_kb

    return cpu_seconds(build_kb, repeat)


def verb_lexicon(repeat: int) -> float:
    from detente.events.lexicon import read_shipped_lexicon

    return cpu_seconds(read_shipped_lexicon, repeat)


def quotes_share(repeat: int) -> tuple[float, int]:
    """(quotes stage seconds / spaCy seconds, quotes found) on the seed article x 3."""
    from detente.knowledge import load_knowledge
    from detente.nlp import load, make_doc
    from detente.quotes.component import QuoteExtractor
    from detente.records import Article

    nlp = load()
    article = Article(ref="seed", text=SEED.read_text(encoding="utf-8") * 3)
    ours = [name for name in nlp.pipe_names if name.startswith("detente_")]
    extractor = QuoteExtractor(nlp, knowledge=load_knowledge())
    spacy_times, quote_times = [], []
    with nlp.select_pipes(disable=ours):
        for _ in range(repeat):
            started = time.perf_counter()
            doc = nlp(make_doc(nlp, article))
            spacy_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            extractor(doc)
            quote_times.append(time.perf_counter() - started)
    return min(quote_times) / min(spacy_times), len(doc._.quotes)


def store_write(repeat: int) -> float:
    from detente.records import Article, DocResult, Mention
    from detente.store import Store

    best = float("inf")
    for _ in range(repeat):
        results = []
        for i in range(500):
            text = f"Report {i}: " + "Abe met Trump in Tokyo. " * 50
            article = Article(ref=f"r{i}", text=text, date="2017-02-10")
            mentions = [
                Mention(article.doc_id, 10 + 24 * k, 13 + 24 * k, "Abe", "person", *ABE, "kb")
                for k in range(50)
            ]
            results.append(DocResult(article, sentences=50, mentions=mentions))
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            started = time.perf_counter()
            written = store.write_results(results, run_id=0)
            best = min(best, time.perf_counter() - started)
            if written != 500 or store.stats()["mentions"] != 25_000:
                raise SystemExit(f"the store wrote {written} documents, not 500")
    return best


def bench(repeat: int) -> dict:
    share, quotes = quotes_share(repeat)
    return {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "repeat": repeat,
        "knowledge_base_cpu_s": round(knowledge_base(repeat), 2),
        "verb_lexicon_cpu_s": round(verb_lexicon(repeat), 2),
        "quotes_share": round(share, 4),
        "seed_quotes": quotes,
        "store_write_s": round(store_write(repeat), 2),
    }


def markdown(r: dict) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    return "\n".join(
        [
            MARK_BEGIN,
            f"Measured {r['date']} on {r['machine']}, fastest of {r['repeat']} runs.",
            f"Command: `make bench` (`python benchmarks/timings.py --repeat {r['repeat']} "
            "--write BENCHMARKS.md`).",
            "",
            "| part | measure | value | target | |",
            "|---|---|---:|---:|---|",
            f"| knowledge base (`build_kb()`) | CPU seconds | {r['knowledge_base_cpu_s']} | < 2 "
            f"| {met(r['knowledge_base_cpu_s'] < 2)} |",
            f"| verb lexicon (`read_shipped_lexicon()`) | CPU seconds | {r['verb_lexicon_cpu_s']} "
            f"| < 2 | {met(r['verb_lexicon_cpu_s'] < 2)} |",
            f"| quotes stage on the seed article x 3 ({r['seed_quotes']} quotes) | share of "
            f"the spaCy parse | {r['quotes_share']:.1%} | < 5 % | {met(r['quotes_share'] < 0.05)} |",
            f"| store: 500 documents of 50 mentions | seconds | {r['store_write_s']} | < 2 "
            f"| {met(r['store_write_s'] < 2)} |",
            MARK_END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    result = bench(args.repeat)
    print(json.dumps(result, indent=1))
    if args.write:
        write_section(args.write, markdown(result), name="timings", heading="Timings of parts")


if __name__ == "__main__":
    main()
