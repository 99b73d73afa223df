"""The queries behind the analysts' web app (govreport/web/): every one a fixed SQL text with
parameters, so nothing a browser sends is ever run as SQL.

Each function takes a read-only connection and returns a Table (column names and rows) or,
for one record, a dict. Filters are optional parameters: `$province IS NULL OR …` keeps one
SQL text per question whatever the filters given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

KINDS = ("actual", "target")


@dataclass(frozen=True)
class Table:
    """A query result: column names and rows, in order."""

    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def _table(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> Table:
    result = con.execute(sql, params)
    return Table([d[0] for d in result.description], result.fetchall())


def _record(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
    found = _table(con, sql, params).records()
    return found[0] if found else None


# --- choices for the filters ---------------------------------------------------------------

def provinces(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Provinces that have at least one report."""
    return [p for (p,) in con.execute(
        "SELECT DISTINCT province FROM documents WHERE province IS NOT NULL ORDER BY province").fetchall()]


def report_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Report years present, newest first."""
    return [y for (y,) in con.execute(
        "SELECT DISTINCT report_year FROM documents WHERE report_year IS NOT NULL ORDER BY report_year DESC"
    ).fetchall()]


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """How much the warehouse holds, for the home page."""
    return _record(con, """
        SELECT (SELECT count(*) FROM documents) AS reports,
               (SELECT count(*) FROM metrics) AS figures,
               (SELECT count(*) FROM metrics WHERE indicator IS NOT NULL) AS indicator_figures,
               (SELECT count(DISTINCT indicator) FROM metrics) AS indicators,
               (SELECT count(DISTINCT coalesce(region_code, document_id)) FROM documents) AS regions,
               (SELECT min(report_year) FROM documents) AS first_year,
               (SELECT max(report_year) FROM documents) AS last_year,
               (SELECT max(evaluated_at) FROM dq_results) AS last_checked
    """, {})


# --- indicators ---------------------------------------------------------------------------

INDICATORS_SQL = """
SELECT indicator_id, any_value(indicator_name) AS name, any_value(i.unit) AS unit,
       count(DISTINCT region_key) AS regions, count(DISTINCT report_year) AS years,
       min(report_year) AS first_year, max(report_year) AS last_year,
       count(DISTINCT document_id) AS reports, count(*) AS mentions
FROM indicator_values v
LEFT JOIN indicators i USING (indicator_id)
WHERE ($province IS NULL OR v.province = $province) AND ($kind IS NULL OR v.kind = $kind)
GROUP BY indicator_id
ORDER BY regions DESC, years DESC, mentions DESC, indicator_id
"""


def indicators(con: duckdb.DuckDBPyConnection, province: str | None = None, kind: str | None = None) -> Table:
    """Each indicator with figures (of that province and kind), with its coverage."""
    return _table(con, INDICATORS_SQL, {"province": province, "kind": kind})


def indicator(con: duckdb.DuckDBPyConnection, indicator_id: str) -> dict[str, Any] | None:
    """The indicator's name, unit and synonyms; None for an unknown id."""
    return _record(con, "SELECT indicator_id, name, unit, synonyms FROM indicators WHERE indicator_id = $id",
                   {"id": indicator_id})


# One figure per region and year for the chart and the coverage grid: among the mentions of
# the kind asked for, the first by the warehouse's preference (indicator_values.preference).
INDICATOR_FIGURES_SQL = """
SELECT region, province, report_year, value, unit, raw, kind, qualifier, period, subject,
       report_title, document_id, metric_id, region_key,
       unit IS NOT DISTINCT FROM (SELECT unit FROM indicators WHERE indicator_id = $id) AS usual_unit
FROM indicator_values
WHERE indicator_id = $id
  AND ($province IS NULL OR province = $province) AND ($kind IS NULL OR kind = $kind)
QUALIFY row_number() OVER (PARTITION BY region_key, report_year ORDER BY preference) = 1
ORDER BY province, region, report_year
"""

INDICATOR_MENTIONS_SQL = """
SELECT region, province, report_year, value, unit, raw, kind, qualifier, period, subject, sentence,
       mention_rank, report_title, document_id, metric_id
FROM indicator_values
WHERE indicator_id = $id
  AND ($province IS NULL OR province = $province) AND ($kind IS NULL OR kind = $kind)
ORDER BY province, region, report_year, mention_rank
"""


def indicator_figures(con: duckdb.DuckDBPyConnection, indicator_id: str, province: str | None = None,
                      kind: str | None = None) -> Table:
    """The figure to show for each region and year (chart points, coverage cells)."""
    return _table(con, INDICATOR_FIGURES_SQL, {"id": indicator_id, "province": province, "kind": kind})


def indicator_mentions(con: duckdb.DuckDBPyConnection, indicator_id: str, province: str | None = None,
                       kind: str | None = None) -> Table:
    """Every mention of the indicator, with its sentence and rank."""
    return _table(con, INDICATOR_MENTIONS_SQL, {"id": indicator_id, "province": province, "kind": kind})


# --- regions ------------------------------------------------------------------------------

