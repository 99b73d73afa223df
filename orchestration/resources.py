"""Resources, configured from the environment with EnvVar (defaults: govreport/settings.py)."""

import os
import shutil
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from govreport.settings import Settings, path_setting
from orchestration.inbox import Listing, list_report_files
from warehouse import OutdatedWarehouseError, WarehouseLockedError, connect, ensure_schema, open_reader

STEP_RETRIES = 3
STEP_RETRY_WAIT_S = 30


class ReportSources(dg.ConfigurableResource):
    """Where report files come from and where unreadable ones are set aside."""

    inbox: str
    quarantine: str

    def list_files(self, paths: list[str]) -> Listing:
        """Every file under the given files or folders (the inbox when none), as sorted
        absolute paths (a file has one name in ingest_log however it was given), and the
        folders that could not be read."""
        return list_report_files([Path(p) for p in paths] or [Path(self.inbox)])

    def set_aside(self, path: str, sha256: str | None, reason: str) -> Path:
        """Copy an unreadable file to the quarantine folder with a note saying why."""
        folder = Path(self.quarantine)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{(sha256 or 'unhashed')[:12]}-{Path(path).name}"
        try:
            if Path(path).is_file():
                shutil.copy2(path, target)
        except OSError as error:  # unreadable: the note still says why
            reason = f"{reason}\n(not copied here: {error.strerror or error})"
        target.with_name(target.name + ".reason.txt").write_text(f"{path}\n{reason}\n", encoding="utf-8")
        return target


class SharedFolder(dg.ConfigurableResource):
    """The folder every host sees at the same path: batch manifests, staged rows, step outputs."""

    path: str

    def staging(self, run_id: str) -> str:
        return str(Path(self.path) / "staging" / run_id)


class DataDocs(dg.ConfigurableResource):
    """Where each run's GX Data Docs are rebuilt."""

    folder: str


class Progress(dg.ConfigurableResource):
    """Reports an ingest's phases and the files done; the command line swaps in a bar or lines."""

    def phase(self, name: str | None, total: int | None = None) -> None:
        """A phase begins (None: the last one ended); `total` files when it counts them."""

    def advance(self, done: int = 1) -> None:
        """Called as files finish."""

    def note(self, message: str) -> None:
        """Something a person waiting should know (a wait for the writer slot or the lock)."""


class _Shown:
    """What a progress display shows now: shared by the copies Dagster makes of the resource
    for the steps of a run in this process (they keep its `key`)."""

    def __init__(self):
        self.name, self.total, self.done, self.started, self.bar = None, None, 0, 0.0, None


_shown: dict[str, _Shown] = {}


class ProgressLines(Progress):
    """One line per phase on stderr (when it ends: what it did and how long it took), for logs
    and pipes; a bar would write hundreds of carriage returns there."""

    key: str = Field(default_factory=lambda: uuid.uuid4().hex, description="shared by the resource's copies")

    @property
    def shown(self) -> _Shown:
        return _shown.setdefault(self.key, _Shown())

    def phase(self, name: str | None, total: int | None = None) -> None:
        self._end()
        shown = self.shown
        shown.name, shown.total, shown.done, shown.started = name, total, 0, time.monotonic()

    def advance(self, done: int = 1) -> None:
        self.shown.done += done

    def note(self, message: str) -> None:
        print(f"  {message}", file=sys.stderr, flush=True)

    def _end(self) -> None:
        shown = self.shown
        if shown.name is None:
            return
        counted = f"{shown.done} of {shown.total} file(s), " if shown.total is not None else ""
        print(f"{shown.name}: {counted}{time.monotonic() - shown.started:.1f} s", file=sys.stderr, flush=True)
        shown.name = None


class ProgressBar(ProgressLines):
    """A progress bar per phase on stderr, for a terminal."""

    def phase(self, name: str | None, total: int | None = None) -> None:
        from tqdm import tqdm

        shown = self.shown
        if shown.bar is not None:
            shown.bar.close()
        shown.bar = tqdm(total=total, unit="file", desc=name, file=sys.stderr) if name else None

    def advance(self, done: int = 1) -> None:
        if self.shown.bar is not None:
            self.shown.bar.update(done)

    def note(self, message: str) -> None:
        if self.shown.bar is not None:
            self.shown.bar.write(f"  {message}", file=sys.stderr)
        else:
            super().note(message)


def progress_for_terminal() -> Progress:
    """A bar when both stdout and stderr are a terminal, else plain lines."""
    return ProgressBar() if sys.stdout.isatty() and sys.stderr.isatty() else ProgressLines()


