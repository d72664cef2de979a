"""Score actor resolution against the PLOVER gold standard records (``detente eval actors``), issue 2.

Gold: every record of ``plover_gsr_dev.json`` except the DOCUMENT one is a sentence with
its date and its event's ``source`` and ``target`` actors, each an ``actorText`` and a
code: an ISO3 country, or a bare sector for actors without one ("IGO", "NGO", "IMG").
The actor text is located in the sentence (words matched in order, any spacing); a gold
actor whose text does not occur (a few are paraphrases) is counted as *unlocated* and
scored by its first occurring word if any.

We run the actors stage alone on each sentence, with the record's date.

* **recall** = share of gold actors for which we emit a mention overlapping the actor
  text whose country (or, for a sector code, whose CAMEO code prefix) equals the gold code.
* **precision** (participants) = among our *coded* mentions (country or code set) that
  overlap some gold actor, the share whose country/code equals that actor's code. The gold
  marks only the event's participants, so this is the precision where the gold has an opinion.
* **precision_all** = among all our coded mentions in the gold sentences, the share that
  overlap a gold actor with the same code. Coded mentions of actors that are not the
  event's participants ("..., a Jordanian official confirmed") count as wrong here, so it
  is a lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.eval.common import ratio, read_gold_records, shared_path
from detente.records import Article, Mention

# The gold file under the shared data folder (see detente.eval.common.shared_path).
GOLD_FILE = ("data", "gold", "plover", "plover_gsr_dev.json")


@dataclass(frozen=True, slots=True)
class GoldActor:
    record_id: str
    role: str  # source | target
    text: str
    code: str
    start: int
    end: int
    located: bool


@dataclass(frozen=True, slots=True)
class ActorMiss:
    record_id: str
    sentence: str
    actor_text: str
    gold_code: str
    found: tuple[str, ...]  # our overlapping mentions, "text=CODE/COUNTRY (rule)"


@dataclass(frozen=True, slots=True)
class WrongMention:
    record_id: str
    sentence: str
    text: str
    code: str | None
    country: str | None
    resolved_by: str
    gold: str  # the overlapping gold actor "text=CODE", or "" when none overlaps


@dataclass(slots=True)
class ActorScores:
    sentences: int = 0
    gold_actors: int = 0
    unlocated: int = 0
    found: int = 0  # gold actors found with the right country
    coded_overlapping: int = 0  # our coded mentions that overlap a gold actor
    right_overlapping: int = 0
    coded_all: int = 0
    right_all: int = 0
    misses: list[ActorMiss] = field(default_factory=list)
    wrong: list[WrongMention] = field(default_factory=list)  # wrong among overlapping
    extra: list[WrongMention] = field(default_factory=list)  # coded, overlapping no gold actor

    @property
    def recall(self) -> float:
        return ratio(self.found, self.gold_actors)

    @property
    def precision(self) -> float:
        return ratio(self.right_overlapping, self.coded_overlapping)

    @property
    def precision_all(self) -> float:
        return ratio(self.right_all, self.coded_all)

    def to_markdown(self, *, limit: int = 60) -> str:
        lines = [
            "## Actors (PLOVER GSR dev)",
            "",
            "| measure | value | counts |",
            "|---|---|---|",
            f"| recall | {self.recall:.3f} | {self.found}/{self.gold_actors} gold actors ({self.unlocated} unlocated) |",
            f"| precision (participants) | {self.precision:.3f} | {self.right_overlapping}/{self.coded_overlapping} coded mentions on gold actors |",
            f"| precision (all mentions) | {self.precision_all:.3f} | {self.right_all}/{self.coded_all} coded mentions |",
            "",
            f"Sentences: {self.sentences}.",
            "",
            "### Missed gold actors",
            "",
        ]
        for miss in self.misses[:limit]:
            found = "; ".join(miss.found) or "nothing"
            lines.append(
                f"- `{miss.record_id}` **{miss.actor_text}** = {miss.gold_code}: we have {found}"
            )
        lines += ["", "### Wrongly coded mentions on gold actors", ""]
        for wrong in self.wrong[:limit]:
            lines.append(
                f"- `{wrong.record_id}` **{wrong.text}** = {wrong.code}/{wrong.country} ({wrong.resolved_by}); gold {wrong.gold}"
            )
        lines += [
            "",
            "### Coded mentions outside the gold actors (not event participants or errors)",
            "",
        ]
        for extra in self.extra[:limit]:
            lines.append(
                f"- `{extra.record_id}` **{extra.text}** = {extra.code}/{extra.country} ({extra.resolved_by})"
            )
        return "\n".join(lines) + "\n"


def read_gold(gold_path: Path) -> Iterator[tuple[dict, list[GoldActor]]]:
    """Each gold sentence record with its located source and target actors."""
    records = read_gold_records(gold_path, "the PLOVER gold file")
    for record in records:
        if record.get("event") == "DOCUMENT" or not isinstance(record.get("text"), str):
            continue
        text = record["text"]
        actors: list[GoldActor] = []
        for role in ("source", "target"):
            entries = record.get(role) or []
            if not isinstance(entries, list):
                continue
            for entry in entries:
                if not isinstance(entry, dict):
                    continue
                actor_text, code = (
                    (entry.get("actorText") or "").strip(),
                    (entry.get("code") or "").strip(),
                )
                if not actor_text or not code:
                    continue
                span = locate(text, actor_text)
                located = span is not None
                if span is None:
                    span = locate_any_word(text, actor_text)
                if span is None:
                    span = (0, 0)
                actors.append(
                    GoldActor(
                        str(record.get("id", "?")), role, actor_text, code.upper(), *span, located
                    )
                )
        yield record, actors


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in phrase.split()]
    match = re.search(r"\s+".join(words), text) or re.search(
        r"\s+".join(words), text, re.IGNORECASE
    )
    return (match.start(), match.end()) if match else None


def locate_any_word(text: str, phrase: str) -> tuple[int, int] | None:
    for word in phrase.split():
        if len(word) >= 2 and word[0].isupper():
            span = locate(text, word)
            if span is not None:
                return span
    return None


def code_matches(mention: Mention, gold_code: str) -> bool:
    """ISO3 gold codes compare with the country; sector codes ("IGO") with our code's prefix."""
    if mention.country == gold_code:
        return True
    code = mention.code or ""
    return len(gold_code) == 3 and mention.country is None and code.startswith(gold_code)


