"""Statements that judge an actor: criticism (CAMEO 111), accusation (112) and praise (051) in
what a speaker says.

The guideline (docs/gold/events-guideline.md section 6) codes a statement ``010`` only when
nothing more specific applies; a speaker who calls another actor irresponsible criticizes it
(111), one who calls it a decent public servant praises it (051). The test is syntactic, so a
judging word counts only when the quoted or reported words *predicate* it of a coded actor:

- the actor is the subject of a copula whose complement is the word or a noun the word
  describes ("the U.S. was being irresponsible", "Mr Jackson was a decent public servant"),
  or of a copula whose prepositional predicate the word describes ("Trump is on the right path");
- the word is the complement of a verb of naming whose object is the actor ("called US
  officials liars", "branded it tasteless");
- the word describes something the actor owns ("its dangerous views") or does ("he did a
  great disservice", "she committed fraud"), or is a noun the actor owns ("the party's
  hostility", "Trump's incompetence");
- the word is the speaker's own feeling about the actor its complement names ("I was
  disillusioned with the leadership", "he said he was disappointed in Obama");
- the word is a verb of wronging whose doer is the actor ("he stabbed us in the back"; a
  wrongdoing the speaker charges the actor with, "the soldiers had violated our territory",
  is an accusation, 112), or an adverb of judgement on the actor's act ("the protesters are
  rightly demanding").

A person noun (``kind`` person: "friend", "puppet") judges whom the clause says it is ("X
is a puppet"), never its owner ("Putin's friends in Europe" praise nobody).

A negated positive judgement is criticism ("China is not helpful"); a negated negative one is
nothing we code ("it is not illegal"). A conditional, a question, a modal or a comparison ("if
he is reckless", "it would be more effective"), in the word's clause or a clause above it
("would say he was a hero"), judges nobody; nor does a word that only
classifies what an actor phrase names ("these criminal gangs"). The speaker and the speaker's
own side ("we", the same actor code) are never the target.
Words and their polarity are data: ``data/events/evaluations.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.events.clauses import verb_subject
from detente.events.modality import is_negated
from detente.events.participants import DocActors, Participants, same_actor, same_side
from detente.knowledge.events import ClauseWords, JudgingWord
from detente.nlp.syntax import (
    PREDICATE_DEPS,
    SUBJECT_DEPS,
    VERBAL_POS,
    first_conjunct,
    governing_verb,
    has_modal,
    is_copula,
    passive_agent,
    prepositional_objects,
)
from detente.records import EventActor

CRITICIZE = "111"
ACCUSE = "112"
PRAISE = "051"
_CODES = {"negative": CRITICIZE, "accusation": ACCUSE, "positive": PRAISE}
# the actor ids of states as a whole (actors/coding.py)
# the second complement of a verb of naming: "called them liars", "branded it tasteless"
_NAMING_DEPS = ("oprd", "xcomp", "ccomp")
# from the word up to the noun it describes: "a decent, fair minded and dedicated servant"
_DESCRIBING_DEPS = ("amod", "compound", "conj", "advmod")


@dataclass(frozen=True, slots=True)
class Judgement:
    code: str  # CRITICIZE, ACCUSE or PRAISE
    word: Token  # the judging word
    judged: tuple[EventActor, ...]  # whom it judges


class Evaluations:
    """Finds the judgements a speaker's words pass on coded actors."""

    def __init__(self, words: ClauseWords, participants: Participants) -> None:
        self.words = words
        self.participants = participants
        # what hedges the word's own clause (:meth:`_hedged`), joined once, not per word
        self._hedge_marks = words.condition_marks | words.question_marks
        self._hedge_modals = (
            words.possible_modals | words.conditional_modals | words.obligation_modals
        )

    def first(
        self,
        doc: Doc,
        pieces: Iterable[tuple[int, int]],
        speaker: EventActor,
        actors: DocActors,
    ) -> Judgement | None:
        """The first judgement in the quoted words (``pieces``: character ranges) of a
        coded actor other than the speaker's side; None when they judge nobody."""
        for start, end in pieces:
            span = doc.char_span(start, end, alignment_mode="expand")
            for tok in span or ():
                word = self.words.evaluations.get((tok.lemma_.lower(), tok.pos_))
                if word is None:
                    continue
                judgement = self._judgement(tok, word, speaker, actors)
                if judgement is not None:
                    return judgement
        return None

    def _judgement(
        self, tok: Token, word: JudgingWord, speaker: EventActor, actors: DocActors
    ) -> Judgement | None:
        if self._graded(tok) or self._compounded(tok):
            return None  # "more effective with Russia", "a no-nonsense politician", "right-wing"
        # the verb of the clause that says the word of someone
        predicate = tok if tok.pos_ in VERBAL_POS else governing_verb(tok)
        if predicate is not None and (self._hedged(predicate) or self._hedged_above(predicate)):
            return None  # "would say he was a hero": a hedged clause above hedges it too
        if _in_question(tok):
            return None  # "Is America being irresponsible?": a question judges nobody
        polarity = word.polarity
        negators, focus = self.words.negators, self.words.focus_adverbs
        if is_negated(tok, negators, focus=focus) or (
            predicate is not None and is_negated(predicate, negators, focus=focus)
        ):
            if polarity != "positive":
                return None  # "it is not illegal", "they did not steal": no judgement we code
            polarity = "negative"  # "China is not helpful"
        heads = self._judged_heads(tok, word, actors)
        judged = self._actors(heads, speaker, actors)
        feelers = heads or self._passive_subjects(tok)
        feeling = tok.lower_ in self.words.feeling_words  # not "we were right about Iraq"
        if not judged and feeling and feelers and self._own_side(feelers, speaker, actors):
            # "I was disillusioned with the party's leadership", "we are grateful to Japan":
            # the speaker's side feels so about the actor its complement names
            judged = self._actors([o for _p, o in prepositional_objects(tok)], speaker, actors)
        if not judged:
            return None
        return Judgement(_CODES[polarity], tok, tuple(judged))

    def _actors(
        self, heads: list[Token], speaker: EventActor, actors: DocActors
    ) -> list[EventActor]:
        """The coded actors the phrases of ``heads`` name, but the speaker's side."""
        judged: list[EventActor] = []
        for head in heads:
            if self._first_person(head):
                continue  # "we were wrong", "our government was wrong": the speaker's side
            # the phrase must name the actor: "the men's arrest was unfair" judges the arrest
            for actor in self.participants.actors_of(head, actors, modifiers=False):
                if _same_side(actor, speaker) or any(same_actor(actor, j) for j in judged):
                    continue
                judged.append(actor)
        return judged

    @staticmethod
    def _passive_subjects(tok: Token) -> list[Token]:
        """ "he was disillusioned with ...": who is in the state a passive participle says."""
        if tok.pos_ != "VERB" or tok.tag_ != "VBN":
            return []
        return [c for c in tok.children if c.dep_ == "nsubjpass"]

    def _first_person(self, head: Token) -> bool:
        return head.lower_ in self.words.first_person or any(
            c.dep_ == "poss" and c.lower_ in self.words.first_person for c in head.children
        )

    def _own_side(self, heads: list[Token], speaker: EventActor, actors: DocActors) -> bool:
        """Every phrase is the speaker's side: "I", "we", the speaker's own mention ("he",
        the speaker himself, "Jackson said he was disillusioned")."""
        for head in heads:
            if self._first_person(head):
                continue
            found = self.participants.actors_of(head, actors, modifiers=False)
            if not found or not all(_same_side(actor, speaker) for actor in found):
                return False
        return True

    def _judged_heads(self, tok: Token, word: JudgingWord, actors: DocActors) -> list[Token]:
        """The heads of the phrases the word is said of."""
        if tok.pos_ == "VERB":
            agent = passive_agent(tok)
            subject = agent if agent is not None else verb_subject(tok)
            return [subject] if subject is not None and subject.dep_ != "nsubjpass" else []
        if tok.pos_ == "NOUN" and word.judges_owner and actors.by_token[tok.i] == -1:
            # "the Conservative Party's hostility", "Trump's incompetence"; not "Putin's
            # friends": a person it owns is no judgement of the owner
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if owners:
                return owners
        if tok.pos_ == "ADV":
            verb = tok.head
            subject = verb_subject(verb) if verb.i != tok.i else None
            return [subject] if subject is not None else []
        node = first_conjunct(tok)  # "decent, fair minded and dedicated": "decent"
        if node.dep_ in _DESCRIBING_DEPS and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners and actors.by_token[noun.i] == -1:
                return owners  # "its dangerous views", "Trudeau's reckless remarks"
            # "an excellent soldier" judges someone only as what the clause says they are;
            # "these criminal gangs", "a successful government" only name what they describe
            node = noun
        if (
            node.dep_ == "pobj"
            and node.head.dep_ == "prep"
            and node.head.lower_ in self.words.stance_prepositions
            and node.lemma_.lower() in self.words.stance_nouns
            and is_copula(node.head.head)
        ):
            # "Trump is on the right path", "they are on the wrong side of history"; not
            # "Syria was in a dangerous situation" (function_words.tsv stance words)
            subject = verb_subject(node.head.head)
            return [subject] if subject is not None else []
        own_subject = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if own_subject:
            return own_subject  # a small clause: "branded it tasteless"
        if node.dep_ in PREDICATE_DEPS:
            subject = verb_subject(node.head)
            return [subject] if subject is not None else []
        if node.dep_ in _NAMING_DEPS:
            return [c for c in node.head.children if c.dep_ == "dobj"]
        if node.dep_ == "dobj" and node.head.lemma_.lower() in self.words.naming_verbs:
            # "called US officials liars" parsed as two objects
            return [c for c in node.head.children if c.dep_ == "dobj" and c.i != node.i]
        if node.dep_ == "dobj" and node.head.lemma_.lower() in self.words.doing_verbs:
            # "he did a great disservice to the G7", "she committed fraud": its doer
            subject = verb_subject(node.head)
            return [subject] if subject is not None else []
        return []

    def _graded(self, tok: Token) -> bool:
        """A comparison, not a judgement: "more effective", "less dangerous than"."""
        return tok.tag_ in ("JJR", "RBR") or any(
            c.dep_ == "advmod" and c.lower_ in self.words.degree_adverbs for c in tok.children
        )

    def _compounded(self, tok: Token) -> bool:
        """Part of a hyphenated word ("right-wing", "well-meaning") or denied by its prefix
        ("no-nonsense"): not the word said on its own."""
        doc = tok.doc
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if before is not None and not before.whitespace_:
            if before.text == "-" or before.lower_ in self.words.denying_prefixes:
                return True
        return after is not None and not tok.whitespace_ and after.text == "-"

    def _hedged(self, verb: Token) -> bool:
        """A conditional, a question or a modal: "if he is reckless", "whether it was
        legal", "it would be effective"."""
        return _marked(verb, self._hedge_marks, self._hedge_modals)

    def _hedged_above(self, predicate: Token) -> bool:
        """A condition over the clause: "would" or "if" on a verb above it ("would say he
        was a hero", "if they say it is illegal"), up to the first verb of saying, which
        says the clause: "I must say that the US is irresponsible" judges; "must", "may"
        above hedge nothing ("everyone must know that ...")."""
        for verb in predicate.ancestors:
            if _marked(verb, self.words.condition_marks, self.words.conditional_modals):
                return True
            if verb.lemma_.lower() in self.words.speech_verbs:
                return False
        return False


