"""Score event coding (``detente eval events``), issue 4.

**PLOVER** (``plover_gsr_dev.json``): each record (the DOCUMENT record aside) is a sentence
with one gold event: a PLOVER category (the GSR's names: DEMAND, DISAPPROVE, FIGHT ...),
``source[]`` and ``target[]`` actors with codes (ISO3, or CAMEO "IGO"/"NGO"/"IMG"/...).
Sentences that carry several gold records are coded once. Our CAMEO code is named in the
GSR's categories by ``data/events/plover_gsr.tsv``.

* a gold record is *recalled* when we output, in its sentence, an event of its category
  whose source matches one of the gold source codes and, where gold has targets, whose
  target matches one of them;
* *precision*: among our events in the gold sentences, the share that match some gold
  record of the sentence. Only events that occurred count (modality ``asserted``, not
  negated: the one rule of every consumer, ``detente.store.factuality``): an intended,
  demanded or possible act is not a claim that it happened, and PLOVER codes the verbal act
  that speaks of it (the threat, the demand) instead. Events without a PLOVER category
  (CAMEO 01, statements, which PLOVER does not code) are not counted either. A symmetric
  event ("Abe met Trump") matches in either direction.
An actor matches a code when its country is the code (or its ISO alias), or, for a
sector code, when its CAMEO code starts with it.

**PETRARCH** (``unittest_dev.xml``): the validation records, coded with the suite's own
dictionaries only (``shipped_kb=False``); parse trees in the file are ignored. Gold and
predicted events are sets of (source code, target code, event code) per record; *exact*
scores P/R/F1 over those triples, *root* compares the event code's first two characters.
Negated events are compared too (PETRARCH codes negation through its own patterns), and so
are events of every factuality: PETRARCH codes "will visit" as the visit. A symmetric
event counts as both directions, as PETRARCH writes a mutual act.
A record id the file repeats (it has two ``AGENTS-19``) gets a ``#2`` suffix, so each
record is scored on its own predictions. ``half`` (``A``/``B``) scores one half of the
records: ids sorted, even positions are ``A``, odd ones ``B`` — the guard against rules that
fit a few records (a mechanism must gain on both).
Records marked ``noevents`` must produce none (``false_event_records`` counts those that
do). Records marked ``error`` test PETRARCH's own input checks (datelines, broken parse
trees) and are skipped, except ``sentencediscard`` ones, which the suite's discard list
(``PETR.Validate.discards.txt``) applies to: a sentence containing a discard phrase is
not coded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.eval.common import halves, prf, read_gold_records, shared_path
from detente.knowledge import load_knowledge
from detente.records import Article, Event, EventActor
from detente.store.factuality import occurred

# Defaults under the shared data folder (see detente.eval.common.shared_path).
PLOVER_GOLD = ("data", "gold", "plover", "plover_gsr_dev.json")
PETRARCH_GOLD = ("data", "gold", "petrarch", "unittest_dev.xml")
PETRARCH_DICTS = ("data", "dictionaries", "petrarch2")
NONE = "-"  # the confusion table's "no event" row/column


# ---------------------------------------------------------------- PLOVER


def gsr_category(cameo: str) -> str | None:
    """Our CAMEO code in the PLOVER-GSR's category names."""
    return load_knowledge().plover_gsr.category(cameo)


def actor_matches(actor: EventActor | None, gold_code: str) -> bool:
    if actor is None:
        return False
    code = load_knowledge().plover_gsr.actor_iso3.get(gold_code, gold_code)
    if actor.country and actor.country == code:
        return True
    return bool(actor.code) and actor.code.startswith(code) and len(code) == 3


@dataclass(frozen=True, slots=True)
class GoldEvent:
    record_id: str
    category: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]

    def matched_by(self, event: Event) -> bool:
        if not occurred(event) or gsr_category(event.cameo) != self.category:
            return False
        if self._matches(event.source, event.target):
            return True
        # a symmetric event ("Abe met Trump") says nothing of who acted first
        return event.symmetric and self._matches(event.target, event.source)

    def _matches(self, source: EventActor | None, target: EventActor | None) -> bool:
        if not any(actor_matches(source, code) for code in self.sources):
            return False
        return not self.targets or any(actor_matches(target, code) for code in self.targets)


@dataclass(frozen=True, slots=True)
class EventMiss:
    record_id: str
    sentence: str
    gold: str  # "CATEGORY SRC->TGT"
    ours: tuple[str, ...]  # our events in the sentence, "CATEGORY(cameo) SRC->TGT trigger"


