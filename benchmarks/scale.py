"""Dask against one process and against --workers 2, memory per worker, and a killed worker.

    python benchmarks/scale.py --n 500 --memory 1000 5000 --kill 300 --write BENCHMARKS.md

Every run is the real command line (`detente run ... -q`) in a process of its own, into a
fresh store, timed wall clock from start to exit (model loading and cluster start included):
1. the same N AllSides articles in one process, with `--workers 2`, and with `--cluster local:2`;
2. `--cluster local:2` on the first 1k and 5k Wikinews articles: each worker's peak RSS, as
   the workers report it (``summary.worker_peak_rss`` in the runs table);
3. `--cluster local:2` on K Wikinews articles, one worker process killed (SIGKILL) once the
   first partition is loaded: the run must finish with every document exactly once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from report import machine, markers, write_section

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
ALLSIDES = CORPORA / "allsides_international_politics.jsonl"
WIKINEWS = CORPORA / "wikinews_politics_2004_2009.jsonl"
DETENTE = [str(Path(sys.executable).with_name("detente"))]  # the console script, every command


def head(corpus: Path, n: int, out: Path) -> tuple[Path, int]:
    """The first ``n`` records with a text (a record without one would be an error row)."""
    words = kept = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            text = json.loads(line).get("text") or ""
            if not text.strip():
                continue
            words += len(text.split())
            dst.write(line)
            kept += 1
            if kept == n:
                break
    return out, words


def timed_run(corpus: Path, db: Path, *flags: str) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds of the command and every process it started
    (workers included: each level waits for its children), which other jobs on the
    machine do not inflate."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*DETENTE, "run", str(corpus), "--db", str(db), "-q", *flags], check=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def last_summary(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        ((summary,),) = con.execute(
            "SELECT summary FROM runs ORDER BY run_id DESC LIMIT 1"
        ).fetchall()
        ((documents, distinct),) = con.execute(
            "SELECT count(*), count(DISTINCT doc_id) FROM documents"
        ).fetchall()
    finally:
        con.close()
    return {**json.loads(summary), "stored": documents, "distinct": distinct}


def throughput(tmp: Path, n: int) -> dict:
    corpus, words = head(ALLSIDES, n, tmp / "allsides.jsonl")
    rows = {}
    for name, flags in (
        ("one process", ()),
        ("--workers 2", ("--workers", "2")),
        ("--cluster local:2", ("--cluster", "local:2")),
    ):
        db = tmp / f"t-{len(rows)}.duckdb"
        load = os.getloadavg()[0]
        seconds, cpu = timed_run(corpus, db, *flags)
        rows[name] = {"seconds": seconds, "cpu": cpu, "load": load, "summary": last_summary(db)}
        print(name, f"{seconds:.1f} s, {cpu:.1f} CPU s, load {load:.2f}", flush=True)
    # loading the cluster run's parts into a fresh store: the client's share of the work
    parts = tmp / f"t-{len(rows) - 1}.duckdb.parts"
    started = time.perf_counter()
    loaded = tmp / "loaded.duckdb"
    subprocess.run([*DETENTE, "load", str(parts), "--db", str(loaded), "-q"], check=True)
    load_seconds = time.perf_counter() - started
    print("load", f"{load_seconds:.1f} s", flush=True)
    return {"n": n, "words": words, "rows": rows, "load_seconds": load_seconds}


def memory(tmp: Path, sizes: list[int]) -> list[dict]:
    out = []
    for n in sizes:
        corpus, words = head(WIKINEWS, n, tmp / f"wikinews{n}.jsonl")
        db = tmp / f"m{n}.duckdb"
        seconds, _ = timed_run(corpus, db, "--cluster", "local:2")
        summary = last_summary(db)
        workers = sorted(summary["worker_peak_rss"])
        peaks = [summary["worker_peak_rss"][w] for w in workers]
        ends = [summary["worker_rss"][w] for w in workers]
        longest = max(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
        out.append(
            {"n": n, "words": words, "seconds": seconds, "peaks": peaks, "ends": ends,
             "longest": longest}
        )  # fmt: skip
        print(n, [f"{p / 2**20:.0f} MiB" for p in peaks + ends], flush=True)
    return out


def kill_test(tmp: Path, n: int) -> dict:
    import psutil

    corpus, _ = head(WIKINEWS, n, tmp / "kill.jsonl")
    db = tmp / "kill.duckdb"
    parts = Path(f"{db}.parts") / "documents"
    command = [*DETENTE, "run", str(corpus), "--db", str(db), "-q", "--cluster", "local:2"]
    proc = subprocess.Popen(command)
    killed = None
    while proc.poll() is None and killed is None:
        if parts.is_dir() and any(parts.glob("*.parquet")):
            # the worker processes: spawned by the nannies, which live in the run's process
            workers = [
                p
                for p in psutil.Process(proc.pid).children(recursive=True)
                if "spawn_main" in " ".join(p.cmdline())
            ]
            busy = max(workers, key=lambda p: p.cpu_percent(interval=0.2), default=None)
            if busy is not None:
                killed = busy.pid
                os.kill(busy.pid, signal.SIGKILL)
        time.sleep(0.2)
    code = proc.wait()
    if killed is None:
        raise SystemExit("the run ended before a worker could be killed: use more articles")
    summary = last_summary(db)
    print("kill", killed, code, summary["stored"], summary["distinct"], flush=True)
    return {"n": n, "killed": killed, "exit": code, **summary}


def header(argv: list[str]) -> list[str]:
    today = dt.date.today().isoformat()
    return [
        f"Measured {today} on {machine()}, model `en_core_web_md`, partitions (batches) of 32 "
        "articles, one thread per worker; wall clock of the whole command (model loading and "
        "cluster start included).",
        f"Command: `python benchmarks/scale.py {' '.join(argv)}`.\n",
    ]


def throughput_section(t: dict, argv: list[str]) -> str:
    lines = header(argv)
    lines.append(f"Same {t['n']} AllSides articles ({t['words']:,} words), a fresh store each:\n")
    lines.append(
        "| run | seconds | docs/s | words/s | vs one process | CPU seconds | load before |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    base = t["rows"]["one process"]["seconds"]
    for name, row in t["rows"].items():
        s = row["seconds"]
        lines.append(
            f"| `{name}` | {s:.1f} | {t['n'] / s:.2f} | {t['words'] / s:,.0f} | "
            f"{base / s:.2f}× | {row['cpu']:.1f} | {row['load']:.2f} |"
        )
    rows = t["rows"]
    dask, pool = rows["--cluster local:2"], rows["--workers 2"]
    lines.append(
        f"\n`--cluster local:2` is **{base / dask['seconds']:.2f}×** one process (target ≥ 1.5×); "
        f"Dask's overhead over `--workers 2` is **{(dask['seconds'] / pool['seconds'] - 1) * 100:+.1f} %** "
        f"in wall-clock time and **{(dask['cpu'] / pool['cpu'] - 1) * 100:+.1f} %** in CPU "
        "seconds (target ≤ 10 %). CPU seconds count the command and all its worker "
        "processes; other jobs on the machine do not inflate them, while they do slow the wall "
        'clock ("load before" is the 1-minute load average when each run started).'
    )
    lines.append(
        f"\n`detente load` of the cluster run's parts into a fresh store (one process, "
        f"deduplication rebuilt): {t['load_seconds']:.1f} s, "
        f"{t['n'] / t['load_seconds']:,.0f} articles/s."
    )
    return "\n".join(lines)


def memory_section(rows: list[dict], argv: list[str]) -> str:
    lines = header(argv)
    lines.append(
        "`--cluster local:2` on the first Wikinews articles; peak resident memory of each "
        "worker process as it reports it (`worker_peak_rss` in the run summary):\n"
    )
    lines.append(
        "| articles | words | longest article (chars) | seconds | peak RSS per worker "
        "| RSS per worker after its last partition |"
    )
    lines.append("|---:|---:|---:|---:|---|---|")
    for row in rows:
        peaks = " / ".join(f"{p / 2**20:,.0f} MiB" for p in row["peaks"])
        ends = " / ".join(f"{p / 2**20:,.0f} MiB" for p in row["ends"])
        lines.append(
            f"| {row['n']:,} | {row['words']:,} | {row['longest']:,} | {row['seconds']:.1f} "
            f"| {peaks} | {ends} |"
        )
    lines.append(
        "\nA worker holds only the partition it codes, and the strings a partition adds to "
        "spaCy's vocabulary are dropped after it (`nlp.memory_zone()`): what stays after a "
        "partition does not grow with the run. The peak follows the longest article a worker "
        "has coded (spaCy holds a whole document's activations at once), not the run's size."
    )
    return "\n".join(lines)


def kill_section(k: dict, argv: list[str]) -> str:
    ok = k["stored"] == k["distinct"] == k["n"] and k["exit"] == 0
    verdict = "every document exactly once" if ok else "**FAILED**"
    return "\n".join(
        [
            *header(argv),
            f"`--cluster local:2` on {k['n']} Wikinews articles; worker process {k['killed']} "
            "killed with SIGKILL once the first partition was written. The run exited "
            f"{k['exit']} with {k['stored']:,} documents stored, {k['distinct']:,} distinct: "
            f"{verdict}.",
        ]
    )


def publish(path: Path | None, name: str, text: str) -> None:
    begin, end = markers(name)
    text = f"{begin}\n{text}\n{end}"
    print(text, flush=True)
    if path is not None:
        write_section(path, text, name=name, heading="Scaling out on Dask")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--n", type=int, default=500, help="articles for the throughput runs (0: skip)"
    )
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 5000], help="(none: skip)")
    parser.add_argument(
        "--kill", type=int, default=300, help="articles for the kill test (0: skip)"
    )
    parser.add_argument("--write", type=Path, help="update this BENCHMARKS.md section")
    args = parser.parse_args()
    argv = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        # each part is written as soon as it is measured (a section of its own)
        if args.kill:
            publish(args.write, "scale-kill", kill_section(kill_test(Path(tmp), args.kill), argv))
        if args.memory:
            rows = memory(Path(tmp), args.memory)
            publish(args.write, "scale-memory", memory_section(rows, argv))
        if args.n:
            publish(
                args.write,
                "scale-throughput",
                throughput_section(throughput(Path(tmp), args.n), argv),
            )


if __name__ == "__main__":
    main()