def _overlaps(mention: Mention, actor: GoldActor) -> bool:
    return mention.start < actor.end and actor.start < mention.end


def _describe(mention: Mention) -> str:
    return f"{mention.text}={mention.code}/{mention.country} ({mention.resolved_by})"


def evaluate_actors(
    *, gold_path: Path | None = None, model: str | None = None, nlp=None
) -> ActorScores:
    """Run the actors stage on every gold sentence and score it (see the module doc).
    ``gold_path``: the PLOVER gold JSON (default: the shared folder's dev set)."""
    gold_path = gold_path or shared_path(*GOLD_FILE)
    from detente.nlp import load, make_doc

    gold = list(read_gold(Path(gold_path)))  # a bad gold file fails before the model loads
    if nlp is None:
        nlp = load(model, stages=["actors"])
    docs = (
        make_doc(nlp, Article(ref=record["id"], text=record["text"], date=record.get("date")))
        for record, _ in gold
    )
    return score_actors(gold, (doc._.mentions or [] for doc in nlp.pipe(docs, batch_size=64)))


def score_actors(
    gold: list[tuple[dict, list[GoldActor]]], mentions: Iterable[list[Mention]]
) -> ActorScores:
    """Score our mentions of each gold sentence (``mentions``: one list per ``gold`` item,
    in order) against its gold actors."""
    scores = ActorScores()
    for (record, actors), found in zip(gold, mentions, strict=True):
        scores.sentences += 1
        _score_recall(scores, record, actors, found)
        _score_precision(scores, record, actors, found)
    return scores


def _score_recall(
    scores: ActorScores, record: dict, actors: list[GoldActor], mentions: list[Mention]
) -> None:
    for actor in actors:
        scores.gold_actors += 1
        scores.unlocated += not actor.located
        overlapping = [m for m in mentions if _overlaps(m, actor)]
        if any(code_matches(m, actor.code) for m in overlapping):
            scores.found += 1
        else:
            scores.misses.append(
                ActorMiss(
                    record["id"],
                    record["text"],
                    actor.text,
                    actor.code,
                    tuple(_describe(m) for m in overlapping),
                )
            )


