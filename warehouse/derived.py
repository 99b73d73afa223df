"""Tables computed from the loaded rows, recomputed wherever those rows change.

- indicator_mentions (0006), the rows of the indicator_values view: as a view it joined and
  ranked every indicator mention on each query. A load recomputes the (region_key,
  report_year) groups of the documents it inserted or deleted, the groups both of its windows
  stay within; a change of the indicators or a schema upgrade recomputes it whole.
- indicator_yoy (0004), pairs of consecutive years of indicator_series, recomputed whole (it
  reads indicator_mentions, so this is one window over the actual figures).
- the search index by numbers (0006, warehouse.search_index), brought in step with documents.

All of it runs inside the writer's transaction (load_batch, replace_indicators, ensure_schema),
so readers see the tables in step with the metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import duckdb

from warehouse.search_index import sync_search_index

_YOY_SQL = Path(__file__).with_name("indicator_yoy.sql")
_VALUES_SQL = Path(__file__).with_name("indicator_values.sql")
_DOCUMENTS_MARK = "/*documents*/"
# The documents of every (region_key, report_year) group that holds a changed document
# ($changed), whether the document is still there (documents) or already deleted (its rows in
# indicator_mentions).
_AFFECTED_DOCUMENTS = """
CREATE OR REPLACE TEMP TABLE _wh_affected_groups AS
SELECT DISTINCT region_key, report_year FROM indicator_mentions WHERE list_contains($changed, document_id)
UNION
SELECT coalesce(region_code, document_id), report_year FROM documents WHERE list_contains($changed, document_id)
"""


@cache
def _sql(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    (found,) = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
                           [name]).fetchall()[0]
    return bool(found)


def refresh_derived(con: duckdb.DuckDBPyConnection, changed: Sequence[str] | None = None) -> None:
    """Recompute the derived tables (call inside the writer's transaction).

    `changed` lists the document_ids a load inserted or deleted: only their groups of
    indicator_mentions are recomputed; None recomputes everything. A warehouse not yet
    upgraded lacks some tables; its upgrade computes them. A load that inserted and deleted
    nothing changes nothing derived: nothing is read.
    """
    if changed is not None and not changed:
        return
    if _has_table(con, "indicator_mentions"):
        sync_search_index(con)
        _refresh_indicator_mentions(con, changed)
    if _has_table(con, "indicator_yoy"):
        con.execute("DELETE FROM indicator_yoy")
        con.execute(f"INSERT INTO indicator_yoy BY NAME {_sql(_YOY_SQL)}")


def _refresh_indicator_mentions(con: duckdb.DuckDBPyConnection, changed: Sequence[str] | None) -> None:
    """Recompute indicator_mentions, whole or for the groups of the `changed` documents."""
    values = _sql(_VALUES_SQL)
    if changed is None:
        con.execute("DELETE FROM indicator_mentions")
        con.execute(f"INSERT INTO indicator_mentions BY NAME SELECT * FROM ({values.replace(_DOCUMENTS_MARK, '')})"
                    " ORDER BY province, indicator_id, region_key, report_year")
        return
    con.execute(_AFFECTED_DOCUMENTS, {"changed": list(changed)})
    con.execute("DELETE FROM indicator_mentions m USING _wh_affected_groups g"
                " WHERE m.region_key = g.region_key AND m.report_year IS NOT DISTINCT FROM g.report_year")
    in_groups = ("d.document_id IN (SELECT d2.document_id FROM documents d2 JOIN _wh_affected_groups g"
                 " ON coalesce(d2.region_code, d2.document_id) = g.region_key"
                 " AND d2.report_year IS NOT DISTINCT FROM g.report_year) AND")
    con.execute(f"INSERT INTO indicator_mentions BY NAME {values.replace(_DOCUMENTS_MARK, in_groups)}")
    con.execute("DROP TABLE _wh_affected_groups")
