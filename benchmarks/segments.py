"""Sentence segmentation: boundaries set before the parser vs. fixed after it (issue 9).

Three ways to get sentences that never cross a line break:

* ``none``: spaCy's parser alone (what détente did before ``detente_segments``);
* ``after``: the parser alone, then its sentences cut at line breaks (a boundary fix after
  parsing: the parse itself may still join words across the break);
* ``before``: the ``detente_segments`` stage sets the boundaries before the parser, which
  keeps them (what détente does).

For each: the share of the real-news gold's lead sentences (train and dev; the gold cut
lines first, then let spaCy split each line) that are exactly a sentence of ours; how many
sentences of ours cross a line break, and how many coded events come from them, on the
first N AllSides articles; the time to parse those articles.

Run: .venv/bin/python benchmarks/segments.py [--n 200]
"""

from __future__ import annotations

import argparse
import itertools
import json
import time

from spacy.tokens import Doc, Span

from detente import nlp as detente_nlp
from detente.eval.common import DEFAULT_SHARED_DIR
from detente.eval.realnews import load_gold
from detente.knowledge import load_knowledge
from detente.nlp import make_doc
from detente.nlp.segments import find_furniture
from detente.records import Article

furniture_rules = load_knowledge().news_furniture


def cut_at_breaks(doc: Doc) -> list[Span]:
    """The parser's sentences, cut after every whitespace token holding a line break."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text and token.i + 1 < sent.end:
                out.append(doc[start : token.i + 1])
                start = token.i + 1
        out.append(doc[start : sent.end])
    return out


def spans(sents) -> set[tuple[int, int]]:
    found = set()
    for sent in sents:
        words = [t for t in sent if not t.is_space]
        if words:
            found.add((words[0].idx, words[-1].idx + len(words[-1].text)))
    return found


def sentences_of(doc: Doc, way: str) -> list[Span]:
    return cut_at_breaks(doc) if way == "after" else list(doc.sents)


def boundary_agreement(nlp, way: str) -> tuple[int, int]:
    gold = load_gold("A")
    hits = total = 0
    for split in ("train", "dev"):
        articles = gold.documents(split)
        docs = nlp.pipe(make_doc(nlp, a) for a in articles)
        for key, doc in zip(gold.article_keys(split), docs, strict=True):
            ours = spans(sentences_of(doc, way))
            for sentence in gold.sentences[key]:
                total += 1
                hits += (sentence.start, sentence.end) in ours
    return hits, total


def allsides(n: int) -> list[Article]:
    path = DEFAULT_SHARED_DIR / "data" / "corpora" / "allsides_international_politics.jsonl"
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, n)]
    return [
        Article(
            ref=str(i),
            text=r["text"],
            title=r.get("title"),
            date=(r.get("date") or "")[:10] or None,
        )
        for i, r in enumerate(records)
        if r.get("text")
    ]


def crossing(nlp, articles: list[Article], way: str) -> dict[str, float]:
    coder = nlp.get_pipe("detente_events").coder
    from detente.events.participants import DocActors

    start = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16))
    seconds = time.perf_counter() - start
    sents = crossing_sents = events = crossing_events = 0
    for doc in docs:
        if way == "after":  # the furniture found after parsing, as the stage would
            doc._.furniture = find_furniture(doc.text, furniture_rules, title=doc._.article.title)
        actors = DocActors.build(doc)
        for sent in sentences_of(doc, way):
            crosses = "\n" in sent.text.strip()
            coded = coder.code_sentence(doc, sent, actors)
            sents += 1
            crossing_sents += crosses
            events += len(coded)
            crossing_events += crosses * len(coded)
    return {
        "seconds": seconds,
        "sentences": sents,
        "crossing sentences": crossing_sents,
        "events": events,
        "events from crossing sentences": crossing_events,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="AllSides articles to code")
    args = parser.parse_args()
    articles = allsides(args.n)
    for way in ("none", "after", "before"):
        nlp = detente_nlp.load()
        if way != "before":
            nlp.remove_pipe("detente_segments")
        hits, total = boundary_agreement(nlp, way)
        stats = crossing(nlp, articles, way)
        print(
            f"{way:6}: gold sentences matched {hits}/{total} ({hits / total:.3f}); "
            + "; ".join(
                f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in stats.items()
            )
        )


if __name__ == "__main__":
    main()
