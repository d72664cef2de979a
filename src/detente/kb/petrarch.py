"""Read actor and agent dictionaries in the PETRARCH / TABARI text format.

Actor file: a block starts with a root name line (``SHINZO_ABE_  # note``), may carry
codes on the same line (``JAPAN_ [JPN]``), and continues with ``+SYNONYM`` lines and
code lines (``[JPNGOV 060926-070926]``, ``[USAGOV >090120]``, ``[HOB < 950601]``,
``[HOBGOV 19950601 - 19990815]``, undated ``[JPNELI]`` = the default code).
Agent file: ``PHRASE {PLURALS} [~SECTOR]`` (``[NGO~]`` = a code written before the
country), with ``!MACRO! = A, B`` substitutions. ``#`` starts a comment, and
``<!-- ... -->`` blocks (possibly over several lines) are comments too.

This module only parses; :mod:`detente.kb` turns the entries into actors and agents.
Used both by ``scripts/build_kb.py`` (shipped data) and at run time for user files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.errors import DictionaryError

# Codes PETRARCH uses for "known, but do not code".
NULL_CODES = frozenset({"---", "+++", "###"})

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE_BODY = re.compile(
    r"^\s*(?P<code>[A-Za-z0-9/~+\-#]*?)\s*"
    r"(?:(?P<op>[<>])\s*(?P<single>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?\s*$"
)
_MACRO = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class DictRole:
    code: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One actor block: its surface names (root first) and its codes."""

    names: tuple[str, ...]
    roles: tuple[DictRole, ...]
    comment: str
    line: int


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str  # surface form, spaces not underscores, original case
    plurals: tuple[str, ...] | None  # None = regular English plural; () = no plural
    code: str  # sector code without the tilde, e.g. "GOV", "NGO"
    prefix: bool  # True for "[NGO~]": the code goes before the country
    line: int


def surface(raw: str) -> str:
    """``SHINZO_ABE_`` -> ``SHINZO ABE`` (underscores are spaces; a trailing one is a word end)."""
    return " ".join(raw.replace("_", " ").split())


def parse_dict_date(text: str, *, path: str, line: int) -> date:
    """PETRARCH dates: ``yymmdd`` (years 00-30 are 20xx) or ``yyyymmdd``."""
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy <= 30 else 1900 + yy
            return date(year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as e:
        raise DictionaryError(path, line, f"invalid date {text!r}: {e}") from e
    raise DictionaryError(path, line, f"invalid date {text!r}: expected yymmdd or yyyymmdd")


def parse_code(body: str, *, path: str, line: int) -> DictRole | None:
    """One ``[...]`` code; ``None`` for the null codes (``[---]``)."""
    match = _CODE_BODY.match(body)
    if match is None or not match.group("code"):
        raise DictionaryError(path, line, f"malformed code [{body}]")
    code = match.group("code").upper()
    if code in NULL_CODES:
        return None
    start = end = None
    if match.group("op"):
        when = parse_dict_date(match.group("single"), path=path, line=line)
        if match.group("op") == ">":
            start = when
        else:
            end = when
    elif match.group("start"):
        start = parse_dict_date(match.group("start"), path=path, line=line)
        end = parse_dict_date(match.group("end"), path=path, line=line)
    return DictRole(code, start, end)


def _clean_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line number, content without comments, comment text) for every line."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(str(path), None, f"cannot read dictionary: {e.strerror}") from e
    in_xml_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_xml_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_xml_comment = False
        while "<!--" in line:
            start = line.find("<!--")
            end = line.find("-->", start)
            if end < 0:
                line = line[:start]
                in_xml_comment = True
                break
            line = line[:start] + line[end + 3 :]
        comment = ""
        hash_at = line.find("#")
        if hash_at >= 0:
            line, comment = line[:hash_at], line[hash_at + 1 :]
        yield number, line.rstrip(), comment.strip()


def _check_brackets(content: str, *, path: str, line: int) -> None:
    if content.count("[") != content.count("]") or content.count("{") != content.count("}"):
        raise DictionaryError(path, line, f"unbalanced brackets in {content.strip()!r}")


def parse_actor_file(
    path: str | Path, *, strict: bool = True, warnings: list[str] | None = None
) -> list[DictEntry]:
    """Parse an actor dictionary. ``strict=False`` skips malformed lines and codes instead
    of raising, appending ``"file:line: reason"`` to ``warnings`` when given."""
    path = Path(path)
    parser = _ActorBlocks(str(path), strict=strict, warnings=warnings)
    for number, content, note in _clean_lines(path):
        stripped = content.strip()
        if stripped:
            parser.read_line(stripped, number, note)
    parser.flush()
    return parser.entries


