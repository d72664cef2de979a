"""An act's factuality, decided once: whether the clause reports an act at all, negation,
obligation, and the modality of a coded act (asserted, intended, hoped, demanded, reported).
Pure functions of the parse and the knowledge layer's words and root policies."""

from __future__ import annotations

from spacy.tokens import Token

from detente.events import dates
from detente.events.clauses import verb_subject
from detente.events.lexicon import CodeSpec
from detente.events.participants import DocActors
from detente.knowledge.events import Cameo, ClauseWords


def is_unasserted_infinitive(verb: Token, actors: DocActors, words: ClauseWords) -> bool:
    """Clauses that do not report an act of their own:
    * an infinitive on a noun or of purpose: "an offer to host a summit", "steps to enhance
      freedoms", "mobilized groups to help" ("the first leader to visit Trump" is an act:
      its noun is an actor);
    * a participle describing a noun: "militiamen armed with machetes", "a helicopter
      captured by the authorities";
    * a relative clause describing its subject: "Hamas, which advocates ...", "the faction
      that controls Afghanistan" (background, not news);
    * a condition or scene-setting clause: "unless the president arranged a ceasefire",
      "after crowds burned down its embassy".
    """
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "advcl":
        if infinitive:
            return True
        return any(c.dep_ == "mark" and c.lower_ in words.background_marks for c in verb.children)
    if verb.dep_ == "acl":
        return not infinitive or actors.by_token[verb.head.i] == -1
    if verb.dep_ == "relcl":
        if infinitive:
            return actors.by_token[verb.head.i] == -1
        subject = verb_subject(verb)
        return subject is not None and subject.lower_ in words.relatives
    return False


def is_negated(verb: Token, negators: frozenset[str]) -> bool:
    """A negation on the verb, or on the verb an infinitive depends on ("did not want to")."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in negators):
            return True
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return any(c.dep_ == "neg" for c in verb.head.children)
    return False


def is_reported(verb: Token, roles: dict[str, str]) -> bool:
    """The verb is in the complement of a speech verb ("Russia said Japan had agreed")."""
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") and roles.get(tok.head.lemma_.lower()) == "speech":
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def has_modal(verb: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def obliged_through_adjective(verb: Token, modals: frozenset[str]) -> bool:
    """ "the US must be ready to mediate": the obligation sits on "be" of "ready"."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "ADJ" or verb.head.dep_ != "acomp":
        return False
    return has_modal(verb.head.head, modals)


def is_obliged(verb: Token, modals: frozenset[str]) -> bool:
    """ "Sudan must return ...", "the US must be ready to mediate": a demand on its subject."""
    return has_modal(verb, modals) or obliged_through_adjective(verb, modals)


def speaker_is_subject(verb: Token, actors: DocActors, first_person: frozenset[str]) -> bool:
    """ "We strongly demand ...," Abe said: the speaker's own act is not merely reported."""
    subject = verb_subject(verb)
    return (
        subject is not None
        and subject.lower_ in first_person
        and actors.quote_speaker(subject) is not None
    )


def is_intended(verb: Token, words: ClauseWords, future_auxiliaries: frozenset[str]) -> bool:
    """ "will give aid", "is willing to withdraw": a commitment, not the act."""
    if dates.is_future(verb, future_auxiliaries):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i != verb.i
        and head.pos_ == "ADJ"
        and words.roles.get(head.lemma_.lower()) == "intent"
    )


def verb_modality(
    verb: Token,
    code: CodeSpec,
    rule: str,
    role: str | None,
    actors: DocActors,
    *,
    words: ClauseWords,
    cameo: Cameo,
    future_auxiliaries: frozenset[str],
) -> tuple[CodeSpec, str, str]:
    """The code, rule and modality of a verb's act: an intended act is coded as the
    intention (03x/13x); otherwise the root's modality (a demand), a wish's (hoped,
    intended), reported under a speech verb, else asserted."""
    if is_intended(verb, words, future_auxiliaries) and code.forward:
        intent = words.intent_code(code.forward)
        if intent is not None:
            return CodeSpec(intent), f"intent (future/willing): {rule}", "intended"
    policy = cameo.policy(code.forward)
    if policy.modality != "asserted":
        return code, rule, policy.modality
    if role in ("intent", "hope") and policy.wish:
        return code, rule, "hoped" if role == "hope" else "intended"
    if is_reported(verb, words.roles) and not speaker_is_subject(verb, actors, words.first_person):
        return code, rule, "reported"
    return code, rule, "asserted"
