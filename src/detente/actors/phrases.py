"""The references to actors in a parsed ``Doc``, before they are resolved.

Three shapes: a *name* (a KB match or a named entity), a *role phrase* built around an
agent word ("the Japanese leader", "Japanese officials", "Japanese Prime Minister
Shinzo Abe" -- a title when a name follows), and a *pronoun*. Names from the KB and
from the NER are merged here: the longer span wins, a KB match wins a tie.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.lexicon import Lexicon
from detente.actors.matching import NameMatch
from detente.kb import KnowledgeBase

NAMED_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Tags of KB forms reliable enough to match a capitalised word that the tagger did not call
# a proper noun ("Japanese" is ADJ).
SELF_EVIDENT_TAGS = frozenset({"state", "demonym", "seat"})
# Dependents that stay inside the noun phrase of an agent word.
MODIFIER_DEPS = frozenset(
    {"amod", "compound", "advmod", "nummod", "npadvmod", "nmod", "quantmod", "punct"}
)
MODIFIER_POS = frozenset({"ADJ", "NOUN", "ADV", "NUM", "PROPN", "VERB", "PUNCT"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


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


@dataclass(slots=True)
class RolePhrase:
    start: int  # first token of the whole phrase (modifiers and owner included)
    end: int
    agent: AgentWord
    owner: NamePhrase | None  # whose agent: "Japanese" officials, the "Trump" administration
    owner_outside: bool  # the owner is in a prepositional phrase ("president of Armenia")
    determiner: str | None  # "the", "a"... (lowercase) before the phrase
    person: NamePhrase | None = None  # the name a title introduces ("President Donald Trump")


def _strip_entity(doc: Doc, span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and doc[start].pos_ == "DET":
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _plausible(doc: Doc, match: NameMatch) -> bool:
    """A KB name match is a name here, not a capitalised common word ("Both", "May")."""
    if match.tags & SELF_EVIDENT_TAGS:
        return True
    tokens = doc[match.start : match.end]
    if match.tags == {"place"}:
        # geonames has a town for many capitalised words ("March", "One", "Pan", the Boston
        # "Marathon"): a place name alone needs the NER to see a place there too
        return all(t.ent_type_ in PLACE_LABELS for t in tokens)
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in tokens)


def find_names(
    doc: Doc, name_matches: list[NameMatch], agent_tokens: set[int], group_heads: set[int]
) -> list[NamePhrase]:
    """Non-overlapping names in text order: KB matches merged with named entities.

    ``group_heads`` are agent words naming a body ("administration"): a KB form that ends
    in one ("Obama administration") is left to the role phrase, which codes the body.
    """
    tags_at = {(m.start, m.end): frozenset(m.tags) for m in name_matches}
    candidates: dict[tuple[int, int], NamePhrase] = {}
    for m in name_matches:
        if m.end - m.start > 1 and m.end - 1 in group_heads:
            continue
        if _plausible(doc, m):
            candidates[(m.start, m.end)] = NamePhrase(m.start, m.end, frozenset(m.tags), None)
    for ent in doc.ents:
        if ent.label_ not in NAMED_ENTITY_LABELS:
            continue
        start, end = _strip_entity(doc, ent)
        # A title inside a person entity ("President Trump") is a role word, not a name.
        while ent.label_ == "PERSON" and end - start > 1 and start in agent_tokens:
            start += 1
        # "the Trump administration": a known name followed by agent words is that name.
        if end - 1 in agent_tokens:
            for cut in range(end - 1, start, -1):
                if (start, cut) in tags_at and all(i in agent_tokens for i in range(cut, end)):
                    end = cut
                    break
        if end <= start:
            continue
        known = candidates.get((start, end))
        tags = known.tags if known is not None else tags_at.get((start, end), frozenset())
        candidates[(start, end)] = NamePhrase(start, end, tags, ent.label_)
    _add_acronyms(doc, candidates)
    taken = [False] * len(doc)
    chosen: list[NamePhrase] = []
    for phrase in sorted(
        candidates.values(), key=lambda p: (-(p.end - p.start), not p.tags, p.start)
    ):
        if any(taken[phrase.start : phrase.end]):
            continue
        taken[phrase.start : phrase.end] = [True] * (phrase.end - phrase.start)
        chosen.append(phrase)
    chosen.sort(key=lambda p: p.start)
    return chosen


def _add_acronyms(doc: Doc, candidates: dict[tuple[int, int], NamePhrase]) -> None:
    """Every occurrence of an acronym the text defines in parentheses: "... Front (RUF)"."""
    if "(" not in doc.text:
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
    lexicon: Lexicon,
    taken: list[bool],
    lowers: list[str],
) -> list[AgentWord]:
    """Agent words not inside a name, longest first; single role nouns from the lexicon fill gaps."""
    found: list[AgentWord] = []
    used = list(taken)
    for m in sorted(agent_matches, key=lambda m: -(m.end - m.start)):
        if any(used[m.start : m.end]):
            continue
        agent = kb.agent(doc[m.start : m.end].text)
        if agent is None:
            continue
        used[m.start : m.end] = [True] * (m.end - m.start)
        found.append(AgentWord(m.start, m.end, agent.code, agent.person))
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
    return found


def build_roles(
    doc: Doc,
    agents: list[AgentWord],
    name_at: list[NamePhrase | None],
    lexicon: Lexicon,
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
        roles.append(role)
    return roles


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
            token.pos_ in MODIFIER_POS
            and token.dep_ in MODIFIER_DEPS
            and start <= token.head.i < agent.end
        ):
            if token.pos_ == "PUNCT" and token.text != "-":
                break
            start = i
            i -= 1
            continue
        break
    return start, owner


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


def _person_like(doc: Doc, name: NamePhrase) -> bool:
    if name.tags & SELF_EVIDENT_TAGS or name.label in ("GPE", "NORP", "LOC", "FAC"):
        return name.label == "PERSON"
    return all(
        t.pos_ == "PROPN" or t.text in (".", "-") or t.is_title for t in doc[name.start : name.end]
    )


def is_subject(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN"):
        return True  # a verbless parse of "Abe, America's ally, delayed...": still the topic
    return token.dep_ in ("conj", "appos") and token.head.dep_ in ("nsubj", "nsubjpass")
