-- 0006_analyst_tables: what the analyst's slowest questions read is kept by the load instead of
-- computed per query (benchmarks/bench_analyst.py at 1M metric rows).
--
-- indicator_mentions holds the rows of the indicator_values view, which joined every indicator
-- mention to its document and ranked them all on each query, and marks the rows of
-- indicator_series, which ranked them once more; both views keep their names and columns and
-- read the table. warehouse.derived recomputes the table inside each load's transaction for the
-- (region_key, report_year) groups the load touched, and whole after an upgrade or a change of
-- the indicators.
--
-- The search index gets integer ids: search_vocabulary numbers the distinct terms (a search
-- used to find them with a DISTINCT over every posting), search_postings holds each sentence's
-- terms by number, sorted by term within each load so a term's postings are a few row groups,
-- with what BM25 and the filters need (sentence length, section category); search_documents
-- numbers the documents and carries the province and year the filters ask for. The loader
-- fills them from each batch; sentence_terms stays the index as extracted.
--
-- Only new objects and two views redefined with their columns unchanged: a warehouse of
-- 0001-0005 upgrades in place, its tables filled by warehouse.derived.refresh_derived after the
-- upgrade.

CREATE TABLE indicator_mentions AS SELECT *, NULL::BOOLEAN AS in_series FROM indicator_values LIMIT 0;

COMMENT ON TABLE indicator_mentions IS 'The rows of the indicator_values view, recomputed by every load for the regions and years it touched (warehouse/indicator_values.sql).';
COMMENT ON COLUMN indicator_mentions.indicator_id IS 'indicators.indicator_id, e.g. dibao_recipients.';
COMMENT ON COLUMN indicator_mentions.indicator_name IS 'Chinese name of the indicator, e.g. 城乡低保对象.';
COMMENT ON COLUMN indicator_mentions.region_key IS 'What figures are grouped by: region_code, or the document_id when the region is unknown (never merged with other reports).';
COMMENT ON COLUMN indicator_mentions.region_code IS 'regions.code of the reporting agency''s division, or NULL.';
COMMENT ON COLUMN indicator_mentions.province IS 'Province of the reporting agency.';
COMMENT ON COLUMN indicator_mentions.city IS 'Prefecture-level city of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_mentions.county IS 'County-level division of the reporting agency, or NULL.';
COMMENT ON COLUMN indicator_mentions.region IS 'Name of the most specific known division: county, else city, else province.';
COMMENT ON COLUMN indicator_mentions.admin_level IS 'province, city or county: the level the figure is about.';
COMMENT ON COLUMN indicator_mentions.agency IS 'Reporting agency.';
COMMENT ON COLUMN indicator_mentions.report_year IS 'Year the report covers.';
COMMENT ON COLUMN indicator_mentions.period IS 'What the figure covers when the text says (2024, 2024-H1, 2024-06-30, ...), else NULL.';
COMMENT ON COLUMN indicator_mentions.report_type IS 'Type of the report.';
COMMENT ON COLUMN indicator_mentions.report_family IS 'annual, half_year, plan or other (report_types.family).';
COMMENT ON COLUMN indicator_mentions.value IS 'The figure in the base unit (万/亿 folded in).';
COMMENT ON COLUMN indicator_mentions.unit IS 'Counting unit; money is 元.';
COMMENT ON COLUMN indicator_mentions.qualifier IS 'NULL (exact), approx, more_than, at_least or up_to.';
COMMENT ON COLUMN indicator_mentions.kind IS 'actual or target.';
COMMENT ON COLUMN indicator_mentions.subject IS 'Phrase of the report naming what is counted.';
COMMENT ON COLUMN indicator_mentions.raw IS 'The number and unit exactly as written.';
COMMENT ON COLUMN indicator_mentions.sentence IS 'The sentence the figure comes from.';
COMMENT ON COLUMN indicator_mentions.section IS 'Title of the section the figure is in, or NULL.';
COMMENT ON COLUMN indicator_mentions.section_category IS 'Category of that section.';
COMMENT ON COLUMN indicator_mentions.report_title IS 'Title of the report.';
COMMENT ON COLUMN indicator_mentions.document_id IS 'documents.document_id of the report.';
COMMENT ON COLUMN indicator_mentions.sentence_id IS 'sentences.sentence_id of the source sentence.';
COMMENT ON COLUMN indicator_mentions.metric_id IS 'metrics.metric_id of the mention.';
COMMENT ON COLUMN indicator_mentions.preference IS 'Sort key of the rule choosing the figure to quote, smallest first: target, other_unit, family (0 annual, 1 half_year, 2 other), approximate, minus_value, document_id, start.';
COMMENT ON COLUMN indicator_mentions.mention_rank IS '1 for the figure to quote for this indicator, region_key and report_year (by preference), 2 for the next, ...';
COMMENT ON COLUMN indicator_mentions.mentions IS 'Number of mentions of this indicator for this region_key and report_year.';
COMMENT ON COLUMN indicator_mentions.in_series IS 'True for the row indicator_series shows: the first actual figure by preference per indicator, region, report family, unit and year (report year known).';

