"""The references to actors in a parsed ``Doc``, before they are resolved.

Three shapes: a *name* (a KB match or a named entity), a *role phrase* built around an
agent word ("the Japanese leader", "Japanese officials", "Japanese Prime Minister
Shinzo Abe" -- a title when a name follows), and a *pronoun*. Names from the KB and
from the NER are merged here: the longer span wins, a KB match wins a tie.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.actors.matching import NameMatch
from detente.kb import KnowledgeBase
from detente.knowledge.actors import ActorLexicon
from detente.nlp.extensions import doc_text
from detente.nlp.syntax import (
    NAMED_ENTITY_LABELS,
    PLACE_LABELS,
    PLURAL_TAGS,
    ROLE_MODIFIER_DEPS,
    ROLE_MODIFIER_POS,
    SUBJECT_DEPS,
    first_conjunct,
)

# Tags of KB forms reliable enough to match a capitalised word that the tagger did not call
# a proper noun ("Japanese" is ADJ).
SELF_EVIDENT_TAGS = frozenset({"state", "demonym", "seat"})
# whether a span stands where a place goes ("in ...", "to visit ...")
PlaceSlot = Callable[[Span], bool]


@dataclass(slots=True)
class NamePhrase:
    start: int
    end: int
    tags: frozenset[str]  # KB tags of this exact span (empty: NER only)
    label: str | None  # NER label when an entity has exactly/around this span


@dataclass(slots=True)
class AgentWord:
    start: int
    end: int
    sector: str
    person: bool  # the word names one person ("president") -- and is singular here
    prefix: bool = False  # PETRARCH "[NGO~]": the code goes before the country (NGOGON)


@dataclass(slots=True)
class RolePhrase:
    start: int  # first token of the whole phrase (modifiers and owner included)
    end: int
    agent: AgentWord
    owner: NamePhrase | None  # whose agent: "Japanese" officials, the "Trump" administration
    owner_outside: bool  # the owner is in a prepositional phrase ("president of Armenia")
    determiner: str | None  # "the", "a"... (lowercase) before the phrase
    person: NamePhrase | None = None  # the name a title introduces ("President Donald Trump")
    # names coordinated with the owner share the agent: "Gondor and Osgiliath governments",
    # "lawmakers in Fornost and Gondor" -> one agent mention per owner
    co_owners: list[NamePhrase] = field(default_factory=list)


def _strip_entity(doc: Doc, span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    # an opening quote the parser took into the entity ("“Syrian Electronic Army") is
    # no more part of the name than a closing one
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


# what the parser calls a capitalised word in a place-only slot that may be a town's name
NAME_POS = frozenset({"PROPN", "NOUN"})


def _plausible(doc: Doc, match: NameMatch, place_slot: PlaceSlot | None = None) -> bool:
    """A KB name match is a name here, not a capitalised common word ("Both", "May")."""
    if match.tags & SELF_EVIDENT_TAGS:
        return True
    tokens = doc[match.start : match.end]
    if match.tags == {"place"}:
        # geonames has a town for many capitalised words ("March", "One", "Pan", the Boston
        # "Marathon"): a place name alone needs the NER to see a place there too, or, where
        # the NER saw nothing, a proper noun where a place goes ("to visit Soma instead")
        if all(t.ent_type_ in PLACE_LABELS for t in tokens):
            return True
        return (
            place_slot is not None
            and match.start > tokens.sent.start
            # the parser takes a town named like a word for that word ("back to Reading")
            and all(t.pos_ in NAME_POS and t.is_title and not t.ent_type_ for t in tokens)
            and not _glued(doc, match.start, match.end)
            # "born in the Centre": a common word; "the Geneva motor show": a modifier's
            and (doc[match.start - 1].pos_ != "DET" or tokens.root.dep_ in ("compound", "nmod"))
            and place_slot(tokens)
        )
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in tokens)


def _glued(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word next to the span: part of a longer name ("Hanoi's Old Quarter")
    or a headline in title case ("Allies At NATO Summit")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and (t.is_title or t.is_upper) for t in (before, after))


def find_names(
    doc: Doc,
    name_matches: list[NameMatch],
    agent_tokens: set[int],
    group_heads: set[int],
    coordinators: frozenset[str],
    *,
    place_slot: PlaceSlot | None = None,
    street_words: frozenset[str] = frozenset(),
    facility_words: frozenset[str] = frozenset(),
) -> list[NamePhrase]:
    """Non-overlapping names in text order: KB matches merged with named entities.

    ``group_heads`` are agent words naming a body ("administration"): a KB form that ends
    in one ("Obama administration") is left to the role phrase, which codes the body.
    ``coordinators`` join two names in one entity ("Gondor and Osgiliath").
    ``place_slot`` says whether a span stands where a place goes ("in ...", "to visit ...").
    ``street_words`` end a street's name after a name ("Norway Street"): the two are one
    place name (a facility), not the name they start with.
    ``facility_words`` start or end a building's name the parser left untagged ("the
    Monument to the Revolution", "Bolton Abbey").
    """
    tags_at = {(m.start, m.end): frozenset(m.tags) for m in name_matches}
    candidates: dict[tuple[int, int], NamePhrase] = {}
    for m in name_matches:
        if _kb_name(doc, m, agent_tokens, group_heads, tags_at, place_slot):
            candidates[(m.start, m.end)] = NamePhrase(m.start, m.end, frozenset(m.tags), None)
    for ent in doc.ents:
        if ent.label_ not in NAMED_ENTITY_LABELS:
            continue
        start, end = _entity_bounds(doc, ent, agent_tokens, tags_at)
        if end <= start:
            continue
        if (start, end) not in tags_at and _split_coordination(
            doc, start, end, ent.label_, candidates, coordinators
        ):
            continue
        known = candidates.get((start, end))
        tags = known.tags if known is not None else tags_at.get((start, end), frozenset())
        candidates[(start, end)] = NamePhrase(start, end, tags, ent.label_)
    _add_streets(doc, candidates, street_words)
    _add_facility_names(doc, candidates, facility_words)
    _add_acronyms(doc, candidates)
    return _longest_first(len(doc), candidates.values())


def _add_streets(
    doc: Doc, candidates: dict[tuple[int, int], NamePhrase], street_words: frozenset[str]
) -> None:
    """ "One Norway Street", "on Lenin Avenue": a name followed by a capitalised street word
    is a street's name, which the parser often leaves untagged."""
    for start, end in list(candidates):
        if end < len(doc) and (start, end + 1) not in candidates:
            word = doc[end]
            if word.is_title and word.lower_ in street_words:
                candidates[(start, end + 1)] = NamePhrase(start, end + 1, frozenset(), "FAC")


