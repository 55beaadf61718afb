-- Dispatch: the board's unit of work (field requests: home visits and deliveries, geocoded from the ZIP
-- centroid at creation, assigned compare-and-set on version) and the field staff's shifts per day.

CREATE TABLE field_requests (
  id              uuid PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('home_visit', 'delivery')),
  patient_id      uuid NOT NULL REFERENCES patients(id),
  city_id         text NOT NULL REFERENCES cities(id),
  dispatch_date   date NOT NULL,                 -- the day in the city's time zone
  appointment_id  uuid REFERENCES appointments(id), -- home visits: the visit on the assignee's schedule
  delivery_id     uuid,                          -- deliveries: the delivery this request carries out
  reason          text NOT NULL,
  address_line    text NOT NULL,
  postal_code     text NOT NULL,
  latitude        double precision NOT NULL,
  longitude       double precision NOT NULL,
  window_start    timestamptz NOT NULL,
  window_end      timestamptz NOT NULL CHECK (window_end > window_start),
  skills          text[] NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  priority        text NOT NULL CHECK (priority IN ('routine', 'soon', 'urgent')),
  status          text NOT NULL CHECK (status IN ('unassigned', 'assigned', 'en_route', 'arrived', 'completed', 'cancelled')),
  assignee_id     uuid REFERENCES users(id),
  assigned_by     uuid REFERENCES users(id),
  route_position  integer,
  planned_arrival timestamptz,
  status_at       timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'unassigned') = (assignee_id IS NULL) OR status = 'cancelled')
);
CREATE INDEX field_requests_city_day_idx ON field_requests (city_id, dispatch_date);
CREATE INDEX field_requests_patient_idx ON field_requests (patient_id);
CREATE INDEX field_requests_assignee_idx ON field_requests (assignee_id, dispatch_date);
CREATE UNIQUE INDEX field_requests_delivery_idx ON field_requests (delivery_id) WHERE delivery_id IS NOT NULL;

CREATE TABLE staff_shifts (
  id             uuid PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES users(id),
  city_id        text NOT NULL REFERENCES cities(id),
  shift_date     date NOT NULL,
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL CHECK (ends_at > starts_at),
  start_latitude double precision NOT NULL,
  start_longitude double precision NOT NULL,
  status         text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'en_route', 'on_site', 'off_duty')),
  UNIQUE (user_id, shift_date)
);
CREATE INDEX staff_shifts_city_day_idx ON staff_shifts (city_id, shift_date);
