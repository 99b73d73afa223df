"""cpca's table of China's administrative divisions (adcodes.csv), read by the extractor,
the warehouse's regions dimension and the report generator alike."""
from __future__ import annotations

import csv
from functools import cache
from importlib.util import find_spec
from pathlib import Path


def gazetteer_path() -> str:
    """Path of cpca's bundled table: adcode (12 digits), name, longitude, latitude. Found
    without importing cpca, whose __init__ needs pkg_resources (setuptools, absent from a
    venv uv makes) and builds a matcher we never use."""
    (package,) = find_spec("cpca").submodule_search_locations
    return str(Path(package) / "resources" / "adcodes.csv")


@cache
def gazetteer_rows() -> tuple[dict[str, str], ...]:
    with open(gazetteer_path(), encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))
