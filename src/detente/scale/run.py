"""The client side of ``detente run --cluster``: partitions out, Parquet parts in, loaded in order.

Why the client reads the inputs: a document's id is the hash of its text, and documents the
store already holds must be skipped before any language processing, so someone has to read
the text first; reading runs at disk speed, thousands of times faster than coding, so one
client keeps hundreds of workers busy. It streams: at most two partitions per worker thread
are in flight, and only their articles are held (to split a partition that kills its
workers). Workers need no access to the inputs, only to the parts location.

Each partition is coded on a worker (``detente.scale.worker``) into its own Parquet parts.
The client loads finished partitions into the store in input order, one transaction each,
exactly once by ``doc_id`` (``Store.write_batches``), so event and quote ids come out the same
as in a run in one process, whatever the partitioning or the order partitions finish in.

Faults: Dask reschedules the partitions of a worker that dies. A partition that kills its
workers every time (``KilledWorker``) is split into one task per document, and a document
that kills its worker again is stored uncoded with a ``worker-died`` error. A document that
makes a stage raise is kept uncoded (``coding-failed``) by the worker, with the rest coded.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa

from detente.errors import ClusterError
from detente.pipeline import PipelineOptions, ProgressCallback, RunSummary, chunked_articles
from detente.records import Article, Problem
from detente.scale.parts import PartsDir, new_run_key, part_name, utc_now
from detente.scale.worker import (
    PartitionReport,
    PartitionTask,
    PipelineBuilder,
    PipelinePlugin,
    code_partition,
    worker_died,
)
from detente.store.batches import errors_table, refs_table


@dataclass
class ClusterSummary(RunSummary):
    parts: str = ""
    parts_key: str = ""  # names this run's files in the parts directory
    partitions: int = 0
    split_partitions: int = 0  # killed their workers; coded one document per task
    dashboard: str | None = None
    worker_peak_rss: dict[str, int] = field(default_factory=dict)  # host:pid -> bytes
    worker_rss: dict[str, int] = field(default_factory=dict)  # ... after its last partition


@dataclass
class _Slot:
    """One partition: one task, or one per document after it killed its workers."""

    index: int
    articles: list[Article]
    parts: list[str]
    reports: list[PartitionReport | None]

    @property
    def done(self) -> bool:
        return all(report is not None for report in self.reports)


def run_on_cluster(
    items: Iterable[Article | Problem],
    client,
    *,
    parts: str,
    store=None,
    options: PipelineOptions,
    build: PipelineBuilder | None = None,
    batch_size: int = 32,
    command: str = "run",
    args: dict | None = None,
    on_progress: ProgressCallback | None = None,
) -> ClusterSummary:
    """Code ``items`` on the Dask cluster behind ``client`` into Parquet parts at ``parts``,
    loading each finished partition into ``store`` (``None``: parts only).

    ``batch_size`` documents make a partition. Without a store, documents already in the
    parts directory are the ones skipped. Returns the run's summary.
    """
    from detente.provenance import provenance

    summary = ClusterSummary(parts=parts, dashboard=_dashboard(client))
    started = time.perf_counter()
    layout = PartsDir(parts)
    layout.create()
    key = summary.parts_key = new_run_key()
    coder = provenance(
        options.model, actor_files=options.actor_files, verb_files=options.verb_files
    ).as_dict()
    args = {**(args or {}), "parts": parts, "parts_key": key}
    record = {
        "command": command,
        "args": json.dumps(args, default=str, ensure_ascii=False),
        "started_at": utc_now(),
        "status": "running",
        **coder,
    }
    layout.write_run(key, record)
    if store is not None:
        summary.run_id = store.begin_run(command=command, args=args, provenance=coder)
    coding = _Coding(client, layout, key, store, summary, options, build, on_progress)
    status = "failed"
    try:
        coding.run(items, batch_size)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        coding.stop()
        summary.seconds = time.perf_counter() - started
        try:
            coding.close(record, status)
        except Exception:  # the store may be what failed; keep the original error
            if status == "finished":
                raise
    return summary


class _Coding:
    """The state of one cluster run (a class only to keep ``run_on_cluster`` readable)."""

    def __init__(self, client, layout, key, store, summary, options, build, on_progress):
        self.client = client
        self.layout = layout
        self.key = key
        self.store = store
        self.summary: ClusterSummary = summary
        self.options = options
        self.build = build
        self.on_progress = on_progress
        self.plugin: PipelinePlugin | None = None
        self.pending: deque[_Slot] = deque()  # in input order, until loaded
        self.running: dict = {}  # future -> (slot, position in the slot)
        self.problems: list[Problem] = []  # found reading the inputs, for the parts
        self.unwritten: list[Problem] = []  # ... not yet in the store
        self.seen: set[str] = set()
        self.in_parts: set[str] = set()
        # source records of documents not coded again (stored before, or repeated in this
        # run): their document_refs rows, small (no text), kept to the end of the run
        self.repeat_refs: list[pa.Table] = []

    # -- reading ---------------------------------------------------------------------------

    def on_problem(self, problem: Problem) -> None:
        if problem.severity == "error":
            self.summary.errors += 1
        else:
            self.summary.warnings += 1
        self.summary.problems.append(problem)
        self.problems.append(problem)
        self.unwritten.append(problem)

    def new_only(self, chunks: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Drop documents already stored (or already in the parts, without a store) and
        repeats within the run, before any language processing is spent on them."""
        for chunk in chunks:
            self.summary.inputs += len(chunk)
            ids = [article.doc_id for article in chunk]
            known = self.store.known_doc_ids(ids) if self.store is not None else self.in_parts
            fresh, repeats = [], []
            for article, doc_id in zip(chunk, ids, strict=True):
                if doc_id in known or doc_id in self.seen:
                    repeats.append(article)
                    continue
                self.seen.add(doc_id)
                fresh.append(article)
            if repeats:
                # counted as already stored until close() knows which are new records
                self.summary.already_stored += len(repeats)
                self.repeat_refs.append(refs_table(repeats, run_id=None, added_at=utc_now()))  # type: ignore[arg-type]
            self._write_problems()
            if fresh:
                yield fresh
            elif self.on_progress is not None:
                self.on_progress(len(chunk), self.summary)

    # -- coding ----------------------------------------------------------------------------

    def run(self, items: Iterable[Article | Problem], batch_size: int) -> None:
        if self.store is None:
            self.in_parts = set(self.layout.doc_ids())
        for chunk in self.new_only(chunked_articles(items, batch_size, self.on_problem)):
            if self.plugin is None:
                # the model loads on the workers with the first partition to code, not before
                self.plugin = PipelinePlugin(self.options, self.build)
                _register(self.client, self.plugin)
            index = self.summary.partitions
            slot = _Slot(index, chunk, [part_name(self.key, index)], [None])
            self.summary.partitions += 1
            self.pending.append(slot)
            self._submit(slot, 0, chunk)
            window = 2 * max(1, sum(self.client.nthreads().values()))
            while len(self.running) >= window:
                self._settle()
            self._load_ready()
        while self.running:
            self._settle()
            self._load_ready()
        self._load_ready()

    def _submit(self, slot: _Slot, position: int, articles: list[Article]) -> None:
        assert self.plugin is not None
        part = slot.parts[position]
        task = PartitionTask(self.layout.url, part, self.plugin.name, tuple(articles))
        future = self.client.submit(code_partition, task, key=f"detente-{part}", pure=False)
        self.running[future] = (slot, position)

    def _settle(self) -> None:
        """Wait for at least one task to end, and take what it gave."""
        from distributed import wait
        from distributed.scheduler import KilledWorker

        done, _ = wait(list(self.running), return_when="FIRST_COMPLETED")
        for future in done:
            slot, position = self.running.pop(future)
            part = slot.parts[position]
            if future.status == "finished":
                slot.reports[position] = future.result()
                continue
            if future.status == "cancelled":
                raise ClusterError(f"partition {part} was cancelled (did the scheduler stop?)")
            error = future.exception()
            if isinstance(error, KilledWorker):
                self._after_kills(slot, position, error)
                continue
            raise ClusterError(
                f"partition {part} failed on the cluster: {type(error).__name__}: {error}"
            ) from error

    def _after_kills(self, slot: _Slot, position: int, error: Exception) -> None:
        """A partition killed every worker that tried it: code its documents one per task;
        a document that kills again is stored uncoded, so the run loses nothing."""
        if len(slot.parts) == 1 and len(slot.articles) > 1:
            self.summary.split_partitions += 1
            slot.parts = [part_name(self.key, slot.index, doc) for doc in range(len(slot.articles))]
            slot.reports = [None] * len(slot.articles)
            for doc, article in enumerate(slot.articles):
                self._submit(slot, doc, [article])
            return
        article = slot.articles[position]
        detail = f"the document killed every worker that coded it ({error})"[:500]
        slot.reports[position] = worker_died(self.layout, slot.parts[position], article, detail)

    # -- loading ---------------------------------------------------------------------------

    def _load_ready(self) -> None:
        """Load finished partitions into the store, in input order."""
        while self.pending and self.pending[0].done:
            slot = self.pending.popleft()
            for part, report in zip(slot.parts, slot.reports, strict=True):
                assert report is not None
                self._count(report)
                if self.store is None:
                    self.summary.documents += report.articles
                else:
                    batches = self.layout.read_partition(part)
                    self.summary.documents += self.store.write_batches(
                        batches, run_id=self.summary.run_id
                    )
            self._write_problems()
            if self.on_progress is not None:
                self.on_progress(len(slot.articles), self.summary)

    def _count(self, report: PartitionReport) -> None:
        summary = self.summary
        summary.sentences += report.sentences
        summary.words += report.words
        summary.mentions += report.mentions
        summary.quotes += report.quotes
        summary.events += report.events
        summary.skipped_language += report.skipped_language
        summary.warnings += report.warnings
        summary.errors += report.errors
        summary.problems.extend(report.problems)
        peak = summary.worker_peak_rss
        peak[report.worker] = max(peak.get(report.worker, 0), report.peak_rss)
        summary.worker_rss[report.worker] = report.rss

    def _write_problems(self) -> None:
        if self.store is not None and self.unwritten:
            self.store.write_problems(list(self.unwritten), run_id=self.summary.run_id)
        self.unwritten.clear()

    # -- the end ---------------------------------------------------------------------------

    def stop(self) -> None:
        """Cancel what still runs (after an error or Ctrl-C) and drop the pipeline plugin."""
        if self.running:
            self.client.cancel(list(self.running))
            self.running.clear()
        if self.plugin is not None:
            try:
                self.client.unregister_worker_plugin(self.plugin.name)
            except Exception:  # the cluster may be what failed; nothing to keep there
                pass

    def _keep_repeat_refs(self) -> None:
        """Keep where the documents not coded again came from (``document_refs``), as a run
        in one process does: a source record not seen before counts as a duplicate."""
        if not self.repeat_refs:
            return
        refs = pa.concat_tables(self.repeat_refs)
        self.repeat_refs.clear()
        self.layout.write_input_refs(self.key, refs)  # the parts hold every record too
        new = 0
        if self.store is not None:
            new = self.store.add_ref_rows(refs, run_id=self.summary.run_id)
        self.summary.duplicates += new
        self.summary.already_stored -= new

    def close(self, record: dict, status: str) -> None:
        summary = self.summary
        self._write_problems()
        if status == "finished":
            self._keep_repeat_refs()
        if self.problems:
            now = utc_now()
            self.layout.write_input_errors(
                self.key,
                errors_table(self.problems, run_id=None, noted_at=now),  # type: ignore[arg-type]
            )
        done = {
            **record,
            "finished_at": utc_now(),
            "status": status,
            "summary": json.dumps(summary.as_dict(), default=str, ensure_ascii=False),
        }
        self.layout.write_run(self.key, done)
        if self.store is not None:
            self.store.finish_run(summary.run_id, status=status, summary=summary.as_dict())


def _register(client, plugin: PipelinePlugin) -> None:
    try:
        client.register_plugin(plugin)
    except Exception as e:
        raise ClusterError(f"the workers cannot load the détente pipeline: {e}") from e


def _dashboard(client) -> str | None:
    try:
        return client.dashboard_link
    except Exception:  # no dashboard (bokeh missing): the run goes on without one
        return None
