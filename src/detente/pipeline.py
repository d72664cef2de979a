"""From inputs to records: stream articles through the one pipeline, optionally in workers.

The library side of ``detente run`` and ``detente actors|quotes|events``: it returns
data and reports progress through a callback; only the CLI prints.
"""

from __future__ import annotations

import functools
import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import DictionaryError, InputError
from detente.ingest.decode import BINARY_SAMPLE_BYTES, looks_binary
from detente.nlp import load, make_doc
from detente.nlp.extensions import get_list
from detente.records import Article, DocResult, Problem
from detente.workers import WorkerPool

ENGLISH = "en"
# Coding failures are stored as problems and the run goes on; their tracebacks go here
# (the CLI shows them with --debug).
logger = logging.getLogger(__name__)
# User dictionaries are built into the pipeline of every worker: 10 MB of PETRARCH actors
# costs about 230 MB and 20 s per process (peak 529 -> 755 MB, measured), so together
# with the longest document a worker stays well under 2 GB.
MAX_DICTIONARY_BYTES = 10 * 2**20


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


def available_cores() -> int:
    """CPU cores this process may run on: the default cap of ``--workers`` (each worker
    holds its own pipeline, so more workers than cores only cost memory)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_dictionaries(*, actor_files: Sequence[str] = (), verb_files: Sequence[str] = ()) -> None:
    """Refuse user dictionaries that cannot be what their flag says, before any work:
    missing or not a regular file, binary, together over ``MAX_DICTIONARY_BYTES``, a
    verb dictionary without verbs, or a verb dictionary given as actors.

    Raises DictionaryError naming the file and the flag."""
    total = 0
    for flag, paths in (("--actors", actor_files), ("--verbs", verb_files)):
        for path in paths:
            total += _dictionary_size(flag, path)
    if total > MAX_DICTIONARY_BYTES:
        names = ", ".join((*actor_files, *verb_files))
        raise DictionaryError(
            names,
            None,
            f"user dictionaries of {total / 2**20:.1f} MB together, over the limit of "
            f"{MAX_DICTIONARY_BYTES // 2**20} MB (every worker holds them in memory)",
        )
    from detente.events.lexicon import parse_petrarch_verbs

    for path in verb_files:
        if not parse_petrarch_verbs(path).verbs:
            raise DictionaryError(
                path,
                None,
                "--verbs: no verb entries (no '--- NAME [code] ---' verb blocks); "
                "is it an actor dictionary? Those go with --actors",
            )
    for path in actor_files:
        if parse_petrarch_verbs(path).blocks:
            raise DictionaryError(
                path,
                None,
                "--actors: this is a verb dictionary ('--- NAME [code] ---' blocks); "
                "give it with --verbs",
            )


def _dictionary_size(flag: str, path: str) -> int:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the open below
            raise DictionaryError(path, None, f"{flag}: not a regular file")
        with open(path, "rb") as handle:
            head = handle.read(BINARY_SAMPLE_BYTES)
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        raise DictionaryError(path, None, f"{flag}: no such file") from None
    except OSError as e:
        raise DictionaryError(path, None, f"{flag}: cannot read ({e.strerror})") from None
    if looks_binary(head):
        raise DictionaryError(path, None, f"{flag}: looks binary, not a PETRARCH dictionary")
    return size


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
        logger.debug("a stage failed on a batch; coding its documents one by one", exc_info=True)
        for article in articles[done:]:
            try:
                doc = nlp(make_doc(nlp, article))
            except Exception as e:
                logger.debug("coding %s failed", article.ref, exc_info=True)
                detail = f"coding raised {type(e).__name__}: {e}"[:500]
                yield uncoded_result(article, "coding-failed", detail, severity="error")
            else:
                yield result_from_doc(article, doc)


# --- worker processes -------------------------------------------------------------------------


def _code_chunk(nlp: Language, chunk: list[Article]) -> list[DocResult]:
    """What a worker process does with one chunk."""
    return list(extract(nlp, chunk, batch_size=len(chunk)))


def _worker_died(article: Article, detail: str) -> DocResult:
    return uncoded_result(article, "worker-died", detail, severity="error")


class Extractor:
    """Turns batches of articles into results, in this process or in ``workers`` processes."""

    def __init__(self, options: PipelineOptions, *, workers: int = 1, nlp: Language | None = None):
        self.options = options
        self.workers = max(1, workers)
        self._nlp = nlp
        self._pool: WorkerPool | None = None

    def __enter__(self) -> Extractor:
        # Nothing is loaded yet: a run whose inputs are all stored already never pays
        # for the model (the pipeline or the workers start with the first chunk to code).
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.close(kill=exc[0] is not None)
            self._pool = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self.options.build()
        return self._nlp

    def run_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[DocResult]]:
        """Results per chunk, in input order.

        With workers, chunks are read and dispatched from this thread (so the caller may
        touch its store connection while reading them), at most two chunks per worker are
        in flight (flat memory), and a worker that dies is replaced: its documents are
        retried once, and one that kills its worker again comes back ``worker-died``.
        """
        if self.workers == 1:
            for chunk in chunks:
                yield _code_chunk(self.nlp, chunk)
            return
        self._pool = WorkerPool(self.workers, self.options.build, _code_chunk, _worker_died)
        yield from self._pool.run_chunks(chunks)


# --- the run ----------------------------------------------------------------------------------


@dataclass
class RunSummary:
    run_id: int | None = None
    inputs: int = 0  # articles read
    documents: int = 0  # newly stored
    already_stored: int = 0  # the same record again (a re-run): nothing new
    duplicates: int = (
        0  # same text as a stored document, from another record: kept in document_refs
    )
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

    def count(self, results: Sequence[DocResult]) -> None:
        """Add what a chunk's results hold (documents are counted as the store writes them)."""
        for result in results:
            self.sentences += result.sentences
            self.words += len(result.article.text.split())
            self.mentions += len(result.mentions)
            self.quotes += len(result.quotes)
            self.events += len(result.events)
            self.skipped_language += result.skipped == "non-english"
            for problem in result.problems:
                self.warnings += problem.severity == "warning"
                self.errors += problem.severity == "error"
                if problem.severity == "error":
                    self.problems.append(problem)

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
    intake = _Intake(store, summary, strict=strict, on_progress=on_progress)
    pending_problems = intake.pending_problems
    status = "failed"
    try:
        # Under --strict one process codes in input order, so that everything read
        # before the first bad input is stored before the run stops.
        with Extractor(options, workers=1 if strict else workers, nlp=nlp) as extractor:
            chunks = intake.new_only(
                chunked_articles(items, batch_size, intake.on_problem, flush_before_errors=strict)
            )
            for results in extractor.run_chunks(chunks):
                summary.count(results)
                summary.documents += store.write_results(results, run_id=summary.run_id)
                if pending_problems:
                    store.write_problems(list(pending_problems), run_id=summary.run_id)
                    pending_problems.clear()
                if on_progress is not None:
                    on_progress(len(results), summary)
        intake.keep_refs(intake.repeats_in_run)
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


