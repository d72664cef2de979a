"""Memory and limits (issue 14, findings 14-17): what a run holds does not grow with the
size of a line, a header, a document, a dictionary or stdin.

Small versions run with every ``make test`` (tracemalloc in this process); the large
probes are ``slow`` tests that measure a subprocess's peak RSS with ``resource``.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hostile import article, cli_python, error_rows, invoke, query, stored_refs

from detente.ingest import MAX_DOCUMENT_CHARS, count_records, read_inputs
from detente.records import Article, Problem

MB = 1 << 20


def traced_peak(work) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def long_line_file(path: Path, size: int, *, prefix: bytes = b"", suffix: bytes = b"") -> Path:
    with path.open("wb") as out:
        out.write(prefix)
        block = b"abc " * (MB // 4)
        for _ in range(size // MB):
            out.write(block)
        out.write(suffix)
    return path


# --- 14 and 15: one enormous line --------------------------------------------------------------


def test_counting_a_single_line_jsonl_holds_no_line(tmp_path):
    """Finding 14: the progress bar's counter read whole lines (300 MB line: 824 MB)."""
    path = long_line_file(tmp_path / "one.jsonl", 24 * MB, prefix=b'{"text": "', suffix=b'"}')
    peak = traced_peak(lambda: count_records([path]))
    assert peak < 4 * MB, f"{peak:,} bytes to count one 24 MB line"


def test_csv_with_an_enormous_header_line_is_bounded(tmp_path):
    """Finding 15: an unbounded readline() of a 300 MB header took 6.5 GB."""
    path = long_line_file(tmp_path / "wide.csv", 24 * MB, suffix=b"\nx,y\n")
    items: list = []
    peak = traced_peak(lambda: items.extend(read_inputs([path])))
    ((reason, record),) = [(p.reason, p.record) for p in items if isinstance(p, Problem)]
    assert (reason, record) == ("too-large", "1")
    assert peak < 24 * MB // 2, f"{peak:,} bytes to refuse a 24 MB header line"


def peak_of(args: list, tmp_path: Path, *, timeout: float = 600):
    """Run the CLI in a subprocess and return (result, its peak RSS in bytes)."""
    report = tmp_path / f"peak-{len(list(tmp_path.iterdir()))}.txt"
    script = (
        "import resource, sys\n"
        "from detente.cli.main import app\n"
        "try:\n"
        "    app(sys.argv[2:], prog_name='detente')\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "    open(sys.argv[1], 'w').write(str(peak))\n"
    )
    done = cli_python(["-c", script, report, *args], timeout=timeout)
    return done, int(report.read_text())


