"""Idempotent, all-or-nothing loading of extracted documents into the warehouse.

Frames are inserted through DuckDB's DataFrame scan (`con.register`), never row by row.
A batch may come in slices (a run's chunk folders): it is checked and planned whole, but the
statements whose memory grows with the rows (the child rows' inserts and the search postings,
hash joins on sentence ids) run one slice at a time, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Union

import duckdb
import pandas as pd

from warehouse.derived import refresh_derived
from warehouse.schema import fetch_row, transaction, utc_now
from warehouse.search_index import INDEXED_TABLES, sync_search_index
from warehouse.timing import Timings, timed

_LOADER_SET_COLUMNS = {"documents": {"first_seen_run", "loaded_at"}, "sentence_terms": {"sentence_length"}}
# Columns the loader computes from the batch's other rows: column -> (join, expression) of the
# child insert; filled where the table has the column (a warehouse before 0004 has not).
_COMPUTED = {("sentence_terms", "sentence_length"): (
    "JOIN (SELECT DISTINCT sentence_id, term_count FROM {sentences}) s USING (sentence_id)", "s.term_count")}
FAILURE_COLUMNS = ("source_path", "sha256", "format", "error")
INDICATOR_COLUMNS = ("indicator_id", "name", "unit", "synonyms")


# rows of one table: a DataFrame, or the Parquet files a run staged them in
Rows = Union[pd.DataFrame, Sequence[Path]]
# every table's rows: a whole batch, or one slice of it
Batch = Mapping[str, Rows]
CHILD_TABLES = ("sections", "sentences", "sentence_terms", "metrics")
KNOWN_COLUMNS = ("source_path", "document_id", "format")


@dataclass(frozen=True)
class LoadSummary:
    """Outcome of one load_batch, counted per source file."""

    documents_loaded: int
    documents_unchanged: int
    documents_replaced: int
    documents_reextracted: int
    metrics_loaded: int


def load_batch(
    con: duckdb.DuckDBPyConnection,
    frames: Batch | Sequence[Batch],
    run_id: str,
    known: pd.DataFrame | None = None,
    failures: pd.DataFrame | None = None,
    dq_results: pd.DataFrame | None = None,
    timings: Timings | None = None,
) -> LoadSummary:
    """Load one batch of extracted files in a single transaction.

    `frames` holds "documents" rows with one row per source file (unique source_path)
    and the rows of each child table (CHILD_TABLES), each with exactly the table's
    columns; rows are a DataFrame or Parquet files (a run stages its rows on disk).
    Several paths may hold the same content (same document_id), which is stored once.
    `frames` may also be a sequence of such mappings, slices of the batch (a run's chunk
    folders): each slice holds the child rows of its own documents rows, and a document
    may be in several slices (several paths). The batch is their union; the child rows are
    inserted and indexed one slice at a time, each document's from the first slice holding
    it, so that no statement's memory grows with the whole batch.
    `known` lists files whose content the caller found already extracted by the current
    extractor (source_path, document_id, format): they are logged, not re-inserted.

    Per file, with "the content a path holds" meaning its latest non-failed ingest_log
    row (view current_sources):
    - 'replaced': the path held a different document_id before. The old document's rows
      are deleted, unless some other path still holds that content after this batch;
    - 'unchanged': the document is in the warehouse, extracted by the same extractor
      version; its rows are not touched;
    - 'loaded': otherwise. A document extracted by another extractor version has its old
      rows replaced (counted as re-extracted).
    Each file's ingest_log row for (source_path, sha256) is updated or inserted, the
    `failures` (see record_failures) included, and `dq_results` rows are appended.

    Tables derived from the rows (warehouse.derived: indicator_mentions, indicator_yoy, the
    search index) are brought in step in the same transaction, for the documents it changed.
    Any error rolls the whole batch back, leaving the warehouse as it was; re-running
    the same batch changes no row count. `timings` (if given) gets the CPU and wall seconds
    of each phase.
    """
    known = known if known is not None else pd.DataFrame(columns=list(KNOWN_COLUMNS))
    _require_columns("known", known, KNOWN_COLUMNS)
    now = utc_now()
    slices = [frames] if isinstance(frames, Mapping) else list(frames)
    if not slices:
        raise ValueError("load_batch: no slices")
    tables = ("documents", *CHILD_TABLES)
    registered = {f"_wh_{table}": _union([piece[table] for piece in slices]) for table in tables}
    with _registered(con, {**registered, "_wh_known": known[list(KNOWN_COLUMNS)]}):
        try:
            with timed(timings, "check"):
                for table in tables:
                    _check_columns(con, table, f"_wh_{table}")
                _check_batch_consistency(con, slices)
            # "transaction": the phases below and the commit
            with timed(timings, "transaction"), transaction(con):
                with timed(timings, "plan"):
                    _plan_batch(con)
                    plan_as_log = "SELECT source_path, document_id AS sha256, format, status, NULL AS error FROM _wh_plan"
                    _upsert_ingest_log(con, plan_as_log, run_id, now)
                    stale = _stale_documents(con)
                    deleted = _orphaned_documents(con) + stale
                    _delete_documents(con, deleted)
                with timed(timings, "insert"):
                    metrics_loaded = _insert_new_content(con, run_id, now, slices)
                    inserted = [document_id for (document_id,) in
                                con.execute("SELECT DISTINCT document_id FROM _wh_plan WHERE NOT existed").fetchall()]
                with timed(timings, "search_index"):
                    distinct = _distinct(con)
                    sync_search_index(con, ({table: f"(SELECT {distinct} * FROM {name})" for table, name in views.items()}
                                            for views in _each_slice(con, slices, INDEXED_TABLES)))
                with timed(timings, "log"):
                    if failures is not None and len(failures):
                        _log_failures(con, failures, run_id, now)
                    if dq_results is not None and len(dq_results):
                        _append(con, "dq_results", dq_results)
                    statuses = dict(con.execute("SELECT status, count(*) FROM _wh_plan GROUP BY status").fetchall())
                    con.execute("DROP TABLE _wh_plan")
                with timed(timings, "derived"):
                    refresh_derived(con, deleted + inserted)
        finally:
            con.execute("DROP TABLE IF EXISTS _wh_slice_of")
    return LoadSummary(
        documents_loaded=statuses.get("loaded", 0),
        documents_unchanged=statuses.get("unchanged", 0),
        documents_replaced=statuses.get("replaced", 0),
        documents_reextracted=len(stale),
        metrics_loaded=metrics_loaded,
    )


def record_failures(con: duckdb.DuckDBPyConnection, failures: pd.DataFrame, run_id: str) -> None:
    """Log files that could not be ingested in ingest_log, in one transaction.

    `failures` has FAILURE_COLUMNS and optionally `status`: 'failed' (unreadable, the
    default) or 'quarantined' (read, but kept out by a data-quality check). sha256 and
    format may be None. Warehouse content is not touched: a path whose new content failed
    keeps serving its previous content.
    """
    with transaction(con):
        _log_failures(con, failures, run_id, utc_now())


def _log_failures(con: duckdb.DuckDBPyConnection, failures: pd.DataFrame, run_id: str, now: datetime) -> None:
    _require_columns("failures", failures, FAILURE_COLUMNS)
    if "status" not in failures.columns:
        failures = failures.assign(status="failed")
    with _registered(con, {"_wh_failures": failures}):
        _upsert_ingest_log(
            con,
            "SELECT DISTINCT ON (source_path, sha256) source_path, CAST(sha256 AS VARCHAR) AS sha256,"
            " CAST(format AS VARCHAR) AS format, CAST(status AS VARCHAR) AS status,"
            " CAST(error AS VARCHAR) AS error FROM _wh_failures",
            run_id,
            now,
        )


def _append(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    with _registered(con, {"_wh_append": frame}):
        _check_columns(con, table, "_wh_append")
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _wh_append")


def append_dq_results(con: duckdb.DuckDBPyConnection, results: pd.DataFrame) -> None:
    """Append data-quality results (dq_results columns) in one transaction."""
    with transaction(con):
        _append(con, "dq_results", results)


def replace_indicators(con: duckdb.DuckDBPyConnection, indicators: pd.DataFrame) -> None:
    """Replace the whole indicators table with `indicators` (synonyms: list of str) atomically.

    The tables derived from the indicators are recomputed only when the table changes: every
    ingest run calls this, and a recomputation at 1M metric rows costs ~20 s of CPU.
    """
    _require_columns("indicators", indicators, INDICATOR_COLUMNS)
    given = "SELECT indicator_id, name, unit, CAST(synonyms AS VARCHAR[]) FROM _wh_indicators"
    with _registered(con, {"_wh_indicators": indicators}), transaction(con):
        (differences,) = fetch_row(con, f"SELECT count(*) FROM (({given} EXCEPT ALL SELECT * FROM indicators)"
                                        f" UNION ALL (SELECT * FROM indicators EXCEPT ALL {given}))")
        if not differences:
            return  # every run passes the same table: the derived tables stay as they are
        con.execute("DELETE FROM indicators")
        con.execute(f"INSERT INTO indicators {given}")
        refresh_derived(con)


def _check_columns(con: duckdb.DuckDBPyConnection, table: str, view: str) -> None:
    """Require the registered rows' columns to be exactly the table's, minus loader-set ones."""
    names = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?"
        " ORDER BY column_index",
        [table],
    ).fetchall()
    expected = [n for (n,) in names if n not in _LOADER_SET_COLUMNS.get(table, set())]
    given = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]
    _require_columns(table, given, expected, exact=True)


def _require_columns(what: str, frame: pd.DataFrame | list[str], expected, exact: bool = False) -> None:
    """Raise ValueError naming missing (and, if exact, unexpected) columns of a frame."""
    given = list(frame.columns) if isinstance(frame, pd.DataFrame) else frame
    missing = [c for c in expected if c not in given]
    extra = [c for c in given if c not in expected] if exact else []
    if missing or extra:
        raise ValueError(f"{what} frame: missing columns {missing}, unexpected columns {extra}")


def _union(pieces: list[Rows]) -> Rows:
    """One table's rows over all slices: the files together, or the frames concatenated."""
    if len(pieces) == 1:
        return pieces[0]
    if all(isinstance(piece, pd.DataFrame) for piece in pieces):
        return pd.concat(pieces, ignore_index=True)
    if any(isinstance(piece, pd.DataFrame) for piece in pieces):
        raise ValueError("slices: a table's rows are all DataFrames or all Parquet files")
    return [path for piece in pieces for path in piece]


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, frames: Mapping[str, Rows]) -> Iterator[None]:
    """Expose DataFrames and Parquet files to SQL under the given view names for the block."""
    for name, rows in frames.items():
        if isinstance(rows, pd.DataFrame):
            con.register(name, rows)
        else:
            files = ", ".join("'" + str(path).replace("'", "''") + "'" for path in rows)
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS"
                        f" SELECT * FROM read_parquet([{files}], union_by_name = true)")
    try:
        yield
    finally:
        for name, rows in frames.items():
            if isinstance(rows, pd.DataFrame):
                con.unregister(name)
            else:
                con.execute(f"DROP VIEW IF EXISTS {name}")


