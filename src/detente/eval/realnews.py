"""Score event coding against our real-news gold (issue 9), and annotators against each other.

The gold lives in ``gold/realnews/`` (see ``docs/gold/events-guideline.md``):

* ``articles.tsv``  corpus, record_id, date, split, double, n_sentences — the sampled articles;
* ``sentences.tsv`` corpus, record_id, n, start, end, sha1_8 — the annotated lead sentences,
  as character offsets into the record's ``text`` field (no text is stored in the repository);
* ``gold.<annotator>.jsonl`` — written by ``scripts/gold/build_realnews.py`` from the
  annotation files: one ``{"type": "article"}`` line per annotated article (so articles
  without events still count) and one ``{"type": "event"}`` line per gold event.

The corpus texts are read from ``../shared/data/corpora/`` and checked against the sentence
hashes, so a changed corpus file is an error rather than silently shifted offsets.

**Matching.** A predicted event belongs to the gold sentence that contains its trigger start.
Within a sentence, gold and predicted events are paired one to one (a maximum matching) when
they agree on the event type and on the actors: the source's *country* (ISO3, or the first
three letters of an organization code: IGO, NGO, IMG, ...) and the target's country. A gold
event marked ``symmetric`` (they met, talked, agreed with each other), or a predicted one,
matches either direction; a gold event without target matches only a prediction without target.

**Variants.** The event type is the PLOVER category (``plover``: root 01 statements have
none, so they are left out on both sides), the CAMEO root (``root``) or the full CAMEO code
(``code``). *Strict* compares gold events whose factuality is ``asserted`` with predictions
that claim the event happened (not negated, modality ``asserted``); *lenient* ignores
factuality on both sides. The headline number is strict PLOVER.

**Confidence intervals**: the article is the unit; 95 % intervals are the 2.5th and 97.5th
percentiles of P/R/F1 over 1,000 resamples of the articles with replacement (seeded).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from detente.errors import InputError
from detente.eval.common import DEFAULT_SHARED_DIR, prf, ratio
from detente.ingest.decode import replace_lone_surrogates
from detente.records import MODALITIES, Article, Event, make_doc_id

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_GOLD_DIR = ROOT / "gold" / "realnews"
DEFAULT_CORPORA_DIR = DEFAULT_SHARED_DIR / "data" / "corpora"

# Short corpus names used in the gold files -> file in ../shared/data/corpora/.
CORPORA = {
    "allsides": "allsides_international_politics.jsonl",
    "bbc": "bbc_news_2004_2005.jsonl",
    "wikinews": "wikinews_politics_2004_2009.jsonl",
}
BBC_DATE = "2005-01-15"  # the BBC records have no date; the dataset covers 2004-2005

ASSERTED = "asserted"
FACTUALITIES = (ASSERTED, "negated", *MODALITIES[1:])
MAIN_SPLITS = ("train", "dev", "test")  # the main draw (scripts/gold/sample_realnews.py)
# Drawn later and annotated blind: dev2, a second dev split; test2, a second test split (the
# first was scored too often), test3 … test6, a third to a sixth (each drawn once the one before
# it was spent), each scored once by the lead.
SPLITS = (*MAIN_SPLITS, "dev2", "test2", "test3", "test4", "test5", "test6")
# The latest test split is fresh: scored once, at the end, by the lead, and read by no one
# before. The earlier ones were each scored once and their errors read since: development data
# now (what a change may be measured on, what the acceptor is fitted on).
FRESH_SPLIT = [split for split in SPLITS if split.startswith("test")][-1]
DEVELOPMENT_SPLITS = tuple(split for split in SPLITS if split != FRESH_SPLIT)
ARTICLE_COLUMNS = ("corpus", "record_id", "date", "split", "double", "n_sentences")
SENTENCE_COLUMNS = ("corpus", "record_id", "n", "start", "end", "sha1_8")
LEVELS = ("plover", "root", "code")
MODES = ("strict", "lenient")
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 9


# ---------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus: str
    record_id: str
    date: str
    split: str
    double: bool
    n_sentences: int

    @property
    def key(self) -> str:
        return f"{self.corpus}:{self.record_id}"

    @property
    def stem(self) -> str:
        return article_stem(self.corpus, self.record_id)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    article: str  # "<corpus>:<record_id>"
    n: int
    start: int
    end: int
    sha1_8: str


def article_stem(corpus: str, record_id: str) -> str:
    """File name (without suffix) of an article's work and annotation files."""
    return f"{corpus}__{re.sub(r'[^A-Za-z0-9_.-]', '-', record_id)}"


