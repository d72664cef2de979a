"""Code who did what to whom from spaCy's dependency parse and the verb lexicon.

For each verb (and each event noun) in a sentence: find the source among the actors of its
subject (or the agent of a passive verb, or the subject it inherits as an infinitive,
conjunct or participle), the target among the actors of its object, prepositional objects
or complement subject, pick the CAMEO code from the most specific lexicon pattern that
matches the words of its clause, then adjust for negation, intention/hope, demands,
reported speech and paired/reciprocal codes. Actors come only from ``doc._.mentions``
(and quote speakers for "we" inside quotes); nothing here re-reads the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from detente.events import dates
from detente.events.lexicon import (
    CodeSpec,
    Pattern,
    Slot,
    VerbEntry,
    VerbLexicon,
)
from detente.knowledge import Knowledge
from detente.knowledge.events import ClauseWords
from detente.nlp.extensions import get_list
from detente.nlp.syntax import pruned_subtree
from detente.records import Event, EventActor, Mention, Quote, TextSpan

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_OBJECT_DEPS = ("dobj", "dative", "iobj")
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
# Clauses that are acts of their own (an "acl" participle still says where the act lands).
_PLACE_SCOPE_STOP_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl"})
_VERBAL_POS = ("VERB", "AUX")
# Roles an actor noun's modifiers can play: "Soldiers from Gondor", "Japan's navy", "U.S. officials".
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})


# ---------------------------------------------------------------- pattern index


@dataclass(slots=True)
class _BlockIndex:
    """A block's patterns by one word they require, so a verb checks only plausible ones."""

    by_word: dict[str, list[int]] = field(default_factory=dict)
    always: list[int] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # every word any pattern names


def _first_words(slot: Slot) -> set[str]:
    return {alt[0] for alt in slot}


class PatternMatcher:
    def __init__(self, lexicon: VerbLexicon) -> None:
        self.lexicon = lexicon
        self.indexes: dict[str, _BlockIndex] = {}
        for name, block in lexicon.blocks.items():
            index = _BlockIndex()
            for number, pattern in enumerate(block.patterns):
                for slot in (*pattern.pre, *pattern.post):
                    for alt in slot:
                        index.vocabulary.update(alt)
                slots = pattern.post or pattern.pre
                if not slots:
                    index.always.append(number)
                    continue
                # Index on the slot with the fewest alternatives: the rarest requirement.
                key_slot = min(slots, key=len)
                for word in _first_words(key_slot):
                    index.by_word.setdefault(word, []).append(number)
            self.indexes[name] = index

    def best(
        self,
        block_name: str,
        pre: list[Token],
        post: list[Token],
        verb: str = "",
        *,
        siblings: bool = True,
    ) -> Pattern | None:
        """The most specific pattern of the block matching the clause's words.

        A pattern written for one verb of the block ("- * TO [030] # HEAD") is first
        tried for that verb (``verb``: the entry's main phrase) only; the patterns of the
        block's other verbs win over those only when more specific, and only for
        ``siblings`` (verbs sharing the block's sense — a verb with a code of its own,
        like ORDER [100] under OVERSEE, does not)."""
        block = self.lexicon.blocks.get(block_name)
        index = self.indexes.get(block_name)
        if block is None or index is None or not block.patterns:
            return None
        pre_words = _pattern_words(pre, index.vocabulary)
        post_words = _pattern_words(post, index.vocabulary)
        candidates: set[int] = set(index.always)
        for pair in (*pre_words, *post_words):
            for word in pair:
                hits = index.by_word.get(word)
                if hits:
                    candidates.update(hits)
        own: Pattern | None = None  # the verb's own (or the block's general) patterns
        other: Pattern | None = None  # those written for the block's other verbs
        for number in sorted(candidates):
            pattern = block.patterns[number]
            mine = not pattern.verbs or not verb or verb in pattern.verbs
            if not mine and not siblings:
                continue
            best = own if mine else other
            if best is not None and pattern.size <= best.size:
                continue
            if not mine and own is not None and pattern.size <= own.size:
                continue
            if _match_slots(pattern.post, post_words) and _match_slots(pattern.pre, pre_words):
                if mine:
                    own = pattern
                else:
                    other = pattern
        if other is not None and (own is None or other.size > own.size):
            return other
        return own


_GAP: tuple[str, ...] = ()  # stands for a run of words no pattern of the block names


def _pattern_words(tokens: list[Token], vocabulary: set[str]) -> list[tuple[str, ...]]:
    """(lowercase form, lemma) per token, with each run of words that no pattern of the
    block names collapsed into one gap: the match is the same (a gap matches no pattern
    word and still separates words a multiword alternative needs adjacent), the list
    is much shorter."""
    out: list[tuple[str, ...]] = []
    for tok in tokens:
        lower = tok.lower_
        lemma = tok.lemma_.lower()
        if lower in vocabulary or lemma in vocabulary:
            out.append((lower, lemma))
        elif not out or out[-1] is not _GAP:
            out.append(_GAP)
    return out


def _match_slots(slots: tuple[Slot, ...], words: list[tuple[str, ...]]) -> bool:
    """Every slot matches, in order, with any words between them. ``words`` are
    (lowercase form, lemma) pairs; a pattern word matches either."""
    pos = 0
    size = len(words)
    for slot in slots:
        found = False
        while pos < size and not found:
            for alt in slot:
                end = pos + len(alt)
                if end <= size and all(w in words[pos + k] for k, w in enumerate(alt)):
                    pos = end
                    found = True
                    break
            else:
                pos += 1
        if not found:
            return False
    return True


