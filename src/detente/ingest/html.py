"""HTML pages: the article text and metadata, extracted by trafilatura (offline).

For HTML inputs ``Article.text`` is the text trafilatura extracts, and every
offset détente reports refers to that extracted text, not to the HTML source.
"""

from __future__ import annotations

from collections.abc import Iterator

from detente.ingest.dates import normalize_date
from detente.ingest.decode import BINARY_SAMPLE_BYTES, looks_binary
from detente.ingest.language import detect_language
from detente.ingest.problems import binary_file, empty_file, too_large
from detente.records import Article, Problem

# Markup, scripts and styles make pages much larger than their text.
HTML_BYTES_PER_TEXT_CHAR = 20

# Look for the date in the page's metadata only: a wide search guesses from
# copyright lines and the like, and trafilatura's file date would be today.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_html_bytes(
    data: bytes, *, ref: str, date: str | None, max_chars: int
) -> Iterator[Article | Problem]:
    """One Article from the bytes of an HTML page."""
    if not data.strip():
        yield empty_file(ref)
        return
    if looks_binary(data[:BINARY_SAMPLE_BYTES]):
        yield binary_file(ref, "HTML")
        return
    if len(data) > max_chars * HTML_BYTES_PER_TEXT_CHAR:
        yield too_large(ref, None, f"{len(data):,} bytes of HTML", max_chars)
        return
    import trafilatura  # slow to import; only HTML inputs need it

    try:
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except Exception as e:  # noqa: BLE001 - a third-party parser must not stop a run
        yield Problem(
            ref=ref,
            reason="html-error",
            detail=f"{ref}: trafilatura failed ({type(e).__name__}: {str(e)[:120]})",
        )
        return
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield Problem(
            ref=ref, reason="html-no-text", detail=f"{ref}: no article text found in the page"
        )
        return
    if len(text) > max_chars:
        yield too_large(ref, None, f"{len(text):,} characters of text", max_chars)
        return
    yield Article(
        ref=ref,
        text=text,
        title=_clean(getattr(extracted, "title", None)),
        date=normalize_date(getattr(extracted, "date", None)) or date,
        source=_clean(getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None)),
        url=_clean(getattr(extracted, "url", None)),
        lang=detect_language(text),
    )


def _clean(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
