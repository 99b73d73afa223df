-- 0003_analyst: schema v1 for analysts. Dimensions `regions` (filled from the gazetteer by
-- warehouse.regions.refresh_regions), `report_types`, view `agencies`; views that answer the
-- common questions: report_sentences, problems, plans, indicator_values, indicator_facts,
-- indicator_series, indicator_yoy, latest_reports.
--
-- Only new objects: a warehouse made by 0001/0002 upgrades in place with its rows kept.
-- Views read the base tables at query time, so they can never be stale or show a load half
-- done (the loader writes a batch in one transaction).

CREATE TABLE regions (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    province    VARCHAR NOT NULL,
    city        VARCHAR,
    county      VARCHAR,
    level       VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent_code VARCHAR,
    longitude   DOUBLE,
    latitude    DOUBLE
);

COMMENT ON TABLE regions IS 'China''s administrative divisions (province, prefecture, county level) from the gazetteer the extractor resolves agencies with (cpca).';
COMMENT ON COLUMN regions.code IS '6-digit administrative division code; documents.region_code refers to it.';
COMMENT ON COLUMN regions.name IS 'Name of the division itself, e.g. 巫溪县.';
COMMENT ON COLUMN regions.province IS 'Province-level division containing it (itself for a province), e.g. 重庆市.';
COMMENT ON COLUMN regions.city IS 'Prefecture-level division containing it (itself for a city); NULL for provinces and for counties directly under a province or municipality.';
COMMENT ON COLUMN regions.county IS 'The county-level division itself; NULL for provinces and cities.';
COMMENT ON COLUMN regions.level IS 'province, city or county, as documents.admin_level.';
COMMENT ON COLUMN regions.parent_code IS 'code of the enclosing division (the city, else the province); NULL for provinces.';
COMMENT ON COLUMN regions.longitude IS 'Longitude of the seat of government (WGS84 degrees), NULL when the gazetteer has none.';
COMMENT ON COLUMN regions.latitude IS 'Latitude of the seat of government (WGS84 degrees), NULL when the gazetteer has none.';

CREATE TABLE report_types (
    report_type VARCHAR PRIMARY KEY,
    family      VARCHAR NOT NULL,
    covers      VARCHAR NOT NULL
);

INSERT INTO report_types VALUES
    ('法治政府建设年度报告', 'annual', 'the report year'),
    ('年度工作总结', 'annual', 'the report year'),
    ('半年工作总结', 'half_year', 'the first half of the report year'),
    ('工作计划', 'plan', 'what is planned for the report year');

COMMENT ON TABLE report_types IS 'Report types (documents.report_type) and the family whose figures are comparable across years; a type not listed counts as family other.';
COMMENT ON COLUMN report_types.report_type IS 'documents.report_type label, e.g. 年度工作总结.';
COMMENT ON COLUMN report_types.family IS 'annual (covers a whole year), half_year, plan or other: figures are compared only within one family.';
COMMENT ON COLUMN report_types.covers IS 'The span a report of this type reports on, in words.';

CREATE VIEW agencies AS
SELECT
    agency,
    region_code,
    province,
    city,
    county,
    admin_level AS level,
    count(*) AS reports,
    min(report_year) AS first_year,
    max(report_year) AS last_year,
    list(DISTINCT report_type ORDER BY report_type) AS report_types
FROM documents
WHERE agency IS NOT NULL
GROUP BY agency, region_code, province, city, county, admin_level;

COMMENT ON VIEW agencies IS 'One row per issuing agency (name and region) with the reports the warehouse holds from it.';
COMMENT ON COLUMN agencies.agency IS 'Agency name as documents.agency, e.g. 巫溪县民政局.';
COMMENT ON COLUMN agencies.region_code IS 'regions.code of the agency''s division, NULL when unknown (e.g. a redacted *市民政局).';
COMMENT ON COLUMN agencies.province IS 'Province of the agency.';
COMMENT ON COLUMN agencies.city IS 'Prefecture-level city of the agency, or NULL.';
COMMENT ON COLUMN agencies.county IS 'County-level division of the agency, or NULL.';
COMMENT ON COLUMN agencies.level IS 'province, city or county: the level the agency works at.';
COMMENT ON COLUMN agencies.reports IS 'Number of documents from this agency.';
COMMENT ON COLUMN agencies.first_year IS 'Earliest report_year of its documents.';
COMMENT ON COLUMN agencies.last_year IS 'Latest report_year of its documents.';
COMMENT ON COLUMN agencies.report_types IS 'Distinct report types it has published, sorted.';

