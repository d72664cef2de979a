"""Electoral competition: running for office is no act between actors.

The guideline codes no election and no vote (docs/gold/events-guideline.md, "Elections and
votes"; a party's election tour is "campaigning (not coded)"). Two things say a verb is in
that sense whatever its code says of its others (the words are data, ``electoral_words.tsv``):

* its object is an office or an electoral contest: "seeks the Democrats' nomination" (not
  an intent to cooperate with the Democrats), "garnered 44% of the vote", "all step up
  campaigning", "dominated the GOP primaries" (no force). Roots that act *on* their object
  as a topic keep it (``cameo_roots.tsv`` ``contest_object`` 0): "demanded a new election",
  "criticized the vote";
* the verb is one of campaigning or voting, and names no cause it is for or against:
  "campaigning ahead of the next General Election", "they always vote in a general
  election", against "campaigned for the release of the prisoners", "voted against the war".

A pattern of the verb naming a noun of its own after it ("- * SUPPORT [051]") keeps its sense
in the first case; particles and prepositions alone ("- * UP") do not.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from detente.events.clauses import argument_heads
from detente.nlp.syntax import is_to_infinitive, prepositional_objects

# the complement of a verb that may be a gerund object ("stepped up campaigning": the
# parser makes it a clause of the verb)
_GERUND_DEPS = frozenset({"xcomp", "advcl", "ccomp", "dobj"})
# a clause with any of these is a clause of its own, not a gerund object
_CLAUSE_MARKS = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})
# a campaign's or vote's cause: "campaigned for the release", "voted against the war",
# "voted in favour of the bill"
CAUSE_PREPOSITIONS = ("for", "against", "in")
_FAVOUR = frozenset({"favour", "favor"})


def contest_heads(verb: Token, partitive_nouns: Collection[str]) -> list[Token]:
    """The heads of what the verb acts on: its direct objects (else a passive subject),
    through a quantity to what it counts ("44% of the vote", "a share of the seats"), and a
    gerund right after it that has no clause of its own ("step up campaigning")."""
    heads = []
    for head in argument_heads(verb, "object"):
        counted = [
            pobj
            for _prep, pobj in prepositional_objects(head, ("of",))
            if _quantity(head, partitive_nouns)
        ]
        heads.extend(counted or [head])
    heads += [
        c
        for c in verb.children
        if c.dep_ in _GERUND_DEPS
        and c.tag_ == "VBG"
        and c.i > verb.i
        and not any(g.dep_ in _CLAUSE_MARKS for g in c.children)
    ]
    return heads


def _quantity(noun: Token, partitive_nouns: Collection[str]) -> bool:
    return (
        noun.pos_ == "NUM"
        or noun.lemma_.lower() in partitive_nouns
        or any(c.dep_ == "nummod" for c in noun.children)
    )


def is_contest(token: Token, electoral_nouns: Collection[str]) -> bool:
    """The word names an office or an electoral contest ("nomination", "primaries",
    "campaigning")."""
    return token.lemma_.lower() in electoral_nouns or token.lower_ in electoral_nouns


def contests_office(
    verb: Token,
    electoral_nouns: Collection[str],
    partitive_nouns: Collection[str],
    is_actor_or_place,
) -> bool:
    """What the verb acts on is an office or a contest, and no actor or place mention
    ("seeks the nomination", "garnered 44% of the vote")."""
    return any(
        is_contest(head, electoral_nouns) and not is_actor_or_place(head)
        for head in contest_heads(verb, partitive_nouns)
    )


def campaigns_for_nothing(
    verb: Token, electoral_verbs: Collection[str], electoral_nouns: Collection[str]
) -> bool:
    """A verb of campaigning or voting with no cause named: no "for"/"against"/"in favour
    of" phrase whose object is other than an office or contest ("campaigning for
    re-election" is the contest), no infinitive it is done to bring about ("voted to
    approve the aid"), and no thing it acts on, as an object or a particle ("voted down
    the bill", "voted the measure through")."""
    if verb.lemma_.lower() not in electoral_verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and is_to_infinitive(child):
            return False
        if child.dep_ in ("dobj", "prt") and not is_contest(child, electoral_nouns):
            return False
    for prep, pobj in prepositional_objects(verb, CAUSE_PREPOSITIONS):
        if prep.lower_ == "in":
            if pobj.lemma_.lower() in _FAVOUR:
                return False
        elif not is_contest(pobj, electoral_nouns):
            return False
    return True
