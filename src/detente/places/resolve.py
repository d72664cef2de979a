"""Resolve the place names of one document in context.

Each reading of a name scores its prior (the kind of place and the size of its
population: what the name most often means) plus the evidence of the document: a
"Town, Division" apposition ("Kingston, Ontario"), the dateline, countries and divisions
named in the same sentence and across the document, and the reading the same name took
before. The best reading wins, and keeps the reason that decided it (``resolved_by``):

* ``apposition``: it lies in the division or country written after it;
* ``dateline``: the story's dateline, or its country decided;
* ``same-name``: the same name was resolved by an apposition or dateline elsewhere;
* ``context``, ``doc-country``, ``admin1``, ``earlier-mention``: the sentence's countries,
  the document's main countries, a division the document names, an earlier reading
  outweighed the prior;
* ``kind``, ``population``: the prior alone (a country before a town named after it; the
  largest town of the name), ``unique``: the name has one reading;
* for names the gazetteer lacks (a building, a street): ``apposition``, ``within`` ("the
  hospital in Cambridge", "Luanda's Independence Square"), ``country-inside`` ("Stade de
  France"), ``near-place`` (the sentence's place), ``doc-country``, or ``ner`` (no country);
  ``seat``: a seat of government's building, placed in its capital ("at the White House").

The stage that calls it (:mod:`detente.actors.component`) decides whether a name is a place
or an actor; :func:`located_as` tells when a state's name is used for its land.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from detente.kb.base import KBPlace, KnowledgeBase
from detente.knowledge.places import PlaceLexicon
from detente.nlp.extensions import doc_text
from detente.nlp.syntax import PLACE_LABELS, SUBJECT_DEPS, prepositional_objects
from detente.places.evidence import (
    DATELINE_WEIGHT,
    DocEvidence,
    Votes,
    char_to_token,
    country_of_word,
    dominant_reading,
    find_dateline,
    find_labels,
)
from detente.places.gazetteer import (
    DIVISION_KINDS,
    Gazetteer,
    fame_score,
    place_key,
    size_score,
)

# Kinds of place that contain towns: the second part of "Town, X".
CONTAINER_KINDS = frozenset({"country", "admin1", "admin2"})
# where a name modifies a noun ("the Iraq war", "an Iraq-based group")
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
NOMINALS = frozenset({"NOUN", "PROPN"})  # what a listed name may hang on
HYPHENS = frozenset({"-", "–", "—"})  # "the Turkey-Syria border"
# the parser's labels of a geographic place (not a building: "the Hamilton Theatre")
PLACE_NAME_LABELS = frozenset({"GPE", "LOC"})
# The longest container name after a comma ("Town, New South Wales").
CONTAINER_TOKENS = 4
# Evidence features and the reason each gives when it decides.
EVIDENCE_REASONS = (
    ("document", "doc-country"),
    ("sentence", "context"),
    ("listed", "context"),
    ("admin1", "admin1"),
    ("dateline", "dateline"),
    ("earlier", "earlier-mention"),
)
# A share of the document's country evidence this large makes its main country.
FOCUS_SHARE = 0.5
# ... and this many names of it, to read an unknown small town abroad as one of its places.
FOCUS_MIN = 2
# Every ``resolved_by`` a place mention may carry (documented in docs/output.md).
PLACE_REASONS = (
    "apposition",
    "dateline",
    "label",
    "same-name",
    *(reason for _feature, reason in EVIDENCE_REASONS),
    "kind",
    "population",
    "unique",
    "within",
    "country-inside",
    "near-place",
    "directional",
    "seat",
)


class NameSpan(Protocol):
    """A name the actors stage found: token offsets, KB tags, NER label."""

    start: int
    end: int
    tags: frozenset[str]
    label: str | None


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """What a place name resolves to: a gazetteer place (or None for a name it lacks),
    the country it lies in on the article's date, and the reason."""

    place: KBPlace | None
    country: str | None
    resolved_by: str


