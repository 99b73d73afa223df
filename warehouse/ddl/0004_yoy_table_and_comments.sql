-- 0004_yoy_table_and_comments: indicator_yoy becomes a table that every load recomputes,
-- sentence_terms carries its sentence's length, and every column of every view and table has a
-- comment.
--
-- indicator_yoy as a view ranked every metric twice (indicator_values, then indicator_series)
-- on each query: 0.5-0.8 s at 1M metric rows for a whole-country ranking. As a table it is
-- recomputed by warehouse.derived.refresh_derived inside each load's transaction (and after an
-- upgrade), from warehouse/indicator_yoy.sql, so a reader never sees it out of step with the
-- metrics. Its columns are the view's, with the two mentions' metric_id added.

DROP VIEW indicator_yoy;

-- The comparable series leaves out reports whose year is unknown (they load since 0005's policy;
-- their figures stay in indicator_values).
CREATE OR REPLACE VIEW indicator_series AS
SELECT * EXCLUDE (mention_rank, mentions)
FROM indicator_values
WHERE kind = 'actual' AND report_year IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY indicator_id, region_key, region_code, province, city, county, region, admin_level,
                 report_family, unit, report_year
    ORDER BY preference
) = 1;

COMMENT ON VIEW indicator_series IS 'Comparable time series: one actual figure per indicator, region, report family, unit and year (the first by preference), reports of unknown year left out; columns as indicator_values.';

CREATE TABLE indicator_yoy (
    indicator_id         VARCHAR NOT NULL,
    indicator_name       VARCHAR,
    region_key           VARCHAR NOT NULL,
    region_code          VARCHAR,
    province             VARCHAR,
    city                 VARCHAR,
    county               VARCHAR,
    region               VARCHAR,
    admin_level          VARCHAR,
    report_family        VARCHAR NOT NULL,
    unit                 VARCHAR,
    previous_year        INTEGER NOT NULL,
    report_year          INTEGER NOT NULL,
    previous_value       DOUBLE,
    value                DOUBLE,
    change               DOUBLE,
    change_pct           DOUBLE,
    previous_sentence    VARCHAR,
    sentence             VARCHAR,
    previous_document_id VARCHAR,
    document_id          VARCHAR,
    previous_metric_id   VARCHAR NOT NULL,
    metric_id            VARCHAR NOT NULL
);

COMMENT ON TABLE indicator_yoy IS 'Year-over-year change of each indicator per region, like with like: actual figures (indicator_series), same unit, same report family, consecutive report years. Recomputed by every load.';
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
COMMENT ON COLUMN indicator_yoy.previous_metric_id IS 'metrics.metric_id of the previous figure.';
COMMENT ON COLUMN indicator_yoy.metric_id IS 'metrics.metric_id of the later figure.';

-- A search's BM25 needs each matching sentence's length: kept beside the postings, the search
-- reads sentence_terms only instead of joining 1M+ sentences by their long ids (the loader
-- fills it from sentences.term_count).
ALTER TABLE sentence_terms ADD COLUMN sentence_length INTEGER;
UPDATE sentence_terms t SET sentence_length = s.term_count FROM sentences s WHERE s.sentence_id = t.sentence_id;
COMMENT ON COLUMN sentence_terms.sentence_length IS 'sentences.term_count of the sentence (its length for BM25), so that a search reads only this table.';

-- Views whose columns come from another view carry that view's comments.
-- problems: as report_sentences
COMMENT ON COLUMN problems.sentence_id IS 'sentences.sentence_id.';
COMMENT ON COLUMN problems.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN problems.sentence_idx IS '0-based position of the sentence in its report.';
COMMENT ON COLUMN problems.sentence IS 'The sentence as written.';
COMMENT ON COLUMN problems.section IS 'Title of the innermost section containing the sentence, or NULL.';
COMMENT ON COLUMN problems.report_title IS 'Title of the report.';
COMMENT ON COLUMN problems.agency IS 'Issuing agency.';
COMMENT ON COLUMN problems.report_type IS 'Report type.';
COMMENT ON COLUMN problems.report_year IS 'Year the report covers.';
COMMENT ON COLUMN problems.province IS 'Province of the agency.';
COMMENT ON COLUMN problems.city IS 'Prefecture-level city of the agency, or NULL.';
COMMENT ON COLUMN problems.county IS 'County-level division of the agency, or NULL.';
COMMENT ON COLUMN problems.region_code IS 'regions.code of the agency''s division, or NULL.';
COMMENT ON COLUMN problems.admin_level IS 'province, city or county.';

