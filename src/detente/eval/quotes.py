"""Score quote extraction against PolNeAR (``detente eval quotes``), issue 3.

Gold: PolNeAR's brat attributions (Source, Cue, Content spans). An attribution is
* **direct** when its Content holds a double quotation mark (also written as two
  apostrophes, ``''``, as in the NYT archive texts);
* **reported** when it has no mark and its Cue holds a speech or statement verb
  (the word forms of ``data/english/speech_verbs.tsv``) or ``according to``;
* otherwise **excluded**: beliefs, feelings, findings ("hoping", "cheered",
  "shows") are outside our definition. A prediction that matches an excluded
  attribution counts neither as right nor as wrong.

By default reported speech is PolNeAR's own: a speech act whose Content is a noun
phrase ("declared bankruptcy", "has not mentioned Machado", "said so") counts, as PolNeAR
marks it and as issue 15 asks ("noun objects of say/tell"). With ``clauses_only`` a
reported attribution whose Content is not a clause is excluded instead
(:func:`exclude_noun_contents`), as our own guideline (docs/gold/quotes-guideline.md
§ 2.4) sets such speech acts aside and the BBC gold is scored; that is a second number,
never the PolNeAR one. A Content is a clause when it opens with "that", or one of its heads
(a token whose head lies outside it) is a verb, or a preposition governing a verb
("accused X of stoking …", "asked about how …").

A prediction matches a gold attribution when their character overlap covers at
least 30 % of both (gold Content may be discontinuous: its pieces count
together). Matching is one-to-one, best overlap first. ``direct`` compares gold
direct with predicted direct and mixed quotes; ``reported`` gold reported with
predicted indirect ones; ``overall`` all kinds together. A predicted quote is direct by
the gold's own rule: a direct or mixed quote whose only marks are single ones (a
headline's 'Trump ‘absolutely right’ …, says Flynn') is scored as reported. Speaker accuracy is
measured on overall matches whose gold has a Source: right when the predicted
speaker span overlaps the Source, or the canonical name contains its head word.

Several annotators: a text annotated by *n* people is scored against each of
them with weight 1/*n*, so every text counts once and its score is the average
over its annotators.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat, tee
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import InputError
from detente.eval.common import check_half, f1_score, halves, ratio, shared_path
from detente.knowledge import load_knowledge
from detente.records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The gold folder under the shared data folder (see detente.eval.common.shared_path).
GOLD_DIR = ("data", "gold", "polnear")
# Double quotation marks; the NYT archive texts write them as two apostrophes ('') and
# their content is as direct as that of “…”.
QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "''", "``")
# the single marks a part of a quote scored by part may also sit in (our guideline counts
# them); inside a word ("Trump’s", "don't") one is an apostrophe, never a mark
SINGLE_MARKS = ("'", "\u2018", "\u2019", "`")
MIN_OVERLAP = 0.3
KINDS = ("direct", "reported", "overall")
PREDICTED_KINDS = {"direct": ("direct", "mixed"), "reported": ("indirect",)}
MISS_SAMPLE = 40

# (start, end, kind, speaker_start, speaker_end, speaker_name)
PredictedTuple = tuple[int, int, str, int | None, int | None, str | None]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    sources: tuple[tuple[int, int], ...]
    cue: str
    source_text: str
    kind: str  # direct | reported | excluded

    @property
    def start(self) -> int:
        return min(start for start, _ in self.content)

    @property
    def end(self) -> int:
        return max(end for _, end in self.content)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    annotator: str
    weight: float
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(slots=True)
class KindScore:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


@dataclass(slots=True)
class QuoteScores:
    """Per-kind precision/recall/F1, speaker accuracy, counts and a sample of errors."""

    split: str
    corpus: str = "PolNeAR"  # named in the report: the BBC gold is scored the same way
    documents: int = 0
    annotations: int = 0
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    speaker_right: float = 0.0
    speaker_total: float = 0.0
    gold_counts: dict[str, float] = field(default_factory=dict)
    predicted_counts: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)  # missed gold (false negatives)
    false_alarms: list[str] = field(default_factory=list)  # predictions matching no gold
    speaker_errors: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_right, self.speaker_total)

    def to_markdown(self, *, label: str = "détente") -> str:
        lines = [
            f"Quotes on {self.corpus} {self.split}: {self.documents} texts, {self.annotations} annotation files.",
            "",
            "| system | kind | precision | recall | F1 | gold | predicted |",
            "|---|---|---|---|---|---|---|",
        ]
        for kind in KINDS:
            score = self.kinds[kind]
            lines.append(
                f"| {label} | {kind} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} "
                f"| {self.gold_counts.get(kind, 0):.0f} | {self.predicted_counts.get(kind, 0):.0f} |"
            )
        lines.append("")
        lines.append(
            f"Speaker accuracy ({label}): {self.speaker_accuracy:.3f} on {self.speaker_total:.0f} matched quotes with a gold source."
        )
        lines.append(
            f"Excluded gold attributions (beliefs, feelings, findings; with --clauses-only also speech acts with a noun-phrase content): {self.gold_counts.get('excluded', 0):.0f}."
        )
        return "\n".join(lines)


# --- gold ---------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")


def _parse_spans(value: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for piece in value.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def gold_kind(content_text: str, cue_text: str, speech_forms: frozenset[str]) -> str:
    """direct, reported or excluded, by the rule in this module's docstring."""
    if any(mark in content_text for mark in QUOTE_MARKS):
        return "direct"
    words = [word.lower() for word in _WORD.findall(cue_text)]
    if any(word in speech_forms for word in words):
        return "reported"
    if any(a == "according" and b == "to" for a, b in zip(words, words[1:], strict=False)):
        return "reported"
    return "excluded"


