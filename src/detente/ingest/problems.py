"""Problems the readers report, built in one place so reasons and wording stay consistent.

Reasons (``Problem.reason``), all severity "error" (the input was skipped)
unless marked warning:

- ``not-found``: a path does not exist
- ``unreadable``: the file exists but cannot be read (permissions, I/O error)
- ``not-a-file``: a FIFO, socket or device (reading it could wait forever)
- ``empty-file``: a file, or stdin, is empty or whitespace only
- ``binary-file``: NUL bytes or mostly control characters
- ``unsupported-extension``: a file named explicitly, with an unknown extension, is binary
- ``decode-replaced`` (warning): invalid bytes were decoded as U+FFFD
- ``not-utf8`` (warning): the input is not UTF-8; it was decoded in the encoding named
- ``too-large``: a document longer than ``max_chars`` (``MAX_DOCUMENT_CHARS``)
- ``malformed-json``: a JSON line or value does not parse, or is not an object
- ``no-text``: a record has no usable text field
- ``bad-date`` (warning): a record's date cannot be read; the fallback date is used
- ``csv-error``: a CSV row cannot be parsed
- ``html-no-text``: trafilatura found no article text in an HTML page
- ``html-error``: trafilatura failed on an HTML page
"""

from __future__ import annotations

import stat

from detente.ingest.decode import DecodedText, Encoding
from detente.records import Problem


def empty_file(ref: str, what: str = "is empty") -> Problem:
    return Problem(ref=ref, reason="empty-file", detail=f"{ref} {what}")


_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_file(ref: str, mode: int) -> Problem:
    """A path that is not a regular file or a directory (``mode`` from ``os.stat``)."""
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
    return Problem(
        ref=ref,
        reason="not-a-file",
        detail=(
            f"{ref} is not a regular file ({kind}); détente reads files, directories "
            "and - for stdin"
        ),
    )


def binary_file(ref: str, expected: str) -> Problem:
    """``expected`` names what the input should have been ("text", "HTML")."""
    return Problem(
        ref=ref,
        reason="binary-file",
        detail=f"{ref} looks binary (NUL bytes or control characters), not {expected}",
    )


def too_large(ref: str, record: str | None, size: str, max_chars: int) -> Problem:
    where = ref if record is None else f"{ref} record {record}"
    return Problem(
        ref=ref,
        record=record,
        reason="too-large",
        detail=(
            f"{where} has {size}, over the limit of {max_chars:,} characters per "
            "document; split it into smaller documents"
        ),
    )


def decode_warning(
    ref: str, record: str | None, decoded: DecodedText, doc_id: str | None
) -> Problem:
    where = ref if record is None else f"{ref} record {record}"
    return Problem(
        ref=ref,
        record=record,
        reason="decode-replaced",
        detail=f"{where} is not valid {decoded.encoding.name}: {decoded.describe_replacement()}",
        severity="warning",
        doc_id=doc_id,
    )


def encoding_warning(ref: str, encoding: Encoding, doc_id: str | None = None) -> Problem:
    """An input read in another encoding than UTF-8 (said once per file)."""
    return Problem(
        ref=ref,
        reason="not-utf8",
        detail=f"{ref} is not UTF-8: read as {encoding.describe()}",
        severity="warning",
        doc_id=doc_id,
    )