def sentence_hash(text: str) -> str:
    """First 8 hex digits of the SHA-1 of a sentence's text (drift check)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _read_tsv(path: Path, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            if tuple(reader.fieldnames or ()) != tuple(columns):
                raise InputError(
                    str(path), "bad-header", f"header must be {', '.join(columns)}", record="1"
                )
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except OSError as e:
        raise InputError(str(path), "unreadable", f"cannot read: {e}") from e


def read_articles(gold_dir: Path = DEFAULT_GOLD_DIR) -> list[GoldArticle]:
    """``articles.tsv`` in file order (the annotation order within each split)."""
    path = gold_dir / "articles.tsv"
    articles = []
    for number, row in _read_tsv(path, ARTICLE_COLUMNS):
        try:
            article = GoldArticle(
                corpus=row["corpus"],
                record_id=row["record_id"],
                date=row["date"],
                split=row["split"],
                double=row["double"] == "yes",
                n_sentences=int(row["n_sentences"]),
            )
        except (TypeError, ValueError) as e:
            raise InputError(str(path), "bad-row", f"bad row: {e}", record=str(number)) from e
        if article.corpus not in CORPORA or article.split not in SPLITS:
            raise InputError(
                str(path), "bad-row", f"unknown corpus or split in {row}", record=str(number)
            )
        articles.append(article)
    return articles


def read_sentences(gold_dir: Path = DEFAULT_GOLD_DIR) -> dict[str, tuple[GoldSentence, ...]]:
    """``sentences.tsv`` grouped by article key, each article's sentences in order."""
    path = gold_dir / "sentences.tsv"
    grouped: dict[str, list[GoldSentence]] = defaultdict(list)
    for number, row in _read_tsv(path, SENTENCE_COLUMNS):
        try:
            sentence = GoldSentence(
                article=f"{row['corpus']}:{row['record_id']}",
                n=int(row["n"]),
                start=int(row["start"]),
                end=int(row["end"]),
                sha1_8=row["sha1_8"],
            )
        except (TypeError, ValueError) as e:
            raise InputError(str(path), "bad-row", f"bad row: {e}", record=str(number)) from e
        if sentence.n != len(grouped[sentence.article]):
            raise InputError(
                str(path), "bad-row", f"sentence numbers of {sentence.article} are not 0, 1, 2...",
                record=str(number),
            )  # fmt: skip
        grouped[sentence.article].append(sentence)
    return {key: tuple(sentences) for key, sentences in grouped.items()}


# The corpus files write the record id first; reading it off the line skips decoding the rest.
_LEADING_ID = re.compile(r'\{"(?:ID|id)": "((?:[^"\\]|\\.)*)"')


def corpus_records(
    corpus: str, corpora_dir: Path = DEFAULT_CORPORA_DIR, *, only: set[str] | None = None
) -> Iterable[dict]:
    """The records of one corpus file, with ``_line`` (1-based) and ``_id`` added;
    with ``only``, just the records with those ids."""
    path = corpora_dir / CORPORA[corpus]
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                leading = _LEADING_ID.match(line) if only is not None else None
                if leading is not None and json.loads(f'"{leading[1]}"') not in only:
                    continue
                record = json.loads(line)
                record["_line"] = number
                record["_id"] = str(record.get("ID", record.get("id")))
                if only is None or record["_id"] in only:
                    yield record
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(str(path), "unreadable", f"cannot read the corpus: {e}") from e


def record_text(record: Mapping) -> str:
    """The record's text as détente reads it (``Article.text``: lone surrogates replaced)."""
    return replace_lone_surrogates(record["text"]).text


