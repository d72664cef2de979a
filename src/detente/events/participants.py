"""Who does an act and to whom: the actors of a clause's subject, objects and phrases.

Actors come only from ``doc._.mentions`` (and quote speakers for "we" inside quotes);
nothing here re-reads the text. :class:`DocActors` indexes one document's mentions once;
:class:`Participants` finds the sources and targets of a verb in the parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.actors.context import CONTEXT_RULES
from detente.events.clauses import (
    attempt_clause,
    clause_tokens,
    coordinated,
    inside_phrase,
    place_scope,
    relative_antecedent,
    relative_clauses,
    verb_subject,
)
from detente.events.lexicon import Pattern
from detente.knowledge.events import ClauseWords
from detente.nlp.extensions import get_list
from detente.nlp.segments import in_furniture
from detente.nlp.syntax import (
    CLAUSAL_SUBJECT_DEPS,
    COMPLEMENT_DEPS,
    NOMINAL_POS,
    NOUN_MODIFIER_DEPS,
    OBJECT_DEPS,
    PLURAL_TAGS,
    VERBAL_POS,
    is_bare_verb,
    is_passive,
    passive_agent,
    passive_subject,
    predicate_words,
    prepositional_objects,
)
from detente.records import EventActor, Mention, Quote

# (candidate actors, is the candidate the head of its phrase?)
Candidates = list[tuple[list[EventActor], bool]]


@dataclass(slots=True)
class DocActors:
    """Actor lookups for one document, built once in linear time."""

    by_token: list[int]  # token index -> mention index or -1
    mentions: list[Mention]
    place_by_token: dict[int, Mention]  # places with a country: last-resort targets
    spans: list[Span]
    quotes: list[tuple[int, int, EventActor]]  # quote char range -> speaker
    spoken: list[tuple[Quote, EventActor]] = field(default_factory=list)  # quote, its speaker
    # mention index -> the other mentions of the same words ("the pair": each of two actors)
    partners: dict[int, list[int]] = field(default_factory=dict)

    def is_mention(self, token: Token) -> bool:
        """The token is part of an actor mention or of a place with a country."""
        return self.by_token[token.i] != -1 or token.i in self.place_by_token

    @classmethod
    def build(cls, doc: Doc) -> DocActors:
        by_token = [-1] * len(doc)
        kept: list[Mention] = []
        spans: list[Span] = []
        by_start: dict[int, int] = {}
        by_words: dict[tuple[int, int], int] = {}
        partners: dict[int, list[int]] = {}
        places: dict[int, Mention] = {}
        furniture = get_list(doc, "furniture")
        for mention in get_list(doc, "mentions"):
            if not (mention.code or mention.country):
                continue  # an actor we cannot code cannot be a source or target
            if furniture and in_furniture(furniture, mention.start, mention.end):
                continue  # "LONDON (Reuters) -", a photo credit: never an actor
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            if mention.kind == "place" and not mention.code:
                # a place is where, not who; but "lifted the curfew in Darfur" targets Sudan
                places[span.root.i] = mention
                continue
            number = len(kept)
            kept.append(mention)
            spans.append(span)
            by_start[mention.start] = number
            first = by_words.setdefault((mention.start, mention.end), number)
            if first != number:
                partners.setdefault(first, []).append(number)
            for tok in span:
                if by_token[tok.i] == -1:
                    by_token[tok.i] = number
        actors = cls(by_token, kept, places, spans, [], partners=partners)
        for quote in get_list(doc, "quotes"):
            speaker = actors._speaker(quote, by_start)
            if speaker is not None:
                actors.quotes.append((quote.start, quote.end, speaker))
                actors.spoken.append((quote, speaker))
        return actors

    def _speaker(self, quote: Quote, by_start: dict[int, int]) -> EventActor | None:
        if quote.speaker_start is not None and quote.speaker_start in by_start:
            return event_actor(self.mentions[by_start[quote.speaker_start]])
        if quote.speaker_start is not None and quote.speaker_end is not None:
            for mention in self.mentions:
                if mention.start < quote.speaker_end and quote.speaker_start < mention.end:
                    return event_actor(mention)
        if quote.speaker_actor or quote.speaker_id:
            code = quote.speaker_actor
            return EventActor(
                text=quote.speaker or quote.speaker_name or "",
                start=quote.speaker_start if quote.speaker_start is not None else quote.start,
                end=quote.speaker_end if quote.speaker_end is not None else quote.start,
                actor_id=quote.speaker_id,
                name=quote.speaker_name,
                code=code,
                country=code[:3] if code and len(code) >= 3 else None,
                sector=code[3:6] if code and len(code) >= 6 else None,
            )
        return None

    def partners_at(self, tok: Token) -> list[EventActor]:
        """The other actors the mention at ``tok`` names ("the pair" after "Rice and Straw":
        Straw beside Rice), none for most mentions."""
        number = self.by_token[tok.i]
        return [event_actor(self.mentions[n]) for n in self.partners.get(number, ())]

    def quote_speaker(self, tok: Token) -> EventActor | None:
        for start, end, speaker in self.quotes:
            if start <= tok.idx < end:
                return speaker
        return None


def event_actor(mention: Mention) -> EventActor:
    return EventActor(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        actor_id=mention.actor_id,
        name=mention.name,
        code=mention.code,
        country=mention.country,
        sector=mention.sector,
    )


def names_kind_only(tok: Token, actors: DocActors) -> bool:
    """ "a military strike", "a terrorist attack": an adjective on a noun that is an actor
    mention on its own, with a country the actors stage took from the context (a role word:
    "military", "terrorist"), says what kind of act or doer it is, not who did it. Unlike
    "an Israeli strike" or "the Chinese military crackdown", whose words name the state,
    such a word names no one the sentence reports acting: the noun is an act with no doer
    named, coded only when it is specific (:func:`detente.events.nominal._specific`)."""
    if tok.dep_ != "amod":
        return False
    number = actors.by_token[tok.i]
    if number == -1 or len(actors.spans[number]) != 1:
        return False
    rules = actors.mentions[number].resolved_by.split("+")[1:]
    return any(rule in CONTEXT_RULES for rule in rules)


def pattern_words(pattern: Pattern | None) -> frozenset[str]:
    """The head words a verb pattern names on its object side ("- * &WEAPON [194]":
    bomb, missile ...; "- * DIPLOMAT [161]": diplomat). The coder keeps only those of the
    instrument synsets (instrument_synsets.txt) as the things no target is headed by: the
    people a pattern names ("expelled diplomats", "received the ambassador") stay targets."""
    if pattern is None:
        return frozenset()
    return frozenset(alt[-1] for slot in pattern.post for alt in slot if alt)


def names_thing(actor: EventActor, doc: Doc, things: frozenset[str]) -> bool:
    """ "Russian jets dropped bombs on Gondor" (``- * &WEAPON [194]``): the actor's
    mention is headed by an instrument the verb's pattern names (``things``): what the
    act is done with, which the pattern's code already says, not someone it is done to,
    whatever the actors stage made of the word."""
    if not things or actor.end <= actor.start:
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.lower_ in things or head.lemma_.lower() in things


# entity labels of a time: "blockade Paris from Monday night" moves nothing out of anywhere
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def origin_objects(verb: Token, origins: frozenset[str]) -> list[Token]:
    """The objects of the verb's phrases of the place or body it moves something out of
    ("pulled the United States out of [the TPP]", "withdrew Britain from [the treaty]";
    ``origins``: from, out of). Not those of an act kept from happening ("banned Muslims
    from entering", "prevented civilians from leaving": a clause) nor a time ("blockade
    Paris from Monday night")."""
    preps = []
    for child in verb.children:
        if child.dep_ not in ("prep", "prt", "advmod"):
            continue
        if child.lower_ in origins:
            preps.append(child)
        preps += [
            prep
            for prep in child.children
            if prep.dep_ == "prep" and f"{child.lower_} {prep.lower_}" in origins
        ]
    return [
        pobj
        for prep in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL_POS and pobj.ent_type_ not in TIME_ENTITIES
    ]


def same_side_moved(target: EventActor, source: EventActor, moved: list[Token]) -> bool:
    """``target`` is the doer's own state or government, inside an object the verb moves out
    of somewhere (:func:`origin_objects`): what the doer takes out with it, its own side, not
    whom it acts on. "Trump pulled the United States out of the TPP" withdraws the US from the
    TPP, it does nothing to the US; "withdrew Britain from the treaty" likewise. The place
    or party left is the target, when it is an actor."""
    return (
        bool(target.country)
        and target.country == source.country
        and (target.sector or "GOV") == "GOV"
        and any(inside_phrase(obj, target.start, target.end) for obj in moved)
    )


def same_mention(target: EventActor, source: EventActor) -> bool:
    if target.start == source.start and target.end == source.end:
        return True
    person = bool(target.actor_id) and not target.actor_id.startswith("state:")
    return person and target.actor_id == source.actor_id


def same_entity(target: EventActor, source: EventActor) -> bool:
    """The same mention, or another mention of the very same actor: "Russia withdrew its
    troops" - "its" is Russia, not a target at home (a place, another body of the state or
    its people are other actors)."""
    return same_mention(target, source) or (
        bool(target.actor_id) and target.actor_id == source.actor_id
    )


def own_country(sources: list[EventActor], *, people: bool = False) -> list[EventActor]:
    """The state of the sources' country; ``people``: also for sources that are the
    state's people themselves ("Young Algerians blocked roads" protest against Algeria)."""
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1 or (not people and any(not s.sector for s in sources)):
        return []  # a state acting at home has no "own country" distinct from itself
    (country,) = countries
    source = sources[0]
    return [
        EventActor(
            text=source.text,
            start=source.start,
            end=source.end,
            actor_id=f"state:{country}",
            name=None,
            code=country,
            country=country,
            sector=None,
        )
    ]


def place_actor(place: Mention) -> EventActor:
    """A place as a target stands for its country."""
    return EventActor(
        text=place.text,
        start=place.start,
        end=place.end,
        actor_id=f"state:{place.country}",
        name=place.name,
        code=place.country,
        country=place.country,
        sector=None,
    )


def can_fight(actor: EventActor, armed_sectors: frozenset[str]) -> bool:
    """Can the actor use force: a state (or a place standing for one), an actor of an armed
    sector, a militant group, or one we cannot tell (no sector)."""
    if not actor.sector or (actor.actor_id or "").startswith("state:"):
        return True
    return is_armed(actor, armed_sectors)


def is_armed(actor: EventActor, armed_sectors: frozenset[str]) -> bool:
    """The actor is an armed force: an actor of an armed sector (armed_sectors.txt: troops,
    rebels, police ...) or a militant group. A state or a politician is not."""
    code = actor.code or ""
    if code.startswith("IMG"):
        return True
    return any(code[i : i + 3] in armed_sectors for i in range(3, len(code), 3))


_PEOPLE_TAGS = frozenset({"NNS", "NNPS"})


def is_public(actor: EventActor, doc: Doc, public_sectors: frozenset[str]) -> bool:
    """The actor is the population, not a political actor: civilians, a people, refugees
    (``public_sectors``: "voters", "the Iranian people", "migrants"), or a state or a CAMEO
    region named by its people's plural demonym with no article ("Americans", "many
    Iranians", "a majority of Americans", "3,000 Europeans and other Westerners"; "the
    Americans", the diplomats' shorthand for a government, is the state)."""
    if actor.sector:
        return actor.sector in public_sectors
    # a bare code: the state's own, or a region's (no country: "EUR", "WST")
    if not actor.code or actor.code != (actor.country or actor.code) or actor.end <= actor.start:
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return (
        head.tag_ in _PEOPLE_TAGS
        and head.ent_type_ == "NORP"
        and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def unarmed_sense(
    word: str, quad_class: int | None, actors: Iterable[EventActor], words: ClauseWords
) -> str | None:
    """The other sense of a word of violence (unarmed_senses.tsv) when nobody in the act can
    fight: "Kudlow tore into Trudeau", "Trump's attack on Pelosi" criticize (111). ``""``
    when the act is violent, nobody can fight and the word has no other sense ("the battle
    between Apple and the FBI" is no fight); None when the act stays as coded."""
    if quad_class != 4 or any(can_fight(actor, words.armed_sectors) for actor in actors):
        return None
    return words.unarmed_senses.get(word, "")


# CAMEO roots of physical force (assault, fight, mass violence): acts done to physical things
FORCE_ROOTS = ("18", "19", "20")


def abstract_thing(
    thing: Token | None,
    sources: Iterable[EventActor],
    words: ClauseWords,
    actors: DocActors,
) -> bool:
    """Force at ``thing`` is words: it heads an abstract phrase (abstract_nouns.txt: "the
    cost", "the plan") or names an economic measure (economic_measures.tsv: "attacked the
    tariffs"), is no actor or place mention, and no doer is an armed force ("troops
    attacked the plan" keeps its force: is_armed)."""
    return (
        thing is not None
        and (
            thing.lemma_.lower() in words.abstract_nouns
            or thing.lemma_.lower() in words.economic_measures
        )
        and not actors.is_mention(thing)
        and not any(is_armed(source, words.armed_sectors) for source in sources)
    )


def unarmed_word_sense(verb: Token, thing: Token, words: ClauseWords, verb_word: str) -> str | None:
    """The other sense of a word of violence aimed at an abstract ``thing`` (unarmed_senses.tsv):
    the verb's own ("hammered the plan": 111), else that of the event noun the thing is
    the object of ("launched an attack on the cost": "attack", 111); None when neither has
    one."""
    other = words.unarmed_senses.get(verb_word) or words.unarmed_senses.get(verb.lemma_.lower())
    if other:
        return other
    if thing.dep_ == "pobj" and thing.head.dep_ == "prep":
        return words.unarmed_senses.get(thing.head.head.lemma_.lower())
    return None


def actor_key(actor: EventActor | None) -> str | None:
    """What makes two event actors the same; None for "no actor" (an untargeted event)."""
    if actor is None:
        return None
    return actor.actor_id or actor.code or actor.country or actor.text.lower()


def same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return actor_key(a) == actor_key(b)


def same_side(target: EventActor, source: EventActor) -> bool:
    """A target that is the source itself, or the bare state of a source from that state
    ("Trump emphasized the U.S. commitment ..." does not target the U.S.; "Japan said ...
    the Japanese government" is Japan itself). A country without a sector stands for the
    state only on a mention of the state: a person or group the actors stage could place
    only in a country ("Jackson", coded GBR; "a Japanese official", JPN) is someone of that
    state, another side than its government or its other people."""
    if same_actor(target, source):
        return True
    if target.country and target.country == source.country:
        return (not target.sector and is_state(target)) or (not source.sector and is_state(source))
    return False


def is_state(actor: EventActor) -> bool:
    """A mention of a state as a whole (or one we cannot tell from it: no actor id), not of
    a person or group of it."""
    return not actor.actor_id or actor.actor_id.startswith("state:")


def shares_voice(verb: Token) -> bool:
    """A bare participle joined to a passive verb ("were injured or killed"): passive too,
    with the same subject acted on (unlike "has been indicted and will resign")."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.i != verb.i
        and is_passive(head)
        and is_bare_verb(verb)
    )


class Participants:
    """Finds the sources and targets of verbs in the parse (one per coder)."""

    def __init__(self, words: ClauseWords) -> None:
        self.words = words

    # ---- noun phrases

    def actors_of(
        self,
        head: Token,
        actors: DocActors,
        *,
        deep: bool = False,
        modifiers: bool = True,
        places: bool = False,
    ) -> list[EventActor]:
        """The actors a noun phrase names: its head (and conjuncts), else a modifier's actor.

        ``deep`` adds every actor inside the phrase ("the security of Japan"), in text order.
        """
        found: list[EventActor] = []
        for tok in coordinated(head):
            actor = self.actor_at(tok, actors, modifiers=modifiers, places=places)
            if actor is None:
                continue
            for one in (actor, *actors.partners_at(tok)):
                if not any(same_actor(one, f) for f in found):
                    found.append(one)
        if not found:
            for example in example_heads(head, self.words.example_prepositions):
                found += self.actors_of(example, actors, modifiers=modifiers, places=places)
        if deep:
            for tok in clause_tokens(head):
                actor = self.actor_at(tok, actors, modifiers=False)
                if actor is not None and not any(same_actor(actor, f) for f in found):
                    found.append(actor)
        return found

    def actor_at(
        self, tok: Token, actors: DocActors, *, modifiers: bool = True, places: bool = False
    ) -> EventActor | None:
        """The actor a word names, or (``modifiers``) whose the word is: "Soldiers from
        Gondor", "Japan's navy", "Japanese officials"; with ``places``, the people of a
        place act for its country ("opposition groups in Zimbabwe")."""
        number = actors.by_token[tok.i]
        if number != -1:
            return event_actor(actors.mentions[number])
        if tok.lower_ in self.words.first_person:
            return actors.quote_speaker(tok)
        if not modifiers:
            return None
        for child in tok.children:
            if child.dep_ in NOUN_MODIFIER_DEPS:
                number = actors.by_token[child.i]
                if number != -1:
                    return event_actor(actors.mentions[number])
            elif child.dep_ == "prep" and child.lower_ in self.words.modifier_prepositions:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if actors.by_token[pobj.i] != -1:
                        return event_actor(actors.mentions[actors.by_token[pobj.i]])
                    place = actors.place_by_token.get(pobj.i) if places else None
                    if place is not None and tok.pos_ in NOMINAL_POS:
                        return place_actor(place)
        return None

    # ---- sources

    def sources(
        self, verb: Token, actors: DocActors, depth: int = 0
    ) -> tuple[list[EventActor], bool]:
        """Actors doing ``verb``; second value True when inherited from a governing clause."""
        agent = passive_agent(verb)
        if agent is not None:
            return self.actors_of(agent, actors), False
        subject = verb_subject(verb)
        if subject is not None and subject.dep_ != "nsubjpass":
            return self._nearest_subject_sources(verb, actors, depth)
        if subject is not None or is_passive(verb):  # passive without agent: no source
            return [], False
        if depth > 3:
            return [], False
        return self._governor_sources(verb, actors, depth)

    def patient(self, verb: Token, actors: DocActors) -> list[EventActor]:
        """The actors a passive verb's subject names. A relative pronoun's are its
        antecedent's when the relative clause adds a fact ("the men, who were arrested on
        their return"), not when it only says which ones ("soldiers who were injured could
        not receive ...": the act is presupposed background, named to identify them)."""
        subject = passive_subject(verb)
        if subject is None:
            return []
        if subject.lower_ in self.words.relatives:
            before = subject.doc[subject.i - 1] if subject.i > 0 else None
            adds_a_fact = before is not None and before.text == ","
            if verb.dep_ == "relcl" and adds_a_fact:
                return self.actors_of(verb.head, actors)
            return []
        return self.actors_of(subject, actors)

    def _subject_sources(
        self, verb: Token, subject: Token, actors: DocActors, depth: int
    ) -> tuple[list[EventActor], bool]:
        if subject.lower_ in self.words.relatives and verb.dep_ == "relcl":
            return self.actors_of(verb.head, actors), True
        found = self.actors_of(subject, actors, places=True)
        if not found and subject.lower_ in self.words.anaphors and verb.dep_ in ("ccomp", "conj"):
            # "Syria says it will not accept ...": the pronoun is the governor's subject
            governor = verb.head
            if governor.i != verb.i and governor.pos_ in VERBAL_POS and depth < 3:
                return self.sources(governor, actors, depth + 1)[0], True
        return found, False

    def _nearest_subject_sources(
        self, verb: Token, actors: DocActors, depth: int
    ) -> tuple[list[EventActor], bool]:
        """A verb has one subject; when the parser hangs two on it, the nearer is its own and
        the farther a fragment glued on (a headline run into the first sentence: "Middle
        East infobox ... President George Bush has arrived", "thanks Fox reporter ... The
        State Department's top spokesman offered"). The nearest that names an actor, then,
        since the nearer may be the fragment of a word split in two ("Mr Campbell's e - mail
        ... suggested"), another that does."""
        subjects = [c for c in verb.children if c.dep_ in CLAUSAL_SUBJECT_DEPS]
        subjects.sort(key=lambda child: abs(child.i - verb.i))
        nearest = self._subject_sources(verb, subjects[0], actors, depth)
        if nearest[0]:
            return nearest
        for subject in subjects[1:]:
            if subject.dep_ != "nsubjpass":
                found = self._subject_sources(verb, subject, actors, depth)
                if found[0]:
                    return found
        return nearest

    def _attempt_sources(self, verb: Token, actors: DocActors, depth: int) -> list[EventActor]:
        """ "continued her efforts to broker a truce": the act tried is done by who makes
        the effort: the one the noun's own doer phrase names ("stepped up efforts by the
        rebels to seize"; its possessor, "Japan's efforts", is the noun's actor, found
        before this), else the doer of the verb whose object the noun of trying is
        (``clauses.attempt_clause``)."""
        attempt = attempt_clause(verb, self.words)
        if attempt is None:
            return []
        noun = verb.head
        doers = [
            found
            for _, pobj in prepositional_objects(noun, self.words.doer_prepositions)
            for found in self.actors_of(pobj, actors, places=True)
        ]
        return doers or self.sources(attempt, actors, depth + 1)[0]

    def _governor_sources(
        self, verb: Token, actors: DocActors, depth: int
    ) -> tuple[list[EventActor], bool]:
        """A verb without a subject does what the verb it hangs from does."""
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "Syria is willing to withdraw": the subject of "is"
        patient = passive_subject(head)
        if verb.dep_ == "conj" and patient is not None and not is_passive(verb):
            if shares_voice(verb):
                return [], False  # "were injured or killed": passive too, no agent named
            # "the premier has been indicted by the court and will resign": an active verb
            # joined to a passive one shares its subject, not its agent
            return self.actors_of(patient, actors, places=True), True
        if verb.dep_ == "xcomp" and patient is not None and is_passive(head):
            # "Gollum was seen to break in", "X was asked to leave": the passive's subject
            # is the active's object ("saw Gollum break in"), who does the act
            return self.actors_of(patient, actors, places=True), True
        if verb.dep_ in ("xcomp", "pcomp"):
            # "urged Iran to release", "accused Syria of shelling": the governing verb's
            # object does the act it is urged to or accused of
            governor = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" else head
            if (
                verb.dep_ == "pcomp"
                and governor.pos_ == "ADJ"
                and governor.dep_ == "acomp"
                and head.lower_ in self.words.judged_prepositions
            ):
                # "the U.S. was irresponsible in accusing Beijing": the subject of the
                # predicate adjective's verb did the act it judges ("capable of", "intent
                # on" speak of acts not done)
                governor = governor.head
            if governor.pos_ in VERBAL_POS and governor.i != verb.i:
                for child in governor.children:
                    if child.dep_ in ("dobj", "dative"):
                        found = self.actors_of(child, actors, places=True)
                        if found:
                            return found, True
                if verb.dep_ == "pcomp":
                    return self.sources(governor, actors, depth + 1)[0], True
        if (
            verb.dep_ in ("xcomp", "conj", "advcl", "ccomp")
            and head.i != verb.i
            and head.pos_ in VERBAL_POS
        ):
            return self.sources(head, actors, depth + 1)[0], True
        if verb.dep_ in ("acl", "relcl") and head.i != verb.i:
            found = self.actors_of(head, actors)
            if not found and head.dep_ == "attr" and head.head.pos_ in VERBAL_POS:
                found = self.sources(head.head, actors, depth + 1)[0]
            return found or self._attempt_sources(verb, actors, depth), True
        return [], False

    # ---- targets

    def targets(
        self,
        verb: Token,
        actors: DocActors,
        sources: list[EventActor],
        depth: int = 0,
        *,
        place_targets: bool = False,
        domestic: bool = False,
        things: frozenset[str] = frozenset(),
        forces: frozenset[str] = frozenset(),
    ) -> tuple[list[EventActor], bool, bool]:
        """Actors ``verb`` is done to; then True for "each other"; then True when the
        target was found only deep inside a phrase (less certain).

        Candidates are tried in order; the first with an actor other than the source wins.
        A phrase's head actor may be of the source's own country ("Sudan's government
        lifted the emergency in Sudan"); an actor only modifying the phrase may not be the
        bare state of the source's country ("Trump emphasized the U.S. commitment to Japan").
        A ``domestic`` act ("Turkey will allow Turkish refugees to return") may target the
        source's own people: only the source itself is excluded, the same mention or another
        of the same actor ("Russia withdrew its troops from Syria": not "its"). A mention
        headed by one of ``things`` (the instruments the verb's pattern names: "dropped
        bombs") is never a target (:func:`names_thing`); nor one of the source's own country
        headed by one of ``forces`` (the armed forces it names: "- * &MILITARY [0874]"):
        its own forces are what the source acts with, not whom it acts on ("Trump withdrew
        US troops from northern Syria", "sent troops to Iraq"; "attacked Syrian troops"
        targets them).
        """
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # "pulled the United States out of the TPP": the objects a verb moves out of somewhere
        # are its doer's side; what they leave is acted on
        left = origin_objects(verb, self.words.origin_prepositions) if objects else []
        moved = objects if left else []
        ranked = self.words.target_prepositions
        # "let loose on Mexico": a predicate word's phrases are the verb's
        holders = [verb, *predicate_words(verb)]
        preps = sorted(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ranked),
            key=lambda p: ranked.index(p.lower_),
        )
        prep_objects = [pobj for prep in preps for pobj in prep.children if pobj.dep_ == "pobj"]
        prep_objects += [pobj for pobj in left if pobj not in prep_objects]
        # a passive subject is acted upon by its agent
        patient = passive_subject(verb) if passive_agent(verb) is not None else None
        candidates, reciprocal = self._phrase_candidates(
            verb, actors, objects, prep_objects, patient
        )
        direct = len(candidates)
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and depth < 2:
                inner = self.targets(
                    child,
                    actors,
                    sources,
                    depth + 1,
                    place_targets=place_targets,
                    domestic=domestic,
                    things=things,
                    forces=forces,
                )
                candidates.append((inner[0], False))
        candidates += self._deep_candidates(actors, objects, prep_objects, patient)
        for number, (group, is_head) in enumerate(candidates):
            if domestic:
                excluded = same_entity
            else:
                excluded = same_actor if is_head else same_side
            kept = [
                t
                for t in group
                if not any(excluded(t, s) for s in sources)
                and not names_thing(t, verb.doc, things)
                and not (
                    any(t.country and t.country == s.country for s in sources)
                    and names_thing(t, verb.doc, forces)
                )
                and not any(same_side_moved(t, s, moved) for s in sources)
            ]
            if kept:
                return kept, reciprocal, number >= direct
        # Last resort, as PETRARCH does: the country of a place the act happens in or is
        # aimed at ("fired shells at Seoul"), unless it is the source's own.
        place = self._place_target(verb, actors, sources, domestic) if place_targets else None
        return ([place], reciprocal, True) if place is not None else ([], reciprocal, False)

    def _phrase_candidates(
        self,
        verb: Token,
        actors: DocActors,
        objects: list[Token],
        prep_objects: list[Token],
        patient: Token | None,
    ) -> tuple[Candidates, bool]:
        """The verb's own phrases, each as its head's actors then its modifiers': a passive
        subject, the objects, the prepositional objects (most likely preposition first), the
        subjects of complement clauses, a relative clause's antecedent. Also whether an
        object is "each other"."""
        candidates: Candidates = []

        def phrase(tok: Token) -> None:
            candidates.append((self.actors_of(tok, actors, modifiers=False), True))
            candidates.append((self.actors_of(tok, actors), False))

        reciprocal = False
        reciprocals = self.words.reciprocals
        if patient is not None:
            phrase(patient)
        for obj in objects:
            if (obj.lower_, obj.head.lower_) in reciprocals or any(
                (c.lower_, obj.lower_) in reciprocals for c in obj.children
            ):
                reciprocal = True
                continue
            phrase(obj)
        for pobj in prep_objects:
            phrase(pobj)
        for child in verb.children:
            if child.dep_ in COMPLEMENT_DEPS:
                subject = verb_subject(child)
                if subject is not None:
                    phrase(subject)
        # A relative clause's object is its antecedent: "islands ... that Japan controls but China claims".
        antecedent = relative_antecedent(verb, self.words.relatives)
        if antecedent is not None:
            phrase(antecedent)
            shares_object = not any(c.dep_ == "dobj" for c in verb.children)
            for other in relative_clauses(antecedent) if shares_object else ():
                if other.i != verb.i:
                    subject = verb_subject(other)
                    if subject is not None:
                        phrase(subject)
        return candidates, reciprocal

    def _deep_candidates(
        self,
        actors: DocActors,
        objects: list[Token],
        prep_objects: list[Token],
        patient: Token | None,
    ) -> Candidates:
        """Actors found only inside the verb's phrases (less certain)."""
        candidates: Candidates = []
        for obj in objects:
            # "welcomed memos sent by Bree": the agent of a participle on the object
            for acl in (c for c in obj.children if c.dep_ == "acl"):
                agent = passive_agent(acl)
                if agent is not None:
                    candidates.append((self.actors_of(agent, actors), False))
        if patient is not None:
            # "a camp for Congolese refugees was attacked by ...": inside the patient
            candidates.append((self.actors_of(patient, actors, deep=True), False))
        for obj in objects:
            candidates.append((self.actors_of(obj, actors, deep=True), False))
        for pobj in prep_objects:
            candidates.append((self.actors_of(pobj, actors, deep=True), False))
        return candidates

    def host_place(
        self, verb: Token, actors: DocActors, sources: list[EventActor]
    ) -> EventActor | None:
        """The place of another country than the sources' where the verb's clause puts
        its act ("is in South Africa on an official visit"), as the actor of its country."""
        return self._place_target(verb, actors, sources, False)

    def _place_target(
        self, verb: Token, actors: DocActors, sources: list[EventActor], domestic: bool
    ) -> EventActor | None:
        for tok in place_scope(verb):
            place = actors.place_by_token.get(tok.i)
            if place is None:
                continue
            if tok.head.dep_ == "prep" and tok.head.lower_ not in self.words.place_prepositions:
                continue  # "for Juba", "despite ..." do not name where the act lands
            if tok.dep_ in ("attr", "oprd", "npadvmod"):
                continue  # "calls them the Northern Territories": a name, not a target
            target = place_actor(place)
            if not any(same_side(target, s) for s in sources) or domestic:
                return target
        return None

    def marked(
        self,
        verb: Token,
        word: str,
        actors: DocActors,
        sources: list[EventActor],
        *,
        skips: int = 0,
    ) -> list[EventActor]:
        """The actors of the object of ``word`` in the verb's clause (or, when the parser
        hangs that phrase elsewhere, of the phrase right after the word: "received money
        from Osgiliath" with "from" on the verb): a pattern's marked source or target.
        ``skips``: the noun phrases the pattern skips after the word first ("AT ^ ^ +")."""
        clause = clause_tokens(verb, include_xcomp=True, skip_dates=True)
        for number, tok in enumerate(clause):
            if tok.lower_ != word or tok.i <= verb.i:
                continue
            if skips:
                heads = phrase_heads(clause[number + 1 :])
                objects = heads[skips : skips + 1]
            else:
                objects = [c for c in tok.children if c.dep_ in ("pobj", "dobj")]
            if not objects:
                # "money from Osgiliath": the object of the word's own preposition
                objects = [pobj for _prep, pobj in prepositional_objects(tok)]
            if not objects and tok.dep_ == "prt":
                # "broke in an anti-Gondor parade", parsed as the particle of "broke": the
                # phrase after it is the verb's object
                objects = [c for c in tok.head.children if c.dep_ == "dobj" and c.i > tok.i]
            if not objects:
                following = clause[number + 1 : number + 4]
                nxt = next((t for t in following if t.pos_ not in ("ADP", "DET")), None)
                if nxt is not None and nxt.i - tok.i <= 3:
                    objects = [nxt]
            for pobj in objects:
                found = self.actors_of(pobj, actors) or self._marked_places(pobj, actors)
                found = [t for t in found if not any(same_actor(t, s) for s in sources)]
                if found:
                    return found
        return []

    @staticmethod
    def _marked_places(head: Token, actors: DocActors) -> list[EventActor]:
        """The places a marked phrase names ("- + WAS * DEAD IN $": "shot dead in
        Osgiliath"): where the pattern says an actor is, a place acts for its country."""
        found: list[EventActor] = []
        for tok in coordinated(head):
            place = actors.place_by_token.get(tok.i)
            if place is not None and place.country:
                found.append(place_actor(place))
        return found


# the dependents that belong to another word's noun phrase rather than head one of their own
IN_PHRASE_DEPS = frozenset({"compound", "nmod", "poss", "amod", "nummod", "conj", "appos", "det"})


def phrase_heads(tokens: list[Token]) -> list[Token]:
    """The heads of the noun phrases among ``tokens``, in text order: PETRARCH's ``^``
    skips one of them ("at [Osgiliath] with [the parliament] of [Gondor]")."""
    return [t for t in tokens if t.pos_ in NOMINAL_POS and t.dep_ not in IN_PHRASE_DEPS]


def example_heads(noun: Token, example_prepositions: frozenset[str]) -> list[Token]:
    """ "some nations including India and Britain have suspended aid", "countries such as
    Chad": a plural common noun that names no actor itself stands for the examples its
    "including" / "such as" phrase lists, which are what it is (the places stage reads the
    same lists, ``places.resolve.list_anchor``). The heads of those examples."""
    if noun.pos_ != "NOUN" or noun.tag_ not in PLURAL_TAGS:
        return []
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in example_prepositions
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
