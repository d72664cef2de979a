"""Find quoted passages by their marks in one linear pass over the text.

A passage is the content between an opening and its closing double mark. A quote
that runs over several paragraphs reopens the mark at each new paragraph and
closes it only at the end; those pieces form one passage. Marks nested inside an
open quote (a quoted phrase inside a quote) do not start a passage of their own.
Single marks are never delimiters: they are apostrophes far more often. An
opening mark glued to the word before it closes the passage (German „…“).
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.knowledge.quotes import QuoteLexicon


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """Content pieces (char offsets, marks excluded) of one quoted passage."""

    pieces: tuple[tuple[int, int], ...]
    open_mark: int  # char offset of the first opening mark
    close_mark: int | None  # char offset of the final closing mark; None if never closed

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


def _looks_like_opener(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space/bracket and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _looks_like_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_passages(
    text: str, lexicon: QuoteLexicon
) -> tuple[list[QuotedPassage], list[MarkWarning]]:
    """All top-level quoted passages of ``text``, and warnings about unbalanced marks."""
    scanner = _MarkScanner(text, lexicon)
    # visit only the marks and line breaks (one scan of the text by the regex engine)
    for match in lexicon.mark_pattern.finditer(text):
        i = match.start()
        if i >= scanner.skip_to:
            scanner.visit(i)
    scanner.end_of_text()
    return scanner.passages, scanner.warnings


class _MarkScanner:
    """The state of one scan: the passage open so far, its pieces and nesting depth."""

    def __init__(self, text: str, lexicon: QuoteLexicon) -> None:
        self.text = text
        self.opens = lexicon.open_marks
        self.closes = lexicon.close_marks
        self.ambiguous = lexicon.ambiguous_marks
        self.passages: list[QuotedPassage] = []
        self.warnings: list[MarkWarning] = []
        self.pieces: list[tuple[int, int]] = []
        self.first_open: int | None = None  # offset of the passage's first opening mark
        self.piece_start: int | None = None  # content start of the current piece
        self.depth = 0  # nesting level inside the open passage
        self.skip_to = 0  # offsets before this were read already

    def visit(self, i: int) -> None:
        char = self.text[i]
        if char == "\n":
            if self.piece_start is not None:
                self._line_break(i)
        elif char in self.opens:
            self._open_mark(i)
        elif char in self.closes:
            self._close_mark(i)
        elif char in self.ambiguous:
            self._ambiguous_mark(i)

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
        if j < len(text) and (
            text[j] in self.opens or (text[j] in self.ambiguous and _looks_like_opener(text, j))
        ):
            start, end = _strip(text, self.piece_start, i)
            if end > start:
                self.pieces.append((start, end))
            self.piece_start, self.depth = j + 1, 0
            self.skip_to = j + 1
            return
        self.warnings.append(
            MarkWarning(
                self.first_open,
                f"quote opened at offset {self.first_open} is not closed by the end of its paragraph",
            )
        )
        self._finish(None, i)

    def _open_mark(self, i: int) -> None:
        if self.piece_start is None:
            self.first_open, self.piece_start = i, i + 1
        elif _looks_like_closer(self.text, i) and not _looks_like_opener(self.text, i):
            # glued to the word before it, an opening mark closes: German „…“ (and a
            # mistyped English “…“)
            self._close_mark(i)
        else:
            self.depth += 1

    def _close_mark(self, i: int) -> None:
        if self.piece_start is None:
            self.warnings.append(
                MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
            )
        elif self.depth:
            self.depth -= 1
        else:
            self._finish(i, i)

    def _ambiguous_mark(self, i: int) -> None:
        """A straight mark: an opener or a closer by the characters around it."""
        text = self.text
        if self.piece_start is None:
            if _looks_like_opener(text, i) or not _looks_like_closer(text, i):
                self.first_open, self.piece_start = i, i + 1
            else:
                self.warnings.append(
                    MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
                )
        elif self.depth and _looks_like_closer(text, i):
            self.depth -= 1
        elif (
            _looks_like_opener(text, i) and not _looks_like_closer(text, i) and i > self.piece_start
        ):
            self.depth += 1
        else:
            self._finish(i, i)

    def _finish(self, close_at: int | None, content_end: int) -> None:
        assert self.piece_start is not None and self.first_open is not None
        start, end = _strip(self.text, self.piece_start, content_end)
        if end > start:
            self.pieces.append((start, end))
        if self.pieces:
            self.passages.append(QuotedPassage(tuple(self.pieces), self.first_open, close_at))
        self.pieces, self.first_open, self.piece_start, self.depth = [], None, None, 0
