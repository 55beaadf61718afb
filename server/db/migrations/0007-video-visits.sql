-- Video visits: the visit (separate from call state), its one-time patient join links, the visit-scoped
-- patient sessions they are exchanged for, and the signaling relay table (rows carry SDP/ICE, the Bus only ids).

CREATE TABLE visits (
  id                  uuid PRIMARY KEY,
  appointment_id      uuid NOT NULL REFERENCES appointments(id),
  patient_id          uuid NOT NULL REFERENCES patients(id),
  clinician_id        uuid NOT NULL REFERENCES users(id),
  status              text NOT NULL CHECK (status IN ('waiting', 'in_progress', 'ended')),
  -- Highest call generation seen; signals of an older generation are stale and dropped.
  call_generation     integer NOT NULL DEFAULT 0,
  clinician_joined_at timestamptz,
  patient_joined_at   timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  started_at          timestamptz,
  ended_at            timestamptz
);
-- At most one open visit per appointment.
CREATE UNIQUE INDEX visits_open_appointment_idx ON visits (appointment_id) WHERE status <> 'ended';
CREATE INDEX visits_clinician_idx ON visits (clinician_id, created_at);

CREATE TABLE visit_join_links (
  id          uuid PRIMARY KEY,
  visit_id    uuid NOT NULL REFERENCES visits(id),
  token_hash  text NOT NULL UNIQUE,     -- sha256 of the token; the token itself is never stored
  created_by  uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX visit_join_links_visit_idx ON visit_join_links (visit_id);

CREATE TABLE visit_patient_sessions (
  id          uuid PRIMARY KEY,
  visit_id    uuid NOT NULL REFERENCES visits(id),
  link_id     uuid NOT NULL REFERENCES visit_join_links(id),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX visit_patient_sessions_visit_idx ON visit_patient_sessions (visit_id);

-- Relay of signaling and presence between the two members of a visit, across server instances:
-- a row per message, NOTIFY carries its id. Short-lived transport rows (not clinical data): pruned.
CREATE TABLE visit_signals (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id    uuid NOT NULL REFERENCES visits(id),
  sender      text NOT NULL CHECK (sender IN ('clinician', 'patient')),
  kind        text NOT NULL CHECK (kind IN ('signal', 'presence', 'status')),
  generation  integer NOT NULL,
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_signals_created_idx ON visit_signals (created_at);