def load_texts(
    keys: Iterable[str], corpora_dir: Path = DEFAULT_CORPORA_DIR
) -> dict[str, dict[str, str]]:
    """Article key -> {"text", "title", "date", "source", "url"} for the requested articles."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        corpus, _, record_id = key.partition(":")
        wanted[corpus].add(record_id)
    found: dict[str, dict[str, str]] = {}
    for corpus, ids in wanted.items():
        if corpus not in CORPORA:
            raise InputError(key, "unknown-corpus", f"unknown corpus {corpus!r}")
        for record in corpus_records(corpus, corpora_dir, only=ids):
            found[f"{corpus}:{record['_id']}"] = {
                "text": record_text(record),
                "title": record.get("title") or "",
                "date": record.get("date") or "",
                # what a run over the corpus file reads too: the outlet and its address
                # are evidence for actors (an outlet's home country)
                "source": record.get("source") or "",
                "url": record.get("url") or "",
            }
        missing = sorted(ids - {k.partition(":")[2] for k in found if k.startswith(corpus + ":")})
        if missing:
            raise InputError(
                str(corpora_dir / CORPORA[corpus]), "missing-record",
                f"records not found: {', '.join(missing[:5])}",
            )  # fmt: skip
    return found


def check_sentences(sentences: Mapping[str, Sequence[GoldSentence]], texts: Mapping) -> None:
    """Raise when a sentence's text no longer hashes to what the index recorded."""
    for key, article_sentences in sentences.items():
        text = texts[key]["text"]
        for sentence in article_sentences:
            if sentence_hash(text[sentence.start : sentence.end]) != sentence.sha1_8:
                raise InputError(
                    key, "text-drift",
                    f"sentence {sentence.n} ({sentence.start}-{sentence.end}) does not match "
                    "its hash: the corpus text changed",
                )  # fmt: skip


# ---------------------------------------------------------------- gold events


def actor_key(code: str | None, country: str | None = None) -> str | None:
    """What the scorer compares: the ISO3 country, else an organization code's prefix."""
    if country:
        return country
    return code[:3] if code else None


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    start: int | None  # None for an implicit actor (no mention anywhere)
    end: int | None
    code: str | None  # CAMEO actor code as of the article date; None = unknown
    outside: bool = False  # the mention is outside the sentence (e.g. a pronoun's antecedent)
    implicit: bool = False  # not mentioned at all (a domestic act's own country)

    @property
    def key(self) -> str | None:
        return actor_key(self.code)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article: str
    annotator: str
    n: int
    sentence_start: int
    sentence_end: int
    trigger: str
    start: int  # trigger offsets in the article text
    end: int
    source: GoldActor
    target: GoldActor | None
    cameo: str
    plover: str | None
    factuality: str
    symmetric: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class AnnotatorGold:
    """One annotator's gold: the articles they completed and their events."""

    annotator: str
    articles: frozenset[str]
    events: tuple[GoldEvent, ...]


def _actor(value: Mapping | None) -> GoldActor | None:
    if value is None:
        return None
    return GoldActor(
        text=value["text"],
        start=value.get("start"),
        end=value.get("end"),
        code=value.get("code"),
        outside=bool(value.get("outside", False)),
        implicit=bool(value.get("implicit", False)),
    )


def event_record(event: GoldEvent) -> dict:
    """The JSON object of a gold event (one line of ``gold.<annotator>.jsonl``)."""
    return {"type": "event", **dataclasses.asdict(event)}


def read_gold(path: Path) -> AnnotatorGold:
    """Read ``gold.<annotator>.jsonl`` (written by scripts/gold/build_realnews.py)."""
    articles: set[str] = set()
    events: list[GoldEvent] = []
    annotator = ""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), "unreadable", f"cannot read: {e}") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            kind = record.pop("type")
            if kind == "article":  # events keep the annotator who made them (A1 in gold.A)
                annotator = record["annotator"]
                articles.add(record["article"])
            elif kind == "event":
                record["source"] = _actor(record["source"])
                record["target"] = _actor(record["target"])
                events.append(GoldEvent(**record))
            else:
                raise ValueError(f"unknown record type {kind!r}")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise InputError(
                str(path), "bad-gold", f"bad gold line: {e}", record=str(number)
            ) from e
    return AnnotatorGold(annotator, frozenset(articles), tuple(events))


