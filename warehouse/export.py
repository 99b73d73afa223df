"""Exports for other tools: one Parquet or CSV file, or Parquet partitioned by year and province.

COPY runs on the analyst's read-only connection: it writes the target file, never the
warehouse.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

FILE_FORMATS = {".parquet": "(FORMAT parquet)", ".csv": "(FORMAT csv, HEADER true)"}
PARTITION_COLUMNS = ("report_year", "province")


def table_sql(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """SELECT of a whole table or view of the warehouse, refusing unknown names."""
    known = {n for (n,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        " UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()}
    if name not in known:
        raise ValueError(f"no table or view named {name!r}; the warehouse has: {', '.join(sorted(known))}")
    return f'SELECT * FROM "{name}"'


def export_file(con: duckdb.DuckDBPyConnection, select_sql: str, target: Path) -> int:
    """Write the rows of select_sql to target (.parquet or .csv); return the row count."""
    options = FILE_FORMATS.get(target.suffix.lower())
    if options is None:
        raise ValueError(f"cannot tell the format of {target}: name it .parquet or .csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    return _copy(con, select_sql, target, options)


def export_partitioned(con: duckdb.DuckDBPyConnection, select_sql: str, directory: Path) -> int:
    """Write Parquet files under directory/report_year=…/province=…/; return the row count.

    Other engines read it as a hive-partitioned dataset (values are URI-encoded, a NULL is
    __HIVE_DEFAULT_PARTITION__). The directory must be new or empty.
    """
    columns = [name for (name, *_rest) in con.execute(f"DESCRIBE ({_strip(select_sql)})").fetchall()]
    missing = [c for c in PARTITION_COLUMNS if c not in columns]
    if missing:
        raise ValueError(f"a partitioned export needs the columns {', '.join(PARTITION_COLUMNS)}; "
                         f"missing {', '.join(missing)} (export a view such as indicator_values, "
                         "or join documents in --sql)")
    directory.mkdir(parents=True, exist_ok=True)
    return _copy(con, select_sql, directory,
                 f"(FORMAT parquet, PARTITION_BY ({', '.join(PARTITION_COLUMNS)}))")


def _copy(con: duckdb.DuckDBPyConnection, select_sql: str, target: Path, options: str) -> int:
    """COPY (select_sql) TO target with options; the number of rows written."""
    path = str(target).replace("'", "''")
    return con.execute(f"COPY ({_strip(select_sql)}) TO '{path}' {options}").fetchall()[0][0]


def _strip(select_sql: str) -> str:
    """The query without surrounding blanks and trailing semicolons, to nest it in COPY."""
    return select_sql.strip().rstrip(";").strip()
