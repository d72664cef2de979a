"""Shared rules that turn dictionary entries into actors: names, ids, kinds, plurals.

Used by ``scripts/build_kb.py`` (shipped data) and by the loader (user dictionaries),
so a PETRARCH entry means the same thing whichever way it arrives.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.kb.petrarch import DictEntry
from detente.knowledge import files
from detente.knowledge.tables import read_rows, read_words

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_VOWELS = set("AEIOUY")
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "to", "in", "on", "at", "de", "du", "la", "al"}
)


def slug(text: str) -> str:
    """``"Shinzo Abe"`` -> ``"shinzo-abe"`` (ASCII, hyphens)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", folded.lower()).strip("-") or "x"


def display_name(text: str, *, short_acronym: bool = False) -> str:
    """Dictionary names are upper case: make a readable display name.

    Words keep upper case when they look like acronyms (no vowel, or dots; with
    ``short_acronym``, also a one-word name of up to 5 letters such as an organization's
    "NATO"); other words get a capital initial, small words stay lower case.
    """
    if text != text.upper():
        return text  # already mixed case (leaders file, user files written by hand)
    words = text.split()
    out = []
    for position, word in enumerate(words):
        if position and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
            continue
        letters = [c for c in word if c.isalpha()]
        acronym = (
            "." in word
            or not (_VOWELS & set(letters))
            or (short_acronym and len(words) == 1 and len(letters) <= 5)
            or word.startswith("(")
        )
        if acronym:
            out.append(word)
        else:
            out.append("-".join(_cap(part) for part in word.split("-")))
    return " ".join(out)


def _cap(part: str) -> str:
    if not part:
        return part
    # keep the letter after an apostrophe in names (D'Ivoire, O'Neill) but not in "'s"
    low = part.lower()
    if "'" in low and not low.endswith("'s"):
        head, _, tail = low.partition("'")
        return head[:1].upper() + head[1:] + "'" + tail[:1].upper() + tail[1:]
    return low[:1].upper() + low[1:]


@dataclass(frozen=True, slots=True)
class KBVocabulary:
    """The words and codes the rules of this module use (``data/kb/``)."""

    org_words: frozenset[str]  # words that make a name an organization (party, army ...)
    person_heads: frozenset[str]  # head nouns of agents that name one person (president ...)
    non_state: frozenset[str]  # 3-letter CAMEO codes that are not states (IGO, MIL ...)
    no_country: tuple[str, ...]  # codes of bodies that belong to no state (IGO, NGO, MNC)
    organization_codes: tuple[str, ...]  # codes of organizations unless dated (MNC, NGO ...)
    sectors: frozenset[str] = frozenset()  # sectors within a state (GOV, MIL, MED ...)


def load_kb_vocabulary(folder: Path | None = None) -> KBVocabulary:
    """``folder``: a copy of ``data/kb/`` to read instead of the shipped one."""
    codes = [values for _n, values in read_rows(files.NON_STATE_CODES, folder=folder)]
    return KBVocabulary(
        org_words=frozenset(w.lower() for w in read_words(files.ORG_WORDS, folder=folder)),
        person_heads=frozenset(w.lower() for w in read_words(files.PERSON_HEADS, folder=folder)),
        non_state=frozenset(code for code, *_flags in codes),
        no_country=tuple(code for code, no_country, *_flags in codes if no_country == "1"),
        organization_codes=tuple(code for code, _no, org, _sector in codes if org == "1"),
        sectors=frozenset(code for code, *_flags, sector in codes if sector == "1"),
    )


def is_state_code(code: str, vocabulary: KBVocabulary) -> bool:
    return len(code) == 3 and code.isalpha() and code.upper() not in vocabulary.non_state


def state_code(entry: DictEntry, vocabulary: KBVocabulary) -> str | None:
    """The state a block names: its bare 3-letter code that is still open (``[GEO >911221]``
    after ``[USRGEO <910409]``); None for anything else (a person's ``[HOB <950601]`` ended)."""
    open_codes = [r for r in entry.roles if r.end is None and is_state_code(r.code, vocabulary)]
    if not open_codes:
        return None
    return max(open_codes, key=lambda r: r.start or date.min).code


def entry_kind(entry: DictEntry, vocabulary: KBVocabulary, *, groups_file: bool = False) -> str:
    """person | organization | state for a dictionary block.

    A block with an open bare 3-letter state code is a state; a name that starts with
    "the" or holds an organization word (org_words.txt) is an organization; a block with
    a dated role, or noted as coming from the rulers lists, is a person; so is a name of
    two to four plain words (unless its code is a company's or an NGO's, or it comes
    from a file of armed groups, ``groups_file``); the rest are organizations.
    """
    if state_code(entry, vocabulary):
        return "state"
    words = [w.lower().strip("(),.'") for w in entry.names[0].split()]
    if not words or words[0] == "the" or set(words) & vocabulary.org_words:
        return "organization"
    if any(r.start or r.end for r in entry.roles):
        return "person"
    note = entry.comment.lower()
    if "countryinfo" in note or "rulers" in note:
        return "person"
    if groups_file or any(r.code.startswith(vocabulary.organization_codes) for r in entry.roles):
        return "organization"
    if 2 <= len(words) <= 4 and all(w.isalpha() or "-" in w or "." in w for w in words):
        return "person"
    if not entry.roles and len(words) == 1 and words[0].isalpha():
        return "person"  # a bare name without a code ("BOROMIR [---]")
    return "organization"


def pluralize(phrase: str) -> str:
    """Regular English plural of a phrase's head noun ("foreign minister" -> "foreign ministers";
    "minister of defense" -> "ministers of defense")."""
    words = phrase.split(" ")
    head = len(words) - 1
    if "of" in words[1:]:
        head = words.index("of") - 1
    words[head] = _plural_word(words[head])
    return " ".join(words)


def _plural_word(word: str) -> str:
    low = word.lower()
    upper = word.isupper()

    def cased(text: str) -> str:
        return text.upper() if upper else text

    if low.endswith("man") and not low.endswith(("human", "german")):
        return word[:-3] + cased("men")
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + cased("es")
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + cased("ies")
    return word + cased("s")


def singular_candidates(word: str) -> list[str]:
    """Possible singulars of a plural (used for agent lookups of forms not indexed)."""
    low = word
    out = []
    if low.endswith("ies"):
        out.append(low[:-3] + "y")
    if low.endswith("es"):
        out.append(low[:-2])
    if low.endswith("s"):
        out.append(low[:-1])
    if low.endswith("men"):
        out.append(low[:-3] + "man")
    return out
