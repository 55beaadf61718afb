-- FHIR R4 import and export: practitioners known from imported records (never sign-in users), encounters,
-- vital signs, the original codings of imported problems, allergies and medications, and the map from an
-- external (source system, resource type, id) to the local row that makes importing a bundle again change nothing.

-- Clinicians of other organisations named in imported records. They cannot sign in; Housecall staff are users.
CREATE TABLE practitioners (
  id          uuid PRIMARY KEY,
  family_name text,
  given_name  text,
  prefix      text,
  npi         text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE encounters (
  id              uuid PRIMARY KEY,
  patient_id      uuid NOT NULL REFERENCES patients(id),
  appointment_id  uuid REFERENCES appointments(id),
  clinician_id    uuid REFERENCES users(id),          -- the Housecall clinician, for Housecall's own visits
  practitioner_id uuid REFERENCES practitioners(id),  -- the external practitioner, for imported encounters
  class_code      text NOT NULL,                      -- HL7 v3 ActCode: VR virtual, HH home health, AMB ambulatory, EMER, IMP, ...
  status          text NOT NULL CHECK (status IN ('planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown')),
  type_system     text,
  type_code       text,
  type_display    text,
  reason_system   text,
  reason_code     text,
  reason_display  text,
  starts_at       timestamptz,
  ends_at         timestamptz CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at),
  source          text NOT NULL CHECK (source IN ('housecall', 'fhir_import')),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX encounters_patient_idx ON encounters (patient_id, starts_at);

-- One row per measurement; a blood pressure is one row with systolic and diastolic (and no value).
CREATE TABLE vital_signs (
  id           uuid PRIMARY KEY,
  patient_id   uuid NOT NULL REFERENCES patients(id),
  encounter_id uuid REFERENCES encounters(id),
  loinc_code   text NOT NULL,      -- the code the FHIR vital-signs profile requires (85354-9 blood pressure, 8310-5 temperature ...)
  source_code  text,               -- the more specific LOINC code received, when it differed (55284-4, 8331-1 ...)
  display      text NOT NULL,
  value        numeric,
  systolic     numeric,
  diastolic    numeric,
  unit         text NOT NULL,      -- UCUM code
  status       text NOT NULL CHECK (status IN ('preliminary', 'final', 'amended', 'corrected')),
  effective_at timestamptz NOT NULL,
  source       text NOT NULL CHECK (source IN ('housecall', 'fhir_import')),
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((value IS NOT NULL AND systolic IS NULL AND diastolic IS NULL) OR (value IS NULL AND systolic IS NOT NULL AND diastolic IS NOT NULL))
);
CREATE INDEX vital_signs_patient_idx ON vital_signs (patient_id, effective_at);

-- The codings a problem, allergy or medication arrived with (e.g. the SNOMED CT code of an imported Condition),
-- so an export can give them back beside the ICD-10-CM / RxNorm code Housecall keeps on the row itself.
CREATE TABLE clinical_codings (
  entity    text NOT NULL CHECK (entity IN ('problem', 'allergy', 'medication')),
  entity_id uuid NOT NULL,
  position  integer NOT NULL,
  system    text NOT NULL,
  code      text NOT NULL,
  display   text,
  PRIMARY KEY (entity, entity_id, position)
);

-- Which local row an imported resource became. content_hash is the hash of what the import wrote: the same
-- again on a later import means there is nothing to change (and a local edit since then is not overwritten).
CREATE TABLE external_ids (
  source_system text NOT NULL,
  resource_type text NOT NULL,
  external_id   text NOT NULL,
  local_table   text NOT NULL,
  local_id      uuid NOT NULL,
  content_hash  text NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_system, resource_type, external_id)
);
CREATE INDEX external_ids_local_idx ON external_ids (local_id);

-- Medical record numbers of imported patients: HCF0000001, ... (demo and staff-entered ones are HC + 7 digits).
CREATE SEQUENCE imported_mrn_seq;
