"""A bounded load test of `detente serve` on loopback: concurrent clients on the dyad API and
article pages, one server process and two, no errors. CI runs fewer clients for fewer seconds than the benchmark
(`benchmarks/web_load.py`, 50 clients for 30 s, numbers in BENCHMARKS.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_concurrent_clients_get_no_errors(web_store):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "web_load.py"),
            "--db",
            str(web_store),
            "--clients",
            "10",
            "--seconds",
            "5",
            "--max-requests",
            "5000",
            "--repeat",
            "2",
            "--workers",
            "1,2",
            "--json",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    report = json.loads(result.stdout)
    # one server process, then two (`detente serve --workers 2`)
    assert [run["workers"] for run in report["loads"]] == [1, 2]
    for load in report["loads"]:
        assert load["errors"] == 0, load["error_examples"]
        assert load["clients"] == 10 and load["seconds"] < 30
        for endpoint in ("dyad API", "article page"):
            timing = load["endpoints"][endpoint]
            assert timing["requests"] > 0
            assert 0 < timing["p50_ms"] <= timing["p99_ms"] <= timing["max_ms"]
    assert {row["page"] for row in report["pages"]} >= {"overview", "map", "network", "search"}
