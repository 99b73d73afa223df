"""Read-only SQL access to the warehouse and text rendering of results for analysts."""

from __future__ import annotations

import csv
import gc
import io
import json
import unicodedata
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.schema import READER_CONFIG, connect

FORMATS = ("table", "csv", "json")
READ_RETRIES = 8
# Statements that only read: SELECT (with SHOW, DESCRIBE, SUMMARIZE, VALUES, FROM-first) and EXPLAIN.
READING_STATEMENTS = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)
_NULL_IN_TABLE = "NULL"
_CELL_ESCAPES = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
# Column types whose Arrow form turns into exactly the Python values fetchall() gives (a STRUCT
# of them too); a result with any other type is fetched by fetchall().
_ARROW_CONVERTED_TYPES = frozenset({"boolean", "tinyint", "smallint", "integer", "bigint", "utinyint", "usmallint",
                                    "uinteger", "ubigint", "float", "double", "varchar"})


class NotAQueryError(ValueError):
    """SQL that is not one reading statement (a write, COPY, ATTACH, SET, several statements)."""


def run_query(path: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one reading statement on a read-only connection; return (column names, rows).

    Three fences: the statement must be a SELECT or EXPLAIN (NotAQueryError otherwise, before
    the file is opened), the connection is read-only (DuckDB rejects any write), and external
    access is off and locked (no COPY TO, ATTACH, file readers or setting changes). In DuckDB
    2.0 another process writing the file locks it, so the open waits and retries (about 25 s
    in all) before WarehouseLockedError.
    """
    require_reading_statement(sql)
    con = connect(path, read_only=True, retries=READ_RETRIES, config=READER_CONFIG)
    try:
        return fetch_rows(con, sql)
    finally:
        con.close()


def fetch_rows(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one reading statement: the rows fetchall() gives, built faster.

    fetchall() converts value by value and the cyclic garbage collector walks the growing
    result again and again: for a SELECT of an indicator view at 1M metric rows (33,000 rows
    of 31 columns) four fifths of the time. A SELECT of plain columns is fetched as Arrow
    instead, each column converted at once, a string repeated down a column (province,
    agency, the sentence of several figures) made one Python object, with the collector paused
    (rows of plain values hold no cycles); other statements and types go through fetchall().
    """
    if duckdb.extract_statements(sql)[0].type == duckdb.StatementType.SELECT:
        relation = con.sql(sql)
        if all(_converts_from_arrow(kind) for kind in relation.types):
            table = relation.to_arrow_table()
            with _collector_paused():
                return relation.columns, list(zip(*(_python_values(column.combine_chunks())
                                                    for column in table.columns)))
    con.execute(sql)
    columns = [d[0] for d in con.description] if con.description else []
    with _collector_paused():
        return columns, con.fetchall()


def _converts_from_arrow(kind: duckdb.DuckDBPyType) -> bool:
    if kind.id == "struct":
        return all(_converts_from_arrow(child) for _, child in kind.children)
    return kind.id in _ARROW_CONVERTED_TYPES


def _python_values(column: pa.Array) -> list:
    """The column's values as fetchall() gives them: str, int, float, bool, a dict per
    struct, None for NULL."""
    if pa.types.is_struct(column.type):
        names = [field.name for field in column.type]
        values = [dict(zip(names, fields)) for fields in zip(*(_python_values(f) for f in column.flatten()))]
    elif pa.types.is_string(column.type):
        return _strings(column)
    elif column.null_count:
        return column.to_pylist()
    else:
        return column.to_numpy(zero_copy_only=False).tolist()
    if column.null_count:
        for index in np.flatnonzero(column.is_null().to_numpy(zero_copy_only=False)):
            values[index] = None
    return values


def _strings(column: pa.Array) -> list:
    """A string column as Python strings, each distinct string made once when most repeat."""
    encoded = pc.dictionary_encode(column)
    if 2 * len(encoded.dictionary) > len(column):
        return column.to_pylist()
    distinct = np.array(encoded.dictionary.to_pylist() + [None], dtype=object)
    return distinct[encoded.indices.fill_null(len(distinct) - 1).to_numpy()].tolist()


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off for the block (as it was before afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def require_reading_statement(sql: str) -> None:
    """Raise NotAQueryError unless sql is exactly one SELECT or EXPLAIN (a syntax error raises
    DuckDB's ParserException)."""
    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise NotAQueryError(f"give one SQL statement, not {len(statements)}")
    kind = statements[0].type
    if kind not in READING_STATEMENTS:
        raise NotAQueryError(f"only SELECT (or EXPLAIN) runs here, not {kind.name}: the warehouse is read-only "
                             "for queries and changes only through govreport ingest")


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """Render a result as text, without a trailing newline.

    table: aligned columns (CJK characters count as two cells wide, numbers
    right-aligned, NULL shown as NULL, line breaks escaped); csv: RFC 4180 with a header,
    NULL as an empty field; json: JSON Lines, one object per row, NULL as null.
    """
    renderers = {"table": _format_table, "csv": _format_csv, "json": _format_json_lines}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](list(columns), list(rows))


def display_width(text: str) -> int:
    """Terminal cells needed for text: wide/fullwidth characters take 2, combining marks 0."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    """Terminal cells of one character (ambiguous-width characters count as 1)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _is_number(value) -> bool:
    """True for numeric cell values (bool excluded: it renders as a word)."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _table_cell(value) -> str:
    """One table cell as single-line text."""
    if value is None:
        return _NULL_IN_TABLE
    return str(value).translate(_CELL_ESCAPES)


def _pad(text: str, width: int, right: bool) -> str:
    """Pad text with spaces to a display width."""
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def _format_table(columns: list[str], rows: list[tuple]) -> str:
    """Aligned text table with a dashed rule under the header."""
    cells = [[_table_cell(v) for v in row] for row in rows]
    widths = [
        max([display_width(name)] + [display_width(row[i]) for row in cells])
        for i, name in enumerate(columns)
    ]
    numeric = [
        any(row[i] is not None for row in rows) and all(row[i] is None or _is_number(row[i]) for row in rows)
        for i in range(len(columns))
    ]

    def line(texts: list[str]) -> str:
        return "  ".join(_pad(t, w, r) for t, w, r in zip(texts, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _csv_cell(value):
    """CSV field: lists and dicts as JSON text, NULL as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return value


def _format_csv(columns: list[str], rows: list[tuple]) -> str:
    """CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue().removesuffix("\n")


def _json_default(value):
    """JSON form of values json cannot encode: ISO dates/times, Decimals as numbers."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _format_json_lines(columns: list[str], rows: list[tuple]) -> str:
    """One JSON object per row, non-ASCII kept as is."""
    return "\n".join(
        json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=_json_default) for row in rows
    )
