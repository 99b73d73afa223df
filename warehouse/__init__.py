"""DuckDB warehouse for extracted government-report metrics (no orchestration imports)."""

from warehouse.analyst import OutdatedWarehouseError, indicator_coverage, open_reader
from warehouse.loader import LoadSummary, append_dq_results, load_batch, record_failures, replace_indicators
from warehouse.query import format_rows, run_query
from warehouse.regions import refresh_regions
from warehouse.schema import WarehouseLockedError, connect, ensure_schema, table_counts
from warehouse.search import EmptyQueryError, search

__all__ = [
    "EmptyQueryError",
    "LoadSummary",
    "OutdatedWarehouseError",
    "WarehouseLockedError",
    "append_dq_results",
    "connect",
    "ensure_schema",
    "format_rows",
    "indicator_coverage",
    "load_batch",
    "open_reader",
    "record_failures",
    "refresh_regions",
    "replace_indicators",
    "run_query",
    "search",
    "table_counts",
]