def _score_precision(
    scores: ActorScores, record: dict, actors: list[GoldActor], mentions: list[Mention]
) -> None:
    for mention in mentions:
        if mention.country is None and mention.code is None:
            continue
        scores.coded_all += 1
        on_gold = [a for a in actors if _overlaps(mention, a)]
        right = any(code_matches(mention, a.code) for a in on_gold)
        scores.right_all += right
        wrong = WrongMention(
            record["id"],
            record["text"],
            mention.text,
            mention.code,
            mention.country,
            mention.resolved_by,
            "; ".join(f"{a.text}={a.code}" for a in on_gold),
        )
        if on_gold:
            scores.coded_overlapping += 1
            scores.right_overlapping += right
            if not right:
                scores.wrong.append(wrong)
        else:
            scores.extra.append(wrong)


# ---------------------------------------------------------------- real-news gold (issue 10)
#
# The source and target actors of our real-news event gold (gold/realnews/, see
# docs/gold/events-guideline.md) scored by country: an actor is right when some mention we
# emit overlaps its span with the same country (ISO3, or the organization prefix: IGO, NGO,
# IMG...), as the event scorer compares actors. Every gold event with a PLOVER category
# counts its source and target once each (root 01 statements are left out, as the event
# scorer leaves them out). Four classes are reported apart:
#
# * ``mention``   named or described actors in the sentence ("Nepal's King Gyanendra",
#                 "the government", "protesters") -- the headline;
# * ``pronoun``   the sentence has only a pronoun ("they", "its", "we");
# * ``outside``   the actor is not in the sentence; the gold points at its nearest mention
#                 elsewhere in the article, which is scored;
# * ``implicit``  mentioned nowhere (a domestic act's own country): no mention can be right,
#                 the events stage must supply it; counted, never scored here.

# Function-word kinds whose words are pronouns (english/function_words.tsv).
PRONOUN_KINDS = (
    "personal-subject",
    "personal-object",
    "personal-possessive",
    "group-pronoun",
    "thing-pronoun",
    "possessive",
    "first-person",
    "anaphor",
)
REALNEWS_CLASSES = ("mention", "pronoun", "outside")


@dataclass(frozen=True, slots=True)
class RealnewsGoldActor:
    article: str  # "<corpus>:<record_id>"
    n: int  # sentence number
    role: str  # source | target
    text: str
    start: int | None  # offsets in the article text; None when implicit
    end: int | None
    code: str
    kind: str  # mention | pronoun | outside | implicit

    @property
    def key(self) -> str:
        return self.code[:3]


@dataclass(frozen=True, slots=True)
class RealnewsActorMiss:
    actor: RealnewsGoldActor
    sentence: str
    found: tuple[str, ...]  # our overlapping mentions, "text=CODE/COUNTRY (rule)"


@dataclass(slots=True)
class RealnewsActorScores:
    split: str | None
    annotator: str
    articles: int
    counts: dict  # class -> Counts (correct = right country, gold = predicted = gold actors)
    ci: dict  # class -> (low, high) 95 % article-bootstrap interval of the accuracy
    implicit: int = 0
    misses: list[RealnewsActorMiss] = field(default_factory=list)

    def accuracy(self, kind: str = "all") -> float:
        counts = self.counts[kind]
        return ratio(counts.correct, counts.gold)

    def to_markdown(self, *, limit: int | None = 80) -> str:
        total = self.counts["all"].gold + self.implicit
        lines = [
            f"## Actors (real-news gold {self.annotator}, split {self.split or 'all'})",
            "",
            f"{self.articles} articles. A gold actor is right when a mention overlapping it "
            "has its country.",
            "",
            "| gold actors | n | right | accuracy | 95 % CI |",
            "|---|---:|---:|---:|---|",
        ]
        names = {
            "mention": "named or described in the sentence",
            "pronoun": "pronouns",
            "outside": "outside the sentence (its nearest mention)",
            "all": "**all mentioned**",
        }
        for kind, name in names.items():
            counts, (low, high) = self.counts[kind], self.ci[kind]
            lines.append(
                f"| {name} | {counts.gold} | {counts.correct} | {self.accuracy(kind):.3f} | "
                f"{low:.2f}–{high:.2f} |"
            )
        lines += [
            f"| implicit (mentioned nowhere: the events stage's) | {self.implicit} | – | – | |",
            f"| all, implicit counted as misses | {total} | {self.counts['all'].correct} | "
            f"{ratio(self.counts['all'].correct, total):.3f} | |",
        ]
        if self.misses:
            lines += ["", "### Missed gold actors", ""]
            for miss in self.misses[:limit]:
                actor = miss.actor
                found = "; ".join(miss.found) or "nothing"
                lines.append(
                    f"- `{actor.article}` [{actor.n}] {actor.kind} **{actor.text}** = "
                    f"{actor.code}: we have {found} — {miss.sentence}"
                )
        return "\n".join(lines) + "\n"


