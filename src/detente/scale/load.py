"""``detente load PARTS --db FILE``: Parquet parts into a store, exactly once by ``doc_id``.

Partitions load in part order (input order within a run, runs by start time), one
transaction each, so the store's ids come out as a run in one process would give them.
Each coding run in the parts becomes one run of the store (``command`` "load"), with the
provenance of the coder that wrote the parts and the run it came from in ``args``. Loading
the same parts twice adds nothing; a load stopped half-way is finished by loading again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from detente.records import Problem
from detente.scale.parts import PartsDir, run_key_of
from detente.store.schema import RUN_PROVENANCE


@dataclass
class LoadSummary:
    parts: str
    runs: list[int] = field(default_factory=list)  # the store runs this load made
    partitions: int = 0
    documents: int = 0  # added to the store
    already_stored: int = 0
    duplicates: int = 0  # records of a document coded from another record (document_refs)
    input_problems: int = 0  # rows of errors found while reading the inputs
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


LoadProgress = Callable[[int, LoadSummary], None]


def load_parts(parts: str, store, *, on_progress: LoadProgress | None = None) -> LoadSummary:
    """Load every complete partition under ``parts`` into ``store`` (see the module doc)."""
    started = time.perf_counter()
    layout = PartsDir(parts)
    layout.check()
    summary = LoadSummary(parts=parts)
    records = layout.run_records()
    partitions = layout.partitions()
    keys = sorted(set(records) | {run_key_of(part) for part in partitions} - {None})
    loaded_keys = _keys_in(store)
    for key in keys:
        own = [part for part in partitions if run_key_of(part) == key]
        _load_run(layout, store, key, records.get(key, {}), own, loaded_keys, summary, on_progress)
    summary.seconds = time.perf_counter() - started
    return summary


def count_documents(parts: str) -> int:
    """How many documents the complete partitions hold (for a progress bar)."""
    return sum(1 for _ in PartsDir(parts).doc_ids())


def _load_run(layout, store, key, record, partitions, loaded_keys, summary, on_progress):
    run_id = None
    added_before = summary.documents
    status = "failed"
    try:
        for part in partitions:
            batches = layout.read_partition(part)
            size = batches["documents"].num_rows
            if run_id is None:
                ids = batches["documents"].column("doc_id").to_pylist()
                if len(store.known_doc_ids(ids)) == len(set(ids)):
                    summary.already_stored += size
                    summary.partitions += 1
                    _progress(on_progress, size, summary)
                    continue
                run_id = _begin(store, layout, key, record, summary)
            added = store.write_batches(batches, run_id=run_id)
            summary.documents += added
            summary.already_stored += size - added
            summary.partitions += 1
            _progress(on_progress, size, summary)
        refs = None if key in loaded_keys else layout.input_refs(key)
        if refs is not None and refs.num_rows:
            if run_id is None:
                run_id = _begin(store, layout, key, record, summary)
            added = store.add_ref_rows(refs, run_id=run_id)
            summary.duplicates += added
            summary.already_stored += refs.num_rows - added
        errors = None if key in loaded_keys else layout.input_errors(key)
        if errors is not None and errors.num_rows:
            if run_id is None:
                run_id = _begin(store, layout, key, record, summary)
            store.write_problems(_problems(errors), run_id=run_id)
            summary.input_problems += errors.num_rows
        status = "finished"
    finally:
        if run_id is not None:
            done = {"documents": summary.documents - added_before, "parts_key": key}
            try:
                store.finish_run(run_id, status=status, summary=done)
            except Exception:  # keep the error that stopped the load
                if status == "finished":
                    raise


def _begin(store, layout, key, record, summary) -> int:
    coded_by = {"command": record.get("command"), "args": _json(record.get("args"))}
    args = {"parts": layout.url, "parts_key": key, "coded_by": coded_by}
    provenance = {col.name: record.get(col.name) for col in RUN_PROVENANCE}
    run_id = store.begin_run(command="load", args=args, provenance=provenance)
    summary.runs.append(run_id)
    return run_id


def _keys_in(store) -> set[str]:
    """Parts runs the store has seen already (their input problems are in it)."""
    keys = set()
    for text in store.runs()["args"]:
        args = _json(text)
        if isinstance(args, dict) and isinstance(args.get("parts_key"), str):
            keys.add(args["parts_key"])
    return keys


def _problems(table) -> list[Problem]:
    names = ("ref", "reason", "detail", "record", "severity", "doc_id")
    return [Problem(**{name: row[name] for name in names}) for row in table.to_pylist()]


def _json(text):
    try:
        return json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return text


def _progress(on_progress, n, summary) -> None:
    if on_progress is not None:
        on_progress(n, summary)