-- plans: as report_sentences
COMMENT ON COLUMN plans.sentence_id IS 'sentences.sentence_id.';
COMMENT ON COLUMN plans.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN plans.sentence_idx IS '0-based position of the sentence in its report.';
COMMENT ON COLUMN plans.sentence IS 'The sentence as written.';
COMMENT ON COLUMN plans.section IS 'Title of the innermost section containing the sentence, or NULL.';
COMMENT ON COLUMN plans.report_title IS 'Title of the report.';
COMMENT ON COLUMN plans.agency IS 'Issuing agency.';
COMMENT ON COLUMN plans.report_type IS 'Report type.';
COMMENT ON COLUMN plans.report_year IS 'Year the report covers.';
COMMENT ON COLUMN plans.province IS 'Province of the agency.';
COMMENT ON COLUMN plans.city IS 'Prefecture-level city of the agency, or NULL.';
COMMENT ON COLUMN plans.county IS 'County-level division of the agency, or NULL.';
COMMENT ON COLUMN plans.region_code IS 'regions.code of the agency''s division, or NULL.';
COMMENT ON COLUMN plans.admin_level IS 'province, city or county.';

-- indicator_facts: as indicator_values
COMMENT ON COLUMN indicator_facts.indicator_id IS 'indicators.indicator_id, e.g. dibao_recipients.';
COMMENT ON COLUMN indicator_facts.indicator_name IS 'Chinese name of the indicator, e.g. 城乡低保对象.';
COMMENT ON COLUMN indicator_facts.region_key IS 'What figures are grouped by: region_code, or the document_id when the region is unknown (never merged with other reports).';
COMMENT ON COLUMN indicator_facts.region_code IS 'regions.code of the reporting agency''s division, or NULL.';
COMMENT ON COLUMN indicator_facts.province IS 'Province of the reporting agency.';
COMMENT ON COLUMN indicator_facts.city IS 'Prefecture-level city of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_facts.county IS 'County-level division of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_facts.region IS 'Name of the most specific known division: county, else city, else province.';
COMMENT ON COLUMN indicator_facts.admin_level IS 'province, city or county: the level the figure is about.';
COMMENT ON COLUMN indicator_facts.agency IS 'Reporting agency.';
COMMENT ON COLUMN indicator_facts.report_year IS 'Year the report covers.';
COMMENT ON COLUMN indicator_facts.period IS 'What the figure covers when the text says (2024, 2024-H1, 2024-06-30, ...), else NULL.';
COMMENT ON COLUMN indicator_facts.report_type IS 'Type of the report.';
COMMENT ON COLUMN indicator_facts.report_family IS 'annual, half_year, plan or other (report_types.family).';
COMMENT ON COLUMN indicator_facts.value IS 'The figure in the base unit (万/亿 folded in).';
COMMENT ON COLUMN indicator_facts.unit IS 'Counting unit; money is 元.';
COMMENT ON COLUMN indicator_facts.qualifier IS 'NULL (exact), approx, more_than, at_least or up_to.';
COMMENT ON COLUMN indicator_facts.kind IS 'actual or target.';
COMMENT ON COLUMN indicator_facts.subject IS 'Phrase of the report naming what is counted.';
COMMENT ON COLUMN indicator_facts.raw IS 'The number and unit exactly as written.';
COMMENT ON COLUMN indicator_facts.sentence IS 'The sentence the figure comes from.';
COMMENT ON COLUMN indicator_facts.section IS 'Title of the section the figure is in, or NULL.';
COMMENT ON COLUMN indicator_facts.section_category IS 'Category of that section.';
COMMENT ON COLUMN indicator_facts.report_title IS 'Title of the report.';
COMMENT ON COLUMN indicator_facts.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN indicator_facts.sentence_id IS 'sentences.sentence_id of the source sentence.';
COMMENT ON COLUMN indicator_facts.metric_id IS 'metrics.metric_id of the mention.';
COMMENT ON COLUMN indicator_facts.preference IS 'Sort key of the rule choosing the figure to quote, smallest first: target, other_unit, family (0 annual, 1 half_year, 2 other), approximate, minus_value, document_id, start.';
COMMENT ON COLUMN indicator_facts.mentions IS 'Number of mentions of this indicator for this region_key and report_year.';

