"""Plain typed records: the data that flows out of the pipeline.

Every record carries ``doc_id`` and ``start``/``end`` character offsets into the
original text of its document. ``dataclasses.asdict`` of a record, plus the
``doc_ref`` of its document, is the JSON Lines contract in ``docs/output.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def make_doc_id(text: str) -> str:
    """Stable id of a document: the first 16 hex digits of SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``text`` is the original text; all offsets refer to it."""

    ref: str  # input path, or the record id for record inputs
    text: str
    title: str | None = None
    section: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD or None when unknown
    source: str | None = None
    url: str | None = None
    body_start: int = 0  # offset where the body starts (after desk line / headline)
    record: str | None = None  # record number or id within a multi-record file
    lang: str | None = None  # detected language code, e.g. "en"
    # record fields détente does not map (AllSides bias_text, topic, authors ...), stored as JSON
    meta: Mapping[str, Any] | None = field(default=None, hash=False)
    path: str | None = None  # the record file of a record input (``ref`` is then its id)

    @property
    def doc_id(self) -> str:
        return make_doc_id(self.text)


@dataclass(frozen=True, slots=True)
class Problem:
    """A bad input, or a warning about one: one row of the ``errors`` table."""

    ref: str  # file path (or "-" for stdin)
    reason: str  # short machine-readable reason, e.g. "empty-file", "malformed-json"
    detail: str  # one human sentence naming what is wrong
    record: str | None = None  # line number or record id inside the file
    severity: str = "error"  # "error" (input skipped) | "warning" (input kept)
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an actor or place in a document."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # person | organization | state | place | group
    actor_id: str | None  # stable canonical id, e.g. "shinzo-abe", "state:JPN"
    name: str | None  # canonical name
    code: str | None  # CAMEO actor code as of the article date, e.g. "JPNGOV"
    country: str | None  # ISO3
    sector: str | None  # e.g. "GOV", "MIL", "ELI"
    resolved_by: str  # ner | kb | alias | title | role | pronoun | pair | description | user-dictionary,
    # with a +antecedent, +focus, +outlet or +quote suffix when the context gave the country
    undated: bool = False  # True when the code was chosen without an article date
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    claimants: tuple[str, ...] = ()
    ner_label: str | None = None  # spaCy's label, kept as evidence


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor (row of the ``actors`` table)."""

    actor_id: str
    name: str
    kind: str
    code: str | None
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Place:
    """A canonical place (row of the ``places`` table)."""

    place_id: str
    name: str
    kind: str  # country | city | region | sea | disputed
    names: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    claimants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported statement and its speaker."""

    doc_id: str
    start: int  # quoted content without its marks
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_actor: str | None  # actor code
    speaker_description: str | None = None
    speaker_id: str | None = None  # canonical actor_id
    rule: str = ""  # which rule produced it (evidence)
    # The content's pieces in text order: one per pair of quotation marks when a direct
    # quote is told in several passages ('“A,” he said, “b.”', a quote going on over
    # paragraphs); otherwise the one piece (start, end).
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class TextSpan:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventActor:
    text: str
    start: int
    end: int
    actor_id: str | None
    name: str | None
    code: str | None
    country: str | None
    sector: str | None


# An event's factuality (Event.modality), as the real-news gold annotates it
# (docs/gold/events-guideline.md §7); "negated" is the Event.negated flag.
MODALITIES = (
    "asserted",
    "intended",
    "wanted",
    "demanded",
    "possible",
    "conditional",
    "claimed",
    "question",
)


@dataclass(frozen=True, slots=True)
class EventLocation:
    """Where an event happened (``detente.events.location``): a gazetteer place, or a
    country alone, and how it was chosen (``method``: clause | sentence | dateline | focus)."""

    place_id: str | None
    name: str
    country: str | None  # ISO3, on the article's date
    admin1: str | None  # the GeoNames code of its first-level division ("VA", "08")
    lat: float | None
    lon: float | None
    method: str


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one coded event with its evidence."""

    doc_id: str
    start: int  # = trigger start
    end: int  # = trigger end
    sentence_start: int
    sentence_end: int
    trigger: TextSpan
    date: str | None
    source: EventActor
    target: EventActor | None
    cameo: str  # keeps leading zero, e.g. "042"
    cameo_root: str  # e.g. "04"
    plover: str | None
    quad_class: int | None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None
    negated: bool = False
    # the event's factuality: asserted (it happened) | intended | wanted | demanded | possible |
    # conditional | claimed | question; consumers count only asserted, not negated events
    modality: str = "asserted"
    confidence: float = 1.0
    rule: str = ""  # the lexicon pattern / rule that produced it (evidence)
    symmetric: bool = (
        False  # a mutual act (met, talked, clashed): source and target interchangeable
    )
    location: EventLocation | None = None  # None: no place found (docs/output.md)


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline extracted from one article."""

    article: Article
    sentences: int = 0
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: str | None = None  # reason coding was skipped (e.g. "non-english")
