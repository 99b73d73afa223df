"""What the data-quality code reads from the warehouse: the frames of the history suite
(expectations/history_suite.py checks them) and the latest run's dq_results (`govreport checks`)."""
from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

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

LATEST_RESULTS_SQL = """
SELECT * FROM dq_results
WHERE run_id = (SELECT arg_max(run_id, evaluated_at) FROM dq_results)
ORDER BY passed, severity, suite, check_name, document_id NULLS FIRST
"""


def history_frames(con: duckdb.DuckDBPyConnection, core_indicators: Iterable[str]
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The documents (with their core-indicator mentions), yearly values and sources frames."""
    return (con.execute(DOCUMENTS_SQL, {"core": list(core_indicators)}).df(),
            con.execute(YEARLY_VALUES_SQL).df(),
            con.execute(SOURCES_SQL).df())


def latest_results(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The dq_results rows of the most recently evaluated run, failures first."""
    return con.execute(LATEST_RESULTS_SQL).df()