# ---------------------------------------------------------------- predictions


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted event reduced to what the scorer compares."""

    doc_id: str
    start: int  # trigger start
    plover: str | None
    cameo: str
    source: str | None  # actor key (country or organization prefix)
    target: str | None
    factuality: str  # "asserted" when the prediction claims the event happened
    symmetric: bool = False  # a mutual act: matches either direction

    @property
    def asserted(self) -> bool:
        return self.factuality == ASSERTED


def _key_of(actor) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, Mapping):
        return actor_key(actor.get("code"), actor.get("country"))
    return actor_key(actor.code, actor.country)


def to_prediction(
    event: Event | Mapping, *, asserted_modalities: Iterable[str] = (ASSERTED,)
) -> Prediction:
    """An ``Event`` (or a dict with its fields) as a Prediction.

    A dict may carry ``factuality`` directly; otherwise it is ``negated`` when the event is
    negated, ``asserted`` when its ``modality`` is one of ``asserted_modalities``, and the
    modality itself otherwise.
    """
    get = (
        event.get
        if isinstance(event, Mapping)
        else lambda name, default=None: getattr(event, name, default)
    )
    factuality = get("factuality")
    if factuality is None:
        modality = get("modality", ASSERTED) or ASSERTED
        if get("negated", False):
            factuality = "negated"
        elif modality in set(asserted_modalities):
            factuality = ASSERTED
        else:
            factuality = modality
    start = get("start")
    if start is None:
        trigger = get("trigger")
        start = trigger["start"] if isinstance(trigger, Mapping) else trigger.start
    return Prediction(
        doc_id=get("doc_id"),
        start=int(start),
        plover=get("plover"),
        cameo=str(get("cameo")),
        source=_key_of(get("source")),
        target=_key_of(get("target")),
        factuality=factuality,
        symmetric=bool(get("symmetric", False)),
    )


def gold_as_predictions(gold: AnnotatorGold, doc_ids: Mapping[str, str]) -> list[Prediction]:
    """One annotator's events as predictions (for agreement)."""
    return [
        Prediction(
            doc_id=doc_ids[event.article],
            start=event.start,
            plover=event.plover,
            cameo=event.cameo,
            source=event.source.key,
            target=event.target.key if event.target else None,
            factuality=event.factuality,
            symmetric=event.symmetric,
        )
        for event in gold.events
    ]


# ---------------------------------------------------------------- matching


def _same_type(gold: GoldEvent, pred: Prediction, level: str) -> bool:
    if level == "plover":
        return gold.plover is not None and pred.plover == gold.plover
    if level == "root":
        return pred.cameo[:2] == gold.cameo[:2]
    return pred.cameo == gold.cameo


def _same_actors(gold: GoldEvent, pred: Prediction) -> bool:
    source = gold.source.key
    target = gold.target.key if gold.target else None
    if pred.source == source and pred.target == target:
        return True
    symmetric = gold.symmetric or pred.symmetric
    return symmetric and target is not None and (pred.source, pred.target) == (target, source)


def _max_matching(edges: Sequence[Sequence[int]], n_right: int) -> list[int]:
    """A maximum bipartite matching (Kuhn's augmenting paths): for each right node, the left
    node it is matched to or -1. ``edges[i]`` lists the right nodes left node i may take."""
    owner = [-1] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if not seen[right]:
                seen[right] = True
                if owner[right] == -1 or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in range(len(edges)):
        augment(left, [False] * n_right)
    return owner


def _in_scope(item: GoldEvent | Prediction, level: str, mode: str) -> bool:
    if level == "plover" and item.plover is None:
        return False
    if mode == "strict":
        return item.factuality == ASSERTED
    return True


def _scorable(event: GoldEvent) -> bool:
    """Gold events whose actors are known well enough to be compared."""
    return event.source.key is not None and (event.target is None or event.target.key is not None)


@dataclass(frozen=True, slots=True)
class Counts:
    correct: int = 0  # matched pairs
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold
        )


def _sentence_counts(
    gold: Sequence[GoldEvent], preds: Sequence[Prediction], level: str, mode: str
) -> tuple[Counts, list[GoldEvent], list[Prediction]]:
    """Counts for one sentence, plus the gold events and predictions left unmatched."""
    gold = [g for g in gold if _in_scope(g, level, mode)]
    preds = [p for p in preds if _in_scope(p, level, mode)]
    edges = [
        [j for j, p in enumerate(preds) if _same_type(g, p, level) and _same_actors(g, p)]
        for g in gold
    ]
    owner = _max_matching(edges, len(preds))
    matched = {i for i in owner if i != -1}
    missed = [g for i, g in enumerate(gold) if i not in matched]
    spurious = [p for j, p in enumerate(preds) if owner[j] == -1]
    return Counts(len(matched), len(preds), len(gold)), missed, spurious