def _marked(verb: Token, marks: frozenset[str], modals: frozenset[str]) -> bool:
    """A subordinator of ``marks`` ("if", "whether") or an auxiliary of ``modals`` on the verb."""
    return has_modal(verb, modals) or any(
        c.dep_ == "mark" and c.lower_ in marks for c in verb.children
    )


def _in_question(tok: Token) -> bool:
    """The word's sentence (or the quoted sentence it is in) ends in a question mark."""
    for after in tok.doc[tok.i + 1 : tok.sent.end]:
        if after.text in (".", "!", "?"):
            return after.text == "?"
    return False


def _same_side(actor: EventActor, speaker: EventActor) -> bool:
    """The speaker, the speaker's bare state ("Wang said China was a reliable partner"),
    or an actor with the speaker's code (:func:`same_side`: "Blair said Jackson was a decent
    public servant", Jackson coded GBR, is someone else). A code that is a bare country is
    a side only for a mention of the speaker: two named actors the actors stage could place
    only in the same state ("Howard", GBR, on "the Conservative Party", GBR) are two sides."""
    if same_side(actor, speaker):
        return True
    if not actor.code or actor.code != speaker.code:
        return False
    return bool(actor.sector) or not _two_named(actor, speaker)


def _two_named(actor: EventActor, speaker: EventActor) -> bool:
    return bool(actor.actor_id and speaker.actor_id and actor.actor_id != speaker.actor_id)
