"""Connections, versioned DDL and transactions for the DuckDB warehouse.

Facts about DuckDB 2.0.0 this module is built around (checked on this machine):
- a file is locked per process: while one process has it open read-write, every other
  process fails to open it, read-only included; while processes have it open
  read-only, a read-write open elsewhere fails. Several read-only processes coexist;
- within one process, a read-only and a read-write connection to the same file cannot
  coexist ("different configuration than existing connections");
- COMMIT after a failed statement silently rolls back, so every writer goes through
  `transaction()`, which rolls back and re-raises instead;
- results stream: see fetch_row;
- a truncated file still opens and answers every query that reads only blocks before the cut,
  so `connect` compares the file's size with the block count its header records
  (pragma_database_size) before anyone reads it; an overwritten block fails its checksum
  when it is read.
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
_LOCK_HOLDER = re.compile(r"held in (\S+) \(PID (\d+)\)")
# What DuckDB says when a file is damaged (cut short, overwritten, not a database at all).
_DAMAGE = re.compile(r"not a valid DuckDB database file|Could not read enough bytes|Corrupt database file"
                     r"|does not match stored checksum", re.IGNORECASE)
# DuckDB's file starts with three 4 KiB headers (main header and two database headers), then blocks.
_FILE_HEADERS_BYTES = 3 * 4096
# A reader for analysts: nothing outside the warehouse file (no COPY TO, ATTACH, file readers,
# extension installs), and no setting can be changed back.
READER_CONFIG = {"enable_external_access": False, "lock_configuration": True}
RESTORE_HINT = ("restore a backup (govreport restore DIR --force), or move the file away and ingest the "
                "reports again (govreport ingest PATH...)")


class WarehouseLockedError(OSError):
    """Another process holds a lock on the warehouse file that excludes this open."""


class WarehouseMissingError(FileNotFoundError):
    """A read-only open of a warehouse file that does not exist."""


class CorruptWarehouseError(OSError):
    """The warehouse file is damaged: cut short, overwritten, or not a DuckDB database."""


def is_damage(error: BaseException) -> bool:
    """True when a DuckDB error says the file itself is damaged."""
    return isinstance(error, duckdb.Error) and bool(_DAMAGE.search(str(error)))


def damaged(path: str | Path, error: BaseException | str) -> CorruptWarehouseError:
    """The error to raise for a damaged file: the file, DuckDB's words, what to do."""
    words = str(error).splitlines()[0] if str(error) else type(error).__name__
    return CorruptWarehouseError(f"warehouse {path} is damaged ({words}); {RESTORE_HINT}")


def connect(path: str | Path, read_only: bool = False, retries: int = 0,
            config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, retrying lock conflicts with exponential backoff.

    A read-write open creates the parent directory; a read-only open of a missing file
    raises WarehouseMissingError instead of letting DuckDB invent an empty database.
    A lock held by another process is retried `retries` times (0.1 s, 0.2 s, 0.4 s, ...),
    each logged as a warning; then WarehouseLockedError names the file and the holder.
    A damaged file raises CorruptWarehouseError (see check_intact). `config` is DuckDB's
    (READER_CONFIG for analysts).
    """
    db_path = Path(path)
    if read_only and not db_path.exists():
        raise WarehouseMissingError(errno.ENOENT, "no warehouse file", str(db_path))
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(db_path, read_only, retries, config or {})
    try:
        check_intact(con, db_path)
    except BaseException:
        con.close()
        raise
    return con


def check_intact(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Raise CorruptWarehouseError when the file is shorter than the blocks in use its header records.

    A file cut short (a full disk, a copy interrupted) opens and answers queries on the blocks
    before the cut; this check stops it before any query. Costs one pragma, no block read.
    A checkpoint truncates free blocks at the file's end, yet a read-only open still counts
    them in total_blocks (and in free_blocks): only the blocks in use must fit in the file.
    """
    (block_size, total_blocks, free_blocks), = con.execute(
        "SELECT block_size, total_blocks, free_blocks FROM pragma_database_size()"
        " WHERE database_name = current_database()"
    ).fetchall()
    expected = _FILE_HEADERS_BYTES + block_size * (total_blocks - free_blocks)
    size = Path(path).stat().st_size
    if size < expected:
        raise damaged(path, f"the file has {size:,} bytes, its header records {expected:,}: it was cut short")


def _open(db_path: Path, read_only: bool, retries: int, config: dict) -> duckdb.DuckDBPyConnection:
    attempt = 0
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            if is_damage(exc):
                raise damaged(db_path, exc) from exc
            if not (isinstance(exc, duckdb.IOException) and _LOCK_CONFLICT.search(str(exc))):
                raise
            if attempt == retries:
                raise WarehouseLockedError(
                    f"warehouse {db_path} is locked by another process{_holder(exc)}, most likely an "
                    f"ingestion writing to it (gave up after {attempt + 1} attempt(s)): try again when it has finished"
                ) from exc
            delay = _FIRST_RETRY_DELAY_S * 2**attempt
            attempt += 1
            log.warning(
                "warehouse %s is locked by another process; retry %d/%d in %.1f s",
                db_path, attempt, retries, delay,
            )
            time.sleep(delay)


def _holder(error: duckdb.Error) -> str:
    """' (PID 123, python3.11)' from DuckDB's lock message, or ''."""
    found = _LOCK_HOLDER.search(str(error))
    return f" (PID {found[2]}, {Path(found[1]).name})" if found else ""


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
    failing migration leaves the previous version intact; the derived tables are then
    recomputed (a migration may create or change them). Safe to call on every start.
    """
    from warehouse.derived import refresh_derived

    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    current = current_version(con)
    pending = [(version, path) for version, path in migrations() if version > current]
    for version, path in pending:
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, path.name, utc_now()])
            if version == pending[-1][0]:
                refresh_derived(con)
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