# ---------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Score:
    """P/R/F1 with counts and, when computed, article-bootstrap 95 % intervals."""

    correct: int
    predicted: int
    gold: int
    precision: float
    recall: float
    f1: float
    ci: dict[str, tuple[float, float]] | None = None  # "precision"/"recall"/"f1" -> (lo, hi)

    @classmethod
    def of(cls, counts: Counts, ci: dict[str, tuple[float, float]] | None = None) -> Score:
        p, r, f = prf(counts.correct, counts.predicted, counts.gold)
        return cls(counts.correct, counts.predicted, counts.gold, p, r, f, ci)


def bootstrap_ci(
    per_article: Sequence[Counts],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, tuple[float, float]]:
    """95 % percentile intervals of P/R/F1 over resamples of the articles."""
    counts = np.array([(c.correct, c.predicted, c.gold) for c in per_article], dtype=float)
    if len(counts) == 0:
        return {name: (0.0, 0.0) for name in ("precision", "recall", "f1")}
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(counts), size=(resamples, len(counts)))
    sums = counts[picks].sum(axis=1)  # (resamples, 3)
    correct, predicted, gold = sums[:, 0], sums[:, 1], sums[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, correct / predicted, 0.0)
        recall = np.where(gold > 0, correct / gold, 0.0)
        total = precision + recall
        f1 = np.where(total > 0, 2 * precision * recall / total, 0.0)
    return {
        name: (float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5)))
        for name, values in (("precision", precision), ("recall", recall), ("f1", f1))
    }


@dataclass(frozen=True, slots=True)
class SentenceErrors:
    """What went wrong in one sentence under strict PLOVER scoring."""

    article: str
    n: int
    missed: tuple[GoldEvent, ...]
    spurious: tuple[Prediction, ...]


