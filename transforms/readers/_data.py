"""Loads the reader_* word lists and patterns kept under transforms/data/.

Domain data (labels, heading patterns, noise words) lives in data files so it can be
tuned without touching code; these helpers read it once and cache it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of a data file, stripped."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@cache
def data_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Each line of a data file compiled as a regular expression."""
    return tuple(re.compile(line) for line in data_lines(name))


@cache
def data_toml(name: str) -> dict:
    """A TOML data file as a dict."""
    with open(DATA_DIR / name, "rb") as handle:
        return tomllib.load(handle)
