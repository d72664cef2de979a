"""Throughput of `detente run` against bare spaCy on the same articles, in one process run.

    python benchmarks/throughput.py --n 500 --write BENCHMARKS.md

Both sides use the same spaCy model and batch size on the same N articles of the
AllSides corpus; the détente side is the full `run` (our stages + store writes into a
fresh DuckDB file). The ratio is détente words/s over bare spaCy words/s. The two sides
alternate batch by batch (bare spaCy parses a batch, then `run` codes it), so that a
shared machine slowing down or speeding up during the benchmark does not favour either.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import tempfile
import time
import warnings
from pathlib import Path

from report import markers, write_section

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "allsides_international_politics.jsonl"
MARK_BEGIN, MARK_END = markers("throughput")


def read_articles(path: Path, n: int):
    from detente.ingest import read_inputs
    from detente.records import Article

    out = []
    for item in read_inputs([str(path)]):
        if isinstance(item, Article):
            out.append(item)
            if len(out) >= n:
                break
    return out


def bench(n: int, batch_size: int, model: str | None) -> dict:
    from detente.nlp import _load_spacy, model_name
    from detente.pipeline import PipelineOptions, run
    from detente.store import Store

    articles = read_articles(CORPUS, n)
    words = sum(len(a.text.split()) for a in articles)
    name = model_name(model)

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        bare = _load_spacy(name)
    options = PipelineOptions(model=model)
    nlp = options.build()

    # warm both up on a few texts so neither pays first-call costs in the timing
    list(bare.pipe([a.text for a in articles[:5]]))
    list(nlp.pipe([a.text for a in articles[:5]]))

    # Interleaved: bare spaCy parses each batch right before `run` codes the same batch
    # (the generator below feeds `run` and times the bare parse on the way), so a change in
    # the machine's speed during the benchmark (the machines are shared) hits both sides
    # alike. Our time is the run's total minus the bare parses done inside it.
    bare_s = bare_cpu = 0.0

    def interleaved():
        nonlocal bare_s, bare_cpu
        for start in range(0, len(articles), batch_size):
            batch = articles[start : start + batch_size]
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in bare.pipe((a.text for a in batch), batch_size=batch_size):
                pass
            bare_s += time.perf_counter() - t0
            bare_cpu += time.process_time() - c0
            yield from batch

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            t0, c0 = time.perf_counter(), time.process_time()
            summary = run(interleaved(), store, options=options, batch_size=batch_size, nlp=nlp)
            ours_s = time.perf_counter() - t0 - bare_s
            ours_cpu = time.process_time() - c0 - bare_cpu

    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "model": name,
        "articles": len(articles),
        "words": words,
        "batch_size": batch_size,
        "bare_s": round(bare_s, 1),
        "bare_docs_s": round(len(articles) / bare_s, 2),
        "bare_words_s": round(words / bare_s),
        "ours_s": round(ours_s, 1),
        "ours_docs_s": round(len(articles) / ours_s, 2),
        "ours_words_s": round(words / ours_s),
        "ratio": round(bare_s / ours_s, 3),
        "bare_cpu_s": round(bare_cpu, 1),
        "ours_cpu_s": round(ours_cpu, 1),
        "cpu_ratio": round(bare_cpu / ours_cpu, 3),
        "load_average": round(os.getloadavg()[0], 1),
        "mentions": summary.mentions,
        "quotes": summary.quotes,
        "events": summary.events,
    }


def markdown(r: dict) -> str:
    return "\n".join(
        [
            MARK_BEGIN,
            f"Measured {r['date']} on {r['machine']}, model `{r['model']}`, "
            f"{r['articles']} AllSides articles ({r['words']:,} words), batch size {r['batch_size']}, one process; "
            "bare spaCy and `detente run` alternate batch by batch.",
            "Command: `make bench` (`python benchmarks/throughput.py --n 500 --write BENCHMARKS.md`).",
            "",
            "| pipeline | seconds | CPU seconds | docs/s | words/s |",
            "|---|---:|---:|---:|---:|",
            f"| bare spaCy `nlp.pipe` | {r['bare_s']} | {r['bare_cpu_s']} | {r['bare_docs_s']} "
            f"| {r['bare_words_s']:,} |",
            f"| `detente run` (all stages + DuckDB) | {r['ours_s']} | {r['ours_cpu_s']} "
            f"| {r['ours_docs_s']} | {r['ours_words_s']:,} |",
            "",
            f"**Throughput ratio: {r['ratio']}** (target ≥ 0.8; CPU-time ratio {r['cpu_ratio']}; "
            f"load average {r['load_average']} at the end). "
            f"Output: {r['mentions']:,} mentions, {r['quotes']:,} quotes, {r['events']:,} events.",
            MARK_END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    result = bench(args.n, args.batch_size, args.model)
    print(json.dumps(result, indent=1))
    if args.write:
        write_section(args.write, markdown(result), name="throughput", heading="Throughput")


if __name__ == "__main__":
    main()
