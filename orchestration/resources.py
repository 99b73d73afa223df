"""Resources, configured from the environment with EnvVar (see settings.py for defaults)."""

import shutil
import sys
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

SKIPPED_NAMES = (".", "~$")  # hidden files and Office lock files are not reports


class ReportSources(dg.ConfigurableResource):
    """Where report files come from and where unreadable ones are set aside."""

    inbox: str
    quarantine: str

    def list_files(self, paths: list[str]) -> list[str]:
        """Every file under the given files or folders (the inbox when none), sorted."""
        roots = [Path(p) for p in paths] or [Path(self.inbox)]
        files: set[Path] = set()
        for root in roots:
            if root.is_dir():
                files.update(p for p in root.rglob("*") if p.is_file())
            elif root.exists():
                files.add(root)
            else:
                raise FileNotFoundError(f"{root}: no such file or folder")
        return sorted(str(p) for p in files if not p.name.startswith(SKIPPED_NAMES))

    def set_aside(self, path: str, sha256: str | None, reason: str) -> Path:
        """Copy an unreadable file to the quarantine folder with a note saying why."""
        folder = Path(self.quarantine)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{(sha256 or 'unhashed')[:12]}-{Path(path).name}"
        if Path(path).exists():
            shutil.copy2(path, target)
        target.with_name(target.name + ".reason.txt").write_text(f"{path}\n{reason}\n", encoding="utf-8")
        return target


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


def default_resources() -> dict:
    return {
        "duckdb": DuckDBResource(database=dg.EnvVar("GOVREPORT_WAREHOUSE")),
        "sources": ReportSources(inbox=dg.EnvVar("GOVREPORT_INBOX"),
                                 quarantine=dg.EnvVar("GOVREPORT_QUARANTINE")),
        "progress": Progress(),
    }
