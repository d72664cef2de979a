"""Find the knowledge base's names in a ``Doc`` with one index built once.

The index maps the normalized text of every KB surface form to its tags. A document is
matched by reading, at each token that can start a form, the text of the next 1..N
tokens straight from the original string and looking it up: N dictionary reads per
candidate token, with no tokenisation of the 100k+ dictionary forms (a spaCy
PhraseMatcher would need them tokenised, which costs ~20 s at start-up).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import SPACY
from spacy.tokens import Doc

from detente.kb.base import CHAR_FOLDS
from detente.nlp.extensions import doc_text

# Tags of KB surface forms (see KnowledgeBase.surface_forms). Agents are common nouns
# ("officials"), matched in any case; every other tag names something and must be
# capitalised in the text, so "us" or "china" (the porcelain) are not the US or China.
AGENT_TAG = "agent"
LONGEST_FORM_TOKENS = 8  # longer dictionary entries are descriptions, not names

_SPACES = re.compile(r"\s+")
_FOLDED = re.compile("[" + re.escape("".join(chr(code) for code in CHAR_FOLDS)) + "]")
_FIRST_WORD = re.compile(r"[^\s\-'./]+")


def normalize_form(text: str) -> str:
    """Casefolded, plain apostrophes and hyphens, one space between words."""
    return _SPACES.sub(" ", text.translate(CHAR_FOLDS)).strip().casefold()


@dataclass(slots=True)
class NameMatch:
    start: int  # token index
    end: int
    tags: set[str] = field(default_factory=set)


class NameMatcher:
    """Every KB surface form, indexed by normalized text, matched longest-first per start."""

    def __init__(self, surface_forms: Iterable[tuple[str, str]]):
        self.forms: dict[str, set[str]] = {}
        # first word -> most words in a form that starts with it: bounds the scan per start
        self.first_words: dict[str, int] = {}
        for text, tag in surface_forms:
            key = normalize_form(text)
            if key.startswith("the "):
                key = key[4:]  # lookups drop a leading "the" too (normalize_name)
            if not key:
                continue
            self.forms.setdefault(key, set()).add(tag)
            first = _FIRST_WORD.match(key)
            word = first.group(0) if first else key
            self.first_words[word] = max(self.first_words.get(word, 0), key.count(" ") + 1)

    def __call__(
        self, doc: Doc, lowers: list[str] | None = None
    ) -> tuple[list[NameMatch], list[NameMatch]]:
        """Name matches and agent matches. ``lowers``: the tokens' lowercase texts, if at hand."""
        names: list[NameMatch] = []
        agents: list[NameMatch] = []
        lowers = _token_keys(doc, lowers)
        spaced = doc.to_array(SPACY).astype(bool).tolist()
        n_tokens = len(lowers)
        forms, first_words = self.forms, self.first_words
        for i, lower in enumerate(lowers):
            if lower.isalnum():  # the whole token is its first word (most tokens)
                max_words = first_words.get(lower)
            else:
                word = _FIRST_WORD.match(lower)
                max_words = None if word is None else first_words.get(word.group(0))
            if max_words is None:
                continue
            key = ""
            words = 1
            capitalised = None
            for j in range(i, min(n_tokens, i + LONGEST_FORM_TOKENS)):
                piece = lowers[j]
                if piece.isspace():
                    break
                key += piece
                tags = forms.get(key)
                if tags:
                    if AGENT_TAG in tags:
                        agents.append(NameMatch(i, j + 1, {AGENT_TAG}))
                    if len(tags) > (AGENT_TAG in tags):
                        if capitalised is None:
                            capitalised = doc[i].text[:1].isupper()
                        if capitalised:
                            names.append(NameMatch(i, j + 1, tags - {AGENT_TAG}))
                if spaced[j]:
                    key += " "
                    words += 1
                    if words > max_words:
                        break
        return names, agents


def _token_keys(doc: Doc, lowers: list[str] | None) -> list[str]:
    """The tokens' lowercase texts as the dictionary writes them: plain apostrophes and
    hyphens, and PETRARCH-style "Dol_Amroth" as words."""
    if lowers is None:
        lowers = [t.lower_ for t in doc]
    text = doc_text(doc)
    if _FOLDED.search(text):
        lowers = [w.translate(CHAR_FOLDS) for w in lowers]
    if "_" in text:
        lowers = [w.replace("_", " ") for w in lowers]
    return lowers
