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

from detente.quotes.lexicon import QuoteLexicon


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
    passages: list[QuotedPassage] = []
    warnings: list[MarkWarning] = []
    opens, closes, ambiguous = lexicon.open_marks, lexicon.close_marks, lexicon.ambiguous_marks

    pieces: list[tuple[int, int]] = []
    first_open: int | None = None  # offset of the passage's first opening mark
    piece_start: int | None = None  # content start of the current piece
    depth = 0  # nesting level inside the open passage

    def finish(close_at: int | None, content_end: int) -> None:
        nonlocal first_open, piece_start, depth, pieces
        assert piece_start is not None and first_open is not None
        start, end = _strip(text, piece_start, content_end)
        if end > start:
            pieces.append((start, end))
        if pieces:
            passages.append(QuotedPassage(tuple(pieces), first_open, close_at))
        pieces, first_open, piece_start, depth = [], None, None, 0

    n = len(text)
    # visit only the marks and line breaks (one scan of the text by the regex engine)
    pattern = lexicon.mark_pattern
    skip_to = 0
    for match in pattern.finditer(text):
        i = match.start()
        if i < skip_to:
            continue
        char = text[i]
        if char == "\n" and piece_start is not None:
            # A paragraph ends inside an open quote: either the next paragraph
            # reopens the mark (the quote continues) or the marks are unbalanced.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (
                text[j] in opens or (text[j] in ambiguous and _looks_like_opener(text, j))
            ):
                start, end = _strip(text, piece_start, i)
                if end > start:
                    pieces.append((start, end))
                piece_start, depth = j + 1, 0
                skip_to = j + 1
                continue
            warnings.append(
                MarkWarning(
                    first_open,
                    f"quote opened at offset {first_open} is not closed by the end of its paragraph",
                )
            )
            finish(None, i)
        elif char in opens:
            if piece_start is None:
                first_open, piece_start = i, i + 1
            elif _looks_like_closer(text, i) and not _looks_like_opener(text, i):
                # glued to the word before it, an opening mark closes: German „…“ (and
                # a mistyped English “…“)
                if depth:
                    depth -= 1
                else:
                    finish(i, i)
            else:
                depth += 1
        elif char in closes:
            if piece_start is None:
                warnings.append(
                    MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
                )
            elif depth:
                depth -= 1
            else:
                finish(i, i)
        elif char in ambiguous:
            if piece_start is None:
                if _looks_like_opener(text, i) or not _looks_like_closer(text, i):
                    first_open, piece_start = i, i + 1
                else:
                    warnings.append(
                        MarkWarning(i, f"closing quote mark at offset {i} has no opening mark")
                    )
            elif depth and _looks_like_closer(text, i):
                depth -= 1
            elif (
                _looks_like_opener(text, i) and not _looks_like_closer(text, i) and i > piece_start
            ):
                depth += 1
            else:
                finish(i, i)
    if piece_start is not None:
        warnings.append(
            MarkWarning(first_open or 0, f"quote opened at offset {first_open} is never closed")
        )
        finish(None, n)
    return passages, warnings
