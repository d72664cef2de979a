"""Worker processes for ``detente run --workers N``, and what happens when one dies.

Each worker builds the pipeline once and codes one chunk of articles at a time, sent
over its own pipe, so the parent always knows which documents a worker holds. A worker
that dies (the OOM killer, ``kill -9``, a crash in native code) is replaced; the
documents it held are retried once, one per task, and a document that kills its worker
again is given back as failed (``worker-died``) instead of being waited for. Workers
ignore Ctrl-C (the parent stops them) and leave when the parent goes away.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from detente.errors import WorkerError
from detente.records import Article, DocResult

# A worker that cannot even load the pipeline this many times in a row is not retried.
MAX_STARTUP_DEATHS = 3
# How often an idle worker checks that its parent is still alive (seconds).
_PARENT_CHECK_SECONDS = 1.0
# How long a finished worker gets to exit before it is killed (seconds).
_EXIT_GRACE_SECONDS = 5.0

ChunkCoder = Callable[[Any, list[Article]], list[DocResult]]
DeadResult = Callable[[Article, str], DocResult]


@dataclass
class _Task:
    chunk: int  # the chunk's position in input order
    offset: int  # position of ``articles[0]`` within the chunk
    articles: list[Article]
    retry: bool = False  # a one-document retry after its worker died


class _Worker:
    def __init__(self, context, build: Callable[[], Any], code: ChunkCoder) -> None:
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child_conn, build, code), daemon=True
        )
        self.process.start()
        child_conn.close()
        self.ready = False
        self.task: _Task | None = None

    def stop(self, *, kill: bool) -> None:
        with contextlib.suppress(OSError, ValueError):
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        self.process.join(_EXIT_GRACE_SECONDS if not kill else None)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _worker_main(conn: Connection, build: Callable[[], Any], code: ChunkCoder) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    parent = os.getppid()
    try:
        nlp = build()
    except Exception as e:  # noqa: BLE001 - sent to the parent, which raises it
        conn.send(("failed", _portable(e)))
        return
    conn.send(("ready", None))
    while True:
        if not conn.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return  # orphaned: the parent died without stopping us
            continue
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        if articles is None:
            return
        try:
            results = code(nlp, articles)
            conn.send(("done", results))
        except Exception as e:  # noqa: BLE001 - sent to the parent, which raises it
            conn.send(("failed", _portable(e)))
            return


def _portable(error: Exception) -> Exception:
    """``error`` if it survives pickling (our errors do), else a WorkerError naming it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any pickling failure
        return WorkerError(f"a worker process raised {type(error).__name__}: {error}")
    return error


class WorkerPool:
    """``size`` worker processes coding chunks of articles; results come back per chunk,
    in input order, with at most ``2 * size`` chunks read ahead (flat memory).

    ``build()`` makes a worker's pipeline and ``code(nlp, articles)`` codes a chunk; both
    run in the workers and must be picklable (module-level functions, bound methods of
    picklable objects). ``dead(article, detail)`` is the result of a document whose
    worker died twice.
    """

    def __init__(
        self,
        size: int,
        build: Callable[[], Any],
        code: ChunkCoder,
        dead: DeadResult,
        *,
        context=None,
    ) -> None:
        self.size = max(1, size)
        self.build = build
        self.code = code
        self.dead = dead
        self.context = context or mp.get_context()
        self.workers: list[_Worker] = []
        self.queue: deque[_Task] = deque()  # tasks waiting for an idle worker
        self.chunks: dict[int, list[DocResult | None]] = {}  # results of unfinished chunks
        self.finished: dict[int, list[DocResult]] = {}
        self.startup_deaths = 0
        self.deaths = 0  # workers that died while coding (for the caller's record)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close(kill=exc_type is not None)

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker: politely after a finished run, at once after an error."""
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop(kill=kill)

    # -- the run ------------------------------------------------------------------------

    def run_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[DocResult]]:
        window = 2 * self.size
        submitted = delivered = 0
        for chunk in chunks:
            self._submit(submitted, chunk)
            submitted += 1
            while submitted - delivered >= window:
                self._step()
                while delivered in self.finished:
                    yield self.finished.pop(delivered)
                    delivered += 1
        while delivered < submitted:
            self._step()
            while delivered in self.finished:
                yield self.finished.pop(delivered)
                delivered += 1

    def _submit(self, number: int, articles: list[Article]) -> None:
        self.chunks[number] = [None] * len(articles)
        self.queue.append(_Task(number, 0, list(articles)))
        while len(self.workers) < self.size:
            self.workers.append(_Worker(self.context, self.build, self.code))

    def _step(self) -> None:
        """Hand out queued tasks, then wait for one message or one death."""
        self._dispatch()
        busy = [w for w in self.workers if w.task is not None or not w.ready]
        if not busy:
            return
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                self._listen(worker)

    def _dispatch(self) -> None:
        for worker in self.workers:
            if not self.queue:
                return
            if worker.ready and worker.task is None:
                task = self.queue.popleft()
                worker.task = task
                try:
                    worker.conn.send(task.articles)
                except OSError:  # it died before it could take the task
                    self._bury(worker)

    def _listen(self, worker: _Worker) -> None:
        try:
            if not worker.conn.poll():
                if not worker.process.is_alive():
                    self._bury(worker)
                return
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            self._bury(worker)
            return
        if kind == "ready":
            worker.ready = True
            self.startup_deaths = 0
        elif kind == "done":
            task = worker.task
            worker.task = None
            if task is not None:
                self._deliver(task, payload)
        else:  # "failed": the pipeline could not be built, or coding raised
            raise payload

    def _deliver(self, task: _Task, results: list[DocResult]) -> None:
        slots = self.chunks[task.chunk]
        slots[task.offset : task.offset + len(results)] = results
        if all(slot is not None for slot in slots):
            self.finished[task.chunk] = slots  # type: ignore[assignment]
            del self.chunks[task.chunk]

    def _bury(self, worker: _Worker) -> None:
        """A worker died: replace it, and retry (or give up on) what it held."""
        self.workers.remove(worker)
        worker.stop(kill=True)
        task = worker.task
        if not worker.ready and task is None:
            self.startup_deaths += 1
            if self.startup_deaths >= MAX_STARTUP_DEATHS:
                raise WorkerError(
                    f"{self.startup_deaths} worker processes in a row died while loading "
                    "the pipeline (out of memory?); try fewer --workers"
                )
        if task is not None:
            self.deaths += 1
            if task.retry:
                (article,) = task.articles
                detail = (
                    "the worker process coding this document died twice "
                    f"(exit code {worker.process.exitcode}); stored uncoded"
                )
                self._deliver(task, [self.dead(article, detail)])
            else:
                retries = [
                    _Task(task.chunk, task.offset + i, [article], retry=True)
                    for i, article in enumerate(task.articles)
                ]
                self.queue.extendleft(reversed(retries))
        if self.chunks:
            self.workers.append(_Worker(self.context, self.build, self.code))