# ---------------------------------------------------------------- per-document state


@dataclass(slots=True)
class _DocActors:
    """Actor lookups for one document, built once in linear time."""

    by_token: list[int]  # token index -> mention index or -1
    mentions: list[Mention]
    place_by_token: dict[int, Mention]  # places with a country: last-resort targets
    spans: list[Span]
    quotes: list[tuple[int, int, EventActor]]  # quote char range -> speaker

    @classmethod
    def build(cls, doc: Doc) -> _DocActors:
        by_token = [-1] * len(doc)
        kept: list[Mention] = []
        spans: list[Span] = []
        by_start: dict[int, int] = {}
        places: dict[int, Mention] = {}
        for mention in get_list(doc, "mentions"):
            if not (mention.code or mention.country):
                continue  # an actor we cannot code cannot be a source or target
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
            for tok in span:
                if by_token[tok.i] == -1:
                    by_token[tok.i] = number
        actors = cls(by_token, kept, places, spans, [])
        for quote in get_list(doc, "quotes"):
            speaker = actors._speaker(quote, by_start)
            if speaker is not None:
                actors.quotes.append((quote.start, quote.end, speaker))
        return actors

    def _speaker(self, quote: Quote, by_start: dict[int, int]) -> EventActor | None:
        if quote.speaker_start is not None and quote.speaker_start in by_start:
            return _event_actor(self.mentions[by_start[quote.speaker_start]])
        if quote.speaker_start is not None and quote.speaker_end is not None:
            for mention in self.mentions:
                if mention.start < quote.speaker_end and quote.speaker_start < mention.end:
                    return _event_actor(mention)
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

    def quote_speaker(self, tok: Token) -> EventActor | None:
        for start, end, speaker in self.quotes:
            if start <= tok.idx < end:
                return speaker
        return None


def _event_actor(mention: Mention) -> EventActor:
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


def _same_mention(target: EventActor, source: EventActor) -> bool:
    if target.start == source.start and target.end == source.end:
        return True
    person = bool(target.actor_id) and not target.actor_id.startswith("state:")
    return person and target.actor_id == source.actor_id


def _own_country(sources: list[EventActor], *, people: bool = False) -> list[EventActor]:
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


def _place_actor(place: Mention) -> EventActor:
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


def _actor_key(actor: EventActor | None) -> str | None:
    """What makes two event actors the same; None for "no actor" (an untargeted event)."""
    if actor is None:
        return None
    return actor.actor_id or actor.code or actor.country or actor.text.lower()


def _same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return _actor_key(a) == _actor_key(b)


def _same_side(target: EventActor, source: EventActor) -> bool:
    """A target that is the source itself, or the bare state of a source from that state
    ("Trump emphasized the U.S. commitment ..." does not target the U.S.)."""
    if _same_actor(target, source):
        return True
    if target.country and target.country == source.country:
        return not target.sector or not source.sector
    return False


# ---------------------------------------------------------------- the coder


@dataclass(slots=True)
class _Coded:
    trigger: Token
    clause_verb: Token
    sources: list[EventActor]
    targets: list[EventActor]
    code: CodeSpec
    rule: str
    negated: bool
    modality: str
    confidence: float
    reciprocal: bool = False


