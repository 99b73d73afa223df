"""DuckDB warehouse for extracted government-report metrics (no orchestration imports)."""

from warehouse.loader import (
    LoadSummary,
    append_dq_results,
    load_batch,
    record_failures,
    replace_indicators,
)
from warehouse.query import format_rows, run_query
from warehouse.schema import WarehouseLockedError, connect, ensure_schema, table_counts

__all__ = [
    "LoadSummary",
    "append_dq_results",
    "WarehouseLockedError",
    "connect",
    "ensure_schema",
    "format_rows",
    "load_batch",
    "record_failures",
    "replace_indicators",
    "run_query",
    "table_counts",
]
