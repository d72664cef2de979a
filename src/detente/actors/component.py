"""The ``detente_actors`` pipeline stage: find, resolve and code every actor reference.

Reads the parse and the entities; writes ``doc._.mentions`` (sorted by start),
``doc._.actors`` (one per canonical actor) and ``doc._.places``. References are resolved
in text order so that surnames, acronyms, role descriptions and pronouns can point back
to what the document said before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.actors.blocs import Bloc, find_blocs
from detente.actors.coding import (
    SECTOR_LENGTH,
    Resolution,
    code_blocks,
    join_code,
    resolve_agent,
    resolve_known,
    resolve_place,
    resolve_state,
    slug,
    split_code,
)
from detente.actors.context import attach_countries, focus_votes
from detente.actors.coref import BodyEntry, DocMemory
from detente.actors.descriptions import (
    Description,
    antecedent,
    describes_name,
    find_descriptions,
    kind_words,
    kinds_named,
    negated_kinds,
    typed_antecedent,
)
from detente.actors.focus import dateline_span, document_focus, outlet_country
from detente.actors.matching import NameMatch, NameMatcher
from detente.actors.pairs import PairReference, coordinated_pair, find_pair_references
from detente.actors.phrases import (
    PLURAL_TAGS,
    AgentWord,
    NamePhrase,
    RolePhrase,
    build_roles,
    find_agents,
    find_names,
    is_subject,
)
from detente.actors.quoted import first_person_references
from detente.kb import KBActor, KnowledgeBase
from detente.knowledge import STAGE_CONFIG, Knowledge, load_knowledge
from detente.knowledge.actors import ActorLexicon
from detente.knowledge.places import PlaceLexicon
from detente.knowledge.quotes import QuoteLexicon
from detente.nlp.extensions import doc_id_of, doc_text, register_extensions
from detente.nlp.syntax import (
    PLACE_LABELS,
    SUBJECT_DEPS,
    is_copula,
    sentence_numbers,
    subject_of,
)
from detente.places.evidence import country_of_word
from detente.places.frame import (
    FRAME_FILE,
    FrameModel,
    FrameSignals,
    frame_features,
    load_frame_model,
)
from detente.places.resolve import (
    DocPlaces,
    PlaceReading,
    facility_kind,
    facility_noun,
    hosts_event,
    labelled_place_elsewhere,
    list_anchor,
    located_as,
    names_document,
    on_path,
    strikes_land,
)
from detente.quotes.marks import QuotedPassage, find_quoted_passages
from detente.records import Actor, Mention, Place

CONTEXT_SENTENCES = 1  # ambiguous names look this many sentences around them for cues
BODY_KINDS = frozenset({"group", "organization", "state"})  # what "they" and "it" point to
# where each document keeps the frames of its state names (features, rules' and final
# decision): read by scripts/train_place_frame.py
FRAME_LOG = "detente.place_frames"
# where a state's name that no phrase rule placed stands for the state that acts
# (:func:`state_acts`; prepositions, objects and appositions are asked apart)
ACTING_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl", "dative", "iobj", "oprd",
     "poss", "compound", "nmod", "amod", "npadvmod", "conj"}
)  # fmt: skip


@Language.factory(
    "detente_actors",
    default_config=STAGE_CONFIG,
    requires=["doc.ents", "token.dep", "doc._.date", "doc._.doc_id"],
    assigns=["doc._.mentions", "doc._.actors", "doc._.places"],
)
def make_actors(
    nlp: Language, name: str, actor_files: list[str], verb_files: list[str], shipped: bool
) -> ActorResolver:
    knowledge = load_knowledge(actor_files=actor_files, verb_files=verb_files, shipped=shipped)
    return ActorResolver(nlp, name, knowledge=knowledge)


class ActorResolver:
    """Resolves actor references against the knowledge base and within the document."""

    def __init__(
        self, nlp: Language, name: str = "detente_actors", *, knowledge: Knowledge
    ) -> None:
        register_extensions()
        self.name = name
        self.kb = knowledge.kb
        self.lexicon = knowledge.actor_lexicon
        self.quote_lexicon = knowledge.quote_lexicon
        self.place_lexicon = knowledge.place_lexicon
        self.matcher = NameMatcher(self.kb.surface_forms())
        # whether a state's name is its land, learned over its frame (detente.places.frame);
        # without the weights file, the phrase rules alone decide
        self.frame_model = load_frame_model() if FRAME_FILE.exists() else None
        self.collect_frames = False  # log every state name's frame (scripts/train_place_frame.py)

    def __call__(self, doc: Doc) -> Doc:
        resolver = DocResolver(
            self.kb, self.lexicon, self.matcher, doc, self.place_lexicon, self.quote_lexicon,
            frame_model=self.frame_model,
            collect_frames=self.collect_frames,
        )  # fmt: skip
        mentions = resolver.resolve()
        if self.collect_frames:
            doc.user_data[FRAME_LOG] = resolver.frame_log
        doc._.mentions = mentions
        doc._.actors = canonical_actors(mentions)
        doc._.places = resolver.places()
        return doc


def canonical_actors(mentions: list[Mention]) -> list[Actor]:
    """One actor per actor_id, as first met (a named mention beats a pronoun)."""
    actors: dict[str, Actor] = {}
    for mention in mentions:
        if mention.actor_id is None or mention.kind == "place" or mention.actor_id in actors:
            continue
        actors[mention.actor_id] = Actor(
            mention.actor_id, mention.name or mention.text, mention.kind,
            mention.code, mention.country, mention.sector,
        )  # fmt: skip
    return list(actors.values())


# A score counts as a word of sport (sports_story_words in evidence_weights.tsv).
SCORE = re.compile(r"(?<![\w-])\d{1,2}-\d{1,2}(?![\w-])")  # "won 2-0" (not a date, "2017-02-10")
THING_ACTOR_DEPS = frozenset({*SUBJECT_DEPS, "poss"})  # where "it"/"its" may be an actor
BE_FORMS = frozenset({"’s", "'s"})  # "It’s unclear": the parser may not lemmatise them "be"


class DocResolver:
    """The resolution of one document (state lives here, never in the component)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: ActorLexicon,
        matcher: NameMatcher,
        doc: Doc,
        place_lexicon: PlaceLexicon,
        quote_lexicon: QuoteLexicon | None = None,
        *,
        frame_model: FrameModel | None = None,
        collect_frames: bool = False,
    ) -> None:
        self.kb = kb
        self.frame_model = frame_model
        self.frames = frame_model is not None or collect_frames  # the frame is read at all
        # (start, end, features, rules' decision, final decision) per state name decided
        self.frame_log: list[tuple[int, int, dict[str, float], bool, bool]] = []
        self.lexicon = lexicon
        self.place_lexicon = place_lexicon
        self.quote_lexicon = quote_lexicon
        self.doc = doc
        self.when: date | None = doc._.date
        self.memory = DocMemory()
        self.lowers = [t.lower_ for t in doc]
        self.name_matches, self.agent_matches = matcher(doc, self.lowers)
        self.resolved: list[tuple[int, int, Resolution, str | None]] = []
        # places named inside a group's phrase ("troops in Tripoli", "a Moscow think tank")
        self.nested_places: list[tuple[int, int, Resolution, str | None]] = []
        self.owner_starts: set[int] = set()
        self.name_at: list[NamePhrase | None] = [None] * len(doc)
        self.actor_at_token: dict[int, str] = {}  # token -> actor key, for clause subjects
        # sentence starts (followed by len(doc)) and each token's sentence number
        self.sentence_starts, self.sentence_of = sentence_numbers(doc)
        self.dateline = dateline_span(doc)  # a dateline's place is where, never who

    # -- the pass --------------------------------------------------------------------------
    def resolve(self) -> list[Mention]:
        doc = self.doc
        agent_tokens = {i for m in self.agent_matches for i in range(m.start, m.end)}
        role_nouns = self.lexicon.role_nouns
        agent_tokens |= {i for i, w in enumerate(self.lowers) if w in role_nouns}
        group_heads = {
            i
            for i in agent_tokens
            if doc[i].tag_ not in PLURAL_TAGS and self._names_group(self.lowers[i])
        }
        names = find_names(
            doc, self.name_matches, agent_tokens, group_heads, self.lexicon.coordinators,
            place_slot=self._in_place_slot, street_words=self.place_lexicon.streets,
            facility_words=self.place_lexicon.facilities,
        )  # fmt: skip
        self.doc_places = DocPlaces(
            self.kb, self.place_lexicon, doc, names, self.sentence_of, self.name_matches,
            when=self.when, new_states=self.lexicon.new_states,
        )  # fmt: skip
        names = self._with_place_containers(names)
        name_at: list[NamePhrase | None] = [None] * len(doc)
        for name in names:
            name_at[name.start : name.end] = [name] * (name.end - name.start)
        self.name_at = name_at
        taken = [n is not None for n in name_at]
        agents = find_agents(doc, self.agent_matches, self.kb, self.lexicon, taken, self.lowers)
        roles = build_roles(doc, agents, name_at, self.lexicon, agent_tokens)
        self.owner_starts = {
            r.owner.start for r in roles if r.owner is not None and r.person is not None
        }
        consumed: set[int] = set()  # ids of names inside role phrases
        for role in roles:
            if role.owner is not None and not role.owner_outside:
                consumed.add(id(role.owner))
            if role.person is not None:
                consumed.add(id(role.person))
            consumed.update(id(name) for name in role.co_owners)
        references: list[tuple[int, int, object]] = [(r.start, 1, r) for r in roles]
        references += [(n.start, 0, n) for n in names if id(n) not in consumed]
        lexicon = self.lexicon
        pronouns = (
            lexicon.subject_pronouns
            | lexicon.object_pronouns
            | lexicon.possessive_pronouns
            | lexicon.group_pronouns
            | lexicon.thing_pronouns
        )
        references += [(i, 2, doc[i]) for i, w in enumerate(self.lowers) if w in pronouns]
        taken = [n is not None for n in name_at]
        references += [
            (d.start, 3, d)
            for d in find_descriptions(
                doc, self.lowers, lexicon.descriptions, lexicon.definite_determiners, taken
            )
        ]
        name_length = [n.end - n.start if n is not None else 0 for n in name_at]
        references += [
            (b.start, -1, b)  # before the region word read as a name ("Arab")
            for b in find_blocs(
                doc, self.lowers, lexicon.bloc_nouns, lexicon.region_words, name_length
            )
        ]
        references += [
            (p.start, -2, p)  # before the role description the phrase also is ("two men")
            for p in find_pair_references(
                doc, self.lowers, lexicon.pair_nouns, lexicon.pair_quantifiers,
                lexicon.definite_determiners, name_length,
            )
        ]  # fmt: skip
        references.sort(key=lambda r: (r[0], r[1]))
        covered = [False] * len(doc)
        for _, _, reference in references:
            if isinstance(reference, Token):
                self._resolve_pronoun(reference)
            elif not any(covered[reference.start : reference.end]):
                self._resolve_phrase(reference)
            if self.resolved:
                start, end = self.resolved[-1][0], self.resolved[-1][1]
                covered[start:end] = [True] * (end - start)
        self._resolve_forward_surnames()
        self._resolve_first_person()
        self._attach_context()
        return self._mentions()

    def _resolve_phrase(
        self, reference: Bloc | PairReference | NamePhrase | RolePhrase | Description
    ) -> None:
        if isinstance(reference, Bloc):
            self._resolve_bloc(reference)
        elif isinstance(reference, PairReference):
            self._resolve_pair(reference)
        elif isinstance(reference, NamePhrase):
            self._resolve_name_reference(reference)
        elif isinstance(reference, RolePhrase):
            self._resolve_role(reference)
        else:
            self._resolve_description(reference)

    def _resolve_bloc(self, bloc: Bloc) -> None:
        """ "Western countries", "Arab allies": a group of the region's states
        (:mod:`detente.actors.blocs`)."""
        text = self.doc[bloc.start : bloc.end].text
        group = Resolution("group", f"group:{bloc.region}", text, bloc.region, None, None, "bloc")
        self._emit(bloc.start, bloc.end, group, None)

    def _resolve_pair(self, reference: PairReference) -> None:
        """ "Rice and Straw ... The pair arrived": both actors, each a mention of the phrase
        (:mod:`detente.actors.pairs`)."""
        window_start = self.sentence_starts[max(0, self.sentence_of[reference.start] - 1)]
        resolved = [(start, end, resolution) for start, end, resolution, _ in self.resolved]
        pair = coordinated_pair(self.doc, resolved, window_start, reference)
        for member in pair or ():
            self._emit(reference.start, reference.end, member.via("pair"), None)

    def _resolve_first_person(self) -> None:
        """ "I" and "we" inside quoted words: the speaker (:mod:`detente.actors.quoted`)."""
        if self.quote_lexicon is None or not self.lexicon.first_person.intersection(self.lowers):
            return
        passages = self._quoted_passages
        covering: dict[int, Resolution] = {}
        for start, end, resolution, _ in self.resolved:
            for i in range(start, end):
                covering.setdefault(i, resolution)
        found = first_person_references(
            self.doc,
            passages,
            first_person=self.lexicon.first_person,
            speech_verbs=self.lexicon.speech_verbs,
            sentence_of=self.sentence_of,
            sentence_starts=self.sentence_starts,
            actor_at=covering.get,
        )
        for token, resolution in found:
            if token not in covering:
                self.resolved.append((token, token + 1, resolution, None))

    @functools.cached_property
    def _quoted_passages(self) -> list[QuotedPassage]:
        """The document's quoted passages (none without a quote lexicon to find them by)."""
        if self.quote_lexicon is None:
            return []
        passages, _warnings = find_quoted_passages(doc_text(self.doc), self.quote_lexicon)
        return passages

    def _attach_context(self) -> None:
        """Countries for the actors the text leaves unattached (:mod:`detente.actors.context`)."""
        items = sorted(self.resolved, key=lambda item: (item[0], item[1]))
        dateline = None
        if self.dateline is not None:
            dateline = next(
                (r.country for start, _, r, _ in items if start == self.dateline[0] and r.country),
                None,
            )
        article = self.doc._.article
        focus = document_focus(
            focus_votes(items, self.sentence_of),
            dateline=dateline,
            outlet=outlet_country(
                article.url if article is not None else None, self.lexicon.outlets
            ),
        )
        self.resolved = attach_countries(
            items,
            sentence_of=self.sentence_of,
            focus=focus,
            sectors=self.kb.vocabulary.sectors,
            domestic_sectors=self.lexicon.domestic_sectors,
            words=self.lowers,
            region_words=self.lexicon.region_words,
            phrase_start=self._phrase_start,
        )

    def _phrase_start(self, start: int, end: int) -> int:
        """The first token of the noun phrase headed by the mention at tokens start..end."""
        root = self.doc[start:end].root
        return root.left_edge.i if root.left_edge.i < start else start

    def _with_place_containers(self, names: list[NamePhrase]) -> list[NamePhrase]:
        """The division or country after a town ("Alexandria, Va.") is a place name even
        where neither the dictionary nor the parser saw one."""
        taken = [False] * len(self.doc)
        for name in names:
            taken[name.start : name.end] = [True] * (name.end - name.start)
        extra = [
            NamePhrase(start, end, frozenset({"place"}), "GPE")
            for start, end in self.doc_places.fixed
            if not any(taken[start:end])
        ]
        if not extra:
            return names
        self.doc_places.add_names(extra)
        return sorted([*names, *extra], key=lambda name: name.start)

    def _resolve_forward_surnames(self) -> None:
        """A headline's "Trump and Kim sign ..." names Kim before "Kim Jong Un" is
        introduced: an unknown one-word person that is a surname the document gives
        later is that person."""
        for number, (start, end, resolution, label) in enumerate(self.resolved):
            if end - start != 1 or resolution.kind != "person" or resolution.code is not None:
                continue
            person = self.memory.person_for_surname(self.doc[start].text)
            if person is not None and person.actor_id != resolution.actor_id:
                self.resolved[number] = (start, end, person.via("alias"), label)

    def _names_group(self, word: str) -> bool:
        agent = self.kb.agent(word)
        if agent is not None:
            return not agent.person
        role = self.lexicon.role_nouns.get(word)
        return role is not None and not role.person

    def _emit(self, start: int, end: int, resolution: Resolution, label: str | None) -> None:
        self.resolved.append((start, end, resolution, label))
        root = self.doc[start:end].root
        self.actor_at_token[root.i] = DocMemory.key(resolution)
        if resolution.kind in BODY_KINDS and resolution.resolved_by not in ("pronoun", "pair"):
            self.memory.bodies.append(
                BodyEntry(resolution, root.i, is_subject(root), root.tag_ in PLURAL_TAGS)
            )

    def _state_exists(self, iso3: str) -> bool:
        found = self.lexicon.new_states.get(iso3)
        return found is None or self.when is None or self.when >= found[0]

    def _remember(
        self,
        span: Span,
        resolution: Resolution,
        *,
        surname: str | tuple[str, ...] | None,
        titles: tuple[str, ...] = (),
        said: tuple[str, ...] = (),
    ) -> None:
        """``titles``: every title the person is known by (the text's and the KB's);
        ``said``: the ones this text gave them."""
        if resolution.kind != "person":
            return
        root = span.root
        self.memory.remember_person(
            resolution,
            token=root.i,
            subject=is_subject(root),
            surname=surname,
            titles=(*said, *titles),
            said=said,
        )

    # -- names -----------------------------------------------------------------------------
    def _resolve_name_reference(self, name: NamePhrase) -> None:
        span = self.doc[name.start : name.end]
        resolution, actor = self.resolve_name(name)
        if (
            resolution is None
            or self._names_team(span, resolution)
            or self._names_constituency(span, resolution)
        ):
            return
        resolution = self._office_in_apposition(span, resolution)
        self._emit(name.start, name.end, resolution, name.label)
        surname = None
        if resolution.kind == "person":
            if len(span) > 1:
                surname = self.kb.family_names(span.text, resolution.country)  # "Kim" Jong Un
            elif resolution.code is not None and resolution.resolved_by in (
                "kb",
                "user-dictionary",
                "surname",
            ):
                # a bare "Abe" the KB knew as Shinzo Abe holds the surname: "Akie Abe" later
                # must not take it
                known = self.kb.family_name(resolution.name or "", resolution.country)
                surname = span.text if known == span.text else None
        self._remember(span, resolution, surname=surname, titles=_titles(actor))
        self._register_acronym(name, resolution)

    def _office_in_apposition(self, span: Span, resolution: Resolution) -> Resolution:
        """ "The EU's chief negotiator, Michel Barnier", "the UN envoy, Staffan de Mistura":
        a person the KB does not know, or knows only by a standing on the article date (a
        former official, ELI, or a bare nationality), whom the text names in apposition to
        an office of an organization without a country (IGO, NGO) acts for that
        organization, as its Secretary-General acts for the UN. A person in national office
        on the date keeps it."""
        if resolution.kind != "person":
            return resolution
        if resolution.code is not None and (
            resolution.sector not in (None, ELITE_SECTOR) or resolution.country is None
        ):
            return resolution
        root = span.root
        if root.dep_ != "appos":
            return resolution
        office = next(
            (r for start, end, r, _ in reversed(self.resolved) if start <= root.head.i < end),
            None,
        )
        if office is None or office.kind != "person" or office.country is not None:
            return resolution
        if not office.code or self.kb.state(office.code[:SECTOR_LENGTH]) is not None:
            return resolution
        return replace(resolution, code=office.code, country=None, sector=None)

    @functools.cached_property
    def sports_story(self) -> bool:
        """A story about a match or a club: it has several words of sport (place_words.tsv, as
        written) or a score."""
        found = set(self.place_lexicon.sport.intersection(self.lowers))
        if SCORE.search(self.doc.text):
            found.add("2-0")  # a score
        return len(found) >= self.place_lexicon.weights["sports_story_words"]

    def _names_team(self, span: Span, resolution: Resolution) -> bool:
        """A town's name standing for its club in a sports story ("Liverpool beat Chelsea",
        "Leeds have signed a striker", "a draw with Everton"): neither a place nor an actor
        the codebook knows. Venues stay places ("a 1-0 win at Leicester")."""
        place = resolution.place
        if resolution.kind != "place" or place is None or place.kind not in ("city", "admin2"):
            return False
        if not self.sports_story:
            return False
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        if root.dep_ == "dobj" and located_as(span, self.place_lexicon) == "movement":
            return False  # "Holmes left Athens", "fans visited Leeds": the town
        if hosts_event(root, self.place_lexicon):
            return False  # "Sydney will host a charity match": the venue
        if root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            return True
        if root.dep_ == "compound":  # "a Leeds striker", "Liverpool football fans"
            sport = self.place_lexicon.sport
            return root.head.lemma_.lower() in sport or any(
                c.dep_ == "compound" and c.lemma_.lower() in sport for c in root.head.children
            )
        return root.dep_ == "pobj" and root.head.lower_ in self.place_lexicon.opponent_prepositions

    def _names_constituency(self, span: Span, resolution: Resolution) -> bool:
        """The state or province a legislator or governor represents ("Sens. John Hale of
        Arizona, Ann Roe of Iowa"): an actor, not a place. Only where such a title stands
        before the person (or the first of the listed people), or where the person is one
        the dictionaries know in such an office ("John McCain of Arizona")."""
        place = resolution.place
        if resolution.kind != "place" or place is None or place.kind != "admin1":
            return False
        root = span.root
        preposition = root.head
        if root.dep_ != "pobj" or preposition.lower_ != "of":
            return False
        person = preposition.head
        if person.ent_type_ != "PERSON":
            return False
        listed = [person]
        while person.dep_ in ("conj", "appos") and person.head.i < person.i:
            person = person.head  # "John Hale of Arizona, Ann Roe of Iowa": the list's first
            listed.append(person)
        first = person.i
        while first > 0 and self.doc[first - 1].ent_type_ == "PERSON":
            first -= 1  # the name's first word, after any title ("Sens. John Hale")
        if any(self._holds_office(p) for p in listed if p.ent_type_ == "PERSON"):
            return True  # "John McCain of Arizona, Ann Roe of Iowa": a known legislator's list
        reach = int(self.place_lexicon.weights["representative_reach"])
        before = self.doc[max(0, first - reach) : first]
        return any(t.lower_ in self.place_lexicon.representatives for t in before)

    def _holds_office(self, token: Token) -> bool:
        """The person named at ``token`` was resolved (the dictionaries know them) to a
        public office of the sectors whose polity "of X" names (office_sectors.txt)."""
        return any(
            start <= token.i < end
            and resolution.kind == "person"
            and resolution.code is not None
            and resolution.sector in self.place_lexicon.office_sectors
            for start, end, resolution, _label in self.resolved
        )

    def resolve_name(self, name: NamePhrase) -> tuple[Resolution | None, KBActor | None]:
        kb, memory = self.kb, self.memory
        span = self.doc[name.start : name.end]
        text = span.text
        if text in memory.acronyms:
            return memory.acronyms[text].via("alias"), None
        alias = memory.person_for_surname(text)
        if alias is not None:
            return alias.via("alias"), None
        reading = self._ambiguous_reading(span)
        if reading is not None:
            return reading, None
        if self.doc_places.is_directional(span):
            return self._directional(span), None
        if names_document(span, self.place_lexicon) and not kb.actors_by_name(text):
            return None, None  # "the Paris agreement": a treaty's name, no place
        seat = kb.seat(text)
        if seat is not None and not self._state_exists(seat[0]):
            seat = None  # Juba before 2011 is a town of Sudan, no seat of government
        if seat is not None and not self.doc_places.may_be_seat(name.start, name.end, seat[0]):
            seat = None  # "Hamilton" in Ontario is no seat of Bermuda's government
        if seat is not None:
            return self._seat_reading(span, *seat), None
        actors, how = self._known_actors(span)
        if actors:
            actor = _pick_actor(actors, name.label, self.when)
            resolution = resolve_known(kb, actor, self.when, how)
            if (
                resolution.country is None
                and resolution.kind in ("organization", "group")
                and not (resolution.code or "").startswith(kb.vocabulary.no_country)
            ):
                # Phoenix codes many armed groups by region ("MEAREB"); the name says where.
                country = self._country_inside(span)
                if country is not None:
                    resolution = replace(resolution, country=country)
            return self._actor_or_land(span, resolution, name.label), actor
        places = kb.places_by_name(text)
        if name.label == "PERSON" and not self._town_as_person(span, places):
            # a person named like a town is a person ("Miranda"); a disputed territory's
            # name is not ("claims under the name Diaoyu")
            places = [p for p in places if p.kind == "disputed"]
        if places and not self.doc_places.inside_other_name(span):
            return self._place(span, places=places), None
        iso3 = kb.state_for_word(text)
        if iso3 is not None:
            return self._state_word(span, iso3), None
        return self._unknown(span, name.label), None

    def _town_as_person(self, span: Span, places: list) -> bool:
        """A town the parser tagged as a person's name ("in Aberdeen and Peterhead",
        "meets in Madrid and Lievin", "a Barquisimeto-based firm"): the name (no KB person,
        no surname of one named before: asked earlier) is a town of the gazetteer of some
        size, it stands where only a place goes (after a locative preposition, in the
        dateline, as the goal or origin of a movement or a path after its preposition,
        never its direct object, before a site word; or the parser labels it a place at
        another occurrence in the document: one sense per discourse), and no title
        or other name word stands next to it ("Mr Hamilton", "Senator Hamilton in Ottawa",
        "Lewis Hamilton"). A person named like a town elsewhere stays a person ("Hamilton
        said")."""
        size = self.place_lexicon.weights["person_town_population"]
        if not any(p.kind == "city" and p.population >= size for p in places):
            return False
        doc = self.doc
        for i in (span.start - 1, span.end):
            if 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title:
                return False  # part of a longer name: "Lewis Hamilton", "Hamilton Smith"
        if span.start > 0:
            word = doc[span.start - 1].lower_
            titles = (self.lexicon.role_nouns, self.lexicon.male_honorifics)
            if any(w in t for w in (word, word.rstrip(".")) for t in titles):
                return False  # "Mr Hamilton", "senator Hamilton"
        if self._is_locative(span) or labelled_place_elsewhere(span):
            return True
        slot = located_as(span, self.place_lexicon)
        anchor = list_anchor(span.root, self.place_lexicon)
        if slot == "movement" or on_path(anchor, self.place_lexicon):
            # only the goal or origin of a movement ("flew to Hamilton", "flown out of
            # Hamilton", "taken from Darwin to the camp"), not its object: a person is
            # flown, evacuated, deported ("Police flew Hamilton to Ottawa", "Soldiers
            # evacuated Paterson from the village")
            return anchor.dep_ == "pobj"
        return slot == "locating"

    def _known_actors(self, span: Span) -> tuple[list[KBActor], str]:
        """The KB's actors of a name, and the rule: its full form ("kb"), written with
        full stops ("the C.I.A."), or a surname after an honorific ("surname")."""
        text = span.text
        actors = self.kb.actors_by_name(text)
        plain = undotted(text)
        if not actors and plain != text:
            actors = self.kb.actors_by_name(plain)
        if not actors:
            holder = self._office_holder_by_surname(span)
            if holder is not None:
                return [holder], "surname"
        return actors, "kb"

    def _office_holder_by_surname(self, span: Span) -> KBActor | None:
        """ "Mr Blair" in a story never naming him in full: the writer takes the reader to
        know him, so he is the one person of that surname holding a dated office on the
        article's date (Tony Blair in 2007). Only after a man's honorific: the KB has no
        gender, and "Mrs Blair" is more likely the office holder's wife than he."""
        if len(span) != 1 or span.start == 0 or self.when is None:
            return None
        if self.doc[span.start - 1].lower_ not in self.lexicon.male_honorifics:
            return None
        holders = {
            actor.actor_id: actor
            for actor in self.kb.people_by_surname(span.text)
            if _in_office(actor, self.when, offices_only=True)
        }
        curated = {key: a for key, a in holders.items() if CURATED_SOURCE in a.source}
        for pool in (holders, curated):  # of several, the one the leaders table keeps
            if len(pool) == 1:
                return next(iter(pool.values()))
        return None

    def _seat_reading(self, span: Span, iso3: str, sector: str | None) -> Resolution:
        """A seat of government's name as the rules read it (:meth:`_seat`), decided over its
        frame (:meth:`_frame_decision`) only where a frame model is used."""
        ruled = self._seat(span, iso3, sector)
        if not self.frames:
            return ruled  # no frame model: nothing more to build for the name
        government = resolve_state(self.kb, iso3, sector=sector or "GOV")
        return self._frame_decision(span, government, ruled, seat=True)

    def _seat(self, span: Span, iso3: str, sector: str | None) -> Resolution:
        """A seat of government's name: its government where it acts, a place where it is a
        location. A building ("the White House", "the Kremlin") stands for its government
        wherever it is not a location, and lies in its capital, never in a town of its name
        (White House, Tennessee); "a visit to the White House" visits the government there.
        A capital city is its government only where it acts; a town abroad of the same name
        (Casablanca is "White House") or a namesake at home far from the capital does not
        make a city, while a seat that is a town next to the capital is that town where it
        is a location ("clashes in Rawalpindi", "in Ramallah")."""
        kb = self.kb
        gazetteer = kb.gazetteer
        cities = [
            p
            for p in kb.places_by_name(span.text)
            if p.country == iso3
            and (p.kind != "city" or gazetteer.is_capital(p) or gazetteer.near_capital(p))
        ]
        located = located_as(span, self.place_lexicon)
        locative = self._is_locative(span)
        government = resolve_state(kb, iso3, sector=sector or "GOV")
        if cities and (span.start, span.end) in self.doc_places.fixed:
            return self._as_place(span, iso3)  # "Athens, Greece, was brought to a standstill"
        if (self._seat_acts(span) and not located) or (not cities and not located and not locative):
            return government
        if not cities:
            capital = kb.gazetteer.capital_of(iso3)
            if not locative and located != "locating":
                # "a visit to the White House" visits the government; "from the White House
                # briefing room" (a part of the building) is where
                return replace(government, place=capital)
            return Resolution("place", None, span.text, None, iso3, None, "seat", place=capital)
        # where it is a place, a seat is read as a place name of its state ("Washington" the
        # city, "Westminster" in London and not in Colorado)
        return self._as_place(span, iso3)

    # -- places (resolved in context by detente.places) ------------------------------------
    def _place(self, span: Span, *, places=None, country: str | None = None) -> Resolution:
        reading = self.doc_places.resolve(span.start, span.end, places=places, country=country)
        if reading is None:
            reason = "directional" if self.doc_places.is_directional(span) else "kb"
            return Resolution("place", None, span.text, None, country, None, reason)
        return _place_resolution(reading, span.text)

    def _as_place(self, span: Span, country: str | None) -> Resolution:
        """The name as a place (in ``country`` when given)."""
        return self._place(span, country=country)

    def _actor_or_land(self, span: Span, actor: Resolution, label: str | None = None) -> Resolution:
        """The phrase rules' reading (:meth:`_ruled_actor_or_land`); for a state's name, the
        frame model decides whether it is its land (:meth:`_frame_decision`)."""
        ruled = self._ruled_actor_or_land(span, actor, label)
        return self._frame_decision(span, actor, ruled) if actor.kind == "state" else ruled

    def _ruled_actor_or_land(
        self, span: Span, actor: Resolution, label: str | None = None
    ) -> Resolution:
        """A state's (or a place-named body's) name where it acts, or where it names the
        land: "troops in Iraq", "fighting in Gaza City", provinces Phoenix codes as
        their state ("Florida") and bodies named after a town that the parser calls a place
        ("far from Rafah") are places; "visited Belize", "Mexico's women" keep the
        state (it may be an event's participant) and give it its place."""
        iso3 = actor.country
        places = self.doc_places
        if (
            actor.kind in ("organization", "group")
            and iso3 is None
            and (self._is_locative(span) or located_as(span, self.place_lexicon))
        ):
            # "raids across Brussels", "the Brussels bombings": the town a body is named by,
            # where it is a location
            towns = [
                p
                for p in self.kb.places_by_name(span.text)
                if p.kind != "country" and span.text in p.names  # not "at the UN" for Un
            ]
            if towns and not places.inside_other_name(span):
                return self._place(span, places=towns)
        if actor.kind not in ("state", "organization", "group") or iso3 is None:
            return actor
        if actor.kind != "state" and not places.names_place_in(span.text, iso3):
            return actor  # an organization, not a place that Phoenix codes as one
        located = located_as(span, self.place_lexicon)
        if located is None and actor.kind == "state" and strikes_land(span, self.place_lexicon):
            located = "event"  # "the air war on Yemen": the land; a capital is not asked
        if actor.kind == "state" and (located or self._is_locative(span)):
            division = self._division_abroad(span, iso3)
            if division is not None:
                return division  # "voters in Georgia and Alabama": the US state
        if (
            self._is_locative(span)
            or (span.start, span.end) in places.fixed
            or (actor.kind == "state" and places.names_province_of(span.text, iso3))
            or (actor.kind != "state" and (located or label in PLACE_LABELS))
        ):
            return self._as_place(span, iso3)
        land = located or (actor.kind == "state" and not self._state_acts(span))
        if land and actor.kind == "state" and iso3 in self.kb.gazetteer.countries:
            return replace(actor, place=self.kb.gazetteer.countries[iso3])
        return actor

    def _state_acts(self, span: Span) -> bool:
        """Whether a state's name that no phrase rule placed stands for the state that acts
        (:func:`state_acts`); elsewhere it is its land as well."""
        return state_acts(
            span, self.place_lexicon, agent_noun=self._agent_noun, names_person=self._names_person
        )

    def _agent_noun(self, token: Token) -> bool:
        return agent_noun(token, self.kb, self.lexicon)

    def _frame_decision(
        self, span: Span, actor: Resolution, ruled: Resolution, *, seat: bool = False
    ) -> Resolution:
        """Whether a state's name (or its seat's) is its land, decided once over its frame by
        the learned model (:mod:`detente.places.frame`) where the phrase rules decided
        ``ruled``. Where the model overrules them, the reason says so: ``+frame`` after the
        actor's own (the state that acts, or the state with its land as a place)."""
        if not self.frames:
            return ruled
        iso3 = actor.country
        if (
            iso3 is None
            or ruled.country not in (None, iso3)
            or span.text.lower() in self.place_lexicon.directional
        ):
            return ruled  # a division abroad ("voters in Georgia"), "the North": the rules'
        rules_place = ruled.kind == "place" or ruled.place is not None
        lexicon = self.place_lexicon
        places = self.kb.places_by_name(span.text)
        signals = FrameSignals(
            locative=self._is_locative(span),
            located=located_as(span, lexicon),
            strikes=strikes_land(span, lexicon),
            seat=seat,
            rules_place=rules_place,
        )
        found = frame_features(
            span, list_anchor(span.root, lexicon), signals,
            place_lexicon=lexicon, speech_verbs=self.lexicon.speech_verbs,
            kinds=frozenset(p.kind for p in places),
            population=max((p.population for p in places if p.kind == "city"), default=0),
        )  # fmt: skip
        land = rules_place if self.frame_model is None else self.frame_model.is_land(found)
        self.frame_log.append((span.start, span.end, found, rules_place, land))
        if land == rules_place:
            return ruled
        if not land:
            return replace(actor, resolved_by=f"{actor.resolved_by}+frame")
        if seat:
            place = self._as_place(span, iso3)
            return replace(place, resolved_by=f"{place.resolved_by}+frame")
        country = self.kb.gazetteer.countries.get(iso3)
        if country is None:
            return ruled
        return replace(actor, place=country, resolved_by=f"{actor.resolved_by}+frame")

    def _division_abroad(self, span: Span, iso3: str) -> Resolution | None:
        """A state's name that also names a first-level division of another country
        ("Georgia"), where it is a place: that division if its context outweighs the
        country's (resolution in context weighs the two readings), else None."""
        places = self.kb.places_by_name(span.text)
        divisions = [p for p in places if p.kind == "admin1" and p.country != iso3]
        country = [p for p in places if p.kind == "country" and p.country == iso3]
        if not divisions or not country:
            return None
        resolution = self._place(span, places=[*country, *divisions])
        return resolution if resolution.country != iso3 else None

    def _directional(self, span: Span) -> Resolution | None:
        """ "the North": North Korea in a story about Korea, acting or located; elsewhere
        no name at all (never North Salt Lake)."""
        iso3 = self.doc_places.directional_state(span)
        if iso3 is None:
            return None
        state = replace(resolve_state(self.kb, iso3), name=span.text, resolved_by="directional")
        return self._actor_or_land(span, state)

    def _state_word(self, span: Span, iso3: str) -> Resolution | None:
        """ "Japan" acts; "Palestinians" is a group; "Danish" counts only on a participant."""
        root = span.root
        if root.tag_ in PLURAL_TAGS:
            return Resolution("group", f"group:{iso3}", span.text, iso3, iso3, None, "kb")
        if root.pos_ == "ADJ" or root.dep_ == "amod":
            if root.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
                return resolve_state(self.kb, iso3)
            return None
        return resolve_state(self.kb, iso3)

    def _unknown(self, span: Span, label: str | None) -> Resolution | None:
        text = span.text
        if label == "PERSON" or (
            label in ("GPE", "NORP", "LOC", "FAC") and self._speaking_name(span)
        ):
            tagged = self._party_tagged(span)
            if tagged is not None:
                return tagged
            return Resolution("person", f"person:{slug(text)}", text, None, None, None, "ner")
        if label == "ORG" and self._located_facility(span):
            label = "FAC"  # "at Mount Ember Hospital": where, not who
        elif label == "ORG" and self._names_settlement(span):
            label = "GPE"  # "the northern city of Marsa Matrouh": a town the gazetteer lacks
        if label == "ORG":
            inner = self._known_inside(span)
            if inner is not None and inner.kind == "organization" and inner.code:
                # "United Nations Emergency Relief Coordinator": a body of a known organization
                return Resolution(
                    "organization",
                    f"org:{slug(text)}",
                    text,
                    inner.code,
                    inner.country,
                    None,
                    "ner",
                )
            country = self._country_inside(span)
            return Resolution(
                "organization", f"org:{slug(text)}", text, country, country, None, "ner"
            )
        if label in ("GPE", "LOC", "FAC"):
            reading = self.doc_places.resolve_unknown(span)
            return _place_resolution(reading, text)
        if label == "NORP":
            return Resolution("group", f"group:{slug(text)}", text, None, None, None, "ner")
        return None

    def _party_tagged(self, span: Span) -> Resolution | None:
        """A person the KB does not know, named with a legislator's party tag right after
        the name ("Lindsey Graham (R-S.C.)": ``actors/party_tags.tsv``), sits in that
        legislature: the tag's code, before any country the context would lend."""
        rest = self.doc.text[span.end_char : span.end_char + PARTY_TAG_REACH].lstrip()
        for regex, code in self.lexicon.party_tags:
            if regex.match(rest):
                country, sector = split_code(code, code[:SECTOR_LENGTH])
                text = span.text
                return Resolution(
                    "person", f"person:{slug(text)}", text, code, country, sector, "party-tag"
                )
        return None

    def _known_inside(self, span: Span) -> Resolution | None:
        """The longest KB actor named inside an unknown entity ("United Nations ... Coordinator")."""
        inner = [
            m for m in self.name_matches
            if span.start <= m.start and m.end <= span.end and (m.end - m.start) < len(span) and "actor" in m.tags
        ]  # fmt: skip
        for match in sorted(inner, key=lambda m: m.start - m.end):
            actors = self.kb.actors_by_name(self.doc[match.start : match.end].text)
            if actors and actors[0].kind in ("organization", "state"):
                return resolve_known(self.kb, actors[0], self.when, "kb")
        return None

    def _country_inside(self, span: Span) -> str | None:
        """The country a name contains: a state word ("Nigerian Union of Teachers",
        "South Lebanon", "Stade de France"). Towns are not asked: they lend their names to
        foundations, estates and stadiums ("Douglas Creek Estates" is not on Man)."""
        for match in self.name_matches:
            if span.start <= match.start and match.end <= span.end:
                # "Nigerian Union of Teachers", "Bank of Japan" -- not "Beth Israel Deaconess"
                leading = (
                    match.start == span.start
                    or self.lowers[match.start - 1] in self.lexicon.name_prepositions
                )
                iso3 = self._country_word(match) if leading else None
                if iso3 is not None:
                    return iso3
        return None

    def _country_word(self, match: NameMatch) -> str | None:
        """The state a KB match surely names (see ``country_of_word``)."""
        return country_of_word(self.kb, self.doc[match.start : match.end].text, match.tags)

    def _speaking_name(self, span: Span) -> bool:
        """A capitalised unknown name that is the subject of a speech verb is a person."""
        root = span.root
        return (
            all(t.is_title for t in span)
            and root.dep_ == "nsubj"
            and root.head.lemma_.lower() in self.lexicon.speech_verbs
        )

    def _ambiguous_reading(self, span: Span) -> Resolution | None:
        entry = self.lexicon.ambiguous_names.get(span.text.lower())
        if entry is None:
            return None
        first = self.sentence_starts[max(0, self.sentence_of[span.start] - CONTEXT_SENTENCES)]
        last_sentence = self.sentence_of[span.start] + CONTEXT_SENTENCES + 1
        last = self.sentence_starts[min(last_sentence, len(self.sentence_starts) - 1)]
        context = " " + self.doc[first:last].text.lower() + " "
        if not any(_has_word(context, cue) for cue in entry.cues):
            return None
        if entry.reading == "place":
            return self._as_place(span, entry.country)
        return Resolution(
            "person", f"person:{slug(span.text)}", span.text, None, entry.country, None, "ner"
        )

    def _located_facility(self, span: Span) -> bool:
        """A building's name ("... Hospital", "Hospital Militar", "... Palace") where it is a
        location: after a locative preposition, held by a place ("St Petersburg's ...
        Palace"), or the goal of a movement or a strike ("a plot to bomb Kazan Cathedral")."""
        kind = facility_kind(span, self.place_lexicon)
        if kind is None:
            # "the legendary Hacienda club in Manchester": the building a place holds
            noun = facility_noun(span, self.place_lexicon)
            return noun is not None and self.doc_places.holder_reading(span) is not None
        institution = kind == "institution"
        if self._is_locative(span):
            # "a scholar at X Center"
            return not (institution and _employer_frame(span, self._names_person))
        if not institution and located_as(span, self.place_lexicon) == "movement":
            return True
        holders = [c for c in span.root.children if c.dep_ == "poss"]
        return any(h.ent_type_ in PLACE_LABELS for h in holders)

    def _names_settlement(self, span: Span) -> bool:
        """ "the northern city of Marsa Matrouh": a name the parser took for an organization
        that a noun of a town names (place_words.tsv, kind ``settlement``)."""
        root = span.root
        preposition = root.head
        return (
            root.dep_ == "pobj"
            and preposition.lower_ == "of"
            and preposition.head.lemma_.lower() in self.place_lexicon.settlements
            and any(c.dep_ == "det" for c in preposition.head.children)
        )

    def _names_person(self, token: Token) -> bool:
        """``token`` names a person: a person's name, or a role word for one person
        ("scholar", "director", "fellow": the KB's one-person heads; its singular for a
        plural), not an event ("shooting")."""
        if token.ent_type_ == "PERSON":
            return True
        word = token.lemma_.lower() or token.lower_
        vocabulary = self.kb.vocabulary
        if vocabulary is not None and word in vocabulary.person_heads:
            return True
        agent = self.kb.agent(word)
        if agent is not None:
            return agent.person
        role = self.lexicon.role_nouns.get(word)
        return role is not None and role.person

    def _is_locative(self, span: Span) -> bool:
        if self.dateline is not None and self.dateline[0] <= span.start < self.dateline[1]:
            return True
        root = list_anchor(span.root, self.place_lexicon)  # "in Turkey, Iraq and Syria"
        if root.dep_ != "pobj":
            return False
        preposition = root.head.lower_
        return preposition in self.lexicon.locative_prepositions or (
            preposition in self.place_lexicon.surface_prepositions
            and span[-1].lower_ in self.place_lexicon.surfaces  # "on Capitol Hill"
        )

    def _in_place_slot(self, span: Span) -> bool:
        """Where only a place goes: after a locative preposition, as the goal of a word of
        going ("to visit Soma"), or before an event noun it locates ("the Geneva motor
        show")."""
        return self._is_locative(span) or located_as(span, self.place_lexicon) in (
            "movement",
            "event",
        )

    def _seat_acts(self, span: Span) -> bool:
        """A seat of government's name that acts: as :meth:`_state_acts` for a subject, an
        object, an owner, after an acting preposition ("talks with Tehran") or a dative;
        "between" only for a relation's parties ("relations between Washington and Moscow",
        not "towns between Beirut and Sidon"); the object of an armed attack is the town it
        hits. A listed name acts where its list stands only after "between", as the object of
        an armed attack, or listed with a subject or an object ("Tehran and Moscow
        criticized"); after another preposition only the first acts ("talks with Tehran and
        Moscow": Moscow is the town)."""
        lexicon = self.place_lexicon
        anchor = list_anchor(span.root, lexicon)
        if anchor.dep_ == "pobj" and anchor.head.lower_ in lexicon.span_prepositions:
            return party_noun(anchor.head.head, lexicon)
        if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in lexicon.armed:
            return False  # "a plot to blow up the Vatican", "bombed Tehran": the town it hits
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "poss"):
            return True
        if root.dep_ == "conj":
            return root.head.dep_ in ("nsubj", "nsubjpass", "dobj")
        return root.dep_ == "pobj" and (
            root.head.lower_ in self.lexicon.acting_prepositions
            or root.head.dep_ == "dative"  # "sent a message to Tehran": the recipient
        )

    def _register_acronym(self, name: NamePhrase, resolution: Resolution) -> None:
        doc = self.doc
        if name.end + 2 < len(doc) and doc[name.end].text == "(" and doc[name.end + 2].text == ")":
            acronym = doc[name.end + 1].text
            if acronym.replace(".", "").isupper() and resolution.kind in ("organization", "group"):
                self.memory.acronyms[acronym] = resolution

    # -- role phrases ----------------------------------------------------------------------
    def _resolve_role(self, role: RolePhrase) -> None:
        doc = self.doc
        agent = role.agent
        agent_text = doc[agent.start : agent.end].text
        owner = self._owner(role.owner) if role.owner is not None else None
        if role.person is not None:
            self._resolve_title(role, owner, agent_text)
            return
        head = doc[agent.end - 1].lemma_.lower()
        span = doc[role.start : role.end]
        described = self.lexicon.descriptions.get(head)
        definite = owner is None and role.determiner in self.lexicon.definite_determiners
        if (
            definite
            and not agent.person  # "the rebel leader" is a person, not the rebels
            and described != "state"
            and not describes_name(doc[agent.end - 1])  # "the extremist ISIS": that one
            and self._resolve_typed(role.start, role.end, agent.end - 1)
        ):
            return  # "the militants", "the extremist group": the armed group named before
        if (
            described is not None
            and definite
            and self._resolve_description(
                Description(role.start, role.end, agent.end - 1, described)
            )
        ):
            return  # "the company", "the party": the one named before
        if not agent.person:
            person = self._appositive_member(span, owner, agent.sector)
            if person is not None:  # "Alan Gross, an American citizen": Gross, a citizen
                resolution = person.via("role")
                self._emit(role.start, role.end, resolution, None)
                self._remember(span, resolution, surname=None)
                return
            for name in role.co_owners:
                self._resolve_co_owner(name, agent)
            by = "kb" if owner is not None else "role"
            resolution = resolve_agent(
                owner, agent.sector, person=False, name=span.text, resolved_by=by,
                prefix=agent.prefix,
            )  # fmt: skip
            self._emit(role.start, role.end, resolution, None)
            if role.owner is not None and not self._owner_holds_office(role):
                building = head in self.place_lexicon.facilities  # "Hereford hospital"
                self._nested_place(role.owner, owner, building=building)
            return
        country = owner.country if owner is not None else None
        antecedent = self._appositive_person(span, owner, agent.sector)
        if antecedent is None and role.determiner not in self.lexicon.indefinite_determiners:
            unnamed = self.memory.unnamed.get(head) if country is None and role.determiner else None
            generic = head in self.lexicon.generic_role_heads
            if unnamed is not None and generic:
                antecedent = unnamed  # "a senior official" ... "the official"
            else:
                words = {t.lower_ for t in doc[agent.start : agent.end]}
                leader = bool(words & self.lexicon.leader_words)
                antecedent = (
                    self.memory.person_for_role(
                        head,
                        country,
                        words,
                        generic=generic,
                        leader=leader,
                        leader_words=self.lexicon.leader_words,
                    )
                    or unnamed
                )
        if antecedent is not None:
            resolution = antecedent.via("role")
        else:
            described = resolve_agent(
                owner, agent.sector, person=True, name=span.text, resolved_by="role",
                prefix=agent.prefix,
            )  # fmt: skip
            resolution = self.memory.new_unnamed(described, slug(head))
            if role.determiner in self.lexicon.indefinite_determiners or role.determiner is None:
                self.memory.unnamed[head] = resolution
        self._emit(role.start, role.end, resolution, None)
        if self._owner_locates(role, owner):
            self._nested_place(role.owner, owner)
        self._remember(
            span,
            resolution,
            surname=None,
            said=() if head in self.lexicon.generic_role_heads else (agent_text,),
        )

    def _owner_locates(self, role: RolePhrase, owner: Resolution | None) -> bool:
        """Whether the owner of a person's role phrase also says where the person is, so
        that its name is a place mention as well as the owner: "the commander of the
        forces in Iraq" is there, "the senator from Ohio", "the minister of Kosovo" serve
        it; "a Moscow-based analyst" is there, "Iraq's president" serves it. A town or a
        province written before the role noun is where the person lives or works ("a
        London teacher", "a Virginia high school student"), unless the role is an office or
        organ of its polity (:meth:`_owner_holds_office`: "Berlin mayor", "Oxford
        police") or a club's player in a sports story ("a Leeds striker")."""
        if role.owner is None:
            return False
        owner_span = self.doc[role.owner.start : role.owner.end]
        if role.owner_outside:
            return self._is_locative(owner_span) or self._town_of_origin(owner_span)
        if located_as(owner_span, self.place_lexicon):
            return True
        if owner is None or owner.kind not in ("state", "place"):
            return False  # an organization's or a person's name: whose
        if self._owner_holds_office(role) or self.sports_story:
            return False
        # the name as a place (a capital's name makes a state owner: "Paris student X")
        reading = self.doc_places.resolve(role.owner.start, role.owner.end)
        return reading is not None and reading.place is not None and reading.place.kind != "country"

    def _town_of_origin(self, span: Span) -> bool:
        """A town written after "from" a person ("one soldier from Hamilton, Ontario") is
        where the person comes from: a town has no soldiers of its own, as a state has
        ("members from the UK" act for it, :func:`state_acts`) and a province has its
        senators ("the senator from Ohio"); in a sports story it is the club ("a striker
        from Leeds")."""
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ not in self.place_lexicon.origin_prepositions:
            return False
        if self.sports_story:
            return False
        reading = self.doc_places.resolve(span.start, span.end)
        return reading is not None and reading.place is not None and reading.place.kind == "city"

    def _owner_holds_office(self, role: RolePhrase) -> bool:
        """A name written before a role noun of its polity's own offices and organs
        (``office_sectors``: "Berlin mayor", "Oxford police", "the Moscow government") names
        whose office it is, not where (the guideline's titles and offices are ``actor``);
        a building ("the Ottawa embassy") stays where it is."""
        if role.owner is None or role.owner_outside:
            return False
        if role.agent.sector not in self.place_lexicon.office_sectors:
            return False
        if self.doc[role.agent.end - 1].lemma_.lower() in self.place_lexicon.facilities:
            return False  # "the Ottawa embassy": a building, where it is
        return not located_as(self.doc[role.owner.start : role.owner.end], self.place_lexicon)

    def _resolve_description(self, description: Description) -> bool:
        """ "the country", "the group": the latest state, organization or group named; a
        description whose words name a kind of actor, the latest of that kind only."""
        kinds = (
            self._kinds_named(description.head)
            if description.refers_to != "state"  # "the terror-hit country": a state
            else frozenset()
        )
        if kinds and describes_name(self.doc[description.head]):
            return False  # "the militant group Hamas": the name says who
        if kinds:
            return self._resolve_typed(description.start, description.end, description.head, kinds)
        found = antecedent(self.resolved, description.start, description.refers_to)
        if found is None:
            return False
        negated = negated_kinds(self.doc, description.head, self.lexicon.description_types)
        if negated.intersection(code_blocks(found.code or found.sector or "")):
            return False  # "the anti-terror group" is not the armed group named before
        if description.refers_to == "state":
            found = resolve_state(self.kb, found.country)
        self._emit(description.start, description.end, found.via("description"), None)
        return True

    def _kinds_named(self, head: int) -> frozenset[str]:
        """The kinds the head of a description and its own modifiers name
        (:func:`~detente.actors.descriptions.kind_words`)."""
        table = self.lexicon.description_types
        return kinds_named(kind_words(self.doc, head, table), table)

    def _resolve_typed(
        self, start: int, end: int, head: int, kinds: frozenset[str] | None = None
    ) -> bool:
        """A definite description whose words name a kind of actor ("the rebels", "the
        terror group") is the latest actor of that kind named before it
        (:func:`~detente.actors.descriptions.typed_antecedent`), with its full code."""
        kinds = self._kinds_named(head) if kinds is None else kinds
        if not kinds or any(w in self.lexicon.region_words for w in self.lowers[start:end]):
            return False  # no kind named, or the words place it themselves ("Western militants")
        found = typed_antecedent(self.resolved, start, kinds)
        if found is None:
            return False
        self._emit(start, end, found.via("description+antecedent"), None)
        return True

    def _nested_place(
        self, name: NamePhrase, owner: Resolution | None, *, building: bool = False
    ) -> None:
        """The owner of a group named by a town or division is also a place mention ("four
        military personnel in Tripoli", "a Moscow think tank"); a country only where its
        name stands for its land ("Mexico's women"). Demonyms ("Japanese officials") and
        organizations are not places, but the town of a ``building`` is, even where the
        parser took the whole for an organization ("Hereford hospital")."""
        span = self.doc[name.start : name.end]
        if name.label == "PERSON" and (owner is None or owner.kind != "place"):
            return  # a person, unless read as a town ("processors in Aberdeen and Peterhead")
        if owner is not None and owner.kind not in ("state", "place"):
            if not (building and owner.code is None and owner.resolved_by == "ner"):
                return
        reading = self.doc_places.resolve(name.start, name.end)
        if reading is None or reading.country is None or reading.place is None:
            return  # a demonym ("Japanese officials"): whose, not where
        if reading.place.kind == "country" and not self._names_land(span):
            return  # "Mexico police": whose
        resolution = _place_resolution(reading, span.text)
        if reading.place.kind == "country":
            state = resolve_state(self.kb, reading.country)
            resolution = replace(state, name=span.text, place=reading.place)
        self.nested_places.append((name.start, name.end, resolution, name.label))

    def _placed_in(self, name: NamePhrase) -> bool:
        """A co-owner named after "in" or "from" says where the body is or comes from
        ("refugees from Syria and Iraq"); after "of" it is whose ("the armies of Islam and
        Rome")."""
        span = self.doc[name.start : name.end]
        root = list_anchor(span.root, self.place_lexicon)
        return self._is_locative(span) or (
            root.dep_ == "pobj" and root.head.lower_ in self.place_lexicon.movement_prepositions
        )

    def _names_land(self, span: Span) -> bool:
        """A state's own name (not a demonym) used for its land ("Mexico's women")."""
        places = self.kb.places_by_name(span.text)
        is_country = any(p.kind == "country" for p in places)
        return is_country and (
            self._is_locative(span) or located_as(span, self.place_lexicon) is not None
        )

    def _resolve_co_owner(self, name: NamePhrase, agent: AgentWord) -> None:
        """ "Gondor" in "the Gondor and Osgiliath governments": its own agent mention
        (GONGOV), on the name's span; a name that owns nothing stays a plain name."""
        owner = self._owner(name)
        if owner is None or owner.country is None or owner.kind not in ("state", "place"):
            self._resolve_name_reference(name)
            return
        text = f"{self.doc[name.start : name.end].text} {self.doc[agent.start : agent.end].text}"
        resolution = resolve_agent(
            owner, agent.sector, person=False, name=text, resolved_by="kb", prefix=agent.prefix
        )
        self._emit(name.start, name.end, resolution, None)
        if self._placed_in(name):
            self._nested_place(name, owner)  # "refugees from Syria and Iraq": Iraq is also where

    def _appositive_person(
        self, span: Span, owner: Resolution | None, sector: str
    ) -> Resolution | None:
        """ "Frank Jannuzi, former Asia adviser ...": the description is the person before it,
        and gives an uncoded person its country ("Sidhoum, Algeria's leading activist")."""
        root = span.root
        if root.dep_ != "appos":
            return None
        key = self.actor_at_token.get(root.head.i)
        entry = self.memory.persons.get(key) if key is not None else None
        if entry is None:
            return None
        person = entry.resolution
        if person.code is None and owner is not None and owner.country is not None:
            person = replace(
                person, code=join_code(owner.country, sector), country=owner.country, sector=sector
            )
        elif person.code is None and owner is not None and _stateless_body(owner):
            # "Najim Laachraoui, an ISIS explosives expert": a member of the organization
            person = replace(person, code=owner.code, country=None, sector=None)
        if person is not entry.resolution:
            entry.resolution = person
            self.resolved = [
                (
                    s,
                    e,
                    replace(person, resolved_by=r.resolved_by) if DocMemory.key(r) == key else r,
                    label,
                )
                for s, e, r, label in self.resolved
            ]
        return person

    def _appositive_member(
        self, span: Span, owner: Resolution | None, sector: str
    ) -> Resolution | None:
        """ "Alan Gross, an American citizen": a singular group noun in apposition to a
        person is what that person is, and gives an uncoded person its owner's country
        (:meth:`_appositive_person`); a plural one ("the protesters, students") is no person."""
        if owner is None or span.root.tag_ in PLURAL_TAGS:
            return None
        return self._appositive_person(span, owner, sector)

    def _resolve_title(self, role: RolePhrase, owner: Resolution | None, agent_text: str) -> None:
        person = role.person
        assert person is not None
        span = self.doc[person.start : person.end]
        whole = self.doc[role.start : role.end]
        resolution, actor = self.resolve_name(person)
        if resolution is None or resolution.kind != "person" or resolution.code is None:
            # the KB may know the titled form ("President Mugabe"), the name with its words
            # swapped (a scraping artefact: "President Trump Donald"), or the surname alone
            words = span.text.split()
            swapped = (" ".join(reversed(words)),) if len(words) == 2 else ()
            titled = self.doc[role.agent.start : person.end].text
            for text in (titled, *swapped, span[-1].text):
                found = [a for a in self.kb.actors_by_name(text) if a.kind == "person"]
                if found and len(span) > 0:
                    actor = found[0]
                    resolution = resolve_known(self.kb, actor, self.when, "kb")
                    break
        owner_country = owner.country if owner is not None and owner.kind != "place" else None
        if owner is not None and owner.kind == "place":
            owner_country = owner.country
        known = (
            resolution is not None and resolution.kind == "person" and resolution.code is not None
        )
        if known and owner_country is not None and resolution.country not in (None, owner_country):
            known = False  # "King Hassan of Morocco": the text's country beats a namesake's
        if (
            not known
            and owner is not None
            and owner.kind == "organization"
            and owner.code
            and owner.country is None
        ):
            # "Arab League Secretary General Chadli Klibi" acts for the organization
            resolution = Resolution(
                "person", f"person:{slug(span.text)}", span.text, owner.code, None, None, "title"
            )
            known = True
        tagged = self._party_tagged(span) if not known else None
        if tagged is not None:
            resolution, known = tagged, True  # "Sen. Lindsey Graham (R-S.C.)"
        if not known:
            country = owner_country or (resolution.country if resolution is not None else None)
            if country is None:
                country = self._sentence_country(whole)
            resolution = Resolution(
                "person",
                resolution.actor_id
                if resolution is not None
                and resolution.kind == "person"
                and resolution.code is None
                else f"person:{slug(span.text)}",
                span.text,
                join_code(country, role.agent.sector) if country else None,
                country,
                role.agent.sector,
                "title",
            )
        self._emit(role.start, role.end, resolution, person.label)
        if self._owner_locates(role, owner):
            self._nested_place(role.owner, owner)  # "London teacher Diane Granger"
        surname = self.kb.family_names(span.text, resolution.country)
        self._remember(
            whole, resolution, surname=surname, titles=_titles(actor), said=(agent_text,)
        )

    def _sentence_country(self, span: Span) -> str | None:
        """The one country the sentence names, if exactly one: "President Dos Santos ...
        Angola" -- a title with no country of its own takes the sentence's."""
        number = self.sentence_of[span.start]
        first, last = self.sentence_starts[number], self.sentence_starts[number + 1]
        countries = set()
        for match in self.name_matches:
            if (
                first <= match.start
                and match.end <= last
                and not span.start <= match.start < span.end
                and match.start not in self.owner_starts  # "South African leader X": X's, not ours
            ):
                iso3 = self._country_word(match)
                if iso3 is not None:
                    countries.add(iso3)
        return countries.pop() if len(countries) == 1 else None

    def _owner(self, name: NamePhrase) -> Resolution | None:
        """Whose agent a name makes a role word: a state, a person's country, an organization."""
        if name.end - name.start == 1 and self.lexicon.region_words.get(self.lowers[name.start]):
            return None  # "Arab leaders": a region's (attach_countries), no town called Arab
        text = self.doc[name.start : name.end].text
        iso3 = self.kb.state_for_word(text)
        if iso3 is not None and not self.doc_places.may_be_seat(name.start, name.end, iso3):
            # "Hamilton police" in a story from Ontario: the town's country, not Bermuda's
            iso3 = self.doc_places.resolve(name.start, name.end).country
        if iso3 is not None:
            return resolve_state(self.kb, iso3)
        resolution, _ = self.resolve_name(name)
        if resolution is not None and resolution.kind == "person":
            return replace(resolution, kind="state", code=resolution.country)
        return resolution

    # -- pronouns --------------------------------------------------------------------------
    def _resolve_pronoun(self, token: Token) -> None:
        sentence = self.sentence_of[token.i]
        window_start = self.sentence_starts[max(0, sentence - 1)]
        lexicon, word = self.lexicon, token.lower_
        exclude = self._pronoun_excludes(token)
        if exclude is False:
            return
        if word in lexicon.group_pronouns or word in lexicon.thing_pronouns:
            plural = word in lexicon.group_pronouns
            if not plural and (self._expletive(token) or token.dep_ not in THING_ACTOR_DEPS):
                # an "it" that acts ("it said", "its army") may be a state or a body; an
                # object "it" is mostly a thing or a topic ("discuss it", "passed it"),
                # which the actors named before cannot be
                return
            antecedent = self.memory.body_for_pronoun(
                token.i, window_start, plural=plural, exclude=exclude
            )
            if plural and self._people_coordinated_since(antecedent, window_start, token.i):
                # "Trump and Abe, who held a news conference after their meeting": the
                # nearest plural antecedent is a pair of people, which no one code holds
                return
        else:
            antecedent = self.memory.person_for_pronoun(token.i, window_start, exclude=exclude)
            if antecedent is None and self._reports_speech(token):
                antecedent = self._speaker_before_quote(token, sentence, exclude)
        if antecedent is None:
            return
        resolution = antecedent.via("pronoun")
        self._emit(token.i, token.i + 1, resolution, None)
        self._remember(self.doc[token.i : token.i + 1], resolution, surname=None)

    def _reports_speech(self, token: Token) -> bool:
        """ "he said", "she posted": the subject of a speech verb."""
        return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in self.lexicon.speech_verbs

    def _speaker_before_quote(
        self, token: Token, sentence: int, exclude: str | None
    ) -> Resolution | None:
        """ "... said Jen Psaki. “The world stands united. Let's hope ...,” she posted.": the
        quoted sentences name nobody, and "she" reports them, so she is someone named before
        them; the nearest person, one sentence further back at a time (up to
        ``SPEAKER_LOOKBACK`` sentences), over quoted sentences only: "Psaki spoke on Monday.
        The weather was cold. Later she said ..." is no speaker's report of her words."""
        for back in range(2, SPEAKER_LOOKBACK + 1):
            if sentence - back < 0 or not self._is_quoted_sentence(sentence - back + 1):
                return None
            start = self.sentence_starts[sentence - back]
            found = self.memory.person_for_pronoun(token.i, start, exclude=exclude)
            if found is not None:
                return found
        return None

    def _is_quoted_sentence(self, number: int) -> bool:
        """Whether sentence ``number`` starts or ends inside a quoted passage (its marks
        included): quoted speech, not narration."""
        words = [
            t
            for t in self.doc[self.sentence_starts[number] : self.sentence_starts[number + 1]]
            if not t.is_space
        ]
        if not words:
            return False
        end_of_text = len(doc_text(self.doc))
        return any(
            p.open_mark <= token.idx <= (end_of_text if p.close_mark is None else p.close_mark)
            for token in (words[0], words[-1])
            for p in self._quoted_passages
        )

    def _people_coordinated_since(
        self, antecedent: Resolution | None, window_start: int, token: int
    ) -> bool:
        """Whether people joined by "and" ("Trump and Abe") stand between ``window_start``
        and ``token``, after the latest mention of the body ``antecedent``."""
        after = window_start
        if antecedent is not None:
            key = DocMemory.key(antecedent)
            after = max(
                (
                    b.token
                    for b in self.memory.bodies
                    if b.token < token and DocMemory.key(b.resolution) == key
                ),
                default=window_start,
            )
        heads = {
            name_head(self.doc[t]).i
            for entry in self.memory.persons.values()
            for t in entry.tokens
            if after <= t < token
        }
        return any(
            self.doc[i].dep_ == "conj" and name_head(self.doc[i].head).i in heads for i in heads
        )

    def _pronoun_excludes(self, token: Token) -> str | None | bool:
        """Who a pronoun cannot be (the actor key), None if anyone, False if the pronoun
        plays no part an actor plays here: a subject is not its own conjunct ("he and Trump
        will discuss"); an object is not its clause's subject; a possessive ("his", "their
        demand") may well be its clause's subject."""
        if token.dep_ == "poss":
            return None
        if token.dep_ in SUBJECT_DEPS:
            conjunct = next((c for c in token.children if c.dep_ == "conj"), None)
            return self._actor_key_at(conjunct) if conjunct is not None else None
        if token.dep_ in ("dobj", "pobj", "iobj", "dative"):
            verb = token.head.head if token.dep_ == "pobj" else token.head
            subject = subject_of(verb)
            return self.actor_at_token.get(subject.i) if subject is not None else None
        return False

    @staticmethod
    def _expletive(token: Token) -> bool:
        """ "it is unclear", "it was reported that", "It’s unclear": an "it" that is the
        subject of "be" stands for nothing an actor does."""
        head = token.head
        return token.dep_ in SUBJECT_DEPS and (is_copula(head) or head.lower_ in BE_FORMS)

    def _actor_key_at(self, token: Token) -> str | None:
        """The actor a token refers to: resolved already, or a name ahead in the text."""
        key = self.actor_at_token.get(token.i)
        if key is None and self.name_at[token.i] is not None:
            resolution, _ = self.resolve_name(self.name_at[token.i])
            key = DocMemory.key(resolution) if resolution is not None else None
        return key

    # -- output ----------------------------------------------------------------------------
    def places(self) -> list[Place]:
        """One canonical place per place_id met in the document, in order of first mention,
        with the country it lies in on the article's date."""
        places: dict[str, Place] = {}
        resolved = [*self.resolved, *self.nested_places]
        for _, _, resolution, _ in sorted(resolved, key=lambda item: item[0]):
            found = resolution.place
            if found is not None and found.place_id not in places:
                places[found.place_id] = Place(
                    found.place_id, found.name, found.kind, found.names,
                    resolution.country, found.lat, found.lon, found.claimants,
                )  # fmt: skip
        return list(places.values())

    def _as_region_actor(self, resolution: Resolution) -> Resolution:
        """A region the gazetteer knows and CAMEO codes ("Europe", "Africa", "the Middle
        East") keeps its place and takes its region code, the way a state name takes its
        ISO3: "attacks on Europe" and "aid to Africa" have a participant of that region
        (``actors/region_codes.tsv``)."""
        place = resolution.place
        if resolution.kind != "place" or resolution.code or place is None:
            return resolution
        region = self.lexicon.region_codes.get(place.place_id)
        if region is None or resolution.country is not None:
            return resolution
        return replace(resolution, code=region)  # resolved_by: the place's own reason

    def _mentions(self) -> list[Mention]:
        doc = self.doc
        doc_id = doc_id_of(doc)
        mentions = []
        resolved = [*self.resolved, *self.nested_places]
        for start, end, r, label in sorted(resolved, key=lambda item: (item[0], item[1])):
            span = doc[start:end]
            r = self._as_region_actor(r)
            place = r.place
            mentions.append(
                Mention(
                    doc_id=doc_id,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    kind=r.kind,
                    actor_id=r.actor_id,
                    name=r.name,
                    code=r.code,
                    country=r.country,
                    sector=r.sector,
                    resolved_by=r.resolved_by,
                    undated=r.undated,
                    place_id=place.place_id if place else None,
                    lat=place.lat if place else None,
                    lon=place.lon if place else None,
                    claimants=place.claimants if place else (),
                    ner_label=label,
                )
            )
        return mentions


