"""Resources, configured from the environment with EnvVar (defaults: govreport/settings.py)."""

import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field, PrivateAttr

from govreport.settings import path_setting
from warehouse import WarehouseLockedError, connect, ensure_schema

STEP_RETRIES = 3
STEP_RETRY_WAIT_S = 30

SKIPPED_NAMES = (".", "~$")  # hidden files and Office lock files are not reports


class ReportSources(dg.ConfigurableResource):
    """Where report files come from and where unreadable ones are set aside."""

    inbox: str
    quarantine: str

    def list_files(self, paths: list[str]) -> list[str]:
        """Every file under the given files or folders (the inbox when none), as sorted
        absolute paths: a file has one name in ingest_log however it was given."""
        roots = [Path(p) for p in paths] or [Path(self.inbox)]
        files: set[Path] = set()
        for root in roots:
            if root.is_dir():
                files.update(p for p in root.rglob("*") if p.is_file())
            elif root.exists():
                files.add(root)
            else:
                raise FileNotFoundError(f"{root}: no such file or folder")
        return sorted(str(p.resolve()) for p in files if not p.name.startswith(SKIPPED_NAMES))

    def set_aside(self, path: str, sha256: str | None, reason: str) -> Path:
        """Copy an unreadable file to the quarantine folder with a note saying why."""
        folder = Path(self.quarantine)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{(sha256 or 'unhashed')[:12]}-{Path(path).name}"
        if Path(path).exists():
            shutil.copy2(path, target)
        target.with_name(target.name + ".reason.txt").write_text(f"{path}\n{reason}\n", encoding="utf-8")
        return target


class DataDocs(dg.ConfigurableResource):
    """Where each run's GX Data Docs are rebuilt."""

    folder: str


class Progress(dg.ConfigurableResource):
    """Reports how many files are parsed; the command line swaps in a progress bar."""

    def start(self, total: int) -> None:
        """Called once with the number of files."""

    def advance(self, done: int = 1) -> None:
        """Called as files finish."""


class ProgressBar(Progress):
    """A progress bar on stderr, for the command line."""

    _bar: Any = PrivateAttr(default=None)

    def start(self, total: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="file", desc="reading", file=sys.stderr)

    def advance(self, done: int = 1) -> None:
        self._bar.update(done)
        if self._bar.n >= self._bar.total:
            self._bar.close()


class Warehouse(DuckDBResource):
    """The DuckDB warehouse, opened read-write with its schema up to date.

    Another process (an analyst's `govreport query`) may hold the file: the open is
    retried with backoff, each wait logged; if the file stays locked the step asks to be
    retried (up to STEP_RETRIES times, STEP_RETRY_WAIT_S apart). Other errors are not
    transient and fail the step at once."""

    lock_retries: int = Field(default=10, description="Opens retried while another process holds the file "
                              "(0.1 s doubling: 10 retries wait up to about 100 s).")
    memory_limit: str = Field(default="1GB", description="DuckDB's memory limit for the writer; beyond it "
                              "DuckDB spills to disk instead of growing with the warehouse.")

    @contextmanager
    def get_connection(self):
        """Raises dg.RetryRequested when the file stays locked, so the step runs again later."""
        try:
            con = connect(self.database, retries=self.lock_retries)
        except WarehouseLockedError as error:
            raise dg.RetryRequested(max_retries=STEP_RETRIES, seconds_to_wait=STEP_RETRY_WAIT_S) from error
        try:
            con.execute(f"SET memory_limit = '{self.memory_limit}'")
            ensure_schema(con)
            yield con
        finally:
            con.close()


def _path(name: str):
    """The variable as an EnvVar (resolved when a run starts) when it is set, else its default,
    so `dagster dev` works without any variable set."""
    return dg.EnvVar(name) if os.environ.get(name) else str(path_setting(name))


def default_resources() -> dict:
    return {
        "duckdb": Warehouse(database=_path("GOVREPORT_WAREHOUSE")),
        "sources": ReportSources(inbox=_path("GOVREPORT_INBOX"), quarantine=_path("GOVREPORT_QUARANTINE")),
        "data_docs": DataDocs(folder=_path("GOVREPORT_DQ_DOCS")),
        "progress": Progress(),
        "io_manager": dg.mem_io_manager,
    }