@pytest.mark.slow
def test_huge_single_line_inputs_keep_the_run_small(tmp_path):
    """Findings 14 and 15 at full size: a 300 MB JSON line with the progress bar, and a CSV
    whose header line is 300 MB, cost no more than a tiny input (measured: +13 MB)."""
    small = tmp_path / "small.jsonl"
    small.write_text('{"text": ""}\n', encoding="utf-8")
    line = long_line_file(tmp_path / "line.jsonl", 300 * MB, prefix=b'{"text": "', suffix=b'"}\n')
    header = long_line_file(tmp_path / "header.csv", 300 * MB, suffix=b"\nx,y\n")
    done, baseline = peak_of(["run", small, "--db", tmp_path / "a.duckdb"], tmp_path)
    assert done.returncode == 1, done.stderr  # its one record has no text
    done, peak = peak_of(["run", line, header, "--db", tmp_path / "b.duckdb"], tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert error_rows(tmp_path / "b.duckdb") == [
        (str(header), "too-large"),
        (str(line), "too-large"),
    ]
    assert peak < baseline + 64 * MB, f"peak {peak / MB:.0f} MB, tiny input {baseline / MB:.0f} MB"


# --- 16: documents, workers and dictionaries have limits -----------------------------------


@pytest.mark.slow
def test_longest_document_stays_under_two_gigabytes(tmp_path, shared_dir):
    """Finding 16: a document just under the old 1M-character limit took 3.8 GB. The
    longest document coded now (MAX_DOCUMENT_CHARS) costs a worker well under 2 GB,
    and one character more is a too-large error row."""
    corpus = shared_dir / "data" / "corpora" / "allsides_international_politics.jsonl"
    texts: list[str] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if sum(map(len, texts)) > MAX_DOCUMENT_CHARS + 2:
                break
    text = "\n\n".join(texts)[:MAX_DOCUMENT_CHARS]
    longest = tmp_path / "longest.txt"
    longest.write_text(text, encoding="utf-8")
    over = tmp_path / "over.txt"
    over.write_text(text + "x", encoding="utf-8")
    db = tmp_path / "limit.duckdb"
    done, peak = peak_of(["run", longest, over, "--db", db, "-q"], tmp_path, timeout=900)
    assert done.returncode == 1, done.stderr  # the one over the limit
    assert stored_refs(db) == {str(longest)}
    assert error_rows(db) == [(str(over), "too-large")]
    assert query(db, "SELECT count(*) > 100 FROM mentions")[0][0]
    assert peak < 2 * 1024 * MB, f"peak {peak / MB:.0f} MB for {MAX_DOCUMENT_CHARS:,} characters"


def test_too_many_workers_are_capped_at_the_cores(tmp_path, pipeline):
    """Finding 16: --workers had no upper bound."""
    source = tmp_path / "a.txt"
    source.write_text(article(1), encoding="utf-8")
    db = tmp_path / "cap.duckdb"
    assert invoke(["run", source, "--db", db, "-q"]).exit_code == 0  # stored: no worker starts
    cores = len(os.sched_getaffinity(0))
    result = invoke(["run", source, "--db", db, "-q", "--workers", cores + 6])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert f"--workers {cores + 6}" in line and f"{cores} CPU" in line, line
    assert query(db, "SELECT args->>'workers' FROM runs ORDER BY run_id DESC LIMIT 1") == [
        (str(cores),)
    ]
    forced = invoke(["run", source, "--db", db, "-q", "--workers", cores + 6, "--force-workers"])
    assert forced.exit_code == 0 and not forced.stderr.strip(), forced.output
    assert query(db, "SELECT args->>'workers' FROM runs ORDER BY run_id DESC LIMIT 1") == [
        (str(cores + 6),)
    ]


def test_oversized_user_dictionary_is_refused(tmp_path):
    """Finding 16: a 50 MB dictionary took 2.5 GB and 55 s."""
    from detente.pipeline import MAX_DICTIONARY_BYTES

    big = tmp_path / "big.actors.txt"
    entry = b"SOME_PERSON_NAME_THAT_IS_LONG [USAGOV]\n"
    with big.open("wb") as out:
        out.write(entry * (MAX_DICTIONARY_BYTES // len(entry) + 1))
    result = invoke(["actors", "--actors", big, "-"], input="Abe met Trump.")
    assert result.exit_code == 2, result.output
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert str(big) in line and "over the limit of 10 MB" in line, line


# --- 17: stdin is streamed ---------------------------------------------------------------------


class Endless(io.RawIOBase):
    """A stdin that never ends: ``unit`` again and again; counts what was read."""

    def __init__(self, unit: bytes):
        self.unit = unit
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = (self.unit * (len(buffer) // len(self.unit) + 1))[: len(buffer)]
        buffer[: len(data)] = data
        self.served += len(data)
        return len(data)


def test_endless_stdin_text_stops_at_the_size_limit():
    """Finding 17: stdin was copied whole to a temporary file before any check."""
    source = Endless(b"Abe met Trump in Washington on Friday. ")
    stdin = io.TextIOWrapper(io.BufferedReader(source))
    (problem,) = read_inputs(["-"], stdin=stdin)
    assert problem.reason == "too-large"
    assert source.served < 8 * MAX_DOCUMENT_CHARS


def test_endless_stdin_records_are_streamed():
    records = b"".join(
        json.dumps({"id": f"s{i}", "text": article(i)}).encode() + b"\n" for i in range(3)
    )
    source = Endless(records)
    stdin = io.TextIOWrapper(io.BufferedReader(source))
    first = list(itertools.islice(read_inputs(["-"], stdin=stdin), 9))
    assert [a.ref for a in first if isinstance(a, Article)] == ["s0", "s1", "s2"] * 3
    assert source.served < 2 * MB


@pytest.mark.slow
@pytest.mark.model
def test_endless_stdin_through_the_cli(tmp_path):
    """`yes | detente run -`: the run stops reading at the limit and reports it."""
    db = tmp_path / "stdin.duckdb"
    producer = subprocess.Popen(["yes", "Abe met Trump in Washington."], stdout=subprocess.PIPE)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "detente.cli.main", "run", "-", "--db", str(db), "-q"],
            stdin=producer.stdout,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        producer.kill()
        producer.wait()
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert error_rows(db) == [("-", "too-large")]
