"""``detente serve``: the web app over a store (read-only), on loopback by default."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from detente.cli.main import DbOpt, app, console, err_console, handle_errors
from detente.cli.output import plain
from detente.errors import UsageError

MAX_WORKERS = 64


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
@handle_errors
def serve(
    db: DbOpt = Path("detente.duckdb"),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Server processes, each with the store open read-only: more of them answer "
            "more requests at once when there are cores to spare.",
        ),
    ] = 1,
) -> None:
    """Explore a store in the browser: dyads, map, network, actors, articles with their
    evidence, search, and validation of a sample (read-only)."""
    import uvicorn

    from detente.web import create_app
    from detente.web.app import DB_VARIABLE, check_store

    if not db.exists():
        raise UsageError(f"--db {db}: no such store (run `detente run` first)")
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: use 1 to 65535")
    if not 1 <= workers <= MAX_WORKERS:
        raise UsageError(f"--workers {workers}: use 1 to {MAX_WORKERS}")
    if workers == 1:
        target, options = create_app(db), {}
    else:
        # uvicorn starts each process from an import string: the store travels in the
        # environment, checked here first so that a bad store stops the command, not a worker
        check_store(db)
        os.environ[DB_VARIABLE] = str(db.resolve())
        target = "detente.web.app:app_from_environment"
        options = {"factory": True, "workers": workers}
    if not is_loopback(host):
        err_console.print(
            f"[bold yellow]warning:[/] listening on {plain(host)}: anyone who can reach this machine "
            "can read the whole store (use --host 127.0.0.1 to keep it local)",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    processes = f", {workers} processes" if workers > 1 else ""
    console.print(
        f"détente: {db} (read-only{processes}) at http://{shown}:{port}/  — Ctrl+C stops",
        highlight=False,
        markup=False,
    )
    uvicorn.run(target, host=host, port=port, log_level="warning", access_log=False, **options)
