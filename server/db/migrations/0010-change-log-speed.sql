-- Incremental pull reads only the viewer's rows (server/sync/pull.ts): the entity-wide parts of a pull (queue
-- requests for clinicians, delivery runs for couriers) get partial indexes on seq, so they no longer scan every
-- change since the cursor. Patients' changes and per-user rows already use change_log_patient_idx and
-- change_log_audience_idx (0002).
CREATE INDEX change_log_queue_seq_idx ON change_log (seq) WHERE entity = 'queue';
CREATE INDEX change_log_field_request_seq_idx ON change_log (seq) WHERE entity = 'fieldRequest';

-- A push's change-log rows in one call (server/sync/change-log.ts flushChanges): takes the change-sequence
-- lock, writes the rows in the order given (i) with the next sequence numbers, and queues their notices
-- (delivered at commit). A notice of a patient's change that does not name the care team yet gets it here
-- (up to p_max_team members; a bigger team is left for each instance to look up), so no instance queries it
-- per change. One round trip instead of several, so the lock that serialises every writer on every instance
-- is held for this call and the commit only.
CREATE FUNCTION append_changes(p_lock bigint, p_rows jsonb, p_channel text, p_notices jsonb, p_max_team integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  notice jsonb;
  team jsonb;
  n integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock);
  FOR r IN SELECT * FROM jsonb_to_recordset(p_rows)
      AS x(i int, entity text, entity_id text, patient_id uuid, audience_user_id uuid, version integer, data jsonb) ORDER BY x.i LOOP
    INSERT INTO change_log (seq, entity, entity_id, patient_id, audience_user_id, version, deleted, data)
    VALUES (nextval('change_seq'), r.entity, r.entity_id, r.patient_id, r.audience_user_id, r.version, false, r.data);
    n := n + 1;
  END LOOP;
  FOR notice IN SELECT value FROM jsonb_array_elements(p_notices) LOOP
    IF jsonb_typeof(notice->'patientId') = 'string' AND NOT notice ? 'careTeam' THEN
      SELECT coalesce(jsonb_agg(ct.user_id), '[]'::jsonb) INTO team FROM care_team ct WHERE ct.patient_id = (notice->>'patientId')::uuid;
      IF jsonb_array_length(team) <= p_max_team THEN
        notice := notice || jsonb_build_object('careTeam', team);
      END IF;
    END IF;
    PERFORM pg_notify(p_channel, notice::text);
  END LOOP;
  RETURN n;
END $$;