class DocPlaces:
    """The place resolution of one document (state lives here, not in the stage)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: PlaceLexicon,
        doc: Doc,
        names: Sequence[NameSpan],
        sentence_of: Sequence[int],
        matches: Sequence[NameSpan] = (),
        *,
        when: date | None,
        new_states: dict[str, tuple[date, str]] | None = None,
    ) -> None:
        self.kb = kb
        self.gazetteer: Gazetteer = kb.gazetteer
        self.lexicon = lexicon
        self.weights = lexicon.weights
        self.doc = doc
        self.sentence_of = sentence_of
        self.when = when
        self.new_states = new_states or {}
        self.names = {(n.start, n.end): n for n in names}
        self.matches = matches  # every dictionary match, nested ones too
        self.evidence = DocEvidence(self.gazetteer, (sentence_of[-1] + 1) if len(doc) else 1)
        # name key -> the votes its occurrences cast: a name is no evidence for itself ("Tripoli"
        # read in Libya by its size must not vote Libya for the next "Tripoli" of its sentence)
        self.votes: dict[str, Votes] = {}
        self.fixed: dict[tuple[int, int], PlaceReading] = {}  # appositions, dateline
        self.strong: dict[str, PlaceReading] = {}  # key -> reading from apposition/dateline
        self.earlier: dict[str, KBPlace] = {}  # key -> the last reading of that name
        self.memo: dict[tuple[int, int], PlaceReading | None] = {}
        self._count_evidence(names)
        self._read_dateline()
        self._read_labels()
        self._read_appositions(names)

    # -- the evidence, before any name is resolved ------------------------------------------
    def prior(self, place: KBPlace) -> float:
        w = self.weights
        if place.kind == "country":
            return w["country"]
        if place.kind == "disputed":
            return w["disputed"]
        if place.kind in ("region", "sea"):
            return w["region"]
        size = size_score(place.population) if place.population else w["unknown_size"]
        if place.kind == "admin1":
            return size - w["admin1_discount"]
        if place.kind == "admin2":
            return size + w["county"]
        fame = w["fame"] * fame_score(place.alternates)
        return size + fame + (w["capital"] if self._capital_or_seat(place) else 0.0)

    def _capital_or_seat(self, place: KBPlace) -> bool:
        """A national capital, or a town by it that names a seat of its government
        ("Westminster" in London is named more often than its size says)."""
        if self.gazetteer.is_capital(place):
            return True
        if place.population < self.weights["small_town_population"]:
            return False  # a seat's namesake village by the capital is no seat
        seats = (self.kb.seat(name) for name in place.names)  # "City of Westminster"
        if not any(seat is not None and seat[0] == place.country for seat in seats):
            return False
        return self.gazetteer.near_capital(place)

    def _count_evidence(self, names: Sequence[NameSpan]) -> None:
        for name in names:
            if name.label == "PERSON":
                continue
            text = self.doc[name.start : name.end].text
            sentence = self.sentence_of[name.start]
            places = self.gazetteer.lookup(text)
            tags = name.tags
            if "seat" in tags and any(p.kind == "city" for p in places):
                tags = tags - {"seat"}  # a capital's name is a town's too ("Hamilton")
            iso3 = country_of_word(self.kb, text, tags)
            if iso3 is None and ("place" in tags or name.label in PLACE_LABELS):
                place = dominant_reading(places, self.prior)
                if place is not None and not self._small_town(place):
                    iso3 = self.country_of(place)
                    self.evidence.add_admin1(place, sentence)
            if iso3 is not None:
                self.evidence.add(iso3, sentence)
                self.votes.setdefault(place_key(text), Counter())[(sentence, iso3)] += 1

    def _read_dateline(self) -> None:
        dateline = find_dateline(doc_text(self.doc))
        if dateline is None:
            return
        span = char_to_token(self.doc, dateline.start, dateline.end)
        if span is None:
            return
        within = None
        if dateline.within_start is not None:
            within = char_to_token(self.doc, dateline.within_start, dateline.within_end)
        text = self.doc[span[0] : span[1]].text
        candidates = self.gazetteer.lookup(text)
        if within is not None:
            pair = self._container_pair(candidates, self.doc[within[0] : within[1]].text)
            if pair is not None:
                self._fix(span, pair[0], "dateline", text)
                self._fix(within, pair[1], "dateline", None)
                self._count_dateline(pair[0])
                return
        best = max(candidates, key=self.prior, default=None)
        if best is not None:
            self._fix(span, best, "dateline", text)
            self._count_dateline(best)

    def _read_labels(self) -> None:
        """ "– NIGERIA: A model displays...": a place's name in capitals labelling a photo
        caption is where the scene is (its likeliest reading), not an actor."""
        for start, end in find_labels(doc_text(self.doc)):
            span = char_to_token(self.doc, start, end)
            if span is None or span in self.fixed:
                continue
            candidates = self.gazetteer.lookup(self.doc[span[0] : span[1]].text)
            best = max(candidates, key=self.prior, default=None)
            if best is not None:
                self._fix(span, best, "label", None)

    def _count_dateline(self, place: KBPlace) -> None:
        country = self.country_of(place)
        self.evidence.add(country, 0, DATELINE_WEIGHT)
        self.evidence.dateline_country = country

    def _read_appositions(self, names: Sequence[NameSpan]) -> None:
        """ "Kingston, Ontario", "Alexandria, Va.", "Lagos, Nigeria": a town and the
        division or country it lies in, read together (the pair that fits wins)."""
        doc = self.doc
        starts = {n.start: n for n in names}
        for name in names:
            if name.end + 1 >= len(doc):
                continue
            if doc[name.end].lower_ == "in" and name.end + 1 in starts:
                self._read_located_pair(name, starts[name.end + 1])
                continue
            if doc[name.end].text != ",":
                continue
            if name.label == "PERSON" or (name.start, name.end) in self.fixed:
                continue
            text = doc[name.start : name.end].text
            candidates = [p for p in self.gazetteer.lookup(text) if p.kind not in ("country",)]
            if not candidates:
                continue
            for end in range(min(len(doc), name.end + 1 + CONTAINER_TOKENS), name.end + 1, -1):
                container = doc[name.end + 1 : end]
                if not _written_as_name(container):
                    continue
                pair = self._container_pair(candidates, container.text)
                if pair is not None:
                    self._fix((name.start, name.end), pair[0], "apposition", text)
                    self._fix((container.start, container.end), pair[1], "apposition", None)
                    break

    def _read_located_pair(self, name: NameSpan, container: NameSpan) -> None:
        """ "Oakham in Rutland", "Richmond in Virginia": a town said to lie in a division or
        country named next, read as an apposition where some reading of each fits."""
        if "PERSON" in (name.label, container.label) or (name.start, name.end) in self.fixed:
            return
        text = self.doc[name.start : name.end].text
        candidates = [p for p in self.gazetteer.lookup(text) if p.kind != "country"]
        pair = self._container_pair(candidates, self.doc[container.start : container.end].text)
        if pair is not None:
            self._fix((name.start, name.end), pair[0], "apposition", text)
            self._fix((container.start, container.end), pair[1], "apposition", None)

    def _container_pair(
        self, candidates: list[KBPlace], container_text: str
    ) -> tuple[KBPlace, KBPlace] | None:
        containers = [p for p in self.gazetteer.lookup(container_text) if p.kind in CONTAINER_KINDS]
        pairs = [
            (inner, outer)
            for inner in candidates
            for outer in containers
            if self.gazetteer.contains(outer, inner)
        ]
        if not pairs:
            return None
        return max(pairs, key=lambda pair: self.prior(pair[0]) + self.prior(pair[1]))

    def _fix(self, span: tuple[int, int], place: KBPlace, reason: str, text: str | None) -> None:
        reading = PlaceReading(place, self.country_of(place), reason)
        self.fixed[span] = reading
        if text is not None:
            self.strong.setdefault(
                place_key(text), PlaceReading(place, reading.country, "same-name")
            )
        self.evidence.add_admin1(place, self.sentence_of[span[0]])

    def add_names(self, names: Sequence[NameSpan]) -> None:
        """Names the stage adds after the first reading (apposition containers)."""
        self.names.update({(n.start, n.end): n for n in names})

    # -- resolution --------------------------------------------------------------------------
    def may_be_seat(self, start: int, end: int, iso3: str) -> bool:
        """Whether a seat of government's name can stand for its government here: it has no
        other reading, or it reads as a place of that state ("Hamilton" in a story on
        Ontario is no seat of Bermuda's government). A seat that is no capital (a building,
        a district: "Whitehall", "Westminster", "Langley") loses to a namesake town abroad
        only where the document points there, not by the town's size alone."""
        cities = [p for p in self.gazetteer.lookup(self.doc[start:end].text) if p.kind == "city"]
        if not cities:
            return True
        reading = self.resolve(start, end)
        if reading is None or reading.country == iso3:
            return True
        text = self.doc[start:end].text
        capital = self.gazetteer.capital_of(iso3)
        if capital is None or place_key(text) in {place_key(n) for n in capital.names}:
            return False  # a capital (or a state whose capital the gazetteer lacks)
        if reading.place is None:
            return True
        evidence = self._evidence(
            reading.place, reading.country, place_key(text), self.sentence_of[start]
        )
        evidence.pop("earlier", None)  # the reading this very call just remembered
        return not any(weight > 0 for weight in evidence.values())

    def names_place_in(self, text: str, iso3: str | None) -> bool:
        """Whether the name is a name of a place (other than a country) in that country."""
        return any(p.country == iso3 and p.kind != "country" for p in self.gazetteer.lookup(text))

    def names_province_of(self, text: str, iso3: str | None) -> bool:
        """Whether a name a dictionary gives a state is a province or town of it, not the
        state's own name ("Florida", "Helmand" -- but not "Mexico", also a Mexican state)."""
        places = self.gazetteer.lookup(text)
        if any(p.kind == "country" and p.country == iso3 for p in places):
            return False
        return any(p.country == iso3 for p in places)

    def inside_other_name(self, span: Span) -> bool:
        """A place name that is part of another name: inside an entity of another kind
        ("the Battle of Waterloo" as an event), or after "X of the" ("State of the Union",
        "Bank of the West")."""
        doc = self.doc
        for ent in doc.ents:
            if (
                ent.start <= span.start
                and span.end <= ent.end
                and (ent.start, ent.end) != (span.start, span.end)
                and ent.label_ not in PLACE_LABELS
            ):
                return True
        start = span.start
        return (
            start >= 3
            and doc[start - 1].lower_ == "the"
            and doc[start - 2].lower_ in self.lexicon.owner_prepositions
            and doc[start - 3].is_title
            and not doc[start - 3].is_sent_start
        )

    def country_of(self, place: KBPlace) -> str | None:
        """The state a place lies in on the article's date: a disputed territory's
        administrator then, and a town of a state that did not exist yet (Juba in 2005)
        the state it was part of."""
        country = self.gazetteer.country_on(place, self.when)
        if place.kind in ("country", "disputed") or country not in self.new_states:
            return country
        first_day, before = self.new_states[country]
        return before if self.when is not None and self.when < first_day else country

    def resolve(
        self,
        start: int,
        end: int,
        *,
        places: list[KBPlace] | None = None,
        country: str | None = None,
    ) -> PlaceReading | None:
        """The reading of the place name at tokens ``start:end`` (None when the gazetteer
        has no place of that name, in ``country`` if given)."""
        if (start, end) in self.fixed:
            return self._remember(start, end, self.fixed[(start, end)])
        text = self.doc[start:end].text
        key = place_key(text)
        strong = self.strong.get(key)
        if strong is not None and (country is None or strong.country == country):
            return self._remember(start, end, strong)
        candidates = places if places is not None else self.gazetteer.lookup(text)
        if country is not None:
            candidates = [p for p in candidates if p.country == country]
        if not candidates:
            return None
        span = self.doc[start:end]
        if country is None and facility_noun(span, self.lexicon) is not None:
            # "London's famous Savoy hotel": the building lies where its holder is, whatever
            # towns bear its name
            holder = self.holder_reading(span)
            if holder is not None:
                inside = [p for p in candidates if self.country_of(p) == holder.country]
                if not inside:
                    return self._remember(start, end, PlaceReading(None, holder.country, "within"))
                candidates = inside
        return self._remember(start, end, self._choose(start, end, key, candidates))

    def _remember(self, start: int, end: int, reading: PlaceReading) -> PlaceReading:
        if reading.place is not None:
            self.earlier[place_key(self.doc[start:end].text)] = reading.place
        self.memo[(start, end)] = reading
        return reading

    def _choose(self, start: int, end: int, key: str, candidates: list[KBPlace]) -> PlaceReading:
        sentence = self.sentence_of[start]
        base = {place.place_id: self._named_prior(place, key, candidates) for place in candidates}
        top = max(base.values())
        listed = self._listed_countries(start, end) if len(candidates) > 1 else frozenset()
        scored = []
        for place in candidates:
            country = self.country_of(place)
            far = top - base[place.place_id] >= self.weights["fame_gap"]
            evidence = self._evidence(place, country, key, sentence, local=far)
            if country in listed:
                evidence["listed"] = self.weights["listed"]
            scored.append((base[place.place_id] + sum(evidence.values()), place, country, evidence))
        best = max(scored, key=lambda item: item[0])
        by_prior = max(scored, key=lambda item: base[item[1].place_id])
        _, place, country, evidence = best
        unlisted = self._unlisted_here(place, country, evidence, key)
        if unlisted is not None:
            return unlisted
        if len(candidates) == 1:
            reason = "unique"
        elif best[1] is by_prior[1]:
            reason = "population" if place.kind in ("city", *DIVISION_KINDS) else "kind"
            if by_prior[1].kind != "city" and place.kind in DIVISION_KINDS:
                reason = "kind"
        else:
            gains = {f: evidence.get(f, 0.0) - by_prior[3].get(f, 0.0) for f, _ in EVIDENCE_REASONS}
            feature = max(gains, key=gains.get)
            reason = dict(EVIDENCE_REASONS)[feature]
        return PlaceReading(place, country, reason)

    def _listed_countries(self, start: int, end: int) -> frozenset[str]:
        """The country of the other place names listed with this one ("the ports in Beirut
        and Tripoli"), where they all lie in one: a list of towns of one country is about
        that country; one that spans countries ("attacks in Ottawa, Sydney and Paris") says
        nothing of its names. A listed name counts only where it surely has one country (its
        own, or a state's name)."""
        anchor = list_anchor(self.doc[start:end].root, self.lexicon)
        found = set()
        for (first, last), name in self.names.items():
            if first == start or self.sentence_of[first] != self.sentence_of[start]:
                continue
            span = self.doc[first:last]
            if list_anchor(span.root, self.lexicon).i != anchor.i:
                continue
            if "place" not in name.tags and name.label not in PLACE_LABELS:
                continue
            iso3 = country_of_word(self.kb, span.text, name.tags)
            if iso3 is None:
                place = dominant_reading(self.gazetteer.lookup(span.text), self.prior)
                iso3 = self.country_of(place) if place is not None else None
            if iso3 is not None:
                found.add(iso3)
        return frozenset(found) if len(found) == 1 else frozenset()

    def _named_prior(self, place: KBPlace, key: str, candidates: list[KBPlace]) -> float:
        """The prior of a reading of this name: less for a town or division the name is
        not the own name of (a former or variant name: "Venice" of Dayton, Ohio) where
        another reading bears it as its own ("Venice", Italy)."""
        prior = self.prior(place)
        if place.kind not in ("city", *DIVISION_KINDS) or place_key(place.name) == key:
            return prior
        if any(other is not place and place_key(other.name) == key for other in candidates):
            return prior - self.weights["other_name"]
        return prior

    def _small_town(self, place: KBPlace) -> bool:
        """A town too small to say which country a document is about, or to be read
        abroad where nothing else points there."""
        return place.kind == "city" and place.population < self.weights["small_town_population"]

    def _unlisted_here(
        self, place: KBPlace, country: str | None, evidence: dict[str, float], key: str
    ) -> PlaceReading | None:
        """A small town abroad that nothing else in a document about one country points
        to is likelier a place of that country the gazetteer lacks ("the Hillsborough
        disaster" in a British story is no town in the USA): the document's country."""
        if not self._small_town(place):
            return None
        focus = self.focus()
        if focus is None or country == focus or self.evidence.countries[focus] < FOCUS_MIN:
            return None
        counted = self.evidence.count(country, self.votes.get(key))
        if counted > 0 or any(f != "document" and v > 0 for f, v in evidence.items()):
            return None
        return PlaceReading(None, focus, "doc-country")

    def _evidence(
        self,
        place: KBPlace,
        country: str | None,
        key: str,
        sentence: int,
        *,
        local: bool = False,
    ) -> dict[str, float]:
        """The evidence for one reading; ``local``: a namesake far below the name's
        well-known reading, for which evidence counts only where its own sentence names
        its country or division (else only a document naming its country at least twice:
        not a division a sentence away, nor one stray word)."""
        w, found = self.weights, self.evidence
        skip = self.votes.get(key)
        evidence = {"document": w["document"] * found.share(country, skip)}
        if local and not (
            found.near(country, sentence, skip, reach=0) or found.names_admin1(place, sentence, 0)
        ):
            if found.count(country, skip) < FOCUS_MIN:
                evidence["document"] = 0.0
            return evidence | self._memory(place, country, key)
        if found.near(country, sentence, skip):
            evidence["sentence"] = w["sentence"]
        if found.names_admin1(place, sentence):
            evidence["admin1"] = w["admin1"]
        return evidence | self._memory(place, country, key)

    def _memory(self, place: KBPlace, country: str | None, key: str) -> dict[str, float]:
        """The dateline's country and the name's earlier reading."""
        w, evidence = self.weights, {}
        if country is not None and country == self.evidence.dateline_country:
            evidence["dateline"] = w["dateline"]
        if self.earlier.get(key) is place:
            evidence["earlier"] = w["earlier"]
        return evidence

    # -- names the gazetteer lacks -----------------------------------------------------------
    def resolve_unknown(self, span: Span) -> PlaceReading:
        """A place name the gazetteer lacks (a building, a street, a small town): the
        country of the place it is said to lie in, or of a state named inside it, else the
        one its sentence names most, else of the sentence's nearest place, else the
        document's main country."""
        if (span.start, span.end) in self.fixed:
            return self.fixed[(span.start, span.end)]
        found = self._apposition_head(span)
        if found is not None:
            return PlaceReading(None, found, "apposition")
        # "Stade de France" lies in France; "Norway Street" (Boston) is only named after it
        iso3 = None if span[-1].lower_ in self.lexicon.streets else self._state_inside(span)
        if iso3 is not None:
            return PlaceReading(None, iso3, "country-inside")
        within, nearest = self._within(span)
        if within is not None:
            return PlaceReading(None, within.country, "within")
        iso3 = self._sentence_country(span)
        if iso3 is not None:
            return PlaceReading(None, iso3, "context")
        if nearest is not None:
            return PlaceReading(None, nearest.country, "near-place")
        focus = self.focus()
        if focus is not None:
            return PlaceReading(None, focus, "doc-country")
        return PlaceReading(None, None, "ner")

    def _sentence_country(self, span: Span) -> str | None:
        """The one country its sentence names most ("the Azerbaijani republic of X")."""
        ranked = self.evidence.by_sentence[self.sentence_of[span.start]].most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _state_inside(self, span: Span) -> str | None:
        """A state named inside a place's name ("Stade de France"); towns inside do not
        count, they lend their names to estates and stadiums ("Douglas Creek Estates")."""
        for match in self.matches:
            if (
                span.start <= match.start
                and match.end <= span.end
                and (match.end - match.start < span.end - span.start)
            ):
                tags = match.tags - {"seat"}
                iso3 = country_of_word(self.kb, self.doc[match.start : match.end].text, tags)
                if iso3 is not None:
                    return iso3
        return None

    def _apposition_head(self, span: Span) -> str | None:
        """ "Richmond, North Yorks": the second part takes the first part's country."""
        doc = self.doc
        if span.start < 2 or doc[span.start - 1].text != ",":
            return None
        for (start, end), _name in self.names.items():
            if end == span.start - 1:
                reading = self.memo.get((start, end)) or self.resolve(start, end)
                return reading.country if reading is not None else None
        return None

    def _within(self, span: Span) -> tuple[PlaceReading | None, PlaceReading | None]:
        """The place the name is placed in ("X in Cambridge", "Luanda's X"), and the nearest
        other place of its sentence."""
        within = self.holder_reading(span)
        sentence = self.sentence_of[span.start]
        nearest = None
        for (start, end), _name in sorted(
            self.names.items(), key=lambda item: abs(item[0][0] - span.start)
        ):
            if self.sentence_of[start] != sentence or (start, end) == (span.start, span.end):
                continue
            reading = self.memo.get((start, end))
            if reading is None and (start, end) not in self.memo:
                reading = self.resolve(start, end)
            if reading is not None and reading.country is not None:
                nearest = reading
                break
        return within, nearest

    def holder_reading(self, span: Span) -> PlaceReading | None:
        """The place that holds the name: "X in Cambridge", "Luanda's X", or that holds the
        building it names ("the Hacienda club in Manchester", "London's famous Savoy
        hotel"). Only a name outside ``span`` holds it ("King's Lynn" is no holder of
        itself)."""
        for word in (span.root, facility_noun(span, self.lexicon)):
            if word is None:
                continue
            holders = [c for c in word.children if c.dep_ == "poss"]
            holders += [
                pobj for _, pobj in prepositional_objects(word, self.lexicon.locative_prepositions)
            ]
            for token in holders:
                within = self._reading_at(token, outside=span)
                if within is not None:
                    return within
        return None

    def _reading_at(self, token: Token, *, outside: Span) -> PlaceReading | None:
        """The reading of the name at ``token``, when that name does not overlap ``outside``
        (the name being resolved: resolving it again would never end)."""
        for (start, end), _name in self.names.items():
            if start < outside.end and outside.start < end:
                continue
            if start <= token.i < end:
                reading = self.memo.get((start, end)) or self.resolve(start, end)
                return reading if reading is not None and reading.country else None
        return None

    def focus(self) -> str | None:
        """The document's main country: most of its country evidence names it."""
        if not self.evidence.countries:
            return None
        iso3, _ = self.evidence.countries.most_common(1)[0]
        return iso3 if self.evidence.share(iso3) >= FOCUS_SHARE else None

    # -- "the North" -------------------------------------------------------------------------
    def directional_state(self, span: Span) -> str | None:
        """ "the North" is North Korea in a document about Korea (the state's ISO3); None
        elsewhere, where it names no place at all."""
        entry = self.lexicon.directional.get(span.text.lower())
        if entry is None:
            return None
        text = " " + doc_text(self.doc).lower() + " "
        if any(_has_word(text, cue) for cue in entry.cues):
            return entry.country
        return None

    def is_directional(self, span: Span) -> bool:
        return span.text.lower() in self.lexicon.directional