def _add_facility_names(
    doc: Doc, candidates: dict[tuple[int, int], NamePhrase], facility_words: frozenset[str]
) -> None:
    """A building's name the parser tagged nothing, written capitalised inside a sentence:
    capitalised words ending in a facility word ("Bolton Abbey"), or a facility word and its
    "of/to the X" ("the Monument to the Revolution"); at least two words, and none of them
    the first of the sentence or next to other capitalised words (a headline)."""
    size = len(doc)

    def plain(i: int) -> bool:
        t = doc[i]
        return t.is_title and t.is_alpha and not t.ent_type_ and not t.is_sent_start

    for i, token in enumerate(doc):
        if token.lower_ not in facility_words or not plain(i):
            continue
        start = i
        while start > 0 and plain(start - 1) and doc[start - 1].pos_ == "PROPN":
            start -= 1
        end = i + 1
        if start == i and end + 1 < size and doc[end].lower_ in ("of", "to"):
            k = end + 1 + (doc[end + 1].lower_ == "the")
            tail = k
            while tail < size and plain(tail) and doc[tail].pos_ == "PROPN":
                tail += 1
            end = tail if tail > k else end
        if end - start < 2 or (
            start > 0 and (doc[start - 1].is_title and not doc[start - 1].is_sent_start)
        ):
            continue
        if end < size and doc[end].is_title and not doc[end].is_punct:
            continue  # "... Abbey Road Studios": a longer name
        if not any(start < e and s < end for s, e in candidates):
            candidates[(start, end)] = NamePhrase(start, end, frozenset(), "FAC")


def _kb_name(
    doc: Doc,
    m: NameMatch,
    agent_tokens: set[int],
    group_heads: set[int],
    tags_at: dict[tuple[int, int], frozenset[str]],
    place_slot: PlaceSlot | None = None,
) -> bool:
    """A KB match that is a name here (not a role description or a title)."""
    if m.end - m.start > 1 and m.end - 1 in group_heads:
        return False
    if (
        all(i in agent_tokens for i in range(m.start, m.end))
        and m.end < len(doc)
        and doc[m.end].ent_type_ == "PERSON"
    ):
        return False  # "Secretary of State Mike Pompeo": a title, though a dictionary name
    if m.end - m.start > 1 and m.end - 1 in agent_tokens:
        # "White House spokesman", "White House press secretary": a name and a role
        # description (a dictionary alias of the body), left to the role phrase
        if any((m.start, cut) in tags_at for cut in range(m.start + 1, m.end)):
            return False
    return _plausible(doc, m, place_slot)