PARTY_TAG_REACH = 40  # characters after a name read for a party tag ("(R-S.C.)")
SPEAKER_LOOKBACK = 3  # "he said" after quoted sentences: the speaker is named this far back at most
CURATED_SOURCE = "leaders"  # the dated leaders table, kept current by hand (kb/README.md)
ELITE_SECTOR = "ELI"  # former officials, notables: a standing, not an office


def _pick_actor(actors: list[KBActor], label: str | None, when: date | None = None) -> KBActor:
    """The KB's order first (user dictionaries lead); the NER label breaks ties of kind.
    Among people of one name, one in a dated office on the article's date comes first
    ("President Bush" in 2007 is George W. Bush), then one of the curated leaders table
    before a raw Phoenix record of the same person ("Queen Elizabeth II": GBR, not a
    Phoenix record under KNA)."""
    first = actors[0]
    if first.source.startswith("user:"):
        return first
    wanted = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "group"}.get(
        label or ""
    )
    if wanted is not None and first.kind != wanted:
        first = next((actor for actor in actors if actor.kind == wanted), first)
    if first.kind != "person":
        return first
    people = [actor for actor in actors if actor.kind == "person"]
    return min(people, key=lambda a: (not _in_office(a, when), CURATED_SOURCE not in a.source))


DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def undotted(text: str) -> str:
    """An acronym written with full stops as the KB writes it: "C.I.A." -> "CIA"; any
    other text unchanged."""
    return text.replace(".", "") if DOTTED_INITIALS.fullmatch(text) else text


