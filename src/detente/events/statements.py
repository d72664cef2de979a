"""Statements (CAMEO root 01) from quotes: the speaker of a quote makes a public statement.

PETRARCH's convention and our gold's (docs/gold/events-guideline.md, sections 6 and 8): a
quote whose speaker is a coded actor is a ``010`` statement by that speaker, unless something
more specific is coded for it — the cue verb codes its own act ("criticized" 111, "demanded"
1011), or what the speaker says is the speaker's own verbal act ("Abe said Japan would never
accept ..." is the rejection only). A cue the verb lexicon codes in root 01 gives that code
("acknowledged" 015). The trigger is the cue; the target is the named addressee ("told the
Security Council"), else none; the factuality is the cue's ("may say" is not a statement made).
Root 01 has no PLOVER category, so PLOVER outputs leave these events out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.events.clauses import verb_subject
from detente.events.emit import CodedAct
from detente.events.evaluation import Evaluations
from detente.events.lexicon import CodeSpec
from detente.events.modality import act_factuality, clause_negated
from detente.events.participants import (
    DocActors,
    Participants,
    is_public,
    is_state,
    same_actor,
)
from detente.events.patterns import VerbCodes
from detente.knowledge.events import Cameo, ClauseWords
from detente.nlp.syntax import VERBAL_POS, has_modal, is_passive, passive_agent
from detente.records import EventActor, Quote

STATEMENT = "010"
STATEMENT_ROOT = "01"
# CAMEO's intents to cooperate: what an authority's announcement of an agentless act may be
COOPERATIVE_INTENT_ROOT = "03"
# a quote's speaker stated something: as sure as the quote's attribution
STATEMENT_CONFIDENCE = 0.85
# the cue's dependents that name whom the statement is addressed to ("told Putin")
_ADDRESSEE_DEPS = ("dobj", "dative")
# a cue in a clause of another verb ("criticized China, saying ...")
_CUE_CLAUSE_DEPS = ("advcl", "conj", "xcomp")


class StatementCoder:
    """Codes a sentence's statements from the quotes whose cue is in it."""

    def __init__(
        self,
        words: ClauseWords,
        cameo: Cameo,
        verb_codes: VerbCodes,
        participants: Participants,
        future_auxiliaries: frozenset[str],
    ) -> None:
        self.words = words
        self.cameo = cameo
        self.verb_codes = verb_codes
        self.participants = participants
        self.future_auxiliaries = future_auxiliaries
        self.evaluations = Evaluations(words, participants)

    def code(self, doc: Doc, sent: Span, actors: DocActors, acts: list[CodedAct]) -> list[CodedAct]:
        statements: list[CodedAct] = []
        for quote, speaker in actors.spoken:
            cue = _cue_token(doc, sent, quote)
            if cue is None or speaker.sector in self.words.silent_sectors:
                continue
            if self._said_more(quote, cue, speaker, acts):
                continue
            act = self._statement(quote, cue, speaker, actors)
            if act is not None and not any(
                s.trigger.i == act.trigger.i and same_actor(s.sources[0], speaker)
                for s in statements
            ):
                statements.append(act)
        return statements

    def _said_more(
        self, quote: Quote, cue: Token, speaker: EventActor, acts: list[CodedAct]
    ) -> bool:
        """Something more specific is coded: an act triggered by the cue itself, or a
        verbal act of the speaker (or the speaker's state) in the quoted words."""
        # "criticized China, saying ...": the verb the cue's clause hangs on says it too
        governor = cue.head if cue.dep_ in _CUE_CLAUSE_DEPS else None
        for act in acts:
            if act.trigger.i == cue.i:
                return True
            inside = governor is not None and act.trigger.i == governor.i
            inside = inside or any(start <= act.trigger.idx < end for start, end in _pieces(quote))
            if inside and self._verbal(act) and any(_speaks_for(s, speaker) for s in act.sources):
                return True
        return False

    def _verbal(self, act: CodedAct) -> bool:
        return self.cameo.material(act.code.forward) is False

    def _statement(
        self, quote: Quote, cue: Token, speaker: EventActor, actors: DocActors
    ) -> CodedAct | None:
        code = self._cue_code(cue)
        if code is None:
            return None
        factuality = act_factuality(cue, self.words, self.future_auxiliaries)
        if not factuality.coded:
            return None
        rule = f"statement: quote {quote.kind} [{quote.start}:{quote.end}] cue '{quote.cue}'"
        targets = self._addressees(cue, speaker, actors)
        judgement = None
        announced = self._announced(cue, speaker, actors) if code == STATEMENT else None
        if announced is not None:
            # "Iran announced that the sailors would be released": the state's intent
            verb, code, targets = announced
            rule += f"; announces '{verb.text}'"
        elif code == STATEMENT:
            judgement = self.evaluations.first(cue.doc, _pieces(quote), speaker, actors)
        if judgement is not None and not self.cameo.policy(judgement.code).public:
            if is_public(speaker, cue.doc, self.words.public_sectors):
                judgement = None  # "a voter said Trump was decent": the population's opinion
        if judgement is not None:
            # criticism or praise: more specific than a plain statement (guideline §6)
            code, targets = judgement.code, list(judgement.judged)
            judged = ", ".join(actor.text for actor in judgement.judged)
            rule += f"; judges {judged} '{judgement.word.text}'"
        return CodedAct(
            trigger=cue,
            clause_verb=cue,
            sources=[speaker],
            targets=targets,
            code=CodeSpec(code),
            rule=rule,
            negated=clause_negated(cue, self.words) or factuality.negated,
            modality=factuality.value,
            confidence=STATEMENT_CONFIDENCE,
        )

    def _announced(
        self, cue: Token, speaker: EventActor, actors: DocActors
    ) -> tuple[Token, str, list[EventActor]] | None:
        """ "Iran announced that the British sailors would be released", "Iran's foreign
        ministry said the detainees would be handed over to Japan": a state, or an authority
        of one (authority_sectors.txt), announcing a cooperative act that will be done, with
        no doer named, announces what its own state will do - its intent (03x by
        intent_codes.tsv, the guideline's "will visit" 036), done to the passive subject, an
        actor of another country (an intent to cooperate needs a counterpart abroad; "U.S.
        troops will be withdrawn" is the state's own policy). The state is a mention of the
        state as a whole ("Iran said"), not a person or group only placed in it ("some
        Iranians said"). ``(the announced verb, the intent code, its targets)``. Not a
        conflict act ("the city will be attacked" is a warning, not a threat of one's own),
        not a negated one, not one whose doer is named ("will be released by the rebels")."""
        state = (  # "Iran said", not "Iranians said" (the population)
            speaker.sector is None
            and is_state(speaker)
            and not is_public(speaker, cue.doc, self.words.public_sectors)
        )
        if not speaker.country or not (state or speaker.sector in self.words.authority_sectors):
            return None
        for verb in _content_verbs(cue):
            if not _agentless_future_passive(verb, self.future_auxiliaries):
                continue
            if clause_negated(verb, self.words):
                continue
            entry = self.verb_codes.entry(verb)
            if entry is None:
                continue
            code = self.verb_codes.code_of(verb, entry, verb_subject(verb))[0]
            intent = self.words.intent_code(code.forward) if code.forward else None
            if intent is None or not intent.startswith(COOPERATIVE_INTENT_ROOT):
                continue
            if intent == code.forward:
                continue  # "talks will be promised": the act is itself the intent
            patients = [
                actor
                for child in verb.children
                if child.dep_ == "nsubjpass"
                for actor in self.participants.actors_of(child, actors)
                if actor.country != speaker.country
            ]
            if patients:  # "stimulus will be stepped up": a domestic policy, no counterpart
                return verb, intent, patients
        return None

    def _cue_code(self, cue: Token) -> str | None:
        """``010``, or the cue's own code in root 01 ("acknowledged" 015); ``None`` when the
        lexicon codes the cue in another root (its act is the verb's, not a statement)."""
        entry = self.verb_codes.entry(cue) if cue.pos_ in ("VERB", "AUX") else None
        if entry is None:
            return STATEMENT
        code = self.verb_codes.code_of(cue, entry, verb_subject(cue))[0]
        if code.is_null or not code.forward:
            return STATEMENT
        if code.forward.startswith(STATEMENT_ROOT):
            return code.forward
        return None

    def _addressees(self, cue: Token, speaker: EventActor, actors: DocActors) -> list[EventActor]:
        """ "told the Security Council", "said to Putin": the actors the cue addresses;
        reporters and other audiences of the silent sectors are not addressees."""
        heads = [c for c in cue.children if c.dep_ in _ADDRESSEE_DEPS]
        heads += [
            g
            for c in cue.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        found: list[EventActor] = []
        for head in heads:
            for actor in self.participants.actors_of(head, actors):
                if actor.sector in self.words.silent_sectors or same_actor(actor, speaker):
                    continue
                if actor not in found:
                    found.append(actor)
        return found


def _pieces(quote: Quote) -> tuple[tuple[int, int], ...]:
    return quote.parts or ((quote.start, quote.end),)


def _speaks_for(source: EventActor, speaker: EventActor) -> bool:
    """The act's doer is the speaker, the speaker's side ("we" in the quote: the same
    code), or the speaker's state ("Abe said Japan would ...")."""
    if same_actor(source, speaker) or (source.code and source.code == speaker.code):
        return True
    return bool(source.country) and source.code == source.country == speaker.country


def _content_verbs(cue: Token) -> list[Token]:
    """The verbs of what the cue reports: its clause complement and the verbs joined to it."""
    found = []
    for clause in cue.children:
        if clause.dep_ == "ccomp" and clause.pos_ in VERBAL_POS:
            found.append(clause)
            found += [c for c in clause.children if c.dep_ == "conj" and c.pos_ in VERBAL_POS]
    return found


def _agentless_future_passive(verb: Token, future: frozenset[str]) -> bool:
    """ "would be released", "will be redeployed": a passive in the future, no "by" phrase."""
    if passive_agent(verb) is not None:
        return False
    return is_passive(verb) and has_modal(verb, future)


def _cue_token(doc: Doc, sent: Span, quote: Quote) -> Token | None:
    """The quote's cue word when it is in ``sent``: its verb ("said", "according to")."""
    if quote.cue_start is None or quote.cue_end is None:
        return None
    if not sent.start_char <= quote.cue_start < sent.end_char:
        return None
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return next((t for t in span if t.pos_ in ("VERB", "AUX")), span[0])