CREATE VIEW latest_reports AS
SELECT
    document_id, agency, region_code, province, city, county, admin_level,
    report_type, report_year, publish_date, title, source_path, format
FROM documents
WHERE agency IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY agency, region_code, report_type
    ORDER BY report_year DESC NULLS LAST, publish_date DESC NULLS LAST, loaded_at DESC, document_id
) = 1;

COMMENT ON VIEW latest_reports IS 'The newest report of each agency and report type: latest report_year, then latest publish_date, then latest load.';
COMMENT ON COLUMN latest_reports.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN latest_reports.agency IS 'Issuing agency.';
COMMENT ON COLUMN latest_reports.region_code IS 'regions.code of the agency''s division, or NULL.';
COMMENT ON COLUMN latest_reports.province IS 'Province of the agency.';
COMMENT ON COLUMN latest_reports.city IS 'Prefecture-level city of the agency, or NULL.';
COMMENT ON COLUMN latest_reports.county IS 'County-level division of the agency, or NULL.';
COMMENT ON COLUMN latest_reports.admin_level IS 'province, city or county.';
COMMENT ON COLUMN latest_reports.report_type IS 'Report type, e.g. 法治政府建设年度报告.';
COMMENT ON COLUMN latest_reports.report_year IS 'Year the report covers.';
COMMENT ON COLUMN latest_reports.publish_date IS 'Publication date, or NULL.';
COMMENT ON COLUMN latest_reports.title IS 'Report title.';
COMMENT ON COLUMN latest_reports.source_path IS 'File the report was first loaded from.';
COMMENT ON COLUMN latest_reports.format IS 'File format.';

CREATE VIEW report_sentences AS
SELECT
    s.sentence_id,
    s.document_id,
    s.idx AS sentence_idx,
    s.text AS sentence,
    coalesce(s.start = sec.start
             AND length(s.text) <= length(coalesce(sec.number, '')) + length(sec.title) + 3, false) AS is_heading,
    sec.title AS section,
    coalesce(sec.category, 'other') AS section_category,
    d.title AS report_title,
    d.agency,
    d.report_type,
    d.report_year,
    d.province,
    d.city,
    d.county,
    d.region_code,
    d.admin_level
FROM sentences s
JOIN documents d USING (document_id)
LEFT JOIN sections sec ON sec.section_id = s.section_id;

COMMENT ON VIEW report_sentences IS 'Every sentence with its section and its report''s agency, region and year.';
COMMENT ON COLUMN report_sentences.sentence_id IS 'sentences.sentence_id.';
COMMENT ON COLUMN report_sentences.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN report_sentences.sentence_idx IS '0-based position of the sentence in its report.';
COMMENT ON COLUMN report_sentences.sentence IS 'The sentence as written.';
COMMENT ON COLUMN report_sentences.is_heading IS 'True when the sentence is the section''s heading and nothing more (number, title, up to 3 punctuation marks); a heading line that goes on with content (一是…，…) is not.';
COMMENT ON COLUMN report_sentences.section IS 'Title of the innermost section containing the sentence, or NULL.';
COMMENT ON COLUMN report_sentences.section_category IS 'Category of that section (work_done, problems, plans, leadership, outline, other); other outside any section.';
COMMENT ON COLUMN report_sentences.report_title IS 'Title of the report.';
COMMENT ON COLUMN report_sentences.agency IS 'Issuing agency.';
COMMENT ON COLUMN report_sentences.report_type IS 'Report type.';
COMMENT ON COLUMN report_sentences.report_year IS 'Year the report covers.';
COMMENT ON COLUMN report_sentences.province IS 'Province of the agency.';
COMMENT ON COLUMN report_sentences.city IS 'Prefecture-level city of the agency, or NULL.';
COMMENT ON COLUMN report_sentences.county IS 'County-level division of the agency, or NULL.';
COMMENT ON COLUMN report_sentences.region_code IS 'regions.code of the agency''s division, or NULL.';
COMMENT ON COLUMN report_sentences.admin_level IS 'province, city or county.';

