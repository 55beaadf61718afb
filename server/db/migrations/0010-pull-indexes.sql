-- Incremental pull reads only the viewer's rows (server/sync/pull.ts): the entity-wide parts of a pull (queue
-- requests for clinicians, delivery runs for couriers) get partial indexes on seq, so they no longer scan every
-- change since the cursor. Patients' changes and per-user rows already use change_log_patient_idx and
-- change_log_audience_idx (0002).
CREATE INDEX change_log_queue_seq_idx ON change_log (seq) WHERE entity = 'queue';
CREATE INDEX change_log_field_request_seq_idx ON change_log (seq) WHERE entity = 'fieldRequest';
