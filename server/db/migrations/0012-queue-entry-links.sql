-- "See a clinician now" links: a care-team clinician sends a patient a one-time, expiring link; the patient
-- confirms where they are and enters the on-demand queue. Only SHA-256 hashes of the tokens are stored.
-- The link is used once (it creates the queue request); the waiting page then holds a session token that reads
-- its place in the queue and, when the taker opens the video visit, receives that visit's patient session.

CREATE TABLE queue_entry_links (
  id                 uuid PRIMARY KEY,
  patient_id         uuid NOT NULL REFERENCES patients(id),
  token_hash         text NOT NULL UNIQUE,
  created_by         uuid NOT NULL REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  expires_at         timestamptz NOT NULL,
  used_at            timestamptz,
  request_id         uuid REFERENCES queue_requests(id),
  session_hash       text UNIQUE,              -- the waiting page's session token (hash), issued when the link is used
  session_expires_at timestamptz,
  visit_session_id   uuid REFERENCES visit_patient_sessions(id), -- handed to the waiting page once, when the visit opened
  CHECK ((used_at IS NULL) = (request_id IS NULL))
);
CREATE INDEX queue_entry_links_patient_idx ON queue_entry_links (patient_id);
CREATE INDEX queue_entry_links_request_idx ON queue_entry_links (request_id);
