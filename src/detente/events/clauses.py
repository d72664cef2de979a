"""The clause structure event coding reads: which words are a verb's own, where a place can
say an act lands, coordinated heads, relative clauses and complements. Pure functions of
the parse (they work on hand-built ``Doc`` objects too)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.nlp.syntax import (
    CLAUSAL_SUBJECT_DEPS,
    CLAUSE_DEPS,
    COMPLEMENT_DEPS,
    TIME_LABELS,
    VERBAL_POS,
    first_conjunct,
    is_passive,
    is_to_infinitive,
    object_of_preposition,
    prepositional_objects,
    pruned_subtree,
    subject_of,
)

if TYPE_CHECKING:
    from detente.knowledge.events import ClauseWords

# Clauses that are acts of their own (an "acl" participle still says where the act lands).
PLACE_SCOPE_STOP_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl"})


def verb_subject(verb: Token) -> Token | None:
    """The verb's own subject, nominal or clausal."""
    return subject_of(verb, CLAUSAL_SUBJECT_DEPS)


def is_coordinated_verb(child: Token, tok: Token) -> bool:
    """``child`` is a verb joined to the verb ``tok`` ("praised Japan and pledged ...")."""
    return child.dep_ == "conj" and child.pos_ in VERBAL_POS and tok.pos_ in VERBAL_POS


def is_date_phrase(tok: Token) -> bool:
    """ "on Tuesday", "last week": a time, which patterns like ``(ON)`` must not match."""
    if tok.dep_ == "npadvmod" and tok.ent_type_ in TIME_LABELS:
        return True
    if tok.dep_ == "prep":
        pobj = object_of_preposition(tok)
        return pobj is not None and pobj.ent_type_ in TIME_LABELS
    return False


def clause_tokens(
    head: Token, *, include_xcomp: bool = False, skip_dates: bool = False
) -> list[Token]:
    """The words of ``head``'s own clause, in text order: without sub-clauses, coordinated
    verbs (acts of their own), a verb's subject, and optionally infinitive complements and
    time phrases."""
    head_is_verb = head.pos_ in VERBAL_POS

    def skip(child: Token, tok: Token) -> bool:
        return (
            child.dep_ in CLAUSE_DEPS
            or (child.dep_ == "xcomp" and not include_xcomp)
            # "praised Japan and pledged to defend ...": a coordinated verb is an act of
            # its own; its words ("to") are not the first verb's pattern words
            or is_coordinated_verb(child, tok)
            or (child.dep_ in CLAUSAL_SUBJECT_DEPS and tok.i == head.i and head_is_verb)
            or (skip_dates and is_date_phrase(child))
        )

    tokens = pruned_subtree(head, skip)
    if include_xcomp:
        tokens = sorted(tokens + for_clause_words(tokens), key=lambda t: t.i)
    return tokens


def for_clause_words(tokens: list[Token]) -> list[Token]:
    """ "called for an independent body to be set up", "pressed for the talks to resume":
    the parser makes "for" the mark of an infinitive clause, not the verb's preposition; the
    clause is the verb's complement ("for" + its subject, as "called for measures"), so its
    "for" and its subject's phrase are the verb's words (patterns "(FOR)", the target)."""
    out: list[Token] = []
    for tok in tokens:
        for clause in tok.children:
            mark = for_clause_mark(clause)
            if mark is not None and clause.i > tok.i:
                subject = verb_subject(clause)
                out += [mark, *pruned_subtree(subject, lambda c, t: c.dep_ in CLAUSE_DEPS)]
    return out


def for_clause_mark(clause: Token) -> Token | None:
    """The "for" of a "for NP to VP" clause ("for the military to support him")."""
    if clause.dep_ != "advcl":
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    infinitive = is_to_infinitive(clause)
    subject = verb_subject(clause)
    if mark is None or not infinitive or subject is None or subject.i > clause.i:
        return None
    return mark


