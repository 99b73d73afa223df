"""`govreport` commands for analysts: search, indicators, export, chart (read-only).

Each opens the warehouse read-only for one query and closes it, so it never blocks or
breaks an ingestion; while an ingestion holds the file it waits a few seconds, then says so.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transforms.model import SectionCategory

FORMATS = ("table", "csv", "json")
CATEGORIES = tuple(category.value for category in SectionCategory)


def add_analyst_commands(sub: argparse._SubParsersAction) -> None:
    """Register the analysts' subcommands on the `govreport` parser."""
    search = sub.add_parser("search", help="rank report sentences for Chinese words (BM25)")
    search.add_argument("query", nargs="+", help="words, e.g. 低保 资金 (traditional characters work too)")
    search.add_argument("--province", help="only reports from this province, e.g. 湖北省")
    search.add_argument("--year", type=int, help="only reports covering this year")
    search.add_argument("--category", choices=CATEGORIES, help="only sentences from sections of this category")
    search.add_argument("--limit", type=int, default=20, help="how many sentences (default 20)")
    _add_reader_options(search, with_format=True)
    search.set_defaults(run=command_search)

    indicators = sub.add_parser("indicators", help="each indicator with how many regions and years have it")
    _add_reader_options(indicators, with_format=True)
    indicators.set_defaults(run=command_indicators)

    export = sub.add_parser("export", help="write a table, view or query to Parquet or CSV")
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("--sql", help="a SELECT to export")
    source.add_argument("--table", help="a table or view to export, e.g. indicator_values")
    export.add_argument("--to", required=True, type=Path,
                        help="FILE.parquet or FILE.csv; with --partitioned, a new directory")
    export.add_argument("--partitioned", action="store_true",
                        help="write Parquet files partitioned by report_year and province under --to")
    _add_reader_options(export, with_format=False)
    export.set_defaults(run=command_export)

    chart = sub.add_parser("chart", help="write an HTML line chart of an indicator, regions over years")
    chart.add_argument("indicator", help="indicator id, e.g. dibao_recipients (see govreport indicators)")
    chart.add_argument("--province", help="only regions of this province")
    chart.add_argument("--top", type=int, default=12, help="how many regions, largest latest figure first")
    chart.add_argument("--to", type=Path, help="HTML file to write (default chart-INDICATOR.html)")
    _add_reader_options(chart, with_format=False)
    chart.set_defaults(run=command_chart)


def _add_reader_options(parser: argparse.ArgumentParser, with_format: bool) -> None:
    if with_format:
        parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")


def command_search(args: argparse.Namespace) -> int:
    from warehouse.search import search

    def run(con):
        return search(con, " ".join(args.query), province=args.province, year=args.year,
                      category=args.category, limit=args.limit)

    return _print_result(args, run)


def command_indicators(args: argparse.Namespace) -> int:
    from warehouse.analyst import indicator_coverage

    return _print_result(args, indicator_coverage)


def command_export(args: argparse.Namespace) -> int:
    from warehouse.export import export_file, export_partitioned, table_sql

    def run(con):
        select = table_sql(con, args.table) if args.table else args.sql
        write = export_partitioned if args.partitioned else export_file
        return write(con, select, args.to)

    rows = with_reader(args, run)
    if rows is None:
        return 1
    print(f"wrote {rows} rows to {args.to}")
    return 0


def command_chart(args: argparse.Namespace) -> int:
    from warehouse.chart import load_chart, render_html

    chart = with_reader(args, lambda con: load_chart(con, args.indicator, args.province, args.top))
    if chart is None:
        return 1
    target = args.to or Path(f"chart-{args.indicator}.html")
    target.write_text(render_html(chart), encoding="utf-8")
    print(f"wrote {target}: {chart.indicator_name} ({chart.unit}), "
          f"{len(chart.series)} of {chart.regions_total} regions")
    return 0


def _print_result(args: argparse.Namespace, run) -> int:
    """Run a (columns, rows) query on a reader and print it in the chosen format."""
    from warehouse import format_rows

    result = with_reader(args, run)
    if result is None:
        return 1
    print(format_rows(*result, args.format))
    return 0


def with_reader(args: argparse.Namespace, run):
    """run(con) on a short-lived read-only connection; None after printing why it failed."""
    import duckdb

    from warehouse import WarehouseLockedError
    from warehouse.analyst import OutdatedWarehouseError, open_reader

    try:
        with open_reader(args.warehouse or default_warehouse()) as con:
            return run(con)
    except (WarehouseLockedError, OutdatedWarehouseError, FileNotFoundError, ValueError, duckdb.Error) as error:
        print(f"govreport {args.command}: {error}", file=sys.stderr)
        return None


def default_warehouse() -> Path:
    from govreport.settings import Settings

    return Settings.from_env().warehouse
