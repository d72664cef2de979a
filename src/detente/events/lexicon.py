"""The verb lexicon: verbs, their CAMEO codes and the phrase patterns that refine them.

Two readers feed one in-memory :class:`VerbLexicon`:

* :func:`parse_petrarch_verbs` reads a verb dictionary in PETRARCH format (the
  CAMEO verb dictionary, PETRARCH's validation dictionary, or a user's ``--verbs FILE``);
* :func:`read_shipped_lexicon` reads our own JSON build of the CAMEO dictionary
  (``data/events/verbs.json``, written by ``scripts/build_verbs.py``) plus our
  extensions (``data/events/extensions.verbs.txt``, PETRARCH syntax so one parser serves).

The knowledge layer (:attr:`detente.knowledge.Knowledge.verbs`) merges the shipped lexicon
with the user's ``--verbs`` files and keeps the result for the process.

PETRARCH format, as far as we use it: ``&NAME`` opens a synonym set whose ``+WORD``
lines are members; ``--- NAME [CODE] ---`` opens a verb block whose plain lines are
verbs (``WORD {IRREGULAR FORMS} [CODE]``; ``_`` joins the words of a multi-word verb and
``+`` marks its verb word) and whose ``- PRE * POST [CODE]`` lines are patterns: ``*`` is
the verb, words before it belong to the subject side, words after it to the object side,
``(...)`` is a prepositional phrase, ``{...}`` a phrase, ``&NAME`` a synonym set, and
``$ + ^ %`` mark source, target, skipped phrase and compound (words are matched; a
``$`` or ``+`` after a word marks that word's object, each ``^`` between them skipping
one noun phrase). A block's code is its verbs' unless a verb line has its own; a verb of
speech or opinion that heads a coded block of its own (``--- BELIEVE [023] ---``) is
coded itself when no verb below it has a code (``events/coder.py``). Codes: ``[042]``; ``[042:043]`` is a paired event (the reverse direction gets the second
code); ``[:190]`` codes only the reverse direction; ``[---]`` means "no event".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import read_json, read_text

# One slot of a pattern: alternatives, each a tuple of consecutive lowercase words.
Slot = tuple[tuple[str, ...], ...]
VERB_MARK = "*"  # in a slot's words: the verb itself ("RECENTLY_*": just before the verb)

NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class CodeSpec:
    """What a matched verb or pattern codes: forward and/or reverse CAMEO code."""

    forward: str | None  # source -> target
    reverse: str | None = None  # target -> source (paired events)

    @property
    def is_null(self) -> bool:
        return self.forward is None and self.reverse is None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A phrase pattern of a verb block, e.g. ``- * (FOR &NEGOTIATION) [026]``."""

    pre: tuple[Slot, ...]  # words on the subject side, in order
    post: tuple[Slot, ...]  # words on the object side, in order
    code: CodeSpec
    text: str  # the pattern as written, kept as evidence
    origin: str  # "file:line"
    # The block's verbs the pattern was written for (CAMEO.2.0 names them in a trailing
    # "# HEAD" comment); empty: every verb of the block.
    verbs: tuple[str, ...] = ()
    # "- * THEIR ^ ABOUT + [162]": the target is the object of this word ("about")
    target_after: str = ""
    # "- % HAVE * [191]": a compound subject's members act on each other
    compound: bool = False
    # "- + * FROM $ [066]": the subject is the target ("+" before the verb) and the source
    # is the object of this word ("from"): "Ithilen's guard was freed from Mordor"
    source_after: str = ""
    target_subject: bool = False
    # "- * IFTAR AT ^ ^ + [044]": the noun phrases ("^") skipped after that word before the
    # target's ("celebrated Iftar at [Osgiliath] with [the parliament] of + Gondor")
    target_skips: int = 0
    source_skips: int = 0
    # How much the pattern asks for: the words it names (the shortest alternative of each
    # slot; the verb mark is no word), so "MOST_CERTAINLY_&NEGATVAUXVRB_EVER *" (five words,
    # one slot) is more specific than "&NEGATVAUXVRB EVER *". Computed once: the matcher
    # compares sizes for every candidate pattern.
    size: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        words = sum(
            min(sum(word != VERB_MARK for word in alt) for alt in slot)
            for slot in (*self.pre, *self.post)
        )
        object.__setattr__(self, "size", words)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (possibly multi-word) of a block."""

    word: str  # the verb word, lowercase (lemma or listed form)
    before: tuple[str, ...]  # words that must precede it (multi-word verbs)
    after: tuple[str, ...]  # words that must follow it (particles, "come_up")
    code: CodeSpec | None  # own code, overriding the block's
    block: str
    origin: str
    base: str = ""  # the verb line's main verb ("lead" for the form "led"; "set_up")


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: CodeSpec | None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbLexicon:
    """Verbs by word, blocks by name. Later sources override earlier ones."""

    blocks: dict[str, VerbBlock] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # patterns that can never match, and why

    def entries(self, word: str) -> list[VerbEntry]:
        return self.verbs.get(word, [])

    def merge(self, other: VerbLexicon, *, prepend_patterns: bool = True) -> None:
        """Add ``other`` to this lexicon; its verbs and patterns win over ours."""
        self.synsets.update(other.synsets)
        for name, block in other.blocks.items():
            mine = self.blocks.get(name)
            if mine is None:
                self.blocks[name] = VerbBlock(name, block.code, list(block.patterns))
                continue
            if block.code is not None:
                mine.code = block.code
            mine.patterns = (
                block.patterns + mine.patterns
                if prepend_patterns
                else mine.patterns + block.patterns
            )
        for word, entries in other.verbs.items():
            shapes = {(e.before, e.after) for e in entries}
            kept = [e for e in self.verbs.get(word, []) if (e.before, e.after) not in shapes]
            self.verbs[word] = list(entries) + kept
        self.sources.extend(other.sources)

    def to_json(self) -> dict:
        def spec(code: CodeSpec | None) -> list | None:
            return None if code is None else [code.forward, code.reverse]

        return {
            "format": "detente-verbs/1",
            "sources": self.sources,
            "synsets": {k: [list(v) for v in vals] for k, vals in self.synsets.items()},
            "blocks": [
                {
                    "name": b.name,
                    "code": spec(b.code),
                    "patterns": [
                        {
                            "pre": [[list(a) for a in s] for s in p.pre],
                            "post": [[list(a) for a in s] for s in p.post],
                            "code": spec(p.code),
                            "text": p.text,
                            "origin": p.origin,
                            "verbs": list(p.verbs),
                            "target_after": p.target_after,
                            "compound": p.compound,
                            "source_after": p.source_after,
                            "target_subject": p.target_subject,
                            "target_skips": p.target_skips,
                            "source_skips": p.source_skips,
                        }
                        for p in b.patterns
                    ],
                }
                for b in self.blocks.values()
            ],
            "verbs": [
                {
                    "word": e.word,
                    "before": list(e.before),
                    "after": list(e.after),
                    "code": spec(e.code),
                    "block": e.block,
                    "origin": e.origin,
                    "base": e.base,
                }
                for entries in self.verbs.values()
                for e in entries
            ],
        }

    @classmethod
    def from_json(cls, data: dict, *, path: str = "<json>") -> VerbLexicon:
        if data.get("format") != "detente-verbs/1":
            raise DictionaryError(path, None, "not a détente verb lexicon (format detente-verbs/1)")

        def spec(value: list | None) -> CodeSpec | None:
            return None if value is None else CodeSpec(value[0], value[1])

        def slots(raw: list) -> tuple[Slot, ...]:
            return tuple(tuple(tuple(a) for a in s) for s in raw)

        lexicon = cls(sources=list(data.get("sources", [])))
        lexicon.synsets = {k: [tuple(v) for v in vals] for k, vals in data["synsets"].items()}
        for b in data["blocks"]:
            block = VerbBlock(b["name"], spec(b["code"]))
            block.patterns = [
                Pattern(
                    slots(p["pre"]),
                    slots(p["post"]),
                    spec(p["code"]),
                    p["text"],
                    p["origin"],
                    tuple(p.get("verbs", ())),
                    p.get("target_after", ""),
                    bool(p.get("compound", False)),
                    p.get("source_after", ""),
                    bool(p.get("target_subject", False)),
                    int(p.get("target_skips", 0)),
                    int(p.get("source_skips", 0)),
                )
                for p in b["patterns"]
            ]
            lexicon.blocks[block.name] = block
        for v in data["verbs"]:
            entry = VerbEntry(
                v["word"],
                tuple(v["before"]),
                tuple(v["after"]),
                spec(v["code"]),
                v["block"],
                v["origin"],
                v.get("base", ""),
            )
            lexicon.verbs.setdefault(entry.word, []).append(entry)
        return lexicon


# ---------------------------------------------------------------- PETRARCH reader

_BLOCK_RE = re.compile(r"^---+\s*([^\[]+?)\s*\[([^\]]*)\]")
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_CODE_OK = re.compile(r"^[^\s:\[\]]+$")


def parse_code(raw: str, *, path: str, line: int) -> CodeSpec:
    raw = raw.strip()
    if raw in ("---", ""):
        return CodeSpec(None)
    if ":" in raw:
        forward, _, reverse = raw.partition(":")
        forward, reverse = forward.strip() or None, reverse.strip() or None
    else:
        forward, reverse = raw, None
    for code in (forward, reverse):
        if code is not None and code != NULL_CODE and not _CODE_OK.match(code):
            raise DictionaryError(path, line, f"bad event code [{raw}]")
    # A trailing "!" or "?" is a coder's flag in some dictionaries, not part of the code.
    forward = forward.rstrip("!?") if forward else forward
    reverse = reverse.rstrip("!?") if reverse else reverse
    return CodeSpec(
        None if forward == NULL_CODE else forward, None if reverse == NULL_CODE else reverse
    )


_HASH_COMMENT_RE = re.compile(r"(?:^|\s)#.*$")


_VERB_NAME_RE = re.compile(r"^[A-Z][A-Z_]*$")


def _pattern_verbs(raw: str, block_verbs: set[str]) -> tuple[str, ...]:
    """The verbs a CAMEO.2.0 pattern names in its trailing comment ("# HEAD",
    "# CONFIRM , REAFFIRM"); only names of the block's own verbs count, so a coder's
    initials or a date ("# jw 9/23/91") leave the pattern for every verb."""
    match = _HASH_COMMENT_RE.search(raw)
    if match is None:
        return ()
    names = [w for w in re.split(r"[\s,]+", match.group(0).lstrip().lstrip("#")) if w]
    if not names or not all(_VERB_NAME_RE.match(w) for w in names):
        return ()
    verbs = tuple(dict.fromkeys(w.lower() for w in names if w.lower() in block_verbs))
    return verbs if len(verbs) == len(set(w.lower() for w in names)) else ()


def _strip_comment(raw: str) -> str:
    """Drop a ``# comment`` (a ``#`` inside a ``[code]`` is not one)."""
    return _HASH_COMMENT_RE.sub("", raw).rstrip()