def located_as(span: Span, lexicon: PlaceLexicon) -> str | None:
    """Why a state's name stands for its land here, or None where it acts:
    ``movement`` ("visited Belize", "a trip to Japan", "imports from China", "refugees
    from Syria"), ``locating`` ("Mexico's women", "Venezuela's crisis", "the streets of
    Cairo", "all of Georgia",
    a venue "of X" as one "X's": "the East Room of the White House",
    "the Turkey-Syria border", "an Iraq-based group", "US record shops"), ``event`` ("the Iraq war", "the
    invasion of Iraq"). A listed name is read where its list stands (:func:`list_anchor`).
    "In Iraq" (a locative preposition) is the stage's own test. A direction adjective on
    the name itself makes it the land wherever it stands ("over eastern Ukraine"; not the
    next name of a list, which a misparse may join to any other place's)."""
    root = list_anchor(span.root, lexicon)
    if _has_compass(span.root, lexicon):
        return "locating"  # "rockets hit southern Israel", "shot down over eastern Ukraine"
    first = written_list_first(root, lexicon)
    if first is not None:
        anchor = list_anchor(first, lexicon)
        if anchor.dep_ == "pobj" and anchor.head.lower_ in lexicon.locative_prepositions:
            return "locating"  # "prices in London, Frankfurt and Paris closed higher"
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        word = head.head.lemma_.lower()
        if f"{head.head.lower_} {head.lower_}" in lexicon.origin_prepositions or (
            head.lower_ in lexicon.origin_prepositions and word == "be" and _someone_is(head.head)
        ):
            return "movement"  # "flown out of Iraq", "they are from India"
        if head.lower_ in lexicon.between_prepositions and word in lexicon.sites:
            return "locating"  # "the border between Turkey and Syria", "the border with Chad"
        if head.lower_ in lexicon.movement_prepositions and _moving_word(head.head) in (
            lexicon.movement
        ):
            return "movement"  # "flew to Oslo", "going back to Reading"
        if head.lower_ in lexicon.owner_prepositions:
            if word in lexicon.locating or word in lexicon.venues:
                return "locating"  # "the streets of Cairo", "the East Room of the White House"
            if word in lexicon.events and not _unarmed(head.head, lexicon):
                return "event"
        return None
    word = head.lemma_.lower()
    if root.dep_ == "dobj" and word in lexicon.movement:
        return "movement"
    if root.dep_ == "poss" and (
        word in lexicon.locating
        or word in lexicon.happenings  # "Venezuela's growing humanitarian crisis"
        or head.ent_type_ in PLACE_LABELS
        or (head.is_title and facility_kind(_capitalised_name(head), lexicon))
    ):
        return "locating"  # "Mexico's women", "Luanda's Independence Square", "London's X Academy"
    if root.dep_ in MODIFIER_DEPS and word in lexicon.events and not _unarmed(head, lexicon):
        return "event"  # "the Iraq war"; not "the China trade war", "the Iran pressure campaign"
    return _locating_modifier(root, lexicon)