def _entity_bounds(
    doc: Doc, ent: Span, agent_tokens: set[int], tags_at: dict[tuple[int, int], frozenset[str]]
) -> tuple[int, int]:
    """The name inside a named entity: without determiners, punctuation and title words."""
    start, end = _strip_entity(doc, ent)
    # A title inside a person entity ("President Trump") is a role word, not a name.
    while ent.label_ == "PERSON" and end - start > 1 and start in agent_tokens:
        start += 1
    # "the Trump administration": a known name followed by agent words is that name.
    if end - 1 in agent_tokens:
        for cut in range(end - 1, start, -1):
            if (start, cut) in tags_at and all(i in agent_tokens for i in range(cut, end)):
                return start, cut
    return start, end


def _longest_first(size: int, candidates) -> list[NamePhrase]:
    """Non-overlapping candidates, the longer (then the KB-known) first, in text order."""
    taken = [False] * size
    chosen: list[NamePhrase] = []
    for phrase in sorted(candidates, key=lambda p: (-(p.end - p.start), not p.tags, p.start)):
        if any(taken[phrase.start : phrase.end]):
            continue
        taken[phrase.start : phrase.end] = [True] * (phrase.end - phrase.start)
        chosen.append(phrase)
    chosen.sort(key=lambda p: p.start)
    return chosen


