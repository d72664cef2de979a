"""``detente`` — the command line. Each command is a thin layer over a library function."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from detente.errors import DetenteError, DictionaryError, InputError, UsageError

# rich_markup_mode=None: plain help, where flags read "--quiet", not "--quiet <bool>".
app = typer.Typer(
    help="détente: who did what to whom, who said what, where and when — from news, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(
    help="Score détente against the development gold sets.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(eval_app, name="eval")

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

STATE = {"debug": False}

# --- shared options ---------------------------------------------------------------------------
Paths = Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")]
DbOpt = Annotated[Path, typer.Option("--db", envvar="DETENTE_DB", help="DuckDB store file.")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="spaCy pipeline name or path (default en_core_web_md; env DETENTE_MODEL)."
    ),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option("--actors", help="PETRARCH-format actor or agent dictionary; repeatable."),
]
VerbsOpt = Annotated[
    list[str] | None, typer.Option("--verbs", help="PETRARCH-format verb dictionary; repeatable.")
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Date (YYYY-MM-DD) for documents whose metadata has none."),
]
TextField = Annotated[str, typer.Option("--text-field", help="Record field holding the text.")]
IdField = Annotated[str, typer.Option("--id-field", help="Record field holding the id.")]
DateField = Annotated[str, typer.Option("--date-field", help="Record field holding the date.")]
TitleField = Annotated[str, typer.Option("--title-field", help="Record field holding the title.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def handle_errors(func: Callable) -> Callable:
    """Our errors reach the user as one clear line; tracebacks only with --debug."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except DetenteError as e:
            if STATE["debug"]:
                raise
            raise fail(str(e), 2 if isinstance(e, UsageError | DictionaryError) else 1) from None
        except KeyboardInterrupt:
            raise fail("interrupted; run the same command again to resume", 130) from None

    return wrapper


def print_version(value: bool) -> None:
    if value:
        from detente.provenance import provenance

        console.print(provenance().coder(), highlight=False, markup=False)
        raise typer.Exit()


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version (and model) and exit.",
            callback=print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    STATE["debug"] = debug


def text_or_blank(value) -> str:
    """A table cell: pandas gives NaN/None/NA for missing values."""
    import pandas as pd

    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date in the form YYYY-MM-DD") from None


def check_files(flag: str, files: list[str] | None) -> tuple[str, ...]:
    for name in files or ():
        if not Path(name).is_file():
            raise UsageError(f"{flag} {name}: no such file")
    return tuple(files or ())


def read_items(paths: list[str], date: str | None, fields) -> Iterator:
    from detente.ingest import read_inputs

    return read_inputs(paths, date=date, fields=fields, stdin=sys.stdin)


def field_map(text_field: str, id_field: str, date_field: str, title_field: str):
    from detente.ingest import FieldMap

    return FieldMap(text=text_field, id=id_field, date=date_field, title=title_field)


def pipeline_options(model, actors, verbs, stages=None):
    from detente.pipeline import PipelineOptions

    actor_files = check_files("--actors", actors)
    if actor_files:
        from detente.kb import load_kb

        # malformed lines in a user dictionary are skipped, not fatal: say which
        for warning in load_kb(actor_files).warnings:
            err_console.print(f"[yellow]warning[/] --actors {warning}", highlight=False)
    return PipelineOptions(
        model=model,
        actor_files=actor_files,
        verb_files=check_files("--verbs", verbs),
        stages=stages,
    )


# --- run --------------------------------------------------------------------------------------


