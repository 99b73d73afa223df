-- 0002: sentences and their search terms, the period of each metric, data-quality results.
-- A warehouse made by 0001 upgrades in place: its documents get a NULL extractor_version,
-- which no extractor has, so the next ingest of their files extracts them again and fills
-- sentences, terms and periods.

ALTER TABLE documents ADD COLUMN extractor_version VARCHAR;
COMMENT ON COLUMN documents.extractor_version IS 'Fingerprint of the transforms code and data that extracted the rows; a file whose rows came from another version is extracted again.';

ALTER TABLE metrics ADD COLUMN period VARCHAR;
ALTER TABLE metrics ADD COLUMN sentence_id VARCHAR;

COMMENT ON COLUMN metrics.period IS 'What the figure covers: 2024 (year), 2024-H1, 2024-Q3, 2024-06 (month) or 2024-06-30 (as of a date); NULL when the year is unknown.';
COMMENT ON COLUMN metrics.sentence_id IS 'sentences.sentence_id of the sentence the mention is in.';

CREATE TABLE sentences (
    sentence_id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    section_id  VARCHAR,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    term_count  INTEGER NOT NULL
);

COMMENT ON TABLE sentences IS 'Sentences of each document, split on 。！？； and line ends, in text order.';
COMMENT ON COLUMN sentences.sentence_id IS '<document_id>:<idx>.';
COMMENT ON COLUMN sentences.document_id IS 'documents.document_id of the containing document.';
COMMENT ON COLUMN sentences.idx IS '0-based position of the sentence within its document.';
COMMENT ON COLUMN sentences.section_id IS 'sections.section_id of the innermost section containing the sentence, or NULL.';
COMMENT ON COLUMN sentences.start IS 'Character offset in documents.text where the sentence starts.';
COMMENT ON COLUMN sentences."end" IS 'Character offset in documents.text where the sentence ends (exclusive).';
COMMENT ON COLUMN sentences.text IS 'The sentence, equal to documents.text[start:end].';
COMMENT ON COLUMN sentences.term_count IS 'Number of search terms in the sentence (its length for BM25).';

CREATE TABLE sentence_terms (
    term        VARCHAR NOT NULL,
    sentence_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    tf          INTEGER NOT NULL
);

COMMENT ON TABLE sentence_terms IS 'Search index: the jieba terms of each sentence with their frequency (one row per sentence and term).';
COMMENT ON COLUMN sentence_terms.term IS 'A word as jieba cuts it, in simplified characters; punctuation, numbers and stop words left out.';
COMMENT ON COLUMN sentence_terms.sentence_id IS 'sentences.sentence_id the term occurs in.';
COMMENT ON COLUMN sentence_terms.document_id IS 'documents.document_id of the sentence (for deleting a document''s terms).';
COMMENT ON COLUMN sentence_terms.tf IS 'How many times the term occurs in the sentence.';

CREATE TABLE dq_results (
    run_id         VARCHAR NOT NULL,
    suite          VARCHAR NOT NULL,
    check_name     VARCHAR NOT NULL,
    severity       VARCHAR NOT NULL CHECK (severity IN ('ERROR', 'WARN')),
    passed         BOOLEAN NOT NULL,
    observed_value VARCHAR,
    document_id    VARCHAR,
    evaluated_at   TIMESTAMP NOT NULL,
    description    VARCHAR
);

COMMENT ON TABLE dq_results IS 'Every data-quality check result: one row per failing document, one row (document_id NULL) per passed check.';
COMMENT ON COLUMN dq_results.run_id IS 'Dagster run_id of the run that evaluated the check.';
COMMENT ON COLUMN dq_results.suite IS 'Suite of the check: documents, metrics or history.';
COMMENT ON COLUMN dq_results.check_name IS 'Name of the check, e.g. percentage_in_range.';
COMMENT ON COLUMN dq_results.severity IS 'ERROR (the document is kept out of the warehouse) or WARN (loaded and alerted).';
COMMENT ON COLUMN dq_results.passed IS 'Whether the check passed for this document (or the whole batch when document_id is NULL).';
COMMENT ON COLUMN dq_results.observed_value IS 'What the check saw, in words, e.g. 1 of 120 rows; e.g. 120.0 % 覆盖率.';
COMMENT ON COLUMN dq_results.document_id IS 'documents.document_id (sha256 of the file) the row is about, NULL for a batch-wide pass.';
COMMENT ON COLUMN dq_results.evaluated_at IS 'UTC time of the evaluation.';
COMMENT ON COLUMN dq_results.description IS 'What the check requires.';
