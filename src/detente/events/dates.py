"""Event dates: the article's date moved by relative expressions near the trigger.

"met on Friday" (past) -> the latest Friday on/before the article date;
"will play golf on Saturday" (future) -> the first Saturday on/after it;
"in May" -> that month (``YYYY-MM``), "last year" -> ``YYYY``. The result is an ISO 8601
string at the precision the text gives: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from detente.errors import DictionaryError
from detente.events.lexicon import data_path

# Sub-clauses have their own time; we do not look for a trigger's date inside them.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "xcomp"})
# "would" is the future of reported speech ("said Japan would host Trump in May").
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Month names that are also common words count only when tagged as proper nouns.
_AMBIGUOUS = frozenset({"may", "march", "august"})


@dataclass(frozen=True, slots=True)
class DateWord:
    kind: str  # weekday | month | offset | year
    value: int


@lru_cache(maxsize=1)
def date_words() -> dict[tuple[str, ...], DateWord]:
    path = data_path("relative_dates.tsv")
    words: dict[tuple[str, ...], DateWord] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DictionaryError(str(path), None, f"cannot read date words: {e.strerror}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            word, kind, value = line.split("\t")
            words[tuple(word.split())] = DateWord(kind, int(value))
        except ValueError as e:
            raise DictionaryError(str(path), number, "expected word<TAB>kind<TAB>value") from e
    return words


def is_future(verb: Token) -> bool:
    """Future tense: ``will``/``shall`` auxiliary, or "going to" on the verb or its governor."""
    for tok in (verb, verb.head) if verb.dep_ in ("xcomp", "conj") else (verb,):
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
                return True
        if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
            return True
    return False


def resolve(word: DateWord, base: dt.date, *, future: bool) -> str:
    """One date word against the article date -> ISO string at its precision."""
    if word.kind == "offset":
        return (base + dt.timedelta(days=word.value)).isoformat()
    if word.kind == "year":
        return f"{base.year + word.value:04d}"
    if word.kind == "weekday":
        delta = (word.value - base.weekday()) % 7
        day = base + dt.timedelta(days=delta) if future else base - dt.timedelta(days=(-delta) % 7)
        return day.isoformat()
    if word.kind == "month":
        year = base.year
        if future and word.value < base.month:
            year += 1
        elif not future and word.value > base.month:
            year -= 1
        return f"{year:04d}-{word.value:02d}"
    raise ValueError(f"unknown date word kind {word.kind!r}")


def _match_at(tokens: list[Token], i: int) -> DateWord | None:
    words = date_words()
    for size in (2, 1):
        if i + size > len(tokens):
            continue
        key = tuple(t.lower_ for t in tokens[i : i + size])
        word = words.get(key)
        if word is None:
            continue
        if size == 1 and key[0] in _AMBIGUOUS and tokens[i].tag_ != "NNP":
            continue
        return word
    return None


def _clause_tokens(head: Token) -> list[Token]:
    """``head``'s subtree without sub-clauses, in text order."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and child is not head:
                continue
            stack.append(child)
    out.sort(key=lambda t: t.i)
    return out


def find_date_word(trigger: Token, verb: Token) -> DateWord | None:
    """The first date word in the trigger's own phrase, else in its clause's verb phrase."""
    seen: set[int] = set()
    for head in (trigger, verb, verb.head if verb.dep_ in ("xcomp", "conj") else verb):
        tokens = [t for t in _clause_tokens(head) if t.i not in seen]
        for i in range(len(tokens)):
            word = _match_at(tokens, i)
            if word is not None:
                return word
        seen.update(t.i for t in tokens)
    return None


def event_date(trigger: Token, verb: Token, base: dt.date | None) -> str | None:
    """The event's date: ``base`` moved by a date word near ``trigger``; None without a base."""
    if base is None:
        return None
    word = find_date_word(trigger, verb)
    if word is None:
        return base.isoformat()
    return resolve(word, base, future=is_future(verb))
