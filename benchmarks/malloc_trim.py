"""The CPU and page faults of coding with and without Dask's MALLOC_TRIM_THRESHOLD_=65536.

    python benchmarks/malloc_trim.py --n 64

Dask's nanny starts workers with that variable (glibc returns freed memory to the OS at once);
``--cluster local`` no longer does (``detente.scale.cluster.LOCAL_CLUSTER_CONFIG``). Each case
is a fresh process (glibc reads the variable when a process starts) coding the first N AllSides
articles in chunks of 32 inside ``nlp.memory_zone()``, as a Dask worker does, in the main
thread or in a second thread (a Dask worker codes in a thread of its own). Printed: the coding
thread's user and system CPU seconds and minor page faults (``getrusage(RUSAGE_THREAD)``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

ALLSIDES = (
    Path(__file__).resolve().parent.parent.parent
    / "shared" / "data" / "corpora" / "allsides_international_politics.jsonl"
)  # fmt: skip
VARIABLE = "MALLOC_TRIM_THRESHOLD_"


def code(n: int, where: str) -> dict:
    from detente.ingest import read_inputs
    from detente.pipeline import PipelineOptions, extract
    from detente.records import Article

    nlp = PipelineOptions().build()
    articles = [a for a in read_inputs([str(ALLSIDES)]) if isinstance(a, Article)][:n]
    chunks = [articles[i : i + 32] for i in range(0, len(articles), 32)]
    out: dict = {}

    def work() -> None:
        before = resource.getrusage(resource.RUSAGE_THREAD)
        for chunk in chunks:
            with nlp.memory_zone():
                list(extract(nlp, chunk, batch_size=len(chunk)))
        after = resource.getrusage(resource.RUSAGE_THREAD)
        out["user"] = after.ru_utime - before.ru_utime
        out["sys"] = after.ru_stime - before.ru_stime
        out["minflt"] = after.ru_minflt - before.ru_minflt

    if where == "main":
        work()
    else:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=64, help="articles to code")
    parser.add_argument("--child", nargs=2, metavar=("WHERE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(code(int(args.child[1]), args.child[0])))
        return
    print("| thread | MALLOC_TRIM_THRESHOLD_ | user CPU s | system CPU s | minor faults |")
    print("|---|---|---:|---:|---:|")
    for where in ("main", "thread"):
        for trim in ("65536", None):
            env = {k: v for k, v in os.environ.items() if k != VARIABLE}
            if trim is not None:
                env[VARIABLE] = trim
            command = [sys.executable, __file__, "--child", where, str(args.n)]
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"| {where} | {trim or 'unset'} | {row['user']:.2f} | {row['sys']:.2f} "
                f"| {row['minflt']:,} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