# The writer's DuckDB memory. The load's joins hold one chunk's rows at a time (load_batch's
# slices). 10,000 reports' load step alone (benchmarks/bench_load.py) grew the process by 531 MB
# at 500 MB (which took the ingest process of a 10,000-report run over 1 GB), by 376 MB at
# 320 MB, 332 MB at 256 MB; 256 MB spilled more: 5 CPU s and 9 s more than 500 MB, 320 MB
# 2.4 CPU s and 2.6 s. The keys a load adds (about 10 MB per 1,000 reports) cannot spill: the
# higher limit also leaves room for larger batches.
WRITER_MEMORY_LIMIT = "320MB"


class Warehouse(DuckDBResource):
    """The DuckDB warehouse, opened read-write with its schema up to date.

    Another process (an analyst's `govreport query`) may hold the file: the open is
    retried with backoff, each wait logged with the process holding it; if the file stays
    locked the step asks to be retried (up to STEP_RETRIES times, STEP_RETRY_WAIT_S apart).
    Other errors are not transient and fail the step at once."""

    lock_retries: int = Field(default=10, description="Opens retried while another process holds the file "
                              "(0.1 s doubling: 10 retries wait up to about 100 s).")
    memory_limit: str = Field(default=WRITER_MEMORY_LIMIT,
                              description="DuckDB's memory limit for the writer; beyond it DuckDB spills to disk "
                              "instead of growing with the warehouse. It also holds the index of the keys a load "
                              "adds until the load commits (about 10 MB per 1,000 reports), which cannot spill.")

    @contextmanager
    def get_connection(self, log=None):
        """Raises dg.RetryRequested when the file stays locked, so the step runs again later."""
        try:
            con = connect(self.database, retries=self.lock_retries)
        except WarehouseLockedError as error:
            if log:
                log.warning(f"{error}; the step will be retried in {STEP_RETRY_WAIT_S} s")
            raise dg.RetryRequested(max_retries=STEP_RETRIES, seconds_to_wait=STEP_RETRY_WAIT_S) from error
        try:
            con.execute(f"SET memory_limit = '{self.memory_limit}'")
            ensure_schema(con)
            yield con
        finally:
            con.close()

    @contextmanager
    def get_reader(self, log=None):
        """A read-only connection, or None while there is no warehouse at this code's schema
        version (the load creates or upgrades it); a file kept locked asks for a retry."""
        reader = open_reader(self.database, retries=self.lock_retries)
        try:
            con = reader.__enter__()
        except (FileNotFoundError, OutdatedWarehouseError):
            yield None
            return
        except WarehouseLockedError as error:
            if log:
                log.warning(f"{error}; the step will be retried in {STEP_RETRY_WAIT_S} s")
            raise dg.RetryRequested(max_retries=STEP_RETRIES, seconds_to_wait=STEP_RETRY_WAIT_S) from error
        try:
            yield con
        finally:
            reader.__exit__(None, None, None)


class StepOutputs(dg.ConfigurableIOManagerFactory):
    """Where steps hand each other their outputs: in memory in the `local` profile (one process),
    as files on the shared folder in `cluster`, where every step may run on another host."""

    shared: str

    def create_io_manager(self, context) -> dg.IOManager:
        if Settings.from_env().is_cluster:
            from dagster._core.storage.fs_io_manager import PickledObjectFilesystemIOManager

            return PickledObjectFilesystemIOManager(base_dir=str(Path(self.shared) / "step-outputs"))
        from dagster._core.storage.mem_io_manager import InMemoryIOManager

        return InMemoryIOManager()


def _path(name: str):
    """The variable as an EnvVar (resolved when a run starts) when it is set, else its default,
    so `dagster dev` works without any variable set."""
    return dg.EnvVar(name) if os.environ.get(name) else str(path_setting(name))


def default_resources() -> dict:
    return {
        "duckdb": Warehouse(database=_path("GOVREPORT_WAREHOUSE")),
        "sources": ReportSources(inbox=_path("GOVREPORT_INBOX"), quarantine=_path("GOVREPORT_QUARANTINE")),
        "data_docs": DataDocs(folder=_path("GOVREPORT_DQ_DOCS")),
        "shared": SharedFolder(path=_path("GOVREPORT_SHARED")),
        "progress": Progress(),
        "io_manager": StepOutputs(shared=_path("GOVREPORT_SHARED")),
    }
