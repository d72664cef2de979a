"""Event dates: the article's date moved by relative expressions near the trigger.

"met on Friday" (past) -> the latest Friday on/before the article date;
"will play golf on Saturday" (future) -> the first Saturday on/after it;
"votes on June 23" (present) -> the June 23 nearest the article date. The result is always
a full ISO 8601 date (``YYYY-MM-DD``) or None: the store's date column holds days, so a
text that gives only a month or a year ("in May", "last year") leaves the date unknown
rather than inventing a day.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from detente.knowledge.events import DateWord, DateWords
from detente.nlp.syntax import CLAUSE_DEPS, pruned_subtree

# Sub-clauses have their own time; we do not look for a trigger's date inside them.
_OWN_TIME_DEPS = CLAUSE_DEPS | {"xcomp"}

__all__ = ["DateWord", "event_date", "find_date_word", "is_future", "is_past", "resolve"]


# An infinitive complement or a conjunct verb shares the tense and time of the verb it hangs
# from ("agreed to meet", "met and talked").
_SHARED_TIME_DEPS = frozenset({"xcomp", "conj"})


def _with_governor(verb: Token) -> tuple[Token, ...]:
    """The verb and, when it shares its governor's time (``_SHARED_TIME_DEPS``), that governor."""
    return (verb, verb.head) if verb.dep_ in _SHARED_TIME_DEPS else (verb,)


def is_past(verb: Token) -> bool:
    """Past tense: a past-tense verb, or a perfect ("has met") or "did" auxiliary."""
    for tok in _with_governor(verb):
        if tok.tag_ == "VBD":
            return True
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass") and (child.tag_ == "VBD" or child.lemma_ == "have"):
                return True
    return False


def is_future(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """Future tense: a future auxiliary (``auxiliaries``: will, shall, and "would", the
    future of reported speech: "said Japan would host Trump in May"), or "going to", on the
    verb or its governor."""
    for tok in _with_governor(verb):
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in auxiliaries:
                return True
        if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
            return True
    return False


def resolve(
    word: DateWord,
    base: dt.date,
    *,
    future: bool,
    present: bool = False,
    day: int | None = None,
    year: int | None = None,
) -> str | None:
    """One date word against the article date -> ISO date, or None when the text gives
    no day ("in May", "last year"). ``present``: a present-tense verb ("votes on June
    23"), whose date is the nearest one; ``day``/``year``: numbers written with a month."""
    if word.kind == "offset":
        return (base + dt.timedelta(days=word.value)).isoformat()
    if word.kind == "year":
        return None
    if word.kind == "weekday":
        delta = (word.value - base.weekday()) % 7
        when = base + dt.timedelta(days=delta) if future else base - dt.timedelta(days=(-delta) % 7)
        return when.isoformat()
    if word.kind == "month":
        if day is None:
            return None
        if year is not None:
            return _safe_date(year, word.value, day)
        candidates = [
            d for d in (_day(base.year + k, word.value, day) for k in (-1, 0, 1)) if d is not None
        ]
        if future:
            chosen = [d for d in candidates if d >= base][:1]
        elif present:
            chosen = sorted(candidates, key=lambda d: abs((d - base).days))[:1]
        else:
            chosen = [d for d in candidates if d <= base][-1:]
        return chosen[0].isoformat() if chosen else None
    raise ValueError(f"unknown date word kind {word.kind!r}")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # "February 30"


def _safe_date(year: int, month: int, day: int) -> str | None:
    found = _day(year, month, day)
    return found.isoformat() if found is not None else None


def _month_numbers(month: Token) -> tuple[int | None, int | None]:
    """The day and year written with a month: "June 23", "23 June", "June 23, 2016"."""
    day = year = None
    for child in month.children:
        if child.dep_ != "nummod" or not child.text.isdigit():
            continue
        value = int(child.text)
        if 1 <= value <= 31 and day is None:
            day = value
        elif 1000 <= value <= 2999 and year is None:
            year = value
    return day, year


def _match_at(tokens: list[Token], i: int, words: DateWords) -> tuple[DateWord, Token] | None:
    if tokens[i].lower_ not in words.first_words:
        return None  # most words start no date expression
    for size in (2, 1):
        if i + size > len(tokens):
            continue
        key = tuple(t.lower_ for t in tokens[i : i + size])
        word = words.words.get(key)
        if word is None:
            continue
        # "may", "march": month names that are also common words, only as proper nouns
        if size == 1 and key[0] in words.proper_noun_only and tokens[i].tag_ != "NNP":
            continue
        return word, tokens[i]
    return None


def _clause_tokens(head: Token) -> list[Token]:
    """``head``'s subtree without sub-clauses, in text order."""
    return pruned_subtree(head, lambda child, _: child.dep_ in _OWN_TIME_DEPS)


_ClauseCache = dict[int, "tuple[DateWord, Token] | None"]


def _clause_date_word(head: Token, words: DateWords) -> tuple[DateWord, Token] | None:
    tokens = _clause_tokens(head)
    for i in range(len(tokens)):
        word = _match_at(tokens, i, words)
        if word is not None:
            return word
    return None


def find_date_word(
    trigger: Token, verb: Token, words: DateWords, cache: _ClauseCache | None = None
) -> tuple[DateWord, Token] | None:
    """The first date word (and its token) in the trigger's own phrase, else in its
    clause's verb phrase. ``cache`` (clause head index -> its date word) lets the events
    of one sentence share the look-ups of their clauses."""
    if cache is None:
        cache = {}
    for head in (trigger, *_with_governor(verb)):
        if head.i not in cache:
            cache[head.i] = _clause_date_word(head, words)
        found = cache[head.i]
        if found is not None:
            return found
    return None


def event_date(
    trigger: Token,
    verb: Token,
    base: dt.date | None,
    words: DateWords,
    cache: _ClauseCache | None = None,
) -> str | None:
    """The event's date: ``base`` moved by a date word near ``trigger``; None without a base."""
    if base is None:
        return None
    found = find_date_word(trigger, verb, words, cache)
    if found is None:
        return base.isoformat()
    word, token = found
    day, year = _month_numbers(token) if word.kind == "month" else (None, None)
    future = is_future(verb, words.future_auxiliaries)
    return resolve(
        word,
        base,
        future=future,
        present=not future and not is_past(verb),
        day=day,
        year=year,
    )