def facility_kind(span: Span, lexicon: PlaceLexicon) -> str | None:
    """``facility`` or ``institution`` for a building's name: its last word, or its first
    ("Hospital Militar"), is such a word (place_words.tsv), written capitalised, and the name
    has another word ("Clarence House"; "the House" alone is a legislature); None for
    anything else."""
    if len(span) < 2 or not all(t.is_title or not t.is_alpha for t in span):
        return None
    for token in (span[-1], span[0]):
        word = token.lower_
        if word in lexicon.facilities:
            return "facility"
        if word in lexicon.institutions:
            return "institution"
    return None


def _capitalised_name(word: Token) -> Span:
    """``word`` with the capitalised words next to it that hang on the name ("Brixton
    Academy" round "Academy"; "House" alone in "House of Commons")."""
    doc = word.doc
    start, end = word.i, word.i + 1
    while start > 0 and doc[start - 1].is_title and start - 1 < doc[start - 1].head.i < end:
        start -= 1
    while end < len(doc) and doc[end].is_title and start <= doc[end].head.i < end:
        end += 1
    return doc[start:end]


def facility_noun(span: Span, lexicon: PlaceLexicon) -> Token | None:
    """The common noun of a building the name is written before ("the Hacienda club",
    "Gregorio Marañón hospital", "the Savoy hotel"), or None."""
    root = span.root
    head = root.head
    if root.dep_ != "compound" or head.i != span.end or not head.is_lower:
        return None
    return head if head.lemma_.lower() in lexicon.facilities else None