@dataclass(slots=True)
class RealnewsScores:
    split: str | None
    annotator: str
    articles: int
    sentences: int
    skipped_gold: int  # gold events whose actor codes are unknown (not scored)
    variants: dict[str, Score] = field(default_factory=dict)  # "strict-plover", "lenient-root"...
    by_category: dict[str, Score] = field(default_factory=dict)  # strict PLOVER
    by_category_lenient: dict[str, Score] = field(default_factory=dict)
    errors: list[SentenceErrors] = field(default_factory=list)
    details: str = ""  # the misses and false positives, when asked for

    @property
    def strict(self) -> Score:
        return self.variants["strict-plover"]

    @property
    def lenient(self) -> Score:
        return self.variants["lenient-plover"]

    def to_markdown(self) -> str:
        lines = [
            f"Real-news gold ({self.annotator}), split {self.split or 'all'}: "
            f"{self.articles} articles, {self.sentences} sentences"
            + (f"; {self.skipped_gold} gold events with unknown actors not scored" if self.skipped_gold else ""),
            "",
            "| variant | gold | predicted | correct | P | R | F1 | 95 % CI P | 95 % CI R | 95 % CI F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
        ]  # fmt: skip
        for name, score in self.variants.items():
            ci = score.ci or {}
            spans = [
                f"{ci[k][0]:.2f}–{ci[k][1]:.2f}" if k in ci else "" for k in ("precision", "recall", "f1")
            ]  # fmt: skip
            lines.append(
                f"| {name} | {score.gold} | {score.predicted} | {score.correct} | "
                f"{score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} | " + " | ".join(spans) + " |"
            )  # fmt: skip
        lines += ["", "| PLOVER category (strict) | gold | predicted | correct | P | R |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
        for name, score in sorted(self.by_category.items()):
            lines.append(
                f"| {name} | {score.gold} | {score.predicted} | {score.correct} | "
                f"{score.precision:.2f} | {score.recall:.2f} |"
            )
        if self.details:
            lines += ["", "## Misses and false positives (strict PLOVER)", "", self.details]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One gold sentence with its gold events and the predictions whose trigger is in it."""

    article: str
    n: int
    gold: tuple[GoldEvent, ...]
    preds: tuple[Prediction, ...]


def _units(
    gold: AnnotatorGold,
    sentences: Mapping[str, Sequence[GoldSentence]],
    doc_ids: Mapping[str, str],
    predictions: Iterable[Prediction],
    articles: Iterable[str],
) -> dict[str, list[_Unit]]:
    by_doc: dict[str, list[Prediction]] = defaultdict(list)
    for pred in predictions:
        by_doc[pred.doc_id].append(pred)
    gold_by_sentence: dict[tuple[str, int], list[GoldEvent]] = defaultdict(list)
    for event in gold.events:
        gold_by_sentence[(event.article, event.n)].append(event)
    units: dict[str, list[_Unit]] = {}
    for key in articles:
        doc_preds = by_doc.get(doc_ids[key], [])
        units[key] = [
            _Unit(
                key,
                sentence.n,
                tuple(gold_by_sentence.get((key, sentence.n), ())),
                tuple(p for p in doc_preds if sentence.start <= p.start < sentence.end),
            )
            for sentence in sentences[key]
        ]
    return units


def _variant_counts(units: Mapping[str, Sequence[_Unit]], level: str, mode: str) -> list[Counts]:
    per_article = []
    for article_units in units.values():
        total = Counts()
        for unit in article_units:
            total += _sentence_counts(unit.gold, unit.preds, level, mode)[0]
        per_article.append(total)
    return per_article


def _by_category(units: Mapping[str, Sequence[_Unit]], mode: str) -> dict[str, Score]:
    totals: dict[str, Counts] = defaultdict(Counts)
    for article_units in units.values():
        for unit in article_units:
            categories = {g.plover for g in unit.gold} | {p.plover for p in unit.preds}
            for category in categories - {None}:
                gold = [g for g in unit.gold if g.plover == category]
                preds = [p for p in unit.preds if p.plover == category]
                totals[category] += _sentence_counts(gold, preds, "plover", mode)[0]
    return {
        category: Score.of(counts)
        for category, counts in totals.items()
        if counts.gold or counts.predicted
    }


def score_units(
    units: Mapping[str, Sequence[_Unit]],
    *,
    annotator: str,
    split: str | None,
    skipped_gold: int = 0,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> RealnewsScores:
    scores = RealnewsScores(
        split=split,
        annotator=annotator,
        articles=len(units),
        sentences=sum(len(u) for u in units.values()),
        skipped_gold=skipped_gold,
    )
    for mode in MODES:
        for level in LEVELS:
            per_article = _variant_counts(units, level, mode)
            total = sum(per_article, Counts())
            ci = bootstrap_ci(per_article, resamples=resamples, seed=seed) if resamples else None
            scores.variants[f"{mode}-{level}"] = Score.of(total, ci)
    scores.by_category = _by_category(units, "strict")
    scores.by_category_lenient = _by_category(units, "lenient")
    for article_units in units.values():
        for unit in article_units:
            _, missed, spurious = _sentence_counts(unit.gold, unit.preds, "plover", "strict")
            if missed or spurious:
                scores.errors.append(
                    SentenceErrors(unit.article, unit.n, tuple(missed), tuple(spurious))
                )
    return scores


@dataclass(frozen=True, slots=True)
class RealnewsGold:
    """Everything needed to score: the index, the texts' doc ids and one annotator's gold."""

    articles: tuple[GoldArticle, ...]
    sentences: Mapping[str, tuple[GoldSentence, ...]]
    doc_ids: Mapping[str, str]  # article key -> détente doc_id of its text
    gold: AnnotatorGold
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # key -> text, title

    def documents(self, split: str | None = None) -> list[Article]:
        """The completed articles of ``split`` as détente Articles (whole text, gold date),
        ready for the pipeline; their doc_ids are the ones the scorer expects."""
        index = {a.key: a for a in self.articles}
        return [
            Article(
                ref=index[key].record_id,
                text=self.texts[key]["text"],
                title=self.texts[key].get("title") or None,
                date=index[key].date,
                source=self.texts[key].get("source") or None,
                url=self.texts[key].get("url") or None,
                record=index[key].record_id,
            )
            for key in self.article_keys(split)
        ]

    def article_keys(self, split: str | None = None) -> list[str]:
        """Articles this annotator completed, in index order, optionally of one split."""
        return [
            a.key
            for a in self.articles
            if a.key in self.gold.articles and (split is None or a.split == split)
        ]


def load_gold(
    annotator: str = "A",
    *,
    gold_dir: Path = DEFAULT_GOLD_DIR,
    corpora_dir: Path = DEFAULT_CORPORA_DIR,
) -> RealnewsGold:
    """Load the index, one annotator's gold and the texts (checked against their hashes)."""
    articles = tuple(read_articles(gold_dir))
    sentences = read_sentences(gold_dir)
    gold = read_gold(gold_dir / f"gold.{annotator}.jsonl")
    texts = load_texts([a.key for a in articles], corpora_dir)
    check_sentences(sentences, texts)
    unknown = gold.articles - set(sentences)
    if unknown:
        raise InputError(
            str(gold_dir / f"gold.{annotator}.jsonl"), "unknown-article",
            f"articles not in the index: {', '.join(sorted(unknown)[:5])}",
        )  # fmt: skip
    doc_ids = {key: make_doc_id(value["text"]) for key, value in texts.items()}
    return RealnewsGold(articles, sentences, doc_ids, gold, texts)


def score_realnews(
    gold: RealnewsGold,
    predictions: Iterable[Event | Mapping | Prediction],
    *,
    split: str | None = None,
    asserted_modalities: Iterable[str] = (ASSERTED,),
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> RealnewsScores:
    """Score predicted events against the gold of ``split`` (all splits when None).

    Predictions in documents or sentences outside the gold are ignored. ``asserted_modalities``
    lists the prediction modalities that count as a claim that the event happened.
    """
    preds = [
        p if isinstance(p, Prediction) else to_prediction(p, asserted_modalities=asserted_modalities)
        for p in predictions
    ]  # fmt: skip
    keys = gold.article_keys(split)
    scorable = [e for e in gold.gold.events if _scorable(e)]
    skipped = sum(1 for e in gold.gold.events if e.article in set(keys) and not _scorable(e))
    subset = AnnotatorGold(gold.gold.annotator, gold.gold.articles, tuple(scorable))
    units = _units(subset, gold.sentences, gold.doc_ids, preds, keys)
    return score_units(
        units,
        annotator=gold.gold.annotator,
        split=split,
        skipped_gold=skipped,
        resamples=resamples,
        seed=seed,
    )


def evaluate_realnews(
    *,
    split: str = "dev",
    annotator: str = "A",
    gold_dir: Path | None = None,
    corpora_dir: Path | None = None,
    model: str | None = None,
    nlp=None,
    errors: bool = False,
) -> RealnewsScores:
    """Code the gold articles of ``split`` with the full pipeline (whole articles, each with
    its gold date) and score the events of their annotated lead sentences."""
    from detente.nlp import load, make_doc

    if split not in SPLITS:
        raise InputError(str(split), "bad-split", f"split must be one of {', '.join(SPLITS)}")
    gold = load_gold(
        annotator,
        gold_dir=gold_dir or DEFAULT_GOLD_DIR,
        corpora_dir=corpora_dir or DEFAULT_CORPORA_DIR,
    )  # a missing or bad gold fails before the model loads
    if nlp is None:
        nlp = load(model)
    docs = (make_doc(nlp, article) for article in gold.documents(split))
    events = [event for doc in nlp.pipe(docs, batch_size=16) for event in (doc._.events or [])]
    scores = score_realnews(gold, events, split=split)
    if errors:
        scores.details = errors_markdown(gold, scores)
    return scores


def realnews_sentence_text(gold: RealnewsGold, article: str, n: int) -> str:
    """The text of gold sentence ``n`` of ``article``, on one line."""
    sentence = next(s for s in gold.sentences[article] if s.n == n)
    return " ".join(gold.texts[article]["text"][sentence.start : sentence.end].split())


def errors_markdown(gold: RealnewsGold, scores: RealnewsScores, *, limit: int | None = None) -> str:
    """The strict-PLOVER misses and false positives, sentence by sentence, for error analysis."""
    lines: list[str] = []
    for err in scores.errors[:limit]:
        lines.append(
            f"### {err.article} [{err.n}] {realnews_sentence_text(gold, err.article, err.n)}"
        )
        for miss in err.missed:
            target = miss.target.code if miss.target else None
            lines.append(
                f"- miss {miss.plover} {miss.cameo} {miss.source.code} -> {target} "
                f"({miss.factuality}) trigger {miss.trigger!r}"
            )
        for pred in err.spurious:
            lines.append(f"- false {pred.plover} {pred.cameo} {pred.source} -> {pred.target}")
    return "\n".join(lines)


# ---------------------------------------------------------------- agreement


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two annotators' labels on the same items; None when undefined."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


AGREEMENT_FIELDS = ("plover", "cameo_root", "cameo", "source", "target", "factuality")


def _field_values(event: GoldEvent) -> dict[str, object]:
    return {
        "plover": event.plover,
        "cameo_root": event.cameo[:2],
        "cameo": event.cameo,
        "source": event.source.key,
        "target": event.target.key if event.target else None,
        "factuality": event.factuality,
    }


def _align_triggers(
    left: Sequence[GoldEvent], right: Sequence[GoldEvent]
) -> list[tuple[GoldEvent, GoldEvent]]:
    """Pair events whose triggers overlap, one to one, most agreeing fields first."""
    candidates = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if a.start < b.end and b.start < a.end:
                values_a, values_b = _field_values(a), _field_values(b)
                same = sum(values_a[k] == values_b[k] for k in AGREEMENT_FIELDS)
                candidates.append((-same, i, j))
    pairs, used_left, used_right = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j]))
    return pairs


