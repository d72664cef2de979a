"""``--cluster``: a local Dask cluster of worker processes, or a running scheduler's address."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from detente.errors import ClusterError, UsageError

_LOCAL = re.compile(r"^local(?::(?P<workers>\d+))?$")
_ADDRESS = re.compile(
    r"^(?P<scheme>[a-z][a-z0-9+.-]*)://(?P<host>[^\s/:]+|\[[0-9a-fA-F:]+\]):(?P<port>\d+)$"
)
CONNECT_TIMEOUT_S = 30

# Dask settings for the local cluster ``--cluster local`` starts. Coding is one long
# CPU-bound task per partition that holds the GIL; Dask's defaults are made for many short
# tasks and wake every process often: each worker samples the coding thread's stack every
# 10 ms for its profiler, every server checks its event loop every 20 ms, and the nannies
# and the system monitor poll psutil several times a second. Measured on 96 AllSides
# articles (2 workers): the workers' coding CPU -5 %, the client's (scheduler and nannies)
# -50 %. Workers of a cluster you start yourself take their own settings: docs/scale.md.
#
# The nanny also starts each worker with MALLOC_TRIM_THRESHOLD_=65536 (so that freed memory
# goes back to the OS at once). spaCy frees and allocates megabytes of arrays for every
# batch: with that threshold glibc hands them back after each one and the next batch
# faults them in again, page by page. Measured on 64 AllSides articles coded in one
# process (benchmarks/malloc_trim.py): 10x the page faults (331k against 37k) and 2.6x the
# system CPU (+1.4 s on 19 s); on 150 articles with two workers, the run's system CPU
# 9.5 s against 4.5 s unset (4.2 s with --workers 2). docs/scale.md has the phases. Unset, glibc keeps its own adaptive threshold, as in a ``--workers N`` process;
# memory a worker holds after a partition is then what its largest batch needed.
MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    f"distributed.nanny.pre-spawn-environ.{MALLOC_TRIM}": None,  # None: not set
}


@dataclass(frozen=True)
class ClusterSpec:
    """``local`` (one worker process per core), ``local:N``, or ``tcp://HOST:PORT``."""

    workers: int | None = None  # local cluster size
    address: str | None = None  # a running scheduler

    @classmethod
    def parse(cls, spec: str) -> ClusterSpec:
        text = spec.strip()
        local = _LOCAL.match(text)
        if local:
            workers = int(local.group("workers")) if local.group("workers") else available_cores()
            if workers < 1:
                raise UsageError(f"--cluster {spec}: a local cluster needs at least 1 worker")
            return cls(workers=workers)
        if _ADDRESS.match(text):
            return cls(address=text)
        raise UsageError(
            f"--cluster {spec!r}: use local, local:N (N worker processes) or the address of "
            "a running Dask scheduler, tcp://HOST:PORT"
        )


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def connect(spec: ClusterSpec, *, quiet: bool = False) -> Iterator:
    """A Dask ``Client`` for ``spec``; a local cluster is started here and stopped on exit.

    Local workers are processes with one thread each (spaCy holds the GIL), and the
    dashboard takes a free port (``client.dashboard_link`` says which).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ClusterError("--cluster needs Dask: pip install 'detente[dask]'") from e
    if quiet:
        logging.getLogger("distributed").setLevel(logging.ERROR)
    if spec.address is not None:
        try:
            client = Client(spec.address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as e:
            raise ClusterError(
                f"--cluster {spec.address}: no Dask scheduler answers there ({e}); "
                "start one with `dask scheduler` and workers with `dask worker ADDRESS`"
            ) from e
        with client:
            yield client
        return
    import dask

    # the settings must hold while the workers start (they inherit the config) and while
    # the scheduler and nannies run in this process
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        try:
            cluster = LocalCluster(
                n_workers=spec.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            )
        except (OSError, RuntimeError) as e:
            raise ClusterError(f"cannot start a local Dask cluster: {e}") from e
        with cluster, Client(cluster) as client:
            yield client
