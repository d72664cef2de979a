"""An act's factuality, decided once: whether a clause reports an act at all, negation,
obligation, and whether the act happened, is intended, wanted, demanded, possible,
conditional, claimed or asked about (``docs/gold/events-guideline.md`` §7).

The cues are data: the governing words of ``events/clause_words.tsv`` (what "wants",
"urged", "refused", "accused ... of", "said" make of the act they govern) and the function
words of ``english/function_words.tsv`` (modals, future auxiliaries, "if"/"unless",
"allegedly"). The cue that governs the act most closely wins; an explicit condition wins
over the others, a question over everything. Only one level is coded: the act governed
by a verbal act that is itself not asserted ("may demand that Israel withdraw") is not
coded at all. Pure functions of the parse and the knowledge layer's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.events import dates
from detente.events.clauses import attempt_clause, attempt_noun, verb_subject
from detente.events.participants import DocActors
from detente.events.patterns import verb_keys
from detente.knowledge.events import ClauseWords
from detente.nlp.syntax import NOUN_MODIFIER_DEPS, VERBAL_POS, has_modal, is_to_infinitive

ASSERTED = "asserted"
# governing roles whose own act is coded (the others govern without an act of their own)
ACT_ROLES = frozenset({"intent", "demand", "refuse", "accuse", "consider"})
REPORTING_ROLES = frozenset({"speech", "opinion"})
# a verb of saying used to give an order ("told Iran to stop"): :func:`is_directive`
DIRECTIVE_ROLE = "demand"
DIRECTIVE_FACTUALITY = "demanded"
_GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "pcomp"})


@dataclass(frozen=True, slots=True)
class Factuality:
    """What the text makes of an act: ``value`` (asserted, intended, wanted, demanded,
    possible, conditional, claimed, question), ``negated`` when a governing word denies
    it ("refused to release"), the word that decided it (``cue``, evidence), and
    ``intent``: a word that is itself an expression of intent no verb of its own codes
    ("will visit", "is willing to withdraw", "will withdraw unless ...": the intent, or
    the threat, is an asserted act too)."""

    value: str = ASSERTED
    cue: Token | None = None
    negated: bool = False
    intent: Token | None = None
    coded: bool = True  # False: the content of a verbal act that is not asserted itself

    @property
    def asserted(self) -> bool:
        return self.value == ASSERTED and not self.negated


ASSERTED_ACT = Factuality()
NOT_CODED = Factuality(coded=False)


def is_unasserted_infinitive(verb: Token, actors: DocActors, words: ClauseWords) -> bool:
    """Clauses that do not report an act of their own:
    * an infinitive on a noun or of purpose: "an offer to host a summit", "steps to enhance
      freedoms", "mobilized groups to help" ("the first leader to visit Trump" is an act:
      its noun is an actor);
    * a participle describing a noun: "militiamen armed with machetes", "a helicopter
      captured by the authorities" (the coder still codes a participle of custody on an
      actor, "the sailors detained by Iran": ``coder.participle_patients``);
    * a relative clause in the present or the present perfect, whoever its subject: a
      standing state or the actor's record, not news ("Hamas, which advocates ...", "the
      aid, which Iraq is buying", "Jackson, who has clashed with his leaders", "actions
      Obama has imposed"); a relative clause describing a thing ("a helicopter that was
      captured by the authorities"); in the past, on an actor, it reports the actor's act
      in passing, which is coded: "Russia, which accused the US", "the militants who had
      killed a soldier", "the men, who were arrested" (guideline §2);
    * a condition or a clause that only dates a state: "unless the president arranged a
      ceasefire", "since the 2003 invasion" (``subordinator-background``). A clause of time
      ("after police lifted the blockade", "before Obama sought his resignation", "while
      rejecting any attempt") reports an act that happened, mentioned in passing: coded
      (guideline section 2); years away from its main clause ("five years after crowds
      burned down its embassy") it recalls a long-past act only to date the news, as
      "since the 2003 invasion" does, and is not coded.
    """
    infinitive = is_to_infinitive(verb)
    if verb.dep_ == "advcl":
        if infinitive:
            return True
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if any(mark.lower_ in words.background_marks for mark in marks):
            return True
        return bool(marks) and long_before(verb, words.long_past_units)
    if verb.dep_ == "acl":
        if infinitive and attempt_noun(verb.head, words):
            return False
        return not infinitive or actors.by_token[verb.head.i] == -1
    if verb.dep_ == "relcl":
        if infinitive:
            return actors.by_token[verb.head.i] == -1
        if in_present(verb):
            return True
        subject = verb_subject(verb)
        if subject is None or subject.lower_ not in words.relatives:
            return False
        return not (in_past(verb) and names_actor(verb.head, actors))
    return False


def long_before(verb: Token, units: frozenset[str]) -> bool:
    """A clause of time set years away from its main clause: "(almost five) years after
    crowds burned ...", "decades before": a measure phrase on the clause's verb or its
    subordinator headed by a long unit of time (``unit-long-past``)."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "mark")]
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in units for h in holders for c in h.children
    )


def names_actor(noun: Token, actors: DocActors) -> bool:
    """The noun is an actor's, or a modifier names one ("Russian military involvement")."""
    return actors.by_token[noun.i] != -1 or any(
        c.dep_ in NOUN_MODIFIER_DEPS and actors.by_token[c.i] != -1 for c in noun.children
    )


_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def in_present(verb: Token) -> bool:
    """The verb's clause is in the present or the present perfect: a present form
    ("advocates"), or a present auxiliary ("is buying", "has clashed", "are approved");
    not a past ("had killed", "were arrested"), nor a modal ("could strike")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries):
        return False
    if verb.tag_ in _PRESENT_TAGS:
        return True
    return bool(auxiliaries) and auxiliaries[0].tag_ in _PRESENT_TAGS


def in_past(verb: Token) -> bool:
    """The verb reports a past act: a past tense ("accused"), a perfect ("has clashed",
    "had killed") or a past passive ("were arrested"); not a present ("advocates") nor a
    future or modal form ("will meet", "could strike")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            return False
    return any(
        (child.dep_ == "aux" and child.lemma_ == "have")
        or (child.dep_ == "auxpass" and child.tag_ == "VBD")
        for child in verb.children
    )


_NEGATING_DEPS = frozenset({"advmod", "preconj"})


def clause_negated(verb: Token, words: ClauseWords) -> bool:
    """:func:`is_negated` with the clause words' negators and focus adverbs, as every
    events module reads negation."""
    return is_negated(verb, words.negators, focus=words.focus_adverbs)


def is_negated(
    verb: Token, negators: frozenset[str], *, focus: frozenset[str] = frozenset()
) -> bool:
    """A negation on the verb ("did not", "neither confirmed ..."), on the verb an infinitive
    depends on ("did not want to"), or the "nor" that opens the verb's conjunct ("we have
    not received a request, nor are we planning to divert drones"). A negator right before
    one of the ``focus`` adverbs negates nothing: "will not only negotiate but also sign"
    says both are done."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in _NEGATING_DEPS and child.lower_ in negators):
            if not _focused(child, focus):
                return True
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return any(c.dep_ == "neg" and not _focused(c, focus) for c in verb.head.children)
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        # the conjunction nearest before the verb opens its conjunct ("A, nor B, and C")
        opening = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
        return bool(opening) and opening[-1].lower_ in negators
    return False


def _focused(negator: Token, focus: frozenset[str]) -> bool:
    """ "not only X but (also) Y", "not just": the negator opens an addition, not a denial;
    only when a conjunct joined by "but" follows in the negated verb's clause ("will not
    just lift sanctions" still denies)."""
    nxt = negator.i + 1
    if nxt >= len(negator.doc) or negator.doc[nxt].lower_ not in focus:
        return False
    verb = negator.head if negator.head.pos_ in ("VERB", "AUX") else negator.head.head
    return any(t.lower_ == "but" and t.dep_ == "cc" and t.i > nxt for t in verb.subtree)


def obliged_through_adjective(verb: Token, modals: frozenset[str]) -> bool:
    """ "the US must be ready to mediate": the obligation sits on "be" of "ready"."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "ADJ" or verb.head.dep_ != "acomp":
        return False
    return has_modal(verb.head.head, modals)


def is_obliged(verb: Token, modals: frozenset[str]) -> bool:
    """ "Sudan must return ...", "the US must be ready to mediate": a demand on its subject;
    not a modal before its subject, a condition or a question ("should North Korea act
    unwisely", "must we accept this?")."""
    if has_modal(verb, modals):
        subject = verb_subject(verb)
        return subject is None or not any(
            c.dep_ == "aux" and c.lower_ in modals and c.i < subject.i for c in verb.children
        )
    return obliged_through_adjective(verb, modals)


def speaker_is_subject(verb: Token, actors: DocActors, first_person: frozenset[str]) -> bool:
    """ "We strongly demand ...," Abe said: the speaker's own act is not merely reported."""
    subject = verb_subject(verb)
    return (
        subject is not None
        and subject.lower_ in first_person
        and actors.quote_speaker(subject) is not None
    )


# ---------------------------------------------------------------- governing words


def governor_of(verb: Token, words: ClauseWords) -> Token | None:
    """The word that governs ``verb``'s act, if it has a role: the verb whose complement
    it is ("wants to visit", "said Japan would host", "accused Syria of shelling"), or the
    adjective of "is willing to withdraw"."""
    if verb.dep_ not in _GOVERNED_DEPS or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "pcomp":  # "accused Syria [of] shelling": through the preposition
        if head.dep_ != "prep" or head.head.pos_ not in VERBAL_POS:
            return None
        head = head.head
    return head if clause_word(head, words) is not None else None


def clause_word(word: Token, words: ClauseWords) -> str | None:
    """The entry of ``word`` in the clause-word table: its lemma, its form, or a stem of
    its form (the lemmatizer makes "hopes" into "hop")."""
    return next((key for key in verb_keys(word) if key in words.roles), None)


def role_of(word: Token, words: ClauseWords) -> str | None:
    key = clause_word(word, words)
    if key is None:
        return None
    role = words.roles[key]
    return DIRECTIVE_ROLE if role == "speech" and is_directive(word) else role


def _governed_value(word: Token, words: ClauseWords) -> str:
    key = clause_word(word, words)
    if key is None:
        return ASSERTED
    if words.roles[key] == "speech" and is_directive(word):
        return DIRECTIVE_FACTUALITY  # "told Iran to stop": the stopping is demanded
    return words.governed.get(key, ASSERTED)


def is_directive(word: Token) -> bool:
    """A verb of saying with an addressee and a to-infinitive gives an order, it reports
    nothing: "told Iran to stop enriching", "told planners to figure a different solution"
    (a demand, the act demanded), unlike "told Iran that it would stop" (a report)."""
    addressed = any(c.dep_ in ("dobj", "dative") for c in word.children)
    return addressed and directed_act(word) is not None


def directed_act(word: Token) -> Token | None:
    """The act a verb of saying orders its addressee to do: its to-infinitive complement."""
    return next(
        (
            c
            for c in word.children
            if c.dep_ == "xcomp" and c.pos_ in VERBAL_POS and is_to_infinitive(c)
        ),
        None,
    )


# ---------------------------------------------------------------- the decision


def _shared_clause(verb: Token) -> Token | None:
    """The verb whose modals and conditions ``verb`` shares: the verb of an infinitive
    without a role ("may opt to kill") or the first of coordinated verbs without a
    subject of their own ("will visit Seoul and meet Moon")."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in VERBAL_POS:
        return None
    if verb.dep_ == "xcomp":
        return head
    if verb.dep_ == "conj" and verb_subject(verb) is None:
        return head
    return None


def _is_question(verb: Token, words: ClauseWords) -> Token | None:
    """ "Will North Korea attack?": a main clause ending in a question mark; "asked
    whether Iran had attacked": a clause opened by whether/if under a question."""
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in words.question_marks and verb.dep_ == "ccomp":
            if role_of(verb.head, words) in ("demand", "speech"):  # asked/wondered whether
                return child
    if verb.dep_ not in ("ROOT", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
        return None
    return _question_mark(verb)


def _inverted_modal(verb: Token) -> Token | None:
    """ "Should Iran attack", "must we accept this": a modal before the verb's subject."""
    subject = verb_subject(verb)
    if subject is None:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < subject.i),
        None,
    )


def _question_mark(verb: Token) -> Token | None:
    """The question mark that ends the verb's sentence, if it ends in one."""
    last = verb.sent[-1]
    while last.is_space and last.i > verb.sent.start:
        last = last.doc[last.i - 1]
    return last if last.text == "?" else None


def _asked(verb: Token, words: ClauseWords) -> Factuality | None:
    """A question ("Will North Korea attack?"), or the condition of a modal before its
    subject ("Should Iran attack Israel, the US must respond"; with a question mark,
    "should Iran attack Israel?" asks)."""
    cue = _is_question(verb, words)
    if cue is not None:
        return Factuality("question", cue)
    cue = _inverted_modal(verb)
    if cue is None:
        return None
    return Factuality("question" if _question_mark(verb) is not None else "conditional", cue)


def _condition(verb: Token, words: ClauseWords) -> Token | None:
    """ "If Iran attacks, Israel would retaliate": the main clause's act is conditional."""
    for child in verb.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in words.condition_marks:
                    return mark
    return None


def reports_future(
    verb: Token, governor: Token | None, role: str | None, words: ClauseWords
) -> bool:
    """ "Smith mentioned that the troops would leave Iraq", "Trump has suggested he would fire
    the counsel": the content clause of a speech verb not in the present, whose "would" is the
    backshifted "will" (the future as seen then), not a conditional. The speech verb is one with
    the speech role in the clause-word table, or any of ``english/speech_verbs.tsv`` without a
    role of its own. Under a present speech verb ("says it would welcome talks") "would" is
    the speaker's own conditional: a future would be "will"."""
    if role is None and verb.dep_ == "ccomp" and verb.head.i != verb.i:
        if verb.head.lemma_.lower() in words.speech_verbs:
            governor, role = verb.head, "speech"
    return governor is not None and role == "speech" and governor.tag_ not in _PRESENT_TAGS


def own_factuality(
    verb: Token,
    words: ClauseWords,
    future_auxiliaries: frozenset[str],
    *,
    reported: bool,
    governs: bool = False,
) -> Factuality:
    """What the verb's own clause makes of its act: a question, a condition, a modal
    ("may", "would"; "would" in reported speech is the future: "said Japan would host"),
    the future ("will visit"), an adverb ("allegedly"). A condition on a verb that governs
    another act (``governs``: "threatened to ban voting if Hamas ran") is the governed
    act's: the threat itself is made."""
    asked = _asked(verb, words)
    if asked is not None:
        return asked
    if verb.dep_ == "advcl":  # "unless Chad held elections": the condition itself
        mark = next(
            (c for c in verb.children if c.dep_ == "mark" and c.lower_ in words.condition_marks),
            None,
        )
        if mark is not None:
            return Factuality("conditional", mark)
    cue = _condition(verb, words) if not governs else None
    if cue is not None:
        # "will withdraw its force unless ...": a conditional act, announced (a threat)
        announced = next(
            (
                c
                for c in verb.children
                if c.dep_ == "aux"
                and c.lower_ in future_auxiliaries
                and (reported or c.lower_ not in words.conditional_modals)
            ),
            None,
        )
        return Factuality("conditional", cue, intent=announced)
    for child in verb.children:
        if child.dep_ != "aux":
            continue
        word = child.lower_
        if word in words.possible_modals:
            return Factuality("possible", child)
        if word in words.conditional_modals and not reported:
            return Factuality("conditional", child)
        if word in future_auxiliaries:
            return Factuality("intended", child, intent=child)
    if dates.is_future(verb, future_auxiliaries):  # "is going to visit"
        return Factuality("intended", verb, intent=verb)
    for child in verb.children:
        if child.dep_ == "advmod":
            if child.lower_ in words.claimed_adverbs:
                return Factuality("claimed", child)
            if child.lower_ in words.possible_adverbs:
                return Factuality("possible", child)
    return ASSERTED_ACT


def act_factuality(
    verb: Token,
    words: ClauseWords,
    future_auxiliaries: frozenset[str],
    *,
    depth: int = 0,
) -> Factuality:
    """The factuality of ``verb``'s act: its own clause's cue, else what its governing word
    makes of it ("wants to" wanted, "urged X to" demanded, "refused to" negated, "accused X
    of" claimed, "said" as said), provided the governing act is itself asserted."""
    governor = governor_of(verb, words)
    if governor is None and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "is willing to withdraw", "is likely to attack": the adjective governs
        governor = verb.head if role_of(verb.head, words) else None
    role = role_of(governor, words) if governor is not None else None
    own = own_factuality(
        verb,
        words,
        future_auxiliaries,
        reported=reports_future(verb, governor, role, words),
        governs=role_of(verb, words) in ACT_ROLES,
    )
    if governor is None:
        shared = _shared_clause(verb) or attempt_clause(verb, words)
        if own.value != ASSERTED or shared is None or depth > 3:
            return own
        # "may opt to kill", "will visit Seoul and meet Moon": the clause it shares
        return act_factuality(shared, words, future_auxiliaries, depth=depth + 1)
    if depth > 3:
        return own
    outer = act_factuality(
        governor if governor.pos_ in VERBAL_POS else governor.head,
        words,
        future_auxiliaries,
        depth=depth + 1,
    )
    governed = _governed_value(governor, words)
    denied = clause_negated(governor, words)
    if role in REPORTING_ROLES:
        if not outer.coded or denied:
            return NOT_CODED  # "did not say that ...": nothing is reported
        if own.value != ASSERTED:
            return own
        if outer.value != ASSERTED:
            return outer  # "may have said", "claimed": the report is only as good as its act
        return Factuality(governed, governor) if governed != ASSERTED else ASSERTED_ACT
    if outer.value == "intended" and not outer.negated and governed in ("intended", ASSERTED):
        # "would be ready to host", "will try to visit": the future of an intention is the
        # same intention (its word: the adjective, else the auxiliary)
        adjective = governor if governor.pos_ == "ADJ" and role == "intent" else None
        return Factuality("intended", outer.cue, intent=adjective or outer.intent)
    if not outer.asserted:
        return NOT_CODED  # "may demand that Israel withdraw": one level only
    if denied and role != "refuse":
        return NOT_CODED  # "did not threaten to attack": the attack is not coded
    if own.value != ASSERTED:
        return own  # the closest cue wins: "plans to possibly visit"
    if governor.pos_ == "ADJ" and role == "intent":
        # "is willing to withdraw": the adjective's intent is an act no verb codes
        return Factuality(governed, governor, intent=governor)
    if governed == "negated":
        return Factuality(ASSERTED, governor, negated=not denied)
    return Factuality(governed, governor) if governed != ASSERTED else ASSERTED_ACT
