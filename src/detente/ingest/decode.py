"""Bytes to text: binary detection, the encoding of an input, and decoding we can report.

The encoding of every input is decided in one place (:func:`detect_encoding`):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) says it;
2. bytes that are valid UTF-8 are UTF-8, and so are bytes holding UTF-8 multi-byte
   sequences among a few invalid bytes (those become U+FFFD, with a warning);
3. UTF-16/32 without a BOM is recognised by its NUL bytes;
4. otherwise the bytes are in a legacy 8-bit (or CJK) encoding: charset-normalizer
   names it, and Windows-1252 wins whenever it reads the bytes the same way as the
   guess (news in a legacy encoding is mostly cp1252: curly quotes, dashes, accents).

Bytes that fit none of these (NULs outside UTF-16/32, many control characters) are binary.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

# How much of a file is looked at to decide whether it is binary and how it is encoded.
BINARY_SAMPLE_BYTES = 8192
ENCODING_SAMPLE_BYTES = 1 << 16
# A text file may hold a few stray control characters; more than this share is not text.
MAX_CONTROL_SHARE = 0.10
# Worst case bytes per character (UTF-8, UTF-32): a file larger than max_chars * this is too large.
MAX_BYTES_PER_CHAR = 4

UTF8 = "utf-8"
LEGACY_DEFAULT = "cp1252"
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
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
# Share of NUL bytes at every other (every fourth) position that marks UTF-16 (UTF-32).
_WIDE_NUL_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class Encoding:
    """How an input's bytes are read: a Python codec name, the length of a BOM to skip,
    and whether the name was guessed (no BOM, not UTF-8)."""

    name: str
    bom: int = 0
    guessed: bool = False

    @property
    def ascii_compatible(self) -> bool:
        """Line ends are single ``\\n`` bytes (not UTF-16/32)."""
        return not self.name.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))

    @property
    def errors(self) -> str:
        """Error handler: invalid bytes stay countable (surrogate escapes) in UTF-8 and
        single-byte encodings; multi-byte ones replace them (U+FFFD) as they go."""
        return "surrogateescape" if self.name == UTF8 or _single_byte(self.name) else "replace"

    def describe(self) -> str:
        how = "from its byte-order mark" if self.bom else "detected from its bytes"
        return f"{self.name} ({how})"


UTF8_ENCODING = Encoding(UTF8)


@functools.lru_cache(maxsize=64)
def _single_byte(name: str) -> bool:
    """Every byte is one character (or one escaped byte): cp1252, latin-1, koi8-r ..."""
    try:
        return len(bytes(range(256)).decode(name, "surrogateescape")) == 256
    except (UnicodeDecodeError, LookupError):
        return False


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    replaced: int = 0  # characters replaced by U+FFFD
    first_replaced: int | None = None  # offset of the first one in ``text``
    encoding: Encoding = UTF8_ENCODING

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


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, recognised by where its NUL bytes sit."""
    if len(sample) < 8:
        return None
    for width, name in ((4, "utf-32"), (2, "utf-16")):
        usable = sample[: len(sample) - len(sample) % width]
        lanes = [usable[i::width] for i in range(width)]
        shares = [lane.count(0) / len(lane) for lane in lanes]
        for order, lane_order in (("le", range(width)), ("be", reversed(range(width)))):
            low, *high = (shares[i] for i in lane_order)
            if low < 0.05 and all(share > _WIDE_NUL_SHARE for share in high):
                candidate = f"{name}-{order}"
                try:
                    text = usable.decode(candidate)
                except UnicodeDecodeError:
                    continue
                if not _control_heavy(text):
                    return candidate
    return None


def _control_heavy(text: str) -> bool:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v\x1b")
    return control > MAX_CONTROL_SHARE * max(1, len(text))


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters.

    ``sample`` is the start of a file; UTF-16/32 text (which holds NUL bytes) is
    recognised by its BOM or the pattern of its NULs and is not binary.
    """
    if not sample or bom_encoding(sample) not in (None, "utf-8"):
        return False
    if b"\x00" in sample:
        return _wide_encoding(sample) is None
    control = len(sample.translate(None, delete=_TEXT_BYTES))
    return control > MAX_CONTROL_SHARE * len(sample)


def _utf8_prefix_valid(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder(UTF8)()
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with a few bad bytes: at least as many valid multi-byte characters as
    invalid bytes (a legacy encoding forms valid UTF-8 sequences only by accident)."""
    text = sample.decode(UTF8, "surrogateescape")
    invalid = count_escaped_bytes(text)
    valid = sum(1 for ch in text if ord(ch) >= 0x80) - invalid
    return valid >= invalid


def detect_encoding(sample: bytes, *, complete: bool = True) -> Encoding:
    """The encoding of an input whose first bytes are ``sample`` (all of it when
    ``complete``). Never fails: undecidable bytes are read as UTF-8 with replacement."""
    bom_name = bom_encoding(sample)
    if bom_name is not None:
        bom = next(b for b, name in _BOMS if name == bom_name)
        return Encoding(bom_name, bom=len(bom))
    if b"\x00" in sample and (wide := _wide_encoding(sample)) is not None:
        return Encoding(wide, guessed=True)
    if _utf8_prefix_valid(sample, complete) or _mostly_utf8(sample):
        return UTF8_ENCODING
    return Encoding(_legacy_encoding(sample), guessed=True)


def _legacy_encoding(sample: bytes) -> str:
    from charset_normalizer import from_bytes  # only inputs that are not UTF-8 need it

    matches = list(from_bytes(sample[:ENCODING_SAMPLE_BYTES]))
    if not matches:
        return LEGACY_DEFAULT if _decodes(sample, LEGACY_DEFAULT) else UTF8
    least_chaos = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos == least_chaos and LEGACY_DEFAULT in match.could_be_from_charset:
            return LEGACY_DEFAULT  # cp1252 reads the bytes as well as the best guess
    return codecs.lookup(matches[0].encoding).name


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def replace_lone_surrogates(text: str) -> DecodedText:
    """Replace lone surrogates by U+FFFD; count them."""
    first = _LONE_SURROGATE.search(text)
    if first is None:
        return DecodedText(text)
    cleaned, count = _LONE_SURROGATE.subn(REPLACEMENT, text)
    return DecodedText(cleaned, count, first.start())


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a whole text file in its detected encoding, invalid bytes replaced.

    A BOM is not part of the text (offsets start after it); line ends are kept
    as they are, so offsets refer to the file's own text.
    """
    encoding = detect_encoding(
        data[:ENCODING_SAMPLE_BYTES], complete=len(data) <= ENCODING_SAMPLE_BYTES
    )
    body = data[encoding.bom :]
    if encoding.errors == "surrogateescape":
        decoded = replace_lone_surrogates(body.decode(encoding.name, "surrogateescape"))
        return DecodedText(decoded.text, decoded.replaced, decoded.first_replaced, encoding)
    try:
        return DecodedText(body.decode(encoding.name), encoding=encoding)
    except UnicodeDecodeError as e:
        text = body.decode(encoding.name, "replace")
        first = text.find(REPLACEMENT)
        return DecodedText(
            text, max(1, text.count(REPLACEMENT)), first if first >= 0 else e.start, encoding
        )


def count_escaped_bytes(text: str) -> int:
    """Invalid bytes kept as surrogate escapes in ``text``."""
    return len(_ESCAPED_BYTE.findall(text))
