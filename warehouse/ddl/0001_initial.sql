-- 0001_initial: documents, sections, metrics, indicators, ingest_log and the
-- current_sources view. Applied once by warehouse.schema.ensure_schema, inside one
-- transaction together with its schema_version row.
--
-- No FOREIGN KEY constraints: the loader deletes and re-inserts a document's
-- sections/metrics in one transaction, which DuckDB foreign keys do not allow; the
-- loader keeps the tables consistent instead.

CREATE TABLE documents (
    document_id    VARCHAR PRIMARY KEY,
    source_path    VARCHAR NOT NULL,
    format         VARCHAR,
    encoding       VARCHAR,
    title          VARCHAR,
    agency         VARCHAR,
    province       VARCHAR,
    city           VARCHAR,
    county         VARCHAR,
    region_code    VARCHAR,
    admin_level    VARCHAR,
    report_year    INTEGER,
    report_type    VARCHAR,
    publish_date   DATE,
    index_no       VARCHAR,
    doc_no         VARCHAR,
    char_count     INTEGER,
    text           VARCHAR,
    first_seen_run VARCHAR NOT NULL,
    loaded_at      TIMESTAMP NOT NULL
);

COMMENT ON TABLE documents IS 'One row per distinct report content (identical files at several paths share one row).';
COMMENT ON COLUMN documents.document_id IS 'sha256 hex digest of the file bytes.';
COMMENT ON COLUMN documents.source_path IS 'Path of the file this content was first loaded from; see current_sources for every path.';
COMMENT ON COLUMN documents.format IS 'File format the text was extracted from (e.g. html, pdf, docx, txt).';
COMMENT ON COLUMN documents.encoding IS 'Character encoding detected for text formats, else NULL.';
COMMENT ON COLUMN documents.title IS 'Report title.';
COMMENT ON COLUMN documents.agency IS 'Issuing agency, e.g. 巫溪县民政局.';
COMMENT ON COLUMN documents.province IS 'Province-level division, e.g. 重庆市.';
COMMENT ON COLUMN documents.city IS 'Prefecture-level division, NULL when unknown or not applicable.';
COMMENT ON COLUMN documents.county IS 'County-level division, NULL when unknown or not applicable.';
COMMENT ON COLUMN documents.region_code IS '6-digit administrative division code of the most specific known division.';
COMMENT ON COLUMN documents.admin_level IS 'province, city, county or NULL: the level of region_code.';
COMMENT ON COLUMN documents.report_year IS 'Year the report covers.';
COMMENT ON COLUMN documents.report_type IS 'Short label, e.g. 法治政府建设年度报告, 年度工作总结, 半年工作总结.';
COMMENT ON COLUMN documents.publish_date IS 'Publication date, NULL when the document does not state it.';
COMMENT ON COLUMN documents.index_no IS '索引号 of the publication, or NULL.';
COMMENT ON COLUMN documents.doc_no IS '文号 of the document, or NULL.';
COMMENT ON COLUMN documents.char_count IS 'Number of characters in text.';
COMMENT ON COLUMN documents.text IS 'Normalised document text; metric and section offsets index into it.';
COMMENT ON COLUMN documents.first_seen_run IS 'run_id of the load that inserted this row.';
COMMENT ON COLUMN documents.loaded_at IS 'UTC time of the load that inserted this row.';

CREATE TABLE sections (
    section_id  VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    parent_idx  INTEGER,
    level       INTEGER,
    number      VARCHAR,
    title       VARCHAR,
    category    VARCHAR,
    start       INTEGER,
    "end"       INTEGER
);

COMMENT ON TABLE sections IS 'Headed sections of each document, in text order.';
COMMENT ON COLUMN sections.section_id IS '<document_id>:<idx>.';
COMMENT ON COLUMN sections.document_id IS 'documents.document_id of the containing document.';
COMMENT ON COLUMN sections.idx IS '0-based position of the section within its document.';
COMMENT ON COLUMN sections.parent_idx IS 'idx of the enclosing section, NULL for top-level sections.';
COMMENT ON COLUMN sections.level IS 'Nesting depth of the heading, 1 for top level.';
COMMENT ON COLUMN sections.number IS 'Heading number as written, e.g. 一, (三), 2.';
COMMENT ON COLUMN sections.title IS 'Heading text without its number.';
COMMENT ON COLUMN sections.category IS 'work_done, problems, plans, leadership or other.';
COMMENT ON COLUMN sections.start IS 'Character offset in documents.text where the section starts.';
COMMENT ON COLUMN sections."end" IS 'Character offset in documents.text where the section ends (exclusive).';

