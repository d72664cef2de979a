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

Furniture is often run into the story's first words with no line break: "Story highlights
...", the article's own headline, a wiki topic label ("Zimbabwe The opposition party ...").
Such a prefix is cut off its line like a dateline; the kicker of title-case words is found on
the tagged words (:func:`find_kickers`), since only the tags tell a label from a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.knowledge import STAGE_CONFIG, Knowledge, load_knowledge
from detente.knowledge.words import NewsFurniture
from detente.nlp.extensions import doc_text, register_extensions

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of the text that is not the story: ``kind`` dateline | byline | caption |
    credit | furniture | headline | kicker."""

    start: int
    end: int
    kind: str


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def _headline_prefix(line: str, title: str) -> int:
    """The length of the headline run into the start of ``line``, with the blank after it:
    the title's words (of three or more), then on the same line the story's first word with a
    capital; 0 when the line does not start so ("Obama defends Syria policy in ..." does not)."""
    words = title.split()
    if len(words) < 3:
        return 0
    pattern = r"\s+".join(map(re.escape, words)) + r"\s+(?-i:(?=[\"“‘'(]?[A-Z0-9]))"
    match = re.match(pattern, line, re.IGNORECASE)
    return match.end() if match is not None else 0


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
        length, kind = rules.prefix(stripped)
        if not length and title:
            length, kind = _headline_prefix(stripped, title), "headline"
        if length:
            found.append(Furniture(start, start + length, kind))
    return found


# the tags of the words a kicker is made of: names, nouns, adjectives, numbers, hyphens
# ("2006 Israel-Lebanon conflict", "Australian news", "United States infobox")
_KICKER_TAGS = ("NN", "JJ", "CD", "HYPH")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_KICKER_MAX_WORDS = 7


def _repeated_name(words: Sequence[Token]) -> Token | None:
    """The second copy of a name the line opens with twice ("Kenya Kenya's new Parliament",
    "UK UK Members of Parliament"): a label left before the story's own first words."""
    for size in (1, 2, 3):
        if len(words) <= 2 * size + 1:
            break
        first, second = words[:size], words[size : 2 * size]
        if [t.text for t in first] == [t.text for t in second] and all(
            t.is_alpha and t.tag_ in ("NNP", "NNPS") for t in first
        ):
            return words[size]
    return None


def _is_opener(token: Token, openers: frozenset[str]) -> bool:
    """A capitalised function word in title case ("The", "After"; not the drop cap "WITH")."""
    return token.lower_ in openers and (token.text == "A" or token.text.istitle())


def _opener_after_label(
    words: Sequence[Token], openers: frozenset[str], determiners: frozenset[str]
) -> Token | None:
    """The story's first word after a label of title-case words with no verb: a capitalised
    function word ("Zimbabwe The opposition party ...") that opens a clause with a finite verb
    in sentence case (a title-case headline is no story)."""
    i = 0
    while i < len(words) and not (i > 0 and _is_opener(words[i], openers)):
        word = words[i]
        if (
            i >= _KICKER_MAX_WORDS
            or word.lower_ in openers
            or not word.tag_.startswith(_KICKER_TAGS)
        ):
            return None
        i += 1
    if i == len(words) or not any(t.text[:1].isupper() for t in words[:i]):
        return None
    opener = words[i]
    after = words[i + 1] if i + 1 < len(words) else None
    if opener.lower_ in determiners and (
        after is None or not (after.is_lower or after.tag_ == "JJ")
    ):
        return None  # "Comedy Meet The Fockers topped ...": a title opens with "The"
    clause = []
    for token in words[i + 1 :]:
        if token.text in (".", "!", "?"):
            break
        clause.append(token)
    letters = [t for t in clause if t.is_alpha]
    if not any(t.tag_ in _FINITE_TAGS for t in clause) or not letters:
        return None
    return opener if sum(t.is_lower for t in letters) / len(letters) >= 0.4 else None


def find_kickers(
    doc: Doc,
    furniture: Sequence[Furniture],
    *,
    openers: frozenset[str],
    determiners: frozenset[str],
) -> list[Furniture]:
    """The labels run into the story at the start of a line (kind ``kicker``), or right after
    the furniture that opens it ("<noinclude> Thailand Thailand's former ruling party ..."),
    found on the tagger's tags (none when the pipeline has no tagger)."""
    if not doc.has_annotation("TAG"):
        return []
    text = doc_text(doc)
    found = []
    for line in _LINE.finditer(text):
        start = line.start()
        on_line = [f for f in furniture if f.start < line.end() and line.start() < f.end]
        if on_line:
            if len(on_line) > 1 or not _runs_into_story(text, on_line[0]):
                continue
            start = on_line[0].end  # the story's words after a dateline or stamp
        span = doc.char_span(start, line.end(), alignment_mode="expand")
        words = _first_sentence_words(span) if span is not None else []
        if len(words) < 4:
            continue
        story = _repeated_name(words) or _opener_after_label(words, openers, determiners)
        if story is not None:
            found.append(Furniture(words[0].idx, story.idx, "kicker"))
    return found


def _first_sentence_words(span: Span) -> list[Token]:
    """The line's words a kicker test reads: the label (at most ``_KICKER_MAX_WORDS`` words)
    and the story's first sentence after it, not the rest of the paragraph."""
    words: list[Token] = []
    for token in span:
        if token.is_space:
            continue
        words.append(token)
        if len(words) > _KICKER_MAX_WORDS + 1 and token.text in (".", "!", "?"):
            break
    return words


def _runs_into_story(text: str, furniture: Furniture) -> bool:
    """The furniture is a prefix of its line: story words follow it on the same line."""
    line_end = text.find("\n", furniture.end)
    return bool(text[furniture.end : line_end if line_end >= 0 else len(text)].strip())


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
    """Sentence starts after every line break and after every dateline or other furniture
    run into the story, which is one sentence of its own (before parsing: the parser keeps
    them)."""
    text = doc_text(doc)
    datelines = [(f.start, f.end) for f in furniture if _runs_into_story(text, f)]
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
        words = knowledge.function_words
        self.openers = words.of("sentence-opener")
        self.determiners = words.of("determiner-definite") | words.of("determiner-indefinite")

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        title = article.title if article is not None else None
        furniture = find_furniture(doc_text(doc), self.rules, title=title)
        kickers = find_kickers(doc, furniture, openers=self.openers, determiners=self.determiners)
        furniture = sorted([*furniture, *kickers], key=lambda f: f.start)
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