CREATE VIEW problems AS
SELECT * EXCLUDE (section_category, is_heading)
FROM report_sentences
WHERE section_category = 'problems' AND NOT is_heading;

COMMENT ON VIEW problems IS 'Sentences of the sections where reports state their problems and shortcomings (存在的问题, 不足), headings left out; columns as report_sentences.';

CREATE VIEW plans AS
SELECT * EXCLUDE (section_category, is_heading)
FROM report_sentences
WHERE section_category = 'plans' AND NOT is_heading;

COMMENT ON VIEW plans IS 'Sentences of the sections where reports state their plans (工作计划, 下一步打算), headings left out; columns as report_sentences.';

-- One row per metric mention that maps to an indicator. `preference` is the rule that picks
-- the figure to quote for an indicator x region x year, as one sort key (smallest first):
--   kind actual before target; the indicator's own unit first; a report covering the whole
--   year (family annual) before half-year, then plan and other reports; an exact figure before
--   an approximate one (qualifier NULL first); the largest value (a total before its parts, a
--   stock before the year's additions); then the earliest mention.
-- mention_rank numbers the mentions in that order. The region columns are functions of
-- region_key; partitioning by them too lets DuckDB push a filter on province, city, county or
-- region below the window instead of ranking everything.
CREATE VIEW indicator_values AS
SELECT
    *,
    row_number() OVER figure AS mention_rank,
    count(*) OVER place_and_year AS mentions
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
    WHERE m.indicator IS NOT NULL
)
WINDOW place_and_year AS (
    PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level, report_year
), figure AS (
    place_and_year ORDER BY preference
);

COMMENT ON VIEW indicator_values IS 'Every mention of a canonical indicator with its region, year, figure, source sentence and report; mention_rank = 1 is the figure to quote for its indicator, region and year.';
COMMENT ON COLUMN indicator_values.indicator_id IS 'indicators.indicator_id, e.g. dibao_recipients.';
COMMENT ON COLUMN indicator_values.indicator_name IS 'Chinese name of the indicator, e.g. 城乡低保对象.';
COMMENT ON COLUMN indicator_values.region_key IS 'What figures are grouped by: region_code, or the document_id when the region is unknown (never merged with other reports).';
COMMENT ON COLUMN indicator_values.region_code IS 'regions.code of the reporting agency''s division, or NULL.';
COMMENT ON COLUMN indicator_values.province IS 'Province of the reporting agency.';
COMMENT ON COLUMN indicator_values.city IS 'Prefecture-level city of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_values.county IS 'County-level division of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_values.region IS 'Name of the most specific known division: county, else city, else province.';
COMMENT ON COLUMN indicator_values.admin_level IS 'province, city or county: the level the figure is about.';
COMMENT ON COLUMN indicator_values.agency IS 'Reporting agency.';
COMMENT ON COLUMN indicator_values.report_year IS 'Year the report covers.';
COMMENT ON COLUMN indicator_values.period IS 'What the figure covers when the text says (2024, 2024-H1, 2024-06-30, ...), else NULL.';
COMMENT ON COLUMN indicator_values.report_type IS 'Type of the report.';
COMMENT ON COLUMN indicator_values.report_family IS 'annual, half_year, plan or other (report_types.family).';
COMMENT ON COLUMN indicator_values.value IS 'The figure in the base unit (万/亿 folded in).';
COMMENT ON COLUMN indicator_values.unit IS 'Counting unit; money is 元.';
COMMENT ON COLUMN indicator_values.qualifier IS 'NULL (exact), approx, more_than, at_least or up_to.';
COMMENT ON COLUMN indicator_values.kind IS 'actual or target.';
COMMENT ON COLUMN indicator_values.subject IS 'Phrase of the report naming what is counted.';
COMMENT ON COLUMN indicator_values.raw IS 'The number and unit exactly as written.';
COMMENT ON COLUMN indicator_values.sentence IS 'The sentence the figure comes from.';
COMMENT ON COLUMN indicator_values.section IS 'Title of the section the figure is in, or NULL.';
COMMENT ON COLUMN indicator_values.section_category IS 'Category of that section.';
COMMENT ON COLUMN indicator_values.report_title IS 'Title of the report.';
COMMENT ON COLUMN indicator_values.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN indicator_values.sentence_id IS 'sentences.sentence_id of the source sentence.';
COMMENT ON COLUMN indicator_values.metric_id IS 'metrics.metric_id of the mention.';
COMMENT ON COLUMN indicator_values.preference IS 'Sort key of the rule choosing the figure to quote, smallest first: target, other_unit, family (0 annual, 1 half_year, 2 other), approximate, minus_value, document_id, start.';
COMMENT ON COLUMN indicator_values.mention_rank IS '1 for the figure to quote for this indicator, region_key and report_year (by preference), 2 for the next, ...';
COMMENT ON COLUMN indicator_values.mentions IS 'Number of mentions of this indicator for this region_key and report_year.';

