"""CPU seconds (user + system) of a command and of every process it starts, one line per process.

    python benchmarks/process_cpu.py COMMAND [ARGS...]
    e.g. COMMAND = detente run in150.jsonl --db s.duckdb -q --cluster local:2

Samples the process tree every 0.3 s with psutil and prints, per process, the last CPU time seen
(a process that exits between two samples loses at most its last 0.3 s), its thread count and its
command line, then the total. Used to split Dask's overhead into client (scheduler, nannies) and
workers (docs/scale.md).
"""

from __future__ import annotations

import subprocess
import sys
import time

import psutil


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    proc = subprocess.Popen(argv)
    root = psutil.Process(proc.pid)
    seen: dict[int, tuple[str, float, int]] = {}
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in tree:
            try:
                t = p.cpu_times()
                seen[p.pid] = (" ".join(p.cmdline())[-90:], t.user + t.system, p.num_threads())
            except psutil.Error:
                pass
        time.sleep(0.3)
    for pid, (cmd, cpu, threads) in seen.items():
        print(f"{pid} {cpu:7.1f} s  threads={threads}  {cmd}")
    print(f"total {sum(cpu for _, cpu, _ in seen.values()):.1f} s")
    return proc.returncode or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
