"""The domain lists the checks read: word lists and limits under data/, unit kinds and
indicator units from the extraction rules (transforms/data/units.toml, indicators.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Collection

DATA_DIR = Path(__file__).parent / "data"


@cache
def read_words(name: str) -> tuple[str, ...]:
    """The entries of a one-per-line list under data/ (blank and # lines skipped).

    An empty list would silently turn its check off (or on for every row), so it is an error.
    """
    path = DATA_DIR / name
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words = tuple(line for line in lines if line and not line.startswith("#"))
    if not words:
        raise ValueError(f"no entries in {path}")
    return words


@cache
def limits() -> dict:
    return tomllib.loads((DATA_DIR / "limits.toml").read_text(encoding="utf-8"))


def rate_change_words() -> tuple[str, ...]:
    return read_words("rate_change_words.txt")


def over_whole_words() -> tuple[str, ...]:
    return read_words("over_whole_words.txt")


def ratio_words() -> tuple[str, ...]:
    return read_words("ratio_words.txt")


def core_indicators() -> tuple[str, ...]:
    return read_words("core_indicators.txt")


def units_of_kinds(kinds: Collection[str]) -> frozenset[str]:
    """Known units whose kind (count, money, percent, duration) is one of `kinds`."""
    from transforms.rules.units import NO_UNIT, unit_kinds

    return frozenset(unit for unit, kind in unit_kinds().items() if kind in kinds and unit != NO_UNIT)


@cache
def plausible_limits() -> dict[str, float]:
    """Each known unit mapped to the largest magnitude a value in it may have
    (limits.toml [[plausible]]: an entry naming the unit, else the entry of its kind)."""
    from transforms.rules.units import unit_kinds

    entries = limits()["plausible"]
    by_unit = {unit: float(entry["max"]) for entry in entries for unit in entry.get("units", ())}
    by_kind = {entry["kind"]: float(entry["max"]) for entry in entries if "kind" in entry}
    return {unit: by_unit[unit] if unit in by_unit else by_kind[kind]
            for unit, kind in unit_kinds().items() if unit in by_unit or kind in by_kind}


def percent_units() -> frozenset[str]:
    """Units of shares and rates (%, ‰, 个百分点): the only ones whose values may be negative."""
    return units_of_kinds({"percent"})


def counting_units() -> frozenset[str]:
    """Units that count whole things (人, 户, 个, 次 …)."""
    return units_of_kinds({"count"})


def indicator_unit_pairs(known_units: Collection[str]) -> list[tuple[str, str]]:
    """Every (indicator id, unit) a mention may carry: the indicator's unit or one of its family.

    The same family rule (transforms.rules.units.same_family) decides which indicator a
    subject maps to, so a mismatch here means a row did not come from that rule.
    """
    from transforms.rules.indicators import indicators
    from transforms.rules.units import same_family

    return sorted(
        (indicator.id, unit)
        for indicator in indicators()
        for unit in known_units
        if same_family(indicator.unit, unit)
    )
