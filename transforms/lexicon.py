"""Loads the domain data files under transforms/data (read once per process)."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


def _data_text(name: str) -> str:
    return resources.files("transforms").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_toml(name: str) -> dict:
    return tomllib.loads(_data_text(name))


@cache
def load_words(name: str) -> tuple[str, ...]:
    """One entry per line; `#` starts a comment; blank lines skipped."""
    words = []
    for line in _data_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return tuple(words)
