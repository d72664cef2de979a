"""Start-up time: what a fresh process pays before it codes its first article.

    .venv/bin/python benchmarks/startup.py [--repeat 3]

Each measure runs in a new Python process (so nothing is cached) and the fastest of
``--repeat`` runs is reported:

* ``pipeline``: ``detente.nlp.load()`` -- spaCy model, knowledge, our three stages;
* ``first article``: ``detente events examples/abe_trump_2017.txt`` end to end (CLI).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

MEASURES = {
    "pipeline": [sys.executable, "-c", "from detente.nlp import load; load()"],
    "first article": [
        str(BIN / "detente"),
        "events",
        str(ROOT / "examples" / "abe_trump_2017.txt"),
        "--date",
        "2017-02-10",
    ],
}


def fastest(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, command in MEASURES.items():
        print(f"{name}: {fastest(command, args.repeat):.2f} s")


if __name__ == "__main__":
    main()