@app.command()
@handle_errors
def run(
    paths: Paths,
    db: DbOpt = Path("detente.duckdb"),
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    verbs: VerbsOpt = None,
    date: DateOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Documents per transaction.")
    ] = 32,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = "date",
    title_field: TitleField = "title",
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Code on Dask: local, local:N (N worker processes) or tcp://HOST:PORT "
            "(a running scheduler); see docs/scale.md.",
        ),
    ] = None,
    parts: Annotated[
        str | None,
        typer.Option(
            "--parts",
            help="With --cluster: where workers write Parquet parts, a directory or fsspec URL "
            "(default: DB.parts next to the store).",
        ),
    ] = None,
    no_load: Annotated[
        bool,
        typer.Option(
            "--no-load", help="With --cluster: write the parts only (load later: detente load)."
        ),
    ] = False,
) -> None:
    """Process articles into the store (idempotent; resumes after a crash)."""
    from detente.pipeline import count_inputs
    from detente.pipeline import run as run_pipeline
    from detente.store import Store

    if workers < 1 or batch_size < 1:
        raise UsageError("--workers and --batch-size must be at least 1")
    if cluster is None and (parts is not None or no_load):
        raise UsageError("--parts and --no-load go with --cluster")
    if cluster is not None and (strict or workers != 1):
        raise UsageError("--cluster codes on Dask workers: leave out --workers and --strict")
    options = pipeline_options(model, actors, verbs)
    fields = field_map(text_field, id_field, date_field, title_field)
    date = check_date(date)
    # a missing path is one bad input among others: a not-found error row, exit code 1
    items = read_items(paths, date, fields)
    args = {"paths": paths, "model": model, "actors": actors, "verbs": verbs, "date": date}
    progress = None if quiet else run_progress()
    store_context = contextlib.nullcontext() if no_load else Store(db)
    with store_context as store, progress or contextlib.nullcontext():
        on_progress = None
        if progress is not None:
            task = progress.add_task("run", total=count_inputs(paths), rate="–")

            def on_progress(n: int, summary) -> None:
                elapsed = progress.tasks[task].elapsed or 0.0
                rate = f"{summary.documents / elapsed:.1f}" if elapsed else "–"
                progress.update(
                    task, completed=summary.documents + summary.already_stored, rate=rate
                )

        if cluster is not None:
            from detente.cli.scale import run_cluster

            args["cluster"] = cluster
            summary = run_cluster(
                items,
                store,
                cluster=cluster,
                parts=parts or f"{db}.parts",
                options=options,
                batch_size=batch_size,
                args=args,
                quiet=quiet,
                on_progress=on_progress,
            )
        else:
            summary = run_pipeline(
                items,
                store,
                options=options,
                workers=workers,
                batch_size=batch_size,
                strict=strict,
                args=args,
                on_progress=on_progress,
            )
        if progress is not None:
            progress.update(task, completed=summary.inputs, total=summary.inputs)
    if quiet:
        for problem in summary.problems:  # scripts still learn why a run failed
            if problem.severity == "error":
                err_console.print(f"error: {problem_line(problem)}", highlight=False)
    else:
        print_summary(summary, db)
    if summary.errors:
        raise typer.Exit(1)


