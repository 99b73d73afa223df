"""Checks across documents, on what the warehouse holds (all WARN: nothing here blocks a load).

`read_history_frames` reads the frames with plain SQL from an open DuckDB connection;
`validate_history` runs the GX checks on them, so it can be tested on hand-made frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from expectations.checks import SuiteRun, names_and_descriptions
from expectations.gx_runner import Batch, import_gx, run_suite, show
from expectations.vocabulary import core_indicators, limits, units_of_kinds

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

HISTORY_CHECKS: tuple[tuple[str, str], ...] = names_and_descriptions("history")
SERIES_KEY = ["indicator", "region_code", "unit"]

# Per document: where it came from and how many of its mentions are core indicators.
DOCUMENTS_SQL = """
SELECT d.document_id, d.source_path, d.title, d.region_code, d.report_year,
       count(m.metric_id) FILTER (WHERE list_contains($core, m.indicator)) AS core_mentions
FROM documents d
LEFT JOIN metrics m USING (document_id)
GROUP BY d.document_id, d.source_path, d.title, d.region_code, d.report_year
ORDER BY d.document_id
"""

# Per indicator, region, unit and report year: the largest value stated as done (kind
# 'actual') and the document stating it. The largest, because a report gives a total
# and then its parts (其中…, per town, per person per month), and the total is what two
# years' reports both state. Targets are plans, not levels; a figure the text dates to
# another year (period, e.g. last year's for comparison) is not this year's level.
YEARLY_VALUES_SQL = """
SELECT m.indicator, d.region_code, m.unit, d.report_year,
       max(m.value) AS value, arg_max(m.document_id, m.value) AS document_id
FROM metrics m
JOIN documents d USING (document_id)
WHERE m.indicator IS NOT NULL AND d.region_code IS NOT NULL AND d.report_year IS NOT NULL
  AND m.kind = 'actual' AND m.value > 0
  AND (m.period IS NULL OR starts_with(m.period, CAST(d.report_year AS VARCHAR)))
GROUP BY m.indicator, d.region_code, m.unit, d.report_year
ORDER BY m.indicator, d.region_code, m.unit, d.report_year
"""

SOURCES_SQL = "SELECT source_path, document_id FROM current_sources ORDER BY source_path"


@dataclass(frozen=True)
class HistoryFrames:
    """What the cross-document checks read (see the SQL above for each frame's meaning)."""

    documents: pd.DataFrame
    yearly_values: pd.DataFrame
    sources: pd.DataFrame


def read_history_frames(con: duckdb.DuckDBPyConnection) -> HistoryFrames:
    """Read the three frames from the warehouse (tables documents, metrics, current_sources)."""
    return HistoryFrames(
        documents=con.execute(DOCUMENTS_SQL, {"core": list(core_indicators())}).df(),
        yearly_values=con.execute(YEARLY_VALUES_SQL).df(),
        sources=con.execute(SOURCES_SQL).df(),
    )


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
