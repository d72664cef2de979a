"""Full-text search over articles and quotes: BM25 ranking computed in DuckDB.

DuckDB's ``fts`` extension is not part of the duckdb wheel and cannot be fetched offline,
so the index is a small inverted file of our own in an in-memory DuckDB, built from the
store once (in the background when the app starts): ``postings(kind, term, unit, doc_id,
quote_id, weight)`` with each posting's BM25 weight. Terms are lower-cased runs of letters
and digits. Articles are indexed by title and text, quotes by their words; each kind is
ranked against its own collection statistics.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import duckdb

from detente.errors import StoreError, UsageError

TOKENS = r"[^\p{L}\p{N}]+"  # RE2: what separates terms
K1, B = 1.2, 0.75  # the usual BM25 constants
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
SNIPPET_CHARS = 90


class SearchIndex:
    """BM25 over one store's articles and quotes. Thread-safe; built once, lazily."""

    def __init__(self, cursor_factory):
        self._cursor_factory = cursor_factory  # a new cursor on the store, per call
        self._lock = threading.Lock()
        self._db: duckdb.DuckDBPyConnection | None = None
        self._local = threading.local()

    def _build(self) -> duckdb.DuckDBPyConnection:
        store = self._cursor_factory()
        try:
            documents = store.execute(
                "SELECT doc_id, coalesce(title, '') || ' ' || text AS body FROM documents"
            ).df()
            quotes = store.execute("SELECT quote_id, doc_id, text AS body FROM quotes").df()
        except duckdb.Error as e:
            raise StoreError(f"cannot read the store to index it: {e}") from e
        finally:
            store.close()
        db = duckdb.connect(":memory:")
        db.register("documents_in", documents)
        db.register("quotes_in", quotes)
        db.execute(
            """CREATE TABLE units AS
            SELECT row_number() OVER () AS unit, * FROM (
                SELECT 'article' AS kind, doc_id, CAST(NULL AS BIGINT) AS quote_id, body
                FROM documents_in
                UNION ALL
                SELECT 'quote', doc_id, quote_id, body FROM quotes_in)"""
        )
        db.execute(
            f"""CREATE TABLE counts AS
            SELECT unit, term, count(*) AS tf FROM (
                SELECT unit, unnest(regexp_split_to_array(lower(body), '{TOKENS}')) AS term
                FROM units)
            WHERE term <> '' GROUP BY unit, term"""
        )
        db.execute(
            "CREATE TABLE lengths AS SELECT u.unit, u.kind, coalesce(sum(c.tf), 0) AS len "
            "FROM units u LEFT JOIN counts c USING (unit) GROUP BY u.unit, u.kind"
        )
        # Each posting carries its BM25 weight, so a query only sums the weights of its
        # terms; sorted by term, so DuckDB skips the row groups of other terms.
        db.execute(
            f"""CREATE TABLE postings AS
            WITH collection AS (
                SELECT kind, count(*) AS n, avg(len) AS avg_len FROM lengths GROUP BY kind
            ),
            frequency AS (
                SELECT l.kind, c.term, count(*) AS df
                FROM counts c JOIN lengths l USING (unit) GROUP BY l.kind, c.term
            )
            SELECT l.kind, c.term, c.unit, u.doc_id, u.quote_id,
                   ln(1 + (k.n - f.df + 0.5) / (f.df + 0.5)) * c.tf * ({K1} + 1)
                   / (c.tf + {K1} * (1 - {B} + {B} * l.len / k.avg_len)) AS weight
            FROM counts c JOIN lengths l USING (unit) JOIN units u USING (unit)
            JOIN collection k ON k.kind = l.kind
            JOIN frequency f ON f.kind = l.kind AND f.term = c.term
            ORDER BY l.kind, c.term"""
        )
        db.execute("DROP TABLE counts")
        db.execute("DROP TABLE lengths")
        db.unregister("documents_in")
        db.unregister("quotes_in")
        db.execute("DROP TABLE units")
        return db

    def warm(self) -> None:
        """Build the index now (the app does this in the background at start-up)."""
        self._cursor()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._db is None:
                self._db = self._build()
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._db.cursor()
        return cursor

    def terms(self, query: str) -> list[str]:
        """The query's search terms, as the index splits text."""
        if len(query) > MAX_QUERY_CHARS:
            raise UsageError(f"the search text is longer than {MAX_QUERY_CHARS} characters")
        rows = (
            self._cursor()
            .execute(
                f"SELECT DISTINCT unnest(regexp_split_to_array(lower(?), '{TOKENS}')) AS term",
                [query],
            )
            .fetchall()
        )
        terms = sorted(term for (term,) in rows if term)
        if len(terms) > MAX_TERMS:
            raise UsageError(f"use at most {MAX_TERMS} search words")
        return terms

    def search(self, query: str, *, kind: str, limit: int, offset: int = 0) -> dict[str, Any]:
        """Units of ``kind`` ("article" or "quote") matching any term, those matching the
        most terms first, then by BM25 score."""
        terms = self.terms(query)
        if not terms:
            return {"terms": [], "total": 0, "hits": []}
        cursor = self._cursor()
        marks = ", ".join("?" for _ in terms)
        cursor.execute(
            f"""SELECT unit, doc_id, quote_id, count(*) AS matched, sum(weight) AS score,
                       count(*) OVER () AS total
            FROM postings WHERE kind = ? AND term IN ({marks})
            GROUP BY unit, doc_id, quote_id
            ORDER BY matched DESC, score DESC, unit LIMIT ? OFFSET ?""",
            [kind, *terms, limit, offset],
        )
        names = [column[0] for column in cursor.description]
        hits = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        total = hits[0].pop("total") if hits else 0
        for hit in hits[1:]:
            del hit["total"]
        return {"terms": terms, "total": total, "hits": hits}


def snippet(text: str, terms: list[str], *, width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """The part of ``text`` around the first term found, as (piece, is_hit) pairs, so that a
    template can escape every piece and mark the hits."""
    if not terms:
        return [(text[: 2 * width], False)]
    pattern = re.compile(
        r"(?<![^\W_])(" + "|".join(re.escape(t) for t in terms) + r")(?![^\W_])", re.I
    )
    first = pattern.search(text)
    centre = first.start() if first else 0
    start = max(0, centre - width)
    end = min(len(text), centre + width)
    # Whole words at the edges.
    if start > 0:
        space = text.find(" ", start, centre)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(centre, end - 20), end)
        end = space if space != -1 else end
    window = text[start:end]
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    at = 0
    for found in pattern.finditer(window):
        if found.start() > at:
            pieces.append((window[at : found.start()], False))
        pieces.append((found.group(0), True))
        at = found.end()
    pieces.append((window[at:], False))
    if end < len(text):
        pieces.append(("…", False))
    return [piece for piece in pieces if piece[0]]
