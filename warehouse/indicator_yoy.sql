-- The rows of the indicator_yoy table (0004), recomputed by warehouse.derived.refresh_derived in
-- every load: each actual figure of indicator_series paired with the same series' figure of the
-- year before (same indicator, region, report family and unit; consecutive report years).
--
-- Pairs are found on the few columns a comparison needs; the two source sentences are joined
-- to the pairs only: carrying every column through the window costs more than the joins.
WITH paired AS (
    SELECT
        indicator_id, indicator_name, region_key, region_code, province, city, county, region,
        admin_level, report_family, unit, report_year, value, metric_id,
        lag(report_year) OVER series AS previous_year,
        lag(value) OVER series AS previous_value,
        lag(metric_id) OVER series AS previous_metric_id
    FROM indicator_series
    WINDOW series AS (
        PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level,
                     report_family, unit
        ORDER BY report_year
    )
)
SELECT
    p.indicator_id, p.indicator_name, p.region_key, p.region_code, p.province, p.city, p.county,
    p.region, p.admin_level, p.report_family, p.unit,
    p.previous_year, p.report_year, p.previous_value, p.value,
    p.value - p.previous_value AS change,
    CASE WHEN p.previous_value <> 0 THEN round(100 * (p.value - p.previous_value) / p.previous_value, 2) END AS change_pct,
    earlier.sentence AS previous_sentence,
    later.sentence,
    earlier.document_id AS previous_document_id,
    later.document_id,
    p.previous_metric_id,
    p.metric_id
FROM paired p
JOIN metrics later ON later.metric_id = p.metric_id
JOIN metrics earlier ON earlier.metric_id = p.previous_metric_id
WHERE p.previous_year = p.report_year - 1
