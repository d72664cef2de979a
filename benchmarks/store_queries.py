"""Dyad and panel queries over a synthetic store of one million events.

    python benchmarks/store_queries.py --events 1000000 --write BENCHMARKS.md

Generates the store through the real write path (``Store.write_results`` with coded
records, then ``finish_run``, which deduplicates), then times each query: one warm-up
call, then the median of ``--repeat`` calls. The synthetic news: 5 events per article
over 2015-2019, actors from 150 countries with Zipf-like frequencies and CAMEO sectors,
CAMEO codes from the shipped table, 85 % asserted / 5 % negated, a third of the events
re-reports of an earlier happening (same actors, code and day: what deduplication merges)
and one in ten coded both ways (symmetric meetings).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from report import machine, markers, write_section

from detente.crosswalk import country_codes
from detente.knowledge import load_knowledge
from detente.records import Actor, Article, DocResult, Event, EventActor, TextSpan
from detente.store import Store, panel_layer, panels
from detente.store.factuality import Factuality

EVENTS_PER_DOC = 5
# The most frequent countries first (Zipf-like weights follow this order).
FREQUENT = ("USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "ISR", "IRN", "SYR", "PRK",
            "KOR", "TUR", "UKR", "SAU", "PAK", "AFG", "IRQ", "EGY")  # fmt: skip
SECTORS = ("GOV", "GOV", "GOV", "MIL", "ELI", "OPP", "BUS", "MED", "")
OUTLETS = [f"Outlet {i}" for i in range(30)]
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2019, 12, 31) - START).days + 1
SENTENCE = "Somebody did something to somebody else on that day."


def _text(doc: int) -> tuple[str, int, list[int]]:
    head = f"Story {doc}\n\nA lead paragraph for story {doc}.\n"
    starts = [len(head) + i * (len(SENTENCE) + 1) for i in range(EVENTS_PER_DOC)]
    return head + "\n".join([SENTENCE] * EVENTS_PER_DOC), len(f"Story {doc}\n\n"), starts


def generate(store: Store, n_events: int, seed: int, batch_docs: int = 4000) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    states = sorted((codes.cow_code, c) for c, codes in country_codes().items() if codes.cow_code)
    countries = list(FREQUENT) + [c for _, c in states if c not in FREQUENT]
    countries = countries[:150]
    weights = 1 / np.arange(1, len(countries) + 1) ** 1.1
    weights /= weights.sum()
    table = [c for c in load_knowledge().cameo.codes.values() if len(c.code) >= 3 and c.plover]
    n_docs = n_events // EVENTS_PER_DOC
    pool: list[tuple] = []  # happenings to re-report
    run_id = store.begin_run(command="benchmark", args={"events": n_events, "seed": seed})
    started = time.perf_counter()
    for first in range(0, n_docs, batch_docs):
        results = []
        for doc in range(first, min(first + batch_docs, n_docs)):
            text, body_start, starts = _text(doc)
            day = START + dt.timedelta(days=int(rng.integers(DAYS)))
            article = Article(
                ref=f"doc{doc}",
                text=text,
                title=f"Story {doc}",
                date=day.isoformat(),
                source=OUTLETS[int(rng.integers(len(OUTLETS)))],
                url=f"https://news.example/{doc}",
                body_start=body_start,
                lang="en",
            )
            doc_id = article.doc_id
            events = []
            actors = {}
            for k, sentence_start in enumerate(starts):
                if pool and rng.random() < 0.33:
                    source, target, entry, event_day = pool[int(rng.integers(len(pool)))]
                else:
                    a, b = rng.choice(len(countries), size=2, p=weights)
                    source = countries[a] + SECTORS[int(rng.integers(len(SECTORS)))]
                    target = countries[b] + SECTORS[int(rng.integers(len(SECTORS)))]
                    entry = table[int(rng.integers(len(table)))]
                    event_day = day
                    if len(pool) < 200_000:
                        pool.append((source, target, entry, event_day))
                roll = rng.random()
                modality = "asserted" if roll < 0.85 else ("intended" if roll < 0.95 else "hoped")
                trigger = TextSpan("did", sentence_start + 9, sentence_start + 12)

                event = Event(
                    doc_id=doc_id,
                    start=trigger.start,
                    end=trigger.end,
                    sentence_start=sentence_start,
                    sentence_end=sentence_start + len(SENTENCE),
                    trigger=trigger,
                    date=event_day.isoformat(),
                    source=_side(source, sentence_start, actors),
                    target=_side(target, sentence_start + 30, actors),
                    cameo=entry.code,
                    cameo_root=entry.root,
                    plover=entry.plover,
                    quad_class=entry.quad_class,
                    goldstein=entry.goldstein,
                    negated=bool(rng.random() < 0.05),
                    modality=modality,
                    rule="synthetic",
                )
                events.append(event)
                if k == 0 and rng.random() < 0.5:  # every tenth event is a symmetric meeting
                    events.append(
                        Event(**{**_fields(event), "source": event.target, "target": event.source})
                    )
            results.append(
                DocResult(article, sentences=6, events=events, actors=list(actors.values()))
            )
        store.write_results(results, run_id=run_id)
    write_seconds = time.perf_counter() - started
    started = time.perf_counter()
    store.finish_run(run_id, status="finished", summary={})  # deduplicates
    return write_seconds, time.perf_counter() - started


def _side(code: str, at: int, actors: dict) -> EventActor:
    actor_id = f"state:{code}"
    actors[actor_id] = Actor(actor_id, code, "state", code, code[:3], code[3:] or None)
    return EventActor("Somebody", at, at + 8, actor_id, code, code, code[:3], code[3:] or None)


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in Event.__dataclass_fields__}


def timed(call, repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU milliseconds of ``repeat`` calls after one warm-up call.
    CPU time counts every thread of this process: on a machine shared with other jobs it
    shows the work a query takes when wall-clock time is inflated by waiting for a core."""
    result = call()  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