class EventCoder:
    """Codes the events of a parsed ``Doc``. Build once per process; call per document."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.lexicon: VerbLexicon = knowledge.verbs
        self.matcher = PatternMatcher(self.lexicon)
        self.words: ClauseWords = knowledge.clause_words
        self.cameo = knowledge.cameo
        self.date_words = knowledge.date_words
        # (form, lemma, tag) -> the lexicon's word: the same few thousand verb forms recur
        self._word_cache: dict[tuple[str, str, str], str] = {}

    # ---- public

    def code_doc(self, doc: Doc) -> list[Event]:
        actors = _DocActors.build(doc)
        if not actors.mentions and not actors.quotes:
            return []
        events: list[Event] = []
        by_token = actors.by_token
        for sent in doc.sents:
            if max(by_token[sent.start : sent.end], default=-1) == -1 and not any(
                start < sent.end_char and sent.start_char < end for start, end, _ in actors.quotes
            ):
                continue  # no actor and no quoted speaker: nobody to code
            events.extend(self.code_sentence(doc, sent, actors))
        return events

    def code_sentence(self, doc: Doc, sent: Span, actors: _DocActors) -> list[Event]:
        consumed: set[int] = set()  # embedded verbs already coded through their governor
        coded: list[_Coded] = []
        for tok in sent:
            if tok.i in consumed:
                continue
            pos = tok.pos  # the integer: cheaper than the string on every token
            if pos == VERB or (pos == AUX and tok.dep_ == "ROOT" and tok.lemma_ != "be"):
                if not self._may_code(tok):
                    continue
                result = self._code_verb(tok, actors, consumed)
            elif (pos == NOUN or pos == PROPN) and tok.lemma_.lower() in self.words.nominals:
                result = self._code_nominal(tok, actors, consumed)
            else:
                continue
            if result is not None:
                coded.append(result)
        return self._to_events(doc, sent, coded)

    # ---- verbs

    def _may_code(self, verb: Token) -> bool:
        """Cheap first test: a verb the lexicon does not know, with no clause-word role,
        can only be coded as an obligation ("Sudan must return ...")."""
        word = self._verb_word(verb)
        if word in self.lexicon.verbs or word in self.words.roles:
            return True
        if verb.lower_ in self.lexicon.verbs:
            return True
        return _obliged(verb, self.words)

    def _verb_word(self, verb: Token) -> str:
        """The lexicon's word for ``verb``: its lemma, its form, or a stem of its form
        (the lemmatizer makes "hopes" into "hop")."""
        key = (verb.lower_, verb.lemma_, verb.tag_)
        found = self._word_cache.get(key)
        if found is None:
            found = next(
                (w for w in _verb_keys(verb) if w in self.lexicon.verbs or w in self.words.roles),
                verb.lemma_.lower(),
            )
            self._word_cache[key] = found
        return found

    def _verb_entry(self, verb: Token) -> VerbEntry | None:
        best: VerbEntry | None = None
        # The written form first: a dictionary that lists a form apart from its lemma
        # ("LEFT [032:033]" vs "LEAVE [012]") means that form; ties keep the first found.
        lemma_word = self._verb_word(verb)
        for word in (verb.lower_,) if lemma_word == verb.lower_ else (verb.lower_, lemma_word):
            for entry in self.lexicon.entries(word):
                if not _multiword_matches(entry, verb):
                    continue
                # the most specific entry; on a tie, one with a code of its own
                size = (len(entry.before) + len(entry.after), entry.code is not None)
                if best is None or size > (
                    len(best.before) + len(best.after),
                    best.code is not None,
                ):
                    best = entry
        return best

    def _code_of(
        self, verb: Token, entry: VerbEntry, subject: Token | None
    ) -> tuple[CodeSpec, str, float, Pattern | None]:
        """The verb's code, the rule that gave it, its confidence and the pattern matched."""
        pre = _clause_tokens(subject) if subject is not None else []
        pre += [t for t in verb.lefts if t.dep_ not in _SUBJECT_DEPS and t.dep_ not in _CLAUSE_DEPS]
        pre.sort(key=lambda t: t.i)
        post = [
            t for t in _clause_tokens(verb, include_xcomp=True, skip_dates=True) if t.i > verb.i
        ]
        pattern = self.matcher.best(entry.block, pre, post, entry.base, siblings=entry.code is None)
        if pattern is not None:
            return pattern.code, f"{pattern.text} ({pattern.origin})", 0.9, pattern
        block = self.lexicon.blocks.get(entry.block)
        if entry.code is not None:
            return (
                entry.code,
                f"{entry.word} [{_spec_text(entry.code)}] ({entry.origin})",
                0.75,
                None,
            )
        if block is not None and block.code is not None:
            return (
                block.code,
                f"--- {block.name} [{_spec_text(block.code)}] --- ({entry.origin})",
                0.7,
                None,
            )
        return CodeSpec(None), "", 0.0, None

    def _code_verb(self, verb: Token, actors: _DocActors, consumed: set[int]) -> _Coded | None:
        if _is_unasserted_infinitive(verb, actors, self.words):
            return None
        role = self.words.roles.get(self._verb_word(verb))
        if role == "speech" and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return None  # attribution: "X did Y, officials said" codes X, not the officials
        embedded_coded = False
        if role in ("intent", "hope", "refuse"):
            embedded = next(
                (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None
            )
            if embedded is not None:
                result, embedded_coded = self._code_intent(verb, embedded, actors, role, consumed)
                if result is not None:
                    return result
        entry = self._verb_entry(verb)
        obligation = _obliged(verb, self.words)
        if entry is None and not obligation:
            return None
        patient: list[EventActor] = []  # a passive subject, for "- + * FROM $" patterns
        if not obligation:
            # most verbs have no actor doing them: find that out before matching patterns
            sources, inherited = self._sources(verb, actors)
            if not sources:
                passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if passive_subject is not None:
                    patient = self._actors_of(passive_subject, actors)
                if not patient:
                    return None
        subject = _subject_token(verb)
        if entry is None:
            code, rule, confidence, pattern = CodeSpec(None), "", 0.8, None
        else:
            code, rule, confidence, pattern = self._code_of(verb, entry, subject)
        if obligation:
            # "Russia said Sudan must return the helicopter": whatever the act, a demand
            return self._code_obligation(verb, code, rule, confidence, actors)
        if pattern is not None and pattern.target_subject and pattern.source_after:
            # "- + * FROM $ [066]": "Ithilen's guard was freed from Mordor", "Eriador
            # received money from Osgiliath": the subject side is the target, the object
            # of the marked word the source
            marked = self._marked_target(verb, pattern.source_after, actors, [])
            subject_side = sources or patient
            if marked and subject_side:
                sources = marked
                forced_targets = [
                    t for t in subject_side if not any(_same_actor(t, s) for s in marked)
                ]
            else:
                forced_targets = []
        else:
            forced_targets = []
        if not obligation and not sources:
            return None
        if code.is_null:
            return None
        policy = self.cameo.policy(code.forward)
        if embedded_coded and not policy.coded_alone:
            return None  # "I want to stress ...": the act has no intent code; "want" alone says nothing
        targets, reciprocal, deep = self._targets(
            verb,
            actors,
            sources,
            place_targets=policy.place_target,
            domestic=policy.domestic != "no",
        )
        if forced_targets:
            targets, deep = forced_targets, False
        elif pattern is not None and pattern.target_after:
            # "- * THEIR ^ ABOUT + [162]": the pattern says where the target is
            marked = self._marked_target(verb, pattern.target_after, actors, sources)
            if marked:
                targets, deep = marked, False
        if pattern is not None and pattern.compound and len(sources) > 1 and not targets:
            reciprocal = True  # "- % HAVE * [191]": "Gondor and Osgiliath have delayed ..."
        if confidence < 0.75 and self._has_event_object(verb, actors):
            # "issued a stern reminder to Iraq": a verb coded only by its block's default
            # (GRANT [060]) says less than its event noun, which codes the act
            return None
        if not targets and not reciprocal:
            if confidence < 0.9 and _has_unmatched_object(verb):
                # A default-coded verb whose object is neither an actor nor in a pattern
                # ("took steps", "called the alliance a cornerstone"): its sense is unknown.
                return None
            if policy.needs_target == "always" or (
                confidence < 0.9 and len(sources) < 2 and policy.needs_target == "default"
            ):
                return None
            if policy.domestic != "no":
                targets = _own_country(sources, people=policy.domestic == "people")
                deep = True
        if role in ("intent", "hope") and confidence < 0.9 and _embedded_subject(verb) is not None:
            # "doesn't want Russia and China creating a bloc": a wish about another's act,
            # whose act we could not code; the verb's own default (030) would mislead.
            return None
        if role in ("demand", "refuse"):
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    consumed.update(t.i for t in child.subtree if t.pos_ == "VERB")
        modality = "asserted"
        if self._is_intended(verb) and code.forward:
            # "will give aid", "is willing to withdraw": a commitment, not the act (03x / 13x)
            intent = self.words.intent_code(code.forward)
            if intent is not None:
                code, rule, modality = (
                    CodeSpec(intent),
                    f"intent (future/willing): {rule}",
                    "intended",
                )
        if modality != "asserted":
            pass
        elif self.cameo.policy(code.forward).modality != "asserted":
            modality = self.cameo.policy(code.forward).modality
        elif role in ("intent", "hope") and self.cameo.policy(code.forward).wish:
            modality = "hoped" if role == "hope" else "intended"
        elif _is_reported(verb, self.words.roles) and not _speaker_is_subject(
            verb, actors, self.words
        ):
            modality = "reported"
        return _Coded(
            trigger=verb,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=code,
            rule=rule,
            negated=_is_negated(verb, self.words),
            modality=modality,
            confidence=confidence - (0.1 if inherited else 0.0) - (0.15 if deep else 0.0),
            reciprocal=reciprocal,
        )

    def _marked_target(
        self, verb: Token, word: str, actors: _DocActors, sources: list[EventActor]
    ) -> list[EventActor]:
        """The actors of the object of ``word`` in the verb's clause (or, when the parser
        hangs that phrase elsewhere, of the phrase right after the word: "received money
        from Osgiliath" with "from" on the verb)."""
        clause = _clause_tokens(verb, include_xcomp=True, skip_dates=True)
        for number, tok in enumerate(clause):
            if tok.lower_ != word or tok.i <= verb.i:
                continue
            objects = [c for c in tok.children if c.dep_ in ("pobj", "dobj")]
            if not objects:
                # "money from Osgiliath": the object of the word's own preposition
                objects = [
                    g
                    for c in tok.children
                    if c.dep_ == "prep"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            if not objects:
                following = clause[number + 1 : number + 4]
                nxt = next((t for t in following if t.pos_ not in ("ADP", "DET")), None)
                if nxt is not None and nxt.i - tok.i <= 3:
                    objects = [nxt]
            for pobj in objects:
                found = self._actors_of(pobj, actors)
                found = [t for t in found if not any(_same_actor(t, s) for s in sources)]
                if found:
                    return found
        return []

    def _has_event_object(self, verb: Token, actors: _DocActors) -> bool:
        """An object noun naming an event that codes on its own ("a reminder to Iraq")."""
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in self.words.nominals
            and self._code_nominal(c, actors, set()) is not None
            for c in verb.children
        )

    def _is_intended(self, verb: Token) -> bool:
        if dates.is_future(verb, self.date_words.future_auxiliaries):
            return True
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and head.i != verb.i
            and head.pos_ == "ADJ"
            and self.words.roles.get(head.lemma_.lower()) == "intent"
        )

    def _code_obligation(
        self, verb: Token, act: CodeSpec, rule: str, confidence: float, actors: _DocActors
    ) -> _Coded | None:
        """ "Russia said Sudan must return the helicopter": Russia demands of Sudan (10x)."""
        # "Russia said Sudan must ...", "issued a reminder to Iraq that it must ...": the
        # first verb above the clause is the one whose doer demands.
        clause = verb
        modals = self.words.obligation_modals
        if not _has_modal(verb, modals) and _obliged_through_adjective(verb, modals):
            clause = verb.head.head  # "said the US must be ready to mediate": above "be"
        governor = _governing_verb(clause)
        if governor is None:
            return None
        sources = self._sources(governor, actors)[0]
        targets = self._sources(verb, actors)[0]
        targets = [t for t in targets if not any(_same_actor(t, s) for s in sources)]
        if not sources or not targets:
            return None
        demand = self.words.demand_code(act.forward or "")
        return _Coded(
            trigger=verb,
            clause_verb=verb,
            sources=sources,
            targets=targets,
            code=CodeSpec(demand),
            rule=f"obligation ({governor.lemma_} ... must {verb.lemma_}): {rule}".rstrip(": "),
            negated=_is_negated(governor, self.words),
            modality="demanded",
            confidence=max(confidence, 0.7) - 0.1,
        )

    def _code_intent(
        self, head: Token, embedded: Token, actors: _DocActors, role: str, consumed: set[int]
    ) -> tuple[_Coded | None, bool]:
        """ "wants to improve relations with Russia" -> intent to cooperate (03x).

        The second value says whether the embedded act itself had a code."""
        entry = self._verb_entry(embedded)
        if entry is None:
            return None, False
        sources, inherited = self._sources(head, actors)
        if not sources:
            return None, False
        code, rule, confidence, _ = self._code_of(embedded, entry, _subject_token(head))
        if code.is_null or code.forward is None:
            return None, False
        if role == "refuse":
            intent = self.words.refuse_code(code.forward)
        else:
            intent = self.words.intent_code(code.forward)
        if intent is None:
            # "threatened to deliver blows": a wanted, refused or threatened act was not
            # done, so it is not coded on its own either
            consumed.add(embedded.i)
            return None, True
        targets, reciprocal, deep = self._targets(
            embedded, actors, sources, place_targets=self.cameo.policy(code.forward).place_target
        )
        consumed.add(embedded.i)
        modality = "hoped" if role == "hope" else "intended"
        if self.cameo.policy(intent).act_in_itself:
            modality = "asserted"  # a refusal or a threat is an act of its own
        return (
            _Coded(
                trigger=head,
                clause_verb=embedded,
                sources=sources,
                targets=targets,
                code=CodeSpec(intent),  # an intent is one side's: no paired reverse event
                rule=f"{role}: {self._verb_word(head)} + {rule}",
                negated=_is_negated(head, self.words) or _is_negated(embedded, self.words),
                modality=modality,
                confidence=confidence - (0.1 if inherited else 0.0) - (0.15 if deep else 0.0),
                reciprocal=reciprocal,
            ),
            True,
        )

    # ---- nouns

    def _code_nominal(self, noun: Token, actors: _DocActors, consumed: set[int]) -> _Coded | None:
        entry = self.words.nominals[noun.lemma_.lower()]
        governor = _governing_verb(noun)
        if governor is not None and noun.dep_ == "dobj" and noun.head.i == governor.i:
            verb_entry = self._verb_entry(governor)
            if verb_entry is not None:
                code, _, confidence, _ = self._code_of(
                    governor, verb_entry, _subject_token(governor)
                )
                verb_root = (code.forward or code.reverse or "")[:2]
                noun_root = (entry.code.forward or "")[:2]
                if confidence >= 0.9 and not code.is_null and verb_root != noun_root:
                    # "called off a strike", "would tighten the blockade": the verb's
                    # pattern codes what is done with the act the noun names
                    return None
        sources: list[EventActor] = []
        inherited = False
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                if child.lower_ in self.words.possessives and actors.by_token[child.i] == -1:
                    if governor is not None:
                        sources, inherited = self._sources(governor, actors)[0], True
                else:
                    sources = self._actors_of(child, actors)
                if sources:
                    break
        if not sources and governor is not None and noun.dep_ in ("dobj", "pobj"):
            # "Abe held a meeting with Putin", "insisted on demands that ...": the doer of
            # the governing verb
            sources, inherited = self._sources(governor, actors)[0], True
        if not sources:
            return None
        targets: list[EventActor] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        targets = self._actors_of(pobj, actors, deep=True)
            elif child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
                # "its demand that Israel ease restrictions": the clause's subject is the target
                subject = _subject_token(child)
                if subject is not None and subject.lower_ not in self.words.relatives:
                    targets = self._actors_of(subject, actors)
                    if targets and entry.modality == "demanded":
                        consumed.update(t.i for t in child.subtree if t.pos_ == "VERB")
            if targets:
                break
        if (
            not targets
            and governor is not None
            and noun.dep_ == "dobj"
            and noun.head.i == governor.i
        ):
            # "issued a reminder Saturday to Iraq": the parser hangs the noun's
            # complement on its light verb
            for child in governor.children:
                if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            targets = self._actors_of(pobj, actors, deep=True)
                if targets:
                    break
        targets = [t for t in targets if not any(_same_side(t, s) for s in sources)]
        policy = self.cameo.policy(entry.code.forward)
        if not targets and policy.place_target:
            # "its invasion of South Lebanon": a place stands for its country
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                    for pobj in child.children:
                        place = actors.place_by_token.get(pobj.i)
                        if pobj.dep_ == "pobj" and place is not None:
                            target = _place_actor(place)
                            if not any(_same_side(target, s) for s in sources):
                                targets = [target]
        if not targets and len(sources) < 2 and policy.domestic != "no":
            # "opposition parties in Nepal organized a general strike": a domestic act
            targets = _own_country(sources, people=policy.domestic == "people")
        if not targets and len(sources) < 2:
            return None  # "the G7 summit meeting": a meeting needs two sides
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        return _Coded(
            trigger=noun,
            clause_verb=governor or noun,
            sources=sources,
            targets=targets,
            code=entry.code,
            rule=f"nominal: {entry.lemma} [{_spec_text(entry.code)}]",
            negated=negated,
            modality=entry.modality,
            confidence=0.6 if inherited else 0.7,
            reciprocal=entry.code.reverse == entry.code.forward,
        )

    # ---- arguments

    def _actors_of(
        self,
        head: Token,
        actors: _DocActors,
        *,
        deep: bool = False,
        modifiers: bool = True,
        places: bool = False,
    ) -> list[EventActor]:
        """The actors a noun phrase names: its head (and conjuncts), else a modifier's actor.

        ``deep`` adds every actor inside the phrase ("the security of Japan"), in text order.
        """
        found: list[EventActor] = []
        for tok in _coordinated(head):
            actor = self._actor_at(tok, actors, modifiers=modifiers, places=places)
            if actor is not None and not any(_same_actor(actor, f) for f in found):
                found.append(actor)
        if deep:
            for tok in _clause_tokens(head):
                actor = self._actor_at(tok, actors, modifiers=False)
                if actor is not None and not any(_same_actor(actor, f) for f in found):
                    found.append(actor)
        return found

    def _actor_at(
        self, tok: Token, actors: _DocActors, *, modifiers: bool = True, places: bool = False
    ) -> EventActor | None:
        number = actors.by_token[tok.i]
        if number != -1:
            return _event_actor(actors.mentions[number])
        if tok.lower_ in self.words.first_person:
            return actors.quote_speaker(tok)
        if not modifiers:
            return None
        # "Soldiers from Gondor", "Japan's navy", "Japanese officials": the modifier's actor.
        for child in tok.children:
            if child.dep_ in _MODIFIER_DEPS:
                number = actors.by_token[child.i]
                if number != -1:
                    return _event_actor(actors.mentions[number])
            elif child.dep_ == "prep" and child.lower_ in self.words.modifier_prepositions:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if actors.by_token[pobj.i] != -1:
                        return _event_actor(actors.mentions[actors.by_token[pobj.i]])
                    # "opposition groups in Zimbabwe": people of a place act for its country
                    place = actors.place_by_token.get(pobj.i) if places else None
                    if place is not None and tok.pos_ in ("NOUN", "PROPN"):
                        return _place_actor(place)
        return None

    def _sources(
        self, verb: Token, actors: _DocActors, depth: int = 0
    ) -> tuple[list[EventActor], bool]:
        """Actors doing ``verb``; second value True when inherited from a governing clause."""
        agent = _passive_agent(verb)
        if agent is not None:
            return self._actors_of(agent, actors), False
        subject = _subject_token(verb)
        if subject is not None and subject.dep_ != "nsubjpass":
            if subject.lower_ in self.words.relatives and verb.dep_ == "relcl":
                return self._actors_of(verb.head, actors), True
            found = self._actors_of(subject, actors, places=True)
            if (
                not found
                and subject.lower_ in self.words.anaphors
                and verb.dep_ in ("ccomp", "conj")
            ):
                # "Syria says it will not accept ...": the pronoun is the governor's subject
                governor = verb.head
                if governor.i != verb.i and governor.pos_ in ("VERB", "AUX") and depth < 3:
                    return self._sources(governor, actors, depth + 1)[0], True
            return found, False
        if subject is not None or _is_passive(verb):  # passive without agent: no source
            return [], False
        if depth > 3:
            return [], False
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "Syria is willing to withdraw": the subject of "is"
        passive_subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if verb.dep_ == "conj" and passive_subject is not None and not _is_passive(verb):
            # "the premier has been indicted by the court and will resign": an active verb
            # joined to a passive one shares its subject, not its agent
            return self._actors_of(passive_subject, actors, places=True), True
        if (
            verb.dep_ in ("xcomp", "conj", "advcl", "ccomp")
            and head.i != verb.i
            and head.pos_ in ("VERB", "AUX")
        ):
            return self._sources(head, actors, depth + 1)[0], True
        if verb.dep_ in ("acl", "relcl") and head.i != verb.i:
            found = self._actors_of(head, actors)
            if not found and head.dep_ == "attr" and head.head.pos_ in ("AUX", "VERB"):
                found = self._sources(head.head, actors, depth + 1)[0]
            return found, True
        return [], False

    def _targets(
        self,
        verb: Token,
        actors: _DocActors,
        sources: list[EventActor],
        depth: int = 0,
        *,
        place_targets: bool = False,
        domestic: bool = False,
    ) -> tuple[list[EventActor], bool, bool]:
        """Actors ``verb`` is done to; then True for "each other"; then True when the
        target was found only deep inside a phrase (less certain).

        Candidates are tried in order; the first with an actor other than the source wins.
        A phrase's head actor may be of the source's own country ("Sudan's government
        lifted the emergency in Sudan"); an actor only modifying the phrase may not be the
        bare state of the source's country ("Trump emphasized the U.S. commitment to Japan").
        """
        candidates: list[tuple[list[EventActor], bool]] = []  # (actors, head of the phrase?)

        def phrase(tok: Token) -> None:
            candidates.append((self._actors_of(tok, actors, modifiers=False), True))
            candidates.append((self._actors_of(tok, actors), False))

        reciprocal = False
        reciprocals = self.words.reciprocals
        ranked_preps = self.words.target_prepositions
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is not None and _passive_agent(verb) is not None:
            phrase(passive_subject)
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        for obj in objects:
            if (obj.lower_, obj.head.lower_) in reciprocals or any(
                (c.lower_, obj.lower_) in reciprocals for c in obj.children
            ):
                reciprocal = True
                continue
            phrase(obj)
        preps = sorted(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ranked_preps),
            key=lambda p: ranked_preps.index(p.lower_),
        )
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    phrase(pobj)
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                subject = _subject_token(child)
                if subject is not None:
                    phrase(subject)
        # A relative clause's object is its antecedent: "islands ... that Japan controls but China claims".
        antecedent = _relative_antecedent(verb, self.words.relatives)
        if antecedent is not None:
            phrase(antecedent)
            shares_object = not any(c.dep_ == "dobj" for c in verb.children)
            for other in _relative_clauses(antecedent) if shares_object else ():
                if other.i != verb.i:
                    subject = _subject_token(other)
                    if subject is not None:
                        phrase(subject)
        direct = len(candidates)
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and depth < 2:
                inner = self._targets(
                    child,
                    actors,
                    sources,
                    depth + 1,
                    place_targets=place_targets,
                    domestic=domestic,
                )
                candidates.append((inner[0], False))
        for obj in objects:
            # "welcomed memos sent by Bree": the agent of a participle on the object
            for acl in (c for c in obj.children if c.dep_ == "acl"):
                agent = _passive_agent(acl)
                if agent is not None:
                    candidates.append((self._actors_of(agent, actors), False))
        if passive_subject is not None and _passive_agent(verb) is not None:
            # "a camp for Congolese refugees was attacked by ...": inside the patient
            candidates.append((self._actors_of(passive_subject, actors, deep=True), False))
        for obj in objects:
            candidates.append((self._actors_of(obj, actors, deep=True), False))
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    candidates.append((self._actors_of(pobj, actors, deep=True), False))
        for number, (group, is_head) in enumerate(candidates):
            if domestic:
                # "Turkey will allow Turkish refugees to return": a state acting on its own
                # people is coded against itself, as PLOVER does; only the very same
                # mention (or person) is excluded.
                excluded = _same_mention
            else:
                excluded = _same_actor if is_head else _same_side
            kept = [t for t in group if not any(excluded(t, s) for s in sources)]
            if kept:
                return kept, reciprocal, number >= direct
        # Last resort, as PETRARCH does: the country of a place the act happens in or is
        # aimed at ("fired shells at Seoul"), unless it is the source's own.
        if not place_targets:
            return [], reciprocal, False
        for tok in _place_scope(verb):
            place = actors.place_by_token.get(tok.i)
            if place is None:
                continue
            if tok.head.dep_ == "prep" and tok.head.lower_ not in self.words.place_prepositions:
                continue  # "for Juba", "despite ..." do not name where the act lands
            if tok.dep_ in ("attr", "oprd", "npadvmod"):
                continue  # "calls them the Northern Territories": a name, not a target
            target = _place_actor(place)
            if not any(_same_side(target, s) for s in sources) or domestic:
                return [target], reciprocal, True
        return [], reciprocal, False

    # ---- records

    def _to_events(self, doc: Doc, sent: Span, coded: list[_Coded]) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple] = set()
        base = doc._.date
        doc_id = doc._.doc_id or ""
        date_cache: dict = {}  # clause head -> its date word, shared by the sentence's events
        for item in coded:
            date = dates.event_date(
                item.trigger, item.clause_verb, base, self.date_words, date_cache
            )
            pairs: list[tuple[EventActor, EventActor | None, str]] = []
            forward, reverse = item.code.forward, item.code.reverse
            if item.targets:
                for source in item.sources:
                    for target in item.targets:
                        if forward:
                            pairs.append((source, target, forward))
                        if reverse:
                            pairs.append((target, source, reverse))
            elif len(item.sources) > 1 and (
                item.reciprocal
                or (forward and (forward == reverse or self.cameo.policy(forward).mutual))
            ):
                # "Trump and Abe met", "showered each other with compliments": both directions.
                for source in item.sources:
                    for other in item.sources:
                        if source is not other and forward:
                            pairs.append((source, other, forward))
            elif forward:
                pairs.extend((source, None, forward) for source in item.sources)
            for source, target, code in pairs:
                key = (
                    _actor_key(source),
                    _actor_key(target),
                    code,
                    item.negated,
                )
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(doc_id, sent, item, source, target, code, date))
        return _drop_subsumed(events)

    def _event(
        self,
        doc_id: str,
        sent: Span,
        item: _Coded,
        source: EventActor,
        target: EventActor | None,
        code: str,
        date: str | None,
    ) -> Event:
        entry = self.cameo.lookup(code)
        trigger = item.trigger
        return Event(
            doc_id=doc_id,
            start=trigger.idx,
            end=trigger.idx + len(trigger.text),
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            trigger=TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            date=date,
            source=source,
            target=target,
            cameo=code,
            cameo_root=code[:2],
            plover=entry.plover if entry else None,
            quad_class=entry.quad_class if entry else None,
            goldstein=entry.goldstein if entry else None,
            negated=item.negated,
            modality=item.modality,
            confidence=round(max(0.1, item.confidence - (0.0 if target is not None else 0.1)), 2),
            rule=item.rule,
        )