def _in_office(actor: KBActor, when: date | None, *, offices_only: bool = False) -> bool:
    """A role with dates of its own holds on ``when`` (an undated role says nothing).
    ``offices_only``: an elite's role (an ``ELI`` block: former officials, notables) is a
    standing, not an office, and does not count."""
    return when is not None and any(
        role.dated
        and role.holds_on(when)
        and not (offices_only and ELITE_SECTOR in code_blocks(role.code))
        for role in actor.roles
    )


def _employer_frame(span: Span, names_person: Callable[[Token], bool]) -> bool:
    """ "Ann Lee, a scholar at the Wilson Center", "director of the Asia Program at X
    Center": the preposition describes a person or a body by where they work, so the name
    is that employer (an organization), not where something happens ("a riot inside the
    Regional Recovery Center", "exhibits at the Al Shawa Cultural Center"). An apposition
    or a predicate noun is such a description only when ``names_person`` holds of it ("Lee
    is a researcher at X Center"), not for an event ("there was a shooting at X Center",
    "the attack, a shooting at X Center")."""
    preposition = span.root.head
    holder = preposition.head
    if preposition.dep_ != "prep" or holder.pos_ not in ("NOUN", "PROPN"):
        return False
    if holder.ent_type_ in ("ORG", "PERSON"):
        return True
    return holder.dep_ in ("appos", "attr") and names_person(holder)