@dataclass(frozen=True, slots=True)
class Agreement:
    """How far annotator B agrees with annotator A on the articles both completed."""

    annotator_a: str
    annotator_b: str
    articles: int
    sentences: int
    events_a: int
    events_b: int
    events: dict[str, Score]  # B's events scored as predictions against A's, per variant
    triggers: Score  # events paired by overlapping triggers
    fields: dict[str, float]  # share of trigger-paired events agreeing on each field
    factuality_kappa: float | None

    def to_markdown(self) -> str:
        lines = [
            f"Agreement {self.annotator_b} vs {self.annotator_a}: {self.articles} articles, "
            f"{self.sentences} sentences, {self.events_a} / {self.events_b} events",
            "",
            "| measure | P | R | F1 |",
            "|---|---:|---:|---:|",
            f"| triggers | {self.triggers.precision:.2f} | {self.triggers.recall:.2f} | {self.triggers.f1:.2f} |",
        ]  # fmt: skip
        for name, score in self.events.items():
            lines.append(
                f"| {name} | {score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} |"
            )
        lines += ["", f"Trigger-paired events: {self.triggers.correct}", ""]
        lines += [f"- {name}: {rate:.2f}" for name, rate in self.fields.items()]
        kappa = "n/a" if self.factuality_kappa is None else f"{self.factuality_kappa:.2f}"
        lines.append(f"- factuality Cohen's kappa: {kappa}")
        return "\n".join(lines)


