"""``detente run --cluster`` (the Dask part) and ``detente load``: thin layers over detente.scale."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from detente.cli.main import DbOpt, app, console, err_console, handle_errors, run_progress


def run_cluster(items, store, *, cluster: str, parts: str, quiet: bool, **kwargs):
    """Connect to (or start) the cluster, say where its dashboard is, and code ``items``."""
    from detente.scale.cluster import ClusterSpec, connect
    from detente.scale.run import run_on_cluster

    spec = ClusterSpec.parse(cluster)
    with connect(spec, quiet=quiet) as client:
        link = client.dashboard_link if not quiet else None
        if link:
            err_console.print(f"Dask dashboard: {link}", highlight=False, markup=False)
        return run_on_cluster(items, client, parts=parts, store=store, **kwargs)


def cluster_rows(summary) -> list[tuple[str, object]]:
    """Rows the summary table adds for a run on a cluster."""
    rows: list[tuple[str, object]] = [
        ("parts", summary.parts),
        ("partitions", summary.partitions),
    ]
    if summary.split_partitions:
        rows.append(("partitions split (killed workers)", summary.split_partitions))
    if summary.worker_peak_rss:
        peak = max(summary.worker_peak_rss.values())
        last = max(summary.worker_rss.values())
        rows.append(("memory per worker, peak", f"{peak / 2**20:,.0f} MiB"))
        rows.append(("memory per worker, at the end", f"{last / 2**20:,.0f} MiB"))
    return rows


@app.command()
@handle_errors
def load(
    parts: Annotated[str, typer.Argument(help="Parts directory or fsspec URL (from --cluster).")],
    db: DbOpt = Path("detente.duckdb"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Load Parquet parts into the store, exactly once by doc_id (again is harmless)."""
    from detente.scale.load import count_documents, load_parts
    from detente.store import Store

    progress = None if quiet else run_progress("loading")
    with Store(db) as store, progress or contextlib.nullcontext():
        on_progress = None
        if progress is not None:
            task = progress.add_task("load", total=count_documents(parts), rate="–")

            def on_progress(n: int, summary) -> None:
                elapsed = progress.tasks[task].elapsed or 0.0
                rate = f"{summary.documents / elapsed:.1f}" if elapsed else "–"
                progress.advance(task, n)
                progress.update(task, rate=rate)

        summary = load_parts(parts, store, on_progress=on_progress)
    if not quiet:
        runs = ", ".join(str(run_id) for run_id in summary.runs) or "none"
        console.print(
            f"{summary.documents:,} documents loaded from {summary.partitions:,} partitions "
            f"into {db} (runs: {runs}); {summary.already_stored:,} already stored; "
            f"{summary.seconds:.1f} s",
            highlight=False,
            markup=False,
        )
