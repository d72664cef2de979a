"""What runs on a Dask worker: the pipeline, loaded once per worker, and the partition task.

A partition is coded by ``detente.pipeline.extract`` (the function a run in one process uses,
with its per-document fallback: a document that makes a stage raise is kept uncoded with a
``coding-failed`` error and the rest of the partition is coded), turned into the store's
batches by ``detente.store.batches.build_batches`` and written as Parquet parts. The worker
sends back only counts, the problems worth showing, and its peak memory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from detente.errors import ClusterError
from detente.pipeline import PipelineOptions, RunSummary, extract, uncoded_result
from detente.records import Article, DocResult, Problem
from detente.scale.parts import PartsDir, utc_now
from detente.store.batches import build_batches, refs_table

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as e:  # pragma: no cover - the dask extra is missing
    raise ClusterError("--cluster needs Dask: pip install 'detente[dask]'") from e

PipelineBuilder = Callable[[PipelineOptions], Language]


def _default_builder(options: PipelineOptions) -> Language:
    return options.build()


class PipelinePlugin(WorkerPlugin):
    """Loads the détente pipeline once per worker (also on a worker that joins or restarts).

    ``build`` makes the ``Language`` from the options (default ``PipelineOptions.build``);
    Python callers may pass their own picklable function to add spaCy components.
    """

    def __init__(self, options: PipelineOptions, build: PipelineBuilder | None = None):
        self.options = options
        self.build = build or _default_builder
        self.name = plugin_name(options, self.build)
        self.nlp: Language | None = None

    def setup(self, worker) -> None:
        self.nlp = self.build(self.options)

    def teardown(self, worker) -> None:
        self.nlp = None


def plugin_name(options: PipelineOptions, build: PipelineBuilder) -> str:
    """One plugin per pipeline: clients with other options can share a cluster."""
    builder = f"{getattr(build, '__module__', '')}.{getattr(build, '__qualname__', repr(build))}"
    digest = hashlib.sha256(f"{options!r}|{builder}".encode()).hexdigest()[:12]
    return f"detente-pipeline-{digest}"


def worker_pipeline(name: str) -> Language:
    from distributed import get_worker

    plugin = get_worker().plugins.get(name)
    if plugin is None or plugin.nlp is None:
        raise ClusterError(f"this worker has no détente pipeline ({name}); register the plugin")
    return plugin.nlp


@dataclass(frozen=True)
class PartitionTask:
    parts_url: str
    part: str  # the partition's file name (``parts.part_name``)
    pipeline: str  # the plugin that holds the pipeline
    articles: tuple[Article, ...]


@dataclass
class PartitionReport:
    """What a coded partition sends back to the client (never the records themselves)."""

    part: str
    articles: int = 0
    sentences: int = 0
    words: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    skipped_language: int = 0
    warnings: int = 0
    errors: int = 0
    problems: list[Problem] = field(default_factory=list)  # errors only (for the summary)
    worker: str = ""  # host:pid of the process that wrote the part
    peak_rss: int = 0  # bytes, that process's peak resident memory so far
    rss: int = 0  # bytes, its resident memory once the partition was written


def code_partition(task: PartitionTask) -> PartitionReport:
    """The Dask task: code one partition on this worker and write its parts."""
    nlp = worker_pipeline(task.pipeline)
    articles = list(task.articles)
    # the strings a partition adds to the vocabulary are dropped after it (the records are
    # plain Python objects), so a worker coding for days does not grow
    with nlp.memory_zone():
        results = list(extract(nlp, articles, batch_size=max(1, len(articles))))
    return write_part(PartsDir(task.parts_url), task.part, results)


def worker_died(parts: PartsDir, part: str, article: Article, detail: str) -> PartitionReport:
    """A document that killed every worker that tried it: stored uncoded, with the reason."""
    result = uncoded_result(article, "worker-died", detail, severity="error")
    return write_part(parts, part, [result])


def write_part(parts: PartsDir, part: str, results: Sequence[DocResult]) -> PartitionReport:
    # run_id is given when the part is loaded (NULL in the parts)
    now = utc_now()
    batches = build_batches(results, run_id=None, added_at=now)  # type: ignore[arg-type]
    articles = [result.article for result in results]
    batches["document_refs"] = refs_table(articles, run_id=None, added_at=now)  # type: ignore[arg-type]
    parts.write_partition(part, batches)
    report = tally(part, results)
    report.worker = f"{os.uname().nodename}:{os.getpid()}"
    report.peak_rss = peak_rss()
    report.rss = current_rss()
    return report


def tally(part: str, results: Sequence[DocResult]) -> PartitionReport:
    counts = RunSummary()
    counts.count(results)  # the same counting as a run in one process
    names = ("sentences", "words", "mentions", "quotes", "events", "skipped_language")
    report = PartitionReport(part=part, articles=len(results), problems=counts.problems)
    for name in (*names, "warnings", "errors"):
        setattr(report, name, getattr(counts, name))
    return report


def current_rss() -> int:
    import psutil  # comes with distributed

    return psutil.Process().memory_info().rss


def peak_rss() -> int:
    """This process's peak resident set size in bytes (0 where the OS does not say)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if os.uname().sysname == "Darwin" else peak * 1024