def _plain(word: str) -> str:
    """PETRARCH word -> our lowercase word (trailing ``_`` means "exact form": ignored)."""
    return word.strip("_").lower()


def _synset_name(raw: str) -> str:
    return raw.split()[0].upper().rstrip("_")


# an underscored phrase with synonym sets expands to at most this many word sequences
MAX_PHRASE_ALTERNATIVES = 5000


def _piece_alternatives(
    piece: str, synsets: dict[str, list[tuple[str, ...]]]
) -> list[tuple[str, ...]] | None:
    """The word sequences one piece of a pattern word stands for: a synonym set's members,
    ``BY/WITH``'s alternatives, or the word; [] for a marker; None: an undefined set."""
    if not piece or piece in {"$", "+", "^", "%", "*"}:
        return []
    if piece.startswith("&"):
        return synsets.get(_synset_name(piece)) or None
    return [(_plain(alt),) for alt in piece.split("/") if _plain(alt)]


def _slots_from(
    tokens: list[str], synsets: dict[str, list[tuple[str, ...]]]
) -> tuple[Slot, ...] | None:
    """The slots of one side of a pattern. Words joined by ``_`` ("NEW_&TIETYPES_RELATIONS",
    "TO_LET_ESCAPE") must be consecutive, PETRARCH's connector: they make one slot of
    multi-word alternatives (one per choice of each synonym set); a space between words
    allows any words between them."""
    slots: list[Slot] = []
    for tok in tokens:
        phrase: list[tuple[str, ...]] = [()]
        for piece in tok.split("_"):
            alternatives = _piece_alternatives(piece, synsets)
            if alternatives is None:
                return None  # PETRARCH cannot match an undefined set either: drop the pattern
            if not alternatives:
                continue
            if len(phrase) * len(alternatives) > MAX_PHRASE_ALTERNATIVES:
                slots.append(tuple(phrase))  # too many to join: consecutive no longer checked
                phrase = [()]
            phrase = [(*done, *alt) for done in phrase for alt in alternatives]
        if phrase != [()]:
            slots.append(tuple(dict.fromkeys(phrase)))
    return tuple(s for s in slots if s)


