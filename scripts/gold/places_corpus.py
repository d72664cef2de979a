"""What the place-gold scripts share: the three corpora, their dates, sentence splitting,
and the committed sentence table ``gold/places/sentences.tsv``.

Articles are read through détente's own reader (``detente.ingest.read_inputs``), so every
offset written here is an offset into ``Article.text``: the record's ``text`` field as the
pipeline sees it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.eval.common import DEFAULT_SHARED_DIR
from detente.eval.places import SentenceRef
from detente.ingest import read_inputs
from detente.records import Article

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "gold" / "places"
SENTENCES_TSV = GOLD_DIR / "sentences.tsv"
WORK_DIR = GOLD_DIR / "work"
CORPORA_DIR = DEFAULT_SHARED_DIR / "data" / "corpora"

# corpus file -> date for records that carry none (the BBC stories are from 2004-2005)
CORPORA = {
    "allsides_international_politics.jsonl": None,
    "bbc_news_2004_2005.jsonl": "2005-01-15",
    "wikinews_politics_2004_2009.jsonl": None,
}

SENTENCE_COLUMNS = (
    "id",
    "corpus",
    "record_id",
    "date",
    "split",
    "double",
    "start",
    "end",
    "sha1_8",
    "names",
)

# A period after one of these does not end a sentence ("Mr. Abe", "St. Petersburg", "U.S. troops").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st ste gen sen rep reps gov lt col sgt capt cmdr maj adm prof rev fr "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos inc corp co ltd jr sr vs mt ft "
    "u.s u.n u.k e.g i.e a.m p.m pres atty supt sec dept est gov't approx".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


# Capitalised words that may stand before a place name without joining it ("In Paris").
_OPENERS = frozenset(
    "the in at from to for on and but as of by with after before since while when like near "
    "outside inside across both only even under than or if so a an".split()
)
# Capitalised words that may follow a place name without joining it ("in Paris Tuesday").
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([\w.'’-]+)")


def inside_longer_name(
    sentence: str, start: int, end: int, *, punctuation_breaks: bool = False
) -> bool:
    """A match joined to a capitalised word is part of another name: "New York",
    "North Carolina", "Fidel Castro", "Mr. Bolton", "Washington Post". The sampler counts
    a capitalised word with trailing punctuation as joined too ("Perth, Australia" does not
    count "Australia"); ``punctuation_breaks`` lets a comma or colon separate names."""
    before = _WORD_BEFORE.search(sentence[:start])
    if before is not None:
        word = before.group(1)
        separated = punctuation_breaks and not (word[-1].isalpha() or word[-1] == ".")
        if word[:1].isupper() and word.lower() not in _OPENERS and not separated:
            return True
    after = _WORD_AFTER.search(sentence[end:])
    if after is not None:
        word = after.group(1)
        if word[:1].isupper() and word.lower() not in _CALENDAR:
            return True
    return False


@dataclass(frozen=True, slots=True)
class SentenceRow(SentenceRef):
    """A row of ``sentences.tsv``: the reference and the ambiguous names it was drawn for."""

    names: tuple[str, ...]


def read_articles(corpus: str) -> Iterator[Article]:
    """Every readable article of one corpus file, with the corpus date default."""
    for item in read_inputs([CORPORA_DIR / corpus], date=CORPORA[corpus]):
        if isinstance(item, Article):
            yield item


def articles_by_id(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Article]:
    """The articles named by (corpus, record id) pairs."""
    found: dict[tuple[str, str], Article] = {}
    for corpus in sorted({corpus for corpus, _ in wanted}):
        for article in read_articles(corpus):
            if (corpus, article.ref) in wanted:
                found[(corpus, article.ref)] = article
    return found


def _ends_sentence(text: str, period: int) -> bool:
    """Whether the punctuation at ``period`` ends a sentence (not "Mr." or an initial)."""
    word = _LAST_WORD.search(text, 0, period + 1)
    if word is None:
        return True
    token = word.group(1).lstrip('"“‘([').rstrip(".!?").lower()
    if text[period] != ".":
        return True
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of ``text``: lines are split at sentence-final
    punctuation followed by a capital, a digit or an opening quote; leading and trailing
    white space is not part of a sentence."""
    offset = 0
    for line in text.split("\n"):
        begin = 0
        for match in _BOUNDARY.finditer(line):
            if _ends_sentence(line, match.start()):
                yield from _trimmed(line, offset, begin, match.end())
                begin = match.end()
        yield from _trimmed(line, offset, begin, len(line))
        offset += len(line) + 1


def _trimmed(line: str, offset: int, begin: int, end: int) -> Iterator[tuple[int, int]]:
    piece = line[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield offset + begin + lead, offset + begin + lead + len(stripped)


def read_sentence_table(path: Path = SENTENCES_TSV) -> list[SentenceRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        SentenceRow(
            id=row["id"],
            corpus=row["corpus"],
            record_id=row["record_id"],
            date=row["date"],
            split=row["split"],
            double=row["double"] == "1",
            start=int(row["start"]),
            end=int(row["end"]),
            sha1_8=row["sha1_8"],
            names=tuple(name for name in row["names"].split("|") if name),
        )
        for row in rows
    ]


def write_sentence_table(rows: list[SentenceRow], path: Path = SENTENCES_TSV) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(SENTENCE_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.id,
                    row.corpus,
                    row.record_id,
                    row.date,
                    row.split,
                    "1" if row.double else "0",
                    row.start,
                    row.end,
                    row.sha1_8,
                    "|".join(row.names),
                ]
            )