# ---------------------------------------------------------------- parse helpers


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """One sentence, one account of each act: "held a meeting with Putin" is coded by the
    verb pattern, so the noun "meeting" adds nothing; "reiterated its demand" without a
    target adds nothing to the same demand with one."""
    return [e for e in events if not any(_subsumes(o, e) for o in events if o is not e)]


def _subsumes(other: Event, event: Event) -> bool:
    if _actor_key(other.source) != _actor_key(event.source):
        return False
    if other.cameo_root != event.cameo_root or other.negated != event.negated:
        return False
    if event.target is None and other.target is not None:
        return True
    return (
        event.rule.startswith("nominal")
        and not other.rule.startswith("nominal")
        and _actor_key(other.target) == _actor_key(event.target)
    )


def _spec_text(code: CodeSpec) -> str:
    forward = code.forward or ""
    return f"{forward}:{code.reverse}" if code.reverse else forward or "---"


def _multiword_matches(entry: VerbEntry, verb: Token) -> bool:
    doc = verb.doc
    if entry.after:
        particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
        following = [t.lower_ for t in doc[verb.i + 1 : verb.i + 1 + len(entry.after)]]
        if following != list(entry.after) and not set(entry.after) <= set(particles):
            return False
    if entry.before:
        preceding = [t.lower_ for t in doc[max(0, verb.i - len(entry.before)) : verb.i]]
        if preceding != list(entry.before):
            return False
    return True