CREATE TABLE metrics (
    metric_id        VARCHAR PRIMARY KEY,
    document_id      VARCHAR NOT NULL,
    section_id       VARCHAR,
    subject          VARCHAR,
    indicator        VARCHAR,
    value            DOUBLE,
    unit             VARCHAR,
    raw              VARCHAR,
    qualifier        VARCHAR,
    kind             VARCHAR,
    start            INTEGER,
    "end"            INTEGER,
    sentence         VARCHAR,
    section          VARCHAR,
    section_category VARCHAR
);

COMMENT ON TABLE metrics IS 'One row per metric mention (see docs/metric-spec.md).';
COMMENT ON COLUMN metrics.metric_id IS '<document_id>:<start>:<end>.';
COMMENT ON COLUMN metrics.document_id IS 'documents.document_id of the report the mention is in.';
COMMENT ON COLUMN metrics.section_id IS 'sections.section_id of the innermost section containing the mention, or NULL.';
COMMENT ON COLUMN metrics.subject IS 'Shortest phrase naming what is counted, e.g. 城乡低保对象.';
COMMENT ON COLUMN metrics.indicator IS 'indicators.indicator_id the subject maps to, or NULL.';
COMMENT ON COLUMN metrics.value IS 'Number in the base unit (万/亿 folded in), e.g. 13674.6万元 -> 136746000.';
COMMENT ON COLUMN metrics.unit IS 'Counting unit as written (人, 户, %, ...); money is always 元.';
COMMENT ON COLUMN metrics.raw IS 'Exact substring of documents.text for the number and its unit.';
COMMENT ON COLUMN metrics.qualifier IS 'NULL, approx, more_than, at_least or up_to.';
COMMENT ON COLUMN metrics.kind IS 'actual or target.';
COMMENT ON COLUMN metrics.start IS 'Character offset of raw in documents.text.';
COMMENT ON COLUMN metrics."end" IS 'Character offset just after raw in documents.text.';
COMMENT ON COLUMN metrics.sentence IS 'Sentence containing the mention.';
COMMENT ON COLUMN metrics.section IS 'Title of the containing section, or NULL.';
COMMENT ON COLUMN metrics.section_category IS 'Category of the containing section (see sections.category).';

CREATE TABLE indicators (
    indicator_id VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    unit         VARCHAR,
    synonyms     VARCHAR[]
);

COMMENT ON TABLE indicators IS 'Canonical indicators; replaced wholesale from the project indicator table.';
COMMENT ON COLUMN indicators.indicator_id IS 'Stable id referenced by metrics.indicator.';
COMMENT ON COLUMN indicators.name IS 'Canonical name, e.g. 城乡低保对象.';
COMMENT ON COLUMN indicators.unit IS 'Usual unit of the indicator.';
COMMENT ON COLUMN indicators.synonyms IS 'Subjects that map to this indicator.';

CREATE TABLE ingest_log (
    source_path VARCHAR NOT NULL,
    sha256      VARCHAR,
    format      VARCHAR,
    run_id      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL
        CHECK (status IN ('loaded', 'unchanged', 'replaced', 'failed', 'quarantined')),
    error       VARCHAR,
    first_seen  TIMESTAMP NOT NULL,
    last_seen   TIMESTAMP NOT NULL
);

COMMENT ON TABLE ingest_log IS 'One row per (source_path, sha256) ever ingested; re-ingesting updates the row.';
COMMENT ON COLUMN ingest_log.source_path IS 'Path of the ingested file.';
COMMENT ON COLUMN ingest_log.sha256 IS 'sha256 hex of the file bytes (= documents.document_id), NULL if the file could not be read.';
COMMENT ON COLUMN ingest_log.format IS 'File format, NULL if unknown.';
COMMENT ON COLUMN ingest_log.run_id IS 'run_id of the latest ingest of this (source_path, sha256).';
COMMENT ON COLUMN ingest_log.status IS 'Outcome of the latest ingest: loaded, unchanged, replaced, failed or quarantined.';
COMMENT ON COLUMN ingest_log.error IS 'Error message of a failed ingest, else NULL.';
COMMENT ON COLUMN ingest_log.first_seen IS 'UTC time this (source_path, sha256) was first ingested.';
COMMENT ON COLUMN ingest_log.last_seen IS 'UTC time this (source_path, sha256) was last ingested.';

-- The content each path holds now: its most recently seen non-failed content.
CREATE VIEW current_sources AS
SELECT
    source_path,
    arg_max(sha256, last_seen) AS document_id,
    arg_max(status, last_seen) AS status,
    arg_max(run_id, last_seen) AS run_id,
    max(last_seen) AS last_seen
FROM ingest_log
WHERE status <> 'failed' AND sha256 IS NOT NULL
GROUP BY source_path;

COMMENT ON VIEW current_sources IS 'For each source path, the document it currently holds (latest non-failed ingest).';