def place_scope(verb: Token) -> list[Token]:
    """Where a place can say where the act lands: the verb's phrase, its infinitive and
    the participles on its nouns ("aid to refugees fleeing the war in Liberia"), but not
    its subject, relative clauses ("refugees who have lived in Iraq"), clauses that are
    acts of their own, nor a noun's infinitive (``noun_infinitive``)."""

    def skip(child: Token, tok: Token) -> bool:
        return (
            child.dep_ in CLAUSAL_SUBJECT_DEPS
            or child.dep_ in PLACE_SCOPE_STOP_DEPS
            or noun_infinitive(child)
            or is_date_phrase(child)
            or is_coordinated_verb(child, tok)  # a coordinated verb's places are its own
        )

    return pruned_subtree(verb, skip)


def noun_infinitive(clause: Token) -> bool:
    """An infinitive on a noun: "an effort to win a Pennsylvania seat", "a plan to visit
    Iraq", "the right to return to Gaza". It names another act, wanted or planned, not
    yet done: its places are where that act would happen, not where the noun's verb lands
    ("imposed tariffs in an effort to win a Pennsylvania seat" is done to no one there),
    unlike a participle, which says who the noun's people are ("refugees fleeing Sudan")."""
    return clause.dep_ == "acl" and is_to_infinitive(clause)


def coordinated(head: Token) -> list[Token]:
    """``head`` and the heads coordinated with it: "Mordor, Rohan, Fornost and Bree"
    (the parser often makes the second name an apposition and hangs the rest on it)."""
    if head.dep_ == "conj":
        return [head]
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" or (
                child.dep_ == "appos" and child.pos_ == "PROPN" and tok.pos_ == "PROPN"
            ):
                out.append(child)
                stack.append(child)
    return out


def embedded_subject(verb: Token) -> Token | None:
    """The own subject of a complement clause ("want [Russia] creating a bloc")."""
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in VERBAL_POS:
            subject = verb_subject(child)
            if subject is not None:
                return subject
    return None


REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def reported_clause(verb: Token) -> Token | None:
    """The clause a verb of speech or opinion reports ("believes [Syria can cope]",
    "[X did Y], officials said"), or None."""
    return next((c for c in verb.children if c.dep_ in REPORTED_CLAUSE_DEPS), None)


def has_unmatched_object(verb: Token) -> bool:
    """An object noun that may change the verb's sense; a pronoun ("discuss it") cannot."""
    return any(c.dep_ in ("dobj", "attr", "oprd") and c.pos_ != "PRON" for c in verb.children)


def thing_object(verb: Token, is_actor: Callable[[Token], bool]) -> Token | None:
    """The verb's object when it names a thing, not an actor ("took issue", "increased
    tensions"): a noun (not a pronoun) outside every actor mention."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN") and not is_actor(child):
            return child
    return None


def struck_object(verb: Token, nominals: Mapping[str, Sequence]) -> Token | None:
    """What the verb acts on: its direct object (or passive subject), a noun; when that
    object is an event noun (``nominals``: lemma -> senses with ``target_preps``), the
    object of the noun's target preposition instead ("launched an attack on the cost":
    "cost"). None when there is no such noun."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass") or child.pos_ not in ("NOUN", "PROPN"):
            continue
        senses = nominals.get(child.lemma_.lower())
        if not senses:
            return child
        return noun_struck(child, {p for sense in senses for p in sense.target_preps})
    return None


def noun_struck(noun: Token, preps: Iterable[str]) -> Token | None:
    """The noun object of the event noun's first phrase opened by one of ``preps`` ("an
    attack on the cost": "cost")."""
    preps = set(preps)
    for _, pobj in prepositional_objects(noun, preps):
        if pobj.pos_ in ("NOUN", "PROPN"):
            return pobj
    return None


PARTICLE_DEPS = ("prt", "advmod")


def particles(verb: Token) -> list[str]:
    """The verb's particles and adverbs, lowercase ("came back", "went on")."""
    return [c.lower_ for c in verb.children if c.dep_ in PARTICLE_DEPS]