def _next_to_verb(slots: tuple[Slot, ...], *, before: bool) -> tuple[Slot, ...]:
    """The slots with the verb mark joined to the slot next to the verb: "RECENTLY_*" is
    "recently" just before the verb, "*_OUT" "out" just after it."""
    if not slots:
        return (((VERB_MARK,),),)
    if before:
        last = tuple((*alt, VERB_MARK) for alt in slots[-1])
        return (*slots[:-1], last)
    first = tuple((VERB_MARK, *alt) for alt in slots[0])
    return (first, *slots[1:])


def _target_word(tokens: list[str], marker: str = "+") -> tuple[str, int]:
    """The word whose object is the target in ``AFTER WORD ^ + ...``, and how many noun
    phrases (``^``) the pattern skips after it before the target; with ``marker="$"``,
    the word whose object is the source."""
    for number, tok in enumerate(tokens):
        if tok.strip("_") != marker:
            continue
        skips = 0
        for before in reversed(tokens[:number]):
            word = before.strip("_")
            if word == "^":
                skips += 1
                continue
            if word and word.isalpha():
                return word.lower(), skips
            break
    return "", 0


def _split_pattern_words(body: str) -> list[str]:
    # Brackets only group words; word order is what we match.
    return [w for w in re.split(r"[\s(){}]+", body) if w]


