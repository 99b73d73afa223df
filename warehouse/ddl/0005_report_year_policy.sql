-- A report whose year cannot be found loads (report_year NULL, a WARN alert), stays searchable
-- and traceable, and is left out of the year series (indicator_series, 0004); a found year says
-- where it was read.
-- The report types of the real corpus join report_types.

ALTER TABLE documents ADD COLUMN year_source VARCHAR;

COMMENT ON COLUMN documents.report_year IS 'Year the report covers, or NULL when the text does not show it.';
COMMENT ON COLUMN documents.year_source IS 'Where report_year was read: title, body (现将2024年…, 2024年以来), publish_date (an annual report published in its first quarter covers the year before) or file_name; NULL with no year.';

INSERT INTO report_types VALUES
    ('工作总结和计划', 'annual', 'the report year (its summary; its plan sections are targets)'),
    ('政府信息公开年度报告', 'other', 'the report year''s disclosure work'),
    ('进展表', 'other', 'progress on tasks or statistics up to a date'),
    ('新闻报道', 'other', 'what a news item reports');
