"""Plain-text articles: one document per file, with the desk / headline / body layout.

The user's example layout is::

    White House                      <- optional desk or section line (short)
                                     <- blank line
    Japan's Abe has one thing ...    <- headline (one line)
                                     <- blank line
    While trade and security ...     <- body

When the start of a file looks like that, ``section``, ``title`` and
``body_start`` are set; otherwise the whole text is body. ``Article.text`` is
always the whole decoded file (line ends and all), so every offset refers to
the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from detente.ingest.decode import (
    BINARY_SAMPLE_BYTES,
    MAX_BYTES_PER_CHAR,
    UTF8,
    decode_bytes,
    looks_binary,
)
from detente.ingest.language import detect_language
from detente.ingest.problems import (
    binary_file,
    decode_warning,
    empty_file,
    encoding_warning,
    too_large,
)
from detente.records import Article, Problem

# A desk / section line: "White House", "Asia Pacific", "World News".
SECTION_MAX_CHARS = 40
SECTION_MAX_WORDS = 5
# A headline: one line, not a paragraph.
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
# Lines ending like this are sentences of a body, not a desk line or headline.
_SENTENCE_END = re.compile(r"""[.,;:]["'”’)]*\s*$""")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


@dataclass(frozen=True, slots=True)
class TextLayout:
    section: str | None
    title: str | None
    body_start: int


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    lines: int


def _first_paragraphs(text: str, limit: int) -> list[_Paragraph]:
    """The first ``limit`` blank-line separated paragraphs, as offsets into ``text``."""
    paragraphs: list[_Paragraph] = []
    start = end = lines = 0
    in_paragraph = False
    for match in _LINE.finditer(text):
        if match.start() == match.end():  # the empty match at the end of the text
            break
        if match.group(1).strip():
            if not in_paragraph:
                start, lines, in_paragraph = match.start(1), 0, True
            end, lines = match.end(1), lines + 1
        elif in_paragraph:
            paragraphs.append(_Paragraph(start, end, lines))
            in_paragraph = False
            if len(paragraphs) == limit:
                return paragraphs
    if in_paragraph:
        paragraphs.append(_Paragraph(start, end, lines))
    return paragraphs


def _is_short_line(line: str, max_chars: int, max_words: int) -> bool:
    """A line that could be a desk line or headline: short, has letters, not a sentence."""
    return (
        len(line) <= max_chars
        and len(line.split()) <= max_words
        and any(ch.isalpha() for ch in line)
        and not _SENTENCE_END.search(line)
    )


def _is_section_line(line: str) -> bool:
    return _is_short_line(line, SECTION_MAX_CHARS, SECTION_MAX_WORDS)


def _is_headline(line: str) -> bool:
    return _is_short_line(line, TITLE_MAX_CHARS, TITLE_MAX_WORDS)


def split_layout(text: str) -> TextLayout:
    """Find the optional desk line and headline at the start of ``text``."""
    paragraphs = _first_paragraphs(text, 3)
    lines = [text[p.start : p.end].strip() if p.lines == 1 else None for p in paragraphs[:2]]
    if len(paragraphs) == 3 and lines[0] and lines[1]:
        if _is_section_line(lines[0]) and _is_headline(lines[1]):
            return TextLayout(lines[0], lines[1], paragraphs[2].start)
    if len(paragraphs) >= 2 and lines[0] and _is_headline(lines[0]):
        return TextLayout(None, lines[0], paragraphs[1].start)
    return TextLayout(None, None, 0)


def read_text_bytes(
    data: bytes,
    *,
    ref: str,
    date: str | None,
    max_chars: int,
) -> Iterator[Article | Problem]:
    """One plain-text document from the bytes of a file (or of stdin)."""
    if not data.strip():
        what = "is empty" if not data else "holds only whitespace"
        yield empty_file(ref, what)
        return
    if looks_binary(data[:BINARY_SAMPLE_BYTES]):
        yield binary_file(ref, "text")
        return
    if len(data) > max_chars * MAX_BYTES_PER_CHAR:
        yield too_large(ref, None, f"{len(data):,} bytes", max_chars)
        return
    decoded = decode_bytes(data)
    text = decoded.text
    if not text.strip():
        yield empty_file(ref, "holds only whitespace")
        return
    if len(text) > max_chars:
        yield too_large(ref, None, f"{len(text):,} characters", max_chars)
        return
    layout = split_layout(text)
    article = Article(
        ref=ref,
        text=text,
        title=layout.title,
        section=layout.section,
        date=date,
        body_start=layout.body_start,
        lang=detect_language(text),
    )
    if decoded.encoding.name != UTF8:
        yield encoding_warning(ref, decoded.encoding, article.doc_id)
    if decoded.replaced:
        yield decode_warning(ref, None, decoded, article.doc_id)
    yield article
