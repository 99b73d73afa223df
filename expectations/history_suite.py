"""Checks across documents, on what the warehouse holds (all WARN: nothing here blocks a load).

warehouse/quality.py reads the frames with SQL (`history_frames`); `validate_history` runs the
GX checks on them, so it can be tested on hand-made frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from expectations.checks import SuiteRun, names_and_descriptions
from expectations.gx_runner import Batch, import_gx, run_suite, show
from expectations.vocabulary import limits, units_of_kinds

if TYPE_CHECKING:
    import pandas as pd

HISTORY_CHECKS: tuple[tuple[str, str], ...] = names_and_descriptions("history")
SERIES_KEY = ["indicator", "region_code", "unit"]

@dataclass(frozen=True)
class HistoryFrames:
    """What the cross-document checks read (warehouse/quality.py's SQL says what each holds)."""

    documents: pd.DataFrame
    yearly_values: pd.DataFrame
    sources: pd.DataFrame


def validate_history(frames: HistoryFrames) -> SuiteRun:
    """Run the three history checks, each on its own frame."""
    gxe = import_gx().expectations
    factor = limits()["history"]["max_year_on_year_factor"]
    return run_suite("history", [
        Batch("history_year_on_year", year_on_year(frames.yearly_values), {
            "no_tenfold_jump": [
                gxe.ExpectColumnValuesToBeBetween(column="factor", min_value=1 / factor, max_value=factor)
            ],
        }, context_columns=("change",)),
        Batch("history_documents", frames.documents.reset_index(drop=True), {
            "core_indicator_present": [gxe.ExpectColumnValuesToBeBetween(column="core_mentions", min_value=1)],
        }, context_columns=("source_path",)),
        Batch("history_sources", _with_all_paths(frames.sources), {
            "content_under_one_name": [gxe.ExpectColumnValuesToBeUnique(column="document_id")],
        }, context_columns=("paths",)),
    ])


def year_on_year(yearly_values: pd.DataFrame) -> pd.DataFrame:
    """One row per series (indicator, region, unit) and pair of consecutive report years.

    Only units whose kind is compared (limits.toml) are paired; the row belongs to the
    later year's document, and `change` says what moved, e.g.
    "dibao_funds 500238 元: 2023 12345678 → 2024 12345.7".
    """
    compared = yearly_values[
        yearly_values["unit"].isin(units_of_kinds(limits()["history"]["compared_unit_kinds"]))
    ].sort_values([*SERIES_KEY, "report_year"])
    previous = compared.groupby(SERIES_KEY, sort=False)[["report_year", "value"]].shift(1)
    pairs = compared.assign(previous_year=previous["report_year"], previous_value=previous["value"])
    pairs = pairs[pairs["previous_year"] == pairs["report_year"] - 1].reset_index(drop=True)
    return pairs.assign(
        factor=pairs["value"] / pairs["previous_value"],
        change=[_change(row) for row in pairs.itertuples(index=False)],
    )


def _change(row: Any) -> str:
    return (f"{row.indicator} {row.region_code} {row.unit}: "
            f"{show(row.previous_year)} {show(row.previous_value)} → {show(row.report_year)} {show(row.value)}")


def _with_all_paths(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources frame with, per row, every path holding the same content."""
    paths = sources.groupby("document_id")["source_path"].transform(lambda group: " | ".join(sorted(group)))
    return sources.reset_index(drop=True).assign(paths=paths.to_numpy())