def realnews_gold_actors(gold, pronouns: frozenset[str], split: str | None = None):
    """The gold actors of ``split`` (see the section's comment), in article order."""
    keys = gold.article_keys(split)
    wanted = set(keys)
    order = {key: number for number, key in enumerate(keys)}
    found: list[RealnewsGoldActor] = []
    for event in gold.gold.events:
        if event.article not in wanted or event.plover is None:
            continue
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor is None or not actor.code:
                continue
            if actor.implicit or actor.start is None:
                kind = "implicit"
            elif actor.outside:
                kind = "outside"
            elif actor.text.strip().lower() in pronouns:
                kind = "pronoun"
            else:
                kind = "mention"
            found.append(
                RealnewsGoldActor(
                    event.article, event.n, role, actor.text, actor.start, actor.end,
                    actor.code.upper(), kind,
                )
            )  # fmt: skip
    found.sort(key=lambda a: (order[a.article], a.n, a.start or 0))
    return found


def score_realnews_actors(
    gold,
    mentions: Mapping[str, Sequence[Mention]],
    *,
    pronouns: frozenset[str],
    split: str | None = None,
    resamples: int = 1000,
    seed: int = 9,
) -> RealnewsActorScores:
    """Score ``mentions`` (doc_id -> that document's mentions) against the gold actors of
    ``split`` of a :class:`~detente.eval.realnews.RealnewsGold`."""
    from detente.eval.realnews import Counts, bootstrap_ci, realnews_sentence_text

    keys = gold.article_keys(split)
    per_article = {kind: {key: Counts() for key in keys} for kind in (*REALNEWS_CLASSES, "all")}
    scores = RealnewsActorScores(split, gold.gold.annotator, len(keys), {}, {})
    for actor in realnews_gold_actors(gold, pronouns, split):
        if actor.kind == "implicit":
            scores.implicit += 1
            continue
        overlapping = [
            m
            for m in mentions.get(gold.doc_ids[actor.article], ())
            if m.start < actor.end and actor.start < m.end
        ]
        right = any((m.country or (m.code or "")[:3]) == actor.key for m in overlapping)
        one = Counts(int(right), 1, 1)
        for kind in (actor.kind, "all"):
            per_article[kind][actor.article] += one
        if not right:
            scores.misses.append(
                RealnewsActorMiss(
                    actor,
                    realnews_sentence_text(gold, actor.article, actor.n),
                    tuple(_describe(m) for m in overlapping),
                )
            )
    for kind, by_article in per_article.items():
        counts = list(by_article.values())
        scores.counts[kind] = sum(counts, Counts())
        interval = bootstrap_ci(counts, resamples=resamples, seed=seed)["precision"]
        scores.ci[kind] = interval
    return scores


def evaluate_realnews_actors(
    *,
    split: str = "dev",
    annotator: str = "A",
    gold_dir: Path | None = None,
    corpora_dir: Path | None = None,
    model: str | None = None,
    nlp=None,
) -> RealnewsActorScores:
    """Run the actors stage on the whole gold articles of ``split`` (each with its gold
    date) and score the source and target actors of their gold events."""
    from detente.eval.realnews import (
        DEFAULT_CORPORA_DIR,
        DEFAULT_GOLD_DIR,
        SPLITS,
        load_gold,
    )
    from detente.knowledge import load_knowledge
    from detente.nlp import load, make_doc

    if split not in SPLITS:
        raise InputError(str(split), "bad-split", f"split must be one of {', '.join(SPLITS)}")
    gold = load_gold(
        annotator,
        gold_dir=gold_dir or DEFAULT_GOLD_DIR,
        corpora_dir=corpora_dir or DEFAULT_CORPORA_DIR,
    )  # a missing or bad gold fails before the model loads
    if nlp is None:
        nlp = load(model, stages=["actors"])
    docs = (make_doc(nlp, article) for article in gold.documents(split))
    mentions = {doc._.doc_id: list(doc._.mentions or ()) for doc in nlp.pipe(docs, batch_size=16)}
    return score_realnews_actors(
        gold, mentions, pronouns=pronoun_words(load_knowledge()), split=split
    )


def pronoun_words(knowledge) -> frozenset[str]:
    """Every pronoun the knowledge layer's function words list (:data:`PRONOUN_KINDS`)."""
    words = knowledge.function_words
    return frozenset().union(*(words.of(kind) for kind in PRONOUN_KINDS))
