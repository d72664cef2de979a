"""Parses built by hand for the rule tests: no model, so a red test points at the rule.

    doc = parse('''
        Abe     nsubj  met  PROPN  NNP  ent=PERSON
        met     ROOT   -    VERB   VBD  lemma=meet
        Putin   dobj   met  PROPN  NNP  ent=PERSON
        .       punct  met  PUNCT  .
    ''')

One token a line, in text order: the word, its dependency label, its head, its universal
part of speech, then optionally its fine (Penn) tag and ``key=value`` fields:

* the head is ``-`` for a root, else the head's word when it occurs once in the table,
  ``word#2`` for its second occurrence, or ``@N`` for the Nth line (counted from 0);
* ``lemma=`` (default: the word in lower case);
* ``ent=LABEL``: consecutive tokens with the same label form one entity; ``ent=B-LABEL``
  starts a new one right after another.

The text is the words joined by single spaces, except before closing punctuation and
after opening marks (``.``, ``,``, ``”`` ... take no space before them; ``“``, ``(`` no
space after). ``text=`` gives the exact text instead: the words must occur in it in
order, separated by at most one space; a longer run of white space (a paragraph break)
becomes a space token of its own, attached to the token before it, as spaCy's English
pipelines attach one. Sentences follow the parse: each root starts one.

Everything here is spaCy's own ``Doc(vocab, words=..., heads=..., deps=..., pos=...)``
over a blank English vocabulary (its lexical attributes: ``lower_``, ``is_punct``,
``is_quote``, ``is_stop`` ...).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc, Span

from detente.nlp.extensions import register_extensions
from detente.records import Mention

VOCAB = spacy.blank("en").vocab

NO_SPACE_BEFORE = frozenset(
    {".", ",", ";", ":", "!", "?", ")", "]", "}", "”", "’", "'s", "’s", "'", "n't", "%", "…"}
)
NO_SPACE_AFTER = frozenset({"(", "[", "{", "“", "‘", "$"})
_HEAD_OCCURRENCE = re.compile(r"(.+)#(\d+)")


@dataclass(frozen=True, slots=True)
class _Row:
    word: str
    dep: str
    head: str
    pos: str
    tag: str
    lemma: str
    ent: str  # "", "LABEL" or "B-LABEL"


class ParseError(ValueError):
    """A table that does not describe a parse (a typo in a test, said plainly)."""


def parse(table: str, *, text: str | None = None, date: str | None = None) -> Doc:
    """A ``Doc`` with the parse the table describes (see the module doc); ``date``: the
    article date the stages read from ``doc._.date``."""
    register_extensions()
    rows = [_row(number, line) for number, line in _lines(table)]
    if not rows:
        raise ParseError("the table has no tokens")
    heads = [_head(rows, k) for k in range(len(rows))]
    words, spaces, of_row = _layout([r.word for r in rows], text)
    n = len(words)
    token_heads = list(range(n))
    deps, pos, tags, lemmas, ents = ["dep"] * n, ["SPACE"] * n, ["_SP"] * n, words[:], ["O"] * n
    for k, row in enumerate(rows):
        i = of_row[k]
        token_heads[i] = of_row[heads[k]]
        deps[i], pos[i], tags[i], lemmas[i] = row.dep, row.pos, row.tag, row.lemma
    annotated = set(of_row.values())
    for i in range(n):
        if i not in annotated:  # white space: on the token before it
            token_heads[i] = max(0, i - 1)
    previous = ""
    for k, row in enumerate(rows):
        label = row.ent.removeprefix("B-")
        if not label:
            previous = ""
            continue
        inside = label == previous and not row.ent.startswith("B-") and of_row[k] > 0
        ents[of_row[k]] = ("I-" if inside else "B-") + label
        previous = label
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=token_heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )
    doc._.date = dt.date.fromisoformat(date) if date else None
    return doc


def _lines(table: str) -> list[tuple[int, str]]:
    return [
        (number, line.strip())
        for number, line in enumerate(table.splitlines(), 1)
        if line.strip() and not line.strip().startswith("# ")
    ]


def _row(number: int, line: str) -> _Row:
    fields = line.split()
    positional = [f for f in fields if "=" not in f or f.startswith("=")]
    named = dict(f.split("=", 1) for f in fields if "=" in f and not f.startswith("="))
    if not 4 <= len(positional) <= 5:
        raise ParseError(f"line {number} {line!r}: expected word, dep, head, pos [, tag]")
    unknown = set(named) - {"lemma", "ent"}
    if unknown:
        raise ParseError(f"line {number} {line!r}: unknown field(s) {sorted(unknown)}")
    word, dep, head, pos = positional[:4]
    return _Row(
        word=word,
        dep=dep,
        head=head,
        pos=pos,
        tag=positional[4] if len(positional) == 5 else "",
        lemma=named.get("lemma", word.lower()),
        ent=named.get("ent", ""),
    )


def _head(rows: list[_Row], k: int) -> int:
    ref = rows[k].head
    if ref == "-":
        return k
    if ref.startswith("@"):
        index = int(ref[1:])
        if not 0 <= index < len(rows):
            raise ParseError(f"{rows[k].word!r}: head {ref} is outside the table")
        return index
    occurrence = _HEAD_OCCURRENCE.fullmatch(ref)
    word, nth = (occurrence.group(1), int(occurrence.group(2))) if occurrence else (ref, 0)
    found = [j for j, row in enumerate(rows) if row.word == word]
    if nth:
        if len(found) < nth:
            raise ParseError(f"{rows[k].word!r}: no occurrence {nth} of head {word!r}")
        return found[nth - 1]
    if len(found) != 1:
        raise ParseError(
            f"{rows[k].word!r}: head {word!r} occurs {len(found)} times (write {word}#N or @N)"
        )
    return found[0]


def _layout(words: list[str], text: str | None) -> tuple[list[str], list[bool], dict[int, int]]:
    """The tokens (the table's words plus white-space tokens), their trailing spaces, and
    each table row's token index."""
    if text is None:
        return words, _default_spaces(words), {k: k for k in range(len(words))}
    tokens: list[str] = []
    spaces: list[bool] = []
    of_row: dict[int, int] = {}
    at = 0
    for k, word in enumerate([*words, None]):
        gap = re.match(r"\s*", text[at:]).group(0)
        at += len(gap)
        if gap and tokens and gap[0] == " ":
            spaces[-1], gap = True, gap[1:]  # one space follows the token before
        if gap:  # more white space: a token of its own
            tokens.append(gap)
            spaces.append(False)
        if word is None:
            break
        if not text.startswith(word, at):
            raise ParseError(f"word {k} {word!r} is not at offset {at} of the text: {text[at:]!r}")
        of_row[k] = len(tokens)
        tokens.append(word)
        spaces.append(False)
        at += len(word)
    if at < len(text):
        raise ParseError(f"the text goes on after the last word: {text[at:]!r}")
    return tokens, spaces, of_row


def _default_spaces(words: list[str]) -> list[bool]:
    spaces = []
    straight_open = False
    for i, word in enumerate(words):
        if word == '"':
            straight_open = not straight_open
        following = words[i + 1] if i + 1 < len(words) else None
        if following is None:
            spaces.append(False)
            continue
        opens = word in NO_SPACE_AFTER or (word == '"' and straight_open)
        closes = following in NO_SPACE_BEFORE or (following == '"' and straight_open)
        spaces.append(not (opens or closes))
    return spaces


# -- what earlier stages write on the Doc ---------------------------------------------------


def span_of(doc: Doc, words: str, *, nth: int = 0) -> Span:
    """The tokens whose words are ``words`` (space-separated), their ``nth`` occurrence."""
    wanted = words.split()
    size = len(wanted)
    found = [i for i in range(len(doc) - size + 1) if [t.text for t in doc[i : i + size]] == wanted]
    if len(found) <= nth:
        raise ParseError(f"{words!r} occurs {len(found)} times in {doc.text!r}")
    return doc[found[nth] : found[nth] + size]


def mention(
    doc: Doc,
    words: str,
    code: str | None,
    *,
    nth: int = 0,
    kind: str | None = None,
    actor_id: str | None = None,
    country: str | None = None,
    place_id: str | None = None,
) -> Mention:
    """An actors-stage mention of ``words`` coded ``code`` ("JPNGOV": country JPN, sector
    GOV); a ``place`` has no code, only a ``country``."""
    span = span_of(doc, words, nth=nth)
    country = country or (code[:3] if code else None)
    sector = code[3:6] if code and len(code) >= 6 else None
    kind = kind or ("state" if code and len(code) == 3 else "person")
    return Mention(
        doc_id=doc._.doc_id or "hand-built",
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        actor_id=actor_id or (f"state:{code}" if kind == "state" else f"{kind}:{words.lower()}"),
        name=words,
        code=code,
        country=country,
        sector=sector,
        resolved_by="kb",
        place_id=place_id,
    )


def with_mentions(doc: Doc, codes: dict[str, str], *, quotes=()) -> Doc:
    """``doc`` with one mention per occurrence of each key of ``codes`` (words -> code),
    and ``quotes`` as the quotes stage's output."""
    mentions = []
    for words, code in codes.items():
        wanted = words.split()
        count = sum([t.text for t in doc[i : i + len(wanted)]] == wanted for i in range(len(doc)))
        mentions += [mention(doc, words, code, nth=k) for k in range(count)]
    doc._.mentions = sorted(mentions, key=lambda m: m.start)
    doc._.quotes = list(quotes)
    return doc


def tokens(text: str, **lemmas: str) -> list:
    """The words of ``text`` as tokens with no parse (lemma: the word in lower case, or
    ``word=lemma``): what word-level rules (patterns, date words) read."""
    words = text.split()
    doc = Doc(VOCAB, words=words, lemmas=[lemmas.get(w, w.lower()) for w in words])
    return list(doc)