def _coordinated(head: Token) -> list[Token]:
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


def _place_scope(verb: Token) -> list[Token]:
    """Where a place can say where the act lands: the verb's phrase, its infinitive and
    the participles on its nouns ("aid to refugees fleeing the war in Liberia"), but not
    its subject, relative clauses ("refugees who have lived in Iraq"), nor clauses that
    are acts of their own."""

    def skip(child: Token, tok: Token) -> bool:
        return (
            child.dep_ in _SUBJECT_DEPS
            or child.dep_ in _PLACE_SCOPE_STOP_DEPS
            or _is_date_phrase(child)
            or _is_coordinated_verb(child, tok)  # a coordinated verb's places are its own
        )

    return pruned_subtree(verb, skip)


def _is_coordinated_verb(child: Token, tok: Token) -> bool:
    return child.dep_ == "conj" and child.pos_ in _VERBAL_POS and tok.pos_ in _VERBAL_POS


def _is_date_phrase(tok: Token) -> bool:
    """ "on Tuesday", "last week": a time, which patterns like ``(ON)`` must not match."""
    if tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"):
        return True
    if tok.dep_ == "prep":
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")
    return False


def _clause_tokens(
    head: Token, *, include_xcomp: bool = False, skip_dates: bool = False
) -> list[Token]:
    head_is_verb = head.pos_ in _VERBAL_POS

    def skip(child: Token, tok: Token) -> bool:
        return (
            child.dep_ in _CLAUSE_DEPS
            or (child.dep_ == "xcomp" and not include_xcomp)
            # "praised Japan and pledged to defend ...": a coordinated verb is an act of
            # its own; its words ("to") are not the first verb's pattern words
            or _is_coordinated_verb(child, tok)
            or (child.dep_ in _SUBJECT_DEPS and tok.i == head.i and head_is_verb)
            or (skip_dates and _is_date_phrase(child))
        )

    return pruned_subtree(head, skip)


