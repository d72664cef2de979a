"""The détente store: one DuckDB file per corpus.

``Store(path)`` creates the schema on first open; ``detente.open(path)`` opens it
read-only for notebooks. Every query returns a pandas DataFrame.

Tables (column names follow the record fields in ``detente.records``):

- ``meta(key, value)``: ``schema_version`` (see ``SCHEMA_VERSION``). A writable open upgrades
  a store of an older version step by step (``schema.MIGRATIONS``); a read-only open of an
  older store says how to upgrade it.
- ``documents``: ``doc_id`` (primary key, hash of the text), ``ref``, ``record``, ``title``,
  ``section``, ``date`` (DATE, NULL when unknown), ``source``, ``url``, ``lang``,
  ``body_start``, ``sentences``, ``skipped`` (why coding was skipped, e.g. "non-english"),
  ``text`` (the original text), ``run_id``, ``added_at``.
- ``document_refs``: every source record of a document, the first and each later record with
  the same text: ``doc_id, ref, record, date, source, url, run_id, added_at``. A record whose
  text is already stored is not coded again, but its row here keeps where it came from (a
  re-run of the same record adds nothing).
- ``mentions``: one row per ``Mention``.
- ``actors`` (primary key ``actor_id``) and ``places`` (primary key ``place_id``): upserted,
  the latest batch wins.
- ``quotes``: one row per ``Quote``, plus ``quote_id``.
- ``events``: one row per ``Event``, plus ``event_id``; the nested records are flattened:
  ``trigger_text/trigger_start/trigger_end`` and ``source_*``/``target_*`` with the
  ``EventActor`` fields (``_text``, ``_start``, ``_end``, ``_actor_id``, ``_name``, ``_code``,
  ``_country``, ``_sector``); a missing target is all NULL.
- ``errors``: ``run_id, ref, record, reason, detail, severity, doc_id, noted_at`` (``at`` is an
  SQL keyword). A warning is recorded once per input: re-runs do not repeat it.
- ``runs``: ``run_id, command, args`` (JSON), ``started_at, finished_at, status, summary`` (JSON).
- ``event_dedup``, ``event_clusters`` (deduplication, ``detente.store.dedup``) and
  ``panel_rows``, ``panel_months`` (what panels count, ``detente.store.panel_layer``): rebuilt
  from ``events`` at the end of every run; docs/store.md describes every column.

Offsets: a record's ``start``/``end`` are stored as ``start_char``/``end_char`` (``end``
is an SQL keyword); every other offset keeps its field name (``cue_start``,
``speaker_end``, ``sentence_start`` ...). All offsets count Python characters (code
points) in ``documents.text``, so ``substring(text, start_char + 1, end_char - start_char)``
in SQL or ``text[start:end]`` in Python gives the evidence back. A lone surrogate in a
text (undecodable input) is stored as U+FFFD, which keeps every offset valid.

Times (``added_at``, ``noted_at``, ``started_at``, ``finished_at``) are UTC without a time zone.
Writes are batched: one transaction per ``write_results`` call, so a killed process
leaves each batch either complete or absent; ``doc_id`` makes writes idempotent.
"""

from detente.store.schema import SCHEMA_VERSION
from detente.store.store import Store

__all__ = ["SCHEMA_VERSION", "Store"]
