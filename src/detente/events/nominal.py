"""Event nouns: "Abe's visit to the White House", "its demand that Israel ease restrictions".

The possessor (or a modifying actor, the "by" phrase of the noun or of a participle that
carries it out, or the doer of the governing verb) is the source; the object of one of the
noun's target prepositions (or of the carrying participle's, or the subject of its clause) the
target. A mutual act's sides are its "between" phrase, on the noun or on the verb it is the
subject of ("clashes erupted between police and protesters").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from detente.events.clauses import for_clause_mark, noun_struck, verb_subject
from detente.events.emit import CodedAct
from detente.events.lexicon import CodeSpec
from detente.events.modality import (
    ASSERTED,
    REPORTING_ROLES,
    act_factuality,
    clause_negated,
    role_of,
)
from detente.events.participants import (
    FORCE_ROOTS,
    DocActors,
    Participants,
    abstract_thing,
    names_kind_only,
    own_country,
    place_actor,
    same_side,
    unarmed_sense,
)
from detente.events.patterns import VerbCodes, spec_text
from detente.events.visits import (
    clause_host,
    is_visit,
    modifier_host,
    own_forces_abroad,
    place_modifier,
)
from detente.knowledge.events import Cameo, ClauseWords, NominalEntry, RootPolicy
from detente.nlp.syntax import (
    VERBAL_POS,
    governing_verb,
    is_copula,
    passive_agent,
    prepositional_objects,
)
from detente.records import Event, EventActor

# (trigger, sector, ones acted on) -> (unnamed doers, ones acted on): the unknown perpetrator
# where the act happened (EventCoder.doer_where)
UnnamedDoer = Callable[[Token, str, list[EventActor]], tuple[list[EventActor], list[EventActor]]]

# Dependents of an event noun that can name its doer: "Japan's visit", "the U.S. embargo".
_DOER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


# CAMEO's root of coercion (arrest, detain, expel ...): acts authorities do without arms
COERCION_ROOT = "17"


def _codes_untargeted(
    entry: NominalEntry, policy: RootPolicy, n_sources: int, mutual: bool
) -> bool:
    """Is the noun's act coded with no one it is done to? "Guaido's call for new elections":
    an appeal to the public (the guideline keeps its target null), its sense named by its
    own phrase as a verb's pattern names it; not "the G7 summit meeting" (a meeting needs
    two sides) nor "saw them as a threat" (several doers of an act done to someone still
    need the one it is done to)."""
    if entry.conditional and not mutual and policy.needs_target != "always":
        return True
    return n_sources >= 2 and (policy.needs_target != "always" or mutual)


def _possessor_acted_on(noun: Token, entry: NominalEntry) -> bool:
    """A noun of an act done to someone ("his arrest", "the Floyd killing") without an
    "of" phrase of its own: its possessor or modifying actor is the one acted on. With one,
    the possessor is the doer ("Iran's detention of the sailors")."""
    return entry.patient_possessor and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _referred(
    entry: NominalEntry,
    doers: Sequence[EventActor],
    earlier: Sequence[ReportedAct],
    cameo: Cameo,
) -> ReportedAct | None:
    """The act of the noun's kind (its root's PLOVER category: a killing, root 18, and "the
    attack", 19, are one assault), in or against the country where the noun's act happened
    (its unnamed ``doers``' country), reported just before it by someone else: "the attack"
    is that act, not another one by unknown men. (After an act by the same unknown men,
    "the attack" names it again, as its sentence's own event.) ``earlier`` is in text
    order: the nearest act of its kind is the one referred to."""
    kind = _entry_kind(entry, cameo)
    where = {d.country for d in doers if d.country}
    codes = {d.code for d in doers}
    for act in reversed(earlier):
        if _kind(act.root, cameo) == kind and act.countries & where and not act.doers & codes:
            return act
    return None


def _kind(root: str, cameo: Cameo) -> str:
    entry = cameo.lookup(root) if root else None
    return (entry.plover if entry is not None else None) or root


def _entry_kind(entry: NominalEntry, cameo: Cameo) -> str:
    """The kind of the act an event noun's sense codes (its forward code's root)."""
    return _kind((entry.code.forward or "")[:2], cameo)


def _specific(noun: Token, governor: Token | None, words: ClauseWords) -> bool:
    """Does the noun name one act that took place: "the attack", "Sunday's bombing", or the
    means of a verb ("were killed in an air strike")? Not "attacks on civilians" in general
    nor "a terrorist attack" as a possibility; and not an act whose possessor names its doer
    ("Iran's attack": a doer we could not code is not an unknown one). A pronoun possessor
    we could not resolve to an actor ("his attack", of "the driver of the truck") is one."""
    if any(c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ != "DATE" for c in noun.children):
        return False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in words.specific_determiners:
            return True
        if child.dep_ in _DOER_DEPS and child.ent_type_ == "DATE":
            return True
    return governor is not None and _is_means(noun, governor, words)


def dates_only(noun: Token, words: ClauseWords) -> bool:
    """Is the event noun a past act recalled only to date or explain the news, not a new
    event (the guideline's "since the 2003 invasion")? Its preposition only dates an
    undated or old act ("since the invasion"; not "since the attack on Monday"), or the
    noun is dated well before the article ("the Fort Hood attack of 2009", "the 2003
    invasion" in a 2015 story, "the June 2015 attack" in a 2016 one). "After Monday's
    attack on the embassy", "the 2019 talks" in a 2019 story or "the December 2015
    attack" in a January 2016 one report an act of the news."""
    today = getattr(noun.doc._, "date", None)
    old = _dated_old(noun, today)
    if noun.dep_ == "pobj" and noun.head.lower_ in words.dating_prepositions:
        return old is not False
    return old is True


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august")
        + ("september", "october", "november", "december")
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# a noun dated to a month ended more than this many days before the article is past
_RECENT_DAYS = 60
# how many sentences before a definite event noun's own it may name an act of
_RECALL_SENTENCES = 2


def _dated_old(noun: Token, today: dt.date | None) -> bool | None:
    """Is the act the noun names dated before the article's news: True (a year before
    the article's, or a month ended more than ``_RECENT_DAYS`` before it), False (dated,
    but recently: "Monday's attack", "the attack on Monday", "the December 2015 attack"
    in a 2016-01-05 story), None (no date of its own, no article date, or only the
    article's year)?"""
    if today is None:
        return None
    dates = _date_tokens(noun)
    if not dates:
        return None
    years = [int(t.text) for t in dates if t.text.isdigit() and len(t.text) == 4]
    if not years:
        return False  # "Monday", "last week": the news
    year = years[0]
    months = [_MONTHS[t.lower_.rstrip(".")] for t in dates if t.lower_.rstrip(".") in _MONTHS]
    if not months:
        # "the 2003 invasion" in a 2003 story may be months old: only a dating "since" says
        return True if year < today.year else None
    month = months[0]
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return (today - end).days > _RECENT_DAYS


def _date_tokens(noun: Token) -> list[Token]:
    """The tokens of the noun's own date modifiers: "the 2003 invasion", "2009's attack",
    "the attacks of Sept. 11, 2001", "the attack on Monday"."""
    heads = [c for c in noun.children if c.dep_ in _DOER_DEPS or c.dep_ in ("nummod", "npadvmod")]
    for prep in noun.children:
        if prep.dep_ == "prep":  # "the attack of 2009", "the attack on Monday"
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    return [
        t
        for head in heads
        if head.ent_type_ == "DATE"
        for t in head.subtree
        if t.ent_type_ == "DATE"
    ]


def _topic_of_noun(noun: Token, words: ClauseWords) -> bool:
    """ "the true nature of the attack", "the bombers from the attacks": a noun of an act
    with no doer named, in the phrase of another noun, is what that noun is about (a known
    act referred to), not an act the sentence reports as taking place. A partitive head
    ("a wave of air strikes", "a series of bombings"; partitive_nouns) only counts the acts."""
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN")):
        return False
    head = prep.head
    partitive = prep.lower_ == "of" and (
        head.lemma_.lower() in words.partitive_nouns or head.lower_ in words.partitive_nouns
    )
    return not partitive


def _is_means(noun: Token, governor: Token, words: ClauseWords) -> bool:
    """ "killed in an air strike", "destroyed by a car bomb": the noun is how the verb's
    act was done."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ in words.means_prepositions
        and head.head.i == governor.i
        and governor.pos_ == "VERB"
    )


@dataclass(frozen=True, slots=True)
class ReportedAct:
    """An act coded near an event noun: its CAMEO root, the countries it was done in or
    to (its target's, its location's) and the codes of its doers. "Boko Haram attacked
    Baga. The attack killed 20": the noun refers back to it."""

    root: str
    countries: frozenset[str]
    doers: frozenset[str] = frozenset()
    # who did it and to whom; ``here``: reported in the noun's own sentence
    sources: tuple[EventActor, ...] = ()
    targets: tuple[EventActor, ...] = ()
    here: bool = False

    @classmethod
    def of_event(cls, event: Event) -> ReportedAct:
        countries = {event.target.country if event.target else None}
        countries.add(event.location.country if event.location else None)
        doers = frozenset({event.source.code} - {None})
        targets = (event.target,) if event.target else ()
        return cls(
            event.cameo_root, frozenset(c for c in countries if c), doers, (event.source,), targets
        )

    @classmethod
    def of_act(cls, act: CodedAct) -> ReportedAct:
        countries = frozenset(t.country for t in act.targets if t.country)
        doers = frozenset(s.code for s in act.sources if s.code)
        root = (act.code.forward or "")[:2]
        return cls(root, countries, doers, tuple(act.sources), tuple(act.targets), here=True)


class NominalCoder:
    """Codes event nouns (one per coder; shares the coder's verb codes and participants).
    ``unnamed_doer``: the unknown perpetrator of a specific act of force no one is named
    doing ("the attack on the embassy"); None codes no such act."""

    def __init__(
        self,
        words: ClauseWords,
        cameo: Cameo,
        verb_codes: VerbCodes,
        participants: Participants,
        future_auxiliaries: frozenset[str] = frozenset(),
        *,
        unnamed_doer: UnnamedDoer | None = None,
    ) -> None:
        self.words = words
        self.cameo = cameo
        self.verb_codes = verb_codes
        self.participants = participants
        self.future_auxiliaries = future_auxiliaries
        self.unnamed_doer = unnamed_doer

    def code(
        self,
        noun: Token,
        actors: DocActors,
        consumed: set[int],
        *,
        earlier: Sequence[ReportedAct] = (),
    ) -> CodedAct | None:
        """The act an event noun names; None when it has no doer, or (for a one-sided act)
        no counterpart. Verbs of a demand's clause go to ``consumed``. ``earlier``: the acts
        coded before the noun in its sentence and the two sentences before, which a noun
        with no doer named may refer back to. A past act only recalled ("since the 2003
        invasion") is none."""
        governor = governing_verb(noun)
        light_verb = None  # "held a meeting", "issued a reminder"
        if governor is not None and noun.dep_ == "dobj" and noun.head.i == governor.i:
            light_verb = governor
        entry = self._news_sense(noun, light_verb)
        if entry is None:
            return None
        if light_verb is not None and self._verb_codes_it(light_verb, entry):
            return None
        if light_verb is not None and light_verb.lemma_.lower() in self.words.receiving_verbs:
            return self._received(noun, light_verb, entry, actors)
        sources, inherited = self._sources(noun, governor, actors, entry)
        mutual = entry.code.reverse == entry.code.forward
        sides: list[EventActor] = []
        unnamed: list[EventActor] = []  # the ones acted on by an unnamed doer
        again = False
        if not sources:
            sources, sides, unnamed, inherited, again = self._doers_elsewhere(
                noun, governor, entry, actors, consumed, earlier, inherited
            )
        if not sources:
            return None
        targets = sides[1:] or unnamed or self._targets(noun, entry, actors, consumed)
        if not targets:
            targets = self._carrier_targets(noun, light_verb, entry, actors)
        targets = [t for t in targets if not any(same_side(t, s) for s in sources)] or (
            self._addressees(noun, governor, actors, sources if mutual and inherited else [])
        )
        policy = self.cameo.policy(entry.code.forward)
        targets = self._place_hosts(noun, governor, entry, targets, sources, actors)
        if not targets and entry.patient_possessor:
            return None  # "announced the release of a report": an act done to no one named
        if not targets and len(sources) < 2 and policy.domestic != "no" and not mutual:
            # "opposition parties in Nepal organized a general strike": a domestic act (a
            # mutual one, "a court battle", needs its other side named)
            targets = own_country(sources, people=policy.domestic == "people")
        if not targets and not _codes_untargeted(entry, policy, len(sources), mutual):
            return None
        code, rule = entry.code, f"nominal: {entry.lemma} [{spec_text(entry.code)}]"
        if again:
            rule += "; named again"
        quad = self.cameo.quad_class(code.forward)
        # an act done to someone in the doer's power ("the arrest of two journalists by the
        # government") needs no one able to fight; a word of violence between actors who
        # cannot fight is in another sense or no event
        # (coercion, CAMEO root 17, is what authorities do unarmed: an arrest, a
        # deportation; a killing or a massacre still needs someone able to fight)
        other = self._other_sense(noun, entry, quad, sources, (*sources, *targets), actors)
        if other == "":
            return None  # "the battle between Apple and the FBI", "a political fight"
        if other is not None:
            # "Trump's attack on Pelosi", "clashes between the senators": words, not force
            code, rule, mutual = CodeSpec(other), f"{rule}; unarmed sense [{other}]", False
        return CodedAct(
            trigger=noun,
            clause_verb=governor or noun,
            sources=sources,
            targets=targets,
            code=code,
            rule=rule,
            negated=self._negated(noun),
            modality=self._modality(noun, entry, light_verb),
            confidence=0.6 if inherited else 0.7,
            reciprocal=mutual,
        )

    def _place_hosts(
        self,
        noun: Token,
        governor: Token | None,
        entry: NominalEntry,
        targets: list[EventActor],
        sources: list[EventActor],
        actors: DocActors,
    ) -> list[EventActor]:
        """The targets, or where none is named, the place the act lands in ("its invasion
        of South Lebanon": a place stands for its country); a visit's host."""
        if not targets and self.cameo.policy(entry.code.forward).place_target:
            targets = self._place_targets(noun, entry, actors, sources)
        if is_visit(self.cameo, entry.code.forward):
            targets = self._visit_hosts(noun, governor, targets, sources, actors)
        return targets

    def _visit_hosts(
        self,
        noun: Token,
        governor: Token | None,
        targets: list[EventActor],
        sources: list[EventActor],
        actors: DocActors,
    ) -> list[EventActor]:
        """A visit's host where no target phrase names it ("his Middle East trip", "is in
        South Africa on an official visit": a copula's place; a verb's places are its own
        act's, "arrived in Gondor on a visit"), and the host its phrase names in place of
        the visitors' own forces abroad (:mod:`~detente.events.visits`)."""
        if targets:
            host = clause_host(noun, self.participants, actors, sources)
            return own_forces_abroad(targets, sources, host, self.words.armed_sectors)
        modifier = [
            t for t in modifier_host(noun, actors) if not any(same_side(t, s) for s in sources)
        ]
        if modifier or governor is None or not is_copula(governor):
            return modifier
        return clause_host(governor, self.participants, actors, sources)

    def _modality(self, noun: Token, entry: NominalEntry, light_verb: Token | None) -> str:
        """The sense's own factuality, or the one an adjective on the noun gives an act the
        sense reports as done: "potential airstrikes", "the anticipated strikes" (possible),
        "the alleged attack" (claimed), "the planned visit" (intended) - the guideline's
        factuality cues (section 7) said of the noun, not of a verb. A light verb that
        carries the act out (light_verbs.txt) reports it done whatever was said of it before
        ("mounted its long-threatened invasion", "held the planned talks"); another verb
        only speaks of it ("to support potential airstrikes")."""
        carried_out = light_verb is not None and light_verb.lemma_.lower() in self.words.light_verbs
        if entry.modality != ASSERTED or carried_out:
            return entry.modality
        for child in noun.children:
            if child.dep_ == "amod":
                value = self.words.factuality_adjectives.get(child.lower_)
                if value is not None:
                    return value
        return entry.modality

    def _doers_elsewhere(
        self,
        noun: Token,
        governor: Token | None,
        entry: NominalEntry,
        actors: DocActors,
        consumed: set[int],
        earlier: Sequence[ReportedAct],
        inherited: bool,
    ) -> tuple[list[EventActor], list[EventActor], list[EventActor], bool, bool]:
        """The doers of a noun that names none of its own: ``(sources, sides, ones acted on
        by an unnamed doer or by the act named again, inherited, named again)``."""
        mutual = entry.code.reverse == entry.code.forward
        sources: list[EventActor] = []
        sides: list[EventActor] = []
        unnamed: list[EventActor] = []
        if mutual:
            # "clashes between rebels and troops", "talks between the U.S. and Iran": a
            # mutual act's sides are both named after "between"; else "X said talks with Y
            # continue": the speaker's own
            sides = self._between(noun, actors)
            sources = sides[:1] or self._speaker_side(noun, entry, actors)
            inherited = bool(sources) and not sides
        else:
            sources, unnamed = self._unnamed(noun, governor, entry, actors, consumed, earlier)
        if sources:
            return sources, sides, unnamed, inherited, False
        # "Pompeo wrapped up his visit to North Korea. The visit comes after ...": the act
        # reported just before, named again
        sources, unnamed = self._named_again(noun, governor, entry, actors, consumed, earlier)
        return sources, sides, unnamed, inherited or bool(sources), bool(sources)

    def _other_sense(
        self,
        noun: Token,
        entry: NominalEntry,
        quad: int | None,
        sources: list[EventActor],
        sides: tuple[EventActor, ...],
        actors: DocActors,
    ) -> str | None:
        """The code of the noun's other sense (``""``: no event), None to keep its own: the
        unarmed sense of a word of violence between actors who cannot fight, or aimed at
        an abstract thing ("an attack on the cost of the asylum system": words, whoever
        speaks them; abstract_nouns.txt)."""
        code = entry.code.forward or ""
        if entry.patient_possessor and code[:2] == COERCION_ROOT:
            return None
        other = unarmed_sense(entry.lemma, quad, sides, self.words)
        if other is None and code[:2] in FORCE_ROOTS:
            if abstract_thing(noun_struck(noun, entry.target_preps), sources, self.words, actors):
                other = self.words.unarmed_senses.get(entry.lemma, "")
        return other

    def carried_by(self, noun: Token, verb: Token, actors: DocActors) -> bool:
        """Does the object noun code an act whose doer is ``verb``'s ("Abe issued a
        reminder to Iraq")? Then the verb is only the act's light verb. An act with a doer
        of its own ("condemned an attack by the rebels") is not the verb's."""
        if self.code(noun, actors, set()) is None:
            return False
        entry = self.sense(noun, verb)
        return entry is not None and self._sources(noun, verb, actors, entry)[1]

    def _news_sense(self, noun: Token, light_verb: Token | None) -> NominalEntry | None:
        """The noun's sense (:meth:`sense`), unless it is a past act only recalled."""
        return None if dates_only(noun, self.words) else self.sense(noun, light_verb)

    def sense(self, noun: Token, light_verb: Token | None = None) -> NominalEntry | None:
        """The noun's sense its own modifiers and phrases select: "air strikes" and
        "strikes on Raqqa" are attacks, "a strike by dock workers" a labour strike. The
        phrases of a light verb count as the noun's ("launched strikes on Raqqa")."""
        modifiers = {
            w for c in noun.children if c.dep_ in _DOER_DEPS for w in (c.lower_, c.lemma_.lower())
        }
        heads = (noun,) if light_verb is None else (noun, light_verb)
        prepositions = {c.lower_ for h in heads for c in h.children if c.dep_ == "prep"}
        # "calls for the military to support him": "for" marks the noun's infinitive clause
        prepositions |= {"for" for h in heads for c in h.children if for_clause_mark(c)}
        objects = {pobj.lemma_.lower() for h in heads for _, pobj in prepositional_objects(h)}
        for entry in self.words.nominals.get(noun.lemma_.lower(), ()):
            if entry.modifiers and not entry.modifiers & modifiers:
                continue
            if entry.prepositions and not entry.prepositions & prepositions:
                continue
            if entry.objects and not entry.objects & objects:
                continue
            return entry
        return None

    def _verb_codes_it(self, verb: Token, entry: NominalEntry) -> bool:
        """ "called off a strike", "would tighten the blockade", "imposed sanctions": the
        light verb's pattern codes what is done with the act the noun names (or the act
        itself, with the verb's own factuality: "threatened to impose sanctions")."""
        verb_entry = self.verb_codes.entry(verb)
        if verb_entry is None:
            return False
        code, _, confidence, _ = self.verb_codes.code_of(verb, verb_entry, verb_subject(verb))
        if confidence < 0.9 or code.is_null:
            return False
        if (code.forward or code.reverse or "")[:2] != (entry.code.forward or "")[:2]:
            return True
        # the same act: the noun may add its own participants, unless the verb's act is
        # only intended, demanded or refused ("threatened to impose sanctions")
        head = verb.head
        return verb.dep_ in ("xcomp", "ccomp") and self.verb_codes.word(head) in self.words.roles

    def _material(self, code: str | None) -> bool:
        return self.cameo.material(code) is True

    def _doer_of_governor(self, noun: Token, governor: Token, entry: NominalEntry) -> bool:
        """May the governing verb's doer be the noun's? "Abe held a meeting", "rebels
        launched attacks": yes. A material act's doer is the doer of a light verb that
        carries it out (light_verbs.txt), not whoever talks of it ("officials condemned the
        attack") nor whoever a phrase round it names ("after the attacks")."""
        if not self._material(entry.code.forward):
            # "issued a warning", "insisted on demands"; not the topic of the verb's act
            # ("Europe warned of the threat to Ukraine": Europe threatens nobody)
            # ("Pence spoke during a visit to Ramallah": the visit is still his)
            return noun.dep_ == "dobj" or (
                noun.dep_ == "pobj" and noun.head.lower_ not in self.words.topic_prepositions
            )
        light = governor.lemma_.lower() in self.words.light_verbs
        return light and noun.dep_ in ("dobj", "pobj")  # "took part in a strike"

    def _sources(
        self, noun: Token, governor: Token | None, actors: DocActors, entry: NominalEntry
    ) -> tuple[list[EventActor], bool]:
        """Whose act: a possessor or modifying actor ("Japan's visit"), the object of "by",
        else the doer of the governing verb ("Abe held a meeting"); True when taken from
        the verb."""
        participants = self.participants
        inherited = False
        visit = is_visit(self.cameo, entry.code.forward)
        for child in noun.children:
            if child.dep_ not in _DOER_DEPS or _possessor_acted_on(noun, entry):
                continue
            if visit and place_modifier(child, actors) is not None:
                continue  # "his Middle East trip": where it goes, not who goes
            if names_kind_only(child, actors):
                continue  # "a military strike": the kind of act, not its doer
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
        found = self._by_phrase_doers(noun, actors) or self._genitive_doers(noun, entry, actors)
        if found:
            return found, inherited
        if governor is not None and noun.dep_ == "nsubjpass" and noun.head.i == governor.i:
            # "the bombing was carried out by IS": the agent of a light verb
            agent = passive_agent(governor)
            if agent is not None and governor.lemma_.lower() in self.words.light_verbs:
                found = participants.actors_of(agent, actors, deep=True)
                if found:
                    return found, True
        found = self._responsible(noun, actors)
        if found:
            return found, inherited
        if governor is not None and self._doer_of_governor(noun, governor, entry):
            # "Abe held a meeting with Putin", "insisted on demands that ...": the doer of
            # the governing verb
            return participants.sources(governor, actors)[0], True
        return [], inherited

    def _by_phrase_doers(self, noun: Token, actors: DocActors) -> list[EventActor]:
        """The actors of the noun's "by" phrase ("airstrikes by Russian warplanes") or of
        the "by" phrase of a participle that carries it out ("accusations leveled by the
        US", "the strikes carried out by coalition jets")."""
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in self.words.doer_prepositions:
                found = self._last_object_actors(child, actors)
                if found:
                    return found
        carrier = self._carrying_participle(noun)
        agent = passive_agent(carrier) if carrier is not None else None
        return self.participants.actors_of(agent, actors, deep=True) if agent is not None else []

    def _genitive_doers(
        self, noun: Token, entry: NominalEntry, actors: DocActors
    ) -> list[EventActor]:
        """ "A demonstration of 100 oil workers", "the visit of the Chinese president", "a
        meeting of G8 leaders": the "of" phrase of a noun whose act has no one it is done to
        named by "of" (genitive_doers.txt; "of" not among its target prepositions, not a noun
        whose possessor is the one acted on) names who does it, as the verb's subject would
        ("100 oil workers demonstrated"). "The arrest of two journalists", "the embargo of
        Cuba", "in support of Morsi" name what is done to or for someone: not on the list.
        Only the phrase's head (and its conjuncts) is the doer: an actor inside it or owning
        it names what the act is about ("the discussion of Iran's nuclear program")."""
        if noun.lemma_.lower() not in self.words.genitive_doers:
            return []
        if "of" in entry.target_preps or entry.patient_possessor:
            return []
        for _, pobj in prepositional_objects(noun, ("of",)):
            found = self.participants.actors_of(pobj, actors, modifiers=False)
            if found:
                return found
        return []

    def _carrying_participle(self, noun: Token) -> Token | None:
        """ "accusations leveled by the US against Russia", "sanctions imposed on Iran": a
        passive participle on the noun whose verb carries out the act it names
        (light_verbs.txt). Its "by" phrase names the act's doer and its prepositions the ones
        it is done to, as they would on the light verb of a clause ("the US leveled
        accusations against Russia"); a participle of another verb only speaks of the act
        ("the attack condemned by the UN": the UN did not attack)."""
        for child in noun.children:
            if (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and child.lemma_.lower() in self.words.light_verbs
            ):
                return child
        return None

    def _unnamed(
        self,
        noun: Token,
        governor: Token | None,
        entry: NominalEntry,
        actors: DocActors,
        consumed: set[int],
        earlier: Sequence[ReportedAct],
    ) -> tuple[list[EventActor], list[EventActor]]:
        """ "The attacks on U.S. outposts in Benghazi killed four", "Sunday's bombing came
        during Muharram", "killed in an air strike": a specific act of force reported as done,
        with no doer named, is done by unknown armed men of the country where it happened
        (the guideline's unknown perpetrators, as for agentless passive verbs); the one acted
        on is the actor (or place) of its target phrase, else that country itself - a domestic
        attack. ``(doers, targets)``; empty when the act is generic ("the threat of
        attacks", "a terrorist attack on the homeland" in a condition), not asserted, or
        one of ``earlier`` that the noun refers back to."""
        sector = self.cameo.policy(entry.code.forward).unnamed_doer
        # a noun's unnamed doer is armed men, never the authorities (``unnamed_doer`` GOV)
        armed = sector in self.words.armed_sectors
        if self.unnamed_doer is None or not armed or entry.patient_possessor:
            return [], []
        if not _specific(noun, governor, self.words) or _topic_of_noun(noun, self.words):
            return [], []
        if self._doer_named_around(noun, governor, actors):
            return [], []
        if governor is not None and not self._asserted(governor):
            return [], []
        patient = self._targets(noun, entry, actors, consumed)
        if not patient and governor is not None and _is_means(noun, governor, self.words):
            # "three soldiers were killed in an air strike": the ones the verb was done to
            patient = self.participants.patient(governor, actors)
        patient = (
            patient or self._harmed(noun, actors) or self._place_targets(noun, entry, actors, [])
        )
        doers, patient = self.unnamed_doer(noun, sector, patient)
        referred = _referred(entry, doers, earlier, self.cameo)
        if referred is not None:
            # "Boko Haram attacked Baga, and the attack killed 20": coded already in the
            # sentence; in a later one, the act reported again is that sentence's event
            # too (the guideline), done by the doer reported before, to the ones the noun
            # names or else the ones it was done to
            if referred.here or not referred.sources:
                return [], []
            sources = list(referred.sources)
            targets = patient or list(referred.targets)
            return sources, [t for t in targets if not any(same_side(t, s) for s in sources)]
        if self._recalls_past(noun, entry):
            return [], []
        if doers and not patient:
            patient = own_country(doers)
        return doers, patient

    def _named_again(
        self,
        noun: Token,
        governor: Token | None,
        entry: NominalEntry,
        actors: DocActors,
        consumed: set[int],
        earlier: Sequence[ReportedAct],
    ) -> tuple[list[EventActor], list[EventActor]]:
        """ "Pompeo wrapped up his visit to North Korea on Sunday. The visit comes after ...",
        "The military began an assault on Gaza. The assault also includes tanks": a definite
        event noun ("the", "this") with no doer named in its sentence names again the act of
        its CAMEO root that a sentence before it reported last, done by that act's doers to
        its ones acted on; the guideline codes an act reported again in each sentence that
        reports it (the verbs of its own targets' clauses join ``consumed`` then, as for any
        noun that fires). ``(doers, targets)``; empty when the noun is indefinite ("a visit":
        another act), what another noun is about ("the aim of the visit"), in a clause that
        is not asserted, when a clause on it names its own doer ("the threat posed by ISIL",
        "the sanctions we are applying"), when it names ones acted on that the earlier act
        was not done to ("the summit with North Korea" after one with Russia: another act),
        or when no earlier sentence reported an act of its root (an act of its kind in its
        own sentence is that sentence's event, named by the noun)."""
        if not any(
            c.dep_ == "det" and c.lower_ in self.words.specific_determiners for c in noun.children
        ):
            return [], []
        if _topic_of_noun(noun, self.words) or self._clause_names_doer(noun):
            return [], []
        if governor is not None and not self._asserted(governor):
            return [], []
        act = self._nearest_of_root(entry, earlier)
        if act is None or not act.sources:
            return [], []
        read: set[int] = set()  # the verbs its own targets' clauses hold, taken if it fires
        own = self._targets(noun, entry, actors, read)
        if own and not any(same_side(t, a) for t in own for a in act.targets):
            return [], []
        consumed |= read
        return list(act.sources), own or list(act.targets)

    def _nearest_of_root(
        self, entry: NominalEntry, earlier: Sequence[ReportedAct]
    ) -> ReportedAct | None:
        """The last act of the noun's CAMEO root reported in a sentence before the noun's;
        None when an act of its kind (PLOVER category) comes after it in the noun's own
        sentence ("... attacked Monguno, and the attack ...": the noun is that act, coded
        already)."""
        root = (entry.code.forward or "")[:2]
        kind = _entry_kind(entry, self.cameo)
        for act in reversed(earlier):
            if act.here and _kind(act.root, self.cameo) == kind:
                return None
            if not act.here and act.root == root:
                return act
        return None

    def _asserted(self, governor: Token) -> bool:
        """Does the noun's clause report its act as done, not negated?"""
        factuality = act_factuality(governor, self.words, self.future_auxiliaries)
        # NOT_CODED ("did not say that ...") reads as asserted: check ``coded`` too
        return factuality.coded and factuality.asserted and not clause_negated(governor, self.words)

    def _clause_names_doer(self, noun: Token) -> bool:
        """A participle or relative clause on the noun with a doer of its own: "the threat
        posed by ISIL", "the sanctions that we are applying"."""
        for clause in noun.children:
            if clause.dep_ not in ("acl", "relcl"):
                continue
            if passive_agent(clause) is not None:
                return True
            subject = verb_subject(clause)
            if subject is not None and subject.lower_ not in self.words.relatives:
                return True
        return False

    def _recalls_past(self, noun: Token, entry: NominalEntry) -> bool:
        """ "The Fort Hood attack of 2009 ... the attack sent a message": a definite event
        noun with no doer named names the act of its kind the text reported last; when
        that one was a past act recalled (:func:`dates_only`), so is it. The last sentence
        (of the noun's own and the ``_RECALL_SENTENCES`` before it) with an act of its kind
        names it; a verb reporting that act is the news the noun names again ("Gunmen
        attacked a hotel, the worst violence since the 2015 attack on it. The attack
        killed 12"), only a noun is a recalled act."""
        if not any(
            c.dep_ == "det" and c.lower_ in self.words.specific_determiners for c in noun.children
        ):
            return False
        kind = _entry_kind(entry, self.cameo)
        doc = noun.doc
        sentence = noun.sent
        for _ in range(_RECALL_SENTENCES + 1):
            end = min(sentence.end, noun.i)
            past: Token | None = None
            for tok in doc[sentence.start : end]:
                if self._verb_kind(tok) == kind:
                    return False
                if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.words.nominals:
                    other = self.sense(tok)
                    if other is not None and _entry_kind(other, self.cameo) == kind:
                        past = tok
            if past is not None:
                return dates_only(past, self.words)
            if sentence.start == 0:
                break
            sentence = doc[sentence.start - 1].sent
        return False

    def _verb_kind(self, tok: Token) -> str | None:
        """The PLOVER kind of the act a verb reports (None: not a coded verb, or one whose
        subject or means is an event noun: "the 2009 attack killed soldiers", "killed in the 2009
        attack" tell that act's toll)."""
        if tok.pos_ not in VERBAL_POS:
            return None
        verb_entry = self.verb_codes.entry(tok)
        if verb_entry is None:
            return None
        subject = verb_subject(tok)
        if subject is not None and self.sense(subject) is not None:
            return None
        # "those killed (and injured) in the Fort Hood attack of 2009": the noun's act is
        # the means of the verb or of a verb conjoined with it
        for verb in (tok, *(c for c in tok.children if c.dep_ == "conj")):
            if any(
                self.sense(pobj) is not None and _is_means(pobj, verb, self.words)
                for _, pobj in prepositional_objects(verb)
            ):
                return None
        code = self.verb_codes.code_of(tok, verb_entry, subject)[0]
        root = (code.forward or code.reverse or "")[:2]
        return _kind(root, self.cameo) if root else None

    def _harmed(self, noun: Token, actors: DocActors) -> list[EventActor]:
        """ "The bombing killed 20 police officers", "the attacks that killed Ambassador
        Stevens": the ones a verb of force (quad class 4) whose subject is the act did it
        to - the act's own victims, who may not be the country where it happened."""
        verbs = [noun.head] if noun.dep_ == "nsubj" else []
        verbs += [
            c
            for c in noun.children
            if c.dep_ == "relcl"
            and any(s.dep_ == "nsubj" and s.lower_ in self.words.relatives for s in c.children)
        ]
        for verb in verbs:
            entry = self.verb_codes.entry(verb)
            if entry is None:
                continue
            code = self.verb_codes.code_of(verb, entry, verb_subject(verb))[0]
            if code.forward is None or self.cameo.quad_class(code.forward) != 4:
                continue
            for obj in verb.children:
                if obj.dep_ == "dobj" and (found := self.participants.actors_of(obj, actors)):
                    return found
        return []

    def _responsible(self, noun: Token, actors: DocActors) -> list[EventActor]:
        """ "The PRC claimed responsibility for the attack", "took credit for the bombing",
        "Iran was responsible for the strike", "rebels were behind the attack": the subject
        of the clause that says who did it (responsibility_words.txt). Not when that clause
        denies it ("denied responsibility for", "was not behind") nor when the clause is not
        itself asserted: "Hamas denied that it was behind the attack", "accused Iran of being
        behind", "Israel may have been behind", "investigating whether Hamas was behind"."""
        clause = self._responsible_clause(noun)
        if clause is None:
            return []
        if clause_negated(clause, self.words) or role_of(clause, self.words) == "accuse":
            return []
        factuality = act_factuality(clause, self.words, self.future_auxiliaries)
        if not (factuality.coded and factuality.asserted):
            return []
        if any(c.dep_ == "mark" and c.lower_ in self.words.question_marks for c in clause.children):
            return []  # "investigating whether Hamas was behind": an open question
        return self.participants.sources(clause, actors)[0]

    def _responsible_clause(self, noun: Token) -> Token | None:
        """The verb of the clause that says who did the noun's act ("were behind the
        attack", "claimed responsibility for the bombing"), asserted or not."""
        if noun.dep_ != "pobj":
            return None
        words = self.words.responsibility_words
        prep = noun.head
        clause = None
        if prep.lower_ in words:  # "were behind the attack"
            clause = prep.head
        elif prep.lower_ in self.words.blame_prepositions:
            head = prep.head
            if head.lemma_.lower() in words:  # "responsibility for", "responsible for"
                clause = head.head if head.dep_ != "ROOT" else None
            elif any(c.dep_ == "dobj" and c.lemma_.lower() in words for c in head.children):
                clause = head  # "claimed [responsibility] [for the attack]"
        return clause if clause is not None and clause.pos_ in VERBAL_POS else None

    def _doer_named_around(self, noun: Token, governor: Token | None, actors: DocActors) -> bool:
        """Does the noun's clause name who did it? "Russian aircraft killed 46 civilians in
        an attack on a village": the verb's doer (its own event); "Palestinians blamed
        Israel for the bombing", "claimed responsibility for the attack": the one blamed or
        claiming; "the attack was blamed on the Taliban", "was claimed by IS": the one the
        verb names. Not "weapons that killed 350 people in last week's attack": no actor."""
        if noun.dep_ == "pobj" and noun.head.lower_ in self.words.blame_prepositions:
            return True
        if self._responsible_clause(noun) is not None:
            return True  # "denied that it was behind the attack": a doer named, if denied
        if governor is not None and self._blamed(noun, governor, actors):
            return True
        if governor is None or not _is_means(noun, governor, self.words):
            return False
        for child in governor.children:
            if child.dep_ in ("nsubj", "agent") and self.participants.actors_of(
                child, actors, deep=True
            ):
                return True
        return False

    def _blamed(self, noun: Token, governor: Token, actors: DocActors) -> bool:
        """ "The attack was blamed on the Taliban", "the bombing was claimed by IS": the
        noun is the passive subject of a verb of blame whose phrase names an actor."""
        if noun.dep_ != "nsubjpass" or noun.head.i != governor.i:
            return False
        if governor.lemma_.lower() not in self.words.blaming_verbs:
            return False
        return any(
            self._last_object_actors(child, actors)
            for child in governor.children
            if child.dep_ in ("prep", "agent")
        )

    def _negated(self, noun: Token) -> bool:
        """ "held no meeting": a negating determiner."""
        return any(c.dep_ == "det" and c.lower_ in self.words.negators for c in noun.children)

    def _received(
        self, noun: Token, verb: Token, entry: NominalEntry, actors: DocActors
    ) -> CodedAct | None:
        """ "received support from Kerry", "got a call from Putin": the actors of the
        "from" phrase (on the noun or on the verb) do the noun's act to the verb's subject."""
        sources: list[EventActor] = []
        for child in (*noun.children, *verb.children):
            if not sources and child.dep_ == "prep" and child.lower_ == "from":
                sources = self._last_object_actors(child, actors)
        # "won the release of two journalists from North Korea": a noun of an act done to
        # someone names its own patient; else the receiver is the one acted on
        patients = self._targets(noun, entry, actors, set()) if entry.patient_possessor else []
        targets = [
            t
            for t in patients or self.participants.sources(verb, actors)[0]
            if not any(same_side(t, s) for s in sources)
        ]
        if not sources or not targets:
            return None
        # "did not receive a warning", "hopes to receive an apology": the receiving verb's
        # factuality is the act's
        factuality = act_factuality(verb, self.words, self.future_auxiliaries)
        if not factuality.coded:
            return None
        modality = entry.modality if entry.modality != ASSERTED else factuality.value
        negated = self._negated(noun) or factuality.negated or clause_negated(verb, self.words)
        return CodedAct(
            trigger=noun,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=entry.code,
            rule=f"nominal: {entry.lemma} [{spec_text(entry.code)}]; received",
            negated=negated,
            modality=modality,
            confidence=0.6,
            reciprocal=entry.code.reverse == entry.code.forward,
        )

    def _targets(
        self, noun: Token, entry: NominalEntry, actors: DocActors, consumed: set[int]
    ) -> list[EventActor]:
        """The object of a target preposition, or the subject of the noun's clause ("its
        demand that Israel ease restrictions"): the first phrase that names an actor."""
        targets: list[EventActor] = []
        if _possessor_acted_on(noun, entry):
            # "his arrest", "Gross's release": the possessor is the one acted on
            for child in noun.children:
                if child.dep_ in _DOER_DEPS and not targets:
                    targets = self.participants.actors_of(child, actors)
        for child in noun.children:
            if targets:
                break
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                targets = self._last_object_actors(child, actors)
            elif (
                child.dep_ in ("acl", "ccomp", "relcl") or for_clause_mark(child) is not None
            ) and child.pos_ in VERBAL_POS:
                subject = verb_subject(child)
                if subject is not None and subject.lower_ not in self.words.relatives:
                    targets = self.participants.actors_of(subject, actors)
                    if targets and entry.modality == "demanded":
                        consumed.update(t.i for t in child.subtree if t.pos_ == "VERB")
        return targets

    def _carrier_targets(
        self, noun: Token, light_verb: Token | None, entry: NominalEntry, actors: DocActors
    ) -> list[EventActor]:
        """The target phrase the parser hangs on the verb that carries the act out: its
        light verb ("issued a reminder Saturday to Iraq") or a participle on the noun
        ("accusations leveled against Russia")."""
        for carrier in (light_verb, self._carrying_participle(noun)):
            if carrier is not None and (found := self._light_verb_targets(carrier, entry, actors)):
                return found
        return []

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

    def _speaker_side(
        self, noun: Token, entry: NominalEntry, actors: DocActors
    ) -> list[EventActor]:
        """ "Araghchi said that discussions with European powers are continuing": a mutual
        act whose doer is not named, the subject of a clause reported by a speaker, with
        only its other side named (a target phrase), is the speaker's own: one reports the
        talks one takes part in with "with", others' with "between". Only a speaker of a
        country that is not its press, its scholars or its population can be a side: "the
        UN envoy said talks with the Taliban had collapsed" reports talks the UN mediates,
        as a journalist or an analyst reports others' talks."""
        clause = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return []
        if not any(c.dep_ == "prep" and c.lower_ in entry.target_preps for c in noun.children):
            return []
        speaker_verb = clause.head
        if self.words.roles.get(self.verb_codes.word(speaker_verb)) not in REPORTING_ROLES:
            return []
        bystanders = self.words.silent_sectors | self.words.public_sectors
        speakers = self.participants.sources(speaker_verb, actors)[0]
        return [s for s in speakers if s.country and s.sector not in bystanders]

    def _addressees(
        self, noun: Token, governor: Token | None, actors: DocActors, speakers: list[EventActor]
    ) -> list[EventActor]:
        """ "Macron told his counterpart Rouhani in a phone call that ...": a mutual act
        that is the means of a verb of speech, done by its ``speakers``, is with the one
        spoken to (not the speaker's side: "his")."""
        if not speakers or governor is None:
            return []
        if noun.dep_ != "pobj" or noun.head.head.i != governor.i:
            return []
        if self.words.roles.get(self.verb_codes.word(governor)) not in REPORTING_ROLES:
            return []
        for child in governor.children:
            if child.dep_ in ("dobj", "dative"):
                found = [
                    a
                    for a in self.participants.actors_of(child, actors, deep=True)
                    if not any(same_side(a, s) for s in speakers)
                ]
                if found:
                    return found
        return []

    def _between(self, noun: Token, actors: DocActors) -> list[EventActor]:
        """The actors of the noun's "between" phrase, when it names two sides or more; the
        parser often hangs it on the verb the noun is the subject of ("clashes erupted
        between police and protesters", "talks were underway between the U.S. and Iran"):
        a verb's subject is the only thing there whose sides "between" can name."""
        heads = [noun]
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in VERBAL_POS:
            heads.append(noun.head)
        for child in (c for head in heads for c in head.children):
            if child.dep_ == "prep" and child.lower_ == "between":
                found = self._last_object_actors(child, actors)
                if len(found) > 1:
                    return found
        return []

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
        for _, pobj in prepositional_objects(noun, entry.target_preps):
            place = actors.place_by_token.get(pobj.i)
            if place is not None:
                target = place_actor(place)
                if not any(same_side(target, s) for s in sources):
                    targets = [target]
        return targets
