"""``detente`` — the command line. Each command is a thin layer over a library function."""

from __future__ import annotations

import contextlib
import functools
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import click
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

from detente.cli.output import plain
from detente.errors import (
    DetenteError,
    DictionaryError,
    GoldDataError,
    InputError,
    ModelError,
    StoreError,
    Terminated,
    UsageError,
)

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
kb_app = typer.Typer(
    help="Check the dictionaries you bring (docs/dictionaries.md).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(kb_app, name="kb")

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
    err_console.print(f"[bold red]error:[/] {plain(message)}", highlight=False)
    return typer.Exit(code)


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a command the way Ctrl-C does (``Terminated`` is a KeyboardInterrupt):
    a run is marked interrupted, its workers stopped and the store's lock freed."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return

    def on_sigterm(signum, frame) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def handle_errors(func: Callable) -> Callable:
    """Our errors reach the user as one clear line; tracebacks only with --debug."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with sigterm_as_interrupt():
                return func(*args, **kwargs)
        except DetenteError as e:
            if STATE["debug"]:
                raise
            code = 2 if isinstance(e, UsageError | DictionaryError) else 1
            raise fail(f"{e}{flag_hint(e)}", code) from None
        except Terminated:
            raise fail(
                "terminated (SIGTERM); run the same command again to resume",
                128 + signal.SIGTERM,
            ) from None
        except KeyboardInterrupt:
            raise fail("interrupted; run the same command again to resume", 130) from None
        except (typer.Exit, typer.Abort, click.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the last line of defence: still one line
            if STATE["debug"]:
                raise
            raise fail(
                f"internal error (a bug in détente, please report it): {type(e).__name__}: "
                f"{e}; --debug shows the traceback"
            ) from None

    return wrapper


# The flag that chooses what a library error is about (the library names no flag).
FLAG_OF_ERROR = ((ModelError, "--model"), (StoreError, "--db"), (GoldDataError, "--gold"))
FLAG_OF_PROBLEM = {"no-text": "--text-field", "bad-date": "--date-field, --date"}


def flag_hint(error: DetenteError) -> str:
    for kind, flag in FLAG_OF_ERROR:
        if isinstance(error, kind):
            return f" (see {flag})"
    return ""


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
    library = logging.getLogger("detente")
    if debug and not any(isinstance(h, _DebugHandler) for h in library.handlers):
        # the library logs what it recovers from (a document whose coding raised) with
        # its traceback: show those too
        library.addHandler(_DebugHandler())
        library.setLevel(logging.DEBUG)


class _DebugHandler(logging.Handler):
    """The library's debug log on (the current) stderr (``--debug``)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


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


def read_items(paths: list[str], date: str | None, fields) -> Iterator:
    from detente.ingest import read_inputs

    return read_inputs(paths, date=date, fields=fields, stdin=sys.stdin)


def field_map(text_field: str, id_field: str, date_field: str, title_field: str):
    from detente.ingest import FieldMap

    return FieldMap(text=text_field, id=id_field, date=date_field, title=title_field)


def pipeline_options(model, actors, verbs, stages=None):
    from detente.pipeline import PipelineOptions, check_dictionaries

    actor_files, verb_files = tuple(actors or ()), tuple(verbs or ())
    check_dictionaries(actor_files=actor_files, verb_files=verb_files)
    if actor_files:
        from detente.knowledge import load_knowledge

        # malformed lines in a user dictionary are skipped, not fatal: say which (the
        # pipeline's stages get this same Knowledge: the files are read once)
        knowledge = load_knowledge(actor_files=actor_files, verb_files=verb_files)
        for warning in knowledge.kb.warnings:
            err_console.print(f"[yellow]warning[/] --actors {plain(warning)}", highlight=False)
    return PipelineOptions(
        model=model, actor_files=actor_files, verb_files=verb_files, stages=stages
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
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes (at most the CPU cores).")
    ] = 1,
    force_workers: Annotated[
        bool, typer.Option("--force-workers", help="Allow more --workers than CPU cores.")
    ] = False,
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
    from detente.ingest import count_records
    from detente.pipeline import available_cores
    from detente.pipeline import run as run_pipeline
    from detente.store import Store

    if workers < 1 or batch_size < 1:
        raise UsageError("--workers and --batch-size must be at least 1")
    if cluster is None and (parts is not None or no_load):
        raise UsageError("--parts and --no-load go with --cluster")
    if cluster is not None and (strict or workers != 1):
        raise UsageError("--cluster codes on Dask workers: leave out --workers and --strict")
    cores = available_cores()
    if workers > cores and not force_workers:
        err_console.print(
            f"[yellow]warning[/] --workers {workers} capped at {cores}: this machine has "
            f"{cores} CPU cores (--force-workers to start {workers})",
            highlight=False,
        )
        workers = cores
    options = pipeline_options(model, actors, verbs)
    fields = field_map(text_field, id_field, date_field, title_field)
    date = check_date(date)
    # a missing path is one bad input among others: a not-found error row, exit code 1
    items = read_items(paths, date, fields)
    args = {
        "paths": paths,
        "model": model,
        "actors": actors,
        "verbs": verbs,
        "date": date,
        "workers": workers,
    }
    progress = None if quiet else run_progress()
    store_context = contextlib.nullcontext() if no_load else Store(db)
    with store_context as store, progress or contextlib.nullcontext():
        on_progress = None
        if progress is not None:
            task = progress.add_task("run", total=count_records(paths), rate="–")

            def on_progress(n: int, summary) -> None:
                elapsed = progress.tasks[task].elapsed or 0.0
                rate = f"{summary.documents / elapsed:.1f}" if elapsed else "–"
                progress.update(
                    task,
                    completed=summary.documents + summary.already_stored + summary.duplicates,
                    rate=rate,
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
                err_console.print(f"error: {plain(problem_line(problem))}", highlight=False)
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
    """One line for a problem, naming its input once (most details start with it), and
    the flag that could mend it (the library names no flag)."""
    flag = FLAG_OF_PROBLEM.get(problem.reason)
    hint = f" (see {flag})" if flag else ""
    if problem.detail.startswith(problem.ref):
        return problem.detail + hint
    where = problem.ref + (f" (record {problem.record})" if problem.record else "")
    return f"{where}: {problem.detail}{hint}"


def print_summary(summary, db: Path) -> None:
    title = f"run {summary.run_id} → {plain(db)}" if summary.run_id is not None else "parts only"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [
        ("documents stored", summary.documents),
        ("already in store", summary.already_stored),
        ("duplicates (same text, other record)", summary.duplicates),
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
            f"[{colour}]{problem.severity}[/] {plain(problem_line(problem))}", highlight=False
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
                f"{problem.severity}: {plain(problem_line(problem))}", highlight=False
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
    console.print(report.to_markdown(), markup=False, highlight=False, soft_wrap=True)


@eval_app.command("quotes")
@handle_errors
def eval_quotes(
    split: Annotated[
        str, typer.Option("--split", help="PolNeAR: train or dev; BBC gold: dev or test.")
    ] = "dev",
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold",
            help="PolNeAR directory (default), or détente's BBC quote gold (gold/quotes_bbc).",
        ),
    ] = None,
    model: ModelOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N texts.")] = None,
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            help="PolNeAR only: score half A or B of the split (texts sorted by name, "
            "even or odd positions), the guard against tuning to a few texts.",
        ),
    ] = None,
    clauses_only: Annotated[
        bool,
        typer.Option(
            "--clauses-only",
            help="PolNeAR only: score reported speech only where its content is a clause "
            "(our guideline's definition), a second number beside PolNeAR's own.",
        ),
    ] = False,
) -> None:
    """Quotes against PolNeAR attribution gold, or against détente's own BBC quote gold."""
    from detente.eval.common import check_half
    from detente.eval.quotes_gold import ARTICLES_FILE, evaluate_bbc_quotes

    check_half(half)  # before any gold is read
    if gold is not None and (gold / ARTICLES_FILE).is_file():
        if half is not None or clauses_only:
            raise InputError(
                str(gold), "bad-half", "--half and --clauses-only apply to PolNeAR only"
            )
        report = evaluate_bbc_quotes(gold_dir=gold, split=split, model=model, limit=limit)
    else:
        from detente.eval.quotes import evaluate_quotes

        kwargs = {"gold_dir": gold} if gold else {}
        report = evaluate_quotes(
            split=split, model=model, limit=limit, half=half, clauses_only=clauses_only, **kwargs
        )
    print_report(report)


