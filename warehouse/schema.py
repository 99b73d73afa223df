"""Connections, versioned DDL and transactions for the DuckDB warehouse.

Facts about DuckDB 2.0.0 this module is built around (checked on this machine):
- a file is locked per process: while one process has it open read-write, every other
  process fails to open it, read-only included; while processes have it open
  read-only, a read-write open elsewhere fails. Several read-only processes coexist;
- within one process, a read-only and a read-write connection to the same file cannot
  coexist ("different configuration than existing connections");
- COMMIT after a failed statement silently rolls back, so every writer goes through
  `transaction()`, which rolls back and re-raises instead;
- results stream: see fetch_row.
"""

from __future__ import annotations

import errno
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

DDL_DIR = Path(__file__).parent / "ddl"
DATA_TABLES = ("documents", "sections", "sentences", "sentence_terms", "metrics", "indicators",
               "ingest_log", "dq_results")
_FIRST_RETRY_DELAY_S = 0.1
_LOCK_CONFLICT = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)


class WarehouseLockedError(OSError):
    """Another process holds a lock on the warehouse file that excludes this open."""


def connect(path: str | Path, read_only: bool = False, retries: int = 0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, retrying lock conflicts with exponential backoff.

    A read-write open creates the parent directory; a read-only open of a missing file
    raises FileNotFoundError instead of letting DuckDB invent an empty database.
    A lock held by another process is retried `retries` times (0.1 s, 0.2 s, 0.4 s, ...),
    each logged as a warning; then WarehouseLockedError names the file.
    """
    db_path = Path(path)
    if read_only and not db_path.exists():
        raise FileNotFoundError(errno.ENOENT, "warehouse database does not exist", str(db_path))
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    attempt = 0
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _LOCK_CONFLICT.search(str(exc)):
                raise
            if attempt == retries:
                raise WarehouseLockedError(
                    f"warehouse {db_path} is locked by another process "
                    f"(gave up after {attempt + 1} attempt(s)): {exc}"
                ) from exc
            delay = _FIRST_RETRY_DELAY_S * 2**attempt
            attempt += 1
            log.warning(
                "warehouse %s is locked by another process; retry %d/%d in %.1f s",
                db_path, attempt, retries, delay,
            )
            time.sleep(delay)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: COMMIT on success, ROLLBACK and re-raise on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def migrations() -> list[tuple[int, Path]]:
    """The DDL files as (version, path), ordered; the version is the file's numeric prefix."""
    found = [(int(p.name.split("_", 1)[0]), p) for p in DDL_DIR.glob("[0-9]*_*.sql")]
    return sorted(found)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every DDL file newer than the recorded version; return the resulting version.

    Each file runs in its own transaction together with its schema_version row, so a
    failing migration leaves the previous version intact. Safe to call on every start.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    current = current_version(con)
    for version, path in migrations():
        if version > current:
            with transaction(con):
                con.execute(path.read_text(encoding="utf-8"))
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, path.name, utc_now()]
                )
            current = version
    return current


def fetch_row(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> tuple:
    """First row of a query, draining the result.

    DuckDB 2.0 results stream: a result read only with fetchone() keeps the connection
    busy, and register()/unregister() then fail with ResourceInUseException.
    """
    return con.execute(sql, params).fetchall()[0]


def utc_now() -> datetime:
    """Naive UTC timestamp: the warehouse stores TIMESTAMP (no zone) columns in UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied schema version, 0 for an empty warehouse."""
    return fetch_row(con, "SELECT coalesce(max(version), 0) FROM schema_version")[0]


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every data table, keyed by table name."""
    selects = ", ".join(f"(SELECT count(*) FROM {table})" for table in DATA_TABLES)
    counts = fetch_row(con, f"SELECT {selects}")
    return dict(zip(DATA_TABLES, counts))