@dataclass(slots=True)
class CategoryScore:
    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.correct, self.predicted, self.gold, recalled=self.recalled)


@dataclass(slots=True)
class EventScores:
    sentences: int = 0
    overall: CategoryScore = field(default_factory=CategoryScore)
    by_category: dict[str, CategoryScore] = field(
        default_factory=lambda: defaultdict(CategoryScore)
    )
    confusion: Counter = field(default_factory=Counter)  # (gold category, our category) -> n
    misses: list[EventMiss] = field(default_factory=list)
    false_events: list[EventMiss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.overall.prf[0]

    @property
    def recall(self) -> float:
        return self.overall.prf[1]

    @property
    def f1(self) -> float:
        return self.overall.prf[2]

    def to_markdown(self) -> str:
        p, r, f = self.overall.prf
        lines = [
            "## Events vs PLOVER-GSR dev",
            "",
            f"{self.sentences} sentences, {self.overall.gold} gold events, {self.overall.predicted} of our events scored.",
            "",
            "| category | gold | recalled | ours | correct | P | R | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| **all** | {self.overall.gold} | {self.overall.recalled} | {self.overall.predicted} | "
            f"{self.overall.correct} | {p:.3f} | {r:.3f} | {f:.3f} |",
        ]
        for name in sorted(self.by_category):
            score = self.by_category[name]
            cp, cr, cf = score.prf
            lines.append(
                f"| {name} | {score.gold} | {score.recalled} | {score.predicted} | {score.correct} | "
                f"{cp:.3f} | {cr:.3f} | {cf:.3f} |"
            )
        names = sorted({g for g, _ in self.confusion} | {o for _, o in self.confusion})
        lines += [
            "",
            "Confusion (rows gold, columns our category on the gold sentence; - = none):",
            "",
        ]
        lines.append("| gold \\ ours | " + " | ".join(names) + " |")
        lines.append("|---|" + "---:|" * len(names))
        for gold in names:
            if not any(self.confusion[(gold, o)] for o in names):
                continue
            cells = [str(self.confusion[(gold, o)] or "") for o in names]
            lines.append(f"| {gold} | " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"


def read_plover_gold(gold_path: Path) -> list[dict]:
    records = read_gold_records(gold_path, "PLOVER gold")
    kept = [
        r
        for r in records
        if r.get("event") and r.get("event") != "DOCUMENT" and isinstance(r.get("text"), str)
    ]
    if not kept:
        raise InputError(str(gold_path), "malformed-gold", "PLOVER gold holds no event records")
    return kept


def _codes(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["code"] for a in value if a.get("code"))


def _describe(event: Event) -> str:
    target = event.target.code if event.target else "-"
    neg = " NOT" if event.negated else ""
    return f"{gsr_category(event.cameo)}({event.cameo}){neg} {event.source.code}->{target} '{event.trigger.text}'"


def score_plover(gold_records: list[dict], events_by_text: dict[str, list[Event]]) -> EventScores:
    """Score already-coded sentences (``events_by_text``: sentence text -> our events)."""
    scores = EventScores()
    by_text: dict[str, list[GoldEvent]] = defaultdict(list)
    for record in gold_records:
        by_text[record["text"]].append(
            GoldEvent(
                record["id"],
                record["event"],
                _codes(record.get("source")),
                _codes(record.get("target")),
            )
        )
    for text, golds in by_text.items():
        scores.sentences += 1
        ours = [e for e in events_by_text.get(text, []) if occurred(e) and gsr_category(e.cameo)]
        for gold in golds:
            scores.overall.gold += 1
            scores.by_category[gold.category].gold += 1
            if any(gold.matched_by(e) for e in ours):
                scores.overall.recalled += 1
                scores.by_category[gold.category].recalled += 1
                scores.confusion[(gold.category, gold.category)] += 1
            else:
                found = {gsr_category(e.cameo) for e in ours} or {NONE}
                for category in found:
                    scores.confusion[(gold.category, category)] += 1
                scores.misses.append(
                    EventMiss(
                        gold.record_id,
                        text,
                        f"{gold.category} {'/'.join(gold.sources)}->{'/'.join(gold.targets) or '-'}",
                        tuple(_describe(e) for e in ours),
                    )
                )
        for event in ours:
            category = gsr_category(event.cameo) or NONE
            scores.overall.predicted += 1
            scores.by_category[category].predicted += 1
            if any(g.matched_by(event) for g in golds):
                scores.overall.correct += 1
                scores.by_category[category].correct += 1
            else:
                scores.false_events.append(
                    EventMiss(
                        golds[0].record_id,
                        text,
                        "; ".join(g.category for g in golds),
                        (_describe(event),),
                    )
                )
    return scores


def evaluate_plover(
    *, gold_path: Path | None = None, model: str | None = None, nlp=None
) -> EventScores:
    """Code every PLOVER-GSR dev sentence with the full pipeline and score it.
    ``gold_path``: the PLOVER gold JSON (default: the shared folder's dev set)."""
    gold_path = gold_path or shared_path(*PLOVER_GOLD)
    from detente.nlp import load, make_doc

    records = read_plover_gold(Path(gold_path))  # a bad gold file fails before the model loads
    if nlp is None:
        nlp = load(model)
    texts: dict[str, str | None] = {}
    for record in records:
        texts.setdefault(record["text"], record.get("date"))
    docs = (make_doc(nlp, Article(ref="plover", text=t, date=d)) for t, d in texts.items())
    events_by_text = {doc.text: list(doc._.events or []) for doc in nlp.pipe(docs, batch_size=64)}
    return score_plover(records, events_by_text)


# ---------------------------------------------------------------- PETRARCH


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    record_id: str
    category: str
    date: str | None
    text: str
    events: frozenset[tuple[str, str, str]]
    expect_none: bool  # noevents, or a sentence discard
    error: str | None


@dataclass(frozen=True, slots=True)
class PetrarchMiss:
    record_id: str
    text: str
    gold: tuple[str, ...]
    ours: tuple[str, ...]


@dataclass(slots=True)
class PetrarchScores:
    records: int = 0
    skipped: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    exact_tp: int = 0
    root_tp: int = 0
    records_exact: int = 0  # records whose event set we reproduce exactly
    no_event_records: int = 0
    false_event_records: int = 0
    misses: list[PetrarchMiss] = field(default_factory=list)
    half: str | None = None  # the half scored (None: every record)

    @property
    def exact(self) -> tuple[float, float, float]:
        return prf(self.exact_tp, self.predicted_events, self.gold_events)

    @property
    def root(self) -> tuple[float, float, float]:
        return prf(self.root_tp, self.predicted_events, self.gold_events)

    def to_markdown(self) -> str:
        ep, er, ef = self.exact
        rp, rr, rf = self.root
        title = f"dev, half {self.half}" if self.half else "dev"
        return (
            f"## Events vs PETRARCH unit tests ({title})\n\n"
            f"{self.records} records scored ({self.skipped} PETRARCH input-error records skipped); "
            f"{self.gold_events} gold events, {self.predicted_events} ours.\n\n"
            "| match | P | R | F1 |\n|---|---:|---:|---:|\n"
            f"| exact (source, target, code) | {ep:.3f} | {er:.3f} | {ef:.3f} |\n"
            f"| root (source, target, root) | {rp:.3f} | {rr:.3f} | {rf:.3f} |\n\n"
            f"Records reproduced exactly: {self.records_exact}/{self.records}. "
            f"No-event records with events from us: {self.false_event_records}/{self.no_event_records}.\n"
        )


def read_petrarch_gold(gold_path: Path) -> list[PetrarchRecord]:
    try:
        root = ET.parse(gold_path).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputError(
            str(gold_path), "unreadable-gold", f"cannot read PETRARCH records: {e}"
        ) from e
    records = []
    seen: Counter = Counter()
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        events: set[tuple[str, str, str]] = set()
        expect_none = False
        error = None
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents"):
                expect_none = True
            elif coding.get("error"):
                error = coding.get("error")
            elif coding.get("eventcode"):
                events.add(
                    (
                        coding.get("sourcecode", ""),
                        coding.get("targetcode", ""),
                        coding.get("eventcode", ""),
                    )
                )
        record_id = sentence.get("id", "")
        seen[record_id] += 1
        if seen[record_id] > 1:  # a repeated id must not share the first one's predictions
            record_id = f"{record_id}#{seen[record_id]}"
        raw_date = sentence.get("date") or ""
        date = (
            f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}"
            if re.fullmatch(r"\d{8}", raw_date)
            else None
        )
        records.append(
            PetrarchRecord(
                record_id=record_id,
                category=sentence.get("category", ""),
                date=date,
                text=" ".join(text_node.text.split()),
                events=frozenset(events),
                expect_none=expect_none or error == "sentencediscard",
                error=error,
            )
        )
    if not records:
        raise InputError(str(gold_path), "malformed-gold", "no <Sentence> records with a <Text>")
    return records


def read_discards(path: Path) -> list[str]:
    """PETRARCH discard phrases (lowercase; ``+`` story-level marks dropped: one sentence here)."""
    phrases = []
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = re.sub(r"(?:^|\s)#.*$", "", raw).strip()
        if line:
            phrases.append(" ".join(line.lstrip("+").replace("_", " ").split()).lower())
    return phrases


def _event_triples(event: Event) -> list[tuple[str, str, str]]:
    """The event as PETRARCH writes it: a symmetric event is both directions."""
    source = event.source.code or "---"
    target = event.target.code if event.target is not None and event.target.code else "---"
    if event.symmetric and event.target is not None:
        return [(source, target, event.cameo), (target, source, event.cameo)]
    return [(source, target, event.cameo)]


def score_petrarch(
    records: list[PetrarchRecord], predicted: dict[str, set[tuple[str, str, str]]]
) -> PetrarchScores:
    scores = PetrarchScores()
    for record in records:
        if record.error and record.error != "sentencediscard":
            scores.skipped += 1
            continue
        scores.records += 1
        ours = predicted.get(record.record_id, set())
        gold = set(record.events)
        scores.gold_events += len(gold)
        scores.predicted_events += len(ours)
        scores.exact_tp += len(gold & ours)
        gold_roots = Counter((s, t, c[:2]) for s, t, c in gold)
        our_roots = Counter((s, t, c[:2]) for s, t, c in ours)
        scores.root_tp += sum((gold_roots & our_roots).values())
        if record.expect_none and not gold:
            scores.no_event_records += 1
            scores.false_event_records += bool(ours)
        if gold == ours:
            scores.records_exact += 1
        else:
            scores.misses.append(
                PetrarchMiss(
                    record.record_id,
                    record.text,
                    tuple(sorted("/".join(e) for e in gold)),
                    tuple(sorted("/".join(e) for e in ours)),
                )
            )
    return scores


def load_petrarch_nlp(dict_dir: Path, model: str | None = None):
    """The pipeline with the suite's own ``PETR.Validate.*`` dictionaries only."""
    from detente.nlp import load

    return load(
        model,
        actor_files=[
            str(dict_dir / "PETR.Validate.actors.txt"),
            str(dict_dir / "PETR.Validate.agents.txt"),
        ],
        verb_files=[str(dict_dir / "PETR.Validate.verbs.txt")],
        shipped_kb=False,
    )


def petrarch_discards(dict_dir: Path) -> re.Pattern | None:
    """One pattern for all the suite's discard phrases (compiled once, not per record)."""
    discards = read_discards(dict_dir / "PETR.Validate.discards.txt")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, discards)) + r")\b") if discards else None


