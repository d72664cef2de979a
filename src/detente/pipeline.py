"""From inputs to records: stream articles through the one pipeline, optionally in workers.

The library side of ``detente run`` and ``detente actors|quotes|events``: it returns
data and reports progress through a callback; only the CLI prints.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import InputError
from detente.nlp import load, make_doc
from detente.nlp.extensions import get_list
from detente.records import Article, DocResult, Problem

ENGLISH = "en"


@dataclass(frozen=True)
class PipelineOptions:
    """What builds the pipeline: the same in the main process and in every worker."""

    model: str | None = None
    actor_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    shipped_kb: bool = True
    stages: tuple[str, ...] | None = None

    def build(self) -> Language:
        """The pipeline for these options; built once per process and reused."""
        return _build(self)


@functools.lru_cache(maxsize=4)
def _build(options: PipelineOptions) -> Language:
    return load(
        options.model,
        actor_files=options.actor_files,
        verb_files=options.verb_files,
        shipped_kb=options.shipped_kb,
        stages=options.stages,
    )


def result_from_doc(article: Article, doc: Doc) -> DocResult:
    """Collect what our components wrote on a processed ``Doc``."""
    return DocResult(
        article=article,
        sentences=sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 0,
        mentions=list(get_list(doc, "mentions")),
        actors=list(get_list(doc, "actors")),
        places=list(get_list(doc, "places")),
        quotes=list(get_list(doc, "quotes")),
        events=list(get_list(doc, "events")),
        problems=list(get_list(doc, "problems")),
    )


def uncoded_result(article: Article, reason: str, detail: str, *, severity: str) -> DocResult:
    """A document we store without coding (not English, or a stage raised), with the reason."""
    problem = Problem(
        ref=article.ref,
        record=article.record,
        reason=reason,
        detail=detail,
        severity=severity,
        doc_id=article.doc_id,
    )
    return DocResult(article=article, problems=[problem], skipped=reason)


def extract(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[DocResult]:
    """Process articles in one process, streaming; non-English ones are passed through uncoded."""
    english: list[Article] = []
    for article in articles:
        if article.lang not in (None, ENGLISH):
            yield from _code(nlp, english, batch_size)
            english = []
            detail = f"detected language {article.lang!r}; stored but not coded"
            yield uncoded_result(article, "non-english", detail, severity="warning")
            continue
        english.append(article)
        if len(english) >= batch_size:
            yield from _code(nlp, english, batch_size)
            english = []
    yield from _code(nlp, english, batch_size)


def _code(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[DocResult]:
    if not articles:
        return
    done = 0
    docs = (make_doc(nlp, article) for article in articles)
    try:
        for doc in nlp.pipe(docs, batch_size=batch_size):
            yield result_from_doc(doc._.article, doc)
            done += 1
    except Exception:
        # A failure inside a stage must not lose the batch: code the rest one by one,
        # and store a document that still fails uncoded, with the reason recorded.
        for article in articles[done:]:
            try:
                doc = nlp(make_doc(nlp, article))
            except Exception as e:
                detail = f"coding raised {type(e).__name__}: {e}"[:500]
                yield uncoded_result(article, "coding-failed", detail, severity="error")
            else:
                yield result_from_doc(article, doc)


# --- worker processes -------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _init_worker(options: PipelineOptions) -> None:
    global _WORKER_NLP
    _WORKER_NLP = options.build()


def _work(chunk: list[Article]) -> list[DocResult]:
    assert _WORKER_NLP is not None
    return list(extract(_WORKER_NLP, chunk, batch_size=len(chunk)))


class Extractor:
    """Turns batches of articles into results, in this process or in ``workers`` processes."""

    def __init__(self, options: PipelineOptions, *, workers: int = 1, nlp: Language | None = None):
        self.options = options
        self.workers = max(1, workers)
        self._nlp = nlp
        self._pool = None

    def __enter__(self) -> Extractor:
        # Nothing is loaded yet: a run whose inputs are all stored already never pays
        # for the model (the pipeline or the pool is built with the first chunk to code).
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            if exc[0] is not None:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self.options.build()
        return self._nlp

    def run_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[DocResult]]:
        """Results per chunk, in input order.

        With workers, chunks are read and dispatched from this thread (never a pool
        feeder thread, so the caller may touch its store connection while reading them),
        and at most two chunks per worker are in flight, which keeps memory flat.
        """
        if self.workers == 1:
            for chunk in chunks:
                yield list(extract(self.nlp, chunk, batch_size=max(1, len(chunk))))
            return
        window = 2 * self.workers
        in_flight: deque = deque()
        for chunk in chunks:
            if self._pool is None:
                self._pool = mp.get_context().Pool(
                    self.workers, initializer=_init_worker, initargs=(self.options,)
                )
            in_flight.append(self._pool.apply_async(_work, (chunk,)))
            if len(in_flight) >= window:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


# --- the run ----------------------------------------------------------------------------------


@dataclass
class RunSummary:
    run_id: int | None = None
    inputs: int = 0  # articles read
    documents: int = 0  # newly stored
    already_stored: int = 0
    skipped_language: int = 0  # stored but not coded: not English
    sentences: int = 0
    words: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    errors: int = 0  # inputs that failed (skipped)
    warnings: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k != "problems"}
        out["docs_per_s"] = round(self.documents / self.seconds, 2) if self.seconds else None
        out["words_per_s"] = round(self.words / self.seconds, 1) if self.seconds else None
        return out


ProgressCallback = Callable[[int, RunSummary], None]


def chunked_articles(
    items: Iterable[Article | Problem],
    size: int,
    on_problem: Callable[[Problem], None],
    *,
    flush_before_errors: bool = False,
) -> Iterator[list[Article]]:
    """Group articles into chunks; problems go to ``on_problem`` as they come.

    ``flush_before_errors`` hands over the articles read so far before an error
    reaches ``on_problem`` (which may raise under ``--strict``), so they are kept.
    """
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, Problem):
            if flush_before_errors and item.severity == "error" and chunk:
                yield chunk
                chunk = []
            on_problem(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(
    items: Iterable[Article | Problem],
    store,
    *,
    options: PipelineOptions,
    workers: int = 1,
    batch_size: int = 32,
    strict: bool = False,
    command: str = "run",
    args: dict | None = None,
    on_progress: ProgressCallback | None = None,
    nlp: Language | None = None,
) -> RunSummary:
    """Process inputs into ``store``: idempotent, one transaction per batch, resumable after a kill."""
    summary = RunSummary()
    started = time.perf_counter()
    from detente.provenance import provenance

    coder = provenance(
        options.model, actor_files=options.actor_files, verb_files=options.verb_files
    )
    summary.run_id = store.begin_run(command=command, args=args or {}, provenance=coder.as_dict())
    pending_problems: list[Problem] = []

    def on_problem(problem: Problem) -> None:
        if problem.severity == "error":
            summary.errors += 1
            if strict:
                raise InputError(problem.ref, problem.reason, problem.detail, record=problem.record)
        else:
            summary.warnings += 1
        summary.problems.append(problem)
        pending_problems.append(problem)

    seen: set[str] = set()

    def new_only(chunks: Iterable[list[Article]]) -> Iterator[list[Article]]:
        # Skip what the store already holds (idempotence, resume after a crash) and
        # repeats within this run, before any NLP work is spent on them.
        for chunk in chunks:
            summary.inputs += len(chunk)
            known = store.known_doc_ids([a.doc_id for a in chunk])
            fresh = []
            for article in chunk:
                doc_id = article.doc_id
                if doc_id in known or doc_id in seen:
                    summary.already_stored += 1
                    continue
                seen.add(doc_id)
                fresh.append(article)
            if fresh:
                yield fresh
            elif on_progress is not None:
                on_progress(len(chunk), summary)

    status = "failed"
    try:
        # Under --strict one process codes in input order, so that everything read
        # before the first bad input is stored before the run stops.
        with Extractor(options, workers=1 if strict else workers, nlp=nlp) as extractor:
            chunks = new_only(
                chunked_articles(items, batch_size, on_problem, flush_before_errors=strict)
            )
            for results in extractor.run_chunks(chunks):
                for result in results:
                    summary.sentences += result.sentences
                    summary.words += len(result.article.text.split())
                    summary.mentions += len(result.mentions)
                    summary.quotes += len(result.quotes)
                    summary.events += len(result.events)
                    summary.skipped_language += result.skipped == "non-english"
                    for problem in result.problems:
                        summary.warnings += problem.severity == "warning"
                        summary.errors += problem.severity == "error"
                        if problem.severity == "error":
                            summary.problems.append(problem)
                summary.documents += store.write_results(results, run_id=summary.run_id)
                if pending_problems:
                    store.write_problems(list(pending_problems), run_id=summary.run_id)
                    pending_problems.clear()
                if on_progress is not None:
                    on_progress(len(results), summary)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        try:
            if pending_problems:  # including the one that stopped a --strict run
                store.write_problems(list(pending_problems), run_id=summary.run_id)
            store.finish_run(summary.run_id, status=status, summary=summary.as_dict())
        except Exception:  # the store may be the thing that failed; keep the original error
            if status == "finished":
                raise
    return summary


def count_inputs(paths: Sequence[str]) -> int | None:
    """A quick estimate of how many articles the inputs hold (for the progress bar's ETA)."""
    from detente.ingest import SUPPORTED_EXTENSIONS

    total = 0
    exts = set(SUPPORTED_EXTENSIONS)
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (
            sorted(p for p in path.rglob("*") if p.suffix.lower() in exts)
            if path.is_dir()
            else [path]
        )
        for file in files:
            if not file.is_file():
                continue
            kind = SUPPORTED_EXTENSIONS.get(file.suffix.lower())
            if kind in ("jsonl", "csv"):
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
                total -= kind == "csv"  # header line
            else:
                total += 1
    return total