def _stateless_body(owner: Resolution) -> bool:
    """An organization coded without a country (IGOUNO, IMGMUSISI, NGOHRI): its members
    act for it."""
    return owner.kind == "organization" and bool(owner.code) and owner.country is None


def state_acts(
    span: Span,
    lexicon: PlaceLexicon,
    *,
    agent_noun: Callable[[Token], bool],
    names_person: Callable[[Token], bool],
) -> bool:
    """Whether a state's name that no phrase rule placed stands for the state that acts;
    elsewhere it is its land as well (the default: "clubgoers from Jordan", "former
    Soviet republics like Ukraine", "attacking Syria"). It acts as the subject or passive
    agent of a verb (a speaker among them), its object or addressee ("warned Iran", "told
    Madrid"; not the target of an armed attack: "burn Lebanon"), an owner or a modifier
    ("Iran's ability", "UK support"), after a preposition ("talks with Iran", "sanctions
    on Belarus", "aid to Ukraine") but an origin ("from X": the land, unless the noun is
    one of its agents, "members from the UK", or a thing "is from" it, its maker) or a span ("between X and Y": the land,
    unless the noun is a relation, a deal or a meeting of which they are the parties),
    in apposition to a person's name ("B Lima (Samoa)" in a squad). A listed name acts where its
    list stands, a name given as an example where its noun does. A demonym, an adjective
    or a common noun is never the land."""
    root = span.root
    if root.pos_ != "PROPN" or root.ent_type_ == "NORP":
        return True
    anchor = list_anchor(root, lexicon)
    dep, head = anchor.dep_, anchor.head
    if dep == "pobj":
        preposition, noun = head.lower_, head.head
        if preposition in lexicon.origin_prepositions:
            # "the proposal is from Russia": its maker (people who "are from" a state come
            # from its land: located_as)
            return noun.lemma_.lower() == "be" or agent_noun(noun)
        if preposition in lexicon.span_prepositions:
            return party_noun(noun, lexicon)
        return True
    if dep == "dobj":
        return head.lemma_.lower() not in lexicon.armed
    if dep == "appos":  # "B Lima (Samoa)"; not "former republics like Ukraine"
        return anchor.pos_ == "PROPN" and (head.pos_ == "PROPN" or names_person(head))
    return dep in ACTING_DEPS


