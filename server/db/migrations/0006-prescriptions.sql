-- E-prescribing and deliveries to the patient's door: prescribers' DEA registrations, prescriptions
-- (content immutable once signed; cancel and supersede are status events), their append-only event log,
-- deliveries with their own event log, and the clinicians' inbox tasks (e.g. a failed delivery).

CREATE TABLE prescriber_dea (
  user_id     uuid PRIMARY KEY REFERENCES users(id),
  dea_number  text NOT NULL,
  expires_on  date NOT NULL
);

CREATE TABLE prescriptions (
  id             uuid PRIMARY KEY,
  patient_id     uuid NOT NULL REFERENCES patients(id),
  appointment_id uuid REFERENCES appointments(id),
  prescriber_id  uuid NOT NULL REFERENCES users(id),
  rxcui          text NOT NULL,
  drug_name      text NOT NULL,
  schedule       text NOT NULL CHECK (schedule IN ('none', 'II', 'III', 'IV', 'V')),
  rx_order       jsonb NOT NULL,          -- sig, quantity, refills, days' supply, substitution, pharmacy note
  overrides      jsonb NOT NULL DEFAULT '[]',  -- overridden warnings with the prescriber's reasons
  second_factor  boolean NOT NULL DEFAULT false,
  content_hash   text NOT NULL,           -- SHA-256 of the signed content
  supersedes_id  uuid REFERENCES prescriptions(id),
  status         text NOT NULL CHECK (status IN ('active', 'cancelled', 'superseded')),
  cancel_reason  text,
  signed_at      timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX prescriptions_patient_idx ON prescriptions (patient_id);
CREATE INDEX prescriptions_prescriber_idx ON prescriptions (prescriber_id);

-- Signed content never changes: only status, cancel_reason and version may be updated.
CREATE FUNCTION prescriptions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.patient_id IS DISTINCT FROM OLD.patient_id OR NEW.prescriber_id IS DISTINCT FROM OLD.prescriber_id
     OR NEW.rxcui IS DISTINCT FROM OLD.rxcui OR NEW.rx_order IS DISTINCT FROM OLD.rx_order
     OR NEW.overrides IS DISTINCT FROM OLD.overrides OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id THEN
    RAISE EXCEPTION 'a signed prescription is immutable';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER prescriptions_immutable BEFORE UPDATE ON prescriptions FOR EACH ROW EXECUTE FUNCTION prescriptions_immutable();

CREATE TABLE prescription_events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  prescription_id uuid NOT NULL REFERENCES prescriptions(id),
  kind            text NOT NULL CHECK (kind IN ('signed', 'cancelled', 'superseded')),
  actor_id        uuid NOT NULL REFERENCES users(id),
  related_id      uuid,                   -- the superseding prescription
  at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prescription_events_rx_idx ON prescription_events (prescription_id);

CREATE TABLE deliveries (
  id              uuid PRIMARY KEY,
  prescription_id uuid NOT NULL UNIQUE REFERENCES prescriptions(id),
  patient_id      uuid NOT NULL REFERENCES patients(id),
  status          text NOT NULL CHECK (status IN ('pharmacy_fill', 'ready_for_pickup', 'picked_up', 'out_for_delivery', 'delivered', 'failed', 'returned', 'cancelled')),
  courier_id      uuid REFERENCES users(id),
  eta             timestamptz,
  failure_reason  text CHECK (failure_reason IN ('not_home', 'wrong_address', 'refused')),
  recipient_name  text,
  delivered_at    timestamptz,
  photo_ref       text,
  signature_ref   text,
  attempt         integer NOT NULL DEFAULT 1,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_courier_idx ON deliveries (courier_id, status);
CREATE INDEX deliveries_status_idx ON deliveries (status);

CREATE TABLE delivery_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id  uuid NOT NULL REFERENCES deliveries(id),
  from_status  text,
  to_status    text NOT NULL,
  actor_id     uuid REFERENCES users(id),
  courier_id   uuid REFERENCES users(id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_events_delivery_idx ON delivery_events (delivery_id);

CREATE TABLE inbox_tasks (
  id              uuid PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users(id),
  patient_id      uuid NOT NULL REFERENCES patients(id),
  kind            text NOT NULL CHECK (kind IN ('delivery_failed')),
  prescription_id uuid REFERENCES prescriptions(id),
  delivery_id     uuid REFERENCES deliveries(id),
  status          text NOT NULL CHECK (status IN ('open', 'done')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX inbox_tasks_user_idx ON inbox_tasks (user_id, status);