def _split_coordination(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    candidates: dict[tuple[int, int], NamePhrase],
    coordinators: frozenset[str],
) -> bool:
    """ "Gondor and Osgiliath" tagged as one entity: when a conjunct is a known name, each
    conjunct is its own name (the known ones keep their KB match; the others keep the
    label). Names that are coordinations themselves ("Bosnia and Herzegovina", "Procter &
    Gamble") are KB forms or have no known conjunct, and stay whole. True if split."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in coordinators]
    if not cuts:
        return False
    bounds = [start, *[c for cut in cuts for c in (cut, cut + 1)], end]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    pieces = [(a, b) for a, b in pieces if b > a]
    if not any(candidates.get(p) is not None and candidates[p].tags for p in pieces):
        return False
    for piece in pieces:
        if piece not in candidates:
            candidates[piece] = NamePhrase(piece[0], piece[1], frozenset(), label)
    return True


def _add_acronyms(doc: Doc, candidates: dict[tuple[int, int], NamePhrase]) -> None:
    """Every occurrence of an acronym the text defines in parentheses: "... Front (RUF)"."""
    if "(" not in doc_text(doc):
        return
    texts = [t.text for t in doc]
    defined = {
        texts[i]
        for i in range(1, len(texts) - 1)
        if texts[i - 1] == "(" and texts[i + 1] == ")" and _acronym_shaped(texts[i])
    }
    for i, text in enumerate(texts):
        if text in defined and (i, i + 1) not in candidates:
            candidates[(i, i + 1)] = NamePhrase(i, i + 1, frozenset(), "ORG")


def _acronym_shaped(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2


def find_agents(
    doc: Doc,
    agent_matches: list[NameMatch],
    kb: KnowledgeBase,
    lexicon: ActorLexicon,
    taken: list[bool],
    lowers: list[str],
) -> list[AgentWord]:
    """Agent words not inside a name, longest first; single role nouns from the lexicon fill gaps."""
    found: list[AgentWord] = []
    used = list(taken)
    for ent in doc.ents:
        # "Air Force One" is a plane: agent words inside such a name are no agents
        if ent.label_ in lexicon.opaque_entity_labels:
            used[ent.start : ent.end] = [True] * (ent.end - ent.start)
    for m in sorted(agent_matches, key=lambda m: -(m.end - m.start)):
        if any(used[m.start : m.end]):
            continue
        agent = kb.agent(doc[m.start : m.end].text)
        if agent is None:
            continue
        used[m.start : m.end] = [True] * (m.end - m.start)
        found.append(AgentWord(m.start, m.end, agent.code, agent.person, agent.prefix))
    for i, lower in enumerate(lowers):
        role = lexicon.role_nouns.get(lower)
        if role is None or used[i] or doc[i].pos_ not in ("NOUN", "PROPN"):
            continue
        used[i] = True
        found.append(AgentWord(i, i + 1, role.sector, role.person))
    for agent in found:
        if doc[agent.end - 1].tag_ in PLURAL_TAGS:
            agent.person = False
    found.sort(key=lambda a: a.start)
    return _merge_generic_heads(doc, found, lexicon)


def _merge_generic_heads(
    doc: Doc, found: list[AgentWord], lexicon: ActorLexicon
) -> list[AgentWord]:
    """ "opposition leaders", "military officials", "police chief": a generic head takes the
    sector of the agent word right before it (OPP, MIL, COP), as one agent."""
    merged: list[AgentWord] = []
    for agent in found:
        before = merged[-1] if merged else None
        if (
            before is not None
            and before.end == agent.start
            and agent.end - agent.start == 1
            and doc[agent.start].lemma_.lower() in lexicon.generic_role_heads
            and doc[before.end - 1].head.i == agent.start
        ):
            merged[-1] = AgentWord(
                before.start, agent.end, before.sector, agent.person, before.prefix
            )
            continue
        merged.append(agent)
    return merged


def build_roles(
    doc: Doc,
    agents: list[AgentWord],
    name_at: list[NamePhrase | None],
    lexicon: ActorLexicon,
    agent_tokens: set[int],
) -> list[RolePhrase]:
    """Role phrases around agent words that head their noun phrase."""
    agent_at: list[AgentWord | None] = [None] * len(doc)
    for agent in agents:
        for i in range(agent.start, agent.end):
            agent_at[i] = agent
    roles: list[RolePhrase] = []
    for agent in agents:
        last = doc[agent.end - 1]
        head = last.head
        # "administration" in "administration official" modifies another agent word.
        if last.dep_ in ("compound", "amod", "nmod") and head.i >= agent.end:
            outer = agent_at[head.i]
            if outer is not None and outer is not agent:
                continue
        start, owner = _walk_left(doc, agent, name_at)
        determiner = None
        if start > 0 and doc[start - 1].lower_ in (
            lexicon.definite_determiners | lexicon.indefinite_determiners
        ):
            determiner = doc[start - 1].lower_
        role = RolePhrase(start, agent.end, agent, owner, False, determiner)
        following = name_at[agent.end] if agent.end < len(doc) else None
        if (
            agent.person
            and following is not None
            and following.start == agent.end
            and _person_like(doc, following)
        ):
            role.person = following
            role.end = following.end
        if role.owner is None:
            _owner_from_preposition(doc, role, name_at, agent_tokens, lexicon.owner_prepositions)
            if role.owner is None and agent.person and role.person is None:
                _employer_from_preposition(doc, role, name_at, lexicon.employer_prepositions)
            following = name_at[role.end] if role.end < len(doc) else None
            if (
                agent.person
                and role.person is None
                and role.owner is not None
                and following is not None
                and following.start == role.end
                and _person_like(doc, following)
            ):
                # "Secretary of State Mike Pompeo": the title reads through its owner
                role.person = following
                role.end = following.end
        if role.owner is not None and role.person is None and not agent.person:
            role.co_owners = _coordinated_names(
                doc, role.owner, name_at, role.owner_outside, lexicon.coordinators
            )
        roles.append(role)
    return roles


def _coordinated_names(
    doc: Doc,
    owner: NamePhrase,
    name_at: list[NamePhrase | None],
    outside: bool,
    coordinators: frozenset[str],
) -> list[NamePhrase]:
    """The names joined to ``owner`` by "and"/"or"/commas: its conj chain in the parse and,
    for an owner after a preposition ("lawmakers in Fornost and Gondor", where the parser
    often hangs "Gondor" on "lawmakers"), the names that follow it joined so."""
    root = doc[owner.start : owner.end].root
    chain = [first_conjunct(root)]
    found: list[NamePhrase] = []
    while chain:
        token = chain.pop()
        chain.extend(c for c in token.children if c.dep_ == "conj")
        name = name_at[token.i]
        if name is not None and name is not owner and name not in found:
            found.append(name)
    position = owner.end
    while outside and position + 1 < len(doc) and doc[position].lower_ in coordinators:
        name = name_at[position + 1]
        if name is None or name.start != position + 1:
            break
        if name not in found:
            found.append(name)
        position = name.end
    return sorted(found, key=lambda n: n.start)


def _walk_left(
    doc: Doc, agent: AgentWord, name_at: list[NamePhrase | None]
) -> tuple[int, NamePhrase | None]:
    """Extend an agent word over its modifiers to the left; the first name met is the owner."""
    start = agent.start
    owner: NamePhrase | None = None
    i = agent.start - 1
    while i >= 0:
        token = doc[i]
        name = name_at[i]
        if name is not None:
            if owner is not None:
                if name.end == owner.start and "demonym" in name.tags and "demonym" in owner.tags:
                    # "Syrian Turkmen rebels": the outer demonym is the state, the inner
                    # one the people within it (Syrian rebels, not Turkmenistan's)
                    owner, start = name, name.start
                break
            root = doc[name.start : name.end].root
            if not (name.end == start or start <= root.head.i < agent.end):
                break
            if not (name.tags - {"place"}) and name.label not in (
                "GPE",
                "LOC",
                "NORP",
                "ORG",
                "PERSON",
            ):
                break  # a capitalised word that is only some town's name ("Federal Minister")
            owner, start, i = name, name.start, name.start - 1
            continue
        if token.tag_ == "POS" and i > 0 and name_at[i - 1] is not None and owner is None:
            owner = name_at[i - 1]
            start = owner.start
            i = owner.start - 1
            continue
        if (
            token.pos_ in ROLE_MODIFIER_POS
            and token.dep_ in ROLE_MODIFIER_DEPS
            and start <= token.head.i < agent.end
        ) or _coordinated_modifier(token, agent):
            if token.pos_ == "PUNCT" and token.text != "-":
                break
            start = i
            i -= 1
            continue
        break
    return start, owner


def _coordinated_modifier(token: Token, agent: AgentWord) -> bool:
    """ "and evil" in "Ithilen's awful and evil minister": a conjunct of a modifier of the
    agent word (or the word joining them) stays inside the phrase."""
    head = token.head
    return (
        token.dep_ in ("conj", "cc")
        and head.i < token.i
        and head.dep_ in ROLE_MODIFIER_DEPS
        and agent.start <= head.head.i < agent.end
    )


def _owner_from_preposition(
    doc: Doc,
    role: RolePhrase,
    name_at: list[NamePhrase | None],
    agent_tokens: set[int],
    prepositions: frozenset[str],
) -> None:
    """ "the president of Armenia", "rebels in the Ivory Coast", "King Hassan of Morocco",
    "an official in the Trump administration" -- but not "an investor in Russia"."""
    anchor = (
        doc[role.person.start : role.person.end].root if role.person else doc[role.agent.end - 1]
    )
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if role.person is None and not role.agent.person and obj.i in agent_tokens:
                continue  # "settlement of Russian immigrants": the immigrants are Russia's
            for token in obj.subtree:
                name = name_at[token.i]
                if name is not None:
                    if prep.lower_ == "in" and role.agent.person and obj.i not in agent_tokens:
                        return  # one person "in" a country is not its agent
                    role.owner = name
                    role.owner_outside = True
                    if prep.i == role.end:  # adjacent: the phrase reads through the preposition
                        role.end = max(role.end, name.end)
                    return


def _employer_from_preposition(
    doc: Doc, role: RolePhrase, name_at: list[NamePhrase | None], prepositions: frozenset[str]
) -> None:
    """ "a spokeswoman for the National Security Council", "a lawyer for Amnesty": an
    organization named after a person's role word and "for" employs the person. Only an
    organization: "the envoy for Syria", "the minister for Africa" serve elsewhere."""
    for prep in doc[role.agent.end - 1].children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        for obj in prep.children:
            name = name_at[obj.i] if obj.dep_ == "pobj" else None
            if name is not None and name.label == "ORG":
                role.owner = name  # the phrase stops before it: the name is a mention too
                role.owner_outside = True
                return


def _person_like(doc: Doc, name: NamePhrase) -> bool:
    if name.tags & SELF_EVIDENT_TAGS or name.label in ("GPE", "NORP", "LOC", "FAC"):
        return name.label == "PERSON"
    if "actor" in name.tags and doc[name.start].is_title:
        return True  # a known name, however it tokenises ("Moon Jae-in": "Jae", "-", "in")
    return all(
        t.pos_ == "PROPN" or t.text in (".", "-") or t.is_title for t in doc[name.start : name.end]
    )


def is_subject(token: Token) -> bool:
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN"):
        return True  # a verbless parse of "Abe, America's ally, delayed...": still the topic
    return token.dep_ in ("conj", "appos") and token.head.dep_ in SUBJECT_DEPS
