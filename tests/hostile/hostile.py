"""Helpers of the hostile suite: every input a hostile tester tried (issue 14), built at test time.

Each test runs détente as a user would (the CLI through Typer's CliRunner in this
process, or in a subprocess where a hang, a signal or a kill is the point) and asserts
the exit code, one clear line, nothing lost (the good documents stored, the bad ones
recorded) and no traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

LEADERS = (
    "Japanese Prime Minister Shinzo Abe",
    "German Chancellor Angela Merkel",
    "French President Emmanuel Macron",
    "Russian President Vladimir Putin",
)
PLACES = ("Washington", "Tokyo", "Berlin", "Paris", "Moscow", "Beijing")


def article(i: int) -> str:
    """A short, distinct English news text."""
    leader = LEADERS[i % len(LEADERS)]
    place = PLACES[(i // len(LEADERS)) % len(PLACES)]
    return (
        f"{leader} met President Donald Trump in {place} on Friday, meeting number {i}. "
        "The two leaders said they would work together on trade."
    )


def write_jsonl(path: Path, records: Iterable[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def stored_refs(db: Path) -> set[str]:
    return {row[0] for row in query(db, "SELECT ref FROM documents")}


def error_rows(db: Path) -> list[tuple]:
    """(ref, reason) of every error row (severity error), sorted."""
    return sorted(query(db, "SELECT ref, reason FROM errors WHERE severity = 'error'"))


def run_statuses(db: Path) -> list[str]:
    return [row[0] for row in query(db, "SELECT status FROM runs ORDER BY run_id")]


def invoke(args: list, **kwargs):
    """The CLI in this process (the model is loaded once per session)."""
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def summary_value(stdout: str, label: str) -> int:
    """The number on the row of the run summary whose label contains ``label``."""
    for line in stdout.splitlines():
        if label in line:
            numbers = re.findall(r"\d[\d,]*", line.split(label, 1)[1])
            assert numbers, line
            return int(numbers[-1].replace(",", ""))
    raise AssertionError(f"no {label!r} row in the summary:\n{stdout}")


def nonblank(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_one_clear_line(result, code: int, *needles: str) -> str:
    """Exit ``code``, no traceback, exactly one line on stderr naming every needle."""
    output = result.output if hasattr(result, "output") else result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result_code(result) == code, output
    lines = nonblank(result.stderr)
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "internal error" not in lines[0], lines[0]
    return lines[0]


def result_code(result) -> int:
    return result.exit_code if hasattr(result, "exit_code") else result.returncode


def invoke_unblocking(args: list, fifos: list[Path], *, timeout: float = 90):
    """``invoke`` in a thread; if it is still running after ``timeout`` seconds it hangs on
    a FIFO: open each FIFO for writing and close it (the reader sees the end) so the test
    can fail instead of hanging the suite."""
    box: dict = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", invoke(args)), daemon=True)
    thread.start()
    thread.join(timeout)
    hung = thread.is_alive()
    while thread.is_alive():
        for fifo in fifos:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        thread.join(0.2)
    if hung:
        pytest.fail(f"`detente {' '.join(map(str, args))}` hung on a FIFO for {timeout} s")
    return box["result"]


def cli(
    args: list,
    *,
    timeout: float = 240,
    input: str | None = None,
    env: dict | None = None,
    user: int | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess:
    """``detente ARGS`` in a subprocess, as a user runs it; a hang fails the test (the
    process group is killed after ``timeout`` seconds)."""
    cmd = [sys.executable, "-m", "detente.cli.main", *map(str, args)]
    if user is not None:  # setpriv drops root's groups too (Popen's user= cannot reach pyenv)
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv (util-linux) is needed to run as another user")
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    return _guarded(cmd, timeout=timeout, input=input, env={**os.environ, **(env or {})}, cwd=cwd)


def cli_python(args: list, *, timeout: float = 240) -> subprocess.CompletedProcess:
    """``python ARGS`` in a subprocess with the same hang guard as ``cli``."""
    return _guarded([sys.executable, *map(str, args)], timeout=timeout)


def _guarded(cmd: list[str], *, timeout: float, **popen) -> subprocess.CompletedProcess:
    input = popen.pop("input", None)
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **popen,
    )
    try:
        stdout, stderr = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"`{' '.join(cmd)}` still running after {timeout} s:\n{stderr[-2000:]}")
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)


def wait_for(predicate, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


UNPRIVILEGED = 65534  # nobody


def unprivileged_user() -> int | None:
    """The uid to run a subprocess as so that permissions bite (root reads everything):
    ``nobody`` when the tests run as root, else None (the current user)."""
    return UNPRIVILEGED if os.geteuid() == 0 else None


def open_to_everyone(path: Path) -> None:
    """Let an unprivileged subprocess reach ``path`` and create files in it."""
    for parent in [path, *path.parents]:
        if parent == Path("/"):
            break
        mode = parent.stat().st_mode
        parent.chmod(mode | 0o711)
    path.chmod(0o777)
