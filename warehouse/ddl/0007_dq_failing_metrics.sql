-- 0007: the figures behind a data-quality failure. A failing row of dq_results names its
-- document; metric_ids names the document's mentions that failed the check, so a failure
-- links to its figures and a figure to its failures. Rows written before stay NULL.

ALTER TABLE dq_results ADD COLUMN metric_ids VARCHAR[];
COMMENT ON COLUMN dq_results.metric_ids IS 'metrics.metric_id of each of the document''s mentions that failed the check (checks on mentions only), else NULL.';