class _Intake:
    """What a run reads before coding: the problems of the inputs, and the articles that
    are new (neither stored nor seen earlier in the run; where a repeat came from is kept
    in document_refs)."""

    def __init__(
        self, store, summary: RunSummary, *, strict: bool, on_progress: ProgressCallback | None
    ) -> None:
        self.store = store
        self.summary = summary
        self.strict = strict
        self.on_progress = on_progress
        self.pending_problems: list[Problem] = []
        # Warnings about one document wait until we know whether the document is new: a
        # re-run over stored documents records (and counts) none of them again.
        self.held: dict[str, list[Problem]] = {}
        self.seen: set[str] = set()
        self.repeats_in_run: list[Article] = []  # their first copy may still be on its way

    def on_problem(self, problem: Problem) -> None:
        summary = self.summary
        if problem.severity == "warning" and problem.doc_id is not None:
            self.held.setdefault(problem.doc_id, []).append(problem)
            return
        summary.problems.append(problem)
        self.pending_problems.append(problem)  # written even when it stops a --strict run
        if problem.severity == "error":
            summary.errors += 1
            if self.strict:
                raise InputError(problem.ref, problem.reason, problem.detail, record=problem.record)
        else:
            summary.warnings += 1

    def keep_refs(self, articles: list[Article]) -> None:
        added = self.store.add_refs(articles, run_id=self.summary.run_id)
        self.summary.duplicates += added
        self.summary.already_stored += len(articles) - added

    def new_only(self, chunks: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Skip what the store already holds (idempotence, resume after a crash) and
        repeats within this run, before any NLP work is spent on them."""
        summary = self.summary
        for chunk in chunks:
            summary.inputs += len(chunk)
            known = self.store.known_doc_ids([a.doc_id for a in chunk])
            fresh, repeats = [], []
            for article in chunk:
                doc_id = article.doc_id
                warnings = self.held.pop(doc_id, [])
                if doc_id in known:
                    repeats.append(article)
                    continue
                if doc_id in self.seen:
                    self.repeats_in_run.append(article)
                    continue
                self.seen.add(doc_id)
                fresh.append(article)
                summary.warnings += len(warnings)
                summary.problems.extend(warnings)
                self.pending_problems.extend(warnings)
            if repeats:
                self.keep_refs(repeats)
            if fresh:
                yield fresh
            elif self.on_progress is not None:
                self.on_progress(len(chunk), summary)
