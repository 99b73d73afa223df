-- 0008: a document whose rules raised on part of it still loads. rule_failures says what
-- failed (`metadata: …`, `sentence 12: …`; NULL when nothing did); the figures of such a
-- sentence are kept without subject, indicator or period, and the documents suite warns.

ALTER TABLE documents ADD COLUMN rule_failures VARCHAR;
COMMENT ON COLUMN documents.rule_failures IS 'What an extraction rule raised on, one `where: error` per failure joined by "; " (the metadata, or a sentence whose figures were kept without their rule fields); NULL when every rule read the whole document.';
