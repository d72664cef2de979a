"""Event nouns: "Abe's visit to the White House", "its demand that Israel ease restrictions".

The possessor (or a modifying actor, or the doer of the governing verb) is the source; the
object of one of the noun's target prepositions (or the subject of its clause) the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.clauses import verb_subject
from detente.events.emit import CodedAct
from detente.events.participants import (
    DocActors,
    Participants,
    own_country,
    place_actor,
    same_side,
)
from detente.events.patterns import VerbCodes, spec_text
from detente.knowledge.events import Cameo, ClauseWords, NominalEntry
from detente.nlp.syntax import VERBAL_POS, governing_verb
from detente.records import EventActor

# Dependents of an event noun that can name its doer: "Japan's visit", "the U.S. embargo".
_DOER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


class NominalCoder:
    """Codes event nouns (one per coder; shares the coder's verb codes and participants)."""

    def __init__(
        self,
        words: ClauseWords,
        cameo: Cameo,
        verb_codes: VerbCodes,
        participants: Participants,
    ) -> None:
        self.words = words
        self.cameo = cameo
        self.verb_codes = verb_codes
        self.participants = participants

    def code(self, noun: Token, actors: DocActors, consumed: set[int]) -> CodedAct | None:
        """The act an event noun names; None when it has no doer, or (for a one-sided act)
        no counterpart. Verbs of a demand's clause go to ``consumed``."""
        entry = self.words.nominals[noun.lemma_.lower()]
        governor = governing_verb(noun)
        light_verb = None  # "held a meeting", "issued a reminder"
        if governor is not None and noun.dep_ == "dobj" and noun.head.i == governor.i:
            light_verb = governor
        if light_verb is not None and self._verb_codes_it(light_verb, entry):
            return None
        sources, inherited = self._sources(noun, governor, actors)
        if not sources:
            return None
        targets = self._targets(noun, entry, actors, consumed)
        if not targets and light_verb is not None:
            # "issued a reminder Saturday to Iraq": the parser hangs the noun's
            # complement on its light verb
            targets = self._light_verb_targets(light_verb, entry, actors)
        targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
        policy = self.cameo.policy(entry.code.forward)
        if not targets and policy.place_target:
            # "its invasion of South Lebanon": a place stands for its country
            targets = self._place_targets(noun, entry, actors, sources)
        if not targets and len(sources) < 2 and policy.domestic != "no":
            # "opposition parties in Nepal organized a general strike": a domestic act
            targets = own_country(sources, people=policy.domestic == "people")
        if not targets and len(sources) < 2:
            return None  # "the G7 summit meeting": a meeting needs two sides
        return CodedAct(
            trigger=noun,
            clause_verb=governor or noun,
            sources=sources,
            targets=targets,
            code=entry.code,
            rule=f"nominal: {entry.lemma} [{spec_text(entry.code)}]",
            negated=any(c.dep_ == "det" and c.lower_ in self.words.negators for c in noun.children),
            modality=entry.modality,
            confidence=0.6 if inherited else 0.7,
            reciprocal=entry.code.reverse == entry.code.forward,
        )

    def _verb_codes_it(self, verb: Token, entry: NominalEntry) -> bool:
        """ "called off a strike", "would tighten the blockade": the light verb's pattern
        codes what is done with the act the noun names."""
        verb_entry = self.verb_codes.entry(verb)
        if verb_entry is None:
            return False
        code, _, confidence, _ = self.verb_codes.code_of(verb, verb_entry, verb_subject(verb))
        verb_root = (code.forward or code.reverse or "")[:2]
        noun_root = (entry.code.forward or "")[:2]
        return confidence >= 0.9 and not code.is_null and verb_root != noun_root

    def _sources(
        self, noun: Token, governor: Token | None, actors: DocActors
    ) -> tuple[list[EventActor], bool]:
        """Whose act: a possessor or modifying actor ("Japan's visit"), else the doer of the
        governing verb ("Abe held a meeting"); True when taken from the verb."""
        participants = self.participants
        inherited = False
        for child in noun.children:
            if child.dep_ not in _DOER_DEPS:
                continue
            if child.lower_ in self.words.possessives and actors.by_token[child.i] == -1:
                # "their demand": whoever does the governing verb
                if governor is not None:
                    found, inherited = participants.sources(governor, actors)[0], True
                    if found:
                        return found, inherited
            else:
                found = participants.actors_of(child, actors)
                if found:
                    return found, inherited
        if governor is not None and noun.dep_ in ("dobj", "pobj"):
            # "Abe held a meeting with Putin", "insisted on demands that ...": the doer of
            # the governing verb
            return participants.sources(governor, actors)[0], True
        return [], inherited

    def _targets(
        self, noun: Token, entry: NominalEntry, actors: DocActors, consumed: set[int]
    ) -> list[EventActor]:
        """The object of a target preposition, or the subject of the noun's clause ("its
        demand that Israel ease restrictions"): the first phrase that names an actor."""
        targets: list[EventActor] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                targets = self._last_object_actors(child, actors)
            elif child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in VERBAL_POS:
                subject = verb_subject(child)
                if subject is not None and subject.lower_ not in self.words.relatives:
                    targets = self.participants.actors_of(subject, actors)
                    if targets and entry.modality == "demanded":
                        consumed.update(t.i for t in child.subtree if t.pos_ == "VERB")
            if targets:
                break
        return targets

    def _light_verb_targets(
        self, verb: Token, entry: NominalEntry, actors: DocActors
    ) -> list[EventActor]:
        targets: list[EventActor] = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                targets = self._last_object_actors(child, actors)
            if targets:
                break
        return targets

    def _last_object_actors(self, prep: Token, actors: DocActors) -> list[EventActor]:
        """The actors inside the (last) object of a preposition."""
        found: list[EventActor] = []
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found = self.participants.actors_of(pobj, actors, deep=True)
        return found

    def _place_targets(
        self, noun: Token, entry: NominalEntry, actors: DocActors, sources: list[EventActor]
    ) -> list[EventActor]:
        targets: list[EventActor] = []
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in entry.target_preps:
                continue
            for pobj in child.children:
                place = actors.place_by_token.get(pobj.i)
                if pobj.dep_ == "pobj" and place is not None:
                    target = place_actor(place)
                    if not any(same_side(target, s) for s in sources):
                        targets = [target]
        return targets
