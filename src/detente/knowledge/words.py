"""The English words every stage shares: function words by kind, and the speech verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import read_rows


@dataclass(frozen=True, slots=True)
class FunctionWords:
    """``english/function_words.tsv``: the words of each kind, in file order."""

    by_kind: dict[str, tuple[str, ...]]

    def of(self, kind: str) -> frozenset[str]:
        """The words of one kind (see ``files.FUNCTION_WORD_KINDS``)."""
        return frozenset(self.by_kind[kind])

    def ranked(self, kind: str) -> tuple[str, ...]:
        """The words of one kind, most likely first (the file's order)."""
        return self.by_kind[kind]


def load_function_words(folder: Path | None = None) -> FunctionWords:
    """Every kind must have a word: a rule whose word list is missing would silently stop."""
    by_kind: dict[str, list[str]] = {kind: [] for kind in files.FUNCTION_WORD_KINDS}
    for _number, (word, kind) in read_rows(files.FUNCTION_WORDS, folder=folder):
        if word.lower() not in by_kind[kind]:
            by_kind[kind].append(word.lower())
    for kind, words in by_kind.items():
        if not words:
            path = files.FUNCTION_WORDS.path(folder)
            raise DictionaryError(str(path), None, f"no words of kind {kind!r}")
    return FunctionWords({kind: tuple(words) for kind, words in by_kind.items()})


@dataclass(frozen=True, slots=True)
class SpeechVerbs:
    """``english/speech_verbs.tsv``: the cues of quotes and reported speech (the quotes
    stage matches lemmas, the evaluation the word forms of gold cue spans)."""

    lemmas: frozenset[str]
    forms: frozenset[str]  # every word form, lemmas included, lower case


def load_speech_verbs(folder: Path | None = None) -> SpeechVerbs:
    lemmas: set[str] = set()
    forms: set[str] = set()
    for _number, (lemma, other_forms) in read_rows(files.SPEECH_VERBS, folder=folder):
        lemmas.add(lemma.lower())
        forms.add(lemma.lower())
        forms.update(word.lower() for word in other_forms.split())
    return SpeechVerbs(frozenset(lemmas), frozenset(forms))


def load_char_folds(folder: Path | None = None) -> dict[int, str]:
    """``kb/char_folds.tsv`` as a ``str.translate`` table: apostrophes and hyphens that
    names are written with in several ways, to their plain form."""
    return {
        int(char[2:], 16): chr(int(plain[2:], 16))
        for _number, (char, plain, _name) in read_rows(files.CHAR_FOLDS, folder=folder)
    }


@dataclass(frozen=True, slots=True)
class NewsFurniture:
    """``english/news_furniture.tsv``: the patterns of datelines, bylines, captions and
    page furniture, one compiled expression per scope (see the file's header)."""

    lines: re.Pattern[str]  # the whole line
    opens: re.Pattern[str]  # a line that begins so
    closes: re.Pattern[str]  # a line that ends so
    datelines: re.Pattern[str]  # a prefix of the line (datelines and other run-in furniture)
    kinds: dict[str, tuple[str, ...]]  # scope -> the kind of each alternative, in order

    def whole_line(self, line: str) -> str | None:
        """The kind of furniture ``line`` is as a whole (stripped of outer blanks), or None."""
        for scope, match in (
            ("line", self.lines.fullmatch(line)),
            ("opens", self.opens.match(line)),
            ("closes", self.closes.search(line)),
        ):
            if match is not None:
                return self.kinds[scope][_alternative(match)]
        return None

    def prefix(self, line: str) -> tuple[int, str]:
        """The length and kind of the furniture that begins ``line`` and runs into the story
        (a dateline, "Story highlights" ...); ``(0, "")`` when it has none."""
        match = self.datelines.match(line)
        if match is None:
            return 0, ""
        return match.end(), self.kinds["start"][_alternative(match)]


def _alternative(match: re.Match[str]) -> int:
    """Which alternative of a union of named groups ``_0``, ``_1`` ... matched."""
    return int(match.lastgroup[1:]) if match.lastgroup else 0


def load_news_furniture(folder: Path | None = None) -> NewsFurniture:
    path = str(files.NEWS_FURNITURE.path(folder))
    by_scope: dict[str, list[tuple[str, str]]] = {s: [] for s in files.FURNITURE_SCOPES}
    for number, (kind, scope, expression) in read_rows(files.NEWS_FURNITURE, folder=folder):
        try:
            re.compile(expression)
        except re.error as e:
            raise DictionaryError(path, number, f"bad regular expression: {e}") from e
        by_scope[scope].append((kind, expression))

    def union(scope: str, template: str) -> re.Pattern[str]:
        rows = by_scope[scope] or [("", "(?!)")]  # no row: a pattern that never matches
        alternatives = "|".join(f"(?P<_{n}>{expr})" for n, (_kind, expr) in enumerate(rows))
        return re.compile(template.format(alternatives))

    return NewsFurniture(
        lines=union("line", "(?:{})"),
        opens=union("opens", "(?:{})"),
        closes=union("closes", "(?:{})$"),
        datelines=union("start", "(?:{})"),
        kinds={scope: tuple(kind for kind, _ in rows) for scope, rows in by_scope.items()},
    )
