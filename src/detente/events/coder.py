"""Code who did what to whom from spaCy's dependency parse and the verb lexicon.

For each verb (and each event noun) in a sentence: find the source among the actors of its
subject (or the agent of a passive verb, or the subject it inherits as an infinitive,
conjunct or participle), the target among the actors of its object, prepositional objects
or complement subject (:mod:`~detente.events.participants`), pick the CAMEO code from the
most specific lexicon pattern that matches the words of its clause
(:mod:`~detente.events.patterns`), then adjust for negation, intention/hope, demands,
reported speech (:mod:`~detente.events.modality`) and paired/reciprocal codes
(:mod:`~detente.events.emit`). Event nouns are :mod:`~detente.events.nominal`'s. This
module decides, clause by clause, which of those apply.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from detente.events.acceptor import load_acceptor
from detente.events.clauses import (
    argument_heads,
    embedded_subject,
    has_unmatched_object,
    inside_phrase,
    particles,
    relative_antecedent,
    reported_clause,
    struck_object,
    thing_object,
    verb_subject,
)
from detente.events.elections import campaigns_for_nothing, contests_office
from detente.events.emit import CodedAct, Emitter
from detente.events.lexicon import CodeSpec, Pattern, VerbEntry
from detente.events.location import FALLBACK_METHODS, DocLocator
from detente.events.modality import (
    ASSERTED,
    REPORTING_ROLES,
    Factuality,
    act_factuality,
    clause_negated,
    directed_act,
    is_directive,
    is_obliged,
    is_unasserted_infinitive,
    names_actor,
    obliged_through_adjective,
)
from detente.events.nominal import NominalCoder, ReportedAct
from detente.events.participants import (
    FORCE_ROOTS,
    DocActors,
    Participants,
    abstract_thing,
    is_public,
    own_country,
    pattern_words,
    same_actor,
    same_side,
    unarmed_sense,
    unarmed_word_sense,
)
from detente.events.patterns import VerbCodes
from detente.events.statements import StatementCoder
from detente.events.visits import clause_host, is_visit, own_forces, own_forces_abroad
from detente.knowledge import Knowledge
from detente.knowledge.events import RootPolicy
from detente.nlp.extensions import get_list
from detente.nlp.segments import SENTENCE_END_CHARS, is_furniture_sentence
from detente.nlp.syntax import (
    governing_verb,
    has_modal,
    is_bare_verb,
    is_copula,
    is_passive,
    is_to_infinitive,
    passive_agent,
    prepositional_objects,
)
from detente.records import Event, EventActor

# A verb's own code says less than this confidence when no pattern matched (a default).
PATTERN_CONFIDENCE = 0.9
# CAMEO's return or release of persons (0841) or property (0842)
RELEASE_CODE = "084"
# the intents to cooperate (CAMEO 03x): announced as not done, they are refusals (12x)
COOPERATIVE_INTENT_ROOT = "03"


@dataclass(frozen=True, slots=True)
class _Coding:
    """A verb's code, the rule that gave it, its confidence and the pattern matched."""

    code: CodeSpec
    rule: str
    confidence: float
    pattern: Pattern | None


def _names_own_words(coding: _Coding, verb: Token, light: Iterable[str] = ()) -> bool:
    """Does the verb's pattern name a word of its own after the verb ("- * SUPPORT [051]"),
    beyond the verb's particles and the ``light`` words ("- * UP" names none)?"""
    if coding.pattern is None:
        return False
    known = {*light, *particles(verb)}
    return any(
        word not in known for slot in coding.pattern.post for words in slot for word in words
    )


def _synset_heads(knowledge: Knowledge, names: frozenset[str]) -> frozenset[str]:
    """The head words (last word of each alternative) of the verb dictionary's synonym sets
    ``names`` ("&WEAPON": bomb, missile ...)."""
    return frozenset(
        alternative[-1]
        for name in names
        for alternative in knowledge.verbs.synsets.get(name, ())
        if alternative
    )


