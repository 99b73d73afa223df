-- 0009: what each figure measures of its subject. A change (比上年提高23元) and a share (占52%)
-- carry their level's subject, so without this column they read as the level itself; rows
-- loaded before it stay NULL until their document is extracted again (a new extractor version).

ALTER TABLE metrics ADD COLUMN measure VARCHAR;
COMMENT ON COLUMN metrics.measure IS 'What the figure measures of its subject: level (the amount itself), change (a rise or fall against an earlier figure: 比上年提高23元, 同比增长5%) or share (of a whole or a task: 占52%, 完成任务的98%); only levels get an indicator. NULL on rows loaded before schema version 9.';