def _content_lines(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """(1-based line number, raw line, text without comment and padding) of a dictionary
    file's lines. Comment lines are skipped, not yielded blank: a comment does not end a
    synonym set, a blank line does."""
    for number, raw in enumerate(lines, 1):
        if not raw.lstrip().startswith("#"):
            yield number, raw, _strip_comment(raw).strip()


def parse_petrarch_verbs(
    path: str | Path,
    *,
    text: str | None = None,
    synsets: dict[str, list[tuple[str, ...]]] | None = None,
) -> VerbLexicon:
    """Read a PETRARCH-format verb dictionary into a :class:`VerbLexicon`.

    ``synsets`` are synonym sets known from elsewhere (the file's own win over them).
    """
    path = str(path)
    if text is None:
        text = read_text(path, errors="replace")
    text = _COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lexicon = VerbLexicon(sources=[path])
    lines = text.splitlines()
    # First pass: synonym sets (patterns may use a set defined later in the file).
    lexicon.synsets = _read_synsets(lines, dict(synsets or {}))
    synset: str | None = None
    block: VerbBlock | None = None
    block_verbs: dict[str, set[str]] = {}  # block -> its verbs' main phrases
    for number, raw, stripped in _content_lines(lines):
        origin = f"{Path(path).name}:{number}"
        if not stripped:
            synset = None
            continue
        match = _BLOCK_RE.match(stripped)
        if match:
            name = "_".join(match.group(1).upper().split())
            code = parse_code(match.group(2), path=path, line=number)
            block = lexicon.blocks.setdefault(name, VerbBlock(name, None if code.is_null else code))
            synset = None
        elif stripped.startswith("&"):
            synset = stripped
        elif (synset is not None and stripped.startswith("+")) or block is None:
            continue  # a synonym set's member, or the preamble
        elif stripped.startswith("-"):
            verbs = block_verbs.get(block.name, set())
            pattern = _parse_pattern(stripped, raw, lexicon.synsets, verbs, path, number)
            if pattern is None:
                lexicon.dropped.append(f"{origin}: undefined synonym set in {stripped!r}")
            else:
                block.patterns.append(pattern)
        else:
            for entry in _parse_verb_line(stripped, block.name, path, number):
                block_verbs.setdefault(block.name, set()).add(entry.base)
                lexicon.verbs.setdefault(entry.word, []).append(entry)
    return lexicon


def _read_synsets(
    lines: list[str], known: dict[str, list[tuple[str, ...]]]
) -> dict[str, list[tuple[str, ...]]]:
    """The file's synonym sets (``&NAME`` then ``+MEMBER`` lines), over the ``known`` ones;
    nested sets (``+&TIETYPES``) expand to their members."""
    found: dict[str, list[tuple[str, ...]]] = {}
    synset: str | None = None
    for _, _, stripped in _content_lines(lines):
        if stripped.startswith("&"):
            synset = _synset_name(stripped)
            found.setdefault(synset, [])
        elif synset is not None and stripped.startswith("+"):
            member = stripped[1:].strip()
            words = tuple(_plain(w) for w in re.split(r"[\s_]+", member) if w.strip("_"))
            if words:
                found[synset].append(words)
        else:
            synset = None  # a blank line or anything else ends a set
    synsets = {**known, **found}
    for name, members in synsets.items():
        expanded: list[tuple[str, ...]] = []
        for words in members:
            if len(words) == 1 and words[0].startswith("&"):
                expanded.extend(synsets.get(_synset_name(words[0]), []))
            else:
                expanded.append(words)
        synsets[name] = expanded
    return synsets


def _parse_pattern(
    stripped: str,
    raw: str,
    synsets: dict[str, list[tuple[str, ...]]],
    block_verbs: set[str],
    path: str,
    number: int,
) -> Pattern | None:
    """A ``- PRE * POST [CODE]`` line; None when it names an undefined synonym set."""
    codes = _CODE_RE.findall(stripped)
    if not codes:
        raise DictionaryError(path, number, "pattern without a [code]")
    body = _CODE_RE.sub(" ", stripped[1:])
    if "*" not in body:
        raise DictionaryError(path, number, "pattern without the verb marker '*'")
    before, _, after = body.partition("*")
    pre = _slots_from(_split_pattern_words(before), synsets)
    post = _slots_from(_split_pattern_words(after), synsets)
    if pre is None or post is None:
        return None
    if before.endswith("_"):  # "FAILED_TO_*": just before the verb ("KNOWN_ *": any)
        pre = _next_to_verb(pre, before=True)
    if after.startswith("_"):
        post = _next_to_verb(post, before=False)
    after_words = _split_pattern_words(after)
    target_after, target_skips = _target_word(after_words)
    source_after, source_skips = _target_word(after_words, "$")
    return Pattern(
        target_after=target_after,
        target_skips=target_skips,
        compound="%" in before.split() or "%" in after_words,
        source_after=source_after,
        source_skips=source_skips,
        target_subject=any(
            piece == "+" for w in _split_pattern_words(before) for piece in w.split("_")
        ),
        pre=pre,
        post=post,
        code=parse_code(codes[-1], path=path, line=number),
        text=" ".join(stripped.split()),
        origin=f"{Path(path).name}:{number}",
        verbs=_pattern_verbs(raw, block_verbs),
    )


def _parse_verb_line(stripped: str, block: str, path: str, number: int) -> list[VerbEntry]:
    """A verb line, ``WORD {FORMS} [CODE]``: one entry for the verb and each listed form."""
    codes = _CODE_RE.findall(stripped)
    code = parse_code(codes[-1], path=path, line=number) if codes else None
    body = _CODE_RE.sub(" ", stripped)
    forms: list[str] = []
    brace = re.search(r"\{([^}]*)\}", body)
    if brace:
        forms = [f for f in brace.group(1).split() if f]
        body = body[: brace.start()] + body[brace.end() :]
    words = body.split()
    if not words:
        return []
    parts = [p for p in "_".join(words).split("_") if p]
    verb_index = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    if not all(parts):
        raise DictionaryError(path, number, f"bad verb {stripped!r}")
    verb = parts[verb_index].lower()
    before = tuple(p.lower() for p in parts[:verb_index])
    after = tuple(p.lower() for p in parts[verb_index + 1 :])
    base = "_".join((*before, verb, *after))
    origin = f"{Path(path).name}:{number}"
    return [
        VerbEntry(word, before, after, code, block, origin, base)
        for word in [verb, *(f.lower() for f in forms if "_" not in f)]
    ]


# ---------------------------------------------------------------- shipped data


def read_shipped_lexicon(folder: Path | None = None) -> VerbLexicon:
    """Our build of the CAMEO verb dictionary plus our extensions (read afresh: the
    knowledge layer keeps the result). ``folder``: a copy of ``data/events/`` to read
    instead of the shipped one."""
    path = files.VERBS.path(folder)
    try:
        lexicon = VerbLexicon.from_json(read_json(path), path=str(path))
    except (KeyError, TypeError, IndexError, AttributeError) as e:
        raise DictionaryError(str(path), None, f"malformed verb lexicon: {e!r}") from e
    extensions = files.VERB_EXTENSIONS.path(folder)
    lexicon.merge(parse_petrarch_verbs(extensions, synsets=lexicon.synsets))
    return lexicon