def _check_batch_consistency(con: duckdb.DuckDBPyConnection, slices: Sequence[Batch]) -> None:
    """Reject batches whose meaning is ambiguous before anything is written: a path twice, a
    document without id, child rows whose document is not in their slice's documents rows.
    A batch of several slices also gets _wh_slice_of: the first slice holding each document."""
    paths, distinct_paths, null_ids = fetch_row(
        con, "SELECT count(*), count(DISTINCT source_path), count(*) - count(document_id) FROM _wh_documents"
    )
    if paths != distinct_paths or null_ids:
        raise ValueError("documents frame: source_path must be unique and document_id non-null")
    if len(slices) == 1:
        _check_children(con, "_wh_documents", {child: f"_wh_{child}" for child in CHILD_TABLES})
        return
    con.execute("CREATE OR REPLACE TEMP TABLE _wh_slice_of (document_id VARCHAR, slice INTEGER)")
    for index, piece in enumerate(slices):
        views = {f"_wh_piece_{table}": piece[table] for table in ("documents", *CHILD_TABLES)}
        with _registered(con, views):
            _check_children(con, "_wh_piece_documents", {child: f"_wh_piece_{child}" for child in CHILD_TABLES})
            con.execute(f"INSERT INTO _wh_slice_of SELECT DISTINCT document_id, {index} FROM _wh_piece_documents"
                        " WHERE document_id NOT IN (SELECT document_id FROM _wh_slice_of)")


