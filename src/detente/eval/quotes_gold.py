"""Détente's own quote gold on BBC News 2004-2005 (issue 15): build, read, score, agree.

The gold lives in ``gold/quotes_bbc/`` (see ``docs/gold/quotes-guideline.md``):

* ``articles.tsv`` — the sampled articles: record id, category, split, double, and the
  first 8 hex digits of the SHA-1 of the record's ``text`` (drift check);
* ``annotations/<annotator>/<record id, "/" as "_">.json`` — what annotators write:
  quotes as strings (content, cue, speaker) with occurrence numbers, never offsets;
* ``gold.<annotator>.jsonl`` — what :func:`build_annotator_gold` makes of them: one
  article a line, character offsets into the record's ``text``, no article text.

:func:`load_bbc_gold` joins ``gold.*.jsonl`` with the corpus texts into the
:class:`~detente.eval.quotes.GoldDocument` records that :mod:`detente.eval.quotes`
scores, so the numbers mean what they mean on PolNeAR: ``direct`` and ``mixed`` gold
are the direct class (their content holds quotation marks), ``reported`` the reported
class, and ``excluded`` (beliefs, feelings, findings) sets matching predictions aside.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.eval.common import DEFAULT_SHARED_DIR, ratio
from detente.eval.quotes import (
    GoldAttribution,
    GoldDocument,
    PredictedTuple,
    QuoteScores,
    _distinct_texts,
    _pipeline_predictions,
    score_document,
    score_predictions,
)

REPO_DIR = Path(__file__).resolve().parents[3]
DEFAULT_GOLD_DIR = REPO_DIR / "gold" / "quotes_bbc"
DEFAULT_CORPUS = DEFAULT_SHARED_DIR / "data" / "corpora" / "bbc_news_2004_2005.jsonl"
ARTICLES_FILE = "articles.tsv"
ARTICLE_COLUMNS = ("record_id", "category", "split", "double", "sha1_8")
SPLITS = ("dev", "test")

ANNOTATION_KINDS = ("direct", "mixed", "reported", "excluded")
# our annotation kind -> the class detente.eval.quotes scores it in
SCORED_KIND = {
    "direct": "direct",
    "mixed": "direct",
    "reported": "reported",
    "excluded": "excluded",
}
# an annotator's kind -> the Quote.kind a system would give it (annotator agreement)
PREDICTED_KIND = {"direct": "direct", "mixed": "mixed", "reported": "indirect"}

QUOTE_FIELDS = {
    "paragraph": int,
    "kind": str,
    "content": str,
    "content_occurrence": int,
    "cue": (str, type(None)),
    "cue_occurrence": int,
    "speaker": (str, type(None)),
    "speaker_occurrence": int,
    "speaker_paragraph": (int, type(None)),
    "speaker_name": (str, type(None)),
    "speaker_code": (str, type(None)),
    "note": str,
    "continued": bool,
    "mark_missing": bool,
}
REQUIRED_FIELDS = ("paragraph", "kind", "content")
EXPORT_ORDER = ("paragraph", "kind", "content", "content_occurrence", "cue", "cue_occurrence")
EXPORT_ORDER += ("speaker", "speaker_occurrence", "speaker_paragraph", "speaker_name")
EXPORT_ORDER += ("speaker_code", "continued", "mark_missing", "note")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


def short_hash(text: str) -> str:
    """First 8 hex digits of the SHA-1 of ``text`` (UTF-8): the drift check of the gold."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blocks between blank lines, outer space trimmed.

    Paragraph *n* of the guideline and of the work files is ``paragraph_spans(text)[n - 1]``.
    """
    spans = []
    position = 0
    for block_end, next_start in [
        *((m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)),
        (len(text), len(text)),
    ]:
        block = text[position:block_end]
        stripped = block.strip()
        if stripped:
            start = position + len(block) - len(block.lstrip())
            spans.append((start, start + len(stripped)))
        position = next_start
    return spans


def record_file_name(record_id: str) -> str:
    """``politics/042`` -> ``politics_042``: the file stem of an article's annotation."""
    return record_id.replace("/", "_")


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One annotated quote with offsets into the article's ``text``."""

    paragraph: int
    paragraph_sha1_8: str
    kind: str  # direct | mixed | reported | excluded
    start: int
    end: int
    continued: bool  # a direct quote going on in the next paragraph (no closing mark here)
    cue_start: int | None
    cue_end: int | None
    speaker_paragraph: int | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_code: str | None
    note: str = ""
    mark_missing: bool = False  # a direct quote whose text lacks one of its marks (typo)

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ArticleGold:
    """One annotator's quotes in one article."""

    record_id: str
    annotator: str
    sha1_8: str
    quotes: tuple[GoldQuote, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "annotator": self.annotator,
            "sha1_8": self.sha1_8,
            "quotes": [quote.to_json() for quote in self.quotes],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleGold:
        return cls(
            record_id=data["record_id"],
            annotator=data["annotator"],
            sha1_8=data["sha1_8"],
            quotes=tuple(GoldQuote(**quote) for quote in data["quotes"]),
        )


@dataclass(frozen=True, slots=True)
class SampledArticle:
    """A row of ``articles.tsv``."""

    record_id: str
    category: str
    split: str
    double: bool
    sha1_8: str


# --- building: strings -> offsets ---------------------------------------------------------

DIRECT_MARKS = frozenset("\"\u201c\u201d\u2018\u2019'")
DOUBLE_MARKS = frozenset('"\u201c\u201d')
SINGLE_MARKS = frozenset("\u2018\u2019'")


def _fail(ref: str, detail: str, *, quote: int | None = None) -> InputError:
    return InputError(ref, "bad-gold", detail if quote is None else f"quote {quote}: {detail}")


def find_spans(paragraph_text: str, needle: str, base: int) -> list[tuple[int, int]]:
    """Offsets of every whole-word match of ``needle`` in a paragraph starting at ``base``
    ("he" is not found inside "the")."""
    if not needle:
        return []
    pattern = (
        (r"(?<!\w)" if needle[0].isalnum() else "")
        + re.escape(needle)
        + (r"(?!\w)" if needle[-1].isalnum() else "")
    )
    return [(base + m.start(), base + m.end()) for m in re.finditer(pattern, paragraph_text)]


# a sentence end: .?! (and a closing mark), space, then an opening mark or a capital
SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")


def crosses_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a sentence ends between two spans (approximate, for BBC house style)."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    if right[0] < left[1]:
        return False
    # from the left span's last character: a quote's content ends with its full stop
    start = max(left[0], left[1] - 1)
    return bool(SENTENCE_END.search(text, start, min(len(text), right[0] + 2)))


def nearest(
    text: str,
    spans: Sequence[tuple[int, int]],
    target: tuple[int, int],
    *,
    content: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """The span closest to ``target``: in the same sentence if one is, then by the gap in
    characters; a tie goes to the earlier span.

    For a speaker, ``content`` is the quote: a span inside it comes last unless it stands
    before the cue ("The plan, he said, would ..."), and when the quote has no cue
    (``target`` is the content) a span before the quote beats one after it.
    """
    no_cue = content is not None and target == content

    def distance(span: tuple[int, int]) -> tuple[bool, bool, bool, int, int]:
        gap = max(0, span[0] - target[1], target[0] - span[1])
        inside = (
            content is not None
            and span[0] < content[1]
            and content[0] < span[1]
            and (no_cue or span[0] >= target[1])
        )
        crosses = crosses_sentence(text, span, target)
        after = no_cue and crosses and span[0] >= target[1]
        return inside, crosses, after, gap, span[0]

    return min(spans, key=distance)


def _check_fields(quote: Any, ref: str, number: int) -> None:
    if not isinstance(quote, dict):
        raise _fail(ref, "a quote must be a JSON object", quote=number)
    unknown = sorted(set(quote) - set(QUOTE_FIELDS))
    if unknown:
        raise _fail(ref, f"unknown field(s) {', '.join(unknown)}", quote=number)
    for name in REQUIRED_FIELDS:
        if name not in quote:
            raise _fail(ref, f"field {name!r} is missing", quote=number)
    for name, types in QUOTE_FIELDS.items():
        value = quote.get(name)
        # bool is an int in Python: true is not a paragraph number
        if name in quote and (
            not isinstance(value, types) or (types is not bool and isinstance(value, bool))
        ):
            raise _fail(ref, f"field {name!r} has the wrong type: {value!r}", quote=number)
    if quote["kind"] not in ANNOTATION_KINDS:
        raise _fail(
            ref,
            f"kind {quote['kind']!r} is not one of {', '.join(ANNOTATION_KINDS)}",
            quote=number,
        )


def _locate(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    paragraph: int,
    needle: str,
    occurrence: int | None,
    *,
    near: tuple[int, int] | None,
    content: tuple[int, int] | None = None,
    ref: str,
    number: int,
    what: str,
) -> tuple[int, int]:
    """Find an annotated string: its ``occurrence`` in the paragraph when given, else the
    match nearest to ``near`` (see :func:`nearest`), else the only match."""
    if not 1 <= paragraph <= len(paragraphs):
        raise _fail(
            ref, f"{what} paragraph {paragraph} does not exist (1..{len(paragraphs)})", quote=number
        )
    start, end = paragraphs[paragraph - 1]
    spans = find_spans(text[start:end], needle, start)
    if not spans:
        raise _fail(ref, f"{what} {needle!r} is not in paragraph {paragraph}", quote=number)
    if occurrence is not None:
        if not 1 <= occurrence <= len(spans):
            raise _fail(
                ref,
                f"{what} {needle!r} occurs {len(spans)} time(s) in paragraph {paragraph}, "
                f"not {occurrence}",
                quote=number,
            )
        return spans[occurrence - 1]
    if near is not None:
        return nearest(text, spans, near, content=content)
    if len(spans) > 1:
        raise _fail(
            ref,
            f"{what} {needle!r} occurs {len(spans)} times in paragraph {paragraph}: "
            f"say which with {what}_occurrence",
            quote=number,
        )
    return spans[0]


def _closed(text: str, end: int, paragraph_end: int) -> bool:
    """A closing mark right after the content, or the next quote's opening mark after a
    space: a continued quote whose paragraph break was lost ('… this. "Some …')."""
    if end < len(text) and text[end] in DIRECT_MARKS:
        return True
    rest = text[end:paragraph_end]
    return rest[:1].isspace() and rest.lstrip()[:1] in DIRECT_MARKS


def _check_marks(
    quote: dict, text: str, span: tuple[int, int], paragraph_end: int, ref: str, number: int
) -> None:
    start, end = span
    content = text[start:end]
    kind = quote["kind"]
    if quote.get("mark_missing", False) and kind != "direct":
        raise _fail(ref, "only direct quotes can have a missing mark", quote=number)
    if kind == "direct" and not quote.get("mark_missing", False):
        if start == 0 or text[start - 1] not in DIRECT_MARKS:
            raise _fail(ref, "direct content must start right after a quotation mark", quote=number)
        if quote.get("continued", False):
            if end != paragraph_end:
                raise _fail(
                    ref, "a continued quote's content must run to the paragraph end", quote=number
                )
        elif not _closed(text, end, paragraph_end):
            raise _fail(
                ref,
                'direct content must end right before a quotation mark (or set "continued": true)',
                quote=number,
            )
    elif quote.get("continued", False):
        raise _fail(ref, "only direct quotes can be continued", quote=number)
    if kind == "mixed" and not any(char in DIRECT_MARKS for char in content):
        raise _fail(ref, "mixed content must hold its quoted fragment's marks", quote=number)


def build_quote(
    quote: Any,
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    *,
    ref: str,
    number: int,
) -> GoldQuote:
    """Validate one annotated quote and turn its strings into offsets (raise ``InputError``)."""
    _check_fields(quote, ref, number)
    paragraph = quote["paragraph"]
    locate_args = {"ref": ref, "number": number}
    start, end = _locate(
        text,
        paragraphs,
        paragraph,
        quote["content"],
        quote.get("content_occurrence"),
        near=None,
        what="content",
        **locate_args,
    )
    _check_marks(quote, text, (start, end), paragraphs[paragraph - 1][1], ref, number)
    cue_start = cue_end = None
    if quote.get("cue") is not None:
        cue_start, cue_end = _locate(
            text,
            paragraphs,
            paragraph,
            quote["cue"],
            quote.get("cue_occurrence"),
            near=(start, end),
            what="cue",
            **locate_args,
        )
    elif quote["kind"] in ("reported", "mixed"):
        raise _fail(ref, f"a {quote['kind']} quote needs its cue", quote=number)
    speaker_paragraph = quote.get("speaker_paragraph")
    speaker_start = speaker_end = None
    if quote.get("speaker") is not None:
        speaker_start, speaker_end = _locate(
            text,
            paragraphs,
            speaker_paragraph or paragraph,
            quote["speaker"],
            quote.get("speaker_occurrence"),
            # the speaker stands by its cue ("He objected to …. He also …")
            near=(cue_start, cue_end) if cue_start is not None else (start, end),
            content=(start, end),
            what="speaker",
            **locate_args,
        )
    elif speaker_paragraph is not None:
        raise _fail(ref, "speaker_paragraph is set but speaker is null", quote=number)
    code = quote.get("speaker_code")
    if code is not None and not _CODE.match(code):
        raise _fail(ref, f"speaker_code {code!r} is not a CAMEO actor code", quote=number)
    paragraph_start, paragraph_end = paragraphs[paragraph - 1]
    return GoldQuote(
        paragraph=paragraph,
        paragraph_sha1_8=short_hash(text[paragraph_start:paragraph_end]),
        kind=quote["kind"],
        start=start,
        end=end,
        continued=quote.get("continued", False),
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_paragraph=speaker_paragraph,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker_name=quote.get("speaker_name"),
        speaker_code=code,
        note=quote.get("note", ""),
        mark_missing=quote.get("mark_missing", False),
    )


def build_article(annotation: Any, text: str, *, annotator: str, ref: str) -> ArticleGold:
    """Validate one annotation file's content against the article text."""
    if not isinstance(annotation, dict):
        raise _fail(ref, "the file must hold one JSON object")
    unknown = sorted(set(annotation) - {"record_id", "annotator", "quotes"})
    if unknown:
        raise _fail(ref, f"unknown top-level field(s) {', '.join(unknown)}")
    if not isinstance(annotation.get("record_id"), str):
        raise _fail(ref, "record_id is missing")
    if annotation.get("annotator", annotator) != annotator:
        raise _fail(ref, f"annotator {annotation['annotator']!r} is not {annotator!r}")
    quotes = annotation.get("quotes")
    if not isinstance(quotes, list):
        raise _fail(ref, "quotes must be a list (an empty one when the article has none)")
    paragraphs = paragraph_spans(text)
    built = tuple(
        build_quote(quote, text, paragraphs, ref=ref, number=number)
        for number, quote in enumerate(quotes, 1)
    )
    return ArticleGold(
        record_id=annotation["record_id"],
        annotator=annotator,
        sha1_8=short_hash(text),
        quotes=built,
    )


def review_warnings(article: ArticleGold, text: str) -> list[str]:
    """Reported quotes worth a second look: a cue without a speech word, or quotation
    marks in the content (allowed for scare quotes; otherwise the quote is mixed)."""
    from detente.eval.quotes import gold_kind
    from detente.knowledge import load_knowledge

    lexicon = load_knowledge().quote_lexicon
    phrasal = {particle for particles in lexicon.phrasal_speech.values() for particle in particles}
    warnings = []
    for number, quote in enumerate(article.quotes, 1):
        if quote.kind != "reported":
            continue
        if any(char in DOUBLE_MARKS for char in text[quote.start : quote.end]):
            warnings.append(
                f"{article.record_id} quote {number}: reported content holds quotation marks "
                "(scare quotes, or is it mixed?)"
            )
        if quote.cue_start is None:
            continue
        cue = text[quote.cue_start : quote.cue_end]
        words = cue.lower().split()
        if gold_kind("", cue, lexicon.speech_forms) == "reported" or phrasal & set(words[1:]):
            continue
        warnings.append(f"{article.record_id} quote {number}: reported with cue {cue!r}")
    return warnings


def _string_and_occurrence(
    text: str, paragraph: tuple[int, int], start: int, end: int
) -> tuple[str, int | None]:
    """The string of a span and, when it occurs more than once in its paragraph, which."""
    needle = text[start:end]
    spans = find_spans(text[paragraph[0] : paragraph[1]], needle, paragraph[0])
    return needle, (spans.index((start, end)) + 1 if len(spans) > 1 else None)


def to_annotation(article: ArticleGold, text: str) -> dict[str, Any]:
    """Built gold back to an annotator's string file; :func:`build_article` of the result
    gives ``article`` again (occurrences are written whenever a string repeats)."""
    paragraphs = paragraph_spans(text)
    quotes = []
    for quote in article.quotes:
        paragraph = paragraphs[quote.paragraph - 1]
        item: dict[str, Any] = {"paragraph": quote.paragraph, "kind": quote.kind}
        fields = [("content", quote.start, quote.end, paragraph)]
        if quote.cue_start is not None and quote.cue_end is not None:
            fields.append(("cue", quote.cue_start, quote.cue_end, paragraph))
        else:
            item["cue"] = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            where = paragraphs[(quote.speaker_paragraph or quote.paragraph) - 1]
            fields.append(("speaker", quote.speaker_start, quote.speaker_end, where))
        else:
            item["speaker"] = None
        for name, start, end, within in fields:
            item[name], occurrence = _string_and_occurrence(text, within, start, end)
            if occurrence is not None:
                item[f"{name}_occurrence"] = occurrence
        if quote.speaker_paragraph is not None:
            item["speaker_paragraph"] = quote.speaker_paragraph
        item["speaker_name"] = quote.speaker_name
        item["speaker_code"] = quote.speaker_code
        for flag in ("continued", "mark_missing"):
            if getattr(quote, flag):
                item[flag] = True
        if quote.note:
            item["note"] = quote.note
        quotes.append({name: item[name] for name in EXPORT_ORDER if name in item})
    return {"record_id": article.record_id, "annotator": article.annotator, "quotes": quotes}


# --- reading ------------------------------------------------------------------------------


def read_articles(gold_dir: Path = DEFAULT_GOLD_DIR) -> list[SampledArticle]:
    """The rows of ``articles.tsv`` (header line first, tab-separated)."""
    path = Path(gold_dir) / ARTICLES_FILE
    if not path.is_file():
        raise InputError(str(path), "no-gold", f"no {ARTICLES_FILE} in {gold_dir}")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != ARTICLE_COLUMNS:
        raise InputError(str(path), "bad-gold", f"the header must be {' '.join(ARTICLE_COLUMNS)}")
    articles = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(ARTICLE_COLUMNS) or fields[2] not in SPLITS:
            raise InputError(str(path), "bad-gold", f"line {number} is malformed: {line!r}")
        record_id, category, split, double, sha1_8 = fields
        articles.append(SampledArticle(record_id, category, split, double == "yes", sha1_8))
    return articles


def read_corpus_texts(corpus: Path, record_ids: Iterable[str]) -> dict[str, str]:
    """The ``text`` of each wanted record of a JSON Lines corpus (by its ``id``)."""
    wanted = set(record_ids)
    texts: dict[str, str] = {}
    try:
        with Path(corpus).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("id") in wanted:
                    texts[record["id"]] = record["text"]
    except OSError as e:
        raise InputError(str(corpus), "unreadable", f"cannot read the corpus: {e}") from e
    missing = sorted(wanted - set(texts))
    if missing:
        raise InputError(
            str(corpus), "bad-gold", f"records missing from the corpus: {', '.join(missing[:5])}"
        )
    return texts


def gold_path(gold_dir: Path, annotator: str) -> Path:
    return Path(gold_dir) / f"gold.{annotator}.jsonl"


def read_gold_file(path: Path) -> list[ArticleGold]:
    """The articles of one ``gold.<annotator>.jsonl``."""
    articles = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            articles.append(ArticleGold.from_json(json.loads(line)))
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(
                str(path), "bad-gold", f"line {number} is not a gold article: {e}"
            ) from e
    return articles


def annotators_in(gold_dir: Path) -> list[str]:
    """Annotators with a built gold file in ``gold_dir``, sorted."""
    return sorted(
        path.name[len("gold.") : -len(".jsonl")] for path in Path(gold_dir).glob("gold.*.jsonl")
    )


def check_drift(article: ArticleGold, text: str, ref: str) -> None:
    """Fail when the corpus text is not the one the gold was built on."""
    if short_hash(text) != article.sha1_8:
        raise InputError(ref, "gold-drift", f"{article.record_id}: the corpus text has changed")
    paragraphs = paragraph_spans(text)
    for quote in article.quotes:
        start, end = paragraphs[quote.paragraph - 1]
        if short_hash(text[start:end]) != quote.paragraph_sha1_8:
            raise InputError(
                ref,
                "gold-drift",
                f"{article.record_id}: paragraph {quote.paragraph} has changed",
            )


def to_attribution(quote: GoldQuote, text: str) -> GoldAttribution:
    """A gold quote in the form ``eval/quotes.py`` scores (see the module docstring)."""
    has_speaker = quote.speaker_start is not None and quote.speaker_end is not None
    speaker_text = text[quote.speaker_start : quote.speaker_end] if has_speaker else ""
    return GoldAttribution(
        content=((quote.start, quote.end),),
        sources=((quote.speaker_start, quote.speaker_end),) if has_speaker else (),
        cue=text[quote.cue_start : quote.cue_end] if quote.cue_start is not None else "",
        # the resolved name, so that the head-word rule compares "Blair", not "he"
        source_text=quote.speaker_name or speaker_text,
        kind=SCORED_KIND[quote.kind],
    )


def load_article_golds(
    gold_dir: Path = DEFAULT_GOLD_DIR,
    split: str | None = "dev",
    *,
    corpus: Path = DEFAULT_CORPUS,
    annotators: Sequence[str] | None = None,
    limit: int | None = None,
) -> tuple[list[SampledArticle], dict[str, str], dict[str, dict[str, ArticleGold]]]:
    """Articles of a split (``None``: all), their texts, and each one's gold by annotator."""
    if split is not None and split not in SPLITS:
        raise InputError(str(gold_dir), "bad-split", f"split {split!r} is not one of dev, test")
    articles = [a for a in read_articles(gold_dir) if split is None or a.split == split]
    if limit is not None:
        articles = articles[:limit]
    wanted = {a.record_id for a in articles}
    names = list(annotators) if annotators is not None else annotators_in(gold_dir)
    if not names:
        raise InputError(str(gold_dir), "no-gold", f"no gold.<annotator>.jsonl in {gold_dir}")
    texts = read_corpus_texts(corpus, wanted)
    by_article: dict[str, dict[str, ArticleGold]] = {record_id: {} for record_id in wanted}
    for name in names:
        path = gold_path(gold_dir, name)
        if not path.is_file():
            raise InputError(str(path), "no-gold", f"annotator {name!r} has no built gold")
        for article in read_gold_file(path):
            if article.record_id in wanted:
                check_drift(article, texts[article.record_id], str(path))
                by_article[article.record_id][name] = article
    return articles, texts, by_article


def load_bbc_gold(
    gold_dir: Path = DEFAULT_GOLD_DIR,
    split: str = "dev",
    *,
    corpus: Path = DEFAULT_CORPUS,
    annotators: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[GoldDocument]:
    """The BBC quote gold of a split as ``eval/quotes.py`` documents, one per annotator.

    An article annotated by *n* annotators gives *n* documents of weight 1/*n*, so every
    article counts once. Every article of the split must have at least one annotation.
    """
    articles, texts, by_article = load_article_golds(
        gold_dir, split, corpus=corpus, annotators=annotators, limit=limit
    )
    documents = []
    for sampled in articles:
        golds = by_article[sampled.record_id]
        if not golds:
            raise InputError(
                str(gold_dir), "no-gold", f"article {sampled.record_id} has no annotation"
            )
        text = texts[sampled.record_id]
        for name, article in sorted(golds.items()):
            documents.append(
                GoldDocument(
                    name=sampled.record_id,
                    annotator=name,
                    weight=1.0 / len(golds),
                    text=text,
                    attributions=tuple(to_attribution(quote, text) for quote in article.quotes),
                )
            )
    return documents


# --- scoring ------------------------------------------------------------------------------


def evaluate_bbc_quotes(
    *,
    gold_dir: Path = DEFAULT_GOLD_DIR,
    split: str = "dev",
    model: str | None = None,
    limit: int | None = None,
    corpus: Path = DEFAULT_CORPUS,
) -> QuoteScores:
    """Run the pipeline (actors + quotes) on a split of the BBC gold and score its quotes."""
    documents = load_bbc_gold(gold_dir, split, corpus=corpus, limit=limit)
    texts = _distinct_texts(documents)
    # the guideline's unit is one pair of quotation marks: '“A,” he said, “b.”' is two
    predictions = _pipeline_predictions(
        model, [group[0].text for _name, group in texts], by_part=True, polnear_kinds=False
    )
    scores = score_predictions(documents, predictions, split=split)
    scores.corpus = "BBC News 2004-2005 (détente gold)"
    return scores


def as_predictions(article: ArticleGold, text: str) -> list[PredictedTuple]:
    """An annotator's quotes in the shape of system predictions (excluded ones left out)."""
    return [
        (
            quote.start,
            quote.end,
            PREDICTED_KIND[quote.kind],
            quote.speaker_start,
            quote.speaker_end,
            quote.speaker_name
            or (
                text[quote.speaker_start : quote.speaker_end]
                if quote.speaker_start is not None
                else None
            ),
        )
        for quote in article.quotes
        if quote.kind in PREDICTED_KIND
    ]


# --- annotator agreement ------------------------------------------------------------------


@dataclass(slots=True)
class Agreement:
    """How far annotator ``other`` agrees with annotator ``reference`` on the same articles.

    ``scores`` treats ``other`` as a system scored against ``reference`` (same matching,
    same speaker rule as ``eval/quotes.py``); F1 is symmetric in the two annotators. On
    the quotes both annotators have (overall matching), ``names`` compares resolved
    speaker names and ``codes`` speaker codes.
    """

    reference: str
    other: str
    articles: int
    scores: QuoteScores
    same_name: int = 0
    named_pairs: int = 0
    same_code: int = 0
    coded_pairs: int = 0
    disagreements: list[str] = field(default_factory=list)

    @property
    def name_agreement(self) -> float:
        return ratio(self.same_name, self.named_pairs)

    @property
    def code_agreement(self) -> float:
        return ratio(self.same_code, self.coded_pairs)

    def headline(self) -> dict[str, float]:
        return {
            **{f"{kind}_f1": self.scores.kinds[kind].f1 for kind in self.scores.kinds},
            "speaker_accuracy": self.scores.speaker_accuracy,
            "speaker_name_agreement": self.name_agreement,
            "speaker_code_agreement": self.code_agreement,
        }

    def to_markdown(self) -> str:
        lines = [
            f"Annotator {self.other} against annotator {self.reference} on {self.articles} "
            "BBC articles.",
            "",
            "| kind | F1 | precision | recall | gold | other |",
            "|---|---|---|---|---|---|",
        ]
        for kind, score in self.scores.kinds.items():
            lines.append(
                f"| {kind} | {score.f1:.3f} | {score.precision:.3f} | {score.recall:.3f} "
                f"| {self.scores.gold_counts.get(kind, 0):.0f} "
                f"| {self.scores.predicted_counts.get(kind, 0):.0f} |"
            )
        lines += [
            "",
            f"Speaker agreement (scorer's rule): {self.scores.speaker_accuracy:.3f} on "
            f"{self.scores.speaker_total:.0f} matched quotes.",
            f"Same speaker name: {self.name_agreement:.3f} of {self.named_pairs}; "
            f"same speaker code: {self.code_agreement:.3f} of {self.coded_pairs}.",
        ]
        return "\n".join(lines)


def _same_name(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


def compare_annotators(
    reference: Sequence[ArticleGold],
    other: Sequence[ArticleGold],
    texts: dict[str, str],
    *,
    split: str = "double",
) -> Agreement:
    """Agreement of two annotators on the articles both annotated."""
    from detente.eval.quotes import _match

    others = {article.record_id: article for article in other}
    shared = [article for article in reference if article.record_id in others]
    if not shared:
        raise InputError("<gold>", "no-gold", "the two annotators share no article")
    scores = QuoteScores(split=split, corpus="BBC News 2004-2005 (détente gold)")
    scores.documents = len(shared)
    agreement = Agreement(
        reference=shared[0].annotator,
        other=others[shared[0].record_id].annotator,
        articles=len(shared),
        scores=scores,
    )
    for article in shared:
        text = texts[article.record_id]
        document = GoldDocument(
            name=article.record_id,
            annotator=article.annotator,
            weight=1.0,
            text=text,
            attributions=tuple(to_attribution(quote, text) for quote in article.quotes),
        )
        predicted = as_predictions(others[article.record_id], text)
        score_document(scores, document, predicted)
        ours = [q for q in article.quotes if q.kind in PREDICTED_KIND]
        theirs = [q for q in others[article.record_id].quotes if q.kind in PREDICTED_KIND]
        scored = [a for a in document.attributions if a.kind != "excluded"]
        for p, g in _match(predicted, scored):
            mine, yours = ours[g], theirs[p]
            if mine.speaker_name or yours.speaker_name:
                agreement.named_pairs += 1
                agreement.same_name += _same_name(mine.speaker_name, yours.speaker_name)
            if mine.speaker_code or yours.speaker_code:
                agreement.coded_pairs += 1
                agreement.same_code += mine.speaker_code == yours.speaker_code
            if not _same_name(mine.speaker_name, yours.speaker_name) or (
                mine.speaker_code != yours.speaker_code
            ):
                agreement.disagreements.append(
                    f"{article.record_id} P{mine.paragraph}: {mine.speaker_name!r}/"
                    f"{mine.speaker_code} vs {yours.speaker_name!r}/{yours.speaker_code}"
                )
    return agreement


def annotator_agreement(
    gold_dir: Path = DEFAULT_GOLD_DIR,
    *,
    reference: str = "A",
    other: str = "B",
    split: str | None = None,
    corpus: Path = DEFAULT_CORPUS,
) -> Agreement:
    """Agreement of two annotators' built gold on the articles both annotated."""
    articles, texts, by_article = load_article_golds(
        gold_dir, split, corpus=corpus, annotators=(reference, other)
    )
    ours = [
        by_article[a.record_id][reference] for a in articles if reference in by_article[a.record_id]
    ]
    theirs = [by_article[a.record_id][other] for a in articles if other in by_article[a.record_id]]
    return compare_annotators(ours, theirs, texts, split=split or "all")