def _locating_modifier(root: Token, lexicon: PlaceLexicon) -> str | None:
    """A name before a word it locates: a site ("the Syria border", "Iraq-based") or a
    venue, also as its owner ("US record shops", "the UK album chart", "London's Hilton
    hotel"); never a demonym ("the Syrian border", "American-born")."""
    head = root.head
    if root.pos_ == "ADJ" or root.ent_type_ == "NORP":
        return None
    if root.dep_ in ("poss", *MODIFIER_DEPS) and _modified_noun(head).lemma_.lower() in (
        lexicon.venues
    ):
        return "locating"
    sited = head.lemma_.lower() in lexicon.sites or head.lower_ in lexicon.sites
    return "locating" if root.dep_ in MODIFIER_DEPS and sited else None


def on_path(token: Token, lexicon: PlaceLexicon) -> bool:
    """Whether ``token`` is the origin or the goal of a path: the object of a movement
    preposition on a verb that has another one, one of the two an origin ("taken from
    Darwin to the camp", "driven to Lyon from Paris"). A path runs between places, whatever
    the verb; a person is not where something is taken from and to."""
    head = token.head
    if (
        token.dep_ != "pobj"
        or head.dep_ != "prep"
        or head.lower_ not in lexicon.movement_prepositions
    ):
        return False
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    others = {
        child.lower_
        for child in verb.children
        if child.dep_ == "prep"
        and child.i != head.i
        and child.lower_ in lexicon.movement_prepositions
    }
    if head.lower_ in lexicon.origin_prepositions:
        return bool(others - lexicon.origin_prepositions)
    return bool(others & lexicon.origin_prepositions)