def gold_file_eval(module: str, function: str, gold_help: str, doc: str) -> Callable:
    """An eval command scoring against one gold file: ``--gold`` and ``--model``."""

    def command(gold=None, model=None) -> None:
        import importlib

        # a missing or bad gold fails in the evaluation before the model loads
        evaluate = getattr(importlib.import_module(module), function)
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


@eval_app.command("petrarch")
@handle_errors
def eval_petrarch(
    gold: Annotated[Path | None, typer.Option("--gold", help="PETRARCH unit-test XML.")] = None,
    model: ModelOpt = None,
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            help="Score half A or B of the records (ids sorted, even or odd positions), "
            "the guard against tuning to a few records.",
        ),
    ] = None,
) -> None:
    """Events against PETRARCH's unit-test records, with that suite's dictionaries."""
    from detente.eval.events import evaluate_petrarch

    kwargs = {"gold_path": gold} if gold else {}
    print_report(evaluate_petrarch(model=model, half=half, **kwargs))


@eval_app.command("realnews")
@handle_errors
def eval_realnews(
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="train, dev, dev2, test, test2 … test6 (the latest test split: once, at the end).",
        ),
    ] = "dev",
    annotator: Annotated[
        str, typer.Option("--annotator", help="Whose gold: A (the union) or B (second).")
    ] = "A",
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Real-news gold directory (gold/realnews).")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every miss and false positive.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """Events against our real-news gold (docs/gold/events-guideline.md)."""
    from detente.eval.realnews import evaluate_realnews

    kwargs = {"gold_dir": gold} if gold else {}
    print_report(
        evaluate_realnews(split=split, annotator=annotator, model=model, errors=errors, **kwargs)
    )


@kb_app.command("check")
@handle_errors
def kb_check(
    files: Annotated[
        list[Path],
        typer.Argument(help="CSV of people and roles, or PETRARCH actor/agent dictionaries."),
    ],
) -> None:
    """Validate dictionaries: every malformed line or row with its line number. Exit code 1
    when a file has problems (the valid rows would still load with --actors)."""
    from detente.kb.load import check_dictionary

    problems = 0
    for path in files:
        report = check_dictionary(path)
        problems += len(report.problems)
        print_report(report)
    if problems:
        raise typer.Exit(1)


REALNEWS_GOLD = "realnews"


@eval_app.command("actors")
@handle_errors
def eval_actors(
    gold: Annotated[
        str | None,
        typer.Option(
            "--gold",
            help=f"PLOVER gold JSON (default: the shared dev set), or '{REALNEWS_GOLD}' for the "
            "source and target actors of our real-news event gold.",
        ),
    ] = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Real-news split: train, dev, dev2, test, test2 … test6 (the latest: once).",
        ),
    ] = "dev",
    annotator: Annotated[
        str, typer.Option("--annotator", help="Real-news gold: A (the union) or B (second).")
    ] = "A",
    model: ModelOpt = None,
) -> None:
    """Actor recognition and country coding against the PLOVER gold actors, or the country
    of the actors of our real-news event gold (``--gold realnews``)."""
    from detente.eval.actors import evaluate_actors, evaluate_realnews_actors

    if gold == REALNEWS_GOLD:
        print_report(evaluate_realnews_actors(split=split, annotator=annotator, model=model))
        return
    kwargs = {"gold_path": Path(gold)} if gold else {}
    print_report(evaluate_actors(model=model, **kwargs))


@eval_app.command("places")
@handle_errors
def eval_places(
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help=(
                "dev, test (once, at the end), a held-out split (test2 and the ones drawn"
                " after it: each once, by the lead) or all (dev and test)."
            ),
        ),
    ] = "dev",
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Place gold JSONL (gold/places/gold.A.jsonl).")
    ] = None,
    model: ModelOpt = None,
) -> None:
    """Place countries against our place gold (docs/gold/places-guideline.md)."""
    from detente.eval.places import evaluate_places

    kwargs = {"gold_path": gold} if gold else {}
    print_report(evaluate_places(split=split, model=model, **kwargs))


# Commands in their own modules register themselves on ``app`` (after the shared options exist).
from detente.cli import queries as _queries  # noqa: E402,F401
from detente.cli import scale as _scale  # noqa: E402,F401
from detente.cli import serve as _serve  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    app()