def parse_attributions(ann: str, text: str, speech_forms: frozenset[str]) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            try:
                spans[fields[0]] = (label, _parse_spans(offsets))
            except ValueError:
                continue
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for argument in fields[1].split():
                role, _, target = argument.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(target)
            relations.append(roles)
    attributions = []
    for roles in relations:
        content = tuple(s for t in roles.get("Content", []) if t in spans for s in spans[t][1])
        if not content:
            continue
        cue = " ".join(
            text[a:b] for t in roles.get("Cue", []) if t in spans for a, b in spans[t][1]
        )
        sources = tuple(s for t in roles.get("Source", []) if t in spans for s in spans[t][1])
        content_text = " ".join(text[a:b] for a, b in content)
        attributions.append(
            GoldAttribution(
                content=content,
                sources=sources,
                cue=cue,
                source_text=" ".join(text[a:b] for a, b in sources),
                kind=gold_kind(content_text, cue, speech_forms),
            )
        )
    return attributions


def _read_gold_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), "unreadable-gold", f"cannot read PolNeAR gold: {e}") from e


def load_gold(
    gold_dir: Path | None = None,
    split: str = "dev",
    *,
    limit: int | None = None,
    half: str | None = None,
) -> list[GoldDocument]:
    """PolNeAR texts of a split with their attributions, one entry per annotator
    (``gold_dir`` default: the shared folder's PolNeAR; ``half``: the texts sorted by name,
    see :func:`detente.eval.common.halves`)."""
    check_half(half)  # before the gold is read
    gold_dir = Path(gold_dir) if gold_dir else shared_path(*GOLD_DIR)
    text_dir = gold_dir / split / "text"
    ann_dir = gold_dir / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            str(gold_dir),
            "unreadable-gold",
            f"no PolNeAR split {split!r} under {gold_dir} (expected text/ and attributions/)",
        )
    speech_forms = load_knowledge().speech_verbs.forms
    by_text: dict[str, list[Path]] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        name, _, _annotator = ann_path.stem.rpartition("_")
        by_text.setdefault(name, []).append(ann_path)
    names = halves(sorted(by_text), half)
    if limit is not None:
        names = names[:limit]
    documents = []
    for name in names:
        text_path = text_dir / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = _read_gold_text(text_path)
        ann_paths = by_text[name]
        for ann_path in ann_paths:
            documents.append(
                GoldDocument(
                    name=name,
                    annotator=ann_path.stem.rpartition("_")[2],
                    weight=1.0 / len(ann_paths),
                    text=text,
                    attributions=tuple(
                        parse_attributions(_read_gold_text(ann_path), text, speech_forms)
                    ),
                )
            )
    if not any(document.attributions for document in documents):
        raise InputError(
            str(gold_dir),
            "malformed-gold",
            f"no attributions in the PolNeAR split {split!r} under {gold_dir} "
            "(brat .ann files with Content events)",
        )
    return documents


