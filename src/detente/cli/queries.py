"""Commands over a store: stats, errors, dedup, dyad, panel, export (thin layers over ``Store``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from detente.cli.frames import check_format, print_frame, print_pairs
from detente.cli.main import DbOpt, app, console, err_console, handle_errors
from detente.errors import UsageError

OutputFormat = Annotated[
    str, typer.Option("--format", "-f", help="table (for people), csv or jsonl (for programs).")
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="First date: YYYY-MM-DD, YYYY-MM or YYYY.")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Last date: YYYY-MM-DD, YYYY-MM or YYYY (inclusive).")
]
AllModalities = Annotated[
    bool,
    typer.Option(
        "--all-modalities",
        help="Count intended, hoped, demanded ... events too (default: asserted only).",
    ),
]
IncludeNegated = Annotated[
    bool, typer.Option("--include-negated", help="Count negated events too.")
]
NoDedup = Annotated[
    bool,
    typer.Option("--no-dedup", help="Count every mention instead of deduplicated events."),
]


def open_existing(db: Path):
    """The store at ``--db`` read-only, or a directory of Parquet parts read in place."""
    from detente.scale.views import PartsStore, is_parts_dir
    from detente.store import Store

    if is_parts_dir(db):
        return PartsStore(db)
    if not db.exists():
        raise UsageError(f"--db {db}: no such store (run `detente run` first, or set DETENTE_DB)")
    return Store(db, read_only=True)


@app.command()
@handle_errors
def stats(db: DbOpt = Path("detente.duckdb"), fmt: OutputFormat = "table") -> None:
    """What the store holds."""
    check_format(fmt)
    with open_existing(db) as store:
        data = store.stats()
    print_pairs(console, data, fmt, title=str(db))


@app.command()
@handle_errors
def errors(
    db: DbOpt = Path("detente.duckdb"),
    run_id: Annotated[int | None, typer.Option("--run", help="Only this run.")] = None,
    fmt: OutputFormat = "table",
) -> None:
    """The problems recorded for bad inputs."""
    check_format(fmt)
    with open_existing(db) as store:
        frame = store.errors(run_id=run_id)
    if frame.empty and fmt == "table":
        which = f"run {run_id}" if run_id is not None else str(db)
        err_console.print(f"no problems recorded in {which}", highlight=False, markup=False)
        return
    columns = ["run_id", "ref", "record", "severity", "reason", "detail"]
    print_frame(console, frame[columns] if fmt == "table" else frame, fmt)


@app.command()
@handle_errors
def dedup(
    db: DbOpt = Path("detente.duckdb"),
    window: Annotated[
        int | None,
        typer.Option(
            "--window",
            help="Days within which reports of the same event are merged (default: the "
            "store's, else 1).",
        ),
    ] = None,
    fmt: OutputFormat = "table",
) -> None:
    """Rebuild the deduplicated events and show how many mentions they merge."""
    from detente.store import Store

    check_format(fmt)
    if not db.exists():
        raise UsageError(f"--db {db}: no such store (run `detente run` first, or set DETENTE_DB)")
    with Store(db) as store:
        summary = store.deduplicate(window_days=window)
    print_pairs(console, summary, fmt, title=f"deduplicated events in {db}")


@app.command()
@handle_errors
def dyad(
    a: Annotated[
        str,
        typer.Argument(
            help='Actor: ISO3 (JPN), code prefix (USAGOV), actor id or a stored name ("Shinzo Abe").'
        ),
    ],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    freq: Annotated[
        str, typer.Option("--freq", help="day, week, month, quarter or year.")
    ] = "month",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    one_way: Annotated[
        bool, typer.Option("--one-way", help="Only events from the first actor to the second.")
    ] = False,
    all_modalities: AllModalities = False,
    include_negated: IncludeNegated = False,
    no_dedup: NoDedup = False,
    db: DbOpt = Path("detente.duckdb"),
    fmt: OutputFormat = "table",
) -> None:
    """How relations between two actors move over time (events, quad classes, Goldstein)."""
    check_format(fmt)
    with open_existing(db) as store:
        frame = store.dyad(
            a,
            b,
            freq=freq,
            both_directions=not one_way,
            date_from=date_from,
            date_to=date_to,
            dedup=not no_dedup,
            asserted_only=not all_modalities,
            include_negated=include_negated,
        )
    if frame.empty:
        err_console.print(
            f"no dated events between {a} and {b} in {db}", highlight=False, markup=False
        )
    print_frame(console, frame, fmt, title=f"{a} – {b}")


@app.command()
@handle_errors
def panel(
    unit: Annotated[
        str,
        typer.Option(
            "--unit",
            help="country-month, dyad-month, dyad-day ... (country|dyad)-(day|week|month|quarter|year).",
        ),
    ] = "country-month",
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="Write to a .csv or .parquet file instead of printing."),
    ] = None,
    undirected: Annotated[
        bool, typer.Option("--undirected", help="Dyads as unordered pairs (A–B = B–A).")
    ] = False,
    role: Annotated[
        str, typer.Option("--role", help="Country panels: any, source or target.")
    ] = "any",
    countries: Annotated[
        str | None,
        typer.Option("--countries", help="Comma-separated ISO3 codes: a balanced panel of these."),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    all_modalities: AllModalities = False,
    include_negated: IncludeNegated = False,
    no_dedup: NoDedup = False,
    no_articles: Annotated[
        bool,
        typer.Option("--no-articles", help="Leave out the distinct-articles column (faster)."),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    db: DbOpt = Path("detente.duckdb"),
    fmt: OutputFormat = "csv",
) -> None:
    """A zero-filled panel of event counts per country or dyad and period."""
    check_format(fmt)
    listed = [c for c in countries.split(",") if c.strip()] if countries is not None else None
    with open_existing(db) as store:
        frame = store.panel(
            unit,
            directed=not undirected,
            role=role,
            date_from=date_from,
            date_to=date_to,
            countries=listed,
            dedup=not no_dedup,
            asserted_only=not all_modalities,
            include_negated=include_negated,
            articles=not no_articles,
        )
    if out is None:
        print_frame(console, frame, fmt, title=f"{unit} panel")
        return
    from detente.store.exports import write_frame

    write_frame(frame, Path(out), force=force)
    err_console.print(f"{len(frame):,} rows → {out}", highlight=False, markup=False)


@app.command()
@handle_errors
def export(
    table: Annotated[
        str,
        typer.Argument(
            help="documents, mentions, actors, places, quotes, events, event_clusters, errors or runs."
        ),
    ],
    out: Annotated[
        str, typer.Argument(help="Output file (its name gives the format), or - for stdout.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="parquet, csv, jsonl, gdelt, plover or polecat (default: from the file name).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing file (never a DuckDB file).")
    ] = False,
    header: Annotated[
        bool | None,
        typer.Option(
            "--header/--no-header", help="A header line (default: csv and polecat yes, gdelt no)."
        ),
    ] = None,
    all_modalities: AllModalities = False,
    include_negated: IncludeNegated = False,
    db: DbOpt = Path("detente.duckdb"),
) -> None:
    """Export a table: Parquet, CSV, JSON Lines; events also as GDELT 2.0, PLOVER JSON or POLECAT TSV."""
    target = sys.stdout.buffer if out == "-" else Path(out)
    with open_existing(db) as store:
        rows = store.export(
            table,
            target,
            fmt=fmt,
            force=force,
            header=header,
            asserted_only=not all_modalities,
            include_negated=include_negated,
        )
    err_console.print(f"{rows:,} rows → {out}", highlight=False, markup=False)
