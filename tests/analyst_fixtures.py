"""Fixtures of the analyst tests, used with `pytest_plugins = ["tests.analyst_fixtures"]` so
that the sample warehouse is built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analyst_helpers import build_warehouse, sample_files
from warehouse import open_reader


@pytest.fixture(scope="session")
def analyst_warehouse(tmp_path_factory) -> Path:
    """Path of the sample warehouse (the bundled samples); tests open it read-only only."""
    return build_warehouse(tmp_path_factory.mktemp("analyst") / "sample.duckdb", sample_files())


@pytest.fixture
def reader(analyst_warehouse):
    """A read-only connection to the sample warehouse, closed after the test."""
    with open_reader(analyst_warehouse) as con:
        yield con