def _subject_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _is_negated(verb: Token, words: ClauseWords) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in words.negators):
            return True
    if verb.dep_ in ("xcomp",) and verb.head.i != verb.i:
        return any(c.dep_ == "neg" for c in verb.head.children)
    return False


def _is_reported(verb: Token, roles: dict[str, str]) -> bool:
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") and roles.get(tok.head.lemma_.lower()) == "speech":
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _verb_keys(verb: Token) -> list[str]:
    lower = verb.lower_
    keys = [verb.lemma_.lower(), lower]
    if verb.tag_ == "VBZ" and lower.endswith("s"):
        keys.insert(0, lower[:-1])  # "hopes" -> "hope", where the lemmatizer says "hop"
    if lower.endswith("ies"):
        keys.append(lower[:-3] + "y")
    if lower.endswith("es"):
        keys.append(lower[:-2])
    if lower.endswith("s"):
        keys.append(lower[:-1])
    if lower.endswith("ed"):
        keys += [lower[:-2], lower[:-1]]
    if lower.endswith("ing"):
        keys += [lower[:-3], lower[:-3] + "e"]
    return keys


def _embedded_subject(verb: Token) -> Token | None:
    """The own subject of a complement clause ("want [Russia] creating a bloc")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            subject = _subject_token(child)
            if subject is not None:
                return subject
    return None


def _is_unasserted_infinitive(verb: Token, actors: _DocActors, words: ClauseWords) -> bool:
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
        subject = _subject_token(verb)
        return subject is not None and subject.lower_ in words.relatives
    return False


def _has_modal(verb: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _obliged_through_adjective(verb: Token, modals: frozenset[str]) -> bool:
    """ "the US must be ready to mediate": the obligation sits on "be" of "ready"."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "ADJ" or verb.head.dep_ != "acomp":
        return False
    return _has_modal(verb.head.head, modals)