def argument_heads(verb: Token, argument: str) -> list[Token]:
    """The heads of the verb's ``argument`` phrases, a comma list of: ``object`` = its
    direct objects, else a passive subject ("took the town", "the town was taken"; in
    "Zelensky was given a tour" the passive subject is the recipient, as "Zelensky" in
    "gave Zelensky a tour", and the object is "a tour"); ``departed`` = the direct objects
    of an active verb that no predicate follows: the place or party left ("troops left
    Kherson"), not those left in a state ("left hundreds dead", "left them stranded") nor
    the ones left behind ("troops will be left in Syria"); prepositions = their objects,
    also under a particle or adverb of the verb ("went back to Jerusalem", "returned from
    Cairo", "struggled against the junta")."""
    kinds = argument.split(",")
    heads: list[Token] = []
    if "object" in kinds:
        heads = [c for c in verb.children if c.dep_ == "dobj"] or [
            c for c in verb.children if c.dep_ == "nsubjpass"
        ]
    if "departed" in kinds and not is_passive(verb):
        heads += [c for c in verb.children if c.dep_ == "dobj" and not _has_predicate(c)]
    holders = [verb, *(c for c in verb.children if c.dep_ in PARTICLE_DEPS)]
    return heads + [pobj for holder in holders for _, pobj in prepositional_objects(holder, kinds)]


def _has_predicate(obj: Token) -> bool:
    """The object has a predicate after it: an adjective or participle said of it ("left
    hundreds dead", "left them stranded") or a clause or complement of the verb saying it
    ("left the town to burn", "left them homeless")."""
    predicate_deps = ("oprd", "xcomp", "ccomp", "acomp")
    if any(c.dep_ in ("amod", "acl") and c.i > obj.i for c in obj.children):
        return True
    return any(c.dep_ in predicate_deps and c.i > obj.i for c in obj.head.children)


def inside_phrase(head: Token, start: int, end: int) -> bool:
    """The characters ``start:end`` lie within the phrase ``head`` heads."""
    last = head.right_edge
    return head.left_edge.idx <= start and end <= last.idx + len(last)


def relative_antecedent(verb: Token, relatives: frozenset[str]) -> Token | None:
    """For a verb in a relative clause (or a conjunct of one) with no object of its own:
    the noun the clause describes, which is its object ("islands that Japan controls")."""
    if any(c.dep_ == "dobj" and c.lower_ not in relatives for c in verb.children):
        return None
    clause = first_conjunct(verb)
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    # "islands that Japan controls but China claims": the parser often hangs "claims" on
    # the main verb; a subject right after "but/and" + a relative clause shares its object.
    subject = verb_subject(verb)
    if subject is not None and verb.dep_ == "conj":
        first = subject.left_edge.i
        doc = verb.doc
        if first >= 2 and doc[first - 1].dep_ == "cc" and doc[first - 2].dep_ == "relcl":
            relcl = doc[first - 2]
            if relcl.head.pos_ in ("NOUN", "PROPN"):
                return relcl.head
    return None


def relative_clauses(noun: Token) -> Iterable[Token]:
    """The relative clauses on a noun, and the verbs coordinated with them."""
    for child in noun.children:
        if child.dep_ == "relcl":
            yield child
            yield from (c for c in child.conjuncts)


def attempt_noun(noun: Token, words: ClauseWords) -> bool:
    """ "continued her efforts to broker a truce", "stepped up its attempts to seize the
    town": a noun of trying (clause_words.tsv: role none, factuality asserted, as the verbs
    "tried to", "attempted to") that a verb carrying an attempt on takes as its object
    (function_words.tsv, verb-attempting) says the act is being attempted, which the
    guideline codes as asserted (section 7), unlike the nouns of plans and offers ("an
    offer to host a summit"). Not under any other verb ("condemned the attempt to
    overthrow", "foiled a bid to attack": someone's attempt, judged or stopped), in a
    purpose phrase ("in an effort to", "in a bid to": the act is the aim), as a subject
    ("the attempt to prevent it failed": the predicate tells the attempt's fate) or generic
    ("continued any attempt to force concessions": no specific act)."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in words.attempting_verbs
        and not any(
            c.dep_ == "det" and c.lower_ in words.generic_determiners for c in noun.children
        )
        and words.roles.get(lemma) == "none"
        and words.governed.get(lemma) == "asserted"
    )


def attempt_clause(verb: Token, words: ClauseWords) -> Token | None:
    """For the infinitive on a noun of trying, the verb whose object the noun is ("continued
    her efforts to broker"): its factuality is the attempt's, and its doer makes the
    attempt unless the noun names its own ("continued efforts by the rebels to seize")."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i == verb.i or not attempt_noun(noun, words):
        return None
    head = noun.head
    return head if head.pos_ in VERBAL_POS and head.i != noun.i else None
