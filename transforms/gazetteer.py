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


TOWNS = Path(__file__).parent / "data" / "towns.tsv"


@cache
def town_counties() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each town's name (寒亭镇, 棠树乡, 东华门街道) → the (county code, county name) of every
    county a town of that name lies in (88 for 城关镇): the level below cpca's table, read on
    first use only (data/towns.tsv)."""
    towns: dict[str, list[tuple[str, str]]] = {}
    with open(TOWNS, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            code, county, names = line.rstrip("\n").split("\t")
            for name in names.split(" "):
                towns.setdefault(name, []).append((code, county))
    return {name: tuple(counties) for name, counties in towns.items()}
