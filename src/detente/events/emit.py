"""From coded acts to ``Event`` records: one per source-target direction, dated, with the
CAMEO table's PLOVER category, quad class and Goldstein score, one account per act, and a
confidence: the acceptor's probability that the event is right (``events.acceptor``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from detente.actors.coding import split_code
from detente.events import dates
from detente.events.acceptor import Acceptor, event_features
from detente.events.lexicon import CodeSpec
from detente.events.participants import actor_key, same_mention
from detente.knowledge.events import Cameo, DateWords
from detente.nlp.extensions import doc_id_of
from detente.records import Event, EventActor, TextSpan

# actor ids of one individual: two mentions of it are the same actor
_PERSONS = ("person:", "unnamed:")
# (source, target, code, symmetric) of one event an act makes
Direction = tuple[EventActor, EventActor | None, str, bool]


@dataclass(slots=True)
class CodedAct:
    """One act found in a sentence, before it becomes records."""

    trigger: Token
    clause_verb: Token  # the verb whose clause dates the act
    sources: list[EventActor]
    targets: list[EventActor]
    code: CodeSpec
    rule: str
    negated: bool
    modality: str
    confidence: float
    reciprocal: bool = False


class Emitter:
    """Turns a sentence's coded acts into events (one per coder)."""

    def __init__(
        self,
        cameo: Cameo,
        date_words: DateWords,
        acceptor: Acceptor | None = None,
        *,
        states: Container[str],
    ) -> None:
        self.cameo = cameo
        self.date_words = date_words
        self.states = states  # the ISO3 codes of states: the country of a code
        self.acceptor = acceptor  # None: events keep the rule's own score
        # of the document being coded (``start_doc``): where its sentences start, and how
        # each mention (start, end) was resolved
        self._sentence_starts: list[int] = []
        self._resolved: dict[tuple[int, int], str] = {}
        self._quotes: list = []

    def start_doc(self, doc: Doc) -> None:
        """Read what the acceptor needs of a document, before its sentences are coded."""
        if self.acceptor is not None:
            self._sentence_starts = [s.start for s in doc.sents]
            self._resolved = {(m.start, m.end): m.resolved_by for m in doc._.mentions or ()}
            self._quotes = list(doc._.quotes or ())

    def events(self, doc: Doc, sent: Span, acts: list[CodedAct]) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple] = set()
        base = doc._.date
        doc_id = doc_id_of(doc)
        date_cache: dict = {}  # clause head -> its date word, shared by the sentence's events
        for act in acts:
            date = dates.event_date(act.trigger, act.clause_verb, base, self.date_words, date_cache)
            for direction in self._directions(act):
                source, target, code, symmetric = direction
                key = (
                    actor_key(source),
                    source.code,
                    actor_key(target),
                    target.code if target is not None else None,
                    code,
                    act.negated,
                )
                if key in seen or (symmetric and (*key[2:4], *key[:2], *key[4:]) in seen):
                    continue
                seen.add(key)
                events.append(self._event(doc_id, sent, act, direction, date))
        events = drop_subsumed(events)
        if self.acceptor is not None and events:
            events = self._calibrated(sent, events)
        return events

    def _calibrated(self, sent: Span, events: list[Event]) -> list[Event]:
        """The events with the acceptor's probability as their confidence."""
        index = max(bisect_right(self._sentence_starts, sent.start) - 1, 0)
        resolved = self._resolved
        reads_parse = self.acceptor.reads_parse
        calibrated = []
        for event in events:
            found = event_features(
                event,
                sent,
                sentence_index=index,
                source_by=resolved.get((event.source.start, event.source.end)),
                target_by=(
                    resolved.get((event.target.start, event.target.end)) if event.target else None
                ),
                sentence_events=len(events),
                quotes=self._quotes,
                parse=reads_parse,
            )
            calibrated.append(self.acceptor.accept(event, found))
        return calibrated

    def _directions(self, act: CodedAct) -> list[Direction]:
        """(source, target, code, symmetric) of each event an act makes: every source to
        every target, never an actor to itself; a paired code's reverse (target to source)
        when it is an act of its own; a mutual act ([040:040], "Trump and Abe met") once
        per pair of partners, as a symmetric event."""
        pairs: list[Direction] = []
        forward, reverse = act.code.forward, act.code.reverse
        sources = [one for actor in act.sources for one in each_code(actor, self.states)]
        targets = [one for actor in act.targets for one in each_code(actor, self.states)]
        mirrored = self.cameo.mirrors(forward, reverse)
        domestic = self.cameo.policy(forward).domestic != "no"
        if targets:
            for source in sources:
                for target in targets:
                    if _same_one(target, source) and not (domestic and _a_state(target)):
                        continue  # "withdrew the U.S. ...": an actor is not its own target
                    if forward:
                        pairs.append((source, target, forward, reverse == forward))
                    if mirrored:
                        pairs.append((target, source, reverse, False))
        elif len(sources) > 1 and (
            act.reciprocal
            or (forward and (forward == reverse or self.cameo.policy(forward).mutual))
        ):
            # "Trump and Abe met", "showered each other with compliments": one event a pair
            for number, source in enumerate(sources):
                for other in sources[number + 1 :]:
                    if forward and not _same_one(other, source):
                        pairs.append((source, other, forward, True))
        elif forward:
            pairs.extend((source, None, forward, False) for source in sources)
        return pairs

    def _event(
        self, doc_id: str, sent: Span, act: CodedAct, direction: Direction, date: str | None
    ) -> Event:
        source, target, code, symmetric = direction
        entry = self.cameo.lookup(code)
        trigger = act.trigger
        return Event(
            doc_id=doc_id,
            start=trigger.idx,
            end=trigger.idx + len(trigger.text),
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            trigger=TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            date=date,
            source=source,
            target=target,
            cameo=code,
            cameo_root=code[:2],
            plover=entry.plover if entry else None,
            quad_class=entry.quad_class if entry else None,
            goldstein=entry.goldstein if entry else None,
            negated=act.negated,
            modality=act.modality,
            confidence=round(max(0.1, act.confidence - (0.0 if target is not None else 0.1)), 2),
            rule=act.rule,
            symmetric=symmetric,
        )