# --- gold reported speech: clauses only ---------------------------------------------------

_CLAUSE_POS = frozenset({"VERB", "AUX"})
_GOVERNING_POS = frozenset({"ADP", "SCONJ"})


def is_clause(doc: Doc, pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether the text in ``pieces`` (character spans of ``doc``) is a clause, not a
    noun or prepositional phrase: it opens with "that" and goes on, or one of its heads
    (words whose head lies outside it) is a verb, or a preposition whose object in it is a
    verb (a gerund or a question clause)."""
    words = [
        t for t in doc if not (t.is_punct or t.is_space) and any(a <= t.idx < b for a, b in pieces)
    ]
    if len(words) > 1 and words[0].lower_ == "that":
        return True
    inside = {t.i for t in words}
    for word in words:
        if word.head.i in inside and word.head.i != word.i:
            continue
        if word.pos_ in _CLAUSE_POS:
            return True
        if word.pos_ in _GOVERNING_POS and any(
            child.i in inside and child.pos_ in _CLAUSE_POS for child in word.children
        ):
            return True
    return False


def exclude_noun_contents(document: GoldDocument, doc: Doc) -> GoldDocument:
    """``document`` with its reported attributions whose Content is no clause
    (:func:`is_clause`, on ``doc``, the parse of its text) made excluded."""
    attributions = tuple(
        replace(a, kind="excluded") if a.kind == "reported" and not is_clause(doc, a.content) else a
        for a in document.attributions
    )
    return replace(document, attributions=attributions)


# --- scoring ------------------------------------------------------------------------------


def _overlap(start: int, end: int, pieces: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in pieces)


def _match(
    predicted: Sequence[PredictedTuple], gold: Sequence[GoldAttribution]
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) overlapping ≥ 30 % of both, best first."""
    candidates = []
    for p, pred in enumerate(predicted):
        pred_len = max(1, pred[1] - pred[0])
        for g, attribution in enumerate(gold):
            gold_len = max(1, sum(b - a for a, b in attribution.content))
            common = _overlap(pred[0], pred[1], attribution.content)
            ratio = min(common / pred_len, common / gold_len)
            if ratio >= MIN_OVERLAP:
                candidates.append((ratio, p, g))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _ratio, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def source_head_word(source_text: str) -> str | None:
    """The head word of a gold Source: last word before an appositive or clause."""
    core = re.split(r",|\(| who | which | — ", source_text, maxsplit=1)[0]
    words = _WORD.findall(core)
    return words[-1].lower() if words else None


def speaker_is_right(pred: PredictedTuple, attribution: GoldAttribution) -> bool:
    _start, _end, _kind, speaker_start, speaker_end, speaker_name = pred
    if speaker_start is not None and speaker_end is not None:
        if _overlap(speaker_start, speaker_end, attribution.sources) > 0:
            return True
    head = source_head_word(attribution.source_text)
    return bool(speaker_name and head and head in speaker_name.lower())


def _snippet(text: str, start: int, end: int, width: int = 120) -> str:
    piece = text[start:end].replace("\n", " ")
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def score_document(
    scores: QuoteScores, document: GoldDocument, predicted: Sequence[PredictedTuple]
) -> None:
    """Add one annotator's comparison of one text to ``scores``."""
    weight = document.weight
    scored_gold = [a for a in document.attributions if a.kind != "excluded"]
    excluded = [a for a in document.attributions if a.kind == "excluded"]
    scores.annotations += 1
    for attribution in document.attributions:
        scores.gold_counts[attribution.kind] = (
            scores.gold_counts.get(attribution.kind, 0.0) + weight
        )
    scores.gold_counts["overall"] = scores.gold_counts.get("overall", 0.0) + weight * len(
        scored_gold
    )
    # Predictions that only match excluded (belief/feeling) attributions are set aside.
    excluded_hits = {p for p, _g in _match(predicted, excluded)}
    overall_pairs = _match(predicted, scored_gold)
    matched_pred = {p for p, _ in overall_pairs}
    kept = [i for i in range(len(predicted)) if i in matched_pred or i not in excluded_hits]
    for kind in KINDS:
        if kind == "overall":
            preds = kept
            gold = list(range(len(scored_gold)))
        else:
            preds = [i for i in kept if predicted[i][2] in PREDICTED_KINDS[kind]]
            gold = [g for g, a in enumerate(scored_gold) if a.kind == kind]
        pairs = _match([predicted[i] for i in preds], [scored_gold[g] for g in gold])
        score = scores.kinds[kind]
        score.tp += weight * len(pairs)
        score.fp += weight * (len(preds) - len(pairs))
        score.fn += weight * (len(gold) - len(pairs))
        if kind == "overall":
            scores.predicted_counts[kind] = scores.predicted_counts.get(kind, 0.0) + weight * len(
                preds
            )
            hit_g = {gold[g] for _, g in pairs}
            hit_p = {preds[p] for p, _ in pairs}
            for g, attribution in enumerate(scored_gold):
                if g not in hit_g and len(scores.misses) < MISS_SAMPLE:
                    scores.misses.append(
                        f"{document.name} [{attribution.kind}, cue {attribution.cue!r}, source {attribution.source_text!r}] "
                        f"{_snippet(document.text, attribution.start, attribution.end)}"
                    )
            for p in preds:
                if p not in hit_p and len(scores.false_alarms) < MISS_SAMPLE:
                    pred = predicted[p]
                    scores.false_alarms.append(
                        f"{document.name} [{pred[2]}] {_snippet(document.text, pred[0], pred[1])}"
                    )
            for p, g in pairs:
                attribution = scored_gold[gold[g]]
                if not attribution.sources:
                    continue
                pred = predicted[preds[p]]
                scores.speaker_total += weight
                if speaker_is_right(pred, attribution):
                    scores.speaker_right += weight
                elif len(scores.speaker_errors) < MISS_SAMPLE:
                    said = (
                        document.text[pred[3] : pred[4]]
                        if pred[3] is not None and pred[4] is not None
                        else None
                    )
                    scores.speaker_errors.append(
                        f"{document.name} gold {attribution.source_text!r} predicted {said!r} ({pred[5]!r}): "
                        f"{_snippet(document.text, pred[0], pred[1], 80)}"
                    )
        else:
            scores.predicted_counts[kind] = scores.predicted_counts.get(kind, 0.0) + weight * len(
                preds
            )


def score_predictions(
    documents: Sequence[GoldDocument],
    predictions: Iterable[Sequence[PredictedTuple]],
    *,
    split: str = "dev",
    docs: Iterable[Doc] | None = None,
) -> QuoteScores:
    """Score predictions, one list per distinct text of ``documents`` in order. With
    ``docs`` (the parse of each distinct text, in the same order), a reported gold
    attribution whose Content is no clause is excluded (:func:`exclude_noun_contents`)."""
    scores = QuoteScores(split=split)
    texts = _distinct_texts(documents)
    scores.documents = len(texts)
    parses: Iterable[Doc | None] = repeat(None) if docs is None else docs
    for (_name, group), predicted, doc in zip(texts, predictions, parses, strict=docs is not None):
        for document in group:
            if doc is not None:
                document = exclude_noun_contents(document, doc)
            score_document(scores, document, list(predicted))
    return scores


def _distinct_texts(documents: Sequence[GoldDocument]) -> list[tuple[str, list[GoldDocument]]]:
    grouped: dict[str, list[GoldDocument]] = {}
    for document in documents:
        grouped.setdefault(document.name, []).append(document)
    return list(grouped.items())


def evaluate_predictor(
    predict: Callable[[str], Sequence[PredictedTuple]],
    *,
    gold_dir: Path | None = None,
    split: str = "dev",
    limit: int | None = None,
    model: str | None = None,
    clauses_only: bool = False,
) -> QuoteScores:
    """Score any ``predict(text) -> [(start, end, kind, speaker_start, speaker_end, speaker_name)]``
    (``clauses_only``: reported gold only where its Content is a clause, decided on the parse
    of ``model``; see the module doc)."""
    documents = load_gold(gold_dir, split, limit=limit)
    texts = _distinct_texts(documents)
    predictions = (predict(group[0].text) for _name, group in texts)
    docs = _parses(model, [group[0].text for _name, group in texts]) if clauses_only else None
    return score_predictions(documents, predictions, split=split, docs=docs)


def polnear_kind(quote: Quote, text: str) -> str:
    """The kind a quote is scored as on PolNeAR, by the rule that makes its gold direct:
    quoted words in double marks. A direct or mixed quote whose only marks are single ones
    ('Trump ‘absolutely right’ in saying …, says Flynn' in a headline) is reported there."""
    if quote.kind == "indirect":
        return quote.kind
    around = text[max(0, quote.start - 2) : quote.end + 2]
    return quote.kind if any(mark in around for mark in QUOTE_MARKS) else "indirect"


def inside_a_direct_quote(quote: Quote, quotes: Sequence[Quote], text: str) -> bool:
    """Whether ``quote`` lies within the content of another of ``quotes`` that is direct on
    PolNeAR (:func:`polnear_kind`): '“… His people said, ‘There are many political issues
    …’ …”'. PolNeAR annotates nothing inside a direct quote (no gold attribution on dev lies
    in a direct one's content), as our guideline annotates no report inside one; our BBC
    gold marks quoted words nested in a quote, so only the PolNeAR scoring leaves them out.
    A quote told in pieces holds only its pieces: a report in the tag between them ('“A,” she
    said, adding that … “B.”') is PolNeAR's too."""
    return any(
        other is not quote
        and (other.start, other.end) != (quote.start, quote.end)
        and any(
            start <= quote.start and quote.end <= end
            for start, end in (other.parts or ((other.start, other.end),))
        )
        and polnear_kind(other, text) != "indirect"
        for other in quotes
    )


def as_predicted(
    quotes: Iterable[Quote],
    *,
    by_part: bool = False,
    text: str | None = None,
    part_text: str | None = None,
) -> list[PredictedTuple]:
    """Quotes as scored predictions: one per quote (PolNeAR: an attribution told in several
    passages is one), or with ``by_part`` one per part (a gold of one quote per pair of
    quotation marks, as ours on BBC News; with the article's ``part_text``, a part of a
    mixed quote with no quotation mark in or around it is its reported clause:
    :func:`part_kind`). With the article's ``text``, kinds are PolNeAR's
    (:func:`polnear_kind`), and a quote inside one of the article's direct quotes is left
    out (:func:`inside_a_direct_quote`)."""
    quotes = list(quotes)
    if text is not None:
        quotes = [q for q in quotes if not inside_a_direct_quote(q, quotes, text)]
    predicted = []
    for q in quotes:
        kind = polnear_kind(q, text) if text is not None else q.kind
        spans = (q.parts or ((q.start, q.end),)) if by_part else ((q.start, q.end),)
        for start, end in spans:
            part = part_kind(kind, start, end, part_text) if by_part else kind
            predicted.append((start, end, part, q.speaker_start, q.speaker_end, q.speaker_name))
    return predicted


def part_kind(kind: str, start: int, end: int, text: str | None) -> str:
    """The kind of one part of a quote scored by part: a reported clause that goes on in
    quoted words ('said he would not vote for him. “I’m not sure …”') is a mixed quote whose
    first part holds no mark; scored by part, that part is reported speech."""
    if kind != "mixed" or text is None:
        return kind
    around = text[max(0, start - 1) : end + 1]
    if any(mark in around for mark in QUOTE_MARKS) or any(
        _single_mark(text, i) for i in range(max(0, start - 1), min(len(text), end + 1))
    ):
        return kind
    return "indirect"


def _single_mark(text: str, i: int) -> bool:
    """A single mark at ``i`` that is not an apostrophe inside a word (as
    :mod:`detente.quotes.marks` reads it: "Trump’s", "don't" hold no quote)."""
    if text[i] not in SINGLE_MARKS:
        return False
    inside_word = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return not inside_word


def doc_predictions(doc: Doc, *, by_part: bool, polnear_kinds: bool) -> list[PredictedTuple]:
    """A coded Doc's quotes as scored predictions (:func:`as_predicted`); ``polnear_kinds``:
    kinds by PolNeAR's double-mark rule (:func:`polnear_kind`), else our guideline's (single
    marks quote too, as in our BBC gold)."""
    text = doc.text if polnear_kinds else None
    return as_predicted(doc._.quotes or (), by_part=by_part, text=text, part_text=doc.text)


def _pipeline_docs(
    model: str | None, texts: Sequence[str], *, disable: Sequence[str] = ()
) -> Iterator[Doc]:
    from detente.nlp import load, make_doc
    from detente.records import Article

    nlp = load(model, stages=["actors", "quotes"])
    docs = (make_doc(nlp, Article(ref=f"polnear:{i}", text=text)) for i, text in enumerate(texts))
    yield from nlp.pipe(docs, batch_size=8, disable=list(disable))


def _parses(model: str | None, texts: Sequence[str]) -> Iterator[Doc]:
    """The texts parsed as the pipeline parses them (our stages off)."""
    return _pipeline_docs(model, texts, disable=["detente_actors", "detente_quotes"])


def _pipeline_predictions(
    model: str | None, texts: Sequence[str], *, by_part: bool, polnear_kinds: bool
) -> Iterator[list[PredictedTuple]]:
    for doc in _pipeline_docs(model, texts):
        yield doc_predictions(doc, by_part=by_part, polnear_kinds=polnear_kinds)


def evaluate_quotes(
    *,
    gold_dir: Path | None = None,
    split: str = "dev",
    model: str | None = None,
    limit: int | None = None,
    half: str | None = None,
    clauses_only: bool = False,
) -> QuoteScores:
    """Run the pipeline (actors + quotes) on a PolNeAR split (or one half of it, see
    :func:`load_gold`) and score its quotes (``clauses_only``: see the module doc)."""
    documents = load_gold(gold_dir, split, limit=limit, half=half)
    texts = _distinct_texts(documents)
    docs = _pipeline_docs(model, [group[0].text for _name, group in texts])
    parses = None
    if clauses_only:  # tee keeps what one side has read and the other not: only when both read
        docs, parses = tee(docs)
    predictions = (doc_predictions(doc, by_part=False, polnear_kinds=True) for doc in docs)
    label = split if half is None else f"{split} half {half}"
    if clauses_only:
        label += ", reported speech with clause contents only"
    return score_predictions(documents, predictions, split=label, docs=parses)
