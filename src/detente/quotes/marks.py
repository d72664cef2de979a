"""Find quoted passages by their marks in linear passes over the text.

Double marks (“…”, "…", ''…'', «…») are found first. A passage is the content between
an opening and its closing mark. A quote that runs over several paragraphs reopens the
mark at each new paragraph and closes it only at the end; those pieces form one passage.
So does a quote whose paragraph breaks were lost ('… the spring. "Several …': an opening
mark right after a sentence end inside an open quote). Marks nested inside an open quote
(a quoted phrase inside a quote) do not start a passage of their own. An opening mark
glued to the word before it closes the passage (German „…“); a closing mark that starts a
line before a word opens one (a mistyped ”…”).

Single marks (‘…’ and '…') are apostrophes far more often than quotes ("Japan's",
"don't", "’90s", "the Joneses' car"), so they are paired afterwards, one paragraph at a
time, by position and pairing: an opener stands before a word that is not an elision,
a closer after one, and a closer after "s" followed by a word ("the Greens' policy")
counts only when no plainer closer comes before the next opener and the parse does not
read it as a possessive. Single pairs outside double passages are passages like the
double ones (British house style, headlines); single pairs inside a double passage and
double passages inside a single pair are *nested* passages, returned apart: somebody
quoted inside a quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from detente.knowledge.quotes import QuoteLexicon

# the last character before an opening mark: a space, an opening bracket or a dash
OPENER_BEFORE = "([{—–-:/"
SENTENCE_FINAL = ".?!…"
# '’90s', "'05": a two-digit year after an apostrophe
_YEAR = re.compile(r"\d\d(?:s\b|\b)")


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """Content pieces (char offsets, marks excluded) of one quoted passage."""

    pieces: tuple[tuple[int, int], ...]
    open_mark: int  # char offset of the first opening mark
    close_mark: int | None  # char offset of the final closing mark; None if never closed
    single: bool = False  # delimited by single marks (‘…’ or '…')
    marks: tuple[
        int, ...
    ] = ()  # offsets of every mark of the passage (opening, reopening, closing)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True, slots=True)
class MarkWarning:
    offset: int
    detail: str


def _looks_like_opener(text: str, i: int, width: int = 1) -> bool:
    """A straight mark opens when it follows a space/bracket and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in OPENER_BEFORE) and not after.isspace()


