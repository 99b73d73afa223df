"""Rows of a run staged as Parquet files, one set per chunk of documents.

A run parses thousands of files; holding all their rows in memory until the load would
grow with the backlog. Each chunk's rows go to disk as soon as they are made, and the
loader reads them back with DuckDB in one transaction, so memory holds one chunk."""
from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd


class StagedRows:
    """Parquet files under `folder`, one per table and chunk: <table>/<chunk>.parquet."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def add_chunk(self, frames: Mapping[str, pd.DataFrame]) -> None:
        """Write one chunk's rows; every table gets a file, empty or not, so each table
        always has files to read."""
        chunk = f"{len(self.chunks()):05d}.parquet"
        con = duckdb.connect()
        try:
            for table, frame in frames.items():
                target = self.folder / table / chunk
                target.parent.mkdir(parents=True, exist_ok=True)
                con.register("_chunk", frame)
                con.execute(f"COPY _chunk TO '{_quoted(target)}' (FORMAT parquet)")
                con.unregister("_chunk")
        finally:
            con.close()

    def chunks(self) -> list[str]:
        tables = sorted(p for p in self.folder.glob("*") if p.is_dir())
        return sorted(p.name for p in tables[0].glob("*.parquet")) if tables else []

    def files(self) -> dict[str, list[Path]]:
        """Each staged table's Parquet files, in chunk order."""
        return {table.name: sorted(table.glob("*.parquet"))
                for table in sorted(self.folder.glob("*")) if table.is_dir()}

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
