"""Score place mentions against the place gold of issue 10 (``gold/places``).

The gold (``gold/places/gold.<annotator>.jsonl``, written by
``scripts/gold/build_places.py``; guideline in ``docs/gold/places-guideline.md``) holds
sentences sampled for their ambiguous place names, each with every place mention in it:
offsets into the record's ``text``, type, role (place | actor | other) and country (ISO3,
or null with ``no_country`` = multinational | undecidable).

* A **gold place** is a mention with role ``place`` and a country. It is **found** when a
  predicted place overlaps it and **right** when the overlapping prediction (the one that
  overlaps most) has the gold country.
* **accuracy** = right / gold places (a miss counts as wrong); **accuracy_found** = right /
  found; **recall** = found / gold places; **precision** = predicted places that overlap
  any gold mention (any role, with or without country) / predicted places;
  **accuracy_all_roles** = right / gold mentions with a country, whatever their role.
* Only predictions that overlap a gold sentence count. Intervals are 95 % percentile
  bootstraps that resample articles.
* ``agreement`` compares two annotators on the sentences both annotated.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path

from detente.errors import InputError
from detente.eval.common import DEFAULT_SHARED_DIR, f1_score, ratio
from detente.places import is_place_mention
from detente.records import Article, Mention

GOLD_DIR = Path(__file__).resolve().parents[3] / "gold" / "places"
CORPORA_DIR = DEFAULT_SHARED_DIR / "data" / "corpora"
PLACE_TYPES = (
    "country",
    "admin1",
    "city",
    "region",
    "water",
    "island",
    "facility",
    "disputed",
    "other",
)
ROLES = ("place", "actor", "other")
NO_COUNTRY = ("multinational", "undecidable")
# ``all`` in evaluate_places: the first sample.
FIRST_SAMPLE = ("dev", "test")
# The held-out samples drawn later from other articles (scripts/gold/sample_places.py --test2
# ... --test10), in the order they were drawn: each is only ever run when asked for by name.
# test2 ... test5 are worn (scored, their misses read, the place frame model measured on
# them; so is the first sample's test); test6 ... test9 were scored once and are seen;
# test10 is the one fresh split, scored once by the lead.
HELD_OUT_SPLITS = ("test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10")
SPLITS = FIRST_SAMPLE + HELD_OUT_SPLITS
KOSOVO = "XKX"  # user-assigned code, not in ISO 3166 proper
METRICS = (
    "accuracy",
    "accuracy_found",
    "recall",
    "precision",
    "accuracy_all_roles",
    "on_actors",
)


def sentence_hash(text: str) -> str:
    """The first 8 hex digits of SHA-1 of a sentence: detects drift of the corpus text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@cache
def country_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(current ISO3 codes plus Kosovo, withdrawn ISO3 codes such as SCG)."""
    import pycountry

    current = frozenset(c.alpha_3 for c in pycountry.countries) | {KOSOVO}
    withdrawn = frozenset(c.alpha_3 for c in pycountry.historic_countries) - current
    return current, withdrawn


def country_problem(code: object, *, note: str = "") -> str | None:
    """Why ``code`` is not a country code we accept, or None. A withdrawn code needs a note."""
    current, withdrawn = country_codes()
    if code in current:
        return None
    if code in withdrawn:
        return None if note else f"withdrawn country code {code!r} needs a note"
    return f"unknown country code {code!r} (ISO 3166-1 alpha-3, or XKX for Kosovo)"


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    role: str
    country: str | None
    admin1: str | None = None
    geonameid: int | None = None
    claimants: tuple[str, ...] = ()
    no_country: str | None = None
    note: str = ""

    @property
    def scored(self) -> bool:
        """Counts in country accuracy: a place where something is, with a country."""
        return self.role == "place" and self.country is not None


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Where a gold sentence is: its corpus record, offsets into the record's text and a
    hash of the sentence, its split, and whether it is annotated twice."""

    id: str
    corpus: str  # corpus file name, e.g. "bbc_news_2004_2005.jsonl"
    record_id: str
    date: str  # the date the places are resolved for
    split: str  # one of SPLITS: dev | test | test2 ... test10
    double: bool
    start: int
    end: int
    sha1_8: str

    @property
    def article(self) -> tuple[str, str]:
        return (self.corpus, self.record_id)

    def reference(self) -> dict[str, object]:
        """The reference fields alone, as written in the gold and work files."""
        return {f.name: getattr(self, f.name) for f in fields(SentenceRef)}


