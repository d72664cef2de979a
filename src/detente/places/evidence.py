"""What a document says about where it is: the countries its names point to, the
first-level divisions it names, and its dateline. Place names are resolved with this
evidence (:mod:`detente.places.resolve`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.kb.base import KBPlace, KnowledgeBase
from detente.places.gazetteer import Gazetteer

# How much more a name's likeliest reading must score than the next one in another
# country (in log10 of population) to count as evidence of that country: "Boston" (the
# US city is 20 times the English town) counts, "Cambridge" does not.
DOMINANT_MARGIN = 1.0
# A dateline counts this many times a name in the text.
DATELINE_WEIGHT = 3
# The first characters of a text where a dateline may stand (after a byline or two).
DATELINE_REACH = 300
# A first-level division is evidence for the towns named this many sentences around it.
ADMIN1_REACH = 3

# "WASHINGTON (Reuters) -", "BUENOS AIRES, Argentina (AP) —", "PARIS –", "Washington (CNN)":
# a name in capitals, or any name before an agency in brackets, at the start of a line.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<name>(?:[A-Z][A-Z.'\-]+)(?:[ \t][A-Z][A-Z.'\-]+)*"
    r"|[A-Z][a-z.'\-]+(?:[ \t][A-Z][a-z.'\-]+)*(?=(?:,[^\n(]{1,30})?[ \t]*\([A-Za-z. ]+\)))"
    r"(?:,[ \t]*(?P<within>[A-Z][A-Za-z.'\- ]{1,30}?))?"
    r"[ \t]*(?:\([A-Za-z. ]{1,20}\))?[ \t]*(?:[-–—]+|(?<=\))[ \t])"
)


# "Tributes to Mandela – NIGERIA: A model displays...": a place's name in capitals that
# labels a photo caption, after the gallery's title and a dash, before a colon. Not at the
# start of a line, where a transcript's speaker stands ("JORDAN: I think...").
_LABEL = re.compile(r"[-–—][ \t]+(?P<name>[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+)*):[ \t]")


# The votes a name cast as country evidence: (sentence, ISO3) -> how many.
Votes = Counter[tuple[int, str]]


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the story was filed: the place's name span and the span of what follows it
    after a comma ("Argentina" in "BUENOS AIRES, Argentina (AP) —"), as character offsets."""

    start: int
    end: int
    within_start: int | None
    within_end: int | None

    @property
    def name_span(self) -> tuple[int, int]:
        return self.start, self.end


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a story, if it has one."""
    found = _DATELINE.search(text[:DATELINE_REACH])
    if found is None:
        return None
    within = found.span("within") if found.group("within") else (None, None)
    return Dateline(found.start("name"), found.end("name"), *within)


def find_labels(text: str) -> list[tuple[int, int]]:
    """The character spans of the names in capitals that label a photo caption ("– NIGERIA:
    A model..."): where the pictured scene is, as a dateline says for a story."""
    return [found.span("name") for found in _LABEL.finditer(text)]


class DocEvidence:
    """The countries and divisions a document names, counted once before resolution and
    added to as its places are resolved."""

    def __init__(self, gazetteer: Gazetteer, sentences: int) -> None:
        self.gazetteer = gazetteer
        self.countries: Counter[str] = Counter()
        self.by_sentence: list[Counter[str]] = [Counter() for _ in range(max(sentences, 1))]
        self.admin1s: dict[tuple[str, str], list[int]] = {}  # -> sentences naming it
        self.dateline_country: str | None = None

    def add(self, iso3: str | None, sentence: int, weight: int = 1) -> None:
        if iso3:
            self.countries[iso3] += weight
            self.by_sentence[sentence][iso3] += weight

    def add_admin1(self, place: KBPlace, sentence: int) -> None:
        if place.kind == "admin1" and place.country and place.admin1:
            self.admin1s.setdefault((place.country, place.admin1), []).append(sentence)

    def share(self, iso3: str | None, skip: Votes | None = None) -> float:
        """The share of the document's country evidence that names ``iso3``, leaving out the
        votes of the name being resolved (``skip``: what its occurrences counted for)."""
        skipped = sum(skip.values()) if skip else 0
        total = sum(self.countries.values()) - skipped
        return self.count(iso3, skip) / total if total > 0 else 0.0

    def near(
        self, iso3: str | None, sentence: int, skip: Votes | None = None, *, reach: int = 1
    ) -> bool:
        """Whether ``iso3`` is named in this sentence or the one before (``reach`` 0: this
        sentence only), apart from the votes in ``skip`` (the name being resolved: a name
        is no evidence for itself, wherever it stands)."""
        if not iso3:
            return False
        skip = skip or Counter()
        here = self.by_sentence[sentence][iso3] - skip[(sentence, iso3)]
        before = 0
        if sentence > 0 and reach:
            before = self.by_sentence[sentence - 1][iso3] - skip[(sentence - 1, iso3)]
        return here + before > 0

    def names_admin1(self, place: KBPlace, sentence: int, reach: int = ADMIN1_REACH) -> bool:
        """Whether a town's first-level division is named near it ("... in Massachusetts.
        Cambridge police said"), within ``reach`` sentences."""
        if place.kind != "city" or place.country is None:
            return False
        named = self.admin1s.get((place.country, place.admin1 or ""), ())
        return any(abs(sentence - other) <= reach for other in named)

    def count(self, iso3: str | None, skip: Votes | None = None) -> int:
        """How many times the document names ``iso3``, apart from the votes in ``skip``."""
        if not iso3:
            return 0
        skipped = sum(n for (_, country), n in skip.items() if country == iso3) if skip else 0
        return self.countries[iso3] - skipped


def dominant_reading(places: Iterable[KBPlace], prior) -> KBPlace | None:
    """The reading a name surely has, whatever the context: its only one, or one that
    outscores every reading in another country by ``DOMINANT_MARGIN``."""
    ranked = sorted(places, key=prior, reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    rivals = [p for p in ranked[1:] if p.country != best.country]
    if not rivals or prior(best) - prior(rivals[0]) >= DOMINANT_MARGIN:
        return best
    return None


def country_of_word(kb: KnowledgeBase, text: str, tags: frozenset[str] | set[str]) -> str | None:
    """The state a KB match surely names: a demonym, a seat of government, or the name of a
    country. Phoenix lists towns among a state's aliases ("Mansfield" for Britain): those
    do not count."""
    if "seat" in tags:
        seat = kb.seat(text)
        if seat is not None:
            return seat[0]
    if not tags & {"state", "demonym"}:
        return None
    iso3 = kb.state_for_word(text)
    if iso3 is None or "demonym" in tags:
        return iso3
    if any(p.kind == "country" and p.country == iso3 for p in kb.places_by_name(text)):
        return iso3
    return None


def char_to_token(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None
