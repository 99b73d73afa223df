"""Idempotent, all-or-nothing loading of extracted documents into the warehouse.

Frames are inserted through DuckDB's DataFrame scan (`con.register`), never row by row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from warehouse.schema import fetch_row, transaction, utc_now

if TYPE_CHECKING:
    import pandas as pd

_LOADER_SET_COLUMNS = {"documents": {"first_seen_run", "loaded_at"}}
FAILURE_COLUMNS = ("source_path", "sha256", "format", "error")
INDICATOR_COLUMNS = ("indicator_id", "name", "unit", "synonyms")


@dataclass(frozen=True)
class LoadSummary:
    """Outcome of one load_batch, counted per source file (row of the documents frame)."""

    documents_loaded: int
    documents_unchanged: int
    documents_replaced: int
    metrics_loaded: int


def load_batch(
    con: duckdb.DuckDBPyConnection,
    documents: pd.DataFrame,
    sections: pd.DataFrame,
    metrics: pd.DataFrame,
    run_id: str,
) -> LoadSummary:
    """Load one batch of extracted files in a single transaction.

    `documents` has one row per source file (unique source_path); several paths may hold
    the same content (same document_id), which is stored once; when a batch has such
    copies, exact duplicate rows of `sections`/`metrics` collapse into one.

    Per file, with "the content a path holds" meaning its latest non-failed ingest_log
    row (view current_sources):
    - 'replaced': the path held a different document_id before. The old document's
      documents/sections/metrics rows are deleted, unless some other path still holds
      that content after this batch, in which case only the path's mapping changes;
    - 'unchanged': the document_id is already in the warehouse; its rows are not touched;
    - 'loaded': otherwise; the document and its sections/metrics are inserted.
    Each file's ingest_log row for (source_path, sha256) is updated or inserted.

    Any error rolls the whole batch back, leaving the warehouse as it was; re-running
    the same batch changes no row count.
    """
    _check_columns(con, "documents", documents)
    _check_columns(con, "sections", sections)
    _check_columns(con, "metrics", metrics)
    now = utc_now()
    frames = {"_wh_documents": documents, "_wh_sections": sections, "_wh_metrics": metrics}
    with _registered(con, frames):
        _check_batch_consistency(con)
        with transaction(con):
            _plan_batch(con)
            plan_as_log = "SELECT source_path, document_id AS sha256, format, status, NULL AS error FROM _wh_plan"
            _upsert_ingest_log(con, plan_as_log, run_id, now)
            _delete_documents(con, _orphaned_documents(con))
            metrics_loaded = _insert_new_content(con, run_id, now)
            statuses = dict(con.execute("SELECT status, count(*) FROM _wh_plan GROUP BY status").fetchall())
            con.execute("DROP TABLE _wh_plan")
    return LoadSummary(
        documents_loaded=statuses.get("loaded", 0),
        documents_unchanged=statuses.get("unchanged", 0),
        documents_replaced=statuses.get("replaced", 0),
        metrics_loaded=metrics_loaded,
    )


def record_failures(con: duckdb.DuckDBPyConnection, failures: pd.DataFrame, run_id: str) -> None:
    """Mark files that could not be ingested as 'failed' in ingest_log, with their error.

    sha256 and format may be None (unreadable file). Warehouse content is not touched:
    a path whose new content failed keeps serving its previous content.
    """
    _require_columns("failures", failures, FAILURE_COLUMNS)
    with _registered(con, {"_wh_failures": failures}), transaction(con):
        _upsert_ingest_log(
            con,
            "SELECT DISTINCT ON (source_path, sha256) source_path, CAST(sha256 AS VARCHAR) AS sha256,"
            " CAST(format AS VARCHAR) AS format, 'failed' AS status, CAST(error AS VARCHAR) AS error"
            " FROM _wh_failures",
            run_id,
            utc_now(),
        )


def replace_indicators(con: duckdb.DuckDBPyConnection, indicators: pd.DataFrame) -> None:
    """Replace the whole indicators table with `indicators` (synonyms: list of str) atomically."""
    _require_columns("indicators", indicators, INDICATOR_COLUMNS)
    with _registered(con, {"_wh_indicators": indicators}), transaction(con):
        con.execute("DELETE FROM indicators")
        con.execute(
            "INSERT INTO indicators SELECT indicator_id, name, unit, CAST(synonyms AS VARCHAR[])"
            " FROM _wh_indicators"
        )


def _check_columns(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Require the frame's columns to be exactly the table's, minus loader-set ones."""
    names = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?"
        " ORDER BY column_index",
        [table],
    ).fetchall()
    expected = [n for (n,) in names if n not in _LOADER_SET_COLUMNS.get(table, set())]
    _require_columns(table, frame, expected, exact=True)