def labelled_place_elsewhere(span: Span) -> bool:
    """One sense per discourse: the parser labels the same name a place (GPE, LOC) at
    another of its occurrences in the document ("the Dimona reactor" ... "about Dimona"),
    so its person label here is the parser's slip, not another referent."""
    return any(
        ent.label_ in PLACE_NAME_LABELS and ent.text == span.text and ent.start != span.start
        for ent in span.doc.ents
    )


def written_list_first(token: Token, lexicon: PlaceLexicon) -> Token | None:
    """The first name of a list of place names the parser did not join ("in London,
    Frankfurt and Paris", where it took "Frankfurt" for a subject), for the name whose
    root is ``token``: the names written before it, separated by commas, "and" or "or"
    only, "and" or "or" only before the last. A list, not two clauses ("talks in Geneva,
    and Russia said"): the name stands between two listed names, or after two. None when
    the parse already lists it."""
    if token.dep_ in ("conj", "appos"):
        return None
    doc = token.doc
    separators = lexicon.list_separators

    def place_name(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].ent_type_ in PLACE_LABELS and doc[i].pos_ == "PROPN"

    names, i = [], token.i
    while token.ent_iob_ == "I" and i > 0 and doc[i - 1].ent_type_ == token.ent_type_:
        i -= 1  # the name's first word
    i -= 1
    while i >= 0 and doc[i].lower_ in separators:
        j = i
        while j >= 0 and doc[j].lower_ in separators:
            j -= 1
        if names and not all(doc[k].is_punct for k in range(j + 1, i + 1)):
            break  # "and" stands only before a list's last name: "in Syria and Lebanon, Iran's"
        if not place_name(j):
            break
        while j > 0 and doc[j].ent_iob_ == "I":
            j -= 1
        names.append(doc[j])
        i = j - 1
    if not names:
        return None
    after = token.i + 1
    while after < len(doc) and doc[after].ent_iob_ == "I":
        after += 1
    middle = after < len(doc) and doc[after].lower_ in separators
    if middle:
        k = after
        while k < len(doc) and doc[k].lower_ in separators:
            k += 1
        middle = place_name(k)
    return names[-1] if middle or len(names) >= 2 else None


