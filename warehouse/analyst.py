"""Read-only access for analysts: a short-lived reader connection and the indicator coverage.

DuckDB locks the file per process: while an ingestion writes, no other process can open it,
and while a reader has it open the ingestion cannot. So a reader opens read-only, retries a
lock for a few seconds, runs its one query and closes at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.schema import READER_CONFIG, connect, current_version, migrations

READER_RETRIES = 5  # 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s: about 3 s of waiting for a writer


class OutdatedWarehouseError(RuntimeError):
    """The warehouse file predates the analyst schema; a reader cannot upgrade it."""


INDICATOR_COVERAGE_SQL = """
WITH used AS (
    SELECT
        m.indicator AS indicator_id,
        count(DISTINCT d.region_code) AS regions,
        count(DISTINCT d.report_year) AS years,
        min(d.report_year) AS first_year,
        max(d.report_year) AS last_year,
        count(DISTINCT m.document_id) AS reports,
        count(*) AS mentions
    FROM metrics m
    JOIN documents d USING (document_id)
    WHERE m.indicator IS NOT NULL
    GROUP BY m.indicator
)
SELECT
    coalesce(i.indicator_id, u.indicator_id) AS indicator_id,
    i.name,
    i.unit,
    coalesce(u.regions, 0) AS regions,
    coalesce(u.years, 0) AS years,
    u.first_year,
    u.last_year,
    coalesce(u.reports, 0) AS reports,
    coalesce(u.mentions, 0) AS mentions
FROM indicators i
FULL JOIN used u ON u.indicator_id = i.indicator_id
ORDER BY regions DESC, years DESC, mentions DESC, indicator_id
"""


@contextmanager
def open_reader(path: str | Path, retries: int = READER_RETRIES) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse for the duration of the block.

    It reads the warehouse file and nothing else: external access is off and locked
    (READER_CONFIG), so no statement can write or read other files. Raises
    WarehouseMissingError (a FileNotFoundError) for a missing file, CorruptWarehouseError
    for a damaged one, WarehouseLockedError when an ingestion keeps the file after the
    retries, OutdatedWarehouseError when its schema is older than this code's (the next
    ingestion upgrades it).
    """
    con = connect(path, read_only=True, retries=retries, config=READER_CONFIG)
    try:
        _require_current_schema(con, path)
        yield con
    finally:
        con.close()


def _require_current_schema(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Refuse a warehouse whose schema lacks the latest migration: its views are missing."""
    latest = migrations()[-1][0]
    tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    found = current_version(con) if "schema_version" in tables else 0
    if found < latest:
        raise OutdatedWarehouseError(
            f"warehouse {path} has schema version {found}, these commands need {latest}: "
            "run an ingestion (govreport ingest) once to upgrade it in place"
        )


def indicator_coverage(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple]]:
    """Each indicator with how many regions, years, reports and mentions have it."""
    result = con.execute(INDICATOR_COVERAGE_SQL)
    return [d[0] for d in result.description], result.fetchall()


def document_names(con: duckdb.DuckDBPyConnection, document_ids: Iterable[str]):
    """document_id, source_path and title of the given documents (those the warehouse holds),
    as a pandas frame: how the Data Docs and alerts name a document behind a hash."""
    return con.execute("SELECT document_id, source_path, title FROM documents "
                       "WHERE document_id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": sorted(document_ids)}).df()
