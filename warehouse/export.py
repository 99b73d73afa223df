"""Exports for other tools: one Parquet or CSV file, or Parquet partitioned by year and province.

The analyst's connection reads the warehouse and nothing else (external access off), so it
cannot write files: the rows stream from it as Arrow record batches into a separate in-memory
DuckDB, which writes the file. CSV holds plain values: a struct column becomes one column per
field (`preference_target`, ...), a list becomes a JSON array.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

FILE_FORMATS = {".parquet": "(FORMAT parquet)", ".csv": "(FORMAT csv, HEADER true)"}
PARTITION_COLUMNS = ("report_year", "province")
ROWS_PER_BATCH = 100_000
_ROWS = "export_rows"


class ExportError(OSError):
    """The export's target cannot be written."""


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
    _make_folder(target, target.parent)
    flatten = target.suffix.lower() == ".csv"
    return _write(con, select_sql, target, options, flatten)


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
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ValueError(f"{directory} already exists and is not an empty folder: name a new one")
    _make_folder(directory, directory)
    return _write(con, select_sql, directory,
                  f"(FORMAT parquet, PARTITION_BY ({', '.join(PARTITION_COLUMNS)}))", flatten=False)


def _make_folder(target: Path, folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error.strerror} ({error.filename})") from error


def _write(con: duckdb.DuckDBPyConnection, select_sql: str, target: Path, options: str, flatten: bool) -> int:
    """Stream select_sql's rows from the reader into a file written by an in-memory DuckDB."""
    batches = con.sql(_strip(select_sql)).to_arrow_reader(ROWS_PER_BATCH)
    columns = ", ".join(_plain_columns(batches.schema)) if flatten else "*"
    writer = duckdb.connect()
    try:
        writer.register(_ROWS, batches)
        path = str(target).replace("'", "''")
        try:
            return writer.execute(f"COPY (SELECT {columns} FROM {_ROWS}) TO '{path}' {options}").fetchall()[0][0]
        except duckdb.IOException as error:
            raise ExportError(f"cannot write {target}: {str(error).splitlines()[0]}") from error
    finally:
        writer.close()


def _plain_columns(schema: pa.Schema) -> list[str]:
    """Select list of plain CSV values: a struct gives a column per field (`preference_target`),
    a list or map becomes JSON text."""
    return [part for field in schema for part in _plain(_quote(field.name), field.name, field.type)]


def _plain(expression: str, name: str, kind: pa.DataType) -> list[str]:
    if pa.types.is_struct(kind):
        return [part for field in kind for part in
                _plain(f"{expression}.{_quote(field.name)}", f"{name}_{field.name}", field.type)]
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind) \
            or pa.types.is_map(kind) or pa.types.is_union(kind):
        return [f"to_json({expression}) AS {_quote(name)}"]
    return [f"{expression} AS {_quote(name)}"]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _strip(select_sql: str) -> str:
    """The query without surrounding blanks and trailing semicolons, to nest it in COPY."""
    return select_sql.strip().rstrip(";").strip()