class EventCoder:
    """Codes the events of a parsed ``Doc``. Build once per process; call per document."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.words = knowledge.clause_words
        self.cameo = knowledge.cameo
        self.date_words = knowledge.date_words
        self.verb_codes = VerbCodes(
            knowledge.verbs,
            self.words.roles,
            self.words.circumstance_prepositions,
            quad_class=self.cameo.quad_class,
            complement_senses=self.words.complement_senses,
            obligation_modals=self.words.obligation_modals,
            partitive_nouns=self.words.partitive_nouns,
        )
        self.participants = Participants(self.words)
        # the words of instruments (instrument_synsets.txt): a pattern's, never its target
        self.instruments = _synset_heads(knowledge, self.words.instrument_synsets)
        # the words of armed forces (force_synsets.txt): a pattern's, a target only of another side
        self.forces = _synset_heads(knowledge, self.words.force_synsets)
        self.nominals = NominalCoder(
            self.words,
            self.cameo,
            self.verb_codes,
            self.participants,
            self.date_words.future_auxiliaries,
            # "the attack on the embassy": an act of force no one is named doing
            unnamed_doer=self.doer_where,
        )
        self.statements = StatementCoder(
            self.words,
            self.cameo,
            self.verb_codes,
            self.participants,
            self.date_words.future_auxiliaries,
        )
        self.emitter = Emitter(
            self.cameo, self.date_words, load_acceptor(), states=knowledge.kb.states
        )
        self.gazetteer = knowledge.kb.gazetteer
        self._locator: DocLocator | None = None  # the current document's, built when needed
        # (token index, why the token coded nothing): set to a list to trace (diagnostics)
        self.trace: list[tuple[int, str]] | None = None

    def _drop(self, tok: Token, reason: str) -> list:
        """Nothing coded at ``tok``, and why (recorded only while tracing)."""
        if self.trace is not None:
            self.trace.append((tok.i, reason))
        return []

    def _unarmed_sense(
        self, verb: Token, coding: _Coding, sources: list[EventActor], targets: list[EventActor]
    ) -> _Coding:
        """A verb of violence between actors who cannot fight takes its other sense:
        "Kudlow tore into Trudeau" criticizes (unarmed_senses.tsv)."""
        code = coding.code.forward
        if code is None or not targets:
            return coding
        other = unarmed_sense(
            self.verb_codes.word(verb),
            self.cameo.quad_class(code),
            (*sources, *targets),
            self.words,
        )
        if not other:  # a verb without another sense keeps its own (a nominal one does not)
            return coding
        rule = f"{coding.rule}; unarmed sense [{other}]"
        return _Coding(CodeSpec(other), rule, coding.confidence, coding.pattern)

    def _object_sense(
        self, verb: Token, coding: _Coding, sources: list[EventActor], actors: DocActors
    ) -> _Coding | None:
        """The sense a verb takes from the thing it acts on. A verb that imposes
        (imposing_verbs.txt) an economic measure (economic_measures.tsv: "imposed tariffs",
        "slapped tariffs") does the measure: 163, not its block's coercion or force.
        Physical force (roots 18-20) by a doer who is no armed force at an abstract thing
        (abstract_nouns.txt: "launched an attack on the cost of the asylum system",
        "hammered the plan") or at a measure ("attacked the tariffs") is the word's
        unarmed sense (criticism, 111), and no event when it has none. The thing is the
        verb's object, or, when that object is an event noun ("an attack"), what the noun
        is done to (its target prepositions)."""
        code = coding.code.forward
        if code is None:
            return coding
        obj = struck_object(verb, self.words.nominals)
        if obj is None or actors.is_mention(obj):
            return coding
        measure = self.words.economic_measures.get(obj.lemma_.lower())
        imposing = self.words.imposing_verbs
        if measure is not None and (
            verb.lemma_.lower() in imposing or self.verb_codes.word(verb) in imposing
        ):
            rule = f"{coding.rule}; economic measure [{measure}]"
            return _Coding(CodeSpec(measure), rule, coding.confidence, coding.pattern)
        if code[:2] not in FORCE_ROOTS or not abstract_thing(obj, sources, self.words, actors):
            return coding
        other = unarmed_word_sense(verb, obj, self.words, self.verb_codes.word(verb))
        if other is None:
            return None
        rule = f"{coding.rule}; abstract object [{other}]"
        return _Coding(CodeSpec(other), rule, coding.confidence, coding.pattern)

    def _argument_sense(
        self, verb: Token, coding: _Coding, actors: DocActors, mutual: bool = False
    ) -> bool:
        """False when the verb's sense in its code's root needs an actor or a place in an
        argument and none is there (argument_senses.tsv): "took the town" seizes, "took
        issue" does not; "went to Jerusalem" travels, "went back on a pledge" does not.
        Checked are the verb's default code and patterns of nothing but the listed
        prepositions and the verb's particles ("- * (TO) [040]", "- * BACK [042:043]"): a
        pattern naming a noun after the verb names its own sense ("- * SUMMIT [046]"). ``mutual``: the
        verb has several doers, or "each other" ("rebels and troops fought"), which an
        argument list with ``mutual`` accepts for its counterpart; ``force``: a phrase
        below the verb names an act of material conflict ("died after being shot", "died
        in the attack"; not "died of leukemia")."""
        sense = self.words.argument_senses.get(verb.lemma_.lower())
        code = coding.code.forward
        if sense is None or code is None or not code.startswith(sense[0]):
            return True
        kinds = sense[1].split(",")
        if mutual and "mutual" in kinds:
            return True
        if "force" in kinds and self._names_force(verb):
            return True
        if _names_own_words(coding, verb, light=kinds):
            # the words before the verb name its doer ("- &MILITARY * [0874]": troops
            # leaving), which says nothing of its argument
            return True
        return any(actors.is_mention(tok) for tok in argument_heads(verb, sense[1]))

    def _electoral(self, verb: Token, coding: _Coding, actors: DocActors) -> bool:
        """The verb is in its sense of electoral competition (:mod:`detente.events.elections`):
        campaigning or voting for no cause, or, in a root whose act is done to its object
        (``contest_object``), acting on an office or contest; a pattern naming a noun of its
        own after the verb keeps that pattern's sense in the latter case."""
        words = self.words
        if coding.code.forward is None:
            return False
        if campaigns_for_nothing(verb, words.electoral_verbs, words.electoral_nouns):
            return True
        if not self.cameo.policy(coding.code.forward).contest_object:
            return False
        if _names_own_words(coding, verb):
            return False
        return contests_office(
            verb, words.electoral_nouns, words.partitive_nouns, actors.is_mention
        )

    def _other_sense(
        self, verb: Token, coding: _Coding, sources: list[EventActor], actors: DocActors
    ) -> str | None:
        """Why the verb's arguments rule its coded sense out, if they do: an office or
        contest competed for ("seeks the nomination"), information released ("released the
        report"), force by an abstract thing ("the approach is hitting workers")."""
        if self._electoral(verb, coding, actors):
            return "electoral competition: an office or contest"
        if self._publishes(verb, coding, actors):
            return "information released: published, not returned"
        if self._abstract_doer(verb, coding, sources, actors):
            return "physical force by an abstract thing"
        return None

    def _abstract_doer(
        self, verb: Token, coding: _Coding, sources: list[EventActor], actors: DocActors
    ) -> bool:
        """Physical force (roots 18-20) whose doer is an abstract thing (abstract_nouns.txt),
        the actor only its owner: "Britain's open door approach is hitting low wage
        workers", "the policy hurt farmers" harm figuratively; nobody strikes. The doer is
        the subject of an active verb, the agent of a passive one; an armed doer keeps its
        force (as for an abstract object, :func:`abstract_thing`)."""
        code = coding.code.forward
        if code is None or code[:2] not in FORCE_ROOTS:
            return False
        doer = passive_agent(verb) if is_passive(verb) else verb_subject(verb)
        return abstract_thing(doer, sources, self.words, actors)

    def _publishes(self, verb: Token, coding: _Coding, actors: DocActors) -> bool:
        """A verb coded as a return or release (084) whose object is information
        (information_nouns.txt: "released the executive summary of its report", "a video
        released by the Sunday Times"): it publishes, it gives back no person or property.
        The object is the direct object, else the passive subject, else the noun a relative
        clause describes."""
        code = coding.code.forward
        if code is None or not code.startswith(RELEASE_CODE):
            return False
        heads = argument_heads(verb, "object")
        if not heads or all(h.lower_ in self.words.relatives for h in heads):
            antecedent = relative_antecedent(verb, self.words.relatives)
            heads = [antecedent] if antecedent is not None else heads
        return any(
            head.lemma_.lower() in self.words.information_nouns and not actors.is_mention(head)
            for head in heads
        )

    def _names_force(self, verb: Token) -> bool:
        """A verb or event noun below ``verb`` (outside its subject) is coded, by its
        lexicon's default, as material conflict (quad class 4)."""
        subject = verb_subject(verb)
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        for tok in verb.subtree:
            if tok.i == verb.i or tok.i in skip:
                continue
            code = None
            if tok.pos == VERB:
                entry = self.verb_codes.entry(tok)
                if entry is not None:
                    code = self.verb_codes.code_of(tok, entry, verb_subject(tok))[0].forward
            elif tok.pos in (NOUN, PROPN):
                senses = self.words.nominals.get(tok.lemma_.lower())
                code = senses[-1].code.forward if senses else None
            if code is not None and self.cameo.quad_class(code) == 4:
                return True
        return False

    # ---- public

    def code_doc(self, doc: Doc) -> list[Event]:
        actors = DocActors.build(doc)
        if not actors.mentions and not actors.quotes:
            return []
        events: list[Event] = []
        furniture = get_list(doc, "furniture")
        self._locator = None
        self.emitter.start_doc(doc)
        # the acts of the last two sentences, which an event noun may refer back to
        recent: deque[list[ReportedAct]] = deque(maxlen=2)
        for sent in doc.sents:
            found = self._code_story_sentence(doc, sent, actors, furniture, list(recent))
            recent.append([ReportedAct.of_event(e) for e in found])
            events.extend(found)
        return events

    def _code_story_sentence(
        self,
        doc: Doc,
        sent: Span,
        actors: DocActors,
        furniture: list,
        earlier: list[list[ReportedAct]],
    ) -> list[Event]:
        """The events of a sentence of the story; none for a dateline, a headline or a
        sentence with no one in it."""
        if is_furniture_sentence(furniture, sent):
            return self._drop(sent.root, "furniture sentence")  # a dateline, caption ...
        if is_headline(sent):
            return self._drop(sent.root, "headline")
        if max(actors.by_token[sent.start : sent.end], default=-1) == -1 and not any(
            start < sent.end_char and sent.start_char < end for start, end, _ in actors.quotes
        ):
            # no actor and no quoted speaker: nobody to code
            return self._drop(sent.root, "no actor in the sentence")
        return self.code_sentence(doc, sent, actors, [a for acts in earlier for a in acts])

    def code_sentence(
        self, doc: Doc, sent: Span, actors: DocActors, earlier: list[ReportedAct] | None = None
    ) -> list[Event]:
        """The events of one sentence; ``earlier``: the acts of the sentences before it that
        an event noun with no doer named may refer back to."""
        earlier = earlier or []
        consumed: set[int] = set()  # embedded verbs already coded through their governor
        acts: list[CodedAct] = []
        for tok in sent:
            if tok.i in consumed:
                self._drop(tok, "consumed by its governor")
                continue
            pos = tok.pos  # the integer: cheaper than the string on every token
            if pos == VERB or (pos == AUX and tok.dep_ == "ROOT" and tok.lemma_ != "be"):
                if not self._may_code(tok):
                    continue
                acts.extend(self._code_verb(tok, actors, consumed))
            elif (pos == NOUN or pos == PROPN) and tok.lemma_.lower() in self.words.nominals:
                before = [*earlier, *map(ReportedAct.of_act, acts)]
                act = self.nominals.code(tok, actors, consumed, earlier=before)
                if act is not None:
                    acts.append(act)
        acts.extend(self._code_reports(sent, actors, consumed, acts))
        acts = self._political(doc, acts)
        if actors.spoken:
            acts.extend(self.statements.code(doc, sent, actors, acts))
        return self.emitter.events(doc, sent, acts)

    def _political(self, doc: Doc, acts: list[CodedAct]) -> list[CodedAct]:
        """The acts with doers who do them as political acts: the population ("voters
        supporting him", "Iranians were celebrating") acts politically only in the roots
        marked ``public`` in cameo_roots.tsv (protest, demands, violence), not when it
        supports, meets or cooperates (docs/gold/events-guideline.md, section 2)."""
        kept = []
        for act in acts:
            if not self.cameo.policy(act.code.forward).public:
                sources = [
                    s for s in act.sources if not is_public(s, doc, self.words.public_sectors)
                ]
                if not sources:
                    self._drop(act.trigger, "not a political act of the population")
                    continue
                if len(sources) < len(act.sources):
                    act = replace(act, sources=sources)
            kept.append(act)
        return kept

    # ---- verbs

    def _may_code(self, verb: Token) -> bool:
        """Cheap first test: a verb the lexicon does not know, with no clause-word role,
        can only be coded as an obligation ("Sudan must return ...")."""
        return self.verb_codes.knows(verb) or is_obliged(verb, self.words.obligation_modals)

    def _code_verb(self, verb: Token, actors: DocActors, consumed: set[int]) -> list[CodedAct]:
        """The acts a verb codes: its own, with its factuality, and the verbal act that a
        governing word or the future makes of it ("pledged to give aid": the pledge 0331
        and the aid, intended; "will visit": the intent 036 and the visit, intended)."""
        purpose = None
        if is_unasserted_infinitive(verb, actors, self.words) and not participle_patients(
            verb, actors, self.participants
        ):
            purpose = self._visit_purpose(verb, actors)
            if purpose is None:
                return self._drop(verb, "unasserted infinitive")
        role = self.words.roles.get(self.verb_codes.word(verb))
        obliged = is_obliged(verb, self.words.obligation_modals)
        reports = role in REPORTING_ROLES and reported_clause(verb) is not None
        if reports and not obliged:
            # attribution: "X did Y, officials said" codes X (statements: statements.py);
            # a report its dictionary codes is coded after its clause (_code_reports)
            return self._drop(verb, "reporting verb")
        factuality = purpose or act_factuality(verb, self.words, self.date_words.future_auxiliaries)
        if not factuality.coded:
            # "may demand that Israel withdraw": the withdrawal is not coded
            return self._drop(verb, "factuality not coded")
        embedded_coded = False
        if role in ("intent", "refuse"):
            embedded = next(
                (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None
            )
            if embedded is not None:
                act, embedded_coded = self._code_intent(verb, embedded, actors, role, factuality)
                if act is not None:
                    return [act]
                # "decided to pretend", "intends moving them": a decision, plan or wish whose
                # act has no code is coded alone only in the roots that say so (coded_alone),
                # as when the act has a code but no intent code ("I want to stress"); a
                # promise to others ("promised to democratize Serbia") is an intent anyway
                embedded_coded = embedded_coded or (
                    role == "intent" and verb.lemma_.lower() not in self.words.promise_verbs
                )
        if role in REPORTING_ROLES and is_directive(verb):
            # "Russia told Ukraine to withdraw": an order, not a statement; the withdrawal
            # is coded too, demanded (modality.is_directive)
            directive = self._code_directive(verb, actors, factuality)
            if directive is not None:
                return [directive]  # else what the verb says of itself ("told reporters")
        entry = self.verb_codes.entry(verb)
        if obliged and not self._pattern_names_modal(verb, entry):
            # "Russia said Sudan must return the helicopter": a demand, and the act demanded
            demand = self._code_obligation(verb, entry, actors)
            if demand is None:
                return self._drop(verb, "obligation without demander")
            if reports:
                # "said Obama must explain to Congress how ...": a duty to say something is
                # a demand all the same; what is to be said is no act of its own
                return [demand]
            demanded = Factuality("demanded", demand.trigger)
            return [demand, *self._code_own(verb, entry, actors, consumed, role, demanded, False)]
        return self._code_own(verb, entry, actors, consumed, role, factuality, embedded_coded)

    def _code_reports(
        self, sent: Span, actors: DocActors, consumed: set[int], acts: list[CodedAct]
    ) -> list[CodedAct]:
        """ "Arnor believes Dagolath and Osgiliath can cope": a verb of speech or opinion
        that its dictionary codes itself (its own block with a code, PETRARCH's
        ``--- BELIEVE [023] ---``; CAMEO files such verbs under a statement class, which
        the statement coder reads) is an act on the subject of what it reports, when what
        it reports codes no act of its own (PETRARCH codes the reported act first, when its dictionary has a code for it)."""
        found: list[CodedAct] = []
        for verb in sent:
            if verb.pos != VERB or verb.i in consumed:
                continue
            if self.words.roles.get(self.verb_codes.word(verb)) not in REPORTING_ROLES:
                continue
            clause = reported_clause(verb)
            if clause is None:
                continue
            entry = self.verb_codes.entry(verb)
            if entry is None or not self.verb_codes.codes_itself(entry):
                continue
            if self._codes_an_act(verb):
                continue  # the reported act is the event, even when we miss its actors
            subject = verb_subject(clause)
            content = self.participants.actors_of(subject, actors) if subject is not None else []
            if not content:
                self._drop(verb, "report without an actor as its clause's subject")
                continue
            factuality = act_factuality(verb, self.words, self.date_words.future_auxiliaries)
            if not factuality.coded:
                continue
            found += self._code_own(
                verb, entry, actors, consumed, None, factuality, False, content_targets=content
            )
        return found

    def _codes_an_act(self, report: Token) -> bool:
        """Does a verb below ``report`` (in what it reports, or a clause the parser hangs
        on it: "..., after crowds burned its embassy, an official said") have a code in
        the dictionary?"""
        for tok in report.subtree:
            entry = self.verb_codes.entry(tok) if tok.pos == VERB and tok.i != report.i else None
            if entry is not None:
                code = self.verb_codes.code_of(tok, entry, verb_subject(tok))[0]
                if not code.is_null:
                    return True
        return False

    def _pattern_names_modal(self, verb: Token, entry: VerbEntry | None) -> bool:
        """ "- INDICATED SHOULD * [1011]": a pattern that names the verb's modal of
        obligation codes the obliged act itself, with its own code; no demand is read
        into it."""
        if entry is None:
            return False
        pattern = self.verb_codes.code_of(verb, entry, verb_subject(verb))[3]
        if pattern is None:
            return False
        named = {word for slot in pattern.pre for alt in slot for word in alt}
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return bool(named & modals & self.words.obligation_modals)

    def _visit_purpose(self, verb: Token, actors: DocActors) -> Factuality | None:
        """ "Kerry flew to Beijing to meet Chinese leaders": the purpose of a trip is an act
        of its own, intended (the guideline codes the visit and its purpose, "meet" 040
        intended); None for any other infinitive of purpose, for the purpose of a trip
        not made ("did not fly to Beijing to meet") or not travelled ("went on to accuse"),
        and of a trip neither made nor announced ("if Kerry flies to Beijing to meet",
        "might fly to Beijing to meet"): its purpose is no more an act than the trip."""
        trip = verb.head
        if verb.dep_ != "advcl" or not is_to_infinitive(verb) or trip.pos != VERB:
            return None
        entry = self.verb_codes.entry(trip)
        if entry is None or clause_negated(trip, self.words) or not self._trip_made(trip, actors):
            return None
        coding = _Coding(*self.verb_codes.code_of(trip, entry, verb_subject(trip)))
        if not is_visit(self.cameo, coding.code.forward):
            return None
        # "went on to accuse": a verb of travel with no destination is in another sense
        return Factuality("intended", trip) if self._argument_sense(trip, coding, actors) else None

    def _trip_made(self, trip: Token, actors: DocActors) -> bool:
        """The trip is made or announced ("flew", "will fly"), not a condition, a
        possibility or a wish: its own factuality is asserted or intended."""
        if is_unasserted_infinitive(trip, actors, self.words):
            return False
        factuality = act_factuality(trip, self.words, self.date_words.future_auxiliaries)
        return not factuality.negated and factuality.value in (ASSERTED, "intended")

    def _code_own(
        self,
        verb: Token,
        entry: VerbEntry | None,
        actors: DocActors,
        consumed: set[int],
        role: str | None,
        factuality: Factuality,
        embedded_coded: bool,
        *,
        content_targets: list[EventActor] | None = None,
    ) -> list[CodedAct]:
        """The verb's own act (and, in the future tense, the intent it expresses);
        ``content_targets``: the targets a report's clause names (see _code_reports)."""
        if entry is None:
            return self._drop(verb, "no lexicon entry")
        # most verbs have no actor doing them: find that out before matching patterns
        sources, inherited = self.participants.sources(verb, actors)
        participle = participle_patients(verb, actors, self.participants)
        if inherited and (participle or _reduced_passive(verb)):
            sources, inherited = [], False
        patient: list[EventActor] = []  # a passive subject, for "- + * FROM $" patterns
        if not sources:
            patient = self.participants.patient(verb, actors) or participle
            if not patient:
                return self._drop(verb, "no source")
        coding = _Coding(*self.verb_codes.code_of(verb, entry, verb_subject(verb)))
        if participle and coding.code.forward not in self.words.custody_codes:
            # "militias backed by Iran", "war-torn Mozambique", "the ousted president": a
            # standing state of the noun, not news of an act done to it
            return self._drop(verb, "participle of an act other than custody")
        sources, forced_targets = self._marked_source(
            verb, coding.pattern, sources, patient, actors
        )
        if sources and participle and not forced_targets:
            forced_targets = participle  # "the sailors detained by Iran": Iran -> the sailors
        if content_targets and not forced_targets:
            forced_targets = content_targets
        if not sources and patient and coding.code.forward and factuality.asserted:
            # only an act reported as done has a doer to infer ("will be taken": no one yet)
            sources, forced_targets = self._unnamed_doer(verb, coding.code.forward, patient, actors)
        if not sources:
            return self._drop(verb, "no source (passive subject only)")
        if coding.code.is_null:
            return self._drop(verb, "null code")
        if embedded_coded and not self.cameo.policy(coding.code.forward).coded_alone:
            # "I want to stress ...": the act has no intent code; "want" alone says nothing
            return self._drop(verb, "embedded act coded")
        act = self._verb_act(
            verb, actors, consumed, role, coding, sources, inherited, forced_targets, factuality
        )
        if act is None:
            return []  # _verb_act traced why
        return [*self._future_intent(act, factuality), act]

    def _unnamed_doer(
        self, verb: Token, code: str, patient: list[EventActor], actors: DocActors
    ) -> tuple[list[EventActor], list[EventActor]]:
        """ "Three soldiers were killed", "X was arrested": an act of force or coercion with
        no agent named is done by an unnamed actor of the country where it happened - unknown
        armed men, the authorities (``unnamed_doer`` in cameo_roots.tsv; the guideline's
        unknown perpetrators). Where it happened is the act's location (a place in its
        clause or sentence, the dateline, the document's focus: :class:`DocLocator`, as the
        event's ``location``); only a document with none of them leaves the victims' own
        country, which is often wrong (a U.S. soldier killed abroad). ``(sources,
        targets)``; empty for other roots or when the country is unclear."""
        sector = self.cameo.policy(code).unnamed_doer
        if sector is None or passive_agent(verb) is not None or self._by_event(verb):
            return [], []
        if any(c.dep_ == "xcomp" for c in verb.children):
            # "was forced to resign", "were forced to fight": what the subject did under a
            # pressure the sentence does not place (circumstances, critics, a party), not
            # an act the authorities or armed men did to it
            return [], []
        return self.doer_where(verb, sector, patient)

    def doer_where(
        self, trigger: Token, sector: str, patient: list[EventActor]
    ) -> tuple[list[EventActor], list[EventActor]]:
        """An unnamed doer of ``sector`` of the country where the act of ``trigger`` happened
        (for an event noun with no place in its sentence, where the same noun was last
        reported with a place, before the dateline or focus; else of the one country of
        ``patient``): ``([doer], patient)``, or empty lists."""
        if self._locator is None or self._locator.doc is not trigger.doc:
            self._locator = DocLocator(trigger.doc, self.gazetteer)
        location = self._locator.of_trigger(trigger)
        if trigger.pos_ == "NOUN" and (location is None or location.method in FALLBACK_METHODS):
            # "the attack" named again with no place in its sentence: where it was
            # reported before, not the story's country (a U.S. story on Benghazi)
            location = self._locator.of_earlier_report(trigger) or location
        if location is not None and location.country:
            countries = {location.country}
        else:
            countries = {p.country for p in patient}
        if len(countries) != 1 or None in countries:
            return [], []
        (country,) = countries
        doer = EventActor(
            text="",
            start=trigger.idx,
            end=trigger.idx,
            actor_id=None,
            name=None,
            code=f"{country}{sector}",
            country=country,
            sector=sector,
        )
        return [doer], patient

    def _by_event(self, verb: Token) -> bool:
        """ "killed in a car bombing", "in a Jordanian airstrike": the event noun is the
        act, whose doer it may name; the verb says only what it did."""
        return any(
            pobj.lemma_.lower() in self.words.nominals for _, pobj in prepositional_objects(verb)
        )

    def _future_intent(self, act: CodedAct, factuality: Factuality) -> list[CodedAct]:
        """ "The minister will visit Beijing", "Russia is willing to withdraw": announcing
        the act is itself an act, an expression of intent (036, trigger "will"/"willing"),
        asserted; the act announced is intended."""
        if factuality.intent is None or not act.code.forward:
            return []
        intent = self.words.intent_code(act.code.forward)
        if intent is None or intent == act.code.forward:
            return []
        rule = f"intent: {act.rule}"
        refusal = act.negated and intent.startswith(COOPERATIVE_INTENT_ROOT)
        if refusal:
            # "Iran will not negotiate", "said it would never accept": announcing that one
            # will not do a cooperative act refuses it (guideline §8: 12x, asserted), as
            # "refused to" does; a conflict act announced as not done is no threat
            intent, rule = self.words.refuse_code(act.code.forward), f"refusal: {act.rule}"
        return [
            replace(
                act,
                trigger=factuality.intent,
                code=CodeSpec(intent),  # an intent is one side's: no paired reverse event
                rule=rule,
                modality=ASSERTED,
                negated=act.negated and not refusal,
                reciprocal=act.reciprocal,
            )
        ]

    def _verb_act(
        self,
        verb: Token,
        actors: DocActors,
        consumed: set[int],
        role: str | None,
        coding: _Coding,
        sources: list[EventActor],
        inherited: bool,
        forced_targets: list[EventActor],
        factuality: Factuality,
    ) -> CodedAct | None:
        """The act of a coded verb with its doers: its targets (or its reasons not to be
        coded without one), with its factuality."""
        policy = self.cameo.policy(coding.code.forward)
        targets, reciprocal, deep = self._verb_targets(
            verb, actors, sources, coding.pattern, policy, forced_targets
        )
        if targets and is_visit(self.cameo, coding.code.forward):
            # "visited U.S. troops in Afghanistan": the host, not the visitor's own forces
            host = clause_host(verb, self.participants, actors, sources)
            armed = self.words.armed_sectors
            if not host and len(own_forces(targets, sources, armed)) == len(targets):
                # "visited the troops": abroad or at home, the clause does not say, and a
                # visit to one's own forces is coded only to a named host (guideline, section 12)
                self._drop(verb, "a visit to the visitor's own forces, no host named")
                return None
            targets = own_forces_abroad(targets, sources, host, armed)
        coding = self._unarmed_sense(verb, coding, sources, targets)
        coding = self._object_sense(verb, coding, sources, actors)
        if coding is None:
            self._drop(verb, "physical force at an abstract object")
            return None  # "hammered the plan": no other sense of the word is known
        if not self._argument_sense(verb, coding, actors, len(sources) > 1 or reciprocal):
            # "took issue", "went back on a pledge": another sense
            self._drop(verb, "argument sense: no actor or place in its argument")
            return None
        other_sense = self._other_sense(verb, coding, sources, actors)
        if other_sense is not None:
            self._drop(verb, other_sense)
            return None
        confidence = coding.confidence
        if (
            confidence < PATTERN_CONFIDENCE
            and self.cameo.policy(coding.code.forward).thing_object == "sense"
            and self._targets_in_thing(verb, targets, actors)
        ):
            self._drop(verb, "default code, targets inside a thing object")
            return None
        if confidence < 0.75 and self._has_event_object(verb, actors):
            # "issued a stern reminder to Iraq": a verb coded only by its block's default
            # (GRANT [060]) says less than its event noun, which codes the act
            self._drop(verb, "event noun object codes it")
            return None
        if not targets and not reciprocal:
            if confidence < PATTERN_CONFIDENCE and has_unmatched_object(verb):
                self._drop(verb, "default code, unmatched object")
                return None  # "took steps", "called the alliance a cornerstone": sense unknown
            if policy.domestic != "no" and not _named_patient(verb, self.words.personal_pronouns):
                # "the army imposed a curfew": a domestic act is done to the doer's own country
                targets = own_country(sources, people=policy.domestic == "people")
                deep = True
            if not targets and self._needs_target(confidence, sources, policy, verb):
                self._drop(verb, f"no target (needs_target={policy.needs_target})")
                return None
        if role == "intent" and embedded_subject(verb) is not None:
            # "doesn't want Russia and China creating a bloc", "wants the US to veto": a wish
            # about another's act is a mental state; the act is coded (wanted), not the wish
            if confidence < 0.9 or self.words.governed.get(self.verb_codes.word(verb)) == "wanted":
                self._drop(verb, "wish about another's act")
                return None
        return CodedAct(
            trigger=verb,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=coding.code,
            rule=_with_cue(coding.rule, factuality),
            negated=clause_negated(verb, self.words) or factuality.negated,
            modality=factuality.value,
            confidence=confidence - (0.1 if inherited else 0.0) - (0.15 if deep else 0.0),
            reciprocal=reciprocal,
        )

    def _marked_source(
        self,
        verb: Token,
        pattern: Pattern | None,
        sources: list[EventActor],
        patient: list[EventActor],
        actors: DocActors,
    ) -> tuple[list[EventActor], list[EventActor]]:
        """``(sources, targets the pattern forces)``. "- + * FROM $ [066]": "Ithilen's guard
        was freed from Mordor", "Eriador received money from Osgiliath": the subject side
        is the target, the object of the marked word the source."""
        if pattern is None or not (pattern.target_subject and pattern.source_after):
            return sources, []
        marked = self.participants.marked(
            verb, pattern.source_after, actors, [], skips=pattern.source_skips
        )
        subject_side = sources or patient
        if not (marked and subject_side):
            return sources, []
        return marked, [t for t in subject_side if not any(same_actor(t, s) for s in marked)]

    def _verb_targets(
        self,
        verb: Token,
        actors: DocActors,
        sources: list[EventActor],
        pattern: Pattern | None,
        policy: RootPolicy,
        forced_targets: list[EventActor],
    ) -> tuple[list[EventActor], bool, bool]:
        """The verb's targets (see :meth:`Participants.targets`), unless its pattern marks
        where they are."""
        targets, reciprocal, deep = self.participants.targets(
            verb,
            actors,
            sources,
            place_targets=policy.place_target,
            domestic=policy.domestic != "no",
            things=pattern_words(pattern) & self.instruments,
            forces=pattern_words(pattern) & self.forces,
        )
        if forced_targets:
            targets, deep = forced_targets, False
        elif pattern is not None and pattern.target_after:
            # "- * THEIR ^ ABOUT + [162]": the pattern says where the target is
            marked = self.participants.marked(
                verb, pattern.target_after, actors, sources, skips=pattern.target_skips
            )
            if marked:
                targets, deep = marked, False
        if pattern is not None and pattern.compound and len(sources) > 1 and not targets:
            reciprocal = True  # "- % HAVE * [191]": "Gondor and Osgiliath have delayed ..."
        return targets, reciprocal, deep

    def _needs_target(
        self,
        confidence: float,
        sources: list[EventActor],
        policy: RootPolicy,
        verb: Token | None = None,
    ) -> bool:
        """A verb with no target that is not coded: its root means nothing without a
        counterpart (statements; appeals and consultations by one actor, when only the
        verb's default code names them; intentions that only wish or expect - "aiming to
        consolidate", "is expected in May" - unlike commitments, "promised to democratize
        Serbia"; acts done to someone - criticism, aid, force - see ``cameo_roots.tsv``)."""
        if policy.needs_target == "always":
            # "Trump and Abe agreed to cooperate": partners of a mutual act are each other's
            return not (policy.mutual and len(sources) > 1)
        if policy.needs_target == "commitment" and verb is not None:
            # a promise or a plan commits its doer (clause words giving the act "intended")
            if self.words.governed.get(self.verb_codes.word(verb)) == "intended":
                return False
        return (
            confidence < PATTERN_CONFIDENCE
            and len(sources) < 2
            and policy.needs_target in ("default", "commitment")
        )

    @staticmethod
    def _targets_in_thing(verb: Token, targets: list[EventActor], actors: DocActors) -> bool:
        """The verb has a thing for object and its targets only stand inside that phrase
        ("took its place", "increased tensions between the US and Russia"). For acts done
        to the object itself (``thing_object`` = sense in cameo_roots.tsv) a verb coded
        only by default is then in a sense its code does not mean; a verbal act's object
        is its topic ("criticized Obama's decision" targets Obama)."""
        thing = thing_object(verb, lambda tok: actors.by_token[tok.i] != -1)
        return (
            thing is not None
            and bool(targets)
            and all(inside_phrase(thing, t.start, t.end) for t in targets)
        )

    def _has_event_object(self, verb: Token, actors: DocActors) -> bool:
        """An object noun naming an event that codes on its own, done by the verb's doer
        ("issued a reminder to Iraq")."""
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in self.words.nominals
            and self.nominals.carried_by(c, verb, actors)
            for c in verb.children
        )

    def _code_obligation(
        self, verb: Token, entry: VerbEntry | None, actors: DocActors
    ) -> CodedAct | None:
        """ "Russia said Sudan must return the helicopter": Russia demands of Sudan (10x)."""
        if entry is None:
            act, rule, confidence = CodeSpec(None), "", 0.8
        else:
            act, rule, confidence, _ = self.verb_codes.code_of(verb, entry, verb_subject(verb))
        # "Russia said Sudan must ...", "issued a reminder to Iraq that it must ...": the
        # first verb above the clause is the one whose doer demands.
        clause = verb
        modals = self.words.obligation_modals
        if not has_modal(verb, modals) and obliged_through_adjective(verb, modals):
            clause = verb.head.head  # "said the US must be ready to mediate": above "be"
        governor = governing_verb(clause)
        sources = self.participants.sources(governor, actors)[0] if governor is not None else []
        cue = governor.lemma_ if sources and governor is not None else "quote"
        if not sources:
            # "'Political parties must wake up to ...', Mr Lishman said", "Broadcasters
            # should fix a date, according to the Hansard Society": the quote's speaker
            speaker = actors.quote_speaker(verb)
            sources = [speaker] if speaker is not None else []
        # a duty the demander lays on its own side ("we must not be distracted by
        # lawbreakers", "Britain must act" said by a British minister) is its own view or
        # intent, no demand made of another
        subject = verb_subject(clause)
        if (
            subject is not None
            and subject.pos_ == "PRON"
            and subject.lower_ in self.words.first_person
        ):
            return None
        targets = self.participants.sources(verb, actors)[0]
        targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
        if not sources or not targets:
            return None
        demand = self.words.demand_code(act.forward or "")
        return CodedAct(
            trigger=verb,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=CodeSpec(demand),
            rule=f"obligation ({cue} ... must {verb.lemma_}): {rule}".rstrip(": "),
            negated=governor is not None and clause_negated(governor, self.words),
            modality=ASSERTED,  # the demand is made; the act it demands is "demanded"
            confidence=max(confidence, 0.7) - 0.1,
        )

    def _code_directive(
        self, verb: Token, actors: DocActors, factuality: Factuality
    ) -> CodedAct | None:
        """ "The Pentagon told the services to cut costs": the speaker demands of the
        addressee the act it names (10x by demand_codes.tsv, 100 when that act has no code).
        The addressee must be an actor other than the speaker's side, not an audience of
        the silent sectors ("told reporters to wait") nor the population at large ("police
        told people to move away": an instruction at a scene, no political demand)."""
        sources = self.participants.sources(verb, actors)[0]
        addressees = [
            actor
            for child in verb.children
            if child.dep_ in ("dobj", "dative")
            for actor in self.participants.actors_of(child, actors)
            if actor.sector not in self.words.silent_sectors
            and not is_public(actor, verb.doc, self.words.public_sectors)
        ]
        targets = [t for t in addressees if not any(same_side(t, s) for s in sources)]
        ordered = directed_act(verb)
        if not sources or not targets or ordered is None:
            return None
        entry = self.verb_codes.entry(ordered)
        act = self.verb_codes.code_of(ordered, entry, verb_subject(ordered))[0] if entry else None
        demand = self.words.demand_code((act.forward if act is not None else None) or "")
        return CodedAct(
            trigger=verb,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=CodeSpec(demand),
            rule=_with_cue(f"directive ({verb.lemma_} ... to {ordered.lemma_})", factuality),
            negated=clause_negated(verb, self.words) or factuality.negated,
            modality=factuality.value,
            confidence=0.7,
        )

    def _code_intent(
        self, head: Token, embedded: Token, actors: DocActors, role: str, factuality: Factuality
    ) -> tuple[CodedAct | None, bool]:
        """ "wants to improve relations with Russia": the expression of intent (03x; a
        threat, 13x, for a conflict act; a refusal, 12x, under "refused to"), an act of its
        own; the act it names is coded on its own turn, intended, wanted or negated.

        The second value says whether the embedded act itself had a code."""
        entry = self.verb_codes.entry(embedded)
        if entry is None:
            return None, False
        sources, inherited = self.participants.sources(head, actors)
        if not sources:
            return None, False
        code, rule, confidence, _ = self.verb_codes.code_of(embedded, entry, verb_subject(head))
        if code.is_null or code.forward is None:
            return None, False
        if role == "refuse":
            intent = self.words.refuse_code(code.forward)
        else:
            intent = self.words.intent_code(code.forward)
        if intent is None:
            # "threatened to deliver blows": the act has no intent code; the verb of intent
            # is coded alone or not at all (the act itself is coded on its own turn)
            return None, True
        policy = self.cameo.policy(code.forward)
        targets, reciprocal, deep = self.participants.targets(
            embedded, actors, sources, place_targets=policy.place_target
        )
        if (
            not targets
            and not reciprocal
            and self._needs_target(confidence, sources, policy, head)  # head commits
        ):
            # "sought to reassure backbenchers": an intent to do to nobody what is only
            # ever done to someone says nothing; the act itself is coded on its own turn
            return None, True
        return (
            CodedAct(
                trigger=head,
                clause_verb=embedded,
                sources=sources,
                targets=targets,
                code=CodeSpec(intent),  # an intent is one side's: no paired reverse event
                rule=_with_cue(f"{role}: {self.verb_codes.word(head)} + {rule}", factuality),
                negated=clause_negated(head, self.words),
                modality=factuality.value,
                confidence=confidence - (0.1 if inherited else 0.0) - (0.15 if deep else 0.0),
                reciprocal=reciprocal,
            ),
            True,
        )


def participle_patients(
    verb: Token, actors: DocActors, participants: Participants
) -> list[EventActor]:
    """ "the detained activists", "Alan Gross, an American citizen arrested for ...", "among
    those arrested was Prince al-Waleed": a past participle on a noun that names an actor
    reports, in passing, an act done to that actor (as a past relative clause on an actor
    does, "the men, who were arrested"; guideline section 2), whose doer is its agent or
    an unnamed one (the agentless passive rule). Coded only for taking into custody
    (``custody_codes.txt``: arrests, detentions, captures), whose participle is news of
    the act; other participles name a standing state ("war-torn", "Iran-backed"). The actors acted
    on; empty when the participle has a clause of its own or its noun names no actor. A
    pronoun noun ("those") stands for the subject of a copula whose "among" phrase holds
    it; not for the subject of any clause ("Putin met with those detained by the police":
    Putin is not detained)."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "amod") or verb.head.i == verb.i:
        return []
    if not is_bare_verb(verb):  # "who were arrested" is a relcl of its own
        return []
    noun = verb.head
    if noun.pos_ == "PRON":
        prep, clause = noun.head, noun.head.head
        if (
            noun.dep_ != "pobj"
            or prep.dep_ != "prep"
            or prep.lower_ not in participants.words.member_prepositions
            or not is_copula(clause)
        ):
            return []
        subject = verb_subject(clause)
        return participants.actors_of(subject, actors) if subject is not None else []
    if not any(names_actor(n, actors) for n in (noun, *noun.conjuncts)):
        return []  # "weapons seized from peacekeepers": a thing, not an actor
    return participants.actors_of(noun, actors)


def _reduced_passive(verb: Token) -> bool:
    """ "Asked about Putin, Trump said ...", "Pressed on the deal, the minister ...": a bare
    past participle opening an adverbial clause is passive; the main clause's subject is
    its patient, never its doer (an agent, "attacked by rebels", is found before this)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and is_bare_verb(verb)


# a headline's content words: at least this many, of at least this many letters, all capitalized
HEADLINE_WORDS = 3
HEADLINE_WORD_LENGTH = 4


def is_headline(sent: Span) -> bool:
    """A line in title case with no closing punctuation is a headline, a link, a credit or a
    sign-up line, not the story ("Migrants Refuse To Leave Train At Refugee Camp In Hungary",
    "Photograph: Carolyn Kaster/AP", "Follow Kevin on Twitter"): docs/gold/events-guideline.md
    section 1 (the headline is not annotated; bylines and captions get no event)."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text[-1] in SENTENCE_END_CHARS:
        return False
    content = [t for t in words if t.is_alpha and len(t.text) >= HEADLINE_WORD_LENGTH]
    return len(content) >= HEADLINE_WORDS and all(t.text[0].isupper() for t in content)


def _with_cue(rule: str, factuality: Factuality) -> str:
    """The rule, with the word that decided a factuality other than asserted (evidence)."""
    if factuality.cue is None or factuality.value == ASSERTED and not factuality.negated:
        return rule
    value = "negated" if factuality.negated else factuality.value
    return f"{value} ({factuality.cue.text}): {rule}"


def _named_patient(verb: Token, persons: frozenset[str]) -> bool:
    """ "praised the coast guards for capturing them": the act names whom it was done to
    (a pronoun for people or a name as its object) and we could not code them: the doer's
    own country would only cover that miss. "it", "this" stand for things: no patient."""
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and (c.pos_ == "PROPN" or c.pos_ == "PRON" and c.lower_ in persons)
        for c in verb.children
    )