def _looks_like_closer(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _after_sentence_end(text: str, i: int) -> bool:
    """The mark at ``i`` follows a finished sentence and a space ('… spring. "Several')."""
    before = text[:i].rstrip(" \t")
    return len(before) < i and bool(before) and before[-1] in SENTENCE_FINAL


def _starts_line(text: str, i: int) -> bool:
    """The mark at ``i`` is the first character of its line and a word follows it."""
    return (i == 0 or text[i - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_passages(
    text: str,
    lexicon: QuoteLexicon,
    *,
    possessive: Callable[[int], bool] | None = None,
) -> tuple[list[QuotedPassage], list[MarkWarning]]:
    """All top-level quoted passages of ``text`` (double and single marks), in text order,
    and warnings about unbalanced double marks. ``possessive(offset)`` tells whether the
    parse reads the single mark at ``offset`` as a possessive ending."""
    passages, _nested, warnings = find_all_passages(text, lexicon, possessive=possessive)
    return passages, warnings


def find_all_passages(
    text: str,
    lexicon: QuoteLexicon,
    *,
    possessive: Callable[[int], bool] | None = None,
) -> tuple[list[QuotedPassage], list[QuotedPassage], list[MarkWarning]]:
    """Top-level passages, nested passages (each inside a top-level one) and warnings."""
    scanner = _MarkScanner(text, lexicon)
    # visit only the marks and line breaks (one scan of the text by the regex engine)
    for match in lexicon.mark_pattern.finditer(text):
        i = match.start()
        if i >= scanner.skip_to:
            scanner.visit(i, match.group())
    scanner.end_of_text()
    doubles = scanner.passages
    pairer = _SinglePairer(text, lexicon, possessive)
    singles = pairer.pair_outside(doubles)
    top: list[QuotedPassage] = []
    nested: list[QuotedPassage] = []
    for passage in doubles:
        if any(s.open_mark < passage.open_mark and _closes_after(s, passage) for s in singles):
            nested.append(passage)  # “…” inside ‘…’ (single-quote house style)
        else:
            top.append(passage)
            nested.extend(pairer.pair_inside(passage))
    top.extend(singles)
    top.sort(key=lambda p: p.open_mark)
    nested.sort(key=lambda p: p.open_mark)
    return top, nested, scanner.warnings


def _closes_after(outer: QuotedPassage, inner: QuotedPassage) -> bool:
    end = outer.close_mark if outer.close_mark is not None else outer.end
    return end > inner.end


class _MarkScanner:
    """The state of one scan of double marks: the passage open so far, its pieces and
    nesting depth."""

    def __init__(self, text: str, lexicon: QuoteLexicon) -> None:
        self.text = text
        self.opens = lexicon.open_marks
        self.closes = lexicon.close_marks
        self.ambiguous = lexicon.ambiguous_marks
        self.passages: list[QuotedPassage] = []
        self.warnings: list[MarkWarning] = []
        self.pieces: list[tuple[int, int]] = []
        self.marks: list[int] = []
        self.first_open: int | None = None  # offset of the passage's first opening mark
        self.piece_start: int | None = None  # content start of the current piece
        self.depth = 0  # nesting level inside the open passage
        self.skip_to = 0  # offsets before this were read already

    def visit(self, i: int, mark: str) -> None:
        if mark == "\n":
            if self.piece_start is not None:
                self._line_break(i)
        elif mark in self.opens:
            self._open_mark(i, mark)
        elif mark in self.closes:
            self._close_mark(i)
        elif mark in self.ambiguous:
            self._ambiguous_mark(i, mark)

    def end_of_text(self) -> None:
        if self.piece_start is not None:
            self.warnings.append(
                MarkWarning(
                    self.first_open or 0,
                    f"quote opened at offset {self.first_open} is never closed",
                )
            )
            self._finish(None, len(self.text))

    def _line_break(self, i: int) -> None:
        """A paragraph ends inside an open quote: either the next paragraph reopens the
        mark (the quote continues) or the marks are unbalanced."""
        text = self.text
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        mark = self._mark_at(j)
        if mark is not None and (mark in self.opens or _looks_like_opener(text, j, len(mark))):
            self._new_piece(i, j, mark)
            self.skip_to = j + len(mark)
            return
        self.warnings.append(
            MarkWarning(
                self.first_open,
                f"quote opened at offset {self.first_open} is not closed by the end of its paragraph",
            )
        )
        self._finish(None, i)

    def _mark_at(self, j: int) -> str | None:
        for mark in (self.text[j : j + 2], self.text[j : j + 1]):
            if mark and (mark in self.opens or mark in self.ambiguous):
                return mark
        return None

    def _new_piece(self, content_end: int, mark_at: int, mark: str) -> None:
        """The open passage goes on after a mark that reopens it (a new paragraph of it)."""
        start, end = _strip(self.text, self.piece_start, content_end)
        if end > start:
            self.pieces.append((start, end))
        self.marks.append(mark_at)
        self.piece_start, self.depth = mark_at + len(mark), 0

    def _open(self, i: int, mark: str) -> None:
        self.first_open, self.piece_start = i, i + len(mark)
        self.marks = [i]

    def _open_mark(self, i: int, mark: str) -> None:
        text = self.text
        if self.piece_start is None:
            self._open(i, mark)
        elif _looks_like_closer(text, i, len(mark)) and not _looks_like_opener(text, i, len(mark)):
            # glued to the word before it, an opening mark closes: German „…“ (and a
            # mistyped English “…“)
            self._close_mark(i)
        elif self.depth == 0 and _after_sentence_end(text, i):
            self._new_piece(i, i, mark)  # a paragraph break lost inside a long quote
        else:
            self.depth += 1

    def _close_mark(self, i: int) -> None:
        if self.piece_start is None and _starts_line(self.text, i):
            self._open(i, self.text[i])  # '”Mr. Trump embodies …' — a mistyped opening mark
        elif self.piece_start is None:
            self.warnings.append(
                MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
            )
        elif self.depth:
            self.depth -= 1
        else:
            self._finish(i, i)

    def _ambiguous_mark(self, i: int, mark: str) -> None:
        """A straight mark: an opener or a closer by the characters around it."""
        text, width = self.text, len(mark)
        opener, closer = _looks_like_opener(text, i, width), _looks_like_closer(text, i, width)
        if self.piece_start is None:
            if opener or not closer:
                self._open(i, mark)
            else:
                self.warnings.append(
                    MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
                )
        elif self.depth and closer:
            self.depth -= 1
        elif opener and not closer and i > self.piece_start:
            if self.depth == 0 and _after_sentence_end(text, i):
                self._new_piece(i, i, mark)  # a paragraph break lost inside a long quote
            else:
                self.depth += 1
        else:
            self._finish(i, i)

    def _finish(self, close_at: int | None, content_end: int) -> None:
        assert self.piece_start is not None and self.first_open is not None
        start, end = _strip(self.text, self.piece_start, content_end)
        if end > start:
            self.pieces.append((start, end))
        if close_at is not None:
            self.marks.append(close_at)
        if self.pieces:
            self.passages.append(
                QuotedPassage(
                    tuple(self.pieces), self.first_open, close_at, False, tuple(self.marks)
                )
            )
        self.pieces, self.first_open, self.piece_start, self.depth = [], None, None, 0
        self.marks = []


# --- single marks ------------------------------------------------------------------------

OPEN, CLOSE, WEAK_CLOSE = "open", "close", "weak-close"


class _SinglePairer:
    """Pairs single marks, one paragraph (or one double passage) at a time."""

    def __init__(
        self, text: str, lexicon: QuoteLexicon, possessive: Callable[[int], bool] | None
    ) -> None:
        self.text = text
        self.opens = lexicon.single_open_marks
        self.ambiguous = lexicon.single_ambiguous_marks
        self.elisions = lexicon.elisions
        self.possessive = possessive
        self.pattern = lexicon.single_mark_pattern

    def pair_outside(self, doubles: list[QuotedPassage]) -> list[QuotedPassage]:
        """Single-mark passages outside the double ones; a double passage inside a single
        pair is opaque (‘He called it “rubbish”,’ she said)."""
        text = self.text
        blocked = [
            (p.open_mark, (p.close_mark + 1) if p.close_mark is not None else p.end)
            for p in doubles
        ]
        candidates = [
            c for c in self._candidates(0, len(text)) if not any(a <= c[0] < b for a, b in blocked)
        ]
        return self._pair(candidates, continue_paragraphs=True)

    def pair_inside(self, passage: QuotedPassage) -> list[QuotedPassage]:
        """Single-mark passages inside one double passage: quotes within a quote."""
        candidates = []
        for start, end in passage.pieces:
            candidates.extend(self._candidates(start, end))
        return self._pair(candidates, continue_paragraphs=False)

    def _candidates(self, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, role) of every single mark in [start, end) that can open or close."""
        found = []
        text = self.text
        for match in self.pattern.finditer(text, start, end):
            i = match.start()
            if match.group() == "\n":
                found.append((i, "\n"))
                continue
            role = self._role(i)
            if role is not None:
                found.append((i, role))
        return found

    def _role(self, i: int) -> str | None:
        text = self.text
        char = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            return None  # inside a word: "don't", "Sinn Féin's"
        if (char in self.opens or char in self.ambiguous) and _single_opener(text, i):
            return None if self._elision(i + 1) else OPEN
        if char in self.ambiguous and not before.isspace() and not after.isalnum():
            # "the Greens' policy": after an s and before a word, maybe a possessive
            rest = text[i + 1 : i + 3]
            if before in "sS" and rest[:1] == " " and rest[1:2].isalnum():
                return WEAK_CLOSE
            return CLOSE
        return None

    def _elision(self, j: int) -> bool:
        """An apostrophe standing for left-out letters: '’90s', "'em", "rock 'n' roll"."""
        text = self.text
        if _YEAR.match(text, j):
            return True
        k = j
        while k < len(text) and text[k].isalpha():
            k += 1
        return text[j:k].lower() in self.elisions

    def _pair(
        self, candidates: list[tuple[int, str]], *, continue_paragraphs: bool
    ) -> list[QuotedPassage]:
        text = self.text
        passages: list[QuotedPassage] = []
        opened: int | None = None
        pieces: list[tuple[int, int]] = []
        marks: list[int] = []
        piece_start = 0
        for n, (i, role) in enumerate(candidates):
            if opened is None:
                if role == OPEN:
                    opened, piece_start, pieces, marks = i, i + 1, [], [i]
                continue
            if role == "\n":
                following = next((c for c in candidates[n + 1 :] if c[1] != "\n"), None)
                if (
                    continue_paragraphs
                    and following is not None
                    and following[1] == OPEN
                    and not text[i : following[0]].strip()
                ):
                    continue  # the next paragraph reopens the quote: the wire convention
                opened = None  # never closed in its paragraph: apostrophes after all
                continue
            if role == OPEN:
                if _after_sentence_end(text, i) or self._reopens_paragraph(i):
                    piece = _strip(text, piece_start, i)
                    if piece[1] > piece[0]:
                        pieces.append(piece)
                    marks.append(i)
                    piece_start = i + 1
                continue
            if role == WEAK_CLOSE and not self._weak_closer_holds(candidates, n):
                continue
            piece = _strip(text, piece_start, i)
            if piece[1] > piece[0]:
                pieces.append(piece)
            if pieces:
                passages.append(QuotedPassage(tuple(pieces), opened, i, True, (*marks, i)))
            opened = None
        return passages

    def _reopens_paragraph(self, i: int) -> bool:
        line_start = self.text.rfind("\n", 0, i) + 1
        return not self.text[line_start:i].strip()

    def _weak_closer_holds(self, candidates: list[tuple[int, str]], n: int) -> bool:
        """A closer after "s" before a word closes only when no plain closer follows before
        the next opener or paragraph end, and the parse does not see a possessive."""
        for _i, role in candidates[n + 1 :]:
            if role == CLOSE:
                return False
            if role in (OPEN, "\n"):
                break
        i = candidates[n][0]
        return not (self.possessive is not None and self.possessive(i))


def _single_opener(text: str, i: int) -> bool:
    """A single mark opens after a space, bracket, dash or double mark, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        before.isspace() or before in OPENER_BEFORE or before in '"“”«„'
    ) and not after.isspace()
