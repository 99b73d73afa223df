"""cpca's table of China's administrative divisions (adcodes.csv), read by the extractor,
the warehouse's regions dimension and the report generator alike."""
from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files


def gazetteer_path() -> str:
    """Path of cpca's bundled table: adcode (12 digits), name, longitude, latitude."""
    return str(files("cpca.resources") / "adcodes.csv")


@cache
def gazetteer_rows() -> tuple[dict[str, str], ...]:
    with open(gazetteer_path(), encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))