@dataclass(frozen=True, slots=True)
class GoldSentence(SentenceRef):
    mentions: tuple[GoldMention, ...]


def mention_problem(mention: Mapping) -> str | None:
    """What is wrong with the labels of one mention (shared by the builder and the reader)."""
    if mention.get("type") not in PLACE_TYPES:
        return f"type {mention.get('type')!r} is not one of {', '.join(PLACE_TYPES)}"
    if mention.get("role") not in ROLES:
        return f"role {mention.get('role')!r} is not one of {', '.join(ROLES)}"
    country, no_country = mention.get("country"), mention.get("no_country")
    if country is None:
        if no_country not in NO_COUNTRY:
            return f"country is null: no_country must be one of {', '.join(NO_COUNTRY)}"
        if no_country == "undecidable" and not mention.get("note"):
            return "an undecidable country needs a note"
    else:
        if no_country is not None:
            return f"no_country {no_country!r} given with country {country!r}"
        if (problem := country_problem(country, note=mention.get("note") or "")) is not None:
            return problem
    claimants = mention.get("claimants") or []
    if not isinstance(claimants, list | tuple):
        return "claimants must be a list of country codes"
    for claimant in claimants:
        if (problem := country_problem(claimant, note="claimant")) is not None:
            return f"claimant: {problem}"
    geonameid = mention.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)):
        return f"geonameid must be a whole number or null, got {geonameid!r}"
    return None


def read_gold(path: str | Path = GOLD_DIR / "gold.A.jsonl") -> list[GoldSentence]:
    """The sentences of a gold file, checked; errors name the file and the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), "unreadable-gold", f"cannot read the place gold: {e}") from e
    sentences = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            sentences.append(_gold_sentence(path, number, line))
    return sentences


def _gold_sentence(path: Path, number: int, line: str) -> GoldSentence:
    def fail(detail: str) -> InputError:
        return InputError(str(path), "bad-gold", f"line {number}: {detail}", record=str(number))

    try:
        record = json.loads(line)
        mentions = []
        for mention in record["mentions"]:
            if (problem := mention_problem(mention)) is not None:
                raise fail(f"mention {mention.get('text')!r}: {problem}")
            if not record["start"] <= mention["start"] < mention["end"] <= record["end"]:
                raise fail(f"mention {mention.get('text')!r} lies outside its sentence")
            mentions.append(
                GoldMention(
                    start=mention["start"],
                    end=mention["end"],
                    text=mention["text"],
                    type=mention["type"],
                    role=mention["role"],
                    country=mention["country"],
                    admin1=mention.get("admin1") or None,
                    geonameid=mention.get("geonameid"),
                    claimants=tuple(mention.get("claimants") or ()),
                    no_country=mention.get("no_country"),
                    note=mention.get("note") or "",
                )
            )
        if record["split"] not in SPLITS:
            raise fail(f"split {record['split']!r} is not one of {', '.join(SPLITS)}")
        reference = {f.name: record[f.name] for f in fields(SentenceRef)}
        return GoldSentence(**reference, mentions=tuple(mentions))
    except InputError:
        raise
    except (ValueError, KeyError, TypeError) as e:
        raise fail(f"not a gold sentence record ({type(e).__name__}: {e})") from e


def gold_articles(
    gold: Iterable[GoldSentence], corpora_dir: str | Path = CORPORA_DIR
) -> dict[tuple[str, str], Article]:
    """The articles of the gold sentences, read as détente reads them, each with the date
    its places are resolved for (the BBC records carry none: the gold gives 2005-01-15).
    Raises when an article is missing or its text changed since sampling."""
    from detente.ingest import read_inputs  # only evaluation reads the corpora

    gold = list(gold)
    dates = {sentence.article: sentence.date for sentence in gold}
    articles: dict[tuple[str, str], Article] = {}
    for corpus in sorted({corpus for corpus, _ in dates}):
        for item in read_inputs([Path(corpora_dir) / corpus]):
            key = (corpus, item.ref) if isinstance(item, Article) else None
            if key in dates:
                articles[key] = replace(item, date=item.date or dates[key] or None)
    check_texts(gold, {key: article.text for key, article in articles.items()})
    return articles


def check_texts(gold: Iterable[GoldSentence], texts: Mapping[tuple[str, str], str]) -> None:
    """Raise when a gold sentence's article is missing or its text has changed."""
    missing, drifted = [], []
    for sentence in gold:
        text = texts.get(sentence.article)
        if text is None:
            missing.append(sentence.id)
        elif sentence_hash(text[sentence.start : sentence.end]) != sentence.sha1_8:
            drifted.append(sentence.id)
    if missing or drifted:
        detail = "; ".join(
            f"{what}: {', '.join(ids[:20])}"
            for what, ids in (("article not found", missing), ("text changed", drifted))
            if ids
        )
        raise InputError("place gold", "gold-text-drift", detail)


