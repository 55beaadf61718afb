-- Foundation: service cities, users and staff, sign-in sessions, patients with their clinical lists,
-- care teams, appointments, and the append-only audit log.

CREATE TABLE server_settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE cities (
  id          text PRIMARY KEY,              -- e.g. 'seattle'
  name        text NOT NULL,
  state       char(2) NOT NULL,
  time_zone   text NOT NULL,                 -- IANA, e.g. 'America/Los_Angeles'
  in_person   boolean NOT NULL DEFAULT true,  -- in-person clinic and mobile visits offered
  latitude    double precision NOT NULL,
  longitude   double precision NOT NULL
);

CREATE TABLE users (
  id              uuid PRIMARY KEY,
  email           text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name    text NOT NULL,
  role            text NOT NULL CHECK (role IN ('clinician', 'dispatcher', 'courier', 'admin')),
  credential      text CHECK (credential IN ('MD', 'DO', 'NP', 'RN', 'phlebotomist', 'courier', 'coordinator', 'it')),
  time_zone       text NOT NULL DEFAULT 'America/Los_Angeles',
  home_city_id    text REFERENCES cities(id),
  password_hash   text NOT NULL,
  totp_secret     text,
  totp_enabled    boolean NOT NULL DEFAULT false,
  totp_last_step  bigint,                  -- last accepted TOTP time step: a code is never accepted twice
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Field skills (phlebotomy, iv, vaccination, lung_exam, wound_care, delivery, ...).
CREATE TABLE staff_skills (
  user_id uuid NOT NULL REFERENCES users(id),
  skill   text NOT NULL,
  PRIMARY KEY (user_id, skill)
);

CREATE TABLE staff_licenses (
  user_id        uuid NOT NULL REFERENCES users(id),
  state          char(2) NOT NULL,
  license_number text NOT NULL,
  expires_on     date NOT NULL,
  PRIMARY KEY (user_id, state)
);

CREATE TABLE sessions (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id),
  device_id    text NOT NULL,
  ip           text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Refresh tokens are stored only as SHA-256 hashes; each is used once (rotation).
CREATE TABLE refresh_tokens (
  token_hash  text PRIMARY KEY,
  session_id  uuid NOT NULL REFERENCES sessions(id),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE employers (
  id   uuid PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE patients (
  id             uuid PRIMARY KEY,
  mrn            text NOT NULL UNIQUE,
  given_name     text NOT NULL,
  family_name    text NOT NULL,
  birth_date     date NOT NULL,
  sex            text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone          text,
  email          text,
  address_line   text NOT NULL,
  address_city   text NOT NULL,
  address_state  char(2) NOT NULL,
  postal_code    text NOT NULL,
  -- Where the patient is now (confirmed at check-in); decides which clinicians may see them.
  location_state char(2) NOT NULL,
  city_id        text REFERENCES cities(id),
  employer_id    uuid REFERENCES employers(id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE patient_allergies (
  id          uuid PRIMARY KEY,
  patient_id  uuid NOT NULL REFERENCES patients(id),
  substance   text NOT NULL,
  code        text,                 -- RxNorm ingredient or class code where known
  reaction    text,
  severity    text CHECK (severity IN ('mild', 'moderate', 'severe')),
  recorded_on date
);
CREATE INDEX patient_allergies_patient_idx ON patient_allergies (patient_id);

CREATE TABLE patient_medications (
  id          uuid PRIMARY KEY,
  patient_id  uuid NOT NULL REFERENCES patients(id),
  rxnorm_code text NOT NULL,
  name        text NOT NULL,
  sig         text,
  status      text NOT NULL CHECK (status IN ('active', 'stopped', 'completed')),
  started_on  date
);
CREATE INDEX patient_medications_patient_idx ON patient_medications (patient_id);

CREATE TABLE patient_problems (
  id          uuid PRIMARY KEY,
  patient_id  uuid NOT NULL REFERENCES patients(id),
  icd10_code  text NOT NULL,
  description text NOT NULL,
  status      text NOT NULL CHECK (status IN ('active', 'resolved')),
  onset_on    date
);
CREATE INDEX patient_problems_patient_idx ON patient_problems (patient_id);

-- Who may see a patient's chart: their care team (primary clinician, visiting clinicians, ...).
CREATE TABLE care_team (
  patient_id uuid NOT NULL REFERENCES patients(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  relation   text NOT NULL CHECK (relation IN ('primary', 'scheduled', 'consulting')),
  PRIMARY KEY (patient_id, user_id)
);
CREATE INDEX care_team_user_idx ON care_team (user_id);

CREATE TABLE appointments (
  id           uuid PRIMARY KEY,
  patient_id   uuid NOT NULL REFERENCES patients(id),
  clinician_id uuid NOT NULL REFERENCES users(id),
  kind         text NOT NULL CHECK (kind IN ('video', 'home', 'clinic')),
  status       text NOT NULL CHECK (status IN ('booked', 'checked_in', 'in_progress', 'completed', 'no_show', 'cancelled')),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
  reason       text NOT NULL,
  city_id      text REFERENCES cities(id),
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointments_clinician_idx ON appointments (clinician_id, starts_at);
CREATE INDEX appointments_patient_idx ON appointments (patient_id);
CREATE INDEX appointments_city_day_idx ON appointments (city_id, starts_at);

-- Append-only record of every read and write of patient data. Holds ids and action names, never PHI values.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     uuid,
  role        text,
  session_id  uuid,
  device_id   text,
  ip          text,
  action      text NOT NULL,         -- e.g. 'patient.read', 'patient.search', 'auth.sign_in'
  patient_id  uuid,
  resource    text,                  -- e.g. 'patient', 'appointment'
  resource_id text,
  outcome     text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  detail      jsonb
);
CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
