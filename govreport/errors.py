"""What the command line says when something goes wrong: one line, what happened and what to do.

No traceback for anything a user can cause (bad SQL, a missing or damaged warehouse, a file
that is not there, a value an option does not take). An error nobody foresaw is a bug: it is
still one line, naming the exception, and GOVREPORT_DEBUG=1 shows its traceback.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

DEBUG_VARIABLE = "GOVREPORT_DEBUG"
_DUCKDB_POSITION = re.compile(r"^LINE \d+:")
SQL_HINT = ('check the SQL: govreport query "SHOW TABLES" lists the tables and views, '
            'govreport query "DESCRIBE name" their columns')


class UserError(Exception):
    """A problem the user can fix; its message says what happened and what to do."""


class OneLineParser(argparse.ArgumentParser):
    """argparse with its errors on one line (usage is one --help away)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def report(error: BaseException, command: str, warehouse: Path | None, default_warehouse: bool) -> int:
    """Print error as one line on stderr; the exit status. Re-raises under GOVREPORT_DEBUG=1.

    `warehouse` is the file the command works on, `default_warehouse` whether it is the
    default (no --warehouse, no GOVREPORT_WAREHOUSE), which is relative to the current folder.
    """
    if os.environ.get(DEBUG_VARIABLE) == "1":
        raise error
    print(f"govreport {command}: {describe(error, warehouse, default_warehouse)}", file=sys.stderr)
    return 130 if isinstance(error, KeyboardInterrupt) else 1


def describe(error: BaseException, warehouse: Path | None = None, default_warehouse: bool = False) -> str:
    """One line: what went wrong and what to do."""
    import duckdb

    from warehouse.query import NotAQueryError
    from warehouse.schema import (CorruptWarehouseError, WarehouseLockedError, WarehouseMissingError,
                                  damaged, is_damage)

    if isinstance(error, KeyboardInterrupt):
        return "interrupted"
    if isinstance(error, WarehouseMissingError):
        return _missing_warehouse(Path(error.filename), default_warehouse)
    if isinstance(error, (UserError, CorruptWarehouseError, WarehouseLockedError, NotAQueryError)):
        return one_line(str(error))
    if isinstance(error, duckdb.Error):
        if is_damage(error):
            return one_line(str(damaged(warehouse or "", error)))
        if isinstance(error, duckdb.PermissionException):
            return (f"{one_line(str(error))}: queries read the warehouse and nothing else "
                    "(no files, no ATTACH); to write a file use govreport export")
        return f"{one_line(str(error))}; {SQL_HINT}"
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    if isinstance(error, (ValueError, OSError)):
        return one_line(str(error))
    return (f"internal error ({type(error).__name__}: {one_line(str(error))}); this is a bug: "
            f"run again with {DEBUG_VARIABLE}=1 for the traceback and report it")


def one_line(text: str) -> str:
    """DuckDB's multi-line messages (and others) on one line, without the caret picture."""
    kept = []
    for line in text.splitlines():
        if _DUCKDB_POSITION.match(line.strip()):
            break
        if line.strip():
            kept.append(line.strip())
    return " ".join(kept) or text.strip()


def _missing_warehouse(path: Path, default: bool) -> str:
    message = (f"no warehouse at {path}: build it with govreport ingest PATH... "
               "(make run, in the project folder, ingests the bundled samples)")
    if default:
        message += (f"; the default data/warehouse.duckdb is relative to the current folder ({Path.cwd()}): "
                    "run from the project folder, or set GOVREPORT_WAREHOUSE or --warehouse")
    return message


def positive_int(text: str) -> int:
    """argparse type: an integer ≥ 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value
