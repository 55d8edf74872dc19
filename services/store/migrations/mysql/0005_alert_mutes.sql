-- Acknowledgement and silence of an alert, set only by the AcknowledgeAlert and
-- SilenceAlert RPCs (the monitoring loop's upserts leave these columns alone). An
-- acknowledgement covers the occurrence that began at or before acknowledged_at; a
-- silence holds for the key until silenced_until, across occurrences.
ALTER TABLE alerts ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE alerts ADD COLUMN acknowledged_by VARCHAR(1024);
ALTER TABLE alerts ADD COLUMN acknowledge_note MEDIUMTEXT;
ALTER TABLE alerts ADD COLUMN silenced_until BIGINT;
ALTER TABLE alerts ADD COLUMN silenced_at BIGINT;
ALTER TABLE alerts ADD COLUMN silenced_by VARCHAR(1024);
ALTER TABLE alerts ADD COLUMN silence_reason MEDIUMTEXT;
