"""Deduplication, panels and exports on the first N AllSides articles (real coding).

    python benchmarks/dedup_allsides.py --n 500 --write BENCHMARKS.md

Codes the articles into a store with the real pipeline (``--db`` keeps it for a re-run),
then reports: how many events deduplication merges (story level and across stories, with
windows of 1 and 3 days), the largest duplicate groups, whether a country-month and a
dyad-month panel come out zero-filled, whether the GDELT export loads in pandas and DuckDB
with the 61-name column list, and whether every PLOVER record validates against the schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import json
import tempfile
import time
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
from report import machine, markers, write_section

from detente.ingest import FieldMap, read_inputs
from detente.pipeline import PipelineOptions
from detente.pipeline import run as run_pipeline
from detente.store import Store
from detente.store.exports.plover import plover_schema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "allsides_international_politics.jsonl"
GDELT_COLUMNS = ROOT.parent / "shared" / "data" / "ontology" / "gdelt" / "gdelt2_event_columns.txt"


def code_corpus(store: Store, n: int) -> float:
    folder = Path(tempfile.mkdtemp())
    sample = folder / f"allsides_{n}.jsonl"
    with CORPUS.open(encoding="utf-8") as source:
        sample.write_text("".join(itertools.islice(source, n)), encoding="utf-8")
    items = read_inputs([str(sample)], fields=FieldMap(id="ID"))
    started = time.perf_counter()
    run_pipeline(items, store, options=PipelineOptions(), args={"paths": [str(sample)]})
    return time.perf_counter() - started


def top_groups(store: Store, k: int = 5) -> list[dict]:
    frame = store.sql(
        "SELECT date, source_key, target_key, cameo, num_mentions, num_stories, num_articles, "
        "num_sources FROM event_clusters WHERE modality = 'asserted' AND NOT negated "
        "ORDER BY num_articles DESC, num_mentions DESC, cluster_id LIMIT ?",
        [k],
    )
    return [
        {**row, "date": row["date"].date().isoformat() if pd.notna(row["date"]) else None}
        for row in frame.to_dict("records")
    ]


def check_panel(store: Store, unit: str, **kw) -> dict:
    panel = store.panel(unit, **kw)
    unit_columns = [
        c for c in panel.columns if c in ("country", "source_country", "target_country")
    ]
    units = panel[unit_columns].drop_duplicates()
    periods = panel["period"].nunique()
    return {
        "rows": len(panel),
        "units": len(units),
        "periods": periods,
        "zero_filled": len(panel) == len(units) * periods,
        "zero_rows": int((panel["events"] == 0).sum()),
        "events": int(panel["events"].sum()),
    }


def check_gdelt(store: Store) -> dict:
    buffer = io.BytesIO()
    rows = store.export("events", buffer, fmt="gdelt")
    names = GDELT_COLUMNS.read_text(encoding="utf-8").split()
    folder = Path(tempfile.mkdtemp())
    path = folder / "events.gdelt.tsv"
    path.write_bytes(buffer.getvalue())
    frame = pd.read_csv(
        path, sep="\t", header=None, names=names, quoting=3, dtype={"EventCode": str}
    )
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    loaded = (
        duckdb.connect()
        .execute(
            f"SELECT count(*) FROM read_csv('{path}', delim='\t', header=false, quote='', columns={columns})"
        )
        .fetchone()[0]
    )
    return {
        "rows": rows,
        "pandas_rows": len(frame),
        "duckdb_rows": int(loaded),
        "columns": frame.shape[1],
        "leading_zero_codes": int(frame["EventCode"].str.startswith("0").sum()),
        "multi_article_rows": int((frame["NumArticles"] > 1).sum()),
    }


def check_plover(store: Store) -> dict:
    buffer = io.BytesIO()
    rows = store.export("events", buffer, fmt="plover")
    validator = jsonschema.Draft202012Validator(plover_schema())
    invalid = sum(
        1
        for line in buffer.getvalue().decode("utf-8").splitlines()
        if not validator.is_valid(json.loads(line))
    )
    return {"records": rows, "invalid": invalid}


def bench(n: int, db: Path | None) -> dict:
    path = db or Path(tempfile.mkdtemp()) / "allsides.duckdb"
    with Store(path) as store:
        seconds = code_corpus(store, n) if store.stats()["documents"] == 0 else None
        store.deduplicate(window_days=1)
        day = store.dedup_summary()
        groups = top_groups(store)
        country_month = check_panel(store, "country-month")
        dyad_month = check_panel(store, "dyad-month")
        gdelt_check = check_gdelt(store)
        plover_check = check_plover(store)
        ((first_day, last_day),) = store.sql(
            "SELECT min(date), max(date) FROM event_clusters"
        ).values.tolist()
        three = store.deduplicate(window_days=3)
        store.deduplicate(window_days=1)
        stats = store.stats()
    return {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "n": n,
        "documents": stats["documents"],
        "coding_s": round(seconds, 1) if seconds else None,
        "window_1": day,
        "window_3": three,
        "top_groups": groups,
        "event_dates": [str(first_day)[:10], str(last_day)[:10]],
        "country_month": country_month,
        "dyad_month": dyad_month,
        "gdelt": gdelt_check,
        "plover": plover_check,
    }


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _pct(part: int, whole: int) -> str:
    return f"{100 * (1 - part / whole):.1f} %" if whole else "–"


def markdown(r: dict) -> str:
    begin, end = markers("dedup-allsides")
    d1, d3 = r["window_1"], r["window_3"]
    lines = [
        begin,
        f"Measured {r['date']} on {r['machine']}; the first {r['n']} articles of "
        f"`allsides_international_politics.jsonl` ({r['documents']} documents stored), coded with the "
        "default pipeline.",
        "Command: `python benchmarks/dedup_allsides.py --n 500 --write BENCHMARKS.md`.",
        "",
        "| events | all | occurred (asserted, not negated) |",
        "|---|---:|---:|",
        f"| coded (mentions) | {d1['events']:,} | {d1['occurred_events']:,} |",
        f"| story events (duplicates within an article merged) | {d1['story_events']:,} "
        f"({_pct(d1['story_events'], d1['events'])} fewer) | {d1['occurred_story_events']:,} "
        f"({_pct(d1['occurred_story_events'], d1['occurred_events'])} fewer) |",
        f"| deduplicated events, window 1 day | {d1['deduplicated_events']:,} "
        f"({_pct(d1['deduplicated_events'], d1['events'])} fewer) | "
        f"{d1['occurred_deduplicated_events']:,} "
        f"({_pct(d1['occurred_deduplicated_events'], d1['occurred_events'])} fewer) |",
        f"| deduplicated events, window 3 days | {d3['deduplicated_events']:,} "
        f"({_pct(d3['deduplicated_events'], d3['events'])} fewer) | "
        f"{d3['occurred_deduplicated_events']:,} "
        f"({_pct(d3['occurred_deduplicated_events'], d3['occurred_events'])} fewer) |",
        "",
        f"Occurred events reported by more than one article (window 1 day): "
        f"{d1['occurred_in_several_articles']:,}. Largest duplicate groups:",
        "",
        "| date | source | target | CAMEO | mentions | stories | articles | outlets |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for g in r["top_groups"]:
        lines.append(
            f"| {g['date']} | {g['source_key']} | {_text(g['target_key'])} | {g['cameo']} | "
            f"{g['num_mentions']} | {g['num_stories']} | {g['num_articles']} | {g['num_sources']} |"
        )
    cm, dm, gd, pl = r["country_month"], r["dyad_month"], r["gdelt"], r["plover"]
    lines += [
        "",
        "Articles spread over eight years rarely report the same happening on the same day, so "
        "most of the reduction comes from repeats within an article. "
        f"Event dates run from {r['event_dates'][0]} to {r['event_dates'][1]} (texts date past "
        "events, such as a treaty signed in 1987), hence the number of months in the panels "
        "below.",
        "",
        f"- Country-month panel: {cm['rows']:,} rows = {cm['units']} countries x {cm['periods']} months "
        f"(zero-filled: {'yes' if cm['zero_filled'] else 'NO'}; {cm['zero_rows']:,} rows with no event).",
        f"- Dyad-month panel: {dm['rows']:,} rows = {dm['units']:,} directed dyads x {dm['periods']} "
        f"months (zero-filled: {'yes' if dm['zero_filled'] else 'NO'}; {dm['zero_rows']:,} rows with no event).",
        f"- GDELT export: {gd['rows']:,} rows of {gd['columns']} columns; pandas (`names=` the 61 "
        f"columns) read {gd['pandas_rows']:,} rows and DuckDB (`read_csv(columns=…)`) {gd['duckdb_rows']:,}; "
        f"{gd['leading_zero_codes']:,} EventCodes keep their leading zero; {gd['multi_article_rows']:,} "
        "rows have NumArticles > 1.",
        f"- PLOVER export: {pl['records']:,} records, {pl['invalid']} invalid against "
        "`plover_event.schema.json`.",
        end,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--db", type=Path, default=None, help="Reuse (or create) this store.")
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    result = bench(args.n, args.db)
    print(json.dumps(result, indent=1, default=str))
    if args.write:
        write_section(
            args.write,
            markdown(result),
            name="dedup-allsides",
            heading="Deduplication, panels and exports on 500 AllSides articles",
        )


if __name__ == "__main__":
    main()
