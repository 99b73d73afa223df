-- The rows of the indicator_mentions table (0006), which the indicator_values view shows:
-- recomputed by warehouse.derived in every load, for the (region_key, report_year) groups whose
-- documents changed (/*documents*/ becomes a condition on d.document_id), or all of them.
--
-- One row per metric mention that maps to an indicator. `preference` is the rule that picks
-- the figure to quote for an indicator x region x year, as one sort key (smallest first):
--   kind actual before target; the indicator's own unit first; a report covering the whole
--   year (family annual) before half-year, then plan and other reports; an exact figure before
--   an approximate one (qualifier NULL first); the largest value (a total before its parts, a
--   stock before the year's additions); then the earliest mention.
-- mention_rank numbers the mentions in that order; in_series marks the row indicator_series
-- shows: the first actual figure by preference per indicator, region, report family, unit and
-- year, reports of unknown year left out. Every window is within one indicator, region_key and
-- report_year, so recomputing the groups a load touched gives the rows a full recomputation
-- would.
SELECT
    *,
    row_number() OVER figure AS mention_rank,
    count(*) OVER place_and_year AS mentions,
    (kind = 'actual' AND report_year IS NOT NULL AND row_number() OVER series_figure = 1) IS TRUE AS in_series
FROM (
    SELECT
        m.indicator AS indicator_id,
        i.name AS indicator_name,
        coalesce(d.region_code, d.document_id) AS region_key,
        d.region_code,
        d.province,
        d.city,
        d.county,
        coalesce(d.county, d.city, d.province) AS region,
        d.admin_level,
        d.agency,
        d.report_year,
        m.period,
        d.report_type,
        coalesce(t.family, 'other') AS report_family,
        m.value,
        m.unit,
        m.qualifier,
        m.kind,
        m.subject,
        m.raw,
        m.sentence,
        m.section,
        m.section_category,
        d.title AS report_title,
        m.document_id,
        m.sentence_id,
        m.metric_id,
        {'target': m.kind IS DISTINCT FROM 'actual',
         'other_unit': m.unit IS DISTINCT FROM i.unit,
         'family': CASE coalesce(t.family, 'other') WHEN 'annual' THEN 0 WHEN 'half_year' THEN 1 ELSE 2 END,
         'approximate': m.qualifier IS NOT NULL,
         'minus_value': -m.value,
         'document_id': m.document_id,
         'start': m.start} AS preference
    FROM metrics m
    JOIN documents d USING (document_id)
    LEFT JOIN indicators i ON i.indicator_id = m.indicator
    LEFT JOIN report_types t ON t.report_type = d.report_type
    WHERE m.indicator IS NOT NULL AND /*documents*/ true
)
WINDOW place_and_year AS (
    PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level, report_year
), figure AS (
    place_and_year ORDER BY preference
), series_figure AS (
    PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level,
                 report_family, unit, report_year, kind
    ORDER BY preference
)
