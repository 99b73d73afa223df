"""Tables computed from the loaded rows, recomputed wherever those rows change.

indicator_yoy (0004) is such a table: as a view it ranked every metric twice per query. It is
recomputed inside the transaction that changes the metrics or indicators (load_batch,
replace_indicators) and after a schema upgrade, so readers see it in step with them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

_YOY_SQL = Path(__file__).with_name("indicator_yoy.sql")


@cache
def _yoy_select() -> str:
    return _YOY_SQL.read_text(encoding="utf-8")


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute indicator_yoy from the metrics (call inside the writer's transaction).

    A warehouse not yet upgraded to 0004 has no such table; its upgrade computes it.
    """
    (tables,) = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main'"
                            " AND table_name = 'indicator_yoy'").fetchall()[0]
    if not tables:
        return
    con.execute("DELETE FROM indicator_yoy")
    con.execute(f"INSERT INTO indicator_yoy BY NAME {_yoy_select()}")