@dataclass(frozen=True, slots=True)
class PredictedPlace:
    start: int
    end: int
    country: str | None
    text: str = ""
    resolved_by: str = ""  # détente's reason, shown with errors


def predicted_places(items: Iterable[Mention | Mapping]) -> list[PredictedPlace]:
    """Predictions from détente mentions (those that name a location, see
    :func:`is_place_mention`) or from plain dicts with ``start``, ``end`` and ``country``
    (every dict is taken as a place)."""
    places = []
    for item in items:
        if isinstance(item, Mention):
            if is_place_mention(item):
                places.append(
                    PredictedPlace(item.start, item.end, item.country, item.text, item.resolved_by)
                )
        else:
            places.append(
                PredictedPlace(
                    int(item["start"]), int(item["end"]), item.get("country"), item.get("text", "")
                )
            )
    return places


@dataclass(slots=True)
class PlaceCounts:
    sentences: int = 0
    gold_places: int = 0
    found: int = 0
    right: int = 0
    gold_with_country: int = 0  # any role
    right_all_roles: int = 0
    predicted: int = 0
    predicted_on_gold: int = 0
    # ... of which touch only gold mentions of another role ("Moscow said" as a place):
    # emitting every state name as a place would show here, not in precision
    predicted_on_actor: int = 0
    no_country: dict[str, int] = field(default_factory=dict)  # role place, by reason

    def add(self, other: PlaceCounts) -> None:
        for name in (
            "sentences",
            "gold_places",
            "found",
            "right",
            "gold_with_country",
            "right_all_roles",
            "predicted",
            "predicted_on_gold",
            "predicted_on_actor",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, n in other.no_country.items():
            self.no_country[reason] = self.no_country.get(reason, 0) + n

    def metrics(self) -> dict[str, float]:
        return {
            "accuracy": ratio(self.right, self.gold_places),
            "accuracy_found": ratio(self.right, self.found),
            "recall": ratio(self.found, self.gold_places),
            "precision": ratio(self.predicted_on_gold, self.predicted),
            "accuracy_all_roles": ratio(self.right_all_roles, self.gold_with_country),
            "on_actors": ratio(self.predicted_on_actor, self.predicted_on_gold),
        }


@dataclass(frozen=True, slots=True)
class PlaceError:
    sentence_id: str
    text: str
    gold_country: str
    predicted: str | None  # the overlapping prediction's text, None for a miss
    predicted_country: str | None
    resolved_by: str = ""  # the prediction's reason


@dataclass(frozen=True, slots=True)
class PlaceScores:
    split: str  # one of SPLITS or "all"
    articles: int
    counts: PlaceCounts
    intervals: dict[str, tuple[float, float]]  # metric -> 95 % bootstrap interval
    errors: tuple[PlaceError, ...]

    @property
    def accuracy(self) -> float:
        return self.counts.metrics()["accuracy"]

    def metric(self, name: str) -> float:
        return self.counts.metrics()[name]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _best(mention: GoldMention, places: list[PredictedPlace]) -> PredictedPlace | None:
    best, best_overlap = None, 0
    for place in places:
        overlap = _overlap(mention.start, mention.end, place.start, place.end)
        if overlap > best_overlap:
            best, best_overlap = place, overlap
    return best


def score_sentence(
    sentence: GoldSentence, predictions: Iterable[PredictedPlace]
) -> tuple[PlaceCounts, list[PlaceError]]:
    """Counts and errors of one gold sentence against the predictions of its article."""
    places = [p for p in predictions if _overlap(p.start, p.end, sentence.start, sentence.end) > 0]
    counts = PlaceCounts(sentences=1, predicted=len(places))
    errors = []
    for mention in sentence.mentions:
        best = _best(mention, places)
        if mention.country is not None:
            counts.gold_with_country += 1
            counts.right_all_roles += best is not None and best.country == mention.country
        if mention.role != "place":
            continue
        if mention.country is None:
            reason = mention.no_country or "undecidable"
            counts.no_country[reason] = counts.no_country.get(reason, 0) + 1
            continue
        counts.gold_places += 1
        counts.found += best is not None
        if best is not None and best.country == mention.country:
            counts.right += 1
        else:
            errors.append(
                PlaceError(
                    sentence.id,
                    mention.text,
                    mention.country,
                    best.text if best is not None else None,
                    best.country if best is not None else None,
                    best.resolved_by if best is not None else "",
                )
            )
    for p in places:
        touched = [m for m in sentence.mentions if _overlap(p.start, p.end, m.start, m.end)]
        counts.predicted_on_gold += bool(touched)
        counts.predicted_on_actor += bool(touched) and all(m.role != "place" for m in touched)
    return counts, errors


def score_places(
    gold: Sequence[GoldSentence],
    predictions: Mapping[tuple[str, str], Iterable[Mention | Mapping]],
    *,
    resamples: int = 1000,
    seed: int = 0,
) -> dict[str, PlaceScores]:
    """Scores per split ("dev", "test", and each held-out split the gold has) and over all the
    sentences given ("all").

    ``predictions`` maps (corpus file, record id) to the predicted places of that article
    (offsets into the article text); articles without predictions may be left out."""
    per_article: dict[tuple[str, str], dict[str, PlaceCounts]] = {}
    errors: dict[str, list[PlaceError]] = {split: [] for split in SPLITS}
    for sentence in gold:
        places = predicted_places(predictions.get(sentence.article, ()))
        counts, sentence_errors = score_sentence(sentence, places)
        per_article.setdefault(sentence.article, {}).setdefault(sentence.split, PlaceCounts()).add(
            counts
        )
        errors[sentence.split].extend(sentence_errors)
    present = {sentence.split for sentence in gold}
    scores = {}
    for split in (*[s for s in SPLITS if s in FIRST_SAMPLE or s in present], "all"):
        articles = [
            _merged(by_split.values() if split == "all" else [by_split[split]])
            for by_split in per_article.values()
            if split == "all" or split in by_split
        ]
        total = _merged(articles)
        scores[split] = PlaceScores(
            split=split,
            articles=len(articles),
            counts=total,
            intervals=_bootstrap(articles, resamples=resamples, seed=seed),
            errors=tuple(
                [e for name in SPLITS for e in errors[name]] if split == "all" else errors[split]
            ),
        )
    return scores


@dataclass(frozen=True, slots=True)
class PlaceReport:
    """The scores of one run of détente on the place gold (``detente eval places``)."""

    scores: dict[str, PlaceScores]  # the split(s) asked for

    def to_markdown(self) -> str:
        return to_markdown(self.scores)


def evaluate_places(
    *,
    split: str = "dev",
    gold_path: str | Path = GOLD_DIR / "gold.A.jsonl",
    corpora_dir: str | Path = CORPORA_DIR,
    model: str | None = None,
    nlp=None,
) -> PlaceReport:
    """Run the actors stage on the whole article of every gold sentence of ``split``
    (one of ``SPLITS`` or ``all``) and score its place mentions (see
    :func:`is_place_mention`). ``all`` is the first sample (dev and test); a held-out split
    (``HELD_OUT_SPLITS``) runs only when named."""
    if split not in (*SPLITS, "all"):
        raise InputError(
            "place gold", "bad-split", f"split {split!r} is not {', '.join(SPLITS)} or all"
        )
    chosen = FIRST_SAMPLE if split == "all" else (split,)
    gold = [s for s in read_gold(gold_path) if s.split in chosen]
    if not gold:
        raise InputError(
            "place gold", "empty-split", f"{gold_path} has no {' or '.join(chosen)} sentences"
        )
    articles = gold_articles(gold, corpora_dir)  # fails before the model loads
    from detente.nlp import load, make_doc

    if nlp is None:
        nlp = load(model, stages=["actors"])
    keys = list(articles)
    docs = (make_doc(nlp, articles[key]) for key in keys)
    predictions = {
        key: list(doc._.mentions or [])
        for key, doc in zip(keys, nlp.pipe(docs, batch_size=16), strict=True)
    }
    scores = score_places(gold, predictions)
    shown = FIRST_SAMPLE if split == "all" else (split,)
    return PlaceReport({name: scores[name] for name in shown})


def _merged(parts: Iterable[PlaceCounts]) -> PlaceCounts:
    total = PlaceCounts()
    for part in parts:
        total.add(part)
    return total


def _bootstrap(
    articles: list[PlaceCounts], *, resamples: int, seed: int
) -> dict[str, tuple[float, float]]:
    """95 % percentile intervals of every metric, resampling articles with replacement."""
    if not articles or resamples < 1:
        return {name: (0.0, 0.0) for name in METRICS}
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {name: [] for name in METRICS}
    for _ in range(resamples):
        metrics = _merged(rng.choices(articles, k=len(articles))).metrics()
        for name in METRICS:
            samples[name].append(metrics[name])
    intervals = {}
    for name, values in samples.items():
        values.sort()
        low = values[int(0.025 * (len(values) - 1))]
        high = values[int(round(0.975 * (len(values) - 1)))]
        intervals[name] = (low, high)
    return intervals


def to_markdown(scores: Mapping[str, PlaceScores], *, limit: int = 40) -> str:
    """A report: one table row per split, then the errors."""
    lines = [
        "## Places (issue 10 place gold)",
        "",
        "| split | sentences | articles | gold places | country accuracy (95 % CI) | accuracy on found | recall | precision | on actor spans |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for split, score in scores.items():
        c, m, ci = score.counts, score.counts.metrics(), score.intervals
        low, high = ci["accuracy"]
        lines.append(
            f"| {split} | {c.sentences} | {score.articles} | {c.gold_places} "
            f"| {m['accuracy']:.3f} ({low:.3f}–{high:.3f}) | {m['accuracy_found']:.3f} "
            f"| {m['recall']:.3f} | {m['precision']:.3f} | {m['on_actors']:.3f} |"
        )
    for split, score in scores.items():
        if split == "all" or not score.errors:
            continue
        lines += ["", f"### Wrong or missed places ({split})", ""]
        for error in score.errors[:limit]:
            got = (
                "missed"
                if error.predicted is None
                else f"{error.predicted!r} = {error.predicted_country}"
                + (f" ({error.resolved_by})" if error.resolved_by else "")
            )
            lines.append(f"- `{error.sentence_id}` **{error.text}** = {error.gold_country}: {got}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Disagreement:
    sentence_id: str
    a: str  # "text type role country", or "" when A has no mention there
    b: str


@dataclass(frozen=True, slots=True)
class Agreement:
    sentences: int
    mentions_a: int
    mentions_b: int
    exact: int  # mentions with the same offsets
    overlapping: int  # one-to-one pairs of overlapping mentions
    country_agreed: int  # overlapping pairs with the same country (null = null)
    role_agreed: int
    type_agreed: int
    disagreements: tuple[Disagreement, ...]

    @property
    def span_f1_exact(self) -> float:
        return f1_score(ratio(self.exact, self.mentions_b), ratio(self.exact, self.mentions_a))

    @property
    def span_f1_overlap(self) -> float:
        return f1_score(
            ratio(self.overlapping, self.mentions_b), ratio(self.overlapping, self.mentions_a)
        )

    @property
    def country_agreement(self) -> float:
        return ratio(self.country_agreed, self.overlapping)

    @property
    def role_agreement(self) -> float:
        return ratio(self.role_agreed, self.overlapping)

    @property
    def type_agreement(self) -> float:
        return ratio(self.type_agreed, self.overlapping)


def _describe(mention: GoldMention | None) -> str:
    if mention is None:
        return ""
    return f"{mention.text} {mention.type} {mention.role} {mention.country or mention.no_country}"


def _pairs(
    a: Sequence[GoldMention], b: Sequence[GoldMention]
) -> list[tuple[GoldMention, GoldMention]]:
    """One-to-one pairs of overlapping mentions, largest overlap first."""
    options = sorted(
        (
            (-_overlap(x.start, x.end, y.start, y.end), i, j)
            for i, x in enumerate(a)
            for j, y in enumerate(b)
            if _overlap(x.start, x.end, y.start, y.end) > 0
        )
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs


def agreement(a: Sequence[GoldSentence], b: Sequence[GoldSentence]) -> Agreement:
    """Agreement of annotator ``a`` with annotator ``b`` on the sentences both annotated."""
    by_id = {sentence.id: sentence for sentence in b}
    shared = [(sentence, by_id[sentence.id]) for sentence in a if sentence.id in by_id]
    mentions_a = mentions_b = exact = overlapping = countries = roles = types = 0
    disagreements = []
    for sentence_a, sentence_b in shared:
        mentions_a += len(sentence_a.mentions)
        mentions_b += len(sentence_b.mentions)
        spans_b = {(m.start, m.end) for m in sentence_b.mentions}
        exact += sum((m.start, m.end) in spans_b for m in sentence_a.mentions)
        pairs = _pairs(sentence_a.mentions, sentence_b.mentions)
        overlapping += len(pairs)
        for x, y in pairs:
            countries += x.country == y.country
            roles += x.role == y.role
            types += x.type == y.type
            if (x.country, x.role, x.type) != (y.country, y.role, y.type):
                disagreements.append(Disagreement(sentence_a.id, _describe(x), _describe(y)))
        paired_a = {id(x) for x, _ in pairs}
        paired_b = {id(y) for _, y in pairs}
        disagreements += [
            Disagreement(sentence_a.id, _describe(x), "")
            for x in sentence_a.mentions
            if id(x) not in paired_a
        ]
        disagreements += [
            Disagreement(sentence_a.id, "", _describe(y))
            for y in sentence_b.mentions
            if id(y) not in paired_b
        ]
    return Agreement(
        sentences=len(shared),
        mentions_a=mentions_a,
        mentions_b=mentions_b,
        exact=exact,
        overlapping=overlapping,
        country_agreed=countries,
        role_agreed=roles,
        type_agreed=types,
        disagreements=tuple(disagreements),
    )


# -- invented sentences (tests/place_sentences.tsv) ---------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceCase:
    """One name in an invented sentence and what it must be: a place mention in ``expect``
    (ISO3), or no place mention (``expect`` None)."""

    text: str
    name: str
    occurrence: int
    expect: str | None
    case: str
    open: str = ""  # why détente does not get it right yet (empty: it must)

    def span(self) -> tuple[int, int]:
        """Character offsets of the name's ``occurrence`` (1 = first) in the text."""
        start = -1
        for _ in range(self.occurrence):
            start = self.text.find(self.name, start + 1)
            if start == -1:
                raise InputError("place cases", "no-name", f"{self.name!r} not in {self.text!r}")
        return start, start + len(self.name)


def read_place_cases(path: str | Path) -> list[PlaceCase]:
    """The rows of a place-case TSV (text, name, occurrence, expect, case and, for a case not
    solved yet, why; ``#`` comments)."""
    cases = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    for n, line in rows[1:]:  # the header
        parts = line.split("\t")
        if len(parts) not in (5, 6) or not parts[2].isdigit():
            raise InputError(str(path), "bad-row", f"line {n}: {line!r}")
        text, name, occurrence, expect, case, *why = parts
        expected = None if expect == "-" else expect
        cases.append(PlaceCase(text, name, int(occurrence), expected, case, "".join(why)))
    for case in cases:
        case.span()  # every name is in its text
    return cases


def check_place_case(case: PlaceCase, mentions: Iterable[Mention]) -> tuple[bool, str | None]:
    """(whether the mentions hold the case, what they gave on the name: the country of the
    place mention that overlaps it most, "-" for none)."""
    start, end = case.span()
    places = predicted_places(mentions)
    gold = GoldMention(start, end, case.name, "other", "place", case.expect)
    best = _best(gold, places)
    if best is None:
        return case.expect is None, "-"
    return case.expect is not None and best.country == case.expect, best.country