-- indicator_series: as indicator_values
COMMENT ON COLUMN indicator_series.indicator_id IS 'indicators.indicator_id, e.g. dibao_recipients.';
COMMENT ON COLUMN indicator_series.indicator_name IS 'Chinese name of the indicator, e.g. 城乡低保对象.';
COMMENT ON COLUMN indicator_series.region_key IS 'What figures are grouped by: region_code, or the document_id when the region is unknown (never merged with other reports).';
COMMENT ON COLUMN indicator_series.region_code IS 'regions.code of the reporting agency''s division, or NULL.';
COMMENT ON COLUMN indicator_series.province IS 'Province of the reporting agency.';
COMMENT ON COLUMN indicator_series.city IS 'Prefecture-level city of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_series.county IS 'County-level division of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_series.region IS 'Name of the most specific known division: county, else city, else province.';
COMMENT ON COLUMN indicator_series.admin_level IS 'province, city or county: the level the figure is about.';
COMMENT ON COLUMN indicator_series.agency IS 'Reporting agency.';
COMMENT ON COLUMN indicator_series.report_year IS 'Year the report covers.';
COMMENT ON COLUMN indicator_series.period IS 'What the figure covers when the text says (2024, 2024-H1, 2024-06-30, ...), else NULL.';
COMMENT ON COLUMN indicator_series.report_type IS 'Type of the report.';
COMMENT ON COLUMN indicator_series.report_family IS 'annual, half_year, plan or other (report_types.family).';
COMMENT ON COLUMN indicator_series.value IS 'The figure in the base unit (万/亿 folded in).';
COMMENT ON COLUMN indicator_series.unit IS 'Counting unit; money is 元.';
COMMENT ON COLUMN indicator_series.qualifier IS 'NULL (exact), approx, more_than, at_least or up_to.';
COMMENT ON COLUMN indicator_series.kind IS 'actual or target.';
COMMENT ON COLUMN indicator_series.subject IS 'Phrase of the report naming what is counted.';
COMMENT ON COLUMN indicator_series.raw IS 'The number and unit exactly as written.';
COMMENT ON COLUMN indicator_series.sentence IS 'The sentence the figure comes from.';
COMMENT ON COLUMN indicator_series.section IS 'Title of the section the figure is in, or NULL.';
COMMENT ON COLUMN indicator_series.section_category IS 'Category of that section.';
COMMENT ON COLUMN indicator_series.report_title IS 'Title of the report.';
COMMENT ON COLUMN indicator_series.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN indicator_series.sentence_id IS 'sentences.sentence_id of the source sentence.';
COMMENT ON COLUMN indicator_series.metric_id IS 'metrics.metric_id of the mention.';
COMMENT ON COLUMN indicator_series.preference IS 'Sort key of the rule choosing the figure to quote, smallest first: target, other_unit, family (0 annual, 1 half_year, 2 other), approximate, minus_value, document_id, start.';

-- current_sources (0001) and schema_version (created by warehouse.schema.ensure_schema).
COMMENT ON COLUMN current_sources.source_path IS 'Path of an ingested file.';
COMMENT ON COLUMN current_sources.document_id IS 'documents.document_id (sha256) of the content the path holds now: its latest ingest that did not fail.';
COMMENT ON COLUMN current_sources.status IS 'Outcome of that ingest: loaded, unchanged, replaced or quarantined.';
COMMENT ON COLUMN current_sources.run_id IS 'run_id of that ingest.';
COMMENT ON COLUMN current_sources.last_seen IS 'UTC time of that ingest.';

COMMENT ON TABLE schema_version IS 'The DDL files of warehouse/ddl applied to this file, one row each, in order.';
COMMENT ON COLUMN schema_version.version IS 'Numeric prefix of the DDL file, e.g. 4 for 0004_yoy_table_and_comments.sql.';
COMMENT ON COLUMN schema_version.name IS 'File name of the DDL file.';
COMMENT ON COLUMN schema_version.applied_at IS 'UTC time it was applied.';
