"""Backups of the warehouse with DuckDB's EXPORT DATABASE, and restores with IMPORT DATABASE.

A backup is a folder any DuckDB can IMPORT: one Parquet file per table, `schema.sql` and
`load.sql`, plus `govreport-backup.json` (when, from which file, schema version, rows per
table), which a restore checks the restored rows against. DuckDB 2.0's EXPORT writes views in
name order, so a view is created before one it reads (indicator_facts before
indicator_values) and IMPORT fails; it also leaves out the comments. The backup rewrites
schema.sql with the views in dependency order and every comment, from the catalog.

A restore builds a new file beside the target and moves it into place only once its rows
match the manifest, so a failed restore leaves the old file as it was. Replacing a file that
exists needs `force` and an exclusive lock on it: no process (an ingestion, a reader) has it
open. The old file's write-ahead log goes with it.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.schema import WarehouseLockedError, connect, current_version, damaged, is_damage, utc_now

MANIFEST = "govreport-backup.json"
EXPORT_FILES = ("schema.sql", "load.sql")


class BackupError(ValueError):
    """A backup folder that cannot be written or read, or a restore that would lose data."""


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    warehouse: Path
    schema_version: int
    rows: dict[str, int]


def backup(warehouse: Path, folder: Path, retries: int = 0) -> BackupSummary:
    """Export the warehouse into a new (or empty) folder; the manifest lists every table's rows.

    Reads every block of the file, so a damaged block surfaces here as CorruptWarehouseError.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(f"{folder} already exists and is not an empty folder: name a new one")
    con = connect(warehouse, read_only=True, retries=retries)
    try:
        rows = _row_counts(con)
        version = current_version(con)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            con.execute(f"EXPORT DATABASE '{_literal(folder)}' (FORMAT parquet)")
        except duckdb.Error as error:
            for written in folder.iterdir():  # a half-written backup must not pass for one
                written.unlink()
            if is_damage(error):
                raise damaged(warehouse, error) from error
            raise
        schema = folder / "schema.sql"
        schema.write_text(_importable_schema(con, schema.read_text(encoding="utf-8")), encoding="utf-8")
    finally:
        con.close()
    manifest = {"warehouse": str(warehouse), "created_at": utc_now().isoformat(timespec="seconds") + "Z",
                "schema_version": version, "duckdb": duckdb.__version__, "rows": rows}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return BackupSummary(folder, warehouse, version, rows)


def restore(folder: Path, warehouse: Path, force: bool = False) -> BackupSummary:
    """Rebuild the warehouse file from a backup folder.

    A warehouse that exists is replaced only with force, and only while no process has it open.
    """
    manifest = read_manifest(folder)
    if warehouse.exists() and not force:
        raise BackupError(f"{warehouse} exists: restoring would replace it. Add --force to replace it "
                          "(nothing may have it open), or restore into a new file with --warehouse NEW.duckdb")
    staging = warehouse.with_name(f"{warehouse.name}.restoring-{os.getpid()}")
    _remove(staging)
    try:
        con = connect(staging)
        try:
            con.execute(f"IMPORT DATABASE '{_literal(folder)}'")
            rows = _row_counts(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if rows != manifest["rows"]:
            raise BackupError(f"the backup in {folder} restored {rows}, its manifest lists {manifest['rows']}: "
                              "the backup is incomplete or damaged")
        _move_into_place(staging, warehouse)
    finally:
        _remove(staging)
    return BackupSummary(folder, warehouse, manifest["schema_version"], rows)


def read_manifest(folder: Path) -> dict:
    """The backup's manifest; BackupError when folder is not a complete backup."""
    missing = [name for name in (MANIFEST, *EXPORT_FILES) if not (folder / name).is_file()]
    if missing:
        raise BackupError(f"{folder} is not a backup made by govreport backup (missing {', '.join(missing)})")
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def _row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = [name for (name,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name"
    ).fetchall()]
    if not tables:
        return {}
    counts = con.execute("SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables)).fetchall()[0]
    return dict(zip(tables, counts))


def _importable_schema(con: duckdb.DuckDBPyConnection, exported: str) -> str:
    """schema.sql with views in dependency order, then COMMENT ON every commented object."""
    statements = [s.query.strip().rstrip(";") for s in duckdb.extract_statements(exported)]
    others = [s for s in statements if not re.match(r"CREATE\s+VIEW\b", s, re.IGNORECASE)]
    views = dict(con.execute(
        "SELECT view_name, sql FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").fetchall())
    comments = [f"COMMENT ON {kind} {_name(table)} IS {_string(comment)}" for kind, table, comment in con.execute(
        "SELECT 'TABLE', table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' AND comment IS NOT NULL"
        " UNION ALL SELECT 'VIEW', view_name, comment FROM duckdb_views()"
        " WHERE schema_name = 'main' AND NOT internal AND comment IS NOT NULL").fetchall()]
    comments += [f"COMMENT ON COLUMN {_name(table)}.{_name(column)} IS {_string(comment)}"
                 for table, column, comment in con.execute(
                     "SELECT table_name, column_name, comment FROM duckdb_columns()"
                     " WHERE schema_name = 'main' AND comment IS NOT NULL ORDER BY table_name, column_index").fetchall()]
    ordered = [views[name].strip().rstrip(";") for name in _dependency_order(views)]
    return "".join(f"{statement};\n" for statement in others + ordered + comments)


def _dependency_order(views: dict[str, str]) -> list[str]:
    """View names, each after the views its SQL names (a name inside a string literal counts
    too: harmless, it only moves a view later)."""
    needs = {name: {other for other in views if other != name
                    and re.search(rf"\b{re.escape(other)}\b", sql)} for name, sql in views.items()}
    order: list[str] = []
    while len(order) < len(views):
        ready = [name for name in sorted(views) if name not in order and needs[name] <= set(order)]
        if not ready:
            raise BackupError(f"views depend on each other in a cycle: {sorted(set(views) - set(order))}")
        order += ready
    return order


def _move_into_place(staging: Path, warehouse: Path) -> None:
    """Replace warehouse by staging while holding an exclusive lock on the old file."""
    if not warehouse.exists():
        os.replace(staging, warehouse)
        return
    with open(warehouse, "rb+") as old:
        try:
            fcntl.lockf(old, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            raise WarehouseLockedError(f"warehouse {warehouse} is open in another process (an ingestion or a "
                                       "reader): stop it, then restore again") from error
        _remove(Path(f"{warehouse}.wal"))  # the old file's log would be replayed into the new one
        os.replace(staging, warehouse)


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}.wal")):
        leftover.unlink(missing_ok=True)


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def _string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _name(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'