REGIONS_SQL = """
SELECT coalesce(d.region_code, d.document_id) AS region_key,
       coalesce(any_value(d.county), any_value(d.city), any_value(d.province), '(unknown region)') AS region,
       any_value(d.province) AS province, any_value(d.city) AS city, any_value(d.admin_level) AS level,
       count(*) AS reports, min(d.report_year) AS first_year, max(d.report_year) AS last_year,
       (SELECT count(*) FROM metrics m WHERE m.document_id IN (
            SELECT document_id FROM documents x
            WHERE coalesce(x.region_code, x.document_id) = coalesce(d.region_code, d.document_id))) AS figures
FROM documents d
WHERE $province IS NULL OR d.province = $province
GROUP BY region_key
ORDER BY province, city NULLS FIRST, region
"""

REGION_SQL = """
SELECT coalesce(region_code, document_id) AS region_key, region_code,
       coalesce(any_value(county), any_value(city), any_value(province), '(unknown region)') AS region,
       any_value(province) AS province, any_value(city) AS city, any_value(county) AS county,
       any_value(admin_level) AS level, list(DISTINCT agency) AS agencies
FROM documents
WHERE coalesce(region_code, document_id) = $key
GROUP BY ALL
"""

REGION_FIGURES_SQL = """
SELECT indicator_id, indicator_name, report_year, value, unit, raw, kind, qualifier, period, subject,
       mentions, sentence, report_title, document_id, metric_id
FROM indicator_facts
WHERE region_key = $key
ORDER BY indicator_id, report_year
"""

REGION_REPORTS_SQL = """
SELECT document_id, title, agency, report_type, report_year, publish_date, format, source_path,
       (SELECT count(*) FROM metrics m WHERE m.document_id = d.document_id) AS figures
FROM documents d
WHERE coalesce(region_code, document_id) = $key
ORDER BY report_year DESC, publish_date DESC NULLS LAST
"""


def regions(con: duckdb.DuckDBPyConnection, province: str | None = None) -> Table:
    """Every region with reports: its name, level, reports, years and figures."""
    return _table(con, REGIONS_SQL, {"province": province})


def region(con: duckdb.DuckDBPyConnection, region_key: str) -> dict[str, Any] | None:
    """The region a key names (a region code, or a document id for an unknown region)."""
    return _record(con, REGION_SQL, {"key": region_key})


def region_figures(con: duckdb.DuckDBPyConnection, region_key: str) -> Table:
    """Every indicator of the region over the years: the figure quoted for each, with its source."""
    return _table(con, REGION_FIGURES_SQL, {"key": region_key})


def region_reports(con: duckdb.DuckDBPyConnection, region_key: str) -> Table:
    return _table(con, REGION_REPORTS_SQL, {"key": region_key})


# --- documents and figures ----------------------------------------------------------------

DOCUMENT_SQL = """
SELECT document_id, title, agency, province, city, county, coalesce(region_code, document_id) AS region_key,
       admin_level, report_year, report_type, publish_date, index_no, doc_no, format, encoding,
       source_path, char_count, loaded_at, first_seen_run, text
FROM documents
WHERE document_id = $id
"""

DOCUMENT_FIGURES_SQL = """
SELECT m.metric_id, m.start, m."end", m.raw, m.subject, m.value, m.unit, m.qualifier, m.kind, m.period,
       m.indicator AS indicator_id, i.name AS indicator_name, m.section, m.sentence_id,
       EXISTS (SELECT 1 FROM dq_results q
               WHERE q.document_id = m.document_id AND NOT q.passed
                 AND list_contains(q.metric_ids, m.metric_id)) AS failed_check
FROM metrics m
LEFT JOIN indicators i ON i.indicator_id = m.indicator
WHERE m.document_id = $id
ORDER BY m.start
"""

DOCUMENT_SENTENCES_SQL = """
SELECT idx, start, "end" FROM sentences WHERE document_id = $id ORDER BY start
"""

FIGURE_SQL = """
SELECT m.metric_id, m.document_id, m.raw, m.subject, m.value, m.unit, m.qualifier, m.kind, m.period,
       m.indicator AS indicator_id, i.name AS indicator_name, i.unit AS indicator_unit,
       m.sentence, m.section, m.section_category, m.start, m."end", s.idx AS sentence_idx,
       d.title AS report_title, d.agency, d.report_year, d.source_path,
       coalesce(d.region_code, d.document_id) AS region_key,
       coalesce(d.county, d.city, d.province) AS region, d.province,
       v.mention_rank, v.mentions
FROM metrics m
JOIN documents d USING (document_id)
LEFT JOIN indicators i ON i.indicator_id = m.indicator
LEFT JOIN sentences s ON s.sentence_id = m.sentence_id
LEFT JOIN indicator_values v ON v.metric_id = m.metric_id
WHERE m.metric_id = $id
"""