def _obliged(verb: Token, words: ClauseWords) -> bool:
    """ "Sudan must return ...", "the US must be ready to mediate"."""
    modals = words.obligation_modals
    return _has_modal(verb, modals) or _obliged_through_adjective(verb, modals)


def _has_unmatched_object(verb: Token) -> bool:
    """An object noun that may change the verb's sense; a pronoun ("discuss it") cannot."""
    return any(c.dep_ in ("dobj", "attr", "oprd") and c.pos_ != "PRON" for c in verb.children)


def _speaker_is_subject(verb: Token, actors: _DocActors, words: ClauseWords) -> bool:
    """ "We strongly demand ...," Abe said: the speaker's own act is not merely reported."""
    subject = _subject_token(verb)
    return (
        subject is not None
        and subject.lower_ in words.first_person
        and actors.quote_speaker(subject) is not None
    )


def _governing_verb(tok: Token) -> Token | None:
    for ancestor in tok.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _relative_antecedent(verb: Token, relatives: frozenset[str]) -> Token | None:
    """For a verb in a relative clause (or a conjunct of one) with no object of its own."""
    if any(c.dep_ in ("dobj",) and c.lower_ not in relatives for c in verb.children):
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    # "islands that Japan controls but China claims": the parser often hangs "claims" on
    # the main verb; a subject right after "but/and" + a relative clause shares its object.
    subject = _subject_token(verb)
    if subject is not None and verb.dep_ == "conj":
        first = subject.left_edge.i
        doc = verb.doc
        if first >= 2 and doc[first - 1].dep_ == "cc" and doc[first - 2].dep_ == "relcl":
            relcl = doc[first - 2]
            if relcl.head.pos_ in ("NOUN", "PROPN"):
                return relcl.head
    return None


def _relative_clauses(noun: Token) -> Iterable[Token]:
    for child in noun.children:
        if child.dep_ == "relcl":
            yield child
            yield from (c for c in child.conjuncts)
