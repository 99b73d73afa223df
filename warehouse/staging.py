"""Rows of a run staged as Parquet files, a few per part of a chunk of documents.

A run parses thousands of files; holding all their rows in memory until the load would
grow with the backlog. A part's rows go to disk as soon as they are made (by the process
that parsed them: the tables no suite reads every few hundred documents, the validated ones
at the part's end), and the loader reads them back with DuckDB in one transaction. A chunk step stages into a folder of its own, which it empties before it
starts: a retried step never adds its rows twice."""
from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd


class StagedRows:
    """Parquet files under `folder`, one per table and part: <table>/<part>.parquet."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def write(self, frames: Mapping[str, pd.DataFrame], part: str) -> None:
        """Write one part's rows; every table gets a file, empty or not, so each table
        always has files to read. Writing a part again replaces it."""
        con = duckdb.connect()
        try:
            for table, frame in frames.items():
                target = self.folder / table / f"{part}.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                con.register("_chunk", frame)
                con.execute(f"COPY _chunk TO '{_quoted(target)}' (FORMAT parquet)")
                con.unregister("_chunk")
        finally:
            con.close()

    def drop_documents(self, tables: tuple[str, ...], part: str, document_ids: list[str]) -> None:
        """Take the rows of `document_ids` out of the files of `part` (`<part>-*.parquet`)
        in `tables`: rows staged before their documents were found wanting."""
        con = duckdb.connect()
        try:
            con.register("_dropped", pd.DataFrame({"document_id": document_ids}))
            for table in tables:
                for source in sorted((self.folder / table).glob(f"{part}-*.parquet")):
                    kept = source.with_name(source.name + ".kept")
                    con.execute(f"COPY (SELECT * FROM read_parquet('{_quoted(source)}') WHERE document_id NOT IN "
                                f"(SELECT document_id FROM _dropped)) TO '{_quoted(kept)}' (FORMAT parquet)")
                    kept.replace(source)
        finally:
            con.close()

    def files(self) -> dict[str, list[Path]]:
        """Each staged table's Parquet files, in part order."""
        return {table.name: sorted(table.glob("*.parquet"))
                for table in sorted(self.folder.glob("*")) if table.is_dir()}

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