# The checks that ran on a document's figures: each failure naming the document (whether
# this figure is among its failing rows), and the checks that passed in those runs.
FIGURE_QUALITY_SQL = """
WITH runs AS (
    SELECT DISTINCT run_id FROM dq_results WHERE document_id = $document_id
    UNION
    SELECT first_seen_run FROM documents WHERE document_id = $document_id
)
SELECT q.run_id, q.evaluated_at, q.suite, q.check_name, q.severity, q.passed,
       CASE WHEN q.passed THEN NULL ELSE coalesce(list_contains(q.metric_ids, $metric_id), false) END
           AS this_figure,
       q.observed_value, q.description
FROM dq_results q
WHERE q.run_id IN (SELECT run_id FROM runs)
  AND (q.document_id = $document_id OR (q.document_id IS NULL AND q.passed))
ORDER BY q.evaluated_at DESC, q.passed, q.severity, q.suite, q.check_name
"""


def document(con: duckdb.DuckDBPyConnection, document_id: str) -> dict[str, Any] | None:
    return _record(con, DOCUMENT_SQL, {"id": document_id})


def document_figures(con: duckdb.DuckDBPyConnection, document_id: str) -> Table:
    """The document's figures in text order, with their offsets and whether a check failed on them."""
    return _table(con, DOCUMENT_FIGURES_SQL, {"id": document_id})


def document_sentences(con: duckdb.DuckDBPyConnection, document_id: str) -> Table:
    return _table(con, DOCUMENT_SENTENCES_SQL, {"id": document_id})


def document_quality(con: duckdb.DuckDBPyConnection, document_id: str) -> Table:
    """The failed checks naming the document, newest first."""
    return _table(con, """
        SELECT run_id, evaluated_at, suite, check_name, severity, observed_value, len(metric_ids) AS figures,
               description
        FROM dq_results WHERE document_id = $id AND NOT passed
        ORDER BY evaluated_at DESC, severity, check_name
    """, {"id": document_id})


def figure(con: duckdb.DuckDBPyConnection, metric_id: str) -> dict[str, Any] | None:
    """One metric row with its report, region, indicator and rank among the indicator's mentions."""
    return _record(con, FIGURE_SQL, {"id": metric_id})


def figure_quality(con: duckdb.DuckDBPyConnection, metric_id: str, document_id: str) -> Table:
    return _table(con, FIGURE_QUALITY_SQL, {"metric_id": metric_id, "document_id": document_id})


# --- data quality -------------------------------------------------------------------------

QUALITY_RUNS_SQL = """
SELECT run_id, max(evaluated_at) AS evaluated_at,
       count(*) FILTER (WHERE NOT passed) AS failures,
       count(DISTINCT check_name) FILTER (WHERE NOT passed) AS failed_checks,
       count(DISTINCT document_id) FILTER (WHERE NOT passed) AS documents
FROM dq_results
GROUP BY run_id
ORDER BY evaluated_at DESC
LIMIT $limit
"""

QUALITY_CHECKS_SQL = """
SELECT suite, check_name, severity, bool_and(passed) AS passed,
       count(DISTINCT document_id) FILTER (WHERE NOT passed) AS documents,
       coalesce(sum(len(metric_ids)) FILTER (WHERE NOT passed), 0) AS figures,
       any_value(description) AS description
FROM dq_results
WHERE run_id = $run_id
GROUP BY suite, check_name, severity
ORDER BY passed, severity, suite, check_name
"""

# Failures of a run, one row per failing figure (or per document for a check on documents),
# with the report named by title and file.
QUALITY_FAILURES_SQL = """
WITH failures AS (
    SELECT q.*, unnest(coalesce(q.metric_ids, [NULL::VARCHAR])) AS metric_id
    FROM dq_results q
    WHERE q.run_id = $run_id AND NOT q.passed AND ($check IS NULL OR q.check_name = $check)
)
SELECT f.check_name, f.severity, f.suite, f.observed_value,
       coalesce(d.title, l.source_path) AS report, coalesce(d.source_path, l.source_path) AS source_path,
       l.status AS file_status, f.document_id, f.metric_id, m.raw, m.subject, m.sentence
FROM failures f
LEFT JOIN documents d ON d.document_id = f.document_id
LEFT JOIN metrics m ON m.metric_id = f.metric_id
LEFT JOIN (SELECT sha256, arg_max(source_path, last_seen) AS source_path, arg_max(status, last_seen) AS status
           FROM ingest_log GROUP BY sha256) l ON l.sha256 = f.document_id
ORDER BY f.severity, f.check_name, report, m.start
"""


def quality_runs(con: duckdb.DuckDBPyConnection, limit: int = 20) -> Table:
    """The runs that evaluated checks, newest first, with their failures."""
    return _table(con, QUALITY_RUNS_SQL, {"limit": limit})


def latest_quality_run(con: duckdb.DuckDBPyConnection) -> str | None:
    runs = quality_runs(con, limit=1).rows
    return runs[0][0] if runs else None


def quality_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> Table:
    """Each check of a run: passed or how many documents and figures failed it."""
    return _table(con, QUALITY_CHECKS_SQL, {"run_id": run_id})


def quality_failures(con: duckdb.DuckDBPyConnection, run_id: str, check: str | None = None) -> Table:
    """Every failure of a run (of one check, if given), one row per failing figure."""
    return _table(con, QUALITY_FAILURES_SQL, {"run_id": run_id, "check": check})
