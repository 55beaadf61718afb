-- Offline-first sync: the change log pulled by workstations (global seq = commit order), the per-client
-- record of applied mutations (idempotent push), and encounter note drafts with every saved version kept.

CREATE SEQUENCE change_seq;

CREATE TABLE change_log (
  seq              bigint PRIMARY KEY,
  entity           text NOT NULL,
  entity_id        text NOT NULL,
  patient_id       uuid,            -- the patient the entity belongs to (decides who may pull it)
  audience_user_id uuid,            -- set for per-user changes: access grants/revocations, own drafts
  version          integer NOT NULL,
  deleted          boolean NOT NULL DEFAULT false,
  data             jsonb,
  committed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_patient_idx ON change_log (patient_id, seq);
CREATE INDEX change_log_audience_idx ON change_log (audience_user_id, seq);

CREATE TABLE sync_clients (
  client_id  text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id),
  last_seq   bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The answer given to each applied or rejected mutation, returned again when the client replays it.
CREATE TABLE applied_mutations (
  client_id   text NOT NULL,
  seq         bigint NOT NULL,
  mutation_id uuid NOT NULL UNIQUE,
  name        text NOT NULL,
  result      jsonb NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, seq)
);

CREATE TABLE encounter_notes (
  id             uuid PRIMARY KEY,
  patient_id     uuid NOT NULL REFERENCES patients(id),
  appointment_id uuid REFERENCES appointments(id),
  author_id      uuid NOT NULL REFERENCES users(id),
  status         text NOT NULL CHECK (status IN ('draft', 'signed')),
  sections       jsonb NOT NULL,
  version        integer NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX encounter_notes_patient_idx ON encounter_notes (patient_id);
CREATE INDEX encounter_notes_author_idx ON encounter_notes (author_id);

-- Every saved version of a note, including the losing side of a conflict: clinician text is never lost.
CREATE TABLE note_versions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  note_id     uuid NOT NULL REFERENCES encounter_notes(id),
  version     integer NOT NULL,        -- the note version this text became, or was based on (conflict)
  kind        text NOT NULL CHECK (kind IN ('saved', 'conflict')),
  sections    jsonb NOT NULL,
  author_id   uuid NOT NULL REFERENCES users(id),
  client_id   text,
  saved_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX note_versions_note_idx ON note_versions (note_id, id);