DYADS = {
    "dyad USA–CHN per month (2015-2019)": lambda s: s.dyad("USA", "CHN"),
    "dyad USAGOV–RUSGOV per month, one way": lambda s: s.dyad(
        "USAGOV", "RUSGOV", both_directions=False
    ),
    "dyad USA–CHN per day, 2018": lambda s: s.dyad(
        "USA", "CHN", freq="day", date_from="2018", date_to="2018"
    ),
    "dyad USA–CHN per month, every mention (no dedup)": lambda s: s.dyad("USA", "CHN", dedup=False),
}
YEAR = {"date_from": "2019", "date_to": "2019"}
# Every panel unit over one year and five years, zero-filled: every country seen (country
# panels) or the 20 most active countries (dyad panels: every observed pair by day would
# be millions of rows, over max_rows); then other switches.
PANELS: dict[str, tuple[str, dict]] = {}
for _freq in ("day", "week", "month", "quarter", "year"):
    for _span, _dates in (("2019", YEAR), ("5 years", {})):
        PANELS[f"country-{_freq}, {_span}, all countries"] = (f"country-{_freq}", _dates)
for _freq in ("day", "week", "month", "quarter", "year"):
    for _span, _dates in (("2019", YEAR), ("5 years", {})):
        PANELS[f"dyad-{_freq}, {_span}, 20 listed countries"] = (
            f"dyad-{_freq}",
            {**_dates, "countries": "listed"},
        )
PANELS.update(
    {
        "country-month, 5 years, no articles column": ("country-month", {"articles": False}),
        "country-month, 2019-03-15 to 2019-11-20 (cut months)": (
            "country-month",
            {"date_from": "2019-03-15", "date_to": "2019-11-20"},
        ),
        "country-month as source, 2019": ("country-month", {**YEAR, "role": "source"}),
        "country-month, 2019, every modality and negation": (
            "country-month",
            {**YEAR, "asserted_only": False, "include_negated": True},
        ),
        "dyad-month undirected, 2019, all observed pairs": (
            "dyad-month",
            {**YEAR, "directed": False},
        ),
    }
)
LISTED: list[str] = []


def run(n_events: int, repeat: int, seed: int, path: Path | None, scan_repeat: int) -> dict:
    path = path or Path(tempfile.mkdtemp()) / "bench.duckdb"
    with Store(path) as store:
        if store.stats()["events"] == 0:
            write_s, dedup_s = generate(store, n_events, seed)
        else:  # generated by an earlier call: its run says how long writing and dedup took
            ((seconds,),) = store.sql(
                "SELECT epoch(finished_at) - epoch(started_at) FROM runs "
                "WHERE command = 'benchmark' ORDER BY run_id LIMIT 1"
            ).values.tolist()
            write_s, dedup_s = seconds, None
        started, cpu = time.perf_counter(), time.process_time()
        store.deduplicate()
        rebuild_s = time.perf_counter() - started
        rebuild_cpu_s = time.process_time() - cpu
        con = store.cursor()
        started, cpu = time.perf_counter(), time.process_time()
        con.begin()
        panel_layer.rebuild(con)
        con.commit()
        layer_s, layer_cpu_s = time.perf_counter() - started, time.process_time() - cpu
        layer_rows = {
            table: int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("panel_rows", "panel_months")
        }
        stats = store.stats()
        summary = store.dedup_summary()
        top = store.sql(
            "SELECT source_country AS c, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
        )
        LISTED[:] = top["c"].tolist()
        timings, panel_timings = {}, {}
        load_before = os.getloadavg()[0]
        for name, query in DYADS.items():
            ms, cpu_ms, frame = timed(lambda q=query: q(store), repeat)
            timings[name] = {"ms": round(ms, 1), "cpu_ms": round(cpu_ms, 1), "rows": len(frame)}
        con = store.cursor()
        for name, (unit, options) in PANELS.items():
            row = {}
            for path, layer in (("layer", True), ("scan", False)):
                ms, cpu_ms, frame = timed(
                    lambda u=unit, o=options, x=layer: panel(con, u, o, x),
                    repeat if layer else scan_repeat,
                )
                row[path] = {"ms": round(ms, 1), "cpu_ms": round(cpu_ms, 1)}
            row["rows"] = len(frame)
            panel_timings[name] = row
        load = (load_before, os.getloadavg()[0])
    return {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "path": str(path),
        "events": stats["events"],
        "documents": stats["documents"],
        "deduplicated_events": summary["deduplicated_events"],
        "occurred_deduplicated_events": summary["occurred_deduplicated_events"],
        "write_s": round(write_s, 1) if write_s else None,
        "dedup_s": round(dedup_s, 1) if dedup_s else None,
        "rebuild_s": round(rebuild_s, 1),
        "rebuild_cpu_s": round(rebuild_cpu_s, 1),
        "layer_s": round(layer_s, 1),
        "layer_cpu_s": round(layer_cpu_s, 1),
        "layer_rows": layer_rows,
        "repeat": repeat,
        "load": [round(x, 1) for x in load],
        "scan_repeat": scan_repeat,
        "timings": timings,
        "panel_timings": panel_timings,
    }


