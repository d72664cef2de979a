"""Time every page of `detente serve`, then load it with concurrent clients on loopback.

Starts `detente serve --db DB --workers N` on 127.0.0.1 (a free port) in a child process, and
1. page times: each page and the dyad API, one client, after one warm-up request
   (median and max of --repeat requests);
2. load: --clients concurrent keep-alive clients for --seconds, each alternating the dyad
   API and an article page; bounded by time and by --max-requests; reports p50/p99, and the
   CPU time the server processes and the clients used meanwhile.
`--workers 1,2` loads a server of each size in turn. Only loopback is ever contacted. The
server is stopped at the end.

    python benchmarks/web_load.py --db /tmp/web2_500.duckdb --workers 1,2 --write BENCHMARKS.md
    python benchmarks/web_load.py --db store.duckdb --clients 10 --seconds 5 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx2 as httpx

HOST = "127.0.0.1"
PAGE_TARGET_MS = 300
DYAD_API_TARGET_MS = 100
BEGIN, END = "<!-- web:begin -->", "<!-- web:end -->"


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and every process below it (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0, [pid]
    try:
        while pending:
            current = pending.pop()
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime and stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
    except (OSError, ValueError):
        return None
    return total / ticks


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from detente.cli.main import app; app()",
        "serve",
        "--db",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"detente serve exited: {server.stderr.read().decode()}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/overview", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("detente serve did not answer within 60 s")


def targets(client: httpx.Client) -> dict:
    """Real addresses from the store: busy dyads, articles with events, a busy actor."""
    overview = client.get("/api/overview").json()
    dyads = [(d["a"], d["b"]) for d in overview["top_dyads"][:5]] or [("USA", "CHN")]
    sample = client.get("/api/validate?n=50&seed=1").json()["events"]
    docs = sorted({e["doc_id"] for e in sample})[:20]
    actor = overview["top_actors"][0]["key"] if overview["top_actors"] else "USA"
    words = "sanctions talks"
    return {"dyads": dyads, "docs": docs, "actor": actor, "words": words}


def pages(t: dict) -> dict[str, str]:
    a, b = t["dyads"][0]
    doc = t["docs"][0]
    return {
        "overview": "/",
        "dyad page": f"/dyad/{a}/{b}",
        "dyad API": f"/api/dyad/{a}/{b}",
        "dyad API, weekly": f"/api/dyad/{a}/{b}?freq=week",
        "dyad point events": f"/api/dyad/{a}/{b}/events?period=2019-01-01",
        "map": "/map",
        "map change view": "/map?mode=change",
        "network": "/network",
        "actor": f"/actor/{t['actor']}",
        "article": f"/article/{doc}",
        "search": f"/search?q={t['words'].replace(' ', '+')}",
        "search events": "/search?plover=ASSAULT",
        "validate": "/validate",
        "judgements": "/judgements?right=1,2,3&wrong=4",
    }


def warm_up(client: httpx.Client, paths: dict[str, str]) -> None:
    """One request to each page (and so to the search index, which the first search waits for)."""
    for path in paths.values():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")


def time_pages(client: httpx.Client, paths: dict[str, str], repeat: int) -> list[dict]:
    """The first request to each page (the server computes it: it keeps dyads, actors and
    articles once computed), then the median and slowest of ``repeat`` more."""
    response = client.get("/api/search", params={"q": "warm"})  # waits for the search index
    if response.status_code != 200:
        raise SystemExit(f"/api/search: HTTP {response.status_code}")
    rows = []
    for name, path in paths.items():
        started = time.perf_counter()
        response = client.get(path)
        first = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "page": name,
                "path": path,
                "first_ms": first,
                "median_ms": statistics.median(times),
                "max_ms": max(times),
            }
        )
    return rows


async def load(base: str, t: dict, clients: int, seconds: float, max_requests: int) -> dict:
    paths = [f"/api/dyad/{a}/{b}" for a, b in t["dyads"]]
    articles = [f"/article/{doc}" for doc in t["docs"]]
    results: dict[str, list[float]] = {"dyad API": [], "article page": []}
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(number: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        turn = number
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            kind = "dyad API" if turn % 2 == 0 else "article page"
            pool = paths if kind == "dyad API" else articles
            path = pool[turn // 2 % len(pool)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
                    continue
            except httpx.HTTPError as e:
                errors.append(f"{path}: {type(e).__name__}")
                continue
            results[kind].append((time.perf_counter() - started) * 1000)

    started, client_cpu = time.perf_counter(), time.process_time()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await asyncio.gather(*(worker(n, http) for n in range(clients)))
    elapsed = time.perf_counter() - started
    summary = {
        "clients": clients,
        "client_cpu_seconds": round(time.process_time() - client_cpu, 1),
        "seconds": round(elapsed, 1),
        "requests": sum(len(v) for v in results.values()) + len(errors),
        "errors": len(errors),
        "error_examples": errors[:5],
        "per_second": round(sum(len(v) for v in results.values()) / elapsed, 1),
        "endpoints": {},
    }
    for kind, times in results.items():
        if times:
            cuts = statistics.quantiles(times, n=100, method="inclusive")
            summary["endpoints"][kind] = {
                "requests": len(times),
                "p50_ms": round(cuts[49], 1),
                "p99_ms": round(cuts[98], 1),
                "max_ms": round(max(times), 1),
            }
    return summary


def report(db: Path, page_rows: list[dict], runs: list[dict], store_docs: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    first = runs[0]
    lines = [
        BEGIN,
        f"Measured {date.today().isoformat()} on {machine}; store `{db.name}` "
        f"({store_docs:,} AllSides articles); server and clients on the same machine (loopback); "
        f"load average {first['load_average'][0]:.1f} when it started (other jobs share the cores).",
        f"Command: `python benchmarks/web_load.py --db {db} "
        f"--workers {','.join(str(run['workers']) for run in runs)} --write BENCHMARKS.md`.",
        "",
        "Page times, one client, one server process: the first request to each page (computed; "
        "the overview was already asked for), then the median and slowest of the repeats (the "
        "server keeps overviews, dyads, actor pages and articles once computed: the store cannot "
        f"change while it is served). Targets: every page < {PAGE_TARGET_MS} ms, the dyad API < "
        f"{DYAD_API_TARGET_MS} ms.",
        "",
        "| page | first ms | median ms | max ms |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {r['page']} | {r['first_ms']:.1f} | {r['median_ms']:.1f} | {r['max_ms']:.1f} |"
        for r in page_rows
    ]
    lines += [
        "",
        f"Load: {first['clients']} concurrent clients for {first['seconds']} s, each alternating "
        "the dyad API and an article page. Every client sends its next request as soon as the "
        "last one returns, so a request mostly waits for those ahead of it (p50 ≈ clients ÷ "
        "requests per second); the single-client times above are the latency. CPU: seconds "
        "the server processes and the load clients used during the load, and the load average "
        "before and after it.",
        "",
        "| server processes | endpoint | requests | per second | p50 ms | p99 ms | max ms | errors "
        "| server CPU s | client CPU s | load average |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        cpu = run["server_cpu_seconds"]
        before, after = run["load_average"]
        for kind, e in run["endpoints"].items():
            lines.append(
                f"| {run['workers']} | {kind} | {e['requests']:,} | {run['per_second']} | "
                f"{e['p50_ms']} | {e['p99_ms']} | {e['max_ms']} | {run['errors']} | "
                f"{'–' if cpu is None else f'{cpu:.1f}'} | {run['client_cpu_seconds']} | "
                f"{before:.1f} → {after:.1f} |"
            )
    lines.append(END)
    return "\n".join(lines)


def write_section(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8")
    if BEGIN in text:
        text = re.sub(
            re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S
        )
    else:
        text = text.rstrip("\n") + "\n\n## Web app (`detente serve`)\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def worker_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        counts = []
    if not counts or any(n < 1 for n in counts):
        raise SystemExit(f"--workers {text!r}: give server process counts, e.g. 1 or 1,2")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page")
    parser.add_argument(
        "--workers", default="1", help="server processes; 1,2 loads a server of each size"
    )
    parser.add_argument("--write", type=Path, help="put the results in this markdown file")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"--db {args.db}: no such store")
    page_rows: list[dict] = []
    store_docs = 0
    runs = []
    for number, workers in enumerate(worker_counts(args.workers)):
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(args.db, port, workers)
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                t = targets(client)
                if number == 0:
                    page_rows = time_pages(client, pages(t), args.repeat)
                    store_docs = client.get("/api/overview").json()["counts"]["documents"]
                else:  # the same warm-up as the first server had
                    warm_up(client, pages(t))
            load_before, cpu_before = os.getloadavg()[0], cpu_seconds(server.pid)
            summary = asyncio.run(load(base, t, args.clients, args.seconds, args.max_requests))
            cpu_after = cpu_seconds(server.pid)
            summary["workers"] = workers
            summary["load_average"] = (load_before, os.getloadavg()[0])
            summary["server_cpu_seconds"] = (
                round(cpu_after - cpu_before, 1) if None not in (cpu_before, cpu_after) else None
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
        runs.append(summary)
    result = {"pages": page_rows, "load": runs[0], "loads": runs}
    text = report(args.db, page_rows, runs, store_docs)
    print(json.dumps(result) if args.json else text)
    if args.write:
        write_section(args.write, text)
    return 1 if any(run["errors"] for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