class _ActorBlocks:
    """The state of an actor file read line by line: the block being read, and the
    entries of the blocks read so far."""

    def __init__(self, name: str, *, strict: bool, warnings: list[str] | None) -> None:
        self.name = name
        self.strict = strict
        self.warnings = warnings
        self.entries: list[DictEntry] = []
        self.names: list[str] = []
        self.roles: list[DictRole] = []
        self.comment = ""
        self.start_line = 0
        self.had_code = False  # a block whose only code is [---] is still an entry
        self.orphaned = False  # inside the lines of a skipped entry

    def skip(self, error: DictionaryError) -> None:
        if self.strict:
            raise error
        if self.warnings is not None:
            self.warnings.append(str(error))

    def flush(self) -> None:
        if self.names and (self.roles or self.had_code):
            self.entries.append(
                DictEntry(tuple(self.names), tuple(self.roles), self.comment, self.start_line)
            )

    def read_line(self, stripped: str, number: int, note: str) -> None:
        try:
            _check_brackets(stripped, path=self.name, line=number)
        except DictionaryError as e:
            self.skip(e)
            if not stripped.startswith(("[", "+")):
                # a broken name line: its synonym and code lines go with it
                self.flush()
                self.names, self.orphaned = [], True
            return
        if stripped.startswith(("[", "+")):
            self._block_line(stripped, number)
        else:
            self._name_line(stripped, number, note)

    def _block_line(self, stripped: str, number: int) -> None:
        """A code line (``[JPNGOV ...]``) or a synonym line (``+NAME``) of the block."""
        synonym = stripped.startswith("+")
        if not self.names:
            if not self.orphaned:
                what = "synonym" if synonym else "code"
                self.skip(DictionaryError(self.name, number, f"{what} line before any actor name"))
            return
        if synonym:
            text = surface(stripped[1:].split("[", 1)[0])
            if text:
                self.names.append(text)
        self._add_codes(stripped, number)

    def _name_line(self, stripped: str, number: int, note: str) -> None:
        """A root name line: the previous block ends, a new one starts."""
        self.flush()
        text = surface(stripped.split("[", 1)[0])
        if not text:
            self.skip(DictionaryError(self.name, number, f"no actor name in {stripped!r}"))
            self.names, self.orphaned = [], True
            return
        self.names, self.roles, self.comment, self.start_line = [text], [], note, number
        self.orphaned = False
        self.had_code = False
        self._add_codes(stripped, number)

    def _add_codes(self, content: str, number: int) -> None:
        for body in _BRACKET.findall(content):
            try:
                role = parse_code(body, path=self.name, line=number)
            except DictionaryError as e:
                self.skip(e)
                continue
            self.had_code = True
            if role is not None:
                self.roles.append(role)


def _expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    for macro, values in macros.items():
        expanded = []
        for item in out:
            if macro in item:
                expanded.extend(item.replace(macro, value) for value in values)
            else:
                expanded.append(item)
        out = expanded
    return out


def parse_agent_file(
    path: str | Path, *, strict: bool = True, warnings: list[str] | None = None
) -> list[AgentEntry]:
    """Parse an agent dictionary (``PHRASE {PLURALS} [~CODE]``); ``strict`` and
    ``warnings`` as in :func:`parse_actor_file`."""
    path = Path(path)
    name = str(path)

    def skip(error: DictionaryError) -> None:
        if strict:
            raise error
        if warnings is not None:
            warnings.append(str(error))

    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, content, _note in _clean_lines(path):
        stripped = content.strip()
        if not stripped:
            continue
        macro = _MACRO.match(stripped)
        if macro:
            macros[macro.group(1)] = [v.strip() for v in macro.group(2).split(",") if v.strip()]
            continue
        try:
            _check_brackets(stripped, path=name, line=number)
        except DictionaryError as e:
            skip(e)
            continue
        codes = _BRACKET.findall(stripped)
        if not codes:
            skip(DictionaryError(name, number, f"agent without a [~CODE]: {stripped!r}"))
            continue
        head = stripped.split("[", 1)[0]
        plurals: tuple[str, ...] | None = None
        if "{" in head:
            head, _, rest = head.partition("{")
            inside = rest.split("}", 1)[0]
            plurals = tuple(surface(p) for p in re.split(r"[,;]", inside) if surface(p))
        phrase = surface(head)
        if not phrase:
            skip(DictionaryError(name, number, f"agent without a phrase: {stripped!r}"))
            continue
        for body in codes:
            code = "".join(body.split()).upper()
            if "~" not in code or code.strip("~") == "":
                skip(DictionaryError(name, number, f"agent code must contain '~': [{body}]"))
                continue
            prefix = code.endswith("~") and not code.startswith("~")
            code = code.replace("~", "")
            if not re.fullmatch(r"[A-Z0-9]+", code):
                skip(DictionaryError(name, number, f"malformed agent code [{body}]"))
                continue
            for variant in _expand_macros(phrase, macros):
                entries.append(AgentEntry(variant, plurals, code, prefix, number))
    return entries


def is_agent_file(path: str | Path) -> bool:
    """Agent dictionaries are named so, or their first code has the ``~`` form."""
    path = Path(path)
    if "agent" in path.name.lower():
        return True
    for _number, content, _note in _clean_lines(path):
        found = _BRACKET.search(content)
        if found:
            return "~" in found.group(1)
    return False