def panel(con, unit: str, options: dict, layer: bool):
    """``Store.panel`` through the panel layer (``layer``) or the scan of deduplicated events
    it replaces (the same numbers: tests/test_panels.py)."""
    options = dict(options)
    if options.get("countries") == "listed":
        options["countries"] = LISTED
    spec = panels.PanelSpec.parse(
        unit, directed=options.pop("directed", True), role=options.pop("role", "any")
    )
    factuality = Factuality(
        options.pop("asserted_only", True), options.pop("include_negated", False)
    )
    options.setdefault("date_from", None)
    options.setdefault("date_to", None)
    return panels.panel(con, spec, factuality=factuality, dedup=True, layer=layer, **options)


def markdown(r: dict) -> str:
    begin, end = markers("store-queries")
    rows = r["layer_rows"]
    lines = [
        begin,
        f"Measured {r['date']} on {r['machine']}; a synthetic store of {r['events']:,} events in "
        f"{r['documents']:,} documents ({r['deduplicated_events']:,} deduplicated events, "
        f"{r['occurred_deduplicated_events']:,} of them occurred).",
        "Command: `python benchmarks/store_queries.py --events 1000000 --write BENCHMARKS.md` "
        "(`--db` reuses a store generated by an earlier call).",
        (
            f"Writing the store through `Store.write_results`: {r['write_s']} s; deduplication at "
            f"the end of the run: {r['dedup_s']} s"
            if r["dedup_s"] is not None
            else f"Writing the store and deduplicating it (an earlier call): {r['write_s']} s"
        )
        + f". A rebuild with `detente dedup`: {r['rebuild_s']} s wall, {r['rebuild_cpu_s']} s CPU, "
        f"of which the panel layer ({rows['panel_rows']:,} rows in `panel_rows`, "
        f"{rows['panel_months']:,} in `panel_months`): {r['layer_s']} s wall, "
        f"{r['layer_cpu_s']} s CPU.",
        f"Each query: one warm-up call, then the median of {r['repeat']} calls (a DataFrame "
        f"returned; the scan: {r['scan_repeat']} calls). Load average (1 min) before and after "
        f"the timings: {r['load'][0]} and {r['load'][1]} on 2 cores: wall-clock times include "
        "waiting for a core when other jobs run; CPU time (all threads of the process) is the "
        "work itself.",
        "",
        "| dyad query | rows | median wall ms | median CPU ms |",
        "|---|---:|---:|---:|",
    ]
    for name, t in r["timings"].items():
        lines.append(f"| {name} | {t['rows']:,} | {t['ms']} | {t['cpu_ms']} |")
    lines += [
        "",
        "Panels (`store.panel(...)`, zero-filled, deduplicated occurred events unless said): "
        "through the panel layer, and through the scan of `event_clusters` it replaced "
        "(`panels.panel(..., layer=False)`, what `store.panel` did before; the same numbers).",
        "",
        "| panel | rows | layer wall ms | layer CPU ms | scan wall ms | scan CPU ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in r["panel_timings"].items():
        layer, scan = t["layer"], t["scan"]
        lines.append(
            f"| {name} | {t['rows']:,} | {layer['ms']} | {layer['cpu_ms']} | {scan['ms']} "
            f"| {scan['cpu_ms']} |"
        )
    every = {**r["timings"], **{k: v["layer"] for k, v in r["panel_timings"].items()}}
    slow = [name for name, t in every.items() if t["ms"] >= 200]
    lines += [
        "",
        f"Under 200 ms wall-clock: {len(every) - len(slow)} of {len(every)} queries; over: "
        f"{'; '.join(slow) or 'none'}.",
        end,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--scan-repeat", type=int, default=3, help="Repeats of the scan each panel replaces."
    )
    parser.add_argument("--db", type=Path, default=None, help="Reuse (or create) this store.")
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.events, args.repeat, args.seed, args.db, args.scan_repeat)
    print(json.dumps(result, indent=1))
    if args.write:
        write_section(
            args.write,
            markdown(result),
            name="store-queries",
            heading="Store queries on 1 million events",
        )


if __name__ == "__main__":
    main()
