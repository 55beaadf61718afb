-- The on-demand queue: patients asking to be seen now. A request is taken by one clinician licensed where the
-- patient is (compare-and-set on version); taking it creates an in-progress video visit for the taker.

CREATE TABLE queue_requests (
  id             uuid PRIMARY KEY,
  patient_id     uuid NOT NULL REFERENCES patients(id),
  reason         text NOT NULL,
  urgency        text NOT NULL CHECK (urgency IN ('emergent', 'urgent', 'routine')),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  location_state char(2) NOT NULL,           -- where the patient is, confirmed at request or check-in
  status         text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'taken', 'cancelled')),
  taken_by       uuid REFERENCES users(id),
  taken_at       timestamptz,
  appointment_id uuid REFERENCES appointments(id),
  version        integer NOT NULL DEFAULT 1,
  CHECK ((status = 'taken') = (taken_by IS NOT NULL AND taken_at IS NOT NULL AND appointment_id IS NOT NULL))
);
CREATE INDEX queue_requests_waiting_idx ON queue_requests (location_state, requested_at) WHERE status = 'waiting';
CREATE INDEX queue_requests_patient_idx ON queue_requests (patient_id);
CREATE INDEX queue_requests_taken_by_idx ON queue_requests (taken_by);

-- When a patient checked in for a visit: the waiting room shows how long they have waited.
ALTER TABLE appointments ADD COLUMN checked_in_at timestamptz;