CREATE VIEW indicator_facts AS
SELECT * EXCLUDE (mention_rank)
FROM indicator_values
WHERE mention_rank = 1;

COMMENT ON VIEW indicator_facts IS 'One figure per indicator, region and year: the mention ranked first in indicator_values (see preference); columns as indicator_values.';

CREATE VIEW indicator_series AS
SELECT * EXCLUDE (mention_rank, mentions)
FROM indicator_values
WHERE kind = 'actual'
QUALIFY row_number() OVER (
    PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level,
                 report_family, unit, report_year
    ORDER BY preference
) = 1;

COMMENT ON VIEW indicator_series IS 'Comparable time series: one actual figure per indicator, region, report family, unit and year (the first by preference); columns as indicator_values.';

-- Pairs are found on the few columns a comparison needs; the two source sentences are joined
-- to the pairs only: carrying every column through the window costs more than the joins. The
-- joins are LEFT (a pair's metric always exists) so that a query not asking for the sentences
-- skips them.
CREATE VIEW indicator_yoy AS
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
    later.document_id
FROM paired p
LEFT JOIN metrics later ON later.metric_id = p.metric_id
LEFT JOIN metrics earlier ON earlier.metric_id = p.previous_metric_id
WHERE p.previous_year = p.report_year - 1;

COMMENT ON VIEW indicator_yoy IS 'Year-over-year change of each indicator per region, like with like: actual figures, same unit, same report family, consecutive report years.';
COMMENT ON COLUMN indicator_yoy.indicator_id IS 'indicators.indicator_id.';
COMMENT ON COLUMN indicator_yoy.indicator_name IS 'Chinese name of the indicator.';
COMMENT ON COLUMN indicator_yoy.region_key IS 'region_code, or the document_id when the region is unknown.';
COMMENT ON COLUMN indicator_yoy.region_code IS 'regions.code of the reporting agency''s division.';
COMMENT ON COLUMN indicator_yoy.province IS 'Province of the reporting agency.';
COMMENT ON COLUMN indicator_yoy.city IS 'Prefecture-level city, or NULL.';
COMMENT ON COLUMN indicator_yoy.county IS 'County-level division, or NULL.';
COMMENT ON COLUMN indicator_yoy.region IS 'Name of the most specific known division.';
COMMENT ON COLUMN indicator_yoy.admin_level IS 'province, city or county.';
COMMENT ON COLUMN indicator_yoy.report_family IS 'Report family both figures come from (annual, half_year, plan, other).';
COMMENT ON COLUMN indicator_yoy.unit IS 'Unit of both figures.';
COMMENT ON COLUMN indicator_yoy.previous_year IS 'report_year - 1.';
COMMENT ON COLUMN indicator_yoy.report_year IS 'The later year.';
COMMENT ON COLUMN indicator_yoy.previous_value IS 'Figure of previous_year.';
COMMENT ON COLUMN indicator_yoy.value IS 'Figure of report_year.';
COMMENT ON COLUMN indicator_yoy.change IS 'value - previous_value.';
COMMENT ON COLUMN indicator_yoy.change_pct IS 'Change in percent of previous_value (2 decimals), NULL when previous_value is 0.';
COMMENT ON COLUMN indicator_yoy.previous_sentence IS 'Sentence the previous figure comes from.';
COMMENT ON COLUMN indicator_yoy.sentence IS 'Sentence the later figure comes from.';
COMMENT ON COLUMN indicator_yoy.previous_document_id IS 'documents.document_id of the earlier report.';
COMMENT ON COLUMN indicator_yoy.document_id IS 'documents.document_id of the later report.';