def _require_columns(what: str, frame: pd.DataFrame, expected, exact: bool = False) -> None:
    """Raise ValueError naming missing (and, if exact, unexpected) columns of a frame."""
    missing = [c for c in expected if c not in frame.columns]
    extra = [c for c in frame.columns if c not in expected] if exact else []
    if missing or extra:
        raise ValueError(f"{what} frame: missing columns {missing}, unexpected columns {extra}")


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> Iterator[None]:
    """Expose DataFrames to SQL under the given view names for the duration of the block."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def _check_batch_consistency(con: duckdb.DuckDBPyConnection) -> None:
    """Reject batches whose meaning is ambiguous before anything is written."""
    paths, distinct_paths, null_ids = fetch_row(
        con, "SELECT count(*), count(DISTINCT source_path), count(*) - count(document_id) FROM _wh_documents"
    )
    if paths != distinct_paths or null_ids:
        raise ValueError("documents frame: source_path must be unique and document_id non-null")
    for child in ("sections", "metrics"):
        (stray,) = fetch_row(con, f"SELECT count(*) FROM _wh_{child} ANTI JOIN _wh_documents USING (document_id)")
        if stray:
            raise ValueError(f"{child} frame: {stray} row(s) whose document_id is not in the documents frame")


def _plan_batch(con: duckdb.DuckDBPyConnection) -> None:
    """Decide each file's status from the warehouse state before this batch (_wh_plan)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _wh_plan AS
        SELECT
            d.source_path,
            d.document_id,
            d.format,
            c.document_id AS previous_document_id,
            w.document_id IS NOT NULL AS existed,
            CASE
                WHEN c.document_id IS NOT NULL AND c.document_id <> d.document_id THEN 'replaced'
                WHEN existed THEN 'unchanged'
                ELSE 'loaded'
            END AS status
        FROM _wh_documents d
        LEFT JOIN current_sources c ON c.source_path = d.source_path
        LEFT JOIN documents w ON w.document_id = d.document_id
    """)


def _upsert_ingest_log(con: duckdb.DuckDBPyConnection, source_sql: str, run_id: str, now: datetime) -> None:
    """Insert or update one ingest_log row per (source_path, sha256) of `source_sql`'s rows.

    source_sql yields source_path, sha256, format, status, error; a NULL sha256 matches
    an existing NULL sha256 for the same path.
    """
    con.execute(
        f"""
        MERGE INTO ingest_log t
        USING ({source_sql}) s
        ON t.source_path = s.source_path AND t.sha256 IS NOT DISTINCT FROM s.sha256
        WHEN MATCHED THEN UPDATE SET
            format = s.format, run_id = $run_id, status = s.status, error = s.error, last_seen = $now
        WHEN NOT MATCHED THEN INSERT
            (source_path, sha256, format, run_id, status, error, first_seen, last_seen)
            VALUES (s.source_path, s.sha256, s.format, $run_id, s.status, s.error, $now, $now)
        """,
        {"run_id": run_id, "now": now},
    )


def _orphaned_documents(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents replaced at some path in this batch that no path holds any more."""
    rows = con.execute("""
        SELECT DISTINCT previous_document_id FROM _wh_plan
        WHERE status = 'replaced'
          AND previous_document_id NOT IN (SELECT document_id FROM current_sources)
    """).fetchall()
    return [document_id for (document_id,) in rows]


def _delete_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
    """Delete documents with their sections and metrics."""
    if not document_ids:
        return
    for table in ("metrics", "sections", "documents"):
        con.execute(f"DELETE FROM {table} WHERE list_contains($ids, document_id)", {"ids": document_ids})


def _insert_new_content(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> int:
    """Insert documents not yet in the warehouse with their sections and metrics.

    Returns the number of metric rows inserted. DISTINCT (costly on large frames) is
    applied only when several paths in the batch hold the same content.
    """
    new_ids = "(SELECT document_id FROM _wh_plan WHERE NOT existed)"
    con.execute(
        f"""
        INSERT INTO documents BY NAME
        SELECT *, $run_id AS first_seen_run, $now AS loaded_at
        FROM _wh_documents
        WHERE document_id IN {new_ids}
        QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY source_path) = 1
        """,
        {"run_id": run_id, "now": now},
    )
    (has_copies,) = fetch_row(con, "SELECT count(*) > count(DISTINCT document_id) FROM _wh_plan")
    distinct = "DISTINCT" if has_copies else ""
    con.execute(f"INSERT INTO sections BY NAME SELECT {distinct} * FROM _wh_sections WHERE document_id IN {new_ids}")
    (inserted,) = fetch_row(
        con, f"INSERT INTO metrics BY NAME SELECT {distinct} * FROM _wh_metrics WHERE document_id IN {new_ids}"
    )
    return inserted
