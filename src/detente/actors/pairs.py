"""Two actors named again as a pair: "the pair", "the two countries", "both leaders".

"Condoleezza Rice and Jack Straw have made a surprise visit to Baghdad. The pair ... arrived",
"Tehran and Riyadh's colliding ambitions ..., where the two countries backed opposing sides":
a reader takes the pair for the two actors the text has just joined with "and". A phrase
points back so when its head is a noun of ``data/actors/pair_nouns.tsv`` that is two by
itself ("the pair", "the duo"), or a plural one with a pair quantifier ("the two", "both":
function words of kind ``pair-quantifier``) - "the two countries", "both leaders". The
antecedents are the latest two actors joined by "and" alone (no third conjunct) from the
start of the previous sentence up to the phrase, both of the kind the noun names (persons
for "leaders", states for "countries", any actor for "the pair" and "both sides"). With no such pair the phrase is left to
the other rules: "the two men" after one named man is a role description, and "both
parties" of a country's politics names no one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.actors.coding import Resolution
from detente.actors.coref import DocMemory
from detente.knowledge.actors import PairNoun
from detente.nlp.syntax import PLURAL_TAGS

QUANTIFIER_DEPS = frozenset({"det", "nummod", "predet", "quantmod", "amod"})
DETERMINER_DEPS = frozenset({"det", "predet"})
OPENING_DEPS = QUANTIFIER_DEPS | {"advmod"}  # "the two most populous nations"
# a resolved mention: (start token, end token, resolution), as the resolver keeps them
Resolved = tuple[int, int, Resolution]


@dataclass(frozen=True, slots=True)
class PairReference:
    start: int  # the phrase's first word ("the", "both")
    end: int  # after the head noun
    head: int
    antecedents: str  # person | state | any (pair_nouns.tsv)


def find_pair_references(
    doc: Doc,
    lowers: Sequence[str],
    nouns: Mapping[str, PairNoun],
    quantifiers: frozenset[str],
    definite: frozenset[str],
    name_length: Sequence[int],
) -> list[PairReference]:
    """The phrases of ``doc`` that may name two actors again, in text order. ``definite``:
    the definite determiners ("the two countries"; "two countries" are new ones);
    ``name_length[i]``: the length of the name phrase token ``i`` is in (0 outside names)."""
    found = []
    for token in doc:
        noun = nouns.get(token.lemma_.lower())
        if noun is None or name_length[token.i]:
            continue
        if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
            continue  # "both men and women": a pair of kinds, not of actors
        opening = [c for c in token.lefts if c.dep_ in OPENING_DEPS]
        words = {lowers[c.i] for c in opening if c.dep_ in QUANTIFIER_DEPS}
        if noun.alone:
            fits = token.tag_ not in PLURAL_TAGS and bool(words & definite)
        else:
            # "both countries" (a determiner itself), "the two countries"; not "two
            # countries" (new ones)
            counted = [c for c in opening if lowers[c.i] in quantifiers]
            fits = (
                token.tag_ in PLURAL_TAGS
                and bool(counted)
                and (any(c.dep_ in DETERMINER_DEPS for c in counted) or bool(words & definite))
            )
        if fits:
            start = min(c.i for c in opening) if opening else token.i
            found.append(PairReference(start, token.i + 1, token.i, noun.antecedents))
    return found


def fits_pair(resolution: Resolution, antecedents: str) -> bool:
    """Whether an actor may be one of a pair phrase's two (``antecedents`` of pair_nouns)."""
    if resolution.code is None and resolution.country is None:
        return False
    if antecedents == "person":
        return resolution.kind == "person"
    if antecedents == "state":
        return resolution.kind == "state"
    return resolution.kind != "place"


def coordinated_pair(
    doc: Doc, resolved: Sequence[Resolved], window_start: int, reference: PairReference
) -> tuple[Resolution, Resolution] | None:
    """The latest two actors joined by "and" alone between ``window_start`` and the phrase:
    the first conjunct's mention and the second's, both fitting the phrase, not the same
    actor twice."""
    by_root: dict[int, Resolution] = {}
    for start, end, resolution in resolved:
        if window_start <= start and end <= reference.start:
            by_root.setdefault(doc[start:end].root.i, resolution)
    best: tuple[int, Resolution, Resolution] | None = None
    for root, second in by_root.items():
        token = doc[root]
        if token.dep_ != "conj" or token.head.i not in by_root:
            continue
        first = by_root[token.head.i]
        if len(token.head.conjuncts) != 1:
            continue  # "Britain, France and Germany": three, not a pair
        if not (
            fits_pair(first, reference.antecedents) and fits_pair(second, reference.antecedents)
        ):
            continue
        if DocMemory.key(first) == DocMemory.key(second):
            continue
        if best is None or root > best[0]:
            best = (root, first, second)
    return None if best is None else (best[1], best[2])