def agent_noun(token: Token, kb: KnowledgeBase, lexicon: ActorLexicon) -> bool:
    """``token`` is an agent noun (the agents dictionary, our role nouns): the people of a
    state that act for it ("members", "officials", "troops")."""
    words = {token.lower_, token.lemma_.lower()}
    return any(kb.agent(w) is not None or w in lexicon.role_nouns for w in words)


def party_noun(token: Token, lexicon: PlaceLexicon) -> bool:
    """``token`` is a noun of a relation, a deal or a meeting whose parties are named
    "between" it (place_words.tsv, kind party)."""
    return token.lemma_.lower() in lexicon.parties or token.lower_ in lexicon.parties


def _place_resolution(reading: PlaceReading, text: str) -> Resolution:
    if reading.place is None:
        return Resolution("place", None, text, None, reading.country, None, reading.resolved_by)
    return resolve_place(reading.place, reading.resolved_by, country=reading.country)


def _titles(actor: KBActor | None) -> tuple[str, ...]:
    if actor is None:
        return ()
    return tuple(role.title for role in actor.roles if role.title)


def _has_word(context: str, cue: str) -> bool:
    index = context.find(cue)
    while index != -1:
        before = context[index - 1] if index > 0 else " "
        after = context[index + len(cue)] if index + len(cue) < len(context) else " "
        if not before.isalnum() and not (after.isalnum() and cue[-1].isalnum()):
            return True
        index = context.find(cue, index + 1)
    return False


def name_head(token: Token) -> Token:
    """The head word of the name ``token`` starts or belongs to ("Barack" -> "Obama")."""
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token