def strikes_land(span: Span, lexicon: PlaceLexicon) -> bool:
    """A state's name that an armed attack is waged on or against: the land it hits
    ("the air war on Yemen", "hybrid warfare against Georgia and Ukraine", "a bombing
    campaign against Laos"; the guideline's bombing or invading a country). Only for a
    state's own name: a capital stands for its government ("strikes against Tehran"), and
    sanctions, pressure or trade are no war ("sanctions on Belarus", "the pressure campaign
    against Iran", "a trade war on China"). A listed name is read where its list stands."""
    root = list_anchor(span.root, lexicon)
    head = root.head
    if not (
        root.dep_ == "pobj"
        and head.lower_ in lexicon.struck_prepositions
        and head.head.pos_ in NOMINALS
    ):
        return False
    noun = head.head
    modifiers = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    if _unarmed(noun, lexicon):
        return False  # "a trade war on China", "diplomatic warfare against Israel"
    return noun.lemma_.lower() in lexicon.armed or any(
        m.dep_ == "compound" and m.lemma_.lower() in lexicon.armed for m in modifiers
    )  # "the air war on Yemen", "a bombing campaign against Laos"


def _unarmed(noun: Token, lexicon: PlaceLexicon) -> bool:
    """An event noun that a modifier makes no armed one ("trade war", "pressure
    campaign", "diplomatic warfare"): no event a state's name locates on its land."""
    return any(
        c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in lexicon.unarmed for c in noun.children
    )