def each_code(actor: EventActor, states: Container[str]) -> list[EventActor]:
    """An actor a dictionary codes as several ("THE_SHIRE [FRO/BIL/SAM]": the phrase names
    three actors) is each of them: one event per code, as for coordinated actors. Each has
    its own country and sector ("USAGOV/GBRMIL": the U.S. government and the British
    military); a code that starts with no state's ISO3 code (``states``) has neither."""
    if not actor.code or "/" not in actor.code:
        return [actor]
    each = []
    for code in filter(None, actor.code.split("/")):
        country, sector = split_code(code, code[:3] if code[:3] in states else None)
        each.append(replace(actor, code=code, country=country, sector=sector))
    return each


def _same_one(target: EventActor, source: EventActor) -> bool:
    """The same mention as the same actor, or the same person: never its own target. The
    doer's own country as the target of a domestic act is another actor, though it may
    share the mention; so is a state's other mention ("Turkey will allow Turkish
    refugees to return")."""
    if target.actor_id and target.actor_id == source.actor_id:
        if target.actor_id.startswith(_PERSONS):
            return True
    return same_mention(target, source) and actor_key(target) == actor_key(source)


def _a_state(actor: EventActor) -> bool:
    """A state as a whole: the own-country target of a domestic act ("Young Algerians
    blocked roads": a protest against Algeria) shares its doer's mention."""
    return bool(actor.country) and actor.code == actor.country


def drop_subsumed(events: list[Event]) -> list[Event]:
    """One sentence, one account of each act: "held a meeting with Putin" is coded by the
    verb pattern, so the noun "meeting" adds nothing; "reiterated its demand" without a
    target adds nothing to the same demand with one."""
    return [e for e in events if not any(_subsumes(o, e) for o in events if o is not e)]


def _subsumes(other: Event, event: Event) -> bool:
    if other.cameo_root != event.cameo_root or other.negated != event.negated:
        return False
    same_source = actor_key(other.source) == actor_key(event.source)
    same_target = actor_key(other.target) == actor_key(event.target)
    if other.symmetric and event.symmetric and not same_source:
        # "Abe met Trump ... their talks": a mutual act read from the other side
        same_source = actor_key(other.source) == actor_key(event.target)
        same_target = actor_key(other.target) == actor_key(event.source)
    if not same_source:
        return False
    if event.target is None and other.target is not None:
        return True
    return event.rule.startswith("nominal") and not other.rule.startswith("nominal") and same_target