def _check_children(con: duckdb.DuckDBPyConnection, documents: str, children: Mapping[str, str]) -> None:
    for child, view in children.items():
        (stray,) = fetch_row(con, f"SELECT count(*) FROM {view} ANTI JOIN {documents} USING (document_id)")
        if stray:
            raise ValueError(f"{child} frame: {stray} row(s) whose document_id is not in the documents frame")


@contextmanager
def _slice_views(con: duckdb.DuckDBPyConnection, piece: Batch, index: int,
                 tables: Sequence[str]) -> Iterator[dict[str, str]]:
    """The slice's rows of `tables` under view names, only those of the documents it is the
    first slice to hold (_wh_slice_of)."""
    raw = {f"_wh_piece_{table}": piece[table] for table in tables}
    with _registered(con, raw):
        views = {table: f"_wh_slice_{table}" for table in tables}
        for table, view in views.items():
            con.execute(f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT * FROM _wh_piece_{table} WHERE document_id IN"
                        f" (SELECT document_id FROM _wh_slice_of WHERE slice = {index})")
        try:
            yield views
        finally:
            for view in views.values():
                con.execute(f"DROP VIEW IF EXISTS {view}")


def _each_slice(con: duckdb.DuckDBPyConnection, slices: Sequence[Batch],
                tables: Sequence[str]) -> Iterator[dict[str, str]]:
    """For each slice in turn, the view names of its rows of `tables` (registered while the
    caller works on them): the whole batch's views when it is one slice."""
    if len(slices) == 1:
        yield {table: f"_wh_{table}" for table in tables}
        return
    for index, piece in enumerate(slices):
        with _slice_views(con, piece, index, tables) as views:
            yield views


