"""Bytes to text: binary detection, BOMs, and decoding with replacement we can report."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# How much of a file is looked at to decide whether it is binary.
BINARY_SAMPLE_BYTES = 8192
# A text file may hold a few stray control characters; more than this share is not text.
MAX_CONTROL_SHARE = 0.10
# Worst case bytes per character in UTF-8: a file larger than max_chars * this is too large.
MAX_BYTES_PER_CHAR = 4

REPLACEMENT = "\ufffd"

# Bytes that are normal in text: tab, LF, VT, FF, CR, ESC and everything from space up.
_TEXT_BYTES = bytes([9, 10, 11, 12, 13, 27, *range(32, 256)])
# Unicode BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Invalid bytes survive UTF-8 decoding with "surrogateescape" as U+DC80..U+DCFF; other
# lone surrogates can come from JSON "\ud800" escapes. Neither is storable text.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    replaced: int = 0  # characters replaced by U+FFFD
    first_replaced: int | None = None  # offset of the first one in ``text``

    def describe_replacement(self) -> str:
        return (
            f"{self.replaced} undecodable byte(s) replaced by U+FFFD "
            f"(first at character {self.first_replaced})"
        )


def bom_encoding(sample: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    return None


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters.

    ``sample`` is the start of a file; UTF-16/32 text (which holds NUL bytes)
    is recognised by its BOM and is not binary.
    """
    if not sample or bom_encoding(sample) not in (None, "utf-8"):
        return False
    if b"\x00" in sample:
        return True
    control = len(sample.translate(None, delete=_TEXT_BYTES))
    return control > MAX_CONTROL_SHARE * len(sample)


def replace_lone_surrogates(text: str) -> DecodedText:
    """Replace lone surrogates by U+FFFD; count them."""
    first = _LONE_SURROGATE.search(text)
    if first is None:
        return DecodedText(text)
    cleaned, count = _LONE_SURROGATE.subn(REPLACEMENT, text)
    return DecodedText(cleaned, count, first.start())


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a whole text file: BOM-aware, UTF-8 by default, invalid bytes replaced.

    A BOM is not part of the text (offsets start after it); line ends are kept
    as they are, so offsets refer to the file's own text.
    """
    encoding = bom_encoding(data)
    if encoding is None or encoding == "utf-8":
        if encoding == "utf-8":
            data = data[len(codecs.BOM_UTF8) :]
        try:
            return DecodedText(data.decode("utf-8"))
        except UnicodeDecodeError:
            return replace_lone_surrogates(data.decode("utf-8", "surrogateescape"))
    bom = next(b for b, e in _BOMS if e == encoding)
    body = data[len(bom) :]
    try:
        return DecodedText(body.decode(encoding))
    except UnicodeDecodeError as e:
        text = body.decode(encoding, "replace")
        first = text.find(REPLACEMENT)
        return DecodedText(text, max(1, text.count(REPLACEMENT)), first if first >= 0 else e.start)
