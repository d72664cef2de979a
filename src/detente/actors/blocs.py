"""Groups of states named by their region: "Western countries", "Arab allies", "European powers".

A plural noun that names states by what they are to each other (``data/actors/bloc_nouns.txt``:
countries, states, allies, partners, powers) with a region or bloc word among its own
modifiers (``data/actors/region_words.tsv``: Western, Arab, European) names several states of
that region at once, none of which the text singles out. CAMEO codes such a group with the
region (``WST``, ``MEA``, ``EUR``), as the events guideline does for regional groups of
states. Without a region word ("countries", "foreign powers", "US allies") the noun names no
actor: whose allies they are is another actor's business.

The region word must stand alone: a word inside a longer name ("European Union countries") is
part of that name, and a region word with modifiers of its own ("South East Asian
countries") names a sub-region the word list does not code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.nlp.syntax import PLURAL_TAGS

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "Western countries", "Arab allies"


@dataclass(frozen=True, slots=True)
class Bloc:
    start: int  # the first word of the noun phrase before the head
    end: int  # after the head noun
    head: int
    region: str  # the CAMEO region code


def find_blocs(
    doc: Doc,
    lowers: Sequence[str],
    nouns: frozenset[str],
    region_words: Mapping[str, str | None],
    name_length: Sequence[int],
) -> list[Bloc]:
    """The region blocs of ``doc`` in text order. ``name_length[i]``: the length of the name
    phrase token ``i`` is in (0 outside names); a head inside a name is no bloc."""
    found = []
    for token in doc:
        if (
            token.tag_ not in PLURAL_TAGS
            or name_length[token.i]
            or token.lemma_.lower() not in nouns
        ):
            continue
        modifiers = [
            word
            for child in token.lefts
            if child.dep_ in MODIFIER_DEPS
            for word in (child, *child.conjuncts)  # "Western and Arab allies"
        ]
        regions = {
            region_words[lowers[word.i]]
            for word in modifiers
            if region_words.get(lowers[word.i])
            and name_length[word.i] <= 1  # "Arab" alone, not "European Union"
            and not any(c.dep_ in MODIFIER_DEPS for c in word.lefts)  # "South East Asian"
        }
        if len(regions) != 1:
            continue  # none, or "Western and Arab allies": no one region
        if any(name_length[w.i] and not region_words.get(lowers[w.i]) for w in modifiers):
            continue  # "the U.S. and European states": a state named beside the region
        start = min(c.i for c in token.lefts if c.dep_ in MODIFIER_DEPS or c.dep_ == "det")
        found.append(Bloc(start, token.i + 1, token.i, regions.pop()))
    return found