def _plan_batch(con: duckdb.DuckDBPyConnection) -> None:
    """Decide each file's status from the warehouse state before this batch (_wh_plan)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _wh_plan AS
        WITH batch AS (
            SELECT source_path, document_id, format, extractor_version, false AS is_known
            FROM _wh_documents
            UNION ALL
            SELECT source_path, document_id, format, NULL, true FROM _wh_known
        )
        SELECT
            d.source_path,
            d.document_id,
            d.format,
            c.document_id AS previous_document_id,
            w.document_id IS NOT NULL
                AND (d.is_known OR w.extractor_version IS NOT DISTINCT FROM d.extractor_version) AS existed,
            w.document_id IS NOT NULL AND NOT existed AS stale,
            CASE
                WHEN c.document_id IS NOT NULL AND c.document_id <> d.document_id THEN 'replaced'
                WHEN existed THEN 'unchanged'
                ELSE 'loaded'
            END AS status
        FROM batch d
        LEFT JOIN current_sources c ON c.source_path = d.source_path
        LEFT JOIN documents w ON w.document_id = d.document_id
    """)


def _stale_documents(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents of this batch whose stored rows came from another extractor version."""
    return [document_id for (document_id,) in
            con.execute("SELECT DISTINCT document_id FROM _wh_plan WHERE stale").fetchall()]


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
    """Delete documents with their child rows."""
    if not document_ids:
        return
    for table in (*CHILD_TABLES, "documents"):
        con.execute(f"DELETE FROM {table} WHERE list_contains($ids, document_id)", {"ids": document_ids})


def _distinct(con: duckdb.DuckDBPyConnection) -> str:
    """'DISTINCT' when several paths of the batch hold the same content (their rows repeat), else ''."""
    (has_copies,) = fetch_row(con, "SELECT count(*) > count(DISTINCT document_id) FROM _wh_plan")
    return "DISTINCT" if has_copies else ""


def _insert_new_content(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime,
                        slices: Sequence[Batch]) -> int:
    """Insert documents not yet in the warehouse with their child rows, one slice at a time.

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
    distinct = _distinct(con)
    present = set(con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
                              ).fetchall())
    inserted = dict.fromkeys(CHILD_TABLES, 0)
    for views in _each_slice(con, slices, CHILD_TABLES):
        for table in CHILD_TABLES:
            join, columns = "", "t.*"
            for (computed_table, column), (computed_join, expression) in _COMPUTED.items():
                if computed_table == table and (table, column) in present:
                    join, columns = computed_join.format(**views), f"t.*, {expression} AS {column}"
            (count,) = fetch_row(
                con, f"INSERT INTO {table} BY NAME SELECT {distinct} {columns} FROM {views[table]} t {join}"
                     f" WHERE t.document_id IN {new_ids}"
            )
            inserted[table] += count
    return inserted["metrics"]
