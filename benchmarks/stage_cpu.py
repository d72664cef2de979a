"""CPU time of détente's own stages alone, on articles spaCy has parsed already.

    .venv/bin/python benchmarks/stage_cpu.py [--n 200] [--repeat 5]

The throughput ratio of ``make bench`` is mostly spaCy's parse, and moves with the load
of the machine; this measures only what our stages add. The first N AllSides articles
are parsed once by the bare model and kept (``--cache``); each repeat runs our stages on
fresh copies of those parses and adds up the process CPU time per stage; the fastest
repeat is reported.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "allsides_international_politics.jsonl"


def parsed_articles(n: int, cache: Path):
    """(articles, DocBin of their bare parses), parsed once and kept in ``cache``."""
    from spacy.tokens import DocBin

    from detente.ingest import read_inputs
    from detente.nlp import _load_spacy, model_name
    from detente.records import Article

    docs_path, meta_path = cache / f"parsed-{n}.spacy", cache / f"parsed-{n}.json"
    if not docs_path.exists():
        articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)][:n]
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            bare = _load_spacy(model_name())
        docs = DocBin(store_user_data=False)
        for doc in bare.pipe((a.text for a in articles), batch_size=32):
            docs.add(doc)
        docs.to_disk(docs_path)
        meta_path.write_text(json.dumps([[a.ref, a.text, a.date] for a in articles]))
    rows = json.loads(meta_path.read_text())
    return [Article(ref=r, text=t, date=d) for r, t, d in rows], DocBin().from_disk(docs_path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()

    from detente.nlp import load, parse_date
    from detente.nlp.segments import find_furniture

    articles, parsed = parsed_articles(args.n, args.cache)
    nlp = load()
    stages = [(name, pipe) for name, pipe in nlp.pipeline if name.startswith("detente_")]
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        seconds = dict.fromkeys((name for name, _ in stages), 0.0)
        for doc, article in zip(parsed.get_docs(nlp.vocab), articles, strict=True):
            doc._.article, doc._.doc_id = article, article.doc_id
            doc._.date = parse_date(article.date)
            for name, pipe in stages:
                started = time.process_time()
                if name == "detente_segments":
                    # it runs before the parser; on a parsed doc only its furniture is found
                    title = article.title
                    doc._.furniture = find_furniture(doc.text, pipe.rules, title=title)
                else:
                    pipe(doc)
                seconds[name] += time.process_time() - started
        best = {name: min(best.get(name, float("inf")), s) for name, s in seconds.items()}
    print(json.dumps({"articles": len(articles), **{k: round(v, 2) for k, v in best.items()}}))


if __name__ == "__main__":
    main()