def evaluate_petrarch(
    *,
    gold_path: Path | None = None,
    dict_dir: Path | None = None,
    model: str | None = None,
    nlp=None,
    half: str | None = None,
) -> PetrarchScores:
    """Code PETRARCH's validation records with its own dictionaries alone and score them.
    ``gold_path``: the unit-test XML; ``dict_dir``: the folder of the ``PETR.Validate.*``
    dictionaries (defaults: the shared folder's); ``half``: score half ``A`` or ``B`` only."""
    from detente.nlp import make_doc

    gold_path = gold_path or shared_path(*PETRARCH_GOLD)
    dict_dir = Path(dict_dir) if dict_dir else shared_path(*PETRARCH_DICTS)
    # a bad gold file or half fails before the model loads
    records = halves(read_petrarch_gold(Path(gold_path)), half, key=lambda r: r.record_id)
    if nlp is None:
        nlp = load_petrarch_nlp(dict_dir, model)
    discard_re = petrarch_discards(dict_dir)
    to_code = [
        r
        for r in records
        if not (r.error and r.error != "sentencediscard")
        and not (discard_re and discard_re.search(r.text.lower()))
    ]
    docs = (make_doc(nlp, Article(ref=r.record_id, text=r.text, date=r.date)) for r in to_code)
    predicted: dict[str, set[tuple[str, str, str]]] = {}
    for record, doc in zip(to_code, nlp.pipe(docs, batch_size=64), strict=True):
        # PETRARCH has no negation flag: its dictionaries code negated verbs with patterns
        # ("- &NEGATVAUXVRB * ..."), so every event we emit is compared.
        # A symmetric event ("Gondor and Osgiliath met") is both of PETRARCH's directions.
        predicted[record.record_id] = {t for e in doc._.events or [] for t in _event_triples(e)}
    scores = score_petrarch(records, predicted)
    scores.half = half
    return scores