def run_progress(label: str = "coding") -> Progress:
    """The live bar of ``detente run``: documents done, docs/s, elapsed, ETA."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )


def problem_line(problem) -> str:
    where = problem.ref + (f" (record {problem.record})" if problem.record else "")
    return f"{where}: {problem.detail}"


def print_summary(summary, db: Path) -> None:
    title = f"run {summary.run_id} → {db}" if summary.run_id is not None else "parts only"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [
        ("documents stored", summary.documents),
        ("already in store", summary.already_stored),
        ("not English (stored, not coded)", summary.skipped_language),
        ("sentences", summary.sentences),
        ("mentions", summary.mentions),
        ("quotes", summary.quotes),
        ("events", summary.events),
        ("errors (inputs skipped)", summary.errors),
        ("warnings", summary.warnings),
        ("time", f"{summary.seconds:.1f} s"),
    ]
    if hasattr(summary, "parts_key"):  # a run on a Dask cluster
        from detente.cli.scale import cluster_rows

        rows += cluster_rows(summary)
    if summary.seconds and summary.documents:
        rows.append(
            (
                "throughput",
                f"{summary.documents / summary.seconds:.1f} docs/s, "
                f"{summary.words / summary.seconds:,.0f} words/s",
            )
        )
    for key, value in rows:
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)
    for problem in summary.problems[:10]:
        colour = "red" if problem.severity == "error" else "yellow"
        err_console.print(
            f"[{colour}]{problem.severity}[/] {problem_line(problem)}", highlight=False
        )
    if len(summary.problems) > 10:
        err_console.print(f"… and {len(summary.problems) - 10} more (detente errors)")


# --- extract without storing ------------------------------------------------------------------


def extract_command(what: str, stages: tuple[str, ...]) -> Callable:
    def command(
        paths: Paths,
        fmt: FormatOpt = "jsonl",
        model: ModelOpt = None,
        actors: ActorsOpt = None,
        verbs: VerbsOpt = None,
        date: DateOpt = None,
        text_field: TextField = "text",
        id_field: IdField = "id",
        date_field: DateField = "date",
        title_field: TitleField = "title",
    ) -> None:
        from detente.cli.output import jsonl_lines, records_table
        from detente.pipeline import extract

        if fmt not in ("jsonl", "table"):
            raise UsageError(f"--format {fmt!r}: choose jsonl or table")
        options = pipeline_options(model, actors, verbs, stages)
        fields = field_map(text_field, id_field, date_field, title_field)
        problems = []

        def articles():
            for item in read_items(paths, check_date(date), fields):
                if hasattr(item, "severity"):
                    problems.append(item)
                    if item.severity == "error":
                        continue
                else:
                    yield item

        results = extract(options.build(), articles())
        if fmt == "jsonl":
            out = sys.stdout
            for line in jsonl_lines(results, what):
                out.write(line + "\n")
            out.flush()
        else:
            console.print(records_table(results, what))
        for problem in problems:
            err_console.print(
                f"{problem.severity}: {problem.ref}: {problem.detail}", highlight=False
            )
        if any(p.severity == "error" for p in problems):
            raise typer.Exit(1)

    return handle_errors(command)


app.command("actors", help="Print actor and place mentions (no store).")(
    extract_command("mentions", ("actors",))
)
app.command("quotes", help="Print quotes with their speakers (no store).")(
    extract_command("quotes", ("actors", "quotes"))
)
app.command("events", help="Print coded events (no store).")(
    extract_command("events", ("actors", "quotes", "events"))
)


# --- brief ------------------------------------------------------------------------------------


@app.command()
@handle_errors
def brief(
    path: Annotated[
        str | None,
        typer.Argument(help="An article file, a record file (pick a record with --id), or -."),
    ] = None,
    record_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="Which record of a record file (its id or record number); with --db, "
            "the stored document's doc_id or ref.",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Show a document already in this store (no coding); see --id."),
    ] = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    verbs: VerbsOpt = None,
    date: DateOpt = None,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = "date",
    title_field: TitleField = "title",
) -> None:
    """A one-screen summary of one article: actors, places, quotes, events."""
    from detente.cli.brief import render_brief

    if db is not None:
        if path is not None or record_id is None:
            raise UsageError(
                "with --db, name the stored document with --id DOC_ID_OR_REF (no path)"
            )
        from detente.cli.queries import open_existing

        with open_existing(db) as store:
            render_brief(console, store.document_result(record_id))
        return
    if path is None:
        raise UsageError("name an article file (or -), or a stored document with --db and --id")
    if path != "-" and not Path(path).exists():
        raise UsageError(f"{path}: no such file or directory")
    from detente.pipeline import extract

    options = pipeline_options(model, actors, verbs)
    fields = field_map(text_field, id_field, date_field, title_field)
    article, more = pick_article(read_items([path], check_date(date), fields), path, record_id)
    result = next(extract(options.build(), [article]))
    render_brief(console, result)
    if more:
        err_console.print(
            f"{path} holds more records; choose one with --id ID", highlight=False, markup=False
        )


def pick_article(items, path: str, record_id: str | None):
    """The article to brief (the first, or the one with ``record_id``) and whether the
    input holds others besides it."""
    chosen = None
    for item in items:
        if hasattr(item, "severity"):
            if item.severity == "error" and (record_id is None or item.record == record_id):
                raise InputError(item.ref, item.reason, item.detail, record=item.record)
            continue
        if chosen is not None:
            return chosen, True
        if record_id is None or record_id in (item.ref, item.record):
            chosen = item
            if record_id is not None:
                return chosen, False
    if chosen is not None:
        return chosen, False
    if record_id is not None:
        raise InputError(path, "no-text", f"no record with id or number {record_id!r}")
    raise InputError(path, "no-text", "no article found")


# --- eval -------------------------------------------------------------------------------------


def print_report(report) -> None:
    console.print(report.to_markdown(), markup=False, highlight=False)


@eval_app.command("quotes")
@handle_errors
def eval_quotes(
    split: Annotated[str, typer.Option("--split", help="train or dev.")] = "dev",
    gold: Annotated[Path | None, typer.Option("--gold", help="PolNeAR directory.")] = None,
    model: ModelOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N texts.")] = None,
) -> None:
    """Quotes against PolNeAR attribution gold."""
    from detente.eval.common import check_gold
    from detente.eval.quotes import DEFAULT_GOLD_DIR, evaluate_quotes

    if gold is None:
        check_gold(DEFAULT_GOLD_DIR)
    kwargs = {"gold_dir": gold} if gold else {}
    print_report(evaluate_quotes(split=split, model=model, limit=limit, **kwargs))


def gold_file_eval(module: str, function: str, gold_help: str, doc: str) -> Callable:
    """An eval command scoring against one gold file: ``--gold`` and ``--model``."""

    def command(gold=None, model=None) -> None:
        import importlib
        import inspect

        from detente.eval.common import check_gold

        evaluate = getattr(importlib.import_module(module), function)
        if gold is None:
            check_gold(inspect.signature(evaluate).parameters["gold_path"].default)
        kwargs = {"gold_path": gold} if gold else {}
        print_report(evaluate(model=model, **kwargs))

    # real annotation objects (this module's string annotations cannot see gold_help)
    command.__annotations__ = {
        "gold": Annotated[Path | None, typer.Option("--gold", help=gold_help)],
        "model": ModelOpt,
        "return": None,
    }
    command.__doc__ = doc
    return handle_errors(command)


eval_app.command("events")(
    gold_file_eval(
        "detente.eval.events",
        "evaluate_plover",
        "PLOVER gold JSON.",
        "Events against the PLOVER gold sentences.",
    )
)
eval_app.command("petrarch")(
    gold_file_eval(
        "detente.eval.events",
        "evaluate_petrarch",
        "PETRARCH unit-test XML.",
        "Events against PETRARCH's unit-test records, with that suite's dictionaries.",
    )
)
eval_app.command("actors")(
    gold_file_eval(
        "detente.eval.actors",
        "evaluate_actors",
        "PLOVER gold JSON.",
        "Actor recognition and country coding against the PLOVER gold actors.",
    )
)


# Commands in their own modules register themselves on ``app`` (after the shared options exist).
from detente.cli import queries as _queries  # noqa: E402,F401
from detente.cli import scale as _scale  # noqa: E402,F401
from detente.cli import serve as _serve  # noqa: E402,F401


def entry() -> None:  # pragma: no cover - console script
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
