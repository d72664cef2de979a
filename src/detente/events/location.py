"""Where an event happened: one ``EventLocation`` per event, decided once when the
events stage has coded a document.

The first of these that exists wins, and its name is the location's ``method``:

* ``clause``: a place named in the event's clause (the subtree of its trigger, or of the
  verb its trigger noun hangs on): "troops shelled Aleppo", "talks in Geneva";
* ``sentence``: a place named elsewhere in the event's sentence;
* ``dateline``: the place of the story's dateline ("GENEVA (Reuters) -");
* ``focus``: the document's main country: at least half of its place and state mentions
  that have a country name it (and no other as many).

Within the clause or sentence a town or division is preferred to a country ("in Aleppo,
Syria" is Aleppo), then the place nearest the trigger. A location is ``None`` when the
document names no place near the event, has no dateline and no main country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from detente.nlp.extensions import doc_text
from detente.places import is_place_mention
from detente.places.evidence import find_dateline
from detente.places.gazetteer import DIVISION_KINDS, Gazetteer
from detente.records import Event, EventLocation, Mention, Place

# Kinds of place that say less than a town where an event happened (a town wins over them).
BROAD_KINDS = frozenset({"country", "region", "sea"})
# A country holding this share of a document's located mentions is its main country.
FOCUS_SHARE = 0.5
METHODS = ("clause", "sentence", "dateline", "focus")
# The document-wide methods: no place near the event itself.
FALLBACK_METHODS = frozenset({"dateline", "focus"})


class DocLocator:
    """Where the acts of one document happen (see the module doc): its places and its
    fallback (dateline, else focus) found once, then a location per trigger."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        mentions: list[Mention] = list(doc._.mentions or ())
        self.places = [m for m in mentions if is_place_mention(m) and (m.country or m.place_id)]
        self.fallback = _dateline(doc, self.places, gazetteer) or _focus(mentions, gazetteer)

    def of_event(self, event: Event) -> EventLocation | None:
        span = self.doc.char_span(event.start, event.end, alignment_mode="expand")
        clause = _clause_chars(span) if span is not None else (event.start, event.end)
        sentence = (event.sentence_start, event.sentence_end)
        return self._in_text(sentence, clause, event.start) or self.fallback

    def of_trigger(self, trigger: Token) -> EventLocation | None:
        """The location of an act whose trigger is ``trigger`` (before it is an Event)."""
        sent = trigger.sent
        sentence = (sent.start_char, sent.end_char)
        clause = _clause_chars(trigger.doc[trigger.i : trigger.i + 1])
        return self._in_text(sentence, clause, trigger.idx) or self.fallback

    def of_earlier_report(self, trigger: Token) -> EventLocation | None:
        """Where the act a noun names again was reported before: the place in the clause
        or sentence of the nearest earlier sentence's mention of the same noun ("the fatal
        Libya attacks" ... "the attacks that killed Ambassador Stevens": Libya). Only that
        mention: one with no place says nothing of where, and an older one may be another
        act of the same name."""
        lemma = trigger.lemma_.lower()
        for tok in reversed(trigger.doc[: trigger.sent.start]):
            if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
                sent = tok.sent
                clause = _clause_chars(tok.doc[tok.i : tok.i + 1])
                return self._in_text((sent.start_char, sent.end_char), clause, tok.idx)
        return None

    def _in_text(
        self, sentence: tuple[int, int], clause: tuple[int, int], anchor: int
    ) -> EventLocation | None:
        """A place in the clause, else in the sentence: a town before a country, then the
        one nearest the trigger (at character ``anchor``)."""
        in_sentence = [m for m in self.places if sentence[0] <= m.start and m.end <= sentence[1]]
        if not in_sentence:
            return None
        in_clause = [m for m in in_sentence if clause[0] <= m.start and m.end <= clause[1]]
        for method, found in (("clause", in_clause), ("sentence", in_sentence)):
            if found:
                best = min(
                    found,
                    key=lambda m: (_is_broad(m, self.gazetteer), abs(m.start - anchor)),
                )
                return _location(best, self.gazetteer, method)
        return None


def locate_events(doc: Doc, events: Sequence[Event], gazetteer: Gazetteer) -> list[Event]:
    """``events`` of ``doc``, each with its ``location`` (see the module doc)."""
    if not events:
        return list(events)
    locator = DocLocator(doc, gazetteer)
    located = []
    for event in events:
        location = locator.of_event(event)
        located.append(replace(event, location=location) if location is not None else event)
    return located


def _clause_chars(span: Span) -> tuple[int, int]:
    """The character span of a trigger's clause: its subtree (a noun trigger's verb's,
    "the bombing in Aleppo" and "bombed targets in Aleppo" alike)."""
    head: Token = span.root
    if head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    tokens = list(head.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _is_broad(mention: Mention, gazetteer: Gazetteer) -> bool:
    place = gazetteer.by_id.get(mention.place_id or "")
    return place is None or place.kind in BROAD_KINDS


def _location(mention: Mention, gazetteer: Gazetteer, method: str) -> EventLocation:
    place = gazetteer.by_id.get(mention.place_id or "")
    if place is None:  # a place the gazetteer lacks: its name and country
        return EventLocation(
            mention.place_id, mention.text, mention.country, None, mention.lat, mention.lon, method
        )
    admin1 = place.admin1 if place.kind == "city" or place.kind in DIVISION_KINDS else None
    return EventLocation(
        place.place_id, place.name, mention.country, admin1, place.lat, place.lon, method
    )


def _dateline(doc: Doc, places: list[Mention], gazetteer: Gazetteer) -> EventLocation | None:
    dateline = find_dateline(doc_text(doc))
    if dateline is None:
        return None
    for mention in places:
        if mention.start < dateline.end and dateline.start < mention.end:
            return _location(mention, gazetteer, "dateline")
    return None


def _focus(mentions: list[Mention], gazetteer: Gazetteer) -> EventLocation | None:
    countries = Counter(
        m.country for m in mentions if m.country and (m.kind == "state" or is_place_mention(m))
    )
    if not countries:
        return None
    ranked = countries.most_common(2)
    iso3, count = ranked[0]
    if count < FOCUS_SHARE * sum(countries.values()) or (len(ranked) > 1 and ranked[1][1] == count):
        return None  # no country holds half, or two hold as many
    country = gazetteer.countries.get(iso3)
    if country is None:
        return EventLocation(None, iso3, iso3, None, None, None, "focus")
    return EventLocation(
        country.place_id, country.name, iso3, None, country.lat, country.lon, "focus"
    )


def located_places(
    events: Sequence[Event], places: Sequence[Place], gazetteer: Gazetteer
) -> list[Place]:
    """``places`` (the document's) and the places its events are located at that it lacks
    (a main country named only by its actors), so that every location has its place row."""
    known = {place.place_id for place in places}
    added: list[Place] = []
    for event in events:
        place_id = event.location.place_id if event.location is not None else None
        if place_id is None or place_id in known or place_id not in gazetteer.by_id:
            continue
        known.add(place_id)
        found = gazetteer.by_id[place_id]
        added.append(
            Place(
                found.place_id,
                found.name,
                found.kind,
                found.names,
                event.location.country,
                found.lat,
                found.lon,
                found.claimants,
            )  # fmt: skip
        )
    return [*places, *added]