CREATE OR REPLACE VIEW indicator_values AS
SELECT * EXCLUDE (in_series) FROM indicator_mentions;

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

CREATE OR REPLACE VIEW indicator_series AS
SELECT * EXCLUDE (mention_rank, mentions, in_series)
FROM indicator_mentions
WHERE in_series;

COMMENT ON VIEW indicator_series IS 'Comparable time series: one actual figure per indicator, region, report family, unit and year (the first by preference), reports of unknown year left out; columns as indicator_values.';
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

CREATE TABLE search_documents (
    document_no INTEGER NOT NULL,
    document_id VARCHAR NOT NULL,
    province    VARCHAR,
    report_year INTEGER
);

COMMENT ON TABLE search_documents IS 'Search index: a number for each document, and what the search filters ask of it.';
COMMENT ON COLUMN search_documents.document_no IS 'Number of the document in search_postings, given in load order.';
COMMENT ON COLUMN search_documents.document_id IS 'documents.document_id.';
COMMENT ON COLUMN search_documents.province IS 'documents.province (the --province filter).';
COMMENT ON COLUMN search_documents.report_year IS 'documents.report_year (the --year filter).';

CREATE TABLE search_vocabulary (
    term_id INTEGER NOT NULL,
    term    VARCHAR NOT NULL
);

COMMENT ON TABLE search_vocabulary IS 'Search index: every term ever indexed, numbered (a term whose sentences are all deleted keeps its row and matches nothing).';
COMMENT ON COLUMN search_vocabulary.term_id IS 'Number of the term in search_postings.';
COMMENT ON COLUMN search_vocabulary.term IS 'The term, as sentence_terms.term.';

CREATE TABLE search_postings (
    term_id         INTEGER NOT NULL,
    document_no     INTEGER NOT NULL,
    sentence_idx    INTEGER NOT NULL,
    tf              INTEGER NOT NULL,
    sentence_length INTEGER NOT NULL,
    category        VARCHAR
);

COMMENT ON TABLE search_postings IS 'Search index: the rows of sentence_terms by number, with what BM25 and the filters read; sorted by term_id within each load.';
COMMENT ON COLUMN search_postings.term_id IS 'search_vocabulary.term_id of the term.';
COMMENT ON COLUMN search_postings.document_no IS 'search_documents.document_no of the sentence''s document.';
COMMENT ON COLUMN search_postings.sentence_idx IS 'sentences.idx of the sentence in its document.';
COMMENT ON COLUMN search_postings.tf IS 'How many times the term occurs in the sentence.';
COMMENT ON COLUMN search_postings.sentence_length IS 'sentences.term_count of the sentence (its length for BM25).';
COMMENT ON COLUMN search_postings.category IS 'Category of the sentence''s section (sections.category), other outside any section (the --category filter).';
