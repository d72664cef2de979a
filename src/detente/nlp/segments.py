"""The ``detente_segments`` stage: sentence boundaries every stage shares, and the news
furniture no stage may read as story.

It runs before the parser and sets sentence starts the parser keeps:

* a sentence never crosses a line break (news texts mark paragraphs, list items, captions
  and page furniture with line breaks; a "sentence" glued across them mixes a caption
  with the story);
* a dateline ("LONDON (Reuters) -", "Washington (CNN)", "HANOI, Vietnam —") is cut off
  the first sentence of its line, so the parser never makes the city or the agency the
  subject of the story's first clause.

It also finds the furniture (``english/news_furniture.tsv``): datelines, bylines, photo
captions and credits, "Advertisement", "Story Continued Below", and a repeat of the
headline at the top of the text. Their character spans go to ``doc._.furniture``; the
later stages read no actor, quote or event there (:func:`in_furniture`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.knowledge import STAGE_CONFIG, Knowledge, load_knowledge
from detente.knowledge.words import NewsFurniture
from detente.nlp.extensions import doc_text, register_extensions

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of the text that is not the story: ``kind`` dateline | byline | caption |
    credit | furniture | headline."""

    start: int
    end: int
    kind: str


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_furniture(text: str, rules: NewsFurniture, *, title: str | None = None) -> list[Furniture]:
    """The furniture of ``text``, line by line, in text order."""
    found: list[Furniture] = []
    headline = _normalized(title) if title else None
    for line in _LINE.finditer(text):
        raw = line.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = line.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        kind = rules.whole_line(stripped)
        if kind is None and headline and _normalized(stripped) == headline:
            kind = "headline"
        if kind is not None:
            found.append(Furniture(start, end, kind))
            continue
        prefix = rules.dateline(stripped)
        if prefix:
            found.append(Furniture(start, start + prefix, "dateline"))
    return found


SENTENCE_END_CHARS = frozenset(
    ".!?…:;)]\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a"
)  # any quote mark may close (German \u201c)


def _may_end_sentence(token) -> bool:
    """Whether a sentence may end after ``token`` inside a line: after its closing
    punctuation, a quotation mark or a bracket (spaces are looked through)."""
    while token.is_space and token.i > 0:
        token = token.doc[token.i - 1]
    return token.text[-1] in SENTENCE_END_CHARS


def set_boundaries(doc: Doc, furniture: Sequence[Furniture]) -> None:
    """Sentence starts after every line break and after every dateline, which is one
    sentence of its own (before parsing: the parser keeps them)."""
    datelines = [(f.start, f.end) for f in furniture if f.kind == "dateline"]
    cut_after = {end for _start, end in datelines}
    # one array for the whole Doc: setting ``Token.is_sent_start`` one token at a time
    # makes spaCy scan the Doc for a parse on every call (quadratic on long articles)
    starts = doc.to_array([SENT_START]).astype("int64")
    previous_breaks = False
    previous = None  # the last token that is not a blank
    for token in doc:
        if token.is_space:
            previous_breaks = previous_breaks or "\n" in token.text
            continue
        i = token.i
        if i > 0 and (previous_breaks or token.idx in cut_after):
            starts[i] = 1
        elif any(start < token.idx < end for start, end in datelines):
            starts[i] = -1  # "Washington (CNN)": one piece
        elif i > 0 and not _may_end_sentence(doc[i - 1] if previous is None else previous):
            # inside a line a sentence ends at its punctuation: "Russian President Putin
            # said" after a one-word dateline line is not cut after "Russian"
            starts[i] = -1
        previous_breaks = False
        previous = token
    doc.from_array([SENT_START], starts.astype("uint64"))  # -1 wraps, as spaCy stores it
    # a dateline that ends inside a token ("LONDON (Reuters) -The") cuts nothing: the
    # token is the story's, and the dateline's span still keeps its words from the stages


def in_furniture(furniture: Sequence[Furniture], start: int, end: int) -> bool:
    """The span ``start``-``end`` lies inside a span of furniture."""
    return any(f.start <= start and end <= f.end for f in furniture)


def is_furniture_sentence(furniture: Sequence[Furniture], sent: Span) -> bool:
    """The sentence's words (its blanks aside) are furniture."""
    if not furniture:
        return False
    words = [t for t in sent if not t.is_space]
    if not words:
        return True
    return in_furniture(furniture, words[0].idx, words[-1].idx + len(words[-1].text))


class SegmentsComponent:
    """Sets line and dateline sentence boundaries and writes ``doc._.furniture``."""

    def __init__(self, nlp: Language, name: str = "detente_segments", *, knowledge: Knowledge):
        register_extensions()
        self.name = name
        self.rules = knowledge.news_furniture

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        title = article.title if article is not None else None
        furniture = find_furniture(doc_text(doc), self.rules, title=title)
        set_boundaries(doc, furniture)
        doc._.furniture = furniture
        return doc


@Language.factory(
    "detente_segments",
    default_config=STAGE_CONFIG,
    assigns=["token.is_sent_start", "doc._.furniture"],
)
def make_segments_component(
    nlp: Language, name: str, actor_files: list[str], verb_files: list[str], shipped: bool
) -> SegmentsComponent:
    knowledge = load_knowledge(actor_files=actor_files, verb_files=verb_files, shipped=shipped)
    return SegmentsComponent(nlp, name, knowledge=knowledge)