def agreement(
    gold_a: AnnotatorGold,
    gold_b: AnnotatorGold,
    sentences: Mapping[str, Sequence[GoldSentence]],
    doc_ids: Mapping[str, str] | None = None,
) -> Agreement:
    """Annotator B against annotator A on the articles both completed."""
    common = sorted(gold_a.articles & gold_b.articles)
    doc_ids = doc_ids or {key: key for key in common}
    in_common = set(common)
    events_a = tuple(e for e in gold_a.events if e.article in in_common)
    events_b = tuple(e for e in gold_b.events if e.article in in_common)
    # event-level scores compare scorable events only, as score_realnews does
    a = AnnotatorGold(gold_a.annotator, frozenset(common), tuple(filter(_scorable, events_a)))
    b = AnnotatorGold(gold_b.annotator, frozenset(common), tuple(filter(_scorable, events_b)))
    units = _units(a, sentences, doc_ids, gold_as_predictions(b, doc_ids), common)
    scores = score_units(units, annotator=gold_a.annotator, split=None, resamples=0)

    by_sentence_b: dict[tuple[str, int], list[GoldEvent]] = defaultdict(list)
    for event in events_b:
        by_sentence_b[(event.article, event.n)].append(event)
    by_sentence_a: dict[tuple[str, int], list[GoldEvent]] = defaultdict(list)
    for event in events_a:
        by_sentence_a[(event.article, event.n)].append(event)
    pairs = []
    for key in set(by_sentence_a) | set(by_sentence_b):
        pairs += _align_triggers(by_sentence_a.get(key, []), by_sentence_b.get(key, []))
    fields = {
        name: ratio(sum(_field_values(x)[name] == _field_values(y)[name] for x, y in pairs), len(pairs))
        for name in AGREEMENT_FIELDS
    }  # fmt: skip
    return Agreement(
        annotator_a=gold_a.annotator,
        annotator_b=gold_b.annotator,
        articles=len(common),
        sentences=sum(len(sentences[key]) for key in common),
        events_a=len(events_a),
        events_b=len(events_b),
        events=scores.variants,
        triggers=Score.of(Counts(len(pairs), len(events_b), len(events_a))),
        fields=fields,
        factuality_kappa=cohen_kappa([(x.factuality, y.factuality) for x, y in pairs]),
    )
