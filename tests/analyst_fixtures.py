"""Fixtures of the analyst tests, used with `pytest_plugins = ["tests.analyst_fixtures"]` so
that the sample warehouse is built once per session.

The sample warehouse is the one `make run` builds: `govreport ingest data/samples` run as a
command (through the Dagster job, data-quality results and all), only with every setting
pointing into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govreport.settings import DEFAULTS
from tests.analyst_helpers import ROOT
from warehouse import open_reader


@pytest.fixture(scope="session")
def analyst_settings(tmp_path_factory) -> dict[str, str]:
    """The environment of the sample warehouse: every setting in a session folder."""
    root = tmp_path_factory.mktemp("make-run")
    return {name: str(root / Path(default).name) for name, default in DEFAULTS.items()}


@pytest.fixture(scope="session")
def analyst_warehouse(analyst_settings) -> Path:
    """Path of the warehouse `make run` builds; tests open it read-only only."""
    env = {**os.environ, **analyst_settings, "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
    made = subprocess.run([sys.executable, "-m", "govreport", "ingest", "data/samples"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    return Path(analyst_settings["GOVREPORT_WAREHOUSE"])


@pytest.fixture
def reader(analyst_warehouse):
    """A read-only connection to the sample warehouse, closed after the test."""
    with open_reader(analyst_warehouse) as con:
        yield con
