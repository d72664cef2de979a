"""How often a lead's first segment starts with furniture run into it (issue 9).

Samples N articles of each corpus (AllSides, BBC, Wikinews; seeded), runs the pipeline on the
first lines of each, and takes the lead: the first sentence with words that is not furniture
(what the stages read first). Prints, per corpus, how many leads follow furniture that the
``detente_segments`` stage cut off their line (a dateline, "Story highlights", the headline,
a wiki label), by kind, and with ``--show`` each such lead. Run it with ``--all`` on a branch
and on its base and diff the leads: a lead that changed had furniture glued to it before.

    PYTHONPATH=src .venv/bin/python benchmarks/lead_furniture.py [--n 200] [--seed 26] [--show]

``--all`` prints every sampled lead (its first 100 characters) and the events coded on its
line, to check by eye what the rules miss and what the cut changes.
"""

from __future__ import annotations

import argparse
import json
import random

from detente import nlp as detente_nlp
from detente.eval.common import DEFAULT_SHARED_DIR
from detente.nlp import make_doc
from detente.nlp.segments import is_furniture_sentence
from detente.records import Article

CORPORA = {
    "allsides": "allsides_international_politics.jsonl",
    "bbc": "bbc_news_2004_2005.jsonl",
    "wikinews": "wikinews_politics_2004_2009.jsonl",
}
HEAD_CHARS = 3000  # the lead lies in the first lines; parsing the rest would only cost time


def sample(corpus: str, n: int, seed: int) -> list[Article]:
    path = DEFAULT_SHARED_DIR / "data" / "corpora" / CORPORA[corpus]
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows = [r for r in rows if (r.get("text") or "").strip()]
    chosen = random.Random(seed).sample(rows, n)
    return [
        Article(ref=f"{corpus}-{i}", text=r["text"][:HEAD_CHARS], title=r.get("title"))
        for i, r in enumerate(chosen)
    ]


def lead(doc):
    """The first sentence with words that is not furniture, or None."""
    furniture = doc._.furniture or []
    for sent in doc.sents:
        if any(not t.is_space for t in sent) and not is_furniture_sentence(furniture, sent):
            return sent
    return None


def cut_before(doc, sent) -> str | None:
    """The kind of the furniture cut off the lead's line right before the lead, or None."""
    line_start = doc.text.rfind("\n", 0, sent.start_char) + 1
    for f in doc._.furniture or []:
        if line_start <= f.start and f.end <= sent.start_char:
            if not doc.text[f.end : sent.start_char].strip():
                return f.kind
    return None


def line_events(doc, sent) -> str:
    """The events coded on the lead's line: code, source and target codes."""
    start = doc.text.rfind("\n", 0, sent.start_char) + 1
    end = doc.text.find("\n", sent.start_char)
    end = len(doc.text) if end < 0 else end
    return " ".join(
        f"{e.cameo}:{e.source.code if e.source else '-'}>{e.target.code if e.target else '-'}"
        for e in doc._.events or []
        if start <= e.sentence_start < end
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    nlp = detente_nlp.load()
    for corpus in CORPORA:
        articles = sample(corpus, args.n, args.seed)
        docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16)
        hits: dict[str, int] = {}
        for doc in docs:
            sent = lead(doc)
            if sent is None:
                continue
            kind = cut_before(doc, sent)
            if kind is not None:
                hits[kind] = hits.get(kind, 0) + 1
            text = " ".join(sent.text.split())[:100]
            if args.all or (args.show and kind is not None):
                print(f"{corpus}\t{kind or '-'}\t{text}\t{line_events(doc, sent)}")
        total = sum(hits.values())
        print(f"{corpus}: {total}/{args.n} leads follow furniture cut off their line {hits}")


if __name__ == "__main__":
    main()