def hosts_event(token: Token, lexicon: PlaceLexicon) -> bool:
    """The name at ``token`` is the subject of a verb of hosting (place_words.tsv) whose
    object is an event, not a name: "Sydney will host a charity match" is where the match
    is held; "Leeds host Chelsea" names the home club, and so does a bare "Leeds host"."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in lexicon.hosting:
        return False
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    return bool(objects) and all(child.pos_ != "PROPN" and not child.ent_type_ for child in objects)


def _moving_word(token: Token) -> str:
    """The lemma of the word a movement preposition hangs on, through an adverb of direction
    ("going back to Reading", "flew home from Armenia": the verb)."""
    if token.pos_ == "ADV" and token.dep_ == "advmod" and token.head.i != token.i:
        token = token.head
    return token.lemma_.lower()


def _modified_noun(token: Token) -> Token:
    """The noun a chain of compound modifiers ends in ("album" in "the UK album chart":
    "chart")."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _has_compass(token: Token, lexicon: PlaceLexicon) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in lexicon.compass for c in token.children)


def names_document(span: Span, lexicon: PlaceLexicon) -> bool:
    """A name that only names a treaty or a deal: it modifies a document noun ("the Paris
    agreement", "the Minsk accords", "the Iran deal") -- no place mention."""
    root = list_anchor(span.root, lexicon)
    return root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in lexicon.documents


def list_anchor(token: Token, lexicon: PlaceLexicon) -> Token:
    """The word whose place in the sentence a listed name shares: the first name of "in
    Turkey, Iraq and Syria", the noun that examples or an apposition spell out ("in
    countries such as Lebanon and Jordan", "in four countries: Turkey, Iraq ..."), the last
    name of "the Turkey-Syria border"; the name itself where it stands alone."""
    doc = token.doc
    for _ in range(len(doc)):  # a parse is a tree; the bound only guards a broken one
        head = token.head
        if token.dep_ in ("conj", "appos") and head.i < token.i and _may_list_places(head):
            token = head
        elif (
            token.dep_ == "pobj"
            and head.lower_ in lexicon.example_prepositions
            and head.head.pos_ in NOMINALS
        ):
            token = head.head
        elif (
            token.dep_ == "compound"
            and head.i == token.i + 2
            and doc[token.i + 1].text in HYPHENS
            and head.pos_ == "PROPN"
        ):
            token = head
        else:
            break
    return token


def _may_list_places(token: Token) -> bool:
    """A word a list of places may continue: a place name ("in Turkey, Iraq and Syria") or
    a common noun ("in four countries: Turkey, Iraq ..."), not a language, a people or a
    person ("into English, French and German"). The parser often takes a two-word country
    for an organization ("to Sierra Leone and Liberia")."""
    if token.pos_ == "PROPN":
        return token.ent_type_ in PLACE_LABELS or token.ent_type_ == "ORG"
    return token.pos_ == "NOUN" and not token.ent_type_


def _written_as_name(span: Span) -> bool:
    """Capitalised words (and their dots): "Ontario", "N.Y.", "ON" -- not "on Friday"."""
    return all(
        t.is_title or t.is_upper or (t.text == "." and i > 0) for i, t in enumerate(span)
    ) and not any(t.is_punct and t.text != "." for t in span)


def _has_word(context: str, cue: str) -> bool:
    index = context.find(cue)
    while index != -1:
        before = context[index - 1] if index > 0 else " "
        after = context[index + len(cue)] if index + len(cue) < len(context) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        index = context.find(cue, index + 1)
    return False


def _someone_is(verb: Token) -> bool:
    """ "they are from India", "the victims were from Syria", "the 12 are from Egypt": people
    (a number of them) come from a place;
    "the proposal is from Russia" says who made it (the state acts)."""
    return any(_counts_people(c) for c in verb.children if c.dep_ in SUBJECT_DEPS)


def _counts_people(subject: Token) -> bool:
    """Whether a subject stands for people: a personal pronoun, a person or group name, a
    plural noun, or a number of them ("the 12 affected by the ruling"). A number with an "of"
    phrase counts what the phrase names ("two of the victims"). Known gap: the plural-noun
    test also takes things ("the proposals were from Russia" reads as people)."""
    if subject.pos_ == "NUM":
        counted = [
            o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        return all(_counts_people(o) for o in counted)
    return (
        (subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that"))
        or subject.ent_type_ in ("PERSON", "NORP")
        or (subject.tag_ in ("NNS", "NNPS") and subject.ent_type_ not in ("ORG", "GPE"))
    )
